/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_TEAM_VIEW (jx_team_view_get_type ())
G_DECLARE_FINAL_TYPE (JxTeamView, jx_team_view, JX, TEAM_VIEW, AdwBin)

G_END_DECLS
