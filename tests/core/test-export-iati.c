/* test-export-iati.c: the IATI 2.03 export. Every example and generated plans (city plans and
 * field plans merged from them) pass the official IATI 2.03 activity schema (tests/data/iati-2.03,
 * in-process with libxml2); the mapping of data/schema/iati-mapping.md holds field by field for
 * one plan; what cannot be exported fails with a message and exports nothing. */
#define G_LOG_DOMAIN "test-export-iati"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-export.h"
#include "ccp-test-util.h"

#define N_SEEDS 60
#define PERIOD "2027-H1"

static xmlSchemaPtr schema;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  GString *errors = user_data;

  g_string_append_printf (errors, "line %d: %s", error->line,
                          error->message != NULL ? error->message : "?");
}

static xmlDocPtr
parse (GBytes *bytes)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                 "export.iati.xml", "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static void
assert_iati_valid (GBytes     *bytes,
                   const char *what)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr ctxt = xmlSchemaNewValidCtxt (schema);
  xmlDocPtr doc = parse (bytes);
  int result;

  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, errors);
  result = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);
  if (result != 0)
    g_error ("%s: not valid IATI 2.03 (%d): %s\n%.*s", what, result, errors->str,
             (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
}

static GBytes *
export_ok (GObject *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ccp_export_full (document, CCP_EXPORT_FORMAT_IATI, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GObject *
read_example (const char *name)
{
  g_autofree char *path = g_build_filename (ccp_test_examples_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_examples_valid (void)
{
  g_autoptr(GDir) dir = g_dir_open (ccp_test_examples_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GObject) document = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      document = read_example (name);
      bytes = export_ok (document);
      assert_iati_valid (bytes, name);
      /* No clock, no locale: the same plan gives the same bytes. */
      again = export_ok (document);
      g_assert_true (g_bytes_equal (bytes, again));
      n++;
    }
  g_assert_cmpuint (n, ==, 4);  /* three city plans and the field plan */
}

static CcpFieldPlan *
merge_plans (GPtrArray *plans)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *field_plan;

  ccp_merge_set_consolidated (merge, "2027-01-15T08:00:00Z");
  ccp_merge_set_field (merge, "music");
  ccp_merge_set_period (merge, PERIOD);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GBytes) bytes = ccp_writer_write_plan (g_ptr_array_index (plans, i));
      g_autofree char *name = g_strdup_printf ("plan-%u.xml", i);

      ccp_merge_add_bytes (merge, name, bytes);
    }
  field_plan = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  return field_plan;
}

/* Random city plans of music cities, some activities shared as joint activities, each
 * exported alone and merged into a field plan that is exported too. */
static void
test_generated_valid (void)
{
  g_autoptr(GPtrArray) cities = ccp_registry_list_field (ccp_registry_get_default (), "music");

  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(CcpFieldPlan) field_plan = NULL;
      g_autoptr(GBytes) merged = NULL;
      g_autofree char *what = NULL;
      guint n_cities = g_rand_int_range (rand, 1, 5);

      for (guint i = 0; i < n_cities; i++)
        {
          CcpMemberCity *city = g_ptr_array_index (cities, (seed * 5 + i * 7) % cities->len);
          CcpPlan *plan = ccp_test_random_plan (rand, ccp_member_city_get_name (city),
                                                ccp_member_city_get_country (city), "music",
                                                PERIOD, g_rand_int_range (rand, 1, 6));
          g_autoptr(GBytes) bytes = NULL;

          g_ptr_array_add (plans, plan);
          bytes = export_ok (G_OBJECT (plan));
          what = g_strdup_printf ("seed %u, city plan %u", seed, i);
          assert_iati_valid (bytes, what);
          g_clear_pointer (&what, g_free);
        }
      if (n_cities > 1)
        {
          /* A joint activity: the first city's first activity, also in the second city's plan. */
          CcpPlan *first = g_ptr_array_index (plans, 0);
          CcpPlan *second = g_ptr_array_index (plans, 1);
          g_autoptr(CcpActivity) model =
            g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (first)), 0);
          g_autoptr(CcpActivity) copy = ccp_activity_copy (model);
          g_autofree char *id = ccp_plan_next_activity_id (second);
          g_autofree char *ref = g_strdup_printf ("joint-seed-%u", seed);

          ccp_activity_set_joint_ref (model, ref);
          ccp_activity_set_joint_ref (copy, ref);
          ccp_activity_set_id (copy, id);
          ccp_item_list_append (ccp_plan_get_activities (second), copy);
        }
      field_plan = merge_plans (plans);
      merged = export_ok (G_OBJECT (field_plan));
      what = g_strdup_printf ("seed %u, field plan", seed);
      assert_iati_valid (merged, what);
    }
}

