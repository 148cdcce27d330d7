/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <adwaita.h>

#include "jx-bench.h"
#include "jx-core.h"
#include "jx-targets-view.h"
#include "jx-ui.h"
#include "jx-window.h"

/*
 * How long the Targets view holds the main loop on a large database: opening a plan of
 * thousands of targets, reading the figures in the background, the win rates for the
 * panel, and an edit. Needs a display (xvfb-run). Adds two plans to DB the first time (a
 * year by week, region and product line; a year by month, region and rep), so pass a copy.
 *
 *   xvfb-run -a build/tests/bench/bench-targets-view /tmp/copy-of-s300.db
 */

/* The main loop's longest stall since the last reset. */
static JxBenchStall stall;

static void
die (const GError *error)
{
  fprintf (stderr, "bench-targets-view: %s\n", error->message);
  exit (1);
}

static void
split (JxTargetTree      *tree,
       JxTargetNode      *node,
       JxTargetDimension  dimension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;

  d = jx_target_tree_preview_decomposition (tree, node, dimension, JX_TARGET_METHOD_HISTORY,
                                            &error);
  if (d == NULL || !jx_target_tree_apply_decomposition (tree, d, &error))
    die (error);
}

static void
split_level (JxTargetTree            *tree,
             JxTargetNode            *node,
             const JxTargetDimension *dims)
{
  if (dims[0] == JX_TARGET_DIMENSION_NONE)
    return;
  split (tree, node, dims[0]);
  for (guint i = 0; i < jx_target_node_get_n_children (node); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (jx_target_node_get_children (node), i);

      split_level (tree, child, dims + 1);
    }
}

/* A plan of a year split by @dims in turn, made once. */
static gint64
ensure_plan (JxStore                 *store,
             const GDate             *today,
             const char              *name,
             const JxTargetDimension *dims)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetPlan) plan = jx_target_plan_find (store, name, NULL);
  g_autoptr(JxTargetTree) tree = NULL;
  JxTargetNodeSpec spec = { 0 };
  gint64 id, root;

  if (plan != NULL && g_str_equal (jx_target_plan_get_name (plan), name))
    return jx_target_plan_get_id (plan);
  if ((id = jx_target_plan_create (store, name, today, &error)) == 0)
    die (error);
  tree = jx_target_tree_new (store, id, today);
  if (!jx_target_tree_load (tree, &error))
    die (error);
  spec.name = "Revenue 2026";
  spec.metric = JX_TARGET_METRIC_REVENUE;
  g_date_set_dmy (&spec.period.from, 1, 1, 2026);
  g_date_set_dmy (&spec.period.to, 31, 12, 2026);
  spec.amount = G_GINT64_CONSTANT (6000000000000);
  if ((root = jx_target_tree_add_node (tree, NULL, &spec, &error)) == 0)
    die (error);
  split_level (tree, jx_target_tree_lookup (tree, root), dims);
  printf ("made the plan \"%s\": %u targets\n", name, jx_target_tree_get_n_nodes (tree));
  return id;
}

static guint
count_below (JxTargetNode *node)
{
  guint n = 0;

  for (guint i = 0; i < jx_target_node_get_n_children (node); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (jx_target_node_get_children (node), i);
      n += 1 + count_below (child);
    }
  return n;
}

static void
wait_loaded (JxTargetsView *view)
{
  while (jx_targets_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxClock) clock = NULL;
  g_autoptr(JxContext) context = NULL;
  g_autoptr(GtkApplication) app = NULL;
  JxWindow *window;
  JxTargetsView *view;
  JxTargetTree *tree;
  GDate today;
  gint64 plans[2];
  double t0, shown, loaded;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-targets-view DB (a copy of a scale-300 demo database)\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-targets-view: no display; run it under xvfb-run\n");
      return 1;
    }
  adw_init ();
  jx_ui_init ();
  g_date_set_dmy (&today, 27, 11, 2026);

  store = jx_store_open (argv[1], JX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die (error);
  plans[0] = ensure_plan (store, &today, "Bench view weeks",
                          (JxTargetDimension[]) { JX_TARGET_DIMENSION_WEEK,
                                                  JX_TARGET_DIMENSION_REGION,
                                                  JX_TARGET_DIMENSION_PRODUCT_LINE,
                                                  JX_TARGET_DIMENSION_NONE });
  plans[1] = ensure_plan (store, &today, "Bench view reps",
                          (JxTargetDimension[]) { JX_TARGET_DIMENSION_MONTH,
                                                  JX_TARGET_DIMENSION_REGION,
                                                  JX_TARGET_DIMENSION_MEMBER,
                                                  JX_TARGET_DIMENSION_NONE });
  g_clear_object (&store);

  app = gtk_application_new ("io.github.jingxi.Jingxi.BenchTargets", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  clock = jx_clock_new_fixed (&today);
  context = jx_context_new (clock);
  window = jx_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  if (!jx_window_open_database (window, argv[1], FALSE))
    return 1;
  jx_window_show_view (window, "targets");
  view = JX_TARGETS_VIEW (jx_window_get_view (window, "targets"));
  wait_loaded (view);
  g_timeout_add (1, jx_bench_stall_tick_cb, &stall);

  for (int p = 0; p < 2; p++)
    {
      /* Open the big plan: the nodes are read at once, the figures in the background. */
      stall = (JxBenchStall) { 0, 0 };
      t0 = jx_bench_now_ms ();
      jx_targets_view_show_plan (view, plans[p]);
      shown = jx_bench_now_ms () - t0;
      wait_loaded (view);
      loaded = jx_bench_now_ms () - t0;
      tree = jx_targets_view_get_tree (view);
      printf ("open a plan of %u targets: %.1f ms in the main loop, figures after %.1f ms "
              "(longest stall while they load: %.1f ms)\n",
              jx_target_tree_get_n_nodes (tree), shown, loaded, stall.worst);

      /* An edit: one undoable write, the subtree reread, the chart and outline updated. */
      {
        g_autoptr(JxTargetNode) year = g_list_model_get_item (jx_target_tree_get_roots (tree), 0);
        g_autoptr(JxTargetNode) part = g_list_model_get_item (jx_target_node_get_children (year), 5);

        stall = (JxBenchStall) { 0, 0 };
        t0 = jx_bench_now_ms ();
        jx_targets_view_select (view, part);
        shown = jx_bench_now_ms () - t0;
        wait_loaded (view);
        printf ("select the sixth sub-target: %.1f ms in the main loop (panel, suggestions); win rates after "
                "%.1f ms (longest stall: %.1f ms)\n", shown, jx_bench_now_ms () - t0, stall.worst);
        stall = (JxBenchStall) { 0, 0 };
        t0 = jx_bench_now_ms ();
        if (!jx_target_tree_set_amount (tree, part, jx_target_node_get_amount (part) + 100, &error))
          die (error);
        while (g_main_context_iteration (NULL, FALSE))
          ;
        printf ("change its target (%u targets below it rescaled): %.1f ms\n",
                count_below (part), jx_bench_now_ms () - t0);
        stall = (JxBenchStall) { 0, 0 };
        t0 = jx_bench_now_ms ();
        if (!jx_store_undo (jx_target_tree_get_store (tree), &error))
          die (error);
        while (g_main_context_iteration (NULL, FALSE))
          ;
        printf ("undo it (the whole plan reread): %.1f ms\n", jx_bench_now_ms () - t0);
      }
    }
  printf ("peak RSS: %.1f MB\n", jx_bench_peak_rss_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
