/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_VIEW (jx_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (JxView, jx_view, JX, VIEW, AdwBin)

struct _JxViewClass {
  AdwBinClass parent_class;

  /* The database the view shows changed (another file was opened, or it was closed):
   * @store may be %NULL. Also called with %NULL when the view is disposed. */
  void (*set_store) (JxView  *self,
                     JxStore *store);
};

void       jx_view_set_context (JxView    *self,
                                JxContext *context);
JxContext *jx_view_get_context (JxView    *self);
JxStore   *jx_view_get_store   (JxView *self);
void       jx_view_get_today   (JxView *self,
                                GDate  *today);

G_END_DECLS
