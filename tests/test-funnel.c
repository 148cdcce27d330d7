/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"

/*
 * A history small enough to work out on paper, for the period Oct 1 – Dec 31, 2026 and
 * today Nov 27, 2026. Stages: 1 Prospecting (10%), 2 Qualified (25%), 3 Solution (50%),
 * 4 Proposal (70%), 5 Negotiation (85%), 6 Won, 7 Lost. Amounts in yuan (×100 stored).
 *
 *  D1  opened 10-01, P 10-01 → Q 10-11 → S 10-21, open in S (37 days)    1000  East m1 p1
 *  D2  opened 10-05, P 10-05 → S 10-10 (skips Q) → Q 10-20 (back) → S 11-01, open in S
 *                                                              (26 days)  2000  West m2 p2
 *  D3  opened 10-02, P → Q 10-12 → S 10-22 → Pr 11-01 → N 11-06 → Won 11-16    5000  East m1 p1
 *  D4  opened 10-03, P → Q 10-13 → Lost 10-23 (at Q)                          3000  West m2 p1
 *  D5  opened 10-04, P → Lost 10-09 (at P)                                      500  East m1 p2
 *  D6  opened 10-06, P → Q 10-16 → Lost 10-26 (at Q) → reopened in Q 11-05 (22 days)
 *                                                                          4000  West m1 p2
 *  D7  opened 06-01, P → Q 06-15 → Won 07-01 (all outside the period)        9000  East m1 p1
 *  D8  opened 09-01, P → Q 09-20 → Lost 10-10 (at Q, closed in the period)    700  East m2 p1
 *  D9  opened 09-15, open in P (73 days), no amount                            —   West m2 p2
 *  D10 opened 11-20, open in P (7 days)                                        600  East m1 p1
 *
 * Solution has a stalled threshold of 30 days; the others use the 80th percentile.
 */
