/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/*
 * A company small enough to check on paper (today is 2026-11-27):
 *
 *            2024-12  2025-Q1  Q2     Q3     Q4      2026: Jan    Jun    Sep    Nov
 * Cloud      d0 1000  d1 30000        d3 20000 d4 40000   d5 50000      d8 12000
 * Security                     d2 10000                         d6 25000       d7 5000
 *
 * Customers: Alpha (East, Enterprise, key), Beta (East, SMB, growth), Gamma (West,
 * Enterprise), Delta (West, SMB, first won in Sep 2026). Lost in the last 365 days:
 * l1 70000 (Alpha, Mar 2026), l2 20000 (Gamma, Dec 2025).
 */
static const char hand_built[] =
  "INSERT INTO regions(id, name) VALUES (1, 'East'), (2, 'West'), (3, 'North');"
  "INSERT INTO team_members(id, name, region_id) VALUES (1, 'Ann', 1), (2, 'Bob', 1), (3, 'Cy', 2);"
  "INSERT INTO product_lines(id, name) VALUES (1, 'Cloud'), (2, 'Security');"
  "INSERT INTO products(id, line_id, name) VALUES (1, 1, 'C1'), (2, 2, 'S1');"
  "INSERT INTO customer_types(id, name) VALUES (1, 'Enterprise'), (2, 'SMB');"
  "INSERT INTO customers(id, name, type_id, region_id, owner_id, tier) VALUES"
  " (1, 'Alpha', 1, 1, 1, 'key'), (2, 'Beta', 2, 1, 2, 'growth'), (3, 'Gamma', 1, 2, 3, NULL),"
  " (4, 'Delta', 2, 2, 3, NULL);"
  "INSERT INTO deals(ref, customer_id, owner_id, product_id, amount, opened, closed, stage_id, status) VALUES"
  " ('d0', 1, 1, 1,  1000, '2024-11-01', '2024-12-15', 6, 1),"
  " ('d1', 1, 1, 1, 30000, '2025-01-01', '2025-02-10', 6, 1),"
  " ('d2', 2, 2, 2, 10000, '2025-01-01', '2025-05-05', 6, 1),"
  " ('d3', 3, 3, 1, 20000, '2025-01-01', '2025-08-20', 6, 1),"
  " ('d4', 1, 1, 1, 40000, '2025-01-01', '2025-11-11', 6, 1),"
  " ('d5', 2, 2, 1, 50000, '2025-12-01', '2026-01-15', 6, 1),"
  " ('d6', 3, 3, 2, 25000, '2026-01-01', '2026-06-30', 6, 1),"
  " ('d7', 1, 1, 2,  5000, '2026-01-01', '2026-11-20', 6, 1),"
  " ('d8', 4, 3, 1, 12000, '2026-01-01', '2026-09-09', 6, 1),"
  " ('l1', 1, 1, 1, 70000, '2026-01-01', '2026-03-01', 7, 2),"
  " ('l2', 3, 3, 1, 20000, '2025-10-01', '2025-12-01', 7, 2),"
  " ('o1', 3, 3, 1, 99000, '2026-10-01', NULL, 3, 0);";

typedef struct {
  char         *dir;
  JxStore      *store;
  JxTargetTree *tree;
  gint64        plan_id;
  JxTargetNode *root;
} Fixture;

static JxTargetNode *
root_at (JxTargetTree *tree,
         guint         i)
{
  g_autoptr(JxTargetNode) root = g_list_model_get_item (jx_target_tree_get_roots (tree), i);

  g_assert_nonnull (root);
  return root;
}

static gint64
children_sum (JxTargetNode *node)
{
  gint64 sum = 0;

  for (guint i = 0; i < jx_target_node_get_n_children (node); i++)
    sum += jx_target_node_get_amount (jx_test_child_at (node, i));
  return sum;
}

