/* ccp-review.h: the review state of a source, and a review (the document of a review file).
 *
 * API note (issue 18, the six-month cycle).
 * Two separate things are kept on a source of a field plan:
 *   - CcpSourceStatus (ccp-source.h): what the MERGE did with the file (accepted = its
 *     activities are in the field plan; superseded = another revision of the city won;
 *     refused = unreadable, other field...). Computed on every merge.
 *   - CcpReviewState (here): what the COORDINATOR decided, kept across merges:
 *       NONE        not recorded (sources of field plans made before the cycle, refused files)
 *       RECEIVED    arrived, not reviewed yet
 *       ACCEPTED    the coordinator accepted it
 *       RETURNED    sent back to the city with comments
 *       SUPERSEDED  a newer revision of the same city arrived (set by the merge on a source
 *                   whose state was recorded; its comments are carried to the newer source)
 * Transitions (ccp-cycle.h; every other one is an error):
 *   NONE, RECEIVED, ACCEPTED, RETURNED --accept--> ACCEPTED
 *   NONE, RECEIVED, ACCEPTED, RETURNED --return--> RETURNED (comments added)
 *   recorded state --a newer revision is merged--> SUPERSEDED; the newer one is RECEIVED
 *   SUPERSEDED, refused or superseded sources cannot be reviewed.
 *
 * A CcpReview is what a review file holds: which plan (identifier, city, country, field,
 * period) and revision, the state (accepted or returned), who and when, and the comments.
 * Read and written by ccp-review-file.h (format/).
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

typedef enum {
  CCP_REVIEW_STATE_NONE,
  CCP_REVIEW_STATE_RECEIVED,
  CCP_REVIEW_STATE_ACCEPTED,
  CCP_REVIEW_STATE_RETURNED,
  CCP_REVIEW_STATE_SUPERSEDED,
} CcpReviewState;

GType        ccp_review_state_get_type  (void) G_GNUC_CONST;
#define CCP_TYPE_REVIEW_STATE (ccp_review_state_get_type ())
/* The codes of the file format: "" (NONE, never written), "received", "accepted",
 * "returned", "superseded". */
const char  *ccp_review_state_to_code   (CcpReviewState state);
/* FALSE for anything else, "" included. */
gboolean     ccp_review_state_from_code (const char *code, CcpReviewState *state);
/* Translated, for display ("Not recorded", "Received", "Accepted", "Returned", "Superseded"). */
const char  *ccp_review_state_to_label  (CcpReviewState state);

#define CCP_TYPE_REVIEW (ccp_review_get_type ())
G_DECLARE_FINAL_TYPE (CcpReview, ccp_review, CCP, REVIEW, GObject)

/*
 * Properties (notify; strings default to ""):
 *   "plan-id", "city", "country", "field", "period"   the plan reviewed
 *   "revision"  uint            the revision reviewed
 *   "state"     CcpReviewState  ACCEPTED or RETURNED in a review file
 *   "author"    string          who reviewed (the coordinator's name)
 *   "time"      string          when, ISO 8601 UTC
 * The comments are a CcpItemList of CcpReviewComment owned by the review.
 */
CcpReview      *ccp_review_new           (void);
/* A review of source: its plan, revision, review state and a copy of its comments. */
CcpReview      *ccp_review_new_for_source (CcpSource *source);
CcpReview      *ccp_review_copy          (CcpReview *self);
gboolean        ccp_review_equal         (CcpReview *a, CcpReview *b);

const char     *ccp_review_get_plan_id   (CcpReview *self);
void            ccp_review_set_plan_id   (CcpReview *self, const char *plan_id);
const char     *ccp_review_get_city      (CcpReview *self);
void            ccp_review_set_city      (CcpReview *self, const char *city);
const char     *ccp_review_get_country   (CcpReview *self);
void            ccp_review_set_country   (CcpReview *self, const char *country);
const char     *ccp_review_get_field     (CcpReview *self);
void            ccp_review_set_field     (CcpReview *self, const char *field);
const char     *ccp_review_get_period    (CcpReview *self);
void            ccp_review_set_period    (CcpReview *self, const char *period);
guint           ccp_review_get_revision  (CcpReview *self);
void            ccp_review_set_revision  (CcpReview *self, guint revision);
CcpReviewState  ccp_review_get_state     (CcpReview *self);
void            ccp_review_set_state     (CcpReview *self, CcpReviewState state);
const char     *ccp_review_get_author    (CcpReview *self);
void            ccp_review_set_author    (CcpReview *self, const char *author);
const char     *ccp_review_get_time      (CcpReview *self);
void            ccp_review_set_time      (CcpReview *self, const char *time);
CcpItemList    *ccp_review_get_comments  (CcpReview *self);

/* Whether the review is of plan (same identifier; the city plan may be a later revision). */
gboolean        ccp_review_matches_plan  (CcpReview *self, CcpPlan *plan);
/* For the Focal Point: puts the review's comments into the plan's comments (ccp-plan.h),
 * replacing those of the same identifier but keeping their "addressed" flags. Returns how
 * many were new. */
guint           ccp_review_apply_to_plan (CcpReview *self, CcpPlan *plan);

G_END_DECLS
