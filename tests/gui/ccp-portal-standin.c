/* ccp-portal-standin.c: a stand-in for org.freedesktop.portal.Email and
 * org.freedesktop.FileManager1 on the test's own session bus, served from a thread of its own
 * (libportal reads the portal's version with a blocking call from the main thread). */
#define G_LOG_DOMAIN "ccp-portal-standin"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixfdlist.h>
#include <unistd.h>

#include "ccp-portal-standin.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define FM_NAME     "org.freedesktop.FileManager1"
#define FM_PATH     "/org/freedesktop/FileManager1"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Email'>"
  "    <method name='ComposeEmail'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

static const char file_manager_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.FileManager1'>"
  "    <method name='ShowItems'>"
  "      <arg type='as' name='uris' direction='in'/>"
  "      <arg type='s' name='startup_id' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";


CcpStandIn ccp_standin;

void
ccp_standin_reset (void)
{
  g_mutex_lock (&ccp_standin.lock);
  ccp_standin.n_compose = 0;
  ccp_standin.n_show = 0;
  g_clear_pointer (&ccp_standin.parent_window, g_free);
  g_clear_pointer (&ccp_standin.addresses, g_strfreev);
  g_clear_pointer (&ccp_standin.bcc, g_strfreev);
  g_clear_pointer (&ccp_standin.subject, g_free);
  g_clear_pointer (&ccp_standin.body, g_free);
  g_clear_pointer (&ccp_standin.attachment, g_free);
  g_clear_pointer (&ccp_standin.shown, g_strfreev);
  g_mutex_unlock (&ccp_standin.lock);
}

guint
ccp_standin_n_compose (void)
{
  guint n;

  g_mutex_lock (&ccp_standin.lock);
  n = ccp_standin.n_compose;
  g_mutex_unlock (&ccp_standin.lock);
  return n;
}

guint
ccp_standin_n_show (void)
{
  guint n;

  g_mutex_lock (&ccp_standin.lock);
  n = ccp_standin.n_show;
  g_mutex_unlock (&ccp_standin.lock);
  return n;
}

/* The request path libportal listens on: the caller's unique name without ':' and with '_'
 * for '.', then the handle token. */
static char *
request_path (const char *sender,
              const char *token)
{
  g_autofree char *name = g_strdup (sender[0] == ':' ? sender + 1 : sender);

  g_strdelimit (name, ".", '_');
  return g_strconcat (PORTAL_PATH "/request/", name, "/", token, NULL);
}

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (
                                                        invocation));
  g_autoptr(GVariant) options = NULL;
  g_autoptr(GVariant) attachments = NULL;
  const char *parent = NULL;
  const char *token = "t";
  g_autofree char *handle = NULL;

  g_variant_get (parameters, "(&s@a{sv})", &parent, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);

  g_mutex_lock (&ccp_standin.lock);
  ccp_standin.n_compose++;
  g_free (ccp_standin.parent_window);
  ccp_standin.parent_window = g_strdup (parent);
  g_clear_pointer (&ccp_standin.addresses, g_strfreev);
  g_clear_pointer (&ccp_standin.bcc, g_strfreev);
  g_clear_pointer (&ccp_standin.subject, g_free);
  g_clear_pointer (&ccp_standin.body, g_free);
  g_clear_pointer (&ccp_standin.attachment, g_free);
  g_variant_lookup (options, "addresses", "^as", &ccp_standin.addresses);
  g_variant_lookup (options, "bcc", "^as", &ccp_standin.bcc);
  g_variant_lookup (options, "subject", "s", &ccp_standin.subject);
  g_variant_lookup (options, "body", "s", &ccp_standin.body);
  attachments = g_variant_lookup_value (options, "attachment_fds", G_VARIANT_TYPE ("ah"));
  if (attachments != NULL && g_variant_n_children (attachments) == 1 && fds != NULL)
    {
      gint32 index;
      int fd;

      g_variant_get_child (attachments, 0, "h", &index);
      fd = g_unix_fd_list_get (fds, index, NULL);
      if (fd >= 0)
        {
          g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);

          ccp_standin.attachment = g_file_read_link (link, NULL);
          close (fd);
        }
    }
  g_mutex_unlock (&ccp_standin.lock);

  handle = request_path (sender, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));
  /* The composer opened: response 0, no results. */
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(u@a{sv})", 0,
                                                            g_variant_new_array (
                                                              G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                 NULL);
}

static GVariant *
portal_get_property_cb (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *object_path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  /* Version 3 and later take lists of addresses and blind copies. */
  return g_variant_new_uint32 (4);
}

static void
file_manager_method_cb (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *object_path,
                        const char            *interface_name,
                        const char            *method_name,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  g_mutex_lock (&ccp_standin.lock);
  ccp_standin.n_show++;
  g_clear_pointer (&ccp_standin.shown, g_strfreev);
  g_variant_get (parameters, "(^as&s)", &ccp_standin.shown, NULL);
  g_mutex_unlock (&ccp_standin.lock);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable portal_vtable = {
  portal_method_cb, portal_get_property_cb, NULL, { 0 }
};

static const GDBusInterfaceVTable file_manager_vtable = {
  file_manager_method_cb, NULL, NULL, { 0 }
};

static void
request_name (const char *name,
              gboolean    own)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (ccp_standin.connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       own ? "RequestName" : "ReleaseName",
                                       own ? g_variant_new ("(su)", name, 4)
                                           : g_variant_new ("(s)", name),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* Serves the portal or stops serving it: its object is always there, reached through the name. */
static gboolean portal_owned;

void
ccp_standin_set_portal (gboolean on)
{
  if (on == portal_owned)
    return;
  request_name (PORTAL_NAME, on);
  portal_owned = on;
}

static gpointer
standin_thread (gpointer data)
{
  g_main_context_push_thread_default (ccp_standin.context);
  g_main_loop_run (ccp_standin.loop);
  g_main_context_pop_thread_default (ccp_standin.context);
  return NULL;
}

void
ccp_standin_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  g_mutex_init (&ccp_standin.lock);
  ccp_standin.context = g_main_context_new ();
  ccp_standin.loop = g_main_loop_new (ccp_standin.context, FALSE);
  ccp_standin.connection = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  ccp_standin.portal_info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  ccp_standin.file_manager_info = g_dbus_node_info_new_for_xml (file_manager_xml, &error);
  g_assert_no_error (error);

  /* Registered here, before the thread runs: their calls are served in its context. */
  g_main_context_push_thread_default (ccp_standin.context);
  ccp_standin.portal_id = g_dbus_connection_register_object (ccp_standin.connection, PORTAL_PATH,
                                                         ccp_standin.portal_info->interfaces[0],
                                                         &portal_vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  ccp_standin.file_manager_id =
    g_dbus_connection_register_object (ccp_standin.connection, FM_PATH,
                                       ccp_standin.file_manager_info->interfaces[0],
                                       &file_manager_vtable, NULL, NULL, &error);
  g_main_context_pop_thread_default (ccp_standin.context);
  g_assert_no_error (error);
  request_name (FM_NAME, TRUE);

  ccp_standin.thread = g_thread_new ("portal-stand-in", standin_thread, NULL);
}
