/* test-overview-data.c: every figure of a field plan's overview (ccp_overview_data_new(): the
 * statistics and the timeline) against a straightforward computation written here, on
 * generated field plans with joint activities, duplicate copies from one city, activities
 * spanning months or the period's ends, and missing or odd dates, codes and amounts. */
#define G_LOG_DOMAIN "test-overview-data"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-overview-chart.h"
#include "ccp-overview-data.h"

typedef struct {
  const char *city;
  const char *country;
} City;

/* Same names in two countries, accents, case, scripts: what the sorting and the counting by
 * city and country must tell apart. */
static const City cities[] = {
  { "Lyon", "FR" }, { "Lyon", "CA" }, { "Łódź", "PL" }, { "Ålesund", "NO" },
  { "Zürich", "CH" }, { "abu dhabi", "AE" }, { "Abu Dhabi", "AE" }, { "Óbidos", "PT" },
  { "Bogotá", "CO" }, { "北京", "CN" }, { "Aalborg", "DK" }, { "Dubai", "AE" },
};

static const char * const odd_dates[] = {
  "", "2027-02-30", "2027-1-05", "garbage", "2027-13-01", "0000-01-01", "2027-03-01T10:00",
};

static const char * const amounts[] = {
  "", "100", "12.50", "0.10", "0.20", "1.234", "abc", "-5", "99999999999999999999", "7",
};

static const char * const currencies[] = { "EUR", "USD", "", "eur", "JPY" };

static const char *
pick (GRand              *rand,
      const char * const *values,
      guint               n)
{
  return values[g_rand_int_range (rand, 0, (gint32) n)];
}

/* A date around the period 2027-H1, from 2026-11 to 2027-08, so that activities start before
 * it, end after it or lie outside it; sometimes not a date at all. */
static char *
random_date (GRand *rand)
{
  GDate date;

  if (g_rand_int_range (rand, 0, 8) == 0)
    return g_strdup (pick (rand, odd_dates, G_N_ELEMENTS (odd_dates)));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2026);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 300));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Some codes of vocabulary (a code given twice is kept once by the model), an unknown code
 * now and then. */
static GStrv
random_codes (GRand      *rand,
              const char *vocabulary)
{
  const char * const *codes = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (),
                                                        vocabulary);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_codes = g_strv_length ((GStrv) codes);
  guint n = g_rand_int_range (rand, 0, 4);

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, codes[g_rand_int_range (rand, 0, (gint32) n_codes)]);
  if (n > 0 && g_rand_int_range (rand, 0, 5) == 0)
    g_strv_builder_add (builder, codes[0]);
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_strv_builder_add (builder, g_rand_boolean (rand) ? "zz-unknown" : "99");
  return g_strv_builder_end (builder);
}

static const char *
random_code (GRand      *rand,
             const char *vocabulary)
{
  const char * const *codes = ccp_vocabulary_get_codes (ccp_vocabulary_get_default (),
                                                        vocabulary);

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      return "";
    case 1:
      return "made-up";
    default:
      return codes[g_rand_int_range (rand, 0, (gint32) g_strv_length ((GStrv) codes))];
    }
}

static void
set_random_budget (GRand       *rand,
                   CcpActivity *activity)
{
  ccp_activity_set_budget_amount (activity, pick (rand, amounts, G_N_ELEMENTS (amounts)));
  ccp_activity_set_budget_currency (activity,
                                    pick (rand, currencies, G_N_ELEMENTS (currencies)));
}

