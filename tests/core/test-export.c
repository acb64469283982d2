/* test-export.c: CSV read back by an RFC 4180 parser; HTML parsed as XML (well-formed,
 * self-contained, with its language); both for a city plan and a field plan. */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

/* A strict RFC 4180 parser: records end with CRLF; a field is either plain (no quote, comma,
 * CR or LF) or quoted with doubled quotes inside. Returns rows of GStrv, or NULL on any
 * deviation. */
static GPtrArray *
parse_csv (const char *text,
           gsize       len)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize i = 0;

  if (len == 0)
    return NULL;

  while (i < len)
    {
      g_string_truncate (field, 0);
      if (text[i] == '"')
        {
          i++;
          for (;;)
            {
              if (i >= len)
                return NULL;   /* unterminated quote */
              if (text[i] == '"')
                {
                  if (i + 1 < len && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, text[i++]);
            }
        }
      else
        {
          while (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              if (text[i] == '"')
                return NULL;   /* a quote inside an unquoted field */
              g_string_append_c (field, text[i++]);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));

      if (i < len && text[i] == ',')
        {
          i++;
          continue;
        }
      if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n')
        {
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          i += 2;
          continue;
        }
      return NULL;   /* a bare LF or CR, or the last record without its CRLF */
    }

  if (row->len != 0)
    return NULL;
  return g_steal_pointer (&rows);
}

static int
column_index (char      **header,
              const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    {
      if (g_str_equal (header[i], name))
        return i;
    }
  return -1;
}

/* A plan whose texts need every kind of CSV and HTML escaping. */
static CcpPlan *
tricky_plan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  CcpPlan *plan = ccp_test_random_plan (rand, "Évian-les-Bains", "FR", "music", "2027-H1", 4);
  g_autoptr(CcpActivity) first = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);

  ccp_activity_set_title (first, "Jazz, \"blues\" & <script>alert(1)</script> ' ünïcödé");
  ccp_activity_set_description (first, "Line one\nLine two, with a comma\r\nand CRLF");
  ccp_activity_set_funding (first, (const char * const[]) { "City; Region", "UNESCO", NULL });
  return plan;
}

static void
check_csv (GBytes *bytes,
           guint   n_activities,
           GStrv  *out_titles)
{
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  g_autoptr(GPtrArray) rows = parse_csv (text, len);
  char **header;
  guint n_columns = g_strv_length ((char **) ccp_export_csv_columns ());
  GStrvBuilder *titles = g_strv_builder_new ();

  g_assert_nonnull (rows);
  g_assert_true (g_utf8_validate (text, len, NULL));
  g_assert_false (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);   /* no BOM */
  g_assert_cmpuint (rows->len, ==, n_activities + 1);

  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, n_columns);
  g_assert_cmpint (column_index (header, "title"), >=, 0);
  g_assert_cmpint (column_index (header, "city"), >=, 0);
  g_assert_cmpint (column_index (header, "country"), >=, 0);

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, n_columns);
      g_strv_builder_add (titles, row[column_index (header, "title")]);
    }
  *out_titles = g_strv_builder_end (titles);
  g_strv_builder_unref (titles);
}

/* The byte-order mark option adds three bytes in front and changes nothing else; without it
 * the bytes are ccp_export_csv()'s. */
static void
test_csv_bom (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autoptr(GBytes) plain = ccp_export_csv (G_OBJECT (plan));
  g_autoptr(GBytes) none = ccp_export_csv_full (G_OBJECT (plan), CCP_EXPORT_CSV_NONE);
  g_autoptr(GBytes) bom = ccp_export_csv_full (G_OBJECT (plan), CCP_EXPORT_CSV_BOM);
  gsize plain_len, bom_len;
  const char *plain_data = g_bytes_get_data (plain, &plain_len);
  const char *bom_data = g_bytes_get_data (bom, &bom_len);

  g_assert_true (g_bytes_equal (plain, none));
  g_assert_cmpuint (bom_len, ==, plain_len + 3);
  g_assert_cmpmem (bom_data, 3, "\xef\xbb\xbf", 3);
  g_assert_cmpmem (bom_data + 3, plain_len, plain_data, plain_len);
}

