/* test-cycle.c: the six-month cycle (issue 18): review states (every transition), comments
 * carried to a newer revision, re-merging, deadlines, locking, the completeness table
 * against hand-computed figures, and the new parts of the format (round trip, XSD). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define MERGE_TIME "2027-01-15T08:00:00Z"

static guint
n_items (CcpItemList *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static CcpPlan *
city_plan (guint       seed,
           const char *city,
           const char *country,
           guint       revision)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CcpPlan *plan = ccp_test_random_plan (rand, city, country, "music", "2027-H1", 2);

  ccp_plan_set_revision (plan, revision);
  return plan;
}

static GBytes *
plan_bytes (CcpPlan *plan)
{
  return ccp_writer_write_plan (plan);
}

/* Merges the plans (into may be NULL); fails the test on error. */
static CcpFieldPlan *
merge (CcpFieldPlan *into,
       CcpPlan     **plans,
       guint         n_plans,
       GError      **error)
{
  g_autoptr(CcpMerge) m = ccp_merge_new ();

  ccp_merge_set_consolidated (m, MERGE_TIME);
  if (into != NULL)
    ccp_merge_set_into (m, into);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(GBytes) bytes = plan_bytes (plans[i]);
      g_autofree char *name = g_strdup_printf ("%s-%u.xml", ccp_plan_get_city (plans[i]),
                                               ccp_plan_get_revision (plans[i]));

      ccp_merge_add_bytes (m, name, bytes);
    }
  return ccp_merge_run (m, error);
}

static CcpSource *
source_of (CcpFieldPlan *field_plan,
           CcpPlan      *plan)
{
  return ccp_field_plan_find_source (field_plan, ccp_plan_get_id (plan),
                                     ccp_plan_get_revision (plan));
}

static GPtrArray *
comments (const char *first_text,
          ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first_text);
  for (const char *text = first_text; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (list, ccp_review_comment_new (NULL, NULL, NULL, text));
  va_end (args);
  return list;
}

static void
test_state_codes (void)
{
  for (int s = CCP_REVIEW_STATE_NONE; s <= CCP_REVIEW_STATE_SUPERSEDED; s++)
    {
      const char *code = ccp_review_state_to_code (s);
      CcpReviewState back = CCP_REVIEW_STATE_NONE;

      g_assert_nonnull (ccp_review_state_to_label (s));
      if (s == CCP_REVIEW_STATE_NONE)
        {
          g_assert_cmpstr (code, ==, "");
          g_assert_false (ccp_review_state_from_code (code, &back));
          continue;
        }
      g_assert_true (ccp_review_state_from_code (code, &back));
      g_assert_cmpint (back, ==, s);
    }
  g_assert_false (ccp_review_state_from_code ("Accepted", NULL));
  g_assert_false (ccp_review_state_from_code (NULL, NULL));
}

/* The whole table of ccp-review.h: 5 states x 5 targets. */
static void
test_transition_table (void)
{
  for (int from = CCP_REVIEW_STATE_NONE; from <= CCP_REVIEW_STATE_SUPERSEDED; from++)
    for (int to = CCP_REVIEW_STATE_NONE; to <= CCP_REVIEW_STATE_SUPERSEDED; to++)
      {
        gboolean expected = from != CCP_REVIEW_STATE_SUPERSEDED &&
                            (to == CCP_REVIEW_STATE_ACCEPTED || to == CCP_REVIEW_STATE_RETURNED);

        g_assert_cmpint (ccp_cycle_can_review (from, to), ==, expected);
      }
}

