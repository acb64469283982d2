/* ccp-export-network.h: the creative fields side by side (compare/ccp-network-compare.h) in the
 * exports of a network overview (a field plan of field CCP_FIELD_NETWORK).
 *
 * API note: the HTML report of a network overview calls ccp_export_html_append_network() after
 * its summary (section id "fields"); `ccplans export --format network-csv` writes
 * ccp_export_network_csv() (CCP_EXPORT_FORMAT_NETWORK_CSV), kept apart from the activity CSV,
 * whose columns are fixed.
 *
 * The CSV (UTF-8, CRLF, RFC 4180 quoting, a text starting with = + - @ or a tab gets an
 * apostrophe) is long: one row per measure, code and field, with the columns
 *   measure  cities-expected, cities-with-plan, activities, international, local, flagships,
 *            objective, area, sdg, kind, budget
 *   code     the objective, area, SDG or kind code, the currency for budget; empty otherwise
 *   field    the creative field's code
 *   count    the number (activities with that code; budget: contributions with an amount)
 *   share    objective, area, sdg, kind: count / the field's activities, 4 decimals ("0.6667")
 *   total    budget: the total in that currency ("1400.50"), never across currencies
 * so that a spreadsheet's pivot table sets the fields side by side.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-types.h"

G_BEGIN_DECLS

/* A <section id="fields"> with the fields' tables, in the user's language. */
void    ccp_export_html_append_network (GString      *out,
                                        CcpFieldPlan *field_plan);
/* The CSV above. */
GBytes *ccp_export_network_csv         (CcpFieldPlan *field_plan);

G_END_DECLS
