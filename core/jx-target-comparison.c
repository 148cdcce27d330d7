/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-target-comparison.h"
#include "jx-target-private.h"
#include "jx-target-tree.h"

struct _JxTargetComparisonRow {
  GObject         parent_instance;

  char           *name;
  char           *path;
  guint           depth;
  JxTargetMetric  metric;
  gboolean        in_a;
  gboolean        in_b;
  gint64          amount_a;
  gint64          amount_b;
};

G_DEFINE_FINAL_TYPE (JxTargetComparisonRow, jx_target_comparison_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DEPTH,
  PROP_AMOUNT_A,
  PROP_AMOUNT_B,
  PROP_DIFFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_target_comparison_row_finalize (GObject *object)
{
  JxTargetComparisonRow *self = JX_TARGET_COMPARISON_ROW (object);

  g_free (self->name);
  g_free (self->path);
  G_OBJECT_CLASS (jx_target_comparison_row_parent_class)->finalize (object);
}

static void
jx_target_comparison_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  JxTargetComparisonRow *self = JX_TARGET_COMPARISON_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DEPTH: g_value_set_uint (value, self->depth); break;
    case PROP_AMOUNT_A: g_value_set_int64 (value, self->amount_a); break;
    case PROP_AMOUNT_B: g_value_set_int64 (value, self->amount_b); break;
    case PROP_DIFFERENCE: g_value_set_int64 (value, jx_target_comparison_row_get_difference (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_comparison_row_class_init (JxTargetComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_target_comparison_row_finalize;
  object_class->get_property = jx_target_comparison_row_get_property;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_AMOUNT_A] = g_param_spec_int64 ("amount-a", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AMOUNT_B] = g_param_spec_int64 ("amount-b", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DIFFERENCE] = g_param_spec_int64 ("difference", NULL, NULL, G_MININT64,
                                                    G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_target_comparison_row_init (JxTargetComparisonRow *self)
{
}

const char *
jx_target_comparison_row_get_name (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), NULL);
  return self->name;
}

/* The names from the top, "Revenue 2026 › Q1 › East". */
const char *
jx_target_comparison_row_get_path (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), NULL);
  return self->path;
}

guint
jx_target_comparison_row_get_depth (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), 0);
  return self->depth;
}

JxTargetMetric
jx_target_comparison_row_get_metric (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), JX_TARGET_METRIC_REVENUE);
  return self->metric;
}

gboolean
jx_target_comparison_row_in_a (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), FALSE);
  return self->in_a;
}

gboolean
jx_target_comparison_row_in_b (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), FALSE);
  return self->in_b;
}

/* The target in plan A (0 when A has no such target). */
gint64
jx_target_comparison_row_get_amount_a (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), 0);
  return self->amount_a;
}

gint64
jx_target_comparison_row_get_amount_b (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), 0);
  return self->amount_b;
}

/* B − A. */
gint64
jx_target_comparison_row_get_difference (JxTargetComparisonRow *self)
{
  g_return_val_if_fail (JX_IS_TARGET_COMPARISON_ROW (self), 0);
  return self->amount_b - self->amount_a;
}

static void walk (GListStore *rows, JxTargetNode *a, JxTargetNode *b, const char *path,
                  guint depth);

static void
walk_children (GListStore *rows,
               GListModel *a_children,
               GListModel *b_children,
               const char *path,
               guint       depth)
{
  g_autoptr(GHashTable) b_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  guint n_a = a_children != NULL ? g_list_model_get_n_items (a_children) : 0;
  guint n_b = b_children != NULL ? g_list_model_get_n_items (b_children) : 0;

  for (guint i = 0; i < n_b; i++)
    {
      g_autoptr(JxTargetNode) b = g_list_model_get_item (b_children, i);
      char *key = jx_target_node_dup_key (b);

      if (!g_hash_table_contains (b_by_key, key))
        g_hash_table_insert (b_by_key, key, b);
      else
        g_free (key);
    }
  for (guint i = 0; i < n_a; i++)
    {
      g_autoptr(JxTargetNode) a = g_list_model_get_item (a_children, i);
      g_autofree char *key = jx_target_node_dup_key (a);
      JxTargetNode *b = g_hash_table_lookup (b_by_key, key);

      if (b != NULL && g_hash_table_contains (matched, b))
        b = NULL;
      if (b != NULL)
        g_hash_table_add (matched, b);
      walk (rows, a, b, path, depth);
    }
  for (guint i = 0; i < n_b; i++)
    {
      g_autoptr(JxTargetNode) b = g_list_model_get_item (b_children, i);

      if (!g_hash_table_contains (matched, b))
        walk (rows, NULL, b, path, depth);
    }
}

static void
walk (GListStore   *rows,
      JxTargetNode *a,
      JxTargetNode *b,
      const char   *path,
      guint         depth)
{
  g_autoptr(JxTargetComparisonRow) row = g_object_new (JX_TYPE_TARGET_COMPARISON_ROW, NULL);
  JxTargetNode *any = a != NULL ? a : b;

  row->name = g_strdup (any->name);
  row->path = path != NULL ? g_strconcat (path, " › ", any->name, NULL) : g_strdup (any->name);
  row->depth = depth;
  row->metric = any->metric;
  row->in_a = a != NULL;
  row->in_b = b != NULL;
  row->amount_a = a != NULL ? a->amount : 0;
  row->amount_b = b != NULL ? b->amount : 0;
  g_list_store_append (rows, row);
  walk_children (rows, a != NULL ? G_LIST_MODEL (a->children) : NULL,
                 b != NULL ? G_LIST_MODEL (b->children) : NULL, row->path, depth + 1);
}

/**
 * jx_target_plans_compare:
 *
 * Lists the targets of two plans side by side, in plan A's order with targets only in B
 * after their matched parent.
 *
 * Returns: (transfer full): a #GListModel of #JxTargetComparisonRow
 */
GListModel *
jx_target_plans_compare (JxStore  *store,
                         gint64    plan_a,
                         gint64    plan_b,
                         GError  **error)
{
  g_autoptr(GListStore) rows = g_list_store_new (JX_TYPE_TARGET_COMPARISON_ROW);
  g_autoptr(JxTargetTree) a = NULL;
  g_autoptr(JxTargetTree) b = NULL;
  GDate today;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  /* Amounts only; the day does not matter. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2000);
  a = jx_target_tree_new (store, plan_a, &today);
  b = jx_target_tree_new (store, plan_b, &today);
  if (!jx_target_tree_load (a, error) || !jx_target_tree_load (b, error))
    return NULL;
  walk_children (rows, jx_target_tree_get_roots (a), jx_target_tree_get_roots (b), NULL, 0);
  return G_LIST_MODEL (g_steal_pointer (&rows));
}