static CcpActivity *
random_activity (GRand *rand,
                 guint  number)
{
  g_autofree char *id = g_strdup_printf ("a%u", number);
  CcpActivity *activity = ccp_activity_new (id);
  g_autofree char *start = random_date (rand);
  g_autofree char *end = NULL;
  g_auto(GStrv) objectives = random_codes (rand, "objective");
  g_auto(GStrv) areas = random_codes (rand, "area");
  g_auto(GStrv) sdgs = random_codes (rand, "sdg");

  /* Mostly after the start, months later at most; sometimes before it or missing. */
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      end = random_date (rand);
      break;
    case 1:
      end = g_strdup (start);
      break;
    default:
      {
        GDate date;

        g_date_clear (&date, 1);
        if (ccp_date_parse (start, &date))
          {
            g_date_add_days (&date, g_rand_int_range (rand, 0, 150));
            end = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                   g_date_get_month (&date), g_date_get_day (&date));
          }
        else
          {
            end = random_date (rand);
          }
      }
    }

  ccp_activity_set_title (activity, id);
  ccp_activity_set_flagship (activity, g_rand_int_range (rand, 0, 4) == 0);
  ccp_activity_set_kind (activity, random_code (rand, "kind"));
  ccp_activity_set_scope (activity, random_code (rand, "scope"));
  ccp_activity_set_start_date (activity, start);
  ccp_activity_set_end_date (activity, end);
  ccp_activity_set_objectives (activity, (const char * const *) objectives);
  ccp_activity_set_areas (activity, (const char * const *) areas);
  ccp_activity_set_sdgs (activity, (const char * const *) sdgs);
  set_random_budget (rand, activity);
  return activity;
}

/* n activities: a tenth run by no city (their own budget counts), most by one, some jointly
 * by up to five, a city sometimes twice (two copies of one city plan). */
static CcpFieldPlan *
random_field_plan (guint32     seed,
                   const char *period,
                   guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CcpFieldPlan *field_plan = ccp_field_plan_new ();

  ccp_field_plan_set_id (field_plan, "music-test");
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, period);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = random_activity (rand, i + 1);
      guint n_cities = g_rand_int_range (rand, 0, 10) == 0 ? 0
                       : g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 2, 6) : 1;

      for (guint c = 0; c < n_cities; c++)
        {
          const City *city = &cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];
          g_autoptr(CcpAttribution) attribution = ccp_attribution_new (city->city, city->country,
                                                                       "plan", "a1");

          set_random_budget (rand, ccp_attribution_get_values (attribution));
          ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
        }
      ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);
    }
  return field_plan;
}

/* --- The reference ------------------------------------------------------------------------ */

/* The activity's dates, end before start counting as no dates: the statistics' months. */
static gboolean
reference_dates (CcpActivity *activity,
                 GDate       *start,
                 GDate       *end)
{
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  return ccp_date_parse (ccp_activity_get_start_date (activity), start) &&
         ccp_date_parse (ccp_activity_get_end_date (activity), end) &&
         g_date_compare (end, start) >= 0;
}

static void
add_count (GHashTable *counts,
           const char *key)
{
  g_hash_table_insert (counts, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* rows must be the vocabulary's codes in order with their counts (zero included), then the
 * unknown codes counted, sorted. */
static void
assert_code_rows (GPtrArray  *rows,
                  const char *vocabulary,
                  GHashTable *expected)
{
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();
  const char * const *codes = ccp_vocabulary_get_codes (vocab, vocabulary);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (keys, (gpointer) codes[i]);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!ccp_vocabulary_has_term (vocab, vocabulary, key))
      g_ptr_array_add (unknown, key);
  g_ptr_array_sort (unknown, compare_strings);
  g_ptr_array_extend (keys, unknown, NULL, NULL);

  g_assert_cmpuint (rows->len, ==, keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->key, ==, g_ptr_array_index (keys, i));
      g_assert_null (row->country);
      g_assert_cmpuint (row->count, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (expected, row->key)));
    }
}

typedef struct {
  char  *key;          /* city "\t" country */
  char  *city;
  char  *country;
  guint  count;
} CityCount;

static void
city_count_free (gpointer data)
{
  CityCount *count = data;

  g_free (count->key);
  g_free (count->city);
  g_free (count->country);
  g_free (count);
}

