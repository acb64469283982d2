/* ccp-window-send.c: "Send to Coordinator" (issue 18). A plan without a file is saved first
 * (Save As); then CcpSendDialog shows what goes, and its Send saves the plan with when and
 * which revision is sent (the coordinator's received time), and attaches the saved file. */
#define G_LOG_DOMAIN "ccp-window-send"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-send-dialog.h"
#include "ccp-window-private.h"

/* The revision that the next save writes. */
static guint
next_revision (CcpWindow *self)
{
  return ccp_plan_get_revision (ccp_window_get_plan (self)) + (self->has_saved_revision ? 1 : 0);
}

static GFile *
prepare_cb (CcpSendDialog  *dialog,
            gpointer        user_data,
            GError        **error)
{
  CcpWindow *self = CCP_WINDOW (user_data);
  CcpPlan *plan = ccp_window_get_plan (self);

  if (plan == NULL || ccp_window_get_file (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The plan is no longer open in this window."));
      return NULL;
    }

  if (ccp_window_get_modified (self))
    _ccp_window_save (self);
  /* A failed save said why (or asks about a change on disk): nothing goes. */
  if (ccp_window_get_modified (self))
    return NULL;

  return g_object_ref (ccp_window_get_file (self));
}

static void
sent_cb (CcpSendDialog *dialog,
         CcpWindow     *self)
{
  CcpPlan *plan = ccp_window_get_plan (self);
  g_autofree char *message = NULL;

  if (plan == NULL)
    return;
  /* Translators: a toast once the email program has the plan; %u is its revision */
  message = g_strdup_printf (_("Revision %u handed to your email program"),
                             ccp_plan_get_revision (plan));
  ccp_window_add_toast (self, adw_toast_new (message));
}

void
_ccp_window_present_send_dialog (CcpWindow *self)
{
  CcpPlanEditor *editor = _ccp_window_editor_of (self);
  CcpPlan *plan = ccp_window_get_plan (self);
  GFile *file = ccp_window_get_file (self);
  CcpSendDialog *dialog;
  guint revision;

  if (plan == NULL || file == NULL || editor == NULL)
    return;

  revision = ccp_window_get_modified (self) ? next_revision (self) : ccp_plan_get_revision (plan);
  dialog = ccp_send_dialog_new (GTK_WINDOW (self), plan, file, revision,
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
  ccp_send_dialog_set_prepare_func (dialog, prepare_cb, g_object_ref (self), g_object_unref);
  g_signal_connect_object (dialog, "sent", G_CALLBACK (sent_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);

  if (ccp_window_get_plan (self) == NULL)
    return;

  /* Send saves to the plan's file: one without a file gets it first, then the dialog. */
  if (ccp_window_get_file (self) != NULL)
    {
      _ccp_window_present_send_dialog (self);
      return;
    }
  self->send_after_save = TRUE;
  _ccp_window_save (self);
}

void
_ccp_window_class_send_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.send-to-coordinator", NULL,
                                   send_action_cb);
}
