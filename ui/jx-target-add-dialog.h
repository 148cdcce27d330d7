/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_ADD_DIALOG (jx_target_add_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetAddDialog, jx_target_add_dialog, JX, TARGET_ADD_DIALOG, AdwWindow)

JxTargetAddDialog *jx_target_add_dialog_new    (GtkWindow         *parent,
                                                JxTargetTree      *tree,
                                                JxTargetNode      *parent_node,
                                                const GDate       *today);
void               jx_target_add_dialog_set    (JxTargetAddDialog *self,
                                                const char        *name,
                                                const char        *amount);
gint64             jx_target_add_dialog_create (JxTargetAddDialog *self);

G_END_DECLS
