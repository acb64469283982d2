/* ccp-screenshots: renders the main screens to PNG for the metainfo and for review.
 * Usage: ccp-screenshots OUTDIR light|dark|rtl [WIDTH HEIGHT]
 * Run under Xvfb with GSK_RENDERER=cairo (tests/gui/screenshots.sh does). */
#define G_LOG_DOMAIN "ccp-screenshots"

#include "config.h"

#include <libintl.h>

#include <adwaita.h>

#include "ccp-activity-editor.h"
#include "ccp-application.h"
#include "ccp-plan-editor.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"

static void
save_window (GtkWidget  *window,
             const char *dir,
             const char *variant,
             const char *name)
{
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, variant);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);

  ccp_gui_save_png (window, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autofree char *example = NULL;
  g_autofree char *state = g_dir_make_tmp ("ccp-shots-XXXXXX", NULL);
  const char *dir, *variant;
  CcpWindow *window;
  CcpPlanEditor *editor;
  int width = 1100, height = 720;

  if (argc < 3)
    {
      g_printerr ("Usage: %s OUTDIR light|dark|rtl [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  variant = argv[2];
  if (argc >= 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }

  /* No recovery offer from the user's own state. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* As main.c does: the catalogues of the build tree when CCP_LOCALEDIR says so. */
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  if (g_str_equal (variant, "rtl"))
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  app = ccp_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_str_equal (variant, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                    : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = ccp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (800);
  save_window (GTK_WIDGET (window), dir, variant, "start");

  example = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR") ? g_getenv ("CCP_EXAMPLES_DIR")
                                                            : "data/examples",
                              "bologna-music-2027-h1.xml", NULL);
  file = g_file_new_for_path (example);
  document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  ccp_window_set_document (window, document, file, FALSE);
  editor = ccp_window_get_editor (window);
  spin (600);
  save_window (GTK_WIDGET (window), dir, variant, "editor");

  ccp_plan_editor_show_section (editor, "contacts");
  ccp_plan_set_focal_point_email (CCP_PLAN (document), "chiara.benedetti@");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  spin (600);
  save_window (GTK_WIDGET (window), dir, variant, "validation");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);

  ccp_plan_editor_select_activity (editor, 0);
  spin (600);
  save_window (GTK_WIDGET (window), dir, variant, "activity");

  ccp_activity_editor_focus_path (ccp_plan_editor_get_activity_editor (editor), "sdgs");
  gtk_widget_grab_focus (ccp_activity_editor_get_code_toggle (
                           ccp_plan_editor_get_activity_editor (editor), "sdgs", "17"));
  spin (600);
  save_window (GTK_WIDGET (window), dir, variant, "activity-sdgs");

  /* Nothing to keep: close without the unsaved-changes question. */
  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (state);
  return 0;
}
