/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"
#include "jx-tier-column.h"

G_BEGIN_DECLS

#define JX_TYPE_TIER_BOARD (jx_tier_board_get_type ())
G_DECLARE_FINAL_TYPE (JxTierBoard, jx_tier_board, JX, TIER_BOARD, GtkWidget)

GtkWidget    *jx_tier_board_new                (void);
void          jx_tier_board_set_base           (JxTierBoard    *self,
                                                JxCustomerBase *base);
JxTierColumn *jx_tier_board_get_column         (JxTierBoard    *self,
                                                JxTier          tier);
JxTierColumn *jx_tier_board_get_active_column  (JxTierBoard    *self);
guint         jx_tier_board_move_customers     (JxTierBoard    *self,
                                                const gint64   *ids,
                                                guint           n_ids,
                                                JxTier          to);
double        jx_tier_board_get_last_move_ms   (JxTierBoard    *self);
double        jx_tier_board_get_ready_ms       (JxTierBoard    *self);

G_END_DECLS
