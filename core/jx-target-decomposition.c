/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-sqlite-private.h"
#include "jx-target-private.h"
#include "jx-target-split.h"

/*
 * The children a target would get from a decomposition, recomputed as the manager
 * changes the method, weights, locks or amounts. Nothing is written until
 * jx_target_tree_apply_decomposition().
 *
 * Methods:
 * - equal: the same share each;
 * - history: each child's share of last year's actual for the same period (52 weeks
 *   back for weeks) and filters; equal when last year had none, and the note says so;
 * - seasonal (time splits): each month's average share of its fiscal year over the last
 *   complete years, spread over the days of the child's period;
 * - weights: percentages typed by the manager, scaled to 100% when they add up to less
 *   or more;
 * - manual: the amounts typed; what they leave shows as unallocated.
 * Locked children keep their amounts; the others share the rest by the largest
 * remainder method, so that they add up to the parent to the fen.
 */

#define DEFAULT_SEASONAL_YEARS 3

struct _JxTargetDecomposition {
  GObject            parent_instance;

  JxStore           *store;
  JxTargetFacts     *facts;
  JxTargetNode      *parent;
  JxTargetDimension  dimension;
  JxTargetMethod     method;
  JxTargetMethod     method_used;
  int                fiscal_start_month;
  int                seasonal_years;
  char              *note;
  GPtrArray         *items;        /* JxTargetNode */
  GArray            *custom;       /* double per item: typed percentage, NAN when none */
  GArray            *replaced;     /* gint64: ids of existing children to delete */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxTargetDecomposition, jx_target_decomposition, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return JX_TYPE_TARGET_NODE;
}

