/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-customer-base.h"

G_BEGIN_DECLS

/* A tier's service policy: visits per customer per month and hours per visit. */
typedef struct {
  double visits_per_month;
  double hours_per_visit;
} JxTierPolicy;

/* A rep below this share of capacity is under-allocated; above 1.0 over-allocated. */
#define JX_ALLOCATION_UNDER_RATIO 0.8

typedef enum {
  JX_REP_LOAD_BALANCED,
  JX_REP_LOAD_UNDER,
  JX_REP_LOAD_OVER,
  JX_REP_LOAD_NO_CAPACITY,     /* owns customers but has no capacity set */
} JxRepLoad;

/* Planned effort and revenue of one tier. */
typedef struct {
  JxTier        tier;
  JxTierPolicy  policy;
  guint         customers;
  double        planned_hours;      /* per month: customers × visits × hours */
  gint64        revenue_12m;
  double        revenue_share;      /* of all customers' revenue, 0..1 */
  double        effort_share;       /* of all planned hours, 0..1 */
} JxTierAllocation;

/* Planned effort of one rep (the owner of customers) against the rep's capacity. */
typedef struct {
  gint64        member_id;          /* 0 for customers without an owner */
  char         *name;
  char         *region_name;
  guint         customers;
  guint         customers_by_tier[JX_N_TIERS];
  double        planned_hours;
  double        capacity_hours;     /* per month, 0 when not set */
  double        balance_hours;      /* capacity − planned; negative when over-allocated */
  double        utilisation;        /* planned / capacity, 0 without capacity */
  JxRepLoad     load;
} JxRepAllocation;

typedef struct {
  JxTierAllocation  tiers[JX_N_TIERS];    /* indexed by JxTier */
  GArray           *reps;                 /* JxRepAllocation, most loaded first */
  double            planned_hours;
  double            capacity_hours;       /* of the reps listed */
  gint64            revenue_12m;
  guint             n_over;
  guint             n_under;
} JxAllocation;

/* What the allocation reads of one customer: a copy a worker thread can own. */
typedef struct {
  gint64        owner_id;
  gint64        revenue_12m;
  JxTier        tier;
} JxAllocationCustomer;

const char   *jx_rep_load_to_string     (JxRepLoad          load);
const char   *jx_rep_load_get_label     (JxRepLoad          load);

gboolean      jx_tier_policies_load     (JxStore           *store,
                                         JxTierPolicy       policies[JX_N_TIERS],
                                         GError           **error);
gboolean      jx_tier_policy_set        (JxStore           *store,
                                         JxTier             tier,
                                         const JxTierPolicy *policy,
                                         GError           **error);

JxAllocation *jx_allocation_compute     (JxCustomerBase    *base,
                                         GError           **error);
JxAllocationCustomer *jx_allocation_customers_copy (JxCustomerBase *base,
                                         guint             *n_customers);
JxAllocation *jx_allocation_compute_for (JxStore           *store,
                                         const JxAllocationCustomer *customers,
                                         guint              n_customers,
                                         GError           **error);
void          jx_allocation_free        (JxAllocation      *allocation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxAllocation, jx_allocation_free)

G_END_DECLS
