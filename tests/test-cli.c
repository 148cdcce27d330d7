/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
test_usage (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "init"));
  g_assert_nonnull (strstr (out, "info"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "jingxi-cli "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "info", "--bogus", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "init", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--scale"));
  /* A command's usage line names the command (and the subcommand). */
  g_assert_nonnull (strstr (out, "\n  jingxi-cli init [OPTION…]\n"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "targets", "set", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\n  jingxi-cli targets set [OPTION…] ID\n"));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "regions", "extra", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "\n  jingxi-cli regions [OPTION…]\n"));
}

static void
test_init_info (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *tables;

  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "init", "--demo", "--today", "2026-11-27", NULL),
      ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A second init refuses to overwrite. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "init", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "info", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, JX_SCHEMA_VERSION);
  g_assert_cmpstr (json_object_get_string_member (root, "path"), ==, path);
  tables = json_object_get_object_member (root, "tables");
  g_assert_cmpint (json_object_get_int_member (tables, "deals"), ==, JX_DEMO_DEALS_PER_SCALE);
  g_assert_cmpint (json_object_get_int_member (tables, "customers"), ==, JX_DEMO_CUSTOMERS_PER_SCALE);
  g_assert_cmpint (json_object_get_int_member (tables, "stages"), ==, 7);
  g_assert_cmpint (json_object_get_size (tables), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (root, "deals_to"), <=, "2026-11-27");
  g_assert_cmpstr (json_object_get_string_member (root, "deals_to"), >=, "2026-11-01");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "deals_from"), "202"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The text form names the tables and their counts. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "stage_events"));
  g_assert_nonnull (strstr (out, "3,300"));
  jx_test_remove_dir (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (dir, "text.db", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", missing, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", text, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Jingxi database"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", missing, "init", "--demo", "--today",
                                    "2026-13-01", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "2026-13-01"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", missing, "init", "--scale", "0", NULL), ==,
                   2);
  jx_test_remove_dir (dir);
}

/* export --xlsx writes a workbook; a kind it cannot write is bad usage. */
static void
test_export_xlsx (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "deals.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "init", "--demo", "--today", "2026-11-27", NULL),
      ==, 0);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "export", "deals", "--xlsx", xlsx,
                                    "--today", "2026-11-27", NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (data[0] == 'P' && data[1] == 'K');     /* a zip, as every .xlsx is */
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "export", "team", "--xlsx", xlsx, NULL), ==, 2);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "export", "deals", "--xlsx", xlsx,
                                    "--csv", xlsx, NULL),
                   ==, 2);
  jx_test_remove_dir (dir);
}

/* With LANGUAGE=zh_CN the CLI speaks Chinese. */
static void
test_chinese (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "zh.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "products.csv", NULL);
  g_autofree char *products = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "用法"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The demo made in Chinese names its services in Chinese (brands stay as they are). */
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "init", "--demo", "--today", "2026-11-27", NULL),
      ==, 0);
  g_assert_cmpint (
      jx_test_run_cli (&out, &err, "--db", path, "export", "products", "--csv", csv, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &products, NULL, NULL));
  g_assert_nonnull (strstr (products, "上线实施服务"));
  g_assert_nonnull (strstr (products, "JX Cloud Basic"));
  g_assert_null (strstr (products, "Onboarding"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Sub-targets by tier take the tier board's names. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "targets", "decompose", "2", "--by",
                                    "tier", "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "重点客户"));
  g_assert_nonnull (strstr (out, "发展客户"));
  g_assert_null (strstr (out, "成长"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Lists of names in messages are separated the Chinese way. */
  g_assert_cmpint (jx_test_run_cli (&out, &err, "--db", path, "funnel", "--region", "火星", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "华东、"));
  g_unsetenv ("LANGUAGE");
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/cli/usage", test_usage);
  g_test_add_func ("/jx/cli/init-info", test_init_info);
  g_test_add_func ("/jx/cli/errors", test_errors);
  g_test_add_func ("/jx/cli/export-xlsx", test_export_xlsx);
  g_test_add_func ("/jx/cli/chinese", test_chinese);
  return g_test_run ();
}
