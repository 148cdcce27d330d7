/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jx-i18n.h"

/* Sets up gettext for both programs. JINGXI_LOCALEDIR points an uninstalled build at its
 * compiled catalogues (build-aux/run and the tests set it). */
void
jx_i18n_init (void)
{
  const char *dir = g_getenv ("JINGXI_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
