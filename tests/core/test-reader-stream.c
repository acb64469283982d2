/* test-reader-stream.c: what reading plans as a stream (ccp_xml_stream_*) must keep: errors of
 * the input found after what was read win, as if the file had been parsed whole first; every
 * element is checked, read or skipped; lines and columns stay right past comments, CDATA and
 * processing instructions holding '<'. */
#include "config.h"

#include <string.h>

#include "ccp-core.h"

#define ROOT \
  "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.1\" id=\"p\" revision=\"1\"" \
  " modified=\"2026-01-01T00:00:00Z\" status=\"draft\">\n"

#define ACTIVITY(ID) \
  "    <activity id=\"" ID "\" kind=\"other\" scope=\"local\" state=\"planned\">\n" \
  "      <title>T</title>\n" \
  "    </activity>\n"

static GObject *
read_text (const char  *text,
           GPtrArray  **issues,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ccp_reader_read_bytes (bytes, "stream.ccp", issues, NULL, error);
}

static void
assert_refused (const char *text,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_text (text, &issues, &error);

  g_assert_null (object);
  g_assert_null (issues);
  g_assert_error (error, CCP_ERROR, code);
  if (strstr (error->message, in_message) == NULL)
    g_error ("message does not contain “%s”: %s", in_message, error->message);
}

static CcpIssue *
find_issue (GPtrArray  *issues,
            const char *rule,
            const char *in_message)
{
  for (guint i = 0; i < issues->len; i++)
    {
      CcpIssue *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (ccp_issue_get_rule (issue), rule) &&
          strstr (ccp_issue_get_message (issue), in_message) != NULL)
        return issue;
    }
  return NULL;
}

/* A file that is not a plan, broken further on: the parse error, as before streaming. */
static void
test_stream_malformed_after_wrong_root (void)
{
  assert_refused ("<html>\n<body>\n</html>\n", CCP_ERROR_MALFORMED, "stream.ccp:3:");
}

/* Activities read, then a broken end: no plan, the parse error with its line. */
static void
test_stream_malformed_after_activities (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n" ROOT "  <activities>\n" ACTIVITY ("a1")
                  ACTIVITY ("a2") "  </activities>\n  <field>music</period>\n</city-plan>\n",
                  CCP_ERROR_MALFORMED, "stream.ccp:11: not well-formed XML");
}

/* XInclude after every activity, or inside an element that is skipped unread. */
static void
test_stream_xinclude_late (void)
{
  assert_refused (ROOT "  <activities>\n" ACTIVITY ("a1") "  </activities>\n"
                  "  <x:include xmlns:x=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>\n"
                  "</city-plan>\n",
                  CCP_ERROR_FORBIDDEN, "stream.ccp:7: the file uses XInclude");
  assert_refused (ROOT "  <activities>\n" ACTIVITY ("a1") "  </activities>\n"
                  "  <activities>\n"
                  "    <x:include xmlns:x=\"http://www.w3.org/2003/XInclude\" href=\"a\"/>\n"
                  "  </activities>\n</city-plan>\n",
                  CCP_ERROR_FORBIDDEN, "stream.ccp:8: the file uses XInclude");
  assert_refused (ROOT "  <activities>\n"
                  "    <activity id=\"a1\" kind=\"other\" scope=\"local\" state=\"planned\">\n"
                  "      <description><x:include xmlns:x=\"http://www.w3.org/2001/XInclude\""
                  " href=\"a\"/></description>\n"
                  "    </activity>\n  </activities>\n</city-plan>\n",
                  CCP_ERROR_FORBIDDEN, "stream.ccp:4: the file uses XInclude");
}

