/* ccplans-compare.c: `ccplans compare PREVIOUS CURRENT`: this period beside the previous one. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* Columns that text takes in a terminal: CJK characters take two, combining marks none. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* text padded on the right to width columns. */
static char *
pad (const char *text,
     int         width)
{
  int missing = width - display_width (text);

  return g_strdup_printf ("%s%*s", text, MAX (missing, 0), "");
}

/* text padded on the left to width columns, over a column of numbers. */
static char *
pad_left (const char *text,
          int         width)
{
  int missing = width - display_width (text);

  return g_strdup_printf ("%*s%s", MAX (missing, 0), "", text);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GPtrArray   *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
}

static void
add_side (JsonBuilder *builder,
          const char  *member,
          const char  *display,
          const char  *period,
          guint        activities)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  ccplans_json_add_string (builder, "file", display);
  ccplans_json_add_string (builder, "period", period);
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, activities);
  json_builder_end_object (builder);
}

static void
print_json (CcpPeriodCompare *cmp,
            const char       *previous_display,
            const char       *current_display)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_side (builder, "previous", previous_display,
            ccp_period_compare_get_previous_period (cmp), ccp_period_compare_get_n_previous (cmp));
  add_side (builder, "current", current_display,
            ccp_period_compare_get_current_period (cmp), ccp_period_compare_get_n_current (cmp));
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, ccp_period_compare_get_n_new (cmp));
  json_builder_set_member_name (builder, "continued");
  json_builder_add_int_value (builder, ccp_period_compare_get_n_continued (cmp));
  json_builder_set_member_name (builder, "dropped");
  json_builder_add_int_value (builder, ccp_period_compare_get_n_dropped (cmp));

  json_builder_set_member_name (builder, "cities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ccp_period_compare_get_n_cities (cmp); i++)
    {
      const CcpPeriodCity *city = ccp_period_compare_get_city (cmp, i);

      json_builder_begin_object (builder);
      ccplans_json_add_string (builder, "city", city->city);
      ccplans_json_add_string (builder, "country", city->country);
      json_builder_set_member_name (builder, "previous");
      json_builder_add_int_value (builder, city->n_previous);
      json_builder_set_member_name (builder, "current");
      json_builder_add_int_value (builder, city->n_current);
      add_ids (builder, "new", city->new_ids);
      json_builder_set_member_name (builder, "continued");
      json_builder_begin_array (builder);
      for (guint k = 0; k < city->continued_ids->len; k++)
        {
          json_builder_begin_object (builder);
          ccplans_json_add_string (builder, "activity", g_ptr_array_index (city->continued_ids, k));
          ccplans_json_add_string (builder, "from", g_ptr_array_index (city->continued_from, k));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_ids (builder, "dropped", city->dropped_ids);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GPtrArray *counts = ccp_period_compare_get_counts (cmp, d);

      json_builder_set_member_name (builder, ccp_compare_dimension_to_code (d));
      json_builder_begin_array (builder);
      for (guint i = 0; i < counts->len; i++)
        {
          const CcpPeriodCount *count = g_ptr_array_index (counts, i);

          json_builder_begin_object (builder);
          ccplans_json_add_string (builder, "code", count->code);
          json_builder_set_member_name (builder, "previous");
          json_builder_add_int_value (builder, count->previous);
          json_builder_set_member_name (builder, "current");
          json_builder_add_int_value (builder, count->current);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ccplans_json_print (root);
}

static const char *
dimension_heading (CcpCompareDimension dimension)
{
  switch (dimension)
    {
    case CCP_COMPARE_OBJECTIVE:
      return _("Objective");
    case CCP_COMPARE_AREA:
      return _("Area of action");
    case CCP_COMPARE_SDG:
      return _("SDG");
    case CCP_COMPARE_KIND:
    case CCP_COMPARE_N_DIMENSIONS:
    default:
      return _("Kind");
    }
}

static const char *
period_or_unknown (const char *period)
{
  /* Translators: a plan whose period is not given */
  return period != NULL && *period != '\0' ? period : _("(no period)");
}

static void
print_text (CcpPeriodCompare *cmp,
            const char       *previous_display,
            const char       *current_display)
{
  const char *previous = period_or_unknown (ccp_period_compare_get_previous_period (cmp));
  const char *current = period_or_unknown (ccp_period_compare_get_current_period (cmp));
  CcpVocabulary *vocabulary = ccp_vocabulary_get_default ();
  const char *columns[] = { _("New"), _("Continued"), _("Dropped") };
  int name_width = display_width (_("City"));
  int widths[G_N_ELEMENTS (columns)];

  /* Translators: "Previous: FILE (2027-H1), 8 activities" */
  ccplans_print_line (stdout, _("Previous: %s (%s), %u activities"), previous_display, previous,
                      ccp_period_compare_get_n_previous (cmp));
  ccplans_print_line (stdout, _("Current: %s (%s), %u activities"), current_display, current,
                      ccp_period_compare_get_n_current (cmp));
  ccplans_print_line (stdout, "%s", "");

  for (guint i = 0; i < ccp_period_compare_get_n_cities (cmp); i++)
    {
      const CcpPeriodCity *city = ccp_period_compare_get_city (cmp, i);
      g_autofree char *name = g_strdup_printf ("%s (%s)", city->city, city->country);

      name_width = MAX (name_width, display_width (name));
    }
  name_width = MAX (name_width, display_width (_("Total")));
  for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
    widths[c] = MAX (display_width (columns[c]), 5);

  {
    g_autofree char *head = pad (_("City"), name_width);
    g_autofree char *c0 = pad_left (columns[0], widths[0]);
    g_autofree char *c1 = pad_left (columns[1], widths[1]);
    g_autofree char *c2 = pad_left (columns[2], widths[2]);

    ccplans_print_line (stdout, "%s  %s  %s  %s", head, c0, c1, c2);
  }
  for (guint i = 0; i <= ccp_period_compare_get_n_cities (cmp); i++)
    {
      gboolean last = i == ccp_period_compare_get_n_cities (cmp);
      const CcpPeriodCity *city = last ? NULL : ccp_period_compare_get_city (cmp, i);
      g_autofree char *label = last ? g_strdup (_("Total"))
                                    : g_strdup_printf ("%s (%s)", city->city, city->country);
      g_autofree char *name = pad (label, name_width);

      ccplans_print_line (stdout, "%s  %*u  %*u  %*u", name,
                          widths[0], last ? ccp_period_compare_get_n_new (cmp)
                                          : city->new_ids->len,
                          widths[1], last ? ccp_period_compare_get_n_continued (cmp)
                                          : city->continued_ids->len,
                          widths[2], last ? ccp_period_compare_get_n_dropped (cmp)
                                          : city->dropped_ids->len);
    }

  for (guint d = 0; d < CCP_COMPARE_N_DIMENSIONS; d++)
    {
      GPtrArray *counts = ccp_period_compare_get_counts (cmp, d);
      const char *vocabulary_name = ccp_compare_dimension_to_code (d);
      int code_width = display_width (dimension_heading (d));
      int pw = MAX (display_width (previous), 5), cw = MAX (display_width (current), 5);
      g_autofree char *head = NULL;
      g_autofree char *p_head = pad_left (previous, pw);
      g_autofree char *c_head = pad_left (current, cw);

      for (guint i = 0; i < counts->len; i++)
        {
          const CcpPeriodCount *count = g_ptr_array_index (counts, i);

          code_width = MAX (code_width, display_width (count->code));
        }
      ccplans_print_line (stdout, "%s", "");
      head = pad (dimension_heading (d), code_width);
      ccplans_print_line (stdout, "%s  %s  %s", head, p_head, c_head);
      for (guint i = 0; i < counts->len; i++)
        {
          const CcpPeriodCount *count = g_ptr_array_index (counts, i);
          g_autofree char *code = pad (count->code, code_width);
          const char *label = vocabulary != NULL
            ? ccp_vocabulary_get_short_label (vocabulary, vocabulary_name, count->code) : NULL;

          ccplans_print_line (stdout, "%s  %*u  %*u  %s", code, pw, count->previous, cw,
                              count->current, label != NULL ? label : "");
        }
    }
}

int
ccplans_compare (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the comparison as a JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL,
      N_("PREVIOUS CURRENT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CcplansLoaded) previous = NULL;
  g_autoptr(CcplansLoaded) current = NULL;
  g_autoptr(CcpPeriodCompare) cmp = NULL;

  context = g_option_context_new (_("PREVIOUS CURRENT — this period beside the previous one"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Set a plan (city plan or field plan) beside the previous "
                                  "period's: per city, the activities that are new, continued "
                                  "(same identifier or carried-over link) and dropped; then "
                                  "the activities per objective, area of action, SDG and "
                                  "kind in both periods.\n\n"
                                  "Exit status: 0 on success, 2 when a file cannot be read or "
                                  "is not a plan."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      ccplans_usage_error ("compare",
                           _("Give exactly two files: the previous period's plan and the "
                             "current one"));
      return CCPLANS_EXIT_UNUSABLE;
    }

  previous = ccplans_load (files[0], NULL);
  current = ccplans_load (files[1], NULL);
  if (previous->document == NULL || current->document == NULL)
    {
      if (previous->document == NULL)
        ccplans_print_load_error (stderr, previous->display, previous->error);
      if (current->document == NULL)
        ccplans_print_load_error (stderr, current->display, current->error);
      return CCPLANS_EXIT_UNUSABLE;
    }

  cmp = ccp_period_compare_new (previous->document, current->document);
  if (json)
    print_json (cmp, previous->display, current->display);
  else
    print_text (cmp, previous->display, current->display);

  ccplans_leave_to_exit (g_steal_pointer (&previous));
  ccplans_leave_to_exit (g_steal_pointer (&current));
  return CCPLANS_EXIT_OK;
}
