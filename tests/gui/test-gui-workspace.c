/* The coordinator's consolidation workspace, driven as a user would: a new field plan from the
 * dialog, city plans added through the function the file chooser calls, the merge waited for
 * by spinning the main loop. The saved file is byte for byte that of `ccplans merge`; a newer
 * revision visibly replaces the older one; sorting and filters change the rows shown;
 * cancelling a long merge leaves the field plan as it was; charts describe their numbers;
 * exports and PDF are written. */
#define G_LOG_DOMAIN "test-gui-workspace"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ccp-activity-table.h"
#include "ccp-merge-report-view.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-overview-chart.h"
#include "ccp-source-table.h"
#include "ccp-test-util.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"

#define EPOCH "1800000000"

typedef struct {
  GtkWindow    *window;
  CcpWorkspace *workspace;
} Fixture;

static void
created_cb (CcpNewFieldPlanDialog *dialog,
            CcpWorkspace          *workspace)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  ccp_workspace_set_new_field_plan (workspace, field_plan);
}

/* A window with a workspace and a new music 2027-H1 field plan, made through the dialog. */
static void
fixture_set_up (Fixture *fixture)
{
  CcpNewFieldPlanDialog *dialog;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->workspace));
  gtk_window_present (fixture->window);

  dialog = ccp_new_field_plan_dialog_new (fixture->window);
  g_signal_connect (dialog, "done", G_CALLBACK (created_cb), fixture->workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  ccp_new_field_plan_dialog_set_period (dialog, "2027-H1");
  /* The roster comes from the registry: the field's member cities. */
  {
    g_autoptr(GPtrArray) members = ccp_registry_list_field (ccp_registry_get_default (),
                                                            "music");

    g_assert_cmpuint (g_list_model_get_n_items (ccp_new_field_plan_dialog_get_roster (dialog)),
                      ==, members->len);
  }
  ccp_new_field_plan_dialog_respond (dialog);
  g_assert_nonnull (ccp_workspace_get_field_plan (fixture->workspace));
  g_assert_cmpstr (ccp_field_plan_get_field (ccp_workspace_get_field_plan (fixture->workspace)),
                   ==, "music");
}

static void
fixture_tear_down (Fixture *fixture)
{
  WAIT_FOR (ccp_workspace_get_n_pending (fixture->workspace) == 0, 120000);
  gtk_window_destroy (fixture->window);
  spin (50);
}

/* --- Every template widget, once --------------------------------------------------------------- */

static void
test_templates (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  CcpNewFieldPlanDialog *dialog = ccp_new_field_plan_dialog_new (GTK_WINDOW (window));

  gtk_box_append (GTK_BOX (box), ccp_workspace_new ());
  gtk_box_append (GTK_BOX (box), ccp_source_table_new ());
  gtk_box_append (GTK_BOX (box), ccp_activity_table_new ());
  gtk_box_append (GTK_BOX (box), ccp_merge_report_view_new ());
  for (int kind = CCP_OVERVIEW_CHART_OBJECTIVES; kind <= CCP_OVERVIEW_CHART_BUDGET; kind++)
    gtk_box_append (GTK_BOX (box), ccp_overview_chart_new (kind));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- Same bytes as ccplans merge ---------------------------------------------------------------- */

static void
test_same_as_cli (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-XXXXXX", NULL);
  g_autofree char *ui_path = g_build_filename (dir, "workspace.xml", NULL);
  g_autofree char *cli_path = g_build_filename (dir, "cli.xml", NULL);
  g_autoptr(GFile) ui_file = g_file_new_for_path (ui_path);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ui_bytes = NULL;
  g_autoptr(GBytes) cli_bytes = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  CcpFieldPlan *field_plan;
  GtkWidget *save;
  int status = -1;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  field_plan = ccp_workspace_get_field_plan (fixture.workspace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      ccp_field_plan_get_sources (field_plan))), ==, 3);
  save = ccp_gui_find_action_button (GTK_WIDGET (fixture.workspace), "workspace.save");
  g_assert_nonnull (save);
  g_assert_true (ccp_workspace_get_modified (fixture.workspace));
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  g_assert_true (ccp_workspace_save_to_file (fixture.workspace, ui_file, &error));
  g_assert_no_error (error);
  g_assert_false (ccp_workspace_get_modified (fixture.workspace));
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));

  g_ptr_array_add (argv, (char *) CCPLANS_PATH);
  g_ptr_array_add (argv, (char *) "merge");
  g_ptr_array_add (argv, (char *) "--field=music");
  g_ptr_array_add (argv, (char *) "--period=2027-H1");
  g_ptr_array_add (argv, (char *) "-o");
  g_ptr_array_add (argv, cli_path);
  for (guint i = 0; i < G_N_ELEMENTS (ccp_gui_example_names); i++)
    g_ptr_array_add (argv, g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), ccp_gui_example_names[i],
                                             NULL));
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "SOURCE_DATE_EPOCH", EPOCH, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 6; i < argv->len - 1; i++)
    g_free (g_ptr_array_index (argv, i));

  ui_bytes = ccp_gui_read_bytes (ui_path);
  cli_bytes = ccp_gui_read_bytes (cli_path);
  g_assert_cmpuint (g_bytes_get_size (ui_bytes), >, 1000);
  if (!g_bytes_equal (ui_bytes, cli_bytes))
    g_error ("The workspace's file differs from ccplans merge's:\n%s\n---\n%s",
             (char *) g_bytes_get_data (ui_bytes, NULL),
             (char *) g_bytes_get_data (cli_bytes, NULL));

  fixture_tear_down (&fixture);
  g_unlink (ui_path);
  g_unlink (cli_path);
  ccp_test_remove_tree (dir);
}

