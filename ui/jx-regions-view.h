/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_REGIONS_VIEW (jx_regions_view_get_type ())
G_DECLARE_FINAL_TYPE (JxRegionsView, jx_regions_view, JX, REGIONS_VIEW, JxView)

gboolean      jx_regions_view_is_loading          (JxRegionsView  *self);
JxRegionTree *jx_regions_view_get_tree            (JxRegionsView  *self);
gint64        jx_regions_view_get_selected_id     (JxRegionsView  *self);
gboolean      jx_regions_view_select_region       (JxRegionsView  *self,
                                                   gint64          region_id);
GtkWidget    *jx_regions_view_get_editor          (JxRegionsView  *self,
                                                   JxRegionFields  field);
GtkWidget    *jx_regions_view_get_chart           (JxRegionsView  *self);
gboolean      jx_regions_view_parse_amount        (const char     *text,
                                                   const char     *currency,
                                                   gint64         *minor,
                                                   GError        **error);

G_END_DECLS
