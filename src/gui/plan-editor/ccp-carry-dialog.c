#define G_LOG_DOMAIN "ccp-carry-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-carry-dialog.h"
#include "ccp-format.h"
#include "ccp-markup.h"

struct _CcpCarryDialog
{
  AdwWindow       parent_instance;

  CcpPlan        *previous;
  GPtrArray      *checks;        /* GtkCheckButton, one per activity of previous */
  GtkButton      *create_button;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (CcpCarryDialog, ccp_carry_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
count_chosen (CcpCarryDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_count (CcpCarryDialog *self)
{
  guint n = count_chosen (self);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u of %u activity will be carried over",
                                                        "%u of %u activities will be carried over",
                                                        self->checks->len),
                                           n, self->checks->len);

  gtk_label_set_text (self->count_label, text);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  CcpCarryDialog *self)
{
  update_count (self);
}

static void
set_all (CcpCarryDialog *self,
         gboolean        active)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
}

static void
select_all_clicked_cb (GtkButton      *button,
                       CcpCarryDialog *self)
{
  set_all (self, TRUE);
}

static void
select_none_clicked_cb (GtkButton      *button,
                        CcpCarryDialog *self)
{
  set_all (self, FALSE);
}

static void
create_clicked_cb (GtkButton      *button,
                   CcpCarryDialog *self)
{
  ccp_carry_dialog_respond (self);
}

static void
cancel_clicked_cb (GtkButton      *button,
                   CcpCarryDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
ccp_carry_dialog_dispose (GObject *object)
{
  CcpCarryDialog *self = CCP_CARRY_DIALOG (object);

  g_clear_object (&self->previous);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_carry_dialog_parent_class)->dispose (object);
}

static void
ccp_carry_dialog_class_init (CcpCarryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_carry_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, CCP_TYPE_PLAN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ccp_carry_dialog_init (CcpCarryDialog *self)
{
  self->checks = g_ptr_array_new ();
}

static GtkWidget *
new_activity_row (CcpCarryDialog *self,
                  CcpActivity    *activity)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *state = ccp_activity_get_state (activity);
  const char *state_label = vocabulary && *state
                            ? ccp_vocabulary_get_label (vocabulary, "state", state) : NULL;
  const char *title = ccp_activity_get_title (activity);
  g_autofree char *start = ccp_format_date (ccp_activity_get_start_date (activity));
  g_autofree char *end = ccp_format_date (ccp_activity_get_end_date (activity));
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (state_label == NULL)
    /* Translators: the state of an activity that has none, in the list of activities to carry */
    state_label = *state ? state : _("No state");
  if (*start != '\0' || *end != '\0')
    /* Translators: an activity's state and dates in the list of activities to carry over */
    subtitle = g_strdup_printf (_("%s · %s to %s"), state_label, start, end);
  else
    subtitle = g_strdup (state_label);
  if (*title == '\0')
    /* Translators: an activity without a title, in the list of activities to carry over */
    title = _("Untitled activity");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* Translators: what a screen reader says for a check box: carry over this activity (state) */
  accessible = g_strdup_printf (_("Carry over “%s” (%s)"), title, state_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* Still to do: ticked; done or cancelled: shown, not ticked. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               ccp_carry_flag_for_state (state) != CCP_CARRY_NONE);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  g_ptr_array_add (self->checks, check);

  return row;
}

