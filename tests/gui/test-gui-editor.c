/* A scripted session through the editor's widgets: fill a plan field by field, see messages
 * come and go, save, and compare the file with the expected one; undo; the close prompt. */
#define G_LOG_DOMAIN "test-gui-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-activity-editor.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-plan-editor.h"
#include "ccp-validation-panel.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

#define PLAN_ID "6f1c2a9e-3b7d-4c55-9a10-2e8f4d6b7c01"

static CcpWindow *
new_window_with_plan (CcpPlan **out_plan)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  CcpWindow *window = ccp_window_new (NULL);

  ccp_plan_set_id (plan, PLAN_ID);
  ccp_window_set_document (window, G_OBJECT (plan), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  if (out_plan != NULL)
    *out_plan = g_object_ref (plan);

  return window;
}

static void
type_text (GtkWidget  *input,
           const char *text)
{
  gtk_widget_grab_focus (input);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
  spin (20);
}

static void
set_buffer (GtkWidget  *view,
            const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  spin (20);
}

static char *
read_normalised (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  regex = g_regex_new ("modified=\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\"",
                       0, 0, NULL);
  return g_regex_replace_literal (regex, contents, -1, 0, "modified=\"MODIFIED\"", 0, NULL);
}

static void
test_session (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window_with_plan (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *activity_editor = ccp_plan_editor_get_activity_editor (editor);
  GtkWidget *input;
  CcpActivity *activity;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint errors_before;

  /* An empty plan has errors, and the header says so. */
  WAIT_FOR (ccp_plan_editor_get_n_errors (editor) > 0, 2000);
  g_assert_true (g_str_has_prefix (ccp_window_get_status_text (window), "0 errors") == FALSE);

  /* City and period: the city comes from the registry and brings its country and field. */
  input = ccp_plan_editor_get_input (editor, "city");
  type_text (input, "Bolog");
  g_assert_cmpuint (ccp_city_entry_get_n_suggestions (CCP_CITY_ENTRY (input)), >=, 1);
  ccp_city_entry_choose (CCP_CITY_ENTRY (input), 0);
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, "Bologna");
  g_assert_cmpstr (ccp_plan_get_country (plan), ==, "IT");
  g_assert_cmpstr (ccp_plan_get_field (plan), ==, "music");
  g_assert_cmpstr (ccp_choices_get_selected (G_OBJECT (ccp_plan_editor_get_input (editor, "country"))),
                   ==, "IT");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ccp_plan_editor_get_input (editor, "year")), 2027);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ccp_plan_editor_get_input (editor, "period")), 1);
  g_assert_cmpstr (ccp_plan_get_period (plan), ==, "2027-H1");

  /* Contacts: a bad email shows its message beneath the field, and the message goes when fixed. */
  ccp_plan_editor_show_section (editor, "contacts");
  type_text (ccp_plan_editor_get_input (editor, "focal-point-name"), "Chiara Benedetti");
  input = ccp_plan_editor_get_input (editor, "focal-point-email");
  type_text (input, "chiara.benedetti@");
  g_assert_cmpstr (ccp_plan_editor_get_message (editor, "focal-point-email"), !=, "");
  g_assert_true (gtk_widget_has_css_class (input, "error"));
  type_text (input, "chiara.benedetti@example.org");
  g_assert_cmpstr (ccp_plan_editor_get_message (editor, "focal-point-email"), ==, "");
  g_assert_false (gtk_widget_has_css_class (input, "error"));
  type_text (ccp_plan_editor_get_input (editor, "focal-point-phone"), "+39 051 555 0147");
  gtk_switch_set_active (GTK_SWITCH (ccp_plan_editor_get_input (editor, "representative-none")),
                         TRUE);
  g_assert_true (ccp_plan_get_representative_none (plan));

  /* Activities: add one through the action, fill every field through its input. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-activity", NULL));
  activity = ccp_activity_editor_get_activity (activity_editor);
  g_assert_nonnull (activity);
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "activity");
  g_assert_cmpstr (ccp_activity_get_id (activity), ==, "a1");

  type_text (ccp_activity_editor_get_input (activity_editor, "title"), "Bologna Music Week");
  set_buffer (ccp_activity_editor_get_input (activity_editor, "description"),
              "Free concerts in the porticoes with guest musicians from other cities.");
  g_assert_cmpstr (gtk_label_get_text (ccp_activity_editor_get_word_count_label (activity_editor)),
                   ==, "11 of 250 words");
  ccp_choices_select (G_OBJECT (ccp_activity_editor_get_input (activity_editor, "kind")),
                      "festival-event");
  ccp_choices_select (G_OBJECT (ccp_activity_editor_get_input (activity_editor, "scope")),
                      "international");
  ccp_choices_select (G_OBJECT (ccp_activity_editor_get_input (activity_editor, "state")),
                      "planned");
  g_assert_cmpstr (ccp_activity_get_kind (activity), ==, "festival-event");

  /* An end before the start is an error beneath the end date, gone once fixed. */
  type_text (ccp_activity_editor_get_input (activity_editor, "start-date"), "2027-05-17");
  input = ccp_activity_editor_get_input (activity_editor, "end-date");
  type_text (input, "2027-05-10");
  g_assert_cmpstr (ccp_activity_editor_get_message (activity_editor, "end-date"), !=, "");
  g_assert_true (gtk_widget_has_css_class (input, "error"));
  errors_before = ccp_plan_editor_get_n_errors (editor);
  type_text (input, "2027-05-23");
  g_assert_cmpstr (ccp_activity_editor_get_message (activity_editor, "end-date"), ==, "");
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), <, errors_before);

  type_text (ccp_activity_editor_get_input (activity_editor, "place"), "Piazza Maggiore");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ccp_activity_editor_get_code_toggle (activity_editor, "objectives", "1")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ccp_activity_editor_get_code_toggle (activity_editor, "objectives", "3")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ccp_activity_editor_get_code_toggle (activity_editor, "areas", "2")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ccp_activity_editor_get_code_toggle (activity_editor, "sdgs", "11")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ccp_activity_editor_get_code_toggle (activity_editor, "sdgs", "4")), TRUE);
  g_assert_true (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "11"));
  g_assert_true (ccp_activity_has_code (ccp_activity_get_objectives (activity), "3"));

  gtk_switch_set_active (GTK_SWITCH (ccp_activity_editor_get_input (activity_editor, "partner-cities")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (ccp_activity_editor_get_input (activity_editor, "partner-organisations")), TRUE);
  type_text (ccp_activity_editor_get_input (activity_editor, "budget-amount"), "120000.00");
  ccp_choices_select (G_OBJECT (ccp_activity_editor_get_input (activity_editor, "budget-currency")),
                      "EUR");
  gtk_switch_set_active (GTK_SWITCH (ccp_activity_editor_get_input (activity_editor, "funding")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (ccp_activity_editor_get_input (activity_editor, "results")), TRUE);
  g_assert_cmpstr (ccp_activity_get_budget_currency (activity), ==, "EUR");

  /* The validation panel lists what is left; activating an entry focuses its field. */
  {
    g_autoptr(GPtrArray) all = ccp_plan_editor_get_issues (editor);

    WAIT_FOR (ccp_validation_panel_get_n_rows (ccp_window_get_validation_panel (window)) ==
              all->len, 2000);
  }

  /* Save: a draft saves even with what remains, and the file is exactly the expected one. */
  dir = g_dir_make_tmp ("ccp-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "session.xml", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ccp_window_get_modified (window));
  g_assert_true (ccp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (ccp_window_get_modified (window));
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, 1);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  saved = read_normalised (path);
  expected_path = g_test_build_filename (G_TEST_DIST, "expected-session.xml", NULL);
  if (g_getenv ("CCP_UPDATE_EXPECTED") != NULL)
    g_file_set_contents (expected_path, saved, -1, NULL);
  expected = read_normalised (expected_path);
  g_assert_cmpstr (saved, ==, expected);

  /* A second save adds one to the revision and keeps a backup. */
  type_text (ccp_activity_editor_get_input (activity_editor, "place"), "Piazza Maggiore, Bologna");
  g_assert_true (ccp_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (ccp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, 2);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
    g_unlink (backup);
  }

  /* Leaving the activity for a section of the plan lets go of it in the activity editor. */
  ccp_plan_editor_show_section (editor, "city");
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "city");
  g_assert_null (ccp_activity_editor_get_activity (activity_editor));

  g_unlink (path);
  ccp_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_focus_from_panel (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window_with_plan (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpValidationPanel *panel = ccp_window_get_validation_panel (window);
  g_autoptr(GPtrArray) issues = NULL;
  GtkWidget *input;
  GtkWidget *focus;
  guint index = G_MAXUINT;

  ccp_plan_set_city (plan, "Bologna");
  ccp_plan_set_focal_point_email (plan, "not an email");

  /* The panel follows the plan (from an idle): wait until it shows the email's issue. */
  issues = ccp_plan_editor_get_issues (editor);
  WAIT_FOR (ccp_validation_panel_get_n_rows (panel) == issues->len, 2000);
  for (guint i = 0; i < ccp_validation_panel_get_n_rows (panel); i++)
    if (g_str_equal (ccp_issue_get_path (ccp_validation_panel_get_issue (panel, i)),
                     "focal-point-email"))
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);

  ccp_validation_panel_activate_row (panel, index);
  spin (200);
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "contacts");
  input = ccp_plan_editor_get_input (editor, "focal-point-email");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == input || gtk_widget_is_ancestor (focus, input));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_activities (CcpPlan *plan)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));
}

