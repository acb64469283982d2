/* test-diff.c: the diff of two plans (compare/ccp-diff.h) and carrying activities into the next
 * period (compare/ccp-carry.h).
 *
 * Every row of the field table changed once is reported once, with the validator's path; a
 * plan's diff with itself is empty; applying the changes of diff (A, B) to a copy of A gives B
 * for seeded random plans and field plans changed at random (fields, cities, activities added,
 * removed and moved, header values), also after writing and reading both.
 */
#define G_LOG_DOMAIN "test-diff"

#include "config.h"

#include "ccp-core.h"
#include "ccp-test-util.h"

#define PERIOD "2027-H1"
#define WHEN "2026-12-01T10:00:00Z"

static CcpActivity *
nth (CcpItemList *store,
     guint       i)
{
  /* The stores hold a reference: a borrowed pointer is enough for the tests. */
  g_autoptr(CcpActivity) activity = g_list_model_get_item (G_LIST_MODEL (store), i);

  return activity;
}

static guint
n_columns (const CcpActivityField *field)
{
  guint n = 0;

  if (field->items == NULL)
    return 1;
  while (field->items[n].name != NULL)
    n++;
  return n;
}

/* Changes the field's value to another one (validity does not matter to a diff). */
static void
change_field (const CcpActivityField *field,
              CcpActivity            *activity,
              GRand                  *rand)
{
  if (field->get_list != NULL || field->type == CCP_FIELD_TYPE_TEXTS)
    {
      g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (field, activity);
      guint width = n_columns (field);
      char **row = g_new0 (char *, width + 1);

      for (guint j = 0; j < width; j++)
        row[j] = g_strdup_printf ("added %u", g_rand_int_range (rand, 0, 1000));
      if (rows->len > 0 && g_rand_boolean (rand))
        g_ptr_array_remove_index (rows, 0);
      g_ptr_array_insert (rows, (int) g_rand_int_range (rand, 0, (gint32) rows->len + 1), row);
      ccp_activity_field_set_rows (field, activity, rows);
    }
  else if (field->get_flag != NULL)
    field->set_flag (activity, !field->get_flag (activity));
  else if (field->get_strv != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) codes = NULL;

      g_strv_builder_addv (builder, (const char **) field->get_strv (activity));
      g_strv_builder_add (builder, "99");
      codes = g_strv_builder_end (builder);
      field->set_strv (activity, (const char * const *) codes);
    }
  else
    {
      g_autofree char *value = g_strconcat (field->get_string (activity), "z", NULL);

      field->set_string (activity, value);
    }
}

static CcpFieldPlan *
merge_plans (GPtrArray  *plans,
             const char *field)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result;

  ccp_merge_set_consolidated (merge, WHEN);
  ccp_merge_set_field (merge, field);
  ccp_merge_set_period (merge, PERIOD);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GBytes) bytes = ccp_writer_write_plan (g_ptr_array_index (plans, i));
      g_autofree char *name = g_strdup_printf ("plan-%u.xml", i);

      ccp_merge_add_bytes (merge, name, bytes);
    }
  result = ccp_merge_run (merge, &error);
  g_assert_no_error (error);
  return result;
}

/* Random city plans of one field, some sharing a joint activity; merged. */
static CcpFieldPlan *
random_field_plan (GRand *rand,
                   guint  n_plans)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_plans; i++)
    {
      CcpPlan *plan = ccp_test_random_plan (rand, NULL, NULL, "music", PERIOD,
                                            g_rand_int_range (rand, 2, 5));

      /* A joint activity in every plan: one activity of the field plan, several cities. */
      ccp_activity_set_joint_ref (nth (ccp_plan_get_activities (plan), 0), "joint-1");
      g_ptr_array_add (plans, plan);
    }
  return merge_plans (plans, "music");
}

/* Diffs that had changes, so that the property tests are seen to test something. */
static guint n_nonempty;

static void
assert_applies (GObject *a,
                GObject *b)
{
  g_autoptr(CcpDiff) diff = ccp_diff_new (a, b);
  g_autoptr(GObject) copy = CCP_IS_PLAN (a) ? G_OBJECT (ccp_plan_copy (CCP_PLAN (a)))
                                            : G_OBJECT (ccp_field_plan_copy (CCP_FIELD_PLAN (a)));
  g_autoptr(GError) error = NULL;

  if (!ccp_diff_is_empty (diff))
    n_nonempty++;
  g_assert_true (ccp_diff_apply (diff, copy, &error));
  g_assert_no_error (error);
  if (CCP_IS_PLAN (a))
    g_assert_true (ccp_plan_equal (CCP_PLAN (copy), CCP_PLAN (b)));
  else
    g_assert_true (ccp_field_plan_equal (CCP_FIELD_PLAN (copy), CCP_FIELD_PLAN (b)));
  g_assert_true (ccp_diff_is_empty (diff) ==
                 (CCP_IS_PLAN (a) ? ccp_plan_equal (CCP_PLAN (a), CCP_PLAN (b))
                                  : ccp_field_plan_equal (CCP_FIELD_PLAN (a),
                                                          CCP_FIELD_PLAN (b))));
}

