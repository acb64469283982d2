/* test-merge-runs.c: how a merge runs: in a thread for the GUI, once for the command line
 * (letting go of the bytes as it reads them), from files its threads load, and at the scale of
 * the whole Network (400 plans of 100 activities). The cases of the merge: test-merge.c. */
#define G_LOG_DOMAIN "test-merge-runs"

#include "config.h"

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-test-merge.h"
#include "ccp-test-util.h"

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CcpFieldPlan **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ccp_merge_run_finish (CCP_MERGE (object), result, &error);
  g_assert_no_error (error);
}

/* The GUI merges in a thread: same result as the synchronous call. */
static void
test_async (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 5);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 5);
  g_autoptr(CcpMerge) sync_merge = ccp_test_merge_new ();
  g_autoptr(CcpMerge) async_merge = ccp_test_merge_new ();
  g_autoptr(CcpFieldPlan) expected = NULL;
  g_autoptr(CcpFieldPlan) actual = NULL;
  g_autoptr(GError) error = NULL;

  ccp_test_merge_add_plan (sync_merge, "b.xml", bologna);
  ccp_test_merge_add_plan (sync_merge, "l.xml", liverpool);
  ccp_test_merge_add_plan (async_merge, "l.xml", liverpool);
  ccp_test_merge_add_plan (async_merge, "b.xml", bologna);
  expected = ccp_merge_run (sync_merge, &error);
  g_assert_no_error (error);

  ccp_merge_run_async (async_merge, NULL, async_done_cb, &actual);
  while (actual == NULL)
    g_main_context_iteration (NULL, TRUE);

  ccp_test_assert_same_field_plan (expected, actual);
  g_assert_cmpint (ccp_merge_get_input (async_merge, 1)->status, ==, CCP_MERGE_INPUT_ACCEPTED);
}

/* A single run (the command line's) lets go of the files' bytes as it reads them: same field
 * plan as a merge that keeps them (a refused file included), and no second run. */
static void
test_single_run (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 20);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 20);
  g_autoptr(CcpPlan) other = ccp_test_random_plan (rand, "Seville", "ES", "music", "2026-H2", 3);
  g_autoptr(CcpMerge) kept = ccp_test_merge_new ();
  g_autoptr(CcpMerge) single = ccp_test_merge_new ();
  g_autoptr(CcpFieldPlan) expected = NULL;
  g_autoptr(CcpFieldPlan) actual = NULL;
  g_autoptr(CcpFieldPlan) again = NULL;
  g_autoptr(GError) error = NULL;

  ccp_merge_set_single_run (single, TRUE);
  ccp_test_merge_add_plan (kept, "b.xml", bologna);
  ccp_test_merge_add_plan (kept, "l.xml", liverpool);
  ccp_test_merge_add_plan (kept, "s.xml", other);
  ccp_test_merge_add_plan (single, "b.xml", bologna);
  ccp_test_merge_add_plan (single, "l.xml", liverpool);
  ccp_test_merge_add_plan (single, "s.xml", other);
  expected = ccp_merge_run (kept, &error);
  g_assert_no_error (error);
  actual = ccp_merge_run (single, &error);
  g_assert_no_error (error);

  ccp_test_assert_same_field_plan (expected, actual);
  ccp_test_assert_refused (actual, "s.xml", "other-period");

  g_test_expect_message ("ccp-merge", G_LOG_LEVEL_CRITICAL, "*has_run*");
  again = ccp_merge_run (single, &error);
  g_test_assert_expected_messages ();
  g_assert_null (again);
  g_assert_no_error (error);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
}

/* Files given to be loaded by the run's threads: the same field plan as their bytes given
 * (the names are recorded, not the paths); those that cannot be loaded are no inputs, said in
 * the order given; a run that is not single loads each file once. */
