/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"
#include "jx-chart-util.h"

/* The drawing helpers the painters share. */

/* The colour of one pixel of an opaque surface, as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

/* A legend is a line of swatches, each followed by its label: the swatches stand where the
 * labels before them leave room, in their own colours, on the line's middle. */
static void
test_legend (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 40);
  cairo_t *cr = cairo_create (surface);
  JxChartStyle style;
  const JxColor red = { 1, 0, 0, 1 };
  const JxColor blue = { 0, 0, 1, 1 };
  const char *labels[2] = { "Won", "Market potential" };
  const JxColor *colors[2] = { &red, &blue };
  double second;

  jx_chart_style_init_light (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  jx_chart_draw_legend (cr, &style, 10, 20, labels, colors, 2);
  /* Swatch, gap, label, gap: 22 + the label's width + 22. */
  second = 10 + 22 + jx_chart_text_width (cr, &style, "Won", 0.85, FALSE) + 22;
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The swatch is 10 high, 15 to 25, and 16 wide, 10 to 26. */
  g_assert_cmphex (pixel (surface, 18, 16), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 18, 23), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 18, 12), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 18, 27), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 29, 20), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, (int) second + 8, 20), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, (int) second - 3, 20), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/chart-util/legend", test_legend);
  return g_test_run ();
}
