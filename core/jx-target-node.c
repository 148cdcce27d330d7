/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jx-json.h"
#include "jx-money.h"
#include "jx-notify-private.h"
#include "jx-sqlite-private.h"
#include "jx-target-private.h"

G_DEFINE_FINAL_TYPE (JxTargetNode, jx_target_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN_ID,
  PROP_NAME,
  PROP_METRIC,
  PROP_PERIOD_FROM,
  PROP_PERIOD_TO,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_DIMENSION,
  PROP_FILTERS_LABEL,
  PROP_AMOUNT,
  PROP_LOCKED,
  PROP_METHOD,
  PROP_RATIONALE,
  PROP_N_SMART_DONE,
  PROP_DEPTH,
  PROP_N_CHILDREN,
  PROP_CHILDREN_TOTAL,
  PROP_UNALLOCATED,
  PROP_HAS_ACTUAL,
  PROP_ACTUAL,
  PROP_ATTAINMENT,
  PROP_EXPECTED_TO_DATE,
  PROP_PACE,
  PROP_GAP,
  PROP_WIN_RATE,
  PROP_PIPELINE_NEEDED,
  PROP_WEIGHT,
  PROP_BASIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_target_node_finalize (GObject *object)
{
  JxTargetNode *self = JX_TARGET_NODE (object);

  g_clear_object (&self->children);
  g_free (self->name);
  g_free (self->owner_name);
  for (guint i = 0; i < JX_TARGET_N_DIMENSIONS; i++)
    g_free (self->filter_names[i]);
  g_free (self->method);
  g_free (self->rationale);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    g_free (self->smart_note[i]);
  G_OBJECT_CLASS (jx_target_node_parent_class)->finalize (object);
}

static void
jx_target_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JxTargetNode *self = JX_TARGET_NODE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PLAN_ID: g_value_set_int64 (value, self->plan_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_METRIC: g_value_set_enum (value, self->metric); break;
    case PROP_PERIOD_FROM: g_value_set_string (value, self->from_iso); break;
    case PROP_PERIOD_TO: g_value_set_string (value, self->to_iso); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_OWNER_NAME: g_value_set_string (value, self->owner_name); break;
    case PROP_DIMENSION: g_value_set_enum (value, self->dimension); break;
    case PROP_FILTERS_LABEL: g_value_take_string (value, jx_target_node_dup_filters_label (self)); break;
    case PROP_AMOUNT: g_value_set_int64 (value, self->amount); break;
    case PROP_LOCKED: g_value_set_boolean (value, self->locked); break;
    case PROP_METHOD: g_value_set_string (value, self->method); break;
    case PROP_RATIONALE: g_value_set_string (value, self->rationale); break;
    case PROP_N_SMART_DONE: g_value_set_uint (value, jx_target_node_get_n_smart_done (self)); break;
    case PROP_DEPTH: g_value_set_uint (value, self->depth); break;
    case PROP_N_CHILDREN: g_value_set_uint (value, jx_target_node_get_n_children (self)); break;
    case PROP_CHILDREN_TOTAL: g_value_set_int64 (value, self->children_total); break;
    case PROP_UNALLOCATED: g_value_set_int64 (value, jx_target_node_get_unallocated (self)); break;
    case PROP_HAS_ACTUAL: g_value_set_boolean (value, self->has_actual); break;
    case PROP_ACTUAL: g_value_set_int64 (value, self->actual); break;
    case PROP_ATTAINMENT: g_value_set_double (value, self->attainment); break;
    case PROP_EXPECTED_TO_DATE: g_value_set_int64 (value, self->expected); break;
    case PROP_PACE: g_value_set_enum (value, self->pace); break;
    case PROP_GAP: g_value_set_int64 (value, self->gap); break;
    case PROP_WIN_RATE: g_value_set_double (value, self->win_rate); break;
    case PROP_PIPELINE_NEEDED: g_value_set_int64 (value, self->pipeline_needed); break;
    case PROP_WEIGHT: g_value_set_double (value, self->weight); break;
    case PROP_BASIS: g_value_set_int64 (value, self->basis); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_node_class_init (JxTargetNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_target_node_finalize;
  object_class->get_property = jx_target_node_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PLAN_ID] = g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_METRIC] = g_param_spec_enum ("metric", NULL, NULL, JX_TYPE_TARGET_METRIC,
                                               JX_TARGET_METRIC_REVENUE, flags);
  properties[PROP_PERIOD_FROM] = g_param_spec_string ("period-from", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD_TO] = g_param_spec_string ("period-to", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  properties[PROP_DIMENSION] = g_param_spec_enum ("dimension", NULL, NULL, JX_TYPE_TARGET_DIMENSION,
                                                  JX_TARGET_DIMENSION_NONE, flags);
  properties[PROP_FILTERS_LABEL] = g_param_spec_string ("filters-label", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, NULL, flags);
  properties[PROP_RATIONALE] = g_param_spec_string ("rationale", NULL, NULL, NULL, flags);
  properties[PROP_N_SMART_DONE] = g_param_spec_uint ("n-smart-done", NULL, NULL, 0,
                                                     JX_TARGET_N_SMART_ITEMS, 0, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CHILDREN] = g_param_spec_uint ("n-children", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CHILDREN_TOTAL] = g_param_spec_int64 ("children-total", NULL, NULL, 0,
                                                        G_MAXINT64, 0, flags);
  properties[PROP_UNALLOCATED] = g_param_spec_int64 ("unallocated", NULL, NULL, G_MININT64,
                                                     G_MAXINT64, 0, flags);
  properties[PROP_HAS_ACTUAL] = g_param_spec_boolean ("has-actual", NULL, NULL, FALSE, flags);
  properties[PROP_ACTUAL] = g_param_spec_int64 ("actual", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ATTAINMENT] = g_param_spec_double ("attainment", NULL, NULL, 0, G_MAXDOUBLE,
                                                     0, flags);
  properties[PROP_EXPECTED_TO_DATE] = g_param_spec_int64 ("expected-to-date", NULL, NULL, 0,
                                                          G_MAXINT64, 0, flags);
  properties[PROP_PACE] = g_param_spec_enum ("pace", NULL, NULL, JX_TYPE_TARGET_PACE,
                                             JX_TARGET_PACE_UNKNOWN, flags);
  properties[PROP_GAP] = g_param_spec_int64 ("gap", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_WIN_RATE] = g_param_spec_double ("win-rate", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_PIPELINE_NEEDED] = g_param_spec_int64 ("pipeline-needed", NULL, NULL, -1,
                                                         G_MAXINT64, -1, flags);
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, 100, 0, flags);
  properties[PROP_BASIS] = g_param_spec_int64 ("basis", NULL, NULL, -1, G_MAXINT64, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_target_node_init (JxTargetNode *self)
{
  self->children = g_list_store_new (JX_TYPE_TARGET_NODE);
  self->pace = JX_TARGET_PACE_UNKNOWN;
  self->pipeline_needed = -1;
  self->basis = -1;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
}

JxTargetNode *
jx_target_node_new_private (void)
{
  return g_object_new (JX_TYPE_TARGET_NODE, NULL);
}

static void
parse_smart (const char *json,
             gboolean    done[JX_TARGET_N_SMART_ITEMS],
             char       *notes[JX_TARGET_N_SMART_ITEMS])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      done[i] = FALSE;
      notes[i] = NULL;
    }
  /* Most nodes have an empty checklist: no need for a parser. A checklist that does not
   * parse reads as empty rather than failing the whole tree. */
  if (json == NULL || json[0] == '\0' || strcmp (json, "{}") == 0 ||
      !json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      JsonNode *item = json_object_get_member (object, jx_target_smart_item_to_string (i));
      JsonObject *o;

      if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
        continue;
      o = json_node_get_object (item);
      done[i] = json_object_get_boolean_member_with_default (o, "done", FALSE);
      notes[i] = g_strdup (json_object_get_string_member_with_default (o, "note", NULL));
    }
}