static void
test_files (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(CcpPlan) bologna = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 12);
  g_autoptr(CcpPlan) liverpool = ccp_test_random_plan (rand, "Liverpool", "GB", "music",
                                                       "2027-H1", 12);
  g_autoptr(GBytes) bologna_bytes = ccp_writer_write_plan (bologna);
  g_autoptr(GBytes) liverpool_bytes = ccp_writer_write_plan (liverpool);
  g_autofree char *dir = g_dir_make_tmp ("ccp-merge-files-XXXXXX", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.xml", NULL);
  g_autofree char *l_path = g_build_filename (dir, "l.xml", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.xml", NULL);
  g_autoptr(GFile) b_file = g_file_new_for_path (b_path);
  g_autoptr(GFile) l_file = g_file_new_for_path (l_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(CcpMerge) given = ccp_test_merge_new ();
  g_autoptr(CcpMerge) loaded = ccp_test_merge_new ();
  g_autoptr(CcpFieldPlan) expected = NULL;
  g_autoptr(CcpFieldPlan) actual = NULL;
  g_autoptr(CcpFieldPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error = NULL;

  g_assert_nonnull (dir);
  write_bytes (b_path, bologna_bytes);
  write_bytes (l_path, liverpool_bytes);
  ccp_merge_add_bytes (given, "b.xml", bologna_bytes);
  ccp_merge_add_bytes (given, "l.xml", liverpool_bytes);
  ccp_merge_add_file (loaded, "missing.xml", missing);
  ccp_merge_add_file (loaded, "b.xml", b_file);
  ccp_merge_add_file (loaded, "folder", folder);
  ccp_merge_add_file (loaded, "l.xml", l_file);
  expected = ccp_merge_run (given, &error);
  g_assert_no_error (error);
  actual = ccp_merge_run (loaded, &error);
  g_assert_no_error (error);

  ccp_test_assert_same_field_plan (expected, actual);
  g_assert_cmpuint (ccp_merge_get_n_inputs (loaded), ==, 2);
  g_assert_cmpstr (ccp_merge_get_input (loaded, 0)->file, ==, "b.xml");
  g_assert_cmpstr (ccp_merge_get_input (loaded, 1)->file, ==, "l.xml");
  g_assert_cmpstr (ccp_merge_get_input (loaded, 0)->sha256, ==,
                   ccp_merge_get_input (given, 0)->sha256);
  g_assert_cmpuint (ccp_merge_count_refused (loaded), ==, 0);
  g_assert_cmpuint (ccp_merge_get_n_unloadable (loaded), ==, 2);
  g_assert_cmpstr (ccp_merge_get_unloadable (loaded, 0, &load_error), ==, "missing.xml");
  g_assert_error (load_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (ccp_merge_get_unloadable (loaded, 1, &load_error), ==, "folder");
  g_assert_error (load_error, CCP_ERROR, CCP_ERROR_NOT_REGULAR);

  /* Not single: the bytes loaded stay for the next run, which reads no file again. */
  g_assert_no_errno (g_unlink (b_path));
  again = ccp_merge_run (loaded, &error);
  g_assert_no_error (error);
  ccp_test_assert_same_field_plan (expected, again);
  g_assert_cmpuint (ccp_merge_get_n_unloadable (loaded), ==, 2);

  ccp_test_remove_tree (dir);
}

/* The scale of the whole Network: 400 plans of 100 activities. */
static void
test_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (400);
  g_autoptr(CcpMerge) merge = ccp_test_merge_new ();
  GListModel *registry = ccp_registry_get_cities (ccp_registry_get_default ());
  g_autoptr(GPtrArray) cities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* Real member cities of every field (a network overview), then made-up ones if needed. */
  for (guint i = 0; i < g_list_model_get_n_items (registry) && cities->len < 400; i++)
    g_ptr_array_add (cities, g_list_model_get_item (registry, i));
  for (guint i = cities->len; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("City %u", i);

      g_ptr_array_add (cities, ccp_member_city_new (name, "FR", "music", 2020));
    }

  ccp_merge_set_field (merge, CCP_FIELD_NETWORK);
  ccp_merge_set_period (merge, "2027-H1");
  for (guint i = 0; i < 400; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (cities, i);
      g_autofree char *name = g_strdup_printf ("plan-%03u.xml", i);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, ccp_member_city_get_name (city),
                                           ccp_member_city_get_country (city),
                                           ccp_member_city_get_field (city), "2027-H1", 100);

      ccp_test_merge_add_plan (merge, name, plan);
    }

  start = g_get_monotonic_time ();
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  g_test_message ("Merged 400 plans of 100 activities in %.1f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (ccp_test_n_items (ccp_field_plan_get_activities (result)), ==, 40000);
  g_assert_cmpuint (ccp_merge_count_refused (merge), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/single-run", test_single_run);
  g_test_add_func ("/merge/files", test_files);
  g_test_add_func ("/merge/async", test_async);
  g_test_add_func ("/merge/large", test_large);

  return g_test_run ();
}
