#define G_LOG_DOMAIN "ccp-field-plan-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-field-plan-view.h"

struct _CcpFieldPlanView
{
  AdwBin        parent_instance;

  CcpWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (CcpFieldPlanView, ccp_field_plan_view, ADW_TYPE_BIN)

static void
ccp_field_plan_view_class_init (CcpFieldPlanViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-field-plan-view.ui");
}

static void
ccp_field_plan_view_init (CcpFieldPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The workspace is built on first use: a window that opens a city plan never needs it, and
 * building it would delay the window's first frame. */
static CcpWorkspace *
ensure_workspace (CcpFieldPlanView *self)
{
  if (self->workspace == NULL)
    {
      self->workspace = CCP_WORKSPACE (ccp_workspace_new ());
      adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->workspace));
    }

  return self->workspace;
}

GtkWidget *
ccp_field_plan_view_new (void)
{
  return g_object_new (CCP_TYPE_FIELD_PLAN_VIEW, NULL);
}

void
ccp_field_plan_view_set_document (CcpFieldPlanView *self,
                                  CcpDocument      *document)
{
  g_return_if_fail (CCP_IS_FIELD_PLAN_VIEW (self));
  g_return_if_fail (CCP_IS_DOCUMENT (document));
  g_return_if_fail (CCP_IS_FIELD_PLAN (ccp_document_get_model (document)));

  ccp_workspace_set_document (ensure_workspace (self), document);
}

void
ccp_field_plan_view_set_field_plan (CcpFieldPlanView *self,
                                    CcpFieldPlan     *field_plan)
{
  g_autoptr(CcpDocument) document = NULL;

  g_return_if_fail (CCP_IS_FIELD_PLAN_VIEW (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  document = ccp_document_new (NULL, G_OBJECT (field_plan));
  ccp_field_plan_view_set_document (self, document);
}

CcpFieldPlan *
ccp_field_plan_view_get_field_plan (CcpFieldPlanView *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN_VIEW (self), NULL);

  return self->workspace != NULL ? ccp_workspace_get_field_plan (self->workspace) : NULL;
}

CcpWorkspace *
ccp_field_plan_view_get_workspace (CcpFieldPlanView *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN_VIEW (self), NULL);

  return ensure_workspace (self);
}
