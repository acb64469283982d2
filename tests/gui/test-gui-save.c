/* Saving from the window: Save As (what the chooser's response does), the Save answer of the
 * close prompt, "Mark as final" only without errors, the "Saved; N errors remain" toast, the
 * reader's problems in the validation panel until the next save, and changes made on disk by
 * another program while the plan is open (issue 8). */
#define G_LOG_DOMAIN "test-gui-save"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ccp-plan-editor.h"
#include "ccp-validation-panel.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

typedef CcpGuiFileFixture Fixture;

static char *
example_contents (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                            "bologna-music-2027-h1.xml", NULL);
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static CcpWindow *
new_plan_window (void)
{
  CcpWindow *window = ccp_window_new (NULL);

  ccp_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  return window;
}

/* Save As on a never-saved plan: the chooser opens (win.save has no file yet), its response
 * saves there; the toast counts the errors left with a plural form. */
static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  CcpWindow *window = new_plan_window ();
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  GtkWidget *save = ccp_gui_find_action_button (GTK_WIDGET (window), "win.save");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  guint errors;

  /* Save stands out only while there is something to save. */
  g_assert_nonnull (save);
  ccp_plan_set_city (ccp_window_get_plan (window), "Leiria");
  g_assert_true (ccp_window_get_modified (window));
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  errors = ccp_plan_editor_get_n_errors (editor);
  g_assert_cmpuint (errors, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin (50);
  g_assert_true (ccp_window_save_as_file (window, f->file));
  g_assert_false (ccp_window_get_modified (window));
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));
  g_assert_true (g_file_equal (ccp_window_get_file (window), f->file));
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "Leiria"));
  g_assert_nonnull (strstr (contents, "status=\"draft\""));
  expected = g_strdup_printf ("Saved; %u errors remain", errors);
  g_assert_cmpstr (ccp_window_get_last_toast (window), ==, expected);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "plan.xml"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Save answer of the close prompt: with a file it saves and closes; without one it asks
 * for a file first and closes once saved there. */
static void
test_close_prompt_save (Fixture       *f,
                        gconstpointer  data)
{
  CcpWindow *window = new_plan_window ();
  GtkWidget *weak = GTK_WIDGET (window);
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  /* Never saved: Save in the prompt opens the chooser; its answer saves and closes. */
  ccp_plan_set_city (ccp_window_get_plan (window), "Leiria");
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_nonnull (weak);
  g_assert_true (ccp_window_save_as_file (window, f->file));
  WAIT_FOR (weak == NULL, 2000);
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "Leiria"));
  g_clear_pointer (&contents, g_free);

  /* Saved before: Save in the prompt writes the file and closes. */
  window = ccp_gui_open_window (f->file);
  weak = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  ccp_plan_set_city (ccp_window_get_plan (window), "Óbidos");
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (weak == NULL, 2000);
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "Óbidos"));
  g_assert_null (strstr (contents, "Leiria"));
  g_assert_nonnull (strstr (contents, "revision=\"2\""));
}

/* "Mark as final" is enabled only without errors, and the saved file then says final. */
static void
test_mark_final (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *example = example_contents ();
  g_autofree char *draft = NULL;
  g_autofree char *contents = NULL;
  CcpWindow *window;
  CcpPlanEditor *editor;
  CcpPlan *plan;

  /* The example, saved as a draft. */
  {
    g_autoptr(GRegex) regex = g_regex_new ("status=\"final\"", 0, 0, NULL);

    draft = g_regex_replace_literal (regex, example, -1, 0, "status=\"draft\"", 0, NULL);
    g_assert_true (g_file_set_contents (f->path, draft, -1, NULL));
  }
  window = ccp_gui_open_window (f->file);
  editor = ccp_window_get_editor (window);
  plan = ccp_window_get_plan (window);
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), ==, 0);

  /* An error disables it; fixing it enables it again. */
  ccp_plan_set_focal_point_email (plan, "not an email");
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-final", NULL);
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_DRAFT);
  ccp_plan_set_focal_point_email (plan, "chiara.benedetti@example.org");
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-final", NULL));
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_FINAL);
  g_assert_false (ccp_window_get_modified (window));
  g_assert_cmpstr (ccp_window_get_last_toast (window), ==, "Saved");
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "status=\"final\""));
  g_clear_pointer (&contents, g_free);

  /* A final plan that gets an error again is saved as a draft, and the toast counts it. */
  ccp_plan_set_focal_point_email (plan, "broken@");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpstr (ccp_window_get_last_toast (window), ==, "Saved; 1 error remains");
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "status=\"draft\""));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the reader found (an element it does not know) is listed in the panel with the rest,
 * and stays until the next save (which writes the file without it). */
