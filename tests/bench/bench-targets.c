/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-targets DB
 *
 * On a scale-300 demo database (jingxi-cli --db DB init --demo --scale 300 --today 2026-11-27):
 * - roll-up with actuals of a 10,000-node plan (read the plan, read the deals, compute
 *   every node), cold and warm;
 * - decomposing a year into ISO weeks and every week into 20 product lines by history;
 * - layout and drawing of 1,000 visible nodes of the tree chart.
 * Everything happens in one transaction that is rolled back, so the database is unchanged.
 */

#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include "jx-bench.h"
#include "jx-core.h"
#include "jx-target-tree-layout.h"

#define N_PASSES 6

/* Redraws the current view N_PASSES times; gives the median wall and processor times. */
static void
time_view (JxTargetTreeLayout *layout,
           cairo_t            *cr,
           double             *wall_ms,
           double             *cpu_ms_out)
{
  double wall[N_PASSES], cpu[N_PASSES];

  for (int i = 0; i < N_PASSES; i++)
    {
      double c0 = jx_bench_thread_cpu_ms (), t0 = jx_bench_now_ms ();

      jx_target_tree_layout_draw (layout, cr);
      cairo_surface_flush (cairo_get_target (cr));
      wall[i] = jx_bench_now_ms () - t0;
      cpu[i] = jx_bench_thread_cpu_ms () - c0;
    }
  *wall_ms = jx_bench_median (wall, N_PASSES);
  *cpu_ms_out = jx_bench_median (cpu, N_PASSES);
}

static void
die_on_error (const GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-targets: %s\n", error->message);
      exit (1);
    }
}

static JxTargetNode *
nth (GListModel *list,
     guint       i)
{
  g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
  return node;
}

static void
decompose (JxTargetTree      *tree,
           JxTargetNode      *node,
           JxTargetDimension  dimension,
           JxTargetMethod     method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = jx_target_tree_preview_decomposition (tree, node, dimension,
                                                                             method, &error);

  die_on_error (error);
  jx_target_tree_apply_decomposition (tree, d, &error);
  die_on_error (error);
}

/* Splits every leaf under @node by @dimension. */
static void
decompose_leaves (JxTargetTree      *tree,
                  JxTargetNode      *node,
                  JxTargetDimension  dimension)
{
  GListModel *children = jx_target_node_get_children (node);
  guint n = g_list_model_get_n_items (children);

  if (n == 0)
    {
      decompose (tree, node, dimension, JX_TARGET_METHOD_EQUAL);
      return;
    }
  for (guint i = 0; i < n; i++)
    decompose_leaves (tree, nth (children, i), dimension);
}

static gint64
add_root (JxTargetTree   *tree,
          const char     *name,
          JxTargetMetric  metric,
          gint64          amount)
{
  g_autoptr(GError) error = NULL;
  JxTargetNodeSpec spec = { 0 };
  gint64 id;

  spec.name = name;
  spec.metric = metric;
  spec.amount = amount;
  jx_date_parse_iso ("2026-01-01", &spec.period.from);
  jx_date_parse_iso ("2026-12-31", &spec.period.to);
  id = jx_target_tree_add_node (tree, NULL, &spec, &error);
  die_on_error (error);
  return id;
}

static void
build_big_tree (JxTargetTree   *tree,
                const char     *name,
                JxTargetMetric  metric,
                gint64          amount)
{
  static const JxTargetDimension levels[] = {
    JX_TARGET_DIMENSION_REGION, JX_TARGET_DIMENSION_MONTH, JX_TARGET_DIMENSION_PRODUCT_LINE,
    JX_TARGET_DIMENSION_CUSTOMER_TYPE, JX_TARGET_DIMENSION_TIER,
  };
  JxTargetNode *root = jx_target_tree_lookup (tree, add_root (tree, name, metric, amount));

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    decompose_leaves (tree, root, levels[l]);
}

