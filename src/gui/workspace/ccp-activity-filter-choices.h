/* ccp-activity-filter-choices.h: what the activities table's filter drop-downs offer: "any"
 * first, then a vocabulary's codes with their labels, the cities of the activities, or the
 * months of the field plan's period. */
#pragma once

#include <gtk/gtk.h>

#include "ccp-activity-filter.h"
#include "ccp-core.h"

G_BEGIN_DECLS

/* The code chosen in drop_down, whose items' codes are codes ([0] "", any); NULL for any. */
const char *ccp_activity_filter_choices_selected (GtkDropDown *drop_down,
                                                  GPtrArray   *codes);
/* Fills each of the CCP_ACTIVITY_N_FILTERS drop-downs and its codes (char *), keeping the
 * choice when its code is still offered; the items come a chunk per main-loop turn
 * (ccp-staged-store.h). cities: the names of the cities of activities, sorted, or NULL to list
 * them here from activities. Without a field plan, cities and months offer only "any". */
void        ccp_activity_filter_choices_fill     (GtkDropDown  **drop_downs,
                                                  GPtrArray    **codes,
                                                  CcpFieldPlan  *field_plan,
                                                  GListModel    *activities,
                                                  GPtrArray     *cities);

G_END_DECLS
