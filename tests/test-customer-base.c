/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/*
 * The customer base against independent SQL: every customer's figures after a load, after
 * each kind of write it follows row by row (deals added, changed, moved and removed,
 * customers edited, renamed and added, undo), after writes by another connection, and for
 * the base shared through jx_customer_base_load_async().
 */

/* Deals the demo does not make: wins older than two years, wins dated after today, wins
 * and losses without a customer, and losses after the last win of customers who bought in
 * the previous year, some within the idle period and some before it. */
static void
add_edge_deals (JxStore *store)
{
  jx_test_exec (store,
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
    " SELECT id, 12345, '2022-01-01', '2023-05-05', 6, 1 FROM customers WHERE id % 7 = 0;"
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
    " SELECT id, 777, '2026-11-01', '2026-12-05', 6, 1 FROM customers WHERE id % 11 = 0;"
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) VALUES"
    " (NULL, 999, '2026-01-01', '2026-02-01', 6, 1), (NULL, 5, '2026-01-01', NULL, 1, 0);"
    /* Customers with a win in the previous 12 months and nothing open: some lose a deal
     * 60 days ago (not idle), others 300 days ago. */
    "DELETE FROM deals WHERE status = 0 AND customer_id IN"
    " (SELECT customer_id FROM deals WHERE status = 1 AND closed > '2024-11-27'"
    "  AND closed <= '2025-11-27' AND customer_id % 3 = 0);"
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
    " SELECT DISTINCT customer_id, 10, '2026-01-01',"
    "   CASE WHEN customer_id % 2 = 0 THEN '2026-09-28' ELSE '2026-01-31' END, 7, 2"
    " FROM deals WHERE status = 1 AND closed > '2024-11-27' AND closed <= '2025-11-27'"
    " AND customer_id % 3 = 0;");
}

static void
iso_months_before (const GDate *today,
                   guint        months,
                   char         out[11])
{
  GDate date = *today;

  g_date_subtract_months (&date, months);
  jx_date_to_iso_buf (&date, out);
}

static guint32
julian_of (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return 0;
  jx_test_date (&date, iso);
  return g_date_get_julian (&date);
}

/* Every row's figures, risk and trend against SQL that knows nothing of the base's shortcuts;
 * returns how many customers the idle test needed a lost deal for. */
static guint
assert_equals_sql (JxCustomerBase *base)
{
  JxStore *store = jx_customer_base_get_store (base);
  const JxTierThresholds *thresholds = jx_customer_base_get_thresholds (base);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char today[11], year_ago[11], two_years_ago[11];
  guint n = 0, lost_decides = 0;
  GDate day;

  jx_customer_base_get_today (base, &day);
  jx_date_to_iso_buf (&day, today);
  iso_months_before (&day, 12, year_ago);
  iso_months_before (&day, 24, two_years_ago);

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store),
    "SELECT c.id, c.owner_id, c.tier,"
    " (SELECT total(amount) FROM deals WHERE customer_id = c.id AND status = 1"
    "  AND closed > ?2 AND closed <= ?1),"
    " (SELECT total(amount) FROM deals WHERE customer_id = c.id AND status = 1"
    "  AND closed > ?3 AND closed <= ?2),"
    " (SELECT total(amount) FROM deals WHERE customer_id = c.id AND status = 0),"
    " (SELECT count(*) FROM deals WHERE customer_id = c.id AND status = 0),"
    " (SELECT max(closed) FROM deals WHERE customer_id = c.id AND status = 1 AND closed <= ?1),"
    " (SELECT max(closed) FROM deals WHERE customer_id = c.id AND status IN (1, 2)"
    "  AND closed <= ?1)"
    " FROM customers c ORDER BY c.id", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, year_ago, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, two_years_ago, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const JxCustomerRow *row;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 revenue = sqlite3_column_int64 (stmt, 3);
      gint64 previous = sqlite3_column_int64 (stmt, 4);
      guint32 open = sqlite3_column_int (stmt, 6);
      guint32 last_won = julian_of (jx_column_text (stmt, 7));
      guint32 last_closed = julian_of (jx_column_text (stmt, 8));
      JxChurnRisk risk;
      guint index;

      g_assert_true (jx_customer_base_lookup (base, id, &index));
      g_assert_cmpuint (index, ==, n);
      row = jx_customer_base_get_row (base, index);
      g_assert_cmpint (row->owner_id, ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpint (row->tier, ==, jx_tier_from_column (jx_column_text (stmt, 2)));
      g_assert_cmpint (row->revenue_12m, ==, revenue);
      g_assert_cmpint (row->revenue_prev_12m, ==, previous);
      g_assert_cmpint (row->open_pipeline, ==, sqlite3_column_int64 (stmt, 5));
      g_assert_cmpuint (row->open_count, ==, open);
      g_assert_cmpuint (row->last_won, ==, last_won);
      risk = jx_churn_risk_evaluate (revenue, previous, last_closed, open, g_date_get_julian (&day),
                                     thresholds);
      g_assert_cmpint (row->risk, ==, risk);
      g_assert_cmpint (row->trend, ==, jx_customer_trend_evaluate (revenue, previous));
      /* The last closed date is exact where the idle test reads it. */
      if (previous > 0 && open == 0 &&
          g_date_get_julian (&day) - last_won >= (guint) thresholds->churn_idle_days)
        {
          g_assert_cmpuint (row->last_closed, ==, last_closed);
          lost_decides += last_closed != last_won;
        }
      n++;
    }
  g_assert_cmpuint (n, ==, jx_customer_base_get_n_rows (base));
  return lost_decides;
}

