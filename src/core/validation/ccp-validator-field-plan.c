/* ccp-validator-field-plan.c: the field plan's own fields (consolidation time, coordinator,
 * deputies, the records of the merge: roster, sources, report); its header is checked as a city
 * plan's is, its activities as every activity. */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-field-plan.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-report-item.h"
#include "ccp-source.h"
#include "ccp-validator-private.h"

static gboolean
is_country_shape (const char *value)
{
  return _ccp_is_upper_code (value, 2);
}

static gboolean
is_period (const char *value)
{
  return ccp_period_parse (value, NULL, NULL);
}

/* A coordinator or deputy is written with all of its name, city, country and email, which
 * the schema then requires; `who` names them in messages. */
static void
check_contact (Checker    *c,
               CcpContact *contact,
               const char *path,
               const char *who)
{
  const char *name = ccp_contact_get_name (contact);
  const char *city = ccp_contact_get_city (contact);
  const char *country = ccp_contact_get_country (contact);
  const char *email = ccp_contact_get_email (contact);

  if (_ccp_is_blank (name))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "contact-name-missing",
               _ccp_checker_path (c, "%s/name", path),
               /* Translators: %s is “the coordinator” or “deputy coordinator 2” */
               _("The name of %s is missing"), who);
  else
    _ccp_check_single_line (c, _ccp_checker_path (c, "%s/name", path), name);

  if (_ccp_is_blank (city))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "contact-city-missing",
               _ccp_checker_path (c, "%s/city", path),
               /* Translators: %s is “the coordinator” or “deputy coordinator 2” */
               _("The city of %s is missing"), who);
  else
    _ccp_check_single_line (c, _ccp_checker_path (c, "%s/city", path), city);

  if (_ccp_is_blank (country))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "contact-country-missing",
               _ccp_checker_path (c, "%s/country", path),
               /* Translators: %s is “the coordinator” or “deputy coordinator 2” */
               _("The country of %s is missing: choose the country of their city"), who);
  else if (!_ccp_is_known_country (c->self, country))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "contact-country-unknown",
               _ccp_checker_path (c, "%s/country", path),
               /* Translators: a country code, then “the coordinator” or “deputy coordinator 2” */
               _("Country code “%s” of %s is unknown: expected an ISO 3166-1 alpha-2 code "
                 "such as FR"), country, who);

  if (_ccp_is_blank (email))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "contact-email-missing",
               _ccp_checker_path (c, "%s/email", path),
               /* Translators: %s is “the coordinator” or “deputy coordinator 2” */
               _("The email address of %s is missing"), who);
  else
    _ccp_check_email (c, _ccp_checker_path (c, "%s/email", path), email);
}

/* The writer leaves out a coordinator with no value at all. */
static gboolean
contact_is_given (CcpContact *contact)
{
  return *ccp_contact_get_name (contact) != '\0' || *ccp_contact_get_city (contact) != '\0' ||
         *ccp_contact_get_country (contact) != '\0' || *ccp_contact_get_email (contact) != '\0';
}

/* The records a merge writes (sources, roster, report) hold values copied from the plans it
 * read, which may be drafts with errors; the schema constrains each attribute. */
typedef struct
{
  const char *attribute;
  const char *value;
  gboolean  (*valid) (const char *value);
  gboolean    required;          /* else an empty value is left out of the file */
} RecordValue;

static gboolean
is_text (const char *value)
{
  return !_ccp_is_blank (value) && !_ccp_has_line_break (value);
}

/* The attributes of one record that the schema refuses; `format` takes `what` (the record's
 * name), the attribute and its value. */
static void
check_record (Checker           *c,
              const char        *rule,
              const char        *collection,
              guint              j,
              const char        *format,
              const char        *what,
              const RecordValue *values,
              gsize              n_values)
{
  for (gsize k = 0; k < n_values; k++)
    {
      const char *value = values[k].value != NULL ? values[k].value : "";

      if (*value == '\0' && !values[k].required)
        continue;
      if (values[k].valid (value))
        continue;

      /* The format is one of the translated literals of the callers. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, rule,
                 _ccp_checker_path (c, "%s/%u/%s", collection, j, values[k].attribute),
                 format, what, values[k].attribute, value);
#pragma GCC diagnostic pop
    }
}

static void
check_source (Checker   *c,
              CcpSource *source,
              guint      j)
{
  const RecordValue values[] = {
    { "file", ccp_source_get_file (source), is_text, TRUE },
    { "city", ccp_source_get_city (source), is_text, FALSE },
    { "country", ccp_source_get_country (source), is_country_shape, FALSE },
    { "field", ccp_source_get_field (source), _ccp_is_code, FALSE },
    { "period", ccp_source_get_period (source), is_period, FALSE },
    { "plan", ccp_source_get_plan_id (source), _ccp_is_identifier, FALSE },
    { "modified", ccp_source_get_modified (source), _ccp_is_date_time, FALSE },
  };

  check_record (c, "source-value-invalid", "sources", j,
                /* Translators: a file name, then an attribute name (e.g. period), then its
                 * value */
                _("The record of file “%s” has a %s “%s” that the file format does not "
                  "allow: fix that plan and merge it again"),
                ccp_source_get_file (source), values, G_N_ELEMENTS (values));
}