static void
test_reader_issues (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *example = example_contents ();
  g_autoptr(GString) odd = g_string_new (example);
  const char *anchor = "<period>2027-H1</period>";
  char *at = strstr (odd->str, anchor);
  CcpWindow *window;
  CcpPlanEditor *editor;
  CcpValidationPanel *panel;
  gboolean found = FALSE;

  g_assert_nonnull (at);
  g_string_insert (odd, at - odd->str, "<colour>blue</colour>\n  ");
  g_assert_true (g_file_set_contents (f->path, odd->str, -1, NULL));

  window = ccp_gui_open_window (f->file);
  editor = ccp_window_get_editor (window);
  panel = ccp_window_get_validation_panel (window);
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (editor) + ccp_plan_editor_get_n_warnings (editor),
                    >, 0);
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

    WAIT_FOR (ccp_validation_panel_get_n_rows (panel) == issues->len, 2000);
  }
  for (guint i = 0; i < ccp_validation_panel_get_n_rows (panel); i++)
    {
      CcpIssue *issue = ccp_validation_panel_get_issue (panel, i);

      if (g_str_equal (ccp_issue_get_rule (issue), "format-unexpected-element"))
        {
          found = TRUE;
          g_assert_nonnull (strstr (ccp_issue_get_message (issue), "colour"));
        }
    }
  g_assert_true (found);

  /* An edit re-validates, and the reader's problem is still listed. */
  ccp_plan_set_focal_point_phone (ccp_window_get_plan (window), "+39 051 555 0148");
  spin (50);
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

    found = FALSE;
    for (guint i = 0; i < issues->len; i++)
      found = found || g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)),
                                    "format-unexpected-element");
    g_assert_true (found);
  }

  /* Saving writes the file without it: the problem goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (ccp_window_get_modified (window));
  {
    g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);

    for (guint i = 0; i < issues->len; i++)
      g_assert_cmpstr (ccp_issue_get_rule (g_ptr_array_index (issues, i)), !=,
                       "format-unexpected-element");
    WAIT_FOR (ccp_validation_panel_get_n_rows (panel) == issues->len, 2000);
  }
  {
    g_autofree char *contents = ccp_gui_read_file (f->path);

    g_assert_null (strstr (contents, "colour"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
write_as_other_program (const char *path,
                        const char *from,
                        const char *to)
{
  g_autofree char *contents = ccp_gui_read_file (path);
  g_auto(GStrv) parts = g_strsplit (contents, from, -1);
  g_autofree char *changed = g_strjoinv (to, parts);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (changed, !=, contents);
  /* Like an editor: a new file renamed over the old one. */
  g_assert_true (g_file_set_contents (path, changed, -1, &error));
  g_assert_no_error (error);
}

/* A plan changed on disk while open: noticed, the user reloads or keeps theirs; keeping theirs
 * then saving asks before replacing the other program's version. Our own saves are not
 * mistaken for another program's. */
static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *example = example_contents ();
  g_autofree char *contents = NULL;
  CcpWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (f->path, example, -1, NULL));
  window = ccp_gui_open_window (f->file);

  /* Our own save: no question. */
  ccp_plan_set_focal_point_phone (ccp_window_get_plan (window), "+39 051 555 0100");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin (600);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  /* Another program's change, nothing unsaved here: Reload shows theirs. */
  write_as_other_program (f->path, "Chiara Benedetti", "Chiara Benedetti-Rossi");
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 5000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (ccp_window_get_plan (window) != NULL &&
            g_strcmp0 (ccp_plan_get_focal_point_name (ccp_window_get_plan (window)),
                       "Chiara Benedetti-Rossi") == 0, 5000);
  g_assert_false (ccp_window_get_modified (window));

  /* With unsaved edits here: Keep Mine keeps them, and Save asks before replacing theirs. */
  ccp_plan_set_focal_point_phone (ccp_window_get_plan (window), "+39 051 555 0199");
  write_as_other_program (f->path, "Marco Ferrante", "Marco Ferranti");
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 5000);
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpstr (ccp_plan_get_focal_point_phone (ccp_window_get_plan (window)), ==,
                   "+39 051 555 0199");
  g_assert_true (ccp_window_get_modified (window));

  /* Save: a question first; Cancel leaves their file alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "Marco Ferranti"));
  g_assert_null (strstr (contents, "0199"));
  g_assert_true (ccp_window_get_modified (window));
  g_clear_pointer (&contents, g_free);

  /* The low-level save refuses too, with a specific error. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ccp_window_save_to_file (window, f->file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  }

  /* Save again, and this time replace theirs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL, 2000);
  adw_message_dialog_response (dialog, "overwrite");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (ccp_window_get_modified (window));
  contents = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (contents, "0199"));
  g_assert_nonnull (strstr (contents, "Marco Ferrante"));
  /* That save was ours: no question follows it. */
  spin (600);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ccp_gui_file_fixture_set_up, func, ccp_gui_file_fixture_tear_down)
  ADD ("/gui/save/save-as", test_save_as);
  ADD ("/gui/save/close-prompt-save", test_close_prompt_save);
  ADD ("/gui/save/mark-final", test_mark_final);
  ADD ("/gui/save/reader-issues", test_reader_issues);
  ADD ("/gui/save/external-change", test_external_change);
#undef ADD

  return ccp_gui_test_run (state);
}
