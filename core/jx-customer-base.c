/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-customer-private.h"
#include "jx-date.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * JxCustomerBase is every customer with its figures on one day, held as a flat array so
 * that the customer list, the five columns of the tier board, the suggestions and the
 * allocation all read the same numbers without asking SQLite per customer.
 *
 * The figures come from one pass over the deals table (about a million rows at the
 * largest demo scale), which is cheaper than one indexed query per customer. After that,
 * edits are cheap: a change to customers re-reads only the customers table and keeps the
 * figures, and a tier move made through jx_customer_base_move() patches the moved rows in
 * place. Views hear about it through ::rows-changed with the rows that changed, so a
 * dropped card moves between two columns without rebuilding either.
 *
 * JxCustomer objects are made on demand and cached weakly: a view that shows 30 rows out
 * of 100,000 holds 30 objects, and those objects are updated in place when their row
 * changes.
 */

/* GDate's Julian day of 1970-01-01. */
#define JULIAN_1970 719163

struct _JxCustomerBase {
  GObject           parent_instance;

  JxStore          *store;
  gulong            changed_id;
  GDate             today;
  guint32           today_julian;
  char             *currency;
  JxTierThresholds  thresholds;

  GArray           *rows;           /* JxCustomerRow, by id */
  GStringChunk     *names;
  guint            *id_to_row;      /* dense map, G_MAXUINT for none */
  gint64            id_to_row_len;

  GStringChunk     *search_chunk;
  const char      **search_keys;    /* built on first search */

  GHashTable       *type_names;     /* gint64 id → name */
  GHashTable       *region_names;
  GHashTable       *region_parents; /* gint64 id → gint64 parent id */
  GHashTable       *owner_names;
  GHashTable       *type_ranks;     /* gint64 id → guint rank + 1 */
  GHashTable       *region_ranks;
  GHashTable       *owner_ranks;

  /* The ranks again as dense arrays by id, for the 120,000 lookups of a reload. */
  guint32          *type_dense;
  guint32          *region_dense;
  guint32          *owner_dense;
  gint64            type_dense_len;
  gint64            region_dense_len;
  gint64            owner_dense_len;

  GHashTable       *live;           /* gint64 id → JxCustomer (weak) */

  /* Set while jx_customer_base_move() commits, so the change handler patches rows. */
  const JxTierMove *pending_moves;
  guint             n_pending_moves;
  JxTierSource      pending_source;
};

G_DEFINE_TYPE (JxCustomerBase, jx_customer_base, G_TYPE_OBJECT)

enum {
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GEnumValue trend_values[] = {
  { JX_CUSTOMER_TREND_NONE, "JX_CUSTOMER_TREND_NONE", "none" },
  { JX_CUSTOMER_TREND_NEW, "JX_CUSTOMER_TREND_NEW", "new" },
  { JX_CUSTOMER_TREND_UP, "JX_CUSTOMER_TREND_UP", "up" },
  { JX_CUSTOMER_TREND_FLAT, "JX_CUSTOMER_TREND_FLAT", "flat" },
  { JX_CUSTOMER_TREND_DOWN, "JX_CUSTOMER_TREND_DOWN", "down" },
  { 0, NULL, NULL },
};

GType
jx_customer_trend_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("JxCustomerTrend"),
                                                      trend_values));
  return type;
}

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

/**
 * jx_churn_risk_evaluate:
 * @revenue_12m: won revenue of the last 12 months
 * @revenue_prev_12m: won revenue of the 12 months before
 * @last_closed: Julian day of the customer's last won or lost deal, 0 for none
 * @open_count: deals open now
 * @today: Julian day of today
 * @thresholds: the churn thresholds
 *
 * The churn rules: revenue down by churn_drop_percent or more against the previous 12
 * months; or, for a customer who bought in the previous 12 months, no deal won and no deal
 * open during the last churn_idle_days (a deal closed in that time was open in it).
 */
