/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"

/*
 * Customer figures, ABC classes, churn rules, suggestions, tier moves with their history and
 * undo, and the customer list models. Figures are counted by hand on small databases, or
 * compared with independent SQL on demo data.
 */

/* ABC */

static void
assert_classes (const gint64 *revenue,
                guint         n,
                const char   *expected)
{
  g_autofree guint8 *classes = g_new0 (guint8, MAX (n, 1));
  g_autoptr(GString) got = g_string_new (NULL);

  jx_abc_classify (revenue, n, 80, 15, classes);
  for (guint i = 0; i < n; i++)
    g_string_append (got, jx_abc_class_to_string (classes[i]));
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_abc (void)
{
  /* 50 + 30 = 80 exactly: the customer that reaches 80% is A, the next (share before it
   * 80%, not under 80%) is B; 95% is reached with 15 more, the rest is C. */
  const gint64 exact[] = { 30, 50, 15, 5 };
  /* Order does not matter; zero revenue is always C. */
  const gint64 skewed[] = { 0, 1, 2, 90, 7 };
  /* Ties share the class of where their group starts: 60 before two 20s → both A even though
   * the first 20 alone reaches 80%. */
  const gint64 ties[] = { 20, 60, 20 };
  /* Four equal customers: each starts under 80% except the last (75% before it → A too). */
  const gint64 flat[] = { 25, 25, 25, 25 };
  const gint64 single[] = { 1234 };
  const gint64 single_zero[] = { 0 };
  const gint64 zeros[] = { 0, 0, 0 };
  /* Shares before: 0, 40, 70, 85, 93, 97 → A A A B B C. */
  const gint64 spread[] = { 40, 30, 15, 8, 4, 3 };

  assert_classes (exact, G_N_ELEMENTS (exact), "AABC");
  assert_classes (skewed, G_N_ELEMENTS (skewed), "CCCAB");
  assert_classes (ties, G_N_ELEMENTS (ties), "AAA");
  assert_classes (flat, G_N_ELEMENTS (flat), "AAAA");
  assert_classes (single, 1, "A");
  assert_classes (single_zero, 1, "C");
  assert_classes (zeros, G_N_ELEMENTS (zeros), "CCC");
  assert_classes (spread, G_N_ELEMENTS (spread), "AAABBC");
  assert_classes (NULL, 0, "");

  /* Other cut-offs: A = 50%, B = 30%. */
  {
    guint8 classes[6];

    jx_abc_classify (spread, G_N_ELEMENTS (spread), 50, 30, classes);
    g_assert_cmpint (classes[0], ==, JX_ABC_A);   /* before 0 */
    g_assert_cmpint (classes[1], ==, JX_ABC_A);   /* before 40 */
    g_assert_cmpint (classes[2], ==, JX_ABC_B);   /* before 70 */
    g_assert_cmpint (classes[3], ==, JX_ABC_C);   /* before 85 */
  }
}

/* Churn rules */

static void
test_churn_rules (void)
{
  JxTierThresholds t;
  GDate d;
  guint32 today;

  jx_tier_thresholds_init (&t);
  jx_test_date (&d, "2026-11-27");
  today = g_date_get_julian (&d);

  /* Revenue down exactly 30% is a risk, 29% is not, and a rise is not. */
  g_assert_cmpint (jx_churn_risk_evaluate (700, 1000, today, 1, today, &t), ==, JX_CHURN_DROP);
  g_assert_cmpint (jx_churn_risk_evaluate (710, 1000, today, 1, today, &t), ==, JX_CHURN_NONE);
  g_assert_cmpint (jx_churn_risk_evaluate (2000, 1000, today, 1, today, &t), ==, JX_CHURN_NONE);
  /* Nothing bought the year before: neither rule applies, however idle. */
  g_assert_cmpint (jx_churn_risk_evaluate (0, 0, 0, 0, today, &t), ==, JX_CHURN_NONE);
  g_assert_cmpint (jx_churn_risk_evaluate (500, 0, today - 400, 0, today, &t), ==,
                   JX_CHURN_NONE);
  /* Idle: the last deal closed 180 days ago and nothing is open → risk; 179 days → not. */
  g_assert_cmpint (jx_churn_risk_evaluate (900, 1000, today - 180, 0, today, &t), ==,
                   JX_CHURN_IDLE);
  g_assert_cmpint (jx_churn_risk_evaluate (900, 1000, today - 179, 0, today, &t), ==,
                   JX_CHURN_NONE);
  /* An open deal means the customer is not idle. */
  g_assert_cmpint (jx_churn_risk_evaluate (900, 1000, today - 300, 1, today, &t), ==,
                   JX_CHURN_NONE);
  /* Both rules at once. */
  g_assert_cmpint (jx_churn_risk_evaluate (0, 1000, today - 400, 0, today, &t), ==,
                   JX_CHURN_DROP | JX_CHURN_IDLE);
  /* Other thresholds. */
  t.churn_drop_percent = 50;
  t.churn_idle_days = 90;
  g_assert_cmpint (jx_churn_risk_evaluate (700, 1000, today - 90, 0, today, &t), ==,
                   JX_CHURN_IDLE);
  g_assert_cmpint (jx_churn_risk_evaluate (500, 1000, today - 10, 0, today, &t), ==,
                   JX_CHURN_DROP);
}

/* A small company, counted by hand. Today is 2026-11-27: the last 12 months are
 * 2025-11-28 … 2026-11-27, the 12 months before 2024-11-28 … 2025-11-27.
 *
 *  1 Acme     won 1000 (2026-03-01) + 500 (2025-11-28) ; before: 2000 (2025-06-01) → −25%;
 *             open 60, so not idle
 *  2 Beta     won 300 (2025-11-27, the previous year) ; 400 (2024-11-28) ; open 90 → DROP
 *  3 Cedar    won 5000 (2026-11-27, today) ; open 100 + open without amount → A
 *  4 Delta    won 700 (2025-03-01, before) ; lost 2026-05-01 (210 days) → IDLE and DROP
 *  5 Echo     nothing → C, no risk
 *  6 Foxtrot  won 200 (2026-11-28, tomorrow: not yet) → C
 *  7 Golf     won 800 (2026-10-01), tier set by hand to maintain
 */
static JxStore *
open_hand_built (const char       *dir,
                 JxStoreOpenFlags  flags)
{
  JxStore *store = jx_test_open_new (dir, "t.db", flags, 0);

  jx_test_exec (store,
    "INSERT INTO regions(id, name, parent_id, potential) VALUES (1, 'East', NULL, 100000),"
    " (2, 'Shanghai', 1, 40000), (3, 'West', NULL, NULL);"
    "INSERT INTO team_members(id, name, capacity_hours, region_id) VALUES"
    " (1, 'Rep One', 20, 1), (2, 'Rep Two', 100, 3);"
    "INSERT INTO customers(id, name, region_id, owner_id, tier, tier_manual) VALUES"
    " (1, 'Acme', 1, 1, 'key', 0), (2, 'Beta', 2, 1, 'growth', 0), (3, 'Cedar', 3, 2, NULL, 0),"
    " (4, 'Delta', 2, 2, 'key', 0), (5, 'Echo', 3, NULL, 'maintain', 0),"
    " (6, 'Foxtrot', 3, 2, NULL, 0), (7, 'Golf', 1, 1, 'maintain', 1);"
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) VALUES"
    " (1, 1000, '2026-01-01', '2026-03-01', 6, 1),"
    " (1, 500, '2025-10-01', '2025-11-28', 6, 1),"
    " (1, 2000, '2025-01-01', '2025-06-01', 6, 1),"
    " (1, 60, '2026-11-01', NULL, 3, 0),"
    " (2, 300, '2025-10-01', '2025-11-27', 6, 1),"
    " (2, 400, '2024-10-01', '2024-11-28', 6, 1),"
    " (2, 90, '2026-10-01', NULL, 2, 0),"
    " (3, 5000, '2026-10-01', '2026-11-27', 6, 1),"
    " (3, 100, '2026-11-01', NULL, 1, 0),"
    " (3, NULL, '2026-11-02', NULL, 1, 0),"
    " (4, 700, '2025-01-01', '2025-03-01', 6, 1),"
    " (4, 50, '2026-03-01', '2026-05-01', 7, 2),"
    " (6, 200, '2026-10-01', '2026-11-28', 6, 1),"
    " (7, 800, '2026-09-01', '2026-10-01', 6, 1);");
  return store;
}

