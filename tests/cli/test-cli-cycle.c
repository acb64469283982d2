/* Runs the built `ccplans status`, `ccplans review` and `ccplans merge --into` through the
 * six-month cycle (issue 18): text, JSON and exit codes. */
#define G_LOG_DOMAIN "test-cli-cycle"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ccp-cli-test-util.h"
#include "ccp-test-util.h"

static const char * const epoch_env[] = { "SOURCE_DATE_EPOCH=1800000000", NULL };

typedef struct {
  char *dir;
  char *field_plan;   /* a copy of the example field plan */
  char *review;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = ccp_cli_example_path ("music-2027-h1-field-plan.xml");
  g_autofree char *text = NULL;
  gsize length;

  f->dir = g_dir_make_tmp ("ccp-cli-cycle-XXXXXX", NULL);
  f->field_plan = g_build_filename (f->dir, "music field plan.xml", NULL);
  f->review = g_build_filename (f->dir, "review-bologna.xml", NULL);
  g_assert_true (g_file_get_contents (example, &text, &length, NULL));
  g_assert_true (g_file_set_contents (f->field_plan, text, (gssize) length, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ccp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->field_plan);
  g_free (f->review);
}

static JsonObject *
run_status_json (const char *path,
                 int         expected_status)
{
  const char *args[] = { "status", "--json", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ccp_cli_run (epoch_env, args, &out, NULL), ==, expected_status);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
city_of (JsonObject *status,
         const char *city)
{
  JsonArray *cities = json_object_get_array_member (status, "cities");

  for (guint i = 0; i < json_array_get_length (cities); i++)
    {
      JsonObject *row = json_array_get_object_element (cities, i);

      if (g_str_equal (json_object_get_string_member (row, "city"), city))
        return row;
    }
  g_error ("no row for %s", city);
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  const char *args[] = { "status", f->field_plan, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) status = NULL;
  JsonObject *bologna;

  /* 84 member cities of Music, 3 plans received, all after the deadline: exit 1. */
  g_assert_cmpint (ccp_cli_run (epoch_env, args, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Field plan: music 2027-H1\nDeadline: 2026-12-01\n"));
  g_assert_nonnull (strstr (out, "  Bologna (IT): revision 3, received 2027-01-15T08:00:00Z, "
                                 "Late, Received, 0 open comments — Chiara Benedetti "
                                 "<chiara.benedetti@example.org>\n"));
  g_assert_nonnull (strstr (out, "  Salvador (BR): no plan received\n"));
  g_assert_nonnull (strstr (out, "Reporting rate: 3 of 84 (4%)\nTimeliness rate: 0 of 84 (0%)\n"));

  status = run_status_json (f->field_plan, 1);
  g_assert_cmpstr (json_object_get_string_member (status, "deadline"), ==, "2026-12-01");
  g_assert_false (json_object_get_boolean_member (status, "locked"));
  g_assert_cmpint (json_object_get_int_member (status, "expected"), ==, 84);
  g_assert_cmpint (json_object_get_int_member (status, "received"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (status, "on_time"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (status, "late"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (status, "reporting_rate"),
                                  3.0 / 84, 1e-9);
  bologna = city_of (status, "Bologna");
  g_assert_cmpint (json_object_get_int_member (bologna, "revision"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (bologna, "timeliness"), ==, "late");
  g_assert_cmpstr (json_object_get_string_member (bologna, "review"), ==, "received");
  g_assert_cmpstr (json_object_get_string_member (bologna, "email"), ==,
                   "chiara.benedetti@example.org");
  g_assert_true (json_object_get_null_member (city_of (status, "Salvador"), "revision"));
  g_assert_cmpstr (json_object_get_string_member (city_of (status, "Salvador"), "timeliness"),
                   ==, "missing");
}

static void
test_status_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *city_plan = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *missing = g_build_filename (f->dir, "none.xml", NULL);
  const char *plan_args[] = { "status", city_plan, NULL };
  const char *missing_args[] = { "status", missing, NULL };
  const char *none_args[] = { "status", NULL };
  const char *two_args[] = { "status", f->field_plan, f->field_plan, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (ccp_cli_run (NULL, plan_args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is a city plan"));
  g_assert_cmpint (ccp_cli_run (NULL, missing_args, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, none_args, NULL, NULL), ==, 2);
  g_assert_cmpint (ccp_cli_run (NULL, two_args, NULL, NULL), ==, 2);
}

/* Every member city on time: exit 0. */
static void
test_status_complete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(CcpPartner) member = ccp_partner_new_city ("Bologna", "IT", "music");
  g_autoptr(CcpSource) source = ccp_source_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (f->dir, "complete.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) status = NULL;

  g_object_set (field_plan, "id", "field-music-2027-H1", "field", "music", "period", "2027-H1",
                "mission-statement", "2", "consolidated", "2026-11-30T00:00:00Z",
                "modified", "2026-11-30T00:00:00Z", NULL);
  ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
  g_object_set (source, "file", "b.xml", "sha256", "0000", "city", "Bologna", "country", "IT",
                "plan-id", "p1", "revision", 1, "received", "2026-11-30T10:00:00Z",
                "review", CCP_REVIEW_STATE_ACCEPTED, NULL);
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);
  file = g_file_new_for_path (path);
  g_assert_true (ccp_writer_save (G_OBJECT (field_plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);

  status = run_status_json (path, 0);
  g_assert_cmpfloat (json_object_get_double_member (status, "timeliness_rate"), ==, 1.0);
  g_assert_cmpstr (json_object_get_string_member (city_of (status, "Bologna"), "timeliness"),
                   ==, "on-time");
}

static void
test_review_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *city_plan = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *fp = f->field_plan;
  const char *rv = f->review;
  struct {
    const char *args[16];
    const char *message;
  } cases[] = {
    { { "review", fp, "--accept", "-o", rv, NULL }, "--city" },
    { { "review", fp, "--city", "Bologna", "-o", rv, NULL }, "--accept or --return" },
    { { "review", fp, "--city", "Bologna", "--accept", "--return", "-o", rv, NULL },
      "--accept or --return" },
    { { "review", fp, "--city", "Bologna", "--accept", NULL }, "-o OUT" },
    { { "review", fp, "--city", "Bologna", "--accept", "-o", fp, NULL }, "output file" },
    { { "review", fp, "--city", "Salvador", "--accept", "-o", rv, NULL },
      "no accepted plan of Salvador" },
    { { "review", fp, "--city", "Bologna", "--return", "-o", rv, NULL },
      "add at least one comment" },
    { { "review", fp, "--city", "Bologna", "--return", "--comment-on", "nothing", "-o", rv,
        NULL }, "PATH=TEXT" },
    { { "review", fp, "--city", "Bologna", "--return", "--comment-on", "activities/zz/title=x",
        "-o", rv, NULL }, "no activity “zz”" },
    { { "review", fp, "--city", "Bologna", "--return", "--comment-on", "activities/a1/titel=x",
        "-o", rv, NULL }, "no field “titel”" },
    { { "review", fp, "--city", "Bologna", "--return", "--comment-on", "focal-point-mail=x",
        "-o", rv, NULL }, "no field “focal-point-mail”" },
    { { "review", city_plan, "--city", "Bologna", "--accept", "-o", rv, NULL },
      "is a city plan" },
  };

  g_assert_true (g_file_get_contents (fp, &before, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (ccp_cli_run (epoch_env, cases[i].args, NULL, &err), ==, 2);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, err);
      g_assert_false (g_file_test (rv, G_FILE_TEST_EXISTS));
    }
  /* Nothing was written. */
  g_assert_true (g_file_get_contents (fp, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* The whole loop: return with comments, the city answers in revision 4, merge --into. */
static void
test_review_loop (Fixture       *f,
                  gconstpointer  data)
{
  const char *return_args[] = {
    "review", f->field_plan, "--city", "bologna", "--return", "--comment", "Add the budget",
    "--comment-on", "activities/a1/title=A shorter title", "--author", "Ana Silva",
    "-o", f->review, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) review_file = g_file_new_for_path (f->review);
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) status2 = NULL;
  g_autofree char *example = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  g_autofree char *rev4 = g_build_filename (f->dir, "bologna-4.xml", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged.xml", NULL);
  g_autofree char *merged_again = g_build_filename (f->dir, "merged-again.xml", NULL);
  JsonObject *bologna;

  g_assert_cmpint (ccp_cli_run (epoch_env, return_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Returned revision 3 of the plan of Bologna with 2 comments"));

  /* The review file: valid, the two comments, who and when. */
  review = ccp_review_read_file (review_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_review_get_state (review), ==, CCP_REVIEW_STATE_RETURNED);
  g_assert_cmpstr (ccp_review_get_author (review), ==, "Ana Silva");
  g_assert_cmpstr (ccp_review_get_time (review), ==, "2027-01-15T08:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_review_get_comments (review))),
                    ==, 2);
  {
    g_autofree char *xmllint = g_find_program_in_path ("xmllint");
    const char *argv[] = { xmllint, "--noout", "--schema", g_getenv ("CCP_SCHEMA"), f->review,
                           f->field_plan, NULL };
    int wait_status = -1;

    g_assert_nonnull (xmllint);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &wait_status, &error));
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }

  status = run_status_json (f->field_plan, 1);
  bologna = city_of (status, "Bologna");
  g_assert_cmpstr (json_object_get_string_member (bologna, "review"), ==, "returned");
  g_assert_cmpint (json_object_get_int_member (bologna, "open_comments"), ==, 2);

  /* The Focal Point opens the review, addresses the first comment, sends revision 4. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (example);
    g_autoptr(GObject) document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
    CcpPlan *plan = CCP_PLAN (document);
    g_autoptr(GFile) out_file = g_file_new_for_path (rev4);

    g_assert_no_error (error);
    g_assert_true (ccp_review_matches_plan (review, plan));
    ccp_review_apply_to_plan (review, plan);
    ccp_review_comment_set_addressed (ccp_review_comments_find (
      G_LIST_MODEL (ccp_plan_get_comments (plan)), "c1"), TRUE);
    ccp_plan_set_revision (plan, 4);
    ccp_plan_mark_sent (plan, "2027-01-20T09:00:00Z");
    g_assert_true (ccp_writer_save (document, out_file, FALSE, NULL, &error));
    g_assert_no_error (error);
  }
  {
    const char *merge_args[] = { "merge", "--into", f->field_plan, "-o", merged, rev4, NULL };
    const char *again_args[] = { "merge", "--into", merged, "-o", merged_again, rev4, NULL };
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_cmpint (ccp_cli_run (epoch_env, merge_args, NULL, NULL), ==, 0);
    status2 = run_status_json (merged, 1);
    bologna = city_of (status2, "Bologna");
    g_assert_cmpint (json_object_get_int_member (bologna, "revision"), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (bologna, "review"), ==, "received");
    g_assert_cmpstr (json_object_get_string_member (bologna, "received_time"), ==,
                     "2027-01-20T09:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (bologna, "first_received"), ==,
                     "2027-01-15T08:00:00Z");
    g_assert_cmpint (json_object_get_int_member (bologna, "comments"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (bologna, "open_comments"), ==, 1);

    /* Merging the same file again keeps the states and comments: the same bytes. */
    g_assert_cmpint (ccp_cli_run (epoch_env, again_args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (merged, &a, NULL, NULL));
    g_assert_true (g_file_get_contents (merged_again, &b, NULL, NULL));
    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "review=\"superseded\""));
    g_assert_nonnull (strstr (a, "addressed=\"true\""));
  }

  /* Accept revision 4: no comment needed. */
  {
    const char *accept_args[] = { "review", merged, "--city", "Bologna", "--accept", "-o",
                                  f->review, NULL };
    g_autofree char *accept_out = NULL;
    g_autoptr(JsonObject) status3 = NULL;

    g_assert_cmpint (ccp_cli_run (epoch_env, accept_args, &accept_out, NULL), ==, 0);
    g_assert_nonnull (strstr (accept_out, "Accepted revision 4 of the plan of Bologna"));
    status3 = run_status_json (merged, 1);
    g_assert_cmpstr (json_object_get_string_member (city_of (status3, "Bologna"), "review"), ==,
                     "accepted");
  }
}

/* A final field plan: reviewing and adding plans ask to reopen it first. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->field_plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);
  g_autofree char *rev4 = g_build_filename (f->dir, "bologna-4.xml", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged.xml", NULL);
  g_autofree char *example = ccp_cli_example_path ("bologna-music-2027-h1.xml");
  const char *review_args[] = { "review", f->field_plan, "--city", "Bologna", "--accept", "-o",
                                f->review, NULL };
  const char *merge_args[] = { "merge", "--into", f->field_plan, "-o", merged, rev4, NULL };
  g_autofree char *err = NULL;
  g_autofree char *merge_err = NULL;
  g_autoptr(JsonObject) status = NULL;

  g_assert_no_error (error);
  ccp_field_plan_lock (CCP_FIELD_PLAN (document));
  g_assert_true (ccp_writer_save (document, file, FALSE, NULL, &error));
  {
    g_autoptr(GFile) in = g_file_new_for_path (example);
    g_autoptr(GObject) plan = ccp_reader_read_file (in, NULL, NULL, NULL, NULL, &error);
    g_autoptr(GFile) out = g_file_new_for_path (rev4);

    ccp_plan_set_revision (CCP_PLAN (plan), 4);
    g_assert_true (ccp_writer_save (plan, out, FALSE, NULL, &error));
  }

  g_assert_cmpint (ccp_cli_run (epoch_env, review_args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is final; reopen it first"));
  g_assert_false (g_file_test (f->review, G_FILE_TEST_EXISTS));
  g_assert_cmpint (ccp_cli_run (epoch_env, merge_args, NULL, &merge_err), ==, 2);
  g_assert_nonnull (strstr (merge_err, "reopen it first"));
  g_assert_false (g_file_test (merged, G_FILE_TEST_EXISTS));

  status = run_status_json (f->field_plan, 1);
  g_assert_true (json_object_get_boolean_member (status, "locked"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/cycle/status", test_status);
  ADD ("/cli/cycle/status-errors", test_status_errors);
  ADD ("/cli/cycle/status-complete", test_status_complete);
  ADD ("/cli/cycle/review-usage", test_review_usage);
  ADD ("/cli/cycle/review-loop", test_review_loop);
  ADD ("/cli/cycle/locked", test_locked);
#undef ADD

  return g_test_run ();
}
