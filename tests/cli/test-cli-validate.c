/* Runs the built `ccplans validate` on the shipped examples and on broken files, and checks
 * its output lines, its JSON and its exit status. */
#define G_LOG_DOMAIN "test-cli-validate"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ccp-cli-test-util.h"

#define MISTAKES "mistakes/mannheim-music-2027-h1-mistakes.xml"

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The valid examples: every .xml file directly in data/examples (not in mistakes/). */
static GPtrArray *
list_examples (void)
{
  g_autofree char *dir_path = ccp_cli_example_path ("");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

static char **
split_lines (const char *text)
{
  g_auto(GStrv) all = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    {
      if (all[i][0] != '\0')
        g_strv_builder_add (lines, all[i]);
    }

  return g_strv_builder_end (lines);
}

/* The 1-based number of the first line of the file that contains needle (after skip matches). */
static guint
line_of (const char *path,
         const char *needle,
         guint       skip)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], needle) != NULL && skip-- == 0)
        return i + 1;
    }

  g_assert_not_reached ();
}

/* Finds the output line "FILE:LINE[:COL]: SEVERITY: ... [RULE]"; returns its LINE, 0 if none. */
static guint
find_issue_line (char      **lines,
                 const char *file,
                 const char *severity,
                 const char *rule,
                 guint       wanted_line)
{
  g_autofree char *escaped = g_regex_escape_string (file, -1);
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  guint found = 0;

  pattern = g_strdup_printf ("^%s:([0-9]+)(:[0-9]+)?: %s: .+ \\[%s\\]$",
                             escaped, severity, rule);
  regex = g_regex_new (pattern, 0, 0, NULL);
  g_assert_nonnull (regex);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, lines[i], 0, &match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          guint line = (guint) g_ascii_strtoull (number, NULL, 10);

          if (wanted_line == 0 || line == wanted_line)
            return line;
          found = line;
        }
    }

  return wanted_line == 0 ? found : 0;
}

static void
test_examples_valid (void)
{
  g_autoptr(GPtrArray) examples = list_examples ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected_summary = NULL;
  int status;

  g_assert_cmpuint (examples->len, >=, 3);

  g_strv_builder_add (builder, "validate");
  for (guint i = 0; i < examples->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (examples, i));
  args = g_strv_builder_end (builder);

  status = ccp_cli_run (NULL, (const char * const *) args, &out, NULL);
  g_assert_cmpint (status, ==, 0);

  lines = split_lines (out);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strstr (lines[i], ": error: "));
    }
  /* The last line is the summary of the run. */
  expected_summary = g_strdup_printf ("%u files checked: 0 with errors, 0 errors, ",
                                      examples->len);
  g_assert_true (g_str_has_prefix (lines[g_strv_length (lines) - 1], expected_summary));

  /* Each example also passes on its own. */
  for (guint i = 0; i < examples->len; i++)
    {
      const char *one[] = { "validate", g_ptr_array_index (examples, i), NULL };

      g_assert_cmpint (ccp_cli_run (NULL, one, NULL, NULL), ==, 0);
    }
}

