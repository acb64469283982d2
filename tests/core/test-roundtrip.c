/* test-roundtrip.c: model -> write -> read -> write is lossless and byte-stable, and every
 * file written validates against the XSD. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define N_SEEDS 300

static xmlSchemaPtr schema;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  GString *errors = user_data;

  g_string_append_printf (errors, "line %d: %s", error->line,
                          error->message != NULL ? error->message : "?");
}

/* Validates bytes with the XSD; on failure the messages are in the returned string. */
static char *
schema_errors (GBytes *bytes)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr ctxt;
  xmlDocPtr doc;
  int result;

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                       "roundtrip.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);

  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, errors);
  result = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);

  if (result == 0)
    return NULL;
  if (errors->len == 0)
    g_string_append_printf (errors, "validation failed with %d", result);
  return g_string_free (g_steal_pointer (&errors), FALSE);
}

static void
assert_schema_valid (GBytes *bytes,
                     guint   seed)
{
  g_autofree char *errors = schema_errors (bytes);

  if (errors != NULL)
    g_error ("seed %u: not valid against the schema: %s\n%.*s", seed, errors,
             (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b,
                    guint   seed)
{
  if (!g_bytes_equal (a, b))
    g_error ("seed %u: second write differs:\n%.*s\n---\n%.*s", seed,
             (int) g_bytes_get_size (a), (const char *) g_bytes_get_data (a, NULL),
             (int) g_bytes_get_size (b), (const char *) g_bytes_get_data (b, NULL));
}

static void
test_roundtrip_city_plans (void)
{
  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL,
                                                      1 + seed % 6);
      g_autoptr(GBytes) first = ccp_writer_write_plan (plan);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GObject) reread = NULL;
      g_autoptr(GBytes) second = NULL;

      assert_schema_valid (first, seed);

      reread = ccp_reader_read_bytes (first, "random.ccp", &issues, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (CCP_IS_PLAN (reread));
      g_assert_cmpuint (issues->len, ==, 0);
      if (!ccp_plan_equal (plan, CCP_PLAN (reread)))
        g_error ("seed %u: the plan read back differs from the plan written", seed);

      second = ccp_writer_write_plan (CCP_PLAN (reread));
      assert_bytes_equal (first, second, seed);
    }
}

/* Drafts hold what a person left half done: empty required values, "none" flags beside
 * values, characters that need escaping. They must survive too (no schema check). */
static void
test_roundtrip_drafts (void)
{
  for (guint seed = 1; seed <= N_SEEDS / 3; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL,
                                                      seed % 4);
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;
      g_autoptr(GObject) reread = NULL;
      g_autoptr(GError) error = NULL;
      CcpItemList *activities = ccp_plan_get_activities (plan);

      if (g_rand_boolean (rand))
        ccp_plan_set_city (plan, "");
      if (g_rand_boolean (rand))
        ccp_plan_set_representative_none (plan, TRUE);
      if (g_rand_boolean (rand))
        ccp_plan_set_focal_point_name (plan, "Tab\tand \"quotes\" & <tags>\nnext line");
      ccp_plan_set_modified (plan, g_rand_boolean (rand) ? "" : "not a date");

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (activities)); i++)
        {
          g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities),
                                                                   i);

          ccp_activity_set_sdgs_none (activity, g_rand_boolean (rand));
          ccp_activity_set_budget_none (activity, g_rand_boolean (rand));
          ccp_activity_set_results_none (activity, g_rand_boolean (rand));
          ccp_activity_set_funding_none (activity, g_rand_boolean (rand));
          ccp_activity_set_partner_cities_none (activity, g_rand_boolean (rand));
          ccp_activity_set_partner_organisations_none (activity, g_rand_boolean (rand));
          ccp_activity_set_online (activity, g_rand_boolean (rand));
          if (g_rand_boolean (rand))
            ccp_activity_set_title (activity, "");
          if (g_rand_boolean (rand))
            ccp_activity_set_end_date (activity, "31/12/2027");
          if (g_rand_boolean (rand))
            ccp_activity_set_kind (activity, "unknown kind");
          if (g_rand_boolean (rand))
            ccp_activity_set_budget_amount (activity, "12 000,50");
        }

      first = ccp_writer_write_plan (plan);
      reread = ccp_reader_read_bytes (first, "draft.ccp", NULL, NULL, &error);
      g_assert_no_error (error);
      if (!ccp_plan_equal (plan, CCP_PLAN (reread)))
        g_error ("draft seed %u: the plan read back differs:\n%.*s", seed,
                 (int) g_bytes_get_size (first), (const char *) g_bytes_get_data (first, NULL));
      second = ccp_writer_write_plan (CCP_PLAN (reread));
      assert_bytes_equal (first, second, seed);
    }
}

