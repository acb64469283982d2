/* ccp-review-flow.h: the coordinator's review of one source (issue 18), from the workspace:
 * reopening a final (locked) field plan with a reason, Accept or Return to City (with the
 * comments of CcpReviewDialog), the review file written next to the city plan, and the offer
 * to email it to the Focal Point through the portal. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

/* changed: the field plan changed (reopened, reviewed). */
typedef void (*CcpReviewFlowDone) (gpointer user_data,
                                   gboolean changed);

/* What needs a final field plan reopened (each has its own whole sentence in the dialog). */
typedef enum {
  CCP_REVIEW_FLOW_REOPEN,     /* the Coordinator asked to reopen it */
  CCP_REVIEW_FLOW_ADD_PLANS,  /* plans are added to it */
  CCP_REVIEW_FLOW_REVIEW,     /* a plan in it is reviewed */
} CcpReviewFlowPurpose;

/* Calls done (changed FALSE) at once when field_plan is open; else asks to reopen it, with a
 * reason, saying what purpose needs it; done is not called when the user declines. */
void   ccp_review_flow_ensure_open   (GtkWindow         *parent,
                                      CcpFieldPlan      *field_plan,
                                      CcpReviewFlowPurpose purpose,
                                      CcpReviewFlowDone  done,
                                      gpointer           user_data);

/* Reviews source as state (ACCEPTED or RETURNED: the comments dialog first). city_plan (may be
 * NULL) gives the activities to comment on; plan_file (may be NULL) where the review file goes
 * (its folder; else the documents folder). done is called once the field plan changed. */
void   ccp_review_flow_review        (GtkWindow         *parent,
                                      CcpFieldPlan      *field_plan,
                                      CcpSource         *source,
                                      CcpReviewState     state,
                                      CcpPlan           *city_plan,
                                      GFile             *plan_file,
                                      CcpReviewFlowDone  done,
                                      gpointer           user_data);

/* "bologna-music-2027-h1-review-2.xml" (ASCII, lowercase). */
char  *ccp_review_flow_file_name     (CcpReview         *review);
/* The email's subject and body for a review. */
char  *ccp_review_flow_build_body    (CcpReview         *review,
                                      char             **subject);

G_END_DECLS
