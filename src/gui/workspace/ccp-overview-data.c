/* ccp-overview-data.c: see ccp-overview-data.h. */
#define G_LOG_DOMAIN "ccp-overview-data"

#include "config.h"

#include "ccp-overview-chart.h"
#include "ccp-overview-data.h"

static void
overview_data_clear (CcpOverviewData *self)
{
  g_clear_object (&self->stats);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
}

CcpOverviewData *
ccp_overview_data_new (CcpFieldPlan *field_plan)
{
  CcpOverviewData *self;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  self = g_atomic_rc_box_new0 (CcpOverviewData);
  self->stats = ccp_stats_new_for_field_plan (field_plan);
  self->months = ccp_overview_timeline_counts (field_plan, &self->cities, &self->counts);
  return self;
}

CcpOverviewData *
ccp_overview_data_ref (CcpOverviewData *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ccp_overview_data_unref (CcpOverviewData *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) overview_data_clear);
}
