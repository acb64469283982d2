/* test-merge.c: the merge engine, case by case: every refusal reason, superseded revisions,
 * joint activities, possible duplicates, the roster, a network overview and the golden field
 * plan of the examples. How a merge runs (threads, files, 400 plans): test-merge-runs.c. */
#define G_LOG_DOMAIN "test-merge"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-activity-field.h"
#include "ccp-test-merge.h"
#include "ccp-test-util.h"

static void
test_refusals (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) good = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 3);
  g_autoptr(CcpPlan) film = ccp_test_random_plan (rand, "Busan", "KR", "film", "2027-H1", 2);
  g_autoptr(CcpPlan) later = ccp_test_random_plan (rand, "Liverpool", "GB", "music", "2027-H2", 2);
  g_autoptr(CcpPlan) broken = ccp_test_random_plan (rand, "Medellín", "CO", "music", "2027-H1", 2);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("this is not XML", 15);
  g_autoptr(GBytes) other_xml = g_bytes_new_static ("<?xml version=\"1.0\"?><shopping/>", 32);
  g_autoptr(GBytes) good_bytes = ccp_writer_write_plan (good);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  g_autoptr(CcpActivity) first = NULL;
  const CcpMergeInput *input;

  /* An activity without objectives and with its end before its start: errors. */
  first = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (broken)), 0);
  ccp_activity_set_objectives (first, (const char * const[]) { NULL });
  ccp_activity_set_end_date (first, "2027-01-01");
  ccp_activity_set_start_date (first, "2027-02-01");

  ccp_merge_set_field (merge, "music");
  ccp_merge_set_period (merge, "2027-H1");
  ccp_merge_add_bytes (merge, "bologna.xml", good_bytes);
  ccp_merge_add_bytes (merge, "garbage.xml", garbage);
  ccp_merge_add_bytes (merge, "shopping.xml", other_xml);
  ccp_test_merge_add_plan (merge, "busan-film.xml", film);
  ccp_test_merge_add_plan (merge, "liverpool-h2.xml", later);
  ccp_test_merge_add_plan (merge, "medellin.xml", broken);
  ccp_merge_add_bytes (merge, "zz-bologna-copy.xml", good_bytes);

  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  ccp_test_assert_refused (result, "garbage.xml", "unreadable");
  ccp_test_assert_refused (result, "shopping.xml", "not-a-city-plan");
  ccp_test_assert_refused (result, "busan-film.xml", "other-field");
  ccp_test_assert_refused (result, "liverpool-h2.xml", "other-period");
  g_assert_cmpint (ccp_source_get_status (ccp_test_source_of_file (result, "bologna.xml")), ==,
                   CCP_SOURCE_STATUS_ACCEPTED);

  /* Not strict: accepted, with its errors counted and flagged. */
  g_assert_cmpint (ccp_source_get_status (ccp_test_source_of_file (result, "medellin.xml")), ==,
                   CCP_SOURCE_STATUS_ACCEPTED);
  g_assert_cmpuint (ccp_source_get_errors (ccp_test_source_of_file (result, "medellin.xml")),
                    >=, 2);
  flagged = ccp_test_report_items (result, "flagged", "has-errors");
  g_assert_cmpuint (flagged->len, ==, 1);
  g_assert_cmpstr (ccp_report_item_get_file (g_ptr_array_index (flagged, 0)), ==,
                   "medellin.xml");

  /* The same bytes twice: recorded once, under the first name in sort order. */
  g_assert_null (ccp_test_source_of_file (result, "zz-bologna-copy.xml"));
  input = ccp_merge_get_input (merge, 6);
  g_assert_cmpint (input->status, ==, CCP_MERGE_INPUT_DUPLICATE);
  g_assert_cmpstr (input->same_as, ==, "bologna.xml");
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_sources (result)), ==, 6);
  g_assert_cmpuint (ccp_merge_count_refused (merge), ==, 4);

  /* The unreadable file's input carries the reader's message. */
  input = ccp_merge_get_input (merge, 1);
  g_assert_cmpint (input->status, ==, CCP_MERGE_INPUT_REFUSED);
  g_assert_nonnull (input->message);

  /* 3 + 2 activities accepted. */
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 5);

  /* Every report item has a sentence that names its file or city. */
  {
    GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (result));

    for (guint i = 0; i < g_list_model_get_n_items (report); i++)
      {
        g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
        g_autofree char *text = ccp_report_describe_item (item);
        const char *file = ccp_report_item_get_file (item);
        const char *city = ccp_report_item_get_city (item);

        g_assert_true ((*file != '\0' && strstr (text, file) != NULL) ||
                       (*city != '\0' && strstr (text, city) != NULL));
      }
  }
}

