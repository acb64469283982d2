#define G_LOG_DOMAIN "test-plan"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

typedef struct {
  guint        count;
  CcpActivity *last;
} ActivityChanged;

static void
activity_changed_cb (CcpPlan         *plan,
                     CcpActivity     *activity,
                     ActivityChanged *record)
{
  record->count++;
  record->last = activity;
}

static void
test_defaults (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();

  g_assert_cmpstr (ccp_plan_get_id (plan), ==, "");
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, 1);
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, "");
  g_assert_cmpstr (ccp_plan_get_period (plan), ==, "");
  g_assert_cmpstr (ccp_plan_get_representative_email (plan), ==, "");
  g_assert_false (ccp_plan_get_representative_none (plan));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))),
                    ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_plan_get_activities (plan))) ==
                 CCP_TYPE_ACTIVITY);
}

static void
test_new_draft (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autoptr(CcpPlan) other = ccp_plan_new_draft ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GRegex) format =
    g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", 0, 0, NULL);

  g_assert_true (g_uuid_string_is_valid (ccp_plan_get_id (plan)));
  g_assert_cmpstr (ccp_plan_get_id (plan), !=, ccp_plan_get_id (other));
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, 1);
  g_assert_cmpstr (ccp_plan_get_mission_statement (plan), ==, CCP_MISSION_STATEMENT_CURRENT);
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_true (g_regex_match (format, ccp_plan_get_modified (plan), 0, NULL));

  modified = g_date_time_new_from_iso8601 (ccp_plan_get_modified (plan), NULL);
  g_assert_nonnull (modified);
  g_assert_cmpint (ABS (g_date_time_difference (now, modified)), <, 120 * G_TIME_SPAN_SECOND);
}

static void
set_other_value (GObject    *object,
                 GParamSpec *pspec,
                 guint       round)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", pspec->name, round);

      g_value_set_string (&value, text);
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      gboolean current;

      g_object_get (object, pspec->name, &current, NULL);
      g_value_set_boolean (&value, !current);
    }
  else if (pspec->value_type == G_TYPE_UINT)
    {
      guint current;

      g_object_get (object, pspec->name, &current, NULL);
      g_value_set_uint (&value, current + 1);
    }
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      int current;

      g_object_get (object, pspec->name, &current, NULL);
      g_value_set_enum (&value, current == 0 ? 1 : 0);
    }
  else
    g_assert_not_reached ();

  g_object_set_property (object, pspec->name, &value);
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (plan), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 18);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      guint notified = 0, changed = 0;
      ActivityChanged activity_changed = { 0, };
      gulong ids[3];

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      ids[0] = g_signal_connect (plan, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
      ids[1] = g_signal_connect (plan, "changed", G_CALLBACK (ccp_test_count_cb), &changed);
      ids[2] = g_signal_connect (plan, "activity-changed", G_CALLBACK (activity_changed_cb),
                                 &activity_changed);

      for (guint round = 1; round <= 3; round++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          set_other_value (G_OBJECT (plan), pspec, round);
          g_assert_cmpuint (notified, ==, round);
          g_assert_cmpuint (changed, ==, round);

          /* Setting what it already holds is no change. */
          g_value_init (&value, pspec->value_type);
          g_object_get_property (G_OBJECT (plan), pspec->name, &value);
          g_object_set_property (G_OBJECT (plan), pspec->name, &value);
          g_assert_cmpuint (notified, ==, round);
          g_assert_cmpuint (changed, ==, round);
        }
      g_assert_cmpuint (activity_changed.count, ==, 0);

      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        g_signal_handler_disconnect (plan, ids[j]);
    }

  /* NULL is stored as "". */
  ccp_plan_set_city (plan, NULL);
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, "");
}

