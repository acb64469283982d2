/* The six-month cycle in the GUI (issue 18): "Send to Coordinator" through the XDG Email portal.
 * The test runs its own session bus (GTestDBus) with a stand-in for org.freedesktop.portal.Email
 * and org.freedesktop.FileManager1, served from a thread of its own (libportal reads the
 * portal's version with a blocking call from the main thread), that records each call: the
 * attachment is the saved plan, the address, subject and body are those of the dialog; and
 * without a portal, the summary is on the clipboard and the file is shown in its folder. */
#define G_LOG_DOMAIN "test-gui-cycle"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ccp-activity-editor.h"
#include "ccp-comments-window.h"
#include "ccp-compare-window.h"
#include "ccp-email.h"
#include "ccp-plan-editor.h"
#include "ccp-review-dialog.h"
#include "ccp-review-flow.h"
#include "ccp-send-dialog.h"
#include "ccp-status-page.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"
#include "ccp-portal-standin.h"
#include "ccp-test-util.h"

typedef CcpGuiFileFixture Fixture;

static CcpSendDialog *
find_send_dialog (void)
{
  return (CcpSendDialog *) ccp_gui_find_toplevel (CCP_TYPE_SEND_DIALOG);
}

static char *
dialog_body (CcpSendDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ccp_send_dialog_get_body_view (dialog));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Send saves the plan with when and which revision is sent (a new revision, named by the
 * dialog), and the portal gets that file, the address typed, the subject and the summary; the
 * address is offered again next time for the same field. */
