/* ccp-window-actions.c: the window's actions (save, save as, mark final or draft, undo, the
 * problems panel, close) and the questions they ask: replacing another program's changes, a
 * file changed on disk, unsaved changes on closing. The document does the file work. */
#define G_LOG_DOMAIN "ccp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-compare-window.h"
#include "ccp-file.h"
#include "ccp-file-filter.h"
#include "ccp-plan-tools.h"
#include "ccp-window-private.h"

static void save_as (CcpWindow *self);

/* --- Saving ------------------------------------------------------------------------------- */

/* Whether another window has file open, or merges it as a city plan: saving over it would
 * destroy what that window shows or was sent. */
static gboolean
file_open_elsewhere (CcpWindow *self,
                     GFile     *file)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      CcpWindow *other;
      GFile *other_file;

      if (!CCP_IS_WINDOW (window) || CCP_WINDOW (window) == self)
        continue;
      other = CCP_WINDOW (window);
      other_file = ccp_window_get_file (other);
      if (other_file != NULL && ccp_file_is_same (other_file, file))
        return TRUE;
      if (CCP_IS_FIELD_PLAN (other->document) &&
          ccp_workspace_uses_file (_ccp_window_workspace_of (other), file))
        return TRUE;
    }

  return FALSE;
}

static gboolean
save_full (CcpWindow  *self,
           GFile      *file,
           gboolean    overwrite_theirs,
           GError    **error)
{
  CcpPlan *plan;
  guint old_revision;
  g_autofree char *old_modified = NULL;
  g_autofree char *now = NULL;
  g_autofree char *message = NULL;
  guint errors;

  if (file_open_elsewhere (self, file))
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name */
                   _("“%s” is open in another window: saving over it would destroy it. Choose "
                     "another file."), shown);
      return FALSE;
    }

  /* The workspace saves what it merged, through the same document; the window follows the
   * document's file and the workspace's unsaved changes. */
  if (CCP_IS_FIELD_PLAN (self->document))
    return ccp_workspace_save (_ccp_window_workspace_of (self), file,
                               overwrite_theirs ? CCP_DOCUMENT_SAVE_REPLACE_EXTERNAL
                                                : CCP_DOCUMENT_SAVE_DEFAULT,
                               error);

  /* Before the plan changes below: a refused save leaves it as it was. */
  if (!overwrite_theirs && !ccp_document_check_disk (self->doc, file, error))
    return FALSE;

  plan = CCP_PLAN (self->document);

  /* The next revision would be past what a plan may hold (it would wrap to 0). */
  if (self->has_saved_revision && ccp_plan_get_revision (plan) >= CCP_REVISION_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %u is the highest revision number, 2147483647 */
                   _("This plan is at revision %u, the highest a plan may have: it cannot be "
                     "saved again."),
                   (guint) CCP_REVISION_MAX);
      return FALSE;
    }

  errors = ccp_plan_editor_get_n_errors (_ccp_window_editor_of (self));
  /* A final plan has no errors: one that got some again is saved as a draft. */
  if (errors > 0 && ccp_plan_get_status (plan) == CCP_PLAN_STATUS_FINAL)
    ccp_plan_set_status (plan, CCP_PLAN_STATUS_DRAFT);

  old_revision = ccp_plan_get_revision (plan);
  old_modified = g_strdup (ccp_plan_get_modified (plan));

  if (self->has_saved_revision)
    ccp_plan_set_revision (plan, old_revision + 1);
  now = ccp_plan_timestamp_now ();
  ccp_plan_set_modified (plan, now);

  if (!ccp_document_save (self->doc, file, CCP_DOCUMENT_SAVE_REPLACE_EXTERNAL, NULL, error))
    {
      ccp_plan_set_revision (plan, old_revision);
      ccp_plan_set_modified (plan, old_modified);
      return FALSE;
    }

  ccp_plan_editor_set_load_issues (_ccp_window_editor_of (self), NULL);
  self->has_saved_revision = TRUE;
  _ccp_window_remove_recovery (self);
  self->modified = TRUE;
  _ccp_window_set_modified (self, FALSE);
  _ccp_window_update_title (self);
  _ccp_window_add_to_recent (file);
  _ccp_window_notify_file (self);

  errors = ccp_plan_editor_get_n_errors (_ccp_window_editor_of (self));
  if (errors > 0)
    /* Translators: a toast after saving a draft that still has errors */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved; %u error remains",
                                            "Saved; %u errors remain", errors), errors);
  else
    message = g_strdup (_("Saved"));
  ccp_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

