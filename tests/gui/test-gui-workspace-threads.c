/* The workspace's merge off the main thread (issue 16): while a modest generated set of city
 * plans is read and merged (and the overview counted), the main loop keeps dispatching (a 10
 * ms timeout fires in the merging phase, as it would not if the merge ran on the main
 * thread); Cancel in the merging phase stops at once, the worker thread soon after, and
 * leaves the field plan as it was; so does Cancel in every phase (reading, merging, showing
 * the field plan) of a merge into a field plan holding plans already; a search of the
 * activities table uses the keys made in the worker. The workspace keeps no input's bytes:
 * a later merge reads the files merged before again, and says so clearly when one changed or
 * went away; the issues get their lines when first shown. */
#define G_LOG_DOMAIN "test-gui-workspace-threads"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ccp-activity-table.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-source-table.h"
#include "ccp-test-util.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

/* Large enough for the "Merging" phase to last 10 ticks of the main loop: the lighter model
 * (300 plans, was 150) and the merge no longer parsing the files again (80 activities, was 20)
 * each made it too short. */
#define N_PLANS      300
#define N_ACTIVITIES 80

typedef struct {
  GtkWindow    *window;
  CcpWorkspace *workspace;
  char         *dir;
  GListStore   *files;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270116);

  fixture->dir = g_dir_make_tmp ("ccp-ws-threads-XXXXXX", NULL);
  fixture->files = g_list_store_new (G_TYPE_FILE);
  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1",
                                                      N_ACTIVITIES);
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_list_store_append (fixture->files, file);
    }

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->workspace));
  gtk_window_present (fixture->window);
  ccp_gui_test_new_field_plan (fixture->window, fixture->workspace);
  g_assert_nonnull (ccp_workspace_get_field_plan (fixture->workspace));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WAIT_FOR (ccp_workspace_get_n_pending (fixture->workspace) == 0, 120000);
  gtk_window_destroy (fixture->window);
  spin (50);
  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  ccp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->files);
}

/* Ticks of a 10 ms timeout seen in each phase, by the first word of the progress text. */
typedef struct {
  CcpWorkspace *workspace;
  guint         reading;
  guint         merging;
  gint64        last;
  gint64        longest;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  const char *text = ccp_workspace_get_progress_text (ticks->workspace);
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  if (text == NULL)
    return G_SOURCE_CONTINUE;
  if (g_str_has_prefix (text, "Reading"))
    ticks->reading++;
  else if (ccp_workspace_get_merging (ticks->workspace))
    ticks->merging++;
  return G_SOURCE_CONTINUE;
}

static void
test_main_loop_runs (Fixture       *fixture,
                     gconstpointer  data)
{
  Ticks ticks = { fixture->workspace, 0, 0, 0, 0 };
  CcpActivityTable *table;
  GtkEditable *entry;
  CcpActivity *first;
  g_autofree char *word = NULL;
  guint source, total;

  source = g_timeout_add (10, tick_cb, &ticks);
  g_assert_true (ccp_workspace_add_files (fixture->workspace, G_LIST_MODEL (fixture->files)));
  WAIT_FOR (!ccp_workspace_get_busy (fixture->workspace), 120000);
  g_source_remove (source);
  g_test_message ("ticks: reading %u, merging %u; longest gap %.0f ms",
                  ticks.reading, ticks.merging, ticks.longest / 1000.0);
  /* The merge of 300 plans of 80 activities, given the plans the workspace read, lasts 8 to 17
   * ticks here; were it on the main thread, no tick could come while it runs. */
  g_assert_cmpuint (ticks.reading, >, 0);
  g_assert_cmpuint (ticks.merging, >, 0);

  table = ccp_workspace_get_activity_table (fixture->workspace);
  total = ccp_activity_table_get_n_visible (table);
  /* Random plans share cities: the newest revision of each city wins. */
  g_assert_cmpuint (total, >=, N_ACTIVITIES);
  g_assert_cmpuint (ccp_source_table_get_n_rows (ccp_workspace_get_source_table (
                      fixture->workspace)), ==, N_PLANS);

  /* The search finds an activity by a word of its title, and only matching ones. */
  first = ccp_activity_table_get_visible (table, total / 2);
  word = g_utf8_casefold (ccp_activity_get_title (first), -1);
  entry = ccp_activity_table_get_search_entry (table);
  gtk_editable_set_text (entry, word);
  WAIT_FOR (ccp_activity_table_get_n_visible (table) < total, 10000);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), >=, 1);
  for (guint i = 0; i < ccp_activity_table_get_n_visible (table); i++)
    {
      CcpActivity *shown = ccp_activity_table_get_visible (table, i);
      g_autofree char *title = g_utf8_casefold (ccp_activity_get_title (shown), -1);
      g_autofree char *description = g_utf8_casefold (ccp_activity_get_description (shown), -1);
      g_autofree char *place = g_utf8_casefold (ccp_activity_get_place (shown), -1);
      g_autofree char *cities = ccp_activity_cities_text (shown);
      g_autofree char *cities_folded = g_utf8_casefold (cities, -1);

      g_assert_true (strstr (title, word) != NULL || strstr (description, word) != NULL ||
                     strstr (place, word) != NULL || strstr (cities_folded, word) != NULL);
    }
  gtk_editable_set_text (entry, "");
  WAIT_FOR (ccp_activity_table_get_n_visible (table) == total, 10000);
}

