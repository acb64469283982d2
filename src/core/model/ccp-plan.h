/* ccp-plan.h: a member city's six-month plan. */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

#define CCP_TYPE_PLAN (ccp_plan_get_type ())
G_DECLARE_FINAL_TYPE (CcpPlan, ccp_plan, CCP, PLAN, GObject)

/*
 * Properties (all notify; strings default to "", never NULL):
 *   "id"                    string   stable plan identifier (a UUID for new plans)
 *   "revision"              uint     1 for a new plan; the editor adds one on each save
 *   "modified"              string   last-modified time, ISO 8601 UTC, e.g. 2026-11-20T09:30:00Z
 *   "status"                CcpPlanStatus
 *   "city"                  string   city name
 *   "country"               string   ISO 3166-1 alpha-2
 *   "field"                 string   code of vocabulary "field"
 *   "period"                string   YYYY-H1 or YYYY-H2
 *   "mission-statement"     string   code of vocabulary "mission-statement"
 *   "focal-point-name", "focal-point-email", "focal-point-phone"               strings
 *   "representative-none"   boolean  explicit "no political representative named"
 *   "representative-name", "representative-title", "representative-email"  strings
 *
 * Format 1.1, the cycle (issue 18):
 *   "sent"                  string   when the Focal Point sent it to the coordinator, ISO 8601
 *                                    UTC; "" = never
 *   "sent-revision"         uint     which revision was sent; 0 = never
 *
 * The activities are a CcpItemList of CcpActivity owned by the plan. The review comments the
 * plan answers (read from a review file, ccp_review_apply_to_plan(), marked addressed by the
 * Focal Point, carried to the coordinator in the next revision) are a CcpItemList of
 * CcpReviewComment, ccp_plan_get_comments().
 *
 * Signals:
 *   "changed"            any property or activity changed (for "unsaved changes" and autosave)
 *   "activity-changed"   (CcpActivity *activity): that activity changed (re-validate it alone)
 */

CcpPlan       *ccp_plan_new                      (void);
/* A new draft: fresh UUID, revision 1, current Mission Statement, modified now. */
CcpPlan       *ccp_plan_new_draft                (void);
CcpPlan       *ccp_plan_copy                     (CcpPlan *self);
gboolean       ccp_plan_equal                    (CcpPlan *a, CcpPlan *b);

const char    *ccp_plan_get_id                   (CcpPlan *self);
void           ccp_plan_set_id                   (CcpPlan *self, const char *id);
guint          ccp_plan_get_revision             (CcpPlan *self);
void           ccp_plan_set_revision             (CcpPlan *self, guint revision);
const char    *ccp_plan_get_modified             (CcpPlan *self);
void           ccp_plan_set_modified             (CcpPlan *self, const char *modified);
CcpPlanStatus  ccp_plan_get_status               (CcpPlan *self);
void           ccp_plan_set_status               (CcpPlan *self, CcpPlanStatus status);
const char    *ccp_plan_get_city                 (CcpPlan *self);
void           ccp_plan_set_city                 (CcpPlan *self, const char *city);
const char    *ccp_plan_get_country              (CcpPlan *self);
void           ccp_plan_set_country              (CcpPlan *self, const char *country);
const char    *ccp_plan_get_field                (CcpPlan *self);
void           ccp_plan_set_field                (CcpPlan *self, const char *field);
const char    *ccp_plan_get_period               (CcpPlan *self);
void           ccp_plan_set_period               (CcpPlan *self, const char *period);
const char    *ccp_plan_get_mission_statement    (CcpPlan *self);
void           ccp_plan_set_mission_statement    (CcpPlan *self, const char *version);
const char    *ccp_plan_get_focal_point_name     (CcpPlan *self);
void           ccp_plan_set_focal_point_name     (CcpPlan *self, const char *name);
const char    *ccp_plan_get_focal_point_email    (CcpPlan *self);
void           ccp_plan_set_focal_point_email    (CcpPlan *self, const char *email);
const char    *ccp_plan_get_focal_point_phone    (CcpPlan *self);
void           ccp_plan_set_focal_point_phone    (CcpPlan *self, const char *phone);
gboolean       ccp_plan_get_representative_none  (CcpPlan *self);
void           ccp_plan_set_representative_none  (CcpPlan *self, gboolean none);
const char    *ccp_plan_get_representative_name  (CcpPlan *self);
void           ccp_plan_set_representative_name  (CcpPlan *self, const char *name);
const char    *ccp_plan_get_representative_title (CcpPlan *self);
void           ccp_plan_set_representative_title (CcpPlan *self, const char *title);
const char    *ccp_plan_get_representative_email (CcpPlan *self);
void           ccp_plan_set_representative_email (CcpPlan *self, const char *email);

const char    *ccp_plan_get_sent                 (CcpPlan *self);
void           ccp_plan_set_sent                 (CcpPlan *self, const char *sent);
guint          ccp_plan_get_sent_revision        (CcpPlan *self);
void           ccp_plan_set_sent_revision        (CcpPlan *self, guint revision);
/* Records that the plan's current revision is sent now (when: ISO 8601 UTC; NULL = now,
 * SOURCE_DATE_EPOCH when set). */
void           ccp_plan_mark_sent                (CcpPlan *self, const char *when);
CcpItemList   *ccp_plan_get_comments             (CcpPlan *self);

CcpItemList   *ccp_plan_get_activities           (CcpPlan *self);
/* The first activity with that identifier, or NULL. */
CcpActivity   *ccp_plan_find_activity            (CcpPlan *self, const char *id);
/* An identifier not yet used in the plan ("a1", "a2", ...). Free with g_free(). */
char          *ccp_plan_next_activity_id         (CcpPlan *self);

/* Period helpers (also used by field plans): "2027-H1" -> 2027-01-01 .. 2027-06-30.
 * Return FALSE when the text is not a calendar half. */
gboolean       ccp_period_parse                  (const char *period,
                                                  guint      *year,
                                                  guint      *half);
gboolean       ccp_period_get_range              (const char *period,
                                                  GDate      *first,
                                                  GDate      *last);
/* "2027-H1" -> "2027-H2", "2027-H2" -> "2028-H1"; NULL when invalid. */
char          *ccp_period_next                   (const char *period);
/* Strict ISO 8601 calendar date YYYY-MM-DD (real day of a real month). */
gboolean       ccp_date_parse                    (const char *text, GDate *date);
/* Now as ISO 8601 UTC ("2027-01-15T10:00:00Z"): $SOURCE_DATE_EPOCH when set, else the clock.
 * Free with g_free(). */
char          *ccp_time_now                      (void);

G_END_DECLS
