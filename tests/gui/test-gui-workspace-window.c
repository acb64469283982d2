/* The workspace in a document window of the application, as a coordinator uses it: the
 * window's title follows the field plan, closing with unsaved changes asks first, "Open City
 * Plan" opens the city's plan in an editor window, and a field plan changed by another program
 * while open is asked about as a city plan is. */
#define G_LOG_DOMAIN "test-gui-workspace-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-activity-table.h"
#include "ccp-application.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-test-util.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

/* One application per process: a second one could not export itself on the bus. */
static CcpApplication *the_app;

static CcpApplication *
get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (the_app != NULL)
    return the_app;

  the_app = ccp_application_new ();
  g_application_set_flags (G_APPLICATION (the_app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);
  return the_app;
}

static void
window_created_cb (CcpNewFieldPlanDialog *dialog,
                   CcpWindow             *window)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  /* As CcpApplication does after its "New Field Plan" dialog. */
  ccp_window_set_document (window, G_OBJECT (field_plan), NULL, FALSE);
}

/* A document window of the application with a new music 2027-H1 field plan. */
static CcpWindow *
new_field_plan_window (CcpWorkspace **workspace)
{
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (get_app ()));
  CcpNewFieldPlanDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = ccp_new_field_plan_dialog_new (GTK_WINDOW (window));
  g_signal_connect (dialog, "done", G_CALLBACK (window_created_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  ccp_new_field_plan_dialog_set_period (dialog, "2027-H1");
  ccp_new_field_plan_dialog_respond (dialog);
  g_assert_true (CCP_IS_FIELD_PLAN (ccp_window_get_document (window)));
  *workspace = CCP_WORKSPACE (ccp_gui_find_of_type (GTK_WIDGET (window), CCP_TYPE_WORKSPACE));
  g_assert_nonnull (*workspace);
  return window;
}

/* window may be gone: only its address is compared. */
static gboolean
is_app_window (gconstpointer window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (get_app ())),
                      window) != NULL;
}

static void
test_window_title (void)
{
  CcpWorkspace *workspace;
  CcpWindow *window = new_field_plan_window (&workspace);
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-title-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "music-saved.xml", NULL);
  g_autofree char *extra_path = g_build_filename (dir, "extra-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) extra = g_file_new_for_path (extra_path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270102);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1", 3);
  g_autoptr(GListStore) more = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* A new field plan is unsaved work. */
  g_assert_true (ccp_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• New Field Plan");
  ccp_gui_add_and_wait (workspace, files);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• New Field Plan");

  /* Saved in the workspace: the window shows the file's name, without the unsaved mark. */
  g_assert_true (ccp_workspace_save_to_file (workspace, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "music-saved.xml");
  g_assert_false (ccp_window_get_modified (window));
  g_assert_true (g_file_equal (ccp_window_get_file (window), file));

  /* A change merged in marks it again; the workspace's own Save action clears the mark. */
  g_assert_true (ccp_writer_save (G_OBJECT (plan), extra, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_list_store_append (more, extra);
  ccp_gui_add_and_wait (workspace, G_LIST_MODEL (more));
  g_assert_true (ccp_workspace_get_modified (workspace));
  g_assert_true (ccp_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• music-saved.xml");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.save", NULL));
  g_assert_false (ccp_workspace_get_modified (workspace));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "music-saved.xml");
  bytes = ccp_writer_write_field_plan (ccp_workspace_get_field_plan (workspace));
  {
    g_autoptr(GBytes) on_disk = ccp_gui_read_bytes (path);

    g_assert_true (g_bytes_equal (bytes, on_disk));
  }
  /* Our own save is not taken for another program's change of the file. */
  spin (1500);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_unlink (path);
  g_unlink (extra_path);
  ccp_test_remove_tree (dir);
}

static void
test_close_unsaved (void)
{
  CcpWorkspace *workspace;
  CcpWindow *window = new_field_plan_window (&workspace);
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-close-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "music-closed.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) saved = NULL;
  AdwMessageDialog *dialog;

  ccp_gui_add_and_wait (workspace, files);
  expected = ccp_writer_write_field_plan (ccp_workspace_get_field_plan (workspace));

  /* Cancel keeps the window and its changes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  spin (100);
  g_assert_true (is_app_window (window));
  g_assert_true (ccp_window_get_modified (window));

  /* Save: never saved, so the Save As chooser; the window closes once the file is written. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  spin (100);
  g_assert_true (is_app_window (window));
  g_assert_true (ccp_window_save_as_file (window, file));
  WAIT_FOR (!is_app_window (window), 5000);
  saved = ccp_gui_read_bytes (path);
  g_assert_true (g_bytes_equal (saved, expected));

  /* Discard closes without writing anything. */
  window = new_field_plan_window (&workspace);
  ccp_gui_add_and_wait (workspace, files);
  g_unlink (path);
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  WAIT_FOR (!is_app_window (window), 5000);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saved: closes without asking. */
  window = new_field_plan_window (&workspace);
  ccp_gui_add_and_wait (workspace, files);
  g_assert_true (ccp_workspace_save_to_file (workspace, file, NULL));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (is_app_window (window));

  spin (50);
  g_unlink (path);
  ccp_test_remove_tree (dir);
}

/* An application window other than except that shows a city plan, or NULL. */
static CcpWindow *
find_plan_window (CcpWindow *except)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (get_app ())); l != NULL;
       l = l->next)
    if (CCP_IS_WINDOW (l->data) && l->data != (gpointer) except &&
        ccp_window_get_plan (l->data) != NULL)
      return l->data;
  return NULL;
}

