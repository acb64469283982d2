/* test-gui-activity-filter.c: the activities table's drop-down filters found in a worker
 * thread (issue 16): the same rows as the main thread's filter, the last change's only, and
 * following an activity changed since the search keys were made (a joint conflict's value
 * kept). */
#define G_LOG_DOMAIN "test-gui-activity-filter"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ccp-activity-filter.h"
#include "ccp-activity-row-filter.h"
#include "ccp-activity-table.h"
#include "ccp-gui-test-util.h"

static const char *cities[] = { "Bologna", "Liverpool", "Sønderborg", "Abu Dhabi", "Zürich" };

static const char *
pick (GRand              *rand,
      const char * const *codes)
{
  guint n = g_strv_length ((char **) codes);

  return codes[g_rand_int_range (rand, 0, (gint32) n)];
}

/* Up to three codes of a vocabulary list, none repeated. */
static void
pick_codes (GRand              *rand,
            const char * const *codes,
            char              **out)
{
  guint n = (guint) g_rand_int_range (rand, 0, 4);
  guint k = 0;

  out[0] = NULL;
  for (guint i = 0; i < n; i++)
    {
      const char *code = pick (rand, codes);

      if (!g_strv_contains ((const char * const *) out, code))
        {
          out[k++] = (char *) code;
          out[k] = NULL;
        }
    }
}

/* n activities of one to three cities (some none), codes of each list, kinds, flagships and
 * dates (some without an end, some without a start, some over several months). */
static CcpFieldPlan *
filter_field_plan (guint n)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char * const *objectives = ccp_vocabulary_get_codes (vocabulary, "objective");
  const char * const *areas = ccp_vocabulary_get_codes (vocabulary, "area");
  const char * const *sdgs = ccp_vocabulary_get_codes (vocabulary, "sdg");
  const char * const *kinds = ccp_vocabulary_get_codes (vocabulary, "kind");
  static const char *words[] = { "Songwriting", "song", "Straße", "café", "jazz", "sonata" };
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1616);

  ccp_field_plan_set_period (field_plan, "2027-H1");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *title = g_strdup_printf ("%s %u", pick (rand, words), i);
      g_autoptr(CcpActivity) activity = ccp_activity_new (id);
      guint n_cities = (guint) g_rand_int_range (rand, 0, 4);
      guint month = (guint) g_rand_int_range (rand, 1, 7);
      guint day = (guint) g_rand_int_range (rand, 1, 29);
      g_autofree char *start = g_strdup_printf ("2027-%02u-%02u", month, day);
      g_autofree char *end = g_strdup_printf ("2027-%02u-%02u",
                                              MIN (month + (guint) g_rand_int_range (rand, 0, 3),
                                                   12u), day);
      char *codes[4];

      ccp_activity_set_title (activity, title);
      for (guint c = 0; c < n_cities; c++)
        {
          const char *city = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];
          g_autoptr(CcpAttribution) attribution = ccp_attribution_new (city, "IT", "p", id);

          ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
        }
      pick_codes (rand, objectives, codes);
      ccp_activity_set_objectives (activity, (const char * const *) codes);
      pick_codes (rand, areas, codes);
      ccp_activity_set_areas (activity, (const char * const *) codes);
      pick_codes (rand, sdgs, codes);
      ccp_activity_set_sdgs (activity, (const char * const *) codes);
      ccp_activity_set_kind (activity, pick (rand, kinds));
      ccp_activity_set_flagship (activity, g_rand_int_range (rand, 0, 5) == 0);
      /* Some joint activities: the keys leave them to the main thread. */
      if (i % 11 == 5)
        {
          g_autofree char *joint_ref = g_strdup_printf ("J%u", i);

          ccp_activity_set_joint_ref (activity, joint_ref);
        }
      switch (i % 7)
        {
        case 0:   /* no start: in no month */
          ccp_activity_set_end_date (activity, end);
          break;
        case 1:   /* no end: its start day */
          ccp_activity_set_start_date (activity, start);
          break;
        case 2:
          ccp_activity_set_start_date (activity, start);
          ccp_activity_set_end_date (activity, "not a date");
          break;
        default:
          ccp_activity_set_start_date (activity, start);
          ccp_activity_set_end_date (activity, end);
        }
      ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);
    }
  return field_plan;
}

