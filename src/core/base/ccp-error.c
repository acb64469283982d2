#define G_LOG_DOMAIN "ccp-error"

#include "config.h"

#include "ccp-error.h"

G_DEFINE_QUARK (ccp-error-quark, ccp_error)
