/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-style.h"

G_BEGIN_DECLS

void jx_ui_init                (void);
void jx_ui_chart_style_for     (GtkWidget    *widget,
                                JxChartStyle *style);

G_END_DECLS
