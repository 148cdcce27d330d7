/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jx-cli.h"

static gboolean
progress_cb (double   fraction,
             gpointer user_data)
{
  int *last = user_data;
  int percent = (int) (fraction * 100);

  if (percent != *last)
    {
      *last = percent;
      g_printerr ("\r");
      g_printerr (_("Generating demo data… %d%%"), percent);
      if (percent == 100)
        g_printerr ("\n");
    }
  return TRUE;
}

int
jx_cli_init (JxCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean demo = FALSE;
  int scale = 1;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Fill the database with demo data"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("Multiply the demo volume by N (300 gives about a million deals)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Make the demo history end on this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autofree char *path = jx_cli_db_path (cli);
  g_autofree char *summary = NULL;
  int exit_code = 0;
  GDate today;

  g_option_context_set_summary (context, _("Create a new database, optionally with demo data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("init takes no arguments"));
  if (scale < 1 || scale > 10000)
    return jx_cli_usage (context, _("--scale must be between 1 and 10000"));
  if (!demo && (scale != 1 || today_text != NULL))
    return jx_cli_usage (context, _("--scale and --today only apply with --demo"));
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("jingxi-cli: ");
      g_printerr (_("“%s” already exists; remove it or choose another file with --db."), path);
      g_printerr ("\n");
      return JX_CLI_ERROR;
    }

  store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return jx_cli_error (error);

  if (demo)
    {
      JxDemoOptions options;
      int last = -1;

      jx_demo_options_init (&options, &today);
      options.scale = scale;
      if (!jx_demo_generate (store, &options, isatty (STDERR_FILENO) ? progress_cb : NULL,
                             &last, &error))
        {
          g_clear_object (&store);
          /* Leave nothing half-made behind. */
          g_unlink (path);
          {
            g_autofree char *wal = g_strconcat (path, "-wal", NULL);
            g_autofree char *shm = g_strconcat (path, "-shm", NULL);
            g_unlink (wal);
            g_unlink (shm);
          }
          return jx_cli_error (error);
        }
    }

  summary = g_strdup_printf (demo ? _("Created %s with demo data.") : _("Created %s."), path);
  g_print ("%s\n", summary);
  return JX_CLI_OK;
}