static void
assert_one_change (GObject                *a,
                   GObject                *b,
                   CcpChangeKind           kind,
                   const char             *path,
                   const CcpActivityField *field)
{
  g_autoptr(CcpDiff) diff = ccp_diff_new (a, b);
  const CcpChange *change;
  g_autofree char *sentence = NULL;

  if (ccp_diff_get_n_changes (diff) != 1)
    g_error ("%s: %u changes, expected 1", path, ccp_diff_get_n_changes (diff));
  change = ccp_diff_get_change (diff, 0);
  g_assert_cmpint (change->kind, ==, kind);
  g_assert_cmpstr (change->path, ==, path);
  g_assert_true (change->field == field);
  g_assert_cmpuint (ccp_diff_get_n_modified (diff), ==, 1);
  g_assert_true ((change->old_rows != NULL) == (change->new_rows != NULL));
  g_assert_true (change->old_rows != NULL || change->new_value != NULL);
  sentence = ccp_change_describe (change);
  g_assert_nonnull (strstr (sentence, ccp_activity_field_get_label (field)));
  assert_applies (a, b);
}

/* Every row of the field table, changed once in activity 1 of a city plan. */
static void
test_every_field_city_plan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "music", PERIOD, 3);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  /* Matched by joint reference when its identifier is what changed. */
  ccp_activity_set_joint_ref (nth (ccp_plan_get_activities (plan), 1), "joint-1");
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(CcpPlan) changed = ccp_plan_copy (plan);
      g_autofree char *path = g_strdup_printf ("activities/1/%s", fields[i].name);

      change_field (&fields[i], nth (ccp_plan_get_activities (changed), 1), rand);
      assert_one_change (G_OBJECT (plan), G_OBJECT (changed), CCP_CHANGE_FIELD, path, &fields[i]);
    }
}

/* In a field plan: the shared rows on the activity, the per-city rows in a city's part. */
static void
test_every_field_field_plan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1919);
  g_autoptr(CcpFieldPlan) field_plan = random_field_plan (rand, 3);
  CcpItemList *activities = ccp_field_plan_get_activities (field_plan);
  guint n_fields, joint = G_MAXUINT;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (activities)); i++)
    {
      if (g_str_equal (ccp_activity_get_joint_ref (nth (activities, i)), "joint-1"))
        joint = i;
    }
  g_assert_cmpuint (joint, !=, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_attributions (
                      nth (activities, joint)))), ==, 3);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(CcpFieldPlan) changed = ccp_field_plan_copy (field_plan);
      CcpActivity *activity = nth (ccp_field_plan_get_activities (changed), joint);
      g_autofree char *path = NULL;

      if (fields[i].share == CCP_FIELD_SHARE_PER_CITY)
        {
          g_autoptr(CcpAttribution) city = g_list_model_get_item (
            G_LIST_MODEL (ccp_activity_get_attributions (activity)), 1);

          path = g_strdup_printf ("activities/%u/attributions/1/%s", joint, fields[i].name);
          change_field (&fields[i], ccp_attribution_get_values (city), rand);
          assert_one_change (G_OBJECT (field_plan), G_OBJECT (changed), CCP_CHANGE_CITY_FIELD,
                             path, &fields[i]);
        }
      else
        {
          path = g_strdup_printf ("activities/%u/%s", joint, fields[i].name);
          change_field (&fields[i], activity, rand);
          assert_one_change (G_OBJECT (field_plan), G_OBJECT (changed), CCP_CHANGE_FIELD, path,
                             &fields[i]);
        }
    }
}

