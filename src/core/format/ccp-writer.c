/* ccp-writer.c: canonical output of city plans and field plans.
 *
 * The document is built in a GString with explicit escaping rather than with xmlTextWriter, so
 * that every byte of the output is decided here: the XML declaration, two-space indentation,
 * LF line ends, a final newline, elements in the order of the schema and attributes in a fixed
 * order. An element whose content is empty is always written in the short form <name/>, so
 * read -> write gives the same bytes whatever form the file used.
 *
 * Characters that XML 1.0 cannot carry at all (control characters other than tab, LF and CR,
 * and U+FFFE/U+FFFF) are written as U+FFFD REPLACEMENT CHARACTER: there is no escape for them,
 * and dropping them silently would hide the change. Tab, LF and CR inside attribute values
 * and CR inside text are written as character references so that they survive the parser's
 * normalisation.
 */
#define G_LOG_DOMAIN "ccp-writer"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-error.h"
#include "ccp-field-plan.h"
#include "ccp-file.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-result.h"
#include "ccp-source.h"
#include "ccp-writer.h"

static gboolean
is_xml_char (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return TRUE;
  if (c < 0x20)
    return FALSE;
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  if (c == 0xFFFE || c == 0xFFFF)
    return FALSE;
  return c <= 0x10FFFF;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL)
    return;

  /* Model strings are UTF-8; if one is not, keep what can be kept instead of writing a file
   * that no XML parser would read. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;
      const char *run = p;

      /* Most text needs no escaping: append runs of plain printable ASCII at once. */
      while ((guchar) *p >= 0x20 && (guchar) *p < 0x7f &&
             *p != '&' && *p != '<' && *p != '>' && *p != '"')
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\n':
          g_string_append (out, in_attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, in_attribute ? "&#9;" : "\t");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append_unichar (out, 0xFFFD);
          break;
        }
    }
}

static void
append_indent (GString *out,
               guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* Appends name="value" pairs from a NULL-terminated list; a NULL value leaves the attribute
 * out. */
static void
append_attributes_valist (GString *out,
                          va_list  args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;

      g_string_append_c (out, ' ');
      g_string_append (out, name);
      g_string_append (out, "=\"");
      append_escaped (out, value, TRUE);
      g_string_append_c (out, '"');
    }
}

