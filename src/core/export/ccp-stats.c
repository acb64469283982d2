/* ccp-stats.c: summary statistics of a city plan or a field plan. */
#define G_LOG_DOMAIN "ccp-stats"

#include "config.h"

#include <string.h>

#include "ccp-activity.h"
#include "ccp-amount.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-member-city.h"
#include "ccp-plan.h"
#include "ccp-stats.h"
#include "ccp-vocabulary.h"

struct _CcpStats
{
  GObject     parent_instance;

  guint       n_activities;
  guint       n_flagship;
  GPtrArray  *counts[CCP_STATS_N_DIMENSIONS];   /* CcpStatsCount */
  GHashTable *index[CCP_STATS_N_DIMENSIONS];    /* key (+ "\n" + country for cities) -> row */
  GPtrArray  *budgets;                          /* CcpStatsBudget */
  GString    *scratch;                          /* a city's index key, looked up */

  /* While counting: the period, and its six month rows found without a lookup. */
  gboolean       has_period;
  GDate          first, last;
  guint          first_month;                   /* month_number (&first) */
  CcpStatsCount *period_months[6];
};

G_DEFINE_FINAL_TYPE (CcpStats, ccp_stats, G_TYPE_OBJECT)

static const char * const vocabulary_of[CCP_STATS_N_DIMENSIONS] = {
  [CCP_STATS_OBJECTIVE] = "objective",
  [CCP_STATS_AREA] = "area",
  [CCP_STATS_SDG] = "sdg",
  [CCP_STATS_KIND] = "kind",
  [CCP_STATS_SCOPE] = "scope",
};

static void
count_free (gpointer data)
{
  CcpStatsCount *count = data;

  g_free (count->key);
  g_free (count->country);
  g_free (count);
}

static void
budget_free (gpointer data)
{
  CcpStatsBudget *budget = data;

  g_free (budget->currency);
  g_free (budget);
}