/* Expands nodes breadth first until about @n are visible. */
static void
expand_to (JxTargetTreeLayout *layout,
           JxTargetTree       *tree,
           guint               n)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  GListModel *roots = jx_target_tree_get_roots (tree);
  guint visible = g_list_model_get_n_items (roots);

  jx_target_tree_layout_collapse_below (layout, 0);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_queue_push_tail (queue, nth (roots, i));
  while (!g_queue_is_empty (queue))
    {
      JxTargetNode *node = g_queue_pop_head (queue);
      guint k = jx_target_node_get_n_children (node);

      if (k == 0)
        continue;
      if (visible + k > n)
        break;
      jx_target_tree_layout_set_expanded (layout, node, TRUE);
      visible += k;
      for (guint i = 0; i < k; i++)
        g_queue_push_tail (queue, nth (jx_target_node_get_children (node), i));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(JxTargetTree) fresh = NULL;
  g_autoptr(JxTargetTree) weeks = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 plan_id;
  double t0, t1, t2;

  jx_i18n_init ();
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-targets DB (a scale-300 demo database)\n");
      return 2;
    }
  store = jx_store_open (argv[1], JX_STORE_OPEN_DEFAULT, &error);
  die_on_error (error);
  jx_date_parse_iso ("2026-11-27", &today);
  printf ("deals: %" G_GINT64_FORMAT "\n", jx_store_count_rows (store, JX_TABLE_DEALS));

  jx_store_begin (store, NULL, &error);
  die_on_error (error);

  plan_id = jx_target_plan_create (store, "Bench plan", &today, &error);
  die_on_error (error);
  tree = jx_target_tree_new (store, plan_id, &today);
  jx_target_tree_load (tree, &error);
  t0 = jx_bench_now_ms ();
  build_big_tree (tree, "Revenue 2026", JX_TARGET_METRIC_REVENUE, G_GINT64_CONSTANT (4300000000000));
  build_big_tree (tree, "Deals 2026", JX_TARGET_METRIC_DEALS, 90000);
  printf ("built a plan of %u targets with %s decompositions: %.0f ms\n",
          jx_target_tree_get_n_nodes (tree), "equal", jx_bench_now_ms () - t0);

  /* Roll-up, cold: a new tree reads the plan and the deals. */
  fresh = jx_target_tree_new (store, plan_id, &today);
  t0 = jx_bench_now_ms ();
  jx_target_tree_load (fresh, &error);
  die_on_error (error);
  t1 = jx_bench_now_ms ();
  jx_target_tree_refresh_actuals (fresh, &error);
  die_on_error (error);
  t2 = jx_bench_now_ms ();
  printf ("roll-up of %u targets with actuals (cold): %.1f ms (read plan %.1f ms, deals and "
          "actuals %.1f ms)\n", jx_target_tree_get_n_nodes (fresh), t2 - t0, t1 - t0, t2 - t1);
  t0 = jx_bench_now_ms ();
  jx_target_tree_refresh_actuals (fresh, &error);
  printf ("roll-up again (deals already read): %.1f ms\n", jx_bench_now_ms () - t0);
  t0 = jx_bench_now_ms ();
  jx_target_tree_refresh_pipeline (fresh, &error);
  die_on_error (error);
  printf ("win rate and pipeline needed of every target (reads the lost deals of 365 days): "
          "%.1f ms\n", jx_bench_now_ms () - t0);
  {
    JxTargetNode *root = nth (jx_target_tree_get_roots (fresh), 0);
    printf ("  root actual %" G_GINT64_FORMAT ", attainment %.1f%%\n",
            jx_target_node_get_actual (root), 100 * jx_target_node_get_attainment (root));
  }

  /* A year into weeks, each week into 20 product lines, by last year's sales. */
  {
    JxTargetNode *root;
    guint n_weeks;

    /* 20 product lines, as the issue asks for the week split. */
    for (int i = 6; i <= 20; i++)
      {
        g_autofree char *sql = g_strdup_printf ("INSERT INTO product_lines(name) VALUES ('Bench line %d')", i);
        jx_store_exec (store, sql, &error);
        die_on_error (error);
      }

    weeks = jx_target_tree_new (store, jx_target_plan_create (store, "Weeks", &today, &error),
                                &today);
    jx_target_tree_load (weeks, &error);
    root = jx_target_tree_lookup (weeks, add_root (weeks, "Revenue 2026", JX_TARGET_METRIC_REVENUE,
                                                   G_GINT64_CONSTANT (4300000000000)));
    t0 = jx_bench_now_ms ();
    jx_target_tree_refresh_actuals (weeks, &error);
    t1 = jx_bench_now_ms ();
    decompose (weeks, root, JX_TARGET_DIMENSION_WEEK, JX_TARGET_METHOD_HISTORY);
    n_weeks = jx_target_node_get_n_children (root);
    for (guint i = 0; i < n_weeks; i++)
      decompose (weeks, nth (jx_target_node_get_children (root), i),
                 JX_TARGET_DIMENSION_PRODUCT_LINE, JX_TARGET_METHOD_HISTORY);
    t2 = jx_bench_now_ms ();
    printf ("decompose a year into %u weeks × 20 product lines by history: %.1f ms "
            "(%u targets; reading the deals first took %.1f ms)\n",
            n_weeks, t2 - t1, jx_target_tree_get_n_nodes (weeks) - 1, t1 - t0);
  }

  /* Layout and drawing of 1,000 visible nodes. */
  {
    g_autoptr(JxTargetTreeLayout) layout = NULL;
    cairo_surface_t *surface, *screen;
    cairo_t *cr, *screen_cr;
    JxChartStyle style;
    double width, height, layout_ms, draw_first, draw_again;
    double draw_fit, draw_view, draw_fit_cpu, draw_view_cpu;
    double again_wall[N_PASSES - 1], again_cpu[N_PASSES - 1];
    int tile_w, tile_h;

    jx_chart_style_init_light (&style);
    /* Fonts are loaded once per process; keep that out of the figures. */
    {
      cairo_surface_t *warm = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
      cairo_t *warm_cr = cairo_create (warm);
      PangoLayout *text = jx_chart_text_layout (warm_cr, &style, "Warm 预热", 1, TRUE);

      pango_cairo_show_layout (warm_cr, text);
      g_object_unref (text);
      cairo_destroy (warm_cr);
      cairo_surface_destroy (warm);
    }
    layout = jx_target_tree_layout_new (jx_target_tree_get_roots (fresh), &style,
                                        jx_target_tree_get_currency (fresh));
    expand_to (layout, fresh, 1000);
    t0 = jx_bench_now_ms ();
    jx_target_tree_layout_update (layout);
    layout_ms = jx_bench_now_ms () - t0;
    jx_target_tree_layout_get_size (layout, &width, &height);

    /* Every card in full at 100%: the chart is larger than a surface may be, so it is drawn
     * in tiles of at most 4096 × 4096 (cards on a seam are drawn twice). */
    tile_w = MIN (4096, (int) ceil (width));
    tile_h = MIN (4096, (int) ceil (height));
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tile_w, tile_h);
    cr = cairo_create (surface);
    /* The first pass shapes the text; the next ones are what a redraw costs. Other work on
     * the machine makes single passes noisy, so the later passes give their median and the
     * processor time they took. */
    draw_first = 0;
    for (int pass = 0; pass < N_PASSES; pass++)
      {
        double wall = 0, cpu = 0;

        for (double ty = 0; ty < height; ty += tile_h)
          for (double tx = 0; tx < width; tx += tile_w)
            {
              double c0 = jx_bench_thread_cpu_ms ();

              jx_target_tree_layout_set_transform (layout, 1, -tx, -ty);
              t0 = jx_bench_now_ms ();
              jx_target_tree_layout_draw (layout, cr);
              cairo_surface_flush (surface);
              wall += jx_bench_now_ms () - t0;
              cpu += jx_bench_thread_cpu_ms () - c0;
            }
        if (pass == 0)
          draw_first = wall;
        else
          {
            again_wall[pass - 1] = wall;
            again_cpu[pass - 1] = cpu;
          }
      }
    draw_again = jx_bench_median (again_wall, N_PASSES - 1);
    if (g_getenv ("BENCH_PNG") != NULL)
      cairo_surface_write_to_png (surface, g_getenv ("BENCH_PNG"));

    printf ("tree chart of %u visible targets (%.0f × %.0f px at 100%%): layout %.1f ms; "
            "layout + draw of all cards in full %.1f ms (first frame, shaping the text), "
            "%.1f ms (next frames, median; %.1f ms of processor time)\n",
            jx_target_tree_layout_get_n_visible (layout), width, height, layout_ms,
            layout_ms + draw_first, layout_ms + draw_again,
            layout_ms + jx_bench_median (again_cpu, N_PASSES - 1));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);

    /* What the widget redraws: a screen at 100% (panning from the left end, where the root
     * is), and the whole chart fitted to the screen. */
    for (guint s = 0; s < 2; s++)
      {
        int screen_w = s == 0 ? 1920 : 3840, screen_h = s == 0 ? 1080 : 2160;

        screen = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, screen_w, screen_h);
        screen_cr = cairo_create (screen);
        jx_target_tree_layout_set_transform (layout, 1, 0, 0);
        time_view (layout, screen_cr, &draw_view, &draw_view_cpu);
        jx_target_tree_layout_fit (layout, screen_w, screen_h);
        time_view (layout, screen_cr, &draw_fit, &draw_fit_cpu);
        printf ("tree chart on a %d×%d screen (median of %d frames): at 100%% %.1f ms "
                "(%.1f ms of processor time); the %u targets fitted %.1f ms (%.1f ms); "
                "layout + fitted %.1f ms\n",
                screen_w, screen_h, N_PASSES, draw_view, draw_view_cpu,
                jx_target_tree_layout_get_n_visible (layout), draw_fit, draw_fit_cpu,
                layout_ms + draw_fit);
        cairo_destroy (screen_cr);
        cairo_surface_destroy (screen);
      }
  }

  jx_store_rollback (store);
  printf ("peak RSS: %.1f MiB\n", jx_bench_peak_rss_mib ());
  return 0;
}
