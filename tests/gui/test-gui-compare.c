/* What changed (issue 19), driven as a user would: "Compare with…" in the editor lists the
 * changes and activating one moves the focus to its field; the workspace's "What Changed" shows
 * the diff between the revisions a city sent, and says so when a file is not at hand; the
 * period comparison lists new, continued and dropped activities and counts both periods side
 * by side; "New Plan from Previous Period" carries the activities ticked, each with its origin;
 * the network view sets the fields side by side. With CCP_COMPARE_SHOTS=DIR the screens are
 * saved there as PNG files (run once with LANGUAGE=ar too; assertions then do not stop the
 * run, since the English texts they compare are translated). */
#define G_LOG_DOMAIN "test-gui-compare"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ccp-activity-editor.h"
#include "ccp-carry-dialog.h"
#include "ccp-change-list.h"
#include "ccp-compare-chart.h"
#include "ccp-compare-window.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-plan-editor.h"
#include "ccp-status-page.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-workspace-compare.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), name, NULL);

  return g_file_new_for_path (path);
}

static CcpPlan *
read_plan (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (document));
  return CCP_PLAN (document);
}

static void
write_plan (CcpPlan    *plan,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static CcpActivity *
activity_at (CcpItemList *store,
             guint       index)
{
  CcpActivity *activity = g_list_model_get_item (G_LIST_MODEL (store), index);

  g_object_unref (activity);   /* the store keeps it */
  return activity;
}

static void
shoot (GtkWidget  *window,
       const char *name)
{
  const char *dir = g_getenv ("CCP_COMPARE_SHOTS");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  spin (300);
  file = g_strdup_printf ("%s-%s.png", name, language && *language ? language : "en");
  path = g_build_filename (dir, file, NULL);
  ccp_gui_save_png (window, path);
}

static int
find_path (CcpChangeList *list,
           const char    *path)
{
  for (guint i = 0; i < ccp_change_list_get_n_rows (list); i++)
    if (g_strcmp0 (ccp_change_list_get_path (list, i), path) == 0)
      return (int) i;
  return -1;
}

static gboolean
focus_within (GtkWidget *window,
              GtkWidget *target)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

/* --- The list of changes, alone ------------------------------------------------------------ */

static void
activated_cb (CcpChangeList *list,
              const char    *path,
              char         **out)
{
  g_free (*out);
  *out = g_strdup (path);
}

static void
test_change_list (void)
{
  GtkWidget *window = gtk_window_new ();
  CcpChangeList *list = CCP_CHANGE_LIST (ccp_change_list_new ());
  g_autofree char *activated = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "empty");

  ccp_change_list_add (list, CCP_CHANGE_ROW_CHANGED, "Activity 1: Concert", "Title", "Concert",
                       "Open-air concert", "activities/0/title");
  ccp_change_list_add (list, CCP_CHANGE_ROW_ADDED, "Activities", "Workshop", NULL, NULL,
                       "activities/1");
  ccp_change_list_add (list, CCP_CHANGE_ROW_REMOVED, "Activities", "Old fair", NULL, NULL, NULL);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "rows");
  g_assert_cmpuint (ccp_change_list_get_n_rows (list), ==, 3);
  g_assert_cmpstr (ccp_change_list_get_summary (list), ==,
                   "1 field changed, 1 activity added, 1 activity removed");
  g_assert_cmpstr (ccp_change_list_get_label (list, 0), ==,
                   "Title in Activity 1: Concert: was Concert, now Open-air concert");
  g_assert_cmpstr (ccp_change_list_get_label (list, 2), ==, "Activity removed: Old fair");
  /* The accessible name is set on the row, which the keyboard reaches. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ccp_change_list_get_row (list, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Title in Activity 1: Concert: was Concert, now Open-air "
                                       "concert");
  g_assert_true (gtk_widget_get_focusable (ccp_change_list_get_row (list, 0)));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (ccp_change_list_get_row (list, 0))));
  /* Nothing to focus for what is gone. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (ccp_change_list_get_row (list, 2))));

  g_signal_connect (list, "change-activated", G_CALLBACK (activated_cb), &activated);
  ccp_change_list_activate_row (list, 1);
  g_assert_cmpstr (activated, ==, "activities/1");

  ccp_change_list_show_message (list, "dialog-warning-symbolic", "Cannot", "Because");
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "message");
  g_assert_cmpuint (ccp_change_list_get_n_rows (list), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- Compare with… ------------------------------------------------------------------------- */

