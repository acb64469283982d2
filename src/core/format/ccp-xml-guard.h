/* ccp-xml-guard.h: the security boundary of the reader, untrusted bytes -> an XML document.
 *
 * Order of the checks, each with its own specific error:
 *   1. bytes: not empty, not too large, not compressed, not UTF-16, valid UTF-8 without NUL;
 *   2. prolog: no <!DOCTYPE> or <!ENTITY> before the root element (refused before libxml2
 *      sees them: entity expansion is where XML parsers get attacked);
 *   3. libxml2 with XML_PARSE_NONET only (never NOENT, DTDLOAD, DTDVALID, HUGE, XINCLUDE), the
 *      first error captured with its line; no DTD in the result; a root element; no XInclude
 *      element anywhere.
 * What passes is well-formed XML that pulls in nothing from outside the bytes.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* The document of data, or NULL with a CCP_ERROR whose translated message names the file (as
 * name) and, where it applies, the line. The bytes must stay alive as long as the document
 * is used for locations: each element's _private holds the offset just past the end of its
 * start tag, plus one (0: unknown), for ccp-locations.c. */
xmlDoc *ccp_xml_guard_parse (const char  *data,
                             gsize        length,
                             const char  *name,
                             GError     **error);

G_END_DECLS
