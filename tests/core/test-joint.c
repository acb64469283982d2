/* test-joint.c: joint activities with one contribution per city (issue 14).
 *
 * City plans with joint activities (two to five cities, each in its own currency, disagreeing
 * on shared fields) are merged: every input activity is attributed; for every currency the
 * inputs' money equals the field plan's (through ccp-stats); conflicts list every city's value;
 * re-merging, merging twice and reordering give the same bytes; a coordinator's choice survives
 * merging into the field plan. And format 1.0: the shipped example of 1.0 reads and re-merges
 * to the same activities as the 1.1 example.
 */
#define G_LOG_DOMAIN "test-joint"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-activity-field.h"
#include "ccp-legacy-value.h"
#include "ccp-test-util.h"

#define WHEN "2027-01-15T08:00:00Z"

static const struct {
  const char *city, *country, *currency, *amount;
} cities[] = {
  { "Bologna", "IT", "EUR", "18000.00" },
  { "Liverpool", "GB", "GBP", "15000.00" },
  { "Medellín", "CO", "COP", "25000000.00" },
  { "Hamamatsu", "JP", "JPY", "1500000" },
  { "Kansas City", "US", "USD", "9000.50" },
};

/* Five city plans; joint activity J<k> (k = 2..5) is run by the first k cities, each with its
 * own budget and funder, and cities after the first disagree on its title and its kind. */
static GPtrArray *
make_plans (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
    {
      CcpPlan *plan = ccp_test_random_plan (rand, cities[c].city, cities[c].country, "music",
                                            "2027-H1", 2);

      for (guint k = MAX (c + 1, 2); k <= G_N_ELEMENTS (cities); k++)
        {
          g_autoptr(CcpActivity) activity = ccp_test_random_activity (rand, plan);
          g_autofree char *ref = g_strdup_printf ("joint-%u", k);
          g_autofree char *title = g_strdup_printf ("Joint %u as %s sees it", k,
                                                    c == 0 ? "everyone" : cities[c].city);
          const char *funding[] = { cities[c].city, NULL };

          ccp_activity_set_joint_ref (activity, ref);
          ccp_activity_set_title (activity, title);
          ccp_activity_set_kind (activity, c % 2 == 0 ? "festival-event" : "workshop");
          ccp_activity_set_start_date (activity, "2027-03-01");
          ccp_activity_set_end_date (activity, "2027-03-05");
          ccp_activity_set_budget_none (activity, FALSE);
          ccp_activity_set_budget_amount (activity, cities[c].amount);
          ccp_activity_set_budget_currency (activity, cities[c].currency);
          ccp_activity_set_funding (activity, funding);
          ccp_item_list_append (ccp_plan_get_activities (plan), activity);
        }
      g_ptr_array_add (plans, plan);
    }
  return plans;
}

static CcpFieldPlan *
merge_plans (GPtrArray    *plans,
             gboolean      reverse,
             guint         times,
             CcpFieldPlan *into)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;

  ccp_merge_set_consolidated (merge, WHEN);
  if (into != NULL)
    ccp_merge_set_into (merge, into);
  for (guint t = 0; t < times; t++)
    for (guint i = 0; i < plans->len; i++)
      {
        CcpPlan *plan = g_ptr_array_index (plans, reverse ? plans->len - 1 - i : i);
        g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
        g_autofree char *name = g_strdup_printf ("%s.xml", ccp_plan_get_city (plan));

        ccp_merge_add_bytes (merge, name, bytes);
      }
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_same_bytes (CcpFieldPlan *a,
                   CcpFieldPlan *b)
{
  g_autoptr(GBytes) x = ccp_writer_write_field_plan (a);
  g_autoptr(GBytes) y = ccp_writer_write_field_plan (b);

  if (!g_bytes_equal (x, y))
    g_error ("the field plans differ:\n%.*s\n---\n%.*s", (int) g_bytes_get_size (x),
             (const char *) g_bytes_get_data (x, NULL), (int) g_bytes_get_size (y),
             (const char *) g_bytes_get_data (y, NULL));
}

static CcpActivity *
find_joint (CcpFieldPlan *field_plan,
            const char   *joint_ref)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      if (g_str_equal (ccp_activity_get_joint_ref (activity), joint_ref))
        return activity;   /* the store keeps it */
    }
  return NULL;
}

static CcpReportItem *
find_conflict (CcpFieldPlan *field_plan,
               const char   *joint_ref,
               const char   *field)
{
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

      if (g_str_equal (ccp_report_item_get_kind (item), "joint-conflict") &&
          g_str_equal (ccp_report_item_get_joint_ref (item), joint_ref) &&
          g_str_equal (ccp_report_item_get_code (item), field))
        return item;
    }
  return NULL;
}

