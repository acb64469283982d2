#define G_LOG_DOMAIN "ccp-partner-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-field-messages.h"
#include "ccp-partner-row.h"

struct _CcpPartnerRow
{
  AdwExpanderRow    parent_instance;

  CcpPartner       *partner;
  CcpItemList       *store;
  CcpFieldMessages *messages;
  GPtrArray        *bindings;
  gulong            notify_id;

  CcpCityEntry     *city_name_row;
  AdwEntryRow      *organisation_name_row;
  AdwActionRow     *country_row;
  GtkDropDown      *country_dropdown;
  AdwComboRow      *field_row;
  AdwComboRow      *sector_row;
  GtkLabel         *messages_label;
  GtkImage         *error_icon;
};

G_DEFINE_FINAL_TYPE (CcpPartnerRow, ccp_partner_row, ADW_TYPE_EXPANDER_ROW)

static void
update_title (CcpPartnerRow *self)
{
  CcpPartner *p = self->partner;
  const char *name = ccp_partner_get_name (p);
  g_autofree char *subtitle = NULL;

  if (ccp_partner_get_kind (p) == CCP_PARTNER_KIND_CITY)
    {
      g_autofree char *country = NULL;
      g_autofree char *field = NULL;

      country = ccp_choices_get_label (CCP_CHOICES_COUNTRY, ccp_partner_get_country (p));
      field = ccp_choices_get_label ("field", ccp_partner_get_field (p));
      /* Translators: subtitle of a partner city: country · creative field */
      subtitle = g_strdup_printf (_("%s · %s"), country, field);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                     /* Translators: a partner city that has no name yet */
                                     *name ? name : _("New partner city"));
    }
  else
    {
      subtitle = ccp_choices_get_label ("sector", ccp_partner_get_sector (p));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                     /* Translators: a partner organisation with no name yet */
                                     *name ? name : _("New partner organisation"));
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
partner_notify_cb (CcpPartner    *partner,
                   GParamSpec    *pspec,
                   CcpPartnerRow *self)
{
  update_title (self);
}

static void
city_chosen_cb (CcpCityEntry  *entry,
                CcpMemberCity *city,
                CcpPartnerRow *self)
{
  ccp_partner_set_country (self->partner, ccp_member_city_get_country (city));
  ccp_partner_set_field (self->partner, ccp_member_city_get_field (city));
}

static void
remove_clicked_cb (GtkButton     *button,
                   CcpPartnerRow *self)
{
  guint position;

  if (self->store != NULL && ccp_item_list_find (self->store, self->partner, &position))
    ccp_item_list_remove (self->store, position);
}

static void
ccp_partner_row_dispose (GObject *object)
{
  CcpPartnerRow *self = CCP_PARTNER_ROW (object);

  if (self->bindings != NULL)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_clear_pointer (&self->bindings, g_ptr_array_unref);
    }
  if (self->partner != NULL)
    g_clear_signal_handler (&self->notify_id, self->partner);
  g_clear_object (&self->partner);
  g_clear_object (&self->store);
  g_clear_pointer (&self->messages, ccp_field_messages_free);

  G_OBJECT_CLASS (ccp_partner_row_parent_class)->dispose (object);
}

static void
ccp_partner_row_class_init (CcpPartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_partner_row_dispose;

  g_type_ensure (CCP_TYPE_CITY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-partner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, city_name_row);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, organisation_name_row);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, country_row);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, field_row);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, sector_row);
  gtk_widget_class_bind_template_child (widget_class, CcpPartnerRow, messages_label);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_chosen_cb);
}

static void
ccp_partner_row_init (CcpPartnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Names are what people typed ("R&D Lab"), not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->bindings = g_ptr_array_new ();
  ccp_choices_setup (G_OBJECT (self->country_dropdown), CCP_CHOICES_COUNTRY);
  ccp_choices_setup (G_OBJECT (self->field_row), "field");
  ccp_choices_setup (G_OBJECT (self->sector_row), "sector");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->country_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->country_row, NULL,
                                  -1);
}