static char *
random_hex (GRand *rand,
            guint  length)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append_c (text, "0123456789abcdef"[g_rand_int_range (rand, 0, 16)]);
  return g_string_free (text, FALSE);
}

static CcpContact *
random_contact (GRand *rand)
{
  CcpContact *contact = ccp_contact_new ();
  g_autofree char *name = ccp_test_random_string (rand, 2);
  g_autofree char *city = ccp_test_random_string (rand, 1);
  g_autofree char *email = g_strdup_printf ("person%u@example.org", g_rand_int (rand));

  ccp_contact_set_name (contact, name);
  ccp_contact_set_city (contact, city);
  ccp_contact_set_country (contact, g_rand_boolean (rand) ? "FR" : "KR");
  ccp_contact_set_email (contact, email);
  return contact;
}

/* A field plan built from random city plans: every list of the format has items. */
static CcpFieldPlan *
random_field_plan (GRand *rand)
{
  static const char *reasons[] = { "other-field", "other-period", "unreadable", "older-revision" };
  static const char *kinds[] = { "refused", "superseded", "joint", "duplicate", "missing" };
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  g_autofree char *id = random_hex (rand, 12);
  g_autoptr(CcpContact) coordinator = random_contact (rand);
  guint n_sources = g_rand_int_range (rand, 1, 5);

  ccp_field_plan_set_id (field_plan, id);
  ccp_field_plan_set_revision (field_plan, g_rand_int_range (rand, 1, 40));
  ccp_field_plan_set_modified (field_plan, "2026-12-01T10:00:00Z");
  ccp_field_plan_set_status (field_plan, g_rand_boolean (rand) ? CCP_PLAN_STATUS_DRAFT
                                                               : CCP_PLAN_STATUS_FINAL);
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_set_mission_statement (field_plan, "2");
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T09:59:00Z");

  if (g_rand_boolean (rand))
    {
      CcpContact *target = ccp_field_plan_get_coordinator (field_plan);

      ccp_contact_set_name (target, ccp_contact_get_name (coordinator));
      ccp_contact_set_city (target, ccp_contact_get_city (coordinator));
      ccp_contact_set_country (target, ccp_contact_get_country (coordinator));
      ccp_contact_set_email (target, ccp_contact_get_email (coordinator));
    }
  for (guint i = g_rand_int_range (rand, 0, 3); i > 0; i--)
    {
      g_autoptr(CcpContact) deputy = random_contact (rand);

      ccp_item_list_append (ccp_field_plan_get_deputies (field_plan), deputy);
    }

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", "2027-H1",
                                                      g_rand_int_range (rand, 1, 4));
      g_autoptr(CcpSource) source = ccp_source_new ();
      /* Some members of another field, as in a network overview: their field must survive. */
      g_autoptr(CcpPartner) member = ccp_partner_new_city (ccp_plan_get_city (plan),
                                                           ccp_plan_get_country (plan),
                                                           i % 3 == 0 ? "film" : "music");
      g_autofree char *file = g_strdup_printf ("plan %u & co.ccp", i);
      g_autofree char *sha = random_hex (rand, 64);
      CcpItemList *activities = ccp_plan_get_activities (plan);
      gboolean refused = g_rand_int_range (rand, 0, 4) == 0;

      ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);

      ccp_source_set_file (source, file);
      ccp_source_set_sha256 (source, sha);
      ccp_source_set_status (source, refused ? CCP_SOURCE_STATUS_REFUSED
                                             : CCP_SOURCE_STATUS_ACCEPTED);
      if (refused)
        {
          ccp_source_set_reason (source, reasons[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (reasons))]);
        }
      else
        {
          ccp_source_set_city (source, ccp_plan_get_city (plan));
          ccp_source_set_country (source, ccp_plan_get_country (plan));
          ccp_source_set_field (source, ccp_plan_get_field (plan));
          ccp_source_set_period (source, ccp_plan_get_period (plan));
          ccp_source_set_plan_id (source, ccp_plan_get_id (plan));
          ccp_source_set_revision (source, ccp_plan_get_revision (plan));
          ccp_source_set_modified (source, ccp_plan_get_modified (plan));
          ccp_source_set_warnings (source, g_rand_int_range (rand, 0, 5));
        }
      ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);

      if (refused)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (activities)); j++)
        {
          g_autoptr(CcpActivity) original = g_list_model_get_item (G_LIST_MODEL (activities), j);
          g_autoptr(CcpActivity) copy = ccp_activity_copy (original);
          g_autoptr(CcpAttribution) attribution =
            ccp_attribution_new (ccp_plan_get_city (plan), ccp_plan_get_country (plan),
                                 ccp_plan_get_id (plan), ccp_activity_get_id (original));
          g_autofree char *new_id = g_strdup_printf ("f%u-%u", i, j);

          ccp_activity_set_id (copy, new_id);
          /* A field plan's activity mirrors its first contribution (format 1.1). */
          ccp_attribution_set_values (attribution, copy);
          ccp_item_list_append (ccp_activity_get_attributions (copy), attribution);
          ccp_item_list_append (ccp_field_plan_get_activities (field_plan), copy);
        }
    }

  for (guint i = g_rand_int_range (rand, 0, 4); i > 0; i--)
    {
      g_autoptr(CcpReportItem) item =
        ccp_report_item_new (kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      g_autofree char *city = ccp_test_random_string (rand, 1);
      g_autofree char *value = ccp_test_random_string (rand, 3);

      ccp_report_item_set_code (item, "code-1");
      ccp_report_item_set_city (item, city);
      if (g_rand_boolean (rand))
        ccp_report_item_set_country (item, "JM");
      if (g_rand_boolean (rand))
        ccp_report_item_set_activity (item, "a1");
      if (g_rand_boolean (rand))
        ccp_report_item_add_value (item, "detail", value);
      if (g_rand_boolean (rand))
        ccp_report_item_add_value (item, "count", "3");
      ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);
    }

  return field_plan;
}