/* Every transition through ccp_cycle_review() on a merged field plan. */
static void
test_review_transitions (void)
{
  g_autoptr(CcpPlan) bologna = city_plan (1, "Bologna", "IT", 1);
  g_autoptr(CcpPlan) liverpool = city_plan (2, "Liverpool", "GB", 1);
  CcpPlan *plans[] = { bologna, liverpool };
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(GPtrArray) two = comments ("Budget missing", "Dates outside the period", NULL);
  g_autoptr(GPtrArray) one = comments ("Still no budget", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcpReview) review = NULL;
  CcpSource *source;

  g_setenv ("SOURCE_DATE_EPOCH", "1800000000", TRUE);  /* 2027-01-15T08:00:00Z */
  field_plan = merge (NULL, plans, 2, &error);
  g_assert_no_error (error);
  source = source_of (field_plan, bologna);
  g_assert_nonnull (source);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RECEIVED);
  g_assert_cmpstr (ccp_source_get_received (source), ==, MERGE_TIME);
  g_assert_cmpstr (ccp_source_get_contact_email (source), ==,
                   ccp_plan_get_focal_point_email (bologna));

  /* RECEIVED --return without a comment--> error, nothing changed. */
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, NULL, "Ana", NULL,
                             &error);
  g_assert_null (review);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_REVIEW);
  g_clear_error (&error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RECEIVED);
  g_assert_cmpstr (ccp_source_get_returned (source), ==, "");

  /* Neither accept nor return: error. */
  g_assert_null (ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_SUPERSEDED, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_REVIEW);
  g_clear_error (&error);

  /* RECEIVED --return--> RETURNED, comments c1, c2 with author and time. */
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, two, "Ana",
                             "2027-01-16T10:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RETURNED);
  g_assert_cmpint (ccp_review_get_state (review), ==, CCP_REVIEW_STATE_RETURNED);
  g_assert_cmpstr (ccp_review_get_plan_id (review), ==, ccp_plan_get_id (bologna));
  g_assert_cmpuint (ccp_review_get_revision (review), ==, 1);
  g_assert_cmpuint (n_items (ccp_review_get_comments (review)), ==, 2);
  g_assert_cmpuint (ccp_source_count_open_comments (source), ==, 2);
  {
    CcpReviewComment *c2 = ccp_review_comments_find (
      G_LIST_MODEL (ccp_source_get_comments (source)), "c2");

    g_assert_nonnull (c2);
    g_assert_cmpstr (ccp_review_comment_get_text (c2), ==, "Dates outside the period");
    g_assert_cmpstr (ccp_review_comment_get_author (c2), ==, "Ana");
    g_assert_cmpstr (ccp_review_comment_get_time (c2), ==, "2027-01-16T10:00:00Z");
  }
  g_assert_cmpstr (ccp_field_plan_get_modified (field_plan), ==, "2027-01-16T10:00:00Z");
  /* The return is recorded, for "What changed since the plan was returned". */
  g_assert_cmpstr (ccp_source_get_returned (source), ==, "2027-01-16T10:00:00Z");
  g_clear_object (&review);

  /* RETURNED --return--> RETURNED: more comments continue the numbering; without new ones it
   * is allowed while comments are open. */
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, one, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (ccp_review_comments_find (G_LIST_MODEL (ccp_source_get_comments (source)),
                                              "c3"));
  g_assert_cmpstr (ccp_review_comment_get_time (ccp_review_comments_find (
                     G_LIST_MODEL (ccp_source_get_comments (source)), "c3")), ==, MERGE_TIME);
  g_clear_object (&review);
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_clear_object (&review);

  /* RETURNED --accept--> ACCEPTED, ACCEPTED --accept--> ACCEPTED, ACCEPTED --return-->
   * RETURNED. */
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_ACCEPTED, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_ACCEPTED);
  /* Accepting settles the return. */
  g_assert_cmpstr (ccp_source_get_returned (source), ==, "");
  g_clear_object (&review);
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_ACCEPTED, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_clear_object (&review);
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_RETURNED);
  g_assert_cmpstr (ccp_source_get_returned (source), ==, MERGE_TIME);
  g_clear_object (&review);

  /* NONE (a field plan from before the cycle) --accept--> ACCEPTED. */
  source = source_of (field_plan, liverpool);
  ccp_source_set_review (source, CCP_REVIEW_STATE_NONE);
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_ACCEPTED, NULL, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_ACCEPTED);
  g_clear_object (&review);

  /* A source of another field plan. */
  {
    g_autoptr(CcpSource) stranger = ccp_source_copy (source);

    g_assert_null (ccp_cycle_review (field_plan, stranger, CCP_REVIEW_STATE_ACCEPTED, NULL,
                                     NULL, NULL, &error));
    g_assert_error (error, CCP_ERROR, CCP_ERROR_REVIEW);
    g_clear_error (&error);
  }

  /* Locked: every review asks to reopen first; nothing changes. */
  ccp_field_plan_lock (field_plan);
  g_assert_null (ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, one, NULL,
                                   NULL, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FINAL);
  g_assert_nonnull (strstr (error->message, "reopen it first"));
  g_clear_error (&error);
  g_assert_cmpint (ccp_source_get_review (source), ==, CCP_REVIEW_STATE_ACCEPTED);
  g_assert_true (ccp_field_plan_reopen (field_plan, "2027-01-20T12:00:00Z", "Ana", "Late plan"));
  review = ccp_cycle_review (field_plan, source, CCP_REVIEW_STATE_RETURNED, one, NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* Returned with two comments; the Focal Point answers one in revision 2; the merge supersedes
 * revision 1 and the coordinator sees which comment was addressed. */
static void
test_newer_revision_after_return (void)
{
  g_autoptr(CcpPlan) rev1 = city_plan (3, "Bologna", "IT", 1);
  g_autoptr(CcpPlan) other = city_plan (4, "Liverpool", "GB", 1);
  g_autoptr(CcpPlan) rev2 = NULL;
  CcpPlan *first[] = { rev1, other };
  CcpPlan *second[1];
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(CcpFieldPlan) updated = NULL;
  g_autoptr(CcpFieldPlan) again = NULL;
  g_autoptr(GPtrArray) two = comments ("Budget missing", "Dates outside the period", NULL);
  g_autoptr(CcpReview) review = NULL;
  g_autoptr(GBytes) review_bytes = NULL;
  g_autoptr(CcpReview) received = NULL;
  g_autoptr(GError) error = NULL;
  CcpSource *old_source, *new_source;
  GListModel *carried;

  field_plan = merge (NULL, first, 2, &error);
  g_assert_no_error (error);
  review = ccp_cycle_review (field_plan, source_of (field_plan, rev1), CCP_REVIEW_STATE_RETURNED,
                             two, "Ana", "2027-01-16T10:00:00Z", &error);
  g_assert_no_error (error);

  /* Through the review file, as the Focal Point gets it. */
  review_bytes = ccp_review_write (review);
  received = ccp_review_read_bytes (review_bytes, "review.xml", NULL, &error);
  g_assert_no_error (error);
  rev2 = ccp_plan_copy (rev1);
  ccp_plan_set_revision (rev2, 2);
  g_assert_true (ccp_review_matches_plan (received, rev2));
  g_assert_cmpuint (ccp_review_apply_to_plan (received, rev2), ==, 2);
  /* Applying it again adds nothing. */
  g_assert_cmpuint (ccp_review_apply_to_plan (received, rev2), ==, 0);
  ccp_review_comment_set_addressed (ccp_review_comments_find (
    G_LIST_MODEL (ccp_plan_get_comments (rev2)), "c1"), TRUE);
  ccp_plan_mark_sent (rev2, "2027-01-18T09:00:00Z");
  g_assert_cmpuint (ccp_plan_get_sent_revision (rev2), ==, 2);

  second[0] = rev2;
  updated = merge (field_plan, second, 1, &error);
  g_assert_no_error (error);
  old_source = source_of (updated, rev1);
  new_source = source_of (updated, rev2);
  g_assert_cmpint (ccp_source_get_status (old_source), ==, CCP_SOURCE_STATUS_SUPERSEDED);
  g_assert_cmpint (ccp_source_get_review (old_source), ==, CCP_REVIEW_STATE_SUPERSEDED);
  g_assert_cmpint (ccp_source_get_status (new_source), ==, CCP_SOURCE_STATUS_ACCEPTED);
  g_assert_cmpint (ccp_source_get_review (new_source), ==, CCP_REVIEW_STATE_RECEIVED);
  /* Received when it was sent, not when it was merged. */
  g_assert_cmpstr (ccp_source_get_received (new_source), ==, "2027-01-18T09:00:00Z");
  carried = G_LIST_MODEL (ccp_source_get_comments (new_source));
  g_assert_cmpuint (g_list_model_get_n_items (carried), ==, 2);
  g_assert_true (ccp_review_comment_get_addressed (ccp_review_comments_find (carried, "c1")));
  g_assert_false (ccp_review_comment_get_addressed (ccp_review_comments_find (carried, "c2")));
  g_assert_cmpuint (ccp_source_count_open_comments (new_source), ==, 1);
  /* The superseded source cannot be reviewed any more. */
  g_assert_null (ccp_cycle_review (updated, old_source, CCP_REVIEW_STATE_ACCEPTED, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, CCP_ERROR, CCP_ERROR_REVIEW);
  g_assert_nonnull (strstr (error->message, "superseded"));
  g_clear_error (&error);

  /* Re-merging the same file keeps every state and comment: nothing changes. */
  {
    g_autoptr(CcpMerge) m = ccp_merge_new ();
    g_autoptr(GBytes) bytes = plan_bytes (rev2);

    ccp_merge_set_consolidated (m, "2027-02-01T00:00:00Z");
    ccp_merge_set_into (m, updated);
    ccp_merge_add_bytes (m, "Bologna-2.xml", bytes);
    again = ccp_merge_run (m, &error);
    g_assert_no_error (error);
    g_assert_false (ccp_merge_get_changed (m));
    g_assert_true (ccp_field_plan_equal (again, updated));
  }
  /* And a written and re-read field plan merged into with nothing new is the same. */
  {
    g_autoptr(GBytes) written = ccp_writer_write_field_plan (updated);
    g_autoptr(GObject) read = ccp_reader_read_bytes (written, "fp.xml", NULL, NULL, &error);
    g_autoptr(CcpFieldPlan) remerged = NULL;

    g_assert_no_error (error);
    g_assert_true (ccp_field_plan_equal (CCP_FIELD_PLAN (read), updated));
    remerged = merge (CCP_FIELD_PLAN (read), NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_true (ccp_field_plan_equal (remerged, updated));
  }
}

/* Order independence still holds with review states: revision 1 and 2 given together in any
 * order give the same bytes, revision 2 carrying what revision 1 had. */
static void
test_merge_order_with_comments (void)
{
  g_autoptr(CcpPlan) rev1 = city_plan (5, "Bologna", "IT", 1);
  g_autoptr(CcpPlan) rev2 = ccp_plan_copy (rev1);
  g_autoptr(CcpPlan) other = city_plan (6, "Liverpool", "GB", 1);
  g_autoptr(CcpReviewComment) answer = ccp_review_comment_new ("c1", "", "", "Budget");
  CcpPlan *ab[] = { rev1, rev2, other };
  CcpPlan *ba[] = { other, rev2, rev1 };
  g_autoptr(CcpFieldPlan) x = NULL;
  g_autoptr(CcpFieldPlan) y = NULL;
  g_autoptr(GBytes) bx = NULL;
  g_autoptr(GBytes) by = NULL;
  g_autoptr(GError) error = NULL;

  ccp_plan_set_revision (rev2, 2);
  ccp_review_comment_set_addressed (answer, TRUE);
  ccp_item_list_append (ccp_plan_get_comments (rev2), answer);
  x = merge (NULL, ab, 3, &error);
  g_assert_no_error (error);
  y = merge (NULL, ba, 3, &error);
  g_assert_no_error (error);
  bx = ccp_writer_write_field_plan (x);
  by = ccp_writer_write_field_plan (y);
  g_assert_true (g_bytes_equal (bx, by));
  g_assert_cmpuint (ccp_source_count_open_comments (source_of (x, rev2)), ==, 0);
  g_assert_cmpuint (n_items (ccp_source_get_comments (source_of (x, rev2))), ==, 1);
}

static void
test_merge_into_locked (void)
{
  g_autoptr(CcpPlan) bologna = city_plan (7, "Bologna", "IT", 1);
  g_autoptr(CcpPlan) liverpool = city_plan (8, "Liverpool", "GB", 1);
  CcpPlan *first[] = { bologna };
  CcpPlan *later[] = { liverpool };
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(CcpFieldPlan) same = NULL;
  g_autoptr(CcpFieldPlan) result = NULL;
  g_autoptr(GError) error = NULL;

  field_plan = merge (NULL, first, 1, &error);
  g_assert_no_error (error);
  ccp_field_plan_set_deadline (field_plan, "2026-11-15");
  ccp_field_plan_lock (field_plan);
  g_assert_true (ccp_field_plan_is_locked (field_plan));

  /* Nothing new: allowed, nothing changes. */
  same = merge (field_plan, first, 1, &error);
  g_assert_no_error (error);
  g_assert_true (ccp_field_plan_equal (same, field_plan));

  /* A new plan: refused until reopened. */
  result = merge (field_plan, later, 1, &error);
  g_assert_null (result);
  g_assert_error (error, CCP_ERROR, CCP_ERROR_FINAL);
  g_clear_error (&error);

  g_assert_true (ccp_field_plan_reopen (field_plan, "2027-01-20T12:00:00Z", "Ana",
                                        "Liverpool sent late"));
  g_assert_false (ccp_field_plan_reopen (field_plan, NULL, NULL, NULL));
  g_assert_false (ccp_field_plan_is_locked (field_plan));
  g_assert_cmpuint (ccp_field_plan_get_n_reopenings (field_plan), ==, 1);
  result = merge (field_plan, later, 1, &error);
  g_assert_no_error (error);
  /* The deadline and the reopenings stay with the field plan. */
  g_assert_cmpstr (ccp_field_plan_get_deadline (result), ==, "2026-11-15");
  g_assert_cmpuint (ccp_field_plan_get_n_reopenings (result), ==, 1);
  g_assert_cmpstr (ccp_field_plan_get_reopening (result, 0)[2], ==, "Liverpool sent late");
  g_assert_cmpstr (ccp_field_plan_get_reopening (result, 0)[1], ==, "Ana");
  g_assert_cmpstr (ccp_field_plan_get_reopening (result, 0)[0], ==, "2027-01-20T12:00:00Z");
}

static void
test_deadlines (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  char *text;

  text = ccp_period_default_deadline ("2027-H1");
  g_assert_cmpstr (text, ==, "2026-12-01");
  g_free (text);
  text = ccp_period_default_deadline ("2027-H2");
  g_assert_cmpstr (text, ==, "2027-06-01");
  g_free (text);
  g_assert_null (ccp_period_default_deadline ("2027-H3"));

  g_assert_null (ccp_field_plan_get_effective_deadline (field_plan));
  ccp_field_plan_set_period (field_plan, "2028-H1");
  text = ccp_field_plan_get_effective_deadline (field_plan);
  g_assert_cmpstr (text, ==, "2027-12-01");
  g_free (text);
  ccp_field_plan_set_deadline (field_plan, "2027-11-20");
  text = ccp_field_plan_get_effective_deadline (field_plan);
  g_assert_cmpstr (text, ==, "2027-11-20");
  g_free (text);
  /* Not a date: the default. */
  ccp_field_plan_set_deadline (field_plan, "soon");
  text = ccp_field_plan_get_effective_deadline (field_plan);
  g_assert_cmpstr (text, ==, "2027-12-01");
  g_free (text);
}

static void
test_comment_paths (void)
{
  g_autoptr(CcpPlan) plan = city_plan (9, "Bologna", "IT", 1);
  g_autoptr(CcpActivity) second = g_list_model_get_item (
    G_LIST_MODEL (ccp_plan_get_activities (plan)), 1);
  const char *id = ccp_activity_get_id (second);
  g_autoptr(CcpReviewComment) comment = ccp_review_comment_new ("c1", NULL, NULL, "x");
  g_autofree char *by_id = g_strdup_printf ("activities/%s/title", id);
  char *path;

  g_assert_true (ccp_review_comment_set_path (comment, plan, "activities/1/title"));
  g_assert_cmpstr (ccp_review_comment_get_activity (comment), ==, id);
  g_assert_cmpstr (ccp_review_comment_get_field (comment), ==, "title");
  path = ccp_review_comment_get_path (comment, plan);
  g_assert_cmpstr (path, ==, "activities/1/title");
  g_free (path);
  path = ccp_review_comment_get_path (comment, NULL);
  g_assert_cmpstr (path, ==, by_id);
  g_free (path);

  g_assert_true (ccp_review_comment_set_path (comment, plan, by_id));
  g_assert_cmpstr (ccp_review_comment_get_activity (comment), ==, id);
  g_assert_false (ccp_review_comment_set_path (comment, plan, "activities/7/title"));
  g_assert_false (ccp_review_comment_set_path (comment, plan, "activities/"));
  g_assert_true (ccp_review_comment_set_path (comment, plan, "focal-point-email"));
  g_assert_cmpstr (ccp_review_comment_get_activity (comment), ==, "");
  path = ccp_review_comment_get_path (comment, plan);
  g_assert_cmpstr (path, ==, "focal-point-email");
  g_free (path);
  g_assert_true (ccp_review_comment_set_path (comment, NULL, "activities/a9"));
  path = ccp_review_comment_get_path (comment, plan);
  g_assert_cmpstr (path, ==, "activities/a9");
  g_free (path);
}

/* A source as the merge records it, by hand. */
static void
add_source (CcpFieldPlan    *field_plan,
            const char      *city,
            const char      *country,
            guint            revision,
            CcpSourceStatus  status,
            const char      *received,
            CcpReviewState   review,
            guint            n_comments,
            guint            n_addressed)
{
  g_autoptr(CcpSource) source = ccp_source_new ();
  g_autofree char *id = g_strdup_printf ("plan-%s", city);
  g_autofree char *file = g_strdup_printf ("%s-%u.xml", city, revision);

  g_object_set (source, "file", file, "sha256", file, "status", status, "city", city,
                "country", country, "field", "music", "period", "2027-H1", "plan-id", id,
                "revision", revision, "received", received, "review", review,
                "contact-name", city, "contact-email", "fp@example.org", NULL);
  for (guint i = 0; i < n_comments; i++)
    {
      g_autofree char *cid = g_strdup_printf ("c%u", i + 1);
      g_autoptr(CcpReviewComment) comment = ccp_review_comment_new (cid, "", "", "why");

      ccp_review_comment_set_addressed (comment, i < n_addressed);
      ccp_item_list_append (ccp_source_get_comments (source), comment);
    }
  ccp_item_list_append (ccp_field_plan_get_sources (field_plan), source);
}

static void
add_member (CcpFieldPlan *field_plan,
            const char   *city,
            const char   *country)
{
  g_autoptr(CcpPartner) member = ccp_partner_new_city (city, country, "music");

  ccp_item_list_append (ccp_field_plan_get_roster (field_plan), member);
}

/*
 * By hand, deadline 2026-12-01 (the default for 2027-H1):
 *   city        first received  latest            timeliness  review     open/all
 *   Bologna     2026-11-20      r1 (same)         on time     accepted   0/0
 *   Liverpool   2026-11-30 (r1) r2 2026-12-05     on time     returned   1/2
 *   Medellín    2026-12-02      r1                late        received   0/0
 *   Salvador    -                                 missing     -          -
 *   Katowice    (no time)       r1                unknown     none       0/0
 *   Hamamatsu   2026-11-01      r1                on time (not in the roster: not counted)
 *   Auckland    refused only                      missing
 * expected 6 (the roster), received 4, on time 2, late 1:
 *   reporting rate 4/6, timeliness rate 2/6.
 */
static CcpFieldPlan *
hand_field_plan (void)
{
  CcpFieldPlan *field_plan = ccp_field_plan_new ();

  ccp_field_plan_set_field (field_plan, "music");
  ccp_field_plan_set_period (field_plan, "2027-H1");
  add_member (field_plan, "Bologna", "IT");
  add_member (field_plan, "Liverpool", "GB");
  add_member (field_plan, "Medellín", "CO");
  add_member (field_plan, "Salvador", "BR");
  add_member (field_plan, "Katowice", "PL");
  add_member (field_plan, "Auckland", "NZ");
  add_source (field_plan, "Bologna", "IT", 1, CCP_SOURCE_STATUS_ACCEPTED,
              "2026-11-20T10:00:00Z", CCP_REVIEW_STATE_ACCEPTED, 0, 0);
  add_source (field_plan, "Liverpool", "GB", 1, CCP_SOURCE_STATUS_SUPERSEDED,
              "2026-11-30T23:59:59Z", CCP_REVIEW_STATE_SUPERSEDED, 2, 0);
  add_source (field_plan, "Liverpool", "GB", 2, CCP_SOURCE_STATUS_ACCEPTED,
              "2026-12-05T08:00:00Z", CCP_REVIEW_STATE_RETURNED, 2, 1);
  add_source (field_plan, "medellin", "CO", 1, CCP_SOURCE_STATUS_ACCEPTED,
              "2026-12-02T00:00:00Z", CCP_REVIEW_STATE_RECEIVED, 0, 0);
  add_source (field_plan, "Katowice", "PL", 1, CCP_SOURCE_STATUS_ACCEPTED,
              "", CCP_REVIEW_STATE_NONE, 0, 0);
  add_source (field_plan, "Hamamatsu", "JP", 1, CCP_SOURCE_STATUS_ACCEPTED,
              "2026-11-01T00:00:00Z", CCP_REVIEW_STATE_RECEIVED, 0, 0);
  add_source (field_plan, "Auckland", "NZ", 1, CCP_SOURCE_STATUS_REFUSED,
              "2026-11-01T00:00:00Z", CCP_REVIEW_STATE_NONE, 0, 0);
  return field_plan;
}

static void
assert_row (CcpStatusRow   *row,
            const char     *city,
            gboolean        in_roster,
            guint           revision,
            CcpTimeliness   timeliness,
            CcpReviewState  review,
            guint           open,
            guint           all)
{
  g_assert_cmpstr (ccp_status_row_get_city (row), ==, city);
  g_assert_cmpint (ccp_status_row_get_in_roster (row), ==, in_roster);
  g_assert_cmpuint (ccp_status_row_get_revision (row), ==, revision);
  g_assert_cmpint (ccp_status_row_get_timeliness (row), ==, timeliness);
  g_assert_cmpint (ccp_status_row_get_review (row), ==, review);
  g_assert_cmpuint (ccp_status_row_get_open_comments (row), ==, open);
  g_assert_cmpuint (ccp_status_row_get_n_comments (row), ==, all);
}

static void
test_status_table (void)
{
  g_autoptr(CcpFieldPlan) field_plan = hand_field_plan ();
  g_autoptr(CcpStatusTable) table = ccp_status_table_new (field_plan, NULL);
  g_autoptr(CcpStatusTable) later = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpstr (table->deadline, ==, "2026-12-01");
  g_assert_cmpuint (table->rows->len, ==, 7);
  assert_row (table->rows->pdata[0], "Bologna", TRUE, 1, CCP_TIMELINESS_ON_TIME,
              CCP_REVIEW_STATE_ACCEPTED, 0, 0);
  assert_row (table->rows->pdata[1], "Liverpool", TRUE, 2, CCP_TIMELINESS_ON_TIME,
              CCP_REVIEW_STATE_RETURNED, 1, 2);
  assert_row (table->rows->pdata[2], "Medellín", TRUE, 1, CCP_TIMELINESS_LATE,
              CCP_REVIEW_STATE_RECEIVED, 0, 0);
  assert_row (table->rows->pdata[3], "Salvador", TRUE, 0, CCP_TIMELINESS_MISSING,
              CCP_REVIEW_STATE_NONE, 0, 0);
  assert_row (table->rows->pdata[4], "Katowice", TRUE, 1, CCP_TIMELINESS_UNKNOWN,
              CCP_REVIEW_STATE_NONE, 0, 0);
  assert_row (table->rows->pdata[5], "Auckland", TRUE, 0, CCP_TIMELINESS_MISSING,
              CCP_REVIEW_STATE_NONE, 0, 0);
  assert_row (table->rows->pdata[6], "Hamamatsu", FALSE, 1, CCP_TIMELINESS_ON_TIME,
              CCP_REVIEW_STATE_RECEIVED, 0, 0);
  g_assert_cmpstr (ccp_status_row_get_received_time (table->rows->pdata[1]), ==,
                   "2026-12-05T08:00:00Z");
  g_assert_cmpstr (ccp_status_row_get_first_received (table->rows->pdata[1]), ==,
                   "2026-11-30T23:59:59Z");
  g_assert_cmpstr (ccp_status_row_get_contact_email (table->rows->pdata[1]), ==,
                   "fp@example.org");
  g_assert_false (ccp_status_row_get_received (table->rows->pdata[5]));
  g_assert_cmpuint (table->expected, ==, 6);
  g_assert_cmpuint (table->received, ==, 4);
  g_assert_cmpuint (table->on_time, ==, 2);
  g_assert_cmpuint (table->late, ==, 1);
  g_assert_cmpfloat_with_epsilon (table->reporting_rate, 4.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (table->timeliness_rate, 2.0 / 6.0, 1e-9);

  /* The coordinator moves the deadline two days on: Medellín is on time, 3/6. */
  ccp_field_plan_set_deadline (field_plan, "2026-12-03");
  later = ccp_status_table_new (field_plan, NULL);
  g_assert_cmpint (ccp_status_row_get_timeliness (later->rows->pdata[2]), ==,
                   CCP_TIMELINESS_ON_TIME);
  g_assert_cmpuint (later->on_time, ==, 3);
  g_assert_cmpuint (later->late, ==, 0);
  g_assert_cmpfloat_with_epsilon (later->timeliness_rate, 0.5, 1e-9);

  rows = ccp_status_rows (field_plan, NULL);
  g_assert_cmpuint (rows->len, ==, 7);
}

static void
test_status_empty (void)
{
  g_autoptr(CcpFieldPlan) field_plan = ccp_field_plan_new ();
  g_autoptr(CcpStatusTable) table = ccp_status_table_new (field_plan, NULL);

  g_assert_cmpuint (table->rows->len, ==, 0);
  g_assert_cmpuint (table->expected, ==, 0);
  g_assert_cmpfloat (table->reporting_rate, ==, 0.0);
  g_assert_null (table->deadline);
  g_assert_cmpstr (ccp_timeliness_to_code (CCP_TIMELINESS_ON_TIME), ==, "on-time");
  g_assert_nonnull (ccp_timeliness_to_label (CCP_TIMELINESS_LATE));
}

/* xmllint --schema of bytes. */
static void
assert_xmllint_valid (GBytes *bytes)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  int fd = g_file_open_tmp ("ccp-cycle-XXXXXX.xml", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  if (xmllint == NULL)
    {
      g_unlink (path);
      g_test_fail_printf ("xmllint is not installed (package libxml2-utils)");
      return;
    }
  {
    const char *argv[] = { xmllint, "--noout", "--schema", g_getenv ("CCP_SCHEMA"), path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, &err, &status, &error));
  }
  g_unlink (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s\n%.*s", err, (int) g_bytes_get_size (bytes),
             (const char *) g_bytes_get_data (bytes, NULL));
}

static void
test_format_round_trip (void)
{
  g_autoptr(CcpPlan) bologna = city_plan (10, "Bologna", "IT", 2);
  g_autoptr(CcpReviewComment) comment = ccp_review_comment_new ("c1", NULL, "title", "Shorter");
  g_autoptr(CcpFieldPlan) field_plan = NULL;
  g_autoptr(GError) error = NULL;
  CcpPlan *plans[] = { bologna };

  /* A city plan that was sent and answers a comment. */
  {
    g_autoptr(CcpActivity) activity = g_list_model_get_item (
      G_LIST_MODEL (ccp_plan_get_activities (bologna)), 0);
    g_autoptr(GBytes) first = NULL;
    g_autoptr(GBytes) second = NULL;
    g_autoptr(GObject) read = NULL;

    ccp_review_comment_set_activity (comment, ccp_activity_get_id (activity));
    ccp_review_comment_set_addressed (comment, TRUE);
    ccp_item_list_append (ccp_plan_get_comments (bologna), comment);
    ccp_plan_mark_sent (bologna, "2026-11-28T10:00:00Z");
    first = ccp_writer_write_plan (bologna);
    g_assert_nonnull (strstr (g_bytes_get_data (first, NULL),
                              "  <sent revision=\"2\" on=\"2026-11-28T10:00:00Z\"/>\n"
                              "  <comments>\n    <comment id=\"c1\" activity=\""));
    read = ccp_reader_read_bytes (first, "plan.xml", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (ccp_plan_equal (CCP_PLAN (read), bologna));
    second = ccp_writer_write_plan (CCP_PLAN (read));
    g_assert_true (g_bytes_equal (first, second));
    assert_xmllint_valid (first);
  }

  /* A field plan with review states, comments, a deadline and a reopening. */
  field_plan = merge (NULL, plans, 1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = comments ("Fix the budget", NULL);
    g_autoptr(CcpReview) review = ccp_cycle_review (field_plan, source_of (field_plan, bologna),
                                                    CCP_REVIEW_STATE_RETURNED, list, "Ana",
                                                    "2027-01-16T10:00:00Z", &error);
    g_autoptr(GBytes) first = NULL;
    g_autoptr(GBytes) second = NULL;
    g_autoptr(GObject) read = NULL;
    g_autoptr(GPtrArray) issues = NULL;

    g_assert_no_error (error);
    ccp_field_plan_set_deadline (field_plan, "2026-11-30");
    ccp_field_plan_lock (field_plan);
    ccp_field_plan_reopen (field_plan, "2027-01-17T10:00:00Z", "Ana", "One more city");
    first = ccp_writer_write_field_plan (field_plan);
    g_assert_nonnull (strstr (g_bytes_get_data (first, NULL),
                              "  <cycle deadline=\"2026-11-30\">\n"
                              "    <reopening on=\"2027-01-17T10:00:00Z\" by=\"Ana\">One more "
                              "city</reopening>\n  </cycle>\n</field-plan>\n"));
    g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "review=\"returned\""));
    read = ccp_reader_read_bytes (first, "fp.xml", &issues, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (issues->len, ==, 0);
    g_assert_true (ccp_field_plan_equal (CCP_FIELD_PLAN (read), field_plan));
    second = ccp_writer_write_field_plan (CCP_FIELD_PLAN (read));
    g_assert_true (g_bytes_equal (first, second));
    assert_xmllint_valid (first);
  }
}

/* Files written by the writer of main before the cycle (tests/data/format-1.1: a generated
 * city plan, the example field plan) read and re-write to the same bytes. */
static void
test_old_files_unchanged (void)
{
  const char *names[] = { "main-city-plan.xml", "main-field-plan.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format-1.1",
                                                     names[i], NULL);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GObject) read = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      bytes = g_bytes_new (text, length);
      read = ccp_reader_read_bytes (bytes, names[i], NULL, NULL, &error);
      g_assert_no_error (error);
      again = CCP_IS_PLAN (read) ? ccp_writer_write_plan (CCP_PLAN (read))
                                 : ccp_writer_write_field_plan (CCP_FIELD_PLAN (read));
      g_assert_true (g_bytes_equal (bytes, again));
    }
  /* A field plan without any of the new parts. */
  {
    g_autoptr(CcpFieldPlan) field_plan = hand_field_plan ();
    g_autoptr(GBytes) bytes = NULL;
    GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

        g_object_set (source, "received", "", "review", CCP_REVIEW_STATE_NONE,
                      "contact-name", "", "contact-email", "", NULL);
        ccp_item_list_remove_all (ccp_source_get_comments (source));
      }
    bytes = ccp_writer_write_field_plan (field_plan);
    g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "received="));
    g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "review="));
    g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "<cycle"));
    g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "<comment"));
  }
}

