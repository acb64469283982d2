/* ccp-screenshots: renders the main screens to PNG for the metainfo and for review.
 * Usage: ccp-screenshots OUTDIR light|dark|rtl [WIDTH HEIGHT]
 * Run under Xvfb with GSK_RENDERER=cairo (tests/gui/screenshots.sh does). */
#define G_LOG_DOMAIN "ccp-screenshots"

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "ccp-activity-editor.h"
#include "ccp-application.h"
#include "ccp-plan-editor.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcpApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autofree char *state = NULL;
  const char *dir, *variant;
  CcpWindow *window;
  CcpPlanEditor *editor;
  int width = 1100, height = 720;

  state = ccp_gui_shots_init (argc, argv, " [WIDTH HEIGHT]", &dir, &variant);
  if (argc >= 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }
  app = ccp_gui_shots_application_new ();

  window = ccp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (800);
  ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "start", variant);

  document = ccp_gui_shots_open_example (window, "bologna-music-2027-h1.xml", &file);
  editor = ccp_window_get_editor (window);
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "editor", variant);

  ccp_plan_editor_show_section (editor, "contacts");
  ccp_plan_set_focal_point_email (CCP_PLAN (document), "chiara.benedetti@");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "validation", variant);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);

  ccp_plan_editor_select_activity (editor, 0);
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "activity", variant);

  ccp_activity_editor_focus_path (ccp_plan_editor_get_activity_editor (editor), "sdgs");
  gtk_widget_grab_focus (ccp_activity_editor_get_code_toggle (
                           ccp_plan_editor_get_activity_editor (editor), "sdgs", "17"));
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "activity-sdgs", variant);

  /* Nothing to keep: close without the unsaved-changes question. */
  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (state);
  return 0;
}
