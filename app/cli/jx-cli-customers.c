/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-cli.h"
#include "jx-sqlite-private.h"

/*
 * jingxi-cli customers [--tier T] [--region R] [--today D] [--json]
 * jingxi-cli customers tier NAME --to key|growth|maintain|defend|none [--today D]
 * jingxi-cli customers suggest [--today D] [--json] [--apply] [--include-manual]
 */

static gboolean
parse_tier_option (const char  *text,
                   JxTier      *tier,
                   GError     **error)
{
  if (!jx_tier_from_string (text, tier))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a tier (expected key, growth, maintain, defend or none)"),
                   text);
      return FALSE;
    }
  return TRUE;
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static char *
julian_to_iso (guint32 julian)
{
  GDate date;

  if (julian == 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return jx_date_to_iso (&date);
}

static JxCustomerBase *
open_base (JxCli       *cli,
           const char  *today_text,
           JxStore    **store_out,
           GError     **error)
{
  g_autoptr(JxStore) store = NULL;
  GDate today;
  JxCustomerBase *base;

  if (!jx_cli_today (today_text, &today, error))
    return NULL;
  store = jx_cli_open_store (cli, error);
  if (store == NULL)
    return NULL;
  base = jx_customer_base_new (store, &today, error);
  if (base != NULL && store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return base;
}

/* customers [--tier T] [--region R] */
static int
run_list (JxCli  *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *tier_text = NULL;
  g_autofree char *region_text = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier_text,
      N_("Only customers of this tier (key, growth, maintain, defend or none)"), N_("TIER") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region_text,
      N_("Only customers of this region and its subregions"), N_("REGION") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute the figures as of this date"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[tier NAME --to TIER | suggest]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxCustomerList) list = NULL;
  const char *currency;
  JxTier tier = JX_TIER_NONE;
  int exit_code = 0;
  guint n;

  g_option_context_set_summary (context,
                                _("List the customers with their won revenue of the last 12 "
                                  "months, its change against the 12 months before, the last "
                                  "won date and the open pipeline, largest revenue first.\n\n"
                                  "Subcommands: “customers tier NAME --to TIER” moves a "
                                  "customer to another tier; “customers suggest” proposes tiers "
                                  "(see their --help)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("unexpected argument; use “customers tier” or “customers "
                                    "suggest”"));
  if (tier_text != NULL && !parse_tier_option (tier_text, &tier, &error))
    return jx_cli_error (error);

  base = open_base (cli, today_text, NULL, &error);
  if (base == NULL)
    return jx_cli_error (error);
  currency = jx_customer_base_get_currency (base);
  list = jx_customer_list_new (base);
  jx_customer_list_set_sort (list, JX_CUSTOMER_SORT_REVENUE, TRUE);
  if (tier_text != NULL)
    jx_customer_list_set_tier_mask (list, JX_TIER_BIT (tier));
  if (region_text != NULL)
    {
      gint64 region = jx_customer_base_find_region (base, region_text);

      if (region == 0)
        {
          g_printerr ("jingxi-cli: ");
          g_printerr (_("There is no region called “%s”; “jingxi-cli regions” lists them."),
                      region_text);
          g_printerr ("\n");
          return JX_CLI_ERROR;
        }
      jx_customer_list_set_region_id (list, region);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const JxCustomerRow *row = jx_customer_base_get_row (base,
                                                               jx_customer_list_get_row (list, i));
          g_autofree char *last_won = julian_to_iso (row->last_won);
          double change = jx_customer_row_get_change (row);

          json_builder_begin_object (builder);
          jx_json_add_int (builder, "id", row->id);
          jx_json_add_string (builder, "name", row->name);
          jx_json_add_string (builder, "type", jx_customer_base_get_type_name (base, row->type_id));
          jx_json_add_string (builder, "region",
                              jx_customer_base_get_region_name (base, row->region_id));
          jx_json_add_string (builder, "owner",
                              jx_customer_base_get_owner_name (base, row->owner_id));
          jx_json_add_string (builder, "tier", jx_tier_to_string (row->tier));
          jx_json_add_boolean (builder, "tier_manual", row->tier_manual);
          jx_json_add_money (builder, "revenue_12m", row->revenue_12m, currency);
          jx_json_add_money (builder, "revenue_prev_12m", row->revenue_prev_12m, currency);
          json_builder_set_member_name (builder, "change");
          if (isnan (change))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, round (change * 10000) / 10000);
          jx_json_add_string (builder, "last_won", last_won);
          jx_json_add_money (builder, "open_pipeline", row->open_pipeline, currency);
          jx_json_add_int (builder, "open_deals", row->open_count);
          jx_json_add_boolean (builder, "at_risk", row->risk != JX_CHURN_NONE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  {
    const JxCliColumn columns[] = {
      { _("Customer"), 36 }, { _("Region"), 10 }, { _("Owner"), 18 }, { _("Tier"), 10 },
      { _("Revenue 12m"), 12 }, { _("Change"), 8 }, { _("Last won"), 11 },
    };

    jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Pipeline"));
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxCustomer) customer = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = jx_cli_pad (jx_customer_get_name (customer), 36);
      g_autofree char *region = jx_cli_pad (or_dash (jx_customer_get_region_name (customer)), 10);
      g_autofree char *owner = jx_cli_pad (or_dash (jx_customer_get_owner_name (customer)), 18);
      g_autofree char *tier_label = NULL;
      g_autofree char *revenue = NULL, *change = NULL, *won = NULL, *pipeline = NULL;

      g_object_get (customer, "revenue-text", &revenue, "change-text", &change,
                    "open-pipeline-text", &pipeline, NULL);
      tier_label = jx_cli_pad (jx_tier_get_label (jx_customer_get_tier (customer)), 10);
      {
        g_autofree char *revenue_col = jx_cli_pad (revenue, 12);
        g_autofree char *change_col = jx_cli_pad (change, 8);

        won = jx_cli_pad (or_dash (jx_customer_get_last_won (customer)), 11);
        g_print ("%s %s %s %s %s %s %s %s%s\n", name, region, owner, tier_label, revenue_col,
                 change_col, won, pipeline, jx_customer_get_at_risk (customer) ? " ⚠" : "");
      }
    }
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers", n), n);
  g_print ("\n");
  return JX_CLI_OK;
}

/* customers tier NAME --to T */
static int
run_tier (JxCli  *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The new tier: key, growth, maintain, defend or none"), N_("TIER") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date recorded in the tier history"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  JxTierMove move;
  JxTier from;
  guint moved = 0;
  int exit_code = 0;
  GDate today;

  g_option_context_set_summary (context,
                                _("Move a customer to another tier by hand. The move is recorded "
                                  "in the tier history, and suggestions leave the customer "
                                  "alone afterwards."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return jx_cli_usage (context, _("give the name of one customer"));
  if (to_text == NULL)
    return jx_cli_usage (context, _("--to is required"));
  if (!parse_tier_option (to_text, &move.to, &error) ||
      !jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);

  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);
  stmt = jx_store_prepare (store, "SELECT id, name, tier FROM customers WHERE name = ?", &error);
  if (stmt == NULL)
    return jx_cli_error (error);
  sqlite3_bind_text (stmt, 1, argv[1], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_printerr ("jingxi-cli: ");
      g_printerr (_("There is no customer called “%s”; “jingxi-cli customers” lists them."),
                  argv[1]);
      g_printerr ("\n");
      return JX_CLI_ERROR;
    }
  move.customer_id = sqlite3_column_int64 (stmt, 0);
  name = g_strdup (jx_column_text (stmt, 1));
  from = jx_tier_from_column (jx_column_text (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!jx_tier_move (store, &move, 1, JX_TIER_SOURCE_MANUAL, &today, &moved, &error))
    return jx_cli_error (error);
  if (moved == 0)
    /* Translators: %1$s is a customer, %2$s a tier. */
    g_print (_("“%1$s” is already in %2$s; it is now marked as placed by hand."), name,
             jx_tier_get_label (move.to));
  else
    /* Translators: %1$s is a customer, %2$s and %3$s are tiers. */
    g_print (_("Moved “%1$s” from %2$s to %3$s."), name, jx_tier_get_label (from),
             jx_tier_get_label (move.to));
  g_print ("\n");
  return JX_CLI_OK;
}

/* customers suggest */
static int
run_suggest (JxCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *today_text = NULL;
  gboolean json = FALSE, apply = FALSE, include_manual = FALSE;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute the figures as of this date"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply,
      N_("Move the customers as proposed (one undoable step in the app)"), NULL },
    { "include-manual", 0, 0, G_OPTION_ARG_NONE, &include_manual,
      N_("Also propose moves for customers whose tier was set by hand"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxTierSuggestions) suggestions = NULL;
  const JxTierThresholds *t;
  const char *currency;
  int exit_code = 0;
  guint n, moved = 0;
  g_autofree char *description = NULL;

  /* xgettext:no-c-format */
  description = g_strdup (_("ABC: A are the largest customers that together make up "
                            "abc_a_percent (80%) of the last 12 months' won revenue, B the next "
                            "abc_b_percent (15%), C the rest; A → Key, B → Growth, C → Maintain. "
                            "Churn risk → Defend: revenue down churn_drop_percent (30%) or more "
                            "against the 12 months before, or no deal won or open for "
                            "churn_idle_days (180) for a customer who bought in the previous 12 "
                            "months. The thresholds are settings (Preferences)."));
  g_option_context_set_summary (context, _("Propose a tier for every customer whose tier "
                                           "differs from its ABC class or churn risk."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("suggest takes no arguments"));

  base = open_base (cli, today_text, &store, &error);
  if (base == NULL)
    return jx_cli_error (error);
  currency = jx_customer_base_get_currency (base);
  t = jx_customer_base_get_thresholds (base);
  suggestions = jx_tier_suggestions_new (base, include_manual);
  n = jx_tier_suggestions_get_n_proposals (suggestions);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const JxTierProposal *p = jx_tier_suggestions_get_proposal (suggestions, i);

          json_builder_begin_object (builder);
          jx_json_add_string (builder, "customer", p->customer_name);
          jx_json_add_int (builder, "customer_id", p->customer_id);
          jx_json_add_string (builder, "from", jx_tier_to_string (p->from));
          jx_json_add_string (builder, "to", jx_tier_to_string (p->to));
          jx_json_add_string (builder, "reason", p->reason);
          jx_json_add_string (builder, "abc_class", jx_abc_class_to_string (p->abc_class));
          jx_json_add_money (builder, "revenue_12m", p->revenue_12m, currency);
          jx_json_add_money (builder, "revenue_prev_12m", p->revenue_prev_12m, currency);
          jx_json_add_boolean (builder, "churn_risk", p->risk != JX_CHURN_NONE);
          jx_json_add_boolean (builder, "manual", p->manual);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jx_cli_print_json (root);
    }
  else
    {
      {
        const JxCliColumn columns[] = {
          { _("Customer"), 36 }, { _("Move"), 22 }, { _("ABC"), 4 },
        };

        jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Reason"));
      }
      for (guint i = 0; i < n; i++)
        {
          const JxTierProposal *p = jx_tier_suggestions_get_proposal (suggestions, i);
          g_autofree char *name = jx_cli_pad (p->customer_name, 36);
          g_autofree char *move_text = g_strdup_printf ("%s → %s", jx_tier_get_label (p->from),
                                                        jx_tier_get_label (p->to));
          g_autofree char *move = jx_cli_pad (move_text, 22);
          g_autofree char *abc = jx_cli_pad (jx_abc_class_to_string (p->abc_class), 4);

          g_print ("%s %s %s %s%s\n", name, move, abc, p->reason,
                   p->manual ? _(" (placed by hand)") : "");
        }
      g_print ("\n");
      /* Translators: the thresholds used; %1$.0f and %2$.0f are percents, %3$d a percent,
       * %4$d a number of days. */
      g_print (_("ABC cut-offs %1$.0f%% / %2$.0f%%; churn risk: revenue down %3$d%% or idle "
                 "%4$d days."), t->abc_a_percent, t->abc_b_percent, t->churn_drop_percent,
               t->churn_idle_days);
      g_print ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u proposed move", "%u proposed moves", n), n);
      g_print ("\n");
    }

  if (apply)
    {
      if (include_manual)
        jx_tier_suggestions_select_all (suggestions, TRUE);
      if (!jx_tier_suggestions_apply (suggestions, TRUE, &moved, &error))
        return jx_cli_error (error);
      {
        g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Moved %u customer.",
                                        "Moved %u customers.", moved), moved);

        if (json)
          g_printerr ("%s\n", message);
        else
          g_print ("%s\n", message);
      }
    }
  return JX_CLI_OK;
}

int
jx_cli_customers (JxCli  *cli,
                  int     argc,
                  char  **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "tier"))
    return run_tier (cli, argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "suggest"))
    return run_suggest (cli, argc - 1, argv + 1);
  return run_list (cli, argc, argv);
}