/* string(expression) on doc. */
static char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST wrapped, context);
  char *value;

  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return value;
}

static double
xpath_number (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, context);
  double value;

  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return value;
}

#define assert_xpath(doc, expression, expected)                  \
  G_STMT_START {                                                 \
    g_autofree char *value_ = xpath_string (doc, expression);    \
    g_assert_cmpstr (value_, ==, expected);                      \
  } G_STMT_END
#define assert_count(doc, expression, expected) \
  g_assert_cmpfloat (xpath_number (doc, "count(" expression ")"), ==, expected)

#define A1 "/iati-activities/iati-activity[1]"
#define A2 "/iati-activities/iati-activity[2]"
#define A3 "/iati-activities/iati-activity[3]"
#define A4 "/iati-activities/iati-activity[4]"
#define BOLOGNA "e857d014-e10d-4710-a21c-b25dbcafcf72"

/* data/schema/iati-mapping.md, point by point, on Bologna's plan (data/examples). */
static void
test_mapping_city_plan (void)
{
  g_autoptr(GObject) document = read_example ("bologna-music-2027-h1.xml");
  g_autoptr(GBytes) bytes = export_ok (document);
  xmlDocPtr doc = parse (bytes);

  assert_xpath (doc, "/iati-activities/@version", "2.03");
  assert_xpath (doc, "/iati-activities/@generated-datetime", "2026-11-20T09:30:00Z");
  assert_count (doc, "/iati-activities/iati-activity", 4);

  /* a1: a flagship festival with partners, funding, a budget and two results. */
  assert_xpath (doc, A1 "/@last-updated-datetime", "2026-11-20T09:30:00Z");
  assert_xpath (doc, A1 "/@xml:lang", "en");
  assert_xpath (doc, A1 "/@default-currency", "EUR");
  assert_xpath (doc, A1 "/iati-identifier", "XM-DAC-41304-" BOLOGNA ".a1");
  assert_xpath (doc, A1 "/reporting-org/@ref", "XM-DAC-41304");
  assert_xpath (doc, A1 "/reporting-org/@type", "40");
  assert_xpath (doc, A1 "/reporting-org/narrative", "UNESCO");
  assert_xpath (doc, A1 "/title/narrative", "Bologna Music Week 2027");
  assert_xpath (doc, A1 "/title/narrative/@xml:lang", "en");
  assert_xpath (doc, A1 "/description/@type", "1");
  {
    g_autofree char *description = xpath_string (doc, A1 "/description/narrative");

    g_assert_true (g_str_has_prefix (description, "A week of free concerts"));
  }
  /* Funding sources, then the city, its partner cities and its partner organisations. */
  assert_count (doc, A1 "/participating-org", 9);
  assert_count (doc, A1 "/participating-org[@role='1']", 3);
  assert_xpath (doc, A1 "/participating-org[1]/narrative",
                "Municipality of Bologna, Culture Department");
  assert_count (doc, A1 "/participating-org[@role='1'][@type]", 0);
  assert_xpath (doc, A1 "/participating-org[4]/@role", "4");
  assert_xpath (doc, A1 "/participating-org[4]/@type", "11");
  assert_xpath (doc, A1 "/participating-org[4]/narrative", "Bologna");
  assert_xpath (doc, A1 "/participating-org[5]/narrative", "Hanover");
  assert_xpath (doc, A1 "/participating-org[6]/narrative", "Leiria");
  assert_xpath (doc, A1 "/participating-org[7]/narrative", "Conservatorio di Musica G. B. Martini");
  assert_xpath (doc, A1 "/participating-org[7]/@type", "80");   /* academic */
  assert_xpath (doc, A1 "/participating-org[8]/@type", "22");   /* civil society */
  assert_xpath (doc, A1 "/participating-org[9]/@type", "70");   /* private */
  assert_xpath (doc, A1 "/activity-status/@code", "1");         /* planned */
  assert_count (doc, A1 "/activity-date", 2);
  assert_xpath (doc, A1 "/activity-date[@type='1']/@iso-date", "2027-05-17");
  assert_xpath (doc, A1 "/activity-date[@type='3']/@iso-date", "2027-05-23");
  assert_xpath (doc, A1 "/contact-info/@type", "1");
  assert_xpath (doc, A1 "/contact-info/organisation/narrative", "Bologna");
  assert_xpath (doc, A1 "/contact-info/person-name/narrative", "Chiara Benedetti");
  assert_xpath (doc, A1 "/contact-info/telephone", "+39 051 555 0147");
  assert_xpath (doc, A1 "/contact-info/email", "chiara.benedetti@example.org");
  assert_xpath (doc, A1 "/activity-scope/@code", "3");           /* international */
  assert_count (doc, A1 "/recipient-country", 1);
  assert_xpath (doc, A1 "/recipient-country/@code", "IT");
  assert_count (doc, A1 "/recipient-country/@percentage", 0);
  assert_xpath (doc, A1 "/location/name/narrative",
                "Bologna, Piazza Maggiore and neighbourhood venues");
  assert_xpath (doc, A1 "/sector[1]/@vocabulary", "1");
  assert_xpath (doc, A1 "/sector[1]/@code", "16061");
  assert_xpath (doc, A1 "/sector[1]/@percentage", "100");
  assert_xpath (doc, A1 "/sector[2]/@vocabulary", "99");
  assert_xpath (doc, A1 "/sector[2]/@vocabulary-uri", "urn:creativecities:plans:1:vocabulary:field");
  assert_xpath (doc, A1 "/sector[2]/@code", "music");
  assert_xpath (doc, A1 "/tag[@vocabulary-uri='urn:creativecities:plans:1:vocabulary:kind']/@code",
                "festival-event");
  assert_count (doc, A1 "/tag[@vocabulary='99']"
                "[@vocabulary-uri='urn:creativecities:plans:1:vocabulary:objective']", 3);
  assert_xpath (doc, A1 "/tag[@vocabulary-uri='urn:creativecities:plans:1:vocabulary:objective']"
                "[3]/@code", "5");
  assert_count (doc, A1 "/tag[@vocabulary-uri='urn:creativecities:plans:1:vocabulary:area']", 3);
  assert_count (doc, A1 "/tag[@vocabulary='2']", 2);
  assert_xpath (doc, A1 "/tag[@vocabulary='2'][2]/@code", "11");
  assert_count (doc, A1 "/budget", 1);
  assert_xpath (doc, A1 "/budget/@type", "1");
  assert_xpath (doc, A1 "/budget/@status", "1");
  assert_xpath (doc, A1 "/budget/period-start/@iso-date", "2027-05-17");
  assert_xpath (doc, A1 "/budget/period-end/@iso-date", "2027-05-23");
  assert_xpath (doc, A1 "/budget/value", "120000.00");
  assert_xpath (doc, A1 "/budget/value/@currency", "EUR");
  assert_xpath (doc, A1 "/budget/value/@value-date", "2027-05-17");
  assert_count (doc, A1 "/related-activity", 0);
  assert_count (doc, A1 "/result", 2);
  assert_xpath (doc, A1 "/result[1]/@type", "2");
  assert_xpath (doc, A1 "/result[1]/title/narrative",
                "Live music reaches neighbourhoods outside the historic centre.");
  assert_xpath (doc, A1 "/result[1]/indicator/@measure", "5");
  assert_xpath (doc, A1 "/result[1]/indicator/title/narrative",
                "At least 12 concerts held outside the centre; 15,000 attendees in total");

  /* a2: joint with Liverpool: the joint reference is its parent. */
  assert_xpath (doc, A2 "/related-activity/@ref",
                "XM-DAC-41304-uccn-music-2027-h1-songwriting-exchange");
  assert_xpath (doc, A2 "/related-activity/@type", "1");
  assert_xpath (doc, A2 "/participating-org[@role='4'][2]/narrative", "Liverpool");

  /* a3: ongoing, local, from before the period: its own dates, its budget over at most a year. */
  assert_xpath (doc, A3 "/activity-status/@code", "2");
  assert_xpath (doc, A3 "/activity-scope/@code", "7");
  assert_xpath (doc, A3 "/activity-date[@type='1']/@iso-date", "2026-10-01");
  assert_xpath (doc, A3 "/budget/period-start/@iso-date", "2026-10-01");
  assert_xpath (doc, A3 "/budget/period-end/@iso-date", "2027-06-15");
  assert_xpath (doc, A3 "/participating-org[@type='15']/narrative", "Municipal school district");

  /* a4: online, no budget, no funding, no partner organisation. */
  assert_count (doc, A4 "/budget", 0);
  assert_count (doc, A4 "/@default-currency", 0);
  assert_count (doc, A4 "/participating-org", 1);
  assert_xpath (doc, A4 "/location/name/narrative", "Online");

  xmlFreeDoc (doc);
}

