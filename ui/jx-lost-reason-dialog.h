/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_LOST_REASON_DIALOG (jx_lost_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxLostReasonDialog, jx_lost_reason_dialog, JX, LOST_REASON_DIALOG,
                      AdwMessageDialog)

GtkWidget   *jx_lost_reason_dialog_new        (GtkWindow          *parent,
                                               const char         *deal_title,
                                               const char         *stage_name);
const char  *jx_lost_reason_dialog_get_reason (JxLostReasonDialog *self);
GtkEditable *jx_lost_reason_dialog_get_entry  (JxLostReasonDialog *self);

G_END_DECLS