static gint64
add_root (JxTargetTree   *tree,
          const char     *name,
          JxTargetMetric  metric,
          gint64          amount)
{
  g_autoptr(GError) error = NULL;
  JxTargetNodeSpec spec = { 0 };
  gint64 id;

  spec.name = name;
  spec.metric = metric;
  spec.amount = amount;
  jx_test_date (&spec.period.from, "2026-01-01");
  jx_test_date (&spec.period.to, "2026-12-31");
  id = jx_target_tree_add_node (tree, NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->dir = jx_test_make_dir ();
  f->store = jx_test_open_new (f->dir, "t.db", JX_STORE_OPEN_UNDO, 0);
  jx_test_exec (f->store, hand_built);
  jx_test_date (&today, "2026-11-27");
  f->plan_id = jx_target_plan_create (f->store, "Plan 2026", &today, &error);
  g_assert_no_error (error);
  f->tree = jx_target_tree_new (f->store, f->plan_id, &today);
  g_assert_true (jx_target_tree_load (f->tree, &error));
  add_root (f->tree, "Revenue 2026", JX_TARGET_METRIC_REVENUE, 1000000);
  f->root = root_at (f->tree, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->tree);
  g_clear_object (&f->store);
  jx_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_split (void)
{
  g_autoptr(GError) error = NULL;
  gint64 ones[3] = { 1, 1, 1 };
  gint64 out[4];
  gint64 locked[3] = { JX_TARGET_UNLOCKED, 500, JX_TARGET_UNLOCKED };
  gint64 all_locked[2] = { 10, 20 };
  gint64 big[3] = { 3, 3, 3 };
  gint64 zero[2] = { 0, 0 };

  /* One fen three ways: one part gets it, the first on a tie. */
  g_assert_true (jx_target_split (1, ones, NULL, 3, out, &error));
  g_assert_cmpint (out[0], ==, 1);
  g_assert_cmpint (out[1] + out[2], ==, 0);
  g_assert_true (jx_target_split (100, ones, NULL, 3, out, &error));
  g_assert_cmpint (out[0], ==, 34);
  g_assert_cmpint (out[1], ==, 33);
  g_assert_cmpint (out[2], ==, 33);
  /* Largest remainder: 10 by 1:2:4 is 1.43, 2.86, 5.71 -> 1, 3, 6. */
  {
    gint64 w[3] = { 1, 2, 4 };

    g_assert_true (jx_target_split (10, w, NULL, 3, out, &error));
    g_assert_cmpint (out[0], ==, 1);
    g_assert_cmpint (out[1], ==, 3);
    g_assert_cmpint (out[2], ==, 6);
  }
  /* A locked part keeps its amount; the others share the rest. */
  g_assert_true (jx_target_split (1001, ones, locked, 3, out, &error));
  g_assert_cmpint (out[1], ==, 500);
  g_assert_cmpint (out[0], ==, 251);
  g_assert_cmpint (out[2], ==, 250);
  g_assert_false (jx_target_split (499, ones, locked, 3, out, &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (jx_target_split (31, zero, all_locked, 2, out, &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (jx_target_split (30, zero, all_locked, 2, out, &error));
  /* All weights 0 share equally; huge amounts stay exact. */
  g_assert_true (jx_target_split (7, zero, NULL, 2, out, &error));
  g_assert_cmpint (out[0], ==, 4);
  g_assert_cmpint (out[1], ==, 3);
  g_assert_true (jx_target_split (G_GINT64_CONSTANT (9000000000000000001), big, NULL, 3, out,
                                  &error));
  g_assert_cmpint (out[0], ==, G_GINT64_CONSTANT (3000000000000000001));
  g_assert_cmpint (out[0] + out[1] + out[2], ==, G_GINT64_CONSTANT (9000000000000000001));
}

static void
test_one_fen (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_target_tree_set_amount (f->tree, f->root, 1, &error));
  g_assert_no_error (error);
  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_EQUAL);
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 3);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 0)), ==, 1);
  g_assert_cmpint (children_sum (f->root), ==, 1);
  g_assert_cmpint (jx_target_node_get_unallocated (f->root), ==, 0);

  /* 1,000.01 yuan into 12 months and then each month into weeks: every level adds up. */
  g_assert_true (jx_target_tree_set_amount (f->tree, f->root, 100001, &error));
  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_MONTH, JX_TARGET_METHOD_EQUAL);
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 12);
  g_assert_cmpint (children_sum (f->root), ==, 100001);
  for (guint m = 0; m < 12; m++)
    {
      JxTargetNode *month = jx_test_child_at (f->root, m);

      jx_test_decompose (f->tree, month, JX_TARGET_DIMENSION_WEEK, JX_TARGET_METHOD_EQUAL);
      g_assert_cmpint (children_sum (month), ==, jx_target_node_get_amount (month));
    }
  {
    JxTargetNode *week = jx_test_child_at (jx_test_child_at (f->root, 0), 0);

    g_assert_cmpstr (jx_target_node_get_name (week), ==, "W01");
    g_assert_cmpstr (jx_target_node_get_period_from (week), ==, "2026-01-01");
    g_assert_cmpstr (jx_target_node_get_period_to (week), ==, "2026-01-04");
  }
  /* A parent's new amount cascades down and still adds up to the fen. */
  g_assert_true (jx_target_tree_set_amount (f->tree, f->root, 99999, &error));
  g_assert_cmpint (children_sum (f->root), ==, 99999);
  for (guint m = 0; m < 12; m++)
    g_assert_cmpint (children_sum (jx_test_child_at (f->root, m)), ==,
                     jx_target_node_get_amount (jx_test_child_at (f->root, m)));
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;
  JxTargetNode *north;

  /* 2025: Cloud 90,000, Security 10,000. */
  d = jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_PRODUCT_LINE,
                                            JX_TARGET_METHOD_HISTORY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (d)), ==, 2);
  {
    g_autoptr(JxTargetNode) cloud = g_list_model_get_item (G_LIST_MODEL (d), 0);
    g_autoptr(JxTargetNode) security = g_list_model_get_item (G_LIST_MODEL (d), 1);

    g_assert_cmpstr (jx_target_node_get_name (cloud), ==, "Cloud");
    g_assert_cmpint (jx_target_node_get_basis (cloud), ==, 90000);
    g_assert_cmpint (jx_target_node_get_basis (security), ==, 10000);
    g_assert_cmpint (jx_target_node_get_amount (cloud), ==, 900000);
    g_assert_cmpint (jx_target_node_get_amount (security), ==, 100000);
    g_assert_cmpfloat_with_epsilon (jx_target_node_get_weight (cloud), 90.0, 1e-9);
  }
  g_assert_cmpint (jx_target_decomposition_get_method_used (d), ==, JX_TARGET_METHOD_HISTORY);
  g_clear_object (&d);
  /* Nothing is written by a preview. */
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 0);

  /* Regions: East 80,000, West 20,000, North nothing. */
  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_HISTORY);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 0)), ==, 800000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 1)), ==, 200000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 2)), ==, 0);
  g_assert_cmpstr (jx_target_node_get_filter_name (jx_test_child_at (f->root, 0),
                                                   JX_TARGET_DIMENSION_REGION), ==, "East");

  /* East's team members by last year: Ann 70,000, Bob 10,000. */
  {
    JxTargetNode *east = jx_test_child_at (f->root, 0);

    jx_test_decompose (f->tree, east, JX_TARGET_DIMENSION_MEMBER, JX_TARGET_METHOD_HISTORY);
    g_assert_cmpstr (jx_target_node_get_name (jx_test_child_at (east, 0)), ==, "Ann");
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (east, 0)), ==, 700000);
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (east, 1)), ==, 100000);
    g_assert_cmpint (jx_target_node_get_owner_id (jx_test_child_at (east, 0)), ==, 1);
  }

  /* North sold nothing last year: equal, and the note says so. North has no target, so
   * give it one first. */
  north = jx_test_child_at (f->root, 2);
  g_assert_true (jx_target_tree_set_amount (f->tree, north, 1001, &error));
  d = jx_target_tree_preview_decomposition (f->tree, north, JX_TARGET_DIMENSION_PRODUCT_LINE,
                                            JX_TARGET_METHOD_HISTORY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_decomposition_get_method_used (d), ==, JX_TARGET_METHOD_EQUAL);
  g_assert_nonnull (strstr (jx_target_decomposition_get_note (d), "split equally"));
  g_assert_cmpint (jx_target_decomposition_get_total (d), ==, 1001);

  /* Quarters by last year's quarters: 30/10/20/40 %. */
  g_clear_object (&d);
  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER, JX_TARGET_METHOD_HISTORY);
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 4);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 0)), ==, 300000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 1)), ==, 100000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 2)), ==, 200000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 3)), ==, 400000);
  g_assert_cmpstr (jx_target_node_get_name (jx_test_child_at (f->root, 0)), ==, "Q1");
}