/* The SMART checklist as stored in target_nodes.smart. */
char *
jx_target_smart_to_json (const gboolean *done,
                         char *const    *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      if (!done[i] && (notes[i] == NULL || notes[i][0] == '\0'))
        continue;
      json_builder_set_member_name (builder, jx_target_smart_item_to_string (i));
      json_builder_begin_object (builder);
      jx_json_add_boolean (builder, "done", done[i]);
      jx_json_add_string (builder, "note", notes[i] != NULL ? notes[i] : "");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
jx_target_node_row_read (sqlite3_stmt    *stmt,
                         JxTargetNodeRow *row)
{
  memset (row, 0, sizeof *row);
  row->id = sqlite3_column_int64 (stmt, 0);
  row->plan_id = sqlite3_column_int64 (stmt, 1);
  row->parent_id = sqlite3_column_int64 (stmt, 2);
  row->position = sqlite3_column_int (stmt, 3);
  row->name = jx_column_text (stmt, 4);
  if (!jx_target_metric_from_string (jx_column_text (stmt, 5), &row->metric))
    row->metric = JX_TARGET_METRIC_REVENUE;
  row->from = jx_column_text (stmt, 6);
  row->to = jx_column_text (stmt, 7);
  row->owner_id = sqlite3_column_int64 (stmt, 8);
  row->owner_name = jx_column_text (stmt, 9);
  if (!jx_target_dimension_from_string (jx_column_text (stmt, 10), &row->dimension))
    row->dimension = JX_TARGET_DIMENSION_NONE;
  row->filters.region_id = sqlite3_column_int64 (stmt, 11);
  row->filter_names[JX_TARGET_DIMENSION_REGION] = jx_column_text (stmt, 12);
  row->filters.member_id = sqlite3_column_int64 (stmt, 13);
  row->filter_names[JX_TARGET_DIMENSION_MEMBER] = jx_column_text (stmt, 14);
  row->filters.product_line_id = sqlite3_column_int64 (stmt, 15);
  row->filter_names[JX_TARGET_DIMENSION_PRODUCT_LINE] = jx_column_text (stmt, 16);
  row->filters.customer_type_id = sqlite3_column_int64 (stmt, 17);
  row->filter_names[JX_TARGET_DIMENSION_CUSTOMER_TYPE] = jx_column_text (stmt, 18);
  row->filters.tier = jx_target_tier_from_string (jx_column_text (stmt, 19));
  row->filter_names[JX_TARGET_DIMENSION_TIER] = row->filters.tier != NULL
                                                ? jx_target_tier_label (row->filters.tier) : NULL;
  row->amount = sqlite3_column_int64 (stmt, 20);
  row->locked = sqlite3_column_int (stmt, 21) != 0;
  row->method = jx_column_text (stmt, 22);
  row->rationale = jx_column_text (stmt, 23);
  row->smart = jx_column_text (stmt, 24);
}

/* Takes the values of a database row, notifying each property that changed. */
void
jx_target_node_update (JxTargetNode          *self,
                       const JxTargetNodeRow *row)
{
  GObject *object = G_OBJECT (self);
  gboolean smart_done[JX_TARGET_N_SMART_ITEMS];
  char *smart_notes[JX_TARGET_N_SMART_ITEMS];
  gboolean smart_changed = FALSE;
  gboolean filters_changed;
  /* Nobody listens to a node that was just made; notifying would only cost time. */
  gboolean fresh = self->id == 0 && self->name == NULL;

  if (fresh)
    {
      parse_smart (row->smart, self->smart_done, self->smart_note);
      self->id = row->id;
      self->plan_id = row->plan_id;
      self->parent_id = row->parent_id;
      self->position = row->position;
      self->name = g_strdup (row->name);
      self->metric = row->metric;
      g_strlcpy (self->from_iso, row->from != NULL ? row->from : "", sizeof self->from_iso);
      jx_date_parse_iso (self->from_iso, &self->from);
      g_strlcpy (self->to_iso, row->to != NULL ? row->to : "", sizeof self->to_iso);
      jx_date_parse_iso (self->to_iso, &self->to);
      self->owner_id = row->owner_id;
      self->owner_name = g_strdup (row->owner_name);
      self->dimension = row->dimension;
      self->filters = row->filters;
      for (guint i = 0; i < JX_TARGET_N_DIMENSIONS; i++)
        self->filter_names[i] = g_strdup (row->filter_names[i]);
      self->amount = row->amount;
      self->locked = row->locked;
      self->method = g_strdup (row->method);
      self->rationale = g_strdup (row->rationale != NULL ? row->rationale : "");
      return;
    }

  g_object_freeze_notify (object);
  JX_SET_AND_NOTIFY (self, id, row->id, properties[PROP_ID]);
  JX_SET_AND_NOTIFY (self, plan_id, row->plan_id, properties[PROP_PLAN_ID]);
  self->parent_id = row->parent_id;
  JX_SET_AND_NOTIFY (self, position, row->position, NULL);
  jx_set_string_and_notify (self, &self->name, row->name, properties[PROP_NAME]);
  JX_SET_AND_NOTIFY (self, metric, row->metric, properties[PROP_METRIC]);
  if (g_strcmp0 (self->from_iso, row->from) != 0)
    {
      g_strlcpy (self->from_iso, row->from != NULL ? row->from : "", sizeof self->from_iso);
      jx_date_parse_iso (self->from_iso, &self->from);
      g_object_notify_by_pspec (object, properties[PROP_PERIOD_FROM]);
    }
  if (g_strcmp0 (self->to_iso, row->to) != 0)
    {
      g_strlcpy (self->to_iso, row->to != NULL ? row->to : "", sizeof self->to_iso);
      jx_date_parse_iso (self->to_iso, &self->to);
      g_object_notify_by_pspec (object, properties[PROP_PERIOD_TO]);
    }
  JX_SET_AND_NOTIFY (self, owner_id, row->owner_id, properties[PROP_OWNER_ID]);
  jx_set_string_and_notify (self, &self->owner_name, row->owner_name, properties[PROP_OWNER_NAME]);
  JX_SET_AND_NOTIFY (self, dimension, row->dimension, properties[PROP_DIMENSION]);
  filters_changed = !jx_target_filters_equal (&self->filters, &row->filters);
  self->filters = row->filters;
  for (guint i = 0; i < JX_TARGET_N_DIMENSIONS; i++)
    if (g_strcmp0 (self->filter_names[i], row->filter_names[i]) != 0)
      {
        jx_set_string_and_notify (self, &self->filter_names[i], row->filter_names[i], NULL);
        filters_changed = TRUE;
      }
  if (filters_changed)
    g_object_notify_by_pspec (object, properties[PROP_FILTERS_LABEL]);
  if (self->amount != row->amount)
    {
      self->amount = row->amount;
      g_object_notify_by_pspec (object, properties[PROP_AMOUNT]);
      g_object_notify_by_pspec (object, properties[PROP_UNALLOCATED]);
    }
  JX_SET_AND_NOTIFY (self, locked, row->locked, properties[PROP_LOCKED]);
  jx_set_string_and_notify (self, &self->method, row->method, properties[PROP_METHOD]);
  jx_set_string_and_notify (self, &self->rationale, row->rationale != NULL ? row->rationale : "",
                            properties[PROP_RATIONALE]);

  parse_smart (row->smart, smart_done, smart_notes);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      if (self->smart_done[i] != smart_done[i] || g_strcmp0 (self->smart_note[i], smart_notes[i]) != 0)
        smart_changed = TRUE;
      self->smart_done[i] = smart_done[i];
      g_free (self->smart_note[i]);
      self->smart_note[i] = smart_notes[i];
    }
  if (smart_changed)
    g_object_notify_by_pspec (object, properties[PROP_N_SMART_DONE]);
  g_object_thaw_notify (object);
}

