/* ccp-markup.c: one escaper for XML element text, XML attribute values and HTML. */
#define G_LOG_DOMAIN "ccp-markup"

#include "config.h"

#include "ccp-markup.h"

typedef struct
{
  gboolean quote;       /* " as &quot; */
  gboolean apostrophe;  /* ' as &#39; */
  gboolean whitespace;  /* tab and LF as character references */
  gboolean cr;          /* CR as a character reference */
  gboolean c1;          /* U+007F..U+009F as U+FFFD */
} Rules;

static const Rules text_rules = { .cr = TRUE };
static const Rules attribute_rules = { .quote = TRUE, .whitespace = TRUE, .cr = TRUE };
static const Rules html_rules = { .quote = TRUE, .apostrophe = TRUE, .c1 = TRUE };

static gboolean
is_plain (guchar c)
{
  return c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

static void
append_escaped (GString     *out,
                const char  *text,
                const Rules *rules)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *run = p;
      gunichar c;

      /* Most text needs no escaping: append runs of plain printable ASCII at once. */
      while (is_plain ((guchar) *p))
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, rules->quote ? "&quot;" : "\"");
          break;
        case '\'':
          g_string_append (out, rules->apostrophe ? "&#39;" : "'");
          break;
        case '\r':
          g_string_append (out, rules->cr ? "&#13;" : "\r");
          break;
        case '\n':
          g_string_append (out, rules->whitespace ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, rules->whitespace ? "&#9;" : "\t");
          break;
        default:
          /* Valid UTF-8 holds no surrogates and nothing past U+10FFFF. */
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (rules->c1 && c >= 0x7F && c <= 0x9F))
            g_string_append_unichar (out, 0xFFFD);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

void
ccp_markup_append_text (GString    *out,
                        const char *text)
{
  g_return_if_fail (out != NULL);

  append_escaped (out, text, &text_rules);
}

void
ccp_markup_append_attribute (GString    *out,
                             const char *value)
{
  g_return_if_fail (out != NULL);

  append_escaped (out, value, &attribute_rules);
}

void
ccp_markup_append_html (GString    *out,
                        const char *text)
{
  g_return_if_fail (out != NULL);

  append_escaped (out, text, &html_rules);
}

char *
ccp_bidi_isolate (const char *text)
{
  return g_strconcat ("\xe2\x81\xa8", text != NULL ? text : "", "\xe2\x81\xa9", NULL);
}
