/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-row-private.h"
#include "jx-sqlite-private.h"
#include "jx-target-private.h"
#include "jx-target-split.h"
#include "jx-target-tree.h"

/*
 * JxTargetTree is a plan's targets as JxTargetNode objects, and the one place that changes
 * them. Every change is one labelled store transaction (so one Undo step); afterwards the
 * tree rereads the part of the plan that changed. Changes from elsewhere (Undo, another
 * view) arrive through JxStore::changed and reread the whole plan. Rereading keeps the
 * node objects of ids that still exist and updates them in place, so views bound to them
 * (a GtkTreeListModel over the children lists) keep their rows and expanded state.
 *
 * Actuals come from JxTargetFacts, loaded once and dropped when deals or the tables they
 * point at change.
 */

#define FACT_TABLES (JX_TABLE_DEALS | JX_TABLE_CUSTOMERS | JX_TABLE_PRODUCTS | \
                     JX_TABLE_REGIONS | JX_TABLE_TEAM_MEMBERS | JX_TABLE_PRODUCT_LINES | \
                     JX_TABLE_CUSTOMER_TYPES)
#define ON_PACE_TOLERANCE 0.9
#define SEASONAL_YEARS 3

struct _JxTargetTree {
  GObject              parent_instance;

  JxStore             *store;
  gulong               changed_id;
  gint64               plan_id;
  GListStore          *roots;
  GHashTable          *nodes;         /* id -> JxTargetNode */
  char                *currency;
  int                  fiscal_start_month;
  GDate                today;
  JxTargetExpectation  expectation;
  JxTargetFacts       *facts;
  gboolean             actuals_wanted;
  gboolean             pipeline_wanted;
  gboolean             writing;
  /* Set by jx_target_tree_refresh_async(): the facts are then read in a worker thread
   * only, and facts_generation tells a finished read whether the deals changed since. */
  gboolean             background;
  guint                facts_generation;
  /* Seasonal month shares per metric for the seasonal expectation. */
  gboolean             season_known[3];
  gboolean             season_ok[3];
  double               season[3][12];
};

G_DEFINE_FINAL_TYPE (JxTargetTree, jx_target_tree, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean reload (JxTargetTree *self, JxTargetNode *subtree, GError **error);

static void
drop_facts (JxTargetTree *self)
{
  self->facts_generation++;
  g_clear_pointer (&self->facts, jx_target_facts_unref);
  memset (self->season_known, 0, sizeof self->season_known);
}

static JxTargetFacts *
get_facts (JxTargetTree  *self,
           GError       **error)
{
  if (self->facts == NULL)
    self->facts = jx_target_facts_load (self->store, &self->today, error);
  return self->facts;
}

/* Whether rereading may compute the figures: with background loading it never reads the
 * deals itself, it waits for the next jx_target_tree_refresh_async(). */
static gboolean
have_facts (JxTargetTree *self)
{
  if (self->facts != NULL)
    return TRUE;
  return !self->background && get_facts (self, NULL) != NULL;
}

static void
on_store_changed_cb (JxStore      *store,
                     guint         tables,
                     JxTargetTree *self)
{
  g_autoptr(GError) error = NULL;

  if (tables & FACT_TABLES)
    drop_facts (self);
  if (tables & JX_TABLE_SETTINGS)
    {
      g_free (self->currency);
      self->currency = jx_store_get_setting (self->store, "currency");
      self->fiscal_start_month = jx_target_fiscal_start_month (self->store);
    }
  /* Our own writes reread only what they changed. */
  if (self->writing)
    return;
  if ((tables & (JX_TABLE_TARGET_NODES | JX_TABLE_TARGET_PLANS | FACT_TABLES)) == 0)
    return;
  if (!reload (self, NULL, &error))
    g_warning ("Could not reload the targets: %s", error->message);
}

static void
jx_target_tree_dispose (GObject *object)
{
  JxTargetTree *self = JX_TARGET_TREE (object);

  if (self->store != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  drop_facts (self);
  G_OBJECT_CLASS (jx_target_tree_parent_class)->dispose (object);
}

static void
jx_target_tree_finalize (GObject *object)
{
  JxTargetTree *self = JX_TARGET_TREE (object);

  g_free (self->currency);
  G_OBJECT_CLASS (jx_target_tree_parent_class)->finalize (object);
}

static void
jx_target_tree_class_init (JxTargetTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_target_tree_dispose;
  object_class->finalize = jx_target_tree_finalize;

  /**
   * JxTargetTree::changed:
   *
   * Emitted after the tree was reread or its actuals recomputed, for views that draw the
   * whole tree (the tree chart) rather than bind to single nodes.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
jx_target_tree_init (JxTargetTree *self)
{
  self->roots = g_list_store_new (JX_TYPE_TARGET_NODE);
  self->nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->actuals_wanted = FALSE;
}

/**
 * jx_target_tree_new:
 * @store: the database
 * @plan_id: the plan whose targets to show
 * @today: the day attainment and the win-rate window are measured on
 *
 * Call jx_target_tree_load() to read the targets and jx_target_tree_refresh_actuals() to
 * compute actuals and attainment.
 */
JxTargetTree *
jx_target_tree_new (JxStore     *store,
                    gint64       plan_id,
                    const GDate *today)
{
  JxTargetTree *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (JX_TYPE_TARGET_TREE, NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  self->today = *today;
  self->currency = jx_store_get_setting (store, "currency");
  self->fiscal_start_month = jx_target_fiscal_start_month (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return self;
}

JxStore *
jx_target_tree_get_store (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  return self->store;
}

gint64
jx_target_tree_get_plan_id (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), 0);
  return self->plan_id;
}

const char *
jx_target_tree_get_currency (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  return self->currency != NULL ? self->currency : "CNY";
}

/**
 * jx_target_tree_get_roots:
 *
 * Returns: (transfer none): the top-level targets, a #GListModel of #JxTargetNode
 */
GListModel *
jx_target_tree_get_roots (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  return G_LIST_MODEL (self->roots);
}

/* Returns: (transfer none) (nullable): the node with @id */
JxTargetNode *
jx_target_tree_lookup (JxTargetTree *self,
                       gint64        id)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  return g_hash_table_lookup (self->nodes, &id);
}

guint
jx_target_tree_get_n_nodes (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), 0);
  return g_hash_table_size (self->nodes);
}

