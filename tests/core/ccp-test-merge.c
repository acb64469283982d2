/* ccp-test-merge.c: the merge tests' shared helpers (ccp-test-merge.h). */
#define G_LOG_DOMAIN "ccp-test-merge"

#include "config.h"

#include "ccp-test-merge.h"

CcpMerge *
ccp_test_merge_new (void)
{
  CcpMerge *merge = ccp_merge_new ();

  ccp_merge_set_consolidated (merge, CCP_TEST_MERGE_WHEN);
  return merge;
}

void
ccp_test_merge_add_plan (CcpMerge   *merge,
                         const char *name,
                         CcpPlan    *plan)
{
  g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);

  ccp_merge_add_bytes (merge, name, bytes);
}

guint
ccp_test_n_items (CcpItemList *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

void
ccp_test_assert_same_field_plan (CcpFieldPlan *expected,
                                 CcpFieldPlan *actual)
{
  g_autoptr(GBytes) a = ccp_writer_write_field_plan (expected);
  g_autoptr(GBytes) b = ccp_writer_write_field_plan (actual);

  g_assert_true (g_bytes_equal (a, b));
}

CcpSource *
ccp_test_source_of_file (CcpFieldPlan *field_plan,
                         const char   *file)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (g_str_equal (ccp_source_get_file (source), file))
        return source;
    }
  return NULL;
}

GPtrArray *
ccp_test_report_items (CcpFieldPlan *field_plan,
                       const char   *kind,
                       const char   *code)
{
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

      if (g_str_equal (ccp_report_item_get_kind (item), kind) &&
          (code == NULL || g_str_equal (ccp_report_item_get_code (item), code)))
        g_ptr_array_add (found, g_object_ref (item));
    }
  return found;
}

void
ccp_test_assert_refused (CcpFieldPlan *field_plan,
                         const char   *file,
                         const char   *reason)
{
  CcpSource *source = ccp_test_source_of_file (field_plan, file);
  g_autoptr(GPtrArray) items = ccp_test_report_items (field_plan, "refused", reason);
  gboolean found = FALSE;

  g_assert_nonnull (source);
  g_assert_cmpint (ccp_source_get_status (source), ==, CCP_SOURCE_STATUS_REFUSED);
  g_assert_cmpstr (ccp_source_get_reason (source), ==, reason);
  g_assert_cmpuint (ccp_source_get_sha256 (source)[0] != '\0', ==, TRUE);
  for (guint i = 0; i < items->len; i++)
    found = found || g_str_equal (ccp_report_item_get_file (g_ptr_array_index (items, i)), file);
  g_assert_true (found);
}