static void
test_seasonal (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;
  static const gint64 months[12] = { 0, 300000, 0, 0, 100000, 0, 0, 200000, 0, 0, 400000, 0 };

  /* 2025 is the only year the history covers from its first day: Feb 30%, May 10%,
   * Aug 20%, Nov 40%. */
  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_MONTH, JX_TARGET_METHOD_SEASONAL);
  for (guint m = 0; m < 12; m++)
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, m)), ==, months[m]);

  /* A week inside August gets 7/31 of August's share. */
  d = jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_WEEK,
                                            JX_TARGET_METHOD_SEASONAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_decomposition_get_total (d), ==, 1000000);
  {
    /* W32 is Aug 3-9, 2026. */
    g_autoptr(JxTargetNode) w32 = g_list_model_get_item (G_LIST_MODEL (d), 31);

    g_assert_cmpstr (jx_target_node_get_name (w32), ==, "W32");
    g_assert_cmpint (llabs (jx_target_node_get_amount (w32) - 200000 * 7 / 31), <=, 1);
  }
  g_assert_nonnull (strstr (jx_target_decomposition_get_note (d), "2025"));
  g_clear_object (&d);

  /* A preview can switch method: equal first, then seasonal. */
  d = jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER,
                                            JX_TARGET_METHOD_EQUAL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JxTargetNode) q4 = g_list_model_get_item (G_LIST_MODEL (d), 3);

    g_assert_cmpint (jx_target_node_get_amount (q4), ==, 250000);
    g_assert_true (jx_target_decomposition_set_method (d, JX_TARGET_METHOD_SEASONAL, &error));
    g_assert_cmpint (jx_target_node_get_amount (q4), ==, 400000);
  }
  g_clear_object (&d);

  /* Seasonality is for time splits only. */
  d = jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_REGION,
                                            JX_TARGET_METHOD_SEASONAL, &error);
  g_assert_null (d);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID);
}

