/* test-markup.c: the escaper by runs (ccp-markup.h) against the character-by-character one it
 * replaced, on random text with markup, control characters, non-ASCII and invalid UTF-8. */
#define G_LOG_DOMAIN "test-markup"

#include "config.h"

#include "ccp-markup.h"

/* The escaper as it was: the whole text made valid first, then each character in turn. */
static void
reference_append (GString          *out,
                  const char       *text,
                  CcpMarkupContext  context)
{
  g_autofree char *valid = NULL;
  gboolean quote = context != CCP_MARKUP_TEXT;
  gboolean apostrophe = context == CCP_MARKUP_HTML;
  gboolean whitespace = context == CCP_MARKUP_ATTRIBUTE;
  gboolean cr = context != CCP_MARKUP_HTML;
  gboolean c1 = context == CCP_MARKUP_HTML;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

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
          g_string_append (out, quote ? "&quot;" : "\"");
          break;
        case '\'':
          g_string_append (out, apostrophe ? "&#39;" : "'");
          break;
        case '\r':
          g_string_append (out, cr ? "&#13;" : "\r");
          break;
        case '\n':
          g_string_append (out, whitespace ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, whitespace ? "&#9;" : "\t");
          break;
        default:
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c1 && c >= 0x7F && c <= 0x9F))
            g_string_append_unichar (out, 0xFFFD);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

/* Pieces random text is made of: runs shorter and longer than the 16 bytes tested at once,
 * each special case of every context, characters of two to four bytes, and broken sequences
 * (a lone continuation byte, a truncated character, an overlong form, a surrogate, past
 * U+10FFFF). */
static const char * const pieces[] = {
  "a", "plain text ", "a longer run of plain, printable text: 16 bytes and more ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\x01", "\x1f", "\x7f",
  "\xc2\x80", "\xc2\x85", "\xc2\x9f", "\xc2\xa0", "\xc3\xa9", "\xe2\x82\xac", "\xef\xbf\xbe",
  "\xef\xbf\xbf", "\xef\xbf\xbd", "\xf0\x9f\x8e\xb5", "\x80", "\xbf", "\xc3", "\xe2\x82",
  "\xf0\x9f\x8e", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88",
  "\xff", "\xfe",
};

static void
test_markup_random (void)
{
  static const CcpMarkupContext contexts[] = {
    CCP_MARKUP_TEXT, CCP_MARKUP_ATTRIBUTE, CCP_MARKUP_HTML,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint n_invalid = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (!g_utf8_validate (text->str, -1, NULL))
        n_invalid++;

      for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
        {
          g_autoptr(GString) expected = g_string_new ("[");
          g_autoptr(GString) got = g_string_new ("[");

          reference_append (expected, text->str, contexts[c]);
          ccp_markup_append (got, text->str, contexts[c]);
          if (!g_str_equal (expected->str, got->str))
            g_error ("context %u, text \"%s\": \"%s\", not \"%s\"", contexts[c],
                     g_strescape (text->str, NULL), g_strescape (got->str, NULL),
                     g_strescape (expected->str, NULL));
          g_assert_true (g_utf8_validate (got->str, -1, NULL));
        }
    }
  /* The broken sequences were tried. */
  g_assert_cmpuint (n_invalid, >, 5000);
}

/* The two steps a buffered writer uses give the same as ccp_markup_append(). */
static void
test_markup_steps (void)
{
  static const char text[] = "R&D <\xc3\xa9t\xc3\xa9>\n\"\xff\"\tfin";
  static const char expected[] = "R&amp;D &lt;\xc3\xa9t\xc3\xa9&gt;&#10;&quot;\xef\xbf\xbd&quot;"
                                 "&#9;fin";
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  g_assert_cmpuint (ccp_markup_plain_length ("", CCP_MARKUP_TEXT), ==, 0);
  g_assert_cmpuint (ccp_markup_plain_length ("caf\xc3\xa9 ok", CCP_MARKUP_TEXT), ==, 8);
  g_assert_cmpuint (ccp_markup_plain_length ("a\"b", CCP_MARKUP_TEXT), ==, 3);
  g_assert_cmpuint (ccp_markup_plain_length ("a\"b", CCP_MARKUP_ATTRIBUTE), ==, 1);

  for (;;)
    {
      gsize n = ccp_markup_plain_length (p, CCP_MARKUP_ATTRIBUTE);
      const char *escape;
      gsize length;

      g_string_append_len (out, p, n);
      p += n;
      if (*p == '\0')
        break;
      p += ccp_markup_escape_char (p, CCP_MARKUP_ATTRIBUTE, &escape, &length);
      g_string_append_len (out, escape, length);
    }
  g_assert_cmpstr (out->str, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markup/random", test_markup_random);
  g_test_add_func ("/markup/steps", test_markup_steps);

  return g_test_run ();
}
