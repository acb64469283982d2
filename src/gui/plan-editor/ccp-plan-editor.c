#define G_LOG_DOMAIN "ccp-plan-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-editor.h"
#include "ccp-activity-row.h"
#include "ccp-choices.h"
#include "ccp-city-entry.h"
#include "ccp-field-messages.h"
#include "ccp-plan-editor-private.h"
#include "ccp-plan-tools.h"

G_DEFINE_FINAL_TYPE (CcpPlanEditor, ccp_plan_editor, ADW_TYPE_BIN)

GParamSpec *_ccp_plan_editor_properties[N_PROPS];

guint _ccp_plan_editor_signals[N_SIGNALS];

/* The activity editor is the largest page: it is built when an activity is first shown, not
 * with the plan editor, so that opening a plan does not wait for it. */
CcpActivityEditor *
_ccp_plan_editor_ensure_activity_editor (CcpPlanEditor *self)
{
  if (self->activity_editor == NULL)
    {
      self->activity_editor = CCP_ACTIVITY_EDITOR (ccp_activity_editor_new ());
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->activity_editor), "activity");
    }

  return self->activity_editor;
}

void
_ccp_plan_editor_clear_activity_editor (CcpPlanEditor *self)
{
  if (self->activity_editor != NULL)
    ccp_activity_editor_set_activity (self->activity_editor, NULL);
}

/* --- Validation results ----------------------------------------------------------------- */

static void
plan_notify_cb (CcpPlan       *plan,
                GParamSpec    *pspec,
                CcpPlanEditor *self)
{
  _ccp_plan_editor_validate_plan_fields (self);
  /* The period bounds every activity's dates. */
  if (g_str_equal (pspec->name, "period"))
    _ccp_plan_editor_validate_all_activities (self);
  _ccp_plan_editor_update_summary (self);
}

/* Whether activity had an activity-id-duplicate issue or now shares its identifier. */
static gboolean
id_may_clash (CcpPlanEditor *self,
              CcpActivity   *activity)
{
  GPtrArray *issues = g_hash_table_lookup (self->activity_issues, activity);
  const char *id = ccp_activity_get_id (activity);
  GListModel *model = G_LIST_MODEL (get_store (self));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (g_strcmp0 (ccp_issue_get_rule (g_ptr_array_index (issues, i)),
                   "activity-id-duplicate") == 0)
      return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) other = g_list_model_get_item (model, i);

      if (other != activity && g_strcmp0 (ccp_activity_get_id (other), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
activity_changed_cb (CcpPlan       *plan,
                     CcpActivity   *activity,
                     CcpPlanEditor *self)
{
  guint position;

  if (!find_activity (self, activity, &position))
    return;

  /* An identifier is unique across activities: a change that makes or ends a clash changes the
   * other activities' issues too. */
  if (id_may_clash (self, activity))
    _ccp_plan_editor_validate_all_activities (self);
  else
    _ccp_plan_editor_validate_activity_at (self, activity, position);
  _ccp_plan_editor_update_summary (self);
}

static void
update_search_visibility (CcpPlanEditor *self)
{
  guint n = n_activities (self);
  g_autofree char *heading = NULL;

  if (n > SEARCH_THRESHOLD)
    gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);

  if (self->search_text != NULL && *self->search_text != '\0')
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

      /* Translators: heading of the activity list while searching: how many match, of all */
      heading = g_strdup_printf (_("Activities (%u of %u)"), shown, n);
    }
  else
    /* Translators: heading of the activity list, with how many there are */
    heading = g_strdup_printf (_("Activities (%u)"), n);
  gtk_label_set_text (self->activities_heading, heading);
}

void
_ccp_plan_editor_search_changed (CcpPlanEditor *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->activities_view));

  /* The first match at the top, not half hidden where the old scroll position was. */
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  update_search_visibility (self);
}

