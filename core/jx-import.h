/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-import-parse.h"
#include "jx-import-summary.h"
#include "jx-import-types.h"
#include "jx-store.h"

G_BEGIN_DECLS

/* One field a column can be mapped to. The table for a kind is static. */
typedef struct {
  const char *name;         /* "customer"; what --map and the CSV header of an export use */
  const char *label;        /* translatable (mark with N_), e.g. "Customer" */
  const char *description;  /* translatable, one sentence for the mapping page and README */
  gboolean    required;     /* every row needs a value */
  gboolean    key;          /* the natural key of the kind */
} JxImportField;

/* One column of the open file, as the mapping page shows it. */
typedef struct {
  char      *header;
  char     **samples;       /* up to JX_IMPORT_N_SAMPLES non-blank values, NULL-terminated */
  char      *field;         /* a field name, "entered:STAGE" (deals), or NULL (ignored) */
  gboolean   automatic;     /* mapped from the header name rather than by hand */
} JxImportColumn;

#define JX_IMPORT_N_SAMPLES 5
#define JX_IMPORT_N_PREVIEW 20
/* The prefix of deal fields that give the date a deal entered a named stage. */
#define JX_IMPORT_ENTERED_PREFIX "entered:"

/* Called from the thread that runs the import, with the fraction done (0–1). */
typedef void (*JxImportProgressFunc) (double   fraction,
                                      gpointer user_data);

#define JX_TYPE_IMPORT (jx_import_get_type ())
G_DECLARE_FINAL_TYPE (JxImport, jx_import, JX, IMPORT, GObject)

JxImport              *jx_import_new                 (JxStore              *store,
                                                      JxImportKind          kind);
JxImportKind           jx_import_get_kind            (JxImport             *self);
const JxImportField   *jx_import_kind_get_fields     (JxImportKind          kind,
                                                      guint                *n_fields);

/* Options; set them before jx_import_open(). */
void                   jx_import_set_encoding        (JxImport             *self,
                                                      const char           *encoding);
void                   jx_import_set_date_order      (JxImport             *self,
                                                      JxDateOrder           order);
void                   jx_import_set_create_missing  (JxImport             *self,
                                                      gboolean              create);
void                   jx_import_add_won_stage       (JxImport             *self,
                                                      const char           *name);
void                   jx_import_add_lost_stage      (JxImport             *self,
                                                      const char           *name);
void                   jx_import_set_today           (JxImport             *self,
                                                      const GDate          *today);
gboolean               jx_import_field_can_alias     (JxImport             *self,
                                                      const char           *field);
gboolean               jx_import_set_alias           (JxImport             *self,
                                                      const char           *field,
                                                      const char           *name,
                                                      const char           *existing,
                                                      GError              **error);

/* The file: header, preview and automatic mapping. */
gboolean               jx_import_open                (JxImport             *self,
                                                      const char           *path,
                                                      GError              **error);
const char            *jx_import_get_encoding        (JxImport             *self);
char                   jx_import_get_separator       (JxImport             *self);
guint                  jx_import_get_n_columns       (JxImport             *self);
const JxImportColumn  *jx_import_get_column          (JxImport             *self,
                                                      guint                 column);
guint                  jx_import_get_n_preview_rows  (JxImport             *self);
const char * const    *jx_import_get_preview_row     (JxImport             *self,
                                                      guint                 row);

/* The mapping. */
char                 **jx_import_list_field_choices  (JxImport             *self);
gboolean               jx_import_set_column_field    (JxImport             *self,
                                                      guint                 column,
                                                      const char           *field,
                                                      GError              **error);
gboolean               jx_import_apply_map           (JxImport             *self,
                                                      const char           *spec,
                                                      GError              **error);

/* Checking and writing; each may run in a worker thread (see jx_import_write()). */
gboolean               jx_import_validate            (JxImport             *self,
                                                      GCancellable         *cancellable,
                                                      JxImportProgressFunc  progress,
                                                      gpointer              user_data,
                                                      GError              **error);
guint                  jx_import_get_n_unknowns      (JxImport             *self);
JxImportUnknown       *jx_import_get_unknown         (JxImport             *self,
                                                      guint                 index);
void                   jx_import_set_create          (JxImport             *self,
                                                      guint                 index,
                                                      gboolean              create);
gboolean               jx_import_write               (JxImport             *self,
                                                      gboolean              dry_run,
                                                      GCancellable         *cancellable,
                                                      JxImportProgressFunc  progress,
                                                      gpointer              user_data,
                                                      GError              **error);
gboolean               jx_import_commit              (JxImport             *self,
                                                      GError              **error);
void                   jx_import_rollback            (JxImport             *self);
gboolean               jx_import_run                 (JxImport             *self,
                                                      gboolean              dry_run,
                                                      GCancellable         *cancellable,
                                                      JxImportProgressFunc  progress,
                                                      gpointer              user_data,
                                                      GError              **error);
const JxImportSummary *jx_import_get_summary         (JxImport             *self);

G_END_DECLS
