/* ccp-source-table.h: the files a field plan was merged from, as a sortable table: city,
 * country, revision, status (valid, warnings, errors, refused, superseded), issue counts, and
 * each file's issues on demand; a search above it and a count below. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_SOURCE_TABLE (ccp_source_table_get_type ())
G_DECLARE_FINAL_TYPE (CcpSourceTable, ccp_source_table, CCP, SOURCE_TABLE, AdwBin)

GtkWidget     *ccp_source_table_new            (void);
/* issues: SHA-256 -> GPtrArray of CcpIssue of the files at hand; messages: SHA-256 -> the
 * reader's message for an unreadable file. Both may be NULL; they are referenced. */
void           ccp_source_table_set_field_plan (CcpSourceTable *self,
                                                CcpFieldPlan   *field_plan,
                                                GHashTable     *issues,
                                                GHashTable     *messages);
GtkColumnView *ccp_source_table_get_view       (CcpSourceTable *self);
/* The search above the table: cities, country codes, file names and statuses. */
GtkEditable   *ccp_source_table_get_search_entry (CcpSourceTable *self);
/* Rows in the order shown (found by the search, then sorted). */
guint          ccp_source_table_get_n_rows     (CcpSourceTable *self);
CcpSource     *ccp_source_table_get_row        (CcpSourceTable *self,
                                                guint           position);
/* The status shown: "Valid", "Warnings", "Errors", "Refused" or "Superseded" (translated). */
const char    *ccp_source_table_status_label   (CcpSource      *source);
/* Called before the issues of a source are described: the workspace gives them their lines
 * only then (finding them reads the file again). */
typedef void (*CcpSourceTableLocateFunc) (CcpSource *source,
                                          GPtrArray *issues,
                                          gpointer   user_data);
void           ccp_source_table_set_locate_func (CcpSourceTable          *self,
                                                 CcpSourceTableLocateFunc func,
                                                 gpointer                 user_data);
/* What the issues popover of a source says (reasons, then issues with their lines). */
char          *ccp_source_table_describe_issues (CcpSourceTable *self,
                                                 CcpSource      *source);

/* The rows are put in a chunk per main-loop turn after ccp_source_table_set_field_plan():
 * whether some are still to come, and all of them at once. */
gboolean       ccp_source_table_get_pending   (CcpSourceTable *self);
void           ccp_source_table_flush         (CcpSourceTable *self);

G_END_DECLS
