/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TARGET_DECOMPOSE_DIALOG (jx_target_decompose_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetDecomposeDialog, jx_target_decompose_dialog, JX,
                      TARGET_DECOMPOSE_DIALOG, AdwWindow)

JxTargetDecomposeDialog *jx_target_decompose_dialog_new           (GtkWindow               *parent,
                                                                   JxTargetTree            *tree,
                                                                   JxTargetNode            *node);
void                     jx_target_decompose_dialog_set_dimension (JxTargetDecomposeDialog *self,
                                                                   JxTargetDimension        dimension);
void                     jx_target_decompose_dialog_set_method    (JxTargetDecomposeDialog *self,
                                                                   JxTargetMethod           method);
JxTargetDecomposition   *jx_target_decompose_dialog_get_preview   (JxTargetDecomposeDialog *self);
const char              *jx_target_decompose_dialog_get_note      (JxTargetDecomposeDialog *self);
gboolean                 jx_target_decompose_dialog_create        (JxTargetDecomposeDialog *self);

G_END_DECLS