static const char history_sql[] =
  "INSERT INTO regions(id, name) VALUES (1, 'East'), (2, 'West');"
  "INSERT INTO team_members(id, name) VALUES (1, 'Mia'), (2, 'Sam');"
  "INSERT INTO product_lines(id, name) VALUES (1, 'Cloud'), (2, 'Security');"
  "INSERT INTO products(id, line_id, name) VALUES (1, 1, 'Cloud Pro'), (2, 2, 'Shield');"
  "INSERT INTO customer_types(id, name) VALUES (1, 'Enterprise'), (2, 'Small business');"
  "INSERT INTO customers(id, name, region_id, type_id, tier) VALUES"
  " (1, 'Cedar Foods', 1, 1, 'key'), (2, 'Harbor Logistics', 2, 2, 'growth');"
  "UPDATE stages SET stalled_days = 30 WHERE id = 3;"
  "INSERT INTO deals(id, title, customer_id, owner_id, product_id, amount, opened, expected_close,"
  " closed, stage_id, stage_entered, status, furthest_position, lost_at_stage_id) VALUES"
  " (1, 'Alpha cloud', 1, 1, 1, 100000, '2026-10-01', '2026-12-15', NULL, 3, '2026-10-21', 0, 3, NULL),"
  " (2, 'Bravo shield', 2, 2, 2, 200000, '2026-10-05', '2027-01-15', NULL, 3, '2026-11-01', 0, 3, NULL),"
  " (3, 'Charlie cloud', 1, 1, 1, 500000, '2026-10-02', '2026-11-30', '2026-11-16', 6, '2026-11-16', 1, 5, NULL),"
  " (4, 'Delta cloud', 2, 2, 1, 300000, '2026-10-03', '2026-11-30', '2026-10-23', 7, '2026-10-23', 2, 2, 2),"
  " (5, 'Echo shield', 1, 1, 2, 50000, '2026-10-04', '2026-11-30', '2026-10-09', 7, '2026-10-09', 2, 1, 1),"
  " (6, 'Foxtrot shield', 2, 1, 2, 400000, '2026-10-06', '2026-12-20', NULL, 2, '2026-11-05', 0, 2, NULL),"
  " (7, 'Golf cloud', 1, 1, 1, 900000, '2026-06-01', '2026-07-01', '2026-07-01', 6, '2026-07-01', 1, 5, NULL),"
  " (8, 'Hotel cloud', 1, 2, 1, 70000, '2026-09-01', '2026-10-30', '2026-10-10', 7, '2026-10-10', 2, 2, 2),"
  " (9, 'India shield', 2, 2, 2, NULL, '2026-09-15', '2026-11-30', NULL, 1, '2026-09-15', 0, 1, NULL),"
  " (10, 'Juliet cloud', 1, 1, 1, 60000, '2026-11-20', '2026-12-31', NULL, 1, '2026-11-20', 0, 1, NULL);"
  "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES"
  " (1, 1, '2026-10-01'), (1, 2, '2026-10-11'), (1, 3, '2026-10-21'),"
  " (2, 1, '2026-10-05'), (2, 3, '2026-10-10'), (2, 2, '2026-10-20'), (2, 3, '2026-11-01'),"
  " (3, 1, '2026-10-02'), (3, 2, '2026-10-12'), (3, 3, '2026-10-22'), (3, 4, '2026-11-01'),"
  " (3, 5, '2026-11-06'), (3, 6, '2026-11-16'),"
  " (4, 1, '2026-10-03'), (4, 2, '2026-10-13'), (4, 7, '2026-10-23'),"
  " (5, 1, '2026-10-04'), (5, 7, '2026-10-09'),"
  " (6, 1, '2026-10-06'), (6, 2, '2026-10-16'), (6, 7, '2026-10-26'), (6, 2, '2026-11-05'),"
  " (7, 1, '2026-06-01'), (7, 2, '2026-06-15'), (7, 6, '2026-07-01'),"
  " (8, 1, '2026-09-01'), (8, 2, '2026-09-20'), (8, 7, '2026-10-10'),"
  " (9, 1, '2026-09-15'),"
  " (10, 1, '2026-11-20');"
  "INSERT INTO target_plans(id, name, active) VALUES (1, 'Plan 2026', 1);"
  "INSERT INTO target_nodes(plan_id, name, metric, period_from, period_to, amount) VALUES"
  " (1, 'Q4', 'revenue', '2026-10-01', '2026-12-31', 1000000),"
  " (1, 'Q4 West', 'revenue', '2026-10-01', '2026-12-31', 100000);"
  "UPDATE target_nodes SET region_id = 2 WHERE name = 'Q4 West';";

static JxStore *
open_history (const char       *dir,
              JxStoreOpenFlags  flags)
{
  JxStore *store = jx_test_open_new (dir, "funnel.db", flags, 0);

  jx_test_exec (store, history_sql);
  return store;
}

static void
period_q4 (JxDealFilter *filter)
{
  jx_deal_filter_init (filter);
  g_assert_true (jx_deal_filter_set_period_iso (filter, "2026-10-01", "2026-12-31", NULL));
}

