/* What got in the way of people trying the editor and the workspace (issue 17), and the GUI's
 * share of issue 15: the plan's status in the header and what Mark as Final says; the city
 * suggestions readable; the revision limit; never saving over a file that is open or merged;
 * plan text isolated in our labels. */
#define G_LOG_DOMAIN "test-gui-trials"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ccp-activity-editor.h"
#include "ccp-activity-table.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-partner-row.h"
#include "ccp-plan-editor.h"
#include "ccp-source-table.h"
#include "ccp-validation-panel.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

typedef CcpGuiFileFixture Fixture;

/* With CCP_TRIALS_SHOTS=DIR, renders a widget to DIR/name-LANGUAGE.png, to look at. */
#define SAVE_SHOT(widget, name) ccp_gui_save_shot ((widget), "CCP_TRIALS_SHOTS", (name), 200)

static const char *
plan_status_text (CcpWindow *window)
{
  GtkWidget *label = ccp_gui_find_with_class (GTK_WIDGET (window), "plan-status");

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* 17.1: the header says Draft or Final; Mark as Final with errors says why it cannot (and shows
 * the problems); an edit that makes a final plan's save a draft is told before saving. */
static void
test_final_status (Fixture       *f,
                   gconstpointer  data)
{
  CcpWindow *window;
  CcpPlan *plan;
  GtkWidget *panel;
  g_autofree char *contents = NULL;

  ccp_gui_write_example (f->path, "status=\"final\"", "status=\"draft\"");
  window = ccp_gui_open_window (f->file);
  plan = ccp_window_get_plan (window);
  g_assert_cmpstr (plan_status_text (window), ==, "Draft");

  /* With an error: a toast says why, and the problems panel opens. */
  ccp_plan_set_focal_point_email (plan, "not an email");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-final", NULL));
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (ccp_window_get_last_toast (window), ==,
                   "Cannot mark as final: 1 error remains");
  SAVE_SHOT (GTK_WIDGET (window), "cannot-mark-final");
  panel = ccp_gui_find_of_type (GTK_WIDGET (window), CCP_TYPE_VALIDATION_PANEL);
  WAIT_FOR (gtk_widget_get_mapped (panel), 2000);

  /* Fixed: it is marked final and saved; the header says so. */
  ccp_plan_set_focal_point_email (plan, "chiara.benedetti@example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-final", NULL));
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_FINAL);
  g_assert_cmpstr (plan_status_text (window), ==, "Final");
  SAVE_SHOT (GTK_WIDGET (window), "final-status");

  /* An error in a final plan: told before saving, and the header says Draft after it. */
  ccp_plan_set_focal_point_email (plan, "broken@");
  g_assert_cmpstr (ccp_window_get_last_toast (window), ==,
                   "This plan is final: saving it with errors makes it a draft again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpstr (plan_status_text (window), ==, "Draft");
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "status=\"draft\""));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 15.3: a plan at the highest revision is not saved again (its revision would wrap to 0). */
static void
test_revision_limit (Fixture       *f,
                     gconstpointer  data)
{
  CcpWindow *window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ccp_gui_write_example (f->path, "revision=\"3\"", "revision=\"2147483647\"");
  before = ccp_gui_read_file (f->path);
  window = ccp_gui_open_window (f->file);
  g_assert_cmpuint (ccp_plan_get_revision (ccp_window_get_plan (window)), ==, 2147483647);
  ccp_plan_set_city (ccp_window_get_plan (window), "Bologna!");
  g_assert_false (ccp_window_save_to_file (window, f->file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "2147483647"));
  g_assert_cmpuint (ccp_plan_get_revision (ccp_window_get_plan (window)), ==, 2147483647);
  after = ccp_gui_read_file (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ccp_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
created_cb (CcpNewFieldPlanDialog *dialog,
            CcpWorkspace          *workspace)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  ccp_workspace_set_new_field_plan (workspace, field_plan);
}

/* 15.1: Save As of a city plan over a file open in another window, and a field plan's save over
 * one of the city plans it merged, are refused; the files stay as they were. */
static void
test_no_save_over_open_files (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.xml", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *link_path = g_build_filename (f->dir, "link.xml", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CcpWindow *first, *second;
  GtkWindow *window;
  CcpWorkspace *workspace;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  ccp_gui_write_example (f->path, NULL, NULL);
  ccp_gui_write_example (other_path, "Bologna", "Bolonia");
  g_assert_cmpint (symlink ("plan.xml", link_path), ==, 0);
  before = ccp_gui_read_file (f->path);
  first = ccp_gui_open_window (f->file);
  second = ccp_gui_open_window (other);

  /* Through a link too. */
  g_assert_false (ccp_window_save_to_file (second, link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  after = ccp_gui_read_file (f->path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  spin (50);

  /* A workspace that merged plan.xml does not save over it. */
  window = GTK_WINDOW (gtk_window_new ());
  workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  ccp_gui_test_new_field_plan (window, workspace);
  g_list_store_append (files, f->file);
  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);
  g_assert_true (ccp_workspace_uses_file (workspace, link));
  g_assert_false (ccp_workspace_save_to_file (workspace, link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  /* Nor export over it. */
  g_assert_false (ccp_workspace_export_to_file (workspace, CCP_EXPORT_FORMAT_CSV, link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = ccp_gui_read_file (f->path);
  g_assert_cmpstr (after, ==, before);

  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  gtk_window_destroy (window);
  spin (50);
}

/* 17.2: the suggestions of the City field are wide enough to read. */
static void
test_city_suggestions_readable (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GtkWidget *city, *list, *row;

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  city = ccp_plan_editor_get_input (editor, "city");
  WAIT_FOR (gtk_widget_get_mapped (city), 5000);
  gtk_widget_grab_focus (city);
  gtk_editable_set_text (GTK_EDITABLE (city), "Katow");
  WAIT_FOR (ccp_city_entry_get_suggestions_shown (CCP_CITY_ENTRY (city)), 3000);
  spin (100);

  list = ccp_gui_find_with_class (GTK_WIDGET (window), "city-suggestions");
  if (list == NULL)
    {
      /* The popover is a native of its own: look there. */
      GtkWidget *popover = ccp_gui_find_of_type (city, GTK_TYPE_POPOVER);

      g_assert_nonnull (popover);
      list = ccp_gui_find_with_class (popover, "city-suggestions");
    }
  g_assert_nonnull (list);
  WAIT_FOR (gtk_widget_get_width (list) > 0, 2000);
  SAVE_SHOT (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER), "city-suggestions");
  g_assert_cmpint (gtk_widget_get_width (list), >=, 200);
  row = ccp_gui_find_of_type (list, GTK_TYPE_LABEL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row)), ==, "Katowice (Poland) · Music");
  /* The whole text fits: nothing ellipsized. */
  {
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (row));

    g_assert_false (pango_layout_is_ellipsized (layout));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_rule (CcpPlanEditor *editor,
            const char    *rule)
{
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    if (g_strcmp0 (ccp_issue_get_rule (g_ptr_array_index (issues, i)), rule) == 0)
      n++;
  return n;
}

/* 17.3: the mistakes example's duplicate identifier leads to the identifier, which New
 * Identifier fixes (both activities' issues go), and Save As writes two identifiers. */
static void
test_duplicate_identifier (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *mistakes = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), "mistakes",
                                                "mannheim-music-2027-h1-mistakes.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (mistakes);
  CcpWindow *window = ccp_gui_open_window (file);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);
  CcpActivityEditor *page;
  const char *path = NULL;
  GtkWidget *input, *focus;
  g_autofree char *contents = NULL;
  CcpActivity *activity;

  g_assert_cmpuint (count_rule (editor, "activity-id-duplicate"), ==, 2);
  for (guint i = 0; i < issues->len && path == NULL; i++)
    if (g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)), "activity-id-duplicate"))
      path = ccp_issue_get_path (g_ptr_array_index (issues, i));
  g_assert_true (g_str_has_suffix (path, "/id"));

  /* The issue leads to the identifier, which shows the message. */
  g_assert_true (ccp_plan_editor_focus_path (editor, path));
  page = ccp_plan_editor_get_activity_editor (editor);
  input = ccp_activity_editor_get_input (page, "id");
  g_assert_nonnull (input);
  spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && (focus == input || gtk_widget_is_ancestor (focus, input)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "a2");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (input)), ==,
                   "Activity identifier");

  /* New Identifier: a fresh one, and neither activity is flagged any more. */
  activity = ccp_activity_editor_get_activity (page);
  g_assert_true (gtk_widget_activate_action (input, "editor.new-activity-id", NULL));
  g_assert_cmpstr (ccp_activity_get_id (activity), !=, "a2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==,
                   ccp_activity_get_id (activity));
  g_assert_true (ccp_plan_find_activity (ccp_window_get_plan (window), "a2") != activity);
  g_assert_cmpuint (count_rule (editor, "activity-id-duplicate"), ==, 0);

  /* Typing the old one back makes the clash again, on both. */
  gtk_editable_set_text (GTK_EDITABLE (input), "a2");
  g_assert_cmpuint (count_rule (editor, "activity-id-duplicate"), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (input), "a2-exhibition");
  g_assert_cmpuint (count_rule (editor, "activity-id-duplicate"), ==, 0);

  g_assert_true (ccp_window_save_as_file (window, f->file));
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "id=\"a2-exhibition\""));
  g_assert_nonnull (strstr (contents, "id=\"a2\""));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 17.12: Copy is disabled while the reference is empty; New makes one that is valid. */