/* --- Sources: a newer revision replaces the older one; issues on demand -------------------------- */

static void
test_sources (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-XXXXXX", NULL);
  g_autofree char *bologna_path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                    ccp_gui_example_names[0], NULL);
  g_autofree char *newer_path = g_build_filename (dir, "bologna-newer.xml", NULL);
  g_autoptr(GFile) bologna = g_file_new_for_path (bologna_path);
  g_autoptr(GFile) newer = g_file_new_for_path (newer_path);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GListStore) more = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  CcpSourceTable *table;
  GtkEditable *search;
  GtkLabel *count;
  guint superseded = 0, valid_bologna = 0;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  table = ccp_workspace_get_source_table (fixture.workspace);
  g_assert_cmpuint (ccp_source_table_get_n_rows (table), ==, 3);

  /* Issues on demand: the popover's text for each source is the file's own check. */
  for (guint i = 0; i < 3; i++)
    {
      CcpSource *source = ccp_source_table_get_row (table, i);
      g_autofree char *text = ccp_source_table_describe_issues (table, source);

      g_assert_cmpstr (text, !=, "");
    }

  /* The same plan with a higher revision. */
  document = ccp_reader_read_file (bologna, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ccp_plan_set_revision (CCP_PLAN (document), ccp_plan_get_revision (CCP_PLAN (document)) + 1);
  g_assert_true (ccp_writer_save (document, newer, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_list_store_append (more, newer);
  ccp_gui_add_and_wait (fixture.workspace, G_LIST_MODEL (more));

  g_assert_cmpuint (ccp_source_table_get_n_rows (table), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      CcpSource *source = ccp_source_table_get_row (table, i);

      if (!g_str_equal (ccp_source_get_city (source), "Bologna"))
        continue;
      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_SUPERSEDED)
        {
          g_autofree char *text = ccp_source_table_describe_issues (table, source);

          superseded++;
          g_assert_cmpstr (ccp_source_get_file (source), ==, ccp_gui_example_names[0]);
          g_assert_cmpstr (ccp_source_table_status_label (source), ==, "Superseded");
          g_assert_nonnull (strstr (text, "bologna-newer.xml"));
        }
      else
        {
          valid_bologna++;
          g_assert_cmpstr (ccp_source_get_file (source), ==, "bologna-newer.xml");
        }
    }
  g_assert_cmpuint (superseded, ==, 1);
  g_assert_cmpuint (valid_bologna, ==, 1);
  g_assert_cmpuint (ccp_merge_report_view_get_lines (ccp_workspace_get_report_view (
                      fixture.workspace), "superseded")->len, ==, 1);

  /* The same file again changes nothing. */
  ccp_gui_add_and_wait (fixture.workspace, G_LIST_MODEL (more));
  g_assert_cmpuint (ccp_source_table_get_n_rows (table), ==, 4);

  /* The search finds cities, country codes, files and statuses, in any case; typing on finds
   * fewer, deleting more again; the count below says how many of how many. */
  search = ccp_source_table_get_search_entry (table);
  count = GTK_LABEL (ccp_gui_find_with_class (GTK_WIDGET (table), "dim-label"));
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "4 city plans");
  gtk_editable_set_text (search, "BOLOGNA");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 2, 5000);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 of 4 city plans shown");
  gtk_editable_set_text (search, "bologna-newer");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 1, 5000);
  g_assert_cmpstr (ccp_source_get_file (ccp_source_table_get_row (table, 0)), ==,
                   "bologna-newer.xml");
  gtk_editable_set_text (search, "superseded");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 1, 5000);
  g_assert_cmpint (ccp_source_get_status (ccp_source_table_get_row (table, 0)), ==,
                   CCP_SOURCE_STATUS_SUPERSEDED);
  gtk_editable_set_text (search, "gb");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 1, 5000);
  g_assert_cmpstr (ccp_source_get_city (ccp_source_table_get_row (table, 0)), ==, "Liverpool");
  gtk_editable_set_text (search, "no such city");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 0, 5000);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 of 4 city plans shown");
  gtk_editable_set_text (search, "");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 4, 5000);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "4 city plans");
  /* Escape (the entry's stop-search) clears it. */
  gtk_editable_set_text (search, "liverpool");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 1, 5000);
  g_signal_emit_by_name (search, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  WAIT_FOR (ccp_source_table_get_n_rows (table) == 4, 5000);

  fixture_tear_down (&fixture);
  g_unlink (newer_path);
  ccp_test_remove_tree (dir);
}