static void
test_changed_signals (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Seoul", "KR", "design", "2027-H2", 3);
  CcpItemList *activities = ccp_plan_get_activities (plan);
  g_autoptr(CcpActivity) first = g_list_model_get_item (G_LIST_MODEL (activities), 0);
  g_autoptr(CcpActivity) second = g_list_model_get_item (G_LIST_MODEL (activities), 1);
  g_autoptr(CcpActivity) added = NULL;
  g_autoptr(CcpPartner) partner = ccp_partner_new_organisation ("Museum", "public");
  ActivityChanged record = { 0, };
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (ccp_test_count_cb), &changed);
  g_signal_connect (plan, "activity-changed", G_CALLBACK (activity_changed_cb), &record);

  ccp_plan_set_focal_point_phone (plan, "+82 2 000");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (record.count, ==, 0);

  ccp_activity_set_title (second, "New title");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_true (record.last == second);

  ccp_activity_toggle_code (first, "areas", "6",
                            !ccp_activity_has_code (ccp_activity_get_areas (first), "6"));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_true (record.last == first);

  /* A change deep inside an activity. */
  ccp_item_list_append (ccp_activity_get_partner_organisations (second), partner);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (record.count, ==, 3);
  g_assert_true (record.last == second);
  ccp_partner_set_name (partner, "Museum & Archive");
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (record.count, ==, 4);
  g_assert_true (record.last == second);

  /* Adding, removing and reordering activities changes the plan, not an activity. */
  added = ccp_test_random_activity (rand, plan);
  ccp_item_list_append (activities, added);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (record.count, ==, 4);
  ccp_activity_set_place (added, "Online");
  g_assert_cmpuint (changed, ==, 7);
  g_assert_true (record.last == added);

  {
    gpointer reordered[] = { second, first };

    ccp_item_list_splice (activities, 0, 2, reordered, 2);
    g_assert_cmpuint (changed, ==, 8);
    g_assert_cmpuint (record.count, ==, 5);
    /* Still followed once each after the reorder. */
    ccp_activity_set_kind (first, "other");
    g_assert_cmpuint (changed, ==, 9);
    g_assert_cmpuint (record.count, ==, 6);
  }

  ccp_item_list_remove (activities, 1);
  g_assert_cmpuint (changed, ==, 10);
  ccp_activity_set_title (first, "Removed, so silent");
  ccp_partner_set_name (partner, "Still followed");
  g_assert_cmpuint (changed, ==, 11);
  g_assert_true (record.last == second);
  g_assert_cmpuint (record.count, ==, 7);
}

static void
test_plan_outlived_by_activity (void)
{
  CcpPlan *plan = ccp_plan_new ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(CcpItemList) activities = NULL;

  ccp_item_list_append (ccp_plan_get_activities (plan), activity);
  activities = g_object_ref (ccp_plan_get_activities (plan));
  g_object_unref (plan);

  ccp_activity_set_title (activity, "Still alive");
  ccp_item_list_remove_all (activities);
  g_assert_cmpstr (ccp_activity_get_title (activity), ==, "Still alive");
}

static void
test_copy_equal (void)
{
  for (guint seed = 1; seed <= 10; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL, 5);
      g_autoptr(CcpPlan) copy = ccp_plan_copy (plan);
      g_autoptr(CcpActivity) activity = NULL;
      g_autoptr(CcpActivity) original = NULL;
      g_autoptr(CcpResult) result = ccp_result_new ("More", "");

      g_assert_true (ccp_plan_equal (plan, copy));
      g_assert_true (ccp_plan_equal (copy, plan));

      activity = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (copy)), 2);
      original = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 2);
      g_assert_true (activity != original);

      ccp_item_list_append (ccp_activity_get_results (activity), result);
      g_assert_false (ccp_plan_equal (plan, copy));
      ccp_item_list_remove (ccp_activity_get_results (activity),
                            g_list_model_get_n_items (
                             G_LIST_MODEL (ccp_activity_get_results (activity))) - 1);
      g_assert_true (ccp_plan_equal (plan, copy));

      ccp_result_set_outcome (result, "Detached results do not count");
      g_assert_true (ccp_plan_equal (plan, copy));

      /* Reordering activities is a difference. */
      {
        g_autoptr(CcpActivity) moved =
          g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (copy)), 0);

        ccp_item_list_remove (ccp_plan_get_activities (copy), 0);
        ccp_item_list_append (ccp_plan_get_activities (copy), moved);
        g_assert_false (ccp_plan_equal (plan, copy));
      }

      g_clear_object (&copy);
      copy = ccp_plan_copy (plan);
      ccp_plan_set_representative_none (copy, !ccp_plan_get_representative_none (copy));
      g_assert_false (ccp_plan_equal (plan, copy));

      g_clear_object (&copy);
      copy = ccp_plan_copy (plan);
      ccp_plan_set_revision (copy, ccp_plan_get_revision (plan) + 1);
      g_assert_false (ccp_plan_equal (plan, copy));
    }
}

