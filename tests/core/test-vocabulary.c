/* Tests of the coded vocabularies (data/vocabularies.xml) and their agreement with the schema. */
#define G_LOG_DOMAIN "test-vocabulary"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static void
assert_codes (const char         *vocabulary,
              const char * const *expected)
{
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();
  const char * const *codes = ccp_vocabulary_get_codes (vocab, vocabulary);

  g_assert_nonnull (codes);
  g_assert_cmpstrv (codes, expected);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *label = ccp_vocabulary_get_label (vocab, vocabulary, expected[i]);
      const char *short_label = ccp_vocabulary_get_short_label (vocab, vocabulary, expected[i]);

      g_assert_true (ccp_vocabulary_has_term (vocab, vocabulary, expected[i]));
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_nonnull (short_label);
      g_assert_cmpstr (short_label, !=, "");
    }
}

static void
test_codes (void)
{
  const char *fields[] = { "crafts-folk-art", "design", "film", "gastronomy", "literature",
                           "media-arts", "music", "architecture", NULL };
  const char *mission[] = { "2", NULL };
  const char *six[] = { "1", "2", "3", "4", "5", "6", NULL };
  const char *kinds[] = { "festival-event", "conference-meeting", "workshop-capacity-building",
                          "exchange-residency", "research-publication", "exhibition",
                          "pilot-project", "communication-campaign", "other", NULL };
  const char *scopes[] = { "local", "international", NULL };
  const char *states[] = { "planned", "ongoing", "carried-over", "postponed", "cancelled", NULL };
  const char *sectors[] = { "public", "private", "civil-society", "academic", "unesco-un",
                            "other", NULL };
  const char *sdgs[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                         "14", "15", "16", "17", NULL };

  assert_codes ("field", fields);
  assert_codes ("mission-statement", mission);
  assert_codes ("objective", six);
  assert_codes ("area", six);
  assert_codes ("kind", kinds);
  assert_codes ("scope", scopes);
  assert_codes ("state", states);
  assert_codes ("sector", sectors);
  assert_codes ("sdg", sdgs);

  g_assert_cmpstr (ccp_vocabulary_get_codes (ccp_vocabulary_get_default (), "mission-statement")[0],
                   ==, CCP_MISSION_STATEMENT_CURRENT);
}

static void
test_labels (void)
{
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();

  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "field", "architecture"), ==, "Architecture");
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "field", "crafts-folk-art"), ==,
                   "Crafts and Folk Art");
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "sector", "unesco-un"), ==, "UNESCO or UN");
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "kind", "festival-event"), ==,
                   "Festival or event");
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "sdg", "4"), ==, "Quality education");

  /* Objectives carry the full text of the Mission Statement and a short label. */
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "objective", "6"), ==,
                   "Fully integrate culture and creativity into local development strategies "
                   "and plans.");
  g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "objective", "1"), ==,
                   "International cooperation");
  for (guint i = 1; i <= 6; i++)
    {
      char code[2] = { (char) ('0' + i), '\0' };

      g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "objective", code), !=,
                       ccp_vocabulary_get_label (vocab, "objective", code));
      g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "area", code), !=,
                       ccp_vocabulary_get_label (vocab, "area", code));
      /* Labels are kept on one line, as the catalogue's msgid is. */
      g_assert_null (strchr (ccp_vocabulary_get_label (vocab, "objective", code), '\n'));
    }

  /* Without a short label, the label is used. */
  g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "field", "media-arts"), ==,
                   "Media Arts");
}

static void
test_sdg_colors (void)
{
  static const char *colors[] = {
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942",
    "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D",
    "#19486A",
  };
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();

  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "sdg", "11"), ==,
                   "Sustainable cities and communities");
  g_assert_cmpstr (ccp_vocabulary_get_color (vocab, "sdg", "11"), ==, "#FD9D24");

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (ccp_vocabulary_get_color (vocab, "sdg", code), ==, colors[i]);
    }

  /* Other vocabularies have no colours. */
  g_assert_null (ccp_vocabulary_get_color (vocab, "field", "music"));
}

