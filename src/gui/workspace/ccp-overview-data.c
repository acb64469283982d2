/* ccp-overview-data.c: see ccp-overview-data.h. The timeline is counted here too
 * (ccp_overview_timeline_counts() of ccp-overview-chart.h), in the walk that counts the
 * statistics: on a 37,000-activity field plan reading each activity once from memory is most
 * of the time saved. */
#define G_LOG_DOMAIN "ccp-overview-data"

#include "config.h"

#include <string.h>

#include "ccp-overview-chart.h"
#include "ccp-overview-data.h"

/* --- Timeline ----------------------------------------------------------------------------- */

/* Activities per city and month, rows made in the order the cities first appear (sorted by
 * name at the end). Only peeks at the model (no reference taken, no list made), since it runs
 * in the workspace's worker while the main thread may read the field plan. */
typedef struct {
  GPtrArray  *months;        /* "YYYY-MM" of the period, none when it is not a period */
  int         first_month;   /* month_number() of the period's first month */
  GPtrArray  *names;         /* city names, owned, in the order first seen */
  GHashTable *index;         /* name -> row */
  GArray     *counts;        /* guint, names x months */
  GArray     *rows;          /* the rows of the activity being counted */
} Timeline;

/* A month as a number, year * 12 + month - 1, so that months compare as integers. */
static int
month_number (const GDate *date)
{
  return g_date_get_year (date) * 12 + g_date_get_month (date) - 1;
}

static void
timeline_init (Timeline     *timeline,
               CcpFieldPlan *field_plan)
{
  guint year, half;

  timeline->months = g_ptr_array_new_with_free_func (g_free);
  timeline->first_month = 0;
  timeline->names = g_ptr_array_new ();
  timeline->index = g_hash_table_new (g_str_hash, g_str_equal);
  timeline->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  timeline->rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (ccp_period_parse (ccp_field_plan_get_period (field_plan), &year, &half))
    {
      timeline->first_month = (int) (year * 12 + (half - 1) * 6);
      for (guint m = 0; m < 6; m++)
        g_ptr_array_add (timeline->months,
                         g_strdup_printf ("%04u-%02u", year, (half - 1) * 6 + m + 1));
    }
}

/* The row of city, made when the city is new. */
static guint
timeline_row (Timeline   *timeline,
              const char *city)
{
  gpointer value;
  guint row;

  if (g_hash_table_lookup_extended (timeline->index, city, NULL, &value))
    return GPOINTER_TO_UINT (value);

  row = timeline->names->len;
  g_ptr_array_add (timeline->names, g_strdup (city));
  g_hash_table_insert (timeline->index, g_ptr_array_index (timeline->names, row),
                       GUINT_TO_POINTER (row));
  g_array_set_size (timeline->counts, timeline->counts->len + timeline->months->len);
  return row;
}

/* An activity has one city or a few: a list of its rows beats a hash table per activity. */
static gboolean
contains_row (GArray *rows,
              guint   row)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, guint, i) == row)
      return TRUE;
  return FALSE;
}

/* A CcpStatsActivityFunc. An activity counts in every month of the period from its start's to
 * its end's (only its start's when the end is missing or before the start; none without a
 * start), once for each of its cities. */
static void
timeline_add (CcpActivity *activity,
              const GDate *start,
              const GDate *end,
              gpointer     data)
{
  Timeline *timeline = data;
  guint n_months = timeline->months->len;
  guint n_attributions = ccp_activity_peek_n_items (activity, ccp_activity_get_attributions);
  CcpItemList *attributions;
  int first = 0, last = -1;   /* indexes into months; none when first > last */

  if (n_attributions == 0)
    return;

  if (n_months > 0 && start != NULL)
    {
      first = month_number (start);
      last = end != NULL && g_date_compare (end, start) >= 0 ? month_number (end) : first;
      first = MAX (first - timeline->first_month, 0);
      last = MIN (last - timeline->first_month, (int) n_months - 1);
    }

  attributions = ccp_activity_get_attributions (activity);
  g_array_set_size (timeline->rows, 0);
  for (guint j = 0; j < n_attributions; j++)
    {
      CcpAttribution *attribution = ccp_item_list_peek (attributions, j);
      guint row = timeline_row (timeline, ccp_attribution_get_city (attribution));

      /* Two copies from one city count once. */
      if (contains_row (timeline->rows, row))
        continue;
      g_array_append_val (timeline->rows, row);

      for (int m = first; m <= last; m++)
        g_array_index (timeline->counts, guint, row * n_months + m)++;
    }
}

