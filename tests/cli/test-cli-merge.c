/* Runs the built `ccplans merge` on the shipped examples and on bad inputs, and checks its
 * report, its exit status and the file it writes (or leaves alone). */
#define G_LOG_DOMAIN "test-cli-merge"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

/* The SOURCE_DATE_EPOCH the shipped field plan example was made with (2027-01-15T08:00:00Z). */
#define EPOCH "1800000000"

static char *tmp_dir;

/* Runs ccplans with args (NULL-terminated, without the program) and SOURCE_DATE_EPOCH set;
 * returns the exit status. */
static int
run_ccplans (const char * const *args,
             char              **out,
             char              **err)
{
  static const char * const env[] = { "SOURCE_DATE_EPOCH=" EPOCH, NULL };

  return ccp_cli_run (env, args, out, err);
}

static char *
scratch (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_schema_valid (const char *path)
{
  xmlSchemaParserCtxt *parser = xmlSchemaNewParserCtxt (g_getenv ("CCP_SCHEMA"));
  xmlSchema *schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxt *context = xmlSchemaNewValidCtxt (schema);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (context, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (context);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static GPtrArray *
example_args (const char *out)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("merge"));
  g_ptr_array_add (args, g_strdup ("-o"));
  g_ptr_array_add (args, g_strdup (out));
  g_ptr_array_add (args, ccp_cli_example_path ("bologna-music-2027-h1.xml"));
  g_ptr_array_add (args, ccp_cli_example_path ("liverpool-music-2027-h1.xml"));
  g_ptr_array_add (args, ccp_cli_example_path ("medellin-music-2027-h1.xml"));
  return args;
}

static int
run_args (GPtrArray *args,
          char     **out,
          char     **err)
{
  g_ptr_array_add (args, NULL);
  return run_ccplans ((const char * const *) args->pdata, out, err);
}

static void
test_examples (void)
{
  g_autofree char *out = scratch ("field.xml");
  g_autoptr(GPtrArray) args = example_args (out);
  g_autofree char *stdout_text = NULL;
  g_autofree char *written = NULL;
  g_autofree char *golden_path = ccp_cli_example_path ("music-2027-h1-field-plan.xml");
  g_autofree char *golden = read_file (golden_path);

  g_assert_cmpint (run_args (args, &stdout_text, NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "Accepted: 3 city plans"));
  g_assert_nonnull (strstr (stdout_text, "Joint activities: 1 merged"));
  g_assert_nonnull (strstr (stdout_text, "Member cities without an accepted plan:"));
  g_assert_nonnull (strstr (stdout_text, "Wrote "));
  g_assert_null (strstr (stdout_text, "Refused"));

  /* The shipped example is exactly this output. */
  written = read_file (out);
  g_assert_cmpstr (written, ==, golden);
  assert_schema_valid (out);
}

static void
test_some_refused (void)
{
  g_autofree char *out = scratch ("refused.xml");
  g_autofree char *garbage = scratch ("garbage.xml");
  g_autofree char *other = scratch ("bologna-h2.xml");
  g_autofree char *bologna_path = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *bologna = read_file (bologna_path);
  g_autoptr(GString) h2 = g_string_new (bologna);
  g_autoptr(GPtrArray) args = example_args (out);
  g_autofree char *stdout_text = NULL;

  write_file (garbage, "<unclosed");
  g_string_replace (h2, "<period>2027-H1</period>", "<period>2027-H2</period>", 1);
  write_file (other, h2->str);
  g_ptr_array_add (args, g_strdup (garbage));
  g_ptr_array_add (args, g_strdup (other));

  g_assert_cmpint (run_args (args, &stdout_text, NULL), ==, 1);
  g_assert_nonnull (strstr (stdout_text, "Refused: 2 files"));
  g_assert_nonnull (strstr (stdout_text, "garbage.xml"));
  g_assert_nonnull (strstr (stdout_text, "2027-H2"));
  /* Still written, with the refusals recorded. */
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *written = read_file (out);

    g_assert_nonnull (strstr (written, "reason=\"unreadable\""));
    g_assert_nonnull (strstr (written, "reason=\"other-period\""));
  }
}

/* Files that cannot be loaded (loaded by the merge's threads): each named once on stderr, in
 * the order given, with why; exit 1; the field plan exactly that of the others. */
static void
test_unloadable (void)
{
  g_autofree char *out = scratch ("unloadable.xml");
  g_autofree char *missing = scratch ("missing-plan.xml");
  g_autofree char *folder = scratch ("a-folder.xml");
  g_autofree char *golden_path = ccp_cli_example_path ("music-2027-h1-field-plan.xml");
  g_autofree char *golden = read_file (golden_path);
  g_autofree char *written = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(GPtrArray) args = example_args (out);
  const char *first, *second;

  g_assert_no_errno (g_mkdir (folder, 0700));
  g_ptr_array_insert (args, 4, g_strdup (missing));
  g_ptr_array_add (args, g_strdup (folder));
  g_assert_cmpint (run_args (args, NULL, &stderr_text), ==, 1);

  first = strstr (stderr_text, "missing-plan.xml: error: ");
  second = strstr (stderr_text, "a-folder.xml: error: ");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_null (strstr (first + 1, "missing-plan.xml"));
  g_assert_null (strstr (second + 1, "a-folder.xml"));
  written = read_file (out);
  g_assert_cmpstr (written, ==, golden);
  g_assert_no_errno (g_rmdir (folder));
}

