#define G_LOG_DOMAIN "test-activity"

#include "config.h"

#include <string.h>

#include "ccp-core.h"
#include "ccp-test-util.h"

static void
test_defaults (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new (NULL);
  g_autoptr(CcpActivity) named = ccp_activity_new ("a7");

  g_assert_cmpstr (ccp_activity_get_id (activity), ==, "");
  g_assert_cmpstr (ccp_activity_get_id (named), ==, "a7");
  g_assert_cmpstr (ccp_activity_get_title (activity), ==, "");
  g_assert_cmpstr (ccp_activity_get_description (activity), ==, "");
  g_assert_cmpstr (ccp_activity_get_kind (activity), ==, "");
  g_assert_cmpstr (ccp_activity_get_budget_amount (activity), ==, "");
  g_assert_cmpstr (ccp_activity_get_place (activity), ==, "");
  g_assert_false (ccp_activity_get_flagship (activity));
  g_assert_false (ccp_activity_get_sdgs_none (activity));
  g_assert_nonnull (ccp_activity_get_objectives (activity));
  g_assert_null (ccp_activity_get_objectives (activity)[0]);
  g_assert_nonnull (ccp_activity_get_areas (activity));
  g_assert_nonnull (ccp_activity_get_sdgs (activity));
  g_assert_nonnull (ccp_activity_get_funding (activity));
  g_assert_null (ccp_activity_get_funding (activity)[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_results (activity))),
                    ==, 0);
  g_assert_true (g_list_model_get_item_type (
                   G_LIST_MODEL (ccp_activity_get_partner_cities (activity))) == CCP_TYPE_PARTNER);
  g_assert_true (g_list_model_get_item_type (
                   G_LIST_MODEL (ccp_activity_get_attributions (activity))) ==
                 CCP_TYPE_ATTRIBUTION);
  g_assert_true (ccp_activity_equal (activity, activity));
  g_assert_false (ccp_activity_equal (activity, named));
}

/* A value for a property that differs from the current one. */
static void
other_value (GObject    *object,
             GParamSpec *pspec,
             GValue     *value,
             guint       round)
{
  g_value_init (value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strdup_printf ("value %u of %s", round, pspec->name);

      g_value_set_string (value, text);
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      gboolean current;

      g_object_get (object, pspec->name, &current, NULL);
      g_value_set_boolean (value, !current);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      g_autofree char *code = g_strdup_printf ("%u", round + 1);
      const char * const codes[] = { code, NULL };

      g_value_set_boxed (value, codes);
    }
  else
    g_assert_not_reached ();
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (activity), &n_pspecs);
  /* 24, and the two of the carried-over link (format 1.1). */
  g_assert_cmpuint (n_pspecs, ==, 26);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autofree char *detailed = g_strdup_printf ("notify::%s", pspec->name);
      guint notified = 0, changed = 0, all_notified = 0;
      gulong id1, id2, id3;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      id1 = g_signal_connect (activity, detailed, G_CALLBACK (ccp_test_count_notify_cb), &notified);
      id2 = g_signal_connect (activity, "notify", G_CALLBACK (ccp_test_count_notify_cb),
                              &all_notified);
      id3 = g_signal_connect (activity, "changed", G_CALLBACK (ccp_test_count_cb), &changed);

      for (guint round = 0; round < 2; round++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) read = G_VALUE_INIT;

          other_value (G_OBJECT (activity), pspec, &value, round);
          g_object_set_property (G_OBJECT (activity), pspec->name, &value);
          g_assert_cmpuint (notified, ==, 2 * round + 1);
          g_assert_cmpuint (changed, ==, 2 * round + 1);

          /* The same value again: nothing happens. */
          g_object_set_property (G_OBJECT (activity), pspec->name, &value);
          g_assert_cmpuint (notified, ==, 2 * round + 1);
          g_assert_cmpuint (changed, ==, 2 * round + 1);

          g_value_init (&read, pspec->value_type);
          g_object_get_property (G_OBJECT (activity), pspec->name, &read);
          g_assert_true (g_param_values_cmp (pspec, &value, &read) == 0 ||
                         pspec->value_type == G_TYPE_STRV);

          if (pspec->value_type != G_TYPE_BOOLEAN)
            {
              /* Reset, so the next round changes it again. */
              g_auto(GValue) empty = G_VALUE_INIT;

              g_value_init (&empty, pspec->value_type);
              g_object_set_property (G_OBJECT (activity), pspec->name, &empty);
            }
          else
            {
              g_auto(GValue) flipped = G_VALUE_INIT;

              g_value_init (&flipped, G_TYPE_BOOLEAN);
              g_value_set_boolean (&flipped, !g_value_get_boolean (&value));
              g_object_set_property (G_OBJECT (activity), pspec->name, &flipped);
            }
          g_assert_cmpuint (notified, ==, 2 * round + 2);
          g_assert_cmpuint (changed, ==, 2 * round + 2);
        }

      /* Only this property notified. */
      g_assert_cmpuint (all_notified, ==, notified);

      g_signal_handler_disconnect (activity, id1);
      g_signal_handler_disconnect (activity, id2);
      g_signal_handler_disconnect (activity, id3);
    }
}

