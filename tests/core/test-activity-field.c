/* test-activity-field.c: the field table covers every field of an activity, and its accessors
 * read, write, compare and copy what they say. */
#include "config.h"

#include "ccp-core.h"

/* Every property of CcpActivity has a row, and every row names a property. */
static void
test_covers_every_property (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CCP_TYPE_ACTIVITY);
  guint n_props = 0, n_fields = 0;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_props);
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);

  for (guint i = 0; i < n_props; i++)
    g_assert_nonnull (ccp_activity_field_find (props[i]->name));
  for (guint i = 0; i < n_fields; i++)
    {
      const CcpActivityField *f = &fields[i];

      g_assert_true (f == ccp_activity_field_find (f->name));
      g_assert_nonnull (f->csv_column);
      g_assert_nonnull (f->label);
      /* A list has no GObject property: it is reached through get_list. */
      if (f->get_list == NULL)
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), f->name));
      if (f->type == CCP_FIELD_TYPE_NONE_ANSWER)
        {
          const CcpActivityField *answered = ccp_activity_field_find (f->none_of);

          g_assert_nonnull (answered);
          g_assert_true (ccp_activity_field_none_of (answered) == f);
          g_assert_cmpstr (answered->element, ==, f->element);
        }
      if (f->type == CCP_FIELD_TYPE_CODE || f->type == CCP_FIELD_TYPE_CODES)
        g_assert_nonnull (f->vocabulary);
      /* Rows sharing an element are contiguous. */
      if (i > 1 && f->element != NULL && g_strcmp0 (fields[i - 1].element, f->element) != 0)
        for (guint j = 0; j + 1 < i; j++)
          g_assert_cmpstr (fields[j].element, !=, f->element);
    }
}

static CcpActivity *
sample (void)
{
  CcpActivity *a = ccp_activity_new ("a1");
  const char *objectives[] = { "1", "3", NULL };
  const char *funding[] = { "City", "Region", NULL };
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Liverpool", "GB", "music");
  g_autoptr(CcpResult) result = ccp_result_new ("More concerts", "12 concerts");

  ccp_activity_set_title (a, "Week");
  ccp_activity_set_flagship (a, TRUE);
  ccp_activity_set_objectives (a, objectives);
  ccp_activity_set_funding (a, funding);
  ccp_item_list_append (ccp_activity_get_partner_cities (a), city);
  ccp_item_list_append (ccp_activity_get_results (a), result);
  return a;
}

/* Copying every field through the table gives an equal activity; each field differs from an
 * empty activity exactly where the sample set it. */
static void
test_copy_equal_empty (void)
{
  g_autoptr(CcpActivity) a = sample ();
  g_autoptr(CcpActivity) empty = ccp_activity_new ("a1");
  g_autoptr(CcpActivity) b = ccp_activity_new ("");
  guint n = 0;
  const CcpActivityField *fields = ccp_activity_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      const CcpActivityField *f = &fields[i];
      gboolean set = g_strv_contains ((const char * const[]) { "id", "title", "flagship",
                                                               "objectives", "funding",
                                                               "partner-cities", "results",
                                                               NULL }, f->name);

      g_assert_cmpint (!ccp_activity_field_is_empty (f, a), ==, set);
      g_assert_cmpint (ccp_activity_field_equal (f, a, empty), ==, !set || g_str_equal (f->name, "id"));
      ccp_activity_field_copy (f, a, b);
      g_assert_true (ccp_activity_field_equal (f, a, b));
    }
  g_assert_true (ccp_activity_equal (a, b));
}

static void
test_strings_and_rows (void)
{
  g_autoptr(CcpActivity) a = sample ();
  const CcpActivityField *objectives = ccp_activity_field_find ("objectives");
  const CcpActivityField *flagship = ccp_activity_field_find ("flagship");
  const CcpActivityField *cities = ccp_activity_field_find ("partner-cities");
  const CcpActivityField *funding = ccp_activity_field_find ("funding");
  g_autofree char *codes = ccp_activity_field_to_string (objectives, a);
  g_autofree char *flag = ccp_activity_field_to_string (flagship, a);
  g_autoptr(GPtrArray) rows = ccp_activity_field_get_rows (cities, a);
  g_autoptr(GPtrArray) texts = ccp_activity_field_get_rows (funding, a);
  g_autoptr(CcpPartner) first = NULL;

  g_assert_cmpstr (codes, ==, "1 3");
  g_assert_cmpstr (flag, ==, "true");
  g_assert_null (ccp_activity_field_to_string (cities, a));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0),
                    ((const char * const[]) { "Liverpool", "GB", "music", NULL }));
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (texts, 1))[0], ==, "Region");

  g_assert_true (ccp_activity_field_from_string (objectives, a, " 6  2 2"));
  g_assert_cmpstrv ((char **) ccp_activity_get_objectives (a),
                    ((const char * const[]) { "2", "6", NULL }));
  g_assert_false (ccp_activity_field_from_string (flagship, a, "yes"));
  g_assert_true (ccp_activity_get_flagship (a));
  g_assert_true (ccp_activity_field_from_string (flagship, a, "false"));
  g_assert_false (ccp_activity_get_flagship (a));
  g_assert_false (ccp_activity_field_from_string (cities, a, "x"));

  /* A short row fills the missing columns with "". */
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char * const[]) { "Leiria", NULL }));
  ccp_activity_field_set_rows (cities, a, rows);
  first = g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_partner_cities (a)), 0);
  g_assert_cmpstr (ccp_partner_get_name (first), ==, "Leiria");
  g_assert_cmpstr (ccp_partner_get_country (first), ==, "");
  g_assert_cmpint (ccp_partner_get_kind (first), ==, CCP_PARTNER_KIND_CITY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/activity-field/covers-every-property", test_covers_every_property);
  g_test_add_func ("/activity-field/copy-equal-empty", test_copy_equal_empty);
  g_test_add_func ("/activity-field/strings-and-rows", test_strings_and_rows);
  return g_test_run ();
}