static void
test_cancel_merging (Fixture       *fixture,
                     gconstpointer  data)
{
  CcpFieldPlan *field_plan = ccp_workspace_get_field_plan (fixture->workspace);
  g_autoptr(GBytes) before = ccp_writer_write_field_plan (field_plan);
  g_autoptr(GBytes) after = NULL;
  Ticks ticks = { fixture->workspace, 0, 0, 0, 0 };
  gint64 cancelled_at, stopped_usec;
  guint source, n_stopped;

  g_assert_true (ccp_workspace_add_files (fixture->workspace, G_LIST_MODEL (fixture->files)));
  WAIT_FOR (ccp_workspace_get_merging (fixture->workspace), 120000);
  /* The main loop runs while merging: the timeout fires (on the main thread, the merge would
   * have blocked this wait and seen none). */
  source = g_timeout_add (10, tick_cb, &ticks);
  WAIT_FOR (ticks.merging > 0 || !ccp_workspace_get_merging (fixture->workspace), 60000);
  g_assert_cmpuint (ticks.merging, >, 0);
  g_source_remove (source);

  /* The user clicks Cancel while it still says "Merging". */
  g_assert_true (g_str_has_prefix (ccp_workspace_get_progress_text (fixture->workspace),
                                   "Merging"));
  n_stopped = ccp_workspace_get_n_stopped (fixture->workspace);
  cancelled_at = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->workspace), "workspace.cancel", NULL);
  g_assert_false (ccp_workspace_get_busy (fixture->workspace));
  g_assert_true (ccp_workspace_get_field_plan (fixture->workspace) == field_plan);

  /* The worker stops short (the merge looks at the job's cancellable between the files and in
   * its loops; the figures counted after it, at theirs): it returns with its work undone,
   * which is what the workspace counts; without the cancellable it ran to its end. The time
   * is for the log only (26-67 ms when this machine is quiet, a whole merge 270-700 ms). */
  WAIT_FOR (ccp_workspace_get_n_pending (fixture->workspace) == 0, 120000);
  stopped_usec = g_get_monotonic_time () - cancelled_at;
  g_test_message ("the worker stopped %.1f ms after Cancel", stopped_usec / 1000.0);
  g_assert_cmpuint (ccp_workspace_get_n_stopped (fixture->workspace), ==, n_stopped + 1);
  spin (100);
  g_assert_true (ccp_workspace_get_field_plan (fixture->workspace) == field_plan);
  after = ccp_writer_write_field_plan (ccp_workspace_get_field_plan (fixture->workspace));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (ccp_source_table_get_n_rows (ccp_workspace_get_source_table (
                      fixture->workspace)), ==, 0);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (
                      ccp_workspace_get_activity_table (fixture->workspace)), ==, 0);
}

/* Files [first, last) of the fixture. */
static GListModel *
some_files (Fixture *fixture,
            guint    first,
            guint    last)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);

  for (guint i = first; i < last; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (fixture->files), i);

      g_list_store_append (files, file);
    }
  return G_LIST_MODEL (files);
}

