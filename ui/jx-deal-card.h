/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_DEAL_CARD (jx_deal_card_get_type ())
G_DECLARE_FINAL_TYPE (JxDealCard, jx_deal_card, JX, DEAL_CARD, GtkWidget)

GtkWidget     *jx_deal_card_new             (void);
void           jx_deal_card_set_deal        (JxDealCard *self,
                                             JxDeal     *deal,
                                             int         stalled_days);
JxDeal        *jx_deal_card_get_deal        (JxDealCard *self);
GtkDragSource *jx_deal_card_get_drag_source (JxDealCard *self);
void           jx_deal_card_popup_menu      (JxDealCard *self);

G_END_DECLS
