#define G_LOG_DOMAIN "test-issue"

#include "config.h"

#include "ccp-core.h"
#include "ccp-test-util.h"

static void
test_new (void)
{
  g_autoptr(CcpIssue) issue = ccp_issue_new (CCP_SEVERITY_WARNING, "activity-no-sdg",
                                             "activities/0/sdgs", "No SDG");
  g_autoptr(CcpIssue) printed = NULL;
  g_autoptr(CcpIssue) empty = ccp_issue_new (CCP_SEVERITY_INFO, NULL, NULL, NULL);
  guint notified = 0;

  g_assert_cmpint (ccp_issue_get_severity (issue), ==, CCP_SEVERITY_WARNING);
  g_assert_cmpstr (ccp_issue_get_rule (issue), ==, "activity-no-sdg");
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, "activities/0/sdgs");
  g_assert_cmpstr (ccp_issue_get_message (issue), ==, "No SDG");
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 0);
  g_assert_cmpuint (ccp_issue_get_column (issue), ==, 0);

  g_assert_cmpstr (ccp_issue_get_rule (empty), ==, "");
  g_assert_cmpstr (ccp_issue_get_path (empty), ==, "");
  g_assert_cmpstr (ccp_issue_get_message (empty), ==, "");

  printed = ccp_issue_new_printf (CCP_SEVERITY_ERROR, "activity-end-before-start",
                                  "activities/2/end-date", "End %s is before start %s (%d)",
                                  "2027-01-01", "2027-02-01", 3);
  g_assert_cmpstr (ccp_issue_get_message (printed), ==,
                   "End 2027-01-01 is before start 2027-02-01 (3)");
  g_assert_cmpint (ccp_issue_get_severity (printed), ==, CCP_SEVERITY_ERROR);

  g_signal_connect (issue, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_issue_set_location (issue, 12, 4);
  g_assert_cmpuint (notified, ==, 2);
  ccp_issue_set_location (issue, 12, 4);
  g_assert_cmpuint (notified, ==, 2);
  ccp_issue_set_location (issue, 12, 5);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 12);
  g_assert_cmpuint (ccp_issue_get_column (issue), ==, 5);
}

static void
test_severity_codes (void)
{
  GEnumClass *klass = g_type_class_ref (CCP_TYPE_SEVERITY);

  g_assert_cmpstr (ccp_severity_to_code (CCP_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (ccp_severity_to_code (CCP_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (ccp_severity_to_code (CCP_SEVERITY_ERROR), ==, "error");
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "warning")->value, ==, CCP_SEVERITY_WARNING);
  g_assert_true (CCP_SEVERITY_INFO < CCP_SEVERITY_WARNING &&
                 CCP_SEVERITY_WARNING < CCP_SEVERITY_ERROR);
  g_type_class_unref (klass);
}

static void
add_issue (GPtrArray   *issues,
           CcpSeverity  severity,
           const char  *path,
           guint        line,
           guint        column,
           const char  *message)
{
  CcpIssue *issue = ccp_issue_new (severity, "rule", path, message);

  ccp_issue_set_location (issue, line, column);
  g_ptr_array_add (issues, issue);
}

static void
test_count (void)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 0);

  add_issue (issues, CCP_SEVERITY_ERROR, "", 1, 1, "e1");
  add_issue (issues, CCP_SEVERITY_WARNING, "", 2, 1, "w1");
  add_issue (issues, CCP_SEVERITY_ERROR, "", 3, 1, "e2");
  add_issue (issues, CCP_SEVERITY_INFO, "", 4, 1, "i1");
  add_issue (issues, CCP_SEVERITY_ERROR, "", 5, 1, "e3");

  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, 3);
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_INFO), ==, 1);
}

static void
test_sort (void)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  const char *expected[] = {
    "no-line-a", "no-line-b", "activities-2", "activities-10", "no-line-first-of-two",
    "no-line-second-of-two", "line1-col1", "line1-col9", "line2-col1-a", "line2-col1-b", "line10",
  };

  add_issue (issues, CCP_SEVERITY_ERROR, "", 10, 1, "line10");
  add_issue (issues, CCP_SEVERITY_ERROR, "b", 2, 1, "line2-col1-b");
  add_issue (issues, CCP_SEVERITY_ERROR, "a", 2, 1, "line2-col1-a");
  add_issue (issues, CCP_SEVERITY_ERROR, "", 1, 9, "line1-col9");
  add_issue (issues, CCP_SEVERITY_ERROR, "", 1, 1, "line1-col1");
  add_issue (issues, CCP_SEVERITY_ERROR, "activities/10/title", 0, 0, "activities-10");
  add_issue (issues, CCP_SEVERITY_ERROR, "activities/2/title", 0, 0, "activities-2");
  add_issue (issues, CCP_SEVERITY_ERROR, "", 0, 0, "no-line-a");
  add_issue (issues, CCP_SEVERITY_WARNING, "", 0, 0, "no-line-b");
  /* Same line, column and path: the order found is kept (stable). */
  add_issue (issues, CCP_SEVERITY_INFO, "city", 0, 0, "no-line-first-of-two");
  add_issue (issues, CCP_SEVERITY_ERROR, "city", 0, 0, "no-line-second-of-two");

  ccp_issues_sort (issues);

  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, i)), ==, expected[i]);

  /* Sorting again changes nothing. */
  ccp_issues_sort (issues);
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, i)), ==, expected[i]);

  /* Stability on a larger input: issues with equal keys keep their relative order. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *message = g_strdup_printf ("%03u", i);

        add_issue (many, CCP_SEVERITY_ERROR, "", (i * 7) % 5, 0, message);
      }
    ccp_issues_sort (many);
    for (guint i = 1; i < many->len; i++)
      {
        CcpIssue *before = g_ptr_array_index (many, i - 1);
        CcpIssue *after = g_ptr_array_index (many, i);

        g_assert_cmpuint (ccp_issue_get_line (before), <=, ccp_issue_get_line (after));
        if (ccp_issue_get_line (before) == ccp_issue_get_line (after))
          g_assert_cmpstr (ccp_issue_get_message (before), <, ccp_issue_get_message (after));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issue/new", test_new);
  g_test_add_func ("/issue/severity-codes", test_severity_codes);
  g_test_add_func ("/issue/count", test_count);
  g_test_add_func ("/issue/sort", test_sort);

  return g_test_run ();
}