/* --- Merge report ------------------------------------------------------------------------------- */

static void
test_report (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  CcpMergeReportView *view;
  CcpFieldPlan *field_plan;
  GListModel *report;
  guint missing = 0, joint = 0;
  GPtrArray *lines;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  view = ccp_workspace_get_report_view (fixture.workspace);
  field_plan = ccp_workspace_get_field_plan (fixture.workspace);
  report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

      if (g_str_equal (ccp_report_item_get_kind (item), "missing"))
        missing++;
      if (g_str_equal (ccp_report_item_get_kind (item), "joint"))
        joint++;
    }
  g_assert_cmpuint (missing, >, 0);
  g_assert_cmpuint (joint, >, 0);

  /* The roster's cities with no plan: one list naming each of them. */
  lines = ccp_merge_report_view_get_lines (view, "missing");
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "Abu Dhabi (AE)"));
  g_assert_null (strstr (g_ptr_array_index (lines, 0), "Bologna"));
  lines = ccp_merge_report_view_get_lines (view, "joint");
  g_assert_cmpuint (lines->len, ==, joint);
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "Bologna"));

  fixture_tear_down (&fixture);
}

/* --- Activities: sorting and filters ----------------------------------------------------------- */

static guint
count_matching (CcpFieldPlan *field_plan,
                gboolean    (*match) (CcpActivity *activity, const char *code),
                const char   *code)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      if (match (activity, code))
        n++;
    }
  return n;
}

static gboolean
runs_in (CcpActivity *activity,
         const char  *city)
{
  g_autofree char *cities = ccp_activity_cities_text (activity);

  return strstr (cities, city) != NULL;
}

static gboolean
has_sdg (CcpActivity *activity,
         const char  *sdg)
{
  return ccp_activity_has_code (ccp_activity_get_sdgs (activity), sdg);
}

static gboolean
is_flagship (CcpActivity *activity,
             const char  *unused)
{
  return ccp_activity_get_flagship (activity);
}

static gboolean
in_month (CcpActivity *activity,
          const char  *month)
{
  /* Months of the examples: an activity overlaps the month when it starts before its end and
   * ends after its start (ISO dates compare as strings). */
  g_autofree char *first = g_strdup_printf ("%s-01", month);
  g_autofree char *last = g_strdup_printf ("%s-31", month);

  return strcmp (ccp_activity_get_start_date (activity), last) <= 0 &&
         strcmp (ccp_activity_get_end_date (activity), first) >= 0;
}

/* The preferences group titled title under widget, or NULL. */
static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  return ccp_gui_find (widget, is_group_titled, title);
}

