/* ccp-validator-activity.c: the checks of one activity, the same in city plans and field plans.
 *
 * The type and vocabulary checks walk the field table (ccp-activity-field.h): each row is
 * checked as its type says (a code of its vocabulary, codes, a single line, a date, an amount,
 * a currency, an identifier; list items through their item table), and a REQUIRED row must
 * have a value. Their rule codes are the row's rule prefix and a suffix ("-missing",
 * "-invalid", "-negative", "-unknown", "-empty"; unknown codes "<vocabulary>-unknown"), their
 * messages come from the catalogue below by rule code. What a schema cannot say (end after
 * start, dates against the period, the word limit, duplicate identifiers...) is written by hand
 * and hooked to the row it belongs to, so that issues come in the order of the file; the
 * "none" answers given with values, and a field plan's attributions, come last.
 */
#define G_LOG_DOMAIN "ccp-validator"

#include "config.h"

#include <string.h>

#include "ccp-activity-field.h"
#include "ccp-activity.h"
#include "ccp-amount.h"
#include "ccp-attribution.h"
#include "ccp-plan.h"
#include "ccp-validator-private.h"
#include "ccp-vocabulary.h"

/* Longer titles do not fit in tables and reports; a warning, not an error. */
#define TITLE_CHAR_LIMIT 200

/* The messages of the table-driven checks, by rule code. Each kind of check passes its own
 * arguments (see the functions below): "-missing" none (items: the item's number when it is
 * the item's name, else the item's name), "-invalid" and "-negative" the value, "-unknown" the
 * code, the item's name for items, then the expected codes unless they are ISO codes. */
typedef struct
{
  const char *rule;
  const char *format;
} RuleText;

static const RuleText rule_texts[] = {
  { "activity-id-missing", N_("The activity identifier is missing") },
  { "activity-id-invalid",
    N_("Activity identifier “%s” is not valid: expected up to 128 letters, digits, "
       "“.”, “_”, “:” or “-”, starting with a letter or digit") },
  { "kind-missing", N_("The kind of activity is missing") },
  /* Translators: the first %s is the code found, the second a list */
  { "kind-unknown", N_("Kind of activity “%s” is unknown: expected one of %s") },
  { "scope-missing", N_("The scope (local or international) is missing") },
  /* Translators: the first %s is the code found, the second a list */
  { "scope-unknown", N_("Scope “%s” is unknown: expected one of %s") },
  { "state-missing", N_("The state of the activity is missing") },
  /* Translators: the first %s is the code found, the second a list */
  { "state-unknown", N_("State “%s” is unknown: expected one of %s") },
  { "joint-ref-invalid",
    N_("Joint activity reference “%s” is not valid: expected up to 128 letters, "
       "digits, “.”, “_”, “:” or “-”, starting with a letter or digit") },
  { "carried-from-plan-invalid",
    N_("The plan this activity was carried from, “%s”, is not a valid identifier: expected "
       "up to 128 letters, digits, “.”, “_”, “:” or “-”, starting with a letter or digit") },
  { "carried-from-activity-invalid",
    N_("The activity this one was carried from, “%s”, is not a valid identifier: expected "
       "up to 128 letters, digits, “.”, “_”, “:” or “-”, starting with a letter or digit") },
  { "title-missing", N_("The title is missing") },
  { "description-missing", N_("The description is missing") },
  { "start-date-missing", N_("The start date is missing") },
  { "start-date-invalid",
    N_("Start date “%s” is not valid: expected a date as YYYY-MM-DD, e.g. 2027-03-15") },
  { "end-date-missing", N_("The end date is missing") },
  { "end-date-invalid",
    N_("End date “%s” is not valid: expected a date as YYYY-MM-DD, e.g. 2027-03-15") },
  { "objectives-missing",
    N_("No objective of the Mission Statement is selected: choose at least one") },
  /* Translators: the first %s is the code found, the second a list */
  { "objective-unknown", N_("Objective “%s” is unknown: expected one of %s") },
  { "areas-missing", N_("No area of action is selected: choose at least one") },
  /* Translators: the first %s is the code found, the second a list */
  { "area-unknown", N_("Area of action “%s” is unknown: expected one of %s") },
  /* Translators: the first %s is the code found, the second a list */
  { "sdg-unknown", N_("Sustainable Development Goal “%s” is unknown: expected one of %s") },
  { "partner-city-name-missing", N_("The name of partner city %u is missing") },
  { "partner-city-country-missing", N_("The country of partner city “%s” is missing") },
  { "partner-city-country-unknown",
    N_("Country code “%s” of partner city “%s” is unknown: expected an "
       "ISO 3166-1 alpha-2 code such as FR") },
  { "partner-city-field-missing", N_("The creative field of partner city “%s” is missing") },
  { "partner-city-field-unknown",
    N_("Creative field “%s” of partner city “%s” is unknown: expected one of %s") },
  { "partner-organisation-name-missing", N_("The name of partner organisation %u is missing") },
  { "partner-sector-missing", N_("The sector of partner organisation “%s” is missing") },
  { "partner-sector-unknown",
    N_("Sector “%s” of partner organisation “%s” is unknown: expected one of %s") },
  { "budget-amount-invalid",
    N_("Budget amount “%s” is not a number as expected: digits, with “.” "
       "before at most two decimals and no spaces, e.g. 12000.50") },
  { "budget-amount-negative", N_("Budget amount %s is negative: expected zero or more") },
  /* Translators: the first %s is the amount found, the second the largest there can be */
  { "budget-amount-too-large", N_("Budget amount %s is too large: at most %s in any currency") },
  { "budget-currency-unknown",
    N_("Currency “%s” is unknown: expected an ISO 4217 code such as EUR") },
  { "funding-source-empty", N_("Funding source %u is empty: name it or remove it") },
  /* Translators: "Expected result" as the editor labels the field */
  { "result-outcome-missing", N_("Expected result %u is empty: say what the activity is "
                                 "expected to achieve") },
};

