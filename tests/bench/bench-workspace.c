/* bench-workspace.c: the coordinator's workspace merging city plans, as a user would do it
 * (New Field Plan, then Merge City Plans), timed in process (issue 16, workspace rows).
 *
 *   bench-workspace [--field CODE] [--period YYYY-H1] [--search WORD] [--filter STEP...]
 *                   [--hold SECONDS] FILE...
 *
 * Prints, one "name: value" a line (run-benchmarks.py reads them):
 *   wall-ms             Merge City Plans to the field plan on screen (first frame after it)
 *   settle-ms           to the end of any work left on the main loop after that
 *   max-block-ms        the longest the main loop did not dispatch a 10 ms timeout, from
 *                       the click to the end of settling; max-block-phase says in which phase,
 *                       max-block-running-ms how much of it the main thread ran and
 *                       max-block-waiting-ms how long it waited for a core (the rest it
 *                       slept: on the renderer or the display server, say)
 *   peak-rss-kib        ru_maxrss of the process
 *   n-activities        rows of the activities table
 *   n-row-widgets       widgets under the table (built for the rows on screen only)
 *   key-N-block-ms      typing the Nth letter of WORD in the activities search: the longest
 *                       main-loop block from the key to the full result (-running-ms: of
 *                       which the main thread ran)
 *   key-N-search-ms     the table's search handler (it starts the search in a thread)
 *   key-N-frame-ms      the longest frame then (layout and paint of the rows shown)
 *   key-N-result-ms     the time from the search starting to the full result
 *   key-N-matches       rows shown then
 *   filter-N-*          (with --filter, before the search) the Nth drop-down change: STEP is
 *                       FILTER=CODE (city=Bologna, sdg=11: ccp_activity_table_set_filter()),
 *                       FILTER@N (the drop-down's Nth item) or flagship (its button toggled);
 *                       the steps add up, and a last one (N+1, "clear") resets them all.
 *                       -handler-ms the change's handlers (the drop-down's "notify::selected"),
 *                       -block-ms the longest main-loop block from the change to the full
 *                       result, -result-ms the time to it, -rows the rows shown then
 *   cancel-ms           (with --cancel) Cancel in the merging phase to the workspace idle
 *   cancel-worker-ms    (with --cancel) Cancel to the end of the worker thread (its callback)
 * --hold keeps the window open that long after the merge; --shot-during and --shot-after
 * write PNGs of the window one second into the merging phase and after the search.
 */
#define G_LOG_DOMAIN "bench-workspace"

#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ccp-activity-table.h"
#include "ccp-data.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-workspace.h"

#define TICK_MS 10

/* Where the main thread's time went, in µs: its own CPU time, and the time it was ready to
 * run but waited for a core (/proc's schedstat; 0 where there is none). A block made of the
 * rest was a wait on another thread or process: the renderer's, the display server. */
typedef struct {
  gint64 wall;
  gint64 running;
  gint64 runnable;
} Sample;

static Sample last_tick;
static Sample max_gap_sample;
static gint64 phase_origin;
static gint64 max_gap;
static char *max_gap_phase;
static char *phase;

/* Called on the main thread only: the file opened once is that thread's, read again from its
 * start at each tick (not opened and closed a hundred times a second). */
