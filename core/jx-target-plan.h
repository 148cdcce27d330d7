/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_PLAN (jx_target_plan_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetPlan, jx_target_plan, JX, TARGET_PLAN, GObject)

/*
 * A plan is a named set of targets. One plan is active (the one Overview and the tree
 * show by default); copies of it try out what-if versions, and two plans can be compared.
 */

gint64        jx_target_plan_get_id         (JxTargetPlan  *self);
const char   *jx_target_plan_get_name       (JxTargetPlan  *self);
gboolean      jx_target_plan_get_active     (JxTargetPlan  *self);
const char   *jx_target_plan_get_created    (JxTargetPlan  *self);
const char   *jx_target_plan_get_notes      (JxTargetPlan  *self);
guint         jx_target_plan_get_n_targets  (JxTargetPlan  *self);

GListModel   *jx_target_plans_list          (JxStore       *store,
                                             GError       **error);
JxTargetPlan *jx_target_plan_find           (JxStore       *store,
                                             const char    *name_or_id,
                                             GError       **error);
gint64        jx_target_plan_get_active_id  (JxStore       *store);
gint64        jx_target_plan_create         (JxStore       *store,
                                             const char    *name,
                                             const GDate   *today,
                                             GError       **error);
gint64        jx_target_plan_duplicate      (JxStore       *store,
                                             gint64         plan_id,
                                             const char    *name,
                                             const GDate   *today,
                                             GError       **error);
gboolean      jx_target_plan_activate       (JxStore       *store,
                                             gint64         plan_id,
                                             GError       **error);
gboolean      jx_target_plan_rename         (JxStore       *store,
                                             gint64         plan_id,
                                             const char    *name,
                                             GError       **error);
gboolean      jx_target_plan_delete         (JxStore       *store,
                                             gint64         plan_id,
                                             GError       **error);

G_END_DECLS
