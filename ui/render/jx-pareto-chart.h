/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-chart-style.h"
#include "jx-chart-util.h"
#include "jx-tier-suggestions.h"

G_BEGIN_DECLS

typedef struct {
  const JxPareto *pareto;
  const char     *title;      /* nullable: a default title */
} JxParetoChartData;

typedef enum {
  JX_PARETO_HIT_NONE,
  JX_PARETO_HIT_BAR,          /* a bar: the customers at positions [first, last] */
  JX_PARETO_HIT_TIER,         /* a tier's lane under the plot */
} JxParetoHitKind;

typedef struct {
  JxParetoHitKind kind;
  guint           first;      /* positions in JxPareto (largest revenue first) */
  guint           last;
  JxAbcClass      abc_class;  /* of position @first */
  JxTier          tier;       /* for JX_PARETO_HIT_TIER */
  guint           tier_count; /* customers of @tier in [first, last] */
  gint64          revenue;    /* the largest revenue in [first, last] */
  double          cumulative; /* share of revenue up to @last */
} JxParetoHit;

typedef struct _JxParetoLayout JxParetoLayout;

JxParetoLayout *jx_pareto_layout_new        (const JxParetoChartData *data,
                                             const JxChartStyle      *style,
                                             double                   width,
                                             double                   height);
void            jx_pareto_layout_draw       (JxParetoLayout          *layout,
                                             cairo_t                 *cr);
gboolean        jx_pareto_layout_hit_test   (JxParetoLayout          *layout,
                                             double                   x,
                                             double                   y,
                                             JxParetoHit             *hit);
void            jx_pareto_layout_get_plot   (JxParetoLayout          *layout,
                                             JxRect                  *plot);
void            jx_pareto_layout_get_band   (JxParetoLayout          *layout,
                                             JxAbcClass               abc_class,
                                             JxRect                  *band);
void            jx_pareto_layout_get_lane   (JxParetoLayout          *layout,
                                             JxTier                   tier,
                                             JxRect                  *lane);
double          jx_pareto_layout_x_for_position (JxParetoLayout    *layout,
                                             double                   position);
double          jx_pareto_layout_y_for_share (JxParetoLayout         *layout,
                                             double                   share);
double          jx_pareto_layout_y_for_revenue (JxParetoLayout       *layout,
                                             double                   revenue);
void            jx_pareto_layout_free       (JxParetoLayout          *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxParetoLayout, jx_pareto_layout_free)

G_END_DECLS
