#define G_LOG_DOMAIN "ccp-email"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "ccp-email.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE    "org.freedesktop.portal.Email"

#define FILE_MANAGER_BUS_NAME    "org.freedesktop.FileManager1"
#define FILE_MANAGER_OBJECT_PATH "/org/freedesktop/FileManager1"

G_DEFINE_QUARK (ccp-email-error-quark, ccp_email_error)

typedef struct {
  GtkWindow  *parent;
  char      **addresses;
  char      **bcc;
  char       *subject;
  char       *body;
  char       *attachment;
} ComposeData;

static void
compose_data_free (gpointer data)
{
  ComposeData *d = data;

  g_clear_object (&d->parent);
  g_strfreev (d->addresses);
  g_strfreev (d->bcc);
  g_free (d->subject);
  g_free (d->body);
  g_free (d->attachment);
  g_free (d);
}

static void
compose_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (xdp_portal_compose_email_finish (XDP_PORTAL (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_FAILED,
                             /* Translators: %s is the portal's own (English) reason */
                             _("The email program could not compose the message: %s"),
                             error->message);
}

/* The portal answered for its Email interface: hand the message to libportal. */
static void
version_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ComposeData *d = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdpPortal) portal = NULL;
  XdpParent *parent = NULL;
  const char *attachments[2] = { d->attachment, NULL };

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_debug ("No email portal: %s", error->message);
      g_task_return_new_error (task, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_NO_PORTAL,
                               _("This desktop has no email portal to hand the message to."));
      return;
    }

  portal = xdp_portal_new ();
  if (d->parent != NULL)
    parent = xdp_parent_new_gtk (d->parent);
  xdp_portal_compose_email (portal, parent,
                            (const char *const *) d->addresses, NULL,
                            (const char *const *) d->bcc,
                            d->subject, d->body,
                            d->attachment != NULL ? attachments : NULL,
                            XDP_EMAIL_FLAG_NONE,
                            g_task_get_cancellable (task),
                            compose_done_cb, g_object_ref (task));
  g_clear_pointer (&parent, xdp_parent_free);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus: %s", error->message);
      g_task_return_new_error (task, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_NO_PORTAL,
                               _("This desktop has no email portal to hand the message to."));
      return;
    }

  /* Also starts an activatable portal; fails when no one owns or provides the interface. */
  g_dbus_connection_call (bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", EMAIL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          cancellable, version_cb, g_steal_pointer (&task));
}

void
ccp_email_compose_async (GtkWindow           *parent,
                         const char *const   *addresses,
                         const char *const   *bcc,
                         const char          *subject,
                         const char          *body,
                         GFile               *attachment,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComposeData *d;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (attachment == NULL || G_IS_FILE (attachment));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ccp_email_compose_async);
  d = g_new0 (ComposeData, 1);
  d->parent = parent != NULL ? g_object_ref (parent) : NULL;
  /* An empty list is no list: the portal would offer an empty recipient. */
  d->addresses = addresses != NULL && addresses[0] != NULL ? g_strdupv ((char **) addresses) : NULL;
  d->bcc = bcc != NULL && bcc[0] != NULL ? g_strdupv ((char **) bcc) : NULL;
  d->subject = g_strdup (subject);
  d->body = g_strdup (body);
  d->attachment = attachment != NULL ? g_file_get_path (attachment) : NULL;
  g_task_set_task_data (task, d, compose_data_free);

  if (attachment != NULL && d->attachment == NULL)
    {
      g_task_return_new_error (task, CCP_EMAIL_ERROR, CCP_EMAIL_ERROR_FAILED,
                               _("Only a file on this computer can be attached."));
      return;
    }

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_cb, g_steal_pointer (&task));
}

gboolean
ccp_email_compose_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ccp_email_compose_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  GtkWindow *parent;
  GFile     *file;
} ShowData;

static void
show_data_free (ShowData *d)
{
  g_clear_object (&d->parent);
  g_clear_object (&d->file);
  g_free (d);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowData *d = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (d->file);
      g_autofree char *uri = g_file_get_uri (folder != NULL ? folder : d->file);

      g_debug ("No file manager on the bus (%s): opening %s", error->message, uri);
      gtk_show_uri (d->parent, uri, GDK_CURRENT_TIME);
    }
  show_data_free (d);
}

void
ccp_email_show_in_folder (GtkWindow *parent,
                          GFile     *file)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };
  ShowData *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ShowData, 1);
  d->parent = parent != NULL ? g_object_ref (parent) : NULL;
  d->file = g_object_ref (file);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder != NULL ? folder : file);

      gtk_show_uri (parent, folder_uri, GDK_CURRENT_TIME);
      show_data_free (d);
      return;
    }

  uri = g_file_get_uri (file);
  uris[0] = uri;
  g_dbus_connection_call (bus, FILE_MANAGER_BUS_NAME, FILE_MANAGER_OBJECT_PATH,
                          FILE_MANAGER_BUS_NAME, "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, show_items_cb, d);
}

void
ccp_email_copy_text (GtkWidget  *widget,
                     const char *text)
{
  GdkClipboard *clipboard;

  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  clipboard = widget != NULL ? gtk_widget_get_clipboard (widget)
                             : gdk_display_get_clipboard (gdk_display_get_default ());
  gdk_clipboard_set_text (clipboard, text != NULL ? text : "");
}

static void
fallback_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GFile *attachment = g_object_get_data (G_OBJECT (dialog), "ccp-attachment");

  if (g_str_equal (response, "show") && attachment != NULL)
    ccp_email_show_in_folder (gtk_window_get_transient_for (GTK_WINDOW (dialog)), attachment);
}

void
ccp_email_offer_fallback (GtkWindow  *parent,
                          const char *recipients,
                          const char *body,
                          GFile      *attachment)
{
  GtkWidget *dialog;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  ccp_email_copy_text (parent != NULL ? GTK_WIDGET (parent) : NULL, body);

  g_string_append (text, _("This desktop has no email portal, so the message cannot be opened "
                           "in your email program from here."));
  g_string_append_c (text, ' ');
  if (recipients != NULL && recipients[0] != '\0')
    /* Translators: %s is one or more email addresses */
    g_string_append_printf (text, _("The summary is copied: paste it into a new message to %s."),
                            recipients);
  else
    g_string_append (text, _("The summary is copied: paste it into a new message."));
  if (attachment != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Then attach the file, which “Show File in Folder” selects."));
    }

  dialog = adw_message_dialog_new (parent, _("No Email Program Available"), text->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (attachment != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "show",
                                       _("_Show File in Folder"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
      g_object_set_data_full (G_OBJECT (dialog), "ccp-attachment", g_object_ref (attachment),
                              g_object_unref);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (fallback_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

char **
ccp_email_split_addresses (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (text == NULL)
    return NULL;

  parts = g_strsplit_set (text, ",; \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        g_strv_builder_add (builder, parts[i]);
        n++;
      }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}
