/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_DEALS_VIEW (jx_deals_view_get_type ())
G_DECLARE_FINAL_TYPE (JxDealsView, jx_deals_view, JX, DEALS_VIEW, AdwBin)

G_END_DECLS
