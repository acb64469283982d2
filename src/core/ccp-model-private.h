/* ccp-model-private.h: shared helpers of the model objects (activity, plan, field plan).
 *
 * A CcpListWatch follows a GListStore owned by a model object: it keeps its own reference to
 * every item with the signal handler connected to it, so that an item removed from the store
 * (which may live on elsewhere) is disconnected at once, and reports every list change.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*CcpListWatchFunc) (gpointer owner);

typedef struct {
  GListStore       *store;          /* owned */
  gpointer          owner;
  const char       *item_signal;    /* "notify" or "changed" */
  GCallback         item_callback;  /* gets owner as user data */
  CcpListWatchFunc  list_changed;
  GPtrArray        *items;          /* of CcpWatchedItem */
  gulong            items_changed_id;
} CcpListWatch;

typedef struct {
  GObject *item;
  gulong   handler_id;
} CcpWatchedItem;

static inline void
ccp_watched_item_free (gpointer data)
{
  CcpWatchedItem *watched = data;

  g_signal_handler_disconnect (watched->item, watched->handler_id);
  g_object_unref (watched->item);
  g_free (watched);
}

static inline void
ccp_list_watch_items_changed_cb (GListModel   *model,
                                 guint         position,
                                 guint         removed,
                                 guint         added,
                                 CcpListWatch *watch)
{
  if (removed > 0)
    g_ptr_array_remove_range (watch->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CcpWatchedItem *watched = g_new0 (CcpWatchedItem, 1);

      watched->item = g_list_model_get_item (model, position + i);
      watched->handler_id = g_signal_connect (watched->item, watch->item_signal,
                                              watch->item_callback, watch->owner);
      g_ptr_array_insert (watch->items, position + i, watched);
    }

  if (watch->list_changed != NULL)
    watch->list_changed (watch->owner);
}

static inline void
ccp_list_watch_init (CcpListWatch     *watch,
                     GType             item_type,
                     gpointer          owner,
                     const char       *item_signal,
                     GCallback         item_callback,
                     CcpListWatchFunc  list_changed)
{
  watch->store = g_list_store_new (item_type);
  watch->owner = owner;
  watch->item_signal = item_signal;
  watch->item_callback = item_callback;
  watch->list_changed = list_changed;
  watch->items = g_ptr_array_new_with_free_func (ccp_watched_item_free);
  watch->items_changed_id = g_signal_connect (watch->store, "items-changed",
                                              G_CALLBACK (ccp_list_watch_items_changed_cb),
                                              watch);
}

/* Safe to call twice (dispose may run more than once). */
static inline void
ccp_list_watch_clear (CcpListWatch *watch)
{
  if (watch->store == NULL)
    return;

  g_clear_signal_handler (&watch->items_changed_id, watch->store);
  g_clear_pointer (&watch->items, g_ptr_array_unref);
  g_clear_object (&watch->store);
}

/* Code lists and string vectors, never NULL. */
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

/* Replaces *field by a copy of value ("" for NULL). TRUE when it changed. */
static inline gboolean
ccp_set_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* The getter and setter of a property kept in self->prop, notifying only on a real change.
 * They expect `properties[PROP]` in the including file. */
/* How the property setters below tell of a change. A class whose "changed" signal sums up
 * every change defines it, before including this header, as ccp_model_notify_changed():
 * overriding GObject's notify instead would make every notification a full signal emission,
 * even while nobody listens (as when a file is read). */
#ifndef CCP_MODEL_NOTIFY
#define CCP_MODEL_NOTIFY(self, pspec) g_object_notify_by_pspec (G_OBJECT (self), (pspec))
#endif

static inline void
ccp_model_notify_changed (GObject    *object,
                          GParamSpec *pspec,
                          guint       changed_signal)
{
  g_object_notify_by_pspec (object, pspec);
  g_signal_emit (object, changed_signal, 0);
}

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
