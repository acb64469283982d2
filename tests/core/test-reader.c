/* test-reader.c: reading plans into the model, locations, reader issues, versions. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "ccp-core.h"

/* A schema-valid city plan using every element and attribute. Line numbers matter: the
 * location tests below refer to them. */
static const char sample_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                     /* 1 */
  "<!-- a comment before the root is fine -->\n"                                      /* 2 */
  "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.0\" id=\"plan-42\"\n"  /* 3 */
  "           revision=\"7\" modified=\"2026-11-20T09:30:00Z\" status=\"final\">\n"   /* 4 */
  "  <city country=\"IT\">  Bologna  </city>\n"                                       /* 5 */
  "  <field>music</field>\n"                                                          /* 6 */
  "  <period>2027-H1</period>\n"                                                      /* 7 */
  "  <mission-statement>2</mission-statement>\n"                                      /* 8 */
  "  <focal-point>\n"                                                                 /* 9 */
  "    <name>Anna Rossi</name>\n"                                                     /* 10 */
  "    <email>anna@example.org</email>\n"                                             /* 11 */
  "    <phone>+39 051 000000</phone>\n"                                               /* 12 */
  "  </focal-point>\n"                                                                /* 13 */
  "  <representative>\n"                                                              /* 14 */
  "    <name>Mario Bianchi</name>\n"                                                  /* 15 */
  "    <title>Deputy Mayor for Culture</title>\n"                                     /* 16 */
  "    <email>mario@example.org</email>\n"                                            /* 17 */
  "  </representative>\n"                                                             /* 18 */
  "  <activities>\n"                                                                  /* 19 */
  "    <activity id=\"a1\" kind=\"festival-event\" scope=\"international\"\n"         /* 20 */
  "              state=\"planned\" flagship=\"true\" joint-ref=\"jazz-2027\">\n"      /* 21 */
  "      <title>Jazz &amp; Blues</title>\n"                                           /* 22 */
  "      <description>Two nights of\n"                                                /* 23 */
  "free concerts.</description>\n"                                                    /* 24 */
  "      <start>2027-03-01</start>\n"                                                 /* 25 */
  "      <end>2027-03-02</end>\n"                                                     /* 26 */
  "      <place online=\"true\">Piazza Maggiore</place>\n"                            /* 27 */
  "      <objectives>3 1</objectives>\n"                                              /* 28 */
  "      <areas>2</areas>\n"                                                          /* 29 */
  "      <sdgs>11 4</sdgs>\n"                                                         /* 30 */
  "      <partner-cities>\n"                                                          /* 31 */
  "        <partner-city country=\"FR\" field=\"gastronomy\">Lyon</partner-city>\n"   /* 32 */
  "        <partner-city country=\"ES\" field=\"music\">Seville</partner-city>\n"     /* 33 */
  "      </partner-cities>\n"                                                         /* 34 */
  "      <partner-organisations>\n"                                                   /* 35 */
  "        <organisation sector=\"academic\">University</organisation>\n"             /* 36 */
  "      </partner-organisations>\n"                                                  /* 37 */
  "      <budget amount=\"12000.00\" currency=\"EUR\"/>\n"                            /* 38 */
  "      <funding>\n"                                                                 /* 39 */
  "        <source>City</source>\n"                                                   /* 40 */
  "        <source>Region</source>\n"                                                 /* 41 */
  "      </funding>\n"                                                                /* 42 */
  "      <results>\n"                                                                 /* 43 */
  "        <result>\n"                                                                /* 44 */
  "          <outcome>2000 visitors</outcome>\n"                                      /* 45 */
  "          <indicator>tickets</indicator>\n"                                        /* 46 */
  "        </result>\n"                                                               /* 47 */
  "      </results>\n"                                                                /* 48 */
  "    </activity>\n"                                                                 /* 49 */
  "    <activity id=\"a2\" kind=\"workshop-capacity-building\" scope=\"local\"\n"     /* 50 */
  "              state=\"ongoing\">\n"                                                /* 51 */
  "      <title>Workshops</title>\n"                                                  /* 52 */
  "      <description>For schools.</description>\n"                                   /* 53 */
  "      <start>2027-01-10</start>\n"                                                 /* 54 */
  "      <end>2027-06-20</end>\n"                                                     /* 55 */
  "      <place>Library</place>\n"                                                    /* 56 */
  "      <objectives>5</objectives>\n"                                                /* 57 */
  "      <areas>1 3</areas>\n"                                                        /* 58 */
  "      <sdgs none=\"true\"/>\n"                                                     /* 59 */
  "      <partner-cities none=\"true\"/>\n"                                           /* 60 */
  "      <partner-organisations none=\"1\"/>\n"                                       /* 61 */
  "      <budget none=\"true\"/>\n"                                                   /* 62 */
  "      <funding none=\"true\"/>\n"                                                  /* 63 */
  "      <results none=\"true\"/>\n"                                                  /* 64 */
  "    </activity>\n"                                                                 /* 65 */
  "  </activities>\n"                                                                 /* 66 */
  "</city-plan>\n";                                                                   /* 67 */

