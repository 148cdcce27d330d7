/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jx-store.h"

G_BEGIN_DECLS

/* One column a partial update can write: the bit of the caller's field flags, and the
 * statement that writes it, with the row's id as ?1 and the value as ?2. */
typedef struct {
  guint       field;
  const char *sql;
} JxRowUpdate;

/* Binds the value of @field (one bit) from @edit at @idx. */
typedef void (*JxRowBindFunc) (sqlite3_stmt  *stmt,
                               int            idx,
                               guint          field,
                               gconstpointer  edit);

char    *jx_row_clean_name    (const char         *name,
                               GQuark              domain,
                               int                 code,
                               const char         *message,
                               GError            **error);
gboolean jx_row_exists        (JxStore            *store,
                               const char         *sql,
                               gint64              id);
gboolean jx_row_parent_loops  (JxStore            *store,
                               const char         *parent_sql,
                               gint64              id,
                               gint64              parent_id);
gboolean jx_row_check_parent  (JxStore            *store,
                               const char         *exists_sql,
                               const char         *parent_sql,
                               gint64              id,
                               gint64              parent_id,
                               const char         *gone_message,
                               const char         *loop_message,
                               GError            **error);
gint64   jx_row_insert        (JxStore            *store,
                               const char         *undo_label,
                               const char         *sql,
                               const guint        *columns,
                               guint               n_columns,
                               JxRowBindFunc       bind,
                               gconstpointer       edit,
                               GError            **error);
gboolean jx_row_update        (JxStore            *store,
                               const char         *undo_label,
                               gint64              id,
                               const JxRowUpdate  *updates,
                               guint               n_updates,
                               guint               fields,
                               JxRowBindFunc       bind,
                               gconstpointer       edit,
                               GError            **error);
gboolean jx_row_update_fields (JxStore            *store,
                               gint64              id,
                               const JxRowUpdate  *updates,
                               guint               n_updates,
                               guint               fields,
                               JxRowBindFunc       bind,
                               gconstpointer       edit,
                               GError            **error);
gboolean jx_row_finish        (JxStore            *store,
                               gboolean            ok,
                               GError            **error);
gboolean jx_row_delete        (JxStore            *store,
                               const char         *undo_label,
                               const char         *sql,
                               gint64              id,
                               const char         *gone_message,
                               GError            **error);

G_END_DECLS
