/* test-compare.c: the period comparison and the network comparison (compare/), checked against
 * figures worked out by hand on a small set: two periods, three fields.
 *
 * 2027-H1: Bologna (music) m1, m2; Busan (film) f1.
 * 2027-H2: Bologna m1 (carried by ccp_plan_carry_forward: m1 was ongoing), m3, j1 (joint with
 *          Berlin); Busan f9 (renamed, carried-over link to f1); Berlin (design) d1, d2, j1.
 */
#define G_LOG_DOMAIN "test-compare"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-export-network.h"
#include "ccp-test-util.h"

#define WHEN "2026-12-01T10:00:00Z"

typedef struct {
  const char *id;
  const char *kind;
  const char *scope;
  gboolean    flagship;
  const char *objectives;   /* space-separated */
  const char *amount;       /* NULL: no budget */
  const char *currency;
} Spec;

static CcpActivity *
nth (CcpPlan *plan,
     guint    i)
{
  g_autoptr(CcpActivity) activity =
    g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), i);

  return activity;
}

static void
set_activity (CcpActivity *activity,
              const Spec  *spec)
{
  g_auto(GStrv) objectives = g_strsplit (spec->objectives, " ", -1);
  const char *areas[] = { "1", NULL };

  ccp_activity_set_id (activity, spec->id);
  ccp_activity_set_kind (activity, spec->kind);
  ccp_activity_set_scope (activity, spec->scope);
  ccp_activity_set_flagship (activity, spec->flagship);
  ccp_activity_set_objectives (activity, (const char * const *) objectives);
  ccp_activity_set_areas (activity, areas);
  ccp_activity_set_joint_ref (activity, "");
  ccp_activity_set_budget_none (activity, spec->amount == NULL);
  ccp_activity_set_budget_amount (activity, spec->amount != NULL ? spec->amount : "");
  ccp_activity_set_budget_currency (activity, spec->currency != NULL ? spec->currency : "");
}

static CcpPlan *
make_plan (GRand      *rand,
           const char *city,
           const char *country,
           const char *field,
           const char *period,
           const Spec *specs,
           guint       n)
{
  CcpPlan *plan = ccp_test_random_plan (rand, city, country, field, period, n);

  for (guint i = 0; i < n; i++)
    set_activity (nth (plan, i), &specs[i]);
  return plan;
}

