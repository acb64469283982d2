/* test-merge-properties.c: properties of the merge over hundreds of seeded random inputs:
 * lossless, order-independent, idempotent, associative. Each case mixes distinct member cities
 * of one field, joint activities (with differing copies), newer revisions, identical files and
 * plans for another period. A failure prints its seed. */
#define G_LOG_DOMAIN "test-merge-properties"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

#define FIELD "music"
#define PERIOD "2027-H1"
#define WHEN "2027-01-15T08:00:00Z"

typedef struct {
  char    *name;
  GBytes  *bytes;
  CcpPlan *plan;      /* as generated (NULL for field plans) */
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->name);
  g_bytes_unref (input->bytes);
  g_clear_object (&input->plan);
  g_free (input);
}

static Input *
input_new (const char *name,
           CcpPlan    *plan)
{
  Input *input = g_new0 (Input, 1);

  input->name = g_strdup (name);
  input->plan = g_object_ref (plan);
  input->bytes = ccp_writer_write_plan (plan);
  return input;
}

static CcpFieldPlan *
merge (CcpFieldPlan *into,
       GPtrArray    *inputs,
       GError      **error)
{
  g_autoptr(CcpMerge) merge = ccp_merge_new ();

  ccp_merge_set_consolidated (merge, WHEN);
  if (into == NULL)
    {
      ccp_merge_set_field (merge, FIELD);
      ccp_merge_set_period (merge, PERIOD);
    }
  ccp_merge_set_into (merge, into);
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = g_ptr_array_index (inputs, i);

      ccp_merge_add_bytes (merge, input->name, input->bytes);
    }
  return ccp_merge_run (merge, error);
}

