/* The application shell: files open off the main thread into one window per document; an
 * unreadable file gives one message naming it, and the application stays usable; a field plan
 * opens read-only; actions and shortcuts exist. */
#define G_LOG_DOMAIN "test-gui-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-application.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

/* One application per process: a second one could not export itself on the bus. */
static CcpApplication *the_app;

static CcpApplication *
new_app (void)
{
  CcpApplication *app;

  if (the_app != NULL)
    return g_object_ref (the_app);

  app = ccp_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  the_app = g_object_ref (app);

  return app;
}

static void
destroy_windows (CcpApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

static guint
count_windows (CcpApplication *app)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_open (void)
{
  g_autoptr(CcpApplication) app = new_app ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-app-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken-plan.xml", NULL);
  g_autofree char *good_path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                 "bologna-music-2027-h1.xml", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window, *again, *second;

  g_assert_true (g_file_set_contents (bad_path, "<city-plan xmlns=\"urn:creativecities:plans:1\"",
                                      -1, &error));

  /* The broken file: loading shows, then one dialog names the file; the window stays usable. */
  window = ccp_application_open_file (app, bad, NULL);
  g_assert_true (CCP_IS_WINDOW (window));
  g_assert_true (ccp_window_is_loading (CCP_WINDOW (window)));
  WAIT_FOR (!ccp_window_is_loading (CCP_WINDOW (window)), 10000);
  WAIT_FOR ((dialog = find_message_dialog (window)) != NULL, 2000);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken-plan.xml"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ccp_window_is_empty (CCP_WINDOW (window)));

  /* A good file opens in that same empty window. */
  again = ccp_application_open_file (app, good, window);
  g_assert_true (again == window);
  WAIT_FOR (ccp_window_get_plan (CCP_WINDOW (window)) != NULL, 10000);
  g_assert_cmpstr (ccp_plan_get_city (ccp_window_get_plan (CCP_WINDOW (window))), ==, "Bologna");
  g_assert_false (ccp_window_get_modified (CCP_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "bologna-music-2027-h1.xml");

  /* Opening it again brings the same window forward; a new plan gets its own window. */
  g_assert_true (ccp_application_open_file (app, good, NULL) == window);
  g_assert_cmpuint (count_windows (app), ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  g_assert_cmpuint (count_windows (app), ==, 2);
  second = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CCP_IS_WINDOW (second));

  destroy_windows (app);
  g_unlink (bad_path);
  ccp_test_remove_tree (dir);
}

static void
test_field_plan_read_only (void)
{
  g_autoptr(CcpApplication) app = new_app ();
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "music-2027-h1.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  ccp_field_plan_set_id (field_plan, "f0e1d2c3-b4a5-4968-8776-655443322110");
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_set_modified (field_plan, "2027-01-10T10:00:00Z");
  ccp_field_plan_set_consolidated (field_plan, "2027-01-10T10:00:00Z");
  g_assert_true (ccp_writer_save (G_OBJECT (field_plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);

  window = ccp_application_open_file (app, file, NULL);
  WAIT_FOR (ccp_window_get_document (CCP_WINDOW (window)) != NULL, 10000);
  g_assert_true (CCP_IS_FIELD_PLAN (ccp_window_get_document (CCP_WINDOW (window))));
  g_assert_null (ccp_window_get_plan (CCP_WINDOW (window)));
  /* Read-only: nothing to save. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  ccp_window_get_modified (CCP_WINDOW (window)));

  destroy_windows (app);
  g_unlink (path);
  ccp_test_remove_tree (dir);
}

static void
test_actions_and_accels (void)
{
  g_autoptr(CcpApplication) app = new_app ();
  const char *expected[][2] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.quit", "<Control>q" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     expected[i][0]);

      g_assert_nonnull (accels[0]);
      g_assert_cmpstr (accels[0], ==, expected[i][1]);
    }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-from-previous"));

  /* Quit asks each window: an unchanged window just closes. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  g_assert_cmpuint (count_windows (app), ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin (50);
  g_assert_cmpuint (count_windows (app), ==, 0);
}

static void
test_window_size_saved (void)
{
  g_autoptr(CcpApplication) app = new_app ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);

  window = ccp_window_new (GTK_APPLICATION (app));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 800);
    g_assert_cmpint (height, ==, 600);
  }
  destroy_windows (app);
}

/* Data files missing: one dialog says which, and no window opens (no abort at first use). */
static void
test_broken_installation (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CcpApplication) app = NULL;
      g_autoptr(GFile) plan = g_file_new_for_path ("/nonexistent/plan.xml");
      AdwMessageDialog *dialog;

      g_setenv ("CCP_DATA_DIR", "/nonexistent/ccp-data", TRUE);
      app = new_app ();
      g_application_activate (G_APPLICATION (app));
      WAIT_FOR ((dialog = find_message_dialog (NULL)) != NULL, 5000);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                                "/nonexistent/ccp-data/vocabularies.xml"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "CCP_DATA_DIR"));

      /* Opening a file does not get further. */
      g_application_open (G_APPLICATION (app), &plan, 1, "");
      spin (100);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        g_assert_false (CCP_IS_WINDOW (l->data));
      destroy_windows (app);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/app/open", test_open);
  g_test_add_func ("/gui/app/field-plan-read-only", test_field_plan_read_only);
  g_test_add_func ("/gui/app/actions-and-accels", test_actions_and_accels);
  g_test_add_func ("/gui/app/window-size", test_window_size_saved);
  g_test_add_func ("/gui/app/broken-installation", test_broken_installation);

  return ccp_gui_test_run (state);
}
