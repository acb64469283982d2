/* ccp-comments-window.h: the coordinator's review comments a plan answers (issue 18), for the
 * Focal Point: each comment with its place in the plan, "Show" (the focus goes to its field)
 * and "Addressed". The open ones are also shown beneath their fields in the editor, as issues of
 * their own kind (rule "review-comment", severity info). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-plan-editor.h"

G_BEGIN_DECLS

#define CCP_TYPE_COMMENTS_WINDOW (ccp_comments_window_get_type ())
G_DECLARE_FINAL_TYPE (CcpCommentsWindow, ccp_comments_window, CCP, COMMENTS_WINDOW, AdwWindow)

/* The rule of the issues made of comments. */
#define CCP_REVIEW_COMMENT_RULE "review-comment"

/* review (may be NULL) says whose review and of which revision, in the heading. */
CcpCommentsWindow *ccp_comments_window_new          (GtkWindow         *parent,
                                                     CcpPlanEditor     *editor,
                                                     CcpReview         *review);
/* The open comments of plan as issues at their paths (CcpIssue). */
GPtrArray         *ccp_comments_window_issues_for   (CcpPlan           *plan);
/* Shows the open comments of the editor's plan beneath their fields. */
void               ccp_comments_window_show_in_editor (CcpPlanEditor   *editor);

/* For tests: the comment rows' count, and marking one addressed as its check button does. */
guint              ccp_comments_window_get_n_rows   (CcpCommentsWindow *self);
void               ccp_comments_window_set_addressed (CcpCommentsWindow *self,
                                                      guint              index,
                                                      gboolean           addressed);

G_END_DECLS