static JxFunnelReport *
compute (JxStore            *store,
         const JxDealFilter *filter)
{
  g_autoptr(GError) error = NULL;
  JxFunnelReport *r;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  r = jx_funnel_compute (store, filter, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_hand_built (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_history (dir, JX_STORE_OPEN_DEFAULT);
  g_autoptr(JxFunnelReport) r = NULL;
  JxDealFilter filter;
  static const gint64 now_count[] = { 2, 1, 2, 0, 0 };
  static const gint64 now_amount[] = { 60000, 400000, 300000, 0, 0 };
  static const gint64 reached[] = { 7, 5, 3, 1, 1 };
  static const gint64 reached_amount[] = { 1610000, 1500000, 800000, 500000, 500000 };
  static const double conversion[] = { 5.0 / 7, 3.0 / 5, 1.0 / 3, 1, 1 };
  static const gint64 dropped[] = { 2, 2, 2, 0, 0 };
  static const gint64 n_stays[] = { 6, 6, 2, 1, 1 };
  static const double mean[] = { 50.0 / 6, 12, 10, 5, 10 };
  static const double median[] = { 10, 10, 10, 5, 10 };
  static const int threshold[] = { 14, 16, 30, 5, 10 };
  static const gboolean suggested[] = { TRUE, TRUE, FALSE, TRUE, TRUE };
  static const gint64 stalled[] = { 1, 1, 1, 0, 0 };
  static const gint64 lost[] = { 1, 2, 0, 0, 0 };

  period_q4 (&filter);
  r = compute (store, &filter);

  g_assert_cmpuint (r->n_stages, ==, 5);
  g_assert_cmpstr (r->stages[0].name, ==, "Prospecting");
  g_assert_cmpstr (r->stages[4].name, ==, "Negotiation");
  for (guint i = 0; i < 5; i++)
    {
      const JxFunnelStage *s = &r->stages[i];

      g_test_message ("stage %s", s->name);
      g_assert_cmpint (s->count, ==, now_count[i]);
      g_assert_cmpint (s->amount, ==, now_amount[i]);
      g_assert_cmpint (s->reached, ==, reached[i]);
      g_assert_cmpint (s->reached_amount, ==, reached_amount[i]);
      assert_close (s->conversion_to_next, conversion[i]);
      g_assert_cmpint (s->dropped, ==, dropped[i]);
      g_assert_cmpint (s->n_stays, ==, n_stays[i]);
      assert_close (s->mean_days, mean[i]);
      assert_close (s->median_days, median[i]);
      g_assert_cmpint (s->stalled_threshold, ==, threshold[i]);
      g_assert_cmpint (s->threshold_suggested, ==, suggested[i]);
      g_assert_cmpint (s->stalled, ==, stalled[i]);
      g_assert_cmpint (s->lost, ==, lost[i]);
    }
  g_assert_cmpint (r->stages[0].weighted_amount, ==, 6000);
  g_assert_cmpint (r->stages[1].weighted_amount, ==, 100000);
  g_assert_cmpint (r->stages[2].weighted_amount, ==, 150000);

  g_assert_cmpint (r->open_count, ==, 5);
  g_assert_cmpint (r->open_amount, ==, 760000);
  g_assert_cmpint (r->opened, ==, 7);
  g_assert_cmpint (r->cohort_won, ==, 1);
  g_assert_cmpint (r->won_count, ==, 1);
  g_assert_cmpint (r->won_amount, ==, 500000);
  g_assert_cmpint (r->lost_count, ==, 3);
  assert_close (r->win_rate, 0.25);
  assert_close (r->mean_days_to_win, 45);
  assert_close (r->mean_won_amount, 500000);
  g_assert_cmpint (r->weighted_pipeline, ==, 256000);
  /* 5 open deals × 25% × ¥5,000 ÷ 45 days */
  assert_close (r->velocity_per_day, 5 * 0.25 * 500000 / 45.0);
  g_assert_true (r->has_target);
  g_assert_cmpint (r->target_amount, ==, 1000000);
  g_assert_cmpint (r->target_remaining, ==, 500000);
  /* D1 + D6 + D9 (no amount) + D10 expect to close in Q4; D2 in January. */
  g_assert_cmpint (r->pipeline_in_period, ==, 560000);
  assert_close (r->coverage, 1.12);

  /* The suggestion the stages editor shows is the same 80th percentile. */
  g_assert_cmpint (jx_stages_suggest_stalled_days (store, 1, NULL), ==, 14);
  g_assert_cmpint (jx_stages_suggest_stalled_days (store, 2, NULL), ==, 16);
  g_assert_cmpint (jx_stages_suggest_stalled_days (store, 3, NULL), ==, 10);
  jx_test_remove_dir (dir);
}

static void
test_dimensions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_history (dir, JX_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  JxDealFilter filter;

  /* East: D1, D3, D5, D7, D8, D10. No target for East: no coverage. */
  {
    g_autoptr(JxFunnelReport) r = NULL;

    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_REGION, "east", &error));
    r = compute (store, &filter);
    g_assert_cmpint (r->stages[0].count, ==, 1);
    g_assert_cmpint (r->stages[2].count, ==, 1);
    g_assert_cmpint (r->stages[0].reached, ==, 4);
    g_assert_cmpint (r->stages[1].reached, ==, 2);
    g_assert_cmpint (r->stages[4].reached, ==, 1);
    g_assert_cmpint (r->won_count, ==, 1);
    g_assert_cmpint (r->lost_count, ==, 2);
    assert_close (r->win_rate, 1.0 / 3);
    g_assert_false (r->has_target);
    g_assert_true (isnan (r->coverage));
  }
  /* West has a target of ¥1,000 and nothing won: coverage = (D6 4000) ÷ 1000. */
  {
    g_autoptr(JxFunnelReport) r = NULL;

    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_REGION, "West", &error));
    r = compute (store, &filter);
    g_assert_true (r->has_target);
    g_assert_cmpint (r->target_remaining, ==, 100000);
    assert_close (r->coverage, 4.0);
  }
  /* Sam (m2): D2, D4, D8, D9; nothing won, so no mean days to win and no velocity. */
  {
    g_autoptr(JxFunnelReport) r = NULL;

    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_OWNER, "Sam", &error));
    r = compute (store, &filter);
    g_assert_cmpint (r->open_count, ==, 2);
    g_assert_cmpint (r->stages[0].reached, ==, 2);
    g_assert_cmpint (r->stages[1].reached, ==, 2);
    g_assert_cmpint (r->stages[2].reached, ==, 1);
    g_assert_cmpint (r->stages[3].reached, ==, 0);
    g_assert_true (isnan (r->stages[3].conversion_to_next));
    assert_close (r->win_rate, 0);
    g_assert_true (isnan (r->mean_days_to_win));
    g_assert_true (isnan (r->velocity_per_day));
  }
  /* Product line Security (p2): D2, D5, D6, D9; product Cloud Pro: the others. */
  {
    g_autoptr(JxFunnelReport) a = NULL;
    g_autoptr(JxFunnelReport) b = NULL;

    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_PRODUCT_LINE,
                                               "Security", &error));
    a = compute (store, &filter);
    g_assert_cmpint (a->stages[0].reached, ==, 3);
    g_assert_cmpint (a->stages[1].reached, ==, 2);
    g_assert_cmpint (a->open_count, ==, 3);
    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_PRODUCT,
                                               "Cloud Pro", &error));
    b = compute (store, &filter);
    g_assert_cmpint (b->stages[0].reached, ==, 4);
    g_assert_cmpint (a->opened + b->opened, ==, 7);
  }
  /* Tier and customer type: Cedar Foods is key and Enterprise. */
  {
    g_autoptr(JxFunnelReport) a = NULL;
    g_autoptr(JxFunnelReport) b = NULL;

    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_TIER, "Key", &error));
    a = compute (store, &filter);
    period_q4 (&filter);
    g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_CUSTOMER_TYPE,
                                               "Enterprise", &error));
    b = compute (store, &filter);
    g_assert_cmpint (a->stages[0].reached, ==, 4);
    g_assert_cmpint (b->stages[0].reached, ==, 4);
    g_assert_cmpint (a->lost_count, ==, b->lost_count);
  }
  /* All time: every deal is in the cohort and every stay counts. */
  {
    g_autoptr(JxFunnelReport) r = NULL;

    jx_deal_filter_init (&filter);
    r = compute (store, &filter);
    g_assert_cmpint (r->opened, ==, 10);
    g_assert_cmpint (r->stages[0].reached, ==, 10);
    g_assert_cmpint (r->stages[1].reached, ==, 7);
    g_assert_cmpint (r->won_count, ==, 2);
    g_assert_cmpint (r->stages[0].n_stays, ==, 8);
    g_assert_false (r->has_target);
  }
  /* Unknown names are errors that name the value. */
  g_assert_false (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_REGION, "Mars", &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Mars"));
  jx_test_remove_dir (dir);
}

