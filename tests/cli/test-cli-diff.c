/* Runs the built `ccplans diff` and `ccplans compare` (issue 19) on the shipped examples and on
 * copies changed by hand: text, JSON and exit statuses; and `ccplans export --format
 * network-csv`. */
#define G_LOG_DOMAIN "test-cli-diff"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

#define BOLOGNA "bologna-music-2027-h1.xml"
#define FIELD_PLAN "music-2027-h1-field-plan.xml"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* A copy of the example with each `find` replaced by the `replace` after it (each must be
 * there), in a scratch file. Free with g_free(); the caller removes the file. */
static char *
edited_copy (const char *example,
             ...)
{
  g_autofree char *path = ccp_cli_example_path (example);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *find;
  va_list args;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  va_start (args, example);
  while ((find = va_arg (args, const char *)) != NULL)
    {
      const char *replace = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (contents, find, 2);

      g_assert_nonnull (parts[1]);
      g_free (contents);
      contents = g_strconcat (parts[0], replace, parts[1], NULL);
    }
  va_end (args);
  return ccp_test_write_temp ("ccp-diff-XXXXXX.xml", contents);
}

static void
test_diff_same (void)
{
  g_autofree char *path = ccp_cli_example_path (BOLOGNA);
  const char *args[] = { "diff", path, path, NULL };
  const char *json_args[] = { "diff", "--json", path, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The plans are the same.\n"));
  g_assert_cmpint (ccp_cli_run (NULL, json_args, &json, NULL), ==, 0);
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "same"));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "city-plan");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "changes")),
                    ==, 0);
}

/* One title and one partner city changed, one activity removed (a4), the revision up. */
static void
test_diff_changes (void)
{
  g_autofree char *old = ccp_cli_example_path (BOLOGNA);
  g_autofree char *changed = edited_copy (BOLOGNA,
                                          "revision=\"3\"", "revision=\"4\"",
                                          "Bologna Music Week 2027", "Bologna Music Week 2028",
                                          "<activity id=\"a4\"", "<activity id=\"a9\"",
                                          NULL);
  const char *args[] = { "diff", old, changed, NULL };
  const char *json_args[] = { "diff", "--json", old, changed, NULL };
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *change;
  JsonArray *changes;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "The plan’s revision changed from “3” to “4”. [revision]\n"));
  g_assert_nonnull (strstr (out, "Activity a1: the title changed from “Bologna Music Week "
                                 "2027” to “Bologna Music Week 2028”. [activities/0/title]\n"));
  g_assert_nonnull (strstr (out, "“Online Forum: Music Venues and Noise Policies” was "
                                 "added. [activities/3]\n"));
  g_assert_nonnull (strstr (out, "Activity a4 “Online Forum: Music Venues and Noise "
                                 "Policies” was removed. [activities/3]\n"));
  g_assert_nonnull (strstr (out, "4 changes; activities: 1 added, 1 removed, 1 changed\n"));

  g_assert_cmpint (ccp_cli_run (NULL, json_args, &json, NULL), ==, 1);
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "same"));
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "modified"), ==, 1);
  changes = json_object_get_array_member (object, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 4);
  change = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "field");
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==, "activities/0/title");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "Bologna Music Week 2027");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "Bologna Music Week 2028");
  g_assert_cmpstr (json_object_get_string_member (change, "activity"), ==, "a1");
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "title");
  change = json_array_get_object_element (changes, 2);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "activity-added");
  g_assert_true (json_object_get_null_member (change, "old"));
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "a9");
  g_remove (changed);
}

