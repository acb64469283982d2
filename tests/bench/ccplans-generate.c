/* ccplans-generate.c: seeded generator of realistic, valid city plans for the benchmarks.
 *
 *   ccplans-generate --cities N --activities M --seed S --out DIR [--field CODE]
 *                    [--period YYYY-H1] [--compact]
 *
 * Writes N final city plans of one field and period, M activities each. The cities are the
 * field's member cities from the registry (in name order), then made-up cities when N is
 * larger. Some activities are joint: copies of one activity in the plans of 2 to 4 cities,
 * sharing a joint-ref, each copy with that city's own place, budget and partners (as partner
 * cities write them in real plans). The same arguments always give the same bytes.
 *
 * With --compact, each activity has only the fields a valid activity needs (about 230 bytes
 * written, against 1.4 KB), and none is joint: plans of 100,000 activities within the load
 * limit, for the memory benchmark.
 *
 * Every plan is checked with the core validator before it is written: the tool fails rather
 * than write a plan with an error (a made-up city only draws the "not in registry" warning).
 */
#define G_LOG_DOMAIN "ccplans-generate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ccp-core.h"
#include "ccplans-generate.h"

static const char * const given_names[] = {
  "Ana", "José", "Chiara", "Marco", "Fatima", "Mohammed", "Li", "Wei", "Min-jun", "Ji-woo",
  "Anne", "Pierre", "Olumide", "Amara", "Søren", "Ingrid", "Hiroshi", "Yuki", "Aroha",
  "Björn", "Lucía", "Mateus", "Priya", "Arjun", "Elena", "Dmitri", "Zeynep", "Omar",
};

static const char * const family_names[] = {
  "Álvarez", "Benedetti", "O'Brien", "Nguyen", "Al-Rashid", "Kim", "Dubois", "Okafor",
  "Jørgensen", "Müller", "Tanaka", "Ngata", "García", "Silva", "Sharma", "Novak",
  "Yılmaz", "Haddad", "Kowalski", "Rossi", "Santos", "Mensah", "Lindqvist", "Chen",
};

static const char * const representative_titles[] = {
  "Deputy Mayor for Culture", "Councillor for Culture", "Mayor",
  "Head of the Department of Culture",
};

/* Made-up city names once the field's member cities are used up. */
static const char * const name_starts[] = {
  "Val", "Mar", "San", "Port", "Nov", "Bel", "Cor", "Ald", "Riv", "Mont", "Ost", "Kar",
  "Lin", "Sol", "Ter", "Al", "Bran", "Ess", "Gran", "Hal",
};

static const char * const name_middles[] = {
  "", "", "", "a", "e", "i", "o", "an", "er", "in", "or", "el",
};

static const char * const name_ends[] = {
  "ena", "ora", "ville", "burg", "ado", "ica", "stad", "mouth", "ano", "heim", "polis",
  "ford", "era", "ovo", "ila",
};

static void
city_free (gpointer data)
{
  City *city = data;

  g_free (city->name);
  g_free (city->country);
  g_free (city->field);
  g_ptr_array_unref (city->joint);
  g_free (city);
}

static void
joint_activity_free (gpointer data)
{
  JointActivity *joint = data;

  g_free (joint->joint_ref);
  g_free (joint->title);
  g_free (joint->description);
  g_free (joint->start);
  g_free (joint->end);
  g_ptr_array_unref (joint->cities);
  g_strfreev (joint->objectives);
  g_strfreev (joint->areas);
  g_strfreev (joint->sdgs);
  g_free (joint);
}

static gboolean
name_taken (Generator  *gen,
            GHashTable *names,
            const char *name)
{
  CcpRegistry *registry = ccp_registry_get_default ();

  return g_hash_table_contains (names, name) ||
         ccp_registry_lookup (registry, name, NULL, NULL) != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The countries of the Network's member cities, sorted, for the made-up cities. */
static GPtrArray *
member_countries (void)
{
  GListModel *all = ccp_registry_get_cities (ccp_registry_get_default ());
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *countries = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CcpMemberCity) member = g_list_model_get_item (all, i);
      const char *country = ccp_member_city_get_country (member);

      /* Owned by the registry, which lives as long as the process. */
      if (g_hash_table_add (seen, (gpointer) country))
        g_ptr_array_add (countries, (gpointer) country);
    }
  g_ptr_array_sort (countries, compare_strings);

  return countries;
}

