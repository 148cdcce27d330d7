/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-region.h"
#include "jx-notify-private.h"
#include "jx-row-private.h"
#include "jx-sqlite-private.h"

/*
 * Sales regions as a tree for the Regions view (GtkTreeListModel over jx_region_get_children).
 * Each region carries the figures of its whole subtree: won revenue of the last 12 months
 * (deals won by customers of the region), customers, reps (active members who are not
 * managers), and its market potential, which for a region without its own is the sum of
 * its children's. The share of potential is won / potential.
 *
 * When a reload finds the same regions in the same places, the objects are updated in place,
 * so expanded rows stay expanded.
 */

struct _JxRegion {
  GObject     parent_instance;

  gint64      id;
  gint64      parent_id;
  char       *name;
  gint64      own_potential;   /* −1 unknown */
  gint64      potential;       /* own, or the children's sum; −1 unknown */
  gint64      won_12m;
  guint       n_customers;
  guint       n_reps;
  char       *competitors;
  char       *strategy;
  guint       depth;
  GListStore *children;
};

struct _JxRegionTree {
  GObject     parent_instance;

  JxStore    *store;
  gulong      changed_id;
  GDate       today;
  GListStore *roots;
  char       *shape;           /* "id/parent;…" of the last load */
};

static void jx_region_tree_model_init (GListModelInterface *iface);

G_DEFINE_TYPE (JxRegion, jx_region, G_TYPE_OBJECT)
G_DEFINE_TYPE_WITH_CODE (JxRegionTree, jx_region_tree, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_region_tree_model_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_POTENTIAL,
  PROP_WON_12M,
  PROP_SHARE,
  PROP_N_CUSTOMERS,
  PROP_N_REPS,
  PROP_COMPETITORS,
  PROP_STRATEGY,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JxRegion *self = JX_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POTENTIAL:
      g_value_set_int64 (value, self->potential);
      break;
    case PROP_WON_12M:
      g_value_set_int64 (value, self->won_12m);
      break;
    case PROP_SHARE:
      g_value_set_double (value, jx_region_get_share (self));
      break;
    case PROP_N_CUSTOMERS:
      g_value_set_uint (value, self->n_customers);
      break;
    case PROP_N_REPS:
      g_value_set_uint (value, self->n_reps);
      break;
    case PROP_COMPETITORS:
      g_value_set_string (value, self->competitors);
      break;
    case PROP_STRATEGY:
      g_value_set_string (value, self->strategy);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_region_finalize (GObject *object)
{
  JxRegion *self = JX_REGION (object);

  g_free (self->name);
  g_free (self->competitors);
  g_free (self->strategy);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (jx_region_parent_class)->finalize (object);
}

static void
jx_region_class_init (JxRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jx_region_get_property;
  object_class->finalize = jx_region_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_POTENTIAL] = g_param_spec_int64 ("potential", NULL, NULL, -1, G_MAXINT64, -1,
                                                   ro);
  properties[PROP_WON_12M] = g_param_spec_int64 ("won-12m", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SHARE] = g_param_spec_double ("share", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                                ro);
  properties[PROP_N_CUSTOMERS] = g_param_spec_uint ("n-customers", NULL, NULL, 0, G_MAXUINT, 0,
                                                    ro);
  properties[PROP_N_REPS] = g_param_spec_uint ("n-reps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_COMPETITORS] = g_param_spec_string ("competitors", NULL, NULL, NULL, ro);
  properties[PROP_STRATEGY] = g_param_spec_string ("strategy", NULL, NULL, NULL, ro);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_region_init (JxRegion *self)
{
  self->children = g_list_store_new (JX_TYPE_REGION);
  self->potential = self->own_potential = -1;
}

gint64
jx_region_get_id (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->id;
}

gint64
jx_region_get_parent_id (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->parent_id;
}

const char *
jx_region_get_name (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), NULL);
  return self->name;
}

/* Yearly market potential (its own, or its children's sum), −1 when unknown. */
gint64
jx_region_get_potential (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), -1);
  return self->potential;
}

/* The potential entered for the region itself, −1 when none was (jx_region_get_potential()
 * then gives the sum of its subregions'); what an editor shows. */
gint64
jx_region_get_own_potential (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), -1);
  return self->own_potential;
}

/* Won revenue of the last 12 months from the customers of the region and its subregions. */
gint64
jx_region_get_won_12m (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->won_12m;
}

