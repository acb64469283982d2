/* ccp-activity.h: one activity of a city plan (or, with attributions, of a field plan).
 *
 * Every value a person types is kept as the string they typed, so that a draft with mistakes
 * round-trips without loss; the validator says what is wrong with it. Codes (kind, scope, state,
 * objectives, areas of action, SDGs, sectors, fields) come from the vocabularies.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-item-list.h"
#include "ccp-types.h"

G_BEGIN_DECLS

#define CCP_TYPE_ACTIVITY (ccp_activity_get_type ())
G_DECLARE_FINAL_TYPE (CcpActivity, ccp_activity, CCP, ACTIVITY, GObject)

/*
 * Properties (all notify; strings default to "", never NULL; string vectors default to empty):
 *   "id"                 string   stable identifier, unique in the plan
 *   "title"              string
 *   "description"        string   at most CCP_DESCRIPTION_WORD_LIMIT words
 *   "kind"               string   code of vocabulary "kind"
 *   "scope"              string   code of vocabulary "scope" (local, international)
 *   "state"              string   code of vocabulary "state"
 *   "flagship"           boolean
 *   "joint-ref"          string   shared by the copies of a joint activity in partner cities' plans
 *   "start-date"         string   ISO 8601 date YYYY-MM-DD
 *   "end-date"           string
 *   "place"              string   city or venue (may be empty when online)
 *   "online"             boolean
 *   "objectives"         GStrv    codes of vocabulary "objective", sorted, unique
 *   "areas"              GStrv    codes of vocabulary "area"
 *   "sdgs"               GStrv    codes of vocabulary "sdg" ("1".."17")
 *   "sdgs-none"          boolean  explicit "no relevant information"
 *   "partner-cities-none", "partner-organisations-none", "budget-none", "funding-none",
 *   "results-none"       boolean  likewise
 *   "budget-amount"      string   decimal, "." separator, e.g. "12000.00"
 *   "budget-currency"    string   ISO 4217
 *   "funding"            GStrv    funding sources, free text
 *   "carried-from-plan", "carried-from-activity"
 *                        string   the plan and activity of the previous period this one was
 *                                 carried from ("" when none): the carried-over link
 *
 * Lists (owned by the activity, never replaced; edit them in place):
 *   partner cities        CcpItemList of CcpPartner (kind city)
 *   partner organisations CcpItemList of CcpPartner (kind organisation)
 *   results               CcpItemList of CcpResult
 *   attributions          CcpItemList of CcpAttribution (field plans only; empty in city plans)
 *
 * Signal "changed": emitted once after any property of the activity, or any item or property
 * inside its lists, has changed. Editors and CcpPlan use it to re-validate this activity only.
 */

CcpActivity *ccp_activity_new                       (const char *id);
/* A deep copy: lists and their items are copied too. */
CcpActivity *ccp_activity_copy                      (CcpActivity *self);
/* Deep equality of every property and list. */
gboolean     ccp_activity_equal                     (CcpActivity *a,
                                                     CcpActivity *b);

const char  *ccp_activity_get_id                    (CcpActivity *self);
void         ccp_activity_set_id                    (CcpActivity *self, const char *id);
const char  *ccp_activity_get_title                 (CcpActivity *self);
void         ccp_activity_set_title                 (CcpActivity *self, const char *title);
const char  *ccp_activity_get_description           (CcpActivity *self);
void         ccp_activity_set_description           (CcpActivity *self, const char *description);
const char  *ccp_activity_get_kind                  (CcpActivity *self);
void         ccp_activity_set_kind                  (CcpActivity *self, const char *kind);
const char  *ccp_activity_get_scope                 (CcpActivity *self);
void         ccp_activity_set_scope                 (CcpActivity *self, const char *scope);
const char  *ccp_activity_get_state                 (CcpActivity *self);
void         ccp_activity_set_state                 (CcpActivity *self, const char *state);
gboolean     ccp_activity_get_flagship              (CcpActivity *self);
void         ccp_activity_set_flagship              (CcpActivity *self, gboolean flagship);
const char  *ccp_activity_get_joint_ref             (CcpActivity *self);
void         ccp_activity_set_joint_ref             (CcpActivity *self, const char *joint_ref);
const char  *ccp_activity_get_start_date            (CcpActivity *self);
void         ccp_activity_set_start_date            (CcpActivity *self, const char *date);
const char  *ccp_activity_get_end_date              (CcpActivity *self);
void         ccp_activity_set_end_date              (CcpActivity *self, const char *date);
const char  *ccp_activity_get_place                 (CcpActivity *self);
void         ccp_activity_set_place                 (CcpActivity *self, const char *place);
gboolean     ccp_activity_get_online                (CcpActivity *self);
void         ccp_activity_set_online                (CcpActivity *self, gboolean online);

