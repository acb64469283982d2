/* ccp-export-xlsx.c: an XLSX workbook of a city plan or a field plan, with libxlsxwriter.
 *
 * Sheets: activities (columns from the field table), budgets per currency (ccp-stats), and for
 * a field plan its sources and merge report. Cells are typed: dates are dates, amounts numbers
 * shown with their currency's decimals (ccp-currency.h), flags booleans; texts are strings, never
 * formulas, so a plan's "=HYPERLINK(...)" stays text. Headers are in the user's language, codes
 * stay codes (as in the CSV) so that filters read the same everywhere.
 *
 * libxlsxwriter writes to a path: the workbook is written in a private temporary folder, read
 * back and handed to ccp_file_save() by the caller, which keeps the atomic-save guarantees; the
 * temporary folder is removed whatever happens.
 */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-activity-field.h"
#include "ccp-currency.h"
#include "ccp-error.h"
#include "ccp-export.h"
#include "ccp-export-private.h"
#include "ccp-field-plan.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-report-text.h"
#include "ccp-review.h"
#include "ccp-source.h"
#include "ccp-stats.h"
#include "ccp-status.h"

/* Excel's limit on the characters of a cell. */
#define MAX_CELL_CHARS 32767
/* Column widths fit their content up to this many characters. */
#define MAX_COLUMN_WIDTH 60.0
#define MAX_MINOR_UNIT 4

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *date;
  lxw_format   *boolean;
  lxw_format   *amount[MAX_MINOR_UNIT + 1];  /* by number of decimals */
  lxw_error     error;                       /* the first error, LXW_NO_ERROR while none */
} Book;

typedef struct {
  Book          *book;
  lxw_worksheet *worksheet;
  lxw_row_t      row;        /* the row being written */
  GArray        *widths;     /* double, per column */
} Sheet;

static void
note_error (Book      *book,
            lxw_error  error)
{
  if (book->error == LXW_NO_ERROR)
    book->error = error;
}

static void
fit (Sheet     *sheet,
     lxw_col_t  column,
     double     width)
{
  if (column >= sheet->widths->len)
    g_array_set_size (sheet->widths, column + 1);
  if (width > g_array_index (sheet->widths, double, column))
    g_array_index (sheet->widths, double, column) = MIN (width, MAX_COLUMN_WIDTH);
}

static void
put_string (Sheet      *sheet,
            lxw_col_t   column,
            const char *value)
{
  g_autofree char *valid = NULL;
  glong length;

  if (value == NULL || *value == '\0')
    return;
  valid = g_utf8_make_valid (value, -1);
  length = g_utf8_strlen (valid, -1);
  if (length > MAX_CELL_CHARS)
    {
      /* Excel opens no cell longer than this: the text is cut, and says so with an ellipsis. */
      char *cut = g_utf8_offset_to_pointer (valid, MAX_CELL_CHARS - 1);

      *cut = '\0';
      valid = g_realloc (valid, cut - valid + 4);
      strcat (valid, "…");
      length = MAX_CELL_CHARS;
    }
  note_error (sheet->book, worksheet_write_string (sheet->worksheet, sheet->row, column, valid,
                                                   NULL));
  fit (sheet, column, length);
}

static void
put_number (Sheet      *sheet,
            lxw_col_t   column,
            double      value,
            lxw_format *format)
{
  g_autofree char *text = g_strdup_printf ("%.0f", value);

  note_error (sheet->book, worksheet_write_number (sheet->worksheet, sheet->row, column, value,
                                                   format));
  /* Digits, grouping marks and decimals. */
  fit (sheet, column, strlen (text) * 4 / 3 + 5);
}

static void
put_boolean (Sheet     *sheet,
             lxw_col_t  column,
             gboolean   value)
{
  note_error (sheet->book, worksheet_write_boolean (sheet->worksheet, sheet->row, column,
                                                    value ? 1 : 0, sheet->book->boolean));
  fit (sheet, column, 6);
}

/* A date cell, or the text as it is when it is not a date. */
static void
put_date (Sheet      *sheet,
          lxw_col_t   column,
          const char *value)
{
  GDate date;

  if (ccp_date_parse (value, &date) && g_date_get_year (&date) >= 1900)
    {
      lxw_datetime datetime = {
        g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0,
      };

      note_error (sheet->book, worksheet_write_datetime (sheet->worksheet, sheet->row, column,
                                                         &datetime, sheet->book->date));
      fit (sheet, column, 11);
    }
  else
    put_string (sheet, column, value);
}

