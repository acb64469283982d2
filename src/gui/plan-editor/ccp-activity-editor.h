/* ccp-activity-editor.h: the page that edits every field of one activity. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_ACTIVITY_EDITOR (ccp_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (CcpActivityEditor, ccp_activity_editor, CCP, ACTIVITY_EDITOR, AdwBin)

GtkWidget   *ccp_activity_editor_new          (void);
CcpActivity *ccp_activity_editor_get_activity (CcpActivityEditor *self);
void         ccp_activity_editor_set_activity (CcpActivityEditor *self,
                                               CcpActivity       *activity);
/* The issues of this activity; index is its position in the plan (issue paths use it). */
void         ccp_activity_editor_show_issues  (CcpActivityEditor *self,
                                               GPtrArray         *issues,
                                               guint              index);
/* Moves the focus to the input of a path below the activity ("end-date",
 * "partner-cities/1/country"). */
gboolean     ccp_activity_editor_focus_path   (CcpActivityEditor *self,
                                               const char        *path);
/* The message shown beneath a property's input ("" when none). */
const char  *ccp_activity_editor_get_message  (CcpActivityEditor *self,
                                               const char        *property);
/* The input of a property (for tests: "title", "description", "start-date", ...). */
GtkWidget   *ccp_activity_editor_get_input    (CcpActivityEditor *self,
                                               const char        *property);
/* The check button of an objective / area ("objectives", "1") or the tile of an SDG ("sdgs"). */
GtkWidget   *ccp_activity_editor_get_code_toggle (CcpActivityEditor *self,
                                                  const char        *property,
                                                  const char        *code);
GtkLabel    *ccp_activity_editor_get_word_count_label (CcpActivityEditor *self);
/* For tests: the list box of "partner-cities", "partner-organisations" or "results", and the
 * button that adds an item to it. */
GtkListBox  *ccp_activity_editor_get_list     (CcpActivityEditor *self,
                                               const char        *list);
GtkButton   *ccp_activity_editor_get_add_button (CcpActivityEditor *self,
                                                 const char        *list);

G_END_DECLS
