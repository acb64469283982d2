#define G_LOG_DOMAIN "ccp-review-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-review-dialog.h"

struct _CcpReviewDialog
{
  AdwWindow    parent_instance;

  CcpPlan     *plan;
  GPtrArray   *comments;       /* CcpReviewComment */
  GPtrArray   *field_names;    /* char *, parallel to the field chooser; [0] NULL = all of it */

  AdwComboRow *activity_row;
  AdwComboRow *field_row;
  AdwEntryRow *text_row;
  GtkButton   *add_button;
  GtkButton   *return_button;
  GtkListBox  *list;
  GtkLabel    *empty_label;
};

enum {
  RETURN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CcpReviewDialog, ccp_review_dialog, ADW_TYPE_WINDOW)

static CcpActivity *
chosen_activity (CcpReviewDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->activity_row);

  if (self->plan == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (self->plan)),
                                selected - 1);
}

static char *
describe_target (CcpReviewDialog  *self,
                 CcpReviewComment *comment)
{
  const char *activity = ccp_review_comment_get_activity (comment);
  const char *field = ccp_review_comment_get_field (comment);
  const CcpActivityField *row = field[0] != '\0' ? ccp_activity_field_find (field) : NULL;
  const char *heading = row != NULL ? ccp_activity_field_get_heading (row) : NULL;

  if (activity[0] == '\0')
    return g_strdup (_("The plan as a whole"));
  if (heading != NULL)
    /* Translators: the target of a review comment: an activity's identifier and a field */
    return g_strdup_printf (_("Activity %s, %s"), activity, heading);
  /* Translators: the target of a review comment: an activity's identifier */
  return g_strdup_printf (_("Activity %s"), activity);
}

static void
update_buttons (CcpReviewDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->return_button), self->comments->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->comments->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_row),
                            adw_combo_row_get_selected (self->activity_row) > 0);
}

static void
remove_clicked_cb (GtkButton       *button,
                   CcpReviewDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  CcpReviewComment *comment = g_object_get_data (G_OBJECT (row), "ccp-comment");

  g_ptr_array_remove (self->comments, comment);
  gtk_list_box_remove (self->list, row);
  update_buttons (self);
}

gboolean
ccp_review_dialog_add_comment (CcpReviewDialog *self)
{
  g_autoptr(CcpActivity) activity = NULL;
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  CcpReviewComment *comment;
  GtkWidget *row, *remove;
  guint field;

  g_return_val_if_fail (CCP_IS_REVIEW_DIALOG (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  if (text[0] == '\0')
    return FALSE;

  activity = chosen_activity (self);
  field = adw_combo_row_get_selected (self->field_row);
  comment = ccp_review_comment_new ("", activity != NULL ? ccp_activity_get_id (activity) : "",
                                    activity != NULL && field != GTK_INVALID_LIST_POSITION &&
                                    field < self->field_names->len &&
                                    g_ptr_array_index (self->field_names, field) != NULL
                                    ? g_ptr_array_index (self->field_names, field) : "",
                                    text);
  g_ptr_array_add (self->comments, comment);

  target = describe_target (self, comment);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this comment"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "ccp-comment", comment);
  gtk_list_box_append (self->list, row);

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
  update_buttons (self);
  return TRUE;
}

void
ccp_review_dialog_return (CcpReviewDialog *self)
{
  g_return_if_fail (CCP_IS_REVIEW_DIALOG (self));

  /* What is typed but not added yet is meant to go too. */
  ccp_review_dialog_add_comment (self);
  if (self->comments->len == 0)
    return;
  g_signal_emit (self, signals[RETURN], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
activity_notify_cb (CcpReviewDialog *self)
{
  update_buttons (self);
}

static void
add_clicked_cb (CcpReviewDialog *self)
{
  ccp_review_dialog_add_comment (self);
}

static void
return_clicked_cb (CcpReviewDialog *self)
{
  ccp_review_dialog_return (self);
}

static GtkStringList *
activity_choices (CcpPlan *plan)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GListModel *activities;

  gtk_string_list_append (list, _("The plan as a whole"));
  if (plan == NULL)
    return list;
  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      const char *title = ccp_activity_get_title (activity);
      g_autofree char *label = NULL;

      /* Translators: an activity in the review dialog: its number and title */
      label = g_strdup_printf (_("%u. %s"), i + 1, title[0] != '\0' ? title : _("(no title)"));
      gtk_string_list_append (list, label);
    }
  return list;
}

static GtkStringList *
field_choices (GPtrArray *names)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const CcpActivityField *fields;
  guint n_fields;

  gtk_string_list_append (list, _("All of it"));
  g_ptr_array_add (names, NULL);
  fields = ccp_activity_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *heading = ccp_activity_field_get_heading (&fields[i]);

      if (heading == NULL)
        continue;
      gtk_string_list_append (list, heading);
      g_ptr_array_add (names, g_strdup (fields[i].name));
    }
  return list;
}