/* An amount as a number with its currency's decimals, or the text when it is not a number. */
static void
put_amount (Sheet      *sheet,
            lxw_col_t   column,
            const char *amount,
            const char *currency)
{
  gint64 cents;

  if (ccp_stats_parse_amount (amount, &cents))
    {
      guint decimals = MIN (ccp_currency_get_minor_unit (currency), MAX_MINOR_UNIT);

      put_number (sheet, column, cents / 100.0, sheet->book->amount[decimals]);
    }
  else
    put_string (sheet, column, amount);
}

/* Sheet names are at most 31 characters, without : \ / ? * [ ] and not starting or ending with
 * an apostrophe (a translation might hold one). */
static char *
sheet_name (const char *name)
{
  g_autofree char *clean = g_strdelimit (g_strdup (name), ":\\/?*[]", ' ');
  const char *end;
  gsize length;

  g_strstrip (clean);
  length = strlen (clean);
  if (length > 0 && clean[length - 1] == '\'')
    clean[length - 1] = ' ';
  if (clean[0] == '\'')
    clean[0] = ' ';
  g_strstrip (clean);
  end = clean;

  for (guint i = 0; i < LXW_SHEETNAME_MAX && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  return g_strndup (clean, end - clean);
}

static gboolean
sheet_open (Sheet              *sheet,
            Book               *book,
            const char         *name,
            const char * const *headers)
{
  g_autofree char *clean = sheet_name (name);

  sheet->book = book;
  sheet->row = 0;
  sheet->worksheet = workbook_add_worksheet (book->workbook, clean);
  if (sheet->worksheet == NULL)
    {
      /* Two translated names that are the same, or an empty one. */
      note_error (book, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return FALSE;
    }
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));
  for (lxw_col_t column = 0; headers[column] != NULL; column++)
    {
      note_error (book, worksheet_write_string (sheet->worksheet, 0, column, headers[column],
                                                book->header));
      /* Room for the filter button. */
      fit (sheet, column, g_utf8_strlen (headers[column], -1) + 3);
    }
  sheet->row = 1;
  return TRUE;
}

/* Header row frozen and filterable, widths that fit. */
static void
sheet_close (Sheet *sheet)
{
  lxw_col_t last_column;

  g_assert (sheet->worksheet != NULL && sheet->widths != NULL);

  last_column = sheet->widths->len > 0 ? sheet->widths->len - 1 : 0;
  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  note_error (sheet->book, worksheet_autofilter (sheet->worksheet, 0, 0, MAX (sheet->row, 1) - 1,
                                                 last_column));
  for (lxw_col_t column = 0; column < sheet->widths->len; column++)
    note_error (sheet->book,
                worksheet_set_column (sheet->worksheet, column, column,
                                      g_array_index (sheet->widths, double, column) + 1, NULL));
  g_clear_pointer (&sheet->widths, g_array_unref);
}

/* A list field's items, "name (country, field)" as in the CSV, joined by "; ". */
static char *
join_rows (const CcpActivityField *field,
           CcpActivity            *activity)
{
  g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (field, activity);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);  /* one string per item field */
      gboolean open = FALSE;

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, row[0]);
      for (guint j = 1; row[j] != NULL; j++)
        {
          if (*row[j] == '\0')
            continue;
          g_string_append (out, open ? ", " : " (");
          g_string_append (out, row[j]);
          open = TRUE;
        }
      if (open)
        g_string_append_c (out, ')');
    }
  return g_string_free (out, FALSE);
}