static void
test_activities (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  CcpActivityTable *table;
  CcpFieldPlan *field_plan;
  guint total, expected;
  const char *word;
  g_autofree char *title_word = NULL;
  GtkWindow *view;
  gboolean joint_seen = FALSE;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  table = ccp_workspace_get_activity_table (fixture.workspace);
  field_plan = ccp_workspace_get_field_plan (fixture.workspace);
  total = g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)));
  g_assert_cmpuint (total, >, 3);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, total);

  /* Sorting by title, both ways, by start date. */
  ccp_activity_table_sort_by (table, "title", GTK_SORT_ASCENDING);
  for (guint i = 1; i < total; i++)
    g_assert_cmpint (g_utf8_collate (
                       ccp_activity_get_title (ccp_activity_table_get_visible (table, i - 1)),
                       ccp_activity_get_title (ccp_activity_table_get_visible (table, i))),
                     <=, 0);
  ccp_activity_table_sort_by (table, "title", GTK_SORT_DESCENDING);
  for (guint i = 1; i < total; i++)
    g_assert_cmpint (g_utf8_collate (
                       ccp_activity_get_title (ccp_activity_table_get_visible (table, i - 1)),
                       ccp_activity_get_title (ccp_activity_table_get_visible (table, i))),
                     >=, 0);
  ccp_activity_table_sort_by (table, "start", GTK_SORT_ASCENDING);
  for (guint i = 1; i < total; i++)
    g_assert_cmpstr (ccp_activity_get_start_date (ccp_activity_table_get_visible (table, i - 1)),
                     <=,
                     ccp_activity_get_start_date (ccp_activity_table_get_visible (table, i)));

  /* Filters: each lets through exactly the matching activities. */
  expected = count_matching (field_plan, runs_in, "Bologna");
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, "Bologna"));
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, expected);
  g_assert_cmpuint (expected, <, total);
  for (guint i = 0; i < expected; i++)
    g_assert_true (runs_in (ccp_activity_table_get_visible (table, i), "Bologna"));

  /* Combined with an SDG. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, "11"));
  ccp_activity_table_flush (table);
  for (guint i = 0; i < ccp_activity_table_get_n_visible (table); i++)
    g_assert_true (has_sdg (ccp_activity_table_get_visible (table, i), "11"));
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, NULL));
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_matching (field_plan, has_sdg, "11"));
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, NULL));
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, total);

  /* Month. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_MONTH, "2027-03"));
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_matching (field_plan, in_month, "2027-03"));
  g_assert_false (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_MONTH, "2027-09"));
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_MONTH, NULL));
  ccp_activity_table_flush (table);

  /* Flagship, through its toggle button. */
  gtk_toggle_button_set_active (ccp_activity_table_get_flagship_button (table), TRUE);
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_matching (field_plan, is_flagship, NULL));
  gtk_toggle_button_set_active (ccp_activity_table_get_flagship_button (table), FALSE);
  ccp_activity_table_flush (table);

  /* Kind: the first activity's kind. */
  {
    g_autoptr(CcpActivity) first = g_list_model_get_item (
      G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)), 0);
    const char *kind = ccp_activity_get_kind (first);
    guint n = 0;

    g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_KIND, kind));
    ccp_activity_table_flush (table);
    for (guint i = 0; i < total; i++)
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (
          G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)), i);

        n += g_str_equal (ccp_activity_get_kind (activity), kind);
      }
    g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, n);
    g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_KIND, NULL));
    ccp_activity_table_flush (table);
  }

  /* Text search (the search entry filters after its own short delay). */
  word = ccp_activity_get_title (ccp_activity_table_get_visible (table, 0));
  title_word = g_utf8_strdown (word, -1);
  gtk_editable_set_text (ccp_activity_table_get_search_entry (table), title_word);
  WAIT_FOR (ccp_activity_table_get_n_visible (table) < total, 5000);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), >=, 1);
  gtk_editable_set_text (ccp_activity_table_get_search_entry (table), "zzz-no-such-activity");
  WAIT_FOR (ccp_activity_table_get_n_visible (table) == 0, 5000);
  gtk_editable_set_text (ccp_activity_table_get_search_entry (table), "");
  WAIT_FOR (ccp_activity_table_get_n_visible (table) == total, 5000);

  /* An activity opens read-only, with a button to open its city's plan. */
  view = ccp_activity_table_show_activity (table, ccp_activity_table_get_visible (table, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_window_get_modal (view));
  gtk_window_destroy (view);

  /* A joint activity lists each city's contribution, and the conflict between the cities. */
  for (guint i = 0; i < ccp_activity_table_get_n_visible (table); i++)
    {
      CcpActivity *activity = ccp_activity_table_get_visible (table, i);

      if (*ccp_activity_get_joint_ref (activity) == '\0')
        continue;
      view = ccp_activity_table_show_activity (table, activity);
      g_assert_nonnull (find_group (GTK_WIDGET (view), "Contribution of Bologna"));
      g_assert_nonnull (find_group (GTK_WIDGET (view), "Contribution of Liverpool"));
      g_assert_nonnull (find_group (GTK_WIDGET (view), "Conflicts Between the Cities"));
      /* The coordinator keeps Liverpool's title: recorded in the field plan, window closed. */
      {
        GtkWidget *keep = ccp_gui_find_button (GTK_WIDGET (view), "_Keep This Value");
        g_autoptr(GtkWindow) watched = g_object_ref (view);

        g_assert_nonnull (keep);
        g_signal_emit_by_name (keep, "clicked");
        g_assert_cmpuint (ccp_field_plan_get_n_choices (field_plan), ==, 1);
        g_assert_cmpstr (ccp_field_plan_get_choice (field_plan, 0)[2], ==, "Liverpool");
        g_assert_cmpstr (ccp_activity_get_title (activity), ==,
                         "Liverpool-Bologna Songwriting Exchange");
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (watched)));
      }
      joint_seen = TRUE;
      break;
    }
  g_assert_true (joint_seen);

  fixture_tear_down (&fixture);
}