/* Whether the workspace is done: no job, no task, no row still to come in. */
static gboolean
settled (CcpWorkspace *workspace)
{
  return !ccp_workspace_get_busy (workspace) && ccp_workspace_get_n_pending (workspace) == 0 &&
         !ccp_source_table_get_pending (ccp_workspace_get_source_table (workspace)) &&
         !ccp_activity_table_get_pending (ccp_workspace_get_activity_table (workspace));
}

static gboolean
in_phase (CcpWorkspace *workspace,
          const char   *prefix)
{
  const char *text = ccp_workspace_get_progress_text (workspace);

  if (text == NULL)
    return FALSE;
  /* Reading starts as "Looking for plans…" until the first progress tick counts the files
   * (100 ms): a reading shorter than that never says "Reading". */
  if (g_str_equal (prefix, "Reading") && g_str_has_prefix (text, "Looking"))
    return TRUE;
  return g_str_has_prefix (text, prefix);
}

/* Cancel in each phase (data: the first word of its progress text) of a merge into a field
 * plan that already holds half of the plans: the workspace is as it was before, the same
 * field plan with the same bytes, rows and modified flag; nothing is lost, the same plans
 * merge afterwards. */
static void
test_cancel_phase (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *phase = data;
  CcpWorkspace *workspace = fixture->workspace;
  CcpSourceTable *sources = ccp_workspace_get_source_table (workspace);
  CcpActivityTable *activities = ccp_workspace_get_activity_table (workspace);
  g_autoptr(GListModel) first = some_files (fixture, 0, N_PLANS / 2);
  g_autoptr(GListModel) second = some_files (fixture, N_PLANS / 2, N_PLANS);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  CcpFieldPlan *field_plan;
  guint n_activities;
  gboolean modified;

  g_assert_true (ccp_workspace_add_files (workspace, first));
  WAIT_FOR (settled (workspace), 120000);
  field_plan = ccp_workspace_get_field_plan (workspace);
  before = ccp_writer_write_field_plan (field_plan);
  n_activities = ccp_activity_table_get_n_visible (activities);
  modified = ccp_workspace_get_modified (workspace);
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS / 2);
  g_assert_cmpuint (n_activities, >, 0);

  g_assert_true (ccp_workspace_add_files (workspace, second));
  WAIT_FOR (in_phase (workspace, phase) || !ccp_workspace_get_busy (workspace), 120000);
  g_assert_true (in_phase (workspace, phase));
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.cancel", NULL);
  g_assert_false (ccp_workspace_get_busy (workspace));
  g_assert_true (ccp_workspace_get_field_plan (workspace) == field_plan);

  WAIT_FOR (settled (workspace), 120000);
  spin (100);
  g_assert_true (ccp_workspace_get_field_plan (workspace) == field_plan);
  after = ccp_writer_write_field_plan (field_plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS / 2);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (activities), ==, n_activities);
  g_assert_cmpint (ccp_workspace_get_modified (workspace), ==, modified);
  for (guint i = 0; i < N_PLANS / 2; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (first, i);

      g_assert_true (ccp_workspace_uses_file (workspace, file));
    }
  for (guint i = 0; i < N_PLANS - N_PLANS / 2; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (second, i);

      g_assert_false (ccp_workspace_uses_file (workspace, file));
    }

  /* Nothing was lost or half-taken: the same plans merge now. */
  g_assert_true (ccp_workspace_add_files (workspace, second));
  WAIT_FOR (settled (workspace), 120000);
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS);
}

/* A merge of plans given already read (ccp_merge_add_read(), as the workspace gives them)
 * writes the same bytes as one that parses the files, and takes the plans read rather than
 * parsing them again: the field plan holds activities of those very plans. */
