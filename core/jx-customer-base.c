/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-customer-base-private.h"
#include "jx-customer-private.h"
#include "jx-date.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * JxCustomerBase is every customer with its figures on one day, held as a flat array so
 * that the customer list, the five columns of the tier board, the suggestions and the
 * allocation all read the same numbers without asking SQLite per customer.
 *
 * Loading reads the customers and, in parallel on a second connection, the deals through
 * index ranges (jx-customer-load.c): about 120 ms of processor time for 120,000 customers
 * and a million deals. The GUI loads one base per store in a worker thread
 * (jx_customer_base_load_async()) and every view shares it.
 *
 * After that a base follows the store by itself, reading only what a change touched
 * (jx-customer-changes.c records it): a deal saved is one customer's figures read again, an
 * undone tier move one customer's row; a tier move made through jx_customer_base_move() is
 * patched in place without reading anything. Views hear about it through ::rows-changed
 * with the rows that changed, so a dropped card moves between two columns without
 * rebuilding either. Renames, new or removed customers, name tables, settings and writes by
 * other connections read everything again.
 *
 * JxCustomer objects are made on demand and cached weakly: a view that shows 30 rows out
 * of 100,000 holds 30 objects, and those objects are updated in place when their row
 * changes.
 */

/* Above this many customers touched by one change, reading them one by one costs more than
 * reading all (a customer row or a customer's deals take 5–30 µs, all of them 60 ms). */
#define MAX_INCREMENTAL 4000

#define SHARED_KEY "jx-customer-base-shared"

/* What the base reads. */
#define NAME_TABLES (JX_TABLE_REGIONS | JX_TABLE_TEAM_MEMBERS | JX_TABLE_CUSTOMER_TYPES)
#define BASE_TABLES (JX_TABLE_SETTINGS | NAME_TABLES | JX_TABLE_CUSTOMERS | JX_TABLE_DEALS)

struct _JxCustomerBase {
  GObject            parent_instance;

  JxStore           *store;
  gulong             changed_id;
  GDate              today;
  JxCustomerDay      day;
  char              *currency;

  JxCustomerNames    names;
  JxCustomerRowSet   set;

  GStringChunk      *search_chunk;
  const char       **search_keys;    /* built on first search */

  GHashTable        *live;           /* gint64 id → JxCustomer (weak) */

  /* Following the store's changes */
  JxCustomerChanges *changes;
  gint64             cursor;
  gboolean           following;
  gint64             data_version;
  sqlite3_stmt      *row_stmt;       /* JX_CUSTOMER_ROW_BY_ID_SQL */
  sqlite3_stmt      *deals_stmt;     /* JX_CUSTOMER_DEALS_SQL */
  gboolean           loading;        /* a worker thread reads the rows */
  guint              tables_during_load;