/* Two bases hold the same rows, field by field. */
static void
assert_same_rows (JxCustomerBase *a,
                  JxCustomerBase *b)
{
  g_assert_cmpuint (jx_customer_base_get_n_rows (a), ==, jx_customer_base_get_n_rows (b));
  for (guint i = 0; i < jx_customer_base_get_n_rows (a); i++)
    {
      const JxCustomerRow *x = jx_customer_base_get_row (a, i);
      const JxCustomerRow *y = jx_customer_base_get_row (b, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->type_id, ==, y->type_id);
      g_assert_cmpint (x->region_id, ==, y->region_id);
      g_assert_cmpint (x->owner_id, ==, y->owner_id);
      g_assert_cmpint (x->revenue_12m, ==, y->revenue_12m);
      g_assert_cmpint (x->revenue_prev_12m, ==, y->revenue_prev_12m);
      g_assert_cmpint (x->open_pipeline, ==, y->open_pipeline);
      g_assert_cmpuint (x->open_count, ==, y->open_count);
      g_assert_cmpuint (x->last_won, ==, y->last_won);
      g_assert_cmpuint (x->last_closed, ==, y->last_closed);
      g_assert_cmpuint (x->name_rank, ==, y->name_rank);
      g_assert_cmpuint (x->type_rank, ==, y->type_rank);
      g_assert_cmpuint (x->region_rank, ==, y->region_rank);
      g_assert_cmpuint (x->owner_rank, ==, y->owner_rank);
      g_assert_cmpint (x->tier, ==, y->tier);
      g_assert_cmpint (x->tier_manual, ==, y->tier_manual);
      g_assert_cmpint (x->risk, ==, y->risk);
      g_assert_cmpint (x->trend, ==, y->trend);
    }
}

/* The base equals SQL and a base loaded now from scratch. */
static void
assert_current (JxCustomerBase *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) fresh = NULL;
  GDate today;

  jx_customer_base_get_today (base, &today);
  fresh = jx_customer_base_new (jx_customer_base_get_store (base), &today, &error);
  g_assert_no_error (error);
  assert_same_rows (base, fresh);
  assert_equals_sql (base);
}

static void
test_load (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxCustomerBase) inside = NULL;
  const char *days[] = { "2026-11-27", "2026-06-15", "2025-12-31", "2027-02-01" };
  GDate today;

  add_edge_deals (store);
  jx_test_date (&today, days[0]);
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jx_customer_base_get_n_rows (base), ==, JX_DEMO_CUSTOMERS_PER_SCALE);
  /* Lost deals after the last win decide the idle test for some customers. */
  g_assert_cmpuint (assert_equals_sql (base), >, 5);
  for (guint i = 1; i < G_N_ELEMENTS (days); i++)
    {
      jx_test_date (&today, days[i]);
      g_assert_true (jx_customer_base_set_today (base, &today, &error));
      g_assert_no_error (error);
      assert_equals_sql (base);
    }

  /* Inside a transaction the store's own connection reads, and sees what it wrote. */
  g_assert_true (jx_store_begin (store, NULL, &error));
  jx_test_exec (store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                       " VALUES (1, 4242, '2026-01-01', '2026-11-01', 6, 1)");
  jx_test_date (&today, days[0]);
  inside = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  assert_equals_sql (inside);
  g_assert_true (jx_store_commit (store, &error));
  assert_current (inside);
  jx_test_remove_dir (dir);
}