static void
test_undo (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window_with_plan (&plan);
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivity *first, *second;
  g_autoptr(CcpActivity) item = NULL;

  first = ccp_plan_editor_add_activity (editor);
  ccp_activity_set_title (first, "First");
  second = ccp_plan_editor_add_activity (editor);
  ccp_activity_set_title (second, "Second");
  g_assert_cmpuint (count_activities (plan), ==, 2);

  /* Move the second up, then undo the move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-up", NULL));
  item = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  g_assert_true (item == second);
  g_clear_object (&item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  item = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  g_assert_true (item == first);
  g_clear_object (&item);

  /* Delete (the selection is the second), then undo brings it back in place. */
  ccp_plan_editor_select_activity (editor, 1);
  g_assert_true (ccp_plan_editor_get_selected_activity (editor) == second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-activity", NULL));
  g_assert_cmpuint (count_activities (plan), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_activities (plan), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 1);
  g_assert_true (item == second);
  g_clear_object (&item);

  /* Duplicate gives a new identifier; undo removes the copy; then the two adds are undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.duplicate-activity", NULL));
  g_assert_cmpuint (count_activities (plan), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 2);
  g_assert_cmpstr (ccp_activity_get_id (item), ==, "a3");
  g_assert_cmpstr (ccp_activity_get_title (item), ==, "Second (copy)");
  g_clear_object (&item);
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_true (ccp_plan_editor_undo (editor));
  g_assert_cmpuint (count_activities (plan), ==, 0);
  g_assert_false (ccp_plan_editor_undo (editor));
  g_assert_false (ccp_plan_editor_get_can_undo (editor));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_prompt (void)
{
  g_autoptr(CcpPlan) plan = NULL;
  CcpWindow *window = new_window_with_plan (&plan);
  AdwMessageDialog *dialog;
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  type_text (ccp_plan_editor_get_input (ccp_window_get_editor (window), "city"), "Leiria");
  g_assert_true (ccp_window_get_modified (window));

  /* Ctrl+W goes through win.close: the window asks instead of closing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  /* Cancel keeps the window and its changes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_nonnull (weak);
  g_assert_true (ccp_window_get_modified (window));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  adw_message_dialog_response (dialog, "discard");
  WAIT_FOR (weak == NULL, 2000);
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/editor/session", test_session);
  g_test_add_func ("/gui/editor/focus-from-panel", test_focus_from_panel);
  g_test_add_func ("/gui/editor/undo", test_undo);
  g_test_add_func ("/gui/editor/close-prompt", test_close_prompt);

  return ccp_gui_test_run (state);
}