/* --- Charts: accessible descriptions with the numbers ----------------------------------------- */

static void
test_charts (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autoptr(CcpStats) stats = NULL;
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  CcpOverviewChart *chart;
  GPtrArray *rows;
  const char *description;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  stats = ccp_stats_new_for_field_plan (ccp_workspace_get_field_plan (fixture.workspace));

  chart = ccp_workspace_get_chart (fixture.workspace, CCP_OVERVIEW_CHART_OBJECTIVES);
  description = ccp_overview_chart_get_description (chart);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  rows = ccp_stats_get_counts (stats, CCP_STATS_OBJECTIVE);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *count = g_ptr_array_index (rows, i);
      g_autofree char *expected =
        g_strdup_printf ("%s. %s: %u activit", count->key,
                         ccp_vocabulary_get_short_label (vocabulary, "objective", count->key),
                         count->count);

      g_assert_nonnull (strstr (description, expected));
    }

  chart = ccp_workspace_get_chart (fixture.workspace, CCP_OVERVIEW_CHART_AREAS);
  description = ccp_overview_chart_get_description (chart);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  rows = ccp_stats_get_counts (stats, CCP_STATS_AREA);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *count = g_ptr_array_index (rows, i);
      g_autofree char *expected = g_strdup_printf ("%s. %s: %u activit", count->key,
        ccp_vocabulary_get_short_label (vocabulary, "area", count->key), count->count);

      g_assert_nonnull (strstr (description, expected));
    }

  chart = ccp_workspace_get_chart (fixture.workspace, CCP_OVERVIEW_CHART_SDGS);
  description = ccp_overview_chart_get_description (chart);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  rows = ccp_stats_get_counts (stats, CCP_STATS_SDG);
  g_assert_cmpuint (rows->len, ==, 17);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *count = g_ptr_array_index (rows, i);
      g_autofree char *expected = g_strdup_printf ("SDG %s (%s): %u activit", count->key,
        ccp_vocabulary_get_short_label (vocabulary, "sdg", count->key), count->count);

      g_assert_nonnull (strstr (description, expected));
    }

  /* Timeline: each city, with the months of the period. */
  chart = ccp_workspace_get_chart (fixture.workspace, CCP_OVERVIEW_CHART_TIMELINE);
  description = ccp_overview_chart_get_description (chart);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  {
    g_autoptr(GPtrArray) cities = NULL;
    g_autoptr(GArray) counts = NULL;
    g_autoptr(GPtrArray) months = ccp_overview_timeline_counts (
      ccp_workspace_get_field_plan (fixture.workspace), &cities, &counts);
    guint sum = 0, month_total = 0;

    g_assert_cmpuint (months->len, ==, 6);
    g_assert_cmpstr (g_ptr_array_index (months, 0), ==, "2027-01");
    g_assert_cmpuint (cities->len, ==, 3);
    for (guint c = 0; c < cities->len; c++)
      g_assert_nonnull (strstr (description, g_ptr_array_index (cities, c)));
    for (guint i = 0; i < counts->len; i++)
      sum += g_array_index (counts, guint, i);
    /* A joint activity counts for each of its cities; the stats count it once. */
    rows = ccp_stats_get_counts (stats, CCP_STATS_MONTH);
    for (guint i = 0; i < rows->len; i++)
      month_total += ((CcpStatsCount *) g_ptr_array_index (rows, i))->count;
    g_assert_cmpuint (sum, >=, month_total);
  }

  chart = ccp_workspace_get_chart (fixture.workspace, CCP_OVERVIEW_CHART_BUDGET);
  description = ccp_overview_chart_get_description (chart);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  rows = ccp_stats_get_budgets (stats);
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsBudget *budget = g_ptr_array_index (rows, i);
      g_autofree char *total = ccp_stats_format_cents (budget->cents);
      g_autofree char *expected = g_strdup_printf ("%s %s in %u activit", budget->currency,
                                                   total, budget->activities);

      g_assert_nonnull (strstr (description, expected));
    }

  fixture_tear_down (&fixture);
}

