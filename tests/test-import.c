/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-import-private.h"
#include "jx-test-util.h"

/* ---------------------------------------------------------------- helpers */

/* SHA-256 over every row of every table, so "the database is unchanged" means byte for
 * byte in its data. */
static char *
db_checksum (JxStore *store)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = jx_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) tables->pdata[t]);

      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            char type = '0' + sqlite3_column_type (stmt, c);

            g_checksum_update (sum, (const guchar *) &type, 1);
            g_checksum_update (sum, sqlite3_column_blob (stmt, c), sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  /* The schema too: a bulk import drops and remakes indexes. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat(sql, ';') FROM "
                                           "(SELECT sql FROM sqlite_master ORDER BY name)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_checksum_update (sum, sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

/* All rows of a query as "a|b|c\n" text. */
static char *
dump (JxStore    *store,
      const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", v != NULL ? v : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_rows (JxStore    *store,
             const char *sql,
             const char *expected)
{
  g_autofree char *rows = dump (store, sql);

  g_assert_cmpstr (rows, ==, expected);
}

/* The data of @store is what db_checksum() gave @before. */
static void
assert_unchanged (JxStore    *store,
                  const char *before)
{
  g_autofree char *after = db_checksum (store);

  g_assert_cmpstr (before, ==, after);
}

typedef struct {
  const char *map;
  gboolean    create;
  gboolean    dry_run;
  JxDateOrder order;
  const char *won;
  const char *encoding;
} Options;

/* Imports @path; returns the import for a look at its summary. */
static JxImport *
run_import (JxStore         *store,
            JxImportKind     kind,
            const char      *path,
            const Options   *options,
            gboolean        *ok,
            GError         **error)
{
  JxImport *import = jx_import_new (store, kind);

  if (options != NULL)
    {
      jx_import_set_create_missing (import, options->create);
      jx_import_set_date_order (import, options->order);
      if (options->won != NULL)
        jx_import_add_won_stage (import, options->won);
      if (options->encoding != NULL)
        jx_import_set_encoding (import, options->encoding);
    }
  *ok = jx_import_open (import, path, error) &&
        jx_import_apply_map (import, options != NULL ? options->map : NULL, error) &&
        jx_import_run (import, options != NULL && options->dry_run, NULL, NULL, NULL, error);
  return import;
}

static void
import_ok (JxStore       *store,
           JxImportKind   kind,
           const char    *path,
           const Options *options,
           guint          n_new,
           guint          n_updated,
           guint          n_unchanged)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autoptr(JxImport) import = run_import (store, kind, path, options, &ok, &error);
  const JxImportSummary *summary = jx_import_get_summary (import);

  if (!ok)
    {
      for (guint i = 0; summary != NULL && i < summary->errors->len; i++)
        {
          g_autofree char *text = jx_import_summary_format_error (summary, summary->errors->pdata[i]);
          g_test_message ("%s", text);
        }
      for (guint i = 0; summary != NULL && i < summary->unknowns->len; i++)
        {
          g_autofree char *text = jx_import_summary_format_unknown (summary, summary->unknowns->pdata[i]);
          g_test_message ("%s", text);
        }
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (summary->n_new, ==, n_new);
  g_assert_cmpuint (summary->n_updated, ==, n_updated);
  g_assert_cmpuint (summary->n_unchanged, ==, n_unchanged);
}

/* The import must fail, leave the database as it was, and report @expected (the first
 * error or unknown name, as printed). */
static void
import_fails (JxStore       *store,
              JxImportKind   kind,
              const char    *path,
              const Options *options,
              const char    *expected)
{
  g_autofree char *before = db_checksum (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  gboolean ok;
  g_autoptr(JxImport) import = run_import (store, kind, path, options, &ok, &error);
  const JxImportSummary *summary = jx_import_get_summary (import);

  if (summary != NULL && summary->errors->len > 0)
    first = jx_import_summary_format_error (summary, summary->errors->pdata[0]);
  else if (summary != NULL && summary->unknowns->len > 0)
    first = jx_import_summary_format_unknown (summary, summary->unknowns->pdata[0]);
  else if (error != NULL)
    first = g_strdup (error->message);
  g_test_message ("%s → %s", path, first);
  g_assert_false (ok);
  g_assert_nonnull (first);
  if (g_str_has_prefix (expected, "*"))
    g_assert_nonnull (strstr (first, expected + 1));
  else if (!g_str_has_suffix (first, expected) ||
           first[strlen (first) - strlen (expected) - 1] != '/')
    g_assert_cmpstr (first, ==, expected);
  assert_unchanged (store, before);
}

static JxStore *
new_store (const char *dir,
           const char *name)
{
  return jx_test_open_new (dir, name, JX_STORE_OPEN_DEFAULT, 0);
}

/* ---------------------------------------------------------------- tests */

/* Customers: Chinese headers, a parent company on a later line, types created by name,
 * re-import unchanged, an edited row updated. */
static void
test_customers (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "c.db");
  g_autofree char *path = jx_test_write_file (dir, "c.csv",
    "客户名称,行业,年收入,上级公司,备注\n"
    "华信北京,制造,\"1,200,000.50\",华信集团,\n"
    "Acme,Retail,,,first\n"
    "华信集团,制造,5000000,,\n", -1);
  g_autofree char *edited = jx_test_write_file (dir, "c2.csv",
    "客户名称,行业,年收入,上级公司,备注\n"
    "华信北京,制造,\"1,200,000.50\",华信集团,\n"
    "ACME ,Retail,,,second\n"
    "华信集团,制造,5000000,,\n", -1);
  Options create = { .create = TRUE };

  import_fails (store, JX_IMPORT_KIND_CUSTOMERS, path, NULL,
                "*c.csv:2: unknown type \"制造\" (2 rows)");
  import_ok (store, JX_IMPORT_KIND_CUSTOMERS, path, &create, 3, 0, 0);
  assert_rows (store, "SELECT c.name, t.name, c.annual_revenue, p.name, c.notes FROM customers c "
                      "LEFT JOIN customer_types t ON t.id = c.type_id "
                      "LEFT JOIN customers p ON p.id = c.parent_id ORDER BY c.id",
               "华信北京|制造|120000050|华信集团|\n"
               "Acme|Retail|∅|∅|first\n"
               "华信集团|制造|500000000|∅|\n");
  import_ok (store, JX_IMPORT_KIND_CUSTOMERS, path, NULL, 0, 0, 3);
  /* Names match trimmed and case-insensitively. */
  import_ok (store, JX_IMPORT_KIND_CUSTOMERS, edited, NULL, 0, 1, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE notes = 'second'"), ==, 1);
  jx_test_remove_dir (dir);
}

/* Team: managers who are rows further down or only named, regions created. */
static void
test_team (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "t.db");
  g_autofree char *path = jx_test_write_file (dir, "team.csv",
    "sales_agent,manager,regional_office\n"
    "Anna,Dustin,Central\n"
    "Ben,Dustin,Central\n"
    "Dustin,Zoe,Central\n"
    "Cara,,East\n", -1);
  Options create = { .create = TRUE };

  import_fails (store, JX_IMPORT_KIND_TEAM, path, NULL, "*team.csv:2: unknown region \"Central\" (3 rows)");
  import_ok (store, JX_IMPORT_KIND_TEAM, path, &create, 4, 0, 0);
  /* Zoe is created (named as a manager only); Dustin manages and is marked so. */
  assert_rows (store, "SELECT t.name, m.name, r.name, t.is_manager FROM team_members t "
                      "LEFT JOIN team_members m ON m.id = t.manager_id "
                      "LEFT JOIN regions r ON r.id = t.region_id ORDER BY t.name",
               "Anna|Dustin|Central|0\nBen|Dustin|Central|0\nCara|∅|East|0\n"
               "Dustin|Zoe|Central|1\nZoe|∅|∅|1\n");
  import_ok (store, JX_IMPORT_KIND_TEAM, path, NULL, 0, 0, 4);
  jx_test_remove_dir (dir);
}

/* Deals: the stage history from entered:STAGE columns, and the derived columns. */
static void
test_deal_history (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "d.db");
  g_autofree char *path = jx_test_write_file (dir, "deals.csv",
    "ref,stage,amount,opened,qualified_on,proposal_on,closed\n"
    "W1,Won,1000,2024-01-01,2024-01-10,2024-02-01,2024-03-01\n"
    "L1,Lost,0,2024-01-01,2024-01-05,,2024-02-01\n"
    "O1,Proposal,,2024-01-03,2024-01-04,2024-01-20,\n"
    "O2,Qualified,50.5,,2024-02-02,,2024-06-30\n", -1);
  Options map = { .map = "qualified_on=entered:Qualified,proposal_on=entered:Proposal" };

  import_ok (store, JX_IMPORT_KIND_DEALS, path, &map, 4, 0, 0);
  /* Positions: Prospecting 1 … Negotiation 5. A won deal reached every open stage; a lost
   * one is lost at its last open stage; O2's close date is its expected close and its
   * opened date is its first stage date. */
  assert_rows (store, "SELECT d.ref, s.name, d.status, d.amount, d.opened, d.expected_close, "
                      "d.closed, d.stage_entered, d.furthest_position, l.name FROM deals d "
                      "JOIN stages s ON s.id = d.stage_id LEFT JOIN stages l ON l.id = "
                      "d.lost_at_stage_id ORDER BY d.ref",
               "L1|Lost|2|0|2024-01-01|∅|2024-02-01|2024-02-01|2|Qualified\n"
               "O1|Proposal|0|∅|2024-01-03|∅|∅|2024-01-20|4|∅\n"
               "O2|Qualified|0|5050|2024-02-02|2024-06-30|∅|2024-02-02|2|∅\n"
               "W1|Won|1|100000|2024-01-01|∅|2024-03-01|2024-03-01|5|∅\n");
  assert_rows (store, "SELECT d.ref, s.name, e.entered FROM stage_events e JOIN deals d ON "
                      "d.id = e.deal_id JOIN stages s ON s.id = e.stage_id ORDER BY 1, 3",
               "L1|Qualified|2024-01-05\nL1|Lost|2024-02-01\n"
               "O1|Qualified|2024-01-04\nO1|Proposal|2024-01-20\n"
               "O2|Qualified|2024-02-02\n"
               "W1|Qualified|2024-01-10\nW1|Proposal|2024-02-01\nW1|Won|2024-03-01\n");
  /* Importing again changes nothing and adds no events. */
  import_ok (store, JX_IMPORT_KIND_DEALS, path, &map, 0, 0, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, 8);
  jx_test_remove_dir (dir);
}

