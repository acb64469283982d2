/* Keyboard-only use: every action has a shortcut (an application accelerator or a widget
 * binding), Tab reaches the inputs, and every input has an accessible name (its own label, a
 * labelled-by relation, or the row it sits in). */
#define G_LOG_DOMAIN "test-gui-keyboard"

#include "config.h"

#include <adwaita.h>

#include "ccp-activity-editor.h"
#include "ccp-activity-table.h"
#include "ccp-application.h"
#include "ccp-city-entry.h"
#include "ccp-plan-editor.h"
#include "ccp-window.h"
#include "ccp-workspace.h"
#include "ccp-gui-test-util.h"
#include "ccp-test-util.h"

static CcpApplication *the_app;

/* The actions a widget class binds to keys (its class shortcuts). */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bound)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_add (bound, g_strdup (gtk_named_action_get_action_name (
                                                 GTK_NAMED_ACTION (action))));
        }
    }
  g_object_unref (controllers);
}

static void
check_class_actions (GType       type,
                     GtkWidget  *widget,
                     GHashTable *bound)
{
  GtkWidgetClass *klass = g_type_class_ref (type);
  const char *name;
  guint i = 0;
  GType owner;
  const GVariantType *param;
  const char *property;

  collect_bindings (widget, bound);
  while (gtk_widget_class_query_action (klass, i++, &owner, &name, &param, &property))
    {
      g_auto(GStrv) accels = NULL;

      /* Parameterised helpers (editor.show-section) and actions of GTK's own classes are
       * reached through the widgets that carry them. */
      if (param != NULL || owner != type)
        continue;
      accels = gtk_application_get_accels_for_action (GTK_APPLICATION (the_app), name);
      if ((accels == NULL || accels[0] == NULL) && !g_hash_table_contains (bound, name))
        g_error ("Action %s has no shortcut", name);
    }
  g_type_class_unref (klass);
}

/* The shortcut with this trigger among widget's shortcut controllers, or NULL; *scope is its
 * controller's. */
static GtkShortcut *
find_shortcut (GtkWidget          *widget,
               const char         *trigger,
               GtkShortcutScope   *scope)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkShortcut *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; found == NULL && GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (
                                    gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            {
              found = g_steal_pointer (&shortcut);
              *scope = gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller));
            }
        }
    }
  g_object_unref (controllers);
  return found;
}

static void
test_every_action_has_a_shortcut (void)
{
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (the_app));
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) app_actions = g_action_group_list_actions (G_ACTION_GROUP (the_app));
  CcpPlanEditor *editor = ccp_window_get_editor (window);

  ccp_window_new_plan (window);
  for (guint i = 0; app_actions[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("app.", app_actions[i], NULL);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (the_app),
                                                                     name);

      /* As for the widgets' actions: a parameterised one (app.open-file, how windows and views
       * open a file) is reached through what carries its parameter. */
      if (g_action_group_get_action_parameter_type (G_ACTION_GROUP (the_app),
                                                    app_actions[i]) != NULL)
        continue;
      if (accels == NULL || accels[0] == NULL)
        g_error ("Action %s has no shortcut", name);
    }
  check_class_actions (CCP_TYPE_WINDOW, GTK_WIDGET (window), bound);
  check_class_actions (CCP_TYPE_PLAN_EDITOR, GTK_WIDGET (editor), bound);
  /* The joint reference's copy and paste are buttons beside it, reached with Tab. */

  /* A binding does what its action does: Ctrl+Shift+N's action adds an activity. */
  {
    GtkShortcutScope scope;
    g_autoptr(GtkShortcut) shortcut = find_shortcut (GTK_WIDGET (editor), "<Shift><Control>n",
                                                     &scope);
    guint before = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (
                                               ccp_window_get_plan (window))));
    gboolean ran = shortcut != NULL &&
                   gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (editor), NULL);

    g_assert_true (ran);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (
                                                  ccp_window_get_plan (window)))), ==,
                      before + 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* The text inside a search or spin entry is its delegate: the entry carries the name. */
  if (GTK_IS_TEXT (widget) && GTK_IS_EDITABLE (parent))
    return has_name (parent);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* Inside a row: the row's title names it (AdwEntryRow, AdwActionRow, AdwComboRow). */
  return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL;
}

