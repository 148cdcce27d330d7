/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"
#include "jx-effort-chart.h"
#include "jx-pareto-chart.h"
#include "jx-region-chart.h"

/*
 * Painter geometry: bars and bands sit where the figures say, the layout's rectangles are
 * the pixels that get painted, and hit-testing finds them. With JX_TEST_PNG_DIR set, the demo
 * charts are also written there as PNG (light and dark) to look at.
 */

static cairo_surface_t *
paint (void (*draw) (gpointer, cairo_t *),
       gpointer layout,
       int      width,
       int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The colour of one pixel, 0..1 per channel. */
static JxColor
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value = *(guint32 *) (data + (int) y * stride + (int) x * 4);

  return (JxColor) { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                     (value & 0xff) / 255.0, ((value >> 24) & 0xff) / 255.0 };
}

static void
assert_color_near (JxColor a,
                   JxColor b)
{
  double d = fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue);

  if (d > 0.05)
    g_error ("colour (%.3f, %.3f, %.3f) is not (%.3f, %.3f, %.3f)", a.red, a.green, a.blue,
             b.red, b.green, b.blue);
}

static void
maybe_write_png (cairo_surface_t *surface,
                 const char      *name)
{
  const char *dir = g_getenv ("JX_TEST_PNG_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
    }
}

/* A hand-made curve: 10 customers, total 100, A = the first two (50 + 20 + 10 crosses 80%). */
static void
hand_pareto (JxPareto *p)
{
  static gint64 revenue[10] = { 5000, 2000, 1000, 800, 500, 300, 200, 100, 100, 0 };
  static double cumulative[10];
  static guint8 tier[10] = { JX_TIER_KEY, JX_TIER_KEY, JX_TIER_GROWTH, JX_TIER_KEY,
                             JX_TIER_MAINTAIN, JX_TIER_MAINTAIN, JX_TIER_DEFEND, JX_TIER_NONE,
                             JX_TIER_MAINTAIN, JX_TIER_NONE };
  gint64 running = 0;

  for (guint i = 0; i < 10; i++)
    {
      running += revenue[i];
      cumulative[i] = running / 10000.0;
    }
  *p = (JxPareto) { 10, revenue, cumulative, tier, 10000, 3, 3, 80, 15, (char *) "CNY" };
}