/* Won revenue as a share of the potential (0.25 is 25%), NaN without potential. */
double
jx_region_get_share (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), NAN);
  if (self->potential <= 0)
    return NAN;
  return (double) self->won_12m / (double) self->potential;
}

guint
jx_region_get_n_customers (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->n_customers;
}

guint
jx_region_get_n_reps (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->n_reps;
}

const char *
jx_region_get_competitors (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), NULL);
  return self->competitors;
}

const char *
jx_region_get_strategy (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), NULL);
  return self->strategy;
}

/* 0 for a top-level region. */
guint
jx_region_get_depth (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), 0);
  return self->depth;
}

/**
 * jx_region_get_children:
 *
 * Returns: (transfer none): the subregions, by name
 */
GListModel *
jx_region_get_children (JxRegion *self)
{
  g_return_val_if_fail (JX_IS_REGION (self), NULL);
  return G_LIST_MODEL (self->children);
}

/* Loading */

typedef struct {
  gint64  id;
  gint64  parent_id;
  char   *name;
  gint64  potential;
  char   *competitors;
  char   *strategy;
  gint64  won;
  guint   customers;
  guint   reps;
} RegionRecord;

static void
record_clear (gpointer data)
{
  RegionRecord *r = data;

  g_free (r->name);
  g_free (r->competitors);
  g_free (r->strategy);
}

