#define G_LOG_DOMAIN "ccp-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "ccp-test-util.h"

/* Keep these lists in step with data/schema/creative-cities-plans-1.xsd and the vocabularies. */
static const char * const fields[] = {
  "crafts-folk-art", "design", "film", "gastronomy", "literature", "media-arts", "music",
  "architecture",
};

static const char * const kinds[] = {
  "festival-event", "conference-meeting", "workshop-capacity-building", "exchange-residency",
  "research-publication", "exhibition", "pilot-project", "communication-campaign", "other",
};

static const char * const scopes[] = { "local", "international" };

static const char * const states[] = {
  "planned", "ongoing", "carried-over", "postponed", "cancelled",
};

static const char * const sectors[] = {
  "public", "private", "civil-society", "academic", "unesco-un", "other",
};

static const char * const currencies[] = { "EUR", "USD", "KRW", "JPY", "CNY", "GBP", "BRL", "AED" };

/* Real member cities (data/member-cities.csv): name, country, field. */
static const struct {
  const char *name;
  const char *country;
  const char *field;
} member_cities[] = {
  { "Auckland", "NZ", "music" },
  { "Baghdad", "IQ", "literature" },
  { "Bandung", "ID", "design" },
  { "Beirut", "LB", "literature" },
  { "Bilbao", "ES", "design" },
  { "Bogotá", "CO", "music" },
  { "Chengdu", "CN", "gastronomy" },
  { "Como", "IT", "crafts-folk-art" },
  { "Dakar", "SN", "media-arts" },
  { "Dublin", "IE", "literature" },
  { "Galway", "IE", "film" },
  { "Guadalajara", "MX", "media-arts" },
  { "Kraków", "PL", "literature" },
  { "Kütahya", "TR", "crafts-folk-art" },
  { "Liège", "BE", "music" },
  { "Lyon", "FR", "literature" },
  { "Mannheim", "DE", "music" },
  { "Nagoya", "JP", "design" },
  { "Ouagadougou", "BF", "crafts-folk-art" },
  { "Popayán", "CO", "gastronomy" },
  { "Quezon City", "PH", "film" },
  { "Quito", "EC", "architecture" },
  { "Saint-Étienne", "FR", "design" },
  { "Seoul", "KR", "design" },
  { "Sharjah", "AE", "crafts-folk-art" },
  { "Tartu", "EE", "literature" },
  { "Valparaíso", "CL", "music" },
  { "Östersund", "SE", "gastronomy" },
};

/* Words of mixed scripts, and some that need escaping in XML. */
static const char * const words[] = {
  "creative", "city", "network", "festival", "craft", "workshop", "youth", "heritage",
  "residency", "artists", "public", "library", "sound", "design", "food", "market",
  "film", "archive", "poetry", "digital", "open", "studio", "neighbourhood", "sustainable",
  "café", "Ateliers", "créatifs", "música", "año", "Straße", "Øresund", "naïve", "façade",
  "مدينة", "الإبداع", "ثقافة", "مهرجان", "创意", "城市", "音乐节", "手工艺", "설계", "도시",
  "R&D", "<open>", "\"live\"", "l'atelier", "A&B", "x<y", "'quoted'", "»guillemets«", "—",
  "2027", "№5", "😀",
};

static const char * const given_names[] = {
  "José", "Zoë", "Ana", "Mohammed", "Fatima", "Li", "Min-jun", "Anne", "Olumide", "Søren",
  "Chloé", "Hiroshi", "Aroha", "Björn",
};

static const char * const family_names[] = {
  "Álvarez", "O'Brien", "Nguyen", "Al-Rashid", "王", "Kim", "Dubois", "Okafor", "Jørgensen",
  "Müller", "Tanaka", "Ngata", "García Márquez",
};

static const char * const venues[] = {
  "City Hall", "Old Harbour & Warehouses", "Musée des Beaux-Arts", "الساحة القديمة",
  "文化中心", "Public Library \"Main\"", "Community <Makers> Space",
};

static const char * const titles[] = {
  "Deputy Mayor for Culture", "Adjointe au maire", "نائب رئيس البلدية", "市长",
};

static const char * const funders[] = {
  "City budget", "Ministry of Culture", "EU Creative Europe", "Private sponsors & patrons",
  "UNESCO Participation Programme", "Fondation « Arts »", "文化基金",
};