static void
test_send_saved (Fixture       *f,
                 gconstpointer  data)
{
  CcpWindow *window;
  CcpSendDialog *dialog;
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint revision;

  ccp_standin_reset ();
  ccp_standin_set_portal (TRUE);
  ccp_gui_write_example (f->path, NULL, NULL);
  before = ccp_gui_read_file (f->path);
  window = ccp_gui_open_window (f->file);
  revision = ccp_plan_get_revision (ccp_window_get_plan (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-coordinator",
                                             NULL));
  WAIT_FOR ((dialog = find_send_dialog ()) != NULL, 5000);
  g_assert_false (ccp_window_get_modified (window));
  g_assert_null (ccp_send_dialog_get_error_label (dialog));
  g_assert_cmpstr (gtk_editable_get_text (ccp_send_dialog_get_address_entry (dialog)), ==, "");

  subject = g_strdup (gtk_editable_get_text (ccp_send_dialog_get_subject_entry (dialog)));
  g_assert_nonnull (strstr (subject, "Bologna"));
  g_assert_nonnull (strstr (subject, "2027-H1"));
  {
    g_autofree char *named = g_strdup_printf ("revision %u", revision + 1);

    g_assert_nonnull (strstr (subject, named));
  }
  body = dialog_body (dialog);
  {
    g_autofree char *line = g_strdup_printf ("Revision: %u\n", revision + 1);
    g_autofree char *activities = g_strdup_printf (
      "Activities: %u\n",
      g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (
                                                ccp_window_get_plan (window)))));

    g_assert_nonnull (strstr (body, "City: Bologna (Italy)\n"));
    g_assert_nonnull (strstr (body, "Period: 2027-H1\n"));
    g_assert_nonnull (strstr (body, line));
    g_assert_nonnull (strstr (body, activities));
    /* The example has one warning and no error. */
    g_assert_cmpuint (ccp_plan_editor_get_n_errors (ccp_window_get_editor (window)), ==, 0);
    g_assert_cmpuint (ccp_plan_editor_get_n_warnings (ccp_window_get_editor (window)), ==, 1);
    g_assert_nonnull (strstr (body, "Open problems: 1 warning\n"));
  }

  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog),
                         "coordinator@example.org, deputy@example.org");
  ccp_send_dialog_send (dialog);
  WAIT_FOR (ccp_standin_n_compose () == 1 && find_send_dialog () == NULL, 10000);

  expected_path = realpath (f->path, NULL);
  g_mutex_lock (&ccp_standin.lock);
  g_assert_nonnull (ccp_standin.addresses);
  g_assert_cmpuint (g_strv_length (ccp_standin.addresses), ==, 2);
  g_assert_cmpstr (ccp_standin.addresses[0], ==, "coordinator@example.org");
  g_assert_cmpstr (ccp_standin.addresses[1], ==, "deputy@example.org");
  g_assert_null (ccp_standin.bcc);
  g_assert_cmpstr (ccp_standin.subject, ==, subject);
  g_assert_cmpstr (ccp_standin.body, ==, body);
  g_assert_cmpstr (ccp_standin.attachment, ==, expected_path);
  /* The composer is placed over the dialog (an X11 window under Xvfb). */
  g_assert_true (g_str_has_prefix (ccp_standin.parent_window, "x11:"));
  g_mutex_unlock (&ccp_standin.lock);

  /* Saved for sending: the next revision, sent now. */
  after = ccp_gui_read_file (f->path);
  g_assert_cmpstr (after, !=, before);
  g_assert_false (ccp_window_get_modified (window));
  g_assert_cmpuint (ccp_plan_get_revision (ccp_window_get_plan (window)), ==, revision + 1);
  g_assert_cmpuint (ccp_plan_get_sent_revision (ccp_window_get_plan (window)), ==,
                    revision + 1);
  g_assert_nonnull (strstr (after, ccp_plan_get_sent (ccp_window_get_plan (window))));
  g_assert_nonnull (strstr (ccp_window_get_last_toast (window), "handed to your email program"));

  remembered = ccp_send_dialog_get_remembered_address ("music");
  g_assert_cmpstr (remembered, ==, "coordinator@example.org, deputy@example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-coordinator",
                                             NULL));
  WAIT_FOR ((dialog = find_send_dialog ()) != NULL, 5000);
  g_assert_cmpstr (gtk_editable_get_text (ccp_send_dialog_get_address_entry (dialog)), ==,
                   remembered);
  /* Closing it sends nothing. */
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (find_send_dialog () == NULL, 5000);
  spin (100);
  g_assert_cmpuint (ccp_standin_n_compose (), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Unsaved changes are saved first (a new revision), and the file attached is what was saved;
 * a draft with errors can be sent, and the dialog and summary say it has errors. */
static void
test_send_unsaved_with_errors (Fixture       *f,
                               gconstpointer  data)
{
  CcpWindow *window;
  CcpSendDialog *dialog;
  CcpPlan *plan;
  g_autofree char *body = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected_path = NULL;
  guint revision;

  ccp_standin_reset ();
  ccp_standin_set_portal (TRUE);
  ccp_gui_write_example (f->path, NULL, NULL);
  window = ccp_gui_open_window (f->file);
  plan = ccp_window_get_plan (window);
  revision = ccp_plan_get_revision (plan);

  ccp_plan_set_focal_point_email (plan, "not an email");
  g_assert_cmpuint (ccp_plan_editor_get_n_errors (ccp_window_get_editor (window)), ==, 1);
  g_assert_true (ccp_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-coordinator",
                                             NULL));
  WAIT_FOR ((dialog = find_send_dialog ()) != NULL, 5000);
  /* Saved by Send, not before. */
  g_assert_true (ccp_window_get_modified (window));

  g_assert_nonnull (ccp_send_dialog_get_error_label (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (ccp_send_dialog_get_error_label (dialog)),
                            "This draft has 1 error."));
  body = dialog_body (dialog);
  g_assert_nonnull (strstr (body, "Open problems: 1 error, 1 warning\n"));
  {
    g_autofree char *line = g_strdup_printf ("Revision: %u\n", revision + 1);

    g_assert_nonnull (strstr (body, line));
  }

  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog), "coordinator@example.org");
  ccp_send_dialog_send (dialog);
  WAIT_FOR (ccp_standin_n_compose () == 1 && find_send_dialog () == NULL, 10000);
  g_assert_false (ccp_window_get_modified (window));
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, revision + 1);
  saved = ccp_gui_read_file (f->path);
  g_assert_nonnull (strstr (saved, "not an email"));
  expected_path = realpath (f->path, NULL);
  g_mutex_lock (&ccp_standin.lock);
  g_assert_cmpstr (ccp_standin.attachment, ==, expected_path);
  g_assert_cmpstr (ccp_standin.body, ==, body);
  g_mutex_unlock (&ccp_standin.lock);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

/* No portal on the session: the dialog says so, the summary is on the clipboard, and "Show File
 * in Folder" asks the file manager to show the saved plan. Nothing is left half done. */
static void
test_no_portal (Fixture       *f,
                gconstpointer  data)
{
  CcpWindow *window;
  CcpSendDialog *dialog;
  AdwMessageDialog *message;
  g_autofree char *body = NULL;
  g_autofree char *clipboard = NULL;
  g_autofree char *uri = NULL;

  ccp_standin_reset ();
  ccp_standin_set_portal (FALSE);
  ccp_gui_write_example (f->path, NULL, NULL);
  window = ccp_gui_open_window (f->file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-coordinator",
                                             NULL));
  WAIT_FOR ((dialog = find_send_dialog ()) != NULL, 5000);
  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog), "coordinator@example.org");
  body = dialog_body (dialog);
  ccp_send_dialog_send (dialog);
  WAIT_FOR ((message = find_message_dialog (GTK_WINDOW (window))) != NULL, 10000);
  g_assert_null (find_send_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "No Email Program Available");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "coordinator@example.org"));
  g_assert_cmpuint (ccp_standin_n_compose (), ==, 0);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 clipboard_text_cb, &clipboard);
  WAIT_FOR (clipboard != NULL, 5000);
  g_assert_cmpstr (clipboard, ==, body);

  adw_message_dialog_response (message, "show");
  WAIT_FOR (ccp_standin_n_show () == 1, 10000);
  uri = g_file_get_uri (f->file);
  g_mutex_lock (&ccp_standin.lock);
  g_assert_cmpuint (g_strv_length (ccp_standin.shown), ==, 1);
  g_assert_cmpstr (ccp_standin.shown[0], ==, uri);
  g_mutex_unlock (&ccp_standin.lock);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sends the plan of window to the coordinator through the stand-in portal. */
