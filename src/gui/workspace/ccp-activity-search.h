/* ccp-activity-search.h: which activities hold a search text in their title, description,
 * place or cities, found in a worker thread (issue 16: a keystroke in the workspace's table of
 * 37,000 activities matched them all on the main thread). */
#pragma once

#include <gio/gio.h>

#include "ccp-core.h"
#include "ccp-search-keys.h"

G_BEGIN_DECLS

/* The casefolded texts searched in activity, joined by CCP_SEARCH_KEYS_SEPARATOR (it only
 * reads: any thread while nothing changes activity). Free with g_free(). */
char       *ccp_activity_search_text     (gpointer       activity);
/* Whether activity's texts hold needle (casefolded): through keys when they have it (may be
 * NULL), else by casefolding its texts. Any thread while nothing changes activity. */
gboolean    ccp_activity_search_matches  (CcpActivity   *activity,
                                          CcpSearchKeys *keys,
                                          const char    *needle);
/* The activities of activities (CcpActivity *) that match needle, as a set (a GHashTable of
 * the activities, not referenced: activities keeps them); NULL when cancelled. Any thread
 * while nothing changes the activities. */
GHashTable *ccp_activity_search          (GPtrArray     *activities,
                                          CcpSearchKeys *keys,
                                          const char    *needle,
                                          GCancellable  *cancellable);
/* The same, the keys searched in a worker thread (activities and keys are kept until it is
 * done); the activities the keys do not know are looked at by the finish function, on the
 * thread that may change them. */
void        ccp_activity_search_async    (GPtrArray           *activities,
                                          CcpSearchKeys       *keys,
                                          const char          *needle,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GHashTable *ccp_activity_search_finish   (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