static void
bind (CcpPartnerRow *self,
      const char    *property,
      GObject       *target,
      const char    *target_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->partner, property, target, target_property,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

GtkWidget *
ccp_partner_row_new (CcpPartner *partner,
                     CcpItemList *store)
{
  CcpPartnerRow *self;
  gboolean is_city;

  g_return_val_if_fail (CCP_IS_PARTNER (partner), NULL);

  self = g_object_new (CCP_TYPE_PARTNER_ROW, NULL);
  self->partner = g_object_ref (partner);
  self->store = store ? g_object_ref (store) : NULL;
  is_city = ccp_partner_get_kind (partner) == CCP_PARTNER_KIND_CITY;

  gtk_widget_set_visible (GTK_WIDGET (self->city_name_row), is_city);
  gtk_widget_set_visible (GTK_WIDGET (self->country_row), is_city);
  gtk_widget_set_visible (GTK_WIDGET (self->field_row), is_city);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_name_row), !is_city);
  gtk_widget_set_visible (GTK_WIDGET (self->sector_row), !is_city);

  self->error_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-error-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_icon), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icon), _("This partner has errors"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("This partner has errors"),
                                  -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->error_icon));
  self->messages = ccp_field_messages_new ();
  ccp_field_messages_set_fallback (self->messages, self->messages_label);
  if (is_city)
    {
      bind (self, "name", G_OBJECT (self->city_name_row), "text");
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (partner), "country",
                                         G_OBJECT (self->country_dropdown)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (partner), "field", G_OBJECT (self->field_row)));
      ccp_field_messages_add (self->messages, "name", GTK_WIDGET (self->city_name_row), NULL);
      ccp_field_messages_add (self->messages, "country", GTK_WIDGET (self->country_row),
                              GTK_WIDGET (self->country_dropdown));
      ccp_field_messages_add (self->messages, "field", GTK_WIDGET (self->field_row), NULL);
    }
  else
    {
      bind (self, "name", G_OBJECT (self->organisation_name_row), "text");
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (partner), "sector",
                                         G_OBJECT (self->sector_row)));
      ccp_field_messages_add (self->messages, "name",
                              GTK_WIDGET (self->organisation_name_row), NULL);
      ccp_field_messages_add (self->messages, "sector", GTK_WIDGET (self->sector_row), NULL);
    }

  self->notify_id = g_signal_connect (partner, "notify", G_CALLBACK (partner_notify_cb), self);
  update_title (self);

  return GTK_WIDGET (self);
}

CcpPartner *
ccp_partner_row_get_partner (CcpPartnerRow *self)
{
  g_return_val_if_fail (CCP_IS_PARTNER_ROW (self), NULL);

  return self->partner;
}

void
ccp_partner_row_show_issues (CcpPartnerRow *self,
                             GPtrArray     *issues,
                             const char    *prefix)
{
  gboolean has_error = FALSE;

  g_return_if_fail (CCP_IS_PARTNER_ROW (self));

  ccp_field_messages_show (self->messages, issues, prefix);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_has_prefix (ccp_issue_get_path (issue), prefix) &&
          ccp_issue_get_severity (issue) == CCP_SEVERITY_ERROR)
        has_error = TRUE;
    }
  /* Not the whole row in red (a valid name beside a missing sector turned red too): the
   * fields say which is wrong, an icon in the header says so while the row is collapsed. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), has_error);
}

gboolean
ccp_partner_row_focus (CcpPartnerRow *self,
                       const char    *property)
{
  g_return_val_if_fail (CCP_IS_PARTNER_ROW (self), FALSE);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (ccp_field_messages_focus (self->messages, property))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

GtkWidget *
ccp_partner_row_get_input (CcpPartnerRow *self,
                           const char    *property)
{
  g_return_val_if_fail (CCP_IS_PARTNER_ROW (self), NULL);

  return ccp_field_messages_get_input (self->messages, property);
}