static void
test_csv_plan (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autoptr(GBytes) bytes = ccp_export_csv (G_OBJECT (plan));
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) titles = NULL;
  GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  char **header, **first;
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);

  check_csv (bytes, g_list_model_get_n_items (activities), &titles);

  /* Every title reads back exactly, quotes, commas and all. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      g_assert_cmpstr (titles[i], ==, ccp_activity_get_title (activity));
    }

  rows = parse_csv (text, len);
  header = g_ptr_array_index (rows, 0);
  first = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (first[column_index (header, "city")], ==, "Évian-les-Bains");
  g_assert_cmpstr (first[column_index (header, "country")], ==, "FR");
  g_assert_cmpstr (first[column_index (header, "description")], ==,
                   "Line one\nLine two, with a comma\r\nand CRLF");
  g_assert_cmpstr (first[column_index (header, "funding")], ==, "City; Region; UNESCO");
  g_assert_cmpstr (first[column_index (header, "plan")], ==, ccp_plan_get_id (plan));
}

/* Texts a spreadsheet would run as formulas get an apostrophe in front; others are untouched. */
static void
test_csv_formulas (void)
{
  static const struct {
    const char *title;
    const char *cell;
  } cases[] = {
    { "=HYPERLINK(\"https://example.org/?\"&A1,\"Tickets\")",
      "'=HYPERLINK(\"https://example.org/?\"&A1,\"Tickets\")" },
    { "+1 concert", "'+1 concert" },
    { "-20% for students", "'-20% for students" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tTabbed", "'\tTabbed" },
    { "Jazz = joy", "Jazz = joy" },
    { "'Quoted'", "'Quoted'" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1",
                                                   G_N_ELEMENTS (cases));
  GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *text;
  gsize len;
  char **header;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      ccp_activity_set_title (activity, cases[i].title);
    }
  bytes = ccp_export_csv (G_OBJECT (plan));
  text = g_bytes_get_data (bytes, &len);
  rows = parse_csv (text, len);
  g_assert_nonnull (rows);
  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (row[column_index (header, "title")], ==, cases[i].cell);
      /* Codes and dates are never touched. */
      g_assert_cmpstr (row[column_index (header, "city")], ==, "Bologna");
    }
}

static CcpFieldPlan *
merged_examples (void)
{
  g_autofree char *path = g_build_filename (ccp_test_examples_dir (),
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  return CCP_FIELD_PLAN (document);
}

static void
test_csv_field_plan (void)
{
  g_autoptr(CcpFieldPlan) field_plan = merged_examples ();
  g_autoptr(GBytes) bytes = ccp_export_csv (G_OBJECT (field_plan));
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));
  guint n = g_list_model_get_n_items (activities);
  guint n_rows = 0;
  g_auto(GStrv) titles = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  char **header;
  gboolean joint_seen = FALSE;
  guint row_index = 1;

  /* One row per activity and contributing city. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);

      n_rows += MAX (g_list_model_get_n_items (
        G_LIST_MODEL (ccp_activity_get_attributions (activity))), 1);
    }
  check_csv (bytes, n_rows, &titles);
  rows = parse_csv (text, len);
  header = g_ptr_array_index (rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++, row_index++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);
          CcpActivity *values = ccp_attribution_get_values (attribution);
          char **row = g_ptr_array_index (rows, row_index);

          g_assert_cmpstr (row[column_index (header, "id")], ==, ccp_activity_get_id (activity));
          g_assert_cmpstr (row[column_index (header, "title")], ==,
                           ccp_activity_get_title (activity));
          g_assert_cmpstr (row[column_index (header, "city")], ==,
                           ccp_attribution_get_city (attribution));
          /* Each city's row has its own budget. */
          g_assert_cmpstr (row[column_index (header, "budget_amount")], ==,
                           ccp_activity_get_budget_amount (values));
          g_assert_cmpstr (row[column_index (header, "budget_currency")], ==,
                           ccp_activity_get_budget_currency (values));
          if (j > 0)
            joint_seen = TRUE;
        }
    }
  g_assert_true (joint_seen);
}