/* A change of a comment is a change of the field plan ("changed", for unsaved changes). */
static void
test_changed_signals (void)
{
  g_autoptr(CcpFieldPlan) field_plan = hand_field_plan ();
  g_autoptr(CcpSource) source = g_list_model_get_item (
    G_LIST_MODEL (ccp_field_plan_get_sources (field_plan)), 2);
  g_autoptr(CcpReviewComment) comment = g_list_model_get_item (
    G_LIST_MODEL (ccp_source_get_comments (source)), 1);
  g_autoptr(CcpPlan) plan = ccp_plan_new ();
  g_autoptr(CcpReviewComment) mine = ccp_review_comment_new ("c1", NULL, NULL, "x");
  guint changed = 0, plan_changed = 0;

  g_signal_connect (field_plan, "changed", G_CALLBACK (ccp_test_count_cb), &changed);
  ccp_review_comment_set_addressed (comment, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  ccp_review_comment_set_addressed (comment, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  ccp_source_set_review (source, CCP_REVIEW_STATE_ACCEPTED);
  g_assert_cmpuint (changed, ==, 2);
  ccp_field_plan_set_deadline (field_plan, "2026-11-01");
  g_assert_cmpuint (changed, ==, 3);

  g_signal_connect (plan, "changed", G_CALLBACK (ccp_test_count_cb), &plan_changed);
  ccp_item_list_append (ccp_plan_get_comments (plan), mine);
  g_assert_cmpuint (plan_changed, ==, 1);
  ccp_review_comment_set_addressed (mine, TRUE);
  g_assert_cmpuint (plan_changed, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cycle/state-codes", test_state_codes);
  g_test_add_func ("/cycle/transition-table", test_transition_table);
  g_test_add_func ("/cycle/review-transitions", test_review_transitions);
  g_test_add_func ("/cycle/newer-revision-after-return", test_newer_revision_after_return);
  g_test_add_func ("/cycle/merge-order", test_merge_order_with_comments);
  g_test_add_func ("/cycle/locked", test_merge_into_locked);
  g_test_add_func ("/cycle/deadlines", test_deadlines);
  g_test_add_func ("/cycle/comment-paths", test_comment_paths);
  g_test_add_func ("/cycle/status-table", test_status_table);
  g_test_add_func ("/cycle/status-empty", test_status_empty);
  g_test_add_func ("/cycle/format-round-trip", test_format_round_trip);
  g_test_add_func ("/cycle/old-files", test_old_files_unchanged);
  g_test_add_func ("/cycle/changed", test_changed_signals);

  return g_test_run ();
}
