/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-customer.h"

G_BEGIN_DECLS

JxCustomer *jx_customer_new_for_row (JxCustomerBase      *base,
                                     const JxCustomerRow *row);
void        jx_customer_update      (JxCustomer          *self,
                                     JxCustomerBase      *base,
                                     const JxCustomerRow *row);
const gint64 *jx_customer_get_id_pointer (JxCustomer *self);
char       *jx_customer_base_describe_risk (JxCustomerBase      *self,
                                            const JxCustomerRow *row);

G_END_DECLS