static void
free_rows (gpointer rows)
{
  if (rows != NULL)
    g_array_unref (rows);
}

static void
on_rows_changed_cb (JxCustomerBase *base,
                    GArray         *rows,
                    GPtrArray      *log)
{
  g_ptr_array_add (log, rows != NULL ? g_array_copy (rows) : NULL);
}

/* The rows announced by the last ::rows-changed, as customer ids ("all" for NULL). */
static char *
last_change (JxCustomerBase *base,
             GPtrArray      *log)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GArray *rows;

  if (log->len == 0)
    return g_strdup ("none");
  rows = g_ptr_array_index (log, log->len - 1);
  if (rows == NULL)
    return g_strdup ("all");
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            jx_customer_base_get_row (base, g_array_index (rows, guint, i))->id);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
commit_sql (JxStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_store_begin (store, "Test", &error));
  jx_test_exec (store, sql);
  g_assert_true (jx_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
assert_change (JxCustomerBase *base,
               GPtrArray      *log,
               const char     *expected)
{
  g_autofree char *got = last_change (base, log);

  g_assert_cmpstr (got, ==, expected);
  g_ptr_array_set_size (log, 0);
}

/* The first customer the query returns (one id, to write the next statement with). */
static gint64
pick (JxStore    *store,
      const char *sql)
{
  gint64 id = jx_test_query_int (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
writef (JxStore    *store,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
writef (JxStore    *store,
        const char *format,
        ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  commit_sql (store, sql);
}

static void
test_follow (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (free_rows);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (JxCustomerRow));
  g_autofree char *expected = NULL;
  JxTierMove move;
  gint64 open, won, other;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  add_edge_deals (store);
  jx_store_clear_undo (store);
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  g_signal_connect (base, "rows-changed", G_CALLBACK (on_rows_changed_cb), log);
  g_array_append_vals (before, jx_customer_base_get_row (base, 0),
                       jx_customer_base_get_n_rows (base));
  open = pick (store, "SELECT min(customer_id) FROM deals WHERE status = 0");
  won = pick (store, "SELECT min(customer_id) FROM deals WHERE status = 1"
                     " AND closed > '2025-11-27' AND closed <= '2026-11-27'");
  other = pick (store, "SELECT max(id) FROM customers");

  /* A deal won: that customer's figures alone are read and announced. */
  writef (store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                 " VALUES (%" G_GINT64_FORMAT ", 100000, '2026-10-01', '2026-11-20', 6, 1)",
          other);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, other);
  assert_change (base, log, expected);
  assert_current (base);

  /* An open deal won; a won amount changed; a stage move changes no figure. */
  writef (store, "UPDATE deals SET status = 1, stage_id = 6, closed = '2026-11-25' WHERE id ="
                 " (SELECT min(id) FROM deals WHERE status = 0 AND customer_id = %"
                 G_GINT64_FORMAT ")", open);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, open);
  assert_change (base, log, expected);
  writef (store, "UPDATE deals SET amount = amount + 1 WHERE id ="
                 " (SELECT min(id) FROM deals WHERE status = 1 AND customer_id = %"
                 G_GINT64_FORMAT " AND closed > '2025-11-27')", won);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, won);
  assert_change (base, log, expected);
  commit_sql (store, "UPDATE deals SET stage_id = 2 WHERE id = (SELECT max(id) FROM deals"
                " WHERE status = 0 AND stage_id <> 2)");
  g_assert_cmpuint (log->len, ==, 0);
  assert_current (base);

  /* A deal given to another customer changes both; a deal removed. */
  writef (store, "UPDATE deals SET customer_id = %" G_GINT64_FORMAT " WHERE id ="
                 " (SELECT min(id) FROM deals WHERE status = 1 AND customer_id = %"
                 G_GINT64_FORMAT " AND closed > '2025-11-27')", other, won);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, won, other);
  assert_change (base, log, expected);
  writef (store, "DELETE FROM deals WHERE id = (SELECT max(id) FROM deals WHERE status = 0"
                 " AND customer_id <> %" G_GINT64_FORMAT ")", open);
  g_assert_cmpuint (log->len, ==, 1);
  g_ptr_array_set_size (log, 0);
  assert_current (base);

  /* A customer's owner and region, then a tier move patched without reading. */
  commit_sql (store, "UPDATE customers SET owner_id = (SELECT max(id) FROM team_members),"
                " region_id = (SELECT max(id) FROM regions) WHERE id = 14");
  assert_change (base, log, "14");
  move.customer_id = 5;
  move.to = jx_customer_base_get_row (base, 4)->tier == JX_TIER_DEFEND ? JX_TIER_KEY
                                                                         : JX_TIER_DEFEND;
  g_assert_true (jx_customer_base_move (base, &move, 1, JX_TIER_SOURCE_MANUAL, NULL, &error));
  g_assert_no_error (error);
  assert_change (base, log, "5");
  assert_current (base);

  /* A rename changes every row's place in name order, but only the renamed row moves; a
   * new customer is a new row set. */
  commit_sql (store, "UPDATE customers SET name = 'AAAA First Of All' WHERE id = 15");
  assert_change (base, log, "15");
  g_assert_cmpuint (jx_customer_base_get_row (base, 14)->name_rank, ==, 0);
  commit_sql (store, "INSERT INTO customers(name, tier) VALUES ('Brand New Customer', 'growth')");
  assert_change (base, log, "all");
  commit_sql (store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                " VALUES ((SELECT max(id) FROM customers), 5000, '2026-10-01', NULL, 1, 0)");
  assert_current (base);

  /* A shorter idle period: more customers need their last lost deal. */
  g_assert_true (jx_store_set_setting (store, "churn_idle_days", "90", &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_customer_base_get_thresholds (base)->churn_idle_days, ==, 90);
  assert_current (base);

  /* Undo everything (undo writes every column back): the first rows again. */
  while (jx_store_can_undo (store))
    {
      g_assert_true (jx_store_undo (store, &error));
      g_assert_no_error (error);
      assert_current (base);
    }
  g_assert_cmpint (jx_customer_base_get_thresholds (base)->churn_idle_days, ==, 180);
  g_assert_cmpuint (jx_customer_base_get_n_rows (base), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const JxCustomerRow *a = &g_array_index (before, JxCustomerRow, i);
      const JxCustomerRow *b = jx_customer_base_get_row (base, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpint (a->revenue_12m, ==, b->revenue_12m);
      g_assert_cmpint (a->revenue_prev_12m, ==, b->revenue_prev_12m);
      g_assert_cmpint (a->open_pipeline, ==, b->open_pipeline);
      g_assert_cmpuint (a->last_closed, ==, b->last_closed);
      g_assert_cmpint (a->risk, ==, b->risk);
      g_assert_cmpint (a->tier, ==, b->tier);
      g_assert_cmpint (a->owner_id, ==, b->owner_id);
      g_assert_cmpuint (a->name_rank, ==, b->name_rank);
    }
  jx_test_remove_dir (dir);
}

/* Writes through another connection are not recorded; the base notices them and reads all. */
static void
test_other_connection (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  other = jx_store_open (jx_store_get_path (store), JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  commit_sql (other, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                " VALUES (20, 65432, '2026-10-01', '2026-11-20', 6, 1);"
                "UPDATE customers SET tier = 'defend' WHERE id = 21");
  /* What a view relays from another connection (Team view's reader used to). */
  jx_store_mark_changed (store, JX_TABLE_DEALS);
  assert_current (base);
  jx_test_remove_dir (dir);
}

typedef struct {
  GMainLoop      *loop;
  guint           pending;
  JxCustomerBase *bases[3];
  guint           n;
} Waiter;

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiter *w = user_data;
  g_autoptr(GError) error = NULL;

  w->bases[w->n++] = jx_customer_base_load_finish (JX_STORE (source), result, &error);
  g_assert_no_error (error);
  if (--w->pending == 0)
    g_main_loop_quit (w->loop);
}

static void
test_shared (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop };
  JxCustomerBase *first;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  /* Two views ask while it loads, and a write lands meanwhile: one base, up to date. */
  w.pending = 2;
  jx_customer_base_load_async (store, &today, NULL, on_loaded_cb, &w);
  jx_customer_base_load_async (store, &today, NULL, on_loaded_cb, &w);
  commit_sql (store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                " VALUES (30, 31337, '2026-10-01', '2026-11-21', 6, 1);"
                "UPDATE customers SET owner_id = NULL WHERE id = 31");
  g_main_loop_run (loop);
  g_assert_true (w.bases[0] == w.bases[1]);
  assert_current (w.bases[0]);

  /* Asked again while held: the same base, at once. */
  w.pending = 1;
  jx_customer_base_load_async (store, &today, NULL, on_loaded_cb, &w);
  g_main_loop_run (loop);
  g_assert_true (w.bases[2] == w.bases[0]);
  first = w.bases[0];
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (w.bases[0]);
  g_object_unref (w.bases[1]);
  g_object_unref (w.bases[2]);
  /* Nobody holds it any more: it is gone, and the next call loads a new one. */
  g_assert_null (first);
  w.n = 0;
  w.pending = 1;
  jx_customer_base_load_async (store, &today, NULL, on_loaded_cb, &w);
  g_main_loop_run (loop);
  assert_current (w.bases[0]);
  g_object_unref (w.bases[0]);
  jx_test_remove_dir (dir);
}

