/* A plan of 1,000 activities: the editor opens it without validating anything twice, and once
 * open, editing one activity re-validates that activity alone; add, delete and move re-index
 * the others instead of re-validating them (issue paths carry positions). */
#define G_LOG_DOMAIN "test-gui-large"

#include "config.h"

#include <adwaita.h>

#include "ccp-plan-editor.h"
#include "ccp-window.h"
#include "ccp-test-util.h"
#include "ccp-gui-test-util.h"

#define N_ACTIVITIES 1000

static CcpActivity *
activity_at (CcpPlan *plan,
             guint    index)
{
  CcpActivity *activity = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)),
                                                 index);

  g_object_unref (activity);  /* the plan keeps it */
  return activity;
}

static gboolean
has_issue (CcpPlanEditor *editor,
           const char    *rule,
           const char    *path)
{
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (ccp_issue_get_rule (issue), rule) &&
          g_str_equal (ccp_issue_get_path (issue), path))
        return TRUE;
    }
  return FALSE;
}

static void
test_large_plan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20271);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1",
                                                  N_ACTIVITIES);
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  GtkListView *view = ccp_plan_editor_get_activities_view (editor);
  guint checks, errors;
  gint64 start;
  CcpActivity *target;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))), ==,
                    N_ACTIVITIES);

  /* Construction and first validation: each activity is validated exactly once. */
  start = g_get_monotonic_time ();
  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10000);
  g_test_message ("editor with %u activities shown in %" G_GINT64_FORMAT " ms", N_ACTIVITIES,
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), ==, N_ACTIVITIES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==,
                    N_ACTIVITIES);
  /* The search entry is there for a long list. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ccp_plan_editor_get_search_entry (editor))));
  errors = ccp_plan_editor_get_n_errors (editor);
  g_assert_cmpuint (errors, ==, 0);

  /* Editing one activity validates that one. */
  checks = ccp_plan_editor_get_n_activity_checks (editor);
  target = activity_at (plan, 500);
  ccp_plan_editor_select_activity (editor, 500);
  ccp_activity_set_end_date (target, "2026-01-01");
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), ==, checks + 1);
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), >, 0);
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

    g_assert_cmpuint (issues->len, >, 0);
    g_assert_true (g_str_has_prefix (ccp_issue_get_path (g_ptr_array_index (issues, 0)),
                                     "activities/500/"));
    g_assert_true (has_issue (editor, ccp_issue_get_rule (g_ptr_array_index (issues, 0)),
                              ccp_issue_get_path (g_ptr_array_index (issues, 0))));
  }

  /* Adding one validates the new one only. */
  checks = ccp_plan_editor_get_n_activity_checks (editor);
  ccp_plan_editor_add_activity (editor);
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), ==, checks + 1);

  /* Deleting the first validates nothing: the others move up, and their issues with them. */
  {
    g_autoptr(GPtrArray) before = ccp_plan_editor_get_issues (editor);
    g_autofree char *old_prefix = g_strdup ("activities/500/");
    gboolean had_old = FALSE;

    for (guint i = 0; i < before->len; i++)
      had_old = had_old || g_str_has_prefix (ccp_issue_get_path (g_ptr_array_index (before, i)),
                                             old_prefix);
    g_assert_true (had_old);
  }
  ccp_plan_editor_select_activity (editor, 0);
  checks = ccp_plan_editor_get_n_activity_checks (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-activity", NULL));
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), ==, checks);
  {
    g_autoptr(GPtrArray) after = ccp_plan_editor_get_issues (editor);
    gboolean at_499 = FALSE, at_500 = FALSE;

    for (guint i = 0; i < after->len; i++)
      {
        const char *path = ccp_issue_get_path (g_ptr_array_index (after, i));

        at_499 = at_499 || g_str_has_prefix (path, "activities/499/");
        at_500 = at_500 || g_str_has_prefix (path, "activities/500/");
      }
    g_assert_true (at_499);
    g_assert_false (at_500);
  }

  /* Undo (re-insert) validates the one put back; a move validates the moved one alone. */
  checks = ccp_plan_editor_get_n_activity_checks (editor);
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), ==, checks + 1);
  ccp_plan_editor_select_activity (editor, 500);
  g_assert_true (ccp_plan_editor_get_selected_activity (editor) == target);
  checks = ccp_plan_editor_get_n_activity_checks (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-up", NULL));
  g_assert_cmpuint (ccp_plan_editor_get_n_activity_checks (editor), <=, checks + 1);
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);
    gboolean at_499 = FALSE;

    for (guint i = 0; i < issues->len; i++)
      at_499 = at_499 ||
               g_str_has_prefix (ccp_issue_get_path (g_ptr_array_index (issues, i)),
                                 "activities/499/");
    g_assert_true (at_499);
  }

  /* Undo the move and the add; fixing the date then clears every error: the counts follow
   * the incremental updates. */
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))), ==,
                    N_ACTIVITIES);
  g_assert_true (activity_at (plan, 500) == target);
  ccp_activity_set_end_date (target, ccp_activity_get_start_date (target));
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/large/one-thousand-activities", test_large_plan);

  return ccp_gui_test_run (state);
}
