/* ccp-markup.h: text escaped for XML and HTML output, appended to a GString.
 *
 * One escaper for every kind of markup the core writes (plan files, the HTML report), each
 * with the rules of where the text goes. In all of them, text that is not valid UTF-8 is made
 * valid first (keeping what can be kept rather than writing a file no parser reads), and
 * characters that XML 1.0 cannot carry at all (control characters other than tab, LF and CR,
 * U+FFFE and U+FFFF) become U+FFFD REPLACEMENT CHARACTER: there is no escape for them, and
 * dropping them silently would hide the change. A NULL text appends nothing.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where escaped text goes; the rules of each are those of the functions below. */
typedef enum {
  CCP_MARKUP_TEXT,
  CCP_MARKUP_ATTRIBUTE,
  CCP_MARKUP_HTML,
} CcpMarkupContext;

/* Appends text (NULL: nothing) escaped for context. */
void ccp_markup_append           (GString          *out,
                                  const char       *text,
                                  CcpMarkupContext  context);

/* For writers with a buffer of their own, the two steps of ccp_markup_append(): the length of
 * the longest start of text that goes out as it is (valid UTF-8 that needs no escape), and the
 * escape of the character at text where that stopped (not the end of the text): sets *escape
 * and *escape_length to what goes out instead (static or in text) and returns how many bytes
 * of text it stands for. */
gsize ccp_markup_plain_length    (const char        *text,
                                  CcpMarkupContext   context);
gsize ccp_markup_escape_char     (const char        *text,
                                  CcpMarkupContext   context,
                                  const char       **escape,
                                  gsize             *escape_length);

/* The text of an XML element: & < > escaped, CR as a character reference (the parser would
 * turn it into LF). */
void ccp_markup_append_text      (GString    *out,
                                  const char *text);
/* An XML attribute value between double quotes: as element text, and " escaped, tab and LF
 * as character references (the parser would turn them into spaces). */
void ccp_markup_append_attribute (GString    *out,
                                  const char *value);
/* HTML text or a double- or single-quoted attribute value: & < > " ' escaped, tab, LF and CR
 * kept; the C1 control characters (U+007F to U+009F) become U+FFFD as well. */
void ccp_markup_append_html      (GString    *out,
                                  const char *text);

/* Text that a plan supplies, set inside a sentence of ours, between U+2068 FIRST STRONG
 * ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: its own direction is kept, and an unclosed
 * override in it (U+202E) cannot reverse the rest of the sentence. Browsers, Pango and
 * screen readers honour these marks. Free with g_free(). */
char *ccp_bidi_isolate           (const char *text);

G_END_DECLS
