/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_OUTLINE (jx_target_outline_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetOutline, jx_target_outline, JX, TARGET_OUTLINE, AdwBin)

GtkWidget    *jx_target_outline_new               (void);
void          jx_target_outline_set_tree          (JxTargetOutline *self,
                                                   JxTargetTree    *tree);
JxTargetNode *jx_target_outline_get_selected      (JxTargetOutline *self);
void          jx_target_outline_set_selected      (JxTargetOutline *self,
                                                   JxTargetNode    *node);
GtkWidget    *jx_target_outline_get_amount_entry  (JxTargetOutline *self,
                                                   JxTargetNode    *node);
void          jx_target_outline_focus_amount      (JxTargetOutline *self,
                                                   JxTargetNode    *node);

G_END_DECLS
