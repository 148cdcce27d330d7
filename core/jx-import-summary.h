/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-import-types.h"

G_BEGIN_DECLS

/* At most this many errors are kept (and printed); the count goes on. */
#define JX_IMPORT_MAX_ERRORS 50

/* A name in the file that matches no row, e.g. a product "GTXPro" in a deals file. */
typedef struct {
  char     *field;        /* the field that names it: "product", "owner", "stage", … */
  char     *value;        /* as first written in the file */
  guint     count;        /* rows that use it */
  guint     first_line;
  char     *suggestion;   /* a near existing name ("GTX Pro"), or NULL */
  gboolean  can_create;   /* FALSE for names only the file itself can provide (a deal ref) */
  gboolean  create;       /* create it on import (a switch in the GUI, --create-missing) */
} JxImportUnknown;

/* One error, tied to a line of the file. */
typedef struct {
  guint  line;
  char  *message;         /* translated, without the FILE:LINE: prefix */
} JxImportProblem;

/* A row the import created because the file named it (a stage, a customer, a region…). */
typedef struct {
  char *field;
  char *name;
} JxImportCreated;

/* Blank cells of one field, imported as "unknown". */
typedef struct {
  char  *field;
  guint  count;
} JxImportBlank;

typedef struct {
  JxImportKind  kind;
  char         *file;
  gboolean      dry_run;
  gboolean      written;        /* committed, or would be for a dry run */
  guint         n_rows;
  guint         n_new;
  guint         n_updated;
  guint         n_unchanged;
  guint         n_errors;       /* all errors; at most JX_IMPORT_MAX_ERRORS are in errors */
  GPtrArray    *errors;         /* JxImportProblem */
  GPtrArray    *unknowns;       /* JxImportUnknown that are not going to be created */
  GPtrArray    *created;        /* JxImportCreated */
  GPtrArray    *warnings;       /* char *, translated */
  GPtrArray    *blanks;         /* JxImportBlank */
  GPtrArray    *ignored_columns;/* char *, headers of columns that map to no field */
} JxImportSummary;

JxImportSummary *jx_import_summary_new          (JxImportKind            kind,
                                                 const char             *file);
void             jx_import_summary_free         (JxImportSummary        *summary);
gboolean         jx_import_summary_has_problems (const JxImportSummary  *summary);
char            *jx_import_summary_format_error (const JxImportSummary  *summary,
                                                 const JxImportProblem  *problem);
char            *jx_import_summary_format_unknown (const JxImportSummary *summary,
                                                 const JxImportUnknown  *unknown);
JsonNode        *jx_import_summary_to_json      (const JxImportSummary  *summary);

void             jx_import_unknown_free         (gpointer                data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxImportSummary, jx_import_summary_free)

G_END_DECLS
