/* ccp-diff.h: what changed between two plans: two revisions of a city plan, or of a field plan.
 *
 * API note (for the GUI and the CLI; later changes only add to it):
 *   g_autoptr(CcpDiff) diff = ccp_diff_new (old_document, new_document);   (both CcpPlan or
 *   both CcpFieldPlan; a file of format 1.0 is upgraded by the reader, so it compares as 1.1)
 *   for (guint i = 0; i < ccp_diff_get_n_changes (diff); i++)
 *     { const CcpChange *change = ccp_diff_get_change (diff, i); ... change->path ... }
 *   ccp_diff_is_empty (diff): the plans are the same.
 *   ccp_diff_apply (diff, copy_of_old, &error) turns a copy of OLD into NEW (the tests use it).
 *
 * Activities are matched by identifier, then (among those left) by joint reference, then by
 * the carried-over link (a NEW activity's carried-from naming an OLD activity), then, in field
 * plans, by the first city's plan and activity. Matched activities are compared field by field
 * through the field table (ccp-activity-field.h); in a field plan the shared fields on the
 * activity and the per-city fields in each city's contribution (cities matched by name and
 * country).
 *
 * Each change has the shape of ODK Central's submission diffs: a path, an old value and a new
 * value. Paths are the validator's (ccp-issue.h): a plan property ("city", "focal-point-email",
 * "coordinator/email"), "activities/N" (an activity added, removed or moved),
 * "activities/N/FIELD" (a row of the field table), "activities/N/attributions/J" (a city added
 * to or removed from a joint activity) and "activities/N/attributions/J/FIELD" (a city's own
 * value; FIELD is "plan" or "activity" for the attribution's references). N and J index NEW's
 * lists, except for what was removed: an activity removed is OLD's N, a city removed NEW's
 * activity N and OLD's city J.
 *
 * Order: the plan's header in property order, then NEW's activities in order (for each: moved,
 * its fields in table order, then its cities), with added activities in place, then the
 * removed activities in OLD's order.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"
#include "ccp-activity-field.h"

G_BEGIN_DECLS

typedef enum {
  CCP_CHANGE_PLAN,              /* a value of the plan's header: property */
  CCP_CHANGE_ACTIVITY_ADDED,    /* new_value: its identifier */
  CCP_CHANGE_ACTIVITY_REMOVED,  /* old_value: its identifier */
  CCP_CHANGE_ACTIVITY_MOVED,    /* old_value, new_value: its index in OLD and NEW ("2", "0") */
  CCP_CHANGE_FIELD,             /* a row of the field table: field */
  CCP_CHANGE_CITY_ADDED,        /* a city joined the activity: city, country; new_value city */
  CCP_CHANGE_CITY_REMOVED,      /* a city left it: old_value city */
  CCP_CHANGE_CITY_FIELD,        /* a city's per-city value (field), or its "plan" or "activity"
                                 * reference (field NULL, property set) */
} CcpChangeKind;

/* How a NEW activity was matched to an OLD one. */
typedef enum {
  CCP_DIFF_MATCH_NONE,          /* added (or removed) */
  CCP_DIFF_MATCH_ID,
  CCP_DIFF_MATCH_JOINT_REF,
  CCP_DIFF_MATCH_CARRIED_FROM,
  CCP_DIFF_MATCH_ORIGIN,        /* field plans: the same city plan and activity */
} CcpDiffMatch;

typedef struct _CcpChange CcpChange;

struct _CcpChange {
  CcpChangeKind           kind;
  char                   *path;
  const CcpActivityField *field;       /* FIELD and CITY_FIELD; NULL otherwise */
  const char             *property;    /* PLAN: the property ("city", "coordinator/email");
                                        * CITY_FIELD: "plan"/"activity" or field->name;
                                        * FIELD: field->name; NULL otherwise */
  char                   *activity_id; /* NEW's identifier (OLD's when removed); NULL for PLAN */
  char                   *title;       /* the activity's title (NEW's, OLD's when removed) */
  int                     old_index;   /* the activity in OLD, -1 when added or PLAN */
  int                     new_index;   /* in NEW, -1 when removed or PLAN */
  char                   *city;        /* CITY_*: the city; NULL otherwise */
  char                   *country;
  int                     old_city;    /* CITY_*: its index in OLD's / NEW's attributions, or -1 */
  int                     new_city;
  /* Single values in ccp_activity_field_to_string()'s form (plan values as the file has them:
   * a number, "draft" or "final"); NULL where there is no value (old of what was added). */
  char                   *old_value;
  char                   *new_value;
  /* Lists and TEXTS fields: their rows (ccp_activity_field_get_rows(): GStrv per item, one
   * column per item field); old_value and new_value are then NULL. NULL for other changes. */
  GPtrArray              *old_rows;
  GPtrArray              *new_rows;
};

#define CCP_TYPE_DIFF (ccp_diff_get_type ())
G_DECLARE_FINAL_TYPE (CcpDiff, ccp_diff, CCP, DIFF, GObject)

/* old_document and new_document: both CcpPlan or both CcpFieldPlan (else NULL with a
 * critical). Neither is kept: the diff holds copies of what it reports. */
CcpDiff         *ccp_diff_new             (GObject *old_document,
                                           GObject *new_document);

gboolean         ccp_diff_is_empty        (CcpDiff *self);
guint            ccp_diff_get_n_changes   (CcpDiff *self);
/* Owned by the diff. */
const CcpChange *ccp_diff_get_change      (CcpDiff *self,
                                           guint    index);
/* Counts of activities added, removed, and matched with at least one change. */
guint            ccp_diff_get_n_added     (CcpDiff *self);
guint            ccp_diff_get_n_removed   (CcpDiff *self);
guint            ccp_diff_get_n_modified  (CcpDiff *self);

/* The OLD activity matched to NEW's activity new_index (-1 when it was added), and how. */
int              ccp_diff_get_match       (CcpDiff      *self,
                                           guint         new_index,
                                           CcpDiffMatch *how);

/* Applies the changes to document, a copy of OLD (the same kind), so that it equals NEW
 * (ccp_plan_equal / ccp_field_plan_equal) but for what the diff does not cover (a field
 * plan's sources, report, deputies, roster and choices). The diff keeps what it needs of NEW
 * for that: the activities and cities added, the order, and the per-city values an activity
 * with cities holds itself (not in the file, so not a change). FALSE with an error when
 * document does not have OLD's activities (it is then partly changed). */
gboolean         ccp_diff_apply           (CcpDiff  *self,
                                           GObject  *document,
                                           GError  **error);

/* "field", "activity-added", ... (untranslated, for JSON). */
const char      *ccp_change_kind_to_code  (CcpChangeKind kind);
/* "id", "joint-ref", "carried-from", "origin", NULL for NONE (untranslated, for JSON). */
const char      *ccp_diff_match_to_code   (CcpDiffMatch  how);
/* One translated sentence for people: "Activity a2 “Concert”: the title changed from “A”
 * to “B”." Free with g_free(). */
char            *ccp_change_describe      (const CcpChange *change);
/* A list field's rows as one line: "Bologna (IT, music); Liverpool (GB, music)". */
char            *ccp_change_rows_to_text  (const CcpActivityField *field,
                                           GPtrArray              *rows);

G_END_DECLS