static void
choose_cities (Generator *gen,
               guint      n_cities)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) countries = member_countries ();

  for (guint i = 0; i < n_cities && i < gen->registry_members->len; i++)
    {
      CcpMemberCity *member = g_ptr_array_index (gen->registry_members, i);
      City *city = g_new0 (City, 1);

      city->name = g_strdup (ccp_member_city_get_name (member));
      city->country = g_strdup (ccp_member_city_get_country (member));
      city->field = g_strdup (gen->field);
      city->joint = g_ptr_array_new ();
      g_hash_table_add (names, g_strdup (city->name));
      g_ptr_array_add (gen->cities, city);
    }

  while (gen->cities->len < n_cities)
    {
      City *city;
      g_autofree char *name = NULL;

      for (guint attempt = 0; name == NULL || name_taken (gen, names, name); attempt++)
        {
          g_free (name);
          if (attempt < 100)
            name = g_strconcat (PICK (gen->rand, name_starts), PICK (gen->rand, name_middles),
                                PICK (gen->rand, name_ends), NULL);
          else
            name = g_strdup_printf ("%s%s %u", PICK (gen->rand, name_starts),
                                    PICK (gen->rand, name_ends), attempt);
        }

      city = g_new0 (City, 1);
      city->name = g_steal_pointer (&name);
      city->country = g_strdup (g_ptr_array_index (countries,
                                                   g_rand_int_range (gen->rand, 0,
                                                                     countries->len)));
      city->field = g_strdup (gen->field);
      city->joint = g_ptr_array_new ();
      g_hash_table_add (names, g_strdup (city->name));
      g_ptr_array_add (gen->cities, city);
    }
}

static char *
random_person (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, given_names), PICK (rand, family_names));
}

static char *
email_for (const char *person,
           const char *city)
{
  g_autofree char *person_slug = ccp_generate_slugify (person);
  g_autofree char *city_slug = ccp_generate_slugify (city);

  g_strdelimit (person_slug, "-", '.');
  return g_strdup_printf ("%s@culture.%s.example.org", person_slug, city_slug);
}