/* --- Cancelling a long merge ---------------------------------------------------------------------- */

static char *last_reading;

static void
progress_notify_cb (CcpWorkspace *workspace)
{
  const char *text = ccp_workspace_get_progress_text (workspace);

  /* Reading starts as "Looking for plans…" until the first progress tick (100 ms) counts
   * the files: a short reading never says "Reading". */
  if (text != NULL && (g_str_has_prefix (text, "Reading") || g_str_has_prefix (text, "Looking")))
    {
      g_free (last_reading);
      last_reading = g_strdup (text);
    }
}

static void
test_cancel (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-many-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GListStore) many = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270101);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  CcpFieldPlan *field_plan;
  guint n_rows, n_activities;

  /* 40 activities each (was 12): the reading, which no longer parses a file twice to find
   * its issues' lines, must last a few progress ticks (100 ms) to be cancelled. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1", 40);
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
      g_assert_no_error (error);
    }

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  field_plan = ccp_workspace_get_field_plan (fixture.workspace);
  before = ccp_writer_write_field_plan (field_plan);
  n_rows = ccp_source_table_get_n_rows (ccp_workspace_get_source_table (fixture.workspace));
  n_activities = ccp_activity_table_get_n_visible (
    ccp_workspace_get_activity_table (fixture.workspace));

  g_signal_connect (fixture.workspace, "notify::progress-text",
                    G_CALLBACK (progress_notify_cb), NULL);
  g_list_store_append (many, folder);
  g_assert_true (ccp_workspace_add_files (fixture.workspace, G_LIST_MODEL (many)));
  g_assert_true (ccp_workspace_get_busy (fixture.workspace));
  /* No second run while one is going. */
  g_assert_false (ccp_workspace_add_files (fixture.workspace, files));
  WAIT_FOR (last_reading != NULL, 20000);
  g_assert_true (ccp_workspace_get_busy (fixture.workspace));

  /* The user clicks Cancel. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.workspace), "workspace.cancel", NULL);
  g_assert_false (ccp_workspace_get_busy (fixture.workspace));
  g_assert_true (ccp_workspace_get_field_plan (fixture.workspace) == field_plan);

  /* The thread runs to its end; its result is ignored. */
  WAIT_FOR (ccp_workspace_get_n_pending (fixture.workspace) == 0, 120000);
  spin (100);
  g_assert_true (ccp_workspace_get_field_plan (fixture.workspace) == field_plan);
  after = ccp_writer_write_field_plan (ccp_workspace_get_field_plan (fixture.workspace));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (ccp_source_table_get_n_rows (ccp_workspace_get_source_table (
                      fixture.workspace)), ==, n_rows);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (
                      ccp_workspace_get_activity_table (fixture.workspace)), ==, n_activities);

  /* And the workspace still works. */
  ccp_gui_add_and_wait (fixture.workspace, G_LIST_MODEL (many));
  g_assert_cmpuint (ccp_source_table_get_n_rows (ccp_workspace_get_source_table (
                      fixture.workspace)), >, n_rows);

  fixture_tear_down (&fixture);
  g_clear_pointer (&last_reading, g_free);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  ccp_test_remove_tree (dir);
}

/* --- Exports and PDF ----------------------------------------------------------------------------- */