void
jx_target_node_set_status (JxTargetNode             *self,
                           const JxTargetNodeStatus *status)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  JX_SET_AND_NOTIFY (self, has_actual, status->has_actual, properties[PROP_HAS_ACTUAL]);
  JX_SET_AND_NOTIFY (self, actual, status->actual, properties[PROP_ACTUAL]);
  JX_SET_AND_NOTIFY (self, expected, status->expected, properties[PROP_EXPECTED_TO_DATE]);
  JX_SET_AND_NOTIFY (self, attainment, status->attainment, properties[PROP_ATTAINMENT]);
  JX_SET_AND_NOTIFY (self, pace, status->pace, properties[PROP_PACE]);
  JX_SET_AND_NOTIFY (self, gap, status->gap, properties[PROP_GAP]);
  JX_SET_AND_NOTIFY (self, win_rate, status->win_rate, properties[PROP_WIN_RATE]);
  JX_SET_AND_NOTIFY (self, pipeline_needed, status->pipeline_needed,
                     properties[PROP_PIPELINE_NEEDED]);
  g_object_thaw_notify (object);
}

void
jx_target_node_set_place (JxTargetNode *self,
                          JxTargetNode *parent,
                          guint         depth)
{
  self->parent = parent;
  self->parent_id = parent != NULL ? parent->id : 0;
  JX_SET_AND_NOTIFY (self, depth, depth, properties[PROP_DEPTH]);
}

