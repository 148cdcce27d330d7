/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JX_TYPE_CLOSE_REASON_DIALOG (jx_close_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxCloseReasonDialog, jx_close_reason_dialog, JX, CLOSE_REASON_DIALOG,
                      AdwMessageDialog)

GtkWidget   *jx_close_reason_dialog_new        (GtkWindow           *parent,
                                                const char          *deal_title,
                                                const char          *stage_name,
                                                gboolean             won);
gboolean     jx_close_reason_dialog_is_won     (JxCloseReasonDialog *self);
const char  *jx_close_reason_dialog_get_reason (JxCloseReasonDialog *self);
GtkEditable *jx_close_reason_dialog_get_entry  (JxCloseReasonDialog *self);

G_END_DECLS
