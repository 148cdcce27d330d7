/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "jx-chart-style.h"
#include "jx-funnel.h"

G_BEGIN_DECLS

/*
 * The funnel chart: one band per open stage, as wide as the deals (or the amount) that
 * reached it, each band narrowing to the next one's width so that the drop-off shows as
 * the funnel's slope; names on the left, the conversion to the next stage and the deals
 * dropped on the right, and the won and lost outcomes at the bottom.
 *
 *   JxFunnelLayout *layout = jx_funnel_layout_new (&data, &style, width, height);
 *   jx_funnel_layout_draw (layout, cr);
 *   int band = jx_funnel_layout_hit_test (layout, x, y);
 *
 * The layout copies what it needs, computes every shape and label once, and is then
 * drawn (on screen, on paper, into PNG) and asked about the pointer without recomputing.
 */

typedef enum {
  JX_FUNNEL_BY_COUNT,
  JX_FUNNEL_BY_AMOUNT,
} JxFunnelMode;

/* What jx_funnel_layout_hit_test() returns besides a band index. */
enum {
  JX_FUNNEL_HIT_NONE = -1,
  JX_FUNNEL_HIT_WON  = -2,
  JX_FUNNEL_HIT_LOST = -3,
};

typedef enum {
  JX_FUNNEL_LABEL_NAME,         /* the stage name, left of the band */
  JX_FUNNEL_LABEL_VALUE,        /* count and amount, in the band (or beside a narrow one) */
  JX_FUNNEL_LABEL_CONVERSION,   /* conversion to the next stage and the deals dropped */
} JxFunnelLabel;

typedef struct {
  const char *name;
  int         probability;
  gint64      reached;
  gint64      reached_amount;
  double      conversion;       /* to the next band, or to won for the last; NAN if none */
  gint64      dropped;
  gint64      now_count;
  gint64      now_amount;
  gint64      stalled;
  gint64      lost;
} JxFunnelBand;

typedef struct {
  const JxFunnelBand *bands;
  guint               n_bands;
  /* Deals of the funnel's cohort that were won: the width the last band narrows to. */
  gint64              cohort_won;
  gint64              cohort_won_amount;
  /* Deals closed in the period. */
  gint64              won_count;
  gint64              won_amount;
  gint64              lost_count;
  double              win_rate;
  const char         *currency;
  JxFunnelMode        mode;
} JxFunnelChartData;

typedef struct _JxFunnelLayout JxFunnelLayout;

void            jx_funnel_chart_data_init      (JxFunnelChartData       *data,
                                                const JxFunnelReport    *report,
                                                JxFunnelMode             mode);
void            jx_funnel_chart_data_clear     (JxFunnelChartData       *data);

JxFunnelLayout *jx_funnel_layout_new           (const JxFunnelChartData *data,
                                                const JxChartStyle      *style,
                                                double                   width,
                                                double                   height);
void            jx_funnel_layout_free          (JxFunnelLayout          *layout);
void            jx_funnel_layout_draw          (JxFunnelLayout          *layout,
                                                cairo_t                 *cr);
int             jx_funnel_layout_hit_test      (JxFunnelLayout          *layout,
                                                double                   x,
                                                double                   y);
char           *jx_funnel_layout_get_tooltip   (JxFunnelLayout          *layout,
                                                int                      band);
guint           jx_funnel_layout_get_n_bands   (JxFunnelLayout          *layout);
gboolean        jx_funnel_layout_get_band_shape (JxFunnelLayout         *layout,
                                                guint                    band,
                                                double                  *center_x,
                                                double                  *top_y,
                                                double                  *bottom_y,
                                                double                  *top_width,
                                                double                  *bottom_width);
gboolean        jx_funnel_layout_get_label     (JxFunnelLayout          *layout,
                                                guint                    band,
                                                JxFunnelLabel            label,
                                                cairo_rectangle_t       *rect,
                                                const char             **text);
gboolean        jx_funnel_layout_get_outcome_rect (JxFunnelLayout       *layout,
                                                int                      outcome,
                                                cairo_rectangle_t       *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxFunnelLayout, jx_funnel_layout_free)

G_END_DECLS
