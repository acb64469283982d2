/* ccp-cycle.h: the coordinator's side of the six-month cycle (issue 18): reviewing the
 * sources of a field plan, the state machine of ccp-review.h.
 *
 * API note. Every change goes through ccp_cycle_review(), which checks, in this order:
 *   1. the field plan is not locked (else CCP_ERROR_FINAL: "… is final; reopen it first");
 *   2. the source is in the field plan and was accepted by the merge (status accepted), its
 *      review state is not SUPERSEDED (else CCP_ERROR_REVIEW);
 *   3. state is ACCEPTED or RETURNED (else CCP_ERROR_REVIEW);
 *   4. RETURNED needs at least one comment, new or already on the source and still open
 *      (else CCP_ERROR_REVIEW: a city is never sent back without saying why).
 * Then the comments get identifiers ("cN", continuing those of the source), author and time
 * where they have none, are appended to the source's, the review state is set, and the field
 * plan's "modified" is when. The field plan is then saved by the caller (atomically).
 * ccp_review_new_for_source() (ccp-review.h) makes the review file's document.
 *
 * The merge side (received times, states and comments kept when re-merging, carried to a
 * newer revision) is done in merge/ and ccp_source_supersede().
 */
#pragma once

#include <gio/gio.h>

#include "ccp-review.h"
#include "ccp-types.h"

G_BEGIN_DECLS

/* Whether from --(accept or return)--> to is allowed (the table of ccp-review.h). */
gboolean   ccp_cycle_can_review    (CcpReviewState  from,
                                    CcpReviewState  to);

/* Reviews source (one of field_plan's sources) as state (ACCEPTED or RETURNED), adding
 * comments (CcpReviewComment, copied; NULL: none). author and when may be NULL (when: now,
 * SOURCE_DATE_EPOCH honoured). Returns the review to write as a review file (transfer full),
 * or NULL with an error (see above); on error nothing changed. */
CcpReview *ccp_cycle_review        (CcpFieldPlan   *field_plan,
                                    CcpSource      *source,
                                    CcpReviewState  state,
                                    GPtrArray      *comments,
                                    const char     *author,
                                    const char     *when,
                                    GError        **error);

/* The source of city (a name as the plan has it, matched like the merge: registry spelling,
 * case and accents folded; country may be NULL) that a review is about: the accepted one.
 * NULL when the field plan has none. Transfer none. */
CcpSource *ccp_cycle_find_city_source (CcpFieldPlan *field_plan,
                                       const char   *city,
                                       const char   *country);

G_END_DECLS
