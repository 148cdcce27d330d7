/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-import-types.h"
#include "jx-store.h"

G_BEGIN_DECLS

/* The type of a column, for writers that keep types (a spreadsheet writer). */
typedef enum {
  JX_EXPORT_TEXT,
  JX_EXPORT_DATE,
  JX_EXPORT_MONEY,      /* major units, e.g. "1234.50" */
  JX_EXPORT_NUMBER,
  JX_EXPORT_BOOL,       /* "yes" or "no" */
} JxExportColumnType;

typedef struct _JxExport JxExport;

JxExport            *jx_export_new              (JxStore        *store,
                                                 JxImportKind    kind,
                                                 GError        **error);
void                 jx_export_free             (JxExport       *self);
guint                jx_export_get_n_columns    (JxExport       *self);
const char          *jx_export_get_header       (JxExport       *self,
                                                 guint           column);
JxExportColumnType   jx_export_get_column_type  (JxExport       *self,
                                                 guint           column);
gboolean             jx_export_next             (JxExport       *self,
                                                 GError        **error);
const char          *jx_export_get_cell         (JxExport       *self,
                                                 guint           column);

gboolean             jx_export_write_csv        (JxStore        *store,
                                                 JxImportKind    kind,
                                                 GOutputStream  *out,
                                                 guint          *n_rows,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxExport, jx_export_free)

G_END_DECLS