static guint
get_n_items (GListModel *model)
{
  return JX_TARGET_DECOMPOSITION (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  JxTargetDecomposition *self = JX_TARGET_DECOMPOSITION (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
jx_target_decomposition_finalize (GObject *object)
{
  JxTargetDecomposition *self = JX_TARGET_DECOMPOSITION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->facts, jx_target_facts_unref);
  g_clear_object (&self->parent);
  g_free (self->note);
  g_ptr_array_unref (self->items);
  g_array_unref (self->custom);
  g_array_unref (self->replaced);
  G_OBJECT_CLASS (jx_target_decomposition_parent_class)->finalize (object);
}

static void
jx_target_decomposition_class_init (JxTargetDecompositionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_target_decomposition_finalize;
}

static void
jx_target_decomposition_init (JxTargetDecomposition *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->custom = g_array_new (FALSE, FALSE, sizeof (double));
  self->replaced = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->seasonal_years = DEFAULT_SEASONAL_YEARS;
}

static JxTargetNode *
item_at (JxTargetDecomposition *self,
         guint                  i)
{
  return self->items->pdata[i];
}

static void
add_child (JxTargetDecomposition *self,
           const char            *name,
           const JxPeriod        *period,
           JxTargetDimension      own,
           gint64                 value_id,
           const char            *value_tier,
           const char            *value_name)
{
  JxTargetNode *parent = self->parent;
  JxTargetNodeRow row = { 0 };
  JxTargetNode *node = jx_target_node_new_private ();
  char from[11], to[11];

  jx_date_to_iso_buf (&period->from, from);
  jx_date_to_iso_buf (&period->to, to);
  row.plan_id = parent->plan_id;
  row.parent_id = parent->id;
  row.position = (int) self->items->len;
  row.name = name;
  row.metric = parent->metric;
  row.from = from;
  row.to = to;
  row.dimension = own;
  row.filters = parent->filters;
  for (guint d = 0; d < JX_TARGET_N_DIMENSIONS; d++)
    row.filter_names[d] = parent->filter_names[d];
  switch (own)
    {
    case JX_TARGET_DIMENSION_REGION: row.filters.region_id = value_id; break;
    case JX_TARGET_DIMENSION_MEMBER:
      row.filters.member_id = value_id;
      row.owner_id = value_id;
      row.owner_name = value_name;
      break;
    case JX_TARGET_DIMENSION_PRODUCT_LINE: row.filters.product_line_id = value_id; break;
    case JX_TARGET_DIMENSION_CUSTOMER_TYPE: row.filters.customer_type_id = value_id; break;
    case JX_TARGET_DIMENSION_TIER: row.filters.tier = value_tier; break;
    default: break;
    }
  if (!jx_target_dimension_is_time (own))
    row.filter_names[own] = value_name;
  if (row.owner_id == 0 && jx_target_dimension_is_time (own))
    {
      /* A period of the same target belongs to the same person. */
      row.owner_id = parent->owner_id;
      row.owner_name = parent->owner_name;
    }
  jx_target_node_update (node, &row);
  jx_target_node_set_place (node, parent, parent->depth + 1);
  g_ptr_array_add (self->items, node);
  {
    double none = NAN;
    g_array_append_val (self->custom, none);
  }
}

static gboolean
add_rows (JxTargetDecomposition  *self,
          const char             *sql,
          gint64                  bind,
          JxTargetDimension       own,
          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store, sql, error);
  JxPeriod period = { self->parent->from, self->parent->to };
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (bind > 0)
    sqlite3_bind_int64 (stmt, 1, bind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_child (self, jx_column_text (stmt, 1), &period, own, sqlite3_column_int64 (stmt, 0),
               NULL, jx_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
already_split (JxTargetDecomposition  *self,
               gboolean                set,
               GError                **error)
{
  if (!set)
    return FALSE;
  g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
               /* Translators: %s is a dimension such as "Product lines". */
               _("“%s” already stands for a single value of “%s”; choose another dimension."),
               self->parent->name, jx_target_dimension_label (self->dimension));
  return TRUE;
}

static gboolean
build_children (JxTargetDecomposition  *self,
                GError                **error)
{
  JxTargetNode *parent = self->parent;
  const JxTargetFilters *f = &parent->filters;

  switch (self->dimension)
    {
    case JX_TARGET_DIMENSION_QUARTER:
    case JX_TARGET_DIMENSION_MONTH:
    case JX_TARGET_DIMENSION_WEEK:
      {
        g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (JxPeriod));
        JxPeriod whole = { parent->from, parent->to };

        jx_target_split_period (&whole, self->dimension, self->fiscal_start_month, periods);
        for (guint i = 0; i < periods->len; i++)
          {
            const JxPeriod *p = &g_array_index (periods, JxPeriod, i);
            g_autofree char *name = jx_target_period_name (p, self->dimension, &whole,
                                                           self->fiscal_start_month);

            add_child (self, name, p, self->dimension, 0, NULL, NULL);
          }
        break;
      }
    case JX_TARGET_DIMENSION_PRODUCT_LINE:
      if (already_split (self, f->product_line_id > 0, error) ||
          !add_rows (self, "SELECT id, name FROM product_lines ORDER BY id", 0,
                     self->dimension, error))
        return FALSE;
      break;
    case JX_TARGET_DIMENSION_CUSTOMER_TYPE:
      if (already_split (self, f->customer_type_id > 0, error) ||
          !add_rows (self, "SELECT id, name FROM customer_types ORDER BY id", 0,
                     self->dimension, error))
        return FALSE;
      break;
    case JX_TARGET_DIMENSION_REGION:
      if (!add_rows (self, f->region_id > 0
                           ? "SELECT id, name FROM regions WHERE parent_id = ?1 ORDER BY id"
                           : "SELECT id, name FROM regions WHERE parent_id IS NULL ORDER BY id",
                     f->region_id, self->dimension, error))
        return FALSE;
      break;
    case JX_TARGET_DIMENSION_MEMBER:
      if (already_split (self, f->member_id > 0, error))
        return FALSE;
      if (f->region_id <= 0)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                       _("Team members are split within a region; split “%s” by region "
                         "first."), parent->name);
          return FALSE;
        }
      /* The region's sales people (its sub-regions included); its managers only when it
       * has nobody else. */
      if (!add_rows (self,
                     "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT r.id FROM regions r"
                     " JOIN sub ON r.parent_id = sub.id)"
                     " SELECT m.id, m.name FROM team_members m JOIN sub ON sub.id = m.region_id"
                     " WHERE m.active = 1 AND m.is_manager = 0 ORDER BY m.name, m.id",
                     f->region_id, self->dimension, error))
        return FALSE;
      if (self->items->len == 0 &&
          !add_rows (self,
                     "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT r.id FROM regions r"
                     " JOIN sub ON r.parent_id = sub.id)"
                     " SELECT m.id, m.name FROM team_members m JOIN sub ON sub.id = m.region_id"
                     " WHERE m.active = 1 ORDER BY m.name, m.id",
                     f->region_id, self->dimension, error))
        return FALSE;
      break;
    case JX_TARGET_DIMENSION_TIER:
      {
        static const char *const tiers[] = { "key", "growth", "maintain", "defend" };
        JxPeriod period = { parent->from, parent->to };

        if (already_split (self, f->tier != NULL, error))
          return FALSE;
        for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
          {
            const char *tier = jx_target_tier_from_string (tiers[i]);

            add_child (self, jx_target_tier_label (tier), &period, self->dimension, 0, tier,
                       jx_target_tier_label (tier));
          }
        break;
      }
    case JX_TARGET_DIMENSION_NONE:
    default:
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("Choose what to split the target by."));
      return FALSE;
    }
  if (self->items->len == 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   /* Translators: %s is a dimension such as "Regions". */
                   _("There is nothing to split “%s” into: no %s."), parent->name,
                   jx_target_dimension_label (self->dimension));
      return FALSE;
    }
  return TRUE;
}