static void
test_strict (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) good = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) broken = ccp_test_random_plan (rand, "Medellín", "CO", "music", "2027-H1", 2);
  g_autoptr(CcpActivity) first = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;

  first = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (broken)), 0);
  ccp_activity_set_title (first, "");

  ccp_merge_set_strict (merge, TRUE);
  ccp_test_merge_add_plan (merge, "bologna.xml", good);
  ccp_test_merge_add_plan (merge, "medellin.xml", broken);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  ccp_test_assert_refused (result, "medellin.xml", "has-errors");
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 2);
  g_assert_cmpuint (ccp_merge_count_refused (merge), ==, 1);
}

static void
test_nothing_usable (void)
{
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\0\1\2", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;

  ccp_merge_add_bytes (merge, "garbage.xml", garbage);
  result = ccp_merge_run (merge, &error);
  g_assert_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_NOTHING_USABLE);
  g_assert_null (result);
  g_assert_cmpint (ccp_merge_get_input (merge, 0)->status, ==, CCP_MERGE_INPUT_REFUSED);
}

/* Merges the plans in the order given, with no field or period set. */
static CcpFieldPlan *
merge_automatic (CcpPlan **plans,
                 guint     n_plans)
{
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;

  for (guint i = 0; i < n_plans; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%s.xml", ccp_plan_get_city (plans[i]));

      ccp_test_merge_add_plan (merge, name, plans[i]);
    }
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_automatic_target (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(CcpPlan) film = ccp_test_random_plan (rand, "Busan", "KR", "film", "2028-H2", 2);
  g_autoptr(CcpPlan) music = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) music2 = ccp_test_random_plan (rand, "Liverpool", "GB", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) bad_period = ccp_test_random_plan (rand, "Ghent", "BE", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) bad_field = ccp_test_random_plan (rand, "Seville", "ES", "music",
                                                       "2027-H1", 2);
  g_autoptr(CcpFieldPlan) tie_a = NULL;
  g_autoptr(CcpFieldPlan) tie_b = NULL;
  g_autoptr(CcpFieldPlan) majority = NULL;
  g_autoptr(CcpFieldPlan) invalid = NULL;

  /* A tie goes to the smallest code, whatever the order. */
  tie_a = merge_automatic ((CcpPlan *[]) { film, music }, 2);
  tie_b = merge_automatic ((CcpPlan *[]) { music, film }, 2);
  g_assert_cmpstr (ccp_field_plan_get_field (tie_a), ==, "film");
  g_assert_cmpstr (ccp_field_plan_get_period (tie_a), ==, "2028-H2");
  g_assert_cmpstr (ccp_field_plan_get_id (tie_a), ==, "field-film-2028-H2");
  g_assert_cmpstr (ccp_field_plan_get_consolidated (tie_a), ==, CCP_TEST_MERGE_WHEN);
  g_assert_cmpuint (ccp_field_plan_get_revision (tie_a), ==, 1);
  ccp_test_assert_refused (tie_a, "plan-Bologna.xml", "other-field");
  ccp_test_assert_same_field_plan (tie_a, tie_b);

  /* What most plans have wins over the first file. */
  majority = merge_automatic ((CcpPlan *[]) { film, music, music2 }, 3);
  g_assert_cmpstr (ccp_field_plan_get_field (majority), ==, "music");
  g_assert_cmpstr (ccp_field_plan_get_period (majority), ==, "2027-H1");
  ccp_test_assert_refused (majority, "plan-Busan.xml", "other-field");

  /* An invalid period or an unknown field never becomes the target, even when it comes first
   * and is the most common (regressions found by tests/fuzz/fuzz-merge.c). */
  ccp_plan_set_period (bad_period, "2027-H1final");
  ccp_plan_set_field (bad_field, "musicx");
  invalid = merge_automatic ((CcpPlan *[]) { bad_period, bad_field, music }, 3);
  g_assert_cmpstr (ccp_field_plan_get_field (invalid), ==, "music");
  g_assert_cmpstr (ccp_field_plan_get_period (invalid), ==, "2027-H1");
  ccp_test_assert_refused (invalid, "plan-Ghent.xml", "other-period");
  ccp_test_assert_refused (invalid, "plan-Seville.xml", "other-field");
}

