/* test-cli-trust.c: classes of defects an outside probe found in ccplans, one test each: an
 * output that is one of the inputs, control characters reaching the terminal, counters that
 * overflow. Each runs the built tool on real files. */
#define G_LOG_DOMAIN "test-cli-trust"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

static char *tmp_dir;

static char *
scratch (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
copy_example (const char *example,
              const char *name)
{
  g_autofree char *source = ccp_cli_example_path (example);
  g_autofree char *contents = NULL;
  char *path = scratch (name);
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

static void
assert_same_contents (const char *a,
                      const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  gsize la = 0, lb = 0;

  g_assert_true (g_file_get_contents (a, &ca, &la, NULL));
  g_assert_true (g_file_get_contents (b, &cb, &lb, NULL));
  g_assert_cmpmem (ca, la, cb, lb);
}

/* The output of merge or export is refused (exit 2, both named, nothing written) when it is
 * one of the inputs: the same name, another spelling of the path, a link to it. */
static void
test_output_is_input (void)
{
  g_autofree char *plan = copy_example ("bologna-music-2027-h1.xml", "b.xml");
  g_autofree char *pristine = copy_example ("bologna-music-2027-h1.xml", "b.orig");
  g_autofree char *field_plan = copy_example ("music-2027-h1-field-plan.xml", "fp.xml");
  g_autofree char *liverpool = ccp_cli_example_path ("liverpool-music-2027-h1.xml");
  g_autofree char *link = scratch ("link.xml");
  g_autofree char *dotted = g_build_filename (tmp_dir, ".", "b.xml", NULL);
  g_autofree char *roster = scratch ("roster.csv");
  g_autofree char *roster_copy = scratch ("roster.orig");
  const char *roster_text = "city,country_iso2,field,year_designated\nBologna,IT,music,2006\n";

  g_assert_cmpint (symlink ("b.xml", link), ==, 0);
  g_assert_true (g_file_set_contents (roster, roster_text, -1, NULL));
  g_assert_true (g_file_set_contents (roster_copy, roster_text, -1, NULL));

  for (const char * const *out = (const char * const[]) { plan, dotted, link, NULL };
       *out != NULL; out++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "-o", *out, plan,
                                                                   liverpool, NULL },
                                    NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "the output file"));
      g_assert_nonnull (strstr (err, "nothing was written"));
      assert_same_contents (plan, pristine);
      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    }

  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "export", "--format", "csv",
                                                               "-o", plan, dotted, NULL },
                                NULL, NULL), ==, 2);
  assert_same_contents (plan, pristine);

  /* --into and --roster are inputs too. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (field_plan, &before, NULL, NULL));
    g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "--into", field_plan,
                                                                 "-o", field_plan, liverpool,
                                                                 NULL }, NULL, NULL), ==, 2);
    g_assert_true (g_file_get_contents (field_plan, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "--roster", roster,
                                                               "-o", roster, liverpool, NULL },
                                NULL, NULL), ==, 2);
  assert_same_contents (roster, roster_copy);

  /* A different output is written as before. */
  {
    g_autofree char *out = scratch ("out.xml");

    g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "-o", out, plan,
                                                                 liverpool, NULL },
                                  NULL, NULL), ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  }
}

/* Whether text holds anything a terminal would act on: C0 controls other than the line ends
 * of our own lines, DEL, C1 controls, bidirectional controls, invalid UTF-8. */
