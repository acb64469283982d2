/* ccp-reader.h: reads city plans and field plans (format 1.x) from untrusted bytes.
 *
 * Safety (STYLE.md): xmlCtxtReadMemory with XML_PARSE_NONET, never NOENT/DTDLOAD/DTDVALID/HUGE;
 * any DOCTYPE, entity declaration or XInclude is refused; input must be valid UTF-8.
 *
 * Values are kept as found (lossless for drafts); the validator judges them. What the model
 * cannot hold (an unknown element, a revision that is not a number) becomes a reader issue.
 */
#pragma once

#include <gio/gio.h>

#include "ccp-locations.h"
#include "ccp-types.h"

G_BEGIN_DECLS

/*
 * Parses bytes into a CcpPlan or a CcpFieldPlan (check with CCP_IS_PLAN / CCP_IS_FIELD_PLAN).
 * display_name names the input in error messages. On failure returns NULL and sets a CCP_ERROR
 * whose translated message names the file and, where it applies, the line.
 * out_issues (CcpIssue, with lines) and out_locations are optional.
 */
GObject       *ccp_reader_read_bytes  (GBytes        *bytes,
                                       const char    *display_name,
                                       GPtrArray    **out_issues,
                                       CcpLocations **out_locations,
                                       GError       **error);
/* ccp_file_load() with CCP_FILE_MAX_SIZE, then ccp_reader_read_bytes(). out_bytes (optional)
 * receives the bytes read, for hashing. */
GObject       *ccp_reader_read_file   (GFile         *file,
                                       GBytes       **out_bytes,
                                       GPtrArray    **out_issues,
                                       CcpLocations **out_locations,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
