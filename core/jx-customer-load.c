/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-customer-base-private.h"
#include "jx-date.h"
#include "jx-sqlite-private.h"

/*
 * Reading the customer base: the names of types, regions and owners, the customers, and
 * every customer's figures. Nothing here touches a JxStore or a GObject, so a worker thread
 * can read on a connection of its own.
 *
 * The figures come from index ranges rather than from every deal. Won deals up to today
 * (revenue of both years and the last won date) and open deals (pipeline) are read through
 * the covering index deals_closed_facts (status, closed, amount, owner_id, product_id,
 * customer_id): at the largest demo scale that is 270,000 index entries of a million deals,
 * and no table row. Lost deals, the other 700,000, matter only for the churn rule's "no deal
 * won or open for 180 days" (a deal lost in that time was open in it), and only for the
 * customers the rule could flag: they bought in the previous 12 months, have nothing open
 * and won nothing for that long. For those few the last lost deal is one index seek each
 * in deals_customer (customer_id, status, closed).
 *
 * Customers and figures are read in parallel when there are two connections: the customers
 * table in the calling thread, the deals in another, each into its own memory, joined at
 * the end.
 */

/* GDate's Julian day of 1970-01-01. */
#define JULIAN_1970 719163

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The Julian day of an ISO date, 0 for NULL or malformed text. Much faster than GDate for a
 * million rows, and the deals table holds only dates we wrote. */
static guint32
julian_from_iso (const char *text)
{
  int y, m, d;

  if (text == NULL || text[0] == '\0' || strlen (text) < 10)
    return 0;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  return (guint32) (days_from_civil (y, m, d) + JULIAN_1970);
}

void
jx_customer_day_init (JxCustomerDay          *day,
                      const GDate            *today,
                      const JxTierThresholds *thresholds)
{
  GDate year_ago = *today, two_years_ago = *today;

  g_date_subtract_months (&year_ago, 12);
  g_date_subtract_months (&two_years_ago, 24);
  day->julian = g_date_get_julian (today);
  jx_date_to_iso_buf (today, day->today);
  jx_date_to_iso_buf (&year_ago, day->year_ago);
  jx_date_to_iso_buf (&two_years_ago, day->two_years_ago);
  day->thresholds = *thresholds;
}

/* Errors of a connection that may not be the store's. */
void
jx_customer_db_error (sqlite3  *db,
                      int       rc,
                      GError  **error)
{
  if ((rc & 0xff) == SQLITE_ERROR && db != NULL)
    g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FAILED,
                 _("A database operation failed (%s)."), sqlite3_errmsg (db));
  else
    jx_store_set_error (NULL, rc, error);
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      jx_customer_db_error (db, rc, error);
      return NULL;
    }
  return stmt;
}

/* Names */

static GHashTable *
id_table_new (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

static void
id_table_insert (GHashTable *table,
                 gint64      id,
                 gpointer    value)
{
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), value);
}

/* A dense copy of @ranks when the ids are small enough, else %NULL. */
static guint32 *
dense_ranks (GHashTable *ranks,
             gint64     *len)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 max = 0;
  guint32 *dense;

  g_hash_table_iter_init (&iter, ranks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    max = MAX (max, *(gint64 *) key);
  if (max > 4 * (gint64) g_hash_table_size (ranks) + 65536)
    {
      *len = 0;
      return NULL;
    }
  *len = max + 1;
  dense = g_new0 (guint32, *len);
  g_hash_table_iter_init (&iter, ranks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) key >= 0)
      dense[*(gint64 *) key] = GPOINTER_TO_UINT (value);
  return dense;
}

