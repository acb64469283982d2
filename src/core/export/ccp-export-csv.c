/* ccp-export-csv.c: CSV export (RFC 4180) of a city plan or a field plan, and the shared entry
 * points of ccp-export.h. */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <string.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-export.h"
#include "ccp-export-private.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"

/* CSV is data exchange, not a report: codes, ISO 8601 dates and "."-decimal amounts exactly as
 * the plan file has them, never ccp-format.h's display forms, so that a spreadsheet or a script
 * reads the same bytes whatever the language and locale of whoever exported them. One exception:
 * a cell that a spreadsheet would take for a formula (see append_field()).
 *
 * The columns are the fields of the table (ccp-activity-field.h), each under its csv_column,
 * and the document's columns, which say where an activity comes from. With CCP_EXPORT_CSV_HXL
 * a row of HXL hashtags follows the header, and two contact columns end each row. */

/* The document's columns, after the identifier (values given to append_row() in this order);
 * the contact columns only in HXL mode, last (the plain CSV keeps its 33 columns). */
enum { N_DOCUMENT_COLUMNS = 6, N_CONTACT_COLUMNS = 2 };
static const char * const document_columns[N_DOCUMENT_COLUMNS + N_CONTACT_COLUMNS] = {
  "city", "country", "field", "period", "plan", "plan_activity", "contact_name", "contact_email"
};

/* After them, what a reader of the sheet looks for first; then the other fields in table
 * order. */
static const char * const leading_fields[] = { "title", "description" };

/* The HXL hashtag of each column (https://hxlstandard.org/standard/1-1final/dictionary/), the
 * mapping of data/schema/hxl-mapping.md. A 3W ("who does what, where") needs #org, #sector and
 * #country or #adm1: the member city runs the activity (#org+impl), its creative field is the
 * sector, its country the place. A column of a new field that is not here gets #x_<column>. */
static const struct {
  const char *column;
  const char *hxl;
} hxl_tags[] = {
  { "id", "#activity+code" },
  { "city", "#org+impl+city" },
  { "country", "#country+code" },
  { "field", "#sector+code" },
  { "period", "#date+period" },
  { "plan", "#meta+source" },
  { "plan_activity", "#meta+id" },
  { "contact_name", "#contact+name" },
  { "contact_email", "#contact+email" },
  { "title", "#activity+name" },
  { "description", "#description" },
  { "kind", "#x_kind+code" },
  { "scope", "#x_scope+code" },
  { "state", "#status+code" },
  { "flagship", "#x_flagship" },
  { "joint_ref", "#activity+code+joint" },
  { "start", "#date+start" },
  { "end", "#date+end" },
  { "place", "#loc+name" },
  { "online", "#x_online" },
  { "objectives", "#x_objectives+code" },
  { "areas", "#x_areas+code" },
  { "sdgs", "#x_sdgs+code" },
  { "sdgs_none", "#x_sdgs+none" },
  { "partner_cities", "#org+partner+city" },
  { "partner_cities_none", "#x_partner_cities+none" },
  { "partner_organisations", "#org+partner" },
  { "partner_organisations_none", "#x_partner_organisations+none" },
  { "budget_amount", "#value+budget" },
  { "budget_currency", "#currency+code" },
  { "budget_none", "#x_budget+none" },
  { "funding", "#org+funder" },
  { "funding_none", "#x_funding+none" },
  { "results", "#indicator+text" },
  { "results_none", "#x_results+none" },
};

typedef struct
{
  const char             *name;
  char                   *hxl;
  const CcpActivityField *field;  /* NULL: the document column `document` */
  guint                   document;
} Column;

typedef struct
{
  GArray      *columns;    /* Column; the HXL-only ones last */
  guint        n_plain;    /* the columns of the plain CSV */
  const char **names;      /* NULL-terminated, every column */
  const char **names_plain;
  const char **tags;       /* NULL-terminated, one per column */
} Columns;

static char *
hxl_tag (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (hxl_tags); i++)
    {
      if (g_str_equal (hxl_tags[i].column, column))
        return g_strdup (hxl_tags[i].hxl);
    }
  return g_strconcat ("#x_", column, NULL);
}

static void
add_column (GArray                 *columns,
            const char             *name,
            const CcpActivityField *field,
            guint                   document)
{
  Column column = { name, hxl_tag (name), field, document };

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
  add_column (self->columns, id->csv_column, id, 0);
  for (guint i = 0; i < N_DOCUMENT_COLUMNS; i++)
    add_column (self->columns, document_columns[i], NULL, i);
  for (guint i = 0; i < G_N_ELEMENTS (leading_fields); i++)
    {
      const CcpActivityField *field = ccp_activity_field_find (leading_fields[i]);

      add_column (self->columns, field->csv_column, field, 0);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      if (&fields[i] != id && !is_leading (&fields[i]) && fields[i].csv_column != NULL &&
          !(fields[i].flags & CCP_FIELD_FLAGS_NO_EXPORT))
        add_column (self->columns, fields[i].csv_column, &fields[i], 0);
    }
  self->n_plain = self->columns->len;
  for (guint i = N_DOCUMENT_COLUMNS; i < G_N_ELEMENTS (document_columns); i++)
    add_column (self->columns, document_columns[i], NULL, i);

  self->names = g_new0 (const char *, self->columns->len + 1);
  self->tags = g_new0 (const char *, self->columns->len + 1);
  for (guint i = 0; i < self->columns->len; i++)
    {
      self->names[i] = g_array_index (self->columns, Column, i).name;
      self->tags[i] = g_array_index (self->columns, Column, i).hxl;
    }
  self->names_plain = g_new0 (const char *, self->n_plain + 1);
  memcpy (self->names_plain, self->names, self->n_plain * sizeof (const char *));
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
  return columns ()->names_plain;
}

