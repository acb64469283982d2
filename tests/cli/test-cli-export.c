/* Runs the built `ccplans export` on the examples: CSV and HTML of a city plan and of the field
 * plan, bad usage, and a failed export that leaves the previous file alone. */
#define G_LOG_DOMAIN "test-cli-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

static char *tmp_dir;

static int
run_ccplans (const char * const *args,
             char              **err)
{
  return ccp_cli_run (NULL, args, NULL, err);
}

static char *
scratch (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Records of an RFC 4180 file: CRLF outside quoted fields. */
static guint
count_records (const char *text,
               gsize       len)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\r')
        {
          g_assert_true (i + 1 < len && text[i + 1] == '\n');
          records++;
        }
      else if (!quoted)
        g_assert_true (text[i] != '\n' || (i > 0 && text[i - 1] == '\r'));
    }
  g_assert_false (quoted);
  return records;
}

static void
test_csv (void)
{
  g_autofree char *plan = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *field_plan = ccp_cli_example_path ("music-2027-h1-field-plan.xml");
  g_autofree char *out = scratch ("plan.csv");
  g_autofree char *out2 = scratch ("field.csv");
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  gsize len, len2;

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "-o",
                                                         out, plan, NULL }, NULL), ==, 0);
  text = read_file (out, &len);
  g_assert_true (g_str_has_prefix (text, "id,city,country,"));
  g_assert_nonnull (strstr (text, ",title,"));
  /* The header and the four activities of Bologna's plan. */
  g_assert_cmpuint (count_records (text, len), ==, 5);

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "-f", "CSV", "-o", out2,
                                                         field_plan, NULL }, NULL), ==, 0);
  text2 = read_file (out2, &len2);
  /* The joint activity has one row per city, each with its own budget. */
  g_assert_nonnull (strstr (text2, "uccn-music-2027-h1-songwriting-exchange,Bologna,IT,"));
  g_assert_nonnull (strstr (text2, "uccn-music-2027-h1-songwriting-exchange,Liverpool,GB,"));
  g_assert_null (strstr (text2, "Bologna; Liverpool"));
  g_assert_cmpuint (count_records (text2, len2), >, 5);
}

/* --bom: the same bytes after the UTF-8 byte-order mark; refused with HTML. */
static void
test_csv_bom (void)
{
  g_autofree char *plan = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *out = scratch ("plain.csv");
  g_autofree char *out_bom = scratch ("bom.csv");
  g_autofree char *out_html = scratch ("bom.html");
  g_autofree char *text = NULL;
  g_autofree char *text_bom = NULL;
  gsize len, len_bom;

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "-o",
                                                         out, plan, NULL }, NULL), ==, 0);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "--bom",
                                                         "-o", out_bom, plan, NULL }, NULL), ==, 0);
  text = read_file (out, &len);
  text_bom = read_file (out_bom, &len_bom);
  g_assert_false (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_cmpuint (len_bom, ==, len + 3);
  g_assert_cmpmem (text_bom, 3, "\xef\xbb\xbf", 3);
  g_assert_cmpmem (text_bom + 3, len, text, len);

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "html", "--bom",
                                                         "-o", out_html, plan, NULL }, NULL), ==, 2);
  g_assert_false (g_file_test (out_html, G_FILE_TEST_EXISTS));
}

static void
test_html (void)
{
  g_autofree char *field_plan = ccp_cli_example_path ("music-2027-h1-field-plan.xml");
  g_autofree char *out = scratch ("field.html");
  g_autofree char *text = NULL;
  xmlDoc *doc;
  xmlChar *lang;
  gsize len;

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "html", "-o",
                                                         out, field_plan, NULL }, NULL), ==, 0);
  text = read_file (out, &len);
  doc = xmlReadMemory (text, (int) len, "field.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  lang = xmlGetProp (xmlDocGetRootElement (doc), BAD_CAST "lang");
  g_assert_cmpstr ((const char *) lang, ==, "en");
  xmlFree (lang);
  xmlFreeDoc (doc);
  g_assert_nonnull (strstr (text, "Medellín"));
}

static void
test_errors (void)
{
  g_autofree char *plan = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *out = scratch ("kept.csv");
  g_autofree char *broken = scratch ("broken.xml");
  g_autofree char *stderr_text = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (out, "previous export", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "<city-plan", -1, NULL));

  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "pdf", "-o",
                                                         out, plan, NULL }, &stderr_text), ==, 2);
  g_assert_nonnull (strstr (stderr_text, "pdf"));
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "-o", out, plan, NULL },
                                NULL), ==, 2);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", plan,
                                                         NULL }, NULL), ==, 2);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "-o",
                                                         out, broken, NULL }, NULL), ==, 2);
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "-o",
                                                         out, "/nonexistent.xml", NULL },
                                NULL), ==, 2);
  /* The target is a folder: the export fails and the folder stays. */
  g_assert_cmpint (run_ccplans ((const char * const[]) { "export", "--format", "csv", "-o",
                                                         tmp_dir, plan, NULL }, NULL), ==, 2);
  g_assert_true (g_file_test (tmp_dir, G_FILE_TEST_IS_DIR));

  kept = read_file (out, NULL);
  g_assert_cmpstr (kept, ==, "previous export");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ccplans-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli/export/csv", test_csv);
  g_test_add_func ("/cli/export/csv-bom", test_csv_bom);
  g_test_add_func ("/cli/export/html", test_html);
  g_test_add_func ("/cli/export/errors", test_errors);

  status = g_test_run ();
  ccp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