/* Existing children of the same dimension keep their id, lock and (when locked) amount;
 * the others will be replaced. */
static void
match_existing (JxTargetDecomposition *self)
{
  GListModel *existing = jx_target_node_get_children (self->parent);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_insert (by_key, jx_target_node_dup_key (item_at (self, i)), item_at (self, i));
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(JxTargetNode) old = g_list_model_get_item (existing, i);
      g_autofree char *key = jx_target_node_dup_key (old);
      JxTargetNode *item = old->dimension == self->dimension
                           ? g_hash_table_lookup (by_key, key) : NULL;

      if (item != NULL && item->id == 0)
        {
          item->id = old->id;
          jx_target_node_set_locked_private (item, old->locked);
          jx_target_node_set_amount_private (item, old->amount);
          /* A name the manager changed stays. */
          g_free (item->name);
          item->name = g_strdup (old->name);
        }
      else
        g_array_append_val (self->replaced, old->id);
    }
}

static gboolean
recompute (JxTargetDecomposition  *self,
           GError                **error)
{
  JxTargetNode *parent = self->parent;
  guint n = self->items->len;
  g_autofree gint64 *weights = g_new0 (gint64, n);
  g_autofree gint64 *locked = g_new0 (gint64, n);
  g_autofree gint64 *amounts = g_new0 (gint64, n);
  g_autofree gint64 *basis = g_new (gint64, n);
  g_autofree double *real = g_new0 (double, n);
  gboolean use_real = FALSE;
  g_autofree char *note = NULL;

  self->method_used = self->method;
  for (guint i = 0; i < n; i++)
    {
      locked[i] = item_at (self, i)->locked ? item_at (self, i)->amount : JX_TARGET_UNLOCKED;
      basis[i] = -1;
      weights[i] = 1;
    }

  switch (self->method)
    {
    case JX_TARGET_METHOD_EQUAL:
      break;

    case JX_TARGET_METHOD_HISTORY:
      {
        gint64 sum = 0;
        JxPeriod last;

        g_assert (self->facts != NULL);
        for (guint i = 0; i < n; i++)
          {
            JxTargetNode *child = item_at (self, i);
            JxPeriod period = { child->from, child->to };

            jx_target_period_last_year (&period, self->dimension, &last);
            basis[i] = jx_target_facts_value_period (self->facts, child->metric, &child->filters,
                                                     &last.from, &last.to);
            weights[i] = basis[i];
            if (locked[i] == JX_TARGET_UNLOCKED)
              sum += basis[i];
          }
        {
          JxPeriod whole = { parent->from, parent->to };
          g_autofree char *text = NULL;

          jx_target_period_last_year (&whole, self->dimension, &last);
          text = jx_period_format (&last);
          if (sum <= 0)
            {
              for (guint i = 0; i < n; i++)
                weights[i] = 1;
              self->method_used = JX_TARGET_METHOD_EQUAL;
              note = g_strdup_printf (_("Nothing was won with these filters in the same period "
                                        "last year (%s), so the target is split equally."), text);
            }
          else
            note = g_strdup_printf (_("Shares of what was won in the same period last year (%s)."),
                                    text);
        }
        break;
      }

    case JX_TARGET_METHOD_SEASONAL:
      {
        double share[12];
        int used = 0, first = 0;

        g_assert (self->facts != NULL);
        if (!jx_target_dimension_is_time (self->dimension))
          {
            g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                         _("Seasonality splits a period; choose quarters, months or weeks."));
            return FALSE;
          }
        if (!jx_target_seasonal_day_weights (self->facts, parent->metric, &parent->filters,
                                             &parent->from, self->seasonal_years,
                                             self->fiscal_start_month, share, &used, &first))
          {
            self->method_used = JX_TARGET_METHOD_EQUAL;
            note = g_strdup (_("There is no complete year of sales to take a seasonal pattern "
                               "from, so the target is split equally."));
            break;
          }
        for (guint i = 0; i < n; i++)
          {
            JxTargetNode *child = item_at (self, i);
            JxPeriod period = { child->from, child->to };

            real[i] = jx_target_seasonal_weight (share, &period);
          }
        use_real = TRUE;
        if (used == 1)
          note = g_strdup_printf (_("Each month's share of the year in %d."), first);
        else
          note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Each month's average share of the year over "
                                               "%d year from %d.",
                                               "Each month's average share of the year over "
                                               "%d years from %d.", used),
                                  used, first);
        break;
      }

    case JX_TARGET_METHOD_WEIGHTS:
      {
        double sum = 0;
        gboolean any = FALSE;

        for (guint i = 0; i < n; i++)
          {
            double w = g_array_index (self->custom, double, i);

            real[i] = isfinite (w) && w > 0 ? w : 0;
            if (isfinite (w))
              any = TRUE;
            if (locked[i] == JX_TARGET_UNLOCKED)
              sum += real[i];
          }
        if (!any || sum <= 0)
          {
            self->method_used = JX_TARGET_METHOD_EQUAL;
            note = g_strdup (_("No weights entered yet, so the target is split equally."));
            break;
          }
        use_real = TRUE;
        if (fabs (sum - 100) > 0.005)
          {
            g_autofree char *pct = jx_percent_format (sum / 100, 1);

            note = g_strdup_printf (_("The weights add up to %s; they are scaled to 100%%."), pct);
          }
        break;
      }

    case JX_TARGET_METHOD_MANUAL:
    default:
      for (guint i = 0; i < n; i++)
        amounts[i] = item_at (self, i)->amount;
      goto apply;
    }

  if (use_real)
    jx_target_weights_from_doubles (real, n, weights);
  if (!jx_target_split (parent->amount, weights, locked, n, amounts, error))
    return FALSE;