static CcpFieldPlan *
merge_ok (CcpFieldPlan *into,
          GPtrArray    *inputs)
{
  g_autoptr(GError) error = NULL;
  CcpFieldPlan *result = merge (into, inputs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Reads a field plan back from its bytes, as a later merge would. */
static CcpFieldPlan *
reread (CcpFieldPlan *field_plan)
{
  g_autoptr(GBytes) bytes = ccp_writer_write_field_plan (field_plan);
  g_autoptr(GError) error = NULL;
  GObject *document = ccp_reader_read_bytes (bytes, "field-plan.xml", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (CCP_IS_FIELD_PLAN (document));
  return CCP_FIELD_PLAN (document);
}

static CcpFieldPlan *
merge_reread (CcpFieldPlan *into,
              GPtrArray    *inputs)
{
  g_autoptr(CcpFieldPlan) result = merge_ok (into, inputs);

  return reread (result);
}

static void
assert_same_bytes (CcpFieldPlan *a,
                   CcpFieldPlan *b,
                   guint32       seed,
                   const char   *what)
{
  g_autoptr(GBytes) x = ccp_writer_write_field_plan (a);
  g_autoptr(GBytes) y = ccp_writer_write_field_plan (b);

  if (!g_bytes_equal (x, y))
    {
      g_autofree char *path_a = g_strdup_printf ("%s/merge-%u-a.xml", g_get_tmp_dir (), seed);
      g_autofree char *path_b = g_strdup_printf ("%s/merge-%u-b.xml", g_get_tmp_dir (), seed);

      g_file_set_contents (path_a, g_bytes_get_data (x, NULL), g_bytes_get_size (x), NULL);
      g_file_set_contents (path_b, g_bytes_get_data (y, NULL), g_bytes_get_size (y), NULL);
      g_error ("seed %u: %s: outputs differ (see %s and %s)", seed, what, path_a, path_b);
    }
}

static GPtrArray *
member_cities (void)
{
  return ccp_registry_list_field (ccp_registry_get_default (), FIELD);
}

/* A random case: 3 to 8 distinct cities; some joint activities between them, some newer
 * revisions, an identical file under another name, a plan of another period. */
static GPtrArray *
make_case (GRand *rand,
           guint  seed)
{
  g_autoptr(GPtrArray) cities = member_cities ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *inputs = g_ptr_array_new_with_free_func (input_free);
  guint n_cities = g_rand_int_range (rand, 3, 9);
  guint first = g_rand_int_range (rand, 0, cities->len);

  for (guint i = 0; i < n_cities; i++)
    {
      CcpMemberCity *city = g_ptr_array_index (cities, (first + i * 7) % cities->len);
      CcpPlan *plan = ccp_test_random_plan (rand, ccp_member_city_get_name (city),
                                            ccp_member_city_get_country (city), FIELD, PERIOD,
                                            g_rand_int_range (rand, 1, 6));

      g_ptr_array_add (plans, plan);
    }

  /* Joint activities: a copy in two or three cities, sometimes with a different title,
   * budget or dates. */
  for (guint j = 0, n = g_rand_int_range (rand, 0, 3); j < n; j++)
    {
      g_autofree char *ref = g_strdup_printf ("joint-%u-%u", seed, j);
      guint copies = g_rand_int_range (rand, 2, MIN (4, n_cities + 1));
      guint start = g_rand_int_range (rand, 0, n_cities);
      g_autoptr(CcpActivity) model = NULL;

      for (guint c = 0; c < copies; c++)
        {
          CcpPlan *plan = g_ptr_array_index (plans, (start + c) % n_cities);
          CcpItemList *activities = ccp_plan_get_activities (plan);
          guint n_activities = g_list_model_get_n_items (G_LIST_MODEL (activities));
          g_autoptr(CcpActivity) activity =
            g_list_model_get_item (G_LIST_MODEL (activities),
                                   g_rand_int_range (rand, 0, n_activities));

          if (*ccp_activity_get_joint_ref (activity) != '\0')
            continue;   /* already a copy of another joint activity */

          if (model == NULL)
            model = ccp_activity_copy (activity);
          else
            {
              /* The partner's copy: same activity, as that city typed it. */
              g_autofree char *id = g_strdup (ccp_activity_get_id (activity));
              g_autoptr(CcpActivity) copy = ccp_activity_copy (model);
              guint position;

              ccp_activity_set_id (copy, id);
              if (g_rand_boolean (rand))
                {
                  g_autofree char *title = g_strdup_printf ("%s (%u)",
                                                            ccp_activity_get_title (model), c);

                  ccp_activity_set_title (copy, title);
                }
              if (g_rand_boolean (rand))
                ccp_activity_set_budget_amount (copy, "1234.50");
              if (g_rand_boolean (rand))
                ccp_item_list_remove_all (ccp_activity_get_partner_organisations (copy));

              g_assert_true (ccp_item_list_find (activities, activity, &position));
              ccp_item_list_splice (activities, position, 1, (gpointer *) &copy, 1);
              g_clear_object (&activity);
              activity = g_object_ref (copy);
            }
          ccp_activity_set_joint_ref (activity, ref);
        }
    }

  for (guint i = 0; i < n_cities; i++)
    {
      CcpPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *name = g_strdup_printf ("city-%u.xml", i);

      g_ptr_array_add (inputs, input_new (name, plan));

      /* A newer revision, or the same revision saved later, with one activity changed. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(CcpPlan) newer = ccp_plan_copy (plan);
          g_autoptr(CcpActivity) activity =
            g_list_model_get_item (G_LIST_MODEL (ccp_plan_get_activities (newer)), 0);
          g_autofree char *revision_name = g_strdup_printf ("city-%u-v2.xml", i);

          if (g_rand_boolean (rand))
            ccp_plan_set_revision (newer, ccp_plan_get_revision (plan) + 1);
          else
            ccp_plan_set_modified (newer, "2026-12-31T23:59:59Z");
          ccp_activity_set_title (activity, "Revised title");
          g_ptr_array_add (inputs, input_new (revision_name, newer));
        }
    }

  /* The same bytes under another name. */
  if (g_rand_boolean (rand))
    {
      Input *original = g_ptr_array_index (inputs, 0);
      Input *copy = input_new ("copy-of-city-0.xml", original->plan);

      g_ptr_array_add (inputs, copy);
    }

  /* A plan for another period. */
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      CcpMemberCity *city = g_ptr_array_index (cities, first);
      g_autoptr(CcpPlan) other = ccp_test_random_plan (rand, ccp_member_city_get_name (city),
                                                       ccp_member_city_get_country (city),
                                                       FIELD, "2027-H2", 2);

      g_ptr_array_add (inputs, input_new ("other-period.xml", other));
    }

  return inputs;
}

static GPtrArray *
shuffled (GPtrArray *inputs,
          GRand     *rand)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (inputs, i));
  for (guint i = copy->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = copy->pdata[i - 1];

      copy->pdata[i - 1] = copy->pdata[j];
      copy->pdata[j] = tmp;
    }
  return copy;
}

static CcpSource *
find_source (CcpFieldPlan *field_plan,
             const char   *sha256)
{
  GListModel *sources = G_LIST_MODEL (ccp_field_plan_get_sources (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CcpSource) source = g_list_model_get_item (sources, i);

      if (g_str_equal (ccp_source_get_sha256 (source), sha256))
        return source;
    }
  return NULL;
}

static CcpReportItem *
find_item (CcpFieldPlan *field_plan,
           const char   *kind,
           const char   *sha256)
{
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(CcpReportItem) item = g_list_model_get_item (report, i);

      if (g_str_equal (ccp_report_item_get_kind (item), kind) &&
          g_strcmp0 (ccp_report_item_get_value (item, "sha256"), sha256) == 0)
        return item;
    }
  return NULL;
}

