/* ccp-new-field-plan-dialog.h: the details of a field plan: creative field, period, coordinator
 * (name, city, country, email), deputy coordinators, and the roster of member cities (from the
 * registry, editable). Creates a new field plan, or edits those of an open one. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_NEW_FIELD_PLAN_DIALOG (ccp_new_field_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CcpNewFieldPlanDialog, ccp_new_field_plan_dialog, CCP,
                      NEW_FIELD_PLAN_DIALOG, AdwWindow)

/* Signal "done": the Create (or Apply) button was clicked; the dialog then closes itself. */
CcpNewFieldPlanDialog *ccp_new_field_plan_dialog_new        (GtkWindow             *parent);
/* Edit mode: shows the details of field_plan; the field and period can only change when
 * lock_target is FALSE. */
void          ccp_new_field_plan_dialog_set_field_plan      (CcpNewFieldPlanDialog *self,
                                                             CcpFieldPlan          *field_plan,
                                                             gboolean               lock_target);
void          ccp_new_field_plan_dialog_set_field           (CcpNewFieldPlanDialog *self,
                                                             const char            *field);
const char   *ccp_new_field_plan_dialog_get_field           (CcpNewFieldPlanDialog *self);
void          ccp_new_field_plan_dialog_set_period          (CcpNewFieldPlanDialog *self,
                                                             const char            *period);
const char   *ccp_new_field_plan_dialog_get_period          (CcpNewFieldPlanDialog *self);
/* The member cities listed (CcpPartner, kind city). */
GListModel   *ccp_new_field_plan_dialog_get_roster          (CcpNewFieldPlanDialog *self);
/* A new field plan with these details: identifier field-FIELD-PERIOD, revision 1, draft. */
CcpFieldPlan *ccp_new_field_plan_dialog_create_field_plan   (CcpNewFieldPlanDialog *self);
/* Copies the details (field, period, coordinator, deputies, roster) into field_plan. */
void          ccp_new_field_plan_dialog_apply               (CcpNewFieldPlanDialog *self,
                                                             CcpFieldPlan          *field_plan);
/* As a click on Create / Apply. */
void          ccp_new_field_plan_dialog_respond             (CcpNewFieldPlanDialog *self);

G_END_DECLS
