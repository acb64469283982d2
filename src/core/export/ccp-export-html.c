/* ccp-export-html.c: a self-contained, printable HTML report of a city plan or a field plan.
 *
 * The page is XHTML-compatible (every element closed, attributes quoted) so that an XML parser
 * reads it as well as a browser; tests check it that way. It has no script and no external
 * reference, so it reads the same offline and cannot leak anything when opened. Every string
 * from a plan is escaped, and characters that XML cannot carry become U+FFFD.
 */
#define G_LOG_DOMAIN "ccp-export"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-data.h"
#include "ccp-export.h"
#include "ccp-export-network.h"
#include "ccp-field-plan.h"
#include "ccp-format.h"
#include "ccp-iso-codes.h"
#include "ccp-markup.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-report-summary.h"
#include "ccp-result.h"
#include "ccp-source.h"
#include "ccp-stats.h"
#include "ccp-vocabulary.h"

static const char style[] =
  "body{font-family:sans-serif;line-height:1.4;margin:2em auto;max-width:60em;padding:0 1em;"
  "color:#1a1a1a;background:#fff}"
  "h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #2a6f97;padding-bottom:.2em;"
  "margin-top:2em}h3{margin-top:1.5em}h4{margin:0 0 .4em}"
  ".meta{color:#555}"
  "table{border-collapse:collapse;margin:.5em 0 1em;min-width:20em}"
  "caption{text-align:start;font-weight:bold;padding:.3em 0}"
  "th,td{border:1px solid #bbb;padding:.25em .6em;text-align:start;vertical-align:top}"
  "td.n{text-align:end;font-variant-numeric:tabular-nums}"
  "thead th{background:#eef3f7}"
  ".summary{display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 2em}"
  "article{border:1px solid #ccc;border-radius:4px;padding:.8em 1em;margin:.8em 0}"
  "article.flagship{border-color:#2a6f97;border-width:2px}"
  "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:.5em 0 0}"
  "dt{font-weight:bold}dd{margin:0}"
  ".tag{display:inline-block;border:1px solid #2a6f97;border-radius:3px;padding:0 .3em;"
  "font-size:.85em;color:#2a6f97;margin-inline-start:.5em}"
  "@media print{body{margin:0;max-width:none;font-size:10pt}h2{page-break-before:auto}"
  "article,table{page-break-inside:avoid}a{color:inherit;text-decoration:none}}";

static const char * const rtl_languages[] = {
  "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku-Arab", "ps", "sd", "ug", "ur", "yi", NULL
};

char *
ccp_export_document_language (void)
{
  const char *translated;
  GString *tag;

  ccp_i18n_init ();
  /* The language of the catalogue actually in use, not of $LANGUAGE or the locale: gettext may
   * fall back to English (no catalogue for that language, or the C locale), and the page must
   * not claim a language its text is not in. */
  /* Translators: the language of this translation as a BCP 47 tag, e.g. "fr", "ar", "zh-CN"
   * (not a word to translate: the HTML report declares it for browsers and screen readers) */
  translated = C_("document language", "en");

  tag = g_string_new (NULL);
  for (const char *p = translated; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (tag, '-');
      else if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (tag, *p);
    }
  if (tag->len == 0)
    g_string_assign (tag, "en");
  return g_string_free (tag, FALSE);
}