static void
send_plan (CcpWindow *window)
{
  CcpSendDialog *dialog;

  ccp_standin_reset ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-coordinator",
                                             NULL));
  WAIT_FOR ((dialog = find_send_dialog ()) != NULL, 5000);
  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog), "coordinator@example.org");
  ccp_send_dialog_send (dialog);
  WAIT_FOR (ccp_standin_n_compose () == 1 && find_send_dialog () == NULL, 10000);
  g_assert_false (ccp_window_get_modified (window));
}

/* The coordinator's window: a new music 2027-H1 field plan with the registry's roster. */
static CcpWorkspace *
new_workspace (GtkWindow **window)
{
  CcpWorkspace *workspace;

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  workspace = CCP_WORKSPACE (ccp_workspace_new ());
  gtk_window_set_child (*window, GTK_WIDGET (workspace));
  gtk_window_present (*window);
  ccp_gui_test_new_field_plan (*window, workspace);
  g_assert_nonnull (ccp_workspace_get_field_plan (workspace));
  return workspace;
}

static void
add_and_wait (CcpWorkspace *workspace,
              GFile        *file)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  g_list_store_append (files, file);
  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (workspace) && ccp_workspace_get_n_pending (workspace) == 0,
            60000);
}

/* The source of Bologna the merge took (the newest revision). */
static CcpSource *
bologna_source (CcpWorkspace *workspace)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (
                                        ccp_workspace_get_field_plan (workspace)));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (g_str_equal (ccp_source_get_city (source), "Bologna") &&
          ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
        return source;
    }
  g_assert_not_reached ();
}

static guint
count_comment_issues (CcpPlanEditor *editor,
                      const char    *path)
{
  g_autoptr(GPtrArray) issues = ccp_plan_editor_get_issues (editor);
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (ccp_issue_get_rule (issue), CCP_REVIEW_COMMENT_RULE) &&
          (path == NULL || g_str_equal (ccp_issue_get_path (issue), path)))
        n++;
    }
  return n;
}

/* A row of the status page whose subtitle holds text, or NULL. */
static const char *
status_row_subtitle (CcpStatusPage *page,
                     const char    *title)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (ccp_status_page_get_list (page)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
  return NULL;
}

/* The whole loop with the widgets: the Focal Point sends, the coordinator adds the plan and
 * returns it with two comments (emailed with the review file), the Focal Point opens the review
 * and sees both at their fields, fixes one and sends revision 2; the coordinator sees one
 * comment addressed and the status page updated. */
