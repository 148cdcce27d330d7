/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-import-types.h"

G_BEGIN_DECLS

/* The longest field and the widest row we accept; anything larger is a broken file (an
 * unbalanced quote swallowing the rest, a binary blob), and refusing it keeps memory flat. */
#define JX_CSV_MAX_FIELD_BYTES (64 * 1024)
#define JX_CSV_MAX_FIELDS      1024

typedef struct _JxCsvReader JxCsvReader;

JxCsvReader *jx_csv_reader_new               (GInputStream  *stream,
                                              const char    *encoding,
                                              GError       **error);
JxCsvReader *jx_csv_reader_new_for_path      (const char    *path,
                                              const char    *encoding,
                                              GError       **error);
void         jx_csv_reader_free              (JxCsvReader   *self);

const char  *jx_csv_reader_get_encoding      (JxCsvReader   *self);
char         jx_csv_reader_get_separator     (JxCsvReader   *self);
void         jx_csv_reader_set_separator     (JxCsvReader   *self,
                                              char           separator);

gboolean     jx_csv_reader_next              (JxCsvReader   *self,
                                              GError       **error);
guint        jx_csv_reader_get_line          (JxCsvReader   *self);
guint        jx_csv_reader_get_n_fields      (JxCsvReader   *self);
const char  *jx_csv_reader_get_field         (JxCsvReader   *self,
                                              guint          index);
goffset      jx_csv_reader_get_bytes_read    (JxCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxCsvReader, jx_csv_reader_free)

G_END_DECLS
