/* The validator's rules, one at a time: for each, a plan (or field plan) that breaks it, with
 * the severity, path and message expected, and a near miss that must not raise it; and the
 * documentation (data/schema/validation-rules.md) lists exactly these rules. */
#define G_LOG_DOMAIN "test-validator-rules"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"
#include "ccp-test-validator.h"

/* One rule, one failing plan, one near miss */

typedef void (*PlanMutator) (CcpPlan *plan);
typedef void (*FieldPlanMutator) (CcpFieldPlan *field_plan);

typedef struct
{
  const char  *rule;
  CcpSeverity  severity;
  const char  *path;
  /* Found in the message (the offending value), or NULL when nothing was given. */
  const char  *needle;
  PlanMutator  fail;
  /* A near miss that must not raise the rule, or NULL (the valid plan is the near miss). */
  PlanMutator  pass;
} PlanCase;

typedef struct
{
  const char       *rule;
  CcpSeverity       severity;
  const char       *path;
  const char       *needle;
  FieldPlanMutator  fail;
  FieldPlanMutator  pass;
} FieldPlanCase;

static void
set_words (CcpActivity *activity,
           guint        n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, i == 0 ? "word" : (i % 10 == 0 ? "\nword" : " word"));
  ccp_activity_set_description (activity, text->str);
}

static void
set_title_length (CcpActivity *activity,
                  guint        n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Not ASCII: characters count, not bytes. */
  for (guint i = 0; i < n; i++)
    g_string_append (text, "é");
  ccp_activity_set_title (activity, text->str);
}

static void
set_codes (CcpActivity *activity,
           const char  *property,
           const char  *code)
{
  const char *codes[] = { code, NULL };

  if (g_str_equal (property, "objectives"))
    ccp_activity_set_objectives (activity, code != NULL ? codes : NULL);
  else if (g_str_equal (property, "areas"))
    ccp_activity_set_areas (activity, code != NULL ? codes : NULL);
  else
    ccp_activity_set_sdgs (activity, code != NULL ? codes : NULL);
}

static void
add_partner_city (CcpPlan    *plan,
                  const char *name,
                  const char *country,
                  const char *field)
{
  g_autoptr(CcpPartner) partner = ccp_partner_new_city (name, country, field);

  ccp_item_list_append (ccp_activity_get_partner_cities (ccp_test_first_activity (plan)), partner);
}

static void
add_organisation (CcpPlan    *plan,
                  const char *name,
                  const char *sector)
{
  g_autoptr(CcpPartner) good = ccp_partner_new_organisation ("Fondazione", "private");
  g_autoptr(CcpPartner) partner = ccp_partner_new_organisation (name, sector);

  /* The bad one second, so that the item index in the path is checked. */
  ccp_item_list_append (ccp_activity_get_partner_organisations (ccp_test_first_activity (plan)), good);
  ccp_item_list_append (ccp_activity_get_partner_organisations (ccp_test_first_activity (plan)), partner);
}

static void
set_budget (CcpPlan    *plan,
            const char *amount,
            const char *currency)
{
  ccp_activity_set_budget_amount (ccp_test_first_activity (plan), amount);
  ccp_activity_set_budget_currency (ccp_test_first_activity (plan), currency);
}

/* n copies of the first activity, each with the largest amount there can be, in EUR. */
static void
add_largest_budgets (CcpPlan *plan,
                     guint    n)
{
  set_budget (plan, CCP_AMOUNT_MAX_TEXT, "EUR");
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(CcpActivity) copy = ccp_activity_copy (ccp_test_first_activity (plan));
      g_autofree char *id = g_strdup_printf ("max%u", i);

      ccp_activity_set_id (copy, id);
      ccp_item_list_append (ccp_plan_get_activities (plan), copy);
    }
}

static void
set_representative (CcpPlan    *plan,
                    const char *name,
                    const char *title,
                    const char *email)
{
  ccp_plan_set_representative_none (plan, FALSE);
  ccp_plan_set_representative_name (plan, name);
  ccp_plan_set_representative_title (plan, title);
  ccp_plan_set_representative_email (plan, email);
}

static void
set_dates (CcpPlan    *plan,
           const char *start,
           const char *end)
{
  ccp_activity_set_start_date (ccp_test_first_activity (plan), start);
  ccp_activity_set_end_date (ccp_test_first_activity (plan), end);
}

/* One-line mutators: the name says what they do. */
#define MUTATOR(name, ...) static void name (CcpPlan *p) { __VA_ARGS__; }