/* Reads id → name of one small table, and each id's place in name order. */
static gboolean
load_name_table (sqlite3     *db,
                 const char  *sql,
                 GHashTable  *names,
                 GHashTable  *ranks,
                 GHashTable  *parents,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);
  guint rank = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      id_table_insert (names, id, g_strdup (jx_column_text (stmt, 1)));
      id_table_insert (ranks, id, GUINT_TO_POINTER (++rank));
      if (parents != NULL && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        id_table_insert (parents, id, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 2) },
                                                 sizeof (gint64)));
    }
  if (rc != SQLITE_DONE)
    {
      jx_customer_db_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
jx_customer_names_clear (JxCustomerNames *names)
{
  g_clear_pointer (&names->type_names, g_hash_table_unref);
  g_clear_pointer (&names->region_names, g_hash_table_unref);
  g_clear_pointer (&names->region_parents, g_hash_table_unref);
  g_clear_pointer (&names->owner_names, g_hash_table_unref);
  g_clear_pointer (&names->type_ranks, g_hash_table_unref);
  g_clear_pointer (&names->region_ranks, g_hash_table_unref);
  g_clear_pointer (&names->owner_ranks, g_hash_table_unref);
  g_clear_pointer (&names->type_dense, g_free);
  g_clear_pointer (&names->region_dense, g_free);
  g_clear_pointer (&names->owner_dense, g_free);
  names->type_dense_len = names->region_dense_len = names->owner_dense_len = 0;
}

/* Reads the names of customer types, regions and team members into @names (cleared first). */
gboolean
jx_customer_names_load (JxCustomerNames  *names,
                        sqlite3          *db,
                        GError          **error)
{
  jx_customer_names_clear (names);
  names->type_names = id_table_new (g_free);
  names->region_names = id_table_new (g_free);
  names->region_parents = id_table_new (g_free);
  names->owner_names = id_table_new (g_free);
  names->type_ranks = id_table_new (NULL);
  names->region_ranks = id_table_new (NULL);
  names->owner_ranks = id_table_new (NULL);

  if (!load_name_table (db, "SELECT id, name FROM customer_types ORDER BY name, id",
                        names->type_names, names->type_ranks, NULL, error) ||
      !load_name_table (db, "SELECT id, name, parent_id FROM regions ORDER BY name, id",
                        names->region_names, names->region_ranks, names->region_parents,
                        error) ||
      !load_name_table (db, "SELECT id, name FROM team_members ORDER BY name, id",
                        names->owner_names, names->owner_ranks, NULL, error))
    return FALSE;
  names->type_dense = dense_ranks (names->type_ranks, &names->type_dense_len);
  names->region_dense = dense_ranks (names->region_ranks, &names->region_dense_len);
  names->owner_dense = dense_ranks (names->owner_ranks, &names->owner_dense_len);
  return TRUE;
}

static guint32
rank_of (GHashTable    *ranks,
         const guint32 *dense,
         gint64         dense_len,
         gint64         id)
{
  if (dense != NULL)
    return id >= 0 && id < dense_len ? dense[id] : 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &id));
}

/* Sets the type, region and owner ranks of @row from its ids. */
void
jx_customer_names_rank_row (const JxCustomerNames *names,
                            JxCustomerRow         *row)
{
  row->type_rank = rank_of (names->type_ranks, names->type_dense, names->type_dense_len,
                            row->type_id);
  row->region_rank = rank_of (names->region_ranks, names->region_dense,
                              names->region_dense_len, row->region_id);
  row->owner_rank = rank_of (names->owner_ranks, names->owner_dense, names->owner_dense_len,
                             row->owner_id);
}

/* Rows */

void
jx_customer_row_set_clear (JxCustomerRowSet *set)
{
  g_clear_pointer (&set->rows, g_array_unref);
  g_clear_pointer (&set->names, g_string_chunk_free);
  g_clear_pointer (&set->id_to_row, g_free);
  set->id_to_row_len = 0;
}

