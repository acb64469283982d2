/* ccplans-merge.c: `ccplans merge`: consolidates city plans into a field plan and says what
 * happened to every file. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* What the merge did, as the report's summary says it; identical files are known only to this
 * run. */
static void
print_report (CcpMerge     *merge,
              CcpFieldPlan *field_plan)
{
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CcpReportSummary) summary = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  /* The reader's own message says best why a file of this run cannot be read. */
  for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);

      if (input->status == CCP_MERGE_INPUT_REFUSED && input->message != NULL)
        g_hash_table_insert (messages, input->sha256, input->message);
    }

  summary = ccp_report_summary_new (field_plan, messages,
                                    CCP_REPORT_SUMMARY_TEXT | CCP_REPORT_SUMMARY_NAMES);
  for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);
      g_autofree char *display = g_filename_display_basename (input->file);

      if (input->status == CCP_MERGE_INPUT_DUPLICATE)
        ccp_report_summary_add_skipped (summary, display, input->same_as);
    }

  lines = ccp_report_summary_to_lines (summary);
  for (guint i = 0; i < lines->len; i++)
    ccplans_print_line (stdout, "%s", (const char *) g_ptr_array_index (lines, i));
}

static GPtrArray *
load_roster (const char  *path,
             GError     **error)
{
  g_autoptr(CcpRegistry) registry = ccp_registry_new_from_file (path, error);
  GListModel *cities;
  GPtrArray *members;
  guint n;

  if (registry == NULL)
    return NULL;

  cities = ccp_registry_get_cities (registry);
  n = g_list_model_get_n_items (cities);
  members = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (members, g_list_model_get_item (cities, i));

  return members;
}

