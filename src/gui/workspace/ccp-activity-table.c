#define G_LOG_DOMAIN "ccp-activity-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ccp-activity-conflicts.h"
#include "ccp-activity-details.h"
#include "ccp-activity-filter.h"
#include "ccp-activity-filter-choices.h"
#include "ccp-activity-row-filter.h"
#include "ccp-activity-search.h"
#include "ccp-markup.h"
#include "ccp-activity-table.h"
#include "ccp-activity-columns.h"
#include "ccp-choices.h"
#include "ccp-format.h"
#include "ccp-reveal-model.h"
#include "ccp-search-keys.h"
#include "ccp-slot-model.h"
#include "ccp-staged-store.h"
#include "ccp-table-util.h"

struct _CcpActivityTable
{
  AdwBin               parent_instance;

  CcpFieldPlan        *field_plan;
  /* An array, not a GListStore: putting in 37,000 activities is a copy, not a tree's inserts
   * (about 20 ms of the hand-over's main thread). */
  CcpItemList         *store;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  CcpSlotModel        *slots;                           /* sorted, a stable item a position */
  CcpRevealModel      *reveal;                          /* what the view shows of slots */
  CcpActivityRowFilter *filter;
  GtkColumnView       *view;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *flagship_button;
  GtkDropDown         *drop_downs[CCP_ACTIVITY_N_FILTERS];
  GPtrArray           *codes[CCP_ACTIVITY_N_FILTERS];   /* char *, [0] = "" (any) */
  GtkLabel            *count_label;
  char                *needle;                          /* casefolded search text */
  GPtrArray           *items;                           /* the store's, for the threads */
  CcpSearchKeys       *keys;                            /* made in a thread, or NULL */
  GCancellable        *keys_cancellable;
  gboolean             rebuilding;

  CcpActivityFileFunc  file_func;
  gpointer             file_func_data;
};

G_DEFINE_FINAL_TYPE (CcpActivityTable, ccp_activity_table, ADW_TYPE_BIN)

enum {
  SIGNAL_OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Cell texts ----------------------------------------------------------------------------- */

char *
ccp_activity_cities_text (CcpActivity *activity)
{
  GListModel *attributions;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);

  attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);

      if (i > 0)
        /* Translators: separates the cities of a joint activity */
        g_string_append (text, _("; "));
      g_string_append (text, ccp_attribution_get_city (attribution));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- Filtering ------------------------------------------------------------------------------ */

/* The drop-downs, the flagship button and the search text typed last, to the filter: the
 * rows change when it has found them (ccp-activity-row-filter.h), the last change's. */
static void
refilter (CcpActivityTable *self)
{
  g_autoptr(CcpActivityFilterState) state = ccp_activity_filter_state_new ();

  if (self->rebuilding)
    return;
  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    state->codes[f] = g_strdup (ccp_activity_filter_choices_selected (self->drop_downs[f],
                                                                      self->codes[f]));
  state->flagship_only = gtk_toggle_button_get_active (self->flagship_button);
  state->needle = g_strdup (self->needle);
  ccp_activity_row_filter_set_state (self->filter, state);
}

/* Before the filter model's handler: the rows are about to change. */
static void
filter_changed_cb (GtkFilter        *filter,
                   GtkFilterChange   change,
                   CcpActivityTable *self)
{
  /* A selected row stays at its position (ccp-slot-model.h), over another activity. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->view)),
                                     GTK_INVALID_LIST_POSITION);
}

static void
update_count (CcpActivityTable *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                         total), total);
  else
    /* Translators: how many activities the filters let through, of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u activity shown",
                                         "%u of %u activities shown", total), shown, total);
  gtk_label_set_text (self->count_label, text);
}

/* The search typed last: a thread finds its rows with the filters' (the one before is
 * cancelled, and its result dropped if it comes anyway). */
static void
search_changed_cb (GtkSearchEntry   *entry,
                   CcpActivityTable *self)
{
  g_free (self->needle);
  self->needle = ccp_text_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  refilter (self);
}

static void
keys_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CcpActivityTable) self = user_data;
  g_autoptr(GError) error = NULL;
  CcpSearchKeys *keys = ccp_search_keys_new_finish (result, &error);

  /* Cancelled: a newer field plan is being keyed. The rows shown do not change. */
  if (keys == NULL)
    return;
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  self->keys = keys;
  ccp_activity_row_filter_set_keys (self->filter, keys);
}