static void
test_mistakes (void)
{
  g_autofree char *path = ccp_cli_example_path (MISTAKES);
  const char *args[] = { "validate", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint previous = 0;
  guint n_lines;
  int status;
  struct {
    const char *rule;
    const char *needle;   /* text on the line where the problem is */
    guint skip;
  } expected[] = {
    { "email-invalid", "<email>jonas.albrecht(at)example.org</email>", 0 },
    { "end-before-start", "<end>2027-05-02</end>", 0 },
    { "activity-outside-period", "<end>2026-09-10</end>", 0 },
    { "objectives-missing", "<objectives/>", 0 },
    { "description-too-long", "<description>The Popakademie", 0 },
    { "budget-currency-unknown", "currency=\"EUO\"", 0 },
    { "activity-id-duplicate", "<activity id=\"a2\"", 1 },
  };

  status = ccp_cli_run (NULL, args, &out, NULL);
  g_assert_cmpint (status, ==, 1);

  lines = split_lines (out);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >=, G_N_ELEMENTS (expected) + 1);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint wanted = line_of (path, expected[i].needle, expected[i].skip);
      guint found = find_issue_line (lines, path, "error", expected[i].rule, wanted);

      if (found != wanted)
        g_error ("expected an error [%s] at line %u of %s; output:\n%s",
                 expected[i].rule, wanted, path, out);
    }

  /* The lines come in file order, then the summary. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      const char *rest;
      guint line;

      g_assert_true (g_str_has_prefix (lines[i], path));
      rest = lines[i] + strlen (path);
      line = rest[0] == ':' ? (guint) g_ascii_strtoull (rest + 1, NULL, 10) : 0;
      g_assert_cmpuint (line, >=, previous);
      previous = line;
    }
  g_assert_true (g_str_has_prefix (lines[n_lines - 1], "1 file checked: 1 with errors, "));
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *not_plan = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[3];

  dir = g_dir_make_tmp ("ccplans-validate-XXXXXX", &error);
  g_assert_no_error (error);
  missing = g_build_filename (dir, "missing.xml", NULL);
  not_plan = g_build_filename (dir, "page.xml", NULL);
  empty = g_build_filename (dir, "empty.xml", NULL);
  g_file_set_contents (not_plan, "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  files[0] = missing;
  files[1] = not_plan;
  files[2] = empty;

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *args[] = { "validate", files[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *prefix = g_strdup_printf ("%s: error: ", files[i]);
      g_auto(GStrv) lines = NULL;

      g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 2);
      lines = split_lines (out);
      /* One line about the file, then the summary. */
      g_assert_cmpuint (g_strv_length (lines), ==, 2);
      g_assert_true (g_str_has_prefix (lines[0], prefix));
      g_assert_cmpuint (strlen (lines[0]), >, strlen (prefix));
      /* The message does not name the file a second time. */
      g_assert_null (strstr (lines[0] + strlen (prefix), files[i]));
      g_assert_true (g_str_has_prefix (lines[1], "1 file checked: 1 unreadable, "));
    }

  g_unlink (not_plan);
  g_unlink (empty);
  g_rmdir (dir);
}

static void
test_mix (void)
{
  g_autofree char *bologna = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *mistakes = ccp_cli_example_path (MISTAKES);
  g_autofree char *missing = ccp_cli_example_path ("no-such-plan.xml");
  const char *errors_first[] = { "validate", bologna, mistakes, NULL };
  const char *all[] = { "validate", mistakes, missing, bologna, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  /* Errors in one file: 1, whatever the others. */
  g_assert_cmpint (ccp_cli_run (NULL, errors_first, NULL, NULL), ==, 1);

  /* An unreadable file wins over errors: 2, and the other files are still checked. */
  g_assert_cmpint (ccp_cli_run (NULL, all, &out, NULL), ==, 2);
  lines = split_lines (out);
  g_assert_cmpuint (find_issue_line (lines, mistakes, "error", "end-before-start", 0), >, 0);
  g_assert_nonnull (strstr (out, missing));
  g_assert_true (g_str_has_prefix (lines[g_strv_length (lines) - 1],
                                   "3 files checked: 1 unreadable, 1 with errors, "));
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

static void
assert_counts_match (JsonObject *file)
{
  JsonArray *issues = json_object_get_array_member (file, "issues");
  gint64 counts[3] = { 0, 0, 0 };
  const char *severities[3] = { "error", "warning", "info" };

  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);
      const char *severity;
      const char *keys[] = { "severity", "rule", "path", "line", "column", "message" };

      for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (issue, keys[k]));
      g_assert_cmpuint (json_object_get_size (issue), ==, G_N_ELEMENTS (keys));

      severity = json_object_get_string_member (issue, "severity");
      for (gsize s = 0; s < G_N_ELEMENTS (severities); s++)
        {
          if (g_strcmp0 (severity, severities[s]) == 0)
            counts[s]++;
        }
      g_assert_cmpuint (strlen (json_object_get_string_member (issue, "rule")), >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (issue, "message")), >, 0);
    }

  g_assert_cmpint (json_object_get_int_member (file, "errors"), ==, counts[0]);
  g_assert_cmpint (json_object_get_int_member (file, "warnings"), ==, counts[1]);
  g_assert_cmpint (json_object_get_int_member (file, "infos"), ==, counts[2]);
  g_assert_cmpint (counts[0] + counts[1] + counts[2], ==, json_array_get_length (issues));
}

