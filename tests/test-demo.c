/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static char *
table_checksum (JxStore    *store,
                const char *sql)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  char *out;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *v = (const char *) sqlite3_column_text (stmt, c);
        g_checksum_update (sum, (const guchar *) (v ? v : "\x01"), -1);
        g_checksum_update (sum, (const guchar *) "|", 1);
      }
  sqlite3_finalize (stmt);
  out = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return out;
}

static void
test_sizes (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);

  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), >=, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), <=, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members"), >=, 12);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members"), <=, 20);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members WHERE is_manager = 1"), >=, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members WHERE capacity_hours > 0"), ==,
                   jx_test_query_int (store, "SELECT count(*) FROM team_members"));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM product_lines"), >=, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM product_lines"), <=, 6);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM products WHERE list_price > 0"), >=, 8);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customer_types"), >=, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), >=, 300);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), <=, 500);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), >=, 2700);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), <=, 3500);
  /* Every tier is used and some customers are unassigned. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(DISTINCT tier) FROM customers"), ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE tier IS NULL"), >, 0);
  /* Won and lost at different stages, some still open. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 1"), >, 200);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(DISTINCT lost_at_stage_id) FROM deals WHERE status = 2"), ==, 5);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(DISTINCT stage_id) FROM deals WHERE status = 0"), ==, 5);
  /* Some open deals have sat in their stage for more than 60 days. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 0 "
                                             "AND julianday('2026-11-27') - julianday(stage_entered) > 60"), >, 0);
  /* Two years of history, ending today. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT min(opened) >= '2024-11-27' FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT max(coalesce(closed, opened)) <= '2026-11-27' FROM deals"), ==, 1);
  /* An active plan for the current year, its quarters summing to the year. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM target_plans WHERE active = 1"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM target_nodes WHERE parent_id IS NULL"), ==,
                   jx_test_query_int (store, "SELECT sum(amount) FROM target_nodes WHERE parent_id IS NOT NULL"));
  g_assert_cmpint (jx_test_query_int (store, "SELECT period_from || period_to = '2026-01-012026-12-31' "
                                             "FROM target_nodes WHERE parent_id IS NULL"), ==, 1);
  jx_test_remove_dir (dir);
}

static void
test_invariants (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);

  /* Events of a deal are in stage order: each later event is a later stage. */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM stage_events a JOIN stage_events b ON a.deal_id = b.deal_id AND a.id < b.id "
    "JOIN stages sa ON sa.id = a.stage_id JOIN stages sb ON sb.id = b.stage_id "
    "WHERE sa.position >= sb.position OR a.entered > b.entered"), ==, 0);
  /* Every event is dated between the deal's opening and its close (or today). */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM stage_events e JOIN deals d ON d.id = e.deal_id "
    "WHERE e.entered < d.opened OR e.entered > coalesce(d.closed, '2026-11-27')"), ==, 0);
  /* The first event is on the opening day. */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals d WHERE opened <> (SELECT min(entered) FROM stage_events e "
    "WHERE e.deal_id = d.id)"), ==, 0);
  /* The current stage is the last event's stage, entered on its date. */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals d JOIN stage_events e ON e.id = (SELECT max(id) FROM stage_events "
    "WHERE deal_id = d.id) WHERE e.stage_id <> d.stage_id OR e.entered <> d.stage_entered"), ==, 0);
  /* Status matches the kind of the current stage; closed deals have a closing date. */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind <> d.status "
    "OR (d.status = 0) <> (d.closed IS NULL)"), ==, 0);
  /* Won deals have an amount; lost deals know where they were lost. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 1 AND amount IS NULL"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 2 AND lost_at_stage_id IS NULL"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status <> 2 AND lost_at_stage_id IS NOT NULL"), ==, 0);
  /* furthest_position is the highest open stage reached (all of them for won deals). */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals d WHERE d.status <> 1 AND d.furthest_position <> "
    "(SELECT max(s.position) FROM stage_events e JOIN stages s ON s.id = e.stage_id "
    " WHERE e.deal_id = d.id AND s.kind = 0)"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals WHERE status = 1 AND furthest_position <> "
    "(SELECT max(position) FROM stages WHERE kind = 0)"), ==, 0);
  /* A deal's owner is its customer's owner; every customer has a tier history if tiered. */
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE c.owner_id <> d.owner_id"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store,
    "SELECT count(*) FROM customers c WHERE tier IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM tier_history h WHERE h.customer_id = c.id AND h.to_tier = c.tier)"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  jx_test_remove_dir (dir);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) a = jx_test_open_new (dir, "a.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxStore) b = jx_test_open_new (dir, "b.db", JX_STORE_OPEN_DEFAULT, 1);
  const char *sql = "SELECT * FROM deals ORDER BY id";
  g_autofree char *sa = table_checksum (a, sql);
  g_autofree char *sb = table_checksum (b, sql);
  g_autofree char *ea = table_checksum (a, "SELECT * FROM stage_events ORDER BY id");
  g_autofree char *eb = table_checksum (b, "SELECT * FROM stage_events ORDER BY id");

  g_assert_cmpstr (sa, ==, sb);
  g_assert_cmpstr (ea, ==, eb);
  jx_test_remove_dir (dir);
}

