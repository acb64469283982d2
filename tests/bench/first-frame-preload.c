/* first-frame-preload.c: measures a GTK program's first frames from outside (benchmark 4).
 *
 * Loaded with LD_PRELOAD into creative-cities-plans and bare-window alike, so that the GUI needs
 * no code for the measurement. It wraps gtk_window_present(): the first window presented gets
 * watched, and on its frame clock's "after-paint" it prints
 *
 *   preload-first-frame-us: T    g_get_monotonic_time() after the window's first frame
 *   preload-settled-frame-us: T  after the last frame before CCP_BENCH_SETTLE_MS (default 400)
 *                                without any new frame: the window has stopped changing, e.g. a
 *                                plan loaded in a thread is on screen
 *   preload-frames: N            frames painted up to then
 *   preload-frame-us: T          each frame, when CCP_BENCH_LOG_FRAMES is set
 *
 * and ends the process with _exit(0) (teardown is not measured). A spinner or any endless
 * animation never settles: after CCP_BENCH_MAX_MS (default 30000) it exits with status 3.
 */
#define G_LOG_DOMAIN "bench-first-frame"
#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static GtkWidget *watched;
static gint64 first_frame;
static gint64 last_frame;
static guint n_frames;
static guint settle_source;

static guint
env_ms (const char *name,
        guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static gboolean
settled_cb (gpointer user_data)
{
  printf ("preload-first-frame-us: %" G_GINT64_FORMAT "\n", first_frame);
  printf ("preload-settled-frame-us: %" G_GINT64_FORMAT "\n", last_frame);
  printf ("preload-frames: %u\n", n_frames);
  fflush (stdout);
  _exit (0);
}

static gboolean
give_up_cb (gpointer user_data)
{
  printf ("preload-first-frame-us: %" G_GINT64_FORMAT "\n", first_frame);
  printf ("preload-frames: %u\n", n_frames);
  printf ("preload-error: the window never stopped painting\n");
  fflush (stdout);
  _exit (3);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  last_frame = g_get_monotonic_time ();
  if (n_frames++ == 0)
    first_frame = last_frame;
  /* To see where the frames fall, when looking for what delays the settled one. */
  if (g_getenv ("CCP_BENCH_LOG_FRAMES") != NULL)
    printf ("preload-frame-us: %" G_GINT64_FORMAT "\n", last_frame);

  g_clear_handle_id (&settle_source, g_source_remove);
  settle_source = g_timeout_add (env_ms ("CCP_BENCH_SETTLE_MS", 400), settled_cb, NULL);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
watch (GtkWindow *window)
{
  if (watched != NULL || window == NULL)
    return;

  watched = GTK_WIDGET (window);
  if (gtk_widget_get_realized (watched))
    realize_cb (watched, NULL);
  else
    g_signal_connect (watched, "realize", G_CALLBACK (realize_cb), NULL);
  g_timeout_add (env_ms ("CCP_BENCH_MAX_MS", 30000), give_up_cb, NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *window);

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  watch (window);
  real_present (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real_present_with_time) (GtkWindow *window, guint32 timestamp);

  if (real_present_with_time == NULL)
    real_present_with_time = (void (*) (GtkWindow *, guint32))
      dlsym (RTLD_NEXT, "gtk_window_present_with_time");
  watch (window);
  real_present_with_time (window, timestamp);
}
