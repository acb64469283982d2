#define G_LOG_DOMAIN "test-item-list"

#include "config.h"

#include "ccp-core.h"

/* One "items-changed" as heard by a listener. */
typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

typedef struct {
  guint     list_changes;
  GPtrArray *items_changed;   /* the items told of, not referenced */
} Owner;

static void
owner_list_changed (gpointer owner)
{
  ((Owner *) owner)->list_changes++;
}

static void
owner_item_changed (gpointer  owner,
                    GObject  *item)
{
  g_ptr_array_add (((Owner *) owner)->items_changed, item);
}

static void
assert_same_items (CcpItemList *list,
                   GListStore  *store)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (ccp_item_list_get_n_items (list), ==, n_items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (item == expected);
      g_assert_true (ccp_item_list_peek (list, i) == expected);
    }
  g_assert_null (ccp_item_list_peek (list, n_items));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n_items));
}

static void
assert_same_changes (GArray *a,
                     GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      Change *x = &g_array_index (a, Change, i);
      Change *y = &g_array_index (b, Change, i);

      g_assert_cmpuint (x->position, ==, y->position);
      g_assert_cmpuint (x->removed, ==, y->removed);
      g_assert_cmpuint (x->added, ==, y->added);
    }
}

/* The same random operations on a CcpItemList and on a GListStore: the same items, and the
 * same "items-changed" (a GListStore's no-op changes left out: ours emits none). */
static void
test_random_against_store (void)
{
  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Owner owner = { 0, g_ptr_array_new () };
      g_autoptr(CcpItemList) list = ccp_item_list_new_owned (CCP_TYPE_PARTNER, &owner,
                                                             owner_item_changed,
                                                             owner_list_changed);
      g_autoptr(GListStore) store = g_list_store_new (CCP_TYPE_PARTNER);
      g_autoptr(GArray) heard = g_array_new (FALSE, FALSE, sizeof (Change));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Change));
      g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_object_unref);
      guint expected_list_changes = 0;

      for (guint i = 0; i < 12; i++)
        {
          g_autofree char *name = g_strdup_printf ("city %u", i);

          g_ptr_array_add (pool, ccp_partner_new_city (name, "FR", "music"));
        }

      g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), heard);
      g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), expected);

      for (guint step = 0; step < 300; step++)
        {
          guint n_items = ccp_item_list_get_n_items (list);
          gpointer item = g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len));
          guint op = g_rand_int_range (rand, 0, 9);
          guint before = expected->len;

          if (op == 0)
            {
              ccp_item_list_append (list, item);
              g_list_store_append (store, item);
            }
          else if (op == 1)
            {
              guint position = g_rand_int_range (rand, 0, n_items + 1);

              ccp_item_list_insert (list, position, item);
              g_list_store_insert (store, position, item);
            }
          else if (op == 2 && n_items > 0)
            {
              guint position = g_rand_int_range (rand, 0, n_items);

              ccp_item_list_remove (list, position);
              g_list_store_remove (store, position);
            }
          else if (op == 3)
            {
              guint position = g_rand_int_range (rand, 0, n_items + 1);
              guint n_removals = g_rand_int_range (rand, 0, n_items - position + 1);
              guint n_additions = g_rand_int_range (rand, 0, 4);
              gpointer additions[4];

              for (guint k = 0; k < n_additions; k++)
                additions[k] = g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len));
              ccp_item_list_splice (list, position, n_removals, additions, n_additions);
              g_list_store_splice (store, position, n_removals, additions, n_additions);
            }
          else if (op == 4 && g_rand_int_range (rand, 0, 10) == 0)
            {
              ccp_item_list_remove_all (list);
              g_list_store_remove_all (store);
            }
          else if (op == 5)
            {
              ccp_item_list_take (list, g_object_ref (item));
              g_list_store_append (store, item);
            }
          else if (op == 6 && n_items > 0)
            {
              guint position = g_rand_int_range (rand, 0, n_items);
              g_autoptr(GObject) stolen = ccp_item_list_steal (list, position);
              g_autoptr(GObject) kept = g_list_model_get_item (G_LIST_MODEL (store), position);

              g_assert_true (stolen == kept);
              g_list_store_remove (store, position);
            }
          else if (op == 7)
            {
              guint position;
              guint store_position;
              gboolean found = ccp_item_list_find (list, item, &position);

              g_assert_cmpint (found, ==, g_list_store_find (store, item, &store_position));
              if (found)
                g_assert_cmpuint (position, ==, store_position);
            }
          else if (op == 8)
            {
              /* An item changed: the owner hears of it once per place it has in the list. */
              guint told = owner.items_changed->len;
              g_autofree char *name = g_strdup_printf ("renamed %u", step);
              guint places = 0;

              for (guint k = 0; k < n_items; k++)
                places += ccp_item_list_peek (list, k) == item;
              ccp_partner_set_name (item, name);
              g_assert_cmpuint (owner.items_changed->len, ==, told + places);
              for (guint k = told; k < owner.items_changed->len; k++)
                g_assert_true (g_ptr_array_index (owner.items_changed, k) == item);
            }

          /* A GListStore also emits a change of nothing (a splice of 0 and 0). */
          if (expected->len > before)
            {
              Change *last = &g_array_index (expected, Change, expected->len - 1);

              if (last->removed == 0 && last->added == 0)
                g_array_set_size (expected, expected->len - 1);
              else
                expected_list_changes++;
            }

          assert_same_items (list, store);
          assert_same_changes (heard, expected);
          g_assert_cmpuint (owner.list_changes, ==, expected_list_changes);
        }

      g_ptr_array_unref (owner.items_changed);
    }
}

