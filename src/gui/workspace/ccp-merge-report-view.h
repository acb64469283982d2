/* ccp-merge-report-view.h: the merge report of a field plan, in sentences: refused files and
 * why, newer revisions that replaced older ones, joint activities merged and their
 * differences, possible duplicates, and the roster's member cities with no plan. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_MERGE_REPORT_VIEW (ccp_merge_report_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpMergeReportView, ccp_merge_report_view, CCP, MERGE_REPORT_VIEW, AdwBin)

GtkWidget  *ccp_merge_report_view_new            (void);
/* messages (may be NULL): SHA-256 -> the reader's message for a file that could not be read,
 * which says more than the report's code. */
void        ccp_merge_report_view_set_field_plan (CcpMergeReportView *self,
                                                  CcpFieldPlan       *field_plan,
                                                  GHashTable         *messages);
/* Sentences shown for report items of that kind ("refused", "joint", "missing"...). */
GPtrArray  *ccp_merge_report_view_get_lines      (CcpMergeReportView *self,
                                                  const char         *kind);

G_END_DECLS