/* Unknown names: counts, first line, "did you mean", and the create switches. */
static void
test_unknown_names (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "u.db");
  g_autofree char *path = jx_test_write_file (dir, "p.csv",
    "opportunity_id,product,deal_stage,close_value\n"
    "A,GTX Pro,Prospecting,\n"
    "B,GTXPro,Prospecting,\n"
    "C,GTXPro,Engaging,\n"
    "D,gtx pro,Engaging,\n", -1);
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(GError) error = NULL;
  const JxImportSummary *summary;
  JxImportUnknown *unknown;

  jx_test_exec (store, "INSERT INTO products(name) VALUES ('GTX Pro')");
  g_assert_true (jx_import_open (import, path, &error));
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  summary = jx_import_get_summary (import);
  g_assert_cmpuint (summary->n_errors, ==, 0);
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 2);
  unknown = jx_import_get_unknown (import, 0);
  g_assert_cmpstr (unknown->field, ==, "product");
  g_assert_cmpstr (unknown->value, ==, "GTXPro");
  g_assert_cmpuint (unknown->count, ==, 2);
  g_assert_cmpuint (unknown->first_line, ==, 3);
  g_assert_cmpstr (unknown->suggestion, ==, "GTX Pro");
  g_assert_false (unknown->create);
  unknown = jx_import_get_unknown (import, 1);
  g_assert_cmpstr (unknown->value, ==, "Engaging");
  g_assert_cmpuint (unknown->first_line, ==, 4);
  g_assert_null (unknown->suggestion);
  {
    g_autofree char *text = jx_import_summary_format_unknown (summary, summary->unknowns->pdata[0]);
    g_assert_true (g_str_has_suffix (text, "p.csv:3: unknown product \"GTXPro\" (2 rows); did "
                                           "you mean \"GTX Pro\"?"));
  }
  g_assert_false (jx_import_write (import, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* The GUI's switches: create the stage, and the product too. */
  jx_import_set_create (import, 1, TRUE);
  g_assert_cmpuint (summary->unknowns->len, ==, 1);
  jx_import_set_create (import, 0, TRUE);
  g_assert_cmpuint (summary->unknowns->len, ==, 0);
  g_assert_true (jx_import_write (import, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jx_import_commit (import, &error));
  g_assert_cmpuint (summary->created->len, ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM products"), ==, 2);
  /* Engaging goes after Prospecting, the last existing stage the file names. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE name = 'Engaging'"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE name = 'Qualified'"), ==, 3);
  /* Its win probability lies between Prospecting's 10% and Qualified's 25%. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT probability FROM stages WHERE name = 'Engaging'"), ==, 17);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals d JOIN products p ON "
                                             "p.id = d.product_id WHERE p.name = 'GTX Pro'"), ==, 2);
  jx_test_remove_dir (dir);
}

/* Two new stages after the last open one: their probabilities step evenly from
 * Negotiation's 85% towards a won deal's 100%, and Won stays after them. */
static void
test_created_stages_probability (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "s.db");
  g_autofree char *path = jx_test_write_file (dir, "d.csv",
    "opportunity_id,deal_stage,close_value\n"
    "A,Negotiation,100\n"
    "B,Contracting,200\n"
    "C,Signing,300\n", -1);
  Options create = { .create = TRUE };

  import_ok (store, JX_IMPORT_KIND_DEALS, path, &create, 3, 0, 0);
  assert_rows (store, "SELECT name, probability FROM stages WHERE kind = 0 AND position > "
                      "(SELECT position FROM stages WHERE name = 'Proposal') ORDER BY position",
               "Negotiation|85\nContracting|90\nSigning|95\n");
  g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE name = 'Won'"), >,
                   jx_test_query_int (store, "SELECT position FROM stages WHERE name = 'Signing'"));
  jx_test_remove_dir (dir);
}

/* "Did you mean": a misspelt name read as the existing one, without editing the file. */
static void
test_alias (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "a.db");
  g_autofree char *path = jx_test_write_file (dir, "p.csv",
    "opportunity_id,product,deal_stage,close_value,close_date\n"
    "A,GTX Pro,Prospecting,,\n"
    "B,GTXPro,Prospecting,,\n"
    "C,gtxpro,Signed,500,2026-03-01\n", -1);
  g_autofree char *team = jx_test_write_file (dir, "t.csv", "name,manager\nAnn,Bob\n", -1);
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(JxImport) members = jx_import_new (store, JX_IMPORT_KIND_TEAM);
  g_autoptr(GError) error = NULL;

  jx_test_exec (store, "INSERT INTO products(name) VALUES ('GTX Pro')");
  g_assert_true (jx_import_open (import, path, &error));
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 2);

  /* Read GTXPro (in any case) as GTX Pro, and Signed as the won stage. */
  g_assert_true (jx_import_field_can_alias (import, "product"));
  g_assert_false (jx_import_field_can_alias (import, "ref"));
  g_assert_true (jx_import_set_alias (import, "product", "GTXPro", "GTX Pro", &error));
  g_assert_true (jx_import_set_alias (import, "stage", "signed", "Won", &error));
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 0);
  g_assert_false (jx_import_summary_has_problems (jx_import_get_summary (import)));
  g_assert_true (jx_import_run (import, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM products"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals d JOIN products p "
                                             "ON p.id = d.product_id WHERE p.name = 'GTX Pro'"),
                   ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT status FROM deals WHERE ref = 'C'"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM deals WHERE ref = 'C'"), ==,
                   50000);

  /* Taking the alias back makes the name unknown again. */
  g_assert_true (jx_import_set_alias (import, "product", "gtxpro", NULL, &error));
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 1);
  g_assert_cmpstr (jx_import_get_unknown (import, 0)->value, ==, "GTXPro");
  g_assert_cmpuint (jx_import_get_unknown (import, 0)->count, ==, 2);

  /* The names a file's own rows are keyed by cannot be aliased: a manager is a member. */
  g_assert_true (jx_import_open (members, team, &error));
  g_assert_false (jx_import_field_can_alias (members, "manager"));
  g_assert_false (jx_import_set_alias (members, "manager", "Bob", "Ann", &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BAD_OPTION);
  jx_test_remove_dir (dir);
}