static gboolean
add_counts (JxStore     *store,
            const char  *sql,
            GHashTable  *index,
            GArray      *records,
            int          what,
            const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (from != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      RegionRecord *r;

      if (i == 0)
        continue;
      r = &g_array_index (records, RegionRecord, i - 1);
      if (what == 0)
        r->won += sqlite3_column_int64 (stmt, 1);
      else if (what == 1)
        r->customers += sqlite3_column_int64 (stmt, 1);
      else
        r->reps += sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Fills @region from record @i and its subtree (children first), returning the subtree's
 * sums in the region. @reuse, when set, is the region of the same id from the last load. */
static void
fill_region (JxRegion     *region,
             GArray       *records,
             GPtrArray    *children_of,   /* per record: GArray of child record indexes */
             guint         i,
             guint         depth,
             JxRegionTree *tree,
             gboolean      reuse)
{
  RegionRecord *r = &g_array_index (records, RegionRecord, i);
  GArray *kids = g_ptr_array_index (children_of, i);
  gint64 won = r->won, kids_potential = 0;
  guint customers = r->customers, reps = r->reps;
  gboolean any_potential = FALSE;

  for (guint k = 0; k < kids->len; k++)
    {
      guint child = g_array_index (kids, guint, k);
      g_autoptr(JxRegion) kid = NULL;

      if (reuse)
        kid = g_list_model_get_item (G_LIST_MODEL (region->children), k);
      else
        {
          kid = g_object_new (JX_TYPE_REGION, NULL);
          g_list_store_append (region->children, kid);
        }
      fill_region (kid, records, children_of, child, depth + 1, tree, reuse);
      won += kid->won_12m;
      customers += kid->n_customers;
      reps += kid->n_reps;
      if (kid->potential >= 0)
        {
          kids_potential += kid->potential;
          any_potential = TRUE;
        }
    }

  g_object_freeze_notify (G_OBJECT (region));
  region->id = r->id;
  region->parent_id = r->parent_id;
  region->depth = depth;
  region->own_potential = r->potential;
  jx_set_string_and_notify (region, &region->name, r->name, properties[PROP_NAME]);
  jx_set_string_and_notify (region, &region->competitors, r->competitors,
                            properties[PROP_COMPETITORS]);
  jx_set_string_and_notify (region, &region->strategy, r->strategy, properties[PROP_STRATEGY]);
  JX_SET_AND_NOTIFY (region, potential,
                     r->potential >= 0 ? r->potential : any_potential ? kids_potential : -1,
                     properties[PROP_POTENTIAL]);
  if (region->won_12m != won)
    {
      region->won_12m = won;
      g_object_notify_by_pspec (G_OBJECT (region), properties[PROP_WON_12M]);
      g_object_notify_by_pspec (G_OBJECT (region), properties[PROP_SHARE]);
    }
  JX_SET_AND_NOTIFY (region, n_customers, customers, properties[PROP_N_CUSTOMERS]);
  JX_SET_AND_NOTIFY (region, n_reps, reps, properties[PROP_N_REPS]);
  g_object_thaw_notify (G_OBJECT (region));
}

gboolean
jx_region_tree_reload (JxRegionTree  *self,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (RegionRecord));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  g_autoptr(GPtrArray) children_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) shape = g_string_new (NULL);
  GDate year_ago = self->today;
  char from[11], to[11];
  gboolean reuse;
  int rc;

  g_return_val_if_fail (JX_IS_REGION_TREE (self), FALSE);

  g_array_set_clear_func (records, record_clear);
  g_date_subtract_months (&year_ago, 12);
  jx_date_to_iso_buf (&year_ago, from);
  jx_date_to_iso_buf (&self->today, to);

  stmt = jx_store_prepare (self->store,
                           "SELECT id, coalesce(parent_id, 0), name, coalesce(potential, -1), "
                           "competitors, strategy FROM regions ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegionRecord r = { 0 };

      r.id = sqlite3_column_int64 (stmt, 0);
      r.parent_id = sqlite3_column_int64 (stmt, 1);
      r.name = g_strdup (jx_column_text (stmt, 2));
      r.potential = sqlite3_column_int64 (stmt, 3);
      r.competitors = g_strdup (jx_column_text (stmt, 4));
      r.strategy = g_strdup (jx_column_text (stmt, 5));
      g_array_append_val (records, r);
      g_hash_table_insert (index, g_memdup2 (&r.id, sizeof r.id),
                           GUINT_TO_POINTER (records->len));
      g_ptr_array_add (children_of, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }

  if (!add_counts (self->store,
                   "SELECT c.region_id, sum(d.amount) FROM deals d "
                   "JOIN customers c ON c.id = d.customer_id "
                   "WHERE d.status = 1 AND d.closed > ?1 AND d.closed <= ?2 GROUP BY c.region_id",
                   index, records, 0, from, to, error) ||
      !add_counts (self->store,
                   "SELECT region_id, count(*) FROM customers GROUP BY region_id",
                   index, records, 1, NULL, NULL, error) ||
      !add_counts (self->store,
                   "SELECT region_id, count(*) FROM team_members "
                   "WHERE active = 1 AND is_manager = 0 GROUP BY region_id",
                   index, records, 2, NULL, NULL, error))
    return FALSE;

  /* Parents; a parent that is missing, or a loop made by hand, makes a top-level region. */
  for (guint i = 0; i < records->len; i++)
    {
      RegionRecord *r = &g_array_index (records, RegionRecord, i);
      guint parent = GPOINTER_TO_UINT (g_hash_table_lookup (index, &r->parent_id));
      gboolean loop = FALSE;
      gint64 up = r->parent_id;

      for (guint depth = 0; up > 0 && depth <= records->len; depth++)
        {
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, &up));

          if (up == r->id)
            {
              loop = TRUE;
              break;
            }
          up = k > 0 ? g_array_index (records, RegionRecord, k - 1).parent_id : 0;
        }
      if (parent == 0 || loop)
        {
          r->parent_id = 0;
          g_array_append_val (roots, i);
        }
      else
        g_array_append_val (g_ptr_array_index (children_of, parent - 1), i);
    }

  for (guint i = 0; i < records->len; i++)
    {
      RegionRecord *r = &g_array_index (records, RegionRecord, i);
      g_string_append_printf (shape, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ";", r->id,
                              r->parent_id);
    }
  reuse = g_strcmp0 (shape->str, self->shape) == 0;

  if (reuse)
    {
      for (guint k = 0; k < roots->len; k++)
        {
          g_autoptr(JxRegion) region = g_list_model_get_item (G_LIST_MODEL (self->roots), k);

          fill_region (region, records, children_of, g_array_index (roots, guint, k), 0, self,
                       TRUE);
        }
    }
  else
    {
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; k < roots->len; k++)
        {
          JxRegion *region = g_object_new (JX_TYPE_REGION, NULL);

          fill_region (region, records, children_of, g_array_index (roots, guint, k), 0, self,
                       FALSE);
          g_ptr_array_add (fresh, region);
        }
      g_list_store_splice (self->roots, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roots)),
                           fresh->pdata, fresh->len);
      g_free (self->shape);
      self->shape = g_string_free (g_steal_pointer (&shape), FALSE);
    }
  return TRUE;
}

/* JxRegionTree */

static GType
jx_region_tree_get_item_type (GListModel *model)
{
  return JX_TYPE_REGION;
}

static guint
jx_region_tree_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (JX_REGION_TREE (model)->roots));
}

static gpointer
jx_region_tree_get_item (GListModel *model,
                         guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (JX_REGION_TREE (model)->roots), position);
}

