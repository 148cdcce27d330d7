/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "jx-funnel-report.h"
#include "jx-test-util.h"

/*
 * The funnel report of the demo database (scale 1, today 2026-11-27), read back the way a
 * reader gets it: the text of the PDF (pdftotext from poppler-utils) compared with what
 * `jingxi-cli funnel --json` says for the same filter and with independent SQL sums.
 */

#define TODAY "2026-11-27"
#define FROM  "2026-01-01"
#define TO    "2026-12-31"

/* This program, which writes the report in a child process for the Chinese run. */
static const char *self_path;

/* The scale-1 demo database of every test. */
typedef JxTestDemo Fixture;

static void
assert_row (const char        *text,
            const char *const *cells)
{
  if (!jx_test_has_row (text, cells))
    {
      g_autofree char *joined = g_strjoinv (" | ", (char **) cells);

      g_error ("no line of the report holds: %s", joined);
    }
}

/* Money of the JSON (major units) as the report prints it. */
static char *
money (JsonObject *object,
       const char *member)
{
  return jx_money_format (llround (json_object_get_double_member (object, member) * 100), "CNY");
}

static char *
number (JsonObject *object,
        const char *member)
{
  return jx_number_format (json_object_get_int_member (object, member));
}

static char *
percent (JsonObject *object,
         const char *member)
{
  if (json_object_get_null_member (object, member))
    return g_strdup ("—");
  return jx_percent_format (json_object_get_double_member (object, member), 1);
}

static char *
days (JsonObject *object,
      const char *member)
{
  if (json_object_get_null_member (object, member))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", json_object_get_double_member (object, member));
}

static JsonNode *
funnel_json (Fixture           *f,
             const char *const *filter)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, "funnel");
  g_ptr_array_add (args, "--json");
  g_ptr_array_add (args, "--today=" TODAY);
  for (guint i = 0; filter[i] != NULL; i++)
    g_ptr_array_add (args, (char *) filter[i]);
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (jx_test_run_cliv (&out, NULL, (const char *const *) args->pdata), ==, 0);
  return jx_test_parse_json (out);
}

