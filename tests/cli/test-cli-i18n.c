/* Translations (issue 6), through the built `ccplans`: LANGUAGE=fr (ar, es, ru, zh_CN) gives
 * messages in that language from the catalogues the build compiled (CCP_LOCALEDIR); what is
 * written to files does not depend on the language; `ccplans info` aligns wide characters.
 *
 * The tests run under LC_ALL=C.UTF-8: glibc 2.36 honours LANGUAGE there (not under plain C), so
 * no generated locale is needed. Expected translations are looked up in this process with the
 * same catalogues, and checked against a few literal words as well. */
#define G_LOG_DOMAIN "test-cli-i18n"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-cli-test-util.h"

#define MISTAKES "mistakes/mannheim-music-2027-h1-mistakes.xml"

static char *
example_path (const char *name)
{
  const char *dir = g_getenv ("CCP_EXAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Runs ccplans with LANGUAGE=language (NULL: unset) and extra environment (KEY=VALUE pairs,
 * NULL-terminated, may be NULL); returns the exit status. */
static int
run_ccplans (const char          *language,
             const char * const  *env,
             const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (all, language != NULL ? g_strconcat ("LANGUAGE=", language, NULL)
                                         : g_strdup ("LANGUAGE"));
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (env[i]));
  g_ptr_array_add (all, NULL);

  return ccp_cli_run ((const char * const *) all->pdata, args, out, err);
}

/* Switches this process's messages to language (NULL: English); setlocale() makes glibc drop
 * the translations it cached for the previous LANGUAGE. */
static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

/* The languages of po/LINGUAS. */
static GStrv
linguas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = NULL;

      *(lines[i] + strcspn (lines[i], "#")) = '\0';
      tokens = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      for (guint j = 0; tokens[j] != NULL; j++)
        if (*tokens[j] != '\0')
          g_strv_builder_add (builder, tokens[j]);
    }
  return g_strv_builder_end (builder);
}

/* A few words each catalogue must produce, written here by hand (not looked up). */
static const struct {
  const char *language;
  const char *words;
} literal_words[] = {
  { "fr", "est antérieure à la date de début" },
  { "es", "es anterior a la fecha de inicio" },
  { "ar", "يسبق تاريخ البدء" },
  { "ru", "раньше даты начала" },
  { "zh_CN", "早于开始日期" },
};

static void
test_validate_translated (gconstpointer data)
{
  const char *language = data;
  const char *args[] = { "validate", NULL, NULL };
  g_autofree char *path = example_path (MISTAKES);
  g_autofree char *out = NULL;
  g_autofree char *english = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_summary = NULL;
  const char *end_msgid = "End date %s is before start date %s";
  const char *translated;
  int status, english_status;

  args[1] = path;
  english_status = run_ccplans (NULL, NULL, args, &english, NULL);
  g_assert_cmpint (english_status, ==, 1);
  g_assert_nonnull (strstr (english, "End date 2027-05-02 is before start date 2027-05-20"));

  use_language (language);
  translated = g_dgettext (GETTEXT_PACKAGE, end_msgid);
  g_assert_cmpstr (translated, !=, end_msgid);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "End date %s is before start date %s"),
                              "2027-05-02", "2027-05-20");
  expected_summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file checked",
                                                   "%u files checked", 1), 1);
  g_assert_cmpstr (expected_summary, !=, "1 file checked");
  use_language (NULL);

  status = run_ccplans (language, NULL, args, &out, NULL);
  g_assert_cmpint (status, ==, english_status);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, expected_summary));
  g_assert_null (strstr (out, "End date 2027-05-02 is before start date 2027-05-20"));
  g_assert_null (strstr (out, "1 file checked"));
  /* The issue codes stay as they are: scripts read them. */
  g_assert_nonnull (strstr (out, "[end-before-start]"));
  for (guint i = 0; i < G_N_ELEMENTS (literal_words); i++)
    if (g_str_equal (literal_words[i].language, language))
      g_assert_nonnull (strstr (out, literal_words[i].words));
}