/* An item let go of by the list no longer tells its owner; one still in the list at another
 * position does. */
static void
test_holder (void)
{
  Owner owner = { 0, g_ptr_array_new () };
  g_autoptr(CcpItemList) list = ccp_item_list_new_owned (CCP_TYPE_PARTNER, &owner,
                                                         owner_item_changed,
                                                         owner_list_changed);
  g_autoptr(CcpPartner) a = ccp_partner_new_organisation ("A", "");
  g_autoptr(CcpPartner) b = ccp_partner_new_organisation ("B", "");

  ccp_item_list_append (list, a);
  ccp_item_list_append (list, a);
  ccp_item_list_append (list, b);
  g_assert_cmpuint (owner.list_changes, ==, 3);

  ccp_item_list_remove (list, 0);
  ccp_partner_set_name (a, "A2");
  g_assert_cmpuint (owner.items_changed->len, ==, 1);

  ccp_item_list_remove (list, 0);
  ccp_partner_set_name (a, "A3");
  g_assert_cmpuint (owner.items_changed->len, ==, 1);

  ccp_partner_set_name (b, "B2");
  g_assert_cmpuint (owner.items_changed->len, ==, 2);

  /* Replaced by itself in a splice: still held. */
  ccp_item_list_splice (list, 0, 1, (gpointer *) &b, 1);
  ccp_partner_set_name (b, "B3");
  g_assert_cmpuint (owner.items_changed->len, ==, 3);

  /* The list gone, the item lives on and tells nobody. */
  g_clear_object (&list);
  ccp_partner_set_name (b, "B4");
  g_assert_cmpuint (owner.items_changed->len, ==, 3);

  g_ptr_array_unref (owner.items_changed);
}

/* Moving items between lists keeps their references and re-points their holder. */
static void
test_steal_take_all (void)
{
  Owner first_owner = { 0, g_ptr_array_new () };
  Owner second_owner = { 0, g_ptr_array_new () };
  g_autoptr(CcpItemList) first = ccp_item_list_new_owned (CCP_TYPE_PARTNER, &first_owner,
                                                          owner_item_changed,
                                                          owner_list_changed);
  g_autoptr(CcpItemList) second = ccp_item_list_new_owned (CCP_TYPE_PARTNER, &second_owner,
                                                           owner_item_changed,
                                                           owner_list_changed);
  g_autoptr(GArray) heard = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) items = NULL;
  CcpPartner *a = ccp_partner_new_organisation ("A", "");
  CcpPartner *b = ccp_partner_new_organisation ("B", "");
  GWeakRef weak;

  g_weak_ref_init (&weak, a);
  ccp_item_list_take (first, a);
  ccp_item_list_take (first, b);
  ccp_item_list_take (second, ccp_partner_new_organisation ("C", ""));
  g_signal_connect (second, "items-changed", G_CALLBACK (record_cb), heard);

  items = ccp_item_list_steal_all (first);
  g_assert_cmpuint (ccp_item_list_get_n_items (first), ==, 0);
  g_assert_cmpuint (items->len, ==, 2);
  ccp_item_list_take_all (second, items);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (ccp_item_list_get_n_items (second), ==, 3);
  g_assert_true (ccp_item_list_peek (second, 1) == a);
  g_assert_true (ccp_item_list_peek (second, 2) == b);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpuint (g_array_index (heard, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (heard, Change, 0).added, ==, 2);
  g_assert_cmpuint (first_owner.list_changes, ==, 3);
  g_assert_cmpuint (second_owner.list_changes, ==, 2);

  ccp_partner_set_name (a, "A2");
  g_assert_cmpuint (first_owner.items_changed->len, ==, 0);
  g_assert_cmpuint (second_owner.items_changed->len, ==, 1);

  /* The only reference is the second list's. */
  g_clear_object (&second);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);

  g_ptr_array_unref (first_owner.items_changed);
  g_ptr_array_unref (second_owner.items_changed);
}