static void
test_unknown (void)
{
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();

  g_assert_false (ccp_vocabulary_has_term (vocab, "field", "sculpture"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "field", "Music"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "field", ""));
  g_assert_false (ccp_vocabulary_has_term (vocab, "field", NULL));
  g_assert_false (ccp_vocabulary_has_term (vocab, "no-such-vocabulary", "music"));
  g_assert_false (ccp_vocabulary_has_term (vocab, NULL, "music"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "sdg", "18"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "sdg", "0"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "objective", "7"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "mission-statement", "1"));

  g_assert_null (ccp_vocabulary_get_codes (vocab, "no-such-vocabulary"));
  g_assert_null (ccp_vocabulary_get_codes (vocab, NULL));
  g_assert_null (ccp_vocabulary_get_label (vocab, "field", "sculpture"));
  g_assert_null (ccp_vocabulary_get_label (vocab, "nothing", "music"));
  g_assert_null (ccp_vocabulary_get_short_label (vocab, "sdg", "99"));
  g_assert_null (ccp_vocabulary_get_color (vocab, "sdg", "99"));
  g_assert_null (ccp_vocabulary_get_color (vocab, "nothing", "11"));
}

/* The enumeration values of one named xs:simpleType of the schema, in document order. */
static GPtrArray *
schema_enumeration (xmlDoc     *doc,
                    const char *type_name)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *type = root->children; type != NULL; type = type->next)
    {
      xmlChar *name;
      gboolean match;

      if (type->type != XML_ELEMENT_NODE || strcmp ((const char *) type->name, "simpleType") != 0)
        continue;
      name = xmlGetNoNsProp (type, (const xmlChar *) "name");
      match = name != NULL && strcmp ((const char *) name, type_name) == 0;
      xmlFree (name);
      if (!match)
        continue;

      for (xmlNode *restriction = type->children; restriction != NULL;
           restriction = restriction->next)
        {
          if (restriction->type != XML_ELEMENT_NODE ||
              strcmp ((const char *) restriction->name, "restriction") != 0)
            continue;
          for (xmlNode *facet = restriction->children; facet != NULL; facet = facet->next)
            {
              xmlChar *value;

              if (facet->type != XML_ELEMENT_NODE ||
                  strcmp ((const char *) facet->name, "enumeration") != 0)
                continue;
              value = xmlGetNoNsProp (facet, (const xmlChar *) "value");
              g_ptr_array_add (values, g_strdup ((const char *) value));
              xmlFree (value);
            }
        }
    }

  g_ptr_array_add (values, NULL);
  return values;
}

static void
test_schema_agreement (void)
{
  static const struct {
    const char *schema_type;
    const char *vocabulary;
  } pairs[] = {
    { "activity-kind", "kind" },
    { "scope", "scope" },
    { "activity-state", "state" },
    { "sector", "sector" },
  };
  const char *schema_path = g_getenv ("CCP_SCHEMA");
  g_autoptr(xmlDoc) doc = NULL;
  CcpVocabulary *vocab = ccp_vocabulary_get_default ();

  g_assert_nonnull (schema_path);
  doc = xmlReadFile (schema_path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GPtrArray) values = schema_enumeration (doc, pairs[i].schema_type);

      g_test_message ("%s <-> %s", pairs[i].schema_type, pairs[i].vocabulary);
      g_assert_cmpuint (values->len, >, 1);
      g_assert_cmpstrv ((const char * const *) values->pdata,
                        ccp_vocabulary_get_codes (vocab, pairs[i].vocabulary));
    }
}