static void
assert_attributed (CcpFieldPlan *field_plan,
                   GPtrArray    *plans)
{
  g_autoptr(GHashTable) attributed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) a = g_list_model_get_item (attributions, j);

          g_hash_table_add (attributed,
                            g_strdup_printf ("%s\n%s", ccp_attribution_get_plan_id (a),
                                             ccp_attribution_get_activity_id (a)));
        }
    }
  for (guint i = 0; i < plans->len; i++)
    {
      CcpPlan *plan = g_ptr_array_index (plans, i);
      GListModel *list = G_LIST_MODEL (ccp_plan_get_activities (plan));

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (list, j);
          g_autofree char *key = g_strdup_printf ("%s\n%s", ccp_plan_get_id (plan),
                                                  ccp_activity_get_id (activity));

          g_assert_true (g_hash_table_contains (attributed, key));
        }
    }
}

/* Per currency, the cents and the number of amounts of the city plans equal the field plan's. */
static void
assert_money_adds_up (CcpFieldPlan *field_plan,
                      GPtrArray    *plans)
{
  g_autoptr(CcpStats) merged = ccp_stats_new_for_field_plan (field_plan);
  GPtrArray *budgets = ccp_stats_get_budgets (merged);
  guint n_currencies = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
    {
      const char *currency = cities[c].currency;
      const CcpStatsBudget *total = ccp_stats_get_budget (merged, currency);
      gint64 cents = 0;
      guint n = 0;

      for (guint i = 0; i < plans->len; i++)
        {
          g_autoptr(CcpStats) stats = ccp_stats_new_for_plan (g_ptr_array_index (plans, i));
          const CcpStatsBudget *budget = ccp_stats_get_budget (stats, currency);

          if (budget != NULL)
            {
              cents += budget->cents;
              n += budget->activities;
            }
        }
      g_assert_nonnull (total);
      g_assert_cmpint (total->cents, ==, cents);
      g_assert_cmpuint (total->activities, ==, n);
      g_assert_cmpuint (total->unreadable, ==, 0);
    }
  /* The random activities may bring other currencies: those add up too. */
  for (guint b = 0; b < budgets->len; b++)
    {
      const CcpStatsBudget *total = g_ptr_array_index (budgets, b);
      gint64 cents = 0;

      for (guint i = 0; i < plans->len; i++)
        {
          g_autoptr(CcpStats) stats = ccp_stats_new_for_plan (g_ptr_array_index (plans, i));
          const CcpStatsBudget *budget = ccp_stats_get_budget (stats, total->currency);

          cents += budget != NULL ? budget->cents : 0;
        }
      g_assert_cmpint (total->cents, ==, cents);
      n_currencies++;
    }
  g_assert_cmpuint (n_currencies, >=, G_N_ELEMENTS (cities));
}

static void
assert_conflicts (CcpFieldPlan *field_plan)
{
  for (guint k = 2; k <= G_N_ELEMENTS (cities); k++)
    {
      g_autofree char *ref = g_strdup_printf ("joint-%u", k);
      CcpActivity *activity = find_joint (field_plan, ref);
      GListModel *attributions = NULL;
      CcpReportItem *title = find_conflict (field_plan, ref, "title");
      CcpReportItem *kind = find_conflict (field_plan, ref, "kind");

      g_assert_nonnull (activity);
      attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      /* One activity, one contribution per city, each in its own currency. */
      g_assert_cmpuint (g_list_model_get_n_items (attributions), ==, k);
      for (guint j = 0; j < k; j++)
        {
          g_autoptr(CcpAttribution) a = g_list_model_get_item (attributions, j);
          CcpActivity *values = ccp_attribution_get_values (a);
          guint c = 0;

          while (!g_str_equal (cities[c].city, ccp_attribution_get_city (a)))
            c++;
          g_assert_cmpstr (ccp_activity_get_budget_currency (values), ==, cities[c].currency);
          g_assert_cmpstr (ccp_activity_get_budget_amount (values), ==, cities[c].amount);
        }

      /* Conflicts on shared fields list every city's value; per-city ones never conflict. */
      g_assert_nonnull (title);
      g_assert_nonnull (kind);
      g_assert_cmpuint (ccp_report_item_get_n_copies (title), ==, k);
      g_assert_cmpuint (ccp_report_item_get_n_copies (kind), ==, k);
      g_assert_null (find_conflict (field_plan, ref, "budget-amount"));
      g_assert_null (find_conflict (field_plan, ref, "funding"));
      for (guint j = 0; j < k; j++)
        {
          const char *city = ccp_report_item_get_copy (title, j)[0];
          g_autofree char *expected = NULL;

          expected = g_str_equal (city, "Bologna")
                     ? g_strdup_printf ("Joint %u as everyone sees it", k)
                     : g_strdup_printf ("Joint %u as %s sees it", k, city);
          g_assert_cmpstr (ccp_report_item_get_copy (title, j)[3], ==, expected);
        }
      /* The reference (Bologna, first by name) is kept. */
      g_assert_cmpstr (ccp_report_item_get_city (title), ==, "Bologna");
      g_assert_cmpstr (ccp_activity_get_title (activity), ==,
                       ccp_report_item_get_copy (title, 0)[3]);
    }
}

