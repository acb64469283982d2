/* The validator as a whole: the valid baselines, several problems at once, one activity checked
 * on its own, the checks that follow the field table, and the registry rule. Each rule alone is
 * in test-validator-rules.c. */
#define G_LOG_DOMAIN "test-validator"

#include "config.h"


#include "ccp-core.h"
#include "ccp-test-util.h"
#include "ccp-test-validator.h"

/* The valid baselines */

static void
test_valid_plan (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = ccp_validator_check_plan (validator, plan);

  ccp_test_assert_no_issues (issues);

  /* Final too. */
  ccp_plan_set_status (plan, CCP_PLAN_STATUS_FINAL);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_plan (validator, plan);
  ccp_test_assert_no_issues (issues);
}

static void
test_valid_field_plan (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpFieldPlan) field_plan = ccp_test_valid_field_plan ();
  g_autoptr(GPtrArray) issues = ccp_validator_check_field_plan (validator, field_plan);

  ccp_test_assert_no_issues (issues);
}

/* A network overview merges several fields: "network" stands where the field would be. */
static void
test_network_field_plan (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpFieldPlan) field_plan = ccp_test_valid_field_plan ();
  g_autoptr(GPtrArray) issues = NULL;

  ccp_field_plan_set_field (field_plan, CCP_FIELD_NETWORK);
  issues = ccp_validator_check_field_plan (validator, field_plan);
  ccp_test_assert_no_issues (issues);

  ccp_field_plan_set_field (field_plan, "networks");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_field_plan (validator, field_plan);
  g_assert_nonnull (ccp_test_find_issue (issues, "field-unknown", "field"));
}

/* The shipped registry knows Bologna too. */
static void
test_default_validator (void)
{
  g_autoptr(CcpValidator) validator = ccp_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = ccp_validator_check_plan (validator, plan);

  ccp_test_assert_no_issues (issues);

  ccp_plan_set_city (plan, "Nowhere-upon-Sea");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_plan (validator, plan);
  g_assert_nonnull (ccp_test_find_issue (issues, "city-not-in-registry", "city"));
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 0);

  /* Without a country yet (a new plan, typing the city): no empty "()" in the message. */
  ccp_plan_set_city (plan, "Katow");
  ccp_plan_set_country (plan, "");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_plan (validator, plan);
  g_assert_nonnull (ccp_test_find_issue (issues, "city-not-in-registry", "city"));
  g_assert_cmpstr (ccp_issue_get_message (ccp_test_find_issue (issues, "city-not-in-registry", "city")),
                   ==, "City “Katow” is not in the list of member cities: check its spelling");
}

/* The random plans of the other tests are valid: no error, no warning, with the shipped data. */
static void
test_random_plans (void)
{
  g_autoptr(CcpValidator) validator = ccp_validator_new ();

  for (guint32 seed = 1; seed <= 100; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL,
                                                      1 + seed % 7);
      g_autoptr(GPtrArray) issues = NULL;

      ccp_plan_set_status (plan, seed % 2 ? CCP_PLAN_STATUS_FINAL : CCP_PLAN_STATUS_DRAFT);
      issues = ccp_validator_check_plan (validator, plan);
      if (ccp_issues_count (issues, CCP_SEVERITY_ERROR) > 0
          || ccp_issues_count (issues, CCP_SEVERITY_WARNING) > 0)
        {
          g_test_message ("seed %u:", seed);
          ccp_test_print_issues (issues);
        }
      g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 0);
      g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_WARNING), ==, 0);
    }
}

/* Several problems at once are all reported (no rule hides another of a different value). */
static void
test_all_reported (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = NULL;
  const char *objectives[] = { "1", "7", "8", NULL };

  ccp_activity_set_objectives (ccp_test_first_activity (plan), objectives);
  ccp_plan_set_country (plan, "XX");
  ccp_plan_set_field (plan, "poetry");
  issues = ccp_validator_check_plan (validator, plan);

  g_assert_nonnull (ccp_test_find_issue (issues, "country-unknown", "country"));
  g_assert_nonnull (ccp_test_find_issue (issues, "field-unknown", "field"));
  /* One issue per unknown code: "7" and "8". */
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 4);
  g_assert_nonnull (ccp_test_find_issue (issues, "objective-unknown", "activities/0/objectives"));
  /* With an unknown country the city is looked up in any country: Bologna is found. */
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_INFO), ==, 0);
}

