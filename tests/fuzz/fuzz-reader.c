/* fuzz-reader.c: libFuzzer harness for ccp_reader_read_bytes() on untrusted bytes, with the
 * round trip through the writer for every document it accepts. */
#define G_LOG_DOMAIN "fuzz-reader"

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
  g_autoptr(CcpLocations) locations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;

  document = ccp_reader_read_bytes (bytes, "fuzz.xml", &issues, &locations, &error);

  /* Exactly one of a document and an error, and the error is a message for a person. */
  g_assert_true ((document == NULL) != (error == NULL));
  if (document == NULL)
    {
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_true (CCP_IS_PLAN (document) || CCP_IS_FIELD_PLAN (document));
  if (issues != NULL)
    {
      for (guint i = 0; i < issues->len; i++)
        g_assert_true (g_utf8_validate (ccp_issue_get_message (g_ptr_array_index (issues, i)),
                                        -1, NULL));
    }

  fuzz_check_round_trip (document);
  return 0;
}