apply:
  for (guint i = 0; i < n; i++)
    {
      JxTargetNode *child = item_at (self, i);

      jx_target_node_set_amount_private (child, amounts[i]);
      jx_target_node_set_share (child, parent->amount > 0
                                       ? 100.0 * amounts[i] / parent->amount : 0, basis[i]);
    }
  g_free (self->note);
  self->note = g_steal_pointer (&note);
  return TRUE;
}

JxTargetDecomposition *
jx_target_decomposition_new_private (JxStore            *store,
                                     JxTargetFacts      *facts,
                                     JxTargetNode       *parent,
                                     JxTargetDimension   dimension,
                                     JxTargetMethod      method,
                                     int                 fiscal_start_month,
                                     GError            **error)
{
  g_autoptr(JxTargetDecomposition) self = g_object_new (JX_TYPE_TARGET_DECOMPOSITION, NULL);

  self->store = g_object_ref (store);
  self->facts = facts != NULL ? jx_target_facts_ref (facts) : NULL;
  self->parent = g_object_ref (parent);
  self->dimension = dimension;
  self->method = method;
  self->fiscal_start_month = fiscal_start_month;
  if ((method == JX_TARGET_METHOD_HISTORY || method == JX_TARGET_METHOD_SEASONAL) &&
      facts == NULL)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("The sales history could not be read."));
      return NULL;
    }
  if (!build_children (self, error))
    return NULL;
  match_existing (self);
  if (!recompute (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GArray *
jx_target_decomposition_get_replaced (JxTargetDecomposition *self)
{
  return self->replaced;
}

/* Returns: (transfer none): the target being split */
JxTargetNode *
jx_target_decomposition_get_parent (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), NULL);
  return self->parent;
}

