#define G_LOG_DOMAIN "ccp-field-plan-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-field-plan-view.h"
#include "ccp-window.h"

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

  g_type_ensure (CCP_TYPE_WORKSPACE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-field-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, workspace);
}

static void
ccp_field_plan_view_init (CcpFieldPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ccp_field_plan_view_new (void)
{
  return g_object_new (CCP_TYPE_FIELD_PLAN_VIEW, NULL);
}

void
ccp_field_plan_view_set_field_plan (CcpFieldPlanView *self,
                                    CcpFieldPlan     *field_plan)
{
  GtkRoot *root;
  GFile *file = NULL;

  g_return_if_fail (CCP_IS_FIELD_PLAN_VIEW (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  /* The window knows the file the field plan was read from. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (CCP_IS_WINDOW (root))
    file = ccp_window_get_file (CCP_WINDOW (root));

  if (file == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_sources (field_plan))) == 0)
    ccp_workspace_set_new_field_plan (self->workspace, field_plan);
  else
    ccp_workspace_set_field_plan (self->workspace, field_plan, file);
}

CcpFieldPlan *
ccp_field_plan_view_get_field_plan (CcpFieldPlanView *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN_VIEW (self), NULL);

  return ccp_workspace_get_field_plan (self->workspace);
}

CcpWorkspace *
ccp_field_plan_view_get_workspace (CcpFieldPlanView *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN_VIEW (self), NULL);

  return self->workspace;
}