void
jx_target_tree_get_today (JxTargetTree *self,
                          GDate        *today)
{
  g_return_if_fail (JX_IS_TARGET_TREE (self));
  *today = self->today;
}

/* A new day moves the win-rate window, so the facts are read again on the next refresh. */
void
jx_target_tree_set_today (JxTargetTree *self,
                          const GDate  *today)
{
  g_return_if_fail (JX_IS_TARGET_TREE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));
  if (g_date_compare (today, &self->today) == 0)
    return;
  self->today = *today;
  drop_facts (self);
}

JxTargetExpectation
jx_target_tree_get_expectation (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), JX_TARGET_EXPECTATION_LINEAR);
  return self->expectation;
}

/* Linear expects the target to accrue evenly over its period's days; seasonal follows
 * the average monthly pattern of the last three complete years. */
void
jx_target_tree_set_expectation (JxTargetTree        *self,
                                JxTargetExpectation  expectation)
{
  g_return_if_fail (JX_IS_TARGET_TREE (self));
  self->expectation = expectation;
}

/* Reading. */

/* Makes @store hold @items; returns whether it changed. */
static gboolean
sync_list (GListStore *store,
           GPtrArray  *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == items->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      same = item == items->pdata[i];
    }
  if (!same)
    g_list_store_splice (store, 0, n, items->pdata, items->len);
  return !same;
}

static void
place_subtree (JxTargetNode *node,
               JxTargetNode *parent,
               guint         depth)
{
  GListModel *children = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (children);
  gint64 total = 0;

  jx_target_node_set_place (node, parent, depth);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);

      place_subtree (child, node, depth + 1);
      total += child->amount;
    }
  jx_target_node_set_children_total (node, total);
}

static void
collect_subtree (JxTargetNode *node,
                 GHashTable   *set)
{
  GListModel *children = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (children);

  g_hash_table_add (set, &node->id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      collect_subtree (child, set);
    }
}

static double
expected_fraction (JxTargetTree *self,
                   JxTargetNode *node)
{
  JxPeriod period = { node->from, node->to };
  JxPeriod elapsed = period;
  int n_days = jx_period_n_days (&period);
  int done;

  if (g_date_compare (&self->today, &node->from) < 0)
    return 0;
  if (g_date_compare (&self->today, &node->to) >= 0)
    return 1;
  elapsed.to = self->today;
  done = jx_period_n_days (&elapsed);
  if (self->expectation == JX_TARGET_EXPECTATION_SEASONAL && self->facts != NULL)
    {
      int m = node->metric;

      if (!self->season_known[m])
        {
          JxTargetFilters none = { 0 };
          int used, first;

          self->season_ok[m] = jx_target_seasonal_day_weights (self->facts, node->metric, &none,
                                                               &self->today, SEASONAL_YEARS,
                                                               self->fiscal_start_month,
                                                               self->season[m], &used, &first);
          self->season_known[m] = TRUE;
        }
      if (self->season_ok[m])
        {
          double whole = jx_target_seasonal_weight (self->season[m], &period);

          if (whole > 0)
            return jx_target_seasonal_weight (self->season[m], &elapsed) / whole;
        }
    }
  return (double) done / n_days;
}

/* Actual, expected-to-date, pace, gap, win rate and pipeline needed of one node. */
static void
compute_status (JxTargetTree *self,
                JxTargetNode *node)
{
  JxTargetNodeStatus status = { 0 };
  JxTargetFilters none = { 0 };
  double fraction;
  double rate = 0;

  if (self->facts == NULL || !g_date_valid (&node->from) || !g_date_valid (&node->to))
    {
      status.pace = JX_TARGET_PACE_UNKNOWN;
      status.pipeline_needed = -1;
      jx_target_node_set_status (node, &status);
      return;
    }
  status.has_actual = TRUE;
  status.actual = jx_target_facts_value_period (self->facts, node->metric, &node->filters,
                                                &node->from, &node->to);
  fraction = expected_fraction (self, node);
  status.expected = (gint64) llround (node->amount * fraction);
  status.attainment = node->amount > 0 ? (double) status.actual / node->amount : 0;
  status.gap = node->amount - status.actual;
  if (g_date_compare (&self->today, &node->from) < 0)
    status.pace = JX_TARGET_PACE_NOT_STARTED;
  else if (node->amount <= 0 || status.actual >= status.expected)
    status.pace = JX_TARGET_PACE_AHEAD;
  else if (status.actual >= status.expected * ON_PACE_TOLERANCE)
    status.pace = JX_TARGET_PACE_ON_PACE;
  else
    status.pace = JX_TARGET_PACE_BEHIND;

  if (!self->pipeline_wanted)
    {
      status.pipeline_needed = -1;
      jx_target_node_set_status (node, &status);
      return;
    }
  /* With no closed deal for these filters in the window, the plan-wide rate stands in. */
  if (!jx_target_facts_win_rate (self->facts, node->metric, &node->filters, &rate, NULL, NULL))
    jx_target_facts_win_rate (self->facts, node->metric, &none, &rate, NULL, NULL);
  status.win_rate = rate;
  if (status.gap <= 0)
    status.pipeline_needed = 0;
  else if (rate > 0)
    status.pipeline_needed = (gint64) ceil ((double) status.gap / rate);
  else
    status.pipeline_needed = -1;
  jx_target_node_set_status (node, &status);
}

