/* ccp-report-value.c: the JSON codec of the values stored in merge report items.
 *
 * Format 1.1 writes no JSON: the encoder only serves in memory (the merge's tie-breaking
 * fingerprint) and the tests; the decoder reads format 1.0 files, with the bounds of
 * ccp-legacy-value.h. */
#define G_LOG_DOMAIN "ccp-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ccp-activity.h"
#include "ccp-legacy-value.h"
#include "ccp-report-value.h"
#include "ccp-vocabulary.h"

static gboolean
has_rows (const CcpActivityField *field)
{
  return field->get_list != NULL || field->type == CCP_FIELD_TYPE_TEXTS;
}

static char *
encode_rows_json (const CcpActivityField *field,
                  CcpActivity            *activity)
{
  g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (field, activity);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      /* TEXTS: a string per text; lists: an array of the item's fields. */
      if (field->items == NULL)
        {
          json_builder_add_string_value (builder, row[0]);
          continue;
        }
      json_builder_begin_array (builder);
      for (guint j = 0; row[j] != NULL; j++)
        json_builder_add_string_value (builder, row[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
ccp_report_value_encode (const CcpActivityField *field,
                         CcpActivity            *activity)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), NULL);

  if (has_rows (field))
    return encode_rows_json (field, activity);
  return ccp_activity_field_to_string (field, activity);
}

/* Bounded: see ccp-legacy-value.h. */
static GPtrArray *
decode_json_rows (const char *value,
                  guint       width)
{
  return ccp_legacy_value_decode_rows (value, width);
}

static guint
n_item_fields (const CcpActivityField *field)
{
  guint n = 0;

  while (field->items != NULL && field->items[n].name != NULL)
    n++;
  return n;
}

gboolean
ccp_report_value_decode (const CcpActivityField *field,
                         CcpActivity            *activity,
                         const char             *value)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (CCP_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!has_rows (field))
    return ccp_activity_field_from_string (field, activity, value);

  rows = decode_json_rows (value, n_item_fields (field));
  if (rows == NULL)
    return FALSE;
  ccp_activity_field_set_rows (field, activity, rows);
  return TRUE;
}

/* The translated label of a code, or the code itself when the vocabulary does not know it. */
static const char *
code_label (const char *vocabulary,
            const char *code)
{
  const char *label = NULL;

  if (vocabulary != NULL && g_strcmp0 (vocabulary, "country") != 0 && *code != '\0')
    label = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), vocabulary, code);
  return label != NULL ? label : code;
}

/* Replaces the codes of a list's items (a partner city's field, an organisation's sector) by
 * their labels; countries stay ISO codes, as the report's "Bologna (IT)" has them. */
static void
label_rows (const CcpActivityField *field,
            GPtrArray              *rows)
{
  for (guint i = 0; rows != NULL && field->items != NULL && i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint j = 0; row[j] != NULL && field->items[j].name != NULL; j++)
        if (field->items[j].type == CCP_FIELD_TYPE_CODE)
          {
            char *label = g_strdup (code_label (field->items[j].vocabulary, row[j]));

            g_free (row[j]);
            row[j] = label;
          }
    }
}

static char *
readable (const CcpActivityField *field,
          const char             *value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (field != NULL && field->type == CCP_FIELD_TYPE_CODE)
    g_string_append (text, code_label (field->vocabulary, value));
  else if (value[0] == '[')
    {
      /* Partner cities have the widest items; narrower ones come out with empty fields. */
      g_autoptr(GPtrArray) rows = field != NULL && field->items != NULL
                                  ? decode_json_rows (value, n_item_fields (field))
                                  : decode_json_rows (value, 3);

      if (rows == NULL)
        rows = decode_json_rows (value, 0);
      else if (field != NULL)
        label_rows (field, rows);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (i > 0)
            g_string_append (text, "; ");
          for (guint j = 0; row[j] != NULL; j++)
            {
              if (*row[j] == '\0')
                continue;
              if (j > 0)
                g_string_append (text, ", ");
              g_string_append (text, row[j]);
            }
        }
      if (rows == NULL)
        g_string_append (text, value);
    }
  else
    g_string_append (text, value);

  if (g_utf8_strlen (text->str, -1) > 80)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, 77);

      g_string_truncate (text, cut - text->str);
      g_string_append (text, "…");
    }
  if (text->len == 0)
    /* Translators: an empty value in the merge report */
    g_string_append (text, _("(empty)"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ccp_report_value_readable (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return readable (NULL, value);
}

char *
ccp_report_value_readable_field (const CcpActivityField *field,
                                 const char             *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return readable (field, value);
}
