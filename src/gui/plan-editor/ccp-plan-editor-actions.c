/* ccp-plan-editor-actions.c: the plan editor's actions: adding, duplicating, deleting and
 * moving activities (each step undoable), search, and showing a section. */
#define G_LOG_DOMAIN "ccp-plan-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-markup.h"
#include "ccp-plan-editor-private.h"

static void
push_undo (CcpPlanEditor *self,
           UndoKind       kind,
           CcpActivity   *activity,
           guint          position,
           guint          previous)
{
  UndoStep *step = g_new0 (UndoStep, 1);
  gboolean could_undo = self->undo->len > 0;

  step->kind = kind;
  step->activity = g_object_ref (activity);
  step->position = position;
  step->previous = previous;
  g_ptr_array_add (self->undo, step);

  if (!could_undo)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_CAN_UNDO]);
    }
}

void
_ccp_plan_editor_clear_undo (CcpPlanEditor *self)
{
  gboolean could_undo = self->undo->len > 0;

  g_ptr_array_set_size (self->undo, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  if (could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_CAN_UNDO]);
}

static void
insert_activity (CcpPlanEditor *self,
                 CcpActivity   *activity,
                 guint          position)
{
  ccp_item_list_insert (get_store (self), position, activity);
  ccp_plan_editor_select_activity (self, position);
}

CcpActivity *
ccp_plan_editor_add_activity (CcpPlanEditor *self)
{
  g_autofree char *id = NULL;
  g_autoptr(CcpActivity) activity = NULL;
  guint position;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  id = ccp_plan_next_activity_id (self->plan);
  activity = ccp_activity_new (id);
  ccp_activity_set_state (activity, "planned");
  position = n_activities (self);
  insert_activity (self, activity, position);
  push_undo (self, UNDO_ADD, activity, position, 0);
  ccp_activity_editor_focus_path (_ccp_plan_editor_ensure_activity_editor (self), "title");

  return activity;
}

static void
add_activity_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ccp_plan_editor_add_activity (CCP_PLAN_EDITOR (widget));
}

static void
duplicate_activity_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  guint position;

  if (current == NULL || !find_activity (self, current, &position))
    return;

  copy = ccp_activity_copy (current);
  id = ccp_plan_next_activity_id (self->plan);
  ccp_activity_set_id (copy, id);
  /* A copy is a new activity, not a copy of a joint one. */
  ccp_activity_set_joint_ref (copy, "");
  /* Translators: title of a duplicated activity; %s is the original title */
  title = g_strdup_printf (_("%s (copy)"), ccp_activity_get_title (current));
  ccp_activity_set_title (copy, title);

  insert_activity (self, copy, position + 1);
  push_undo (self, UNDO_ADD, copy, position + 1, 0);
}

static void
show_toast (CcpPlanEditor *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
delete_activity_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) activity = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;
  guint n;

  if (current == NULL || !find_activity (self, current, &position))
    return;

  activity = g_object_ref (current);
  _ccp_plan_editor_clear_activity_editor (self);
  ccp_item_list_remove (get_store (self), position);
  push_undo (self, UNDO_REMOVE, activity, position, 0);

  n = n_activities (self);
  if (n > 0)
    ccp_plan_editor_select_activity (self, MIN (position, n - 1));
  else
    gtk_stack_set_visible_child_name (self->content_stack, "no-activity");

  if (*ccp_activity_get_title (activity))
    {
      g_autofree char *isolated = ccp_bidi_isolate (ccp_activity_get_title (activity));

      /* Translators: a toast after deleting an activity; %s is its title */
      title = g_strdup_printf (_("“%s” deleted"), isolated);
    }
  else
    title = g_strdup (_("Activity deleted"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
move_activity (CcpPlanEditor *self,
               int            delta)
{
  CcpActivity *current = ccp_plan_editor_get_selected_activity (self);
  g_autoptr(CcpActivity) activity = NULL;
  guint position, target;

  if (current == NULL || !find_activity (self, current, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_activities (self)))
    return;

  target = position + delta;
  activity = g_object_ref (current);
  ccp_item_list_remove (get_store (self), position);
  insert_activity (self, activity, target);
  push_undo (self, UNDO_MOVE, activity, target, position);
}

static void
move_up_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_activity (CCP_PLAN_EDITOR (widget), -1);
}

static void
move_down_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_activity (CCP_PLAN_EDITOR (widget), +1);
}

