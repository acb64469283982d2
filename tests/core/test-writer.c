/* test-writer.c: exact bytes of the canonical writer. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-markup.h"
#include "ccp-test-util.h"

static CcpPlan *
make_small_plan (void)
{
  CcpPlan *plan = ccp_plan_new ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Lyon", "FR", "gastronomy");
  g_autoptr(CcpPartner) organisation = ccp_partner_new_organisation ("Conservatoire",
                                                                     "public");
  g_autoptr(CcpResult) result = ccp_result_new ("200 visitors", "tickets sold");
  const char *objectives[] = { "3", "1", NULL };
  const char *areas[] = { "2", NULL };
  const char *sdgs[] = { "11", "4", NULL };
  const char *funding[] = { "City budget", "Sponsors", NULL };

  ccp_plan_set_id (plan, "p-1");
  ccp_plan_set_revision (plan, 3);
  ccp_plan_set_modified (plan, "2026-11-20T09:30:00Z");
  ccp_plan_set_status (plan, CCP_PLAN_STATUS_FINAL);
  ccp_plan_set_city (plan, "Bologna");
  ccp_plan_set_country (plan, "IT");
  ccp_plan_set_field (plan, "music");
  ccp_plan_set_period (plan, "2027-H1");
  ccp_plan_set_mission_statement (plan, "2");
  ccp_plan_set_focal_point_name (plan, "Anna Rossi");
  ccp_plan_set_focal_point_email (plan, "anna@example.org");
  ccp_plan_set_representative_none (plan, TRUE);

  ccp_activity_set_title (activity, "Jazz & Blues <Night>");
  ccp_activity_set_description (activity, "A \"free\" concert 'outdoors' — città > 2");
  ccp_activity_set_kind (activity, "festival-event");
  ccp_activity_set_scope (activity, "international");
  ccp_activity_set_state (activity, "planned");
  ccp_activity_set_flagship (activity, TRUE);
  ccp_activity_set_start_date (activity, "2027-03-01");
  ccp_activity_set_end_date (activity, "2027-03-02");
  ccp_activity_set_place (activity, "Piazza Maggiore");
  ccp_activity_set_objectives (activity, objectives);
  ccp_activity_set_areas (activity, areas);
  ccp_activity_set_sdgs (activity, sdgs);
  ccp_item_list_append (ccp_activity_get_partner_cities (activity), city);
  ccp_item_list_append (ccp_activity_get_partner_organisations (activity), organisation);
  ccp_activity_set_budget_amount (activity, "12000.00");
  ccp_activity_set_budget_currency (activity, "EUR");
  ccp_activity_set_funding (activity, funding);
  ccp_item_list_append (ccp_activity_get_results (activity), result);
  ccp_item_list_append (ccp_plan_get_activities (plan), activity);

  return plan;
}

static const char expected_small_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.1\" id=\"p-1\" revision=\"3\""
  " modified=\"2026-11-20T09:30:00Z\" status=\"final\">\n"
  "  <city country=\"IT\">Bologna</city>\n"
  "  <field>music</field>\n"
  "  <period>2027-H1</period>\n"
  "  <mission-statement>2</mission-statement>\n"
  "  <focal-point>\n"
  "    <name>Anna Rossi</name>\n"
  "    <email>anna@example.org</email>\n"
  "  </focal-point>\n"
  "  <representative none=\"true\"/>\n"
  "  <activities>\n"
  "    <activity id=\"a1\" kind=\"festival-event\" scope=\"international\" state=\"planned\""
  " flagship=\"true\">\n"
  "      <title>Jazz &amp; Blues &lt;Night&gt;</title>\n"
  "      <description>A \"free\" concert 'outdoors' — città &gt; 2</description>\n"
  "      <start>2027-03-01</start>\n"
  "      <end>2027-03-02</end>\n"
  "      <place>Piazza Maggiore</place>\n"
  "      <objectives>1 3</objectives>\n"
  "      <areas>2</areas>\n"
  "      <sdgs>4 11</sdgs>\n"
  "      <partner-cities>\n"
  "        <partner-city country=\"FR\" field=\"gastronomy\">Lyon</partner-city>\n"
  "      </partner-cities>\n"
  "      <partner-organisations>\n"
  "        <organisation sector=\"public\">Conservatoire</organisation>\n"
  "      </partner-organisations>\n"
  "      <budget amount=\"12000.00\" currency=\"EUR\"/>\n"
  "      <funding>\n"
  "        <source>City budget</source>\n"
  "        <source>Sponsors</source>\n"
  "      </funding>\n"
  "      <results>\n"
  "        <result>\n"
  "          <outcome>200 visitors</outcome>\n"
  "          <indicator>tickets sold</indicator>\n"
  "        </result>\n"
  "      </results>\n"
  "    </activity>\n"
  "  </activities>\n"
  "</city-plan>\n";

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_null (memchr (data, '\0', length));
  return g_strndup (data, length);
}

static void
test_writer_golden (void)
{
  g_autoptr(CcpPlan) plan = make_small_plan ();
  g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
  g_autofree char *text = bytes_to_string (bytes);

  g_assert_cmpstr (text, ==, expected_small_plan);
  g_assert_null (strchr (text, '\r'));
  g_assert_true (g_str_has_suffix (text, ">\n"));
  g_assert_false (g_str_has_suffix (text, "\n\n"));
}

static void
test_writer_stable (void)
{
  g_autoptr(CcpPlan) plan = make_small_plan ();
  g_autoptr(GBytes) first = ccp_writer_write_plan (plan);
  g_autoptr(GBytes) second = ccp_writer_write_plan (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  g_assert_true (g_bytes_equal (first, second));

  reread = ccp_reader_read_bytes (first, "small.ccp", &issues, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (reread));
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_true (ccp_plan_equal (plan, CCP_PLAN (reread)));
  third = ccp_writer_write_plan (CCP_PLAN (reread));
  g_assert_true (g_bytes_equal (first, third));
}

/* An empty new plan: required elements are written, empty ones in the short form. */
static void
test_writer_empty_plan (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ccp_plan_set_id (plan, "x");
  bytes = ccp_writer_write_plan (plan);
  text = bytes_to_string (bytes);

  g_assert_cmpstr (text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.1\" id=\"x\""
                   " revision=\"1\" modified=\"\" status=\"draft\">\n"
                   "  <city country=\"\"/>\n"
                   "  <field/>\n"
                   "  <period/>\n"
                   "  <mission-statement/>\n"
                   "  <focal-point>\n"
                   "    <name/>\n"
                   "    <email/>\n"
                   "  </focal-point>\n"
                   "  <activities/>\n"
                   "</city-plan>\n");
}

