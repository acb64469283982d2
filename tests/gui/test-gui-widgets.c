/* Every template widget is created once (a .ui naming a missing class fails only at run time),
 * the widgets carry accessible names, and the editor's plain computations are right. */
#define G_LOG_DOMAIN "test-gui-widgets"

#include "config.h"

#include <adwaita.h>

#include "ccp-activity-editor.h"
#include "ccp-activity-search.h"
#include "ccp-activity-table.h"
#include "ccp-activity-row.h"
#include "ccp-city-entry.h"
#include "ccp-date-row.h"
#include "ccp-field-plan-view.h"
#include "ccp-gui-test-util.h"
#include "ccp-partner-row.h"
#include "ccp-plan-editor.h"
#include "ccp-plan-tools.h"
#include "ccp-reveal-model.h"
#include "ccp-result-row.h"
#include "ccp-row-slot.h"
#include "ccp-slot-model.h"
#include "ccp-sdg-tile.h"
#include "ccp-validation-panel.h"
#include "ccp-window.h"

static void
sink (GtkWidget *widget)
{
  g_object_ref_sink (widget);
  g_object_unref (widget);
}

static void
test_templates (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Leiria", "PT", "music");
  g_autoptr(CcpPartner) organisation = ccp_partner_new_organisation ("Conservatory", "academic");
  g_autoptr(CcpResult) result = ccp_result_new ("More concerts", "Number of concerts");
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *row;
  GtkWidget *window;

  sink (ccp_plan_editor_new ());
  sink (ccp_activity_editor_new ());
  sink (ccp_validation_panel_new ());
  sink (ccp_city_entry_new ());
  sink (ccp_date_row_new ());

  row = ccp_activity_row_new ();
  ccp_activity_set_title (activity, "Music Week");
  ccp_activity_row_set_activity (CCP_ACTIVITY_ROW (row), activity);
  ccp_activity_row_set_issues (CCP_ACTIVITY_ROW (row), 2, 1);
  g_assert_cmpstr (ccp_activity_row_get_badge (CCP_ACTIVITY_ROW (row)), ==, "2");
  ccp_activity_row_set_issues (CCP_ACTIVITY_ROW (row), 0, 0);
  g_assert_cmpstr (ccp_activity_row_get_badge (CCP_ACTIVITY_ROW (row)), ==, "");
  sink (row);

  sink (ccp_partner_row_new (city, NULL));
  sink (ccp_partner_row_new (organisation, NULL));
  sink (ccp_result_row_new (result, NULL));

  row = ccp_field_plan_view_new ();
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_view_set_field_plan (CCP_FIELD_PLAN_VIEW (row), field_plan);
  sink (row);

  for (guint i = 1; i <= 17; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i);
      GtkWidget *tile = ccp_sdg_tile_new (code);

      g_assert_cmpstr (ccp_sdg_tile_get_code (CCP_SDG_TILE (tile)), ==, code);
      sink (tile);
    }

  window = GTK_WIDGET (ccp_window_new (NULL));
  g_assert_true (ccp_window_is_empty (CCP_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  builder = gtk_builder_new_from_resource ("/org/creativecities/Plans/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
test_accessible_names (void)
{
  GtkWidget *tile = ccp_sdg_tile_new ("11");
  GtkWidget *editor = ccp_activity_editor_new ();
  GtkWidget *check;

  g_object_ref_sink (tile);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (tile),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_object_unref (tile);

  g_object_ref_sink (editor);
  check = ccp_activity_editor_get_code_toggle (CCP_ACTIVITY_EDITOR (editor), "objectives", "1");
  g_assert_nonnull (check);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (check),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (check),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_nonnull (ccp_activity_editor_get_code_toggle (CCP_ACTIVITY_EDITOR (editor), "sdgs",
                                                         "17"));
  g_assert_null (ccp_activity_editor_get_code_toggle (CCP_ACTIVITY_EDITOR (editor), "sdgs",
                                                      "18"));
  g_object_unref (editor);
}

static void
test_completeness (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  double empty, filled;

  empty = ccp_plan_get_completeness (plan);
  g_assert_cmpfloat (empty, ==, 0.0);

  ccp_plan_set_city (plan, "Bologna");
  ccp_plan_set_country (plan, "IT");
  ccp_plan_set_field (plan, "music");
  ccp_plan_set_period (plan, "2027-H1");
  ccp_plan_set_focal_point_name (plan, "Chiara");
  ccp_plan_set_focal_point_email (plan, "chiara@example.org");
  ccp_plan_set_representative_none (plan, TRUE);
  g_assert_cmpfloat (ccp_plan_get_completeness (plan), ==, 7.0 / 8.0);

  ccp_item_list_append (ccp_plan_get_activities (plan), activity);
  filled = ccp_plan_get_completeness (plan);
  g_assert_cmpfloat (filled, ==, 8.0 / 18.0);

  ccp_activity_set_title (activity, "Music Week");
  ccp_activity_set_online (activity, TRUE);
  g_assert_cmpfloat (ccp_plan_get_completeness (plan), ==, 10.0 / 18.0);
}

static void
test_new_from_previous (void)
{
  g_autoptr(CcpPlan) previous = ccp_plan_new_draft ();
  g_autoptr(CcpPlan) next = NULL;
  g_autoptr(CcpActivity) a = NULL;
  const char *states[] = { "planned", "ongoing", "carried-over", "cancelled" };

  ccp_plan_set_city (previous, "Bologna");
  ccp_plan_set_country (previous, "IT");
  ccp_plan_set_field (previous, "music");
  ccp_plan_set_period (previous, "2027-H2");
  ccp_plan_set_focal_point_email (previous, "chiara@example.org");
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autoptr(CcpActivity) activity = ccp_activity_new (id);

      ccp_activity_set_state (activity, states[i]);
      ccp_activity_set_start_date (activity, "2027-09-01");
      ccp_item_list_append (ccp_plan_get_activities (previous), activity);
    }

  next = ccp_plan_new_from_previous (previous);
  g_assert_nonnull (next);
  g_assert_cmpstr (ccp_plan_get_period (next), ==, "2028-H1");
  g_assert_cmpstr (ccp_plan_get_city (next), ==, "Bologna");
  g_assert_cmpstr (ccp_plan_get_focal_point_email (next), ==, "chiara@example.org");
  g_assert_cmpstr (ccp_plan_get_id (next), !=, ccp_plan_get_id (previous));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (next))), ==, 2);
  a = g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (next)), 0);
  g_assert_cmpstr (ccp_activity_get_id (a), ==, "a2");
  g_assert_cmpstr (ccp_activity_get_start_date (a), ==, "2027-09-01");

  ccp_plan_set_period (previous, "2027-H3");
  g_assert_null (ccp_plan_new_from_previous (previous));
}

