/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JX_TYPE_CLOCK (jx_clock_get_type ())
G_DECLARE_FINAL_TYPE (JxClock, jx_clock, JX, CLOCK, GObject)

JxClock *jx_clock_new          (void);
JxClock *jx_clock_new_fixed    (const GDate *today);
void     jx_clock_get_today    (JxClock     *self,
                                GDate       *today);
char    *jx_clock_dup_today    (JxClock     *self);
gboolean jx_clock_is_fixed     (JxClock     *self);

G_END_DECLS