JxTargetDimension
jx_target_decomposition_get_dimension (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), JX_TARGET_DIMENSION_NONE);
  return self->dimension;
}

JxTargetMethod
jx_target_decomposition_get_method (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), JX_TARGET_METHOD_EQUAL);
  return self->method;
}

/* The method that made the amounts: equal when history or seasonality had no data. */
JxTargetMethod
jx_target_decomposition_get_method_used (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), JX_TARGET_METHOD_EQUAL);
  return self->method_used;
}

/* Returns: (nullable): what the split is based on, or why it fell back to equal */
const char *
jx_target_decomposition_get_note (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), NULL);
  return self->note;
}

/* How many existing sub-targets (with their own sub-targets) the split replaces. */
guint
jx_target_decomposition_get_n_replaced (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), 0);
  return self->replaced->len;
}

gint64
jx_target_decomposition_get_total (JxTargetDecomposition *self)
{
  gint64 total = 0;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    total += item_at (self, i)->amount;
  return total;
}

/* The parent's target minus the children's; negative when over-allocated. */
gint64
jx_target_decomposition_get_unallocated (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), 0);
  return self->parent->amount - jx_target_decomposition_get_total (self);
}

int
jx_target_decomposition_get_seasonal_years (JxTargetDecomposition *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), 0);
  return self->seasonal_years;
}

gboolean
jx_target_decomposition_set_method (JxTargetDecomposition  *self,
                                    JxTargetMethod          method,
                                    GError                **error)
{
  JxTargetMethod old;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  if ((method == JX_TARGET_METHOD_HISTORY || method == JX_TARGET_METHOD_SEASONAL) &&
      self->facts == NULL)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("The sales history could not be read."));
      return FALSE;
    }
  old = self->method;
  self->method = method;
  if (!recompute (self, error))
    {
      self->method = old;
      recompute (self, NULL);
      return FALSE;
    }
  return TRUE;
}

/* @n_years: how many complete years the seasonal pattern averages, 1 to 10 */
gboolean
jx_target_decomposition_set_seasonal_years (JxTargetDecomposition  *self,
                                            int                     n_years,
                                            GError                **error)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  if (n_years < 1 || n_years > 10)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("Seasonality averages 1 to 10 years."));
      return FALSE;
    }
  self->seasonal_years = n_years;
  return recompute (self, error);
}

static gboolean
check_position (JxTargetDecomposition  *self,
                guint                   position,
                GError                **error)
{
  if (position < self->items->len)
    return TRUE;
  g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
               _("There is no sub-target number %u."), position + 1);
  return FALSE;
}

