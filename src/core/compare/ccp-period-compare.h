/* ccp-period-compare.h: this period beside the previous one.
 *
 * API note (for `ccplans compare` and the GUI's period comparison; later changes only add):
 *   g_autoptr(CcpPeriodCompare) cmp = ccp_period_compare_new (previous, current);
 *   (each a CcpPlan or a CcpFieldPlan; a city plan is one city)
 *   per city:   ccp_period_compare_get_n_cities(), ccp_period_compare_get_city (cmp, i)
 *   per code:   ccp_period_compare_get_counts (cmp, CCP_COMPARE_OBJECTIVE) and so on
 *
 * A current activity continues a previous one when it has the same identifier in the same
 * city's plan, or when its carried-over link (carried-from-plan and -activity) names it: in a
 * field plan the previous activity is found through its cities' attributions (plan and
 * activity of the city plan it came from), in a city plan by its identifier. Otherwise it is
 * new; a previous activity no current one continues is dropped. In a field plan each city of
 * a joint activity counts it for itself.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* The dimensions counted side by side (codes of the vocabulary of the same name). */
typedef enum {
  CCP_COMPARE_OBJECTIVE,
  CCP_COMPARE_AREA,
  CCP_COMPARE_SDG,
  CCP_COMPARE_KIND,
  CCP_COMPARE_N_DIMENSIONS
} CcpCompareDimension;

typedef struct {
  char      *city;
  char      *country;
  guint      n_previous;       /* activities of the city in the previous period */
  guint      n_current;
  GPtrArray *new_ids;          /* char *: current activity identifiers, new this period */
  GPtrArray *continued_ids;    /* char *: current identifiers that continue one... */
  GPtrArray *continued_from;   /* char *: ...the previous identifier each continues (same order) */
  GPtrArray *dropped_ids;      /* char *: previous identifiers not continued */
} CcpPeriodCity;

typedef struct {
  char  *code;
  guint  previous;             /* activities with that code in the previous period */
  guint  current;
} CcpPeriodCount;

#define CCP_TYPE_PERIOD_COMPARE (ccp_period_compare_get_type ())
G_DECLARE_FINAL_TYPE (CcpPeriodCompare, ccp_period_compare, CCP, PERIOD_COMPARE, GObject)

CcpPeriodCompare     *ccp_period_compare_new          (GObject             *previous,
                                                       GObject             *current);
const char           *ccp_period_compare_get_previous_period (CcpPeriodCompare *self);
const char           *ccp_period_compare_get_current_period  (CcpPeriodCompare *self);
guint                 ccp_period_compare_get_n_previous (CcpPeriodCompare  *self);
guint                 ccp_period_compare_get_n_current  (CcpPeriodCompare  *self);
/* Cities by name then country; a city in only one of the periods is there too. */
guint                 ccp_period_compare_get_n_cities (CcpPeriodCompare    *self);
const CcpPeriodCity  *ccp_period_compare_get_city     (CcpPeriodCompare    *self,
                                                       guint                index);
/* Totals over the cities. */
guint                 ccp_period_compare_get_n_new       (CcpPeriodCompare *self);
guint                 ccp_period_compare_get_n_continued (CcpPeriodCompare *self);
guint                 ccp_period_compare_get_n_dropped   (CcpPeriodCompare *self);
/* CcpPeriodCount *, owned by self: every term of the vocabulary in its order (zeros
 * included), then codes the vocabulary lacks, sorted. An activity counts once per code. */
GPtrArray            *ccp_period_compare_get_counts   (CcpPeriodCompare    *self,
                                                       CcpCompareDimension  dimension);

/* "objective", "area", "sdg", "kind": the vocabulary (and JSON key) of a dimension. */
const char           *ccp_compare_dimension_to_code  (CcpCompareDimension  dimension);

G_END_DECLS
