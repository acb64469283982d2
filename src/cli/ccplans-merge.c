/* ccplans-merge.c: `ccplans merge`: consolidates city plans into a field plan and says what
 * happened to every file. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ccplans.h"
#include "ccplans-output.h"

static const char *
nonempty_or (const char *value,
             const char *fallback)
{
  return value != NULL && *value != '\0' ? value : fallback;
}

/* Prints a heading with a count, then each line indented. */
static void
print_section (const char *heading,
               GPtrArray  *lines)
{
  if (lines->len == 0)
    return;

  printf ("%s\n", heading);
  for (guint i = 0; i < lines->len; i++)
    printf ("  %s\n", (const char *) g_ptr_array_index (lines, i));
}

/* Appends names to lines as comma-separated lines of at most about 96 columns. */
static void
wrap_names (GPtrArray *lines,
            GPtrArray *names)
{
  g_autoptr(GString) line = g_string_new (NULL);
  /* Translators: separates the cities of a list */
  const char *separator = _(", ");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (line->len > 0 &&
          g_utf8_strlen (line->str, -1) + g_utf8_strlen (name, -1) + 2 > 94)
        {
          g_string_append (line, separator);
          g_ptr_array_add (lines, g_strdup (g_strchomp (line->str)));
          g_string_truncate (line, 0);
        }
      else if (line->len > 0)
        g_string_append (line, separator);
      g_string_append (line, name);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
}

static char *
describe_source (CcpSource *source)
{
  guint errors = ccp_source_get_errors (source);
  g_autofree char *city = NULL;

  if (*ccp_source_get_country (source) != '\0')
    /* Translators: a city and its country code, e.g. "Bologna (IT)" */
    city = g_strdup_printf (_("%s (%s)"), ccp_source_get_city (source),
                            ccp_source_get_country (source));
  else
    city = g_strdup (nonempty_or (ccp_source_get_city (source), "?"));

  if (errors > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a merged file; %u is a number of
                                          * validation errors */
                                         "%s: %s, revision %u, accepted with %u error",
                                         "%s: %s, revision %u, accepted with %u errors",
                                         errors),
                            ccp_source_get_file (source), city,
                            ccp_source_get_revision (source), errors);

  /* Translators: a merged file: "bologna.xml: Bologna (IT), revision 3" */
  return g_strdup_printf (_("%s: %s, revision %u"), ccp_source_get_file (source), city,
                          ccp_source_get_revision (source));
}

