/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-deals.h"
#include "jx-row-private.h"
#include "jx-sqlite-private.h"

typedef struct {
  gint64 id;
  int    kind;
  int    position;
  char  *name;
} StageInfo;

typedef struct {
  int    status;
  gint64 stage_id;
  char   entered[11];
  char   opened[11];
  int    furthest;
  gint64 lost_at;
} DealState;

static void
stage_info_clear (StageInfo *s)
{
  g_clear_pointer (&s->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StageInfo, stage_info_clear)

void
jx_deal_draft_init (JxDealDraft *draft)
{
  g_return_if_fail (draft != NULL);

  memset (draft, 0, sizeof *draft);
  draft->amount = -1;
}

/* Prepares @sql, binds @arg as ?1 and steps to the first row. Returns the statement on that
 * row, or %NULL with the database's error, or with @gone_message when there is no row. */
static sqlite3_stmt *
select_row (JxStore     *store,
            const char  *sql,
            gint64       arg,
            const char  *gone_message,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&stmt);
  if (rc != SQLITE_DONE)
    jx_store_set_error (store, rc, error);
  else
    g_set_error_literal (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND, gone_message);
  return NULL;
}

/* Sets @error to the printf-style message and returns %FALSE. */
static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (JX_STORE_ERROR, JX_STORE_ERROR_INVALID, format,
                                                args));
  va_end (args);
  return FALSE;
}

static gboolean
read_stage (JxStore     *store,
            const char  *sql,
            gint64       arg,
            StageInfo   *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    select_row (store, sql, arg,
                _("The stage no longer exists. Reload the sales process and try again."), error);

  if (stmt == NULL)
    return FALSE;
  out->id = sqlite3_column_int64 (stmt, 0);
  out->kind = sqlite3_column_int (stmt, 1);
  out->position = sqlite3_column_int (stmt, 2);
  out->name = g_strdup (jx_column_text (stmt, 3));
  return TRUE;
}

static gboolean
get_stage (JxStore    *store,
           gint64      id,
           StageInfo  *out,
           GError    **error)
{
  return read_stage (store, "SELECT id, kind, position, name FROM stages WHERE id = ?1", id,
                     out, error);
}

/* The won (1) or lost (2) outcome; the first by position if there are several. */
static gboolean
get_outcome (JxStore    *store,
             int         kind,
             StageInfo  *out,
             GError    **error)
{
  return read_stage (store, "SELECT id, kind, position, name FROM stages WHERE kind = ?1 "
                            "ORDER BY position, id LIMIT 1", kind, out, error);
}

static gboolean
get_first_open (JxStore    *store,
                StageInfo  *out,
                GError    **error)
{
  return read_stage (store, "SELECT id, kind, position, name FROM stages WHERE kind = 0 "
                            "AND ?1 = ?1 ORDER BY position, id LIMIT 1", 0, out, error);
}

static int
max_open_position (JxStore *store)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "SELECT coalesce(max(position), 0) FROM stages WHERE kind = 0", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
get_deal (JxStore    *store,
          gint64      id,
          DealState  *out,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    select_row (store,
                "SELECT status, stage_id, coalesce(stage_entered, ''),"
                " coalesce(opened, ''), furthest_position, lost_at_stage_id "
                "FROM deals WHERE id = ?1",
                id, _("The deal no longer exists; it may have been deleted."), error);

  if (stmt == NULL)
    return FALSE;
  out->status = sqlite3_column_int (stmt, 0);
  out->stage_id = sqlite3_column_int64 (stmt, 1);
  g_strlcpy (out->entered, jx_column_text (stmt, 2), sizeof out->entered);
  g_strlcpy (out->opened, jx_column_text (stmt, 3), sizeof out->opened);
  out->furthest = sqlite3_column_int (stmt, 4);
  out->lost_at = jx_column_int64_or (stmt, 5, 0);
  return TRUE;
}

static gboolean
add_event (JxStore     *store,
           gint64       deal_id,
           gint64       stage_id,
           const char  *date,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "INSERT INTO stage_events(deal_id, stage_id, entered) "
                             "VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  return jx_store_step_done (store, stmt, error);
}

/* A move, a win or a loss cannot be dated before the deal entered its current stage, or
 * the stage history would run backwards. */
static gboolean
check_date (const DealState  *deal,
            const char       *date,
            GError          **error)
{
  if (deal->entered[0] != '\0' && strcmp (date, deal->entered) < 0)
    {
      g_autofree char *when = jx_date_format_iso_text (deal->entered);

      return refuse (error, _("The deal entered its current stage on %s; choose that day or a "
                              "later one."), when);
    }
  if (deal->opened[0] != '\0' && strcmp (date, deal->opened) < 0)
    {
      g_autofree char *when = jx_date_format_iso_text (deal->opened);

      return refuse (error, _("The deal was opened on %s; choose that day or a later one."), when);
    }
  return TRUE;
}