static void
jx_region_tree_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_region_tree_get_item_type;
  iface->get_n_items = jx_region_tree_get_n_items;
  iface->get_item = jx_region_tree_get_item;
}

static void
on_roots_changed_cb (GListModel   *roots,
                     guint         position,
                     guint         removed,
                     guint         added,
                     JxRegionTree *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_store_changed_cb (JxStore      *store,
                     guint         tables,
                     JxRegionTree *self)
{
  g_autoptr(GError) error = NULL;

  if ((tables & (JX_TABLE_REGIONS | JX_TABLE_CUSTOMERS | JX_TABLE_DEALS |
                 JX_TABLE_TEAM_MEMBERS)) == 0)
    return;
  if (!jx_region_tree_reload (self, &error))
    g_warning ("Could not reload the regions: %s", error->message);
}

static void
jx_region_tree_dispose (GObject *object)
{
  JxRegionTree *self = JX_REGION_TREE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->roots != NULL)
    g_signal_handlers_disconnect_by_func (self->roots, on_roots_changed_cb, self);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->shape, g_free);

  G_OBJECT_CLASS (jx_region_tree_parent_class)->dispose (object);
}

static void
jx_region_tree_class_init (JxRegionTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jx_region_tree_dispose;
}

static void
jx_region_tree_init (JxRegionTree *self)
{
  self->roots = g_list_store_new (JX_TYPE_REGION);
  g_signal_connect (self->roots, "items-changed", G_CALLBACK (on_roots_changed_cb), self);
}

/**
 * jx_region_tree_new:
 * @store: a #JxStore
 * @today: the day that ends the 12 months of won revenue
 * @error: return location for an error
 *
 * Returns: (transfer full): the top-level regions, following the store
 */
JxRegionTree *
jx_region_tree_new (JxStore      *store,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(JxRegionTree) self = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (JX_TYPE_REGION_TREE, NULL);
  self->store = g_object_ref (store);
  self->today = *today;
  if (!jx_region_tree_reload (self, error))
    return NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return g_steal_pointer (&self);
}

static void
flatten (GListModel *model,
         GPtrArray  *out)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      JxRegion *region = g_list_model_get_item (model, i);

      g_ptr_array_add (out, region);
      flatten (G_LIST_MODEL (region->children), out);
    }
}

/**
 * jx_region_tree_flatten:
 *
 * Returns: (transfer full) (element-type JxRegion): every region, parents before their
 *   children (the order of the tree, for the CLI and the chart)
 */
GPtrArray *
jx_region_tree_flatten (JxRegionTree *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (JX_IS_REGION_TREE (self), out);

  flatten (G_LIST_MODEL (self->roots), out);
  return out;
}

/**
 * jx_region_tree_find:
 *
 * Returns: (transfer none) (nullable): the region with @region_id
 */
JxRegion *
jx_region_tree_find (JxRegionTree *self,
                     gint64        region_id)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (JX_IS_REGION_TREE (self), NULL);

  all = jx_region_tree_flatten (self);
  for (guint i = 0; i < all->len; i++)
    if (JX_REGION (all->pdata[i])->id == region_id)
      return all->pdata[i];    /* the tree keeps its own reference */
  return NULL;
}

/* Editing */

static gboolean
validate_region (JxStore             *store,
                 gint64               region_id,
                 const JxRegionEdit  *edit,
                 JxRegionFields       fields,
                 char               **name,
                 GError             **error)
{
  if ((fields & JX_REGION_FIELD_NAME) &&
      (*name = jx_row_clean_name (edit->name, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                                  _("Enter a name for the region (at most 200 characters)."),
                                  error)) == NULL)
    return FALSE;
  if ((fields & JX_REGION_FIELD_PARENT) &&
      !jx_row_check_parent (store, "SELECT 1 FROM regions WHERE id = ?",
                            "SELECT coalesce(parent_id, 0) FROM regions WHERE id = ?",
                            region_id, edit->parent_id,
                            _("The chosen parent region no longer exists; choose another one."),
                            _("A region cannot lie inside itself or inside one of its "
                              "subregions; choose another parent."), error))
    return FALSE;
  if ((fields & JX_REGION_FIELD_POTENTIAL) && edit->potential < -1)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The market potential cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

static void
explain_region_constraint (GError     **error,
                           const char  *name)
{
  if (error != NULL && *error != NULL &&
      g_error_matches (*error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT) && name != NULL)
    {
      g_clear_error (error);
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT,
                   _("There is already a region called “%s”; choose another name."), name);
    }
}