gboolean
ccp_export_language_is_rtl (const char *language)
{
  g_autofree char *primary = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  primary = g_strndup (language, strcspn (language, "-_"));
  for (guint i = 0; rtl_languages[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (rtl_languages[i], primary) == 0 ||
          g_ascii_strcasecmp (rtl_languages[i], language) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Escaping */

/* HTML text through the core's one escaper. */
static void
esc (GString    *out,
     const char *text)
{
  ccp_markup_append_html (out, text);
}

static void
element (GString    *out,
         const char *tag,
         const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  esc (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* Labels */

static const char *
label (const char *vocabulary,
       const char *code)
{
  const char *text = ccp_vocabulary_get_label (ccp_vocabulary_get_default (), vocabulary, code);

  return text != NULL ? text : code;
}

static const char *
short_label (const char *vocabulary,
             const char *code)
{
  const char *text = ccp_vocabulary_get_short_label (ccp_vocabulary_get_default (), vocabulary,
                                                     code);

  return text != NULL ? text : code;
}

/* ccp_bidi_isolate() into a pool that the caller frees, for the arguments of a sentence. */
static const char *
isolated (GPtrArray  *pool,
          const char *text)
{
  char *result = ccp_bidi_isolate (text);

  g_ptr_array_add (pool, result);
  return result;
}

static char *
city_label (const char *city,
            const char *country)
{
  const char *name = *country != '\0'
                     ? ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (), country)
                     : NULL;

  g_autofree char *isolated = ccp_bidi_isolate (city);

  if (name == NULL)
    name = country;
  if (*name == '\0')
    return g_steal_pointer (&isolated);
  /* Translators: a city and its country, e.g. "Bologna (Italy)" */
  return g_strdup_printf (_("%s (%s)"), isolated, name);
}

static char *
codes_label (const char         *vocabulary,
             const char * const *codes)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (4, NULL, TRUE);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_ptr_array_add (parts, (gpointer) short_label (vocabulary, codes[i]));
  /* Translators: separates the items of a list in the HTML report */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Summary tables */

static void
count_table (GString           *out,
             CcpStats          *stats,
             CcpStatsDimension  dimension,
             const char        *caption,
             const char        *column,
             const char        *vocabulary)
{
  GPtrArray *rows = ccp_stats_get_counts (stats, dimension);

  if (rows->len == 0)
    return;

  g_string_append (out, "<table>");
  element (out, "caption", caption);
  g_string_append (out, "<thead><tr>");
  element (out, "th", column);
  element (out, "th", _("Activities"));
  g_string_append (out, "</tr></thead><tbody>\n");

  for (guint i = 0; i < rows->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (rows, i);
      g_autofree char *text = NULL;

      if (dimension == CCP_STATS_CITY)
        text = city_label (row->key, row->country != NULL ? row->country : "");
      else if (dimension == CCP_STATS_MONTH)
        text = ccp_format_month (row->key);
      else if (dimension == CCP_STATS_SDG)
        /* Translators: an SDG number and its short name, e.g. "11. Sustainable cities" */
        text = g_strdup_printf (_("%s. %s"), row->key, short_label (vocabulary, row->key));
      else
        text = g_strdup (short_label (vocabulary, row->key));

      g_string_append (out, "<tr>");
      element (out, "td", text);
      g_string_append_printf (out, "<td class=\"n\">%u</td></tr>\n", row->count);
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
write_summary (GString  *out,
               CcpStats *stats)
{
  GPtrArray *budgets = ccp_stats_get_budgets (stats);
  guint n = ccp_stats_get_n_activities (stats);
  guint flagship = ccp_stats_get_n_flagship (stats);
  g_autofree char *line = NULL;

  g_string_append (out, "<section id=\"summary\">");
  element (out, "h2", _("Summary"));

  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity, %u flagship",
                                       "%u activities, %u flagship", n),
                          n, flagship);
  element (out, "p", line);

  g_string_append (out, "<div class=\"summary\">\n");
  count_table (out, stats, CCP_STATS_CITY, _("Activities per city"), _("City"), NULL);
  count_table (out, stats, CCP_STATS_MONTH, _("Activities per month"), _("Month"), NULL);
  count_table (out, stats, CCP_STATS_KIND, _("Activities per kind"), _("Kind"), "kind");
  count_table (out, stats, CCP_STATS_SCOPE, _("Activities per scope"), _("Scope"), "scope");
  count_table (out, stats, CCP_STATS_OBJECTIVE, _("Activities per objective"),
               _("Objective of the Mission Statement"), "objective");
  count_table (out, stats, CCP_STATS_AREA, _("Activities per area of action"),
               _("Area of action"), "area");
  count_table (out, stats, CCP_STATS_SDG, _("Activities per Sustainable Development Goal"),
               _("SDG"), "sdg");

  if (budgets->len > 0)
    {
      g_string_append (out, "<table>");
      element (out, "caption", _("Budgets per currency (never added across currencies)"));
      g_string_append (out, "<thead><tr>");
      element (out, "th", _("Currency"));
      element (out, "th", _("Total"));
      element (out, "th", _("Activities"));
      element (out, "th", _("Unreadable amounts"));
      g_string_append (out, "</tr></thead><tbody>\n");
      for (guint i = 0; i < budgets->len; i++)
        {
          CcpStatsBudget *budget = g_ptr_array_index (budgets, i);
          g_autofree char *total = ccp_format_cents (budget->cents);

          g_string_append (out, "<tr>");
          element (out, "td", *budget->currency != '\0' ? budget->currency : "?");
          g_string_append (out, "<td class=\"n\">");
          esc (out, total);
          g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td>"
                                  "</tr>\n", budget->activities, budget->unreadable);
        }
      g_string_append (out, "</tbody></table>\n");
    }
  g_string_append (out, "</div></section>\n");
}

/* Activities */

static void
detail (GString    *out,
        const char *term,
        const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  element (out, "dt", term);
  element (out, "dd", value);
}

static void
write_activity (GString     *out,
                CcpActivity *activity,
                const char  *city)
{
  const char *none = _("No relevant information");
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  guint n_attributions = g_list_model_get_n_items (attributions);
  g_autofree char *dates = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *place = NULL;
  g_autofree char *objectives = codes_label ("objective", ccp_activity_get_objectives (activity));
  g_autofree char *areas = codes_label ("area", ccp_activity_get_areas (activity));
  g_autofree char *sdgs = codes_label ("sdg", ccp_activity_get_sdgs (activity));
  g_autofree char *funding = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *joint = NULL;
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  GListModel *list;
  guint n;

  g_string_append (out, ccp_activity_get_flagship (activity) ? "<article class=\"flagship\">"
                                                             : "<article>");
  g_string_append (out, "<h4><bdi>");
  esc (out, ccp_activity_get_title (activity));
  g_string_append (out, "</bdi>");
  if (ccp_activity_get_flagship (activity))
    {
      g_string_append (out, "<span class=\"tag\">");
      esc (out, _("Flagship"));
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</h4>\n");

  if (*ccp_activity_get_description (activity) != '\0')
    element (out, "p", ccp_activity_get_description (activity));

  g_string_append (out, "<dl>");
  start = ccp_format_date (ccp_activity_get_start_date (activity));
  end = ccp_format_date (ccp_activity_get_end_date (activity));
  /* Translators: the dates of an activity, e.g. "May 17, 2027 – May 23, 2027" */
  dates = g_strdup_printf (_("%s – %s"), start, end);
  detail (out, _("Dates"), dates);
  if (ccp_activity_get_online (activity))
    place = *ccp_activity_get_place (activity) != '\0'
            /* Translators: the place of an activity that is also online */
            ? g_strdup_printf (_("%s (online)"), isolated (pool, ccp_activity_get_place (activity)))
            : g_strdup (_("Online"));
  else
    place = g_strdup (ccp_activity_get_place (activity));
  detail (out, _("Place"), place);
  detail (out, _("Kind"), label ("kind", ccp_activity_get_kind (activity)));
  detail (out, _("Scope"), label ("scope", ccp_activity_get_scope (activity)));
  detail (out, _("State"), label ("state", ccp_activity_get_state (activity)));

  if (n_attributions > 1 || *ccp_activity_get_joint_ref (activity) != '\0')
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n_attributions; i++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, i);

          if (city != NULL && g_str_equal (ccp_attribution_get_city (attribution), city))
            continue;
          g_ptr_array_add (parts, ccp_bidi_isolate (ccp_attribution_get_city (attribution)));
        }
      g_ptr_array_add (parts, NULL);
      joint = g_strjoinv (_(", "), (char **) parts->pdata);
      if (*joint == '\0')
        {
          g_free (joint);
          joint = g_strdup (ccp_activity_get_joint_ref (activity));
        }
      detail (out, _("Joint activity with"), joint);
    }

  detail (out, _("Objectives"), objectives);
  detail (out, _("Areas of action"), areas);
  detail (out, _("SDGs"), ccp_activity_get_sdgs_none (activity) ? none : sdgs);

  list = G_LIST_MODEL (ccp_activity_get_partner_cities (activity));
  n = g_list_model_get_n_items (list);
  if (ccp_activity_get_partner_cities_none (activity))
    detail (out, _("Partner cities"), none);
  else if (n > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

          /* Translators: a partner city and its creative field, e.g. "Leiria (Music)" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s (%s)"),
                                                   isolated (pool,
                                                             ccp_partner_get_name (partner)),
                                                   label ("field",
                                                          ccp_partner_get_field (partner))));
        }
      g_ptr_array_add (parts, NULL);
      text = g_strjoinv (_(", "), (char **) parts->pdata);
      detail (out, _("Partner cities"), text);
    }

  list = G_LIST_MODEL (ccp_activity_get_partner_organisations (activity));
  n = g_list_model_get_n_items (list);
  if (ccp_activity_get_partner_organisations_none (activity))
    detail (out, _("Partner organisations"), none);
  else if (n > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpPartner) partner = g_list_model_get_item (list, i);

          /* Translators: an organisation and its sector, e.g. "City Hall (Public sector)" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s (%s)"),
                                                   isolated (pool,
                                                             ccp_partner_get_name (partner)),
                                                   label ("sector",
                                                          ccp_partner_get_sector (partner))));
        }
      g_ptr_array_add (parts, NULL);
      text = g_strjoinv (_("; "), (char **) parts->pdata);
      detail (out, _("Partner organisations"), text);
    }

  if (ccp_activity_get_budget_none (activity))
    budget = g_strdup (none);
  else if (*ccp_activity_get_budget_amount (activity) != '\0')
    {
      g_autofree char *amount = ccp_format_amount (ccp_activity_get_budget_amount (activity));

      /* Translators: an amount and its ISO 4217 currency, e.g. "18,000.00 EUR" */
      budget = g_strdup_printf (_("%s %s"), amount, ccp_activity_get_budget_currency (activity));
    }
  detail (out, _("Budget"), budget);

  if (ccp_activity_get_funding_none (activity))
    funding = g_strdup (none);
  else
    {
      g_autoptr(GPtrArray) sources = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      const char * const *funding_sources = ccp_activity_get_funding (activity);

      for (guint i = 0; funding_sources != NULL && funding_sources[i] != NULL; i++)
        g_ptr_array_add (sources, ccp_bidi_isolate (funding_sources[i]));
      funding = g_strjoinv (_("; "), (char **) sources->pdata);
    }
  detail (out, _("Funding"), funding);

  list = G_LIST_MODEL (ccp_activity_get_results (activity));
  n = g_list_model_get_n_items (list);
  if (ccp_activity_get_results_none (activity))
    detail (out, _("Expected results"), none);
  else if (n > 0)
    {
      element (out, "dt", _("Expected results"));
      g_string_append (out, "<dd><ul>");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcpResult) result = g_list_model_get_item (list, i);

          g_string_append (out, "<li><bdi>");
          esc (out, ccp_result_get_outcome (result));
          g_string_append (out, "</bdi>");
          if (*ccp_result_get_indicator (result) != '\0')
            {
              g_autofree char *indicator =
                /* Translators: the indicator of an expected result */
                g_strdup_printf (_("Indicator: %s"),
                                 isolated (pool, ccp_result_get_indicator (result)));

              g_string_append (out, " — ");
              esc (out, indicator);
            }
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul></dd>");
    }

  g_string_append (out, "</dl></article>\n");
}