static void
ready_cb (CcpCompareWindow  *window,
          CcpCompareWindow **out)
{
  *out = window;
}

static void
test_compare_with (void)
{
  g_autoptr(GFile) file = example_file ("bologna-music-2027-h1.xml");
  g_autoptr(GFile) field_plan_file = example_file ("music-2027-h1-field-plan.xml");
  g_autoptr(CcpPlan) older = read_plan (file);
  g_autoptr(CcpPlan) plan = read_plan (file);
  g_autofree char *old_title = NULL;
  CcpWindow *window = ccp_window_new (NULL);
  CcpPlanEditor *editor;
  CcpCompareWindow *compare = NULL;
  CcpChangeList *list;
  CcpItemList *activities = ccp_plan_get_activities (plan);
  g_autoptr(CcpActivity) added = NULL;
  int row;

  /* The plan in the editor: one title and the Focal Point's email changed, the last activity
   * removed, one added. */
  old_title = g_strdup (ccp_activity_get_title (activity_at (activities, 1)));
  ccp_activity_set_title (activity_at (activities, 1), "A Renamed Festival");
  ccp_plan_set_focal_point_email (plan, "new.contact@example.org");
  ccp_item_list_remove (activities, 3);
  added = ccp_activity_copy (activity_at (activities, 0));
  ccp_activity_set_id (added, "a9");
  ccp_activity_set_title (added, "A New Workshop");
  ccp_item_list_append (activities, added);

  ccp_window_set_document (window, G_OBJECT (plan), file, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  editor = ccp_window_get_editor (window);
  g_assert_true (ccp_plan_editor_get_plan (editor) == plan);

  /* A field plan cannot be compared with a city plan: a message says why. */
  ccp_compare_window_open_file (GTK_WINDOW (window), editor, field_plan_file,
                                (CcpCompareWindowReady) ready_cb, &compare);
  WAIT_FOR (find_message_dialog (GTK_WINDOW (window)) != NULL, 10000);
  g_assert_null (compare);
  gtk_window_destroy (GTK_WINDOW (find_message_dialog (GTK_WINDOW (window))));
  spin (20);

  ccp_compare_window_open_file (GTK_WINDOW (window), editor, file,
                                (CcpCompareWindowReady) ready_cb, &compare);
  WAIT_FOR (compare != NULL, 10000);
  list = ccp_compare_window_get_change_list (compare);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "rows");
  g_assert_cmpstr (ccp_change_list_get_summary (list), ==,
                   "2 fields changed, 1 activity added, 1 activity removed");

  row = find_path (list, "activities/1/title");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (ccp_change_list_get_heading (list, row), ==, "Title");
  {
    g_autofree char *expected = g_strdup_printf ("Title in Activity 2: \u2068A Renamed "
                                                 "Festival\u2069: was %s, now A Renamed "
                                                 "Festival", old_title);

    g_assert_cmpstr (ccp_change_list_get_label (list, row), ==, expected);
  }
  g_assert_cmpint (find_path (list, "focal-point-email"), >=, 0);
  g_assert_cmpint (find_path (list, "activities/3"), >=, 0);   /* the one added */
  shoot (GTK_WIDGET (compare), "compare-with");

  /* Activating the title's change focuses the title in the editor. */
  ccp_change_list_activate_row (list, (guint) row);
  {
    CcpActivityEditor *activity_editor = ccp_plan_editor_get_activity_editor (editor);
    GtkWidget *title = ccp_activity_editor_get_input (activity_editor, "title");

    WAIT_FOR (focus_within (GTK_WIDGET (window), title), 10000);
    g_assert_true (ccp_plan_editor_get_selected_activity (editor) == activity_at (activities, 1));
  }

  /* And the email's change, the email's input on the contacts page. */
  ccp_change_list_activate_row (list, (guint) find_path (list, "focal-point-email"));
  WAIT_FOR (focus_within (GTK_WIDGET (window),
                          ccp_plan_editor_get_input (editor, "focal-point-email")), 10000);
  g_assert_cmpstr (ccp_plan_editor_get_visible_section (editor), ==, "contacts");

  /* An edit made since is listed after a refresh. */
  ccp_plan_set_focal_point_email (plan, ccp_plan_get_focal_point_email (older));
  ccp_compare_window_refresh (compare);
  g_assert_cmpint (find_path (list, "focal-point-email"), ==, -1);
  g_assert_cmpstr (ccp_change_list_get_summary (list), ==,
                   "1 field changed, 1 activity added, 1 activity removed");

  /* The same plan: no differences. */
  ccp_plan_editor_set_plan (editor, older);
  ccp_compare_window_refresh (compare);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* --- The workspace ------------------------------------------------------------------------- */

static void
created_cb (CcpNewFieldPlanDialog *dialog,
            CcpWorkspace          *workspace)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_new_field_plan_dialog_create_field_plan (dialog);

  ccp_workspace_set_new_field_plan (workspace, field_plan);
}

