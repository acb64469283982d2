/* test-cli-trust.c: classes of defects an outside probe found in ccplans, one test each: an
 * output that is one of the inputs, control characters reaching the terminal, counters that
 * overflow. Each runs the built tool on real files. */
#define G_LOG_DOMAIN "test-cli-trust"

#include "config.h"

#include <gio/gio.h>
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

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ccp-cli-trust-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/trust/output-is-input", test_output_is_input);

  status = g_test_run ();
  ccp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