static void
test_file_name (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new_draft ();
  g_autofree char *empty = NULL;
  g_autofree char *name = NULL;

  empty = ccp_plan_suggest_file_name (plan);
  g_assert_true (g_str_has_suffix (empty, ".xml"));
  ccp_plan_set_city (plan, "Évian-les-Bains");
  ccp_plan_set_field (plan, "media-arts");
  ccp_plan_set_period (plan, "2027-H1");
  name = ccp_plan_suggest_file_name (plan);
  g_assert_cmpstr (name, ==, "evian-les-bains-media-arts-2027-h1.xml");
}

static GtkInscription *
find_inscription (GtkWidget *widget,
                  guint     *skip)
{
  if (GTK_IS_INSCRIPTION (widget) && (*skip)-- == 0)
    return GTK_INSCRIPTION (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInscription *found = find_inscription (child, skip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The title (the first text) of an activity row, for a check of its alignment. */
static GtkInscription *
row_title (GtkWidget *row)
{
  guint skip = 0;
  GtkInscription *title = find_inscription (row, &skip);

  g_assert_nonnull (title);
  return title;
}

/* A row's title sits at the row's start whatever its script, as a GtkLabel's would: the row's
 * text is drawn by GtkInscription, which aligns within the text's own direction. */
static void
test_activity_row_direction (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  GtkTextDirection directions[] = { GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_RTL };

  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    {
      gboolean rtl = directions[i] == GTK_TEXT_DIR_RTL;
      GtkWidget *row;

      gtk_widget_set_default_direction (directions[i]);
      row = g_object_ref_sink (ccp_activity_row_new ());
      ccp_activity_set_title (activity, "Music Week");
      ccp_activity_row_set_activity (CCP_ACTIVITY_ROW (row), activity);
      g_assert_cmpstr (gtk_inscription_get_text (row_title (row)), ==, "Music Week");
      /* Left-to-right text: at the left in a left-to-right row, else flipped to the right. */
      g_assert_cmpfloat (gtk_inscription_get_xalign (row_title (row)), ==, rtl ? 1.0 : 0.0);

      /* Right-to-left text: Pango puts it at the right already, unless the row is LTR. */
      ccp_activity_set_title (activity, "أسبوع الموسيقى");
      g_assert_cmpstr (gtk_inscription_get_text (row_title (row)), ==, "أسبوع الموسيقى");
      g_assert_cmpfloat (gtk_inscription_get_xalign (row_title (row)), ==, rtl ? 0.0 : 1.0);

      ccp_activity_row_set_activity (CCP_ACTIVITY_ROW (row), NULL);
      g_object_unref (row);
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
reveal_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gtk_label_new ("row"));
}

/* Replaces every item of store by n new ones (a search that changes every row). */
static void
replace_all (GListStore *store,
             guint       n,
             const char *prefix)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

/* Issue 16: a big change on screen shows at most a chunk (8) of new items at once, also when
 * it comes while the rows of the change before are still coming in a chunk per frame (the
 * next keystroke of a search): every row of the prefix shown so far was made at once then. */
static void
test_reveal_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view = gtk_list_view_new (NULL, factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(CcpRevealModel) reveal = ccp_reveal_model_new (G_LIST_MODEL (store), view);
  GListModel *shown = G_LIST_MODEL (reveal);

  g_signal_connect (factory, "setup", G_CALLBACK (reveal_setup_cb), NULL);
  gtk_list_view_set_model (GTK_LIST_VIEW (view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                  G_LIST_MODEL (g_object_ref (reveal)))));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  replace_all (store, 300, "first");
  ccp_reveal_model_reveal_all (reveal);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (view), 5000);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 300);

  /* Every item changes: a chunk at once, then a chunk per frame. */
  replace_all (store, 300, "second");
  g_assert_true (ccp_reveal_model_get_partial (reveal));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, 8);
  WAIT_FOR (g_list_model_get_n_items (shown) >= 40, 10000);
  g_assert_true (ccp_reveal_model_get_partial (reveal));

  /* Every item changes again before all are shown: a chunk at once again. */
  replace_all (store, 300, "third");
  g_assert_true (ccp_reveal_model_get_partial (reveal));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, 8);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      g_assert_true (g_str_has_prefix (gtk_string_object_get_string (item), "third "));
    }
  WAIT_FOR (!ccp_reveal_model_get_partial (reveal), 10000);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 300);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