static CcpPlan *
build_plan (Generator *gen,
            City      *city,
            guint      n_activities)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autofree char *id = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *focal_point = NULL;
  g_autofree char *email = NULL;
  CcpItemList *activities = ccp_plan_get_activities (plan);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  GDate submitted = gen->first;
  guint n_joint = MIN (city->joint->len, n_activities);

  /* A UUID (version 4 layout) drawn from the seed. */
  id = g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                        g_rand_int (gen->rand),
                        g_rand_int (gen->rand) & 0xffff,
                        g_rand_int (gen->rand) & 0xfff,
                        (g_rand_int (gen->rand) & 0x3fff) | 0x8000,
                        g_rand_int (gen->rand) & 0xffff,
                        g_rand_int (gen->rand));
  g_date_subtract_days (&submitted, g_rand_int_range (gen->rand, 20, 60));
  modified = g_strdup_printf ("%04u-%02u-%02uT%02d:%02d:00Z", g_date_get_year (&submitted),
                              g_date_get_month (&submitted), g_date_get_day (&submitted),
                              g_rand_int_range (gen->rand, 8, 19),
                              g_rand_int_range (gen->rand, 0, 60));

  ccp_plan_set_id (plan, id);
  ccp_plan_set_revision (plan, g_rand_int_range (gen->rand, 1, 5));
  ccp_plan_set_modified (plan, modified);
  ccp_plan_set_status (plan, CCP_PLAN_STATUS_FINAL);
  ccp_plan_set_city (plan, city->name);
  ccp_plan_set_country (plan, city->country);
  ccp_plan_set_field (plan, gen->field);
  ccp_plan_set_period (plan, gen->period);
  ccp_plan_set_mission_statement (plan, CCP_MISSION_STATEMENT_CURRENT);

  focal_point = random_person (gen->rand);
  email = email_for (focal_point, city->name);
  ccp_plan_set_focal_point_name (plan, focal_point);
  ccp_plan_set_focal_point_email (plan, email);
  if (g_rand_boolean (gen->rand))
    {
      g_autofree char *phone = g_strdup_printf ("+%d %d %03d %04d",
                                                g_rand_int_range (gen->rand, 1, 99),
                                                g_rand_int_range (gen->rand, 10, 99),
                                                g_rand_int_range (gen->rand, 0, 1000),
                                                g_rand_int_range (gen->rand, 0, 10000));

      ccp_plan_set_focal_point_phone (plan, phone);
    }

  if (g_rand_int_range (gen->rand, 0, 4) == 0)
    ccp_plan_set_representative_none (plan, TRUE);
  else
    {
      g_autofree char *representative = random_person (gen->rand);
      g_autofree char *representative_email = email_for (representative, city->name);

      ccp_plan_set_representative_name (plan, representative);
      ccp_plan_set_representative_title (plan, PICK (gen->rand, representative_titles));
      if (g_rand_boolean (gen->rand))
        ccp_plan_set_representative_email (plan, representative_email);
    }

  /* The joint copies at seeded places among the city's own activities. */
  for (guint i = 0; i < n_activities; i++)
    g_ptr_array_add (list, NULL);
  for (guint j = 0; j < n_joint; j++)
    {
      guint k;

      do
        k = g_rand_int_range (gen->rand, 0, n_activities);
      while (g_ptr_array_index (list, k) != NULL);
      list->pdata[k] = ccp_generate_joint_copy (gen, city, g_ptr_array_index (city->joint, j), k + 1);
    }
  for (guint i = 0; i < n_activities; i++)
    {
      if (g_ptr_array_index (list, i) == NULL)
        list->pdata[i] = gen->compact ? ccp_generate_compact_activity (gen, city, i + 1)
                                      : ccp_generate_activity (gen, city, i + 1);
      ccp_item_list_append (activities, g_ptr_array_index (list, i));
    }

  return g_steal_pointer (&plan);
}

