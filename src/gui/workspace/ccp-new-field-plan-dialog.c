#define G_LOG_DOMAIN "ccp-new-field-plan-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-new-field-plan-dialog.h"
#include "ccp-tooltip.h"

struct _CcpNewFieldPlanDialog
{
  AdwWindow       parent_instance;

  GListStore     *deputies;   /* CcpContact */
  GListStore     *roster;     /* CcpPartner */
  GtkStringList  *periods;
  gboolean        editing;

  AdwWindowTitle *window_title;
  GtkButton      *create_button;
  AdwComboRow    *field_row;
  AdwComboRow    *period_row;
  AdwEntryRow    *coordinator_name_row;
  CcpCityEntry   *coordinator_city_row;
  AdwComboRow    *coordinator_country_row;
  AdwEntryRow    *coordinator_email_row;
  GtkListBox     *deputies_list;
  AdwPreferencesGroup *roster_group;
  CcpCityEntry   *add_city_row;
  GtkListBox     *roster_list;
};

G_DEFINE_FINAL_TYPE (CcpNewFieldPlanDialog, ccp_new_field_plan_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Roster ------------------------------------------------------------------------------- */

static void
update_roster_description (CcpNewFieldPlanDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roster));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u member city is expected to send a plan.",
                                       "%u member cities are expected to send a plan.", n), n);
  adw_preferences_group_set_description (self->roster_group, text);
}

static void
remove_member_clicked_cb (GtkButton             *button,
                          CcpNewFieldPlanDialog *self)
{
  CcpPartner *member = g_object_get_data (G_OBJECT (button), "member");
  guint position;

  if (member != NULL && g_list_store_find (self->roster, member, &position))
    g_list_store_remove (self->roster, position);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  CcpNewFieldPlanDialog *self = user_data;
  CcpPartner *member = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ccp_partner_get_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ccp_partner_get_country (member));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  name = ccp_bidi_isolate (ccp_partner_get_name (member));
  /* Translators: a button that removes a city from the roster; %s is the city */
  label = g_strdup_printf (_("Remove %s"), name);
  /* On demand: the roster fills with a field's hundred cities at once. */
  ccp_tooltip_set_on_demand (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "member", g_object_ref (member), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_member_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  int result = g_utf8_collate (ccp_partner_get_name ((CcpPartner *) a),
                               ccp_partner_get_name ((CcpPartner *) b));

  return result != 0 ? result : g_strcmp0 (ccp_partner_get_country ((CcpPartner *) a),
                                           ccp_partner_get_country ((CcpPartner *) b));
}

static void
fill_roster_from_registry (CcpNewFieldPlanDialog *self)
{
  const char *field = ccp_new_field_plan_dialog_get_field (self);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (*field != '\0')
    members = ccp_registry_list_field (ccp_registry_get_default (), field);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (members, i);

      g_ptr_array_add (items, ccp_partner_new_city (ccp_member_city_get_name (city),
                                                    ccp_member_city_get_country (city),
                                                    ccp_member_city_get_field (city)));
    }
  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);
}

static void
reset_roster_clicked_cb (GtkButton             *button,
                         CcpNewFieldPlanDialog *self)
{
  fill_roster_from_registry (self);
}

