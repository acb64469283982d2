/* ccp-search-keys.c: see ccp-search-keys.h. The keys live in one buffer (offsets by position,
 * positions in a hash table by item) rather than one allocation each: 37,000 rows are one
 * block, freed at once. */
#define G_LOG_DOMAIN "ccp-search-keys"

#include "config.h"

#include <string.h>

#include "ccp-search-keys.h"
#include "ccp-text.h"

struct _CcpSearchKeys
{
  GHashTable     *positions;   /* item -> position + 1 in items */
  GArray         *offsets;     /* gsize, by position: the item's key in text */
  GString        *text;        /* the keys, each ending in '\0' */
  GPtrArray      *items;       /* keeps the items alive while they are keys */
  gpointer        data;        /* the data func's */
  GDestroyNotify  data_free;
};

static void
search_keys_clear (CcpSearchKeys *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->data != NULL && self->data_free != NULL)
    self->data_free (self->data);
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
  CcpSearchDataFunc  data_func;
  GDestroyNotify     data_free;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_ptr_array_unref (work->items);
  g_free (work);
}

CcpSearchKeys *
ccp_search_keys_new_full (GPtrArray         *items,
                          CcpSearchTextFunc  func,
                          CcpSearchDataFunc  data_func,
                          GDestroyNotify     data_free,
                          GCancellable      *cancellable)
{
  CcpSearchKeys *self = g_atomic_rc_box_new0 (CcpSearchKeys);

  self->positions = g_hash_table_new (NULL, NULL);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), items->len);
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
      g_array_append_val (self->offsets, self->text->len);
      if (raw == NULL)
        {
          /* No key: an empty text keeps the offsets by position. */
          g_string_append_c (self->text, '\0');
          continue;
        }
      folded = ccp_text_casefold (raw);
      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
      g_string_append_len (self->text, folded, (gssize) strlen (folded) + 1);
    }
  if (data_func != NULL)
    {
      self->data = data_func (items, cancellable);
      self->data_free = data_free;
      if (self->data == NULL)
        {
          ccp_search_keys_unref (self);
          return NULL;
        }
    }
  return self;
}

CcpSearchKeys *
ccp_search_keys_new (GPtrArray         *items,
                     CcpSearchTextFunc  func,
                     GCancellable      *cancellable)
{
  return ccp_search_keys_new_full (items, func, NULL, NULL, cancellable);
}

static void
keys_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  CcpSearchKeys *self = ccp_search_keys_new_full (work->items, work->func, work->data_func,
                                                  work->data_free, cancellable);

  if (self == NULL)
    g_task_return_error_if_cancelled (task);
  else
    g_task_return_pointer (task, self, (GDestroyNotify) ccp_search_keys_unref);
}

void
ccp_search_keys_new_full_async (GPtrArray           *items,
                                CcpSearchTextFunc    func,
                                CcpSearchDataFunc    data_func,
                                GDestroyNotify       data_free,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  work->items = g_ptr_array_ref (items);
  work->func = func;
  work->data_func = data_func;
  work->data_free = data_free;
  g_task_set_source_tag (task, ccp_search_keys_new_async);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, keys_thread);
}

void
ccp_search_keys_new_async (GPtrArray           *items,
                           CcpSearchTextFunc    func,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ccp_search_keys_new_full_async (items, func, NULL, NULL, cancellable, callback, user_data);
}

CcpSearchKeys *
ccp_search_keys_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

int
ccp_search_keys_lookup (CcpSearchKeys *self,
                        gpointer       item)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));

  return (int) position - 1;
}

int
ccp_search_keys_match (CcpSearchKeys *self,
                       gpointer       item,
                       const char    *needle)
{
  int position = ccp_search_keys_lookup (self, item);

  if (position < 0)
    return -1;
  return strstr (self->text->str + g_array_index (self->offsets, gsize, position),
                 needle) != NULL;
}

guint
ccp_search_keys_get_n_items (CcpSearchKeys *self)
{
  return g_hash_table_size (self->positions);
}

gpointer
ccp_search_keys_get_data (CcpSearchKeys *self)
{
  return self->data;
}