static void
test_strings_never_null (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  guint notified = 0;

  ccp_activity_set_title (activity, "Festival");
  g_signal_connect (activity, "notify::title", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_activity_set_title (activity, NULL);
  g_assert_cmpstr (ccp_activity_get_title (activity), ==, "");
  g_assert_cmpuint (notified, ==, 1);
  ccp_activity_set_title (activity, "");
  g_assert_cmpuint (notified, ==, 1);

  ccp_activity_set_objectives (activity, NULL);
  g_assert_nonnull (ccp_activity_get_objectives (activity));
  ccp_activity_set_funding (activity, NULL);
  g_assert_nonnull (ccp_activity_get_funding (activity));
  g_assert_null (ccp_activity_get_funding (activity)[0]);
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_autofree char *a = g_strjoinv (",", (char **) actual);
  g_autofree char *e = g_strjoinv (",", (char **) expected);

  g_assert_cmpstr (a, ==, e);
}

static void
test_codes_sorted (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  const char * const numbers[] = { "10", "2", "17", "2", "1", "", NULL };
  const char * const reordered[] = { "1", "17", "10", "2", NULL };
  const char * const words[] = { "b", "a", "b", NULL };
  const char * const mixed[] = { "10", "x", "2", NULL };
  const char * const funding[] = { "Zeta", "Alpha", "Zeta", NULL };
  guint notified = 0;

  ccp_activity_set_sdgs (activity, numbers);
  assert_strv (ccp_activity_get_sdgs (activity),
               (const char * const []) { "1", "2", "10", "17", NULL });

  /* The same set in another order is no change. */
  g_signal_connect (activity, "notify::sdgs", G_CALLBACK (ccp_test_count_notify_cb), &notified);
  ccp_activity_set_sdgs (activity, reordered);
  g_assert_cmpuint (notified, ==, 0);

  ccp_activity_set_objectives (activity, words);
  assert_strv (ccp_activity_get_objectives (activity), (const char * const []) { "a", "b", NULL });

  /* Not all numbers: sorted as text. */
  ccp_activity_set_areas (activity, mixed);
  assert_strv (ccp_activity_get_areas (activity),
               (const char * const []) { "10", "2", "x", NULL });

  /* Funding is free text: kept as given. */
  ccp_activity_set_funding (activity, funding);
  assert_strv (ccp_activity_get_funding (activity), funding);

  /* Through the property too. */
  g_object_set (activity, "objectives", (const char * const []) { "6", "3", "3", NULL }, NULL);
  assert_strv (ccp_activity_get_objectives (activity), (const char * const []) { "3", "6", NULL });
}

static void
test_toggle_code (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  guint notified = 0, changed = 0;

  g_signal_connect (activity, "notify::objectives", G_CALLBACK (ccp_test_count_notify_cb),
                    &notified);
  g_signal_connect (activity, "changed", G_CALLBACK (ccp_test_count_cb), &changed);

  ccp_activity_toggle_code (activity, "objectives", "3", TRUE);
  ccp_activity_toggle_code (activity, "objectives", "1", TRUE);
  ccp_activity_toggle_code (activity, "objectives", "12", TRUE);
  assert_strv (ccp_activity_get_objectives (activity),
               (const char * const []) { "1", "3", "12", NULL });
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changed, ==, 3);

  /* Already there / already absent: no change. */
  ccp_activity_toggle_code (activity, "objectives", "3", TRUE);
  ccp_activity_toggle_code (activity, "objectives", "4", FALSE);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changed, ==, 3);

  ccp_activity_toggle_code (activity, "objectives", "3", FALSE);
  assert_strv (ccp_activity_get_objectives (activity), (const char * const []) { "1", "12", NULL });
  g_assert_cmpuint (notified, ==, 4);

  ccp_activity_toggle_code (activity, "sdgs", "11", TRUE);
  ccp_activity_toggle_code (activity, "areas", "2", TRUE);
  g_assert_true (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "11"));
  g_assert_false (ccp_activity_has_code (ccp_activity_get_sdgs (activity), "1"));
  g_assert_true (ccp_activity_has_code (ccp_activity_get_areas (activity), "2"));
  g_assert_false (ccp_activity_has_code (NULL, "2"));
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpuint (changed, ==, 6);

  g_test_expect_message ("ccp-activity", G_LOG_LEVEL_CRITICAL, "*funding*");
  ccp_activity_toggle_code (activity, "funding", "x", TRUE);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_count_words (void)
{
  g_assert_cmpuint (ccp_activity_count_words (NULL), ==, 0);
  g_assert_cmpuint (ccp_activity_count_words (""), ==, 0);
  g_assert_cmpuint (ccp_activity_count_words ("   \t\n "), ==, 0);
  g_assert_cmpuint (ccp_activity_count_words ("one"), ==, 1);
  g_assert_cmpuint (ccp_activity_count_words ("one two"), ==, 2);
  g_assert_cmpuint (ccp_activity_count_words ("  one   two  "), ==, 2);
  g_assert_cmpuint (ccp_activity_count_words ("one\ttwo\nthree\r\nfour"), ==, 4);
  g_assert_cmpuint (ccp_activity_count_words ("café créatif à Lyon"), ==, 4);
  g_assert_cmpuint (ccp_activity_count_words ("مدينة الإبداع والثقافة"), ==, 3);
  /* Chinese: one word per character (see /activity/count-words-cjk). */
  g_assert_cmpuint (ccp_activity_count_words ("创意城市 音乐节"), ==, 7);
  /* No-break space, ideographic space and em space separate words. */
  g_assert_cmpuint (ccp_activity_count_words ("a\u00a0b\u3000c\u2003d"), ==, 4);
  g_assert_cmpuint (ccp_activity_count_words ("R&D <open> \"live\" l'atelier"), ==, 4);
  /* Punctuation alone is a word (a run of non-space). */
  g_assert_cmpuint (ccp_activity_count_words ("a - b"), ==, 3);
  /* Form feed separates, vertical tab does not (as g_unichar_isspace() has them), in ASCII
   * text and in text with other characters alike. */
  g_assert_cmpuint (ccp_activity_count_words ("a\fb\vc"), ==, 2);
  g_assert_cmpuint (ccp_activity_count_words ("é\fb\vc"), ==, 2);
  /* Invalid UTF-8 does not stop the count. */
  g_assert_cmpuint (ccp_activity_count_words ("a\xff" "b c"), ==, 2);

  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < CCP_DESCRIPTION_WORD_LIMIT + 1; i++)
      g_string_append (text, i % 3 == 0 ? "word\n" : "word ");
    g_assert_cmpuint (ccp_activity_count_words (text->str), ==, CCP_DESCRIPTION_WORD_LIMIT + 1);
    g_string_free (text, TRUE);
  }
}