  /* Set while jx_customer_base_move() commits, so the change handler patches rows. */
  const JxTierMove  *pending_moves;
  guint              n_pending_moves;
  JxTierSource       pending_source;
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

/* Reading */

/* Reads the currency and the tier thresholds; says whether they changed. */
static void
load_settings (JxCustomerBase *self,
               gboolean       *currency_changed,
               gboolean       *thresholds_changed)
{
  g_autofree char *old_currency = g_steal_pointer (&self->currency);
  JxTierThresholds thresholds;

  self->currency = jx_store_get_setting (self->store, "currency");
  if (self->currency == NULL)
    self->currency = g_strdup ("CNY");
  jx_tier_thresholds_load (&thresholds, self->store);
  if (currency_changed != NULL)
    *currency_changed = g_strcmp0 (old_currency, self->currency) != 0;
  if (thresholds_changed != NULL)
    *thresholds_changed = memcmp (&thresholds, &self->day.thresholds, sizeof thresholds) != 0;
  jx_customer_day_init (&self->day, &self->today, &thresholds);
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
install_rows (JxCustomerBase   *self,
              JxCustomerRowSet *set,
              gboolean          reset)
{
  g_autoptr(GArray) changed = NULL;
  GArray *rows = self->set.rows;

  if (!reset && rows != NULL && rows->len == set->rows->len)
    {
      changed = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < set->rows->len && changed != NULL; i++)
        {
          const JxCustomerRow *a = &g_array_index (rows, JxCustomerRow, i);
          const JxCustomerRow *b = &g_array_index (set->rows, JxCustomerRow, i);

          if (a->id != b->id)
            g_clear_pointer (&changed, g_array_unref);
          else if (!rows_equal (a, b))
            g_array_append_val (changed, i);
        }
    }

  jx_customer_row_set_clear (&self->set);
  self->set = *set;
  memset (set, 0, sizeof *set);
  g_clear_pointer (&self->search_keys, g_free);
  g_clear_pointer (&self->search_chunk, g_string_chunk_free);

  emit_rows_changed (self, changed);
}

/* Copies the figures of customers that stay from the current rows into @set. */
static void
keep_figures (JxCustomerBase   *self,
              JxCustomerRowSet *set)
{
  for (guint i = 0; i < set->rows->len; i++)
    {
      JxCustomerRow *row = &g_array_index (set->rows, JxCustomerRow, i);
      guint old;

      if (jx_customer_row_set_lookup (&self->set, row->id, &old))
        {
          const JxCustomerRow *from = &g_array_index (self->set.rows, JxCustomerRow, old);

          row->revenue_12m = from->revenue_12m;
          row->revenue_prev_12m = from->revenue_prev_12m;
          row->open_pipeline = from->open_pipeline;
          row->open_count = from->open_count;
          row->last_won = from->last_won;
          row->last_closed = from->last_closed;
        }
      jx_customer_row_evaluate (row, &self->day);
    }
}

static sqlite3_stmt *
cached_statement (JxCustomerBase  *self,
                  sqlite3_stmt   **stmt,
                  const char      *sql,
                  GError         **error)
{
  if (*stmt == NULL)
    *stmt = jx_store_prepare (self->store, sql, error);
  return *stmt;
}

/* Recomputes the figures of the customers @ids in @set; adds the rows that changed to
 * @changed when it is given. */
static gboolean
read_figures (JxCustomerBase    *self,
              JxCustomerRowSet  *set,
              GArray            *ids,
              GArray            *changed,
              GError           **error)
{
  sqlite3_stmt *stmt = cached_statement (self, &self->deals_stmt, JX_CUSTOMER_DEALS_SQL, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      JxCustomerRow *row, before;
      guint index;

      if (!jx_customer_row_set_lookup (set, id, &index))
        continue;
      row = &g_array_index (set->rows, JxCustomerRow, index);
      before = *row;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!jx_customer_row_read_figures (row, stmt, &self->day, error))
        return FALSE;
      if (changed != NULL && !rows_equal (&before, row))
        g_array_append_val (changed, index);
    }
  return TRUE;
}

/* Re-reads the customers @ids' own columns in place. */
static gboolean
read_rows (JxCustomerBase  *self,
           GArray          *ids,
           GArray          *changed,
           GError         **error)
{
  sqlite3_stmt *stmt = cached_statement (self, &self->row_stmt, JX_CUSTOMER_ROW_BY_ID_SQL, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      JxCustomerRow *row, before;
      gboolean found;
      guint index;

      if (!jx_customer_row_set_lookup (&self->set, id, &index))
        continue;
      row = &g_array_index (self->set.rows, JxCustomerRow, index);
      before = *row;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!jx_customer_row_read (row, stmt, &self->names, &found, error))
        return FALSE;
      if (changed != NULL && !rows_equal (&before, row))
        g_array_append_val (changed, index);
    }
  return TRUE;
}

