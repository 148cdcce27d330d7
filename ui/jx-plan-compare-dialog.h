/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_PLAN_COMPARE_DIALOG (jx_plan_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxPlanCompareDialog, jx_plan_compare_dialog, JX, PLAN_COMPARE_DIALOG,
                      AdwWindow)

JxPlanCompareDialog *jx_plan_compare_dialog_new      (GtkWindow           *parent,
                                                      JxStore             *store,
                                                      gint64               plan_a,
                                                      gint64               plan_b);
GListModel          *jx_plan_compare_dialog_get_rows (JxPlanCompareDialog *self);

G_END_DECLS