/* By folded name, then name, then country. */
static int
compare_city_counts (gconstpointer a,
                     gconstpointer b)
{
  const CityCount *x = *(CityCount * const *) a;
  const CityCount *y = *(CityCount * const *) b;
  g_autofree char *kx = ccp_city_name_key (x->city);
  g_autofree char *ky = ccp_city_name_key (y->city);
  int c;

  if ((c = strcmp (kx, ky)) != 0)
    return c;
  if ((c = strcmp (x->city, y->city)) != 0)
    return c;
  return strcmp (x->country, y->country);
}

typedef struct {
  char   *currency;
  gint64  cents;
  guint   activities;
  guint   unreadable;
} Budget;

static void
add_budget (GPtrArray   *budgets,
            CcpActivity *activity)
{
  const char *amount = ccp_activity_get_budget_amount (activity);
  const char *currency = ccp_activity_get_budget_currency (activity);
  Budget *budget = NULL;
  gint64 cents;

  if (*amount == '\0')
    return;
  for (guint i = 0; i < budgets->len; i++)
    if (strcmp (((Budget *) g_ptr_array_index (budgets, i))->currency, currency) == 0)
      budget = g_ptr_array_index (budgets, i);
  if (budget == NULL)
    {
      budget = g_new0 (Budget, 1);
      budget->currency = g_strdup (currency);
      g_ptr_array_add (budgets, budget);
    }
  budget->activities++;
  if (ccp_stats_parse_amount (amount, &cents))
    budget->cents += cents;   /* the amounts here stay far from the limits */
  else
    budget->unreadable++;
}

static void
budget_free (gpointer data)
{
  Budget *budget = data;

  g_free (budget->currency);
  g_free (budget);
}

static int
compare_budgets (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(Budget * const *) a)->currency, (*(Budget * const *) b)->currency);
}

