/* ccp-validator-private.h: what the files of the validator share.
 *
 * ccp-validator.c holds the object, its entry points and the checker (where issues go);
 * ccp-validator-values.c the value formats (identifier, date and time, email, amount, codes);
 * ccp-validator-activity.c the activity checks, driven by the field table;
 * ccp-validator-plan.c the document header and the city plan's own fields;
 * ccp-validator-field-plan.c the field plan's own fields (coordinator, deputies).
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "ccp-issue.h"
#include "ccp-validator.h"

G_BEGIN_DECLS

struct _CcpValidator
{
  GObject        parent_instance;

  CcpVocabulary *vocabulary;
  CcpIsoCodes   *iso_codes;
  CcpRegistry   *registry;
};

/* Where the issues of one check go, and the prefix of their paths ("" for the plan itself,
 * "activities/3/" for an activity). */
typedef struct
{
  CcpValidator *self;
  GPtrArray    *issues;
  GString      *path;
  gsize         prefix_len;
  /* The code sets of the vocabularies looked up so far, by the field table's name pointers
   * (see _ccp_checker_has_code()). */
  const char   *vocabulary_names[8];
  GHashTable   *vocabulary_codes[8];
  guint         n_vocabularies;
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

/* ccp-validator-answers.c: the "none" answers given with values, in the field table's order
 * (per_city_only: only the per-city answers, those of a contribution). */
void         _ccp_check_none_with_values (Checker     *c,
                                          CcpActivity *activity,
                                          gboolean     per_city_only);

/* ccp-validator.c: the checker */
void         _ccp_checker_init         (Checker      *c,
                                        CcpValidator *self,
                                        GPtrArray    *issues);
void         _ccp_checker_clear        (Checker      *c);
void         _ccp_checker_set_prefix   (Checker      *c,
                                        const char   *collection,
                                        guint         index);
/* The path of a property below the current prefix; valid until the next call. */
const char  *_ccp_checker_path         (Checker      *c,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* ccp-validator-values.c: value formats, as the schema's types say */
gboolean     _ccp_is_blank             (const char   *text);
/* Whether code is one of the vocabulary's (named by a string that outlives the checker, such
 * as the field table's): as ccp_vocabulary_has_term(), the vocabulary found once. */
gboolean     _ccp_checker_has_code     (Checker      *c,
                                        const char   *vocabulary,
                                        const char   *code);
/* Whether text has more than CCP_DESCRIPTION_WORD_LIMIT words (then counted in words). */
gboolean     _ccp_over_word_limit      (const char   *text,
                                        guint        *words);
gboolean     _ccp_has_line_break       (const char   *text);
gboolean     _ccp_is_identifier        (const char   *text);
gboolean     _ccp_is_code              (const char   *text);
gboolean     _ccp_is_upper_code        (const char   *text,
                                        gsize         length);
gboolean     _ccp_is_date_time         (const char   *text);
gboolean     _ccp_is_email             (const char   *text);

typedef enum {
  CCP_AMOUNT_OK,
  CCP_AMOUNT_NEGATIVE,
  CCP_AMOUNT_INVALID,
  CCP_AMOUNT_TOO_LARGE,     /* more than CCP_AMOUNT_MAX_DIGITS digits before the point */
} CcpAmountCheck;

CcpAmountCheck _ccp_check_amount       (const char   *text);
void         _ccp_format_date          (const GDate  *date,
                                        char          buffer[16]);
/* "1, 2, 3, 4, 5, 6": what a code of the vocabulary may be, for messages. */
char        *_ccp_expected_codes       (CcpValidator *self,
                                        const char   *vocabulary);
/* ISO 3166-1 alpha-2, upper case as the schema says. */
gboolean     _ccp_is_known_country     (CcpValidator *self,
                                        const char   *code);
/* ISO 4217, upper case as the schema says. */
gboolean     _ccp_is_known_currency    (CcpValidator *self,
                                        const char   *code);
/* text-multiline when value has a line break. */
void         _ccp_check_single_line    (Checker      *c,
                                        const char   *path,
                                        const char   *value);
/* An optional text, left out of the file when empty: when given, text-multiline or, when only
 * white space (which the schema's text refuses), text-blank. */
void         _ccp_check_optional_line  (Checker      *c,
                                        const char   *path,
                                        const char   *value);
/* email-invalid when a non-blank email is not an address; text-blank when only white space. */
void         _ccp_check_email          (Checker      *c,
                                        const char   *path,
                                        const char   *email);

/* ccp-validator-plan.c: the document header (plans and field plans) and the city plan */
void         _ccp_check_document       (Checker      *c,
                                        const char   *id,
                                        guint         revision,
                                        const char   *modified);
void         _ccp_check_field          (Checker      *c,
                                        const char   *field);
void         _ccp_check_period         (Checker      *c,
                                        const char   *period);
void         _ccp_check_mission_statement (Checker   *c,
                                           const char *version);
void         _ccp_check_plan_fields    (Checker      *c,
                                        CcpPlan      *plan);

/* ccp-validator-field-plan.c */
void         _ccp_check_field_plan_fields (Checker      *c,
                                           CcpFieldPlan *field_plan);

/* ccp-validator-activity.c */
void         _ccp_activity_context_init (ActivityContext *ctx,
                                         const char      *period,
                                         GListModel      *siblings);
void         _ccp_check_one_activity   (Checker         *c,
                                        ActivityContext *ctx,
                                        guint            index,
                                        CcpActivity     *activity,
                                        gboolean         in_field_plan);
/* A city's copy of a joint activity: its per-city rows, as the activity's own are checked. */
void         _ccp_check_per_city_rows  (Checker         *c,
                                        ActivityContext *ctx,
                                        CcpActivity     *copy);

/* ccp-validator-contributions.c: a field plan's joint activity, every contribution after the
 * first (the activity's own values mirror the first). */
void         _ccp_check_other_contributions (Checker         *c,
                                             ActivityContext *ctx,
                                             guint            index,
                                             CcpActivity     *activity);
/* A plan-level rule (with the header's: the editor re-checks it with them): the total per
 * currency of the activities stays within CCP_TOTAL_MAX_CENTS. */
void         _ccp_check_budget_totals  (Checker         *c,
                                        GListModel      *activities);
void         _ccp_check_all_activities (Checker         *c,
                                        GListModel      *activities,
                                        const char      *period,
                                        gboolean         in_field_plan);

G_END_DECLS