static xmlDoc *
parse_html (GBytes *bytes)
{
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  xmlDoc *doc;

  /* Strict: any well-formedness error fails. No network, no entities. */
  doc = xmlReadMemory (text, (int) len, "report.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count_nodes (xmlDoc     *doc,
             const char *xpath)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;

  xmlXPathRegisterNs (context, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
  result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  g_assert_nonnull (result);
  return result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
}

static void
check_self_contained (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *p = text;
  guint urls = 0;

  /* The only URL is the XHTML namespace name (never fetched). */
  while ((p = strstr (p, "://")) != NULL)
    {
      urls++;
      p += 3;
    }
  g_assert_cmpuint (urls, ==, 1);
  g_assert_nonnull (strstr (text, "xmlns=\"http://www.w3.org/1999/xhtml\""));
  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<link"));
  g_assert_null (strstr (text, "<img"));
  g_assert_nonnull (strstr (text, "@media print"));
}

static void
test_html_plan (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autoptr(GBytes) bytes = ccp_export_html (G_OBJECT (plan));
  g_autoptr(xmlDoc) doc = parse_html (bytes);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree xmlChar *lang = xmlGetProp (root, BAD_CAST "lang");
  g_autofree xmlChar *dir = xmlGetProp (root, BAD_CAST "dir");
  g_autoptr(CcpActivity) first = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (plan)), 0);
  g_autofree char *xpath = NULL;

  g_assert_cmpstr ((const char *) root->name, ==, "html");
  /* LC_ALL=C.UTF-8 in the tests: English. */
  g_assert_cmpstr ((const char *) lang, ==, "en");
  g_assert_cmpstr ((const char *) dir, ==, "ltr");
  check_self_contained (bytes);

  /* The title with its markup characters is text, not markup. */
  g_assert_cmpuint (count_nodes (doc, "//h:script"), ==, 0);
  xpath = g_strdup_printf ("//h:h4[starts-with(., 'Jazz, \"blues\" & <script>')]");
  g_assert_cmpuint (count_nodes (doc, xpath), ==, 1);
  g_assert_cmpuint (count_nodes (doc, "//h:article"), ==, 4);
  g_assert_cmpuint (count_nodes (doc, "//h:section[@id='summary']//h:table"), >=, 5);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "Évian-les-Bains"));
  (void) first;
}

static void
test_html_field_plan (void)
{
  g_autoptr(CcpFieldPlan) field_plan = merged_examples ();
  g_autoptr(GBytes) bytes = ccp_export_html (G_OBJECT (field_plan));
  g_autoptr(xmlDoc) doc = parse_html (bytes);
  g_autoptr(CcpStats) stats = ccp_stats_new_for_field_plan (field_plan);
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));
  guint cities = ccp_stats_get_counts (stats, CCP_STATS_CITY)->len;
  guint per_city = 0;

  check_self_contained (bytes);
  for (guint i = 0; i < cities; i++)
    per_city += ((CcpStatsCount *) g_ptr_array_index (
                   ccp_stats_get_counts (stats, CCP_STATS_CITY), i))->count;

  /* Each activity under each of its cities; one heading per city. */
  g_assert_cmpuint (count_nodes (doc, "//h:section[@id='activities']/h:article"), ==, per_city);
  g_assert_cmpuint (count_nodes (doc, "//h:section[@id='activities']/h:h3"), ==, cities);
  g_assert_cmpuint (count_nodes (doc, "//h:section[@id='report']//h:li"), ==,
                    g_list_model_get_n_items (report));
  g_assert_cmpuint (count_nodes (doc, "//h:section[@id='sources']//h:tbody/h:tr"), ==,
                    g_list_model_get_n_items (sources));
}

static void
test_language (void)
{
  g_assert_true (ccp_export_language_is_rtl ("ar"));
  g_assert_true (ccp_export_language_is_rtl ("ar-EG"));
  g_assert_true (ccp_export_language_is_rtl ("he"));
  g_assert_false (ccp_export_language_is_rtl ("fr"));
  g_assert_false (ccp_export_language_is_rtl ("zh-CN"));
  g_assert_false (ccp_export_language_is_rtl ("en"));
}

