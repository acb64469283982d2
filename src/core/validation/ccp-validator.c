#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ccp-activity.h"
#include "ccp-attribution.h"
#include "ccp-contact.h"
#include "ccp-data.h"
#include "ccp-field-plan.h"
#include "ccp-iso-codes.h"
#include "ccp-issue.h"
#include "ccp-member-city.h"
#include "ccp-partner.h"
#include "ccp-plan.h"
#include "ccp-registry.h"
#include "ccp-result.h"
#include "ccp-validator.h"
#include "ccp-vocabulary.h"

/* Longer titles do not fit in tables and reports; a warning, not an error. */
#define TITLE_CHAR_LIMIT 200

struct _CcpValidator
{
  GObject        parent_instance;

  CcpVocabulary *vocabulary;
  CcpIsoCodes   *iso_codes;
  CcpRegistry   *registry;
};

G_DEFINE_FINAL_TYPE (CcpValidator, ccp_validator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VOCABULARY,
  PROP_ISO_CODES,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the issues of one check go, and the prefix of their paths ("" for the plan itself,
 * "activities/3/" for an activity). */
typedef struct
{
  CcpValidator *self;
  GPtrArray    *issues;
  GString      *path;
  gsize         prefix_len;
} Checker;

/* What an activity is checked against: the period of its plan and the other activities'
 * identifiers. */
typedef struct
{
  const char *period;
  gboolean    has_period;
  GDate       first;
  GDate       last;
  GListModel *siblings;
  /* id -> number of activities with it, when every activity is checked; else NULL and the
   * siblings' identifiers are compared one by one. */
  GHashTable *id_counts;
} ActivityContext;

#define ADD_ISSUE(c, severity, rule, path, ...) \
  g_ptr_array_add ((c)->issues, ccp_issue_new_printf ((severity), (rule), (path), __VA_ARGS__))

static void
checker_init (Checker      *c,
              CcpValidator *self,
              GPtrArray    *issues)
{
  c->self = self;
  c->issues = issues;
  c->path = g_string_new (NULL);
  c->prefix_len = 0;
}

static void
checker_clear (Checker *c)
{
  g_string_free (c->path, TRUE);
}

static void
checker_set_prefix (Checker    *c,
                    const char *collection,
                    guint       index)
{
  g_string_truncate (c->path, 0);
  if (collection != NULL)
    g_string_append_printf (c->path, "%s/%u/", collection, index);
  c->prefix_len = c->path->len;
}

/* The path of a property below the current prefix; valid until the next call. */
G_GNUC_PRINTF (2, 3)
static const char *
checker_path (Checker    *c,
              const char *format,
              ...)
{
  va_list args;

  g_string_truncate (c->path, c->prefix_len);
  va_start (args, format);
  g_string_append_vprintf (c->path, format, args);
  va_end (args);

  return c->path->str;
}

/* Text helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
has_line_break (const char *text)
{
  return strpbrk (text, "\r\n") != NULL;
}

/* The schema's identifier: [A-Za-z0-9][A-Za-z0-9._:-]{0,127} */
static gboolean
is_identifier (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 128 || !g_ascii_isalnum (text[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("._:-", text[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
is_upper_code (const char *text,
               gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/* Matches a shape where 'd' is a digit and any other character stands for itself. */
static const char *
match_digits_shape (const char *text,
                    const char *shape)
{
  for (; *shape != '\0'; shape++, text++)
    {
      if (*shape == 'd' ? !g_ascii_isdigit (*text) : *text != *shape)
        return NULL;
    }

  return text;
}

/* xs:dateTime: YYYY-MM-DDThh:mm:ss[.s+][Z|(+|-)hh:mm], and a real point in time. */
static gboolean
is_date_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  const char *p;

  /* The shape first: GLib also accepts week dates, the basic format and a space for 'T'. */
  p = match_digits_shape (text, "dddd-dd-ddTdd:dd:dd");
  if (p == NULL)
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    p = match_digits_shape (p + 1, "dd:dd");

  if (p == NULL || *p != '\0')
    return FALSE;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);

  return parsed != NULL;
}

/* A sane syntax check, as strict as the schema's [^@\s]+@[^@\s]+\.[^@\s]+ */
static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  gsize domain_len;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  /* A dot with something on both sides in the domain. */
  domain_len = strlen (at + 1);
  for (gsize i = 1; i + 1 < domain_len; i++)
    if (at[1 + i] == '.')
      return TRUE;

  return FALSE;
}

typedef enum {
  AMOUNT_OK,
  AMOUNT_NEGATIVE,
  AMOUNT_INVALID,
} AmountCheck;

/* A decimal with a '.' separator and at most two decimals, as xs:decimal with
 * fractionDigits 2: "12000", "12000.5". Not "12 000", "1,5", "+5", ".5" or "1e3". */
static AmountCheck
check_amount (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean nonzero = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!g_ascii_isdigit (*p))
    return AMOUNT_INVALID;

  for (; g_ascii_isdigit (*p); p++)
    nonzero |= *p != '0';

  if (*p == '.')
    {
      guint decimals = 0;

      for (p++; g_ascii_isdigit (*p); p++, decimals++)
        nonzero |= *p != '0';
      if (decimals == 0 || decimals > 2)
        return AMOUNT_INVALID;
    }

  if (*p != '\0')
    return AMOUNT_INVALID;

  return negative && nonzero ? AMOUNT_NEGATIVE : AMOUNT_OK;
}

static void
format_date (const GDate *date,
             char         buffer[16])
{
  g_snprintf (buffer, 16, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

/* "1, 2, 3, 4, 5, 6": what a code of the vocabulary may be, for messages. */
static char *
expected_codes (CcpValidator *self,
                const char   *vocabulary)
{
  const char * const *codes = ccp_vocabulary_get_codes (self->vocabulary, vocabulary);

  if (codes == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (char **) codes);
}

/* Shared checks of plans and field plans */

static void
check_single_line (Checker    *c,
                   const char *path,
                   const char *value)
{
  if (value != NULL && has_line_break (value))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "text-multiline", path,
               /* Translators: %s is the text the user typed */
               _("“%s” has a line break; this value must be a single line"), value);
}

static void
check_email (Checker    *c,
             const char *path,
             const char *email)
{
  if (!is_blank (email) && !is_email (email))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "email-invalid", path,
               _("Email address “%s” is not valid: expected an address such as name@example.org"),
               email);
}

static void
check_document (Checker    *c,
                const char *id,
                guint       revision,
                const char *modified)
{
  if (is_blank (id))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-id-missing", checker_path (c, "id"),
               _("The plan identifier is missing"));
  else if (!is_identifier (id))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-id-invalid", checker_path (c, "id"),
               _("Plan identifier “%s” is not valid: expected up to 128 letters, digits, "
                 "“.”, “_”, “:” or “-”, starting with a letter or digit"), id);

  if (revision == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "revision-invalid", checker_path (c, "revision"),
               _("Revision %u is not valid: expected 1 or more"), revision);

  if (is_blank (modified))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "modified-missing", checker_path (c, "modified"),
               _("The time of the last change is missing"));
  else if (!is_date_time (modified))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "modified-invalid", checker_path (c, "modified"),
               _("Modification time “%s” is not valid: expected an ISO 8601 date and time "
                 "such as 2026-11-20T09:30:00Z"), modified);
}