static void
test_json (void)
{
  g_autofree char *bologna = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *mistakes = ccp_cli_example_path (MISTAKES);
  g_autofree char *missing = ccp_cli_example_path ("no-such-plan.xml");
  const char *args[] = { "validate", "--json", bologna, mistakes, missing, NULL };
  const char *keys[] = { "file", "kind", "readable", "errors", "warnings", "infos", "issues" };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *files;
  JsonObject *object;
  JsonArray *issues;
  gboolean saw_end_before_start = FALSE;

  g_assert_cmpint (ccp_cli_run (NULL, args, &out, NULL), ==, 2);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  files = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (files), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      object = json_array_get_object_element (files, i);
      for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (object, keys[k]));
      assert_counts_match (object);
    }

  object = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, bologna);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "city-plan");
  g_assert_true (json_object_get_boolean_member (object, "readable"));
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, 0);
  g_assert_false (json_object_has_member (object, "error"));

  object = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, mistakes);
  g_assert_true (json_object_get_boolean_member (object, "readable"));
  g_assert_cmpint (json_object_get_int_member (object, "errors"), >=, 7);
  issues = json_object_get_array_member (object, "issues");
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);

      if (g_strcmp0 (json_object_get_string_member (issue, "rule"), "end-before-start") == 0)
        {
          saw_end_before_start = TRUE;
          g_assert_cmpstr (json_object_get_string_member (issue, "severity"), ==, "error");
          g_assert_cmpstr (json_object_get_string_member (issue, "path"), ==,
                           "activities/0/end-date");
          g_assert_cmpint (json_object_get_int_member (issue, "line"), ==,
                           line_of (mistakes, "<end>2027-05-02</end>", 0));
        }
    }
  g_assert_true (saw_end_before_start);

  object = json_array_get_object_element (files, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, missing);
  g_assert_false (json_object_get_boolean_member (object, "readable"));
  g_assert_true (json_object_get_null_member (object, "kind"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "issues")),
                    ==, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "error")), >, 0);
}

static void
test_usage (void)
{
  const char *no_args[] = { NULL };
  const char *no_files[] = { "validate", NULL };
  const char *json_no_files[] = { "validate", "--json", NULL };
  const char *bad_option[] = { "validate", "--no-such-option", "x.xml", NULL };
  const char *help[] = { "--help", NULL };
  const char *validate_help[] = { "validate", "--help", NULL };
  const char *version[] = { "--version", NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *subcommands[] = { "validate", "info", "merge", "export" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *version_line = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, no_args, NULL, &err), ==, 2);
  g_assert_cmpuint (strlen (err), >, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, no_files, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "ccplans validate"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ccp_cli_run (NULL, json_no_files, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, bad_option, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--no-such-option"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, help, &out, NULL), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *row = g_strdup_printf ("  %s ", subcommands[i]);

      g_assert_nonnull (strstr (out, row));
    }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, validate_help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ccplans validate"));
  g_assert_nonnull (strstr (out, "--json"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, version, &out, NULL), ==, 0);
  version_line = g_strdup_printf ("ccplans (Creative Cities Plans) %s\n", PACKAGE_VERSION);
  g_assert_cmpstr (out, ==, version_line);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ccp_cli_run (NULL, unknown, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_assert_cmpstr (out, ==, "");
}

/* Missing data files: exit status 2 and a message naming the file, not an abort. */
static void
test_broken_installation (void)
{
  static const char * const data_env[] = { "CCP_DATA_DIR=/nonexistent/ccp-data", NULL };
  static const char * const iso_env[] = { "CCP_ISO_CODES_DIR=/nonexistent/ccp-iso", NULL };
  g_autofree char *example = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  const char *args[] = { "validate", example, NULL };
  const char *help[] = { "validate", "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *iso_out = NULL;
  g_autofree char *iso_err = NULL;
  g_autofree char *help_out = NULL;

  g_assert_cmpint (ccp_cli_run (data_env, args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "installation is incomplete"));
  g_assert_nonnull (strstr (err, "/nonexistent/ccp-data/vocabularies.xml"));

  g_assert_cmpint (ccp_cli_run (iso_env, args, &iso_out, &iso_err), ==, 2);
  g_assert_nonnull (strstr (iso_err, "/nonexistent/ccp-iso/iso_3166-1.json"));

  /* Help needs no data. */
  g_assert_cmpint (ccp_cli_run (data_env, help, &help_out, NULL), ==, 0);
  g_assert_nonnull (strstr (help_out, "ccplans validate"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/broken-installation", test_broken_installation);
  g_test_add_func ("/cli/validate/examples-valid", test_examples_valid);
  g_test_add_func ("/cli/validate/mistakes", test_mistakes);
  g_test_add_func ("/cli/validate/unreadable", test_unreadable);
  g_test_add_func ("/cli/validate/mix", test_mix);
  g_test_add_func ("/cli/validate/json", test_json);
  g_test_add_func ("/cli/validate/usage", test_usage);

  return g_test_run ();
}
