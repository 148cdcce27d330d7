/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "jx-core.h"
#include "jx-report.h"

/*
 * Builds a report of about twenty A4 pages, shaped like the funnel report (key figures, two
 * charts, a stage table, breakdowns by region and by rep, a long list of stalled deals), and
 * writes it as PDF. Prints the time to build, paginate and write, the page count and the
 * peak RSS. Usage: bench-report [OUT.pdf]
 */

#define N_STALLED 560
#define N_REPS    64
#define N_REGIONS 24

static const char *const stages[] = {
  "Lead", "Qualified 已确认", "Proposal", "Negotiation 谈判", "Contract", "Won 赢单",
};

static void
draw_funnel_cb (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  data)
{
  const JxChartStyle *style = data;
  guint n = G_N_ELEMENTS (stages);
  double band = height / n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double w = (width - 120) * (1.0 - 0.15 * i);
      char label[64];

      cairo_rectangle (cr, 120 + (width - 120 - w) / 2, i * band + 2, w, band - 4);
      jx_color_set_source (cr, &style->series[i % JX_N_SERIES_COLORS]);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%s", stages[i]);
      layout = jx_chart_text_layout (cr, style, label, 0.75, FALSE);
      jx_color_set_source (cr, &style->foreground);
      cairo_move_to (cr, 0, i * band + band / 2 - 6);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_trend_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  data)
{
  const JxChartStyle *style = data;

  for (guint i = 0; i < 52; i++)
    {
      double h = (height - 20) * (0.3 + 0.6 * ((i * 37) % 52) / 52.0);

      cairo_rectangle (cr, i * width / 52 + 1, height - 14 - h, width / 52 - 2, h);
    }
  jx_color_set_source (cr, &style->series[0]);
  cairo_fill (cr);
  for (guint i = 0; i < 13; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      char label[16];

      g_snprintf (label, sizeof label, "W%u", i * 4 + 1);
      layout = jx_chart_text_layout (cr, style, label, 0.65, FALSE);
      jx_color_set_source (cr, &style->muted);
      cairo_move_to (cr, i * 4 * width / 52, height - 12);
      pango_cairo_show_layout (cr, layout);
    }
}

