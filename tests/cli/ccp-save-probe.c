/* ccp-save-probe.c: saves the bytes of SOURCE to TARGET with ccp_file_save(), with or without a
 * backup copy, so that tests/cli/test-save-failures.py can make the disk fail under the call the
 * editor uses (the ccplans commands never ask for a backup). Test-only, not installed.
 *
 *   ccp-save-probe --backup|--no-backup SOURCE TARGET
 *
 * Exit status 0 when saved; 1 with the error message on stderr when not; 2 on bad usage.
 */
#define G_LOG_DOMAIN "ccp-save-probe"

#include "config.h"

#include <stdio.h>

#include "ccp-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean backup;

  if (argc != 4 || (!g_str_equal (argv[1], "--backup") && !g_str_equal (argv[1], "--no-backup")))
    {
      fprintf (stderr, "usage: %s --backup|--no-backup SOURCE TARGET\n", argv[0]);
      return 2;
    }
  backup = g_str_equal (argv[1], "--backup");

  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  target = g_file_new_for_commandline_arg (argv[3]);
  if (!ccp_file_save (target, bytes, backup, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