static void
test_open_city_plan (void)
{
  CcpWorkspace *workspace;
  CcpWindow *window = new_field_plan_window (&workspace);
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  CcpActivityTable *table = ccp_workspace_get_activity_table (workspace);
  g_autoptr(CcpAttribution) attribution = NULL;
  CcpWindow *opened = NULL;
  CcpActivity *activity;
  GtkWindow *view;
  GtkWidget *button;
  gboolean known = FALSE;

  ccp_gui_add_and_wait (workspace, files);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), >, 0);
  activity = ccp_activity_table_get_visible (table, 0);
  attribution = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_attributions (activity)),
                                       0);
  view = ccp_activity_table_show_activity (table, activity);
  /* The first city's row has the button: its plan is at hand. */
  button = ccp_gui_find_button (GTK_WIDGET (view), "_Open City Plan");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  /* A new window with the plan editor on that city's plan file. */
  WAIT_FOR ((opened = find_plan_window (window)) != NULL, 10000);
  g_assert_cmpstr (ccp_plan_get_city (ccp_window_get_plan (opened)), ==,
                   ccp_attribution_get_city (attribution));
  g_assert_nonnull (ccp_window_get_editor (opened));
  g_assert_true (ccp_plan_editor_get_plan (ccp_window_get_editor (opened)) ==
                 ccp_window_get_plan (opened));
  for (guint i = 0; i < G_N_ELEMENTS (ccp_gui_example_names); i++)
    {
      g_autofree char *basename = g_file_get_basename (ccp_window_get_file (opened));

      known = known || g_str_equal (basename, ccp_gui_example_names[i]);
    }
  g_assert_true (known);

  gtk_window_destroy (view);
  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* A field plan changed by another program while open: the window asks as it does for a city
 * plan (the window and the workspace share one document), and a plain save from the workspace
 * refuses to replace the other program's version. */
static void
test_external_change (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                               "music-2027-h1-field-plan.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-external-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "music.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = ccp_gui_read_bytes (example);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (get_app ()));
  CcpWorkspace *workspace;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL),
                                      (gssize) g_bytes_get_size (original), NULL));
  gtk_window_present (GTK_WINDOW (window));
  ccp_window_load_file (window, file);
  WAIT_FOR (CCP_IS_FIELD_PLAN (ccp_window_get_document (window)), 10000);
  workspace = CCP_WORKSPACE (ccp_gui_find_of_type (GTK_WIDGET (window), CCP_TYPE_WORKSPACE));
  g_assert_true (g_file_equal (ccp_workspace_get_file (workspace), file));

  /* Like an editor: a new file renamed over the old one. */
  theirs = g_strdup_printf ("%.*s<!-- theirs -->\n", (int) g_bytes_get_size (original),
                            (const char *) g_bytes_get_data (original, NULL));
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 5000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (ccp_workspace_save_to_file (workspace, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, theirs);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  ccp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1800000000", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/workspace/window-title", test_window_title);
  g_test_add_func ("/workspace/close-unsaved", test_close_unsaved);
  g_test_add_func ("/workspace/open-city-plan", test_open_city_plan);
  g_test_add_func ("/workspace/external-change", test_external_change);

  return g_test_run ();
}
