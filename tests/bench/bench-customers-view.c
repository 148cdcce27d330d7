/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <adwaita.h>

#include "jx-bench.h"
#include "jx-core.h"
#include "jx-customers-view.h"
#include "jx-team-view.h"
#include "jx-ui.h"
#include "jx-window.h"

/*
 * The Customers view and the Team view in a window on a large database, as a user meets
 * them: the shared customer base loaded in the background, the tier board shown, drops on
 * the board (committed, every view following the store, both columns moved) and their
 * undo, a deal won, and the Team view's allocation reading the same base. Prints wall time
 * and the main thread's processor time, and the longest stall of the main loop while work
 * runs in threads. Needs a display (xvfb-run). Every change is undone, so the file is
 * unchanged.
 *
 *   xvfb-run -a build/tests/bench/bench-customers-view /tmp/s300.db
 */

/* The main loop's longest stall since the last reset. */
static JxBenchStall stall;

/* Runs what the main loop has to do now (idles, a frame), without waiting for timers. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
die (const GError *error)
{
  fprintf (stderr, "bench-customers-view: %s\n", error->message);
  exit (1);
}

static gboolean
customers_loading (gpointer view)
{
  return jx_customers_view_get_base (view) == NULL;
}

static void
wait_while (gboolean (*busy) (gpointer),
            gpointer   data)
{
  while (busy (data))
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

static gboolean
team_loading (gpointer view)
{
  return jx_team_view_is_loading (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxClock) clock = NULL;
  g_autoptr(JxContext) context = NULL;
  g_autoptr(GtkApplication) app = NULL;
  JxWindow *window;
  JxCustomersView *customers;
  JxTeamView *team;
  JxTierBoard *board;
  JxStore *store;
  GDate today;
  double t0, cpu, drops[5], drop_cpu[5], settled[5], undos[5];

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-customers-view DB (a scale-300 demo database)\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-customers-view: no display; run it under xvfb-run\n");
      return 1;
    }
  adw_init ();
  jx_ui_init ();
  g_date_set_dmy (&today, 27, 11, 2026);

  app = gtk_application_new ("io.github.jingxi.Jingxi.BenchCustomers", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  clock = jx_clock_new_fixed (&today);
  context = jx_context_new (clock);
  window = jx_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  if (!jx_window_open_database (window, argv[1], FALSE))
    return 1;
  drain ();
  store = jx_context_get_store (context);
  g_timeout_add (1, jx_bench_stall_tick_cb, &stall);

  /* The Customers view on the board: the base loads in a worker, then the columns. */
  customers = JX_CUSTOMERS_VIEW (jx_window_get_view (window, "customers"));
  board = jx_customers_view_get_board (customers);
  stall = (JxBenchStall) { 0, 0 };
  cpu = jx_bench_thread_cpu_ms ();
  t0 = jx_bench_now_ms ();
  jx_window_show_view (window, "customers");
  jx_customers_view_show_section (customers, "board");
  wait_while (customers_loading, customers);
  printf ("customers view on the board, base loaded in a worker: %.1f ms (main thread %.1f ms "
          "of processor time; longest stall %.1f ms; board columns %.1f ms)\n",
          jx_bench_now_ms () - t0, jx_bench_thread_cpu_ms () - cpu, stall.worst,
          jx_tier_board_get_ready_ms (board));

  /* Drops: a Maintain customer to Key, as the drop target's handler does, then the frame
   * that shows it; then Ctrl+Z. */
  for (guint k = 0; k < G_N_ELEMENTS (drops); k++)
    {
      JxTierColumn *column = jx_tier_board_get_column (board, JX_TIER_MAINTAIN);
      JxCustomerList *maintain = jx_tier_column_get_list (column);
      gint64 id = jx_customer_list_get_customer_id (maintain, k);

      cpu = jx_bench_thread_cpu_ms ();
      t0 = jx_bench_now_ms ();
      if (jx_tier_board_move_customers (board, &id, 1, JX_TIER_KEY) != 1)
        {
          fprintf (stderr, "bench-customers-view: the drop moved nothing\n");
          return 1;
        }
      drops[k] = jx_tier_board_get_last_move_ms (board);
      drop_cpu[k] = jx_bench_thread_cpu_ms () - cpu;
      drain ();
      settled[k] = jx_bench_now_ms () - t0;
      t0 = jx_bench_now_ms ();
      if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL))
        return 1;
      drain ();
      undos[k] = jx_bench_now_ms () - t0;
    }
  printf ("drop committed (every view following): first %.2f ms, then %.2f / %.2f / %.2f / "
          "%.2f ms\n", drops[0], drops[1], drops[2], drops[3], drops[4]);
  printf ("  main thread processor time of the drop call: first %.2f ms, then %.2f ms\n",
          drop_cpu[0], drop_cpu[1]);
  printf ("  until the main loop is idle again (toast, cards, frame): first %.1f ms, then "
          "%.1f ms\n", settled[0], settled[1]);
  printf ("undo of a drop until idle: first %.1f ms, then %.1f ms\n", undos[0], undos[1]);

  /* A deal won, as an editor saves it: the base reads that customer's deals again. */
  {
    gint64 id = jx_customer_list_get_customer_id (
      jx_tier_column_get_list (jx_tier_board_get_column (board, JX_TIER_GROWTH)), 0);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) VALUES (%"
      G_GINT64_FORMAT ", 100000000, '2026-10-01', '2026-11-20',"
      " (SELECT id FROM stages WHERE kind = 1 LIMIT 1), 1)", id);

    cpu = jx_bench_thread_cpu_ms ();
    t0 = jx_bench_now_ms ();
    if (!jx_store_begin (store, "Save deal", &error) || !jx_store_exec (store, sql, &error) ||
        !jx_store_commit (store, &error))
      die (error);
    drain ();
    printf ("a deal won, until idle: %.1f ms (main thread %.1f ms of processor time)\n",
            jx_bench_now_ms () - t0, jx_bench_thread_cpu_ms () - cpu);
    if (!jx_store_undo (store, &error))
      die (error);
    drain ();
  }

  /* The Team view: its allocation reads the same base, computed in a worker. */
  team = JX_TEAM_VIEW (jx_window_get_view (window, "team"));
  stall = (JxBenchStall) { 0, 0 };
  cpu = jx_bench_thread_cpu_ms ();
  t0 = jx_bench_now_ms ();
  jx_window_show_view (window, "team");
  drain ();
  wait_while (team_loading, team);
  printf ("team view with its allocation: %.1f ms (main thread %.1f ms of processor time; "
          "longest stall %.1f ms); %s base as the Customers view\n", jx_bench_now_ms () - t0,
          jx_bench_thread_cpu_ms () - cpu, stall.worst,
          jx_team_view_get_base (team) == jx_customers_view_get_base (customers) ? "the same"
                                                                               : "ANOTHER");

  printf ("peak RSS: %.1f MB\n", jx_bench_peak_rss_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  return 0;
}
