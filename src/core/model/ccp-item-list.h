/* ccp-item-list.h: the lists of the model (an activity's partners, results and contributions, a
 * plan's activities and comments, a field plan's lists, a source's comments).
 *
 * A GListModel over a GPtrArray, of one item type, cheaper than a GListStore: reading an item
 * takes no reference (ccp_item_list_peek()), "items-changed" is emitted only while something
 * listens (a GtkListView, a GtkSortListModel, a test), and the object that owns the list is told
 * of every change directly, through the callbacks given to ccp_item_list_new_owned(): a change of
 * the list itself, and a change of any item in it (the model's setters tell the list that holds
 * the item, with no signal handler or qdata per item).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CCP_TYPE_ITEM_LIST (ccp_item_list_get_type ())
G_DECLARE_FINAL_TYPE (CcpItemList, ccp_item_list, CCP, ITEM_LIST, GObject)

/* The list of owner changed (items added, removed or replaced). */
typedef void (*CcpItemListChangedFunc) (gpointer owner);
/* item, held by a list of owner, changed. */
typedef void (*CcpItemListItemChangedFunc) (gpointer owner,
                                            GObject *item);

/* A list that tells nobody but its "items-changed" listeners; any GObject type. */
CcpItemList *ccp_item_list_new              (GType                       item_type);
/* A list of a model object: item_type is a type of the model (its instances begin with the
 * model item head, see ccp-model-private.h) when item_changed is not NULL. */
CcpItemList *ccp_item_list_new_owned        (GType                       item_type,
                                             gpointer                    owner,
                                             CcpItemListItemChangedFunc  item_changed,
                                             CcpItemListChangedFunc      list_changed);

GType        ccp_item_list_get_item_type    (CcpItemList *self);
guint        ccp_item_list_get_n_items      (CcpItemList *self);
/* The item at position, not referenced (NULL past the end). */
gpointer     ccp_item_list_peek             (CcpItemList *self,
                                             guint        position);

void         ccp_item_list_append           (CcpItemList *self,
                                             gpointer     item);
void         ccp_item_list_insert           (CcpItemList *self,
                                             guint        position,
                                             gpointer     item);
void         ccp_item_list_remove           (CcpItemList *self,
                                             guint        position);
void         ccp_item_list_remove_all       (CcpItemList *self);
/* Removes n_removals items at position and inserts the n_additions of additions there, in one
 * change (the additions are referenced). */
void         ccp_item_list_splice           (CcpItemList *self,
                                             guint        position,
                                             guint        n_removals,
                                             gpointer    *additions,
                                             guint        n_additions);
/* Appends item, taking the caller's reference. */
void         ccp_item_list_take             (CcpItemList *self,
                                             gpointer     item);
/* Removes the item at position and gives its reference to the caller. */
gpointer     ccp_item_list_steal            (CcpItemList *self,
                                             guint        position);
/* Removes every item and gives them, referenced, to the caller, in order (free the array
 * with g_ptr_array_unref(): it unreferences what is left in it). */
GPtrArray   *ccp_item_list_steal_all        (CcpItemList *self);
/* Appends every item of items, taking the references it holds (items is left empty). */
void         ccp_item_list_take_all         (CcpItemList *self,
                                             GPtrArray   *items);
gboolean     ccp_item_list_find             (CcpItemList *self,
                                             gpointer     item,
                                             guint       *position);

/* The owner is going away: the list (kept alive elsewhere) tells it nothing more. */
void         ccp_item_list_disown           (CcpItemList *self);

/* Told by the model's setters (ccp_model_item_changed()): tells the owner that item changed. */
void         ccp_item_list_item_changed     (CcpItemList *self,
                                             GObject     *item);

G_END_DECLS
