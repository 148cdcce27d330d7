/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Setters for the reload of a domain object (a region, a team member, a target, a customer):
 * they store a value and notify its property only when the value changed, so that a view
 * repaints only what changed. A %NULL @pspec stores without notifying.
 */

#define JX_SET_AND_NOTIFY(self, field, value, pspec) \
  G_STMT_START { \
    if ((self)->field != (value)) \
      { \
        GParamSpec *jx_pspec_ = (pspec); \
        (self)->field = (value); \
        if (jx_pspec_ != NULL) \
          g_object_notify_by_pspec (G_OBJECT (self), jx_pspec_); \
      } \
  } G_STMT_END

static inline void
jx_set_string_and_notify (gpointer     self,
                          char       **field,
                          const char  *value,
                          GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

G_END_DECLS