static const char * const organisations[] = {
  "City Council", "National Film School", "Artists' Union", "Cooperative \"Hands & Hearts\"",
  "Université de Lyon", "جمعية الفنون", "上海音乐学院", "UNESCO Office <Regional>",
  "Chamber of Commerce",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

char *
ccp_test_data_path (const char *relative)
{
  const char *dir = g_getenv ("CCP_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative, NULL);
}

const char *
ccp_test_examples_dir (void)
{
  const char *dir = g_getenv ("CCP_EXAMPLES_DIR");

  g_assert_nonnull (dir);
  return dir;
}

void
ccp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ccp_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

char *
ccp_test_random_string (GRand *rand,
                        guint  n_words)
{
  GString *text = g_string_new (NULL);

  n_words = MAX (n_words, 1);
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, PICK (rand, words));
    }

  return g_string_free (text, FALSE);
}

static char *
random_description (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n_sentences = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n_sentences; i++)
    {
      g_autofree char *sentence = ccp_test_random_string (rand, g_rand_int_range (rand, 3, 30));

      if (i > 0)
        g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? "\n\n" : " ");
      g_string_append (text, sentence);
      g_string_append_c (text, '.');
    }

  /* At most 5 sentences of 29 words: always under CCP_DESCRIPTION_WORD_LIMIT. */
  return g_string_free (text, FALSE);
}

/* Up to max_count codes in first..last (duplicates are dropped by the activity setter). */
static char **
random_codes (GRand *rand,
              guint  first,
              guint  last,
              guint  max_count,
              guint  favourite)
{
  GPtrArray *codes = g_ptr_array_new ();
  guint count = g_rand_int_range (rand, 1, max_count + 1);

  if (favourite != 0 && g_rand_boolean (rand))
    g_ptr_array_add (codes, g_strdup_printf ("%u", favourite));

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (codes, g_strdup_printf ("%d", g_rand_int_range (rand, first, last + 1)));

  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

static char *
random_person (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, given_names), PICK (rand, family_names));
}

static char *
random_email (GRand *rand,
              const char *role)
{
  static const char * const locals[] = { "ana", "jose", "li.wei", "f.alrashid", "kim", "anne" };

  return g_strdup_printf ("%s.%s%d@example.org", PICK (rand, locals), role,
                          g_rand_int_range (rand, 1, 100));
}

static gboolean
has_partner (CcpItemList *partners,
             const char *name)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (partners));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcpPartner) partner = g_list_model_get_item (G_LIST_MODEL (partners), i);

      if (g_str_equal (ccp_partner_get_name (partner), name))
        return TRUE;
    }

  return FALSE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