static void
test_joint_contributions (void)
{
  g_autoptr(GPtrArray) plans = make_plans (7);
  g_autoptr(CcpFieldPlan) result = merge_plans (plans, FALSE, 1, NULL);
  g_autoptr(CcpFieldPlan) reversed = merge_plans (plans, TRUE, 1, NULL);
  g_autoptr(CcpFieldPlan) twice = merge_plans (plans, FALSE, 2, NULL);
  g_autoptr(CcpFieldPlan) again = NULL;
  g_autoptr(CcpFieldPlan) reread = NULL;
  g_autoptr(GBytes) bytes = ccp_writer_write_field_plan (result);
  g_autoptr(GError) error = NULL;

  assert_attributed (result, plans);
  assert_money_adds_up (result, plans);
  assert_conflicts (result);

  assert_same_bytes (result, reversed);
  assert_same_bytes (result, twice);

  /* Written and read back (format 1.1), then merged into: nothing changes. */
  reread = CCP_FIELD_PLAN (ccp_reader_read_bytes (bytes, "field.xml", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ccp_field_plan_equal (result, reread));
  assert_money_adds_up (reread, plans);
  again = merge_plans (plans, TRUE, 1, reread);
  g_assert_cmpuint (ccp_field_plan_get_revision (again), ==, ccp_field_plan_get_revision (result));
  assert_same_bytes (result, again);
}

/* The issues of rule at path, counted. */
static guint
count_issues (GPtrArray  *issues,
              const char *rule,
              const char *path)
{
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (ccp_issue_get_rule (issue), rule) &&
          g_str_equal (ccp_issue_get_path (issue), path))
        n++;
    }
  return n;
}

/* The validator checks every city's contribution to a joint activity field by field, not only
 * the first: a bad currency in the third city's, a partner city without a name in the second's,
 * each reported at that city's path (attributions/<j>/...), on its line once written and read. */
static void
test_joint_every_contribution_validated (void)
{
  g_autoptr(GPtrArray) plans = make_plans (7);
  g_autoptr(CcpFieldPlan) result = merge_plans (plans, FALSE, 1, NULL);
  g_autoptr(CcpValidator) validator = ccp_validator_new ();
  g_autoptr(GPtrArray) before = ccp_validator_check_field_plan (validator, result);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) reread_issues = NULL;
  g_autoptr(CcpLocations) locations = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpPartner) nameless = ccp_partner_new_city ("", "FR", "music");
  CcpActivity *joint = find_joint (result, "joint-3");
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (joint));
  g_autoptr(CcpAttribution) second = g_list_model_get_item (attributions, 1);
  g_autoptr(CcpAttribution) third = g_list_model_get_item (attributions, 2);
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (result));
  g_autofree char *base = NULL;
  g_autofree char *currency_path = NULL;
  g_autofree char *partner_path = NULL;
  guint index = 0;

  g_assert_cmpuint (g_list_model_get_n_items (attributions), ==, 3);
  for (;; index++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, index);

      g_assert_nonnull (activity);
      if (activity == joint)
        break;
    }
  base = g_strdup_printf ("activities/%u/attributions/", index);
  currency_path = g_strconcat (base, "2/budget-currency", NULL);
  g_assert_cmpuint (count_issues (before, "budget-currency-unknown", currency_path), ==, 0);

  ccp_activity_set_budget_currency (ccp_attribution_get_values (third), "XXY");
  ccp_activity_set_partner_cities_none (ccp_attribution_get_values (second), FALSE);
  partner_path = g_strdup_printf ("%s1/partner-cities/%u/name", base, g_list_model_get_n_items (
    G_LIST_MODEL (ccp_activity_get_partner_cities (ccp_attribution_get_values (second)))));
  ccp_item_list_append (ccp_activity_get_partner_cities (ccp_attribution_get_values (second)),
                         nameless);
  after = ccp_validator_check_field_plan (validator, result);
  g_assert_cmpuint (count_issues (after, "budget-currency-unknown", currency_path), ==, 1);
  g_assert_cmpuint (count_issues (after, "partner-city-name-missing", partner_path), ==, 1);
  /* Nothing else changed: the other issues are the ones before. */
  g_assert_cmpuint (after->len, ==, before->len + 2);

  /* Written and read back: the issues point at the lines of those cities' contributions. */
  bytes = ccp_writer_write_field_plan (result);
  reread = ccp_reader_read_bytes (bytes, "field.xml", &reread_issues, &locations, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ccp_validator_check_field_plan (validator, CCP_FIELD_PLAN (reread));
  ccp_locations_apply (locations, after);
  for (guint i = 0; i < after->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (after, i);
      const char *path = ccp_issue_get_path (issue);

      if (g_str_equal (path, currency_path) || g_str_equal (path, partner_path))
        {
          const char *data = g_bytes_get_data (bytes, NULL);
          const char *line = data;
          g_autofree char *text = NULL;

          for (guint l = 1; l < ccp_issue_get_line (issue) && line != NULL; l++)
            line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL;
          g_assert_nonnull (line);
          text = g_strndup (line, strcspn (line, "\n"));
          g_test_message ("%s: line %u: %s", path, ccp_issue_get_line (issue), text);
          g_assert_nonnull (strstr (text, g_str_equal (path, currency_path) ? "XXY"
                                                                             : "<partner-city"));
        }
    }
  g_assert_cmpuint (count_issues (after, "budget-currency-unknown", currency_path), ==, 1);
}

