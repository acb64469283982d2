#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* Counts of a run, for the summary line. */
typedef struct {
  guint files;
  guint unusable;
  guint with_errors;
  guint errors;
  guint warnings;
} Totals;

static void
print_text (CcplansLoaded *loaded)
{
  if (loaded->document == NULL)
    {
      ccplans_print_load_error (stdout, loaded->display, loaded->error);
      return;
    }

  for (guint i = 0; i < loaded->issues->len; i++)
    ccplans_print_issue (stdout, loaded->display, g_ptr_array_index (loaded->issues, i));
}

static void
print_summary (const Totals *totals)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *files = NULL;
  g_autofree char *counts = NULL;

  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u file checked", "%u files checked",
                                        totals->files),
                           totals->files);
  if (totals->unusable > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   /* Translators: counts files that are
                                                    * unreadable or not plans at all */
                                                   "%u unreadable", "%u unreadable",
                                                   totals->unusable),
                                      totals->unusable));
  g_ptr_array_add (parts,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: counts files, e.g. "1 with
                                                  * errors" in "3 files checked: 1 with
                                                  * errors, 4 errors, 2 warnings" */
                                                 "%u with errors", "%u with errors",
                                                 totals->with_errors),
                                    totals->with_errors));
  g_ptr_array_add (parts,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u error", "%u errors", totals->errors),
                                    totals->errors));
  g_ptr_array_add (parts,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u warning", "%u warnings", totals->warnings),
                                    totals->warnings));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the counts of the summary, e.g. "1 with errors, 4 errors" */
  counts = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: the summary of a check. The first %s is e.g. "3 files checked", the second
   * the counts, e.g. "1 with errors, 4 errors, 2 warnings" */
  ccplans_print_line (stdout, _("%s: %s"), files, counts);
}

static void
add_json (JsonBuilder   *builder,
          CcplansLoaded *loaded)
{
  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "file", loaded->display);
  ccplans_json_add_string (builder, "kind", ccplans_loaded_kind_code (loaded));
  json_builder_set_member_name (builder, "readable");
  json_builder_add_boolean_value (builder, loaded->document != NULL);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, ccplans_loaded_count (loaded, CCP_SEVERITY_ERROR));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, ccplans_loaded_count (loaded, CCP_SEVERITY_WARNING));
  json_builder_set_member_name (builder, "infos");
  json_builder_add_int_value (builder, ccplans_loaded_count (loaded, CCP_SEVERITY_INFO));
  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < loaded->issues->len; i++)
    ccplans_json_add_issue (builder, g_ptr_array_index (loaded->issues, i));
  json_builder_end_array (builder);
  if (loaded->error != NULL)
    {
      g_autofree char *message = ccplans_load_error_message (loaded->display, loaded->error);

      ccplans_json_add_string (builder, "error", message);
    }
  json_builder_end_object (builder);
}

int
ccplans_validate (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as JSON, one object per file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CcpValidator) validator = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  Totals totals = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Check city plans and field plans against the format and "
                                  "the rules of the Creative Cities plans.\n\n"
                                  "Prints one line per problem: FILE:LINE:COLUMN: SEVERITY: "
                                  "MESSAGE [RULE].\n"
                                  "Exit status: 0 when no file has errors (warnings are "
                                  "allowed), 1 when some file has errors, 2 when some file "
                                  "cannot be read or is not a plan."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (files == NULL || files[0] == NULL)
    {
      ccplans_usage_error ("validate", _("No file to check was given"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  validator = ccp_validator_new ();
  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(CcplansLoaded) loaded = ccplans_load (files[i], validator);
      guint errors = ccplans_loaded_count (loaded, CCP_SEVERITY_ERROR);

      totals.files++;
      if (loaded->document == NULL)
        totals.unusable++;
      if (errors > 0)
        totals.with_errors++;
      totals.errors += errors;
      totals.warnings += ccplans_loaded_count (loaded, CCP_SEVERITY_WARNING);

      if (json)
        add_json (builder, loaded);
      else
        print_text (loaded);

      if (files[i + 1] == NULL)
        ccplans_leave_to_exit (g_steal_pointer (&loaded));
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ccplans_json_print (root);
    }
  else
    {
      print_summary (&totals);
    }

  if (totals.unusable > 0)
    return CCPLANS_EXIT_UNUSABLE;
  if (totals.with_errors > 0)
    return CCPLANS_EXIT_ISSUES;
  return CCPLANS_EXIT_OK;
}
