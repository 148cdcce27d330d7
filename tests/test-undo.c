/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* Every row of every table as text, to compare whole database states. */
static char *
dump (JxStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 15; i++)
    {
      const char *table = jx_store_table_name (1u << i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                       SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", table);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%d:%s|", sqlite3_column_type (stmt, c),
                                      v ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static void
edit (JxStore    *store,
      const char *label,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_store_begin (store, label, &error));
  jx_test_exec (store, sql);
  g_assert_true (jx_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_undo_redo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "u.db", JX_STORE_OPEN_UNDO, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *s0 = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;

  g_assert_false (jx_store_can_undo (store));
  s0 = dump (store);

  edit (store, "Add East",
        "INSERT INTO regions(name, potential) VALUES ('East', 100);"
        "INSERT INTO customers(name, region_id, tier) VALUES ('Acme', 1, 'key'), ('Beta', 1, NULL);"
        "INSERT INTO deals(ref, customer_id, amount, opened, stage_id) VALUES ('D1', 1, 5000, '2026-01-02', 1);"
        "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES (1, 1, '2026-01-02'), (1, 2, '2026-02-01');");
  s1 = dump (store);
  g_assert_true (jx_store_can_undo (store));
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Add East");

  edit (store, "Edit", "UPDATE customers SET tier = 'defend', notes = 'it''s \"quoted\" 精细' WHERE id = 1;"
                       "UPDATE deals SET amount = NULL WHERE id = 1;");
  s2 = dump (store);

  /* Deleting a region sets customers' region to NULL; deleting a deal cascades to events. */
  edit (store, "Delete", "DELETE FROM regions WHERE id = 1; DELETE FROM deals WHERE id = 1;");
  s3 = dump (store);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE region_id IS NULL"), ==, 2);

  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s2);
  }
  g_assert_cmpstr (jx_store_get_redo_label (store), ==, "Delete");
  g_assert_true (jx_store_undo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s1);
  }
  g_assert_true (jx_store_undo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s0);
  }
  g_assert_false (jx_store_can_undo (store));
  g_assert_false (jx_store_undo (store, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Redo walks forward again through the same states. */
  g_assert_true (jx_store_redo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s1);
  }
  g_assert_true (jx_store_redo (store, &error));
  g_assert_true (jx_store_redo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s3);
  }
  g_assert_false (jx_store_can_redo (store));

  /* A new edit after an undo drops the redo steps. */
  g_assert_true (jx_store_undo (store, &error));
  g_assert_true (jx_store_can_redo (store));
  edit (store, "Rename", "UPDATE customers SET name = 'Acme Group' WHERE id = 1;");
  s4 = dump (store);
  g_assert_false (jx_store_can_redo (store));
  g_assert_true (jx_store_undo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s2);
  }
  g_assert_true (jx_store_redo (store, &error));
  {
    g_autofree char *now = dump (store);
    g_assert_cmpstr (now, ==, s4);
  }
  jx_test_remove_dir (dir);
}

static void
changed_cb (JxStore *store,
            guint    tables,
            guint   *seen)
{
  *seen |= tables;
}

static void
test_undo_announces (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "n.db", JX_STORE_OPEN_UNDO, 0);
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  edit (store, "Add", "INSERT INTO team_members(name) VALUES ('Ann')");
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &seen);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpuint (seen, ==, JX_TABLE_TEAM_MEMBERS);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members"), ==, 0);
  jx_test_remove_dir (dir);
}

/* Changes made without a label (such as opening) are not undo steps. */
static void
test_unlabelled (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "l.db", JX_STORE_OPEN_UNDO, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_store_begin (store, NULL, &error));
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('X')");
  g_assert_true (jx_store_commit (store, &error));
  g_assert_false (jx_store_can_undo (store));
  jx_test_remove_dir (dir);
}

/* Undo of a large step goes through the log in chunks. */
static void
test_large_step (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "big.db", JX_STORE_OPEN_UNDO, 0);
  g_autoptr(GError) error = NULL;

  edit (store, "Many",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
        "INSERT INTO customers(name) SELECT 'C' || i FROM n;");
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), ==, 10000);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_true (jx_store_redo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), ==, 10000);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/undo/undo-redo", test_undo_redo);
  g_test_add_func ("/jx/undo/announces", test_undo_announces);
  g_test_add_func ("/jx/undo/unlabelled", test_unlabelled);
  g_test_add_func ("/jx/undo/large-step", test_large_step);
  return g_test_run ();
}
