/* ccp-stats.h: summary statistics of a city plan or a field plan.
 *
 * Counts of activities per city, objective, area of action, SDG, kind, scope and month (an
 * activity counts once in each month of the period it overlaps), the flagship count, and budget
 * totals per currency. Budgets are never summed across currencies, and amounts are added as
 * integer cents, so 0.10 + 0.20 is exactly 0.30.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_STATS_CITY,        /* key: city name (country in ->country); a joint activity counts
                          * for each of its cities */
  CCP_STATS_OBJECTIVE,   /* key: code of vocabulary "objective" */
  CCP_STATS_AREA,        /* "area" */
  CCP_STATS_SDG,         /* "sdg" */
  CCP_STATS_KIND,        /* "kind" */
  CCP_STATS_SCOPE,       /* "scope" */
  CCP_STATS_MONTH,       /* "YYYY-MM": every month of the period, even with no activity */
  CCP_STATS_N_DIMENSIONS
} CcpStatsDimension;

typedef struct {
  char  *key;
  char  *country;        /* CCP_STATS_CITY only, else NULL */
  guint  count;
} CcpStatsCount;

typedef struct {
  char   *currency;      /* ISO 4217 code as written ("" when none was given) */
  gint64  cents;         /* total of the amounts that could be read */
  guint   activities;    /* activities (in a field plan: cities' contributions) with an amount
                          * in this currency */
  guint   unreadable;    /* amounts that are not decimal numbers: not in the total */
} CcpStatsBudget;

#define CCP_TYPE_STATS (ccp_stats_get_type ())
G_DECLARE_FINAL_TYPE (CcpStats, ccp_stats, CCP, STATS, GObject)

CcpStats    *ccp_stats_new_for_plan       (CcpPlan           *plan);
CcpStats    *ccp_stats_new_for_field_plan (CcpFieldPlan      *field_plan);

/* Told of each activity as it is counted, with its dates as ccp_date_parse() reads them (NULL
 * when not a date): a caller that counts more figures does it in the same walk over the model,
 * each activity read once. */
typedef void (*CcpStatsActivityFunc) (CcpActivity *activity,
                                      const GDate *start,
                                      const GDate *end,
                                      gpointer     user_data);
/* ccp_stats_new_for_field_plan(), calling func (if not NULL) for each activity, in order. */
CcpStats    *ccp_stats_new_for_field_plan_full (CcpFieldPlan         *field_plan,
                                                CcpStatsActivityFunc  func,
                                                gpointer              user_data);

guint        ccp_stats_get_n_activities   (CcpStats          *self);
guint        ccp_stats_get_n_flagship     (CcpStats          *self);
/* Rows of one dimension (CcpStatsCount *, owned by self): vocabulary order for codes (every
 * term, zero counts included, then unknown codes sorted), months in order, cities by name. */
GPtrArray   *ccp_stats_get_counts         (CcpStats          *self,
                                           CcpStatsDimension  dimension);
/* 0 when the key is not there. */
guint        ccp_stats_get_count          (CcpStats          *self,
                                           CcpStatsDimension  dimension,
                                           const char        *key);
/* CcpStatsBudget *, sorted by currency, owned by self. */
GPtrArray   *ccp_stats_get_budgets        (CcpStats          *self);
/* NULL when there is no amount in that currency. */
const CcpStatsBudget *ccp_stats_get_budget (CcpStats         *self,
                                           const char        *currency);

/* Reads "12", "12.5", "12.50" (at most two decimals, no sign, "." separator) as cents. */
gboolean     ccp_stats_parse_amount       (const char        *text,
                                           gint64            *cents);
/* 1234550 -> "12345.50". Free with g_free(). */
char        *ccp_stats_format_cents       (gint64             cents);

G_END_DECLS