/* A list field's old and new values are arrays of items, keyed by the item fields. */
static void
test_diff_json_lists (void)
{
  g_autofree char *old = ccp_cli_example_path (BOLOGNA);
  g_autofree char *changed = edited_copy (BOLOGNA, ">Hanover<", ">Hannover<", NULL);
  const char *args[] = { "diff", "--json", old, changed, NULL };
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *change;
  JsonArray *items;

  g_assert_cmpint (ccp_cli_run (NULL, args, &json, NULL), ==, 1);
  root = parse_json (json);
  change = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "path"), ==,
                   "activities/0/partner-cities");
  items = json_object_get_array_member (change, "new");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "name"), ==, "Hannover");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "country"), ==, "DE");
  items = json_object_get_array_member (change, "old");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "name"), ==, "Hanover");
  g_remove (changed);
}

/* A field plan of format 1.0 (upgraded by the reader) and the same plan in format 1.1. */
static void
test_diff_formats (void)
{
  g_autofree char *old = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "format-1.0",
                                           FIELD_PLAN, NULL);
  g_autofree char *current = ccp_cli_example_path (FIELD_PLAN);
  const char *args[] = { "diff", old, current, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The plans are the same."));
}

static void
test_diff_errors (void)
{
  g_autofree char *plan = ccp_cli_example_path (BOLOGNA);
  g_autofree char *field_plan = ccp_cli_example_path (FIELD_PLAN);
  g_autofree char *not_a_plan = ccp_test_write_temp ("ccp-diff-XXXXXX.xml", "<html/>");
  const char *missing[] = { "diff", plan, "/nonexistent/plan.xml", NULL };
  const char *wrong[] = { "diff", plan, not_a_plan, NULL };
  const char *kinds[] = { "diff", plan, field_plan, NULL };
  const char *one[] = { "diff", plan, NULL };
  const char *three[] = { "diff", plan, plan, plan, NULL };
  g_autofree char *err = NULL;
  g_autofree char *err_kinds = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, missing, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/plan.xml"));
  g_assert_cmpint (ccp_cli_run (NULL, wrong, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, kinds, NULL, &err_kinds), ==, 2);
  g_assert_nonnull (strstr (err_kinds, "city plan and the other a field plan"));
  g_assert_cmpint (ccp_cli_run (NULL, one, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, three, NULL, NULL), ==, 2);
  g_remove (not_a_plan);
}

/* Bologna's next period by hand: a1..a3 again, a4 replaced by a9 that records its origin. */
static void
test_compare (void)
{
  g_autofree char *previous = ccp_cli_example_path (BOLOGNA);
  g_autofree char *current = edited_copy (
    BOLOGNA,
    "id=\"e857d014-e10d-4710-a21c-b25dbcafcf72\"", "id=\"bologna-2027-h2\"",
    "<period>2027-H1</period>", "<period>2027-H2</period>",
    "<activity id=\"a4\"", "<activity id=\"a9\"",
    NULL);
  const char *args[] = { "compare", previous, current, NULL };
  const char *json_args[] = { "compare", "--json", previous, current, NULL };
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *city;
  JsonArray *objectives;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(2027-H1), 4 activities\n"));
  g_assert_nonnull (strstr (out, "(2027-H2), 4 activities\n"));
  /* Numbers right-aligned under their headings. */
  g_assert_nonnull (strstr (out, "\nCity" "            " "New  Continued  Dropped\n"));
  g_assert_nonnull (strstr (out, "\nBologna (IT)      1          3        1\n"));

  g_assert_cmpint (ccp_cli_run (NULL, json_args, &json, NULL), ==, 0);
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "continued"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "dropped"), ==, 1);
  city = json_array_get_object_element (json_object_get_array_member (object, "cities"), 0);
  g_assert_cmpstr (json_object_get_string_member (city, "city"), ==, "Bologna");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (city, "new"),
                                                  0), ==, "a9");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (city,
                                                                                "dropped"),
                                                  0), ==, "a4");
  objectives = json_object_get_array_member (json_object_get_object_member (object, "counts"),
                                             "objective");
  g_assert_cmpuint (json_array_get_length (objectives), ==, 6);
  /* Same activities, same codes: each objective as often in both periods. */
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonObject *row = json_array_get_object_element (objectives, i);

      g_assert_cmpint (json_object_get_int_member (row, "previous"), ==,
                       json_object_get_int_member (row, "current"));
    }
  g_remove (current);
}