static void
test_changed_on_nested (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Seoul", "KR", "design");
  g_autoptr(CcpPartner) other = ccp_partner_new_city ("Dakar", "SN", "media-arts");
  g_autoptr(CcpPartner) organisation = ccp_partner_new_organisation ("Museum", "public");
  g_autoptr(CcpResult) result = ccp_result_new ("Outcome", "");
  CcpItemList *cities = ccp_activity_get_partner_cities (activity);
  guint changed = 0;

  g_signal_connect (activity, "changed", G_CALLBACK (ccp_test_count_cb), &changed);

  ccp_item_list_append (cities, city);
  g_assert_cmpuint (changed, ==, 1);
  ccp_item_list_append (cities, other);
  g_assert_cmpuint (changed, ==, 2);

  ccp_partner_set_name (city, "Seoul ");
  g_assert_cmpuint (changed, ==, 3);
  ccp_partner_set_name (city, "Seoul ");
  g_assert_cmpuint (changed, ==, 3);
  ccp_partner_set_field (other, "film");
  g_assert_cmpuint (changed, ==, 4);

  ccp_item_list_append (ccp_activity_get_partner_organisations (activity), organisation);
  g_assert_cmpuint (changed, ==, 5);
  ccp_partner_set_sector (organisation, "private");
  g_assert_cmpuint (changed, ==, 6);

  ccp_item_list_append (ccp_activity_get_results (activity), result);
  g_assert_cmpuint (changed, ==, 7);
  ccp_result_set_indicator (result, "100 visitors");
  g_assert_cmpuint (changed, ==, 8);

  {
    g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Lyon", "FR", "p1", "a1");

    ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
    g_assert_cmpuint (changed, ==, 9);
  }

  /* A splice that removes two and adds one is one change. */
  {
    g_autoptr(CcpPartner) third = ccp_partner_new_city ("Quito", "EC", "architecture");
    gpointer additions[] = { third };

    ccp_item_list_splice (cities, 0, 2, additions, 1);
    g_assert_cmpuint (changed, ==, 10);
    ccp_partner_set_country (third, "EC ");
    g_assert_cmpuint (changed, ==, 11);
  }

  /* Removed items no longer count, even though they live on. */
  ccp_partner_set_name (city, "Seoul");
  ccp_partner_set_name (other, "Dakar ");
  g_assert_cmpuint (changed, ==, 11);

  ccp_item_list_remove (ccp_activity_get_results (activity), 0);
  g_assert_cmpuint (changed, ==, 12);
  ccp_result_set_outcome (result, "Other");
  g_assert_cmpuint (changed, ==, 12);

  /* The same item in two activities reports to both. */
  {
    g_autoptr(CcpActivity) second = ccp_activity_new ("a2");
    guint changed2 = 0;

    g_signal_connect (second, "changed", G_CALLBACK (ccp_test_count_cb), &changed2);
    ccp_item_list_append (ccp_activity_get_results (activity), result);
    ccp_item_list_append (ccp_activity_get_results (second), result);
    g_assert_cmpuint (changed, ==, 13);
    g_assert_cmpuint (changed2, ==, 1);
    ccp_result_set_outcome (result, "Shared");
    g_assert_cmpuint (changed, ==, 14);
    g_assert_cmpuint (changed2, ==, 2);
  }
}

