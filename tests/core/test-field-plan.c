#define G_LOG_DOMAIN "test-field-plan"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

static CcpSource *
make_source (const char      *file,
             CcpSourceStatus  status)
{
  CcpSource *source = ccp_source_new ();

  ccp_source_set_file (source, file);
  ccp_source_set_sha256 (source,
                         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  ccp_source_set_status (source, status);
  ccp_source_set_city (source, "Lyon");
  ccp_source_set_country (source, "FR");
  ccp_source_set_field (source, "literature");
  ccp_source_set_period (source, "2027-H1");
  ccp_source_set_plan_id (source, "p-lyon");
  ccp_source_set_revision (source, 3);
  ccp_source_set_modified (source, "2026-11-20T09:30:00Z");
  ccp_source_set_errors (source, 0);
  ccp_source_set_warnings (source, 2);
  return source;
}

/* A field plan with something in every list. */
static CcpFieldPlan *
make_field_plan (GRand *rand)
{
  CcpFieldPlan *field_plan = ccp_field_plan_new ();
  CcpContact *coordinator = ccp_field_plan_get_coordinator (field_plan);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Lyon", "FR", "literature",
                                                  "2027-H1", 3);
  g_autoptr(CcpContact) deputy = ccp_contact_new ();
  g_autoptr(CcpPartner) member = ccp_partner_new_city ("Tartu", "EE", "literature");
  g_autoptr(CcpSource) source = make_source ("lyon.ccplan", CCP_SOURCE_STATUS_ACCEPTED);
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("missing");

  ccp_field_plan_set_id (field_plan, "fp-1");
  ccp_field_plan_set_field (field_plan, "literature");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  ccp_field_plan_set_mission_statement (field_plan, "2");
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T00:00:00Z");
  ccp_contact_set_name (coordinator, "Anne Dubois");
  ccp_contact_set_city (coordinator, "Lyon");
  ccp_contact_set_country (coordinator, "FR");
  ccp_contact_set_email (coordinator, "anne@example.org");
  ccp_contact_set_name (deputy, "Kadri Tamm");
  ccp_item_list_append (ccp_field_plan_get_deputies (field_plan), deputy);
  ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);
  ccp_report_item_set_city (item, "Tartu");
  ccp_report_item_set_country (item, "EE");
  ccp_report_item_add_value (item, "period", "2027-H1");
  ccp_item_list_append (ccp_field_plan_get_report (field_plan), item);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CcpActivity) original =
        g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (plan)), i);
      g_autoptr(CcpActivity) activity = ccp_activity_copy (original);
      g_autoptr(CcpAttribution) attribution =
        ccp_attribution_new ("Lyon", "FR", "p-lyon", ccp_activity_get_id (original));

      ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
      ccp_item_list_append (ccp_field_plan_get_activities (field_plan), activity);
    }

  return field_plan;
}