static void
compute_subtree (JxTargetTree *self,
                 JxTargetNode *node)
{
  GListModel *children = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (children);

  compute_status (self, node);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      compute_subtree (self, child);
    }
}

static void
compute_all (JxTargetTree *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roots));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) root = g_list_model_get_item (G_LIST_MODEL (self->roots), i);
      compute_subtree (self, root);
    }
}

/*
 * Rereads the plan, or only @subtree (the node and its descendants) after our own change.
 */
static gboolean
reload (JxTargetTree  *self,
        JxTargetNode  *subtree,
        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) children = NULL;   /* parent id (0 for roots) -> GPtrArray */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) old = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(JxTargetNode) keep_subtree = subtree != NULL ? g_object_ref (subtree) : NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  gint64 top_id = subtree != NULL ? subtree->id : 0;
  int rc;

  if (subtree != NULL)
    stmt = jx_store_prepare (self->store,
                             "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL"
                             " SELECT t.id FROM target_nodes t JOIN sub ON t.parent_id = sub.id) "
                             JX_TARGET_NODE_SELECT " JOIN sub ON sub.id = n.id"
                             " ORDER BY n.position, n.id", error);
  else
    stmt = jx_store_prepare (self->store, JX_TARGET_NODE_SELECT
                             " WHERE n.plan_id = ?1 ORDER BY n.position, n.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subtree != NULL ? subtree->id : self->plan_id);

  if (subtree != NULL)
    collect_subtree (subtree, old);
  else
    {
      g_hash_table_iter_init (&iter, self->nodes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_add (old, key);
    }

  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxTargetNodeRow row;
      JxTargetNode *node;
      GPtrArray *siblings;
      gint64 parent_key;

      jx_target_node_row_read (stmt, &row);
      node = g_hash_table_lookup (self->nodes, &row.id);
      if (node == NULL)
        {
          node = jx_target_node_new_private ();
          jx_target_node_update (node, &row);
          g_hash_table_insert (self->nodes, &node->id, node);
        }
      else
        jx_target_node_update (node, &row);
      g_hash_table_add (seen, &node->id);
      g_ptr_array_add (order, node);
      parent_key = node->id == top_id ? -1 : row.parent_id;
      siblings = g_hash_table_lookup (children, &parent_key);
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (children, g_memdup2 (&parent_key, sizeof parent_key), siblings);
        }
      g_ptr_array_add (siblings, node);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }

  /* Nodes that are gone. */
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        JxTargetNode *node = g_hash_table_lookup (self->nodes, key);

        g_ptr_array_add (removed, g_object_ref (node));
        g_hash_table_remove (self->nodes, key);
      }

  /* Children lists, then roots; a parent missing from the plan makes its node a root. */
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JxTargetNode *node = g_hash_table_lookup (self->nodes, key);
      GPtrArray *list = g_hash_table_lookup (children, &node->id);
      if (list == NULL)
        {
          if (g_list_model_get_n_items (G_LIST_MODEL (node->children)) > 0)
            {
              g_list_store_remove_all (node->children);
              jx_target_node_notify_children (node);
            }
        }
      else if (sync_list (node->children, list))
        jx_target_node_notify_children (node);
    }
  if (subtree == NULL)
    {
      g_autoptr(GPtrArray) roots = g_ptr_array_new ();

      /* In the query's order: position, then id. */
      for (guint i = 0; i < order->len; i++)
        {
          JxTargetNode *node = order->pdata[i];

          if (node->parent_id == 0 || !g_hash_table_contains (seen, &node->parent_id))
            g_ptr_array_add (roots, node);
        }
      sync_list (self->roots, roots);
      for (guint i = 0; i < roots->len; i++)
        place_subtree (roots->pdata[i], NULL, 0);
      if (self->actuals_wanted && have_facts (self))
        compute_all (self);
    }
  else if (g_hash_table_contains (seen, &top_id))
    {
      place_subtree (subtree, subtree->parent, subtree->depth);
      /* The sums of the ancestors. */
      for (JxTargetNode *a = subtree->parent; a != NULL; a = a->parent)
        {
          GListModel *list = G_LIST_MODEL (a->children);
          gint64 total = 0;

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(JxTargetNode) c = g_list_model_get_item (list, i);
              total += c->amount;
            }
          jx_target_node_set_children_total (a, total);
        }
      if (self->actuals_wanted && have_facts (self))
        compute_subtree (self, subtree);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/**
 * jx_target_tree_load:
 *
 * Reads (or rereads) the plan's targets.
 */
gboolean
jx_target_tree_load (JxTargetTree  *self,
                     GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  return reload (self, NULL, error);
}

/**
 * jx_target_tree_refresh_actuals:
 *
 * Computes every node's actual, attainment, expected-to-date, pace and gap. The won deals
 * are read once and indexed, so this costs a scan of the won deals and a few passes over
 * them however large the tree is. From then on, changes keep the figures up to date.
 * Win rates and pipeline needed come with jx_target_tree_refresh_pipeline().
 */
