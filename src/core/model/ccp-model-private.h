/* ccp-model-private.h: shared helpers of the model objects (activity, plan, field plan).
 *
 * The model's lists are CcpItemLists owned by a model object, which they tell of every change:
 * of the list (items added, removed, moved) and of any item in it. Items do not get a signal
 * handler each (a closure and a handler per partner, result and activity were a fifth of a
 * plan's memory and of the time to read it) nor qdata: every object of the model that a list
 * may hold begins with CcpModelItemHead, whose holder is the list that holds it, and its setters
 * tell that list (ccp_model_item_changed()).
 */
#pragma once

#include <string.h>

#include <gio/gio.h>

#include "ccp-item-list.h"
#include "ccp-property.h"

G_BEGIN_DECLS

/* The first members of every model object a CcpItemList of the model holds, or whose setters
 * tell the lists (CCP_MODEL_NOTIFY): each such struct starts with `GObject parent_instance;
 * CcpItemList *holder; GPtrArray *other_holders;` and checks it with CCP_MODEL_ITEM_CHECK_HEAD().
 * The lists are not referenced: a list lets go of the item's head when it lets go of the item. */
typedef struct {
  GObject      parent_instance;
  CcpItemList *holder;          /* the (first) list that holds it, NULL when none */
  GPtrArray   *other_holders;   /* the others: NULL, one list (tagged, see below) or an array */
} CcpModelItemHead;

#define CCP_MODEL_ITEM_HEAD(item) ((CcpModelItemHead *) (item))
#define CCP_MODEL_ITEM_CHECK_HEAD(TypeName) \
  G_STATIC_ASSERT (G_STRUCT_OFFSET (TypeName, holder) == \
                   G_STRUCT_OFFSET (CcpModelItemHead, holder) && \
                   G_STRUCT_OFFSET (TypeName, other_holders) == \
                   G_STRUCT_OFFSET (CcpModelItemHead, other_holders))

/* An item in two lists (a merged activity's partner, shared with its city's contribution) is
 * common: the second list is kept in other_holders itself, its lowest bit set (objects are
 * aligned), rather than in an array of its own. Three lists or more make an array. */
static inline gboolean
ccp_model_item_has_one_other (CcpModelItemHead *head)
{
  return ((guintptr) head->other_holders & 1) != 0;
}

static inline CcpItemList *
ccp_model_item_one_other (CcpModelItemHead *head)
{
  return (CcpItemList *) ((guintptr) head->other_holders & ~(guintptr) 1);
}

static inline GPtrArray *
ccp_model_item_tag_one_other (CcpItemList *list)
{
  return (GPtrArray *) ((guintptr) list | 1);
}

/* Whether list holds the item, other than as its first holder. */
static inline gboolean
ccp_model_item_held_by_other (CcpModelItemHead *head,
                              CcpItemList      *list)
{
  if (head->other_holders == NULL)
    return FALSE;
  if (ccp_model_item_has_one_other (head))
    return ccp_model_item_one_other (head) == list;
  return g_ptr_array_find (head->other_holders, list, NULL);
}

/* An item in several lists: each is told, and a list let go of by an earlier one's handlers
 * (its owner disposed) is not. */
static inline void
ccp_model_item_changed_all (CcpModelItemHead *head)
{
  g_autoptr(GPtrArray) holders = g_ptr_array_new ();

  if (head->holder != NULL)
    g_ptr_array_add (holders, head->holder);
  if (ccp_model_item_has_one_other (head))
    g_ptr_array_add (holders, ccp_model_item_one_other (head));
  else
    g_ptr_array_extend (holders, head->other_holders, NULL, NULL);
  for (guint i = 0; i < holders->len; i++)
    {
      CcpItemList *list = g_ptr_array_index (holders, i);

      if (list == head->holder || ccp_model_item_held_by_other (head, list))
        ccp_item_list_item_changed (list, (GObject *) head);
    }
}

/* Tells the lists that hold item, if any, that it changed. */
static inline void
ccp_model_item_changed (gpointer item)
{
  CcpModelItemHead *head = CCP_MODEL_ITEM_HEAD (item);

  if (G_LIKELY (head->other_holders == NULL))
    {
      if (head->holder != NULL)
        ccp_item_list_item_changed (head->holder, item);
    }
  else
    ccp_model_item_changed_all (head);
}

/* A list of a model object made only when first asked for: most lists of a plan read or merged
 * in bulk are never looked at (an activity's contributions in a city plan). */