static const JxCustomerRow *
row_of (JxCustomerBase *base,
        gint64          id)
{
  guint row;

  g_assert_true (jx_customer_base_lookup (base, id, &row));
  return jx_customer_base_get_row (base, row);
}

static void
test_figures (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_hand_built (dir, JX_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  const JxCustomerRow *r;
  GDate today, d;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jx_customer_base_get_n_rows (base), ==, 7);

  r = row_of (base, 1);
  g_assert_cmpint (r->revenue_12m, ==, 1500);
  g_assert_cmpint (r->revenue_prev_12m, ==, 2000);
  g_assert_cmpint (r->risk, ==, JX_CHURN_NONE);           /* −25% */
  g_assert_cmpint (r->trend, ==, JX_CUSTOMER_TREND_DOWN);
  g_assert_cmpfloat_with_epsilon (jx_customer_row_get_change (r), -0.25, 1e-12);
  jx_test_date (&d, "2026-03-01");
  g_assert_cmpuint (r->last_won, ==, g_date_get_julian (&d));

  r = row_of (base, 2);
  g_assert_cmpint (r->revenue_12m, ==, 0);
  g_assert_cmpint (r->revenue_prev_12m, ==, 700);
  g_assert_cmpint (r->open_pipeline, ==, 90);
  g_assert_cmpuint (r->open_count, ==, 1);
  g_assert_cmpint (r->risk, ==, JX_CHURN_DROP);

  r = row_of (base, 3);
  g_assert_cmpint (r->revenue_12m, ==, 5000);
  g_assert_cmpint (r->open_pipeline, ==, 100);
  g_assert_cmpuint (r->open_count, ==, 2);
  g_assert_cmpint (r->trend, ==, JX_CUSTOMER_TREND_NEW);
  g_assert_true (isnan (jx_customer_row_get_change (r)));

  r = row_of (base, 4);
  g_assert_cmpint (r->revenue_prev_12m, ==, 700);
  g_assert_cmpint (r->risk, ==, JX_CHURN_DROP | JX_CHURN_IDLE);

  r = row_of (base, 5);
  g_assert_cmpint (r->revenue_12m + r->revenue_prev_12m + r->open_pipeline, ==, 0);
  g_assert_cmpuint (r->last_won, ==, 0);
  g_assert_cmpint (r->trend, ==, JX_CUSTOMER_TREND_NONE);

  r = row_of (base, 6);
  g_assert_cmpint (r->revenue_12m, ==, 0);                /* tomorrow does not count */

  /* The same figures on the next day: Acme's 2025-11-28 deal leaves the last 12 months. */
  jx_test_date (&today, "2026-11-28");
  g_assert_true (jx_customer_base_set_today (base, &today, &error));
  g_assert_cmpint (row_of (base, 1)->revenue_12m, ==, 1000);
  g_assert_cmpint (row_of (base, 1)->revenue_prev_12m, ==, 2500);
  g_assert_cmpint (row_of (base, 6)->revenue_12m, ==, 200);
  jx_test_remove_dir (dir);
}

