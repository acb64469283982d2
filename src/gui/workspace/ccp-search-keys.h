/* ccp-search-keys.h: the casefolded text a search looks in, one string per item, made once in
 * a worker thread, so that a keystroke in a table of tens of thousands of rows is one strstr()
 * per row instead of several casefolds and allocations. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The texts searched in one item, in a thread: must only read the item. Free with g_free(). */
typedef char *(*CcpSearchTextFunc) (gpointer item);

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

/* Separates the fields of an item's text: a needle that holds it cannot use the keys. */
#define CCP_SEARCH_KEYS_SEPARATOR "\x01"

/* Whether item's key holds needle (casefolded); -1 when item has no key. */
int            ccp_search_keys_match        (CcpSearchKeys      *self,
                                             gpointer            item,
                                             const char         *needle);
guint          ccp_search_keys_get_n_items  (CcpSearchKeys      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpSearchKeys, ccp_search_keys_unref)

G_END_DECLS
