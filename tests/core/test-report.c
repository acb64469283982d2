/* test-report.c: the merge report as text: the sentence of every kind and code of report item,
 * the stored values of the field table's compared fields, and the summary the CLI, the GUI,
 * printing and the HTML export share. */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

/* An item of kind and code for file and city, then name/value pairs, NULL-terminated. */
static CcpReportItem *
item_new (const char *kind,
          const char *code,
          const char *file,
          const char *city,
          const char *country,
          ...)
{
  CcpReportItem *item = ccp_report_item_new (kind);
  va_list args;
  const char *name;

  ccp_report_item_set_code (item, code);
  ccp_report_item_set_file (item, file);
  ccp_report_item_set_city (item, city);
  ccp_report_item_set_country (item, country);

  va_start (args, country);
  while ((name = va_arg (args, const char *)) != NULL)
    ccp_report_item_add_value (item, name, va_arg (args, const char *));
  va_end (args);

  return item;
}

static void
assert_sentence (CcpReportItem *item,
                 const char    *expected)
{
  g_autofree char *text = ccp_report_describe_item (item);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_city (void)
{
  g_autoptr(CcpReportItem) both = item_new ("missing", "no-plan", "", "Bologna", "IT", NULL);
  g_autoptr(CcpReportItem) name = item_new ("missing", "no-plan", "", "Bologna", "", NULL);
  g_autoptr(CcpReportItem) none = item_new ("missing", "no-plan", "", "", "IT", NULL);
  g_autofree char *a = ccp_report_describe_city (both);
  g_autofree char *b = ccp_report_describe_city (name);
  g_autofree char *c = ccp_report_describe_city (none);

  g_assert_cmpstr (a, ==, "Bologna (IT)");
  g_assert_cmpstr (b, ==, "Bologna");
  g_assert_cmpstr (c, ==, "");
}

static void
test_refused (void)
{
  static const struct { const char *detail; const char *why; } details[] = {
    { "empty", "the file is empty" },
    { "encoding", "the file is not UTF-8 text" },
    { "malformed", "the file is not well-formed XML" },
    { "forbidden", "the file has a DOCTYPE, an entity or an XInclude, which are refused" },
    { "newer-version", "the file was made by a newer version of Creative Cities Plans" },
    { "too-large", "the file is too large to be a plan" },
    { "not-a-plan", "the file is not a plan of this format" },
    { "failed", "the file cannot be read" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (details); i++)
    {
      g_autoptr(CcpReportItem) item = item_new ("refused", "unreadable", "x.xml", "", "",
                                                "detail", details[i].detail, NULL);
      g_autofree char *expected = g_strdup_printf ("x.xml: refused, %s", details[i].why);

      assert_sentence (item, expected);
    }

  {
    g_autoptr(CcpReportItem) item = item_new ("refused", "not-a-city-plan", "fp.xml", "", "",
                                              NULL);

    assert_sentence (item, "fp.xml: refused, it is not a city plan");
  }
  {
    g_autoptr(CcpReportItem) item = item_new ("refused", "other-field", "bologna.xml", "Bologna",
                                              "IT", "found", "music", "expected", "design",
                                              NULL);

    /* The creative fields by their labels, not their codes (issue 17). */
    assert_sentence (item, "bologna.xml: Bologna (IT): refused, it is for the field “Music”, "
                           "not “Design”");
  }
  {
    g_autoptr(CcpReportItem) item = item_new ("refused", "other-period", "lyon.xml", "Lyon", "",
                                              "found", "2026-H2", "expected", "2027-H1", NULL);

    assert_sentence (item, "lyon.xml: Lyon: refused, it is for the period 2026-H2, not 2027-H1");
  }
  {
    g_autoptr(CcpReportItem) one = item_new ("refused", "has-errors", "a.xml", "", "",
                                             "errors", "1", NULL);
    g_autoptr(CcpReportItem) two = item_new ("refused", "has-errors", "a.xml", "", "",
                                             "errors", "2", NULL);

    assert_sentence (one, "a.xml: refused, it has 1 validation error (strict merge)");
    assert_sentence (two, "a.xml: refused, it has 2 validation errors (strict merge)");
  }
  {
    /* Without the values it needs, the item reads as its parts. */
    g_autoptr(CcpReportItem) item = item_new ("refused", "other-field", "a.xml", "", "", NULL);

    assert_sentence (item, "Event: refused; Reason: other-field; File: a.xml");
  }
}

static void
test_superseded (void)
{
  g_autoptr(CcpReportItem) alone = item_new ("superseded", "older-revision", "b2.xml", "Bologna",
                                             "IT", "revision", "2", "activities", "1", NULL);
  g_autoptr(CcpReportItem) older = item_new ("superseded", "older-revision", "b2.xml", "Bologna",
                                             "IT", "revision", "2", "activities", "4",
                                             "by-file", "b3.xml", "by-revision", "3", NULL);
  g_autoptr(CcpReportItem) modified = item_new ("superseded", "older-modified", "b2.xml",
                                                "Bologna", "IT", "revision", "2",
                                                "modified", "2027-01-01T00:00:00Z",
                                                "activities", "4", "by-file", "b2b.xml",
                                                "by-modified", "2027-01-02T00:00:00Z", NULL);
  g_autoptr(CcpReportItem) same = item_new ("superseded", "same-revision", "b.xml", "Bologna",
                                            "IT", "revision", "2", "activities", "0",
                                            "by-file", "c.xml", NULL);

  assert_sentence (alone, "b2.xml: Bologna (IT), revision 2, superseded (1 activity not merged)");
  assert_sentence (older, "b2.xml: Bologna (IT), revision 2, replaced by b3.xml, revision 3 "
                          "(4 activities not merged)");
  assert_sentence (modified, "b2.xml: Bologna (IT), revision 2 of 2027-01-01T00:00:00Z, replaced "
                             "by b2b.xml, the same revision modified later "
                             "(2027-01-02T00:00:00Z) (4 activities not merged)");
  assert_sentence (same, "b.xml: Bologna (IT), same revision and time as c.xml but different "
                         "content; c.xml was kept (the choice is by SHA-256) "
                         "(0 activities not merged)");
}

static void
test_flagged_and_missing (void)
{
  g_autoptr(CcpReportItem) flagged = item_new ("flagged", "has-errors", "m.xml", "Mannheim",
                                               "DE", "errors", "3", NULL);
  g_autoptr(CcpReportItem) no_plan = item_new ("missing", "no-plan", "", "Kobe", "JP", NULL);
  g_autoptr(CcpReportItem) refused_only = item_new ("missing", "refused-only", "", "Kobe", "JP",
                                                    NULL);

  assert_sentence (flagged, "m.xml: Mannheim (DE) was accepted with 3 validation errors");
  assert_sentence (no_plan, "Kobe (JP) has not sent a plan");
  assert_sentence (refused_only, "Kobe (JP) has no accepted plan: its file was refused");
}

static void
test_joint (void)
{
  g_autoptr(CcpReportItem) merged = item_new ("joint", "merged", "", "Bologna", "IT",
                                              "copies", "2", "cities", "Bologna; Liverpool",
                                              NULL);
  g_autoptr(CcpReportItem) one = item_new ("joint", "one-copy", "", "Bologna", "IT",
                                           "copies", "1", NULL);
  g_autoptr(CcpReportItem) title = item_new ("joint-conflict", "title", "", "Bologna", "IT",
                                             "field-activity", "J1", "title", "B", NULL);
  g_autoptr(CcpReportItem) chosen = item_new ("joint-conflict", "kind", "", "Liverpool", "GB",
                                              "title", "B", "chosen-by", "Ana",
                                              "chosen-on", "2027-01-20", NULL);
  g_autoptr(CcpReportItem) titled = item_new ("joint", "merged", "", "Bologna", "IT",
                                              "copies", "2", "cities", "Bologna; Liverpool",
                                              "title", "Songs", NULL);

  ccp_report_item_set_joint_ref (merged, "J1");
  ccp_report_item_set_joint_ref (one, "J2");
  ccp_report_item_set_joint_ref (title, "J1");
  ccp_report_item_set_joint_ref (chosen, "J1");
  ccp_report_item_add_copy (title, "Bologna", "IT", "a2", "B");
  ccp_report_item_add_copy (title, "Liverpool", "GB", "a1", "A");
  ccp_report_item_add_copy (chosen, "Bologna", "IT", "a2", "festival-event");
  ccp_report_item_add_copy (chosen, "Liverpool", "GB", "a1", "workshop");
  assert_sentence (merged, "Joint activity J1: 2 copies merged (Bologna; Liverpool)");
  assert_sentence (titled, "Joint activity “Songs”: 2 copies merged (Bologna; Liverpool)");
  assert_sentence (one, "Joint activity J2: only the copy of Bologna (IT) was received");
  /* Every city's value, the one kept, named by the activity's title. */
  assert_sentence (title, "Joint activity “B”, title: the cities disagree (Bologna “B”; "
                          "Liverpool “A”); the value of Bologna (IT) is kept until the "
                          "coordinator chooses");
  /* A kind by its label; a code the vocabulary does not know stays as it is. */
  assert_sentence (chosen, "Joint activity “B”, kind: the cities disagree (Bologna "
                           "“Festival or event”; Liverpool “workshop”); the value of Liverpool "
                           "(GB) is kept, chosen by Ana on 2027-01-20");

  /* Every compared field has its label. */
  for (const char * const *f = ccp_merge_compared_fields (); *f != NULL; f++)
    {
      g_autoptr(CcpReportItem) item = item_new ("joint-conflict", *f, "", "Lyon", "", NULL);
      g_autofree char *text = ccp_report_describe_item (item);
      const char *label = ccp_activity_field_get_label (ccp_activity_field_find (*f));

      g_assert_nonnull (strstr (text, label));
    }
}

static void
test_possible_duplicate (void)
{
  g_autoptr(CcpReportItem) item = item_new ("possible-duplicate", "same-title", "", "Bologna",
                                            "IT", "title", "Jazz Night", "other-activity", "b.a2",
                                            "other-city", "Lyon", "other-country", "FR",
                                            "other-title", "Jazz night", NULL);
  g_autoptr(CcpReportItem) no_country = item_new ("possible-duplicate", "same-title", "",
                                                  "Bologna", "IT", "title", "Jazz Night",
                                                  "other-activity", "b.a2", "other-city", "Lyon",
                                                  "other-title", "Jazz night", NULL);

  ccp_report_item_set_activity (item, "a.a1");
  ccp_report_item_set_activity (no_country, "a.a1");
  assert_sentence (item, "“Jazz Night” of Bologna (IT) (a.a1) may be the same activity as "
                         "“Jazz night” of Lyon (FR) (b.a2): not merged");
  assert_sentence (no_country, "“Jazz Night” of Bologna (IT) (a.a1) may be the same activity as "
                               "“Jazz night” of Lyon (b.a2): not merged");
}

static void
test_unknown (void)
{
  g_autoptr(CcpReportItem) item = item_new ("something-new", "why", "f.xml", "Lyon", "FR",
                                            "count", "3", NULL);

  ccp_report_item_set_activity (item, "a1");
  ccp_report_item_set_joint_ref (item, "J9");
  assert_sentence (item, "Event: something-new; Reason: why; File: f.xml; City: Lyon (FR); "
                         "Activity: a1; Joint activity: J9; count: 3");
}

/* The codes inside a conflict's values are shown by their labels: a partner city's field, an
 * organisation's sector (issue 17: "civil-society", "music" in translated sentences). */
static void
test_joint_labels (void)
{
  g_autoptr(CcpReportItem) cities = item_new ("joint-conflict", "partner-cities", "", "Bologna",
                                              "IT", "title", "Songs", NULL);
  g_autoptr(CcpReportItem) organisations = item_new ("joint-conflict", "partner-organisations",
                                                     "", "Bologna", "IT", "title", "Songs",
                                                     NULL);
  g_autoptr(CcpReportItem) other = item_new ("refused", "other-field", "net.xml", "", "",
                                             "found", "network", "expected", "literature",
                                             NULL);

  ccp_report_item_add_copy (cities, "Bologna", "IT", "a1", "[[\"Hanover\",\"DE\",\"music\"]]");
  ccp_report_item_add_copy (cities, "Liverpool", "GB", "a2", "[[\"Leiria\",\"PT\",\"film\"]]");
  ccp_report_item_add_copy (organisations, "Bologna", "IT", "a1",
                            "[[\"Radio\",\"civil-society\"],[\"Uni\",\"academic\"]]");
  ccp_report_item_add_copy (organisations, "Liverpool", "GB", "a2", "[]");
  assert_sentence (cities, "Joint activity “Songs”, partner cities: the cities disagree "
                           "(Bologna “Hanover, DE, Music”; Liverpool “Leiria, PT, Film”); the "
                           "value of Bologna (IT) is kept until the coordinator chooses");
  assert_sentence (organisations, "Joint activity “Songs”, partner organisations: the cities "
                                  "disagree (Bologna “Radio, Civil society; Uni, Academic”; "
                                  "Liverpool “(empty)”); the value of Bologna (IT) is kept until "
                                  "the coordinator chooses");
  /* Isolated for a page (the HTML export, the printout): the cities' values are kept, each
   * isolated (they were lost: "the cities disagree ()"). */
  {
    g_autofree char *isolated = ccp_report_describe_item_isolated (organisations);

    g_assert_nonnull (strstr (isolated, "\xe2\x81\xa8Radio, Civil society; Uni, Academic"
                                        "\xe2\x81\xa9"));
    g_assert_null (strstr (isolated, "()"));
    /* The title isolated once (it was wrapped twice: FSI FSI Songs PDI PDI). */
    g_assert_nonnull (strstr (isolated, "“\xe2\x81\xa8Songs\xe2\x81\xa9”"));
    g_assert_null (strstr (isolated, "\xe2\x81\xa8\xe2\x81\xa8"));
    g_assert_null (strstr (isolated, "\xe2\x81\xa9\xe2\x81\xa9"));
  }
  /* The same for a joint activity's sentence, and a conflict named by its reference. */
  {
    g_autoptr(CcpReportItem) merged = item_new ("joint", "merged", "", "", "", "title", "Songs",
                                                "copies", "2", "cities", "Bologna, Liverpool",
                                                NULL);
    g_autoptr(CcpReportItem) untitled = item_new ("joint-conflict", "title", "", "Bologna",
                                                  "IT", NULL);
    g_autofree char *merged_text = ccp_report_describe_item_isolated (merged);
    g_autofree char *untitled_text = NULL;

    ccp_report_item_set_joint_ref (untitled, "J-7");
    ccp_report_item_add_copy (untitled, "Bologna", "IT", "a1", "Songs");
    ccp_report_item_add_copy (untitled, "Liverpool", "GB", "a2", "Tunes");
    untitled_text = ccp_report_describe_item_isolated (untitled);
    g_assert_nonnull (strstr (merged_text, "“\xe2\x81\xa8Songs\xe2\x81\xa9”"));
    g_assert_null (strstr (merged_text, "\xe2\x81\xa8\xe2\x81\xa8"));
    g_assert_nonnull (strstr (untitled_text, "“\xe2\x81\xa8J-7\xe2\x81\xa9”"));
    g_assert_null (strstr (untitled_text, "\xe2\x81\xa8\xe2\x81\xa8"));
  }
  /* A field the vocabulary does not have stays a code. */
  assert_sentence (other, "net.xml: refused, it is for the field “network”, not “Literature”");
}

static void
test_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *readable = ccp_report_value_readable (long_text);
  g_autofree char *texts = ccp_report_value_readable ("[\"EU\",\"city\"]");
  g_autofree char *broken = ccp_report_value_readable ("[not json");
  guint n;
  const CcpActivityField *fields = ccp_activity_fields (&n);
  guint n_compared = 0;

  g_assert_cmpuint (g_utf8_strlen (readable, -1), ==, 78);
  g_assert_true (g_str_has_suffix (readable, "…"));
  g_assert_cmpstr (texts, ==, "EU; city");
  g_assert_cmpstr (broken, ==, "[not json");

  /* The compared fields are the table's COMPARED rows: title and description first, then the
   * others in table order (the order the merge has always compared them in). */
  g_assert_cmpstr (ccp_merge_compared_fields ()[0], ==, "title");
  g_assert_cmpstr (ccp_merge_compared_fields ()[1], ==, "description");
  n_compared = 2;
  for (guint i = 0; i < n; i++)
    {
      if (!(fields[i].flags & CCP_FIELD_FLAGS_COMPARED) ||
          g_str_equal (fields[i].name, "title") || g_str_equal (fields[i].name, "description"))
        continue;
      g_assert_cmpstr (ccp_merge_compared_fields ()[n_compared], ==, fields[i].name);
      n_compared++;
    }
  g_assert_null (ccp_merge_compared_fields ()[n_compared]);

  /* Every row's value survives, whatever the text. */
  for (guint round = 0; round < 30; round++)
    {
      g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Bologna", "IT", "music", "2027-H1", 2);
      GListModel *activities = G_LIST_MODEL (ccp_plan_get_activities (plan));
      g_autoptr(CcpActivity) from = g_list_model_get_item (activities, 0);
      g_autoptr(CcpActivity) to = g_list_model_get_item (activities, 1);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *value = ccp_report_value_encode (&fields[i], from);

          g_assert_true (ccp_report_value_decode (&fields[i], to, value));
          g_assert_true (ccp_activity_field_equal (&fields[i], from, to));
        }
    }

  /* A value that is not one of the field changes nothing. */
  {
    g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");

    g_assert_false (ccp_report_value_decode (ccp_activity_field_find ("flagship"), activity,
                                             "maybe"));
    g_assert_false (ccp_report_value_decode (ccp_activity_field_find ("results"), activity,
                                             "{}"));
    g_assert_false (ccp_report_value_decode (ccp_activity_field_find ("funding"), activity,
                                             "[[1]]"));
  }
}