slot_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkStringObject *item = ccp_row_slot_unwrap (gtk_list_item_get_item (list_item));

  /* A blank row (past a shorter end, still to go) has no item. */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      item != NULL ? gtk_string_object_get_string (item) : "");
}

static guint
n_row_labels (GtkWidget *view)
{
  guint n = 0;

  while (ccp_gui_find_nth_of_type (view, GTK_TYPE_LABEL, n) != NULL)
    n++;
  return n;
}

/* The labels of the rows the view has, and whether each shows an item of prefix. */
static GPtrArray *
row_labels (GtkWidget  *view,
            const char *prefix,
            gboolean   *all_match)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_object_unref);

  /* Referenced: a destroyed row's label cannot be taken for a new one at the same address. */
  *all_match = TRUE;
  for (guint i = 0; ; i++)
    {
      GtkWidget *label = ccp_gui_find_nth_of_type (view, GTK_TYPE_LABEL, i);

      if (label == NULL)
        break;
      g_ptr_array_add (labels, g_object_ref (label));
      if (!g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix))
        *all_match = FALSE;
    }
  return labels;
}

/* Issue 16: a search that changes every item shown keeps the row widgets the view has and
 * binds them again, the rows on screen at once and the others a chunk per frame; only the
 * rows past a shorter end go. Without the slot model GTK 4.8 destroys a row per item gone. */
