/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_TEAM_VIEW (jx_team_view_get_type ())
G_DECLARE_FINAL_TYPE (JxTeamView, jx_team_view, JX, TEAM_VIEW, JxView)

/* The cells of a member's row, for jx_team_view_find_cell(). */
typedef enum {
  JX_TEAM_COLUMN_NAME,
  JX_TEAM_COLUMN_ROLE,
  JX_TEAM_COLUMN_MANAGER,
  JX_TEAM_COLUMN_REGION,
  JX_TEAM_COLUMN_CAPACITY,
  JX_TEAM_COLUMN_CUSTOMERS,
  JX_TEAM_COLUMN_PLANNED,
  JX_TEAM_COLUMN_LOAD,
  JX_TEAM_COLUMN_BALANCE,
  JX_TEAM_N_COLUMNS,
} JxTeamColumn;

gboolean            jx_team_view_is_loading          (JxTeamView    *self);
const JxAllocation *jx_team_view_get_allocation      (JxTeamView    *self);
JxCustomerBase     *jx_team_view_get_base            (JxTeamView    *self);
JxTeam             *jx_team_view_get_team            (JxTeamView    *self);
GtkWidget          *jx_team_view_find_cell           (JxTeamView    *self,
                                                      gint64         member_id,
                                                      JxTeamColumn   column);
GtkSpinButton      *jx_team_view_get_policy_spin     (JxTeamView    *self,
                                                      JxTier         tier,
                                                      gboolean       hours);
GtkWidget          *jx_team_view_get_effort_chart    (JxTeamView    *self);
guint               jx_team_view_get_n_shown         (JxTeamView    *self);
GtkWidget          *jx_team_view_get_search_entry    (JxTeamView    *self);
void                jx_team_view_select_member       (JxTeamView    *self,
                                                      gint64         member_id);

G_END_DECLS
