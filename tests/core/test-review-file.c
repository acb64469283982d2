/* test-review-file.c: the review file (issue 18): round trip, the XSD (xmllint --schema), and
 * hostile input like every other reader. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define NS "urn:creativecities:plans:1"

static CcpReview *
sample_review (void)
{
  CcpReview *review = ccp_review_new ();
  g_autoptr(CcpReviewComment) c1 = ccp_review_comment_new ("c1", "", "", "Please add a budget "
                                                           "line & its currency <EUR>");
  g_autoptr(CcpReviewComment) c2 = ccp_review_comment_new ("c2", "a2", "end-date",
                                                           "La date de fin précède le début");
  g_autoptr(CcpReviewComment) c3 = ccp_review_comment_new ("c3", "", "focal-point-email",
                                                           "");

  g_object_set (review, "plan-id", "e857d014-e10d-4710-a21c-b25dbcafcf72", "revision", 3,
                "city", "Bologna", "country", "IT", "field", "music", "period", "2027-H1",
                "state", CCP_REVIEW_STATE_RETURNED, "author", "Ana \"Coordinator\" Silva",
                "time", "2027-01-10T09:00:00Z", NULL);
  ccp_review_comment_set_author (c1, "Ana Silva");
  ccp_review_comment_set_time (c1, "2027-01-10T09:00:00Z");
  ccp_review_comment_set_addressed (c2, TRUE);
  ccp_item_list_append (ccp_review_get_comments (review), c1);
  ccp_item_list_append (ccp_review_get_comments (review), c2);
  ccp_item_list_append (ccp_review_get_comments (review), c3);
  return review;
}

/* xmllint --schema on bytes written to a scratch file: exit status 0 and "validates". */
static void
assert_xmllint_valid (GBytes *bytes)
{
  const char *schema = g_getenv ("CCP_SCHEMA");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  int fd;

  g_assert_nonnull (schema);
  if (xmllint == NULL)
    {
      g_test_fail_printf ("xmllint is not installed (package libxml2-utils)");
      return;
    }
  fd = g_file_open_tmp ("ccp-review-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  {
    const char *argv[] = { xmllint, "--noout", "--schema", schema, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_unlink (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s\n%.*s", err, (int) g_bytes_get_size (bytes),
             (const char *) g_bytes_get_data (bytes, NULL));
  g_assert_nonnull (strstr (err, "validates"));
}

static void
test_round_trip (void)
{
  g_autoptr(CcpReview) review = sample_review ();
  g_autoptr(CcpReview) read = NULL;
  g_autoptr(GBytes) first = ccp_review_write (review);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;

  read = ccp_review_read_bytes (first, "review.xml", &issues, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_true (ccp_review_equal (review, read));
  second = ccp_review_write (read);
  g_assert_true (g_bytes_equal (first, second));
  assert_xmllint_valid (first);

  /* The canonical form, as documented in data/schema/README.md. */
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL),
                            "<review xmlns=\"" NS "\" version=\"1.1\" state=\"returned\" "
                            "author=\"Ana &quot;Coordinator&quot; Silva\" "
                            "time=\"2027-01-10T09:00:00Z\">\n"
                            "  <plan id=\"e857d014-e10d-4710-a21c-b25dbcafcf72\" revision=\"3\" "
                            "city=\"Bologna\" country=\"IT\" field=\"music\" period=\"2027-H1\"/>\n"
                            "  <comments>\n"
                            "    <comment id=\"c1\" author=\"Ana Silva\" "
                            "time=\"2027-01-10T09:00:00Z\">Please add a budget line &amp; its "
                            "currency &lt;EUR&gt;</comment>\n"
                            "    <comment id=\"c2\" activity=\"a2\" field=\"end-date\" "
                            "addressed=\"true\">La date de fin précède le début</comment>\n"
                            "    <comment id=\"c3\" field=\"focal-point-email\"/>\n"
                            "  </comments>\n</review>\n"));
}

static void
test_accepted_without_comments (void)
{
  g_autoptr(CcpReview) review = ccp_review_new ();
  g_autoptr(CcpReview) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (review, "plan-id", "p1", "revision", 1, "state", CCP_REVIEW_STATE_ACCEPTED, NULL);
  bytes = ccp_review_write (review);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "  <comments/>\n"));
  assert_xmllint_valid (bytes);
  read = ccp_review_read_bytes (bytes, "ok.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_review_equal (review, read));
}

static void
test_save_atomic (void)
{
  g_autoptr(CcpReview) review = sample_review ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "review.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(CcpReview) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (ccp_review_save (review, file, NULL, &error));
  g_assert_no_error (error);
  read = ccp_review_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_review_equal (review, read));

  /* A folder that does not exist: an error, nothing written. */
  g_assert_false (ccp_review_save (review, bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  ccp_test_remove_tree (dir);
}

static void
assert_refused (const char *text,
                gssize      length,
                int         code,
                const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = ccp_review_read_bytes (bytes, "hostile.xml", NULL, &error);

  g_assert_null (review);
  g_assert_error (error, CCP_ERROR, code);
  g_assert_nonnull (strstr (error->message, "hostile.xml"));
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” not in “%s”", part, error->message);
}

static void
test_hostile (void)
{
  GString *deep = g_string_new ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"accepted\">");
  GString *laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE review [\n"
                                  "<!ENTITY a \"lol\">\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "</a>");
  g_string_append (deep, "</review>");
  assert_refused (deep->str, (gssize) deep->len, CCP_ERROR_MALFORMED, "nested too deeply");
  g_string_free (deep, TRUE);

  for (char c = 'b'; c <= 'j'; c++)
    g_string_append_printf (laughs, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;\">\n",
                            c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1,
                            c - 1);
  g_string_append (laughs, "]>\n<review xmlns=\"" NS "\" version=\"1.1\" state=\"returned\" "
                           "author=\"&j;\"><plan id=\"p\" revision=\"1\"/><comments/></review>\n");
  assert_refused (laughs->str, (gssize) laughs->len, CCP_ERROR_FORBIDDEN, NULL);
  g_string_free (laughs, TRUE);

  assert_refused ("<!DOCTYPE review SYSTEM \"file:///etc/passwd\">\n<review xmlns=\"" NS "\"/>",
                  -1, CCP_ERROR_FORBIDDEN, NULL);
  assert_refused ("", 0, CCP_ERROR_EMPTY, NULL);
  assert_refused ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"accepted\"><plan id=\"p\"",
                  -1, CCP_ERROR_MALFORMED, NULL);
  assert_refused ("\xff\xfe<\0r\0", 6, CCP_ERROR_ENCODING, NULL);
  assert_refused ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"accepted\" "
                  "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\"/>"
                  "</review>", -1, CCP_ERROR_FORBIDDEN, NULL);
}