static void
test_joint_choice (void)
{
  g_autoptr(GPtrArray) plans = make_plans (11);
  g_autoptr(CcpFieldPlan) result = merge_plans (plans, FALSE, 1, NULL);
  g_autoptr(CcpFieldPlan) reread = NULL;
  g_autoptr(CcpFieldPlan) remerged = NULL;
  g_autoptr(CcpFieldPlan) reordered = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CcpActivity *activity = find_joint (result, "joint-3");
  const char * const *choice;
  CcpReportItem *item;

  /* Not a shared field, not a city of the activity: refused, nothing changes. */
  g_assert_false (ccp_field_plan_choose (result, ccp_activity_get_id (activity), "budget-amount",
                                         "Liverpool", "GB", "Ana", "2027-01-20"));
  g_assert_false (ccp_field_plan_choose (result, ccp_activity_get_id (activity), "title",
                                         "Kansas City", "US", "Ana", "2027-01-20"));
  g_assert_cmpuint (ccp_field_plan_get_n_choices (result), ==, 0);

  g_assert_true (ccp_field_plan_choose (result, ccp_activity_get_id (activity), "title",
                                        "Liverpool", "GB", "Ana Coordinator",
                                        "2027-01-20T10:00:00Z"));
  g_assert_cmpstr (ccp_activity_get_title (activity), ==, "Joint 3 as Liverpool sees it");
  g_assert_cmpuint (ccp_field_plan_get_n_choices (result), ==, 1);

  /* Saved, read back, merged into with the same plans (in another order): the choice and its
   * value survive, and the conflict says who chose. */
  bytes = ccp_writer_write_field_plan (result);
  reread = CCP_FIELD_PLAN (ccp_reader_read_bytes (bytes, "field.xml", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ccp_field_plan_get_n_choices (reread), ==, 1);
  remerged = merge_plans (plans, TRUE, 1, reread);
  activity = find_joint (remerged, "joint-3");
  g_assert_cmpstr (ccp_activity_get_title (activity), ==, "Joint 3 as Liverpool sees it");
  g_assert_cmpuint (ccp_field_plan_get_n_choices (remerged), ==, 1);
  choice = ccp_field_plan_get_choice (remerged, 0);
  g_assert_cmpstr (choice[0], ==, "joint-3");
  g_assert_cmpstr (choice[1], ==, "title");
  g_assert_cmpstr (choice[2], ==, "Liverpool");
  g_assert_cmpstr (choice[4], ==, "Ana Coordinator");
  g_assert_cmpstr (choice[5], ==, "2027-01-20T10:00:00Z");
  item = find_conflict (remerged, "joint-3", "title");
  g_assert_nonnull (item);
  g_assert_cmpstr (ccp_report_item_get_city (item), ==, "Liverpool");
  g_assert_cmpstr (ccp_report_item_get_value (item, "chosen-by"), ==, "Ana Coordinator");
  g_assert_cmpuint (ccp_report_item_get_n_copies (item), ==, 3);
  /* Every city's own title is still there, so the merge stays lossless. */
  g_assert_cmpstr (ccp_report_item_get_copy (item, 0)[3], ==, "Joint 3 as everyone sees it");

  /* Merging into it again changes nothing: idempotent, whatever the order. */
  reordered = merge_plans (plans, FALSE, 1, remerged);
  assert_same_bytes (remerged, reordered);
  assert_money_adds_up (remerged, plans);
}

/* Every format 1.0 field plan reads (upgraded) and re-merges to the same activities as the
 * city plans it came from: tests/data/format-1.0/ keeps the 1.0 example, data/examples/ the
 * 1.1 one. */
static void
test_upgrade_1_0 (void)
{
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "format-1.0",
                                                     "music-2027-h1-field-plan.xml", NULL);
  g_autofree char *new_path = g_build_filename (ccp_test_examples_dir (),
                                                "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) old_doc = ccp_reader_read_file (old_file, NULL, &issues, NULL, NULL, &error);
  g_autoptr(GObject) new_doc = NULL;
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(CcpFieldPlan) remerged = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  GListModel *a, *b;
  CcpStats *stats;
  const CcpStatsBudget *gbp;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (old_doc));
  g_assert_cmpuint (issues->len, ==, 0);
  new_doc = ccp_reader_read_file (new_file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Upgraded in memory: Liverpool's GBP 15,000 is its contribution, not a difference. */
  stats = ccp_stats_new_for_field_plan (CCP_FIELD_PLAN (old_doc));
  gbp = ccp_stats_get_budget (stats, "GBP");
  g_assert_nonnull (gbp);
  g_assert_cmpint (gbp->cents, ==, 29550000);
  g_object_unref (stats);

  bytes = ccp_writer_write_field_plan (CCP_FIELD_PLAN (old_doc));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "[["));

  ccp_merge_set_consolidated (merge,
                              ccp_field_plan_get_consolidated (CCP_FIELD_PLAN (new_doc)));
  old_bytes = g_file_load_bytes (old_file, NULL, NULL, &error);
  g_assert_no_error (error);
  ccp_merge_add_bytes (merge, "music-2027-h1-field-plan.xml", old_bytes);
  remerged = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  a = G_LIST_MODEL (ccp_field_plan_get_activities (remerged));
  b = G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (new_doc)));
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CcpActivity) x = g_list_model_get_item (a, i);
      g_autoptr(CcpActivity) y = g_list_model_get_item (b, i);

      g_assert_true (ccp_activity_equal (x, y));
    }
}

