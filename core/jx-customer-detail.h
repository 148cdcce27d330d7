/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-store.h"
#include "jx-tier.h"

G_BEGIN_DECLS

/* Won revenue in one fiscal year. */
typedef struct {
  int    year;            /* the fiscal year's label (the year it ends in) */
  gint64 won;
  guint  deals;
} JxRevenueYear;

typedef struct {
  gint64  id;
  char   *ref;
  char   *title;
  gint64  amount;          /* −1 when unknown */
  int     status;          /* 0 open, 1 won, 2 lost */
  char   *stage;
  char   *opened;
  char   *closed;          /* NULL while open */
  char   *owner;
} JxCustomerDeal;

typedef struct {
  char   *date;
  JxTier  from;
  JxTier  to;
  char   *source;          /* "manual", "suggestion", "import" */
  char   *note;
} JxTierChange;

typedef struct {
  char   *date;
  char   *kind;            /* "visit", "call", "email", "meeting", "note" */
  char   *member;
  double  hours;           /* −1 when unknown */
  char   *note;
} JxCustomerActivity;

#define JX_TYPE_CUSTOMER_DETAIL (jx_customer_detail_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerDetail, jx_customer_detail, JX, CUSTOMER_DETAIL, GObject)

JxCustomerDetail *jx_customer_detail_load           (JxStore           *store,
                                                     gint64             customer_id,
                                                     GError           **error);
gint64            jx_customer_detail_get_id         (JxCustomerDetail  *self);
const char       *jx_customer_detail_get_name       (JxCustomerDetail  *self);
const char       *jx_customer_detail_get_type_name  (JxCustomerDetail  *self);
const char       *jx_customer_detail_get_region_name (JxCustomerDetail *self);
const char       *jx_customer_detail_get_owner_name (JxCustomerDetail  *self);
JxTier            jx_customer_detail_get_tier       (JxCustomerDetail  *self);
gboolean          jx_customer_detail_get_tier_manual (JxCustomerDetail *self);
const char       *jx_customer_detail_get_notes      (JxCustomerDetail  *self);
const char       *jx_customer_detail_get_created    (JxCustomerDetail  *self);
GArray           *jx_customer_detail_get_revenue_by_year (JxCustomerDetail *self);
GArray           *jx_customer_detail_get_deals      (JxCustomerDetail  *self);
GArray           *jx_customer_detail_get_tier_history (JxCustomerDetail *self);
GArray           *jx_customer_detail_get_activities (JxCustomerDetail  *self);

gboolean          jx_customer_set_notes             (JxStore           *store,
                                                     gint64             customer_id,
                                                     const char        *notes,
                                                     GError           **error);

G_END_DECLS