/* Won and lost by name, in English and Chinese, or by option. */
static void
test_outcomes (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "o.db");
  g_autofree char *path = jx_test_write_file (dir, "o.csv",
    "编号,销售阶段,金额,成交日期\n"
    "1,Closed Won,10,2024-01-01\n"
    "2,赢单,10,2024-01-01\n"
    "3,成交,10,2024-01-01\n"
    "4,closed_lost,,2024-01-01\n"
    "5,输单,,2024-01-01\n"
    "6,丢单,,2024-01-01\n"
    "7,Signed,10,2024-01-01\n", -1);
  Options won = { .won = "signed" };

  import_fails (store, JX_IMPORT_KIND_DEALS, path, NULL, "*o.csv:8: unknown stage \"Signed\"");
  import_ok (store, JX_IMPORT_KIND_DEALS, path, &won, 7, 0, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 1"), ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE status = 2"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages"), ==, 7);
  jx_test_remove_dir (dir);
}

typedef struct {
  const char   *name;
  const char   *content;
  JxImportKind  kind;
  const char   *map;
  const char   *expected;
} BadFile;

/* Every check: each bad file writes nothing and says what is wrong, where. */
static void
test_bad_files (void)
{
  static const BadFile files[] = {
    { "date.csv", "opportunity_id,deal_stage,close_date,close_value\nX1,Won,2017-13-01,5\n",
      JX_IMPORT_KIND_DEALS, NULL,
      "date.csv:2: column \"close_date\": \"2017-13-01\" is not a date (expected YYYY-MM-DD)" },
    { "columns.csv", "ref,stage\nA,Prospecting\nB,Prospecting,extra\n", JX_IMPORT_KIND_DEALS, NULL,
      "columns.csv:3: the row has 3 columns, but the header has 2" },
    { "quotes.csv", "ref,stage\nA,\"Prospecting\nB,Prospecting\n", JX_IMPORT_KIND_DEALS, NULL,
      "*quotes.csv:2: unbalanced quotes" },
    { "quote2.csv", "ref,stage\nA,Pro\"specting\n", JX_IMPORT_KIND_DEALS, NULL,
      "*quote2.csv:2: unbalanced quotes" },
    { "empty.csv", "", JX_IMPORT_KIND_DEALS, NULL, "*empty.csv: the file is empty" },
    { "header.csv", "ref,stage\n", JX_IMPORT_KIND_DEALS, NULL, "*header.csv: the file has no rows" },
    { "binary.csv", "ref,stage\n\x01\x02\x00\x00\xff", JX_IMPORT_KIND_DEALS, NULL,
      "*This is not a text file" },
    { "latin1.csv", "name\nCaf\xe9\xff\xfe\n", JX_IMPORT_KIND_CUSTOMERS, NULL,
      "*neither UTF-8 nor GB18030" },
    { "dup.csv", "ref,stage\nA,Prospecting\nB,Prospecting\nA,Qualified\n", JX_IMPORT_KIND_DEALS,
      NULL, "dup.csv:4: column \"ref\": \"A\" appears again (first on line 2); each row needs its own" },
    { "negative.csv", "ref,stage,amount\nA,Prospecting,-100\n", JX_IMPORT_KIND_DEALS, NULL,
      "negative.csv:2: column \"amount\": \"-100\" is negative; it must be 0 or more" },
    { "amount.csv", "ref,stage,amount\nA,Prospecting,12 apples\n", JX_IMPORT_KIND_DEALS, NULL,
      "amount.csv:2: column \"amount\": \"12 apples\" is not an amount" },
    { "order.csv", "ref,stage,opened,closed,amount\nA,Won,2024-02-01,2024-01-01,5\n",
      JX_IMPORT_KIND_DEALS, NULL,
      "order.csv:2: column \"closed\": the deal closed on 2024-01-01, before it opened on 2024-02-01" },
    { "wonblank.csv", "ref,stage,amount\nA,Won,\n", JX_IMPORT_KIND_DEALS, NULL,
      "wonblank.csv:2: column \"amount\": the deal is won but has no amount" },
    { "event.csv", "ref,stage,opened,engage\nA,Qualified,2024-02-01,2024-01-15\n",
      JX_IMPORT_KIND_DEALS, "engage=entered:Qualified",
      "event.csv:2: column \"engage\": the deal entered \"Qualified\" on 2024-01-15, before it "
      "opened on 2024-02-01" },
    { "entered.csv", "ref,stage,closed,stage_entered,amount\nA,Won,2024-01-10,2024-02-01,5\n",
      JX_IMPORT_KIND_DEALS, NULL,
      "entered.csv:2: column \"stage_entered\": the deal entered \"Won\" on 2024-02-01, after it "
      "closed on 2024-01-10" },
    { "required.csv", "ref,stage\nA,\n", JX_IMPORT_KIND_DEALS, NULL,
      "required.csv:2: column \"stage\" is empty, but every row needs a value there" },
    { "nokey.csv", "stage,amount\nWon,5\n", JX_IMPORT_KIND_DEALS, NULL,
      "*no column is mapped to the required field “ref”" },
    { "map.csv", "ref,stage\nA,Won\n", JX_IMPORT_KIND_DEALS, "ref=nonsense",
      "*“nonsense” is not a field of deals" },
    { "parent.csv", "name,parent\nA,A\n", JX_IMPORT_KIND_CUSTOMERS, NULL,
      "parent.csv:2: column \"parent\": a customer cannot be its own parent" },
    { "tier.csv", "name,tier\nA,gold\n", JX_IMPORT_KIND_CUSTOMERS, NULL,
      "tier.csv:2: column \"tier\": \"gold\" is not one of key, growth, maintain, defend" },
    { "flag.csv", "name,active\nA,perhaps\n", JX_IMPORT_KIND_TEAM, NULL,
      "flag.csv:2: column \"active\": \"perhaps\" is not yes or no" },
    { "deal.csv", "deal,stage,entered\nNOPE,Won,2024-01-01\n", JX_IMPORT_KIND_STAGE_EVENTS, NULL,
      "*deal.csv:2: unknown deal \"NOPE\" (1 row)" },
  };
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "b.db");

  jx_test_exec (store, "INSERT INTO customers(name) VALUES ('Existing');"
                       "INSERT INTO deals(ref, stage_id, opened) VALUES ('OLD', 1, '2024-01-01');");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize len = strlen (files[i].content);
      g_autofree char *path = NULL;
      Options options = { .map = files[i].map };

      if (g_str_equal (files[i].name, "binary.csv"))
        len = 15;
      path = jx_test_write_file (dir, files[i].name, files[i].content, len);
      import_fails (store, files[i].kind, path, &options, files[i].expected);
    }

  /* Absurd field lengths. */
  {
    g_autofree char *name = g_strnfill (301, 'n');
    g_autofree char *content = g_strdup_printf ("name\n%s\n", name);
    g_autofree char *path = jx_test_write_file (dir, "long.csv", content, -1);

    import_fails (store, JX_IMPORT_KIND_CUSTOMERS, path, NULL,
                  "long.csv:2: column \"name\": the value is 301 characters long (at most 300)");
  }
  /* A stage event before the deal opened, in a stage-events file. */
  {
    g_autofree char *path = jx_test_write_file (dir, "early.csv",
                                                "deal,stage,entered\nOLD,Won,2023-12-31\n", -1);

    import_fails (store, JX_IMPORT_KIND_STAGE_EVENTS, path, NULL,
                  "early.csv:2: column \"entered\": the deal entered \"Won\" on 2023-12-31, before "
                  "it opened on 2024-01-01");
  }
  jx_test_remove_dir (dir);
}

