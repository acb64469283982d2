/* ccp-review-comment.h: one comment of a coordinator's review on a city plan.
 *
 * API note (issue 18, the six-month cycle). A comment targets the plan as a whole (activity
 * and field both ""), a property of the plan (activity "", field e.g. "focal-point-email") or
 * an activity (its identifier in the city plan, e.g. "a2") and optionally one of its fields (a
 * property name of the field table, e.g. "title"). Activity identifiers are stable across
 * revisions where indexes are not; ccp_review_comment_get_path() gives the validator's path
 * (ccp-issue.h: "activities/INDEX/PROPERTY") for a plan, ccp_review_comment_set_path() reads
 * one. Comments live in three places, always as the same <comment> element:
 *   - on a source of a field plan (the coordinator's record),
 *   - in a review file (ccp-review.h, what goes back to the Focal Point),
 *   - in a city plan (the comments its new revision answers, with their "addressed" flags).
 */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_REVIEW_COMMENT (ccp_review_comment_get_type ())
G_DECLARE_FINAL_TYPE (CcpReviewComment, ccp_review_comment, CCP, REVIEW_COMMENT, GObject)

/*
 * Properties (notify; strings default to ""):
 *   "id"         string   "c1", "c2", ... unique among the comments of one plan (all revisions)
 *   "activity"   string   identifier of the activity in the city plan; "" = the plan
 *   "field"      string   property of the activity (or of the plan); "" = all of it
 *   "text"       string   the comment
 *   "author"     string   who wrote it (free text, a name)
 *   "time"       string   when, ISO 8601 UTC
 *   "addressed"  boolean  the Focal Point marked it addressed
 */
CcpReviewComment *ccp_review_comment_new           (const char       *id,
                                                    const char       *activity,
                                                    const char       *field,
                                                    const char       *text);
CcpReviewComment *ccp_review_comment_copy          (CcpReviewComment *self);
gboolean          ccp_review_comment_equal         (CcpReviewComment *a,
                                                    CcpReviewComment *b);

const char       *ccp_review_comment_get_id        (CcpReviewComment *self);
void              ccp_review_comment_set_id        (CcpReviewComment *self, const char *id);
const char       *ccp_review_comment_get_activity  (CcpReviewComment *self);
void              ccp_review_comment_set_activity  (CcpReviewComment *self, const char *activity);
const char       *ccp_review_comment_get_field     (CcpReviewComment *self);
void              ccp_review_comment_set_field     (CcpReviewComment *self, const char *field);
const char       *ccp_review_comment_get_text      (CcpReviewComment *self);
void              ccp_review_comment_set_text      (CcpReviewComment *self, const char *text);
const char       *ccp_review_comment_get_author    (CcpReviewComment *self);
void              ccp_review_comment_set_author    (CcpReviewComment *self, const char *author);
const char       *ccp_review_comment_get_time      (CcpReviewComment *self);
void              ccp_review_comment_set_time      (CcpReviewComment *self, const char *time);
gboolean          ccp_review_comment_get_addressed (CcpReviewComment *self);
void              ccp_review_comment_set_addressed (CcpReviewComment *self, gboolean addressed);

/* The validator's path of the target in plan: "" (the plan), "PROPERTY" (of the plan),
 * "activities/INDEX" or "activities/INDEX/PROPERTY". plan may be NULL, and an activity not in
 * it keeps its identifier in place of the index ("activities/a7/title"). Free with g_free(). */
char             *ccp_review_comment_get_path      (CcpReviewComment *self,
                                                    CcpPlan          *plan);
/* The reverse: "activities/INDEX[/PROPERTY]" (INDEX looked up in plan, which may be NULL),
 * "activities/ID[/PROPERTY]" (an identifier of the plan, or any when plan is NULL),
 * "PROPERTY" or "". FALSE, nothing changed, when an index is out of range. */
gboolean          ccp_review_comment_set_path      (CcpReviewComment *self,
                                                    CcpPlan          *plan,
                                                    const char       *path);

/* Comment lists (CcpItemList of CcpReviewComment). */
/* The comment with that identifier, or NULL (transfer none). */
CcpReviewComment *ccp_review_comments_find         (GListModel       *comments,
                                                    const char       *id);
/* "cN" with N one more than the largest of the list. Free with g_free(). */
char             *ccp_review_comments_next_id      (GListModel       *comments);
guint             ccp_review_comments_count_open   (GListModel       *comments);

G_END_DECLS
