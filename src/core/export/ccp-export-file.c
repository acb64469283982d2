/* ccp-export-file.c: every export format behind one entry point, its options, and atomic saving.
 *
 * ccp_export() and ccp_export_format_from_string() (in ccp-export-csv.c) know CSV and HTML only;
 * the functions here know all four formats and are what the command line uses. */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-error.h"
#include "ccp-export.h"
#include "ccp-export-network.h"
#include "ccp-export-private.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-plan.h"
#include "ccp-source.h"

gboolean
ccp_export_format_from_name (const char      *text,
                             CcpExportFormat *format)
{
  static const struct {
    const char      *name;
    CcpExportFormat  format;
  } names[] = {
    { "csv", CCP_EXPORT_FORMAT_CSV },
    { "html", CCP_EXPORT_FORMAT_HTML },
    { "iati", CCP_EXPORT_FORMAT_IATI },
    { "xlsx", CCP_EXPORT_FORMAT_XLSX },
    { "network-csv", CCP_EXPORT_FORMAT_NETWORK_CSV },
  };

  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i].name) == 0)
        {
          if (format != NULL)
            *format = names[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/* IATI organisation identifiers are "{registration agency}-{number}": printable ASCII without
 * spaces and without the characters IATI forbids in identifiers (/ & | ?). */
static gboolean
org_ref_is_valid (const char *ref)
{
  if (ref[0] == '\0' || strlen (ref) > 100)
    return FALSE;
  for (const char *p = ref; *p != '\0'; p++)
    {
      if (!g_ascii_isgraph (*p) || strchr ("/&|?", *p) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* A code of IATI's OrganisationType list: two digits. */
static gboolean
org_type_is_valid (const char *type)
{
  return strlen (type) == 2 && g_ascii_isdigit (type[0]) && g_ascii_isdigit (type[1]);
}

/* xsd:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
static gboolean
language_is_valid (const char *language)
{
  guint length = 0;
  gboolean first = TRUE;

  for (const char *p = language;; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          if (length == 0)
            return FALSE;
          if (*p == '\0')
            return TRUE;
          length = 0;
          first = FALSE;
        }
      else if ((first ? g_ascii_isalpha (*p) : g_ascii_isalnum (*p)) && length < 8)
        length++;
      else
        return FALSE;
    }
}

gboolean
ccp_export_check_options (const CcpExportOptions  *options,
                          GError                 **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    return TRUE;
  name = g_strstrip (g_strdup (options->iati_org_name != NULL ? options->iati_org_name : "-"));
  if (options->iati_org_ref != NULL && !org_ref_is_valid (options->iati_org_ref))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s is what was given as the IATI organisation reference */
                   _("“%s” cannot be an IATI organisation identifier: it must be like "
                     "XM-DAC-41304, without spaces or / & | ?"), options->iati_org_ref);
      return FALSE;
    }
  if (options->iati_org_type != NULL && !org_type_is_valid (options->iati_org_type))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s is what was given as the IATI organisation type */
                   _("“%s” is not an IATI organisation type: expected a two-digit code such "
                     "as 40 (multilateral) or 11 (local government)"), options->iati_org_type);
      return FALSE;
    }
  if (name[0] == '\0')
    {
      g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                           _("The IATI organisation name is empty"));
      return FALSE;
    }
  if (options->iati_language != NULL && !language_is_valid (options->iati_language))
    {
      g_set_error (error, CCP_ERROR, CCP_ERROR_FAILED,
                   /* Translators: %s is what was given as the language of the texts */
                   _("“%s” is not a language tag: expected a code such as en, fr or es"),
                   options->iati_language);
      return FALSE;
    }
  return TRUE;
}

/* The field of a city of a network overview comes from its accepted source. */
static const char *
source_field (CcpFieldPlan   *field_plan,
              CcpAttribution *attribution)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED &&
          g_str_equal (ccp_source_get_plan_id (source), ccp_attribution_get_plan_id (attribution)) &&
          g_str_equal (ccp_source_get_city (source), ccp_attribution_get_city (attribution)) &&
          g_str_equal (ccp_source_get_country (source),
                       ccp_attribution_get_country (attribution)))
        return ccp_source_get_field (source);
    }
  return ccp_field_plan_get_field (field_plan);
}

GArray *
ccp_export_get_cities (GObject     *document,
                       CcpActivity *activity)
{
  GArray *cities = g_array_new (FALSE, TRUE, sizeof (CcpExportCity));

  if (CCP_IS_PLAN (document))
    {
      CcpPlan *plan = CCP_PLAN (document);
      CcpExportCity city = {
        ccp_plan_get_city (plan), ccp_plan_get_country (plan), ccp_plan_get_field (plan),
        ccp_plan_get_id (plan), ccp_activity_get_id (activity), NULL,
      };

      g_array_append_val (cities, city);
    }
  else
    {
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
        {
          /* The list store keeps the attribution alive. */
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);
          CcpExportCity city = {
            ccp_attribution_get_city (attribution), ccp_attribution_get_country (attribution),
            source_field (CCP_FIELD_PLAN (document), attribution),
            ccp_attribution_get_plan_id (attribution),
            ccp_attribution_get_activity_id (attribution), attribution,
          };

          g_array_append_val (cities, city);
        }
    }
  return cities;
}

GBytes *
ccp_export_full (GObject                 *document,
                 CcpExportFormat          format,
                 const CcpExportOptions  *options,
                 GError                 **error)
{
  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case CCP_EXPORT_FORMAT_CSV:
      return ccp_export_csv_full (document, options != NULL ? options->csv_flags
                                                            : CCP_EXPORT_CSV_NONE);
    case CCP_EXPORT_FORMAT_HTML:
      return ccp_export_html (document);
    case CCP_EXPORT_FORMAT_IATI:
      return ccp_export_iati (document, options, error);
    case CCP_EXPORT_FORMAT_XLSX:
      return ccp_export_xlsx (document, error);
    case CCP_EXPORT_FORMAT_NETWORK_CSV:
      if (!CCP_IS_FIELD_PLAN (document))
        {
          g_set_error_literal (error, CCP_ERROR, CCP_ERROR_FAILED,
                               _("The fields side by side (network-csv) are made from a field "
                                 "plan or a network overview, not from a city plan"));
          return NULL;
        }
      return ccp_export_network_csv (CCP_FIELD_PLAN (document));
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ccp_export_save_full (GObject                 *document,
                      CcpExportFormat          format,
                      const CcpExportOptions  *options,
                      GFile                   *file,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ccp_export_full (document, format, options, error);
  if (bytes == NULL)
    return FALSE;
  return ccp_file_save (file, bytes, FALSE, cancellable, error);
}
