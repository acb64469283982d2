#define G_LOG_DOMAIN "ccp-send-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-choices.h"
#include "ccp-email.h"
#include "ccp-markup.h"
#include "ccp-send-dialog.h"

/* GSettings key: field code -> the coordinator's address last sent to. */
#define ADDRESSES_KEY "coordinator-addresses"

struct _CcpSendDialog
{
  AdwWindow           parent_instance;

  CcpPlan            *plan;
  GFile              *file;
  GCancellable       *cancellable;
  guint               n_errors;
  CcpSendPrepareFunc  prepare;
  gpointer            prepare_data;
  GDestroyNotify      prepare_destroy;

  AdwEntryRow        *address_row;
  AdwEntryRow        *subject_row;
  GtkTextView        *body_view;
  GtkLabel           *error_label;
  GtkButton          *send_button;
  GtkSpinner         *spinner;
};

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CcpSendDialog, ccp_send_dialog, ADW_TYPE_WINDOW)

static const char *
or_unknown (const char *text)
{
  /* Translators: in the summary of a plan, for a field left empty */
  return text != NULL && text[0] != '\0' ? text : _("(not given)");
}

/* The period ("2027-H1") in a right-to-left sentence: isolated, or the bidi algorithm shows
 * "H1-2027". Left as it is in left-to-right languages, whose mail needs no control characters. */
static char *
period_text (CcpPlan *plan)
{
  const char *period = or_unknown (ccp_plan_get_period (plan));

  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    return ccp_bidi_isolate (period);
  return g_strdup (period);
}

char *
ccp_send_dialog_build_subject (CcpPlan *plan,
                               guint    revision)
{
  g_autofree char *field = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  field = ccp_choices_get_label ("field", ccp_plan_get_field (plan));
  period = period_text (plan);
  /* Translators: subject of the email that sends a plan: city, field, period, revision */
  return g_strdup_printf (_("Creative Cities plan: %s, %s, %s, revision %u"),
                          or_unknown (ccp_plan_get_city (plan)), field, period, revision);
}

char *
ccp_send_dialog_build_summary (CcpPlan *plan,
                               guint    revision,
                               guint    n_errors,
                               guint    n_warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *field = NULL;
  g_autofree char *country = NULL;
  g_autofree char *period = NULL;
  guint n_activities;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  field = ccp_choices_get_label ("field", ccp_plan_get_field (plan));
  country = ccp_choices_get_label (CCP_CHOICES_COUNTRY, ccp_plan_get_country (plan));
  n_activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));

  g_string_append (text, _("Please find attached our plan for the next six months."));
  g_string_append (text, "\n\n");
  /* Translators: lines of the summary of a plan sent by email; %s are the city and country */
  g_string_append_printf (text, _("City: %s (%s)"), or_unknown (ccp_plan_get_city (plan)),
                          country[0] != '\0' ? country : or_unknown (NULL));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Field: %s"), field);
  g_string_append_c (text, '\n');
  period = period_text (plan);
  g_string_append_printf (text, _("Period: %s"), period);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Revision: %u"), revision);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Status: %s"),
                          ccp_plan_get_status (plan) == CCP_PLAN_STATUS_FINAL
                          ? C_("plan status", "Final") : C_("plan status", "Draft"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Activities: %u",
                                             "Activities: %u", n_activities), n_activities);
  g_string_append_c (text, '\n');
  if (n_errors == 0 && n_warnings == 0)
    g_string_append (text, _("Open problems: none"));
  else
    {
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error",
                                                              "%u errors", n_errors), n_errors);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                                "%u warnings", n_warnings),
                                                   n_warnings);

      if (n_warnings == 0)
        /* Translators: %s is "2 errors" */
        g_string_append_printf (text, _("Open problems: %s"), errors);
      else if (n_errors == 0)
        /* Translators: %s is "1 warning" */
        g_string_append_printf (text, _("Open problems: %s"), warnings);
      else
        /* Translators: %s are "2 errors" and "1 warning" */
        g_string_append_printf (text, _("Open problems: %s, %s"), errors, warnings);
    }
  g_string_append (text, "\n\n");
  if (ccp_plan_get_focal_point_name (plan)[0] != '\0')
    {
      /* Translators: the last line of the summary: the focal point's name and address */
      g_string_append_printf (text, _("Focal Point: %s %s"), ccp_plan_get_focal_point_name (plan),
                              ccp_plan_get_focal_point_email (plan));
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GSettings *
get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Programs that link the GUI without installing its schema (screenshots) remember nothing. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, ADDRESSES_KEY))
    return NULL;
  return g_settings_new (APP_ID);
}

