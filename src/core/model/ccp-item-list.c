#define G_LOG_DOMAIN "ccp-item-list"

#include "config.h"

#include <string.h>

#include "ccp-item-list.h"
#include "ccp-model-private.h"

struct _CcpItemList
{
  GObject                     parent_instance;

  GType                       item_type;
  /* Referenced, in order. An array of the list's own rather than a GPtrArray: a merge holds
   * hundreds of thousands of short lists, and a GPtrArray is a slice of its own. */
  gpointer                   *items;
  guint                       n_items;
  guint                       allocated;
  gpointer                    owner;
  CcpItemListItemChangedFunc  item_changed;  /* non-NULL: the items carry the model item head */
  CcpItemListChangedFunc      list_changed;
  gboolean                    holds;         /* the items' heads name this list */
};

static void ccp_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CcpItemList, ccp_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ccp_item_list_model_init))

static guint items_changed_signal;

/* Holding an item is what lets its setters tell this list (ccp_model_item_changed()): one
 * entry in its head per time it is in a list, so that an item in a list twice tells it twice,
 * as a watch per position did. */
static inline void
hold (CcpItemList *self,
      gpointer     item)
{
  CcpModelItemHead *head;

  if (!self->holds)
    return;
  head = CCP_MODEL_ITEM_HEAD (item);
  if (G_LIKELY (head->holder == NULL))
    head->holder = self;
  else if (head->other_holders == NULL)
    head->other_holders = ccp_model_item_tag_one_other (self);
  else
    {
      if (ccp_model_item_has_one_other (head))
        {
          CcpItemList *other = ccp_model_item_one_other (head);

          head->other_holders = g_ptr_array_new ();
          g_ptr_array_add (head->other_holders, other);
        }
      g_ptr_array_add (head->other_holders, self);
    }
}

/* One place of item in the list is gone. */
static void
release (CcpItemList *self,
         gpointer     item)
{
  CcpModelItemHead *head;

  if (!self->holds)
    return;
  head = CCP_MODEL_ITEM_HEAD (item);
  if (head->other_holders != NULL && ccp_model_item_has_one_other (head))
    {
      if (head->holder == self)
        head->holder = ccp_model_item_one_other (head);
      else if (ccp_model_item_one_other (head) != self)
        return;
      head->other_holders = NULL;
      return;
    }

  if (head->holder == self)
    head->holder = head->other_holders != NULL
                   ? g_ptr_array_steal_index (head->other_holders, 0) : NULL;
  else if (head->other_holders != NULL)
    g_ptr_array_remove (head->other_holders, self);

  if (head->other_holders != NULL && head->other_holders->len == 0)
    g_clear_pointer (&head->other_holders, g_ptr_array_unref);
}

/* Every item has left the list. */
static void
release_all (CcpItemList *self)
{
  for (guint i = 0; i < self->n_items; i++)
    release (self, self->items[i]);
}

/* Room for extra more items: exactly what is asked for when the list is empty (lists are
 * mostly filled at once), else doubling. */
static void
reserve (CcpItemList *self,
         guint        extra)
{
  guint wanted;

  g_return_if_fail (extra <= G_MAXUINT / 2 - self->n_items);

  wanted = self->n_items + extra;
  if (wanted <= self->allocated)
    return;
  if (self->n_items > 0)
    wanted = MAX (wanted, self->allocated * 2);
  self->items = g_renew (gpointer, self->items, wanted);
  self->allocated = wanted;
}

/* Inserts n items (references taken) at position. */
static void
insert_items (CcpItemList *self,
              guint        position,
              gpointer    *items,
              guint        n)
{
  if (n == 0)
    return;
  reserve (self, n);
  memmove (self->items + position + n, self->items + position,
           (self->n_items - position) * sizeof (gpointer));
  memcpy (self->items + position, items, n * sizeof (gpointer));
  self->n_items += n;
}

/* Removes n items at position, their references the caller's. */
static void
remove_items (CcpItemList *self,
              guint        position,
              guint        n)
{
  if (n == 0)
    return;
  memmove (self->items + position, self->items + position + n,
           (self->n_items - position - n) * sizeof (gpointer));
  self->n_items -= n;
}

/* The owner first (as its list watch was before), then whoever listens: a GListStore's
 * emission, with its closure marshalling, was most of the cost of reading a list. */
static void
changed (CcpItemList *self,
         guint        position,
         guint        removed,
         guint        added)
{
  if (removed == 0 && added == 0)
    return;
  if (self->list_changed != NULL)
    self->list_changed (self->owner);
  if (!ccp_model_is_unobserved () &&
      g_signal_has_handler_pending (self, items_changed_signal, 0, FALSE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
ccp_item_list_model_get_item_type (GListModel *model)
{
  return CCP_ITEM_LIST (model)->item_type;
}

static guint
ccp_item_list_model_get_n_items (GListModel *model)
{
  return CCP_ITEM_LIST (model)->n_items;
}

static gpointer
ccp_item_list_model_get_item (GListModel *model,
                              guint       position)
{
  CcpItemList *self = CCP_ITEM_LIST (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (self->items[position]);
}

static void
ccp_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ccp_item_list_model_get_item_type;
  iface->get_n_items = ccp_item_list_model_get_n_items;
  iface->get_item = ccp_item_list_model_get_item;
}

static void
ccp_item_list_finalize (GObject *object)
{
  CcpItemList *self = CCP_ITEM_LIST (object);

  release_all (self);
  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);

  G_OBJECT_CLASS (ccp_item_list_parent_class)->finalize (object);
}

static void
ccp_item_list_class_init (CcpItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ccp_item_list_finalize;
}

static void
ccp_item_list_init (CcpItemList *self)
{
  /* Looked up here, once the interface (which defines the signal) is set up. */
  if (G_UNLIKELY (items_changed_signal == 0))
    items_changed_signal = g_signal_lookup ("items-changed", CCP_TYPE_ITEM_LIST);
}

CcpItemList *
ccp_item_list_new (GType item_type)
{
  return ccp_item_list_new_owned (item_type, NULL, NULL, NULL);
}

CcpItemList *
ccp_item_list_new_owned (GType                       item_type,
                         gpointer                    owner,
                         CcpItemListItemChangedFunc  item_changed,
                         CcpItemListChangedFunc      list_changed)
{
  CcpItemList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (CCP_TYPE_ITEM_LIST, NULL);
  self->item_type = item_type;
  self->owner = owner;
  self->item_changed = item_changed;
  self->list_changed = list_changed;
  self->holds = item_changed != NULL;
  return self;
}

GType
ccp_item_list_get_item_type (CcpItemList *self)
{
  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), G_TYPE_INVALID);

  return self->item_type;
}

