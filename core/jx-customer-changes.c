/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-customer-base-private.h"
#include "jx-sqlite-private.h"

/*
 * What each write did to the customer base, so that a base re-reads only the customers a
 * change touched: a deal moved on the pipeline board is one customer's figures, an undone
 * tier move one customer's row. Temporary triggers on the store's connection record, in the
 * same transaction as the write (a rollback forgets it too; undo and redo are writes like
 * any other), the customers whose deals changed, the customers whose row changed, and
 * whether customers were added, removed or renamed (which changes every row's place in name
 * order). Updates that write a column back unchanged (as undo does) record nothing.
 *
 * Each base keeps a cursor, the last record it has read; records every base has read are
 * deleted. Writes by other connections are not recorded: a base notices them through
 * PRAGMA data_version and reads everything again.
 */

#define CHANGES_KEY "jx-customer-changes"

struct _JxCustomerChanges {
  JxStore   *store;       /* not owned: the changes are the store's data */
  GPtrArray *cursors;     /* gint64 * of the bases that follow the records */
  gboolean   installed;
};

static const char install_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS jx_customer_dirty ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT, what INTEGER NOT NULL, id INTEGER NOT NULL,"
  "  UNIQUE (what, id));"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_deals_i AFTER INSERT ON main.deals"
  "  WHEN new.customer_id IS NOT NULL BEGIN"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (0, new.customer_id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_deals_u AFTER UPDATE OF customer_id, amount,"
  "  closed, status ON main.deals WHEN old.customer_id IS NOT new.customer_id"
  "  OR old.amount IS NOT new.amount OR old.closed IS NOT new.closed"
  "  OR old.status IS NOT new.status BEGIN"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id)"
  "    SELECT 0, old.customer_id WHERE old.customer_id IS NOT NULL;"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id)"
  "    SELECT 0, new.customer_id WHERE new.customer_id IS NOT NULL; END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_deals_d AFTER DELETE ON main.deals"
  "  WHEN old.customer_id IS NOT NULL BEGIN"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (0, old.customer_id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_customers_u AFTER UPDATE OF type_id,"
  "  region_id, owner_id, tier, tier_manual ON main.customers"
  "  WHEN old.type_id IS NOT new.type_id OR old.region_id IS NOT new.region_id"
  "  OR old.owner_id IS NOT new.owner_id OR old.tier IS NOT new.tier"
  "  OR old.tier_manual IS NOT new.tier_manual BEGIN"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (1, new.id); END;"
  /* The undo of an edit writes every column back: only a real rename counts. */
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_customers_n AFTER UPDATE OF id, name"
  "  ON main.customers WHEN old.id IS NOT new.id OR old.name IS NOT new.name BEGIN"
  "  INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (2, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_customers_i AFTER INSERT ON main.customers"
  "  BEGIN INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (2, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_customer_customers_d AFTER DELETE ON main.customers"
  "  BEGIN INSERT OR REPLACE INTO jx_customer_dirty (what, id) VALUES (2, 0); END;";

static const char uninstall_sql[] =
  "DROP TRIGGER IF EXISTS temp.jx_customer_deals_i;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_deals_u;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_deals_d;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_customers_u;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_customers_n;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_customers_i;"
  "DROP TRIGGER IF EXISTS temp.jx_customer_customers_d;"
  "DROP TABLE IF EXISTS temp.jx_customer_dirty;";

static void
changes_free (gpointer data)
{
  JxCustomerChanges *changes = data;

  g_ptr_array_unref (changes->cursors);
  g_free (changes);
}

/* The store's record of changes (made on first use; its triggers are installed by the
 * first jx_customer_changes_start()). Main thread only, like the store. */
JxCustomerChanges *
jx_customer_changes_get (JxStore *store)
{
  JxCustomerChanges *changes = g_object_get_data (G_OBJECT (store), CHANGES_KEY);

  if (changes == NULL)
    {
      changes = g_new0 (JxCustomerChanges, 1);
      changes->store = store;
      changes->cursors = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (store), CHANGES_KEY, changes, changes_free);
    }
  return changes;
}