/* The keys (and the filters' facts) are made in a thread (GtkFilterListModel:incremental is
 * no way out: each of its chunks rebinds the rows on screen, and turning it off while pending
 * crashes GTK 4.8). Until they are there, the rows are tested on the main thread, as they
 * always were. */
static void
start_keys (CcpActivityTable *self,
            GPtrArray        *items,
            CcpSearchKeys    *keys)
{
  g_cancellable_cancel (self->keys_cancellable);
  g_clear_object (&self->keys_cancellable);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  if (keys != NULL)
    self->keys = ccp_search_keys_ref (keys);
  if (keys != NULL || items->len == 0)
    return;
  self->keys_cancellable = g_cancellable_new ();
  ccp_search_keys_new_full_async (items, ccp_activity_search_text, ccp_activity_filter_facts_new,
                                  ccp_activity_filter_facts_free, self->keys_cancellable,
                                  keys_done_cb, g_object_ref (self));
}

static GListStore *
filter_store (CcpActivityTable  *self,
              CcpActivityFilter  filter)
{
  GListModel *model = gtk_drop_down_get_model (self->drop_downs[filter]);

  return G_IS_LIST_STORE (model) ? G_LIST_STORE (model) : NULL;
}

/* --- The read-only view of an activity ----------------------------------------------------- */

static void
open_file_clicked_cb (GtkButton        *button,
                      CcpActivityTable *self)
{
  GFile *file = g_object_get_data (G_OBJECT (button), "file");

  if (file != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, file);
}