int
ccplans_merge (int    argc,
               char **argv)
{
  g_autofree char *into_path = NULL;
  g_autofree char *field = NULL;
  g_autofree char *period = NULL;
  g_autofree char *roster_path = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean strict = FALSE;
  const GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into_path,
      N_("Merge into this existing field plan (its sources and activities are kept)"),
      N_("FIELD_PLAN") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      /* Translators: do not translate "network" */
      N_("Creative field code, e.g. music, or “network” for a network overview (default: "
         "that of the field plan, else the one most files have)"), N_("CODE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("Period (default: that of the field plan, else the one most files have)"),
      N_("YYYY-H1|YYYY-H2") },
    { "roster", 0, 0, G_OPTION_ARG_FILENAME, &roster_path,
      N_("Member cities of the field, as a CSV file like data/member-cities.csv"),
      N_("FILE") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Refuse city plans that have validation errors instead of flagging them"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the field plan to this file (required; replaced atomically)"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcpMerge) merge = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *out_display = NULL;
  guint n_unloadable;
  guint n_activities;
  guint refused;

  context = g_option_context_new (_("FILE… — merge city plans into a field plan"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 when every file was accepted, 1 when some were refused (the field plan "
      "is still written), 2 when nothing could be merged (nothing is written)."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (output == NULL)
    {
      ccplans_usage_error ("merge", _("No output file was given: use -o OUT"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if ((files == NULL || files[0] == NULL) && into_path == NULL)
    {
      ccplans_usage_error ("merge", _("No file to merge was given"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (field != NULL && !g_str_equal (field, CCP_FIELD_NETWORK) &&
      !ccp_vocabulary_has_term (ccp_vocabulary_get_default (), "field", field))
    {
      g_autofree char *message =
        /* Translators: %s is what was given to --field */
        g_strdup_printf (_("“%s” is not a creative field code (e.g. music, film, design)"),
                         field);

      ccplans_usage_error ("merge", message);
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (period != NULL && !ccp_period_parse (period, NULL, NULL))
    {
      g_autofree char *message =
        /* Translators: %s is what was given to --period */
        g_strdup_printf (_("“%s” is not a period: expected YYYY-H1 or YYYY-H2"), period);

      ccplans_usage_error ("merge", message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  {
    g_autoptr(GStrvBuilder) inputs = g_strv_builder_new ();
    g_auto(GStrv) all = NULL;

    g_strv_builder_addv (inputs, (const char **) files);
    if (into_path != NULL)
      g_strv_builder_add (inputs, into_path);
    if (roster_path != NULL)
      g_strv_builder_add (inputs, roster_path);
    all = g_strv_builder_end (inputs);
    if (!ccplans_check_output ("merge", output, (const char * const *) all))
      return CCPLANS_EXIT_UNUSABLE;
  }

  merge = ccp_merge_new ();
  ccp_merge_set_field (merge, field);
  ccp_merge_set_period (merge, period);
  ccp_merge_set_strict (merge, strict);
  ccp_merge_set_single_run (merge, TRUE);

  if (roster_path != NULL)
    {
      g_autoptr(GPtrArray) members = load_roster (roster_path, &error);

      if (members == NULL)
        {
          g_autofree char *display = g_filename_display_name (roster_path);

          ccplans_print_load_error (stderr, display, error);
          return CCPLANS_EXIT_UNUSABLE;
        }
      ccp_merge_set_roster (merge, members);
    }

  if (into_path != NULL)
    {
      g_autoptr(CcplansLoaded) loaded = ccplans_load (into_path, NULL);

      if (loaded->document == NULL)
        {
          ccplans_print_load_error (stderr, loaded->display, loaded->error);
          return CCPLANS_EXIT_UNUSABLE;
        }
      if (!CCP_IS_FIELD_PLAN (loaded->document))
        {
          ccplans_print_line (stderr, "%s: error: %s", loaded->display,
                      _("This is a city plan, not a field plan: give it as a file to merge"));
          return CCPLANS_EXIT_UNUSABLE;
        }
      ccp_merge_set_into (merge, CCP_FIELD_PLAN (loaded->document));
    }

  /* Loaded by the merge's reading threads, each beside the parsing of the others. */
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      ccp_merge_add_file (merge, files[i], file);
    }

  result = ccp_merge_run (merge, &error);
  /* No bytes, no SHA-256: such a file cannot be a source of the field plan. Said first, as
   * when the files were loaded before the run. */
  n_unloadable = ccp_merge_get_n_unloadable (merge);
  for (guint i = 0; i < n_unloadable; i++)
    {
      const GError *load_error = NULL;
      const char *name = ccp_merge_get_unloadable (merge, i, &load_error);
      g_autofree char *display = g_filename_display_name (name);

      ccplans_print_load_error (stderr, display, load_error);
    }
  out_display = g_filename_display_name (output);
  if (result == NULL)
    {
      for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
        {
          const CcpMergeInput *input = ccp_merge_get_input (merge, i);
          g_autofree char *display = g_filename_display_name (input->file);

          g_autofree char *refusal = NULL;

          if (input->message != NULL)
            ccplans_print_line (stderr, "%s: error: %s", display, input->message);
          else if (input->status == CCP_MERGE_INPUT_REFUSED && input->reason != NULL &&
                   *input->reason != '\0')
            {
              /* Translators: %s is a reason code such as "other-period" */
              refusal = g_strdup_printf (_("%s: refused (%s)\n"), display, input->reason);
              ccplans_print_text (stderr, refusal);
            }
        }
      ccplans_print_line (stderr, "ccplans merge: %s", error->message);
      {
        /* Translators: %s is the output file */
        g_autofree char *nothing = g_strdup_printf (_("Nothing was written to %s.\n"),
                                                    out_display);

        ccplans_print_text (stderr, nothing);
      }
      return CCPLANS_EXIT_UNUSABLE;
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (!ccp_writer_save (G_OBJECT (result), out_file, FALSE, NULL, &error))
    {
      /* The saver's message says that saving failed, and why; not a reading error. */
      ccplans_print_line (stderr, "%s: error: %s", out_display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  print_report (merge, result);

  n_activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (result)));
  refused = ccp_merge_count_refused (merge) + n_unloadable;
  {
    g_autofree char *wrote =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: the last line of `ccplans merge`; the first
                                     * %s is the output file, then the field code and the
                                     * period */
                                    "Wrote %s (%s, %s): %u activity.\n",
                                    "Wrote %s (%s, %s): %u activities.\n", n_activities),
                       out_display, ccp_field_plan_get_field (result),
                       ccp_field_plan_get_period (result), n_activities);

    ccplans_print_text (stdout, wrote);
  }
  if (!ccp_merge_get_changed (merge))
    ccplans_print_line (stdout, "%s", _("The field plan merged into did not change."));

  ccplans_leave_to_exit (g_steal_pointer (&result));
  ccplans_leave_to_exit (g_steal_pointer (&merge));

  return refused > 0 ? CCPLANS_EXIT_ISSUES : CCPLANS_EXIT_OK;
}