static void
ccp_stats_finalize (GObject *object)
{
  CcpStats *self = CCP_STATS (object);

  for (guint i = 0; i < CCP_STATS_N_DIMENSIONS; i++)
    {
      g_clear_pointer (&self->index[i], g_hash_table_unref);
      g_clear_pointer (&self->counts[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->budgets, g_ptr_array_unref);
  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (ccp_stats_parent_class)->finalize (object);
}

static void
ccp_stats_class_init (CcpStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_stats_finalize;
}

static void
ccp_stats_init (CcpStats *self)
{
  for (guint i = 0; i < CCP_STATS_N_DIMENSIONS; i++)
    {
      self->counts[i] = g_ptr_array_new_with_free_func (count_free);
      self->index[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->budgets = g_ptr_array_new_with_free_func (budget_free);
  self->scratch = g_string_new (NULL);
}

gboolean
ccp_stats_parse_amount (const char *text,
                        gint64     *cents)
{
  return ccp_amount_parse (text, cents);
}

char *
ccp_stats_format_cents (gint64 cents)
{
  gboolean negative = cents < 0;
  guint64 value = negative ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", negative ? "-" : "",
                          value / 100, (guint) (value % 100));
}

/* Runs several times per activity: it allocates only for a new row. */
static CcpStatsCount *
row_for (CcpStats          *self,
         CcpStatsDimension  dimension,
         const char        *key,
         const char        *country)
{
  const char *index_key = key;
  CcpStatsCount *row;

  if (country != NULL)
    {
      g_string_assign (self->scratch, key);
      g_string_append_c (self->scratch, '\n');
      g_string_append (self->scratch, country);
      index_key = self->scratch->str;
    }

  row = g_hash_table_lookup (self->index[dimension], index_key);
  if (row == NULL)
    {
      row = g_new0 (CcpStatsCount, 1);
      row->key = g_strdup (key);
      row->country = g_strdup (country);
      g_ptr_array_add (self->counts[dimension], row);
      g_hash_table_insert (self->index[dimension], g_strdup (index_key), row);
    }
  return row;
}

/* A month as a number, year * 12 + month - 1, so that months are counted with integers. */
static guint
month_number (const GDate *date)
{
  return g_date_get_year (date) * 12 + g_date_get_month (date) - 1;
}

/* The row of the month numbered number ("YYYY-MM"). */
static CcpStatsCount *
month_row (CcpStats *self,
           guint     number)
{
  char key[16];

  g_snprintf (key, sizeof key, "%04u-%02u", number / 12, number % 12 + 1);
  return row_for (self, CCP_STATS_MONTH, key, NULL);
}

static void
count_codes (CcpStats           *self,
             CcpStatsDimension   dimension,
             const char * const *codes)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      /* A code listed twice still counts the activity once. */
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (codes[i], codes[j]);
      if (!seen)
        row_for (self, dimension, codes[i], NULL)->count++;
    }
}

static void
count_months (CcpStats    *self,
              const GDate *start,
              const GDate *end)
{
  GDate from, to;

  if (start == NULL || end == NULL || g_date_compare (end, start) < 0)
    return;

  /* Only the months of the period (when there is one). */
  from = *start;
  to = *end;
  if (self->has_period && g_date_compare (&from, &self->first) < 0)
    from = self->first;
  if (self->has_period && g_date_compare (&to, &self->last) > 0)
    to = self->last;
  if (g_date_compare (&to, &from) < 0)
    return;

  for (guint m = month_number (&from); m <= month_number (&to); m++)
    {
      CcpStatsCount *row = self->has_period ? self->period_months[m - self->first_month]
                                            : month_row (self, m);

      row->count++;
    }
}

static void
count_budget (CcpStats    *self,
              CcpActivity *activity)
{
  const char *amount = ccp_activity_get_budget_amount (activity);
  const char *currency = ccp_activity_get_budget_currency (activity);
  CcpStatsBudget *budget = NULL;
  gint64 cents;

  if (*amount == '\0')
    return;

  for (guint i = 0; i < self->budgets->len && budget == NULL; i++)
    {
      CcpStatsBudget *candidate = g_ptr_array_index (self->budgets, i);

      if (g_str_equal (candidate->currency, currency))
        budget = candidate;
    }
  if (budget == NULL)
    {
      budget = g_new0 (CcpStatsBudget, 1);
      budget->currency = g_strdup (currency);
      g_ptr_array_add (self->budgets, budget);
    }

  budget->activities++;
  /* Past the limits (an error the validator reports) an amount is left out of the total and
   * counted as unreadable, never wrapped around. */
  if (!ccp_amount_parse (amount, &cents) || !ccp_amount_add (&budget->cents, cents))
    budget->unreadable++;
}

static void
count_activity (CcpStats    *self,
                CcpActivity *activity,
                const GDate *start,
                const GDate *end)
{
  self->n_activities++;
  if (ccp_activity_get_flagship (activity))
    self->n_flagship++;

  count_codes (self, CCP_STATS_OBJECTIVE, ccp_activity_get_objectives (activity));
  count_codes (self, CCP_STATS_AREA, ccp_activity_get_areas (activity));
  count_codes (self, CCP_STATS_SDG, ccp_activity_get_sdgs (activity));
  if (*ccp_activity_get_kind (activity) != '\0')
    row_for (self, CCP_STATS_KIND, ccp_activity_get_kind (activity), NULL)->count++;
  if (*ccp_activity_get_scope (activity) != '\0')
    row_for (self, CCP_STATS_SCOPE, ccp_activity_get_scope (activity), NULL)->count++;
  count_months (self, start, end);
  /* A field plan's activity run by cities has their contributions' budgets instead. */
  if (ccp_activity_peek_n_items (activity, ccp_activity_get_attributions) == 0)
    count_budget (self, activity);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const CcpStatsCount *x = *(CcpStatsCount * const *) a;
  const CcpStatsCount *y = *(CcpStatsCount * const *) b;

  return strcmp (x->key, y->key);
}

typedef struct {
  char          *name_key;   /* ccp_city_name_key() of the row's city */
  CcpStatsCount *row;
} CityRow;

static int
compare_cities (gconstpointer a,
                gconstpointer b)
{
  const CityRow *x = a;
  const CityRow *y = b;
  int c;

  if ((c = strcmp (x->name_key, y->name_key)) != 0)
    return c;
  if ((c = strcmp (x->row->key, y->row->key)) != 0)
    return c;
  return g_strcmp0 (x->row->country, y->row->country);
}

/* By folded name, each name folded once rather than twice per comparison. */
static void
sort_cities (CcpStats *self)
{
  GPtrArray *rows = self->counts[CCP_STATS_CITY];
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (CityRow), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);
      CityRow city = { ccp_city_name_key (row->key), row };

      g_array_append_val (sorted, city);
    }
  g_array_sort (sorted, compare_cities);
  for (guint i = 0; i < rows->len; i++)
    {
      CityRow *city = &g_array_index (sorted, CityRow, i);

      rows->pdata[i] = city->row;
      g_free (city->name_key);
    }
}

