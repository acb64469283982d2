/* ccp-plan-editor-focus.c: where Tab goes at the end of a section of the plan editor. */
#define G_LOG_DOMAIN "ccp-plan-editor"

#include "config.h"

#include "ccp-plan-editor-private.h"

/* The content comes after the list of sections: past its last field GTK would take the focus
 * out of the editor and round to the header bar, away from the form. Move on instead to the
 * next section in the list (Enter opens it): Contacts after the plan's fields, the activities
 * after the contacts or an activity. */
static gboolean
ccp_plan_editor_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  GtkWidgetClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_content = focus != NULL &&
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_stack));

  if (parent_class->focus (widget, direction))
    return TRUE;
  if (direction != GTK_DIR_TAB_FORWARD || !in_content)
    return FALSE;

  if (g_strcmp0 (ccp_plan_editor_get_visible_section (self), "city") == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self->contacts_section_row)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->contacts_section_row));
  return gtk_widget_child_focus (GTK_WIDGET (self->activities_view), GTK_DIR_TAB_FORWARD) ||
         gtk_widget_child_focus (GTK_WIDGET (self->sections_list), GTK_DIR_TAB_FORWARD);
}

void
_ccp_plan_editor_class_focus_init (GtkWidgetClass *widget_class)
{
  widget_class->focus = ccp_plan_editor_focus;
}
