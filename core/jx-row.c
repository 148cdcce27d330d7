/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-row-private.h"
#include "jx-sqlite-private.h"

/*
 * What the editing functions of regions, team members and targets share: cleaning a name,
 * checking that a referenced row exists, refusing a parent that would make a loop, adding a
 * row, writing the chosen fields of an edit, and removing a row, each as one undoable step.
 */

/* The name with its outer spaces removed, or %NULL with @message (in @domain, @code) when
 * nothing is left or it is longer than 200 characters. */
char *
jx_row_clean_name (const char  *name,
                   GQuark       domain,
                   int          code,
                   const char  *message,
                   GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (clean[0] == '\0' || g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error_literal (error, domain, code, message);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

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

/* Checks that @parent_id, when set, is a row @exists_sql finds (else @gone_message) and
 * that it would not make a loop above @id, when @id is set (else @loop_message). */
gboolean
jx_row_check_parent (JxStore     *store,
                     const char  *exists_sql,
                     const char  *parent_sql,
                     gint64       id,
                     gint64       parent_id,
                     const char  *gone_message,
                     const char  *loop_message,
                     GError     **error)
{
  if (parent_id <= 0)
    return TRUE;
  if (!jx_row_exists (store, exists_sql, parent_id))
    {
      g_set_error_literal (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND, gone_message);
      return FALSE;
    }
  if (id > 0 && jx_row_parent_loops (store, parent_sql, id, parent_id))
    {
      g_set_error_literal (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID, loop_message);
      return FALSE;
    }
  return TRUE;
}

/* Adds a row with @sql as the undoable step @undo_label, binding parameter i + 1 to the
 * field @columns[i] of @edit. Returns the new row's id, or 0 with @error set. */
gint64
jx_row_insert (JxStore        *store,
               const char     *undo_label,
               const char     *sql,
               const guint    *columns,
               guint           n_columns,
               JxRowBindFunc   bind,
               gconstpointer   edit,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!jx_store_begin (store, undo_label, error))
    return 0;
  stmt = jx_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_columns; i++)
    bind (stmt, i + 1, columns[i], edit);
  if (!jx_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (jx_store_get_db (store));
  if (!jx_store_commit (store, error))
    return 0;
  return id;

fail:
  jx_store_rollback (store);
  return 0;
}

/* jx_row_update_fields() as the undoable step @undo_label. */
gboolean
jx_row_update (JxStore            *store,
               const char         *undo_label,
               gint64              id,
               const JxRowUpdate  *updates,
               guint               n_updates,
               guint               fields,
               JxRowBindFunc       bind,
               gconstpointer       edit,
               GError            **error)
{
  gboolean ok;

  if (!jx_store_begin (store, undo_label, error))
    return FALSE;
  ok = jx_row_update_fields (store, id, updates, n_updates, fields, bind, edit, error);
  return jx_row_finish (store, ok, error);
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

/* Ends the undoable step begun with jx_store_begin(): commits when @ok, rolls back
 * otherwise (and returns %FALSE; @error was set by what failed). */
gboolean
jx_row_finish (JxStore   *store,
               gboolean   ok,
               GError   **error)
{
  if (!ok)
    {
      jx_store_rollback (store);
      return FALSE;
    }
  return jx_store_commit (store, error);
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
