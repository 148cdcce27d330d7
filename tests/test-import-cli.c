/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
test_import_export (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *db2 = g_build_filename (dir, "cli2.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *bad = jx_test_write_file (dir, "bad.csv",
    "opportunity_id,product,deal_stage,close_date,close_value\n"
    "X1,GTXPro,Won,2017-13-01,5\n", -1);
  g_autofree char *good = jx_test_write_file (dir, "good.csv",
    "opportunity_id,account,deal_stage,close_date,close_value,notes\n"
    "X1,=Acme,Won,2017-03-01,\"1,000\",+call\n"
    "X2,,Prospecting,,,\n", -1);
  g_autofree char *exported = g_build_filename (dir, "deals-out.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "init", NULL), ==, 0);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "import", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--create-missing"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "widgets", good, NULL), ==,
                   2);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", NULL), ==, 2);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", good,
                                    "--date-format", "Y/D/M", NULL),
                   ==, 2);

  /* A file that is not there, or a folder: exit 1, the name said once. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
    g_autofree char *expected = g_strdup_printf ("jingxi-cli: There is no file “%s”. Check the "
                                                 "name and the folder.\n", missing);
    g_autofree char *folder = g_strdup_printf ("jingxi-cli: “%s” is a folder. Choose a CSV "
                                               "file.\n", dir);

    g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", missing, NULL), ==,
                     1);
    g_assert_cmpstr (err, ==, expected);
    g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", dir, NULL), ==, 1);
    g_assert_cmpstr (err, ==, folder);
  }

  /* A bad file: exit 1, FILE:LINE: errors and the unknown names, nothing written. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.csv:2: column \"close_date\": \"2017-13-01\" is not a date "
                                 "(expected YYYY-MM-DD)\n"));
  g_assert_nonnull (strstr (err, "bad.csv:2: unknown product \"GTXPro\" (1 row)\n"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", bad, "--json", NULL),
                   ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "error_count"), ==, 1);
  g_assert_false (json_object_get_boolean_member (root, "written"));

  /* A dry run, then the real thing. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", good,
                                    "--create-missing", "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "2 new, 0 updated, 0 unchanged. Nothing was written."));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "import", "deals", good,
                                    "--create-missing", "--json", NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "new"), ==, 2);
  g_assert_true (json_object_get_boolean_member (root, "written"));

  /* Export escapes formula cells; importing the export into a new database gives the same. */
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", db, "export", "deals", "--csv", exported, NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFref,title,customer,"));
  g_assert_nonnull (strstr (text, "X1,,'=Acme,,,Won,1000.00,2017-03-01,,2017-03-01,2017-03-01,,,'+call\r\n"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db2, "init", NULL), ==, 0);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db2, "import", "deals", exported,
                                    "--create-missing", NULL),
                   ==, 0);
  {
    g_autoptr(JxStore) store = jx_store_open (db2, JX_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE name = '=Acme'"), ==, 1);
    g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM deals WHERE ref = 'X1'"), ==, 100000);
    g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE notes = '+call'"), ==, 1);
  }
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", db, "export", "deals", NULL), ==, 2);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/import-cli/import-export", test_import_export);
  return g_test_run ();
}