/* Every figure of the statistics, counted activity by activity. */
static void
assert_stats (CcpStats     *stats,
              CcpFieldPlan *field_plan)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  g_autoptr(GHashTable) objectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sdgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) city_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) city_counts = g_ptr_array_new_with_free_func (city_count_free);
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func (budget_free);
  g_autoptr(GPtrArray) month_keys = g_ptr_array_new_with_free_func (g_free);
  GHashTable *code_counts[] = { objectives, areas, sdgs };
  const char *vocabularies[] = { "objective", "area", "sdg" };
  CcpStatsDimension dimensions[] = { CCP_STATS_OBJECTIVE, CCP_STATS_AREA, CCP_STATS_SDG };
  GDate first, last;
  gboolean has_period;
  guint n = g_list_model_get_n_items (activities), n_flagship = 0;
  GHashTableIter iter;
  gpointer month_key;
  GPtrArray *rows;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  has_period = ccp_period_get_range (ccp_field_plan_get_period (field_plan), &first, &last);
  if (has_period)
    for (GDate month = first; g_date_compare (&month, &last) <= 0; g_date_add_months (&month, 1))
      g_hash_table_insert (months, g_strdup_printf ("%04u-%02u", g_date_get_year (&month),
                                                    g_date_get_month (&month)), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      const char * const *lists[] = {
        ccp_activity_get_objectives (activity), ccp_activity_get_areas (activity),
        ccp_activity_get_sdgs (activity),
      };
      g_autoptr(GHashTable) seen_cities = g_hash_table_new (g_str_hash, g_str_equal);
      GDate start, end;

      n_flagship += ccp_activity_get_flagship (activity);

      /* A code listed twice counts once. */
      for (guint d = 0; d < G_N_ELEMENTS (lists); d++)
        for (guint c = 0; lists[d][c] != NULL; c++)
          if (!g_strv_contains ((const char * const *) lists[d] + c + 1, lists[d][c]))
            add_count (code_counts[d], lists[d][c]);
      if (*ccp_activity_get_kind (activity) != '\0')
        add_count (kinds, ccp_activity_get_kind (activity));
      if (*ccp_activity_get_scope (activity) != '\0')
        add_count (scopes, ccp_activity_get_scope (activity));

      /* Every month it overlaps, within the period when there is one. */
      if (reference_dates (activity, &start, &end))
        {
          GDate month;

          g_date_clear (&month, 1);
          g_date_set_dmy (&month, 1, g_date_get_month (&start), g_date_get_year (&start));
          for (; g_date_compare (&month, &end) <= 0; g_date_add_months (&month, 1))
            {
              g_autofree char *key = g_strdup_printf ("%04u-%02u", g_date_get_year (&month),
                                                      g_date_get_month (&month));
              GDate month_end = month;

              g_date_add_months (&month_end, 1);
              g_date_subtract_days (&month_end, 1);
              if (!has_period ||
                  (g_date_compare (&month_end, &first) >= 0 &&
                   g_date_compare (&month, &last) <= 0))
                add_count (months, key);
            }
        }

      if (g_list_model_get_n_items (attributions) == 0)
        add_budget (budgets, activity);
      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          g_autofree char *key = g_strdup_printf ("%s\t%s",
                                                  ccp_attribution_get_city (attribution),
                                                  ccp_attribution_get_country (attribution));
          CityCount *count = g_hash_table_lookup (city_index, key);

          add_budget (budgets, ccp_attribution_get_values (attribution));
          if (count == NULL)
            {
              count = g_new0 (CityCount, 1);
              count->key = g_strdup (key);
              count->city = g_strdup (ccp_attribution_get_city (attribution));
              count->country = g_strdup (ccp_attribution_get_country (attribution));
              g_ptr_array_add (city_counts, count);
              g_hash_table_insert (city_index, count->key, count);
            }
          if (g_hash_table_add (seen_cities, count->key))
            count->count++;
        }
    }

  g_assert_cmpuint (ccp_stats_get_n_activities (stats), ==, n);
  g_assert_cmpuint (ccp_stats_get_n_flagship (stats), ==, n_flagship);
  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    assert_code_rows (ccp_stats_get_counts (stats, dimensions[d]), vocabularies[d],
                      code_counts[d]);
  assert_code_rows (ccp_stats_get_counts (stats, CCP_STATS_KIND), "kind", kinds);
  assert_code_rows (ccp_stats_get_counts (stats, CCP_STATS_SCOPE), "scope", scopes);

  /* Months in order. */
  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, &month_key, NULL))
    g_ptr_array_add (month_keys, g_strdup (month_key));
  g_ptr_array_sort (month_keys, compare_strings);
  rows = ccp_stats_get_counts (stats, CCP_STATS_MONTH);
  g_assert_cmpuint (rows->len, ==, month_keys->len);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->key, ==, g_ptr_array_index (month_keys, i));
      g_assert_cmpuint (row->count, ==, GPOINTER_TO_UINT (g_hash_table_lookup (months, row->key)));
    }

  /* Cities: an activity once per city and country, however many copies. */
  g_ptr_array_sort (city_counts, compare_city_counts);
  rows = ccp_stats_get_counts (stats, CCP_STATS_CITY);
  g_assert_cmpuint (rows->len, ==, city_counts->len);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);
      CityCount *count = g_ptr_array_index (city_counts, i);

      g_assert_cmpstr (row->key, ==, count->city);
      g_assert_cmpstr (row->country, ==, count->country);
      g_assert_cmpuint (row->count, ==, count->count);
    }

  g_ptr_array_sort (budgets, compare_budgets);
  rows = ccp_stats_get_budgets (stats);
  g_assert_cmpuint (rows->len, ==, budgets->len);
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsBudget *row = g_ptr_array_index (rows, i);
      Budget *budget = g_ptr_array_index (budgets, i);

      g_assert_cmpstr (row->currency, ==, budget->currency);
      g_assert_cmpint (row->cents, ==, budget->cents);
      g_assert_cmpuint (row->activities, ==, budget->activities);
      g_assert_cmpuint (row->unreadable, ==, budget->unreadable);
    }
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The timeline, month by month and city by city: an activity (with a start date) counts in
 * every month of the period from its start to its end (its start's only when the end is
 * missing or before the start), once for each of its cities. */