static CcpWorkspace *
new_workspace (GtkWindow **out_window)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
  CcpNewFieldPlanDialog *dialog;

  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  gtk_window_present (window);
  dialog = ccp_new_field_plan_dialog_new (window);
  g_signal_connect (dialog, "done", G_CALLBACK (created_cb), workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  ccp_new_field_plan_dialog_set_field (dialog, "music");
  ccp_new_field_plan_dialog_set_period (dialog, "2027-H1");
  ccp_new_field_plan_dialog_respond (dialog);
  g_assert_nonnull (ccp_workspace_get_field_plan (workspace));
  *out_window = window;
  return workspace;
}

static void
add_and_wait (CcpWorkspace *workspace,
              GPtrArray    *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));

      g_list_store_append (files, file);
    }
  g_assert_true (ccp_workspace_add_files (workspace, G_LIST_MODEL (files)));
  WAIT_FOR (!ccp_workspace_get_busy (workspace), 60000);
}

static void
destroy_workspace (GtkWindow    *window,
                   CcpWorkspace *workspace)
{
  WAIT_FOR (ccp_workspace_get_n_pending (workspace) == 0, 60000);
  WAIT_FOR (!ccp_revisions_view_get_busy (ccp_workspace_get_revisions_view (workspace)), 10000);
  gtk_window_destroy (window);
  spin (50);
}