static int
compare_uint_cb (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @changed and drops repeated rows. */
static void
unique_rows (GArray *changed)
{
  guint n = 0;

  g_array_sort (changed, compare_uint_cb);
  for (guint i = 0; i < changed->len; i++)
    if (n == 0 || g_array_index (changed, guint, i) != g_array_index (changed, guint, n - 1))
      g_array_index (changed, guint, n++) = g_array_index (changed, guint, i);
  g_array_set_size (changed, n);
}

/* Starts following the store's changes, when it can; a base that cannot (inside a
 * transaction) reads everything on each change until it can. */
static void
follow (JxCustomerBase *self)
{
  if (self->following)
    return;
  self->following = jx_customer_changes_start (self->changes, &self->cursor);
}

/* Reads everything the rows and figures depend on, from the store's connection. */
static gboolean
read_all (JxCustomerBase  *self,
          gboolean         reset,
          GError         **error)
{
  JxCustomerRowSet set = { NULL };
  sqlite3 *db = jx_store_get_db (self->store);

  if (!jx_customer_names_load (&self->names, db, error) ||
      !jx_customer_row_set_load (&set, &self->names, db, error) ||
      !jx_customer_row_set_load_figures (&set, db, &self->day, error))
    {
      jx_customer_row_set_clear (&set);
      return FALSE;
    }
  install_rows (self, &set, reset);
  return TRUE;
}

/**
 * apply_changes:
 * @tables: the tables the store said changed
 *
 * Brings the rows up to date with what the store's connection wrote since the last call
 * (as recorded), and with everything else @tables names. Rows that changed in place are
 * announced one by one; a new row set is compared with the old one.
 */
static gboolean
apply_changes (JxCustomerBase  *self,
               guint            tables,
               GError         **error)
{
  g_autoptr(GArray) figure_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) changed = NULL;
  gboolean all = FALSE, reset = FALSE, new_thresholds = FALSE, foreign;
  gint64 version = 0;
  sqlite3 *db = jx_store_get_db (self->store);

  /* Another connection wrote to the file: nothing says what, so read it all. */
  foreign = !self->following || !jx_customer_changes_read_version (self->store, &version) ||
            version != self->data_version;
  self->data_version = version;
  if (self->following &&
      !jx_customer_changes_read (self->changes, &self->cursor, figure_ids, row_ids, &all, error))
    return FALSE;

  if (tables & JX_TABLE_SETTINGS)
    load_settings (self, &reset, &new_thresholds);
  if (foreign)
    {
      gboolean ok = read_all (self, TRUE, error);

      follow (self);
      return ok;
    }
  if (tables & NAME_TABLES)
    {
      if (!jx_customer_names_load (&self->names, db, error))
        return FALSE;
      reset = TRUE;
    }

  if (all || reset || row_ids->len > MAX_INCREMENTAL)
    {
      JxCustomerRowSet set = { NULL };
      gboolean ok = jx_customer_row_set_load (&set, &self->names, db, error);

      if (ok && (new_thresholds || figure_ids->len > MAX_INCREMENTAL))
        ok = jx_customer_row_set_load_figures (&set, db, &self->day, error);
      else if (ok)
        {
          keep_figures (self, &set);
          ok = read_figures (self, &set, figure_ids, NULL, error);
        }
      if (ok)
        install_rows (self, &set, reset);
      jx_customer_row_set_clear (&set);
      return ok;
    }

  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  if (new_thresholds || figure_ids->len > MAX_INCREMENTAL)
    {
      /* New figures for the same rows: the comparison with a copy tells which changed. */
      g_autoptr(GArray) before = g_array_copy (self->set.rows);

      if (!jx_customer_row_set_load_figures (&self->set, db, &self->day, error) ||
          !read_rows (self, row_ids, NULL, error))
        return FALSE;
      for (guint i = 0; i < before->len; i++)
        if (!rows_equal (&g_array_index (before, JxCustomerRow, i),
                         &g_array_index (self->set.rows, JxCustomerRow, i)))
          g_array_append_val (changed, i);
      emit_rows_changed (self, changed);
      return TRUE;
    }

  if (!read_rows (self, row_ids, changed, error) ||
      !read_figures (self, &self->set, figure_ids, changed, error))
    return FALSE;
  unique_rows (changed);
  emit_rows_changed (self, changed);
  return TRUE;
}