static void
assert_load_fails (const char *contents,
                   const char *expected_fragment)
{
  g_autofree char *path = ccp_test_write_temp ("ccp-vocabulary-XXXXXX.xml", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpVocabulary) vocab = ccp_vocabulary_new_from_file (path, &error);

  g_assert_null (vocab);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (expected_fragment != NULL)
    g_assert_nonnull (strstr (error->message, expected_fragment));

  g_unlink (path);
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpVocabulary) missing = NULL;
  g_autofree char *secret_path = ccp_test_write_temp ("ccp-vocabulary-XXXXXX.xml",
                                                      "SECRET-CONTENT");
  g_autofree char *entity_doc = NULL;

  missing = ccp_vocabulary_new_from_file ("/nonexistent/vocabularies.xml", &error);
  g_assert_null (missing);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "/nonexistent/vocabularies.xml"));

  assert_load_fails ("", NULL);
  assert_load_fails ("<vocabularies>\n<vocabulary name=\"x\">\n</vocabularies>\n", "line 3");
  assert_load_fails ("<other/>", "<vocabularies>");
  assert_load_fails ("<vocabularies>\n<vocabulary name=\"x\">\n"
                     "<term code=\"a\"><label>A</label></term>\n"
                     "<term code=\"a\"><label>B</label></term>\n"
                     "</vocabulary></vocabularies>", "line 4");
  assert_load_fails ("<vocabularies><vocabulary name=\"x\">\n"
                     "<term code=\"a\"></term></vocabulary></vocabularies>", "line 2");
  assert_load_fails ("<vocabularies><vocabulary name=\"x\">\n"
                     "<term code=\"a\" color=\"red\"><label>A</label></term>"
                     "</vocabulary></vocabularies>", "line 2");
  assert_load_fails ("<vocabularies><vocabulary name=\"x\"/><vocabulary name=\"x\"/>"
                     "</vocabularies>", NULL);

  /* A DOCTYPE is refused, so an external entity can never pull in a local file. */
  entity_doc = g_strdup_printf ("<!DOCTYPE vocabularies [<!ENTITY s SYSTEM \"file://%s\">]>\n"
                                "<vocabularies><vocabulary name=\"x\">"
                                "<term code=\"a\"><label>&s;</label></term>"
                                "</vocabulary></vocabularies>", secret_path);
  assert_load_fails (entity_doc, "DOCTYPE");
  g_unlink (secret_path);
}

static void
test_load_custom (void)
{
  g_autofree char *path = ccp_test_write_temp ("ccp-vocabulary-XXXXXX.xml", 
    "<?xml version=\"1.0\"?>\n"
    "<vocabularies>\n"
    "  <vocabulary name=\"colours\">\n"
    "    <term code=\"b\" color=\"#0000ff\" note=\"ignored at run time\">\n"
    "      <label>\n        Deep   blue\n      </label>\n"
    "      <short>Blue</short>\n"
    "    </term>\n"
    "    <term code=\"a\"><label>Amber</label></term>\n"
    "  </vocabulary>\n"
    "  <vocabulary name=\"empty\"/>\n"
    "</vocabularies>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpVocabulary) vocab = ccp_vocabulary_new_from_file (path, &error);
  const char *expected[] = { "b", "a", NULL };
  const char *none[] = { NULL };

  g_assert_no_error (error);
  g_assert_nonnull (vocab);
  /* Defined order, not alphabetical. */
  g_assert_cmpstrv (ccp_vocabulary_get_codes (vocab, "colours"), expected);
  g_assert_cmpstrv (ccp_vocabulary_get_codes (vocab, "empty"), none);
  /* White space is collapsed as xgettext collapses it in the msgid. */
  g_assert_cmpstr (ccp_vocabulary_get_label (vocab, "colours", "b"), ==, "Deep blue");
  g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "colours", "b"), ==, "Blue");
  g_assert_cmpstr (ccp_vocabulary_get_short_label (vocab, "colours", "a"), ==, "Amber");
  g_assert_cmpstr (ccp_vocabulary_get_color (vocab, "colours", "b"), ==, "#0000ff");
  g_assert_null (ccp_vocabulary_get_color (vocab, "colours", "a"));
  g_assert_false (ccp_vocabulary_has_term (vocab, "field", "music"));

  g_unlink (path);
}

static void
test_default_is_shared (void)
{
  g_assert_true (ccp_vocabulary_get_default () == ccp_vocabulary_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocabulary/codes", test_codes);
  g_test_add_func ("/vocabulary/labels", test_labels);
  g_test_add_func ("/vocabulary/sdg-colors", test_sdg_colors);
  g_test_add_func ("/vocabulary/unknown", test_unknown);
  g_test_add_func ("/vocabulary/schema-agreement", test_schema_agreement);
  g_test_add_func ("/vocabulary/load-errors", test_load_errors);
  g_test_add_func ("/vocabulary/load-custom", test_load_custom);
  g_test_add_func ("/vocabulary/default-is-shared", test_default_is_shared);

  return g_test_run ();
}