static void
test_what_changed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ccp-compare-XXXXXX", NULL);
  g_autofree char *other = g_dir_make_tmp ("ccp-compare-XXXXXX", NULL);
  g_autofree char *v1 = g_build_filename (dir, "bologna-v1.xml", NULL);
  g_autofree char *v2 = g_build_filename (dir, "bologna-v2.xml", NULL);
  g_autofree char *saved = g_build_filename (other, "music-field-plan.xml", NULL);
  g_autoptr(GFile) example = example_file ("bologna-music-2027-h1.xml");
  g_autoptr(CcpPlan) plan = read_plan (example);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *old_title = NULL;
  GtkWindow *window;
  CcpWorkspace *workspace = new_workspace (&window);
  CcpRevisionsView *view = ccp_workspace_get_revisions_view (workspace);
  CcpChangeList *list = ccp_revisions_view_get_change_list (view);
  int row;

  /* Revision 1 as the example is, revision 2 with a new title and an activity fewer. */
  write_plan (plan, v1);
  old_title = g_strdup (ccp_activity_get_title (activity_at (ccp_plan_get_activities (plan), 0)));
  ccp_plan_set_revision (plan, ccp_plan_get_revision (plan) + 1);
  ccp_activity_set_title (activity_at (ccp_plan_get_activities (plan), 0), "Retitled Concert");
  ccp_item_list_remove (ccp_plan_get_activities (plan), 2);
  write_plan (plan, v2);

  g_assert_cmpuint (ccp_revisions_view_get_n_pairs (view), ==, 0);
  g_ptr_array_add (paths, v1);
  g_ptr_array_add (paths, v2);
  add_and_wait (workspace, paths);

  g_assert_cmpuint (ccp_revisions_view_get_n_pairs (view), ==, 1);
  g_assert_cmpstr (ccp_source_get_file (ccp_revisions_view_get_older (view, 0)), ==,
                   "bologna-v1.xml");
  g_assert_cmpuint (ccp_source_get_status (ccp_revisions_view_get_older (view, 0)), ==,
                    CCP_SOURCE_STATUS_SUPERSEDED);
  g_assert_cmpstr (ccp_source_get_file (ccp_revisions_view_get_newer (view, 0)), ==,
                   "bologna-v2.xml");
  WAIT_FOR (!ccp_revisions_view_get_busy (view), 10000);
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "rows");
  row = find_path (list, "activities/0/title");
  g_assert_cmpint (row, >=, 0);
  {
    g_autofree char *expected = g_strdup_printf ("Title in Activity 1: \u2068Retitled "
                                                 "Concert\u2069: was %s, now Retitled Concert",
                                                 old_title);

    g_assert_cmpstr (ccp_change_list_get_label (list, row), ==, expected);
  }
  g_assert_true (strstr (ccp_change_list_get_summary (list), "1 activity removed") != NULL);
  /* Not returned: no title of a return, no comments beside. */
  g_assert_null (ccp_revisions_view_get_title (view));
  g_assert_null (ccp_revisions_view_get_return_summary (view));
  /* Nothing to focus in the workspace: the rows are not activatable there. */
  g_assert_false (gtk_list_box_row_get_activatable (
                    GTK_LIST_BOX_ROW (ccp_change_list_get_row (list, (guint) row))));

  /* The action of a superseded source shows the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "compare.what-changed", "s",
                                             ccp_source_get_sha256 (ccp_revisions_view_get_older (view, 0))));
  WAIT_FOR (!ccp_revisions_view_get_busy (view), 10000);
  shoot (GTK_WIDGET (window), "what-changed");

  /* Saved elsewhere and opened again: the city files are not beside it, and the view says
   * which one is missing and where it looked. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (saved);
    g_autoptr(GError) error = NULL;
    g_autoptr(CcpFieldPlan) field_plan = NULL;
    GtkWindow *window2 = GTK_WINDOW (gtk_window_new ());
    CcpWorkspace *workspace2 = CCP_WORKSPACE (ccp_workspace_new ());
    CcpRevisionsView *view2 = ccp_workspace_get_revisions_view (workspace2);
    CcpChangeList *list2 = ccp_revisions_view_get_change_list (view2);
    g_autofree char *copy1 = g_build_filename (other, "bologna-v1.xml", NULL);
    g_autofree char *copy2 = g_build_filename (other, "bologna-v2.xml", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (ccp_workspace_save_to_file (workspace, file, &error));
    g_assert_no_error (error);
    field_plan = CCP_FIELD_PLAN (ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);

    gtk_window_set_child (window2, GTK_WIDGET (workspace2));
    gtk_window_present (window2);
    ccp_workspace_set_field_plan (workspace2, field_plan, file);
    g_assert_cmpuint (ccp_revisions_view_get_n_pairs (view2), ==, 1);
    WAIT_FOR (!ccp_revisions_view_get_busy (view2), 10000);
    g_assert_cmpstr (ccp_change_list_get_state (list2), ==, "message");
    g_assert_true (ccp_workspace_show_what_changed (workspace2,
                                                    ccp_source_get_sha256 (
                                                      ccp_revisions_view_get_older (view2, 0))));
    WAIT_FOR (!ccp_revisions_view_get_busy (view2), 10000);
    gtk_window_set_default_size (window2, 1100, 600);
    shoot (GTK_WIDGET (window2), "what-changed-missing");

    /* Both files beside the field plan: the diff is there again. */
    g_assert_true (g_file_get_contents (v1, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy1, contents, (gssize) length, NULL));
    g_free (contents);
    g_assert_true (g_file_get_contents (v2, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy2, contents, (gssize) length, NULL));
    ccp_workspace_set_field_plan (workspace2, field_plan, file);
    WAIT_FOR (!ccp_revisions_view_get_busy (view2), 10000);
    g_assert_cmpstr (ccp_change_list_get_state (list2), ==, "rows");
    g_assert_cmpint (find_path (list2, "activities/0/title"), >=, 0);

    /* A file of that name whose content is not the one merged is not taken for it. */
    g_assert_true (g_file_set_contents (copy1, contents, (gssize) length, NULL));
    ccp_workspace_set_field_plan (workspace2, field_plan, file);
    WAIT_FOR (!ccp_revisions_view_get_busy (view2), 10000);
    g_assert_cmpstr (ccp_change_list_get_state (list2), ==, "message");

    destroy_workspace (window2, workspace2);
  }

  destroy_workspace (window, workspace);
  ccp_test_remove_tree (dir);
  ccp_test_remove_tree (other);
}

/* After a return: the city's revision 2 answers one of the two comments; "What Changed"
 * shows the changes since the return, titled so, with the comments of the return beside them
 * and which were addressed. */