static void
test_find_and_next_id (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  CcpItemList *activities = ccp_plan_get_activities (plan);
  const char *ids[] = { "a1", "a2", "x", "a5", "a03" };
  g_autofree char *id = NULL;

  id = ccp_plan_next_activity_id (plan);
  g_assert_cmpstr (id, ==, "a1");
  g_clear_pointer (&id, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CcpActivity) activity = ccp_activity_new (ids[i]);

      ccp_item_list_append (activities, activity);
      id = ccp_plan_next_activity_id (plan);
      g_assert_null (ccp_plan_find_activity (plan, id));
      g_clear_pointer (&id, g_free);
    }

  id = ccp_plan_next_activity_id (plan);
  g_assert_cmpstr (id, ==, "a6");

  g_assert_nonnull (ccp_plan_find_activity (plan, "x"));
  g_assert_cmpstr (ccp_activity_get_id (ccp_plan_find_activity (plan, "a5")), ==, "a5");
  g_assert_null (ccp_plan_find_activity (plan, "a4"));
  g_assert_null (ccp_plan_find_activity (plan, ""));

  /* Every identifier given out is new, whatever the plan holds. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *next = ccp_plan_next_activity_id (plan);
      g_autoptr(CcpActivity) activity = ccp_activity_new (next);

      g_assert_null (ccp_plan_find_activity (plan, next));
      ccp_item_list_append (activities, activity);
    }
}

static void
assert_date (const GDate *date,
             guint        year,
             GDateMonth   month,
             guint        day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
test_period (void)
{
  const char *invalid[] = {
    "", "2027-H3", "2027-H0", "27-H1", "2027H1", "2027-h1", "2027-H1 ", " 2027-H1", "2027-H12",
    "0000-H1", "２０２７-H1", "abcd-H1", "2027-S1",
  };
  GDate first, last;
  guint year = 0, half = 0;
  g_autofree char *next = NULL;

  g_assert_true (ccp_period_parse ("2027-H1", &year, &half));
  g_assert_cmpuint (year, ==, 2027);
  g_assert_cmpuint (half, ==, 1);
  g_assert_true (ccp_period_parse ("2030-H2", &year, &half));
  g_assert_cmpuint (year, ==, 2030);
  g_assert_cmpuint (half, ==, 2);
  g_assert_true (ccp_period_parse ("2027-H2", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("period “%s”", invalid[i]);
      g_assert_false (ccp_period_parse (invalid[i], &year, &half));
      g_assert_false (ccp_period_get_range (invalid[i], &first, &last));
      g_assert_null (ccp_period_next (invalid[i]));
    }
  g_assert_false (ccp_period_parse (NULL, NULL, NULL));

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_assert_true (ccp_period_get_range ("2027-H1", &first, &last));
  assert_date (&first, 2027, G_DATE_JANUARY, 1);
  assert_date (&last, 2027, G_DATE_JUNE, 30);
  g_assert_true (ccp_period_get_range ("2028-H2", &first, &last));
  assert_date (&first, 2028, G_DATE_JULY, 1);
  assert_date (&last, 2028, G_DATE_DECEMBER, 31);

  next = ccp_period_next ("2027-H1");
  g_assert_cmpstr (next, ==, "2027-H2");
  g_clear_pointer (&next, g_free);
  next = ccp_period_next ("2027-H2");
  g_assert_cmpstr (next, ==, "2028-H1");
}

static void
test_date_parse (void)
{
  const char *invalid[] = {
    "", "2027-02-29", "2027-1-5", "2027-01-5", "2027-13-01", "2027-00-10", "2027-01-00",
    "2027-04-31", "2027/01/05", "20270105", "2027-01-05T00:00:00", " 2027-01-05", "2027-01-05 ",
    "0000-01-01", "27-01-05", "2027-1-05", "２０２７-01-05", "+027-01-05",
  };
  GDate date;

  g_date_clear (&date, 1);

  g_assert_true (ccp_date_parse ("2028-02-29", &date));
  assert_date (&date, 2028, G_DATE_FEBRUARY, 29);
  g_assert_true (ccp_date_parse ("2027-12-31", &date));
  assert_date (&date, 2027, G_DATE_DECEMBER, 31);
  g_assert_true (ccp_date_parse ("2000-02-29", NULL));
  g_assert_false (ccp_date_parse ("1900-02-29", NULL));
  g_assert_false (ccp_date_parse (NULL, &date));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("date “%s”", invalid[i]);
      g_assert_false (ccp_date_parse (invalid[i], &date));
    }

  /* A rejected text leaves the date as it was. */
  assert_date (&date, 2027, G_DATE_DECEMBER, 31);
}