static void
city_chosen_cb (CcpCityEntry          *entry,
                CcpMemberCity         *city,
                CcpNewFieldPlanDialog *self)
{
  g_autoptr(CcpPartner) member = ccp_partner_new_city (ccp_member_city_get_name (city),
                                                       ccp_member_city_get_country (city),
                                                       ccp_member_city_get_field (city));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roster));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpPartner) other = g_list_model_get_item (G_LIST_MODEL (self->roster), i);

      if (compare_members (other, member, NULL) == 0)
        return;
    }
  g_list_store_insert_sorted (self->roster, member, compare_members, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The coordinator's city, picked among the suggested member cities, brings its country. */
static void
coordinator_city_chosen_cb (CcpCityEntry          *entry,
                            CcpMemberCity         *city,
                            CcpNewFieldPlanDialog *self)
{
  ccp_choices_select (G_OBJECT (self->coordinator_country_row),
                      ccp_member_city_get_country (city));
}

static void
field_selected_cb (CcpNewFieldPlanDialog *self)
{
  /* A new field plan's roster follows its field; an open one keeps its own. */
  if (!self->editing)
    fill_roster_from_registry (self);
}

/* --- Deputies ------------------------------------------------------------------------------- */

static void
remove_deputy_clicked_cb (GtkButton             *button,
                          CcpNewFieldPlanDialog *self)
{
  CcpContact *deputy = g_object_get_data (G_OBJECT (button), "deputy");
  guint position;

  if (deputy != NULL && g_list_store_find (self->deputies, deputy, &position))
    g_list_store_remove (self->deputies, position);
}

static GtkWidget *
add_deputy_entry (GtkWidget  *box,
                  CcpContact *deputy,
                  const char *property,
                  const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_bind_property (deputy, property, entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

static GtkWidget *
create_deputy_row (gpointer item,
                   gpointer user_data)
{
  CcpNewFieldPlanDialog *self = user_data;
  CcpContact *deputy = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  add_deputy_entry (box, deputy, "name", _("Name"));
  add_deputy_entry (box, deputy, "city", _("City"));
  add_deputy_entry (box, deputy, "email", _("Email"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove this deputy coordinator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this deputy coordinator"), -1);
  g_object_set_data_full (G_OBJECT (button), "deputy", g_object_ref (deputy), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_deputy_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
add_deputy_clicked_cb (GtkButton             *button,
                       CcpNewFieldPlanDialog *self)
{
  g_autoptr(CcpContact) deputy = ccp_contact_new ();

  g_list_store_append (self->deputies, deputy);
}

/* --- Responses ------------------------------------------------------------------------------ */

/* Whether the coordinator typed anything that closing would lose. */
static gboolean
has_typed (CcpNewFieldPlanDialog *self)
{
  AdwEntryRow *rows[] = { self->coordinator_name_row, ADW_ENTRY_ROW (self->coordinator_city_row),
                          self->coordinator_email_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (rows[i])) != '\0')
      return TRUE;
  return gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list)) != NULL;
}

static gboolean
destroy_later_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     CcpNewFieldPlanDialog *self)
{
  /* Not while the question, transient for this dialog, is still emitting its response. */
  if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later_cb, g_object_ref (self), g_object_unref);
}

/* Escape: closes at once when nothing was typed, else asks first (a stray Escape lost it). */
static void
escape_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpNewFieldPlanDialog *self = CCP_NEW_FIELD_PLAN_DIALOG (widget);
  GtkWidget *dialog;

  if (!has_typed (self))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the New Field Plan?"),
                                   _("What you typed in this dialog is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_clicked_cb (GtkButton             *button,
                   CcpNewFieldPlanDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

void
ccp_new_field_plan_dialog_respond (CcpNewFieldPlanDialog *self)
{
  g_return_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self));

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
create_clicked_cb (GtkButton             *button,
                   CcpNewFieldPlanDialog *self)
{
  ccp_new_field_plan_dialog_respond (self);
}

static void
update_create_sensitive (CcpNewFieldPlanDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            *ccp_new_field_plan_dialog_get_field (self) != '\0' &&
                            *ccp_new_field_plan_dialog_get_period (self) != '\0');
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_new_field_plan_dialog_dispose (GObject *object)
{
  CcpNewFieldPlanDialog *self = CCP_NEW_FIELD_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CCP_TYPE_NEW_FIELD_PLAN_DIALOG);
  g_clear_object (&self->deputies);
  g_clear_object (&self->roster);
  g_clear_object (&self->periods);

  G_OBJECT_CLASS (ccp_new_field_plan_dialog_parent_class)->dispose (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, CcpNewFieldPlanDialog, name)

static void
ccp_new_field_plan_dialog_class_init (CcpNewFieldPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_new_field_plan_dialog_dispose;

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (CCP_TYPE_CITY_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/org/creativecities/Plans/ccp-workspace-new-field-plan.ui");
  BIND_CHILD (window_title);
  BIND_CHILD (create_button);
  BIND_CHILD (field_row);
  BIND_CHILD (period_row);
  BIND_CHILD (coordinator_name_row);
  BIND_CHILD (coordinator_city_row);
  BIND_CHILD (coordinator_country_row);
  BIND_CHILD (coordinator_email_row);
  BIND_CHILD (deputies_list);
  BIND_CHILD (roster_group);
  BIND_CHILD (add_city_row);
  BIND_CHILD (roster_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_deputy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_roster_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, coordinator_city_chosen_cb);
  gtk_widget_class_install_action (widget_class, "dialog.escape", NULL, escape_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.escape", NULL);
}

static char *
current_period (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_strdup_printf ("%04d-H%d", g_date_time_get_year (now),
                          g_date_time_get_month (now) <= 6 ? 1 : 2);
}

static void
ccp_new_field_plan_dialog_init (CcpNewFieldPlanDialog *self)
{
  g_autofree char *period = current_period ();
  guint year = 0, half = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->deputies = g_list_store_new (CCP_TYPE_CONTACT);
  self->roster = g_list_store_new (CCP_TYPE_PARTNER);
  gtk_list_box_bind_model (self->deputies_list, G_LIST_MODEL (self->deputies),
                           create_deputy_row, self, NULL);
  gtk_list_box_bind_model (self->roster_list, G_LIST_MODEL (self->roster),
                           create_member_row, self, NULL);
  g_signal_connect_swapped (self->roster, "items-changed",
                            G_CALLBACK (update_roster_description), self);

  ccp_choices_setup (G_OBJECT (self->field_row), "field");
  ccp_choices_setup (G_OBJECT (self->coordinator_country_row), CCP_CHOICES_COUNTRY);

  /* The half-year before, this one and the two after: plans are made in advance. */
  self->periods = gtk_string_list_new (NULL);
  ccp_period_parse (period, &year, &half);
  {
    g_autofree char *previous = half == 1 ? g_strdup_printf ("%04u-H2", year - 1)
                                          : g_strdup_printf ("%04u-H1", year);
    g_autofree char *next = ccp_period_next (period);
    g_autofree char *after = ccp_period_next (next);

    gtk_string_list_append (self->periods, previous);
    gtk_string_list_append (self->periods, period);
    gtk_string_list_append (self->periods, next);
    gtk_string_list_append (self->periods, after);
  }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (self->periods));
  adw_combo_row_set_expression (self->period_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  adw_combo_row_set_selected (self->period_row, 2);

  g_signal_connect_swapped (self->field_row, "notify::selected",
                            G_CALLBACK (field_selected_cb), self);
  g_signal_connect_swapped (self->field_row, "notify::selected",
                            G_CALLBACK (update_create_sensitive), self);
  g_signal_connect_swapped (self->period_row, "notify::selected",
                            G_CALLBACK (update_create_sensitive), self);
  update_roster_description (self);
  update_create_sensitive (self);
}

CcpNewFieldPlanDialog *
ccp_new_field_plan_dialog_new (GtkWindow *parent)
{
  return g_object_new (CCP_TYPE_NEW_FIELD_PLAN_DIALOG, "transient-for", parent, NULL);
}

void
ccp_new_field_plan_dialog_set_field (CcpNewFieldPlanDialog *self,
                                     const char            *field)
{
  g_return_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self));

  ccp_choices_select (G_OBJECT (self->field_row), field != NULL ? field : "");
}

const char *
ccp_new_field_plan_dialog_get_field (CcpNewFieldPlanDialog *self)
{
  g_return_val_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self), NULL);

  return ccp_choices_get_selected (G_OBJECT (self->field_row));
}

