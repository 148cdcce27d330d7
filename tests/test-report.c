/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "jx-report.h"
#include "jx-test-util.h"

/*
 * The report engine is checked through what a reader gets: the text of the PDF (pdftotext,
 * pdffonts from poppler-utils) and the pixels of pages drawn on an image surface, both
 * compared with the geometry pagination reports.
 */

#define N_DEALS 320
#define COMPANY "Northwind Trading 北风贸易"

/* This program, which writes the report for the Chinese run in a child process. */
static const char *self_path;

static const char *const owners[] = { "Wang Wei", "李娜", "Chen Jie", "张伟", "Emily Zhou" };
static const char *const stages[] = { "Lead", "Qualified", "方案", "Negotiation", "Contract" };

static char *
deal_ref (guint i)
{
  return g_strdup_printf ("R-%04u", i + 1);
}

/* One title in two, Chinese; each names its row's number so that it is unique. */
static char *
deal_title (guint i)
{
  if (i % 2 == 0)
    return g_strdup_printf ("华东精密第%u号产线改造", i + 1);
  return g_strdup_printf ("Line upgrade no.%u, plant B", i + 1);
}

static void
draw_bars_cb (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  data)
{
  const JxChartStyle *style = data;
  static const double values[] = { 1.0, 0.72, 0.51, 0.33, 0.21 };
  double bar_height = (height - 8) / G_N_ELEMENTS (values);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double bar_width = (width - 110) * values[i];
      double y = i * bar_height + 4;

      cairo_rectangle (cr, 100 + (width - 110 - bar_width) / 2, y + 2, bar_width,
                       bar_height - 4);
      jx_color_set_source (cr, &style->series[0]);
      cairo_fill (cr);
      layout = jx_chart_text_layout (cr, style, stages[i], 0.75, FALSE);
      cairo_move_to (cr, 0, y + bar_height / 2 - 7);
      jx_color_set_source (cr, &style->foreground);
      pango_cairo_show_layout (cr, layout);
    }
}

/* A report with a summary, key figures, a chart, a table of @n_deals deals with a total row
 * and a small table; the deals table is returned in @deals. */
