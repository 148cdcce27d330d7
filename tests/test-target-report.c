/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "jx-target-report.h"
#include "jx-test-util.h"

/*
 * The targets report of the demo plan (Revenue 2026 in four quarters, today 2026-11-27),
 * grown in the tests into trees too large for one page, read back through pdftotext.
 */

#define TODAY "2026-11-27"

static const char *self_path;

typedef struct {
  char         *dir;
  char         *db;
  JxStore      *store;
  JxTargetTree *tree;
  JxTargetNode *root;
  gint64        plan_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->dir = jx_test_make_dir ();
  f->db = g_build_filename (f->dir, "demo.db", NULL);
  f->store = jx_test_open_new (f->dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);
  f->plan_id = jx_target_plan_get_active_id (f->store);
  jx_test_date (&today, TODAY);
  f->tree = jx_target_tree_new (f->store, f->plan_id, &today);
  g_assert_true (jx_target_tree_load (f->tree, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jx_target_tree_get_roots (f->tree)), ==, 1);
  f->root = g_list_model_get_item (jx_target_tree_get_roots (f->tree), 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->root);
  g_clear_object (&f->tree);
  g_clear_object (&f->store);
  jx_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Quarters into months, months into regions, the first region of January into its reps. */
static void
grow_tree (Fixture *f)
{
  GListModel *quarters = jx_target_node_get_children (f->root);

  for (guint q = 0; q < g_list_model_get_n_items (quarters); q++)
    {
      g_autoptr(JxTargetNode) quarter = g_list_model_get_item (quarters, q);
      GListModel *months;

      jx_test_decompose (f->tree, quarter, JX_TARGET_DIMENSION_MONTH, JX_TARGET_METHOD_EQUAL);
      months = jx_target_node_get_children (quarter);
      for (guint m = 0; m < g_list_model_get_n_items (months); m++)
        {
          g_autoptr(JxTargetNode) month = g_list_model_get_item (months, m);

          jx_test_decompose (f->tree, month, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_EQUAL);
          if (q == 0 && m == 0)
            {
              g_autoptr(JxTargetNode) region = g_list_model_get_item (
                jx_target_node_get_children (month), 0);

              jx_test_decompose (f->tree, region, JX_TARGET_DIMENSION_MEMBER,
                                 JX_TARGET_METHOD_EQUAL);
            }
        }
    }
}

static JxReport *
write_report (Fixture    *f,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  JxReport *report;
  GDate today;

  jx_test_date (&today, TODAY);
  report = jx_target_report_new (f->store, f->plan_id, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (jx_report_write_pdf (report, path, JX_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jx_report_get_unknown_glyphs (report), ==, 0);
  return report;
}

/* Each target's row: its name, then target, actual, attainment, expected to date and gap, in
 * whole yuan (every target here is revenue). */
static void
check_rows (const char *text,
            GListModel *list,
            const char *currency,
            guint      *n_nodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      gint64 amount = jx_target_node_get_amount (node);
      g_autofree char *target = jx_money_format_whole (amount, currency);
      g_autofree char *actual = jx_money_format_whole (jx_target_node_get_actual (node),
                                                       currency);
      g_autofree char *percent = jx_percent_format (jx_target_node_get_attainment (node), 1);
      g_autofree char *expected = jx_money_format_whole (
        jx_target_node_get_expected_to_date (node), currency);
      g_autofree char *gap = jx_money_format_whole (jx_target_node_get_gap (node), currency);
      const char *row[] = { jx_target_node_get_name (node), target, actual, percent, expected,
                            gap, jx_target_pace_label (jx_target_node_get_pace (node)), NULL };

      g_assert_cmpint (amount, >, 0);
      if (!jx_test_has_row (text, row))
        g_error ("no row for target %s: %s %s", row[0], target, actual);
      (*n_nodes)++;
      check_rows (text, jx_target_node_get_children (node), currency, n_nodes);
    }
}

/* Every target of a tree of 73 is in the attainment table with its figures; the plan's
 * actual is the SQL sum of the year's won deals. */
static void
test_every_target (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "targets.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *won = NULL;
  guint n_nodes = 0;

  grow_tree (f);
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  g_assert_no_error (error);
  report = write_report (f, path);
  pages = jx_test_pdf_pages (path, "-layout");
  text = g_strjoinv ("\n", pages);
  check_rows (text, jx_target_tree_get_roots (f->tree), "CNY", &n_nodes);
  g_assert_cmpuint (n_nodes, ==, jx_target_tree_get_n_nodes (f->tree));
  g_assert_cmpuint (n_nodes, >, 60);

  won = jx_money_format_whole (jx_test_query_int (f->store,
                                            "SELECT SUM(amount) FROM deals WHERE status = 1 AND "
                                            "closed BETWEEN '2026-01-01' AND '2026-12-31'"),
                         "CNY");
  g_assert_cmpstr (won, ==, "¥164,141,200");
  {
    const char *row[] = { "Revenue 2026", "¥196,440,000", won, "83.6%", NULL };

    g_assert_true (jx_test_has_row (text, row));
  }
  /* A period under its target's name, with its dates whole, when it is not the parent's:
   * January's, not again for its regions and reps. */
  g_assert_cmpuint (jx_test_count (text, "Jan 31, 2026"), ==, 1);
  g_assert_cmpuint (jx_test_count (text, "Mar 31, 2026"), ==, 2);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1,
                                                 g_strv_length (pages));

      g_assert_nonnull (strstr (pages[p], "Jingxi Demo Technologies"));
      g_assert_nonnull (strstr (pages[p], "Filters: Plan “Plan 2026” (active)"));
      g_assert_nonnull (strstr (pages[p], "Made on Nov 27, 2026"));
      g_assert_nonnull (strstr (pages[p], footer));
    }
}

