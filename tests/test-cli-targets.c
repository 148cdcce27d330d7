/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"

/* jingxi-cli targets and plans on the demo database (today 2026-11-27). */

static void
test_targets_json (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const keys[] = {
    "id", "name", "metric", "from", "to", "filters", "amount", "actual", "attainment",
    "expected_to_date", "locked", "children",
  };
  JsonObject *top, *q4, *east;
  JsonArray *targets, *quarters;
  double won_q4;

  g_assert_cmpint (
      jx_test_run_cli (&out, NULL, "--db", db, "init", "--demo", "--today", "2026-11-27", NULL), ==,
      0);
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "decompose", "5", "--by",
                                    "region", "--method", "history", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "East"));
  g_assert_cmpint (
      jx_test_run_cli (&out, NULL, "--db", db, "targets", "--today", "2026-11-27", "--json", NULL),
      ==, 0);
  root = jx_test_parse_json (out);
  top = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (top, "plan"), "name"),
                   ==, "Plan 2026");
  targets = json_object_get_array_member (top, "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (json_array_get_object_element (targets, 0), keys[i]));
  quarters = json_object_get_array_member (json_array_get_object_element (targets, 0), "children");
  g_assert_cmpuint (json_array_get_length (quarters), ==, 4);
  q4 = json_array_get_object_element (quarters, 3);
  g_assert_cmpstr (json_object_get_string_member (q4, "from"), ==, "2026-10-01");
  g_assert_cmpstr (json_object_get_string_member (q4, "metric"), ==, "revenue");

  /* Amounts in yuan, equal to an independent sum over the deals. */
  store = jx_store_open (db, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  won_q4 = jx_test_query_int (store, "SELECT total(amount) FROM deals WHERE status = 1"
                                     " AND closed BETWEEN '2026-10-01' AND '2026-12-31'") / 100.0;
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (q4, "actual"), won_q4, 0.001);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (q4, "amount"),
                                  jx_test_query_int (store, "SELECT amount FROM target_nodes WHERE id = 5") / 100.0,
                                  0.001);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (q4, "attainment"),
                                  round (1000.0 * won_q4 / json_object_get_double_member (q4, "amount")) / 10,
                                  1e-9);
  east = json_array_get_object_element (json_object_get_array_member (q4, "children"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (east, "filters"), "region"),
                   ==, "East");
  g_assert_false (json_object_get_boolean_member (east, "locked"));
  /* The children add up to the parent exactly. */
  {
    JsonArray *regions = json_object_get_array_member (q4, "children");
    gint64 sum = jx_test_query_int (store, "SELECT sum(amount) FROM target_nodes WHERE parent_id = 5");

    g_assert_cmpuint (json_array_get_length (regions), ==, 4);
    g_assert_cmpint (sum, ==, jx_test_query_int (store, "SELECT amount FROM target_nodes WHERE id = 5"));
  }
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

static void
test_add_suggest_plans (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "p.db", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  guint n_diff = 0;

  g_assert_cmpint (
      jx_test_run_cli (&out, NULL, "--db", db, "init", "--demo", "--today", "2026-11-27", NULL), ==,
      0);
  /* A sub-target of Q1 for one product line, 1 fen over a round number. */
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "add", "--name", "Cloud Q1",
                                    "--parent", "2", "--product-line", "cloud platform", "--amount",
                                    "1,000,000.01", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  store = jx_store_open (db, JX_STORE_OPEN_DEFAULT, &error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM target_nodes WHERE name = 'Cloud Q1'"),
                   ==, 100000001);
  g_assert_cmpint (jx_test_query_int (store, "SELECT period_to = '2026-03-31' AND product_line_id = 1"
                                             " AND dimension = 'product_line' FROM target_nodes"
                                             " WHERE name = 'Cloud Q1'"), ==, 1);
  /* Bad input: exit 2 for usage, 1 for an impossible target; nothing written. */
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "add", "--name", "X",
                                    "--amount", "-5", "--parent", "2", NULL),
                   ==, 2);
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "add", "--name", "X",
                                    "--amount", "5", "--parent", "2", "--from", "2025-01-01", NULL),
                   ==, 1);
  g_assert_cmpint (
      jx_test_run_cli (&out, NULL, "--db", db, "targets", "decompose", "2", "--by", "galaxy", NULL),
      ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM target_nodes"), ==, 6);
  /* --amount reads money as the application does: 万 and 亿, full-width digits. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           jx_test_query_int (store, "SELECT id FROM target_nodes "
                                                              "WHERE name = 'Cloud Q1'"));

    g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "set", id, "--amount",
                                      "１２０万", NULL),
                     ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM target_nodes "
                                        "WHERE name = 'Cloud Q1'"), ==, 120000000);
    g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "set", id, "--amount",
                                      "1,000,000.01", NULL),
                     ==, 0);
    g_clear_pointer (&out, g_free);
  }

  /* Suggestions with their figures. */
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "suggest", "1", "--growth",
                                    "20", "--today", "2026-11-27", "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  {
    JsonArray *list = json_object_get_array_member (json_node_get_object (root), "suggestions");
    JsonObject *last = json_array_get_object_element (list, 0);
    JsonObject *grown = json_array_get_object_element (list, 1);
    double won_2025 = jx_test_query_int (store, "SELECT total(amount) FROM deals WHERE status = 1"
                                                " AND closed BETWEEN '2025-01-01' AND '2025-12-31'") / 100.0;

    g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "last-year");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (last, "amount"), won_2025, 0.001);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (grown, "amount"), won_2025 * 1.2, 0.006);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "kind"), ==,
                     "trend");
  }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* A what-if copy, a change in it, and the comparison. */
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "plans", "copy", "Stretch", NULL), ==,
                   0);
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "plans", "activate", "stretch", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  {
    gint64 q3 = jx_test_query_int (store, "SELECT n.id FROM target_nodes n JOIN target_plans p"
                                          " ON p.id = n.plan_id WHERE p.name = 'Stretch' AND n.name = 'Q3'");
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, q3);

    g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "set", id, "--amount",
                                      "50000000", NULL),
                     ==, 0);
    g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "targets", "rebalance", "1", NULL),
                     ==, 0); /* plan 1 is untouched by the copy's change */
    g_clear_pointer (&out, g_free);
  }
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "plans", "compare", "Plan 2026",
                                    "Stretch", "--json", NULL),
                   ==, 0);
  root = jx_test_parse_json (out);
  rows = json_object_get_array_member (json_node_get_object (root), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 6);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_double_member (row, "difference") != 0)
        {
          n_diff++;
          g_assert_cmpstr (json_object_get_string_member (row, "path"), ==, "Revenue 2026 › Q3");
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "amount_b"), 50000000, 1e-6);
        }
    }
  g_assert_cmpuint (n_diff, ==, 1);
  g_assert_cmpint (jx_test_run_cli (&out, NULL, "--db", db, "plans", "--json", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = jx_test_parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (root), 1),
                                                 "active"));
  g_assert_cmpint (jx_test_run_cli (NULL, NULL, "--db", db, "plans", "copy", "stretch", NULL), ==,
                   1);
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/cli-targets/json", test_targets_json);
  g_test_add_func ("/jx/cli-targets/add-suggest-plans", test_add_suggest_plans);
  return g_test_run ();
}
