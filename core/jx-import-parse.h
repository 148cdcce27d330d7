/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jx-import-types.h"

G_BEGIN_DECLS

typedef enum {
  JX_AMOUNT_OK,
  /* Empty or only spaces: "no amount", which is not zero. */
  JX_AMOUNT_BLANK,
  JX_AMOUNT_INVALID,
  JX_AMOUNT_NEGATIVE,
  JX_AMOUNT_TOO_LARGE,
} JxAmountResult;

/* The largest amount an import accepts, in minor units (10^15: ten trillion yuan). */
#define JX_IMPORT_MAX_AMOUNT G_GINT64_CONSTANT (1000000000000000)

gboolean        jx_date_order_from_string    (const char   *text,
                                              JxDateOrder  *order);
const char     *jx_date_order_to_string      (JxDateOrder   order);

gboolean        jx_import_parse_date         (const char   *text,
                                              JxDateOrder   order,
                                              char          iso[11]);
JxAmountResult  jx_import_parse_amount       (const char   *text,
                                              int           digits,
                                              gint64       *minor);
JxAmountResult  jx_import_parse_count        (const char   *text,
                                              gint64       *value);
gboolean        jx_import_parse_bool         (const char   *text,
                                              gboolean     *value);
char           *jx_import_unescape_cell      (const char   *text);
char           *jx_import_escape_cell        (const char   *text);
gboolean        jx_import_cell_needs_escape  (const char   *text);

G_END_DECLS