static const char sample_field_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<field-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.0\" id=\"fp-1\" revision=\"2\"\n"
  "            modified=\"2026-12-01T10:00:00Z\" status=\"draft\">\n"
  "  <field>music</field>\n"
  "  <period>2027-H1</period>\n"
  "  <mission-statement>2</mission-statement>\n"
  "  <consolidated>2026-12-01T10:00:00Z</consolidated>\n"
  "  <coordinator>\n"
  "    <name>Jane Doe</name>\n"
  "    <city country=\"GB\">Glasgow</city>\n"
  "    <email>jane@example.org</email>\n"
  "  </coordinator>\n"
  "  <deputy>\n"
  "    <name>Jean Dupont</name>\n"
  "    <city country=\"FR\">Lyon</city>\n"
  "    <email>jean@example.org</email>\n"
  "  </deputy>\n"
  "  <roster>\n"
  "    <member country=\"IT\">Bologna</member>\n"
  "    <member country=\"ES\">Seville</member>\n"
  "  </roster>\n"
  "  <sources>\n"
  "    <source file=\"bologna.ccp\" sha256=\"0123456789abcdef0123456789abcdef0123456789abcdef"
  "0123456789abcdef\" status=\"accepted\" city=\"Bologna\" country=\"IT\" field=\"music\""
  " period=\"2027-H1\" plan=\"plan-42\" revision=\"7\" modified=\"2026-11-20T09:30:00Z\""
  " errors=\"0\" warnings=\"2\"/>\n"
  "    <source file=\"broken.xml\" sha256=\"ffffffffffffffffffffffffffffffffffffffffffffffff"
  "ffffffffffffffff\" status=\"refused\" reason=\"unreadable\"/>\n"
  "  </sources>\n"
  "  <activities>\n"
  "    <activity id=\"a1\" kind=\"exhibition\" scope=\"local\" state=\"planned\">\n"
  "      <title>Show</title>\n"
  "      <description>An exhibition.</description>\n"
  "      <start>2027-02-01</start>\n"
  "      <end>2027-02-28</end>\n"
  "      <place>Museum</place>\n"
  "      <objectives>1</objectives>\n"
  "      <areas>1</areas>\n"
  "      <cities>\n"
  "        <city country=\"IT\" plan=\"plan-42\" activity=\"a7\">Bologna</city>\n"
  "        <city country=\"ES\" plan=\"plan-9\" activity=\"a1\">Seville</city>\n"
  "      </cities>\n"
  "    </activity>\n"
  "  </activities>\n"
  "  <report>\n"
  "    <item kind=\"refused\" code=\"unreadable\" file=\"broken.xml\"/>\n"
  "    <item kind=\"missing\" city=\"Kingston\" country=\"JM\">\n"
  "      <value name=\"since\">2025-H2</value>\n"
  "      <value name=\"count\">3</value>\n"
  "    </item>\n"
  "  </report>\n"
  "</field-plan>\n";

static GObject *
read_string (const char  *text,
             GPtrArray  **issues,
             CcpLocations **locations,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return ccp_reader_read_bytes (bytes, "sample.ccp", issues, locations, error);
}