/* Applies the tier moves that jx_customer_base_move() is committing, as jx_tier_move()
 * does, without reading anything. */
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
      row = &g_array_index (self->set.rows, JxCustomerRow, index);
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
  g_autoptr(GError) error = NULL;

  if ((tables & BASE_TABLES) == 0)
    return;
  if (self->loading)
    {
      self->tables_during_load |= tables;
      return;
    }
  if (self->pending_moves != NULL &&
      (tables & ~(JX_TABLE_CUSTOMERS | JX_TABLE_TIER_HISTORY)) == 0)
    {
      gint64 version = 0;

      /* The records say what the moves say, unless another connection wrote too. */
      if (self->following && jx_customer_changes_read_version (store, &version) &&
          version == self->data_version)
        {
          jx_customer_changes_forget (self->changes, &self->cursor);
          patch_moves (self);
          return;
        }
    }
  if (!apply_changes (self, tables, &error))
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
  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  g_clear_pointer (&self->deals_stmt, sqlite3_finalize);
  if (self->changes != NULL)
    {
      if (self->following)
        jx_customer_changes_release (self->changes, &self->cursor);
      self->following = FALSE;
      self->changes = NULL;
    }
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jx_customer_base_parent_class)->dispose (object);
}

static void
jx_customer_base_finalize (GObject *object)
{
  JxCustomerBase *self = JX_CUSTOMER_BASE (object);

  jx_customer_row_set_clear (&self->set);
  jx_customer_names_clear (&self->names);
  g_clear_pointer (&self->search_keys, g_free);
  g_clear_pointer (&self->search_chunk, g_string_chunk_free);
  g_clear_pointer (&self->live, g_hash_table_unref);
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
  self->set.rows = g_array_new (FALSE, TRUE, sizeof (JxCustomerRow));
}

/* Loading */

/* A base with no rows yet, following @store from now on: whatever is written from here is
 * recorded, so rows read afterwards, even in another thread, can be brought up to date. */
static JxCustomerBase *
base_new (JxStore     *store,
          const GDate *today)
{
  JxCustomerBase *self = g_object_new (JX_TYPE_CUSTOMER_BASE, NULL);

  self->store = g_object_ref (store);
  self->today = *today;
  load_settings (self, NULL, NULL);
  self->changes = jx_customer_changes_get (store);
  follow (self);
  jx_customer_changes_read_version (store, &self->data_version);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return self;
}

/* The rows of a load become the base's; what was written meanwhile is applied. */
static gboolean
finish_load (JxCustomerBase    *self,
             JxCustomerNames   *names,
             JxCustomerRowSet  *set,
             GError           **error)
{
  guint tables = self->tables_during_load;

  self->loading = FALSE;
  self->tables_during_load = 0;
  jx_customer_names_clear (&self->names);
  self->names = *names;
  memset (names, 0, sizeof *names);
  jx_customer_row_set_clear (&self->set);
  self->set = *set;
  memset (set, 0, sizeof *set);
  /* Whatever was recorded since the load began, and writes by other connections. */
  return apply_changes (self, tables, error);
}

/* Reads the rows through two connections of their own in parallel, or through the store's
 * when the store is inside a transaction. */
static gboolean
load_now (JxCustomerBase  *self,
          GError         **error)
{
  JxCustomerNames names = { NULL };
  JxCustomerRowSet set = { NULL };
  sqlite3 *readers[2] = { NULL, NULL };
  sqlite3 *db = jx_store_get_db (self->store);
  gboolean ok;

  readers[0] = jx_store_open_reader (self->store);
  readers[1] = readers[0] != NULL ? jx_store_open_reader (self->store) : NULL;
  self->loading = TRUE;
  ok = jx_customer_load (&names, &set, readers[1] != NULL ? readers[0] : db,
                         readers[1] != NULL ? readers[1] : db, &self->day, error);
  g_clear_pointer (&readers[0], sqlite3_close);
  g_clear_pointer (&readers[1], sqlite3_close);
  ok = ok && finish_load (self, &names, &set, error);
  self->loading = FALSE;
  jx_customer_names_clear (&names);
  jx_customer_row_set_clear (&set);
  return ok;
}

/**
 * jx_customer_base_new:
 * @store: a #JxStore
 * @today: the day the figures are for
 * @error: return location for an error
 *
 * Loads every customer with its figures, at once. The base follows @store: after each
 * commit, undo and redo it reads what changed and emits #JxCustomerBase::rows-changed.
 * Use it from the thread that uses @store; the GUI shares one base per store instead
 * (jx_customer_base_load_async()).
 */