/* The city's copy of a field plan's activity, with the activity's attributions (for "Joint
 * activity with"). */
static CcpActivity *
city_copy (CcpActivity    *activity,
           CcpAttribution *attribution)
{
  CcpActivity *copy = ccp_attribution_make_copy (attribution, activity);
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

  for (guint i = 0; i < g_list_model_get_n_items (attributions); i++)
    {
      g_autoptr(CcpAttribution) other = g_list_model_get_item (attributions, i);

      ccp_item_list_append (ccp_activity_get_attributions (copy), other);
    }
  g_object_set_data (G_OBJECT (copy), "ccp-activity", activity);
  return copy;
}

static void
write_city_heading (GString    *out,
                    const char *city,
                    const char *country)
{
  g_autofree char *text = city_label (city, country);

  element (out, "h3", text);
  g_string_append_c (out, '\n');
}

/* Documents */

static GString *
begin_page (const char *title)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n");
  g_autofree char *language = ccp_export_document_language ();

  g_string_append (out, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
  esc (out, language);
  g_string_append (out, "\" xml:lang=\"");
  esc (out, language);
  g_string_append_printf (out, "\" dir=\"%s\">\n",
                          ccp_export_language_is_rtl (language) ? "rtl" : "ltr");
  g_string_append (out, "<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\"/>\n");
  g_string_append_printf (out, "<meta name=\"generator\" content=\"%s %s\"/>\n",
                          PACKAGE_NAME, PACKAGE_VERSION);
  element (out, "title", title);
  g_string_append_printf (out, "\n<style>%s</style>\n</head>\n<body>\n", style);
  return out;
}

