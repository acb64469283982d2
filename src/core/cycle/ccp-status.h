/* ccp-status.h: the completeness table of a field plan (issue 18), as DHIS2 counts it.
 *
 * API note. One row per member city of the field plan's roster (in roster order), then one
 * per city with an accepted source that is not in the roster ("in-roster" FALSE; not counted
 * as expected). A city has "received" when it has a source that was read (accepted or
 * superseded by the merge). Its row shows the latest revision received (the accepted source),
 * when it arrived, whether it was on time, its review state, open comments and the Focal
 * Point's contact (from that source).
 *   on time: the city's FIRST source received (earliest "received" time of its readable
 *            sources) is on or before the deadline day (UTC): a city that met the deadline
 *            stays on time when a corrected revision comes after a return.
 *   reporting rate  = received / expected   (expected = roster members; 0 when none)
 *   timeliness rate = on time / expected
 * Sources without a received time (field plans made before the cycle) count as received, not
 * on time.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-review.h"
#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_TIMELINESS_MISSING,   /* nothing received */
  CCP_TIMELINESS_ON_TIME,
  CCP_TIMELINESS_LATE,
  CCP_TIMELINESS_UNKNOWN,   /* received, but when is not recorded, or no deadline */
} CcpTimeliness;

/* "missing", "on-time", "late", "unknown": for machine output. */
const char *ccp_timeliness_to_code  (CcpTimeliness timeliness);
/* Translated, for display. */
const char *ccp_timeliness_to_label (CcpTimeliness timeliness);

#define CCP_TYPE_STATUS_ROW (ccp_status_row_get_type ())
G_DECLARE_FINAL_TYPE (CcpStatusRow, ccp_status_row, CCP, STATUS_ROW, GObject)

/* Read-only; strings are "" when unknown. */
const char     *ccp_status_row_get_city          (CcpStatusRow *self);
const char     *ccp_status_row_get_country       (CcpStatusRow *self);
gboolean        ccp_status_row_get_in_roster     (CcpStatusRow *self);
gboolean        ccp_status_row_get_received      (CcpStatusRow *self);
/* The accepted source, or NULL (transfer none). */
CcpSource      *ccp_status_row_get_source        (CcpStatusRow *self);
guint           ccp_status_row_get_revision      (CcpStatusRow *self);   /* 0: none */
const char     *ccp_status_row_get_received_time (CcpStatusRow *self);   /* latest's */
const char     *ccp_status_row_get_first_received (CcpStatusRow *self);
CcpTimeliness   ccp_status_row_get_timeliness    (CcpStatusRow *self);
CcpReviewState  ccp_status_row_get_review        (CcpStatusRow *self);
guint           ccp_status_row_get_open_comments (CcpStatusRow *self);
guint           ccp_status_row_get_n_comments    (CcpStatusRow *self);
const char     *ccp_status_row_get_contact_name  (CcpStatusRow *self);
const char     *ccp_status_row_get_contact_email (CcpStatusRow *self);
const char     *ccp_status_row_get_plan_id       (CcpStatusRow *self);

typedef struct {
  GPtrArray *rows;        /* CcpStatusRow */
  char      *deadline;    /* the effective deadline, or NULL */
  guint      expected;
  guint      received;    /* of the expected */
  guint      on_time;     /* of the expected */
  guint      late;        /* of the expected */
  double     reporting_rate;   /* 0..1 */
  double     timeliness_rate;  /* 0..1 */
} CcpStatusTable;

/* The table of field_plan now. registry (NULL: the default) matches city spellings. */
CcpStatusTable *ccp_status_table_new   (CcpFieldPlan   *field_plan,
                                        CcpRegistry    *registry);
void            ccp_status_table_free  (CcpStatusTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpStatusTable, ccp_status_table_free)

/* For the XLSX "Completeness" sheet and the GUI's status page: the rows of the table (a new
 * array, transfer full) — the same as ccp_status_table_new()->rows. */
GPtrArray      *ccp_status_rows        (CcpFieldPlan   *field_plan,
                                        CcpRegistry    *registry);

G_END_DECLS