MUTATOR (id_empty, ccp_plan_set_id (p, ""))
MUTATOR (id_bad, ccp_plan_set_id (p, "-bad id"))
MUTATOR (id_odd_but_ok, ccp_plan_set_id (p, "Plan.2027_H1:music-01"))
MUTATOR (revision_zero, ccp_plan_set_revision (p, 0))
MUTATOR (revision_one, ccp_plan_set_revision (p, 1))
MUTATOR (revision_over, ccp_plan_set_revision (p, CCP_REVISION_MAX + 1))
MUTATOR (revision_max, ccp_plan_set_revision (p, CCP_REVISION_MAX))
MUTATOR (modified_empty, ccp_plan_set_modified (p, ""))
MUTATOR (modified_bad, ccp_plan_set_modified (p, "2026-11-20 09:30"))
MUTATOR (modified_day_bad, ccp_plan_set_modified (p, "2026-02-30T09:30:00Z"))
MUTATOR (modified_offset, ccp_plan_set_modified (p, "2026-11-20T09:30:00.250+01:00"))
MUTATOR (city_blank, ccp_plan_set_city (p, "   "))
MUTATOR (city_unknown, ccp_plan_set_city (p, "Atlantis"))
MUTATOR (city_other_field, ccp_plan_set_field (p, "film"))
MUTATOR (city_line_break, ccp_plan_set_city (p, "Bolo\ngna"))
MUTATOR (country_empty, ccp_plan_set_country (p, ""))
MUTATOR (country_bad, ccp_plan_set_country (p, "XX"))
MUTATOR (country_lower, ccp_plan_set_country (p, "it"))
MUTATOR (country_other, ccp_plan_set_country (p, "FR"))
MUTATOR (field_empty, ccp_plan_set_field (p, ""))
MUTATOR (field_bad, ccp_plan_set_field (p, "poetry"))
MUTATOR (field_new, ccp_plan_set_field (p, "architecture"))
MUTATOR (period_empty, ccp_plan_set_period (p, ""))
MUTATOR (period_bad, ccp_plan_set_period (p, "2027-H3"))
MUTATOR (period_other, ccp_plan_set_period (p, "2027-H2"))
MUTATOR (mission_empty, ccp_plan_set_mission_statement (p, ""))
MUTATOR (mission_bad, ccp_plan_set_mission_statement (p, "9"))
MUTATOR (fp_name_empty, ccp_plan_set_focal_point_name (p, ""))
MUTATOR (fp_phone_blank, ccp_plan_set_focal_point_phone (p, "  "))
MUTATOR (fp_phone_ok, ccp_plan_set_focal_point_phone (p, "+39 051 219 0000"))
MUTATOR (rep_title_blank, set_representative (p, "Maria Rossi", "\t", ""))
MUTATOR (fp_email_empty, ccp_plan_set_focal_point_email (p, " "))
MUTATOR (fp_email_bad, ccp_plan_set_focal_point_email (p, "ana.example.org"))
MUTATOR (fp_email_two_at, ccp_plan_set_focal_point_email (p, "ana@x@example.org"))
MUTATOR (fp_email_space, ccp_plan_set_focal_point_email (p, "ana maria@example.org"))
MUTATOR (fp_email_ok, ccp_plan_set_focal_point_email (p, "ana.maria+plans@mail.example.org"))
MUTATOR (rep_email_bad, set_representative (p, "Maria Rossi", "Mayor", "mayor@localhost"))
MUTATOR (rep_title_only, set_representative (p, "", "Mayor", ""))
MUTATOR (rep_named, set_representative (p, "Maria Rossi", "", ""))
MUTATOR (rep_nothing, set_representative (p, "", "", ""))
MUTATOR (rep_none_and_name, ccp_plan_set_representative_name (p, "Maria Rossi"))
MUTATOR (no_activities, ccp_item_list_remove_all (ccp_plan_get_activities (p)))
MUTATOR (final_with_error, ccp_plan_set_status (p, CCP_PLAN_STATUS_FINAL);
                           ccp_plan_set_id (p, ""))
MUTATOR (draft_with_error, ccp_plan_set_id (p, ""))
MUTATOR (final_with_warning, ccp_plan_set_status (p, CCP_PLAN_STATUS_FINAL);
                             ccp_plan_set_city (p, "Atlantis"))

MUTATOR (act_id_empty, ccp_activity_set_id (ccp_test_first_activity (p), ""))
MUTATOR (act_id_bad, ccp_activity_set_id (ccp_test_first_activity (p), "a 1"))
MUTATOR (act_id_dup,
         g_autoptr(CcpActivity) other = ccp_test_valid_activity ("a1");
         ccp_item_list_append (ccp_plan_get_activities (p), other))
MUTATOR (act_id_other,
         g_autoptr(CcpActivity) other = ccp_test_valid_activity ("a2");
         ccp_item_list_append (ccp_plan_get_activities (p), other))
MUTATOR (title_empty, ccp_activity_set_title (ccp_test_first_activity (p), ""))
MUTATOR (title_201, set_title_length (ccp_test_first_activity (p), 201))
MUTATOR (title_200, set_title_length (ccp_test_first_activity (p), 200))
MUTATOR (title_line_break, ccp_activity_set_title (ccp_test_first_activity (p), "Jazz\nFestival"))
MUTATOR (description_blank, ccp_activity_set_description (ccp_test_first_activity (p), " \n\t"))
MUTATOR (description_263, set_words (ccp_test_first_activity (p), 263))
MUTATOR (description_250, set_words (ccp_test_first_activity (p), 250))
MUTATOR (kind_empty, ccp_activity_set_kind (ccp_test_first_activity (p), ""))
MUTATOR (kind_bad, ccp_activity_set_kind (ccp_test_first_activity (p), "party"))
MUTATOR (kind_other, ccp_activity_set_kind (ccp_test_first_activity (p), "other"))
MUTATOR (scope_empty, ccp_activity_set_scope (ccp_test_first_activity (p), ""))
MUTATOR (scope_bad, ccp_activity_set_scope (ccp_test_first_activity (p), "global"))
MUTATOR (scope_local, ccp_activity_set_scope (ccp_test_first_activity (p), "local"))
MUTATOR (state_empty, ccp_activity_set_state (ccp_test_first_activity (p), ""))
MUTATOR (state_bad, ccp_activity_set_state (ccp_test_first_activity (p), "done"))
MUTATOR (state_carried, ccp_activity_set_state (ccp_test_first_activity (p), "carried-over"))
MUTATOR (start_empty, set_dates (p, "", "2027-03-10"))
MUTATOR (start_bad, set_dates (p, "2027-02-30", "2027-03-10"))
MUTATOR (start_leap, set_dates (p, "2027-02-28", "2027-03-10"))
MUTATOR (end_empty, set_dates (p, "2027-03-01", ""))
MUTATOR (end_bad, set_dates (p, "2027-03-01", "2027-3-5"))
MUTATOR (end_before, set_dates (p, "2027-03-01", "2027-02-01"))
MUTATOR (one_day, set_dates (p, "2027-03-01", "2027-03-01"))
MUTATOR (after_period, set_dates (p, "2027-08-01", "2027-09-01"))
MUTATOR (before_period, set_dates (p, "2026-10-01", "2026-12-31"))
MUTATOR (whole_period, set_dates (p, "2027-01-01", "2027-06-30"))
MUTATOR (starts_before, set_dates (p, "2026-12-15", "2027-01-10"))
MUTATOR (ends_after, set_dates (p, "2027-06-20", "2027-07-10"))
MUTATOR (place_empty, ccp_activity_set_place (ccp_test_first_activity (p), ""))
MUTATOR (place_online, ccp_activity_set_place (ccp_test_first_activity (p), "");
                       ccp_activity_set_online (ccp_test_first_activity (p), TRUE))