/* Code lists: setters sort (numerically when every code is a number) and drop duplicates. */
const char * const *ccp_activity_get_objectives     (CcpActivity *self);
void         ccp_activity_set_objectives            (CcpActivity *self, const char * const *codes);
const char * const *ccp_activity_get_areas          (CcpActivity *self);
void         ccp_activity_set_areas                 (CcpActivity *self, const char * const *codes);
const char * const *ccp_activity_get_sdgs           (CcpActivity *self);
void         ccp_activity_set_sdgs                  (CcpActivity *self, const char * const *codes);
gboolean     ccp_activity_has_code                  (const char * const *codes, const char *code);
/* Adds or removes one code of "objectives", "areas" or "sdgs" (the property name). */
void         ccp_activity_toggle_code               (CcpActivity *self,
                                                     const char  *property,
                                                     const char  *code,
                                                     gboolean     present);

gboolean     ccp_activity_get_sdgs_none             (CcpActivity *self);
void         ccp_activity_set_sdgs_none             (CcpActivity *self, gboolean none);
gboolean     ccp_activity_get_partner_cities_none   (CcpActivity *self);
void         ccp_activity_set_partner_cities_none   (CcpActivity *self, gboolean none);
gboolean     ccp_activity_get_partner_organisations_none (CcpActivity *self);
void         ccp_activity_set_partner_organisations_none (CcpActivity *self, gboolean none);
gboolean     ccp_activity_get_budget_none           (CcpActivity *self);
void         ccp_activity_set_budget_none           (CcpActivity *self, gboolean none);
gboolean     ccp_activity_get_funding_none          (CcpActivity *self);
void         ccp_activity_set_funding_none          (CcpActivity *self, gboolean none);
gboolean     ccp_activity_get_results_none          (CcpActivity *self);
void         ccp_activity_set_results_none          (CcpActivity *self, gboolean none);

const char  *ccp_activity_get_budget_amount         (CcpActivity *self);
void         ccp_activity_set_budget_amount         (CcpActivity *self, const char *amount);
const char  *ccp_activity_get_budget_currency       (CcpActivity *self);
void         ccp_activity_set_budget_currency       (CcpActivity *self, const char *currency);
const char * const *ccp_activity_get_funding        (CcpActivity *self);
void         ccp_activity_set_funding               (CcpActivity *self, const char * const *sources);

/* The carried-over link (format 1.1, <carried-from plan= activity=>). */
const char  *ccp_activity_get_carried_from_plan     (CcpActivity *self);
void         ccp_activity_set_carried_from_plan     (CcpActivity *self, const char *plan_id);
const char  *ccp_activity_get_carried_from_activity (CcpActivity *self);
void         ccp_activity_set_carried_from_activity (CcpActivity *self, const char *activity_id);

CcpItemList *ccp_activity_get_partner_cities        (CcpActivity *self);
CcpItemList *ccp_activity_get_partner_organisations (CcpActivity *self);
CcpItemList *ccp_activity_get_results               (CcpActivity *self);
CcpItemList *ccp_activity_get_attributions          (CcpActivity *self);
/* The number of items of one of the four lists above (get_list is its getter) without making
 * the list, which the getters do when it was never asked for. */
guint        ccp_activity_peek_n_items              (CcpActivity *self,
                                                     CcpItemList *(*get_list) (CcpActivity *self));

/* Number of words of the description, as counted against the limit: runs of non-space, and each
 * Han, Hiragana or Katakana character as one word (Chinese and Japanese use no spaces). */
guint        ccp_activity_count_words               (const char *text);

G_END_DECLS
