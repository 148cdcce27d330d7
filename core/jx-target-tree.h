/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"
#include "jx-target-decomposition.h"
#include "jx-target-node.h"
#include "jx-target-suggestion.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_TREE (jx_target_tree_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetTree, jx_target_tree, JX, TARGET_TREE, GObject)

/* What a new target needs; the filters are the ones it adds to its parent's. */
typedef struct {
  const char        *name;
  JxTargetMetric     metric;
  JxPeriod           period;
  gint64             amount;
  gint64             owner_id;
  JxTargetFilters    filters;
  const char        *rationale;
} JxTargetNodeSpec;

JxTargetTree        *jx_target_tree_new                  (JxStore                 *store,
                                                          gint64                   plan_id,
                                                          const GDate             *today);
gboolean             jx_target_tree_load                 (JxTargetTree            *self,
                                                          GError                 **error);
JxStore             *jx_target_tree_get_store            (JxTargetTree            *self);
gint64               jx_target_tree_get_plan_id          (JxTargetTree            *self);
const char          *jx_target_tree_get_currency         (JxTargetTree            *self);
GListModel          *jx_target_tree_get_roots            (JxTargetTree            *self);
JxTargetNode        *jx_target_tree_lookup               (JxTargetTree            *self,
                                                          gint64                   id);
guint                jx_target_tree_get_n_nodes          (JxTargetTree            *self);
void                 jx_target_tree_get_today            (JxTargetTree            *self,
                                                          GDate                   *today);
void                 jx_target_tree_set_today            (JxTargetTree            *self,
                                                          const GDate             *today);
JxTargetExpectation  jx_target_tree_get_expectation      (JxTargetTree            *self);
void                 jx_target_tree_set_expectation      (JxTargetTree            *self,
                                                          JxTargetExpectation      expectation);
gboolean             jx_target_tree_refresh_actuals      (JxTargetTree            *self,
                                                          GError                 **error);
gboolean             jx_target_tree_refresh_pipeline     (JxTargetTree            *self,
                                                          GError                 **error);
void                 jx_target_tree_refresh_async        (JxTargetTree            *self,
                                                          gboolean                 with_pipeline,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
gboolean             jx_target_tree_refresh_finish       (JxTargetTree            *self,
                                                          GAsyncResult            *result,
                                                          GError                 **error);
gboolean             jx_target_tree_get_figures_pending  (JxTargetTree            *self);
gboolean             jx_target_tree_get_pipeline_ready   (JxTargetTree            *self);

gint64               jx_target_tree_add_node             (JxTargetTree            *self,
                                                          JxTargetNode            *parent,
                                                          const JxTargetNodeSpec  *spec,
                                                          GError                 **error);
gboolean             jx_target_tree_delete_node          (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          GError                 **error);
gboolean             jx_target_tree_set_amount           (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          gint64                   amount,
                                                          GError                 **error);
gboolean             jx_target_tree_set_locked           (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          gboolean                 locked,
                                                          GError                 **error);
gboolean             jx_target_tree_set_name             (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          const char              *name,
                                                          GError                 **error);
gboolean             jx_target_tree_set_rationale        (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          const char              *rationale,
                                                          GError                 **error);
gboolean             jx_target_tree_set_owner            (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          gint64                   owner_id,
                                                          GError                 **error);
gboolean             jx_target_tree_set_smart_item       (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          JxTargetSmartItem        item,
                                                          gboolean                 done,
                                                          const char              *note,
                                                          GError                 **error);
gboolean             jx_target_tree_rebalance            (JxTargetTree            *self,
                                                          JxTargetNode            *parent,
                                                          JxTargetNode            *keep,
                                                          GError                 **error);

JxTargetDecomposition *jx_target_tree_preview_decomposition (JxTargetTree         *self,
                                                          JxTargetNode            *node,
                                                          JxTargetDimension        dimension,
                                                          JxTargetMethod           method,
                                                          GError                 **error);
gboolean             jx_target_tree_apply_decomposition  (JxTargetTree            *self,
                                                          JxTargetDecomposition   *decomposition,
                                                          GError                 **error);
GListModel          *jx_target_tree_suggest              (JxTargetTree            *self,
                                                          JxTargetNode            *node,
                                                          double                   growth_percent,
                                                          GError                 **error);

G_END_DECLS