/* Header values, activities added, removed and moved: their kinds and paths. */
static void
test_header_and_activities (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "film", PERIOD, 4);
  g_autoptr(CcpPlan) changed = ccp_plan_copy (plan);
  CcpItemList *store = ccp_plan_get_activities (changed);
  g_autoptr(CcpActivity) moved = g_object_ref (nth (store, 0));
  g_autoptr(CcpActivity) added = ccp_test_random_activity (rand, changed);
  g_autoptr(CcpDiff) same = ccp_diff_new (G_OBJECT (plan), G_OBJECT (plan));
  g_autoptr(CcpDiff) diff = NULL;
  const CcpChange *change;
  CcpDiffMatch how;

  g_assert_true (ccp_diff_is_empty (same));
  ccp_plan_set_focal_point_email (changed, "new@example.org");
  ccp_plan_set_revision (changed, ccp_plan_get_revision (plan) + 1);
  /* a1 a2 a3 a4 -> a2 a3 a1 NEW (a4 removed) */
  ccp_item_list_remove (store, 3);
  ccp_item_list_remove (store, 0);
  ccp_item_list_insert (store, 2, moved);
  ccp_item_list_append (store, added);

  diff = ccp_diff_new (G_OBJECT (plan), G_OBJECT (changed));
  g_assert_cmpuint (ccp_diff_get_n_changes (diff), ==, 5);
  change = ccp_diff_get_change (diff, 0);
  g_assert_cmpint (change->kind, ==, CCP_CHANGE_PLAN);
  g_assert_cmpstr (change->path, ==, "revision");
  change = ccp_diff_get_change (diff, 1);
  g_assert_cmpstr (change->path, ==, "focal-point-email");
  g_assert_cmpstr (change->new_value, ==, "new@example.org");
  change = ccp_diff_get_change (diff, 2);
  g_assert_cmpint (change->kind, ==, CCP_CHANGE_ACTIVITY_MOVED);
  g_assert_cmpstr (change->path, ==, "activities/2");
  g_assert_cmpstr (change->old_value, ==, "0");
  change = ccp_diff_get_change (diff, 3);
  g_assert_cmpint (change->kind, ==, CCP_CHANGE_ACTIVITY_ADDED);
  g_assert_cmpstr (change->path, ==, "activities/3");
  g_assert_cmpstr (change->activity_id, ==, ccp_activity_get_id (added));
  change = ccp_diff_get_change (diff, 4);
  g_assert_cmpint (change->kind, ==, CCP_CHANGE_ACTIVITY_REMOVED);
  g_assert_cmpstr (change->path, ==, "activities/3");
  g_assert_cmpuint (ccp_diff_get_n_added (diff), ==, 1);
  g_assert_cmpuint (ccp_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ccp_diff_get_n_modified (diff), ==, 1);
  g_assert_cmpint (ccp_diff_get_match (diff, 2, &how), ==, 0);
  g_assert_cmpint (how, ==, CCP_DIFF_MATCH_ID);
  g_assert_cmpint (ccp_diff_get_match (diff, 3, &how), ==, -1);
  assert_applies (G_OBJECT (plan), G_OBJECT (changed));
  assert_applies (G_OBJECT (changed), G_OBJECT (plan));
}

/* A renamed activity that records where it was carried from matches by that link. */
static void
test_match_carried_from (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, NULL, NULL, "design", PERIOD, 2);
  g_autoptr(CcpPlan) changed = ccp_plan_copy (plan);
  CcpActivity *activity = nth (ccp_plan_get_activities (changed), 1);
  g_autofree char *old_id = g_strdup (ccp_activity_get_id (activity));
  g_autoptr(CcpDiff) diff = NULL;
  CcpDiffMatch how;

  ccp_activity_set_id (activity, "renamed");
  ccp_activity_set_carried_from_plan (activity, ccp_plan_get_id (plan));
  ccp_activity_set_carried_from_activity (activity, old_id);
  diff = ccp_diff_new (G_OBJECT (plan), G_OBJECT (changed));
  g_assert_cmpint (ccp_diff_get_match (diff, 1, &how), ==, 1);
  g_assert_cmpint (how, ==, CCP_DIFF_MATCH_CARRIED_FROM);
  g_assert_cmpuint (ccp_diff_get_n_added (diff), ==, 0);
  /* id, carried-from-plan, carried-from-activity */
  g_assert_cmpuint (ccp_diff_get_n_changes (diff), ==, 3);
  assert_applies (G_OBJECT (plan), G_OBJECT (changed));
}

/* A random edit of a city plan: fields, activities added, removed, moved, header values. */
static void
mutate_plan (CcpPlan *plan,
             GRand   *rand)
{
  CcpItemList *store = ccp_plan_get_activities (plan);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  guint n_edits = g_rand_int_range (rand, 1, 8);

  for (guint e = 0; e < n_edits; e++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      int what = g_rand_int_range (rand, 0, 10);

      if (what == 0 && n > 1)
        ccp_item_list_remove (store, g_rand_int_range (rand, 0, (gint32) n));
      else if (what == 1)
        {
          g_autoptr(CcpActivity) added = ccp_test_random_activity (rand, plan);

          ccp_item_list_insert (store, g_rand_int_range (rand, 0, (gint32) n + 1), added);
        }
      else if (what == 2 && n > 1)
        {
          g_autoptr(CcpActivity) moved = g_object_ref (nth (store, 0));

          ccp_item_list_remove (store, 0);
          ccp_item_list_insert (store, g_rand_int_range (rand, 0, (gint32) n), moved);
        }
      else if (what == 3)
        ccp_plan_set_city (plan, "Somewhere Else");
      else if (n > 0)
        change_field (&fields[g_rand_int_range (rand, 0, (gint32) n_fields)],
                      nth (store, g_rand_int_range (rand, 0, (gint32) n)), rand);
    }
}