/* The table's filter_func() before issue 16's filter thread, as it was. */
static gboolean
overlaps_month (CcpActivity *activity,
                const char  *month)
{
  GDate start, end, first, last;
  guint year = (guint) g_ascii_strtoull (month, NULL, 10);
  guint mon = (guint) g_ascii_strtoull (month + 5, NULL, 10);

  if (!ccp_date_parse (ccp_activity_get_start_date (activity), &start) ||
      mon < 1 || mon > 12 || year < 1)
    return FALSE;
  if (!ccp_date_parse (ccp_activity_get_end_date (activity), &end))
    end = start;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, mon, year);
  g_date_set_dmy (&last, g_date_get_days_in_month (mon, year), mon, year);

  return g_date_compare (&start, &last) <= 0 && g_date_compare (&end, &first) >= 0;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
old_filter_func (const CcpActivityFilterState *state,
                 CcpActivity                  *activity)
{
  const char *code;

  if (state->flagship_only && !ccp_activity_get_flagship (activity))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_CITY]) != NULL)
    {
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (attributions) && !found; i++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);

          found = g_str_equal (ccp_attribution_get_city (attribution), code);
        }
      if (!found)
        return FALSE;
    }
  if ((code = state->codes[CCP_ACTIVITY_FILTER_OBJECTIVE]) != NULL &&
      !ccp_activity_has_code (ccp_activity_get_objectives (activity), code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_AREA]) != NULL &&
      !ccp_activity_has_code (ccp_activity_get_areas (activity), code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_SDG]) != NULL &&
      !ccp_activity_has_code (ccp_activity_get_sdgs (activity), code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_KIND]) != NULL &&
      !g_str_equal (ccp_activity_get_kind (activity), code))
    return FALSE;
  if ((code = state->codes[CCP_ACTIVITY_FILTER_MONTH]) != NULL &&
      !overlaps_month (activity, code))
    return FALSE;
  if (state->needle != NULL && *state->needle != '\0')
    {
      g_autofree char *cities_text = ccp_activity_cities_text (activity);

      return contains_folded (ccp_activity_get_title (activity), state->needle) ||
             contains_folded (ccp_activity_get_description (activity), state->needle) ||
             contains_folded (ccp_activity_get_place (activity), state->needle) ||
             contains_folded (cities_text, state->needle);
    }
  return TRUE;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GHashTable **found = user_data;
  g_autoptr(GError) error = NULL;

  *found = ccp_activity_filter_run_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*found);
}

static GHashTable *
run_in_thread (GPtrArray                    *activities,
               CcpSearchKeys                *keys,
               const CcpActivityFilterState *state)
{
  GHashTable *found = NULL;

  ccp_activity_filter_run_async (activities, keys, state, NULL, run_done_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  return found;
}

/* A state from "filter=code" words ("flagship", "text=..." for the search; "_" a space). */
static CcpActivityFilterState *
state_of (const char *spec)
{
  static const char *names[CCP_ACTIVITY_N_FILTERS] = {
    "city", "objective", "area", "sdg", "kind", "month"
  };
  CcpActivityFilterState *state = ccp_activity_filter_state_new ();
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (words[i], "=", 2);

      if (pair[1] != NULL)
        g_strdelimit (pair[1], "_", ' ');
      if (g_str_equal (pair[0], "flagship"))
        state->flagship_only = TRUE;
      else if (g_str_equal (pair[0], "text"))
        state->needle = g_utf8_casefold (pair[1], -1);
      for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
        if (g_str_equal (pair[0], names[f]))
          state->codes[f] = g_strdup (pair[1]);
    }
  return state;
}

/* The sets found in a thread and on the calling thread, with the keys' facts or without, and
 * the table's rows, are those the old main-thread filter let through, for many combinations. */
