/* ccp-period-view.h: this period beside the previous one, in the workspace. The coordinator
 * opens the previous period's field plan (or a city plan); per city the activities new,
 * continued (same identifier or carried-over link) and dropped, and the counts per objective,
 * area of action, SDG and kind as charts of both periods side by side (ccp-period-compare.h). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-compare-chart.h"

G_BEGIN_DECLS

#define CCP_TYPE_PERIOD_VIEW (ccp_period_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpPeriodView, ccp_period_view, CCP, PERIOD_VIEW, AdwBin)

/* Property "busy" (boolean, read-only): the previous period's file is being read. */
GtkWidget        *ccp_period_view_new          (void);
/* The workspace's field plan (NULL: nothing to compare). */
void              ccp_period_view_set_current  (CcpPeriodView *self,
                                                CcpFieldPlan  *current);
/* The previous period: a CcpFieldPlan or CcpPlan, named name (its file). NULL clears it. */
void              ccp_period_view_set_previous (CcpPeriodView *self,
                                                GObject       *previous,
                                                const char    *name);
/* Reads file in a thread, then set_previous(), or shows why it cannot be compared. */
void              ccp_period_view_open_file    (CcpPeriodView *self,
                                                GFile         *file);
/* The chooser of "Open Previous Period…". */
void              ccp_period_view_choose       (CcpPeriodView *self);
gboolean          ccp_period_view_get_busy     (CcpPeriodView *self);
/* The comparison shown, or NULL. */
CcpPeriodCompare *ccp_period_view_get_compare  (CcpPeriodView *self);
CcpCompareChart  *ccp_period_view_get_chart    (CcpPeriodView      *self,
                                                CcpCompareDimension dimension);
/* The rows of the per-city list (AdwExpanderRow, one per city). */
GtkListBox       *ccp_period_view_get_cities   (CcpPeriodView *self);
/* What is shown: "none" (no previous period yet), "message" or "comparison". */
const char       *ccp_period_view_get_state    (CcpPeriodView *self);

G_END_DECLS