static guint
parse_number_after (const char *text,
                    const char *prefix,
                    const char **end)
{
  const char *p = strstr (text, prefix);
  char *stop = NULL;
  guint64 n;

  if (p == NULL)
    return 0;
  n = g_ascii_strtoull (p + strlen (prefix), &stop, 10);
  if (end != NULL)
    *end = stop;
  return (guint) n;
}

/*
 * A tree too large for a page comes in parts: every target whose sub-targets continue
 * says on which page (a pill "+N · page P"), and that page has a part that says it
 * continues from the page of the pill.
 */
static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "targets.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pills = 0;

  grow_tree (f);
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  report = write_report (f, path);
  pages = jx_test_pdf_pages (path, "-raw");
  g_assert_cmpuint (g_strv_length (pages), >=, 6);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      const char *at = pages[p];
      const char *end = NULL;

      /* pdftotext does not always keep the spaces of small text: "+4· page2". */
      while ((at = strstr (at, "·")) != NULL)
        {
          g_autofree char *from = g_strdup_printf ("Continued from page %u", p + 1);
          const char *q = at + strlen ("·");
          guint target_page;

          at = q;
          while (*q == ' ')
            q++;
          if (!g_str_has_prefix (q, "page"))
            continue;
          q += strlen ("page");
          while (*q == ' ')
            q++;
          target_page = (guint) g_ascii_strtoull (q, (char **) &end, 10);
          g_assert_true (end > q);
          /* The part may follow on the same page. */
          g_assert_cmpuint (target_page, >=, p + 1);
          g_assert_cmpuint (target_page, <=, g_strv_length (pages));
          g_assert_nonnull (strstr (pages[target_page - 1], from));
          n_pills++;
          at = end;
        }
    }
  /* The 4 quarters on the first part, then the 12 months, and January's first region. */
  g_assert_cmpuint (n_pills, ==, 4 + 12 + 1);
  /* Each part is a subheading with the path of its target (and a PDF bookmark). */
  g_assert_cmpuint (jx_test_count (pages[0], "Revenue 2026 › Q1"), >=, 1);
  {
    gboolean found = FALSE;

    for (guint p = 0; pages[p] != NULL; p++)
      found |= strstr (pages[p], "Revenue 2026 › Q1 › Jan 2026 › ") != NULL;
    g_assert_true (found);
  }
}

/*
 * A target with 53 weekly sub-targets is too wide for a page: it is cut into tiles between
 * the columns of cards, each card on exactly one tile, each tile saying where it goes on.
 */
