/* ccp-window-cycle.c: the Focal Point's side of the six-month cycle (issue 18).
 * "Send to Coordinator": a plan without a file is saved first (Save As); then CcpSendDialog
 * shows what goes, and its Send saves the plan with when and which revision is sent (the
 * coordinator's received time) and attaches the saved file.
 * The bytes attached are kept (ccp-sent-copy.h) for "Compare with Last Sent Revision".
 * "Open Review…": a review file's comments go into the plan and are shown at their fields
 * (CcpCommentsWindow), to be marked addressed. */
#define G_LOG_DOMAIN "ccp-window-cycle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-comments-window.h"
#include "ccp-compare-window.h"
#include "ccp-send-dialog.h"
#include "ccp-window-private.h"

/* The revision that the next save writes. */
static guint
next_revision (CcpWindow *self)
{
  return ccp_plan_get_revision (ccp_window_get_plan (self)) + (self->has_saved_revision ? 1 : 0);
}

/* What goes is the file just saved: kept as it is on disk, for "Compare with Last Sent
 * Revision". Only bytes that are the ones written (the document's etag) are kept; not keeping
 * them does not stop the sending. */
static void
keep_sent_copy (CcpWindow *self,
                CcpPlan   *plan)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  bytes = ccp_file_load (ccp_window_get_file (self), CCP_FILE_MAX_SIZE, NULL, &error);
  if (bytes != NULL)
    {
      sha256 = ccp_bytes_sha256 (bytes);
      if (g_strcmp0 (sha256, ccp_document_get_etag (self->doc)) != 0)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                             _("The file changed on disk just after it was saved"));
      else
        ccp_sent_copy_save (ccp_plan_get_id (plan), ccp_plan_get_sent_revision (plan), bytes,
                            &error);
    }
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("No copy of the plan as sent is kept: %s", error->message);
      /* Translators: a toast; the plan is sent all the same */
      message = g_strdup_printf (_("No copy of this revision is kept for comparing: %s"),
                                 error->message);
      ccp_window_add_toast (self, adw_toast_new (message));
    }
  _ccp_window_update_compare_sent (self);
}

static GFile *
prepare_cb (CcpSendDialog  *dialog,
            gpointer        user_data,
            GError        **error)
{
  CcpWindow *self = CCP_WINDOW (user_data);
  CcpPlan *plan = ccp_window_get_plan (self);
  g_autofree char *old_sent = NULL;
  g_autofree char *now = NULL;
  guint old_revision;

  if (plan == NULL || ccp_window_get_file (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The plan is no longer open in this window."));
      return NULL;
    }

  /* The file says when and which revision was sent: the coordinator's received time. */
  old_sent = g_strdup (ccp_plan_get_sent (plan));
  old_revision = ccp_plan_get_sent_revision (plan);
  now = ccp_time_now ();
  ccp_plan_set_sent (plan, now);
  ccp_plan_set_sent_revision (plan, next_revision (self));
  _ccp_window_save (self);
  /* A failed save said why (or asks about a change on disk): nothing goes. */
  if (ccp_window_get_modified (self))
    {
      ccp_plan_set_sent (plan, old_sent);
      ccp_plan_set_sent_revision (plan, old_revision);
      return NULL;
    }

  keep_sent_copy (self, plan);
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

  revision = next_revision (self);
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

gboolean
ccp_window_open_review (CcpWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;
  g_autofree char *message = NULL;
  CcpPlan *plan = ccp_window_get_plan (self);
  CcpPlanEditor *editor = _ccp_window_editor_of (self);
  CcpCommentsWindow *comments;
  guint n_new;

  g_return_val_if_fail (CCP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (plan == NULL || editor == NULL)
    return FALSE;

  review = ccp_review_read_file (file, NULL, NULL, &error);
  if (review == NULL)
    {
      _ccp_window_show_error_dialog (self, _("Could Not Open the Review"), error->message);
      return FALSE;
    }
  if (!ccp_review_matches_plan (review, plan))
    {
      /* Translators: %s are a city and a period of the review file */
      message = g_strdup_printf (_("This review is of another plan (%s, %s): open it with the "
                                   "plan it reviews."),
                                 ccp_review_get_city (review), ccp_review_get_period (review));
      _ccp_window_show_error_dialog (self, _("Could Not Open the Review"), message);
      return FALSE;
    }

  n_new = ccp_review_apply_to_plan (review, plan);
  comments = ccp_comments_window_new (GTK_WINDOW (self), editor, review);
  gtk_window_present (GTK_WINDOW (comments));
  /* Translators: a toast after opening a review file */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new comment from the coordinator",
                                          "%u new comments from the coordinator", n_new), n_new);
  ccp_window_add_toast (self, adw_toast_new (message));
  return TRUE;
}

gboolean
_ccp_window_drop_review (CcpWindow *self,
                         GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;

  if (ccp_window_get_plan (self) == NULL)
    return FALSE;
  /* Anything that does not read as a review opens as a document, which says what is wrong
   * with it. A review is a few kilobytes: reading it twice costs nothing. */
  review = ccp_review_read_file (file, NULL, NULL, &error);
  if (review == NULL)
    return FALSE;
  ccp_window_open_review (self, file);
  return TRUE;
}

static void
review_chooser_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            CcpWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ccp_window_open_review (self, file);
    }
  g_object_unref (dialog);
}