static void
test_items_outlive_activity (void)
{
  CcpActivity *activity = ccp_activity_new ("a1");
  g_autoptr(CcpPartner) city = ccp_partner_new_city ("Seoul", "KR", "design");
  g_autoptr(CcpItemList) results = NULL;
  g_autoptr(CcpResult) result = ccp_result_new ("x", "y");

  ccp_item_list_append (ccp_activity_get_partner_cities (activity), city);
  results = g_object_ref (ccp_activity_get_results (activity));
  ccp_item_list_append (results, result);
  g_object_unref (activity);

  /* Neither the item nor the store may call back into the freed activity. */
  ccp_partner_set_name (city, "Busan");
  ccp_result_set_outcome (result, "z");
  ccp_item_list_remove_all (results);
  g_assert_cmpstr (ccp_partner_get_name (city), ==, "Busan");
}

/* An item in several lists (two activities, or one list twice) tells each of them, for as long
 * as it is in them. */
static void
test_shared_item (void)
{
  g_autoptr(CcpActivity) first = ccp_activity_new ("a1");
  g_autoptr(CcpActivity) second = ccp_activity_new ("a2");
  g_autoptr(CcpPartner) partner = ccp_partner_new_organisation ("Museum", "public");
  CcpItemList *first_list = ccp_activity_get_partner_organisations (first);
  guint first_changed = 0, second_changed = 0;

  ccp_item_list_append (first_list, partner);
  ccp_item_list_append (first_list, partner);
  ccp_item_list_append (ccp_activity_get_partner_organisations (second), partner);
  g_signal_connect (first, "changed", G_CALLBACK (ccp_test_count_cb), &first_changed);
  g_signal_connect (second, "changed", G_CALLBACK (ccp_test_count_cb), &second_changed);

  ccp_partner_set_name (partner, "Museum & Archive");
  g_assert_cmpuint (first_changed, ==, 2);
  g_assert_cmpuint (second_changed, ==, 1);

  /* Out of one place in the first list: still in its other one. */
  ccp_item_list_remove (first_list, 0);
  first_changed = second_changed = 0;
  ccp_partner_set_sector (partner, "private");
  g_assert_cmpuint (first_changed, ==, 1);
  g_assert_cmpuint (second_changed, ==, 1);

  ccp_item_list_remove_all (first_list);
  first_changed = second_changed = 0;
  ccp_partner_set_name (partner, "Archive");
  g_assert_cmpuint (first_changed, ==, 0);
  g_assert_cmpuint (second_changed, ==, 1);
}

