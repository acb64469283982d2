/* ccp-export-csv.c: CSV export (RFC 4180) of a city plan or a field plan, and the shared entry
 * points of ccp-export.h. */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <string.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-export.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-plan.h"
#include "ccp-source.h"

/* CSV is data exchange, not a report: codes, ISO 8601 dates and "."-decimal amounts exactly as
 * the plan file has them, never ccp-format.h's display forms, so that a spreadsheet or a script
 * reads the same bytes whatever the language and locale of whoever exported them. One exception:
 * a cell that a spreadsheet would take for a formula (see append_field()).
 *
 * The columns are the fields of the table (ccp-activity-field.h), each under its csv_column,
 * and the document's columns, which say where an activity comes from. */

/* The document's columns, after the identifier (values given to append_row() in this order). */
static const char * const document_columns[] = {
  "city", "country", "field", "period", "plan", "plan_activity"
};

/* After them, what a reader of the sheet looks for first; then the other fields in table
 * order. */
static const char * const leading_fields[] = { "title", "description" };

typedef struct
{
  const char             *name;
  const CcpActivityField *field;  /* NULL: the document column `document` */
  guint                   document;
} Column;

typedef struct
{
  GArray      *columns;  /* Column */
  const char **names;    /* NULL-terminated */
} Columns;

static void
add_field_column (GArray                 *columns,
                  const CcpActivityField *field)
{
  Column column = { field->csv_column, field, 0 };

  g_array_append_val (columns, column);
}

static gboolean
is_leading (const CcpActivityField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (leading_fields); i++)
    {
      if (g_str_equal (field->name, leading_fields[i]))
        return TRUE;
    }
  return FALSE;
}

static Columns *
columns_new (void)
{
  Columns *self = g_new0 (Columns, 1);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  const CcpActivityField *id = ccp_activity_field_find ("id");

  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  add_field_column (self->columns, id);
  for (guint i = 0; i < G_N_ELEMENTS (document_columns); i++)
    {
      Column column = { document_columns[i], NULL, i };

      g_array_append_val (self->columns, column);
    }
  for (guint i = 0; i < G_N_ELEMENTS (leading_fields); i++)
    add_field_column (self->columns, ccp_activity_field_find (leading_fields[i]));
  for (guint i = 0; i < n_fields; i++)
    {
      if (&fields[i] != id && !is_leading (&fields[i]) && fields[i].csv_column != NULL &&
          !(fields[i].flags & CCP_FIELD_FLAGS_NO_EXPORT))
        add_field_column (self->columns, &fields[i]);
    }

  self->names = g_new0 (const char *, self->columns->len + 1);
  for (guint i = 0; i < self->columns->len; i++)
    self->names[i] = g_array_index (self->columns, Column, i).name;
  return self;
}

static const Columns *
columns (void)
{
  static Columns *columns = NULL;

  if (g_once_init_enter (&columns))
    g_once_init_leave (&columns, columns_new ());
  return columns;
}

const char * const *
ccp_export_csv_columns (void)
{
  return columns ()->names;
}

gboolean
ccp_export_format_from_string (const char      *text,
                               CcpExportFormat *format)
{
  CcpExportFormat value;

  /* One table of names (ccp_export_format_from_name()); this older entry point knows the two
   * formats that ccp_export() writes. */
  if (!ccp_export_format_from_name (text, &value) ||
      (value != CCP_EXPORT_FORMAT_CSV && value != CCP_EXPORT_FORMAT_HTML))
    return FALSE;

  if (format != NULL)
    *format = value;
  return TRUE;
}

/* A text from a city plan that starts with = + - @, a tab or a carriage return would run as a
 * formula when the coordinator opens the file in a spreadsheet (=HYPERLINK() can send data
 * away): such a cell starts with an apostrophe, which spreadsheets read as "this is text"
 * (OWASP's advice on CSV injection). Codes, dates and valid amounts never start so. */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  g_autofree char *guarded = looks_like_formula (value) ? g_strconcat ("'", value, NULL) : NULL;
  gsize len;
  gboolean quote;

  if (guarded != NULL)
    value = guarded;
  len = strlen (value);
  quote = strpbrk (value, ",\"\r\n") != NULL ||
          (len > 0 && (value[0] == ' ' || value[len - 1] == ' '));

  if (!first)
    g_string_append_c (out, ',');

  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