static void
test_nothing_usable (void)
{
  g_autofree char *out = scratch ("precious.xml");
  g_autofree char *garbage = scratch ("garbage2.xml");
  g_autofree char *stderr_text = NULL;
  g_autofree char *kept = NULL;

  write_file (out, "precious content");
  write_file (garbage, "not a plan at all");
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "-o", out, garbage, NULL },
                                NULL, &stderr_text), ==, 2);
  g_assert_nonnull (strstr (stderr_text, "garbage2.xml"));
  kept = read_file (out);
  g_assert_cmpstr (kept, ==, "precious content");

  /* A file that does not exist either. */
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "-o", out,
                                                         "/nonexistent/plan.xml", NULL },
                                NULL, NULL), ==, 2);
  g_free (kept);
  kept = read_file (out);
  g_assert_cmpstr (kept, ==, "precious content");
}

static void
test_into_idempotent (void)
{
  g_autofree char *out = scratch ("into.xml");
  g_autofree char *again = scratch ("into-again.xml");
  g_autoptr(GPtrArray) args = example_args (out);
  g_autoptr(GPtrArray) args2 = example_args (again);
  g_autofree char *stdout_text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (run_args (args, NULL, NULL), ==, 0);
  g_ptr_array_add (args2, g_strdup ("--into"));
  g_ptr_array_add (args2, g_strdup (out));
  g_assert_cmpint (run_args (args2, &stdout_text, NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "did not change"));
  first = read_file (out);
  second = read_file (again);
  g_assert_cmpstr (first, ==, second);
}

static void
test_superseded (void)
{
  g_autofree char *out = scratch ("superseded.xml");
  g_autofree char *newer = scratch ("bologna-rev4.xml");
  g_autofree char *bologna_path = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *bologna = read_file (bologna_path);
  g_autoptr(GString) rev4 = g_string_new (bologna);
  g_autoptr(GPtrArray) args = example_args (out);
  g_autofree char *stdout_text = NULL;

  g_assert_cmpuint (g_string_replace (rev4, "revision=\"3\"", "revision=\"4\"", 1), ==, 1);
  write_file (newer, rev4->str);
  g_ptr_array_add (args, g_strdup (newer));

  /* Superseded is not refused. */
  g_assert_cmpint (run_args (args, &stdout_text, NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "Superseded by a newer revision: 1 plan"));
  g_assert_nonnull (strstr (stdout_text, "bologna-rev4.xml"));
}

static void
test_strict (void)
{
  g_autofree char *out = scratch ("strict.xml");
  g_autofree char *mistakes = ccp_cli_example_path ("mistakes/mannheim-music-2027-h1-mistakes.xml");
  g_autofree char *bologna = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *stdout_text = NULL;

  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "-o", out, bologna,
                                                         mistakes, NULL },
                                &stdout_text, NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "accepted with"));
  g_clear_pointer (&stdout_text, g_free);

  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "--strict", "-o", out,
                                                         bologna, mistakes, NULL },
                                &stdout_text, NULL), ==, 1);
  g_assert_nonnull (strstr (stdout_text, "Refused: 1 file"));
  g_assert_nonnull (strstr (stdout_text, "validation error"));
}

static void
test_roster (void)
{
  g_autofree char *out = scratch ("roster-out.xml");
  g_autofree char *roster = scratch ("roster.csv");
  g_autoptr(GPtrArray) args = example_args (out);
  g_autofree char *stdout_text = NULL;
  g_autofree char *written = NULL;

  write_file (roster, "city,country_iso2,field,year_designated\n"
                      "Bologna,IT,music,2006\n"
                      "Hanover,DE,music,2014\n"
                      "Busan,KR,film,2014\n");
  g_ptr_array_add (args, g_strdup ("--roster"));
  g_ptr_array_add (args, g_strdup (roster));
  g_assert_cmpint (run_args (args, &stdout_text, NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "Member cities without an accepted plan: 1"));
  g_assert_nonnull (strstr (stdout_text, "Hanover (DE)"));

  written = read_file (out);
  g_assert_nonnull (strstr (written, "<member country=\"DE\">Hanover</member>"));
  g_assert_null (strstr (written, "Busan"));
}

static void
test_usage (void)
{
  g_autofree char *out = scratch ("usage.xml");
  g_autofree char *bologna = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *stderr_text = NULL;

  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", bologna, NULL }, NULL,
                                &stderr_text), ==, 2);
  g_assert_nonnull (strstr (stderr_text, "-o"));
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "-o", out, NULL }, NULL,
                                NULL), ==, 2);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "--period", "2027-H3", "-o",
                                                         out, bologna, NULL }, NULL, NULL),
                   ==, 2);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "--field", "juggling", "-o",
                                                         out, bologna, NULL }, NULL, NULL),
                   ==, 2);
  /* A city plan is not something to merge into. */
  g_assert_cmpint (run_ccplans ((const char * const[]) { "merge", "--into", bologna, "-o",
                                                         out, bologna, NULL }, NULL, NULL),
                   ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ccplans-merge-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/merge/examples", test_examples);
  g_test_add_func ("/cli/merge/some-refused", test_some_refused);
  g_test_add_func ("/cli/merge/unloadable", test_unloadable);
  g_test_add_func ("/cli/merge/nothing-usable", test_nothing_usable);
  g_test_add_func ("/cli/merge/into-idempotent", test_into_idempotent);
  g_test_add_func ("/cli/merge/superseded", test_superseded);
  g_test_add_func ("/cli/merge/strict", test_strict);
  g_test_add_func ("/cli/merge/roster", test_roster);
  g_test_add_func ("/cli/merge/usage", test_usage);

  status = g_test_run ();
  ccp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