/* Where the n-th start tag is: '<' in comments, CDATA and processing instructions is not one. */
static void
test_stream_locations_past_markup (void)
{
  const char *text =
    ROOT                                                                     /* 1 */
    "  <!-- <city> <activities> -->\n"                                       /* 2 */
    "  <?note <a> <b>?>\n"                                                   /* 3 */
    "  <activities>\n"                                                       /* 4 */
    "    <activity id=\"a1\" kind=\"other\" scope=\"local\" state=\"planned\">\n"
    "      <title><![CDATA[<not-a-tag>]]></title>\n"                         /* 6 */
    "      <!-- <bogus> -->\n"                                               /* 7 */
    "      <bogus-1/>\n"                                                     /* 8 */
    "    </activity>\n"                                                      /* 9 */
    "    <activity id=\"a2\" kind=\"other\" scope=\"local\" state=\"planned\">"
    "<bogus-2/></activity>\n"                                                /* 10 */
    "  </activities>\n"                                                      /* 11 */
    "  <activities/>\n"                                                      /* 12 */
    "  <bogus-3 a=\"&gt;&lt;\"><x/></bogus-3>  <bogus-4/>\n"                 /* 13 */
    "</city-plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_text (text, &issues, &error);
  static const struct { const char *name; guint line, column; } expected[] = {
    { "<bogus-1>", 8, 7 }, { "<bogus-2>", 10, 66 }, { "<bogus-3>", 13, 3 },
    { "<bogus-4>", 13, 41 },
  };
  CcpIssue *issue;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (object));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      ccp_plan_get_activities (CCP_PLAN (object)))), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      issue = find_issue (issues, "format-unexpected-element", expected[i].name);
      if (issue == NULL)
        g_error ("no issue for %s", expected[i].name);
      g_assert_cmpuint (ccp_issue_get_line (issue), ==, expected[i].line);
      g_assert_cmpuint (ccp_issue_get_column (issue), ==, expected[i].column);
    }

  issue = find_issue (issues, "format-duplicate-element", "<activities>");
  g_assert_nonnull (issue);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 12);
  g_assert_cmpuint (ccp_issue_get_column (issue), ==, 3);
}

/* The check of the bytes skips ASCII eight bytes at a time: its verdict and the line of the
 * first bad byte must be g_utf8_validate_len()'s on the whole input, wherever NUL, invalid
 * and valid multi-byte sequences fall against those eight-byte words. */
static void
test_stream_utf8_check (void)
{
  static const char * const pieces[] = {
    "a", "\n", " ", "\0", "\xc3\xa9", "\xe2\x80\x93", "\xf0\x9f\x8e\xb5", "\xc3",
    "\xa9", "\xe2\x80", "\xff", "\xed\xa0\x80", "\xc0\xaf",
  };
  static const gsize lengths[] = { 1, 1, 1, 1, 2, 3, 4, 1, 1, 2, 1, 3, 2 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  const char *plan = ROOT "  <activities>\n" ACTIVITY ("a1") "  </activities>\n</city-plan>\n";

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) text = g_string_new (plan);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = NULL;
      guint n_inserts = g_rand_int_range (rand, 0, 3);
      const char *end = NULL;
      gboolean valid;

      for (guint i = 0; i < n_inserts; i++)
        {
          guint piece = g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));
          gsize at = g_rand_int_range (rand, 0, (gint32) text->len + 1);

          g_string_insert_len (text, (gssize) at, pieces[piece], (gssize) lengths[piece]);
        }
      valid = g_utf8_validate_len (text->str, text->len, &end);

      bytes = g_bytes_new (text->str, text->len);
      object = ccp_reader_read_bytes (bytes, "stream.ccp", NULL, NULL, &error);
      if (valid)
        {
          g_assert_false (g_error_matches (error, CCP_ERROR, CCP_ERROR_ENCODING));
        }
      else
        {
          g_autofree char *where = NULL;
          guint line = 1;

          for (const char *p = text->str; p < end; p++)
            line += *p == '\n';
          where = g_strdup_printf ("stream.ccp:%u: ", line);
          g_assert_null (object);
          g_assert_error (error, CCP_ERROR, CCP_ERROR_ENCODING);
          g_assert_true (g_str_has_prefix (error->message, where));
          g_assert_true ((*end == '\0') == (strstr (error->message, "NUL") != NULL));
        }
    }
}

/* Lists longer than what the reader keeps on the stack (eight items): every item read, in
 * order, and an issue on a late item with its own path and line. */