MUTATOR (objectives_none, set_codes (ccp_test_first_activity (p), "objectives", NULL))
MUTATOR (objective_bad, set_codes (ccp_test_first_activity (p), "objectives", "7"))
MUTATOR (objective_six, set_codes (ccp_test_first_activity (p), "objectives", "6"))
MUTATOR (areas_none, set_codes (ccp_test_first_activity (p), "areas", NULL))
MUTATOR (area_bad, set_codes (ccp_test_first_activity (p), "areas", "9"))
MUTATOR (sdg_bad, set_codes (ccp_test_first_activity (p), "sdgs", "18"))
MUTATOR (sdg_seventeen, set_codes (ccp_test_first_activity (p), "sdgs", "17"))
MUTATOR (sdgs_nothing, set_codes (ccp_test_first_activity (p), "sdgs", NULL))
MUTATOR (sdgs_none, set_codes (ccp_test_first_activity (p), "sdgs", NULL);
                    ccp_activity_set_sdgs_none (ccp_test_first_activity (p), TRUE))
MUTATOR (sdgs_none_and_values, ccp_activity_set_sdgs_none (ccp_test_first_activity (p), TRUE))
MUTATOR (budget_none_and_values, set_budget (p, "100", "EUR");
                                 ccp_activity_set_budget_none (ccp_test_first_activity (p), TRUE))
MUTATOR (budget_none_only, ccp_activity_set_budget_none (ccp_test_first_activity (p), TRUE))
MUTATOR (cities_none_and_values, add_partner_city (p, "Lyon", "FR", "media-arts");
                                 ccp_activity_set_partner_cities_none (ccp_test_first_activity (p), TRUE))
MUTATOR (partner_city_ok, add_partner_city (p, "Lyon", "FR", "media-arts"))
MUTATOR (partner_city_no_name, add_partner_city (p, " ", "FR", "media-arts"))
MUTATOR (partner_city_no_country, add_partner_city (p, "Lyon", "", "media-arts"))
MUTATOR (partner_city_bad_country, add_partner_city (p, "Lyon", "ZZ", "media-arts"))
MUTATOR (partner_city_no_field, add_partner_city (p, "Lyon", "FR", ""))
MUTATOR (partner_city_bad_field, add_partner_city (p, "Lyon", "FR", "cooking"))
MUTATOR (organisation_ok, add_organisation (p, "Cineteca", "public"))
MUTATOR (organisation_no_name, add_organisation (p, "", "public"))
MUTATOR (organisation_no_sector, add_organisation (p, "Cineteca", ""))
MUTATOR (organisation_bad_sector, add_organisation (p, "Cineteca", "ngo"))
MUTATOR (amount_space, set_budget (p, "12 000", "EUR"))
MUTATOR (amount_comma, set_budget (p, "1,5", "EUR"))
MUTATOR (amount_text, set_budget (p, "abc", "EUR"))
MUTATOR (amount_three_decimals, set_budget (p, "10.125", "EUR"))
MUTATOR (amount_plus, set_budget (p, "+5", "EUR"))
MUTATOR (amount_half, set_budget (p, "12000.5", "EUR"))
MUTATOR (amount_integer, set_budget (p, "12000", "EUR"))
MUTATOR (amount_negative, set_budget (p, "-5", "EUR"))
MUTATOR (amount_zero, set_budget (p, "0.00", "EUR"))
MUTATOR (amount_sixteen_digits, set_budget (p, "1000000000000000", "EUR"))
MUTATOR (amount_largest, set_budget (p, "000999999999999999.99", "EUR"))
MUTATOR (totals_over, add_largest_budgets (p, 91))
MUTATOR (totals_at_limit, add_largest_budgets (p, 90))
MUTATOR (amount_no_currency, set_budget (p, "100", ""))
MUTATOR (currency_bad, set_budget (p, "100", "QQQ"))
MUTATOR (currency_lower, set_budget (p, "100", "eur"))
MUTATOR (currency_other, set_budget (p, "100", "JPY"))
MUTATOR (currency_no_amount, set_budget (p, "", "EUR"))
MUTATOR (funding_blank,
         const char *sources[] = { "City council", "  ", NULL };
         ccp_activity_set_funding (ccp_test_first_activity (p), sources))
MUTATOR (funding_ok,
         const char *sources[] = { "City council", "Private sponsors", NULL };
         ccp_activity_set_funding (ccp_test_first_activity (p), sources))
MUTATOR (result_no_outcome,
         g_autoptr(CcpResult) r = ccp_result_new ("", "visitors");
         ccp_item_list_append (ccp_activity_get_results (ccp_test_first_activity (p)), r))
MUTATOR (result_ok,
         g_autoptr(CcpResult) r = ccp_result_new ("More audiences\nin the suburbs", "visitors");
         ccp_item_list_append (ccp_activity_get_results (ccp_test_first_activity (p)), r))
MUTATOR (joint_bad, ccp_activity_set_joint_ref (ccp_test_first_activity (p), "joint ref"))
MUTATOR (joint_ok, ccp_activity_set_joint_ref (ccp_test_first_activity (p), "uccn-music:2027:jazz-bridge"))
MUTATOR (carried_plan_bad, ccp_activity_set_carried_from_plan (ccp_test_first_activity (p), "plan 1"))
MUTATOR (carried_plan_ok, ccp_activity_set_carried_from_plan (ccp_test_first_activity (p),
                                                               "5b0c3f0e-1d1c-4c59-9d0a-2f1f7f3b8a11"))
MUTATOR (carried_activity_bad, ccp_activity_set_carried_from_activity (ccp_test_first_activity (p), "a 1"))
MUTATOR (carried_activity_ok, ccp_activity_set_carried_from_activity (ccp_test_first_activity (p), "a1"))

