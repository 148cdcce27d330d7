/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-customer-base.h"
#include "jx-customer.h"

G_BEGIN_DECLS

/* The columns a customer list sorts by. */
typedef enum {
  JX_CUSTOMER_SORT_NAME,
  JX_CUSTOMER_SORT_TYPE,
  JX_CUSTOMER_SORT_REGION,
  JX_CUSTOMER_SORT_OWNER,
  JX_CUSTOMER_SORT_TIER,
  JX_CUSTOMER_SORT_REVENUE,
  JX_CUSTOMER_SORT_CHANGE,
  JX_CUSTOMER_SORT_LAST_WON,
  JX_CUSTOMER_SORT_OPEN_PIPELINE,
} JxCustomerSort;

#define JX_TYPE_CUSTOMER_SORT (jx_customer_sort_get_type ())
GType jx_customer_sort_get_type (void) G_GNUC_CONST;

#define JX_TYPE_CUSTOMER_LIST (jx_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerList, jx_customer_list, JX, CUSTOMER_LIST, GObject)

JxCustomerList  *jx_customer_list_new               (JxCustomerBase  *base);
JxCustomerList  *jx_customer_list_new_for_tier      (JxCustomerBase  *base,
                                                     JxTier           tier);
JxCustomerBase  *jx_customer_list_get_base          (JxCustomerList  *self);

void             jx_customer_list_set_search        (JxCustomerList  *self,
                                                     const char      *text);
const char      *jx_customer_list_get_search        (JxCustomerList  *self);
void             jx_customer_list_set_tier_mask     (JxCustomerList  *self,
                                                     guint            mask);
guint            jx_customer_list_get_tier_mask     (JxCustomerList  *self);
void             jx_customer_list_set_region_id     (JxCustomerList  *self,
                                                     gint64           region_id);
void             jx_customer_list_set_owner_id      (JxCustomerList  *self,
                                                     gint64           owner_id);
void             jx_customer_list_set_type_id       (JxCustomerList  *self,
                                                     gint64           type_id);
void             jx_customer_list_set_at_risk_only  (JxCustomerList  *self,
                                                     gboolean         at_risk_only);
void             jx_customer_list_set_sort          (JxCustomerList  *self,
                                                     JxCustomerSort   key,
                                                     gboolean         descending);
JxCustomerSort   jx_customer_list_get_sort          (JxCustomerList  *self,
                                                     gboolean        *descending);

guint            jx_customer_list_get_row           (JxCustomerList  *self,
                                                     guint            position);
gint64           jx_customer_list_get_customer_id   (JxCustomerList  *self,
                                                     guint            position);
gboolean         jx_customer_list_find              (JxCustomerList  *self,
                                                     gint64           customer_id,
                                                     guint           *position);
gint64           jx_customer_list_get_revenue_total (JxCustomerList  *self);

G_END_DECLS
