/* fuzz-validator.c: libFuzzer harness that reads untrusted bytes and, when they are a plan or a
 * field plan, validates them (whole, plan fields, each activity), locates the issues and exports
 * the document as CSV and HTML: everything a received file goes through. */
#define G_LOG_DOMAIN "fuzz-validator"

#include "config.h"

#include "fuzz-common.h"

static CcpValidator *validator;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  validator = ccp_validator_new ();
  return 0;
}

static void
check_issues (GPtrArray    *issues,
              CcpLocations *locations)
{
  g_assert_nonnull (issues);
  if (locations != NULL)
    ccp_locations_apply (locations, issues);
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      g_assert_true (CCP_IS_ISSUE (issue));
      g_assert_true (g_utf8_validate (ccp_issue_get_message (issue), -1, NULL));
      g_assert_nonnull (ccp_issue_get_rule (issue));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(CcpLocations) locations = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) html = NULL;

  document = ccp_reader_read_bytes (bytes, "fuzz.xml", NULL, &locations, NULL);
  if (document == NULL)
    return 0;

  if (CCP_IS_PLAN (document))
    {
      CcpPlan *plan = CCP_PLAN (document);
      g_autoptr(GPtrArray) all = ccp_validator_check_plan (validator, plan);
      g_autoptr(GPtrArray) fields = ccp_validator_check_plan_fields (validator, plan);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));

      check_issues (all, locations);
      check_issues (fields, locations);
      g_assert_cmpuint (fields->len, <=, all->len);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GPtrArray) one = ccp_validator_check_activity (validator, plan, i);

          check_issues (one, locations);
        }
    }
  else
    {
      g_autoptr(GPtrArray) all =
        ccp_validator_check_field_plan (validator, CCP_FIELD_PLAN (document));

      check_issues (all, locations);
    }

  csv = ccp_export (document, CCP_EXPORT_FORMAT_CSV);
  g_assert_nonnull (csv);
  g_assert_true (g_utf8_validate (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  html = ccp_export (document, CCP_EXPORT_FORMAT_HTML);
  g_assert_nonnull (html);
  g_assert_true (g_utf8_validate (g_bytes_get_data (html, NULL), g_bytes_get_size (html), NULL));

  return 0;
}
