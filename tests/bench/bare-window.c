/* bare-window.c: the reference of benchmark 4, a bare libadwaita window with a header bar.
 *
 * It starts like the application does (an AdwApplication registered on the session bus, an
 * AdwApplicationWindow of the default size of ui/ccp-window.ui), and after the first frame of
 * its window has been painted it prints
 *
 *   first-frame-us: T          g_get_monotonic_time() then (CLOCK_MONOTONIC, microseconds)
 *   since-process-start-ms: D  the same moment measured from the process start (/proc, 10 ms)
 *   app-ready-ms: R            process start to the end of main()'s set-up, for reading
 *
 * and quits. run-benchmarks.py subtracts its own spawn time from T. When it runs this program
 * and the GUI with first-frame-preload.c (CCP_BENCH_PRELOAD=1), the window stays open and the
 * preloaded module measures and ends both programs alike.
 */
#define G_LOG_DOMAIN "bare-window"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds from this process's start to now, from /proc/self/stat (field 22, in clock
 * ticks since boot, measured on CLOCK_BOOTTIME); -1 when unknown. */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long start_ticks;
  struct timespec now;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0 || ticks_per_second <= 0)
    return -1;

  /* The command name may hold spaces: fields are counted after its closing parenthesis. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return -1;

  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / ticks_per_second) * 1000.0;
}

static void
after_paint_cb (GdkFrameClock  *frame_clock,
                GtkApplication *app)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, app);
  printf ("first-frame-us: %" G_GINT64_FORMAT "\n", now);
  printf ("since-process-start-ms: %.0f\n", ms_since_process_start ());
  fflush (stdout);
  if (g_getenv ("CCP_BENCH_PRELOAD") == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
window_realize_cb (GtkWidget      *window,
                   GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_label_new (NULL);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("org.creativecities.Plans.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  printf ("app-ready-ms: %.0f\n", ms_since_process_start ());

  return g_application_run (G_APPLICATION (app), argc, argv);
}