/* The same rules for an item that has no name yet: it is named by its number, not by an empty
 * “” (issue 17). The arguments are those above with the number (%u) for the name. */
static const RuleText unnamed_texts[] = {
  { "partner-city-country-missing", N_("The country of partner city %u is missing") },
  { "partner-city-country-unknown",
    N_("Country code “%s” of partner city %u is unknown: expected an "
       "ISO 3166-1 alpha-2 code such as FR") },
  { "partner-city-field-missing", N_("The creative field of partner city %u is missing") },
  { "partner-city-field-unknown",
    N_("Creative field “%s” of partner city %u is unknown: expected one of %s") },
  { "partner-sector-missing", N_("The sector of partner organisation %u is missing") },
  { "partner-sector-unknown",
    N_("Sector “%s” of partner organisation %u is unknown: expected one of %s") },
};

/* The translated message of a rule. Every rule the field table can give has one: a new row
 * whose rules have none is a programming error, caught by the tests (fatal criticals). */
static const char *
rule_format (const char *rule)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rule_texts); i++)
    {
      if (g_str_equal (rule_texts[i].rule, rule))
        return _(rule_texts[i].format);
    }
  g_critical ("No message for validation rule %s", rule);
  return NULL;
}

/* Adds an error with the catalogue's message of `rule`, formatted with the arguments of its
 * kind of check. */
