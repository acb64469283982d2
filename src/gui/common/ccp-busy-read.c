#define G_LOG_DOMAIN "ccp-busy-read"

#include "config.h"

#include "ccp-busy-read.h"

GParamSpec *
ccp_busy_read_param_spec (void)
{
  return g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                               G_PARAM_EXPLICIT_NOTIFY);
}

void
ccp_busy_read_init (CcpBusyRead *self,
                    GObject     *owner,
                    GParamSpec  *pspec)
{
  self->owner = owner;
  self->pspec = pspec;
  self->cancellable = NULL;
  self->busy = FALSE;
}

static void
set_busy (CcpBusyRead *self,
          gboolean     busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (self->owner, self->pspec);
}

GCancellable *
ccp_busy_read_start (CcpBusyRead *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  return self->cancellable;
}

void
ccp_busy_read_run_in_thread (CcpBusyRead         *self,
                             gpointer             task_data,
                             GDestroyNotify       free_data,
                             GTaskThreadFunc      func,
                             GAsyncReadyCallback  callback)
{
  GCancellable *cancellable = ccp_busy_read_start (self);
  g_autoptr(GTask) task = g_task_new (self->owner, cancellable, callback, NULL);

  g_task_set_task_data (task, task_data, free_data);
  g_task_run_in_thread (task, func);
}

gboolean
ccp_busy_read_finish (CcpBusyRead  *self,
                      GCancellable *cancellable)
{
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    return FALSE;
  set_busy (self, FALSE);
  return TRUE;
}

void
ccp_busy_read_cancel (CcpBusyRead *self)
{
  g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);
}

void
ccp_busy_read_clear (CcpBusyRead *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
}

gboolean
ccp_busy_read_get_busy (CcpBusyRead *self)
{
  return self->busy;
}