static void
test_status_codes (void)
{
  CcpPlanStatus status = CCP_PLAN_STATUS_DRAFT;
  GEnumClass *klass = g_type_class_ref (CCP_TYPE_PLAN_STATUS);

  g_assert_cmpstr (ccp_plan_status_to_code (CCP_PLAN_STATUS_DRAFT), ==, "draft");
  g_assert_cmpstr (ccp_plan_status_to_code (CCP_PLAN_STATUS_FINAL), ==, "final");
  g_assert_true (ccp_plan_status_from_code ("final", &status));
  g_assert_cmpint (status, ==, CCP_PLAN_STATUS_FINAL);
  g_assert_true (ccp_plan_status_from_code ("draft", &status));
  g_assert_cmpint (status, ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_false (ccp_plan_status_from_code ("Final", &status));
  g_assert_false (ccp_plan_status_from_code ("", &status));
  g_assert_false (ccp_plan_status_from_code (NULL, &status));
  g_assert_cmpint (status, ==, CCP_PLAN_STATUS_DRAFT);

  g_assert_cmpstr (g_enum_get_value (klass, CCP_PLAN_STATUS_FINAL)->value_nick, ==, "final");
  g_type_class_unref (klass);
}

/* The generator other tests rely on: deterministic and valid by construction. */
static void
test_random_plan (void)
{
  for (guint seed = 100; seed < 130; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GRand) rand2 = g_rand_new_with_seed (seed);
      g_autoptr(GRand) rand3 = g_rand_new_with_seed (seed + 1000);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL, 8);
      g_autoptr(CcpPlan) same = ccp_test_random_plan (rand2, NULL, NULL, NULL, NULL, 8);
      g_autoptr(CcpPlan) other = ccp_test_random_plan (rand3, NULL, NULL, NULL, NULL, 8);
      GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
      GDate first, last;

      g_assert_true (ccp_plan_equal (plan, same));
      g_assert_false (ccp_plan_equal (plan, other));
      g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 8);
      g_assert_true (ccp_period_get_range (ccp_plan_get_period (plan), &first, &last));
      g_assert_cmpstr (ccp_plan_get_mission_statement (plan), ==, CCP_MISSION_STATEMENT_CURRENT);
      g_assert_nonnull (strchr (ccp_plan_get_focal_point_email (plan), '@'));
      g_assert_cmpuint (strlen (ccp_plan_get_country (plan)), ==, 2);

      for (guint i = 0; i < 8; i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          g_autofree char *id = g_strdup_printf ("a%u", i + 1);
          GDate start, end;

          g_assert_cmpstr (ccp_activity_get_id (activity), ==, id);
          g_assert_true (ccp_date_parse (ccp_activity_get_start_date (activity), &start));
          g_assert_true (ccp_date_parse (ccp_activity_get_end_date (activity), &end));
          g_assert_cmpint (g_date_compare (&start, &end), <=, 0);
          g_assert_cmpint (g_date_compare (&first, &start), <=, 0);
          g_assert_cmpint (g_date_compare (&end, &last), <=, 0);
          g_assert_nonnull (ccp_activity_get_objectives (activity)[0]);
          g_assert_nonnull (ccp_activity_get_areas (activity)[0]);
          g_assert_true (ccp_activity_get_sdgs_none (activity) !=
                         (ccp_activity_get_sdgs (activity)[0] != NULL));
          g_assert_cmpuint (ccp_activity_count_words (ccp_activity_get_description (activity)),
                            <, CCP_DESCRIPTION_WORD_LIMIT);
          g_assert_true (g_utf8_validate (ccp_activity_get_description (activity), -1, NULL));
          g_assert_cmpstr (ccp_activity_get_title (activity), !=, "");
        }
    }

  /* Given values are kept. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (1);
    g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Tartu", "EE", "literature",
                                                    "2029-H2", 1);

    g_assert_cmpstr (ccp_plan_get_city (plan), ==, "Tartu");
    g_assert_cmpstr (ccp_plan_get_country (plan), ==, "EE");
    g_assert_cmpstr (ccp_plan_get_field (plan), ==, "literature");
    g_assert_cmpstr (ccp_plan_get_period (plan), ==, "2029-H2");
  }
}

/* Written out by the writer, a generated plan is valid for the schema of the format. */
static void
test_random_plan_schema (void)
{
  const char *schema_path = g_getenv ("CCP_SCHEMA");
  xmlSchemaParserCtxtPtr parser_context;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr context;

  g_assert_nonnull (schema_path);
  parser_context = xmlSchemaNewParserCtxt (schema_path);
  schema = xmlSchemaParse (parser_context);
  g_assert_nonnull (schema);
  context = xmlSchemaNewValidCtxt (schema);

  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL, 1 + seed % 6);
      g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      xmlDocPtr doc = xmlReadMemory (data, size, "plan.xml", "UTF-8", XML_PARSE_NONET);

      g_assert_nonnull (doc);
      if (xmlSchemaValidateDoc (context, doc) != 0)
        {
          g_test_message ("%.*s", (int) size, data);
          g_test_fail_printf ("seed %u: the plan written does not validate", seed);
        }
      xmlFreeDoc (doc);
    }

  xmlSchemaFreeValidCtxt (context);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser_context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/defaults", test_defaults);
  g_test_add_func ("/plan/new-draft", test_new_draft);
  g_test_add_func ("/plan/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/plan/changed-signals", test_changed_signals);
  g_test_add_func ("/plan/outlived-by-activity", test_plan_outlived_by_activity);
  g_test_add_func ("/plan/copy-equal", test_copy_equal);
  g_test_add_func ("/plan/find-and-next-id", test_find_and_next_id);
  g_test_add_func ("/plan/period", test_period);
  g_test_add_func ("/plan/date-parse", test_date_parse);
  g_test_add_func ("/plan/status-codes", test_status_codes);
  g_test_add_func ("/plan/random-plan", test_random_plan);
  g_test_add_func ("/plan/random-plan-schema", test_random_plan_schema);

  return g_test_run ();
}