static void
test_slot_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view = gtk_list_view_new (NULL, factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(CcpSlotModel) slots = ccp_slot_model_new (G_LIST_MODEL (store), view);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gboolean match = FALSE;

  g_signal_connect (factory, "setup", G_CALLBACK (reveal_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (slot_bind_cb), NULL);
  gtk_list_view_set_model (GTK_LIST_VIEW (view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                  G_LIST_MODEL (g_object_ref (slots)))));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  replace_all (store, 300, "first");
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (view) && ccp_gui_find_nth_of_type (view, GTK_TYPE_LABEL, 40),
            5000);
  g_assert_true (CCP_IS_ROW_SLOT (g_list_model_get_object (G_LIST_MODEL (slots), 0)));
  g_object_unref (g_list_model_get_object (G_LIST_MODEL (slots), 0));
  before = row_labels (view, "first ", &match);
  g_assert_true (match);
  g_assert_cmpuint (before->len, >, 40);

  /* Every item changes: the rows stay, bound again a chunk at a time. */
  replace_all (store, 300, "second");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 300);
  g_assert_true (ccp_slot_model_get_stale (slots));
  {
    g_autoptr(GtkLabel) first = GTK_LABEL (g_object_ref (ccp_gui_find_nth_of_type (
                                                            view, GTK_TYPE_LABEL, 0)));

    /* The top rows (on screen) at once. */
    g_assert_true (g_str_has_prefix (gtk_label_get_text (first), "second "));
  }
  WAIT_FOR (!ccp_slot_model_get_stale (slots), 10000);
  after = row_labels (view, "second ", &match);
  g_assert_true (match);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_find (after, g_ptr_array_index (before, i), NULL));
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Fewer items: the rows past the end are blank, then go a chunk per frame; the others are
   * bound to the new items. */
  replace_all (store, 5, "third");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), >, 5);
  g_assert_true (ccp_slot_model_get_stale (slots));
  {
    g_autoptr(GObject) slot = g_list_model_get_object (G_LIST_MODEL (slots), 6);

    g_assert_null (ccp_row_slot_get_item (CCP_ROW_SLOT (slot)));
  }
  WAIT_FOR (!ccp_slot_model_get_stale (slots), 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  {
    g_autoptr(GObject) slot = g_list_model_get_object (G_LIST_MODEL (slots), 4);

    g_assert_cmpstr (gtk_string_object_get_string (ccp_row_slot_get_item (CCP_ROW_SLOT (slot))),
                     ==, "third 4");
  }
  WAIT_FOR (n_row_labels (view) == 5, 5000);
  after = row_labels (view, "third ", &match);
  g_assert_true (match);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A field plan of n activities whose texts mix words, cases and non-ASCII letters. */
static CcpFieldPlan *
search_field_plan (guint n)
{
  static const char *words[] = {
    "Songwriting", "song", "SONIC", "Straße", "strasse", "Ärzte", "café", "CAFÉ", "İzmir",
    "sonata", "workshop", "Festival", "σόλο", "ΣΌΛΟ", "jazz", "so", "",
  };
  static const char *cities[] = { "Bologna", "Liverpool", "Sønderborg", "Abu Dhabi" };
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  GRand *rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(CcpActivity) activity = ccp_activity_new (id);
      g_autofree char *title = g_strdup_printf ("%s %s %u",
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                i);
      g_autoptr(CcpAttribution) attribution = NULL;

      ccp_activity_set_title (activity, title);
      ccp_activity_set_description (activity,
                                    words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      ccp_activity_set_place (activity, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      attribution = ccp_attribution_new (cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))],
                                         "IT", "p", id);
      ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
      ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);
    }
  g_rand_free (rand);
  return field_plan;
}

