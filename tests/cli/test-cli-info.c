/* Runs the built `ccplans info` on the shipped examples and on broken files. */
#define G_LOG_DOMAIN "test-cli-info"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

#define BOLOGNA "bologna-music-2027-h1.xml"
#define MISTAKES "mistakes/mannheim-music-2027-h1-mistakes.xml"

/* Runs ccplans with args (NULL-terminated, without the program); returns the exit status. */
/* Number of <activity elements in the file's text: counted apart from the reader. */
static guint
count_activities (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; (p = strstr (p, "<activity ")) != NULL; p++)
    n++;

  return n;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The counts `ccplans validate --json` gives for one file. */
static void
validate_counts (const char *path,
                 gint64     *errors,
                 gint64     *warnings)
{
  const char *args[] = { "validate", "--json", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *file;

  ccp_cli_run (NULL, args, &out, NULL);
  root = parse_json (out);
  file = json_array_get_object_element (json_node_get_array (root), 0);
  *errors = json_object_get_int_member (file, "errors");
  *warnings = json_object_get_int_member (file, "warnings");
}

static void
test_json_city_plan (void)
{
  g_autofree char *path = ccp_cli_example_path (BOLOGNA);
  const char *args[] = { "info", "--json", path, NULL };
  const char *keys[] = {
    "kind", "city", "country", "field", "period", "status", "activities", "errors", "warnings",
  };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  gint64 errors, warnings;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 0);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);

  /* Exactly these keys, in this order. */
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (g_list_nth_data (members, i), ==, keys[i]);

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "city-plan");
  g_assert_cmpstr (json_object_get_string_member (object, "city"), ==, "Bologna");
  g_assert_cmpstr (json_object_get_string_member (object, "country"), ==, "IT");
  g_assert_cmpstr (json_object_get_string_member (object, "field"), ==, "music");
  g_assert_cmpstr (json_object_get_string_member (object, "period"), ==, "2027-H1");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "final");
  g_assert_cmpint (json_object_get_int_member (object, "activities"), ==,
                   count_activities (path));

  validate_counts (path, &errors, &warnings);
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, errors);
  g_assert_cmpint (json_object_get_int_member (object, "warnings"), ==, warnings);
}

static void
test_text_city_plan (void)
{
  g_autofree char *path = ccp_cli_example_path ("medellin-music-2027-h1.xml");
  const char *args[] = { "info", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *activities = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "city plan"));
  g_assert_nonnull (strstr (out, "Medellín"));
  /* Codes come with their names. */
  g_assert_nonnull (strstr (out, "CO (Colombia)"));
  g_assert_nonnull (strstr (out, "music (Music)"));
  g_assert_nonnull (strstr (out, "2027-H1"));

  regex = g_regex_new ("^Activities: +([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  activities = g_match_info_fetch (match, 1);
  g_assert_cmpuint (g_ascii_strtoull (activities, NULL, 10), ==, count_activities (path));
}

static void
test_plan_with_errors (void)
{
  g_autofree char *path = ccp_cli_example_path (MISTAKES);
  const char *args[] = { "info", "--json", path, NULL };
  const char *text_args[] = { "info", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  gint64 errors, warnings;

  /* A plan with errors: still described, exit status 1. */
  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 1);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "city"), ==, "Mannheim");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (object, "activities"), ==,
                   count_activities (path));

  validate_counts (path, &errors, &warnings);
  g_assert_cmpint (errors, >, 0);
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, errors);
  g_assert_cmpint (json_object_get_int_member (object, "warnings"), ==, warnings);

  g_assert_cmpint (ccp_cli_run (NULL, text_args, NULL, NULL), ==, 1);
}

/* Number of occurrences of needle in the file's text. */
static guint
count_in_file (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; (p = strstr (p, needle)) != NULL; p++)
    n++;

  return n;
}

/* Removes dir and the files in it (whatever the merge wrote there). */
static void
test_field_plan (void)
{
  g_autofree char *bologna = ccp_cli_example_path (BOLOGNA);
  g_autofree char *liverpool = ccp_cli_example_path ("liverpool-music-2027-h1.xml");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  int status;

  /* A field plan made by `ccplans merge` from two examples. */
  dir = g_dir_make_tmp ("ccplans-info-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "music-2027-h1.xml", NULL);
  {
    const char *merge[] = { "merge", "-o", path, bologna, liverpool, NULL };

    g_assert_cmpint (ccp_cli_run (NULL, merge, NULL, NULL), !=, 2);
  }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  {
    const char *args[] = { "info", "--json", path, NULL };
    const char *text_args[] = { "info", path, NULL };

    status = ccp_cli_run (NULL, args, &out, NULL);
    g_assert_cmpint (status, !=, 2);
    root = parse_json (out);
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "field-plan");
    g_assert_true (json_object_get_null_member (object, "city"));
    g_assert_true (json_object_get_null_member (object, "country"));
    g_assert_cmpstr (json_object_get_string_member (object, "field"), ==, "music");
    g_assert_cmpstr (json_object_get_string_member (object, "period"), ==, "2027-H1");
    g_assert_cmpint (json_object_get_int_member (object, "sources"), ==,
                     count_in_file (path, "<source "));
    g_assert_cmpint (json_object_get_int_member (object, "sources"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "activities"), ==,
                     count_in_file (path, "<activity "));
    g_assert_cmpint (status, ==, json_object_get_int_member (object, "errors") > 0 ? 1 : 0);

    g_assert_cmpint (ccp_cli_run (NULL, text_args, &text, NULL), ==, status);
    g_assert_nonnull (strstr (text, "field plan"));
  }

  ccp_test_remove_tree (dir);
}

static void
test_unusable (void)
{
  g_autofree char *missing = ccp_cli_example_path ("no-such-plan.xml");
  g_autofree char *bologna = ccp_cli_example_path (BOLOGNA);
  const char *args[] = { "info", missing, NULL };
  const char *json_args[] = { "info", "--json", missing, NULL };
  const char *no_file[] = { "info", NULL };
  const char *two_files[] = { "info", bologna, bologna, NULL };
  const char *help[] = { "info", "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: error: ", missing);

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, prefix));
  /* One line. */
  g_assert_cmpuint (strlen (err), >, strlen (prefix) + 1);
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, json_args, &out, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, no_file, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "ccplans info"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ccp_cli_run (NULL, two_files, NULL, NULL), ==, 2);

  g_assert_cmpint (ccp_cli_run (NULL, help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--json"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/info/json-city-plan", test_json_city_plan);
  g_test_add_func ("/cli/info/text-city-plan", test_text_city_plan);
  g_test_add_func ("/cli/info/plan-with-errors", test_plan_with_errors);
  g_test_add_func ("/cli/info/field-plan", test_field_plan);
  g_test_add_func ("/cli/info/unusable", test_unusable);

  return g_test_run ();
}
