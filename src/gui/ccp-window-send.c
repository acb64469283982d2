/* ccp-window-send.c: "Send to Coordinator" (issue 18): the plan is saved (Save As first when it
 * has no file yet), then CcpSendDialog hands the saved file to the email composer. */
#define G_LOG_DOMAIN "ccp-window-send"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-send-dialog.h"
#include "ccp-window-private.h"

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

  if (plan == NULL || file == NULL || editor == NULL)
    return;

  dialog = ccp_send_dialog_new (GTK_WINDOW (self), plan, file,
                                ccp_plan_editor_get_n_errors (editor),
                                ccp_plan_editor_get_n_warnings (editor));
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

  /* The file sent is the file on disk: an unchanged saved plan goes as it is (no new
   * revision); anything else is saved first, and the dialog follows a successful save. */
  if (ccp_window_get_file (self) != NULL && !ccp_window_get_modified (self))
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
