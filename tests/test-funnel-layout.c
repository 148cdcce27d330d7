/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"
#include "jx-funnel-layout.h"

/* A funnel whose widths are easy to check: 100, 60, 30, 15, 9 reached; 6 won. */
static const JxFunnelBand bands[] = {
  { "Prospecting", 10, 100, 5000000, 0.60, 40, 12, 600000, 3, 20 },
  { "Qualified", 25, 60, 4000000, 0.50, 30, 8, 500000, 2, 15 },
  { "Solution", 50, 30, 3000000, 0.50, 15, 6, 400000, 1, 10 },
  { "Proposal", 70, 15, 2000000, 0.60, 6, 4, 300000, 0, 5 },
  { "Negotiation", 85, 9, 1500000, 6.0 / 9, 3, 2, 200000, 0, 2 },
};

static void
init_data (JxFunnelChartData *data,
           JxFunnelMode       mode)
{
  memset (data, 0, sizeof *data);
  data->bands = bands;
  data->n_bands = G_N_ELEMENTS (bands);
  data->cohort_won = 6;
  data->cohort_won_amount = 1000000;
  data->won_count = 7;
  data->won_amount = 1100000;
  data->lost_count = 21;
  data->win_rate = 0.25;
  data->currency = "CNY";
  data->mode = mode;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (int) y * stride + (int) x * 4);
}

static gboolean
same_rgb (guint32 a,
          guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 6)
      return FALSE;
  return TRUE;
}