static void
test_suggestions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_hand_built (dir, JX_STORE_OPEN_UNDO);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxTierSuggestions) s = NULL;
  g_autoptr(JxTierSuggestions) with_manual = NULL;
  GHashTable *to = g_hash_table_new (g_str_hash, g_str_equal);
  guint moved = 0;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);

  /* Revenue of the last 12 months: Cedar 5000, Acme 1500, Golf 800, the rest 0; total 7300.
   * Shares before: Cedar 0 → A; Acme 68.5% → A; Golf 89.0% → B; zeros → C.
   * Beta and Delta are at risk → Defend. Golf is placed by hand and left out. */
  s = jx_tier_suggestions_new (base, FALSE);
  for (guint i = 0; i < jx_tier_suggestions_get_n_proposals (s); i++)
    {
      const JxTierProposal *p = jx_tier_suggestions_get_proposal (s, i);

      g_test_message ("%s: %s → %s, %s", p->customer_name, jx_tier_to_string (p->from),
                      jx_tier_to_string (p->to), p->reason);
      g_hash_table_insert (to, (gpointer) p->customer_name, (gpointer) jx_tier_to_string (p->to));
      g_assert_true (p->selected);
    }
  /* Acme stays Key, Echo stays Maintain: no proposal for them. */
  g_assert_cmpuint (jx_tier_suggestions_get_n_proposals (s), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (to, "Cedar"), ==, "key");
  g_assert_cmpstr (g_hash_table_lookup (to, "Beta"), ==, "defend");
  g_assert_cmpstr (g_hash_table_lookup (to, "Delta"), ==, "defend");
  g_assert_cmpstr (g_hash_table_lookup (to, "Foxtrot"), ==, "maintain");
  g_assert_null (g_hash_table_lookup (to, "Golf"));
  g_hash_table_unref (to);

  /* Largest revenue first, with the reasons in numbers. */
  {
    const JxTierProposal *cedar = jx_tier_suggestions_get_proposal (s, 0);
    const JxTierProposal *beta = NULL;

    g_assert_cmpstr (cedar->customer_name, ==, "Cedar");
    g_assert_cmpint (cedar->abc_class, ==, JX_ABC_A);
    g_assert_nonnull (strstr (cedar->reason, "class A"));
    g_assert_nonnull (strstr (cedar->reason, "68.5%"));
    for (guint i = 0; i < jx_tier_suggestions_get_n_proposals (s); i++)
      if (g_str_equal (jx_tier_suggestions_get_proposal (s, i)->customer_name, "Beta"))
        beta = jx_tier_suggestions_get_proposal (s, i);
    g_assert_nonnull (beta);
    g_assert_cmpstr (beta->reason, ==, "revenue −100%: ¥7 → ¥0");
    g_assert_cmpint (beta->revenue_prev_12m, ==, 700);
  }

  /* With manual customers included, Golf (B) is proposed for Growth but not ticked. */
  with_manual = jx_tier_suggestions_new (base, TRUE);
  g_assert_cmpuint (jx_tier_suggestions_get_n_proposals (with_manual), ==, 5);
  g_assert_cmpuint (jx_tier_suggestions_get_n_selected (with_manual), ==, 4);
  for (guint i = 0; i < 5; i++)
    {
      const JxTierProposal *p = jx_tier_suggestions_get_proposal (with_manual, i);

      if (g_str_equal (p->customer_name, "Golf"))
        {
          g_assert_true (p->manual);
          g_assert_false (p->selected);
          g_assert_cmpint (p->to, ==, JX_TIER_GROWTH);
          g_assert_cmpint (p->abc_class, ==, JX_ABC_B);
        }
    }

  /* Applying the ticked ones: one undo step, four history rows from "suggestion". */
  g_assert_true (jx_tier_suggestions_apply (with_manual, TRUE, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 4);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Apply 4 tier suggestions");
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history WHERE "
                                             "source = 'suggestion' AND changed_on = '2026-11-27'"),
                   ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE tier = 'defend'"),
                   ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT tier_manual FROM customers WHERE id = 7"), ==,
                   1);
  g_assert_cmpint (row_of (base, 3)->tier, ==, JX_TIER_KEY);

  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE tier IS NULL"),
                   ==, 2);
  /* The base followed the undo. */
  g_assert_cmpint (row_of (base, 3)->tier, ==, JX_TIER_NONE);
  g_assert_cmpint (row_of (base, 2)->tier, ==, JX_TIER_GROWTH);
  jx_test_remove_dir (dir);
}