static void
check_field (Checker    *c,
             const char *field)
{
  if (is_blank (field))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "field-missing", checker_path (c, "field"),
                 _("The creative field is missing"));
    }
  else if (!ccp_vocabulary_has_term (c->self->vocabulary, "field", field))
    {
      g_autofree char *expected = expected_codes (c->self, "field");

      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "field-unknown", checker_path (c, "field"),
                 _("Creative field “%s” is unknown: expected one of %s"), field, expected);
    }
}

static void
check_period (Checker    *c,
              const char *period)
{
  guint year, half;

  if (is_blank (period))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "period-missing", checker_path (c, "period"),
               _("The period is missing"));
  else if (!ccp_period_parse (period, &year, &half))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "period-invalid", checker_path (c, "period"),
               _("Period “%s” is not a calendar half: expected a year, “-H1” (January to June) "
                 "or “-H2” (July to December), e.g. 2027-H1"), period);
}

static void
check_mission_statement (Checker    *c,
                         const char *version)
{
  if (is_blank (version))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "mission-statement-missing",
                 checker_path (c, "mission-statement"),
                 _("The Mission Statement version is missing"));
    }
  else if (!ccp_vocabulary_has_term (c->self->vocabulary, "mission-statement", version))
    {
      g_autofree char *expected = expected_codes (c->self, "mission-statement");

      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "mission-statement-unknown",
                 checker_path (c, "mission-statement"),
                 _("Mission Statement version “%s” is unknown: expected one of %s"),
                 version, expected);
    }
}

/* Country codes: ISO 3166-1 alpha-2, upper case as the schema says. */
static gboolean
is_known_country (CcpValidator *self,
                  const char   *code)
{
  return is_upper_code (code, 2) && ccp_iso_codes_has_country (self->iso_codes, code);
}

static void
check_final (Checker       *c,
             CcpPlanStatus  status)
{
  guint errors;

  if (status != CCP_PLAN_STATUS_FINAL)
    return;

  errors = ccp_issues_count (c->issues, CCP_SEVERITY_ERROR);
  if (errors > 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "plan-final-with-errors", checker_path (c, "status"),
               g_dngettext (GETTEXT_PACKAGE,
                            "The plan is marked final but has %u error: fix it, "
                            "or keep the plan as a draft",
                            "The plan is marked final but has %u errors: fix them, "
                            "or keep the plan as a draft",
                            errors),
               errors);
}

/* Activity checks: the same for city plans and field plans */

