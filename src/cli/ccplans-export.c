/* ccplans-export.c: `ccplans export`: a plan as CSV, a self-contained HTML report, IATI 2.03
 * activity XML or an XLSX workbook. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

int
ccplans_export (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *org_ref = NULL;
  g_autofree char *org_type = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) files = NULL;
  gboolean bom = FALSE;
  gboolean hxl = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: csv (one row per activity), html (a printable report), iati (IATI "
         "2.03 activity XML), xlsx (a spreadsheet workbook) or network-csv (the creative fields "
         "side by side, for a network field plan)"),
      N_("csv|html|iati|xlsx|network-csv") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file (required; replaced atomically)"), N_("OUT") },
    { "iati-org-ref", 0, 0, G_OPTION_ARG_STRING, &org_ref,
      N_("IATI: the reporting organisation's identifier, which starts every activity "
         "identifier (default: XM-DAC-41304, UNESCO)"), N_("REF") },
    { "iati-org-type", 0, 0, G_OPTION_ARG_STRING, &org_type,
      N_("IATI: the reporting organisation's type code (default: 40, "
         "multilateral)"), N_("CODE") },
    { "iati-org-name", 0, 0, G_OPTION_ARG_STRING, &org_name,
      N_("IATI: the reporting organisation's name (default: UNESCO)"), N_("NAME") },
    { "iati-lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("IATI: the language the plan's texts are written in (default: en)"), N_("LANG") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("CSV only: start with a UTF-8 byte-order mark, for spreadsheets that need one (Excel)"),
      NULL },
    { "hxl", 0, 0, G_OPTION_ARG_NONE, &hxl,
      N_("CSV only: add the HXL hashtag row (#org, #sector, #country…) under the header, and "
         "the contact columns"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcplansLoaded) loaded = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CcpExportOptions options = { 0 };
  CcpExportFormat format;

  context = g_option_context_new (_("FILE — export a city plan or a field plan"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (format_name == NULL)
    {
      ccplans_usage_error ("export", _("No format was given: use --format csv, html, iati or xlsx"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (!ccp_export_format_from_name (format_name, &format))
    {
      g_autofree char *message =
        /* Translators: %s is what was given to --format */
        g_strdup_printf (_("Unknown format “%s”: expected csv, html, iati or xlsx"), format_name);

      ccplans_usage_error ("export", message);
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (bom && format != CCP_EXPORT_FORMAT_CSV)
    {
      ccplans_usage_error ("export", _("--bom is for CSV only: use it with --format csv"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (hxl && format != CCP_EXPORT_FORMAT_CSV)
    {
      ccplans_usage_error ("export", _("--hxl is for CSV only: use it with --format csv"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (output == NULL)
    {
      ccplans_usage_error ("export", _("No output file was given: use -o OUT"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      ccplans_usage_error ("export", _("Give exactly one plan to export"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (format != CCP_EXPORT_FORMAT_IATI &&
      (org_ref != NULL || org_type != NULL || org_name != NULL || language != NULL))
    {
      ccplans_usage_error ("export", _("The --iati-… options go with --format iati only"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  options.iati_org_ref = org_ref;
  options.iati_org_type = org_type;
  options.iati_org_name = org_name;
  options.iati_language = language;
  options.csv_flags = (bom ? CCP_EXPORT_CSV_BOM : CCP_EXPORT_CSV_NONE) |
                      (hxl ? CCP_EXPORT_CSV_HXL : CCP_EXPORT_CSV_NONE);
  if (!ccp_export_check_options (&options, &error))
    {
      ccplans_usage_error ("export", error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  if (!ccplans_check_output ("export", output, (const char * const *) files))
    return CCPLANS_EXIT_UNUSABLE;

  loaded = ccplans_load (files[0], NULL);
  if (loaded->document == NULL)
    {
      ccplans_print_load_error (stderr, loaded->display, loaded->error);
      return CCPLANS_EXIT_UNUSABLE;
    }

  /* Exporting fails on what the plan holds (named by the plan), saving on the output (named
   * by the output); either way nothing is written. */
  bytes = ccp_export_full (loaded->document, format, &options, &error);
  if (bytes == NULL)
    {
      ccplans_print_line (stderr, "%s: error: %s", loaded->display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }
  out_file = g_file_new_for_commandline_arg (output);
  if (!ccp_file_save (out_file, bytes, FALSE, NULL, &error))
    {
      g_autofree char *display = g_filename_display_name (output);

      /* The saver's message says that saving failed, and why; not a reading error. */
      ccplans_print_line (stderr, "%s: error: %s", display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  return CCPLANS_EXIT_OK;
}
