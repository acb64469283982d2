/* ccp-revisions-view.h: "What Changed": the cities that sent more than one revision of their
 * plan (a superseded source and the one that replaced it), and for the one selected the list of
 * changes from the older revision to the newer. The field plan keeps only the accepted
 * revision's activities, so both files are read again: the one merged in this session, else
 * the file of that name beside the field plan, if its SHA-256 is the one recorded. When a file
 * is not at hand the view says which and where it was looked for. When the newer revision
 * came after the older was returned, the changes are titled as changes since the return, and
 * the comments of the return are listed beside them with whether they were addressed. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-change-list.h"

G_BEGIN_DECLS

#define CCP_TYPE_REVISIONS_VIEW (ccp_revisions_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpRevisionsView, ccp_revisions_view, CCP, REVISIONS_VIEW, AdwBin)

/* Property "busy" (boolean, read-only): files are being read. */
GtkWidget     *ccp_revisions_view_new             (void);
/* files: SHA-256 -> GFile of the city plans at hand (referenced); folder: where the field
 * plan's file is, or NULL. Selects the first pair. */
void           ccp_revisions_view_set_field_plan  (CcpRevisionsView *self,
                                                   CcpFieldPlan     *field_plan,
                                                   GHashTable       *files,
                                                   GFile            *folder);
/* Resubmissions listed: one per superseded source with a newer revision of the same city. */
guint          ccp_revisions_view_get_n_pairs     (CcpRevisionsView *self);
/* The older and newer source of a pair. */
CcpSource     *ccp_revisions_view_get_older       (CcpRevisionsView *self,
                                                   guint             index);
CcpSource     *ccp_revisions_view_get_newer       (CcpRevisionsView *self,
                                                   guint             index);
/* Shows the pair at index (reads its files in a thread); "busy" until done. */
void           ccp_revisions_view_select          (CcpRevisionsView *self,
                                                   guint             index);
/* Selects the pair whose older source has this SHA-256; FALSE when there is none. */
gboolean       ccp_revisions_view_select_sha256   (CcpRevisionsView *self,
                                                   const char       *sha256);
gboolean       ccp_revisions_view_get_busy        (CcpRevisionsView *self);
CcpChangeList *ccp_revisions_view_get_change_list (CcpRevisionsView *self);
GtkListBox    *ccp_revisions_view_get_list        (CcpRevisionsView *self);
/* After a return (ccp-return.h): the title shown ("Changes since the plan was returned on
 * 2027-01-16"), the comments of the return with whether the newer revision addressed them, and
 * their counts ("1 of 2 comments addressed"); NULL titles for any other pair. */
const char    *ccp_revisions_view_get_title           (CcpRevisionsView *self);
GtkListBox    *ccp_revisions_view_get_return_comments (CcpRevisionsView *self);
const char    *ccp_revisions_view_get_return_summary  (CcpRevisionsView *self);

G_END_DECLS