static void
add_issue_valist (Checker    *c,
                  const char *rule,
                  const char *format,
                  const char *path,
                  va_list     args)
{
  g_autofree char *message = NULL;

  /* The formats are the translated literals of the catalogue. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = format != NULL ? g_strdup_vprintf (format, args) : g_strdup (rule);
#pragma GCC diagnostic pop

  ADD_ISSUE (c, CCP_SEVERITY_ERROR, rule, path, "%s", message);
}

static void
add_rule_issue (Checker    *c,
                const char *rule,
                const char *path,
                ...)
{
  va_list args;

  va_start (args, path);
  add_issue_valist (c, rule, rule_format (rule), path, args);
  va_end (args);
}

/* As add_rule_issue() for an item without a name: the arguments have its number instead. */
static void
add_unnamed_issue (Checker    *c,
                   const char *rule,
                   const char *path,
                   ...)
{
  const char *format = NULL;
  va_list args;

  for (gsize i = 0; i < G_N_ELEMENTS (unnamed_texts) && format == NULL; i++)
    if (g_str_equal (unnamed_texts[i].rule, rule))
      format = _(unnamed_texts[i].format);
  if (format == NULL)
    g_critical ("No message for validation rule %s of an unnamed item", rule);

  va_start (args, path);
  add_issue_valist (c, rule, format, path, args);
  va_end (args);
}

static char *
field_rule (const CcpActivityField *field,
            const char             *suffix)
{
  return g_strconcat (field->rule != NULL ? field->rule : field->name, suffix, NULL);
}

static char *
item_rule (const CcpActivityField *list,
           const CcpItemField     *item,
           const char             *suffix)
{
  if (item->rule != NULL)
    return g_strconcat (item->rule, suffix, NULL);
  return g_strconcat (list->rule != NULL ? list->rule : list->name, "-", item->name, suffix,
                      NULL);
}

/* Whether a code belongs to the row's vocabulary ("country": ISO 3166-1 alpha-2). */
static gboolean
is_known_code (Checker    *c,
               const char *vocabulary,
               const char *code)
{
  if (g_str_equal (vocabulary, "country"))
    return _ccp_is_known_country (c->self, code);
  return _ccp_checker_has_code (c, vocabulary, code);
}

static gboolean
strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* Table-driven checks of one value */

/* A single value (IDENTIFIER, LINE, TEXT, CODE, DATE, AMOUNT, CURRENCY) of an activity row. */
/* Paths are made only for issues: most values have none, and the editor checks on every
 * keystroke. */
#define ROW_PATH(c, field) _ccp_checker_path ((c), "%s", (field)->name)
#define ITEM_PATH(c, list, j, item) \
  _ccp_checker_path ((c), "%s/%u/%s", (list)->name, (j), (item)->name)

static void
check_value (Checker                *c,
             const CcpActivityField *field,
             const char             *value)
{
  g_autofree char *rule = NULL;

  if (_ccp_is_blank (value))
    {
      if (field->flags & CCP_FIELD_FLAGS_REQUIRED)
        {
          rule = field_rule (field, "-missing");
          add_rule_issue (c, rule, ROW_PATH (c, field));
          return;
        }
      /* Optional and empty: nothing written, nothing to check. */
      if (value == NULL || *value == '\0')
        return;
    }

  switch (field->type)
    {
    case CCP_FIELD_TYPE_IDENTIFIER:
      if (!_ccp_is_identifier (value))
        {
          rule = field_rule (field, "-invalid");
          add_rule_issue (c, rule, ROW_PATH (c, field), value);
        }
      break;

    case CCP_FIELD_TYPE_LINE:
      if (!_ccp_is_blank (value) && _ccp_has_line_break (value))
        _ccp_check_single_line (c, ROW_PATH (c, field), value);
      break;

    case CCP_FIELD_TYPE_CODE:
      if (!_ccp_checker_has_code (c, field->vocabulary, value))
        {
          g_autofree char *expected = _ccp_expected_codes (c->self, field->vocabulary);

          rule = g_strconcat (field->vocabulary, "-unknown", NULL);
          add_rule_issue (c, rule, ROW_PATH (c, field), value, expected);
        }
      break;

    case CCP_FIELD_TYPE_DATE:
      if (!ccp_date_parse (value, NULL))
        {
          rule = field_rule (field, "-invalid");
          add_rule_issue (c, rule, ROW_PATH (c, field), value);
        }
      break;

    case CCP_FIELD_TYPE_AMOUNT:
      switch (_ccp_check_amount (value))
        {
        case CCP_AMOUNT_OK:
          break;
        case CCP_AMOUNT_NEGATIVE:
          rule = field_rule (field, "-negative");
          add_rule_issue (c, rule, ROW_PATH (c, field), value);
          break;
        case CCP_AMOUNT_TOO_LARGE:
          rule = field_rule (field, "-too-large");
          add_rule_issue (c, rule, ROW_PATH (c, field), value, CCP_AMOUNT_MAX_TEXT);
          break;
        case CCP_AMOUNT_INVALID:
        default:
          rule = field_rule (field, "-invalid");
          add_rule_issue (c, rule, ROW_PATH (c, field), value);
          break;
        }
      break;

    case CCP_FIELD_TYPE_CURRENCY:
      if (!_ccp_is_known_currency (c->self, value))
        {
          rule = field_rule (field, "-unknown");
          add_rule_issue (c, rule, ROW_PATH (c, field), value);
        }
      break;

    case CCP_FIELD_TYPE_TEXT:
    default:
      break;
    }
}

/* CODES: one code at least when REQUIRED, each code known. */
static void
check_codes (Checker                *c,
             const CcpActivityField *field,
             const char * const     *codes)
{
  g_autofree char *expected = NULL;
  g_autofree char *rule = NULL;

  if (strv_is_empty (codes))
    {
      if (field->flags & CCP_FIELD_FLAGS_REQUIRED)
        {
          rule = field_rule (field, "-missing");
          add_rule_issue (c, rule, ROW_PATH (c, field));
        }
      return;
    }

  for (gsize i = 0; codes[i] != NULL; i++)
    {
      if (_ccp_checker_has_code (c, field->vocabulary, codes[i]))
        continue;

      if (expected == NULL)
        {
          expected = _ccp_expected_codes (c->self, field->vocabulary);
          rule = g_strconcat (field->vocabulary, "-unknown", NULL);
        }
      add_rule_issue (c, rule, ROW_PATH (c, field), codes[i], expected);
    }
}

/* TEXTS: no item is blank, each is a single line (the schema's text). */
static void
check_texts (Checker                *c,
             const CcpActivityField *field,
             const char * const     *texts)
{
  for (guint j = 0; texts != NULL && texts[j] != NULL; j++)
    {
      if (_ccp_is_blank (texts[j]))
        {
          g_autofree char *rule = field_rule (field, "-empty");

          add_rule_issue (c, rule, _ccp_checker_path (c, "%s/%u", field->name, j), j + 1);
        }
      else if (_ccp_has_line_break (texts[j]))
        {
          _ccp_check_single_line (c, _ccp_checker_path (c, "%s/%u", field->name, j), texts[j]);
        }
    }
}

/* One field of item j of a list; `name` is the item's first field (its name, its outcome). */
static void
check_item_value (Checker                *c,
                  const CcpActivityField *list,
                  const CcpItemField     *item,
                  guint                   j,
                  const char             *name,
                  const char             *value)
{
  g_autofree char *rule = NULL;

  if (!(item->flags & CCP_FIELD_FLAGS_REQUIRED) && item->type == CCP_FIELD_TYPE_LINE)
    {
      if (_ccp_has_line_break (value) || (*value != '\0' && _ccp_is_blank (value)))
        _ccp_check_optional_line (c, ITEM_PATH (c, list, j, item), value);
      return;
    }

  if (_ccp_is_blank (value))
    {
      if (!(item->flags & CCP_FIELD_FLAGS_REQUIRED))
        return;

      rule = item_rule (list, item, "-missing");
      /* The item's name is the missing value: the item is named by its number. */
      if (item == &list->items[0])
        add_rule_issue (c, rule, ITEM_PATH (c, list, j, item), j + 1);
      else if (_ccp_is_blank (name))
        add_unnamed_issue (c, rule, ITEM_PATH (c, list, j, item), j + 1);
      else
        add_rule_issue (c, rule, ITEM_PATH (c, list, j, item), name);
      return;
    }

  switch (item->type)
    {
    case CCP_FIELD_TYPE_LINE:
      if (_ccp_has_line_break (value))
        _ccp_check_single_line (c, ITEM_PATH (c, list, j, item), value);
      break;

    case CCP_FIELD_TYPE_CODE:
      if (is_known_code (c, item->vocabulary, value))
        break;

      rule = item_rule (list, item, "-unknown");
      if (g_str_equal (item->vocabulary, "country"))
        {
          if (_ccp_is_blank (name))
            add_unnamed_issue (c, rule, ITEM_PATH (c, list, j, item), value, j + 1);
          else
            add_rule_issue (c, rule, ITEM_PATH (c, list, j, item), value, name);
        }
      else
        {
          g_autofree char *expected = _ccp_expected_codes (c->self, item->vocabulary);

          if (_ccp_is_blank (name))
            add_unnamed_issue (c, rule, ITEM_PATH (c, list, j, item), value, j + 1, expected);
          else
            add_rule_issue (c, rule, ITEM_PATH (c, list, j, item), value, name, expected);
        }
      break;

    case CCP_FIELD_TYPE_TEXT:
    default:
      break;
    }
}

static void
check_items (Checker                *c,
             const CcpActivityField *field,
             CcpActivity            *activity)
{
  CcpItemList *list;
  guint n;

  /* Asking an activity without items for its list would make an empty one. */
  n = ccp_activity_peek_n_items (activity, field->get_list);
  if (n == 0)
    return;
  list = field->get_list (activity);
  for (guint j = 0; j < n; j++)
    {
      GObject *object = ccp_item_list_peek (list, j);
      const char *name = field->items[0].get (object);

      for (const CcpItemField *item = field->items; item->name != NULL; item++)
        check_item_value (c, field, item, j, name, item->get (object));
    }
}

static void
check_row (Checker                *c,
           const CcpActivityField *field,
           CcpActivity            *activity)
{
  switch (field->type)
    {
    case CCP_FIELD_TYPE_CODES:
      check_codes (c, field, field->get_strv (activity));
      break;
    case CCP_FIELD_TYPE_TEXTS:
      check_texts (c, field, field->get_strv (activity));
      break;
    case CCP_FIELD_TYPE_PARTNER_CITIES:
    case CCP_FIELD_TYPE_PARTNER_ORGANISATIONS:
    case CCP_FIELD_TYPE_RESULTS:
      check_items (c, field, activity);
      break;
    case CCP_FIELD_TYPE_FLAG:
    case CCP_FIELD_TYPE_NONE_ANSWER:
      break;
    case CCP_FIELD_TYPE_IDENTIFIER:
    case CCP_FIELD_TYPE_LINE:
    case CCP_FIELD_TYPE_TEXT:
    case CCP_FIELD_TYPE_CODE:
    case CCP_FIELD_TYPE_DATE:
    case CCP_FIELD_TYPE_AMOUNT:
    case CCP_FIELD_TYPE_CURRENCY:
    default:
      check_value (c, field, field->get_string (activity));
      break;
    }
}

/* Semantic rules, each hooked to the row after whose checks it runs */

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
check_id_unique (Checker         *c,
                 ActivityContext *ctx,
                 CcpActivity     *activity)
{
  const char *id = ccp_activity_get_id (activity);
  guint count;

  if (_ccp_is_blank (id))
    return;

  count = count_activities_with_id (ctx, id);
  if (count > 1)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-id-duplicate", _ccp_checker_path (c, "id"),
               g_dngettext (GETTEXT_PACKAGE,
                            "Activity identifier “%s” is used by %u activity; "
                            "each activity needs its own",
                            "Activity identifier “%s” is used by %u activities; "
                            "each activity needs its own",
                            count),
               id, count);
}