static CcpFieldPlan *
merge_network (GPtrArray *plans)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GPtrArray) roster = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;
  const char *members[][3] = {
    { "Bologna", "IT", "music" }, { "Liverpool", "GB", "music" }, { "Busan", "KR", "film" },
    { "Berlin", "DE", "design" }, { "Bandung", "ID", "design" }, { "Cape Town", "ZA", "design" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    g_ptr_array_add (roster, ccp_member_city_new (members[i][0], members[i][1], members[i][2],
                                                  2014));
  ccp_merge_set_consolidated (merge, WHEN);
  ccp_merge_set_field (merge, CCP_FIELD_NETWORK);
  ccp_merge_set_roster (merge, roster);
  for (guint i = 0; i < plans->len; i++)
    {
      CcpPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_strdup_printf ("plan-%u.xml", i);

      /* Drafts, so that a carried activity's dates (flagged for review) do not refuse it. */
      ccp_plan_set_status (plan, CCP_PLAN_STATUS_DRAFT);
      bytes = ccp_writer_write_plan (plan);
      ccp_merge_add_bytes (merge, name, bytes);
    }
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  return result;
}

typedef struct {
  CcpPlan      *bologna1;
  CcpPlan      *bologna2;
  CcpFieldPlan *network1;
  CcpFieldPlan *network2;
} Periods;

static void
periods_clear (Periods *periods)
{
  g_clear_object (&periods->bologna1);
  g_clear_object (&periods->bologna2);
  g_clear_object (&periods->network1);
  g_clear_object (&periods->network2);
}

static void
make_periods (Periods *periods)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  const Spec bologna1[] = {
    { "m1", "festival-event", "international", TRUE, "1 2", "1000.00", "EUR" },
    { "m2", "workshop-capacity-building", "local", FALSE, "2", "500", "EUR" },
  };
  const Spec busan1[] = { { "f1", "festival-event", "local", FALSE, "3", "200", "KRW" } };
  const Spec bologna2[] = {
    { "m3", "exhibition", "local", FALSE, "4", "300.50", "EUR" },
    { "j1", "exchange-residency", "international", FALSE, "2", "100", "EUR" },
  };
  const Spec busan2[] = { { "f9", "festival-event", "local", FALSE, "3", "200", "KRW" } };
  const Spec berlin2[] = {
    { "d1", "pilot-project", "international", FALSE, "1", "100", "USD" },
    { "d2", "exhibition", "local", TRUE, "1 5", NULL, NULL },
    { "j1", "exchange-residency", "international", FALSE, "2", "50", "EUR" },
  };
  g_autoptr(CcpPlan) busan_1 = NULL;
  g_autoptr(CcpPlan) busan_2 = NULL;
  g_autoptr(CcpPlan) berlin_2 = NULL;
  g_autoptr(CcpPlan) fresh = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GPtrArray) second = g_ptr_array_new ();
  CcpActivity *joint_bologna, *joint_berlin, *f9;
  const CcpActivityField *fields;
  guint n_fields;

  periods->bologna1 = make_plan (rand, "Bologna", "IT", "music", "2027-H1", bologna1, 2);
  ccp_activity_set_state (nth (periods->bologna1, 0), "ongoing");
  ccp_activity_set_state (nth (periods->bologna1, 1), "cancelled");
  busan_1 = make_plan (rand, "Busan", "KR", "film", "2027-H1", busan1, 1);

  /* Bologna's next plan: m1 carried, then two activities of its own. */
  periods->bologna2 = ccp_plan_carry_forward (periods->bologna1, CCP_CARRY_DEFAULT, NULL);
  fresh = make_plan (rand, "Bologna", "IT", "music", "2027-H2", bologna2, 2);
  for (guint i = 0; i < 2; i++)
    ccp_item_list_append (ccp_plan_get_activities (periods->bologna2), nth (fresh, i));
  busan_2 = make_plan (rand, "Busan", "KR", "film", "2027-H2", busan2, 1);
  f9 = nth (busan_2, 0);
  ccp_activity_set_carried_from_plan (f9, ccp_plan_get_id (busan_1));
  ccp_activity_set_carried_from_activity (f9, "f1");
  berlin_2 = make_plan (rand, "Berlin", "DE", "design", "2027-H2", berlin2, 3);

  /* j1 is one joint activity: the same shared fields in both plans. */
  joint_bologna = nth (periods->bologna2, 2);
  joint_berlin = nth (berlin_2, 2);
  fields = ccp_activity_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].share == CCP_FIELD_SHARE_SHARED)
        ccp_activity_field_copy (&fields[i], joint_berlin, joint_bologna);
    }
  ccp_activity_set_joint_ref (joint_bologna, "joint-x");
  ccp_activity_set_joint_ref (joint_berlin, "joint-x");

  g_ptr_array_add (first, periods->bologna1);
  g_ptr_array_add (first, busan_1);
  periods->network1 = merge_network (first);
  g_ptr_array_add (second, periods->bologna2);
  g_ptr_array_add (second, busan_2);
  g_ptr_array_add (second, berlin_2);
  periods->network2 = merge_network (second);
}

static const CcpPeriodCount *
count_of (CcpPeriodCompare    *cmp,
          CcpCompareDimension  dimension,
          const char          *code)
{
  GPtrArray *counts = ccp_period_compare_get_counts (cmp, dimension);

  for (guint i = 0; i < counts->len; i++)
    {
      const CcpPeriodCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->code, code))
        return count;
    }
  g_assert_not_reached ();
}

static void
assert_count (CcpPeriodCompare    *cmp,
              CcpCompareDimension  dimension,
              const char          *code,
              guint                previous,
              guint                current)
{
  const CcpPeriodCount *count = count_of (cmp, dimension, code);

  g_assert_cmpuint (count->previous, ==, previous);
  g_assert_cmpuint (count->current, ==, current);
}

