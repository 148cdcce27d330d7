/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One row of the sales process as the stages editor shows it: a snapshot, reloaded with
 * jx_stages_list() when JxStore::changed says the stages changed. */

#define JX_TYPE_STAGE (jx_stage_get_type ())
G_DECLARE_FINAL_TYPE (JxStage, jx_stage, JX, STAGE, GObject)

typedef enum {
  JX_STAGE_OPEN = 0,
  JX_STAGE_WON  = 1,
  JX_STAGE_LOST = 2,
} JxStageKind;

JxStage     *jx_stage_new                     (gint64       id,
                                               const char  *name,
                                               JxStageKind  kind,
                                               int          position,
                                               int          probability,
                                               const char  *milestone,
                                               int          stalled_days,
                                               int          suggested_stalled_days,
                                               gboolean     in_use);
gint64       jx_stage_get_id                  (JxStage     *self);
const char  *jx_stage_get_name                (JxStage     *self);
JxStageKind  jx_stage_get_kind                (JxStage     *self);
int          jx_stage_get_position            (JxStage     *self);
int          jx_stage_get_probability         (JxStage     *self);
const char  *jx_stage_get_milestone           (JxStage     *self);
int          jx_stage_get_stalled_days        (JxStage     *self);
int          jx_stage_get_suggested_stalled_days (JxStage  *self);
gboolean     jx_stage_get_in_use              (JxStage     *self);

G_END_DECLS