static void
test_same_rows (void)
{
  static const char *specs[] = {
    "", "city=Bologna", "city=Zürich", "city=Nowhere", "objective=1", "area=1", "sdg=11",
    "kind=%K", "month=2027-01", "month=2027-03", "month=2027-06", "month=2027-09", "flagship",
    "city=Liverpool sdg=4", "city=Sønderborg month=2027-02 flagship", "objective=2 area=3",
    "kind=%K month=2027-04", "text=song", "text=song city=Abu_Dhabi", "text=STRASSE sdg=11",
    "text=zzz", "city=Bologna objective=1 area=1 sdg=1 kind=%K month=2027-05 flagship",
  };
  g_autoptr(CcpFieldPlan) field_plan = filter_field_plan (2500);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  g_autoptr(CcpSearchKeys) keys = ccp_activity_table_make_keys (field_plan, NULL);
  g_autoptr(CcpActivity) unknown = ccp_activity_new ("unknown-to-the-keys");
  g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Bologna", "IT", "p", "u");
  const char *kind = ccp_activity_get_kind (g_ptr_array_index (activities, 0));
  GtkWidget *window = gtk_window_new ();
  CcpActivityTable *table = CCP_ACTIVITY_TABLE (ccp_activity_table_new ());

  g_assert_nonnull (keys);
  g_assert_nonnull (ccp_search_keys_get_data (keys));
  /* The keys' thread reads no joint activity (its values may change on the main thread). */
  for (guint i = 0; i < activities->len; i++)
    {
      CcpActivity *activity = g_ptr_array_index (activities, i);

      g_assert_cmpint (ccp_search_keys_lookup (keys, activity) >= 0, ==,
                       *ccp_activity_get_joint_ref (activity) == '\0');
    }
  /* An activity the keys were not made for: left to the main thread. */
  ccp_activity_set_title (unknown, "Songwriting Straße");
  ccp_activity_set_kind (unknown, kind);
  ccp_activity_set_start_date (unknown, "2027-03-01");
  ccp_item_list_append (ccp_activity_get_attributions (unknown), attribution);
  g_ptr_array_add (activities, g_object_ref (unknown));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  ccp_activity_table_set_field_plan_with_keys (table, field_plan, keys, NULL);
  ccp_activity_table_flush (table);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GString) spec = g_string_new (specs[i]);
      g_autoptr(CcpActivityFilterState) state = NULL;
      g_autoptr(GHashTable) threaded = NULL;
      g_autoptr(GHashTable) here = NULL;
      g_autoptr(GHashTable) unkeyed = NULL;
      g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
      gboolean offered = TRUE;
      guint n = 0, n_table = 0;

      g_string_replace (spec, "%K", kind, 0);
      state = state_of (spec->str);
      threaded = run_in_thread (activities, keys, state);
      here = ccp_activity_filter_run (activities, keys, state, NULL);
      unkeyed = run_in_thread (activities, NULL, state);

      /* The table, through its controls, the search as typed (a code its drop-down does not
       * offer leaves it as it was: no rows to compare). */
      for (guint f = 0; f < CCP_ACTIVITY_N_FILTERS; f++)
        offered &= ccp_activity_table_set_filter (table, f, state->codes[f]);
      g_assert_true (offered || strstr (specs[i], "Nowhere") != NULL ||
                     strstr (specs[i], "09") != NULL);
      gtk_toggle_button_set_active (ccp_activity_table_get_flagship_button (table),
                                    state->flagship_only);
      gtk_editable_set_text (ccp_activity_table_get_search_entry (table),
                             state->needle != NULL ? state->needle : "");
      g_signal_emit_by_name (ccp_activity_table_get_search_entry (table), "search-changed");
      WAIT_FOR (!ccp_activity_table_get_pending (table), 10000);
      for (guint j = 0; j < ccp_activity_table_get_n_visible (table); j++)
        g_hash_table_add (shown, ccp_activity_table_get_visible (table, j));

      for (guint j = 0; j < activities->len; j++)
        {
          CcpActivity *activity = g_ptr_array_index (activities, j);
          gboolean expected = old_filter_func (state, activity);

          n += expected;
          g_assert_cmpint (g_hash_table_contains (threaded, activity), ==, expected);
          g_assert_cmpint (g_hash_table_contains (here, activity), ==, expected);
          g_assert_cmpint (g_hash_table_contains (unkeyed, activity), ==, expected);
          g_assert_cmpint (ccp_activity_filter_matches (state, activity), ==, expected);
          if (activity != unknown && offered)
            {
              n_table += expected;
              g_assert_cmpint (g_hash_table_contains (shown, activity), ==, expected);
            }
        }
      g_assert_cmpuint (g_hash_table_size (threaded), ==, n);
      g_assert_cmpuint (g_hash_table_size (here), ==, n);
      g_assert_cmpuint (g_hash_table_size (unkeyed), ==, n);
      if (offered)
        g_assert_cmpuint (g_hash_table_size (shown), ==, n_table);
      /* Each combination but the impossible ones lets some through, and "" all. */
      if (strstr (specs[i], "Nowhere") == NULL && strstr (specs[i], "09") == NULL &&
          strstr (specs[i], "zzz") == NULL && strstr (specs[i], "flagship") == NULL)
        g_assert_cmpuint (n, >, 0);
      if (i == 0)
        g_assert_cmpuint (n, ==, activities->len);
      else
        g_assert_cmpuint (n, <, activities->len);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The number of rows shown, each time the view's rows change (also as they are revealed). */