static void
test_since_returned (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ccp-compare-XXXXXX", NULL);
  g_autofree char *v1 = g_build_filename (dir, "bologna-v1.xml", NULL);
  g_autofree char *v2 = g_build_filename (dir, "bologna-v2.xml", NULL);
  g_autoptr(GFile) example = example_file ("bologna-music-2027-h1.xml");
  g_autoptr(CcpPlan) plan = read_plan (example);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  CcpWorkspace *workspace = new_workspace (&window);
  CcpRevisionsView *view = ccp_workspace_get_revisions_view (workspace);
  CcpChangeList *list = ccp_revisions_view_get_change_list (view);
  CcpFieldPlan *field_plan;
  CcpSource *source;
  GtkListBox *rows;
  GtkWidget *row;
  guint r1 = ccp_plan_get_revision (plan);
  g_autofree char *addressed = g_strdup_printf ("Addressed in revision %u", r1 + 1);
  g_autofree char *not_addressed = g_strdup_printf ("Not addressed in revision %u", r1 + 1);
  g_autofree char *accessible = g_strdup_printf ("Addressed in revision %u, Activity "
                                                 "\u2068a1\u2069, Title: Give the festival "
                                                 "its full name.", r1 + 1);
  g_autofree char *pair = g_strdup_printf ("Revision %u, returned on 2027-01-16, replaced by "
                                           "revision %u", r1, r1 + 1);

  write_plan (plan, v1);
  g_ptr_array_add (paths, v1);
  add_and_wait (workspace, paths);
  field_plan = ccp_workspace_get_field_plan (workspace);
  source = ccp_cycle_find_city_source (field_plan, "Bologna", NULL);
  g_assert_nonnull (source);

  /* The coordinator returns revision 1 with two comments. */
  g_ptr_array_add (comments, ccp_review_comment_new ("", "a1", "title", "Give the festival its "
                                                     "full name."));
  g_ptr_array_add (comments, ccp_review_comment_new ("", "a2", "", "Say who the audience is."));
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, comments, "Ana",
                             "2027-01-16T10:00:00Z", &error);
  g_assert_no_error (error);
  /* What the Status page says after its own reviews: the field plan changed. */
  g_signal_emit_by_name (ccp_workspace_get_status_page (workspace), "changed");

  /* The Focal Point answers the first in revision 2. */
  ccp_plan_set_revision (plan, ccp_plan_get_revision (plan) + 1);
  g_assert_cmpuint (ccp_review_apply_to_plan (review, plan), ==, 2);
  ccp_review_comment_set_addressed (ccp_review_comments_find (
    G_LIST_MODEL (ccp_plan_get_comments (plan)), "c1"), TRUE);
  ccp_activity_set_title (activity_at (ccp_plan_get_activities (plan), 0),
                          "Bologna Music Festival 2027");
  write_plan (plan, v2);
  g_ptr_array_set_size (paths, 0);
  g_ptr_array_add (paths, v2);
  add_and_wait (workspace, paths);

  g_assert_cmpuint (ccp_revisions_view_get_n_pairs (view), ==, 1);
  g_assert_cmpint (ccp_source_get_review (ccp_revisions_view_get_older (view, 0)), ==,
                   CCP_REVIEW_STATE_SUPERSEDED);
  WAIT_FOR (!ccp_revisions_view_get_busy (view), 10000);
  g_assert_cmpstr (ccp_revisions_view_get_title (view), ==,
                   "Changes since the plan was returned on 2027-01-16");
  g_assert_cmpstr (ccp_change_list_get_state (list), ==, "rows");
  g_assert_cmpint (find_path (list, "activities/0/title"), >=, 0);

  /* Beside them, the two comments: the first addressed, the second not. */
  g_assert_cmpstr (ccp_revisions_view_get_return_summary (view), ==,
                   "1 of 2 comments addressed");
  rows = ccp_revisions_view_get_return_comments (view);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (rows)));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Give the festival its full name.");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   addressed));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       accessible);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 1));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   not_addressed));
  g_assert_null (gtk_list_box_get_row_at_index (rows, 2));
  /* The list of resubmissions says it too. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (ccp_revisions_view_get_list (view), 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, pair);

  g_assert_true (ccp_workspace_show_what_changed (workspace, ccp_source_get_sha256 (
                                                    ccp_revisions_view_get_older (view, 0))));
  WAIT_FOR (!ccp_revisions_view_get_busy (view), 10000);
  shoot (GTK_WIDGET (window), "since-returned");

  destroy_workspace (window, workspace);
  ccp_test_remove_tree (dir);
}

static guint
count_code (GListModel *activities,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      n += g_strv_contains (ccp_activity_get_objectives (activity), code);
    }
  return n;
}

static void
test_periods (void)
{
  static const char *names[] = {
    "bologna-music-2027-h1.xml", "liverpool-music-2027-h1.xml", "medellin-music-2027-h1.xml",
  };
  g_autofree char *dir = g_dir_make_tmp ("ccp-compare-XXXXXX", NULL);
  g_autofree char *previous_path = g_build_filename (dir, "bologna-2026-h2.xml", NULL);
  g_autoptr(GFile) example = example_file ("bologna-music-2027-h1.xml");
  g_autoptr(CcpPlan) previous = read_plan (example);
  g_autoptr(GFile) previous_file = g_file_new_for_path (previous_path);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  CcpWorkspace *workspace = new_workspace (&window);
  CcpPeriodView *view = ccp_workspace_get_period_view (workspace);
  CcpPeriodCompare *compare;
  CcpCompareChart *chart;
  const char * const *objectives;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (paths, g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), names[i], NULL));
  add_and_wait (workspace, paths);

  /* Bologna's previous period: a1 and a3 go on, a2 was another activity (dropped), a4 is new
   * this period. */
  ccp_plan_set_period (previous, "2026-H2");
  ccp_activity_set_id (activity_at (ccp_plan_get_activities (previous), 1), "p2");
  ccp_item_list_remove (ccp_plan_get_activities (previous), 3);
  write_plan (previous, previous_path);

  g_assert_cmpstr (ccp_period_view_get_state (view), ==, "none");
  ccp_period_view_open_file (view, previous_file);
  WAIT_FOR (!ccp_period_view_get_busy (view), 10000);
  g_assert_cmpstr (ccp_period_view_get_state (view), ==, "comparison");
  compare = ccp_period_view_get_compare (view);
  g_assert_nonnull (compare);
  g_assert_cmpuint (ccp_period_compare_get_n_previous (compare), ==, 3);
  /* 11 city activities, Bologna's a2 and Liverpool's a1 one joint activity of the field plan. */
  g_assert_cmpuint (ccp_period_compare_get_n_current (compare), ==, 10);
  /* Hand-counted, each city of the joint activity for itself: Bologna 2 continued (a1, a3),
   * 2 new (a2, a4), 1 dropped (p2); Liverpool 4 and Medellín 3 new. */
  g_assert_cmpuint (ccp_period_compare_get_n_continued (compare), ==, 2);
  g_assert_cmpuint (ccp_period_compare_get_n_new (compare), ==, 9);
  g_assert_cmpuint (ccp_period_compare_get_n_dropped (compare), ==, 1);
  g_assert_cmpuint (ccp_period_compare_get_n_cities (compare), ==, 3);
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (ccp_period_view_get_cities (view), 0);

    g_assert_true (ADW_IS_EXPANDER_ROW (first));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                     "\u2068Bologna\u2069 (IT)");
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)), ==,
                     "2 new, 2 continued, 1 dropped");
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
  }

  /* The objectives side by side, against counts made here from both plans. */
  chart = ccp_period_view_get_chart (view, CCP_COMPARE_OBJECTIVE);
  objectives = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), "objective");
  g_assert_cmpuint (ccp_compare_chart_get_n_series (chart), ==, 2);
  g_assert_cmpuint (ccp_compare_chart_get_n_rows (chart), ==, g_strv_length ((char **) objectives));
  for (guint i = 0; objectives[i] != NULL; i++)
    {
      GListModel *before = G_LIST_MODEL (ccp_plan_get_activities (previous));
      GListModel *now = G_LIST_MODEL (ccp_field_plan_get_activities (
                                        ccp_workspace_get_field_plan (workspace)));

      g_assert_cmpfloat (ccp_compare_chart_get_value (chart, i, 0), ==,
                         count_code (before, objectives[i]));
      g_assert_cmpfloat (ccp_compare_chart_get_value (chart, i, 1), ==,
                         count_code (now, objectives[i]));
    }
  g_assert_true (strstr (ccp_compare_chart_get_description (chart), "2026-H2") != NULL);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_cmpuint (ccp_compare_chart_get_n_rows (ccp_period_view_get_chart (view,
                                                                            CCP_COMPARE_SDG)),
                    ==, 17);

  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
    "periods");
  shoot (GTK_WIDGET (window), "periods");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
    shoot (GTK_WIDGET (window), "periods-charts");
  }

  /* The same period is not a previous one. */
  ccp_period_view_open_file (view, example);
  WAIT_FOR (!ccp_period_view_get_busy (view), 10000);
  g_assert_cmpstr (ccp_period_view_get_state (view), ==, "message");

  destroy_workspace (window, workspace);
  ccp_test_remove_tree (dir);
}