static void
context_init (ActivityContext *ctx,
              const char      *period,
              GListModel      *siblings)
{
  memset (ctx, 0, sizeof *ctx);
  g_date_clear (&ctx->first, 1);
  g_date_clear (&ctx->last, 1);
  ctx->period = period;
  ctx->has_period = ccp_period_get_range (period, &ctx->first, &ctx->last);
  ctx->siblings = siblings;
}

static GHashTable *
count_identifiers (GListModel *activities)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      const char *id = ccp_activity_get_id (activity);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

      g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

/* Only the other activities' identifiers are read: the cost does not depend on their content. */
static guint
count_activities_with_id (ActivityContext *ctx,
                          const char      *id)
{
  guint n, count = 0;

  if (ctx->id_counts != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->id_counts, id));

  n = g_list_model_get_n_items (ctx->siblings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) other = g_list_model_get_item (ctx->siblings, i);

      if (g_strcmp0 (ccp_activity_get_id (other), id) == 0)
        count++;
    }

  return count;
}

static void
check_activity_id (Checker         *c,
                   ActivityContext *ctx,
                   CcpActivity     *activity)
{
  const char *id = ccp_activity_get_id (activity);
  guint count;

  if (is_blank (id))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-id-missing", checker_path (c, "id"),
                 _("The activity identifier is missing"));
      return;
    }

  if (!is_identifier (id))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-id-invalid", checker_path (c, "id"),
               _("Activity identifier “%s” is not valid: expected up to 128 letters, digits, "
                 "“.”, “_”, “:” or “-”, starting with a letter or digit"), id);

  count = count_activities_with_id (ctx, id);
  if (count > 1)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-id-duplicate", checker_path (c, "id"),
               g_dngettext (GETTEXT_PACKAGE,
                            "Activity identifier “%s” is used by %u activity; "
                            "each activity needs its own",
                            "Activity identifier “%s” is used by %u activities; "
                            "each activity needs its own",
                            count),
               id, count);
}

static void
check_activity_texts (Checker     *c,
                      CcpActivity *activity)
{
  const char *title = ccp_activity_get_title (activity);
  const char *description = ccp_activity_get_description (activity);
  const char *joint_ref = ccp_activity_get_joint_ref (activity);

  if (is_blank (title))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "title-missing", checker_path (c, "title"),
                 _("The title is missing"));
    }
  else
    {
      glong length = g_utf8_strlen (title, -1);

      check_single_line (c, checker_path (c, "title"), title);
      if (length > TITLE_CHAR_LIMIT)
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "title-too-long", checker_path (c, "title"),
                   g_dngettext (GETTEXT_PACKAGE,
                                "Title has %ld character; the limit is %d",
                                "Title has %ld characters; the limit is %d",
                                length),
                   length, TITLE_CHAR_LIMIT);
    }

  if (is_blank (description))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "description-missing", checker_path (c, "description"),
                 _("The description is missing"));
    }
  else
    {
      guint words = ccp_activity_count_words (description);

      if (words > CCP_DESCRIPTION_WORD_LIMIT)
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "description-too-long",
                   checker_path (c, "description"),
                   g_dngettext (GETTEXT_PACKAGE,
                                "Description has %u word; the limit is %u",
                                "Description has %u words; the limit is %u",
                                words),
                   words, (guint) CCP_DESCRIPTION_WORD_LIMIT);
    }

  if (*joint_ref != '\0' && !is_identifier (joint_ref))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "joint-ref-invalid", checker_path (c, "joint-ref"),
               _("Joint activity reference “%s” is not valid: expected up to 128 letters, "
                 "digits, “.”, “_”, “:” or “-”, starting with a letter or digit"), joint_ref);
}

/* kind, scope, state: one code each. */
static void
check_activity_code (Checker    *c,
                     const char *vocabulary,
                     const char *value,
                     const char *missing_rule,
                     const char *missing_message,
                     const char *unknown_rule,
                     const char *unknown_format)
{
  if (is_blank (value))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, missing_rule, checker_path (c, "%s", vocabulary),
                 "%s", missing_message);
    }
  else if (!ccp_vocabulary_has_term (c->self->vocabulary, vocabulary, value))
    {
      g_autofree char *expected = expected_codes (c->self, vocabulary);
      g_autofree char *message = NULL;

      /* The format is one of the translated literals below. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (unknown_format, value, expected);
#pragma GCC diagnostic pop
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, unknown_rule, checker_path (c, "%s", vocabulary),
                 "%s", message);
    }
}

static void
check_activity_codes (Checker     *c,
                      CcpActivity *activity)
{
  check_activity_code (c, "kind", ccp_activity_get_kind (activity),
                       "kind-missing", _("The kind of activity is missing"),
                       "kind-unknown",
                       /* Translators: the first %s is the code found, the second a list */
                       _("Kind of activity “%s” is unknown: expected one of %s"));
  check_activity_code (c, "scope", ccp_activity_get_scope (activity),
                       "scope-missing", _("The scope (local or international) is missing"),
                       "scope-unknown",
                       /* Translators: the first %s is the code found, the second a list */
                       _("Scope “%s” is unknown: expected one of %s"));
  check_activity_code (c, "state", ccp_activity_get_state (activity),
                       "state-missing", _("The state of the activity is missing"),
                       "state-unknown",
                       /* Translators: the first %s is the code found, the second a list */
                       _("State “%s” is unknown: expected one of %s"));
}

