/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "jx-core.h"

/*
 * bench-tiers DATABASE [TODAY]
 *
 * Times the tier work on a large database (made once with
 *   jingxi-cli --db FILE init --demo --scale 300 --today 2026-11-27):
 * suggestions for all customers, the tier board's five column models, and one drop (a
 * customer moved to another tier, committed, with the columns updated). The database is
 * opened with undo like the GUI, and the drop is undone at the end so the file is unchanged.
 */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
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

  start = g_get_monotonic_time ();
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  printf ("customer base (%u customers): %.1f ms\n", jx_customer_base_get_n_rows (base),
          ms_since (start));
  printf ("peak RSS: %ld MiB\n", peak_rss_mib ());
  return 0;
}
