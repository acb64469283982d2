/* ccp-export.h: CSV and HTML exports of a city plan or a field plan.
 *
 * CSV (RFC 4180): UTF-8 without a byte-order mark, CRLF line ends, a header row of fixed
 * English column names (the activity title is "title"), one row per activity. A field is
 * quoted when it holds a comma, a double quote, CR or LF, or starts or ends with a space;
 * double quotes inside are doubled. Multi-valued cells are joined with "; ". Codes stay codes
 * (kind, scope, objectives...) so that the file reads the same in every language. In a field
 * plan there is one row per activity and contributing city: a joint activity has one row per
 * city, each with the shared fields (title, dates, objectives...) repeated and that city's own
 * contribution (place, partners, budget, funding, results), so that summing the budget column
 * per currency gives the field plan's money. LibreOffice Calc: choose "Unicode (UTF-8)" in the import dialog
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
  CCP_EXPORT_FORMAT_IATI,
  CCP_EXPORT_FORMAT_XLSX,
  CCP_EXPORT_FORMAT_NETWORK_CSV,  /* field plans only: the fields side by side
                                   * (ccp-export-network.h); "network-csv" */
} CcpExportFormat;

/* Options of the CSV export. BOM: starts with the UTF-8 byte-order mark (EF BB BF), so that
 * spreadsheet programs that guess the encoding (Excel) read accented letters right. */
typedef enum {
  CCP_EXPORT_CSV_NONE = 0,
  CCP_EXPORT_CSV_BOM  = 1 << 0,
} CcpExportCsvFlags;

/* "csv" or "html" (case-insensitive); ccp_export_format_from_name() below knows every format. */
gboolean  ccp_export_format_from_string (const char       *text,
                                         CcpExportFormat  *format);

/* The CSV column names, NULL-terminated. */
const char * const *ccp_export_csv_columns (void);

/* document is a CcpPlan or a CcpFieldPlan. */
GBytes   *ccp_export_csv                (GObject          *document);
GBytes   *ccp_export_html               (GObject          *document);
/* ccp_export() and ccp_export_save() write CSV and HTML only: use ccp_export_full() and
 * ccp_export_save_full() below for every format. */
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

/* The BCP 47 language of the messages actually shown, e.g. "fr", "zh-CN": the catalogue in use
 * says it (a translated marker string), so "en" whenever gettext falls back to English.
 * Free with g_free(). */
char     *ccp_export_document_language  (void);
/* TRUE when that language is written right to left (Arabic, Hebrew, Persian, Urdu...). */
gboolean  ccp_export_language_is_rtl    (const char       *language);

/*
 * IATI 2.03 activity XML (ccp-export-iati.c; the mapping is data/schema/iati-mapping.md): one
 * <iati-activity> per activity, valid against the IATI 2.03 activity schema. Fails (a GError of
 * CCP_ERROR, nothing exported) when IATI identifiers cannot be made: a city plan without an
 * identifier, an activity without one or two activities with the same, an activity with no
 * valid date in a plan with no valid period.
 *
 * XLSX (ccp-export-xlsx.c, libxlsxwriter): sheets of activities (one row per activity and
 * contributing city), budgets per currency and, for a field plan, sources and the merge report;
 * typed cells (numbers, dates, booleans), amounts with the currency's decimals, a frozen and
 * filterable header row.
 */

/* UNESCO's IATI organisation identifier: the Secretariat of the UNESCO Creative Cities Network
 * is the one that publishes the network's plans to IATI. */
#define CCP_EXPORT_IATI_DEFAULT_ORG_REF  "XM-DAC-41304"
#define CCP_EXPORT_IATI_DEFAULT_ORG_TYPE "40"     /* IATI OrganisationType: Multilateral */
#define CCP_EXPORT_IATI_DEFAULT_ORG_NAME "UNESCO"
/* Plans do not record the language they are written in: English, a working language of the
 * network, unless told. */
#define CCP_EXPORT_IATI_DEFAULT_LANGUAGE "en"

typedef struct {
  const char *iati_org_ref;   /* reporting organisation; NULL: the defaults above */
  const char *iati_org_type;
  const char *iati_org_name;
  const char *iati_language;  /* xml:lang of the narratives */
  CcpExportCsvFlags csv_flags;   /* CSV: a byte-order mark */
} CcpExportOptions;

/* "csv", "html", "iati" or "xlsx" (case-insensitive). */
gboolean  ccp_export_format_from_name   (const char              *text,
                                         CcpExportFormat         *format);
/* FALSE with a translated message when an option cannot be used (an organisation reference
 * with a space or "/", a type that is not an IATI code, a language that is not BCP 47). */
gboolean  ccp_export_check_options      (const CcpExportOptions  *options,
                                         GError                 **error);
GBytes   *ccp_export_iati               (GObject                 *document,
                                         const CcpExportOptions  *options,
                                         GError                 **error);
GBytes   *ccp_export_xlsx               (GObject                 *document,
                                         GError                 **error);
/* Any format; options may be NULL (defaults). */
GBytes   *ccp_export_full               (GObject                 *document,
                                         CcpExportFormat          format,
                                         const CcpExportOptions  *options,
                                         GError                 **error);
/* Exports and saves atomically (ccp_file_save()): on failure the previous file is intact and no
 * temporary file is left. */
gboolean  ccp_export_save_full          (GObject                 *document,
                                         CcpExportFormat          format,
                                         const CcpExportOptions  *options,
                                         GFile                   *file,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
