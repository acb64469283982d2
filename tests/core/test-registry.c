/* Tests of the member-city registry (data/member-cities.csv, data/city-aliases.csv). */
#define G_LOG_DOMAIN "test-registry"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

/* The shipped CSV split naively (it has no quoted fields: checked here), as an independent
 * count to compare the registry with. */
static GPtrArray *
read_shipped_rows (void)
{
  g_autofree char *path = ccp_data_path ("member-cities.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strchr (contents, '"'));

  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (g_strchomp (lines[0]), ==, "city,country_iso2,field,year_designated,source_url");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }

  return rows;
}

static void
test_shipped_count (void)
{
  CcpRegistry *registry = ccp_registry_get_default ();
  GListModel *cities = ccp_registry_get_cities (registry);
  g_autoptr(GPtrArray) rows = read_shipped_rows ();

  g_assert_true (g_list_model_get_item_type (cities) == CCP_TYPE_MEMBER_CITY);
  g_assert_cmpuint (rows->len, ==, 405);
  g_assert_cmpuint (g_list_model_get_n_items (cities), ==, rows->len);
}

static void
test_sorted (void)
{
  GListModel *cities = ccp_registry_get_cities (ccp_registry_get_default ());
  guint n = g_list_model_get_n_items (cities);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(CcpMemberCity) a = g_list_model_get_item (cities, i - 1);
      g_autoptr(CcpMemberCity) b = g_list_model_get_item (cities, i);

      g_assert_cmpint (g_utf8_collate (ccp_member_city_get_name (a),
                                       ccp_member_city_get_name (b)), <=, 0);
    }
}