static void
test_loop (Fixture       *f,
           gconstpointer  data)
{
  CcpWindow *window;
  CcpPlan *plan;
  CcpPlanEditor *editor;
  GtkWindow *ws_window;
  CcpWorkspace *workspace;
  CcpStatusPage *page;
  CcpSource *source;
  CcpReviewDialog *review_dialog;
  CcpCommentsWindow *comments;
  AdwMessageDialog *message;
  g_autoptr(CcpActivity) first = NULL;
  g_autofree char *review_name = NULL;
  g_autofree char *review_path = NULL;
  g_autofree char *expected_review = NULL;
  g_autofree char *sent = NULL;
  g_autoptr(GFile) review_file = NULL;
  const char *subtitle;
  guint revision1, revision2;

  ccp_standin_set_portal (TRUE);
  ccp_gui_write_example (f->path, NULL, NULL);
  window = ccp_gui_open_window (f->file);
  plan = ccp_window_get_plan (window);
  editor = ccp_window_get_editor (window);

  /* 1. The Focal Point sends: the saved file says when and which revision. */
  send_plan (window);
  revision1 = ccp_plan_get_revision (plan);
  g_assert_cmpuint (ccp_plan_get_sent_revision (plan), ==, revision1);
  g_assert_cmpstr (ccp_plan_get_sent (plan), !=, "");
  sent = g_strdup (ccp_plan_get_sent (plan));
  {
    g_autofree char *saved = ccp_gui_read_file (f->path);

    g_assert_nonnull (strstr (saved, sent));
  }

  /* 2. The coordinator adds it: received when it was sent; returns it with two comments. */
  workspace = new_workspace (&ws_window);
  add_and_wait (workspace, f->file);
  source = bologna_source (workspace);
  g_assert_cmpuint (ccp_source_get_revision (source), ==, revision1);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RECEIVED);
  g_assert_cmpstr (ccp_source_get_received (source), ==, sent);
  page = ccp_workspace_get_status_page (workspace);
  subtitle = status_row_subtitle (page, "Bologna (Italy)");
  g_assert_nonnull (subtitle);
  g_assert_nonnull (strstr (subtitle, "Received"));

  ccp_status_page_review (page, source, CCP_REVIEW_STATE_RETURNED);
  WAIT_FOR ((review_dialog = CCP_REVIEW_DIALOG (
               ccp_gui_find_toplevel (CCP_TYPE_REVIEW_DIALOG))) != NULL, 5000);
  ccp_review_dialog_set_target (review_dialog, 0, "title");
  gtk_editable_set_text (ccp_review_dialog_get_text_entry (review_dialog),
                         "Give the festival its full name.");
  g_assert_true (ccp_review_dialog_add_comment (review_dialog));
  ccp_review_dialog_set_target (review_dialog, 1, "description");
  gtk_editable_set_text (ccp_review_dialog_get_text_entry (review_dialog),
                         "Say who the audience is.");
  ccp_standin_reset ();
  /* The comment typed but not added goes too. */
  ccp_review_dialog_return (review_dialog);
  source = bologna_source (workspace);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RETURNED);
  g_assert_cmpuint (ccp_source_count_open_comments (source), ==, 2);
  g_assert_true (ccp_workspace_get_modified (workspace));
  subtitle = status_row_subtitle (page, "Bologna (Italy)");
  g_assert_nonnull (strstr (subtitle, "2 open comments"));

  WAIT_FOR ((message = find_message_dialog (ws_window)) != NULL, 5000);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Review Saved");
  adw_message_dialog_response (message, "email");
  WAIT_FOR (ccp_standin_n_compose () == 1, 10000);
  review_name = g_strdup_printf ("bologna-music-2027-h1-review-%u.xml", revision1);
  review_path = g_build_filename (f->dir, review_name, NULL);
  g_assert_true (g_file_test (review_path, G_FILE_TEST_EXISTS));
  expected_review = realpath (review_path, NULL);
  g_mutex_lock (&ccp_standin.lock);
  g_assert_cmpstr (ccp_standin.attachment, ==, expected_review);
  g_assert_nonnull (ccp_standin.addresses);
  g_assert_cmpstr (ccp_standin.addresses[0], ==, ccp_plan_get_focal_point_email (plan));
  g_assert_nonnull (strstr (ccp_standin.body, "Give the festival its full name."));
  g_assert_nonnull (strstr (ccp_standin.body, "Say who the audience is."));
  g_mutex_unlock (&ccp_standin.lock);

  /* 3. The Focal Point opens the review: both comments at their fields. */
  review_file = g_file_new_for_path (review_path);
  g_assert_true (ccp_window_open_review (window, review_file));
  WAIT_FOR ((comments = CCP_COMMENTS_WINDOW (
               ccp_gui_find_toplevel (CCP_TYPE_COMMENTS_WINDOW))) != NULL, 5000);
  g_assert_cmpuint (ccp_comments_window_get_n_rows (comments), ==, 2);
  g_assert_cmpuint (count_comment_issues (editor, "activities/0/title"), ==, 1);
  g_assert_cmpuint (count_comment_issues (editor, "activities/1/description"), ==, 1);
  /* Beneath the field itself, when the activity is shown. */
  ccp_plan_editor_select_activity (editor, 0);
  spin (50);
  g_assert_nonnull (strstr (ccp_activity_editor_get_message (
                              ccp_plan_editor_get_activity_editor (editor), "title"),
                            "Coordinator: Give the festival its full name."));

  /* Fixes one, marks it addressed, sends revision 2. */
  first = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  ccp_activity_set_title (first, "Bologna Music Festival 2027: the city's full programme");
  ccp_comments_window_set_addressed (comments, 0, TRUE);
  g_assert_cmpuint (count_comment_issues (editor, NULL), ==, 1);
  g_assert_cmpuint (count_comment_issues (editor, "activities/1/description"), ==, 1);
  g_assert_null (strstr (ccp_activity_editor_get_message (
                           ccp_plan_editor_get_activity_editor (editor), "title"),
                         "Coordinator:"));
  gtk_window_destroy (GTK_WINDOW (comments));
  send_plan (window);
  revision2 = ccp_plan_get_revision (plan);
  g_assert_cmpuint (revision2, ==, revision1 + 1);
  g_assert_cmpuint (ccp_plan_get_sent_revision (plan), ==, revision2);

  /* 4. The coordinator adds revision 2: one comment addressed, the status page updated. */
  add_and_wait (workspace, f->file);
  source = bologna_source (workspace);
  g_assert_cmpuint (ccp_source_get_revision (source), ==, revision2);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RECEIVED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_source_get_comments (source))),
                    ==, 2);
  g_assert_cmpuint (ccp_source_count_open_comments (source), ==, 1);
  subtitle = status_row_subtitle (page, "Bologna (Italy)");
  {
    g_autofree char *revision = g_strdup_printf ("Revision %u, received ", revision2);

    g_assert_nonnull (strstr (subtitle, revision));
    g_assert_nonnull (strstr (subtitle, "1 open comment"));
  }

  gtk_window_destroy (ws_window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of the primary menu's item for action (menus nest in sections), or NULL. */
static char *
menu_label_for (GMenuModel *menu,
                const char *action)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && (label = menu_label_for (section, action)) != NULL)
        return g_steal_pointer (&label);
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);
    }
  return NULL;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