static const PlanCase plan_cases[] = {
  { "plan-id-missing", CCP_SEVERITY_ERROR, "id", NULL, id_empty, id_odd_but_ok },
  { "plan-id-invalid", CCP_SEVERITY_ERROR, "id", "-bad id", id_bad, id_odd_but_ok },
  { "revision-invalid", CCP_SEVERITY_ERROR, "revision", "0", revision_zero, revision_one },
  { "revision-too-large", CCP_SEVERITY_ERROR, "revision", "2147483648", revision_over,
    revision_max },
  { "budget-total-too-large", CCP_SEVERITY_ERROR, "activities", "EUR", totals_over,
    totals_at_limit },
  { "modified-missing", CCP_SEVERITY_ERROR, "modified", NULL, modified_empty, modified_offset },
  { "modified-invalid", CCP_SEVERITY_ERROR, "modified", "2026-11-20 09:30", modified_bad,
    modified_offset },
  { "modified-invalid", CCP_SEVERITY_ERROR, "modified", "2026-02-30T09:30:00Z",
    modified_day_bad, modified_offset },
  { "city-missing", CCP_SEVERITY_ERROR, "city", NULL, city_blank, NULL },
  { "city-not-in-registry", CCP_SEVERITY_WARNING, "city", "Atlantis", city_unknown,
    city_other_field },
  { "text-multiline", CCP_SEVERITY_ERROR, "city", "Bolo\ngna", city_line_break, NULL },
  { "country-missing", CCP_SEVERITY_ERROR, "country", NULL, country_empty, country_other },
  { "country-unknown", CCP_SEVERITY_ERROR, "country", "XX", country_bad, country_other },
  { "country-unknown", CCP_SEVERITY_ERROR, "country", "it", country_lower, country_other },
  { "field-missing", CCP_SEVERITY_ERROR, "field", NULL, field_empty, field_new },
  { "field-unknown", CCP_SEVERITY_ERROR, "field", "poetry", field_bad, field_new },
  { "period-missing", CCP_SEVERITY_ERROR, "period", NULL, period_empty, period_other },
  { "period-invalid", CCP_SEVERITY_ERROR, "period", "2027-H3", period_bad, period_other },
  { "mission-statement-missing", CCP_SEVERITY_ERROR, "mission-statement", NULL,
    mission_empty, NULL },
  { "mission-statement-unknown", CCP_SEVERITY_ERROR, "mission-statement", "9",
    mission_bad, NULL },
  { "text-blank", CCP_SEVERITY_ERROR, "focal-point-phone", NULL, fp_phone_blank, fp_phone_ok },
  { "text-blank", CCP_SEVERITY_ERROR, "representative-title", NULL, rep_title_blank,
    rep_named },
  { "focal-point-name-missing", CCP_SEVERITY_ERROR, "focal-point-name", NULL,
    fp_name_empty, NULL },
  { "focal-point-email-missing", CCP_SEVERITY_ERROR, "focal-point-email", NULL,
    fp_email_empty, fp_email_ok },
  { "email-invalid", CCP_SEVERITY_ERROR, "focal-point-email", "ana.example.org",
    fp_email_bad, fp_email_ok },
  { "email-invalid", CCP_SEVERITY_ERROR, "focal-point-email", "ana@x@example.org",
    fp_email_two_at, fp_email_ok },
  { "email-invalid", CCP_SEVERITY_ERROR, "focal-point-email", "ana maria@example.org",
    fp_email_space, fp_email_ok },
  { "email-invalid", CCP_SEVERITY_ERROR, "representative-email", "mayor@localhost",
    rep_email_bad, rep_named },
  { "representative-name-missing", CCP_SEVERITY_WARNING, "representative-name", NULL,
    rep_title_only, rep_named },
  { "representative-unanswered", CCP_SEVERITY_INFO, "representative-name", NULL,
    rep_nothing, rep_named },
  { "none-with-values", CCP_SEVERITY_WARNING, "representative-none", NULL,
    rep_none_and_name, rep_named },
  { "activities-missing", CCP_SEVERITY_ERROR, "activities", NULL, no_activities, NULL },
  { "plan-final-with-errors", CCP_SEVERITY_ERROR, "status", "1 error", final_with_error,
    draft_with_error },
  { "plan-final-with-errors", CCP_SEVERITY_ERROR, "status", "1 error", final_with_error,
    final_with_warning },

  { "activity-id-missing", CCP_SEVERITY_ERROR, "activities/0/id", NULL, act_id_empty, NULL },
  { "activity-id-invalid", CCP_SEVERITY_ERROR, "activities/0/id", "a 1", act_id_bad, NULL },
  { "activity-id-duplicate", CCP_SEVERITY_ERROR, "activities/0/id", "a1", act_id_dup,
    act_id_other },
  { "activity-id-duplicate", CCP_SEVERITY_ERROR, "activities/1/id", "a1", act_id_dup,
    act_id_other },
  { "title-missing", CCP_SEVERITY_ERROR, "activities/0/title", NULL, title_empty, NULL },
  { "title-too-long", CCP_SEVERITY_WARNING, "activities/0/title", "201", title_201, title_200 },
  { "text-multiline", CCP_SEVERITY_ERROR, "activities/0/title", "Jazz\nFestival",
    title_line_break, result_ok },
  { "description-missing", CCP_SEVERITY_ERROR, "activities/0/description", NULL,
    description_blank, NULL },
  { "description-too-long", CCP_SEVERITY_ERROR, "activities/0/description", "263",
    description_263, description_250 },
  { "kind-missing", CCP_SEVERITY_ERROR, "activities/0/kind", NULL, kind_empty, kind_other },
  { "kind-unknown", CCP_SEVERITY_ERROR, "activities/0/kind", "party", kind_bad, kind_other },
  { "scope-missing", CCP_SEVERITY_ERROR, "activities/0/scope", NULL, scope_empty, scope_local },
  { "scope-unknown", CCP_SEVERITY_ERROR, "activities/0/scope", "global", scope_bad,
    scope_local },
  { "state-missing", CCP_SEVERITY_ERROR, "activities/0/state", NULL, state_empty,
    state_carried },
  { "state-unknown", CCP_SEVERITY_ERROR, "activities/0/state", "done", state_bad,
    state_carried },
  { "start-date-missing", CCP_SEVERITY_ERROR, "activities/0/start-date", NULL, start_empty,
    start_leap },
  { "start-date-invalid", CCP_SEVERITY_ERROR, "activities/0/start-date", "2027-02-30",
    start_bad, start_leap },
  { "end-date-missing", CCP_SEVERITY_ERROR, "activities/0/end-date", NULL, end_empty, one_day },
  { "end-date-invalid", CCP_SEVERITY_ERROR, "activities/0/end-date", "2027-3-5", end_bad,
    one_day },
  { "end-before-start", CCP_SEVERITY_ERROR, "activities/0/end-date", "2027-02-01", end_before,
    one_day },
  { "activity-outside-period", CCP_SEVERITY_ERROR, "activities/0/start-date", "2027-08-01",
    after_period, whole_period },
  { "activity-outside-period", CCP_SEVERITY_ERROR, "activities/0/end-date", "2026-12-31",
    before_period, whole_period },
  { "activity-partly-outside-period", CCP_SEVERITY_WARNING, "activities/0/start-date",
    "2026-12-15", starts_before, whole_period },
  { "activity-partly-outside-period", CCP_SEVERITY_WARNING, "activities/0/end-date",
    "2027-07-10", ends_after, whole_period },
  { "place-missing", CCP_SEVERITY_ERROR, "activities/0/place", NULL, place_empty,
    place_online },
  { "objectives-missing", CCP_SEVERITY_ERROR, "activities/0/objectives", NULL,
    objectives_none, objective_six },
  { "objective-unknown", CCP_SEVERITY_ERROR, "activities/0/objectives", "7", objective_bad,
    objective_six },
  { "areas-missing", CCP_SEVERITY_ERROR, "activities/0/areas", NULL, areas_none, NULL },
  { "area-unknown", CCP_SEVERITY_ERROR, "activities/0/areas", "9", area_bad, NULL },
  { "sdg-unknown", CCP_SEVERITY_ERROR, "activities/0/sdgs", "18", sdg_bad, sdg_seventeen },
  { "sdgs-unanswered", CCP_SEVERITY_INFO, "activities/0/sdgs", "SDG 11", sdgs_nothing,
    sdgs_none },
  { "none-with-values", CCP_SEVERITY_WARNING, "activities/0/sdgs-none", NULL,
    sdgs_none_and_values, sdgs_none },
  { "none-with-values", CCP_SEVERITY_WARNING, "activities/0/budget-none", NULL,
    budget_none_and_values, budget_none_only },
  { "none-with-values", CCP_SEVERITY_WARNING, "activities/0/partner-cities-none", NULL,
    cities_none_and_values, partner_city_ok },
  { "partner-city-name-missing", CCP_SEVERITY_ERROR, "activities/0/partner-cities/0/name",
    NULL, partner_city_no_name, partner_city_ok },
  { "partner-city-country-missing", CCP_SEVERITY_ERROR,
    "activities/0/partner-cities/0/country", "Lyon", partner_city_no_country,
    partner_city_ok },
  { "partner-city-country-unknown", CCP_SEVERITY_ERROR,
    "activities/0/partner-cities/0/country", "ZZ", partner_city_bad_country,
    partner_city_ok },
  { "partner-city-field-missing", CCP_SEVERITY_ERROR, "activities/0/partner-cities/0/field",
    "Lyon", partner_city_no_field, partner_city_ok },
  { "partner-city-field-unknown", CCP_SEVERITY_ERROR, "activities/0/partner-cities/0/field",
    "cooking", partner_city_bad_field, partner_city_ok },
  { "partner-organisation-name-missing", CCP_SEVERITY_ERROR,
    "activities/0/partner-organisations/1/name", NULL, organisation_no_name,
    organisation_ok },
  { "partner-sector-missing", CCP_SEVERITY_ERROR,
    "activities/0/partner-organisations/1/sector", "Cineteca", organisation_no_sector,
    organisation_ok },
  { "partner-sector-unknown", CCP_SEVERITY_ERROR,
    "activities/0/partner-organisations/1/sector", "ngo", organisation_bad_sector,
    organisation_ok },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "12 000",
    amount_space, amount_half },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "1,5",
    amount_comma, amount_integer },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "abc",
    amount_text, amount_half },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "10.125",
    amount_three_decimals, amount_half },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "+5",
    amount_plus, amount_half },
  { "budget-amount-negative", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "-5",
    amount_negative, amount_zero },
  { "budget-amount-too-large", CCP_SEVERITY_ERROR, "activities/0/budget-amount",
    "1000000000000000", amount_sixteen_digits, amount_largest },
  { "budget-currency-missing", CCP_SEVERITY_ERROR, "activities/0/budget-currency", "100",
    amount_no_currency, currency_other },
  { "budget-currency-unknown", CCP_SEVERITY_ERROR, "activities/0/budget-currency", "QQQ",
    currency_bad, currency_other },
  { "budget-currency-unknown", CCP_SEVERITY_ERROR, "activities/0/budget-currency", "eur",
    currency_lower, currency_other },
  { "budget-amount-missing", CCP_SEVERITY_WARNING, "activities/0/budget-amount", "EUR",
    currency_no_amount, currency_other },
  { "funding-source-empty", CCP_SEVERITY_ERROR, "activities/0/funding/1", NULL, funding_blank,
    funding_ok },
  { "result-outcome-missing", CCP_SEVERITY_ERROR, "activities/0/results/0/outcome", NULL,
    result_no_outcome, result_ok },
  { "joint-ref-invalid", CCP_SEVERITY_ERROR, "activities/0/joint-ref", "joint ref", joint_bad,
    joint_ok },
  { "carried-from-plan-invalid", CCP_SEVERITY_ERROR, "activities/0/carried-from-plan",
    "plan 1", carried_plan_bad, carried_plan_ok },
  { "carried-from-activity-invalid", CCP_SEVERITY_ERROR, "activities/0/carried-from-activity",
    "a 1", carried_activity_bad, carried_activity_ok },
};