JxChurnRisk
jx_churn_risk_evaluate (gint64                  revenue_12m,
                        gint64                  revenue_prev_12m,
                        guint32                 last_closed,
                        guint32                 open_count,
                        guint32                 today,
                        const JxTierThresholds *thresholds)
{
  JxChurnRisk risk = JX_CHURN_NONE;

  if (revenue_prev_12m <= 0)
    return JX_CHURN_NONE;
  /* (prev − now) / prev ≥ drop%, in integers so that exactly 30% counts. */
  if ((revenue_prev_12m - revenue_12m) * 100 >=
      (gint64) thresholds->churn_drop_percent * revenue_prev_12m)
    risk |= JX_CHURN_DROP;
  if (open_count == 0 &&
      (last_closed == 0 || (gint64) today - last_closed >= thresholds->churn_idle_days))
    risk |= JX_CHURN_IDLE;
  return risk;
}

JxCustomerTrend
jx_customer_trend_evaluate (gint64 revenue_12m,
                            gint64 revenue_prev_12m)
{
  if (revenue_prev_12m <= 0)
    return revenue_12m > 0 ? JX_CUSTOMER_TREND_NEW : JX_CUSTOMER_TREND_NONE;
  if (revenue_12m * 10 >= revenue_prev_12m * 11)
    return JX_CUSTOMER_TREND_UP;
  if (revenue_12m * 10 <= revenue_prev_12m * 9)
    return JX_CUSTOMER_TREND_DOWN;
  return JX_CUSTOMER_TREND_FLAT;
}

/* The change of revenue against the previous 12 months (0.1 is +10%), NaN when the
 * customer bought nothing then. */
double
jx_customer_row_get_change (const JxCustomerRow *row)
{
  if (row->revenue_prev_12m <= 0)
    return NAN;
  return (double) (row->revenue_12m - row->revenue_prev_12m) / (double) row->revenue_prev_12m;
}

