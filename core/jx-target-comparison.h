/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"
#include "jx-target-types.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_COMPARISON_ROW (jx_target_comparison_row_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetComparisonRow, jx_target_comparison_row, JX,
                      TARGET_COMPARISON_ROW, GObject)

/*
 * One target of two plans side by side. Targets are matched by their path from the top:
 * each step is the period (time splits), the filter value (other splits) or the metric and
 * name (targets added by hand), so a copied plan matches its original node for node.
 */

const char     *jx_target_comparison_row_get_name        (JxTargetComparisonRow *self);
const char     *jx_target_comparison_row_get_path        (JxTargetComparisonRow *self);
guint           jx_target_comparison_row_get_depth       (JxTargetComparisonRow *self);
JxTargetMetric  jx_target_comparison_row_get_metric      (JxTargetComparisonRow *self);
gboolean        jx_target_comparison_row_in_a            (JxTargetComparisonRow *self);
gboolean        jx_target_comparison_row_in_b            (JxTargetComparisonRow *self);
gint64          jx_target_comparison_row_get_amount_a    (JxTargetComparisonRow *self);
gint64          jx_target_comparison_row_get_amount_b    (JxTargetComparisonRow *self);
gint64          jx_target_comparison_row_get_difference  (JxTargetComparisonRow *self);

GListModel     *jx_target_plans_compare                  (JxStore               *store,
                                                          gint64                 plan_a,
                                                          gint64                 plan_b,
                                                          GError               **error);

G_END_DECLS
