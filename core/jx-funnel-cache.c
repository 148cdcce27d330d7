/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-funnel-cache-private.h"
#include "jx-sqlite-private.h"

/*
 * The funnel reads every deal and every stage event. SQLite needs about 85 ms just to scan
 * the million deals of a large database and several times that to join them with their
 * customers and products and to pair each stage event with the next one, so the funnel
 * keeps a compact copy in memory instead: ~48 bytes per deal and 5 bytes per stage event,
 * with dates as day numbers and customers, products, owners and stages as slots into small
 * tables. A funnel is then a loop over arrays.
 *
 * The copy is loaded once per store (about a second for a million deals) and then kept
 * current row by row: temporary triggers on deals, stage_events, customers, products,
 * team_members and stages record what a write touched in temp.jx_funnel_dirty, in the same
 * transaction as the write (so a rollback forgets it too, and undo and redo are seen like
 * any edit). Before each use the cache reloads the touched deals and tables. Writes by
 * other processes are noticed through PRAGMA data_version and reload everything.
 */

#define CACHE_KEY "jx-funnel-cache"
/* Beyond this many touched deals, one full load is quicker than row-by-row reloads. */
#define MAX_INCREMENTAL 20000

enum {
  DIRTY_DEAL = 0,
  DIRTY_STAGES = 1,
  DIRTY_CUSTOMERS = 2,
  DIRTY_PRODUCTS = 3,
  DIRTY_MEMBERS = 4,
};

typedef struct {
  JxFunnelCache  cache;
  JxStore       *store;             /* not owned: the holder is the store's data */
  gboolean       loaded;
  gboolean       poisoned;          /* refreshed inside an open transaction */
  gint64         data_version;
  guint32       *stay_histogram;    /* n_stages × (JX_CACHE_MAX_DAYS + 1), all history */
  sqlite3_stmt  *deal_row;
  sqlite3_stmt  *deal_events;

  /* A full load running in a thread (jx_funnel_cache_load_async()): the rows and the
   * histograms are the thread's until it is joined; the small tables were read before it
   * started and nobody changes them meanwhile, because every other use joins it first. */
  GThread       *loader;
  sqlite3       *loader_db[2];
  gboolean       loader_ok;
  GError        *loader_error;
  GMainContext  *loader_context;
  GSource       *loader_done;       /* attached by the thread as it ends */
  GPtrArray     *waiting;           /* GTasks told when the load ends */
} Holder;

static const char install_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS jx_funnel_dirty ("
  "  what INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (what, id)) WITHOUT ROWID;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_deals_i AFTER INSERT ON main.deals BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, new.id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_deals_u AFTER UPDATE OF id, customer_id, owner_id,"
  "  product_id, amount, opened, closed, expected_close, stage_id, stage_entered, status,"
  "  furthest_position, lost_at_stage_id ON main.deals BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, old.id);"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, new.id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_deals_d AFTER DELETE ON main.deals BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, old.id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_events_i AFTER INSERT ON main.stage_events BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, new.deal_id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_events_u AFTER UPDATE ON main.stage_events BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, old.deal_id);"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, new.deal_id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_events_d AFTER DELETE ON main.stage_events BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (0, old.deal_id); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_stages_i AFTER INSERT ON main.stages BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (1, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_stages_u AFTER UPDATE ON main.stages BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (1, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_stages_d AFTER DELETE ON main.stages BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (1, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_customers_i AFTER INSERT ON main.customers BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (2, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_customers_u AFTER UPDATE OF id, region_id,"
  "  type_id, tier ON main.customers BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (2, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_customers_d AFTER DELETE ON main.customers BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (2, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_products_i AFTER INSERT ON main.products BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (3, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_products_u AFTER UPDATE OF id, line_id"
  "  ON main.products BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (3, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_products_d AFTER DELETE ON main.products BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (3, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_members_i AFTER INSERT ON main.team_members BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (4, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jx_funnel_members_d AFTER DELETE ON main.team_members BEGIN"
  "  INSERT OR IGNORE INTO jx_funnel_dirty VALUES (4, 0); END;";

static const char deal_columns[] =
  "id, customer_id, owner_id, product_id, amount, opened, closed, expected_close, stage_id,"
  " stage_entered, status, furthest_position, lost_at_stage_id";

/* Days since 0001-01-01 plus one (so 0 can mean "unknown"), for the proleptic Gregorian
 * calendar; the same numbering as g_date_get_julian(). */