static void
test_joint_reference (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  CcpActivityEditor *page;
  CcpActivity *activity;
  GtkWidget *input, *copy;

  ccp_plan_set_period (plan, "2027-H1");
  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  activity = ccp_plan_editor_add_activity (editor);
  page = ccp_plan_editor_get_activity_editor (editor);
  input = ccp_activity_editor_get_input (page, "joint-ref");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "");
  copy = ccp_gui_find_action_button (GTK_WIDGET (page), "activity.copy-joint-ref");
  g_assert_nonnull (copy);
  g_assert_false (gtk_widget_get_sensitive (copy));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activity.new-joint-ref", NULL));
  g_assert_true (g_str_has_prefix (ccp_activity_get_joint_ref (activity), "joint-"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==,
                   ccp_activity_get_joint_ref (activity));
  g_assert_cmpuint (count_rule (editor, "joint-ref-invalid"), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (copy));
  if (g_getenv ("CCP_TRIALS_SHOTS") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
      gtk_widget_grab_focus (input);
      WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) > 0, 5000);
      SAVE_SHOT (GTK_WIDGET (window), "joint-reference");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A workspace in its own window with a new music 2027-H1 field plan. */
static CcpWorkspace *
new_workspace (GtkWindow **out_window)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  ccp_gui_test_new_field_plan (window, workspace);
  *out_window = window;
  return workspace;
}