/* Doubling the scale doubles customers, deals and team; events stay about four per deal. */
static void
test_linear_scale (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) one = jx_test_open_new (dir, "1.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxStore) three = jx_test_open_new (dir, "3.db", JX_STORE_OPEN_DEFAULT, 3);
  gint64 events1 = jx_test_query_int (one, "SELECT count(*) FROM stage_events");
  gint64 events3 = jx_test_query_int (three, "SELECT count(*) FROM stage_events");

  g_assert_cmpint (jx_test_query_int (three, "SELECT count(*) FROM deals"), ==,
                   3 * jx_test_query_int (one, "SELECT count(*) FROM deals"));
  g_assert_cmpint (jx_test_query_int (three, "SELECT count(*) FROM customers"), ==,
                   3 * jx_test_query_int (one, "SELECT count(*) FROM customers"));
  g_assert_cmpint (events3, >, 3 * events1 * 9 / 10);
  g_assert_cmpint (events3, <, 3 * events1 * 11 / 10);
  /* Names stay unique at any scale (the UNIQUE constraints would have failed otherwise). */
  g_assert_cmpint (jx_test_query_int (three, "SELECT count(DISTINCT name) FROM customers"), ==,
                   jx_test_query_int (three, "SELECT count(*) FROM customers"));
  jx_test_remove_dir (dir);
}

static void
test_refuses_nonempty (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "x.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(GError) error = NULL;
  JxDemoOptions options;
  GDate today;
  gint64 before = jx_test_query_int (store, "SELECT count(*) FROM deals");

  jx_test_date (&today, "2026-11-27");
  jx_demo_options_init (&options, &today);
  g_assert_false (jx_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), ==, before);
  jx_test_remove_dir (dir);
}

static void
test_chinese_names (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "zh.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  JxDemoOptions options;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  jx_demo_options_init (&options, &today);
  options.chinese_names = TRUE;
  g_assert_true (jx_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE name LIKE '%公司%'"), ==,
                   jx_test_query_int (store, "SELECT count(*) FROM customers"));
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/demo/sizes", test_sizes);
  g_test_add_func ("/jx/demo/invariants", test_invariants);
  g_test_add_func ("/jx/demo/deterministic", test_deterministic);
  g_test_add_func ("/jx/demo/linear-scale", test_linear_scale);
  g_test_add_func ("/jx/demo/refuses-nonempty", test_refuses_nonempty);
  g_test_add_func ("/jx/demo/chinese-names", test_chinese_names);
  return g_test_run ();
}