static void
activities_items_changed_cb (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             CcpPlanEditor *self)
{
  _ccp_plan_editor_update_after_items_changed (self, position, removed, added);
  _ccp_plan_editor_validate_plan_fields (self);
  _ccp_plan_editor_update_summary (self);
  update_search_visibility (self);

  if (n_activities (self) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "activity") == 0)
    {
      _ccp_plan_editor_clear_activity_editor (self);
      gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
    }
}

/* --- Sections and selection --------------------------------------------------------------- */

static void
show_activity (CcpPlanEditor *self,
               CcpActivity   *activity)
{
  guint position;

  if (activity == NULL)
    {
      _ccp_plan_editor_clear_activity_editor (self);
      return;
    }

  gtk_list_box_unselect_all (self->sections_list);
  ccp_activity_editor_set_activity (_ccp_plan_editor_ensure_activity_editor (self), activity);
  if (find_activity (self, activity, &position))
    _ccp_plan_editor_show_activity_issues (self,
                                           g_hash_table_lookup (self->activity_issues, activity),
                                           position);
  gtk_stack_set_visible_child_name (self->content_stack, "activity");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      CcpPlanEditor     *self)
{
  CcpActivity *activity = gtk_single_selection_get_selected_item (self->selection);

  if (activity != NULL)
    show_activity (self, activity);
}

static void
activity_activated_cb (GtkListView   *view,
                       guint          position,
                       CcpPlanEditor *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_activity (self, gtk_single_selection_get_selected_item (self->selection));
  ccp_activity_editor_focus_path (_ccp_plan_editor_ensure_activity_editor (self), "title");
}

void
ccp_plan_editor_show_section (CcpPlanEditor *self,
                              const char    *section)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  if (g_strcmp0 (section, "contacts") == 0)
    {
      gtk_list_box_select_row (self->sections_list, self->contacts_section_row);
      gtk_stack_set_visible_child_name (self->content_stack, "contacts");
    }
  else
    {
      gtk_list_box_select_row (self->sections_list, self->city_section_row);
      gtk_stack_set_visible_child_name (self->content_stack, "city");
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  _ccp_plan_editor_clear_activity_editor (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
section_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      CcpPlanEditor *self)
{
  ccp_plan_editor_show_section (self, row == self->contacts_section_row ? "contacts" : "city");
}

static void
back_clicked_cb (GtkButton     *button,
                 CcpPlanEditor *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
ccp_plan_editor_select_activity (CcpPlanEditor *self,
                                 guint          index)
{
  g_autoptr(CcpActivity) activity = NULL;
  guint n;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  activity = self->plan ? g_list_model_get_item (G_LIST_MODEL (get_store (self)), index) : NULL;
  if (activity == NULL)
    return;

  /* The filter may hide it: a search never hides what is asked for. */
  if (self->search_text != NULL && *self->search_text)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  update_search_visibility (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == activity)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->activities_view), "list.scroll-to-item",
                                      "u", i);
          break;
        }
    }
  show_activity (self, activity);
}

CcpActivity *
ccp_plan_editor_get_selected_activity (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "activity") != 0)
    return NULL;
  return edited_activity (self);
}

const char *
ccp_plan_editor_get_visible_section (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

static gboolean
focus_later_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (user_data);

  if (widget != NULL && gtk_widget_get_mapped (widget))
    gtk_widget_grab_focus (widget);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* A page that has just become visible is mapped only on the next frame; the focus is moved
 * once more then, so that it lands on the field and stays there. */
static void
focus_after_switch (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  GWeakRef *ref;

  if (focus == NULL)
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, focus);
  g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, ref, weak_ref_free);
}