static inline CcpItemList *
ccp_model_list_ensure (CcpItemList                **list,
                       GType                        item_type,
                       gpointer                     owner,
                       CcpItemListItemChangedFunc   item_changed,
                       CcpItemListChangedFunc       list_changed)
{
  if (G_UNLIKELY (*list == NULL))
    *list = ccp_item_list_new_owned (item_type, owner, item_changed, list_changed);
  return *list;
}

/* An owner's dispose: its list may outlive it (a view or a caller keeps a reference). */
static inline void
ccp_model_list_clear (CcpItemList **list)
{
  if (*list != NULL)
    {
      ccp_item_list_disown (*list);
      g_clear_object (list);
    }
}

static inline guint
ccp_model_list_n_items (CcpItemList *list)
{
  return list != NULL ? ccp_item_list_get_n_items (list) : 0;
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

/* The model's empty values. Most strings and code lists of most activities, partners and
 * results are empty: they all point to these instead of an allocation each (14 g_strdup ("")
 * and 4 empty vectors per activity were a tenth of the time to read a plan). Only the types
 * that use the helpers below hold them (activity, partner, result); their getters return them
 * as any other value. */
extern const char        ccp_model_empty_string[];
extern const char * const ccp_model_empty_strv[];

#define CCP_MODEL_EMPTY_STRING ((char *) ccp_model_empty_string)
#define CCP_MODEL_EMPTY_STRV   ((char **) ccp_model_empty_strv)

static inline void
ccp_model_free_string (char *value)
{
  if (value != ccp_model_empty_string)
    g_free (value);
}

/* A copy of value, or the empty string for NULL and "". */
static inline char *
ccp_model_dup_string (const char *value)
{
  if (value == NULL || *value == '\0')
    return CCP_MODEL_EMPTY_STRING;
  return g_strdup (value);
}

/* Replaces *field (the empty string or an allocation) by value; TRUE when it changed. */
static inline gboolean
ccp_model_set_string (char       **field,
                      const char  *value)
{
  if (value == NULL)
    value = "";
  if (strcmp (*field, value) == 0)
    return FALSE;

  ccp_model_free_string (*field);
  *field = ccp_model_dup_string (value);
  return TRUE;
}

/* The codes of closed vocabularies (an activity's kind, scope, state and currency, a partner's
 * country, field and sector) are held once for the whole library (ccp-model-strings.c): the
 * held copy of code, or NULL when code is too long or too many codes are held already. */
const char *ccp_model_intern_code      (const char *code);
gboolean    ccp_model_code_is_interned (const char *value);

/* A field holding a code: the empty string, a held code or an allocation of its own. */
static inline void
ccp_model_free_code (char *value)
{
  if (value != ccp_model_empty_string && !ccp_model_code_is_interned (value))
    g_free (value);
}

static inline char *
ccp_model_dup_code (const char *value)
{
  const char *interned;

  if (value == NULL || *value == '\0')
    return CCP_MODEL_EMPTY_STRING;
  interned = ccp_model_intern_code (value);
  return interned != NULL ? (char *) interned : g_strdup (value);
}

static inline gboolean
ccp_model_set_code (char       **field,
                    const char  *value)
{
  if (value == NULL)
    value = "";
  if (strcmp (*field, value) == 0)
    return FALSE;

  ccp_model_free_code (*field);
  *field = ccp_model_dup_code (value);
  return TRUE;
}

/* Code and text lists are packed: the vector and its strings in one allocation (one g_free),
 * the empty vector for none. */
static inline void
ccp_model_free_strv (char **strv)
{
  if (strv != (char **) ccp_model_empty_strv)
    g_free (strv);
}

/* A packed copy of the n strings of items (NULL entries left out). */
static inline char **
ccp_model_pack_strv (const char * const *items,
                     gsize               n)
{
  gsize n_strings = 0, size = 0;
  char **strv;
  char *chars;

  for (gsize i = 0; i < n; i++)
    if (items[i] != NULL)
      {
        n_strings++;
        size += strlen (items[i]) + 1;
      }
  if (n_strings == 0)
    return CCP_MODEL_EMPTY_STRV;

  strv = g_malloc ((n_strings + 1) * sizeof (char *) + size);
  chars = (char *) (strv + n_strings + 1);
  n_strings = 0;
  for (gsize i = 0; i < n; i++)
    if (items[i] != NULL)
      {
        gsize length = strlen (items[i]) + 1;

        memcpy (chars, items[i], length);
        strv[n_strings++] = chars;
        chars += length;
      }
  strv[n_strings] = NULL;
  return strv;
}

static inline char **
ccp_model_dup_strv (const char * const *strv)
{
  return ccp_model_pack_strv (strv, strv != NULL ? g_strv_length ((char **) strv) : 0);
}

/* Copying and comparing the lists of the model, item by item. */
typedef gpointer (*CcpItemCopyFunc)  (gpointer item);
typedef gboolean (*CcpItemEqualFunc) (gpointer a, gpointer b);

/* Replaces the content of dest by copies of the items of src, in one change. */
static inline void
ccp_model_list_copy_items (CcpItemList     *dest,
                          CcpItemList     *src,
                          CcpItemCopyFunc  copy)
{
  guint n_items = ccp_item_list_get_n_items (src);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, copy (ccp_item_list_peek (src, i)));

  if (ccp_item_list_get_n_items (dest) == 0)
    ccp_item_list_take_all (dest, items);
  else
    ccp_item_list_splice (dest, 0, ccp_item_list_get_n_items (dest), items->pdata, items->len);
}