/* <name attributes...>text</name>, or <name attributes.../> when text is empty. */
G_GNUC_NULL_TERMINATED static void
write_element (GString    *out,
               guint       level,
               const char *name,
               const char *text,
               ...)
{
  va_list args;

  append_indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  va_start (args, text);
  append_attributes_valist (out, args);
  va_end (args);

  if (text == NULL || *text == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

/* Opens a container element. When empty, writes <name attributes.../> and the caller writes
 * neither children nor end tag. */
G_GNUC_NULL_TERMINATED static void
start_element (GString    *out,
               guint       level,
               const char *name,
               gboolean    empty,
               ...)
{
  va_list args;

  append_indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  va_start (args, empty);
  append_attributes_valist (out, args);
  va_end (args);
  g_string_append (out, empty ? "/>\n" : ">\n");
}

static void
end_element (GString    *out,
             guint       level,
             const char *name)
{
  append_indent (out, level);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

static const char *
non_empty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
true_or_null (gboolean value)
{
  return value ? "true" : NULL;
}

static char *
join_codes (const char * const *codes)
{
  if (codes == NULL)
    return g_strdup ("");
  return g_strjoinv (" ", (char **) codes);
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
write_partner_cities (GString     *out,
                      guint        level,
                      CcpActivity *activity)
{
  GListStore *cities = ccp_activity_get_partner_cities (activity);
  gboolean none = ccp_activity_get_partner_cities_none (activity);
  guint n = n_items (cities);

  if (n == 0 && !none)
    return;

  start_element (out, level, "partner-cities", n == 0, "none", true_or_null (none), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (G_LIST_MODEL (cities), i);

      write_element (out, level + 1, "partner-city", ccp_partner_get_name (partner),
                     "country", ccp_partner_get_country (partner),
                     "field", ccp_partner_get_field (partner),
                     NULL);
    }
  if (n > 0)
    end_element (out, level, "partner-cities");
}

static void
write_partner_organisations (GString     *out,
                             guint        level,
                             CcpActivity *activity)
{
  GListStore *organisations = ccp_activity_get_partner_organisations (activity);
  gboolean none = ccp_activity_get_partner_organisations_none (activity);
  guint n = n_items (organisations);

  if (n == 0 && !none)
    return;

  start_element (out, level, "partner-organisations", n == 0,
                 "none", true_or_null (none), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (G_LIST_MODEL (organisations), i);

      write_element (out, level + 1, "organisation", ccp_partner_get_name (partner),
                     "sector", ccp_partner_get_sector (partner),
                     NULL);
    }
  if (n > 0)
    end_element (out, level, "partner-organisations");
}

static void
write_budget (GString     *out,
              guint        level,
              CcpActivity *activity)
{
  const char *amount = non_empty (ccp_activity_get_budget_amount (activity));
  const char *currency = non_empty (ccp_activity_get_budget_currency (activity));
  gboolean none = ccp_activity_get_budget_none (activity);

  if (amount == NULL && currency == NULL && !none)
    return;

  start_element (out, level, "budget", TRUE,
                 "amount", amount,
                 "currency", currency,
                 "none", true_or_null (none),
                 NULL);
}

static void
write_funding (GString     *out,
               guint        level,
               CcpActivity *activity)
{
  const char * const *sources = ccp_activity_get_funding (activity);
  gboolean none = ccp_activity_get_funding_none (activity);
  guint n = sources != NULL ? g_strv_length ((char **) sources) : 0;

  if (n == 0 && !none)
    return;

  start_element (out, level, "funding", n == 0, "none", true_or_null (none), NULL);
  for (guint i = 0; i < n; i++)
    write_element (out, level + 1, "source", sources[i], NULL);
  if (n > 0)
    end_element (out, level, "funding");
}

static void
write_results (GString     *out,
               guint        level,
               CcpActivity *activity)
{
  GListStore *results = ccp_activity_get_results (activity);
  gboolean none = ccp_activity_get_results_none (activity);
  guint n = n_items (results);

  if (n == 0 && !none)
    return;

  start_element (out, level, "results", n == 0, "none", true_or_null (none), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpResult) result = g_list_model_get_item (G_LIST_MODEL (results), i);

      start_element (out, level + 1, "result", FALSE, NULL);
      write_element (out, level + 2, "outcome", ccp_result_get_outcome (result), NULL);
      if (non_empty (ccp_result_get_indicator (result)) != NULL)
        write_element (out, level + 2, "indicator", ccp_result_get_indicator (result), NULL);
      end_element (out, level + 1, "result");
    }
  if (n > 0)
    end_element (out, level, "results");
}

static void
write_attributions (GString     *out,
                    guint        level,
                    CcpActivity *activity)
{
  GListStore *attributions = ccp_activity_get_attributions (activity);
  guint n = n_items (attributions);

  start_element (out, level, "cities", n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpAttribution) attribution =
        g_list_model_get_item (G_LIST_MODEL (attributions), i);

      write_element (out, level + 1, "city", ccp_attribution_get_city (attribution),
                     "country", ccp_attribution_get_country (attribution),
                     "plan", ccp_attribution_get_plan_id (attribution),
                     "activity", ccp_attribution_get_activity_id (attribution),
                     NULL);
    }
  if (n > 0)
    end_element (out, level, "cities");
}

static void
write_activity (GString     *out,
                guint        level,
                CcpActivity *activity,
                gboolean     in_field_plan)
{
  g_autofree char *objectives = join_codes (ccp_activity_get_objectives (activity));
  g_autofree char *areas = join_codes (ccp_activity_get_areas (activity));
  g_autofree char *sdgs = join_codes (ccp_activity_get_sdgs (activity));
  gboolean sdgs_none = ccp_activity_get_sdgs_none (activity);

  start_element (out, level, "activity", FALSE,
                 "id", ccp_activity_get_id (activity),
                 "kind", ccp_activity_get_kind (activity),
                 "scope", ccp_activity_get_scope (activity),
                 "state", ccp_activity_get_state (activity),
                 "flagship", true_or_null (ccp_activity_get_flagship (activity)),
                 "joint-ref", non_empty (ccp_activity_get_joint_ref (activity)),
                 NULL);

  level++;
  write_element (out, level, "title", ccp_activity_get_title (activity), NULL);
  write_element (out, level, "description", ccp_activity_get_description (activity), NULL);
  write_element (out, level, "start", ccp_activity_get_start_date (activity), NULL);
  write_element (out, level, "end", ccp_activity_get_end_date (activity), NULL);
  write_element (out, level, "place", ccp_activity_get_place (activity),
                 "online", true_or_null (ccp_activity_get_online (activity)),
                 NULL);
  write_element (out, level, "objectives", objectives, NULL);
  write_element (out, level, "areas", areas, NULL);
  if (*sdgs != '\0' || sdgs_none)
    write_element (out, level, "sdgs", sdgs, "none", true_or_null (sdgs_none), NULL);
  write_partner_cities (out, level, activity);
  write_partner_organisations (out, level, activity);
  write_budget (out, level, activity);
  write_funding (out, level, activity);
  write_results (out, level, activity);

  /* Attributions belong to field plans; a city plan that somehow has some keeps them rather
   * than losing them (the schema then flags the file). */
  if (in_field_plan || n_items (ccp_activity_get_attributions (activity)) > 0)
    write_attributions (out, level, activity);
  level--;

  end_element (out, level, "activity");
}

static void
write_activities (GString    *out,
                  guint       level,
                  GListStore *activities,
                  gboolean    in_field_plan)
{
  guint n = n_items (activities);

  start_element (out, level, "activities", n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), i);

      write_activity (out, level + 1, activity, in_field_plan);
    }
  if (n > 0)
    end_element (out, level, "activities");
}

