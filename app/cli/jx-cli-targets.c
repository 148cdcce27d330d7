/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jx-cli.h"
#include "jx-sqlite-private.h"

/*
 * jingxi-cli targets [--plan P] [--today D] [--json]
 * jingxi-cli targets add --name N --metric M --from D --to D --amount A [--parent ID] …
 * jingxi-cli targets decompose ID --by DIMENSION --method METHOD [--weights NAME=PCT,…]
 * jingxi-cli targets suggest ID [--growth PCT] [--json]
 * jingxi-cli targets set ID [--amount A] [--lock|--unlock] [--name N] [--rationale T]
 * jingxi-cli targets rebalance ID
 * jingxi-cli targets delete ID
 */

typedef struct {
  JxStore      *store;
  JxTargetTree *tree;
  JxTargetPlan *plan;
  GDate         today;
} Session;

static void
session_clear (Session *s)
{
  g_clear_object (&s->tree);
  g_clear_object (&s->plan);
  g_clear_object (&s->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Session, session_clear)

/* Opens the database and the plan: @plan_name, the plan of target @node_id, or the
 * active plan. */
static gboolean
session_open (Session     *s,
              JxCli       *cli,
              const char  *plan_name,
              gint64       node_id,
              const char  *today_text,
              GError     **error)
{
  gint64 plan_id = 0;

  if (!jx_cli_today (today_text, &s->today, error))
    return FALSE;
  s->store = jx_cli_open_store (cli, error);
  if (s->store == NULL)
    return FALSE;
  if (plan_name != NULL)
    {
      s->plan = jx_target_plan_find (s->store, plan_name, error);
      if (s->plan == NULL)
        return FALSE;
      plan_id = jx_target_plan_get_id (s->plan);
    }
  else if (node_id > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (s->store,
                                                       "SELECT plan_id FROM target_nodes WHERE id = ?",
                                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, node_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                       _("There is no target with id %lld; “jingxi-cli targets” lists them."),
                       (long long) node_id);
          return FALSE;
        }
      plan_id = sqlite3_column_int64 (stmt, 0);
    }
  else
    plan_id = jx_target_plan_get_active_id (s->store);
  if (plan_id <= 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                   _("There is no active plan; create one with “jingxi-cli plans new NAME”."));
      return FALSE;
    }
  if (s->plan == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
      s->plan = jx_target_plan_find (s->store, id, error);
      if (s->plan == NULL)
        return FALSE;
    }
  s->tree = jx_target_tree_new (s->store, plan_id, &s->today);
  return jx_target_tree_load (s->tree, error);
}

static JxTargetNode *
session_node (Session     *s,
              gint64       id,
              GError     **error)
{
  JxTargetNode *node = jx_target_tree_lookup (s->tree, id);

  if (node == NULL)
    g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                 _("There is no target with id %lld in plan “%s”."), (long long) id,
                 jx_target_plan_get_name (s->plan));
  return node;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

/* --amount as the application reads a typed target ("1,200,000", "¥120万", counts whole);
 * bad text is bad usage. */
static gboolean
parse_amount (const char      *text,
              JxTargetMetric   metric,
              const char      *currency,
              gint64          *amount,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (jx_target_amount_parse (text != NULL ? text : "", metric, currency, amount, &local_error))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--amount: %s",
               local_error->message);
  return FALSE;
}

/* A region, team member, product line or customer type by name (any case) or id. */
static gint64
find_named (JxStore     *store,
            const char  *table_sql,
            const char  *what,
            const char  *text,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  if (text == NULL)
    return 0;
  stmt = jx_store_prepare (store, table_sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, parse_id (text, &id) ? id : -1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  /* Translators: the first %s is "region", "team member", "product line" or "customer type". */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("There is no %s named “%s”."),
               what, text);
  return -1;
}

static const char *
format_money_or_count (JxTargetNode *node,
                       gint64        value,
                       const char   *currency,
                       GPtrArray    *keep)
{
  char *text = jx_target_node_format_amount (node, value, currency, FALSE);

  g_ptr_array_add (keep, text);
  return text;
}

static void
add_value (JsonBuilder  *b,
           JxTargetNode *node,
           gint64        value,
           const char   *currency)
{
  if (jx_target_metric_is_money (jx_target_node_get_metric (node)))
    json_builder_add_double_value (b, jx_money_to_major (value, currency));
  else
    json_builder_add_int_value (b, value);
}