CcpActivity *
ccp_test_random_activity (GRand   *rand,
                          CcpPlan *plan)
{
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_auto(GStrv) objectives = NULL;
  g_auto(GStrv) areas = NULL;
  CcpActivity *activity;
  GDate first, last;
  guint n_days, start_offset, end_offset;

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (CCP_IS_PLAN (plan), NULL);

  id = ccp_plan_next_activity_id (plan);
  activity = ccp_activity_new (id);

  {
    g_autofree char *words_text = ccp_test_random_string (rand, g_rand_int_range (rand, 1, 6));

    title = g_strdup_printf ("%s %s", ccp_plan_get_city (plan), words_text);
  }
  description = random_description (rand);
  ccp_activity_set_title (activity, title);
  ccp_activity_set_description (activity, description);
  ccp_activity_set_kind (activity, PICK (rand, kinds));
  ccp_activity_set_scope (activity, PICK (rand, scopes));
  ccp_activity_set_state (activity, PICK (rand, states));
  ccp_activity_set_flagship (activity, g_rand_int_range (rand, 0, 4) == 0);
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      g_autofree char *joint_ref = g_strdup_printf ("joint-%08x", g_rand_int (rand));

      ccp_activity_set_joint_ref (activity, joint_ref);
    }

  /* Dates inside the period, end not before start. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!ccp_period_get_range (ccp_plan_get_period (plan), &first, &last))
    g_error ("random activity: the plan's period “%s” is invalid", ccp_plan_get_period (plan));
  n_days = g_date_days_between (&first, &last) + 1;
  start_offset = g_rand_int_range (rand, 0, n_days);
  end_offset = start_offset + g_rand_int_range (rand, 0, MIN (n_days - start_offset, 45));
  last = first;
  g_date_add_days (&first, start_offset);
  g_date_add_days (&last, end_offset);
  start = format_date (&first);
  end = format_date (&last);
  ccp_activity_set_start_date (activity, start);
  ccp_activity_set_end_date (activity, end);

  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      ccp_activity_set_online (activity, TRUE);
      if (g_rand_boolean (rand))
        ccp_activity_set_place (activity, "");
      else
        ccp_activity_set_place (activity, "https://example.org/live?a=1&b=2");
    }
  else
    {
      g_autofree char *place = g_strdup_printf ("%s, %s", PICK (rand, venues),
                                                ccp_plan_get_city (plan));

      ccp_activity_set_place (activity, place);
    }

  objectives = random_codes (rand, 1, 6, 3, 0);
  areas = random_codes (rand, 1, 6, 3, 0);
  ccp_activity_set_objectives (activity, (const char * const *) objectives);
  ccp_activity_set_areas (activity, (const char * const *) areas);

  if (g_rand_int_range (rand, 0, 6) == 0)
    ccp_activity_set_sdgs_none (activity, TRUE);
  else
    {
      g_auto(GStrv) sdgs = random_codes (rand, 1, 17, 3, 11);

      ccp_activity_set_sdgs (activity, (const char * const *) sdgs);
    }

  if (g_rand_int_range (rand, 0, 4) == 0)
    ccp_activity_set_partner_cities_none (activity, TRUE);
  else
    {
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < n; i++)
        {
          guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (member_cities));
          g_autoptr(CcpPartner) partner = NULL;

          /* Not the plan's own city, and each partner once. */
          if (g_str_equal (member_cities[k].name, ccp_plan_get_city (plan)) ||
              has_partner (ccp_activity_get_partner_cities (activity), member_cities[k].name))
            continue;
          partner = ccp_partner_new_city (member_cities[k].name, member_cities[k].country,
                                          member_cities[k].field);
          ccp_item_list_append (ccp_activity_get_partner_cities (activity), partner);
        }

      if (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_partner_cities (activity))) == 0)
        ccp_activity_set_partner_cities_none (activity, TRUE);
    }

  if (g_rand_int_range (rand, 0, 4) == 0)
    ccp_activity_set_partner_organisations_none (activity, TRUE);
  else
    {
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < n; i++)
        {
          const char *name = PICK (rand, organisations);
          g_autoptr(CcpPartner) partner = ccp_partner_new_organisation (name, PICK (rand, sectors));

          if (has_partner (ccp_activity_get_partner_organisations (activity), name))
            continue;
          ccp_item_list_append (ccp_activity_get_partner_organisations (activity), partner);
        }
    }

  if (g_rand_int_range (rand, 0, 4) == 0)
    ccp_activity_set_budget_none (activity, TRUE);
  else
    {
      g_autofree char *amount = NULL;

      if (g_rand_boolean (rand))
        amount = g_strdup_printf ("%d.%02d", g_rand_int_range (rand, 0, 2000000),
                                  g_rand_int_range (rand, 0, 100));
      else
        amount = g_strdup_printf ("%d", g_rand_int_range (rand, 100, 500000));
      ccp_activity_set_budget_amount (activity, amount);
      ccp_activity_set_budget_currency (activity, PICK (rand, currencies));
    }

  if (g_rand_int_range (rand, 0, 4) == 0)
    ccp_activity_set_funding_none (activity, TRUE);
  else
    {
      const char *sources[3] = { NULL, NULL, NULL };

      sources[0] = PICK (rand, funders);
      if (g_rand_boolean (rand))
        sources[1] = PICK (rand, funders);
      if (g_strcmp0 (sources[0], sources[1]) == 0)
        sources[1] = NULL;
      ccp_activity_set_funding (activity, sources);
    }

  if (g_rand_int_range (rand, 0, 5) == 0)
    ccp_activity_set_results_none (activity, TRUE);
  else
    {
      guint n = g_rand_int_range (rand, 1, 3);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *outcome = ccp_test_random_string (rand, g_rand_int_range (rand, 3, 12));
          g_autofree char *indicator = NULL;
          g_autoptr(CcpResult) result = NULL;

          if (g_rand_boolean (rand))
            indicator = g_strdup_printf ("%d participants", g_rand_int_range (rand, 10, 5000));
          result = ccp_result_new (outcome, indicator);
          ccp_item_list_append (ccp_activity_get_results (activity), result);
        }
    }

  return activity;
}