join (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/* A list item: its first field, then the others in parentheses, "name (country, field)"; the
 * optional ones that are empty are left out, with the parentheses when nothing is left. */
static char *
item_text (const CcpActivityField *field,
           GObject                *item)
{
  GString *text = g_string_new (field->items[0].get (item));
  guint n = 0;

  for (const CcpItemField *f = &field->items[1]; f->name != NULL; f++)
    {
      const char *value = f->get (item);

      if (ccp_activity_field_item_is_optional (field, f) && *value == '\0')
        continue;
      g_string_append (text, n++ == 0 ? " (" : ", ");
      g_string_append (text, value);
    }
  if (n > 0)
    g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}

/* The cell of a field: strings as they are, flags as "true" or "false", codes, texts and list
 * items joined by "; ". */
static char *
field_cell (const CcpActivityField *field,
            CcpActivity            *activity)
{
  g_autoptr(GPtrArray) parts = NULL;
  GListModel *list;

  if (field->get_string != NULL || field->get_flag != NULL)
    return ccp_activity_field_to_string (field, activity);
  if (field->get_strv != NULL)
    {
      const char * const *strv = field->get_strv (activity);

      return strv != NULL ? g_strjoinv ("; ", (char **) strv) : g_strdup ("");
    }

  parts = g_ptr_array_new_with_free_func (g_free);
  list = G_LIST_MODEL (field->get_list (activity));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_ptr_array_add (parts, item_text (field, item));
    }
  return join (parts);
}

/* The field of a city of a network overview comes from its source. */
static const char *
source_field (CcpFieldPlan   *field_plan,
              CcpAttribution *attribution)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED &&
          g_str_equal (ccp_source_get_city (source), ccp_attribution_get_city (attribution)) &&
          g_str_equal (ccp_source_get_country (source),
                       ccp_attribution_get_country (attribution)) &&
          g_str_equal (ccp_source_get_plan_id (source), ccp_attribution_get_plan_id (attribution)))
        return ccp_source_get_field (source);
    }
  return ccp_field_plan_get_field (field_plan);
}

static void
append_row (GString     *out,
            CcpActivity *activity,
            const char  *city,
            const char  *country,
            const char  *field,
            const char  *period,
            const char  *plan,
            const char  *plan_activity)
{
  const char *document[] = { city, country, field, period, plan, plan_activity };
  GArray *list = columns ()->columns;

  G_STATIC_ASSERT (G_N_ELEMENTS (document) == G_N_ELEMENTS (document_columns));

  for (guint i = 0; i < list->len; i++)
    {
      const Column *column = &g_array_index (list, Column, i);
      g_autofree char *cell = NULL;

      if (column->field != NULL)
        cell = field_cell (column->field, activity);
      if (column->field == NULL)
        append_field (out, document[column->document] != NULL ? document[column->document] : "",
                      i == 0);
      else
        append_field (out, cell != NULL ? cell : "", i == 0);
    }
  g_string_append (out, "\r\n");
}

GBytes *
ccp_export_csv (GObject *document)
{
  return ccp_export_csv_full (document, CCP_EXPORT_CSV_NONE);
}

GBytes *
ccp_export_csv_full (GObject           *document,
                     CcpExportCsvFlags  flags)
{
  GString *out;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  out = g_string_new (NULL);
  if (flags & CCP_EXPORT_CSV_BOM)
    g_string_append (out, "\xef\xbb\xbf");
  for (guint i = 0; ccp_export_csv_columns ()[i] != NULL; i++)
    append_field (out, ccp_export_csv_columns ()[i], i == 0);
  g_string_append (out, "\r\n");

  if (CCP_IS_PLAN (document))
    {
      CcpPlan *plan = CCP_PLAN (document);
      GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

          append_row (out, activity, ccp_plan_get_city (plan), ccp_plan_get_country (plan),
                      ccp_plan_get_field (plan), ccp_plan_get_period (plan),
                      ccp_plan_get_id (plan), ccp_activity_get_id (activity));
        }
    }
  else
    {
      CcpFieldPlan *field_plan = CCP_FIELD_PLAN (document);
      GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
          guint n_attributions = g_list_model_get_n_items (attributions);

          /* One row per activity and contributing city: the shared fields repeated, the
           * city's own contribution (budget, funding, partners...), so that a spreadsheet
           * totals every city's money. */
          for (guint j = 0; j < n_attributions; j++)
            {
              g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
              g_autoptr(CcpActivity) copy = ccp_attribution_make_copy (attribution, activity);

              append_row (out, copy, ccp_attribution_get_city (attribution),
                          ccp_attribution_get_country (attribution),
                          source_field (field_plan, attribution),
                          ccp_field_plan_get_period (field_plan),
                          ccp_attribution_get_plan_id (attribution),
                          ccp_attribution_get_activity_id (attribution));
            }
          if (n_attributions == 0)
            append_row (out, activity, "", "", ccp_field_plan_get_field (field_plan),
                        ccp_field_plan_get_period (field_plan), "", "");
        }
    }

  return g_string_free_to_bytes (out);
}

GBytes *
ccp_export (GObject         *document,
            CcpExportFormat  format)
{
  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  if (format == CCP_EXPORT_FORMAT_HTML)
    return ccp_export_html (document);
  return ccp_export_csv (document);
}

gboolean
ccp_export_save (GObject          *document,
                 CcpExportFormat   format,
                 GFile            *file,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ccp_export (document, format);
  return ccp_file_save (file, bytes, FALSE, cancellable, error);
}