/* Every activity of every input is attributed in the output (with the content of its copy,
 * for the compared properties), or its source is superseded or refused with its activities
 * counted in the report. */
static void
assert_lossless (CcpFieldPlan *field_plan,
                 GPtrArray    *inputs,
                 guint32       seed)
{
  g_autoptr(GHashTable) attributed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_object_unref);
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CcpActivity) activity = g_list_model_get_item (activities, i);
      GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (activity));

      g_assert_cmpuint (g_list_model_get_n_items (attributions), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (attributions); j++)
        {
          g_autoptr(CcpAttribution) attribution = g_list_model_get_item (attributions, j);

          g_hash_table_insert (attributed,
                               g_strdup_printf ("%s\n%s\n%s",
                                                ccp_attribution_get_city (attribution),
                                                ccp_attribution_get_plan_id (attribution),
                                                ccp_attribution_get_activity_id (attribution)),
                               g_object_ref (activity));
        }
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = g_ptr_array_index (inputs, i);
      g_autofree char *sha = ccp_bytes_sha256 (input->bytes);
      CcpSource *source = find_source (field_plan, sha);
      GListModel *plan_activities = G_LIST_MODEL (ccp_plan_get_activities (input->plan));
      guint n = g_list_model_get_n_items (plan_activities);

      if (source == NULL)
        g_error ("seed %u: %s is not a source", seed, input->name);

      if (ccp_source_get_status (source) == CCP_SOURCE_STATUS_ACCEPTED)
        {
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CcpActivity) activity = g_list_model_get_item (plan_activities, j);
              g_autofree char *key = g_strdup_printf ("%s\n%s\n%s",
                                                      ccp_plan_get_city (input->plan),
                                                      ccp_plan_get_id (input->plan),
                                                      ccp_activity_get_id (activity));
              CcpActivity *merged = g_hash_table_lookup (attributed, key);

              if (merged == NULL)
                g_error ("seed %u: activity %s of %s is lost", seed,
                         ccp_activity_get_id (activity), input->name);
              /* Non-joint activities keep every value; joint ones are checked below. */
              if (*ccp_activity_get_joint_ref (activity) == '\0')
                {
                  g_autofree char *a = ccp_merge_encode_field (activity, "description");
                  g_autofree char *b = ccp_merge_encode_field (merged, "description");

                  g_assert_cmpstr (ccp_activity_get_title (merged), ==,
                                   ccp_activity_get_title (activity));
                  g_assert_cmpstr (a, ==, b);
                }
            }
        }
      else
        {
          const char *kind = ccp_source_get_status (source) == CCP_SOURCE_STATUS_SUPERSEDED
                             ? "superseded" : "refused";
          CcpReportItem *item = find_item (field_plan, kind, sha);
          g_autofree char *count = g_strdup_printf ("%u", n);

          if (item == NULL)
            g_error ("seed %u: %s is %s without a report item", seed, input->name, kind);
          g_assert_cmpstr (ccp_report_item_get_value (item, "activities"), ==, count);
        }
    }
}

