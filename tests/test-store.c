/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <sys/stat.h>

#include "jx-schema-private.h"
#include "jx-test-util.h"

static void
test_create (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  GStatBuf st;

  store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_store_get_schema_version (store), ==, JX_SCHEMA_VERSION);
  g_assert_cmpint (jx_test_query_int (store, "PRAGMA user_version"), ==, JX_SCHEMA_VERSION);
  g_assert_cmpint (jx_test_query_int (store, "PRAGMA application_id"), ==, JX_APPLICATION_ID);
  g_assert_cmpint (jx_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0"), ==, 5);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 1"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 2"), ==, 1);
  g_assert_cmpint (jx_store_get_setting_int (store, "fiscal_year_start_month", 0), ==, 1);
  {
    g_autofree char *currency = jx_store_get_setting (store, "currency");
    g_assert_cmpstr (currency, ==, "CNY");
  }
  g_assert_null (jx_store_get_backup_path (store));

  /* The file is private to its owner. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Journal mode is WAL. */
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (jx_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }

  g_clear_object (&store);
  /* Opening it again needs no migration and keeps the data. */
  store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages"), ==, 7);
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;

  store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  jx_test_remove_dir (dir);
}

/* Opens @path expecting @code, and checks the file was left byte for byte as it was and no
 * journal files were created next to it. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = jx_test_file_checksum (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;

  store = jx_store_open (path, JX_STORE_OPEN_CREATE | JX_STORE_OPEN_UNDO, &error);
  g_assert_null (store);
  g_assert_error (error, JX_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("refused: %s", error->message);

  after = jx_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);

  g_assert_true (g_file_set_contents (path, "name,amount\nAcme,100\n", -1, NULL));
  assert_refused_untouched (path, JX_STORE_ERROR_NOT_JINGXI);
  jx_test_remove_dir (dir);
}

static void
test_other_sqlite (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, JX_STORE_ERROR_NOT_JINGXI);
  jx_test_remove_dir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  sqlite3 *db = NULL;

  store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, JX_STORE_ERROR_TOO_NEW);
  jx_test_remove_dir (dir);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;

  store = jx_test_open_new (dir, "broken.db", JX_STORE_OPEN_DEFAULT, 0);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Keep the header, overwrite the schema page with noise. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 200);
  for (gsize i = 100; i < len; i++)
    data[i] = (char) (i * 37 + 11);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == JX_STORE_ERROR);
  g_assert_true (error->code == JX_STORE_ERROR_CORRUPT || error->code == JX_STORE_ERROR_NOT_JINGXI);
  g_test_message ("corrupt: %s", error->message);
  jx_test_remove_dir (dir);
}

/* A zero-byte file (made by `touch`) becomes a database, the only migration path from
 * nothing to version 1; an SQLite file with no tables and no version does too. */