static void
test_copy_equal (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Lyon", "FR", "literature", "2027-H1", 0);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CcpActivity) activity = ccp_test_random_activity (rand, plan);
      g_autoptr(CcpActivity) copy = ccp_activity_copy (activity);
      g_autoptr(CcpAttribution) attribution = ccp_attribution_new ("Lyon", "FR", "p", "a1");
      g_autoptr(CcpActivity) copy2 = NULL;
      g_autoptr(CcpResult) result = ccp_result_new ("Outcome", "Indicator");
      guint n_items;

      g_assert_true (copy != activity);
      g_assert_true (ccp_activity_equal (activity, copy));
      g_assert_true (ccp_activity_equal (copy, activity));

      ccp_item_list_append (ccp_activity_get_attributions (activity), attribution);
      g_assert_false (ccp_activity_equal (activity, copy));
      g_clear_object (&copy);
      copy = ccp_activity_copy (activity);
      g_assert_true (ccp_activity_equal (activity, copy));
      g_assert_cmpuint (g_list_model_get_n_items (
                          G_LIST_MODEL (ccp_activity_get_attributions (copy))), ==, 1);

      /* Lists are copied, not shared. */
      g_assert_true (ccp_activity_get_partner_cities (copy) !=
                     ccp_activity_get_partner_cities (activity));

      n_items = g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_partner_cities (copy)));
      if (n_items > 0)
        {
          g_autoptr(CcpPartner) item =
            g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_partner_cities (copy)),
                                   n_items - 1);
          g_autoptr(CcpPartner) original =
            g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_partner_cities (activity)),
                                   n_items - 1);
          g_autofree char *saved = g_strdup (ccp_partner_get_country (item));

          g_assert_true (item != original);
          ccp_partner_set_country (item, "ZZ");
          g_assert_false (ccp_activity_equal (activity, copy));
          g_assert_cmpstr (ccp_partner_get_country (original), ==, saved);
          ccp_partner_set_country (item, saved);
          g_assert_true (ccp_activity_equal (activity, copy));
        }

      n_items = g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_results (copy)));
      if (n_items > 0)
        {
          g_autoptr(CcpResult) item =
            g_list_model_get_item (G_LIST_MODEL (ccp_activity_get_results (copy)), 0);
          g_autofree char *saved = g_strdup (ccp_result_get_indicator (item));

          ccp_result_set_indicator (item, "changed indicator");
          g_assert_false (ccp_activity_equal (activity, copy));
          ccp_result_set_indicator (item, saved);
          g_assert_true (ccp_activity_equal (activity, copy));
        }

      /* An extra item, or the same items in another order, are differences. */
      ccp_item_list_append (ccp_activity_get_results (copy), result);
      g_assert_false (ccp_activity_equal (activity, copy));
      ccp_item_list_remove (ccp_activity_get_results (copy),
                            g_list_model_get_n_items (
                             G_LIST_MODEL (ccp_activity_get_results (copy))) - 1);
      g_assert_true (ccp_activity_equal (activity, copy));

      ccp_activity_toggle_code (copy, "sdgs", "11",
                                !ccp_activity_has_code (ccp_activity_get_sdgs (copy), "11"));
      g_assert_false (ccp_activity_equal (activity, copy));

      copy2 = ccp_activity_copy (activity);
      ccp_activity_set_budget_none (copy2, !ccp_activity_get_budget_none (copy2));
      g_assert_false (ccp_activity_equal (activity, copy2));
    }
}

