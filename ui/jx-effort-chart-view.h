/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-widget.h"
#include "jx-core.h"
#include "jx-effort-chart.h"

G_BEGIN_DECLS

#define JX_TYPE_EFFORT_CHART_VIEW (jx_effort_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (JxEffortChartView, jx_effort_chart_view, JX, EFFORT_CHART_VIEW,
                      JxChartWidget)

GtkWidget *jx_effort_chart_view_new             (void);
void       jx_effort_chart_view_set_allocation  (JxEffortChartView  *self,
                                                 const JxAllocation *allocation,
                                                 const char         *currency);
gboolean   jx_effort_chart_view_get_bar         (JxEffortChartView  *self,
                                                 guint               index,
                                                 JxEffortHitKind     which,
                                                 JxRect             *rect);
char      *jx_effort_chart_view_dup_tooltip_at  (JxEffortChartView  *self,
                                                 double              x,
                                                 double              y);

G_END_DECLS
