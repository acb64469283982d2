/* ccp-activity-filter.h: which activities the activities table's filters let through (city,
 * objective, area of action, SDG, kind, month, flagship, and the search text), tested on an
 * activity itself (the main thread) or on what the search keys' thread read of it (the filter
 * facts: any thread), and the set of them found in a worker thread (issue 16: a drop-down
 * change in the workspace's table of 37,000 activities tested them all on the main thread). */
#pragma once

#include <gio/gio.h>

#include "ccp-core.h"
#include "ccp-search-keys.h"

G_BEGIN_DECLS

typedef enum {
  CCP_ACTIVITY_FILTER_CITY,
  CCP_ACTIVITY_FILTER_OBJECTIVE,
  CCP_ACTIVITY_FILTER_AREA,
  CCP_ACTIVITY_FILTER_SDG,
  CCP_ACTIVITY_FILTER_KIND,
  CCP_ACTIVITY_FILTER_MONTH,
  CCP_ACTIVITY_N_FILTERS
} CcpActivityFilter;

/* What the filters are set to. */
typedef struct {
  char     *codes[CCP_ACTIVITY_N_FILTERS];  /* NULL for any; a city's name, "YYYY-MM", codes */
  gboolean  flagship_only;
  char     *needle;                          /* the search text casefolded; NULL or "" none */
} CcpActivityFilterState;

CcpActivityFilterState *ccp_activity_filter_state_new   (void);
CcpActivityFilterState *ccp_activity_filter_state_copy  (const CcpActivityFilterState *state);
void                    ccp_activity_filter_state_free  (CcpActivityFilterState       *state);
gboolean                ccp_activity_filter_state_equal (const CcpActivityFilterState *a,
                                                         const CcpActivityFilterState *b);
/* Whether it lets every activity through. */
gboolean                ccp_activity_filter_state_is_empty (const CcpActivityFilterState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpActivityFilterState, ccp_activity_filter_state_free)

/* Whether the search keys' thread may read activity: not a joint activity, whose shared
 * values can change on the main thread once it is shown (a coordinator keeps a conflict's
 * value: ccp_field_plan_choose() sets the field and frees the old text). Those few are tested
 * on the main thread, where they change. Any thread (the joint reference never changes). */
gboolean    ccp_activity_filter_can_key    (CcpActivity  *activity);

/* What the filters read of each of activities (CcpActivity *), in order; only reads them (a
 * CcpSearchDataFunc: made with the search keys, in their thread). NULL when cancelled. */
gpointer    ccp_activity_filter_facts_new  (GPtrArray    *activities,
                                            GCancellable *cancellable);
void        ccp_activity_filter_facts_free (gpointer      facts);

/* Whether activity passes state, read from the activity itself: the thread that may change
 * it (the main thread). */
gboolean    ccp_activity_filter_matches    (const CcpActivityFilterState *state,
                                            CcpActivity                  *activity);
/* The same from keys (and their filter facts) only: -1 when they do not know activity (or
 * cannot say: no facts, a needle holding CCP_SEARCH_KEYS_SEPARATOR). Any thread. */
int         ccp_activity_filter_matches_keyed (const CcpActivityFilterState *state,
                                               CcpSearchKeys                *keys,
                                               CcpActivity                  *activity);

/* The activities of activities that pass state, as a set (a GHashTable of activities, not
 * referenced): through keys where they know an activity, else by the activity itself. The
 * calling thread must be the one that may change them. NULL when cancelled. */
GHashTable *ccp_activity_filter_run        (GPtrArray                    *activities,
                                            CcpSearchKeys                *keys,
                                            const CcpActivityFilterState *state,
                                            GCancellable                 *cancellable);
/* The same, the keys read in a worker thread (activities, keys and a copy of state kept until
 * done); the finish function, on the thread that may change the activities, tests those the
 * keys do not know then. */
void        ccp_activity_filter_run_async  (GPtrArray                    *activities,
                                            CcpSearchKeys                *keys,
                                            const CcpActivityFilterState *state,
                                            GCancellable                 *cancellable,
                                            GAsyncReadyCallback           callback,
                                            gpointer                      user_data);
GHashTable *ccp_activity_filter_run_finish (GAsyncResult                 *result,
                                            GError                      **error);

G_END_DECLS
