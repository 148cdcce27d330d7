/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_DEAL_SELECTION (jx_deal_selection_get_type ())
G_DECLARE_FINAL_TYPE (JxDealSelection, jx_deal_selection, JX, DEAL_SELECTION, GObject)

JxDealSelection *jx_deal_selection_new              (JxDealList      *list);
JxDealList      *jx_deal_selection_get_list         (JxDealSelection *self);
gint64           jx_deal_selection_get_selected_id  (JxDealSelection *self);
void             jx_deal_selection_set_selected_id  (JxDealSelection *self,
                                                     gint64           deal_id);

G_END_DECLS