static CcpFieldPlan *
field_plan_with_report (void)
{
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  CcpItemList *report = ccp_field_plan_get_report (field_plan);
  g_autoptr(CcpSource) accepted = ccp_source_new ();
  g_autoptr(CcpSource) refused = ccp_source_new ();
  g_autoptr(CcpReportItem) unreadable = item_new ("refused", "unreadable", "bad.xml", "", "",
                                                  "sha256", "abc", "detail", "malformed", NULL);
  g_autoptr(CcpReportItem) merged = item_new ("joint", "merged", "", "Bologna", "IT",
                                              "copies", "2", "cities", "Bologna; Kobe", NULL);
  g_autoptr(CcpReportItem) kobe = item_new ("missing", "no-plan", "", "Kobe", "JP", NULL);
  g_autoptr(CcpReportItem) lyon = item_new ("missing", "no-plan", "", "Lyon", "FR", NULL);
  g_autoptr(CcpReportItem) newer = item_new ("from-the-future", "", "", "", "", NULL);

  ccp_source_set_file (accepted, "bologna.xml");
  ccp_source_set_city (accepted, "Bologna");
  ccp_source_set_country (accepted, "IT");
  ccp_source_set_revision (accepted, 3);
  ccp_source_set_status (accepted, CCP_SOURCE_STATUS_ACCEPTED);
  ccp_source_set_file (refused, "bad.xml");
  ccp_source_set_status (refused, CCP_SOURCE_STATUS_REFUSED);
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), accepted);
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), refused);

  ccp_report_item_set_joint_ref (merged, "J1");
  ccp_item_list_append (report, unreadable);
  ccp_item_list_append (report, kobe);
  ccp_item_list_append (report, lyon);
  ccp_item_list_append (report, merged);
  ccp_item_list_append (report, newer);
  return field_plan;
}