static void
member_value (JsonBuilder  *b,
              const char   *name,
              JxTargetNode *node,
              gint64        value,
              const char   *currency)
{
  json_builder_set_member_name (b, name);
  add_value (b, node, value, currency);
}

static const char *
metric_cli_name (JxTargetMetric metric)
{
  static const char *const names[] = { "revenue", "deals", "new-customers" };
  return names[metric];
}

static void
build_node_json (JsonBuilder  *b,
                 JxTargetNode *node,
                 const char   *currency)
{
  static const struct { JxTargetDimension dimension; const char *key; } filters[] = {
    { JX_TARGET_DIMENSION_REGION, "region" },
    { JX_TARGET_DIMENSION_MEMBER, "member" },
    { JX_TARGET_DIMENSION_PRODUCT_LINE, "product_line" },
    { JX_TARGET_DIMENSION_CUSTOMER_TYPE, "customer_type" },
    { JX_TARGET_DIMENSION_TIER, "tier" },
  };
  const JxTargetFilters *f = jx_target_node_get_filters (node);
  GListModel *children = jx_target_node_get_children (node);
  const char *owner = jx_target_node_get_owner_name (node);
  gboolean has_actual = jx_target_node_has_actual (node);

  json_builder_begin_object (b);
  jx_json_add_int (b, "id", jx_target_node_get_id (node));
  jx_json_add_string (b, "name", jx_target_node_get_name (node));
  jx_json_add_string (b, "metric", metric_cli_name (jx_target_node_get_metric (node)));
  jx_json_add_string (b, "from", jx_target_node_get_period_from (node));
  jx_json_add_string (b, "to", jx_target_node_get_period_to (node));
  json_builder_set_member_name (b, "dimension");
  if (jx_target_node_get_dimension (node) == JX_TARGET_DIMENSION_NONE)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, jx_target_dimension_to_string (jx_target_node_get_dimension (node)));
  jx_json_add_string (b, "owner", owner);

  json_builder_set_member_name (b, "filters");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      const char *name = jx_target_node_get_filter_name (node, filters[i].dimension);

      if (filters[i].dimension == JX_TARGET_DIMENSION_TIER)
        name = f->tier;
      if (name == NULL)
        continue;
      jx_json_add_string (b, filters[i].key, name);
    }
  json_builder_end_object (b);

  member_value (b, "amount", node, jx_target_node_get_amount (node), currency);
  json_builder_set_member_name (b, "actual");
  if (has_actual)
    add_value (b, node, jx_target_node_get_actual (node), currency);
  else
    json_builder_add_null_value (b);
  /* Attainment in percent, one decimal; null without a target. */
  json_builder_set_member_name (b, "attainment");
  if (has_actual && jx_target_node_get_amount (node) > 0)
    json_builder_add_double_value (b, round (jx_target_node_get_attainment (node) * 1000) / 10);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "expected_to_date");
  if (has_actual)
    add_value (b, node, jx_target_node_get_expected_to_date (node), currency);
  else
    json_builder_add_null_value (b);
  jx_json_add_string (b, "pace", jx_target_pace_to_string (jx_target_node_get_pace (node)));
  member_value (b, "gap", node, jx_target_node_get_gap (node), currency);
  json_builder_set_member_name (b, "pipeline_needed");
  if (jx_target_node_get_pipeline_needed (node) >= 0)
    add_value (b, node, jx_target_node_get_pipeline_needed (node), currency);
  else
    json_builder_add_null_value (b);
  jx_json_add_double (b, "win_rate", round (jx_target_node_get_win_rate (node) * 10000) / 10000);
  member_value (b, "unallocated", node, jx_target_node_get_unallocated (node), currency);
  jx_json_add_boolean (b, "locked", jx_target_node_get_locked (node));
  jx_json_add_string (b, "rationale", jx_target_node_get_rationale (node));
  json_builder_set_member_name (b, "smart");
  json_builder_begin_object (b);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      json_builder_set_member_name (b, jx_target_smart_item_to_string (i));
      json_builder_begin_object (b);
      jx_json_add_boolean (b, "done", jx_target_node_get_smart_done (node, i));
      jx_json_add_string (b, "note", jx_target_node_get_smart_note (node, i));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "children");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      build_node_json (b, child, currency);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_node (JxTargetNode *node,
            const char   *currency,
            GPtrArray    *unallocated,
            gboolean     *any_locked)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  GListModel *children = jx_target_node_get_children (node);
  g_autofree char *indent = g_strnfill (2 * jx_target_node_get_depth (node), ' ');
  g_autofree char *label = g_strconcat (indent, jx_target_node_get_name (node),
                                        jx_target_node_get_locked (node) ? " *" : "", NULL);
  g_autofree char *name = jx_cli_pad (label, 30);
  g_autofree char *percent = jx_target_node_get_amount (node) > 0
                             ? jx_percent_format (jx_target_node_get_attainment (node), 1)
                             : g_strdup ("—");

  g_print ("%6" G_GINT64_FORMAT "  %s %18s %18s %8s %18s  %s\n", jx_target_node_get_id (node), name,
           format_money_or_count (node, jx_target_node_get_amount (node), currency, keep),
           format_money_or_count (node, jx_target_node_get_actual (node), currency, keep),
           percent,
           format_money_or_count (node, jx_target_node_get_expected_to_date (node), currency, keep),
           jx_target_pace_label (jx_target_node_get_pace (node)));
  if (jx_target_node_get_unallocated (node) != 0)
    g_ptr_array_add (unallocated, g_object_ref (node));
  *any_locked |= jx_target_node_get_locked (node);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      print_node (child, currency, unallocated, any_locked);
    }
}