/* Temporary triggers made inside a transaction would go with its rollback. */
static gboolean
can_change_schema (JxStore *store)
{
  return !jx_store_in_transaction (store) && sqlite3_get_autocommit (jx_store_get_db (store));
}

static gint64
last_seq (JxCustomerChanges *changes)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (changes->store, "SELECT coalesce(max(seq), 0) FROM temp.jx_customer_dirty",
                      NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Deletes the records every follower has read. */
static void
prune (JxCustomerChanges *changes)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 min = G_MAXINT64;

  if (!changes->installed || !can_change_schema (changes->store))
    return;
  for (guint i = 0; i < changes->cursors->len; i++)
    min = MIN (min, *(gint64 *) g_ptr_array_index (changes->cursors, i));
  stmt = jx_store_prepare (changes->store, "DELETE FROM temp.jx_customer_dirty WHERE seq <= ?1",
                           NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, min);
  sqlite3_step (stmt);
}

/**
 * jx_customer_changes_start:
 * @changes: the store's changes
 * @cursor: the follower's cursor, set to the last record so far; it must stay valid until
 *   jx_customer_changes_release()
 *
 * Starts recording (when nobody did yet) and follows the records from now on.
 *
 * Returns: %FALSE when recording cannot start now (inside a transaction): the caller reads
 *   everything again on the next change and tries again
 */
gboolean
jx_customer_changes_start (JxCustomerChanges *changes,
                           gint64            *cursor)
{
  if (!changes->installed)
    {
      if (!can_change_schema (changes->store) ||
          !jx_store_exec (changes->store, install_sql, NULL))
        return FALSE;
      changes->installed = TRUE;
    }
  /* Records left from before anyone followed are of no use. */
  if (changes->cursors->len == 0)
    jx_store_exec (changes->store, "DELETE FROM temp.jx_customer_dirty", NULL);
  *cursor = last_seq (changes);
  if (!g_ptr_array_find (changes->cursors, cursor, NULL))
    g_ptr_array_add (changes->cursors, cursor);
  return TRUE;
}

/**
 * jx_customer_changes_read:
 * @changes: the store's changes
 * @cursor: the follower's cursor, moved past what is read
 * @figures: (element-type gint64): gets the customers whose deals changed
 * @rows: (element-type gint64): gets the customers whose row changed
 * @all: (out): set when customers were added, removed or renamed
 * @error: return location for an error
 *
 * What was recorded since the cursor.
 */
gboolean
jx_customer_changes_read (JxCustomerChanges  *changes,
                          gint64             *cursor,
                          GArray             *figures,
                          GArray             *rows,
                          gboolean           *all,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *all = FALSE;
  stmt = jx_store_prepare (changes->store,
                           "SELECT seq, what, id FROM temp.jx_customer_dirty WHERE seq > ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *cursor);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 2);

      switch (sqlite3_column_int (stmt, 1))
        {
        case JX_CUSTOMER_DIRTY_FIGURES:
          g_array_append_val (figures, id);
          break;
        case JX_CUSTOMER_DIRTY_ROW:
          g_array_append_val (rows, id);
          break;
        default:
          *all = TRUE;
          break;
        }
      *cursor = MAX (*cursor, seq);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (changes->store, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  prune (changes);
  return TRUE;
}

/* Moves the cursor past every record, for a follower that knows what they say. */
void
jx_customer_changes_forget (JxCustomerChanges *changes,
                            gint64            *cursor)
{
  *cursor = MAX (*cursor, last_seq (changes));
  prune (changes);
}

/* Stops following; the last follower stops the recording too. */
void
jx_customer_changes_release (JxCustomerChanges *changes,
                             gint64            *cursor)
{
  g_ptr_array_remove (changes->cursors, cursor);
  if (changes->cursors->len > 0)
    {
      prune (changes);
      return;
    }
  if (changes->installed && can_change_schema (changes->store) &&
      jx_store_exec (changes->store, uninstall_sql, NULL))
    changes->installed = FALSE;
}

/* PRAGMA data_version: it changes when another connection wrote to the file. */
gboolean
jx_customer_changes_read_version (JxStore *store,
                                  gint64  *version)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
