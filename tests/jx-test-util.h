/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "jx-core.h"
#include "jx-sqlite-private.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its files by jx_test_remove_dir(). */
static inline char *
jx_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jingxi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
jx_test_remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        jx_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

/* SHA-256 of a file's bytes, for "the file was not touched". */
static inline char *
jx_test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static inline void
jx_test_date (GDate      *date,
              const char *iso)
{
  g_assert_true (jx_date_parse_iso (iso, date));
}

/* A new database in @dir, with the fixed test day 2026-11-27 when @demo_scale > 0. */
static inline JxStore *
jx_test_open_new (const char       *dir,
                  const char       *name,
                  JxStoreOpenFlags  flags,
                  int               demo_scale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  JxStore *store = jx_store_open (path, flags | JX_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (demo_scale > 0)
    {
      JxDemoOptions options;
      GDate today;

      jx_test_date (&today, "2026-11-27");
      jx_demo_options_init (&options, &today);
      options.scale = demo_scale;
      options.chinese_names = FALSE;
      jx_demo_generate (store, &options, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

/* Runs one SQL query that returns a single integer. */
static inline gint64
jx_test_query_int (JxStore    *store,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs one SQL statement that must succeed. */
static inline void
jx_test_exec (JxStore    *store,
              const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (jx_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

G_END_DECLS