/* A list for views and sorters: GtkSortListModel and GtkFilterListModel rely only on
 * GListModel; a GListModel-only consumer (gio's own) sees every change. */
static void
test_list_model (void)
{
  g_autoptr(CcpItemList) list = ccp_item_list_new (CCP_TYPE_RESULT);
  g_autoptr(CcpResult) result = ccp_result_new ("out", "ind");
  g_autoptr(GArray) heard = g_array_new (FALSE, FALSE, sizeof (Change));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CCP_TYPE_RESULT);
  g_assert_true (ccp_item_list_get_item_type (list) == CCP_TYPE_RESULT);

  /* Nobody listens: nothing to hear, and nothing breaks. */
  ccp_item_list_append (list, result);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), heard);
  ccp_item_list_append (list, result);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpuint (g_array_index (heard, Change, 0).position, ==, 1);
  /* A free-standing list tells the item nothing: setting it is harmless. */
  ccp_result_set_outcome (result, "changed");
  ccp_item_list_remove_all (list);
  g_assert_cmpuint (heard->len, ==, 2);
  g_assert_cmpuint (g_array_index (heard, Change, 1).removed, ==, 2);
  /* Removing nothing is no change. */
  ccp_item_list_remove_all (list);
  ccp_item_list_splice (list, 0, 0, NULL, 0);
  g_assert_cmpuint (heard->len, ==, 2);
}

/* Items in one, two, three lists or one list twice (a second list is kept in the item's head
 * itself, more make an array): after random inserts and removals in three lists, a change of
 * each item tells each owner once per place the item has in its list. */
static void
test_random_holders (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (616);

  for (guint round = 0; round < 40; round++)
    {
      Owner owners[3] = { { 0, NULL }, };
      CcpItemList *lists[3];
      CcpPartner *items[4];

      for (guint k = 0; k < 3; k++)
        {
          owners[k].items_changed = g_ptr_array_new ();
          lists[k] = ccp_item_list_new_owned (CCP_TYPE_PARTNER, &owners[k], owner_item_changed,
                                              owner_list_changed);
        }
      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        items[i] = ccp_partner_new_organisation ("P", "");

      for (guint step = 0; step < 60; step++)
        {
          CcpItemList *list = lists[g_rand_int_range (rand, 0, 3)];
          guint n = ccp_item_list_get_n_items (list);

          if (n > 0 && g_rand_boolean (rand))
            ccp_item_list_remove (list, g_rand_int_range (rand, 0, (gint32) n));
          else
            ccp_item_list_insert (list, g_rand_int_range (rand, 0, (gint32) n + 1),
                                  items[g_rand_int_range (rand, 0, G_N_ELEMENTS (items))]);

          for (guint i = 0; i < G_N_ELEMENTS (items); i++)
            {
              g_autofree char *name = g_strdup_printf ("P%u-%u", step, i);

              for (guint k = 0; k < 3; k++)
                g_ptr_array_set_size (owners[k].items_changed, 0);
              ccp_partner_set_name (items[i], name);
              for (guint k = 0; k < 3; k++)
                {
                  guint places = 0;

                  for (guint p = 0; p < ccp_item_list_get_n_items (lists[k]); p++)
                    places += ccp_item_list_peek (lists[k], p) == items[i];
                  g_assert_cmpuint (owners[k].items_changed->len, ==, places);
                }
            }
        }

      for (guint k = 0; k < 3; k++)
        ccp_item_list_remove_all (lists[k]);
      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        {
          for (guint k = 0; k < 3; k++)
            g_ptr_array_set_size (owners[k].items_changed, 0);
          ccp_partner_set_name (items[i], "gone");
          for (guint k = 0; k < 3; k++)
            g_assert_cmpuint (owners[k].items_changed->len, ==, 0);
          g_object_unref (items[i]);
        }
      for (guint k = 0; k < 3; k++)
        {
          g_object_unref (lists[k]);
          g_ptr_array_unref (owners[k].items_changed);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-list/random-against-store", test_random_against_store);
  g_test_add_func ("/item-list/holder", test_holder);
  g_test_add_func ("/item-list/random-holders", test_random_holders);
  g_test_add_func ("/item-list/steal-take-all", test_steal_take_all);
  g_test_add_func ("/item-list/list-model", test_list_model);

  return g_test_run ();
}
