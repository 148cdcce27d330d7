/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include "jx-core.h"
#include "jx-funnel-layout.h"
#include "jx-sqlite-private.h"

#define RUNS 9

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
bare_scan (JxStore *store)
{
  double t[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "SELECT count(*), sum(amount) FROM deals", NULL);
      double t0 = now_ms ();

      g_assert (sqlite3_step (stmt) == SQLITE_ROW);
      t[i] = now_ms () - t0;
    }
  return median (t, RUNS);
}

static double
time_funnel (JxStore            *store,
             const JxDealFilter *filter,
             const GDate        *today,
             gint64             *reached_first)
{
  double t[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JxFunnelReport) r = NULL;
      double t0 = now_ms ();

      r = jx_funnel_compute (store, filter, today, &error);
      t[i] = now_ms () - t0;
      g_assert_no_error (error);
      *reached_first = r->n_stages > 0 ? r->stages[0].reached : 0;
    }
  return median (t, RUNS);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *label;
    JxDealFilterDimension dimension;
    const char *sql;
  } dims[] = {
    { "region", JX_DEAL_FILTER_REGION, "SELECT name FROM regions ORDER BY id LIMIT 1" },
    { "owner", JX_DEAL_FILTER_OWNER,
      "SELECT t.name FROM team_members t WHERE t.is_manager = 0 ORDER BY t.id LIMIT 1" },
    { "product line", JX_DEAL_FILTER_PRODUCT_LINE, "SELECT name FROM product_lines ORDER BY id LIMIT 1" },
    { "product", JX_DEAL_FILTER_PRODUCT, "SELECT name FROM products ORDER BY id LIMIT 1" },
    { "tier", JX_DEAL_FILTER_TIER, "SELECT 'key'" },
    { "customer type", JX_DEAL_FILTER_CUSTOMER_TYPE, "SELECT name FROM customer_types ORDER BY id LIMIT 1" },
  };
  JxDealFilter filter;
  GDate today;
  double scan, t0, load, worst = 0;
  gint64 reached;

  jx_i18n_init ();
  if (argc != 2)
    {
      g_printerr ("Usage: bench-funnel DATABASE (made with jingxi-cli init --demo --scale 300 "
                  "--today 2026-11-27)\n");
      return 2;
    }
  /* With undo, so the deal the bench moves goes back. */
  store = jx_store_open (argv[1], JX_STORE_OPEN_UNDO, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);

  printf ("deals: %" G_GINT64_FORMAT ", stage events: %" G_GINT64_FORMAT "\n",
          jx_store_count_rows (store, JX_TABLE_DEALS), jx_store_count_rows (store, JX_TABLE_STAGE_EVENTS));
  scan = bare_scan (store);
  printf ("bare SELECT count(*), sum(amount) FROM deals: %.1f ms (median of %d)\n", scan, RUNS);

  t0 = now_ms ();
  if (!jx_funnel_preload (store, &error))
    g_error ("%s", error->message);
  load = now_ms () - t0;
  printf ("funnel cache load (once per store): %.0f ms\n", load);

  jx_deal_filter_init (&filter);
  {
    double t = time_funnel (store, &filter, &today, &reached);
    worst = MAX (worst, t);
    printf ("funnel, no filter:        %6.1f ms  (%.2f× the bare scan; reached first stage %" G_GINT64_FORMAT ")\n",
            t, t / scan, reached);
  }
  jx_deal_filter_init (&filter);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-10-01", "2026-12-31", NULL));
  {
    double t = time_funnel (store, &filter, &today, &reached);
    worst = MAX (worst, t);
    printf ("funnel, period Q4 2026:   %6.1f ms  (%.2f×; reached %" G_GINT64_FORMAT ")\n", t, t / scan, reached);
  }
  for (guint i = 0; i < G_N_ELEMENTS (dims); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, dims[i].sql, NULL);
      g_autofree char *name = NULL;
      double t;

      g_assert (sqlite3_step (stmt) == SQLITE_ROW);
      name = g_strdup (jx_column_text (stmt, 0));
      jx_deal_filter_init (&filter);
      g_assert_true (jx_deal_filter_set_by_name (&filter, store, dims[i].dimension, name, NULL));
      t = time_funnel (store, &filter, &today, &reached);
      worst = MAX (worst, t);
      printf ("funnel, %-14s %6.1f ms  (%.2f×; %s; reached %" G_GINT64_FORMAT ")\n",
              dims[i].label, t, t / scan, name, reached);
    }
  printf ("slowest funnel median: %.1f ms (target 100 ms)\n", worst);

  /* The chart: layout and drawing at a typical size, light and dark, both modes. */
  {
    g_autoptr(JxFunnelReport) r = NULL;
    double t[RUNS * 4];
    double first = 0;
    int n = 0;

    jx_deal_filter_init (&filter);
    g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-10-01", "2026-12-31", NULL));
    r = jx_funnel_compute (store, &filter, &today, &error);
    for (int i = 0; i < RUNS * 4 + 1; i++)
      {
        JxChartStyle style;
        JxFunnelChartData data;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 560);
        cairo_t *cr = cairo_create (surface);
        JxFunnelLayout *layout;
        double c0;

        if (i % 2)
          jx_chart_style_init_dark (&style);
        else
          jx_chart_style_init_light (&style);
        jx_funnel_chart_data_init (&data, r, (i / 2) % 2 ? JX_FUNNEL_BY_AMOUNT : JX_FUNNEL_BY_COUNT);
        c0 = now_ms ();
        layout = jx_funnel_layout_new (&data, &style, 900, 560);
        jx_funnel_layout_draw (layout, cr);
        cairo_surface_flush (surface);
        if (i == 0)
          first = now_ms () - c0;   /* includes loading the fonts */
        else
          t[n++] = now_ms () - c0;
        jx_funnel_layout_free (layout);
        jx_funnel_chart_data_clear (&data);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
    printf ("chart layout + drawing (900×560): %.2f ms median (target 5 ms); first one, loading "
            "fonts: %.1f ms\n", median (t, n), first);
  }

  /* A deal moves: the cache reloads that deal only. */
  {
    g_autoptr(GError) move_error = NULL;
    g_autoptr(JxFunnelReport) r = NULL;
    gint64 deal = 0;
    double t1;
    g_autoptr(sqlite3_stmt) stmt =
      jx_store_prepare (store, "SELECT id FROM deals WHERE status = 0 AND stage_id = "
                               "(SELECT id FROM stages WHERE kind = 0 ORDER BY position LIMIT 1) "
                               "ORDER BY id DESC LIMIT 1", NULL);
    GDate when = today;

    g_assert (sqlite3_step (stmt) == SQLITE_ROW);
    deal = sqlite3_column_int64 (stmt, 0);
    jx_deal_filter_init (&filter);
    t0 = now_ms ();
    if (!jx_deals_move (store, deal, 2, &when, &move_error))
      g_error ("%s", move_error->message);
    t1 = now_ms ();
    r = jx_funnel_compute (store, &filter, &today, &error);
    printf ("move one deal: %.1f ms; next funnel (reloads that deal): %.1f ms\n", t1 - t0,
            now_ms () - t1);
    if (!jx_store_undo (store, &move_error))
      g_error ("%s", move_error->message);
  }

  /* The deals view's model over every deal. */
  {
    struct {
      const char *label;
      JxDealSort key;
      gboolean descending;
      const char *search;
    } lists[] = {
      { "by id", JX_DEAL_SORT_ID, FALSE, NULL },
      { "by amount, descending", JX_DEAL_SORT_AMOUNT, TRUE, NULL },
      { "by expected close", JX_DEAL_SORT_EXPECTED_CLOSE, FALSE, NULL },
      { "by customer", JX_DEAL_SORT_CUSTOMER, FALSE, NULL },
      { "by stage", JX_DEAL_SORT_STAGE, FALSE, NULL },
      { "by title", JX_DEAL_SORT_TITLE, FALSE, NULL },
      { "search \"cedar\"", JX_DEAL_SORT_ID, FALSE, "cedar" },
    };
    g_autoptr(JxDealList) list = NULL;
    double t;

    t0 = now_ms ();
    list = jx_deal_list_new (store, &today);
    t = now_ms () - t0;
    printf ("deal list, %-24s %6.0f ms for %u rows\n", "new (by id):", t,
            g_list_model_get_n_items (G_LIST_MODEL (list)));
    for (guint i = 1; i < G_N_ELEMENTS (lists); i++)
      {
        t0 = now_ms ();
        jx_deal_list_set_search (list, NULL);
        t0 = now_ms ();
        jx_deal_list_set_sort (list, lists[i].key, lists[i].descending);
        jx_deal_list_set_search (list, lists[i].search);
        t = now_ms () - t0;
        printf ("deal list, %-24s %6.0f ms for %u rows\n", lists[i].label, t,
                g_list_model_get_n_items (G_LIST_MODEL (list)));
      }
    jx_deal_list_set_search (list, NULL);
    jx_deal_list_set_sort (list, JX_DEAL_SORT_AMOUNT, TRUE);
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      double worst_item = 0;

      /* Scrolling: a screenful (40 rows) at 200 places down the list. */
      t0 = now_ms ();
      for (guint k = 0; k < 200; k++)
        {
          double s0 = now_ms ();

          for (guint j = 0; j < 40; j++)
            {
              g_autoptr(JxDeal) deal = g_list_model_get_item (G_LIST_MODEL (list),
                                                              (guint) ((guint64) n * k / 200) + j);
              g_assert (deal != NULL);
            }
          worst_item = MAX (worst_item, now_ms () - s0);
        }
      printf ("deal list scrolling: %.3f ms per screen of 40 new rows (worst %.2f ms)\n",
              (now_ms () - t0) / 200, worst_item);
    }
  }

  printf ("peak RSS: %.0f MB\n", peak_rss_mb ());
  return 0;
}