static void
check_title_length (Checker         *c,
                    ActivityContext *ctx,
                    CcpActivity     *activity)
{
  const char *title = ccp_activity_get_title (activity);
  glong length;

  if (_ccp_is_blank (title))
    return;

  length = g_utf8_strlen (title, -1);
  if (length > TITLE_CHAR_LIMIT)
    ADD_ISSUE (c, CCP_SEVERITY_WARNING, "title-too-long", _ccp_checker_path (c, "title"),
               g_dngettext (GETTEXT_PACKAGE,
                            "Title has %ld character; the limit is %d",
                            "Title has %ld characters; the limit is %d",
                            length),
               length, TITLE_CHAR_LIMIT);
}

static void
check_word_limit (Checker         *c,
                  ActivityContext *ctx,
                  CcpActivity     *activity)
{
  const char *description = ccp_activity_get_description (activity);
  guint words = 0;

  if (!_ccp_is_blank (description) && _ccp_over_word_limit (description, &words))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "description-too-long",
               _ccp_checker_path (c, "description"),
               g_dngettext (GETTEXT_PACKAGE,
                            "Description has %u word; the limit is %u",
                            "Description has %u words; the limit is %u",
                            words),
               words, (guint) CCP_DESCRIPTION_WORD_LIMIT);
}