compare_sent_label (CcpWindow *window)
{
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (window));

  g_assert_nonnull (button);
  return menu_label_for (gtk_menu_button_get_menu_model (button), "win.compare-with-sent");
}

/* With CCP_COMPARE_SHOTS=DIR: the window (compare, if not NULL) as NAME-LANGUAGE.png, and the
 * menu open (its popover) as NAME-menu-LANGUAGE.png. */
static void
shoot_compare_sent (CcpWindow  *window,
                    GtkWidget  *compare,
                    const char *name)
{
  const char *dir = g_getenv ("CCP_COMPARE_SHOTS");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *path = NULL;
  GtkMenuButton *button;

  if (dir == NULL || *dir == '\0')
    return;
  language = language != NULL && *language != '\0' ? language : "en";
  spin (300);
  if (compare != NULL)
    {
      path = g_strdup_printf ("%s/%s-%s.png", dir, name, language);
      ccp_gui_save_png (compare, path);
      gtk_widget_set_visible (compare, FALSE);
      g_clear_pointer (&path, g_free);
    }
  button = find_menu_button (GTK_WIDGET (window));
  gtk_menu_button_popup (button);
  spin (500);
  path = g_strdup_printf ("%s/%s-menu-%s.png", dir, name, language);
  ccp_gui_save_png (GTK_WIDGET (gtk_menu_button_get_popover (button)), path);
  gtk_menu_button_popdown (button);
  spin (100);
}

/* Send keeps the bytes sent; "Compare with Last Sent Revision" is disabled and says why until
 * then, and then shows the changes since in the compare window. A plan identifier that would
 * name a path out of the folder keeps no copy, and the item says so. */
static void
test_compare_last_sent (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = ccp_sent_copy_get_dir ();
  g_autofree char *label = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(CcpActivity) first = NULL;
  CcpCompareWindow *compare;
  CcpChangeList *list;
  CcpWindow *window;
  CcpPlan *plan;
  guint revision;

  ccp_test_remove_tree (dir);
  ccp_standin_set_portal (TRUE);
  ccp_gui_write_example (f->path, NULL, NULL);
  window = ccp_gui_open_window (f->file);
  plan = ccp_window_get_plan (window);
  g_assert_cmpuint (ccp_plan_get_sent_revision (plan), ==, 0);

  /* Not sent yet: disabled, and the item says why; the shortcut opens nothing. */
  label = compare_sent_label (window);
  g_assert_cmpstr (label, ==, "Compare with Last Sent Revision (not sent yet)");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with-sent", NULL);
  spin (200);
  g_assert_null (ccp_gui_find_toplevel (CCP_TYPE_COMPARE_WINDOW));
  shoot_compare_sent (window, NULL, "compare-not-sent");

  /* Sent: the copy is exactly the file attached. */
  send_plan (window);
  revision = ccp_plan_get_sent_revision (plan);
  g_assert_cmpuint (revision, ==, ccp_plan_get_revision (plan));
  copy_file = ccp_sent_copy_get_file (ccp_plan_get_id (plan), revision, NULL);
  g_assert_nonnull (copy_file);
  {
    g_autofree char *path = g_file_get_path (copy_file);

    copy = ccp_gui_read_file (path);
  }
  sent = ccp_gui_read_file (f->path);
  g_assert_cmpstr (copy, ==, sent);
  g_clear_pointer (&label, g_free);
  label = compare_sent_label (window);
  expected = g_strdup_printf ("Compare with _Last Sent Revision (%u)", revision);
  g_assert_cmpstr (label, ==, expected);

  /* Nothing changed since: no differences; a change made since is listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with-sent",
                                             NULL));
  WAIT_FOR ((compare = CCP_COMPARE_WINDOW (
               ccp_gui_find_toplevel (CCP_TYPE_COMPARE_WINDOW))) != NULL, 10000);
  list = ccp_compare_window_get_change_list (compare);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "empty");
  first = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  ccp_activity_set_title (first, "Renamed since it was sent");
  ccp_compare_window_refresh (compare);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "rows");
  g_assert_cmpuint (ccp_change_list_get_n_rows (list), ==, 1);
  g_assert_cmpstr (ccp_change_list_get_path (list, 0), ==, "activities/0/title");
  shoot_compare_sent (window, GTK_WIDGET (compare), "compare-last-sent");
  gtk_window_destroy (GTK_WINDOW (compare));

  /* A hostile identifier: sent all the same, no copy, and the item says there is none. */
  ccp_plan_set_id (plan, "../../escaped");
  send_plan (window);
  outside = g_build_filename (dir, "..", "..", "escaped", NULL);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  g_clear_pointer (&outside, g_free);
  outside = g_build_filename (dir, "..", "escaped", NULL);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  g_clear_pointer (&label, g_free);
  label = compare_sent_label (window);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Compare with Last Sent Revision (%u: no copy on this computer)",
                              ccp_plan_get_sent_revision (plan));
  g_assert_cmpstr (label, ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (dir);
}