static void
sample_now (Sample *sample)
{
  static int schedstat = -2;
  struct timespec cpu;
  unsigned long long on_cpu = 0, waiting = 0;
  char text[128];
  ssize_t n;

  if (schedstat == -2)
    schedstat = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  if (schedstat >= 0 && (n = pread (schedstat, text, sizeof text - 1, 0)) > 0)
    {
      text[n] = '\0';
      sscanf (text, "%llu %llu", &on_cpu, &waiting);
    }
  sample->wall = g_get_monotonic_time ();
  sample->running = (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000;
  sample->runnable = (gint64) (waiting / 1000);
}

static gboolean
tick_cb (gpointer user_data)
{
  Sample now;
  gint64 gap;

  sample_now (&now);
  gap = now.wall - last_tick.wall;
  /* CCP_BENCH_LOG_GAPS=1: every block over 50 ms, when it ended, for the profile. */
  if (last_tick.wall != 0 && gap > 50000 && g_getenv ("CCP_BENCH_LOG_GAPS") != NULL)
    g_printerr ("gap %.1f ms (%.1f running, %.1f waiting for a core) ending at %.1f ms (%s)\n",
                gap / 1000.0, (now.running - last_tick.running) / 1000.0,
                (now.runnable - last_tick.runnable) / 1000.0,
                (now.wall - phase_origin) / 1000.0, phase);
  if (last_tick.wall != 0 && gap > max_gap)
    {
      max_gap = gap;
      max_gap_sample.running = now.running - last_tick.running;
      max_gap_sample.runnable = now.runnable - last_tick.runnable;
      g_free (max_gap_phase);
      max_gap_phase = g_strdup (phase);
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
reset_gap (void)
{
  max_gap = 0;
  max_gap_sample = (Sample) { 0 };
  sample_now (&last_tick);
}

static void
set_phase (const char *text)
{
  g_free (phase);
  phase = g_strdup (text != NULL ? text : "idle");
}

static void
progress_cb (CcpWorkspace *workspace)
{
  const char *text = ccp_workspace_get_progress_text (workspace);

  /* "Reading 12 of 400 plans" -> "Reading": the phase, not the count. */
  if (text != NULL)
    {
      g_autofree char *word = g_strndup (text, strcspn (text, " "));

      if (g_strcmp0 (word, phase) != 0)
        {
          set_phase (word);
          /* When each phase began, for the profile of a slow run. */
          g_printerr ("phase %s at %.1f ms\n", word, (g_get_monotonic_time () - phase_origin) / 1000.0);
        }
    }
}

static guint n_frames;
static gint64 frame_start;
static gint64 max_frame;

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  n_frames++;
  if (frame_start != 0)
    max_frame = MAX (max_frame, g_get_monotonic_time () - frame_start);
}

static GtkWidget *bench_window;

/* Waits for n frames to be painted (a frame is asked for: an unchanged window paints none). */
static void
wait_frames (guint n)
{
  guint target = n_frames + n;

  gtk_widget_queue_draw (bench_window);

  while (n_frames < target)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits for the next frame, if one comes within timeout_ms (an unchanged window paints none);
 * nothing is asked to redraw: this is what a keystroke costs. */
static void
wait_frame_if_any (guint timeout_ms)
{
  guint target = n_frames + 1;
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (n_frames < target && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins until the main loop has been idle (no source but the tick) for quiet_ms. */
static void
settle (guint quiet_ms)
{
  gint64 quiet_since = g_get_monotonic_time ();

  while (g_get_monotonic_time () - quiet_since < (gint64) quiet_ms * 1000)
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      /* An iteration that took more than a tick did work. */
      if (g_get_monotonic_time () - before > 2 * TICK_MS * 1000)
        quiet_since = g_get_monotonic_time ();
    }
}

/* The window as it is on screen, to a PNG (this machine has no screenshot tool). */
static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("cannot write %s\n", path);
}

/* Widgets under widget: the column view makes those of the rows on screen only. */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
created_cb (CcpNewFieldPlanDialog *dialog,
            CcpWorkspace          *workspace)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  ccp_workspace_set_new_field_plan (workspace, field_plan);
}

static gboolean searched;
static const char *typed;
static gint64 search_ms;
static gint64 search_began;

/* Runs first in each "search-changed" emission, before the table's handler. */
static gboolean
search_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  search_began = g_get_monotonic_time ();
  return TRUE;
}

/* The search the table runs for the text typed so far (not an earlier one). */
static void
search_changed_cb (GtkEditable *entry)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), typed) == 0 && !searched)
    {
      /* The table's handler ran since the emission hook. */
      search_ms = g_get_monotonic_time () - search_began;
      searched = TRUE;
    }
}

/* The filter and sort models under the activities table (pending work of incremental ones). */
static gboolean
table_pending (CcpActivityTable *table)
{
  GtkColumnView *view = ccp_activity_table_get_view (table);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  /* The search, found in a thread. */
  if (ccp_activity_table_get_pending (table))
    return TRUE;
  while (model != NULL)
    {
      if (GTK_IS_FILTER_LIST_MODEL (model) &&
          gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) > 0)
        return TRUE;
      if (GTK_IS_SORT_LIST_MODEL (model) &&
          gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) > 0)
        return TRUE;
      if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (GTK_IS_SORT_LIST_MODEL (model))
        model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
      else if (GTK_IS_FILTER_LIST_MODEL (model))
        model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
      else
        model = NULL;
    }
  return FALSE;
}

static const char *filter_names[CCP_ACTIVITY_N_FILTERS] = {
  "city", "objective", "area", "sdg", "kind", "month"
};