static void
test_summary (void)
{
  g_autoptr(CcpFieldPlan) field_plan = field_plan_with_report ();
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CcpReportSummary) page = NULL;
  g_autoptr(CcpReportSummary) text = NULL;
  g_autoptr(CcpReportSummary) flat = NULL;
  g_autofree char *printed = NULL;
  const CcpReportSection *section;
  GPtrArray *sentences;

  g_hash_table_insert (messages, "abc", "“bad.xml” is not well-formed XML");

  /* A page: sections with titles, in page order; the reader's message after the file. */
  page = ccp_report_summary_new (field_plan, messages, CCP_REPORT_SUMMARY_NAMES);
  section = ccp_report_summary_get_section (page, 0);
  g_assert_cmpstr (section->kind, ==, "refused");
  g_assert_cmpstr (section->title, ==, "Refused Files");
  g_assert_cmpuint (section->lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (section->lines, 0), ==,
                   "bad.xml: “bad.xml” is not well-formed XML");
  section = ccp_report_summary_find (page, "missing");
  g_assert_cmpuint (section->lines->len, ==, 0);
  g_assert_cmpuint (section->names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (section->names, 1), ==, "Lyon (FR)");
  g_assert_cmpuint (ccp_report_section_get_count (section), ==, 2);
  g_assert_cmpuint (ccp_report_summary_find (page, "accepted")->lines->len, ==, 0);
  g_assert_null (ccp_report_summary_find (page, "from-the-future"));

  /* Plain text, as ccplans merge prints it. */
  text = ccp_report_summary_new (field_plan, messages,
                                 CCP_REPORT_SUMMARY_TEXT | CCP_REPORT_SUMMARY_NAMES);
  ccp_report_summary_add_skipped (text, "bologna.xml", "bologna.xml");
  ccp_report_summary_add_skipped (text, "copy.xml", "bologna.xml");
  printed = ccp_report_summary_to_text (text);
  g_assert_cmpstr (printed, ==,
                   "Accepted: 1 city plan\n"
                   "  bologna.xml: Bologna (IT), revision 3\n"
                   "Refused: 1 file\n"
                   "  “bad.xml” is not well-formed XML\n"
                   "Skipped: 2 files\n"
                   "  bologna.xml: already merged: nothing changes\n"
                   "  copy.xml: same content as bologna.xml, already merged: nothing changes\n"
                   "Joint activities: 1 merged from several cities\n"
                   "  Joint activity J1: 2 copies merged (Bologna; Kobe)\n"
                   "Member cities without an accepted plan: 2\n"
                   "  Kobe (JP), Lyon (FR)\n");

  /* Printing and HTML: one sentence per item, every kind, in report order. */
  flat = ccp_report_summary_new (field_plan, NULL, CCP_REPORT_SUMMARY_NONE);
  sentences = ccp_report_summary_get_sentences (flat);
  g_assert_cmpuint (sentences->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==,
                   "bad.xml: refused, the file is not well-formed XML");
  g_assert_cmpstr (g_ptr_array_index (sentences, 1), ==, "Kobe (JP) has not sent a plan");
  g_assert_cmpstr (g_ptr_array_index (sentences, 4), ==, "Event: from-the-future");
  g_assert_cmpuint (ccp_report_summary_find (flat, "missing")->lines->len, ==, 2);
}