void
jx_target_node_set_children_total (JxTargetNode *self,
                                   gint64        total)
{
  if (self->children_total == total)
    return;
  self->children_total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILDREN_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNALLOCATED]);
}

void
jx_target_node_set_amount_private (JxTargetNode *self,
                                   gint64        amount)
{
  if (self->amount == amount)
    return;
  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNALLOCATED]);
}

void
jx_target_node_set_locked_private (JxTargetNode *self,
                                   gboolean      locked)
{
  if (self->locked == !!locked)
    return;
  self->locked = !!locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
jx_target_node_set_share (JxTargetNode *self,
                          double        weight,
                          gint64        basis)
{
  JX_SET_AND_NOTIFY (self, weight, weight, properties[PROP_WEIGHT]);
  JX_SET_AND_NOTIFY (self, basis, basis, properties[PROP_BASIS]);
}

void
jx_target_node_notify_children (JxTargetNode *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHILDREN]);
}

/* Public getters. */

gint64
jx_target_node_get_id (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->id;
}

gint64
jx_target_node_get_plan_id (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->plan_id;
}

/**
 * jx_target_node_get_parent:
 *
 * Returns: (transfer none) (nullable): the parent, or %NULL for a root
 */
JxTargetNode *
jx_target_node_get_parent (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->parent;
}

