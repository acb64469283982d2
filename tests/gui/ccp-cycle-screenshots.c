/* ccp-cycle-screenshots: renders the screens of the six-month cycle (issue 18) to PNG for review:
 * Send to Coordinator (a plan without and with errors), the answer without an email portal, the
 * review comments in the editor, the workspace's Status page, Return to City and reopening.
 * Usage: ccp-cycle-screenshots OUTDIR light|dark|rtl, under Xvfb with GSK_RENDERER=cairo and
 * LANGUAGE=ar LANG=C.UTF-8 LC_ALL=C.UTF-8 for rtl (as tests/gui/screenshots.sh runs it). */
#define G_LOG_DOMAIN "ccp-cycle-screenshots"

#include "config.h"

#include <adwaita.h>

#include "ccp-application.h"
#include "ccp-comments-window.h"
#include "ccp-email.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-review-dialog.h"
#include "ccp-review-flow.h"
#include "ccp-workspace.h"
#include "ccp-plan-editor.h"
#include "ccp-send-dialog.h"
#include "ccp-window.h"
#include "ccp-gui-test-util.h"

static void
reopen_done_cb (gpointer user_data,
                gboolean changed)
{
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CcpApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  g_autofree char *state = NULL;
  const char *dir, *variant;
  CcpWindow *window;
  CcpPlanEditor *editor;
  CcpSendDialog *dialog;
  AdwMessageDialog *message;
  g_autofree char *body = NULL;

  state = ccp_gui_shots_init (argc, argv, "", &dir, &variant);
  app = ccp_gui_shots_application_new ();

  window = ccp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  document = ccp_gui_shots_open_example (window, "bologna-music-2027-h1.xml", &file);
  editor = ccp_window_get_editor (window);
  spin (600);

  dialog = ccp_send_dialog_new (GTK_WINDOW (window), CCP_PLAN (document), file,
                                ccp_plan_get_revision (CCP_PLAN (document)),
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
  gtk_editable_set_text (ccp_send_dialog_get_address_entry (dialog), "music@example.org");
  gtk_window_present (GTK_WINDOW (dialog));
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (dialog), dir, "", "send", variant);
  gtk_window_destroy (GTK_WINDOW (dialog));

  ccp_plan_set_focal_point_email (CCP_PLAN (document), "chiara.benedetti@");
  spin (300);
  dialog = ccp_send_dialog_new (GTK_WINDOW (window), CCP_PLAN (document), file,
                                ccp_plan_get_revision (CCP_PLAN (document)),
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (600);
  ccp_gui_shots_save (GTK_WIDGET (dialog), dir, "", "send-errors", variant);
  gtk_window_destroy (GTK_WINDOW (dialog));

  body = ccp_send_dialog_build_summary (CCP_PLAN (document), 3, 0, 0);
  ccp_email_offer_fallback (GTK_WINDOW (window), "music@example.org", body, file);
  spin (600);
  message = find_message_dialog (GTK_WINDOW (window));
  ccp_gui_shots_save (GTK_WIDGET (message), dir, "", "no-portal", variant);
  gtk_window_destroy (GTK_WINDOW (message));

  /* The review comments, as opening a review file shows them. */
  {
    g_autoptr(CcpReview) review = ccp_review_new ();
    g_autoptr(CcpReviewComment) one = ccp_review_comment_new ("c1", "", "", "");
    g_autoptr(CcpReviewComment) two = NULL;
    g_autoptr(CcpActivity) activity = g_list_model_get_item (
      G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document))), 0);
    CcpCommentsWindow *comments;

    ccp_plan_set_focal_point_email (CCP_PLAN (document), "chiara.benedetti@example.org");
    ccp_review_set_plan_id (review, ccp_plan_get_id (CCP_PLAN (document)));
    ccp_review_set_revision (review, ccp_plan_get_revision (CCP_PLAN (document)));
    ccp_review_set_state (review, CCP_REVIEW_STATE_RETURNED);
    ccp_review_set_author (review, "Ana Lima");
    ccp_review_set_time (review, "2026-12-05T10:00:00Z");
    two = ccp_review_comment_new ("c2", ccp_activity_get_id (activity), "title",
                                  "Give the festival its full name.");
    ccp_review_comment_set_text (one, "Add the city council’s representative.");
    ccp_item_list_append (ccp_review_get_comments (review), one);
    ccp_item_list_append (ccp_review_get_comments (review), two);
    ccp_review_apply_to_plan (review, CCP_PLAN (document));
    comments = ccp_comments_window_new (GTK_WINDOW (window), editor, review);
    gtk_window_present (GTK_WINDOW (comments));
    spin (600);
    ccp_gui_shots_save (GTK_WIDGET (comments), dir, "", "review-comments", variant);
    gtk_window_destroy (GTK_WINDOW (comments));
    ccp_plan_editor_select_activity (editor, 0);
    spin (600);
    ccp_gui_shots_save (GTK_WIDGET (window), dir, "", "review-comment-field", variant);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The coordinator: a music field plan with two city plans. */
  {
    GtkWindow *ws_window = GTK_WINDOW (gtk_window_new ());
    CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autofree char *liverpool = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"),
                                                   "liverpool-music-2027-h1.xml", NULL);
    g_autoptr(GFile) liverpool_file = g_file_new_for_path (liverpool);
    GtkWidget *status = NULL;
    CcpReviewDialog *review_dialog;
    AdwMessageDialog *reopen;

    gtk_window_set_default_size (ws_window, 1100, 720);
    gtk_window_set_child (ws_window, GTK_WIDGET (workspace));
    gtk_window_present (ws_window);
    ccp_gui_test_new_field_plan (ws_window, workspace);
    g_list_store_append (files, file);
    g_list_store_append (files, liverpool_file);
    ccp_workspace_add_files (workspace, G_LIST_MODEL (files));
    while (ccp_workspace_get_busy (workspace) || ccp_workspace_get_n_pending (workspace) > 0)
      spin (50);
    status = gtk_widget_get_ancestor (GTK_WIDGET (ccp_workspace_get_status_page (workspace)),
                                      ADW_TYPE_VIEW_STACK);
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (status), "status");
    spin (800);
    ccp_gui_shots_save (GTK_WIDGET (ws_window), dir, "", "status", variant);

    review_dialog = ccp_review_dialog_new (ws_window, CCP_PLAN (document), "Bologna, revision 3");
    gtk_window_present (GTK_WINDOW (review_dialog));
    ccp_review_dialog_set_target (review_dialog, 0, "title");
    gtk_editable_set_text (ccp_review_dialog_get_text_entry (review_dialog),
                           "Give the festival its full name.");
    ccp_review_dialog_add_comment (review_dialog);
    ccp_review_dialog_set_target (review_dialog, 1, "description");
    spin (600);
    ccp_gui_shots_save (GTK_WIDGET (review_dialog), dir, "", "return-to-city", variant);
    gtk_window_destroy (GTK_WINDOW (review_dialog));

    ccp_field_plan_lock (ccp_workspace_get_field_plan (workspace));
    ccp_review_flow_ensure_open (ws_window, ccp_workspace_get_field_plan (workspace),
                                 CCP_REVIEW_FLOW_REVIEW, reopen_done_cb, NULL);
    spin (600);
    reopen = find_message_dialog (ws_window);
    ccp_gui_shots_save (GTK_WIDGET (reopen), dir, "", "reopen", variant);
    gtk_window_destroy (GTK_WINDOW (reopen));
    gtk_window_destroy (ws_window);
  }

  ccp_test_remove_tree (state);
  return 0;
}
