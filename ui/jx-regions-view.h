/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_REGIONS_VIEW (jx_regions_view_get_type ())
G_DECLARE_FINAL_TYPE (JxRegionsView, jx_regions_view, JX, REGIONS_VIEW, AdwBin)

G_END_DECLS