gboolean
jx_customer_row_set_lookup (const JxCustomerRowSet *set,
                            gint64                  id,
                            guint                  *row)
{
  if (set->rows == NULL)
    return FALSE;
  if (set->id_to_row != NULL)
    {
      if (id < 0 || id >= set->id_to_row_len || set->id_to_row[id] == G_MAXUINT)
        return FALSE;
      *row = set->id_to_row[id];
      return TRUE;
    }
  else
    {
      /* Ids too sparse for a dense map: the rows are sorted by id. */
      guint lo = 0, hi = set->rows->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          gint64 mid_id = g_array_index (set->rows, JxCustomerRow, mid).id;

          if (mid_id == id)
            {
              *row = mid;
              return TRUE;
            }
          if (mid_id < id)
            lo = mid + 1;
          else
            hi = mid;
        }
      return FALSE;
    }
}

/* Fills @row's own columns from a row of JX_CUSTOMER_ROW_SQL; the name is left alone. */
static void
read_columns (JxCustomerRow         *row,
              sqlite3_stmt          *stmt,
              const JxCustomerNames *names)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->type_id = sqlite3_column_int64 (stmt, 2);
  row->region_id = sqlite3_column_int64 (stmt, 3);
  row->owner_id = sqlite3_column_int64 (stmt, 4);
  row->tier = jx_tier_from_column (jx_column_text (stmt, 5));
  row->tier_manual = sqlite3_column_int (stmt, 6) != 0;
  jx_customer_names_rank_row (names, row);
}

/* Reads the customers table (no figures) into @set, sorted by id, with each row's place in
 * name order. */