static gboolean
schema_valid (const char *text)
{
  const char *schema_path = g_getenv ("CCP_SCHEMA");
  xmlSchemaParserCtxtPtr parser_ctxt;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid_ctxt;
  xmlDocPtr doc;
  int result;

  g_assert_nonnull (schema_path);
  parser_ctxt = xmlSchemaNewParserCtxt (schema_path);
  schema = xmlSchemaParse (parser_ctxt);
  g_assert_nonnull (schema);
  valid_ctxt = xmlSchemaNewValidCtxt (schema);
  doc = xmlReadMemory (text, (int) strlen (text), "sample.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  result = xmlSchemaValidateDoc (valid_ctxt, doc);

  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (valid_ctxt);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser_ctxt);
  return result == 0;
}

static void
test_reader_fixtures_are_schema_valid (void)
{
  g_assert_true (schema_valid (sample_plan));
  g_assert_true (schema_valid (sample_field_plan));
}

static CcpActivity *
get_activity (CcpItemList *store,
              guint       index)
{
  CcpActivity *activity = g_list_model_get_item (G_LIST_MODEL (store), index);

  g_object_unref (activity); /* the store keeps it alive */
  return activity;
}

static void
assert_strv (const char * const *value,
             const char         *expected)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) value);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_reader_city_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_string (sample_plan, &issues, NULL, &error);
  CcpPlan *plan;
  CcpActivity *a1, *a2;
  g_autoptr(CcpPartner) lyon = NULL;
  g_autoptr(CcpPartner) university = NULL;
  g_autoptr(CcpResult) result = NULL;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (object));
  g_assert_cmpuint (issues->len, ==, 0);
  plan = CCP_PLAN (object);

  g_assert_cmpstr (ccp_plan_get_id (plan), ==, "plan-42");
  g_assert_cmpuint (ccp_plan_get_revision (plan), ==, 7);
  g_assert_cmpstr (ccp_plan_get_modified (plan), ==, "2026-11-20T09:30:00Z");
  g_assert_cmpint (ccp_plan_get_status (plan), ==, CCP_PLAN_STATUS_FINAL);
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, "Bologna"); /* trimmed */
  g_assert_cmpstr (ccp_plan_get_country (plan), ==, "IT");
  g_assert_cmpstr (ccp_plan_get_field (plan), ==, "music");
  g_assert_cmpstr (ccp_plan_get_period (plan), ==, "2027-H1");
  g_assert_cmpstr (ccp_plan_get_mission_statement (plan), ==, "2");
  g_assert_cmpstr (ccp_plan_get_focal_point_name (plan), ==, "Anna Rossi");
  g_assert_cmpstr (ccp_plan_get_focal_point_email (plan), ==, "anna@example.org");
  g_assert_cmpstr (ccp_plan_get_focal_point_phone (plan), ==, "+39 051 000000");
  g_assert_false (ccp_plan_get_representative_none (plan));
  g_assert_cmpstr (ccp_plan_get_representative_name (plan), ==, "Mario Bianchi");
  g_assert_cmpstr (ccp_plan_get_representative_title (plan), ==, "Deputy Mayor for Culture");
  g_assert_cmpstr (ccp_plan_get_representative_email (plan), ==, "mario@example.org");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (plan))),
                    ==, 2);
  a1 = get_activity (ccp_plan_get_activities (plan), 0);
  g_assert_cmpstr (ccp_activity_get_id (a1), ==, "a1");
  g_assert_cmpstr (ccp_activity_get_kind (a1), ==, "festival-event");
  g_assert_cmpstr (ccp_activity_get_scope (a1), ==, "international");
  g_assert_cmpstr (ccp_activity_get_state (a1), ==, "planned");
  g_assert_true (ccp_activity_get_flagship (a1));
  g_assert_cmpstr (ccp_activity_get_joint_ref (a1), ==, "jazz-2027");
  g_assert_cmpstr (ccp_activity_get_title (a1), ==, "Jazz & Blues");
  g_assert_cmpstr (ccp_activity_get_description (a1), ==, "Two nights of\nfree concerts.");
  g_assert_cmpstr (ccp_activity_get_start_date (a1), ==, "2027-03-01");
  g_assert_cmpstr (ccp_activity_get_end_date (a1), ==, "2027-03-02");
  g_assert_cmpstr (ccp_activity_get_place (a1), ==, "Piazza Maggiore");
  g_assert_true (ccp_activity_get_online (a1));
  assert_strv (ccp_activity_get_objectives (a1), "1 3");
  assert_strv (ccp_activity_get_areas (a1), "2");
  assert_strv (ccp_activity_get_sdgs (a1), "4 11");
  g_assert_false (ccp_activity_get_sdgs_none (a1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_partner_cities (a1))),
                    ==, 2);
  lyon = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_partner_cities (a1)), 0);
  g_assert_cmpstr (ccp_partner_get_name (lyon), ==, "Lyon");
  g_assert_cmpstr (ccp_partner_get_country (lyon), ==, "FR");
  g_assert_cmpstr (ccp_partner_get_field (lyon), ==, "gastronomy");
  university = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_partner_organisations (a1)),
                                      0);
  g_assert_cmpstr (ccp_partner_get_name (university), ==, "University");
  g_assert_cmpstr (ccp_partner_get_sector (university), ==, "academic");
  g_assert_cmpstr (ccp_activity_get_budget_amount (a1), ==, "12000.00");
  g_assert_cmpstr (ccp_activity_get_budget_currency (a1), ==, "EUR");
  assert_strv (ccp_activity_get_funding (a1), "City Region");
  result = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_results (a1)), 0);
  g_assert_cmpstr (ccp_result_get_outcome (result), ==, "2000 visitors");
  g_assert_cmpstr (ccp_result_get_indicator (result), ==, "tickets");

  a2 = get_activity (ccp_plan_get_activities (plan), 1);
  g_assert_false (ccp_activity_get_flagship (a2));
  g_assert_false (ccp_activity_get_online (a2));
  g_assert_cmpstr (ccp_activity_get_joint_ref (a2), ==, "");
  g_assert_true (ccp_activity_get_sdgs_none (a2));
  g_assert_true (ccp_activity_get_partner_cities_none (a2));
  g_assert_true (ccp_activity_get_partner_organisations_none (a2));
  g_assert_true (ccp_activity_get_budget_none (a2));
  g_assert_true (ccp_activity_get_funding_none (a2));
  g_assert_true (ccp_activity_get_results_none (a2));
  assert_strv (ccp_activity_get_areas (a2), "1 3");
}

