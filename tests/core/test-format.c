/* Dates and amounts for display (issue 6): month names and date layouts from our catalogues
 * (LANGUAGE under C.UTF-8, as on the test machine), grouping and decimal mark from LC_NUMERIC
 * (a French locale generated with localedef into the build directory, when the machine can). */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define FSI "\xe2\x81\xa8" /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9" /* U+2069 POP DIRECTIONAL ISOLATE */
#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE, glibc's fr_FR thousands separator */

static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* Makes glibc drop the translations it cached for the previous LANGUAGE. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

static void
assert_formats (char       *(*format) (const char *),
                const char  *input,
                const char  *expected)
{
  g_autofree char *text = format (input);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_english (void)
{
  use_language (NULL);
  assert_formats (ccp_format_date, "2027-05-17", "May 17, 2027");
  assert_formats (ccp_format_date, "2028-02-29", "February 29, 2028");
  assert_formats (ccp_format_month, "2027-05", "May 2027");
  assert_formats (ccp_format_month, "2027-12-01", "December 2027");
  assert_formats (ccp_format_month_short, "2027-09", "Sep");
  assert_formats (ccp_format_date_time, "2027-05-17T09:30:00Z", "May 17, 2027, 09:30 UTC");
  assert_formats (ccp_format_date_time, "2027-05-17T23:30:00+02:00",
                  "May 17, 2027, 23:30 UTC+02:00");
  assert_formats (ccp_format_date_time, "2027-05-17T09:30:00", "May 17, 2027, 09:30");
}

static void
test_invalid_unchanged (void)
{
  use_language ("fr");
  /* What cannot be read is shown as the file has it, never as another date. */
  assert_formats (ccp_format_date, "2027-02-30", "2027-02-30");
  assert_formats (ccp_format_date, "17/05/2027", "17/05/2027");
  assert_formats (ccp_format_date, "", "");
  assert_formats (ccp_format_month, "2027-13", "2027-13");
  assert_formats (ccp_format_month_short, "2027-00", "2027-00");
  assert_formats (ccp_format_month, "May", "May");
  assert_formats (ccp_format_date_time, "yesterday", "yesterday");
  assert_formats (ccp_format_amount, "12,50", "12,50");
  assert_formats (ccp_format_amount, "-3", "-3");
  assert_formats (ccp_format_amount, "", "");
  use_language (NULL);
}

static void
test_translated_dates (void)
{
  use_language ("fr");
  assert_formats (ccp_format_date, "2027-05-17", "17 mai 2027");
  assert_formats (ccp_format_month, "2027-05", "mai 2027");
  assert_formats (ccp_format_month_short, "2027-02", "févr.");
  /* The shipped French catalogue writes day 1 apart (first_day_layout). */
  assert_formats (ccp_format_date_time, "2027-08-01T09:30:00Z", "1er août 2027, 09:30 UTC");

  use_language ("es");
  assert_formats (ccp_format_date, "2027-05-17", "17 de mayo de 2027");
  assert_formats (ccp_format_month, "2027-05", "mayo de 2027");

  /* Russian declines the month inside a date (genitive), not on its own. */
  use_language ("ru");
  assert_formats (ccp_format_date, "2027-05-17", "17 мая 2027 г.");
  assert_formats (ccp_format_month, "2027-05", "май 2027");

  use_language ("zh_CN");
  assert_formats (ccp_format_date, "2027-05-17", "2027年5月17日");
  assert_formats (ccp_format_month, "2027-05", "2027年5月");
  assert_formats (ccp_format_month_short, "2027-05", "5月");

  use_language ("ar");
  assert_formats (ccp_format_date, "2027-05-17", "17 مايو 2027");

  use_language (NULL);
}

static void
test_amounts_c_locale (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *large = NULL;

  use_language ("fr");
  /* LANGUAGE changes messages, not numbers: under C.UTF-8 there is no grouping. */
  assert_formats (ccp_format_amount, "18000", "18000.00");
  assert_formats (ccp_format_amount, "18000.5", "18000.50");
  plain = ccp_format_cents (5);
  g_assert_cmpstr (plain, ==, "0.05");
  negative = ccp_format_cents (-1234505);
  g_assert_cmpstr (negative, ==, "-12345.05");
  large = ccp_format_cents (G_MAXINT64);
  g_assert_cmpstr (large, ==, "92233720368547758.07");
  use_language (NULL);
}

/* Generates fr_FR.UTF-8 into the build directory (LOCPATH needs no root and leaves the system
 * alone); NULL when this machine has no localedef or no locale sources. */
static char *
generate_french_locale (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);
  g_autofree char *target = g_build_filename (dir, "fr_FR.UTF-8", NULL);
  g_autofree char *numeric = g_build_filename (target, "LC_NUMERIC", NULL);
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_file_test (numeric, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&dir);
  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/fr_FR", G_FILE_TEST_EXISTS))
    return NULL;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  {
    const char *argv[] = { localedef, "-i", "fr_FR", "-f", "UTF-8", target, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  /* localedef exits 1 for mere warnings; what counts is that the locale was written. */
  return g_file_test (numeric, G_FILE_TEST_EXISTS) ? g_steal_pointer (&dir) : NULL;
}

static void
test_amounts_french_locale (void)
{
  g_autofree char *locpath = generate_french_locale ();
  g_autofree char *amount = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *csv_like = NULL;

  if (locpath == NULL)
    {
      g_test_skip ("no localedef or no fr_FR locale source (Debian package locales) here");
      return;
    }
  g_setenv ("LOCPATH", locpath, TRUE);
  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_unsetenv ("LOCPATH");
      g_assert_nonnull (setlocale (LC_ALL, ""));
      g_test_skip ("the generated fr_FR.UTF-8 locale does not load");
      return;
    }

  amount = ccp_format_amount ("18000");
  g_assert_cmpstr (amount, ==, "18" NNBSP "000,00");
  small = ccp_format_cents (99950);
  g_assert_cmpstr (small, ==, "999,50");
  large = ccp_format_cents (123456789012);
  g_assert_cmpstr (large, ==, "1" NNBSP "234" NNBSP "567" NNBSP "890,12");
  /* What files carry stays locale-independent under the same locale. */
  csv_like = ccp_stats_format_cents (1800050);
  g_assert_cmpstr (csv_like, ==, "18000.50");

  g_unsetenv ("LOCPATH");
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

/* Day 1 has its own translatable layout (French "1er octobre"); a language that does not write
 * day 1 apart gives it its usual layout, and English leaves it untranslated. A catalogue of
 * this test's own checks the layout itself, whatever the shipped French says. */
static void
test_first_day (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* The usual layout in English (untranslated) and in the shipped Spanish; the shipped French
   * writes day 1 apart. */
  use_language (NULL);
  assert_formats (ccp_format_date, "2027-10-01", "October 1, 2027");
  use_language ("es");
  assert_formats (ccp_format_date, "2027-10-01", "1 de octubre de 2027");
  use_language ("fr");
  assert_formats (ccp_format_date, "2027-10-01", "1er octobre 2027");
  assert_formats (ccp_format_date, "2027-10-02", "2 octobre 2027");
  use_language (NULL);

  if (msgfmt == NULL)
    {
      g_test_skip ("no msgfmt (gettext) to compile the test's catalogue");
      return;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("ccp-format-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (dir, "fr", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  po = g_build_filename (dir, "fr.po", NULL);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_set_contents (po,
                                      "msgid \"\"\n"
                                      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                      "msgctxt \"full date\"\n"
                                      "msgid \"%2$s %1$u, %3$u\"\n"
                                      "msgstr \"%1$u %2$s %3$u\"\n"
                                      "msgctxt \"full date, first day of a month\"\n"
                                      "msgid \"%2$s %1$u, %3$u\"\n"
                                      "msgstr \"%1$uer %2$s %3$u\"\n"
                                      "msgctxt \"month in a date\"\n"
                                      "msgid \"October\"\n"
                                      "msgstr \"octobre\"\n", -1, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  ccp_i18n_init ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  use_language ("fr");
  assert_formats (ccp_format_date, "2027-10-01", "1er octobre 2027");
  assert_formats (ccp_format_date, "2027-10-02", "2 octobre 2027");
  assert_formats (ccp_format_date_time, "2027-10-01T09:30:00Z", "1er octobre 2027, 09:30 UTC");
  ccp_test_remove_tree (dir);
}

/* A list of numbers in a sentence: the translated separator, each number isolated, so that an
 * Arabic sentence reads "4، 10، 11" and not "11 ,10 ,4" (issue 17). */
static void
test_lists (void)
{
  const char *numbers[] = { "4", "10", "11", NULL };
  const char *none[] = { NULL };
  g_autofree char *english = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *empty = ccp_format_list (none);
  g_autofree char *null = ccp_format_list (NULL);

  use_language (NULL);
  english = ccp_format_list (numbers);
  g_assert_cmpstr (english, ==, FSI "4" PDI ", " FSI "10" PDI ", " FSI "11" PDI);
  use_language ("ar");
  arabic = ccp_format_list (numbers);
  g_assert_cmpstr (arabic, ==, FSI "4" PDI "، " FSI "10" PDI "، " FSI "11" PDI);
  use_language (NULL);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/english", test_english);
  g_test_add_func ("/format/invalid-unchanged", test_invalid_unchanged);
  g_test_add_func ("/format/translated-dates", test_translated_dates);
  g_test_add_func ("/format/first-day", test_first_day);
  g_test_add_func ("/format/lists", test_lists);
  g_test_add_func ("/format/amounts/c-locale", test_amounts_c_locale);
  g_test_add_func ("/format/amounts/french-locale", test_amounts_french_locale);

  return g_test_run ();
}
