/* ccp-report-text.h: the merge report in words: one sentence per report item (see
 * data/schema/merge-report.md), in the reader's language.
 *
 * A report item stores codes and values, never sentences, so that a field plan reads the same
 * in every language; these functions make the sentences. ccp-report-summary.h groups them into
 * the sections the command line, the window, printing and the HTML export show.
 */
#pragma once

#include "ccp-types.h"

G_BEGIN_DECLS

/* The sentence of an item: its own for the kinds and codes the merge makes, else every known
 * part of it as "label: value" (so that an item made by a newer version can be shown).
 * Free with g_free(). */
char *ccp_report_describe_item (CcpReportItem *item);
/* The same, with every text that comes from a plan (names, titles, files, values) between
 * bidirectional isolates (ccp_bidi_isolate()), for pages and windows: a name ending in an
 * unclosed U+202E cannot reverse the sentence. Not for the command line, which shows such
 * characters escaped. Free with g_free(). */
char *ccp_report_describe_item_isolated (CcpReportItem *item);
/* The city of an item as the report names it: "Bologna (IT)", "Bologna" without a country,
 * "" without a city (translated). Free with g_free(). */
char *ccp_report_describe_city (CcpReportItem *item);

G_END_DECLS