/* The field plan: a joint activity's cities are its children; the options are used. */
/* The joint activity of the example (Bologna and Liverpool): every city's funders (Bologna's
 * one, Liverpool's two) and partner organisations, its places and results, what a city repeats
 * from the one before written once. */
static void
assert_joint_contributions (xmlDocPtr   doc,
                            const char *joint,
                            guint       places,
                            guint       results)
{
  static const char *funders[] = {
    "Municipality of Bologna", "Liverpool City Council, Culture Liverpool",
    "Arts council project grant",
  };
  g_autofree char *n_funders = g_strdup_printf ("count(%s/participating-org[@role='1'])", joint);
  g_autofree char *n_organisations = g_strdup_printf (
    "count(%s/participating-org[@role='4' and @type!='11'])", joint);
  g_autofree char *n_places = g_strdup_printf ("count(%s/location)", joint);
  g_autofree char *n_results = g_strdup_printf ("count(%s/result)", joint);
  g_autofree char *collective = g_strdup_printf (
    "%s/participating-org[@type='22']/narrative", joint);

  g_assert_cmpfloat (xpath_number (doc, n_funders), ==, G_N_ELEMENTS (funders));
  for (guint i = 0; i < G_N_ELEMENTS (funders); i++)
    {
      g_autofree char *funder = g_strdup_printf ("%s/participating-org[@role='1'][%u]/narrative",
                                                 joint, i + 1);

      assert_xpath (doc, funder, funders[i]);
    }
  g_assert_cmpfloat (xpath_number (doc, n_organisations), ==, 2);
  assert_xpath (doc, collective, "Liverpool songwriters' collective");
  g_assert_cmpfloat (xpath_number (doc, n_places), ==, places);
  g_assert_cmpfloat (xpath_number (doc, n_results), ==, results);
}