gboolean
jx_target_tree_refresh_actuals (JxTargetTree  *self,
                                GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);

  if (get_facts (self, error) == NULL)
    return FALSE;
  self->actuals_wanted = TRUE;
  compute_all (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/**
 * jx_target_tree_refresh_pipeline:
 *
 * Also computes every node's win rate and pipeline needed (from now on, like the
 * actuals). This reads the lost deals of the last 365 days once, which on a large database
 * costs as much as the actuals, so views ask for it when they show it.
 */
gboolean
jx_target_tree_refresh_pipeline (JxTargetTree  *self,
                                 GError       **error)
{
  JxTargetFacts *facts;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);

  if ((facts = get_facts (self, error)) == NULL || !jx_target_facts_load_lost (facts, error))
    return FALSE;
  self->actuals_wanted = TRUE;
  self->pipeline_wanted = TRUE;
  compute_all (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/* A metric and filters some node counts with; tiers are interned strings. */
typedef struct {
  JxTargetMetric  metric;
  JxTargetFilters filters;
} RefreshQuery;

typedef struct {
  char     *path;
  GDate     today;
  gboolean  pipeline;
  guint     generation;
  GArray   *queries;   /* RefreshQuery, one per distinct metric and filters */
} RefreshJob;

static void
refresh_job_free (gpointer data)
{
  RefreshJob *job = data;

  g_free (job->path);
  g_array_unref (job->queries);
  g_free (job);
}

/* The distinct metrics and filters of the nodes, so that the worker builds the indexes
 * the roll-up will use and the calling thread only looks figures up. */
static GArray *
collect_queries (JxTargetTree *self)
{
  GArray *queries = g_array_new (FALSE, FALSE, sizeof (RefreshQuery));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->nodes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JxTargetNode *node = value;
      const JxTargetFilters *f = &node->filters;
      char *key = g_strdup_printf ("%d/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                                   G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s", node->metric,
                                   f->region_id, f->member_id, f->product_line_id,
                                   f->customer_type_id, f->tier != NULL ? f->tier : "");

      if (g_hash_table_add (seen, key))
        {
          RefreshQuery q = { node->metric, *f };
          g_array_append_val (queries, q);
        }
    }
  return queries;
}

static void
refresh_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RefreshJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(JxTargetFacts) facts = NULL;

  /* Its own connection: in WAL mode it reads while the window's connection writes. The
   * facts keep it for reading the lost deals later. */
  store = jx_store_open (job->path, JX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      (facts = jx_target_facts_load (store, &job->today, &error)) == NULL ||
      (job->pipeline && !jx_target_facts_load_lost (facts, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < job->queries->len; i++)
    {
      RefreshQuery *q = &g_array_index (job->queries, RefreshQuery, i);
      double rate;

      jx_target_facts_value (facts, q->metric, &q->filters, 1, 1);
      if (job->pipeline)
        jx_target_facts_win_rate (facts, q->metric, &q->filters, &rate, NULL, NULL);
    }
  g_task_return_pointer (task, g_steal_pointer (&facts), (GDestroyNotify) jx_target_facts_unref);
}

static void start_refresh (JxTargetTree *self, GTask *task);

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JxTargetTree *self = JX_TARGET_TREE (source);
  g_autoptr(GTask) outer = user_data;
  RefreshJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  JxTargetFacts *facts = g_task_propagate_pointer (G_TASK (result), &error);

  if (facts == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (outer))
    {
      jx_target_facts_unref (facts);
      return;
    }
  /* The deals changed while they were being read: read them again. */
  if (job->generation != self->facts_generation)
    {
      jx_target_facts_unref (facts);
      start_refresh (self, g_steal_pointer (&outer));
      return;
    }
  g_clear_pointer (&self->facts, jx_target_facts_unref);
  self->facts = facts;
  memset (self->season_known, 0, sizeof self->season_known);
  self->actuals_wanted = TRUE;
  self->pipeline_wanted |= job->pipeline;
  compute_all (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_task_return_boolean (outer, TRUE);
}

static void
start_refresh (JxTargetTree *self,
               GTask        *outer)
{
  g_autoptr(GTask) task = NULL;
  RefreshJob *job = g_new0 (RefreshJob, 1);

  job->path = g_strdup (jx_store_get_path (self->store));
  job->today = self->today;
  job->pipeline = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (outer), "pipeline"));
  job->generation = self->facts_generation;
  job->queries = collect_queries (self);
  task = g_task_new (self, g_task_get_cancellable (outer), refresh_done_cb, outer);
  g_task_set_source_tag (task, start_refresh);
  g_task_set_task_data (task, job, refresh_job_free);
  g_task_run_in_thread (task, refresh_thread);
}

/**
 * jx_target_tree_refresh_async:
 * @with_pipeline: also compute win rates and pipeline needed
 *
 * Like jx_target_tree_refresh_actuals() (or _refresh_pipeline()), but reads the deals in
 * a worker thread with its own connection, so that a window stays responsive on a large
 * database. From then on the tree never reads the deals in the calling thread: when they
 * change, it keeps the figures it has and jx_target_tree_get_figures_pending() becomes
 * %TRUE until the next refresh. Once the pipeline was asked for, later refreshes include
 * it.
 */