static void
test_into_mismatch (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(CcpMerge) first = ccp_test_merge_new ();
  g_autoptr(CcpMerge) second = ccp_test_merge_new ();
  g_autoptr(CcpPlan) music = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;

  ccp_test_merge_add_plan (first, "bologna.xml", music);
  field_plan = ccp_merge_run (first, &error);
  g_assert_no_error (error);

  ccp_merge_set_into (second, field_plan);
  ccp_merge_set_field (second, "film");
  result = ccp_merge_run (second, &error);
  g_assert_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_MISMATCH);
  g_assert_null (result);
}

static void
test_superseded (gconstpointer data)
{
  gboolean by_revision = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) old = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 3);
  g_autoptr(CcpPlan) newer = ccp_plan_copy (old);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CcpActivity) changed = NULL;
  g_autoptr(CcpActivity) merged = NULL;
  CcpReportItem *item;
  const char *reason = by_revision ? "older-revision" : "older-modified";

  ccp_plan_set_revision (old, 2);
  ccp_plan_set_modified (old, "2026-11-01T10:00:00Z");
  ccp_plan_set_revision (newer, by_revision ? 3 : 2);
  /* With a higher revision, the time does not matter. */
  ccp_plan_set_modified (newer, by_revision ? "2026-10-01T10:00:00Z" : "2026-11-02T10:00:00Z");
  changed = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (newer)), 0);
  ccp_activity_set_title (changed, "The newer title");
  ccp_item_list_remove (ccp_plan_get_activities (newer), 2);

  /* The newer one first: order must not matter. */
  ccp_test_merge_add_plan (merge, "z-newer.xml", newer);
  ccp_test_merge_add_plan (merge, "a-older.xml", old);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  g_assert_cmpint (ccp_source_get_status (ccp_test_source_of_file (result, "z-newer.xml")), ==,
                   CCP_SOURCE_STATUS_ACCEPTED);
  g_assert_cmpint (ccp_source_get_status (ccp_test_source_of_file (result, "a-older.xml")), ==,
                   CCP_SOURCE_STATUS_SUPERSEDED);
  g_assert_cmpstr (ccp_source_get_reason (ccp_test_source_of_file (result, "a-older.xml")),
                   ==, reason);

  items = ccp_test_report_items (result, "superseded", reason);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ccp_report_item_get_file (item), ==, "a-older.xml");
  g_assert_cmpstr (ccp_report_item_get_value (item, "by-file"), ==, "z-newer.xml");
  g_assert_cmpstr (ccp_report_item_get_value (item, "activities"), ==, "3");

  /* Only the newer plan's activities, never both. */
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 2);
  g_assert_cmpint (ccp_merge_get_input (merge, 1)->status, ==, CCP_MERGE_INPUT_SUPERSEDED);
  g_assert_cmpuint (ccp_merge_count_refused (merge), ==, 0);
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < 2; i++)
      {
        merged = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (result)), i);
        seen = seen || g_str_equal (ccp_activity_get_title (merged), "The newer title");
        g_clear_object (&merged);
      }
    g_assert_true (seen);
  }
}

static CcpActivity *
nth_activity (CcpPlan *plan,
              guint    n)
{
  return g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), n);
}