/* The generated plans must be valid: an error here is a bug of this generator. */
static gboolean
check_plan (CcpValidator *validator,
            CcpPlan      *plan,
            const char   *file_name,
            GError      **error)
{
  g_autoptr(GPtrArray) issues = ccp_validator_check_plan (validator, plan);

  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (ccp_issue_get_severity (issue) == CCP_SEVERITY_ERROR)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: a generated plan failed validation; the last %s is the
                        * rule code */
                       _("Generated plan %s is not valid: %s: %s [%s]"),
                       file_name, ccp_issue_get_path (issue), ccp_issue_get_message (issue),
                       ccp_issue_get_rule (issue));
          return FALSE;
        }
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  int n_cities = 1;
  int n_activities = 10;
  int seed = 1;
  gboolean compact = FALSE;
  g_autofree char *out_dir = NULL;
  g_autofree char *field = NULL;
  g_autofree char *period = NULL;
  const GOptionEntry entries[] = {
    { "cities", 0, 0, G_OPTION_ARG_INT, &n_cities, N_("Number of city plans (default 1)"),
      N_("N") },
    { "activities", 0, 0, G_OPTION_ARG_INT, &n_activities,
      N_("Activities in each plan (default 10)"), N_("M") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator (default 1)"),
      N_("S") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Folder to write the plans to"),
      N_("DIR") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("Creative field code (default music)"), N_("CODE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Period (default 2027-H1)"),
      N_("YYYY-H1") },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact,
      N_("Activities with only the required fields, none joint"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpValidator) validator = NULL;
  g_autoptr(GPtrArray) cities = g_ptr_array_new_with_free_func (city_free);
  g_autoptr(GPtrArray) joint = g_ptr_array_new_with_free_func (joint_activity_free);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GHashTable) file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  g_autofree char *period_slug = NULL;
  Generator gen = { 0 };
  guint64 total_bytes = 0;
  guint n_real;

  setlocale (LC_ALL, "");
  ccp_i18n_init ();

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write seeded, realistic and valid city plans of one field "
                                  "and period, for the benchmarks."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (field == NULL)
    field = g_strdup ("music");
  if (period == NULL)
    period = g_strdup ("2027-H1");

  if (out_dir == NULL)
    {
      g_printerr ("%s\n", _("No output folder was given (--out DIR)"));
      return 2;
    }
  if (n_cities < 1 || n_activities < 1)
    {
      g_printerr ("%s\n", _("--cities and --activities must be 1 or more"));
      return 2;
    }
  if (!ccp_vocabulary_has_term (ccp_vocabulary_get_default (), "field", field))
    {
      g_printerr (_("Creative field “%s” is unknown"), field);
      g_printerr ("\n");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) seed);
  gen.rand = rand;
  gen.field = field;
  gen.period = period;
  gen.iso_codes = ccp_iso_codes_get_default ();
  gen.cities = cities;
  gen.joint = joint;
  gen.words = ccp_generate_field_words (field);

  g_date_clear (&gen.first, 1);
  g_date_clear (&gen.last, 1);
  if (!ccp_period_get_range (period, &gen.first, &gen.last))
    {
      g_printerr (_("Period “%s” is not a calendar half such as 2027-H1"), period);
      g_printerr ("\n");
      return 2;
    }

  gen.registry_members = ccp_registry_list_field (ccp_registry_get_default (), field);
  choose_cities (&gen, n_cities);
  gen.compact = compact;
  if (!compact)
    ccp_generate_joint_activities (&gen, n_activities);

  dir = g_file_new_for_commandline_arg (out_dir);
  if (!g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_error (&error);

  validator = ccp_validator_new ();
  period_slug = g_ascii_strdown (period, -1);

  for (guint i = 0; i < cities->len; i++)
    {
      City *city = g_ptr_array_index (cities, i);
      g_autoptr(CcpPlan) plan = build_plan (&gen, city, n_activities);
      g_autofree char *city_slug = ccp_generate_slugify (city->name);
      g_autofree char *name = g_strdup_printf ("%s-%s-%s.xml", city_slug, field, period_slug);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_hash_table_contains (file_names, name))
        {
          g_autofree char *country = g_ascii_strdown (city->country, -1);

          g_free (name);
          name = g_strdup_printf ("%s-%s-%s-%s.xml", city_slug, country, field, period_slug);
        }
      g_hash_table_add (file_names, g_strdup (name));

      if (!check_plan (validator, plan, name, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      bytes = ccp_writer_write_plan (plan);
      total_bytes += g_bytes_get_size (bytes);
      file = g_file_get_child (dir, name);
      if (!ccp_file_save (file, bytes, FALSE, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  n_real = MIN ((guint) n_cities, gen.registry_members->len);
  {
    g_autofree char *plans = NULL;
    g_autofree char *activities = NULL;
    g_autofree char *joint_activities = NULL;

    plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", cities->len),
                             cities->len);
    activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity each",
                                               "%u activities each", n_activities),
                                  (guint) n_activities);
    joint_activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u joint activity",
                                                     "%u joint activities", joint->len),
                                        joint->len);
    /* Translators: e.g. "Wrote 400 plans (84 member cities, 316 made up) of music 2027-H1,
     * 100 activities each, 1331 joint activities, 56961572 bytes, to DIR" */
    g_print (_("Wrote %s (%u member cities, %u made up) of %s %s, %s, %s, %" G_GUINT64_FORMAT
               " bytes, to %s"),
             plans, n_real, cities->len - n_real, field, period, activities, joint_activities,
             total_bytes, out_dir);
    g_print ("\n");
  }

  g_ptr_array_unref (gen.registry_members);
  return 0;
}