/* Every property takes part in equality and copy. */
static void
test_equal_every_property (void)
{
  g_autoptr(CcpActivity) activity = ccp_activity_new ("a1");
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (activity), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(CcpActivity) copy = ccp_activity_copy (activity);
      g_autoptr(CcpActivity) copy2 = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (ccp_activity_equal (activity, copy));
      other_value (G_OBJECT (copy), pspecs[i], &value, 7);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
      g_assert_false (ccp_activity_equal (activity, copy));

      copy2 = ccp_activity_copy (copy);
      g_assert_true (ccp_activity_equal (copy2, copy));
    }
}

/* Chinese and Japanese have no spaces between words: each Han, Hiragana or Katakana character
 * counts as one word, full-width punctuation separates, and Latin runs beside them stay whole. */
static void
test_count_words_cjk (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);

  g_assert_cmpuint (ccp_activity_count_words ("音乐节"), ==, 3);
  g_assert_cmpuint (ccp_activity_count_words ("创意城市网络。音乐节，工作坊"), ==, 12);
  g_assert_cmpuint (ccp_activity_count_words ("「音楽」の祭り"), ==, 5);
  g_assert_cmpuint (ccp_activity_count_words ("カラオケ"), ==, 4);
  g_assert_cmpuint (ccp_activity_count_words ("UNESCO创意城市"), ==, 5);
  g_assert_cmpuint (ccp_activity_count_words ("2027年 Bologna音乐节"), ==, 6);
  /* Korean writes spaces: a Hangul word is one word. */
  g_assert_cmpuint (ccp_activity_count_words ("창의 도시"), ==, 2);

  /* A Chinese description of 251 characters is over the limit, though it has no space. */
  for (guint i = 0; i < CCP_DESCRIPTION_WORD_LIMIT + 1; i++)
    g_string_append (long_text, "乐");
  g_assert_cmpuint (ccp_activity_count_words (long_text->str), ==,
                    CCP_DESCRIPTION_WORD_LIMIT + 1);
  g_assert_cmpuint (ccp_activity_count_words (long_text->str), >, CCP_DESCRIPTION_WORD_LIMIT);
}

/* Taking a contribution gives the same attribution as copying it, moves the list items
 * themselves and leaves the per-city fields empty and the shared ones as they were. Sharing
 * it gives the same attribution too, with the activity's own items, the activity unchanged. */