static JxReport *
build (void)
{
  JxReport *report = jx_report_new (NULL);
  const JxReportFigure figures[] = {
    { "Win rate", "31.4%", "vs 28.0% last quarter" },
    { "Velocity", "¥86,120/day", NULL },
    { "Weighted pipeline", "¥12.48M", NULL },
    { "Coverage", "2.6×", "of the remaining target" },
    { "Mean days to win", "47", "median 41" },
  };
  JxReportTable *table;
  JxPeriod period;
  GDate today;

  jx_date_parse_iso ("2026-11-27", &today);
  jx_date_parse_iso ("2026-10-01", &period.from);
  jx_date_parse_iso ("2026-12-31", &period.to);
  jx_report_set_company (report, "Northwind Trading 北风贸易");
  jx_report_set_title (report, "Funnel report");
  jx_report_set_period (report, &period);
  jx_report_set_filters (report, "All regions; all reps");
  jx_report_set_made_on (report, &today);

  jx_report_add_heading (report, "Funnel");
  jx_report_add_figures (report, figures, G_N_ELEMENTS (figures));
  jx_report_add_chart (report, 220, draw_funnel_cb, (gpointer) jx_report_get_style (report),
                       NULL);
  table = jx_report_add_table (report, 8);
  jx_report_table_set_column (table, 0, "Stage", JX_REPORT_ALIGN_START, 2);
  jx_report_table_set_column (table, 1, "Count", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 2, "Amount", JX_REPORT_ALIGN_END, 1.6);
  jx_report_table_set_column (table, 3, "Reached", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 4, "Conversion", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 5, "Mean days", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 6, "Median days", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 7, "Stalled", JX_REPORT_ALIGN_END, 1);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *amount = jx_money_format ((gint64) (9 - i) * 123456789, "CNY");

      jx_report_table_add_row_va (table, stages[i], "1,204", amount, "3,310", "64.2%", "18.5",
                                  "14", "37", NULL);
    }
  jx_report_add_subheading (report, "Deals won per week");
  jx_report_add_chart (report, 160, draw_trend_cb, (gpointer) jx_report_get_style (report), NULL);

  jx_report_add_heading (report, "By region");
  table = jx_report_add_table (report, 5);
  jx_report_table_set_column (table, 0, "Region", JX_REPORT_ALIGN_START, 2);
  jx_report_table_set_column (table, 1, "Won", JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, 2, "Win rate", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 3, "Open pipeline", JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, 4, "Weighted", JX_REPORT_ALIGN_END, 1.5);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Region %u 区域", i + 1);
      g_autofree char *won = jx_money_format ((gint64) (i + 3) * 98765432, "CNY");
      g_autofree char *open = jx_money_format ((gint64) (i + 5) * 87654321, "CNY");
      g_autofree char *weighted = jx_money_format ((gint64) (i + 5) * 34567890, "CNY");

      jx_report_table_add_row_va (table, name, won, "31.0%", open, weighted, NULL);
    }

  jx_report_add_heading (report, "By rep");
  table = jx_report_add_table (report, 5);
  jx_report_table_set_column (table, 0, "Rep", JX_REPORT_ALIGN_START, 2);
  jx_report_table_set_column (table, 1, "Won", JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, 2, "Win rate", JX_REPORT_ALIGN_END, 1);
  jx_report_table_set_column (table, 3, "Open pipeline", JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, 4, "Weighted", JX_REPORT_ALIGN_END, 1.5);
  for (guint i = 0; i < N_REPS; i++)
    {
      g_autofree char *name = g_strdup_printf (i % 2 ? "Rep %u Wang" : "销售代表 %u 号", i + 1);
      g_autofree char *won = jx_money_format ((gint64) (i + 3) * 9876543, "CNY");
      g_autofree char *open = jx_money_format ((gint64) (i + 5) * 8765432, "CNY");
      g_autofree char *weighted = jx_money_format ((gint64) (i + 5) * 3456789, "CNY");

      jx_report_table_add_row_va (table, name, won, "29.5%", open, weighted, NULL);
    }

  jx_report_add_heading (report, "Stalled deals");
  table = jx_report_add_table (report, 6);
  jx_report_table_set_column (table, 0, "Ref", JX_REPORT_ALIGN_START, 1);
  jx_report_table_set_column (table, 1, "Deal", JX_REPORT_ALIGN_START, 3);
  jx_report_table_set_column (table, 2, "Owner", JX_REPORT_ALIGN_START, 1.4);
  jx_report_table_set_column (table, 3, "Stage", JX_REPORT_ALIGN_START, 1.4);
  jx_report_table_set_column (table, 4, "Amount", JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, 5, "Days", JX_REPORT_ALIGN_END, 0.8);
  for (guint i = 0; i < N_STALLED; i++)
    {
      g_autofree char *ref = g_strdup_printf ("D-%07u", i * 1907 + 11);
      g_autofree char *title = g_strdup_printf (i % 2 ? "Managed service for customer %u"
                                                      : "华东精密第%u号产线改造", i + 1);
      g_autofree char *amount = jx_money_format ((gint64) ((i * 7919) % 5000 + 10) * 10000,
                                                 "CNY");
      g_autofree char *days = g_strdup_printf ("%u", 30 + i % 200);

      jx_report_table_add_row_va (table, ref, title, i % 3 ? "Wang Wei" : "李娜",
                                  stages[i % 5], amount, days, NULL);
    }
  return report;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start, built, paginated, written;
  struct rusage usage;
  double width, height;
  guint n_pages;

  jx_i18n_init ();
  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("jingxi-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "report.pdf", NULL);
    }

  start = g_get_monotonic_time ();
  report = build ();
  built = g_get_monotonic_time ();
  jx_paper_get_size (JX_PAPER_A4, &width, &height);
  n_pages = jx_report_paginate (report, width, height);
  paginated = g_get_monotonic_time ();
  if (!jx_report_write_pdf (report, path, JX_PAPER_A4, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  written = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  printf ("report: %u pages (A4), %u table rows\n", n_pages,
          (guint) G_N_ELEMENTS (stages) + N_REGIONS + N_REPS + N_STALLED);
  printf ("build:      %8.3f s\n", (built - start) / 1e6);
  printf ("paginate:   %8.3f s\n", (paginated - built) / 1e6);
  printf ("write PDF:  %8.3f s (paginates again, then draws every page)\n",
          (written - paginated) / 1e6);
  printf ("total:      %8.3f s (build + write PDF)\n",
          (built - start + written - paginated) / 1e6);
  printf ("peak RSS:   %8.1f MiB\n", usage.ru_maxrss / 1024.0);
  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  else
    printf ("written to %s\n", path);
  return 0;
}
