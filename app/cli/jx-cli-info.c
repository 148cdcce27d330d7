/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli.h"

int
jx_cli_info (JxCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxInfo) info = NULL;
  int exit_code = 0;

  g_option_context_set_summary (context, _("Show the schema version, the number of rows in "
                                           "every table and the dates of the deals."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("info takes no arguments"));

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  info = jx_info_collect (store, &error);
  if (info == NULL)
    return jx_cli_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = jx_info_to_json (info);
      jx_cli_print_json (node);
      return JX_CLI_OK;
    }

  g_print ("%s %s\n", _("Database:"), info->path);
  g_print ("%s %d\n", _("Schema version:"), info->schema_version);
  if (info->first_deal_date != NULL)
    {
      g_autofree char *from = jx_date_format_iso_text (info->first_deal_date);
      g_autofree char *to = jx_date_format_iso_text (info->last_deal_date);
      g_autofree char *range = g_strdup_printf (_("%s – %s"), from, to);
      g_print ("%s %s\n", _("Deals:"), range);
    }
  else
    g_print ("%s %s\n", _("Deals:"), _("none yet"));
  g_print ("\n");
  for (guint i = 0; i < info->n_counts; i++)
    {
      g_autofree char *name = jx_cli_pad (info->counts[i].table, 16);
      g_autofree char *rows = jx_number_format (info->counts[i].rows);
      g_print ("  %s %12s\n", name, rows);
    }
  return JX_CLI_OK;
}