static void
assert_city (const CcpPeriodCity *city,
             const char          *name,
             guint                previous,
             guint                current,
             guint                n_new,
             guint                continued,
             guint                dropped)
{
  g_assert_cmpstr (city->city, ==, name);
  g_assert_cmpuint (city->n_previous, ==, previous);
  g_assert_cmpuint (city->n_current, ==, current);
  g_assert_cmpuint (city->new_ids->len, ==, n_new);
  g_assert_cmpuint (city->continued_ids->len, ==, continued);
  g_assert_cmpuint (city->continued_from->len, ==, continued);
  g_assert_cmpuint (city->dropped_ids->len, ==, dropped);
}

/* One city's two plans: m1 continued (same identifier and link), m3 and j1 new, m2 dropped. */
static void
test_period_city_plan (void)
{
  Periods periods = { 0 };
  g_autoptr(CcpPeriodCompare) cmp = NULL;
  const CcpPeriodCity *city;

  make_periods (&periods);
  cmp = ccp_period_compare_new (G_OBJECT (periods.bologna1), G_OBJECT (periods.bologna2));
  g_assert_cmpstr (ccp_period_compare_get_previous_period (cmp), ==, "2027-H1");
  g_assert_cmpstr (ccp_period_compare_get_current_period (cmp), ==, "2027-H2");
  g_assert_cmpuint (ccp_period_compare_get_n_cities (cmp), ==, 1);
  city = ccp_period_compare_get_city (cmp, 0);
  assert_city (city, "Bologna", 2, 3, 2, 1, 1);
  g_assert_cmpstr (g_ptr_array_index (city->continued_ids, 0), ==, "m1");
  g_assert_cmpstr (g_ptr_array_index (city->continued_from, 0), ==, "m1");
  g_assert_cmpstr (g_ptr_array_index (city->new_ids, 0), ==, "m3");
  g_assert_cmpstr (g_ptr_array_index (city->new_ids, 1), ==, "j1");
  g_assert_cmpstr (g_ptr_array_index (city->dropped_ids, 0), ==, "m2");

  /* Objectives: H1 m1 {1 2}, m2 {2}; H2 m1 {1 2}, m3 {4}, j1 {2}. */
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "1", 1, 1);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "2", 2, 2);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "4", 0, 1);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "6", 0, 0);
  g_assert_cmpuint (ccp_period_compare_get_counts (cmp, CCP_COMPARE_OBJECTIVE)->len, ==, 6);
  assert_count (cmp, CCP_COMPARE_KIND, "festival-event", 1, 1);
  assert_count (cmp, CCP_COMPARE_KIND, "workshop-capacity-building", 1, 0);
  assert_count (cmp, CCP_COMPARE_KIND, "exhibition", 0, 1);
  assert_count (cmp, CCP_COMPARE_AREA, "1", 2, 3);
  periods_clear (&periods);
}

/* The network overviews of both periods: cities found through their attributions, f9 through
 * its carried-over link although its identifier changed. */
static void
test_period_network (void)
{
  Periods periods = { 0 };
  g_autoptr(CcpPeriodCompare) cmp = NULL;

  make_periods (&periods);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      ccp_field_plan_get_activities (periods.network2))), ==, 6);
  cmp = ccp_period_compare_new (G_OBJECT (periods.network1), G_OBJECT (periods.network2));
  g_assert_cmpuint (ccp_period_compare_get_n_previous (cmp), ==, 3);
  g_assert_cmpuint (ccp_period_compare_get_n_current (cmp), ==, 6);
  g_assert_cmpuint (ccp_period_compare_get_n_cities (cmp), ==, 3);
  assert_city (ccp_period_compare_get_city (cmp, 0), "Berlin", 0, 3, 3, 0, 0);
  assert_city (ccp_period_compare_get_city (cmp, 1), "Bologna", 2, 3, 2, 1, 1);
  assert_city (ccp_period_compare_get_city (cmp, 2), "Busan", 1, 1, 0, 1, 0);
  g_assert_cmpuint (ccp_period_compare_get_n_new (cmp), ==, 5);
  g_assert_cmpuint (ccp_period_compare_get_n_continued (cmp), ==, 2);
  g_assert_cmpuint (ccp_period_compare_get_n_dropped (cmp), ==, 1);

  /* H1: m1 {1 2}, m2 {2}, f1 {3}; H2: m1 {1 2}, m3 {4}, j1 {2}, f9 {3}, d1 {1}, d2 {1 5}. */
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "1", 1, 3);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "2", 2, 2);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "3", 1, 1);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "4", 0, 1);
  assert_count (cmp, CCP_COMPARE_OBJECTIVE, "5", 0, 1);
  assert_count (cmp, CCP_COMPARE_KIND, "festival-event", 2, 2);
  assert_count (cmp, CCP_COMPARE_KIND, "workshop-capacity-building", 1, 0);
  assert_count (cmp, CCP_COMPARE_KIND, "exhibition", 0, 2);
  assert_count (cmp, CCP_COMPARE_KIND, "exchange-residency", 0, 1);
  assert_count (cmp, CCP_COMPARE_KIND, "pilot-project", 0, 1);
  periods_clear (&periods);
}

