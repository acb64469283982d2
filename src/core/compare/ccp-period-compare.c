/* ccp-period-compare.c: this period beside the previous one, city by city. */
#define G_LOG_DOMAIN "ccp-period-compare"

#include "config.h"

#include <string.h>

#include "ccp-compare-private.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"

struct _CcpPeriodCompare {
  GObject    parent_instance;

  char      *previous_period;
  char      *current_period;
  guint      n_previous;
  guint      n_current;
  GPtrArray *cities;                             /* CcpPeriodCity * */
  GPtrArray *counts[CCP_COMPARE_N_DIMENSIONS];   /* CcpPeriodCount * */
};

G_DEFINE_FINAL_TYPE (CcpPeriodCompare, ccp_period_compare, G_TYPE_OBJECT)

/* One city's copy of an activity: a city plan's activity, or a field plan's activity with one
 * of its cities. */
typedef struct {
  const char  *city;
  const char  *country;
  const char  *plan_id;         /* the city plan it is from */
  const char  *activity_id;     /* its identifier there */
  const char  *id;              /* its identifier in the document compared */
  CcpActivity *values;          /* where its per-city fields are (the carried-over link) */
  gboolean     used;
} Entry;

static void
city_free (gpointer data)
{
  CcpPeriodCity *city = data;

  g_free (city->city);
  g_free (city->country);
  g_ptr_array_unref (city->new_ids);
  g_ptr_array_unref (city->continued_ids);
  g_ptr_array_unref (city->continued_from);
  g_ptr_array_unref (city->dropped_ids);
  g_free (city);
}

static void
count_free (gpointer data)
{
  CcpPeriodCount *count = data;

  g_free (count->code);
  g_free (count);
}

static void
ccp_period_compare_finalize (GObject *object)
{
  CcpPeriodCompare *self = CCP_PERIOD_COMPARE (object);

  g_free (self->previous_period);
  g_free (self->current_period);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    g_clear_pointer (&self->counts[d], g_ptr_array_unref);

  G_OBJECT_CLASS (ccp_period_compare_parent_class)->finalize (object);
}

static void
ccp_period_compare_class_init (CcpPeriodCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_period_compare_finalize;
}

static void
ccp_period_compare_init (CcpPeriodCompare *self)
{
  self->cities = g_ptr_array_new_with_free_func (city_free);
}

/* The entries of a document; the activities stay alive with the document. */
static GArray *
entries_of (GObject *document)
{
  GListModel *activities = _ccp_compare_activities (document);
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *cities = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      if (CCP_IS_PLAN (document))
        {
          CcpPlan *plan = CCP_PLAN (document);
          Entry entry = { ccp_plan_get_city (plan), ccp_plan_get_country (plan),
                          ccp_plan_get_id (plan), ccp_activity_get_id (activity),
                          ccp_activity_get_id (activity), activity, FALSE };

          g_array_append_val (entries, entry);
          continue;
        }
      for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
        {
          g_autoptr(CcpAttribution) city = g_list_model_get_item (cities, j);
          Entry entry = { ccp_attribution_get_city (city), ccp_attribution_get_country (city),
                          ccp_attribution_get_plan_id (city),
                          ccp_attribution_get_activity_id (city),
                          ccp_activity_get_id (activity), ccp_attribution_get_values (city),
                          FALSE };

          g_array_append_val (entries, entry);
        }
    }
  return entries;
}

static CcpPeriodCity *
city_for (CcpPeriodCompare *self,
          GHashTable       *by_city,
          const Entry      *entry)
{
  g_autofree char *key = g_strconcat (entry->city, "\n", entry->country, NULL);
  CcpPeriodCity *city = g_hash_table_lookup (by_city, key);

  if (city != NULL)
    return city;
  city = g_new0 (CcpPeriodCity, 1);
  city->city = g_strdup (entry->city);
  city->country = g_strdup (entry->country);
  city->new_ids = g_ptr_array_new_with_free_func (g_free);
  city->continued_ids = g_ptr_array_new_with_free_func (g_free);
  city->continued_from = g_ptr_array_new_with_free_func (g_free);
  city->dropped_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->cities, city);
  g_hash_table_insert (by_city, g_steal_pointer (&key), city);
  return city;
}