static GString *
begin_document (const char    *root,
                const char    *id,
                guint          revision,
                const char    *modified,
                CcpPlanStatus  status)
{
  GString *out = g_string_sized_new (4096);
  char revision_text[16];

  g_snprintf (revision_text, sizeof revision_text, "%u", revision);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start_element (out, 0, root, FALSE,
                 "xmlns", CCP_FORMAT_NAMESPACE,
                 "version", CCP_FORMAT_VERSION,
                 "id", id,
                 "revision", revision_text,
                 "modified", modified,
                 "status", ccp_plan_status_to_code (status),
                 NULL);
  return out;
}

static GBytes *
end_document (GString    *out,
              const char *root)
{
  end_element (out, 0, root);
  return g_string_free_to_bytes (out);
}

GBytes *
ccp_writer_write_plan (CcpPlan *plan)
{
  GString *out;
  gboolean representative_none;
  const char *rep_name, *rep_title, *rep_email;

  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  out = begin_document ("city-plan",
                        ccp_plan_get_id (plan),
                        ccp_plan_get_revision (plan),
                        ccp_plan_get_modified (plan),
                        ccp_plan_get_status (plan));

  write_element (out, 1, "city", ccp_plan_get_city (plan),
                 "country", ccp_plan_get_country (plan), NULL);
  write_element (out, 1, "field", ccp_plan_get_field (plan), NULL);
  write_element (out, 1, "period", ccp_plan_get_period (plan), NULL);
  write_element (out, 1, "mission-statement", ccp_plan_get_mission_statement (plan), NULL);

  start_element (out, 1, "focal-point", FALSE, NULL);
  write_element (out, 2, "name", ccp_plan_get_focal_point_name (plan), NULL);
  write_element (out, 2, "email", ccp_plan_get_focal_point_email (plan), NULL);
  if (non_empty (ccp_plan_get_focal_point_phone (plan)) != NULL)
    write_element (out, 2, "phone", ccp_plan_get_focal_point_phone (plan), NULL);
  end_element (out, 1, "focal-point");

  representative_none = ccp_plan_get_representative_none (plan);
  rep_name = non_empty (ccp_plan_get_representative_name (plan));
  rep_title = non_empty (ccp_plan_get_representative_title (plan));
  rep_email = non_empty (ccp_plan_get_representative_email (plan));
  if (rep_name != NULL || rep_title != NULL || rep_email != NULL)
    {
      /* <name> is required in the sequence, so it is written even when empty. */
      start_element (out, 1, "representative", FALSE,
                     "none", true_or_null (representative_none), NULL);
      write_element (out, 2, "name", rep_name, NULL);
      if (rep_title != NULL)
        write_element (out, 2, "title", rep_title, NULL);
      if (rep_email != NULL)
        write_element (out, 2, "email", rep_email, NULL);
      end_element (out, 1, "representative");
    }
  else if (representative_none)
    {
      start_element (out, 1, "representative", TRUE, "none", "true", NULL);
    }

  write_activities (out, 1, ccp_plan_get_activities (plan), FALSE);

  return end_document (out, "city-plan");
}

static void
write_contact (GString    *out,
               guint       level,
               const char *name,
               CcpContact *contact)
{
  start_element (out, level, name, FALSE, NULL);
  write_element (out, level + 1, "name", ccp_contact_get_name (contact), NULL);
  write_element (out, level + 1, "city", ccp_contact_get_city (contact),
                 "country", ccp_contact_get_country (contact), NULL);
  write_element (out, level + 1, "email", ccp_contact_get_email (contact), NULL);
  end_element (out, level, name);
}

static gboolean
contact_is_empty (CcpContact *contact)
{
  return non_empty (ccp_contact_get_name (contact)) == NULL &&
         non_empty (ccp_contact_get_city (contact)) == NULL &&
         non_empty (ccp_contact_get_country (contact)) == NULL &&
         non_empty (ccp_contact_get_email (contact)) == NULL;
}