static void
open_review_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (ccp_window_get_plan (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Open the Coordinator’s Review"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Reviews (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (review_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Compare with Last Sent Revision ---------------------------------------------------- */

/* The label of the menu item, which says why it is disabled when it is. */
static char *
compare_sent_label (CcpPlan  *plan,
                    gboolean *enabled)
{
  guint revision = plan ? ccp_plan_get_sent_revision (plan) : 0;

  *enabled = FALSE;
  if (plan == NULL || revision == 0)
    /* Translators: a disabled menu item; in brackets, why */
    return g_strdup (_("Compare with Last Sent Revision (not sent yet)"));
  if (!ccp_sent_copy_exists (ccp_plan_get_id (plan), revision))
    /* Translators: a disabled menu item; in brackets, why: the plan was sent from another
     * computer, or before copies were kept. %u is the revision sent */
    return g_strdup_printf (_("Compare with Last Sent Revision (%u: no copy on this computer)"),
                            revision);
  *enabled = TRUE;
  /* Translators: a menu item; %u is the revision last sent */
  return g_strdup_printf (_("Compare with _Last Sent Revision (%u)"), revision);
}

void
_ccp_window_update_compare_sent (CcpWindow *self)
{
  CcpPlan *plan = ccp_window_get_plan (self);
  GMenuModel *section = G_MENU_MODEL (self->compare_section);
  g_autofree char *label = NULL;
  g_autofree char *old = NULL;
  gboolean enabled;
  int n;

  label = compare_sent_label (plan, &enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with-sent", enabled);
  if (section == NULL)
    return;
  /* The menu is rebuilt only when the label changes. */
  n = g_menu_model_get_n_items (section);
  if (n == 2 && g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_LABEL, "s", &old) &&
      g_str_equal (old, label))
    return;
  if (n == 2)
    g_menu_remove (self->compare_section, 1);
  g_menu_append (self->compare_section, label, "win.compare-with-sent");
}

static void
compare_sent_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CcpWindow *self = CCP_WINDOW (widget);
  CcpPlan *plan = ccp_window_get_plan (self);
  CcpPlanEditor *editor = _ccp_window_editor_of (self);
  g_autoptr(GFile) file = NULL;
  g_autofree char *day = NULL;
  guint revision;

  if (plan == NULL || editor == NULL)
    return;
  revision = ccp_plan_get_sent_revision (plan);
  if (!ccp_sent_copy_exists (ccp_plan_get_id (plan), revision))
    {
      /* Removed since the menu was shown. */
      _ccp_window_update_compare_sent (self);
      return;
    }
  file = ccp_sent_copy_get_file (ccp_plan_get_id (plan), revision, NULL);
  day = g_strndup (ccp_plan_get_sent (plan), 10);
  ccp_compare_window_open_sent (GTK_WINDOW (self), editor, file, revision, day, NULL, NULL);
}

void
_ccp_window_class_cycle_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-with-sent", NULL,
                                   compare_sent_action_cb);
  /* Compare with… (Ctrl+Alt+C), shifted; not Ctrl+Alt+L, which locks the screen on many
   * desktops. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.compare-with-sent", NULL);
  gtk_widget_class_install_action (widget_class, "win.send-to-coordinator", NULL,
                                   send_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-review", NULL,
                                   open_review_action_cb);
  /* E for email, R for review. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.send-to-coordinator", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.open-review", NULL);
}
