/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMER_SORTER (jx_customer_sorter_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerSorter, jx_customer_sorter, JX, CUSTOMER_SORTER, GtkSorter)

JxCustomerSorter *jx_customer_sorter_new         (JxCustomerSort  key);
JxCustomerSort    jx_customer_sorter_get_key     (JxCustomerSorter *self);
gboolean          jx_customer_sorter_read_column_view (GtkSorter      *sorter,
                                                       JxCustomerSort *key,
                                                       gboolean       *descending);

G_END_DECLS
