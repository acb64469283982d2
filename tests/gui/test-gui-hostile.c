/* Hostile files in the GUI (issue 8, "nothing let in"): each file of tests/data/hostile/ and of
 * what tests/data/make-hostile.sh generates (3 GB sparse file, FIFO, symlink loop, folder,
 * 40 MB attribute, deep nesting, billion laughs, quadratic blow-up), and /dev/zero, is opened
 * the way the file chooser and the command line open files. Each one is refused at once with
 * one message naming it, the main loop never stalls while it is read, memory stays bounded, and
 * the same application then opens a good plan in the same window. */
#define G_LOG_DOMAIN "test-gui-hostile"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ccp-application.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

/* Valid plans among the hostile files: opened as plans (the remote schema is never fetched). */
static const char * const accepted_as_plans[] = { "remote-schema-location.xml", NULL };
/* Format 1.0 field plans whose report values cannot be read (100,000 nested "[", a value of
 * the wrong shape): opened as field plans without a crash (issue 14). */
static const char * const read_as_field_plans[] = {
  "field-plan-1.0-deep-json.xml", "field-plan-1.0-wrong-json.xml", NULL
};

/* Bounds: a refusal comes within REFUSAL_MS; while a hostile file is read and refused, the main
 * loop never goes MAX_STALL_MS without running (MAX_PLAN_STALL_MS while a plan's editor is
 * built); the peak resident memory of the whole run stays under MAX_HWM_KB. */
#define REFUSAL_MS         10000
#define MAX_STALL_MS       2000
#define MAX_PLAN_STALL_MS  5000
#define MAX_HWM_KB    (500 * 1024)

static const char *hostile_dir;    /* tests/data/hostile */
static const char *make_hostile;   /* tests/data/make-hostile.sh */

static CcpApplication *the_app;

/* How long the main loop went without running, at most, since the heartbeat started. */
static gint64 last_beat;
static gint64 longest_stall;

static gboolean
heartbeat_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_beat != 0 && now - last_beat > longest_stall)
    longest_stall = now - last_beat;
  last_beat = now;
  return G_SOURCE_CONTINUE;
}

static void
destroy_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (the_app))) != NULL)
    gtk_window_destroy (windows->data);
}

/* Starts a new peak resident set measurement (Linux: "5" to clear_refs resets VmHWM). When that
 * is not possible, VmHWM stays the peak of the whole run, still an upper bound. */
static void
reset_peak_resident (void)
{
  /* Not g_file_set_contents (): it would replace the file through a temporary one. */
  int fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) != 1)
        g_test_message ("cannot reset VmHWM: %s", g_strerror (errno));
      close (fd);
    }
}

/* VmHWM of this process in kB (peak resident set since the last reset), or -1. */
static gint64
peak_resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
run_quietly (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s%s", argv[0], error->message, out, err);
}

/* The committed small files, the generated large and special ones, and /dev/zero. */
static GPtrArray *
collect_hostile_files (const char *generated)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *dirs[] = { hostile_dir, generated };
  g_autoptr(GError) error = NULL;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (paths, g_build_filename (dirs[d], name, NULL));
    }
  g_ptr_array_add (paths, g_strdup ("/dev/zero"));
  return paths;
}

static gboolean
is_accepted_as_plan (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return g_strv_contains (accepted_as_plans, name) || g_strv_contains (read_as_field_plans, name);
}

/* Opens path in window as the command line and the file chooser do; returns the microseconds
 * until the refusal appeared. The message is checked and dismissed. */
static gint64
open_and_expect_refusal (GtkWindow  *window,
                         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  AdwMessageDialog *dialog = NULL;
  const char *heading, *body;
  gint64 start = g_get_monotonic_time ();
  GtkWindow *opened;

  opened = ccp_application_open_file (the_app, file, window);
  /* The file is read off the main thread: opening returns at once, showing it loads. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_true (opened == window);

  WAIT_FOR ((dialog = find_message_dialog (window)) != NULL, REFUSAL_MS);
  g_assert_false (ccp_window_is_loading (CCP_WINDOW (window)));
  g_assert_null (ccp_window_get_document (CCP_WINDOW (window)));

  heading = adw_message_dialog_get_heading (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s — %s", name, heading, body);
  g_assert_nonnull (strstr (heading, name));
  /* A reason, not just the name; and never the content of what an entity pointed at. */
  g_assert_cmpuint (strlen (body), >, 10);
  g_assert_null (strstr (body, "root:x:0:0"));
  g_assert_null (strstr (heading, "root:x:0:0"));

  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (find_message_dialog (window) == NULL, 2000);
  /* Back to the start page, ready for the next file. */
  g_assert_true (ccp_window_is_empty (CCP_WINDOW (window)));

  return g_get_monotonic_time () - start;
}