static void
test_summary_wraps_names (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(CcpReportSummary) summary = NULL;
  g_autofree char *printed = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *city = g_strdup_printf ("City number %u", i);
      g_autoptr(CcpReportItem) item = item_new ("missing", "no-plan", "", city, "XX", NULL);

      ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);
    }
  summary = ccp_report_summary_new (field_plan, NULL,
                                    CCP_REPORT_SUMMARY_TEXT | CCP_REPORT_SUMMARY_NAMES);
  printed = ccp_report_summary_to_text (summary);
  lines = g_strsplit (printed, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Member cities without an accepted plan: 40");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "  City number "));
      g_assert_cmpuint (strlen (lines[i]), <=, 98);
    }
  g_assert_cmpuint (g_strv_length (lines), >, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/city", test_city);
  g_test_add_func ("/report/refused", test_refused);
  g_test_add_func ("/report/superseded", test_superseded);
  g_test_add_func ("/report/flagged-and-missing", test_flagged_and_missing);
  g_test_add_func ("/report/joint", test_joint);
  g_test_add_func ("/report/joint-labels", test_joint_labels);
  g_test_add_func ("/report/possible-duplicate", test_possible_duplicate);
  g_test_add_func ("/report/unknown", test_unknown);
  g_test_add_func ("/report/values", test_values);
  g_test_add_func ("/report/summary", test_summary);
  g_test_add_func ("/report/summary-wraps-names", test_summary_wraps_names);

  return g_test_run ();
}