static void
put_field (Sheet                  *sheet,
           lxw_col_t               column,
           const CcpActivityField *field,
           CcpActivity            *activity)
{
  switch (field->type)
    {
    case CCP_FIELD_TYPE_DATE:
      put_date (sheet, column, field->get_string (activity));
      break;
    case CCP_FIELD_TYPE_AMOUNT:
      put_amount (sheet, column, field->get_string (activity),
                  ccp_activity_get_budget_currency (activity));
      break;
    case CCP_FIELD_TYPE_FLAG:
    case CCP_FIELD_TYPE_NONE_ANSWER:
      put_boolean (sheet, column, field->get_flag (activity));
      break;
    case CCP_FIELD_TYPE_CODES:
    case CCP_FIELD_TYPE_TEXTS:
      {
        const char * const *strv = field->get_strv (activity);
        g_autofree char *joined = strv != NULL ? g_strjoinv ("; ", (char **) strv) : NULL;

        put_string (sheet, column, joined);
      }
      break;
    case CCP_FIELD_TYPE_PARTNER_CITIES:
    case CCP_FIELD_TYPE_PARTNER_ORGANISATIONS:
    case CCP_FIELD_TYPE_RESULTS:
      {
        g_autofree char *joined = join_rows (field, activity);

        put_string (sheet, column, joined);
      }
      break;
    case CCP_FIELD_TYPE_IDENTIFIER:
    case CCP_FIELD_TYPE_LINE:
    case CCP_FIELD_TYPE_TEXT:
    case CCP_FIELD_TYPE_CODE:
    case CCP_FIELD_TYPE_CURRENCY:
    default:
      put_string (sheet, column, field->get_string (activity));
      break;
    }
}

/* The columns before the field table's: who runs the activity, from which plan. */
#define N_CITY_COLUMNS 6

static void
write_activities (Book    *book,
                  GObject *document)
{
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  const char *period;
  GListModel *activities;
  Sheet sheet = { 0 };

  /* The CSV's columns: the rows at the end of the table that are not exported (the
   * carried-over link) are left out, so that the sheet keeps its columns. */
  while (n_fields > 0 && (fields[n_fields - 1].flags & CCP_FIELD_FLAGS_NO_EXPORT))
    n_fields--;

  g_ptr_array_add (headers, _("City"));
  g_ptr_array_add (headers, _("Country"));
  g_ptr_array_add (headers, _("Creative field"));
  g_ptr_array_add (headers, _("Period"));
  g_ptr_array_add (headers, _("Plan"));
  g_ptr_array_add (headers, _("Activity in the plan"));
  g_assert (headers->len == N_CITY_COLUMNS);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *heading = ccp_activity_field_get_heading (&fields[i]);

      g_ptr_array_add (headers, (gpointer) (heading != NULL
                                            ? heading : ccp_activity_field_get_label (&fields[i])));
    }
  g_ptr_array_add (headers, NULL);

  if (CCP_IS_PLAN (document))
    {
      period = ccp_plan_get_period (CCP_PLAN (document));
      activities = G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (document)));
    }
  else
    {
      period = ccp_field_plan_get_period (CCP_FIELD_PLAN (document));
      activities = G_LIST_MODEL (ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)));
    }

  if (!sheet_open (&sheet, book, _("Activities"), (const char * const *) headers->pdata))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      g_autoptr(GArray) cities = ccp_export_get_cities (document, activity);
      guint n_rows = MAX (cities->len, 1);

      /* One row per activity and contributing city: the shared fields on every row, each
       * city's own contribution (budget, funding, partners, place, results) on its row, so
       * that totals count every city's money once. */
      for (guint j = 0; j < n_rows; j++, sheet.row++)
        {
          g_autoptr(CcpActivity) copy = NULL;

          if (j < cities->len)
            {
              CcpExportCity *city = &g_array_index (cities, CcpExportCity, j);

              if (city->attribution != NULL)
                copy = ccp_attribution_make_copy (city->attribution, activity);

              put_string (&sheet, 0, city->city);
              put_string (&sheet, 1, city->country);
              put_string (&sheet, 2, city->field);
              put_string (&sheet, 4, city->plan_id);
              put_string (&sheet, 5, city->activity_id);
            }
          put_string (&sheet, 3, period);
          for (guint k = 0; k < n_fields; k++)
            put_field (&sheet, N_CITY_COLUMNS + k, &fields[k], copy != NULL ? copy : activity);
        }
    }
  sheet_close (&sheet);
}

