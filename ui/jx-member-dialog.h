/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_MEMBER_DIALOG (jx_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JxMemberDialog, jx_member_dialog, JX, MEMBER_DIALOG, AdwWindow)

JxMemberDialog *jx_member_dialog_new       (GtkWindow          *parent,
                                            JxStore            *store);
void            jx_member_dialog_set_edit  (JxMemberDialog     *self,
                                            const JxMemberEdit *edit);
gboolean        jx_member_dialog_add       (JxMemberDialog     *self);
const char     *jx_member_dialog_get_error (JxMemberDialog     *self);

G_END_DECLS