static void
test_weights_and_locks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;
  JxTargetNode *q1;

  d = jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_REGION,
                                            JX_TARGET_METHOD_WEIGHTS, &error);
  g_assert_true (jx_target_decomposition_set_weights_text (d, "east=50, West=30,NORTH=20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_decomposition_get_total (d), ==, 1000000);
  {
    g_autoptr(JxTargetNode) west = g_list_model_get_item (G_LIST_MODEL (d), 1);
    g_assert_cmpint (jx_target_node_get_amount (west), ==, 300000);
  }
  g_assert_false (jx_target_decomposition_set_weights_text (d, "South=10", &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Locking a child in the preview at an amount rebalances the others. */
  g_assert_true (jx_target_decomposition_set_amount (d, 0, 100000, &error));
  {
    g_autoptr(JxTargetNode) west = g_list_model_get_item (G_LIST_MODEL (d), 1);
    g_assert_cmpint (jx_target_node_get_amount (west), ==, 540000);   /* 900,000 × 30/50 */
  }
  g_clear_object (&d);

  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER, JX_TARGET_METHOD_HISTORY);
  q1 = jx_test_child_at (f->root, 0);
  g_assert_true (jx_target_tree_set_locked (f->tree, q1, TRUE, &error));
  g_assert_true (jx_target_node_get_locked (q1));
  g_assert_true (jx_target_tree_set_amount (f->tree, q1, 500000, &error));
  g_assert_no_error (error);
  /* Q1 500,000 + 100,000 + 200,000 + 400,000: 200,000 over. */
  g_assert_cmpint (jx_target_node_get_unallocated (f->root), ==, -200000);
  g_assert_cmpint (jx_target_node_get_children_total (f->root), ==, 1200000);

  /* Rebalance: Q1 stays; 500,000 by 1:2:4 = 71,428.57, 142,857.14, 285,714.29. */
  g_assert_true (jx_target_tree_rebalance (f->tree, f->root, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 0)), ==, 500000);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 1)), ==, 71429);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 2)), ==, 142857);
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 3)), ==, 285714);
  g_assert_cmpint (jx_target_node_get_unallocated (f->root), ==, 0);

  /* Splitting again keeps the locked quarter and its id. */
  {
    gint64 q1_id = jx_target_node_get_id (q1);

    jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER, JX_TARGET_METHOD_EQUAL);
    g_assert_cmpint (jx_target_node_get_id (jx_test_child_at (f->root, 0)), ==, q1_id);
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 0)), ==, 500000);
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 1)), ==, 166667);
    g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 3)), ==, 166666);
  }

  /* The parent cannot go below its locked children. */
  g_assert_false (jx_target_tree_set_amount (f->tree, f->root, 400000, &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (jx_target_node_get_amount (f->root), ==, 1000000);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT amount FROM target_nodes WHERE parent_id IS NULL"),
                   ==, 1000000);
}

static void
test_attainment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JxTargetNode *root = f->root, *east, *west, *customers, *deals;

  add_root (f->tree, "New customers 2026", JX_TARGET_METRIC_NEW_CUSTOMERS, 4);
  add_root (f->tree, "Deals 2026", JX_TARGET_METRIC_DEALS, 10);
  jx_test_decompose (f->tree, root, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_EQUAL);
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  g_assert_no_error (error);

  g_assert_true (jx_target_node_has_actual (root));
  g_assert_cmpint (jx_target_node_get_actual (root), ==, 92000);
  g_assert_cmpint (jx_target_node_get_actual (root), ==, jx_test_query_int (f->store,
    "SELECT sum(amount) FROM deals WHERE status = 1 AND closed BETWEEN '2026-01-01' AND '2026-12-31'"));
  east = jx_test_child_at (root, 0);
  west = jx_test_child_at (root, 1);
  g_assert_cmpint (jx_target_node_get_actual (east), ==, jx_test_query_int (f->store,
    "SELECT sum(d.amount) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.status = 1"
    " AND c.region_id = 1 AND d.closed BETWEEN '2026-01-01' AND '2026-12-31'"));
  g_assert_cmpint (jx_target_node_get_actual (west), ==, 37000);

  /* 331 of 365 days: expected 1,000,000 × 331/365 = 906,849. */
  g_assert_cmpint (jx_target_node_get_expected_to_date (root), ==, 906849);
  g_assert_cmpfloat_with_epsilon (jx_target_node_get_attainment (root), 0.092, 1e-12);
  g_assert_cmpint (jx_target_node_get_gap (root), ==, 908000);
  g_assert_cmpint (jx_target_node_get_pace (root), ==, JX_TARGET_PACE_BEHIND);
  g_assert_cmpint (jx_target_node_get_pipeline_needed (root), ==, -1);
  g_assert_true (jx_target_tree_refresh_pipeline (f->tree, &error));
  g_assert_no_error (error);
  /* Won 92,000 and lost 90,000 in the last 365 days (d4 is older). */
  g_assert_cmpfloat_with_epsilon (jx_target_node_get_win_rate (root), 92000.0 / 182000.0, 1e-12);
  g_assert_cmpint (jx_target_node_get_pipeline_needed (root), ==, 1796261);

  customers = root_at (f->tree, 1);
  g_assert_cmpint (jx_target_node_get_actual (customers), ==, 1);   /* Delta */
  deals = root_at (f->tree, 2);
  g_assert_cmpint (jx_target_node_get_actual (deals), ==, 4);
  g_assert_cmpint (jx_target_node_get_pace (deals), ==, JX_TARGET_PACE_BEHIND);

  /* A target already met is ahead; one not started has no pace yet. */
  g_assert_true (jx_target_tree_set_amount (f->tree, west, 30000, &error));
  g_assert_cmpint (jx_target_node_get_pace (west), ==, JX_TARGET_PACE_AHEAD);
  g_assert_cmpint (jx_target_node_get_pipeline_needed (west), ==, 0);
  jx_test_decompose (f->tree, west, JX_TARGET_DIMENSION_MONTH, JX_TARGET_METHOD_EQUAL);
  g_assert_cmpint (jx_target_node_get_pace (jx_test_child_at (west, 11)), ==,
                   JX_TARGET_PACE_NOT_STARTED);
  g_assert_cmpint (jx_target_node_get_actual (jx_test_child_at (west, 8)), ==, 12000);   /* d8 */
  /* Seasonal expectation: by Nov 27 the 2025 pattern expects 60% plus 27/30 of Nov's 40%. */
  jx_target_tree_set_expectation (f->tree, JX_TARGET_EXPECTATION_SEASONAL);
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  g_assert_cmpint (jx_target_node_get_expected_to_date (root), ==, 960000);
}


