/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_CUSTOMERS_VIEW (jx_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (JxCustomersView, jx_customers_view, JX, CUSTOMERS_VIEW, AdwBin)

G_END_DECLS
