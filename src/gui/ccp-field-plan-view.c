#define G_LOG_DOMAIN "ccp-field-plan-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-choices.h"
#include "ccp-field-plan-view.h"

struct _CcpFieldPlanView
{
  AdwBin               parent_instance;

  CcpFieldPlan        *field_plan;

  AdwActionRow        *field_row;
  AdwActionRow        *period_row;
  AdwActionRow        *coordinator_row;
  AdwActionRow        *consolidated_row;
  AdwActionRow        *status_row;
  AdwPreferencesGroup *sources_group;
  AdwPreferencesGroup *activities_group;
  GPtrArray           *added_rows;
};

G_DEFINE_FINAL_TYPE (CcpFieldPlanView, ccp_field_plan_view, ADW_TYPE_BIN)

static void
ccp_field_plan_view_dispose (GObject *object)
{
  CcpFieldPlanView *self = CCP_FIELD_PLAN_VIEW (object);

  g_clear_object (&self->field_plan);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_field_plan_view_parent_class)->dispose (object);
}

static void
ccp_field_plan_view_class_init (CcpFieldPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_field_plan_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-field-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, field_row);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, period_row);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, consolidated_row);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, status_row);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, sources_group);
  gtk_widget_class_bind_template_child (widget_class, CcpFieldPlanView, activities_group);
}

static void
ccp_field_plan_view_init (CcpFieldPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new ();
}

GtkWidget *
ccp_field_plan_view_new (void)
{
  return g_object_new (CCP_TYPE_FIELD_PLAN_VIEW, NULL);
}

static void
add_row (CcpFieldPlanView    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);
}

void
ccp_field_plan_view_set_field_plan (CcpFieldPlanView *self,
                                    CcpFieldPlan     *field_plan)
{
  CcpContact *coordinator;
  GListModel *list;
  g_autofree char *field = NULL;
  g_autofree char *coordinator_text = NULL;
  guint n;

  g_return_if_fail (CCP_IS_FIELD_PLAN_VIEW (self));
  g_return_if_fail (CCP_IS_FIELD_PLAN (field_plan));

  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
  g_set_object (&self->field_plan, field_plan);

  field = ccp_choices_get_label ("field", ccp_field_plan_get_field (field_plan));
  adw_action_row_set_subtitle (self->field_row, field);
  adw_action_row_set_subtitle (self->period_row, ccp_field_plan_get_period (field_plan));
  coordinator = ccp_field_plan_get_coordinator (field_plan);
  /* Translators: the coordinator of a field: name, city and email */
  coordinator_text = g_strdup_printf (_("%s, %s (%s)"), ccp_contact_get_name (coordinator),
                                      ccp_contact_get_city (coordinator),
                                      ccp_contact_get_email (coordinator));
  adw_action_row_set_subtitle (self->coordinator_row, coordinator_text);
  adw_action_row_set_subtitle (self->consolidated_row,
                               ccp_field_plan_get_consolidated (field_plan));
  adw_action_row_set_subtitle (self->status_row,
                               ccp_field_plan_get_status (field_plan) == CCP_PLAN_STATUS_FINAL
                               ? _("Final") : _("Draft"));

  list = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (list, i);

      add_row (self, self->sources_group, ccp_source_get_city (source),
               ccp_source_get_file (source));
    }

  list = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (list, i);
      g_autofree char *dates = NULL;

      /* Translators: dates of an activity: start – end */
      dates = g_strdup_printf (_("%s – %s"), ccp_activity_get_start_date (activity),
                               ccp_activity_get_end_date (activity));
      add_row (self, self->activities_group, ccp_activity_get_title (activity), dates);
    }
}

CcpFieldPlan *
ccp_field_plan_view_get_field_plan (CcpFieldPlanView *self)
{
  g_return_val_if_fail (CCP_IS_FIELD_PLAN_VIEW (self), NULL);

  return self->field_plan;
}
