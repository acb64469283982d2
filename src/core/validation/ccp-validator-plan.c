/* ccp-validator-plan.c: the document header (identifier, revision, times, field, period,
 * Mission Statement) shared by plans and field plans, and the city plan's own fields. */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include "ccp-plan.h"
#include "ccp-registry.h"
#include "ccp-validator-private.h"
#include "ccp-vocabulary.h"

void
_ccp_check_document (Checker    *c,
                     const char *id,
                     guint       revision,
                     const char *modified)
{
  if (_ccp_is_blank (id))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-id-missing", _ccp_checker_path (c, "id"),
               _("The plan identifier is missing"));
  else if (!_ccp_is_identifier (id))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-id-invalid", _ccp_checker_path (c, "id"),
               _("Plan identifier “%s” is not valid: expected up to 128 letters, digits, "
                 "“.”, “_”, “:” or “-”, starting with a letter or digit"), id);

  if (revision == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "revision-invalid", _ccp_checker_path (c, "revision"),
               _("Revision %u is not valid: expected 1 or more"), revision);
  else if (revision > CCP_REVISION_MAX)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "revision-too-large", _ccp_checker_path (c, "revision"),
               /* Translators: %u are the revision found and the highest there can be */
               _("Revision %u is too large: a plan has at most revision %u"), revision,
               CCP_REVISION_MAX);

  if (_ccp_is_blank (modified))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "modified-missing", _ccp_checker_path (c, "modified"),
               _("The time of the last change is missing"));
  else if (!_ccp_is_date_time (modified))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "modified-invalid", _ccp_checker_path (c, "modified"),
               _("Modification time “%s” is not valid: expected an ISO 8601 date and time "
                 "such as 2026-11-20T09:30:00Z"), modified);
}

void
_ccp_check_field (Checker    *c,
                  const char *field)
{
  if (_ccp_is_blank (field))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "field-missing", _ccp_checker_path (c, "field"),
                 _("The creative field is missing"));
    }
  else if (!ccp_vocabulary_has_term (c->self->vocabulary, "field", field))
    {
      g_autofree char *expected = _ccp_expected_codes (c->self, "field");

      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "field-unknown", _ccp_checker_path (c, "field"),
                 _("Creative field “%s” is unknown: expected one of %s"), field, expected);
    }
}

void
_ccp_check_period (Checker    *c,
                   const char *period)
{
  guint year, half;

  if (_ccp_is_blank (period))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "period-missing", _ccp_checker_path (c, "period"),
               _("The period is missing"));
  else if (!ccp_period_parse (period, &year, &half))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "period-invalid", _ccp_checker_path (c, "period"),
               _("Period “%s” is not a calendar half: expected a year, “-H1” (January to June) "
                 "or “-H2” (July to December), e.g. 2027-H1"), period);
}

void
_ccp_check_mission_statement (Checker    *c,
                              const char *version)
{
  if (_ccp_is_blank (version))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "mission-statement-missing",
                 _ccp_checker_path (c, "mission-statement"),
                 _("The Mission Statement version is missing"));
    }
  else if (!ccp_vocabulary_has_term (c->self->vocabulary, "mission-statement", version))
    {
      g_autofree char *expected = _ccp_expected_codes (c->self, "mission-statement");

      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "mission-statement-unknown",
                 _ccp_checker_path (c, "mission-statement"),
                 _("Mission Statement version “%s” is unknown: expected one of %s"),
                 version, expected);
    }
}

/* The city plan's own fields */

