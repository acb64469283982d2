/* ccp-markup.c: one escaper for XML element text, XML attribute values and HTML.
 *
 * Text is scanned by runs: a byte table says which bytes each context passes on as they are,
 * and blocks of 16 bytes that hold none of the others are passed at once, so most text
 * (printable ASCII) is appended a run at a time; only a byte the table stops at
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

/* 16 bytes at a time (GCC's vector extensions: SSE2 on x86-64, NEON on ARM), within the
 * text's length: a block with no byte of a stop's kind is passed at once. The test is broad
 * (tab and LF, which element text passes on, and every non-ASCII byte stop it): the bytes of
 * a block that may stop are looked at one by one. */
typedef signed char Bytes16 __attribute__ ((vector_size (16)));

static inline gboolean
block_may_stop (const guchar     *p,
                CcpMarkupContext  context)
{
  Bytes16 v, stop;
  guint64 halves[2];

  memcpy (&v, p, sizeof v);
  /* Signed: below 0x20 are the control characters and every byte from 0x80 on. */
  stop = (v < 0x20) | (v == '&') | (v == '<') | (v == '>');
  if (context != CCP_MARKUP_TEXT)
    stop |= v == '"';
  if (context == CCP_MARKUP_HTML)
    stop |= (v == '\'') | (v == 0x7f);
  memcpy (halves, &stop, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

gsize
ccp_markup_plain_length (const char       *text,
                         CcpMarkupContext  context)
{
  const guint8 mask = 1 << context;
  const guchar *p = (const guchar *) text;
  const guchar *end = p + strlen (text);

  for (;;)
    {
      const guchar *block_end;

      while (end - p >= 16 && !block_may_stop (p, context))
        p += 16;
      if (end - p < 16)
        {
          /* The last bytes, in a block padded with a byte that never stops. */
          guchar last[16];

          memset (last, 'a', sizeof last);
          memcpy (last, p, end - p);
          if (!block_may_stop (last, context))
            return end - (const guchar *) text;
        }
      block_end = MIN (p + 16, end);
      while (p < block_end)
        {
          gunichar c;

          if (!(stops[*p] & mask))
            {
              p++;
              continue;
            }
          if (*p < 0x80)
            return p - (const guchar *) text;
          c = g_utf8_get_char_validated ((const char *) p, -1);
          if (c >= 0x80000000 || is_replaced (c, context))
            return p - (const guchar *) text;
          p += g_utf8_skip[*p];
        }
      if (p >= end)
        return end - (const guchar *) text;
    }
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
