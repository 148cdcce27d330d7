/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMER_PAGE (jx_customer_page_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerPage, jx_customer_page, JX, CUSTOMER_PAGE, AdwBin)

void              jx_customer_page_set_base      (JxCustomerPage *self,
                                                  JxCustomerBase *base);
gboolean          jx_customer_page_show_customer (JxCustomerPage *self,
                                                  gint64          customer_id);
gint64            jx_customer_page_get_customer_id (JxCustomerPage *self);
JxCustomerDetail *jx_customer_page_get_detail    (JxCustomerPage *self);
GtkTextBuffer    *jx_customer_page_get_notes_buffer (JxCustomerPage *self);
gboolean          jx_customer_page_save_notes    (JxCustomerPage *self);
const char       *jx_customer_page_get_name_text (JxCustomerPage *self);

G_END_DECLS
