/* ccp-format.h: dates and amounts for display, in the language and locale of the user.
 *
 * Files never use these: the XML and the CSV export keep ISO 8601 dates and "."-decimal amounts
 * (ccp_stats_format_cents()) so that they mean the same in every language. These are for text
 * that people read: the HTML report, the lists and cards of the GUI.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2027-05-17" -> "May 17, 2027" / "17 mai 2027" / "2027年5月17日" (month names from our
 * catalogue, so they follow LANGUAGE even under the C locale). Text that is not a valid ISO
 * date is returned unchanged. Free with g_free(). */
char *ccp_format_date       (const char *iso_date);
/* "2027-05" (or a full date) -> "May 2027" / "mai 2027"; unchanged when not a valid month. */
char *ccp_format_month      (const char *iso_month);
/* "2027-05" (or a full date) -> "May" / "mai" / "5月": the month alone, abbreviated, for
 * narrow places; unchanged when not a valid month. */
char *ccp_format_month_short (const char *iso_month);
/* An xs:dateTime "2027-05-17T09:30:00Z" -> the date as ccp_format_date() and the time of day
 * as written in the file (no time-zone conversion: the report reads the same everywhere);
 * unchanged when not a valid dateTime. */
char *ccp_format_date_time  (const char *iso_date_time);
/* 1800000 -> "18,000.00" / "18 000,00": grouping and decimal mark of LC_NUMERIC; exact (no
 * floating point). */
char *ccp_format_cents      (gint64      cents);
/* A locale-independent amount of a file ("18000.00") -> ccp_format_cents(); an amount that
 * ccp_stats_parse_amount() cannot read is returned unchanged. */
char *ccp_format_amount     (const char *amount);
/* Codes or numbers as a list in a sentence: joined with the translated separator (the Arabic
 * comma in Arabic), each item bidi-isolated so that "4, 10, 11" keeps its order and its commas
 * in a right-to-left sentence. "" for none. Free with g_free(). */
char *ccp_format_list       (const char * const *items);

G_END_DECLS
