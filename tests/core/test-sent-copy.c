/* test-sent-copy.c: the copy of a plan as sent (issue 19): where it goes, identifiers that
 * must not name a path out of the folder, the bytes kept exactly; and the return a newer
 * revision answers (ccp-return.h). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

/* Each test starts without sent copies: the whole data folder of the program is removed.
 * (One XDG_DATA_HOME for the run, set in main(): G_TEST_OPTION_ISOLATE_DIRS would leave GLib's
 * previous folder strings behind at every test, which LeakSanitizer reports.) */
static void
fresh_data_dir (void)
{
  g_autofree char *ours = g_build_filename (g_get_user_data_dir (), "creative-cities-plans",
                                            NULL);

  ccp_test_remove_tree (ours);
}

static void
test_naming (void)
{
  g_autofree char *dir = ccp_sent_copy_get_dir ();
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (),
                                                    "creative-cities-plans", "sent", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

  fresh_data_dir ();
  g_assert_cmpstr (dir, ==, expected_dir);
  file = ccp_sent_copy_get_file (uuid, 3, &error);
  g_assert_no_error (error);
  path = g_file_get_path (file);
  expected = g_build_filename (expected_dir, uuid, "r3.xml", NULL);
  g_assert_cmpstr (path, ==, expected);
  g_clear_object (&file);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&expected, g_free);

  /* The schema's identifiers are accepted as they are. */
  file = ccp_sent_copy_get_file ("bologna-2027.h1:a", 12, &error);
  g_assert_no_error (error);
  path = g_file_get_path (file);
  expected = g_build_filename (expected_dir, "bologna-2027.h1:a", "r12.xml", NULL);
  g_assert_cmpstr (path, ==, expected);

  /* Revision 0 is never sent. */
  g_assert_null (ccp_sent_copy_get_file (uuid, 0, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
}

static void
test_hostile_ids (void)
{
  static const char * const hostile[] = {
    "", ".", "..", "../../etc", "a/../../b", "/etc/passwd", "a/b", "..\\x", ".hidden",
    "-rf", "a b", "a\nb", "caf\xc3\xa9", "%2e%2e", "a\\b", "~",
  };
  g_autofree char *long_id = g_strnfill (129, 'a');
  g_autofree char *longest = g_strnfill (128, 'a');
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<plan/>", 7);
  g_autofree char *dir = ccp_sent_copy_get_dir ();

  fresh_data_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("id “%s”", hostile[i]);
      g_assert_false (ccp_sent_copy_id_is_valid (hostile[i]));
      g_assert_null (ccp_sent_copy_get_file (hostile[i], 1, &error));
      g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
      g_clear_error (&error);
      g_assert_false (ccp_sent_copy_save (hostile[i], 1, bytes, &error));
      g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
      g_clear_error (&error);
      g_assert_null (ccp_sent_copy_load (hostile[i], 1, NULL, &error));
      g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
      g_assert_false (ccp_sent_copy_exists (hostile[i], 1));
    }
  g_assert_false (ccp_sent_copy_id_is_valid (NULL));
  g_assert_false (ccp_sent_copy_id_is_valid (long_id));
  g_assert_true (ccp_sent_copy_id_is_valid (longest));

  /* Nothing was written outside the folder, nor in it. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 3);
  g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
  g_autoptr(GBytes) other = g_bytes_new_static ("revision 2", 10);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = ccp_plan_get_id (plan);

  fresh_data_dir ();
  g_assert_false (ccp_sent_copy_exists (id, 1));
  g_assert_null (ccp_sent_copy_load (id, 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ccp_sent_copy_save (id, 1, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (ccp_sent_copy_save (id, 2, other, &error));
  g_assert_no_error (error);
  g_assert_true (ccp_sent_copy_exists (id, 1));
  g_assert_true (ccp_sent_copy_exists (id, 2));
  g_assert_false (ccp_sent_copy_exists (id, 3));

  /* Exactly the bytes given, revision by revision. */
  loaded = ccp_sent_copy_load (id, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, bytes));
  g_clear_pointer (&loaded, g_bytes_unref);
  loaded = ccp_sent_copy_load (id, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, other));
  g_clear_pointer (&loaded, g_bytes_unref);

  /* Saved again: replaced, no backup beside it; the folder is private. */
  g_assert_true (ccp_sent_copy_save (id, 2, bytes, &error));
  g_assert_no_error (error);
  loaded = ccp_sent_copy_load (id, 2, NULL, &error);
  g_assert_true (g_bytes_equal (loaded, bytes));
  file = ccp_sent_copy_get_file (id, 2, NULL);
  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_autofree char *folder = g_path_get_dirname (path);
    GStatBuf st;

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  /* The copy reads back as the plan. */
  {
    g_autoptr(GObject) again = ccp_reader_read_bytes (loaded, "r2.xml", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (CCP_IS_PLAN (again));
    g_assert_cmpstr (ccp_plan_get_id (CCP_PLAN (again)), ==, id);
  }
}

