/* ccp-model-private.h: shared helpers of the model objects (activity, plan, field plan).
 *
 * A CcpListWatch follows a GListStore owned by a model object and tells the owner of every
 * change: of the list (items added, removed, moved) and of any item in it. Items do not get a
 * signal handler each (a closure and a handler per partner, result and activity were a fifth
 * of a plan's memory and of the time to read it): each item keeps, as qdata, the watches of
 * the lists that hold it, and its setters tell them (ccp_list_item_changed()). The watch keeps
 * its own reference to every item, so that one removed from the store (which may live on
 * elsewhere) is let go of at once.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-item-list.h"
#include "ccp-property.h"

G_BEGIN_DECLS

/* The first members of every model object a CcpItemList of the model holds: each such struct
 * starts with `GObject parent_instance; CcpItemList *holder;` and checks it with
 * CCP_MODEL_ITEM_CHECK_HEAD(). */
typedef struct {
  GObject      parent_instance;
  CcpItemList *holder;   /* not referenced: the list lets go of it when it lets go of the item */
} CcpModelItemHead;

#define CCP_MODEL_ITEM_HEAD(item) ((CcpModelItemHead *) (item))
#define CCP_MODEL_ITEM_CHECK_HEAD(TypeName) \
  G_STATIC_ASSERT (G_STRUCT_OFFSET (TypeName, holder) == G_STRUCT_OFFSET (CcpModelItemHead, holder))

/* Tells the list that holds item, if any, that it changed. */
static inline void
ccp_model_item_changed (gpointer item)
{
  CcpItemList *holder = CCP_MODEL_ITEM_HEAD (item)->holder;

  if (holder != NULL)
    ccp_item_list_item_changed (holder, item);
}

typedef void (*CcpListWatchFunc) (gpointer owner);
typedef void (*CcpListItemChangedFunc) (gpointer owner,
                                        GObject *item);

typedef struct {
  GListStore             *store;          /* owned */
  gpointer                owner;
  CcpListItemChangedFunc  item_changed;   /* an item of the list changed */
  CcpListWatchFunc        list_changed;   /* the list itself changed */
  GPtrArray              *items;          /* the store's items, referenced, in its order */
  gulong                  items_changed_id;
} CcpListWatch;

/* Asked on every setter call: looked up once (g_quark_from_static_string() takes a lock). */
static inline GQuark
ccp_list_watches_quark (void)
{
  static gint quark;

  if (G_UNLIKELY (g_atomic_int_get (&quark) == 0))
    g_atomic_int_set (&quark, (gint) g_quark_from_static_string ("ccp-list-watches"));
  return (GQuark) g_atomic_int_get (&quark);
}

/* Tells every list that holds item that it changed. A watch may be gone by its turn (its
 * owner disposed by an earlier one's handlers): each is looked up again before it is told. */
static inline void
ccp_list_item_changed (gpointer item)
{
  GQuark quark = ccp_list_watches_quark ();
  GSList *watches = g_object_get_qdata (item, quark);
  GSList *copy;

  if (watches == NULL)
    return;

  copy = g_slist_copy (watches);
  for (GSList *l = copy; l != NULL; l = l->next)
    {
      CcpListWatch *watch = l->data;

      if (g_slist_find (g_object_get_qdata (item, quark), watch) != NULL)
        watch->item_changed (watch->owner, item);
    }
  g_slist_free (copy);
}

static inline void
ccp_list_watch_attach (CcpListWatch *watch,
                       GObject      *item)
{
  GQuark quark = ccp_list_watches_quark ();

  g_object_set_qdata (item, quark, g_slist_prepend (g_object_get_qdata (item, quark), watch));
}

static inline void
ccp_list_watch_detach (CcpListWatch *watch,
                       GObject      *item)
{
  GQuark quark = ccp_list_watches_quark ();

  /* Once per time the item is in the list: an item may be in it twice. */
  g_object_set_qdata (item, quark, g_slist_remove (g_object_get_qdata (item, quark), watch));
}

static inline void
ccp_list_watch_items_changed_cb (GListModel   *model,
                                 guint         position,
                                 guint         removed,
                                 guint         added,
                                 CcpListWatch *watch)
{
  for (guint i = 0; i < removed; i++)
    ccp_list_watch_detach (watch, g_ptr_array_index (watch->items, position + i));
  if (removed > 0)
    g_ptr_array_remove_range (watch->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      ccp_list_watch_attach (watch, item);
      g_ptr_array_insert (watch->items, (int) (position + i), item);
    }

  if (watch->list_changed != NULL)
    watch->list_changed (watch->owner);
}

static inline void
ccp_list_watch_init (CcpListWatch           *watch,
                     GType                   item_type,
                     gpointer                owner,
                     CcpListItemChangedFunc  item_changed,
                     CcpListWatchFunc        list_changed)
{
  watch->store = g_list_store_new (item_type);
  watch->owner = owner;
  watch->item_changed = item_changed;
  watch->list_changed = list_changed;
  watch->items = g_ptr_array_new_with_free_func (g_object_unref);
  watch->items_changed_id = g_signal_connect (watch->store, "items-changed",
                                              G_CALLBACK (ccp_list_watch_items_changed_cb),
                                              watch);
}

/* The store of a watch made only when first asked for: most lists of a plan read or merged in
 * bulk are never looked at (an activity's contributions in a city plan, those of the activity
 * holding a contribution's values), and a store with its watch is a good part of an
 * activity's cost. A watch that was never asked for has store NULL: an empty list. */
static inline GListStore *
ccp_list_watch_ensure (CcpListWatch           *watch,
                       GType                   item_type,
                       gpointer                owner,
                       CcpListItemChangedFunc  item_changed,
                       CcpListWatchFunc        list_changed)
{
  if (G_UNLIKELY (watch->store == NULL))
    ccp_list_watch_init (watch, item_type, owner, item_changed, list_changed);
  return watch->store;
}

