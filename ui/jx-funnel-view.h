/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_FUNNEL_VIEW (jx_funnel_view_get_type ())
G_DECLARE_FINAL_TYPE (JxFunnelView, jx_funnel_view, JX, FUNNEL_VIEW, AdwBin)

G_END_DECLS