static void
test_roundtrip_field_plans (void)
{
  for (guint seed = 1; seed <= N_SEEDS / 3; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpFieldPlan) field_plan = random_field_plan (rand);
      g_autoptr(GBytes) first = ccp_writer_write_field_plan (field_plan);
      g_autoptr(GBytes) second = NULL;
      g_autoptr(GObject) reread = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autoptr(GError) error = NULL;

      assert_schema_valid (first, seed);

      reread = ccp_reader_read_bytes (first, "field.ccp", &issues, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (CCP_IS_FIELD_PLAN (reread));
      g_assert_cmpuint (issues->len, ==, 0);
      if (!ccp_field_plan_equal (field_plan, CCP_FIELD_PLAN (reread)))
        g_error ("field plan seed %u: the plan read back differs", seed);

      second = ccp_writer_write_field_plan (CCP_FIELD_PLAN (reread));
      assert_bytes_equal (first, second, seed);
    }
}

/* Saved to disk and loaded again through the file layer: same bytes, same plan. */
static void
test_roundtrip_through_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ccp-roundtrip-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.ccp", NULL);
  file = g_file_new_for_path (path);

  for (guint seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL, 3);
      g_autoptr(GBytes) written = ccp_writer_write_plan (plan);
      g_autoptr(GBytes) loaded = NULL;
      g_autoptr(GObject) reread = NULL;

      g_assert_true (ccp_writer_save (G_OBJECT (plan), file, TRUE, NULL, &error));
      g_assert_no_error (error);
      reread = ccp_reader_read_file (file, &loaded, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (written, loaded));
      g_assert_true (ccp_plan_equal (plan, CCP_PLAN (reread)));
    }

  g_assert_cmpint (g_remove (path), ==, 0);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_cmpint (g_remove (backup), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The field table drives the reader, the writer and the CSV: each row, given a value that is
 * not its default, is written where the row says, read back into the same field, and shows in
 * its CSV column. A row added to the table is covered without changing this test. */

static void
set_test_value (const CcpActivityField *field,
                CcpActivity            *activity)
{
  if (field->set_flag != NULL)
    {
      field->set_flag (activity, TRUE);
    }
  else if (field->type == CCP_FIELD_TYPE_CODES)
    {
      g_assert_true (ccp_activity_field_from_string (field, activity, "10 2"));
    }
  else if (field->set_string != NULL)
    {
      g_autofree char *value = g_strdup_printf ("%s \"value\" & <more>", field->name);

      field->set_string (activity, value);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      guint width = 1;

      if (field->items != NULL)
        for (width = 0; field->items[width].name != NULL; width++)
          ;
      for (guint i = 0; i < 2; i++)
        {
          char **row = g_new0 (char *, width + 1);

          for (guint j = 0; j < width; j++)
            row[j] = g_strdup_printf ("%s %u.%u", field->name, i, j);
          g_ptr_array_add (rows, row);
        }
      ccp_activity_field_set_rows (field, activity, rows);
    }
}

/* The plan or field plan (with attributions) holding activity. */
static GObject *
document_with (CcpActivity *activity,
               gboolean     field_plan)
{
  GObject *document;

  if (field_plan)
    {
      g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Lyon", "FR", "p1", "a1");

      document = G_OBJECT (ccp_field_plan_new ());
      /* Format 1.1: the per-city fields are the city's contribution, mirrored by the activity. */
      ccp_attribution_set_values (attribution, activity);
      ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
      ccp_item_list_append (ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)), activity);
    }
  else
    {
      document = G_OBJECT (ccp_plan_new ());
      ccp_item_list_append (ccp_plan_get_activities (CCP_PLAN (document)), activity);
    }
  return document;
}

