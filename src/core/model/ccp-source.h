/* ccp-source.h: one file a coordinator merged (or tried to), as recorded in the field plan. */
#pragma once

#include <gio/gio.h>

#include "ccp-review.h"
#include "ccp-types.h"
#include "ccp-item-list.h"

G_BEGIN_DECLS

typedef enum {
  CCP_SOURCE_STATUS_ACCEPTED,
  CCP_SOURCE_STATUS_SUPERSEDED,
  CCP_SOURCE_STATUS_REFUSED,
} CcpSourceStatus;

GType        ccp_source_status_get_type  (void) G_GNUC_CONST;
#define CCP_TYPE_SOURCE_STATUS (ccp_source_status_get_type ())
const char  *ccp_source_status_to_code   (CcpSourceStatus status);
gboolean     ccp_source_status_from_code (const char *code, CcpSourceStatus *status);

#define CCP_TYPE_SOURCE (ccp_source_get_type ())
G_DECLARE_FINAL_TYPE (CcpSource, ccp_source, CCP, SOURCE, GObject)

/*
 * Properties (notify; strings default to ""):
 *   "file"      string  file name as received (basename)
 *   "sha256"    string  SHA-256 of the bytes read, lowercase hex
 *   "status"    CcpSourceStatus
 *   "reason"    string  code of why it was refused or superseded ("" when accepted)
 *   "city", "country", "field", "period", "plan-id", "modified"   strings from the plan
 *   "revision"  uint    0 when unknown (unreadable file)
 *   "errors", "warnings"  uint  validation counts at merge time
 * Format 1.1, the cycle (issue 18; see ccp-review.h for the two kinds of state):
 *   "received"  string  when it arrived, ISO 8601 UTC: the plan's sent time, else the merge
 *                       time (SOURCE_DATE_EPOCH when set); "" when not recorded
 *   "review"    CcpReviewState  the coordinator's decision (NONE when not recorded)
 *   "contact-name", "contact-email"  strings  the plan's Focal Point, for the status table
 *   "returned"  string  when the coordinator returned this revision, ISO 8601 UTC; kept when
 *                       a newer revision supersedes it, cleared when it is accepted ("" if not)
 * The review comments are a CcpItemList of CcpReviewComment owned by the source.
 */
CcpSource       *ccp_source_new          (void);
CcpSource       *ccp_source_copy         (CcpSource *self);
gboolean         ccp_source_equal        (CcpSource *a, CcpSource *b);

const char      *ccp_source_get_file     (CcpSource *self);
void             ccp_source_set_file     (CcpSource *self, const char *file);
const char      *ccp_source_get_sha256   (CcpSource *self);
void             ccp_source_set_sha256   (CcpSource *self, const char *sha256);
CcpSourceStatus  ccp_source_get_status   (CcpSource *self);
void             ccp_source_set_status   (CcpSource *self, CcpSourceStatus status);
const char      *ccp_source_get_reason   (CcpSource *self);
void             ccp_source_set_reason   (CcpSource *self, const char *reason);
const char      *ccp_source_get_city     (CcpSource *self);
void             ccp_source_set_city     (CcpSource *self, const char *city);
const char      *ccp_source_get_country  (CcpSource *self);
void             ccp_source_set_country  (CcpSource *self, const char *country);
const char      *ccp_source_get_field    (CcpSource *self);
void             ccp_source_set_field    (CcpSource *self, const char *field);
const char      *ccp_source_get_period   (CcpSource *self);
void             ccp_source_set_period   (CcpSource *self, const char *period);
const char      *ccp_source_get_plan_id  (CcpSource *self);
void             ccp_source_set_plan_id  (CcpSource *self, const char *plan_id);
guint            ccp_source_get_revision (CcpSource *self);
void             ccp_source_set_revision (CcpSource *self, guint revision);
const char      *ccp_source_get_modified (CcpSource *self);
void             ccp_source_set_modified (CcpSource *self, const char *modified);
guint            ccp_source_get_errors   (CcpSource *self);
void             ccp_source_set_errors   (CcpSource *self, guint errors);
guint            ccp_source_get_warnings (CcpSource *self);
void             ccp_source_set_warnings (CcpSource *self, guint warnings);

const char      *ccp_source_get_received      (CcpSource *self);
void             ccp_source_set_received      (CcpSource *self, const char *received);
CcpReviewState   ccp_source_get_review        (CcpSource *self);
void             ccp_source_set_review        (CcpSource *self, CcpReviewState review);
const char      *ccp_source_get_contact_name  (CcpSource *self);
void             ccp_source_set_contact_name  (CcpSource *self, const char *name);
const char      *ccp_source_get_contact_email (CcpSource *self);
void             ccp_source_set_contact_email (CcpSource *self, const char *email);
const char      *ccp_source_get_returned      (CcpSource *self);
void             ccp_source_set_returned      (CcpSource *self, const char *returned);
CcpItemList     *ccp_source_get_comments      (CcpSource *self);
/* Comments not marked addressed. */
guint            ccp_source_count_open_comments (CcpSource *self);

/* The merge, when newer (another revision of the same city) wins over self: a recorded
 * review state of self becomes SUPERSEDED, and self's comments that newer does not have (by
 * identifier) are appended to newer's, so that the coordinator sees which were addressed.
 * Comments newer has (from the city plan's answer) keep its "addressed" flag. */
void             ccp_source_supersede        (CcpSource *self, CcpSource *newer);

G_END_DECLS