static void
test_stream_long_lists (void)
{
  g_autoptr(GString) text = g_string_new (ROOT "  <activities>\n");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  CcpActivity *activity;
  CcpItemList *organisations;
  const char * const *funding;
  CcpIssue *issue;

  g_string_append (text,
                   "    <activity id=\"a1\" kind=\"other\" scope=\"local\" state=\"planned\">\n"
                   "      <title>T</title>\n"
                   "      <partner-organisations>\n");
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (text, "        <organisation sector=\" s%u \"%s> O%u </organisation>\n",
                            i, i == 11 ? " colour=\"red\"" : "", i);
  g_string_append (text, "      </partner-organisations>\n      <funding>\n");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (text, "        <source>F%u</source>\n", i);
  g_string_append (text, "      </funding>\n    </activity>\n  </activities>\n</city-plan>\n");

  object = read_text (text->str, &issues, &error);
  g_assert_no_error (error);
  activity = ccp_item_list_peek (ccp_plan_get_activities (CCP_PLAN (object)), 0);
  organisations = ccp_activity_get_partner_organisations (activity);
  g_assert_cmpuint (ccp_item_list_get_n_items (organisations), ==, 13);
  for (guint i = 0; i < 13; i++)
    {
      CcpPartner *partner = ccp_item_list_peek (organisations, i);
      g_autofree char *name = g_strdup_printf ("O%u", i);
      g_autofree char *sector = g_strdup_printf ("s%u", i);

      g_assert_cmpstr (ccp_partner_get_name (partner), ==, name);
      g_assert_cmpstr (ccp_partner_get_sector (partner), ==, sector);
    }
  funding = ccp_activity_get_funding (activity);
  g_assert_cmpuint (g_strv_length ((char **) funding), ==, 10);
  g_assert_cmpstr (funding[9], ==, "F9");

  issue = find_issue (issues, "format-unexpected-attribute", "colour");
  g_assert_nonnull (issue);
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, "activities/0/partner-organisations/11");
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 17);
}

static void
counter_cb (GObject *object,
            guint   *count)
{
  (*count)++;
}

static void
notify_counter_cb (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

/* While a document is read its objects tell no one of their changes (nothing can be connected
 * to them yet); once it is returned they do, in the reading thread, also after a file the
 * reader refused half-way. */
static void
test_stream_changes_told_after_reading (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) refused = read_text (ROOT "  <activities>\n" ACTIVITY ("a1")
                                          "  </activities>\n</city-plan>\n<extra/>\n",
                                          NULL, &error);
  g_autoptr(GObject) object = NULL;
  g_autoptr(CcpActivity) made = ccp_activity_new ("m");
  CcpActivity *activity;
  guint plan_changed = 0, activity_changed = 0, title_notified = 0, made_notified = 0;

  g_assert_null (refused);
  g_assert_nonnull (error);
  g_clear_error (&error);

  object = read_text (ROOT "  <activities>\n" ACTIVITY ("a1") "  </activities>\n</city-plan>\n",
                      NULL, &error);
  g_assert_no_error (error);
  activity = ccp_item_list_peek (ccp_plan_get_activities (CCP_PLAN (object)), 0);
  g_signal_connect (object, "changed", G_CALLBACK (counter_cb), &plan_changed);
  g_signal_connect (activity, "changed", G_CALLBACK (counter_cb), &activity_changed);
  g_signal_connect (activity, "notify::title", G_CALLBACK (notify_counter_cb), &title_notified);
  g_signal_connect (made, "notify::title", G_CALLBACK (notify_counter_cb), &made_notified);

  ccp_activity_set_title (activity, "Another title");
  ccp_activity_set_title (made, "Made after reading");
  ccp_plan_set_id (CCP_PLAN (object), "q");
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (activity_changed, ==, 1);
  g_assert_cmpuint (made_notified, ==, 1);
  /* The activity's change, then the plan's own. */
  g_assert_cmpuint (plan_changed, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader-stream/malformed-after-wrong-root",
                   test_stream_malformed_after_wrong_root);
  g_test_add_func ("/reader-stream/malformed-after-activities",
                   test_stream_malformed_after_activities);
  g_test_add_func ("/reader-stream/xinclude-late", test_stream_xinclude_late);
  g_test_add_func ("/reader-stream/locations-past-markup", test_stream_locations_past_markup);
  g_test_add_func ("/reader-stream/utf8-check", test_stream_utf8_check);
  g_test_add_func ("/reader-stream/long-lists", test_stream_long_lists);
  g_test_add_func ("/reader-stream/changes-told-after-reading",
                   test_stream_changes_told_after_reading);

  return g_test_run ();
}