/* 17.4: the Details popover of a refused source shows the whole reason, not only the name. */
static void
test_refused_details (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir,
                                            "mannheim-music-2027-h1-sent-again-by-email.xml",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkWindow *window;
  CcpWorkspace *workspace = new_workspace (&window);
  g_autofree char *liverpool_path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                      "liverpool-music-2027-h1.xml", NULL);
  g_autoptr(GFile) liverpool = g_file_new_for_path (liverpool_path);
  CcpSourceTable *table;
  guint row;
  GtkWidget *button, *popover, *label;
  int width, minimum, natural;

  /* Another period: refused by the merge. */
  ccp_gui_write_example (path, "<period>2027-H1</period>", "<period>2027-H2</period>");
  g_list_store_append (files, file);
  g_list_store_append (files, liverpool);
  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);
  table = ccp_workspace_get_source_table (workspace);
  g_assert_cmpuint (ccp_source_table_get_n_rows (table), ==, 2);
  for (row = 0; row < 2; row++)
    if (ccp_source_get_status (ccp_source_table_get_row (table, row)) ==
        CCP_SOURCE_STATUS_REFUSED)
      break;
  g_assert_cmpuint (row, <, 2);

  /* The row's Details button (rows of the column view are in the model's order here; they
   * come in a chunk per frame once the table is on screen: its page is shown). */
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (table), ADW_TYPE_VIEW_STACK)),
    "sources");
  WAIT_FOR ((button = ccp_gui_find_nth_of_type (GTK_WIDGET (ccp_source_table_get_view (table)),
                                                GTK_TYPE_MENU_BUTTON, row)) != NULL, 5000);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  WAIT_FOR (gtk_widget_get_mapped (popover), 3000);
  label = ccp_gui_find_of_type (popover, GTK_TYPE_LABEL);
  WAIT_FOR (gtk_widget_get_width (label) > 0, 2000);
  spin (100);
  SAVE_SHOT (popover, "refused-details");

  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "sent-again-by-email"));
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >,
                    strlen ("mannheim-music-2027-h1-sent-again-by-email.xml") + 10);
  /* Wide enough for words, and tall enough for all its lines at that width. */
  width = gtk_widget_get_width (label);
  g_assert_cmpint (width, >=, 250);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (label), >=, minimum);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  gtk_window_destroy (window);
  spin (50);
}

