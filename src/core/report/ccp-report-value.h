/* ccp-report-value.h: an activity field's value as a merge report item stores it (the "value"
 * of format 1.0's joint-difference items, see data/schema/merge-report.md), and as people read
 * it.
 *
 * Single values are as the file has them (codes joined by a space, flags "true"/"false"); lists
 * of free text are JSON arrays (of arrays for partners and results: one string per item field,
 * in the field table's order), so that any text survives.
 */
#pragma once

#include "ccp-activity-field.h"
#include "ccp-types.h"

G_BEGIN_DECLS

/* Free with g_free(). */
char     *ccp_report_value_encode   (const CcpActivityField *field,
                                     CcpActivity            *activity);
/* Sets the field from ccp_report_value_encode()'s form; FALSE (nothing set) when the value is
 * not one of the field. */
gboolean  ccp_report_value_decode   (const CcpActivityField *field,
                                     CcpActivity            *activity,
                                     const char             *value);
/* A stored value as people read it: lists joined, long text shortened, "(empty)" (translated)
 * for nothing. Free with g_free(). */
char     *ccp_report_value_readable (const char             *value);
/* The same, with the codes of `field` (NULL: none) as their translated labels: a kind, a
 * partner city's creative field, an organisation's sector. Free with g_free(). */
char     *ccp_report_value_readable_field (const CcpActivityField *field,
                                           const char             *value);

G_END_DECLS
