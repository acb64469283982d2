/* ccp-activity-row-filter.h: the activities table's GtkFilter. A change of the filters or of
 * the search text is worked out in a worker thread from the search keys and their filter
 * facts (ccp-activity-filter.h), the last change's only (the one before is cancelled, its
 * result dropped); the rows then change at once, each a hash lookup. Until the keys are there,
 * and for the activities they do not know (the joint ones: a conflict's value kept changes
 * them), each row is tested on the main thread; such a change (the activity's "changed"
 * signal) refilters the rows once. */
#pragma once

#include <gtk/gtk.h>

#include "ccp-activity-filter.h"

G_BEGIN_DECLS

#define CCP_TYPE_ACTIVITY_ROW_FILTER (ccp_activity_row_filter_get_type ())
G_DECLARE_FINAL_TYPE (CcpActivityRowFilter, ccp_activity_row_filter, CCP, ACTIVITY_ROW_FILTER,
                      GtkFilter)

CcpActivityRowFilter *ccp_activity_row_filter_new    (void);
/* The activities of the rows (CcpActivity *) and their keys (NULL while they are made): the
 * set found before is dropped, and the filters as they are test each row until they change. */
void     ccp_activity_row_filter_set_activities (CcpActivityRowFilter *self,
                                                 GPtrArray            *activities,
                                                 CcpSearchKeys        *keys);
/* The keys of the same activities, made since. */
void     ccp_activity_row_filter_set_keys       (CcpActivityRowFilter *self,
                                                 CcpSearchKeys        *keys);
/* What the filters are set to now: the rows change when the set is found (at once when it
 * lets every row through, or without keys). */
void     ccp_activity_row_filter_set_state      (CcpActivityRowFilter         *self,
                                                 const CcpActivityFilterState *state);
/* The state the rows shown pass. */
const CcpActivityFilterState *ccp_activity_row_filter_get_state (CcpActivityRowFilter *self);
/* Whether a set is being found, or a changed activity is still to be refiltered; and both
 * done now, on the calling thread. */
gboolean ccp_activity_row_filter_get_pending    (CcpActivityRowFilter *self);
void     ccp_activity_row_filter_flush          (CcpActivityRowFilter *self);

G_END_DECLS