GtkWindow *
ccp_activity_table_show_activity (CcpActivityTable *self,
                                  CcpActivity      *activity)
{
  GtkWidget *window, *box, *header, *page;
  AdwPreferencesGroup *group;
  GListModel *attributions;
  g_autofree char *dates = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *state = NULL;
  g_autofree char *objectives = NULL;
  g_autofree char *areas = NULL;
  g_autofree char *sdgs = NULL;

  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), ccp_activity_get_title (activity));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  /* A read-only window: Escape closes it, as it does a dialog. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                    0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (ccp_activity_get_title (activity),
                                                         _("Read-only")));
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Cities"));
  attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);
      g_autoptr(GFile) file = self->file_func != NULL
                              ? self->file_func (attribution, self->file_func_data) : NULL;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ccp_attribution_get_city (attribution));
      const char *code = ccp_attribution_get_country (attribution);
      const char *country_name = ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (),
                                                                 code);
      g_autofree char *country = ccp_bidi_isolate (country_name != NULL ? country_name : code);
      g_autofree char *activity_id = ccp_bidi_isolate (
                                       ccp_attribution_get_activity_id (attribution));
      g_autofree char *plan_id = ccp_bidi_isolate (ccp_attribution_get_plan_id (attribution));

      /* The plan's identifier is a UUID that tells a person nothing: its file says which
       * plan; the identifier stays in the tooltip. */
      if (file != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *isolated = ccp_bidi_isolate (name);

          /* Translators: country, the activity's identifier in that city's plan, its file */
          subtitle = g_strdup_printf (_("%s, activity %s in %s"), country, activity_id, isolated);
        }
      else
        /* Translators: country, then the activity's identifier in that city's plan */
        subtitle = g_strdup_printf (_("%s, activity %s"), country, activity_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      {
        /* Translators: tooltip; %s is a plan's identifier (a UUID) */
        g_autofree char *tooltip = g_strdup_printf (_("Plan identifier: %s"), plan_id);

        gtk_widget_set_tooltip_text (row, tooltip);
      }
      if (file != NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open City Plan"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Open this city’s plan in the editor"));
          g_object_set_data_full (G_OBJECT (button), "file", g_object_ref (file),
                                  g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (open_file_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Activity"));
  ccp_activity_details_add_row (group, _("Title"), ccp_activity_get_title (activity));
  ccp_activity_details_add_row (group, _("Description"), ccp_activity_get_description (activity));
  start = ccp_format_date (ccp_activity_get_start_date (activity));
  end = ccp_format_date (ccp_activity_get_end_date (activity));
  {
    g_autofree char *start_isolated = ccp_bidi_isolate (start);
    g_autofree char *end_isolated = ccp_bidi_isolate (end);

    /* Translators: dates of an activity: start – end */
    dates = g_strdup_printf (_("%s – %s"), start_isolated, end_isolated);
  }
  ccp_activity_details_add_row (group, _("Dates"), dates);
  kind = ccp_choices_get_label ("kind", ccp_activity_get_kind (activity));
  ccp_activity_details_add_row (group, _("Kind"), kind);
  scope = ccp_choices_get_label ("scope", ccp_activity_get_scope (activity));
  ccp_activity_details_add_row (group, _("Scope"), scope);
  state = ccp_choices_get_label ("state", ccp_activity_get_state (activity));
  ccp_activity_details_add_row (group, _("State"), state);
  ccp_activity_details_add_row (group, _("Flagship initiative"),
                                ccp_activity_get_flagship (activity) ? _("Yes") : _("No"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Mission Statement and SDGs"));
  objectives = ccp_activity_details_labels_text ("objective",
                                                ccp_activity_get_objectives (activity));
  ccp_activity_details_add_row (group, _("Objectives"), objectives);
  areas = ccp_activity_details_labels_text ("area", ccp_activity_get_areas (activity));
  ccp_activity_details_add_row (group, _("Areas of action"), areas);
  sdgs = ccp_activity_details_labels_text ("sdg", ccp_activity_get_sdgs (activity));
  ccp_activity_details_add_row (group, _("Sustainable Development Goals"), sdgs);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* Each city's contribution (a field plan keeps one per city); an activity without cities
   * has its own. */
  if (g_list_model_get_n_items (attributions) == 0)
    ccp_activity_details_add_contribution (page, _("Partners, Budget and Results"), activity);
  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);
      /* Translators: the title of a group of rows; %s is a city */
      g_autofree char *title = g_strdup_printf (_("Contribution of %s"),
                                                ccp_attribution_get_city (attribution));

      ccp_activity_details_add_contribution (page, title, ccp_attribution_get_values (attribution));
    }
  if (self->field_plan != NULL)
    ccp_activity_conflicts_add (ADW_PREFERENCES_PAGE (page), self->field_plan, activity);

  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
activate_cb (GtkColumnView    *view,
             guint             position,
             CcpActivityTable *self)
{
  g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (activity != NULL)
    ccp_activity_table_show_activity (self, activity);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
ccp_activity_table_dispose (GObject *object)
{
  CcpActivityTable *self = CCP_ACTIVITY_TABLE (object);

  g_clear_object (&self->field_plan);
  g_cancellable_cancel (self->keys_cancellable);
  g_clear_object (&self->keys_cancellable);
  g_clear_pointer (&self->keys, ccp_search_keys_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  /* Its activities' handlers go, and its thread. */
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  /* Before the view goes (its tick callback is removed). */
  g_clear_object (&self->reveal);
  g_clear_object (&self->slots);

  G_OBJECT_CLASS (ccp_activity_table_parent_class)->dispose (object);
}

static void
ccp_activity_table_finalize (GObject *object)
{
  CcpActivityTable *self = CCP_ACTIVITY_TABLE (object);

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    g_ptr_array_unref (self->codes[f]);
  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_free (self->needle);

  G_OBJECT_CLASS (ccp_activity_table_parent_class)->finalize (object);
}

static void
ccp_activity_table_class_init (CcpActivityTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ccp_activity_table_dispose;
  object_class->finalize = ccp_activity_table_finalize;

  signals[SIGNAL_OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
ccp_activity_table_init (CcpActivityTable *self)
{
  static const char *filter_names[CCP_ACTIVITY_N_FILTERS] = {
    N_("Filter by city"), N_("Filter by objective"), N_("Filter by area of action"),
    N_("Filter by Sustainable Development Goal"), N_("Filter by kind"), N_("Filter by month")
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_flow_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSingleSelection *selection;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);

  self->search_entry = ccp_table_search_entry_new (_("Search titles, descriptions, places, cities"),
                                                   _("Search activities"));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), GTK_WIDGET (self->search_entry));

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    {
      self->codes[f] = g_ptr_array_new_with_free_func (g_free);
      self->drop_downs[f] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      gtk_drop_down_set_enable_search (self->drop_downs[f], f == CCP_ACTIVITY_FILTER_CITY);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->drop_downs[f]), _(filter_names[f]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_downs[f]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(filter_names[f]), -1);
      g_signal_connect_swapped (self->drop_downs[f], "notify::selected",
                                G_CALLBACK (refilter), self);
      gtk_flow_box_append (GTK_FLOW_BOX (bar), GTK_WIDGET (self->drop_downs[f]));
    }

  self->flagship_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (
                                               _("_Flagship Only")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->flagship_button),
                               _("Show only flagship initiatives"));
  g_signal_connect_swapped (self->flagship_button, "toggled", G_CALLBACK (refilter), self);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), GTK_WIDGET (self->flagship_button));
  /* The filters wrap on a narrow window; they scroll rather than make the window taller. */
  {
    GtkWidget *bar_scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (bar_scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (bar_scroller), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (bar_scroller), 130);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (bar_scroller), bar);
    gtk_box_append (GTK_BOX (box), bar_scroller);
  }

  self->store = ccp_item_list_new (CCP_TYPE_ACTIVITY);
  self->filter = ccp_activity_row_filter_new ();
  /* Connected before the filter model is. */
  g_signal_connect (self->filter, "changed", G_CALLBACK (filter_changed_cb), self);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (update_count), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_single_click_activate (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activities"), -1);
  ccp_activity_columns_add (self->view);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
  /* A search rebinds the rows the view has rather than destroying and making them. */
  self->slots = ccp_slot_model_new (G_LIST_MODEL (self->sorted), GTK_WIDGET (self->view));
  self->reveal = ccp_reveal_model_new (G_LIST_MODEL (self->slots), GTK_WIDGET (self->view));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->reveal)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->count_label = ccp_table_count_label_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));

  adw_bin_set_child (ADW_BIN (self), box);
  self->rebuilding = TRUE;
  ccp_activity_filter_choices_fill (self->drop_downs, self->codes, NULL, NULL, NULL);
  self->rebuilding = FALSE;
  update_count (self);
}

