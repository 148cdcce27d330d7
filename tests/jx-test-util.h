/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jx-core.h"
#include "jx-sqlite-private.h"

G_BEGIN_DECLS

/* Helpers shared by the tests (jx-test-util.c). Each one fails the running test when what it
 * does goes wrong, so a test reads as the figures it checks. */

/* A fresh temporary folder, removed with its files by jx_test_remove_dir(). */
char         *jx_test_make_dir       (void);
void          jx_test_remove_dir     (const char         *path);

/* Writes @length bytes of @contents (-1: up to its nul) to the file @name in @dir and returns
 * its path. */
char         *jx_test_write_file     (const char         *dir,
                                      const char         *name,
                                      const char         *contents,
                                      gssize              length);

/* SHA-256 of a file's bytes, for "the file was not touched". */
char         *jx_test_file_checksum  (const char         *path);

void          jx_test_date           (GDate              *date,
                                      const char         *iso);

/* A new database in @dir, with the fixed test day 2026-11-27 when @demo_scale > 0. */
JxStore      *jx_test_open_new       (const char         *dir,
                                      const char         *name,
                                      JxStoreOpenFlags    flags,
                                      int                 demo_scale);

/* A scale-1 demo database (the test day 2026-11-27) at @db in a folder of its own, as a GTest
 * fixture: g_test_add (path, JxTestDemo, NULL, jx_test_demo_set_up, test,
 * jx_test_demo_tear_down). */
typedef struct {
  char    *dir;
  char    *db;
  JxStore *store;
} JxTestDemo;

void          jx_test_demo_set_up    (JxTestDemo         *demo,
                                      gconstpointer       data);
void          jx_test_demo_tear_down (JxTestDemo         *demo,
                                      gconstpointer       data);

/* Runs one SQL query that returns a single integer. */
gint64        jx_test_query_int      (JxStore            *store,
                                      const char         *sql);

/* Runs one SQL statement that must succeed. */
void          jx_test_exec           (JxStore            *store,
                                      const char         *sql);

/* The @i-th child of @node, which must be there; the tree keeps it. */
JxTargetNode *jx_test_child_at       (JxTargetNode       *node,
                                      guint               i);

/* Splits @node of @tree by @dimension with @method, as the Decompose dialog applies it. */
void          jx_test_decompose      (JxTargetTree       *tree,
                                      JxTargetNode       *node,
                                      JxTargetDimension   dimension,
                                      JxTargetMethod      method);

/* Runs jingxi-cli ($JINGXI_CLI) with the NULL-terminated arguments and returns its exit code.
 * *@out and *@err (NULL at first) are freed and replaced by what the program wrote, so one
 * pair serves several runs; with @err NULL, standard error goes to the test log, with @out
 * NULL standard output to the test's own. */
int           jx_test_run_cli        (char              **out,
                                      char              **err,
                                      const char         *first,
                                      ...) G_GNUC_NULL_TERMINATED;
int           jx_test_run_cliv       (char              **out,
                                      char              **err,
                                      const char *const  *args);

/* Runs a program from PATH (@argv[0]) and returns its standard output; fails the test when it
 * cannot start or does not exit 0. */
char         *jx_test_run_tool       (const char *const  *argv,
                                      char              **envp);

/* The text of each page of a PDF (pdftotext from poppler-utils, with @mode such as "-layout"
 * or "-raw", or NULL for its default), as a NULL-terminated array. */
char        **jx_test_pdf_pages      (const char         *path,
                                      const char         *mode);

/* What pdffonts says of a PDF (logged with g_test_message); *@cjk_embedded tells whether a CJK
 * font is embedded (its "emb" column says yes). */
char         *jx_test_pdf_fonts      (const char         *path,
                                      gboolean           *cjk_embedded);

/* Whether one line of @text holds every string of @cells (NULL-terminated), in this order. */
gboolean      jx_test_has_row        (const char         *text,
                                      const char *const  *cells);

/* How many times @needle stands in @haystack (overlapping runs count). */
guint         jx_test_count          (const char         *haystack,
                                      const char         *needle);

/* The JSON document in @text, which must parse. */
JsonNode     *jx_test_parse_json     (const char         *text);

G_END_DECLS