static gboolean
has_raw_controls (const char *text)
{
  const char *end = text + strlen (text);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return TRUE;
      if ((c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
          c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

/* A plan whose texts hold a C1 control (U+009B, the one-byte CSI), a right-to-left override
 * and a line break, in a file whose name holds ESC, BEL and a newline. */
static char *
hostile_plan (void)
{
  g_autofree char *source = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  char *path = scratch ("evil\033]0;pwned\007\033[2J\nname.xml");

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, ">Bologna</city>",
                                      ">Bologna&#x202E;&#x9B;31m</city>", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "<title>Bologna Music Week 2027</title>",
                                      "<title>Week\u202E one&#x85;\nand two</title>", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

/* Everything validate, info and merge print for a person is escaped; --json stays valid JSON
 * holding the exact texts. */
static void
test_terminal_escapes (void)
{
  g_autofree char *plan = hostile_plan ();
  g_autofree char *out_path = scratch ("escaped-out.xml");
  const char * const commands[][8] = {
    { "validate", plan, NULL },
    { "info", plan, NULL },
    { "export", "--format", "csv", "-o", plan, plan, NULL },
    { "merge", "-o", out_path, plan, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      ccp_cli_run (NULL, commands[i], &out, &err);
      g_test_message ("%s: %s%s", commands[i][0], out, err);
      g_assert_false (has_raw_controls (out));
      g_assert_false (has_raw_controls (err));
      /* The file name (or, for info, the city) is there, visibly escaped. */
      if (i == 1)
        g_assert_nonnull (strstr (out, "Bologna\\u202E\\u009B31m"));
      else
        g_assert_nonnull (strstr (i == 2 ? err : out, "evil\\e]0;pwned\\x07\\e[2J\\nname.xml"));
    }

  /* validate: every issue on one line of its own, the multi-line title's message included. */
  {
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    guint multiline = 0;

    g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "validate", plan, NULL },
                                  &out, NULL), ==, 1);
    lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
      {
        g_assert_true (g_str_has_prefix (lines[i], "/") || strstr (lines[i], "checked") != NULL);
        if (strstr (lines[i], "[text-multiline]") != NULL)
          {
            multiline++;
            g_assert_nonnull (strstr (lines[i], "\\n"));
          }
      }
    g_assert_cmpuint (multiline, ==, 1);
  }

  /* --json: valid, and the texts as they are. */
  {
    g_autofree char *out = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "info", "--json", plan, NULL },
                                  &out, NULL), ==, 1);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    /* json-glib writes the override and the C1 control as they are (valid JSON). */
    g_assert_nonnull (strstr (out, "\"Bologna\xe2\x80\xae\xc2\x9b" "31m\""));
  }
}

/* "KIRŞEHİR" revision 2 and "Kırşehir" revision 1 are one city: the newer replaces the older. */
static void
test_city_names_fold (void)
{
  g_autofree char *source = ccp_cli_example_path ("medellin-music-2027-h1.xml");
  g_autofree char *upper = scratch ("kirsehir-upper.xml");
  g_autofree char *lower = scratch ("kirsehir-lower.xml");
  g_autofree char *out_path = scratch ("kirsehir-out.xml");
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GString) a = NULL;
  g_autoptr(GString) b = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  a = g_string_new (contents);
  b = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (a, "<city country=\"CO\">Medellín</city>",
                                      "<city country=\"TR\">KIRŞEHİR</city>", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (a, "revision=\"1\"", "revision=\"2\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (b, "<city country=\"CO\">Medellín</city>",
                                      "<city country=\"TR\">Kırşehir</city>", 1), ==, 1);
  g_assert_true (g_file_set_contents (upper, a->str, -1, NULL));
  g_assert_true (g_file_set_contents (lower, b->str, -1, NULL));

  g_assert_cmpint (ccp_cli_run ((const char * const[]) { "LC_ALL=C.UTF-8", NULL },
                                (const char * const[]) { "merge", "-o", out_path, lower, upper,
                                                         NULL }, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Accepted: 1 city plan\n"));
  g_assert_nonnull (strstr (out, "Superseded by a newer revision: 1 plan"));
}

static char *
example_with (const char *example,
              const char *name,
              const char *from,
              const char *to,
              guint       count)
{
  g_autofree char *source = ccp_cli_example_path (example);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  char *path = scratch (name);

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, count), >=, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

/* Revisions: the highest is CCP_REVISION_MAX; above it is an error, and re-merging a field plan
 * at the limit is refused instead of wrapping to revision 0. */
static void
test_revision_limit (void)
{
  g_autofree char *over = example_with ("music-2027-h1-field-plan.xml", "rev-over.xml",
                                        "revision=\"1\"", "revision=\"4294967295\"", 1);
  g_autofree char *at = example_with ("music-2027-h1-field-plan.xml", "rev-max.xml",
                                      "revision=\"1\"", "revision=\"2147483647\"", 1);
  g_autofree char *mannheim = NULL;
  g_autofree char *out_path = scratch ("rev-out.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "validate", over, NULL },
                                &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "[revision-too-large]"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "validate", at, NULL },
                                &out, NULL), ==, 0);
  g_assert_null (strstr (out, "revision-too-large"));

  mannheim = ccp_cli_example_path ("mistakes/mannheim-music-2027-h1-mistakes.xml");
  for (const char * const *into = (const char * const[]) { over, at, NULL }; *into; into++)
    {
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "--into", *into,
                                                                   "-o", out_path, mannheim,
                                                                   NULL }, NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "the highest a plan can have"));
      g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
    }
}

