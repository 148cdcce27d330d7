/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-cli.h"

/*
 * jingxi-cli plans [list] [--json]
 * jingxi-cli plans new NAME
 * jingxi-cli plans copy NAME [--from PLAN]
 * jingxi-cli plans activate NAME
 * jingxi-cli plans compare A B [--json]
 * jingxi-cli plans delete NAME
 */

static void
add_amount (JsonBuilder    *b,
            JxTargetMetric  metric,
            gint64          value,
            const char     *currency)
{
  if (jx_target_metric_is_money (metric))
    json_builder_add_double_value (b, jx_money_to_major (value, currency));
  else
    json_builder_add_int_value (b, value);
}

static char *
format_amount (JxTargetMetric  metric,
               gint64          value,
               const char     *currency)
{
  if (jx_target_metric_is_money (metric))
    return jx_money_format (value, currency);
  return jx_number_format (value);
}

static int
plans_list (JxStore  *store,
            gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = jx_target_plans_list (store, &error);
  guint n;

  if (plans == NULL)
    return jx_cli_error (error);
  n = g_list_model_get_n_items (plans);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JxTargetPlan) plan = g_list_model_get_item (plans, i);

          json_builder_begin_object (b);
          jx_json_add_int (b, "id", jx_target_plan_get_id (plan));
          jx_json_add_string (b, "name", jx_target_plan_get_name (plan));
          jx_json_add_boolean (b, "active", jx_target_plan_get_active (plan));
          jx_json_add_string (b, "created", jx_target_plan_get_created (plan));
          jx_json_add_int (b, "targets", jx_target_plan_get_n_targets (plan));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }
  if (n == 0)
    {
      g_print ("%s\n", _("No plans yet; create one with “jingxi-cli plans new NAME”."));
      return JX_CLI_OK;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *name = jx_cli_pad (jx_target_plan_get_name (plan), 28);
      g_autofree char *created = jx_date_format_iso_text (jx_target_plan_get_created (plan));
      guint n_targets = jx_target_plan_get_n_targets (plan);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target",
                                                             "%u targets", n_targets), n_targets);

      g_print ("%s %s %s  %s\n", jx_target_plan_get_active (plan) ? "*" : " ", name, created,
               count);
    }
  g_print ("\n%s\n", _("* active"));
  return JX_CLI_OK;
}

static int
plans_compare (JxStore    *store,
               const char *a_name,
               const char *b_name,
               gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetPlan) a = jx_target_plan_find (store, a_name, &error);
  g_autoptr(JxTargetPlan) b = a != NULL ? jx_target_plan_find (store, b_name, &error) : NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *currency = jx_store_get_setting (store, "currency");
  guint n;

  if (b == NULL)
    return jx_cli_error (error);
  rows = jx_target_plans_compare (store, jx_target_plan_get_id (a), jx_target_plan_get_id (b), &error);
  if (rows == NULL)
    return jx_cli_error (error);
  n = g_list_model_get_n_items (rows);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      jx_json_add_string (builder, "a", jx_target_plan_get_name (a));
      jx_json_add_string (builder, "b", jx_target_plan_get_name (b));
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JxTargetComparisonRow) row = g_list_model_get_item (rows, i);
          JxTargetMetric metric = jx_target_comparison_row_get_metric (row);

          json_builder_begin_object (builder);
          jx_json_add_string (builder, "path", jx_target_comparison_row_get_path (row));
          jx_json_add_int (builder, "depth", jx_target_comparison_row_get_depth (row));
          json_builder_set_member_name (builder, "amount_a");
          if (jx_target_comparison_row_in_a (row))
            add_amount (builder, metric, jx_target_comparison_row_get_amount_a (row), currency);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "amount_b");
          if (jx_target_comparison_row_in_b (row))
            add_amount (builder, metric, jx_target_comparison_row_get_amount_b (row), currency);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "difference");
          add_amount (builder, metric, jx_target_comparison_row_get_difference (row), currency);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  {
    const JxCliColumn columns[] = {
      { _("Target"), 34 }, { jx_target_plan_get_name (a), 20 },
      { jx_target_plan_get_name (b), 20 },
    };

    jx_cli_print_header (columns, G_N_ELEMENTS (columns), _("Difference"));
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetComparisonRow) row = g_list_model_get_item (rows, i);
      JxTargetMetric metric = jx_target_comparison_row_get_metric (row);
      g_autofree char *indent = g_strnfill (2 * jx_target_comparison_row_get_depth (row), ' ');
      g_autofree char *label = g_strconcat (indent, jx_target_comparison_row_get_name (row), NULL);
      g_autofree char *name = jx_cli_pad (label, 34);
      g_autofree char *amount_a = jx_target_comparison_row_in_a (row)
                                  ? format_amount (metric, jx_target_comparison_row_get_amount_a (row), currency)
                                  : g_strdup ("—");
      g_autofree char *amount_b = jx_target_comparison_row_in_b (row)
                                  ? format_amount (metric, jx_target_comparison_row_get_amount_b (row), currency)
                                  : g_strdup ("—");
      gint64 diff = jx_target_comparison_row_get_difference (row);
      g_autofree char *difference = diff != 0 ? format_amount (metric, diff, currency) : g_strdup ("");
      g_autofree char *pad_a = jx_cli_pad (amount_a, 20);
      g_autofree char *pad_b = jx_cli_pad (amount_b, 20);

      g_print ("%s %s %s %s%s\n", name, pad_a, pad_b, diff > 0 ? "+" : "", difference);
    }
  return JX_CLI_OK;
}

