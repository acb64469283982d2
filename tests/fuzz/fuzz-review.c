/* fuzz-review.c: libFuzzer harness for ccp_review_read_bytes() (the review file of issue 18) on
 * untrusted bytes, with the round trip through its writer for every review it accepts. */
#define G_LOG_DOMAIN "fuzz-review"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(CcpReview) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  review = ccp_review_read_bytes (bytes, "fuzz.xml", &issues, &error);

  /* Exactly one of a review and an error, and the error is a message for a person. */
  g_assert_true ((review == NULL) != (error == NULL));
  if (review == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  for (guint i = 0; i < issues->len; i++)
    g_assert_true (g_utf8_validate (ccp_issue_get_message (g_ptr_array_index (issues, i)),
                                    -1, NULL));

  /* What was read is written canonically, and reads back to the same review and bytes. */
  first = ccp_review_write (review);
  g_clear_error (&error);
  again = ccp_review_read_bytes (first, "fuzz-again.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_review_equal (review, again));
  second = ccp_review_write (again);
  g_assert_true (g_bytes_equal (first, second));
  return 0;
}