static void
test_list_field (void)
{
  CcpRegistry *registry = ccp_registry_get_default ();
  g_autoptr(GPtrArray) rows = read_shipped_rows ();
  const char * const *fields =
    ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), "field");
  guint total = 0;

  for (guint f = 0; fields[f] != NULL; f++)
    {
      g_autoptr(GPtrArray) members = ccp_registry_list_field (registry, fields[f]);
      guint expected = 0;

      for (guint i = 0; i < rows->len; i++)
        if (g_strcmp0 (((char **) g_ptr_array_index (rows, i))[2], fields[f]) == 0)
          expected++;

      g_test_message ("%s: %u", fields[f], members->len);
      g_assert_cmpuint (members->len, ==, expected);
      g_assert_cmpuint (members->len, >, 0);
      for (guint i = 0; i < members->len; i++)
        {
          CcpMemberCity *city = g_ptr_array_index (members, i);

          g_assert_cmpstr (ccp_member_city_get_field (city), ==, fields[f]);
          if (i > 0)
            g_assert_cmpint (ccp_member_city_compare (g_ptr_array_index (members, i - 1), city,
                                                      NULL), <, 0);
        }
      total += members->len;
    }

  /* Every city of the list is in a field of the vocabulary. */
  g_assert_cmpuint (total, ==, rows->len);

  {
    g_autoptr(GPtrArray) none = ccp_registry_list_field (registry, "sculpture");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_lookup (void)
{
  CcpRegistry *registry = ccp_registry_get_default ();
  CcpMemberCity *city;

  /* Through the alias file. */
  city = ccp_registry_lookup (registry, "Hannover", "DE", NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Hanover");
  g_assert_cmpstr (ccp_member_city_get_field (city), ==, "music");
  g_assert_cmpuint (ccp_member_city_get_year (city), ==, 2014);
  g_assert_true (g_strv_contains (ccp_member_city_get_aliases (city), "Hannover"));
  g_assert_true (ccp_registry_lookup (registry, "Hanover", NULL, NULL) == city);

  city = ccp_registry_lookup (registry, "Torino", NULL, NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Turin");

  city = ccp_registry_lookup (registry, "Macao", "MO", "gastronomy");
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Macau");

  city = ccp_registry_lookup (registry, "al-madinah al-munawwarah", "SA", NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Medina");

  /* Accents, case and punctuation do not matter. */
  city = ccp_registry_lookup (registry, "evian-les-bains", NULL, NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Évian-les-Bains");
  g_assert_cmpstr (ccp_member_city_get_country (city), ==, "FR");
  g_assert_true (ccp_registry_lookup (registry, "EVIAN", "FR", NULL) == city);
  g_assert_true (ccp_registry_lookup (registry, "  Évian  les Bains ", "fr", NULL) == city);
  g_assert_nonnull (ccp_registry_lookup (registry, "SAO PAULO", "BR", NULL));

  /* The country narrows the search. */
  g_assert_null (ccp_registry_lookup (registry, "Hannover", "AT", NULL));

  /* Two cities of the same name: country and field pick one. */
  city = ccp_registry_lookup (registry, "Granada", "ES", NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_field (city), ==, "literature");
  city = ccp_registry_lookup (registry, "Granada", NULL, "design");
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_country (city), ==, "NI");
  /* A preferred field the city is not in still finds the city. */
  city = ccp_registry_lookup (registry, "Hanover", "DE", "film");
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_field (city), ==, "music");

  /* Missing cities are not an error. */
  g_assert_null (ccp_registry_lookup (registry, "Atlantis", NULL, NULL));
  g_assert_null (ccp_registry_lookup (registry, "", NULL, NULL));
  g_assert_null (ccp_registry_lookup (registry, "---", NULL, NULL));
  g_assert_null (ccp_registry_lookup (registry, NULL, NULL, NULL));
}

/* Spellings of one city that must match, whatever the locale (issue "trust, round 2"). */
static void
test_name_key_pairs (void)
{
  static const char * const pairs[][2] = {
    { "KIRŞEHİR", "Kırşehir" },      /* Turkish capital dotted İ, lower dotless ı */
    { "KIRSEHIR", "kırşehir" },
    { "İSTANBUL", "istanbul" },
    { "ŞANLIURFA", "Şanlıurfa" },
    { "Straße", "STRASSE" },          /* German ß folds to ss */
    { "Weißenfels", "WEISSENFELS" },
    { "ΣΊΣΥΦΟΣ", "σίσυφος" },         /* Greek capital and final sigma */
    { "Θεσσαλονίκη", "ΘΕΣΣΑΛΟΝΊΚΗ" },
    { "Łódź", "LODZ" },               /* letters with a stroke */
    { "Tromsø", "Tromso" },
    { "Medellín", "MEDELLIN" },       /* accents */
    { "Évian-les-Bains", "Evian les Bains" },
    { "Nikšić", "NIKSIC" },
    { "Ærøskøbing", "Aeroskobing" },
  };
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  for (guint round = 0; round < 2; round++)
    {
      /* Once in the test's locale, once in a Turkish one where it exists: the same keys. */
      if (round == 1 && setlocale (LC_ALL, "tr_TR.UTF-8") == NULL)
        break;
      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        {
          g_autofree char *a = ccp_city_name_key (pairs[i][0]);
          g_autofree char *b = ccp_city_name_key (pairs[i][1]);

          g_assert_cmpstr (a, ==, b);
        }
    }
  setlocale (LC_ALL, old_locale);

  /* Different cities stay different. */
  {
    g_autofree char *a = ccp_city_name_key ("Kırklareli");
    g_autofree char *b = ccp_city_name_key ("Kırşehir");

    g_assert_cmpstr (a, !=, b);
  }
}

static void
test_name_key (void)
{
  static const struct {
    const char *name;
    const char *key;
  } cases[] = {
    { "Évian-les-Bains", "evian les bains" },
    { "  São   Paulo!! ", "sao paulo" },
    { "Kraków", "krakow" },
    { "Łódź", "lodz" },
    { "Saint-Étienne", "saint etienne" },
    { "Höhr-Grenzhausen", "hohr grenzhausen" },
    { "Iași", "iasi" },
    { "QUÉBEC CITY", "quebec city" },
    { "Al-Madinah Al-Munawwarah", "al madinah al munawwarah" },
    { "İstanbul", "istanbul" },
    { "", "" },
    { "-", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = ccp_city_name_key (cases[i].name);

      g_assert_cmpstr (key, ==, cases[i].key);
    }

  {
    g_autofree char *key = ccp_city_name_key ("\xff\xfe bad");

    g_assert_cmpstr (key, ==, "");
  }

  /* ASCII names take a shorter path: it must give what the Unicode path gives. A final "é"
   * sends a name down the Unicode path and keys as "e" does, so key(s + "é") is
   * key(s + "e") for every ASCII s. */
  for (guint round = 0; round < 5000; round++)
    {
      char ascii[12];
      guint length = (guint) g_test_rand_int_range (0, sizeof ascii);
      g_autofree char *with_e = NULL;
      g_autofree char *with_e_acute = NULL;
      g_autofree char *ascii_key = NULL;
      g_autofree char *unicode_key = NULL;

      for (guint i = 0; i < length; i++)
        ascii[i] = (char) g_test_rand_int_range (1, 128);
      ascii[length] = '\0';
      with_e = g_strconcat (ascii, "e", NULL);
      with_e_acute = g_strconcat (ascii, "é", NULL);
      ascii_key = ccp_city_name_key (with_e);
      unicode_key = ccp_city_name_key (with_e_acute);
      g_assert_cmpstr (ascii_key, ==, unicode_key);
    }
}

static void
aliases_notified_cb (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_member_city (void)
{
  g_autoptr(CcpMemberCity) city = ccp_member_city_new ("Hanover", "DE", "music", 2014);
  g_auto(GStrv) aliases = NULL;
  g_autofree char *name = NULL;
  guint year = 0;
  guint notified = 0;

  g_signal_connect (city, "notify::aliases", G_CALLBACK (aliases_notified_cb), &notified);

  g_assert_true (ccp_member_city_matches (city, "hanover"));
  g_assert_false (ccp_member_city_matches (city, "Hannover"));
  g_assert_false (ccp_member_city_matches (city, ""));
  g_assert_false (ccp_member_city_matches (city, NULL));

  ccp_member_city_add_alias (city, "Hannover");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (ccp_member_city_matches (city, "HANNOVER"));
  /* The same spelling again, or the name itself, changes nothing. */
  ccp_member_city_add_alias (city, "hannover");
  ccp_member_city_add_alias (city, "Hanover");
  ccp_member_city_add_alias (city, "");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) ccp_member_city_get_aliases (city)), ==, 1);

  g_object_get (city, "name", &name, "year", &year, "aliases", &aliases, NULL);
  g_assert_cmpstr (name, ==, "Hanover");
  g_assert_cmpuint (year, ==, 2014);
  g_assert_cmpuint (g_strv_length (aliases), ==, 1);
  g_assert_cmpstr (aliases[0], ==, "Hannover");
}

static void
assert_load_fails (const char *contents,
                   const char *line_fragment)
{
  g_autofree char *path = ccp_test_write_temp ("ccp-registry-XXXXXX.csv", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpRegistry) registry = ccp_registry_new_from_file (path, &error);

  g_assert_null (registry);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (line_fragment != NULL)
    g_assert_nonnull (strstr (error->message, line_fragment));

  g_unlink (path);
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpRegistry) missing = NULL;

  missing = ccp_registry_new_from_file ("/nonexistent/member-cities.csv", &error);
  g_assert_null (missing);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "/nonexistent/member-cities.csv"));

  /* Unclosed quotation mark: reported where the field opens. */
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "Lyon,FR,literature,2008\n"
                     "\"Bologna,IT,music,2006\n"
                     "Turin,IT,design,2014\n", "line 3");
  /* Bad country, field, year, empty name, duplicate. */
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "Lyon,FR,literature,2008\n"
                     "Bologna,Italy,music,2006\n", "line 3");
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "Bologna,IT,Music,2006\n", "line 2");
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "Bologna,IT,music,two thousand\n", "line 2");
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "\n"
                     " ,IT,music,2006\n", "line 3");
  assert_load_fails ("city,country_iso2,field,year_designated\r\n"
                     "Bologna,IT,music,2006\r\n"
                     "Lyon,FR,literature,2008\r\n"
                     "BOLOGNA,IT,music,2006\r\n", "line 4");
  /* Text after a closing quotation mark. */
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "\"Bologna\"x,IT,music,2006\n", "line 2");
  /* A line break inside a quoted field counts for the following lines. */
  assert_load_fails ("city,country_iso2,field,year_designated\n"
                     "\"Two\nlines\",IT,music,2006\n"
                     "Bologna,ITA,music,2006\n", "line 4");
  /* Missing column, empty file, not UTF-8. */
  assert_load_fails ("city,country,field,year_designated\nBologna,IT,music,2006\n", "line 1");
  assert_load_fails ("", NULL);
  assert_load_fails ("city,country_iso2,field,year_designated\nBolo\xffgna,IT,music,2006\n",
                     "line 2");
}