static void
test_reader_field_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_string (sample_field_plan, &issues, NULL, &error);
  CcpFieldPlan *field_plan;
  CcpContact *coordinator;
  g_autoptr(CcpContact) deputy = NULL;
  g_autoptr(CcpPartner) member = NULL;
  g_autoptr(CcpSource) accepted = NULL;
  g_autoptr(CcpSource) refused = NULL;
  g_autoptr(CcpAttribution) attribution = NULL;
  g_autoptr(CcpReportItem) item = NULL;
  CcpActivity *activity;
  const char * const *names;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (object));
  g_assert_cmpuint (issues->len, ==, 0);
  field_plan = CCP_FIELD_PLAN (object);

  g_assert_cmpstr (ccp_field_plan_get_id (field_plan), ==, "fp-1");
  g_assert_cmpuint (ccp_field_plan_get_revision (field_plan), ==, 2);
  g_assert_cmpint (ccp_field_plan_get_status (field_plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (ccp_field_plan_get_field (field_plan), ==, "music");
  g_assert_cmpstr (ccp_field_plan_get_consolidated (field_plan), ==, "2026-12-01T10:00:00Z");

  coordinator = ccp_field_plan_get_coordinator (field_plan);
  g_assert_cmpstr (ccp_contact_get_name (coordinator), ==, "Jane Doe");
  g_assert_cmpstr (ccp_contact_get_city (coordinator), ==, "Glasgow");
  g_assert_cmpstr (ccp_contact_get_country (coordinator), ==, "GB");
  g_assert_cmpstr (ccp_contact_get_email (coordinator), ==, "jane@example.org");
  deputy = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan)), 0);
  g_assert_cmpstr (ccp_contact_get_city (deputy), ==, "Lyon");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_field_plan_get_roster (
                      field_plan))), ==, 2);
  member = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_roster (field_plan)), 1);
  g_assert_cmpstr (ccp_partner_get_name (member), ==, "Seville");
  g_assert_cmpstr (ccp_partner_get_country (member), ==, "ES");
  /* The file does not repeat the field on members: it is the plan's. */
  g_assert_cmpstr (ccp_partner_get_field (member), ==, "music");

  accepted = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_sources (field_plan)), 0);
  g_assert_cmpint (ccp_source_get_status (accepted), ==, CCP_SOURCE_STATUS_ACCEPTED);
  g_assert_cmpstr (ccp_source_get_plan_id (accepted), ==, "plan-42");
  g_assert_cmpuint (ccp_source_get_revision (accepted), ==, 7);
  g_assert_cmpuint (ccp_source_get_warnings (accepted), ==, 2);
  refused = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_sources (field_plan)), 1);
  g_assert_cmpint (ccp_source_get_status (refused), ==, CCP_SOURCE_STATUS_REFUSED);
  g_assert_cmpstr (ccp_source_get_reason (refused), ==, "unreadable");
  g_assert_cmpuint (ccp_source_get_revision (refused), ==, 0);

  activity = get_activity (ccp_field_plan_get_activities (field_plan), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_attributions (
                      activity))), ==, 2);
  attribution = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_attributions (activity)), 0);
  g_assert_cmpstr (ccp_attribution_get_city (attribution), ==, "Bologna");
  g_assert_cmpstr (ccp_attribution_get_country (attribution), ==, "IT");
  g_assert_cmpstr (ccp_attribution_get_plan_id (attribution), ==, "plan-42");
  g_assert_cmpstr (ccp_attribution_get_activity_id (attribution), ==, "a7");

  item = g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_report (field_plan)), 1);
  g_assert_cmpstr (ccp_report_item_get_kind (item), ==, "missing");
  g_assert_cmpstr (ccp_report_item_get_city (item), ==, "Kingston");
  names = ccp_report_item_get_value_names (item);
  g_assert_cmpstr (names[0], ==, "since");
  g_assert_cmpstr (names[1], ==, "count");
  g_assert_null (names[2]);
  g_assert_cmpstr (ccp_report_item_get_value (item, "count"), ==, "3");
}

