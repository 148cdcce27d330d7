/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_follows_table (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "n.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(JxNameList) regions = jx_name_list_new (store, JX_TABLE_REGIONS);
  g_autoptr(JxNameList) stages = jx_name_list_new (store, JX_TABLE_STAGES);
  g_autoptr(JxNamedItem) first = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (regions)), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (regions), 0);
  g_assert_cmpstr (jx_named_item_get_name (first), ==, "East");      /* sorted by name */
  g_assert_cmpuint (jx_name_list_find_id (regions, jx_named_item_get_id (first)), ==, 0);
  g_assert_cmpuint (jx_name_list_find_id (regions, 999), ==, G_MAXUINT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (regions), 4));

  /* Stages come in process order: open stages by position, then won and lost. */
  {
    g_autoptr(JxNamedItem) s0 = g_list_model_get_item (G_LIST_MODEL (stages), 0);
    g_autoptr(JxNamedItem) s6 = g_list_model_get_item (G_LIST_MODEL (stages), 6);
    g_assert_cmpstr (jx_named_item_get_name (s0), ==, "Prospecting");
    g_assert_cmpstr (jx_named_item_get_name (s6), ==, "Lost");
  }

  g_signal_connect (regions, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_true (jx_store_begin (store, "Add region", &error));
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('Central')");
  g_assert_true (jx_store_commit (store, &error));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (regions)), ==, 5);

  /* Changes to other tables leave it alone; undo brings it back. */
  g_assert_true (jx_store_set_setting (store, "company_name", "X", &error));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (regions)), ==, 4);
  jx_test_remove_dir (dir);
}

/* A customer picker: the first matches by name, compared with SQL. */
static void
test_customer_search (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "c.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(JxNameList) customers = jx_name_list_new (store, JX_TABLE_CUSTOMERS);
  g_autoptr(JxNameList) owners = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
  gint64 n_all = jx_test_query_int (store, "SELECT count(*) FROM customers");
  gint64 n_match = jx_test_query_int (store, "SELECT count(*) FROM customers"
                                             " WHERE name LIKE '%at%'");
  gint64 first_id = jx_test_query_int (store, "SELECT id FROM customers WHERE name LIKE '%at%'"
                                              " ORDER BY name LIMIT 1");

  g_assert_cmpint (n_all, >, 100);
  g_assert_cmpint (n_match, >, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, n_all);

  jx_name_list_set_limit (customers, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 50);
  jx_name_list_set_search (customers, "AT");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, MIN (n_match, 50));
  {
    g_autoptr(JxNamedItem) first = g_list_model_get_item (G_LIST_MODEL (customers), 0);
    g_assert_cmpint (jx_named_item_get_id (first), ==, first_id);
  }
  jx_name_list_set_limit (customers, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 2);
  /* LIKE's wildcards are plain characters in a search. */
  jx_name_list_set_search (customers, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 0);
  jx_name_list_set_search (customers, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (customers)), ==, 2);

  jx_name_list_set_search (owners, "zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (owners)), ==, 0);
  {
    g_autoptr(JxNameList) limited = jx_name_list_new_limited (store, JX_TABLE_CUSTOMERS, 7);
    g_autoptr(JxNamedItem) first = g_list_model_get_item (G_LIST_MODEL (limited), 0);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limited)), ==, 7);
    g_assert_cmpint (jx_named_item_get_id (first), ==,
                     jx_test_query_int (store, "SELECT id FROM customers ORDER BY name LIMIT 1"));
  }
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/name-list/follows-table", test_follows_table);
  g_test_add_func ("/jx/name-list/customer-search", test_customer_search);
  return g_test_run ();
}
