/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/ {
  JX_REGION_FIELD_NAME        = 1 << 0,
  JX_REGION_FIELD_PARENT      = 1 << 1,
  JX_REGION_FIELD_POTENTIAL   = 1 << 2,
  JX_REGION_FIELD_COMPETITORS = 1 << 3,
  JX_REGION_FIELD_STRATEGY    = 1 << 4,
  JX_REGION_FIELD_ALL         = (1 << 5) - 1,
} JxRegionFields;

typedef struct {
  const char *name;
  gint64      parent_id;      /* 0 for a top-level region */
  gint64      potential;      /* yearly market potential in minor units; −1 for unknown */
  const char *competitors;
  const char *strategy;
} JxRegionEdit;

#define JX_TYPE_REGION (jx_region_get_type ())
G_DECLARE_FINAL_TYPE (JxRegion, jx_region, JX, REGION, GObject)

#define JX_TYPE_REGION_TREE (jx_region_tree_get_type ())
G_DECLARE_FINAL_TYPE (JxRegionTree, jx_region_tree, JX, REGION_TREE, GObject)

gint64          jx_region_get_id              (JxRegion           *self);
gint64          jx_region_get_parent_id       (JxRegion           *self);
const char     *jx_region_get_name            (JxRegion           *self);
gint64          jx_region_get_potential       (JxRegion           *self);
gint64          jx_region_get_own_potential   (JxRegion           *self);
gint64          jx_region_get_won_12m         (JxRegion           *self);
double          jx_region_get_share           (JxRegion           *self);
guint           jx_region_get_n_customers     (JxRegion           *self);
guint           jx_region_get_n_reps          (JxRegion           *self);
const char     *jx_region_get_competitors     (JxRegion           *self);
const char     *jx_region_get_strategy        (JxRegion           *self);
guint           jx_region_get_depth           (JxRegion           *self);
GListModel     *jx_region_get_children        (JxRegion           *self);

JxRegionTree   *jx_region_tree_new            (JxStore            *store,
                                               const GDate        *today,
                                               GError            **error);
gboolean        jx_region_tree_reload         (JxRegionTree       *self,
                                               GError            **error);
GPtrArray      *jx_region_tree_flatten        (JxRegionTree       *self);
JxRegion       *jx_region_tree_find           (JxRegionTree       *self,
                                               gint64              region_id);

gint64          jx_region_add                 (JxStore            *store,
                                               const JxRegionEdit *edit,
                                               GError            **error);
gboolean        jx_region_update              (JxStore            *store,
                                               gint64              region_id,
                                               const JxRegionEdit *edit,
                                               JxRegionFields      fields,
                                               GError            **error);
gboolean        jx_region_remove              (JxStore            *store,
                                               gint64              region_id,
                                               GError            **error);

G_END_DECLS
