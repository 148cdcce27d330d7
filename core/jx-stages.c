/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-funnel-cache-private.h"
#include "jx-row-private.h"
#include "jx-sqlite-private.h"
#include "jx-stages.h"

/* Keeps furthest_position in step with the stages' order: the highest position among the
 * open stages a deal has an event in, and every open stage for a won deal. */
static const char recompute_furthest_sql[] =
  "UPDATE deals SET furthest_position = f.pos FROM ("
  "  SELECT d.id AS id, CASE WHEN d.status = 1"
  "    THEN (SELECT coalesce(max(position), 0) FROM stages WHERE kind = 0)"
  "    ELSE (SELECT coalesce(max(s.position), 0) FROM stage_events e"
  "          JOIN stages s ON s.id = e.stage_id AND s.kind = 0 WHERE e.deal_id = d.id) END AS pos"
  "  FROM deals d) AS f "
  "WHERE deals.id = f.id AND deals.furthest_position IS NOT f.pos";

static gboolean
run (JxStore     *store,
     const char  *sql,
     gint64       a,
     gint64       b,
     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return jx_store_step_done (store, stmt, error);
}

static gint64
query_int (JxStore    *store,
           const char *sql,
           gint64      a,
           gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return fallback;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
get_kind_position (JxStore  *store,
                   gint64    stage_id,
                   int      *kind,
                   int      *position,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "SELECT kind, position FROM stages WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("The stage no longer exists. Reload the sales process and try again."));
      return FALSE;
    }
  *kind = sqlite3_column_int (stmt, 0);
  *position = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* A stage name: 1 to 100 characters, not the name of another stage (in any case). */
static gboolean
check_name (JxStore     *store,
            const char  *name,
            gint64       except_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  glong len = name != NULL ? g_utf8_strlen (name, -1) : 0;

  if (len == 0 || len > 100)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("A stage name has 1 to 100 characters."));
      return FALSE;
    }
  stmt = jx_store_prepare (store, "SELECT 1 FROM stages WHERE name = ?1 AND id != ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT,
                   _("There is already a stage called “%s”. Choose another name."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_stages_list:
 *
 * The stages for the stages editor: the open stages in order, then the won and lost
 * outcomes, with the stalled threshold suggested from history.
 *
 * Returns: (transfer full): a #GListModel of #JxStage, or %NULL with @error set
 */
GListModel *
jx_stages_list (JxStore  *store,
                GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (JX_TYPE_STAGE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JxFunnelCache *cache;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  cache = jx_funnel_cache_get (store, error);
  if (cache == NULL)
    return NULL;
  stmt = jx_store_prepare (store,
                           "SELECT s.id, s.name, s.kind, s.position, s.probability, s.milestone,"
                           " coalesce(s.stalled_days, 0),"
                           " EXISTS (SELECT 1 FROM deals WHERE stage_id = s.id)"
                           " OR EXISTS (SELECT 1 FROM deals WHERE lost_at_stage_id = s.id)"
                           " OR EXISTS (SELECT 1 FROM stage_events WHERE stage_id = s.id) "
                           "FROM stages s ORDER BY s.kind != 0, s.position, s.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int suggested = 0;
      g_autoptr(JxStage) stage = NULL;

      for (guint i = 0; i < cache->n_stages; i++)
        if (cache->stages[i].id == id)
          suggested = cache->stages[i].suggested;
      stage = jx_stage_new (id, jx_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                            sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                            jx_column_text (stmt, 5), sqlite3_column_int (stmt, 6), suggested,
                            sqlite3_column_int (stmt, 7));
      g_list_store_append (list, stage);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * jx_stages_add:
 * @probability: win probability in percent
 * @after_stage_id: the open stage the new one follows, or 0 to add it after the last
 *
 * Adds an open stage. Deals that went past the place where it goes count as having
 * reached it, as with any skipped stage.
 *
 * Returns: the new stage's id, or 0 with @error set
 */
gint64
jx_stages_add (JxStore     *store,
               const char  *name,
               int          probability,
               gint64       after_stage_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  int kind = 0, position = 0;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), 0);

  if (probability < 0 || probability > 100)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("A probability is between 0 and 100%%."));
      return 0;
    }
  if (!jx_store_begin (store, _("Add stage"), error))
    return 0;
  ok = check_name (store, name, 0, error);
  if (ok && after_stage_id > 0)
    {
      ok = get_kind_position (store, after_stage_id, &kind, &position, error);
      if (ok && kind != 0)
        {
          g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                       _("New stages go among the open stages, before the won and lost "
                         "outcomes."));
          ok = FALSE;
        }
      position++;
    }
  else if (ok)
    position = query_int (store, "SELECT coalesce(max(position), 0) FROM stages WHERE kind = 0",
                          0, 0) + 1;

  /* Make room, then move the deals that are past the new stage (and the won deals, which
   * reached every stage) one position on. */
  ok = ok && run (store, "UPDATE stages SET position = position + 1 WHERE position >= ?1",
                  position, 0, error);
  ok = ok && run (store, "UPDATE deals SET furthest_position = furthest_position + 1 "
                         "WHERE furthest_position >= ?1", position, 0, error);
  if (ok)
    {
      insert = jx_store_prepare (store, "INSERT INTO stages(name, kind, position, probability) "
                                        "VALUES (?1, 0, ?2, ?3)", error);
      ok = insert != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, position);
      sqlite3_bind_int (insert, 3, probability);
      ok = jx_store_step_done (store, insert, error);
      id = sqlite3_last_insert_rowid (jx_store_get_db (store));
    }
  ok = ok && run (store, "UPDATE deals SET furthest_position = ?1 WHERE status = 1 "
                         "AND furthest_position < ?1",
                  query_int (store, "SELECT max(position) FROM stages WHERE kind = 0", 0, 0), 0,
                  error);
  if (!jx_row_finish (store, ok, error))
    return 0;
  return id;
}

