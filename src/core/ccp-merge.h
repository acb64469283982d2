/* ccp-merge.h: filled in by the consolidation work (issue "Consolidation"). */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