static void
test_attribution_take_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CcpPlan) plan = ccp_test_random_plan (rand, "Lyon", "FR", "music", "2027-H1", 0);
  guint n_fields;
  const CcpActivityField *fields = ccp_activity_fields (&n_fields);
  guint moved_items = 0;
  guint moved_values = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CcpActivity) activity = ccp_test_random_activity (rand, plan);
      g_autoptr(CcpActivity) copy = ccp_activity_copy (activity);
      g_autoptr(CcpAttribution) copied = ccp_attribution_new ("Lyon", "FR", "p", "a1");
      g_autoptr(CcpAttribution) taken = ccp_attribution_new ("Lyon", "FR", "p", "a1");
      g_autoptr(CcpAttribution) shared = ccp_attribution_new ("Lyon", "FR", "p", "a1");
      g_autoptr(CcpActivity) mirror = ccp_activity_copy (activity);
      g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *list = G_LIST_MODEL (ccp_activity_get_results (copy));

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (results, g_list_model_get_item (list, j));

      ccp_attribution_set_values (copied, activity);
      ccp_attribution_take_values (taken, copy);
      g_assert_true (ccp_attribution_equal (copied, taken));
      ccp_attribution_share_values (shared, mirror);
      g_assert_true (ccp_attribution_equal (copied, shared));
      g_assert_true (ccp_activity_equal (mirror, activity));
      list = G_LIST_MODEL (ccp_activity_get_partner_cities (ccp_attribution_get_values (shared)));
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_assert_true (ccp_item_list_peek (ccp_activity_get_partner_cities (mirror), j) ==
                       ccp_item_list_peek (CCP_ITEM_LIST (list), j));

      list = G_LIST_MODEL (ccp_activity_get_results (ccp_attribution_get_values (taken)));
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, results->len);
      for (guint j = 0; j < results->len; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, j);

          g_assert_true (item == g_ptr_array_index (results, j));
          moved_items++;
        }

      for (guint f = 0; f < n_fields; f++)
        {
          if (fields[f].share == CCP_FIELD_SHARE_PER_CITY)
            {
              g_assert_true (ccp_activity_field_is_empty (&fields[f], copy));
              if (!ccp_activity_field_is_empty (&fields[f], activity))
                moved_values++;
            }
          else
            g_assert_true (ccp_activity_field_equal (&fields[f], copy, activity));
        }
    }
  /* The random activities had something to move. */
  g_assert_cmpuint (moved_items, >, 0);
  g_assert_cmpuint (moved_values, >, 40);
}

static gpointer
set_codes_thread (gpointer data)
{
  ccp_activity_set_budget_currency (data, "EUR");
  return NULL;
}

/* A code of a closed vocabulary is held once for every thread (each thread finds it in its own
 * table, the first one to meet it in the shared one); one too long to be held is each
 * activity's own copy, freed with it. */
static void
test_codes_held_once (void)
{
  g_autoptr(CcpActivity) here = ccp_activity_new ("a1");
  g_autoptr(CcpActivity) there = ccp_activity_new ("a2");
  g_autofree char *made_up = g_strnfill (60, 'X');
  GThread *thread = g_thread_new ("set-codes", set_codes_thread, there);

  ccp_activity_set_budget_currency (here, "EUR");
  g_thread_join (thread);
  g_assert_cmpstr (ccp_activity_get_budget_currency (here), ==, "EUR");
  g_assert_true (ccp_activity_get_budget_currency (here) ==
                 ccp_activity_get_budget_currency (there));

  ccp_activity_set_budget_currency (here, made_up);
  ccp_activity_set_budget_currency (there, made_up);
  g_assert_cmpstr (ccp_activity_get_budget_currency (here), ==, made_up);
  g_assert_cmpstr (ccp_activity_get_budget_currency (there), ==, made_up);
  g_assert_true (ccp_activity_get_budget_currency (here) !=
                 ccp_activity_get_budget_currency (there));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity/defaults", test_defaults);
  g_test_add_func ("/activity/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/activity/strings-never-null", test_strings_never_null);
  g_test_add_func ("/activity/codes-sorted", test_codes_sorted);
  g_test_add_func ("/activity/toggle-code", test_toggle_code);
  g_test_add_func ("/activity/codes-held-once", test_codes_held_once);
  g_test_add_func ("/activity/count-words", test_count_words);
  g_test_add_func ("/activity/count-words-cjk", test_count_words_cjk);
  g_test_add_func ("/activity/changed-on-nested", test_changed_on_nested);
  g_test_add_func ("/activity/items-outlive-activity", test_items_outlive_activity);
  g_test_add_func ("/activity/shared-item", test_shared_item);
  g_test_add_func ("/activity/copy-equal", test_copy_equal);
  g_test_add_func ("/activity/equal-every-property", test_equal_every_property);
  g_test_add_func ("/activity/attribution-take-values", test_attribution_take_values);

  return g_test_run ();
}