/* 17.7: the activity shortcuts work wherever the focus is (a global shortcut controller). */
static void
test_global_shortcuts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GListModel *controllers;
  gboolean found = FALSE;

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  editor = ccp_window_get_editor (window);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) !=
          GTK_SHORTCUT_SCOPE_GLOBAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
                                       gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "<Shift><Control>n"))
            found = TRUE;
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 17.5 and 17.6: info issues are counted as info in the header, drawn as info in the panel and
 * the form (not as warnings); the header and the panel change together. */
static void
test_severities (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GtkWidget *panel, *input;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *before = NULL;
  gboolean found = FALSE;
  guint total;

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  WAIT_FOR (ccp_plan_editor_get_n_infos (editor) > 0, 2000);
  WAIT_FOR (strstr (ccp_window_get_status_text (window), " info") != NULL, 2000);
  g_assert_nonnull (strstr (ccp_window_get_status_text (window), "1 info"));

  /* The panel: the representative's info row has the info icon. */
  panel = ccp_gui_find_of_type (GTK_WIDGET (window), CCP_TYPE_VALIDATION_PANEL);
  ccp_gui_collect_of_type (panel, GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpIssue *issue = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "issue");
      GtkWidget *image;

      if (issue == NULL || ccp_issue_get_severity (issue) != CCP_SEVERITY_INFO)
        continue;
      image = ccp_gui_find_of_type (g_ptr_array_index (rows, i), GTK_TYPE_IMAGE);
      g_assert_true (gtk_widget_has_css_class (image, "info"));
      g_assert_false (gtk_widget_has_css_class (image, "warning"));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==,
                       "dialog-information-symbolic");
      found = TRUE;
    }
  g_assert_true (found);

  /* The form: the message is shown, the input is neither a warning nor an error. */
  input = ccp_plan_editor_get_input (editor, "representative-name");
  g_assert_nonnull (strstr (ccp_plan_editor_get_message (editor, "representative-name"),
                            "No political representative"));
  g_assert_false (gtk_widget_has_css_class (input, "warning"));
  g_assert_false (gtk_widget_has_css_class (input, "error"));

  /* An edit: when the header changes, the panel lists what the header counts. */
  before = g_strdup (ccp_window_get_status_text (window));
  ccp_plan_set_focal_point_email (plan, "not an email");
  WAIT_FOR (g_strcmp0 (ccp_window_get_status_text (window), before) != 0, 2000);
  total = ccp_plan_editor_get_n_errors (editor) + ccp_plan_editor_get_n_warnings (editor) +
          ccp_plan_editor_get_n_infos (editor);
  g_assert_cmpuint (ccp_validation_panel_get_n_rows (CCP_VALIDATION_PANEL (panel)), ==, total);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 15.6: plan text in our sentences is isolated (U+2068 ... U+2069): an unclosed U+202E in it
 * cannot reverse the rest of the label. */
static void
test_bidi_isolation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autofree char *section = NULL;
  g_autofree char *unknown = NULL;

  ccp_activity_set_title (activity, "Bologna\u202e");
  ccp_item_list_append (ccp_plan_get_activities (plan), activity);
  section = ccp_validation_panel_section_for (plan, "activities/0/title");
  g_assert_cmpstr (section, ==, "Activity 1: \u2068Bologna\u202e\u2069");

  unknown = ccp_choices_get_label ("kind", "odd\u202e");
  g_assert_cmpstr (unknown, ==, "“\u2068odd\u202e\u2069” (not a known value)");
}

