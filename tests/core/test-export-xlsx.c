/* test-export-xlsx.c: the XLSX export in-process: generated city plans and field plans export
 * to a ZIP workbook, the same plan to the same bytes, texts past Excel's cell limit are cut
 * instead of failing the export, no temporary folder is left behind, and the ISO 4217 minor
 * units. (A missing temporary folder: tests/cli/test-export-formats.py.) The cells themselves are read back by an independent reader in
 * tests/cli/test-export-formats.py. */
#define G_LOG_DOMAIN "test-export-xlsx"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-currency.h"
#include "ccp-export.h"
#include "ccp-test-util.h"

#define N_SEEDS 20
#define PERIOD "2027-H1"

static char *tmp_dir;

static GBytes *
export_ok (GObject *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ccp_export_full (document, CCP_EXPORT_FORMAT_XLSX, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  /* A ZIP archive: local file header signature. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 4);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "PK\003\004", 4);
  return bytes;
}

static void
assert_no_temporary_left (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_error ("left in the temporary folder: %s", name);
}

static void
test_generated (void)
{
  g_autoptr(GPtrArray) cities = ccp_registry_list_field (ccp_registry_get_default (), "music");

  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpMerge) merge = ccp_merge_new ();
      g_autoptr(CcpFieldPlan) field_plan = NULL;
      g_autoptr(GBytes) merged = NULL;
      g_autoptr(GError) error = NULL;

      ccp_merge_set_consolidated (merge, "2027-01-15T08:00:00Z");
      ccp_merge_set_field (merge, "music");
      ccp_merge_set_period (merge, PERIOD);
      for (guint i = 0; i < 3; i++)
        {
          CcpMemberCity *city = g_ptr_array_index (cities, (seed * 3 + i * 11) % cities->len);
          g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, ccp_member_city_get_name (city),
                                                          ccp_member_city_get_country (city),
                                                          "music", PERIOD,
                                                          g_rand_int_range (rand, 1, 8));
          g_autoptr(GBytes) bytes = export_ok (G_OBJECT (plan));
          g_autoptr(GBytes) again = export_ok (G_OBJECT (plan));
          g_autoptr(GBytes) written = ccp_writer_write_plan (plan);
          g_autofree char *name = g_strdup_printf ("plan-%u.xml", i);

          g_assert_true (g_bytes_equal (bytes, again));
          ccp_merge_add_bytes (merge, name, written);
        }
      field_plan = ccp_merge_run (merge, &error);
      g_assert_no_error (error);
      merged = export_ok (G_OBJECT (field_plan));
    }
  assert_no_temporary_left ();
}

/* Excel refuses cells longer than 32,767 characters: such a text is cut, the export works. */
static void
test_long_text (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", PERIOD, 1);
  g_autoptr(CcpActivity) activity =
    g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  while (text->len < 120000)
    g_string_append (text, "Città créative — 创意城市 ");
  ccp_activity_set_description (activity, text->str);
  ccp_activity_set_title (activity, "=HYPERLINK(\"http://example.org/\",\"x\")");
  ccp_activity_set_start_date (activity, "not a date");
  ccp_activity_set_budget_amount (activity, "12,50");
  bytes = export_ok (G_OBJECT (plan));
  assert_no_temporary_left ();
}

static void
test_minor_units (void)
{
  g_assert_cmpuint (ccp_currency_get_minor_unit ("EUR"), ==, 2);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("JPY"), ==, 0);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("KRW"), ==, 0);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("XOF"), ==, 0);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("KWD"), ==, 3);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("TND"), ==, 3);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("CLF"), ==, 4);
  g_assert_cmpuint (ccp_currency_get_minor_unit ("XAU"), ==, 2);  /* N.A.: shown with two */
  g_assert_cmpuint (ccp_currency_get_minor_unit ("ZZZ"), ==, 2);
  g_assert_cmpuint (ccp_currency_get_minor_unit (""), ==, 2);
  g_assert_cmpuint (ccp_currency_get_minor_unit (NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  const char *parent = g_getenv ("TMPDIR");
  int status;

  /* Our and libxlsxwriter's temporary files go to a folder of this test, checked empty by the
   * tests. GLib reads TMPDIR once, so it is set before anything asks for it. */
  tmp_dir = g_build_filename (parent != NULL && *parent != '\0' ? parent : "/tmp",
                              "ccp-test-xlsx-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_dir));
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_dir);

  g_test_add_func ("/export-xlsx/minor-units", test_minor_units);
  g_test_add_func ("/export-xlsx/generated", test_generated);
  g_test_add_func ("/export-xlsx/long-text", test_long_text);
  status = g_test_run ();
  ccp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
