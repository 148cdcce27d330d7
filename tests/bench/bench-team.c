/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include "jx-bench.h"
#include "jx-core.h"

/*
 * bench-team DATABASE [TODAY]
 *
 * Times what the Team and Regions views do on a large database (made once with
 *   jingxi-cli --db FILE init --demo --scale 300 --today 2026-11-27):
 * on the window's connection, the team list the view builds at once and the customer base
 * the views share; the allocation as the Team view's worker computes it (from a copy of the
 * base's tiers, owners and revenue, on a second connection) first, after a policy change
 * and after a tier move (which patches the base); and the region tree on the second
 * connection. The changes are undone at the end, so the file is unchanged.
 */

static void
report (const char *what,
        gint64      start,
        double      cpu_start)
{
  printf ("%-44s %8.1f ms  (cpu %7.1f ms)\n", what, jx_bench_ms_since (start),
          jx_bench_process_cpu_ms () - cpu_start);
}

/* The allocation as the Team view computes it: the copy on the window's thread, the rest on
 * the worker's connection. */
static JxAllocation *
compute (JxCustomerBase *base,
         JxStore        *reader)
{
  g_autoptr(GError) error = NULL;
  g_autofree JxAllocationCustomer *customers = NULL;
  JxAllocation *allocation;
  guint n = 0;

  customers = jx_allocation_customers_copy (base, &n);
  allocation = jx_allocation_compute_for (reader, customers, n, &error);
  g_assert_no_error (error);
  return allocation;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxStore) reader = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxAllocation) allocation = NULL;
  g_autoptr(JxTeam) team = NULL;
  g_autoptr(JxRegionTree) tree = NULL;
  JxTierPolicy policies[JX_N_TIERS];
  JxTierPolicy changed;
  JxTierMove move;
  GDate today;
  gint64 start;
  double cpu;
  guint moved = 0;

  jx_i18n_init ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-team DATABASE [TODAY]\n");
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
  printf ("%s: %" G_GINT64_FORMAT " customers, %" G_GINT64_FORMAT " team members, %"
          G_GINT64_FORMAT " deals\n", argv[1], jx_store_count_rows (store, JX_TABLE_CUSTOMERS),
          jx_store_count_rows (store, JX_TABLE_TEAM_MEMBERS),
          jx_store_count_rows (store, JX_TABLE_DEALS));

  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  team = jx_team_new (store, &error);
  g_assert_no_error (error);
  report ("team list (window thread)", start, cpu);

  /* The Team view: the store's shared customer base (loaded with the deals read on two
   * connections of its own), then the allocation from a copy of each customer's tier, owner
   * and revenue, computed on the worker's connection. */
  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  report ("customer base (shared by the views)", start, cpu);
  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  reader = jx_store_open (argv[1], JX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  allocation = compute (base, reader);
  report ("first allocation (copy + worker)", start, cpu);
  printf ("  planned %.1f h, %u reps\n", allocation->planned_hours, allocation->reps->len);

  g_assert_true (jx_tier_policies_load (store, policies, NULL));
  changed = policies[JX_TIER_KEY];
  changed.visits_per_month += 1;
  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  g_assert_true (jx_tier_policy_set (store, JX_TIER_KEY, &changed, &error));
  g_clear_pointer (&allocation, jx_allocation_free);
  allocation = compute (base, reader);
  report ("policy change, commit + allocation", start, cpu);

  move.customer_id = jx_customer_base_get_row (base, 0)->id;
  move.to = jx_customer_base_get_row (base, 0)->tier == JX_TIER_KEY ? JX_TIER_GROWTH
                                                                     : JX_TIER_KEY;
  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  g_assert_true (jx_customer_base_move (base, &move, 1, JX_TIER_SOURCE_MANUAL, &moved, &error));
  report ("tier move, commit + base patched", start, cpu);
  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  g_clear_pointer (&allocation, jx_allocation_free);
  allocation = compute (base, reader);
  report ("tier move, allocation", start, cpu);

  start = g_get_monotonic_time ();
  cpu = jx_bench_process_cpu_ms ();
  tree = jx_region_tree_new (reader, &today, &error);
  g_assert_no_error (error);
  report ("region tree (worker)", start, cpu);

  g_assert_true (jx_store_undo (store, &error));
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  printf ("peak RSS %.0f MiB\n", jx_bench_peak_rss_mib ());
  return 0;
}
