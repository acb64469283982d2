/* fuzz-common.h: what every libFuzzer harness of tests/fuzz needs before its first input. */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include "ccp-core.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The shipped data (vocabularies, registry) of the source tree unless $CCP_DATA_DIR says
 * otherwise; any GLib warning or critical is a finding, so it aborts. */
static inline void
fuzz_common_init (void)
{
  g_setenv ("CCP_DATA_DIR", CCP_FUZZ_DATA_DIR, FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", FALSE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* A document the reader accepted, written back, must be read again without error, and writing
 * that gives the same bytes (the writer is lossless on whatever the reader keeps). */
static inline void
fuzz_check_round_trip (GObject *document)
{
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GObject) again = NULL;
  g_autoptr(GError) error = NULL;

  if (CCP_IS_PLAN (document))
    written = ccp_writer_write_plan (CCP_PLAN (document));
  else
    written = ccp_writer_write_field_plan (CCP_FIELD_PLAN (document));
  g_assert_nonnull (written);

  again = ccp_reader_read_bytes (written, "round-trip.xml", NULL, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("written document not readable: %s\n--- written ---\n%.*s\n", error->message,
                  (int) MIN (g_bytes_get_size (written), 4096),
                  (const char *) g_bytes_get_data (written, NULL));
      abort ();
    }
  g_assert_true (G_OBJECT_TYPE (again) == G_OBJECT_TYPE (document));

  if (CCP_IS_PLAN (again))
    rewritten = ccp_writer_write_plan (CCP_PLAN (again));
  else
    rewritten = ccp_writer_write_field_plan (CCP_FIELD_PLAN (again));
  if (!g_bytes_equal (written, rewritten))
    {
      g_printerr ("writing what was read back changed the bytes\n--- first ---\n%.*s\n"
                  "--- second ---\n%.*s\n",
                  (int) MIN (g_bytes_get_size (written), 4096),
                  (const char *) g_bytes_get_data (written, NULL),
                  (int) MIN (g_bytes_get_size (rewritten), 4096),
                  (const char *) g_bytes_get_data (rewritten, NULL));
      abort ();
    }
}
