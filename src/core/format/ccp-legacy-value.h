/* ccp-legacy-value.h: the JSON values of format 1.0's merge report, read with bounds.
 *
 * Format 1.0 stored a joint copy's differing list values (partners, funding, results) as JSON
 * arrays inside <value> elements: an array of strings, or of arrays of strings (one per item
 * field). Format 1.1 has no JSON; these values are only read, to upgrade a 1.0 field plan.
 * The text is untrusted: its size and its nesting are checked by a flat scan BEFORE any JSON
 * parser sees it (json-glib's parser recurses, and 100,000 "[" overflow the stack).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest value decoded, in bytes, and the deepest nesting: rows of rows. */
#define CCP_LEGACY_VALUE_MAX_LENGTH (1024 * 1024)
#define CCP_LEGACY_VALUE_MAX_DEPTH  2

/* Decodes a JSON array of strings (width 0: each row has one column) or of arrays of strings
 * (width columns, missing ones ""). NULL when the value is too long, too deep, not JSON or
 * not of that shape. Free with g_ptr_array_unref() (rows are GStrv). */
GPtrArray *ccp_legacy_value_decode_rows (const char *value,
                                         guint       width);

/* Whether the value is within the length and nesting bounds (a flat scan, no parsing). */
gboolean   ccp_legacy_value_within_bounds (const char *value);

G_END_DECLS