/* The value a column sorts by, as the list view shows it; FALSE when the row has none. */
static gboolean
column_value (const JxCustomerRow *row,
              JxCustomerSort       key,
              double              *value)
{
  switch (key)
    {
    case JX_CUSTOMER_SORT_TYPE:
      *value = row->type_rank;
      return row->type_rank > 0;
    case JX_CUSTOMER_SORT_REGION:
      *value = row->region_rank;
      return row->region_rank > 0;
    case JX_CUSTOMER_SORT_OWNER:
      *value = row->owner_rank;
      return row->owner_rank > 0;
    case JX_CUSTOMER_SORT_TIER:
      *value = row->tier;
      return row->tier != JX_TIER_NONE;
    case JX_CUSTOMER_SORT_REVENUE:
      *value = row->revenue_12m;
      return TRUE;
    case JX_CUSTOMER_SORT_CHANGE:
      *value = jx_customer_row_get_change (row);
      return row->revenue_prev_12m > 0;
    case JX_CUSTOMER_SORT_LAST_WON:
      *value = row->last_won;
      return row->last_won > 0;
    case JX_CUSTOMER_SORT_OPEN_PIPELINE:
      *value = row->open_pipeline;
      return TRUE;
    case JX_CUSTOMER_SORT_NAME:
    default:
      *value = 0;
      return TRUE;
    }
}

