/* ccp-field-plan.h: a creative field's consolidated six-month plan, made by merging city plans. */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

#define CCP_TYPE_FIELD_PLAN (ccp_field_plan_get_type ())
G_DECLARE_FINAL_TYPE (CcpFieldPlan, ccp_field_plan, CCP, FIELD_PLAN, GObject)

/*
 * Properties (notify; strings default to ""):
 *   "id", "revision" (uint), "modified", "status" (CcpPlanStatus)   as in CcpPlan
 *   "field", "period", "mission-statement"                          as in CcpPlan
 *   "consolidated"  string  when the merge ran, ISO 8601 UTC (SOURCE_DATE_EPOCH when set)
 *   "coordinator"   CcpContact (never NULL; empty name when not given)
 *
 * Lists owned by the field plan:
 *   deputies    CcpItemList of CcpContact
 *   roster      CcpItemList of CcpPartner (kind city): the field's member cities
 *   sources     CcpItemList of CcpSource
 *   activities  CcpItemList of CcpActivity, each with its attributions
 *   report      CcpItemList of CcpReportItem
 *
 * Format 1.1, the cycle (issue 18):
 *   "deadline"      string  submission deadline YYYY-MM-DD set by the coordinator; "" = the
 *                           default, one month before the period starts
 *                           (ccp_field_plan_get_effective_deadline())
 *   Locking: a field plan whose "status" is final is locked (ccp_field_plan_is_locked());
 *   adding plans to it or reviewing its sources fails with CCP_ERROR_FINAL until it is
 *   reopened (ccp_field_plan_reopen(), which records when, by whom and why).
 *
 * Signal "changed": any property or list changed.
 */
CcpFieldPlan  *ccp_field_plan_new                   (void);
CcpFieldPlan  *ccp_field_plan_copy                  (CcpFieldPlan *self);
gboolean       ccp_field_plan_equal                 (CcpFieldPlan *a, CcpFieldPlan *b);

const char    *ccp_field_plan_get_id                (CcpFieldPlan *self);
void           ccp_field_plan_set_id                (CcpFieldPlan *self, const char *id);
guint          ccp_field_plan_get_revision          (CcpFieldPlan *self);
void           ccp_field_plan_set_revision          (CcpFieldPlan *self, guint revision);
const char    *ccp_field_plan_get_modified          (CcpFieldPlan *self);
void           ccp_field_plan_set_modified          (CcpFieldPlan *self, const char *modified);
CcpPlanStatus  ccp_field_plan_get_status            (CcpFieldPlan *self);
void           ccp_field_plan_set_status            (CcpFieldPlan *self, CcpPlanStatus status);
const char    *ccp_field_plan_get_field             (CcpFieldPlan *self);
void           ccp_field_plan_set_field             (CcpFieldPlan *self, const char *field);
const char    *ccp_field_plan_get_period            (CcpFieldPlan *self);
void           ccp_field_plan_set_period            (CcpFieldPlan *self, const char *period);
const char    *ccp_field_plan_get_mission_statement (CcpFieldPlan *self);
void           ccp_field_plan_set_mission_statement (CcpFieldPlan *self, const char *version);
const char    *ccp_field_plan_get_consolidated      (CcpFieldPlan *self);
void           ccp_field_plan_set_consolidated      (CcpFieldPlan *self, const char *when);
CcpContact    *ccp_field_plan_get_coordinator       (CcpFieldPlan *self);

const char    *ccp_field_plan_get_deadline          (CcpFieldPlan *self);
void           ccp_field_plan_set_deadline          (CcpFieldPlan *self, const char *deadline);
/* The deadline set, else one month before the period's first day ("2027-H1" -> 2026-12-01);
 * NULL when neither is a date. Free with g_free(). */
char          *ccp_field_plan_get_effective_deadline (CcpFieldPlan *self);
/* One month before the first day of period, YYYY-MM-DD, or NULL. Free with g_free(). */
char          *ccp_period_default_deadline          (const char   *period);

gboolean       ccp_field_plan_is_locked             (CcpFieldPlan *self);
/* FALSE with CCP_ERROR_FINAL ("… is final; reopen it first") when locked. */
gboolean       ccp_field_plan_check_open            (CcpFieldPlan *self,
                                                     GError      **error);
/* Marks it final (locked). */
void           ccp_field_plan_lock                  (CcpFieldPlan *self);
/* Back to draft, recording the reopening (when: ISO 8601 UTC, NULL = ccp_time_now()).
 * FALSE, nothing changed, when it is not locked. */
gboolean       ccp_field_plan_reopen                (CcpFieldPlan *self,
                                                     const char   *when,
                                                     const char   *by,
                                                     const char   *why);
/* Records a reopening as it is (the reader). */
void           ccp_field_plan_add_reopening         (CcpFieldPlan *self,
                                                     const char   *on,
                                                     const char   *by,
                                                     const char   *why);
guint          ccp_field_plan_get_n_reopenings      (CcpFieldPlan *self);
/* { on, by, why }, NULL-terminated, owned by the plan; in the order they happened. */
const char * const *ccp_field_plan_get_reopening    (CcpFieldPlan *self,
                                                     guint         index);
/* The source of that plan identifier and revision (revision 0: the accepted one, else the
 * newest), or NULL. Transfer none. */
CcpSource     *ccp_field_plan_find_source           (CcpFieldPlan *self,
                                                     const char   *plan_id,
                                                     guint         revision);

CcpItemList   *ccp_field_plan_get_deputies          (CcpFieldPlan *self);
CcpItemList   *ccp_field_plan_get_roster            (CcpFieldPlan *self);
CcpItemList   *ccp_field_plan_get_sources           (CcpFieldPlan *self);
CcpItemList   *ccp_field_plan_get_activities        (CcpFieldPlan *self);
CcpItemList   *ccp_field_plan_get_report            (CcpFieldPlan *self);

/* Coordinators' choices. When the cities of a joint activity disagree on a shared field, the
 * merge keeps the reference copy's value (the first city by name); a coordinator can choose
 * another city's. ccp_field_plan_choose() takes the city's value from the activity's
 * "joint-conflict" report item, sets it on the activity, marks the item and records the
 * choice (who, when: free text, e.g. a name and an ISO 8601 time) by the activity's joint
 * reference, so that it survives re-merging (the merge honours it while that city still
 * runs the activity). FALSE, nothing changed, when the activity is not joint, the field not
 * shared, or no conflict has that city. country may be NULL (any). */
gboolean       ccp_field_plan_choose                (CcpFieldPlan *self,
                                                     const char   *activity_id,
                                                     const char   *field,
                                                     const char   *city,
                                                     const char   *country,
                                                     const char   *who,
                                                     const char   *when);
/* Records a choice as it is (the reader, the merge); replaces one for the same pair. */
void           ccp_field_plan_add_choice            (CcpFieldPlan *self,
                                                     const char   *joint_ref,
                                                     const char   *field,
                                                     const char   *city,
                                                     const char   *country,
                                                     const char   *by,
                                                     const char   *on);
guint          ccp_field_plan_get_n_choices         (CcpFieldPlan *self);
/* { joint-ref, field, city, country, by, on }, NULL-terminated, owned by the plan. */
const char * const *ccp_field_plan_get_choice       (CcpFieldPlan *self,
                                                     guint         index);
/* The choice for a joint reference and field, or NULL. */
const char * const *ccp_field_plan_find_choice      (CcpFieldPlan *self,
                                                     const char   *joint_ref,
                                                     const char   *field);

G_END_DECLS
