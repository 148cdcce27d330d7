/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * How long the Funnel page's first load keeps the main loop busy: jx_funnel_preload_async()
 * on a database, with a 5 ms timer on the main loop measuring the longest gap between its
 * ticks (what a user would feel as a frozen window), against the plain jx_funnel_preload().
 *
 *   build/tests/bench/bench-funnel-preload DB
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "jx-core.h"

typedef struct {
  GMainLoop *loop;
  gint64     last_tick;
  gint64     longest_gap;
  gboolean   ok;
  GError    *error;
} Run;

static gboolean
tick_cb (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Run *run = data;

  run->ok = jx_funnel_preload_finish (JX_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  Run run = { 0 };
  gint64 t0, t_call, t_done, t_sync;
  guint tick;
  struct rusage usage;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DB\n", argv[0]);
      return 2;
    }
  store = jx_store_open (argv[1], JX_STORE_OPEN_UNDO, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("deals: %" G_GINT64_FORMAT "\n", jx_store_count_rows (store, JX_TABLE_DEALS));

  /* Warm the page cache so both loads read from memory. */
  if (!jx_funnel_preload (store, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  jx_funnel_forget (store);

  run.loop = g_main_loop_new (NULL, FALSE);
  run.last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (5, tick_cb, &run);
  t0 = g_get_monotonic_time ();
  jx_funnel_preload_async (store, NULL, on_loaded_cb, &run);
  t_call = g_get_monotonic_time () - t0;
  run.longest_gap = MAX (run.longest_gap, g_get_monotonic_time () - run.last_tick);
  run.last_tick = g_get_monotonic_time ();
  g_main_loop_run (run.loop);
  t_done = g_get_monotonic_time () - t0;
  g_source_remove (tick);
  if (!run.ok)
    {
      fprintf (stderr, "%s\n", run.error->message);
      return 1;
    }

  jx_funnel_forget (store);
  t0 = g_get_monotonic_time ();
  g_assert (jx_funnel_preload (store, NULL));
  t_sync = g_get_monotonic_time () - t0;

  getrusage (RUSAGE_SELF, &usage);
  printf ("async load: %.1f ms until loaded; the call itself %.1f ms on the main loop\n",
          t_done / 1000.0, t_call / 1000.0);
  printf ("longest main-loop gap during the async load: %.1f ms\n", run.longest_gap / 1000.0);
  printf ("plain load (main loop blocked throughout): %.1f ms\n", t_sync / 1000.0);
  printf ("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  g_main_loop_unref (run.loop);
  return 0;
}
