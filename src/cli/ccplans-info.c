#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* What `ccplans info` shows, taken from either kind of document. */
typedef struct {
  const char *kind;          /* "city-plan" or "field-plan" */
  const char *city;          /* NULL for field plans */
  const char *country;       /* NULL for field plans */
  const char *field;
  const char *period;
  CcpPlanStatus status;
  guint activities;
  gint sources;              /* -1 for city plans */
  const char *coordinator;   /* field plans only; NULL when not given */
  guint errors;
  guint warnings;
} Info;

/* The model's strings are "" when unset: show them as missing (null in JSON). */
static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static void
collect (CcplansLoaded *loaded,
         Info          *info)
{
  info->kind = ccplans_loaded_kind_code (loaded);
  info->errors = ccplans_loaded_count (loaded, CCP_SEVERITY_ERROR);
  info->warnings = ccplans_loaded_count (loaded, CCP_SEVERITY_WARNING);
  info->sources = -1;

  if (CCP_IS_PLAN (loaded->document))
    {
      CcpPlan *plan = CCP_PLAN (loaded->document);

      info->city = nonempty (ccp_plan_get_city (plan));
      info->country = nonempty (ccp_plan_get_country (plan));
      info->field = nonempty (ccp_plan_get_field (plan));
      info->period = nonempty (ccp_plan_get_period (plan));
      info->status = ccp_plan_get_status (plan);
      info->activities = g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan)));
    }
  else
    {
      CcpFieldPlan *field_plan = CCP_FIELD_PLAN (loaded->document);
      CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);
      GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
      GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

      info->field = nonempty (ccp_field_plan_get_field (field_plan));
      info->period = nonempty (ccp_field_plan_get_period (field_plan));
      info->status = ccp_field_plan_get_status (field_plan);
      info->activities = g_list_model_get_n_items (activities);
      info->sources = (gint) g_list_model_get_n_items (sources);
      info->coordinator = coordinator != NULL ? nonempty (ccp_contact_get_name (coordinator))
                                              : NULL;
    }
}

static void
print_json (const Info *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "kind", info->kind);
  ccplans_json_add_string (builder, "city", info->city);
  ccplans_json_add_string (builder, "country", info->country);
  ccplans_json_add_string (builder, "field", info->field);
  ccplans_json_add_string (builder, "period", info->period);
  ccplans_json_add_string (builder, "status", ccp_plan_status_to_code (info->status));
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, info->activities);
  if (info->sources >= 0)
    {
      json_builder_set_member_name (builder, "sources");
      json_builder_add_int_value (builder, info->sources);
    }
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, info->errors);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, info->warnings);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ccplans_json_print (root);
}

/* "CODE (Label)", or the code alone when it has no label. */
static char *
code_and_label (const char *code,
                const char *label)
{
  if (code == NULL)
    /* Translators: shown by `ccplans info` for a value the plan does not give */
    return g_strdup (_("(not given)"));
  if (label == NULL)
    return g_strdup (code);
  /* Translators: a code and its name, e.g. "IT (Italy)" or "music (Music)" */
  return g_strdup_printf (_("%s (%s)"), code, label);
}

/* Columns that text takes in a terminal: CJK characters take two, combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
print_text (const Info *info)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  guint width = 0;

#define ROW(label, value) G_STMT_START {             \
    g_ptr_array_add (labels, (gpointer) (label));    \
    g_ptr_array_add (values, (value));               \
  } G_STMT_END

  ROW (_("Kind:"),
       g_strdup (g_strcmp0 (info->kind, "field-plan") == 0 ? _("field plan") : _("city plan")));
  if (g_strcmp0 (info->kind, "city-plan") == 0)
    {
      const char *country_name = NULL;

      if (info->country != NULL)
        country_name = ccp_iso_codes_get_country_name (ccp_iso_codes_get_default (),
                                                       info->country);
      ROW (_("City:"), g_strdup (info->city != NULL ? info->city : _("(not given)")));
      ROW (_("Country:"), code_and_label (info->country, country_name));
    }
  ROW (_("Field:"),
       code_and_label (info->field, info->field != NULL
                                    ? ccp_vocabulary_get_label (vocabulary, "field", info->field)
                                    : NULL));
  ROW (_("Period:"), g_strdup (info->period != NULL ? info->period : _("(not given)")));
  ROW (_("Status:"),
       g_strdup (info->status == CCP_PLAN_STATUS_FINAL ? C_("plan status", "final")
                                                        : C_("plan status", "draft")));
  if (info->sources >= 0)
    {
      ROW (_("Coordinator:"),
           g_strdup (info->coordinator != NULL ? info->coordinator : _("(not given)")));
      ROW (_("Sources:"), g_strdup_printf ("%d", info->sources));
    }
  ROW (_("Activities:"), g_strdup_printf ("%u", info->activities));
  ROW (_("Errors:"), g_strdup_printf ("%u", info->errors));
  ROW (_("Warnings:"), g_strdup_printf ("%u", info->warnings));

#undef ROW

  for (guint i = 0; i < labels->len; i++)
    width = MAX (width, display_width (g_ptr_array_index (labels, i)));

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      guint pad = width - display_width (label);

      ccplans_print_line (stdout, "%s%*s %s", label, (int) pad, "",
                          (const char *) g_ptr_array_index (values, i));
    }
}

int
ccplans_info (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the information as a JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CcpValidator) validator = NULL;
  g_autoptr(CcplansLoaded) loaded = NULL;
  Info info = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Show what a city plan or field plan is about: its city, "
                                  "field, period, status, number of activities and how many "
                                  "errors and warnings it has.\n\n"
                                  "Exit status: 0 when the plan has no errors, 1 when it has "
                                  "errors, 2 when the file cannot be read or is not a plan."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (!ccplans_check_one_file ("info", files))
    return CCPLANS_EXIT_UNUSABLE;

  validator = ccp_validator_new ();
  loaded = ccplans_load (files[0], validator);
  if (loaded->document == NULL)
    {
      ccplans_print_load_error (stderr, loaded->display, loaded->error);
      return CCPLANS_EXIT_UNUSABLE;
    }

  collect (loaded, &info);
  if (json)
    print_json (&info);
  else
    print_text (&info);

  return info.errors > 0 ? CCPLANS_EXIT_ISSUES : CCPLANS_EXIT_OK;
}