CcpPlan *
ccp_test_random_plan (GRand      *rand,
                      const char *city,
                      const char *country,
                      const char *field,
                      const char *period,
                      guint       n_activities)
{
  g_autoptr(CcpPlan) plan = NULL;
  g_autofree char *id = NULL;
  g_autofree char *random_period = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *focal_point = NULL;
  g_autofree char *email = NULL;
  guint k, year;

  g_return_val_if_fail (rand != NULL, NULL);

  /* A random city brings its own country and field; a given city gets a random field. */
  k = g_rand_int_range (rand, 0, G_N_ELEMENTS (member_cities));
  if (field == NULL)
    field = city == NULL ? member_cities[k].field : PICK (rand, fields);
  if (city == NULL)
    city = member_cities[k].name;
  if (country == NULL)
    country = member_cities[k].country;
  if (period == NULL)
    {
      random_period = g_strdup_printf ("%d-H%d", g_rand_int_range (rand, 2026, 2031),
                                       g_rand_int_range (rand, 1, 3));
      period = random_period;
    }
  if (!ccp_period_parse (period, &year, NULL))
    g_error ("random plan: invalid period “%s”", period);

  /* A UUID (version 4 layout) drawn from rand, so that the plan is reproducible. */
  id = g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                        g_rand_int (rand),
                        g_rand_int (rand) & 0xffff,
                        g_rand_int (rand) & 0xfff,
                        (g_rand_int (rand) & 0x3fff) | 0x8000,
                        g_rand_int (rand) & 0xffff,
                        g_rand_int (rand));
  /* Drafted in the months before the period. */
  modified = g_strdup_printf ("%04u-%02d-%02dT%02d:%02d:%02dZ", year - 1,
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
                              g_rand_int_range (rand, 0, 60));

  plan = ccp_plan_new ();
  ccp_plan_set_id (plan, id);
  ccp_plan_set_revision (plan, g_rand_int_range (rand, 1, 6));
  ccp_plan_set_modified (plan, modified);
  ccp_plan_set_status (plan, g_rand_boolean (rand) ? CCP_PLAN_STATUS_FINAL
                                                   : CCP_PLAN_STATUS_DRAFT);
  ccp_plan_set_city (plan, city);
  ccp_plan_set_country (plan, country);
  ccp_plan_set_field (plan, field);
  ccp_plan_set_period (plan, period);
  ccp_plan_set_mission_statement (plan, CCP_MISSION_STATEMENT_CURRENT);

  focal_point = random_person (rand);
  email = random_email (rand, "focal");
  ccp_plan_set_focal_point_name (plan, focal_point);
  ccp_plan_set_focal_point_email (plan, email);
  if (g_rand_boolean (rand))
    {
      g_autofree char *phone = g_strdup_printf ("+%d %d %d", g_rand_int_range (rand, 1, 99),
                                                g_rand_int_range (rand, 10, 99),
                                                g_rand_int_range (rand, 100000, 9999999));

      ccp_plan_set_focal_point_phone (plan, phone);
    }

  if (g_rand_int_range (rand, 0, 3) == 0)
    ccp_plan_set_representative_none (plan, TRUE);
  else
    {
      g_autofree char *representative = random_person (rand);

      ccp_plan_set_representative_name (plan, representative);
      if (g_rand_boolean (rand))
        ccp_plan_set_representative_title (plan, PICK (rand, titles));
      if (g_rand_boolean (rand))
        {
          g_autofree char *representative_email = random_email (rand, "mayor");

          ccp_plan_set_representative_email (plan, representative_email);
        }
    }

  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(CcpActivity) activity = ccp_test_random_activity (rand, plan);

      ccp_item_list_append (ccp_plan_get_activities (plan), activity);
    }

  return g_steal_pointer (&plan);
}

char *
ccp_test_write_temp (const char *template_name,
                     const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template_name, &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

void
ccp_test_count_cb (gpointer object,
                   gpointer data)
{
  (*(guint *) data)++;
}

void
ccp_test_count_notify_cb (GObject    *object,
                          GParamSpec *pspec,
                          guint      *count)
{
  (*count)++;
}
