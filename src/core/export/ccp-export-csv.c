/* ccp-export-csv.c: CSV export (RFC 4180) of a city plan or a field plan, and the shared entry
 * points of ccp-export.h. */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <string.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-export.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-result.h"
#include "ccp-source.h"

/* CSV is data exchange, not a report: codes, ISO 8601 dates and "."-decimal amounts exactly as
 * the plan file has them, never ccp-format.h's display forms, so that a spreadsheet or a script
 * reads the same bytes whatever the language and locale of whoever exported them. One exception:
 * a cell that a spreadsheet would take for a formula (see append_field()). */
static const char * const columns[] = {
  "id", "city", "country", "field", "period", "plan", "plan_activity", "title", "description",
  "kind", "scope", "state", "flagship", "joint_ref", "start", "end", "place", "online",
  "objectives", "areas", "sdgs", "sdgs_none", "partner_cities", "partner_cities_none",
  "partner_organisations", "partner_organisations_none", "budget_amount", "budget_currency",
  "budget_none", "funding", "funding_none", "results", "results_none", NULL
};

const char * const *
ccp_export_csv_columns (void)
{
  return columns;
}

gboolean
ccp_export_format_from_string (const char      *text,
                               CcpExportFormat *format)
{
  CcpExportFormat value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "csv") == 0)
    value = CCP_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (text, "html") == 0)
    value = CCP_EXPORT_FORMAT_HTML;
  else
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

static const char *
boolean (gboolean value)
{
  return value ? "true" : "false";
}

static char *
join_strv (const char * const *strv)
{
  return strv != NULL ? g_strjoinv ("; ", (char **) strv) : g_strdup ("");
}

static char *
join_partner_cities (CcpActivity *activity)
{
  GListModel *list = G_LIST_MODEL (ccp_activity_get_partner_cities (activity));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

      g_ptr_array_add (parts, g_strdup_printf ("%s (%s, %s)", ccp_partner_get_name (partner),
                                               ccp_partner_get_country (partner),
                                               ccp_partner_get_field (partner)));
    }
  return join (parts);
}

static char *
join_organisations (CcpActivity *activity)
{
  GListModel *list = G_LIST_MODEL (ccp_activity_get_partner_organisations (activity));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

      g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", ccp_partner_get_name (partner),
                                               ccp_partner_get_sector (partner)));
    }
  return join (parts);
}

static char *
join_results (CcpActivity *activity)
{
  GListModel *list = G_LIST_MODEL (ccp_activity_get_results (activity));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CcpResult) result = g_list_model_get_item (list, i);
      const char *indicator = ccp_result_get_indicator (result);

      if (*indicator != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", ccp_result_get_outcome (result),
                                                 indicator));
      else
        g_ptr_array_add (parts, g_strdup (ccp_result_get_outcome (result)));
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
  g_autofree char *objectives = join_strv (ccp_activity_get_objectives (activity));
  g_autofree char *areas = join_strv (ccp_activity_get_areas (activity));
  g_autofree char *sdgs = join_strv (ccp_activity_get_sdgs (activity));
  g_autofree char *funding = join_strv (ccp_activity_get_funding (activity));
  g_autofree char *partner_cities = join_partner_cities (activity);
  g_autofree char *organisations = join_organisations (activity);
  g_autofree char *results = join_results (activity);
  const char *cells[] = {
    ccp_activity_get_id (activity), city, country, field, period, plan, plan_activity,
    ccp_activity_get_title (activity), ccp_activity_get_description (activity),
    ccp_activity_get_kind (activity), ccp_activity_get_scope (activity),
    ccp_activity_get_state (activity), boolean (ccp_activity_get_flagship (activity)),
    ccp_activity_get_joint_ref (activity), ccp_activity_get_start_date (activity),
    ccp_activity_get_end_date (activity), ccp_activity_get_place (activity),
    boolean (ccp_activity_get_online (activity)), objectives, areas, sdgs,
    boolean (ccp_activity_get_sdgs_none (activity)), partner_cities,
    boolean (ccp_activity_get_partner_cities_none (activity)), organisations,
    boolean (ccp_activity_get_partner_organisations_none (activity)),
    ccp_activity_get_budget_amount (activity), ccp_activity_get_budget_currency (activity),
    boolean (ccp_activity_get_budget_none (activity)), funding,
    boolean (ccp_activity_get_funding_none (activity)), results,
    boolean (ccp_activity_get_results_none (activity)),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (columns) - 1);

  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    append_field (out, cells[i] != NULL ? cells[i] : "", i == 0);
  g_string_append (out, "\r\n");
}

GBytes *
ccp_export_csv (GObject *document)
{
  GString *out;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; columns[i] != NULL; i++)
    append_field (out, columns[i], i == 0);
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
          g_autoptr(GPtrArray) cities = g_ptr_array_new ();
          g_autoptr(GPtrArray) countries = g_ptr_array_new ();
          g_autoptr(GPtrArray) fields = g_ptr_array_new ();
          g_autoptr(GPtrArray) plans = g_ptr_array_new ();
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
          g_autofree char *city = NULL, *country = NULL, *field = NULL;
          g_autofree char *plan = NULL, *plan_activity = NULL;

          for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
            {
              CcpAttribution *attribution = g_list_model_get_item (attributions, j);
              const char *f = source_field (field_plan, attribution);

              g_ptr_array_add (keep, attribution);
              g_ptr_array_add (cities, (gpointer) ccp_attribution_get_city (attribution));
              g_ptr_array_add (countries, (gpointer) ccp_attribution_get_country (attribution));
              if (!g_ptr_array_find_with_equal_func (fields, f, g_str_equal, NULL))
                g_ptr_array_add (fields, (gpointer) f);
              g_ptr_array_add (plans, (gpointer) ccp_attribution_get_plan_id (attribution));
              g_ptr_array_add (ids, (gpointer) ccp_attribution_get_activity_id (attribution));
            }
          if (fields->len == 0)
            g_ptr_array_add (fields, (gpointer) ccp_field_plan_get_field (field_plan));

          city = join (cities);
          country = join (countries);
          field = join (fields);
          plan = join (plans);
          plan_activity = join (ids);
          append_row (out, activity, city, country, field,
                      ccp_field_plan_get_period (field_plan), plan, plan_activity);
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
