/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_DEALS_VIEW (jx_deals_view_get_type ())
G_DECLARE_FINAL_TYPE (JxDealsView, jx_deals_view, JX, DEALS_VIEW, JxView)

/* For tests: the view's parts that a user drives by pointer. */
GtkColumnViewColumn *jx_deals_view_get_sort_column  (JxDealsView *self,
                                                     JxDealSort   key);
GtkWidget           *jx_deals_view_get_board_column (JxDealsView *self,
                                                     gint64       stage_id);
JxDealList          *jx_deals_view_get_list         (JxDealsView *self,
                                                     gint64       stage_id);
gboolean             jx_deals_view_is_loading       (JxDealsView *self);

G_END_DECLS
