/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-chart-style.h"
#include "jx-chart-util.h"

G_BEGIN_DECLS

/* One region's market potential and won revenue. */
typedef struct {
  const char *name;
  gint64      potential;      /* −1 when unknown */
  gint64      won;
  guint       depth;          /* 0 for a top-level region; indents the name */
} JxRegionBar;

typedef struct {
  guint              n;
  const JxRegionBar *bars;
  const char        *currency;
  const char        *title;   /* nullable: a default title */
} JxRegionChartData;

typedef enum {
  JX_REGION_HIT_NONE,
  JX_REGION_HIT_POTENTIAL,
  JX_REGION_HIT_WON,
} JxRegionHitKind;

typedef struct {
  JxRegionHitKind kind;
  guint           index;
} JxRegionHit;

typedef struct _JxRegionLayout JxRegionLayout;

JxRegionLayout *jx_region_layout_new        (const JxRegionChartData *data,
                                             const JxChartStyle      *style,
                                             double                   width,
                                             double                   height);
void            jx_region_layout_draw       (JxRegionLayout          *layout,
                                             cairo_t                 *cr);
gboolean        jx_region_layout_hit_test   (JxRegionLayout          *layout,
                                             double                   x,
                                             double                   y,
                                             JxRegionHit             *hit);
void            jx_region_layout_get_bar    (JxRegionLayout          *layout,
                                             guint                    index,
                                             JxRegionHitKind          which,
                                             JxRect                  *rect);
void            jx_region_layout_free       (JxRegionLayout          *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxRegionLayout, jx_region_layout_free)

G_END_DECLS
