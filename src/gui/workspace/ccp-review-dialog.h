/* ccp-review-dialog.h: "Return to City" (issue 18): the coordinator writes comments on a city
 * plan as a whole or on one of its activities and fields (the field table's headings), then
 * returns it. The dialog only collects the comments; the caller reviews (ccp_cycle_review()). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_REVIEW_DIALOG (ccp_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CcpReviewDialog, ccp_review_dialog, CCP, REVIEW_DIALOG, AdwWindow)

/*
 * plan: the city plan reviewed, for its activities (NULL: comments on the plan as a whole only).
 * title: what is reviewed ("Bologna, revision 2").
 * Signal "return": Return to City was chosen, with at least one comment; the dialog closes after.
 */
CcpReviewDialog *ccp_review_dialog_new          (GtkWindow       *parent,
                                                 CcpPlan         *plan,
                                                 const char      *title);
/* Adds what the target choosers and the comment entry hold, as the Add button does. FALSE when
 * the comment is empty. */
gboolean         ccp_review_dialog_add_comment  (CcpReviewDialog *self);
/* Chooses the target: activity -1 for the plan as a whole, else its index in the plan; field
 * NULL for all of it, else a field table name ("title"). */
void             ccp_review_dialog_set_target   (CcpReviewDialog *self,
                                                 int              activity,
                                                 const char      *field);
GtkEditable     *ccp_review_dialog_get_text_entry (CcpReviewDialog *self);
/* The comments added (CcpReviewComment, without identifiers). Transfer none. */
GPtrArray       *ccp_review_dialog_get_comments (CcpReviewDialog *self);
/* What the Return to City button does. */
void             ccp_review_dialog_return       (CcpReviewDialog *self);

G_END_DECLS
