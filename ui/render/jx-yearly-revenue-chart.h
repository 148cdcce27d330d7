/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-chart-style.h"
#include "jx-chart-util.h"
#include "jx-customer-detail.h"

G_BEGIN_DECLS

typedef struct {
  const JxRevenueYear *years;      /* oldest first */
  guint                n_years;
  const char          *currency;
} JxYearlyRevenueData;

typedef struct _JxYearlyRevenueLayout JxYearlyRevenueLayout;

JxYearlyRevenueLayout *jx_yearly_revenue_layout_new      (const JxYearlyRevenueData *data,
                                                          const JxChartStyle        *style,
                                                          double                     width,
                                                          double                     height);
void                   jx_yearly_revenue_layout_draw     (JxYearlyRevenueLayout     *layout,
                                                          cairo_t                   *cr);
int                    jx_yearly_revenue_layout_hit_test (JxYearlyRevenueLayout     *layout,
                                                          double                     x,
                                                          double                     y);
gboolean               jx_yearly_revenue_layout_get_bar  (JxYearlyRevenueLayout     *layout,
                                                          guint                      index,
                                                          JxRect                    *bar);
const JxRevenueYear   *jx_yearly_revenue_layout_get_year (JxYearlyRevenueLayout     *layout,
                                                          guint                      index);
void                   jx_yearly_revenue_layout_free     (JxYearlyRevenueLayout     *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxYearlyRevenueLayout, jx_yearly_revenue_layout_free)

G_END_DECLS
