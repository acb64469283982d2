#define G_LOG_DOMAIN "ccp-result-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-field-messages.h"
#include "ccp-result-row.h"

struct _CcpResultRow
{
  AdwExpanderRow    parent_instance;

  CcpResult        *result;
  CcpItemList       *store;
  CcpFieldMessages *messages;
  GBinding         *outcome_binding;
  GBinding         *indicator_binding;
  gulong            notify_id;

  AdwEntryRow      *outcome_row;
  AdwEntryRow      *indicator_row;
  GtkLabel         *messages_label;
};

G_DEFINE_FINAL_TYPE (CcpResultRow, ccp_result_row, ADW_TYPE_EXPANDER_ROW)

static void
update_title (CcpResultRow *self)
{
  const char *outcome = ccp_result_get_outcome (self->result);
  const char *indicator = ccp_result_get_indicator (self->result);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 /* Translators: an expected result with no text yet */
                                 *outcome ? outcome : _("New expected result"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), indicator);
}

static void
result_notify_cb (CcpResult    *result,
                  GParamSpec   *pspec,
                  CcpResultRow *self)
{
  update_title (self);
}

static void
remove_clicked_cb (GtkButton    *button,
                   CcpResultRow *self)
{
  guint position;

  if (self->store != NULL && ccp_item_list_find (self->store, self->result, &position))
    ccp_item_list_remove (self->store, position);
}

static void
ccp_result_row_dispose (GObject *object)
{
  CcpResultRow *self = CCP_RESULT_ROW (object);

  if (self->outcome_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->outcome_binding));
  if (self->indicator_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->indicator_binding));
  if (self->result != NULL)
    g_clear_signal_handler (&self->notify_id, self->result);
  g_clear_object (&self->result);
  g_clear_object (&self->store);
  g_clear_pointer (&self->messages, ccp_field_messages_free);

  G_OBJECT_CLASS (ccp_result_row_parent_class)->dispose (object);
}

static void
ccp_result_row_class_init (CcpResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_result_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpResultRow, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CcpResultRow, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, CcpResultRow, messages_label);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
ccp_result_row_init (CcpResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Outcomes are what people typed, not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
ccp_result_row_new (CcpResult  *result,
                    CcpItemList *store)
{
  CcpResultRow *self;

  g_return_val_if_fail (CCP_IS_RESULT (result), NULL);

  self = g_object_new (CCP_TYPE_RESULT_ROW, NULL);
  self->result = g_object_ref (result);
  self->store = store ? g_object_ref (store) : NULL;

  self->outcome_binding =
    g_object_bind_property (result, "outcome", self->outcome_row, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->indicator_binding =
    g_object_bind_property (result, "indicator", self->indicator_row, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->messages = ccp_field_messages_new ();
  ccp_field_messages_set_fallback (self->messages, self->messages_label);
  ccp_field_messages_add (self->messages, "outcome", GTK_WIDGET (self->outcome_row), NULL);
  ccp_field_messages_add (self->messages, "indicator", GTK_WIDGET (self->indicator_row), NULL);

  self->notify_id = g_signal_connect (result, "notify", G_CALLBACK (result_notify_cb), self);
  update_title (self);

  return GTK_WIDGET (self);
}

CcpResult *
ccp_result_row_get_result (CcpResultRow *self)
{
  g_return_val_if_fail (CCP_IS_RESULT_ROW (self), NULL);

  return self->result;
}

void
ccp_result_row_show_issues (CcpResultRow *self,
                            GPtrArray    *issues,
                            const char   *prefix)
{
  g_return_if_fail (CCP_IS_RESULT_ROW (self));

  ccp_field_messages_show (self->messages, issues, prefix);
}

gboolean
ccp_result_row_focus (CcpResultRow *self,
                      const char   *property)
{
  g_return_val_if_fail (CCP_IS_RESULT_ROW (self), FALSE);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (ccp_field_messages_focus (self->messages, property))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

GtkWidget *
ccp_result_row_get_input (CcpResultRow *self,
                          const char   *property)
{
  g_return_val_if_fail (CCP_IS_RESULT_ROW (self), NULL);

  return ccp_field_messages_get_input (self->messages, property);
}