/* At most 50 errors are kept; the count goes on. */
static void
test_error_limit (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "e.db");
  g_autoptr(GString) content = g_string_new ("ref,stage,opened\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autoptr(JxImport) import = NULL;
  const JxImportSummary *summary;

  for (int i = 0; i < 70; i++)
    g_string_append_printf (content, "R%d,Prospecting,%s\n", i, i % 2 ? "2024-01-01" : "soon");
  path = jx_test_write_file (dir, "many.csv", content->str, -1);
  import = run_import (store, JX_IMPORT_KIND_DEALS, path, NULL, &ok, &error);
  summary = jx_import_get_summary (import);
  g_assert_false (ok);
  g_assert_cmpuint (summary->n_errors, ==, 35);
  g_string_truncate (content, 0);
  g_string_append (content, "ref,stage,opened\n");
  for (int i = 0; i < 120; i++)
    g_string_append_printf (content, "R%d,Prospecting,never\n", i);
  g_clear_object (&import);
  g_clear_error (&error);
  path = (g_free (path), jx_test_write_file (dir, "more.csv", content->str, -1));
  import = run_import (store, JX_IMPORT_KIND_DEALS, path, NULL, &ok, &error);
  summary = jx_import_get_summary (import);
  g_assert_cmpuint (summary->n_errors, ==, 120);
  g_assert_cmpuint (summary->errors->len, ==, JX_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (((JxImportProblem *) summary->errors->pdata[49])->line, ==, 51);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), ==, 0);
  jx_test_remove_dir (dir);
}

/* A dry run counts like the real run and writes nothing. */
static void
test_dry_run (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "r.db");
  g_autofree char *path = jx_test_write_file (dir, "p.csv",
    "product,series,price\nA,X,10\nB,X,20\nC,Y,\n", -1);
  g_autofree char *path2 = jx_test_write_file (dir, "p2.csv",
    "product,series,price\nA,X,10\nB,X,25\nD,Y,1\n", -1);
  Options dry = { .create = TRUE, .dry_run = TRUE };
  Options create = { .create = TRUE };
  g_autofree char *before = db_checksum (store);

  import_ok (store, JX_IMPORT_KIND_PRODUCTS, path, &dry, 3, 0, 0);
  assert_unchanged (store, before);
  import_ok (store, JX_IMPORT_KIND_PRODUCTS, path, &create, 3, 0, 0);
  g_free (before);
  before = db_checksum (store);
  import_ok (store, JX_IMPORT_KIND_PRODUCTS, path2, &dry, 1, 1, 1);
  assert_unchanged (store, before);
  /* A blank price is no price, not zero. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM products WHERE list_price IS NULL"), ==, 1);
  jx_test_remove_dir (dir);
}

/* A GB18030 file as Excel on Chinese Windows writes it, with day-first dates. */
static void
test_gb18030 (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "g.db");
  const char *utf8 = "商机编号;客户;阶段;合同金额;创建日期\r\n"
                     "HX-1;华信科技;赢单;\"¥12.345,60\";31/12/2023\r\n"
                     "HX-2;;商谈;;01/02/2024\r\n";
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_autofree char *path = jx_test_write_file (dir, "gb.csv", gb, len);
  Options options = { .create = TRUE, .order = JX_DATE_ORDER_DMY };

  import_ok (store, JX_IMPORT_KIND_DEALS, path, &options, 2, 0, 0);
  assert_rows (store, "SELECT d.ref, c.name, s.name, d.amount, d.opened FROM deals d JOIN stages s "
                      "ON s.id = d.stage_id LEFT JOIN customers c ON c.id = d.customer_id "
                      "ORDER BY 1",
               "HX-1|华信科技|Won|1234560|2023-12-31\nHX-2|∅|商谈|∅|2024-02-01\n");
  jx_test_remove_dir (dir);
}