static void
test_deal_ids (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_history (dir, JX_STORE_OPEN_DEFAULT);
  g_autoptr(GArray) reached = NULL, stalled = NULL, lost = NULL, in_stage = NULL;
  JxDealFilter filter;
  GDate today;

  period_q4 (&filter);
  jx_test_date (&today, "2026-11-27");
  reached = jx_funnel_deal_ids (store, &filter, &today, JX_FUNNEL_SET_REACHED, 3, NULL);
  g_assert_cmpuint (reached->len, ==, 3);
  g_assert_cmpint (g_array_index (reached, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (reached, gint64, 1), ==, 2);
  g_assert_cmpint (g_array_index (reached, gint64, 2), ==, 3);
  stalled = jx_funnel_deal_ids (store, &filter, &today, JX_FUNNEL_SET_STALLED, 0, NULL);
  g_assert_cmpuint (stalled->len, ==, 3);
  g_assert_cmpint (g_array_index (stalled, gint64, 0), ==, 9);   /* 73 days */
  g_assert_cmpint (g_array_index (stalled, gint64, 1), ==, 1);   /* 37 days */
  g_assert_cmpint (g_array_index (stalled, gint64, 2), ==, 6);   /* 22 days */
  lost = jx_funnel_deal_ids (store, &filter, &today, JX_FUNNEL_SET_LOST, 2, NULL);
  g_assert_cmpuint (lost->len, ==, 2);
  in_stage = jx_funnel_deal_ids (store, &filter, &today, JX_FUNNEL_SET_IN_STAGE, 1, NULL);
  g_assert_cmpuint (in_stage->len, ==, 2);
  jx_test_remove_dir (dir);
}

static void
test_cli_json (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "funnel.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *stage, *by_stage;
  JsonArray *stages;

  {
    g_autoptr(JxStore) store = open_history (dir, JX_STORE_OPEN_DEFAULT);
  }
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "funnel", "--from", "2026-10-01",
                                    "--to", "2026-12-31", "--today", "2026-11-27", "--json", NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));

  stages = json_object_get_array_member (root, "stages");
  g_assert_cmpuint (json_array_get_length (stages), ==, 5);
  stage = json_array_get_object_element (stages, 0);
  g_assert_cmpstr (json_object_get_string_member (stage, "name"), ==, "Prospecting");
  g_assert_cmpint (json_object_get_int_member (stage, "probability"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (stage, "count"), ==, 2);
  assert_close (json_object_get_double_member (stage, "amount"), 600);
  g_assert_cmpint (json_object_get_int_member (stage, "reached"), ==, 7);
  assert_close (json_object_get_double_member (stage, "conversion_to_next"), 5.0 / 7);
  assert_close (json_object_get_double_member (stage, "mean_days"), 50.0 / 6);
  assert_close (json_object_get_double_member (stage, "median_days"), 10);
  g_assert_cmpint (json_object_get_int_member (stage, "stalled"), ==, 1);
  stage = json_array_get_object_element (stages, 2);
  assert_close (json_object_get_double_member (stage, "amount"), 3000);
  assert_close (json_object_get_double_member (stage, "median_days"), 10);
  stage = json_array_get_object_element (stages, 1);
  assert_close (json_object_get_double_member (stage, "mean_days"), 12);

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "won"), "count"), ==, 1);
  assert_close (json_object_get_double_member (json_object_get_object_member (root, "won"), "amount"), 5000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "lost"), "count"), ==, 3);
  by_stage = json_object_get_object_member (json_object_get_object_member (root, "lost"), "by_stage");
  g_assert_cmpint (json_object_get_int_member (by_stage, "Prospecting"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (by_stage, "Qualified"), ==, 2);
  assert_close (json_object_get_double_member (root, "win_rate"), 0.25);
  assert_close (json_object_get_double_member (root, "mean_days_to_win"), 45);
  assert_close (json_object_get_double_member (root, "mean_won_amount"), 5000);
  assert_close (json_object_get_double_member (root, "weighted_pipeline"), 2560);
  assert_close (json_object_get_double_member (root, "velocity_per_day"), 5 * 0.25 * 5000 / 45.0);
  assert_close (json_object_get_double_member (root, "coverage"), 1.12);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "filter"), "from"),
                   ==, "2026-10-01");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A region without a target: coverage is null. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "funnel", "--from", "2026-10-01",
                                    "--to", "2026-12-31", "--region", "East", "--today",
                                    "2026-11-27", "--json", NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (root, "coverage"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "filter"), "region"),
                   ==, "East");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Text output, unknown names (exit 1, naming the value), a bad date (exit 2). */
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "funnel", "--today", "2026-11-27", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Prospecting"));
  g_assert_nonnull (strstr (out, "40.0%"));   /* all time: 2 won, 3 lost */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "funnel", "--owner", "Nobody", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "Nobody"));
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "funnel", "--product-line", "Gadgets", NULL), ==,
      1);
  g_assert_nonnull (strstr (err, "Gadgets"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "funnel", "--tier", "platinum", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "platinum"));
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "funnel", "--from", "2026-02-30", NULL), ==, 2);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "funnel", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--customer-type"));
  jx_test_remove_dir (dir);
}

