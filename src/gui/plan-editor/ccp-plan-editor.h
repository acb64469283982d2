/* ccp-plan-editor.h: the focal point's editor of a city plan: sections, activity list, activity
 * page, live validation and undo of structural changes. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-activity-editor.h"

G_BEGIN_DECLS

#define CCP_TYPE_PLAN_EDITOR (ccp_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (CcpPlanEditor, ccp_plan_editor, CCP, PLAN_EDITOR, AdwBin)

/*
 * Properties: "plan" (CcpPlan), "n-errors", "n-warnings" (uint, read-only),
 * "completeness" (double 0..1, read-only), "can-undo" (boolean, read-only).
 * Signal "issues-changed": the list of issues changed (coalesced, from an idle).
 */
GtkWidget         *ccp_plan_editor_new                 (void);
CcpPlan           *ccp_plan_editor_get_plan            (CcpPlanEditor *self);
void               ccp_plan_editor_set_plan            (CcpPlanEditor *self,
                                                        CcpPlan       *plan);
guint              ccp_plan_editor_get_n_errors        (CcpPlanEditor *self);
guint              ccp_plan_editor_get_n_warnings      (CcpPlanEditor *self);
/* Issues of severity info (as `ccplans validate` rates them): neither errors nor warnings. */
guint              ccp_plan_editor_get_n_infos         (CcpPlanEditor *self);
double             ccp_plan_editor_get_completeness    (CcpPlanEditor *self);
/* Every issue: plan fields first, then each activity in order. Free with g_ptr_array_unref(). */
GPtrArray         *ccp_plan_editor_get_issues          (CcpPlanEditor *self);

/* Sections: "city", "contacts", or an activity. */
void               ccp_plan_editor_show_section        (CcpPlanEditor *self,
                                                        const char    *section);
void               ccp_plan_editor_select_activity     (CcpPlanEditor *self,
                                                        guint          index);
CcpActivity       *ccp_plan_editor_get_selected_activity (CcpPlanEditor *self);
/* Built on the first call or when an activity is first shown, not with the plan editor. */
CcpActivityEditor *ccp_plan_editor_get_activity_editor (CcpPlanEditor *self);
const char        *ccp_plan_editor_get_visible_section (CcpPlanEditor *self);
/* Moves the focus to the input an issue path points at. */
gboolean           ccp_plan_editor_focus_path          (CcpPlanEditor *self,
                                                        const char    *path);

/* Structural changes, each undoable. */
CcpActivity       *ccp_plan_editor_add_activity        (CcpPlanEditor *self);
gboolean           ccp_plan_editor_undo                (CcpPlanEditor *self);
gboolean           ccp_plan_editor_get_can_undo        (CcpPlanEditor *self);

/* Marks an activity's dates as copied from an earlier period: a warning asks to check them
 * until one of them is edited. */
void               ccp_plan_editor_flag_dates_for_review (CcpPlanEditor *self,
                                                          CcpActivity   *activity);

/* For tests: the input and the message of a plan property ("focal-point-email"). */
GtkWidget         *ccp_plan_editor_get_input           (CcpPlanEditor *self,
                                                        const char    *property);
const char        *ccp_plan_editor_get_message         (CcpPlanEditor *self,
                                                        const char    *property);
GtkListView       *ccp_plan_editor_get_activities_view (CcpPlanEditor *self);
GtkSearchEntry    *ccp_plan_editor_get_search_entry    (CcpPlanEditor *self);

/* Problems the reader found in the file (format-unexpected-element, ...): listed with the
 * validator's until replaced (NULL clears them, as a save does). */
void               ccp_plan_editor_set_load_issues     (CcpPlanEditor *self,
                                                        GPtrArray     *issues);
/* The review comments of the plan (ccp_plan_get_comments()) changed: shows the open ones
 * beneath their fields again and counts them (issue 18; ccp-comments-window.h). */
void               ccp_plan_editor_refresh_comments    (CcpPlanEditor *self);
/* For tests: how many times one activity was validated since the editor was created (editing
 * an activity re-validates that activity alone; add, delete and move re-index the others). */
guint              ccp_plan_editor_get_n_activity_checks (CcpPlanEditor *self);

G_END_DECLS