static void
test_joint (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 2);
  g_autoptr(CcpActivity) a = nth_activity (bologna, 1);
  g_autoptr(CcpActivity) b = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) joint = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(CcpActivity) merged = NULL;
  GListModel *attributions;
  gboolean title = FALSE, budget = FALSE;

  /* Liverpool's copy of Bologna's activity, with its own title, budget and identifier. */
  b = ccp_activity_copy (a);
  ccp_activity_set_id (b, "liv-7");
  ccp_activity_set_title (b, "Liverpool–Bologna exchange");
  ccp_activity_set_budget_amount (b, "999.00");
  ccp_activity_set_joint_ref (a, "exchange-2027");
  ccp_activity_set_joint_ref (b, "exchange-2027");
  ccp_item_list_append (ccp_plan_get_activities (liverpool), b);

  ccp_test_merge_add_plan (merge, "liverpool.xml", liverpool);
  ccp_test_merge_add_plan (merge, "bologna.xml", bologna);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  /* 2 + 3 activities, one of them joint: 4 in the field plan. */
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 4);
  joint = ccp_test_report_items (result, "joint", "merged");
  g_assert_cmpuint (joint->len, ==, 1);
  g_assert_cmpstr (ccp_report_item_get_value (g_ptr_array_index (joint, 0), "copies"), ==, "2");

  for (guint i = 0; i < 4 && merged == NULL; i++)
    {
      g_autoptr(CcpActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (result)), i);

      if (g_str_equal (ccp_activity_get_joint_ref (activity), "exchange-2027"))
        merged = g_steal_pointer (&activity);
    }
  g_assert_nonnull (merged);
  g_assert_cmpstr (ccp_activity_get_id (merged), ==, "exchange-2027");
  /* Bologna sorts first: its copy is the reference. */
  g_assert_cmpstr (ccp_activity_get_title (merged), ==, ccp_activity_get_title (a));
  attributions = G_LIST_MODEL (ccp_activity_get_attributions (merged));
  g_assert_cmpuint (g_list_model_get_n_items (attributions), ==, 2);
  {
    g_autoptr(CcpAttribution) first = g_list_model_get_item (attributions, 0);
    g_autoptr(CcpAttribution) second = g_list_model_get_item (attributions, 1);

    g_assert_cmpstr (ccp_attribution_get_city (first), ==, "Bologna");
    g_assert_cmpstr (ccp_attribution_get_activity_id (first), ==, ccp_activity_get_id (a));
    g_assert_cmpstr (ccp_attribution_get_city (second), ==, "Liverpool");
    g_assert_cmpstr (ccp_attribution_get_activity_id (second), ==, "liv-7");
    g_assert_cmpstr (ccp_attribution_get_plan_id (second), ==, ccp_plan_get_id (liverpool));
  }

  /* Each city's budget is its contribution, not a difference. */
  {
    g_autoptr(CcpAttribution) second = g_list_model_get_item (attributions, 1);

    g_assert_cmpstr (ccp_activity_get_budget_amount (ccp_attribution_get_values (second)), ==,
                     "999.00");
    budget = TRUE;
  }

  /* Only shared fields conflict: one item per field, with every city's value. */
  differences = ccp_test_report_items (result, "joint-conflict", NULL);
  for (guint i = 0; i < differences->len; i++)
    {
      CcpReportItem *item = g_ptr_array_index (differences, i);
      const CcpActivityField *field = ccp_activity_field_find (ccp_report_item_get_code (item));

      g_assert_nonnull (field);
      g_assert_cmpint (field->share, ==, CCP_FIELD_SHARE_SHARED);
      g_assert_cmpstr (ccp_report_item_get_city (item), ==, "Bologna");
      g_assert_cmpstr (ccp_report_item_get_joint_ref (item), ==, "exchange-2027");
      g_assert_cmpuint (ccp_report_item_get_n_copies (item), ==, 2);
      if (g_str_equal (ccp_report_item_get_code (item), "title"))
        {
          title = TRUE;
          g_assert_cmpstr (ccp_report_item_get_copy (item, 0)[0], ==, "Bologna");
          g_assert_cmpstr (ccp_report_item_get_copy (item, 0)[3], ==,
                           ccp_activity_get_title (a));
          g_assert_cmpstr (ccp_report_item_get_copy (item, 1)[0], ==, "Liverpool");
          g_assert_cmpstr (ccp_report_item_get_copy (item, 1)[3], ==,
                           "Liverpool–Bologna exchange");
        }
    }
  g_assert_true (title);
  g_assert_true (budget);
  /* Nothing else conflicts. */
  g_assert_cmpuint (differences->len, ==, 1);
}

