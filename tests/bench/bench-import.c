/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-import [ROWS…]: generates a deals CSV of ROWS rows (and the team, products and
 * customers it names), imports all four into a fresh database end to end (open, validate,
 * write, commit) and prints rows per second and peak RSS. Each size runs in its own
 * process so that peak RSS is that size's own. Without arguments: 100,000 and 1,000,000.
 *
 * BENCH_VERBOSE=1 prints the wall and CPU seconds of each step of each import (CPU time
 * counts every thread); BENCH_KEEP=1 keeps the files and the database for a look;
 * BENCH_UNDO=1 opens the database as the app does, recording every change for Undo.
 */

#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jx-core.h"

#define N_MEMBERS   200
#define N_PRODUCTS  40
#define N_CUSTOMERS 20000

static const char *const stages[] = {
  "Prospecting", "Qualified", "Solution", "Proposal", "Negotiation", "Won", "Lost",
};

static void
write_file (const char *path,
            GString    *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

/* Day number @n (0 = 2024-01-01) in a calendar of 28-day months, which keeps the order. */
static const char *
day (guint n,
     char  buf[11])
{
  g_snprintf (buf, 11, "%04u-%02u-%02u", 2024 + n / 336, 1 + n % 336 / 28, 1 + n % 28);
  return buf;
}

static void
generate (const char *dir,
          guint       rows)
{
  g_autoptr(GString) out = g_string_new ("name,manager,region,role\n");
  g_autofree char *team = g_build_filename (dir, "team.csv", NULL);
  g_autofree char *products = g_build_filename (dir, "products.csv", NULL);
  g_autofree char *customers = g_build_filename (dir, "customers.csv", NULL);
  g_autofree char *deals = g_build_filename (dir, "deals.csv", NULL);
  guint64 x = 12345;
  char d1[11];
  FILE *f;

  for (guint i = 0; i < N_MEMBERS; i++)
    g_string_append_printf (out, "Rep %03u,%s,Region %u,Account executive\n", i,
                            i < 10 ? "" : (i % 10 == 0 ? "Rep 000" : "Rep 001"), i % 8);
  write_file (team, out);

  g_string_assign (out, "product,series,sales_price\n");
  for (guint i = 0; i < N_PRODUCTS; i++)
    g_string_append_printf (out, "Product %02u,Line %u,\"%u,%03u.50\"\n", i, i % 5, 1 + i, i * 7 % 1000);
  write_file (products, out);

  g_string_assign (out, "account,sector,revenue,owner\n");
  for (guint i = 0; i < N_CUSTOMERS; i++)
    g_string_append_printf (out, "Customer %05u Ltd,Sector %u,%u.%02u,Rep %03u\n", i, i % 12,
                            1000 + i, i % 100, i % N_MEMBERS);
  write_file (customers, out);

  /* The deals stream to disk: the file of a million rows is larger than we want in RAM. */
  f = g_fopen (deals, "w");
  g_assert_nonnull (f);
  fputs ("opportunity_id,sales_agent,product,account,deal_stage,created_date,engage_date,"
         "close_date,close_value\n", f);
  for (guint i = 0; i < rows; i++)
    {
      guint stage, opened, engaged, closed;
      char amount[32] = "";

      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      stage = (x >> 33) % G_N_ELEMENTS (stages);
      opened = (x >> 20) % 400;
      engaged = opened + (x >> 45) % 30;
      closed = engaged + 10 + (x >> 50) % 90;
      if (stage == 5)
        g_snprintf (amount, sizeof amount, "%u", 500 + (guint) ((x >> 13) % 50000));
      else if (stage == 6)
        g_strlcpy (amount, "0", sizeof amount);
      fprintf (f, "D%08u,Rep %03u,Product %02u,Customer %05u Ltd,%s,%s,",
               i, (guint) ((x >> 7) % N_MEMBERS), (guint) ((x >> 27) % N_PRODUCTS),
               (guint) ((x >> 3) % N_CUSTOMERS), stages[stage], day (opened, d1));
      if (stage > 0)
        fputs (day (engaged, d1), f);
      fputc (',', f);
      if (stage >= 5)
        fputs (day (closed, d1), f);
      fprintf (f, ",%s\n", amount);
    }
  fclose (f);
}

/* User plus system CPU seconds so far: steadier than wall time on a shared machine. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gboolean
import (JxStore     *store,
        JxImportKind kind,
        const char  *dir,
        const char  *name,
        const char  *map,
        guint       *rows)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(JxImport) import = jx_import_new (store, kind);
  g_autoptr(GError) error = NULL;

  /* Wall and CPU seconds at the end of each step: open, validate, write, commit. */
  double wall[5], cpu[5];
  gboolean ok;

  wall[0] = g_get_monotonic_time () / 1e6;
  cpu[0] = cpu_seconds ();
  jx_import_set_create_missing (import, TRUE);
  ok = jx_import_open (import, path, &error) && jx_import_apply_map (import, map, &error);
  wall[1] = g_get_monotonic_time () / 1e6;
  cpu[1] = cpu_seconds ();
  ok = ok && jx_import_validate (import, NULL, NULL, NULL, &error);
  wall[2] = g_get_monotonic_time () / 1e6;
  cpu[2] = cpu_seconds ();
  ok = ok && jx_import_write (import, FALSE, NULL, NULL, NULL, &error);
  wall[3] = g_get_monotonic_time () / 1e6;
  cpu[3] = cpu_seconds ();
  ok = ok && jx_import_commit (import, &error);
  wall[4] = g_get_monotonic_time () / 1e6;
  cpu[4] = cpu_seconds ();
  if (ok && g_getenv ("BENCH_VERBOSE") != NULL)
    printf ("  %s: open %.2f s, validate %.2f s, write %.2f s, commit %.2f s "
            "(CPU %.2f, %.2f, %.2f, %.2f s)\n", name, wall[1] - wall[0], wall[2] - wall[1],
            wall[3] - wall[2], wall[4] - wall[3], cpu[1] - cpu[0], cpu[2] - cpu[1],
            cpu[3] - cpu[2], cpu[4] - cpu[3]);
  if (!ok)
    {
      const JxImportSummary *summary = jx_import_get_summary (import);

      g_printerr ("%s: %s\n", name, error != NULL ? error->message : "problems");
      for (guint i = 0; summary != NULL && i < summary->errors->len && i < 5; i++)
        {
          g_autofree char *text = jx_import_summary_format_error (summary, summary->errors->pdata[i]);
          g_printerr ("  %s\n", text);
        }
      return FALSE;
    }
  *rows = jx_import_get_summary (import)->n_new;
  return TRUE;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
run_one (guint rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jingxi-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint n_team = 0, n_products = 0, n_customers = 0, n_deals = 0;
  double t_setup, t_deals, cpu_deals;
  long rss_before;

  g_assert_no_error (error);
  generate (dir, rows);
  rss_before = peak_rss_kib ();
  store = jx_store_open (db, JX_STORE_OPEN_CREATE |
                                (g_getenv ("BENCH_UNDO") != NULL ? JX_STORE_OPEN_UNDO : 0), &error);
  g_assert_no_error (error);

  if (g_getenv ("BENCH_CACHE") != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %s", g_getenv ("BENCH_CACHE"));
      jx_store_exec (store, sql, NULL);
    }
  timer = g_timer_new ();
  if (!import (store, JX_IMPORT_KIND_TEAM, dir, "team.csv", NULL, &n_team) ||
      !import (store, JX_IMPORT_KIND_PRODUCTS, dir, "products.csv", NULL, &n_products) ||
      !import (store, JX_IMPORT_KIND_CUSTOMERS, dir, "customers.csv", NULL, &n_customers))
    return 1;
  t_setup = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  cpu_deals = cpu_seconds ();
  if (!import (store, JX_IMPORT_KIND_DEALS, dir, "deals.csv",
               "created_date=opened,engage_date=entered:Qualified", &n_deals))
    return 1;
  t_deals = g_timer_elapsed (timer, NULL);
  cpu_deals = cpu_seconds () - cpu_deals;

  printf ("%9u deals: %6.2f s, %8.0f rows/s (%.2f CPU s, %.0f rows per CPU second); "
          "team+products+customers %u rows in %.2f s; peak RSS %ld MiB (%ld MiB before "
          "importing); stage events %" G_GINT64_FORMAT "\n",
          n_deals, t_deals, n_deals / t_deals, cpu_deals, n_deals / cpu_deals,
          n_team + n_products + n_customers, t_setup,
          peak_rss_kib () / 1024, rss_before / 1024,
          jx_store_count_rows (store, JX_TABLE_STAGE_EVENTS));
  g_clear_object (&store);
  if (g_getenv ("BENCH_KEEP") != NULL)
    {
      printf ("kept %s\n", dir);
      return 0;
    }
  {
    static const char *const files[] = { "team.csv", "products.csv", "customers.csv",
                                         "deals.csv", "bench.db", "bench.db-wal",
                                         "bench.db-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (dir, files[i], NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const char *const sizes[] = { "100000", "1000000" };

  jx_i18n_init ();
  if (argc == 3 && g_str_equal (argv[1], "--one"))
    return run_one ((guint) g_ascii_strtoull (argv[2], NULL, 10));

  /* One process per size: ru_maxrss is a process's peak. */
  for (int i = 0; i < (argc > 1 ? argc - 1 : (int) G_N_ELEMENTS (sizes)); i++)
    {
      const char *size = argc > 1 ? argv[i + 1] : sizes[i];
      const char *child[] = { argv[0], "--one", size, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("bench-import: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}
