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
#include <libxml/xmlreader.h>

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

/* The same boundary, streaming (libxml2's xmlTextReader): the checks of bytes and prolog
 * (1, 2) are made when it is opened, those of the parse (3) as it goes. The caller walks the
 * tree from the root down without the whole document ever being held: each child is given
 * either expanded (its whole subtree, freed when the walk moves past it) or entered (its
 * children are given next). Every element passed, given or skipped, is checked for XInclude
 * and gets its start tag's offset in _private, as ccp_xml_guard_parse() does. What the caller
 * read is only good when ccp_xml_stream_finish() succeeds: its errors come first. */
typedef struct _CcpXmlStream CcpXmlStream;

/* NULL with a CCP_ERROR when the bytes or the prolog are refused. */
CcpXmlStream *ccp_xml_stream_new      (const char    *data,
                                       gsize          length,
                                       const char    *name,
                                       GError       **error);
void          ccp_xml_stream_free     (CcpXmlStream  *self);
/* The root element, with its attributes but no children yet; NULL when the input failed
 * before (ccp_xml_stream_finish() says why). Children are given for it next. */
xmlNode      *ccp_xml_stream_root     (CcpXmlStream  *self);
/* The next child of the element entered last (any kind of node; an element with its
 * attributes only), or NULL at its end (then the walk is back in its parent) or when the
 * input failed. The previous child is freed. */
xmlNode      *ccp_xml_stream_next     (CcpXmlStream  *self);
/* Builds the whole subtree of the child last given; FALSE when the input failed. */
gboolean      ccp_xml_stream_expand   (CcpXmlStream  *self);
/* Gives the children of the child last given (an element) next. */
void          ccp_xml_stream_enter    (CcpXmlStream  *self);
/* Keeps the child last given (expanded) and its ancestors until the stream is freed. */
void          ccp_xml_stream_preserve (CcpXmlStream  *self);
/* Reads what is left; FALSE with the first error of the input (with its line), a document
 * type declaration, an XInclude element or a missing root, as ccp_xml_guard_parse(). */
gboolean      ccp_xml_stream_finish   (CcpXmlStream  *self,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcpXmlStream, ccp_xml_stream_free)

G_END_DECLS