static void
assert_timeline (GPtrArray    *months,
                 GPtrArray    *names,
                 GArray       *counts,
                 CcpFieldPlan *field_plan)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  g_autoptr(GPtrArray) expected_names = g_ptr_array_new_with_free_func (g_free);
  guint year, half;
  guint n = g_list_model_get_n_items (activities);

  if (ccp_period_parse (ccp_field_plan_get_period (field_plan), &year, &half))
    {
      g_assert_cmpuint (months->len, ==, 6);
      for (guint m = 0; m < 6; m++)
        {
          g_autofree char *month = g_strdup_printf ("%04u-%02u", year, (half - 1) * 6 + m + 1);

          g_assert_cmpstr (g_ptr_array_index (months, m), ==, month);
        }
    }
  else
    {
      g_assert_cmpuint (months->len, ==, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          const char *city = ccp_attribution_get_city (attribution);

          if (!g_ptr_array_find_with_equal_func (expected_names, city, g_str_equal, NULL))
            g_ptr_array_add (expected_names, g_strdup (city));
        }
    }
  g_ptr_array_sort (expected_names, compare_collated);

  g_assert_cmpuint (names->len, ==, expected_names->len);
  g_assert_cmpuint (counts->len, ==, names->len * months->len);
  for (guint c = 0; c < names->len; c++)
    {
      const char *city = g_ptr_array_index (expected_names, c);

      g_assert_cmpstr (g_ptr_array_index (names, c), ==, city);
      for (guint m = 0; m < months->len; m++)
        {
          const char *month = g_ptr_array_index (months, m);
          GDate month_first, month_last;
          guint expected = 0;

          g_date_clear (&month_first, 1);
          g_date_set_dmy (&month_first, 1, (GDateMonth) g_ascii_strtoull (month + 5, NULL, 10),
                          (GDateYear) g_ascii_strtoull (month, NULL, 10));
          month_last = month_first;
          g_date_add_months (&month_last, 1);
          g_date_subtract_days (&month_last, 1);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
              GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
              gboolean runs = FALSE;
              GDate start, end;

              for (guint j = 0; j < g_list_model_get_n_items (attributions) && !runs; j++)
                {
                  g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

                  runs = g_str_equal (ccp_attribution_get_city (attribution), city);
                }
              g_date_clear (&start, 1);
              g_date_clear (&end, 1);
              if (!runs || !ccp_date_parse (ccp_activity_get_start_date (activity), &start))
                continue;
              if (!ccp_date_parse (ccp_activity_get_end_date (activity), &end) ||
                  g_date_compare (&end, &start) < 0)
                end = start;
              if (g_date_compare (&start, &month_last) <= 0 &&
                  g_date_compare (&end, &month_first) >= 0)
                expected++;
            }
          g_assert_cmpuint (g_array_index (counts, guint, c * months->len + m), ==, expected);
        }
    }
}

/* The generated plan has the cases the figures must get right. */
static void
assert_cases (CcpFieldPlan *field_plan)
{
  CcpItemList *activities = ccp_field_plan_get_activities (field_plan);
  guint no_city = 0, joint = 0, twice = 0, no_start = 0, end_before = 0, spanning = 0;

  for (guint i = 0; i < ccp_item_list_get_n_items (activities); i++)
    {
      CcpActivity *activity = ccp_item_list_peek (activities, i);
      CcpItemList *attributions = ccp_activity_get_attributions (activity);
      guint n = ccp_item_list_get_n_items (attributions);
      GDate start, end;

      no_city += n == 0;
      joint += n > 1;
      for (guint j = 0; j < n; j++)
        for (guint k = j + 1; k < n; k++)
          twice += g_str_equal (
            ccp_attribution_get_city (ccp_item_list_peek (attributions, j)),
            ccp_attribution_get_city (ccp_item_list_peek (attributions, k)));
      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      if (!ccp_date_parse (ccp_activity_get_start_date (activity), &start))
        no_start++;
      else if (ccp_date_parse (ccp_activity_get_end_date (activity), &end))
        {
          end_before += g_date_compare (&end, &start) < 0;
          spanning += g_date_get_month (&end) != g_date_get_month (&start);
        }
    }
  g_assert_cmpuint (no_city, >, 0);
  g_assert_cmpuint (joint, >, 0);
  g_assert_cmpuint (twice, >, 0);
  g_assert_cmpuint (no_start, >, 0);
  g_assert_cmpuint (end_before, >, 0);
  g_assert_cmpuint (spanning, >, 0);
}

