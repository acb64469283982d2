/* ccp-cycle-screenshots: renders the screens of the six-month cycle (issue 18) to PNG for review:
 * Send to Coordinator (a plan without and with errors) and the answer without an email portal.
 * Usage: ccp-cycle-screenshots OUTDIR light|dark|rtl, under Xvfb with GSK_RENDERER=cairo and
 * LANGUAGE=ar LANG=C.UTF-8 LC_ALL=C.UTF-8 for rtl (as tests/gui/screenshots.sh runs it). */
#define G_LOG_DOMAIN "ccp-cycle-screenshots"

#include "config.h"

#include <libintl.h>

#include <adwaita.h>

#include "ccp-application.h"
#include "ccp-email.h"
#include "ccp-plan-editor.h"
#include "ccp-send-dialog.h"
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
  CcpSendDialog *dialog;
  AdwMessageDialog *message;
  g_autofree char *body = NULL;

  if (argc < 3)
    {
      g_printerr ("Usage: %s OUTDIR light|dark|rtl\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  variant = argv[2];

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
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
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
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

  dialog = ccp_send_dialog_new (GTK_WINDOW (window), CCP_PLAN (document), file,
                                ccp_plan_get_revision (CCP_PLAN (document)),
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog), "music@example.org");
  gtk_window_present (GTK_WINDOW (dialog));
  spin (600);
  save_window (GTK_WIDGET (dialog), dir, variant, "send");
  gtk_window_destroy (GTK_WINDOW (dialog));

  ccp_plan_set_focal_point_email (CCP_PLAN (document), "chiara.benedetti@");
  spin (300);
  dialog = ccp_send_dialog_new (GTK_WINDOW (window), CCP_PLAN (document), file,
                                ccp_plan_get_revision (CCP_PLAN (document)),
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (600);
  save_window (GTK_WIDGET (dialog), dir, variant, "send-errors");
  gtk_window_destroy (GTK_WINDOW (dialog));

  body = ccp_send_dialog_build_summary (CCP_PLAN (document), 3, 0, 0);
  ccp_email_offer_fallback (GTK_WINDOW (window), "music@example.org", body, file);
  spin (600);
  message = find_message_dialog (GTK_WINDOW (window));
  save_window (GTK_WIDGET (message), dir, variant, "no-portal");
  gtk_window_destroy (GTK_WINDOW (message));

  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (state);
  return 0;
}