static void
test_network (void)
{
  static const char *names[] = {
    "bologna-music-2027-h1.xml", "liverpool-music-2027-h1.xml", "medellin-music-2027-h1.xml",
  };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  CcpWorkspace *workspace = new_workspace (&window);
  CcpNetworkView *view = ccp_workspace_get_network_view (workspace);
  g_autoptr(CcpFieldPlan) network = NULL;
  const CcpNetworkField *field;
  GtkListBoxRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (paths, g_build_filename (g_getenv ("CCP_EXAMPLES_DIR"), names[i], NULL));
  add_and_wait (workspace, paths);
  /* A music field plan is not a network overview: no Fields page. */
  g_assert_null (ccp_network_view_get_compare (view));

  /* The view over the music field plan: one field, its figures. */
  ccp_network_view_set_field_plan (view, ccp_workspace_get_field_plan (workspace));
  g_assert_cmpuint (ccp_network_compare_get_n_fields (ccp_network_view_get_compare (view)), ==,
                    1);
  field = ccp_network_compare_get_field (ccp_network_view_get_compare (view), 0);
  g_assert_cmpstr (field->field, ==, "music");
  g_assert_cmpuint (field->activities, ==, 10);
  g_assert_cmpuint (field->international + field->local, ==, 10);
  row = gtk_list_box_get_row_at_index (ccp_network_view_get_fields (view), 0);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Music");
  g_assert_cmpuint (ccp_compare_chart_get_n_series (ccp_network_view_get_chart (view,
                                                                               CCP_COMPARE_AREA)),
                    ==, 1);
  g_assert_true (ccp_network_view_applies_to (network = ccp_field_plan_copy (
                                                ccp_workspace_get_field_plan (workspace)))
                 == FALSE);
  ccp_field_plan_set_field (network, CCP_FIELD_NETWORK);
  g_assert_true (ccp_network_view_applies_to (network));

  /* A network overview of two fields: Medellín's plan counted as one of film. The Fields page
   * shows them side by side: film's 3 activities, music's 7 (Bologna's 4 and Liverpool's 4,
   * one of them joint). */
  {
    GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (network));
    GtkWindow *window2 = GTK_WINDOW (gtk_window_new ());
    CcpWorkspace *workspace2 = CCP_WORKSPACE (ccp_workspace_new ());
    CcpNetworkView *view2 = ccp_workspace_get_network_view (workspace2);
    CcpNetworkCompare *compare;
    CcpCompareChart *chart;

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

        if (g_str_equal (ccp_source_get_city (source), "Medellín"))
          ccp_source_set_field (source, "film");
      }
    gtk_window_set_default_size (window2, 1100, 760);
    gtk_window_set_child (window2, GTK_WIDGET (workspace2));
    gtk_window_present (window2);
    ccp_workspace_set_field_plan (workspace2, network, NULL);
    compare = ccp_network_view_get_compare (view2);
    g_assert_nonnull (compare);
    g_assert_cmpuint (ccp_network_compare_get_n_fields (compare), ==, 2);
    g_assert_cmpstr (ccp_network_compare_get_field (compare, 0)->field, ==, "film");
    g_assert_cmpuint (ccp_network_compare_get_field (compare, 0)->activities, ==, 3);
    g_assert_cmpstr (ccp_network_compare_get_field (compare, 1)->field, ==, "music");
    g_assert_cmpuint (ccp_network_compare_get_field (compare, 1)->activities, ==, 7);
    chart = ccp_network_view_get_chart (view2, CCP_COMPARE_OBJECTIVE);
    g_assert_cmpuint (ccp_compare_chart_get_n_series (chart), ==, 2);
    g_assert_true (strstr (ccp_compare_chart_get_description (chart), "%") != NULL);
    for (guint r = 0; r < ccp_compare_chart_get_n_rows (chart); r++)
      for (guint f = 0; f < 2; f++)
        {
          double share = ccp_compare_chart_get_value (chart, r, f);

          g_assert_cmpfloat (share, >=, 0.0);
          g_assert_cmpfloat (share, <=, 1.0);
        }
    adw_view_stack_set_visible_child_name (
      ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view2), ADW_TYPE_VIEW_STACK)),
      "fields");
    spin (100);
    adw_expander_row_set_expanded (
      ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (ccp_network_view_get_fields (view2), 0)),
      TRUE);
    shoot (GTK_WIDGET (window2), "fields");
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
                                    GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.25);
      shoot (GTK_WIDGET (window2), "fields-charts");
    }
    destroy_workspace (window2, workspace2);
  }

  destroy_workspace (window, workspace);
}