static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = data;

  g_assert_true (jx_target_tree_refresh_finish (JX_TARGET_TREE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
refresh_in_background (JxTargetTree *tree,
                       gboolean      pipeline,
                       void        (*meanwhile) (Fixture *),
                       Fixture      *f)
{
  gboolean done = FALSE;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  jx_target_tree_refresh_async (tree, pipeline, NULL, on_refreshed_cb, &done);
  if (meanwhile != NULL)
    meanwhile (f);
  while (!done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A won deal of 2026 gains 1,000, as another view would write it. */
static void
raise_a_deal (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jx_store_begin (f->store, "Edit Deal", &error));
  g_assert_true (jx_store_exec (f->store, "UPDATE deals SET amount = amount + 1000 WHERE id ="
                                " (SELECT min(id) FROM deals WHERE status = 1"
                                " AND closed BETWEEN '2026-01-01' AND '2026-12-31')", &error));
  jx_store_mark_changed (f->store, JX_TABLE_DEALS);
  g_assert_true (jx_store_commit (f->store, &error));
}

/* The figures read in a worker thread equal the ones read in place; once in the
 * background, a change of the deals leaves the figures as they were (no read in the
 * calling thread) and flags them pending; a change during a read makes it read again. */
static void
test_refresh_async (Fixture       *f,
                    gconstpointer  data)
{
  JxTargetNode *root = f->root;

  jx_test_decompose (f->tree, root, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_EQUAL);
  g_assert_false (jx_target_tree_get_figures_pending (f->tree));
  g_assert_false (jx_target_node_has_actual (root));
  refresh_in_background (f->tree, FALSE, NULL, f);
  g_assert_cmpint (jx_target_node_get_actual (root), ==, 92000);
  g_assert_cmpint (jx_target_node_get_actual (jx_test_child_at (root, 1)), ==, 37000);
  g_assert_false (jx_target_tree_get_pipeline_ready (f->tree));
  g_assert_cmpint (jx_target_node_get_pipeline_needed (root), ==, -1);

  refresh_in_background (f->tree, TRUE, NULL, f);
  g_assert_true (jx_target_tree_get_pipeline_ready (f->tree));
  g_assert_cmpfloat_with_epsilon (jx_target_node_get_win_rate (root), 92000.0 / 182000.0, 1e-12);
  g_assert_cmpint (jx_target_node_get_pipeline_needed (root), ==, 1796261);

  raise_a_deal (f);
  g_assert_true (jx_target_tree_get_figures_pending (f->tree));
  g_assert_cmpint (jx_target_node_get_actual (root), ==, 92000);
  refresh_in_background (f->tree, FALSE, NULL, f);
  g_assert_false (jx_target_tree_get_figures_pending (f->tree));
  g_assert_cmpint (jx_target_node_get_actual (root), ==, 93000);
  /* The pipeline, asked for once, comes with every later refresh. */
  g_assert_true (jx_target_tree_get_pipeline_ready (f->tree));

  refresh_in_background (f->tree, FALSE, raise_a_deal, f);
  g_assert_cmpint (jx_target_node_get_actual (root), ==, 94000);
  g_assert_cmpint (jx_target_node_get_actual (root), ==, jx_test_query_int (f->store,
    "SELECT sum(amount) FROM deals WHERE status = 1 AND closed BETWEEN '2026-01-01' AND '2026-12-31'"));
}

static void
test_suggestions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "s.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetSuggestion) last = NULL, grown = NULL, trend = NULL;
  JxTargetNodeSpec spec = { 0 };
  GDate today;
  gint64 plan;

  /* One deal a quarter from Q4 2024 to Q3 2026: 100, 200, … 800 yuan. */
  jx_test_exec (store,
    "INSERT INTO deals(ref, amount, closed, stage_id, status) VALUES"
    " ('a', 10000, '2024-10-01', 6, 1), ('b', 20000, '2025-01-01', 6, 1),"
    " ('c', 30000, '2025-04-01', 6, 1), ('d', 40000, '2025-07-01', 6, 1),"
    " ('e', 50000, '2025-10-01', 6, 1), ('f', 60000, '2026-01-01', 6, 1),"
    " ('g', 70000, '2026-04-01', 6, 1), ('h', 80000, '2026-07-01', 6, 1);");
  jx_test_date (&today, "2026-11-27");
  plan = jx_target_plan_create (store, "P", &today, &error);
  tree = jx_target_tree_new (store, plan, &today);
  g_assert_true (jx_target_tree_load (tree, &error));
  spec.name = "Q4 2026";
  jx_test_date (&spec.period.from, "2026-10-01");
  jx_test_date (&spec.period.to, "2026-12-31");
  jx_target_tree_add_node (tree, NULL, &spec, &error);
  spec.name = "2027";
  jx_test_date (&spec.period.from, "2027-01-01");
  jx_test_date (&spec.period.to, "2027-12-31");
  jx_target_tree_add_node (tree, NULL, &spec, &error);
  g_assert_no_error (error);

  suggestions = jx_target_tree_suggest (tree, root_at (tree, 0), 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 3);
  last = g_list_model_get_item (suggestions, 0);
  grown = g_list_model_get_item (suggestions, 1);
  trend = g_list_model_get_item (suggestions, 2);
  g_assert_cmpint (jx_target_suggestion_get_amount (last), ==, 50000);
  g_assert_cmpint (jx_target_suggestion_get_amount (grown), ==, 55000);
  g_assert_cmpfloat_with_epsilon (jx_target_suggestion_get_growth_percent (grown), 10, 1e-12);
  g_assert_nonnull (strstr (jx_target_suggestion_get_explanation (grown), "¥500.00"));
  g_assert_true (jx_target_suggestion_get_available (trend));
  g_assert_cmpuint (jx_target_suggestion_get_n_points (trend), ==, 8);
  g_assert_cmpint (jx_target_suggestion_get_point (trend, 7)->value, ==, 80000);
  g_assert_cmpfloat_with_epsilon (jx_target_suggestion_get_slope (trend), 10000, 1e-6);
  g_assert_cmpfloat_with_epsilon (jx_target_suggestion_get_intercept (trend), 10000, 1e-6);
  g_assert_cmpint (jx_target_suggestion_get_amount (trend), ==, 90000);
  g_clear_object (&suggestions);
  g_clear_object (&trend);

  /* 2027 is quarters 9 to 12 of the line: 1,000 + 1,100 + 1,200 + 1,300 yuan. */
  suggestions = jx_target_tree_suggest (tree, root_at (tree, 1), 0, &error);
  trend = g_list_model_get_item (suggestions, 2);
  g_assert_cmpint (jx_target_suggestion_get_amount (trend), ==, 460000);
  g_assert_cmpuint (jx_target_suggestion_get_n_projected (trend), ==, 4);
  g_clear_object (&tree);
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JxTargetNode *q2;

  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER, JX_TARGET_METHOD_HISTORY);
  g_assert_cmpstr (jx_store_get_undo_label (f->store), ==, "Decompose Target");
  q2 = jx_test_child_at (f->root, 1);
  g_assert_true (jx_target_tree_set_amount (f->tree, q2, 123, &error));
  g_assert_cmpint (jx_target_node_get_unallocated (f->root), ==, 100000 - 123);

  /* Undo reaches the tree through JxStore::changed; the node object stays the same. */
  g_assert_true (jx_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (jx_test_child_at (f->root, 1) == q2);
  g_assert_cmpint (jx_target_node_get_amount (q2), ==, 100000);
  g_assert_cmpint (jx_target_node_get_unallocated (f->root), ==, 0);
  g_assert_true (jx_store_undo (f->store, &error));
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 0);
  g_assert_cmpint (jx_target_tree_get_n_nodes (f->tree), ==, 1);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM target_nodes"), ==, 1);
  g_assert_true (jx_store_redo (f->store, &error));
  g_assert_cmpuint (jx_target_node_get_n_children (f->root), ==, 4);
  g_assert_cmpint (children_sum (f->root), ==, 1000000);

  /* Deleting a branch and undoing brings back the branch. */
  jx_test_decompose (f->tree, jx_test_child_at (f->root, 0), JX_TARGET_DIMENSION_MONTH,
                     JX_TARGET_METHOD_EQUAL);
  g_assert_cmpint (jx_target_tree_get_n_nodes (f->tree), ==, 8);
  g_assert_true (jx_target_tree_delete_node (f->tree, jx_test_child_at (f->root, 0), &error));
  g_assert_cmpint (jx_target_tree_get_n_nodes (f->tree), ==, 4);
  g_assert_true (jx_store_undo (f->store, &error));
  g_assert_cmpint (jx_target_tree_get_n_nodes (f->tree), ==, 8);
  g_assert_cmpuint (jx_target_node_get_n_children (jx_test_child_at (f->root, 0)), ==, 3);

  /* Edits of the checklist and rationale are steps too. */
  g_assert_true (jx_target_tree_set_smart_item (f->tree, f->root, JX_TARGET_SMART_ACHIEVABLE,
                                                TRUE, "Pipeline covers 3×", &error));
  g_assert_true (jx_target_node_get_smart_done (f->root, JX_TARGET_SMART_ACHIEVABLE));
  g_assert_cmpstr (jx_target_node_get_smart_note (f->root, JX_TARGET_SMART_ACHIEVABLE), ==,
                   "Pipeline covers 3×");
  g_assert_true (jx_target_tree_set_rationale (f->tree, f->root, "Because", &error));
  g_assert_true (jx_store_undo (f->store, &error));
  g_assert_true (jx_store_undo (f->store, &error));
  g_assert_false (jx_target_node_get_smart_done (f->root, JX_TARGET_SMART_ACHIEVABLE));
  g_assert_cmpstr (jx_target_node_get_rationale (f->root), ==, "");
}

static void
test_add_rules (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JxTargetNodeSpec spec = { 0 };
  JxTargetNode *east;

  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_EQUAL);
  east = jx_test_child_at (f->root, 0);
  spec.name = "Cloud in East";
  spec.metric = JX_TARGET_METRIC_REVENUE;
  spec.amount = 1000;
  spec.filters.product_line_id = 1;
  jx_test_date (&spec.period.from, "2026-01-01");
  jx_test_date (&spec.period.to, "2026-06-30");
  g_assert_cmpint (jx_target_tree_add_node (f->tree, east, &spec, &error), >, 0);
  g_assert_no_error (error);
  {
    JxTargetNode *child = jx_test_child_at (east, 0);
    g_autofree char *label = jx_target_node_dup_filters_label (child);

    g_assert_cmpint (jx_target_node_get_filters (child)->region_id, ==, 1);
    g_assert_cmpint (jx_target_node_get_dimension (child), ==, JX_TARGET_DIMENSION_PRODUCT_LINE);
    g_assert_cmpstr (label, ==, "East · Cloud");
  }
  /* A West child under East, a longer period, another metric: refused, nothing written. */
  spec.filters.region_id = 2;
  g_assert_cmpint (jx_target_tree_add_node (f->tree, east, &spec, &error), ==, 0);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT);
  g_clear_error (&error);
  spec.filters.region_id = 0;
  jx_test_date (&spec.period.to, "2027-06-30");
  g_assert_cmpint (jx_target_tree_add_node (f->tree, east, &spec, &error), ==, 0);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT);
  g_clear_error (&error);
  jx_test_date (&spec.period.to, "2026-06-30");
  spec.metric = JX_TARGET_METRIC_DEALS;
  g_assert_cmpint (jx_target_tree_add_node (f->tree, east, &spec, &error), ==, 0);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM target_nodes"), ==, 5);
  /* Members need a region; the root has none. */
  g_assert_null (jx_target_tree_preview_decomposition (f->tree, f->root, JX_TARGET_DIMENSION_MEMBER,
                                                       JX_TARGET_METHOD_EQUAL, &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID);
}

