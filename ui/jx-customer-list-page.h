/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMER_LIST_PAGE (jx_customer_list_page_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerListPage, jx_customer_list_page, JX, CUSTOMER_LIST_PAGE, AdwBin)

void            jx_customer_list_page_set_base      (JxCustomerListPage *self,
                                                     JxCustomerBase     *base);
JxCustomerList *jx_customer_list_page_get_list      (JxCustomerListPage *self);
GtkColumnView  *jx_customer_list_page_get_column_view (JxCustomerListPage *self);
void            jx_customer_list_page_set_search    (JxCustomerListPage *self,
                                                     const char         *text);
gboolean        jx_customer_list_page_sort_by       (JxCustomerListPage *self,
                                                     const char         *column,
                                                     gboolean            descending);
const char     *jx_customer_list_page_get_summary   (JxCustomerListPage *self);

G_END_DECLS