gint32
jx_day_number (int year,
               int month,
               int day)
{
  static const int before_month[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  int y = year - 1;
  gint32 n = y * 365 + y / 4 - y / 100 + y / 400 + before_month[month - 1] + day;

  if (month > 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    n++;
  return n;
}

/* The day number of an ISO date, or 0 for NULL or anything that is not one. Deliberately
 * quicker than jx_date_parse_iso(): it runs for every date of every deal. */
gint32
jx_day_from_iso (const char *iso)
{
  int y, m, d;

  if (iso == NULL)
    return 0;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return 0;
  if (iso[10] != '\0')
    return 0;
  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return 0;
  return jx_day_number (y, m, d);
}

gint32
jx_day_from_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return 0;
  return jx_day_number (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

guint8
jx_funnel_cache_tier_code (const char *tier)
{
  static const char *const codes[] = { "key", "growth", "maintain", "defend" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (tier, codes[i]) == 0)
      return i + 1;
  return 0;
}

/* The slot of @id in the ascending @ids, or JX_CACHE_NONE. Ids are usually dense, so the
 * first guess is usually right. */
guint
jx_funnel_cache_slot_of (const gint64 *ids,
                         guint         n,
                         gint64        id)
{
  guint lo = 0, hi = n;

  if (id <= 0 || n == 0)
    return JX_CACHE_NONE;
  if ((guint64) id <= n && ids[id - 1] == id)
    return (guint) (id - 1);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && ids[lo] == id ? lo : JX_CACHE_NONE;
}

static guint
slot_or_none (const gint64 *ids,
              guint         n,
              sqlite3_stmt *stmt,
              int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return JX_CACHE_NONE;
  return jx_funnel_cache_slot_of (ids, n, sqlite3_column_int64 (stmt, col));
}

static void
free_tables (JxFunnelCache *c)
{
  for (guint i = 0; i < c->n_stages; i++)
    g_free (c->stages[i].name);
  g_clear_pointer (&c->stages, g_free);
  c->n_stages = 0;
  g_clear_pointer (&c->customer_ids, g_free);
  g_clear_pointer (&c->customer_region, g_free);
  g_clear_pointer (&c->customer_type, g_free);
  g_clear_pointer (&c->customer_tier, g_free);
  c->n_customers = 0;
  g_clear_pointer (&c->product_ids, g_free);
  g_clear_pointer (&c->product_line, g_free);
  c->n_products = 0;
  g_clear_pointer (&c->member_ids, g_free);
  c->n_members = 0;
}

static void
free_rows (JxFunnelCache *c)
{
  g_clear_pointer (&c->deal_ids, g_free);
  g_clear_pointer (&c->deals, g_free);
  c->n_deals = c->deals_size = 0;
  g_clear_pointer (&c->event_days, g_free);
  g_clear_pointer (&c->event_stages, g_free);
  c->n_events = c->events_size = c->n_dead_events = 0;
}

static void     join_loader        (Holder   *h);
static gboolean on_loader_done_cb  (gpointer  data);

static gboolean
return_cancelled_cb (gpointer data)
{
  GTask *task = data;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                           _("The funnel was closed before it finished loading."));
  return G_SOURCE_REMOVE;
}

static void
holder_free (gpointer data)
{
  Holder *h = data;

  if (h->loader != NULL)
    {
      /* sqlite3_interrupt() may be called from another thread while the connection is
       * open; the thread then ends at its next row. */
      sqlite3_interrupt (h->loader_db[0]);
      sqlite3_interrupt (h->loader_db[1]);
      join_loader (h);
    }
  if (h->loader_done != NULL)
    {
      g_source_destroy (h->loader_done);
      g_clear_pointer (&h->loader_done, g_source_unref);
    }
  /* Told from an idle, not from inside g_object_set_data(). */
  for (guint i = 0; h->waiting != NULL && i < h->waiting->len; i++)
    g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_cb,
                     g_object_ref (g_ptr_array_index (h->waiting, i)), g_object_unref);
  g_clear_pointer (&h->waiting, g_ptr_array_unref);
  g_clear_error (&h->loader_error);
  g_clear_pointer (&h->loader_context, g_main_context_unref);
  free_rows (&h->cache);
  free_tables (&h->cache);
  g_free (h->stay_histogram);
  g_clear_pointer (&h->deal_row, sqlite3_finalize);
  g_clear_pointer (&h->deal_events, sqlite3_finalize);
  g_free (h);
}

static gboolean
step_error (JxStore  *store,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  jx_store_set_error (store, rc, error);
  return FALSE;
}

/* Reads a small table of ids and up to three attributes, ordered by id. */
static gboolean
load_ids (JxStore     *store,
          const char  *sql,
          gint64     **ids,
          gint64     **attr1,
          gint64     **attr2,
          guint8     **tier,
          guint       *n,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
  g_autoptr(GArray) a_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) a_1 = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) a_2 = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GByteArray) a_t = g_byte_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 v1 = jx_column_int64_or (stmt, 1, 0);
      gint64 v2 = jx_column_int64_or (stmt, 2, 0);
      guint8 t = jx_funnel_cache_tier_code (jx_column_text (stmt, 3));

      g_array_append_val (a_ids, id);
      g_array_append_val (a_1, v1);
      g_array_append_val (a_2, v2);
      g_byte_array_append (a_t, &t, 1);
    }
  if (!step_error (store, rc, error))
    return FALSE;
  *n = a_ids->len;
  *ids = (gint64 *) g_array_free (g_steal_pointer (&a_ids), FALSE);
  if (attr1 != NULL)
    *attr1 = (gint64 *) g_array_free (g_steal_pointer (&a_1), FALSE);
  if (attr2 != NULL)
    *attr2 = (gint64 *) g_array_free (g_steal_pointer (&a_2), FALSE);
  if (tier != NULL)
    *tier = g_byte_array_free (g_steal_pointer (&a_t), FALSE);
  return TRUE;
}