static JxReport *
build_report (guint           n_deals,
              JxReportTable **deals)
{
  JxReport *report = jx_report_new (NULL);
  const JxReportFigure figures[] = {
    { "Win rate", "31.4%", "vs 28.0% last quarter" },
    { "Weighted pipeline", "¥12.48M", NULL },
    { "Coverage", "2.6×", "of the remaining target" },
    { "Velocity", "¥86,120/day", NULL },
    { "Mean days to win", "47", "median 41" },
  };
  JxReportTable *table;
  JxPeriod period;
  GDate today;
  gint64 total = 0;

  jx_test_date (&today, "2026-11-27");
  jx_test_date (&period.from, "2026-10-01");
  jx_test_date (&period.to, "2026-12-31");
  jx_report_set_company (report, COMPANY);
  jx_report_set_title (report, "Pipeline review 销售漏斗");
  jx_report_set_period (report, &period);
  jx_report_set_filters (report, "Region East · Rep Wang Wei");
  jx_report_set_made_on (report, &today);

  jx_report_add_heading (report, "Summary");
  jx_report_add_paragraph (report,
    "The pipeline grew in the East while the North slowed down. 华东区域的商机保持增长，"
    "华北区域放缓。Deals in negotiation wait longer than the stage's limit of 21 days, so "
    "the stalled list at the end of this report needs attention first.");
  jx_report_add_figures (report, figures, G_N_ELEMENTS (figures));
  jx_report_add_subheading (report, "Deals reaching each stage");
  jx_report_add_chart (report, 150, draw_bars_cb, (gpointer) jx_report_get_style (report), NULL);
  jx_report_add_note (report, "Reached: deals that entered the stage at any time in the period.");

  jx_report_add_heading (report, "Open deals");
  table = jx_report_add_table (report, 7);
  jx_report_table_set_title (table, "Open deals by expected close");
  jx_report_table_set_column (table, 0, "Ref", JX_REPORT_ALIGN_START, 0.8);
  jx_report_table_set_column (table, 1, "Deal", JX_REPORT_ALIGN_START, 2.4);
  jx_report_table_set_column (table, 2, "Owner", JX_REPORT_ALIGN_START, 1.2);
  jx_report_table_set_column (table, 3, "Stage", JX_REPORT_ALIGN_START, 1.1);
  jx_report_table_set_column (table, 4, "Amount", JX_REPORT_ALIGN_END, 1.4);
  jx_report_table_set_column (table, 5, "Days in stage", JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (table, 6, "Expected close", JX_REPORT_ALIGN_END, 1.3);
  for (guint i = 0; i < n_deals; i++)
    {
      g_autofree char *ref = deal_ref (i);
      g_autofree char *title = deal_title (i);
      gint64 amount = (gint64) ((i * 7919) % 5000 + 10) * 10000 + (i % 100);
      g_autofree char *money = jx_money_format (amount, "CNY");
      g_autofree char *days = g_strdup_printf ("%u", (i * 13) % 90);
      g_autofree char *close = NULL;
      GDate date = period.from;

      g_date_add_days (&date, i % 92);
      close = jx_date_format (&date);
      total += amount;
      jx_report_table_add_row_va (table, ref, title, owners[i % G_N_ELEMENTS (owners)],
                                  stages[i % G_N_ELEMENTS (stages)], money, days, close, NULL);
    }
  {
    g_autofree char *money = jx_money_format (total, "CNY");
    const char *cells[] = { "Total", NULL, NULL, NULL, money, NULL, NULL };

    jx_report_table_add_total_row (table, cells);
  }
  if (deals != NULL)
    *deals = table;

  jx_report_add_heading (report, "By region");
  table = jx_report_add_table (report, 4);
  jx_report_table_set_column (table, 0, "Region", JX_REPORT_ALIGN_START, 2);
  jx_report_table_set_column (table, 1, "Won", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 2, "Win rate", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 3, "Open pipeline", JX_REPORT_ALIGN_END, 1.4);
  jx_report_table_add_row_va (table, "East 华东", "¥3,120,000.00", "34.0%", "¥8,410,500.00", NULL);
  jx_report_table_add_row_va (table, "North 华北", "¥1,870,250.00", "27.5%", "¥5,002,000.00", NULL);
  jx_report_table_add_row_va (table, "South 华南", "¥2,004,900.00", "30.1%", "¥6,118,730.00", NULL);

  jx_report_add_heading (report, "Stalled deals");
  table = jx_report_add_table (report, 3);
  jx_report_table_set_column (table, 0, "Ref", JX_REPORT_ALIGN_START, 1);
  jx_report_table_set_column (table, 1, "Deal", JX_REPORT_ALIGN_START, 3);
  jx_report_table_set_column (table, 2, "Days", JX_REPORT_ALIGN_END, 1);
  return report;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_pdf_text (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *all_stripped = NULL;
  JxReportTable *deals = NULL;
  guint n_pages, first_page, table_pages;

  report = build_report (N_DEALS, &deals);
  g_assert_true (jx_report_write_pdf (report, path, JX_PAPER_A4, &error));
  g_assert_no_error (error);
  n_pages = jx_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (jx_report_get_unknown_glyphs (report), ==, 0);

  pages = jx_test_pdf_pages (path, NULL);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  all = g_strjoinv ("\n", pages);
  all_stripped = strip_spaces (all);

  /* Every row once, in any order pdftotext reads the columns. */
  for (guint i = 0; i < N_DEALS; i++)
    {
      g_autofree char *ref = deal_ref (i);
      g_autofree char *title = deal_title (i);
      g_autofree char *stripped = strip_spaces (title);

      g_assert_cmpuint (jx_test_count (all, ref), ==, 1);
      g_assert_cmpuint (jx_test_count (all_stripped, stripped), ==, 1);
    }
  g_assert_cmpuint (jx_test_count (all, "East 华东"), ==, 1);

  /* Header and footer on every page. */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], COMPANY));
      g_assert_nonnull (strstr (pages[p], "Pipeline review 销售漏斗"));
      g_assert_nonnull (strstr (pages[p], "Oct 1, 2026 – Dec 31, 2026"));
      g_assert_nonnull (strstr (pages[p], "Filters: Region East · Rep Wang Wei"));
      g_assert_nonnull (strstr (pages[p], "Made on Nov 27, 2026"));
      g_assert_cmpuint (jx_test_count (pages[p], footer), ==, 1);
    }

  /* The deals table's header is on each page it spans, and only there. */
  table_pages = jx_report_table_get_pages (deals, &first_page);
  g_assert_cmpuint (table_pages, >=, 5);
  for (guint p = 0; p < n_pages; p++)
    {
      gboolean in_table = p >= first_page && p < first_page + table_pages;
      /* "Days in stage" wraps onto two lines in its narrow column. */
      g_autofree char *stripped = strip_spaces (pages[p]);

      g_assert_cmpuint (jx_test_count (pages[p], "Expected close"), ==, in_table ? 1 : 0);
      g_assert_cmpuint (jx_test_count (stripped, "Daysinstage"), ==, in_table ? 1 : 0);
      g_assert_cmpuint (jx_test_count (pages[p], "Open deals by expected close (continued)"), ==,
                        in_table && p > first_page ? 1 : 0);
    }
  /* The empty table says so. */
  g_assert_cmpuint (jx_test_count (pages[n_pages - 1], "Nothing to show"), ==, 1);
  jx_test_remove_dir (dir);
}