char *
ccp_send_dialog_get_remembered_address (const char *field)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) addresses = NULL;
  const char *address = NULL;

  if (settings == NULL || field == NULL)
    return g_strdup ("");
  addresses = g_settings_get_value (settings, ADDRESSES_KEY);
  if (!g_variant_lookup (addresses, field, "&s", &address))
    return g_strdup ("");
  return g_strdup (address);
}

static void
remember_address (const char *field,
                  const char *address)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  if (settings == NULL || field == NULL || field[0] == '\0')
    return;
  old = g_settings_get_value (settings, ADDRESSES_KEY);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, field))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", field, address);
  g_settings_set_value (settings, ADDRESSES_KEY, g_variant_builder_end (&builder));
}

static char *
get_body (CcpSendDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_busy (CcpSendDialog *self,
          gboolean       busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_error (CcpSendDialog *self,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Send the Plan"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compose_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CcpSendDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ccp_email_compose_finish (result, &error))
    {
      g_signal_emit (self, signals[SENT], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Closed with the dialog, or the composer's chooser was dismissed: the user decides. */
      if (!g_cancellable_is_cancelled (self->cancellable))
        set_busy (self, FALSE);
      return;
    }

  if (g_error_matches (error, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_NO_PORTAL))
    {
      g_autofree char *body = get_body (self);
      const char *address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));

      ccp_email_offer_fallback (parent, address, body, self->file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  set_busy (self, FALSE);
  show_error (self, error->message);
}

void
ccp_send_dialog_send (CcpSendDialog *self)
{
  g_auto(GStrv) addresses = NULL;
  g_autofree char *body = NULL;
  const char *address;

  g_return_if_fail (CCP_IS_SEND_DIALOG (self));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->send_button)))
    return;

  if (self->prepare != NULL)
    {
      g_autoptr(GError) error = NULL;
      GFile *file = self->prepare (self, self->prepare_data, &error);

      if (file == NULL)
        {
          if (error != NULL)
            show_error (self, error->message);
          return;
        }
      g_set_object (&self->file, file);
      g_object_unref (file);
    }

  address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  addresses = ccp_email_split_addresses (address);
  if (addresses != NULL)
    remember_address (ccp_plan_get_field (self->plan), address);
  body = get_body (self);

  set_busy (self, TRUE);
  ccp_email_compose_async (GTK_WINDOW (self), (const char *const *) addresses, NULL,
                           gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body,
                           self->file, self->cancellable, compose_cb, g_object_ref (self));
}

static void
send_clicked_cb (CcpSendDialog *self)
{
  ccp_send_dialog_send (self);
}

static gboolean
close_request_cb (CcpSendDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static GtkWidget *
build_content (CcpSendDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *attachment_row = adw_action_row_new ();
  GtkWidget *body_label = gtk_label_new_with_mnemonic (_("_Message"));
  GtkWidget *body_frame = gtk_frame_new (NULL);
  GtkWidget *body_scrolled = gtk_scrolled_window_new ();
  g_autofree char *name = g_file_get_basename (self->file);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");

  self->send_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Send")));
  gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button),
                               _("Open the message in your email program (Ctrl+Return)"));
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->send_button));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opening the email program"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (self->n_errors > 0)
    {
      g_autofree char *text =
        /* Translators: in the Send to Coordinator dialog of a plan with errors */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "This draft has %u error. It can be sent, but the "
                                      "coordinator will see it: consider fixing it first.",
                                      "This draft has %u errors. It can be sent, but the "
                                      "coordinator will see them: consider fixing them first.",
                                      self->n_errors),
                         self->n_errors);

      self->error_label = GTK_LABEL (gtk_label_new (text));
      gtk_label_set_wrap (self->error_label, TRUE);
      gtk_label_set_xalign (self->error_label, 0.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Send to Coordinator"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The saved plan is attached to a new message in your "
                                           "email program, where you can check it and send it."));
  self->address_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row),
                                 _("Coordinator’s email address"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->address_row), TRUE);
  g_signal_connect_swapped (self->address_row, "entry-activated", G_CALLBACK (send_clicked_cb),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->address_row));
  self->subject_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row), _("Subject"));
  g_signal_connect_swapped (self->subject_row, "entry-activated", G_CALLBACK (send_clicked_cb),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->subject_row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attachment_row), _("Attachment"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (attachment_row), name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (attachment_row),
                             gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), attachment_row);
  gtk_box_append (GTK_BOX (box), group);

  gtk_label_set_xalign (GTK_LABEL (body_label), 0.0);
  gtk_widget_add_css_class (body_label, "heading");
  gtk_box_append (GTK_BOX (box), body_label);
  self->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->body_view, 8);
  gtk_text_view_set_right_margin (self->body_view, 8);
  gtk_text_view_set_top_margin (self->body_view, 8);
  gtk_text_view_set_bottom_margin (self->body_view, 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (body_label), GTK_WIDGET (self->body_view));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->body_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, body_label, NULL, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (body_scrolled),
                                 GTK_WIDGET (self->body_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (body_scrolled), 220);
  gtk_frame_set_child (GTK_FRAME (body_frame), body_scrolled);
  gtk_box_append (GTK_BOX (box), body_frame);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  return toolbar;
}