static gboolean
load_stages (Holder   *h,
             GError  **error)
{
  JxFunnelCache *c = &h->cache;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) stages = g_array_new (FALSE, TRUE, sizeof (JxCachedStage));
  int rc;

  stmt = jx_store_prepare (h->store,
                           "SELECT id, name, kind, position, probability, stalled_days "
                           "FROM stages ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxCachedStage s = { 0 };

      s.id = sqlite3_column_int64 (stmt, 0);
      s.name = g_strdup (jx_column_text (stmt, 1));
      s.kind = sqlite3_column_int (stmt, 2);
      s.position = sqlite3_column_int (stmt, 3);
      s.probability = sqlite3_column_int (stmt, 4);
      s.stalled_days = (int) jx_column_int64_or (stmt, 5, 0);
      g_array_append_val (stages, s);
    }
  if (!step_error (h->store, rc, error))
    {
      for (guint i = 0; i < stages->len; i++)
        g_free (g_array_index (stages, JxCachedStage, i).name);
      return FALSE;
    }
  if (stages->len >= JX_CACHE_NONE8)
    {
      for (guint i = 0; i < stages->len; i++)
        g_free (g_array_index (stages, JxCachedStage, i).name);
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The sales process has more than 250 stages. Delete unused stages."));
      return FALSE;
    }
  for (guint i = 0; i < c->n_stages; i++)
    g_free (c->stages[i].name);
  g_free (c->stages);
  c->n_stages = stages->len;
  c->stages = (JxCachedStage *) g_array_free (g_steal_pointer (&stages), FALSE);
  return TRUE;
}

static gboolean
load_customers (Holder   *h,
                GError  **error)
{
  JxFunnelCache *c = &h->cache;

  g_clear_pointer (&c->customer_ids, g_free);
  g_clear_pointer (&c->customer_region, g_free);
  g_clear_pointer (&c->customer_type, g_free);
  g_clear_pointer (&c->customer_tier, g_free);
  c->n_customers = 0;
  return load_ids (h->store, "SELECT id, region_id, type_id, tier FROM customers ORDER BY id",
                   &c->customer_ids, &c->customer_region, &c->customer_type, &c->customer_tier,
                   &c->n_customers, error);
}

static gboolean
load_products (Holder   *h,
               GError  **error)
{
  JxFunnelCache *c = &h->cache;

  g_clear_pointer (&c->product_ids, g_free);
  g_clear_pointer (&c->product_line, g_free);
  c->n_products = 0;
  return load_ids (h->store, "SELECT id, line_id, NULL, NULL FROM products ORDER BY id",
                   &c->product_ids, &c->product_line, NULL, NULL, &c->n_products, error);
}

static gboolean
load_members (Holder   *h,
              GError  **error)
{
  JxFunnelCache *c = &h->cache;

  g_clear_pointer (&c->member_ids, g_free);
  c->n_members = 0;
  return load_ids (h->store, "SELECT id, NULL, NULL, NULL FROM team_members ORDER BY id",
                   &c->member_ids, NULL, NULL, NULL, &c->n_members, error);
}

