/* ccp-compare-chart.h: several series side by side per category, as grouped bars drawn with
 * GtkSnapshot: the previous and the current period per objective, or the creative fields per
 * area of action. A legend names the series; the accessible description says every number. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CCP_TYPE_COMPARE_CHART (ccp_compare_chart_get_type ())
G_DECLARE_FINAL_TYPE (CcpCompareChart, ccp_compare_chart, CCP, COMPARE_CHART, GtkWidget)

GtkWidget  *ccp_compare_chart_new             (const char        *title);
const char *ccp_compare_chart_get_title       (CcpCompareChart   *self);
/* Removes the rows and sets the series' names (n of them, at least one). shares: the values
 * are fractions 0..1, shown as percentages; otherwise counts. */
void        ccp_compare_chart_set_series      (CcpCompareChart   *self,
                                               const char *const *names,
                                               guint              n,
                                               gboolean           shares);
/* A category ("Objective 1") with one value per series (as many as set_series() named). */
void        ccp_compare_chart_add_row         (CcpCompareChart   *self,
                                               const char        *label,
                                               const double      *values);
/* Two series as "before and now": the first in the text colour, faded, the second in the
 * accent colour (otherwise each series has a colour of GNOME's palette). */
void        ccp_compare_chart_set_then_now    (CcpCompareChart   *self,
                                               gboolean           then_now);
guint       ccp_compare_chart_get_n_rows      (CcpCompareChart   *self);
guint       ccp_compare_chart_get_n_series    (CcpCompareChart   *self);
double      ccp_compare_chart_get_value       (CcpCompareChart   *self,
                                               guint              row,
                                               guint              series);
/* The text given to assistive technologies (also the tooltip). */
const char *ccp_compare_chart_get_description (CcpCompareChart   *self);

G_END_DECLS