/* Reading then writing a canonical file gives the same bytes. */
static void
test_reader_rewrite (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) plan = read_string (sample_field_plan, NULL, NULL, &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  g_assert_no_error (error);
  written = ccp_writer_write_field_plan (CCP_FIELD_PLAN (plan));
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (written, NULL),
                                       g_bytes_get_size (written));

    g_assert_true (schema_valid (text));
  }
  reread = ccp_reader_read_bytes (written, "written.ccp", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_field_plan_equal (CCP_FIELD_PLAN (plan), CCP_FIELD_PLAN (reread)));
  rewritten = ccp_writer_write_field_plan (CCP_FIELD_PLAN (reread));
  g_assert_true (g_bytes_equal (written, rewritten));
}

static void
assert_location (CcpLocations *locations,
                 const char   *path,
                 guint         expected_line)
{
  guint line = 0, column = 0;

  g_assert_true (ccp_locations_lookup (locations, path, &line, &column));
  if (line != expected_line)
    g_error ("%s: expected line %u, found %u", path, expected_line, line);
}

static void
test_reader_locations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpLocations) locations = NULL;
  g_autoptr(GObject) plan = read_string (sample_plan, NULL, &locations, &error);
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  CcpIssue *issue;

  g_assert_no_error (error);
  g_assert_nonnull (locations);

  assert_location (locations, "", 3);
  {
    guint line = 0, column = 0;

    /* "  <city" starts at column 3; the root, over two lines, at column 1 of line 3. */
    g_assert_true (ccp_locations_lookup (locations, "city", &line, &column));
    g_assert_cmpuint (column, ==, 3);
    g_assert_true (ccp_locations_lookup (locations, "", &line, &column));
    g_assert_cmpuint (line, ==, 3);
    g_assert_cmpuint (column, ==, 1);
  }
  assert_location (locations, "status", 3);
  assert_location (locations, "city", 5);
  assert_location (locations, "country", 5);
  assert_location (locations, "focal-point-email", 11);
  assert_location (locations, "focal-point-phone", 12);
  assert_location (locations, "representative-title", 16);
  assert_location (locations, "activities/0", 20);
  assert_location (locations, "activities/0/title", 22);
  assert_location (locations, "activities/0/partner-cities/1", 33);
  assert_location (locations, "activities/0/partner-cities/1/country", 33);
  assert_location (locations, "activities/0/results/0/indicator", 46);
  assert_location (locations, "activities/1", 50);
  assert_location (locations, "activities/1/end-date", 55);
  assert_location (locations, "activities/1/budget-none", 62);
  /* Nothing recorded: falls back to the nearest parent. */
  assert_location (locations, "activities/1/partner-cities/5/name", 60);
  assert_location (locations, "no-such-property", 3);

  /* apply() sets lines from paths, and keeps lines already set. */
  g_ptr_array_add (issues, ccp_issue_new (CCP_SEVERITY_ERROR, "x", "activities/1/end-date",
                                          "m"));
  issue = ccp_issue_new (CCP_SEVERITY_ERROR, "y", "activities/1/end-date", "m");
  ccp_issue_set_location (issue, 99, 4);
  g_ptr_array_add (issues, issue);
  ccp_locations_apply (locations, issues);
  g_assert_cmpuint (ccp_issue_get_line (g_ptr_array_index (issues, 0)), ==, 55);
  /* Columns point at the '<' of the element, counted in characters from 1. */
  g_assert_cmpuint (ccp_issue_get_column (g_ptr_array_index (issues, 0)), ==, 7);
  g_assert_cmpuint (ccp_issue_get_line (g_ptr_array_index (issues, 1)), ==, 99);
}