void
jx_target_tree_refresh_async (JxTargetTree        *self,
                              gboolean             with_pipeline,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *outer;

  g_return_if_fail (JX_IS_TARGET_TREE (self));

  self->background = TRUE;
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, jx_target_tree_refresh_async);
  g_object_set_data (G_OBJECT (outer), "pipeline",
                     GINT_TO_POINTER (with_pipeline || self->pipeline_wanted));
  /* A database in memory cannot be opened twice: read it here. */
  if (jx_store_get_path (self->store) == NULL ||
      !g_file_test (jx_store_get_path (self->store), G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = with_pipeline || self->pipeline_wanted
                    ? jx_target_tree_refresh_pipeline (self, &error)
                    : jx_target_tree_refresh_actuals (self, &error);

      if (ok)
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }
  start_refresh (self, outer);
}

gboolean
jx_target_tree_refresh_finish (JxTargetTree  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the figures shown are out of date (the deals changed) and a background refresh
 * should be started. */
gboolean
jx_target_tree_get_figures_pending (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  return self->actuals_wanted && self->facts == NULL;
}

/* Whether win rates and pipeline needed are computed. */
gboolean
jx_target_tree_get_pipeline_ready (JxTargetTree *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  return self->pipeline_wanted && self->facts != NULL;
}

/* Writing. */

static gboolean
begin (JxTargetTree  *self,
       const char    *label,
       GError       **error)
{
  return jx_store_begin (self->store, label, error);
}

/* Commits and rereads @subtree (NULL for the whole plan). */
static gboolean
commit (JxTargetTree  *self,
        JxTargetNode  *subtree,
        GError       **error)
{
  gboolean ok;

  self->writing = TRUE;
  ok = jx_store_commit (self->store, error);
  self->writing = FALSE;
  if (!ok)
    return FALSE;
  return reload (self, subtree, error);
}

static gboolean
fail (JxTargetTree *self)
{
  jx_store_rollback (self->store);
  return FALSE;
}

static gboolean
check_node (JxTargetTree  *self,
            JxTargetNode  *node,
            GError       **error)
{
  if (node == NULL || node->id <= 0 || jx_target_tree_lookup (self, node->id) != node)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                   _("This target no longer exists; reload the plan."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_amount (JxTargetTree  *self,
               gint64         id,
               gint64         amount,
               const char    *method,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jx_store_prepare (self->store,
                           method != NULL
                           ? "UPDATE target_nodes SET amount = ?2, method = ?3 WHERE id = ?1"
                           : "UPDATE target_nodes SET amount = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, amount);
  if (method != NULL)
    sqlite3_bind_text (stmt, 3, method, -1, SQLITE_STATIC);
  return jx_store_step_done (self->store, stmt, error);
}

/*
 * Spreads @amount over @node's children, keeping the locked ones and keeping the others'
 * proportions, then does the same inside each child whose amount changed, so that every
 * level still adds up. Writes only; the caller rereads.
 */
static gboolean
cascade (JxTargetTree  *self,
         JxTargetNode  *node,
         gint64         amount,
         JxTargetNode  *keep,
         GError       **error)
{
  GListModel *list = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (list);
  g_autofree gint64 *weights = NULL;
  g_autofree gint64 *locked = NULL;
  g_autofree gint64 *out = NULL;

  if (n == 0)
    return TRUE;
  weights = g_new (gint64, n);
  locked = g_new (gint64, n);
  out = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (list, i);

      weights[i] = child->amount;
      locked[i] = child->locked || child == keep ? child->amount : JX_TARGET_UNLOCKED;
    }
  if (!jx_target_split (amount, weights, locked, n, out, error))
    {
      g_prefix_error (error, "%s: ", node->name);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (list, i);

      if (out[i] == child->amount)
        continue;
      if (!update_amount (self, child->id, out[i], NULL, error) ||
          !cascade (self, child, out[i], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * jx_target_tree_set_amount:
 * @amount: the new target (minor units for revenue, a count otherwise)
 *
 * Changes a target and rescales its children to add up to it (locked children keep their
 * amounts); its parent shows the difference as unallocated until rebalanced.
 */
gboolean
jx_target_tree_set_amount (JxTargetTree  *self,
                           JxTargetNode  *node,
                           gint64         amount,
                           GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);

  if (!check_node (self, node, error))
    return FALSE;
  if (amount < 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("A target cannot be negative."));
      return FALSE;
    }
  if (!begin (self, _("Change Target"), error))
    return FALSE;
  if (!update_amount (self, node->id, amount, "manual", error) ||
      !cascade (self, node, amount, NULL, error))
    return fail (self);
  return commit (self, node, error);
}

/**
 * jx_target_tree_rebalance:
 * @parent: the target whose children to rebalance
 * @keep: (nullable): a child to leave as it is (the one just edited)
 *
 * Spreads the parent's unallocated (or over-allocated) amount over its unlocked
 * children in proportion to their targets, so they add up to the parent again.
 */
gboolean
jx_target_tree_rebalance (JxTargetTree  *self,
                          JxTargetNode  *parent,
                          JxTargetNode  *keep,
                          GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);

  if (!check_node (self, parent, error))
    return FALSE;
  if (jx_target_node_get_n_children (parent) == 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("“%s” has no sub-targets to rebalance."), parent->name);
      return FALSE;
    }
  if (!begin (self, _("Rebalance Targets"), error))
    return FALSE;
  if (!cascade (self, parent, parent->amount, keep, error))
    return fail (self);
  return commit (self, parent, error);
}

static gboolean
update_column (JxTargetTree  *self,
               JxTargetNode  *node,
               const char    *label,
               const char    *sql,
               const char    *text,
               gint64         number,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_node (self, node, error) || !begin (self, label, error))
    return FALSE;
  stmt = jx_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, node->id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  else if (number > 0)
    sqlite3_bind_int64 (stmt, 2, number);
  else
    sqlite3_bind_null (stmt, 2);
  if (!jx_store_step_done (self->store, stmt, error))
    return fail (self);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return commit (self, node, error);
}

gboolean
jx_target_tree_set_locked (JxTargetTree  *self,
                           JxTargetNode  *node,
                           gboolean       locked,
                           GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  return update_column (self, node, locked ? _("Lock Target") : _("Unlock Target"),
                        "UPDATE target_nodes SET locked = ?2 WHERE id = ?1", NULL,
                        locked ? 1 : 0, error);
}

static char *
check_name (const char  *name,
            GError     **error)
{
  return jx_row_clean_name (name, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                            _("A target needs a name of 1 to 200 characters."), error);
}

gboolean
jx_target_tree_set_name (JxTargetTree  *self,
                         JxTargetNode  *node,
                         const char    *name,
                         GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  if ((clean = check_name (name, error)) == NULL)
    return FALSE;
  return update_column (self, node, _("Rename Target"),
                        "UPDATE target_nodes SET name = ?2 WHERE id = ?1", clean, 0, error);
}

gboolean
jx_target_tree_set_rationale (JxTargetTree  *self,
                              JxTargetNode  *node,
                              const char    *rationale,
                              GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  return update_column (self, node, _("Edit Rationale"),
                        "UPDATE target_nodes SET rationale = ?2 WHERE id = ?1",
                        rationale != NULL ? rationale : "", 0, error);
}

/* @owner_id: a team member, or 0 for nobody */
gboolean
jx_target_tree_set_owner (JxTargetTree  *self,
                          JxTargetNode  *node,
                          gint64         owner_id,
                          GError       **error)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  if (owner_id > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store,
                                                       "SELECT 1 FROM team_members WHERE id = ?",
                                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                       _("There is no team member with id %lld."), (long long) owner_id);
          return FALSE;
        }
    }
  return update_column (self, node, _("Change Owner"),
                        "UPDATE target_nodes SET owner_id = ?2 WHERE id = ?1", NULL,
                        owner_id, error);
}

