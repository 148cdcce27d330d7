/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-import.h"

G_BEGIN_DECLS

typedef enum {
  FT_TEXT,
  FT_KEY,
  FT_REF,
  FT_DATE,
  FT_AMOUNT,
  FT_COUNT,
  FT_BOOL,
  FT_CHOICE,
  FT_PERIOD,
} FieldType;

/* The tables a field can name a row of. */
typedef enum {
  REF_NONE,
  REF_CUSTOMER,
  REF_MEMBER,
  REF_PRODUCT,
  REF_STAGE,
  REF_REGION,
  REF_TYPE,
  REF_LINE,
  REF_PLAN,
  REF_DEAL,
  N_REFS
} RefKind;

typedef struct {
  FieldType          type;
  RefKind            ref;
  guint              max_length;
  /* Normalised header names that map to the field, '|'-separated. */
  const char        *synonyms;
  /* FT_CHOICE: "value=alias|alias;value=alias…" */
  const char        *choices;
} FieldExtra;

/* Field indexes of each kind, in the order of its table. */
enum { C_NAME, C_TYPE, C_REGION, C_OWNER, C_PARENT, C_REVENUE, C_TIER, C_CREATED, C_NOTES, C_N };
enum { P_NAME, P_LINE, P_PRICE, P_N };
enum { T_NAME, T_ROLE, T_MANAGER, T_REGION, T_CAPACITY, T_IS_MANAGER, T_ACTIVE, T_N };
enum { D_REF, D_TITLE, D_CUSTOMER, D_OWNER, D_PRODUCT, D_STAGE, D_AMOUNT, D_OPENED, D_EXPECTED,
       D_CLOSED, D_STAGE_ENTERED, D_LOST_REASON, D_WON_REASON, D_NOTES, D_N };
enum { E_DEAL, E_STAGE, E_ENTERED, E_N };
enum { G_PLAN, G_PATH, G_PERIOD, G_PERIOD_FROM, G_PERIOD_TO, G_METRIC, G_AMOUNT, G_OWNER,
       G_DIMENSION, G_REGION, G_MEMBER, G_LINE, G_TYPE, G_TIER, G_LOCKED, G_METHOD,
       G_RATIONALE, G_N };

#define MAX_KIND_FIELDS G_N

const FieldExtra *jx_import_kind_get_extras   (JxImportKind  kind);
char             *jx_import_normalize_header  (const char   *header);
char             *jx_import_fuzzy_key         (const char   *name);
guint             jx_import_edit_distance     (const char   *a,
                                               const char   *b,
                                               guint         limit);
int               jx_import_outcome_synonym   (const char   *name);
const char       *jx_import_choice_value      (const FieldExtra *extra,
                                               const char   *text);
void              jx_import_set_reader_thread (JxImport     *self,
                                               gboolean      threaded);

G_END_DECLS