/* Stage events of existing deals: the deal follows its newest event. */
static void
test_stage_events (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "s.db");
  g_autofree char *deals = jx_test_write_file (dir, "d.csv",
    "ref,stage,opened\nA,Prospecting,2024-01-01\n"
    "B,Prospecting,2024-01-01\n", -1);
  g_autofree char *events = jx_test_write_file (dir, "e.csv",
    "deal,stage,entered\n"
    "A,Prospecting,2024-01-01\n"
    "A,Solution,2024-01-10\n"
    "A,Lost,2024-02-01\n"
    "B,Qualified,2024-01-03\n", -1);

  import_ok (store, JX_IMPORT_KIND_DEALS, deals, NULL, 2, 0, 0);
  import_ok (store, JX_IMPORT_KIND_STAGE_EVENTS, events, NULL, 4, 0, 0);
  assert_rows (store, "SELECT d.ref, s.name, d.status, d.stage_entered, d.closed, "
                      "d.furthest_position, l.name FROM deals d JOIN stages s ON s.id = d.stage_id "
                      "LEFT JOIN stages l ON l.id = d.lost_at_stage_id ORDER BY 1",
               "A|Lost|2|2024-02-01|2024-02-01|3|Solution\n"
               "B|Qualified|0|2024-01-03|∅|2|∅\n");
  import_ok (store, JX_IMPORT_KIND_STAGE_EVENTS, events, NULL, 0, 0, 4);
  jx_test_remove_dir (dir);
}

/* Targets: a tree by path, filters inherited, counts for deal targets. */
static void
test_targets (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "g.db");
  g_autofree char *path = jx_test_write_file (dir, "t.csv",
    "plan,path,period,metric,amount,region,dimension\n"
    "Plan 2026,Revenue 2026,2026,revenue,\"1,000,000\",,region\n"
    "Plan 2026,Revenue 2026 / East,2026,revenue,600000,East,quarter\n"
    "Plan 2026,Revenue 2026 / East / Q1,2026-Q1,revenue,150000,,\n"
    "Plan 2026,Deals 2026,2026-03,deals,40,,\n", -1);
  g_autofree char *orphan = jx_test_write_file (dir, "o.csv",
    "plan,path,period,amount\nPlan 2026,Nowhere / Q1,2026-Q1,5\n", -1);
  Options create = { .create = TRUE };

  import_ok (store, JX_IMPORT_KIND_TARGETS, path, &create, 4, 0, 0);
  assert_rows (store, "SELECT n.name, n.period_from, n.period_to, n.metric, n.amount, r.name, "
                      "n.dimension, n.position FROM target_nodes n LEFT JOIN regions r ON "
                      "r.id = n.region_id ORDER BY n.id",
               "Revenue 2026|2026-01-01|2026-12-31|revenue|100000000|∅|region|0\n"
               "East|2026-01-01|2026-12-31|revenue|60000000|East|quarter|0\n"
               "Q1|2026-01-01|2026-03-31|revenue|15000000|East|∅|0\n"
               "Deals 2026|2026-03-01|2026-03-31|deals|40|∅|∅|1\n");
  g_assert_cmpint (jx_test_query_int (store, "SELECT active FROM target_plans"), ==, 1);
  import_ok (store, JX_IMPORT_KIND_TARGETS, path, NULL, 0, 0, 4);
  import_fails (store, JX_IMPORT_KIND_TARGETS, orphan, NULL,
                "o.csv:2: column \"path\": the parent target \"Nowhere\" is neither in the plan "
                "nor on an earlier line");
  jx_test_remove_dir (dir);
}

static const char *const canonical[] = {
  "SELECT c.name, t.name, r.name, o.name, p.name, c.annual_revenue, c.tier, c.created, c.notes "
  "FROM customers c LEFT JOIN customer_types t ON t.id = c.type_id LEFT JOIN regions r ON "
  "r.id = c.region_id LEFT JOIN team_members o ON o.id = c.owner_id LEFT JOIN customers p ON "
  "p.id = c.parent_id ORDER BY c.name",
  "SELECT p.name, l.name, p.list_price FROM products p LEFT JOIN product_lines l ON "
  "l.id = p.line_id ORDER BY p.name",
  "SELECT t.name, t.role, m.name, r.name, t.capacity_hours, t.is_manager, t.active FROM "
  "team_members t LEFT JOIN team_members m ON m.id = t.manager_id LEFT JOIN regions r ON "
  "r.id = t.region_id ORDER BY t.name",
  "SELECT d.ref, d.title, c.name, o.name, p.name, s.name, d.amount, d.opened, d.expected_close, "
  "d.closed, d.stage_entered, d.status, d.furthest_position, l.name, d.lost_reason, d.notes "
  "FROM deals d JOIN stages s ON s.id = d.stage_id LEFT JOIN customers c ON c.id = d.customer_id "
  "LEFT JOIN team_members o ON o.id = d.owner_id LEFT JOIN products p ON p.id = d.product_id "
  "LEFT JOIN stages l ON l.id = d.lost_at_stage_id ORDER BY d.ref",
  "SELECT d.ref, s.name, e.entered FROM stage_events e JOIN deals d ON d.id = e.deal_id "
  "JOIN stages s ON s.id = e.stage_id ORDER BY 1, 3, 2",
  "SELECT pl.name, pl.active, n.name, pn.name, n.position, n.metric, n.period_from, n.period_to, "
  "o.name, n.dimension, r.name, m.name, n.tier, n.amount, n.locked, n.method, n.rationale "
  "FROM target_nodes n JOIN target_plans pl ON pl.id = n.plan_id LEFT JOIN target_nodes pn ON "
  "pn.id = n.parent_id LEFT JOIN team_members o ON o.id = n.owner_id LEFT JOIN regions r ON "
  "r.id = n.region_id LEFT JOIN team_members m ON m.id = n.member_id ORDER BY n.id",
};

/* Export every kind of a demo database and import it into a new one: the same rows. */
static void
test_round_trip (void)
{
  static const JxImportKind order[] = {
    JX_IMPORT_KIND_TEAM, JX_IMPORT_KIND_PRODUCTS, JX_IMPORT_KIND_CUSTOMERS,
    JX_IMPORT_KIND_DEALS, JX_IMPORT_KIND_STAGE_EVENTS, JX_IMPORT_KIND_TARGETS,
  };
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) demo = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxStore) copy = new_store (dir, "copy.db");
  Options create = { .create = TRUE };

  /* Cells a spreadsheet would run as formulas, and quotes and line breaks. */
  jx_test_exec (demo, "UPDATE customers SET notes = '=HYPERLINK(\"http://x\")' WHERE id = 1;"
                      "UPDATE customers SET notes = 'two\nlines, \"quoted\"' WHERE id = 2;"
                      "UPDATE customers SET name = '@risk Ltd' WHERE id = 3;"
                      "UPDATE deals SET title = '-minus', notes = '+plus' WHERE id = 1;");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", jx_import_kind_to_string (order[i]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, 0, NULL, &error);
      guint n_rows = 0;
      gboolean ok;
      g_autoptr(JxImport) import = NULL;

      g_assert_no_error (error);
      g_assert_true (jx_export_write_csv (demo, order[i], G_OUTPUT_STREAM (out), &n_rows, &error));
      g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
      g_assert_cmpuint (n_rows, >, 0);
      if (order[i] == JX_IMPORT_KIND_CUSTOMERS)
        {
          g_autofree char *text = NULL;

          g_file_get_contents (path, &text, NULL, NULL);
          g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\")\""));
          g_assert_nonnull (strstr (text, "'@risk Ltd"));
        }
      import = run_import (copy, order[i], path, &create, &ok, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autofree char *a = dump (demo, canonical[i]);
      g_autofree char *b = dump (copy, canonical[i]);

      g_assert_cmpuint (strlen (a), >, 100);
      g_assert_cmpstr (a, ==, b);
    }
  jx_test_remove_dir (dir);
}