/* Format 1.0's JSON values are read with bounds, checked before any parsing. */
static void
test_legacy_bounds (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *three = g_strdup ("[[[\"a\"]]]");
  g_autoptr(GPtrArray) rows = ccp_legacy_value_decode_rows ("[[\"Kobe\",\"JP\",\"music\"]]", 3);
  g_autoptr(GPtrArray) texts = ccp_legacy_value_decode_rows ("[\"EU\",\"city\"]", 0);
  g_autofree char *long_value = g_strnfill (CCP_LEGACY_VALUE_MAX_LENGTH + 1, ' ');

  g_assert_nonnull (rows);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[1], ==, "JP");
  g_assert_nonnull (texts);
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_false (ccp_legacy_value_within_bounds (deep));
  g_assert_null (ccp_legacy_value_decode_rows (deep, 3));
  g_assert_null (ccp_legacy_value_decode_rows (three, 3));
  g_assert_null (ccp_legacy_value_decode_rows (long_value, 0));
  /* Brackets inside strings do not count. */
  g_assert_true (ccp_legacy_value_within_bounds ("[\"[[[[\"]"));
  /* Wrong shapes. */
  g_assert_null (ccp_legacy_value_decode_rows ("{\"not\": [\"a list\"]}", 0));
  g_assert_null (ccp_legacy_value_decode_rows ("[1, 2]", 0));
  g_assert_null (ccp_legacy_value_decode_rows ("[[\"a\", \"b\", \"c\"]]", 2));
  g_assert_null (ccp_legacy_value_decode_rows ("[not json", 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/joint/contributions", test_joint_contributions);
  g_test_add_func ("/joint/choice", test_joint_choice);
  g_test_add_func ("/joint/every-contribution-validated",
                   test_joint_every_contribution_validated);
  g_test_add_func ("/joint/upgrade-1.0", test_upgrade_1_0);
  g_test_add_func ("/joint/legacy-bounds", test_legacy_bounds);

  return g_test_run ();
}