static inline guint
ccp_list_watch_n_items (CcpListWatch *watch)
{
  return watch->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (watch->store)) : 0;
}

static inline void
ccp_list_watch_clear (CcpListWatch *watch)
{
  if (watch->store == NULL)
    return;

  g_clear_signal_handler (&watch->items_changed_id, watch->store);
  for (guint i = 0; i < watch->items->len; i++)
    ccp_list_watch_detach (watch, g_ptr_array_index (watch->items, i));
  g_clear_pointer (&watch->items, g_ptr_array_unref);
  g_clear_object (&watch->store);
}

static inline char **
ccp_strv_new_empty (void)
{
  return g_new0 (char *, 1);
}

static inline gboolean
ccp_strv_equal (const char * const *a,
                const char * const *b)
{
  return g_strv_equal (a, b);
}

/* Copying and comparing the lists of the model, item by item. */
typedef gpointer (*CcpItemCopyFunc)  (gpointer item);
typedef gboolean (*CcpItemEqualFunc) (gpointer a, gpointer b);

/* Replaces the content of dest by copies of the items of src, in one change. */
static inline void
ccp_list_store_copy_items (GListStore      *dest,
                           GListStore      *src,
                           CcpItemCopyFunc  copy)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (src));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (src), i);

      g_ptr_array_add (items, copy (item));
    }

  g_list_store_splice (dest, 0, g_list_model_get_n_items (G_LIST_MODEL (dest)),
                       items->pdata, items->len);
}

static inline gboolean
ccp_list_stores_equal (GListStore       *a,
                       GListStore       *b,
                       CcpItemEqualFunc  equal)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (a));

  if (n_items != g_list_model_get_n_items (G_LIST_MODEL (b)))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(GObject) item_b = g_list_model_get_item (G_LIST_MODEL (b), i);

      if (!equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

/* The getter and setter of a property kept in self->prop, notifying only on a real change.
 * They expect `properties[PROP]` in the including file. */
/* How the property setters below tell of a change: "notify", and the lists that hold the
 * object. A class whose "changed" signal sums up every change defines it, before including
 * this header, as ccp_model_notify_changed(): overriding GObject's notify instead would make
 * every notification a full signal emission, even while nobody listens (as when a file is
 * read). */
static inline void
ccp_model_notify (GObject    *object,
                  GParamSpec *pspec)
{
  g_object_notify_by_pspec (object, pspec);
  ccp_list_item_changed (object);
  ccp_model_item_changed (object);
}

/* For a class with a "changed" signal: notify, emit "changed", tell the lists. */
static inline void
ccp_model_notify_changed (GObject    *object,
                          GParamSpec *pspec,
                          guint       changed_signal)
{
  g_object_notify_by_pspec (object, pspec);
  g_signal_emit (object, changed_signal, 0);
  ccp_list_item_changed (object);
  ccp_model_item_changed (object);
}

#ifndef CCP_MODEL_NOTIFY
#define CCP_MODEL_NOTIFY(self, pspec) ccp_model_notify (G_OBJECT (self), (pspec))
#endif

#define CCP_DEFINE_STRING_PROPERTY(TypeName, type_name, IS_TYPE, prop, PROP)        \
const char *                                                                          \
type_name##_get_##prop (TypeName *self)                                               \
{                                                                                     \
  g_return_val_if_fail (IS_TYPE (self), NULL);                                        \
  return self->prop;                                                                  \
}                                                                                     \
                                                                                      \
void                                                                                  \
type_name##_set_##prop (TypeName   *self,                                             \
                        const char *value)                                            \
{                                                                                     \
  g_return_if_fail (IS_TYPE (self));                                                  \
  if (ccp_set_string (&self->prop, value))                                            \
    CCP_MODEL_NOTIFY (self, properties[PROP]);                                        \
}

#define CCP_DEFINE_VALUE_PROPERTY(TypeName, type_name, IS_TYPE, ctype, prop, PROP)   \
ctype                                                                                 \
type_name##_get_##prop (TypeName *self)                                               \
{                                                                                     \
  g_return_val_if_fail (IS_TYPE (self), (ctype) 0);                                   \
  return self->prop;                                                                  \
}                                                                                     \
                                                                                      \
void                                                                                  \
type_name##_set_##prop (TypeName *self,                                               \
                        ctype     value)                                              \
{                                                                                     \
  g_return_if_fail (IS_TYPE (self));                                                  \
  if (self->prop == value)                                                            \
    return;                                                                           \
  self->prop = value;                                                                 \
  CCP_MODEL_NOTIFY (self, properties[PROP]);                                          \
}

/* Booleans are normalised so that TRUE == 2 does not count as a change. */
#define CCP_DEFINE_BOOLEAN_PROPERTY(TypeName, type_name, IS_TYPE, prop, PROP)       \
gboolean                                                                              \
type_name##_get_##prop (TypeName *self)                                               \
{                                                                                     \
  g_return_val_if_fail (IS_TYPE (self), FALSE);                                       \
  return self->prop;                                                                  \
}                                                                                     \
                                                                                      \
void                                                                                  \
type_name##_set_##prop (TypeName *self,                                               \
                        gboolean  value)                                              \
{                                                                                     \
  g_return_if_fail (IS_TYPE (self));                                                  \
  value = !!value;                                                                    \
  if (self->prop == value)                                                            \
    return;                                                                           \
  self->prop = value;                                                                 \
  CCP_MODEL_NOTIFY (self, properties[PROP]);                                          \
}

G_END_DECLS
