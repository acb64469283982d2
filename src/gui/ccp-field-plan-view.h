/* ccp-field-plan-view.h: a read-only summary of a consolidated field plan (the coordinator's
 * workspace, where it will be edited, is its own piece of work). */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"

G_BEGIN_DECLS

#define CCP_TYPE_FIELD_PLAN_VIEW (ccp_field_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpFieldPlanView, ccp_field_plan_view, CCP, FIELD_PLAN_VIEW, AdwBin)

GtkWidget    *ccp_field_plan_view_new            (void);
void          ccp_field_plan_view_set_field_plan (CcpFieldPlanView *self,
                                                  CcpFieldPlan     *field_plan);
CcpFieldPlan *ccp_field_plan_view_get_field_plan (CcpFieldPlanView *self);

G_END_DECLS