static GArray *counts;

static void
rows_changed_cb (GListModel       *model,
                 guint             position,
                 guint             removed,
                 guint             added,
                 CcpActivityTable *table)
{
  guint n = ccp_activity_table_get_n_visible (table);

  g_array_append_val (counts, n);
}

static guint
count_passing (GPtrArray  *activities,
               const char *spec)
{
  g_autoptr(CcpActivityFilterState) state = state_of (spec);
  guint n = 0;

  for (guint i = 0; i < activities->len; i++)
    n += old_filter_func (state, g_ptr_array_index (activities, i));
  return n;
}

static gboolean
counts_hold (guint n)
{
  for (guint i = 0; i < counts->len; i++)
    if (g_array_index (counts, guint, i) == n)
      return TRUE;
  return FALSE;
}

static void
set_search (CcpActivityTable *table,
            const char       *text)
{
  GtkEditable *entry = ccp_activity_table_get_search_entry (table);

  gtk_editable_set_text (entry, text);
  /* At once, not after the entry's pause. */
  g_signal_emit_by_name (entry, "search-changed");
}

static CcpActivityTable *
table_in_window (CcpFieldPlan *field_plan,
                 GtkWidget   **window)
{
  CcpActivityTable *table = CCP_ACTIVITY_TABLE (ccp_activity_table_new ());

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (table));
  gtk_window_set_default_size (GTK_WINDOW (*window), 900, 600);
  gtk_window_present (GTK_WINDOW (*window));
  ccp_activity_table_set_field_plan (table, field_plan);
  ccp_activity_table_flush (table);
  WAIT_FOR (ccp_activity_table_get_keys (table) != NULL, 10000);
  return table;
}

/* A filter change and another at once: the rows go from the first state's straight to the
 * last one's; the first one's are never shown. */