typedef struct {
  char *collate_key;   /* g_utf8_collate_key() of the city's name */
  guint row;           /* the city's row in the order first seen */
} CityOrder;

static int
compare_city_orders (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const CityOrder *) a)->collate_key, ((const CityOrder *) b)->collate_key);
}

/* Sorts the cities by name (each name's collation key made once rather than per comparison)
 * and hands out the figures, leaving timeline empty. */
static GPtrArray *
timeline_finish (Timeline   *timeline,
                 GPtrArray **cities,
                 GArray    **counts)
{
  guint n_cities = timeline->names->len, n_months = timeline->months->len;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (CityOrder), n_cities);
  GPtrArray *names = g_ptr_array_new_full (n_cities, g_free);
  GArray *matrix = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < n_cities; r++)
    {
      CityOrder city = { g_utf8_collate_key (g_ptr_array_index (timeline->names, r), -1), r };

      g_array_append_val (order, city);
    }
  g_array_sort (order, compare_city_orders);

  g_array_set_size (matrix, n_cities * n_months);
  for (guint c = 0; c < n_cities; c++)
    {
      CityOrder *city = &g_array_index (order, CityOrder, c);

      g_ptr_array_add (names, g_ptr_array_index (timeline->names, city->row));
      if (n_months > 0)
        memcpy (&g_array_index (matrix, guint, c * n_months),
                &g_array_index (timeline->counts, guint, city->row * n_months),
                n_months * sizeof (guint));
      g_free (city->collate_key);
    }

  /* The names now belong to the sorted array. */
  g_clear_pointer (&timeline->names, g_ptr_array_unref);
  g_clear_pointer (&timeline->index, g_hash_table_unref);
  g_clear_pointer (&timeline->counts, g_array_unref);
  g_clear_pointer (&timeline->rows, g_array_unref);
  *cities = names;
  *counts = matrix;
  return g_steal_pointer (&timeline->months);
}

GPtrArray *
ccp_overview_timeline_counts (CcpFieldPlan  *field_plan,
                              GPtrArray    **cities,
                              GArray       **counts)
{
  CcpItemList *activities;
  Timeline timeline;
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  timeline_init (&timeline, field_plan);
  activities = ccp_field_plan_get_activities (field_plan);
  n = ccp_item_list_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      CcpActivity *activity = ccp_item_list_peek (activities, i);
      GDate start, end;

      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      timeline_add (activity,
                    ccp_date_parse (ccp_activity_get_start_date (activity), &start) ? &start
                                                                                  : NULL,
                    ccp_date_parse (ccp_activity_get_end_date (activity), &end) ? &end : NULL,
                    &timeline);
    }
  return timeline_finish (&timeline, cities, counts);
}

/* --- Overview data ------------------------------------------------------------------------ */

static void
overview_data_clear (CcpOverviewData *self)
{
  g_clear_object (&self->stats);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
}

CcpOverviewData *
ccp_overview_data_new (CcpFieldPlan *field_plan)
{
  CcpOverviewData *self;
  Timeline timeline;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  self = g_atomic_rc_box_new0 (CcpOverviewData);
  timeline_init (&timeline, field_plan);
  self->stats = ccp_stats_new_for_field_plan_full (field_plan, timeline_add, &timeline);
  self->months = timeline_finish (&timeline, &self->cities, &self->counts);
  return self;
}

CcpOverviewData *
ccp_overview_data_ref (CcpOverviewData *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ccp_overview_data_unref (CcpOverviewData *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) overview_data_clear);
}