static void
test_wrong_documents (void)
{
  g_autofree char *plan_path = g_build_filename (ccp_test_examples_dir (),
                                                 "bologna-music-2027-h1.xml", NULL);
  g_autofree char *plan_text = NULL;

  /* A city plan given as a review, and the reverse. */
  g_assert_true (g_file_get_contents (plan_path, &plan_text, NULL, NULL));
  assert_refused (plan_text, -1, CCP_ERROR_NOT_A_PLAN, "<city-plan>");
  {
    g_autoptr(CcpReview) review = sample_review ();
    g_autoptr(GBytes) bytes = ccp_review_write (review);
    g_autoptr(GError) error = NULL;
    g_autoptr(GObject) document = ccp_reader_read_bytes (bytes, "r.xml", NULL, NULL, &error);

    g_assert_null (document);
    g_assert_error (error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN);
  }

  assert_refused ("<review/>", -1, CCP_ERROR_NOT_A_PLAN, "<review>");
  assert_refused ("<review xmlns=\"urn:creativecities:plans:2\" version=\"2.0\" "
                  "state=\"accepted\"/>", -1, CCP_ERROR_NEWER_VERSION, NULL);
  assert_refused ("<review xmlns=\"" NS "\" version=\"3.0\" state=\"accepted\"/>", -1,
                  CCP_ERROR_NEWER_VERSION, "3.0");
  /* What a review cannot be used without. */
  assert_refused ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"maybe\">\n"
                  "<plan id=\"p\" revision=\"1\"/><comments/></review>", -1,
                  CCP_ERROR_MALFORMED, "maybe");
  assert_refused ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"received\">\n"
                  "<plan id=\"p\" revision=\"1\"/><comments/></review>", -1,
                  CCP_ERROR_MALFORMED, "received");
  assert_refused ("<review xmlns=\"" NS "\" version=\"1.1\" state=\"accepted\">\n"
                  "<comments/></review>", -1, CCP_ERROR_MALFORMED, "line 1");
}

static void
test_doubtful_parts (void)
{
  const char *text =
    "<review xmlns=\"" NS "\" version=\"1.1\" state=\"returned\" colour=\"red\">\n"
    "  <plan id=\"p\" revision=\"x\"/>\n"
    "  <comments>\n"
    "    <comment id=\"c1\" addressed=\"perhaps\">Fix <b>this</b></comment>\n"
    "    <note>stray</note>\n"
    "  </comments>\n"
    "  <plan id=\"q\" revision=\"2\"/>\n"
    "</review>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = ccp_review_read_bytes (bytes, "doubt.xml", &issues, &error);
  g_autoptr(GString) rules = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (review);
  /* Read as far as it goes; each doubtful part is an issue with its line. */
  g_assert_cmpstr (ccp_review_get_plan_id (review), ==, "p");
  g_assert_cmpuint (ccp_review_get_revision (review), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_review_get_comments (review))),
                    ==, 1);
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      g_assert_cmpuint (ccp_issue_get_line (issue), >, 0);
      g_string_append_printf (rules, "%u:%s ", ccp_issue_get_line (issue),
                              ccp_issue_get_rule (issue));
    }
  g_test_message ("issues: %s", rules->str);
  g_assert_cmpuint (issues->len, >=, 6);
  g_assert_nonnull (strstr (rules->str, "1:"));
  g_assert_nonnull (strstr (rules->str, "2:"));
  g_assert_nonnull (strstr (rules->str, "4:"));
  g_assert_nonnull (strstr (rules->str, "5:"));
  g_assert_nonnull (strstr (rules->str, "7:"));
}

static void
test_huge_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ccp-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  /* 3 GB of holes: refused by its size alone, before anything is read. */
  g_assert_cmpint (ftruncate (fd, (off_t) 3 * 1000 * 1000 * 1000), ==, 0);
  g_assert_true (g_close (fd, NULL));
  review = ccp_review_read_file (file, NULL, NULL, &error);
  g_assert_null (review);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_TOO_LARGE);
  ccp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-file/round-trip", test_round_trip);
  g_test_add_func ("/review-file/accepted", test_accepted_without_comments);
  g_test_add_func ("/review-file/save", test_save_atomic);
  g_test_add_func ("/review-file/hostile", test_hostile);
  g_test_add_func ("/review-file/wrong-documents", test_wrong_documents);
  g_test_add_func ("/review-file/doubtful-parts", test_doubtful_parts);
  g_test_add_func ("/review-file/huge", test_huge_file);

  return g_test_run ();
}