void
ccp_review_dialog_set_target (CcpReviewDialog *self,
                              int              activity,
                              const char      *field)
{
  g_return_if_fail (CCP_IS_REVIEW_DIALOG (self));

  adw_combo_row_set_selected (self->activity_row, activity < 0 ? 0 : (guint) activity + 1);
  adw_combo_row_set_selected (self->field_row, 0);
  for (guint i = 1; field != NULL && i < self->field_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->field_names, i), field))
      adw_combo_row_set_selected (self->field_row, i);
}

static GtkWidget *
build_content (CcpReviewDialog *self,
               const char      *title)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *comments_group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) activities = activity_choices (self->plan);
  g_autoptr(GtkStringList) fields = field_choices (self->field_names);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->return_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Return to City")));
  gtk_widget_add_css_class (GTK_WIDGET (self->return_button), "destructive-action");
  g_signal_connect_swapped (self->return_button, "clicked", G_CALLBACK (return_clicked_cb),
                            self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->return_button));
  gtk_box_append (GTK_BOX (toolbar), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Say what the city should change. Each comment is "
                                           "shown next to its field when the Focal Point opens "
                                           "the review."));
  self->activity_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->activity_row), _("Comment _on"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->activity_row), TRUE);
  adw_combo_row_set_model (self->activity_row, G_LIST_MODEL (activities));
  g_signal_connect_swapped (self->activity_row, "notify::selected",
                            G_CALLBACK (activity_notify_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->activity_row));
  self->field_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_row), _("_Field"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->field_row), TRUE);
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (fields));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->field_row));
  self->text_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _("Co_mment"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->text_row), TRUE);
  g_signal_connect_swapped (self->text_row, "entry-activated", G_CALLBACK (add_clicked_cb),
                            self);
  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add")));
  gtk_widget_set_valign (GTK_WIDGET (self->add_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _("Add this comment (Enter)"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_entry_row_add_suffix (self->text_row, GTK_WIDGET (self->add_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->text_row));
  gtk_box_append (GTK_BOX (box), group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (comments_group), _("Comments"));
  self->empty_label = GTK_LABEL (gtk_label_new (_("No comment yet: a city is never sent back "
                                                  "without saying why.")));
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_xalign (self->empty_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (comments_group),
                             GTK_WIDGET (self->empty_label));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comments"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (comments_group), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), comments_group);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  return toolbar;
}

CcpReviewDialog *
ccp_review_dialog_new (GtkWindow  *parent,
                       CcpPlan    *plan,
                       const char *title)
{
  CcpReviewDialog *self;
  GtkEventController *shortcuts;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (plan == NULL || CCP_IS_PLAN (plan), NULL);

  self = g_object_new (CCP_TYPE_REVIEW_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", _("Return to City"),
                       "default-width", 600,
                       "default-height", 640,
                       NULL);
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;
  adw_window_set_content (ADW_WINDOW (self), build_content (self, title));
  update_buttons (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->activity_row));
  return self;
}

static void
ccp_review_dialog_finalize (GObject *object)
{
  CcpReviewDialog *self = CCP_REVIEW_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  G_OBJECT_CLASS (ccp_review_dialog_parent_class)->finalize (object);
}

static void
ccp_review_dialog_class_init (CcpReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_review_dialog_finalize;

  signals[RETURN] = g_signal_new ("return", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ccp_review_dialog_init (CcpReviewDialog *self)
{
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_names = g_ptr_array_new_with_free_func (g_free);
}

GtkEditable *
ccp_review_dialog_get_text_entry (CcpReviewDialog *self)
{
  g_return_val_if_fail (CCP_IS_REVIEW_DIALOG (self), NULL);
  return GTK_EDITABLE (self->text_row);
}

GPtrArray *
ccp_review_dialog_get_comments (CcpReviewDialog *self)
{
  g_return_val_if_fail (CCP_IS_REVIEW_DIALOG (self), NULL);
  return self->comments;
}
