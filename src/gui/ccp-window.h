/* ccp-window.h: one document window: start page, loading, the plan editor, or a read-only
 * field plan; saving, unsaved-changes prompt and recovery copies. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-plan-editor.h"
#include "ccp-validation-panel.h"

G_BEGIN_DECLS

#define CCP_TYPE_WINDOW (ccp_window_get_type ())
G_DECLARE_FINAL_TYPE (CcpWindow, ccp_window, CCP, WINDOW, AdwApplicationWindow)

/* Properties: "file" (GFile), "document" (GObject), "modified" (boolean),
 * "recovery-delay" (uint, milliseconds after a change before the recovery copy is written). */
CcpWindow          *ccp_window_new                 (GtkApplication *application);

/* TRUE when the window shows the start page (no document, nothing loading). */
gboolean            ccp_window_is_empty            (CcpWindow *self);
gboolean            ccp_window_is_loading          (CcpWindow *self);
/* Reads the file off the main thread; on failure a dialog names the file and the reason. */
void                ccp_window_load_file           (CcpWindow *self,
                                                    GFile     *file);
void                ccp_window_new_plan            (CcpWindow *self);
/* Shows a document (CcpPlan or CcpFieldPlan). file may be NULL (never saved). */
void                ccp_window_set_document        (CcpWindow *self,
                                                    GObject   *document,
                                                    GFile     *file,
                                                    gboolean   modified);
/* A plan restored from a recovery copy: shown as modified, saved to original when given. */
void                ccp_window_restore             (CcpWindow  *self,
                                                    CcpPlan    *plan,
                                                    GFile      *original,
                                                    const char *recovery_key);

GFile              *ccp_window_get_file            (CcpWindow *self);
GObject            *ccp_window_get_document        (CcpWindow *self);
CcpPlan            *ccp_window_get_plan            (CcpWindow *self);
gboolean            ccp_window_get_modified        (CcpWindow *self);
CcpPlanEditor      *ccp_window_get_editor          (CcpWindow *self);
CcpValidationPanel *ccp_window_get_validation_panel (CcpWindow *self);
const char         *ccp_window_get_status_text     (CcpWindow *self);
void                ccp_window_set_recovery_delay  (CcpWindow *self,
                                                    guint      milliseconds);
/* The key of the recovery copy last written, or NULL. */
const char         *ccp_window_get_recovery_key    (CcpWindow *self);

/* Saves to file (revision + 1 when the plan was saved before, modified = now), atomically with
 * a backup; shows a toast saying how many errors remain. */
gboolean            ccp_window_save_to_file        (CcpWindow  *self,
                                                    GFile      *file,
                                                    GError    **error);
void                ccp_window_add_toast           (CcpWindow  *self,
                                                    AdwToast   *toast);
/* The title of the last toast shown (for tests), or NULL. */
const char         *ccp_window_get_last_toast      (CcpWindow  *self);
/* What the Save As chooser's response does with the chosen file (tests call it directly). */
gboolean            ccp_window_save_as_file        (CcpWindow  *self,
                                                    GFile      *file);
/* The start page's list of recent plans (GtkRecentManager), for tests. */
GtkListBox         *ccp_window_get_recent_list     (CcpWindow  *self);
/* What dropping files on the window does (the drop target's handler). */
gboolean            ccp_window_drop_files          (CcpWindow   *self,
                                                    GdkFileList *files);
/* What Open Review… does with the chosen file (ccp-window-cycle.c, issue 18). */
gboolean            ccp_window_open_review         (CcpWindow   *self,
                                                    GFile       *file);

G_END_DECLS