gboolean
ccp_window_save_to_file (CcpWindow  *self,
                         GFile      *file,
                         GError    **error)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (self->document), FALSE);

  return save_full (self, file, FALSE, error);
}

static gboolean save_reporting_errors (CcpWindow *self,
                                       GFile     *file,
                                       gboolean   overwrite_theirs);

static gboolean
close_later_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
reload (CcpWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (ccp_window_get_file (self));

  _ccp_window_remove_recovery (self);
  ccp_window_load_file (self, file);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CcpWindow        *self)
{
  GFile *file = ccp_window_get_file (self);

  if (g_str_equal (response, "overwrite") && file != NULL)
    save_reporting_errors (self, file, TRUE);
  else if (g_str_equal (response, "reload") && file != NULL)
    {
      self->close_after_save = self->send_after_save = FALSE;
      reload (self);
    }
  else
    self->close_after_save = self->send_after_save = FALSE;
}

static void
ask_before_overwriting (CcpWindow *self)
{
  g_autofree char *name = _ccp_window_get_display_name (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Another program changed “%s” after you opened it. Saving replaces "
                            "its changes with yours."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Other Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload Theirs"),
                                    "overwrite", _("_Save Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_reporting_errors (CcpWindow *self,
                       GFile     *file,
                       gboolean   overwrite_theirs)
{
  g_autoptr(GError) error = NULL;

  if (!save_full (self, file, overwrite_theirs, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_before_overwriting (self);
          return FALSE;
        }

      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *heading = NULL;

      /* Translators: heading of the message when saving fails; %s is the file */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      _ccp_window_show_error_dialog (self, heading, error->message);
      self->close_after_save = self->send_after_save = FALSE;
      return FALSE;
    }

  if (self->send_after_save)
    {
      self->send_after_save = FALSE;
      _ccp_window_present_send_dialog (self);
    }
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      /* Not while a dialog transient for this window is still emitting its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  return TRUE;
}

void
_ccp_window_dismiss_save_dialog (CcpWindow *self)
{
  if (self->save_dialog != NULL)
    {
      GtkNativeDialog *dialog = g_steal_pointer (&self->save_dialog);

      gtk_native_dialog_destroy (dialog);
      g_object_unref (dialog);
    }
}

/* What the Save As chooser does with the file the user accepted (tests call it directly, as
 * GtkFileChooserNative cannot be driven from a test). A pending chooser is dismissed. Saving to
 * another program's new version of the open file was confirmed by the chooser itself. */
gboolean
ccp_window_save_as_file (CcpWindow *self,
                         GFile     *file)
{
  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  _ccp_window_dismiss_save_dialog (self);
  if (self->document == NULL)
    return FALSE;

  return save_reporting_errors (self, file, TRUE);
}

static void
save_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         CcpWindow       *self)
{
  if (dialog != self->save_dialog)
    return;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          ccp_window_save_as_file (self, file);
          return;
        }
    }
  self->close_after_save = self->send_after_save = FALSE;
  g_clear_object (&self->save_dialog);
}