/* A hand-written file in the shape of a typical CRM export: accounts, products, a sales
 * team and opportunities with engage_date, close_date, deal_stage and close_value;
 * prospecting deals without an account or an engage date; a product misspelt "GTXPro". */
static void
test_typical_crm (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "crm.db");
  g_autofree char *accounts = jx_test_write_file (dir, "accounts.csv",
    "account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n"
    "Acme Corporation,technolgy,1996,1100.04,2822,United States,\r\n"
    "Betatech,medical,1986,647.18,1185,Kenya,\r\n"
    "Codehow,software,1998,2714.90,2641,United States,Acme Corporation\r\n", -1);
  g_autofree char *products = jx_test_write_file (dir, "products.csv",
    "product,series,sales_price\r\nGTX Basic,GTX,550\r\nGTX Pro,GTX,4821\r\nMG Special,MG,55\r\n", -1);
  g_autofree char *team = jx_test_write_file (dir, "sales_teams.csv",
    "sales_agent,manager,regional_office\r\n"
    "Moses Frase,Dustin Brinkmann,Central\r\n"
    "Darcel Schlecht,Melvin Marxen,Central\r\n"
    "Violet Mclelland,Cara Losch,East\r\n", -1);
  g_autofree char *pipeline = jx_test_write_file (dir, "sales_pipeline.csv",
    "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n"
    "1C1I7A6R,Moses Frase,GTX Basic,Codehow,Won,2016-10-20,2017-03-01,1054\r\n"
    "Z063OYW0,Darcel Schlecht,GTXPro,Betatech,Won,2016-10-25,2017-03-11,4514\r\n"
    "KWVA7VR1,Violet Mclelland,GTXPro,Acme Corporation,Lost,2016-11-04,2017-03-18,0\r\n"
    "HAXMC4IX,Moses Frase,MG Special,,Engaging,2016-11-03,,\r\n"
    "6CWZFOHJ,Violet Mclelland,GTX Basic,Betatech,Prospecting,,,\r\n"
    "3LCLVRVV,Moses Frase,GTX Basic,,Prospecting,,,\r\n", -1);
  g_autofree char *fixed = NULL;
  Options create = { .create = TRUE };
  Options deals = { .map = "engage_date=entered:Engaging" };
  Options deals_create = { .map = "engage_date=entered:Engaging", .create = TRUE };
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autoptr(JxImport) import = NULL;
  const JxImportSummary *summary;

  import_ok (store, JX_IMPORT_KIND_TEAM, team, &create, 3, 0, 0);
  import_ok (store, JX_IMPORT_KIND_PRODUCTS, products, &create, 3, 0, 0);
  import_ok (store, JX_IMPORT_KIND_CUSTOMERS, accounts, &create, 3, 0, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members WHERE is_manager"), ==, 3);

  /* The first try stops at the misspelt product and the unknown stage. */
  import = run_import (store, JX_IMPORT_KIND_DEALS, pipeline, &deals, &ok, &error);
  g_assert_false (ok);
  summary = jx_import_get_summary (import);
  g_assert_cmpuint (summary->n_errors, ==, 0);
  g_assert_cmpuint (summary->unknowns->len, ==, 2);
  {
    g_autofree char *a = jx_import_summary_format_unknown (summary, summary->unknowns->pdata[0]);
    g_autofree char *b = jx_import_summary_format_unknown (summary, summary->unknowns->pdata[1]);

    g_assert_true (g_str_has_suffix (a, "sales_pipeline.csv:2: unknown stage \"Engaging\" (4 rows)"));
    g_assert_true (g_str_has_suffix (b, "sales_pipeline.csv:3: unknown product \"GTXPro\" (2 rows); "
                                        "did you mean \"GTX Pro\"?"));
  }
  g_clear_error (&error);

  /* Fix the spelling as the message suggests, then create the Engaging stage. */
  {
    g_autofree char *text = NULL;
    g_auto(GStrv) parts = NULL;
    g_autofree char *joined = NULL;

    g_assert_true (g_file_get_contents (pipeline, &text, NULL, NULL));
    parts = g_strsplit (text, ",GTXPro,", -1);
    joined = g_strjoinv (",GTX Pro,", parts);
    fixed = jx_test_write_file (dir, "sales_pipeline_fixed.csv", joined, -1);
  }
  import_ok (store, JX_IMPORT_KIND_DEALS, fixed, &deals_create, 6, 0, 0);
  import_ok (store, JX_IMPORT_KIND_DEALS, fixed, &deals, 0, 0, 6);

  /* Engaging sits at position 2 after Prospecting; won deals reached every open stage (6). */
  assert_rows (store, "SELECT d.ref, s.name, d.status, d.amount, d.opened, d.closed, c.name, "
                      "d.furthest_position, l.name FROM deals d JOIN stages s ON s.id = d.stage_id "
                      "LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN stages l "
                      "ON l.id = d.lost_at_stage_id ORDER BY d.id",
               "1C1I7A6R|Won|1|105400|2016-10-20|2017-03-01|Codehow|6|∅\n"
               "Z063OYW0|Won|1|451400|2016-10-25|2017-03-11|Betatech|6|∅\n"
               "KWVA7VR1|Lost|2|0|2016-11-04|2017-03-18|Acme Corporation|2|Engaging\n"
               "HAXMC4IX|Engaging|0|∅|2016-11-03|∅|∅|2|∅\n"
               "6CWZFOHJ|Prospecting|0|∅|∅|∅|Betatech|1|∅\n"
               "3LCLVRVV|Prospecting|0|∅|∅|∅|∅|1|∅\n");
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, 7);
  g_assert_cmpint (jx_test_query_int (store, "SELECT sum(amount) FROM deals WHERE status = 1"), ==,
                   105400 + 451400);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers c JOIN customers p "
                                             "ON p.id = c.parent_id WHERE c.name = 'Codehow' "
                                             "AND p.name = 'Acme Corporation'"), ==, 1);
  jx_test_remove_dir (dir);
}

