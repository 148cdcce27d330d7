/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"
#include "jx-tier.h"

G_BEGIN_DECLS

/* Why a customer is at risk of leaving; a customer can meet both rules. */
typedef enum /*< flags >*/ {
  JX_CHURN_NONE = 0,
  /* Won revenue of the last 12 months fell by churn_drop_percent or more. */
  JX_CHURN_DROP = 1 << 0,
  /* Bought in the previous 12 months, but no deal won or open for churn_idle_days. */
  JX_CHURN_IDLE = 1 << 1,
} JxChurnRisk;

/* The direction of the last 12 months against the 12 months before. */
typedef enum {
  JX_CUSTOMER_TREND_NONE,      /* no won revenue in either year */
  JX_CUSTOMER_TREND_NEW,       /* nothing the year before, revenue now */
  JX_CUSTOMER_TREND_UP,        /* up 10% or more */
  JX_CUSTOMER_TREND_FLAT,
  JX_CUSTOMER_TREND_DOWN,      /* down 10% or more (including to nothing) */
} JxCustomerTrend;

#define JX_TYPE_CUSTOMER_TREND (jx_customer_trend_get_type ())
GType jx_customer_trend_get_type (void) G_GNUC_CONST;

/*
 * One customer and its figures on the base's day. Revenue is the sum of won deals whose
 * closed date lies in the last 12 months (the day a year ago excluded, today included) or
 * in the 12 months before; open pipeline sums the known amounts of the deals open now.
 * Dates are GDate Julian days, 0 for "never".
 *
 * last_closed is what the churn rule's idle test reads: the last deal won or lost for a
 * customer the test can flag (revenue in the previous 12 months, nothing open, no win for
 * churn_idle_days), and the last won deal for every other customer, whose test that
 * decides alone. Looking up lost deals only where they matter keeps a load from reading
 * the 700,000 lost deals of a large database.
 */
typedef struct {
  gint64      id;
  const char *name;
  gint64      type_id;
  gint64      region_id;
  gint64      owner_id;
  gint64      revenue_12m;
  gint64      revenue_prev_12m;
  gint64      open_pipeline;
  guint32     open_count;
  guint32     last_won;
  guint32     last_closed;       /* last deal won or lost, where the churn rule needs it */
  guint32     name_rank;         /* position in name order */
  guint32     type_rank;         /* position of the type's name among types (0 none) */
  guint32     region_rank;
  guint32     owner_rank;
  guint8      tier;              /* JxTier */
  guint8      tier_manual;
  guint8      risk;              /* JxChurnRisk */
  guint8      trend;             /* JxCustomerTrend */
} JxCustomerRow;

typedef struct _JxCustomer JxCustomer;

#define JX_TYPE_CUSTOMER_BASE (jx_customer_base_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerBase, jx_customer_base, JX, CUSTOMER_BASE, GObject)

JxCustomerBase      *jx_customer_base_new               (JxStore              *store,
                                                         const GDate          *today,
                                                         GError              **error);
void                 jx_customer_base_load_async        (JxStore              *store,
                                                         const GDate          *today,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
JxCustomerBase      *jx_customer_base_load_finish       (JxStore              *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);
JxStore             *jx_customer_base_get_store         (JxCustomerBase       *self);
void                 jx_customer_base_get_today         (JxCustomerBase       *self,
                                                         GDate                *today);
gboolean             jx_customer_base_set_today         (JxCustomerBase       *self,
                                                         const GDate          *today,
                                                         GError              **error);
gboolean             jx_customer_base_reload            (JxCustomerBase       *self,
                                                         GError              **error);
const char          *jx_customer_base_get_currency      (JxCustomerBase       *self);
const JxTierThresholds *jx_customer_base_get_thresholds (JxCustomerBase       *self);

guint                jx_customer_base_get_n_rows        (JxCustomerBase       *self);
const JxCustomerRow *jx_customer_base_get_row           (JxCustomerBase       *self,
                                                         guint                 row);
gboolean             jx_customer_base_lookup            (JxCustomerBase       *self,
                                                         gint64                customer_id,
                                                         guint                *row);
const char          *jx_customer_base_get_search_key    (JxCustomerBase       *self,
                                                         guint                 row);
JxCustomer          *jx_customer_base_dup_customer      (JxCustomerBase       *self,
                                                         guint                 row);

const char          *jx_customer_base_get_type_name     (JxCustomerBase       *self,
                                                         gint64                type_id);
const char          *jx_customer_base_get_region_name   (JxCustomerBase       *self,
                                                         gint64                region_id);
const char          *jx_customer_base_get_owner_name    (JxCustomerBase       *self,
                                                         gint64                owner_id);
gint64               jx_customer_base_find_region       (JxCustomerBase       *self,
                                                         const char           *name);
gboolean             jx_customer_base_region_within     (JxCustomerBase       *self,
                                                         gint64                region_id,
                                                         gint64                ancestor_id);

gboolean             jx_customer_base_move              (JxCustomerBase       *self,
                                                         const JxTierMove     *moves,
                                                         guint                 n_moves,
                                                         JxTierSource          source,
                                                         guint                *n_moved,
                                                         GError              **error);

JxChurnRisk          jx_churn_risk_evaluate             (gint64                revenue_12m,
                                                         gint64                revenue_prev_12m,
                                                         guint32               last_closed,
                                                         guint32               open_count,
                                                         guint32               today,
                                                         const JxTierThresholds *thresholds);
JxCustomerTrend      jx_customer_trend_evaluate         (gint64                revenue_12m,
                                                         gint64                revenue_prev_12m);
double               jx_customer_row_get_change         (const JxCustomerRow  *row);

G_END_DECLS