static void
assert_share (CcpNetworkCompare   *net,
              CcpCompareDimension  dimension,
              const char          *code,
              const guint         *counts,
              const double        *shares)
{
  GPtrArray *rows = ccp_network_compare_get_shares (net, dimension);

  for (guint i = 0; i < rows->len; i++)
    {
      const CcpNetworkShare *row = g_ptr_array_index (rows, i);

      if (!g_str_equal (row->code, code))
        continue;
      for (guint f = 0; f < ccp_network_compare_get_n_fields (net); f++)
        {
          g_assert_cmpuint (row->counts[f], ==, counts[f]);
          g_assert_cmpfloat_with_epsilon (row->shares[f], shares[f], 1e-9);
        }
      return;
    }
  g_assert_not_reached ();
}

static void
assert_budget (const CcpNetworkField *field,
               const char            *currency,
               gint64                 cents,
               guint                  contributions)
{
  const CcpNetworkBudget *budget = ccp_network_field_get_budget (field, currency);

  g_assert_nonnull (budget);
  g_assert_cmpint (budget->cents, ==, cents);
  g_assert_cmpuint (budget->contributions, ==, contributions);
}

/* H2's network: design (d1, d2, j1), film (f9), music (m1, m3, j1): j1 counts in both
 * fields, each with its own city's budget. */
