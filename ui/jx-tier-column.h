/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"
#include "jx-tier-card.h"

G_BEGIN_DECLS

#define JX_TYPE_TIER_COLUMN (jx_tier_column_get_type ())
G_DECLARE_FINAL_TYPE (JxTierColumn, jx_tier_column, JX, TIER_COLUMN, GtkWidget)

GtkWidget         *jx_tier_column_new              (JxTier          tier);
JxTier             jx_tier_column_get_tier         (JxTierColumn   *self);
void               jx_tier_column_set_list         (JxTierColumn   *self,
                                                    JxCustomerList *list);
JxCustomerList    *jx_tier_column_get_list         (JxTierColumn   *self);
GtkSelectionModel *jx_tier_column_get_selection    (JxTierColumn   *self);
GArray            *jx_tier_column_dup_selected_ids (JxTierColumn   *self);
void               jx_tier_column_select_ids       (JxTierColumn   *self,
                                                    const gint64   *ids,
                                                    guint           n_ids);
void               jx_tier_column_unselect_all     (JxTierColumn   *self);
GtkDropTarget     *jx_tier_column_get_drop_target  (JxTierColumn   *self);
GtkListView       *jx_tier_column_get_list_view    (JxTierColumn   *self);
void               jx_tier_column_set_menu_model   (JxTierColumn   *self,
                                                    GMenuModel     *model);
JxTierCard        *jx_tier_column_find_card        (JxTierColumn   *self,
                                                    gint64          customer_id);
const char        *jx_tier_column_get_count_text   (JxTierColumn   *self);
const char        *jx_tier_column_get_total_text   (JxTierColumn   *self);

G_END_DECLS