/* libxml2 quotes the file in its messages, cut anywhere: ours stay one valid UTF-8 line
 * (regression found by tests/fuzz/fuzz-reader.c; the input is kept there). */
static void
test_reader_error_message_valid_utf8 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                 "reader-comment-excerpt-cut-in-utf8.xml", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  document = ccp_reader_read_bytes (bytes, "cut.xml", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_MALFORMED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "cut.xml"));
}

static CcpIssue *
find_issue (GPtrArray  *issues,
            const char *rule)
{
  for (guint i = 0; i < issues->len; i++)
    if (g_str_equal (ccp_issue_get_rule (g_ptr_array_index (issues, i)), rule))
      return g_ptr_array_index (issues, i);
  return NULL;
}

/* Past line 65535, libxml2 needs XML_PARSE_BIG_LINES to keep line numbers right. */
static void
test_reader_big_lines (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.0\""
                                " id=\"p\" revision=\"1\" modified=\"2026-01-01T00:00:00Z\""
                                " status=\"draft\">\n"
                                "  <activities>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpLocations) locations = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = NULL;
  CcpIssue *issue;

  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "\n"); /* lines 4 .. 70003 */
  g_string_append (text,
                   "    <activity id=\"a1\" kind=\"other\"\n"    /* 70004 */
                   "              scope=\"local\" state=\"planned\">\n"
                   "      <end>2027-01-01</end>\n"                /* 70006 */
                   "      <unknown/>\n"                           /* 70007 */
                   "    </activity>\n"
                   "  </activities>\n"
                   "</city-plan>\n");
  bytes = g_string_free_to_bytes (text);

  object = ccp_reader_read_bytes (bytes, "long.ccp", &issues, &locations, &error);
  g_assert_no_error (error);
  assert_location (locations, "activities/0", 70004);
  assert_location (locations, "activities/0/end-date", 70006);
  issue = find_issue (issues, "format-unexpected-element");
  g_assert_nonnull (issue);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 70007);
}

static void
test_reader_locations_boxed (void)
{
  g_autoptr(CcpLocations) locations = ccp_locations_new ();
  CcpLocations *copy;
  guint line = 0, column = 0;

  g_assert_false (ccp_locations_lookup (locations, "city", &line, &column));
  ccp_locations_set (locations, "city", 5, 3);
  copy = g_boxed_copy (CCP_TYPE_LOCATIONS, locations);
  g_assert_true (copy == locations);
  g_assert_true (ccp_locations_lookup (copy, "city", &line, &column));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 3);
  g_boxed_free (CCP_TYPE_LOCATIONS, copy);
  g_assert_false (ccp_locations_lookup (locations, "activities/0", &line, &column));
}