static guint
dark_pixels (cairo_surface_t *surface,
             double           scale,
             double           x,
             double           y,
             double           width,
             double           height)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x0 = (int) floor (x * scale), x1 = (int) ceil ((x + width) * scale);
  int y0 = (int) floor (y * scale), y1 = (int) ceil ((y + height) * scale);
  guint n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));
  for (int py = y0; py < y1; py++)
    for (int px = x0; px < x1; px++)
      {
        guint32 pixel = *(guint32 *) (data + py * stride + px * 4);
        guint lum = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

        if (lum < 160)
          n++;
      }
  return n;
}

/* Every row lies whole inside the body of its page, rows follow each other without gaps, and
 * nothing is drawn in the margin between the body and the footer. */
static void
test_rows_not_cut (void)
{
  g_autoptr(JxReport) report = NULL;
  JxReportTable *deals = NULL;
  const double scale = 2;
  cairo_rectangle_t body;
  double width, height;
  guint n_pages;

  report = build_report (N_DEALS, &deals);
  jx_paper_get_size (JX_PAPER_LETTER, &width, &height);
  n_pages = jx_report_paginate (report, width, height);
  jx_report_get_body_area (report, &body);
  g_assert_cmpfloat (body.y, >, 60);
  g_assert_cmpfloat (body.y + body.height, <, height - 40);

  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      guint rows_here = 0;
      double previous_bottom = -1;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      jx_report_draw_page (report, cr, p);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (guint r = 0; r < jx_report_table_get_n_rows (deals); r++)
        {
          cairo_rectangle_t area;
          guint page;

          g_assert_true (jx_report_table_get_row_area (deals, r, &page, &area));
          if (page != p)
            continue;
          rows_here++;
          g_assert_cmpfloat (area.y, >=, body.y);
          g_assert_cmpfloat (area.y + area.height, <=, body.y + body.height + 1e-6);
          if (previous_bottom >= 0)
            g_assert_cmpfloat (fabs (area.y - previous_bottom), <, 1e-6);
          previous_bottom = area.y + area.height;
          /* The row's text is drawn inside its box. */
          g_assert_cmpuint (dark_pixels (surface, scale, area.x, area.y, area.width, area.height),
                            >, 20);
        }
      if (p > 0 && p + 1 < n_pages)
        g_assert_cmpuint (rows_here, >, 20);

      /* Between the body and the footer rule there is only paper. */
      g_assert_cmpuint (dark_pixels (surface, scale, 0, body.y + body.height + 1, width, 11), ==,
                        0);
      cairo_surface_destroy (surface);
    }
  /* Each row is on exactly one page, in order. */
  {
    guint last_page = 0;

    for (guint r = 0; r < jx_report_table_get_n_rows (deals); r++)
      {
        guint page;

        g_assert_true (jx_report_table_get_row_area (deals, r, &page, NULL));
        g_assert_cmpuint (page, >=, last_page);
        last_page = page;
      }
  }
}

/* Letter is shorter than A4: the same report takes at least as many pages, and both hold. */
static void
test_paper (void)
{
  g_autoptr(JxReport) report = build_report (N_DEALS, NULL);
  double width, height;
  guint a4, letter;
  JxPaper paper;

  jx_paper_get_size (JX_PAPER_A4, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.276), <, 0.01);
  a4 = jx_report_paginate (report, width, height);
  jx_paper_get_size (JX_PAPER_LETTER, &width, &height);
  letter = jx_report_paginate (report, width, height);
  g_assert_cmpuint (letter, >=, a4);
  g_assert_cmpuint (jx_report_get_n_pages (report), ==, letter);

  g_assert_true (jx_paper_from_name ("Letter", &paper));
  g_assert_cmpint (paper, ==, JX_PAPER_LETTER);
  g_assert_true (jx_paper_from_name ("a4", &paper));
  g_assert_cmpint (paper, ==, JX_PAPER_A4);
  g_assert_false (jx_paper_from_name ("a5", &paper));
}

