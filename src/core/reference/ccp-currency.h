/* ccp-currency.h: the minor unit of an ISO 4217 currency (how many decimals its amounts have).
 *
 * Debian's iso-codes (ccp-iso-codes.h) lists the codes and names of the currencies but not their
 * minor units, so the few currencies whose minor unit is not 2 are listed here, from the ISO 4217
 * list of current currencies.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0 (JPY, KRW, XOF...), 3 (BHD, KWD, TND...), 4 (CLF, UYW) or 2: every other code, including
 * those ISO 4217 gives no minor unit (gold, SDR: "N.A.") and unknown ones, so that a display
 * never hides a cent that a plan holds. */
guint  ccp_currency_get_minor_unit (const char *alpha3);

G_END_DECLS