static int
compare_budgets (gconstpointer a,
                 gconstpointer b)
{
  const CcpStatsBudget *x = *(CcpStatsBudget * const *) a;
  const CcpStatsBudget *y = *(CcpStatsBudget * const *) b;

  return strcmp (x->currency, y->currency);
}

/* Codes in vocabulary order, every term listed; then codes the vocabulary does not know. */
static void
order_codes (CcpStats          *self,
             CcpStatsDimension  dimension)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char * const *codes = ccp_vocabulary_get_codes (vocabulary, vocabulary_of[dimension]);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GPtrArray *rows = self->counts[dimension];

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_ptr_array_add (ordered, row_for (self, dimension, codes[i], NULL));

  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);

      if (!ccp_vocabulary_has_term (vocabulary, vocabulary_of[dimension], row->key))
        g_ptr_array_add (unknown, row);
    }
  g_ptr_array_sort (unknown, compare_keys);
  g_ptr_array_extend_and_steal (ordered, g_steal_pointer (&unknown));

  /* Reorder in place: the array owns the rows, so take them out without freeing them. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_extend (rows, ordered, NULL, NULL);
  g_ptr_array_set_free_func (rows, count_free);
}

/* Every month of the period has its row from the start, so that a chart shows the empty months
 * too and counting finds the row without a lookup. */
static void
start_counting (CcpStats   *self,
                const char *period)
{
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  self->has_period = ccp_period_get_range (period, &self->first, &self->last);
  if (!self->has_period)
    return;

  self->first_month = month_number (&self->first);
  g_assert (month_number (&self->last) - self->first_month + 1 ==
            G_N_ELEMENTS (self->period_months));
  for (guint i = 0; i < G_N_ELEMENTS (self->period_months); i++)
    self->period_months[i] = month_row (self, self->first_month + i);
}

/* date, read from text by ccp_date_parse(), or NULL when text is not a date. */
static const GDate *
parse_date (const char *text,
            GDate      *date)
{
  g_date_clear (date, 1);
  return ccp_date_parse (text, date) ? date : NULL;
}

static void
finish (CcpStats *self)
{
  for (guint d = 0; d < CCP_STATS_N_DIMENSIONS; d++)
    {
      if (vocabulary_of[d] != NULL)
        order_codes (self, d);
    }

  g_ptr_array_sort (self->counts[CCP_STATS_MONTH], compare_keys);
  sort_cities (self);
  g_ptr_array_sort (self->budgets, compare_budgets);
}

CcpStats *
ccp_stats_new_for_plan (CcpPlan *plan)
{
  CcpStats *self;
  CcpItemList *activities;
  guint n;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  self = g_object_new (CCP_TYPE_STATS, NULL);
  start_counting (self, ccp_plan_get_period (plan));
  activities = ccp_plan_get_activities (plan);
  n = ccp_item_list_get_n_items (activities);

  if (n > 0)
    row_for (self, CCP_STATS_CITY, ccp_plan_get_city (plan), ccp_plan_get_country (plan))->count
      = n;

  for (guint i = 0; i < n; i++)
    {
      CcpActivity *activity = ccp_item_list_peek (activities, i);
      GDate start, end;

      count_activity (self, activity,
                      parse_date (ccp_activity_get_start_date (activity), &start),
                      parse_date (ccp_activity_get_end_date (activity), &end));
    }

  finish (self);
  return self;
}