guint
jx_target_node_get_depth (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->depth;
}

int
jx_target_node_get_position (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->position;
}

/**
 * jx_target_node_get_children:
 *
 * The children in order, as a list that stays up to date, for GtkTreeListModel.
 *
 * Returns: (transfer none): a #GListModel of #JxTargetNode
 */
GListModel *
jx_target_node_get_children (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return G_LIST_MODEL (self->children);
}

guint
jx_target_node_get_n_children (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

const char *
jx_target_node_get_name (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->name;
}

JxTargetMetric
jx_target_node_get_metric (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), JX_TARGET_METRIC_REVENUE);
  return self->metric;
}

void
jx_target_node_get_period (JxTargetNode *self,
                           JxPeriod     *period)
{
  g_return_if_fail (JX_IS_TARGET_NODE (self));
  period->from = self->from;
  period->to = self->to;
}

const char *
jx_target_node_get_period_from (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->from_iso;
}

const char *
jx_target_node_get_period_to (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->to_iso;
}

gint64
jx_target_node_get_owner_id (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->owner_id;
}

const char *
jx_target_node_get_owner_name (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->owner_name;
}

JxTargetDimension
jx_target_node_get_dimension (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), JX_TARGET_DIMENSION_NONE);
  return self->dimension;
}

const JxTargetFilters *
jx_target_node_get_filters (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return &self->filters;
}

/**
 * jx_target_node_get_filter_name:
 * @dimension: %JX_TARGET_DIMENSION_REGION, _MEMBER, _PRODUCT_LINE, _CUSTOMER_TYPE or _TIER
 *
 * Returns: (nullable): the name of the filter's value ("East"), or %NULL when unset
 */
const char *
jx_target_node_get_filter_name (JxTargetNode      *self,
                                JxTargetDimension  dimension)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  g_return_val_if_fail (dimension < JX_TARGET_N_DIMENSIONS, NULL);
  return self->filter_names[dimension];
}

/* "East · Cloud Platform · Enterprise", or "" without filters. */
char *
jx_target_node_dup_filters_label (JxTargetNode *self)
{
  static const JxTargetDimension order[] = {
    JX_TARGET_DIMENSION_REGION, JX_TARGET_DIMENSION_MEMBER, JX_TARGET_DIMENSION_PRODUCT_LINE,
    JX_TARGET_DIMENSION_CUSTOMER_TYPE, JX_TARGET_DIMENSION_TIER,
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *name = self->filter_names[order[i]];

      if (name == NULL || name[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

gint64
jx_target_node_get_amount (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->amount;
}

gboolean
jx_target_node_get_locked (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), FALSE);
  return self->locked;
}

/* The method that made this node's amount ("history", …), or %NULL. */
const char *
jx_target_node_get_method (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->method;
}

const char *
jx_target_node_get_rationale (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  return self->rationale != NULL ? self->rationale : "";
}

gboolean
jx_target_node_get_smart_done (JxTargetNode      *self,
                               JxTargetSmartItem  item)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), FALSE);
  g_return_val_if_fail (item < JX_TARGET_N_SMART_ITEMS, FALSE);
  return self->smart_done[item];
}