static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(JxTargetTree) copy = NULL;
  g_autoptr(JxTargetPlan) found = NULL;
  GDate today;
  gint64 copy_id;
  guint n_changed = 0;

  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_QUARTER, JX_TARGET_METHOD_HISTORY);
  g_assert_true (jx_target_tree_set_locked (f->tree, jx_test_child_at (f->root, 0), TRUE, &error));
  jx_test_date (&today, "2026-11-27");
  g_assert_cmpint (jx_target_plan_get_active_id (f->store), ==, f->plan_id);
  copy_id = jx_target_plan_duplicate (f->store, f->plan_id, "What if", &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_plan_duplicate (f->store, f->plan_id, "what IF", &today, &error), ==, 0);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM target_nodes"), ==, 10);
  g_assert_cmpint (jx_test_query_int (f->store,
    "SELECT count(*) FROM target_nodes WHERE locked = 1"), ==, 2);

  copy = jx_target_tree_new (f->store, copy_id, &today);
  g_assert_true (jx_target_tree_load (copy, &error));
  g_assert_cmpint (jx_target_tree_get_n_nodes (copy), ==, 5);
  g_assert_true (jx_target_tree_set_amount (copy, jx_test_child_at (root_at (copy, 0), 1), 150000,
                                            &error));
  g_assert_no_error (error);
  /* The original did not move. */
  g_assert_cmpint (jx_target_node_get_amount (jx_test_child_at (f->root, 1)), ==, 100000);

  rows = jx_target_plans_compare (f->store, f->plan_id, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JxTargetComparisonRow) row = g_list_model_get_item (rows, i);

      g_assert_true (jx_target_comparison_row_in_a (row) && jx_target_comparison_row_in_b (row));
      if (jx_target_comparison_row_get_difference (row) != 0)
        {
          n_changed++;
          g_assert_cmpstr (jx_target_comparison_row_get_path (row), ==, "Revenue 2026 › Q2");
          g_assert_cmpint (jx_target_comparison_row_get_amount_a (row), ==, 100000);
          g_assert_cmpint (jx_target_comparison_row_get_amount_b (row), ==, 150000);
          g_assert_cmpint (jx_target_comparison_row_get_difference (row), ==, 50000);
        }
    }
  g_assert_cmpuint (n_changed, ==, 1);

  /* A target only in the copy shows as missing from the original. */
  jx_test_decompose (f->tree, jx_test_child_at (f->root, 3), JX_TARGET_DIMENSION_MONTH,
                     JX_TARGET_METHOD_EQUAL);
  g_clear_object (&rows);
  rows = jx_target_plans_compare (f->store, f->plan_id, copy_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 8);
  {
    g_autoptr(JxTargetComparisonRow) oct = g_list_model_get_item (rows, 5);

    g_assert_true (jx_target_comparison_row_in_a (oct));
    g_assert_false (jx_target_comparison_row_in_b (oct));
    g_assert_cmpuint (jx_target_comparison_row_get_depth (oct), ==, 2);
  }

  g_assert_true (jx_target_plan_activate (f->store, copy_id, &error));
  g_assert_cmpint (jx_target_plan_get_active_id (f->store), ==, copy_id);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM target_plans WHERE active = 1"),
                   ==, 1);
  found = jx_target_plan_find (f->store, "WHAT IF", &error);
  g_assert_nonnull (found);
  g_assert_true (jx_target_plan_get_active (found));
  g_assert_cmpuint (jx_target_plan_get_n_targets (found), ==, 5);
  plans = jx_target_plans_list (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
}