static void
write_budgets (Book    *book,
               GObject *document)
{
  const char * const headers[] = {
    _("Currency"), _("Total"), _("Activities"), _("Amounts that are not numbers"), NULL
  };
  g_autoptr(CcpStats) stats = CCP_IS_PLAN (document)
                              ? ccp_stats_new_for_plan (CCP_PLAN (document))
                              : ccp_stats_new_for_field_plan (CCP_FIELD_PLAN (document));
  GPtrArray *budgets = ccp_stats_get_budgets (stats);
  Sheet sheet = { 0 };

  if (!sheet_open (&sheet, book, _("Budgets"), headers))
    return;
  for (guint i = 0; i < budgets->len; i++, sheet.row++)
    {
      const CcpStatsBudget *budget = g_ptr_array_index (budgets, i);
      guint decimals = MIN (ccp_currency_get_minor_unit (budget->currency), MAX_MINOR_UNIT);

      put_string (&sheet, 0, budget->currency);
      put_number (&sheet, 1, budget->cents / 100.0, book->amount[decimals]);
      put_number (&sheet, 2, budget->activities, NULL);
      put_number (&sheet, 3, budget->unreadable, NULL);
    }
  sheet_close (&sheet);
}

static void
write_sources (Book         *book,
               CcpFieldPlan *field_plan)
{
  /* The merge's status, then the cycle's (issue 18): when received, the review state and
   * the comments. */
  const char * const headers[] = {
    _("City"), _("Country"), _("Plan"), _("Revision"), _("File"), _("SHA-256"), _("Status"),
    _("Received"), _("Review"), _("Open comments"), _("Comments"), NULL
  };
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  Sheet sheet = { 0 };

  if (!sheet_open (&sheet, book, _("Sources"), headers))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++, sheet.row++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      put_string (&sheet, 0, ccp_source_get_city (source));
      put_string (&sheet, 1, ccp_source_get_country (source));
      put_string (&sheet, 2, ccp_source_get_plan_id (source));
      if (ccp_source_get_revision (source) > 0)
        put_number (&sheet, 3, ccp_source_get_revision (source), NULL);
      put_string (&sheet, 4, ccp_source_get_file (source));
      put_string (&sheet, 5, ccp_source_get_sha256 (source));
      put_string (&sheet, 6, ccp_source_status_to_code (ccp_source_get_status (source)));
      put_string (&sheet, 7, ccp_source_get_received (source));
      put_string (&sheet, 8, ccp_review_state_to_code (ccp_source_get_review (source)));
      put_number (&sheet, 9, ccp_source_count_open_comments (source), NULL);
      put_number (&sheet, 10,
                  g_list_model_get_n_items (G_LIST_MODEL (ccp_source_get_comments (source))),
                  NULL);
    }
  sheet_close (&sheet);
}

/* The completeness table (ccp-status.h): one row per member city, then the others. */
static void
write_completeness (Book         *book,
                    CcpFieldPlan *field_plan)
{
  const char * const headers[] = {
    _("City"), _("Country"), _("In the roster"), _("Revision"), _("Received"),
    _("First received"), _("Timeliness"), _("Review"), _("Open comments"), _("Focal Point"),
    _("Email"), NULL
  };
  g_autoptr(GPtrArray) rows = ccp_status_rows (field_plan, NULL);
  Sheet sheet = { 0 };

  if (!sheet_open (&sheet, book, _("Completeness"), headers))
    return;
  for (guint i = 0; i < rows->len; i++, sheet.row++)
    {
      CcpStatusRow *row = g_ptr_array_index (rows, i);

      put_string (&sheet, 0, ccp_status_row_get_city (row));
      put_string (&sheet, 1, ccp_status_row_get_country (row));
      put_boolean (&sheet, 2, ccp_status_row_get_in_roster (row));
      if (ccp_status_row_get_revision (row) > 0)
        put_number (&sheet, 3, ccp_status_row_get_revision (row), NULL);
      put_string (&sheet, 4, ccp_status_row_get_received_time (row));
      put_string (&sheet, 5, ccp_status_row_get_first_received (row));
      put_string (&sheet, 6, ccp_timeliness_to_code (ccp_status_row_get_timeliness (row)));
      put_string (&sheet, 7, ccp_review_state_to_code (ccp_status_row_get_review (row)));
      put_number (&sheet, 8, ccp_status_row_get_open_comments (row), NULL);
      put_string (&sheet, 9, ccp_status_row_get_contact_name (row));
      put_string (&sheet, 10, ccp_status_row_get_contact_email (row));
    }
  sheet_close (&sheet);
}