static void
test_writer_none_forms (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GError) error = NULL;
  CcpActivity *read_activity;

  ccp_activity_set_sdgs_none (activity, TRUE);
  ccp_activity_set_partner_cities_none (activity, TRUE);
  ccp_activity_set_partner_organisations_none (activity, TRUE);
  ccp_activity_set_budget_none (activity, TRUE);
  ccp_activity_set_funding_none (activity, TRUE);
  ccp_activity_set_results_none (activity, TRUE);
  ccp_activity_set_online (activity, TRUE);
  ccp_activity_set_joint_ref (activity, "j-7");
  ccp_item_list_append (ccp_plan_get_activities (plan), activity);

  bytes = ccp_writer_write_plan (plan);
  text = bytes_to_string (bytes);

  g_assert_nonnull (strstr (text, "    <activity id=\"a1\" kind=\"\" scope=\"\" state=\"\""
                                  " joint-ref=\"j-7\">\n"
                                  "      <title/>\n"
                                  "      <description/>\n"
                                  "      <start/>\n"
                                  "      <end/>\n"
                                  "      <place online=\"true\"/>\n"
                                  "      <objectives/>\n"
                                  "      <areas/>\n"
                                  "      <sdgs none=\"true\"/>\n"
                                  "      <partner-cities none=\"true\"/>\n"
                                  "      <partner-organisations none=\"true\"/>\n"
                                  "      <budget none=\"true\"/>\n"
                                  "      <funding none=\"true\"/>\n"
                                  "      <results none=\"true\"/>\n"
                                  "    </activity>\n"));
  /* flagship is written only when true */
  g_assert_null (strstr (text, "flagship"));

  reread = ccp_reader_read_bytes (bytes, "none.ccp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_plan_equal (plan, CCP_PLAN (reread)));
  read_activity = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (CCP_PLAN (reread))), 0);
  g_assert_true (ccp_activity_get_budget_none (read_activity));
  g_assert_true (ccp_activity_get_results_none (read_activity));
  g_object_unref (read_activity);
}

static void
test_writer_attribute_escaping (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GError) error = NULL;

  ccp_plan_set_id (plan, "a\"b'c<d>e&f");
  ccp_plan_set_country (plan, "tab\there\nnewline\rcr");
  ccp_plan_set_city (plan, "line one\nline two\r\nthree\ttab");
  bytes = ccp_writer_write_plan (plan);
  text = bytes_to_string (bytes);

  g_assert_nonnull (strstr (text, " id=\"a&quot;b'c&lt;d&gt;e&amp;f\""));
  g_assert_nonnull (strstr (text, "<city country=\"tab&#9;here&#10;newline&#13;cr\">"
                                  "line one\nline two&#13;\nthree\ttab</city>"));
  g_assert_null (strchr (text, '\r'));

  reread = ccp_reader_read_bytes (bytes, "escape.ccp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ccp_plan_get_id (CCP_PLAN (reread)), ==, "a\"b'c<d>e&f");
  g_assert_cmpstr (ccp_plan_get_country (CCP_PLAN (reread)), ==, "tab\there\nnewline\rcr");
  g_assert_cmpstr (ccp_plan_get_city (CCP_PLAN (reread)), ==, "line one\nline two\r\nthree\ttab");
}

