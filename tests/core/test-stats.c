/* test-stats.c: summary statistics of city plans and field plans. */
#define G_LOG_DOMAIN "test-stats"

#include "config.h"

#include "ccp-core.h"
#include "ccp-test-util.h"

static CcpActivity *
add_activity (CcpPlan    *plan,
              const char *id,
              const char *start,
              const char *end,
              const char *amount,
              const char *currency)
{
  CcpActivity *activity = ccp_activity_new (id);

  ccp_activity_set_title (activity, id);
  ccp_activity_set_kind (activity, "workshop-capacity-building");
  ccp_activity_set_scope (activity, "local");
  ccp_activity_set_start_date (activity, start);
  ccp_activity_set_end_date (activity, end);
  ccp_activity_set_objectives (activity, (const char * const[]) { "1", "5", NULL });
  ccp_activity_set_areas (activity, (const char * const[]) { "2", NULL });
  ccp_activity_set_sdgs (activity, (const char * const[]) { "11", NULL });
  ccp_activity_set_budget_amount (activity, amount);
  ccp_activity_set_budget_currency (activity, currency);
  ccp_item_list_append (ccp_plan_get_activities (plan), activity);
  g_object_unref (activity);
  return activity;
}

static void
test_amounts (void)
{
  gint64 cents = -1;
  g_autofree char *a = ccp_stats_format_cents (1234550);
  g_autofree char *b = ccp_stats_format_cents (5);
  g_autofree char *c = ccp_stats_format_cents (-250);

  g_assert_true (ccp_stats_parse_amount ("12", &cents));
  g_assert_cmpint (cents, ==, 1200);
  g_assert_true (ccp_stats_parse_amount ("12.5", &cents));
  g_assert_cmpint (cents, ==, 1250);
  g_assert_true (ccp_stats_parse_amount ("0.10", &cents));
  g_assert_cmpint (cents, ==, 10);
  g_assert_true (ccp_stats_parse_amount ("120000.00", &cents));
  g_assert_cmpint (cents, ==, 12000000);
  g_assert_false (ccp_stats_parse_amount ("", &cents));
  g_assert_false (ccp_stats_parse_amount ("1.234", &cents));
  g_assert_false (ccp_stats_parse_amount ("-5", &cents));
  g_assert_false (ccp_stats_parse_amount ("1,5", &cents));
  g_assert_false (ccp_stats_parse_amount ("12.", &cents));
  g_assert_false (ccp_stats_parse_amount ("1e3", &cents));
  g_assert_false (ccp_stats_parse_amount ("99999999999999999999", &cents));

  g_assert_cmpstr (a, ==, "12345.50");
  g_assert_cmpstr (b, ==, "0.05");
  g_assert_cmpstr (c, ==, "-2.50");
}

