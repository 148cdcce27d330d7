/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* jingxi-cli customers, customers tier, customers suggest, allocation and regions. */

static gint64
query (const char *path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return jx_test_query_int (store, sql);
}

static char *
make_demo (const char *dir)
{
  char *path = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "init", "--demo", "--today", "2026-11-27", NULL),
      ==, 0);
  return path;
}

static void
test_customers (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = make_demo (dir);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  double total = 0;

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "--today", "2026-11-27",
                                    "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, JX_DEMO_CUSTOMERS_PER_SCALE);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);

      total += json_object_get_double_member (c, "revenue_12m");
      g_assert_true (json_object_has_member (c, "change"));
      g_assert_true (json_object_has_member (c, "last_won"));
      g_assert_true (json_object_has_member (c, "open_pipeline"));
      if (i > 0)
        g_assert_cmpfloat (json_object_get_double_member (c, "revenue_12m"), <=,
                           json_object_get_double_member (json_array_get_object_element (array,
                                                                                        i - 1),
                                                          "revenue_12m"));
    }
  /* Amounts in yuan: the sum equals the SQL sum in fen / 100. */
  g_assert_cmpfloat_with_epsilon (total * 100,
                                  (double) query (path, "SELECT total(amount) FROM deals WHERE "
                                                        "status = 1 AND closed > '2025-11-27' AND "
                                                        "closed <= '2026-11-27'"), 0.5);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Filters: the Key customers of East. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "--tier", "key",
                                    "--region", "east", "--today", "2026-11-27", "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  g_assert_cmpint (json_array_get_length (json_node_get_array (root)), ==,
                   query (path, "SELECT count(*) FROM customers c JOIN regions r ON "
                                "r.id = c.region_id WHERE r.name = 'East' AND tier = 'key'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Text output names the columns and counts the customers. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "--tier", "none",
                                    "--today", "2026-11-27", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Revenue 12m"));
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " customers",
                                              query (path, "SELECT count(*) FROM customers "
                                                           "WHERE tier IS NULL"));
    g_assert_nonnull (strstr (out, count));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad input. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "--tier", "gold", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "gold"));
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "customers", "--region", "Mars", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Mars"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "customers", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--tier"));
  jx_test_remove_dir (dir);
}

static void
test_tier_and_suggest (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = make_demo (dir);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JxStore) store = jx_store_open (path, JX_STORE_OPEN_DEFAULT, &error);
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (jx_store_get_db (store), "SELECT name FROM customers WHERE id = 5", -1,
                        &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "tier", name, "--to",
                                    "defend", "--today", "2026-11-20", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, name));
  g_assert_cmpint (query (path, "SELECT count(*) FROM customers WHERE id = 5 AND tier = 'defend' "
                                "AND tier_manual = 1"), ==, 1);
  g_assert_cmpint (query (path, "SELECT count(*) FROM tier_history WHERE customer_id = 5 AND "
                                "to_tier = 'defend' AND changed_on = '2026-11-20' AND "
                                "source = 'manual'"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "tier", "Nobody Ltd",
                                    "--to", "key", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "Nobody Ltd"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "tier", name, NULL), ==,
                   2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "suggest", "--today",
                                    "2026-11-27", "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  array = json_node_get_array (root);
  n = json_array_get_length (array);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *p = json_array_get_object_element (array, i);
      const char *keys[] = { "customer", "from", "to", "reason", "abc_class", "revenue_12m",
                             "revenue_prev_12m" };
      JxTier from, to;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (p, keys[k]));
      g_assert_true (jx_tier_from_string (json_object_get_string_member (p, "from"), &from));
      g_assert_true (jx_tier_from_string (json_object_get_string_member (p, "to"), &to));
      g_assert_cmpint (from, !=, to);
      /* The customer moved by hand is left alone. */
      g_assert_cmpstr (json_object_get_string_member (p, "customer"), !=, name);
      g_assert_true (strchr ("ABC", json_object_get_string_member (p, "abc_class")[0]) != NULL);
      if (g_str_equal (json_object_get_string_member (p, "to"), "defend"))
        g_assert_true (json_object_get_boolean_member (p, "churn_risk"));
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* Apply: the proposals become tier history, and a second run has nothing left to say. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "suggest", "--today",
                                    "2026-11-27", "--apply", NULL),
                   ==, 0);
  g_assert_cmpint (query (path, "SELECT count(*) FROM tier_history WHERE source = 'suggestion'"),
                   ==, n);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "suggest", "--today",
                                    "2026-11-27", "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* With --include-manual, the customer placed by hand is proposed again. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "customers", "suggest", "--today",
                                    "2026-11-27", "--json", "--include-manual", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), <=, 1);
  jx_test_remove_dir (dir);
}

static void
test_allocation_regions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = make_demo (dir);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *tiers, *reps, *regions;
  double planned = 0, rep_planned = 0, won = 0;
  gint64 customers = 0;

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "allocation", "--today", "2026-11-27",
                                    "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  object = json_node_get_object (root);
  tiers = json_object_get_array_member (object, "tiers");
  reps = json_object_get_array_member (object, "reps");
  g_assert_cmpuint (json_array_get_length (tiers), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *t = json_array_get_object_element (tiers, i);

      planned += json_object_get_double_member (t, "planned_hours");
      customers += json_object_get_int_member (t, "customers");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (t, "planned_hours"),
                                      json_object_get_int_member (t, "customers") *
                                      json_object_get_double_member (t, "visits_per_month") *
                                      json_object_get_double_member (t, "hours_per_visit"), 0.01);
    }
  for (guint i = 0; i < json_array_get_length (reps); i++)
    rep_planned += json_object_get_double_member (json_array_get_object_element (reps, i),
                                                  "planned_hours");
  g_assert_cmpint (customers, ==, JX_DEMO_CUSTOMERS_PER_SCALE);
  g_assert_cmpfloat_with_epsilon (planned, json_object_get_double_member (object, "planned_hours"),
                                  0.05);
  g_assert_cmpfloat_with_epsilon (rep_planned, planned, 0.05);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "regions", "--today", "2026-11-27",
                                    "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  regions = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (regions), ==, 4);
  for (guint i = 0; i < 4; i++)
    won += json_object_get_double_member (json_array_get_object_element (regions, i), "won_12m");
  g_assert_cmpfloat_with_epsilon (won * 100,
                                  (double) query (path, "SELECT total(d.amount) FROM deals d JOIN "
                                                        "customers c ON c.id = d.customer_id "
                                                        "WHERE d.status = 1 AND c.region_id IS "
                                                        "NOT NULL AND d.closed > '2025-11-27' "
                                                        "AND d.closed <= '2026-11-27'"), 0.5);
  g_assert_true (json_object_has_member (json_array_get_object_element (regions, 0), "strategy"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "regions", "--today", "2026-11-27", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Strategy:"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "allocation", "extra", NULL), ==, 2);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/cli-tiers/customers", test_customers);
  g_test_add_func ("/jx/cli-tiers/tier-and-suggest", test_tier_and_suggest);
  g_test_add_func ("/jx/cli-tiers/allocation-regions", test_allocation_regions);
  return g_test_run ();
}