CcpStats *
ccp_stats_new_for_field_plan (CcpFieldPlan *field_plan)
{
  return ccp_stats_new_for_field_plan_full (field_plan, NULL, NULL);
}

CcpStats *
ccp_stats_new_for_field_plan_full (CcpFieldPlan         *field_plan,
                                   CcpStatsActivityFunc  func,
                                   gpointer              user_data)
{
  CcpStats *self;
  CcpItemList *activities;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();   /* the city rows of one activity */
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  self = g_object_new (CCP_TYPE_STATS, NULL);
  start_counting (self, ccp_field_plan_get_period (field_plan));
  activities = ccp_field_plan_get_activities (field_plan);
  n = ccp_item_list_get_n_items (activities);

  for (guint i = 0; i < n; i++)
    {
      CcpActivity *activity = ccp_item_list_peek (activities, i);
      /* Peeked, not got: the getter would make a missing list, and this may run in a worker. */
      guint n_attributions = ccp_activity_peek_n_items (activity, ccp_activity_get_attributions);
      CcpItemList *attributions;
      GDate start_date, end_date;
      const GDate *start = parse_date (ccp_activity_get_start_date (activity), &start_date);
      const GDate *end = parse_date (ccp_activity_get_end_date (activity), &end_date);

      count_activity (self, activity, start, end);
      if (func != NULL)
        func (activity, start, end, user_data);
      if (n_attributions == 0)
        continue;

      attributions = ccp_activity_get_attributions (activity);
      g_ptr_array_set_size (seen, 0);
      for (guint j = 0; j < n_attributions; j++)
        {
          CcpAttribution *attribution = ccp_item_list_peek (attributions, j);
          CcpStatsCount *row = row_for (self, CCP_STATS_CITY,
                                        ccp_attribution_get_city (attribution),
                                        ccp_attribution_get_country (attribution));

          /* Every city's money: per currency the field plan holds what the city plans do. */
          count_budget (self, ccp_attribution_get_values (attribution));
          /* Two copies from one city still make one activity of that city: an activity has
           * one city or a few, so a list of the rows seen beats a hash table per activity. */
          if (!g_ptr_array_find (seen, row, NULL))
            {
              g_ptr_array_add (seen, row);
              row->count++;
            }
        }
    }

  finish (self);
  return self;
}

guint
ccp_stats_get_n_activities (CcpStats *self)
{
  g_return_val_if_fail (CCP_IS_STATS (self), 0);
  return self->n_activities;
}

guint
ccp_stats_get_n_flagship (CcpStats *self)
{
  g_return_val_if_fail (CCP_IS_STATS (self), 0);
  return self->n_flagship;
}

GPtrArray *
ccp_stats_get_counts (CcpStats          *self,
                      CcpStatsDimension  dimension)
{
  g_return_val_if_fail (CCP_IS_STATS (self), NULL);
  g_return_val_if_fail (dimension < CCP_STATS_N_DIMENSIONS, NULL);

  return self->counts[dimension];
}

guint
ccp_stats_get_count (CcpStats          *self,
                     CcpStatsDimension  dimension,
                     const char        *key)
{
  GPtrArray *rows;
  guint total = 0;

  g_return_val_if_fail (CCP_IS_STATS (self), 0);
  g_return_val_if_fail (dimension < CCP_STATS_N_DIMENSIONS, 0);
  g_return_val_if_fail (key != NULL, 0);

  /* Cities: the count of that name in every country. */
  rows = self->counts[dimension];
  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->key, key))
        total += row->count;
    }
  return total;
}

GPtrArray *
ccp_stats_get_budgets (CcpStats *self)
{
  g_return_val_if_fail (CCP_IS_STATS (self), NULL);
  return self->budgets;
}

const CcpStatsBudget *
ccp_stats_get_budget (CcpStats   *self,
                      const char *currency)
{
  g_return_val_if_fail (CCP_IS_STATS (self), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  for (guint i = 0; i < self->budgets->len; i++)
    {
      CcpStatsBudget *budget = g_ptr_array_index (self->budgets, i);

      if (g_str_equal (budget->currency, currency))
        return budget;
    }
  return NULL;
}
