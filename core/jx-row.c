/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-row-private.h"
#include "jx-sqlite-private.h"

/*
 * What the editing functions of regions, team members and targets share: checking that a
 * referenced row exists, refusing a parent that would make a loop, writing the chosen fields
 * of an edit, and removing a row as one undoable step.
 */

/* Whether @sql ("SELECT 1 FROM t WHERE id = ?") finds the row @id. */
gboolean
jx_row_exists (JxStore    *store,
               const char *sql,
               gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Whether making @parent_id the parent of @id would close a loop: @parent_sql gives the
 * parent of the row ? ("SELECT coalesce(parent_id, 0) FROM t WHERE id = ?"), and the walk up
 * from @parent_id meets @id. A broken chain longer than 1000 rows counts as no loop. */
gboolean
jx_row_parent_loops (JxStore    *store,
                     const char *parent_sql,
                     gint64      id,
                     gint64      parent_id)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, parent_sql, NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint depth = 0; parent_id > 0 && depth < 1000; depth++)
    {
      if (parent_id == id)
        return TRUE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      parent_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }
  return FALSE;
}

/* Runs the statement of each of @updates whose field is in @fields on the row @id, with the
 * value @bind takes from @edit. The caller holds the transaction. */
gboolean
jx_row_update_fields (JxStore            *store,
                      gint64              id,
                      const JxRowUpdate  *updates,
                      guint               n_updates,
                      guint               fields,
                      JxRowBindFunc       bind,
                      gconstpointer       edit,
                      GError            **error)
{
  for (guint i = 0; i < n_updates; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if ((fields & updates[i].field) == 0)
        continue;
      stmt = jx_store_prepare (store, updates[i].sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind (stmt, 2, updates[i].field, edit);
      if (!jx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Removes the row @id with @sql ("DELETE FROM t WHERE id = ?") as the undoable step
 * @undo_label; fails with @gone_message when there is no such row. */
gboolean
jx_row_delete (JxStore     *store,
               const char  *undo_label,
               const char  *sql,
               gint64       id,
               const char  *gone_message,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!jx_store_begin (store, undo_label, error))
    return FALSE;
  stmt = jx_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!jx_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (jx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND, gone_message);
      goto fail;
    }
  return jx_store_commit (store, error);

fail:
  jx_store_rollback (store);
  return FALSE;
}
