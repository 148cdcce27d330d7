/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "jx-bench.h"
#include "jx-core.h"
#include "jx-sqlite-private.h"
#include "jx-funnel-report.h"
#include "jx-target-report.h"

/*
 * The funnel and targets reports of a large database, made the way `jingxi-cli report`
 * makes them: build the report (the funnel, breakdowns by region and by rep, stalled
 * deals), paginate and write the PDF. Prints the time of each step, the page count, the
 * processor time (the machine is shared) and the peak RSS.
 *
 *   jingxi-cli --db /tmp/reports-s300.db init --demo --scale 300 --today 2026-11-27
 *   bench-funnel-report [DB] [OUT-FOLDER]
 *
 * The targets report runs on the active plan and on a temporary copy of it grown to
 * quarters → months → regions, with one region split by rep (a few hundred reps at scale
 * 300: the tree is cut into tiles); the copy is deleted at the end.
 */

#define RUNS 3

typedef JxReport *(*BuildFunc) (JxStore *store, gconstpointer data, const GDate *today,
                                GError **error);

static JxReport *
build_funnel (JxStore       *store,
              gconstpointer  data,
              const GDate   *today,
              GError       **error)
{
  return jx_funnel_report_new (store, data, today, error);
}

static JxReport *
build_targets (JxStore       *store,
               gconstpointer  data,
               const GDate   *today,
               GError       **error)
{
  return jx_target_report_new (store, *(const gint64 *) data, today, error);
}

static void
measure (const char    *label,
         JxStore       *store,
         BuildFunc      build,
         gconstpointer  data,
         const GDate   *today,
         const char    *path)
{
  double build_ms[RUNS], write_ms[RUNS], total_ms[RUNS], cpu[RUNS];
  guint pages = 0;

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JxReport) report = NULL;
      double t0 = jx_bench_now_ms (), c0 = jx_bench_process_cpu_ms (), t1;

      report = build (store, data, today, &error);
      if (report == NULL)
        g_error ("%s: %s", label, error->message);
      t1 = jx_bench_now_ms ();
      if (!jx_report_write_pdf (report, path, JX_PAPER_A4, &error))
        g_error ("%s: %s", label, error->message);
      build_ms[i] = t1 - t0;
      write_ms[i] = jx_bench_now_ms () - t1;
      total_ms[i] = jx_bench_now_ms () - t0;
      cpu[i] = jx_bench_process_cpu_ms () - c0;
      pages = jx_report_get_n_pages (report);
    }
  printf ("%-44s %4u pages  build %7.1f ms  paginate+PDF %7.1f ms  total %7.1f ms"
          "  (cpu %7.1f ms)\n", label, pages, jx_bench_median (build_ms, RUNS),
          jx_bench_median (write_ms, RUNS), jx_bench_median (total_ms, RUNS),
          jx_bench_median (cpu, RUNS));
}

static void
decompose (JxTargetTree      *tree,
           JxTargetNode      *node,
           JxTargetDimension  dimension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;

  d = jx_target_tree_preview_decomposition (tree, node, dimension, JX_TARGET_METHOD_EQUAL,
                                            &error);
  if (d == NULL || !jx_target_tree_apply_decomposition (tree, d, &error))
    g_error ("decomposition: %s", error->message);
}