static guint8
stage_slot_of_id (const JxCachedStage *stages,
                  guint                n_stages,
                  gint64               id)
{
  guint lo = 0, hi = n_stages;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (stages[mid].id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n_stages && stages[lo].id == id ? (guint8) lo : JX_CACHE_NONE8;
}

static guint8
stage_slot (JxFunnelCache *c,
            sqlite3_stmt  *stmt,
            int            col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return JX_CACHE_NONE8;
  return stage_slot_of_id (c->stages, c->n_stages, sqlite3_column_int64 (stmt, col));
}

/* Fills @d from a row of deal_columns (the id is column 0). */
static void
fill_deal (JxFunnelCache *c,
           sqlite3_stmt  *stmt,
           JxCachedDeal  *d)
{
  int status = sqlite3_column_int (stmt, 10);
  gint64 furthest = sqlite3_column_int64 (stmt, 11);

  d->customer = slot_or_none (c->customer_ids, c->n_customers, stmt, 1);
  d->owner = slot_or_none (c->member_ids, c->n_members, stmt, 2);
  d->product = slot_or_none (c->product_ids, c->n_products, stmt, 3);
  d->amount = jx_column_int64_or (stmt, 4, -1);
  d->opened = jx_day_from_iso (jx_column_text (stmt, 5));
  d->closed = jx_day_from_iso (jx_column_text (stmt, 6));
  d->expected = jx_day_from_iso (jx_column_text (stmt, 7));
  d->stage = stage_slot (c, stmt, 8);
  d->entered = jx_day_from_iso (jx_column_text (stmt, 9));
  d->status = status >= 0 && status <= 2 && d->stage != JX_CACHE_NONE8 ? status : JX_CACHE_DEAD;
  d->furthest = (gint16) CLAMP (furthest, G_MININT16, G_MAXINT16);
  d->lost_at = stage_slot (c, stmt, 12);
}

static void
reserve_events (JxFunnelCache *c,
                guint          extra)
{
  if (c->n_events + extra <= c->events_size)
    return;
  c->events_size = MAX (c->events_size * 2, c->n_events + extra + 1024);
  c->event_days = g_renew (gint32, c->event_days, c->events_size);
  c->event_stages = g_renew (guint8, c->event_stages, c->events_size);
}

static void
reserve_deals (JxFunnelCache *c,
               guint          extra)
{
  if (c->n_deals + extra <= c->deals_size)
    return;
  c->deals_size = MAX (c->deals_size * 2, c->n_deals + extra + 1024);
  c->deal_ids = g_renew (gint64, c->deal_ids, c->deals_size);
  c->deals = g_renew (JxCachedDeal, c->deals, c->deals_size);
}

/* Adds (@sign = 1) or removes (@sign = -1) the finished stays of deal @slot to the
 * all-history histograms behind the suggested stalled thresholds. */
static void
count_stays (Holder *h,
             guint   slot,
             int     sign)
{
  JxFunnelCache *c = &h->cache;
  const JxCachedDeal *d = &c->deals[slot];

  if (d->status == JX_CACHE_DEAD)
    return;
  for (guint e = d->first_event; e + 1 < d->first_event + d->n_events; e++)
    {
      guint8 s = c->event_stages[e];
      gint32 from = c->event_days[e];
      gint32 to = c->event_days[e + 1];
      gint32 days;

      if (s == JX_CACHE_NONE8 || c->stages[s].kind != 0 || from == 0 || to == 0)
        continue;
      days = CLAMP (to - from, 0, JX_CACHE_MAX_DAYS);
      h->stay_histogram[s * (JX_CACHE_MAX_DAYS + 1) + days] += sign;
    }
}

static void
compute_suggestions (Holder *h)
{
  JxFunnelCache *c = &h->cache;

  for (guint s = 0; s < c->n_stages; s++)
    {
      const guint32 *hist = &h->stay_histogram[s * (JX_CACHE_MAX_DAYS + 1)];
      guint64 total = 0, seen = 0, rank;

      c->stages[s].suggested = 0;
      for (guint d = 0; d <= JX_CACHE_MAX_DAYS; d++)
        total += hist[d];
      if (total == 0)
        continue;
      /* The nearest-rank 80th percentile: the smallest length that at least 80% of the
       * stays do not exceed. */
      rank = (total * 80 + 99) / 100;
      for (guint d = 0; d <= JX_CACHE_MAX_DAYS; d++)
        {
          seen += hist[d];
          if (seen >= rank)
            {
              c->stages[s].suggested = MAX ((int) d, 1);
              break;
            }
        }
    }
}

static void
rebuild_histograms (Holder *h)
{
  JxFunnelCache *c = &h->cache;

  g_free (h->stay_histogram);
  h->stay_histogram = g_new0 (guint32, MAX (c->n_stages, 1) * (JX_CACHE_MAX_DAYS + 1));
  for (guint i = 0; i < c->n_deals; i++)
    count_stays (h, i, 1);
  compute_suggestions (h);
}

static gboolean
db_error (JxStore  *store,
          sqlite3  *db,
          int       rc,
          GError  **error)
{
  if (db == jx_store_get_db (store))
    jx_store_set_error (store, rc, error);
  else
    g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FAILED,
                 _("A database operation failed (%s)."), sqlite3_errmsg (db));
  return FALSE;
}

/* Stable insertion sort of one deal's events by day; they arrive in id order, so equal
 * days keep it, and they are nearly always sorted already. */
static void
sort_events (JxFunnelCache *c,
             guint          first,
             guint          n)
{
  gint32 *days = c->event_days + first;
  guint8 *stages = c->event_stages + first;

  for (guint i = 1; i < n; i++)
    {
      gint32 day = days[i];
      guint8 stage = stages[i];
      guint j = i;

      while (j > 0 && days[j - 1] > day)
        {
          days[j] = days[j - 1];
          stages[j] = stages[j - 1];
          j--;
        }
      days[j] = day;
      stages[j] = stage;
    }
}

/* The stage events of every deal, read in table order (SQLite reads that twice as fast as
 * index order) on a connection of their own, in a thread while the deals load. */
typedef struct {
  sqlite3             *db;
  const JxCachedStage *stages;
  guint                n_stages;
  guint32             *deal_ids;
  gint32              *days;
  guint8              *stage_slots;
  gsize                n;
  int                  rc;
} EventScan;

static gpointer
scan_events (gpointer data)
{
  EventScan *scan = data;
  sqlite3_stmt *stmt = NULL;
  gsize size = 0;
  int rc;

  rc = sqlite3_prepare_v2 (scan->db, "SELECT deal_id, stage_id, entered FROM stage_events", -1,
                           &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, 0);

      if (deal_id <= 0 || deal_id > G_MAXUINT32)
        continue;       /* no deal has such an id (see load_rows) */
      if (scan->n == size)
        {
          size = MAX (size * 2, 65536);
          scan->deal_ids = g_renew (guint32, scan->deal_ids, size);
          scan->days = g_renew (gint32, scan->days, size);
          scan->stage_slots = g_renew (guint8, scan->stage_slots, size);
        }
      scan->deal_ids[scan->n] = (guint32) deal_id;
      scan->stage_slots[scan->n] = stage_slot_of_id (scan->stages, scan->n_stages,
                                                     sqlite3_column_int64 (stmt, 1));
      scan->days[scan->n] = jx_day_from_iso (jx_column_text (stmt, 2));
      scan->n++;
    }
  sqlite3_finalize (stmt);
  scan->rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  return NULL;
}

