/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-chart-style.h"
#include "jx-target-node.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_TREE_LAYOUT (jx_target_tree_layout_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetTreeLayout, jx_target_tree_layout, JX, TARGET_TREE_LAYOUT, GObject)

/* What lies under a point. */
typedef enum {
  JX_TARGET_TREE_HIT_NONE,
  JX_TARGET_TREE_HIT_CARD,
  JX_TARGET_TREE_HIT_EXPANDER,
} JxTargetTreeHit;

/* Keyboard moves between the visible cards. */
typedef enum {
  JX_TARGET_TREE_MOVE_PARENT,
  JX_TARGET_TREE_MOVE_FIRST_CHILD,
  JX_TARGET_TREE_MOVE_NEXT_SIBLING,
  JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING,
} JxTargetTreeMove;

typedef struct {
  double x, y, width, height;
} JxTargetTreeRect;

/*
 * The target tree chart: a card per visible target (name, target, actual, an attainment
 * bar coloured by pace with a tick at the expected-to-date), laid out top-down like an org
 * chart. A target whose children are all leaves stacks them in columns so that a year of
 * weeks stays readable. The layout is in model coordinates (1 unit = 1 px at 100%); a
 * transform (scale, then offset) maps it to the view, and hit tests take view coordinates.
 *
 * The layout reads the nodes when jx_target_tree_layout_update() is called (the view
 * calls it on JxTargetTree::changed and after expanding or collapsing); drawing and hit
 * testing update it first when needed.
 */

JxTargetTreeLayout *jx_target_tree_layout_new            (GListModel         *roots,
                                                          const JxChartStyle *style,
                                                          const char         *currency);
void          jx_target_tree_layout_set_style            (JxTargetTreeLayout *self,
                                                          const JxChartStyle *style);
void          jx_target_tree_layout_update               (JxTargetTreeLayout *self);
void          jx_target_tree_layout_invalidate           (JxTargetTreeLayout *self);
guint         jx_target_tree_layout_get_n_visible        (JxTargetTreeLayout *self);
void          jx_target_tree_layout_get_size             (JxTargetTreeLayout *self,
                                                          double             *width,
                                                          double             *height);

gboolean      jx_target_tree_layout_get_expanded         (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node);
void          jx_target_tree_layout_set_expanded         (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node,
                                                          gboolean            expanded);
void          jx_target_tree_layout_toggle               (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node);
void          jx_target_tree_layout_collapse_below       (JxTargetTreeLayout *self,
                                                          guint               depth);
void          jx_target_tree_layout_expand_all           (JxTargetTreeLayout *self);
gboolean      jx_target_tree_layout_is_visible           (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node);

void          jx_target_tree_layout_set_transform        (JxTargetTreeLayout *self,
                                                          double              scale,
                                                          double              offset_x,
                                                          double              offset_y);
void          jx_target_tree_layout_get_transform        (JxTargetTreeLayout *self,
                                                          double             *scale,
                                                          double             *offset_x,
                                                          double             *offset_y);
void          jx_target_tree_layout_fit                  (JxTargetTreeLayout *self,
                                                          double              width,
                                                          double              height);
void          jx_target_tree_layout_zoom_at              (JxTargetTreeLayout *self,
                                                          double              factor,
                                                          double              x,
                                                          double              y);
void          jx_target_tree_layout_pan                  (JxTargetTreeLayout *self,
                                                          double              dx,
                                                          double              dy);
void          jx_target_tree_layout_scroll_to            (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node,
                                                          double              width,
                                                          double              height);

gboolean      jx_target_tree_layout_get_card             (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node,
                                                          JxTargetTreeRect   *rect);
gboolean      jx_target_tree_layout_get_model_card       (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node,
                                                          JxTargetTreeRect   *rect);
JxTargetNode *jx_target_tree_layout_hit_test             (JxTargetTreeLayout *self,
                                                          double              x,
                                                          double              y,
                                                          JxTargetTreeHit    *hit);
JxTargetNode *jx_target_tree_layout_move                 (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node,
                                                          JxTargetTreeMove    move);
void          jx_target_tree_layout_set_selected         (JxTargetTreeLayout *self,
                                                          JxTargetNode       *node);
JxTargetNode *jx_target_tree_layout_get_selected         (JxTargetTreeLayout *self);

void          jx_target_tree_layout_draw                 (JxTargetTreeLayout *self,
                                                          cairo_t            *cr);

G_END_DECLS
