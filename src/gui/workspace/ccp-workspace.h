/* ccp-workspace.h: the coordinator's consolidation workspace: a field plan (new or opened), the
 * city plans added to it (file chooser, drag and drop, a whole folder), read and merged off the
 * main thread with progress and Cancel; the sources, the activities, the merge report and an
 * overview; saving the field plan, CSV, HTML, IATI and XLSX exports, printing and PDF.
 *
 * The merge is the one of `ccplans merge`: a new field plan is merged with its field and period
 * as options (like `ccplans merge --field F --period P FILES`), an opened one as the plan merged
 * into (`--into`), so the saved file is byte for byte the one the command line writes. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-document.h"
#include "ccp-activity-table.h"
#include "ccp-merge-report-view.h"
#include "ccp-overview-chart.h"
#include "ccp-source-table.h"
#include "ccp-status-page.h"

G_BEGIN_DECLS

#define CCP_TYPE_WORKSPACE (ccp_workspace_get_type ())
G_DECLARE_FINAL_TYPE (CcpWorkspace, ccp_workspace, CCP, WORKSPACE, AdwBin)

/*
 * Properties (read-only, notify): "field-plan" (CcpFieldPlan: what is shown and saved),
 * "file" (GFile or NULL: the document's), "modified" (boolean), "busy" (boolean: files are
 * being read or merged), "progress-text" (string, e.g. "Reading 23 of 48 plans").
 * Signal "open-file" (GFile *file): open this city plan in the editor; the default handler
 * activates the application's action "app.open-file".
 */
GtkWidget        *ccp_workspace_new               (void);

/* The document's field plan. One of no file and without any source is a new field plan
 * (merged like `ccplans merge --field --period`); any other is merged into. The workspace
 * saves through the document. */
void              ccp_workspace_set_document      (CcpWorkspace *self,
                                                   CcpDocument  *document);
CcpDocument      *ccp_workspace_get_document      (CcpWorkspace *self);
/* A new field plan (from CcpNewFieldPlanDialog): nothing merged yet. */
void              ccp_workspace_set_new_field_plan (CcpWorkspace *self,
                                                    CcpFieldPlan *field_plan);
/* An opened field plan; file may be NULL. Further city plans are merged into it. */
void              ccp_workspace_set_field_plan    (CcpWorkspace *self,
                                                   CcpFieldPlan *field_plan,
                                                   GFile        *file);
CcpFieldPlan     *ccp_workspace_get_field_plan    (CcpWorkspace *self);
GFile            *ccp_workspace_get_file          (CcpWorkspace *self);
gboolean          ccp_workspace_get_modified      (CcpWorkspace *self);
gboolean          ccp_workspace_get_busy          (CcpWorkspace *self);
const char       *ccp_workspace_get_progress_text (CcpWorkspace *self);

/* Adds city plans (GFile; a folder adds the .xml files in it): read and merged in the
 * background. What the file chooser, a drop and "Add Folder" call. FALSE (nothing done) while
 * another merge runs. */
gboolean          ccp_workspace_add_files         (CcpWorkspace *self,
                                                   GListModel   *files);
/* What dropping files on the workspace does (the drop target's handler): adds them. */
gboolean          ccp_workspace_drop_files        (CcpWorkspace *self,
                                                   GdkFileList  *files);
/* Stops the running read or merge; the field plan stays as it was before. */
void              ccp_workspace_cancel            (CcpWorkspace *self);

/* Saves through the document (atomically, with a backup; refused with G_IO_ERROR_WRONG_ETAG
 * over another program's change unless flags say otherwise); the saved field plan becomes the
 * one merged into. */
gboolean          ccp_workspace_save              (CcpWorkspace         *self,
                                                   GFile                *file,
                                                   CcpDocumentSaveFlags  flags,
                                                   GError              **error);
/* ccp_workspace_save() with CCP_DOCUMENT_SAVE_DEFAULT. */
gboolean          ccp_workspace_save_to_file      (CcpWorkspace *self,
                                                   GFile        *file,
                                                   GError      **error);
gboolean          ccp_workspace_export_to_file    (CcpWorkspace    *self,
                                                   CcpExportFormat  format,
                                                   GFile           *file,
                                                   GError         **error);
/* With the CSV options (CCP_EXPORT_CSV_BOM, _HXL: what the export dialog's choices set). */
gboolean          ccp_workspace_export_to_file_full (CcpWorkspace      *self,
                                                     CcpExportFormat    format,
                                                     CcpExportCsvFlags  csv_flags,
                                                     GFile             *file,
                                                     GError           **error);
/* Prints through GtkPrintOperation; with a file, exports to PDF without a dialog. */
gboolean          ccp_workspace_print             (CcpWorkspace *self,
                                                   GFile        *pdf_file,
                                                   GError      **error);
/* Shows the field plan's details dialog (coordinator, deputies, roster). */
GtkWindow        *ccp_workspace_show_details      (CcpWorkspace *self);

CcpSourceTable     *ccp_workspace_get_source_table   (CcpWorkspace *self);
CcpActivityTable   *ccp_workspace_get_activity_table (CcpWorkspace *self);
CcpMergeReportView *ccp_workspace_get_report_view    (CcpWorkspace *self);
/* The Status page (issue 18; ccp-workspace-cycle.c). */
CcpStatusPage      *ccp_workspace_get_status_page    (CcpWorkspace *self);
CcpOverviewChart   *ccp_workspace_get_chart          (CcpWorkspace        *self,
                                                      CcpOverviewChartKind kind);
/* Reads and merges started whose result has not come back yet (a cancelled one still runs
 * to its end in its thread, and is then ignored): for tests. */
guint               ccp_workspace_get_n_pending      (CcpWorkspace *self);
/* Whether a merge runs in its worker now (or the files merged before are read again for it):
 * for tests. */
gboolean            ccp_workspace_get_merging        (CcpWorkspace *self);
/* Workers (the merge, the figures counted after it) that returned with work left undone
 * because of a Cancel, since the workspace was made: for tests. */
guint               ccp_workspace_get_n_stopped      (CcpWorkspace *self);
/* The city plan file at hand for a SHA-256 of the field plan's sources, or NULL. */
GFile              *ccp_workspace_lookup_file        (CcpWorkspace *self,
                                                      const char   *sha256);
/* Whether file is one of the city plans merged here (the same file on disk, through links):
 * what a save must not write over. */
gboolean            ccp_workspace_uses_file          (CcpWorkspace *self,
                                                      GFile        *file);

G_END_DECLS