static void
test_network (void)
{
  Periods periods = { 0 };
  g_autoptr(CcpNetworkCompare) net = NULL;
  const CcpNetworkField *design, *film, *music;
  const char * const *currencies;

  make_periods (&periods);
  net = ccp_network_compare_new (periods.network2);
  g_assert_cmpuint (ccp_network_compare_get_n_fields (net), ==, 3);
  design = ccp_network_compare_get_field (net, 0);
  film = ccp_network_compare_get_field (net, 1);
  music = ccp_network_compare_get_field (net, 2);
  g_assert_cmpstr (design->field, ==, "design");
  g_assert_cmpstr (film->field, ==, "film");
  g_assert_cmpstr (music->field, ==, "music");

  g_assert_cmpuint (design->cities_expected, ==, 3);
  g_assert_cmpuint (film->cities_expected, ==, 1);
  g_assert_cmpuint (music->cities_expected, ==, 2);
  g_assert_cmpuint (design->cities_with_plan, ==, 1);
  g_assert_cmpuint (film->cities_with_plan, ==, 1);
  g_assert_cmpuint (music->cities_with_plan, ==, 1);
  g_assert_cmpuint (design->activities, ==, 3);
  g_assert_cmpuint (film->activities, ==, 1);
  g_assert_cmpuint (music->activities, ==, 3);
  g_assert_cmpuint (design->international, ==, 2);
  g_assert_cmpuint (design->local, ==, 1);
  g_assert_cmpuint (film->international, ==, 0);
  g_assert_cmpuint (film->local, ==, 1);
  g_assert_cmpuint (music->international, ==, 2);
  g_assert_cmpuint (music->local, ==, 1);
  g_assert_cmpuint (design->flagships, ==, 1);
  g_assert_cmpuint (film->flagships, ==, 0);
  g_assert_cmpuint (music->flagships, ==, 1);

  /* Budgets: design USD 100 (d1) and EUR 50 (Berlin's j1); film KRW 200; music EUR 1000.00
   * + 300.50 + 100 (Bologna's j1). */
  assert_budget (design, "USD", 10000, 1);
  assert_budget (design, "EUR", 5000, 1);
  g_assert_cmpuint (design->budgets->len, ==, 2);
  assert_budget (film, "KRW", 20000, 1);
  assert_budget (music, "EUR", 140050, 3);
  g_assert_null (ccp_network_field_get_budget (music, "USD"));
  currencies = ccp_network_compare_get_currencies (net);
  g_assert_cmpuint (g_strv_length ((char **) currencies), ==, 3);
  g_assert_cmpstr (currencies[0], ==, "EUR");
  g_assert_cmpstr (currencies[1], ==, "KRW");
  g_assert_cmpstr (currencies[2], ==, "USD");

  /* Objectives as shares of each field's activities (design, film, music). */
  assert_share (net, CCP_COMPARE_OBJECTIVE, "1", (guint[]) { 2, 0, 1 },
                (double[]) { 2.0 / 3, 0.0, 1.0 / 3 });
  assert_share (net, CCP_COMPARE_OBJECTIVE, "2", (guint[]) { 1, 0, 2 },
                (double[]) { 1.0 / 3, 0.0, 2.0 / 3 });
  assert_share (net, CCP_COMPARE_OBJECTIVE, "3", (guint[]) { 0, 1, 0 },
                (double[]) { 0.0, 1.0, 0.0 });
  assert_share (net, CCP_COMPARE_OBJECTIVE, "6", (guint[]) { 0, 0, 0 },
                (double[]) { 0.0, 0.0, 0.0 });
  assert_share (net, CCP_COMPARE_KIND, "exhibition", (guint[]) { 1, 0, 1 },
                (double[]) { 1.0 / 3, 0.0, 1.0 / 3 });
  assert_share (net, CCP_COMPARE_AREA, "1", (guint[]) { 3, 1, 3 },
                (double[]) { 1.0, 1.0, 1.0 });
  periods_clear (&periods);
}

/* The same figures in the network CSV and in the HTML report's section. */
static void
test_network_exports (void)
{
  Periods periods = { 0 };
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) field_html = NULL;
  const char *rows[] = {
    "measure,code,field,count,share,total\r\n",
    "\r\ncities-expected,,design,3,,\r\n",
    "\r\nactivities,,film,1,,\r\n",
    "\r\ninternational,,music,2,,\r\n",
    "\r\nflagships,,design,1,,\r\n",
    "\r\nobjective,1,design,2,0.6667,\r\n",
    "\r\nobjective,2,music,2,0.6667,\r\n",
    "\r\nobjective,3,film,1,1.0000,\r\n",
    "\r\nkind,exhibition,music,1,0.3333,\r\n",
    "\r\nbudget,EUR,music,3,,1400.50\r\n",
    "\r\nbudget,USD,design,1,,100.00\r\n",
    "\r\nbudget,KRW,film,1,,200.00\r\n",
  };
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *field_page = NULL;

  make_periods (&periods);
  csv = ccp_export_network_csv (periods.network2);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (strstr (text, rows[i]) == NULL)
        g_error ("no row %s in\n%s", rows[i], text);
    }
  g_assert_null (strstr (text, "budget,USD,music"));

  html = ccp_export_html (G_OBJECT (periods.network2));
  page = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_assert_nonnull (strstr (page, "<section id=\"fields\">"));
  g_assert_nonnull (strstr (page, "<td class=\"n\">67 % (2)</td>"));
  /* Only the network overview has the section. */
  ccp_field_plan_set_field (periods.network2, "music");
  field_html = ccp_export_html (G_OBJECT (periods.network2));
  field_page = g_strndup (g_bytes_get_data (field_html, NULL), g_bytes_get_size (field_html));
  g_assert_null (strstr (field_page, "<section id=\"fields\">"));
  periods_clear (&periods);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/period/city-plan", test_period_city_plan);
  g_test_add_func ("/compare/period/network", test_period_network);
  g_test_add_func ("/compare/network", test_network);
  g_test_add_func ("/compare/network-exports", test_network_exports);

  return g_test_run ();
}