gboolean
ccp_plan_editor_focus_path (CcpPlanEditor *self,
                            const char    *path)
{
  GtkRoot *root;
  gboolean done = FALSE;

  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), FALSE);

  if (g_str_has_prefix (path, "activities/") && g_ascii_isdigit (path[strlen ("activities/")]))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (path + strlen ("activities/"), &end, 10);

      ccp_plan_editor_select_activity (self, (guint) index);
      done = ccp_activity_editor_focus_path (_ccp_plan_editor_ensure_activity_editor (self),
                                             (end && *end == '/') ? end + 1 : "");
    }
  else if (g_str_equal (path, "activities"))
    {
      if (n_activities (self) == 0)
        gtk_stack_set_visible_child_name (self->content_stack, "no-activity");
      done = gtk_widget_grab_focus (GTK_WIDGET (self->activities_view));
    }
  else
    {
      g_autofree char *property = g_strdup (path);
      char *slash = strchr (property, '/');

      if (slash != NULL)
        *slash = '\0';
      ccp_plan_editor_show_section (self,
                                    _ccp_plan_editor_is_contact_path (path) ? "contacts" : "city");
      done = ccp_field_messages_focus (self->messages, property);
      if (!done)
        done = gtk_widget_grab_focus (GTK_WIDGET (self->city_row));
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (done && root != NULL)
    focus_after_switch (GTK_WIDGET (root));

  return done;
}

/* --- List rows ---------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CcpPlanEditor            *self)
{
  gtk_list_item_set_child (item, ccp_activity_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CcpPlanEditor            *self)
{
  CcpActivityRow *row = CCP_ACTIVITY_ROW (gtk_list_item_get_child (item));
  CcpActivity *activity = gtk_list_item_get_item (item);
  GPtrArray *issues = g_hash_table_lookup (self->activity_issues, activity);

  ccp_activity_row_set_activity (row, activity);
  ccp_activity_row_set_issues (row,
                               issues ? ccp_issues_count (issues, CCP_SEVERITY_ERROR) : 0,
                               issues ? ccp_issues_count (issues, CCP_SEVERITY_WARNING) : 0);
  g_hash_table_replace (self->rows, activity, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CcpPlanEditor            *self)
{
  CcpActivityRow *row = CCP_ACTIVITY_ROW (gtk_list_item_get_child (item));
  CcpActivity *activity = ccp_activity_row_get_activity (row);

  if (activity != NULL && g_hash_table_lookup (self->rows, activity) == row)
    g_hash_table_remove (self->rows, activity);
  ccp_activity_row_set_activity (row, NULL);
}

/* --- Plan fields -------------------------------------------------------------------------- */

static void
sync_period_from_plan (CcpPlanEditor *self)
{
  guint year = 0, half = 0;

  if (self->plan == NULL)
    return;

  self->syncing_period = TRUE;
  if (ccp_period_parse (ccp_plan_get_period (self->plan), &year, &half))
    {
      gtk_spin_button_set_value (self->year_spin, year);
      adw_combo_row_set_selected (self->half_row, half);
    }
  else if (*ccp_plan_get_period (self->plan) == '\0')
    adw_combo_row_set_selected (self->half_row, 0);
  self->syncing_period = FALSE;
}

static void
period_input_changed_cb (GObject       *object,
                         GParamSpec    *pspec,
                         CcpPlanEditor *self)
{
  guint half;
  g_autofree char *period = NULL;

  if (self->syncing_period || self->plan == NULL)
    return;

  half = adw_combo_row_get_selected (self->half_row);
  if (half != 1 && half != 2)
    return;

  period = g_strdup_printf ("%d-H%u", gtk_spin_button_get_value_as_int (self->year_spin), half);
  ccp_plan_set_period (self->plan, period);
}

static void
plan_period_notify_cb (CcpPlan       *plan,
                       GParamSpec    *pspec,
                       CcpPlanEditor *self)
{
  sync_period_from_plan (self);
}

static void
city_chosen_cb (CcpCityEntry  *entry,
                CcpMemberCity *city,
                CcpPlanEditor *self)
{
  if (self->plan == NULL)
    return;

  ccp_plan_set_country (self->plan, ccp_member_city_get_country (city));
  ccp_plan_set_field (self->plan, ccp_member_city_get_field (city));
}

