/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-foundation [DB]
 *
 * Generates the --scale 300 demo database (about a million deals) at DB (default
 * /tmp/jingxi-bench-s300.db) unless it exists, then opens it and times `info` and the
 * Overview figures. Prints the figures; asserts nothing.
 */

#include <stdio.h>
#include <glib/gstdio.h>

#include "jx-bench.h"
#include "jx-core.h"

#define RUNS 7

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "/tmp/jingxi-bench-s300.db";
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  double t0, times[RUNS];
  GDate today;

  jx_i18n_init ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      JxDemoOptions options;

      jx_demo_options_init (&options, &today);
      options.scale = 300;
      options.chinese_names = FALSE;
      t0 = jx_bench_now_ms ();
      store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
      if (store == NULL || !jx_demo_generate (store, &options, NULL, NULL, &error))
        {
          fprintf (stderr, "generate: %s\n", error->message);
          return 1;
        }
      printf ("generate --scale 300: %.1f s\n", (jx_bench_now_ms () - t0) / 1000);
      g_clear_object (&store);
    }

  t0 = jx_bench_now_ms ();
  store = jx_store_open (path, JX_STORE_OPEN_UNDO, &error);
  if (store == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  printf ("open (with undo triggers): %.1f ms\n", jx_bench_now_ms () - t0);

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(JxInfo) info = NULL;

      t0 = jx_bench_now_ms ();
      info = jx_info_collect (store, &error);
      times[i] = jx_bench_now_ms () - t0;
      if (info == NULL)
        {
          fprintf (stderr, "info: %s\n", error->message);
          return 1;
        }
      if (i == 0)
        printf ("deals: %" G_GINT64_FORMAT ", stage events: %" G_GINT64_FORMAT "\n",
                info->counts[9].rows, info->counts[10].rows);
    }
  printf ("info: median %.1f ms over %d runs\n", jx_bench_median (times, RUNS), RUNS);

  for (int i = 0; i < RUNS; i++)
    {
      JxOverview overview;
      JxPeriod quarter;

      t0 = jx_bench_now_ms ();
      jx_overview_current_quarter (store, &today, &quarter);
      if (!jx_overview_compute (store, &quarter, &overview, &error))
        {
          fprintf (stderr, "overview: %s\n", error->message);
          return 1;
        }
      times[i] = jx_bench_now_ms () - t0;
    }
  printf ("overview figures: median %.1f ms over %d runs\n", jx_bench_median (times, RUNS), RUNS);
  printf ("peak RSS: %.1f MiB\n", jx_bench_peak_rss_mib ());
  return 0;
}