static void
test_plan_rule (gconstpointer data)
{
  const PlanCase *rc = data;
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) valid = ccp_test_valid_plan ();
  g_autoptr(CcpPlan) failing = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = ccp_validator_check_plan (validator, valid);

  /* Passes on the valid plan and on the near miss. */
  ccp_test_assert_rule_absent (issues, rc->rule);
  if (rc->pass != NULL)
    {
      g_autoptr(CcpPlan) near_miss = ccp_test_valid_plan ();
      g_autoptr(GPtrArray) near_issues = NULL;

      rc->pass (near_miss);
      near_issues = ccp_validator_check_plan (validator, near_miss);
      ccp_test_assert_rule_absent (near_issues, rc->rule);
    }

  /* Fails with the right severity, path and message. */
  rc->fail (failing);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_plan (validator, failing);
  ccp_test_assert_issue (issues, rc->rule, rc->severity, rc->path, rc->needle);

  /* The same issue from the narrower entry points the editor uses. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  if (g_str_has_prefix (rc->path, "activities/"))
    {
      guint index = (guint) g_ascii_strtoull (rc->path + strlen ("activities/"), NULL, 10);

      issues = ccp_validator_check_activity (validator, failing, index);
    }
  else
    {
      issues = ccp_validator_check_plan_fields (validator, failing);
    }
  if (g_str_equal (rc->rule, "plan-final-with-errors"))
    ccp_test_assert_rule_absent (issues, rc->rule);
  else
    ccp_test_assert_issue (issues, rc->rule, rc->severity, rc->path, rc->needle);
}

/* Field plans */