static void
bind_text (CcpPlanEditor *self,
           const char    *property,
           gpointer       row)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->plan, property, row, "text",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
unbind_plan (CcpPlanEditor *self)
{
  CcpItemList *store;

  if (self->plan == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  store = get_store (self);
  g_clear_signal_handler (&self->items_changed_id, store);
  g_clear_signal_handler (&self->notify_id, self->plan);
  g_clear_signal_handler (&self->activity_changed_id, self->plan);
  g_signal_handlers_disconnect_by_func (self->plan, plan_period_notify_cb, self);
  _ccp_plan_editor_clear_activity_editor (self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_hash_table_remove_all (self->activity_issues);
  g_hash_table_remove_all (self->issue_index);
  g_hash_table_remove_all (self->review);
  g_clear_pointer (&self->plan_issues, g_ptr_array_unref);
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  _ccp_plan_editor_clear_undo (self);
}

void
ccp_plan_editor_set_plan (CcpPlanEditor *self,
                          CcpPlan       *plan)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || CCP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  unbind_plan (self);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      CcpItemList *store = get_store (self);

      bind_text (self, "city", self->city_row);
      bind_text (self, "focal-point-name", self->focal_point_name_row);
      bind_text (self, "focal-point-email", self->focal_point_email_row);
      bind_text (self, "focal-point-phone", self->focal_point_phone_row);
      bind_text (self, "representative-name", self->representative_name_row);
      bind_text (self, "representative-title", self->representative_title_row);
      bind_text (self, "representative-email", self->representative_email_row);
      g_ptr_array_add (self->bindings,
                       g_object_bind_property (plan, "representative-none",
                                               self->representative_none_switch, "active",
                                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (plan), "country",
                                         G_OBJECT (self->country_dropdown)));
      g_ptr_array_add (self->bindings,
                       ccp_choices_bind (G_OBJECT (plan), "field", G_OBJECT (self->field_row)));
      g_signal_connect (plan, "notify::period", G_CALLBACK (plan_period_notify_cb), self);
      sync_period_from_plan (self);

      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
      self->items_changed_id = g_signal_connect (store, "items-changed",
                                                 G_CALLBACK (activities_items_changed_cb), self);
      self->notify_id = g_signal_connect (plan, "notify", G_CALLBACK (plan_notify_cb), self);
      self->activity_changed_id = g_signal_connect (plan, "activity-changed",
                                                    G_CALLBACK (activity_changed_cb), self);

      _ccp_plan_editor_validate_plan_fields (self);
      _ccp_plan_editor_validate_all_activities (self);
      _ccp_plan_editor_update_summary (self);
      update_search_visibility (self);
      ccp_plan_editor_show_section (self, "city");
    }

  g_object_notify_by_pspec (G_OBJECT (self), _ccp_plan_editor_properties[PROP_PLAN]);
}

void
ccp_plan_editor_flag_dates_for_review (CcpPlanEditor *self,
                                       CcpActivity   *activity)
{
  guint position;

  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));
  g_return_if_fail (CCP_IS_ACTIVITY (activity));

  g_hash_table_replace (self->review, g_object_ref (activity),
                        g_strconcat (ccp_activity_get_start_date (activity), "|",
                                     ccp_activity_get_end_date (activity), NULL));
  if (find_activity (self, activity, &position))
    _ccp_plan_editor_validate_activity_at (self, activity, position);
  _ccp_plan_editor_update_summary (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_plan_editor_dispose (GObject *object)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  unbind_plan (self);
  g_clear_object (&self->plan);
  g_clear_handle_id (&self->issues_idle_id, g_source_remove);

  G_OBJECT_CLASS (ccp_plan_editor_parent_class)->dispose (object);
}