static JxReport *
write_report (Fixture            *f,
              const JxDealFilter *filter,
              const char         *path)
{
  g_autoptr(GError) error = NULL;
  JxReport *report;
  GDate today;

  jx_test_date (&today, TODAY);
  report = jx_funnel_report_new (f->store, filter, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (jx_report_write_pdf (report, path, JX_PAPER_A4, &error));
  g_assert_no_error (error);
  return report;
}

static void
year_filter (JxDealFilter *filter)
{
  jx_deal_filter_init (filter);
  g_assert_true (jx_deal_filter_set_period_iso (filter, FROM, TO, NULL));
}

/* Every stage and every figure of `funnel --json` is in the report, in its row. */
static void
test_json_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "funnel.pdf", NULL);
  const char *const args[] = { "--from=" FROM, "--to=" TO, NULL };
  g_autoptr(JsonNode) root = funnel_json (f, args);
  JsonObject *o = json_node_get_object (root);
  JsonArray *stages = json_object_get_array_member (o, "stages");
  JsonObject *won = json_object_get_object_member (o, "won");
  JsonObject *lost = json_object_get_object_member (o, "lost");
  JsonObject *open = json_object_get_object_member (o, "open");
  JsonObject *target = json_object_get_object_member (o, "target");
  g_autoptr(JxReport) report = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  JxDealFilter filter;

  year_filter (&filter);
  report = write_report (f, &filter, path);
  pages = jx_test_pdf_pages (path, "-layout");
  text = g_strjoinv ("\n", pages);

  g_assert_cmpuint (json_array_get_length (stages), ==, 5);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *s = json_array_get_object_element (stages, i);
      const char *name = json_object_get_string_member (s, "name");
      g_autofree char *probability = g_strdup_printf ("%" G_GINT64_FORMAT "%%",
                                                      json_object_get_int_member (s,
                                                                                  "probability"));
      g_autofree char *count_text = number (s, "count");
      g_autofree char *amount = money (s, "amount");
      g_autofree char *weighted = money (s, "weighted_amount");
      g_autofree char *stalled = number (s, "stalled");
      gint64 threshold = json_object_get_int_member (s, "stalled_threshold_days");
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT " d", threshold);
      g_autofree char *reached = number (s, "reached");
      g_autofree char *reached_amount = money (s, "reached_amount");
      g_autofree char *conversion = percent (s, "conversion_to_next");
      g_autofree char *mean = days (s, "mean_days");
      g_autofree char *median = days (s, "median_days");
      g_autofree char *lost_here = number (s, "lost");
      const char *now_row[] = { name, probability, count_text, amount, weighted, stalled, limit,
                                NULL };
      const char *cohort_row[] = { name, reached, reached_amount, conversion, mean, median,
                                   lost_here, NULL };

      g_test_message ("stage %s", name);
      /* The chart, both stage tables and the stalled list name the stage. */
      g_assert_cmpuint (jx_test_count (text, name), >=, 3);
      assert_row (text, now_row);
      assert_row (text, cohort_row);
      /* lost.by_stage repeats the stage's lost count. */
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (lost,
                                                                                  "by_stage"),
                                                   name), ==,
                       json_object_get_int_member (s, "lost"));
    }

  {
    g_autofree char *won_n = number (won, "count");
    g_autofree char *won_amount = money (won, "amount");
    g_autofree char *won_cell = g_strdup_printf ("%s deals · %s", won_n, won_amount);
    g_autofree char *lost_n = number (lost, "count");
    g_autofree char *lost_cell = g_strdup_printf ("%s deals", lost_n);
    g_autofree char *rate = percent (o, "win_rate");
    g_autofree char *to_win = days (o, "mean_days_to_win");
    g_autofree char *mean_won = money (o, "mean_won_amount");
    g_autofree char *weighted = money (o, "weighted_pipeline");
    g_autofree char *velocity = money (o, "velocity_per_day");
    g_autofree char *velocity_cell = g_strdup_printf ("%s per day", velocity);
    g_autofree char *coverage = g_strdup_printf ("%.2f×",
                                                 json_object_get_double_member (o, "coverage"));
    g_autofree char *open_n = number (open, "count");
    g_autofree char *open_amount = money (open, "amount");
    g_autofree char *open_cell = g_strdup_printf ("%s deals · %s", open_n, open_amount);
    g_autofree char *opened = number (o, "opened");
    g_autofree char *opened_cell = g_strdup_printf ("%s deals", opened);
    g_autofree char *target_amount = money (target, "amount");
    g_autofree char *remaining = money (target, "remaining");
    g_autofree char *in_period = money (target, "pipeline_in_period");
    const char *rows[][3] = {
      { "Won", won_cell, NULL },
      { "Lost", lost_cell, NULL },
      { "Win rate", rate, NULL },
      { "Mean days to win", to_win, NULL },
      { "Mean won amount", mean_won, NULL },
      { "Open pipeline", open_cell, NULL },
      { "Weighted pipeline", weighted, NULL },
      { "Sales velocity", velocity_cell, NULL },
      { "Opened in the period", opened_cell, NULL },
      { "Revenue target", target_amount, NULL },
      { "Target still to reach", remaining, NULL },
      { "Expected to close in the period", in_period, NULL },
      { "Coverage", coverage, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      assert_row (text, rows[i]);
    /* The total rows of the stage table and of both breakdowns repeat the pipeline. */
    g_assert_cmpuint (jx_test_count (text, weighted), >=, 4);
    g_assert_cmpuint (jx_test_count (text, open_amount), >=, 3);
  }

  /* The filter and the day the JSON was made for. */
  g_assert_cmpstr (json_object_get_string_member (o, "today"), ==, TODAY);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "filter"),
                                                  "from"), ==, FROM);
}

/* Header and footer on every page, the page count, and the region in the filters line. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "east.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  JxDealFilter filter;
  guint n_pages;

  year_filter (&filter);
  g_assert_true (jx_deal_filter_set_by_name (&filter, f->store, JX_DEAL_FILTER_REGION, "East",
                                             &error));
  g_assert_no_error (error);
  report = write_report (f, &filter, path);
  n_pages = jx_report_get_n_pages (report);
  pages = jx_test_pdf_pages (path, "-raw");
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (jx_report_get_unknown_glyphs (report), ==, 0);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_cmpuint (jx_test_count (pages[p], "Jingxi Demo Technologies"), ==, 1);
      g_assert_cmpuint (jx_test_count (pages[p], "Sales funnel"), ==, 2);
      g_assert_cmpuint (jx_test_count (pages[p], "Jan 1, 2026 – Dec 31, 2026"), ==, 1);
      g_assert_cmpuint (jx_test_count (pages[p], "Filters: East"), ==, 1);
      g_assert_cmpuint (jx_test_count (pages[p], "Made on Nov 27, 2026"), ==, 1);
      g_assert_cmpuint (jx_test_count (pages[p], footer), ==, 1);
    }
  text = g_strjoinv ("\n", pages);
  /* The sections, in order. */
  {
    const char *sections[] = { "Win rate", "Stages", "Totals", "By region", "By rep",
                               "Stalled deals" };
    const char *from = text;

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        from = strstr (from, sections[i]);
        g_assert_nonnull (from);
      }
  }
  /* The region table has East only ("Northwind" may well be a customer's name elsewhere). */
  {
    const char *regions = strstr (text, "By region");
    const char *reps = strstr (regions, "By rep");
    g_autofree char *table = g_strndup (regions, reps - regions);

    g_assert_cmpuint (jx_test_count (table, "East"), >=, 1);
    g_assert_cmpuint (jx_test_count (table, "North"), ==, 0);
    g_assert_cmpuint (jx_test_count (table, "South"), ==, 0);
    g_assert_cmpuint (jx_test_count (table, "West"), ==, 0);
  }
}