static void
test_reader_issues (void)
{
  const char *text =
    "<?xml version=\"1.0\"?>\n"                                                          /* 1 */
    "<city-plan xmlns=\"urn:creativecities:plans:1\" xmlns:x=\"urn:other\" version=\"1.0\"\n"
    "           id=\"p\" revision=\"seven\" modified=\"\" status=\"done\" colour=\"red\">\n"
    "  <city country=\"IT\">Bologna</city>\n"                                              /* 4 */
    "  <city country=\"FR\">Lyon</city>\n"                                                 /* 5 */
    "  <weather>sunny</weather>\n"                                                         /* 6 */
    "  <focal-point><name>A <b>B</b></name></focal-point>\n"                               /* 7 */
    "  <activities>\n"                                                                     /* 8 */
    "    <activity id=\"a1\" kind=\"other\" scope=\"local\" state=\"planned\""
    " flagship=\"yes\">\n"                                                                 /* 9 */
    "      <title>T</title>\n"                                                             /* 10 */
    "      stray text\n"                                                                   /* 11 */
    "      <x:extension/>\n"                                                               /* 12 */
    "      <sdgs none=\"maybe\">11</sdgs>\n"                                               /* 13 */
    "    </activity>\n"
    "  </activities>\n"
    "</city-plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_string (text, &issues, NULL, &error);
  CcpPlan *plan;
  CcpActivity *activity;
  CcpIssue *issue;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (object));
  plan = CCP_PLAN (object);
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("%u: %s %s %s", ccp_issue_get_line (g_ptr_array_index (issues, i)),
                    ccp_issue_get_rule (g_ptr_array_index (issues, i)),
                    ccp_issue_get_path (g_ptr_array_index (issues, i)),
                    ccp_issue_get_message (g_ptr_array_index (issues, i)));

  issue = find_issue (issues, "format-invalid-number");
  g_assert_nonnull (issue);
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, "revision");
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 2);
  g_assert_nonnull (strstr (ccp_issue_get_message (issue), "seven"));
  g_assert_cmpint (ccp_issue_get_severity (issue), ==, CCP_SEVERITY_ERROR);

  issue = find_issue (issues, "format-invalid-status");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (ccp_issue_get_message (issue), "done"));

  issue = find_issue (issues, "format-unexpected-attribute");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (ccp_issue_get_message (issue), "colour"));

  issue = find_issue (issues, "format-duplicate-element");
  g_assert_nonnull (issue);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 5);
  /* The first one is kept. */
  g_assert_cmpstr (ccp_plan_get_city (plan), ==, "Bologna");

  issue = find_issue (issues, "format-unexpected-element");
  g_assert_nonnull (issue);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 6);
  g_assert_nonnull (strstr (ccp_issue_get_message (issue), "weather"));

  issue = find_issue (issues, "format-unexpected-text");
  g_assert_nonnull (issue);
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 11);
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, "activities/0");
  g_assert_nonnull (strstr (ccp_issue_get_message (issue), "stray text"));

  issue = find_issue (issues, "format-invalid-boolean");
  g_assert_nonnull (issue);
  g_assert_cmpstr (ccp_issue_get_path (issue), ==, "activities/0/flagship");
  g_assert_cmpuint (ccp_issue_get_line (issue), ==, 9);

  /* unexpected elements: weather, <b> in name, x:extension; bad booleans: flagship, none */
  {
    guint unexpected = 0, booleans = 0;

    for (guint i = 0; i < issues->len; i++)
      {
        const char *rule = ccp_issue_get_rule (g_ptr_array_index (issues, i));

        unexpected += g_str_equal (rule, "format-unexpected-element");
        booleans += g_str_equal (rule, "format-invalid-boolean");
      }
    g_assert_cmpuint (unexpected, ==, 3);
    g_assert_cmpuint (booleans, ==, 2);
  }

  activity = get_activity (ccp_plan_get_activities (plan), 0);
  g_assert_false (ccp_activity_get_flagship (activity));
  assert_strv (ccp_activity_get_sdgs (activity), "11");
  g_assert_cmpuint (ccp_issues_count (issues, CCP_SEVERITY_ERROR), ==, issues->len);
}

