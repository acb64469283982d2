/* ccp-export.h: CSV and HTML exports of a city plan or a field plan.
 *
 * CSV (RFC 4180): UTF-8 without a byte-order mark, CRLF line ends, a header row of fixed
 * English column names (the activity title is "title"), one row per activity. A field is
 * quoted when it holds a comma, a double quote, CR or LF, or starts or ends with a space;
 * double quotes inside are doubled. Multi-valued cells are joined with "; ". Codes stay codes
 * (kind, scope, objectives...) so that the file reads the same in every language. In a field
 * plan a joint activity is one row whose city, country, plan and plan_activity cells list all
 * its cities in the same order. LibreOffice Calc: choose "Unicode (UTF-8)" in the import dialog
 * (it is usually detected).
 *
 * HTML: one self-contained XHTML-compatible page (inline CSS, no script, no external URL) with
 * the document language and direction of the current locale, summary tables (ccp-stats) and
 * the activities by city, in the user's language (labels from the vocabularies), printable.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_EXPORT_FORMAT_CSV,
  CCP_EXPORT_FORMAT_HTML,
} CcpExportFormat;

/* Options of the CSV export. BOM: starts with the UTF-8 byte-order mark (EF BB BF), so that
 * spreadsheet programs that guess the encoding (Excel) read accented letters right. */
typedef enum {
  CCP_EXPORT_CSV_NONE = 0,
  CCP_EXPORT_CSV_BOM  = 1 << 0,
} CcpExportCsvFlags;

/* "csv" or "html" (case-insensitive). */
gboolean  ccp_export_format_from_string (const char       *text,
                                         CcpExportFormat  *format);

/* The CSV column names, NULL-terminated. */
const char * const *ccp_export_csv_columns (void);

/* document is a CcpPlan or a CcpFieldPlan. */
GBytes   *ccp_export_csv                (GObject          *document);
GBytes   *ccp_export_html               (GObject          *document);
GBytes   *ccp_export                    (GObject          *document,
                                         CcpExportFormat   format);
/* Exports and saves atomically (ccp_file_save()). */
gboolean  ccp_export_save               (GObject          *document,
                                         CcpExportFormat   format,
                                         GFile            *file,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* ccp_export_csv() with options; CCP_EXPORT_CSV_NONE gives the same bytes. */
GBytes   *ccp_export_csv_full           (GObject          *document,
                                         CcpExportCsvFlags flags);
/* ccp_export_save() with the CSV options (ignored for HTML). */
gboolean  ccp_export_save_full          (GObject          *document,
                                         CcpExportFormat   format,
                                         CcpExportCsvFlags csv_flags,
                                         GFile            *file,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* The BCP 47 language of the messages actually shown, e.g. "fr", "zh-CN": the catalogue in use
 * says it (a translated marker string), so "en" whenever gettext falls back to English.
 * Free with g_free(). */
char     *ccp_export_document_language  (void);
/* TRUE when that language is written right to left (Arabic, Hebrew, Persian, Urdu...). */
gboolean  ccp_export_language_is_rtl    (const char       *language);

G_END_DECLS