/* Sets a custom weight (percent) and switches to the weights method. */
gboolean
jx_target_decomposition_set_weight (JxTargetDecomposition  *self,
                                    guint                   position,
                                    double                  percent,
                                    GError                **error)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  if (!check_position (self, position, error))
    return FALSE;
  if (!isfinite (percent) || percent < 0 || percent > 100)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("A weight is a percentage from 0 to 100."));
      return FALSE;
    }
  g_array_index (self->custom, double, position) = percent;
  self->method = JX_TARGET_METHOD_WEIGHTS;
  return recompute (self, error);
}

/**
 * jx_target_decomposition_set_weights_text:
 * @text: "NAME=PCT,NAME=PCT,…" with the children's names (any case)
 *
 * Sets custom weights by name; children not named weigh 0.
 */
gboolean
jx_target_decomposition_set_weights_text (JxTargetDecomposition  *self,
                                          const char             *text,
                                          GError                **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) weights = NULL;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  weights = g_array_sized_new (FALSE, TRUE, sizeof (double), self->items->len);
  g_array_set_size (weights, self->items->len);
  parts = g_strsplit (text, ",", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      char *eq;
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;
      char *end = NULL;
      double pct;
      gboolean found = FALSE;

      if (g_strstrip (parts[p])[0] == '\0')
        continue;
      eq = strrchr (parts[p], '=');
      if (eq == NULL)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                       _("“%s” is not NAME=PERCENT."), parts[p]);
          return FALSE;
        }
      name = g_strstrip (g_strndup (parts[p], eq - parts[p]));
      folded = g_utf8_casefold (name, -1);
      pct = g_ascii_strtod (g_strstrip (eq + 1), &end);
      if (end != NULL && *end == '%')
        end++;
      if (end == eq + 1 || end == NULL || *end != '\0' || !isfinite (pct) || pct < 0 || pct > 100)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                       _("The weight of “%s” must be a percentage from 0 to 100."), name);
          return FALSE;
        }
      for (guint i = 0; i < self->items->len; i++)
        {
          g_autofree char *item = g_utf8_casefold (item_at (self, i)->name, -1);

          if (g_strcmp0 (item, folded) == 0)
            {
              g_array_index (weights, double, i) = pct;
              found = TRUE;
            }
        }
      if (!found)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < self->items->len; i++)
            g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "", item_at (self, i)->name);
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                       _("There is no sub-target named “%s”; the names are: %s."), name,
                       names->str);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->custom, double, i) = g_array_index (weights, double, i);
  self->method = JX_TARGET_METHOD_WEIGHTS;
  return recompute (self, error);
}

/* A locked child keeps its amount when the others are recomputed. */
gboolean
jx_target_decomposition_set_locked (JxTargetDecomposition  *self,
                                    guint                   position,
                                    gboolean                locked,
                                    GError                **error)
{
  JxTargetNode *child;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  if (!check_position (self, position, error))
    return FALSE;
  child = item_at (self, position);
  jx_target_node_set_locked_private (child, locked);
  if (!recompute (self, error))
    {
      jx_target_node_set_locked_private (child, !locked);
      recompute (self, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_target_decomposition_set_amount:
 *
 * With the manual method, sets the child's amount and leaves the rest unallocated.
 * Otherwise locks the child at @amount and shares the rest among the unlocked others.
 */
gboolean
jx_target_decomposition_set_amount (JxTargetDecomposition  *self,
                                    guint                   position,
                                    gint64                  amount,
                                    GError                **error)
{
  JxTargetNode *child;
  gint64 old_amount;
  gboolean old_locked;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (self), FALSE);
  if (!check_position (self, position, error))
    return FALSE;
  if (amount < 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("A target cannot be negative."));
      return FALSE;
    }
  child = item_at (self, position);
  old_amount = child->amount;
  old_locked = child->locked;
  jx_target_node_set_amount_private (child, amount);
  if (self->method != JX_TARGET_METHOD_MANUAL)
    jx_target_node_set_locked_private (child, TRUE);
  if (!recompute (self, error))
    {
      jx_target_node_set_amount_private (child, old_amount);
      jx_target_node_set_locked_private (child, old_locked);
      recompute (self, NULL);
      return FALSE;
    }
  return TRUE;
}