/* End not before start, and the activity against the period of its plan. */
static void
check_dates (Checker         *c,
             ActivityContext *ctx,
             CcpActivity     *activity)
{
  const char *start_text = ccp_activity_get_start_date (activity);
  const char *end_text = ccp_activity_get_end_date (activity);
  GDate start, end;
  /* The period's days are formatted only for a message: most activities have none. */
  char first_text[16], last_text[16];

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);

  if (!ccp_date_parse (start_text, &start) || !ccp_date_parse (end_text, &end))
    return;

  if (g_date_compare (&end, &start) < 0)
    {
      ADD_ISSUE (c, CCP_SEVERITY_ERROR, "end-before-start", _ccp_checker_path (c, "end-date"),
                 _("End date %s is before start date %s"), end_text, start_text);
      return;
    }

  if (!ctx->has_period)
    return;

  if (g_date_compare (&start, &ctx->first) >= 0 && g_date_compare (&end, &ctx->last) <= 0)
    return;
  _ccp_format_date (&ctx->first, first_text);
  _ccp_format_date (&ctx->last, last_text);

  if (g_date_compare (&end, &ctx->first) < 0 || g_date_compare (&start, &ctx->last) > 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-outside-period",
               _ccp_checker_path (c, g_date_compare (&end, &ctx->first) < 0 ? "end-date"
                                                                            : "start-date"),
               /* Translators: dates, then the period (e.g. 2027-H1) and its first and last day */
               _("Activity runs %s to %s, outside the period %s (%s to %s)"),
               start_text, end_text, ctx->period, first_text, last_text);
  else if (g_date_compare (&start, &ctx->first) < 0 || g_date_compare (&end, &ctx->last) > 0)
    ADD_ISSUE (c, CCP_SEVERITY_WARNING, "activity-partly-outside-period",
               _ccp_checker_path (c, g_date_compare (&start, &ctx->first) < 0 ? "start-date"
                                                                              : "end-date"),
               /* Translators: dates, then the period (e.g. 2027-H1) and its first and last day */
               _("Activity runs %s to %s, partly outside the period %s (%s to %s)"),
               start_text, end_text, ctx->period, first_text, last_text);
}