static void
test_last_change_wins (void)
{
  g_autoptr(CcpFieldPlan) field_plan = filter_field_plan (3000);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  guint total = activities->len;
  guint n_bologna = count_passing (activities, "city=Bologna");
  guint n_liverpool = count_passing (activities, "city=Liverpool");
  guint n_sdg = count_passing (activities, "city=Liverpool sdg=11");
  guint n_song = count_passing (activities, "city=Liverpool sdg=11 text=song");
  GtkWidget *window;
  CcpActivityTable *table = table_in_window (field_plan, &window);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (ccp_activity_table_get_view (table)));

  g_assert_cmpuint (n_bologna, !=, n_liverpool);
  g_assert_cmpuint (n_song, >, 0);
  g_assert_cmpuint (n_song, <, n_sdg);
  g_assert_cmpuint (n_sdg, <, n_liverpool);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, total);
  counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (rows, "items-changed", G_CALLBACK (rows_changed_cb), table);

  /* Two drop-down changes: the first one's thread is running (its rows not shown yet) when
   * the second comes. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, "Bologna"));
  g_assert_true (ccp_activity_table_get_pending (table));
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, total);
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_CITY, "Liverpool"));
  WAIT_FOR (!ccp_activity_table_get_pending (table), 10000);
  spin (100);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, n_liverpool);
  g_assert_true (counts_hold (n_liverpool));
  g_assert_false (counts_hold (n_bologna));
  for (guint i = 0; i < n_liverpool; i++)
    {
      g_autofree char *text = ccp_activity_cities_text (ccp_activity_table_get_visible (table, i));

      g_assert_nonnull (strstr (text, "Liverpool"));
    }

  /* A drop-down, then the search at once: the two together. */
  g_array_set_size (counts, 0);
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, "11"));
  set_search (table, "song");
  WAIT_FOR (!ccp_activity_table_get_pending (table), 10000);
  spin (100);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, n_song);
  g_assert_false (counts_hold (n_sdg));

  /* A change undone at once: the rows shown never change. */
  g_array_set_size (counts, 0);
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, NULL));
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, "11"));
  g_assert_false (ccp_activity_table_get_pending (table));
  spin (300);
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), ==, n_song);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, n_song);

  /* Flushed: the last change's rows at once. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_SDG, NULL));
  g_assert_true (ccp_activity_table_get_pending (table));
  ccp_activity_table_flush (table);
  g_assert_false (ccp_activity_table_get_pending (table));
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_passing (activities, "city=Liverpool text=song"));

  g_signal_handlers_disconnect_by_func (rows, rows_changed_cb, table);
  g_clear_pointer (&counts, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_conflict (CcpFieldPlan *field_plan,
              const char   *field,
              const char   *kept,
              const char   *other)
{
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("joint-conflict");

  ccp_report_item_set_code (item, field);
  ccp_report_item_set_joint_ref (item, "J1");
  ccp_report_item_set_city (item, "Bologna");
  ccp_report_item_set_country (item, "IT");
  ccp_report_item_set_activity (item, "a10");
  ccp_report_item_add_copy (item, "Bologna", "IT", "a10", kept);
  ccp_report_item_add_copy (item, "Liverpool", "GB", "b10", other);
  ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);
}

static gboolean
shown (CcpActivityTable *table,
       CcpActivity      *activity)
{
  for (guint i = 0; i < ccp_activity_table_get_n_visible (table); i++)
    if (ccp_activity_table_get_visible (table, i) == activity)
      return TRUE;
  return FALSE;
}

static void
wait_rows (CcpActivityTable *table)
{
  WAIT_FOR (!ccp_activity_table_get_pending (table), 10000);
}

/* A joint conflict's value kept after the keys were made: the search and the drop-downs see
 * the activity's new value, and the rows shown follow it at once. */