/* A language without a catalogue falls back to English, as does the C locale's "C". */
static void
test_validate_untranslated_language (void)
{
  const char *args[] = { "validate", NULL, NULL };
  g_autofree char *path = example_path (MISTAKES);
  g_autofree char *english = NULL;
  g_autofree char *other = NULL;

  args[1] = path;
  run_ccplans (NULL, NULL, args, &english, NULL);
  run_ccplans ("de", NULL, args, &other, NULL);
  g_assert_cmpstr (other, ==, english);
  g_clear_pointer (&other, g_free);
  run_ccplans ("C", NULL, args, &other, NULL);
  g_assert_cmpstr (other, ==, english);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The same city plans merged under C, French, Arabic and Chinese give the same bytes, though
 * what ccplans says about them is in four languages. One of them has errors, so the merge
 * flags it. */
static void
test_merge_byte_identical (void)
{
  const char *languages[] = { NULL, "fr", "ar", "zh_CN" };
  const char *env[] = { "SOURCE_DATE_EPOCH=1800000000", NULL };
  g_autofree char *bologna = example_path ("bologna-music-2027-h1.xml");
  g_autofree char *liverpool = example_path ("liverpool-music-2027-h1.xml");
  g_autofree char *mistakes = example_path (MISTAKES);
  g_autofree char *dir = g_dir_make_tmp ("ccp-i18n-merge-XXXXXX", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autofree char *first_report = NULL;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *output = g_strdup_printf ("%s/merged-%u.xml", dir, i);
      const char *args[] = { "merge", "-o", output, bologna, liverpool, mistakes, NULL };
      g_autofree char *report = NULL;
      g_autoptr(GBytes) bytes = NULL;
      int status = run_ccplans (languages[i], env, args, &report, NULL);

      g_assert_cmpint (status, <=, 1);
      bytes = read_bytes (output);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      if (first == NULL)
        {
          first = g_bytes_ref (bytes);
          first_report = g_steal_pointer (&report);
        }
      else
        {
          g_assert_true (g_bytes_equal (first, bytes));
          /* The report itself was translated: the language did change. */
          g_assert_cmpstr (report, !=, first_report);
        }
      g_assert_cmpint (g_remove (output), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A plan read and written through the library (no GUI) under two languages: same bytes, and
 * the same as validating it in between changes nothing. */
static void
test_plan_write_byte_identical (void)
{
  const char *languages[] = { NULL, "ar", "fr" };
  g_autofree char *path = example_path (MISTAKES);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = NULL;
  g_autofree char *first_message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) document = NULL;
      g_autoptr(CcpValidator) validator = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GBytes) bytes = NULL;

      use_language (languages[i]);
      document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (CCP_IS_PLAN (document));
      validator = ccp_validator_new ();
      issues = ccp_validator_check_plan (validator, CCP_PLAN (document));
      g_assert_cmpuint (issues->len, >, 0);
      bytes = ccp_writer_write_plan (CCP_PLAN (document));
      g_assert_nonnull (bytes);
      if (first == NULL)
        {
          first = g_bytes_ref (bytes);
          first_message = g_strdup (ccp_issue_get_message (g_ptr_array_index (issues, 0)));
        }
      else
        {
          g_assert_true (g_bytes_equal (first, bytes));
          /* The messages were in another language: the switch took effect. */
          g_assert_cmpstr (ccp_issue_get_message (g_ptr_array_index (issues, 0)), !=,
                           first_message);
        }
    }
  use_language (NULL);
}

/* The HTML report says its language, and right-to-left for Arabic; month names follow the
 * language of the messages even without an LC_TIME locale for it. */
static void
test_export_html_language (void)
{
  const struct {
    const char *language;
    const char *lang;
    const char *dir;
  } cases[] = {
    { NULL, "en", "ltr" },
    { "de", "en", "ltr" },
    { "fr", "fr", "ltr" },
    { "es", "es", "ltr" },
    { "ar", "ar", "rtl" },
    { "zh_CN", "zh-CN", "ltr" },
  };
  g_autofree char *plan = example_path ("bologna-music-2027-h1.xml");
  g_autofree char *dir = g_dir_make_tmp ("ccp-i18n-html-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "report.html", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "export", "-f", "html", "-o", output, plan, NULL };
      g_autofree char *html = NULL;
      g_autofree char *root = NULL;
      g_autofree char *month = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (run_ccplans (cases[i].language, NULL, args, NULL, NULL), ==, 0);
      g_file_get_contents (output, &html, NULL, &error);
      g_assert_no_error (error);
      root = g_strdup_printf ("lang=\"%s\" xml:lang=\"%s\" dir=\"%s\"", cases[i].lang,
                              cases[i].lang, cases[i].dir);
      g_assert_nonnull (strstr (html, root));

      /* The Bologna plan has activities in May 2027. */
      use_language (cases[i].language);
      month = g_strdup_printf (C_("month and year", "%s %u"),
                               g_dpgettext2 (GETTEXT_PACKAGE, "month name", "May"), 2027);
      use_language (NULL);
      g_assert_nonnull (strstr (html, month));
      if (g_str_equal (cases[i].lang, "en"))
        g_assert_cmpstr (month, ==, "May 2027");
      else
        g_assert_null (strstr (html, "May 2027"));
      if (g_strcmp0 (cases[i].language, "fr") == 0)
        g_assert_nonnull (strstr (html, "mai 2027"));
      if (g_strcmp0 (cases[i].language, "zh_CN") == 0)
        g_assert_nonnull (strstr (html, "2027年5月"));
    }
  g_assert_cmpint (g_remove (output), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Dates and amounts in the report follow the language (and LC_NUMERIC); the CSV, which is data
 * exchange, and the XML stay ISO and "."-decimal: the same bytes under every language. */
static void
test_export_locale_independent_files (void)
{
  const char *languages[] = { NULL, "fr", "ar", "ru", "zh_CN" };
  g_autofree char *plan = example_path ("bologna-music-2027-h1.xml");
  g_autofree char *dir = g_dir_make_tmp ("ccp-i18n-csv-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *report = g_build_filename (dir, "report.html", NULL);
  g_autoptr(GBytes) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *csv_args[] = { "export", "-f", "csv", "-o", output, plan, NULL };
      const char *html_args[] = { "export", "-f", "html", "-o", report, plan, NULL };
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *html = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (run_ccplans (languages[i], NULL, csv_args, NULL, NULL), ==, 0);
      bytes = read_bytes (output);
      /* read_bytes() keeps g_file_get_contents()'s terminating nul: a C string. */
      g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), ",2027-05-17,"));
      g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), ",18000.00,EUR,"));
      if (first == NULL)
        first = g_bytes_ref (bytes);
      else
        g_assert_true (g_bytes_equal (first, bytes));

      g_assert_cmpint (run_ccplans (languages[i], NULL, html_args, NULL, NULL), ==, 0);
      g_file_get_contents (report, &html, NULL, &error);
      g_assert_no_error (error);
      /* The report shows no ISO date of an activity, in any language. */
      g_assert_null (strstr (html, "2027-05-17"));
      if (languages[i] == NULL)
        {
          g_assert_nonnull (strstr (html, "May 17, 2027"));
          g_assert_nonnull (strstr (html, "last modified November 20, 2026, 09:30 UTC"));
        }
      else if (g_str_equal (languages[i], "fr"))
        {
          g_assert_nonnull (strstr (html, "17 mai 2027"));
          g_assert_nonnull (strstr (html, "20 novembre 2026, 09:30 UTC"));
          /* C.UTF-8 numbers: no grouping, "." decimal mark, whatever the language. */
          g_assert_nonnull (strstr (html, "18000.00\u00a0EUR"));
        }
      else if (g_str_equal (languages[i], "ru"))
        g_assert_nonnull (strstr (html, "17 мая 2027 г."));
      else if (g_str_equal (languages[i], "zh_CN"))
        g_assert_nonnull (strstr (html, "2027年5月17日"));
    }
  g_assert_cmpint (g_remove (output), ==, 0);
  g_assert_cmpint (g_remove (report), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Columns a string takes in a terminal (CJK: two per character). */
static guint
columns (const char *text,
         gsize       length)
{
  guint width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* `ccplans info` aligns its values by display width: Chinese labels are twice as wide as they
 * have characters, and not all equally long ("协调员：" and "领域："). */
static void
test_info_alignment (gconstpointer data)
{
  const char *language = data;
  const char *label_msgids[] = { "Kind:", "Field:", "Period:", "Status:", "Coordinator:",
                                 "Sources:", "Activities:", "Errors:", "Warnings:" };
  g_autofree char *path = example_path ("music-2027-h1-field-plan.xml");
  const char *args[] = { "info", NULL, NULL };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint value_column = 0, n_lines = 0;
  gboolean widths_differ = FALSE;

  use_language (language);
  for (guint i = 0; i < G_N_ELEMENTS (label_msgids); i++)
    g_ptr_array_add (labels, g_strdup (g_dgettext (GETTEXT_PACKAGE, label_msgids[i])));
  use_language (NULL);
  for (guint i = 1; i < labels->len; i++)
    {
      const char *a = g_ptr_array_index (labels, 0), *b = g_ptr_array_index (labels, i);

      if (g_utf8_strlen (a, -1) != g_utf8_strlen (b, -1))
        widths_differ = TRUE;
    }
  g_assert_true (widths_differ);

  args[1] = path;
  g_assert_cmpint (run_ccplans (language, NULL, args, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *label = NULL;
      const char *value;
      guint column;

      for (guint j = 0; j < labels->len && label == NULL; j++)
        if (g_str_has_prefix (lines[i], g_ptr_array_index (labels, j)))
          label = g_ptr_array_index (labels, j);
      g_assert_nonnull (label);
      value = lines[i] + strlen (label);
      while (*value == ' ')
        value++;
      column = columns (lines[i], (gsize) (value - lines[i]));
      if (value_column == 0)
        value_column = column;
      g_assert_cmpuint (column, ==, value_column);
      n_lines++;
    }
  g_assert_cmpuint (n_lines, ==, labels->len);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) languages = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  ccp_i18n_init ();
  g_assert_nonnull (g_getenv ("CCP_LOCALEDIR"));

  languages = linguas ();
  g_assert_cmpuint (g_strv_length (languages), >=, 5);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli-i18n/validate/%s", languages[i]);

      g_test_add_data_func (name, languages[i], test_validate_translated);
    }
  g_test_add_func ("/cli-i18n/validate/untranslated-language",
                   test_validate_untranslated_language);
  g_test_add_func ("/cli-i18n/merge/byte-identical", test_merge_byte_identical);
  g_test_add_func ("/cli-i18n/plan/write-byte-identical", test_plan_write_byte_identical);
  g_test_add_func ("/cli-i18n/export/html-language", test_export_html_language);
  g_test_add_func ("/cli-i18n/export/locale-independent-files",
                   test_export_locale_independent_files);
  g_test_add_data_func ("/cli-i18n/info/alignment/zh_CN", "zh_CN", test_info_alignment);
  g_test_add_data_func ("/cli-i18n/info/alignment/ru", "ru", test_info_alignment);

  return g_test_run ();
}