/* Every sort of the customer list, both ways: neighbours are in order by the column, rows
 * without a value last, ties by name (in SQL's NOCASE order), and every customer once. */
static void
test_sorts (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxCustomerList) list = NULL;
  g_autoptr(GHashTable) name_order = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  sqlite3_stmt *stmt = NULL;
  GDate today;
  guint rank = 0;

  add_edge_deals (store);
  /* Some customers without a type or an owner, and ties on revenue. */
  jx_test_exec (store, "UPDATE customers SET type_id = NULL WHERE id % 5 = 0;"
                       "UPDATE customers SET owner_id = NULL WHERE id % 9 = 0;");
  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store),
                                       "SELECT id FROM customers ORDER BY name COLLATE NOCASE",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (name_order, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                                sizeof (gint64)), GUINT_TO_POINTER (rank++));
  sqlite3_finalize (stmt);

  list = jx_customer_list_new (base);
  for (int key = JX_CUSTOMER_SORT_NAME; key <= JX_CUSTOMER_SORT_OPEN_PIPELINE; key++)
    for (int descending = 0; descending <= 1; descending++)
      {
        guint n;

        jx_customer_list_set_sort (list, key, descending);
        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        g_assert_cmpuint (n, ==, jx_customer_base_get_n_rows (base));
        for (guint i = 1; i < n; i++)
          {
            guint row_a = jx_customer_list_get_row (list, i - 1);
            guint row_b = jx_customer_list_get_row (list, i);
            const JxCustomerRow *a = jx_customer_base_get_row (base, row_a);
            const JxCustomerRow *b = jx_customer_base_get_row (base, row_b);
            guint name_a = GPOINTER_TO_UINT (g_hash_table_lookup (name_order, &a->id));
            guint name_b = GPOINTER_TO_UINT (g_hash_table_lookup (name_order, &b->id));
            double va, vb;
            gboolean has_a = column_value (a, key, &va), has_b = column_value (b, key, &vb);

            g_assert_true (has_a || !has_b);
            if (has_a && has_b && va != vb)
              {
                g_assert_true (descending ? va > vb : va < vb);
                continue;
              }
            if (key == JX_CUSTOMER_SORT_NAME && descending)
              g_assert_cmpuint (name_a, >, name_b);
            else if (has_a == has_b)
              g_assert_cmpuint (name_a, <, name_b);
          }
      }
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jx/customer-base/load", test_load);
  g_test_add_func ("/jx/customer-base/follow", test_follow);
  g_test_add_func ("/jx/customer-base/other-connection", test_other_connection);
  g_test_add_func ("/jx/customer-base/shared", test_shared);
  g_test_add_func ("/jx/customer-base/sorts", test_sorts);
  return g_test_run ();
}
