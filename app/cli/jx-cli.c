/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli [--db FILE] COMMAND [OPTIONS]
 *
 * Each command lives in its own jx-cli-<command>.c and parses its own options. Exit codes:
 * 0 on success, 1 on an error (message on stderr, translated), 2 on bad usage.
 */

static const JxCliCommand commands[] = {
  { "init", N_("Create a database, optionally with demo data"), jx_cli_init },
  { "info", N_("Show the schema version, the size of every table and the deal dates"), jx_cli_info },
  { "funnel", N_("Show the sales funnel: stages, conversion, velocity, stalled deals"),
    jx_cli_funnel },
  { "customers", N_("List customers with their figures, move tiers, suggest tiers"),
    jx_cli_customers },
  { "allocation", N_("Show planned hours per tier and per rep against capacity"),
    jx_cli_allocation },
  { "regions", N_("Show the regions with potential, won revenue and strategy"), jx_cli_regions },
  { "import", N_("Import a CSV file of customers, products, team, deals, stage events or targets"), jx_cli_import },
  { "export", N_("Export customers, products, team, deals, stage events or targets as CSV"), jx_cli_export },
  { "targets", N_("Show, add, decompose and rebalance the targets of a plan"), jx_cli_targets },
  { "plans", N_("List, copy, activate and compare target plans"), jx_cli_plans },
  { "report", N_("Write the funnel or targets report as PDF"), jx_cli_report },
};

char *
jx_cli_db_path (JxCli *cli)
{
  if (cli->db_path != NULL)
    return g_strdup (cli->db_path);
  return jx_store_default_path ();
}

JxStore *
jx_cli_open_store (JxCli   *cli,
                   GError **error)
{
  g_autofree char *path = jx_cli_db_path (cli);

  return jx_store_open (path, JX_STORE_OPEN_DEFAULT, error);
}

/* Parses a command's options. On --help or bad usage it prints and returns FALSE with the
 * exit code to use. */
gboolean
jx_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      int              *exit_code)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = jx_cli_usage (context, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads --today, or the system's date when @text is NULL. */
gboolean
jx_cli_today (const char  *text,
              GDate       *today,
              GError     **error)
{
  if (text == NULL)
    {
      g_autoptr(JxClock) clock = jx_clock_new ();

      jx_clock_get_today (clock, today);
      return TRUE;
    }
  if (!jx_date_parse_iso (text, today))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--today: “%s” is not a date (expected YYYY-MM-DD)"), text);
      return FALSE;
    }
  return TRUE;
}

int
jx_cli_error (const GError *error)
{
  g_printerr ("jingxi-cli: %s\n", error->message);
  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
    return JX_CLI_USAGE;
  return JX_CLI_ERROR;
}

int
jx_cli_usage (GOptionContext *context,
              const char     *message)
{
  g_printerr ("jingxi-cli: %s\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }
  return JX_CLI_USAGE;
}

void
jx_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* @text padded with spaces to @width display columns (CJK characters count as two). */
char *
jx_cli_pad (const char *text,
            int         width)
{
  GString *out = g_string_new (text);
  int cols = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      cols += g_unichar_iswide (c) ? 2 : 1;
    }
  while (cols++ < width)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* Prints a table's header line: each column's label padded to its width, a space between,
 * then @last unpadded. */
void
jx_cli_print_header (const JxCliColumn *columns,
                     guint              n_columns,
                     const char        *last)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *label = jx_cli_pad (columns[i].label, columns[i].width);

      g_print ("%s ", label);
    }
  g_print ("%s\n", last);
}

void
jx_cli_funnel_options_clear (JxCliFunnelOptions *options)
{
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->region, g_free);
  g_clear_pointer (&options->owner, g_free);
  g_clear_pointer (&options->product_line, g_free);
  g_clear_pointer (&options->product, g_free);
  g_clear_pointer (&options->tier, g_free);
  g_clear_pointer (&options->customer_type, g_free);
}

/* Whether any of the funnel's filter options was given. */
gboolean
jx_cli_funnel_options_any (const JxCliFunnelOptions *options)
{
  return options->from != NULL || options->to != NULL || options->region != NULL ||
         options->owner != NULL || options->product_line != NULL || options->product != NULL ||
         options->tier != NULL || options->customer_type != NULL;
}

/* Opens the store into @store and fills @filter from @options. Returns JX_CLI_OK, or the
 * exit code after saying what is wrong: a bad period is bad usage, an unknown name an error. */
int
jx_cli_funnel_filter (JxCli                     *cli,
                      GOptionContext            *context,
                      const JxCliFunnelOptions  *options,
                      JxDealFilter              *filter,
                      JxStore                  **store)
{
  const struct {
    const char            *value;
    JxDealFilterDimension  dimension;
  } names[] = {
    { options->region, JX_DEAL_FILTER_REGION },
    { options->owner, JX_DEAL_FILTER_OWNER },
    { options->product_line, JX_DEAL_FILTER_PRODUCT_LINE },
    { options->product, JX_DEAL_FILTER_PRODUCT },
    { options->tier, JX_DEAL_FILTER_TIER },
    { options->customer_type, JX_DEAL_FILTER_CUSTOMER_TYPE },
  };
  g_autoptr(GError) error = NULL;

  jx_deal_filter_init (filter);
  if (!jx_deal_filter_set_period_iso (filter, options->from, options->to, &error))
    return jx_cli_usage (context, error->message);
  *store = jx_cli_open_store (cli, &error);
  if (*store == NULL)
    return jx_cli_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].value != NULL &&
        !jx_deal_filter_set_by_name (filter, *store, names[i].dimension, names[i].value, &error))
      return jx_cli_error (error);
  return JX_CLI_OK;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: jingxi-cli [--db FILE] COMMAND [OPTIONS…]"));
  fprintf (stream, "%s\n\n", _("Plan sales targets and read the funnel from the command line."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = jx_cli_pad (commands[i].name, 12);
      fprintf (stream, "  %s %s\n", name, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --db FILE     %s\n", _("Use this database instead of the default one"));
  fprintf (stream, "  --help        %s\n", _("Show this help; COMMAND --help shows a command's options"));
  fprintf (stream, "  --version     %s\n", _("Show the version"));
  {
    g_autofree char *path = jx_store_default_path ();
    fprintf (stream, "\n");
    fprintf (stream, _("The default database is %s."), path);
    fprintf (stream, "\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  JxCli cli = { NULL };
  int i = 1;

  jx_i18n_init ();
  g_set_prgname ("jingxi-cli");

  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return JX_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("jingxi-cli %s\n", PACKAGE_VERSION);
          return JX_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          cli.db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          cli.db_path = argv[i] + strlen ("--db=");
          i++;
        }
      else
        {
          g_printerr ("jingxi-cli: ");
          g_printerr (_("unknown option “%s”"), argv[i]);
          g_printerr ("\n\n");
          print_help (stderr);
          return JX_CLI_USAGE;
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      return JX_CLI_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        /* A command's --help then reads "Usage: jingxi-cli init [OPTION…]". */
        g_autofree char *prgname = g_strdup_printf ("jingxi-cli %s", commands[c].name);

        g_set_prgname (prgname);
        return commands[c].run (&cli, argc - i, argv + i);
      }

  g_printerr ("jingxi-cli: ");
  g_printerr (_("unknown command “%s”"), argv[i]);
  g_printerr ("\n\n");
  print_help (stderr);
  return JX_CLI_USAGE;
}