#define FIELD_MUTATOR(name, ...) static void name (CcpFieldPlan *p) { __VA_ARGS__; }

static CcpActivity *
field_first (CcpFieldPlan *field_plan)
{
  return ccp_test_activity_at (ccp_field_plan_get_activities (field_plan), 0);
}

FIELD_MUTATOR (fp_consolidated_empty, ccp_field_plan_set_consolidated (p, ""))
FIELD_MUTATOR (fp_consolidated_bad, ccp_field_plan_set_consolidated (p, "yesterday"))
FIELD_MUTATOR (fp_consolidated_local, ccp_field_plan_set_consolidated (p, "2026-12-01T10:00:00"))
FIELD_MUTATOR (fp_unattributed,
               ccp_item_list_remove_all (ccp_activity_get_attributions (field_first (p))))
FIELD_MUTATOR (fp_two_cities,
               g_autoptr(CcpAttribution) a = ccp_attribution_new ("Seville", "ES", "p2", "x");
               ccp_item_list_append (ccp_activity_get_attributions (field_first (p)), a))
FIELD_MUTATOR (fp_coordinator_email_bad,
               ccp_contact_set_email (ccp_field_plan_get_coordinator (p), "coordinator"))
FIELD_MUTATOR (fp_no_coordinator,
               ccp_contact_set_name (ccp_field_plan_get_coordinator (p), "");
               ccp_contact_set_email (ccp_field_plan_get_coordinator (p), ""))
FIELD_MUTATOR (fp_deputy_email_bad,
               g_autoptr(CcpContact) d = ccp_contact_new ();
               ccp_contact_set_name (d, "Deputy");
               ccp_contact_set_email (d, "deputy@@example.org");
               ccp_item_list_append (ccp_field_plan_get_deputies (p), d))
FIELD_MUTATOR (fp_field_bad, ccp_field_plan_set_field (p, "poetry"))
FIELD_MUTATOR (fp_period_bad, ccp_field_plan_set_period (p, "2027-1"))
FIELD_MUTATOR (fp_mission_empty, ccp_field_plan_set_mission_statement (p, ""))
FIELD_MUTATOR (fp_id_empty, ccp_field_plan_set_id (p, ""))
FIELD_MUTATOR (fp_revision_zero, ccp_field_plan_set_revision (p, 0))
FIELD_MUTATOR (fp_period_h2, ccp_field_plan_set_period (p, "2027-H2"))
FIELD_MUTATOR (fp_activity_dup,
               g_autoptr(CcpActivity) copy = ccp_activity_copy (field_first (p));
               ccp_item_list_append (ccp_field_plan_get_activities (p), copy))
FIELD_MUTATOR (fp_budget_bad, ccp_activity_set_budget_amount (field_first (p), "1,5");
                              ccp_activity_set_budget_currency (field_first (p), "EUR"))
FIELD_MUTATOR (fp_final_with_error, ccp_field_plan_set_status (p, CCP_PLAN_STATUS_FINAL);
                                    ccp_field_plan_set_field (p, "poetry"))
FIELD_MUTATOR (fp_final, ccp_field_plan_set_status (p, CCP_PLAN_STATUS_FINAL))
FIELD_MUTATOR (fp_coordinator_no_name,
               ccp_contact_set_name (ccp_field_plan_get_coordinator (p), ""))
FIELD_MUTATOR (fp_coordinator_no_city,
               ccp_contact_set_city (ccp_field_plan_get_coordinator (p), "  "))
/* What the workspace saved: the coordinator's city chosen, its country left "Not chosen". */
FIELD_MUTATOR (fp_coordinator_no_country,
               ccp_contact_set_country (ccp_field_plan_get_coordinator (p), ""))
FIELD_MUTATOR (fp_coordinator_cleared,
               CcpContact *coordinator = ccp_field_plan_get_coordinator (p);
               ccp_contact_set_name (coordinator, "");
               ccp_contact_set_city (coordinator, "");
               ccp_contact_set_country (coordinator, "");
               ccp_contact_set_email (coordinator, ""))
static void
add_deputy (CcpFieldPlan *field_plan,
            const char   *country,
            const char   *email)
{
  g_autoptr(CcpContact) deputy = ccp_contact_new ();

  ccp_contact_set_name (deputy, "Deputy Name");
  ccp_contact_set_city (deputy, "Lyon");
  ccp_contact_set_country (deputy, country);
  ccp_contact_set_email (deputy, email);
  ccp_item_list_append (ccp_field_plan_get_deputies (field_plan), deputy);
}
static void
set_attribution (CcpFieldPlan *field_plan,
                 const char   *city,
                 const char   *country,
                 const char   *plan_id)
{
  CcpItemList *attributions = ccp_activity_get_attributions (field_first (field_plan));
  g_autoptr(CcpAttribution) attribution = ccp_attribution_new (city, country, plan_id, "a1");

  ccp_item_list_remove_all (attributions);
  ccp_item_list_append (attributions, attribution);
}
FIELD_MUTATOR (fp_attribution_no_city, set_attribution (p, " ", "IT", "p1"))
FIELD_MUTATOR (fp_attribution_bad_country, set_attribution (p, "Bologna", "it", "p1"))
FIELD_MUTATOR (fp_attribution_bad_plan, set_attribution (p, "Bologna", "IT", "bad id"))
static void
add_source (CcpFieldPlan *field_plan,
            const char   *period)
{
  g_autoptr(CcpSource) source = ccp_source_new ();

  g_object_set (source, "file", "bologna.xml", "sha256", "0123456789abcdef0123456789abcdef"
                "0123456789abcdef0123456789abcdef", "city", "Bologna", "country", "IT",
                "field", "music", "period", period, "plan-id", "p1", "revision", 2u,
                "modified", "2026-11-20T09:30:00Z", NULL);
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);
}
static void
add_roster_member (CcpFieldPlan *field_plan,
                   const char   *country)
{
  g_autoptr(CcpPartner) member = ccp_partner_new_city ("Bologna", country, "");

  ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
}
FIELD_MUTATOR (fp_roster_ok, add_roster_member (p, "IT"))
/* Written as country="", which the schema refuses. */
FIELD_MUTATOR (fp_roster_no_country, add_roster_member (p, ""))
static void
add_report_item (CcpFieldPlan *field_plan,
                 const char   *city)
{
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("accepted");

  g_object_set (item, "city", city, "country", "IT", NULL);
  ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);
}
FIELD_MUTATOR (fp_report_ok, add_report_item (p, "Bologna"))
FIELD_MUTATOR (fp_report_bad_city, add_report_item (p, "Bolo\ngna"))
FIELD_MUTATOR (fp_source_ok, add_source (p, "2027-H1"))
FIELD_MUTATOR (fp_source_bad_period, add_source (p, "2027-1"))
FIELD_MUTATOR (fp_deputy_ok, add_deputy (p, "FR", "deputy@example.org"))
FIELD_MUTATOR (fp_deputy_bad_country, add_deputy (p, "ZZ", "deputy@example.org"))
FIELD_MUTATOR (fp_deputy_no_email, add_deputy (p, "FR", ""))

