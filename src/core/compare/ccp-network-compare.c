/* ccp-network-compare.c: the creative fields of the network overview side by side. */
#define G_LOG_DOMAIN "ccp-network-compare"

#include "config.h"

#include <string.h>

#include "ccp-network-compare.h"
#include "ccp-compare-private.h"
#include "ccp-activity.h"
#include "ccp-amount.h"
#include "ccp-attribution.h"
#include "ccp-field-plan.h"
#include "ccp-partner.h"
#include "ccp-source.h"
#include "ccp-vocabulary.h"

struct _CcpNetworkCompare {
  GObject    parent_instance;

  GPtrArray *fields;                             /* CcpNetworkField * */
  GPtrArray *shares[CCP_COMPARE_N_DIMENSIONS];   /* CcpNetworkShare * */
  GStrv      currencies;
};

G_DEFINE_FINAL_TYPE (CcpNetworkCompare, ccp_network_compare, G_TYPE_OBJECT)

static void
budget_free (gpointer data)
{
  CcpNetworkBudget *budget = data;

  g_free (budget->currency);
  g_free (budget);
}

static void
field_free (gpointer data)
{
  CcpNetworkField *field = data;

  g_free (field->field);
  g_ptr_array_unref (field->budgets);
  g_free (field);
}

static void
share_free (gpointer data)
{
  CcpNetworkShare *share = data;

  g_free (share->code);
  g_free (share->counts);
  g_free (share->shares);
  g_free (share);
}

static void
ccp_network_compare_finalize (GObject *object)
{
  CcpNetworkCompare *self = CCP_NETWORK_COMPARE (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    g_clear_pointer (&self->shares[d], g_ptr_array_unref);
  g_strfreev (self->currencies);

  G_OBJECT_CLASS (ccp_network_compare_parent_class)->finalize (object);
}

static void
ccp_network_compare_class_init (CcpNetworkCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ccp_network_compare_finalize;
}

static void
ccp_network_compare_init (CcpNetworkCompare *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

static char *
city_key (const char *city,
          const char *country)
{
  return g_strconcat (city, "\n", country, NULL);
}

/* Where each city's field is found: its plan's source, else the roster. */
typedef struct {
  GHashTable *by_plan;    /* plan id -> field */
  GHashTable *by_city;    /* city "\n" country -> field */
  const char *fallback;   /* the field plan's own field, unless it is the network */
} FieldFinder;

static const char *
field_of (const FieldFinder *finder,
          CcpAttribution    *city)
{
  g_autofree char *key = city_key (ccp_attribution_get_city (city),
                                   ccp_attribution_get_country (city));
  const char *field = g_hash_table_lookup (finder->by_plan, ccp_attribution_get_plan_id (city));

  if (field == NULL)
    field = g_hash_table_lookup (finder->by_city, key);
  return field != NULL ? field : finder->fallback;
}

static int
compare_budgets (gconstpointer a,
                 gconstpointer b)
{
  const CcpNetworkBudget *x = *(const CcpNetworkBudget * const *) a;
  const CcpNetworkBudget *y = *(const CcpNetworkBudget * const *) b;

  return strcmp (x->currency, y->currency);
}

static void
add_budget (CcpNetworkField *field,
            CcpActivity     *values,
            GHashTable      *currencies)
{
  const char *currency = ccp_activity_get_budget_currency (values);
  CcpNetworkBudget *budget = NULL;
  gint64 cents;

  if (!ccp_amount_parse (ccp_activity_get_budget_amount (values), &cents))
    return;
  for (guint i = 0; i < field->budgets->len && budget == NULL; i++)
    {
      CcpNetworkBudget *b = g_ptr_array_index (field->budgets, i);

      if (g_str_equal (b->currency, currency))
        budget = b;
    }
  if (budget == NULL)
    {
      budget = g_new0 (CcpNetworkBudget, 1);
      budget->currency = g_strdup (currency);
      g_ptr_array_add (field->budgets, budget);
      g_hash_table_add (currencies, g_strdup (currency));
    }
  if (ccp_amount_add (&budget->cents, cents))
    budget->contributions++;
}

static CcpNetworkField *
field_entry (GHashTable *fields,
             const char *code)
{
  CcpNetworkField *field = g_hash_table_lookup (fields, code);

  if (field == NULL)
    {
      field = g_new0 (CcpNetworkField, 1);
      field->field = g_strdup (code);
      field->budgets = g_ptr_array_new_with_free_func (budget_free);
      g_hash_table_insert (fields, field->field, field);
    }
  return field;
}

static void
count_shares (CcpNetworkCompare *self,
              GListModel        *activities,
              GPtrArray        **fields_of)
{
  GHashTable *index[CCP_COMPARE_N_DIMENSIONS];
  guint n_fields = self->fields->len;

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) order = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          g_auto(GStrv) codes = _ccp_compare_codes (activity, d);

          for (guint k = 0; codes[k] != NULL; k++)
            g_hash_table_add (seen, g_strdup (codes[k]));
        }
      order = _ccp_compare_order_codes (d, seen);
      self->shares[d] = g_ptr_array_new_with_free_func (share_free);
      index[d] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < order->len; i++)
        {
          CcpNetworkShare *share = g_new0 (CcpNetworkShare, 1);

          share->code = g_strdup (g_ptr_array_index (order, i));
          share->counts = g_new0 (guint, n_fields + 1);
          share->shares = g_new0 (double, n_fields + 1);
          g_ptr_array_add (self->shares[d], share);
          g_hash_table_insert (index[d], share->code, share);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GPtrArray *in = fields_of[i];

      for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
        {
          g_auto(GStrv) codes = _ccp_compare_codes (activity, d);

          for (guint k = 0; codes[k] != NULL; k++)
            {
              CcpNetworkShare *share = g_hash_table_lookup (index[d], codes[k]);

              for (guint f = 0; f < in->len; f++)
                share->counts[GPOINTER_TO_UINT (g_ptr_array_index (in, f))]++;
            }
        }
    }

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      for (guint i = 0; i < self->shares[d]->len; i++)
        {
          CcpNetworkShare *share = g_ptr_array_index (self->shares[d], i);

          for (guint f = 0; f < n_fields; f++)
            {
              const CcpNetworkField *field = g_ptr_array_index (self->fields, f);

              share->shares[f] = field->activities > 0
                ? (double) share->counts[f] / field->activities : 0.0;
            }
        }
      g_hash_table_unref (index[d]);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Fields in the vocabulary's order, then the others sorted. */