/* Renames a stage; deals and their history refer to its id and keep it. */
gboolean
jx_stages_rename (JxStore     *store,
                  gint64       stage_id,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int kind, position;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (!jx_store_begin (store, _("Rename stage"), error))
    return FALSE;
  ok = get_kind_position (store, stage_id, &kind, &position, error) &&
       check_name (store, name, stage_id, error);
  if (ok)
    {
      stmt = jx_store_prepare (store, "UPDATE stages SET name = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      ok = jx_store_step_done (store, stmt, error);
    }
  return jx_row_finish (store, ok, error);
}

gboolean
jx_stages_set_probability (JxStore  *store,
                           gint64    stage_id,
                           int       probability,
                           GError  **error)
{
  int kind, position;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (probability < 0 || probability > 100)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("A probability is between 0 and 100%%."));
      return FALSE;
    }
  if (!jx_store_begin (store, _("Change stage probability"), error))
    return FALSE;
  ok = get_kind_position (store, stage_id, &kind, &position, error) &&
       run (store, "UPDATE stages SET probability = ?2 WHERE id = ?1", stage_id, probability,
            error);
  return jx_row_finish (store, ok, error);
}

/* Sets the exit criteria a deal must meet to leave the stage, a short checklist text. */
gboolean
jx_stages_set_milestone (JxStore     *store,
                         gint64       stage_id,
                         const char  *milestone,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int kind, position;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (milestone != NULL && g_utf8_strlen (milestone, -1) > 2000)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The milestone is longer than 2,000 characters. Keep it to a short "
                     "checklist."));
      return FALSE;
    }
  if (!jx_store_begin (store, _("Change stage milestone"), error))
    return FALSE;
  ok = get_kind_position (store, stage_id, &kind, &position, error);
  if (ok)
    {
      stmt = jx_store_prepare (store, "UPDATE stages SET milestone = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_text (stmt, 2, milestone != NULL ? milestone : "", -1, SQLITE_STATIC);
      ok = jx_store_step_done (store, stmt, error);
    }
  return jx_row_finish (store, ok, error);
}

/**
 * jx_stages_set_stalled_days:
 * @days: the threshold in days, or 0 to use the suggestion from history
 *
 * Sets after how many days in the stage an open deal counts as stalled.
 */
gboolean
jx_stages_set_stalled_days (JxStore  *store,
                            gint64    stage_id,
                            int       days,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int kind, position;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (days < 0 || days > 3650)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("A stalled threshold is between 1 and 3,650 days; leave it empty to use "
                     "the suggestion."));
      return FALSE;
    }
  if (!jx_store_begin (store, _("Change stalled threshold"), error))
    return FALSE;
  ok = get_kind_position (store, stage_id, &kind, &position, error);
  if (ok)
    {
      stmt = jx_store_prepare (store, "UPDATE stages SET stalled_days = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, stage_id);
      if (days > 0)
        sqlite3_bind_int (stmt, 2, days);
      else
        sqlite3_bind_null (stmt, 2);
      ok = jx_store_step_done (store, stmt, error);
    }
  return jx_row_finish (store, ok, error);
}

/**
 * jx_stages_suggest_stalled_days:
 *
 * The stalled threshold history suggests for a stage: the 80th percentile of the days
 * deals spent in it (nearest rank, over every finished stay), so one deal in five that
 * left the stage stayed longer.
 *
 * Returns: days, 0 when no deal has left the stage yet, -1 with @error set
 */
int
jx_stages_suggest_stalled_days (JxStore  *store,
                                gint64    stage_id,
                                GError  **error)
{
  JxFunnelCache *cache;

  g_return_val_if_fail (JX_IS_STORE (store), -1);

  cache = jx_funnel_cache_get (store, error);
  if (cache == NULL)
    return -1;
  for (guint i = 0; i < cache->n_stages; i++)
    if (cache->stages[i].id == stage_id)
      return cache->stages[i].suggested;
  g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
               _("The stage no longer exists. Reload the sales process and try again."));
  return -1;
}