static void
test_mapping_field_plan (void)
{
  g_autoptr(GObject) document = read_example ("music-2027-h1-field-plan.xml");
  CcpExportOptions options = {
    .iati_org_ref = "XI-IATI-EXAMPLE", .iati_org_type = "11",
    .iati_org_name = "Example & Co", .iati_language = "fr",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ccp_export_full (document, CCP_EXPORT_FORMAT_IATI, &options, &error);
  const char *joint =
    "/iati-activities/iati-activity[iati-identifier="
    "'XI-IATI-EXAMPLE-uccn-music-2027-h1-songwriting-exchange']";
  xmlDocPtr doc;

  g_assert_no_error (error);
  assert_iati_valid (bytes, "field plan with options");
  doc = parse (bytes);
  assert_xpath (doc, "/iati-activities/iati-activity[1]/reporting-org/@ref", "XI-IATI-EXAMPLE");
  assert_xpath (doc, "/iati-activities/iati-activity[1]/reporting-org/@type", "11");
  assert_xpath (doc, "/iati-activities/iati-activity[1]/reporting-org/narrative", "Example & Co");
  assert_xpath (doc, "/iati-activities/iati-activity[1]/title/narrative/@xml:lang", "fr");
  assert_xpath (doc, "/iati-activities/iati-activity[1]/iati-identifier",
                "XI-IATI-EXAMPLE-" BOLOGNA ".a3");

  {
    g_autofree char *children = g_strdup_printf ("count(%s/related-activity[@type='2'])", joint);
    g_autofree char *first = g_strdup_printf ("%s/related-activity[1]/@ref", joint);
    g_autofree char *countries = g_strdup_printf ("count(%s/recipient-country)", joint);
    g_autofree char *share = g_strdup_printf ("%s/recipient-country[2]/@percentage", joint);
    g_autofree char *cities = g_strdup_printf ("count(%s/participating-org[@type='11'])", joint);

    g_assert_cmpfloat (xpath_number (doc, children), ==, 2);
    assert_xpath (doc, first, "XI-IATI-EXAMPLE-" BOLOGNA ".a2");
    g_assert_cmpfloat (xpath_number (doc, countries), ==, 2);
    assert_xpath (doc, share, "50.00");
    /* Bologna and Liverpool once each, though Liverpool is also Bologna's partner city. */
    g_assert_cmpfloat (xpath_number (doc, cities), ==, 2);
  }
  assert_joint_contributions (doc, joint, 1, 1);
  xmlFreeDoc (doc);

  /* Liverpool's own place and a result of its own: each city's is exported, still valid. */
  {
    g_autoptr(CcpActivity) activity = NULL;
    g_autoptr(CcpAttribution) liverpool = NULL;
    g_autoptr(CcpResult) result = ccp_result_new ("Liverpool venues book the songwriters.",
                                                  "3 bookings");
    g_autoptr(GBytes) again = NULL;
    GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (
                                             CCP_FIELD_PLAN (document)));

    for (guint i = 0; activity == NULL && i < g_list_model_get_n_items (activities); i++)
      {
        g_autoptr(CcpActivity) candidate = g_list_model_get_item (activities, i);

        if (g_str_equal (ccp_activity_get_id (candidate),
                         "uccn-music-2027-h1-songwriting-exchange"))
          activity = g_steal_pointer (&candidate);
      }
    g_assert_nonnull (activity);
    liverpool = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_attributions (activity)), 1);
    g_assert_cmpstr (ccp_attribution_get_city (liverpool), ==, "Liverpool");
    ccp_activity_set_place (ccp_attribution_get_values (liverpool), "Liverpool, Baltic Triangle");
    ccp_item_list_append (ccp_activity_get_results (ccp_attribution_get_values (liverpool)),
                          result);
    again = ccp_export_full (document, CCP_EXPORT_FORMAT_IATI, &options, &error);
    g_assert_no_error (error);
    assert_iati_valid (again, "field plan with two places");
    doc = parse (again);
    assert_joint_contributions (doc, joint, 2, 2);
    assert_xpath (doc, "/iati-activities/iati-activity[iati-identifier='XI-IATI-EXAMPLE-uccn-music-"
                  "2027-h1-songwriting-exchange']/location[2]/name/narrative",
                  "Liverpool, Baltic Triangle");
    xmlFreeDoc (doc);
  }
}

