/* Tests of the ISO 3166-1 and ISO 4217 lists read from iso-codes. */
#define G_LOG_DOMAIN "test-iso-codes"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ccp-core.h"

static void
test_countries (void)
{
  CcpIsoCodes *iso = ccp_iso_codes_get_default ();

  g_assert_true (ccp_iso_codes_has_country (iso, "FR"));
  g_assert_true (ccp_iso_codes_has_country (iso, "IT"));
  g_assert_true (ccp_iso_codes_has_country (iso, "MO"));
  g_assert_true (ccp_iso_codes_has_country (iso, "KR"));

  g_assert_false (ccp_iso_codes_has_country (iso, "XX"));
  g_assert_false (ccp_iso_codes_has_country (iso, "fr"));
  g_assert_false (ccp_iso_codes_has_country (iso, ""));
  g_assert_false (ccp_iso_codes_has_country (iso, "FRA"));
  g_assert_false (ccp_iso_codes_has_country (iso, NULL));

  /* LC_ALL=C.UTF-8 in the test environment: untranslated names. */
  g_assert_cmpstr (ccp_iso_codes_get_country_name (iso, "FR"), ==, "France");
  g_assert_cmpstr (ccp_iso_codes_get_country_name (iso, "MO"), ==, "Macao");
  g_assert_null (ccp_iso_codes_get_country_name (iso, "XX"));
  g_assert_null (ccp_iso_codes_get_country_name (iso, NULL));
}

static void
test_currencies (void)
{
  CcpIsoCodes *iso = ccp_iso_codes_get_default ();

  g_assert_true (ccp_iso_codes_has_currency (iso, "EUR"));
  g_assert_true (ccp_iso_codes_has_currency (iso, "USD"));
  g_assert_true (ccp_iso_codes_has_currency (iso, "KRW"));

  g_assert_false (ccp_iso_codes_has_currency (iso, "EURO"));
  g_assert_false (ccp_iso_codes_has_currency (iso, "eur"));
  g_assert_false (ccp_iso_codes_has_currency (iso, "EU"));
  g_assert_false (ccp_iso_codes_has_currency (iso, "XYZ"));
  g_assert_false (ccp_iso_codes_has_currency (iso, ""));
  g_assert_false (ccp_iso_codes_has_currency (iso, NULL));

  g_assert_cmpstr (ccp_iso_codes_get_currency_name (iso, "EUR"), ==, "Euro");
  g_assert_null (ccp_iso_codes_get_currency_name (iso, "EURO"));
}

static void
assert_sorted_codes (CcpIsoCodes        *iso,
                     const char * const *codes,
                     gsize               code_length,
                     gboolean            countries)
{
  guint n = 0;

  g_assert_nonnull (codes);
  for (; codes[n] != NULL; n++)
    {
      g_assert_cmpuint (strlen (codes[n]), ==, code_length);
      if (n > 0)
        g_assert_cmpint (strcmp (codes[n - 1], codes[n]), <, 0);
      if (countries)
        g_assert_true (ccp_iso_codes_has_country (iso, codes[n]));
      else
        g_assert_true (ccp_iso_codes_has_currency (iso, codes[n]));
    }
  g_assert_cmpuint (n, >, 100);
}

static void
test_lists_sorted (void)
{
  CcpIsoCodes *iso = ccp_iso_codes_get_default ();
  const char * const *countries = ccp_iso_codes_get_countries (iso);
  const char * const *currencies = ccp_iso_codes_get_currencies (iso);

  assert_sorted_codes (iso, countries, 2, TRUE);
  assert_sorted_codes (iso, currencies, 3, FALSE);
  g_assert_true (g_strv_contains (countries, "MO"));
  g_assert_true (g_strv_contains (currencies, "KRW"));
}

static char *
make_dir (const char *countries_json,
          const char *currencies_json)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ccp-iso-XXXXXX", &error);

  g_assert_no_error (error);
  if (countries_json != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "iso_3166-1.json", NULL);

      g_file_set_contents (path, countries_json, -1, &error);
      g_assert_no_error (error);
    }
  if (currencies_json != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "iso_4217.json", NULL);

      g_file_set_contents (path, currencies_json, -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *countries = g_build_filename (dir, "iso_3166-1.json", NULL);
  g_autofree char *currencies = g_build_filename (dir, "iso_4217.json", NULL);

  g_unlink (countries);
  g_unlink (currencies);
  g_rmdir (dir);
}

static void
test_only_listed_codes (void)
{
  g_autofree char *dir = make_dir (
    "{\"3166-1\": [{\"alpha_2\": \"MO\", \"alpha_3\": \"MAC\", \"name\": \"Macao\"},"
    " {\"alpha_2\": \"FR\", \"name\": \"France\"},"
    " {\"alpha_2\": \"fr\", \"name\": \"lower case is not a code\"},"
    " {\"alpha_2\": 12, \"name\": \"not a string\"},"
    " {\"name\": \"no code\"}, 7]}",
    "{\"4217\": [{\"alpha_3\": \"EUR\", \"name\": \"Euro\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpIsoCodes) iso = ccp_iso_codes_new_from_dir (dir, &error);
  const char *expected_countries[] = { "FR", "MO", NULL };
  const char *expected_currencies[] = { "EUR", NULL };

  g_assert_no_error (error);
  g_assert_nonnull (iso);
  g_assert_cmpstrv (ccp_iso_codes_get_countries (iso), expected_countries);
  g_assert_cmpstrv (ccp_iso_codes_get_currencies (iso), expected_currencies);
  g_assert_false (ccp_iso_codes_has_country (iso, "IT"));
  g_assert_false (ccp_iso_codes_has_country (iso, "fr"));
  g_assert_false (ccp_iso_codes_has_currency (iso, "USD"));
  g_assert_cmpstr (ccp_iso_codes_get_country_name (iso, "MO"), ==, "Macao");

  remove_dir (dir);
}

static void
test_load_errors (void)
{
  struct {
    const char *countries;
    const char *currencies;
  } cases[] = {
    { NULL, NULL },                                          /* no files */
    { "{\"3166-1\": [", "{\"4217\": []}" },                  /* truncated JSON */
    { "[]", "{\"4217\": []}" },                              /* wrong shape */
    { "{\"3166-1\": {}}", "{\"4217\": []}" },                /* list is not an array */
    { "{\"3166-1\": []}", "{\"4217\": []}" },                /* no codes at all */
    { "{\"3166-1\": [{\"alpha_2\": \"FR\", \"name\": \"France\"}]}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_dir (cases[i].countries, cases[i].currencies);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcpIsoCodes) iso = ccp_iso_codes_new_from_dir (dir, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (iso);
      g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
      g_assert_nonnull (strstr (error->message, dir));

      remove_dir (dir);
    }
}

static void
test_default_is_shared (void)
{
  g_assert_true (ccp_iso_codes_get_default () == ccp_iso_codes_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iso-codes/countries", test_countries);
  g_test_add_func ("/iso-codes/currencies", test_currencies);
  g_test_add_func ("/iso-codes/lists-sorted", test_lists_sorted);
  g_test_add_func ("/iso-codes/only-listed-codes", test_only_listed_codes);
  g_test_add_func ("/iso-codes/load-errors", test_load_errors);
  g_test_add_func ("/iso-codes/default-is-shared", test_default_is_shared);

  return g_test_run ();
}