static gboolean
check_draft (const JxDealDraft  *draft,
             GError            **error)
{
  GDate d;

  gboolean has_text = FALSE;

  for (const char *p = draft->title; p != NULL && *p != '\0' && !has_text; p++)
    has_text = !g_ascii_isspace (*p);
  if (!has_text)
    return refuse (error, _("A deal needs a title. Type what is being sold, and to whom."));
  if (g_utf8_strlen (draft->title, -1) > 500)
    return refuse (error, _("The title is longer than 500 characters. Shorten it and keep the "
                            "details in the notes."));
  if (draft->amount < -1)
    return refuse (error, _("The amount cannot be negative."));
  if (draft->expected_close != NULL && draft->expected_close[0] != '\0' &&
      !jx_date_parse_iso (draft->expected_close, &d))
    return refuse (error, _("The expected close “%s” is not a date (expected YYYY-MM-DD)."),
                   draft->expected_close);
  return TRUE;
}

static void
bind_draft (sqlite3_stmt      *stmt,
            const JxDealDraft *draft)
{
  g_autofree char *title = g_strstrip (g_strdup (draft->title));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  jx_bind_id_or_null (stmt, 2, draft->customer_id);
  jx_bind_id_or_null (stmt, 3, draft->owner_id);
  jx_bind_id_or_null (stmt, 4, draft->product_id);
  if (draft->amount < 0)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int64 (stmt, 5, draft->amount);
  if (draft->expected_close != NULL && draft->expected_close[0] != '\0')
    sqlite3_bind_text (stmt, 6, draft->expected_close, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, draft->notes != NULL ? draft->notes : "", -1, SQLITE_TRANSIENT);
}

/**
 * jx_deals_create:
 * @draft: the deal's fields
 * @stage_id: an open stage, or 0 for the first one
 * @opened: the day the deal was opened; it enters @stage_id that day
 *
 * Creates an open deal and its first stage event.
 *
 * Returns: the new deal's id, or 0 with @error set
 */