static void
test_writer_unicode (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GError) error = NULL;
  const char *names = "Québec 北京 القاهرة Санкт-Петербург 🎵";

  ccp_plan_set_city (plan, names);
  bytes = ccp_writer_write_plan (plan);
  text = bytes_to_string (bytes);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* Written as UTF-8 characters, not as character references. */
  g_assert_nonnull (strstr (text, names));

  reread = ccp_reader_read_bytes (bytes, "unicode.ccp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ccp_plan_get_city (CCP_PLAN (reread)), ==, names);
}

/* XML 1.0 cannot carry most control characters even as references: they become U+FFFD. */
static void
test_writer_invalid_xml_chars (void)
{
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GError) error = NULL;

  ccp_plan_set_city (plan, "bell\x07 esc\x1b vt\x0b end\xef\xbf\xbe");
  ccp_plan_set_focal_point_name (plan, "form\x0c" "feed");
  bytes = ccp_writer_write_plan (plan);
  text = bytes_to_string (bytes);

  g_assert_nonnull (strstr (text, ">bell\xef\xbf\xbd esc\xef\xbf\xbd vt\xef\xbf\xbd"
                                  " end\xef\xbf\xbd</city>"));
  g_assert_nonnull (strstr (text, "<name>form\xef\xbf\xbd" "feed</name>"));

  /* The result is well-formed XML that reads back. */
  reread = ccp_reader_read_bytes (bytes, "control.ccp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ccp_plan_get_city (CCP_PLAN (reread)), ==,
                   "bell\xef\xbf\xbd esc\xef\xbf\xbd vt\xef\xbf\xbd end\xef\xbf\xbd");
}

static void
test_writer_field_plan (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(CcpSource) source = ccp_source_new ();
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("missing");
  g_autoptr(CcpPartner) member = ccp_partner_new_city ("Bologna", "IT", "");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ccp_field_plan_set_id (field_plan, "f-1");
  ccp_field_plan_set_modified (field_plan, "2026-12-01T00:00:00Z");
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_set_mission_statement (field_plan, "2");
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T00:00:00Z");
  ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
  ccp_source_set_file (source, "bologna.ccp");
  ccp_source_set_sha256 (source, "0123456789abcdef0123456789abcdef"
                                 "0123456789abcdef0123456789abcdef");
  ccp_source_set_status (source, CCP_SOURCE_STATUS_REFUSED);
  ccp_source_set_reason (source, "unreadable");
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);
  ccp_report_item_set_city (item, "Seville");
  ccp_report_item_add_value (item, "count", "2");
  ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);

  bytes = ccp_writer_write_field_plan (field_plan);
  text = bytes_to_string (bytes);
  g_assert_cmpstr (text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<field-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.1\" id=\"f-1\""
                   " revision=\"1\" modified=\"2026-12-01T00:00:00Z\" status=\"draft\">\n"
                   "  <field>music</field>\n"
                   "  <period>2027-H1</period>\n"
                   "  <mission-statement>2</mission-statement>\n"
                   "  <consolidated>2026-12-01T00:00:00Z</consolidated>\n"
                   "  <roster>\n"
                   "    <member country=\"IT\">Bologna</member>\n"
                   "  </roster>\n"
                   "  <sources>\n"
                   "    <source file=\"bologna.ccp\" sha256=\"0123456789abcdef0123456789abcdef"
                   "0123456789abcdef0123456789abcdef\" status=\"refused\" reason=\"unreadable\""
                   " errors=\"0\" warnings=\"0\"/>\n"
                   "  </sources>\n"
                   "  <activities/>\n"
                   "  <report>\n"
                   "    <item kind=\"missing\" city=\"Seville\">\n"
                   "      <value name=\"count\">2</value>\n"
                   "    </item>\n"
                   "  </report>\n"
                   "</field-plan>\n");
}

static void
test_writer_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-writer-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CcpPlan) plan = make_small_plan ();
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.ccp", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, expected_small_plan);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A plan far larger than the writer's flush size: saving streams it to the file in chunks and
 * the file holds exactly the bytes written in memory; the hashing sink gives their SHA-256. */
