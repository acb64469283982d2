/* ccp-network-compare.h: the creative fields side by side, from the network overview (a field
 * plan merged from field plans into field CCP_FIELD_NETWORK).
 *
 * API note (for the HTML report, the network CSV and the GUI's charts; later changes only add):
 *   g_autoptr(CcpNetworkCompare) net = ccp_network_compare_new (network_field_plan);
 *   for (i < ccp_network_compare_get_n_fields (net)) ccp_network_compare_get_field (net, i)
 *   ccp_network_compare_get_shares (net, CCP_COMPARE_OBJECTIVE): one row per code, one share
 *   per field (0.0 .. 1.0 of that field's activities), so that fields of different sizes compare.
 *
 * An activity belongs to the fields of its cities: the field of the source its attribution's
 * plan came from, else the roster's field of that city. A joint activity across fields counts
 * once in each. Cities expected are the roster's members of the field; cities with a plan, the
 * distinct cities of the field's accepted sources. Budgets add each city's contribution of the
 * field, per currency, in cents, never across currencies.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-period-compare.h"

G_BEGIN_DECLS

typedef struct {
  char   *currency;            /* ISO 4217 code as written */
  gint64  cents;
  guint   contributions;       /* contributions with a readable amount in that currency */
} CcpNetworkBudget;

typedef struct {
  char      *field;            /* code of vocabulary "field" */
  guint      cities_expected;  /* roster members of the field */
  guint      cities_with_plan;
  guint      activities;
  guint      international;    /* scope "international" */
  guint      local;            /* scope "local" */
  guint      flagships;
  GPtrArray *budgets;          /* CcpNetworkBudget *, by currency */
} CcpNetworkField;

typedef struct {
  char   *code;
  guint  *counts;              /* one per field, in ccp_network_compare_get_field() order */
  double *shares;              /* counts / that field's activities (0 when it has none) */
} CcpNetworkShare;

#define CCP_TYPE_NETWORK_COMPARE (ccp_network_compare_get_type ())
G_DECLARE_FINAL_TYPE (CcpNetworkCompare, ccp_network_compare, CCP, NETWORK_COMPARE, GObject)

/* Works on any field plan (one field then); meant for the network overview. */
CcpNetworkCompare     *ccp_network_compare_new        (CcpFieldPlan        *field_plan);
/* Fields in the vocabulary's order, then unknown codes sorted; only fields the roster or an
 * activity names. */
guint                  ccp_network_compare_get_n_fields (CcpNetworkCompare *self);
const CcpNetworkField *ccp_network_compare_get_field  (CcpNetworkCompare   *self,
                                                       guint                index);
/* CcpNetworkShare *, owned by self: every term of the vocabulary in order, then unknown codes.
 * CCP_COMPARE_KIND is counted too. */
GPtrArray             *ccp_network_compare_get_shares (CcpNetworkCompare   *self,
                                                       CcpCompareDimension  dimension);
/* Every currency any field has, sorted. NULL-terminated, owned by self. */
const char * const    *ccp_network_compare_get_currencies (CcpNetworkCompare *self);
/* The field's budget in currency, or NULL. */
const CcpNetworkBudget *ccp_network_field_get_budget  (const CcpNetworkField *field,
                                                       const char            *currency);

G_END_DECLS