gboolean
jx_target_tree_set_smart_item (JxTargetTree       *self,
                               JxTargetNode       *node,
                               JxTargetSmartItem   item,
                               gboolean            done,
                               const char         *note,
                               GError            **error)
{
  gboolean dones[JX_TARGET_N_SMART_ITEMS];
  char *notes[JX_TARGET_N_SMART_ITEMS];
  g_autofree char *json = NULL;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  g_return_val_if_fail (item < JX_TARGET_N_SMART_ITEMS, FALSE);
  if (!check_node (self, node, error))
    return FALSE;
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      dones[i] = node->smart_done[i];
      notes[i] = node->smart_note[i];
    }
  dones[item] = done;
  notes[item] = (char *) note;
  json = jx_target_smart_to_json (dones, notes);
  return update_column (self, node, _("Edit SMART Checklist"),
                        "UPDATE target_nodes SET smart = ?2 WHERE id = ?1", json, 0, error);
}

gboolean
jx_target_tree_delete_node (JxTargetTree  *self,
                            JxTargetNode  *node,
                            GError       **error)
{
  g_autoptr(JxTargetNode) parent = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  if (!check_node (self, node, error))
    return FALSE;
  parent = node->parent != NULL ? g_object_ref (node->parent) : NULL;
  if (!begin (self, _("Delete Target"), error))
    return FALSE;
  /* Foreign keys delete the descendants (ON DELETE CASCADE); the undo log records them. */
  stmt = jx_store_prepare (self->store, "DELETE FROM target_nodes WHERE id = ?", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, node->id);
  if (!jx_store_step_done (self->store, stmt, error))
    return fail (self);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return commit (self, parent, error);
}

static gboolean
region_within (JxTargetTree  *self,
               gint64         region,
               gint64         ancestor,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (region == ancestor || ancestor <= 0)
    return TRUE;
  stmt = jx_store_prepare (self->store,
                           "WITH RECURSIVE up(id, parent_id, n) AS ("
                           " SELECT id, parent_id, 0 FROM regions WHERE id = ?1 UNION ALL"
                           " SELECT r.id, r.parent_id, up.n + 1 FROM regions r"
                           " JOIN up ON r.id = up.parent_id WHERE up.n < 64)"
                           " SELECT 1 FROM up WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, region);
  sqlite3_bind_int64 (stmt, 2, ancestor);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
               _("The region is not inside the parent target's region; a child can only "
                 "narrow its parent's filters."));
  return FALSE;
}

static gboolean
exists (JxTargetTree *self,
        const char   *table_sql,
        gint64        id)
{
  return jx_row_exists (self->store, table_sql, id);
}

static gboolean
check_references (JxTargetTree           *self,
                  const JxTargetNodeSpec *spec,
                  GError                **error)
{
  const char *what = NULL;

  if (spec->filters.region_id > 0 &&
      !exists (self, "SELECT 1 FROM regions WHERE id = ?", spec->filters.region_id))
    what = _("region");
  else if (spec->filters.member_id > 0 &&
           !exists (self, "SELECT 1 FROM team_members WHERE id = ?", spec->filters.member_id))
    what = _("team member");
  else if (spec->owner_id > 0 &&
           !exists (self, "SELECT 1 FROM team_members WHERE id = ?", spec->owner_id))
    what = _("owner");
  else if (spec->filters.product_line_id > 0 &&
           !exists (self, "SELECT 1 FROM product_lines WHERE id = ?", spec->filters.product_line_id))
    what = _("product line");
  else if (spec->filters.customer_type_id > 0 &&
           !exists (self, "SELECT 1 FROM customer_types WHERE id = ?", spec->filters.customer_type_id))
    what = _("customer type");
  if (what == NULL)
    return TRUE;
  /* Translators: %s is "region", "team member", "owner", "product line" or "customer type". */
  g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
               _("The %s of the new target does not exist."), what);
  return FALSE;
}