static const FieldPlanCase field_plan_cases[] = {
  { "consolidated-missing", CCP_SEVERITY_ERROR, "consolidated", NULL, fp_consolidated_empty,
    fp_consolidated_local },
  { "consolidated-invalid", CCP_SEVERITY_ERROR, "consolidated", "yesterday",
    fp_consolidated_bad, fp_consolidated_local },
  { "activity-unattributed", CCP_SEVERITY_ERROR, "activities/0/attributions", "bologna-a1",
    fp_unattributed, fp_two_cities },
  { "email-invalid", CCP_SEVERITY_ERROR, "coordinator/email", "coordinator",
    fp_coordinator_email_bad, fp_no_coordinator },
  { "email-invalid", CCP_SEVERITY_ERROR, "deputies/0/email", "deputy@@example.org",
    fp_deputy_email_bad, fp_no_coordinator },
  { "field-unknown", CCP_SEVERITY_ERROR, "field", "poetry", fp_field_bad, NULL },
  { "period-invalid", CCP_SEVERITY_ERROR, "period", "2027-1", fp_period_bad, NULL },
  { "mission-statement-missing", CCP_SEVERITY_ERROR, "mission-statement", NULL,
    fp_mission_empty, NULL },
  { "plan-id-missing", CCP_SEVERITY_ERROR, "id", NULL, fp_id_empty, NULL },
  { "revision-invalid", CCP_SEVERITY_ERROR, "revision", "0", fp_revision_zero, NULL },
  /* The field plan's own period is the one activities are checked against. */
  { "activity-outside-period", CCP_SEVERITY_ERROR, "activities/0/end-date", "2027-H2",
    fp_period_h2, NULL },
  { "activity-id-duplicate", CCP_SEVERITY_ERROR, "activities/1/id", "bologna-a1",
    fp_activity_dup, NULL },
  { "budget-amount-invalid", CCP_SEVERITY_ERROR, "activities/0/budget-amount", "1,5",
    fp_budget_bad, NULL },
  { "plan-final-with-errors", CCP_SEVERITY_ERROR, "status", NULL, fp_final_with_error,
    fp_final },
  { "contact-name-missing", CCP_SEVERITY_ERROR, "coordinator/name", "coordinator",
    fp_coordinator_no_name, fp_coordinator_cleared },
  { "contact-city-missing", CCP_SEVERITY_ERROR, "coordinator/city", "coordinator",
    fp_coordinator_no_city, fp_coordinator_cleared },
  { "contact-country-missing", CCP_SEVERITY_ERROR, "coordinator/country", "coordinator",
    fp_coordinator_no_country, fp_coordinator_cleared },
  { "contact-country-unknown", CCP_SEVERITY_ERROR, "deputies/0/country", "ZZ",
    fp_deputy_bad_country, fp_deputy_ok },
  { "contact-email-missing", CCP_SEVERITY_ERROR, "deputies/0/email", "deputy coordinator 1",
    fp_deputy_no_email, fp_deputy_ok },
  { "attribution-city-missing", CCP_SEVERITY_ERROR, "activities/0/attributions/0/city",
    "bologna-a1", fp_attribution_no_city, fp_two_cities },
  { "attribution-country-unknown", CCP_SEVERITY_ERROR, "activities/0/attributions/0/country",
    "“it”", fp_attribution_bad_country, fp_two_cities },
  { "attribution-ref-invalid", CCP_SEVERITY_ERROR, "activities/0/attributions/0/plan",
    "bad id", fp_attribution_bad_plan, fp_two_cities },
  { "source-value-invalid", CCP_SEVERITY_ERROR, "sources/0/period", "2027-1",
    fp_source_bad_period, fp_source_ok },
  { "roster-member-invalid", CCP_SEVERITY_ERROR, "roster/0/country", "Bologna",
    fp_roster_no_country, fp_roster_ok },
  { "report-item-invalid", CCP_SEVERITY_ERROR, "report/0/city", "Bolo\ngna",
    fp_report_bad_city, fp_report_ok },
};

static void
test_field_plan_rule (gconstpointer data)
{
  const FieldPlanCase *rc = data;
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpFieldPlan) failing = ccp_test_valid_field_plan ();
  g_autoptr(GPtrArray) issues = NULL;

  if (rc->pass != NULL)
    {
      g_autoptr(CcpFieldPlan) near_miss = ccp_test_valid_field_plan ();

      rc->pass (near_miss);
      issues = ccp_validator_check_field_plan (validator, near_miss);
      ccp_test_assert_rule_absent (issues, rc->rule);
      g_clear_pointer (&issues, g_ptr_array_unref);
    }

  rc->fail (failing);
  issues = ccp_validator_check_field_plan (validator, failing);
  ccp_test_assert_issue (issues, rc->rule, rc->severity, rc->path, rc->needle);
}

/* Exact messages, as a focal point reads them */

static void
test_messages (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = NULL;

  after_period (plan);
  issues = ccp_validator_check_activity (validator, plan, 0);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, 0)), ==,
                   "Activity runs 2027-08-01 to 2027-09-01, outside the period 2027-H1 "
                   "(2027-01-01 to 2027-06-30)");

  whole_period (plan);
  description_263 (plan);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_activity (validator, plan, 0);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, 0)), ==,
                   "Description has 263 words; the limit is 250");

  description_250 (plan);
  end_before (plan);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = ccp_validator_check_activity (validator, plan, 0);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, 0)), ==,
                   "End date 2027-02-01 is before start date 2027-03-01");
}

static const char *
message_at (GPtrArray  *issues,
            const char *rule,
            const char *path)
{
  CcpIssue *issue = ccp_test_find_issue (issues, rule, path);

  g_assert_nonnull (issue);
  return ccp_issue_get_message (issue);
}