/* One drop-down change as a user makes it (NULL: every filter back to "any"). */
static gboolean
apply_filter_step (CcpActivityTable *table,
                   const char       *step)
{
  GtkToggleButton *flagship = ccp_activity_table_get_flagship_button (table);
  gsize length;

  if (step == NULL)
    {
      for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
        gtk_drop_down_set_selected (ccp_activity_table_get_filter_drop_down (table, f), 0);
      gtk_toggle_button_set_active (flagship, FALSE);
      return TRUE;
    }
  if (g_str_equal (step, "flagship"))
    {
      gtk_toggle_button_set_active (flagship, !gtk_toggle_button_get_active (flagship));
      return TRUE;
    }
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    {
      length = strlen (filter_names[f]);
      if (strncmp (step, filter_names[f], length) != 0)
        continue;
      if (step[length] == '=')
        return ccp_activity_table_set_filter (table, f, step + length + 1);
      if (step[length] == '@')
        {
          GtkDropDown *drop_down = ccp_activity_table_get_filter_drop_down (table, f);
          guint position = (guint) g_ascii_strtoull (step + length + 1, NULL, 10);

          if (position >= g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)))
            return FALSE;
          gtk_drop_down_set_selected (drop_down, position);
          return TRUE;
        }
    }
  return FALSE;
}