static void
test_hostile_files (void)
{
  g_autofree char *generated = g_dir_make_tmp ("ccp-gui-hostile-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *good_path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                 "bologna-music-2027-h1.xml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (the_app));
  guint heartbeat, refused = 0, accepted = 0;
  gint64 hwm, peak = 0, hostile_stall = 0, plan_stall = 0;

  g_assert_nonnull (generated);
  {
    const char *argv[] = { "/bin/sh", make_hostile, generated, NULL };

    run_quietly (argv);
  }
  paths = collect_hostile_files (generated);
  /* 11 committed, 10 generated, /dev/zero: fewer means the set was not generated. */
  g_assert_cmpuint (paths->len, >=, 20);

  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  last_beat = 0;
  longest_stall = 0;
  heartbeat = g_timeout_add (20, heartbeat_cb, NULL);
  peak = peak_resident_kb ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      reset_peak_resident ();
      longest_stall = 0;
      if (is_accepted_as_plan (path))
        {
          /* Read as a plan in a window of its own; the attribute is simply ignored. */
          g_autoptr(GFile) file = g_file_new_for_path (path);
          CcpWindow *other = ccp_window_new (GTK_APPLICATION (the_app));

          g_assert_true (ccp_application_open_file (the_app, file, GTK_WINDOW (other)) ==
                         GTK_WINDOW (other));
          WAIT_FOR (!ccp_window_is_loading (other), REFUSAL_MS);
          if (g_strv_contains (read_as_field_plans, strrchr (path, '/') + 1))
            {
              g_assert_true (CCP_IS_FIELD_PLAN (ccp_window_get_document (other)));
              gtk_window_destroy (GTK_WINDOW (other));
              accepted++;
              continue;
            }
          g_assert_null (find_message_dialog (GTK_WINDOW (other)));
          g_assert_true (CCP_IS_PLAN (ccp_window_get_document (other)));
          gtk_window_destroy (GTK_WINDOW (other));
          accepted++;
        }
      else
        {
          gint64 elapsed = open_and_expect_refusal (GTK_WINDOW (window), path);

          g_test_message ("%s refused in %" G_GINT64_FORMAT " ms", path, elapsed / 1000);
          refused++;
        }
      hwm = peak_resident_kb ();
      g_test_message ("%s: main loop stall at most %" G_GINT64_FORMAT " ms, peak resident "
                      "%" G_GINT64_FORMAT " kB", path, longest_stall / 1000, hwm);
      peak = MAX (peak, hwm);
      if (is_accepted_as_plan (path))
        plan_stall = MAX (plan_stall, longest_stall);
      else
        hostile_stall = MAX (hostile_stall, longest_stall);
    }
  g_assert_cmpuint (accepted, ==, g_strv_length ((char **) accepted_as_plans) +
                                 g_strv_length ((char **) read_as_field_plans));
  g_assert_cmpuint (refused, ==, paths->len - accepted);

  g_test_message ("longest main loop stall with hostile files: %" G_GINT64_FORMAT " ms",
                  hostile_stall / 1000);
  g_assert_cmpint (hostile_stall, <, (gint64) MAX_STALL_MS * 1000);
  reset_peak_resident ();
  longest_stall = 0;

  /* The same application, the same window: a good plan opens and the editor shows it. */
  g_assert_true (ccp_application_open_file (the_app, good, GTK_WINDOW (window)) ==
                 GTK_WINDOW (window));
  WAIT_FOR (ccp_window_get_plan (window) != NULL, REFUSAL_MS);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (ccp_plan_get_city (ccp_window_get_plan (window)), ==, "Bologna");
  g_assert_true (ccp_plan_editor_get_plan (ccp_window_get_editor (window)) ==
                 ccp_window_get_plan (window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (ccp_window_get_editor (window))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "bologna-music-2027-h1.xml");
  g_assert_false (ccp_window_get_modified (window));
  spin (100);

  g_source_remove (heartbeat);
  plan_stall = MAX (plan_stall, longest_stall);
  g_test_message ("longest main loop stall opening plans: %" G_GINT64_FORMAT " ms",
                  plan_stall / 1000);
  g_assert_cmpint (plan_stall, <, (gint64) MAX_PLAN_STALL_MS * 1000);

  peak = MAX (peak, peak_resident_kb ());
  g_test_message ("peak resident memory (VmHWM): %" G_GINT64_FORMAT " kB", peak);
  g_assert_cmpint (peak, >, 0);
  g_assert_cmpint (peak, <, MAX_HWM_KB);

  destroy_windows ();
  {
    const char *argv[] = { "rm", "-rf", generated, NULL };

    run_quietly (argv);
  }
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);
  g_autoptr(GError) error = NULL;
  int status;

  /* meson passes --hostile-dir=DIR --make-hostile=SCRIPT (g_test_init leaves them). */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--hostile-dir="))
        hostile_dir = argv[i] + strlen ("--hostile-dir=");
      else if (g_str_has_prefix (argv[i], "--make-hostile="))
        make_hostile = argv[i] + strlen ("--make-hostile=");
    }
  if (hostile_dir == NULL || make_hostile == NULL)
    {
      g_printerr ("usage: %s --hostile-dir=DIR --make-hostile=SCRIPT\n", argv[0]);
      return 2;
    }

  the_app = ccp_application_new ();
  g_application_set_flags (G_APPLICATION (the_app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/hostile/refused-and-usable", test_hostile_files);

  status = ccp_gui_test_run (state);
  g_clear_object (&the_app);
  return status;
}