/* The expected codes are listed with the separator of the user's language (issue 17: a plain
 * ", " in an Arabic message), the same in English as before. */
#define AC "\xd8\x8c" /* U+060C ARABIC COMMA */

static void
test_expected_list_language (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) arabic = NULL;
  const char *message;

  set_codes (ccp_test_first_activity (plan), "sdgs", "18");
  english = ccp_validator_check_activity (validator, plan, 0);
  message = message_at (english, "sdg-unknown", "activities/0/sdgs");
  g_assert_nonnull (strstr (message, ": expected one of 1, 2, 3, "));
  g_assert_true (g_str_has_suffix (message, ", 16, 17"));

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  arabic = ccp_validator_check_activity (validator, plan, 0);
  message = message_at (arabic, "sdg-unknown", "activities/0/sdgs");
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (strstr (message, "1" AC " 2" AC " 3" AC " "));
  g_assert_true (g_str_has_suffix (message, "16" AC " 17"));
  g_assert_null (strstr (message, "1, 2"));
}

/* An item without a name is named by its number, never by an empty “” (issue 17); an expected
 * result is called as the editor labels it. */
static void
test_unnamed_items (void)
{
  g_autoptr(CcpValidator) validator = ccp_test_validator_new ();
  g_autoptr(CcpPlan) plan = ccp_test_valid_plan ();
  g_autoptr(GPtrArray) issues = NULL;

  add_partner_city (plan, "", "", "cooking");
  add_organisation (plan, " ", "ngo");
  result_no_outcome (plan);
  issues = ccp_validator_check_activity (validator, plan, 0);

  g_assert_cmpstr (message_at (issues, "partner-city-country-missing",
                               "activities/0/partner-cities/0/country"), ==,
                   "The country of partner city 1 is missing");
  g_assert_true (g_str_has_prefix (message_at (issues, "partner-city-field-unknown",
                                               "activities/0/partner-cities/0/field"),
                                   "Creative field “cooking” of partner city 1 is unknown: "
                                   "expected one of "));
  g_assert_true (g_str_has_prefix (message_at (issues, "partner-sector-unknown",
                                               "activities/0/partner-organisations/1/sector"),
                                   "Sector “ngo” of partner organisation 2 is unknown: "
                                   "expected one of "));
  g_assert_cmpstr (message_at (issues, "result-outcome-missing",
                               "activities/0/results/0/outcome"), ==,
                   "Expected result 1 is empty: say what the activity is expected to achieve");
  for (guint i = 0; i < issues->len; i++)
    g_assert_null (strstr (ccp_issue_get_message (g_ptr_array_index (issues, i)), "“”"));

  /* A named item keeps its name. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  g_clear_object (&plan);
  plan = ccp_test_valid_plan ();
  partner_city_no_country (plan);
  issues = ccp_validator_check_activity (validator, plan, 0);
  g_assert_cmpstr (message_at (issues, "partner-city-country-missing",
                               "activities/0/partner-cities/0/country"), ==,
                   "The country of partner city “Lyon” is missing");
}

/* The documentation lists exactly the rules tested here, with the same severities. */

static void
collect_rule (GHashTable  *rules,
              const char  *rule,
              CcpSeverity  severity)
{
  gpointer old;

  if (g_hash_table_lookup_extended (rules, rule, NULL, &old))
    g_assert_cmpint (GPOINTER_TO_INT (old), ==, severity);
  g_hash_table_insert (rules, g_strdup (rule), GINT_TO_POINTER (severity));
}

static void
test_rules_documented (void)
{
  g_autoptr(GHashTable) tested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) documented = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, NULL);
  g_autofree char *path = g_build_filename (g_getenv ("CCP_DATA_DIR"), "schema",
                                            "validation-rules.md", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (gsize i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    collect_rule (tested, plan_cases[i].rule, plan_cases[i].severity);
  for (gsize i = 0; i < G_N_ELEMENTS (field_plan_cases); i++)
    collect_rule (tested, field_plan_cases[i].rule, field_plan_cases[i].severity);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  /* Table rows: | `rule-code` | severity | what | example | */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *rule = NULL;
      g_autofree char *severity_text = NULL;
      CcpSeverity severity;

      if (!g_str_has_prefix (lines[i], "| `"))
        continue;

      cells = g_strsplit (lines[i], "|", -1);
      g_assert_cmpuint (g_strv_length (cells), >=, 5);
      rule = g_strstrip (g_strdup (cells[1]));
      severity_text = g_strstrip (g_strdup (cells[2]));
      g_assert_true (g_str_has_prefix (rule, "`") && g_str_has_suffix (rule, "`"));
      rule[strlen (rule) - 1] = '\0';

      if (g_str_equal (severity_text, "error"))
        severity = CCP_SEVERITY_ERROR;
      else if (g_str_equal (severity_text, "warning"))
        severity = CCP_SEVERITY_WARNING;
      else if (g_str_equal (severity_text, "info"))
        severity = CCP_SEVERITY_INFO;
      else
        g_error ("%s: unknown severity “%s” of %s", path, severity_text, rule + 1);

      g_assert_false (g_hash_table_contains (documented, rule + 1));
      g_hash_table_insert (documented, g_strdup (rule + 1), GINT_TO_POINTER (severity));
    }

  g_hash_table_iter_init (&iter, tested);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (documented, key))
        g_error ("rule %s is not in %s", (char *) key, path);
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (documented, key)), ==,
                       GPOINTER_TO_INT (value));
    }

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (tested, key))
      g_error ("rule %s of %s has no test case", (char *) key, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/rules-documented", test_rules_documented);
  g_test_add_func ("/validator/messages", test_messages);
  g_test_add_func ("/validator/unnamed-items", test_unnamed_items);
  g_test_add_func ("/validator/expected-list-language", test_expected_list_language);

  for (gsize i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/validator/plan-rule/%s/%" G_GSIZE_FORMAT,
                                               plan_cases[i].rule, i);

      g_test_add_data_func (name, &plan_cases[i], test_plan_rule);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (field_plan_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/validator/field-plan-rule/%s/%" G_GSIZE_FORMAT,
                                               field_plan_cases[i].rule, i);

      g_test_add_data_func (name, &field_plan_cases[i], test_field_plan_rule);
    }

  return g_test_run ();
}