/* The drop-down changes of --filter, each timed as a keystroke of the search is. */
static gboolean
bench_filters (CcpActivityTable  *table,
               char             **steps)
{
  guint n_steps = g_strv_length (steps);

  for (guint n = 1; n <= n_steps + 1; n++)
    {
      const char *step = n <= n_steps ? steps[n - 1] : NULL;
      gint64 began;

      max_frame = 0;
      reset_gap ();
      began = g_get_monotonic_time ();
      if (!apply_filter_step (table, step))
        {
          g_printerr ("no such filter step: %s\n", step);
          return FALSE;
        }
      g_print ("filter-%u-step: %s\n", n, step != NULL ? step : "clear");
      g_print ("filter-%u-handler-ms: %.1f\n", n, (g_get_monotonic_time () - began) / 1000.0);
      while (table_pending (table))
        g_main_context_iteration (NULL, TRUE);
      g_print ("filter-%u-result-ms: %.1f\n", n, (g_get_monotonic_time () - began) / 1000.0);
      wait_frame_if_any (500);
      g_print ("filter-%u-block-ms: %.1f\n", n, max_gap / 1000.0);
      g_print ("filter-%u-frame-ms: %.1f\n", n, max_frame / 1000.0);
      g_print ("filter-%u-rows: %u\n", n, ccp_activity_table_get_n_visible (table));
      settle (200);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *field = g_strdup ("music");
  g_autofree char *period = g_strdup ("2027-H1");
  g_autofree char *search = g_strdup ("songwriting");
  int hold = 0;
  g_autofree char *shot_during = NULL;
  g_autofree char *shot_after = NULL;
  gboolean shot_taken = FALSE;
  gboolean cancel = FALSE;
  g_auto(GStrv) paths = NULL;
  g_auto(GStrv) filter_steps = NULL;
  GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, "Field of the new field plan", "CODE" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, "Period of the new field plan", "PERIOD" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Word typed in the search", "WORD" },
    { "filter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &filter_steps,
      "A drop-down change, timed (repeat for more)", "STEP" },
    { "hold", 0, 0, G_OPTION_ARG_INT, &hold, "Seconds to keep the window at the end", "S" },
    { "cancel", 0, 0, G_OPTION_ARG_NONE, &cancel, "Cancel once, in the merging phase", NULL },
    { "shot-during", 0, 0, G_OPTION_ARG_FILENAME, &shot_during, "PNG while merging", "PNG" },
    { "shot-after", 0, 0, G_OPTION_ARG_FILENAME, &shot_after, "PNG at the end", "PNG" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "FILE…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE… — time the workspace");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  CcpNewFieldPlanDialog *dialog;
  CcpActivityTable *table;
  CcpWorkspace *workspace;
  AdwViewStack *stack;
  GtkWindow *window;
  GtkEditable *entry;
  struct rusage usage;
  gint64 start, shown;

  setlocale (LC_ALL, "");
  /* As the application does: the .ui files' strings are looked up in the default domain. */
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || paths == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no files given");
      return 2;
    }
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      g_list_store_append (files, file);
    }

  gtk_init ();
  adw_init ();
  set_phase (NULL);

  window = GTK_WINDOW (gtk_window_new ());
  bench_window = GTK_WIDGET (window);
  gtk_window_set_default_size (window, 1280, 900);
  workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  dialog = ccp_new_field_plan_dialog_new (window);
  g_signal_connect (dialog, "done", G_CALLBACK (created_cb), workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, field);
  ccp_new_field_plan_dialog_set_period (dialog, period);
  ccp_new_field_plan_dialog_respond (dialog);
  g_signal_connect (workspace, "notify::progress-text", G_CALLBACK (progress_cb), NULL);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  /* The tick also keeps the waits below from blocking on an idle main loop. */
  g_timeout_add (TICK_MS, tick_cb, NULL);
  wait_frames (2);
  settle (300);

  if (cancel)
    {
      g_autoptr(GListModel) copy = G_LIST_MODEL (g_object_ref (files));

      g_assert_true (ccp_workspace_add_files (workspace, copy));
      while (g_strcmp0 (phase, "Merging") != 0 && ccp_workspace_get_busy (workspace))
        g_main_context_iteration (NULL, TRUE);
      g_usleep (200 * 1000);
      reset_gap ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.cancel", NULL);
      wait_frames (1);
      g_print ("cancel-ms: %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
      g_print ("cancel-block-ms: %.1f\n", max_gap / 1000.0);
      while (ccp_workspace_get_n_pending (workspace) > 0)
        g_main_context_iteration (NULL, TRUE);
      g_print ("cancel-worker-ms: %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
      set_phase (NULL);
    }

  reset_gap ();
  start = g_get_monotonic_time ();
  phase_origin = start;
  if (!ccp_workspace_add_files (workspace, G_LIST_MODEL (files)))
    {
      g_printerr ("the workspace refused the files\n");
      return 1;
    }
  while (ccp_workspace_get_busy (workspace))
    {
      static gint64 merging_since;

      g_main_context_iteration (NULL, TRUE);
      if (merging_since == 0 && g_strcmp0 (phase, "Merging") == 0)
        merging_since = g_get_monotonic_time ();
      if (shot_during != NULL && !shot_taken && merging_since != 0 &&
          g_get_monotonic_time () - merging_since > G_USEC_PER_SEC)
        {
          save_png (GTK_WIDGET (window), shot_during);
          shot_taken = TRUE;
        }
    }
  set_phase ("Showing");
  wait_frames (1);
  shown = g_get_monotonic_time ();
  settle (500);
  g_print ("wall-ms: %.1f\n", (shown - start) / 1000.0);
  g_print ("settle-ms: %.1f\n", (g_get_monotonic_time () - 500 * 1000 - start) / 1000.0);
  g_print ("max-block-ms: %.1f\n", max_gap / 1000.0);
  g_print ("max-block-phase: %s\n", max_gap_phase != NULL ? max_gap_phase : "none");
  g_print ("max-block-running-ms: %.1f\n", max_gap_sample.running / 1000.0);
  g_print ("max-block-waiting-ms: %.1f\n", max_gap_sample.runnable / 1000.0);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak-rss-kib: %ld\n", usage.ru_maxrss);

  /* The activities page, then the search typed a letter at a time. */
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "activities");
  set_phase ("Activities");
  wait_frames (2);
  settle (300);
  table = ccp_workspace_get_activity_table (workspace);
  g_print ("n-activities: %u\n", ccp_activity_table_get_n_visible (table));
  /* Widgets of the table: those of the rows on screen (and a margin), not one per activity. */
  g_print ("n-row-widgets: %u\n",
           count_widgets (GTK_WIDGET (ccp_activity_table_get_view (table))));
  if (filter_steps != NULL && !bench_filters (table, filter_steps))
    return 1;
  entry = ccp_activity_table_get_search_entry (table);
  g_signal_connect_after (entry, "search-changed", G_CALLBACK (search_changed_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_hook, NULL, NULL);
  gtk_editable_set_position (entry, 0);
  for (guint n = 1; n <= strlen (search); n++)
    {
      g_autofree char *prefix = g_strndup (search, n);
      int position = (int) n - 1;
      gint64 began;

      searched = FALSE;
      typed = prefix;
      max_frame = 0;
      reset_gap ();
      /* A keystroke: one more character at the end (set_text would clear the entry first). */
      gtk_editable_insert_text (entry, search + n - 1, 1, &position);
      /* GtkSearchEntry waits for a pause in typing (search-delay) before "search-changed". */
      while (!searched)
        g_main_context_iteration (NULL, TRUE);
      began = g_get_monotonic_time ();
      while (table_pending (table))
        g_main_context_iteration (NULL, TRUE);
      g_print ("key-%u-result-ms: %.1f\n", n, (g_get_monotonic_time () - began) / 1000.0);
      wait_frame_if_any (500);
      g_print ("key-%u-block-ms: %.1f\n", n, max_gap / 1000.0);
      g_print ("key-%u-block-running-ms: %.1f\n", n, max_gap_sample.running / 1000.0);
      g_print ("key-%u-search-ms: %.1f\n", n, search_ms / 1000.0);
      g_print ("key-%u-frame-ms: %.1f\n", n, max_frame / 1000.0);
      g_print ("key-%u-matches: %u\n", n, ccp_activity_table_get_n_visible (table));
    }

  if (shot_after != NULL)
    save_png (GTK_WIDGET (window), shot_after);
  if (hold > 0)
    {
      gint64 end = g_get_monotonic_time () + (gint64) hold * G_USEC_PER_SEC;

      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
    }
  gtk_window_destroy (window);
  return 0;
}