/* One undo step labelled "Import FILE"; undoing it gives the database back. */
static void
test_undo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "u.db", JX_STORE_OPEN_UNDO, 0);
  g_autofree char *path = jx_test_write_file (dir, "deals.csv",
    "ref,stage,customer,amount\nA,Won,Acme,5\n"
    "B,Prospecting,Beta,\n", -1);
  g_autofree char *before = db_checksum (store);
  Options create = { .create = TRUE };
  g_autoptr(GError) error = NULL;

  import_ok (store, JX_IMPORT_KIND_DEALS, path, &create, 2, 0, 0);
  g_assert_true (jx_store_can_undo (store));
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Import deals.csv");
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_false (jx_store_can_undo (store));
  assert_unchanged (store, before);
  /* Foreign keys are checked again after the import. */
  g_assert_cmpint (jx_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  jx_test_remove_dir (dir);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* Progress goes up to 1; a cancelled import writes nothing. */
static void
test_progress_and_cancel (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "p.db");
  g_autoptr(GString) content = g_string_new ("ref,stage,amount\n");
  g_autofree char *path = NULL;
  g_autofree char *before = db_checksum (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(GError) error = NULL;
  double last = 0;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (content, "R%05d,Qualified,%d\n", i, i);
  path = jx_test_write_file (dir, "big.csv", content->str, -1);
  g_assert_true (jx_import_open (import, path, &error));
  g_assert_true (jx_import_validate (import, NULL, progress_cb, &last, &error));
  g_assert_cmpfloat (last, >, 0.5);
  g_cancellable_cancel (cancellable);
  g_assert_false (jx_import_write (import, FALSE, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_unchanged (store, before);
  g_clear_error (&error);
  last = 0;
  g_assert_true (jx_import_write (import, FALSE, NULL, progress_cb, &last, &error));
  g_assert_true (jx_import_commit (import, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), ==, 20000);
  g_assert_cmpint (jx_test_query_int (store, "SELECT sum(amount) FROM deals"), ==,
                   (gint64) 19999 * 20000 / 2 * 100);
  jx_test_remove_dir (dir);
}

/* Duplicate refs are found whether the file is sorted by them or not, and whether the
 * first one is among the last keys read or long before. */
static void
test_duplicate_keys (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "k.db");
  g_autoptr(GString) content = g_string_new ("ref,stage\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxImport) import = NULL;
  const JxImportSummary *summary;
  static const struct {
    guint line;
    const char *ref;
    guint first;
  } expected[] = {
    { 102, "R050", 51 },    /* a key written to the scratch database long before */
    { 133, "R130", 132 },   /* the largest key so far, not written yet */
    { 134, "R120", 122 },   /* a smaller key not written yet */
    { 136, "Q001", 135 },   /* a key out of order */
  };
  gboolean ok;

  /* Lines 2–101: R001–R100; 102: R050; 103–132: R101–R130; 133: R130; 134: R120;
   * 135–136: Q001 twice; 137: R131. */
  for (guint i = 1; i <= 100; i++)
    g_string_append_printf (content, "R%03u,Prospecting\n", i);
  g_string_append (content, "R050,Prospecting\n");
  for (guint i = 101; i <= 130; i++)
    g_string_append_printf (content, "R%03u,Prospecting\n", i);
  g_string_append (content, "R130,Prospecting\nR120,Prospecting\nQ001,Prospecting\n"
                            "Q001,Prospecting\nR131,Prospecting\n");
  path = jx_test_write_file (dir, "keys.csv", content->str, -1);
  import = run_import (store, JX_IMPORT_KIND_DEALS, path, NULL, &ok, &error);
  summary = jx_import_get_summary (import);
  g_assert_false (ok);
  g_assert_cmpuint (summary->n_rows, ==, 136);
  g_assert_cmpuint (summary->n_errors, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const JxImportProblem *problem = summary->errors->pdata[i];
      g_autofree char *message = g_strdup_printf ("column \"ref\": \"%s\" appears again (first "
                                                  "on line %u); each row needs its own",
                                                  expected[i].ref, expected[i].first);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->message, ==, message);
    }
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), ==, 0);
  jx_test_remove_dir (dir);
}

/* The summary of validating @path, as JSON text, with the file read in a thread of its own
 * or not. */
static char *
validate_to_json (JxStore    *store,
                  const char *path,
                  gboolean    threaded,
                  const char *map,
                  JxImport  **out)
{
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  jx_import_set_reader_thread (import, threaded);
  g_assert_true (jx_import_open (import, path, &error));
  g_assert_true (jx_import_apply_map (import, map, &error));
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  node = jx_import_summary_to_json (jx_import_get_summary (import));
  *out = g_steal_pointer (&import);
  return json_to_string (node, TRUE);
}

/* A file of 1,200 rows (several of the reader's batches) with every kind of problem at
 * known lines: the reader's thread reports the same problems on the same lines as reading
 * in the import's own thread, and as the file says. */
static void
test_reader_thread (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "t.db");
  g_autoptr(GString) content = g_string_new ("ref,stage,amount,opened,engage,customer,notes\n");
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JxImport) threaded = NULL;
  g_autoptr(JxImport) unthreaded = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json_threaded = NULL;
  g_autofree char *json_unthreaded = NULL;
  const JxImportSummary *summary;
  guint line = 1, n_rows = 0, line_r10 = 0, blank_notes = 0;
  guint customer_count[3] = { 0 }, customer_first[3] = { 0 };

  for (guint i = 0; i < 1200; i++)
    {
      gboolean extra = i % 250 == 7;
      const char *opened = i % 97 == 5 ? "2024-13-01" : "2024-01-02";
      const char *amount = i % 400 == 399 ? "-5" : "100";
      g_autofree char *ref = g_strdup_printf ("R%04u", i == 600 ? 10 : i);
      gboolean multiline = i % 300 == 150;

      if (i % 100 == 50)
        {
          /* A row of blank cells takes a line and is no row. */
          g_string_append (content, ",,, ,,,\n");
          line++;
        }
      line++;
      g_string_append_printf (content, "%s,Qualified,%s,%s,2024-01-05,Cust%u,%s%s\n", ref,
                              amount, opened, i % 3,
                              multiline ? "\"two\nlines\"" : i % 2 ? "note" : "",
                              extra ? ",extra" : "");
      if (extra)
        {
          g_ptr_array_add (expected, g_strdup_printf ("%u: the row has 8 columns, but the header "
                                                      "has 7", line));
          line += multiline;
          continue;
        }
      n_rows++;
      if (i == 10)
        line_r10 = line;
      if (i == 600)
        g_ptr_array_add (expected, g_strdup_printf ("%u: column \"ref\": \"R0010\" appears again "
                                                    "(first on line %u); each row needs its "
                                                    "own", line, line_r10));
      if (i % 400 == 399)
        g_ptr_array_add (expected, g_strdup_printf ("%u: column \"amount\": \"-5\" is negative; "
                                                    "it must be 0 or more", line));
      if (i % 97 == 5)
        g_ptr_array_add (expected, g_strdup_printf ("%u: column \"opened\": \"2024-13-01\" is not "
                                                    "a date (expected YYYY-MM-DD)", line));
      if (customer_count[i % 3]++ == 0)
        customer_first[i % 3] = line;
      blank_notes += !multiline && i % 2 == 0;
      line += multiline;
    }
  line++;
  g_string_append (content, "R9999,\"Qualified,1,2024-01-02,,Cust0,\n");
  g_ptr_array_add (expected, g_strdup_printf ("%u: unbalanced quotes", line));
  path = jx_test_write_file (dir, "thread.csv", content->str, -1);

  json_threaded = validate_to_json (store, path, TRUE, "engage=entered:Qualified", &threaded);
  json_unthreaded = validate_to_json (store, path, FALSE, "engage=entered:Qualified", &unthreaded);
  g_assert_cmpstr (json_threaded, ==, json_unthreaded);

  summary = jx_import_get_summary (threaded);
  g_assert_cmpuint (summary->n_rows, ==, n_rows);
  g_assert_cmpuint (summary->n_errors, ==, expected->len);
  g_assert_cmpuint (summary->errors->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const JxImportProblem *problem = summary->errors->pdata[i];
      g_autofree char *got = g_strdup_printf ("%u: %s", problem->line, problem->message);

      /* The message of a broken file goes on to say what to look for. */
      if (i == expected->len - 1)
        g_assert_true (g_str_has_prefix (got, expected->pdata[i]));
      else
        g_assert_cmpstr (got, ==, expected->pdata[i]);
    }
  g_assert_cmpuint (summary->unknowns->len, ==, 3);
  for (guint k = 0; k < 3; k++)
    {
      const JxImportUnknown *unknown = summary->unknowns->pdata[k];
      g_autofree char *name = g_strdup_printf ("Cust%u", k);

      g_assert_cmpstr (unknown->field, ==, "customer");
      g_assert_cmpstr (unknown->value, ==, name);
      g_assert_cmpuint (unknown->count, ==, customer_count[k]);
      g_assert_cmpuint (unknown->first_line, ==, customer_first[k]);
    }
  g_assert_cmpuint (summary->blanks->len, ==, 1);
  g_assert_cmpstr (((JxImportBlank *) summary->blanks->pdata[0])->field, ==, "notes");
  g_assert_cmpuint (((JxImportBlank *) summary->blanks->pdata[0])->count, ==, blank_notes);
  jx_test_remove_dir (dir);
}