gboolean
jx_customer_row_set_load (JxCustomerRowSet       *set,
                          const JxCustomerNames  *names,
                          sqlite3                *db,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) order = NULL;
  gint64 max_id = 0;
  guint rank = 0;
  int rc;

  jx_customer_row_set_clear (set);
  set->rows = g_array_new (FALSE, TRUE, sizeof (JxCustomerRow));
  set->names = g_string_chunk_new (64 * 1024);

  stmt = prepare (db, JX_CUSTOMER_ROW_SQL " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxCustomerRow row = { 0 };

      read_columns (&row, stmt, names);
      row.name = g_string_chunk_insert (set->names, jx_column_text (stmt, 1));
      max_id = MAX (max_id, row.id);
      g_array_append_val (set->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jx_customer_db_error (db, rc, error);
      return FALSE;
    }

  if (max_id < (gint64) set->rows->len * 8 + 4096)
    {
      set->id_to_row_len = max_id + 1;
      set->id_to_row = g_new (guint, set->id_to_row_len);
      memset (set->id_to_row, 0xff, sizeof (guint) * set->id_to_row_len);
      for (guint i = 0; i < set->rows->len; i++)
        {
          gint64 id = g_array_index (set->rows, JxCustomerRow, i).id;

          if (id >= 0)
            set->id_to_row[id] = i;
        }
    }

  /* Name order from the UNIQUE COLLATE NOCASE index, so sorting by name is an integer
   * compare. */
  order = prepare (db, "SELECT id FROM customers ORDER BY name", error);
  if (order == NULL)
    return FALSE;
  while ((rc = sqlite3_step (order)) == SQLITE_ROW)
    {
      guint row;

      if (jx_customer_row_set_lookup (set, sqlite3_column_int64 (order, 0), &row))
        g_array_index (set->rows, JxCustomerRow, row).name_rank = rank++;
    }
  if (rc != SQLITE_DONE)
    {
      jx_customer_db_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_customer_row_read:
 * @row: the row to update
 * @stmt: JX_CUSTOMER_ROW_BY_ID_SQL, with the id bound
 * @names: the names, for the ranks
 * @found: (out): whether the customer exists
 * @error: return location for an error
 *
 * Re-reads one customer's type, region, owner and tier into @row. The name and its rank
 * are left alone: a rename changes the name order of every row.
 */
gboolean
jx_customer_row_read (JxCustomerRow          *row,
                      sqlite3_stmt           *stmt,
                      const JxCustomerNames  *names,
                      gboolean               *found,
                      GError                **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    read_columns (row, stmt, names);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      jx_customer_db_error (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Figures */

/* One customer's figures while they are summed. */
typedef struct {
  gint64  revenue_12m;
  gint64  revenue_prev_12m;
  gint64  open_pipeline;
  guint32 open_count;
  guint32 last_won;
  guint32 last_closed;
} Figures;

/* Whether the churn rule's idle test depends on the customer's last lost deal: it bought in
 * the previous 12 months (so it won a deal then), nothing is open, and its last win is at
 * least churn_idle_days old. Otherwise the last win decides the rule alone. */
static gboolean
needs_last_lost (const Figures       *f,
                 const JxCustomerDay *day)
{
  return f->revenue_prev_12m > 0 && f->open_count == 0 && f->last_won > 0 &&
         (gint64) day->julian - f->last_won >= day->thresholds.churn_idle_days;
}

/* Every customer's figures, by customer id: an array when the ids are dense enough, else a
 * hash table. */
typedef struct {
  Figures    *dense;
  gint64      dense_len;
  GHashTable *sparse;           /* gint64 id → Figures */
} FigureTable;

static void
figure_table_clear (FigureTable *table)
{
  g_clear_pointer (&table->dense, g_free);
  g_clear_pointer (&table->sparse, g_hash_table_unref);
}

static Figures *
figure_table_get (FigureTable *table,
                  gint64       id,
                  gboolean     create)
{
  Figures *f;

  if (table->dense != NULL)
    return id >= 0 && id < table->dense_len ? &table->dense[id] : NULL;
  f = g_hash_table_lookup (table->sparse, &id);
  if (f == NULL && create)
    {
      f = g_new0 (Figures, 1);
      id_table_insert (table->sparse, id, f);
    }
  return f;
}

typedef struct {
  sqlite3             *db;
  const JxCustomerDay *day;
  FigureTable          table;
  GError              *error;
  gboolean             ok;
} FigureJob;

static gboolean
step_failed (FigureJob *job,
             int        rc)
{
  jx_customer_db_error (job->db, rc, &job->error);
  return FALSE;
}

/* Sizes the table after the customers' ids. */
static gboolean
figure_table_init (FigureJob *job)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 max_id, count;
  int rc;

  stmt = prepare (job->db, "SELECT coalesce(max(id), 0), count(*) FROM customers", &job->error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return step_failed (job, rc);
  max_id = sqlite3_column_int64 (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  if (max_id >= 0 && max_id < count * 8 + 4096)
    {
      job->table.dense_len = max_id + 1;
      job->table.dense = g_new0 (Figures, job->table.dense_len);
    }
  else
    job->table.sparse = id_table_new (g_free);
  return TRUE;
}

/* Won deals up to today, in closed order from the covering index: revenue of both years
 * and the last won date. Consecutive deals mostly share a closed date, so the date is
 * converted and placed in a year once per date rather than per deal. */
static gboolean
sum_won (FigureJob *job)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const JxCustomerDay *day = job->day;
  char previous[16];
  gboolean cached = FALSE;
  guint32 julian = 0;
  int year = 0;   /* 0 older than two years, 1 the previous 12 months, 2 the last 12 */
  int rc;

  stmt = prepare (job->db,
                  "SELECT customer_id, closed, amount FROM deals "
                  "WHERE status = 1 AND closed <= ?1", &job->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day->today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *closed;
      Figures *f;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      f = figure_table_get (&job->table, sqlite3_column_int64 (stmt, 0), TRUE);
      if (f == NULL)
        continue;
      closed = jx_column_text (stmt, 1);
      if (closed == NULL)
        continue;
      if (!cached || strcmp (closed, previous) != 0)
        {
          julian = julian_from_iso (closed);
          year = strcmp (closed, day->two_years_ago) <= 0 ? 0
                 : strcmp (closed, day->year_ago) <= 0 ? 1 : 2;
          cached = strlen (closed) < sizeof previous;
          if (cached)
            strcpy (previous, closed);
        }
      f->last_won = MAX (f->last_won, julian);
      if (year == 2)
        f->revenue_12m += sqlite3_column_int64 (stmt, 2);
      else if (year == 1)
        f->revenue_prev_12m += sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return step_failed (job, rc);
  return TRUE;
}

/* Open deals: how many and their known amounts. */
static gboolean
sum_open (FigureJob *job)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (job->db, "SELECT customer_id, amount FROM deals WHERE status = 0",
                  &job->error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Figures *f;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      f = figure_table_get (&job->table, sqlite3_column_int64 (stmt, 0), TRUE);
      if (f == NULL)
        continue;
      f->open_count++;
      f->open_pipeline += sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return step_failed (job, rc);
  return TRUE;
}

/* The last closed date of one customer the churn rule needs it for. */
static gboolean
settle_last_closed (FigureJob    *job,
                    sqlite3_stmt *stmt,
                    gint64        id,
                    Figures      *f)
{
  int rc;

  f->last_closed = f->last_won;
  if (!needs_last_lost (f, job->day))
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    f->last_closed = MAX (f->last_closed, julian_from_iso (jx_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return step_failed (job, rc);
  return TRUE;
}

static gboolean
find_last_lost (FigureJob *job)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (job->db,
                  "SELECT max(closed) FROM deals "
                  "WHERE customer_id = ?1 AND status = 2 AND closed <= ?2", &job->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, job->day->today, -1, SQLITE_STATIC);
  if (job->table.dense != NULL)
    {
      for (gint64 id = 0; id < job->table.dense_len; id++)
        if (!settle_last_closed (job, stmt, id, &job->table.dense[id]))
          return FALSE;
    }
  else
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, job->table.sparse);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!settle_last_closed (job, stmt, *(gint64 *) key, value))
          return FALSE;
    }
  return TRUE;
}

static gpointer
figures_thread (gpointer data)
{
  FigureJob *job = data;
  gboolean began = FALSE;

  /* One read transaction, so the three passes see the same deals (unless the caller's
   * transaction already holds one). */
  if (sqlite3_get_autocommit (job->db))
    began = sqlite3_exec (job->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  job->ok = figure_table_init (job) && sum_won (job) && sum_open (job) && find_last_lost (job);
  if (began)
    sqlite3_exec (job->db, "COMMIT", NULL, NULL, NULL);
  if (!job->ok && job->error == NULL)
    jx_customer_db_error (job->db, sqlite3_errcode (job->db), &job->error);
  return NULL;
}

static void
copy_figures (JxCustomerRow *row,
              const Figures *f)
{
  static const Figures none = { 0 };

  if (f == NULL)
    f = &none;
  row->revenue_12m = f->revenue_12m;
  row->revenue_prev_12m = f->revenue_prev_12m;
  row->open_pipeline = f->open_pipeline;
  row->open_count = f->open_count;
  row->last_won = f->last_won;
  row->last_closed = f->last_closed;
}

/* Risk and trend from the figures. */
void
jx_customer_row_evaluate (JxCustomerRow       *row,
                          const JxCustomerDay *day)
{
  row->risk = jx_churn_risk_evaluate (row->revenue_12m, row->revenue_prev_12m,
                                      row->last_closed, row->open_count, day->julian,
                                      &day->thresholds);
  row->trend = jx_customer_trend_evaluate (row->revenue_12m, row->revenue_prev_12m);
}

static void
merge_figures (JxCustomerRowSet    *set,
               FigureTable         *table,
               const JxCustomerDay *day)
{
  for (guint i = 0; i < set->rows->len; i++)
    {
      JxCustomerRow *row = &g_array_index (set->rows, JxCustomerRow, i);

      copy_figures (row, figure_table_get (table, row->id, FALSE));
      jx_customer_row_evaluate (row, day);
    }
}

/* Computes the figures, risk and trend of every row of @set on @day. */
gboolean
jx_customer_row_set_load_figures (JxCustomerRowSet     *set,
                                  sqlite3              *db,
                                  const JxCustomerDay  *day,
                                  GError              **error)
{
  FigureJob job = { db, day };

  figures_thread (&job);
  if (job.ok)
    merge_figures (set, &job.table, day);
  else
    g_propagate_error (error, g_steal_pointer (&job.error));
  figure_table_clear (&job.table);
  return job.ok;
}

/**
 * jx_customer_load:
 * @names: (out caller-allocates): the names, cleared first
 * @set: (out caller-allocates): the rows, cleared first
 * @rows_db: the connection for the names and customers
 * @figures_db: the connection for the deals; when it is another connection than @rows_db,
 *   the deals are read in a thread of their own meanwhile
 * @day: the day of the figures
 * @error: return location for an error
 *
 * Reads every customer with its figures, risk and trend.
 */
gboolean
jx_customer_load (JxCustomerNames      *names,
                  JxCustomerRowSet     *set,
                  sqlite3              *rows_db,
                  sqlite3              *figures_db,
                  const JxCustomerDay  *day,
                  GError              **error)
{
  FigureJob job = { figures_db, day };
  g_autoptr(GError) rows_error = NULL;
  GThread *thread = NULL;
  gboolean ok;

  if (figures_db != rows_db)
    thread = g_thread_new ("jx-customer-figures", figures_thread, &job);
  ok = jx_customer_names_load (names, rows_db, &rows_error) &&
       jx_customer_row_set_load (set, names, rows_db, &rows_error);
  if (thread != NULL)
    g_thread_join (thread);
  else if (ok)
    figures_thread (&job);

  if (ok && job.ok)
    merge_figures (set, &job.table, day);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&rows_error));
  else
    g_propagate_error (error, g_steal_pointer (&job.error));
  g_clear_error (&job.error);
  figure_table_clear (&job.table);
  return ok && job.ok;
}

/**
 * jx_customer_row_read_figures:
 * @row: the row to update
 * @stmt: JX_CUSTOMER_DEALS_SQL, with the customer's id bound
 * @day: the day of the figures
 * @error: return location for an error
 *
 * Recomputes one customer's figures, risk and trend from its deals, by the same rules as
 * a full load (so that the last closed date is the same too).
 */
gboolean
jx_customer_row_read_figures (JxCustomerRow        *row,
                              sqlite3_stmt         *stmt,
                              const JxCustomerDay  *day,
                              GError              **error)
{
  Figures f = { 0 };
  guint32 last_lost = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status = sqlite3_column_int (stmt, 0);
      const char *closed = jx_column_text (stmt, 1);
      gint64 amount = sqlite3_column_int64 (stmt, 2);

      if (status == 0)
        {
          f.open_count++;
          f.open_pipeline += amount;
          continue;
        }
      /* Deals dated after today have not happened yet on the base's day. */
      if (closed == NULL || strcmp (closed, day->today) > 0)
        continue;
      if (status == 2)
        {
          last_lost = MAX (last_lost, julian_from_iso (closed));
          continue;
        }
      if (status != 1)
        continue;
      f.last_won = MAX (f.last_won, julian_from_iso (closed));
      if (strcmp (closed, day->two_years_ago) <= 0)
        continue;
      if (strcmp (closed, day->year_ago) > 0)
        f.revenue_12m += amount;
      else
        f.revenue_prev_12m += amount;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jx_customer_db_error (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }
  f.last_closed = needs_last_lost (&f, day) ? MAX (f.last_won, last_lost) : f.last_won;
  copy_figures (row, &f);
  jx_customer_row_evaluate (row, day);
  return TRUE;
}