/* Runs the shortcut of widget's controllers whose trigger is trigger_text; TRUE if one ran. */
static gboolean
run_shortcut (GtkWidget  *widget,
              const char *trigger_text)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean ran = FALSE;

  for (guint i = 0; !ran && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
                                       gtk_shortcut_get_trigger (shortcut));

          if (!ran && g_str_equal (trigger, trigger_text))
            ran = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                NULL);
        }
    }
  g_object_unref (controllers);
  return ran;
}

/* 17.8: Escape in the New Field Plan dialog asks before losing what was typed (and closes at
 * once when nothing was); Escape closes the activity-detail window. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
  CcpNewFieldPlanDialog *dialog;
  GtkWidget *weak;
  AdwMessageDialog *question;
  g_autofree char *example = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                               "bologna-music-2027-h1.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  CcpActivityTable *table;
  GtkWindow *detail;

  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);

  /* Typed: Escape asks; Keep Editing keeps it. */
  dialog = ccp_new_field_plan_dialog_new (window);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  gtk_editable_set_text (GTK_EDITABLE (ccp_gui_find_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)),
                         "Chiara Benedetti");
  g_assert_true (run_shortcut (GTK_WIDGET (dialog), "Escape"));
  WAIT_FOR ((question = find_message_dialog (GTK_WINDOW (dialog))) != NULL, 2000);
  g_assert_nonnull (weak);
  adw_message_dialog_response (question, "keep");
  gtk_window_destroy (GTK_WINDOW (question));
  spin (50);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (weak));

  /* Discard closes it. */
  g_assert_true (run_shortcut (GTK_WIDGET (dialog), "Escape"));
  WAIT_FOR ((question = find_message_dialog (GTK_WINDOW (dialog))) != NULL, 2000);
  adw_message_dialog_response (question, "discard");
  WAIT_FOR (weak == NULL, 2000);

  /* Nothing typed: Escape closes at once. */
  dialog = ccp_new_field_plan_dialog_new (window);
  g_signal_connect (dialog, "done", G_CALLBACK (created_cb), workspace);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_true (run_shortcut (GTK_WIDGET (dialog), "Escape"));
  WAIT_FOR (weak == NULL, 2000);
  g_assert_null (find_message_dialog (window));

  /* The activity-detail window. */
  dialog = ccp_new_field_plan_dialog_new (window);
  g_signal_connect (dialog, "done", G_CALLBACK (created_cb), workspace);
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  ccp_new_field_plan_dialog_set_period (dialog, "2027-H1");
  ccp_new_field_plan_dialog_respond (dialog);
  g_list_store_append (files, file);
  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);
  table = ccp_workspace_get_activity_table (workspace);
  detail = ccp_activity_table_show_activity (table, ccp_activity_table_get_visible (table, 0));
  weak = GTK_WIDGET (detail);
  g_object_add_weak_pointer (G_OBJECT (detail), (gpointer *) &weak);
  spin (50);
  g_assert_true (run_shortcut (GTK_WIDGET (detail), "Escape"));
  WAIT_FOR (weak == NULL, 2000);

  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  gtk_window_destroy (window);
  spin (50);
}

/* 17.9: the Description box has no scrolled window of its own, which took the mouse wheel from
 * the page: the nearest scrolled window is the page's. */