/* Loads every deal through @deals_db and every event through @events_db, in parallel when
 * they are two connections; the events are then grouped by deal with a counting sort. */
static gboolean
load_rows (Holder   *h,
           sqlite3  *deals_db,
           sqlite3  *events_db,
           GError  **error)
{
  JxFunnelCache *c = &h->cache;
  g_autoptr(sqlite3_stmt) deals = NULL;
  g_autofree char *sql = NULL;
  g_autofree guint32 *fill = NULL;
  EventScan scan = { events_db, c->stages, c->n_stages, NULL, NULL, NULL, 0, SQLITE_OK };
  GThread *thread = NULL;
  gboolean ok = TRUE;
  int rc;

  free_rows (c);
  if (events_db != deals_db)
    thread = g_thread_new ("jx-funnel-events", scan_events, &scan);

  sql = g_strdup_printf ("SELECT %s FROM deals ORDER BY id", deal_columns);
  rc = sqlite3_prepare_v2 (deals_db, sql, -1, &deals, NULL);
  while (deals != NULL && (rc = sqlite3_step (deals)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (deals, 0);

      /* Events carry 32-bit deal ids; a larger id (never made by SQLite unless asked for)
       * leaves its deal out of the funnel. */
      if (id > G_MAXUINT32)
        continue;
      reserve_deals (c, 1);
      c->deal_ids[c->n_deals] = id;
      fill_deal (c, deals, &c->deals[c->n_deals]);
      c->deals[c->n_deals].first_event = 0;
      c->deals[c->n_deals].n_events = 0;
      c->n_deals++;
    }
  if (rc != SQLITE_DONE)
    ok = db_error (h->store, deals_db, rc, error);

  if (thread != NULL)
    g_thread_join (thread);
  else if (ok)
    scan_events (&scan);
  if (ok && scan.rc != SQLITE_OK)
    ok = db_error (h->store, events_db, scan.rc, error);

  if (ok)
    {
      guint32 *slots = scan.deal_ids;   /* turned from ids into slots in place */
      gsize n_ev = 0;

      for (gsize e = 0; e < scan.n; e++)
        {
          guint slot = jx_funnel_cache_slot_of (c->deal_ids, c->n_deals, slots[e]);

          if (slot == JX_CACHE_NONE || c->deals[slot].n_events == G_MAXUINT16)
            slot = JX_CACHE_NONE;
          else
            {
              c->deals[slot].n_events++;
              n_ev++;
            }
          slots[e] = slot;
        }
      reserve_events (c, n_ev);
      fill = g_new (guint32, MAX (c->n_deals, 1));
      for (guint i = 0, next = 0; i < c->n_deals; i++)
        {
          c->deals[i].first_event = fill[i] = next;
          next += c->deals[i].n_events;
        }
      for (gsize e = 0; e < scan.n; e++)
        if (slots[e] != JX_CACHE_NONE)
          {
            guint32 at = fill[slots[e]]++;

            c->event_days[at] = scan.days[e];
            c->event_stages[at] = scan.stage_slots[e];
          }
      c->n_events = n_ev;
      for (guint i = 0; i < c->n_deals; i++)
        if (c->deals[i].n_events > 1)
          sort_events (c, c->deals[i].first_event, c->deals[i].n_events);
    }
  g_free (scan.deal_ids);
  g_free (scan.days);
  g_free (scan.stage_slots);
  return ok;
}

/* A read-only connection of our own for the full load: no locking around every column
 * read, memory-mapped pages, and nothing in the way of the store's connection. NULL when
 * the store has uncommitted changes that only its own connection can see. */
static sqlite3 *
open_private_reader (JxStore *store)
{
  sqlite3 *db = jx_store_open_reader (store);

  if (db != NULL)
    sqlite3_exec (db, "PRAGMA cache_size = -8192", NULL, NULL, NULL);
  return db;
}

static gboolean
read_data_version (JxStore  *store,
                   gint64   *version)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
triggers_installed (JxStore *store)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "SELECT count(*) FROM sqlite_temp_master "
                             "WHERE type = 'trigger' AND name LIKE 'jx\\_funnel\\_%' ESCAPE '\\'",
                      NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 17;
}

/* Reads from one snapshot of the file: a read transaction unless the caller holds one. */
static gboolean
begin_read (JxStore *store)
{
  if (jx_store_in_transaction (store) || !sqlite3_get_autocommit (jx_store_get_db (store)))
    return FALSE;
  return jx_store_exec (store, "BEGIN", NULL);
}

static void
end_read (JxStore  *store,
          gboolean  began)
{
  if (began)
    jx_store_exec (store, "COMMIT", NULL);
}

/* The first part of a full load, on the store's connection: the triggers that record
 * later changes, the small tables deals refer to, and the data version. */
static gboolean
load_tables (Holder   *h,
             GError  **error)
{
  gboolean began;
  gboolean ok;

  h->loaded = FALSE;
  if (!jx_store_exec (h->store, install_sql, error))
    return FALSE;
  began = begin_read (h->store);
  free_tables (&h->cache);
  ok = jx_store_exec (h->store, "DELETE FROM temp.jx_funnel_dirty", error) &&
       load_stages (h, error) && load_customers (h, error) && load_products (h, error) &&
       load_members (h, error) && read_data_version (h->store, &h->data_version);
  end_read (h->store, began);
  if (!ok)
    free_tables (&h->cache);
  return ok;
}