const char *
jx_target_node_get_smart_note (JxTargetNode      *self,
                               JxTargetSmartItem  item)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  g_return_val_if_fail (item < JX_TARGET_N_SMART_ITEMS, NULL);
  return self->smart_note[item] != NULL ? self->smart_note[item] : "";
}

guint
jx_target_node_get_n_smart_done (JxTargetNode *self)
{
  guint n = 0;

  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    n += self->smart_done[i] ? 1 : 0;
  return n;
}

/* The sum of the children's targets (0 without children). */
gint64
jx_target_node_get_children_total (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->children_total;
}

/* The part of the target not given to children: negative when they are given more
 * than the parent (over-allocated). 0 for a node without children. */
gint64
jx_target_node_get_unallocated (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  if (jx_target_node_get_n_children (self) == 0)
    return 0;
  return self->amount - self->children_total;
}

/* Whether actual, attainment, expected-to-date and the rest have been computed. */
gboolean
jx_target_node_has_actual (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), FALSE);
  return self->has_actual;
}

gint64
jx_target_node_get_actual (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->actual;
}

/* actual ÷ target (1.0 is 100%), 0 when the target is 0. */
double
jx_target_node_get_attainment (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->attainment;
}

gint64
jx_target_node_get_expected_to_date (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->expected;
}

JxTargetPace
jx_target_node_get_pace (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), JX_TARGET_PACE_UNKNOWN);
  return self->pace;
}

/* target − actual: what is still to win (negative once the target is beaten). */
gint64
jx_target_node_get_gap (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->gap;
}

double
jx_target_node_get_win_rate (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->win_rate;
}

/* The gap ÷ win rate: pipeline to create to close the gap; 0 when there is no gap, -1
 * when no deal with these filters closed in the last 365 days. */
gint64
jx_target_node_get_pipeline_needed (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), -1);
  return self->pipeline_needed;
}

/* In a decomposition preview: this child's share of what its unlocked siblings share,
 * in percent. */
double
jx_target_node_get_weight (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), 0);
  return self->weight;
}

/* In a decomposition preview by history or seasonality: the figure behind the share (last
 * year's actual), or -1. */
gint64
jx_target_node_get_basis (JxTargetNode *self)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), -1);
  return self->basis;
}

/**
 * jx_target_node_format_amount:
 * @value: an amount of this node's metric (its target, actual, gap, …)
 * @currency: the database's currency code
 * @compact: "¥1.2M" instead of "¥1,234,567.00"
 *
 * Money for revenue targets, a plain number for deal and customer counts.
 */
char *
jx_target_node_format_amount (JxTargetNode *self,
                              gint64        value,
                              const char   *currency,
                              gboolean      compact)
{
  g_return_val_if_fail (JX_IS_TARGET_NODE (self), NULL);
  if (!jx_target_metric_is_money (self->metric))
    return jx_number_format (value);
  return compact ? jx_money_format_compact (value, currency) : jx_money_format (value, currency);
}

char *
jx_target_node_dup_key (JxTargetNode *self)
{
  switch (self->dimension)
    {
    case JX_TARGET_DIMENSION_QUARTER:
    case JX_TARGET_DIMENSION_MONTH:
    case JX_TARGET_DIMENSION_WEEK:
      return g_strdup_printf ("%s:%s..%s", jx_target_dimension_to_string (self->dimension),
                              self->from_iso, self->to_iso);
    case JX_TARGET_DIMENSION_PRODUCT_LINE:
      return g_strdup_printf ("product_line:%" G_GINT64_FORMAT, self->filters.product_line_id);
    case JX_TARGET_DIMENSION_CUSTOMER_TYPE:
      return g_strdup_printf ("customer_type:%" G_GINT64_FORMAT, self->filters.customer_type_id);
    case JX_TARGET_DIMENSION_REGION:
      return g_strdup_printf ("region:%" G_GINT64_FORMAT, self->filters.region_id);
    case JX_TARGET_DIMENSION_MEMBER:
      return g_strdup_printf ("member:%" G_GINT64_FORMAT, self->filters.member_id);
    case JX_TARGET_DIMENSION_TIER:
      return g_strdup_printf ("tier:%s", self->filters.tier != NULL ? self->filters.tier : "");
    case JX_TARGET_DIMENSION_NONE:
    default:
      {
        g_autofree char *folded = g_utf8_casefold (self->name != NULL ? self->name : "", -1);

        return g_strdup_printf ("%s:%s", jx_target_metric_to_string (self->metric), folded);
      }
    }
}
