/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-widget.h"
#include "jx-core.h"
#include "jx-funnel-layout.h"

G_BEGIN_DECLS

#define JX_TYPE_FUNNEL_CHART (jx_funnel_chart_get_type ())
G_DECLARE_FINAL_TYPE (JxFunnelChart, jx_funnel_chart, JX, FUNNEL_CHART, JxChartWidget)

GtkWidget      *jx_funnel_chart_new           (void);
void            jx_funnel_chart_set_report    (JxFunnelChart        *self,
                                               const JxFunnelReport *report);
void            jx_funnel_chart_set_mode      (JxFunnelChart        *self,
                                               JxFunnelMode          mode);
JxFunnelMode    jx_funnel_chart_get_mode      (JxFunnelChart        *self);
void            jx_funnel_chart_set_selected  (JxFunnelChart        *self,
                                               int                   band);
int             jx_funnel_chart_get_selected  (JxFunnelChart        *self);
JxFunnelLayout *jx_funnel_chart_get_layout    (JxFunnelChart        *self);
int             jx_funnel_chart_click         (JxFunnelChart        *self,
                                               double                x,
                                               double                y);

G_END_DECLS
