/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_STAGES_EDITOR (jx_stages_editor_get_type ())
G_DECLARE_FINAL_TYPE (JxStagesEditor, jx_stages_editor, JX, STAGES_EDITOR, AdwPreferencesWindow)

JxStagesEditor *jx_stages_editor_present    (GtkWindow      *parent,
                                             JxStore        *store);
GtkWidget      *jx_stages_editor_get_field  (JxStagesEditor *self,
                                             gint64          stage_id,
                                             const char     *field);
void            jx_stages_editor_flush      (JxStagesEditor *self);
gboolean        jx_stages_editor_drop       (JxStagesEditor *self,
                                             gint64          dragged_id,
                                             gint64          target_id,
                                             gboolean        after);

G_END_DECLS
