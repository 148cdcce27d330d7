/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_PENDING_VIEW (jx_pending_view_get_type ())
G_DECLARE_FINAL_TYPE (JxPendingView, jx_pending_view, JX, PENDING_VIEW, AdwBin)

G_END_DECLS