/* Previous entries by key, for find_continued(): a list of indexes per key. */
static void
index_entry (GHashTable *index,
             char       *key,
             guint       i)
{
  GArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, key, list);
    }
  else
    g_free (key);
  g_array_append_val (list, i);
}

static Entry *
take (GHashTable *index,
      const char *key,
      GArray     *entries)
{
  GArray *list = g_hash_table_lookup (index, key);

  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      Entry *entry = &g_array_index (entries, Entry, g_array_index (list, guint, k));

      if (!entry->used)
        return entry;
    }
  return NULL;
}

/* The previous entry a current one continues: its carried-over link first (an activity of
 * the previous plan it names, or of any plan when the link names none), then the same
 * identifier in the same city's plan. */
static Entry *
find_continued (GArray      *previous,
                GHashTable  *by_link,
                GHashTable  *by_city,
                const Entry *current)
{
  const char *plan = ccp_activity_get_carried_from_plan (current->values);
  const char *activity = ccp_activity_get_carried_from_activity (current->values);
  g_autofree char *link = g_strconcat (plan, "\n", activity, NULL);
  g_autofree char *same = g_strconcat (current->city, "\n", current->country, "\n",
                                       current->activity_id, NULL);
  Entry *found = NULL;

  if (*activity != '\0' && *plan != '\0')
    found = take (by_link, link, previous);
  for (guint k = 0; found == NULL && *activity != '\0' && *plan == '\0' && k < previous->len;
       k++)
    {
      Entry *p = &g_array_index (previous, Entry, k);

      if (!p->used && g_str_equal (p->activity_id, activity))
        found = p;
    }
  if (found == NULL)
    found = take (by_city, same, previous);
  return found;
}

static int
compare_cities (gconstpointer a,
                gconstpointer b)
{
  const CcpPeriodCity *x = *(const CcpPeriodCity * const *) a;
  const CcpPeriodCity *y = *(const CcpPeriodCity * const *) b;
  int by_name = g_utf8_collate (x->city, y->city);

  return by_name != 0 ? by_name : strcmp (x->country, y->country);
}

static void
count_dimension (CcpPeriodCompare    *self,
                 CcpCompareDimension  dimension,
                 GObject             *previous,
                 GObject             *current)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = NULL;
  GObject *documents[] = { previous, current };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      GListModel *activities = _ccp_compare_activities (documents[d]);

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          g_auto(GStrv) codes = _ccp_compare_codes (activity, dimension);

          for (guint k = 0; codes[k] != NULL; k++)
            g_hash_table_add (seen, g_strdup (codes[k]));
        }
    }

  order = _ccp_compare_order_codes (dimension, seen);
  self->counts[dimension] = g_ptr_array_new_with_free_func (count_free);
  for (guint i = 0; i < order->len; i++)
    {
      CcpPeriodCount *count = g_new0 (CcpPeriodCount, 1);

      count->code = g_strdup (g_ptr_array_index (order, i));
      g_ptr_array_add (self->counts[dimension], count);
      g_hash_table_insert (index, count->code, count);
    }

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      GListModel *activities = _ccp_compare_activities (documents[d]);

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          g_auto(GStrv) codes = _ccp_compare_codes (activity, dimension);

          for (guint k = 0; codes[k] != NULL; k++)
            {
              CcpPeriodCount *count = g_hash_table_lookup (index, codes[k]);

              if (d == 0)
                count->previous++;
              else
                count->current++;
            }
        }
    }
}