static GBytes *
end_page (GString *out)
{
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}

static GBytes *
export_plan (CcpPlan *plan)
{
  g_autoptr(CcpStats) stats = ccp_stats_new_for_plan (plan);
  g_autofree char *city = city_label (ccp_plan_get_city (plan), ccp_plan_get_country (plan));
  /* Translators: title of a city plan report: city, creative field, period */
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = g_strdup_printf (_("%s — %s — %s"), city,
                                            label ("field", ccp_plan_get_field (plan)),
                                            isolated (pool, ccp_plan_get_period (plan)));
  g_autofree char *meta = NULL;
  const char *when = ccp_plan_get_modified (plan);
  g_autofree char *modified = ccp_format_date_time (when != NULL ? when : "");
  GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  GString *out = begin_page (title);

  g_string_append (out, "<header>");
  element (out, "h1", title);
  /* Translators: under the title of a city plan report: revision, last change, status, focal
   * point */
  meta = g_strdup_printf (_("Revision %u, last modified %s, %s. Focal point: %s"),
                          ccp_plan_get_revision (plan), modified,
                          ccp_plan_get_status (plan) == CCP_PLAN_STATUS_FINAL ? _("final")
                                                                               : _("draft"),
                          isolated (pool, ccp_plan_get_focal_point_name (plan)));
  g_string_append (out, "<p class=\"meta\">");
  esc (out, meta);
  g_string_append (out, "</p></header>\n");

  write_summary (out, stats);

  g_string_append (out, "<section id=\"activities\">");
  element (out, "h2", _("Activities by city"));
  write_city_heading (out, ccp_plan_get_city (plan), ccp_plan_get_country (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      write_activity (out, activity, ccp_plan_get_city (plan));
    }
  g_string_append (out, "</section>\n");

  return end_page (out);
}

static void
write_sources (GString      *out,
               CcpFieldPlan *field_plan)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  guint n = g_list_model_get_n_items (sources);

  g_string_append (out, "<section id=\"sources\">");
  element (out, "h2", _("Sources"));
  if (n == 0)
    {
      element (out, "p", _("No source was merged."));
      g_string_append (out, "</section>\n");
      return;
    }

  g_string_append (out, "<table><thead><tr>");
  element (out, "th", _("City"));
  element (out, "th", _("File"));
  element (out, "th", _("Revision"));
  element (out, "th", _("Status"));
  element (out, "th", _("Errors"));
  element (out, "th", _("Warnings"));
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);
      g_autofree char *city = city_label (ccp_source_get_city (source),
                                          ccp_source_get_country (source));
      const char *status;

      switch (ccp_source_get_status (source))
        {
        case CCP_SOURCE_STATUS_ACCEPTED:
          status = _("Accepted");
          break;
        case CCP_SOURCE_STATUS_SUPERSEDED:
          status = _("Superseded");
          break;
        case CCP_SOURCE_STATUS_REFUSED:
        default:
          status = _("Refused");
          break;
        }

      g_string_append (out, "<tr>");
      element (out, "td", city);
      element (out, "td", ccp_source_get_file (source));
      g_string_append_printf (out, "<td class=\"n\">%u</td>", ccp_source_get_revision (source));
      g_string_append (out, "<td>");
      esc (out, status);
      if (*ccp_source_get_reason (source) != '\0')
        {
          g_string_append (out, " (");
          esc (out, ccp_source_get_reason (source));
          g_string_append (out, ")");
        }
      g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td></tr>\n",
                              ccp_source_get_errors (source), ccp_source_get_warnings (source));
    }
  g_string_append (out, "</tbody></table></section>\n");
}

