/* ccp-status-page.h: the workspace's "Status" page (issue 18): per member city of the field's
 * roster, the core's status row (latest revision, when, on time or late, review state, open
 * comments, the Focal Point's contact), the reporting and timeliness rates, and "Remind": one
 * email to the Focal Points of the cities without a plan, in blind copy, through the portal. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_STATUS_PAGE (ccp_status_page_get_type ())
G_DECLARE_FINAL_TYPE (CcpStatusPage, ccp_status_page, CCP, STATUS_PAGE, AdwBin)

/*
 * Each received row has Accept and Return to City (ccp-review-flow.h); the header has Mark as
 * Final or Reopen for the field plan (locking). Signal "changed": the field plan was reviewed,
 * locked or reopened (the workspace records it as an unsaved change).
 */
GtkWidget   *ccp_status_page_new            (void);
/* Sets the page to field_plan (may be NULL): the header (rates, deadline, buttons) at once,
 * the rows when the page is shown (mapped), or asked for (ccp_status_page_get_list(),
 * ccp_status_page_flush()). files: SHA-256 -> GFile of the city plans at hand (may be NULL),
 * for the activities a comment can point at and where reviews go. */
void         ccp_status_page_set_field_plan (CcpStatusPage *self,
                                             CcpFieldPlan  *field_plan,
                                             GHashTable    *files);
/* What a row's Accept and Return to City buttons do (state ACCEPTED or RETURNED). */
void         ccp_status_page_review         (CcpStatusPage *self,
                                             CcpSource     *source,
                                             CcpReviewState state);
/* What Mark as Final and Reopen do. */
void         ccp_status_page_lock           (CcpStatusPage *self);
void         ccp_status_page_reopen         (CcpStatusPage *self);
/* What Remind does. */
void         ccp_status_page_remind         (CcpStatusPage *self);

/* The reminder: the addresses known for the cities without a plan (NULL-terminated, maybe
 * empty), its subject and body. For tests and for Remind. */
char       **ccp_status_page_build_reminder (CcpFieldPlan  *field_plan,
                                             char         **subject,
                                             char         **body);

/* For tests: the rates line ("Reporting rate: 67% (2 of 3)…"), the rows' list (all its rows
 * built first, shown or not), how many rows the page has built since it was made. */
const char  *ccp_status_page_get_rates_text   (CcpStatusPage *self);
GtkListBox  *ccp_status_page_get_list         (CcpStatusPage *self);
guint        ccp_status_page_get_n_built_rows (CcpStatusPage *self);

/* The rows of a page shown come a chunk per main-loop turn: whether some are still coming
 * (FALSE for a page not shown, whose rows wait), and all of them at once. */
gboolean       ccp_status_page_get_pending     (CcpStatusPage *self);
void           ccp_status_page_flush           (CcpStatusPage *self);

G_END_DECLS