static void
assert_overview (CcpFieldPlan *field_plan)
{
  g_autoptr(CcpOverviewData) data = ccp_overview_data_new (field_plan);
  g_autoptr(CcpStats) stats = ccp_stats_new_for_field_plan (field_plan);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) months = ccp_overview_timeline_counts (field_plan, &names, &counts);

  assert_stats (data->stats, field_plan);
  assert_timeline (data->months, data->cities, data->counts, field_plan);
  /* The same figures made on their own. */
  assert_stats (stats, field_plan);
  assert_timeline (months, names, counts, field_plan);
}

static void
test_overview_period (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(CcpFieldPlan) field_plan = random_field_plan (seed, seed % 2 ? "2027-H1"
                                                                             : "2026-H2", 300);

      assert_cases (field_plan);
      assert_overview (field_plan);
    }
}

/* No period: every month an activity overlaps has its row, and the timeline has no month. */
static void
test_overview_no_period (void)
{
  const char *periods[] = { "", "2027-H3", "27-H1" };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(CcpFieldPlan) field_plan = random_field_plan (10 + i, periods[i], 200);

      assert_overview (field_plan);
    }
}

static void
test_overview_empty (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(CcpOverviewData) data = NULL;

  ccp_field_plan_set_period (field_plan, "2027-H1");
  data = ccp_overview_data_new (field_plan);
  assert_stats (data->stats, field_plan);
  assert_timeline (data->months, data->cities, data->counts, field_plan);
  g_assert_cmpuint (data->cities->len, ==, 0);
}

typedef struct {
  CcpItemList *activities;
  guint        n_calls;
} Walk;

static void
walk_cb (CcpActivity *activity,
         const GDate *start,
         const GDate *end,
         gpointer     data)
{
  Walk *walk = data;
  const char *texts[] = { ccp_activity_get_start_date (activity),
                          ccp_activity_get_end_date (activity) };
  const GDate *dates[] = { start, end };

  /* Each activity once, in order, with its dates as ccp_date_parse() reads them. */
  g_assert_true (activity == ccp_item_list_peek (walk->activities, walk->n_calls));
  walk->n_calls++;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (ccp_date_parse (texts[i], &date))
        {
          g_assert_nonnull (dates[i]);
          g_assert_cmpint (g_date_compare (dates[i], &date), ==, 0);
        }
      else
        {
          g_assert_null (dates[i]);
        }
    }
}

/* The statistics tell of each activity as they count it, for the timeline to be counted in
 * the same walk; the figures are those of ccp_stats_new_for_field_plan(). */
static void
test_overview_stats_walk (void)
{
  g_autoptr(CcpFieldPlan) field_plan = random_field_plan (20, "2027-H1", 200);
  Walk walk = { ccp_field_plan_get_activities (field_plan), 0 };
  g_autoptr(CcpStats) stats = ccp_stats_new_for_field_plan_full (field_plan, walk_cb, &walk);

  g_assert_cmpuint (walk.n_calls, ==, 200);
  assert_stats (stats, field_plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview-data/period", test_overview_period);
  g_test_add_func ("/overview-data/no-period", test_overview_no_period);
  g_test_add_func ("/overview-data/empty", test_overview_empty);
  g_test_add_func ("/overview-data/stats-walk", test_overview_stats_walk);

  return g_test_run ();
}