static GObject *
reread (GObject *document)
{
  g_autoptr(GBytes) bytes = CCP_IS_PLAN (document)
    ? ccp_writer_write_plan (CCP_PLAN (document))
    : ccp_writer_write_field_plan (CCP_FIELD_PLAN (document));
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  GObject *read = ccp_reader_read_bytes (bytes, "reread.xml", &issues, NULL, &error);

  g_assert_no_error (error);
  return read;
}

static void
test_property_city_plans (void)
{
  n_nonempty = 0;
  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpPlan) a = ccp_test_random_plan (rand, NULL, NULL, NULL, NULL,
                                                   g_rand_int_range (rand, 1, 9));
      g_autoptr(CcpPlan) b = ccp_plan_copy (a);
      g_autoptr(CcpDiff) same = ccp_diff_new (G_OBJECT (a), G_OBJECT (a));
      g_autoptr(GObject) a_read = NULL;
      g_autoptr(GObject) b_read = NULL;

      g_assert_true (ccp_diff_is_empty (same));
      mutate_plan (b, rand);
      assert_applies (G_OBJECT (a), G_OBJECT (b));
      assert_applies (G_OBJECT (b), G_OBJECT (a));
      /* Through the file format too (mutations that the writer cannot keep, such as a code
       * list with "99", still round-trip: the model keeps what was typed). */
      a_read = reread (G_OBJECT (a));
      b_read = reread (G_OBJECT (b));
      assert_applies (a_read, b_read);
    }
  /* Three diffs a seed; a mutation may undo itself now and then. */
  g_assert_cmpuint (n_nonempty, >, 150);
}

/* A random edit of a field plan: shared fields, a city's values, a city removed, an
 * activity removed or moved. */
static void
mutate_field_plan (CcpFieldPlan *field_plan,
                   GRand        *rand)
{
  CcpItemList *store = ccp_field_plan_get_activities (field_plan);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  guint n_edits = g_rand_int_range (rand, 1, 8);

  for (guint e = 0; e < n_edits; e++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      CcpActivity *activity = n > 0 ? nth (store, g_rand_int_range (rand, 0, (gint32) n)) : NULL;
      CcpItemList *cities = activity != NULL ? ccp_activity_get_attributions (activity) : NULL;
      guint n_cities = cities != NULL ? g_list_model_get_n_items (G_LIST_MODEL (cities)) : 0;
      const CcpActivityField *field = &fields[g_rand_int_range (rand, 0, (gint32) n_fields)];
      int what = g_rand_int_range (rand, 0, 8);

      if (activity == NULL)
        return;
      if (what == 0 && n > 1)
        ccp_item_list_remove (store, g_rand_int_range (rand, 0, (gint32) n));
      else if (what == 1 && n > 1)
        {
          g_autoptr(CcpActivity) moved = g_object_ref (nth (store, n - 1));

          ccp_item_list_remove (store, n - 1);
          ccp_item_list_insert (store, 0, moved);
        }
      else if (what == 2 && n_cities > 1)
        ccp_item_list_remove (cities, g_rand_int_range (rand, 0, (gint32) n_cities));
      else if (what == 3)
        ccp_contact_set_email (ccp_field_plan_get_coordinator (field_plan), "c@example.org");
      else if (field->share == CCP_FIELD_SHARE_PER_CITY && n_cities > 0)
        {
          g_autoptr(CcpAttribution) city =
            g_list_model_get_item (G_LIST_MODEL (cities),
                                   g_rand_int_range (rand, 0, (gint32) n_cities));

          change_field (field, ccp_attribution_get_values (city), rand);
        }
      else if (field->share != CCP_FIELD_SHARE_PER_CITY)
        change_field (field, activity, rand);
    }
}