static cairo_surface_t *
render (JxFunnelLayout *layout,
        int             width,
        int             height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  jx_funnel_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("JX_TEST_PNG_DIR") != NULL)
    {
      static int n;
      g_autofree char *name = g_strdup_printf ("funnel-%d.png", n++);
      g_autofree char *path = g_build_filename (g_getenv ("JX_TEST_PNG_DIR"), name, NULL);
      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

/* Each band's top edge is as wide as its figure; pixels just inside are the band's colour,
 * pixels just outside the background. */
static void
check_widths (JxFunnelMode  mode,
              gboolean      dark)
{
  JxFunnelChartData data;
  JxChartStyle style;
  g_autoptr(JxFunnelLayout) layout = NULL;
  cairo_surface_t *surface;
  guint32 background;
  double first_w = 0;

  init_data (&data, mode);
  if (dark)
    jx_chart_style_init_dark (&style);
  else
    jx_chart_style_init_light (&style);
  layout = jx_funnel_layout_new (&data, &style, 800, 500);
  surface = render (layout, 800, 500);
  background = pixel (surface, 2, 2);

  g_assert_cmpuint (jx_funnel_layout_get_n_bands (layout), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      double cx, top, bottom, top_w, bottom_w, y;
      double value = mode == JX_FUNNEL_BY_AMOUNT ? bands[i].reached_amount : bands[i].reached;
      double first = mode == JX_FUNNEL_BY_AMOUNT ? bands[0].reached_amount : bands[0].reached;
      guint32 inside_left, inside_right;

      g_assert_true (jx_funnel_layout_get_band_shape (layout, i, &cx, &top, &bottom, &top_w,
                                                      &bottom_w));
      if (i == 0)
        first_w = top_w;
      g_assert_cmpfloat_with_epsilon (top_w / first_w, value / first, 1e-9);
      g_assert_cmpfloat (bottom, >, top + 10);
      /* The band narrows to the next one's width. */
      if (i + 1 < 5)
        {
          double next = mode == JX_FUNNEL_BY_AMOUNT ? bands[i + 1].reached_amount
                                                    : bands[i + 1].reached;
          g_assert_cmpfloat_with_epsilon (bottom_w / first_w, next / first, 1e-9);
        }

      /* Sample a few pixels below the top edge (the corners are rounded). */
      y = top + 5;
      {
        double half = top_w / 2 - (top_w - bottom_w) / 2 * (y - top) / (bottom - top);

        inside_left = pixel (surface, cx - half + 3, y);
        inside_right = pixel (surface, cx + half - 3, y);
        g_assert_false (same_rgb (inside_left, background));
        g_assert_false (same_rgb (inside_right, background));
        g_assert_true (same_rgb (inside_left, inside_right));
        g_assert_true (same_rgb (pixel (surface, cx - half - 3, y), background));
        g_assert_true (same_rgb (pixel (surface, cx + half + 3, y), background));
      }
    }
  cairo_surface_destroy (surface);
}

static void
test_widths_count (void)
{
  check_widths (JX_FUNNEL_BY_COUNT, FALSE);
}

static void
test_widths_amount_dark (void)
{
  check_widths (JX_FUNNEL_BY_AMOUNT, TRUE);
}

/* Non-background pixels inside a rectangle: the label was drawn there. */
static int
ink_in (cairo_surface_t         *surface,
        const cairo_rectangle_t *r,
        guint32                  background)
{
  int n = 0;

  for (int y = (int) r->y; y < (int) (r->y + r->height); y++)
    for (int x = (int) r->x; x < (int) (r->x + r->width); x++)
      if (!same_rgb (pixel (surface, x, y), background))
        n++;
  return n;
}

static void
test_labels (void)
{
  JxFunnelChartData data;
  JxChartStyle style;
  g_autoptr(JxFunnelLayout) layout = NULL;
  cairo_surface_t *surface;
  guint32 background;
  cairo_rectangle_t rect;
  const char *text;

  init_data (&data, JX_FUNNEL_BY_COUNT);
  jx_chart_style_init_light (&style);
  layout = jx_funnel_layout_new (&data, &style, 800, 500);
  surface = render (layout, 800, 500);
  background = pixel (surface, 2, 2);

  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (jx_funnel_layout_get_label (layout, i, JX_FUNNEL_LABEL_NAME, &rect, &text));
      g_assert_cmpstr (text, ==, bands[i].name);
      g_assert_cmpint (ink_in (surface, &rect, background), >, 20);
      g_assert_true (jx_funnel_layout_get_label (layout, i, JX_FUNNEL_LABEL_VALUE, &rect, &text));
      g_assert_true (g_str_has_prefix (text, i == 0 ? "100 · " : i == 1 ? "60 · " : ""));
      g_assert_cmpint (ink_in (surface, &rect, background), >, 20);
      g_assert_true (jx_funnel_layout_get_label (layout, i, JX_FUNNEL_LABEL_CONVERSION, &rect, &text));
      g_assert_cmpint (ink_in (surface, &rect, background), >, 20);
      g_assert_cmpfloat (rect.x + rect.width, <=, 800);
    }
  g_assert_true (jx_funnel_layout_get_label (layout, 0, JX_FUNNEL_LABEL_CONVERSION, NULL, &text));
  g_assert_nonnull (strstr (text, "60.0%"));
  g_assert_nonnull (strstr (text, "40"));
  g_assert_true (jx_funnel_layout_get_label (layout, 0, JX_FUNNEL_LABEL_VALUE, NULL, &text));
  g_assert_nonnull (strstr (text, "¥50.0K"));

  /* Outcomes, hover and tooltips. */
  g_assert_true (jx_funnel_layout_get_outcome_rect (layout, JX_FUNNEL_HIT_WON, &rect));
  g_assert_cmpint (jx_funnel_layout_hit_test (layout, rect.x + rect.width / 2,
                                              rect.y + rect.height / 2), ==, JX_FUNNEL_HIT_WON);
  g_assert_cmpint (ink_in (surface, &rect, background), >, 100);
  g_assert_true (jx_funnel_layout_get_outcome_rect (layout, JX_FUNNEL_HIT_LOST, &rect));
  g_assert_cmpint (jx_funnel_layout_hit_test (layout, rect.x + 5, rect.y + 5), ==, JX_FUNNEL_HIT_LOST);
  for (guint i = 0; i < 5; i++)
    {
      double cx, top, bottom;
      g_autofree char *tip = NULL;

      jx_funnel_layout_get_band_shape (layout, i, &cx, &top, &bottom, NULL, NULL);
      g_assert_cmpint (jx_funnel_layout_hit_test (layout, cx, (top + bottom) / 2), ==, i);
      g_assert_cmpint (jx_funnel_layout_hit_test (layout, 20, (top + bottom) / 2), ==, i);
      tip = jx_funnel_layout_get_tooltip (layout, i);
      g_assert_nonnull (strstr (tip, bands[i].name));
    }
  {
    g_autofree char *tip = jx_funnel_layout_get_tooltip (layout, JX_FUNNEL_HIT_WON);
    g_assert_nonnull (strstr (tip, "25.0%"));
  }
  g_assert_cmpint (jx_funnel_layout_hit_test (layout, -5, 10), ==, JX_FUNNEL_HIT_NONE);
  cairo_surface_destroy (surface);
}

