/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-style.h"

G_BEGIN_DECLS

void       jx_ui_init                 (void);
void       jx_ui_chart_style_for      (GtkWidget     *widget,
                                       JxChartStyle  *style);
void       jx_ui_fill_editable        (GtkEditable   *editable,
                                       const char    *text);
void       jx_ui_spin_button_set_undo (GtkSpinButton *spin,
                                       const char    *undo_action,
                                       const char    *redo_action);
void       jx_ui_show_error_dialog    (GtkWidget     *widget,
                                       const char    *heading,
                                       const GError  *error);
void       jx_ui_add_toast            (GtkWidget     *widget,
                                       const char    *message);
void       jx_ui_add_undo_toast       (GtkWidget     *widget,
                                       const char    *message);
GtkWidget *jx_ui_bar_cell_new         (double         max_value,
                                       const char    *bar_class,
                                       int            bar_width,
                                       int            label_chars);
void       jx_ui_bind_delete_key      (GtkWidget     *table,
                                       const char    *action);

G_END_DECLS
