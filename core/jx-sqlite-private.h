/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Column helpers that turn SQL NULL into a sentinel the caller chooses. */
static inline gint64
jx_column_int64_or (sqlite3_stmt *stmt,
                    int           col,
                    gint64        fallback)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, col);
}

static inline const char *
jx_column_text (sqlite3_stmt *stmt,
                int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

/* Binds NULL for a NULL string, the text otherwise. */
static inline int
jx_bind_text_or_null (sqlite3_stmt *stmt,
                      int           idx,
                      const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, idx);
  return sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

/* Binds NULL for ids <= 0 (our tables never use them), the id otherwise. */
static inline int
jx_bind_id_or_null (sqlite3_stmt *stmt,
                    int           idx,
                    gint64        id)
{
  if (id <= 0)
    return sqlite3_bind_null (stmt, idx);
  return sqlite3_bind_int64 (stmt, idx, id);
}

G_END_DECLS
