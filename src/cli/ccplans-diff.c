/* ccplans-diff.c: `ccplans diff OLD NEW`: what changed between two revisions of a plan. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* A list field's rows as JSON: objects keyed by the item fields' names; TEXTS: strings. */
static void
add_rows (JsonBuilder            *builder,
          const CcpActivityField *field,
          GPtrArray              *rows)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (field->items == NULL)
        {
          json_builder_add_string_value (builder, row[0] != NULL ? row[0] : "");
          continue;
        }
      json_builder_begin_object (builder);
      for (guint j = 0; field->items[j].name != NULL; j++)
        ccplans_json_add_string (builder, field->items[j].name, row[j] != NULL ? row[j] : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_value (JsonBuilder     *builder,
           const char      *member,
           const CcpChange *change,
           gboolean         old)
{
  GPtrArray *rows = old ? change->old_rows : change->new_rows;

  if (rows != NULL && change->field != NULL)
    {
      json_builder_set_member_name (builder, member);
      add_rows (builder, change->field, rows);
    }
  else
    ccplans_json_add_string (builder, member, old ? change->old_value : change->new_value);
}

static void
print_json (CcpDiff    *diff,
            const char *kind,
            const char *old_display,
            const char *new_display)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "old", old_display);
  ccplans_json_add_string (builder, "new", new_display);
  ccplans_json_add_string (builder, "kind", kind);
  json_builder_set_member_name (builder, "same");
  json_builder_add_boolean_value (builder, ccp_diff_is_empty (diff));
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, ccp_diff_get_n_added (diff));
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, ccp_diff_get_n_removed (diff));
  json_builder_set_member_name (builder, "modified");
  json_builder_add_int_value (builder, ccp_diff_get_n_modified (diff));
  /* Each change has the shape of ODK Central's submission diffs: path, old, new. */
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ccp_diff_get_n_changes (diff); i++)
    {
      const CcpChange *change = ccp_diff_get_change (diff, i);
      g_autofree char *message = ccp_change_describe (change);

      json_builder_begin_object (builder);
      ccplans_json_add_string (builder, "change", ccp_change_kind_to_code (change->kind));
      ccplans_json_add_string (builder, "path", change->path);
      add_value (builder, "old", change, TRUE);
      add_value (builder, "new", change, FALSE);
      if (change->activity_id != NULL)
        ccplans_json_add_string (builder, "activity", change->activity_id);
      if (change->property != NULL)
        ccplans_json_add_string (builder, "field", change->property);
      if (change->city != NULL)
        {
          ccplans_json_add_string (builder, "city", change->city);
          ccplans_json_add_string (builder, "country", change->country);
        }
      ccplans_json_add_string (builder, "message", message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ccplans_json_print (root);
}

static void
print_text (CcpDiff    *diff,
            const char *old_display,
            const char *new_display)
{
  guint n = ccp_diff_get_n_changes (diff);
  guint added = ccp_diff_get_n_added (diff);
  guint removed = ccp_diff_get_n_removed (diff);
  guint modified = ccp_diff_get_n_modified (diff);
  g_autofree char *activities = NULL;
  g_autofree char *count = NULL;

  ccplans_print_line (stdout, "--- %s", old_display);
  ccplans_print_line (stdout, "+++ %s", new_display);
  if (n == 0)
    {
      ccplans_print_line (stdout, "%s", _("The plans are the same."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const CcpChange *change = ccp_diff_get_change (diff, i);
      g_autofree char *message = ccp_change_describe (change);

      ccplans_print_line (stdout, "%s [%s]", message, change->path);
    }

  /* Translators: the start of the summary, e.g. "5 changes" (then the activities) */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
  /* Translators: the activities of the summary; each number is a count of activities */
  activities = g_strdup_printf (_("activities: %u added, %u removed, %u changed"),
                                added, removed, modified);
  /* Translators: the summary line: "5 changes; activities: 1 added, 0 removed, 2 changed" */
  ccplans_print_line (stdout, _("%s; %s"), count, activities);
}

int
ccplans_diff (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the changes as a JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("OLD NEW") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcplansLoaded) old_loaded = NULL;
  g_autoptr(CcplansLoaded) new_loaded = NULL;
  g_autoptr(CcpDiff) diff = NULL;
  gboolean same;

  context = g_option_context_new (_("OLD NEW — what changed between two revisions of a plan"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Compare two city plans or two field plans (of format 1.0 "
                                  "or 1.1): the plan's values, the activities added and "
                                  "removed, and each field that changed, with its path, old "
                                  "value and new value. Activities are matched by identifier, "
                                  "joint reference and carried-over link.\n\n"
                                  "Exit status: 0 when the plans are the same, 1 when they "
                                  "differ, 2 when a file cannot be read or is not a plan."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      ccplans_usage_error ("diff", _("Give exactly two files: the old plan and the new one"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  old_loaded = ccplans_load (files[0], NULL);
  new_loaded = ccplans_load (files[1], NULL);
  if (old_loaded->document == NULL || new_loaded->document == NULL)
    {
      if (old_loaded->document == NULL)
        ccplans_print_load_error (stderr, old_loaded->display, old_loaded->error);
      if (new_loaded->document == NULL)
        ccplans_print_load_error (stderr, new_loaded->display, new_loaded->error);
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (G_OBJECT_TYPE (old_loaded->document) != G_OBJECT_TYPE (new_loaded->document))
    {
      ccplans_print_line (stderr, "ccplans diff: error: %s",
                          _("One file is a city plan and the other a field plan: compare "
                            "two of the same kind"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  diff = ccp_diff_new (old_loaded->document, new_loaded->document);
  if (json)
    print_json (diff, ccplans_loaded_kind_code (old_loaded), old_loaded->display,
                new_loaded->display);
  else
    print_text (diff, old_loaded->display, new_loaded->display);

  same = ccp_diff_is_empty (diff);
  ccplans_leave_to_exit (g_steal_pointer (&old_loaded));
  ccplans_leave_to_exit (g_steal_pointer (&new_loaded));
  ccplans_leave_to_exit (g_steal_pointer (&diff));
  return same ? CCPLANS_EXIT_OK : CCPLANS_EXIT_ISSUES;
}