/* Amounts: 15 digits before the point at most; three of the largest add up exactly in the
 * report; one digit more is an error, never a wrapped or dropped total. */
static void
test_amount_limits (void)
{
  g_autofree char *big = example_with ("bologna-music-2027-h1.xml", "big.xml",
                                       "amount=\"", "amount=\"99999999999999", 4);
  g_autofree char *huge = example_with ("bologna-music-2027-h1.xml", "huge.xml",
                                        "amount=\"120000.00\"", "amount=\"1000000000000000\"",
                                        1);
  g_autofree char *html_path = scratch ("big.html");
  g_autofree char *html = NULL;
  g_autofree char *out = NULL;

  /* 99999999999999120000.00 is 20 digits: made 15 by keeping the largest valid amounts. */
  {
    g_autofree char *contents = NULL;
    g_autoptr(GString) text = NULL;

    g_assert_true (g_file_get_contents (big, &contents, NULL, NULL));
    text = g_string_new (contents);
    g_string_replace (text, "amount=\"99999999999999120000.00\"",
                      "amount=\"999999999999999.99\"", 1);
    g_string_replace (text, "amount=\"9999999999999918000.00\"",
                      "amount=\"999999999999999.99\"", 1);
    g_string_replace (text, "amount=\"9999999999999935000.00\"",
                      "amount=\"999999999999999.99\"", 1);
    g_assert_true (g_file_set_contents (big, text->str, -1, NULL));
  }
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "validate", big, NULL },
                                &out, NULL), ==, 0);
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "export", "--format", "html",
                                                               "-o", html_path, big, NULL },
                                NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "2999999999999999.97"));
  g_assert_null (strstr (html, "unreadable"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "validate", huge, NULL },
                                &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "[budget-amount-too-large]"));
}

/* Plan text in the HTML report is bidi-isolated: a city name ending in an unclosed U+202E
 * (RIGHT-TO-LEFT OVERRIDE) cannot reverse the heading or a report sentence around it. */
static void
test_html_isolates_plan_text (void)
{
  g_autofree char *plan = example_with ("bologna-music-2027-h1.xml", "rlo.xml",
                                        ">Bologna</city>", ">Bologna\xe2\x80\xae</city>", 1);
  g_autofree char *liverpool = ccp_cli_example_path ("liverpool-music-2027-h1.xml");
  g_autofree char *html_path = scratch ("rlo.html");
  g_autofree char *field_plan = scratch ("rlo-field.xml");
  g_autofree char *field_html = scratch ("rlo-field.html");
  g_autofree char *html = NULL;
  g_autofree char *report = NULL;
  /* FSI, the name and its override, PDI: the override ends with the isolate. */
  const char *isolated = "\xe2\x81\xa8" "Bologna\xe2\x80\xae" "\xe2\x81\xa9";

  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "export", "--format", "html",
                                                               "-o", html_path, plan, NULL },
                                NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<h1>"));
  g_assert_nonnull (strstr (strstr (html, "<h1>"), isolated));

  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "merge", "-o", field_plan, plan,
                                                               liverpool, NULL },
                                NULL, NULL), ==, 0);
  g_assert_cmpint (ccp_cli_run (NULL, (const char * const[]) { "export", "--format", "html",
                                                               "-o", field_html, field_plan,
                                                               NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (field_html, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "id=\"report\""));
  /* In the merge report's sentences too (the joint activity names both cities). */
  g_assert_nonnull (strstr (strstr (report, "id=\"report\""), isolated));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ccp-cli-trust-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/trust/output-is-input", test_output_is_input);
  g_test_add_func ("/cli/trust/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/cli/trust/city-names-fold", test_city_names_fold);
  g_test_add_func ("/cli/trust/revision-limit", test_revision_limit);
  g_test_add_func ("/cli/trust/amount-limits", test_amount_limits);
  g_test_add_func ("/cli/trust/html-isolates-plan-text", test_html_isolates_plan_text);

  status = g_test_run ();
  ccp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
