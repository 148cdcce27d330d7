/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-target-node.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_DECOMPOSITION (jx_target_decomposition_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetDecomposition, jx_target_decomposition, JX,
                      TARGET_DECOMPOSITION, GObject)

/*
 * A preview of the children a decomposition will create: a GListModel of unsaved
 * JxTargetNode (id 0, or the id of an existing child with the same period or value, which
 * keeps its lock and its own children). Change the method, weights, locks or amounts and
 * the children are recomputed; jx_target_tree_apply_decomposition() writes them.
 */

JxTargetNode      *jx_target_decomposition_get_parent       (JxTargetDecomposition *self);
JxTargetDimension  jx_target_decomposition_get_dimension    (JxTargetDecomposition *self);
JxTargetMethod     jx_target_decomposition_get_method       (JxTargetDecomposition *self);
JxTargetMethod     jx_target_decomposition_get_method_used  (JxTargetDecomposition *self);
const char        *jx_target_decomposition_get_note         (JxTargetDecomposition *self);
guint              jx_target_decomposition_get_n_replaced   (JxTargetDecomposition *self);
gint64             jx_target_decomposition_get_total        (JxTargetDecomposition *self);
gint64             jx_target_decomposition_get_unallocated  (JxTargetDecomposition *self);
int                jx_target_decomposition_get_seasonal_years (JxTargetDecomposition *self);
gboolean           jx_target_decomposition_set_method       (JxTargetDecomposition *self,
                                                             JxTargetMethod         method,
                                                             GError               **error);
gboolean           jx_target_decomposition_set_seasonal_years (JxTargetDecomposition *self,
                                                             int                    n_years,
                                                             GError               **error);
gboolean           jx_target_decomposition_set_weight       (JxTargetDecomposition *self,
                                                             guint                  position,
                                                             double                 percent,
                                                             GError               **error);
gboolean           jx_target_decomposition_set_weights_text (JxTargetDecomposition *self,
                                                             const char            *text,
                                                             GError               **error);
gboolean           jx_target_decomposition_set_locked       (JxTargetDecomposition *self,
                                                             guint                  position,
                                                             gboolean               locked,
                                                             GError               **error);
gboolean           jx_target_decomposition_set_amount       (JxTargetDecomposition *self,
                                                             guint                  position,
                                                             gint64                 amount,
                                                             GError               **error);

G_END_DECLS
