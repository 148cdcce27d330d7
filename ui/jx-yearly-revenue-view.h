/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-chart-widget.h"
#include "jx-core.h"
#include "jx-yearly-revenue-chart.h"

G_BEGIN_DECLS

#define JX_TYPE_YEARLY_REVENUE_VIEW (jx_yearly_revenue_view_get_type ())
G_DECLARE_FINAL_TYPE (JxYearlyRevenueView, jx_yearly_revenue_view, JX, YEARLY_REVENUE_VIEW,
                      JxChartWidget)

GtkWidget *jx_yearly_revenue_view_new        (void);
void       jx_yearly_revenue_view_set_years  (JxYearlyRevenueView *self,
                                              GArray              *years,
                                              const char          *currency);
char      *jx_yearly_revenue_view_describe_at (JxYearlyRevenueView *self,
                                               double               x,
                                               double               y);

G_END_DECLS
