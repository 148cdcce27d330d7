/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli export KIND --csv FILE writes what `import KIND FILE` reads back;
 * jingxi-cli export deals|customers|targets --xlsx FILE writes a spreadsheet with real
 * numbers and dates for people to read.
 */

static int
export_xlsx (JxCli      *cli,
             const char *kind,
             const char *path,
             const char *today_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  GDate today;

  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);
  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  if (!jx_export_xlsx (store, kind, path, &today, &error))
    return jx_cli_error (error);
  g_printerr (_("Exported %s to %s.\n"), kind, path);
  return JX_CLI_OK;
}

int
jx_cli_export (JxCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Write CSV (UTF-8, as import reads it back) to FILE"),
      N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      N_("Write an Excel workbook (deals, customers or targets) to FILE"),
      N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Date the workbook is made on (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("KIND"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  JxImportKind kind;
  int exit_code = 0;
  guint n_rows = 0;

  g_option_context_set_summary (context,
    _("Export customers, products, team, deals, stage-events or targets in the form that "
      "import reads back."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return jx_cli_usage (context, _("export takes a KIND"));
  if (csv != NULL && xlsx != NULL)
    return jx_cli_usage (context, _("choose one of --csv and --xlsx"));
  if (xlsx != NULL)
    {
      if (!g_strv_contains (jx_export_xlsx_kinds (), argv[1]))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown kind “%s” for --xlsx; use deals, customers or targets"),
                             argv[1]);
          return jx_cli_usage (context, message);
        }
      return export_xlsx (cli, argv[1], xlsx, today_text);
    }
  if (!jx_import_kind_from_string (argv[1], &kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown kind “%s”; use customers, products, team, deals, "
                           "stage-events or targets"), argv[1]);
      return jx_cli_usage (context, message);
    }
  if (csv == NULL)
    return jx_cli_usage (context, _("say where to write: --csv FILE or --xlsx FILE"));

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv);

    /* g_file_replace() writes a temporary file and renames it, so a failed export leaves
     * an older file whole. */
    out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
    if (out == NULL)
      return jx_cli_error (error);
  }
  if (!jx_export_write_csv (store, kind, out, &n_rows, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return jx_cli_error (error);
  {
    g_autofree char *rows = jx_number_format (n_rows);
    g_printerr (_("Exported %s rows to %s.\n"), rows, csv);
  }
  return JX_CLI_OK;
}