/* The dimension a node adds to its parent: the one filter it sets that its parent has not,
 * or a time split when it has a shorter period. */
static JxTargetDimension
own_dimension (const JxTargetFilters *parent,
               const JxTargetFilters *own)
{
  if (own->region_id > 0 && own->region_id != parent->region_id)
    return JX_TARGET_DIMENSION_REGION;
  if (own->member_id > 0 && parent->member_id <= 0)
    return JX_TARGET_DIMENSION_MEMBER;
  if (own->product_line_id > 0 && parent->product_line_id <= 0)
    return JX_TARGET_DIMENSION_PRODUCT_LINE;
  if (own->customer_type_id > 0 && parent->customer_type_id <= 0)
    return JX_TARGET_DIMENSION_CUSTOMER_TYPE;
  if (own->tier != NULL && parent->tier == NULL)
    return JX_TARGET_DIMENSION_TIER;
  return JX_TARGET_DIMENSION_NONE;
}

static gboolean
insert_node (JxTargetTree            *self,
             gint64                   parent_id,
             int                      position,
             const char              *name,
             JxTargetMetric           metric,
             const JxPeriod          *period,
             gint64                   owner_id,
             JxTargetDimension        dimension,
             const JxTargetFilters   *filters,
             gint64                   amount,
             gboolean                 locked,
             const char              *method,
             const char              *rationale,
             sqlite3_stmt           **cache,
             gint64                  *out_id,
             GError                 **error)
{
  sqlite3_stmt *stmt = *cache;
  char from[11], to[11];

  if (stmt == NULL)
    {
      stmt = *cache = jx_store_prepare (self->store,
                                        "INSERT INTO target_nodes(plan_id, parent_id, position, name,"
                                        " metric, period_from, period_to, owner_id, dimension,"
                                        " region_id, member_id, product_line_id, customer_type_id,"
                                        " tier, amount, locked, method, rationale)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
      if (stmt == NULL)
        return FALSE;
    }
  jx_date_to_iso_buf (&period->from, from);
  jx_date_to_iso_buf (&period->to, to);
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  jx_bind_id_or_null (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, jx_target_metric_to_string (metric), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, to, -1, SQLITE_TRANSIENT);
  jx_bind_id_or_null (stmt, 8, owner_id);
  jx_bind_text_or_null (stmt, 9, jx_target_dimension_to_string (dimension));
  jx_bind_id_or_null (stmt, 10, filters->region_id);
  jx_bind_id_or_null (stmt, 11, filters->member_id);
  jx_bind_id_or_null (stmt, 12, filters->product_line_id);
  jx_bind_id_or_null (stmt, 13, filters->customer_type_id);
  jx_bind_text_or_null (stmt, 14, filters->tier);
  sqlite3_bind_int64 (stmt, 15, amount);
  sqlite3_bind_int (stmt, 16, locked ? 1 : 0);
  jx_bind_text_or_null (stmt, 17, method);
  sqlite3_bind_text (stmt, 18, rationale != NULL ? rationale : "", -1, SQLITE_TRANSIENT);
  if (!jx_store_step_done (self->store, stmt, error))
    return FALSE;
  sqlite3_clear_bindings (stmt);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (jx_store_get_db (self->store));
  return TRUE;
}

/**
 * jx_target_tree_add_node:
 * @parent: (nullable): the parent target, or %NULL for a top-level target
 * @spec: the new target; its filters are added to the parent's
 *
 * A child must count the parent's metric, lie inside the parent's period and only narrow
 * the parent's filters.
 *
 * Returns: the new target's id, or 0 on error
 */
gint64
jx_target_tree_add_node (JxTargetTree            *self,
                         JxTargetNode            *parent,
                         const JxTargetNodeSpec  *spec,
                         GError                 **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *name = NULL;
  JxTargetFilters filters = spec->filters;
  JxTargetDimension dimension = JX_TARGET_DIMENSION_NONE;
  int position = 0;
  gint64 id = 0;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if ((name = check_name (spec->name, error)) == NULL)
    return 0;
  if (!g_date_valid (&spec->period.from) || !g_date_valid (&spec->period.to) ||
      g_date_compare (&spec->period.from, &spec->period.to) > 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("A target's period must end on or after the day it starts."));
      return 0;
    }
  if (spec->amount < 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("A target cannot be negative."));
      return 0;
    }
  if (!check_references (self, spec, error))
    return 0;
  if (parent != NULL)
    {
      if (!check_node (self, parent, error))
        return 0;
      if (spec->metric != parent->metric)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
                       _("A sub-target counts what its parent counts (%s)."),
                       jx_target_metric_label (parent->metric));
          return 0;
        }
      if (g_date_compare (&spec->period.from, &parent->from) < 0 ||
          g_date_compare (&spec->period.to, &parent->to) > 0)
        {
          g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
                       _("A sub-target's period must lie inside its parent's (%s to %s)."),
                       parent->from_iso, parent->to_iso);
          return 0;
        }
      if (!jx_target_filters_narrow (&parent->filters, &spec->filters, &filters, error) ||
          !region_within (self, filters.region_id, parent->filters.region_id, error))
        return 0;
      dimension = own_dimension (&parent->filters, &spec->filters);
      position = (int) jx_target_node_get_n_children (parent);
    }
  else
    position = (int) g_list_model_get_n_items (G_LIST_MODEL (self->roots));

  if (!begin (self, _("Add Target"), error))
    return 0;
  if (!insert_node (self, parent != NULL ? parent->id : 0, position, name, spec->metric,
                    &spec->period, spec->owner_id, dimension, &filters, spec->amount, FALSE,
                    "manual", spec->rationale, &insert, &id, error))
    {
      fail (self);
      return 0;
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!commit (self, parent, error))
    return 0;
  return id;
}