static void
test_defaults (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  CcpContact *coordinator = NULL;

  g_assert_cmpstr (ccp_field_plan_get_id (field_plan), ==, "");
  g_assert_cmpuint (ccp_field_plan_get_revision (field_plan), ==, 1);
  g_assert_cmpint (ccp_field_plan_get_status (field_plan), ==, CCP_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (ccp_field_plan_get_consolidated (field_plan), ==, "");
  g_assert_nonnull (ccp_field_plan_get_coordinator (field_plan));
  g_assert_cmpstr (ccp_contact_get_name (ccp_field_plan_get_coordinator (field_plan)), ==, "");

  g_object_get (field_plan, "coordinator", &coordinator, NULL);
  g_assert_true (coordinator == ccp_field_plan_get_coordinator (field_plan));
  g_object_unref (coordinator);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_field_plan_get_deputies (
                                                             field_plan))) == CCP_TYPE_CONTACT);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_field_plan_get_roster (
                                                             field_plan))) == CCP_TYPE_PARTNER);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_field_plan_get_sources (
                                                             field_plan))) == CCP_TYPE_SOURCE);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_field_plan_get_activities (
                                                             field_plan))) == CCP_TYPE_ACTIVITY);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ccp_field_plan_get_report (
                                                             field_plan))) ==
                 CCP_TYPE_REPORT_ITEM);
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  guint notified = 0, changed = 0;

  g_signal_connect (field_plan, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  g_signal_connect (field_plan, "changed", G_CALLBACK (ccp_test_count_cb), &changed);

  ccp_field_plan_set_id (field_plan, "x");
  ccp_field_plan_set_id (field_plan, "x");
  ccp_field_plan_set_revision (field_plan, 4);
  ccp_field_plan_set_revision (field_plan, 4);
  ccp_field_plan_set_modified (field_plan, "2026-01-01T00:00:00Z");
  ccp_field_plan_set_status (field_plan, CCP_PLAN_STATUS_FINAL);
  ccp_field_plan_set_status (field_plan, CCP_PLAN_STATUS_FINAL);
  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H2");
  ccp_field_plan_set_mission_statement (field_plan, "2");
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T00:00:00Z");
  ccp_field_plan_set_consolidated (field_plan, "2026-12-01T00:00:00Z");
  g_assert_cmpuint (notified, ==, 8);
  g_assert_cmpuint (changed, ==, 8);

  ccp_field_plan_set_field (field_plan, NULL);
  g_assert_cmpstr (ccp_field_plan_get_field (field_plan), ==, "");
  g_assert_cmpuint (notified, ==, 9);

  g_object_set (field_plan, "period", "2027-H2", "revision", 4, NULL);
  g_assert_cmpuint (notified, ==, 9);
  g_assert_cmpuint (changed, ==, 9);

  /* The coordinator is part of the field plan. */
  ccp_contact_set_email (ccp_field_plan_get_coordinator (field_plan), "c@example.org");
  g_assert_cmpuint (changed, ==, 10);
  ccp_contact_set_email (ccp_field_plan_get_coordinator (field_plan), "c@example.org");
  g_assert_cmpuint (changed, ==, 10);
}

static void
test_changed_on_lists (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CcpFieldPlan) field_plan = make_field_plan (rand);
  g_autoptr(CcpContact) deputy =
    g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_deputies (field_plan)), 0);
  g_autoptr(CcpPartner) member =
    g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_roster (field_plan)), 0);
  g_autoptr(CcpSource) source =
    g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_sources (field_plan)), 0);
  g_autoptr(CcpActivity) activity =
    g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (field_plan)), 1);
  g_autoptr(CcpReportItem) item =
    g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_report (field_plan)), 0);
  g_autoptr(CcpResult) result = ccp_result_new ("A", "B");
  guint changed = 0;

  g_signal_connect (field_plan, "changed", G_CALLBACK (ccp_test_count_cb), &changed);

  ccp_contact_set_city (deputy, "Tartu");
  g_assert_cmpuint (changed, ==, 1);
  ccp_partner_set_field (member, "design");
  g_assert_cmpuint (changed, ==, 2);
  ccp_source_set_status (source, CCP_SOURCE_STATUS_SUPERSEDED);
  g_assert_cmpuint (changed, ==, 3);
  ccp_source_set_status (source, CCP_SOURCE_STATUS_SUPERSEDED);
  g_assert_cmpuint (changed, ==, 3);
  ccp_activity_set_flagship (activity, !ccp_activity_get_flagship (activity));
  g_assert_cmpuint (changed, ==, 4);
  ccp_item_list_append (ccp_activity_get_results (activity), result);
  g_assert_cmpuint (changed, ==, 5);
  ccp_result_set_outcome (result, "C");
  g_assert_cmpuint (changed, ==, 6);
  ccp_report_item_set_code (item, "not-submitted");
  g_assert_cmpuint (changed, ==, 7);

  ccp_item_list_remove (ccp_field_plan_get_activities (field_plan), 1);
  g_assert_cmpuint (changed, ==, 8);
  ccp_result_set_outcome (result, "D");
  ccp_activity_set_title (activity, "Removed");
  g_assert_cmpuint (changed, ==, 8);

  ccp_item_list_remove_all (ccp_field_plan_get_sources (field_plan));
  g_assert_cmpuint (changed, ==, 9);
  ccp_source_set_file (source, "other.ccplan");
  g_assert_cmpuint (changed, ==, 9);

  {
    g_autoptr(CcpReportItem) added = ccp_report_item_new ("duplicate");

    ccp_item_list_append (ccp_field_plan_get_report (field_plan), added);
    g_assert_cmpuint (changed, ==, 10);
  }
}

