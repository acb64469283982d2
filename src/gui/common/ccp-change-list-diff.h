/* ccp-change-list-diff.h: fills a CcpChangeList from the core's diff of two plans (ccp-diff.h):
 * headings from the field table, codes as their labels, lists as one line, and paths the
 * editor can focus. */
#pragma once

#include "ccp-change-list.h"
#include "ccp-core.h"

G_BEGIN_DECLS

/* older and newer: both CcpPlan or both CcpFieldPlan. Shows "No Differences" when they have
 * the same content. */
void   ccp_change_list_show_diff          (CcpChangeList *self,
                                           GObject       *older,
                                           GObject       *newer);
/* The section a change is listed under: "City and Period", "Contacts", "Activity 2: Concert"
 * (the title of newer's activity, older's when removed). Free with g_free(). */
char  *ccp_change_list_section_for_change (const CcpChange *change);
/* The value of a change as people read it (a code as its label, a list as one line); before:
 * the old value, else the new one. Free with g_free(). */
char  *ccp_change_list_display_value      (const CcpChange *change,
                                           gboolean         before);

G_END_DECLS