static void
test_migrate_empty (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = jx_store_open (empty, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_store_get_schema_version (store), ==, JX_SCHEMA_VERSION);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (blank, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA page_size = 4096; VACUUM;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  store = jx_store_open (blank, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM settings"), >=, 7);
  jx_test_remove_dir (dir);
}

/* Builds a database at every older schema version by running the migrations up to it, puts
 * a row in, and checks that opening upgrades it, keeps the row and leaves a copy of the old
 * file. With one version so far the loop checks only that a current file needs no copy. */
static void
test_migration_paths (void)
{
  for (int from = 1; from <= JX_SCHEMA_VERSION; from++)
    {
      g_autofree char *dir = jx_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JxStore) store = NULL;
      sqlite3 *db = NULL;
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                                 from, JX_APPLICATION_ID);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      for (int v = 1; v <= from; v++)
        g_assert_cmpint (sqlite3_exec (db, jx_schema_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO regions(name) VALUES ('Kept')", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);

      store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (jx_store_get_schema_version (store), ==, JX_SCHEMA_VERSION);
      g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions WHERE name = 'Kept'"), ==, 1);
      if (from < JX_SCHEMA_VERSION)
        {
          const char *backup = jx_store_get_backup_path (store);
          sqlite3 *copy = NULL;
          sqlite3_stmt *stmt = NULL;

          g_assert_nonnull (backup);
          g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          sqlite3_prepare_v2 (copy, "PRAGMA user_version", -1, &stmt, NULL);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, from);
          sqlite3_finalize (stmt);
          sqlite3_close (copy);
        }
      else
        g_assert_null (jx_store_get_backup_path (store));
      g_clear_object (&store);
      jx_test_remove_dir (dir);
    }
}

static void
changed_cb (JxStore *store,
            guint    tables,
            guint   *seen)
{
  *seen |= tables;
}

static void
test_transactions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "t.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &seen);

  /* A committed change is announced once, with its tables. */
  g_assert_true (jx_store_begin (store, "add", &error));
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('East')");
  g_assert_true (jx_store_begin (store, NULL, &error));
  jx_test_exec (store, "INSERT INTO product_lines(name) VALUES ('Cloud')");
  g_assert_true (jx_store_commit (store, &error));
  g_assert_cmpuint (seen, ==, 0);
  g_assert_true (jx_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, JX_TABLE_REGIONS | JX_TABLE_PRODUCT_LINES);

  /* A rolled back change is not, and leaves nothing behind. */
  seen = 0;
  g_assert_true (jx_store_begin (store, "add", &error));
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('West')");
  jx_store_rollback (store);
  g_assert_cmpuint (seen, ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), ==, 1);

  /* A failure inside a nested call cancels the whole transaction. */
  g_assert_true (jx_store_begin (store, "add", &error));
  jx_test_exec (store, "INSERT INTO regions(name) VALUES ('North')");
  g_assert_true (jx_store_begin (store, NULL, &error));
  jx_store_rollback (store);
  g_assert_false (jx_store_commit (store, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FAILED);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), ==, 1);
  g_assert_false (jx_store_in_transaction (store));
  jx_test_remove_dir (dir);
}

static void
test_settings (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "s.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (jx_store_set_setting (store, "company_name", "Acme 精细", &error));
  g_assert_no_error (error);
  name = jx_store_get_setting (store, "company_name");
  g_assert_cmpstr (name, ==, "Acme 精细");
  g_assert_null (jx_store_get_setting (store, "no_such_key"));
  g_assert_cmpint (jx_store_get_setting_int (store, "company_name", 7), ==, 7);
  jx_test_remove_dir (dir);
}

/* A full disk is reported as such and the data stays as it was. */
static void
test_disk_full (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "full.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 pages = jx_test_query_int (store, "PRAGMA page_count");
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  gboolean ok = TRUE;

  jx_test_exec (store, sql);
  g_assert_true (jx_store_begin (store, "fill", &error));
  stmt = jx_store_prepare (store, "INSERT INTO customers(name, notes) VALUES (?, zeroblob(3000))",
                           &error);
  g_assert_no_error (error);
  for (int i = 0; i < 100 && ok; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %d", i);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      ok = jx_store_step_done (store, stmt, &error);
    }
  g_assert_false (ok);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FULL);
  jx_store_rollback (store);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), ==, 0);
  jx_test_remove_dir (dir);
}

static void
test_table_names (void)
{
  g_assert_cmpuint (jx_store_table_from_name ("deals"), ==, JX_TABLE_DEALS);
  g_assert_cmpuint (jx_store_table_from_name ("nope"), ==, 0);
  g_assert_cmpstr (jx_store_table_name (JX_TABLE_STAGE_EVENTS), ==, "stage_events");
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/store/create", test_create);
  g_test_add_func ("/jx/store/missing", test_missing);
  g_test_add_func ("/jx/store/not-sqlite", test_not_sqlite);
  g_test_add_func ("/jx/store/other-sqlite", test_other_sqlite);
  g_test_add_func ("/jx/store/too-new", test_too_new);
  g_test_add_func ("/jx/store/corrupt", test_corrupt);
  g_test_add_func ("/jx/store/migrate-empty", test_migrate_empty);
  g_test_add_func ("/jx/store/migration-paths", test_migration_paths);
  g_test_add_func ("/jx/store/transactions", test_transactions);
  g_test_add_func ("/jx/store/settings", test_settings);
  g_test_add_func ("/jx/store/disk-full", test_disk_full);
  g_test_add_func ("/jx/store/table-names", test_table_names);
  return g_test_run ();
}
