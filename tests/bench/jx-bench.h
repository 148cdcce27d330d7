/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <glib.h>

G_BEGIN_DECLS

/* Peak resident memory of this process so far, in MiB. */
static inline double
jx_bench_peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static inline double
jx_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Milliseconds since @start (a g_get_monotonic_time()). */
static inline double
jx_bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Processor time in ms (user and system) of the whole process, all its threads: the machine
 * is shared, so wall time alone says little about the work. */
static inline double
jx_bench_process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* The longest gap between two calls of jx_bench_stall_tick_cb() (on a 1 ms timeout): the
 * longest the main loop could not react. */
typedef struct {
  double last;
  double worst;
} JxBenchStall;

static inline gboolean
jx_bench_stall_tick_cb (gpointer data)
{
  JxBenchStall *stall = data;
  double now = jx_bench_now_ms ();

  if (stall->last > 0)
    stall->worst = MAX (stall->worst, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* Processor time of the calling thread, in ms: on a shared machine wall time includes
 * waiting for a processor. */
static inline double
jx_bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
jx_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The median of @n timings (sorts them). */
static inline double
jx_bench_median (double *values,
                 int     n)
{
  qsort (values, n, sizeof (double), jx_bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

G_END_DECLS