static void
check_place (Checker         *c,
             ActivityContext *ctx,
             CcpActivity     *activity)
{
  if (!ccp_activity_get_online (activity) && _ccp_is_blank (ccp_activity_get_place (activity)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "place-missing", _ccp_checker_path (c, "place"),
               _("The place is missing: give a city or venue, or mark the activity as online"));
}

static void
check_sdgs_answered (Checker         *c,
                     ActivityContext *ctx,
                     CcpActivity     *activity)
{
  if (strv_is_empty (ccp_activity_get_sdgs (activity)) && !ccp_activity_get_sdgs_none (activity))
    ADD_ISSUE (c, CCP_SEVERITY_INFO, "sdgs-unanswered", _ccp_checker_path (c, "sdgs"),
               _("No Sustainable Development Goal is selected: choose the goals the activity "
                 "serves (SDG 11 is sustainable cities and communities), "
                 "or answer “no relevant information”"));
}

/* Amounts are never summed across currencies: an amount needs one. */
static void
check_amount_has_currency (Checker         *c,
                           ActivityContext *ctx,
                           CcpActivity     *activity)
{
  const char *amount = ccp_activity_get_budget_amount (activity);

  if (!_ccp_is_blank (amount) && _ccp_is_blank (ccp_activity_get_budget_currency (activity)))
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-currency-missing",
               _ccp_checker_path (c, "budget-currency"),
               _("Budget amount %s has no currency: give an ISO 4217 code such as EUR"),
               amount);
}