GtkWidget *
ccp_activity_table_new (void)
{
  return g_object_new (CCP_TYPE_ACTIVITY_TABLE, NULL);
}

CcpSearchKeys *
ccp_activity_table_make_keys (CcpFieldPlan *field_plan,
                              GCancellable *cancellable)
{
  GListModel *activities;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    g_ptr_array_add (items, g_list_model_get_item (activities, i));
  return ccp_search_keys_new_full (items, ccp_activity_search_text, ccp_activity_filter_facts_new,
                                   ccp_activity_filter_facts_free, cancellable);
}

void
ccp_activity_table_set_field_plan (CcpActivityTable *self,
                                   CcpFieldPlan     *field_plan)
{
  ccp_activity_table_set_field_plan_with_keys (self, field_plan, NULL, NULL);
}

void
ccp_activity_table_set_field_plan_with_keys (CcpActivityTable *self,
                                             CcpFieldPlan     *field_plan,
                                             CcpSearchKeys    *keys,
                                             GPtrArray        *cities)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed;

  g_return_if_fail (CCP_IS_ACTIVITY_TABLE (self));
  g_return_if_fail (field_plan == NULL || CCP_IS_FIELD_PLAN (field_plan));

  changed = g_set_object (&self->field_plan, field_plan);
  if (field_plan != NULL)
    {
      GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        g_ptr_array_add (items, g_list_model_get_item (activities, i));
    }
  /* The rows found were of the activities before: until a thread finds those of these, the
   * filter tests each (through the keys when they are there). */
  ccp_activity_row_filter_set_activities (self->filter, items, keys);
  start_keys (self, items, keys);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  /* Another field plan: its rows come in a chunk per frame while the table is on screen (see
   * ccp_activity_table_flush()); the same one keeps the rows made. The data is all in at
   * once: the counts, the filters and the search see every activity. */
  if (changed)
    ccp_reveal_model_restart (self->reveal);
  ccp_item_list_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                        items->pdata, items->len);
  self->rebuilding = TRUE;
  ccp_activity_filter_choices_fill (self->drop_downs, self->codes, self->field_plan,
                                    G_LIST_MODEL (self->store), cities);
  self->rebuilding = FALSE;
  refilter (self);
  update_count (self);
}