static void
check_activity_dates (Checker         *c,
                      ActivityContext *ctx,
                      CcpActivity     *activity)
{
  const char *start_text = ccp_activity_get_start_date (activity);
  const char *end_text = ccp_activity_get_end_date (activity);
  gboolean start_ok = FALSE, end_ok = FALSE;
  GDate start, end;
  char first_text[16], last_text[16];

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);

  if (is_blank (start_text))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "start-date-missing", checker_path (c, "start-date"),
               _("The start date is missing"));
  else if (!(start_ok = ccp_date_parse (start_text, &start)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "start-date-invalid", checker_path (c, "start-date"),
               _("Start date “%s” is not valid: expected a date as YYYY-MM-DD, "
                 "e.g. 2027-03-15"), start_text);

  if (is_blank (end_text))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "end-date-missing", checker_path (c, "end-date"),
               _("The end date is missing"));
  else if (!(end_ok = ccp_date_parse (end_text, &end)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "end-date-invalid", checker_path (c, "end-date"),
               _("End date “%s” is not valid: expected a date as YYYY-MM-DD, "
                 "e.g. 2027-03-15"), end_text);

  if (!start_ok || !end_ok)
    return;

  if (g_date_compare (&end, &start) < 0)
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "end-before-start", checker_path (c, "end-date"),
                 _("End date %s is before start date %s"), end_text, start_text);
      return;
    }

  if (!ctx->has_period)
    return;

  format_date (&ctx->first, first_text);
  format_date (&ctx->last, last_text);

  if (g_date_compare (&end, &ctx->first) < 0 || g_date_compare (&start, &ctx->last) > 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-outside-period",
               checker_path (c, g_date_compare (&end, &ctx->first) < 0 ? "end-date"
                                                                       : "start-date"),
               /* Translators: dates, then the period (e.g. 2027-H1) and its first and last day */
               _("Activity runs %s to %s, outside the period %s (%s to %s)"),
               start_text, end_text, ctx->period, first_text, last_text);
  else if (g_date_compare (&start, &ctx->first) < 0 || g_date_compare (&end, &ctx->last) > 0)
    ADD_ISSUE (c, CCP_SEVERITY_WARNING, "activity-partly-outside-period",
               checker_path (c, g_date_compare (&start, &ctx->first) < 0 ? "start-date"
                                                                         : "end-date"),
               /* Translators: dates, then the period (e.g. 2027-H1) and its first and last day */
               _("Activity runs %s to %s, partly outside the period %s (%s to %s)"),
               start_text, end_text, ctx->period, first_text, last_text);
}

static void
check_activity_place (Checker     *c,
                      CcpActivity *activity)
{
  if (!ccp_activity_get_online (activity) && is_blank (ccp_activity_get_place (activity)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "place-missing", checker_path (c, "place"),
               _("The place is missing: give a city or venue, or mark the activity as online"));
}

/* objectives, areas, sdgs: every code from the vocabulary. */
static void
check_code_list (Checker            *c,
                 const char         *property,
                 const char         *vocabulary,
                 const char * const *codes,
                 const char         *unknown_rule,
                 const char         *unknown_format)
{
  g_autofree char *expected = NULL;

  for (gsize i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      if (ccp_vocabulary_has_term (c->self->vocabulary, vocabulary, codes[i]))
        continue;

      if (expected == NULL)
        expected = expected_codes (c->self, vocabulary);

      /* The format is one of the translated literals below. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (unknown_format, codes[i], expected);
#pragma GCC diagnostic pop
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, unknown_rule, checker_path (c, "%s", property),
                 "%s", message);
    }
}

static gboolean
strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

static void
check_activity_mission (Checker     *c,
                        CcpActivity *activity)
{
  const char * const *objectives = ccp_activity_get_objectives (activity);
  const char * const *areas = ccp_activity_get_areas (activity);
  const char * const *sdgs = ccp_activity_get_sdgs (activity);

  if (strv_is_empty (objectives))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "objectives-missing", checker_path (c, "objectives"),
               _("No objective of the Mission Statement is selected: choose at least one"));
  check_code_list (c, "objectives", "objective", objectives, "objective-unknown",
                   /* Translators: the first %s is the code found, the second a list */
                   _("Objective “%s” is unknown: expected one of %s"));

  if (strv_is_empty (areas))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "areas-missing", checker_path (c, "areas"),
               _("No area of action is selected: choose at least one"));
  check_code_list (c, "areas", "area", areas, "area-unknown",
                   /* Translators: the first %s is the code found, the second a list */
                   _("Area of action “%s” is unknown: expected one of %s"));

  check_code_list (c, "sdgs", "sdg", sdgs, "sdg-unknown",
                   /* Translators: the first %s is the code found, the second a list */
                   _("Sustainable Development Goal “%s” is unknown: expected one of %s"));
  if (strv_is_empty (sdgs) && !ccp_activity_get_sdgs_none (activity))
    ADD_ISSUE (c, CCP_SEVERITY_INFO, "sdgs-unanswered", checker_path (c, "sdgs"),
               _("No Sustainable Development Goal is selected: choose the goals the activity "
                 "serves (SDG 11 is sustainable cities and communities), "
                 "or answer “no relevant information”"));
}

