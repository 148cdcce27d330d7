/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"

G_BEGIN_DECLS

#define JX_XLSX_ERROR (jx_xlsx_error_quark ())

typedef enum {
  JX_XLSX_ERROR_UNKNOWN_KIND,
  JX_XLSX_ERROR_TOO_MANY_ROWS,
  JX_XLSX_ERROR_WRITE,
} JxXlsxError;

/* The most data rows one sheet holds: Excel's 1,048,576 rows less the header. */
#define JX_XLSX_MAX_ROWS 1048575

GQuark              jx_xlsx_error_quark  (void);
const char *const  *jx_export_xlsx_kinds (void);
gboolean            jx_export_xlsx       (JxStore      *store,
                                          const char   *kind,
                                          const char   *path,
                                          const GDate  *today,
                                          GError      **error);

G_END_DECLS