static gboolean
send_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  ccp_send_dialog_send (CCP_SEND_DIALOG (widget));
  return TRUE;
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              GtkShortcutAction  *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          action));
}

CcpSendDialog *
ccp_send_dialog_new (GtkWindow *parent,
                     CcpPlan   *plan,
                     GFile     *file,
                     guint      revision,
                     guint      n_errors,
                     guint      n_warnings)
{
  CcpSendDialog *self;
  g_autofree char *address = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GtkEventController *shortcuts;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CCP_TYPE_SEND_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", _("Send to Coordinator"),
                       "default-width", 560,
                       "default-height", 620,
                       NULL);
  self->plan = g_object_ref (plan);
  self->file = g_object_ref (file);
  self->n_errors = n_errors;
  adw_window_set_content (ADW_WINDOW (self), build_content (self));

  address = ccp_send_dialog_get_remembered_address (ccp_plan_get_field (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  subject = ccp_send_dialog_build_subject (plan, revision);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  body = ccp_send_dialog_build_summary (plan, revision, n_errors, n_warnings);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, GDK_KEY_Escape, 0, gtk_named_action_new ("window.close"));
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_CONTROL_MASK,
                gtk_callback_action_new (send_shortcut_cb, NULL, NULL));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* An empty address first: the one thing the user must type. */
  gtk_window_set_focus (GTK_WINDOW (self), address[0] == '\0' ? GTK_WIDGET (self->address_row)
                                                              : GTK_WIDGET (self->send_button));
  return self;
}

static void
ccp_send_dialog_dispose (GObject *object)
{
  CcpSendDialog *self = CCP_SEND_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (ccp_send_dialog_parent_class)->dispose (object);
}

static void
ccp_send_dialog_finalize (GObject *object)
{
  CcpSendDialog *self = CCP_SEND_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  if (self->prepare_destroy != NULL)
    self->prepare_destroy (self->prepare_data);
  G_OBJECT_CLASS (ccp_send_dialog_parent_class)->finalize (object);
}

static void
ccp_send_dialog_class_init (CcpSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_send_dialog_dispose;
  object_class->finalize = ccp_send_dialog_finalize;

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ccp_send_dialog_init (CcpSendDialog *self)
{
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

void
ccp_send_dialog_set_prepare_func (CcpSendDialog      *self,
                                  CcpSendPrepareFunc  func,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  g_return_if_fail (CCP_IS_SEND_DIALOG (self));

  if (self->prepare_destroy != NULL)
    self->prepare_destroy (self->prepare_data);
  self->prepare = func;
  self->prepare_data = user_data;
  self->prepare_destroy = destroy;
}

GtkEditable *
ccp_send_dialog_get_address_entry (CcpSendDialog *self)
{
  g_return_val_if_fail (CCP_IS_SEND_DIALOG (self), NULL);
  return GTK_EDITABLE (self->address_row);
}

GtkEditable *
ccp_send_dialog_get_subject_entry (CcpSendDialog *self)
{
  g_return_val_if_fail (CCP_IS_SEND_DIALOG (self), NULL);
  return GTK_EDITABLE (self->subject_row);
}

GtkTextView *
ccp_send_dialog_get_body_view (CcpSendDialog *self)
{
  g_return_val_if_fail (CCP_IS_SEND_DIALOG (self), NULL);
  return self->body_view;
}

GtkLabel *
ccp_send_dialog_get_error_label (CcpSendDialog *self)
{
  g_return_val_if_fail (CCP_IS_SEND_DIALOG (self), NULL);
  return self->error_label;
}