gint64
jx_deals_create (JxStore            *store,
                 const JxDealDraft  *draft,
                 gint64              stage_id,
                 const GDate        *opened,
                 GError            **error)
{
  g_auto(StageInfo) stage = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char date[11];
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (opened != NULL && g_date_valid (opened), 0);

  if (!check_draft (draft, error))
    return 0;
  jx_date_to_iso_buf (opened, date);
  if (!jx_store_begin (store, _("Create deal"), error))
    return 0;

  ok = stage_id > 0 ? get_stage (store, stage_id, &stage, error)
                    : get_first_open (store, &stage, error);
  if (ok && stage.kind != 0)
    ok = refuse (error, _("A new deal starts in an open stage, not in “%s”."), stage.name);
  if (ok)
    {
      stmt = jx_store_prepare (store,
                               "INSERT INTO deals(title, customer_id, owner_id, product_id, amount,"
                               " expected_close, notes, opened, stage_id, stage_entered, status,"
                               " furthest_position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                               " ?8, 0, ?10)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_draft (stmt, draft);
      sqlite3_bind_text (stmt, 8, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, stage.id);
      sqlite3_bind_int (stmt, 10, stage.position);
      ok = jx_store_step_done (store, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (jx_store_get_db (store));
      ok = add_event (store, id, stage.id, date, error);
    }
  if (!jx_row_finish (store, ok, error))
    return 0;
  return id;
}

/* Saves the deal editor's fields; the stage and the history stay as they are. */
gboolean
jx_deals_update (JxStore            *store,
                 gint64              deal_id,
                 const JxDealDraft  *draft,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  DealState deal;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!check_draft (draft, error))
    return FALSE;
  if (!jx_store_begin (store, _("Edit deal"), error))
    return FALSE;
  ok = get_deal (store, deal_id, &deal, error);
  if (ok)
    {
      stmt = jx_store_prepare (store,
                               "UPDATE deals SET title = ?1, customer_id = ?2, owner_id = ?3,"
                               " product_id = ?4, amount = ?5, expected_close = ?6, notes = ?7 "
                               "WHERE id = ?8", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_draft (stmt, draft);
      sqlite3_bind_int64 (stmt, 8, deal_id);
      ok = jx_store_step_done (store, stmt, error);
    }
  return jx_row_finish (store, ok, error);
}

static gboolean
set_stage (JxStore     *store,
           gint64       deal_id,
           gint64       stage_id,
           const char  *date,
           int          furthest,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "UPDATE deals SET stage_id = ?2, stage_entered = ?3, status = 0,"
                             " closed = NULL, lost_at_stage_id = NULL, lost_reason = '', won_reason = '',"
                             " furthest_position = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, furthest);
  return jx_store_step_done (store, stmt, error) &&
         add_event (store, deal_id, stage_id, date, error);
}

/**
 * jx_deals_move:
 * @stage_id: an open stage, further along or back
 * @date: the day of the move, not before the deal entered its current stage
 *
 * Moves an open deal to another open stage and records the move. Moving back keeps the
 * furthest stage the deal reached; moving to the stage it is in changes nothing.
 */
gboolean
jx_deals_move (JxStore      *store,
               gint64        deal_id,
               gint64        stage_id,
               const GDate  *date,
               GError      **error)
{
  g_auto(StageInfo) stage = { 0 };
  DealState deal;
  char day[11];
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  jx_date_to_iso_buf (date, day);
  if (!jx_store_begin (store, _("Move deal"), error))
    return FALSE;
  ok = get_deal (store, deal_id, &deal, error) && get_stage (store, stage_id, &stage, error);
  if (ok && deal.status != 0)
    ok = refuse (error, _("The deal is already won or lost. Reopen it before moving it."));
  if (ok && stage.kind != 0)
    ok = refuse (error, _("“%s” is an outcome, not a stage; mark the deal won or lost instead."),
                 stage.name);
  if (ok && deal.stage_id == stage.id)
    return jx_row_finish (store, TRUE, error);
  ok = ok && check_date (&deal, day, error) &&
       set_stage (store, deal_id, stage.id, day, MAX (deal.furthest, stage.position), error);
  return jx_row_finish (store, ok, error);
}

static gboolean
close_deal (JxStore      *store,
            gint64        deal_id,
            int           kind,
            const char   *reason,
            const GDate  *date,
            GError      **error)
{
  g_auto(StageInfo) outcome = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  DealState deal;
  char day[11];
  gboolean ok;

  jx_date_to_iso_buf (date, day);
  if (!jx_store_begin (store, kind == 1 ? _("Mark deal won") : _("Mark deal lost"), error))
    return FALSE;
  ok = get_deal (store, deal_id, &deal, error) && get_outcome (store, kind, &outcome, error);
  if (ok && deal.status != 0)
    ok = refuse (error, _("The deal is already won or lost. Reopen it first."));
  ok = ok && check_date (&deal, day, error);
  if (ok)
    {
      stmt = jx_store_prepare (store,
                               "UPDATE deals SET stage_id = ?2, stage_entered = ?3, closed = ?3,"
                               " status = ?4, furthest_position = ?5, lost_at_stage_id = ?6,"
                               " lost_reason = ?7, won_reason = ?8 WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_int64 (stmt, 2, outcome.id);
      sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, kind);
      /* A won deal went through every stage, as far as the funnel is concerned. */
      sqlite3_bind_int (stmt, 5, kind == 1 ? MAX (max_open_position (store), deal.furthest)
                                           : deal.furthest);
      if (kind == 2)
        sqlite3_bind_int64 (stmt, 6, deal.stage_id);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, kind == 2 ? 7 : 8, reason != NULL ? reason : "", -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, kind == 2 ? 8 : 7, "", -1, SQLITE_STATIC);
      ok = jx_store_step_done (store, stmt, error) &&
           add_event (store, deal_id, outcome.id, day, error);
    }
  return jx_row_finish (store, ok, error);
}

/* Marks an open deal won on @date, recording why (@reason may be %NULL or empty). */
gboolean
jx_deals_win (JxStore      *store,
              gint64        deal_id,
              const char   *reason,
              const GDate  *date,
              GError      **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return close_deal (store, deal_id, 1, reason, date, error);
}

/* Marks an open deal lost on @date, recording the stage it was lost at and why. */
gboolean
jx_deals_lose (JxStore      *store,
               gint64        deal_id,
               const char   *reason,
               const GDate  *date,
               GError      **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return close_deal (store, deal_id, 2, reason, date, error);
}

/**
 * jx_deals_reopen:
 * @stage_id: the open stage to reopen the deal in, or 0 for the stage it was in before it
 *   was won or lost
 * @date: the day it is reopened
 *
 * Reopens a won or lost deal. Its furthest stage is worked out again from its history, so
 * a reopened won deal no longer counts as having reached stages it skipped.
 */
