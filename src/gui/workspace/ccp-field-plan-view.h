/* ccp-field-plan-view.h: a field plan in a document window: the coordinator's consolidation
 * workspace (CcpWorkspace), given the window's document. */
#pragma once

#include <adwaita.h>

#include "ccp-core.h"
#include "ccp-workspace.h"

G_BEGIN_DECLS

#define CCP_TYPE_FIELD_PLAN_VIEW (ccp_field_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (CcpFieldPlanView, ccp_field_plan_view, CCP, FIELD_PLAN_VIEW, AdwBin)

GtkWidget    *ccp_field_plan_view_new            (void);
/* The document's field plan (see ccp_workspace_set_document()): the workspace saves it
 * through the document. */
void          ccp_field_plan_view_set_document   (CcpFieldPlanView *self,
                                                  CcpDocument      *document);
/* A field plan of no file: a new document of it. */
void          ccp_field_plan_view_set_field_plan (CcpFieldPlanView *self,
                                                  CcpFieldPlan     *field_plan);
CcpFieldPlan *ccp_field_plan_view_get_field_plan (CcpFieldPlanView *self);
/* Built on the first call (or the first field plan set), not with the view. */
CcpWorkspace *ccp_field_plan_view_get_workspace  (CcpFieldPlanView *self);

G_END_DECLS
