/* ccp-busy-read.h: what the workspace's views that read files off the main thread share (the
 * previous period's field plan, two revisions of a plan): a read-only "busy" property, and one
 * read at a time: a new read cancels the one before, and only the latest read's result is taken.
 * Embedded in the view's instance struct. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  GObject      *owner;        /* not a reference: the struct lives in it */
  GParamSpec   *pspec;        /* the owner's "busy" */
  GCancellable *cancellable;  /* of the latest read */
  gboolean      busy;
} CcpBusyRead;

/* The "busy" property to install on the owner's class (readable, explicit notify). */
GParamSpec   *ccp_busy_read_param_spec     (void);
void          ccp_busy_read_init           (CcpBusyRead        *self,
                                            GObject            *owner,
                                            GParamSpec         *pspec);
/* Cancels the read before and makes the owner busy; returns the new read's cancellable (owned
 * by self, valid until the next start). */
GCancellable *ccp_busy_read_start          (CcpBusyRead        *self);
/* Runs func in a thread as the owner's GTask with task_data (freed with free_data); callback
 * gets the GTask, whose cancellable goes to ccp_busy_read_finish(). */
void          ccp_busy_read_run_in_thread  (CcpBusyRead        *self,
                                            gpointer            task_data,
                                            GDestroyNotify      free_data,
                                            GTaskThreadFunc     func,
                                            GAsyncReadyCallback callback);
/* At the end of a read: FALSE when it was cancelled or a newer read started (drop its result);
 * else the owner is no longer busy, and TRUE. */
gboolean      ccp_busy_read_finish         (CcpBusyRead        *self,
                                            GCancellable       *cancellable);
/* Cancels the read under way, if any: the owner is no longer busy. */
void          ccp_busy_read_cancel         (CcpBusyRead        *self);
/* For dispose: cancels the read under way and frees, without notifying. */
void          ccp_busy_read_clear          (CcpBusyRead        *self);
gboolean      ccp_busy_read_get_busy       (CcpBusyRead        *self);

G_END_DECLS