/* The change list of Compare with Last Sent Revision follows the edits by itself (without
 * ccp_compare_window_refresh()): a title typed in the editor appears in the list, and typing the
 * old title back makes the list empty again. */
static void
test_compare_refreshes_itself (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dir = ccp_sent_copy_get_dir ();
  g_autofree char *old_title = NULL;
  CcpCompareWindow *compare;
  CcpChangeList *list;
  CcpWindow *window;
  CcpPlanEditor *editor;
  GtkWidget *title;

  ccp_test_remove_tree (dir);
  ccp_standin_set_portal (TRUE);
  ccp_gui_write_example (f->path, NULL, NULL);
  window = ccp_gui_open_window (f->file);
  send_plan (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with-sent",
                                             NULL));
  WAIT_FOR ((compare = CCP_COMPARE_WINDOW (
               ccp_gui_find_toplevel (CCP_TYPE_COMPARE_WINDOW))) != NULL, 10000);
  list = ccp_compare_window_get_change_list (compare);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "empty");

  /* Typed in the editor's window (the compare window is not the one in use). */
  editor = ccp_window_get_editor (window);
  ccp_plan_editor_select_activity (editor, 0);
  gtk_window_present (GTK_WINDOW (window));
  title = ccp_activity_editor_get_input (ccp_plan_editor_get_activity_editor (editor), "title");
  g_assert_true (GTK_IS_EDITABLE (title));
  old_title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (title)));
  gtk_editable_set_text (GTK_EDITABLE (title), "Typed since it was sent");
  WAIT_FOR (g_str_equal (ccp_change_list_get_state (list), "rows"), 10000);
  g_assert_cmpuint (ccp_change_list_get_n_rows (list), ==, 1);
  g_assert_cmpstr (ccp_change_list_get_path (list, 0), ==, "activities/0/title");

  gtk_editable_set_text (GTK_EDITABLE (title), old_title);
  WAIT_FOR (g_str_equal (ccp_change_list_get_state (list), "empty"), 10000);

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
  ccp_test_remove_tree (dir);
}

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), name, NULL);

  return g_file_new_for_path (path);
}

/* Remind: one message, the Focal Points of cities without a plan in blind copy (addresses
 * remembered from plans they sent before), none to the cities that sent one; the body lists the
 * cities and the deadline. Then Mark as Final locks the field plan, and adding a plan asks to
 * reopen it with a reason, which the field plan records. */
