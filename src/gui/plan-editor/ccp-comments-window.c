#define G_LOG_DOMAIN "ccp-comments-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-comments-window.h"
#include "ccp-validation-panel.h"

struct _CcpCommentsWindow
{
  AdwWindow      parent_instance;

  CcpPlanEditor *editor;
  CcpPlan       *plan;
  GPtrArray     *checks;    /* GtkCheckButton, one per comment in order */
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (CcpCommentsWindow, ccp_comments_window, ADW_TYPE_WINDOW)

GPtrArray *
ccp_comments_window_issues_for (CcpPlan *plan)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *comments;

  g_return_val_if_fail (CCP_IS_PLAN (plan), issues);

  comments = G_LIST_MODEL (ccp_plan_get_comments (plan));
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;

      if (ccp_review_comment_get_addressed (comment))
        continue;
      path = ccp_review_comment_get_path (comment, plan);
      /* Translators: a review comment beneath its field; %s is the coordinator's text */
      message = g_strdup_printf (_("Coordinator: %s"), ccp_review_comment_get_text (comment));
      g_ptr_array_add (issues, ccp_issue_new (CCP_SEVERITY_INFO, CCP_REVIEW_COMMENT_RULE, path,
                                              message));
    }
  return issues;
}

void
ccp_comments_window_show_in_editor (CcpPlanEditor *editor)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (editor));

  ccp_plan_editor_refresh_comments (editor);
}

static char *
describe_place (CcpPlan          *plan,
                CcpReviewComment *comment)
{
  g_autofree char *path = ccp_review_comment_get_path (comment, plan);
  g_autofree char *section = NULL;
  const char *field = ccp_review_comment_get_field (comment);
  const CcpActivityField *row = NULL;
  const char *heading = NULL;

  if (path[0] == '\0')
    return g_strdup (_("The plan as a whole"));
  section = ccp_validation_panel_section_for (plan, path);
  if (ccp_review_comment_get_activity (comment)[0] != '\0' && field[0] != '\0')
    row = ccp_activity_field_find (field);
  heading = row != NULL ? ccp_activity_field_get_heading (row) : NULL;
  if (heading == NULL)
    return g_steal_pointer (&section);
  /* Translators: where a review comment points: a section of the editor and a field */
  return g_strdup_printf (_("%s, %s"), section, heading);
}

static void
addressed_toggled_cb (GtkCheckButton    *check,
                      CcpCommentsWindow *self)
{
  CcpReviewComment *comment = g_object_get_data (G_OBJECT (check), "ccp-comment");

  ccp_review_comment_set_addressed (comment, gtk_check_button_get_active (check));
  ccp_comments_window_show_in_editor (self->editor);
}

static void
show_clicked_cb (GtkButton         *button,
                 CcpCommentsWindow *self)
{
  CcpReviewComment *comment = g_object_get_data (G_OBJECT (button), "ccp-comment");
  g_autofree char *path = ccp_review_comment_get_path (comment, self->plan);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_window_present (parent);
  if (path[0] != '\0')
    ccp_plan_editor_focus_path (self->editor, path);
}

static GtkWidget *
build_row (CcpCommentsWindow *self,
           CcpReviewComment  *comment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Addressed"));
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  g_autofree char *place = describe_place (self->plan, comment);
  g_autofree char *check_label = NULL;
  g_autofree char *show_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ccp_review_comment_get_text (comment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-reply-sender-symbolic"));

  /* Translators: accessible names of a review comment's controls; %s is where it points */
  show_label = g_strdup_printf (_("Show the field of the comment on %s"), place);
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (show, show_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (show), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  show_label, -1);
  g_object_set_data (G_OBJECT (show), "ccp-comment", comment);
  g_signal_connect (show, "clicked", G_CALLBACK (show_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);

  check_label = g_strdup_printf (_("Mark the comment on %s as addressed"), place);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, check_label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               ccp_review_comment_get_addressed (comment));
  g_object_set_data (G_OBJECT (check), "ccp-comment", comment);
  g_signal_connect (check, "toggled", G_CALLBACK (addressed_toggled_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);

  return row;
}

CcpCommentsWindow *
ccp_comments_window_new (GtkWindow     *parent,
                         CcpPlanEditor *editor,
                         CcpReview     *review)
{
  CcpCommentsWindow *self;
  GtkWidget *toolbar, *header, *scrolled, *clamp, *group;
  GListModel *comments;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (editor), NULL);
  g_return_val_if_fail (ccp_plan_editor_get_plan (editor) != NULL, NULL);

  self = g_object_new (CCP_TYPE_COMMENTS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", _("Review Comments"),
                       "default-width", 560,
                       "default-height", 520,
                       NULL);
  self->editor = g_object_ref (editor);
  self->plan = g_object_ref (ccp_plan_editor_get_plan (editor));

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (toolbar), header);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Coordinator’s Comments"));
  if (review != NULL)
    {
      g_autofree char *day = g_strndup (ccp_review_get_time (review), 10);
      const char *author = ccp_review_get_author (review);

      /* Translators: who reviewed which revision, and when (a date) */
      description = g_strdup_printf (_("Revision %u, reviewed by %s on %s. Mark each comment "
                                       "addressed once the plan answers it, then send the new "
                                       "revision."),
                                     ccp_review_get_revision (review),
                                     author[0] != '\0' ? author : _("the coordinator"), day);
    }
  else
    description = g_strdup (_("Mark each comment addressed once the plan answers it, then send "
                              "the new revision."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The Coordinator’s Comments"), -1);
  comments = G_LIST_MODEL (ccp_plan_get_comments (self->plan));
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(CcpReviewComment) comment = g_list_model_get_item (comments, i);

      gtk_list_box_append (self->list, build_row (self, comment));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));

  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (group, 18);
  gtk_widget_set_margin_bottom (group, 18);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                    0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  ccp_comments_window_show_in_editor (editor);
  return self;
}

static void
ccp_comments_window_finalize (GObject *object)
{
  CcpCommentsWindow *self = CCP_COMMENTS_WINDOW (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (ccp_comments_window_parent_class)->finalize (object);
}

static void
ccp_comments_window_class_init (CcpCommentsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_comments_window_finalize;
}

static void
ccp_comments_window_init (CcpCommentsWindow *self)
{
  self->checks = g_ptr_array_new ();
}

guint
ccp_comments_window_get_n_rows (CcpCommentsWindow *self)
{
  g_return_val_if_fail (CCP_IS_COMMENTS_WINDOW (self), 0);
  return self->checks->len;
}

void
ccp_comments_window_set_addressed (CcpCommentsWindow *self,
                                   guint              index,
                                   gboolean           addressed)
{
  g_return_if_fail (CCP_IS_COMMENTS_WINDOW (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), addressed);
}
