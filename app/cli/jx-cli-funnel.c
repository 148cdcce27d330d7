/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/* "12.5" for a number of days, "—" when there is none. */
static char *
format_days (double days)
{
  if (!isfinite (days))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", days);
}

/* Display columns of @text; CJK characters take two. */
static int
display_width (const char *text)
{
  int cols = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    cols += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return cols;
}

/* A right-aligned cell of @width display columns. */
static void
append_cell (GString    *line,
             const char *text,
             int         width)
{
  int cols = display_width (text);

  for (; cols < width; cols++)
    g_string_append_c (line, ' ');
  g_string_append (line, text);
}

static void
print_text (const JxFunnelReport *r,
            JxStore              *store)
{
  g_autofree char *filter = jx_deal_filter_describe (&r->filter, store);
  g_autofree char *today = jx_date_format (&r->today);
  const char *cur = r->currency;
  g_autoptr(GString) line = g_string_new (NULL);
  int name_width = 12;

  for (guint i = 0; i < r->n_stages; i++)
    name_width = MAX (name_width, display_width (r->stages[i].name) + 1);

  g_print ("%s %s\n", _("Funnel:"), filter);
  g_print ("%s %s\n\n", _("Today:"), today);

  {
    g_autofree char *head = jx_cli_pad (_("Stage"), name_width);

    g_string_append (line, head);
    /* Translators: column headers of the funnel table; keep them short. */
    append_cell (line, _("Prob."), 6);
    append_cell (line, _("Now"), 10);
    append_cell (line, _("Amount"), 14);
    append_cell (line, _("Reached"), 10);
    append_cell (line, _("Conv."), 8);
    append_cell (line, _("Mean days"), 10);
    append_cell (line, _("Median"), 8);
    append_cell (line, _("Stalled"), 9);
    append_cell (line, _("Limit"), 7);
    append_cell (line, _("Lost here"), 10);
    g_print ("%s\n", line->str);
  }

  for (guint i = 0; i < r->n_stages; i++)
    {
      const JxFunnelStage *s = &r->stages[i];
      g_autofree char *name = jx_cli_pad (s->name, name_width);
      g_autofree char *prob = g_strdup_printf ("%d%%", s->probability);
      g_autofree char *count = jx_number_format (s->count);
      g_autofree char *amount = jx_money_format_compact (s->amount, cur);
      g_autofree char *reached = jx_number_format (s->reached);
      g_autofree char *conv = jx_percent_format (s->conversion_to_next, 1);
      g_autofree char *mean = format_days (s->mean_days);
      g_autofree char *median = format_days (s->median_days);
      g_autofree char *stalled = jx_number_format (s->stalled);
      g_autofree char *limit = s->stalled_threshold > 0
                               /* Translators: a number of days, short ("30 d"). */
                               ? g_strdup_printf (_("%d d"), s->stalled_threshold)
                               : g_strdup ("—");
      g_autofree char *lost = jx_number_format (s->lost);

      g_string_assign (line, name);
      append_cell (line, prob, 6);
      append_cell (line, count, 10);
      append_cell (line, amount, 14);
      append_cell (line, reached, 10);
      append_cell (line, conv, 8);
      append_cell (line, mean, 10);
      append_cell (line, median, 8);
      append_cell (line, stalled, 9);
      append_cell (line, limit, 7);
      append_cell (line, lost, 10);
      g_print ("%s\n", line->str);
    }
  g_print ("\n");

  {
    g_autofree char *won = jx_number_format (r->won_count);
    g_autofree char *won_amount = jx_money_format (r->won_amount, cur);
    g_autofree char *lost = jx_number_format (r->lost_count);
    g_autofree char *rate = jx_percent_format (r->win_rate, 1);
    g_autofree char *days = format_days (r->mean_days_to_win);
    g_autofree char *mean_won = isfinite (r->mean_won_amount)
                                ? jx_money_format (llround (r->mean_won_amount), cur)
                                : g_strdup ("—");
    g_autofree char *open = jx_number_format (r->open_count);
    g_autofree char *open_amount = jx_money_format (r->open_amount, cur);
    g_autofree char *weighted = jx_money_format (r->weighted_pipeline, cur);
    g_autofree char *velocity = isfinite (r->velocity_per_day)
                                ? jx_money_format (llround (r->velocity_per_day), cur)
                                : g_strdup ("—");
    const int w = 22;
    g_autofree char *l_won = jx_cli_pad (_("Won"), w);
    g_autofree char *l_lost = jx_cli_pad (_("Lost"), w);
    g_autofree char *l_rate = jx_cli_pad (_("Win rate"), w);
    g_autofree char *l_days = jx_cli_pad (_("Mean days to win"), w);
    g_autofree char *l_mean = jx_cli_pad (_("Mean won amount"), w);
    g_autofree char *l_open = jx_cli_pad (_("Open pipeline"), w);
    g_autofree char *l_weighted = jx_cli_pad (_("Weighted pipeline"), w);
    g_autofree char *l_velocity = jx_cli_pad (_("Sales velocity"), w);
    g_autofree char *l_coverage = jx_cli_pad (_("Coverage"), w);

    /* Translators: %s is a number of deals, then an amount. */
    g_print ("%s", l_won);
    g_print (_("%s deals, %s (closed in the period)"), won, won_amount);
    g_print ("\n%s", l_lost);
    g_print (_("%s deals (closed in the period)"), lost);
    g_print ("\n%s%s\n%s%s\n%s%s\n%s", l_rate, rate, l_days, days, l_mean, mean_won, l_open);
    g_print (_("%s deals, %s"), open, open_amount);
    g_print ("\n%s%s\n%s", l_weighted, weighted, l_velocity);
    /* Translators: an amount of money per day. */
    g_print (_("%s per day"), velocity);
    g_print ("\n%s", l_coverage);
    if (isfinite (r->coverage))
      {
        g_autofree char *pipeline = jx_money_format (r->pipeline_in_period, cur);
        g_autofree char *remaining = jx_money_format (r->target_remaining, cur);

        /* Translators: coverage, then the open pipeline expected to close in the period and
         * the part of the target still to reach. */
        g_print (_("%.2f× (%s expected to close ÷ %s of target still to reach)"), r->coverage,
                 pipeline, remaining);
      }
    else if (r->has_target)
      g_print ("%s", _("— (the target is reached)"));
    else
      g_print ("%s", _("— (no revenue target for exactly this period and filter)"));
    g_print ("\n");
  }
}

