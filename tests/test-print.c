/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-funnel-report.h"
#include "jx-print-operation.h"
#include "jx-ui-test-util.h"

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return jx_test_run_tool (argv, NULL);
}

static JxReport *
make_report (void)
{
  JxReport *report = jx_report_new (NULL);
  JxReportTable *table;
  GDate made;

  jx_test_date (&made, "2026-11-27");
  jx_report_set_company (report, "Acme Trading 精细");
  jx_report_set_title (report, "Print Test");
  jx_report_set_made_on (report, &made);
  jx_report_add_heading (report, "Stages");
  table = jx_report_add_table (report, 2);
  jx_report_table_set_column (table, 0, "Stage", JX_REPORT_ALIGN_START, 2);
  jx_report_table_set_column (table, 1, "Deals", JX_REPORT_ALIGN_END, 1);
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %03d 阶段", i);
      g_autofree char *count = g_strdup_printf ("%d", i * 7);
      jx_report_table_add_row_va (table, name, count, NULL);
    }
  return report;
}

/* The GUI's export (GtkPrintOperation) and the CLI's writer give the same pages. */
static void
test_same_text (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *via_gtk = g_build_filename (dir, "gtk.pdf", NULL);
  g_autofree char *via_cli = g_build_filename (dir, "cli.pdf", NULL);
  g_autoptr(JxReport) report = make_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (jx_print_report_to_pdf (report, via_gtk, JX_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_true (jx_report_write_pdf (report, via_cli, JX_PAPER_A4, &error));
  g_assert_no_error (error);
  a = pdf_text (via_gtk);
  b = pdf_text (via_cli);
  g_assert_nonnull (strstr (a, "Row 119 阶段"));
  g_assert_nonnull (strstr (a, "Acme Trading 精细"));
  g_assert_cmpstr (a, ==, b);
  jx_test_remove_dir (dir);
}

/* The Funnel view's Print… path (GtkPrintOperation, export action) and `jingxi-cli report
 * funnel` give the same pages for the same filter. */
static void
test_funnel_report_gui_and_cli (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *via_gtk = g_build_filename (dir, "gtk.pdf", NULL);
  g_autofree char *via_cli = g_build_filename (dir, "cli.pdf", NULL);
  g_autoptr(JxStore) store = jx_test_open_new (dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JxDealFilter filter;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  jx_deal_filter_init (&filter);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-10-01", "2026-12-31", &error));
  report = jx_funnel_report_new (store, &filter, &today, &error);
  g_assert_no_error (error);
  g_assert_true (jx_print_report_to_pdf (report, via_gtk, JX_PAPER_A4, &error));
  g_assert_no_error (error);

  g_assert_cmpint (jx_test_run_cli (NULL, NULL, "--db", db, "report", "funnel", "--pdf", via_cli,
                                    "--from", "2026-10-01", "--to", "2026-12-31", "--today",
                                    "2026-11-27", NULL), ==, 0);

  a = pdf_text (via_gtk);
  b = pdf_text (via_cli);
  g_assert_nonnull (strstr (a, "Prospecting"));
  g_assert_cmpstr (a, ==, b);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init (NULL, NULL, NULL))
    return g_test_run ();
  g_test_add_func ("/jx/print/same-text", test_same_text);
  g_test_add_func ("/jx/print/funnel-report-gui-and-cli", test_funnel_report_gui_and_cli);
  return g_test_run ();
}
