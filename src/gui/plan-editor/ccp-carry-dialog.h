/* ccp-carry-dialog.h: "New Plan from Previous Period": every activity of the previous plan
 * with its state and dates, a check box each; those still to do (ongoing, carried over,
 * planned, postponed) ticked at first, completed and cancelled ones not. Create makes the new
 * plan through the core (ccp_plan_carry_forward), each carried activity recording its origin. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_CARRY_DIALOG (ccp_carry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CcpCarryDialog, ccp_carry_dialog, CCP, CARRY_DIALOG, AdwWindow)

/* Signal "done" (CcpPlan *plan): Create was clicked; plan is the new draft. The dialog then
 * closes itself. Cancel or Escape closes it without "done". */
CcpCarryDialog *ccp_carry_dialog_new          (GtkWindow      *parent,
                                               CcpPlan        *previous);
guint           ccp_carry_dialog_get_n_rows   (CcpCarryDialog *self);
/* The check box of the activity at index (previous's order), for tests. */
GtkCheckButton *ccp_carry_dialog_get_check    (CcpCarryDialog *self,
                                               guint           index);
/* The identifiers ticked, in previous's order (NULL-terminated). Free with g_strfreev(). */
char          **ccp_carry_dialog_get_chosen   (CcpCarryDialog *self);
/* The new draft with the activities ticked; NULL when previous has no valid period. */
CcpPlan        *ccp_carry_dialog_create_plan  (CcpCarryDialog *self);
/* As a click on Create. */
void            ccp_carry_dialog_respond      (CcpCarryDialog *self);

G_END_DECLS