static void
test_kept_value (void)
{
  const char * const *kinds = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), "kind");
  g_autoptr(CcpFieldPlan) field_plan = filter_field_plan (2000);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  CcpActivity *joint = g_ptr_array_index (activities, 10);
  g_autofree char *kind_old = NULL;
  g_autofree char *kind_new = NULL;
  g_autofree char *spec_old = NULL;
  g_autofree char *spec_new = NULL;
  CcpActivityTable *table;
  GtkWidget *window;

  ccp_activity_set_joint_ref (joint, "J1");
  ccp_activity_set_title (joint, "Zebrafinch workshop");
  ccp_activity_set_kind (joint, kinds[0]);
  kind_old = g_strdup (kinds[0]);
  kind_new = g_strdup (kinds[1]);
  spec_old = g_strconcat ("kind=", kind_old, NULL);
  spec_new = g_strconcat ("kind=", kind_new, NULL);
  add_conflict (field_plan, "title", "Zebrafinch workshop", "Quokka workshop");
  add_conflict (field_plan, "kind", kind_old, kind_new);
  table = table_in_window (field_plan, &window);

  set_search (table, "zebrafinch");
  wait_rows (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 1);
  g_assert_true (ccp_activity_table_get_visible (table, 0) == joint);

  /* Kept as the detail window's button does: the row shown goes, with no new search. */
  g_assert_true (ccp_field_plan_choose (field_plan, "a10", "title", "Liverpool", "GB", "Test",
                                        "2027-01-01T00:00:00Z"));
  g_assert_cmpstr (ccp_activity_get_title (joint), ==, "Quokka workshop");
  g_assert_true (ccp_activity_table_get_pending (table));
  wait_rows (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 0);
  /* The new text finds it, the old one no longer does (the keys still hold it). */
  set_search (table, "quokka");
  wait_rows (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 1);
  g_assert_true (ccp_activity_table_get_visible (table, 0) == joint);
  set_search (table, "zebrafinch");
  wait_rows (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, 0);
  set_search (table, "");
  wait_rows (table);
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==, activities->len);

  /* A drop-down follows the kind kept. */
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_KIND, kind_new));
  wait_rows (table);
  g_assert_false (shown (table, joint));
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_passing (activities, spec_new));
  g_assert_true (ccp_field_plan_choose (field_plan, "a10", "kind", "Liverpool", "GB", "Test",
                                        "2027-01-01T00:00:00Z"));
  g_assert_cmpstr (ccp_activity_get_kind (joint), ==, kind_new);
  wait_rows (table);
  g_assert_true (shown (table, joint));
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_passing (activities, spec_new));
  g_assert_true (ccp_activity_table_set_filter (table, CCP_ACTIVITY_FILTER_KIND, kind_old));
  wait_rows (table);
  g_assert_false (shown (table, joint));
  g_assert_cmpuint (ccp_activity_table_get_n_visible (table), ==,
                    count_passing (activities, spec_old));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With nothing asked for, the row filter says it lets every row through
 * (GTK_FILTER_MATCH_ALL), so that its filter model tests none (the hand-over of a merge); asked
 * for something, the rows are tested; back to nothing, all through again. */
static void
test_nothing_asked (void)
{
  g_autoptr(CcpFieldPlan) field_plan = filter_field_plan (500);
  g_autoptr(GPtrArray) activities = ccp_gui_test_activities_of (field_plan);
  g_autoptr(CcpActivityRowFilter) filter = ccp_activity_row_filter_new ();
  g_autoptr(GListStore) store = g_list_store_new (CCP_TYPE_ACTIVITY);
  g_autoptr(GtkFilterListModel) model = NULL;
  g_autoptr(CcpActivityFilterState) bologna = state_of ("city=Bologna");
  g_autoptr(CcpActivityFilterState) nothing = ccp_activity_filter_state_new ();
  guint n_bologna = count_passing (activities, "city=Bologna");

  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                     GTK_FILTER (g_object_ref (filter)));
  ccp_activity_row_filter_set_activities (filter, activities, NULL);
  g_list_store_splice (store, 0, 0, activities->pdata, activities->len);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, activities->len);

  /* No keys: the state is applied at once, each row tested. */
  ccp_activity_row_filter_set_state (filter, bologna);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  g_assert_cmpuint (n_bologna, <, activities->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_bologna);

  ccp_activity_row_filter_set_state (filter, nothing);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, activities->len);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/activity-filter/same-rows", test_same_rows);
  g_test_add_func ("/gui/activity-filter/last-change-wins", test_last_change_wins);
  g_test_add_func ("/gui/activity-filter/kept-value", test_kept_value);
  g_test_add_func ("/gui/activity-filter/nothing-asked", test_nothing_asked);

  return g_test_run ();
}