gboolean
jx_deals_reopen (JxStore      *store,
                 gint64        deal_id,
                 gint64        stage_id,
                 const GDate  *date,
                 GError      **error)
{
  g_auto(StageInfo) stage = { 0 };
  g_autoptr(sqlite3_stmt) furthest = NULL;
  DealState deal;
  char day[11];
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  jx_date_to_iso_buf (date, day);
  if (!jx_store_begin (store, _("Reopen deal"), error))
    return FALSE;
  ok = get_deal (store, deal_id, &deal, error);
  if (ok && deal.status == 0)
    ok = refuse (error, _("The deal is already open."));
  if (ok && stage_id <= 0)
    {
      /* The open stage of its last open-stage event. */
      ok = read_stage (store,
                       "SELECT s.id, s.kind, s.position, s.name FROM stage_events e"
                       " JOIN stages s ON s.id = e.stage_id AND s.kind = 0"
                       " WHERE e.deal_id = ?1 ORDER BY e.entered DESC, e.id DESC LIMIT 1",
                       deal_id, &stage, NULL) ||
           get_first_open (store, &stage, error);
    }
  else if (ok)
    ok = get_stage (store, stage_id, &stage, error);
  if (ok && stage.kind != 0)
    ok = refuse (error, _("A deal is reopened in an open stage, not in “%s”."), stage.name);
  ok = ok && check_date (&deal, day, error);
  if (ok)
    {
      furthest = jx_store_prepare (store,
                                   "SELECT coalesce(max(s.position), 0) FROM stage_events e"
                                   " JOIN stages s ON s.id = e.stage_id AND s.kind = 0"
                                   " WHERE e.deal_id = ?1", error);
      ok = furthest != NULL;
    }
  if (ok)
    {
      int reached;

      sqlite3_bind_int64 (furthest, 1, deal_id);
      reached = sqlite3_step (furthest) == SQLITE_ROW ? sqlite3_column_int (furthest, 0) : 0;
      ok = set_stage (store, deal_id, stage.id, day, MAX (reached, stage.position), error);
    }
  return jx_row_finish (store, ok, error);
}

/* Deletes a deal with its history and activities. */
gboolean
jx_deals_delete (JxStore  *store,
                 gint64    deal_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  DealState deal;
  gboolean ok;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (!jx_store_begin (store, _("Delete deal"), error))
    return FALSE;
  ok = get_deal (store, deal_id, &deal, error);
  if (ok)
    {
      stmt = jx_store_prepare (store, "DELETE FROM deals WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, deal_id);
      ok = jx_store_step_done (store, stmt, error);
    }
  return jx_row_finish (store, ok, error);
}

/**
 * jx_deals_get_notes:
 *
 * The deal's notes, which JxDeal leaves out because a list never shows them.
 *
 * Returns: (transfer full): the notes ("" for none), or %NULL with @error set
 */
char *
jx_deals_get_notes (JxStore  *store,
                    gint64    deal_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  stmt = select_row (store, "SELECT notes FROM deals WHERE id = ?1", deal_id,
                     _("The deal no longer exists; it may have been deleted."), error);
  if (stmt == NULL)
    return NULL;
  return g_strdup (jx_column_text (stmt, 0) != NULL ? jx_column_text (stmt, 0) : "");
}

void
jx_stage_visit_free (JxStageVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->stage_name);
  g_free (visit);
}

/**
 * jx_deals_history:
 * @today: the day that ends the current stay
 *
 * The deal's stage history as a timeline, oldest first: one visit per stage event, each
 * ending when the next begins.
 *
 * Returns: (transfer full) (element-type JxStageVisit): the visits, or %NULL with @error
 */
GPtrArray *
jx_deals_history (JxStore      *store,
                  gint64        deal_id,
                  const GDate  *today,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  char today_iso[11];
  DealState deal;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!get_deal (store, deal_id, &deal, error))
    return NULL;
  stmt = jx_store_prepare (store,
                           "SELECT e.stage_id, s.name, s.kind, e.entered FROM stage_events e"
                           " JOIN stages s ON s.id = e.stage_id"
                           " WHERE e.deal_id = ?1 ORDER BY e.entered, e.id", error);
  if (stmt == NULL)
    return NULL;
  jx_date_to_iso_buf (today, today_iso);
  visits = g_ptr_array_new_with_free_func ((GDestroyNotify) jx_stage_visit_free);
  sqlite3_bind_int64 (stmt, 1, deal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxStageVisit *v = g_new0 (JxStageVisit, 1);

      v->stage_id = sqlite3_column_int64 (stmt, 0);
      v->stage_name = g_strdup (jx_column_text (stmt, 1));
      v->kind = sqlite3_column_int (stmt, 2);
      g_strlcpy (v->entered, jx_column_text (stmt, 3), sizeof v->entered);
      if (visits->len > 0)
        {
          JxStageVisit *prev = g_ptr_array_index (visits, visits->len - 1);

          memcpy (prev->left, v->entered, sizeof prev->left);
          prev->days = MAX (jx_date_days_between_iso (prev->entered, prev->left), 0);
        }
      g_ptr_array_add (visits, v);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  /* The last visit lasts until today, unless it is an outcome. */
  if (visits->len > 0)
    {
      JxStageVisit *last = g_ptr_array_index (visits, visits->len - 1);

      if (last->kind == 0)
        last->days = MAX (jx_date_days_between_iso (last->entered, today_iso), 0);
    }
  return g_steal_pointer (&visits);
}
