/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"
#include "jx-customer-list-page.h"
#include "jx-customer-page.h"
#include "jx-tier-board.h"
#include "jx-tier-suggestions-page.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMERS_VIEW (jx_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomersView, jx_customers_view, JX, CUSTOMERS_VIEW, JxView)

JxCustomerBase        *jx_customers_view_get_base             (JxCustomersView *self);
const char            *jx_customers_view_get_state            (JxCustomersView *self);
void                   jx_customers_view_show_section         (JxCustomersView *self,
                                                               const char      *name);
const char            *jx_customers_view_get_section          (JxCustomersView *self);
gboolean               jx_customers_view_show_customer        (JxCustomersView *self,
                                                               gint64           customer_id);
JxCustomerListPage    *jx_customers_view_get_list_page        (JxCustomersView *self);
JxTierBoard           *jx_customers_view_get_board            (JxCustomersView *self);
JxTierSuggestionsPage *jx_customers_view_get_suggestions_page (JxCustomersView *self);
JxCustomerPage        *jx_customers_view_get_customer_page    (JxCustomersView *self);
double                 jx_customers_view_get_ready_ms         (JxCustomersView *self);

G_END_DECLS