gboolean
ccp_plan_editor_undo (CcpPlanEditor *self)
{
  UndoStep *step;
  guint position;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  if (self->undo->len == 0 || self->plan == NULL)
    return FALSE;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  switch (step->kind)
    {
    case UNDO_ADD:
      if (find_activity (self, step->activity, &position))
        {
          if (edited_activity (self) == step->activity)
            _ccp_plan_editor_clear_activity_editor (self);
          ccp_item_list_remove (get_store (self), position);
          if (n_activities (self) > 0)
            ccp_plan_editor_select_activity (self, MIN (position, n_activities (self) - 1));
          else
            gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
        }
      break;
    case UNDO_REMOVE:
      insert_activity (self, step->activity, MIN (step->position, n_activities (self)));
      break;
    case UNDO_MOVE:
      if (find_activity (self, step->activity, &position))
        {
          ccp_item_list_remove (get_store (self), position);
          insert_activity (self, step->activity, MIN (step->previous, n_activities (self)));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  _ccp_plan_editor_undo_step_free (step);

  if (self->undo->len == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_CAN_UNDO]);
    }

  return TRUE;
}

gboolean
ccp_plan_editor_get_can_undo (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  return self->undo->len > 0;
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ccp_plan_editor_undo (CCP_PLAN_EDITOR (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_section_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ccp_plan_editor_show_section (CCP_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

gboolean
_ccp_plan_editor_activity_matches (gpointer item,
                                   gpointer user_data)
{
  CcpPlanEditor *self = user_data;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  haystack = g_strconcat (ccp_activity_get_title (item), "\n",
                          ccp_activity_get_place (item), "\n",
                          ccp_activity_get_description (item), NULL);
  folded = ccp_text_casefold (haystack);

  return strstr (folded, self->search_text) != NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CcpPlanEditor  *self)
{
  g_free (self->search_text);
  self->search_text = ccp_text_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _ccp_plan_editor_search_changed (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                CcpPlanEditor  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (n_activities (self) <= SEARCH_THRESHOLD)
    gtk_widget_set_visible (GTK_WIDGET (entry), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->activities_view));
}

void
_ccp_plan_editor_undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_object_unref (step->activity);
  g_free (step);
}

/* A fresh identifier for the activity shown: the fix for "used by 2 activities". */
static void
new_activity_id_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (widget);
  CcpActivity *activity = edited_activity (self);
  g_autofree char *id = NULL;

  if (activity == NULL || self->plan == NULL)
    return;

  id = ccp_plan_next_activity_id (self->plan);
  ccp_activity_set_id (activity, id);
}

void
_ccp_plan_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  _ccp_plan_editor_class_focus_init (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.new-activity-id", NULL,
                                   new_activity_id_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-activity", NULL,
                                   add_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-activity", NULL,
                                   duplicate_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete-activity", NULL,
                                   delete_activity_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.show-section", "s",
                                   show_section_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
  /* Bubble phase: a focused text field undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
}

/* The shortcuts the shortcuts window lists as general: they work wherever the focus is in the
 * window (the header's buttons too), not only inside the editor. Alt+Up/Down and Ctrl+Z stay
 * class bindings: a focused widget has its own use for them. */
void
_ccp_plan_editor_actions_init (CcpPlanEditor *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } global[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.add-activity" },
    { GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.duplicate-activity" },
    { GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.delete-activity" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "editor.search" },
    { GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK, "editor.new-activity-id" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (global); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (
                                                              global[i].keyval,
                                                              global[i].modifiers),
                                                            gtk_named_action_new (
                                                              global[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