static GBytes *
write_document (GObject *document)
{
  if (CCP_IS_PLAN (document))
    return ccp_writer_write_plan (CCP_PLAN (document));
  return ccp_writer_write_field_plan (CCP_FIELD_PLAN (document));
}

static CcpActivity *
first_activity (GObject *document)
{
  GListModel *activities = G_LIST_MODEL (CCP_IS_PLAN (document)
                                         ? ccp_plan_get_activities (CCP_PLAN (document))
                                         : ccp_field_plan_get_activities (CCP_FIELD_PLAN (document)));

  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 1);
  return g_list_model_get_item (activities, 0);
}

static void
assert_row_round_trips (const CcpActivityField *field,
                        gboolean                field_plan)
{
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(CcpActivity) blank = ccp_activity_new ("a1");
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) blank_document = NULL;
  g_autoptr(GObject) reread = NULL;
  g_autoptr(CcpActivity) read_activity = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) blank_csv = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *start = NULL;
  const char *tag;

  set_test_value (field, activity);
  if (ccp_activity_field_is_empty (field, activity))
    g_error ("%s: the test value is the default", field->name);
  document = document_with (activity, field_plan);
  blank_document = document_with (blank, field_plan);

  /* Written where the row says: the element's start tag with its text or items, or with
   * the attribute. */
  first = write_document (document);
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  start = g_strdup_printf ("<%s%s", field->element != NULL ? field->element : "activity",
                           field->attribute != NULL ? " " : ">");
  tag = strstr (text, start);
  if (tag == NULL)
    g_error ("%s: no %s in\n%s", field->name, start, text);
  if (field->attribute != NULL)
    {
      g_autofree char *attribute = g_strdup_printf (" %s=\"", field->attribute);
      const char *found = strstr (tag, attribute);

      if (found == NULL || found > strchr (tag, '>'))
        g_error ("%s: no %s in %s of\n%s", field->name, attribute, start, text);
    }

  /* Read back into the same field, every other field untouched. */
  reread = ccp_reader_read_bytes (first, "field.ccp", &issues, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, ==, 0);
  read_activity = first_activity (reread);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!ccp_activity_field_equal (&fields[i], activity, read_activity))
        g_error ("%s set: %s differs after write -> read:\n%s", field->name, fields[i].name,
                 text);
    }
  second = write_document (reread);
  g_assert_true (g_bytes_equal (first, second));

  /* And in its column of the CSV. */
  csv = ccp_export_csv (document);
  blank_csv = ccp_export_csv (blank_document);
  if (field->csv_column != NULL && !(field->flags & CCP_FIELD_FLAGS_NO_EXPORT))
    {
      g_assert_true (g_strv_contains (ccp_export_csv_columns (), field->csv_column));
      g_assert_false (g_bytes_equal (csv, blank_csv));
    }
}

static void
test_roundtrip_every_field (void)
{
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      assert_row_round_trips (&fields[i], FALSE);
      assert_row_round_trips (&fields[i], TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  xmlSchemaParserCtxtPtr parser_ctxt;
  const char *schema_path;
  int result;

  g_test_init (&argc, &argv, NULL);

  schema_path = g_getenv ("CCP_SCHEMA");
  g_assert_nonnull (schema_path);
  parser_ctxt = xmlSchemaNewParserCtxt (schema_path);
  schema = xmlSchemaParse (parser_ctxt);
  xmlSchemaFreeParserCtxt (parser_ctxt);
  g_assert_nonnull (schema);

  g_test_add_func ("/roundtrip/city-plans", test_roundtrip_city_plans);
  g_test_add_func ("/roundtrip/drafts", test_roundtrip_drafts);
  g_test_add_func ("/roundtrip/field-plans", test_roundtrip_field_plans);
  g_test_add_func ("/roundtrip/through-file", test_roundtrip_through_file);
  g_test_add_func ("/roundtrip/every-field", test_roundtrip_every_field);

  result = g_test_run ();
  xmlSchemaFree (schema);
  return result;
}
