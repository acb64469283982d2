/* ccp-merge-target.c: the field and period merged into: from the options, the field plan
 * merged into, or the ones most inputs have. */
#define G_LOG_DOMAIN "ccp-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-data.h"
#include "ccp-field-plan.h"
#include "ccp-merge-private.h"
#include "ccp-plan.h"
#include "ccp-vocabulary.h"

static const char *
document_field (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_field (CCP_PLAN (document));
  return ccp_field_plan_get_field (CCP_FIELD_PLAN (document));
}

static const char *
document_period (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_plan_get_period (CCP_PLAN (document));
  return ccp_field_plan_get_period (CCP_FIELD_PLAN (document));
}

/* The key counted most often; ties go to the smallest key, so the order of the inputs never
 * matters. NULL when the table is empty. */
static char *
most_common (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (count > best_count || (count == best_count && strcmp (key, best) < 0))
        {
          best = key;
          best_count = count;
        }
    }

  return g_strdup (best);
}

static void
count_key (GHashTable *counts,
           const char *key)
{
  g_hash_table_insert (counts, (gpointer) key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/* With no field or period given: the field and period most of the inputs have, among the valid
 * ones (a known field, a real calendar half), so that neither a stray file nor the order of the
 * inputs decides the target. Field plans of several fields make a network overview. */
static void
choose_automatic_target (CcpMerge   *self,
                         const char *fixed_field,
                         char      **field_out,
                         char      **period_out)
{
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) periods = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) any_periods = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean all_field_plans = TRUE;
  const char *field = fixed_field;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      const char *input_field;

      if (input->document == NULL)
        continue;
      if (!CCP_IS_FIELD_PLAN (input->document))
        all_field_plans = FALSE;
      input_field = document_field (input->document);
      if (ccp_vocabulary_has_term (vocabulary, "field", input_field))
        count_key (fields, input_field);
    }

  if (str_empty (field))
    {
      *field_out = all_field_plans && g_hash_table_size (fields) > 1
                   ? g_strdup (CCP_FIELD_NETWORK)
                   : most_common (fields);
      field = *field_out;
    }

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      const char *input_period;

      if (input->document == NULL)
        continue;
      input_period = document_period (input->document);
      if (!ccp_period_parse (input_period, NULL, NULL))
        continue;
      count_key (any_periods, input_period);
      if (g_strcmp0 (field, CCP_FIELD_NETWORK) == 0 ||
          g_strcmp0 (document_field (input->document), field) == 0)
        count_key (periods, input_period);
    }

  /* The period of the target field's plans, else of any plan. */
  *period_out = most_common (g_hash_table_size (periods) > 0 ? periods : any_periods);
}

gboolean
_ccp_merge_determine_target (CcpMerge  *self,
                  GError   **error)
{
  const char *field = self->field;
  const char *period = self->period;
  g_autofree char *automatic_field = NULL;
  g_autofree char *automatic_period = NULL;

  if (!str_empty (period) && !ccp_period_parse (period, NULL, NULL))
    {
      g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_INVALID_OPTION,
                   /* Translators: %s is what was given as a period */
                   _("“%s” is not a period: expected a calendar half such as 2027-H1"), period);
      return FALSE;
    }

  if (self->into != NULL)
    {
      const char *into_field = ccp_field_plan_get_field (self->into);
      const char *into_period = ccp_field_plan_get_period (self->into);

      if (!str_empty (field) && !g_str_equal (field, into_field))
        {
          g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_MISMATCH,
                       /* Translators: both %s are creative field codes, e.g. "music" */
                       _("The field plan merged into is for the field “%s”, not “%s”"),
                       into_field, field);
          return FALSE;
        }
      if (!str_empty (period) && !g_str_equal (period, into_period))
        {
          g_set_error (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_MISMATCH,
                       /* Translators: both %s are periods, e.g. "2027-H1" */
                       _("The field plan merged into is for the period %s, not %s"),
                       into_period, period);
          return FALSE;
        }
      field = into_field;
      period = into_period;
    }

  if (str_empty (field) || str_empty (period))
    {
      g_autofree char *chosen_field = NULL;
      g_autofree char *chosen_period = NULL;

      choose_automatic_target (self, field, &chosen_field, &chosen_period);
      if (str_empty (field))
        field = automatic_field = g_steal_pointer (&chosen_field);
      if (str_empty (period))
        period = automatic_period = g_steal_pointer (&chosen_period);
    }

  /* No input with a known field and a real period: nothing can be merged, and an empty target
   * would accept inputs just as broken. */
  if (str_empty (field) || str_empty (period))
    {
      g_set_error_literal (error, CCP_MERGE_ERROR, CCP_MERGE_ERROR_NOTHING_USABLE,
                           _("No city plan could be merged: no file has a known creative field "
                             "and a valid period"));
      return FALSE;
    }

  self->network = g_strcmp0 (field, CCP_FIELD_NETWORK) == 0;

  self->target_field = g_strdup (field != NULL ? field : "");
  self->target_period = g_strdup (period != NULL ? period : "");
  return TRUE;
}
