/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JX_IMPORT_ERROR (jx_import_error_quark ())

typedef enum {
  /* The file has no header or no rows. */
  JX_IMPORT_ERROR_EMPTY,
  /* The file is not text (a spreadsheet, an image, …). */
  JX_IMPORT_ERROR_BINARY,
  /* The bytes are not valid in the file's encoding, or the encoding is unknown. */
  JX_IMPORT_ERROR_ENCODING,
  /* Broken CSV: unbalanced quotes, an absurdly long field or row. */
  JX_IMPORT_ERROR_PARSE,
  /* A --map or mapping choice that names no field, or a required field without a column. */
  JX_IMPORT_ERROR_MAPPING,
  /* Validation found problems; nothing was written. */
  JX_IMPORT_ERROR_INVALID,
  /* The file could not be read. */
  JX_IMPORT_ERROR_IO,
  /* An unknown kind, date format or option value. */
  JX_IMPORT_ERROR_BAD_OPTION,
} JxImportError;

/* What a file holds; each kind has its own fields and natural key. */
typedef enum {
  JX_IMPORT_KIND_CUSTOMERS,
  JX_IMPORT_KIND_PRODUCTS,
  JX_IMPORT_KIND_TEAM,
  JX_IMPORT_KIND_DEALS,
  JX_IMPORT_KIND_STAGE_EVENTS,
  JX_IMPORT_KIND_TARGETS,
  JX_IMPORT_N_KINDS,
} JxImportKind;

/* How to read dates with slashes or dots whose year comes last. Year-first dates
 * (2017-03-01, 2017/3/1, 2017年3月1日) are read in every order. */
typedef enum {
  JX_DATE_ORDER_YMD,
  JX_DATE_ORDER_MDY,
  JX_DATE_ORDER_DMY,
} JxDateOrder;

GQuark       jx_import_error_quark       (void);

const char  *jx_import_kind_to_string    (JxImportKind  kind);
gboolean     jx_import_kind_from_string  (const char   *text,
                                          JxImportKind *kind);

G_END_DECLS