/* check_activity sees only its own activity; the others are compared by identifier only. */
static void
test_activity_isolation (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  CcpItemList *store = ccp_plan_get_activities (plan);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) all = NULL;
  CcpActivity *broken;
  guint n_from_parts = 0;

  for (guint i = 1; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autoptr(CcpActivity) activity = ccp_test_valid_activity (id);

      ccp_item_list_append (store, activity);
    }

  /* Activity 3 is broken in many ways, activity 7 shares an identifier with activity 30. */
  broken = ccp_test_activity_at (store, 3);
  ccp_activity_set_title (broken, "");
  ccp_activity_set_kind (broken, "party");
  ccp_activity_set_start_date (broken, "never");
  ccp_activity_set_budget_amount (broken, "-5");
  ccp_activity_set_objectives (broken, NULL);
  ccp_activity_set_id (ccp_test_activity_at (store, 7), "a31");

  issues = ccp_validator_check_activity (validator, plan, 5);
  ccp_test_assert_no_issues (issues);

  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_activity (validator, plan, 3);
  g_assert_cmpuint (issues->len, >=, 5);
  for (guint i = 0; i < issues->len; i++)
    g_assert_true (g_str_has_prefix (ccp_issue_get_path (g_ptr_array_index (issues, i)),
                                     "activities/3/"));

  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_activity (validator, plan, 30);
  g_assert_cmpuint (issues->len, ==, 1);
  ccp_test_assert_issue (issues, "activity-id-duplicate", CCP_SEVERITY_ERROR, "activities/30/id", "a31");

  /* The whole plan is the plan fields plus each activity, in that order. */
  all = ccp_validator_check_plan (validator, plan);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_plan_fields (validator, plan);
  for (guint i = 0; i < issues->len; i++, n_from_parts++)
    g_assert_cmpstr (ccp_issue_get_rule (g_ptr_array_index (issues, i)), ==,
                     ccp_issue_get_rule (g_ptr_array_index (all, n_from_parts)));
  for (guint a = 0; a < g_list_model_get_n_items (G_LIST_MODEL (store)); a++)
    {
      g_clear_pointer (&issues, g_ptr_array_unref);
      issues = ccp_validator_check_activity (validator, plan, a);
      for (guint i = 0; i < issues->len; i++, n_from_parts++)
        {
          CcpIssue *part = g_ptr_array_index (issues, i);
          CcpIssue *whole = g_ptr_array_index (all, n_from_parts);

          g_assert_cmpstr (ccp_issue_get_rule (part), ==, ccp_issue_get_rule (whole));
          g_assert_cmpstr (ccp_issue_get_path (part), ==, ccp_issue_get_path (whole));
          g_assert_cmpstr (ccp_issue_get_message (part), ==, ccp_issue_get_message (whole));
        }
    }
  g_assert_cmpuint (n_from_parts, ==, all->len);
}

/* The type checks follow the field table: every REQUIRED row left empty gives
 * "<rule prefix>-missing", every code row an unknown code "<vocabulary>-unknown", every
 * single-line row a line break "text-multiline", each at the row's path. */
static void
test_table_driven (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  guint n_fields, n_checked = 0;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const CcpActivityField *field = &fields[i];
      const char *prefix = field->rule != NULL ? field->rule : field->name;
      g_autofree char *path = g_strdup_printf ("activities/0/%s", field->name);

      if (field->flags & CCP_FIELD_FLAGS_REQUIRED)
        {
          g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
          g_autoptr(GPtrArray) issues = NULL;
          g_autofree char *rule = g_strconcat (prefix, "-missing", NULL);

          if (field->get_string != NULL)
            field->set_string (ccp_test_first_activity (plan), "");
          else
            field->set_strv (ccp_test_first_activity (plan), NULL);
          issues = ccp_validator_check_activity (validator, plan, 0);
          ccp_test_assert_issue (issues, rule, CCP_SEVERITY_ERROR, path, NULL);
          n_checked++;
        }

      if (field->type == CCP_FIELD_TYPE_CODE || field->type == CCP_FIELD_TYPE_CODES)
        {
          g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
          g_autoptr(GPtrArray) issues = NULL;
          g_autofree char *rule = g_strconcat (field->vocabulary, "-unknown", NULL);
          const char *unknown[] = { "zz-unknown", NULL };

          if (field->type == CCP_FIELD_TYPE_CODE)
            field->set_string (ccp_test_first_activity (plan), unknown[0]);
          else
            field->set_strv (ccp_test_first_activity (plan), unknown);
          issues = ccp_validator_check_activity (validator, plan, 0);
          ccp_test_assert_issue (issues, rule, CCP_SEVERITY_ERROR, path, "zz-unknown");
          n_checked++;
        }

      if (field->type == CCP_FIELD_TYPE_LINE)
        {
          g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
          g_autoptr(GPtrArray) issues = NULL;

          field->set_string (ccp_test_first_activity (plan), "two\nlines");
          issues = ccp_validator_check_activity (validator, plan, 0);
          ccp_test_assert_issue (issues, "text-multiline", CCP_SEVERITY_ERROR, path, "two");
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 12);
}

/* A city plan has no attributions: that rule belongs to field plans only. */
static void
test_city_plan_without_attributions (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = ccp_validator_check_plan (validator, plan);

  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (ccp_activity_get_attributions (ccp_test_first_activity (plan)))), ==, 0);
  ccp_test_assert_rule_absent (issues, "activity-unattributed");
}

/* The registry rule never makes an error, whatever the city. */
static void
test_registry_warning_only (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  const char *cities[] = { "Atlantis", "bologna", "Lyon", "Bologna ", "Ly\xc3\xb6n" };

  for (gsize i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
      g_autoptr(GPtrArray) issues = NULL;

      ccp_plan_set_city (plan, cities[i]);
      issues = ccp_validator_check_plan (validator, plan);
      g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 0);
      for (guint j = 0; j < issues->len; j++)
        g_assert_cmpstr (ccp_issue_get_rule (g_ptr_array_index (issues, j)), ==,
                         "city-not-in-registry");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/valid-plan", test_valid_plan);
  g_test_add_func ("/validator/valid-field-plan", test_valid_field_plan);
  g_test_add_func ("/validator/network-field-plan", test_network_field_plan);
  g_test_add_func ("/validator/default-validator", test_default_validator);
  g_test_add_func ("/validator/random-plans", test_random_plans);
  g_test_add_func ("/validator/all-reported", test_all_reported);
  g_test_add_func ("/validator/activity-isolation", test_activity_isolation);
  g_test_add_func ("/validator/city-plan-without-attributions",
                   test_city_plan_without_attributions);
  g_test_add_func ("/validator/registry-warning-only", test_registry_warning_only);
  g_test_add_func ("/validator/table-driven", test_table_driven);

  return g_test_run ();
}
