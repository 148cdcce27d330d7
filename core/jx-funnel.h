/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-deal-filter.h"
#include "jx-store.h"

G_BEGIN_DECLS

/*
 * The funnel: how deals move through the open stages for a filter and a day. Every
 * figure and the date it uses is defined in the README (The funnel). Ratios and means that have
 * nothing to divide by are NAN ("—" on screen, null in JSON).
 */

typedef struct {
  gint64    stage_id;
  char     *name;
  int       position;
  int       probability;          /* percent */
  /* Open deals in the stage now (dimensions apply, the period does not). */
  gint64    count;
  gint64    amount;
  gint64    weighted_amount;      /* amount × probability, rounded to minor units */
  /* Deals opened in the period that reached the stage or went further. */
  gint64    reached;
  gint64    reached_amount;
  double    conversion_to_next;   /* reached(next) ÷ reached; the last stage: won ÷ reached */
  gint64    dropped;              /* reached − reached(next), or − won for the last stage */
  /* Stays in the stage that ended in the period. */
  gint64    n_stays;
  double    mean_days;
  double    median_days;
  /* Open deals in the stage for longer than the threshold (days; 0 when none is known). */
  gint64    stalled;
  int       stalled_threshold;
  gboolean  threshold_suggested;  /* the threshold is the 80th percentile of history */
  /* Deals lost at this stage and closed in the period. */
  gint64    lost;
} JxFunnelStage;

typedef struct {
  JxDealFilter   filter;
  GDate          today;
  char          *currency;

  JxFunnelStage *stages;               /* open stages in order */
  guint          n_stages;

  gint64         open_count;           /* open deals now */
  gint64         open_amount;
  gint64         opened;               /* deals opened in the period (the cohort) */
  gint64         cohort_won;           /* … of which won by today */
  gint64         cohort_won_amount;

  gint64         won_count;            /* deals closed in the period */
  gint64         won_amount;
  gint64         lost_count;
  double         win_rate;
  double         mean_days_to_win;
  double         mean_won_amount;      /* minor units */

  gint64         weighted_pipeline;
  double         velocity_per_day;     /* minor units per day */

  gboolean       has_target;
  gint64         target_amount;
  gint64         target_remaining;     /* target − won in the period, at least 0 */
  gint64         pipeline_in_period;   /* open amount expected to close in the period */
  double         coverage;             /* pipeline_in_period ÷ target_remaining */
} JxFunnelReport;

/* Which deals of a funnel band jx_funnel_deal_ids() returns. */
typedef enum {
  JX_FUNNEL_SET_IN_STAGE,   /* open deals in the stage now */
  JX_FUNNEL_SET_REACHED,    /* deals opened in the period that reached the stage */
  JX_FUNNEL_SET_STALLED,    /* stalled deals in the stage, longest first */
  JX_FUNNEL_SET_WON,        /* won, closed in the period */
  JX_FUNNEL_SET_LOST,       /* lost (at the stage, when one is given), closed in the period */
} JxFunnelSet;

JxFunnelReport *jx_funnel_compute            (JxStore             *store,
                                              const JxDealFilter  *filter,
                                              const GDate         *today,
                                              GError             **error);
void            jx_funnel_report_free        (JxFunnelReport      *report);
JsonNode       *jx_funnel_report_to_json     (const JxFunnelReport *report,
                                              JxStore             *store);
GArray         *jx_funnel_deal_ids           (JxStore             *store,
                                              const JxDealFilter  *filter,
                                              const GDate         *today,
                                              JxFunnelSet          set,
                                              gint64               stage_id,
                                              GError             **error);
gboolean        jx_funnel_preload            (JxStore             *store,
                                              GError             **error);
void            jx_funnel_preload_async      (JxStore             *store,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        jx_funnel_preload_finish     (JxStore             *store,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean        jx_funnel_is_preloaded       (JxStore             *store);
void            jx_funnel_forget             (JxStore             *store);

/* What jx_funnel_breakdown() groups deals by. */
typedef enum {
  JX_FUNNEL_GROUP_REGION,   /* the deal's customer's own region (not its parent's) */
  JX_FUNNEL_GROUP_OWNER,    /* the deal's owner */
} JxFunnelGrouping;

/* One row of a breakdown: the funnel's won, win rate and pipeline figures for one group. */
typedef struct {
  gint64  id;                 /* region or team member id; 0 for deals without one */
  char   *name;               /* NULL when id is 0 */
  gint64  won_count;          /* won and closed in the period */
  gint64  won_amount;
  gint64  lost_count;         /* lost and closed in the period */
  double  win_rate;           /* won ÷ (won + lost); NAN when none closed */
  gint64  open_count;         /* open deals now */
  gint64  open_amount;
  gint64  weighted_amount;    /* Σ open amount × stage probability, rounded to minor units */
} JxFunnelGroup;

GArray         *jx_funnel_breakdown          (JxStore             *store,
                                              const JxDealFilter  *filter,
                                              const GDate         *today,
                                              JxFunnelGrouping     grouping,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxFunnelReport, jx_funnel_report_free)

G_END_DECLS
