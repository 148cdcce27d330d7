/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-widget.h"
#include "jx-core.h"
#include "jx-region-chart.h"

G_BEGIN_DECLS

#define JX_TYPE_REGION_CHART_VIEW (jx_region_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (JxRegionChartView, jx_region_chart_view, JX, REGION_CHART_VIEW,
                      JxChartWidget)

GtkWidget *jx_region_chart_view_new             (void);
void       jx_region_chart_view_set_regions     (JxRegionChartView *self,
                                                 GPtrArray         *regions,
                                                 const char        *currency);
guint      jx_region_chart_view_get_n_bars      (JxRegionChartView *self);
gboolean   jx_region_chart_view_get_bar         (JxRegionChartView *self,
                                                 guint              index,
                                                 JxRegionHitKind    which,
                                                 JxRect            *rect);
char      *jx_region_chart_view_dup_tooltip_at  (JxRegionChartView *self,
                                                 double             x,
                                                 double             y);

G_END_DECLS
