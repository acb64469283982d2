/* ccp-overview-data.h: what the overview charts of a field plan show (the statistics and the
 * timeline), computed once, in any thread, for every chart: the workspace makes it in its
 * worker so that no chart walks 37,000 activities on the main thread. */
#pragma once

#include "ccp-overview-chart.h"

G_BEGIN_DECLS

struct _CcpOverviewData {
  CcpStats  *stats;
  GPtrArray *months;   /* "YYYY-MM" of the period */
  GPtrArray *cities;   /* names, sorted */
  GArray    *counts;   /* guint, cities x months */
};

/* Only reads field_plan: may run in a worker while the main thread reads it too. */
CcpOverviewData *ccp_overview_data_new   (CcpFieldPlan    *field_plan);
CcpOverviewData *ccp_overview_data_ref   (CcpOverviewData *self);
void             ccp_overview_data_unref (CcpOverviewData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpOverviewData, ccp_overview_data_unref)

G_END_DECLS
