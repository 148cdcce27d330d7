/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli allocation [--json] [--today D]
 *
 * Planned hours per tier (tier policy × customers) and per rep against capacity.
 */

static double
round2 (double value)
{
  return round (value * 100) / 100;
}

static JsonNode *
allocation_to_json (const JxAllocation *a,
                    const char         *currency)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const JxTier *order = jx_tier_board_order ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      const JxTierAllocation *t = &a->tiers[order[k]];

      json_builder_begin_object (builder);
      jx_json_add_string (builder, "tier", jx_tier_to_string (t->tier));
      jx_json_add_int (builder, "customers", t->customers);
      jx_json_add_double (builder, "visits_per_month", t->policy.visits_per_month);
      jx_json_add_double (builder, "hours_per_visit", t->policy.hours_per_visit);
      jx_json_add_double (builder, "planned_hours", round2 (t->planned_hours));
      jx_json_add_money (builder, "revenue_12m", t->revenue_12m, currency);
      jx_json_add_double (builder, "revenue_share", round (t->revenue_share * 10000) / 10000);
      jx_json_add_double (builder, "effort_share", round (t->effort_share * 10000) / 10000);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->reps->len; i++)
    {
      const JxRepAllocation *r = &g_array_index (a->reps, JxRepAllocation, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      if (r->member_id > 0)
        json_builder_add_int_value (builder, r->member_id);
      else
        json_builder_add_null_value (builder);
      jx_json_add_string (builder, "name", r->name);
      jx_json_add_string (builder, "region", r->region_name);
      jx_json_add_int (builder, "customers", r->customers);
      jx_json_add_double (builder, "planned_hours", round2 (r->planned_hours));
      jx_json_add_double (builder, "capacity_hours", r->capacity_hours);
      jx_json_add_double (builder, "balance_hours", round2 (r->balance_hours));
      jx_json_add_double (builder, "utilisation", round (r->utilisation * 10000) / 10000);
      jx_json_add_string (builder, "load", jx_rep_load_to_string (r->load));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  jx_json_add_double (builder, "planned_hours", round2 (a->planned_hours));
  jx_json_add_double (builder, "capacity_hours", a->capacity_hours);
  jx_json_add_money (builder, "revenue_12m", a->revenue_12m, currency);
  jx_json_add_int (builder, "over_allocated", a->n_over);
  jx_json_add_int (builder, "under_allocated", a->n_under);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_text (const JxAllocation *a)
{
  const JxTier *order = jx_tier_board_order ();

  {
    const JxCliColumn columns[] = {
      { _("Tier"), 12 }, { _("Customers"), 10 }, { _("Visits/month"), 13 },
      { _("Hours/visit"), 12 }, { _("Planned h/month"), 16 }, { _("Revenue share"), 14 },
    };

    jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Effort share"));
  }
  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      const JxTierAllocation *t = &a->tiers[order[k]];
      g_autofree char *tier = jx_cli_pad (jx_tier_get_label (t->tier), 12);
      g_autofree char *customers = jx_number_format (t->customers);
      g_autofree char *revenue = jx_percent_format (t->revenue_share, 1);
      g_autofree char *effort = jx_percent_format (t->effort_share, 1);
      g_autofree char *revenue_col = jx_cli_pad (revenue, 14);

      g_print ("%s %10s %13.2f %12.2f %16.1f %s %s\n", tier, customers,
               t->policy.visits_per_month, t->policy.hours_per_visit, t->planned_hours,
               revenue_col, effort);
    }

  g_print ("\n");
  {
    const JxCliColumn columns[] = {
      { _("Rep"), 22 }, { _("Region"), 10 }, { _("Customers"), 10 }, { _("Planned h"), 10 },
      { _("Capacity h"), 11 }, { _("Balance h"), 10 },
    };

    jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Load"));
  }
  for (guint i = 0; i < a->reps->len; i++)
    {
      const JxRepAllocation *r = &g_array_index (a->reps, JxRepAllocation, i);
      g_autofree char *name = jx_cli_pad (r->name, 22);
      g_autofree char *region = jx_cli_pad (r->region_name != NULL ? r->region_name : "—", 10);
      g_autofree char *load = NULL;

      if (r->capacity_hours > 0)
        {
          g_autofree char *percent = jx_percent_format (r->utilisation, 0);
          load = g_strdup_printf ("%s (%s)", jx_rep_load_get_label (r->load), percent);
        }
      else
        load = g_strdup (jx_rep_load_get_label (r->load));
      g_print ("%s %s %10u %10.1f %11.0f %+10.1f %s\n", name, region, r->customers,
               r->planned_hours, r->capacity_hours, r->balance_hours, load);
    }
  g_print ("\n");
  /* Translators: %1$.0f planned hours, %2$.0f capacity hours, %3$u and %4$u numbers of reps. */
  g_print (_("Planned %1$.0f h of %2$.0f h capacity per month; %3$u reps over-allocated, %4$u "
             "under-allocated."), a->planned_hours, a->capacity_hours, a->n_over, a->n_under);
  g_print ("\n");
}

int
jx_cli_allocation (JxCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute the revenue shares as of this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxAllocation) allocation = NULL;
  int exit_code = 0;
  GDate today;

  g_option_context_set_summary (context,
                                _("Show the planned hours per tier (customers × visits per month "
                                  "× hours per visit) and per rep against each rep's capacity, "
                                  "and each tier's share of revenue against its share of "
                                  "effort."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("allocation takes no arguments"));
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  base = jx_customer_base_new (store, &today, &error);
  if (base == NULL)
    return jx_cli_error (error);
  allocation = jx_allocation_compute (base, &error);
  if (allocation == NULL)
    return jx_cli_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = allocation_to_json (allocation,
                                                     jx_customer_base_get_currency (base));
      jx_cli_print_json (root);
    }
  else
    print_text (allocation);
  return JX_CLI_OK;
}