static void
check_activity_partners (Checker     *c,
                         CcpActivity *activity)
{
  GListModel *cities = G_LIST_MODEL (ccp_activity_get_partner_cities (activity));
  GListModel *organisations = G_LIST_MODEL (ccp_activity_get_partner_organisations (activity));
  guint n;

  n = g_list_model_get_n_items (cities);
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (cities, j);
      const char *name = ccp_partner_get_name (partner);
      const char *country = ccp_partner_get_country (partner);
      const char *field = ccp_partner_get_field (partner);

      if (is_blank (name))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-city-name-missing",
                   checker_path (c, "partner-cities/%u/name", j),
                   _("The name of partner city %u is missing"), j + 1);
      else
        check_single_line (c, checker_path (c, "partner-cities/%u/name", j), name);

      if (is_blank (country))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-city-country-missing",
                   checker_path (c, "partner-cities/%u/country", j),
                   _("The country of partner city “%s” is missing"), name);
      else if (!is_known_country (c->self, country))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-city-country-unknown",
                   checker_path (c, "partner-cities/%u/country", j),
                   _("Country code “%s” of partner city “%s” is unknown: expected an "
                     "ISO 3166-1 alpha-2 code such as FR"), country, name);

      if (is_blank (field))
        {
          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-city-field-missing",
                     checker_path (c, "partner-cities/%u/field", j),
                     _("The creative field of partner city “%s” is missing"), name);
        }
      else if (!ccp_vocabulary_has_term (c->self->vocabulary, "field", field))
        {
          g_autofree char *expected = expected_codes (c->self, "field");

          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-city-field-unknown",
                     checker_path (c, "partner-cities/%u/field", j),
                     _("Creative field “%s” of partner city “%s” is unknown: expected one of %s"),
                     field, name, expected);
        }
    }

  n = g_list_model_get_n_items (organisations);
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (organisations, j);
      const char *name = ccp_partner_get_name (partner);
      const char *sector = ccp_partner_get_sector (partner);

      if (is_blank (name))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-organisation-name-missing",
                   checker_path (c, "partner-organisations/%u/name", j),
                   _("The name of partner organisation %u is missing"), j + 1);
      else
        check_single_line (c, checker_path (c, "partner-organisations/%u/name", j), name);

      if (is_blank (sector))
        {
          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-sector-missing",
                     checker_path (c, "partner-organisations/%u/sector", j),
                     _("The sector of partner organisation “%s” is missing"), name);
        }
      else if (!ccp_vocabulary_has_term (c->self->vocabulary, "sector", sector))
        {
          g_autofree char *expected = expected_codes (c->self, "sector");

          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "partner-sector-unknown",
                     checker_path (c, "partner-organisations/%u/sector", j),
                     _("Sector “%s” of partner organisation “%s” is unknown: "
                       "expected one of %s"), sector, name, expected);
        }
    }
}

static void
check_activity_budget (Checker     *c,
                       CcpActivity *activity)
{
  const char *amount = ccp_activity_get_budget_amount (activity);
  const char *currency = ccp_activity_get_budget_currency (activity);
  const char * const *funding = ccp_activity_get_funding (activity);
  gboolean has_amount = !is_blank (amount);
  gboolean has_currency = !is_blank (currency);

  if (has_amount)
    {
      switch (check_amount (amount))
        {
        case AMOUNT_OK:
          break;
        case AMOUNT_NEGATIVE:
          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-amount-negative",
                     checker_path (c, "budget-amount"),
                     _("Budget amount %s is negative: expected zero or more"), amount);
          break;
        case AMOUNT_INVALID:
        default:
          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-amount-invalid",
                     checker_path (c, "budget-amount"),
                     _("Budget amount “%s” is not a number as expected: digits, with “.” "
                       "before at most two decimals and no spaces, e.g. 12000.50"), amount);
          break;
        }

      if (!has_currency)
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-currency-missing",
                   checker_path (c, "budget-currency"),
                   _("Budget amount %s has no currency: give an ISO 4217 code such as EUR"),
                   amount);
    }

  if (has_currency)
    {
      if (!is_upper_code (currency, 3)
          || !ccp_iso_codes_has_currency (c->self->iso_codes, currency))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-currency-unknown",
                   checker_path (c, "budget-currency"),
                   _("Currency “%s” is unknown: expected an ISO 4217 code such as EUR"),
                   currency);

      if (!has_amount)
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "budget-amount-missing",
                   checker_path (c, "budget-amount"),
                   _("The budget has a currency (%s) but no amount"), currency);
    }

  for (guint j = 0; funding != NULL && funding[j] != NULL; j++)
    {
      if (is_blank (funding[j]))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "funding-source-empty",
                   checker_path (c, "funding/%u", j),
                   _("Funding source %u is empty: name it or remove it"), j + 1);
      else
        check_single_line (c, checker_path (c, "funding/%u", j), funding[j]);
    }
}