static void
test_merge_add_read (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CcpMerge) parsed = ccp_merge_new ();
  g_autoptr(CcpMerge) given = ccp_merge_new ();
  g_autoptr(CcpValidator) validator = ccp_validator_new ();
  g_autoptr(GHashTable) read_activities = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpFieldPlan) from_bytes = NULL;
  g_autoptr(CcpFieldPlan) from_read = NULL;
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *activities;
  guint n_taken = 0;

  for (guint m = 0; m < 2; m++)
    {
      CcpMerge *merge = m == 0 ? parsed : given;

      ccp_merge_set_field (merge, "music");
      ccp_merge_set_period (merge, "2027-H1");
      ccp_merge_set_consolidated (merge, "2027-07-01T10:00:00Z");
    }
  ccp_merge_set_validator (given, validator);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->files)); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (fixture->files), i);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GObject) document = NULL;
      GListModel *plan_activities;

      g_assert_no_error (error);
      ccp_merge_add_bytes (parsed, g_file_peek_path (file), bytes);
      document = ccp_reader_read_bytes (bytes, "plan.xml", &issues, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (CCP_IS_PLAN (document));
      if (issues == NULL)
        issues = g_ptr_array_new_with_free_func (g_object_unref);
      found = ccp_validator_check_plan (validator, CCP_PLAN (document));
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (issues, g_object_ref (g_ptr_array_index (found, j)));
      plan_activities = G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document)));
      for (guint j = 0; j < g_list_model_get_n_items (plan_activities); j++)
        {
          g_autoptr(GObject) activity = g_list_model_get_item (plan_activities, j);

          g_hash_table_add (read_activities, activity);
        }
      /* Every other one without its bytes, as the workspace gives them (it keeps none). */
      if (i % 2 == 0)
        ccp_merge_add_read (given, g_file_peek_path (file), bytes, NULL, document, issues);
      else
        {
          g_autofree char *sha256 = ccp_bytes_sha256 (bytes);

          ccp_merge_add_read (given, g_file_peek_path (file), NULL, sha256, document, issues);
        }
      g_ptr_array_add (plans, g_steal_pointer (&document));
    }

  from_bytes = ccp_merge_run (parsed, &error);
  g_assert_no_error (error);
  from_read = ccp_merge_run (given, &error);
  g_assert_no_error (error);
  bytes_a = ccp_writer_write_field_plan (from_bytes);
  bytes_b = ccp_writer_write_field_plan (from_read);
  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
  for (guint i = 0; i < ccp_merge_get_n_inputs (parsed); i++)
    {
      g_assert_cmpuint (ccp_merge_get_input (parsed, i)->errors, ==,
                        ccp_merge_get_input (given, i)->errors);
      g_assert_cmpuint (ccp_merge_get_input (parsed, i)->warnings, ==,
                        ccp_merge_get_input (given, i)->warnings);
    }

  activities = G_LIST_MODEL (ccp_field_plan_get_activities (from_read));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(GObject) activity = g_list_model_get_item (activities, i);

      if (g_hash_table_contains (read_activities, activity))
        n_taken++;
    }
  g_test_message ("%u of %u activities of the field plan are the plans' read",
                  n_taken, g_list_model_get_n_items (activities));
  g_assert_cmpuint (n_taken, >, 0);

  /* Given without bytes, an input cannot be merged a second time: the merge is single-run. */
  g_test_expect_message ("ccp-merge", G_LOG_LEVEL_CRITICAL, "*single_run*");
  g_assert_null (ccp_merge_run (given, NULL));
  g_test_assert_expected_messages ();
}

/* A merge after one whose inputs' bytes were let go reads the files again: the field plan of
 * the two merges is the one of a single merge of all the files. A file merged before that
 * changed, or went away, stops the next merge with a message naming it; nothing changes. */
