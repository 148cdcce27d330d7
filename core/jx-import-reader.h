/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-csv-reader.h"

G_BEGIN_DECLS

/* A row of the names map of an import (defined in jx-import.c). */
typedef struct _JxImportRef JxImportRef;

/* One cell of a record: its trimmed text and the value it converts to. */
typedef struct {
  const char  *text;      /* valid until the batch is released */
  gboolean     blank;
  gint64       num;
  char         date[11];
  JxImportRef *ref;       /* set by the import when it resolves a name */
  guint        offset;    /* where text is in the batch while the batch is being filled */
} JxImportCell;

/* One record of the file. The cells are only read and converted when the record has as
 * many fields as the header. */
typedef struct {
  guint          line;        /* the line the record starts on */
  guint          n_fields;    /* fields in the record */
  guint32        blanks;      /* bit f: optional field f is blank */
  guint          n_messages;  /* problems found while converting */
  guint          first_message;
  JxImportCell  *cells;
  char         **messages;    /* n_messages problems, in the order they were found */
} JxImportRecord;

/* Records as the reader hands them over, a few hundred at a time. */
typedef struct {
  GArray      *records;       /* JxImportRecord */
  JxImportCell *cells;        /* room for every record of a full batch */
  GString     *text;
  GPtrArray   *messages;
  goffset      bytes_read;    /* of the file when the batch was full, for progress */

  /* The last batch of the file says how reading ended. */
  gboolean     last;
  gboolean     no_header;     /* the file had no record at all */
  GError      *error;         /* a broken file, on error_line; NULL at the end of the file */
  guint        error_line;
} JxImportBatch;

/* Converts the current record of @csv into @record's cells, in the reader's thread. It may
 * only read what does not change while the file is read. */
typedef void (*JxImportConvertFunc) (JxImportBatch  *batch,
                                     JxImportRecord *record,
                                     JxCsvReader    *csv,
                                     gpointer        user_data);

typedef struct _JxImportReader JxImportReader;

JxImportReader *jx_import_reader_new          (JxCsvReader         *csv,
                                               guint                n_columns,
                                               guint                n_cells,
                                               gboolean             threaded,
                                               JxImportConvertFunc  convert,
                                               gpointer             user_data);
void            jx_import_reader_free         (JxImportReader      *self);
JxImportBatch  *jx_import_reader_next_batch   (JxImportReader      *self);

guint           jx_import_batch_add_text      (JxImportBatch       *batch,
                                               const char          *text,
                                               gsize                len);
void            jx_import_batch_add_message   (JxImportBatch       *batch,
                                               JxImportRecord      *record,
                                               char                *message);

G_END_DECLS