/* Helpers */

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
load_name_table (JxStore     *store,
                 const char  *sql,
                 GHashTable  *names,
                 GHashTable  *ranks,
                 GHashTable  *parents,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
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
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_names (JxCustomerBase  *self,
            GError         **error)
{
  g_clear_pointer (&self->type_names, g_hash_table_unref);
  g_clear_pointer (&self->region_names, g_hash_table_unref);
  g_clear_pointer (&self->region_parents, g_hash_table_unref);
  g_clear_pointer (&self->owner_names, g_hash_table_unref);
  g_clear_pointer (&self->type_ranks, g_hash_table_unref);
  g_clear_pointer (&self->region_ranks, g_hash_table_unref);
  g_clear_pointer (&self->owner_ranks, g_hash_table_unref);
  self->type_names = id_table_new (g_free);
  self->region_names = id_table_new (g_free);
  self->region_parents = id_table_new (g_free);
  self->owner_names = id_table_new (g_free);
  self->type_ranks = id_table_new (NULL);
  self->region_ranks = id_table_new (NULL);
  self->owner_ranks = id_table_new (NULL);

  if (!load_name_table (self->store, "SELECT id, name FROM customer_types ORDER BY name, id",
                        self->type_names, self->type_ranks, NULL, error) ||
      !load_name_table (self->store, "SELECT id, name, parent_id FROM regions ORDER BY name, id",
                        self->region_names, self->region_ranks, self->region_parents, error) ||
      !load_name_table (self->store, "SELECT id, name FROM team_members ORDER BY name, id",
                        self->owner_names, self->owner_ranks, NULL, error))
    return FALSE;
  g_free (self->type_dense);
  g_free (self->region_dense);
  g_free (self->owner_dense);
  self->type_dense = dense_ranks (self->type_ranks, &self->type_dense_len);
  self->region_dense = dense_ranks (self->region_ranks, &self->region_dense_len);
  self->owner_dense = dense_ranks (self->owner_ranks, &self->owner_dense_len);
  return TRUE;
}

static void
load_settings (JxCustomerBase *self)
{
  g_free (self->currency);
  self->currency = jx_store_get_setting (self->store, "currency");
  if (self->currency == NULL)
    self->currency = g_strdup ("CNY");
  jx_tier_thresholds_load (&self->thresholds, self->store);
}

typedef struct {
  GArray       *rows;
  GStringChunk *names;
  guint        *id_to_row;
  gint64        id_to_row_len;
} RowSet;

static void
row_set_clear (RowSet *set)
{
  g_clear_pointer (&set->rows, g_array_unref);
  g_clear_pointer (&set->names, g_string_chunk_free);
  g_clear_pointer (&set->id_to_row, g_free);
}

static gboolean
row_set_lookup (const RowSet *set,
                gint64        id,
                guint        *row)
{
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

/* Reads the customers table (no figures) into @set, sorted by id. */
static gboolean
load_customers (JxCustomerBase  *self,
                RowSet          *set,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) order = NULL;
  gint64 max_id = 0;
  guint rank = 0;
  int rc;

  set->rows = g_array_new (FALSE, TRUE, sizeof (JxCustomerRow));
  set->names = g_string_chunk_new (64 * 1024);

  stmt = jx_store_prepare (self->store,
                           "SELECT id, name, type_id, region_id, owner_id, tier, tier_manual "
                           "FROM customers ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxCustomerRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.name = g_string_chunk_insert (set->names, jx_column_text (stmt, 1));
      row.type_id = sqlite3_column_int64 (stmt, 2);
      row.region_id = sqlite3_column_int64 (stmt, 3);
      row.owner_id = sqlite3_column_int64 (stmt, 4);
      row.tier = jx_tier_from_column (jx_column_text (stmt, 5));
      row.tier_manual = sqlite3_column_int (stmt, 6) != 0;
      row.type_rank = rank_of (self->type_ranks, self->type_dense, self->type_dense_len,
                               row.type_id);
      row.region_rank = rank_of (self->region_ranks, self->region_dense, self->region_dense_len,
                                 row.region_id);
      row.owner_rank = rank_of (self->owner_ranks, self->owner_dense, self->owner_dense_len,
                                row.owner_id);
      max_id = MAX (max_id, row.id);
      g_array_append_val (set->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
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
  order = jx_store_prepare (self->store, "SELECT id FROM customers ORDER BY name", error);
  if (order == NULL)
    return FALSE;
  while ((rc = sqlite3_step (order)) == SQLITE_ROW)
    {
      guint row;

      if (row_set_lookup (set, sqlite3_column_int64 (order, 0), &row))
        g_array_index (set->rows, JxCustomerRow, row).name_rank = rank++;
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the amounts of the deals a pass needs (won in the last two years, open now) into a
 * table indexed by deal id. Both queries are answered from the deals_status_closed index
 * alone, without touching the wide table rows. */
static gboolean
load_amounts (JxCustomerBase  *self,
              const char      *from_iso,
              const char      *today_iso,
              gint64         **amounts,
              gint64          *n_amounts,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) max = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 max_id;
  int rc;

  max = jx_store_prepare (self->store, "SELECT coalesce(max(rowid), 0) FROM deals", error);
  if (max == NULL)
    return FALSE;
  if ((rc = sqlite3_step (max)) != SQLITE_ROW)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  max_id = sqlite3_column_int64 (max, 0);
  *n_amounts = max_id + 1;
  *amounts = g_new0 (gint64, *n_amounts);

  stmt = jx_store_prepare (self->store,
                           "SELECT rowid, amount FROM deals WHERE status = 1 AND closed > ?1 "
                           "AND closed <= ?2 UNION ALL "
                           "SELECT rowid, amount FROM deals WHERE status = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, today_iso, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id <= max_id)
        (*amounts)[id] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Revenue of the two years, last won and last closed dates and open pipeline of every
 * customer. The deals are read in customer order from the deals_customer index (a tenth
 * of the table's size), so the sums of one customer are built one after the other; the
 * amounts, which that index lacks, come from load_amounts(). */
static gboolean
compute_figures (JxCustomerBase  *self,
                 RowSet          *set,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree gint64 *amounts = NULL;
  gint64 n_amounts = 0;
  GDate year_ago = self->today, two_years_ago = self->today;
  char today_iso[11], year_ago_iso[11], two_years_ago_iso[11];
  JxCustomerRow *row = NULL;
  gint64 row_id = -1;
  int rc;

  g_date_subtract_months (&year_ago, 12);
  g_date_subtract_months (&two_years_ago, 24);
  jx_date_to_iso_buf (&self->today, today_iso);
  jx_date_to_iso_buf (&year_ago, year_ago_iso);
  jx_date_to_iso_buf (&two_years_ago, two_years_ago_iso);

  for (guint i = 0; i < set->rows->len; i++)
    {
      row = &g_array_index (set->rows, JxCustomerRow, i);
      row->revenue_12m = row->revenue_prev_12m = row->open_pipeline = 0;
      row->open_count = row->last_won = row->last_closed = 0;
    }
  row = NULL;

  if (!load_amounts (self, two_years_ago_iso, today_iso, &amounts, &n_amounts, error))
    return FALSE;

  stmt = jx_store_prepare (self->store,
                           "SELECT customer_id, rowid * 4 + status, closed FROM deals "
                           "WHERE customer_id IS NOT NULL ORDER BY customer_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);
      gint64 deal_id;
      gint64 packed;
      int status;
      const char *closed;
      guint32 day;

      if (customer_id != row_id)
        {
          guint index;

          row_id = customer_id;
          row = row_set_lookup (set, customer_id, &index)
                ? &g_array_index (set->rows, JxCustomerRow, index) : NULL;
        }
      if (row == NULL)
        continue;
      /* Deal id and status in one column: one call less per deal adds up over a million. */
      packed = sqlite3_column_int64 (stmt, 1);
      status = packed & 3;
      deal_id = packed >> 2;
      if (status == 0)
        {
          row->open_count++;
          row->open_pipeline += deal_id >= 0 && deal_id < n_amounts ? amounts[deal_id] : 0;
          continue;
        }
      closed = jx_column_text (stmt, 2);
      /* Deals dated after today have not happened yet on the base's day. */
      if (closed == NULL || strcmp (closed, today_iso) > 0)
        continue;
      day = julian_from_iso (closed);
      row->last_closed = MAX (row->last_closed, day);
      if (status != 1)
        continue;
      row->last_won = MAX (row->last_won, day);
      if (strcmp (closed, two_years_ago_iso) <= 0)
        continue;
      if (deal_id < 0 || deal_id >= n_amounts)
        continue;
      if (strcmp (closed, year_ago_iso) > 0)
        row->revenue_12m += amounts[deal_id];
      else
        row->revenue_prev_12m += amounts[deal_id];
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
evaluate_rows (JxCustomerBase *self,
               RowSet         *set)
{
  for (guint i = 0; i < set->rows->len; i++)
    {
      JxCustomerRow *row = &g_array_index (set->rows, JxCustomerRow, i);

      row->risk = jx_churn_risk_evaluate (row->revenue_12m, row->revenue_prev_12m,
                                          row->last_closed, row->open_count,
                                          self->today_julian, &self->thresholds);
      row->trend = jx_customer_trend_evaluate (row->revenue_12m, row->revenue_prev_12m);
    }
}

/* Copies the figures of customers that stay from the current rows into @set. */
static void
copy_figures (JxCustomerBase *self,
              RowSet         *set)
{
  RowSet current = { self->rows, self->names, self->id_to_row, self->id_to_row_len };

  for (guint i = 0; i < set->rows->len; i++)
    {
      JxCustomerRow *row = &g_array_index (set->rows, JxCustomerRow, i);
      guint old;

      if (current.rows != NULL && row_set_lookup (&current, row->id, &old))
        {
          const JxCustomerRow *from = &g_array_index (current.rows, JxCustomerRow, old);

          row->revenue_12m = from->revenue_12m;
          row->revenue_prev_12m = from->revenue_prev_12m;
          row->open_pipeline = from->open_pipeline;
          row->open_count = from->open_count;
          row->last_won = from->last_won;
          row->last_closed = from->last_closed;
        }
    }
}

static gboolean
rows_equal (const JxCustomerRow *a,
            const JxCustomerRow *b)
{
  return a->id == b->id && a->type_id == b->type_id && a->region_id == b->region_id &&
         a->owner_id == b->owner_id && a->tier == b->tier && a->tier_manual == b->tier_manual &&
         a->revenue_12m == b->revenue_12m && a->revenue_prev_12m == b->revenue_prev_12m &&
         a->open_pipeline == b->open_pipeline && a->open_count == b->open_count &&
         a->last_won == b->last_won && a->last_closed == b->last_closed &&
         a->risk == b->risk && a->trend == b->trend && strcmp (a->name, b->name) == 0;
}

static void
update_live (JxCustomerBase *self,
             GArray         *changed)
{
  if (changed == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          JxCustomer *customer = value;
          guint row;

          if (jx_customer_base_lookup (self, jx_customer_get_id (customer), &row))
            jx_customer_update (customer, self, jx_customer_base_get_row (self, row));
        }
      return;
    }
  for (guint i = 0; i < changed->len; i++)
    {
      guint row = g_array_index (changed, guint, i);
      const JxCustomerRow *r = jx_customer_base_get_row (self, row);
      JxCustomer *customer = g_hash_table_lookup (self->live, &r->id);

      if (customer != NULL)
        jx_customer_update (customer, self, r);
    }
}

static void
emit_rows_changed (JxCustomerBase *self,
                   GArray         *changed)
{
  if (changed != NULL && changed->len == 0)
    return;
  update_live (self, changed);
  g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0, changed);
}

/* Replaces the rows with @set and tells the views which rows changed. */
static void
install_rows (JxCustomerBase *self,
              RowSet         *set,
              gboolean        reset)
{
  g_autoptr(GArray) changed = NULL;

  if (!reset && self->rows != NULL && self->rows->len == set->rows->len)
    {
      changed = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < set->rows->len && changed != NULL; i++)
        {
          const JxCustomerRow *a = &g_array_index (self->rows, JxCustomerRow, i);
          const JxCustomerRow *b = &g_array_index (set->rows, JxCustomerRow, i);

          if (a->id != b->id)
            g_clear_pointer (&changed, g_array_unref);
          else if (!rows_equal (a, b))
            g_array_append_val (changed, i);
        }
    }

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_clear_pointer (&self->id_to_row, g_free);
  g_clear_pointer (&self->search_keys, g_free);
  g_clear_pointer (&self->search_chunk, g_string_chunk_free);
  self->rows = g_steal_pointer (&set->rows);
  self->names = g_steal_pointer (&set->names);
  self->id_to_row = g_steal_pointer (&set->id_to_row);
  self->id_to_row_len = set->id_to_row_len;

  emit_rows_changed (self, changed);
}

/* Re-reads what @tables touched and announces the rows that changed. */
static gboolean
refresh (JxCustomerBase  *self,
         guint            tables,
         GError         **error)
{
  RowSet set = { NULL };
  gboolean reset = FALSE;

  if (tables & JX_TABLE_SETTINGS)
    {
      g_autofree char *old_currency = g_strdup (self->currency);

      load_settings (self);
      reset = g_strcmp0 (old_currency, self->currency) != 0;
    }
  if (tables & (JX_TABLE_REGIONS | JX_TABLE_TEAM_MEMBERS | JX_TABLE_CUSTOMER_TYPES))
    {
      if (!load_names (self, error))
        return FALSE;
      reset = TRUE;
    }
  if (!load_customers (self, &set, error))
    goto fail;
  if (tables & JX_TABLE_DEALS)
    {
      if (!compute_figures (self, &set, error))
        goto fail;
    }
  else
    copy_figures (self, &set);
  evaluate_rows (self, &set);
  install_rows (self, &set, reset);
  row_set_clear (&set);
  return TRUE;

fail:
  row_set_clear (&set);
  return FALSE;
}

/* Applies the tier moves that jx_customer_base_move() is committing, as jx_tier_move()
 * does, without re-reading the customers. */
static void
patch_moves (JxCustomerBase *self)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean new_manual = self->pending_source == JX_TIER_SOURCE_MANUAL;

  for (guint i = 0; i < self->n_pending_moves; i++)
    {
      const JxTierMove *move = &self->pending_moves[i];
      JxCustomerRow *row;
      guint index;

      if (!jx_customer_base_lookup (self, move->customer_id, &index))
        continue;
      row = &g_array_index (self->rows, JxCustomerRow, index);
      if (row->tier == move->to && (row->tier_manual == new_manual || !new_manual))
        continue;
      row->tier = move->to;
      row->tier_manual = new_manual;
      g_array_append_val (changed, index);
    }
  emit_rows_changed (self, changed);
}

static void
on_store_changed_cb (JxStore        *store,
                     guint           tables,
                     JxCustomerBase *self)
{
  const guint relevant = JX_TABLE_SETTINGS | JX_TABLE_REGIONS | JX_TABLE_TEAM_MEMBERS |
                         JX_TABLE_CUSTOMER_TYPES | JX_TABLE_CUSTOMERS | JX_TABLE_DEALS;
  g_autoptr(GError) error = NULL;

  if (self->pending_moves != NULL &&
      (tables & ~(JX_TABLE_CUSTOMERS | JX_TABLE_TIER_HISTORY)) == 0)
    {
      patch_moves (self);
      return;
    }
  if ((tables & relevant) == 0)
    return;
  if (!refresh (self, tables, &error))
    g_warning ("Could not reload the customers: %s", error->message);
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  JxCustomerBase *self = data;
  /* Weak references are notified during dispose, so the object's fields are still there. */
  const gint64 *id = jx_customer_get_id_pointer ((JxCustomer *) where_the_object_was);

  if (g_hash_table_lookup (self->live, id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->live, id);
}

static void
jx_customer_base_dispose (GObject *object)
{
  JxCustomerBase *self = JX_CUSTOMER_BASE (object);

  if (self->live != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, weak_notify_cb, self);
      g_hash_table_remove_all (self->live);
    }
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jx_customer_base_parent_class)->dispose (object);
}

static void
jx_customer_base_finalize (GObject *object)
{
  JxCustomerBase *self = JX_CUSTOMER_BASE (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_clear_pointer (&self->id_to_row, g_free);
  g_clear_pointer (&self->search_keys, g_free);
  g_clear_pointer (&self->search_chunk, g_string_chunk_free);
  g_clear_pointer (&self->type_names, g_hash_table_unref);
  g_clear_pointer (&self->region_names, g_hash_table_unref);
  g_clear_pointer (&self->region_parents, g_hash_table_unref);
  g_clear_pointer (&self->owner_names, g_hash_table_unref);
  g_clear_pointer (&self->type_ranks, g_hash_table_unref);
  g_clear_pointer (&self->region_ranks, g_hash_table_unref);
  g_clear_pointer (&self->owner_ranks, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_free (self->type_dense);
  g_free (self->region_dense);
  g_free (self->owner_dense);
  g_free (self->currency);

  G_OBJECT_CLASS (jx_customer_base_parent_class)->finalize (object);
}

static void
jx_customer_base_class_init (JxCustomerBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_customer_base_dispose;
  object_class->finalize = jx_customer_base_finalize;

  /**
   * JxCustomerBase::rows-changed:
   * @rows: (nullable): a #GArray of guint row indexes that changed, or %NULL when any row
   *   may have changed, appeared or gone (row indexes are no longer valid)
   *
   * Emitted after the rows changed, once the changed JxCustomer objects are updated.
   */
  signals[SIGNAL_ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
jx_customer_base_init (JxCustomerBase *self)
{
  self->live = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/**
 * jx_customer_base_new:
 * @store: a #JxStore
 * @today: the day the figures are for
 * @error: return location for an error
 *
 * Loads every customer with its figures. The base follows @store: it reloads what changed
 * after each commit, undo and redo, and emits #JxCustomerBase::rows-changed.
 */
JxCustomerBase *
jx_customer_base_new (JxStore      *store,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(JxCustomerBase) self = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (JX_TYPE_CUSTOMER_BASE, NULL);
  self->store = g_object_ref (store);
  self->today = *today;
  self->today_julian = g_date_get_julian (today);
  load_settings (self);
  if (!load_names (self, error) || !refresh (self, JX_TABLE_DEALS, error))
    return NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return g_steal_pointer (&self);
}

JxStore *
jx_customer_base_get_store (JxCustomerBase *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return self->store;
}

void
jx_customer_base_get_today (JxCustomerBase *self,
                            GDate          *today)
{
  g_return_if_fail (JX_IS_CUSTOMER_BASE (self));

  *today = self->today;
}

/* Recomputes the figures for another day (the GUI calls it when the date changes). */
gboolean
jx_customer_base_set_today (JxCustomerBase  *self,
                            const GDate     *today,
                            GError         **error)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (g_date_compare (today, &self->today) == 0)
    return TRUE;
  self->today = *today;
  self->today_julian = g_date_get_julian (today);
  return refresh (self, JX_TABLE_DEALS, error);
}

/* Reads everything again. */
gboolean
jx_customer_base_reload (JxCustomerBase  *self,
                         GError         **error)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  return refresh (self, JX_TABLE_ALL, error);
}

const char *
jx_customer_base_get_currency (JxCustomerBase *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return self->currency;
}

const JxTierThresholds *
jx_customer_base_get_thresholds (JxCustomerBase *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return &self->thresholds;
}

guint
jx_customer_base_get_n_rows (JxCustomerBase *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), 0);

  return self->rows->len;
}

/* Row @row (0 … n_rows − 1, in id order). Valid until the next ::rows-changed with NULL. */
const JxCustomerRow *
jx_customer_base_get_row (JxCustomerBase *self,
                          guint           row)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return &g_array_index (self->rows, JxCustomerRow, row);
}

gboolean
jx_customer_base_lookup (JxCustomerBase *self,
                         gint64          customer_id,
                         guint          *row)
{
  RowSet set = { self->rows, self->names, self->id_to_row, self->id_to_row_len };
  guint dummy;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  return row_set_lookup (&set, customer_id, row != NULL ? row : &dummy);
}

/* The customer's name case-folded and normalised, for searching; built on first use. */
const char *
jx_customer_base_get_search_key (JxCustomerBase *self,
                                 guint           row)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  if (self->search_keys == NULL)
    {
      self->search_chunk = g_string_chunk_new (64 * 1024);
      self->search_keys = g_new (const char *, self->rows->len);
      for (guint i = 0; i < self->rows->len; i++)
        {
          const char *name = g_array_index (self->rows, JxCustomerRow, i).name;
          g_autofree char *folded = g_utf8_casefold (name, -1);
          g_autofree char *key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

          self->search_keys[i] = g_string_chunk_insert (self->search_chunk,
                                                        key != NULL ? key : folded);
        }
    }
  return self->search_keys[row];
}

/**
 * jx_customer_base_dup_customer:
 * @self: a #JxCustomerBase
 * @row: a row index
 *
 * Returns: (transfer full): the customer of @row as an object; the same object as long as
 *   someone holds it, updated when its row changes
 */
JxCustomer *
jx_customer_base_dup_customer (JxCustomerBase *self,
                               guint           row)
{
  const JxCustomerRow *r;
  JxCustomer *customer;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, JxCustomerRow, row);
  customer = g_hash_table_lookup (self->live, &r->id);
  if (customer != NULL)
    return g_object_ref (customer);

  customer = jx_customer_new_for_row (self, r);
  /* The key points into the object, which outlives its entry. */
  g_hash_table_insert (self->live, (gpointer) jx_customer_get_id_pointer (customer), customer);
  g_object_weak_ref (G_OBJECT (customer), weak_notify_cb, self);
  return customer;
}

const char *
jx_customer_base_get_type_name (JxCustomerBase *self,
                                gint64          type_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return g_hash_table_lookup (self->type_names, &type_id);
}

const char *
jx_customer_base_get_region_name (JxCustomerBase *self,
                                  gint64          region_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return g_hash_table_lookup (self->region_names, &region_id);
}

const char *
jx_customer_base_get_owner_name (JxCustomerBase *self,
                                 gint64          owner_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return g_hash_table_lookup (self->owner_names, &owner_id);
}

/* The id of the region called @name (any case), 0 when there is none. */
gint64
jx_customer_base_find_region (JxCustomerBase *self,
                              const char     *name)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  folded = g_utf8_casefold (name, -1);
  g_hash_table_iter_init (&iter, self->region_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *other = g_utf8_casefold (value, -1);

      if (g_str_equal (folded, other))
        return *(gint64 *) key;
    }
  return 0;
}

/* Whether @region_id is @ancestor_id or lies below it in the region tree. */
gboolean
jx_customer_base_region_within (JxCustomerBase *self,
                                gint64          region_id,
                                gint64          ancestor_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  /* The depth bound guards against a cycle someone made by hand in the database. */
  for (guint depth = 0; region_id > 0 && depth < 64; depth++)
    {
      gint64 *parent;

      if (region_id == ancestor_id)
        return TRUE;
      parent = g_hash_table_lookup (self->region_parents, &region_id);
      region_id = parent != NULL ? *parent : 0;
    }
  return FALSE;
}

/**
 * jx_customer_base_move:
 * @self: a #JxCustomerBase
 * @moves: (array length=n_moves): customers and their new tiers
 * @n_moves: number of moves
 * @source: manual (the board) or suggestion
 * @n_moved: (out) (optional): how many customers changed tier
 * @error: return location for an error
 *
 * jx_tier_move() on the base's store and day. The moved rows are patched in place and
 * announced alone, so views move single items instead of reloading.
 */
gboolean
jx_customer_base_move (JxCustomerBase    *self,
                       const JxTierMove  *moves,
                       guint              n_moves,
                       JxTierSource       source,
                       guint             *n_moved,
                       GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  self->pending_moves = moves;
  self->n_pending_moves = n_moves;
  self->pending_source = source;
  ok = jx_tier_move (self->store, moves, n_moves, source, &self->today, n_moved, error);
  self->pending_moves = NULL;
  self->n_pending_moves = 0;
  return ok;
}

/* "Revenue −42%: ¥1.2M → ¥0.7M; no won or open deal for 213 days". */
char *
jx_customer_base_describe_risk (JxCustomerBase      *self,
                                const JxCustomerRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (row->risk & JX_CHURN_DROP)
    {
      g_autofree char *before = jx_money_format_compact (row->revenue_prev_12m, self->currency);
      g_autofree char *after = jx_money_format_compact (row->revenue_12m, self->currency);
      int percent = (int) lround (-100.0 * jx_customer_row_get_change (row));

      /* Translators: a churn-risk reason; %1$d is how much revenue fell in percent, %2$s the
       * previous 12 months' revenue, %3$s the last 12 months'. */
      g_string_append_printf (text, _("revenue −%1$d%%: %2$s → %3$s"), percent, before, after);
    }
  if (row->risk & JX_CHURN_IDLE)
    {
      if (text->len > 0)
        /* Translators: separates two reasons. */
        g_string_append (text, _("; "));
      if (row->last_closed == 0)
        g_string_append (text, _("no deal won or open"));
      else
        {
          guint days = self->today_julian - row->last_closed;

          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "no deal won or open for %u day",
                                                     "no deal won or open for %u days", days),
                                  days);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