/* Binds @field of @data, a JxRegionEdit whose name is the checked one. */
static void
bind_field (sqlite3_stmt  *stmt,
            int            idx,
            guint          field,
            gconstpointer  data)
{
  const JxRegionEdit *edit = data;

  switch (field)
    {
    case JX_REGION_FIELD_NAME:
      sqlite3_bind_text (stmt, idx, edit->name, -1, SQLITE_TRANSIENT);
      break;
    case JX_REGION_FIELD_PARENT:
      jx_bind_id_or_null (stmt, idx, edit->parent_id);
      break;
    case JX_REGION_FIELD_POTENTIAL:
      if (edit->potential >= 0)
        sqlite3_bind_int64 (stmt, idx, edit->potential);
      else
        sqlite3_bind_null (stmt, idx);
      break;
    case JX_REGION_FIELD_COMPETITORS:
      sqlite3_bind_text (stmt, idx, edit->competitors != NULL ? edit->competitors : "", -1,
                         SQLITE_TRANSIENT);
      break;
    case JX_REGION_FIELD_STRATEGY:
    default:
      sqlite3_bind_text (stmt, idx, edit->strategy != NULL ? edit->strategy : "", -1,
                         SQLITE_TRANSIENT);
      break;
    }
}

/* Adds a region (all fields of @edit); returns its id, or 0 on error. */
gint64
jx_region_add (JxStore             *store,
               const JxRegionEdit  *edit,
               GError             **error)
{
  static const guint columns[] = {
    JX_REGION_FIELD_NAME, JX_REGION_FIELD_PARENT, JX_REGION_FIELD_POTENTIAL,
    JX_REGION_FIELD_COMPETITORS, JX_REGION_FIELD_STRATEGY,
  };
  g_autofree char *name = NULL;
  JxRegionEdit checked;
  gint64 id;

  g_return_val_if_fail (JX_IS_STORE (store), 0);
  g_return_val_if_fail (edit != NULL, 0);

  if (!validate_region (store, 0, edit, JX_REGION_FIELD_ALL, &name, error))
    return 0;
  checked = *edit;
  checked.name = name;
  id = jx_row_insert (store, _("Add region"),
                      "INSERT INTO regions(name, parent_id, potential, competitors, strategy) "
                      "VALUES (?, ?, ?, ?, ?)",
                      columns, G_N_ELEMENTS (columns), bind_field, &checked, error);
  if (id == 0)
    explain_region_constraint (error, name);
  return id;
}

/**
 * jx_region_update:
 * @store: a #JxStore
 * @region_id: the region
 * @edit: new values
 * @fields: which fields of @edit to write
 * @error: return location for an error
 *
 * Changes a region in one undoable step ("Edit region").
 */
gboolean
jx_region_update (JxStore             *store,
                  gint64               region_id,
                  const JxRegionEdit  *edit,
                  JxRegionFields       fields,
                  GError             **error)
{
  static const JxRowUpdate updates[] = {
    { JX_REGION_FIELD_NAME, "UPDATE regions SET name = ?2 WHERE id = ?1" },
    { JX_REGION_FIELD_PARENT, "UPDATE regions SET parent_id = ?2 WHERE id = ?1" },
    { JX_REGION_FIELD_POTENTIAL, "UPDATE regions SET potential = ?2 WHERE id = ?1" },
    { JX_REGION_FIELD_COMPETITORS, "UPDATE regions SET competitors = ?2 WHERE id = ?1" },
    { JX_REGION_FIELD_STRATEGY, "UPDATE regions SET strategy = ?2 WHERE id = ?1" },
  };
  g_autofree char *name = NULL;
  JxRegionEdit checked;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!jx_row_exists (store, "SELECT 1 FROM regions WHERE id = ?", region_id))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("This region no longer exists."));
      return FALSE;
    }
  if (!validate_region (store, region_id, edit, fields, &name, error))
    return FALSE;
  checked = *edit;
  checked.name = name;
  if (!jx_row_update (store, _("Edit region"), region_id, updates, G_N_ELEMENTS (updates), fields,
                      bind_field, &checked, error))
    {
      explain_region_constraint (error, name);
      return FALSE;
    }
  return TRUE;
}

/* Removes a region; its subregions move to the top level and its customers and members keep
 * no region (one undoable step). */
gboolean
jx_region_remove (JxStore  *store,
                  gint64    region_id,
                  GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  return jx_row_delete (store, _("Remove region"), "DELETE FROM regions WHERE id = ?", region_id,
                        _("This region no longer exists."), error);
}