/* On demo data the engine agrees with independent SQL over the same rows. */
static void
test_demo_matches_sql (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxFunnelReport) r = NULL;
  JxDealFilter filter;
  gint64 open_amount = 0;

  period_q4 (&filter);
  r = compute (store, &filter);
  g_assert_cmpint (r->won_count, ==, jx_test_query_int (store,
    "SELECT count(*) FROM deals WHERE status = 1 AND closed BETWEEN '2026-10-01' AND '2026-12-31'"));
  g_assert_cmpint (r->won_amount, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 1 AND closed BETWEEN '2026-10-01' AND '2026-12-31'"));
  g_assert_cmpint (r->lost_count, ==, jx_test_query_int (store,
    "SELECT count(*) FROM deals WHERE status = 2 AND closed BETWEEN '2026-10-01' AND '2026-12-31'"));
  g_assert_cmpint (r->stages[0].reached, ==, jx_test_query_int (store,
    "SELECT count(*) FROM deals WHERE opened BETWEEN '2026-10-01' AND '2026-12-31'"));
  g_assert_cmpint (r->stages[2].reached, ==, jx_test_query_int (store,
    "SELECT count(*) FROM deals WHERE opened BETWEEN '2026-10-01' AND '2026-12-31'"
    " AND (furthest_position >= 3 OR status = 1)"));
  for (guint i = 0; i < r->n_stages; i++)
    open_amount += r->stages[i].amount;
  g_assert_cmpint (open_amount, ==, jx_test_query_int (store,
    "SELECT total(amount) FROM deals WHERE status = 0"));
  g_assert_cmpint (r->stages[1].count, ==, jx_test_query_int (store,
    "SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.status = 0"
    " AND s.position = 2 AND s.kind = 0"));
  jx_test_remove_dir (dir);
}

