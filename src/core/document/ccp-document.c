#define G_LOG_DOMAIN "ccp-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-document.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-plan.h"
#include "ccp-reader.h"
#include "ccp-recovery.h"
#include "ccp-writer.h"

/* A burst of monitor events (write, rename) is compared against the disk once. */
#define CHECK_DISK_DELAY_MS 200

struct _CcpDocument
{
  GObject       parent_instance;

  GFile        *file;
  GObject      *model;
  char         *etag;
  char         *recovery_key;

  GFileMonitor *monitor;
  guint         check_disk_id;
  GCancellable *check_cancellable;
};

G_DEFINE_FINAL_TYPE (CcpDocument, ccp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODEL,
  PROP_ETAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED_ON_DISK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_etag (CcpDocument *self,
          char        *etag)
{
  if (g_strcmp0 (self->etag, etag) == 0)
    {
      g_free (etag);
      return;
    }
  g_free (self->etag);
  self->etag = etag;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);
}

/* --- Changes by another program ---------------------------------------------------------- */

static void
disk_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CcpDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    return;  /* deleted, or cancelled: nothing to compare (a save recreates it) */

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (self->etag == NULL || g_strcmp0 (hash, self->etag) == 0 || self->file == NULL ||
      !g_file_equal (G_FILE (source), self->file))
    return;

  g_signal_emit (self, signals[SIGNAL_CHANGED_ON_DISK], 0);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  CcpDocument *self = user_data;

  self->check_disk_id = 0;
  if (self->file == NULL || self->etag == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  g_file_load_contents_async (self->file, self->check_cancellable, disk_read_cb,
                              g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
file_monitor_changed_cb (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other,
                         GFileMonitorEvent  event,
                         CcpDocument       *self)
{
  g_clear_handle_id (&self->check_disk_id, g_source_remove);
  self->check_disk_id = g_timeout_add (CHECK_DISK_DELAY_MS, check_disk_cb, self);
}

static void
unwatch_file (CcpDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->check_disk_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

static void
watch_file (CcpDocument *self)
{
  unwatch_file (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_monitor_changed_cb), self);
}

gboolean
ccp_document_check_disk (CcpDocument  *self,
                         GFile        *file,
                         GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CCP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->etag == NULL || self->file == NULL || !g_file_equal (file, self->file))
    return TRUE;
  bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, NULL);
  if (bytes == NULL)
    return TRUE;  /* gone or unreadable: nothing of theirs to overwrite */
  hash = ccp_bytes_sha256 (bytes);
  if (g_strcmp0 (hash, self->etag) == 0)
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               /* Translators: %s is a file name */
               _("“%s” was changed by another program since it was opened"), name);
  return FALSE;
}

/* --- Loading ------------------------------------------------------------------------------ */

typedef struct {
  GObject   *model;
  GPtrArray *issues;     /* what the reader found */
  char      *etag;       /* of the bytes read */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->model);
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  g_free (result->etag);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->model = ccp_reader_read_file (file, &bytes, &result->issues, NULL, cancellable,
                                        &error);
  if (result->model == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  if (bytes != NULL)
    result->etag = ccp_bytes_sha256 (bytes);
  g_task_return_pointer (task, result, load_result_free);
}

