/* ccp-portal-standin.h: the XDG Email portal and the file manager's ShowItems, as the cycle's
 * tests see them: every call is recorded in ccp_standin. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the stand-in saw; written in its thread, read by the test under the lock. */
typedef struct {
  GMutex           lock;
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  GDBusConnection *connection;
  GDBusNodeInfo   *portal_info;
  GDBusNodeInfo   *file_manager_info;
  guint            portal_id;
  guint            file_manager_id;

  guint            n_compose;
  char            *parent_window;
  char           **addresses;
  char           **bcc;
  char            *subject;
  char            *body;
  char            *attachment;   /* the path its descriptor points at */
  guint            n_show;
  char           **shown;
} CcpStandIn;

extern CcpStandIn ccp_standin;

/* On the session bus of the program (a GTestDBus started before), with the portal served. */
void  ccp_standin_start       (void);
/* Serves the portal or stops serving it: its object is always there, reached through the name. */
void  ccp_standin_set_portal  (gboolean on);
/* Forgets the calls seen. */
void  ccp_standin_reset       (void);
guint ccp_standin_n_compose   (void);
guint ccp_standin_n_show      (void);

G_END_DECLS