static void
test_reader_versions (void)
{
  const char *minor =
    "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"1.7\" id=\"p\" revision=\"1\""
    " modified=\"2026-01-01T00:00:00Z\" status=\"draft\"><activities/></city-plan>";
  const char *newer_version =
    "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"2.0\" id=\"p\" revision=\"1\""
    " modified=\"2026-01-01T00:00:00Z\" status=\"draft\"/>";
  const char *newer_namespace =
    "<city-plan xmlns=\"urn:creativecities:plans:2\" version=\"2.3\" id=\"p\"/>";
  const char *newer_namespace_field =
    "<something-new xmlns=\"urn:creativecities:plans:12\"/>";
  const char *bad_version =
    "<city-plan xmlns=\"urn:creativecities:plans:1\" version=\"one\" id=\"p\" revision=\"1\""
    " modified=\"2026-01-01T00:00:00Z\" status=\"draft\"/>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = NULL;

  object = read_string (minor, &issues, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (object));
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_object (&object);
  g_clear_pointer (&issues, g_ptr_array_unref);

  object = read_string (newer_version, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "sample.ccp"));
  g_assert_nonnull (strstr (error->message, "2.0"));
  g_assert_nonnull (strstr (error->message, "1.x"));
  g_clear_error (&error);

  object = read_string (newer_namespace, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "format 2.3"));
  g_clear_error (&error);

  object = read_string (newer_namespace_field, NULL, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "format 12"));
  g_clear_error (&error);

  object = read_string (bad_version, &issues, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_issue (issues, "format-invalid-version"));
}

static void
test_reader_not_a_plan (void)
{
  const char *cases[][2] = {
    { "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "<html>" },
    { "<city-plan version=\"1.0\"/>", "without namespace" },
    { "<city-plan xmlns=\"urn:example:other\"/>", "urn:example:other" },
    { "<activity xmlns=\"urn:creativecities:plans:1\"/>", "<activity>" },
    { "<city-plan xmlns=\"urn:creativecities:plans:0\"/>", "urn:creativecities:plans:0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = read_string (cases[i][0], NULL, NULL, &error);

      g_assert_null (object);
      g_assert_error (error, CCP_ERROR, CCP_ERROR_NOT_A_PLAN);
      g_assert_nonnull (strstr (error->message, "sample.ccp"));
      if (strstr (error->message, cases[i][1]) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i][1], error->message);
    }
}

/* Comments, processing instructions, CDATA and an xsi:schemaLocation are all fine. */
static void
test_reader_lenient_syntax (void)
{
  const char *text =
    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<?xml-stylesheet href=\"plan.css\"?>\n"
    "<!-- before -->\n"
    "<city-plan xmlns=\"urn:creativecities:plans:1\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"urn:creativecities:plans:1 plan.xsd\""
    " version=\"1.0\" id=\"p\" revision=\"1\" modified=\"2026-01-01T00:00:00Z\""
    " status=\"draft\">\n"
    "  <city country=\"IT\"><![CDATA[Bologna & <co>]]></city>\n"
    "  <!-- inside -->\n"
    "  <activities/>\n"
    "</city-plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GObject) object = read_string (text, &issues, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpstr (ccp_plan_get_city (CCP_PLAN (object)), ==, "Bologna & <co>");
}

static void
test_reader_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-reader-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) object = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *expected_sha = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bologna.ccp", NULL);
  g_assert_true (g_file_set_contents (path, sample_plan, -1, NULL));
  file = g_file_new_for_path (path);

  object = ccp_reader_read_file (file, &bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CCP_IS_PLAN (object));
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (sample_plan));
  sha = ccp_bytes_sha256 (bytes);
  expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sample_plan, -1);
  g_assert_cmpstr (sha, ==, expected_sha);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/fixtures-schema-valid", test_reader_fixtures_are_schema_valid);
  g_test_add_func ("/reader/city-plan", test_reader_city_plan);
  g_test_add_func ("/reader/field-plan", test_reader_field_plan);
  g_test_add_func ("/reader/rewrite", test_reader_rewrite);
  g_test_add_func ("/reader/locations", test_reader_locations);
  g_test_add_func ("/reader/error-message-valid-utf8", test_reader_error_message_valid_utf8);
  g_test_add_func ("/reader/locations-boxed", test_reader_locations_boxed);
  g_test_add_func ("/reader/big-lines", test_reader_big_lines);
  g_test_add_func ("/reader/issues", test_reader_issues);
  g_test_add_func ("/reader/versions", test_reader_versions);
  g_test_add_func ("/reader/not-a-plan", test_reader_not_a_plan);
  g_test_add_func ("/reader/lenient-syntax", test_reader_lenient_syntax);
  g_test_add_func ("/reader/read-file", test_reader_read_file);

  return g_test_run ();
}