CcpPeriodCompare *
ccp_period_compare_new (GObject *previous,
                        GObject *current)
{
  g_autoptr(CcpPeriodCompare) self = NULL;
  g_autoptr(GHashTable) by_city = NULL;
  g_autoptr(GHashTable) by_link = NULL;
  g_autoptr(GHashTable) by_same = NULL;
  g_autoptr(GArray) old_entries = NULL;
  g_autoptr(GArray) new_entries = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (previous) || CCP_IS_FIELD_PLAN (previous), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (current) || CCP_IS_FIELD_PLAN (current), NULL);

  self = g_object_new (CCP_TYPE_PERIOD_COMPARE, NULL);
  g_object_get (previous, "period", &self->previous_period, NULL);
  g_object_get (current, "period", &self->current_period, NULL);
  self->n_previous = g_list_model_get_n_items (_ccp_compare_activities (previous));
  self->n_current = g_list_model_get_n_items (_ccp_compare_activities (current));

  by_city = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  old_entries = entries_of (previous);
  new_entries = entries_of (current);

  by_link = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_array_unref);
  by_same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < old_entries->len; i++)
    {
      Entry *entry = &g_array_index (old_entries, Entry, i);

      city_for (self, by_city, entry)->n_previous++;
      index_entry (by_link, g_strconcat (entry->plan_id, "\n", entry->activity_id, NULL), i);
      index_entry (by_same, g_strconcat (entry->city, "\n", entry->country, "\n",
                                         entry->activity_id, NULL), i);
    }
  for (guint i = 0; i < new_entries->len; i++)
    {
      Entry *entry = &g_array_index (new_entries, Entry, i);
      CcpPeriodCity *city = city_for (self, by_city, entry);
      Entry *from = find_continued (old_entries, by_link, by_same, entry);

      city->n_current++;
      if (from == NULL)
        {
          g_ptr_array_add (city->new_ids, g_strdup (entry->id));
          continue;
        }
      from->used = TRUE;
      g_ptr_array_add (city->continued_ids, g_strdup (entry->id));
      g_ptr_array_add (city->continued_from, g_strdup (from->id));
    }
  for (guint i = 0; i < old_entries->len; i++)
    {
      Entry *entry = &g_array_index (old_entries, Entry, i);

      if (!entry->used)
        g_ptr_array_add (city_for (self, by_city, entry)->dropped_ids, g_strdup (entry->id));
    }
  g_ptr_array_sort (self->cities, compare_cities);

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    count_dimension (self, d, previous, current);
  return g_steal_pointer (&self);
}

const char *
ccp_period_compare_get_previous_period (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), NULL);
  return self->previous_period;
}

const char *
ccp_period_compare_get_current_period (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), NULL);
  return self->current_period;
}

guint
ccp_period_compare_get_n_previous (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return self->n_previous;
}

guint
ccp_period_compare_get_n_current (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return self->n_current;
}

guint
ccp_period_compare_get_n_cities (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return self->cities->len;
}

const CcpPeriodCity *
ccp_period_compare_get_city (CcpPeriodCompare *self,
                             guint             index)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->cities->len, NULL);
  return g_ptr_array_index (self->cities, index);
}

static guint
total (CcpPeriodCompare *self,
       gsize             offset)
{
  guint n = 0;

  for (guint i = 0; i < self->cities->len; i++)
    {
      CcpPeriodCity *city = g_ptr_array_index (self->cities, i);

      n += (*(GPtrArray **) G_STRUCT_MEMBER_P (city, offset))->len;
    }
  return n;
}

guint
ccp_period_compare_get_n_new (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return total (self, G_STRUCT_OFFSET (CcpPeriodCity, new_ids));
}

guint
ccp_period_compare_get_n_continued (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return total (self, G_STRUCT_OFFSET (CcpPeriodCity, continued_ids));
}

guint
ccp_period_compare_get_n_dropped (CcpPeriodCompare *self)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), 0);
  return total (self, G_STRUCT_OFFSET (CcpPeriodCity, dropped_ids));
}

GPtrArray *
ccp_period_compare_get_counts (CcpPeriodCompare    *self,
                               CcpCompareDimension  dimension)
{
  g_return_val_if_fail (CCP_IS_PERIOD_COMPARE (self), NULL);
  g_return_val_if_fail ((guint) dimension < CCP_COMPARE_N_DIMENSIONS, NULL);
  return self->counts[dimension];
}
