/* ccp-validation-panel.h: every issue of the plan, grouped by section; activating one asks to
 * move the focus to its field (signal "issue-activated"). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_VALIDATION_PANEL (ccp_validation_panel_get_type ())
G_DECLARE_FINAL_TYPE (CcpValidationPanel, ccp_validation_panel, CCP, VALIDATION_PANEL, AdwBin)

GtkWidget *ccp_validation_panel_new          (void);
/* issues: CcpIssue, plan fields first then activities in order; plan gives activity titles. */
void       ccp_validation_panel_set_issues   (CcpValidationPanel *self,
                                              CcpPlan            *plan,
                                              GPtrArray          *issues);
guint      ccp_validation_panel_get_n_rows   (CcpValidationPanel *self);
/* The issue shown in the row at index, or NULL. */
CcpIssue  *ccp_validation_panel_get_issue    (CcpValidationPanel *self,
                                              guint               index);
/* Activates the row at index, as a click would. */
void       ccp_validation_panel_activate_row (CcpValidationPanel *self,
                                              guint               index);
/* The section heading of a model path: "City and period", "Contacts", "Activity 2: …".
 * Free with g_free(). */
char      *ccp_validation_panel_section_for  (CcpPlan            *plan,
                                              const char         *path);

G_END_DECLS