/* HXL 1.1's grammar of a tag: a hashtag, then attributes, each of ASCII letters, digits and
 * "_" starting with a letter (the spec allows spaces between them; we write none). */
static gboolean
is_hxl_tag (const char *tag)
{
  return g_regex_match_simple ("^#[A-Za-z][A-Za-z0-9_]*(\\+[A-Za-z][A-Za-z0-9_]*)*$", tag, 0, 0);
}

static gboolean
has_hashtag (char      **tags,
             const char *hashtag)
{
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tags[i], "+", 2);

      if (g_str_equal (parts[0], hashtag))
        return TRUE;
    }
  return FALSE;
}

/* --hxl: the header, then a tag row of valid HXL tags (with the 3W minimum, #org #sector and
 * #country), then the rows of the plain CSV each followed by the contact of the document; the
 * plain CSV has neither. */
static void
check_csv_hxl (GObject    *document,
               const char *contact_name,
               const char *contact_email)
{
  g_autoptr(GBytes) plain = ccp_export_csv (document);
  g_autoptr(GBytes) hxl = ccp_export_csv_full (document, CCP_EXPORT_CSV_HXL);
  g_autoptr(GBytes) both = ccp_export_csv_full (document, CCP_EXPORT_CSV_HXL | CCP_EXPORT_CSV_BOM);
  g_autoptr(GPtrArray) plain_rows = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *columns = ccp_export_csv_columns_full (CCP_EXPORT_CSV_HXL);
  const char * const *tags = ccp_export_csv_hxl_tags ();
  guint n_plain = g_strv_length ((char **) ccp_export_csv_columns ());
  guint n_columns = g_strv_length ((char **) columns);
  gsize len;
  const char *text;
  char **header, **tag_row;

  text = g_bytes_get_data (plain, &len);
  plain_rows = parse_csv (text, len);
  text = g_bytes_get_data (hxl, &len);
  rows = parse_csv (text, len);
  g_assert_nonnull (plain_rows);
  g_assert_nonnull (rows);
  g_assert_cmpuint (n_columns, ==, n_plain + 2);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, n_columns);
  g_assert_cmpstrv (ccp_export_csv_columns_full (CCP_EXPORT_CSV_NONE), ccp_export_csv_columns ());
  g_assert_cmpuint (rows->len, ==, plain_rows->len + 1);

  header = g_ptr_array_index (rows, 0);
  tag_row = g_ptr_array_index (rows, 1);
  g_assert_cmpstrv (header, columns);
  g_assert_cmpstrv (tag_row, tags);
  for (guint i = 0; tag_row[i] != NULL; i++)
    {
      if (!is_hxl_tag (tag_row[i]))
        g_error ("column %s: “%s” is not an HXL tag", header[i], tag_row[i]);
    }
  g_assert_true (has_hashtag (tag_row, "#org"));
  g_assert_true (has_hashtag (tag_row, "#sector"));
  g_assert_true (has_hashtag (tag_row, "#country") || has_hashtag (tag_row, "#adm1"));
  g_assert_cmpstr (tag_row[column_index (header, "city")], ==, "#org+impl+city");
  g_assert_cmpstr (tag_row[column_index (header, "field")], ==, "#sector+code");
  g_assert_cmpstr (tag_row[column_index (header, "country")], ==, "#country+code");
  g_assert_cmpstr (tag_row[column_index (header, "title")], ==, "#activity+name");
  g_assert_cmpstr (tag_row[column_index (header, "budget_amount")], ==, "#value+budget");
  g_assert_cmpstr (tag_row[column_index (header, "contact_email")], ==, "#contact+email");

  /* The data rows line up: the plain row, then the contact. */
  g_assert_cmpstrv (g_ptr_array_index (plain_rows, 0), ccp_export_csv_columns ());
  for (guint i = 1; i < plain_rows->len; i++)
    {
      char **plain_row = g_ptr_array_index (plain_rows, i);
      char **row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (g_strv_length (row), ==, n_columns);
      for (guint j = 0; j < n_plain; j++)
        g_assert_cmpstr (row[j], ==, plain_row[j]);
      g_assert_cmpstr (row[n_plain], ==, contact_name);
      g_assert_cmpstr (row[n_plain + 1], ==, contact_email);
    }

  /* With the byte-order mark too: the mark, then the same bytes. */
  g_assert_cmpuint (g_bytes_get_size (both), ==, len + 3);
  g_assert_cmpmem ((const char *) g_bytes_get_data (both, NULL) + 3, len, text, len);
}

