/* ccp-search-keys.h: the casefolded text a search looks in, one string per item, made once in
 * a worker thread, so that a keystroke in a table of tens of thousands of rows is one strstr()
 * per row instead of several casefolds and allocations; and, made with them in the same
 * thread, whatever else a worker needs to read of the items (the activities table's filter
 * values, ccp-activity-filter.h). Nothing changes the keys once made: any thread reads them. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The texts searched in one item, in a thread: must only read the item. Free with g_free().
 * NULL: the item gets no key (the thread that may change it looks at it itself). */
typedef char *(*CcpSearchTextFunc) (gpointer item);

/* What else is read of items (all of them, in order), in the same thread: must only read the
 * items; NULL when cancellable is cancelled. */
typedef gpointer (*CcpSearchDataFunc) (GPtrArray    *items,
                                       GCancellable *cancellable);

typedef struct _CcpSearchKeys CcpSearchKeys;

CcpSearchKeys *ccp_search_keys_ref          (CcpSearchKeys      *self);
void           ccp_search_keys_unref        (CcpSearchKeys      *self);

/* Makes the keys of items (GObjects, kept while the keys live): func's texts, casefolded.
 * NULL when cancellable is cancelled. Any thread. */
CcpSearchKeys *ccp_search_keys_new          (GPtrArray           *items,
                                             CcpSearchTextFunc    func,
                                             GCancellable        *cancellable);
/* Makes the keys of items (GObjects; they are kept until done) in a thread: func's texts, the
 * fields separated by CCP_SEARCH_KEYS_SEPARATOR, casefolded. */
void           ccp_search_keys_new_async    (GPtrArray           *items,
                                             CcpSearchTextFunc    func,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CcpSearchKeys *ccp_search_keys_new_finish   (GAsyncResult        *result,
                                             GError             **error);
/* The same, with data_func's data (freed with data_free with the keys; see
 * ccp_search_keys_get_data()). */
CcpSearchKeys *ccp_search_keys_new_full     (GPtrArray           *items,
                                             CcpSearchTextFunc    func,
                                             CcpSearchDataFunc    data_func,
                                             GDestroyNotify       data_free,
                                             GCancellable        *cancellable);
void           ccp_search_keys_new_full_async (GPtrArray         *items,
                                             CcpSearchTextFunc    func,
                                             CcpSearchDataFunc    data_func,
                                             GDestroyNotify       data_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

/* Separates the fields of an item's text: a needle that holds it cannot use the keys. */
#define CCP_SEARCH_KEYS_SEPARATOR "\x01"

/* Whether item's key holds needle (casefolded); -1 when item has no key. */
int            ccp_search_keys_match        (CcpSearchKeys      *self,
                                             gpointer            item,
                                             const char         *needle);
guint          ccp_search_keys_get_n_items  (CcpSearchKeys      *self);
/* The position of item in the items the keys were made of; -1 when it has no key. */
int            ccp_search_keys_lookup       (CcpSearchKeys      *self,
                                             gpointer            item);
/* The data func's data, or NULL: read-only, as the keys. */
gpointer       ccp_search_keys_get_data     (CcpSearchKeys      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpSearchKeys, ccp_search_keys_unref)

G_END_DECLS