static void
test_quoted_fields (void)
{
  g_autofree char *path = ccp_test_write_temp ("ccp-registry-XXXXXX.csv", 
    "\xEF\xBB\xBF" "source_url,year_designated,field,country_iso2,city\r\n"
    "\"https://example.org/a,b\",2020,design,US,\"Washington, D.C.\"\r\n"
    "x,,film,GB,\"The \"\"Quoted\"\" City\"\r\n"
    "\r\n"
    "y,2015,music,IT,Bologna");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpRegistry) registry = ccp_registry_new_from_file (path, &error);
  GListModel *cities;
  CcpMemberCity *city;

  g_assert_no_error (error);
  g_assert_nonnull (registry);
  cities = ccp_registry_get_cities (registry);
  g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 3);

  city = ccp_registry_lookup (registry, "Washington, D.C.", "US", NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "Washington, D.C.");
  g_assert_cmpstr (ccp_member_city_get_field (city), ==, "design");
  g_assert_cmpuint (ccp_member_city_get_year (city), ==, 2020);
  g_assert_true (ccp_registry_lookup (registry, "WASHINGTON D C", NULL, NULL) == city);

  city = ccp_registry_lookup (registry, "The \"Quoted\" City", NULL, NULL);
  g_assert_nonnull (city);
  g_assert_cmpstr (ccp_member_city_get_name (city), ==, "The \"Quoted\" City");
  g_assert_cmpuint (ccp_member_city_get_year (city), ==, 0);

  /* The last line has no line break. */
  g_assert_nonnull (ccp_registry_lookup (registry, "Bologna", "IT", "music"));

  g_unlink (path);
}

