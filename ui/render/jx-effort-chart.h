/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-allocation.h"
#include "jx-chart-style.h"
#include "jx-chart-util.h"

G_BEGIN_DECLS

/* One tier's share of revenue and share of planned effort. */
typedef struct {
  JxTier  tier;
  guint   customers;
  double  revenue_share;      /* 0..1 */
  double  effort_share;       /* 0..1 */
} JxEffortBar;

typedef struct {
  guint              n;
  const JxEffortBar *bars;
  const char        *title;   /* nullable: a default title */
} JxEffortChartData;

typedef enum {
  JX_EFFORT_HIT_NONE,
  JX_EFFORT_HIT_REVENUE,
  JX_EFFORT_HIT_EFFORT,
} JxEffortHitKind;

typedef struct {
  JxEffortHitKind kind;
  guint           index;      /* into the data's bars */
  JxTier          tier;
  double          share;
} JxEffortHit;

typedef struct _JxEffortLayout JxEffortLayout;

guint           jx_effort_bars_from_allocation (const JxAllocation      *allocation,
                                                JxEffortBar              bars[JX_N_TIERS]);

JxEffortLayout *jx_effort_layout_new           (const JxEffortChartData *data,
                                                const JxChartStyle      *style,
                                                double                   width,
                                                double                   height);
void            jx_effort_layout_draw          (JxEffortLayout          *layout,
                                                cairo_t                 *cr);
gboolean        jx_effort_layout_hit_test      (JxEffortLayout          *layout,
                                                double                   x,
                                                double                   y,
                                                JxEffortHit             *hit);
void            jx_effort_layout_get_bar       (JxEffortLayout          *layout,
                                                guint                    index,
                                                JxEffortHitKind          which,
                                                JxRect                  *rect);
void            jx_effort_layout_free          (JxEffortLayout          *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxEffortLayout, jx_effort_layout_free)

G_END_DECLS