/* Each copy of a joint activity is the output activity's shared fields, the city's
 * contribution (its attribution's values) and its value in each joint-conflict item. */
static void
assert_joint_copies_restorable (CcpFieldPlan *field_plan,
                                GPtrArray    *inputs)
{
  GListModel *report = G_LIST_MODEL (ccp_field_plan_get_report (field_plan));
  GListModel *activities = G_LIST_MODEL (ccp_field_plan_get_activities (field_plan));

  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = g_ptr_array_index (inputs, i);
      g_autofree char *sha = ccp_bytes_sha256 (input->bytes);
      CcpSource *source = find_source (field_plan, sha);
      GListModel *list = G_LIST_MODEL (ccp_plan_get_activities (input->plan));

      if (ccp_source_get_status (source) != CCP_SOURCE_STATUS_ACCEPTED)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(CcpActivity) original = g_list_model_get_item (list, j);
          const char *ref = ccp_activity_get_joint_ref (original);
          g_autoptr(CcpActivity) restored = NULL;

          if (*ref == '\0')
            continue;

          for (guint k = 0; k < g_list_model_get_n_items (activities) && restored == NULL; k++)
            {
              g_autoptr(CcpActivity) merged = g_list_model_get_item (activities, k);

              GListModel *attributions = G_LIST_MODEL (ccp_activity_get_attributions (merged));

              if (!g_str_equal (ccp_activity_get_joint_ref (merged), ref))
                continue;
              for (guint m = 0; m < g_list_model_get_n_items (attributions); m++)
                {
                  g_autoptr(CcpAttribution) a = g_list_model_get_item (attributions, m);

                  if (g_str_equal (ccp_attribution_get_city (a), ccp_plan_get_city (input->plan)) &&
                      g_str_equal (ccp_attribution_get_plan_id (a), ccp_plan_get_id (input->plan)) &&
                      g_str_equal (ccp_attribution_get_activity_id (a),
                                   ccp_activity_get_id (original)))
                    restored = ccp_attribution_make_copy (a, merged);
                }
            }
          g_assert_nonnull (restored);

          for (guint k = 0; k < g_list_model_get_n_items (report); k++)
            {
              g_autoptr(CcpReportItem) item = g_list_model_get_item (report, k);

              if (!g_str_equal (ccp_report_item_get_kind (item), "joint-conflict") ||
                  !g_str_equal (ccp_report_item_get_joint_ref (item), ref))
                continue;
              for (guint c = 0; c < ccp_report_item_get_n_copies (item); c++)
                {
                  const char * const *copy = ccp_report_item_get_copy (item, c);

                  if (g_str_equal (copy[0], ccp_plan_get_city (input->plan)) &&
                      g_str_equal (copy[2], ccp_activity_get_id (original)))
                    g_assert_true (ccp_merge_decode_field (restored, ccp_report_item_get_code (item),
                                                           copy[3]));
                }
            }

          for (const char * const *f = ccp_merge_compared_fields (); *f != NULL; f++)
            {
              g_autofree char *a = ccp_merge_encode_field (original, *f);
              g_autofree char *b = ccp_merge_encode_field (restored, *f);

              g_assert_cmpstr (a, ==, b);
            }
        }
    }
}

static guint
n_cases (void)
{
  return g_test_slow () ? 1000 : 200;
}

static void
test_lossless_and_order (void)
{
  for (guint32 seed = 1; seed <= n_cases (); seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) inputs = make_case (rand, seed);
      g_autoptr(GPtrArray) other_order = shuffled (inputs, rand);
      g_autoptr(CcpFieldPlan) result = merge_ok (NULL, inputs);
      g_autoptr(CcpFieldPlan) result2 = merge_ok (NULL, other_order);

      assert_lossless (result, inputs, seed);
      assert_joint_copies_restorable (result, inputs);
      assert_same_bytes (result, result2, seed, "shuffled inputs");
    }
}

