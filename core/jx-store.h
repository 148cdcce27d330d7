/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define JX_STORE_ERROR (jx_store_error_quark ())

typedef enum {
  JX_STORE_ERROR_NOT_JINGXI,
  JX_STORE_ERROR_TOO_NEW,
  JX_STORE_ERROR_CORRUPT,
  JX_STORE_ERROR_IO,
  JX_STORE_ERROR_FULL,
  JX_STORE_ERROR_BUSY,
  JX_STORE_ERROR_CONSTRAINT,
  JX_STORE_ERROR_NOT_FOUND,
  JX_STORE_ERROR_INVALID,
  JX_STORE_ERROR_NOTHING_TO_UNDO,
  JX_STORE_ERROR_FAILED,
} JxStoreError;

/* One bit per table, carried by JxStore::changed so views reload only what they show. */
typedef enum {
  JX_TABLE_SETTINGS       = 1 << 0,
  JX_TABLE_REGIONS        = 1 << 1,
  JX_TABLE_TEAM_MEMBERS   = 1 << 2,
  JX_TABLE_PRODUCT_LINES  = 1 << 3,
  JX_TABLE_PRODUCTS       = 1 << 4,
  JX_TABLE_CUSTOMER_TYPES = 1 << 5,
  JX_TABLE_CUSTOMERS      = 1 << 6,
  JX_TABLE_TIER_HISTORY   = 1 << 7,
  JX_TABLE_STAGES         = 1 << 8,
  JX_TABLE_DEALS          = 1 << 9,
  JX_TABLE_STAGE_EVENTS   = 1 << 10,
  JX_TABLE_TARGET_PLANS   = 1 << 11,
  JX_TABLE_TARGET_NODES   = 1 << 12,
  JX_TABLE_ACTIVITIES     = 1 << 13,
  JX_TABLE_TIER_POLICIES  = 1 << 14,
  JX_TABLE_ALL            = (1 << 15) - 1,
} JxTables;

typedef enum {
  JX_STORE_OPEN_DEFAULT = 0,
  /* Create the file (mode 0600) when it does not exist. */
  JX_STORE_OPEN_CREATE  = 1 << 0,
  /* Record every change so that it can be undone (the GUI sets this). */
  JX_STORE_OPEN_UNDO    = 1 << 1,
} JxStoreOpenFlags;

/* The schema version this build creates and understands. */
#define JX_SCHEMA_VERSION 3
/* PRAGMA application_id of every Jingxi database: "JXI1". */
#define JX_APPLICATION_ID 0x4A584931

#define JX_TYPE_STORE (jx_store_get_type ())
G_DECLARE_FINAL_TYPE (JxStore, jx_store, JX, STORE, GObject)

GQuark        jx_store_error_quark          (void);

JxStore      *jx_store_open                 (const char        *path,
                                             JxStoreOpenFlags   flags,
                                             GError           **error);
char         *jx_store_default_path         (void);
int           jx_store_peek_schema_version  (const char        *path);
const char   *jx_store_get_path             (JxStore           *self);
sqlite3      *jx_store_get_db               (JxStore           *self);
sqlite3      *jx_store_open_reader          (JxStore           *self);
int           jx_store_get_schema_version   (JxStore           *self);
const char   *jx_store_get_backup_path      (JxStore           *self);
JxTables      jx_store_table_from_name      (const char        *name);
const char   *jx_store_table_name           (JxTables           table);

sqlite3_stmt *jx_store_prepare              (JxStore           *self,
                                             const char        *sql,
                                             GError           **error);
gboolean      jx_store_exec                 (JxStore           *self,
                                             const char        *sql,
                                             GError           **error);
gboolean      jx_store_step_done            (JxStore           *self,
                                             sqlite3_stmt      *stmt,
                                             GError           **error);
void          jx_store_set_error            (JxStore           *self,
                                             int                rc,
                                             GError           **error);

gboolean      jx_store_begin                (JxStore           *self,
                                             const char        *undo_label,
                                             GError           **error);
gboolean      jx_store_commit               (JxStore           *self,
                                             GError           **error);
void          jx_store_rollback             (JxStore           *self);
gboolean      jx_store_in_transaction       (JxStore           *self);
void          jx_store_mark_changed         (JxStore           *self,
                                             JxTables           tables);

gboolean      jx_store_can_undo             (JxStore           *self);
gboolean      jx_store_can_redo             (JxStore           *self);
const char   *jx_store_get_undo_label       (JxStore           *self);
const char   *jx_store_get_redo_label       (JxStore           *self);
gboolean      jx_store_undo                 (JxStore           *self,
                                             GError           **error);
gboolean      jx_store_redo                 (JxStore           *self,
                                             GError           **error);
void          jx_store_clear_undo           (JxStore           *self);

char         *jx_store_get_setting          (JxStore           *self,
                                             const char        *key);
int           jx_store_get_setting_int      (JxStore           *self,
                                             const char        *key,
                                             int                fallback);
gboolean      jx_store_set_setting          (JxStore           *self,
                                             const char        *key,
                                             const char        *value,
                                             GError           **error);

gint64        jx_store_count_rows           (JxStore           *self,
                                             JxTables           table);

G_END_DECLS