static void
test_possible_duplicates (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 1);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 1);
  g_autoptr(CcpPlan) medellin = ccp_test_random_plan (rand, "Medellín", "CO", "music",
                                                      "2027-H1", 1);
  g_autoptr(CcpActivity) a = nth_activity (bologna, 0);
  g_autoptr(CcpActivity) b = nth_activity (liverpool, 0);
  g_autoptr(CcpActivity) c = nth_activity (medellin, 0);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CcpReportItem *item;

  ccp_activity_set_title (a, "World Music Day!");
  ccp_activity_set_start_date (a, "2027-06-01");
  ccp_activity_set_end_date (a, "2027-06-21");
  ccp_activity_set_title (b, "world  music DAY");
  ccp_activity_set_start_date (b, "2027-06-21");
  ccp_activity_set_end_date (b, "2027-06-21");
  /* Same title, but dates that do not overlap: not a duplicate. */
  ccp_activity_set_title (c, "Wörld Music Day");
  ccp_activity_set_start_date (c, "2027-02-01");
  ccp_activity_set_end_date (c, "2027-02-02");

  ccp_test_merge_add_plan (merge, "bologna.xml", bologna);
  ccp_test_merge_add_plan (merge, "liverpool.xml", liverpool);
  ccp_test_merge_add_plan (merge, "medellin.xml", medellin);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  /* Reported, never merged. */
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 3);
  items = ccp_test_report_items (result, "possible-duplicate", NULL);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ccp_report_item_get_city (item), ==, "Liverpool");
  g_assert_cmpstr (ccp_report_item_get_value (item, "other-city"), ==, "Bologna");
  g_assert_cmpstr (ccp_report_item_get_value (item, "title"), ==, "world  music DAY");
}

static void
test_roster (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 1);
  g_autoptr(CcpPlan) medellin = ccp_test_random_plan (rand, "Medellín", "CO", "music",
                                                      "2027-H2", 1);
  g_autoptr(GPtrArray) roster = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) refused_only = NULL;
  GListModel *members;

  g_ptr_array_add (roster, ccp_member_city_new ("Bologna", "IT", "music", 2006));
  g_ptr_array_add (roster, ccp_member_city_new ("Liverpool", "GB", "music", 2015));
  g_ptr_array_add (roster, ccp_member_city_new ("Medellin", "CO", "music", 2015));
  /* Another field: not part of this roster. */
  g_ptr_array_add (roster, ccp_member_city_new ("Busan", "KR", "film", 2014));

  ccp_merge_set_roster (merge, roster);
  ccp_merge_set_period (merge, "2027-H1");
  ccp_test_merge_add_plan (merge, "bologna.xml", bologna);
  ccp_test_merge_add_plan (merge, "medellin.xml", medellin);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  members = G_LIST_MODEL (ccp_field_plan_get_roster (result));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);

  missing = ccp_test_report_items (result, "missing", "no-plan");
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (ccp_report_item_get_city (g_ptr_array_index (missing, 0)), ==, "Liverpool");
  /* Medellín sent a plan for the wrong period ("Medellin" matches without the accent). */
  refused_only = ccp_test_report_items (result, "missing", "refused-only");
  g_assert_cmpuint (refused_only->len, ==, 1);
  g_assert_cmpstr (ccp_report_item_get_city (g_ptr_array_index (refused_only, 0)), ==,
                   "Medellin");
}

static void
test_default_roster_from_registry (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 1);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = ccp_registry_list_field (ccp_registry_get_default (), "music");
  g_autoptr(GPtrArray) missing = NULL;

  ccp_test_merge_add_plan (merge, "bologna.xml", bologna);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (members->len, >, 10);
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_roster (result)), ==, members->len);
  missing = ccp_test_report_items (result, "missing", NULL);
  g_assert_cmpuint (missing->len, ==, members->len - 1);
}