static gboolean
full_load (Holder   *h,
           GError  **error)
{
  gboolean ok;

  if (!load_tables (h, error))
    return FALSE;

  {
    /* Changes after the triggers went in are recorded, so a reader whose snapshot is a
     * little later than the tables' only makes the next refresh redo some rows. */
    sqlite3 *deals_db = open_private_reader (h->store);
    sqlite3 *events_db = deals_db != NULL ? open_private_reader (h->store) : NULL;
    sqlite3 *db = jx_store_get_db (h->store);

    if (events_db == NULL)
      g_clear_pointer (&deals_db, sqlite3_close);
    ok = load_rows (h, deals_db != NULL ? deals_db : db, events_db != NULL ? events_db : db,
                    error);
    g_clear_pointer (&deals_db, sqlite3_close);
    g_clear_pointer (&events_db, sqlite3_close);
  }
  if (!ok)
    {
      free_rows (&h->cache);
      free_tables (&h->cache);
      return FALSE;
    }
  rebuild_histograms (h);
  h->loaded = TRUE;
  h->poisoned = jx_store_in_transaction (h->store);
  return TRUE;
}

/* TRUE when @old_ids (n_old) is a prefix of the current ids, so existing slots still hold. */
static gboolean
is_prefix (const gint64 *old_ids,
           guint         n_old,
           const gint64 *ids,
           guint         n)
{
  return n_old <= n && (n_old == 0 || memcmp (old_ids, ids, n_old * sizeof (gint64)) == 0);
}

/* Reloads a table whose slots deals refer to; FALSE in *still_valid when slots moved. */
static gboolean
reload_table (Holder    *h,
              int        what,
              gboolean  *still_valid,
              GError   **error)
{
  JxFunnelCache *c = &h->cache;
  g_autofree gint64 *old_ids = NULL;
  guint n_old = 0;
  gboolean ok;

  switch (what)
    {
    case DIRTY_STAGES:
      old_ids = g_new (gint64, MAX (c->n_stages, 1));
      for (guint i = 0; i < c->n_stages; i++)
        old_ids[i] = c->stages[i].id;
      n_old = c->n_stages;
      ok = load_stages (h, error);
      if (ok)
        {
          g_autofree gint64 *ids = g_new (gint64, MAX (c->n_stages, 1));

          for (guint i = 0; i < c->n_stages; i++)
            ids[i] = c->stages[i].id;
          /* The histograms are laid out by stage slot, so any change of the set reloads. */
          *still_valid = n_old == c->n_stages && is_prefix (old_ids, n_old, ids, c->n_stages);
        }
      return ok;
    case DIRTY_CUSTOMERS:
      n_old = c->n_customers;
      old_ids = g_memdup2 (c->customer_ids, n_old * sizeof (gint64));
      ok = load_customers (h, error);
      *still_valid = ok && is_prefix (old_ids, n_old, c->customer_ids, c->n_customers);
      return ok;
    case DIRTY_PRODUCTS:
      n_old = c->n_products;
      old_ids = g_memdup2 (c->product_ids, n_old * sizeof (gint64));
      ok = load_products (h, error);
      *still_valid = ok && is_prefix (old_ids, n_old, c->product_ids, c->n_products);
      return ok;
    case DIRTY_MEMBERS:
      n_old = c->n_members;
      old_ids = g_memdup2 (c->member_ids, n_old * sizeof (gint64));
      ok = load_members (h, error);
      *still_valid = ok && is_prefix (old_ids, n_old, c->member_ids, c->n_members);
      return ok;
    default:
      *still_valid = TRUE;
      return TRUE;
    }
}

/* Reloads one deal and its events. FALSE in *placed when its id falls between existing
 * slots (an undone delete of an old deal), which needs a full load. */