static void
ccp_plan_editor_finalize (GObject *object)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  g_clear_object (&self->validator);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->activity_issues, g_hash_table_unref);
  g_clear_pointer (&self->issue_index, g_hash_table_unref);
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->review, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->messages, ccp_field_messages_free);
  g_free (self->search_text);

  G_OBJECT_CLASS (ccp_plan_editor_parent_class)->finalize (object);
}

static void
ccp_plan_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->n_infos);
      break;
    case PROP_COMPLETENESS:
      g_value_set_double (value, self->completeness);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo->len > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_plan_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CcpPlanEditor *self = CCP_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      ccp_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, CcpPlanEditor, name)

static void
ccp_plan_editor_class_init (CcpPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ccp_plan_editor_dispose;
  object_class->finalize = ccp_plan_editor_finalize;
  object_class->get_property = ccp_plan_editor_get_property;
  object_class->set_property = ccp_plan_editor_set_property;

  _ccp_plan_editor_properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CCP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_plan_editor_properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_plan_editor_properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_plan_editor_properties[PROP_N_INFOS] =
    g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  _ccp_plan_editor_properties[PROP_COMPLETENESS] =
    g_param_spec_double ("completeness", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _ccp_plan_editor_properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _ccp_plan_editor_properties);

  _ccp_plan_editor_signals[ISSUES_CHANGED] = g_signal_new ("issues-changed",
                                                           G_TYPE_FROM_CLASS (klass),
                                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                           G_TYPE_NONE, 0);

  g_type_ensure (CCP_TYPE_CITY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/creativecities/Plans/ccp-plan-editor.ui");
  BIND_CHILD (leaflet);
  BIND_CHILD (sections_list);
  BIND_CHILD (city_section_row);
  BIND_CHILD (contacts_section_row);
  BIND_CHILD (city_badge);
  BIND_CHILD (contacts_badge);
  BIND_CHILD (activities_heading);
  BIND_CHILD (search_entry);
  BIND_CHILD (activities_view);
  BIND_CHILD (content_stack);
  BIND_CHILD (city_fallback_label);
  BIND_CHILD (contacts_fallback_label);
  BIND_CHILD (city_row);
  BIND_CHILD (country_row);
  BIND_CHILD (country_dropdown);
  BIND_CHILD (field_row);
  BIND_CHILD (year_row);
  BIND_CHILD (year_spin);
  BIND_CHILD (half_row);
  BIND_CHILD (focal_point_name_row);
  BIND_CHILD (focal_point_email_row);
  BIND_CHILD (focal_point_phone_row);
  BIND_CHILD (representative_none_row);
  BIND_CHILD (representative_none_switch);
  BIND_CHILD (representative_name_row);
  BIND_CHILD (representative_title_row);
  BIND_CHILD (representative_email_row);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_chosen_cb);
  _ccp_plan_editor_class_actions_init (widget_class);
}

static void
add_message (CcpPlanEditor *self,
             const char    *property,
             gpointer       row,
             gpointer       input)
{
  ccp_field_messages_add (self->messages, property, GTK_WIDGET (row), input);
}

