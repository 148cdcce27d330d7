/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-application.h"
#include "jx-ui.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JxApplication) app = NULL;

  jx_i18n_init ();
  jx_ui_init ();
  g_set_application_name (_("Jingxi"));

  app = jx_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