static void
test_copy_equal (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(CcpFieldPlan) field_plan = make_field_plan (rand);
  g_autoptr(CcpFieldPlan) copy = ccp_field_plan_copy (field_plan);
  g_autoptr(CcpFieldPlan) again = NULL;

  g_assert_true (ccp_field_plan_equal (field_plan, copy));
  g_assert_true (ccp_field_plan_get_coordinator (copy) !=
                 ccp_field_plan_get_coordinator (field_plan));
  g_assert_cmpstr (ccp_contact_get_email (ccp_field_plan_get_coordinator (copy)), ==,
                   "anne@example.org");

  ccp_contact_set_email (ccp_field_plan_get_coordinator (copy), "other@example.org");
  g_assert_false (ccp_field_plan_equal (field_plan, copy));
  ccp_contact_set_email (ccp_field_plan_get_coordinator (copy), "anne@example.org");
  g_assert_true (ccp_field_plan_equal (field_plan, copy));

  /* Each list item is a copy: changing it in one plan leaves the other as it was. */
  {
    g_autoptr(CcpSource) source =
      g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_sources (copy)), 0);

    ccp_source_set_warnings (source, 0);
    g_assert_false (ccp_field_plan_equal (field_plan, copy));
    ccp_source_set_warnings (source, 2);
    g_assert_true (ccp_field_plan_equal (field_plan, copy));
  }

  {
    g_autoptr(CcpActivity) activity =
      g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_activities (copy)), 2);
    g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Tartu", "EE", "p-t", "a1");

    ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
    g_assert_false (ccp_field_plan_equal (field_plan, copy));
    ccp_item_list_remove (ccp_activity_get_attributions (activity), 1);
    g_assert_true (ccp_field_plan_equal (field_plan, copy));
  }

  {
    g_autoptr(CcpReportItem) item =
      g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_report (copy)), 0);

    ccp_report_item_add_value (item, "period", "2027-H2");
    g_assert_false (ccp_field_plan_equal (field_plan, copy));
    ccp_report_item_add_value (item, "period", "2027-H1");
    g_assert_true (ccp_field_plan_equal (field_plan, copy));
    ccp_report_item_add_value (item, "extra", "");
    g_assert_false (ccp_field_plan_equal (field_plan, copy));
  }

  again = ccp_field_plan_copy (field_plan);
  g_assert_true (ccp_field_plan_equal (again, field_plan));
  {
    g_autoptr(CcpContact) deputy =
      g_list_model_get_item (G_LIST_MODEL (ccp_field_plan_get_deputies (again)), 0);

    ccp_contact_set_country (deputy, "EE");
    g_assert_false (ccp_field_plan_equal (again, field_plan));
  }

  g_clear_object (&again);
  again = ccp_field_plan_copy (field_plan);
  ccp_field_plan_set_consolidated (again, "2026-12-02T00:00:00Z");
  g_assert_false (ccp_field_plan_equal (again, field_plan));

  g_clear_object (&again);
  again = ccp_field_plan_copy (field_plan);
  ccp_item_list_remove_all (ccp_field_plan_get_roster (again));
  g_assert_false (ccp_field_plan_equal (again, field_plan));
}

