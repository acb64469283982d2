/* ccp-recovery-helper: opens a copy of a plan in a window, edits the city through its entry,
 * and waits to be killed. test-gui-recovery SIGKILLs it once the recovery copy exists.
 * Usage: ccp-recovery-helper PLAN.xml NEW-CITY */
#define G_LOG_DOMAIN "ccp-recovery-helper"

#include "config.h"

#include <adwaita.h>

#include "ccp-plan-editor.h"
#include "ccp-window.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  CcpWindow *window;

  if (argc != 3)
    {
      g_printerr ("Usage: %s PLAN.xml NEW-CITY\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  if (!CCP_IS_PLAN (document))
    {
      g_printerr ("%s\n", error ? error->message : "not a city plan");
      return 1;
    }

  window = ccp_window_new (NULL);
  ccp_window_set_recovery_delay (window, 300);
  ccp_window_set_document (window, document, file, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  gtk_editable_set_text (GTK_EDITABLE (ccp_plan_editor_get_input (ccp_window_get_editor (window),
                                                                  "city")),
                         argv[2]);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return 0;
}