static void
test_network (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpPlan) busan = ccp_test_random_plan (rand, "Busan", "KR", "film", "2027-H1", 3);
  g_autoptr(CcpMerge) music = ccp_test_merge_new ();
  g_autoptr(CcpMerge) film = ccp_test_merge_new ();
  g_autoptr(CcpMerge) network = ccp_test_merge_new ();
  g_autoptr(CcpFieldPlan) music_plan = NULL;
  g_autoptr(CcpFieldPlan) film_plan = NULL;
  g_autoptr(CcpFieldPlan) overview = NULL;
  g_autoptr(GBytes) music_bytes = NULL;
  g_autoptr(GBytes) film_bytes = NULL;
  g_autoptr(GError) error = NULL;

  ccp_test_merge_add_plan (music, "bologna.xml", bologna);
  music_plan = ccp_merge_run (music, &error);
  g_assert_no_error (error);
  ccp_test_merge_add_plan (film, "busan.xml", busan);
  film_plan = ccp_merge_run (film, &error);
  g_assert_no_error (error);

  music_bytes = ccp_writer_write_field_plan (music_plan);
  film_bytes = ccp_writer_write_field_plan (film_plan);
  ccp_merge_add_bytes (network, "music.xml", music_bytes);
  ccp_merge_add_bytes (network, "film.xml", film_bytes);
  overview = ccp_merge_run (network, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ccp_field_plan_get_field (overview), ==, CCP_FIELD_NETWORK);
  g_assert_cmpstr (ccp_field_plan_get_id (overview), ==, "network-2027-H1");
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (overview)), ==, 5);
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_sources (overview)), ==, 2);
  g_assert_cmpstr (ccp_source_get_field (ccp_test_source_of_file (overview, "busan.xml")),
                   ==, "film");
  g_assert_cmpint (ccp_merge_get_input (network, 0)->status, ==, CCP_MERGE_INPUT_UNPACKED);
  /* The roster covers both fields. */
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_roster (overview)), ==,
                    ccp_test_n_items (ccp_field_plan_get_roster (music_plan)) +
                    ccp_test_n_items (ccp_field_plan_get_roster (film_plan)));
}

static CcpFieldPlan *
read_field_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  return CCP_FIELD_PLAN (document);
}

/* data/examples/music-2027-h1-field-plan.xml is `ccplans merge` of the example city plans. */
static void
test_golden_examples (void)
{
  const char *dir = ccp_test_examples_dir ();
  g_autofree char *golden_path = g_build_filename (dir, "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(CcpFieldPlan) golden = read_field_plan (golden_path);
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GDir) listing = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GPtrArray) joint = NULL;
  g_autofree char *golden_text = NULL;
  const char *name;
  guint n_city_plans = 0;

  g_assert_true (g_file_get_contents (golden_path, &golden_text, NULL, NULL));
  ccp_merge_set_consolidated (merge, ccp_field_plan_get_consolidated (golden));

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, ".xml") || g_str_equal (name, "music-2027-h1-field-plan.xml"))
        continue;
      bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, &error);
      g_assert_no_error (error);
      ccp_merge_add_bytes (merge, name, bytes);
      n_city_plans++;
    }

  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_city_plans, >=, 3);
  g_assert_cmpuint (ccp_merge_count_refused (merge), ==, 0);
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_sources (result)), ==, n_city_plans);

  /* The examples have a joint activity between two cities. */
  joint = ccp_test_report_items (result, "joint", "merged");
  g_assert_cmpuint (joint->len, >=, 1);

  expected = g_bytes_new (golden_text, strlen (golden_text));
  actual = ccp_writer_write_field_plan (result);
  if (!g_bytes_equal (expected, actual))
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "golden-actual.xml", NULL);

      g_file_set_contents (path, g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                           NULL);
      g_error ("The merge of the examples differs from %s (actual output in %s); regenerate "
               "it with ccplans merge if the examples changed", golden_path, path);
    }
}