static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "weeks.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *tree = NULL;
  guint n_tiles, tiles_seen = 0;
  GListModel *weeks;

  jx_test_decompose (f->tree, f->root, JX_TARGET_DIMENSION_WEEK, JX_TARGET_METHOD_EQUAL);
  weeks = jx_target_node_get_children (f->root);
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 53);
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  report = write_report (f, path);
  pages = jx_test_pdf_pages (path, "-raw");
  all = g_strjoinv ("\n", pages);
  tree = g_strndup (all, strstr (all, "Every target of the plan") - all);

  n_tiles = parse_number_after (tree, "part 1 of ", NULL);
  g_assert_cmpuint (n_tiles, >=, 3);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *part = g_strdup_printf ("part %u of %u", tiles_seen + 1, n_tiles);

      if (strstr (pages[p], part) == NULL)
        continue;
      tiles_seen++;
      if (tiles_seen < n_tiles)
        {
          g_autofree char *next = g_strdup_printf ("continues on page %u →", p + 2);

          /* Each tile fills its own page. */
          g_assert_nonnull (strstr (pages[p], next));
        }
    }
  g_assert_cmpuint (tiles_seen, ==, n_tiles);
  for (guint i = 0; i < g_list_model_get_n_items (weeks); i++)
    {
      g_autoptr(JxTargetNode) week = g_list_model_get_item (weeks, i);
      g_autofree char *card = g_strdup_printf ("%s\n", jx_target_node_get_name (week));

      /* On one tile, once: none lost at a cut, none drawn twice. */
      g_assert_cmpuint (jx_test_count (tree, card), ==, 1);
    }
}

/* The plan without targets still makes a report that says so. */
static void
test_empty_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  GDate today;
  gint64 plan;

  jx_test_date (&today, TODAY);
  plan = jx_target_plan_create (f->store, "Empty", &today, &error);
  g_assert_no_error (error);
  report = jx_target_report_new (f->store, plan, &today, &error);
  g_assert_no_error (error);
  g_assert_true (jx_report_write_pdf (report, path, JX_PAPER_LETTER, &error));
  pages = jx_test_pdf_pages (path, "-raw");
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "The plan has no targets yet."));
  g_assert_nonnull (strstr (pages[0], "Filters: Plan “Empty”"));

  /* A plan that does not exist is an error, not a report. */
  g_clear_object (&report);
  report = jx_target_report_new (f->store, 9999, &today, &error);
  g_assert_null (report);
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND);
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "zh.pdf", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  const char *self_argv[] = { self_path, "--write-report", f->db, path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  const char *words[] = { "目标树", "达成情况", "计划中的全部目标", "目标与期间", "目标金额",
                          "截至今日应达", "差额", "进度", "制表日期：2026年11月27日",
                          "2026年4月1日 至", "2026年6月30日" };

  grow_tree (f);
  out = jx_test_run_tool (self_argv, envp);
  g_assert_cmpstr (out, ==, "unknown glyphs: 0\n");
  pages = jx_test_pdf_pages (path, "-raw");
  text = g_strjoinv ("\n", pages);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_cmpuint (jx_test_count (text, words[i]), >=, 1);
  g_assert_nonnull (strstr (text, "接第 1 页"));
  g_assert_null (strstr (text, "Continued"));
}

static int
write_chinese (const char *db,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (db, JX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(JxReport) report = NULL;
  GDate today;

  jx_test_date (&today, TODAY);
  if (store != NULL)
    report = jx_target_report_new (store, jx_target_plan_get_active_id (store), &today, &error);
  if (report == NULL || !jx_report_write_pdf (report, path, JX_PAPER_A4, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("unknown glyphs: %u\n", jx_report_get_unknown_glyphs (report));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  self_path = argv[0];
  if (argc == 4 && g_strcmp0 (argv[1], "--write-report") == 0)
    return write_chinese (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/jx/target-report/every-target", Fixture, NULL, fixture_set_up,
              test_every_target, fixture_tear_down);
  g_test_add ("/jx/target-report/parts", Fixture, NULL, fixture_set_up, test_parts,
              fixture_tear_down);
  g_test_add ("/jx/target-report/tiles", Fixture, NULL, fixture_set_up, test_tiles,
              fixture_tear_down);
  g_test_add ("/jx/target-report/empty-plan", Fixture, NULL, fixture_set_up, test_empty_plan,
              fixture_tear_down);
  g_test_add ("/jx/target-report/chinese", Fixture, NULL, fixture_set_up, test_chinese,
              fixture_tear_down);
  return g_test_run ();
}