static void
test_pareto_geometry (void)
{
  JxPareto p;
  JxChartStyle style;
  JxParetoChartData data = { &p, NULL };
  g_autoptr(JxParetoLayout) layout = NULL;
  cairo_surface_t *surface;
  JxRect plot, band_a, band_b, band_c, lane;
  JxParetoHit hit;
  JxColor background;

  hand_pareto (&p);
  jx_chart_style_init_light (&style);
  layout = jx_pareto_layout_new (&data, &style, 800, 480);
  jx_pareto_layout_get_plot (layout, &plot);
  g_assert_cmpfloat (plot.width, >, 500);
  g_assert_cmpfloat (plot.height, >, 150);

  /* The bands split the plot at 3 and 6 customers out of 10. */
  jx_pareto_layout_get_band (layout, JX_ABC_A, &band_a);
  jx_pareto_layout_get_band (layout, JX_ABC_B, &band_b);
  jx_pareto_layout_get_band (layout, JX_ABC_C, &band_c);
  g_assert_cmpfloat_with_epsilon (band_a.width, plot.width * 0.3, 1e-6);
  g_assert_cmpfloat_with_epsilon (band_b.x, plot.x + plot.width * 0.3, 1e-6);
  g_assert_cmpfloat_with_epsilon (band_b.width, plot.width * 0.3, 1e-6);
  g_assert_cmpfloat_with_epsilon (band_c.width, plot.width * 0.4, 1e-6);
  g_assert_cmpfloat_with_epsilon (jx_pareto_layout_y_for_share (layout, 0.8),
                                  plot.y + plot.height * 0.2, 1e-6);

  surface = paint ((void (*) (gpointer, cairo_t *)) jx_pareto_layout_draw, layout, 800, 480);
  maybe_write_png (surface, "pareto-hand.png");

  /* The first bar goes up to ¥50 on an axis of ¥60 (steps of ¥20), and no further. */
  {
    double x = jx_pareto_layout_x_for_position (layout, 0.5);
    double top = jx_pareto_layout_y_for_revenue (layout, 5000);
    JxColor bar = jx_color_mix (&style.background, &style.accent, 0.6);

    g_assert_cmpfloat_with_epsilon (top, plot.y + plot.height / 6, 1e-6);
    assert_color_near (pixel (surface, x, plot.y + plot.height - 3), bar);
    assert_color_near (pixel (surface, x, top + 3), bar);
    assert_color_near (pixel (surface, x, top - 4),
                       jx_color_mix (&style.background, &style.good, 0.10));
  }
  /* The C band is tinted, above the short bars of C. */
  background = pixel (surface, jx_pareto_layout_x_for_position (layout, 8.5), plot.y + 10);
  assert_color_near (background, jx_color_mix (&style.background, &style.muted, 0.10));

  /* Hit-testing finds customer 5 (position 4) in B, and the Maintain lane under it. */
  g_assert_true (jx_pareto_layout_hit_test (layout, jx_pareto_layout_x_for_position (layout, 4.5),
                                            plot.y + plot.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JX_PARETO_HIT_BAR);
  g_assert_cmpuint (hit.first, ==, 4);
  g_assert_cmpuint (hit.last, ==, 4);
  g_assert_cmpint (hit.abc_class, ==, JX_ABC_B);
  g_assert_cmpint (hit.revenue, ==, 500);
  g_assert_cmpfloat_with_epsilon (hit.cumulative, 0.93, 1e-9);

  jx_pareto_layout_get_lane (layout, JX_TIER_MAINTAIN, &lane);
  g_assert_true (jx_pareto_layout_hit_test (layout, jx_pareto_layout_x_for_position (layout, 4.5),
                                            lane.y + lane.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JX_PARETO_HIT_TIER);
  g_assert_cmpint (hit.tier, ==, JX_TIER_MAINTAIN);
  g_assert_cmpuint (hit.tier_count, ==, 1);
  /* The lane is painted in the tier's colour where a Maintain customer is … */
  assert_color_near (pixel (surface, jx_pareto_layout_x_for_position (layout, 4.5),
                            lane.y + lane.height / 2),
                     jx_chart_tier_color (&style, JX_TIER_MAINTAIN));
  /* … and not where a Key customer is. */
  g_assert_false (fabs (pixel (surface, jx_pareto_layout_x_for_position (layout, 0.5),
                               lane.y + lane.height / 2).red -
                        jx_chart_tier_color (&style, JX_TIER_MAINTAIN).red) < 0.02);
  g_assert_false (jx_pareto_layout_hit_test (layout, 2, 2, &hit));
  cairo_surface_destroy (surface);
}

static void
test_pareto_empty (void)
{
  JxPareto p = { 0, NULL, NULL, NULL, 0, 0, 0, 80, 15, (char *) "CNY" };
  JxChartStyle style;
  JxParetoChartData data = { &p, "Empty" };
  g_autoptr(JxParetoLayout) layout = NULL;
  cairo_surface_t *surface;
  JxParetoHit hit;

  jx_chart_style_init_dark (&style);
  layout = jx_pareto_layout_new (&data, &style, 400, 300);
  surface = paint ((void (*) (gpointer, cairo_t *)) jx_pareto_layout_draw, layout, 400, 300);
  assert_color_near (pixel (surface, 2, 2), style.background);
  g_assert_false (jx_pareto_layout_hit_test (layout, 200, 150, &hit));
  cairo_surface_destroy (surface);
}

static void
test_effort_geometry (void)
{
  const JxEffortBar bars[] = {
    { JX_TIER_KEY, 10, 0.60, 0.30 },
    { JX_TIER_GROWTH, 20, 0.25, 0.30 },
    { JX_TIER_MAINTAIN, 40, 0.10, 0.25 },
    { JX_TIER_DEFEND, 5, 0.05, 0.15 },
    { JX_TIER_NONE, 0, 0, 0 },
  };
  JxEffortChartData data = { G_N_ELEMENTS (bars), bars, NULL };
  JxChartStyle style;
  g_autoptr(JxEffortLayout) layout = NULL;
  cairo_surface_t *surface;
  JxRect key_revenue, key_effort, growth_revenue;
  JxEffortHit hit;

  jx_chart_style_init_light (&style);
  layout = jx_effort_layout_new (&data, &style, 640, 360);
  jx_effort_layout_get_bar (layout, 0, JX_EFFORT_HIT_REVENUE, &key_revenue);
  jx_effort_layout_get_bar (layout, 0, JX_EFFORT_HIT_EFFORT, &key_effort);
  jx_effort_layout_get_bar (layout, 1, JX_EFFORT_HIT_REVENUE, &growth_revenue);
  /* Widths in proportion to the shares: 60% is twice 30%, 25% is 5/12 of 60%. */
  g_assert_cmpfloat_with_epsilon (key_revenue.width, 2 * key_effort.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (growth_revenue.width * 12, key_revenue.width * 5, 1e-6);
  g_assert_cmpfloat (key_effort.y, >, key_revenue.y);
  g_assert_cmpfloat (growth_revenue.y, >, key_effort.y);

  surface = paint ((void (*) (gpointer, cairo_t *)) jx_effort_layout_draw, layout, 640, 360);
  maybe_write_png (surface, "effort-hand.png");
  assert_color_near (pixel (surface, key_revenue.x + key_revenue.width / 2,
                            key_revenue.y + key_revenue.height / 2),
                     jx_chart_tier_color (&style, JX_TIER_KEY));
  g_assert_true (jx_effort_layout_hit_test (layout, key_effort.x + 3,
                                            key_effort.y + key_effort.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JX_EFFORT_HIT_EFFORT);
  g_assert_cmpint (hit.tier, ==, JX_TIER_KEY);
  g_assert_cmpfloat (hit.share, ==, 0.30);
  g_assert_false (jx_effort_layout_hit_test (layout, 1, 1, &hit));
  cairo_surface_destroy (surface);
}

static void
test_region_geometry (void)
{
  const JxRegionBar bars[] = {
    { "East", 18000000, 6000000, 0 },
    { "Shanghai", 9000000, 4500000, 1 },
    { "West", -1, 3000000, 0 },
  };
  JxRegionChartData data = { G_N_ELEMENTS (bars), bars, "CNY", NULL };
  JxChartStyle style;
  g_autoptr(JxRegionLayout) layout = NULL;
  cairo_surface_t *surface;
  JxRect east_potential, east_won, sh_won, west_won;
  JxRegionHit hit;

  jx_chart_style_init_light (&style);
  layout = jx_region_layout_new (&data, &style, 640, 300);
  jx_region_layout_get_bar (layout, 0, JX_REGION_HIT_POTENTIAL, &east_potential);
  jx_region_layout_get_bar (layout, 0, JX_REGION_HIT_WON, &east_won);
  jx_region_layout_get_bar (layout, 1, JX_REGION_HIT_WON, &sh_won);
  jx_region_layout_get_bar (layout, 2, JX_REGION_HIT_WON, &west_won);
  /* One scale: 6M is a third of 18M, 4.5M three quarters of 6M, 3M half of 6M. */
  g_assert_cmpfloat_with_epsilon (east_won.width * 3, east_potential.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (sh_won.width * 4, east_won.width * 3, 1e-6);
  g_assert_cmpfloat_with_epsilon (west_won.width * 2, east_won.width, 1e-6);

  surface = paint ((void (*) (gpointer, cairo_t *)) jx_region_layout_draw, layout, 640, 300);
  maybe_write_png (surface, "regions-hand.png");
  assert_color_near (pixel (surface, east_won.x + east_won.width / 2,
                            east_won.y + east_won.height / 2), style.accent);
  g_assert_true (jx_region_layout_hit_test (layout, east_potential.x + east_potential.width - 4,
                                            east_potential.y + 2, &hit));
  g_assert_cmpint (hit.kind, ==, JX_REGION_HIT_POTENTIAL);
  g_assert_cmpuint (hit.index, ==, 0);
  g_assert_true (jx_region_layout_hit_test (layout, west_won.x + 2,
                                            west_won.y + west_won.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, JX_REGION_HIT_WON);
  g_assert_cmpuint (hit.index, ==, 2);
  cairo_surface_destroy (surface);
}

/* The three charts on demo data, light and dark; they must lay out without overlap of the
 * plot and the labels, and (with JX_TEST_PNG_DIR) end up as PNGs to look at. */
static void
test_demo_charts (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxPareto) pareto = NULL;
  g_autoptr(JxAllocation) allocation = NULL;
  g_autoptr(JxRegionTree) tree = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GArray) region_bars = g_array_new (FALSE, FALSE, sizeof (JxRegionBar));
  g_autofree char *currency = NULL;
  JxEffortBar effort_bars[JX_N_TIERS];
  JxDemoOptions options;
  GDate today;
  int scale = 1;

  if (g_getenv ("JX_TEST_PNG_SCALE") != NULL)
    scale = atoi (g_getenv ("JX_TEST_PNG_SCALE"));
  jx_test_date (&today, "2026-11-27");
  jx_demo_options_init (&options, &today);
  options.scale = MAX (scale, 1);
  options.chinese_names = g_getenv ("JX_TEST_PNG_CHINESE") != NULL;
  g_assert_true (jx_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  pareto = jx_pareto_new (base);
  allocation = jx_allocation_compute (base, &error);
  g_assert_no_error (error);
  tree = jx_region_tree_new (store, &today, &error);
  g_assert_no_error (error);
  currency = jx_store_get_setting (store, "currency");
  regions = jx_region_tree_flatten (tree);
  for (guint i = 0; i < regions->len; i++)
    {
      JxRegion *r = regions->pdata[i];
      JxRegionBar bar = { jx_region_get_name (r), jx_region_get_potential (r),
                          jx_region_get_won_12m (r), jx_region_get_depth (r) };
      g_array_append_val (region_bars, bar);
    }
  jx_effort_bars_from_allocation (allocation, effort_bars);

  for (int dark = 0; dark < 2; dark++)
    {
      JxChartStyle style;
      JxParetoChartData pareto_data = { pareto, NULL };
      JxEffortChartData effort_data = { JX_N_TIERS, effort_bars, NULL };
      JxRegionChartData region_data = { region_bars->len, (JxRegionBar *) region_bars->data,
                                        currency, NULL };
      g_autoptr(JxParetoLayout) pl = NULL;
      g_autoptr(JxEffortLayout) el = NULL;
      g_autoptr(JxRegionLayout) rl = NULL;
      cairo_surface_t *surface;
      g_autofree char *pname = g_strdup_printf ("pareto-%s.png", dark ? "dark" : "light");
      g_autofree char *ename = g_strdup_printf ("effort-%s.png", dark ? "dark" : "light");
      g_autofree char *rname = g_strdup_printf ("regions-%s.png", dark ? "dark" : "light");
      JxRect plot, band_a;

      if (dark)
        jx_chart_style_init_dark (&style);
      else
        jx_chart_style_init_light (&style);

      pl = jx_pareto_layout_new (&pareto_data, &style, 960, 540);
      jx_pareto_layout_get_plot (pl, &plot);
      jx_pareto_layout_get_band (pl, JX_ABC_A, &band_a);
      /* Demo revenue is concentrated: A is well under half of the customers. */
      g_assert_cmpfloat (band_a.width, >, 0);
      g_assert_cmpfloat (band_a.width, <, plot.width / 2);
      surface = paint ((void (*) (gpointer, cairo_t *)) jx_pareto_layout_draw, pl, 960, 540);
      maybe_write_png (surface, pname);
      cairo_surface_destroy (surface);

      el = jx_effort_layout_new (&effort_data, &style, 720, 380);
      surface = paint ((void (*) (gpointer, cairo_t *)) jx_effort_layout_draw, el, 720, 380);
      maybe_write_png (surface, ename);
      cairo_surface_destroy (surface);

      rl = jx_region_layout_new (&region_data, &style, 720, 320);
      surface = paint ((void (*) (gpointer, cairo_t *)) jx_region_layout_draw, rl, 720, 320);
      maybe_write_png (surface, rname);
      cairo_surface_destroy (surface);
    }
  g_clear_object (&tree);
  g_clear_object (&base);
  g_clear_object (&store);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/tier-charts/pareto-geometry", test_pareto_geometry);
  g_test_add_func ("/jx/tier-charts/pareto-empty", test_pareto_empty);
  g_test_add_func ("/jx/tier-charts/effort-geometry", test_effort_geometry);
  g_test_add_func ("/jx/tier-charts/region-geometry", test_region_geometry);
  g_test_add_func ("/jx/tier-charts/demo", test_demo_charts);
  return g_test_run ();
}
