/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"
#include "jx-yearly-revenue-chart.h"

/* The customer page's revenue-by-year painter on hand-made years. */

static void
test_bars (void)
{
  /* 2023 and 2026 with revenue, 2024 missing (a gap), 2025 with nothing won. */
  const JxRevenueYear years[] = {
    { 2023, 400000, 2 },
    { 2025, 0, 0 },
    { 2026, 1000000, 5 },
  };
  JxYearlyRevenueData data = { years, G_N_ELEMENTS (years), "CNY" };
  JxChartStyle style;
  g_autoptr(JxYearlyRevenueLayout) layout = NULL;
  JxRect bars[4];

  jx_chart_style_init_light (&style);
  layout = jx_yearly_revenue_layout_new (&data, &style, 400, 200);
  for (guint i = 0; i < 4; i++)
    g_assert_true (jx_yearly_revenue_layout_get_bar (layout, i, &bars[i]));
  g_assert_false (jx_yearly_revenue_layout_get_bar (layout, 4, &bars[0]));

  /* Every year of the span, in order, the gap year included. */
  g_assert_cmpint (jx_yearly_revenue_layout_get_year (layout, 0)->year, ==, 2023);
  g_assert_cmpint (jx_yearly_revenue_layout_get_year (layout, 1)->year, ==, 2024);
  g_assert_cmpint (jx_yearly_revenue_layout_get_year (layout, 1)->won, ==, 0);
  g_assert_cmpint (jx_yearly_revenue_layout_get_year (layout, 3)->deals, ==, 5);

  /* Heights in proportion to revenue; empty years have no bar; one baseline. */
  g_assert_cmpfloat (bars[3].height, >, 50);
  g_assert_cmpfloat (fabs (bars[0].height / bars[3].height - 0.4), <, 1e-9);
  g_assert_cmpfloat (bars[1].height, ==, 0);
  g_assert_cmpfloat (bars[2].height, ==, 0);
  g_assert_cmpfloat (fabs ((bars[0].y + bars[0].height) - (bars[3].y + bars[3].height)), <, 1e-9);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat (bars[i].x, >, bars[i - 1].x + bars[i - 1].width);

  /* The pointer over a bar finds its year; outside the chart, nothing. */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (jx_yearly_revenue_layout_hit_test (layout, bars[i].x + bars[i].width / 2,
                                                        150), ==, (int) i);
  g_assert_cmpint (jx_yearly_revenue_layout_hit_test (layout, 2, 100), ==, -1);
  g_assert_cmpint (jx_yearly_revenue_layout_hit_test (layout, 200, 1), ==, -1);

  /* It draws: the tallest bar's middle is painted in the accent colour. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
    cairo_t *cr = cairo_create (surface);
    int x = (int) (bars[3].x + bars[3].width / 2);
    int y = (int) (bars[3].y + bars[3].height / 2);
    guint32 pixel;

    jx_yearly_revenue_layout_draw (layout, cr);
    cairo_surface_flush (surface);
    pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                          y * cairo_image_surface_get_stride (surface) + x * 4);
    g_assert_cmphex (pixel & 0xffffff, ==, 0x1c71d8);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_empty (void)
{
  JxYearlyRevenueData data = { NULL, 0, "CNY" };
  JxChartStyle style;
  g_autoptr(JxYearlyRevenueLayout) layout = NULL;
  JxRect bar;

  jx_chart_style_init_dark (&style);
  layout = jx_yearly_revenue_layout_new (&data, &style, 300, 150);
  g_assert_false (jx_yearly_revenue_layout_get_bar (layout, 0, &bar));
  g_assert_cmpint (jx_yearly_revenue_layout_hit_test (layout, 150, 75), ==, -1);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 150);
    cairo_t *cr = cairo_create (surface);

    jx_yearly_revenue_layout_draw (layout, cr);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/yearly-revenue-chart/bars", test_bars);
  g_test_add_func ("/jx/yearly-revenue-chart/empty", test_empty);
  return g_test_run ();
}
