/* ccp-report-summary.h: the merge report of a field plan as sections of sentences, the one
 * summary that `ccplans merge`, the merge report view, printing and the HTML export show.
 *
 * Sections come in the order a page shows them (refused, superseded, flagged, joint,
 * joint-conflict, possible-duplicate, missing), then two that only plain text has:
 * "accepted" (the sources merged) and "skipped" (inputs of this run already merged).
 */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

typedef enum {
  CCP_REPORT_SUMMARY_NONE  = 0,
  /* Member cities without a plan go to their section's names, not its lines: dozens of
   * cities read better as a list of names than as sentences. */
  CCP_REPORT_SUMMARY_NAMES = 1 << 0,
  /* Plain text, as `ccplans merge` prints it: the "accepted" section is filled, and the
   * reader's message stands alone for a file it could not read (a page puts the file first). */
  CCP_REPORT_SUMMARY_TEXT  = 1 << 1,
  /* For pages and windows: plan texts inside the sentences are bidi-isolated
   * (ccp_report_describe_item_isolated()). */
  CCP_REPORT_SUMMARY_ISOLATE = 1 << 2,
} CcpReportSummaryFlags;

typedef struct {
  const char *kind;          /* a report item kind, "accepted" or "skipped" */
  const char *title;         /* translated heading on a page, "Refused Files"; NULL: text only */
  const char *description;   /* translated line under the title, or NULL */
  GPtrArray  *lines;         /* sentences, in report order */
  GPtrArray  *names;         /* "missing" with CCP_REPORT_SUMMARY_NAMES: cities, else empty */
} CcpReportSection;

typedef struct _CcpReportSummary CcpReportSummary;

/* messages: sha256 -> the reader's message for an input of this run it could not read, or
 * NULL. */
CcpReportSummary       *ccp_report_summary_new          (CcpFieldPlan          *field_plan,
                                                         GHashTable            *messages,
                                                         CcpReportSummaryFlags  flags);
void                    ccp_report_summary_free         (CcpReportSummary      *self);

/* An input of this run with the same bytes as file `same_as`, already merged. */
void                    ccp_report_summary_add_skipped  (CcpReportSummary      *self,
                                                         const char            *file,
                                                         const char            *same_as);

guint                   ccp_report_summary_get_n_sections (CcpReportSummary    *self);
const CcpReportSection *ccp_report_summary_get_section  (CcpReportSummary      *self,
                                                         guint                  index);
const CcpReportSection *ccp_report_summary_find         (CcpReportSummary      *self,
                                                         const char            *kind);
/* Lines and names of a section. */
guint                   ccp_report_section_get_count    (const CcpReportSection *section);

/* One sentence per report item, every kind, in report order (owned by the summary; made on
 * the first call, so that a summary for sections only does not describe every item twice). */
GPtrArray              *ccp_report_summary_get_sentences (CcpReportSummary     *self);

/* The report as `ccplans merge` prints it: each non-empty section as a heading with its count,
 * then its lines indented by two spaces. Free with g_free(). */
/* The plain text as lines without their line ends (a plan's value may hold a line break of its
 * own: a terminal escapes it, line by line). Free with g_ptr_array_unref(). */
GPtrArray              *ccp_report_summary_to_lines     (CcpReportSummary      *self);
char                   *ccp_report_summary_to_text      (CcpReportSummary      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpReportSummary, ccp_report_summary_free)

G_END_DECLS
