/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* A history small enough to count on paper, for Q4 2026 (Oct 1 – Dec 31). */
static void
test_hand_built (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "o.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  JxOverview o;
  JxPeriod q;
  GDate today;

  jx_test_exec (store,
    "INSERT INTO customers(id, name) VALUES (1, 'A'), (2, 'B'), (3, 'C');"
    /* won in the quarter: 1000 + 2500 (B's first win is in Q3, A's first win is here) */
    "INSERT INTO deals(ref, customer_id, amount, opened, closed, stage_id, status) VALUES"
    " ('w1', 1, 100000, '2026-09-01', '2026-10-05', 6, 1),"
    " ('w2', 2, 250000, '2026-10-02', '2026-11-20', 6, 1),"
    " ('w0', 2, 999900, '2026-06-01', '2026-08-01', 6, 1),"
    /* won outside the quarter */
    " ('w3', 3, 700000, '2025-10-02', '2025-11-20', 6, 1),"
    /* lost in the quarter */
    " ('l1', 3, 0, '2026-10-10', '2026-10-30', 7, 2),"
    /* open: two with amounts, one without; one opened in the quarter */
    " ('o1', 1, 50000, '2026-08-01', NULL, 2, 0),"
    " ('o2', 3, 70000, '2026-11-01', NULL, 3, 0),"
    " ('o3', NULL, NULL, '2026-11-02', NULL, 1, 0);");

  jx_test_date (&today, "2026-11-27");
  jx_overview_current_quarter (store, &today, &q);
  g_assert_true (jx_overview_compute (store, &q, &o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o.won_count, ==, 2);
  g_assert_cmpint (o.won_amount, ==, 350000);
  g_assert_cmpint (o.lost_count, ==, 1);
  g_assert_cmpint (o.open_count, ==, 3);
  g_assert_cmpint (o.open_amount, ==, 120000);
  g_assert_cmpint (o.opened_count, ==, 4);   /* w2, l1, o2, o3 */
  g_assert_cmpint (o.customers, ==, 3);
  g_assert_cmpint (o.new_customers, ==, 1);  /* A */
  g_assert_cmpint (o.target_amount, ==, -1);   /* no plan yet */

  /* The active plan's unfiltered revenue target for exactly the quarter; a filtered one and
   * one in an inactive plan do not count. */
  jx_test_exec (store,
    "INSERT INTO target_plans(id, name, active) VALUES (1, 'Old', 0), (2, 'Now', 1);"
    "INSERT INTO regions(id, name) VALUES (1, 'East');"
    "INSERT INTO target_nodes(plan_id, name, metric, period_from, period_to, amount, region_id) VALUES"
    " (1, 'Q4 old', 'revenue', '2026-10-01', '2026-12-31', 111, NULL),"
    " (2, 'Q4 East', 'revenue', '2026-10-01', '2026-12-31', 222, 1),"
    " (2, 'Q4 deals', 'deals', '2026-10-01', '2026-12-31', 5, NULL),"
    " (2, 'Q4', 'revenue', '2026-10-01', '2026-12-31', 500000, NULL);");
  g_assert_true (jx_overview_compute (store, &q, &o, &error));
  g_assert_cmpint (o.target_amount, ==, 500000);
  jx_test_remove_dir (dir);
}

/* On demo data the figures equal independent sums over the deals table. */
static void
test_demo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(GError) error = NULL;
  JxOverview o;
  JxPeriod q;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  jx_overview_current_quarter (store, &today, &q);
  g_assert_true (jx_overview_compute (store, &q, &o, &error));
  g_assert_cmpint (o.won_amount, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND substr(closed, 1, 7) IN ('2026-10', '2026-11', '2026-12')"));
  g_assert_cmpint (o.won_count, >, 0);
  g_assert_cmpint (o.open_amount, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = 0"));
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/overview/hand-built", test_hand_built);
  g_test_add_func ("/jx/overview/demo", test_demo);
  return g_test_run ();
}