static void
test_remind_and_lock (void)
{
  g_autoptr(GFile) liverpool = example_file ("liverpool-music-2027-h1.xml");
  g_autoptr(GFile) bologna = example_file ("bologna-music-2027-h1.xml");
  g_autoptr(GFile) medellin = example_file ("medellin-music-2027-h1.xml");
  g_autoptr(GObject) liverpool_plan = NULL;
  g_autoptr(GObject) bologna_plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *first_window, *window;
  CcpWorkspace *workspace;
  CcpStatusPage *page;
  CcpFieldPlan *field_plan;
  AdwMessageDialog *message;
  GtkWidget *entry;

  liverpool_plan = ccp_reader_read_file (liverpool, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bologna_plan = ccp_reader_read_file (bologna, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A period where Liverpool sent its plan: its Focal Point's address is remembered. */
  workspace = new_workspace (&first_window);
  add_and_wait (workspace, liverpool);
  gtk_window_destroy (first_window);

  ccp_standin_reset ();
  ccp_standin_set_portal (TRUE);
  workspace = new_workspace (&window);
  add_and_wait (workspace, bologna);
  page = ccp_workspace_get_status_page (workspace);
  g_assert_nonnull (strstr (ccp_status_page_get_rates_text (page), "(1 of "));
  ccp_status_page_remind (page);
  WAIT_FOR (ccp_standin_n_compose () == 1, 10000);
  g_mutex_lock (&ccp_standin.lock);
  g_assert_null (ccp_standin.addresses);
  g_assert_nonnull (ccp_standin.bcc);
  g_assert_true (g_strv_contains ((const char *const *) ccp_standin.bcc,
                                  ccp_plan_get_focal_point_email (CCP_PLAN (liverpool_plan))));
  g_assert_false (g_strv_contains ((const char *const *) ccp_standin.bcc,
                                   ccp_plan_get_focal_point_email (CCP_PLAN (bologna_plan))));
  g_assert_nonnull (strstr (ccp_standin.subject, "due by 2026-12-01"));
  g_assert_nonnull (strstr (ccp_standin.body, "- Liverpool (United Kingdom)\n"));
  g_assert_null (strstr (ccp_standin.body, "Bologna"));
  g_mutex_unlock (&ccp_standin.lock);

  /* Final: locked; adding Medellín asks to reopen, and needs a reason. */
  field_plan = ccp_workspace_get_field_plan (workspace);
  ccp_status_page_lock (page);
  g_assert_true (ccp_field_plan_is_locked (ccp_workspace_get_field_plan (workspace)));
  g_assert_true (ccp_workspace_get_modified (workspace));
  {
    GFile *dropped[1] = { medellin };
    GdkFileList *list = gdk_file_list_new_from_array (dropped, 1);

    g_assert_true (ccp_workspace_drop_files (workspace, list));
    g_boxed_free (GDK_TYPE_FILE_LIST, list);
  }
  WAIT_FOR ((message = find_message_dialog (window)) != NULL, 5000);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Reopen the Field Plan?");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   "This field plan is final. Adding plans reopens it as a draft; the reason is "
                   "kept in the field plan.");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "reopen"));
  entry = adw_message_dialog_get_extra_child (message);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Medellín sent its plan late");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "reopen"));
  adw_message_dialog_response (message, "reopen");
  WAIT_FOR (!ccp_workspace_get_busy (workspace) && ccp_workspace_get_n_pending (workspace) == 0,
            60000);
  field_plan = ccp_workspace_get_field_plan (workspace);
  g_assert_false (ccp_field_plan_is_locked (field_plan));
  g_assert_cmpuint (ccp_field_plan_get_n_reopenings (field_plan), ==, 1);
  g_assert_cmpstr (ccp_field_plan_get_reopening (field_plan, 0)[2], ==,
                   "Medellín sent its plan late");
  g_assert_nonnull (strstr (ccp_status_page_get_rates_text (page), "(2 of "));

  gtk_window_destroy (window);
}

static void
reopen_declined_cb (gpointer user_data,
                    gboolean changed)
{
  g_assert_not_reached ();  /* the dialog is cancelled */
}

/* The reopen question is one whole translatable sentence per purpose (a translator can order
 * it), not a sentence around a translated fragment. */
static void
test_reopen_sentences (void)
{
  static const struct {
    CcpReviewFlowPurpose purpose;
    const char *body;
  } cases[] = {
    { CCP_REVIEW_FLOW_REOPEN, "This field plan is final. Reopening it makes it a draft again; "
                              "the reason is kept in the field plan." },
    { CCP_REVIEW_FLOW_ADD_PLANS, "This field plan is final. Adding plans reopens it as a "
                                 "draft; the reason is kept in the field plan." },
    { CCP_REVIEW_FLOW_REVIEW, "This field plan is final. Reviewing a plan reopens it as a "
                              "draft; the reason is kept in the field plan." },
  };
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_present (window);
  ccp_field_plan_lock (field_plan);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AdwMessageDialog *message;

      ccp_review_flow_ensure_open (window, field_plan, cases[i].purpose, reopen_declined_cb,
                                   NULL);
      WAIT_FOR ((message = find_message_dialog (window)) != NULL, 5000);
      g_assert_cmpstr (adw_message_dialog_get_body (message), ==, cases[i].body);
      adw_message_dialog_response (message, "cancel");
      gtk_window_destroy (GTK_WINDOW (message));
    }
  g_assert_true (ccp_field_plan_is_locked (field_plan));
  gtk_window_destroy (window);
}

/* Drops file on the workspace, as a drag from a file manager does. */
static gboolean
drop_file (CcpWorkspace *workspace,
           GFile        *file)
{
  GFile *dropped[1] = { file };
  GdkFileList *list = gdk_file_list_new_from_array (dropped, 1);
  gboolean accepted = ccp_workspace_drop_files (workspace, list);

  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  return accepted;
}

/* The body of the message shown over window, which is then closed. */
static char *
take_message (GtkWindow *window)
{
  AdwMessageDialog *message;
  char *body;

  WAIT_FOR ((message = find_message_dialog (window)) != NULL, 5000);
  body = g_strdup (adw_message_dialog_get_body (message));
  gtk_window_destroy (GTK_WINDOW (message));
  spin (20);
  return body;
}

/* A review file dropped on the workspace opens as the review of that city's source (the Status
 * page), not as a plan to merge; one that does not fit says why: a revision not merged, a state
 * the field plan records otherwise. */