CcpCarryDialog *
ccp_carry_dialog_new (GtkWindow *parent,
                      CcpPlan   *previous)
{
  CcpCarryDialog *self;
  GtkWidget *box, *header, *cancel, *page, *group, *buttons, *button, *list;
  GListModel *activities;
  g_autofree char *next = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (previous), NULL);

  self = g_object_new (CCP_TYPE_CARRY_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 560, "default-height", 640, NULL);
  self->previous = g_object_ref (previous);
  gtk_window_set_title (GTK_WINDOW (self), _("New Plan from Previous Period"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  next = ccp_period_next (ccp_plan_get_period (previous));
  {
    g_autofree char *isolated = ccp_bidi_isolate (next ? next : "");
    /* Translators: subtitle of the dialog: the period of the new plan */
    g_autofree char *subtitle = g_strdup_printf (_("For %s"), isolated);

    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                     adw_window_title_new (_("Carry Over Activities"),
                                                           subtitle));
  }
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->create_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_reate")));
  gtk_widget_add_css_class (GTK_WIDGET (self->create_button), "suggested-action");
  g_signal_connect (self->create_button, "clicked", G_CALLBACK (create_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->create_button));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Activities to Carry Over"));
  {
    g_autofree char *city = ccp_bidi_isolate (ccp_plan_get_city (previous));
    g_autofree char *period = ccp_bidi_isolate (ccp_plan_get_period (previous));

    /* Translators: above the list of activities to carry over: city and previous period */
    description = g_strdup_printf (_("The activities of %s in %s. Those ticked are copied into "
                                     "the new plan with their dates, to be checked, and remember "
                                     "the activity they came from."), city, period);
  }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("Select _All"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (select_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Select _None"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (select_none_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activities to carry over"), -1);
  activities = G_LIST_MODEL (ccp_plan_get_activities (previous));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      gtk_list_box_append (GTK_LIST_BOX (list), new_activity_row (self, activity));
    }
  if (g_list_model_get_n_items (activities) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The previous plan has no activities."));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->count_label));
  update_count (self);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_grab_focus (self->checks->len > 0 ? g_ptr_array_index (self->checks, 0)
                                               : GTK_WIDGET (self->create_button));

  return self;
}

guint
ccp_carry_dialog_get_n_rows (CcpCarryDialog *self)
{
  g_return_val_if_fail (CCP_IS_CARRY_DIALOG (self), 0);

  return self->checks->len;
}

GtkCheckButton *
ccp_carry_dialog_get_check (CcpCarryDialog *self,
                            guint           index)
{
  g_return_val_if_fail (CCP_IS_CARRY_DIALOG (self), NULL);

  return index < self->checks->len ? g_ptr_array_index (self->checks, index) : NULL;
}

char **
ccp_carry_dialog_get_chosen (CcpCarryDialog *self)
{
  GListModel *activities;
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (CCP_IS_CARRY_DIALOG (self), NULL);

  activities = G_LIST_MODEL (ccp_plan_get_activities (self->previous));
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

        g_ptr_array_add (ids, g_strdup (ccp_activity_get_id (activity)));
      }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

CcpPlan *
ccp_carry_dialog_create_plan (CcpCarryDialog *self)
{
  g_autoptr(CcpPlan) plan = NULL;
  GListModel *activities;
  CcpItemList *store;

  g_return_val_if_fail (CCP_IS_CARRY_DIALOG (self), NULL);

  /* The core makes the draft; the activities ticked are added by position, so that two
   * activities sharing an identifier (or having none) are still carried as ticked. */
  plan = ccp_plan_carry_forward (self->previous, CCP_CARRY_NONE, NULL);
  if (plan == NULL)
    return NULL;
  activities = G_LIST_MODEL (ccp_plan_get_activities (self->previous));
  store = ccp_plan_get_activities (plan);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
        g_autoptr(CcpActivity) copy = ccp_activity_carry (activity,
                                                          ccp_plan_get_id (self->previous));

        ccp_item_list_append (store, copy);
      }
  return g_steal_pointer (&plan);
}

void
ccp_carry_dialog_respond (CcpCarryDialog *self)
{
  g_autoptr(CcpPlan) plan = NULL;

  g_return_if_fail (CCP_IS_CARRY_DIALOG (self));

  plan = ccp_carry_dialog_create_plan (self);
  g_object_ref (self);
  if (plan != NULL)
    g_signal_emit (self, signals[DONE], 0, plan);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}
