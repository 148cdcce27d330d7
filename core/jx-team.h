/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"

G_BEGIN_DECLS

/* The fields of a team member a form or an in-place edit can change. */
typedef enum /*< flags >*/ {
  JX_MEMBER_FIELD_NAME       = 1 << 0,
  JX_MEMBER_FIELD_ROLE       = 1 << 1,
  JX_MEMBER_FIELD_IS_MANAGER = 1 << 2,
  JX_MEMBER_FIELD_MANAGER    = 1 << 3,
  JX_MEMBER_FIELD_REGION     = 1 << 4,
  JX_MEMBER_FIELD_CAPACITY   = 1 << 5,
  JX_MEMBER_FIELD_ACTIVE     = 1 << 6,
  JX_MEMBER_FIELD_ALL        = (1 << 7) - 1,
} JxMemberFields;

typedef struct {
  const char *name;
  const char *role;
  gboolean    is_manager;
  gint64      manager_id;        /* 0 for none */
  gint64      region_id;         /* 0 for none */
  int         capacity_hours;    /* per month; −1 for not set */
  gboolean    active;
} JxMemberEdit;

#define JX_TYPE_TEAM_MEMBER (jx_team_member_get_type ())
G_DECLARE_FINAL_TYPE (JxTeamMember, jx_team_member, JX, TEAM_MEMBER, GObject)

#define JX_TYPE_TEAM (jx_team_get_type ())
G_DECLARE_FINAL_TYPE (JxTeam, jx_team, JX, TEAM, GObject)

gint64        jx_team_member_get_id               (JxTeamMember       *self);
const char   *jx_team_member_get_name             (JxTeamMember       *self);
const char   *jx_team_member_get_role             (JxTeamMember       *self);
gboolean      jx_team_member_get_is_manager       (JxTeamMember       *self);
gint64        jx_team_member_get_manager_id       (JxTeamMember       *self);
const char   *jx_team_member_get_manager_name     (JxTeamMember       *self);
gint64        jx_team_member_get_region_id        (JxTeamMember       *self);
const char   *jx_team_member_get_region_name      (JxTeamMember       *self);
int           jx_team_member_get_capacity_hours   (JxTeamMember       *self);
gboolean      jx_team_member_get_active           (JxTeamMember       *self);
guint         jx_team_member_get_n_customers      (JxTeamMember       *self);

JxTeam       *jx_team_new                         (JxStore            *store,
                                                   GError            **error);
void          jx_team_set_paused                  (JxTeam             *self,
                                                   gboolean            paused);
gboolean      jx_team_reload                      (JxTeam             *self,
                                                   GError            **error);
JxTeamMember *jx_team_find                        (JxTeam             *self,
                                                   gint64              member_id);

gint64        jx_team_add_member                  (JxStore            *store,
                                                   const JxMemberEdit *edit,
                                                   GError            **error);
gboolean      jx_team_update_member               (JxStore            *store,
                                                   gint64              member_id,
                                                   const JxMemberEdit *edit,
                                                   JxMemberFields      fields,
                                                   GError            **error);
gboolean      jx_team_remove_member               (JxStore            *store,
                                                   gint64              member_id,
                                                   GError            **error);

G_END_DECLS