/* Takes back the byte the test appended to file, so that it is again as it was merged. */
static void
drop_last_byte (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  gsize size;
  const char *contents;

  g_assert_no_error (error);
  contents = g_bytes_get_data (bytes, &size);
  g_assert_true (g_file_replace_contents (file, contents, size - 1, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_merge_again (Fixture       *fixture,
                  gconstpointer  data)
{
  CcpWorkspace *workspace = fixture->workspace;
  CcpSourceTable *sources = ccp_workspace_get_source_table (workspace);
  g_autoptr(GListModel) first = some_files (fixture, 0, N_PLANS / 2);
  g_autoptr(GListModel) second = some_files (fixture, N_PLANS / 2, N_PLANS - 2);
  g_autoptr(GListModel) last = some_files (fixture, N_PLANS - 2, N_PLANS);
  g_autoptr(GFile) changed = g_list_model_get_item (first, 3);
  g_autoptr(GFile) gone = g_list_model_get_item (first, 7);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_name = g_file_get_basename (changed);
  g_autofree char *gone_name = g_file_get_basename (gone);
  CcpFieldPlan *field_plan;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (ccp_workspace_add_files (workspace, first));
  WAIT_FOR (settled (workspace), 120000);
  g_assert_true (ccp_workspace_add_files (workspace, second));
  WAIT_FOR (settled (workspace), 120000);
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS - 2);

  /* The same sources as one merge of all those files (the activities are those of the newest
   * revision of each city, whatever the order the files came in). */
  {
    g_autoptr(CcpMerge) merge = ccp_merge_new ();
    g_autoptr(CcpFieldPlan) once = NULL;
    GListModel *merged = G_LIST_MODEL (ccp_field_plan_get_sources (
                                         ccp_workspace_get_field_plan (workspace)));

    ccp_merge_set_field (merge, "music");
    ccp_merge_set_period (merge, "2027-H1");
    for (guint i = 0; i < N_PLANS - 2; i++)
      {
        g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (fixture->files), i);
        g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

        g_assert_no_error (error);
        ccp_merge_add_bytes (merge, g_file_peek_path (file), bytes);
      }
    once = ccp_merge_run (merge, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (merged), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (once))));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (
                        ccp_workspace_get_field_plan (workspace)))), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (
                        once))));
  }

  /* One file merged before is changed, another deleted: the next merge stops, naming both. */
  field_plan = ccp_workspace_get_field_plan (workspace);
  before = ccp_writer_write_field_plan (field_plan);
  kept = g_file_load_bytes (gone, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFileOutputStream) stream = g_file_append_to (changed, G_FILE_CREATE_NONE, NULL,
                                                            &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "\n", 1, NULL, NULL,
                                              &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_delete (gone, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ccp_workspace_add_files (workspace, last));
  WAIT_FOR ((dialog = find_message_dialog (fixture->window)) != NULL, 120000);
  WAIT_FOR (settled (workspace), 120000);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), body);
  g_assert_nonnull (strstr (body, changed_name));
  g_assert_nonnull (strstr (body, "changed since it was merged"));
  g_assert_nonnull (strstr (body, gone_name));
  g_assert_true (ccp_workspace_get_field_plan (workspace) == field_plan);
  after = ccp_writer_write_field_plan (field_plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS - 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Put back as they were, the files merge again. */
  g_assert_true (g_file_replace_contents (gone, g_bytes_get_data (kept, NULL),
                                          g_bytes_get_size (kept), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  drop_last_byte (changed);
  g_assert_true (ccp_workspace_add_files (workspace, last));
  WAIT_FOR (settled (workspace), 120000);
  g_assert_null (find_message_dialog (fixture->window));
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS);

  /* The details given again merge every plan again, from the files (none is kept read). */
  {
    GtkWindow *details = ccp_workspace_show_details (workspace);
    g_autoptr(CcpFieldPlan) merged = g_object_ref (ccp_workspace_get_field_plan (workspace));

    ccp_new_field_plan_dialog_respond (CCP_NEW_FIELD_PLAN_DIALOG (details));
    g_assert_true (ccp_workspace_get_busy (workspace));
    WAIT_FOR (settled (workspace), 120000);
    g_assert_null (find_message_dialog (fixture->window));
    g_assert_true (ccp_workspace_get_field_plan (workspace) != merged);
    g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, N_PLANS);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (
                        ccp_workspace_get_field_plan (workspace)))), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (
                        merged))));
  }
}

/* The issues of a file get their lines when first shown (finding them parses the file again,
 * which the reading no longer does for every file): the popover says where each one is, unless
 * the file changed since it was merged. */
