/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-report.h"

G_BEGIN_DECLS

#define JX_TYPE_PRINT_OPERATION (jx_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (JxPrintOperation, jx_print_operation, JX, PRINT_OPERATION, GtkPrintOperation)

JxPrintOperation *jx_print_operation_new        (JxReport   *report);
JxReport         *jx_print_operation_get_report (JxPrintOperation *self);
void              jx_print_report               (GtkWindow  *parent,
                                                 JxReport   *report);
gboolean          jx_print_report_to_pdf        (JxReport   *report,
                                                 const char *path,
                                                 JxPaper     paper,
                                                 GError    **error);
void              jx_export_report_pdf          (GtkWindow  *parent,
                                                 JxReport   *report,
                                                 const char *suggested_name);

void              jx_print_report_for_action    (GtkWidget    *view,
                                                 const char   *action_name,
                                                 JxReport     *report,
                                                 const GError *error,
                                                 const char   *file_name);

G_END_DECLS