/* --- New plan from previous period --------------------------------------------------------- */

static void
carried_cb (CcpCarryDialog *dialog,
            CcpPlan        *plan,
            CcpPlan       **out)
{
  *out = g_object_ref (plan);
}

static void
test_carry (void)
{
  g_autoptr(GFile) file = example_file ("medellin-music-2027-h1.xml");
  g_autoptr(CcpPlan) previous = read_plan (file);
  g_autoptr(CcpPlan) plan = NULL;
  GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (previous));
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  CcpCarryDialog *dialog;
  guint ticked = 0;
  GListModel *carried;

  /* One more state of each kind: a cancelled one is shown, not ticked. */
  ccp_activity_set_state (activity_at (ccp_plan_get_activities (previous), 1), "cancelled");
  gtk_window_present (parent);
  dialog = ccp_carry_dialog_new (parent, previous);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (ccp_carry_dialog_get_n_rows (dialog), ==,
                    g_list_model_get_n_items (activities));
  for (guint i = 0; i < ccp_carry_dialog_get_n_rows (dialog); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GtkCheckButton *check = ccp_carry_dialog_get_check (dialog, i);
      const char *state = ccp_activity_get_state (activity);
      gboolean to_do = g_str_equal (state, "ongoing") || g_str_equal (state, "planned") ||
                       g_str_equal (state, "postponed") || g_str_equal (state, "carried-over");

      g_assert_cmpint (gtk_check_button_get_active (check), ==, to_do);
      ticked += to_do;
    }
  /* medellin: ongoing, (cancelled), postponed. */
  g_assert_cmpuint (ticked, ==, 2);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (ccp_carry_dialog_get_check (dialog, 0))));
  shoot (GTK_WIDGET (dialog), "carry");

  /* The Focal Point unticks the first and ticks the cancelled one. */
  gtk_check_button_set_active (ccp_carry_dialog_get_check (dialog, 0), FALSE);
  gtk_check_button_set_active (ccp_carry_dialog_get_check (dialog, 1), TRUE);
  {
    g_auto(GStrv) chosen = ccp_carry_dialog_get_chosen (dialog);

    g_assert_cmpuint (g_strv_length (chosen), ==, 2);
    g_assert_cmpstr (chosen[0], ==, "a2");
    g_assert_cmpstr (chosen[1], ==, "a3");
  }
  g_signal_connect (dialog, "done", G_CALLBACK (carried_cb), &plan);
  ccp_carry_dialog_respond (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpstr (ccp_plan_get_period (plan), ==, "2027-H2");
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, ccp_plan_get_city (previous));
  carried = G_LIST_MODEL (ccp_plan_get_activities (plan));
  g_assert_cmpuint (g_list_model_get_n_items (carried), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (carried, i);
      g_autoptr(CcpActivity) origin = g_list_model_get_item (activities, i + 1);

      g_assert_cmpstr (ccp_activity_get_title (activity), ==, ccp_activity_get_title (origin));
      g_assert_cmpstr (ccp_activity_get_carried_from_plan (activity), ==,
                       ccp_plan_get_id (previous));
      g_assert_cmpstr (ccp_activity_get_carried_from_activity (activity), ==,
                       ccp_activity_get_id (origin));
    }

  gtk_window_destroy (parent);
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  char *state = NULL;

  if (g_getenv ("CCP_COMPARE_SHOTS") != NULL)
    {
      /* Screenshots: in the caller's language (LANGUAGE), as src/gui/main.c sets it up, which
       * gtk_test_init() would force to English. The English texts asserted differ then: the
       * assertions do not stop the run, the screens are still taken. */
      state = g_dir_make_tmp ("ccp-gui-state-XXXXXX", NULL);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
      ccp_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
      g_test_init (&argc, &argv, NULL);
      gtk_init ();
      adw_init ();
      g_test_set_nonfatal_assertions ();
    }
  else
    state = ccp_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/compare/change-list", test_change_list);
  g_test_add_func ("/gui/compare/compare-with", test_compare_with);
  g_test_add_func ("/gui/compare/what-changed", test_what_changed);
  g_test_add_func ("/gui/compare/since-returned", test_since_returned);
  g_test_add_func ("/gui/compare/periods", test_periods);
  g_test_add_func ("/gui/compare/network", test_network);
  g_test_add_func ("/gui/compare/carry", test_carry);

  return ccp_gui_test_run (state);
}