void
ccp_activity_table_set_file_func (CcpActivityTable    *self,
                                  CcpActivityFileFunc  func,
                                  gpointer             user_data)
{
  g_return_if_fail (CCP_IS_ACTIVITY_TABLE (self));

  self->file_func = func;
  self->file_func_data = user_data;
}

gboolean
ccp_activity_table_set_filter (CcpActivityTable  *self,
                               CcpActivityFilter  filter,
                               const char        *code)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), FALSE);
  g_return_val_if_fail (filter < CCP_ACTIVITY_N_FILTERS, FALSE);

  if (code == NULL || *code == '\0')
    {
      gtk_drop_down_set_selected (self->drop_downs[filter], 0);
      return TRUE;
    }
  for (guint i = 1; i < self->codes[filter]->len; i++)
    if (g_str_equal (g_ptr_array_index (self->codes[filter], i), code))
      {
        gtk_drop_down_set_selected (self->drop_downs[filter], i);
        return TRUE;
      }

  return FALSE;
}

GtkDropDown *
ccp_activity_table_get_filter_drop_down (CcpActivityTable  *self,
                                         CcpActivityFilter  filter)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);
  g_return_val_if_fail (filter < CCP_ACTIVITY_N_FILTERS, NULL);

  return self->drop_downs[filter];
}

GtkToggleButton *
ccp_activity_table_get_flagship_button (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);

  return self->flagship_button;
}

GtkEditable *
ccp_activity_table_get_search_entry (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
ccp_activity_table_sort_by (CcpActivityTable *self,
                            const char       *column,
                            GtkSortType       order)
{
  GtkColumnViewColumn *found;

  g_return_if_fail (CCP_IS_ACTIVITY_TABLE (self));

  found = ccp_table_find_column (self->view, column);
  g_return_if_fail (found != NULL);
  gtk_column_view_sort_by_column (self->view, found, order);
}

GtkColumnView *
ccp_activity_table_get_view (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);

  return self->view;
}

guint
ccp_activity_table_get_n_visible (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

CcpActivity *
ccp_activity_table_get_visible (CcpActivityTable *self,
                                guint             position)
{
  CcpActivity *activity;

  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);

  activity = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (activity != NULL)
    g_object_unref (activity);   /* the store keeps it */
  return activity;
}

gboolean
ccp_activity_table_get_pending (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), FALSE);

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    if (filter_store (self, f) != NULL && ccp_staged_store_pending (filter_store (self, f)))
      return TRUE;
  /* The filters and the search typed last, in their thread. */
  if (ccp_activity_row_filter_get_pending (self->filter))
    return TRUE;
  /* The rows still to come in (ccp-reveal-model.h) need no more work from the workspace. */
  return FALSE;
}

CcpSearchKeys *
ccp_activity_table_get_keys (CcpActivityTable *self)
{
  g_return_val_if_fail (CCP_IS_ACTIVITY_TABLE (self), NULL);

  return self->keys;
}

void
ccp_activity_table_flush (CcpActivityTable *self)
{
  g_return_if_fail (CCP_IS_ACTIVITY_TABLE (self));

  for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
    if (filter_store (self, f) != NULL)
      ccp_staged_store_flush (filter_store (self, f));
  ccp_activity_row_filter_flush (self->filter);
  ccp_reveal_model_reveal_all (self->reveal);
  ccp_slot_model_flush (self->slots);
}
