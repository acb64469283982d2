/* ccp-overview-chart.h: one chart of a field plan's overview, drawn with GtkSnapshot: counts per
 * objective or area of action (bars), SDG coverage (the 17 coloured tiles with counts), a
 * six-month timeline of activities per city, or budget totals per currency. Its accessible
 * description says the numbers, for a screen reader. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

typedef enum {
  CCP_OVERVIEW_CHART_OBJECTIVES,
  CCP_OVERVIEW_CHART_AREAS,
  CCP_OVERVIEW_CHART_SDGS,
  CCP_OVERVIEW_CHART_TIMELINE,
  CCP_OVERVIEW_CHART_BUDGET,
} CcpOverviewChartKind;

GType ccp_overview_chart_kind_get_type (void) G_GNUC_CONST;
#define CCP_TYPE_OVERVIEW_CHART_KIND (ccp_overview_chart_kind_get_type ())

#define CCP_TYPE_OVERVIEW_CHART (ccp_overview_chart_get_type ())
G_DECLARE_FINAL_TYPE (CcpOverviewChart, ccp_overview_chart, CCP, OVERVIEW_CHART, GtkWidget)

/* Properties: "kind" (CcpOverviewChartKind, construct), "field-plan" (CcpFieldPlan or NULL). */
GtkWidget            *ccp_overview_chart_new            (CcpOverviewChartKind kind);
CcpOverviewChartKind  ccp_overview_chart_get_kind       (CcpOverviewChart    *self);
void                  ccp_overview_chart_set_field_plan (CcpOverviewChart    *self,
                                                         CcpFieldPlan        *field_plan);
/* The same, with the figures already computed (ccp-overview-data.h), e.g. in a worker. */
typedef struct _CcpOverviewData CcpOverviewData;
void                  ccp_overview_chart_set_data       (CcpOverviewChart    *self,
                                                         CcpFieldPlan        *field_plan,
                                                         CcpOverviewData     *data);
CcpFieldPlan         *ccp_overview_chart_get_field_plan (CcpOverviewChart    *self);
/* The figures given with ccp_overview_chart_set_data(), or NULL. */
CcpOverviewData      *ccp_overview_chart_get_data       (CcpOverviewChart    *self);
/* The text given to assistive technologies (also the tooltip). */
const char           *ccp_overview_chart_get_description (CcpOverviewChart   *self);
/* The chart's title, e.g. "Activities per objective". */
const char           *ccp_overview_chart_get_title      (CcpOverviewChart    *self);

/* The height of the chart drawn width wide. */
int                   ccp_overview_chart_get_height_for_width (CcpOverviewChart *self,
                                                               int               width);
/* Draws the chart into cr from (0, 0), width wide, for paper (black on white), its text laid
 * out with context (e.g. a print context's), mirrored if rtl: the same drawing as on screen
 * (ccp-chart-draw.h). */
void                  ccp_overview_chart_draw_cairo     (CcpOverviewChart    *self,
                                                         cairo_t             *cr,
                                                         PangoContext        *context,
                                                         double               width,
                                                         gboolean             rtl);

/* Activities of the field plan per city and month of its period (a joint activity counts for
 * each of its cities, an activity in each month it overlaps). Returns the months ("YYYY-MM")
 * and fills cities (names, sorted) and counts (cities x months, row by row). Pure function,
 * shared with the tests; ccp-overview-data.c counts it, with the statistics. */
GPtrArray            *ccp_overview_timeline_counts      (CcpFieldPlan        *field_plan,
                                                         GPtrArray          **cities,
                                                         GArray             **counts);

G_END_DECLS
