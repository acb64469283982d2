/* ccp-review-file.h: the review file, a small document of our namespace that a coordinator
 * sends back to a Focal Point (issue 18; data/schema/README.md, "The review file"):
 *
 *   <review xmlns="urn:creativecities:plans:1" version="1.1" state="returned"
 *           author="…" time="2027-01-10T09:00:00Z">
 *     <plan id="…" revision="2" city="…" country="IT" field="gastronomy" period="2027-H1"/>
 *     <comments>
 *       <comment id="c1" activity="a2" field="title" author="…" time="…">text</comment>
 *     </comments>
 *   </review>
 *
 * Read from untrusted bytes through the XML guard (ccp-xml-guard.h: no DOCTYPE, no entity, no
 * XInclude, size limit); written canonically (fixed order, two-space indent, LF) and saved
 * atomically (ccp_file_save()).
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* The review in bytes, or NULL with a CCP_ERROR naming the file (display_name) and, where
 * it applies, the line: CCP_ERROR_NOT_A_PLAN for another root (a plan given as a review),
 * CCP_ERROR_NEWER_VERSION, CCP_ERROR_MALFORMED for a review the model cannot hold (missing
 * plan, unknown state...), the guard's errors for hostile input. out_issues (CcpIssue,
 * optional) receives what was read but is doubtful (unknown elements, attributes). */
CcpReview *ccp_review_read_bytes (GBytes        *bytes,
                                  const char    *display_name,
                                  GPtrArray    **out_issues,
                                  GError       **error);
/* ccp_file_load() with CCP_FILE_MAX_SIZE, then ccp_review_read_bytes(). */
CcpReview *ccp_review_read_file  (GFile         *file,
                                  GPtrArray    **out_issues,
                                  GCancellable  *cancellable,
                                  GError       **error);
GBytes    *ccp_review_write      (CcpReview     *review);
gboolean   ccp_review_save       (CcpReview     *review,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