static void
test_issue_lines (Fixture       *fixture,
                  gconstpointer  data)
{
  CcpWorkspace *workspace = fixture->workspace;
  CcpSourceTable *sources = ccp_workspace_get_source_table (workspace);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270117);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) changed = NULL;
  g_autoptr(GError) error = NULL;

  /* Cities the registry does not know: a warning each, found by the validator. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1", 5);
      g_autofree char *name = g_strdup_printf ("unknown-%u.xml", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ccp_plan_set_city (plan, i == 0 ? "Zzyzxville" : "Qwxburg");
      g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_list_store_append (files, file);
    }
  changed = g_list_model_get_item (G_LIST_MODEL (files), 1);

  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (settled (workspace), 120000);
  g_assert_cmpuint (ccp_source_table_get_n_rows (sources), ==, 2);
  {
    g_autoptr(GFileOutputStream) stream = g_file_append_to (changed, G_FILE_CREATE_NONE, NULL,
                                                            &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "\n", 1, NULL, NULL,
                                              &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < 2; i++)
    {
      CcpSource *source = ccp_source_table_get_row (sources, i);
      g_autofree char *text = ccp_source_table_describe_issues (sources, source);
      g_autofree char *again = ccp_source_table_describe_issues (sources, source);

      g_test_message ("%s: %s", ccp_source_get_file (source), text);
      g_assert_cmpuint (ccp_source_get_warnings (source), >, 0);
      g_assert_nonnull (strstr (text, "Warning"));
      /* Looked for once: the same text again. */
      g_assert_cmpstr (text, ==, again);
      if (g_str_equal (ccp_source_get_file (source), "unknown-1.xml"))
        g_assert_null (strstr (text, ", line "));
      else
        g_assert_nonnull (strstr (text, "Warning, line "));
    }

  /* A file over 2 MiB is looked at in a thread: its lines come a moment after it is first
   * shown, without blocking the main loop. (The changed file put back first: the next merge
   * reads it again.) */
  drop_last_byte (changed);
  {
    g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1", 2500);
    g_autofree char *path = g_build_filename (fixture->dir, "unknown-2.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GListStore) big = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFileInfo) info = NULL;
    CcpSource *source = NULL;
    char *text;

    ccp_plan_set_city (plan, "Xqzton");
    g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
    g_assert_no_error (error);
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_file_info_get_size (info), >, 2 * 1024 * 1024);
    g_list_store_append (big, file);
    g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (big)));
    WAIT_FOR (settled (workspace), 120000);
    for (guint i = 0; i < ccp_source_table_get_n_rows (sources); i++)
      if (g_str_equal (ccp_source_get_file (ccp_source_table_get_row (sources, i)),
                       "unknown-2.xml"))
        source = ccp_source_table_get_row (sources, i);
    g_assert_nonnull (source);
    text = ccp_source_table_describe_issues (sources, source);
    g_assert_null (strstr (text, ", line "));
    g_free (text);
    WAIT_FOR ((text = ccp_source_table_describe_issues (sources, source),
               strstr (text, "Warning, line ") != NULL ? TRUE : (g_free (text), FALSE)), 30000);
    g_free (text);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("unknown-%u.xml", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add ("/workspace-threads/main-loop-runs", Fixture, NULL, fixture_set_up,
              test_main_loop_runs, fixture_tear_down);
  g_test_add ("/workspace-threads/cancel-merging", Fixture, NULL, fixture_set_up,
              test_cancel_merging, fixture_tear_down);
  g_test_add ("/workspace-threads/cancel-reading", Fixture, "Reading", fixture_set_up,
              test_cancel_phase, fixture_tear_down);
  g_test_add ("/workspace-threads/cancel-merging-into", Fixture, "Merging", fixture_set_up,
              test_cancel_phase, fixture_tear_down);
  g_test_add ("/workspace-threads/cancel-showing", Fixture, "Showing", fixture_set_up,
              test_cancel_phase, fixture_tear_down);
  g_test_add ("/workspace-threads/merge-add-read", Fixture, NULL, fixture_set_up,
              test_merge_add_read, fixture_tear_down);
  g_test_add ("/workspace-threads/merge-again", Fixture, NULL, fixture_set_up,
              test_merge_again, fixture_tear_down);
  g_test_add ("/workspace-threads/issue-lines", Fixture, NULL, fixture_set_up,
              test_issue_lines, fixture_tear_down);
  return ccp_gui_test_run (state);
}