static gboolean
is_input (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_TOGGLE_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget);
}

static void
walk (GtkWidget *widget,
      GString   *unnamed,
      guint     *n_inputs)
{
  if (is_input (widget))
    {
      (*n_inputs)++;
      if (!has_name (widget))
        g_string_append_printf (unnamed, " %s(%s)", G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_name (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, unnamed, n_inputs);
}

static void
test_accessible_names (void)
{
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (the_app));
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (editor);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_inputs = 0;
  CcpActivity *activity;

  ccp_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
  activity = ccp_plan_editor_add_activity (editor);
  /* Rows of every list, so that their inputs are walked too. */
  {
    g_autoptr(CcpPartner) city = ccp_partner_new_city ("Leiria", "PT", "music");
    g_autoptr(CcpPartner) organisation = ccp_partner_new_organisation ("Conservatorio", "academic");
    g_autoptr(CcpResult) result = ccp_result_new ("More audience", "20,000 visitors");

    ccp_item_list_append (ccp_activity_get_partner_cities (activity), city);
    ccp_item_list_append (ccp_activity_get_partner_organisations (activity), organisation);
    ccp_item_list_append (ccp_activity_get_results (activity), result);
  }
  spin (50);

  walk (GTK_WIDGET (editor), unnamed, &n_inputs);
  g_test_message ("%u inputs in the editor and the activity page", n_inputs);
  g_assert_cmpuint (n_inputs, >, 60);
  if (unnamed->len > 0)
    g_error ("Inputs without an accessible name:%s", unnamed->str);
  (void) page;

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses Tab as GtkWindow's move-focus does, from the first control of the window to the
 * end of its focus chain (no wrapping), and fails for any target that never had the focus. */
static void
tab_through (GtkWindow   *window,
             GtkWidget  **targets,
             const char **names,
             guint        n_targets)
{
  gboolean reached[32] = { FALSE };
  guint n_reached = 0, steps = 0;

  g_assert_cmpuint (n_targets, <=, G_N_ELEMENTS (reached));
  gtk_window_set_focus (window, NULL);
  /* Bounded: a focus chain that loops inside a part of the window never ends. */
  while (n_reached < n_targets && steps < 400 &&
         gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      steps++;
      spin (10);
      for (guint i = 0; focus != NULL && i < n_targets; i++)
        if (!reached[i] && (focus == targets[i] || gtk_widget_is_ancestor (focus, targets[i])))
          {
            reached[i] = TRUE;
            n_reached++;
          }
    }
  g_test_message ("%u Tab presses", steps);
  for (guint i = 0; i < n_targets; i++)
    if (!reached[i])
      g_error ("Tab never reaches the %s input", names[i]);
}

/* Whether one of the widget's key controllers takes the key press. */
static gboolean
entry_handles_key (GtkWidget *widget,
                   guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  g_object_unref (controllers);
  return handled;
}

static void
test_tab_reaches_inputs (void)
{
  CcpWindow *window = ccp_window_new (GTK_APPLICATION (the_app));
  CcpPlanEditor *editor = ccp_window_get_editor (window);
  CcpActivityEditor *page = ccp_plan_editor_get_activity_editor (editor);
  const char *plan_names[] = { "city", "country", "field", "year", "period" };
  const char *activity_names[] = { "title", "kind", "scope", "state", "description",
                                   "start-date", "end-date", "place", "budget-amount",
                                   "budget-currency" };
  GtkWidget *targets[G_N_ELEMENTS (activity_names) + 1];
  const char *names[G_N_ELEMENTS (activity_names) + 1];
  GtkWidget *city, *focus;

  ccp_window_new_plan (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  spin (100);

  /* A new plan shows "City and Period" with its city error shown beneath the city: Tab goes
   * from the city through every row of the section, past the message. */
  city = ccp_plan_editor_get_input (editor, "city");
  for (guint i = 0; i < G_N_ELEMENTS (plan_names); i++)
    {
      targets[i] = ccp_plan_editor_get_input (editor, plan_names[i]);
      names[i] = plan_names[i];
      g_assert_nonnull (targets[i]);
    }
  g_assert_cmpstr (ccp_plan_editor_get_message (editor, "city"), !=, "");
  tab_through (GTK_WINDOW (window), targets, names, G_N_ELEMENTS (plan_names));

  /* From the city entry itself, with no suggestion shown, Tab moves on to the country row
   * (the row, then its drop-down), not out of the list. */
  gtk_widget_grab_focus (city);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus == city || gtk_widget_is_ancestor (focus, city));
  g_assert_true (gtk_widget_is_ancestor (targets[1], focus) ||
                 gtk_widget_is_ancestor (focus, targets[1]) || focus == targets[1]);

  /* Down, with no suggestion shown, moves on to the country row likewise. */
  gtk_widget_grab_focus (city);
  g_assert_false (ccp_city_entry_get_suggestions_shown (CCP_CITY_ENTRY (city)));
  g_assert_true (entry_handles_key (city, GDK_KEY_Down));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (targets[1], focus) ||
                 gtk_widget_is_ancestor (focus, targets[1]) || focus == targets[1]);

  /* With an activity open: Tab reaches the activities list, then every main input of the
   * activity page. */
  ccp_plan_editor_add_activity (editor);
  ccp_plan_editor_select_activity (editor, 0);
  spin (100);
  targets[0] = GTK_WIDGET (ccp_plan_editor_get_activities_view (editor));
  names[0] = "activities list";
  for (guint i = 0; i < G_N_ELEMENTS (activity_names); i++)
    {
      targets[i + 1] = ccp_activity_editor_get_input (page, activity_names[i]);
      names[i + 1] = activity_names[i];
      g_assert_nonnull (targets[i + 1]);
    }
  tab_through (GTK_WINDOW (window), targets, names, G_N_ELEMENTS (targets));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The workspace: Ctrl+F, as the shortcuts window says, goes to the activities' search from
 * any page but City Plans, where it is the city plans', and wherever the focus is in the
 * window (here a button beside the workspace). */
static void
test_workspace_search_shortcut (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Elsewhere");
  CcpWorkspace *workspace = CCP_WORKSPACE (ccp_workspace_new ());
  GtkWidget *entry = GTK_WIDGET (ccp_activity_table_get_search_entry (
                                   ccp_workspace_get_activity_table (workspace)));
  GtkWidget *sources_entry = GTK_WIDGET (ccp_source_table_get_search_entry (
                                           ccp_workspace_get_source_table (workspace)));
  GtkShortcutScope scope = GTK_SHORTCUT_SCOPE_LOCAL;
  g_autoptr(GtkShortcut) shortcut = NULL;
  AdwViewStack *pages;
  GtkWidget *focus;

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (workspace));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  ccp_gui_test_new_field_plan (GTK_WINDOW (window), workspace);
  WAIT_FOR (ccp_workspace_get_field_plan (workspace) != NULL, 5000);
  pages = ADW_VIEW_STACK (ccp_gui_find_of_type (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (pages);
  adw_view_stack_set_visible_child_name (pages, "overview");
  WAIT_FOR (gtk_widget_get_mapped (button), 5000);
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);

  shortcut = find_shortcut (GTK_WIDGET (workspace), "<Control>f", &scope);
  g_assert_nonnull (shortcut);
  g_assert_cmpint (scope, ==, GTK_SHORTCUT_SCOPE_GLOBAL);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (workspace), NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "activities");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* On the City Plans page it is that page's search. */
  adw_view_stack_set_visible_child_name (pages, "sources");
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (workspace), NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "sources");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == sources_entry || gtk_widget_is_ancestor (focus, sources_entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *state = ccp_gui_test_init (&argc, &argv);
  g_autoptr(GError) error = NULL;
  int status;

  the_app = ccp_application_new ();
  g_application_set_flags (G_APPLICATION (the_app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/keyboard/every-action-has-a-shortcut", test_every_action_has_a_shortcut);
  g_test_add_func ("/gui/keyboard/accessible-names", test_accessible_names);
  g_test_add_func ("/gui/keyboard/tab-reaches-inputs", test_tab_reaches_inputs);
  g_test_add_func ("/gui/keyboard/workspace-search", test_workspace_search_shortcut);

  status = ccp_gui_test_run (state);
  g_clear_object (&the_app);
  return status;
}
