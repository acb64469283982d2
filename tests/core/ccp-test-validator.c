#define G_LOG_DOMAIN "ccp-test-validator"

#include "config.h"

#include <string.h>

#include "ccp-test-validator.h"

/* The validator of these tests: default vocabulary and iso-codes, and a registry with known
 * content so that the registry rule does not depend on the shipped list. */
CcpValidator *
ccp_test_validator_new (void)
{
  g_autoptr(CcpRegistry) registry = ccp_registry_new_empty ();
  g_autoptr(CcpMemberCity) bologna = ccp_member_city_new ("Bologna", "IT", "music", 2006);
  g_autoptr(CcpMemberCity) lyon = ccp_member_city_new ("Lyon", "FR", "media-arts", 2008);

  ccp_registry_add (registry, bologna);
  ccp_registry_add (registry, lyon);

  return ccp_validator_new_full (NULL, NULL, registry);
}

CcpActivity *
ccp_test_valid_activity (const char *id)
{
  CcpActivity *activity = ccp_activity_new (id);
  const char *objectives[] = { "1", "3", NULL };
  const char *areas[] = { "2", NULL };
  const char *sdgs[] = { "11", NULL };

  ccp_activity_set_title (activity, "Bologna Jazz Festival");
  ccp_activity_set_description (activity, "Ten days of concerts in the squares of the city.");
  ccp_activity_set_kind (activity, "festival-event");
  ccp_activity_set_scope (activity, "international");
  ccp_activity_set_state (activity, "planned");
  ccp_activity_set_start_date (activity, "2027-03-01");
  ccp_activity_set_end_date (activity, "2027-03-10");
  ccp_activity_set_place (activity, "Bologna");
  ccp_activity_set_objectives (activity, objectives);
  ccp_activity_set_areas (activity, areas);
  ccp_activity_set_sdgs (activity, sdgs);

  return activity;
}

/* A minimal plan that has no issue at all, not even an information. */
CcpPlan *
ccp_test_valid_plan (void)
{
  CcpPlan *plan = ccp_plan_new ();
  g_autoptr(CcpActivity) activity = ccp_test_valid_activity ("a1");

  ccp_plan_set_id (plan, "0b9c6f1e-5a55-4c5b-9a51-6f0a1d2c3e4f");
  ccp_plan_set_revision (plan, 3);
  ccp_plan_set_modified (plan, "2026-11-20T09:30:00Z");
  ccp_plan_set_status (plan, CCP_PLAN_STATUS_DRAFT);
  ccp_plan_set_city (plan, "Bologna");
  ccp_plan_set_country (plan, "IT");
  ccp_plan_set_field (plan, "music");
  ccp_plan_set_period (plan, "2027-H1");
  ccp_plan_set_mission_statement (plan, CCP_MISSION_STATEMENT_CURRENT);
  ccp_plan_set_focal_point_name (plan, "Ana Example");
  ccp_plan_set_focal_point_email (plan, "ana@example.org");
  ccp_plan_set_representative_none (plan, TRUE);
  ccp_item_list_append (ccp_plan_get_activities (plan), activity);

  return plan;
}

CcpFieldPlan *
ccp_test_valid_field_plan (void)
{
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  g_autoptr(CcpActivity) activity = ccp_test_valid_activity ("bologna-a1");
  g_autoptr(CcpAttribution) attribution =
    ccp_attribution_new ("Bologna", "IT", "0b9c6f1e-5a55-4c5b-9a51-6f0a1d2c3e4f", "a1");
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);

  ccp_field_plan_set_id (field_plan, "music-2027-H1");
  ccp_field_plan_set_revision (field_plan, 1);
  ccp_field_plan_set_modified (field_plan, "2026-12-01T10:00:00Z");
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_set_mission_statement (field_plan, CCP_MISSION_STATEMENT_CURRENT);
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T10:00:00Z");
  ccp_contact_set_name (coordinator, "Coordinator Name");
  ccp_contact_set_city (coordinator, "Seville");
  ccp_contact_set_country (coordinator, "ES");
  ccp_contact_set_email (coordinator, "coordinator@example.org");
  ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
  ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);

  return field_plan;
}

/* Borrowed: the plan's store holds a reference. */
CcpActivity *
ccp_test_activity_at (CcpItemList *store,
             guint       index)
{
  g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (store), index);

  g_assert_nonnull (activity);
  return activity;
}

CcpActivity *
ccp_test_first_activity (CcpPlan *plan)
{
  return ccp_test_activity_at (ccp_plan_get_activities (plan), 0);
}

CcpIssue *
ccp_test_find_issue (GPtrArray  *issues,
            const char *rule,
            const char *path)
{
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (ccp_issue_get_rule (issue), rule) == 0
          && (path == NULL || g_strcmp0 (ccp_issue_get_path (issue), path) == 0))
        return issue;
    }

  return NULL;
}

void
ccp_test_print_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("  %s %s [%s] %s", ccp_severity_to_code (ccp_issue_get_severity (issue)),
                      ccp_issue_get_rule (issue), ccp_issue_get_path (issue),
                      ccp_issue_get_message (issue));
    }
}

void
ccp_test_assert_no_issues (GPtrArray *issues)
{
  if (issues->len > 0)
    ccp_test_print_issues (issues);
  g_assert_cmpuint (issues->len, ==, 0);
}

void
ccp_test_assert_issue (GPtrArray   *issues,
              const char  *rule,
              CcpSeverity  severity,
              const char  *path,
              const char  *needle)
{
  CcpIssue *issue = ccp_test_find_issue (issues, rule, path);

  if (issue == NULL)
    {
      g_test_message ("expected %s at %s, got:", rule, path);
      ccp_test_print_issues (issues);
    }
  g_assert_nonnull (issue);
  g_assert_cmpint (ccp_issue_get_severity (issue), ==, severity);
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, path);
  g_assert_cmpuint (strlen (ccp_issue_get_message (issue)), >, 0);
  if (needle != NULL)
    g_assert_nonnull (strstr (ccp_issue_get_message (issue), needle));
}

void
ccp_test_assert_rule_absent (GPtrArray  *issues,
                    const char *rule)
{
  CcpIssue *issue = ccp_test_find_issue (issues, rule, NULL);

  if (issue != NULL)
    ccp_test_print_issues (issues);
  g_assert_null (issue);
}