static void
check_activity_results (Checker     *c,
                        CcpActivity *activity)
{
  GListModel *results = G_LIST_MODEL (ccp_activity_get_results (activity));
  guint n = g_list_model_get_n_items (results);

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CcpResult) result = g_list_model_get_item (results, j);
      const char *indicator = ccp_result_get_indicator (result);

      if (is_blank (ccp_result_get_outcome (result)))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "result-outcome-missing",
                   checker_path (c, "results/%u/outcome", j),
                   _("The outcome of expected result %u is missing"), j + 1);
      check_single_line (c, checker_path (c, "results/%u/indicator", j), indicator);
    }
}

/* "No relevant information" and values at the same time: which one is meant? */
static void
check_none_with_values (Checker     *c,
                        CcpActivity *activity)
{
  struct {
    const char *property;
    gboolean    none;
    gboolean    has_values;
    const char *message;
  } answers[] = {
    { "sdgs-none", ccp_activity_get_sdgs_none (activity),
      !strv_is_empty (ccp_activity_get_sdgs (activity)),
      N_("The Sustainable Development Goals are answered “no relevant information” but "
         "goals are selected too: remove them or the answer") },
    { "partner-cities-none", ccp_activity_get_partner_cities_none (activity),
      g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_partner_cities (activity))) > 0,
      N_("The partner cities are answered “no relevant information” but "
         "cities are listed too: remove them or the answer") },
    { "partner-organisations-none", ccp_activity_get_partner_organisations_none (activity),
      g_list_model_get_n_items (
        G_LIST_MODEL (ccp_activity_get_partner_organisations (activity))) > 0,
      N_("The partner organisations are answered “no relevant information” but "
         "organisations are listed too: remove them or the answer") },
    { "budget-none", ccp_activity_get_budget_none (activity),
      !is_blank (ccp_activity_get_budget_amount (activity))
      || !is_blank (ccp_activity_get_budget_currency (activity)),
      N_("The budget is answered “no relevant information” but "
         "an amount or currency is given too: remove it or the answer") },
    { "funding-none", ccp_activity_get_funding_none (activity),
      !strv_is_empty (ccp_activity_get_funding (activity)),
      N_("The funding is answered “no relevant information” but "
         "sources are listed too: remove them or the answer") },
    { "results-none", ccp_activity_get_results_none (activity),
      g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_results (activity))) > 0,
      N_("The expected results are answered “no relevant information” but "
         "results are listed too: remove them or the answer") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (answers); i++)
    if (answers[i].none && answers[i].has_values)
      ADD_ISSUE (c, CCP_SEVERITY_WARNING, "none-with-values",
                 checker_path (c, "%s", answers[i].property),
                 "%s", _(answers[i].message));
}

static void
check_activity_attributions (Checker     *c,
                             CcpActivity *activity)
{
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

  if (g_list_model_get_n_items (attributions) == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-unattributed",
               checker_path (c, "attributions"),
               _("Activity “%s” is not attributed to any city"),
               ccp_activity_get_id (activity));
}

/* Every rule of one activity; the issues' paths start with "<collection>/<index>/". */
static void
check_one_activity (Checker         *c,
                    ActivityContext *ctx,
                    guint            index,
                    CcpActivity     *activity,
                    gboolean         in_field_plan)
{
  checker_set_prefix (c, "activities", index);

  check_activity_id (c, ctx, activity);
  check_activity_texts (c, activity);
  check_activity_codes (c, activity);
  check_activity_dates (c, ctx, activity);
  check_activity_place (c, activity);
  check_activity_mission (c, activity);
  check_activity_partners (c, activity);
  check_activity_budget (c, activity);
  check_activity_results (c, activity);
  check_none_with_values (c, activity);
  if (in_field_plan)
    check_activity_attributions (c, activity);

  checker_set_prefix (c, NULL, 0);
}

static void
check_all_activities (Checker    *c,
                      GListModel *activities,
                      const char *period,
                      gboolean    in_field_plan)
{
  ActivityContext ctx;
  guint n = g_list_model_get_n_items (activities);

  context_init (&ctx, period, activities);
  ctx.id_counts = count_identifiers (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      check_one_activity (c, &ctx, i, activity, in_field_plan);
    }

  g_hash_table_unref (ctx.id_counts);
}

/* Plan-level checks */