static void
test_idempotent (void)
{
  for (guint32 seed = 1; seed <= n_cases (); seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) inputs = make_case (rand, seed);
      g_autoptr(CcpFieldPlan) result = merge_ok (NULL, inputs);
      g_autoptr(CcpFieldPlan) read_back = reread (result);
      g_autoptr(GPtrArray) some = g_ptr_array_new ();
      g_autoptr(CcpFieldPlan) again = merge_ok (read_back, inputs);
      g_autoptr(CcpFieldPlan) partly = NULL;

      /* Merging the same files again, all or some, changes nothing. */
      assert_same_bytes (result, again, seed, "merged into itself");
      for (guint i = 0; i < inputs->len; i += 2)
        g_ptr_array_add (some, g_ptr_array_index (inputs, i));
      partly = merge_ok (read_back, some);
      assert_same_bytes (result, partly, seed, "some files merged again");
      g_assert_cmpuint (ccp_field_plan_get_revision (again), ==, 1);
    }
}

static void
split3 (GPtrArray *inputs,
        GRand     *rand,
        GPtrArray *a,
        GPtrArray *b,
        GPtrArray *c)
{
  GPtrArray *parts[3] = { a, b, c };

  /* The first three inputs are first revisions of distinct cities: each part gets one, so
   * that every part has something to accept. */
  for (guint i = 0; i < inputs->len; i++)
    {
      guint part = i < 3 ? i : (guint) g_rand_int_range (rand, 0, 3);

      g_ptr_array_add (parts[part], g_ptr_array_index (inputs, i));
    }
}

static GPtrArray *
concat (GPtrArray *x,
        GPtrArray *y)
{
  GPtrArray *all = g_ptr_array_new ();

  g_ptr_array_extend (all, x, NULL, NULL);
  g_ptr_array_extend (all, y, NULL, NULL);
  return all;
}

static void
test_associative (void)
{
  for (guint32 seed = 1; seed <= n_cases (); seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) inputs = make_case (rand, seed);
      g_autoptr(GPtrArray) a = g_ptr_array_new ();
      g_autoptr(GPtrArray) b = g_ptr_array_new ();
      g_autoptr(GPtrArray) c = g_ptr_array_new ();
      g_autoptr(GPtrArray) ab = NULL;
      g_autoptr(GPtrArray) bc = NULL;
      g_autoptr(CcpFieldPlan) f_ab = NULL, f_bc = NULL, f_c = NULL;
      g_autoptr(CcpFieldPlan) left = NULL, right = NULL, all = NULL, unpacked = NULL;
      g_autoptr(GPtrArray) field_plans = g_ptr_array_new_with_free_func (input_free);

      /* Inputs 0..2 must be three distinct first plans. */
      g_assert_true (g_str_has_prefix (((Input *) g_ptr_array_index (inputs, 2))->name, "city-"));
      split3 (inputs, rand, a, b, c);
      ab = concat (a, b);
      bc = concat (b, c);

      f_ab = merge_reread (NULL, ab);
      f_bc = merge_reread (NULL, bc);
      left = merge_ok (f_ab, c);     /* (A + B) + C */
      right = merge_ok (f_bc, a);    /* A + (B + C) */
      assert_same_bytes (left, right, seed, "(A+B)+C against A+(B+C)");

      /* And both equal a merge of everything at once, but for the revision. */
      all = merge_ok (NULL, inputs);
      ccp_field_plan_set_revision (left, 1);
      assert_same_bytes (all, left, seed, "(A+B)+C against A+B+C");

      /* Field plans given as inputs are unpacked: merge(F(A+B), F(C)) = merge(A, B, C). */
      f_c = merge_ok (NULL, c);
      {
        Input *x = g_new0 (Input, 1);
        Input *y = g_new0 (Input, 1);

        x->name = g_strdup ("ab.xml");
        x->bytes = ccp_writer_write_field_plan (f_ab);
        y->name = g_strdup ("c.xml");
        y->bytes = ccp_writer_write_field_plan (f_c);
        g_ptr_array_add (field_plans, x);
        g_ptr_array_add (field_plans, y);
      }
      unpacked = merge_ok (NULL, field_plans);
      assert_same_bytes (all, unpacked, seed, "field plans as inputs against A+B+C");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge-properties/lossless-and-order-independent", test_lossless_and_order);
  g_test_add_func ("/merge-properties/idempotent", test_idempotent);
  g_test_add_func ("/merge-properties/associative", test_associative);

  return g_test_run ();
}
