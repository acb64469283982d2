/* ccplans-review.c: `ccplans review FIELD_PLAN --city CITY (--accept | --return) [--comment
 * TEXT]... [--comment-on PATH=TEXT]... [--author NAME] -o REVIEW_FILE` (issue 18): accepts or
 * returns a city's source with comments, updates the field plan (atomically) and writes the
 * review file for the Focal Point. */
#define G_LOG_DOMAIN "ccplans"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ccplans.h"
#include "ccplans-output.h"

/* The activity identifiers of the city's plan, as the field plan attributes them. */
static gboolean
has_activity (CcpFieldPlan *field_plan,
              CcpSource    *source,
              const char   *activity_id)
{
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  guint n = g_list_model_get_n_items (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

          if (g_str_equal (ccp_attribution_get_plan_id (attribution),
                           ccp_source_get_plan_id (source)) &&
              g_str_equal (ccp_attribution_get_activity_id (attribution), activity_id))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_plan_property (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CCP_TYPE_PLAN);

  return g_object_class_find_property (G_OBJECT_CLASS (klass), name) != NULL;
}

/* PATH=TEXT -> a comment on that target; NULL with a message for the user. */
static CcpReviewComment *
parse_comment_on (const char    *arg,
                  CcpFieldPlan  *field_plan,
                  CcpSource     *source,
                  char         **message)
{
  const char *equals = strchr (arg, '=');
  g_autofree char *path = NULL;
  g_autoptr(CcpReviewComment) comment = NULL;
  const char *activity, *field;

  if (equals == NULL || equals[1] == '\0')
    {
      /* Translators: %s is what was given to --comment-on */
      *message = g_strdup_printf (_("--comment-on needs PATH=TEXT, not “%s”"), arg);
      return NULL;
    }
  path = g_strndup (arg, (gsize) (equals - arg));
  comment = ccp_review_comment_new (NULL, NULL, NULL, equals + 1);
  if (!ccp_review_comment_set_path (comment, NULL, path))
    {
      /* Translators: %s is a path such as activities/a2/title */
      *message = g_strdup_printf (_("“%s” is not a path of a plan: use a property of the plan "
                                    "(e.g. focal-point-email) or activities/ID[/FIELD]"), path);
      return NULL;
    }

  activity = ccp_review_comment_get_activity (comment);
  field = ccp_review_comment_get_field (comment);
  if (*activity != '\0')
    {
      if (!has_activity (field_plan, source, activity))
        {
          /* Translators: the first %s is an activity identifier, the second a city */
          *message = g_strdup_printf (_("the plan of %s has no activity “%s”"),
                                      ccp_source_get_city (source), activity);
          return NULL;
        }
      if (*field != '\0' && ccp_activity_field_find (field) == NULL)
        {
          /* Translators: %s is the field given, e.g. "titel" */
          *message = g_strdup_printf (_("an activity has no field “%s”"), field);
          return NULL;
        }
    }
  else if (*field != '\0' && !is_plan_property (field))
    {
      /* Translators: %s is the property given, e.g. "focal-point-mail" */
      *message = g_strdup_printf (_("a plan has no field “%s”"), field);
      return NULL;
    }
  return g_steal_pointer (&comment);
}

int
ccplans_review (int    argc,
                char **argv)
{
  gboolean accept = FALSE, send_back = FALSE;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *author = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) targeted = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("The city whose plan is reviewed"),
      N_("CITY") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("Its country (ISO 3166-1 alpha-2), when two member cities share the name"), N_("CC") },
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept, N_("Accept the plan"), NULL },
    { "return", 0, 0, G_OPTION_ARG_NONE, &send_back,
      N_("Return the plan to the city with comments"), NULL },
    { "comment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &texts,
      N_("A comment on the plan as a whole (repeatable)"), N_("TEXT") },
    { "comment-on", 0, 0, G_OPTION_ARG_STRING_ARRAY, &targeted,
      N_("A comment on a field: a property of the plan (focal-point-email) or "
         "activities/ID[/FIELD] (repeatable)"), N_("PATH=TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who reviews (your name)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the review file to OUT"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FIELD_PLAN") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FIELD_PLAN"));
  g_autoptr(CcplansLoaded) loaded = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GFile) review_file = NULL;
  g_autofree char *review_display = NULL;
  CcpFieldPlan *field_plan;
  CcpSource *source;
  guint n_comments;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Accept a city's plan, or return it with comments: the field "
                                  "plan records the review (it is saved in place), and the "
                                  "review file written to OUT is for the city's Focal Point.\n\n"
                                  "Exit status: 0 when the review is recorded and written, 2 "
                                  "when it cannot be (the file cannot be read, the city has no "
                                  "plan in it, the field plan is final, bad usage)."));
  if (!ccplans_parse_options (context, &argc, &argv))
    return CCPLANS_EXIT_UNUSABLE;

  if (!ccplans_check_one_file ("review", files))
    return CCPLANS_EXIT_UNUSABLE;
  if (city == NULL || *city == '\0')
    {
      ccplans_usage_error ("review", _("Say whose plan is reviewed: use --city CITY"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (accept == send_back)
    {
      ccplans_usage_error ("review", _("Give either --accept or --return"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (output == NULL)
    {
      ccplans_usage_error ("review", _("No output file was given: use -o OUT"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  {
    const char *inputs[] = { files[0], NULL };

    if (!ccplans_check_output ("review", output, inputs))
      return CCPLANS_EXIT_UNUSABLE;
  }

  loaded = ccplans_load (files[0], NULL);
  if (loaded->document == NULL)
    {
      ccplans_print_load_error (stderr, loaded->display, loaded->error);
      return CCPLANS_EXIT_UNUSABLE;
    }
  if (!CCP_IS_FIELD_PLAN (loaded->document))
    {
      ccplans_print_line (stderr, "%s: error: %s", loaded->display,
                          _("this is a city plan; reviews are recorded in a field plan"));
      return CCPLANS_EXIT_UNUSABLE;
    }
  field_plan = CCP_FIELD_PLAN (loaded->document);

  source = ccp_cycle_find_city_source (field_plan, city, country);
  if (source == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is the city given to --city */
        g_strdup_printf (_("the field plan has no accepted plan of %s"), city);

      ccplans_print_line (stderr, "%s: error: %s", loaded->display, message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    g_ptr_array_add (comments, ccp_review_comment_new (NULL, NULL, NULL, texts[i]));
  for (guint i = 0; targeted != NULL && targeted[i] != NULL; i++)
    {
      g_autofree char *message = NULL;
      CcpReviewComment *comment = parse_comment_on (targeted[i], field_plan, source, &message);

      if (comment == NULL)
        {
          ccplans_usage_error ("review", message);
          return CCPLANS_EXIT_UNUSABLE;
        }
      g_ptr_array_add (comments, comment);
    }

  review = ccp_cycle_review (field_plan, source,
                             accept ? CCP_REVIEW_STATE_ACCEPTED : CCP_REVIEW_STATE_RETURNED,
                             comments, author, NULL, &error);
  if (review == NULL)
    {
      ccplans_print_line (stderr, "%s: error: %s", loaded->display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }
  ccp_field_plan_set_revision (field_plan,
                               MIN (ccp_field_plan_get_revision (field_plan),
                                    CCP_REVISION_MAX - 1) + 1);

  /* The review file first: a review file left alone is harmless, a field plan that records a
   * return nobody was told of is not. */
  review_file = g_file_new_for_commandline_arg (output);
  review_display = g_filename_display_name (output);
  if (!ccp_review_save (review, review_file, NULL, &error))
    {
      ccplans_print_line (stderr, "%s: error: %s", review_display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }
  plan_file = g_file_new_for_commandline_arg (files[0]);
  if (!ccp_writer_save (G_OBJECT (field_plan), plan_file, FALSE, NULL, &error))
    {
      ccplans_print_line (stderr, "%s: error: %s", loaded->display, error->message);
      return CCPLANS_EXIT_UNUSABLE;
    }

  n_comments = g_list_model_get_n_items (G_LIST_MODEL (ccp_review_get_comments (review)));
  if (accept)
    /* Translators: %s is a city, %u its revision; the last %s a file name */
    ccplans_print_line (stdout, _("Accepted revision %u of the plan of %s; wrote %s"),
                        ccp_review_get_revision (review), ccp_source_get_city (source),
                        review_display);
  else
    ccplans_print_line (stdout,
                        /* Translators: %u is a revision, %s a city, then a number of comments
                         * and a file name */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Returned revision %u of the plan of %s with %u comment; "
                                     "wrote %s",
                                     "Returned revision %u of the plan of %s with %u comments; "
                                     "wrote %s", n_comments),
                        ccp_review_get_revision (review), ccp_source_get_city (source),
                        n_comments, review_display);
  return CCPLANS_EXIT_OK;
}
