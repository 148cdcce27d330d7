/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_DEAL_EDITOR (jx_deal_editor_get_type ())
G_DECLARE_FINAL_TYPE (JxDealEditor, jx_deal_editor, JX, DEAL_EDITOR, AdwWindow)

GtkWidget *jx_deal_editor_new          (JxContext    *context,
                                        gint64        deal_id);
void       jx_deal_editor_present      (GtkWindow    *parent,
                                        JxContext    *context,
                                        gint64        deal_id);
gint64     jx_deal_editor_get_deal_id  (JxDealEditor *self);
gboolean   jx_deal_editor_save         (JxDealEditor *self);
GtkWidget *jx_deal_editor_get_field    (JxDealEditor *self,
                                        const char   *name);

G_END_DECLS