int
jx_cli_funnel (JxCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(JxCliFunnelOptions) o = { 0 };
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("First day of the period (default: no start)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("Last day of the period (default: no end)"), N_("YYYY-MM-DD") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &o.region,
      N_("Only customers in this region or its sub-regions"), N_("NAME") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o.owner, N_("Only deals this person owns"), N_("NAME") },
    { "product-line", 0, 0, G_OPTION_ARG_STRING, &o.product_line, N_("Only this product line"),
      N_("NAME") },
    { "product", 0, 0, G_OPTION_ARG_STRING, &o.product, N_("Only this product"), N_("NAME") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &o.tier,
      N_("Only customers of this tier: key, growth, maintain, defend or none"), N_("TIER") },
    { "customer-type", 0, 0, G_OPTION_ARG_STRING, &o.customer_type,
      N_("Only customers of this type"), N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Count days in stage up to this day (default: the system date)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxFunnelReport) report = NULL;
  JxDealFilter filter;
  GDate today;
  int exit_code = 0;

  g_option_context_set_summary (context,
                                _("Show the sales funnel: deals in each stage, how many reached "
                                  "it, conversion, days in stage, stalled deals, won and lost, "
                                  "win rate, velocity and coverage. README.md defines "
                                  "every figure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("funnel takes no arguments"));


  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);
  exit_code = jx_cli_funnel_filter (cli, context, &o, &filter, &store);
  if (exit_code != JX_CLI_OK)
    return exit_code;

  report = jx_funnel_compute (store, &filter, &today, &error);
  if (report == NULL)
    return jx_cli_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = jx_funnel_report_to_json (report, store);
      jx_cli_print_json (node);
    }
  else
    print_text (report, store);
  return JX_CLI_OK;
}
