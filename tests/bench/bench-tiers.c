/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include "jx-bench.h"
#include "jx-core.h"

/*
 * bench-tiers DATABASE [TODAY]
 *
 * Times the tier work on a large database (made once with
 *   jingxi-cli --db FILE init --demo --scale 300 --today 2026-11-27):
 * suggestions for all customers, the tier board's five column models, one drop (a
 * customer moved to another tier, committed, with the columns updated), the base shared by
 * the views as the GUI loads it (jx_customer_base_load_async()), and a deal saved with the
 * base following it. The database is opened with undo like the GUI, and every change is
 * undone at the end so the file is unchanged.
 *
 * Wall time and processor time are both printed: on a shared machine wall time includes
 * waiting for a processor, and processor time adds up both threads of a load.
 */

typedef struct {
  GMainLoop      *loop;
  JxCustomerBase *base;
} SharedLoad;

static void
on_shared_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SharedLoad *load = user_data;
  g_autoptr(GError) error = NULL;

  load->base = jx_customer_base_load_finish (JX_STORE (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (load->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  GDate today;
  gint64 start;

  jx_i18n_init ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-tiers DATABASE [TODAY]\n");
      return 2;
    }
  if (!jx_date_parse_iso (argc > 2 ? argv[2] : "2026-11-27", &today))
    {
      fprintf (stderr, "bad date\n");
      return 2;
    }
  store = jx_store_open (argv[1], JX_STORE_OPEN_UNDO, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* Suggestions for all customers, from nothing: the figures of every customer, ABC, the
   * churn rules and the reasons. */
  {
    g_autoptr(JxCustomerBase) cold = NULL;
    g_autoptr(JxTierSuggestions) suggestions = NULL;
    double base_ms, cpu;

    cpu = jx_bench_process_cpu_ms ();
    start = g_get_monotonic_time ();
    cold = jx_customer_base_new (store, &today, &error);
    g_assert_no_error (error);
    base_ms = jx_bench_ms_since (start);
    suggestions = jx_tier_suggestions_new (cold, FALSE);
    printf ("suggestions for all %u customers: %.1f ms (figures %.1f ms; processor time %.1f "
            "ms), %u proposals\n", jx_customer_base_get_n_rows (cold), jx_bench_ms_since (start),
            base_ms, jx_bench_process_cpu_ms () - cpu,
            jx_tier_suggestions_get_n_proposals (suggestions));
  }

  /* The tier board from nothing: figures plus the five columns (row indexes, no objects). */
  {
    JxCustomerList *columns[JX_N_TIERS] = { NULL };
    double figures_ms, figures_cpu, cpu;
    gint64 lists;

    cpu = jx_bench_process_cpu_ms ();
    start = g_get_monotonic_time ();
    base = jx_customer_base_new (store, &today, &error);
    g_assert_no_error (error);
    lists = g_get_monotonic_time ();
    figures_ms = (lists - start) / 1000.0;
    figures_cpu = jx_bench_process_cpu_ms () - cpu;
    for (guint t = 0; t < JX_N_TIERS; t++)
      columns[t] = jx_customer_list_new_for_tier (base, t);
    printf ("tier board models ready: %.1f ms, processor time %.1f ms (figures %.1f ms, "
            "processor %.1f ms; five columns %.1f ms, processor %.1f ms)\n",
            jx_bench_ms_since (start), jx_bench_process_cpu_ms () - cpu, figures_ms, figures_cpu,
            jx_bench_ms_since (lists), jx_bench_process_cpu_ms () - cpu - figures_cpu);
    for (guint t = 0; t < JX_N_TIERS; t++)
      printf ("  %-10s %u customers\n", jx_tier_to_string (t),
              g_list_model_get_n_items (G_LIST_MODEL (columns[t])));

    /* Drops: the first Key customer moved to Growth, committed with its history, the columns
     * and the Customers view's list updated; then undone. The first drop of a process pays
     * for preparing statements and reading pages; the next ones are the steady state. */
    {
      g_autoptr(JxCustomerList) customers = jx_customer_list_new (base);
      double drops[5], undos[5];

      for (guint k = 0; k < G_N_ELEMENTS (drops); k++)
        {
          g_autoptr(JxCustomer) card = g_list_model_get_item (G_LIST_MODEL (columns[JX_TIER_KEY]),
                                                              k);
          JxTierMove move = { jx_customer_get_id (card), JX_TIER_GROWTH };
          guint position = 0;

          start = g_get_monotonic_time ();
          if (!jx_customer_base_move (base, &move, 1, JX_TIER_SOURCE_MANUAL, NULL, &error))
            g_error ("%s", error->message);
          drops[k] = jx_bench_ms_since (start);
          g_assert_true (jx_customer_list_find (columns[JX_TIER_GROWTH], move.customer_id,
                                                &position));
          g_assert_true (jx_customer_get_tier (card) == JX_TIER_GROWTH);

          start = g_get_monotonic_time ();
          if (!jx_store_undo (store, &error))
            g_error ("%s", error->message);
          undos[k] = jx_bench_ms_since (start);
        }
      printf ("one drop committed: first %.2f ms, then %.2f / %.2f / %.2f / %.2f ms\n",
              drops[0], drops[1], drops[2], drops[3], drops[4]);
      printf ("undo of a drop (columns follow): first %.2f ms, then %.2f ms\n", undos[0],
              undos[1]);
      (void) customers;
    }

    /* A deal won, as the deal editor saves it: the base reads that customer's deals again
     * and the columns move its card. Then undone. */
    {
      gint64 customer_id = jx_customer_list_get_customer_id (columns[JX_TIER_MAINTAIN], 0);
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) VALUES (%"
        G_GINT64_FORMAT ", 100000000, '2026-10-01', '2026-11-20',"
        " (SELECT id FROM stages WHERE kind = 1 LIMIT 1), 1)", customer_id);
      double saved, undone;

      cpu = jx_bench_process_cpu_ms ();
      start = g_get_monotonic_time ();
      if (!jx_store_begin (store, "Save deal", &error) ||
          !jx_store_exec (store, sql, &error) || !jx_store_commit (store, &error))
        g_error ("%s", error->message);
      saved = jx_bench_ms_since (start);
      start = g_get_monotonic_time ();
      if (!jx_store_undo (store, &error))
        g_error ("%s", error->message);
      undone = jx_bench_ms_since (start);
      printf ("a deal won, committed and followed: %.2f ms; undone %.2f ms (processor time "
              "%.2f ms for both)\n", saved, undone, jx_bench_process_cpu_ms () - cpu);
    }
    for (guint t = 0; t < JX_N_TIERS; t++)
      g_object_unref (columns[t]);
  }

  /* The base as the views get it: loaded in a worker thread while this one waits. */
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    SharedLoad load = { loop };
    double cpu;

    g_clear_object (&base);
    cpu = jx_bench_process_cpu_ms ();
    start = g_get_monotonic_time ();
    jx_customer_base_load_async (store, &today, NULL, on_shared_loaded_cb, &load);
    g_main_loop_run (loop);
    printf ("shared base loaded in a worker: %.1f ms, processor time %.1f ms\n",
            jx_bench_ms_since (start), jx_bench_process_cpu_ms () - cpu);
    g_clear_object (&load.base);
  }
  printf ("peak RSS: %.0f MiB\n", jx_bench_peak_rss_mib ());
  return 0;
}