/* The search as the table's filter did it on the main thread before issue 16. */
static gboolean
matches_by_hand (CcpActivity *activity,
                 const char  *needle)
{
  g_autofree char *cities = ccp_activity_cities_text (activity);
  const char *texts[] = {
    ccp_activity_get_title (activity), ccp_activity_get_description (activity),
    ccp_activity_get_place (activity), cities,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = g_utf8_casefold (texts[i], -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GHashTable **found = user_data;
  g_autoptr(GError) error = NULL;

  *found = ccp_activity_search_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*found);
}

/* ccp_activity_search_async(), waited for. */
static GHashTable *
search_in_thread (GPtrArray     *activities,
                  CcpSearchKeys *keys,
                  const char    *needle)
{
  GHashTable *found = NULL;

  ccp_activity_search_async (activities, keys, needle, NULL, search_done_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  return found;
}

/* Issue 16: the matches found in a thread, with the keys or without, are those the filter
 * found on the main thread. */
static void
test_activity_search (void)
{
  static const char *needles[] = {
    "so", "son", "song", "strasse", "straße", "ärz", "café", "σόλο", "ΌΛ", "ø", "abu dh", "4",
    "zzz",
  };
  g_autoptr(CcpFieldPlan) field_plan = search_field_plan (2000);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  g_autoptr(CcpSearchKeys) keys = ccp_activity_table_make_keys (field_plan, NULL);
  g_autoptr(CcpActivity) unknown = ccp_activity_new ("unknown-to-the-keys");

  /* An activity the keys were not made for: the thread leaves it to the main thread. */
  ccp_activity_set_title (unknown, "Songwriting Straße Café σόλο Abu Dhabi 4 ø ärzte");
  g_ptr_array_add (activities, g_object_ref (unknown));

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autofree char *needle = g_utf8_casefold (needles[i], -1);
      g_autoptr(GHashTable) with_keys = ccp_activity_search (activities, keys, needle, NULL);
      g_autoptr(GHashTable) without = ccp_activity_search (activities, NULL, needle, NULL);
      g_autoptr(GHashTable) threaded = search_in_thread (activities, keys, needle);
      g_autoptr(GHashTable) threaded_without = search_in_thread (activities, NULL, needle);
      guint n = 0;

      for (guint j = 0; j < activities->len; j++)
        {
          CcpActivity *activity = g_ptr_array_index (activities, j);
          gboolean expected = matches_by_hand (activity, needle);

          n += expected;
          g_assert_cmpint (g_hash_table_contains (with_keys, activity), ==, expected);
          g_assert_cmpint (g_hash_table_contains (without, activity), ==, expected);
          g_assert_cmpint (g_hash_table_contains (threaded, activity), ==, expected);
          g_assert_cmpint (g_hash_table_contains (threaded_without, activity), ==, expected);
        }
      g_assert_cmpuint (g_hash_table_size (with_keys), ==, n);
      g_assert_cmpuint (g_hash_table_size (without), ==, n);
      g_assert_cmpuint (g_hash_table_size (threaded), ==, n);
      g_assert_cmpuint (g_hash_table_size (threaded_without), ==, n);
      /* The needles find something, but not everything (but the one made up). */
      if (i + 1 < G_N_ELEMENTS (needles))
        g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (n, <, activities->len);
    }
}

/* The number of activities shown, each time the rows shown change. */
static GArray *counts;

static void
count_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  CcpActivityTable *table)
{
  guint n = ccp_activity_table_get_n_visible (table);

  if (counts != NULL)
    g_array_append_val (counts, n);
}