static int
targets_list (JxCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *plan_name = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  gboolean seasonal = FALSE;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_name, N_("Show this plan instead of the active one"),
      N_("PLAN") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Measure attainment on this day instead of today"), N_("YYYY-MM-DD") },
    { "seasonal", 0, 0, G_OPTION_ARG_NONE, &seasonal,
      N_("Expect progress by last years' seasonality instead of evenly"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  GListModel *roots;
  const char *currency;
  int exit_code = 0;

  g_option_context_set_summary (context,
                                _("Show the plan's targets as a tree with actuals, attainment, the "
                                  "expected-to-date amount and pace.\n\nSubcommands: add, decompose, "
                                  "suggest, set, rebalance, delete (COMMAND --help for each)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”"), argv[1]);
      return jx_cli_usage (context, message);
    }
  if (!session_open (&s, cli, plan_name, 0, today_text, &error))
    return jx_cli_error (error);
  if (seasonal)
    jx_target_tree_set_expectation (s.tree, JX_TARGET_EXPECTATION_SEASONAL);
  if (!jx_target_tree_refresh_actuals (s.tree, &error) ||
      !jx_target_tree_refresh_pipeline (s.tree, &error))
    return jx_cli_error (error);

  roots = jx_target_tree_get_roots (s.tree);
  currency = jx_target_tree_get_currency (s.tree);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      char today_iso[11];

      jx_date_to_iso_buf (&s.today, today_iso);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "plan");
      json_builder_begin_object (b);
      jx_json_add_int (b, "id", jx_target_plan_get_id (s.plan));
      jx_json_add_string (b, "name", jx_target_plan_get_name (s.plan));
      jx_json_add_boolean (b, "active", jx_target_plan_get_active (s.plan));
      json_builder_end_object (b);
      jx_json_add_string (b, "today", today_iso);
      jx_json_add_string (b, "currency", currency);
      json_builder_set_member_name (b, "targets");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
        {
          g_autoptr(JxTargetNode) node = g_list_model_get_item (roots, i);
          build_node_json (b, node, currency);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  {
    g_autofree char *when = jx_date_format (&s.today);
    g_autoptr(GPtrArray) unallocated = g_ptr_array_new_with_free_func (g_object_unref);
    g_autofree char *h_id = jx_cli_pad (_("ID"), 6);
    g_autofree char *h_name = jx_cli_pad (_("Target"), 30);
    gboolean any_locked = FALSE;

    g_print ("%s%s · %s\n\n", jx_target_plan_get_name (s.plan),
             jx_target_plan_get_active (s.plan) ? _(" (active)") : "", when);
    if (g_list_model_get_n_items (roots) == 0)
      {
        g_print ("%s\n", _("No targets yet; add one with “jingxi-cli targets add”."));
        return JX_CLI_OK;
      }
    g_print ("%s  %s %18s %18s %8s %18s  %s\n", h_id, h_name, _("Amount"), _("Actual"), _("Attained"),
             _("Expected"), _("Pace"));
    for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
      {
        g_autoptr(JxTargetNode) node = g_list_model_get_item (roots, i);
        print_node (node, currency, unallocated, &any_locked);
      }
    if (any_locked)
      g_print ("\n%s\n", _("* locked"));
    if (unallocated->len > 0)
      g_print ("\n");
    for (guint i = 0; i < unallocated->len; i++)
      {
        JxTargetNode *node = unallocated->pdata[i];
        gint64 gap = jx_target_node_get_unallocated (node);
        g_autofree char *amount = jx_target_node_format_amount (node, ABS (gap), currency, FALSE);

        g_print (gap > 0 ? _("“%s”: %s not given to its sub-targets\n")
                         : _("“%s”: its sub-targets add up to %s more than it\n"),
                 jx_target_node_get_name (node), amount);
      }
  }
  return JX_CLI_OK;
}

static int
targets_add (JxCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *name = NULL, *metric_text = NULL, *from = NULL, *to = NULL, *amount_text = NULL;
  g_autofree char *parent_text = NULL, *region = NULL, *owner = NULL, *member = NULL;
  g_autofree char *line = NULL, *type = NULL, *tier = NULL, *rationale = NULL, *plan_name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The target's name"), N_("NAME") },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_text,
      N_("What it counts: revenue, deals or new-customers (default: the parent's)"), N_("METRIC") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default: the parent's)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: the parent's)"), N_("YYYY-MM-DD") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text,
      N_("The target, in the currency's major unit (or a count)"), N_("AMOUNT") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_text, N_("Add it under this target"), N_("ID") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only deals of customers in this region"), N_("REGION") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("The team member responsible for it"), N_("MEMBER") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("Only deals owned by this team member"), N_("MEMBER") },
    { "product-line", 0, 0, G_OPTION_ARG_STRING, &line, N_("Only deals of this product line"), N_("LINE") },
    { "customer-type", 0, 0, G_OPTION_ARG_STRING, &type, N_("Only deals of this customer type"), N_("TYPE") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier, N_("Only customers of this tier (key, growth, maintain, defend)"),
      N_("TIER") },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why this target"), N_("TEXT") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_name, N_("Add it to this plan instead of the active one"),
      N_("PLAN") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  JxTargetNodeSpec spec = { 0 };
  JxTargetNode *parent = NULL;
  gint64 parent_id = 0, id;
  int exit_code = 0;

  g_option_context_set_summary (context, _("Add a target, at the top of the plan or under another "
                                           "target (whose filters and period it narrows)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return jx_cli_usage (context, _("targets add takes no arguments"));
  if (name == NULL || amount_text == NULL)
    return jx_cli_usage (context, _("--name and --amount are required"));
  if (parent_text != NULL && !parse_id (parent_text, &parent_id))
    return jx_cli_usage (context, _("--parent takes a target's id"));
  if (parent_id == 0 && (metric_text == NULL || from == NULL || to == NULL))
    return jx_cli_usage (context, _("A top-level target needs --metric, --from and --to"));
  if (metric_text != NULL && !jx_target_metric_from_string (metric_text, &spec.metric))
    return jx_cli_usage (context, _("--metric must be revenue, deals or new-customers"));
  if ((from != NULL && !jx_date_parse_iso (from, &spec.period.from)) ||
      (to != NULL && !jx_date_parse_iso (to, &spec.period.to)))
    return jx_cli_usage (context, _("--from and --to take dates as YYYY-MM-DD"));
  if (tier != NULL && (spec.filters.tier = jx_target_tier_from_string (tier)) == NULL)
    return jx_cli_usage (context, _("--tier must be key, growth, maintain or defend"));

  if (!session_open (&s, cli, plan_name, parent_id, NULL, &error))
    return jx_cli_error (error);
  if (parent_id > 0)
    {
      JxPeriod period;

      if ((parent = session_node (&s, parent_id, &error)) == NULL)
        return jx_cli_error (error);
      jx_target_node_get_period (parent, &period);
      if (metric_text == NULL)
        spec.metric = jx_target_node_get_metric (parent);
      if (from == NULL)
        spec.period.from = period.from;
      if (to == NULL)
        spec.period.to = period.to;
    }
  if (!parse_amount (amount_text, spec.metric, jx_target_tree_get_currency (s.tree), &spec.amount,
                     &error))
    return jx_cli_error (error);
  spec.name = name;
  spec.rationale = rationale;
  if ((spec.filters.region_id = find_named (s.store, "SELECT id FROM regions WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                            _("region"), region, &error)) < 0 ||
      (spec.owner_id = find_named (s.store, "SELECT id FROM team_members WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                   _("team member"), owner, &error)) < 0 ||
      (spec.filters.member_id = find_named (s.store, "SELECT id FROM team_members WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                            _("team member"), member, &error)) < 0 ||
      (spec.filters.product_line_id = find_named (s.store, "SELECT id FROM product_lines WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                                  _("product line"), line, &error)) < 0 ||
      (spec.filters.customer_type_id = find_named (s.store, "SELECT id FROM customer_types WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                                   _("customer type"), type, &error)) < 0)
    return jx_cli_error (error);

  id = jx_target_tree_add_node (s.tree, parent, &spec, &error);
  if (id == 0)
    return jx_cli_error (error);
  g_print (_("Added target %lld “%s” to plan “%s”.\n"), (long long) id, name,
           jx_target_plan_get_name (s.plan));
  return JX_CLI_OK;
}

static gboolean
parse_node_argument (GOptionContext *context,
                     int             argc,
                     char          **argv,
                     gint64         *id,
                     int            *exit_code)
{
  if (argc != 2 || !parse_id (argv[1], id))
    {
      *exit_code = jx_cli_usage (context, _("give the id of one target (see “jingxi-cli targets”)"));
      return FALSE;
    }
  return TRUE;
}

static int
targets_decompose (JxCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *by = NULL, *method_text = NULL, *weights = NULL;
  int years = 0;
  gboolean dry_run = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("quarter, month, week, product-line, customer-type, region, member or tier"), N_("DIMENSION") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text,
      N_("equal, history, seasonal or weights (default: equal, or weights with --weights)"), N_("METHOD") },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights,
      N_("Custom weights in percent by sub-target name"), N_("NAME=PCT,…") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of seasonality to average (default 3)"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the sub-targets without creating them"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  g_autoptr(JxTargetDecomposition) d = NULL;
  JxTargetDimension dimension;
  JxTargetMethod method = JX_TARGET_METHOD_EQUAL;
  JxTargetNode *node;
  const char *currency;
  gint64 id;
  int exit_code = 0;

  g_option_context_set_summary (context, _("Split a target into sub-targets that add up to it "
                                           "exactly. Locked sub-targets keep their amounts."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code) ||
      !parse_node_argument (context, argc, argv, &id, &exit_code))
    return exit_code;
  if (by == NULL || !jx_target_dimension_from_string (by, &dimension))
    return jx_cli_usage (context, _("--by must be quarter, month, week, product-line, "
                                    "customer-type, region, member or tier"));
  if (method_text != NULL && (!jx_target_method_from_string (method_text, &method) ||
                              method == JX_TARGET_METHOD_MANUAL))
    return jx_cli_usage (context, _("--method must be equal, history, seasonal or weights"));
  if (weights != NULL && method_text == NULL)
    method = JX_TARGET_METHOD_WEIGHTS;
  if (method == JX_TARGET_METHOD_WEIGHTS && weights == NULL)
    return jx_cli_usage (context, _("--method weights needs --weights NAME=PCT,…"));
  if (weights != NULL && method != JX_TARGET_METHOD_WEIGHTS)
    return jx_cli_usage (context, _("--weights goes with --method weights"));
  if (years != 0 && (years < 1 || years > 10))
    return jx_cli_usage (context, _("--years must be between 1 and 10"));

  if (!session_open (&s, cli, NULL, id, NULL, &error) ||
      (node = session_node (&s, id, &error)) == NULL)
    return jx_cli_error (error);
  d = jx_target_tree_preview_decomposition (s.tree, node, dimension, method, &error);
  if (d == NULL ||
      (weights != NULL && !jx_target_decomposition_set_weights_text (d, weights, &error)) ||
      (years != 0 && !jx_target_decomposition_set_seasonal_years (d, years, &error)))
    return jx_cli_error (error);
  if (!dry_run && !jx_target_tree_apply_decomposition (s.tree, d, &error))
    return jx_cli_error (error);

  currency = jx_target_tree_get_currency (s.tree);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      GListModel *children = dry_run ? G_LIST_MODEL (d) : jx_target_node_get_children (node);

      json_builder_begin_object (b);
      jx_json_add_int (b, "parent", id);
      jx_json_add_string (b, "method",
                          jx_target_method_to_string (jx_target_decomposition_get_method_used (d)));
      jx_json_add_string (b, "note", jx_target_decomposition_get_note (d));
      jx_json_add_int (b, "replaced", jx_target_decomposition_get_n_replaced (d));
      json_builder_set_member_name (b, "children");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
          g_autoptr(JxTargetNode) preview = g_list_model_get_item (G_LIST_MODEL (d), i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          if (jx_target_node_get_id (child) > 0)
            json_builder_add_int_value (b, jx_target_node_get_id (child));
          else
            json_builder_add_null_value (b);
          jx_json_add_string (b, "name", jx_target_node_get_name (child));
          jx_json_add_string (b, "from", jx_target_node_get_period_from (child));
          jx_json_add_string (b, "to", jx_target_node_get_period_to (child));
          member_value (b, "amount", child, jx_target_node_get_amount (child), currency);
          jx_json_add_double (b, "share", round (jx_target_node_get_weight (preview) * 100) / 100);
          json_builder_set_member_name (b, "basis");
          if (jx_target_node_get_basis (preview) >= 0)
            add_value (b, child, jx_target_node_get_basis (preview), currency);
          else
            json_builder_add_null_value (b);
          jx_json_add_boolean (b, "locked", jx_target_node_get_locked (child));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (d)); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (G_LIST_MODEL (d), i);
      g_autofree char *name = jx_cli_pad (jx_target_node_get_name (child), 24);
      g_autofree char *amount = jx_target_node_format_amount (child, jx_target_node_get_amount (child),
                                                              currency, FALSE);
      g_autofree char *share = jx_percent_format (jx_target_node_get_weight (child) / 100, 1);
      g_autofree char *basis = jx_target_node_get_basis (child) >= 0
                               ? jx_target_node_format_amount (child, jx_target_node_get_basis (child),
                                                               currency, FALSE)
                               : g_strdup ("");

      g_print ("  %s %20s %8s %s%s\n", name, amount, share, basis,
               jx_target_node_get_locked (child) ? _("  (locked)") : "");
    }
  if (jx_target_decomposition_get_note (d) != NULL)
    g_print ("\n%s\n", jx_target_decomposition_get_note (d));
  if (jx_target_decomposition_get_n_replaced (d) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u existing sub-target is replaced.\n",
                          "%u existing sub-targets are replaced.\n",
                          jx_target_decomposition_get_n_replaced (d)),
             jx_target_decomposition_get_n_replaced (d));
  if (dry_run)
    g_print ("%s\n", _("Nothing was changed (--dry-run)."));
  return JX_CLI_OK;
}

static int
targets_suggest (JxCli  *cli,
                 int     argc,
                 char  **argv)
{
  double growth = 10;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "growth", 0, 0, G_OPTION_ARG_DOUBLE, &growth, N_("Growth over last year in percent (default 10)"),
      N_("PCT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Take the trend up to this day instead of today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  g_autoptr(GListModel) suggestions = NULL;
  JxTargetNode *node;
  const char *currency;
  gint64 id;
  int exit_code = 0;

  g_option_context_set_summary (context, _("Suggest a target from the data: the same period last "
                                           "year, that plus growth, and the trend of the last 8 "
                                           "quarters, each with the figures it comes from."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code) ||
      !parse_node_argument (context, argc, argv, &id, &exit_code))
    return exit_code;
  if (!session_open (&s, cli, NULL, id, today_text, &error) ||
      (node = session_node (&s, id, &error)) == NULL ||
      (suggestions = jx_target_tree_suggest (s.tree, node, growth, &error)) == NULL)
    return jx_cli_error (error);

  currency = jx_target_tree_get_currency (s.tree);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      jx_json_add_int (b, "target", id);
      member_value (b, "amount", node, jx_target_node_get_amount (node), currency);
      json_builder_set_member_name (b, "suggestions");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
        {
          g_autoptr(JxTargetSuggestion) sg = g_list_model_get_item (suggestions, i);
          JxPeriod base;
          char from[11], to[11];

          jx_target_suggestion_get_base_period (sg, &base);
          json_builder_begin_object (b);
          jx_json_add_string (b, "kind", jx_target_suggestion_get_kind_name (sg));
          jx_json_add_string (b, "title", jx_target_suggestion_get_title (sg));
          jx_json_add_boolean (b, "available", jx_target_suggestion_get_available (sg));
          member_value (b, "amount", node, jx_target_suggestion_get_amount (sg), currency);
          jx_json_add_string (b, "explanation", jx_target_suggestion_get_explanation (sg));
          if (jx_target_suggestion_get_kind (sg) != JX_TARGET_SUGGESTION_TREND)
            {
              jx_date_to_iso_buf (&base.from, from);
              jx_date_to_iso_buf (&base.to, to);
              jx_json_add_string (b, "base_from", from);
              jx_json_add_string (b, "base_to", to);
              member_value (b, "base", node, jx_target_suggestion_get_base_value (sg), currency);
              jx_json_add_double (b, "growth_percent",
                                  jx_target_suggestion_get_growth_percent (sg));
            }
          else
            {
              json_builder_set_member_name (b, "slope");
              add_value (b, node, (gint64) llround (jx_target_suggestion_get_slope (sg)), currency);
              json_builder_set_member_name (b, "intercept");
              add_value (b, node, (gint64) llround (jx_target_suggestion_get_intercept (sg)), currency);
              json_builder_set_member_name (b, "quarters");
              json_builder_begin_array (b);
              for (guint q = 0; q < jx_target_suggestion_get_n_points (sg); q++)
                {
                  const JxTargetSuggestionPoint *p = jx_target_suggestion_get_point (sg, q);

                  json_builder_begin_object (b);
                  jx_json_add_string (b, "quarter", p->label);
                  member_value (b, "actual", node, p->value, currency);
                  member_value (b, "fitted", node, (gint64) llround (p->fitted), currency);
                  json_builder_end_object (b);
                }
              json_builder_end_array (b);
              json_builder_set_member_name (b, "projected");
              json_builder_begin_array (b);
              for (guint q = 0; q < jx_target_suggestion_get_n_projected (sg); q++)
                {
                  const JxTargetSuggestionPoint *p = jx_target_suggestion_get_projected (sg, q);

                  json_builder_begin_object (b);
                  jx_json_add_string (b, "quarter", p->label);
                  member_value (b, "fitted", node, (gint64) llround (p->fitted), currency);
                  jx_json_add_double (b, "fraction", round (p->fraction * 10000) / 10000);
                  json_builder_end_object (b);
                }
              json_builder_end_array (b);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jx_cli_print_json (root);
      return JX_CLI_OK;
    }

  {
    g_autofree char *current = jx_target_node_format_amount (node, jx_target_node_get_amount (node),
                                                             currency, FALSE);

    g_print (_("Suggestions for “%s” (now %s):\n\n"), jx_target_node_get_name (node), current);
  }
  for (guint i = 0; i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr(JxTargetSuggestion) sg = g_list_model_get_item (suggestions, i);
      g_autofree char *amount = jx_target_node_format_amount (node, jx_target_suggestion_get_amount (sg),
                                                              currency, FALSE);

      g_print ("  %s: %s\n    %s\n", jx_target_suggestion_get_title (sg),
               jx_target_suggestion_get_available (sg) ? amount : "—",
               jx_target_suggestion_get_explanation (sg));
      for (guint q = 0; q < jx_target_suggestion_get_n_points (sg); q++)
        {
          const JxTargetSuggestionPoint *p = jx_target_suggestion_get_point (sg, q);
          g_autofree char *value = jx_target_node_format_amount (node, p->value, currency, FALSE);

          g_print ("      %-10s %20s\n", p->label, value);
        }
    }
  return JX_CLI_OK;
}

static int
targets_set (JxCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *amount_text = NULL, *name = NULL, *rationale = NULL;
  gboolean lock = FALSE, unlock = FALSE;
  const GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text,
      N_("New target; its sub-targets are rescaled (locked ones keep theirs)"), N_("AMOUNT") },
    { "lock", 0, 0, G_OPTION_ARG_NONE, &lock, N_("Keep the amount when the parent is split or rebalanced"), NULL },
    { "unlock", 0, 0, G_OPTION_ARG_NONE, &unlock, N_("Let rebalancing change the amount"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("NAME") },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why this target"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  JxTargetNode *node;
  gint64 id, amount;
  int exit_code = 0;

  g_option_context_set_summary (context, _("Change a target. Each change is one step that the "
                                           "application can undo."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code) ||
      !parse_node_argument (context, argc, argv, &id, &exit_code))
    return exit_code;
  if (lock && unlock)
    return jx_cli_usage (context, _("--lock and --unlock exclude each other"));
  if (!session_open (&s, cli, NULL, id, NULL, &error) ||
      (node = session_node (&s, id, &error)) == NULL)
    return jx_cli_error (error);
  if ((name != NULL && !jx_target_tree_set_name (s.tree, node, name, &error)) ||
      (rationale != NULL && !jx_target_tree_set_rationale (s.tree, node, rationale, &error)) ||
      ((lock || unlock) && !jx_target_tree_set_locked (s.tree, node, lock, &error)))
    return jx_cli_error (error);
  if (amount_text != NULL)
    {
      if (!parse_amount (amount_text, jx_target_node_get_metric (node),
                         jx_target_tree_get_currency (s.tree), &amount, &error) ||
          !jx_target_tree_set_amount (s.tree, node, amount, &error))
        return jx_cli_error (error);
    }
  if (jx_target_node_get_parent (node) != NULL &&
      jx_target_node_get_unallocated (jx_target_node_get_parent (node)) != 0)
    {
      JxTargetNode *parent = jx_target_node_get_parent (node);
      gint64 gap = jx_target_node_get_unallocated (parent);
      g_autofree char *text = jx_target_node_format_amount (parent, ABS (gap),
                                                            jx_target_tree_get_currency (s.tree), FALSE);

      g_print (gap > 0 ? _("“%s” now has %s unallocated; “jingxi-cli targets rebalance %lld” spreads it.\n")
                       : _("“%s” is now over-allocated by %s; “jingxi-cli targets rebalance %lld” spreads it.\n"),
               jx_target_node_get_name (parent), text, (long long) jx_target_node_get_id (parent));
    }
  return JX_CLI_OK;
}

static int
targets_rebalance_or_delete (JxCli    *cli,
                             int       argc,
                             char    **argv,
                             gboolean  delete)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_auto(Session) s = { 0 };
  JxTargetNode *node;
  gint64 id;
  int exit_code = 0;

  g_option_context_set_summary (context, delete
                                ? _("Delete a target and its sub-targets.")
                                : _("Spread a target's unallocated or over-allocated amount over "
                                    "its unlocked sub-targets, in proportion to their targets."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jx_cli_parse_options (context, &argc, &argv, &exit_code) ||
      !parse_node_argument (context, argc, argv, &id, &exit_code))
    return exit_code;
  if (!session_open (&s, cli, NULL, id, NULL, &error) ||
      (node = session_node (&s, id, &error)) == NULL)
    return jx_cli_error (error);
  if (delete ? !jx_target_tree_delete_node (s.tree, node, &error)
             : !jx_target_tree_rebalance (s.tree, node, NULL, &error))
    return jx_cli_error (error);
  return JX_CLI_OK;
}

int
jx_cli_targets (JxCli  *cli,
                int     argc,
                char  **argv)
{
  if (argc > 1 && argv[1][0] != '-')
    {
      static const char *const subs[] = { "add", "decompose", "suggest", "set", "rebalance",
                                          "delete", NULL };
      const char *sub = argv[1];

      /* "Usage: jingxi-cli targets add [OPTION…]" in the subcommand's --help. */
      if (g_strv_contains (subs, sub))
        {
          g_autofree char *prgname = g_strdup_printf ("jingxi-cli targets %s", sub);

          g_set_prgname (prgname);
        }
      if (g_str_equal (sub, "add"))
        return targets_add (cli, argc - 1, argv + 1);
      if (g_str_equal (sub, "decompose"))
        return targets_decompose (cli, argc - 1, argv + 1);
      if (g_str_equal (sub, "suggest"))
        return targets_suggest (cli, argc - 1, argv + 1);
      if (g_str_equal (sub, "set"))
        return targets_set (cli, argc - 1, argv + 1);
      if (g_str_equal (sub, "rebalance"))
        return targets_rebalance_or_delete (cli, argc - 1, argv + 1, FALSE);
      if (g_str_equal (sub, "delete"))
        return targets_rebalance_or_delete (cli, argc - 1, argv + 1, TRUE);
    }
  return targets_list (cli, argc, argv);
}