static void
test_moves_history_undo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_hand_built (dir, JX_STORE_OPEN_UNDO);
  g_autoptr(GError) error = NULL;
  const JxTierMove moves[] = {
    { 2, JX_TIER_KEY }, { 3, JX_TIER_KEY }, { 5, JX_TIER_KEY }, { 1, JX_TIER_KEY },
  };
  const JxTierMove bad[] = { { 3, JX_TIER_DEFEND }, { 999, JX_TIER_KEY } };
  const JxTierMove one = { 5, JX_TIER_NONE };
  guint moved = 0;
  GDate today;

  jx_test_date (&today, "2026-11-20");
  /* Acme is already Key: three customers change, and the label says so for four. */
  g_assert_true (jx_tier_move (store, moves, G_N_ELEMENTS (moves), JX_TIER_SOURCE_MANUAL, &today,
                               &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 3);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Move 4 customers to Key");
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM tier_history WHERE to_tier = 'key' AND changed_on = '2026-11-20' "
    "AND source = 'manual'"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM tier_history WHERE customer_id = 3 AND from_tier IS NULL"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM tier_history WHERE customer_id = 5 AND from_tier = 'maintain'"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM customers WHERE tier = 'key' AND tier_manual = 1"), ==, 4);

  /* A move that fails half-way changes nothing. */
  g_assert_false (jx_tier_move (store, bad, G_N_ELEMENTS (bad), JX_TIER_SOURCE_MANUAL, &today,
                                NULL, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE tier = 'defend'"),
                   ==, 0);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Move 4 customers to Key");

  /* One customer: named in the label; back to Unassigned. */
  jx_test_date (&today, "2026-11-21");
  g_assert_true (jx_tier_move (store, &one, 1, JX_TIER_SOURCE_MANUAL, &today, &moved, &error));
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Move “Echo” to Unassigned");
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history WHERE customer_id "
                                             "= 5"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT tier IS NULL FROM customers WHERE id = 5"),
                   ==, 1);

  /* Undo twice: history and tiers are as before. */
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history"), ==, 3);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE tier = 'key'"),
                   ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT sum(tier_manual) FROM customers"), ==, 1);
  /* Redo brings the move and its history back. */
  g_assert_true (jx_store_redo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM tier_history"), ==, 3);
  jx_test_remove_dir (dir);
}

