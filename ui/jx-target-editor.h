/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_EDITOR (jx_target_editor_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetEditor, jx_target_editor, JX, TARGET_EDITOR, AdwBin)

GtkWidget    *jx_target_editor_new                (void);
void          jx_target_editor_set_tree           (JxTargetEditor *self,
                                                   JxTargetTree   *tree);
void          jx_target_editor_set_node           (JxTargetEditor *self,
                                                   JxTargetNode   *node);
JxTargetNode *jx_target_editor_get_node           (JxTargetEditor *self);
void          jx_target_editor_focus_amount       (JxTargetEditor *self);
void          jx_target_editor_save_pending       (JxTargetEditor *self);
AdwEntryRow  *jx_target_editor_get_amount_row     (JxTargetEditor *self);
const char   *jx_target_editor_get_parent_status  (JxTargetEditor *self);
GListModel   *jx_target_editor_get_suggestions    (JxTargetEditor *self);
gboolean      jx_target_editor_apply_suggestion   (JxTargetEditor *self,
                                                   guint           index);

G_END_DECLS
