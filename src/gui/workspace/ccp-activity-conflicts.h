/* ccp-activity-conflicts.h: the joint conflicts of an activity in its detail window. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

/* Adds to page a group with the activity's joint-conflict report items of field_plan, each
 * city's value with a button to keep it (ccp_field_plan_choose(), with the coordinator's name
 * and the time; the window closes then). Nothing when the activity has no conflict. */
void ccp_activity_conflicts_add (AdwPreferencesPage *page,
                                 CcpFieldPlan       *field_plan,
                                 CcpActivity        *activity);

G_END_DECLS