static void
test_description_scrolls_page (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  CcpActivityEditor *page;
  GtkWidget *view, *scrolled, *group;

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  editor = ccp_window_get_editor (window);
  ccp_plan_editor_add_activity (editor);
  page = ccp_plan_editor_get_activity_editor (editor);
  view = ccp_gui_find_of_type (ccp_activity_editor_get_input (page, "description"), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  group = gtk_widget_get_ancestor (view, ADW_TYPE_PREFERENCES_GROUP);
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_false (gtk_widget_is_ancestor (scrolled, group));
  g_assert_true (gtk_widget_is_ancestor (group, scrolled));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ccp_gui_collect_of_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* 17.10: searching a long list shows the first match at the top and counts the matches. */
static void
test_search_long_list (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GtkSearchEntry *search;
  GtkAdjustment *adjustment;
  GtkLabel *heading;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autofree char *title = g_strdup_printf (i % 50 == 49 ? "Jazz night %u" : "Workshop %u", i);
      g_autoptr(CcpActivity) activity = ccp_activity_new (id);

      ccp_activity_set_title (activity, title);
      ccp_item_list_append (ccp_plan_get_activities (plan), activity);
    }
  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  search = ccp_plan_editor_get_search_entry (editor);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (
                 ccp_plan_editor_get_activities_view (editor)));
  WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) * 2,
            5000);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  spin (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  heading = find_label_with_prefix (GTK_WIDGET (editor), "Activities (");
  g_assert_cmpstr (gtk_label_get_text (heading), ==, "Activities (200)");
  gtk_editable_set_text (GTK_EDITABLE (search), "jazz");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
              ccp_plan_editor_get_activities_view (editor)))) == 4, 10000);
  spin (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (heading), ==, "Activities (4 of 200)");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  WAIT_FOR (g_strcmp0 (gtk_label_get_text (heading), "Activities (200)") == 0, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 17.7: a new plan starts with the focus in City; opening the problems panel (F9) moves the
 * focus into it. */
static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  GtkWidget *city, *focus, *panel;

  ccp_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  city = ccp_plan_editor_get_input (editor, "city");
  WAIT_FOR ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
            (focus == city || gtk_widget_is_ancestor (focus, city)), 5000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL));
  panel = ccp_gui_find_of_type (GTK_WIDGET (window), CCP_TYPE_VALIDATION_PANEL);
  WAIT_FOR (gtk_widget_get_mapped (panel), 2000);
  /* The panel takes the focus once it is shown: wait for it rather than a fixed time (a
   * loaded machine is slow to map it). */
  WAIT_FOR ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
            gtk_widget_is_ancestor (focus, panel), 5000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* 17.11: a new partner row shows its inline errors at once; an organisation that lacks only
 * its sector has only its sector marked, not its valid name (nor the whole row). */
static void
test_partner_row_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  CcpActivityEditor *page;
  GtkWidget *row, *name, *sector;

  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  ccp_plan_editor_add_activity (editor);
  page = ccp_plan_editor_get_activity_editor (editor);
  g_signal_emit_by_name (ccp_activity_editor_get_add_button (page, "partner-organisations"),
                         "clicked");
  spin (50);
  row = gtk_widget_get_last_child (GTK_WIDGET (ccp_activity_editor_get_list (
                                     page, "partner-organisations")));
  g_assert_true (CCP_IS_PARTNER_ROW (row));
  name = ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "name");
  sector = ccp_partner_row_get_input (CCP_PARTNER_ROW (row), "sector");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_has_css_class (sector, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name), "Conservatorio G. B. Martini");
  spin (50);
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_has_css_class (sector, "error"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_widget_grab_focus (sector);
  SAVE_SHOT (GTK_WIDGET (window), "partner-row");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ccp_gui_file_fixture_set_up, func, ccp_gui_file_fixture_tear_down)
  ADD ("/gui/trials/final-status", test_final_status);
  ADD ("/gui/trials/revision-limit", test_revision_limit);
  ADD ("/gui/trials/no-save-over-open-files", test_no_save_over_open_files);
  ADD ("/gui/trials/city-suggestions-readable", test_city_suggestions_readable);
  ADD ("/gui/trials/duplicate-identifier", test_duplicate_identifier);
  ADD ("/gui/trials/joint-reference", test_joint_reference);
  ADD ("/gui/trials/refused-details", test_refused_details);
  ADD ("/gui/trials/global-shortcuts", test_global_shortcuts);
  ADD ("/gui/trials/severities", test_severities);
  ADD ("/gui/trials/bidi-isolation", test_bidi_isolation);
  ADD ("/gui/trials/escape", test_escape);
  ADD ("/gui/trials/description-scrolls-page", test_description_scrolls_page);
  ADD ("/gui/trials/search-long-list", test_search_long_list);
  ADD ("/gui/trials/focus", test_focus);
  ADD ("/gui/trials/partner-row-errors", test_partner_row_errors);
#undef ADD

  return ccp_gui_test_run (state);
}
