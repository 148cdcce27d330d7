/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"
#include "jx-funnel-chart.h"

G_BEGIN_DECLS

#define JX_TYPE_FUNNEL_VIEW (jx_funnel_view_get_type ())
G_DECLARE_FINAL_TYPE (JxFunnelView, jx_funnel_view, JX, FUNNEL_VIEW, JxView)

/* For tests: what the view shows and its controls. */
gboolean              jx_funnel_view_is_ready          (JxFunnelView  *self);
const JxFunnelReport *jx_funnel_view_get_report        (JxFunnelView  *self);
JxFunnelChart        *jx_funnel_view_get_chart         (JxFunnelView  *self);
void                  jx_funnel_view_get_filter        (JxFunnelView  *self,
                                                        JxDealFilter  *filter);
GArray               *jx_funnel_view_get_band_deal_ids (JxFunnelView  *self);
GListModel           *jx_funnel_view_get_deal_list     (JxFunnelView  *self,
                                                        gboolean       stalled);
GtkDropDown          *jx_funnel_view_get_dropdown      (JxFunnelView  *self,
                                                        const char    *name);
void                  jx_funnel_view_get_date_entries  (JxFunnelView  *self,
                                                        GtkEntry     **from,
                                                        GtkEntry     **to);
const char           *jx_funnel_view_get_card_value    (JxFunnelView  *self,
                                                        const char    *card);
const char           *jx_funnel_view_get_table_text    (JxFunnelView  *self,
                                                        int            column,
                                                        int            row);

G_END_DECLS