static void
on_preloaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  if (!jx_funnel_preload_finish (JX_STORE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
wait_preloaded (GError **error)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*error == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
assert_same_funnel (const JxFunnelReport *a,
                    const JxFunnelReport *b)
{
  g_assert_cmpint (a->open_count, ==, b->open_count);
  g_assert_cmpint (a->open_amount, ==, b->open_amount);
  g_assert_cmpint (a->won_count, ==, b->won_count);
  g_assert_cmpint (a->won_amount, ==, b->won_amount);
  g_assert_cmpint (a->lost_count, ==, b->lost_count);
  g_assert_cmpint (a->weighted_pipeline, ==, b->weighted_pipeline);
  g_assert_cmpuint (a->n_stages, ==, b->n_stages);
  for (guint i = 0; i < a->n_stages; i++)
    {
      g_assert_cmpint (a->stages[i].count, ==, b->stages[i].count);
      g_assert_cmpint (a->stages[i].amount, ==, b->stages[i].amount);
      g_assert_cmpint (a->stages[i].reached, ==, b->stages[i].reached);
      g_assert_cmpint (a->stages[i].stalled, ==, b->stages[i].stalled);
      g_assert_cmpint (a->stages[i].stalled_threshold, ==, b->stages[i].stalled_threshold);
      g_assert_cmpint (a->stages[i].n_stays, ==, b->stages[i].n_stays);
    }
}

/* The cache loads in a thread while the store stays usable: a write made during the load
 * shows in the funnel afterwards, a funnel asked for during the load waits for it, and
 * dropping the cache during a load reports a cancelled load. */
static void
test_preload_async (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_UNDO, 1);
  g_autofree char *path = g_strdup (jx_store_get_path (store));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) done = NULL;
  g_autoptr(JxFunnelReport) before = NULL;
  g_autoptr(JxFunnelReport) after = NULL;
  JxDealFilter filter;
  gint64 deal_id;

  period_q4 (&filter);
  before = compute (store, &filter);
  jx_funnel_forget (store);
  g_assert_false (jx_funnel_is_preloaded (store));

  /* A write while the thread reads: an open deal's amount goes up by ¥1,000. */
  jx_funnel_preload_async (store, NULL, on_preloaded_cb, &done);
  deal_id = jx_test_query_int (store, "SELECT min(id) FROM deals WHERE status = 0");
  g_assert_true (jx_store_begin (store, "Change amount", &error));
  jx_test_exec (store, "UPDATE deals SET amount = amount + 100000 "
                       "WHERE id = (SELECT min(id) FROM deals WHERE status = 0)");
  g_assert_true (jx_store_commit (store, &error));
  g_assert_cmpint (deal_id, >, 0);
  wait_preloaded (&done);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (jx_funnel_is_preloaded (store));
  after = compute (store, &filter);
  g_assert_cmpint (after->open_amount, ==, before->open_amount + 100000);
  {
    /* The same file through a store of its own, loaded the plain way. */
    g_autoptr(JxStore) other = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
    g_autoptr(JxFunnelReport) fresh = NULL;

    g_assert_no_error (error);
    fresh = compute (other, &filter);
    assert_same_funnel (after, fresh);
  }

  /* A funnel during the load waits for it; the callback still comes, with success. */
  g_clear_error (&done);
  g_clear_pointer (&after, jx_funnel_report_free);
  jx_funnel_forget (store);
  jx_funnel_preload_async (store, NULL, on_preloaded_cb, &done);
  after = compute (store, &filter);
  g_assert_cmpint (after->open_amount, ==, before->open_amount + 100000);
  wait_preloaded (&done);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);

  /* Dropped during the load. */
  g_clear_error (&done);
  jx_funnel_forget (store);
  jx_funnel_preload_async (store, NULL, on_preloaded_cb, &done);
  jx_funnel_forget (store);
  wait_preloaded (&done);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&after, jx_funnel_report_free);
  after = compute (store, &filter);
  g_assert_cmpint (after->open_amount, ==, before->open_amount + 100000);
  jx_test_remove_dir (dir);
}