void
ccp_new_field_plan_dialog_set_period (CcpNewFieldPlanDialog *self,
                                      const char            *period)
{
  guint n;

  g_return_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self));
  g_return_if_fail (period != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->periods));
  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->periods, i), period))
      {
        adw_combo_row_set_selected (self->period_row, i);
        return;
      }
  gtk_string_list_append (self->periods, period);
  adw_combo_row_set_selected (self->period_row, n);
}

const char *
ccp_new_field_plan_dialog_get_period (CcpNewFieldPlanDialog *self)
{
  guint selected;

  g_return_val_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->period_row);
  if (selected == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (self->periods, selected);
}

GListModel *
ccp_new_field_plan_dialog_get_roster (CcpNewFieldPlanDialog *self)
{
  g_return_val_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self), NULL);

  return G_LIST_MODEL (self->roster);
}

void
ccp_new_field_plan_dialog_set_field_plan (CcpNewFieldPlanDialog *self,
                                          CcpFieldPlan          *field_plan,
                                          gboolean               lock_target)
{
  CcpContact *coordinator;
  GListModel *list;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  self->editing = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Field Plan Details"));
  adw_window_title_set_title (self->window_title, _("Field Plan Details"));
  gtk_button_set_label (self->create_button, _("_Apply"));

  ccp_new_field_plan_dialog_set_field (self, ccp_field_plan_get_field (field_plan));
  if (*ccp_field_plan_get_period (field_plan) != '\0')
    ccp_new_field_plan_dialog_set_period (self, ccp_field_plan_get_period (field_plan));
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_row), !lock_target);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !lock_target);

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  gtk_editable_set_text (GTK_EDITABLE (self->coordinator_name_row),
                         ccp_contact_get_name (coordinator));
  gtk_editable_set_text (GTK_EDITABLE (self->coordinator_city_row),
                         ccp_contact_get_city (coordinator));
  ccp_choices_select (G_OBJECT (self->coordinator_country_row),
                      ccp_contact_get_country (coordinator));
  gtk_editable_set_text (GTK_EDITABLE (self->coordinator_email_row),
                         ccp_contact_get_email (coordinator));

  list = G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (list, i);

      g_ptr_array_add (items, ccp_contact_copy (deputy));
    }
  g_list_store_splice (self->deputies, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->deputies)),
                       items->pdata, items->len);

  g_ptr_array_set_size (items, 0);
  list = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (list, i);

      g_ptr_array_add (items, ccp_partner_copy (member));
    }
  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);
}

