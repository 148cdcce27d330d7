/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-clock.h"
#include "jx-store.h"

G_BEGIN_DECLS

#define JX_TYPE_CONTEXT (jx_context_get_type ())
G_DECLARE_FINAL_TYPE (JxContext, jx_context, JX, CONTEXT, GObject)

JxContext *jx_context_new         (JxClock   *clock);
JxStore   *jx_context_get_store   (JxContext *self);
void       jx_context_set_store   (JxContext *self,
                                   JxStore   *store);
JxClock   *jx_context_get_clock   (JxContext *self);
void       jx_context_get_today   (JxContext *self,
                                   GDate     *today);
char      *jx_context_dup_currency (JxContext *self);

G_END_DECLS