int
jx_cli_plans (JxCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *from = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("copy: the plan to copy (default: the active one)"),
      N_("PLAN") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The creation date of a new plan"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list, compare)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[list | new NAME | copy NAME | "
                                                              "activate NAME | compare A B | "
                                                              "delete NAME]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  const char *action;
  int exit_code = 0;
  GDate today;

  g_option_context_set_summary (context,
                                _("List the target plans, make a new one or a what-if copy of "
                                  "one, choose the active plan, or compare two plans target by "
                                  "target."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  action = argc > 1 ? argv[1] : "list";
  if ((g_str_equal (action, "list") && argc > 2) ||
      ((g_str_equal (action, "new") || g_str_equal (action, "copy") ||
        g_str_equal (action, "activate") || g_str_equal (action, "delete")) && argc != 3) ||
      (g_str_equal (action, "compare") && argc != 4))
    return jx_cli_usage (context, _("wrong number of arguments"));
  if (!jx_cli_today (today_text, &today, &error))
    return jx_cli_error (error);
  store = jx_cli_open_store (cli, &error);
  if (store == NULL)
    return jx_cli_error (error);

  if (g_str_equal (action, "list"))
    return plans_list (store, json);
  if (g_str_equal (action, "compare"))
    return plans_compare (store, argv[2], argv[3], json);
  if (g_str_equal (action, "new"))
    {
      if (jx_target_plan_create (store, argv[2], &today, &error) == 0)
        return jx_cli_error (error);
      g_print (_("Created plan “%s”.\n"), argv[2]);
      return JX_CLI_OK;
    }
  if (g_str_equal (action, "copy"))
    {
      g_autoptr(JxTargetPlan) source = NULL;
      gint64 active = jx_target_plan_get_active_id (store);

      if (from != NULL)
        source = jx_target_plan_find (store, from, &error);
      else if (active > 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, active);
          source = jx_target_plan_find (store, id, &error);
        }
      else
        g_set_error (&error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                     _("There is no active plan to copy; name one with --from."));
      if (source == NULL ||
          jx_target_plan_duplicate (store, jx_target_plan_get_id (source), argv[2], &today, &error) == 0)
        return jx_cli_error (error);
      g_print (_("Copied plan “%s” to “%s”.\n"), jx_target_plan_get_name (source), argv[2]);
      return JX_CLI_OK;
    }
  if (g_str_equal (action, "activate") || g_str_equal (action, "delete"))
    {
      g_autoptr(JxTargetPlan) plan = jx_target_plan_find (store, argv[2], &error);
      gboolean activate = g_str_equal (action, "activate");

      if (plan == NULL ||
          !(activate ? jx_target_plan_activate (store, jx_target_plan_get_id (plan), &error)
                     : jx_target_plan_delete (store, jx_target_plan_get_id (plan), &error)))
        return jx_cli_error (error);
      g_print (activate ? _("“%s” is now the active plan.\n") : _("Deleted plan “%s”.\n"),
               jx_target_plan_get_name (plan));
      return JX_CLI_OK;
    }
  {
    g_autofree char *message = g_strdup_printf (_("unknown action “%s”"), action);
    return jx_cli_usage (context, message);
  }
}
