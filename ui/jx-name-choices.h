/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A JxNameList behind one extra first item ("All owners", "None") for drop-downs. */

GListModel    *jx_name_choices_new         (const char *first_label,
                                            GListModel *names);
gint64         jx_name_choices_get_id      (GListModel *choices,
                                            guint       position);
guint          jx_name_choices_find        (GListModel *choices,
                                            gint64      id);
GtkExpression *jx_name_choices_expression  (void);

G_END_DECLS
