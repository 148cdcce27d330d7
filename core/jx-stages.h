/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-stage.h"
#include "jx-store.h"

G_BEGIN_DECLS

/*
 * The stages editor's operations on the sales process. Each is one undoable step. Stage
 * ids never change, so renaming keeps every deal's history; adding, reordering and
 * deleting stages keep deals.furthest_position meaning "the furthest open stage reached"
 * in the new order.
 */

GListModel *jx_stages_list                  (JxStore      *store,
                                             GError      **error);
GListModel *jx_stages_list_open             (JxStore      *store,
                                             GError      **error);
gint64      jx_stages_add                   (JxStore      *store,
                                             const char   *name,
                                             int           probability,
                                             gint64        after_stage_id,
                                             GError      **error);
gboolean    jx_stages_rename                (JxStore      *store,
                                             gint64        stage_id,
                                             const char   *name,
                                             GError      **error);
gboolean    jx_stages_set_probability       (JxStore      *store,
                                             gint64        stage_id,
                                             int           probability,
                                             GError      **error);
gboolean    jx_stages_set_milestone         (JxStore      *store,
                                             gint64        stage_id,
                                             const char   *milestone,
                                             GError      **error);
gboolean    jx_stages_set_stalled_days      (JxStore      *store,
                                             gint64        stage_id,
                                             int           days,
                                             GError      **error);
int         jx_stages_suggest_stalled_days  (JxStore      *store,
                                             gint64        stage_id,
                                             GError      **error);
gboolean    jx_stages_reorder               (JxStore      *store,
                                             const gint64 *open_stage_ids,
                                             guint         n_ids,
                                             GError      **error);
gboolean    jx_stages_delete                (JxStore      *store,
                                             gint64        stage_id,
                                             GError      **error);

G_END_DECLS