void
ccp_new_field_plan_dialog_apply (CcpNewFieldPlanDialog *self,
                                 CcpFieldPlan          *field_plan)
{
  CcpContact *coordinator;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;

  g_return_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  ccp_field_plan_set_field (field_plan, ccp_new_field_plan_dialog_get_field (self));
  ccp_field_plan_set_period (field_plan, ccp_new_field_plan_dialog_get_period (self));

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  ccp_contact_set_name (coordinator,
                        gtk_editable_get_text (GTK_EDITABLE (self->coordinator_name_row)));
  ccp_contact_set_city (coordinator,
                        gtk_editable_get_text (GTK_EDITABLE (self->coordinator_city_row)));
  ccp_contact_set_country (coordinator,
                           ccp_choices_get_selected (G_OBJECT (self->coordinator_country_row)));
  ccp_contact_set_email (coordinator,
                         gtk_editable_get_text (GTK_EDITABLE (self->coordinator_email_row)));

  list = G_LIST_MODEL (self->deputies);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (list, i);

      /* A row left empty is not a deputy. */
      if (*ccp_contact_get_name (deputy) != '\0' || *ccp_contact_get_email (deputy) != '\0')
        g_ptr_array_add (items, ccp_contact_copy (deputy));
    }
  ccp_item_list_splice (ccp_field_plan_get_deputies (field_plan), 0,
                        g_list_model_get_n_items (G_LIST_MODEL (
                         ccp_field_plan_get_deputies (field_plan))),
                        items->pdata, items->len);

  g_ptr_array_set_size (items, 0);
  list = G_LIST_MODEL (self->roster);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (list, i);

      g_ptr_array_add (items, ccp_partner_copy (member));
    }
  ccp_item_list_splice (ccp_field_plan_get_roster (field_plan), 0,
                        g_list_model_get_n_items (G_LIST_MODEL (
                         ccp_field_plan_get_roster (field_plan))),
                        items->pdata, items->len);
}

CcpFieldPlan *
ccp_new_field_plan_dialog_create_field_plan (CcpNewFieldPlanDialog *self)
{
  CcpFieldPlan *field_plan;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CCP_IS_NEW_FIELD_PLAN_DIALOG (self), NULL);

  field_plan = ccp_field_plan_new ();
  ccp_new_field_plan_dialog_apply (self, field_plan);
  /* The identifier ccplans merge gives a new field plan, so both make the same file. */
  id = g_strdup_printf ("field-%s-%s", ccp_field_plan_get_field (field_plan),
                        ccp_field_plan_get_period (field_plan));
  ccp_field_plan_set_id (field_plan, id);
  ccp_field_plan_set_revision (field_plan, 1);
  ccp_field_plan_set_status (field_plan, CCP_PLAN_STATUS_DRAFT);
  ccp_field_plan_set_mission_statement (field_plan, CCP_MISSION_STATEMENT_CURRENT);
  now = ccp_merge_default_time ();
  ccp_field_plan_set_modified (field_plan, now);

  return field_plan;
}
