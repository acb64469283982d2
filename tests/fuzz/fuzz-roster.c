/* fuzz-roster.c: libFuzzer harness for the member-city CSV reader behind `ccplans merge
 * --roster` (ccp_registry_new_from_file()): the bytes go through a file, as a roster does,
 * so the bounded loader is on the path too. */
#define G_LOG_DOMAIN "fuzz-roster"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "fuzz-common.h"

static char *roster_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  int fd;

  fuzz_common_init ();
  fd = g_file_open_tmp ("ccp-fuzz-roster-XXXXXX.csv", &roster_path, &error);
  g_assert_no_error (error);
  close (fd);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CcpRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cities;

  g_assert_true (g_file_set_contents (roster_path, (const char *) data, (gssize) size, NULL));
  registry = ccp_registry_new_from_file (roster_path, &error);

  /* Exactly one of a registry and an error, the error a message for a person. */
  g_assert_true ((registry == NULL) != (error == NULL));
  if (registry == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* Every member it kept has a name, a country code and a field. */
  cities = ccp_registry_get_cities (registry);
  for (guint i = 0; i < g_list_model_get_n_items (cities); i++)
    {
      g_autoptr(CcpMemberCity) city = g_list_model_get_item (cities, i);

      g_assert_true (*ccp_member_city_get_name (city) != '\0');
      g_assert_cmpuint (strlen (ccp_member_city_get_country (city)), ==, 2);
      g_assert_true (*ccp_member_city_get_field (city) != '\0');
    }
  return 0;
}
