/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_TARGETS_VIEW (jx_targets_view_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetsView, jx_targets_view, JX, TARGETS_VIEW, AdwBin)

G_END_DECLS
