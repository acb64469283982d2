#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include "ccp-core.h"
#include "ccplans.h"
#include "ccplans-output.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "validate", ccplans_validate,
    N_("Check plans and report every problem with its line") },
  { "info", ccplans_info,
    N_("Show the city, field, period and status of a plan") },
  { "merge", ccplans_merge,
    N_("Merge the city plans of a field into one field plan") },
  { "export", ccplans_export,
    N_("Export a plan as CSV or HTML") },
  { "diff", ccplans_diff,
    N_("Show what changed between two revisions of a plan") },
  { "compare", ccplans_compare,
    N_("Set a plan beside the previous period's") },
  { "status", ccplans_status,
    N_("Show which cities sent their plan, when, and how it was reviewed") },
  { "review", ccplans_review,
    N_("Accept or return a city's plan with comments") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage:"));
  /* Translators: the usage line; do not translate "ccplans" */
  fprintf (stream, "  %s\n\n", _("ccplans COMMAND [OPTION…] [FILE…]"));
  fprintf (stream, "%s\n",
           _("Check, inspect, merge and export the six-month activity plans of the UNESCO "
             "Creative Cities Network."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stream, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-10s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-10s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “ccplans COMMAND --help” for the options of a command."));
}

static gboolean
asks_for_help (int    argc,
               char **argv)
{
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
        g_str_has_prefix (argv[i], "--help-"))
      return TRUE;
  return FALSE;
}

/* Every command reads the shipped data files: when one is missing, say so once and clearly
 * rather than abort in the middle of a command. */
static gboolean
check_installation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ccp_vocabulary_load_default (&error) && ccp_registry_load_default (&error) &&
      ccp_iso_codes_load_default (&error))
    return TRUE;

  /* Translators: %s says which file could not be read, and why */
  message = g_strdup_printf (_("The installation is incomplete: %s"), error->message);

  /* "error:" stays English, as in every ccplans message, for scripts. */
  ccplans_print_line (stderr, "ccplans: error: %s", message);
  ccplans_print_line (stderr, "%s", _("Reinstall Creative Cities Plans and the iso-codes package it needs. "
                        "A program run from its build folder needs CCP_DATA_DIR set to the "
                        "source's data folder."));
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  const char *command;

#ifdef HAVE_MALLOPT
  /* glibc grows the heap of a thread's arena a page at a time, an mprotect() for each (16,500
   * in a merge of 400 plans, many under GLib 2.74's slice allocator lock, which the other
   * threads then wait for), unless the heap starts padded. A thread's heap is at most 64 MiB:
   * it is made readable and writable whole, as address space; no memory is used until
   * touched. A short-lived program, ccplans does not mind that freed memory stays mapped. */
  mallopt (M_TOP_PAD, 64 * 1024 * 1024);
#endif
  setlocale (LC_ALL, "");
  ccp_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      ccplans_usage_error (NULL, _("No command was given"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h")
      || g_str_equal (command, "help"))
    {
      print_help (stdout);
      return CCPLANS_EXIT_OK;
    }
  if (g_str_equal (command, "--version"))
    {
      printf ("ccplans (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return CCPLANS_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (!g_str_equal (command, subcommands[i].name))
        continue;
      if (!asks_for_help (argc, argv) && !check_installation ())
        return CCPLANS_EXIT_UNUSABLE;
      return subcommands[i].run (argc - 1, argv + 1);
    }

  {
    /* Translators: %s is what the user typed instead of a command */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), command);
    ccplans_usage_error (NULL, message);
  }
  return CCPLANS_EXIT_UNUSABLE;
}