static void
check_currency_has_amount (Checker         *c,
                           ActivityContext *ctx,
                           CcpActivity     *activity)
{
  const char *currency = ccp_activity_get_budget_currency (activity);

  if (!_ccp_is_blank (currency) && _ccp_is_blank (ccp_activity_get_budget_amount (activity)))
    ADD_ISSUE (c, CCP_SEVERITY_WARNING, "budget-amount-missing",
               _ccp_checker_path (c, "budget-amount"),
               _("The budget has a currency (%s) but no amount"), currency);
}

typedef void (*SemanticCheck) (Checker         *c,
                               ActivityContext *ctx,
                               CcpActivity     *activity);

static const struct {
  const char    *field;
  SemanticCheck  check;
} semantic_checks[] = {
  { "id", check_id_unique },
  { "title", check_title_length },
  { "description", check_word_limit },
  { "end-date", check_dates },
  { "place", check_place },
  { "sdgs", check_sdgs_answered },
  { "budget-amount", check_amount_has_currency },
  { "budget-currency", check_currency_has_amount },
};

/* The cities of a field plan's activity, copied by the merge from the plans it read; a draft
 * with errors is merged too, so its values are checked again here (the schema requires them). */
static void
check_activity_attributions (Checker     *c,
                             CcpActivity *activity)
{
  GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));
  const char *id = ccp_activity_get_id (activity);
  guint n = g_list_model_get_n_items (attributions);

  if (n == 0)
    ADD_ISSUE (c, CCP_SEVERITY_ERROR, "activity-unattributed",
               _ccp_checker_path (c, "attributions"),
               _("Activity “%s” is not attributed to any city"), id);

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
      const char *city = ccp_attribution_get_city (attribution);
      const char *country = ccp_attribution_get_country (attribution);
      const char *refs[] = {
        "plan", ccp_attribution_get_plan_id (attribution),
        "activity", ccp_attribution_get_activity_id (attribution),
      };

      if (_ccp_is_blank (city))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "attribution-city-missing",
                   _ccp_checker_path (c, "attributions/%u/city", j),
                   /* Translators: an activity identifier, then the number of a city from 1 */
                   _("Activity “%s”: the name of city %u it is attributed to is missing"),
                   id, j + 1);
      else if (_ccp_has_line_break (city))
        _ccp_check_single_line (c, _ccp_checker_path (c, "attributions/%u/city", j), city);

      if (!_ccp_is_known_country (c->self, country))
        ADD_ISSUE (c, CCP_SEVERITY_ERROR, "attribution-country-unknown",
                   _ccp_checker_path (c, "attributions/%u/country", j),
                   /* Translators: an activity identifier, a city, then a country code */
                   _("Activity “%s” is attributed to “%s” with country code “%s”: expected an "
                     "ISO 3166-1 alpha-2 code such as FR"), id, city, country);

      for (gsize k = 0; k < G_N_ELEMENTS (refs); k += 2)
        {
          if (!_ccp_is_identifier (refs[k + 1]))
            ADD_ISSUE (c, CCP_SEVERITY_ERROR, "attribution-ref-invalid",
                       _ccp_checker_path (c, "attributions/%u/%s", j, refs[k]),
                       /* Translators: an activity identifier, a city, then an identifier */
                       _("Activity “%s” is attributed to “%s” with identifier “%s”, which is "
                         "not valid: fix that city's plan and merge it again"),
                       id, city, refs[k + 1]);
        }
    }
}