JxCustomerBase *
jx_customer_base_new (JxStore      *store,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(JxCustomerBase) self = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = base_new (store, today);
  if (!load_now (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The store's shared base, and the load that makes it. */
typedef struct {
  JxCustomerBase *base;         /* weak: lives as long as a view holds it */
  JxCustomerBase *loading;      /* owned while the worker reads */
  GPtrArray      *waiting;      /* GTasks that get the loading base */
} Shared;

typedef struct {
  sqlite3          *readers[2];
  JxCustomerDay     day;
  JxCustomerNames   names;
  JxCustomerRowSet  set;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_pointer (&job->readers[0], sqlite3_close);
  g_clear_pointer (&job->readers[1], sqlite3_close);
  jx_customer_names_clear (&job->names);
  jx_customer_row_set_clear (&job->set);
  g_free (job);
}

static void
shared_free (gpointer data)
{
  Shared *shared = data;

  if (shared->base != NULL)
    g_object_remove_weak_pointer (G_OBJECT (shared->base), (gpointer *) &shared->base);
  g_clear_pointer (&shared->waiting, g_ptr_array_unref);
  g_free (shared);
}

static Shared *
shared_of (JxStore *store)
{
  Shared *shared = g_object_get_data (G_OBJECT (store), SHARED_KEY);

  if (shared == NULL)
    {
      shared = g_new0 (Shared, 1);
      shared->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (store), SHARED_KEY, shared, shared_free);
    }
  return shared;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  if (jx_customer_load (&job->names, &job->set, job->readers[0], job->readers[1], &job->day,
                        &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Hands the loaded base (or the error) to every caller that waits for it. */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JxStore *store = JX_STORE (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  Shared *shared = g_object_get_data (G_OBJECT (store), SHARED_KEY);
  g_autoptr(JxCustomerBase) base = user_data;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error) &&
       finish_load (base, &job->names, &job->set, &error);
  if (shared == NULL || shared->loading != base)
    return;
  shared->loading = NULL;
  waiting = g_steal_pointer (&shared->waiting);
  shared->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  if (ok)
    {
      if (shared->base != NULL)
        g_object_remove_weak_pointer (G_OBJECT (shared->base), (gpointer *) &shared->base);
      shared->base = base;
      g_object_add_weak_pointer (G_OBJECT (base), (gpointer *) &shared->base);
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (ok)
        g_task_return_pointer (task, g_object_ref (base), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/**
 * jx_customer_base_load_async:
 * @store: a #JxStore
 * @today: the day the figures are for
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the base
 * @user_data: data for @callback
 *
 * The store's shared base: the one every view uses, so that a change is read once and a
 * tier move patches one copy. When no view holds one for @today, it is loaded with the
 * deals read in a worker thread on connections of its own; callers that ask meanwhile get
 * the same base. Writes made during the load are applied when it ends. Call it from the
 * thread that uses @store.
 */
void
jx_customer_base_load_async (JxStore             *store,
                             const GDate         *today,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  g_autoptr(GError) error = NULL;
  JxCustomerBase *base;
  Shared *shared;
  LoadJob *job;

  g_return_if_fail (JX_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, jx_customer_base_load_async);
  shared = shared_of (store);
  if (shared->base != NULL && g_date_compare (&shared->base->today, today) == 0)
    {
      g_task_return_pointer (task, g_object_ref (shared->base), g_object_unref);
      return;
    }
  if (shared->loading != NULL && g_date_compare (&shared->loading->today, today) == 0)
    {
      g_ptr_array_add (shared->waiting, g_steal_pointer (&task));
      return;
    }

  /* A load for another day is left to finish for nobody. */
  if (shared->loading != NULL)
    {
      g_autoptr(GPtrArray) others = g_steal_pointer (&shared->waiting);

      shared->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      shared->loading = NULL;
      for (guint i = 0; i < others->len; i++)
        g_task_return_new_error (g_ptr_array_index (others, i), G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The customers are loaded for another day");
    }

  base = base_new (store, today);
  job = g_new0 (LoadJob, 1);
  job->day = base->day;
  job->readers[0] = jx_store_open_reader (store);
  job->readers[1] = job->readers[0] != NULL ? jx_store_open_reader (store) : NULL;
  if (job->readers[1] == NULL)
    {
      /* Inside a transaction only the store's connection sees the data: load at once. */
      load_job_free (job);
      if (load_now (base, &error))
        {
          if (shared->base != NULL)
            g_object_remove_weak_pointer (G_OBJECT (shared->base), (gpointer *) &shared->base);
          shared->base = base;
          g_object_add_weak_pointer (G_OBJECT (base), (gpointer *) &shared->base);
          g_task_return_pointer (task, base, g_object_unref);
        }
      else
        {
          g_object_unref (base);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }

  base->loading = TRUE;
  shared->loading = base;
  g_ptr_array_add (shared->waiting, g_steal_pointer (&task));
  load = g_task_new (store, NULL, load_done_cb, base);
  g_task_set_source_tag (load, load_thread);
  g_task_set_task_data (load, job, load_job_free);
  g_task_run_in_thread (load, load_thread);
}

/**
 * jx_customer_base_load_finish:
 * @store: the store given to jx_customer_base_load_async()
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the shared base, or %NULL with @error set
 */
JxCustomerBase *
jx_customer_base_load_finish (JxStore       *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Public API */

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
  jx_customer_day_init (&self->day, today, &self->day.thresholds);
  return read_all (self, FALSE, error);
}

/* Reads everything again. */
gboolean
jx_customer_base_reload (JxCustomerBase  *self,
                         GError         **error)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  load_settings (self, NULL, NULL);
  if (self->following)
    jx_customer_changes_forget (self->changes, &self->cursor);
  jx_customer_changes_read_version (self->store, &self->data_version);
  return read_all (self, TRUE, error);
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

  return &self->day.thresholds;
}

guint
jx_customer_base_get_n_rows (JxCustomerBase *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), 0);

  return self->set.rows->len;
}

/* Row @row (0 … n_rows − 1, in id order). Valid until the next ::rows-changed with NULL. */
const JxCustomerRow *
jx_customer_base_get_row (JxCustomerBase *self,
                          guint           row)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);
  g_return_val_if_fail (row < self->set.rows->len, NULL);

  return &g_array_index (self->set.rows, JxCustomerRow, row);
}

gboolean
jx_customer_base_lookup (JxCustomerBase *self,
                         gint64          customer_id,
                         guint          *row)
{
  guint dummy;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), FALSE);

  return jx_customer_row_set_lookup (&self->set, customer_id, row != NULL ? row : &dummy);
}

/* The customer's name case-folded and normalised, for searching; built on first use. */
const char *
jx_customer_base_get_search_key (JxCustomerBase *self,
                                 guint           row)
{
  GArray *rows;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);
  g_return_val_if_fail (row < self->set.rows->len, NULL);

  rows = self->set.rows;
  if (self->search_keys == NULL)
    {
      self->search_chunk = g_string_chunk_new (64 * 1024);
      self->search_keys = g_new (const char *, rows->len);
      for (guint i = 0; i < rows->len; i++)
        {
          const char *name = g_array_index (rows, JxCustomerRow, i).name;
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
  g_return_val_if_fail (row < self->set.rows->len, NULL);

  r = &g_array_index (self->set.rows, JxCustomerRow, row);
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

  return g_hash_table_lookup (self->names.type_names, &type_id);
}

const char *
jx_customer_base_get_region_name (JxCustomerBase *self,
                                  gint64          region_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return g_hash_table_lookup (self->names.region_names, &region_id);
}

const char *
jx_customer_base_get_owner_name (JxCustomerBase *self,
                                 gint64          owner_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (self), NULL);

  return g_hash_table_lookup (self->names.owner_names, &owner_id);
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
  g_hash_table_iter_init (&iter, self->names.region_names);
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
      parent = g_hash_table_lookup (self->names.region_parents, &region_id);
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
          guint days = self->day.julian - row->last_closed;

          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "no deal won or open for %u day",
                                                     "no deal won or open for %u days", days),
                                  days);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