static void
test_detail_notes (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_hand_built (dir, JX_STORE_OPEN_UNDO);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerDetail) detail = NULL;
  g_autoptr(JxCustomerDetail) missing = NULL;
  GArray *years, *deals, *history;
  const JxTierMove move = { 1, JX_TIER_DEFEND };
  GDate today;

  jx_test_date (&today, "2026-11-27");
  g_assert_true (jx_tier_move (store, &move, 1, JX_TIER_SOURCE_MANUAL, &today, NULL, &error));
  detail = jx_customer_detail_load (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jx_customer_detail_get_name (detail), ==, "Acme");
  g_assert_cmpstr (jx_customer_detail_get_region_name (detail), ==, "East");
  g_assert_cmpint (jx_customer_detail_get_tier (detail), ==, JX_TIER_DEFEND);
  g_assert_true (jx_customer_detail_get_tier_manual (detail));

  /* Calendar fiscal years: 2025 has 2000 + 500, 2026 has 1000. */
  years = jx_customer_detail_get_revenue_by_year (detail);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, JxRevenueYear, 0).year, ==, 2025);
  g_assert_cmpint (g_array_index (years, JxRevenueYear, 0).won, ==, 2500);
  g_assert_cmpuint (g_array_index (years, JxRevenueYear, 0).deals, ==, 2);
  g_assert_cmpint (g_array_index (years, JxRevenueYear, 1).won, ==, 1000);
  deals = jx_customer_detail_get_deals (detail);
  g_assert_cmpuint (deals->len, ==, 4);
  /* Newest first: the open deal (opened 2026-11-01) before the one won 2026-03-01. */
  g_assert_cmpint (g_array_index (deals, JxCustomerDeal, 0).status, ==, 0);
  g_assert_null (g_array_index (deals, JxCustomerDeal, 0).closed);
  history = jx_customer_detail_get_tier_history (detail);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (g_array_index (history, JxTierChange, 0).date, ==, "2026-11-27");
  g_assert_cmpint (g_array_index (history, JxTierChange, 0).from, ==, JX_TIER_KEY);
  g_assert_cmpint (g_array_index (history, JxTierChange, 0).to, ==, JX_TIER_DEFEND);
  g_assert_cmpuint (jx_customer_detail_get_activities (detail)->len, ==, 0);

  g_assert_true (jx_customer_set_notes (store, 1, "Call in spring — 春季回访", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Edit notes");
  g_clear_object (&detail);
  detail = jx_customer_detail_load (store, 1, &error);
  g_assert_cmpstr (jx_customer_detail_get_notes (detail), ==, "Call in spring — 春季回访");
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT length(notes) FROM customers WHERE id = 1"),
                   ==, 0);

  g_assert_false (jx_customer_set_notes (store, 99, "x", &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing = jx_customer_detail_load (store, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  jx_test_remove_dir (dir);
}

/* List models */

typedef struct {
  guint calls;
  guint removed;
  guint added;
} ChangeCount;

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ChangeCount *count)
{
  count->calls++;
  count->removed += removed;
  count->added += added;
}

static void
test_list_models (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_hand_built (dir, JX_STORE_OPEN_UNDO);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxCustomerList) all = NULL;
  g_autoptr(JxCustomerList) key = NULL;
  g_autoptr(JxCustomerList) growth = NULL;
  g_autoptr(JxCustomer) acme = NULL;
  ChangeCount key_changes = { 0 }, growth_changes = { 0 }, all_changes = { 0 };
  const JxTierMove move = { 4, JX_TIER_GROWTH };
  gboolean descending;
  guint pos;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);

  all = jx_customer_list_new (base);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (all)) == JX_TYPE_CUSTOMER);
  /* By name. */
  acme = g_list_model_get_item (G_LIST_MODEL (all), 0);
  g_assert_cmpstr (jx_customer_get_name (acme), ==, "Acme");
  g_assert_cmpint (jx_customer_get_revenue_12m (acme), ==, 1500);
  g_assert_cmpstr (jx_customer_get_region_name (acme), ==, "East");
  g_assert_cmpstr (jx_customer_get_owner_name (acme), ==, "Rep One");
  g_assert_cmpint (jx_customer_get_tier (acme), ==, JX_TIER_KEY);
  g_assert_cmpstr (jx_customer_get_last_won (acme), ==, "2026-03-01");
  /* The same object while someone holds it. */
  {
    g_autoptr(JxCustomer) again = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_assert_true (again == acme);
  }

  /* Sorted by revenue, largest first: Cedar 5000, Acme 1500, Golf 800, then the zeros by name. */
  jx_customer_list_set_sort (all, JX_CUSTOMER_SORT_REVENUE, TRUE);
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 0), ==, 3);
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 1), ==, 1);
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 2), ==, 7);
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 3), ==, 2);     /* Beta */
  g_assert_cmpint (jx_customer_list_get_sort (all, &descending), ==, JX_CUSTOMER_SORT_REVENUE);
  g_assert_true (descending);
  /* Sorted by change: customers without a previous year go last either way. */
  jx_customer_list_set_sort (all, JX_CUSTOMER_SORT_CHANGE, FALSE);
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 0), ==, 2);     /* −100% */
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 2), ==, 1);     /* −25% */
  g_assert_cmpint (jx_customer_list_get_customer_id (all, 6), ==, 7);     /* Golf, none */

  /* Filters: search (any case), region with its subregions, risk. */
  jx_customer_list_set_search (all, "E");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 5);  /* Acme Beta Cedar Delta Echo */
  jx_customer_list_set_search (all, NULL);
  jx_customer_list_set_region_id (all, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 4);  /* East + Shanghai */
  g_assert_cmpint (jx_customer_list_get_revenue_total (all), ==, 2300);
  jx_customer_list_set_region_id (all, 0);
  jx_customer_list_set_at_risk_only (all, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  jx_customer_list_set_at_risk_only (all, FALSE);
  jx_customer_list_set_sort (all, JX_CUSTOMER_SORT_NAME, FALSE);

  /* Tier board columns. */
  key = jx_customer_list_new_for_tier (base, JX_TIER_KEY);
  growth = jx_customer_list_new_for_tier (base, JX_TIER_GROWTH);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (key)), ==, 2);     /* Acme, Delta */
  g_assert_cmpint (jx_customer_list_get_customer_id (key, 0), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (growth)), ==, 1);  /* Beta */
  g_signal_connect (key, "items-changed", G_CALLBACK (items_changed_cb), &key_changes);
  g_signal_connect (growth, "items-changed", G_CALLBACK (items_changed_cb), &growth_changes);
  g_signal_connect (all, "items-changed", G_CALLBACK (items_changed_cb), &all_changes);

  /* A drop: Delta from Key to Growth. One item leaves one column and enters the other; the
   * list of all customers keeps its items (the object updates itself). */
  {
    g_autoptr(JxCustomer) delta = NULL;

    g_assert_true (jx_customer_list_find (all, 4, &pos));
    delta = g_list_model_get_item (G_LIST_MODEL (all), pos);
    g_assert_true (jx_customer_base_move (base, &move, 1, JX_TIER_SOURCE_MANUAL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (jx_customer_get_tier (delta), ==, JX_TIER_GROWTH);
    g_assert_true (jx_customer_get_tier_manual (delta));
  }
  g_assert_cmpuint (key_changes.calls, ==, 1);
  g_assert_cmpuint (key_changes.removed, ==, 1);
  g_assert_cmpuint (key_changes.added, ==, 0);
  g_assert_cmpuint (growth_changes.calls, ==, 1);
  g_assert_cmpuint (growth_changes.added, ==, 1);
  g_assert_cmpuint (all_changes.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (key)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (growth)), ==, 2);
  /* Growth by revenue: Beta (0, prev 700) and Delta (0, prev 700) tie → by name. */
  g_assert_cmpint (jx_customer_list_get_customer_id (growth, 0), ==, 2);
  g_assert_cmpint (jx_customer_list_get_customer_id (growth, 1), ==, 4);

  /* Undo goes back through the store: the columns follow. */
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (key)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (growth)), ==, 1);
  g_assert_cmpuint (key_changes.added, ==, 1);

  /* A change made elsewhere (a new deal) updates the figures and the order. */
  {
    g_autoptr(GError) e = NULL;

    g_assert_true (jx_store_begin (store, "Add deal", &e));
    jx_test_exec (store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) "
                         "VALUES (4, 9000, '2026-11-01', '2026-11-02', 6, 1)");
    g_assert_true (jx_store_commit (store, &e));
  }
  g_assert_cmpint (row_of (base, 4)->revenue_12m, ==, 9000);
  g_assert_cmpint (jx_customer_list_get_customer_id (key, 0), ==, 4);
  g_assert_cmpint (jx_customer_list_get_revenue_total (key), ==, 10500);
  jx_test_remove_dir (dir);
}