void
ccp_document_load_async (CcpDocument         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CCP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (self->file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ccp_document_load_async);
  /* The thread reads its own reference: the document may change file meanwhile. */
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
ccp_document_load_finish (CcpDocument   *self,
                          GAsyncResult  *result,
                          GPtrArray    **out_issues,
                          GError       **error)
{
  LoadResult *loaded;

  g_return_val_if_fail (CCP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  ccp_document_set_model (self, loaded->model);
  set_etag (self, g_steal_pointer (&loaded->etag));
  if (out_issues != NULL)
    *out_issues = g_steal_pointer (&loaded->issues);
  load_result_free (loaded);

  return TRUE;
}

/* --- Saving ------------------------------------------------------------------------------- */

gboolean
ccp_document_save (CcpDocument           *self,
                   GFile                 *file,
                   CcpDocumentSaveFlags   flags,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *old_etag = NULL;
  gboolean same_file;

  g_return_val_if_fail (CCP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (self->model) || CCP_IS_FIELD_PLAN (self->model), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(flags & CCP_DOCUMENT_SAVE_REPLACE_EXTERNAL) &&
      !ccp_document_check_disk (self, file, error))
    return FALSE;

  if (CCP_IS_PLAN (self->model))
    bytes = ccp_writer_write_plan (CCP_PLAN (self->model));
  else
    bytes = ccp_writer_write_field_plan (CCP_FIELD_PLAN (self->model));

  /* The etag is known before the file appears, so the monitor sees our own save as ours. */
  same_file = self->file != NULL && g_file_equal (file, self->file);
  old_etag = g_steal_pointer (&self->etag);
  if (same_file)
    self->etag = ccp_bytes_sha256 (bytes);
  if (!ccp_file_save (file, bytes, TRUE, cancellable, error))
    {
      g_free (self->etag);
      self->etag = g_steal_pointer (&old_etag);
      return FALSE;
    }

  if (!same_file)
    {
      g_set_object (&self->file, file);
      self->etag = ccp_bytes_sha256 (bytes);
      watch_file (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  if (g_strcmp0 (old_etag, self->etag) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);
  ccp_document_remove_recovery (self);

  return TRUE;
}

/* --- Recovery ----------------------------------------------------------------------------- */

const char *
ccp_document_get_recovery_key (CcpDocument *self)
{
  g_return_val_if_fail (CCP_IS_DOCUMENT (self), NULL);

  return self->recovery_key;
}

void
ccp_document_set_recovery_key (CcpDocument *self,
                               const char  *key)
{
  g_return_if_fail (CCP_IS_DOCUMENT (self));

  if (self->recovery_key == key)
    return;
  g_free (self->recovery_key);
  self->recovery_key = g_strdup (key);
}

gboolean
ccp_document_write_recovery (CcpDocument  *self,
                             GError      **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CCP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CCP_IS_PLAN (self->model), FALSE);

  key = ccp_recovery_key_for (CCP_PLAN (self->model));
  /* The plan's identifier changed: the copy under the old one is stale. */
  if (self->recovery_key != NULL && g_strcmp0 (key, self->recovery_key) != 0)
    ccp_recovery_remove (self->recovery_key);

  if (!ccp_recovery_write (key, CCP_PLAN (self->model), self->file, error))
    return FALSE;

  g_free (self->recovery_key);
  self->recovery_key = g_steal_pointer (&key);

  return TRUE;
}

void
ccp_document_remove_recovery (CcpDocument *self)
{
  g_return_if_fail (CCP_IS_DOCUMENT (self));

  if (self->recovery_key != NULL)
    {
      ccp_recovery_remove (self->recovery_key);
      g_clear_pointer (&self->recovery_key, g_free);
    }
}

/* --- GObject ------------------------------------------------------------------------------ */

CcpDocument *
ccp_document_new (GFile   *file,
                  GObject *model)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (model == NULL || CCP_IS_PLAN (model) || CCP_IS_FIELD_PLAN (model), NULL);

  return g_object_new (CCP_TYPE_DOCUMENT, "file", file, "model", model, NULL);
}

GFile *
ccp_document_get_file (CcpDocument *self)
{
  g_return_val_if_fail (CCP_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
ccp_document_set_file (CcpDocument *self,
                       GFile       *file)
{
  g_return_if_fail (CCP_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  set_etag (self, NULL);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

GObject *
ccp_document_get_model (CcpDocument *self)
{
  g_return_val_if_fail (CCP_IS_DOCUMENT (self), NULL);

  return self->model;
}

void
ccp_document_set_model (CcpDocument *self,
                        GObject     *model)
{
  g_return_if_fail (CCP_IS_DOCUMENT (self));
  g_return_if_fail (model == NULL || CCP_IS_PLAN (model) || CCP_IS_FIELD_PLAN (model));

  if (g_set_object (&self->model, model))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
ccp_document_get_etag (CcpDocument *self)
{
  g_return_val_if_fail (CCP_IS_DOCUMENT (self), NULL);

  return self->etag;
}

static void
ccp_document_dispose (GObject *object)
{
  CcpDocument *self = CCP_DOCUMENT (object);

  unwatch_file (self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ccp_document_parent_class)->dispose (object);
}

static void
ccp_document_finalize (GObject *object)
{
  CcpDocument *self = CCP_DOCUMENT (object);

  g_clear_object (&self->file);
  g_free (self->etag);
  g_free (self->recovery_key);

  G_OBJECT_CLASS (ccp_document_parent_class)->finalize (object);
}

static void
ccp_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CcpDocument *self = CCP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CcpDocument *self = CCP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      ccp_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      ccp_document_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_document_class_init (CcpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_document_dispose;
  object_class->finalize = ccp_document_finalize;
  object_class->get_property = ccp_document_get_property;
  object_class->set_property = ccp_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ccp_document_init (CcpDocument *self)
{
}
