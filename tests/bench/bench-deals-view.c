/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-deals-view DB: the Deals view on a large database (make one with
 * `jingxi-cli --db DB init --demo --scale 300 --today 2026-11-27`), under a display
 * (xvfb-run). It prints how long the list takes to load, search and sort, the longest
 * time the main loop was blocked meanwhile (what typing would feel), the time to draw a
 * frame after scrolling, and the peak memory. Figures only; it asserts nothing.
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>

#include "jx-bench.h"
#include "jx-deals-view.h"
#include "jx-ui.h"
#include "jx-window.h"

#define N_FRAMES 60

static double last_cpu;     /* process processor time of the last wait_loaded() */
static double last_main_cpu;

static void
wait_loaded (JxDealsView *view,
             double      *elapsed,
             double      *worst_stall)
{
  JxBenchStall stall = { 0, 0 };
  double start = jx_bench_now_ms ();
  double cpu = jx_bench_process_cpu_ms ();
  double main_cpu = jx_bench_thread_cpu_ms ();
  guint id = g_timeout_add (1, jx_bench_stall_tick_cb, &stall);

  /* Past the search entry's and the list's delays, then until the rows are in. */
  while (jx_bench_now_ms () - start < 400 || jx_deals_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
  *elapsed = jx_bench_now_ms () - start;
  *worst_stall = stall.worst;
  last_cpu = jx_bench_process_cpu_ms () - cpu;
  last_main_cpu = jx_bench_thread_cpu_ms () - main_cpu;
  g_source_remove (id);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Scrolls to @value and waits for the frame that shows it; returns the main thread's
 * processor time for it, and the wall time in @wall. */
static double
scroll_to (GtkAdjustment *adjustment,
           GdkFrameClock *clock,
           double         value,
           double        *wall)
{
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  double start = jx_bench_now_ms ();
  double cpu = jx_bench_thread_cpu_ms ();

  gtk_adjustment_set_value (adjustment, value);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  *wall = jx_bench_now_ms () - start;
  return jx_bench_thread_cpu_ms () - cpu;
}

static void
print_scroll (const char *label,
              double     *cpu,
              double     *wall,
              int         n)
{
  double worst = 0, worst_wall = 0;

  for (int i = 0; i < n; i++)
    {
      worst = MAX (worst, cpu[i]);
      worst_wall = MAX (worst_wall, wall[i]);
    }
  printf ("%-30s processor median %5.1f ms, worst %5.1f ms; wall median %5.1f ms, worst %5.1f"
          " ms per frame (%d frames)\n", label, jx_bench_median (cpu, n), worst,
          jx_bench_median (wall, n), worst_wall, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(JxClock) clock = NULL;
  g_autoptr(JxContext) context = NULL;
  JxWindow *window;
  JxDealsView *view;
  GtkWidget *search, *column_view, *scroller;
  GtkAdjustment *adjustment;
  GdkFrameClock *frame_clock;
  double elapsed, stall;
  GDate today;
  JxDealList *list;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-deals-view DB\n");
      return 2;
    }
  jx_i18n_init ();
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-deals-view needs a display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();
  jx_ui_init ();
  app = gtk_application_new ("io.github.jingxi.Jingxi.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_date_set_dmy (&today, 27, 11, 2026);
  clock = jx_clock_new_fixed (&today);
  context = jx_context_new (clock);
  window = jx_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  if (!jx_window_open_database (window, argv[1], FALSE))
    return 1;
  jx_window_show_view (window, "deals");
  view = JX_DEALS_VIEW (jx_window_get_view (window, "deals"));
  gtk_widget_activate_action (GTK_WIDGET (view), "deals.mode", "s", "list");

  wait_loaded (view, &elapsed, &stall);
  list = jx_deals_view_get_list (view, -1);
  printf ("%-34s %7.0f ms for %u rows (processor %.0f ms, main thread %.0f ms), main loop"
          " blocked at most %.0f ms\n", "list, first load (open deals):", elapsed,
          g_list_model_get_n_items (G_LIST_MODEL (list)), last_cpu, last_main_cpu, stall);

  search = find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  gtk_widget_activate_action (GTK_WIDGET (view), "deals.clear-filters", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (view),
                                                          GTK_TYPE_DROP_DOWN)), 3);
  wait_loaded (view, &elapsed, &stall);
  printf ("%-34s %7.0f ms for %u rows (processor %.0f ms, main thread %.0f ms), main loop"
          " blocked at most %.0f ms\n", "list, all deals:", elapsed,
          g_list_model_get_n_items (G_LIST_MODEL (list)), last_cpu, last_main_cpu, stall);

  /* Typing a word a letter at a time, 80 ms apart. */
  {
    const char *word = "cloud";
    JxBenchStall typing = { 0, 0 };
    guint id = g_timeout_add (1, jx_bench_stall_tick_cb, &typing);
    double start = jx_bench_now_ms ();

    for (int i = 1; i <= 5; i++)
      {
        g_autofree char *prefix = g_strndup (word, i);
        double at = jx_bench_now_ms ();

        gtk_editable_set_text (GTK_EDITABLE (search), prefix);
        while (jx_bench_now_ms () - at < 80)
          g_main_context_iteration (NULL, FALSE);
      }
    g_source_remove (id);
    wait_loaded (view, &elapsed, &stall);
    printf ("%-34s %7.0f ms until %u rows, main loop blocked at most %.0f ms while typing\n",
            "list, typing \"cloud\":", jx_bench_now_ms () - start,
            g_list_model_get_n_items (G_LIST_MODEL (list)), MAX (typing.worst, stall));
  }
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_loaded (view, &elapsed, &stall);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                  jx_deals_view_get_sort_column (view, JX_DEAL_SORT_AMOUNT),
                                  GTK_SORT_DESCENDING);
  wait_loaded (view, &elapsed, &stall);
  printf ("%-34s %7.0f ms (processor %.0f ms, main thread %.0f ms), main loop blocked at most"
          " %.0f ms\n", "list, sort by amount:", elapsed, last_cpu, last_main_cpu, stall);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                  jx_deals_view_get_sort_column (view, JX_DEAL_SORT_CUSTOMER),
                                  GTK_SORT_ASCENDING);
  wait_loaded (view, &elapsed, &stall);
  printf ("%-34s %7.0f ms (processor %.0f ms, main thread %.0f ms), main loop blocked at most"
          " %.0f ms\n", "list, sort by customer:", elapsed, last_cpu, last_main_cpu, stall);

  /* Scrolling: a page at a time from the top, then jumps anywhere in the list. */
  scroller = gtk_widget_get_ancestor (column_view, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  frame_clock = gtk_widget_get_frame_clock (column_view);
  {
    double pages[N_FRAMES], jumps[N_FRAMES], wheel[N_FRAMES];
    double pages_wall[N_FRAMES], jumps_wall[N_FRAMES], wheel_wall[N_FRAMES];
    GRand *rand = g_rand_new_with_seed (7);
    double value = 0;

    for (int i = 0; i < N_FRAMES; i++)
      wheel[i] = scroll_to (adjustment, frame_clock,
                            value += gtk_adjustment_get_step_increment (adjustment) * 3,
                            &wheel_wall[i]);
    for (int i = 0; i < N_FRAMES; i++)
      pages[i] = scroll_to (adjustment, frame_clock,
                            value += gtk_adjustment_get_page_size (adjustment), &pages_wall[i]);
    for (int i = 0; i < N_FRAMES; i++)
      jumps[i] = scroll_to (adjustment, frame_clock,
                            g_rand_double (rand) * (gtk_adjustment_get_upper (adjustment) -
                                                    gtk_adjustment_get_page_size (adjustment)),
                            &jumps_wall[i]);
    g_rand_free (rand);
    printf ("%-34s %u rows, %.0f px\n", "list, scrolling over:",
            g_list_model_get_n_items (G_LIST_MODEL (list)), gtk_adjustment_get_upper (adjustment));
    print_scroll ("  wheel steps (3 lines):", wheel, wheel_wall, N_FRAMES);
    print_scroll ("  page down:", pages, pages_wall, N_FRAMES);
    print_scroll ("  jumps anywhere:", jumps, jumps_wall, N_FRAMES);
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "deals.mode", "s", "board");
  wait_loaded (view, &elapsed, &stall);
  printf ("%-34s %7.0f ms (processor %.0f ms, main thread %.0f ms), main loop blocked at most"
          " %.0f ms\n", "board, first load:", elapsed, last_cpu, last_main_cpu, stall);

  printf ("peak RSS: %.0f MiB\n", jx_bench_peak_rss_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