static void
order_fields (CcpNetworkCompare *self,
              GHashTable        *fields)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char * const *terms = vocabulary != NULL ? ccp_vocabulary_get_codes (vocabulary, "field")
                                                 : NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      CcpNetworkField *field = g_hash_table_lookup (fields, terms[i]);

      if (field != NULL)
        g_ptr_array_add (self->fields, field);
    }
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      if (terms == NULL || !g_strv_contains (terms, code))
        g_ptr_array_add (unknown, code);
    }
  g_ptr_array_sort (unknown, compare_strings);
  for (guint i = 0; i < unknown->len; i++)
    g_ptr_array_add (self->fields, g_hash_table_lookup (fields, g_ptr_array_index (unknown, i)));
}

CcpNetworkCompare *
ccp_network_compare_new (CcpFieldPlan *field_plan)
{
  g_autoptr(CcpNetworkCompare) self = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GHashTable) planned = NULL;
  g_autoptr(GHashTable) currencies = NULL;
  g_autoptr(GPtrArray) currency_list = NULL;
  g_autoptr(GPtrArray) fields_of = NULL;
  GListModel *roster, *sources, *activities;
  FieldFinder finder = { 0 };
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  self = g_object_new (CCP_TYPE_NETWORK_COMPARE, NULL);
  /* Owns the entries until they are ordered into self->fields. */
  fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  finder.by_plan = g_hash_table_new (g_str_hash, g_str_equal);
  finder.by_city = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  finder.fallback = g_strcmp0 (ccp_field_plan_get_field (field_plan), CCP_FIELD_NETWORK) != 0
                    ? ccp_field_plan_get_field (field_plan) : NULL;
  if (finder.fallback != NULL && *finder.fallback == '\0')
    finder.fallback = NULL;

  roster = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (roster, i);
      const char *code = *ccp_partner_get_field (member) != '\0'
                         ? ccp_partner_get_field (member) : finder.fallback;

      if (code == NULL)
        continue;
      field_entry (fields, code)->cities_expected++;
      g_hash_table_insert (finder.by_city, city_key (ccp_partner_get_name (member),
                                                     ccp_partner_get_country (member)),
                           (gpointer) code);
    }

  sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      const char *code = *ccp_source_get_field (source) != '\0'
                         ? ccp_source_get_field (source) : finder.fallback;
      g_autofree char *planned_key = NULL;

      if (code == NULL || *ccp_source_get_plan_id (source) == '\0')
        continue;
      g_hash_table_insert (finder.by_plan, (gpointer) ccp_source_get_plan_id (source),
                           (gpointer) code);
      if (ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED ||
          *ccp_source_get_city (source) == '\0')
        continue;
      planned_key = g_strconcat (code, "\n", ccp_source_get_city (source), "\n",
                                 ccp_source_get_country (source), NULL);
      if (g_hash_table_add (planned, g_steal_pointer (&planned_key)))
        field_entry (fields, code)->cities_with_plan++;
    }

  activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  fields_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *cities = G_LIST_MODEL (ccp_activity_get_attributions (activity));
      g_autoptr(GPtrArray) in = g_ptr_array_new ();

      for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
        {
          g_autoptr(CcpAttribution) city = g_list_model_get_item (cities, j);
          const char *code = field_of (&finder, city);
          CcpNetworkField *field;

          if (code == NULL)
            continue;
          field = field_entry (fields, code);
          add_budget (field, ccp_attribution_get_values (city), currencies);
          if (g_ptr_array_find (in, field, NULL))
            continue;
          g_ptr_array_add (in, field);
          field->activities++;
          if (g_str_equal (ccp_activity_get_scope (activity), "international"))
            field->international++;
          else if (g_str_equal (ccp_activity_get_scope (activity), "local"))
            field->local++;
          if (ccp_activity_get_flagship (activity))
            field->flagships++;
        }
      g_ptr_array_add (fields_of, g_steal_pointer (&in));
    }

  order_fields (self, fields);
  /* The activities' fields as indexes into self->fields, for the shares. */
  for (guint i = 0; i < fields_of->len; i++)
    {
      GPtrArray *in = g_ptr_array_index (fields_of, i);

      for (guint k = 0; k < in->len; k++)
        {
          guint index = 0;

          g_ptr_array_find (self->fields, g_ptr_array_index (in, k), &index);
          g_ptr_array_index (in, k) = GUINT_TO_POINTER (index);
        }
    }
  count_shares (self, activities, (GPtrArray **) fields_of->pdata);

  for (guint f = 0; f < self->fields->len; f++)
    {
      CcpNetworkField *field = g_ptr_array_index (self->fields, f);

      g_ptr_array_sort (field->budgets, compare_budgets);
    }
  currency_list = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, currencies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (currency_list, g_strdup (key));
  g_ptr_array_sort (currency_list, compare_strings);
  g_ptr_array_add (currency_list, NULL);
  self->currencies = (GStrv) g_ptr_array_free (g_steal_pointer (&currency_list), FALSE);

  g_hash_table_unref (finder.by_plan);
  g_hash_table_unref (finder.by_city);
  return g_steal_pointer (&self);
}