/* A block that does not fit moves to the next page whole; a heading goes with it. */
static void
test_blocks_move (void)
{
  g_autoptr(JxReport) report = jx_report_new (NULL);
  JxReportTable *table;
  cairo_rectangle_t body, area;
  g_autoptr(GString) text = g_string_new (NULL);
  guint page;

  jx_report_set_title (report, "Blocks");
  table = jx_report_add_table (report, 1);
  for (guint i = 0; i < 10; i++)
    jx_report_table_add_row_va (table, "row", NULL);
  jx_report_add_chart (report, 10000, draw_bars_cb, (gpointer) jx_report_get_style (report),
                       NULL);
  jx_report_add_heading (report, "After the chart");
  table = jx_report_add_table (report, 1);
  jx_report_table_add_row_va (table, "first", NULL);
  jx_report_table_add_row_va (table, "second", NULL);

  /* The chart asks for more than a page: it gets a page of its own, cut to the body. */
  g_assert_cmpuint (jx_report_paginate (report, 595.276, 841.89), ==, 3);
  jx_report_get_body_area (report, &body);
  g_assert_true (jx_report_table_get_row_area (table, 0, &page, &area));
  g_assert_cmpuint (page, ==, 2);

  /* A paragraph longer than a page breaks between lines instead of being lost. */
  for (guint i = 0; i < 400; i++)
    g_string_append (text, "Long text 长文本 ");
  jx_report_add_paragraph (report, text->str);
  g_assert_cmpuint (jx_report_paginate (report, 595.276, 841.89), >=, 4);
}

static void
test_pdf_error (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(JxReport) report = build_report (10, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jx_report_write_pdf (report, path, JX_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  jx_test_remove_dir (dir);
}

/* The same report made in a child process with LANGUAGE=zh_CN. */
static void
test_chinese (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "zh.pdf", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  const char *self_argv[] = { self_path,
                              "--write-report", path, NULL };
  g_autofree char *out = jx_test_run_tool (self_argv, envp);
  g_auto(GStrv) pages = jx_test_pdf_pages (path, NULL);
  guint n_pages = g_strv_length (pages);
  gboolean cjk_embedded = FALSE;

  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (n_pages, >=, 6);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("第 %u 页，共 %u 页", p + 1, n_pages);

      g_assert_cmpuint (jx_test_count (pages[p], footer), ==, 1);
      g_assert_nonnull (strstr (pages[p], "制表日期：2026年11月27日"));
      g_assert_nonnull (strstr (pages[p], "筛选条件：Region East · Rep Wang Wei"));
      g_assert_nonnull (strstr (pages[p], "2026年10月1日 至 2026年12月31日"));
      g_assert_null (strstr (pages[p], "Page "));
    }
  g_assert_cmpuint (jx_test_count (pages[2], "Open deals by expected close（续）"), ==, 1);
  /* Dates are longer in Chinese; their column widens instead of wrapping them. */
  g_assert_nonnull (strstr (pages[2], "2026年11月20日"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "无数据"));

  g_free (jx_test_pdf_fonts (path, &cjk_embedded));
  g_assert_true (cjk_embedded);
  jx_test_remove_dir (dir);
}

/* Writes the test report and, when JX_TEST_REPORT_PNG names a folder, its pages as PNG. */
static int
write_report (const char *path)
{
  g_autoptr(JxReport) report = build_report (N_DEALS, NULL);
  g_autoptr(GError) error = NULL;
  const char *png_dir = g_getenv ("JX_TEST_REPORT_PNG");

  if (!jx_report_write_pdf (report, path, JX_PAPER_A4, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint p = 0; png_dir != NULL && p < jx_report_get_n_pages (report); p++)
    {
      g_autofree char *name = g_strdup_printf ("page-%02u.png", p + 1);
      g_autofree char *png = g_build_filename (png_dir, name, NULL);

      if (!jx_report_write_png (report, png, p, 2, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  self_path = argv[0];
  if (argc == 3 && g_strcmp0 (argv[1], "--write-report") == 0)
    return write_report (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/report/pdf-text", test_pdf_text);
  g_test_add_func ("/jx/report/rows-not-cut", test_rows_not_cut);
  g_test_add_func ("/jx/report/paper", test_paper);
  g_test_add_func ("/jx/report/blocks-move", test_blocks_move);
  g_test_add_func ("/jx/report/pdf-error", test_pdf_error);
  g_test_add_func ("/jx/report/chinese", test_chinese);
  return g_test_run ();
}