guint
ccp_item_list_get_n_items (CcpItemList *self)
{
  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), 0);

  return self->n_items;
}

gpointer
ccp_item_list_peek (CcpItemList *self,
                    guint        position)
{
  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), NULL);

  if (position >= self->n_items)
    return NULL;
  return self->items[position];
}

void
ccp_item_list_append (CcpItemList *self,
                      gpointer     item)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));

  ccp_item_list_insert (self, self->n_items, item);
}

void
ccp_item_list_insert (CcpItemList *self,
                      guint        position,
                      gpointer     item)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));
  g_return_if_fail (position <= self->n_items);

  g_object_ref (item);
  insert_items (self, position, &item, 1);
  hold (self, item);
  changed (self, position, 0, 1);
}

void
ccp_item_list_take (CcpItemList *self,
                    gpointer     item)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  insert_items (self, self->n_items, &item, 1);
  hold (self, item);
  changed (self, self->n_items - 1, 0, 1);
}

gpointer
ccp_item_list_steal (CcpItemList *self,
                     guint        position)
{
  gpointer item;

  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (position < self->n_items, NULL);

  item = self->items[position];
  remove_items (self, position, 1);
  release (self, item);
  changed (self, position, 1, 0);
  return item;
}

void
ccp_item_list_remove (CcpItemList *self,
                      guint        position)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));
  g_return_if_fail (position < self->n_items);

  g_object_unref (ccp_item_list_steal (self, position));
}

GPtrArray *
ccp_item_list_steal_all (CcpItemList *self)
{
  GPtrArray *items;
  guint n_items;

  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), NULL);

  n_items = self->n_items;
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, self->items[i]);
  release_all (self);
  g_clear_pointer (&self->items, g_free);
  self->n_items = 0;
  self->allocated = 0;
  changed (self, 0, n_items, 0);
  return items;
}

void
ccp_item_list_remove_all (CcpItemList *self)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));

  if (self->n_items > 0)
    g_ptr_array_unref (ccp_item_list_steal_all (self));
}

void
ccp_item_list_take_all (CcpItemList *self,
                        GPtrArray   *items)
{
  guint position;

  g_return_if_fail (CCP_IS_ITEM_LIST (self));
  g_return_if_fail (items != NULL);

  position = self->n_items;
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));
    }
  insert_items (self, position, items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    hold (self, g_ptr_array_index (items, i));
  /* The references are the list's now. */
  g_ptr_array_set_free_func (items, NULL);
  g_ptr_array_set_size (items, 0);
  g_ptr_array_set_free_func (items, g_object_unref);
  changed (self, position, 0, self->n_items - position);
}

void
ccp_item_list_splice (CcpItemList *self,
                      guint        position,
                      guint        n_removals,
                      gpointer    *additions,
                      guint        n_additions)
{
  g_autoptr(GPtrArray) removed = NULL;

  g_return_if_fail (CCP_IS_ITEM_LIST (self));
  g_return_if_fail (position <= self->n_items);
  g_return_if_fail (n_removals <= self->n_items - position);
  g_return_if_fail (n_additions == 0 || additions != NULL);

  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (additions[i], self->item_type));

  /* The removed items are let go of after the additions are in: an item removed and added
   * back stays alive and held. */
  removed = g_ptr_array_new_full (n_removals, g_object_unref);
  for (guint i = 0; i < n_removals; i++)
    g_ptr_array_add (removed, self->items[position + i]);
  remove_items (self, position, n_removals);

  for (guint i = 0; i < n_additions; i++)
    g_object_ref (additions[i]);
  insert_items (self, position, additions, n_additions);
  for (guint i = 0; i < n_additions; i++)
    hold (self, additions[i]);
  for (guint i = 0; i < removed->len; i++)
    release (self, g_ptr_array_index (removed, i));

  changed (self, position, n_removals, n_additions);
}

gboolean
ccp_item_list_find (CcpItemList *self,
                    gpointer     item,
                    guint       *position)
{
  g_return_val_if_fail (CCP_IS_ITEM_LIST (self), FALSE);

  for (guint i = 0; i < self->n_items; i++)
    if (self->items[i] == item)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

void
ccp_item_list_disown (CcpItemList *self)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));

  release_all (self);
  self->holds = FALSE;
  self->owner = NULL;
  self->item_changed = NULL;
  self->list_changed = NULL;
}

void
ccp_item_list_item_changed (CcpItemList *self,
                            GObject     *item)
{
  g_return_if_fail (CCP_IS_ITEM_LIST (self));

  if (self->item_changed != NULL)
    self->item_changed (self->owner, item);
}