static void
write_report (Book         *book,
              CcpFieldPlan *field_plan)
{
  const char * const headers[] = { _("Kind"), _("Code"), _("City"), _("Description"), NULL };
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  Sheet sheet = { 0 };

  if (!sheet_open (&sheet, book, _("Merge report"), headers))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (report); i++, sheet.row++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      g_autofree char *text = ccp_report_describe_item (item);

      put_string (&sheet, 0, ccp_report_item_get_kind (item));
      put_string (&sheet, 1, ccp_report_item_get_code (item));
      put_string (&sheet, 2, ccp_report_item_get_city (item));
      put_string (&sheet, 3, text);
    }
  sheet_close (&sheet);
}

static void
init_formats (Book *book)
{
  book->header = workbook_add_format (book->workbook);
  format_set_bold (book->header);
  book->date = workbook_add_format (book->workbook);
  format_set_num_format (book->date, "yyyy-mm-dd");
  /* Excel shows a boolean cell as TRUE or FALSE by itself; LibreOffice Calc shows 0 or 1 for
   * some of them unless the cell's format says how (seen converting the examples to PDF). */
  book->boolean = workbook_add_format (book->workbook);
  format_set_num_format (book->boolean, "\"TRUE\";\"TRUE\";\"FALSE\"");
  format_set_align (book->boolean, LXW_ALIGN_CENTER);
  for (guint i = 0; i <= MAX_MINOR_UNIT; i++)
    {
      g_autofree char *number_format = g_strdup_printf ("#,##0%s%.*s", i > 0 ? "." : "", i,
                                                        "0000");

      book->amount[i] = workbook_add_format (book->workbook);
      format_set_num_format (book->amount[i], number_format);
    }
}

/* The document's own time, so that the same plan gives the same workbook. */
static time_t
document_time (GObject *document)
{
  const char *modified = CCP_IS_PLAN (document)
                         ? ccp_plan_get_modified (CCP_PLAN (document))
                         : ccp_field_plan_get_modified (CCP_FIELD_PLAN (document));
  g_autoptr(GDateTime) when = *modified != '\0' ? g_date_time_new_from_iso8601 (modified, NULL)
                                                : NULL;
  gint64 seconds = when != NULL ? g_date_time_to_unix (when) : 0;

  /* 0 would be "now" for libxlsxwriter; before 1980 a ZIP cannot date a file. */
  return seconds >= 315532800 ? (time_t) seconds : 315532800;
}

static gboolean
write_workbook (GObject     *document,
                const char  *folder,
                const char  *path,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) folder };
  lxw_doc_properties properties = { .created = document_time (document) };
  Book book = { .error = LXW_NO_ERROR };
  lxw_error closed;

  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                           _("Cannot make the spreadsheet: out of memory"));
      return FALSE;
    }
  workbook_set_properties (book.workbook, &properties);
  init_formats (&book);
  write_activities (&book, document);
  write_budgets (&book, document);
  if (CCP_IS_FIELD_PLAN (document))
    {
      write_sources (&book, CCP_FIELD_PLAN (document));
      write_report (&book, CCP_FIELD_PLAN (document));
      write_completeness (&book, CCP_FIELD_PLAN (document));
    }

  closed = workbook_close (book.workbook);  /* frees it, whatever happens */
  note_error (&book, closed);
  if (book.error != LXW_NO_ERROR)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s is libxlsxwriter's message (in English) */
                   _("Cannot make the spreadsheet: %s"), lxw_strerror (book.error));
      return FALSE;
    }
  return TRUE;
}

GBytes *
ccp_export_xlsx (GObject  *document,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = g_dir_make_tmp ("ccp-xlsx-XXXXXX", &local_error);
  if (folder == NULL)
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s says why (from the system) */
                   _("Cannot make the spreadsheet: no temporary folder (%s)"),
                   local_error->message);
      return NULL;
    }
  path = g_build_filename (folder, "export.xlsx", NULL);
  ok = write_workbook (document, folder, path, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_remove (path);
  g_rmdir (folder);
  if (!ok)
    return NULL;
  return g_bytes_new_take (contents, length);
}
