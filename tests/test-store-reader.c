/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static int
count_regions (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM regions", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* A reader sees what the store committed, cannot write, and is refused while the store has
 * changes only its own connection sees. */
static void
test_reader (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "reader.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('East'), ('West');");
  db = jx_store_open_reader (store);
  g_assert_nonnull (db);
  g_assert_cmpint (count_regions (db), ==, 2);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM regions", NULL, NULL, NULL), ==,
                   SQLITE_READONLY);
  sqlite3_close (db);

  g_assert_true (jx_store_begin (store, "Add region", &error));
  g_assert_no_error (error);
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('North');");
  g_assert_null (jx_store_open_reader (store));
  g_assert_true (jx_store_commit (store, &error));
  g_assert_no_error (error);

  db = jx_store_open_reader (store);
  g_assert_nonnull (db);
  g_assert_cmpint (count_regions (db), ==, 3);
  sqlite3_close (db);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/store-reader/reader", test_reader);
  return g_test_run ();
}
