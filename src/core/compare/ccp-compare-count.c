/* ccp-compare-count.c: the codes an activity counts under, in the comparisons' order. */
#define G_LOG_DOMAIN "ccp-compare"

#include "config.h"

#include <string.h>

#include "ccp-compare-private.h"
#include "ccp-activity.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"
#include "ccp-vocabulary.h"

static const char * const dimension_codes[CCP_COMPARE_N_DIMENSIONS] = {
  [CCP_COMPARE_OBJECTIVE] = "objective",
  [CCP_COMPARE_AREA] = "area",
  [CCP_COMPARE_SDG] = "sdg",
  [CCP_COMPARE_KIND] = "kind",
};

const char *
ccp_compare_dimension_to_code (CcpCompareDimension dimension)
{
  g_return_val_if_fail ((guint) dimension < CCP_COMPARE_N_DIMENSIONS, NULL);
  return dimension_codes[dimension];
}

char **
_ccp_compare_codes (CcpActivity         *activity,
                    CcpCompareDimension  dimension)
{
  const char *kind[2] = { NULL, NULL };
  const char * const *codes = kind;

  switch (dimension)
    {
    case CCP_COMPARE_OBJECTIVE:
      codes = ccp_activity_get_objectives (activity);
      break;
    case CCP_COMPARE_AREA:
      codes = ccp_activity_get_areas (activity);
      break;
    case CCP_COMPARE_SDG:
      codes = ccp_activity_get_sdgs (activity);
      break;
    case CCP_COMPARE_KIND:
    case CCP_COMPARE_N_DIMENSIONS:
    default:
      if (*ccp_activity_get_kind (activity) != '\0')
        kind[0] = ccp_activity_get_kind (activity);
      break;
    }
  /* The setters keep code lists sorted and unique. */
  return g_strdupv ((char **) codes);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
_ccp_compare_order_codes (CcpCompareDimension  dimension,
                          GHashTable          *seen)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *name = dimension_codes[dimension];
  const char * const *terms = vocabulary != NULL ? ccp_vocabulary_get_codes (vocabulary, name)
                                                 : NULL;
  GPtrArray *ordered = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    g_ptr_array_add (ordered, g_strdup (terms[i]));
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      if (terms == NULL || !g_strv_contains (terms, code))
        g_ptr_array_add (unknown, code);
    }
  g_ptr_array_sort (unknown, compare_strings);
  for (guint i = 0; i < unknown->len; i++)
    g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (unknown, i)));
  return ordered;
}

GListModel *
_ccp_compare_activities (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document)));
  return G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)));
}
