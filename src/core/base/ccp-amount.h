/* ccp-amount.h: budget amounts as exact integer cents.
 *
 * A plan writes an amount as digits with an optional "." and one or two decimals ("12000",
 * "12000.5"), at most CCP_AMOUNT_MAX_DIGITS digits before the point (ccp-types.h). Sums are
 * made in cents, never in floating point, so 0.10 + 0.20 is exactly 0.30; the limits keep the
 * total per currency of any plan within 64 bits.
 */
#pragma once

#include <glib.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* Reads an amount as cents. FALSE for anything else: a sign, a comma, three decimals, more
 * than CCP_AMOUNT_MAX_DIGITS digits (leading zeros aside). */
gboolean ccp_amount_parse (const char *text,
                           gint64     *cents);
/* Adds cents to *total; FALSE (total unchanged) when the sum would pass CCP_TOTAL_MAX_CENTS. */
gboolean ccp_amount_add   (gint64     *total,
                           gint64      cents);

G_END_DECLS