static void
test_plan (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(CcpStats) stats = NULL;
  CcpActivity *flag;
  const CcpStatsBudget *eur;
  const CcpStatsBudget *gbp;
  GPtrArray *months;
  GPtrArray *objectives;

  ccp_plan_set_city (plan, "Bologna");
  ccp_plan_set_country (plan, "IT");
  ccp_plan_set_period (plan, "2027-H1");

  /* January to March (three months); a day in May; across the end of the period. */
  add_activity (plan, "a1", "2027-01-20", "2027-03-02", "0.10", "EUR");
  flag = add_activity (plan, "a2", "2027-05-05", "2027-05-05", "0.20", "EUR");
  ccp_activity_set_flagship (flag, TRUE);
  ccp_activity_set_kind (flag, "festival-event");
  ccp_activity_set_scope (flag, "international");
  add_activity (plan, "a3", "2027-06-20", "2027-08-01", "1500", "GBP");
  /* A mistake: counted among the activities, not in the total. */
  add_activity (plan, "a4", "2026-12-01", "2027-01-10", "lots", "GBP");

  stats = ccp_stats_new_for_plan (plan);
  g_assert_cmpuint (ccp_stats_get_n_activities (stats), ==, 4);
  g_assert_cmpuint (ccp_stats_get_n_flagship (stats), ==, 1);

  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_CITY, "Bologna"), ==, 4);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_KIND, "festival-event"), ==, 1);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_KIND, "workshop-capacity-building"),
                    ==, 3);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_SCOPE, "local"), ==, 3);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_OBJECTIVE, "5"), ==, 4);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_OBJECTIVE, "2"), ==, 0);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_AREA, "2"), ==, 4);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_SDG, "11"), ==, 4);

  /* Months of the period only; every month listed, in order. */
  months = ccp_stats_get_counts (stats, CCP_STATS_MONTH);
  g_assert_cmpuint (months->len, ==, 6);
  g_assert_cmpstr (((CcpStatsCount *) g_ptr_array_index (months, 0))->key, ==, "2027-01");
  g_assert_cmpstr (((CcpStatsCount *) g_ptr_array_index (months, 5))->key, ==, "2027-06");
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-01"), ==, 2);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-02"), ==, 1);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-03"), ==, 1);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-04"), ==, 0);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-05"), ==, 1);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-06"), ==, 1);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2027-07"), ==, 0);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_MONTH, "2026-12"), ==, 0);

  /* Every objective of the vocabulary, in its order. */
  objectives = ccp_stats_get_counts (stats, CCP_STATS_OBJECTIVE);
  g_assert_cmpuint (objectives->len, ==, 6);
  g_assert_cmpstr (((CcpStatsCount *) g_ptr_array_index (objectives, 0))->key, ==, "1");

  /* Exact decimal sums, one per currency, never across currencies. */
  g_assert_cmpuint (ccp_stats_get_budgets (stats)->len, ==, 2);
  eur = ccp_stats_get_budget (stats, "EUR");
  g_assert_nonnull (eur);
  g_assert_cmpint (eur->cents, ==, 30);
  g_assert_cmpuint (eur->activities, ==, 2);
  gbp = ccp_stats_get_budget (stats, "GBP");
  g_assert_cmpint (gbp->cents, ==, 150000);
  g_assert_cmpuint (gbp->activities, ==, 2);
  g_assert_cmpuint (gbp->unreadable, ==, 1);
  g_assert_null (ccp_stats_get_budget (stats, "USD"));
}

static void
test_field_plan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music",
                                                     "2027-H1", 3);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 2);
  g_autoptr(CcpActivity) a = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (bologna)), 0);
  g_autoptr(CcpActivity) b = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (liverpool)), 0);
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(CcpStats) stats = NULL;
  g_autoptr(CcpStats) stats_b = NULL;
  g_autoptr(CcpStats) stats_l = NULL;
  g_autoptr(GError) error = NULL;
  guint flagship;

  /* A joint activity: one activity of the field plan, counted for both cities. */
  ccp_activity_set_joint_ref (a, "joint-1");
  ccp_activity_set_joint_ref (b, "joint-1");
  x = ccp_writer_write_plan (bologna);
  y = ccp_writer_write_plan (liverpool);
  ccp_merge_add_bytes (merge, "b.xml", x);
  ccp_merge_add_bytes (merge, "l.xml", y);
  field_plan = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  stats = ccp_stats_new_for_field_plan (field_plan);
  stats_b = ccp_stats_new_for_plan (bologna);
  stats_l = ccp_stats_new_for_plan (liverpool);
  g_assert_cmpuint (ccp_stats_get_n_activities (stats), ==, 4);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_CITY, "Bologna"), ==, 3);
  g_assert_cmpuint (ccp_stats_get_count (stats, CCP_STATS_CITY, "Liverpool"), ==, 2);
  g_assert_cmpuint (ccp_stats_get_counts (stats, CCP_STATS_CITY)->len, ==, 2);
  g_assert_cmpstr (((CcpStatsCount *) g_ptr_array_index (
                      ccp_stats_get_counts (stats, CCP_STATS_CITY), 0))->country, ==, "IT");

  /* The field plan counts the joint activity once: the reference copy (Bologna's). */
  flagship = ccp_stats_get_n_flagship (stats_b) + ccp_stats_get_n_flagship (stats_l)
             - (ccp_activity_get_flagship (b) ? 1 : 0);
  g_assert_cmpuint (ccp_stats_get_n_flagship (stats), ==, flagship);
  g_assert_cmpuint (ccp_stats_get_counts (stats, CCP_STATS_MONTH)->len, ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/amounts", test_amounts);
  g_test_add_func ("/stats/plan", test_plan);
  g_test_add_func ("/stats/field-plan", test_field_plan);

  return g_test_run ();
}
