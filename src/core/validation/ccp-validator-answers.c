/* ccp-validator-answers.c: the "no relevant information" answers given with values: which
 * one is meant? */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-validator-private.h"

/* The messages of the answers, by the name of their row. */
static const struct {
  const char *field;
  const char *message;
} none_texts[] = {
  { "sdgs-none",
    N_("The Sustainable Development Goals are answered “no relevant information” but "
       "goals are selected too: remove them or the answer") },
  { "partner-cities-none",
    N_("The partner cities are answered “no relevant information” but "
       "cities are listed too: remove them or the answer") },
  { "partner-organisations-none",
    N_("The partner organisations are answered “no relevant information” but "
       "organisations are listed too: remove them or the answer") },
  { "budget-none",
    N_("The budget is answered “no relevant information” but "
       "an amount or currency is given too: remove it or the answer") },
  { "funding-none",
    N_("The funding is answered “no relevant information” but "
       "sources are listed too: remove them or the answer") },
  { "results-none",
    N_("The expected results are answered “no relevant information” but "
       "results are listed too: remove them or the answer") },
};

/* Whether a row other than the answer holds a value (blank text is no value). */
static gboolean
row_has_value (const CcpActivityField *field,
               CcpActivity            *activity)
{
  if (field->get_string != NULL)
    return !_ccp_is_blank (field->get_string (activity));
  return !ccp_activity_field_is_empty (field, activity);
}

/* An answer and its values: the other rows of its element (amount and currency). Found once
 * in the field table rather than for every activity. */
typedef struct {
  const CcpActivityField  *answer;
  const char              *message;   /* untranslated */
  const CcpActivityField **rows;      /* NULL-terminated */
} Answer;

static const Answer *
answers (void)
{
  static Answer *table = NULL;

  if (g_once_init_enter (&table))
    {
      GArray *found = g_array_new (TRUE, TRUE, sizeof (Answer));
      guint n_fields;
      const CcpActivityField *fields = ccp_activity_fields (&n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          Answer answer = { &fields[i], NULL, NULL };
          GPtrArray *rows;

          if (fields[i].type != CCP_FIELD_TYPE_NONE_ANSWER)
            continue;
          rows = g_ptr_array_new ();
          for (guint j = 0; j < n_fields; j++)
            if (fields[j].type != CCP_FIELD_TYPE_NONE_ANSWER &&
                g_strcmp0 (fields[j].element, fields[i].element) == 0)
              g_ptr_array_add (rows, (gpointer) &fields[j]);
          g_ptr_array_add (rows, NULL);
          answer.rows = (const CcpActivityField **) g_ptr_array_free (rows, FALSE);
          for (gsize k = 0; k < G_N_ELEMENTS (none_texts); k++)
            if (g_str_equal (none_texts[k].field, fields[i].name))
              answer.message = none_texts[k].message;
          g_array_append_val (found, answer);
        }
      g_once_init_leave (&table, (Answer *) g_array_free (found, FALSE));
    }
  return table;
}

void
_ccp_check_none_with_values (Checker     *c,
                             CcpActivity *activity,
                             gboolean     per_city_only)
{
  for (const Answer *a = answers (); a->answer != NULL; a++)
    {
      const char *message;
      gboolean has_values = FALSE;

      if (!a->answer->get_flag (activity) ||
          (per_city_only && a->answer->share != CCP_FIELD_SHARE_PER_CITY))
        continue;
      for (guint j = 0; a->rows[j] != NULL && !has_values; j++)
        has_values = row_has_value (a->rows[j], activity);
      if (!has_values)
        continue;

      if (a->message != NULL)
        message = _(a->message);
      else
        {
          g_critical ("No message for the answer %s", a->answer->name);
          message = a->answer->name;
        }
      ADD_ISSUE (c, CCP_SEVERITY_WARNING, "none-with-values",
                 _ccp_checker_path (c, "%s", a->answer->name), "%s", message);
    }
}