static void
mark_required (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (_("Required"));

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "required-mark");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
ccp_plan_editor_init (CcpPlanEditor *self)
{
  GtkListItemFactory *factory;
  GtkWidget *focus_city[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  _ccp_plan_editor_actions_init (self);

  self->validator = ccp_validator_new ();
  self->activity_issues = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->issue_index = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->review = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->bindings = g_ptr_array_new ();
  self->undo = g_ptr_array_new_with_free_func (_ccp_plan_editor_undo_step_free);
  self->messages = ccp_field_messages_new ();

  ccp_choices_setup (G_OBJECT (self->country_dropdown), CCP_CHOICES_COUNTRY);
  ccp_choices_setup (G_OBJECT (self->field_row), "field");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->country_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->country_row, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->year_spin),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->year_row, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->representative_none_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->representative_none_row, NULL,
                                  -1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  }

  ccp_field_messages_set_fallback (self->messages, self->city_fallback_label);
  add_message (self, "city", self->city_row, NULL);
  add_message (self, "country", self->country_row, self->country_dropdown);
  add_message (self, "field", self->field_row, NULL);
  add_message (self, "period", self->half_row, NULL);
  add_message (self, "focal-point-name", self->focal_point_name_row, NULL);
  add_message (self, "focal-point-email", self->focal_point_email_row, NULL);
  add_message (self, "focal-point-phone", self->focal_point_phone_row, NULL);
  add_message (self, "representative-none", self->representative_none_row,
               self->representative_none_switch);
  add_message (self, "representative-name", self->representative_name_row, NULL);
  add_message (self, "representative-title", self->representative_title_row, NULL);
  add_message (self, "representative-email", self->representative_email_row, NULL);

  ccp_editable_force_ltr (GTK_WIDGET (self->focal_point_email_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->focal_point_phone_row));
  ccp_editable_force_ltr (GTK_WIDGET (self->representative_email_row));

  mark_required (GTK_WIDGET (self->city_row));
  mark_required (GTK_WIDGET (self->country_row));
  mark_required (GTK_WIDGET (self->field_row));
  mark_required (GTK_WIDGET (self->half_row));
  mark_required (GTK_WIDGET (self->focal_point_name_row));
  mark_required (GTK_WIDGET (self->focal_point_email_row));

  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_name_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_title_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->representative_none_switch, "active",
                          self->representative_email_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_signal_connect (self->year_spin, "notify::value", G_CALLBACK (period_input_changed_cb), self);
  g_signal_connect (self->half_row, "notify::selected", G_CALLBACK (period_input_changed_cb),
                    self);

  self->filter = gtk_custom_filter_new (_ccp_plan_editor_activity_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed",
                    G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->activities_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->activities_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  (void) focus_city;
}

GtkWidget *
ccp_plan_editor_new (void)
{
  return g_object_new (CCP_TYPE_PLAN_EDITOR, NULL);
}

CcpPlan *
ccp_plan_editor_get_plan (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

guint
ccp_plan_editor_get_n_errors (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_errors;
}

guint
ccp_plan_editor_get_n_infos (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_infos;
}

guint
ccp_plan_editor_get_n_warnings (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_warnings;
}

double
ccp_plan_editor_get_completeness (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0.0);

  return self->completeness;
}

CcpActivityEditor *
ccp_plan_editor_get_activity_editor (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return _ccp_plan_editor_ensure_activity_editor (self);
}

GtkWidget *
ccp_plan_editor_get_input (CcpPlanEditor *self,
                           const char    *property)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  if (g_strcmp0 (property, "year") == 0)
    return GTK_WIDGET (self->year_spin);
  return ccp_field_messages_get_input (self->messages, property);
}

const char *
ccp_plan_editor_get_message (CcpPlanEditor *self,
                             const char    *property)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), "");

  return ccp_field_messages_get_message (self->messages, property);
}

GtkListView *
ccp_plan_editor_get_activities_view (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->activities_view;
}

GtkSearchEntry *
ccp_plan_editor_get_search_entry (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), NULL);

  return self->search_entry;
}

void
ccp_plan_editor_set_load_issues (CcpPlanEditor *self,
                                 GPtrArray     *issues)
{
  g_return_if_fail (CCP_IS_PLAN_EDITOR (self));

  if (issues == NULL && self->load_issues == NULL)
    return;
  g_clear_pointer (&self->load_issues, g_ptr_array_unref);
  if (issues != NULL && issues->len > 0)
    self->load_issues = g_ptr_array_ref (issues);
  _ccp_plan_editor_update_summary (self);
}

guint
ccp_plan_editor_get_n_activity_checks (CcpPlanEditor *self)
{
  g_return_val_if_fail (CCP_IS_PLAN_EDITOR (self), 0);

  return self->n_activity_checks;
}