static void
write_report (GString      *out,
              CcpFieldPlan *field_plan)
{
  g_autoptr(CcpReportSummary) summary = ccp_report_summary_new (field_plan, NULL,
                                                                CCP_REPORT_SUMMARY_ISOLATE);
  GPtrArray *sentences = ccp_report_summary_get_sentences (summary);

  g_string_append (out, "<section id=\"report\">");
  element (out, "h2", _("Merge report"));
  if (sentences->len == 0)
    element (out, "p", _("Nothing to report: every source was accepted and every member city "
                         "has a plan."));
  else
    {
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < sentences->len; i++)
        {
          element (out, "li", g_ptr_array_index (sentences, i));
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

static GBytes *
export_field_plan (CcpFieldPlan *field_plan)
{
  g_autoptr(CcpStats) stats = ccp_stats_new_for_field_plan (field_plan);
  const char *field = ccp_field_plan_get_field (field_plan);
  /* Translators: the "field" of a network overview, which covers every creative field */
  const char *field_label = g_str_equal (field, "network") ? _("All creative fields")
                                                           : label ("field", field);
  /* Translators: title of a field plan report: creative field, period */
  g_autofree char *title = g_strdup_printf (_("%s — %s — consolidated plan"), field_label,
                                            ccp_field_plan_get_period (field_plan));
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  g_autoptr(GHashTable) by_city = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *cities;
  g_autofree char *meta = NULL;
  const char *when = ccp_field_plan_get_consolidated (field_plan);
  g_autofree char *consolidated = ccp_format_date_time (when != NULL ? when : "");
  GString *out = begin_page (title);

  g_string_append (out, "<header>");
  element (out, "h1", title);
  /* Translators: under the title of a field plan report */
  meta = g_strdup_printf (_("Revision %u, consolidated %s, %s."),
                          ccp_field_plan_get_revision (field_plan),
                          consolidated,
                          ccp_field_plan_get_status (field_plan) == CCP_PLAN_STATUS_FINAL
                          ? _("final") : _("draft"));
  g_string_append (out, "<p class=\"meta\">");
  esc (out, meta);
  if (coordinator != NULL && *ccp_contact_get_name (coordinator) != '\0')
    {
      /* Translators: %s is the name of the coordinator of the field */
      g_autofree char *name = ccp_bidi_isolate (ccp_contact_get_name (coordinator));
      g_autofree char *who = g_strdup_printf (_(" Coordinator: %s."), name);

      esc (out, who);
    }
  g_string_append (out, "</p></header>\n");

  write_summary (out, stats);
  /* The network overview sets the creative fields side by side (ccp-export-network.c). */
  if (g_str_equal (field, CCP_FIELD_NETWORK))
    ccp_export_html_append_network (out, field_plan);

  /* Each activity under each of its cities. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          char *key = g_strdup_printf ("%s\n%s", ccp_attribution_get_city (attribution),
                                       ccp_attribution_get_country (attribution));
          GPtrArray *list = g_hash_table_lookup (by_city, key);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_city, key, list);
            }
          else
            g_free (key);
          /* Under each city, its own copy: the shared fields and that city's contribution. */
          if (list->len == 0 ||
              g_object_get_data (g_ptr_array_index (list, list->len - 1), "ccp-activity") !=
              activity)
            g_ptr_array_add (list, city_copy (activity, attribution));
        }
    }

  g_string_append (out, "<section id=\"activities\">");
  element (out, "h2", _("Activities by city"));
  cities = ccp_stats_get_counts (stats, CCP_STATS_CITY);
  for (guint i = 0; i < cities->len; i++)
    {
      CcpStatsCount *row = g_ptr_array_index (cities, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", row->key,
                                              row->country != NULL ? row->country : "");
      GPtrArray *list = g_hash_table_lookup (by_city, key);

      write_city_heading (out, row->key, row->country != NULL ? row->country : "");
      for (guint j = 0; list != NULL && j < list->len; j++)
        write_activity (out, g_ptr_array_index (list, j), row->key);
    }
  g_string_append (out, "</section>\n");

  write_sources (out, field_plan);
  write_report (out, field_plan);

  return end_page (out);
}

GBytes *
ccp_export_html (GObject *document)
{
  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), NULL);

  ccp_i18n_init ();

  if (CCP_IS_PLAN (document))
    return export_plan (CCP_PLAN (document));
  return export_field_plan (CCP_FIELD_PLAN (document));
}
