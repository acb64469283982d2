/* The start page and the ways in: files dropped on the window open, the recent files listed on
 * the start page (a private GtkRecentManager store under XDG_DATA_HOME) open when activated,
 * and "New plan from previous period" makes the next half-year's draft. */
#define G_LOG_DOMAIN "test-gui-start"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-application.h"
#include "ccp-plan-editor.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

static CcpApplication *the_app;

static GFile *
example_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "bologna-music-2027-h1.xml", NULL);

  return g_file_new_for_path (path);
}

static void
destroy_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (the_app))) != NULL)
    gtk_window_destroy (windows->data);
}

/* gtk_recent_manager_has_item () is critical on an empty store. */
static gboolean
is_recent (GtkRecentManager *manager,
           const char       *uri)
{
  GList *items = gtk_recent_manager_get_items (manager);
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found = found || g_str_equal (gtk_recent_info_get_uri (l->data), uri);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}

static void
test_drop_and_recent (void)
{
  g_autoptr(GFile) file = example_file ();
  g_autofree char *uri = g_file_get_uri (file);
  /* gdk_file_list_new_from_array () is GTK 4.10: the boxed type copies a GSList of GFile. */
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  GdkFileList *list = g_boxed_copy (GDK_TYPE_FILE_LIST, files);
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (the_app));
  CcpWindow *start;
  GtkListBox *recent;
  GtkListBoxRow *row;
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ccp_window_is_empty (window));
  g_assert_false (is_recent (manager, uri));

  /* Dropping a file on the start page opens it there, and records it as recent. */
  g_assert_true (ccp_window_drop_files (window, list));
  WAIT_FOR (ccp_window_get_plan (window) != NULL, 10000);
  g_assert_true (g_file_equal (ccp_window_get_file (window), file));
  WAIT_FOR (is_recent (manager, uri), 5000);

  /* A new window's start page lists it; activating the row brings its window forward. */
  start = ccp_window_new (GTK_APPLICATION (the_app));
  gtk_window_present (GTK_WINDOW (start));
  recent = ccp_window_get_recent_list (start);
  WAIT_FOR ((row = gtk_list_box_get_row_at_index (recent, 0)) != NULL, 5000);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (
    gtk_widget_get_parent (GTK_WIDGET (recent))))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "bologna-music-2027-h1.xml");

  /* While it is open elsewhere, neither the row nor a drop opens a second copy. */
  g_signal_emit_by_name (recent, "row-activated", row);
  g_assert_true (ccp_window_drop_files (start, list));
  spin (100);
  g_assert_true (ccp_window_is_empty (start));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (the_app))), ==, 2);

  /* Once closed, activating the row opens it on this start page. */
  gtk_window_destroy (GTK_WINDOW (window));
  /* The list is refilled whenever the recent files change: take the row afresh. */
  row = gtk_list_box_get_row_at_index (recent, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (recent, "row-activated", row);
  WAIT_FOR (ccp_window_get_plan (start) != NULL, 10000);
  g_assert_true (g_file_equal (ccp_window_get_file (start), file));

  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  destroy_windows ();
}

static void
test_new_from_previous (void)
{
  g_autoptr(GFile) file = example_file ();
  g_autoptr(CcpPlan) previous = CCP_PLAN (ccp_reader_read_file (file, NULL, NULL, NULL, NULL,
                                                                NULL));
  GListModel *old_activities = G_LIST_MODEL (ccp_plan_get_activities (previous));
  guint carried = 0;
  GtkWindow *window = NULL;
  CcpPlan *plan;
  CcpPlanEditor *editor;

  for (guint i = 0; i < g_list_model_get_n_items (old_activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (old_activities, i);
      const char *state = ccp_activity_get_state (activity);

      if (g_str_equal (state, "ongoing") || g_str_equal (state, "carried-over"))
        carried++;
    }
  g_assert_cmpuint (carried, >, 0);

  /* The menu action exists and has a shortcut; the chooser's answer runs this: */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (the_app), "new-from-previous"));
  ccp_application_new_from_previous (the_app, file);
  WAIT_FOR ((window = gtk_application_get_active_window (GTK_APPLICATION (the_app))) != NULL &&
            CCP_IS_WINDOW (window) && ccp_window_get_plan (CCP_WINDOW (window)) != NULL, 10000);
  plan = ccp_window_get_plan (CCP_WINDOW (window));
  editor = ccp_window_get_editor (CCP_WINDOW (window));

  g_assert_cmpstr (ccp_plan_get_period (plan), ==, "2027-H2");
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, ccp_plan_get_city (previous));
  g_assert_cmpstr (ccp_plan_get_focal_point_email (plan), ==,
                   ccp_plan_get_focal_point_email (previous));
  g_assert_cmpstr (ccp_plan_get_id (plan), !=, ccp_plan_get_id (previous));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))), ==,
                    carried);
  g_assert_null (ccp_window_get_file (CCP_WINDOW (window)));
  g_assert_true (ccp_window_get_modified (CCP_WINDOW (window)));

  /* Each copied activity's dates are flagged for review until edited. */
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);
    guint flagged = 0;

    for (guint i = 0; i < issues->len; i++)
      if (g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)), "dates-to-review"))
        flagged++;
    g_assert_cmpuint (flagged, ==, carried);
  }
  {
    g_autoptr(CcpActivity) first = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
    g_autoptr(GPtrArray) issues = NULL;

    ccp_activity_set_start_date (first, "2027-07-01");
    issues = ccp_plan_editor_get_issues (editor);
    for (guint i = 0; i < issues->len; i++)
      if (g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)), "dates-to-review"))
        g_assert_false (g_str_has_prefix (ccp_issue_get_path (g_ptr_array_index (issues, i)),
                                          "activities/0/"));
  }
  g_assert_nonnull (ccp_window_get_last_toast (CCP_WINDOW (window)));

  destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("ccp-gui-state-XXXXXX", NULL);
  g_autofree char *data = g_dir_make_tmp ("ccp-gui-data-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* A private recent-files store. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_set_application_name ("Creative Cities Plans");

  the_app = ccp_application_new ();
  g_application_set_flags (G_APPLICATION (the_app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/start/drop-and-recent", test_drop_and_recent);
  g_test_add_func ("/gui/start/new-from-previous", test_new_from_previous);

  status = g_test_run ();
  ccp_test_remove_tree (state);
  ccp_test_remove_tree (data);
  g_clear_object (&the_app);
  return status;
}
