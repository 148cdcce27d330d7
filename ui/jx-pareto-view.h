/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-chart-widget.h"
#include "jx-core.h"
#include "jx-pareto-chart.h"

G_BEGIN_DECLS

#define JX_TYPE_PARETO_VIEW (jx_pareto_view_get_type ())
G_DECLARE_FINAL_TYPE (JxParetoView, jx_pareto_view, JX, PARETO_VIEW, JxChartWidget)

GtkWidget      *jx_pareto_view_new         (void);
void            jx_pareto_view_set_pareto  (JxParetoView *self,
                                            JxPareto     *pareto);
const JxPareto *jx_pareto_view_get_pareto  (JxParetoView *self);
char           *jx_pareto_view_describe_at (JxParetoView *self,
                                            double        x,
                                            double        y);

G_END_DECLS