static void
check_city (Checker *c,
            CcpPlan *plan)
{
  const char *city = ccp_plan_get_city (plan);
  const char *country = ccp_plan_get_country (plan);
  gboolean country_ok = _ccp_is_known_country (c->self, country);

  if (_ccp_is_blank (city))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "city-missing", _ccp_checker_path (c, "city"),
                 _("The city is missing"));
    }
  else
    {
      _ccp_check_single_line (c, _ccp_checker_path (c, "city"), city);

      /* The Network grows faster than any list: a warning at most. Any field will do. */
      if (ccp_registry_lookup (c->self->registry, city, country_ok ? country : NULL,
                               NULL) == NULL && !_ccp_is_blank (country))
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "city-not-in-registry", _ccp_checker_path (c, "city"),
                   /* Translators: a city name, then a country code such as FR */
                   _("City “%s” (%s) is not in the list of member cities: check its spelling"),
                   city, country);
      else if (ccp_registry_lookup (c->self->registry, city, NULL, NULL) == NULL)
        /* No country yet (a new plan): no empty "()" in the sentence. */
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "city-not-in-registry", _ccp_checker_path (c, "city"),
                   /* Translators: a city name */
                   _("City “%s” is not in the list of member cities: check its spelling"), city);
    }

  if (_ccp_is_blank (country))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "country-missing", _ccp_checker_path (c, "country"),
               _("The country is missing"));
  else if (!country_ok)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "country-unknown", _ccp_checker_path (c, "country"),
               _("Country code “%s” is unknown: expected an ISO 3166-1 alpha-2 code "
                 "such as FR"), country);
}

static void
check_contacts (Checker *c,
                CcpPlan *plan)
{
  const char *email = ccp_plan_get_focal_point_email (plan);
  const char *rep_name = ccp_plan_get_representative_name (plan);
  const char *rep_title = ccp_plan_get_representative_title (plan);
  const char *rep_email = ccp_plan_get_representative_email (plan);
  gboolean rep_given = !_ccp_is_blank (rep_name) || !_ccp_is_blank (rep_title) ||
                       !_ccp_is_blank (rep_email);

  if (_ccp_is_blank (ccp_plan_get_focal_point_name (plan)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "focal-point-name-missing",
               _ccp_checker_path (c, "focal-point-name"),
               _("The name of the Focal Point is missing"));
  _ccp_check_single_line (c, _ccp_checker_path (c, "focal-point-name"),
                          ccp_plan_get_focal_point_name (plan));

  if (_ccp_is_blank (email))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "focal-point-email-missing",
               _ccp_checker_path (c, "focal-point-email"),
               _("The email address of the Focal Point is missing"));
  else
    _ccp_check_email (c, _ccp_checker_path (c, "focal-point-email"), email);
  _ccp_check_optional_line (c, _ccp_checker_path (c, "focal-point-phone"),
                            ccp_plan_get_focal_point_phone (plan));

  if (ccp_plan_get_representative_none (plan))
    {
      if (rep_given)
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "none-with-values",
                   _ccp_checker_path (c, "representative-none"),
                   _("The political representative is answered “no representative” but "
                     "a name, title or email is given too: remove them or the answer"));
    }
  else if (!rep_given)
    {
      ADD_ISSUE (c, CCP_SEVERITY_INFO, "representative-unanswered",
                 _ccp_checker_path (c, "representative-name"),
                 _("No political representative is given: name one, "
                   "or answer “no representative”"));
    }
  else if (_ccp_is_blank (rep_name))
    {
      ADD_ISSUE (c, CCP_SEVERITY_WARNING, "representative-name-missing",
                 _ccp_checker_path (c, "representative-name"),
                 _("The political representative has a title or email but no name"));
    }

  _ccp_check_single_line (c, _ccp_checker_path (c, "representative-name"), rep_name);
  _ccp_check_optional_line (c, _ccp_checker_path (c, "representative-title"), rep_title);
  _ccp_check_email (c, _ccp_checker_path (c, "representative-email"), rep_email);
}

void
_ccp_check_plan_fields (Checker *c,
                        CcpPlan *plan)
{
  _ccp_check_document (c, ccp_plan_get_id (plan), ccp_plan_get_revision (plan),
                       ccp_plan_get_modified (plan));
  check_city (c, plan);
  _ccp_check_field (c, ccp_plan_get_field (plan));
  _ccp_check_period (c, ccp_plan_get_period (plan));
  _ccp_check_mission_statement (c, ccp_plan_get_mission_statement (plan));
  check_contacts (c, plan);
  _ccp_check_budget_totals (c, G_LIST_MODEL (ccp_plan_get_activities (plan)));

  if (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))) == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activities-missing", _ccp_checker_path (c, "activities"),
               _("The plan has no activity: a plan needs at least one"));
}
