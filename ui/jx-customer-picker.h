/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMER_PICKER (jx_customer_picker_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomerPicker, jx_customer_picker, JX, CUSTOMER_PICKER, GtkWidget)

GtkWidget   *jx_customer_picker_new               (void);
void         jx_customer_picker_set_store         (JxCustomerPicker *self,
                                                   JxStore          *store);
void         jx_customer_picker_set_customer      (JxCustomerPicker *self,
                                                   gint64            customer_id,
                                                   const char       *name);
gint64       jx_customer_picker_get_customer_id   (JxCustomerPicker *self);
const char  *jx_customer_picker_get_customer_name (JxCustomerPicker *self);
void         jx_customer_picker_set_search        (JxCustomerPicker *self,
                                                   const char       *text);
GListModel  *jx_customer_picker_get_matches       (JxCustomerPicker *self);
void         jx_customer_picker_choose            (JxCustomerPicker *self,
                                                   guint             position);

G_END_DECLS