static void
test_source (void)
{
  g_autoptr(CcpSource) source = make_source ("a.ccplan", CCP_SOURCE_STATUS_REFUSED);
  g_autoptr(CcpSource) copy = ccp_source_copy (source);
  CcpSourceStatus status = CCP_SOURCE_STATUS_ACCEPTED;
  const struct {
    CcpSourceStatus status;
    const char *code;
  } codes[] = {
    { CCP_SOURCE_STATUS_ACCEPTED, "accepted" },
    { CCP_SOURCE_STATUS_SUPERSEDED, "superseded" },
    { CCP_SOURCE_STATUS_REFUSED, "refused" },
  };
  guint notified = 0;

  g_assert_true (ccp_source_equal (source, copy));
  g_assert_cmpuint (ccp_source_get_revision (copy), ==, 3);
  g_assert_cmpstr (ccp_source_get_plan_id (copy), ==, "p-lyon");
  g_assert_cmpint (ccp_source_get_status (copy), ==, CCP_SOURCE_STATUS_REFUSED);

  g_signal_connect (copy, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_source_set_reason (copy, "other-field");
  ccp_source_set_reason (copy, "other-field");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (ccp_source_equal (source, copy));
  ccp_source_set_reason (copy, NULL);
  g_assert_cmpstr (ccp_source_get_reason (copy), ==, "");
  g_assert_true (ccp_source_equal (source, copy));
  ccp_source_set_errors (copy, 1);
  g_assert_false (ccp_source_equal (source, copy));
  g_assert_cmpuint (notified, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpstr (ccp_source_status_to_code (codes[i].status), ==, codes[i].code);
      g_assert_true (ccp_source_status_from_code (codes[i].code, &status));
      g_assert_cmpint (status, ==, codes[i].status);
    }
  g_assert_false (ccp_source_status_from_code ("Accepted", &status));
  g_assert_false (ccp_source_status_from_code (NULL, &status));
  g_assert_cmpint (status, ==, CCP_SOURCE_STATUS_REFUSED);
}

static void
test_report_item (void)
{
  g_autoptr(CcpReportItem) item = ccp_report_item_new ("refused");
  g_autoptr(CcpReportItem) copy = NULL;
  g_autofree char *sentence = NULL;
  const char * const *names;
  guint notified = 0;

  g_assert_cmpstr (ccp_report_item_get_kind (item), ==, "refused");
  g_assert_cmpstr (ccp_report_item_get_code (item), ==, "");
  g_assert_nonnull (ccp_report_item_get_value_names (item));
  g_assert_null (ccp_report_item_get_value_names (item)[0]);
  g_assert_null (ccp_report_item_get_value (item, "field"));

  g_signal_connect (item, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_report_item_set_code (item, "other-field");
  ccp_report_item_set_code (item, "other-field");
  ccp_report_item_set_file (item, "dakar.ccplan");
  ccp_report_item_set_city (item, "Dakar");
  ccp_report_item_set_country (item, "SN");
  ccp_report_item_set_activity (item, "a2");
  ccp_report_item_set_joint_ref (item, "j-1");
  g_assert_cmpuint (notified, ==, 6);

  ccp_report_item_add_value (item, "field", "media-arts");
  ccp_report_item_add_value (item, "expected", "literature");
  ccp_report_item_add_value (item, "field", "media-arts & more");
  names = ccp_report_item_get_value_names (item);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_cmpstr (names[0], ==, "field");
  g_assert_cmpstr (names[1], ==, "expected");
  g_assert_cmpstr (ccp_report_item_get_value (item, "field"), ==, "media-arts & more");
  g_assert_cmpstr (ccp_report_item_get_value (item, "expected"), ==, "literature");

  copy = ccp_report_item_copy (item);
  g_assert_true (ccp_report_item_equal (item, copy));
  ccp_report_item_set_city (copy, "Dakar ");
  g_assert_false (ccp_report_item_equal (item, copy));

  /* The generic sentence names every part. */
  sentence = ccp_report_describe_item (item);
  g_test_message ("%s", sentence);
  g_assert_nonnull (strstr (sentence, "refused"));
  g_assert_nonnull (strstr (sentence, "other-field"));
  g_assert_nonnull (strstr (sentence, "dakar.ccplan"));
  g_assert_nonnull (strstr (sentence, "Dakar"));
  g_assert_nonnull (strstr (sentence, "a2"));
  g_assert_nonnull (strstr (sentence, "media-arts & more"));
  g_assert_nonnull (strstr (sentence, "literature"));

  /* Order of values matters for equality. */
  {
    g_autoptr(CcpReportItem) a = ccp_report_item_new ("x");
    g_autoptr(CcpReportItem) b = ccp_report_item_new ("x");

    ccp_report_item_add_value (a, "one", "1");
    ccp_report_item_add_value (a, "two", "2");
    ccp_report_item_add_value (b, "two", "2");
    ccp_report_item_add_value (b, "one", "1");
    g_assert_false (ccp_report_item_equal (a, b));
  }
}

static void
test_small_objects (void)
{
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Seoul", "KR", "design");
  g_autoptr(CcpPartner) organisation = ccp_partner_new_organisation ("Museum", "public");
  g_autoptr(CcpPartner) city_copy = ccp_partner_copy (city);
  g_autoptr(CcpContact) contact = ccp_contact_new ();
  g_autoptr(CcpContact) contact_copy = NULL;
  g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Lyon", "FR", "p", "a1");
  g_autoptr(CcpAttribution) attribution2 = ccp_attribution_new ("Lyon", "FR", "p", "a2");
  g_autoptr(CcpAttribution) empty = ccp_attribution_new (NULL, NULL, NULL, NULL);
  g_autoptr(CcpResult) result = ccp_result_new (NULL, NULL);
  guint notified = 0;

  g_assert_cmpint (ccp_partner_get_kind (city), ==, CCP_PARTNER_KIND_CITY);
  g_assert_cmpint (ccp_partner_get_kind (organisation), ==, CCP_PARTNER_KIND_ORGANISATION);
  g_assert_cmpstr (ccp_partner_get_sector (city), ==, "");
  g_assert_cmpstr (ccp_partner_get_country (organisation), ==, "");
  g_assert_cmpstr (ccp_partner_get_sector (organisation), ==, "public");
  g_assert_true (ccp_partner_equal (city, city_copy));
  g_assert_false (ccp_partner_equal (city, organisation));
  {
    /* Same strings, other kind: not equal. */
    g_autoptr(CcpPartner) as_organisation = ccp_partner_new_organisation ("Seoul", NULL);

    ccp_partner_set_country (as_organisation, "KR");
    ccp_partner_set_field (as_organisation, "design");
    g_assert_false (ccp_partner_equal (city, as_organisation));
  }
  g_signal_connect (city_copy, "notify", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_partner_set_field (city_copy, "film");
  ccp_partner_set_field (city_copy, "film");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (ccp_partner_equal (city, city_copy));

  g_assert_cmpstr (ccp_contact_get_email (contact), ==, "");
  ccp_contact_set_name (contact, "Min-jun Kim");
  contact_copy = ccp_contact_copy (contact);
  g_assert_true (ccp_contact_equal (contact, contact_copy));
  ccp_contact_set_city (contact_copy, "Seoul");
  g_assert_false (ccp_contact_equal (contact, contact_copy));

  g_assert_cmpstr (ccp_attribution_get_plan_id (attribution), ==, "p");
  g_assert_cmpstr (ccp_attribution_get_activity_id (attribution), ==, "a1");
  g_assert_cmpstr (ccp_attribution_get_city (empty), ==, "");
  g_assert_true (ccp_attribution_equal (attribution, attribution));
  g_assert_false (ccp_attribution_equal (attribution, attribution2));

  g_assert_cmpstr (ccp_result_get_outcome (result), ==, "");
  g_assert_cmpstr (ccp_result_get_indicator (result), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field-plan/defaults", test_defaults);
  g_test_add_func ("/field-plan/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/field-plan/changed-on-lists", test_changed_on_lists);
  g_test_add_func ("/field-plan/copy-equal", test_copy_equal);
  g_test_add_func ("/field-plan/source", test_source);
  g_test_add_func ("/field-plan/report-item", test_report_item);
  g_test_add_func ("/field-plan/small-objects", test_small_objects);

  return g_test_run ();
}