/* The breakdown rows match SQL sums over the deals, and the reps are all there. */
static void
test_breakdowns (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "funnel.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = NULL;
  JxDealFilter filter;
  guint n_reps = 0;

  year_filter (&filter);
  report = write_report (f, &filter, path);
  pages = jx_test_pdf_pages (path, "-layout");
  text = g_strjoinv ("\n", pages);

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (f->store),
    "SELECT r.name,"
    " SUM(d.status = 1 AND d.closed BETWEEN '" FROM "' AND '" TO "'),"
    " SUM(CASE WHEN d.status = 1 AND d.closed BETWEEN '" FROM "' AND '" TO "'"
    "     THEN IFNULL(d.amount, 0) END),"
    " SUM(CASE WHEN d.status = 0 THEN IFNULL(d.amount, 0) END),"
    " SUM(CASE WHEN d.status = 0 THEN IFNULL(d.amount, 0) * s.probability END) "
    "FROM deals d JOIN customers c ON c.id = d.customer_id JOIN regions r ON r.id = c.region_id"
    " JOIN stages s ON s.id = d.stage_id GROUP BY r.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *won = jx_number_format (sqlite3_column_int64 (stmt, 1));
      g_autofree char *won_amount = jx_money_format (sqlite3_column_int64 (stmt, 2), "CNY");
      g_autofree char *open = jx_money_format (sqlite3_column_int64 (stmt, 3), "CNY");
      g_autofree char *weighted = jx_money_format ((sqlite3_column_int64 (stmt, 4) + 50) / 100,
                                                   "CNY");
      const char *row[] = { (const char *) sqlite3_column_text (stmt, 0), won, won_amount, open,
                            weighted, NULL };

      assert_row (text, row);
    }
  sqlite3_finalize (stmt);

  /* One row per rep with a deal; every demo rep has some. */
  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (f->store),
    "SELECT m.name, SUM(CASE WHEN d.status = 1 AND d.closed BETWEEN '" FROM "' AND '" TO "'"
    " THEN IFNULL(d.amount, 0) ELSE 0 END) FROM team_members m JOIN deals d ON d.owner_id = m.id"
    " WHERE d.status = 0 OR d.closed BETWEEN '" FROM "' AND '" TO "' GROUP BY m.id", -1, &stmt,
    NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *won_amount = jx_money_format (sqlite3_column_int64 (stmt, 1), "CNY");
      const char *row[] = { (const char *) sqlite3_column_text (stmt, 0), won_amount, NULL };

      assert_row (text, row);
      n_reps++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_reps, >, 8);
}

/* The stalled deals, longest in their stage first, as the engine lists them. */
static void
test_stalled (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "funnel.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint line = 0;
  JxDealFilter filter;
  GDate today;

  jx_test_date (&today, TODAY);
  year_filter (&filter);
  report = write_report (f, &filter, path);
  pages = jx_test_pdf_pages (path, "-layout");
  text = g_strjoinv ("\n", pages);
  ids = jx_funnel_deal_ids (f->store, &filter, &today, JX_FUNNEL_SET_STALLED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 20);
  g_assert_cmpuint (ids->len, <, JX_FUNNEL_REPORT_MAX_STALLED);

  lines = g_strsplit (strstr (text, "Open deals in their stage for longer"), "\n", -1);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT julianday('" TODAY "') - "
                                              "julianday(stage_entered) FROM deals WHERE id = %"
                                              G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_autofree char *sql_amount = g_strdup_printf ("SELECT amount FROM deals WHERE id = %"
                                                     G_GINT64_FORMAT,
                                                     g_array_index (ids, gint64, i));
      g_autofree char *in_stage = jx_number_format (jx_test_query_int (f->store, sql));
      g_autofree char *amount = jx_money_format (jx_test_query_int (f->store, sql_amount), "CNY");

      /* Titles wrap in their column; the days and the amount stay on the row's first line,
       * and rows come in the engine's order. */
      while (lines[line] != NULL &&
             !(strstr (lines[line], in_stage) != NULL && strstr (lines[line], amount) != NULL))
        line++;
      if (lines[line] == NULL)
        g_error ("stalled deal %u (%s days, %s) is missing or out of order", i, in_stage, amount);
      line++;
    }
}

/* The funnel chart's labels are as tall as the table text, not 4/3 taller: the chart's
 * text is sized in points. */
