/* ccplans-status.c: `ccplans status FIELD_PLAN [--json]`, the completeness table of a field
 * plan (issue 18): per member city, the latest revision received, when, on time or late, its
 * review state, open comments and Focal Point; the reporting and timeliness rates. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
print_json (CcpFieldPlan   *field_plan,
            CcpStatusTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "field", nonempty (ccp_field_plan_get_field (field_plan)));
  ccplans_json_add_string (builder, "period", nonempty (ccp_field_plan_get_period (field_plan)));
  ccplans_json_add_string (builder, "deadline", table->deadline);
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, ccp_field_plan_is_locked (field_plan));
  add_uint (builder, "expected", table->expected);
  add_uint (builder, "received", table->received);
  add_uint (builder, "on_time", table->on_time);
  add_uint (builder, "late", table->late);
  json_builder_set_member_name (builder, "reporting_rate");
  json_builder_add_double_value (builder, table->reporting_rate);
  json_builder_set_member_name (builder, "timeliness_rate");
  json_builder_add_double_value (builder, table->timeliness_rate);

  json_builder_set_member_name (builder, "cities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);
      CcpReviewState review = ccp_status_row_get_review (row);

      json_builder_begin_object (builder);
      ccplans_json_add_string (builder, "city", ccp_status_row_get_city (row));
      ccplans_json_add_string (builder, "country", nonempty (ccp_status_row_get_country (row)));
      json_builder_set_member_name (builder, "in_roster");
      json_builder_add_boolean_value (builder, ccp_status_row_get_in_roster (row));
      json_builder_set_member_name (builder, "received");
      json_builder_add_boolean_value (builder, ccp_status_row_get_received (row));
      ccplans_json_add_string (builder, "plan", nonempty (ccp_status_row_get_plan_id (row)));
      if (ccp_status_row_get_revision (row) > 0)
        add_uint (builder, "revision", ccp_status_row_get_revision (row));
      else
        {
          json_builder_set_member_name (builder, "revision");
          json_builder_add_null_value (builder);
        }
      ccplans_json_add_string (builder, "received_time",
                               nonempty (ccp_status_row_get_received_time (row)));
      ccplans_json_add_string (builder, "first_received",
                               nonempty (ccp_status_row_get_first_received (row)));
      ccplans_json_add_string (builder, "timeliness",
                               ccp_timeliness_to_code (ccp_status_row_get_timeliness (row)));
      ccplans_json_add_string (builder, "review",
                               review != CCP_REVIEW_STATE_NONE ? ccp_review_state_to_code (review)
                                                               : NULL);
      add_uint (builder, "open_comments", ccp_status_row_get_open_comments (row));
      add_uint (builder, "comments", ccp_status_row_get_n_comments (row));
      ccplans_json_add_string (builder, "focal_point",
                               nonempty (ccp_status_row_get_contact_name (row)));
      ccplans_json_add_string (builder, "email",
                               nonempty (ccp_status_row_get_contact_email (row)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ccplans_json_print (root);
}

static void
print_text (CcpFieldPlan   *field_plan,
            CcpStatusTable *table)
{
  const char *field = nonempty (ccp_field_plan_get_field (field_plan));
  const char *period = nonempty (ccp_field_plan_get_period (field_plan));

  /* Translators: the first line of `ccplans status`; %s are a field code and a period */
  ccplans_print_line (stdout, _("Field plan: %s %s"), field != NULL ? field : "?",
                      period != NULL ? period : "?");
  ccplans_print_line (stdout, _("Deadline: %s"),
                      table->deadline != NULL ? table->deadline : _("(not given)"));
  if (ccp_field_plan_is_locked (field_plan))
    ccplans_print_text (stdout, _("The field plan is final (locked): reopen it to add or "
                                  "review plans.\n"));
  ccplans_print_line (stdout, "%s", "");

  for (guint i = 0; i < table->rows->len; i++)
    {
      CcpStatusRow *row = g_ptr_array_index (table->rows, i);
      const char *country = nonempty (ccp_status_row_get_country (row));
      g_autofree char *who = country != NULL
                             ? g_strdup_printf ("%s (%s)", ccp_status_row_get_city (row), country)
                             : g_strdup (ccp_status_row_get_city (row));
      const char *name = nonempty (ccp_status_row_get_contact_name (row));
      const char *email = nonempty (ccp_status_row_get_contact_email (row));
      g_autofree char *contact = NULL;
      g_autofree char *line = NULL;

      if (name != NULL && email != NULL)
        contact = g_strdup_printf ("%s <%s>", name, email);
      else
        contact = g_strdup (email != NULL ? email : name != NULL ? name : "");

      if (!ccp_status_row_get_received (row))
        line = g_strdup_printf ("%s: %s", who, _("no plan received"));
      else if (ccp_status_row_get_revision (row) == 0)
        /* Translators: a city whose plans were all superseded or have no accepted revision */
        line = g_strdup_printf ("%s: %s", who, _("received, no accepted revision"));
      else
        {
          const char *when = nonempty (ccp_status_row_get_received_time (row));
          guint open = ccp_status_row_get_open_comments (row);
          g_autofree char *comments =
            /* Translators: open review comments of a city plan */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment", "%u open comments",
                                          open), open);

          /* Translators: one city in `ccplans status`: revision, when received, on time or
           * late, review state, open comments */
          line = g_strdup_printf (_("%s: revision %u, received %s, %s, %s, %s"), who,
                                  ccp_status_row_get_revision (row),
                                  when != NULL ? when : _("(time not recorded)"),
                                  ccp_timeliness_to_label (ccp_status_row_get_timeliness (row)),
                                  ccp_review_state_to_label (ccp_status_row_get_review (row)),
                                  comments);
        }
      if (!ccp_status_row_get_in_roster (row))
        ccplans_print_line (stdout, "  %s [%s]%s%s", line, _("not in the roster"),
                            *contact != '\0' ? " — " : "", contact);
      else
        ccplans_print_line (stdout, "  %s%s%s", line, *contact != '\0' ? " — " : "", contact);
    }

  ccplans_print_line (stdout, "%s", "");
  /* Translators: DHIS2's reporting rate: plans received of those expected */
  ccplans_print_line (stdout, _("Reporting rate: %u of %u (%.0f%%)"), table->received,
                      table->expected, table->reporting_rate * 100);
  /* Translators: DHIS2's timeliness rate: plans received by the deadline of those expected */
  ccplans_print_line (stdout, _("Timeliness rate: %u of %u (%.0f%%)"), table->on_time,
                      table->expected, table->timeliness_rate * 100);
}

