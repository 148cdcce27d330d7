/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-date.h"
#include "jx-target-types.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_NODE (jx_target_node_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetNode, jx_target_node, JX, TARGET_NODE, GObject)

/*
 * One target of a plan. Its properties are read-only: every change goes through
 * JxTargetTree, which writes it as one undoable step and updates the node. Amounts of
 * revenue targets are minor units; deal and new-customer targets are counts.
 *
 * Nodes of a JxTargetDecomposition preview have id 0 (new) or the id of the existing
 * child they will replace; their "weight" and "basis" properties explain their share.
 */

gint64               jx_target_node_get_id                (JxTargetNode *self);
gint64               jx_target_node_get_plan_id           (JxTargetNode *self);
JxTargetNode        *jx_target_node_get_parent            (JxTargetNode *self);
guint                jx_target_node_get_depth             (JxTargetNode *self);
int                  jx_target_node_get_position          (JxTargetNode *self);
GListModel          *jx_target_node_get_children          (JxTargetNode *self);
guint                jx_target_node_get_n_children        (JxTargetNode *self);
const char          *jx_target_node_get_name              (JxTargetNode *self);
JxTargetMetric       jx_target_node_get_metric            (JxTargetNode *self);
void                 jx_target_node_get_period            (JxTargetNode *self,
                                                           JxPeriod     *period);
const char          *jx_target_node_get_period_from       (JxTargetNode *self);
const char          *jx_target_node_get_period_to         (JxTargetNode *self);
gint64               jx_target_node_get_owner_id          (JxTargetNode *self);
const char          *jx_target_node_get_owner_name        (JxTargetNode *self);
JxTargetDimension    jx_target_node_get_dimension         (JxTargetNode *self);
const JxTargetFilters *jx_target_node_get_filters         (JxTargetNode *self);
const char          *jx_target_node_get_filter_name       (JxTargetNode *self,
                                                           JxTargetDimension dimension);
char                *jx_target_node_dup_filters_label     (JxTargetNode *self);
gint64               jx_target_node_get_amount            (JxTargetNode *self);
gboolean             jx_target_node_get_locked            (JxTargetNode *self);
const char          *jx_target_node_get_method            (JxTargetNode *self);
const char          *jx_target_node_get_rationale         (JxTargetNode *self);
gboolean             jx_target_node_get_smart_done        (JxTargetNode *self,
                                                           JxTargetSmartItem item);
const char          *jx_target_node_get_smart_note        (JxTargetNode *self,
                                                           JxTargetSmartItem item);
guint                jx_target_node_get_n_smart_done      (JxTargetNode *self);
gint64               jx_target_node_get_children_total    (JxTargetNode *self);
gint64               jx_target_node_get_unallocated       (JxTargetNode *self);

gboolean             jx_target_node_has_actual            (JxTargetNode *self);
gint64               jx_target_node_get_actual            (JxTargetNode *self);
double               jx_target_node_get_attainment        (JxTargetNode *self);
gint64               jx_target_node_get_expected_to_date  (JxTargetNode *self);
JxTargetPace         jx_target_node_get_pace              (JxTargetNode *self);
gint64               jx_target_node_get_gap               (JxTargetNode *self);
double               jx_target_node_get_win_rate          (JxTargetNode *self);
gint64               jx_target_node_get_pipeline_needed   (JxTargetNode *self);

double               jx_target_node_get_weight            (JxTargetNode *self);
gint64               jx_target_node_get_basis             (JxTargetNode *self);

char                *jx_target_node_format_amount         (JxTargetNode *self,
                                                           gint64        value,
                                                           const char   *currency,
                                                           gboolean      compact);

G_END_DECLS