static void
test_exports (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-ws-XXXXXX", NULL);
  const char *names[] = { "plan.csv", "plan.html", "plan.pdf" };
  g_autoptr(GError) error = NULL;
  GObject *document;

  fixture_set_up (&fixture);
  ccp_gui_add_and_wait (fixture.workspace, files);
  document = G_OBJECT (ccp_workspace_get_field_plan (fixture.workspace));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) written = NULL;

      if (i < 2)
        {
          CcpExportFormat format = i == 0 ? CCP_EXPORT_FORMAT_CSV : CCP_EXPORT_FORMAT_HTML;
          g_autoptr(GBytes) expected = ccp_export (document, format);

          g_assert_true (ccp_workspace_export_to_file (fixture.workspace, format, file, &error));
          g_assert_no_error (error);
          written = ccp_gui_read_bytes (path);
          g_assert_true (g_bytes_equal (written, expected));
        }
      else
        {
          g_assert_true (ccp_workspace_print (fixture.workspace, file, &error));
          g_assert_no_error (error);
          written = ccp_gui_read_bytes (path);
          g_assert_cmpuint (g_bytes_get_size (written), >, 1000);
          g_assert_true (memcmp (g_bytes_get_data (written, NULL), "%PDF", 4) == 0);
        }
      g_unlink (path);
    }

  fixture_tear_down (&fixture);
  ccp_test_remove_tree (dir);
}

/* --- An opened field plan: merged into ------------------------------------------------------------ */

static void
test_open_field_plan (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
  guint revision;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  revision = ccp_field_plan_get_revision (CCP_FIELD_PLAN (document));
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  ccp_workspace_set_field_plan (workspace, CCP_FIELD_PLAN (document), file);
  g_assert_false (ccp_workspace_get_modified (workspace));
  g_assert_true (ccp_workspace_get_file (workspace) == file);

  /* Merging the plans it was made of again changes nothing. */
  ccp_gui_add_and_wait (workspace, files);
  g_assert_cmpuint (ccp_field_plan_get_revision (ccp_workspace_get_field_plan (workspace)), ==,
                    revision);
  g_assert_false (ccp_workspace_get_modified (workspace));

  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  gtk_window_destroy (window);
}

/* --- Files dropped on the workspace --------------------------------------------------------- */

static void
test_drop_files (void)
{
  Fixture fixture;
  g_autoptr(GListModel) files = ccp_gui_example_files ();
  GdkFileList *file_list;
  GSList *list = NULL;
  CcpFieldPlan *field_plan;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    list = g_slist_append (list, g_list_model_get_item (files, i));
  file_list = gdk_file_list_new_from_list (list);
  g_slist_free_full (list, g_object_unref);

  fixture_set_up (&fixture);
  /* What the drop target's handler calls: all the dropped plans are read and merged. */
  g_assert_true (ccp_workspace_drop_files (fixture.workspace, file_list));
  g_assert_true (ccp_workspace_get_busy (fixture.workspace));
  /* A second drop while the first merge runs does nothing. */
  g_assert_false (ccp_workspace_drop_files (fixture.workspace, file_list));
  WAIT_FOR (!ccp_workspace_get_busy (fixture.workspace), 60000);
  field_plan = ccp_workspace_get_field_plan (fixture.workspace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      ccp_field_plan_get_sources (field_plan))), ==, G_N_ELEMENTS (ccp_gui_example_names));
  g_assert_cmpuint (ccp_source_table_get_n_rows (ccp_workspace_get_source_table (
                      fixture.workspace)), ==, G_N_ELEMENTS (ccp_gui_example_names));
  g_assert_true (ccp_workspace_get_modified (fixture.workspace));

  fixture_tear_down (&fixture);
  g_boxed_free (GDK_TYPE_FILE_LIST, file_list);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/workspace/templates", test_templates);
  g_test_add_func ("/workspace/same-as-cli", test_same_as_cli);
  g_test_add_func ("/workspace/sources", test_sources);
  g_test_add_func ("/workspace/report", test_report);
  g_test_add_func ("/workspace/activities", test_activities);
  g_test_add_func ("/workspace/charts", test_charts);
  g_test_add_func ("/workspace/cancel", test_cancel);
  g_test_add_func ("/workspace/exports", test_exports);
  g_test_add_func ("/workspace/open-field-plan", test_open_field_plan);
  g_test_add_func ("/workspace/drop-files", test_drop_files);

  return g_test_run ();
}