/**
 * jx_stages_reorder:
 * @open_stage_ids: every open stage, in the new order
 *
 * Puts the open stages in a new order (positions 1, 2, …, then the outcomes) and works out
 * again how far each deal got in that order. On a large database this rewrites many deals.
 */
gboolean
jx_stages_reorder (JxStore       *store,
                   const gint64  *open_stage_ids,
                   guint          n_ids,
                   GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (open_stage_ids != NULL || n_ids == 0, FALSE);

  if (!jx_store_begin (store, _("Reorder stages"), error))
    return FALSE;
  ok = (guint) query_int (store, "SELECT count(*) FROM stages WHERE kind = 0", 0, 0) == n_ids;
  for (guint i = 0; ok && i < n_ids; i++)
    {
      int kind = -1, position;

      for (guint j = 0; j < i; j++)
        ok = ok && open_stage_ids[j] != open_stage_ids[i];
      ok = ok && get_kind_position (store, open_stage_ids[i], &kind, &position, NULL) &&
           kind == 0;
    }
  if (!ok)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The new order must list every open stage once. Reload the sales process "
                     "and try again."));
      return jx_row_finish (store, FALSE, error);
    }
  /* Out of the way first: positions need not be unique, but keep them readable. */
  ok = run (store, "UPDATE stages SET position = position + 100000", 0, 0, error);
  for (guint i = 0; ok && i < n_ids; i++)
    ok = run (store, "UPDATE stages SET position = ?2 WHERE id = ?1", open_stage_ids[i], i + 1,
              error);
  ok = ok && run (store,
                  "UPDATE stages SET position = ?1 + (SELECT count(*) FROM stages o"
                  " WHERE o.kind != 0 AND (o.position < stages.position OR (o.position = stages.position"
                  " AND o.id < stages.id))) + 1 WHERE kind != 0", n_ids, 0, error);
  ok = ok && jx_store_exec (store, recompute_furthest_sql, error);
  return jx_row_finish (store, ok, error);
}

/* Deletes a stage that no deal is in, was lost at, or ever passed through. */
gboolean
jx_stages_delete (JxStore  *store,
                  gint64    stage_id,
                  GError  **error)
{
  int kind = 0, position = 0;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (!jx_store_begin (store, _("Delete stage"), error))
    return FALSE;
  ok = get_kind_position (store, stage_id, &kind, &position, error);
  if (ok && query_int (store, "SELECT EXISTS (SELECT 1 FROM deals WHERE stage_id = ?1)"
                              " OR EXISTS (SELECT 1 FROM deals WHERE lost_at_stage_id = ?1)"
                              " OR EXISTS (SELECT 1 FROM stage_events WHERE stage_id = ?1)",
                       stage_id, 1))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT,
                   _("Deals are in this stage or passed through it, so it cannot be deleted. "
                     "Rename it instead, or move its deals first."));
      ok = FALSE;
    }
  if (ok && query_int (store, "SELECT count(*) FROM stages WHERE kind = (SELECT kind FROM stages"
                              " WHERE id = ?1)", stage_id, 0) <= 1)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT,
                   kind == 0 ? _("The sales process needs at least one open stage.")
                             : _("The won and lost outcomes cannot be deleted."));
      ok = FALSE;
    }
  ok = ok && run (store, "DELETE FROM stages WHERE id = ?1", stage_id, 0, error);
  ok = ok && run (store, "UPDATE stages SET position = position - 1 WHERE position > ?1",
                  position, 0, error);
  if (ok && kind == 0)
    ok = run (store, "UPDATE deals SET furthest_position = furthest_position - 1 "
                     "WHERE furthest_position >= ?1", position, 0, error);
  return jx_row_finish (store, ok, error);
}

/**
 * jx_stages_list_open:
 *
 * The open stages in process order, without the figures from history (suggested stalled
 * thresholds, whether a stage is in use): for menus that move a deal, which should not wait
 * for the funnel's history cache on a large database.
 *
 * Returns: (transfer full): a #GListModel of #JxStage, or %NULL with @error set
 */
GListModel *
jx_stages_list_open (JxStore  *store,
                     GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (JX_TYPE_STAGE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  stmt = jx_store_prepare (store,
                           "SELECT id, name, position, probability, milestone,"
                           " coalesce(stalled_days, 0) FROM stages WHERE kind = 0"
                           " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JxStage) stage = jx_stage_new (sqlite3_column_int64 (stmt, 0),
                                               jx_column_text (stmt, 1), JX_STAGE_OPEN,
                                               sqlite3_column_int (stmt, 2),
                                               sqlite3_column_int (stmt, 3),
                                               jx_column_text (stmt, 4),
                                               sqlite3_column_int (stmt, 5), 0, FALSE);
      g_list_store_append (list, stage);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