static void
test_describe (void)
{
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("refused");
  g_autoptr(CcpReportItem) unknown = ccp_report_item_new ("something-new");
  g_autofree char *text = NULL;
  g_autofree char *generic = NULL;

  ccp_report_item_set_code (item, "other-period");
  ccp_report_item_set_file (item, "lyon.xml");
  ccp_report_item_set_city (item, "Lyon");
  ccp_report_item_set_country (item, "FR");
  ccp_report_item_add_value (item, "found", "2026-H2");
  ccp_report_item_add_value (item, "expected", "2027-H1");
  text = ccp_report_describe_item (item);
  g_assert_nonnull (strstr (text, "lyon.xml"));
  g_assert_nonnull (strstr (text, "2026-H2"));
  g_assert_nonnull (strstr (text, "2027-H1"));

  /* A kind made by a newer version still reads. */
  ccp_report_item_set_city (unknown, "Lyon");
  generic = ccp_report_describe_item (unknown);
  g_assert_nonnull (strstr (generic, "something-new"));
}

static void
test_codec (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  /* Every compared property survives encode/decode, whatever the text. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
      g_autoptr(CcpActivity) source = nth_activity (plan, 0);
      g_autoptr(CcpActivity) target = nth_activity (plan, 1);

      for (const char * const *f = ccp_merge_compared_fields (); *f != NULL; f++)
        {
          g_autofree char *value = ccp_merge_encode_field (source, *f);
          g_autofree char *back = NULL;

          g_assert_true (ccp_merge_decode_field (target, *f, value));
          back = ccp_merge_encode_field (target, *f);
          g_assert_cmpstr (back, ==, value);
        }
    }
}

/* Two activities of one plan with the same identifier and start date are told apart by
 * their compared fields, title first: the one whose title sorts first keeps the identifier. */
static void
test_same_id_tie (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
  g_autoptr(CcpActivity) first = nth_activity (plan, 0);
  g_autoptr(CcpActivity) second = nth_activity (plan, 1);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(CcpActivity) kept = NULL;
  g_autoptr(CcpActivity) renamed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  GError *error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      CcpActivity *activity = i == 0 ? first : second;

      ccp_activity_set_id (activity, "a1");
      ccp_activity_set_joint_ref (activity, "");
      ccp_activity_set_start_date (activity, "2027-02-01");
      ccp_activity_set_end_date (activity, "2027-02-02");
    }
  /* By kind the first would come first; by title the second. */
  ccp_activity_set_title (first, "Beta");
  ccp_activity_set_kind (first, "aaa");
  ccp_activity_set_title (second, "Alpha");
  ccp_activity_set_kind (second, "zzz");

  bytes = ccp_writer_write_plan (plan);
  ccp_merge_add_bytes (merge, "bologna.xml", bytes);
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);

  id = g_strdup_printf ("%s.a1", ccp_plan_get_id (plan));
  id2 = g_strdup_printf ("%s.a1-2", ccp_plan_get_id (plan));
  kept = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (result)), 0);
  renamed = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (result)), 1);
  g_assert_cmpstr (ccp_activity_get_title (kept), ==, "Alpha");
  g_assert_cmpstr (ccp_activity_get_id (kept), ==, id);
  g_assert_cmpstr (ccp_activity_get_title (renamed), ==, "Beta");
  g_assert_cmpstr (ccp_activity_get_id (renamed), ==, id2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/refusals", test_refusals);
  g_test_add_func ("/merge/strict", test_strict);
  g_test_add_func ("/merge/nothing-usable", test_nothing_usable);
  g_test_add_func ("/merge/automatic-target", test_automatic_target);
  g_test_add_func ("/merge/into-mismatch", test_into_mismatch);
  g_test_add_data_func ("/merge/superseded/revision", GINT_TO_POINTER (TRUE), test_superseded);
  g_test_add_data_func ("/merge/superseded/modified", GINT_TO_POINTER (FALSE), test_superseded);
  g_test_add_func ("/merge/joint", test_joint);
  g_test_add_func ("/merge/possible-duplicates", test_possible_duplicates);
  g_test_add_func ("/merge/roster", test_roster);
  g_test_add_func ("/merge/roster-from-registry", test_default_roster_from_registry);
  g_test_add_func ("/merge/network", test_network);
  g_test_add_func ("/merge/describe", test_describe);
  g_test_add_func ("/merge/codec", test_codec);
  g_test_add_func ("/merge/same-id-tie", test_same_id_tie);
  g_test_add_func ("/merge/golden-examples", test_golden_examples);

  return g_test_run ();
}