/* Only the last CCP_SENT_COPY_KEEP revisions of a plan are kept: a new copy removes older ones,
 * never the one written (even when older than the kept ones), nor other plans' copies or other
 * files in the folder. */
static void
test_keeps_last_revisions (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("sent", 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *other_file = NULL;
  const char *id = "plan-a", *other = "plan-b";

  fresh_data_dir ();
  g_assert_true (ccp_sent_copy_save (other, 1, bytes, &error));
  g_assert_no_error (error);
  for (guint revision = 1; revision <= CCP_SENT_COPY_KEEP; revision++)
    {
      g_assert_true (ccp_sent_copy_save (id, revision, bytes, &error));
      g_assert_no_error (error);
    }
  for (guint revision = 1; revision <= CCP_SENT_COPY_KEEP; revision++)
    g_assert_true (ccp_sent_copy_exists (id, revision));

  /* Files in the folder that are not ours stay. */
  first = ccp_sent_copy_get_file (id, 1, NULL);
  parent = g_file_get_parent (first);
  folder = g_file_get_path (parent);
  other_file = g_build_filename (folder, "r01.xml", NULL);
  g_assert_true (g_file_set_contents (other_file, "x", 1, NULL));

  /* The sixth: revision 1 goes, 2 to 6 stay. */
  g_assert_true (ccp_sent_copy_save (id, CCP_SENT_COPY_KEEP + 1, bytes, &error));
  g_assert_no_error (error);
  g_assert_false (ccp_sent_copy_exists (id, 1));
  for (guint revision = 2; revision <= CCP_SENT_COPY_KEEP + 1; revision++)
    g_assert_true (ccp_sent_copy_exists (id, revision));

  /* Ten more: only the last five are left. */
  for (guint revision = CCP_SENT_COPY_KEEP + 2; revision <= 16; revision++)
    g_assert_true (ccp_sent_copy_save (id, revision, bytes, NULL));
  for (guint revision = 1; revision <= 16; revision++)
    g_assert_cmpint (ccp_sent_copy_exists (id, revision), ==, revision > 16 - CCP_SENT_COPY_KEEP);

  /* An older revision written again is kept beside the five latest. */
  g_assert_true (ccp_sent_copy_save (id, 3, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (ccp_sent_copy_exists (id, 3));
  for (guint revision = 17 - CCP_SENT_COPY_KEEP; revision <= 16; revision++)
    g_assert_true (ccp_sent_copy_exists (id, revision));

  /* Then the next write removes it; the other plan and the foreign file are untouched. */
  g_assert_true (ccp_sent_copy_save (id, 17, bytes, &error));
  g_assert_false (ccp_sent_copy_exists (id, 3));
  g_assert_false (ccp_sent_copy_exists (id, 12));
  g_assert_true (ccp_sent_copy_exists (id, 13));
  g_assert_true (ccp_sent_copy_exists (other, 1));
  g_assert_true (g_file_test (other_file, G_FILE_TEST_IS_REGULAR));
}

/* --- The return a newer revision answers ------------------------------------------------- */

static void
add_comment (CcpSource  *source,
             const char *id,
             const char *time,
             gboolean    addressed)
{
  g_autoptr(CcpReviewComment) comment = ccp_review_comment_new (id, "a1", "title", id);

  ccp_review_comment_set_time (comment, time);
  ccp_review_comment_set_addressed (comment, addressed);
  ccp_item_list_append (ccp_source_get_comments (source), comment);
}

static void
test_return (void)
{
  g_autoptr(CcpSource) older = ccp_source_new ();
  g_autoptr(CcpSource) newer = ccp_source_new ();
  g_autoptr(GPtrArray) comments = NULL;

  /* Received, superseded without a comment: not a return. */
  ccp_source_set_review (older, CCP_REVIEW_STATE_RECEIVED);
  g_assert_null (ccp_return_get_time (older));
  ccp_source_supersede (older, newer);
  g_assert_cmpint (ccp_source_get_review (older), ==, CCP_REVIEW_STATE_SUPERSEDED);
  g_assert_null (ccp_return_get_time (older));

  /* A comment of an earlier round, addressed in the older file: not a return either. */
  add_comment (older, "c1", "2027-01-02T10:00:00Z", TRUE);
  g_assert_null (ccp_return_get_time (older));
  comments = ccp_return_get_comments (older, newer);
  g_assert_cmpuint (comments->len, ==, 0);
  g_clear_pointer (&comments, g_ptr_array_unref);

  /* Accepted with an open comment: not a return. */
  add_comment (older, "c2", "2027-01-16T10:00:00Z", FALSE);
  add_comment (older, "c3", "2027-01-16T10:05:00Z", FALSE);
  ccp_source_set_review (older, CCP_REVIEW_STATE_ACCEPTED);
  g_assert_null (ccp_return_get_time (older));
  /* ... and superseded so: still not a return (the comments alone do not make one). */
  {
    g_autoptr(CcpSource) accepted = ccp_source_copy (older);
    g_autoptr(CcpSource) next = ccp_source_new ();

    ccp_source_supersede (accepted, next);
    g_assert_cmpint (ccp_source_get_review (accepted), ==, CCP_REVIEW_STATE_SUPERSEDED);
    g_assert_null (ccp_return_get_time (accepted));
  }

  /* Returned: on the time the return records, also once superseded. */
  ccp_source_set_review (older, CCP_REVIEW_STATE_RETURNED);
  g_assert_null (ccp_return_get_time (older));
  ccp_source_set_returned (older, "2027-01-16T10:05:00Z");
  g_assert_cmpstr (ccp_return_get_time (older), ==, "2027-01-16T10:05:00Z");
  /* The newer file answers c2; the merge carries c3. */
  add_comment (newer, "c2", "2027-01-16T10:00:00Z", TRUE);
  ccp_source_supersede (older, newer);
  g_assert_cmpint (ccp_source_get_review (older), ==, CCP_REVIEW_STATE_SUPERSEDED);
  g_assert_cmpstr (ccp_return_get_time (older), ==, "2027-01-16T10:05:00Z");

  comments = ccp_return_get_comments (older, newer);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (ccp_review_comment_get_id (g_ptr_array_index (comments, 0)), ==, "c2");
  g_assert_true (ccp_review_comment_get_addressed (g_ptr_array_index (comments, 0)));
  g_assert_cmpstr (ccp_review_comment_get_id (g_ptr_array_index (comments, 1)), ==, "c3");
  g_assert_false (ccp_review_comment_get_addressed (g_ptr_array_index (comments, 1)));
  g_clear_pointer (&comments, g_ptr_array_unref);

  /* Without the newer source: as the older one has them. */
  comments = ccp_return_get_comments (older, NULL);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_false (ccp_review_comment_get_addressed (g_ptr_array_index (comments, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("ccp-sent-copy-XXXXXX", NULL);
  int status;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sent-copy/naming", test_naming);
  g_test_add_func ("/sent-copy/hostile-ids", test_hostile_ids);
  g_test_add_func ("/sent-copy/round-trip", test_round_trip);
  g_test_add_func ("/sent-copy/keeps-last-revisions", test_keeps_last_revisions);
  g_test_add_func ("/sent-copy/return", test_return);

  status = g_test_run ();
  ccp_test_remove_tree (data_home);
  return status;
}