static void
assert_export_fails (GObject    *document,
                     const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ccp_export_full (document, CCP_EXPORT_FORMAT_IATI, NULL, &error);

  g_assert_null (bytes);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

/* What IATI cannot take: a clear message, nothing exported. */
static void
test_bad_input (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", PERIOD, 2);
  g_autoptr(CcpActivity) first =
    g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  g_autoptr(CcpActivity) second =
    g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), 1);
  g_autoptr(GBytes) bytes = NULL;
  const char *id = ccp_plan_get_id (plan);
  g_autofree char *plan_id = g_strdup (id);
  g_autofree char *second_id = g_strdup (ccp_activity_get_id (second));
  CcpExportOptions bad_ref = { .iati_org_ref = "XM DAC/41304" };
  CcpExportOptions bad_type = { .iati_org_type = "multilateral" };
  CcpExportOptions bad_lang = { .iati_language = "en_GB" };
  g_autoptr(GError) error = NULL;

  ccp_plan_set_id (plan, "");
  assert_export_fails (G_OBJECT (plan), "no identifier");
  ccp_plan_set_id (plan, plan_id);

  ccp_activity_set_id (second, ccp_activity_get_id (first));
  assert_export_fails (G_OBJECT (plan), "must be unique");
  ccp_activity_set_id (second, second_id);

  /* A missing date falls back to the period; with no period either, nothing can be said. */
  ccp_activity_set_start_date (first, "");
  ccp_activity_set_end_date (first, "17 May");
  bytes = export_ok (G_OBJECT (plan));
  assert_iati_valid (bytes, "dates from the period");
  ccp_plan_set_period (plan, "");
  assert_export_fails (G_OBJECT (plan), "no valid dates");
  ccp_plan_set_period (plan, PERIOD);

  /* Characters XML cannot carry become U+FFFD; an amount that is not a number is left out. */
  ccp_activity_set_title (first, "Bell\a and form\f feed & <more>");
  ccp_activity_set_budget_amount (first, "12,5");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_ok (G_OBJECT (plan));
  assert_iati_valid (bytes, "control characters");

  g_assert_false (ccp_export_check_options (&bad_ref, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (ccp_export_iati (G_OBJECT (plan), &bad_type, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ccp_export_check_options (&bad_lang, &error));
  g_clear_error (&error);

  ccp_item_list_remove_all (ccp_plan_get_activities (plan));
  assert_export_fails (G_OBJECT (plan), "no activity");
}

static void
test_format_names (void)
{
  CcpExportFormat format;

  g_assert_true (ccp_export_format_from_name ("IATI", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_IATI);
  g_assert_true (ccp_export_format_from_name ("xlsx", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_XLSX);
  g_assert_true (ccp_export_format_from_name ("csv", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_CSV);
  g_assert_true (ccp_export_format_from_name ("html", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_HTML);
  g_assert_false (ccp_export_format_from_name ("xls", &format));
  g_assert_false (ccp_export_format_from_name (NULL, &format));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *schema_path = NULL;
  xmlSchemaParserCtxtPtr parser;
  int status;

  g_test_init (&argc, &argv, NULL);

  schema_path = g_test_build_filename (G_TEST_DIST, "data", "iati-2.03",
                                       "iati-activities-schema.xsd", NULL);
  parser = xmlSchemaNewParserCtxt (schema_path);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert_nonnull (schema);

  g_test_add_func ("/export-iati/format-names", test_format_names);
  g_test_add_func ("/export-iati/examples-valid", test_examples_valid);
  g_test_add_func ("/export-iati/generated-valid", test_generated_valid);
  g_test_add_func ("/export-iati/mapping-city-plan", test_mapping_city_plan);
  g_test_add_func ("/export-iati/mapping-field-plan", test_mapping_field_plan);
  g_test_add_func ("/export-iati/bad-input", test_bad_input);
  status = g_test_run ();
  xmlSchemaFree (schema);
  return status;
}