typedef struct {
  GCancellable *cancellable;
  guint         calls;
  guint         cancel_at;
} CancelAt;

static void
cancel_progress_cb (double   fraction,
                    gpointer user_data)
{
  CancelAt *at = user_data;

  if (++at->calls == at->cancel_at)
    g_cancellable_cancel (at->cancellable);
}

/* Cancelling in the middle of checking or writing (from the progress callback, as the
 * assistant's Cancel button does between two calls) stops the reader's thread and leaves
 * the database as it was; the same import then runs to the end. */
static void
test_cancel_midway (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "c.db");
  g_autoptr(GString) content = g_string_new ("ref,stage,amount,opened\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  CancelAt at = { cancellable, 0, 2 };

  jx_test_exec (store, "INSERT INTO deals(ref, stage_id, opened) VALUES ('OLD', 1, '2024-01-01');");
  before = db_checksum (store);
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (content, "R%05u,Qualified,%u,2024-02-%02u\n", i, i, 1 + i % 28);
  path = jx_test_write_file (dir, "big.csv", content->str, -1);
  g_assert_true (jx_import_open (import, path, &error));

  g_assert_false (jx_import_validate (import, cancellable, cancel_progress_cb, &at, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.calls, ==, 2);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_true (jx_import_validate (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (jx_import_get_summary (import)->n_rows, ==, 30000);

  at.calls = 0;
  g_assert_false (jx_import_write (import, FALSE, cancellable, cancel_progress_cb, &at, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.calls, ==, 2);
  assert_unchanged (store, before);
  g_clear_error (&error);

  g_cancellable_reset (cancellable);
  g_assert_true (jx_import_write (import, FALSE, cancellable, NULL, NULL, &error));
  g_assert_true (jx_import_commit (import, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals"), ==, 30001);
  g_assert_cmpint (jx_test_query_int (store, "SELECT sum(amount) FROM deals"), ==,
                   (gint64) 29999 * 30000 / 2 * 100);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM deals WHERE opened = "
                                             "'2024-02-28'"), ==, 30000 / 28);
  jx_test_remove_dir (dir);
}

/* What the GUI's assistant reads: preview, columns with samples, field choices, JSON. */
static void
test_gui_api (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = new_store (dir, "a.db");
  g_autofree char *path = jx_test_write_file (dir, "a.csv",
    "Opportunity ID,Account Name,Stage,Amount,Employees\n"
    "A,,Prospecting,,5\nB,Acme,Won,100,7\nC,Beta,Won,200,\n", -1);
  g_autoptr(JxImport) import = jx_import_new (store, JX_IMPORT_KIND_DEALS);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) choices = NULL;
  const JxImportColumn *column;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_true (jx_import_open (import, path, &error));
  g_assert_cmpstr (jx_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpint (jx_import_get_separator (import), ==, ',');
  g_assert_cmpuint (jx_import_get_n_columns (import), ==, 5);
  g_assert_cmpuint (jx_import_get_n_preview_rows (import), ==, 3);
  g_assert_cmpstr (jx_import_get_preview_row (import, 1)[1], ==, "Acme");
  column = jx_import_get_column (import, 0);
  g_assert_cmpstr (column->field, ==, "ref");
  g_assert_true (column->automatic);
  column = jx_import_get_column (import, 1);
  g_assert_cmpstr (column->field, ==, "customer");
  g_assert_cmpstr (column->samples[0], ==, "Acme");
  g_assert_cmpstr (column->samples[1], ==, "Beta");
  g_assert_null (column->samples[2]);
  g_assert_null (jx_import_get_column (import, 4)->field);
  choices = jx_import_list_field_choices (import);
  g_assert_true (g_strv_contains ((const char * const *) choices, "amount"));
  g_assert_true (g_strv_contains ((const char * const *) choices, "entered:Prospecting"));
  g_assert_false (g_strv_contains ((const char * const *) choices, "entered:Won"));

  /* Mapping a field moves it from the column that had it. */
  g_assert_true (jx_import_set_column_field (import, 4, "amount", &error));
  g_assert_null (jx_import_get_column (import, 3)->field);
  g_assert_true (jx_import_set_column_field (import, 4, NULL, &error));
  g_assert_true (jx_import_set_column_field (import, 3, "amount", &error));
  g_assert_false (jx_import_set_column_field (import, 3, "price", &error));
  g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  jx_import_set_create_missing (import, TRUE);
  g_assert_true (jx_import_run (import, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  node = jx_import_summary_to_json (jx_import_get_summary (import));
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 3);
  g_assert_true (json_object_get_boolean_member (object, "written"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (object, "created")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "blanks"),
                                               "customer"), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object,
                   "ignored_columns"), 0), ==, "Employees");
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/import/customers", test_customers);
  g_test_add_func ("/jx/import/team", test_team);
  g_test_add_func ("/jx/import/deal-history", test_deal_history);
  g_test_add_func ("/jx/import/unknown-names", test_unknown_names);
  g_test_add_func ("/jx/import/created-stages-probability", test_created_stages_probability);
  g_test_add_func ("/jx/import/alias", test_alias);
  g_test_add_func ("/jx/import/outcomes", test_outcomes);
  g_test_add_func ("/jx/import/bad-files", test_bad_files);
  g_test_add_func ("/jx/import/error-limit", test_error_limit);
  g_test_add_func ("/jx/import/dry-run", test_dry_run);
  g_test_add_func ("/jx/import/gb18030", test_gb18030);
  g_test_add_func ("/jx/import/stage-events", test_stage_events);
  g_test_add_func ("/jx/import/targets", test_targets);
  g_test_add_func ("/jx/import/round-trip", test_round_trip);
  g_test_add_func ("/jx/import/typical-crm", test_typical_crm);
  g_test_add_func ("/jx/import/undo", test_undo);
  g_test_add_func ("/jx/import/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/jx/import/gui-api", test_gui_api);
  g_test_add_func ("/jx/import/reader-thread", test_reader_thread);
  g_test_add_func ("/jx/import/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/jx/import/cancel-midway", test_cancel_midway);
  return g_test_run ();
}