static void
check_city (Checker *c,
            CcpPlan *plan)
{
  const char *city = ccp_plan_get_city (plan);
  const char *country = ccp_plan_get_country (plan);
  gboolean country_ok = is_known_country (c->self, country);

  if (is_blank (city))
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "city-missing", checker_path (c, "city"),
                 _("The city is missing"));
    }
  else
    {
      check_single_line (c, checker_path (c, "city"), city);

      /* The Network grows faster than any list: a warning at most. Any field will do. */
      if (ccp_registry_lookup (c->self->registry, city, country_ok ? country : NULL,
                               NULL) == NULL)
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "city-not-in-registry", checker_path (c, "city"),
                   /* Translators: a city name, then a country code such as FR */
                   _("City “%s” (%s) is not in the list of member cities: check its spelling"),
                   city, country);
    }

  if (is_blank (country))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "country-missing", checker_path (c, "country"),
               _("The country is missing"));
  else if (!country_ok)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "country-unknown", checker_path (c, "country"),
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
  gboolean rep_given = !is_blank (rep_name) || !is_blank (rep_title) || !is_blank (rep_email);

  if (is_blank (ccp_plan_get_focal_point_name (plan)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "focal-point-name-missing",
               checker_path (c, "focal-point-name"),
               _("The name of the Focal Point is missing"));
  check_single_line (c, checker_path (c, "focal-point-name"),
                     ccp_plan_get_focal_point_name (plan));

  if (is_blank (email))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "focal-point-email-missing",
               checker_path (c, "focal-point-email"),
               _("The email address of the Focal Point is missing"));
  else
    check_email (c, checker_path (c, "focal-point-email"), email);
  check_single_line (c, checker_path (c, "focal-point-phone"),
                     ccp_plan_get_focal_point_phone (plan));

  if (ccp_plan_get_representative_none (plan))
    {
      if (rep_given)
        ADD_ISSUE (c, CCP_SEVERITY_WARNING, "none-with-values",
                   checker_path (c, "representative-none"),
                   _("The political representative is answered “no representative” but "
                     "a name, title or email is given too: remove them or the answer"));
    }
  else if (!rep_given)
    {
      ADD_ISSUE (c, CCP_SEVERITY_INFO, "representative-unanswered",
                 checker_path (c, "representative-name"),
                 _("No political representative is given: name one, "
                   "or answer “no representative”"));
    }
  else if (is_blank (rep_name))
    {
      ADD_ISSUE (c, CCP_SEVERITY_WARNING, "representative-name-missing",
                 checker_path (c, "representative-name"),
                 _("The political representative has a title or email but no name"));
    }

  check_single_line (c, checker_path (c, "representative-name"), rep_name);
  check_single_line (c, checker_path (c, "representative-title"), rep_title);
  check_email (c, checker_path (c, "representative-email"), rep_email);
}

static void
check_plan_fields (Checker *c,
                   CcpPlan *plan)
{
  check_document (c, ccp_plan_get_id (plan), ccp_plan_get_revision (plan),
                  ccp_plan_get_modified (plan));
  check_city (c, plan);
  check_field (c, ccp_plan_get_field (plan));
  check_period (c, ccp_plan_get_period (plan));
  check_mission_statement (c, ccp_plan_get_mission_statement (plan));
  check_contacts (c, plan);

  if (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))) == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activities-missing", checker_path (c, "activities"),
               _("The plan has no activity: a plan needs at least one"));
}

static void
check_field_plan_contact (Checker    *c,
                          CcpContact *contact,
                          const char *path)
{
  check_email (c, checker_path (c, "%s/email", path), ccp_contact_get_email (contact));
  check_single_line (c, checker_path (c, "%s/name", path), ccp_contact_get_name (contact));
  check_single_line (c, checker_path (c, "%s/city", path), ccp_contact_get_city (contact));
}

/* GObject */

static void
ccp_validator_constructed (GObject *object)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  G_OBJECT_CLASS (ccp_validator_parent_class)->constructed (object);

  ccp_i18n_init ();

  if (self->vocabulary == NULL)
    self->vocabulary = g_object_ref (ccp_vocabulary_get_default ());
  if (self->iso_codes == NULL)
    self->iso_codes = g_object_ref (ccp_iso_codes_get_default ());
  if (self->registry == NULL)
    self->registry = g_object_ref (ccp_registry_get_default ());
}

static void
ccp_validator_dispose (GObject *object)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  g_clear_object (&self->vocabulary);
  g_clear_object (&self->iso_codes);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (ccp_validator_parent_class)->dispose (object);
}

