/* ccp-search-keys.c: see ccp-search-keys.h. The keys live in one buffer (offsets in a hash
 * table by item) rather than one allocation each: 37,000 rows are one block, freed at once. */
#define G_LOG_DOMAIN "ccp-search-keys"

#include "config.h"

#include <string.h>

#include "ccp-search-keys.h"

struct _CcpSearchKeys
{
  GHashTable *offsets;   /* item -> offset + 1 in text */
  GString    *text;      /* the keys, each ending in '\0' */
  GPtrArray  *items;     /* keeps the items alive while they are keys */
};

static void
search_keys_clear (CcpSearchKeys *self)
{
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

CcpSearchKeys *
ccp_search_keys_ref (CcpSearchKeys *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ccp_search_keys_unref (CcpSearchKeys *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) search_keys_clear);
}

typedef struct {
  GPtrArray         *items;
  CcpSearchTextFunc  func;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_ptr_array_unref (work->items);
  g_free (work);
}

CcpSearchKeys *
ccp_search_keys_new (GPtrArray         *items,
                     CcpSearchTextFunc  func,
                     GCancellable      *cancellable)
{
  CcpSearchKeys *self = g_atomic_rc_box_new0 (CcpSearchKeys);

  self->offsets = g_hash_table_new (NULL, NULL);
  self->text = g_string_new (NULL);
  self->items = g_ptr_array_ref (items);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      g_autofree char *raw = NULL;
      g_autofree char *folded = NULL;

      /* Checked now and then: a cancelled run is a superseded field plan. */
      if ((i & 255) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          ccp_search_keys_unref (self);
          return NULL;
        }
      raw = func (item);
      folded = g_utf8_casefold (raw, -1);
      g_hash_table_insert (self->offsets, item, GSIZE_TO_POINTER (self->text->len + 1));
      g_string_append_len (self->text, folded, (gssize) strlen (folded) + 1);
    }
  return self;
}

static void
keys_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  CcpSearchKeys *self = ccp_search_keys_new (work->items, work->func, cancellable);

  if (self == NULL)
    g_task_return_error_if_cancelled (task);
  else
    g_task_return_pointer (task, self, (GDestroyNotify) ccp_search_keys_unref);
}

void
ccp_search_keys_new_async (GPtrArray           *items,
                           CcpSearchTextFunc    func,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  work->items = g_ptr_array_ref (items);
  work->func = func;
  g_task_set_source_tag (task, ccp_search_keys_new_async);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, keys_thread);
}

CcpSearchKeys *
ccp_search_keys_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

int
ccp_search_keys_match (CcpSearchKeys *self,
                       gpointer       item,
                       const char    *needle)
{
  gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (self->offsets, item));

  if (offset == 0)
    return -1;
  return strstr (self->text->str + offset - 1, needle) != NULL;
}

guint
ccp_search_keys_get_n_items (CcpSearchKeys *self)
{
  return g_hash_table_size (self->offsets);
}