/* The breakdowns by region and by owner of the hand-built history, worked out by hand:
 * won and lost deals closed in Q4, open deals now with their stage's probability. */
static void
test_breakdown (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_history (dir, JX_STORE_OPEN_DEFAULT);
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) owners = NULL;
  g_autoptr(GArray) narrowed = NULL;
  g_autoptr(GError) error = NULL;
  const JxFunnelGroup *g;
  JxDealFilter filter;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  period_q4 (&filter);
  regions = jx_funnel_breakdown (store, &filter, &today, JX_FUNNEL_GROUP_REGION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 2);
  /* East: D3 won (5,000); D5 and D8 lost; D1 open in Solution (1,000 × 50%) and D10 in
   * Prospecting (600 × 10%). */
  g = &g_array_index (regions, JxFunnelGroup, 0);
  g_assert_cmpint (g->id, ==, 1);
  g_assert_cmpstr (g->name, ==, "East");
  g_assert_cmpint (g->won_count, ==, 1);
  g_assert_cmpint (g->won_amount, ==, 500000);
  g_assert_cmpint (g->lost_count, ==, 2);
  g_assert_cmpfloat_with_epsilon (g->win_rate, 1.0 / 3, 1e-12);
  g_assert_cmpint (g->open_count, ==, 2);
  g_assert_cmpint (g->open_amount, ==, 160000);
  g_assert_cmpint (g->weighted_amount, ==, 56000);
  /* West: D4 lost; D2 open in Solution (2,000), D6 reopened in Qualified (4,000 × 25%), D9
   * in Prospecting without an amount. */
  g = &g_array_index (regions, JxFunnelGroup, 1);
  g_assert_cmpstr (g->name, ==, "West");
  g_assert_cmpint (g->won_count, ==, 0);
  g_assert_cmpint (g->lost_count, ==, 1);
  g_assert_cmpfloat (g->win_rate, ==, 0);
  g_assert_cmpint (g->open_count, ==, 3);
  g_assert_cmpint (g->open_amount, ==, 600000);
  g_assert_cmpint (g->weighted_amount, ==, 200000);

  owners = jx_funnel_breakdown (store, &filter, &today, JX_FUNNEL_GROUP_OWNER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owners->len, ==, 2);
  /* Mia: D3 won; D5 lost; D1, D6, D10 open. Sam: D4 and D8 lost; D2 and D9 open. */
  g = &g_array_index (owners, JxFunnelGroup, 0);
  g_assert_cmpstr (g->name, ==, "Mia");
  g_assert_cmpint (g->won_amount, ==, 500000);
  g_assert_cmpint (g->lost_count, ==, 1);
  g_assert_cmpint (g->open_count, ==, 3);
  g_assert_cmpint (g->open_amount, ==, 560000);
  g_assert_cmpint (g->weighted_amount, ==, 156000);
  g = &g_array_index (owners, JxFunnelGroup, 1);
  g_assert_cmpstr (g->name, ==, "Sam");
  g_assert_cmpint (g->won_count, ==, 0);
  g_assert_cmpint (g->lost_count, ==, 2);
  g_assert_cmpint (g->open_count, ==, 2);
  g_assert_cmpint (g->open_amount, ==, 200000);
  g_assert_cmpint (g->weighted_amount, ==, 100000);

  /* A filter applies to the groups: only Mia's deals, by region. */
  filter.owner_id = 1;
  narrowed = jx_funnel_breakdown (store, &filter, &today, JX_FUNNEL_GROUP_REGION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (narrowed->len, ==, 2);
  g = &g_array_index (narrowed, JxFunnelGroup, 0);
  g_assert_cmpstr (g->name, ==, "East");
  g_assert_cmpint (g->open_count, ==, 2);
  g_assert_cmpint (g->lost_count, ==, 1);
  g = &g_array_index (narrowed, JxFunnelGroup, 1);
  g_assert_cmpstr (g->name, ==, "West");
  g_assert_cmpint (g->open_count, ==, 1);
  g_assert_cmpint (g->open_amount, ==, 400000);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/funnel/hand-built", test_hand_built);
  g_test_add_func ("/jx/funnel/dimensions", test_dimensions);
  g_test_add_func ("/jx/funnel/deal-ids", test_deal_ids);
  g_test_add_func ("/jx/funnel/breakdown", test_breakdown);
  g_test_add_func ("/jx/funnel/cli-json", test_cli_json);
  g_test_add_func ("/jx/funnel/demo-matches-sql", test_demo_matches_sql);
  g_test_add_func ("/jx/funnel/preload-async", test_preload_async);
  return g_test_run ();
}