static void
write_source (GString   *out,
              guint      level,
              CcpSource *source)
{
  char revision[16], errors[16], warnings[16];
  guint rev = ccp_source_get_revision (source);

  g_snprintf (revision, sizeof revision, "%u", rev);
  g_snprintf (errors, sizeof errors, "%u", ccp_source_get_errors (source));
  g_snprintf (warnings, sizeof warnings, "%u", ccp_source_get_warnings (source));

  start_element (out, level, "source", TRUE,
                 "file", ccp_source_get_file (source),
                 "sha256", ccp_source_get_sha256 (source),
                 "status", ccp_source_status_to_code (ccp_source_get_status (source)),
                 "reason", non_empty (ccp_source_get_reason (source)),
                 "city", non_empty (ccp_source_get_city (source)),
                 "country", non_empty (ccp_source_get_country (source)),
                 "field", non_empty (ccp_source_get_field (source)),
                 "period", non_empty (ccp_source_get_period (source)),
                 "plan", non_empty (ccp_source_get_plan_id (source)),
                 "revision", rev > 0 ? revision : NULL,
                 "modified", non_empty (ccp_source_get_modified (source)),
                 "errors", errors,
                 "warnings", warnings,
                 NULL);
}

static void
write_report_item (GString       *out,
                   guint          level,
                   CcpReportItem *item)
{
  const char * const *names = ccp_report_item_get_value_names (item);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  start_element (out, level, "item", n == 0,
                 "kind", ccp_report_item_get_kind (item),
                 "code", non_empty (ccp_report_item_get_code (item)),
                 "file", non_empty (ccp_report_item_get_file (item)),
                 "city", non_empty (ccp_report_item_get_city (item)),
                 "country", non_empty (ccp_report_item_get_country (item)),
                 "activity", non_empty (ccp_report_item_get_activity (item)),
                 "joint-ref", non_empty (ccp_report_item_get_joint_ref (item)),
                 NULL);
  for (guint i = 0; i < n; i++)
    write_element (out, level + 1, "value", ccp_report_item_get_value (item, names[i]),
                   "name", names[i], NULL);
  if (n > 0)
    end_element (out, level, "item");
}

GBytes *
ccp_writer_write_field_plan (CcpFieldPlan *field_plan)
{
  GString *out;
  CcpContact *coordinator;
  GListStore *deputies, *roster, *sources, *report;
  guint n;

  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  out = begin_document ("field-plan",
                        ccp_field_plan_get_id (field_plan),
                        ccp_field_plan_get_revision (field_plan),
                        ccp_field_plan_get_modified (field_plan),
                        ccp_field_plan_get_status (field_plan));

  write_element (out, 1, "field", ccp_field_plan_get_field (field_plan), NULL);
  write_element (out, 1, "period", ccp_field_plan_get_period (field_plan), NULL);
  write_element (out, 1, "mission-statement",
                 ccp_field_plan_get_mission_statement (field_plan), NULL);
  write_element (out, 1, "consolidated", ccp_field_plan_get_consolidated (field_plan), NULL);

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  if (coordinator != NULL && !contact_is_empty (coordinator))
    write_contact (out, 1, "coordinator", coordinator);

  deputies = ccp_field_plan_get_deputies (field_plan);
  n = n_items (deputies);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (G_LIST_MODEL (deputies), i);

      write_contact (out, 1, "deputy", deputy);
    }

  roster = ccp_field_plan_get_roster (field_plan);
  n = n_items (roster);
  start_element (out, 1, "roster", n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (G_LIST_MODEL (roster), i);
      const char *member_field = ccp_partner_get_field (member);

      /* A member's field is written only when it is not the plan's own (network overviews). */
      if (*member_field == '\0' || g_str_equal (member_field, ccp_field_plan_get_field (field_plan)))
        member_field = NULL;
      write_element (out, 2, "member", ccp_partner_get_name (member),
                     "country", ccp_partner_get_country (member),
                     "field", member_field, NULL);
    }
  if (n > 0)
    end_element (out, 1, "roster");

  sources = ccp_field_plan_get_sources (field_plan);
  n = n_items (sources);
  start_element (out, 1, "sources", n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (G_LIST_MODEL (sources), i);

      write_source (out, 2, source);
    }
  if (n > 0)
    end_element (out, 1, "sources");

  write_activities (out, 1, ccp_field_plan_get_activities (field_plan), TRUE);

  report = ccp_field_plan_get_report (field_plan);
  n = n_items (report);
  start_element (out, 1, "report", n == 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (G_LIST_MODEL (report), i);

      write_report_item (out, 2, item);
    }
  if (n > 0)
    end_element (out, 1, "report");

  return end_document (out, "field-plan");
}

gboolean
ccp_writer_save (GObject       *document,
                 GFile         *file,
                 gboolean       make_backup,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (CCP_IS_PLAN (document))
    bytes = ccp_writer_write_plan (CCP_PLAN (document));
  else
    bytes = ccp_writer_write_field_plan (CCP_FIELD_PLAN (document));

  return ccp_file_save (file, bytes, make_backup, cancellable, error);
}