static void
print_report (CcpMerge     *merge,
              CcpFieldPlan *field_plan)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  g_autoptr(GPtrArray) accepted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) superseded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) joint = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *heading = NULL;
  guint n_sources = g_list_model_get_n_items (sources);
  guint n_report = g_list_model_get_n_items (report);
  guint n_joint = 0;

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
        g_ptr_array_add (accepted, describe_source (source));
    }

  /* The reader's own message says best why a file of this run cannot be read. */
  for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);

      if (input->status == CCP_MERGE_INPUT_REFUSED && input->message != NULL)
        g_hash_table_insert (messages, input->sha256, input->message);
    }

  for (guint i = 0; i < n_report; i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);
      const char *kind = ccp_report_item_get_kind (item);
      const char *sha256 = ccp_report_item_get_value (item, "sha256");
      const char *message = sha256 != NULL ? g_hash_table_lookup (messages, sha256) : NULL;
      char *text = message != NULL ? g_strdup (message) : ccp_report_item_describe (item);

      if (g_str_equal (kind, "superseded"))
        g_ptr_array_add (superseded, text);
      else if (g_str_equal (kind, "refused"))
        g_ptr_array_add (refused, text);
      else if (g_str_equal (kind, "joint"))
        {
          if (g_strcmp0 (ccp_report_item_get_code (item), "merged") == 0)
            n_joint++;
          g_ptr_array_add (joint, text);
        }
      else if (g_str_equal (kind, "joint-difference"))
        g_ptr_array_add (differences, text);
      else if (g_str_equal (kind, "possible-duplicate"))
        g_ptr_array_add (duplicates, text);
      else if (g_str_equal (kind, "missing") &&
               g_strcmp0 (ccp_report_item_get_code (item), "no-plan") == 0)
        {
          /* Dozens of cities: listed as names, not as sentences. */
          g_free (text);
          g_ptr_array_add (missing_names, ccp_merge_describe_city (item));
        }
      else if (g_str_equal (kind, "missing"))
        g_ptr_array_add (missing, text);
      else
        g_free (text);   /* "flagged": shown with the accepted sources */
    }

  /* What only this run knows: identical files, and why a file could not be read. */
  for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
    {
      const CcpMergeInput *input = ccp_merge_get_input (merge, i);
      g_autofree char *display = g_filename_display_basename (input->file);

      if (input->status == CCP_MERGE_INPUT_DUPLICATE && g_str_equal (display, input->same_as))
        g_ptr_array_add (skipped,
                         /* Translators: %s is a file given to merge */
                         g_strdup_printf (_("%s: already merged: nothing changes"), display));
      else if (input->status == CCP_MERGE_INPUT_DUPLICATE)
        g_ptr_array_add (skipped,
                         /* Translators: the first %s is a file given to merge, the second the
                          * file already merged with the same content */
                         g_strdup_printf (_("%s: same content as %s, already merged: "
                                            "nothing changes"),
                                          display, input->same_as));
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted: %u city plan",
                                          "Accepted: %u city plans", accepted->len),
                             accepted->len);
  print_section (heading, accepted);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Superseded by a newer revision: %u plan",
                                          "Superseded by a newer revision: %u plans",
                                          superseded->len),
                             superseded->len);
  print_section (heading, superseded);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refused: %u file",
                                          "Refused: %u files", refused->len),
                             refused->len);
  print_section (heading, refused);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Skipped: %u file",
                                          "Skipped: %u files", skipped->len),
                             skipped->len);
  print_section (heading, skipped);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Joint activities: %u merged from several cities",
                                          "Joint activities: %u merged from several cities",
                                          n_joint),
                             n_joint);
  print_section (heading, joint);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Differences between copies of joint activities: %u",
                                          "Differences between copies of joint activities: %u",
                                          differences->len),
                             differences->len);
  print_section (heading, differences);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Possible duplicates (not merged): %u",
                                          "Possible duplicates (not merged): %u",
                                          duplicates->len),
                             duplicates->len);
  print_section (heading, duplicates);
  g_free (heading);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Member cities without an accepted plan: %u",
                                          "Member cities without an accepted plan: %u",
                                          missing->len + missing_names->len),
                             missing->len + missing_names->len);
  wrap_names (missing, missing_names);
  print_section (heading, missing);
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
  guint n_unloadable = 0;
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
          g_printerr ("%s: error: %s\n", loaded->display,
                      _("This is a city plan, not a field plan: give it as a file to merge"));
          return CCPLANS_EXIT_UNUSABLE;
        }
      ccp_merge_set_into (merge, CCP_FIELD_PLAN (loaded->document));
    }

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GBytes) bytes = ccp_file_load (file, CCP_FILE_MAX_SIZE, NULL, &load_error);

      if (bytes == NULL)
        {
          /* No bytes, no SHA-256: such a file cannot be a source of the field plan. */
          g_autofree char *display = g_filename_display_name (files[i]);

          ccplans_print_load_error (stderr, display, load_error);
          n_unloadable++;
          continue;
        }
      ccp_merge_add_bytes (merge, files[i], bytes);
    }

  result = ccp_merge_run (merge, &error);
  out_display = g_filename_display_name (output);
  if (result == NULL)
    {
      for (guint i = 0; i < ccp_merge_get_n_inputs (merge); i++)
        {
          const CcpMergeInput *input = ccp_merge_get_input (merge, i);
          g_autofree char *display = g_filename_display_name (input->file);

          if (input->message != NULL)
            g_printerr ("%s: error: %s\n", display, input->message);
          else if (input->status == CCP_MERGE_INPUT_REFUSED && input->reason != NULL &&
                   *input->reason != '\0')
            /* Translators: %s is a reason code such as "other-period" */
            g_printerr (_("%s: refused (%s)\n"), display, input->reason);
        }
      g_printerr ("ccplans merge: %s\n", error->message);
      /* Translators: %s is the output file */
      g_printerr (_("Nothing was written to %s.\n"), out_display);
      return CCPLANS_EXIT_UNUSABLE;
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (!ccp_writer_save (G_OBJECT (result), out_file, FALSE, NULL, &error))
    {
      /* The saver's message says that saving failed, and why; not a reading error. */
      g_printerr ("%s: error: %s\n", out_display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  print_report (merge, result);

  n_activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_activities (result)));
  refused = ccp_merge_count_refused (merge) + n_unloadable;
  printf (g_dngettext (GETTEXT_PACKAGE,
                       /* Translators: the last line of `ccplans merge`; the first %s is the
                        * output file, then the field code and the period */
                       "Wrote %s (%s, %s): %u activity.\n",
                       "Wrote %s (%s, %s): %u activities.\n", n_activities),
          out_display, ccp_field_plan_get_field (result), ccp_field_plan_get_period (result),
          n_activities);
  if (!ccp_merge_get_changed (merge))
    printf ("%s\n", _("The field plan merged into did not change."));

  ccplans_leave_to_exit (g_steal_pointer (&result));
  ccplans_leave_to_exit (g_steal_pointer (&merge));

  return refused > 0 ? CCPLANS_EXIT_ISSUES : CCPLANS_EXIT_OK;
}