static inline gboolean
ccp_model_lists_equal (CcpItemList      *a,
                      CcpItemList      *b,
                      CcpItemEqualFunc  equal)
{
  guint n_items = ccp_item_list_get_n_items (a);

  if (n_items != ccp_item_list_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    if (!equal (ccp_item_list_peek (a, i), ccp_item_list_peek (b, i)))
      return FALSE;

  return TRUE;
}

/* A document that no other code holds yet. A reader builds the whole of one before handing it
 * over, and until then nothing can be connected to its objects: their "notify" and "changed"
 * would tell no one, each a signal emission under GObject's global lock (which the reading
 * threads of a merge would contend for). Between ccp_model_begin_unobserved() and
 * ccp_model_end_unobserved() this thread's model objects skip those emissions; the lists
 * that hold an object are still told (their owners' bookkeeping), and a list's own
 * "items-changed" is not emitted. Only for objects no other code can hold yet: made in that
 * span, or a merge's own copies while it joins them, by the code that owns them. */
extern _Thread_local guint ccp_model_unobserved_depth;

static inline gboolean
ccp_model_is_unobserved (void)
{
  return G_UNLIKELY (ccp_model_unobserved_depth > 0);
}

static inline void
ccp_model_begin_unobserved (void)
{
  ccp_model_unobserved_depth++;
}

static inline void
ccp_model_end_unobserved (void)
{
  g_assert (ccp_model_unobserved_depth > 0);
  ccp_model_unobserved_depth--;
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
  if (!ccp_model_is_unobserved ())
    g_object_notify_by_pspec (object, pspec);
  ccp_model_item_changed (object);
}

/* For a class with a "changed" signal: notify, emit "changed", tell the lists. */
static inline void
ccp_model_notify_changed (GObject    *object,
                          GParamSpec *pspec,
                          guint       changed_signal)
{
  if (!ccp_model_is_unobserved ())
    {
      g_object_notify_by_pspec (object, pspec);
      g_signal_emit (object, changed_signal, 0);
    }
  ccp_model_item_changed (object);
}

#ifndef CCP_MODEL_NOTIFY
#define CCP_MODEL_NOTIFY(self, pspec) ccp_model_notify (G_OBJECT (self), (pspec))
#endif

/* A string property's getter and setter; set_string is ccp_set_string() or, for a type
 * whose strings may be the model's empty string or codes, ccp_model_set_string() /
 * ccp_model_set_code(). */
#define CCP_DEFINE_STRING_PROPERTY_WITH(TypeName, type_name, IS_TYPE, prop, PROP, set_string) \
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
  if (set_string (&self->prop, value))                                                \
    CCP_MODEL_NOTIFY (self, properties[PROP]);                                        \
}

#define CCP_DEFINE_STRING_PROPERTY(TypeName, type_name, IS_TYPE, prop, PROP)        \
  CCP_DEFINE_STRING_PROPERTY_WITH (TypeName, type_name, IS_TYPE, prop, PROP, ccp_set_string)
#define CCP_DEFINE_MODEL_STRING_PROPERTY(TypeName, type_name, IS_TYPE, prop, PROP)  \
  CCP_DEFINE_STRING_PROPERTY_WITH (TypeName, type_name, IS_TYPE, prop, PROP,              \
                                   ccp_model_set_string)
#define CCP_DEFINE_MODEL_CODE_PROPERTY(TypeName, type_name, IS_TYPE, prop, PROP)    \
  CCP_DEFINE_STRING_PROPERTY_WITH (TypeName, type_name, IS_TYPE, prop, PROP, ccp_model_set_code)

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
