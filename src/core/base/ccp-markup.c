/* ccp-markup.c: one escaper for XML element text, XML attribute values and HTML.
 *
 * Text is scanned by runs: a byte table says which bytes each context passes on as they are,
 * so most text (printable ASCII) is appended a run at a time; only a byte the table stops at
 * (markup, a control character, the start of a non-ASCII character) is looked at closely. A
 * non-ASCII character is validated where it is met, which does what g_utf8_make_valid() did
 * before escaping: every byte that does not start a valid character becomes U+FFFD. */
#define G_LOG_DOMAIN "ccp-markup"

#include "config.h"

#include <string.h>

#include "ccp-markup.h"

#define TEXT      (1 << CCP_MARKUP_TEXT)
#define ATTRIBUTE (1 << CCP_MARKUP_ATTRIBUTE)
#define HTML      (1 << CCP_MARKUP_HTML)
#define ALL       (TEXT | ATTRIBUTE | HTML)

/* The contexts in which a byte is not passed on as it is (NUL ends the text in all). */
static const guint8 stops[256] = {
  [0x00 ... 0x08] = ALL,
  ['\t'] = ATTRIBUTE,
  ['\n'] = ATTRIBUTE,
  [0x0b ... 0x0c] = ALL,
  ['\r'] = TEXT | ATTRIBUTE,
  [0x0e ... 0x1f] = ALL,
  ['&'] = ALL,
  ['<'] = ALL,
  ['>'] = ALL,
  ['"'] = ATTRIBUTE | HTML,
  ['\''] = HTML,
  [0x7f] = HTML,
  [0x80 ... 0xff] = ALL,
};

#define REPLACEMENT "\xef\xbf\xbd"

/* Whether the valid character c (not ASCII) must be replaced in context. */
static inline gboolean
is_replaced (gunichar         c,
             CcpMarkupContext context)
{
  return c == 0xFFFE || c == 0xFFFF || (context == CCP_MARKUP_HTML && c <= 0x9F);
}

gsize
ccp_markup_plain_length (const char       *text,
                         CcpMarkupContext  context)
{
  const guint8 mask = 1 << context;
  const guchar *p = (const guchar *) text;

  for (;;)
    {
      gunichar c;

      while (!(stops[*p] & mask))
        p++;
      if (*p < 0x80)
        break;
      c = g_utf8_get_char_validated ((const char *) p, -1);
      if (c >= 0x80000000 || is_replaced (c, context))
        break;
      p += g_utf8_skip[*p];
    }
  return p - (const guchar *) text;
}

gsize
ccp_markup_escape_char (const char        *text,
                        CcpMarkupContext   context,
                        const char       **escape,
                        gsize             *escape_length)
{
  guchar c = *text;
  const char *e;

  g_return_val_if_fail (c != '\0', 0);

  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char_validated (text, -1);

      /* Not the start of a valid character: this one byte becomes U+FFFD. */
      if (u >= 0x80000000)
        {
          *escape = REPLACEMENT;
          *escape_length = 3;
          return 1;
        }
      *escape = is_replaced (u, context) ? REPLACEMENT : text;
      *escape_length = is_replaced (u, context) ? 3 : (gsize) g_utf8_skip[c];
      return g_utf8_skip[c];
    }

  switch (c)
    {
    case '&':
      e = "&amp;";
      break;
    case '<':
      e = "&lt;";
      break;
    case '>':
      e = "&gt;";
      break;
    case '"':
      e = "&quot;";
      break;
    case '\'':
      e = "&#39;";
      break;
    case '\r':
      e = "&#13;";
      break;
    case '\n':
      e = "&#10;";
      break;
    case '\t':
      e = "&#9;";
      break;
    default:
      /* The other control characters, and U+007F in HTML. */
      e = REPLACEMENT;
      break;
    }
  /* A byte the context passes on as it is (a quote in text) is its own escape. */
  if (!(stops[c] & (1 << context)))
    e = text, *escape_length = 1;
  else
    *escape_length = strlen (e);
  *escape = e;
  return 1;
}

void
ccp_markup_append (GString          *out,
                   const char       *text,
                   CcpMarkupContext  context)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  for (;;)
    {
      gsize n = ccp_markup_plain_length (text, context);
      const char *escape;
      gsize escape_length;

      g_string_append_len (out, text, n);
      text += n;
      if (*text == '\0')
        break;
      text += ccp_markup_escape_char (text, context, &escape, &escape_length);
      g_string_append_len (out, escape, escape_length);
    }
}

void
ccp_markup_append_text (GString    *out,
                        const char *text)
{
  ccp_markup_append (out, text, CCP_MARKUP_TEXT);
}

void
ccp_markup_append_attribute (GString    *out,
                             const char *value)
{
  ccp_markup_append (out, value, CCP_MARKUP_ATTRIBUTE);
}

void
ccp_markup_append_html (GString    *out,
                        const char *text)
{
  ccp_markup_append (out, text, CCP_MARKUP_HTML);
}

char *
ccp_bidi_isolate (const char *text)
{
  return g_strconcat ("\xe2\x81\xa8", text != NULL ? text : "", "\xe2\x81\xa9", NULL);
}
