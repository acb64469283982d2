/* ccp-return.h: what a newer revision answers when it came after a return (issue 19, "What
 * changed since the plan was returned").
 *
 * When a newer revision is merged, the older source's review state becomes SUPERSEDED (see
 * ccp-review.h); its "returned" attribute keeps when the coordinator had returned it (set by
 * ccp_cycle_review(), cleared by an acceptance). The comments of that return are the older
 * source's comments still open in its file; the newer source's copies carry the Focal Point's
 * "addressed" answers.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* The time (ISO 8601, as recorded) older was returned, or NULL when it was not: older is
 * superseded (or returned) and its "returned" time is set. Transfer none. */
const char *ccp_return_get_time     (CcpSource *older);
/* The comments of the return (older's open ones), each as newer has it, with newer's
 * "addressed" flag (the Focal Point's answer), else as older has it. Array of
 * CcpReviewComment (referenced); empty when older was not returned. */
GPtrArray  *ccp_return_get_comments (CcpSource *older,
                                     CcpSource *newer);

G_END_DECLS
