/* ccp-compare-window.h: "Compare with…": what changed between an earlier version of the plan
 * (a file the Focal Point picks) and the plan in the editor, as a list of changes beside the
 * editor. Activating a change moves the editor's focus to that field; the list follows the
 * edits made meanwhile. */
#pragma once

#include <adwaita.h>

#include "ccp-change-list.h"
#include "ccp-plan-editor.h"

G_BEGIN_DECLS

#define CCP_TYPE_COMPARE_WINDOW (ccp_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (CcpCompareWindow, ccp_compare_window, CCP, COMPARE_WINDOW, AdwWindow)

/* older: the earlier version; older_name: how it is named ("bologna-v1.xml"). The window is
 * transient for parent (the editor's window), not modal: both stay usable. */
CcpCompareWindow *ccp_compare_window_new             (GtkWindow        *parent,
                                                      CcpPlanEditor    *editor,
                                                      CcpPlan          *older,
                                                      const char       *older_name);
CcpChangeList    *ccp_compare_window_get_change_list (CcpCompareWindow *self);
/* Compares the editor's plan again (the window does it by itself after edits, when it is not
 * the active window). */
void              ccp_compare_window_refresh         (CcpCompareWindow *self);

/* What the action "Compare with…" does: a file chooser, then the file read in a thread, then
 * the window (or a message saying why the file cannot be compared). */
void              ccp_compare_window_choose          (GtkWindow        *parent,
                                                      CcpPlanEditor    *editor);
/* The same from a given file, without the chooser. The window shown is given to callback
 * (NULL when the file could not be compared, after the message). */
typedef void (*CcpCompareWindowReady) (CcpCompareWindow *window,
                                       gpointer          user_data);
void              ccp_compare_window_open_file       (GtkWindow             *parent,
                                                      CcpPlanEditor         *editor,
                                                      GFile                 *file,
                                                      CcpCompareWindowReady  callback,
                                                      gpointer               user_data);
/* The same with the copy kept of the revision last sent (ccp-sent-copy.h): the window says
 * which revision it is and the day it was sent (day may be NULL). */
void              ccp_compare_window_open_sent       (GtkWindow             *parent,
                                                      CcpPlanEditor         *editor,
                                                      GFile                 *file,
                                                      guint                  revision,
                                                      const char            *day,
                                                      CcpCompareWindowReady  callback,
                                                      gpointer               user_data);

G_END_DECLS
