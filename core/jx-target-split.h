/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Marks an unlocked entry in the @locked array of jx_target_split(). */
#define JX_TARGET_UNLOCKED (-1)

gboolean jx_target_split          (gint64         total,
                                   const gint64  *weights,
                                   const gint64  *locked,
                                   guint          n,
                                   gint64        *out,
                                   GError       **error);
void     jx_target_weights_from_doubles (const double *weights,
                                   guint          n,
                                   gint64        *out);

G_END_DECLS