static guint
count_by_hand (GPtrArray  *activities,
               const char *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint n = 0;

  for (guint i = 0; i < activities->len; i++)
    n += matches_by_hand (g_ptr_array_index (activities, i), needle);
  return n;
}

/* Issue 16: the table's search runs in a thread; the last text typed wins, also over an older
 * keystroke whose search ends later, and the result of an older one is never shown. */
static void
test_activity_table_search (void)
{
  g_autoptr(CcpFieldPlan) field_plan = search_field_plan (3000);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  GtkWidget *window = gtk_window_new ();
  CcpActivityTable *table = CCP_ACTIVITY_TABLE (ccp_activity_table_new ());
  GtkEditable *entry = ccp_activity_table_get_search_entry (table);
  guint n_so = count_by_hand (activities, "so");
  guint n_son = count_by_hand (activities, "son");

  g_assert_cmpuint (n_so, >, n_son);
  g_assert_cmpuint (n_son, >, 0);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  ccp_activity_table_set_field_plan (table, field_plan);
  ccp_activity_table_flush (table);
  WAIT_FOR (ccp_activity_table_get_keys (table) != NULL, 10000);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 3000);

  /* The search-changed signal of each text at once (the entry waits for a pause): "so"'s
   * search is running when "son" comes. */
  counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (gtk_column_view_get_model (ccp_activity_table_get_view (table)),
                    "items-changed", G_CALLBACK (count_changed_cb), table);
  gtk_editable_set_text (entry, "so");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (ccp_activity_table_get_pending (table));
  gtk_editable_set_text (entry, "son");
  g_signal_emit_by_name (entry, "search-changed");
  WAIT_FOR (!ccp_activity_table_get_pending (table), 10000);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, n_son);
  /* The entry's own delayed search-changed ("son" again) changes nothing. */
  spin (400);
  g_assert_false (ccp_activity_table_get_pending (table));
  g_assert_cmpuint (counts->len, >, 0);
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), !=, n_so);
  g_clear_pointer (&counts, g_array_unref);
  for (guint i = 0; i < n_son; i++)
    g_assert_true (matches_by_hand (ccp_activity_table_get_visible (table, i), "son"));

  /* A drop-down filter applies to the matches found. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, "Bologna"));
  ccp_activity_table_flush (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), <, n_son);
  for (guint i = 0; i < ccp_activity_table_get_n_visible (table); i++)
    {
      CcpActivity *activity = ccp_activity_table_get_visible (table, i);
      g_autofree char *cities = ccp_activity_cities_text (activity);

      g_assert_true (matches_by_hand (activity, "son"));
      g_assert_cmpstr (cities, ==, "Bologna");
    }
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, NULL));
  ccp_activity_table_flush (table);

  /* Emptied: every activity at once, and an older search does not come back. */
  gtk_editable_set_text (entry, "s");
  g_signal_emit_by_name (entry, "search-changed");
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 3000);
  g_assert_false (ccp_activity_table_get_pending (table));
  spin (400);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 3000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/widgets/templates", test_templates);
  g_test_add_func ("/gui/widgets/accessible-names", test_accessible_names);
  g_test_add_func ("/gui/widgets/activity-row-direction", test_activity_row_direction);
  g_test_add_func ("/gui/tools/completeness", test_completeness);
  g_test_add_func ("/gui/tools/new-from-previous", test_new_from_previous);
  g_test_add_func ("/gui/tools/file-name", test_file_name);
  g_test_add_func ("/gui/widgets/reveal-model", test_reveal_model);
  g_test_add_func ("/gui/widgets/slot-model", test_slot_model);
  g_test_add_func ("/gui/widgets/activity-search", test_activity_search);
  g_test_add_func ("/gui/widgets/activity-table-search", test_activity_table_search);

  return g_test_run ();
}
