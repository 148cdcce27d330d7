/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli regions [--json] [--today D]
 *
 * The region tree with market potential, won revenue of the last 12 months, share of
 * potential, customers, reps, competitors and strategy.
 */

static void
region_to_json (JsonBuilder *builder,
                JxRegion    *region,
                const char  *currency)
{
  GListModel *children = jx_region_get_children (region);
  double share = jx_region_get_share (region);

  json_builder_begin_object (builder);
  jx_json_add_int (builder, "id", jx_region_get_id (region));
  jx_json_add_string (builder, "name", jx_region_get_name (region));
  json_builder_set_member_name (builder, "potential");
  if (jx_region_get_potential (region) >= 0)
    json_builder_add_double_value (builder,
                                   jx_money_to_major (jx_region_get_potential (region), currency));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "won_12m");
  json_builder_add_double_value (builder,
                                 jx_money_to_major (jx_region_get_won_12m (region), currency));
  json_builder_set_member_name (builder, "share_of_potential");
  if (isnan (share))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (share * 10000) / 10000);
  jx_json_add_int (builder, "customers", jx_region_get_n_customers (region));
  jx_json_add_int (builder, "reps", jx_region_get_n_reps (region));
  jx_json_add_string (builder, "competitors", jx_region_get_competitors (region));
  jx_json_add_string (builder, "strategy", jx_region_get_strategy (region));
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JxRegion) child = g_list_model_get_item (children, i);
      region_to_json (builder, child, currency);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
jx_cli_regions (JxCli  *cli,
                int     argc,
                char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Count won revenue in the 12 months up to this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxRegionTree) tree = NULL;
  g_autofree char *currency = NULL;
  int exit_code = 0;
  GDate today;

  g_option_context_set_summary (context,
                                _("Show the sales regions with their market potential, won "
                                  "revenue of the last 12 months, share of potential, customers, "
                                  "reps, main competitors and strategy."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("regions takes no arguments"));
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  tree = jx_region_tree_new (store, &today, &error);
  if (tree == NULL)
    return jx_cli_error (error);
  currency = jx_store_get_setting (store, "currency");

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
        {
          g_autoptr(JxRegion) region = g_list_model_get_item (G_LIST_MODEL (tree), i);
          region_to_json (builder, region, currency);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  {
    g_autoptr(GPtrArray) all = jx_region_tree_flatten (tree);
    const JxCliColumn columns[] = {
      { _("Region"), 18 }, { _("Potential"), 12 }, { _("Won 12m"), 12 }, { _("Share"), 7 },
      { _("Customers"), 10 }, { _("Reps"), 6 },
    };

    jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Competitors"));
    for (guint i = 0; i < all->len; i++)
      {
        JxRegion *region = all->pdata[i];
        g_autofree char *indented = g_strdup_printf ("%*s%s", 2 * jx_region_get_depth (region), "",
                                                     jx_region_get_name (region));
        g_autofree char *name = jx_cli_pad (indented, 18);
        g_autofree char *potential = jx_region_get_potential (region) >= 0
          ? jx_money_format_compact (jx_region_get_potential (region), currency)
          : g_strdup ("—");
        g_autofree char *won = jx_money_format_compact (jx_region_get_won_12m (region), currency);
        g_autofree char *share = jx_percent_format (jx_region_get_share (region), 1);
        g_autofree char *potential_col = jx_cli_pad (potential, 12);
        g_autofree char *won_col = jx_cli_pad (won, 12);
        g_autofree char *share_col = jx_cli_pad (share, 7);
        g_autofree char *customers = jx_number_format (jx_region_get_n_customers (region));
        const char *strategy = jx_region_get_strategy (region);

        g_print ("%s %s %s %s %10s %6u %s\n", name, potential_col, won_col, share_col, customers,
                 jx_region_get_n_reps (region), jx_region_get_competitors (region));
        if (strategy != NULL && *strategy != '\0')
          g_print ("%*s%s %s\n", 2 * jx_region_get_depth (region) + 2, "", _("Strategy:"),
                   strategy);
      }
  }
  return JX_CLI_OK;
}