static void
check_roster_member (Checker    *c,
                     CcpPartner *member,
                     guint       j)
{
  const RecordValue values[] = {
    { "name", ccp_partner_get_name (member), is_text, TRUE },
    { "country", ccp_partner_get_country (member), is_country_shape, TRUE },
    { "field", ccp_partner_get_field (member), _ccp_is_code, FALSE },
  };

  check_record (c, "roster-member-invalid", "roster", j,
                /* Translators: a city, then an attribute name (e.g. country), then its value */
                _("Member city “%s” of the roster has a %s “%s” that the file format does not "
                  "allow"),
                ccp_partner_get_name (member), values, G_N_ELEMENTS (values));
}

static void
check_report_item (Checker       *c,
                   CcpReportItem *item,
                   guint          j)
{
  g_autofree char *number = g_strdup_printf ("%u", j + 1);
  const RecordValue values[] = {
    { "kind", ccp_report_item_get_kind (item), _ccp_is_code, TRUE },
    { "code", ccp_report_item_get_code (item), _ccp_is_code, FALSE },
    { "file", ccp_report_item_get_file (item), is_text, FALSE },
    { "city", ccp_report_item_get_city (item), is_text, FALSE },
    { "country", ccp_report_item_get_country (item), is_country_shape, FALSE },
    { "activity", ccp_report_item_get_activity (item), _ccp_is_identifier, FALSE },
    { "joint-ref", ccp_report_item_get_joint_ref (item), _ccp_is_identifier, FALSE },
  };

  check_record (c, "report-item-invalid", "report", j,
                /* Translators: a number, then an attribute name (e.g. city), then its value */
                _("Item %s of the merge report has a %s “%s” that the file format does not "
                  "allow: fix the plan it is about and merge again"),
                number, values, G_N_ELEMENTS (values));
}

void
_ccp_check_field_plan_fields (Checker      *c,
                              CcpFieldPlan *field_plan)
{
  CcpContact *coordinator;
  GListModel *deputies, *records;
  const char *consolidated;

  _ccp_check_document (c, ccp_field_plan_get_id (field_plan),
                       ccp_field_plan_get_revision (field_plan),
                       ccp_field_plan_get_modified (field_plan));
  /* A network overview (field plans of several fields merged) has no single field. */
  if (g_strcmp0 (ccp_field_plan_get_field (field_plan), CCP_FIELD_NETWORK) != 0)
    _ccp_check_field (c, ccp_field_plan_get_field (field_plan));
  _ccp_check_period (c, ccp_field_plan_get_period (field_plan));
  _ccp_check_mission_statement (c, ccp_field_plan_get_mission_statement (field_plan));
  /* Every city's contribution counts, as in the statistics. */
  {
    g_autoptr(CcpItemList) contributions = ccp_item_list_new (CCP_TYPE_ACTIVITY);
    GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

    for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
      {
        g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
        GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

        if (g_list_model_get_n_items (attributions) == 0)
          ccp_item_list_append (contributions, activity);
        for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
          {
            g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

            ccp_item_list_append (contributions, ccp_attribution_get_values (attribution));
          }
      }
    _ccp_check_budget_totals (c, G_LIST_MODEL (contributions));
  }

  consolidated = ccp_field_plan_get_consolidated (field_plan);
  if (_ccp_is_blank (consolidated))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "consolidated-missing",
               _ccp_checker_path (c, "consolidated"),
               _("The time of consolidation is missing"));
  else if (!_ccp_is_date_time (consolidated))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "consolidated-invalid",
               _ccp_checker_path (c, "consolidated"),
               _("Consolidation time “%s” is not valid: expected an ISO 8601 date and time "
                 "such as 2026-11-20T09:30:00Z"), consolidated);

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  if (coordinator != NULL && contact_is_given (coordinator))
    check_contact (c, coordinator, "coordinator", _("the coordinator"));
  deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (deputies); j++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, j);
      g_autofree char *path = g_strdup_printf ("deputies/%u", j);
      /* Translators: the number of a deputy coordinator, from 1 */
      g_autofree char *who = g_strdup_printf (_("deputy coordinator %u"), j + 1);

      check_contact (c, deputy, path, who);
    }

  records = G_LIST_MODEL (ccp_field_plan_get_roster (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (records); j++)
    {
      g_autoptr(CcpPartner) member = g_list_model_get_item (records, j);

      check_roster_member (c, member, j);
    }
  records = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (records); j++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (records, j);

      check_source (c, source, j);
    }
  records = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (records); j++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (records, j);

      check_report_item (c, item, j);
    }
}
