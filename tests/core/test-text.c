/* test-text.c: ccp_text_casefold() gives g_utf8_casefold()'s bytes, on chosen texts and on
 * random text mixing ASCII with characters of every plane that have special foldings. */
#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include "ccp-text.h"

static void
check (const char *text)
{
  g_autofree char *expected = g_utf8_casefold (text, -1);
  g_autofree char *folded = ccp_text_casefold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_casefold_chosen (void)
{
  static const char * const texts[] = {
    "", "a", "Z", "Hello, World! 0123 ~{}", "BOGOTÁ", "Bogotá Music Nights",
    "İstanbul and IĞDIR", "Straße STRASSE", "ΣΊΣΥΦΟΣ ς", "ﬁne ﬀ ǅ", "µ Μ",
    "Москва ПЕТЕРБУРГ", "Ⓐ 𐐀𐐨 𝔄", "مراكش والقاهرة", "北京 Tokyo 東京", "Ǆemal ǈ",
    "A\tB\nC\rD", "\xc3\x89t\xc3\xa9 \xe1\xba\x9e", "ABC\xcc\x81" "DEF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check (texts[i]);
}

/* Characters from ranges with case: Latin-1 and Extended, Greek, Cyrillic, Armenian, the
 * Latin ligatures, Deseret (outside the BMP), and some without case (Arabic, CJK). */
static gunichar
random_char (GRand *rand)
{
  static const gunichar ranges[][2] = {
    { 0x20, 0x7e }, { 0x20, 0x7e }, { 0x20, 0x7e }, { 0xa0, 0x24f }, { 0x370, 0x3ff },
    { 0x400, 0x52f }, { 0x531, 0x587 }, { 0x1e00, 0x1fff }, { 0x2160, 0x2188 },
    { 0x24b6, 0x24e9 }, { 0xfb00, 0xfb17 }, { 0xff21, 0xff5a }, { 0x10400, 0x1044f },
    { 0x600, 0x6ff }, { 0x4e00, 0x4e80 },
  };
  guint r = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (ranges));

  return (gunichar) g_rand_int_range (rand, (gint32) ranges[r][0], (gint32) ranges[r][1] + 1);
}

static void
test_casefold_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = (guint) g_rand_int_range (rand, 0, 40);

      for (guint j = 0; j < length; j++)
        g_string_append_unichar (text, random_char (rand));
      check (text->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/casefold/chosen", test_casefold_chosen);
  g_test_add_func ("/text/casefold/random", test_casefold_random);
  return g_test_run ();
}