/* On the demo database the actuals equal independent sums over the deals table. */
static void
test_demo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  JxTargetNode *root;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  tree = jx_target_tree_new (store, jx_target_plan_get_active_id (store), &today);
  g_assert_true (jx_target_tree_load (tree, &error));
  g_assert_true (jx_target_tree_refresh_actuals (tree, &error));
  root = root_at (tree, 0);
  g_assert_cmpuint (jx_target_node_get_n_children (root), ==, 4);
  g_assert_cmpint (children_sum (root), ==, jx_target_node_get_amount (root));
  g_assert_cmpint (jx_target_node_get_actual (root), ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND closed BETWEEN '2026-01-01' AND '2026-12-31'"));
  g_assert_cmpint (jx_target_node_get_actual (jx_test_child_at (root, 3)), ==,
                   jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND closed BETWEEN '2026-10-01' AND '2026-12-31'"));

  jx_test_decompose (tree, jx_test_child_at (root, 3), JX_TARGET_DIMENSION_REGION,
                     JX_TARGET_METHOD_HISTORY);
  jx_test_decompose (tree, jx_test_child_at (jx_test_child_at (root, 3), 0),
                     JX_TARGET_DIMENSION_PRODUCT_LINE, JX_TARGET_METHOD_HISTORY);
  {
    JxTargetNode *east = jx_test_child_at (jx_test_child_at (root, 3), 0);
    JxTargetNode *line = jx_test_child_at (east, 1);
    g_autofree char *sql = g_strdup_printf (
      "SELECT total(d.amount) FROM deals d JOIN customers c ON c.id = d.customer_id"
      " JOIN products p ON p.id = d.product_id WHERE d.status = 1"
      " AND c.region_id = %" G_GINT64_FORMAT " AND p.line_id = %" G_GINT64_FORMAT
      " AND d.closed BETWEEN '2026-10-01' AND '2026-12-31'",
      jx_target_node_get_filters (line)->region_id,
      jx_target_node_get_filters (line)->product_line_id);

    g_assert_cmpint (jx_target_node_get_actual (east), >, 0);
    g_assert_cmpint (jx_target_node_get_actual (line), ==, jx_test_query_int (store, sql));
    g_assert_cmpint (children_sum (east), ==, jx_target_node_get_amount (east));
  }
  g_clear_object (&tree);
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

/* Target amounts read as every other amount field reads money (jx_money_parse()), counts as
 * whole numbers, with the target's words for what is wrong. */
static void
test_amount_parse (void)
{
  static const struct {
    const char *text;
    gint64      amount;
  } money[] = {
    { "1,200,000", G_GINT64_CONSTANT (120000000) },
    { " ¥1,200,000.50 ", G_GINT64_CONSTANT (120000050) },
    { "120万", G_GINT64_CONSTANT (120000000) },
    { "1.5亿", G_GINT64_CONSTANT (15000000000) },
    { "１２０万", G_GINT64_CONSTANT (120000000) },
  };
  static const struct {
    const char *text;
    const char *message;
  } bad[] = {
    { "", "Enter the target, for example 1,200,000." },
    { "-5", "A target cannot be negative." },
    { "lots", "“lots” is not an amount; type it like 1200000 or 1,200,000.50." },
    { "99999999999999999999", "“99999999999999999999” is too large for a target." },
    { "1.005", "Amounts in CNY have at most 2 decimal places; “1.005” has more." },
  };
  gint64 amount = 0;

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (jx_target_amount_parse (money[i].text, JX_TARGET_METRIC_REVENUE, "CNY",
                                             &amount, &error));
      g_assert_no_error (error);
      g_assert_cmpint (amount, ==, money[i].amount);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (jx_target_amount_parse (bad[i].text, JX_TARGET_METRIC_REVENUE, "CNY",
                                              &amount, &error));
      g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (jx_target_amount_parse ("1,200", JX_TARGET_METRIC_DEALS, "CNY", &amount,
                                           &error));
    g_assert_cmpint (amount, ==, 1200);
    g_assert_false (jx_target_amount_parse ("12.5", JX_TARGET_METRIC_DEALS, "CNY", &amount,
                                            NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/targets/split", test_split);
#define ADD(path, func) \
  g_test_add ("/jx/targets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("one-fen", test_one_fen);
  ADD ("history", test_history);
  ADD ("seasonal", test_seasonal);
  ADD ("weights-and-locks", test_weights_and_locks);
  ADD ("attainment", test_attainment);
  ADD ("refresh-async", test_refresh_async);
  ADD ("undo", test_undo);
  ADD ("add-rules", test_add_rules);
  ADD ("plans", test_plans);
#undef ADD
  g_test_add_func ("/jx/targets/suggestions", test_suggestions);
  g_test_add_func ("/jx/targets/demo", test_demo);
  g_test_add_func ("/jx/targets/amount-parse", test_amount_parse);
  return g_test_run ();
}
