/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

void jx_deal_editor_present (GtkWindow *parent,
                             JxContext *context,
                             gint64     deal_id);

G_END_DECLS