/* Drawn with an offset on a larger surface, nothing lands outside the layout's area. */
static void
test_stays_inside (void)
{
  static const JxFunnelBand wide[] = {
    { "初步接触（一个很长很长很长很长很长很长的阶段名称）", 10, 1000000, 999999999999, NAN, 0, 1, 1, 0, 0 },
    { "需求确认", 25, 1, 1, 0, 999999, 0, 0, 0, 0 },
  };
  JxFunnelChartData data;
  JxChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 400);
  cairo_t *cr = cairo_create (surface);
  const int ox = 50, oy = 40, w = 400, h = 300;

  init_data (&data, JX_FUNNEL_BY_AMOUNT);
  data.bands = wide;
  data.n_bands = G_N_ELEMENTS (wide);
  data.won_count = 123456789;
  data.won_amount = G_GINT64_CONSTANT (99999999999999);
  jx_chart_style_init_dark (&style);
  for (int round = 0; round < 3; round++)
    {
      g_autoptr(JxFunnelLayout) layout = NULL;
      double size = round == 0 ? 1.0 : round == 1 ? 0.4 : 0.15;

      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      layout = jx_funnel_layout_new (&data, &style, w * size, h * size);
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      jx_funnel_layout_draw (layout, cr);
      cairo_restore (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < 400; y++)
        for (int x = 0; x < 500; x++)
          if (x < ox || y < oy || x >= ox + w * size || y >= oy + h * size)
            g_assert_cmphex (pixel (surface, x, y) >> 24, ==, 0);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* And an empty funnel says so instead of drawing bands. */
  {
    g_autoptr(JxFunnelLayout) layout = NULL;

    init_data (&data, JX_FUNNEL_BY_COUNT);
    data.n_bands = 0;
    layout = jx_funnel_layout_new (&data, &style, 300, 200);
    g_assert_cmpint (jx_funnel_layout_hit_test (layout, 150, 100), ==, JX_FUNNEL_HIT_NONE);
    cairo_surface_destroy (render (layout, 300, 200));
  }
}

/* From a real report, in Chinese: names reach the layout, layout and drawing are quick. */
static void
test_from_report (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "chart.db", JX_STORE_OPEN_DEFAULT, 1);
  g_autoptr(JxFunnelReport) report = NULL;
  g_autoptr(JxFunnelLayout) layout = NULL;
  JxFunnelChartData data;
  JxChartStyle style;
  JxDealFilter filter;
  const char *text;
  GDate today;

  jx_test_exec (store, "UPDATE stages SET name = '商务谈判' WHERE id = 5");
  jx_deal_filter_init (&filter);
  jx_test_date (&today, "2026-11-27");
  report = jx_funnel_compute (store, &filter, &today, NULL);
  jx_funnel_chart_data_init (&data, report, JX_FUNNEL_BY_COUNT);
  jx_chart_style_init_light (&style);
  layout = jx_funnel_layout_new (&data, &style, 640, 420);
  g_assert_true (jx_funnel_layout_get_label (layout, 4, JX_FUNNEL_LABEL_NAME, NULL, &text));
  g_assert_cmpstr (text, ==, "商务谈判");
  g_assert_true (jx_funnel_layout_get_label (layout, 0, JX_FUNNEL_LABEL_VALUE, NULL, &text));
  {
    g_autofree char *count = jx_number_format (report->stages[0].reached);
    g_assert_true (g_str_has_prefix (text, count));
  }
  cairo_surface_destroy (render (layout, 640, 420));
  jx_funnel_chart_data_clear (&data);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/funnel-layout/widths-count", test_widths_count);
  g_test_add_func ("/jx/funnel-layout/widths-amount-dark", test_widths_amount_dark);
  g_test_add_func ("/jx/funnel-layout/labels", test_labels);
  g_test_add_func ("/jx/funnel-layout/stays-inside", test_stays_inside);
  g_test_add_func ("/jx/funnel-layout/from-report", test_from_report);
  return g_test_run ();
}