static void
test_compare_errors (void)
{
  g_autofree char *plan = ccp_cli_example_path (BOLOGNA);
  const char *missing[] = { "compare", plan, "/nonexistent/plan.xml", NULL };
  const char *one[] = { "compare", plan, NULL };

  g_assert_cmpint (ccp_cli_run (NULL, missing, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, one, NULL, NULL), ==, 2);
}

/* The network overview of the three example cities: its HTML has the fields side by side,
 * and --format network-csv the same figures; a city plan is refused. */
static void
test_network_exports (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ccp-network-XXXXXX", NULL);
  g_autofree char *network = g_build_filename (dir, "network.xml", NULL);
  g_autofree char *csv = g_build_filename (dir, "network.csv", NULL);
  g_autofree char *html = g_build_filename (dir, "network.html", NULL);
  g_autofree char *bologna = ccp_cli_example_path (BOLOGNA);
  g_autofree char *liverpool = ccp_cli_example_path ("liverpool-music-2027-h1.xml");
  g_autofree char *medellin = ccp_cli_example_path ("medellin-music-2027-h1.xml");
  g_autofree char *field_plan = ccp_cli_example_path (FIELD_PLAN);
  g_autofree char *field_html = g_build_filename (dir, "field.html", NULL);
  const char *merge[] = { "merge", "--field", "network", "-o", network, bologna, liverpool,
                          medellin, NULL };
  const char *to_csv[] = { "export", "--format", "network-csv", "-o", csv, network, NULL };
  const char *to_html[] = { "export", "--format", "html", "-o", html, network, NULL };
  const char *field_to_html[] = { "export", "--format", "html", "-o", field_html, field_plan,
                                  NULL };
  const char *city[] = { "export", "--format", "network-csv", "-o", csv, bologna, NULL };
  const char *info[] = { "info", "--json", network, NULL };
  g_autofree char *info_out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *field_page = NULL;
  g_autofree char *row = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, merge, NULL, NULL), ==, 0);
  g_assert_cmpint (ccp_cli_run (NULL, to_csv, NULL, NULL), ==, 0);
  g_assert_cmpint (ccp_cli_run (NULL, info, &info_out, NULL), ==, 0);
  root = parse_json (info_out);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "measure,code,field,count,share,total\r\n"));
  row = g_strdup_printf ("\r\nactivities,,music,%" G_GINT64_FORMAT ",,\r\n",
                         json_object_get_int_member (json_node_get_object (root),
                                                     "activities"));
  g_assert_nonnull (strstr (text, row));
  g_assert_nonnull (strstr (text, "\r\ncities-with-plan,,music,3,,\r\n"));

  g_assert_cmpint (ccp_cli_run (NULL, to_html, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (html, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "<section id=\"fields\">"));
  g_assert_cmpint (ccp_cli_run (NULL, field_to_html, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (field_html, &field_page, NULL, NULL));
  g_assert_null (strstr (field_page, "<section id=\"fields\">"));

  g_assert_cmpint (ccp_cli_run (NULL, city, NULL, NULL), ==, 2);
  ccp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-diff/same", test_diff_same);
  g_test_add_func ("/cli-diff/changes", test_diff_changes);
  g_test_add_func ("/cli-diff/json-lists", test_diff_json_lists);
  g_test_add_func ("/cli-diff/formats", test_diff_formats);
  g_test_add_func ("/cli-diff/errors", test_diff_errors);
  g_test_add_func ("/cli-compare/periods", test_compare);
  g_test_add_func ("/cli-compare/errors", test_compare_errors);
  g_test_add_func ("/cli-export/network", test_network_exports);

  return g_test_run ();
}