static void
test_add_and_aliases (void)
{
  g_autoptr(CcpRegistry) registry = ccp_registry_new_empty ();
  g_autofree char *aliases_path = ccp_test_write_temp ("ccp-registry-XXXXXX.csv",
                                                       "alias,city,country_iso2\n"
                                              "Torino,Turin,IT\n"
                                              "Firenze,Florence,IT\n");
  g_autofree char *bad_path = ccp_test_write_temp ("ccp-registry-XXXXXX.csv",
                                                   "alias,city,country_iso2\n"
                                          "Wien,Vienna,AT\n"
                                          "Roma,Rome,Italy\n");
  g_autoptr(CcpMemberCity) turin = ccp_member_city_new ("Turin", "IT", "design", 2014);
  g_autoptr(CcpMemberCity) again = ccp_member_city_new ("turin", "IT", "design", 2014);
  g_autoptr(CcpMemberCity) florence = ccp_member_city_new ("Florence", "IT", "crafts-folk-art",
                                                           2014);
  g_autoptr(CcpMemberCity) aachen = ccp_member_city_new ("Aachen", "DE", "design", 0);
  g_autoptr(GError) error = NULL;
  GListModel *cities = ccp_registry_get_cities (registry);

  g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 0);
  g_assert_null (ccp_registry_lookup (registry, "Turin", NULL, NULL));

  ccp_registry_add (registry, turin);
  g_assert_true (ccp_registry_load_aliases (registry, aliases_path, &error));
  g_assert_no_error (error);

  /* An alias applies to cities already there and to cities added later. */
  g_assert_true (ccp_registry_lookup (registry, "torino", "IT", NULL) == turin);
  ccp_registry_add (registry, florence);
  g_assert_true (ccp_registry_lookup (registry, "Firenze", NULL, NULL) == florence);

  /* Same city, country and field: not added twice. Others go in sorted order. */
  ccp_registry_add (registry, again);
  ccp_registry_add (registry, aachen);
  g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 3);
  {
    g_autoptr(CcpMemberCity) first = g_list_model_get_item (cities, 0);
    g_autoptr(CcpMemberCity) last = g_list_model_get_item (cities, 2);

    g_assert_true (first == aachen);
    g_assert_true (last == turin);
  }

  /* A broken alias file names the file and line and changes nothing. */
  g_assert_false (ccp_registry_load_aliases (registry, bad_path, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  g_unlink (aliases_path);
  g_unlink (bad_path);
}

static void
test_default_is_shared (void)
{
  g_assert_true (ccp_registry_get_default () == ccp_registry_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/shipped-count", test_shipped_count);
  g_test_add_func ("/registry/sorted", test_sorted);
  g_test_add_func ("/registry/list-field", test_list_field);
  g_test_add_func ("/registry/lookup", test_lookup);
  g_test_add_func ("/registry/name-key", test_name_key);
  g_test_add_func ("/registry/name-key-pairs", test_name_key_pairs);
  g_test_add_func ("/registry/member-city", test_member_city);
  g_test_add_func ("/registry/malformed", test_malformed);
  g_test_add_func ("/registry/quoted-fields", test_quoted_fields);
  g_test_add_func ("/registry/add-and-aliases", test_add_and_aliases);
  g_test_add_func ("/registry/default-is-shared", test_default_is_shared);

  return g_test_run ();
}