static gboolean
reload_deal (Holder    *h,
             gint64     id,
             gboolean  *placed,
             GError   **error)
{
  JxFunnelCache *c = &h->cache;
  guint slot = jx_funnel_cache_slot_of (c->deal_ids, c->n_deals, id);
  JxCachedDeal *d;
  int rc;

  *placed = TRUE;
  if (h->deal_row == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM deals WHERE id = ?", deal_columns);

      h->deal_row = jx_store_prepare (h->store, sql, error);
      if (h->deal_row == NULL)
        return FALSE;
    }
  if (h->deal_events == NULL)
    {
      h->deal_events = jx_store_prepare (h->store,
                                         "SELECT stage_id, entered FROM stage_events "
                                         "WHERE deal_id = ? ORDER BY entered, id", error);
      if (h->deal_events == NULL)
        return FALSE;
    }

  sqlite3_bind_int64 (h->deal_row, 1, id);
  rc = sqlite3_step (h->deal_row);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (h->deal_row);
      if (rc != SQLITE_DONE)
        return step_error (h->store, rc, error);
      /* Deleted: keep the slot, dead. */
      if (slot != JX_CACHE_NONE)
        {
          count_stays (h, slot, -1);
          c->n_dead_events += c->deals[slot].n_events;
          c->deals[slot].status = JX_CACHE_DEAD;
          c->deals[slot].n_events = 0;
        }
      return TRUE;
    }

  if (slot == JX_CACHE_NONE)
    {
      if (c->n_deals > 0 && id < c->deal_ids[c->n_deals - 1])
        {
          sqlite3_reset (h->deal_row);
          *placed = FALSE;
          return TRUE;
        }
      reserve_deals (c, 1);
      slot = c->n_deals++;
      c->deal_ids[slot] = id;
      c->deals[slot].status = JX_CACHE_DEAD;
      c->deals[slot].n_events = 0;
    }
  else
    count_stays (h, slot, -1);

  d = &c->deals[slot];
  c->n_dead_events += d->n_events;
  fill_deal (c, h->deal_row, d);
  sqlite3_reset (h->deal_row);

  d->first_event = c->n_events;
  d->n_events = 0;
  sqlite3_bind_int64 (h->deal_events, 1, id);
  while ((rc = sqlite3_step (h->deal_events)) == SQLITE_ROW && d->n_events < G_MAXUINT16)
    {
      reserve_events (c, 1);
      d = &c->deals[slot];
      c->event_stages[c->n_events] = stage_slot (c, h->deal_events, 0);
      c->event_days[c->n_events] = jx_day_from_iso (jx_column_text (h->deal_events, 1));
      c->n_events++;
      d->n_events++;
    }
  sqlite3_reset (h->deal_events);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return step_error (h->store, rc, error);
  count_stays (h, slot, 1);
  return TRUE;
}

/* Packs the events of live deals together once replaced runs waste a third of the array. */
static void
compact_events (JxFunnelCache *c)
{
  gint32 *days;
  guint8 *stages;
  guint n = 0;

  if (c->n_dead_events < c->n_events / 3 || c->n_dead_events < 4096)
    return;
  days = g_new (gint32, MAX (c->n_events - c->n_dead_events, 1) + 1024);
  stages = g_new (guint8, MAX (c->n_events - c->n_dead_events, 1) + 1024);
  for (guint i = 0; i < c->n_deals; i++)
    {
      JxCachedDeal *d = &c->deals[i];

      memcpy (days + n, c->event_days + d->first_event, d->n_events * sizeof (gint32));
      memcpy (stages + n, c->event_stages + d->first_event, d->n_events);
      d->first_event = n;
      n += d->n_events;
    }
  g_free (c->event_days);
  g_free (c->event_stages);
  c->event_days = days;
  c->event_stages = stages;
  c->n_events = n;
  c->events_size = n + 1024;
  c->n_dead_events = 0;
}

/* Applies what temp.jx_funnel_dirty recorded. FALSE in *complete when a full load is
 * needed instead. */
static gboolean
refresh (Holder    *h,
         gboolean  *complete,
         GError   **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) dirty = NULL;
  gboolean stays_changed = FALSE;
  gboolean began;
  gboolean ok = TRUE;
  gint64 n_dirty;
  int rc;

  *complete = FALSE;
  count = jx_store_prepare (h->store, "SELECT count(*) FROM temp.jx_funnel_dirty", error);
  if (count == NULL)
    return FALSE;
  if (sqlite3_step (count) != SQLITE_ROW)
    return TRUE;
  n_dirty = sqlite3_column_int64 (count, 0);
  if (n_dirty == 0)
    {
      *complete = TRUE;
      return TRUE;
    }
  if (n_dirty > MAX_INCREMENTAL)
    return TRUE;

  dirty = jx_store_prepare (h->store,
                            "SELECT what, id FROM temp.jx_funnel_dirty ORDER BY what DESC, id",
                            error);
  if (dirty == NULL)
    return FALSE;

  began = begin_read (h->store);
  /* Tables first (what DESC), so that reloaded deals find their new slots. */
  while (ok && (rc = sqlite3_step (dirty)) == SQLITE_ROW)
    {
      int what = sqlite3_column_int (dirty, 0);
      gint64 id = sqlite3_column_int64 (dirty, 1);
      gboolean fine = TRUE;

      if (what == DIRTY_DEAL)
        {
          ok = reload_deal (h, id, &fine, error);
          stays_changed = TRUE;
        }
      else
        {
          ok = reload_table (h, what, &fine, error);
          stays_changed = stays_changed || what == DIRTY_STAGES;
        }
      if (ok && !fine)
        {
          end_read (h->store, began);
          return TRUE;
        }
    }
  sqlite3_reset (dirty);
  ok = ok && jx_store_exec (h->store, "DELETE FROM temp.jx_funnel_dirty", error);
  end_read (h->store, began);
  if (!ok)
    return FALSE;

  if (stays_changed)
    compute_suggestions (h);
  compact_events (&h->cache);
  *complete = TRUE;
  return TRUE;
}

static Holder *
holder_of (JxStore *store)
{
  Holder *h = g_object_get_data (G_OBJECT (store), CACHE_KEY);

  if (h == NULL)
    {
      h = g_new0 (Holder, 1);
      h->store = store;
      h->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (store), CACHE_KEY, h, holder_free);
    }
  return h;
}

