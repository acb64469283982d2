/* fuzz-merge.c: libFuzzer harness for a two-file merge. The input is split at the first
 * FUZZ_MERGE_SEPARATOR (at the middle when there is none); both halves are given to the merge
 * engine as files, and a field plan it makes must be writable and readable again. */
#define G_LOG_DOMAIN "fuzz-merge"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

/* NUL bytes never occur in a plan, so the seed pairs split cleanly (see make-seeds.sh). */
#define FUZZ_MERGE_SEPARATOR "\n\0\0--8<--\0\0\n"
#define FUZZ_MERGE_SEPARATOR_LEN (sizeof FUZZ_MERGE_SEPARATOR - 1)

static CcpValidator *validator;

/* The first separator in data, or NULL (memmem() would need _GNU_SOURCE). */
static const uint8_t *
find_separator (const uint8_t *data,
                size_t         size)
{
  for (size_t i = 0; i + FUZZ_MERGE_SEPARATOR_LEN <= size; i++)
    {
      if (data[i] == '\n' && memcmp (data + i, FUZZ_MERGE_SEPARATOR, FUZZ_MERGE_SEPARATOR_LEN) == 0)
        return data + i;
    }
  return NULL;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  g_setenv ("SOURCE_DATE_EPOCH", "1800000000", TRUE);
  validator = ccp_validator_new ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  const uint8_t *split = find_separator (data, size);
  size_t first_size;
  size_t second_offset;

  if (split != NULL)
    {
      first_size = (size_t) (split - data);
      second_offset = first_size + FUZZ_MERGE_SEPARATOR_LEN;
    }
  else
    {
      first_size = size / 2;
      second_offset = first_size;
    }
  first = g_bytes_new_static (data, first_size);
  second = g_bytes_new_static (data + second_offset, size - second_offset);

  ccp_merge_set_validator (merge, validator);
  ccp_merge_set_consolidated (merge, "2027-01-15T10:00:00Z");
  ccp_merge_add_bytes (merge, "first.xml", first);
  ccp_merge_add_bytes (merge, "second.xml", second);

  result = ccp_merge_run (merge, &error);
  g_assert_true ((result == NULL) != (error == NULL));
  g_assert_cmpuint (ccp_merge_get_n_inputs (merge), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);

      g_assert_nonnull (input);
      g_assert_nonnull (input->sha256);
      g_assert_true (input->message == NULL || g_utf8_validate (input->message, -1, NULL));
    }
  if (result == NULL)
    return 0;

  /* Whatever the inputs say, the field plan is for a real field and period. */
  if (!ccp_period_parse (ccp_field_plan_get_period (result), NULL, NULL) ||
      (!g_str_equal (ccp_field_plan_get_field (result), CCP_FIELD_NETWORK) &&
       !ccp_vocabulary_has_term (ccp_vocabulary_get_default (), "field",
                                 ccp_field_plan_get_field (result))))
    {
      g_printerr ("the merge made a field plan for field \"%s\", period \"%s\"\n",
                  ccp_field_plan_get_field (result), ccp_field_plan_get_period (result));
      abort ();
    }

  fuzz_check_round_trip (G_OBJECT (result));

  /* The result does not depend on the order of the inputs (ccp-merge.h). Identical halves are
   * left out: which name is kept for the same bytes is then a matter of order. */
  if (!g_bytes_equal (first, second))
    {
      g_autoptr(CcpMerge) swapped = ccp_merge_new ();
      g_autoptr(CcpFieldPlan) other = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GBytes) other_written = NULL;

      ccp_merge_set_validator (swapped, validator);
      ccp_merge_set_consolidated (swapped, "2027-01-15T10:00:00Z");
      ccp_merge_add_bytes (swapped, "second.xml", second);
      ccp_merge_add_bytes (swapped, "first.xml", first);
      other = ccp_merge_run (swapped, NULL);
      g_assert_nonnull (other);

      written = ccp_writer_write_field_plan (result);
      other_written = ccp_writer_write_field_plan (other);
      if (!g_bytes_equal (written, other_written))
        {
          g_printerr ("the merge result depends on the order of the inputs\n"
                      "--- first, second ---\n%.*s\n--- second, first ---\n%.*s\n",
                      (int) MIN (g_bytes_get_size (written), 8192),
                      (const char *) g_bytes_get_data (written, NULL),
                      (int) MIN (g_bytes_get_size (other_written), 8192),
                      (const char *) g_bytes_get_data (other_written, NULL));
          abort ();
        }
    }
  return 0;
}