/* A copy of the active plan: quarters → months → regions, January's first region by rep. */
static gint64
grow_plan (JxStore     *store,
           const GDate *today,
           guint       *n_nodes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(JxTargetNode) root = NULL;
  gint64 plan;
  GListModel *quarters;

  plan = jx_target_plan_duplicate (store, jx_target_plan_get_active_id (store),
                                   "Bench plan (temporary)", today, &error);
  if (plan <= 0)
    g_error ("copy plan: %s", error->message);
  tree = jx_target_tree_new (store, plan, today);
  if (!jx_target_tree_load (tree, &error))
    g_error ("load plan: %s", error->message);
  root = g_list_model_get_item (jx_target_tree_get_roots (tree), 0);
  quarters = jx_target_node_get_children (root);
  for (guint q = 0; q < g_list_model_get_n_items (quarters); q++)
    {
      g_autoptr(JxTargetNode) quarter = g_list_model_get_item (quarters, q);
      GListModel *months;

      decompose (tree, quarter, JX_TARGET_DIMENSION_MONTH);
      months = jx_target_node_get_children (quarter);
      for (guint m = 0; m < g_list_model_get_n_items (months); m++)
        {
          g_autoptr(JxTargetNode) month = g_list_model_get_item (months, m);

          decompose (tree, month, JX_TARGET_DIMENSION_REGION);
          if (q == 0 && m == 0)
            {
              g_autoptr(JxTargetNode) region = g_list_model_get_item (
                jx_target_node_get_children (month), 0);

              decompose (tree, region, JX_TARGET_DIMENSION_MEMBER);
            }
        }
    }
  *n_nodes = jx_target_tree_get_n_nodes (tree);
  return plan;
}

int
main (int   argc,
      char *argv[])
{
  const char *db = argc > 1 ? argv[1] : "/tmp/reports-s300.db";
  g_autofree char *out_dir = g_strdup (argc > 2 ? argv[2] : g_get_tmp_dir ());
  g_autofree char *pdf = g_build_filename (out_dir, "bench-report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  JxDealFilter year, east_quarter;
  GDate today;
  gint64 plan, grown;
  guint n_nodes = 0;
  double t0, c0;

  jx_i18n_init ();
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "No database at %s; make one with\n  jingxi-cli --db %s init --demo "
               "--scale 300 --today 2026-11-27\n", db, db);
      return 1;
    }
  store = jx_store_open (db, JX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  printf ("database %s: %" G_GINT64_FORMAT " deals, %" G_GINT64_FORMAT " team members\n", db,
          jx_store_count_rows (store, JX_TABLE_DEALS),
          jx_store_count_rows (store, JX_TABLE_TEAM_MEMBERS));

  /* The first report of a process loads the funnel cache, as `jingxi-cli report` does. */
  t0 = jx_bench_now_ms ();
  c0 = jx_bench_process_cpu_ms ();
  if (!jx_funnel_preload (store, &error))
    g_error ("%s", error->message);
  printf ("%-44s %7.1f ms  (cpu %7.1f ms)\n", "funnel cache load (once per process)",
          jx_bench_now_ms () - t0, jx_bench_process_cpu_ms () - c0);

  jx_deal_filter_init (&year);
  jx_deal_filter_set_period_iso (&year, "2026-01-01", "2026-12-31", NULL);
  jx_deal_filter_init (&east_quarter);
  jx_deal_filter_set_period_iso (&east_quarter, "2026-10-01", "2026-12-31", NULL);
  {
    g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "SELECT name FROM regions "
                                                            "ORDER BY id LIMIT 1", NULL);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
        !jx_deal_filter_set_by_name (&east_quarter, store, JX_DEAL_FILTER_REGION,
                                     (const char *) sqlite3_column_text (stmt, 0), &error))
      g_error ("%s", error->message);
  }

  measure ("funnel report, one region, Q4 2026", store, build_funnel, &east_quarter, &today,
           pdf);
  measure ("funnel report, whole company, 2026", store, build_funnel, &year, &today, pdf);

  plan = jx_target_plan_get_active_id (store);
  measure ("targets report, demo plan", store, build_targets, &plan, &today, pdf);
  t0 = jx_bench_now_ms ();
  grown = grow_plan (store, &today, &n_nodes);
  printf ("(grown plan: %u targets, made in %.0f ms)\n", n_nodes, jx_bench_now_ms () - t0);
  measure ("targets report, grown plan", store, build_targets, &grown, &today, pdf);
  if (!jx_target_plan_delete (store, grown, &error))
    g_error ("delete the temporary plan: %s", error->message);

  printf ("peak RSS %.1f MiB; last PDF in %s\n", jx_bench_peak_rss_mib (), pdf);
  return 0;
}