/* On demo data, the figures equal independent SQL, and every column holds its tier. */
static void
test_demo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxTierSuggestions) s = NULL;
  g_autoptr(JxPareto) pareto = NULL;
  gint64 total = 0, pipeline = 0;
  guint columns = 0;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < jx_customer_base_get_n_rows (base); i++)
    {
      total += jx_customer_base_get_row (base, i)->revenue_12m;
      pipeline += jx_customer_base_get_row (base, i)->open_pipeline;
    }
  g_assert_cmpint (total, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND closed > '2025-11-27' "
    "AND closed <= '2026-11-27' AND customer_id IS NOT NULL"));
  g_assert_cmpint (pipeline, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 0 AND customer_id IS NOT NULL"));
  g_assert_cmpint (row_of (base, 17)->revenue_prev_12m, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND customer_id = 17 "
    "AND closed > '2024-11-27' AND closed <= '2025-11-27'"));

  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      g_autoptr(JxCustomerList) column = jx_customer_list_new_for_tier (base, t);
      g_autofree char *sql = t == JX_TIER_NONE
        ? g_strdup ("SELECT count(*) FROM customers WHERE tier IS NULL")
        : g_strdup_printf ("SELECT count(*) FROM customers WHERE tier = '%s'",
                           jx_tier_to_string (t));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (column));

      g_assert_cmpint (n, ==, jx_test_query_int (store, sql));
      columns += n;
      for (guint i = 1; i < n; i++)
        g_assert_cmpint (jx_customer_base_get_row (base, jx_customer_list_get_row (column, i - 1))
                           ->revenue_12m, >=,
                         jx_customer_base_get_row (base, jx_customer_list_get_row (column, i))
                           ->revenue_12m);
    }
  g_assert_cmpuint (columns, ==, JX_DEMO_CUSTOMERS_PER_SCALE);

  /* The Pareto curve ends at 100% and A makes up at least 80% of revenue. */
  pareto = jx_pareto_new (base);
  g_assert_cmpuint (pareto->n, ==, JX_DEMO_CUSTOMERS_PER_SCALE);
  g_assert_cmpint (pareto->total, ==, total);
  g_assert_cmpfloat_with_epsilon (pareto->cumulative[pareto->n - 1], 1.0, 1e-9);
  g_assert_cmpfloat (pareto->cumulative[pareto->n_a - 1], >=, 0.8);
  g_assert_cmpfloat (pareto->cumulative[pareto->n_a - 2], <, 0.8);

  s = jx_tier_suggestions_new (base, FALSE);
  g_assert_cmpuint (jx_tier_suggestions_get_n_proposals (s), >, 0);
  for (guint i = 0; i < jx_tier_suggestions_get_n_proposals (s); i++)
    {
      const JxTierProposal *p = jx_tier_suggestions_get_proposal (s, i);

      g_assert_cmpint (p->from, !=, p->to);
      g_assert_false (p->manual);
      g_assert_true (p->reason != NULL && *p->reason != '\0');
      if (p->risk != JX_CHURN_NONE)
        g_assert_cmpint (p->to, ==, JX_TIER_DEFEND);
      else
        g_assert_cmpint (p->to, ==, jx_abc_class_to_tier (p->abc_class));
    }
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/tiers/abc", test_abc);
  g_test_add_func ("/jx/tiers/churn-rules", test_churn_rules);
  g_test_add_func ("/jx/tiers/figures", test_figures);
  g_test_add_func ("/jx/tiers/suggestions", test_suggestions);
  g_test_add_func ("/jx/tiers/moves-history-undo", test_moves_history_undo);
  g_test_add_func ("/jx/tiers/detail-notes", test_detail_notes);
  g_test_add_func ("/jx/tiers/list-models", test_list_models);
  g_test_add_func ("/jx/tiers/demo", test_demo);
  return g_test_run ();
}