/* Whether the cache is loaded and no other process wrote since (refreshing it then only
 * reloads what this connection touched). */
static gboolean
is_current (Holder *h)
{
  gint64 version = 0;

  return h->loaded && !h->poisoned && triggers_installed (h->store) &&
         read_data_version (h->store, &version) && version == h->data_version;
}

/**
 * jx_funnel_cache_get:
 *
 * The store's funnel cache, loaded on first use and brought up to date with every
 * change since the last call. A load running in a thread is waited for.
 *
 * Returns: (transfer none): the cache, or %NULL with @error set
 */
JxFunnelCache *
jx_funnel_cache_get (JxStore  *store,
                     GError  **error)
{
  Holder *h = holder_of (store);
  gboolean complete = FALSE;

  if (h->loader != NULL)
    join_loader (h);
  if (is_current (h))
    {
      if (!refresh (h, &complete, error))
        {
          h->loaded = FALSE;
          return NULL;
        }
      if (complete)
        {
          h->poisoned = h->poisoned || jx_store_in_transaction (store);
          return &h->cache;
        }
    }
  if (!full_load (h, error))
    return NULL;
  return &h->cache;
}

/* Forgets the cache, so the next funnel loads it again (for benchmarks and tests). */
void
jx_funnel_cache_drop (JxStore *store)
{
  g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
}

/* Whether the cache is loaded, so that a funnel now costs milliseconds, not a load. */
gboolean
jx_funnel_cache_is_loaded (JxStore *store)
{
  Holder *h = g_object_get_data (G_OBJECT (store), CACHE_KEY);

  return h != NULL && h->loader == NULL && h->loaded;
}

/* The thread of jx_funnel_cache_load_async(): the deals and events through the two
 * private readers, then the histograms. It touches nothing of the store. */
static gpointer
load_in_thread (gpointer data)
{
  Holder *h = data;
  GSource *done;

  h->loader_ok = load_rows (h, h->loader_db[0], h->loader_db[1], &h->loader_error);
  if (h->loader_ok)
    rebuild_histograms (h);

  done = g_idle_source_new ();
  g_source_set_priority (done, G_PRIORITY_DEFAULT);
  g_source_set_callback (done, on_loader_done_cb, h, NULL);
  g_source_set_static_name (done, "[jingxi] funnel cache loaded");
  h->loader_done = done;
  g_source_attach (done, h->loader_context);
  return NULL;
}

/* Waits for the load thread and takes over what it loaded. */
static void
join_loader (Holder *h)
{
  g_thread_join (g_steal_pointer (&h->loader));
  g_clear_pointer (&h->loader_db[0], sqlite3_close);
  g_clear_pointer (&h->loader_db[1], sqlite3_close);
  if (h->loader_ok)
    {
      h->loaded = TRUE;
      h->poisoned = FALSE;
    }
  else
    {
      free_rows (&h->cache);
      free_tables (&h->cache);
      h->loaded = FALSE;
    }
}

static gboolean
on_loader_done_cb (gpointer data)
{
  Holder *h = data;
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&h->waiting);
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  if (h->loader != NULL)
    join_loader (h);
  g_clear_pointer (&h->loader_done, g_source_unref);
  h->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  loaded = h->loaded;
  if (!loaded)
    error = h->loader_error != NULL ? g_error_copy (h->loader_error)
                                    : g_error_new_literal (JX_STORE_ERROR, JX_STORE_ERROR_FAILED,
                                                           _("The funnel could not be loaded."));
  g_clear_error (&h->loader_error);

  /* From here on @h may go: a task's callback can drop the cache. */
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (loaded)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
  return G_SOURCE_REMOVE;
}

/**
 * jx_funnel_cache_load_async:
 *
 * Loads the cache with the deals and their events read in a thread, so a window stays
 * responsive during the second or so a large database takes. The small tables are read
 * first on the store's connection; writes made meanwhile are recorded by the triggers and
 * applied by the next jx_funnel_cache_get(), which also waits for a load still running.
 * Inside a transaction (whose changes only the store's connection sees) the load happens
 * at once instead.
 */
void
jx_funnel_cache_load_async (JxStore             *store,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  Holder *h = holder_of (store);

  g_task_set_source_tag (task, jx_funnel_cache_load_async);
  if (h->loader != NULL || h->loader_done != NULL)
    {
      g_ptr_array_add (h->waiting, g_steal_pointer (&task));
      return;
    }
  if (is_current (h))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!load_tables (h, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  h->loader_db[0] = open_private_reader (store);
  h->loader_db[1] = h->loader_db[0] != NULL ? open_private_reader (store) : NULL;
  if (h->loader_db[1] == NULL)
    {
      g_clear_pointer (&h->loader_db[0], sqlite3_close);
      if (jx_funnel_cache_get (store, &error) == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  if (h->loader_context == NULL)
    h->loader_context = g_main_context_ref_thread_default ();
  h->loader_ok = FALSE;
  g_clear_error (&h->loader_error);
  g_ptr_array_add (h->waiting, g_steal_pointer (&task));
  h->loader = g_thread_new ("jx-funnel-load", load_in_thread, h);
}

gboolean
jx_funnel_cache_load_finish (JxStore       *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
