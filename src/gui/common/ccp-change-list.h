/* ccp-change-list.h: the differences between two versions of a plan, as a list that works from
 * the keyboard: a row per changed field (its heading, the value before, the value after),
 * grouped by section (the plan's fields, then activity by activity), and a row per activity
 * added or removed. Activating a row emits "change-activated" with the row's path, so that an
 * editor can move the focus to that field. The widget knows nothing of how the changes were
 * found: ccp-change-list-diff.h fills it from the core's diff. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  CCP_CHANGE_ROW_CHANGED,   /* a field has another value */
  CCP_CHANGE_ROW_ADDED,     /* an activity (or an item) is new */
  CCP_CHANGE_ROW_REMOVED,   /* an activity (or an item) is gone */
} CcpChangeRowKind;

#define CCP_TYPE_CHANGE_LIST (ccp_change_list_get_type ())
G_DECLARE_FINAL_TYPE (CcpChangeList, ccp_change_list, CCP, CHANGE_LIST, AdwBin)

/*
 * Property "n-rows" (uint, read-only). Signal "change-activated" (const char *path): a row was
 * activated (Enter, a click); path is the one given to ccp_change_list_add(), "" for none.
 */
GtkWidget  *ccp_change_list_new            (void);
/* Removes every row and any message; the list shows "No Differences" until rows are added. */
void        ccp_change_list_clear          (CcpChangeList    *self);
/* One row. section: the heading the row is listed under ("City and Period", "Activity 2:
 * Concert"); heading: the field ("Title"); before/after: the values as people read them (NULL
 * or "" shows "empty"); for an activity added or removed, heading is its title and before/after
 * are ignored. path: where the field is in the newer plan ("activities/1/title"), or NULL. */
void        ccp_change_list_add            (CcpChangeList    *self,
                                            CcpChangeRowKind  kind,
                                            const char       *section,
                                            const char       *heading,
                                            const char       *before,
                                            const char       *after,
                                            const char       *path);
/* A line above the rows saying what is compared with what ("Compared with bologna-v1.xml,
 * revision 1"); NULL hides it. */
void        ccp_change_list_set_subtitle   (CcpChangeList    *self,
                                            const char       *subtitle);
/* Shows a message instead of the rows (nothing to compare, a file not at hand). */
void        ccp_change_list_show_message   (CcpChangeList    *self,
                                            const char       *icon_name,
                                            const char       *title,
                                            const char       *description);
/* Whether rows with a path can be activated (TRUE at first): FALSE where nothing can be
 * focused, as in the workspace, so that Enter on a row does not seem to fail. */
void        ccp_change_list_set_activatable (CcpChangeList    *self,
                                            gboolean          activatable);
/* The counts line: "3 fields changed, 1 activity added, 1 removed" (translated). */
const char *ccp_change_list_get_summary    (CcpChangeList    *self);
/* What is shown: "rows", "empty" (no differences) or "message". */
const char *ccp_change_list_get_state      (CcpChangeList    *self);
guint       ccp_change_list_get_n_rows     (CcpChangeList    *self);
/* The path, heading, accessible label and row widget of the row at index (NULL past the end). */
const char *ccp_change_list_get_path       (CcpChangeList    *self,
                                            guint             index);
const char *ccp_change_list_get_heading    (CcpChangeList    *self,
                                            guint             index);
const char *ccp_change_list_get_label      (CcpChangeList    *self,
                                            guint             index);
GtkWidget  *ccp_change_list_get_row        (CcpChangeList    *self,
                                            guint             index);
/* Activates the row at index, as Enter on it would. */
void        ccp_change_list_activate_row   (CcpChangeList    *self,
                                            guint             index);

G_END_DECLS
