/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-chart-style.h"
#include "jx-tier.h"

G_BEGIN_DECLS

/* Small drawing helpers shared by the tier, allocation and region painters. */

typedef struct {
  double x, y, width, height;
} JxRect;

JxColor  jx_chart_tier_color        (const JxChartStyle *style,
                                     JxTier              tier);
double   jx_chart_nice_step         (double              max,
                                     int                 target_ticks);
cairo_t *jx_chart_measure_context   (void);
void     jx_chart_draw_text         (cairo_t            *cr,
                                     const JxChartStyle *style,
                                     const char         *text,
                                     double              x,
                                     double              y,
                                     double              scale,
                                     gboolean            bold,
                                     const JxColor      *color,
                                     double              xalign,
                                     double              yalign);
double   jx_chart_text_width        (cairo_t            *cr,
                                     const JxChartStyle *style,
                                     const char         *text,
                                     double              scale,
                                     gboolean            bold);
double   jx_chart_text_height       (cairo_t            *cr,
                                     const JxChartStyle *style,
                                     double              scale);
void     jx_chart_rounded_rect      (cairo_t            *cr,
                                     double              x,
                                     double              y,
                                     double              width,
                                     double              height,
                                     double              radius);
void     jx_chart_draw_legend       (cairo_t            *cr,
                                     const JxChartStyle *style,
                                     double              x,
                                     double              y,
                                     const char *const  *labels,
                                     const JxColor *const *colors,
                                     guint               n);
gboolean jx_rect_contains           (const JxRect       *rect,
                                     double              x,
                                     double              y);

G_END_DECLS
