/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"
#include "jx-target-tree-layout.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_CHART (jx_target_chart_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetChart, jx_target_chart, JX, TARGET_CHART, GtkWidget)

GtkWidget          *jx_target_chart_new            (void);
void                jx_target_chart_set_tree       (JxTargetChart *self,
                                                    JxTargetTree  *tree);
JxTargetTree       *jx_target_chart_get_tree       (JxTargetChart *self);
JxTargetTreeLayout *jx_target_chart_get_layout     (JxTargetChart *self);
JxTargetNode       *jx_target_chart_get_selected   (JxTargetChart *self);
void                jx_target_chart_set_selected   (JxTargetChart *self,
                                                    JxTargetNode  *node);
void                jx_target_chart_reveal         (JxTargetChart *self,
                                                    JxTargetNode  *node);
void                jx_target_chart_fit            (JxTargetChart *self);
void                jx_target_chart_zoom           (JxTargetChart *self,
                                                    double         factor);
void                jx_target_chart_click          (JxTargetChart *self,
                                                    double         x,
                                                    double         y,
                                                    int            n_press);
gboolean            jx_target_chart_move           (JxTargetChart *self,
                                                    JxTargetTreeMove move);
void                jx_target_chart_toggle_selected (JxTargetChart *self);
char               *jx_target_chart_dup_tooltip    (JxTargetChart *self,
                                                    JxTargetNode  *node);

G_END_DECLS
