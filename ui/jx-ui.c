/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-resources.h"
#include "jx-ui.h"

/* Registers the compiled resources (ui files, css, icons) once, before any widget is made. */
void
jx_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      jx_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}