static void
test_csv_hxl (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autoptr(CcpFieldPlan) field_plan = merged_examples ();
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);

  ccp_plan_set_focal_point_name (plan, "Anne, \"the\" Focal Point");
  ccp_plan_set_focal_point_email (plan, "anne@example.org");
  check_csv_hxl (G_OBJECT (plan), "Anne, \"the\" Focal Point", "anne@example.org");

  ccp_contact_set_name (coordinator, "Carla Coordinator");
  ccp_contact_set_email (coordinator, "carla@example.org");
  check_csv_hxl (G_OBJECT (field_plan), "Carla Coordinator", "carla@example.org");

  /* The grammar test can fail. */
  g_assert_false (is_hxl_tag ("#org+"));
  g_assert_false (is_hxl_tag ("org"));
  g_assert_false (is_hxl_tag ("#x-kind"));
  g_assert_false (is_hxl_tag ("#1org"));
}

/* ccp_export() and ccp_export_save() are ccp_export_full() and ccp_export_save_full() with the
 * default options: the same bytes. */
static void
test_export_fold (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autoptr(CcpFieldPlan) field_plan = merged_examples ();
  GObject *documents[] = { G_OBJECT (plan), G_OBJECT (field_plan) };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) csv = ccp_export (documents[i], CCP_EXPORT_FORMAT_CSV);
      g_autoptr(GBytes) csv_direct = ccp_export_csv (documents[i]);
      g_autoptr(GBytes) csv_full = ccp_export_full (documents[i], CCP_EXPORT_FORMAT_CSV, NULL,
                                                    NULL);
      g_autoptr(GBytes) html = ccp_export (documents[i], CCP_EXPORT_FORMAT_HTML);
      g_autoptr(GBytes) html_direct = ccp_export_html (documents[i]);

      g_assert_true (g_bytes_equal (csv, csv_direct));
      g_assert_true (g_bytes_equal (csv, csv_full));
      g_assert_true (g_bytes_equal (html, html_direct));
    }
}

static void
test_save (void)
{
  g_autoptr(CcpPlan) plan = tricky_plan ();
  g_autofree char *dir = g_dir_make_tmp ("ccp-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) expected = ccp_export_csv (G_OBJECT (plan));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  CcpExportFormat format;

  g_assert_true (ccp_export_format_from_string ("CSV", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_CSV);
  g_assert_true (ccp_export_format_from_string ("html", &format));
  g_assert_cmpint (format, ==, CCP_EXPORT_FORMAT_HTML);
  g_assert_false (ccp_export_format_from_string ("pdf", &format));

  g_assert_true (ccp_export_save (G_OBJECT (plan), CCP_EXPORT_FORMAT_CSV, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  /* A folder as the target: an error, and the folder is left alone. */
  g_assert_false (ccp_export_save (G_OBJECT (plan), CCP_EXPORT_FORMAT_HTML, folder, NULL,
                                   &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/plan", test_csv_plan);
  g_test_add_func ("/export/csv/bom", test_csv_bom);
  g_test_add_func ("/export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/export/csv/field-plan", test_csv_field_plan);
  g_test_add_func ("/export/csv/hxl", test_csv_hxl);
  g_test_add_func ("/export/fold", test_export_fold);
  g_test_add_func ("/export/html/plan", test_html_plan);
  g_test_add_func ("/export/html/field-plan", test_html_field_plan);
  g_test_add_func ("/export/html/language", test_language);
  g_test_add_func ("/export/save", test_save);

  return g_test_run ();
}
