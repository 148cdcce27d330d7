/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli import KIND FILE: checks the whole file, then writes it in one transaction.
 * A file with problems writes nothing, lists up to 50 errors as FILE:LINE: message and
 * exits 1.
 */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  int *last = user_data;
  int percent = (int) (fraction * 100);

  if (percent != *last)
    {
      *last = percent;
      g_printerr ("\r");
      g_printerr (_("Importing… %d%%"), percent);
    }
}

static void
print_problems (const JxImportSummary *summary)
{
  for (guint i = 0; i < summary->errors->len; i++)
    {
      g_autofree char *text = jx_import_summary_format_error (summary, summary->errors->pdata[i]);
      g_printerr ("%s\n", text);
    }
  if (summary->n_errors > summary->errors->len)
    {
      guint more = summary->n_errors - summary->errors->len;

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "… and %u more error", "… and %u more errors",
                               more), more);
      g_printerr ("\n");
    }
  for (guint i = 0; i < summary->unknowns->len; i++)
    {
      g_autofree char *text = jx_import_summary_format_unknown (summary,
                                                                summary->unknowns->pdata[i]);
      g_printerr ("%s\n", text);
    }
}

static void
print_summary (const JxImportSummary *summary)
{
  g_autofree char *n_new = jx_number_format (summary->n_new);
  g_autofree char *n_updated = jx_number_format (summary->n_updated);
  g_autofree char *n_unchanged = jx_number_format (summary->n_unchanged);

  if (summary->dry_run)
    /* Translators: the counts of a dry run of an import. */
    g_print (_("Dry run of %s: %s new, %s updated, %s unchanged. Nothing was written.\n"),
             summary->file, n_new, n_updated, n_unchanged);
  else
    g_print (_("Imported %s: %s new, %s updated, %s unchanged.\n"), summary->file, n_new,
             n_updated, n_unchanged);

  if (summary->created->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint shown = 0;

      for (guint i = 0; i < summary->created->len && shown < 10; i++, shown++)
        {
          const JxImportCreated *created = summary->created->pdata[i];

          g_string_append_printf (text, "%s%s “%s”", i > 0 ? ", " : "", created->field,
                                  created->name);
        }
      if (summary->created->len > shown)
        g_string_append_printf (text, _(" and %u more"), summary->created->len - shown);
      g_print (summary->dry_run ? _("Would create: %s\n") : _("Created: %s\n"), text->str);
    }
  if (summary->blanks->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < summary->blanks->len; i++)
        {
          const JxImportBlank *blank = summary->blanks->pdata[i];
          g_autofree char *count = jx_number_format (blank->count);

          g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", blank->field, count);
        }
      g_print (_("Blank cells kept as unknown: %s\n"), text->str);
    }
  if (summary->ignored_columns->len > 0)
    {
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint i = 0; i < summary->ignored_columns->len; i++)
        g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "",
                                (const char *) summary->ignored_columns->pdata[i]);
      g_print (_("Ignored columns (map them with --map COLUMN=FIELD): %s\n"), columns->str);
    }
  for (guint i = 0; i < summary->warnings->len; i++)
    g_print (_("Note: %s\n"), (const char *) summary->warnings->pdata[i]);
}

int
jx_cli_import (JxCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) won = NULL;
  g_auto(GStrv) lost = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *date_format = NULL;
  g_autofree char *today_text = NULL;
  gboolean create_missing = FALSE, dry_run = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map columns to fields, overriding the header names (entered:STAGE for the date a "
         "deal entered STAGE; an empty FIELD ignores the column)"), N_("SRC=FIELD,…") },
    { "create-missing", 0, 0, G_OPTION_ARG_NONE, &create_missing,
      N_("Create customers, people, products, stages, regions and the like that the file "
         "names but the database lacks"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count new, updated and unchanged rows without writing"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The file's encoding (default: detect UTF-8 or GB18030)"), N_("ENC") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("How to read dates whose year comes last: M/D/YYYY or D/M/YYYY"), N_("FMT") },
    { "won-stage", 0, 0, G_OPTION_ARG_STRING_ARRAY, &won,
      N_("A stage name in the file that means won (besides Won, Closed Won, 赢单, 成交)"),
      N_("NAME") },
    { "lost-stage", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lost,
      N_("A stage name in the file that means lost (besides Lost, Closed Lost, 输单, 丢单)"),
      N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date recorded in the tier history for changed tiers"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("KIND FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxImport) import = NULL;
  const JxImportSummary *summary;
  JxImportKind kind;
  int exit_code = 0;
  int last_percent = -1;
  gboolean ok;
  GDate today;

  g_option_context_set_summary (context,
    _("Import a CSV file of customers, products, team, deals, stage-events or targets.\n\n"
      "The whole file is checked first; a file with problems writes nothing and lists them.\n"
      "Importing the same file again updates rows instead of adding them again."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return jx_cli_usage (context, _("import takes a KIND and a FILE"));
  if (!jx_import_kind_from_string (argv[1], &kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown kind “%s”; use customers, products, team, deals, "
                           "stage-events or targets"), argv[1]);
      return jx_cli_usage (context, message);
    }

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  import = jx_import_new (store, kind);
  if (encoding != NULL)
    jx_import_set_encoding (import, encoding);
  if (date_format != NULL)
    {
      JxDateOrder order;

      if (!jx_date_order_from_string (date_format, &order))
        {
          g_autofree char *message =
            g_strdup_printf (_("--date-format: “%s” is not YYYY-MM-DD, M/D/YYYY or D/M/YYYY"),
                             date_format);
          return jx_cli_usage (context, message);
        }
      jx_import_set_date_order (import, order);
    }
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);
  jx_import_set_today (import, &today);
  for (guint i = 0; won != NULL && won[i] != NULL; i++)
    jx_import_add_won_stage (import, won[i]);
  for (guint i = 0; lost != NULL && lost[i] != NULL; i++)
    jx_import_add_lost_stage (import, lost[i]);
  jx_import_set_create_missing (import, create_missing);

  if (!jx_import_open (import, argv[2], &error))
    return jx_cli_error (error);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!jx_import_apply_map (import, maps[i], &error))
      return jx_cli_usage (context, error->message);

  ok = jx_import_run (import, dry_run, NULL, !json && isatty (2) ? progress_cb : NULL,
                      &last_percent, &error);
  if (last_percent >= 0)
    g_printerr ("\n");
  summary = jx_import_get_summary (import);
  if (json && summary != NULL)
    {
      g_autoptr(JsonNode) node = jx_import_summary_to_json (summary);
      jx_cli_print_json (node);
    }
  if (summary != NULL && jx_import_summary_has_problems (summary))
    {
      if (!json)
        {
          print_problems (summary);
          if (summary->unknowns->len > 0)
            g_printerr ("%s\n", _("Fix the names in the file, map the column to another field, "
                                  "or pass --create-missing to create them."));
        }
      if (!dry_run || !ok)
        {
          if (error != NULL)
            g_printerr ("jingxi-cli: %s\n", error->message);
          return JX_CLI_ERROR;
        }
      return JX_CLI_ERROR;
    }
  if (!ok)
    return jx_cli_error (error);
  if (!json)
    print_summary (summary);
  return JX_CLI_OK;
}
