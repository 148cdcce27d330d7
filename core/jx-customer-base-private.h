/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jx-customer-base.h"

G_BEGIN_DECLS

/*
 * What a JxCustomerBase is made of, read from a plain SQLite connection so that a worker
 * thread can read it on a connection of its own (jx-customer-load.c), and the recording of
 * what each write touched (jx-customer-changes.c).
 */

/* Names of the small tables customer rows refer to, and each id's place in name order. */
typedef struct {
  GHashTable *type_names;       /* gint64 id → name */
  GHashTable *region_names;
  GHashTable *region_parents;   /* gint64 id → gint64 parent id */
  GHashTable *owner_names;
  GHashTable *type_ranks;       /* gint64 id → guint rank + 1 */
  GHashTable *region_ranks;
  GHashTable *owner_ranks;

  /* The ranks again as dense arrays by id, for the 120,000 lookups of a load. */
  guint32    *type_dense;
  guint32    *region_dense;
  guint32    *owner_dense;
  gint64      type_dense_len;
  gint64      region_dense_len;
  gint64      owner_dense_len;
} JxCustomerNames;

/* The customer rows, sorted by id, with their names and a map from id to row. */
typedef struct {
  GArray       *rows;           /* JxCustomerRow */
  GStringChunk *names;
  guint        *id_to_row;      /* dense map, G_MAXUINT for none; NULL when ids are sparse */
  gint64        id_to_row_len;
} JxCustomerRowSet;

/* The day figures are computed for, as the ISO texts the deals are compared with. */
typedef struct {
  guint32          julian;
  char             today[11];
  char             year_ago[11];
  char             two_years_ago[11];
  JxTierThresholds thresholds;
} JxCustomerDay;

void      jx_customer_day_init           (JxCustomerDay          *day,
                                          const GDate            *today,
                                          const JxTierThresholds *thresholds);

gboolean  jx_customer_names_load         (JxCustomerNames        *names,
                                          sqlite3                *db,
                                          GError                **error);
void      jx_customer_names_clear        (JxCustomerNames        *names);
void      jx_customer_names_rank_row     (const JxCustomerNames  *names,
                                          JxCustomerRow          *row);

void      jx_customer_row_set_clear      (JxCustomerRowSet       *set);
gboolean  jx_customer_row_set_lookup     (const JxCustomerRowSet *set,
                                          gint64                  id,
                                          guint                  *row);
gboolean  jx_customer_row_set_load       (JxCustomerRowSet       *set,
                                          const JxCustomerNames  *names,
                                          sqlite3                *db,
                                          GError                **error);
gboolean  jx_customer_row_set_load_figures (JxCustomerRowSet     *set,
                                          sqlite3                *db,
                                          const JxCustomerDay    *day,
                                          GError                **error);
gboolean  jx_customer_load               (JxCustomerNames        *names,
                                          JxCustomerRowSet       *set,
                                          sqlite3                *rows_db,
                                          sqlite3                *figures_db,
                                          const JxCustomerDay    *day,
                                          GError                **error);

gboolean  jx_customer_row_read           (JxCustomerRow          *row,
                                          sqlite3_stmt           *stmt,
                                          const JxCustomerNames  *names,
                                          gboolean               *found,
                                          GError                **error);
gboolean  jx_customer_row_read_figures   (JxCustomerRow          *row,
                                          sqlite3_stmt           *stmt,
                                          const JxCustomerDay    *day,
                                          GError                **error);
void      jx_customer_row_evaluate       (JxCustomerRow          *row,
                                          const JxCustomerDay    *day);

/* The statements jx_customer_row_read() and jx_customer_row_read_figures() step. */
#define JX_CUSTOMER_ROW_SQL \
  "SELECT id, name, type_id, region_id, owner_id, tier, tier_manual FROM customers"
#define JX_CUSTOMER_ROW_BY_ID_SQL JX_CUSTOMER_ROW_SQL " WHERE id = ?1"
#define JX_CUSTOMER_DEALS_SQL \
  "SELECT status, closed, amount FROM deals WHERE customer_id = ?1"

void      jx_customer_db_error           (sqlite3                *db,
                                          int                     rc,
                                          GError                **error);

/* Recording what writes touch (jx-customer-changes.c) */

typedef enum {
  JX_CUSTOMER_DIRTY_FIGURES = 0,     /* a deal of the customer was added, changed or removed */
  JX_CUSTOMER_DIRTY_ROW     = 1,     /* the customer's type, region, owner or tier changed */
  JX_CUSTOMER_DIRTY_ALL     = 2,     /* customers were added, removed or renamed */
} JxCustomerDirty;

typedef struct _JxCustomerChanges JxCustomerChanges;

JxCustomerChanges *jx_customer_changes_get      (JxStore            *store);
gboolean           jx_customer_changes_start    (JxCustomerChanges  *changes,
                                                 gint64             *cursor);
gboolean           jx_customer_changes_read     (JxCustomerChanges  *changes,
                                                 gint64             *cursor,
                                                 GArray             *figures,
                                                 GArray             *rows,
                                                 gboolean           *all,
                                                 GError            **error);
void               jx_customer_changes_forget   (JxCustomerChanges  *changes,
                                                 gint64             *cursor);
void               jx_customer_changes_release  (JxCustomerChanges  *changes,
                                                 gint64             *cursor);
gboolean           jx_customer_changes_read_version (JxStore        *store,
                                                 gint64             *version);

G_END_DECLS