static void
test_writer_save_streams (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-writer-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_hash = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1",
                                                  400);
  g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 4 * 64 * 1024);
  path = g_build_filename (dir, "plan.ccp", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  hash = ccp_writer_sha256 (G_OBJECT (plan));
  expected_hash = ccp_bytes_sha256 (bytes);
  g_assert_cmpstr (hash, ==, expected_hash);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A plan of many activities is written by chunks in threads (ccp-writer-activities.c): the
 * same bytes as the activities written one by one, in every kind of output. */
static void
test_writer_parallel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1616);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1",
                                                  1000);
  g_autoptr(GBytes) bytes = ccp_writer_write_plan (plan);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *tail = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_hash = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-writer-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  if (g_get_num_processors () < 2)
    g_test_message ("One processor: the activities are written by the calling thread only");

  /* Each activity alone in the plan, written by the calling thread. */
  activities = ccp_item_list_steal_all (ccp_plan_get_activities (plan));
  g_assert_cmpuint (activities->len, ==, 1000);
  for (guint i = 0; i < activities->len; i++)
    {
      g_autoptr(GBytes) one = NULL;
      g_autofree char *text = NULL;
      const char *start, *end;

      ccp_item_list_append (ccp_plan_get_activities (plan), activities->pdata[i]);
      one = ccp_writer_write_plan (plan);
      ccp_item_list_remove (ccp_plan_get_activities (plan), 0);
      text = bytes_to_string (one);
      start = strstr (text, "\n  <activities>\n");
      g_assert_nonnull (start);
      start += strlen ("\n  <activities>\n");
      end = strstr (start, "  </activities>\n");
      g_assert_nonnull (end);
      if (i == 0)
        g_string_append_len (expected, text, start - text);
      g_string_append_len (expected, start, end - start);
      if (i + 1 == activities->len)
        tail = g_strdup (end);
    }
  g_string_append (expected, tail);
  ccp_item_list_take_all (ccp_plan_get_activities (plan), activities);

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, expected->len);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected->str, expected->len);

  /* Through a sink: the hashing one and the atomic save's. */
  hash = ccp_writer_sha256 (G_OBJECT (plan));
  expected_hash = ccp_bytes_sha256 (bytes);
  g_assert_cmpstr (hash, ==, expected_hash);
  path = g_build_filename (dir, "plan.ccp", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ccp_writer_save (G_OBJECT (plan), file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected->str, expected->len);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The one escaper (ccp-markup.h): the writer's rules for text and attributes, and the HTML
 * export's, on every character that any of them treats apart. */
static void
test_writer_markup (void)
{
  static const char input[] = "a&b<c>d\"e'f\tg\nh\ri\x01j\x7fk\xc2\x85l\xef\xbf\xbem";
  static const struct {
    void (*append) (GString *out, const char *text);
    const char *expected;
  } cases[] = {
    { ccp_markup_append_text,
      "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i\xef\xbf\xbdj\x7fk\xc2\x85l\xef\xbf\xbdm" },
    { ccp_markup_append_attribute,
      "a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;i\xef\xbf\xbdj\x7fk\xc2\x85l\xef\xbf\xbdm" },
    { ccp_markup_append_html,
      "a&amp;b&lt;c&gt;d&quot;e&#39;f\tg\nh\ri\xef\xbf\xbdj\xef\xbf\xbdk\xef\xbf\xbdl"
      "\xef\xbf\xbdm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("<");

      cases[i].append (out, input);
      cases[i].append (out, NULL);
      g_assert_cmpstr (out->str + 1, ==, cases[i].expected);
      g_assert_cmpint (out->str[0], ==, '<');
    }

  /* Bytes that are not UTF-8 are made valid, not passed on. */
  {
    g_autoptr(GString) out = g_string_new (NULL);

    ccp_markup_append_text (out, "x\xff" "y");
    g_assert_true (g_utf8_validate (out->str, -1, NULL));
    g_assert_cmpstr (out->str, ==, "x\xef\xbf\xbdy");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/golden", test_writer_golden);
  g_test_add_func ("/writer/stable", test_writer_stable);
  g_test_add_func ("/writer/empty-plan", test_writer_empty_plan);
  g_test_add_func ("/writer/none-forms", test_writer_none_forms);
  g_test_add_func ("/writer/attribute-escaping", test_writer_attribute_escaping);
  g_test_add_func ("/writer/unicode", test_writer_unicode);
  g_test_add_func ("/writer/invalid-xml-chars", test_writer_invalid_xml_chars);
  g_test_add_func ("/writer/field-plan", test_writer_field_plan);
  g_test_add_func ("/writer/save", test_writer_save);
  g_test_add_func ("/writer/save-streams", test_writer_save_streams);
  g_test_add_func ("/writer/markup", test_writer_markup);
  g_test_add_func ("/writer/parallel", test_writer_parallel);

  return g_test_run ();
}