const char * const *
ccp_export_csv_columns_full (CcpExportCsvFlags flags)
{
  return flags & CCP_EXPORT_CSV_HXL ? columns ()->names : columns ()->names_plain;
}

const char * const *
ccp_export_csv_hxl_tags (void)
{
  return columns ()->tags;
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

/* What a row says of its document: the document columns' values, in their order. */
typedef struct
{
  const char *values[G_N_ELEMENTS (document_columns)];
} RowDocument;

static void
append_row (GString           *out,
            guint              n_columns,
            CcpActivity       *activity,
            const RowDocument *document)
{
  GArray *list = columns ()->columns;

  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &g_array_index (list, Column, i);
      g_autofree char *cell = NULL;

      if (column->field != NULL)
        cell = field_cell (column->field, activity);
      else
        cell = g_strdup (document->values[column->document] != NULL
                         ? document->values[column->document] : "");
      append_field (out, cell, i == 0);
    }
  g_string_append (out, "\r\n");
}

static void
append_strv_row (GString            *out,
                 guint               n_columns,
                 const char * const *cells)
{
  for (guint i = 0; i < n_columns; i++)
    append_field (out, cells[i], i == 0);
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
  const Columns *list = columns ();
  guint n_columns = flags & CCP_EXPORT_CSV_HXL ? list->columns->len : list->n_plain;
  RowDocument row = { { NULL } };
  GString *out;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  out = g_string_new (NULL);
  if (flags & CCP_EXPORT_CSV_BOM)
    g_string_append (out, "\xef\xbb\xbf");
  append_strv_row (out, n_columns, list->names);
  /* HXL: the hashtag row right under the header (HXL 1.1, "hashtag row"). */
  if (flags & CCP_EXPORT_CSV_HXL)
    append_strv_row (out, n_columns, list->tags);

  if (CCP_IS_PLAN (document))
    {
      CcpPlan *plan = CCP_PLAN (document);
      GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));

      row.values[1] = ccp_plan_get_country (plan);
      row.values[0] = ccp_plan_get_city (plan);
      row.values[2] = ccp_plan_get_field (plan);
      row.values[3] = ccp_plan_get_period (plan);
      row.values[4] = ccp_plan_get_id (plan);
      row.values[6] = ccp_plan_get_focal_point_name (plan);
      row.values[7] = ccp_plan_get_focal_point_email (plan);
      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

          row.values[5] = ccp_activity_get_id (activity);
          append_row (out, n_columns, activity, &row);
        }
    }
  else
    {
      CcpFieldPlan *field_plan = CCP_FIELD_PLAN (document);
      GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
      CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);

      /* The field plan's contact is its coordinator (as in the IATI export). */
      row.values[3] = ccp_field_plan_get_period (field_plan);
      row.values[6] = coordinator != NULL ? ccp_contact_get_name (coordinator) : "";
      row.values[7] = coordinator != NULL ? ccp_contact_get_email (coordinator) : "";
      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
          g_autoptr(GArray) cities = ccp_export_get_cities (document, activity);

          /* One row per activity and contributing city: the shared fields repeated, the
           * city's own contribution (budget, funding, partners...), so that a spreadsheet
           * totals every city's money. */
          for (guint j = 0; j < cities->len; j++)
            {
              const CcpExportCity *city = &g_array_index (cities, CcpExportCity, j);
              g_autoptr(CcpActivity) copy = ccp_attribution_make_copy (city->attribution,
                                                                       activity);

              row.values[0] = city->city;
              row.values[1] = city->country;
              row.values[2] = city->field;
              row.values[4] = city->plan_id;
              row.values[5] = city->activity_id;
              append_row (out, n_columns, copy, &row);
            }
          if (cities->len == 0)
            {
              row.values[0] = row.values[1] = row.values[4] = row.values[5] = "";
              row.values[2] = ccp_field_plan_get_field (field_plan);
              append_row (out, n_columns, activity, &row);
            }
        }
    }

  return g_string_free_to_bytes (out);
}

/* The entry points of CSV and HTML days, now ccp_export_full() without options. */
GBytes *
ccp_export (GObject         *document,
            CcpExportFormat  format)
{
  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  return ccp_export_full (document, format, NULL, NULL);
}

gboolean
ccp_export_save (GObject          *document,
                 CcpExportFormat   format,
                 GFile            *file,
                 GCancellable     *cancellable,
                 GError          **error)
{
  return ccp_export_save_full (document, format, NULL, file, cancellable, error);
}