/**
 * jx_target_tree_preview_decomposition:
 * @node: the target to split
 * @dimension: what to split it by
 * @method: how to share its amount
 *
 * Computes the children @node would get, without writing anything. Existing children
 * of the same dimension are matched by period or value and keep their locks (locked
 * ones keep their amounts); others are listed as replaced.
 *
 * Returns: (transfer full): the preview, or %NULL when @node cannot be split that way
 */
JxTargetDecomposition *
jx_target_tree_preview_decomposition (JxTargetTree       *self,
                                      JxTargetNode       *node,
                                      JxTargetDimension   dimension,
                                      JxTargetMethod      method,
                                      GError            **error)
{
  JxTargetFacts *facts = NULL;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  if (!check_node (self, node, error))
    return NULL;
  /* The preview keeps the facts so that the method can change to history or seasonality
   * later; the other methods do without when the deals cannot be read. */
  if (method == JX_TARGET_METHOD_HISTORY || method == JX_TARGET_METHOD_SEASONAL)
    {
      if ((facts = get_facts (self, error)) == NULL)
        return NULL;
    }
  else
    facts = get_facts (self, NULL);
  return jx_target_decomposition_new_private (self->store, facts, node, dimension, method,
                                              self->fiscal_start_month, error);
}

/**
 * jx_target_tree_apply_decomposition:
 *
 * Writes a preview's children as one undoable step: replaced children (and their
 * sub-targets) are deleted, matched ones updated (their own children rescaled), new ones
 * inserted.
 */
gboolean
jx_target_tree_apply_decomposition (JxTargetTree           *self,
                                    JxTargetDecomposition  *decomposition,
                                    GError                **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  JxTargetNode *parent;
  GArray *replaced;
  GListModel *children = G_LIST_MODEL (decomposition);
  const char *method;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), FALSE);
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSITION (decomposition), FALSE);

  parent = jx_target_decomposition_get_parent (decomposition);
  if (!check_node (self, parent, error))
    return FALSE;
  method = jx_target_method_to_string (jx_target_decomposition_get_method_used (decomposition));
  replaced = jx_target_decomposition_get_replaced (decomposition);

  if (!begin (self, _("Decompose Target"), error))
    return FALSE;
  remove = jx_store_prepare (self->store, "DELETE FROM target_nodes WHERE id = ?", error);
  update = jx_store_prepare (self->store,
                             "UPDATE target_nodes SET position = ?2, name = ?3, amount = ?4,"
                             " locked = ?5, method = ?6 WHERE id = ?1", error);
  if (remove == NULL || update == NULL)
    return fail (self);
  for (guint i = 0; i < replaced->len; i++)
    {
      sqlite3_bind_int64 (remove, 1, g_array_index (replaced, gint64, i));
      if (!jx_store_step_done (self->store, remove, error))
        return fail (self);
    }
  if (!update_amount (self, parent->id, parent->amount, method, error))
    return fail (self);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      JxPeriod period = { child->from, child->to };

      if (child->id > 0)
        {
          JxTargetNode *existing = jx_target_tree_lookup (self, child->id);

          sqlite3_bind_int64 (update, 1, child->id);
          sqlite3_bind_int (update, 2, (int) i);
          sqlite3_bind_text (update, 3, child->name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (update, 4, child->amount);
          sqlite3_bind_int (update, 5, child->locked ? 1 : 0);
          sqlite3_bind_text (update, 6, method, -1, SQLITE_STATIC);
          if (!jx_store_step_done (self->store, update, error))
            return fail (self);
          if (existing != NULL && existing->amount != child->amount &&
              !cascade (self, existing, child->amount, NULL, error))
            return fail (self);
        }
      else if (!insert_node (self, parent->id, (int) i, child->name, child->metric, &period,
                             child->owner_id, child->dimension, &child->filters, child->amount,
                             child->locked, method, NULL, &insert, NULL, error))
        return fail (self);
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);
  g_clear_pointer (&remove, sqlite3_finalize);
  return commit (self, parent, error);
}

/**
 * jx_target_tree_suggest:
 * @growth_percent: the growth applied to last year's figure
 *
 * Returns: (transfer full): three #JxTargetSuggestion: same period last year, last year
 *   plus growth, and the trend of the last 8 quarters projected to the node's period
 */
GListModel *
jx_target_tree_suggest (JxTargetTree  *self,
                        JxTargetNode  *node,
                        double         growth_percent,
                        GError       **error)
{
  JxTargetFacts *facts;

  g_return_val_if_fail (JX_IS_TARGET_TREE (self), NULL);
  if (!check_node (self, node, error))
    return NULL;
  if (!isfinite (growth_percent) || growth_percent <= -100 || growth_percent > 10000)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("Growth must be a percentage above −100."));
      return NULL;
    }
  if ((facts = get_facts (self, error)) == NULL)
    return NULL;
  return jx_target_suggestions_compute (facts, node, growth_percent, self->fiscal_start_month,
                                        jx_target_tree_get_currency (self));
}