int
ccplans_status (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the table as a JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FIELD_PLAN") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FIELD_PLAN"));
  g_autoptr(CcplansLoaded) loaded = NULL;
  g_autoptr(CcpStatusTable) table = NULL;
  CcpFieldPlan *field_plan;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Show which member cities of the field have sent their plan, "
                                  "when, whether on time, how it was reviewed and how to reach "
                                  "their Focal Point, with the reporting and timeliness rates.\n\n"
                                  "Exit status: 0 when every member city sent its plan on time, "
                                  "1 when some are missing or late, 2 when the file cannot be "
                                  "read or is not a field plan."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;
  if (!ccplans_check_one_file ("status", files))
    return CCPLANS_EXIT_UNUSABLE;

  loaded = ccplans_load (files[0], NULL);
  if (loaded->document == NULL)
    {
      ccplans_print_load_error (stderr, loaded->display, loaded->error);
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (!CCP_IS_FIELD_PLAN (loaded->document))
    {
      ccplans_print_line (stderr, "%s: error: %s", loaded->display,
                          _("this is a city plan; the status table is of a field plan"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  field_plan = CCP_FIELD_PLAN (loaded->document);
  table = ccp_status_table_new (field_plan, NULL);
  if (json)
    print_json (field_plan, table);
  else
    print_text (field_plan, table);

  return table->on_time == table->expected ? CCPLANS_EXIT_OK : CCPLANS_EXIT_ISSUES;
}