static void
ccp_validator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      g_value_set_object (value, self->vocabulary);
      break;
    case PROP_ISO_CODES:
      g_value_set_object (value, self->iso_codes);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_validator_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcpValidator *self = CCP_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      self->vocabulary = g_value_dup_object (value);
      break;
    case PROP_ISO_CODES:
      self->iso_codes = g_value_dup_object (value);
      break;
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ccp_validator_class_init (CcpValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ccp_validator_constructed;
  object_class->dispose = ccp_validator_dispose;
  object_class->get_property = ccp_validator_get_property;
  object_class->set_property = ccp_validator_set_property;

  /* NULL at construction means the library's default. */
  properties[PROP_VOCABULARY] =
    g_param_spec_object ("vocabulary", NULL, NULL,
                         CCP_TYPE_VOCABULARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISO_CODES] =
    g_param_spec_object ("iso-codes", NULL, NULL,
                         CCP_TYPE_ISO_CODES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         CCP_TYPE_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ccp_validator_init (CcpValidator *self)
{
}

/* Public API */

CcpValidator *
ccp_validator_new (void)
{
  return g_object_new (CCP_TYPE_VALIDATOR, NULL);
}

CcpValidator *
ccp_validator_new_full (CcpVocabulary *vocabulary,
                        CcpIsoCodes   *iso_codes,
                        CcpRegistry   *registry)
{
  g_return_val_if_fail (vocabulary == NULL || CCP_IS_VOCABULARY (vocabulary), NULL);
  g_return_val_if_fail (iso_codes == NULL || CCP_IS_ISO_CODES (iso_codes), NULL);
  g_return_val_if_fail (registry == NULL || CCP_IS_REGISTRY (registry), NULL);

  return g_object_new (CCP_TYPE_VALIDATOR,
                       "vocabulary", vocabulary,
                       "iso-codes", iso_codes,
                       "registry", registry,
                       NULL);
}

GPtrArray *
ccp_validator_check_plan_fields (CcpValidator *self,
                                 CcpPlan      *plan)
{
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  checker_init (&c, self, issues);
  check_plan_fields (&c, plan);
  checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_activity (CcpValidator *self,
                              CcpPlan      *plan,
                              guint         index)
{
  GListModel *activities;
  g_autoptr(CcpActivity) activity = NULL;
  ActivityContext ctx;
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  g_return_val_if_fail (index < g_list_model_get_n_items (activities), NULL);

  activity = g_list_model_get_item (activities, index);
  issues = g_ptr_array_new_with_free_func (g_object_unref);
  checker_init (&c, self, issues);
  context_init (&ctx, ccp_plan_get_period (plan), activities);
  check_one_activity (&c, &ctx, index, activity, FALSE);
  checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_plan (CcpValidator *self,
                          CcpPlan      *plan)
{
  GPtrArray *issues;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  checker_init (&c, self, issues);
  check_plan_fields (&c, plan);
  check_all_activities (&c, G_LIST_MODEL (ccp_plan_get_activities (plan)),
                        ccp_plan_get_period (plan), FALSE);
  check_final (&c, ccp_plan_get_status (plan));
  checker_clear (&c);

  return issues;
}

GPtrArray *
ccp_validator_check_field_plan (CcpValidator *self,
                                CcpFieldPlan *field_plan)
{
  GListModel *deputies;
  GPtrArray *issues;
  const char *consolidated;
  Checker c;

  g_return_val_if_fail (CCP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (CCP_IS_FIELD_PLAN (field_plan), NULL);

  issues = g_ptr_array_new_with_free_func (g_object_unref);
  checker_init (&c, self, issues);

  check_document (&c, ccp_field_plan_get_id (field_plan),
                  ccp_field_plan_get_revision (field_plan),
                  ccp_field_plan_get_modified (field_plan));
  /* A network overview (field plans of several fields merged) has no single field. */
  if (g_strcmp0 (ccp_field_plan_get_field (field_plan), CCP_FIELD_NETWORK) != 0)
    check_field (&c, ccp_field_plan_get_field (field_plan));
  check_period (&c, ccp_field_plan_get_period (field_plan));
  check_mission_statement (&c, ccp_field_plan_get_mission_statement (field_plan));

  consolidated = ccp_field_plan_get_consolidated (field_plan);
  if (is_blank (consolidated))
    ADD_ISSUE (&c, CCP_SEVERITY_ERROR, "consolidated-missing",
               checker_path (&c, "consolidated"),
               _("The time of consolidation is missing"));
  else if (!is_date_time (consolidated))
    ADD_ISSUE (&c, CCP_SEVERITY_ERROR, "consolidated-invalid",
               checker_path (&c, "consolidated"),
               _("Consolidation time “%s” is not valid: expected an ISO 8601 date and time "
                 "such as 2026-11-20T09:30:00Z"), consolidated);

  check_field_plan_contact (&c, ccp_field_plan_get_coordinator (field_plan), "coordinator");
  deputies = G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan));
  for (guint j = 0; j < g_list_model_get_n_items (deputies); j++)
    {
      g_autoptr(CcpContact) deputy = g_list_model_get_item (deputies, j);
      g_autofree char *path = g_strdup_printf ("deputies/%u", j);

      check_field_plan_contact (&c, deputy, path);
    }

  check_all_activities (&c, G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)),
                        ccp_field_plan_get_period (field_plan), TRUE);
  check_final (&c, ccp_field_plan_get_status (field_plan));
  checker_clear (&c);

  return issues;
}