static void
test_chart_text_size (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "funnel.pdf", NULL);
  g_autofree char *html = g_build_filename (f->dir, "bbox.html", NULL);
  const char *argv[] = { "pdftotext", "-bbox", "-f", "1", "-l", "1", path, html, NULL };
  g_autoptr(JxReport) report = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bbox = NULL;
  g_auto(GStrv) words = NULL;
  double chart = 0, table = 0;
  JxDealFilter filter;

  year_filter (&filter);
  report = write_report (f, &filter, path);
  out = jx_test_run_tool (argv, NULL);
  g_assert_true (g_file_get_contents (html, &bbox, NULL, NULL));

  /* "Negotiation" is the last band's name in the chart, and a row of the stage table. */
  words = g_strsplit (bbox, "<word ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      double y_min, y_max;

      if (strstr (words[i], ">Negotiation<") == NULL)
        continue;
      g_assert_cmpint (sscanf (strstr (words[i], "yMin=") , "yMin=\"%lf\" xMax=%*s yMax=\"%lf\"",
                               &y_min, &y_max), ==, 2);
      if (chart == 0)
        chart = y_max - y_min;
      else
        table = y_max - y_min;
    }
  g_test_message ("label height: chart %.2f pt, table %.2f pt", chart, table);
  g_assert_cmpfloat (chart, >, 0);
  g_assert_cmpfloat (table, >, 0);
  g_assert_cmpfloat (chart / table, >, 0.9);
  g_assert_cmpfloat (chart / table, <, 1.25);
}

/* The report made in a child process with LANGUAGE=zh_CN. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "zh.pdf", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  const char *self_argv[] = { self_path, "--write-report", f->db, path, NULL };
  g_autofree char *out = jx_test_run_tool (self_argv, envp);
  gboolean cjk_embedded = FALSE;
  g_autofree char *fonts = jx_test_pdf_fonts (path, &cjk_embedded);
  g_auto(GStrv) pages = jx_test_pdf_pages (path, "-raw");
  g_autofree char *text = g_strjoinv ("\n", pages);
  guint n_pages = g_strv_length (pages);
  const char *headings[] = { "销售漏斗", "赢单率", "销售速度", "加权商机金额", "覆盖率", "阶段",
                             "今日在途商机（按阶段）", "汇总", "按区域", "按销售代表", "停滞商机",
                             "阶段停留天数" };

  /* The child prints how many characters had no glyph. */
  g_assert_cmpstr (out, ==, "unknown glyphs: 0\n");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_cmpuint (jx_test_count (text, headings[i]), >=, 1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("第 %u 页，共 %u 页", p + 1, n_pages);

      g_assert_cmpuint (jx_test_count (pages[p], footer), ==, 1);
      g_assert_nonnull (strstr (pages[p], "制表日期：2026年11月27日"));
      g_assert_nonnull (strstr (pages[p], "2026年1月1日 至 2026年12月31日"));
      g_assert_nonnull (strstr (pages[p], "筛选条件：无"));
    }
  g_assert_null (strstr (text, "Page "));
  g_assert_null (strstr (text, "Stalled"));
  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));
  g_assert_true (cjk_embedded);
}

/* Child of test_chinese: writes the report of DB to PATH in the current language. */
static int
write_chinese (const char *db,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (db, JX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(JxReport) report = NULL;
  JxDealFilter filter;
  GDate today;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  jx_test_date (&today, TODAY);
  year_filter (&filter);
  report = jx_funnel_report_new (store, &filter, &today, &error);
  if (report == NULL || !jx_report_write_pdf (report, path, JX_PAPER_A4, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("unknown glyphs: %u\n", jx_report_get_unknown_glyphs (report));
  return 0;
}

/* A filter that selects nothing still makes a report that says so. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  JxDealFilter filter;

  jx_deal_filter_init (&filter);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2001-01-01", "2001-12-31", NULL));
  /* A product line id no deal has. */
  filter.product_line_id = 999;
  report = write_report (f, &filter, path);
  pages = jx_test_pdf_pages (path, "-raw");
  text = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (text, "No deals were opened in this period"));
  g_assert_nonnull (strstr (text, "No deal is stalled."));
  g_assert_nonnull (strstr (text, "Nothing to show"));
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
#define ADD(path, func) \
  g_test_add ("/jx/funnel-report/" path, Fixture, NULL, jx_test_demo_set_up, func, \
              jx_test_demo_tear_down)
  ADD ("json-figures", test_json_figures);
  ADD ("pages", test_pages);
  ADD ("breakdowns", test_breakdowns);
  ADD ("stalled", test_stalled);
  ADD ("chart-text-size", test_chart_text_size);
  ADD ("chinese", test_chinese);
  ADD ("empty", test_empty);
#undef ADD
  return g_test_run ();
}