static void
test_property_field_plans (void)
{
  n_nonempty = 0;
  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CcpFieldPlan) a = random_field_plan (rand, g_rand_int_range (rand, 2, 5));
      g_autoptr(CcpFieldPlan) b = ccp_field_plan_copy (a);
      g_autoptr(CcpDiff) same = ccp_diff_new (G_OBJECT (a), G_OBJECT (a));
      g_autoptr(GObject) a_read = NULL;
      g_autoptr(GObject) b_read = NULL;

      g_assert_true (ccp_diff_is_empty (same));
      mutate_field_plan (b, rand);
      assert_applies (G_OBJECT (a), G_OBJECT (b));
      assert_applies (G_OBJECT (b), G_OBJECT (a));
      a_read = reread (G_OBJECT (a));
      b_read = reread (G_OBJECT (b));
      assert_applies (a_read, b_read);
    }
  g_assert_cmpuint (n_nonempty, >, 30);
}

/* A file of format 1.0, upgraded by the reader, and the same plan written as 1.1. */
static void
test_format_1_0 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "format-1.0",
                                            "music-2027-h1-field-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) old = ccp_reader_read_file (file, NULL, &issues, NULL, NULL,
                                                      &error);
  g_autoptr(GObject) upgraded = NULL;
  g_autoptr(CcpDiff) diff = NULL;

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (old));
  upgraded = reread (old);
  diff = ccp_diff_new (old, upgraded);
  g_assert_true (ccp_diff_is_empty (diff));
}

/* Carrying: the states chosen, a list, the link recorded, the link through the format. */
static void
test_carry (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CcpPlan) previous = ccp_test_random_plan (rand, NULL, NULL, "music", PERIOD, 5);
  const char *states[] = { "ongoing", "planned", "postponed", "cancelled", "carried-over" };
  const char *listed[] = { "a4", NULL };
  CcpItemList *store = ccp_plan_get_activities (previous);
  g_autoptr(CcpPlan) by_default = NULL;
  g_autoptr(CcpPlan) chosen = NULL;
  g_autoptr(GObject) read = NULL;
  g_autoptr(CcpPlan) empty = NULL;
  CcpActivity *carried;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);

      ccp_activity_set_id (nth (store, i), id);
      ccp_activity_set_state (nth (store, i), states[i]);
    }
  g_assert_true (ccp_carry_is_default (nth (store, 0)));
  g_assert_false (ccp_carry_is_default (nth (store, 1)));
  g_assert_cmpint (ccp_carry_flag_for_state ("cancelled"), ==, CCP_CARRY_NONE);

  by_default = ccp_plan_carry_forward (previous, CCP_CARRY_DEFAULT, NULL);
  g_assert_cmpstr (ccp_plan_get_period (by_default), ==, "2027-H2");
  g_assert_cmpstr (ccp_plan_get_city (by_default), ==, ccp_plan_get_city (previous));
  g_assert_cmpstr (ccp_plan_get_id (by_default), !=, ccp_plan_get_id (previous));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (by_default))),
                    ==, 2);
  carried = nth (ccp_plan_get_activities (by_default), 1);
  g_assert_cmpstr (ccp_activity_get_id (carried), ==, "a5");
  g_assert_cmpstr (ccp_activity_get_carried_from_plan (carried), ==, ccp_plan_get_id (previous));
  g_assert_cmpstr (ccp_activity_get_carried_from_activity (carried), ==, "a5");

  chosen = ccp_plan_carry_forward (previous, CCP_CARRY_PLANNED | CCP_CARRY_POSTPONED |
                                             CCP_CARRY_LISTED, listed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_plan_get_activities (chosen))),
                    ==, 3);
  g_assert_cmpstr (ccp_activity_get_id (nth (ccp_plan_get_activities (chosen), 2)), ==, "a4");

  /* The link is written and read back. */
  read = reread (G_OBJECT (chosen));
  g_assert_true (ccp_plan_equal (CCP_PLAN (read), chosen));
  g_assert_cmpstr (ccp_activity_get_carried_from_activity (
                     nth (ccp_plan_get_activities (CCP_PLAN (read)), 0)), ==, "a2");

  empty = ccp_plan_new ();
  g_assert_null (ccp_plan_carry_forward (empty, CCP_CARRY_DEFAULT, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/every-field/city-plan", test_every_field_city_plan);
  g_test_add_func ("/diff/every-field/field-plan", test_every_field_field_plan);
  g_test_add_func ("/diff/header-and-activities", test_header_and_activities);
  g_test_add_func ("/diff/match-carried-from", test_match_carried_from);
  g_test_add_func ("/diff/property/city-plans", test_property_city_plans);
  g_test_add_func ("/diff/property/field-plans", test_property_field_plans);
  g_test_add_func ("/diff/format-1.0", test_format_1_0);
  g_test_add_func ("/diff/carry", test_carry);

  return g_test_run ();
}
