/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-cli.h"
#include "jx-funnel-report.h"
#include "jx-target-report.h"

/*
 * jingxi-cli report funnel --pdf OUT [--from D] [--to D] [--region R] [--owner O]
 *                          [--product-line L] [--product P] [--tier T] [--customer-type C]
 *                          [--paper a4|letter] [--today D]
 * jingxi-cli report targets --pdf OUT [--plan P] [--paper a4|letter] [--today D]
 *
 * The same documents the Print… and Export as PDF… actions of the Funnel and Targets
 * pages make, written where no display exists.
 */

typedef enum {
  KIND_FUNNEL,
  KIND_TARGETS,
} Kind;

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  return jx_cli_usage (context, message);
}

/* The active plan, or the plan named (or numbered) @name. */
static gboolean
find_plan (JxStore     *store,
           const char  *name,
           gint64      *plan_id,
           GError     **error)
{
  g_autoptr(JxTargetPlan) plan = NULL;

  if (name == NULL)
    {
      *plan_id = jx_target_plan_get_active_id (store);
      if (*plan_id <= 0)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                       _("There is no active plan; name one with --plan or create one with "
                         "“jingxi-cli plans new NAME”."));
          return FALSE;
        }
      return TRUE;
    }
  plan = jx_target_plan_find (store, name, error);
  if (plan == NULL)
    return FALSE;
  *plan_id = jx_target_plan_get_id (plan);
  return TRUE;
}

int
jx_cli_report (JxCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *pdf = NULL, *paper_name = NULL, *today_text = NULL, *plan_name = NULL;
  g_auto(JxCliFunnelOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report as PDF to FILE"),
      N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 (default) or letter"),
      N_("SIZE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Make the report as of this day (default: the system date)"), N_("YYYY-MM-DD") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_name,
      N_("targets: the plan to report on (default: the active plan)"), N_("PLAN") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("funnel: first day of the period (default: no start)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("funnel: last day of the period (default: no end)"), N_("YYYY-MM-DD") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &o.region,
      N_("funnel: only customers in this region or its sub-regions"), N_("NAME") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o.owner, N_("funnel: only deals this person owns"),
      N_("NAME") },
    { "product-line", 0, 0, G_OPTION_ARG_STRING, &o.product_line,
      N_("funnel: only this product line"),
      N_("NAME") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &o.product, N_("funnel: only this product"),
      N_("NAME") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &o.tier,
      N_("funnel: only customers of this tier: key, growth, maintain, defend or none"),
      N_("TIER") },
    { "customer-type", 0, 0, G_OPTION_ARG_STRING, &o.customer_type,
      N_("funnel: only customers of this type"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("funnel|targets"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxReport) report = NULL;
  JxPaper paper = JX_PAPER_A4;
  GDate today;
  Kind kind;
  int exit_code = 0;

  g_option_context_set_summary (context,
                                _("Write the funnel report (key figures, the funnel chart, the "
                                  "stages, breakdowns by region and by rep, the stalled deals) "
                                  "or the targets report (the target tree and the attainment "
                                  "of every target) as PDF. The funnel takes the filters of "
                                  "“jingxi-cli funnel”. README.md describes both."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;

  if (argc < 2)
    return jx_cli_usage (context, _("say which report: funnel or targets"));
  if (g_str_equal (argv[1], "funnel"))
    kind = KIND_FUNNEL;
  else if (g_str_equal (argv[1], "targets"))
    kind = KIND_TARGETS;
  else
    return usage_error (context, _("unknown report “%s” (use funnel or targets)"), argv[1]);
  if (argc > 2)
    return usage_error (context, _("unexpected argument “%s”"), argv[2]);
  if (pdf == NULL)
    return jx_cli_usage (context, _("--pdf FILE is required"));
  if (paper_name != NULL && !jx_paper_from_name (paper_name, &paper))
    return usage_error (context, _("--paper: “%s” is not a paper size (use a4 or letter)"),
                        paper_name);
  if (kind == KIND_TARGETS && jx_cli_funnel_options_any (&o))
    return jx_cli_usage (context, _("the targets report takes no funnel filters; use --plan"));
  if (kind == KIND_FUNNEL && plan_name != NULL)
    return jx_cli_usage (context, _("--plan is for the targets report"));
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);

  if (kind == KIND_FUNNEL)
    {
      JxDealFilter filter;

      exit_code = jx_cli_funnel_filter (cli, context, &o, &filter, &store);
      if (exit_code != JX_CLI_OK)
        return exit_code;
      report = jx_funnel_report_new (store, &filter, &today, &error);
    }
  else
    {
      gint64 plan_id = 0;

      store = jx_cli_open_store (cli, &error);
      if (store == NULL)
        return jx_cli_error (error);
      if (!find_plan (store, plan_name, &plan_id, &error))
        return jx_cli_error (error);
      report = jx_target_report_new (store, plan_id, &today, &error);
    }
  if (report == NULL || !jx_report_write_pdf (report, pdf, paper, &error))
    return jx_cli_error (error);

  /* Translators: %u is a number of pages, %s a file name. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s.\n", "Wrote %u pages to %s.\n",
                           jx_report_get_n_pages (report)),
              jx_report_get_n_pages (report), pdf);
  return JX_CLI_OK;
}
