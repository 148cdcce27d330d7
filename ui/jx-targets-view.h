/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"
#include "jx-target-chart.h"
#include "jx-target-editor.h"
#include "jx-target-outline.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGETS_VIEW (jx_targets_view_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetsView, jx_targets_view, JX, TARGETS_VIEW, JxView)

JxTargetTree    *jx_targets_view_get_tree      (JxTargetsView *self);
JxTargetChart   *jx_targets_view_get_chart     (JxTargetsView *self);
JxTargetOutline *jx_targets_view_get_outline   (JxTargetsView *self);
JxTargetEditor  *jx_targets_view_get_editor    (JxTargetsView *self);
JxTargetNode    *jx_targets_view_get_selected  (JxTargetsView *self);
void             jx_targets_view_select        (JxTargetsView *self,
                                                JxTargetNode  *node);
gint64           jx_targets_view_get_plan_id   (JxTargetsView *self);
void             jx_targets_view_show_plan     (JxTargetsView *self,
                                                gint64         plan_id);
gboolean         jx_targets_view_is_loading    (JxTargetsView *self);

G_END_DECLS
