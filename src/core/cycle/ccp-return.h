/* ccp-return.h: what a newer revision answers when it came after a return (issue 19, "What
 * changed since the plan was returned").
 *
 * When a newer revision is merged, the older source's review state becomes SUPERSEDED (see
 * ccp-review.h), so the field plan does not say in so many words that it had been returned.
 * It says it through the comments: a plan is returned only with at least one open comment
 * (ccp-cycle.h), accepting adds none, and comments the Focal Point addressed in the older
 * revision's file come marked so. An older source with open comments was therefore returned,
 * on the day of the latest of them. (A plan accepted through the core API with open comments
 * would be taken for a returned one: the workspace never does that.)
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* The time (ISO 8601, as recorded) older was returned, or NULL when it was not: older is
 * superseded (or returned) and has open comments. Transfer none. */
const char *ccp_return_get_time     (CcpSource *older);
/* The comments of the return (older's open ones), each as newer has it, with newer's
 * "addressed" flag (the Focal Point's answer), else as older has it. Array of
 * CcpReviewComment (referenced); empty when older was not returned. */
GPtrArray  *ccp_return_get_comments (CcpSource *older,
                                     CcpSource *newer);

G_END_DECLS
