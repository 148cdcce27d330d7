/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TIER_CARD (jx_tier_card_get_type ())
G_DECLARE_FINAL_TYPE (JxTierCard, jx_tier_card, JX, TIER_CARD, GtkWidget)

GtkWidget  *jx_tier_card_new              (void);
JxCustomer *jx_tier_card_get_customer     (JxTierCard *self);
void        jx_tier_card_set_customer     (JxTierCard *self,
                                           JxCustomer *customer);
gint64      jx_tier_card_get_customer_id  (JxTierCard *self);
const char *jx_tier_card_get_name_text    (JxTierCard *self);
const char *jx_tier_card_get_revenue_text (JxTierCard *self);
gboolean    jx_tier_card_get_risk_visible (JxTierCard *self);
char       *jx_tier_card_dup_tooltip_text (JxTierCard *self);

G_END_DECLS