/* The semantic check of each row of the field table, or NULL; looked up once. */
static const SemanticCheck *
semantic_checks_by_row (void)
{
  static gsize by_row = 0;

  if (g_once_init_enter (&by_row))
    {
      guint n_fields;
      const CcpActivityField *fields = ccp_activity_fields (&n_fields);
      SemanticCheck *checks = g_new0 (SemanticCheck, n_fields);

      for (gsize k = 0; k < G_N_ELEMENTS (semantic_checks); k++)
        {
          const CcpActivityField *field = ccp_activity_field_find (semantic_checks[k].field);

          g_assert (field != NULL);
          checks[field - fields] = semantic_checks[k].check;
        }
      g_once_init_leave (&by_row, (gsize) checks);
    }
  return (const SemanticCheck *) by_row;
}

/* Entry points */

void
_ccp_activity_context_init (ActivityContext *ctx,
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

/* Every rule of one activity, row by row of the field table, then the "none" answers; the
 * issues' paths start with "activities/<index>/". */
void
_ccp_check_one_activity (Checker         *c,
                         ActivityContext *ctx,
                         guint            index,
                         CcpActivity     *activity,
                         gboolean         in_field_plan)
{
  const SemanticCheck *checks = semantic_checks_by_row ();
  const CcpActivityField *fields;
  guint n_fields;

  _ccp_checker_set_prefix (c, "activities", index);

  fields = ccp_activity_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      check_row (c, &fields[i], activity);
      if (checks[i] != NULL)
        checks[i] (c, ctx, activity);
    }
  _ccp_check_none_with_values (c, activity, FALSE);
  if (in_field_plan)
    {
      check_activity_attributions (c, activity);
      _ccp_check_other_contributions (c, ctx, index, activity);
    }

  _ccp_checker_set_prefix (c, NULL, 0);
}

void
_ccp_check_per_city_rows (Checker         *c,
                          ActivityContext *ctx,
                          CcpActivity     *copy)
{
  const SemanticCheck *checks = semantic_checks_by_row ();
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].share != CCP_FIELD_SHARE_PER_CITY)
        continue;
      check_row (c, &fields[i], copy);
      if (checks[i] != NULL)
        checks[i] (c, ctx, copy);
    }
  _ccp_check_none_with_values (c, copy, TRUE);
}

/* The total per currency stays within CCP_TOTAL_MAX_CENTS, so that every sum the statistics
 * make is exact. Amounts that are not valid are reported on their own and left out here. */
void
_ccp_check_budget_totals (Checker    *c,
                          GListModel *activities)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n = g_list_model_get_n_items (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      const char *currency = ccp_activity_get_budget_currency (activity);
      gint64 cents = 0;
      gint64 *total;

      if (!ccp_amount_parse (ccp_activity_get_budget_amount (activity), &cents))
        continue;
      total = g_hash_table_lookup (totals, currency);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, (gpointer) currency, total);
        }
      if (*total >= 0 && !ccp_amount_add (total, cents))
        {
          *total = -1;  /* reported once per currency */
          ADD_ISSUE (c, CCP_SEVERITY_ERROR, "budget-total-too-large",
                     _ccp_checker_path (c, "activities"),
                     /* Translators: %s are a currency code and the largest total there can be */
                     _("The budgets in %s add up to more than %s, the most one plan can hold"),
                     currency, CCP_TOTAL_MAX_TEXT);
        }
    }
}

void
_ccp_check_all_activities (Checker    *c,
                           GListModel *activities,
                           const char *period,
                           gboolean    in_field_plan)
{
  ActivityContext ctx;
  guint n = g_list_model_get_n_items (activities);

  _ccp_activity_context_init (&ctx, period, activities);
  ctx.id_counts = count_identifiers (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      _ccp_check_one_activity (c, &ctx, i, activity, in_field_plan);
    }

  g_hash_table_unref (ctx.id_counts);
}