guint
ccp_network_compare_get_n_fields (CcpNetworkCompare *self)
{
  g_return_val_if_fail (CCP_IS_NETWORK_COMPARE (self), 0);
  return self->fields->len;
}

const CcpNetworkField *
ccp_network_compare_get_field (CcpNetworkCompare *self,
                               guint              index)
{
  g_return_val_if_fail (CCP_IS_NETWORK_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  return g_ptr_array_index (self->fields, index);
}

GPtrArray *
ccp_network_compare_get_shares (CcpNetworkCompare   *self,
                                CcpCompareDimension  dimension)
{
  g_return_val_if_fail (CCP_IS_NETWORK_COMPARE (self), NULL);
  g_return_val_if_fail ((guint) dimension < CCP_COMPARE_N_DIMENSIONS, NULL);
  return self->shares[dimension];
}

const char * const *
ccp_network_compare_get_currencies (CcpNetworkCompare *self)
{
  g_return_val_if_fail (CCP_IS_NETWORK_COMPARE (self), NULL);
  return (const char * const *) self->currencies;
}

const CcpNetworkBudget *
ccp_network_field_get_budget (const CcpNetworkField *field,
                              const char            *currency)
{
  g_return_val_if_fail (field != NULL && currency != NULL, NULL);

  for (guint i = 0; i < field->budgets->len; i++)
    {
      const CcpNetworkBudget *budget = g_ptr_array_index (field->budgets, i);

      if (g_str_equal (budget->currency, currency))
        return budget;
    }
  return NULL;
}
