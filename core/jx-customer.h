/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-customer-base.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMER (jx_customer_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomer, jx_customer, JX, CUSTOMER, GObject)

gint64           jx_customer_get_id               (JxCustomer *self);
const char      *jx_customer_get_name             (JxCustomer *self);
const char      *jx_customer_get_type_name        (JxCustomer *self);
const char      *jx_customer_get_region_name      (JxCustomer *self);
const char      *jx_customer_get_owner_name       (JxCustomer *self);
JxTier           jx_customer_get_tier             (JxCustomer *self);
gboolean         jx_customer_get_tier_manual      (JxCustomer *self);
gint64           jx_customer_get_revenue_12m      (JxCustomer *self);
gint64           jx_customer_get_revenue_prev_12m (JxCustomer *self);
double           jx_customer_get_change           (JxCustomer *self);
const char      *jx_customer_get_last_won         (JxCustomer *self);
gint64           jx_customer_get_open_pipeline    (JxCustomer *self);
JxChurnRisk      jx_customer_get_risk             (JxCustomer *self);
gboolean         jx_customer_get_at_risk          (JxCustomer *self);
const char      *jx_customer_get_risk_text        (JxCustomer *self);
JxCustomerTrend  jx_customer_get_trend            (JxCustomer *self);

G_END_DECLS
