#define G_LOG_DOMAIN "creative-cities-plans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ccp-application.h"
#include "ccp-core.h"

/*
 * First-frame hook for the performance benchmark (tests/bench): with CCP_EXIT_AFTER_FIRST_FRAME=1
 * the first window prints "first-frame-us N" on stdout, N being the microseconds from the start
 * of main() (g_get_monotonic_time) to the end of its first paint (the frame clock's first
 * "after-paint"), then the application quits. Files on the command line are opened as usual,
 * so the frame measured is the one showing them (or the loading page, since loading is off the
 * main thread).
 */
static gint64 start_time;

static void
first_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start_time);
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, app);
  g_application_quit (app);
}

static void
first_window_realize_cb (GtkWidget    *window,
                         GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, first_window_realize_cb, app);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (first_window_realize_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcpApplication) app = NULL;

  start_time = g_get_monotonic_time ();

  /* Before the first _(): GTK would call setlocale() only in g_application_run(), so the
   * application name below would stay in English. */
  setlocale (LC_ALL, "");
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Creative Cities Plans"));

  app = ccp_application_new ();
  if (g_strcmp0 (g_getenv ("CCP_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
