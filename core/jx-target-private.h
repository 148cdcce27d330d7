/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"
#include "jx-target-decomposition.h"
#include "jx-target-facts.h"
#include "jx-target-node.h"

G_BEGIN_DECLS

/* Shared by the files of the target engine; not for views. */

struct _JxTargetNode {
  GObject            parent_instance;

  gint64             id;
  gint64             plan_id;
  gint64             parent_id;
  JxTargetNode      *parent;            /* not a reference: the parent owns its children */
  guint              depth;
  int                position;
  GListStore        *children;

  char              *name;
  JxTargetMetric     metric;
  GDate              from;
  GDate              to;
  char               from_iso[11];
  char               to_iso[11];
  gint64             owner_id;
  char              *owner_name;
  JxTargetDimension  dimension;
  JxTargetFilters    filters;
  char              *filter_names[JX_TARGET_N_DIMENSIONS];
  gint64             amount;
  gboolean           locked;
  char              *method;
  char              *rationale;
  gboolean           smart_done[JX_TARGET_N_SMART_ITEMS];
  char              *smart_note[JX_TARGET_N_SMART_ITEMS];

  gint64             children_total;
  gboolean           has_actual;
  gint64             actual;
  gint64             expected;
  double             attainment;
  JxTargetPace       pace;
  gint64             gap;
  double             win_rate;
  gint64             pipeline_needed;

  double             weight;
  gint64             basis;
};

/* One row of target_nodes with the names of what it points at. */
typedef struct {
  gint64             id;
  gint64             plan_id;
  gint64             parent_id;
  int                position;
  const char        *name;
  JxTargetMetric     metric;
  const char        *from;
  const char        *to;
  gint64             owner_id;
  const char        *owner_name;
  JxTargetDimension  dimension;
  JxTargetFilters    filters;
  const char        *filter_names[JX_TARGET_N_DIMENSIONS];
  gint64             amount;
  gboolean           locked;
  const char        *method;
  const char        *rationale;
  const char        *smart;
} JxTargetNodeRow;

typedef struct {
  gboolean           has_actual;
  gint64             actual;
  gint64             expected;
  double             attainment;
  JxTargetPace       pace;
  gint64             gap;
  double             win_rate;
  gint64             pipeline_needed;
} JxTargetNodeStatus;

JxTargetNode *jx_target_node_new_private     (void);
void          jx_target_node_update          (JxTargetNode             *self,
                                              const JxTargetNodeRow    *row);
void          jx_target_node_set_status      (JxTargetNode             *self,
                                              const JxTargetNodeStatus *status);
void          jx_target_node_set_place       (JxTargetNode             *self,
                                              JxTargetNode             *parent,
                                              guint                     depth);
void          jx_target_node_set_children_total (JxTargetNode          *self,
                                              gint64                    total);
void          jx_target_node_set_amount_private (JxTargetNode          *self,
                                              gint64                    amount);
void          jx_target_node_set_locked_private (JxTargetNode          *self,
                                              gboolean                  locked);
void          jx_target_node_set_share       (JxTargetNode             *self,
                                              double                    weight,
                                              gint64                    basis);
void          jx_target_node_notify_children (JxTargetNode             *self);
char         *jx_target_smart_to_json        (const gboolean           *done,
                                              char *const              *notes);

/* The SELECT list and joins that fill a JxTargetNodeRow (see jx_target_node_row_read). */
#define JX_TARGET_NODE_SELECT \
  "SELECT n.id, n.plan_id, n.parent_id, n.position, n.name, n.metric, n.period_from," \
  " n.period_to, n.owner_id, o.name, n.dimension, n.region_id, r.name, n.member_id, m.name," \
  " n.product_line_id, l.name, n.customer_type_id, t.name, n.tier, n.amount, n.locked," \
  " n.method, n.rationale, n.smart" \
  " FROM target_nodes n" \
  " LEFT JOIN team_members o ON o.id = n.owner_id" \
  " LEFT JOIN regions r ON r.id = n.region_id" \
  " LEFT JOIN team_members m ON m.id = n.member_id" \
  " LEFT JOIN product_lines l ON l.id = n.product_line_id" \
  " LEFT JOIN customer_types t ON t.id = n.customer_type_id"

void          jx_target_node_row_read        (sqlite3_stmt             *stmt,
                                              JxTargetNodeRow          *row);

/* Periods. */
guint         jx_target_split_period         (const JxPeriod           *period,
                                              JxTargetDimension         dimension,
                                              int                       fiscal_start_month,
                                              GArray                   *periods);
char         *jx_target_period_name          (const JxPeriod           *period,
                                              JxTargetDimension         dimension,
                                              const JxPeriod           *parent,
                                              int                       fiscal_start_month);
void          jx_target_period_last_year     (const JxPeriod           *period,
                                              JxTargetDimension         dimension,
                                              JxPeriod                 *last_year);
int           jx_target_fiscal_start_month   (JxStore                  *store);
gboolean      jx_target_seasonal_day_weights (JxTargetFacts            *facts,
                                              JxTargetMetric            metric,
                                              const JxTargetFilters    *filters,
                                              const GDate              *before,
                                              int                       n_years,
                                              int                       fiscal_start_month,
                                              double                    month_share[12],
                                              int                      *years_used,
                                              int                      *first_year);
double        jx_target_seasonal_weight      (const double              month_share[12],
                                              const JxPeriod           *period);

/* The node's own place among its siblings: its period for time splits, its filter value
 * for the others, its metric and name for the rest. Matches children across a
 * re-decomposition and nodes across plans. */
char         *jx_target_node_dup_key         (JxTargetNode             *self);

/* Decomposition. */
JxTargetDecomposition *jx_target_decomposition_new_private (JxStore        *store,
                                              JxTargetFacts            *facts,
                                              JxTargetNode             *parent,
                                              JxTargetDimension         dimension,
                                              JxTargetMethod            method,
                                              int                       fiscal_start_month,
                                              GError                  **error);
GArray       *jx_target_decomposition_get_replaced (JxTargetDecomposition *self);

/* Suggestions. */
GListModel   *jx_target_suggestions_compute  (JxTargetFacts            *facts,
                                              JxTargetNode             *node,
                                              double                    growth_percent,
                                              int                       fiscal_start_month,
                                              const char               *currency);

G_END_DECLS