static void
test_drop_review (void)
{
  g_autoptr(GFile) bologna = example_file ("bologna-music-2027-h1.xml");
  g_autofree char *dir = g_dir_make_tmp ("ccp-drop-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bologna-review.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window;
  CcpWorkspace *workspace;
  CcpSource *source;
  GtkWidget *stack;
  guint n_sources;

  workspace = new_workspace (&window);
  add_and_wait (workspace, bologna);
  source = bologna_source (workspace);
  n_sources = g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (
                                                        ccp_workspace_get_field_plan (workspace))));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (ccp_workspace_get_status_page (workspace)),
                                   ADW_TYPE_VIEW_STACK);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), !=, "status");

  /* The review of the source merged: the Status page, nothing merged, no message. */
  review = ccp_cycle_review (ccp_workspace_get_field_plan (workspace), source,
                             CCP_REVIEW_STATE_ACCEPTED, NULL, "Ana Lima", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_ACCEPTED);
  g_assert_true (ccp_review_save (review, file, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CcpReview) again = ccp_review_read_file (file, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
  g_assert_true (drop_file (workspace, file));
  spin (100);
  g_assert_null (find_message_dialog (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "status");
  g_assert_cmpuint (ccp_workspace_get_n_pending (workspace), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (
                      ccp_workspace_get_field_plan (workspace)))), ==, n_sources);

  /* Another state than the field plan's: said, the field plan counts. */
  ccp_review_set_state (review, CCP_REVIEW_STATE_RETURNED);
  g_assert_true (ccp_review_save (review, file, NULL, NULL));
  g_assert_true (drop_file (workspace, file));
  body = take_message (window);
  g_assert_nonnull (strstr (body, "The field plan is what counts"));
  g_clear_pointer (&body, g_free);

  /* A revision not merged here. */
  ccp_review_set_revision (review, ccp_source_get_revision (source) + 5);
  g_assert_true (ccp_review_save (review, file, NULL, NULL));
  g_assert_true (drop_file (workspace, file));
  body = take_message (window);
  g_assert_nonnull (strstr (body, "is not merged in this field plan"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (
                      ccp_workspace_get_field_plan (workspace)))), ==, n_sources);

  gtk_window_destroy (window);
  ccp_test_remove_tree (dir);
}

/* The addresses a person types, split for the portal. */
static void
test_split_addresses (void)
{
  g_auto(GStrv) two = ccp_email_split_addresses (" a@example.org;b@example.org ,, ");
  g_auto(GStrv) none = ccp_email_split_addresses (" , ");

  g_assert_cmpuint (g_strv_length (two), ==, 2);
  g_assert_cmpstr (two[0], ==, "a@example.org");
  g_assert_cmpstr (two[1], ==, "b@example.org");
  g_assert_null (none);
  g_assert_null (ccp_email_split_addresses (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus;
  char *state;
  int status;

  /* Before GTK: everything in this program uses the private bus. g_test_dbus_up() also unsets
   * DISPLAY (it is meant for tests without a display): Xvfb's is put back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  if (g_getenv ("CCP_COMPARE_SHOTS") != NULL)
    {
      /* Screenshots in the caller's language (LANGUAGE), which gtk_test_init() would force to
       * English: the English texts asserted differ then, so assertions do not stop the run. */
      state = g_dir_make_tmp ("ccp-gui-state-XXXXXX", NULL);
      {
        g_autofree char *data_home = g_build_filename (state, "data", NULL);

        g_setenv ("XDG_STATE_HOME", state, TRUE);
        g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      }
      ccp_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
      g_test_init (&argc, &argv, NULL);
      gtk_init ();
      adw_init ();
      g_test_set_nonfatal_assertions ();
    }
  else
    state = ccp_gui_test_init (&argc, &argv);
  ccp_standin_start ();

  g_test_add_func ("/gui/cycle/split-addresses", test_split_addresses);
  g_test_add_func ("/gui/cycle/remind-and-lock", test_remind_and_lock);
  g_test_add_func ("/gui/cycle/reopen-sentences", test_reopen_sentences);
  g_test_add_func ("/gui/cycle/drop-review", test_drop_review);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ccp_gui_file_fixture_set_up, func, ccp_gui_file_fixture_tear_down)
  ADD ("/gui/cycle/send-saved", test_send_saved);
  ADD ("/gui/cycle/send-unsaved-with-errors", test_send_unsaved_with_errors);
  ADD ("/gui/cycle/no-portal", test_no_portal);
  ADD ("/gui/cycle/loop", test_loop);
  ADD ("/gui/cycle/compare-last-sent", test_compare_last_sent);
  ADD ("/gui/cycle/compare-refreshes-itself", test_compare_refreshes_itself);
#undef ADD

  status = ccp_gui_test_run (state);

  /* The daemon goes; the connections stay to the end of the program (g_test_dbus_down would
   * wait for every reference to the session bus to be dropped). */
  g_test_dbus_stop (bus);
  return status;
}