static void
save_as (CcpWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  GFile *file = ccp_window_get_file (self);

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (CCP_IS_PLAN (self->document) ? _("Save Plan")
                                        : _("Save Field Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ccp_plan_file_filter_new ());
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else if (CCP_IS_FIELD_PLAN (self->document))
    {
      CcpFieldPlan *field_plan = ccp_workspace_get_field_plan (_ccp_window_workspace_of (self));
      g_autofree char *suggested = g_strdup_printf ("%s-%s-field-plan.xml",
                                                    ccp_field_plan_get_field (field_plan),
                                                    ccp_field_plan_get_period (field_plan));

      name = g_ascii_strdown (suggested, -1);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      name = ccp_plan_suggest_file_name (CCP_PLAN (self->document));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_response_cb), self);
  if (self->save_dialog != NULL)
    gtk_native_dialog_destroy (self->save_dialog);
  g_set_object (&self->save_dialog, GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ccp_window_save (CcpWindow *self)
{
  GFile *file = ccp_window_get_file (self);

  if (file == NULL)
    save_as (self);
  else
    save_reporting_errors (self, file, FALSE);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _ccp_window_save (CCP_WINDOW (widget));
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_as (CCP_WINDOW (widget));
}

static void
mark_final_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);
  guint errors;

  if (!CCP_IS_PLAN (self->document))
    return;

  /* Say why instead of doing nothing, and show the errors to fix. */
  errors = ccp_plan_editor_get_n_errors (_ccp_window_editor_of (self));
  if (errors > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: a toast when Mark as Final is chosen on a plan with errors */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Cannot mark as final: %u error remains",
                                              "Cannot mark as final: %u errors remain", errors),
                                 errors);
      ccp_window_add_toast (self, adw_toast_new (message));
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return;
    }

  ccp_plan_set_status (CCP_PLAN (self->document), CCP_PLAN_STATUS_FINAL);
  _ccp_window_save (self);
}

static void
mark_draft_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (CCP_IS_PLAN (self->document))
    ccp_plan_set_status (CCP_PLAN (self->document), CCP_PLAN_STATUS_DRAFT);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (self->plan_editor != NULL)
    ccp_plan_editor_undo (self->plan_editor);
}

static void
toggle_problems_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* --- Changes by another program (issue 8) ---------------------------------------------------- */

static void
external_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CcpWindow        *self)
{
  self->external_dialog = NULL;
  if (ccp_window_get_file (self) == NULL)
    return;

  if (g_str_equal (response, "reload"))
    reload (self);
  else
    /* Keep mine: the window's version now differs from the file; Save will ask before
     * replacing theirs (the document's etag is still the old one). */
    _ccp_window_set_modified (self, TRUE);
}

void
_ccp_window_ask_about_disk_change (CcpWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->external_dialog != NULL)
    return;

  name = _ccp_window_get_display_name (self);
  body = g_strdup_printf (self->modified
                          /* Translators: %s is a file name */
                          ? _("Another program changed “%s”. Reload it and lose your unsaved "
                              "changes, or keep your version?")
                          /* Translators: %s is a file name */
                          : _("Another program changed “%s”. Reload it, or keep your version?"),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              self->modified ? ADW_RESPONSE_DESTRUCTIVE
                                                             : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (external_response_cb), self);
  self->external_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Closing ------------------------------------------------------------------------------ */

static void
close_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CcpWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      _ccp_window_remove_recovery (self);
      self->close_confirmed = TRUE;
      /* Not while the dialog, transient for this window, is still emitting its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _ccp_window_save (self);
    }
}

void
_ccp_window_ask_before_closing (CcpWindow *self)
{
  g_autofree char *name = _ccp_window_get_display_name (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: body of the question asked when closing a plan with unsaved changes */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Compare with an earlier version: the plan in the editor against a file picked. */
static void
compare_with_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (CCP_IS_PLAN (self->document))
    ccp_compare_window_choose (GTK_WINDOW (self), _ccp_window_editor_of (self));
}

void
_ccp_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "win.mark-final", NULL, mark_final_action_cb);
  gtk_widget_class_install_action (widget_class, "win.mark-draft", NULL, mark_draft_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL,
                                   toggle_problems_action_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL,
                                   compare_with_action_cb);
  _ccp_window_class_cycle_init (widget_class);

  /* Window-level bindings run after the focused widget: Ctrl+Z in a text field undoes typing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-problems", NULL);
}
