/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-target-tree-layout.h"

/*
 * Layout: each visible node gets a block as wide as its subtree; children sit side by
 * side under their parent, which is centred over its first and last child. Blocks never
 * overlap, so neither do cards. When all of a node's visible children are leaves and
 * there are more than MAX_ROW of them, they are stacked in columns under the parent with
 * a spine on the left of each column, the way org charts show a team.
 *
 * Drawing culls cards outside the clip and keeps the Pango layouts of each card between
 * frames (panning and zooming redraw often); at small scales it leaves out text nobody
 * could read.
 */

#define CARD_W      224.0
#define CARD_H      100.0
#define GAP          24.0
#define LEVEL_GAP    56.0
#define STACK_GAP    14.0
#define INDENT       22.0
#define ROOT_GAP     56.0
#define MARGIN       28.0
#define RADIUS        8.0
#define EXPANDER_R    9.0
#define MAX_ROW       4
#define STACK_ROWS    6

typedef struct {
  JxTargetNode *node;
  int           parent;
  int           first_child;   /* index of the first visible child, -1 */
  int           n_children;    /* visible children */
  int           next_sibling;
  int           prev_sibling;
  guint         depth;
  gboolean      has_children;  /* in the model, visible or not */
  gboolean      stacked;
  int           n_columns;
  double        block;         /* width of the subtree's block */
  double        x, y;          /* card's top left, model */
  double        bottom;        /* lowest card edge in the subtree */
} Item;

typedef struct {
  JxTargetNode *node;
  char         *name;
  char         *sub;
  char         *target;
  char         *actual;
  char         *percent;
  char         *badge;
  PangoLayout  *layouts[6];
  gboolean      used;
} CardText;

struct _JxTargetTreeLayout {
  GObject       parent_instance;

  GListModel   *roots;
  JxChartStyle  style;
  char         *currency;
  GArray       *items;          /* Item, in depth-first order */
  GHashTable   *index;          /* JxTargetNode* -> item index + 1 */
  GHashTable   *collapsed;      /* JxTargetNode* of collapsed nodes (no reference) */
  GHashTable   *texts;          /* JxTargetNode* -> CardText */
  PangoContext *pango;
  JxTargetNode *selected;
  gboolean      dirty;
  double        width, height;
  double        scale, dx, dy;
};

G_DEFINE_FINAL_TYPE (JxTargetTreeLayout, jx_target_tree_layout, G_TYPE_OBJECT)

static void
card_text_free (gpointer data)
{
  CardText *t = data;

  g_object_unref (t->node);
  g_free (t->name);
  g_free (t->sub);
  g_free (t->target);
  g_free (t->actual);
  g_free (t->percent);
  g_free (t->badge);
  for (guint i = 0; i < G_N_ELEMENTS (t->layouts); i++)
    g_clear_object (&t->layouts[i]);
  g_free (t);
}

static void
jx_target_tree_layout_finalize (GObject *object)
{
  JxTargetTreeLayout *self = JX_TARGET_TREE_LAYOUT (object);

  g_hash_table_unref (self->texts);
  g_clear_object (&self->roots);
  g_free (self->currency);
  g_array_unref (self->items);
  g_hash_table_unref (self->index);
  g_hash_table_unref (self->collapsed);
  g_clear_object (&self->pango);
  g_clear_object (&self->selected);
  G_OBJECT_CLASS (jx_target_tree_layout_parent_class)->finalize (object);
}

static void
jx_target_tree_layout_class_init (JxTargetTreeLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_target_tree_layout_finalize;
}

static void
jx_target_tree_layout_init (JxTargetTreeLayout *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->index = g_hash_table_new (NULL, NULL);
  self->collapsed = g_hash_table_new (NULL, NULL);
  self->texts = g_hash_table_new_full (NULL, NULL, NULL, card_text_free);
  self->scale = 1;
  self->dirty = TRUE;
}

/**
 * jx_target_tree_layout_new:
 * @roots: the top-level targets (jx_target_tree_get_roots())
 * @currency: the database's currency, for the amounts on the cards
 */
JxTargetTreeLayout *
jx_target_tree_layout_new (GListModel         *roots,
                           const JxChartStyle *style,
                           const char         *currency)
{
  JxTargetTreeLayout *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_object_new (JX_TYPE_TARGET_TREE_LAYOUT, NULL);
  self->roots = g_object_ref (roots);
  self->style = *style;
  self->currency = g_strdup (currency != NULL ? currency : "CNY");
  return self;
}

void
jx_target_tree_layout_set_style (JxTargetTreeLayout *self,
                                 const JxChartStyle *style)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  self->style = *style;
  /* The font may have changed. */
  g_hash_table_remove_all (self->texts);
  self->dirty = TRUE;
}

/* Marks the layout out of date (the nodes changed); the next use rereads them. */
void
jx_target_tree_layout_invalidate (JxTargetTreeLayout *self)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  self->dirty = TRUE;
}

static Item *
item (JxTargetTreeLayout *self,
      int                 i)
{
  return &g_array_index (self->items, Item, i);
}

/* Adds @node and its visible descendants in depth-first order; returns its index. */
static int
collect (JxTargetTreeLayout *self,
         JxTargetNode       *node,
         int                 parent,
         guint               depth)
{
  GListModel *children = jx_target_node_get_children (node);
  guint n = g_list_model_get_n_items (children);
  int index = (int) self->items->len;
  Item it = { 0 };
  int prev = -1;

  it.node = node;
  it.parent = parent;
  it.first_child = -1;
  it.next_sibling = -1;
  it.prev_sibling = -1;
  it.depth = depth;
  it.has_children = n > 0;
  g_array_append_val (self->items, it);
  g_hash_table_insert (self->index, node, GINT_TO_POINTER (index + 1));
  if (n == 0 || g_hash_table_contains (self->collapsed, node))
    return index;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      int c = collect (self, child, index, depth + 1);

      if (prev < 0)
        item (self, index)->first_child = c;
      else
        item (self, prev)->next_sibling = c;
      item (self, c)->prev_sibling = prev;
      item (self, index)->n_children++;
      prev = c;
    }
  return index;
}

/* Sizes the block of item @i (post-order). */
static void
measure (JxTargetTreeLayout *self,
         int                 i)
{
  Item *it = item (self, i);
  gboolean all_leaves = TRUE;
  double sum = 0;
  int k = 0;

  if (it->n_children == 0)
    {
      it->block = CARD_W;
      return;
    }
  for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling)
    {
      measure (self, c);
      if (item (self, c)->n_children > 0)
        all_leaves = FALSE;
      sum += item (self, c)->block;
      k++;
    }
  it = item (self, i);
  /* Below the second level, any group of leaves stacks: deep trees stay narrow. */
  it->stacked = all_leaves && (k > MAX_ROW || (it->depth >= 2 && k > 1));
  if (it->stacked)
    {
      it->n_columns = (k + STACK_ROWS - 1) / STACK_ROWS;
      it->block = it->n_columns * (INDENT + CARD_W) + (it->n_columns - 1) * GAP;
    }
  else
    it->block = MAX (CARD_W, sum + (k - 1) * GAP);
}

/* Places item @i's block with its left edge at @left and its card's top at @top. */
static double
place (JxTargetTreeLayout *self,
       int                 i,
       double              left,
       double              top)
{
  Item *it = item (self, i);
  double child_top = top + CARD_H + LEVEL_GAP;
  double bottom = top + CARD_H;

  it->y = top;
  if (it->n_children == 0)
    it->x = left;
  else if (it->stacked)
    {
      int k = 0;
      int rows = (it->n_children + it->n_columns - 1) / it->n_columns;

      it->x = left + (it->block - CARD_W) / 2;
      for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling, k++)
        {
          Item *ci = item (self, c);
          int column = k / rows, row = k % rows;

          ci->x = left + column * (INDENT + CARD_W + GAP) + INDENT;
          ci->y = child_top + row * (CARD_H + STACK_GAP);
          ci->bottom = ci->y + CARD_H;
          bottom = MAX (bottom, ci->bottom);
        }
    }
  else
    {
      double sum = 0, x;
      int first = it->first_child, last = first;

      for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling)
        {
          sum += item (self, c)->block + GAP;
          last = c;
        }
      sum -= GAP;
      x = left + (it->block - sum) / 2;
      for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling)
        {
          bottom = MAX (bottom, place (self, c, x, child_top));
          x += item (self, c)->block + GAP;
        }
      it = item (self, i);
      it->x = (item (self, first)->x + item (self, last)->x) / 2;
    }
  it->bottom = bottom;
  return bottom;
}

static char *
format_value (JxTargetNode *node,
              gint64        value,
              const char   *currency)
{
  return jx_target_node_format_amount (node, value, currency, TRUE);
}

static gboolean
replace (char       **field,
         char        *value)
{
  gboolean changed = g_strcmp0 (*field, value) != 0;

  g_free (*field);
  *field = value;
  return changed;
}

/* Who owns the target and what it covers, without repeating its name: "Chloe Nelson ·
 * East" for a month of a rep, the metric for a region's target. */
static char *
card_subtitle (JxTargetNode *node,
               const char   *owner,
               const char   *filters)
{
  const char *name = jx_target_node_get_name (node);
  g_auto(GStrv) parts = g_strsplit (filters, " · ", -1);
  GString *out = g_string_new (NULL);

  if (owner != NULL && owner[0] != '\0' && g_strcmp0 (owner, name) != 0)
    g_string_append (out, owner);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_strcmp0 (parts[i], name) == 0 ||
          g_strcmp0 (parts[i], owner) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    g_string_append (out, jx_target_metric_label (jx_target_node_get_metric (node)));
  return g_string_free (out, FALSE);
}

/* The strings of a card; its Pango layouts are dropped when a string changed. */
static void
refresh_text (JxTargetTreeLayout *self,
              Item               *it)
{
  CardText *t = g_hash_table_lookup (self->texts, it->node);
  JxTargetNode *node = it->node;
  const char *owner = jx_target_node_get_owner_name (node);
  g_autofree char *filters = jx_target_node_dup_filters_label (node);
  g_autofree char *target = format_value (node, jx_target_node_get_amount (node), self->currency);
  g_autofree char *actual = format_value (node, jx_target_node_get_actual (node), self->currency);
  gboolean changed = FALSE;

  if (t == NULL)
    {
      t = g_new0 (CardText, 1);
      t->node = g_object_ref (node);
      g_hash_table_insert (self->texts, node, t);
    }
  t->used = TRUE;
  changed |= replace (&t->name, g_strdup (jx_target_node_get_name (node)));
  changed |= replace (&t->sub, card_subtitle (node, owner, filters));
  /* Translators: on a target card, "Target ¥1.2M". */
  changed |= replace (&t->target, g_strdup_printf (_("Target %s"), target));
  if (jx_target_node_has_actual (node))
    {
      /* Translators: on a target card, "Actual ¥0.9M". */
      changed |= replace (&t->actual, g_strdup_printf (_("Actual %s"), actual));
      changed |= replace (&t->percent, jx_target_node_get_amount (node) > 0
                                       ? jx_percent_format (jx_target_node_get_attainment (node), 0)
                                       : g_strdup ("—"));
    }
  else
    {
      changed |= replace (&t->actual, g_strdup (""));
      changed |= replace (&t->percent, g_strdup (""));
    }
  changed |= replace (&t->badge, g_strdup_printf ("+%u", jx_target_node_get_n_children (node)));
  if (changed)
    for (guint i = 0; i < G_N_ELEMENTS (t->layouts); i++)
      g_clear_object (&t->layouts[i]);
}

/**
 * jx_target_tree_layout_update:
 *
 * Rereads the visible nodes and lays them out.
 */
void
jx_target_tree_layout_update (JxTargetTreeLayout *self)
{
  guint n_roots;
  double x = MARGIN, bottom = MARGIN;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));

  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->index);
  n_roots = g_list_model_get_n_items (self->roots);
  for (guint r = 0; r < n_roots; r++)
    {
      g_autoptr(JxTargetNode) root = g_list_model_get_item (self->roots, r);
      int i = collect (self, root, -1, 0);

      measure (self, i);
      bottom = MAX (bottom, place (self, i, x, MARGIN));
      x += item (self, i)->block + ROOT_GAP;
    }
  self->width = n_roots > 0 ? x - ROOT_GAP + MARGIN : 2 * MARGIN;
  self->height = bottom + MARGIN + EXPANDER_R;

  g_hash_table_iter_init (&iter, self->texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((CardText *) value)->used = FALSE;
  for (guint i = 0; i < self->items->len; i++)
    refresh_text (self, item (self, i));
  /* Cards no longer visible give back their text. */
  g_hash_table_iter_init (&iter, self->texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((CardText *) value)->used)
      g_hash_table_iter_remove (&iter);
  if (self->selected != NULL && !g_hash_table_contains (self->index, self->selected))
    g_clear_object (&self->selected);
  self->dirty = FALSE;
}

static void
ensure (JxTargetTreeLayout *self)
{
  if (self->dirty)
    jx_target_tree_layout_update (self);
}

guint
jx_target_tree_layout_get_n_visible (JxTargetTreeLayout *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), 0);
  ensure (self);
  return self->items->len;
}

/* The size of the whole chart in model units (pixels at 100%). */
void
jx_target_tree_layout_get_size (JxTargetTreeLayout *self,
                                double             *width,
                                double             *height)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  ensure (self);
  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/* Whether @node shows its children (nodes are expanded until collapsed). */
gboolean
jx_target_tree_layout_get_expanded (JxTargetTreeLayout *self,
                                    JxTargetNode       *node)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), FALSE);
  return !g_hash_table_contains (self->collapsed, node);
}

void
jx_target_tree_layout_set_expanded (JxTargetTreeLayout *self,
                                    JxTargetNode       *node,
                                    gboolean            expanded)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  if (expanded)
    g_hash_table_remove (self->collapsed, node);
  else
    g_hash_table_add (self->collapsed, node);
  self->dirty = TRUE;
}

void
jx_target_tree_layout_toggle (JxTargetTreeLayout *self,
                              JxTargetNode       *node)
{
  jx_target_tree_layout_set_expanded (self, node, !jx_target_tree_layout_get_expanded (self, node));
}

static void
collapse_walk (JxTargetTreeLayout *self,
               GListModel         *list,
               guint               depth,
               guint               from_depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      GListModel *children = jx_target_node_get_children (node);

      if (g_list_model_get_n_items (children) == 0)
        continue;
      if (depth >= from_depth)
        g_hash_table_add (self->collapsed, node);
      else
        g_hash_table_remove (self->collapsed, node);
      collapse_walk (self, children, depth + 1, from_depth);
    }
}

/* Shows the first @depth levels: nodes at depth >= @depth (0 for the roots) collapse. */
void
jx_target_tree_layout_collapse_below (JxTargetTreeLayout *self,
                                      guint               depth)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  g_hash_table_remove_all (self->collapsed);
  collapse_walk (self, self->roots, 0, depth);
  self->dirty = TRUE;
}

void
jx_target_tree_layout_expand_all (JxTargetTreeLayout *self)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  g_hash_table_remove_all (self->collapsed);
  self->dirty = TRUE;
}

/* Whether @node has a card (all its ancestors are expanded). */
gboolean
jx_target_tree_layout_is_visible (JxTargetTreeLayout *self,
                                  JxTargetNode       *node)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), FALSE);
  ensure (self);
  return g_hash_table_contains (self->index, node);
}

/* The view shows model point p at p × @scale + offset. */
void
jx_target_tree_layout_set_transform (JxTargetTreeLayout *self,
                                     double              scale,
                                     double              offset_x,
                                     double              offset_y)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  self->scale = CLAMP (scale, 0.02, 8.0);
  self->dx = offset_x;
  self->dy = offset_y;
}

void
jx_target_tree_layout_get_transform (JxTargetTreeLayout *self,
                                     double             *scale,
                                     double             *offset_x,
                                     double             *offset_y)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  if (scale != NULL)
    *scale = self->scale;
  if (offset_x != NULL)
    *offset_x = self->dx;
  if (offset_y != NULL)
    *offset_y = self->dy;
}

/* Scales the whole chart into a view of @width × @height (never above 100%) and centres it. */
void
jx_target_tree_layout_fit (JxTargetTreeLayout *self,
                           double              width,
                           double              height)
{
  double scale;

  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  ensure (self);
  scale = MIN (1.0, MIN (width / self->width, height / self->height));
  jx_target_tree_layout_set_transform (self, scale, (width - self->width * scale) / 2,
                                       (height - self->height * scale) / 2);
}

/* Zooms by @factor keeping the view point (@x, @y) where it is (the pointer). */
void
jx_target_tree_layout_zoom_at (JxTargetTreeLayout *self,
                               double              factor,
                               double              x,
                               double              y)
{
  double mx, my, scale;

  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  mx = (x - self->dx) / self->scale;
  my = (y - self->dy) / self->scale;
  scale = CLAMP (self->scale * factor, 0.02, 8.0);
  jx_target_tree_layout_set_transform (self, scale, x - mx * scale, y - my * scale);
}

void
jx_target_tree_layout_pan (JxTargetTreeLayout *self,
                           double              dx,
                           double              dy)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  self->dx += dx;
  self->dy += dy;
}

/* Pans the least needed to show @node's card whole in a view of @width × @height. */
void
jx_target_tree_layout_scroll_to (JxTargetTreeLayout *self,
                                 JxTargetNode       *node,
                                 double              width,
                                 double              height)
{
  JxTargetTreeRect r;
  const double pad = 16;

  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  if (!jx_target_tree_layout_get_card (self, node, &r))
    return;
  if (r.x < pad)
    self->dx += pad - r.x;
  else if (r.x + r.width > width - pad)
    self->dx -= r.x + r.width - (width - pad);
  if (r.y < pad)
    self->dy += pad - r.y;
  else if (r.y + r.height > height - pad)
    self->dy -= r.y + r.height - (height - pad);
}

static int
index_of (JxTargetTreeLayout *self,
          JxTargetNode       *node)
{
  ensure (self);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->index, node)) - 1;
}

/* @node's card in model coordinates; %FALSE when it is hidden. */
gboolean
jx_target_tree_layout_get_model_card (JxTargetTreeLayout *self,
                                      JxTargetNode       *node,
                                      JxTargetTreeRect   *rect)
{
  int i;

  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), FALSE);
  if ((i = index_of (self, node)) < 0)
    return FALSE;
  *rect = (JxTargetTreeRect) { item (self, i)->x, item (self, i)->y, CARD_W, CARD_H };
  return TRUE;
}

/* @node's card in view coordinates; %FALSE when it is hidden. */
gboolean
jx_target_tree_layout_get_card (JxTargetTreeLayout *self,
                                JxTargetNode       *node,
                                JxTargetTreeRect   *rect)
{
  JxTargetTreeRect m;

  if (!jx_target_tree_layout_get_model_card (self, node, &m))
    return FALSE;
  rect->x = m.x * self->scale + self->dx;
  rect->y = m.y * self->scale + self->dy;
  rect->width = m.width * self->scale;
  rect->height = m.height * self->scale;
  return TRUE;
}

/**
 * jx_target_tree_layout_hit_test:
 * @x: view x
 * @y: view y
 * @hit: (out) (optional): the card, its expander, or nothing
 *
 * Returns: (transfer none) (nullable): the node whose card or expander is under the point
 */
JxTargetNode *
jx_target_tree_layout_hit_test (JxTargetTreeLayout *self,
                                double              x,
                                double              y,
                                JxTargetTreeHit    *hit)
{
  double mx, my;

  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), NULL);
  ensure (self);
  mx = (x - self->dx) / self->scale;
  my = (y - self->dy) / self->scale;
  if (hit != NULL)
    *hit = JX_TARGET_TREE_HIT_NONE;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = item (self, i);
      double ex = it->x + CARD_W / 2, ey = it->y + CARD_H;

      /* The expander first: it overlaps the card's bottom edge. */
      if (it->has_children && (mx - ex) * (mx - ex) + (my - ey) * (my - ey) <=
          (EXPANDER_R + 3) * (EXPANDER_R + 3))
        {
          if (hit != NULL)
            *hit = JX_TARGET_TREE_HIT_EXPANDER;
          return it->node;
        }
      if (mx >= it->x && mx < it->x + CARD_W && my >= it->y && my < it->y + CARD_H)
        {
          if (hit != NULL)
            *hit = JX_TARGET_TREE_HIT_CARD;
          return it->node;
        }
    }
  return NULL;
}

/**
 * jx_target_tree_layout_move:
 * @move: the direction (Up is the parent, Down the first child, Left and Right siblings)
 *
 * Returns: (transfer none) (nullable): the visible node in that direction, or %NULL
 */
JxTargetNode *
jx_target_tree_layout_move (JxTargetTreeLayout *self,
                            JxTargetNode       *node,
                            JxTargetTreeMove    move)
{
  int i, j = -1;

  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), NULL);
  if ((i = index_of (self, node)) < 0)
    return NULL;
  switch (move)
    {
    case JX_TARGET_TREE_MOVE_PARENT: j = item (self, i)->parent; break;
    case JX_TARGET_TREE_MOVE_FIRST_CHILD: j = item (self, i)->first_child; break;
    case JX_TARGET_TREE_MOVE_NEXT_SIBLING: j = item (self, i)->next_sibling; break;
    case JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING: j = item (self, i)->prev_sibling; break;
    default: break;
    }
  if (j < 0 && item (self, i)->parent < 0 &&
      (move == JX_TARGET_TREE_MOVE_NEXT_SIBLING || move == JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING))
    {
      /* Roots are siblings of each other. */
      guint n = g_list_model_get_n_items (self->roots);

      for (guint r = 0; r < n; r++)
        {
          g_autoptr(JxTargetNode) root = g_list_model_get_item (self->roots, r);

          if (root != node)
            continue;
          if (move == JX_TARGET_TREE_MOVE_NEXT_SIBLING && r + 1 < n)
            {
              g_autoptr(JxTargetNode) next = g_list_model_get_item (self->roots, r + 1);
              return item (self, index_of (self, next))->node;
            }
          if (move == JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING && r > 0)
            {
              g_autoptr(JxTargetNode) prev = g_list_model_get_item (self->roots, r - 1);
              return item (self, index_of (self, prev))->node;
            }
        }
      return NULL;
    }
  return j >= 0 ? item (self, j)->node : NULL;
}

void
jx_target_tree_layout_set_selected (JxTargetTreeLayout *self,
                                    JxTargetNode       *node)
{
  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  g_set_object (&self->selected, node);
}

/* Returns: (transfer none) (nullable): the selected node, drawn with the accent colour */
JxTargetNode *
jx_target_tree_layout_get_selected (JxTargetTreeLayout *self)
{
  g_return_val_if_fail (JX_IS_TARGET_TREE_LAYOUT (self), NULL);
  return self->selected;
}

/* Drawing. */

static const JxColor *
pace_color (const JxChartStyle *style,
            JxTargetPace        pace)
{
  switch (pace)
    {
    case JX_TARGET_PACE_AHEAD: return &style->good;
    case JX_TARGET_PACE_ON_PACE: return &style->warning;
    case JX_TARGET_PACE_BEHIND: return &style->bad;
    default: return &style->muted;
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

enum {
  TEXT_NAME,
  TEXT_SUB,
  TEXT_TARGET,
  TEXT_ACTUAL,
  TEXT_PERCENT,
  TEXT_BADGE,
};

static PangoLayout *
text_layout (JxTargetTreeLayout *self,
             CardText           *t,
             int                 which)
{
  static const double sizes[] = { 1.05, 0.85, 0.9, 0.9, 1.3, 0.75 };
  static const gboolean bold[] = { TRUE, FALSE, FALSE, FALSE, TRUE, TRUE };
  static const double widths[] = { CARD_W - 24, CARD_W - 24, CARD_W - 92, CARD_W - 92, 0, 0 };
  const char *texts[] = { t->name, t->sub, t->target, t->actual, t->percent, t->badge };
  PangoLayout *layout = t->layouts[which];

  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string (self->style.font_family);

      layout = t->layouts[which] = pango_layout_new (self->pango);
      pango_font_description_set_size (font, (int) (self->style.font_size * sizes[which] * PANGO_SCALE));
      if (bold[which])
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      if (widths[which] > 0)
        {
          pango_layout_set_width (layout, (int) (widths[which] * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, texts[which], -1);
    }
  return layout;
}

static void
show_text (JxTargetTreeLayout *self,
           cairo_t            *cr,
           CardText           *t,
           int                 which,
           double              x,
           double              y,
           const JxColor      *color,
           gboolean            align_right)
{
  PangoLayout *layout = text_layout (self, t, which);

  if (align_right)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      x -= logical.width;
    }
  jx_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_lock (cairo_t       *cr,
           double         x,
           double         y,
           const JxColor *color)
{
  jx_color_set_source (cr, color);
  cairo_set_line_width (cr, 1.4);
  cairo_new_path (cr);
  cairo_arc (cr, x + 4.5, y + 4.5, 3, G_PI, 2 * G_PI);
  cairo_line_to (cr, x + 7.5, y + 6);
  cairo_move_to (cr, x + 1.5, y + 6);
  cairo_line_to (cr, x + 1.5, y + 4.5);
  cairo_stroke (cr);
  rounded_rect (cr, x, y + 6, 9, 7, 1.5);
  cairo_fill (cr);
}

static void
draw_card (JxTargetTreeLayout *self,
           cairo_t            *cr,
           Item               *it,
           double              scale)
{
  const JxChartStyle *style = &self->style;
  JxTargetNode *node = it->node;
  CardText *t = g_hash_table_lookup (self->texts, node);
  gboolean selected = node == self->selected;
  gboolean has_actual = jx_target_node_has_actual (node);
  const JxColor *pace = pace_color (style, jx_target_node_get_pace (node));
  gint64 amount = jx_target_node_get_amount (node);
  double x = it->x, y = it->y;
  double bar_x = x + 14, bar_y = y + CARD_H - 16, bar_w = CARD_W - 26, bar_h = 6;

  /* Far out, a card is a few pixels: plain rectangles say as much and cost far less than
   * rounded, shadowed ones. */
  if (scale * CARD_W < 48)
    {
      jx_color_set_source (cr, selected ? &style->accent : &style->card_border);
      cairo_rectangle (cr, x, y, CARD_W, CARD_H);
      cairo_fill (cr);
      jx_color_set_source (cr, &style->card);
      cairo_rectangle (cr, x + 4, y + 4, CARD_W - 8, CARD_H - 8);
      cairo_fill (cr);
      jx_color_set_source (cr, &style->grid);
      cairo_rectangle (cr, bar_x, bar_y - 8, bar_w, bar_h + 8);
      cairo_fill (cr);
      if (has_actual && amount > 0)
        {
          jx_color_set_source (cr, pace);
          cairo_rectangle (cr, bar_x, bar_y - 8,
                           bar_w * MIN (1.0, jx_target_node_get_attainment (node)), bar_h + 8);
          cairo_fill (cr);
        }
      return;
    }

  /* A soft shadow below the card: only its lower edge shows, so only that is filled (a
   * translucent fill of the whole card would cost as much as the card itself). */
  if (scale > 0.3)
    {
      JxColor shadow = { 0, 0, 0, style->dark ? 0.35 : 0.07 };

      jx_color_set_source (cr, &shadow);
      cairo_save (cr);
      cairo_rectangle (cr, x, y + CARD_H - RADIUS, CARD_W, RADIUS + 2);
      cairo_clip (cr);
      rounded_rect (cr, x, y + 2, CARD_W, CARD_H, RADIUS);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  /* The border as a fill with the card inset over it: two fills cost less than a stroke. */
  {
    double border = selected ? 2.5 : 1;

    jx_color_set_source (cr, selected ? &style->accent : &style->card_border);
    rounded_rect (cr, x, y, CARD_W, CARD_H, RADIUS);
    cairo_fill (cr);
    jx_color_set_source (cr, &style->card);
    rounded_rect (cr, x + border, y + border, CARD_W - 2 * border, CARD_H - 2 * border,
                  RADIUS - border);
    cairo_fill (cr);
  }

  /* The pace as a short bar along the left edge. */
  jx_color_set_source (cr, pace);
  rounded_rect (cr, x + 3, y + 10, 4, CARD_H - 20, 2);
  cairo_fill (cr);

  /* The attainment bar, with a tick at the expected-to-date. */
  rounded_rect (cr, bar_x, bar_y, bar_w, bar_h, bar_h / 2);
  jx_color_set_source (cr, &style->grid);
  cairo_fill (cr);
  if (has_actual && amount > 0)
    {
      double done = MIN (1.0, jx_target_node_get_attainment (node));
      double expected = (double) jx_target_node_get_expected_to_date (node) / amount;

      if (done > 0)
        {
          rounded_rect (cr, bar_x, bar_y, MAX (bar_h, bar_w * done), bar_h, bar_h / 2);
          jx_color_set_source (cr, pace);
          cairo_fill (cr);
        }
      if (expected > 0 && expected < 1)
        {
          jx_color_set_source (cr, &style->foreground);
          cairo_rectangle (cr, bar_x + bar_w * expected - 1, bar_y - 3, 2, bar_h + 6);
          cairo_fill (cr);
        }
    }

  if (scale < 0.22 || t == NULL)
    return;
  show_text (self, cr, t, TEXT_NAME, x + 14, y + 9, &style->foreground, FALSE);
  if (scale < 0.45)
    return;
  show_text (self, cr, t, TEXT_SUB, x + 14, y + 31, &style->muted, FALSE);
  show_text (self, cr, t, TEXT_TARGET, x + 14, y + 50, &style->foreground, FALSE);
  show_text (self, cr, t, TEXT_ACTUAL, x + 14, y + 66, &style->muted, FALSE);
  show_text (self, cr, t, TEXT_PERCENT, x + CARD_W - 12, y + 52, pace, TRUE);
  if (jx_target_node_get_locked (node))
    draw_lock (cr, x + CARD_W - 22, y + 11, &style->muted);
}

static void
draw_expander (JxTargetTreeLayout *self,
               cairo_t            *cr,
               Item               *it,
               double              scale)
{
  const JxChartStyle *style = &self->style;
  double cx = it->x + CARD_W / 2, cy = it->y + CARD_H;
  gboolean expanded = !g_hash_table_contains (self->collapsed, it->node);
  CardText *t = g_hash_table_lookup (self->texts, it->node);

  if (!expanded && scale >= 0.45 && t != NULL)
    {
      /* A pill with the number of hidden sub-targets. */
      PangoLayout *layout = text_layout (self, t, TEXT_BADGE);
      PangoRectangle logical;
      double w, h = 2 * EXPANDER_R;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      w = MAX (h, logical.width + 12);
      cairo_new_path (cr);
      rounded_rect (cr, cx - w / 2, cy - h / 2, w, h, h / 2);
      jx_color_set_source (cr, &style->accent);
      cairo_fill (cr);
      jx_color_set_source (cr, &style->card);
      cairo_move_to (cr, cx - logical.width / 2.0, cy - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, EXPANDER_R, 0, 2 * G_PI);
  jx_color_set_source (cr, &style->card);
  cairo_fill_preserve (cr);
  jx_color_set_source (cr, expanded ? &style->card_border : &style->accent);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  jx_color_set_source (cr, expanded ? &style->muted : &style->accent);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, cx - 4, cy);
  cairo_line_to (cr, cx + 4, cy);
  if (!expanded)
    {
      cairo_move_to (cr, cx, cy - 4);
      cairo_line_to (cr, cx, cy + 4);
    }
  cairo_stroke (cr);
}

/* Elbow lines from a parent to its children. */
static void
draw_connectors (JxTargetTreeLayout *self,
                 cairo_t            *cr,
                 Item               *it)
{
  double px = it->x + CARD_W / 2, py = it->y + CARD_H;
  double bus = py + LEVEL_GAP / 2;
  double min_x = px, max_x = px;

  cairo_move_to (cr, px, py);
  cairo_line_to (cr, px, bus);
  if (it->stacked)
    {
      int rows = (it->n_children + it->n_columns - 1) / it->n_columns;
      int k = 0;

      for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling, k++)
        {
          Item *ci = item (self, c);
          double spine = ci->x - INDENT / 2;
          double mid = ci->y + CARD_H / 2;

          if (k % rows == 0)
            {
              Item *last = ci;
              int r = 1;

              for (int d = ci->next_sibling; d >= 0 && r < rows; d = item (self, d)->next_sibling, r++)
                last = item (self, d);
              cairo_move_to (cr, spine, bus);
              cairo_line_to (cr, spine, last->y + CARD_H / 2);
              min_x = MIN (min_x, spine);
              max_x = MAX (max_x, spine);
            }
          cairo_move_to (cr, spine, mid);
          cairo_line_to (cr, ci->x, mid);
        }
    }
  else
    for (int c = it->first_child; c >= 0; c = item (self, c)->next_sibling)
      {
        Item *ci = item (self, c);
        double cx = ci->x + CARD_W / 2;

        cairo_move_to (cr, cx, bus);
        cairo_line_to (cr, cx, ci->y);
        min_x = MIN (min_x, cx);
        max_x = MAX (max_x, cx);
      }
  cairo_move_to (cr, min_x, bus);
  cairo_line_to (cr, max_x, bus);
  cairo_stroke (cr);
}

/**
 * jx_target_tree_layout_draw:
 *
 * Paints the background and the visible part of the chart (the clip of @cr) with the
 * current transform.
 */
void
jx_target_tree_layout_draw (JxTargetTreeLayout *self,
                            cairo_t            *cr)
{
  double x1, y1, x2, y2;
  double scale;

  g_return_if_fail (JX_IS_TARGET_TREE_LAYOUT (self));
  ensure (self);
  scale = self->scale;

  cairo_save (cr);
  jx_color_set_source (cr, &self->style.background);
  cairo_paint (cr);
  cairo_translate (cr, self->dx, self->dy);
  cairo_scale (cr, scale, scale);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);

  if (self->pango == NULL)
    self->pango = pango_cairo_create_context (cr);
  pango_cairo_update_context (cr, self->pango);

  /* Lines first so that the cards and expanders cover their ends. */
  jx_color_set_source (cr, &self->style.grid);
  cairo_set_line_width (cr, MAX (1.5, 1 / scale));
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = item (self, i);

      if (it->n_children == 0 || it->x - it->block > x2 || it->x + it->block + CARD_W < x1 ||
          it->y > y2 || it->bottom < y1)
        continue;
      draw_connectors (self, cr, it);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = item (self, i);

      if (it->x > x2 || it->x + CARD_W < x1 || it->y > y2 || it->y + CARD_H + EXPANDER_R < y1)
        continue;
      draw_card (self, cr, it, scale);
      if (it->has_children && scale * CARD_W >= 48)
        draw_expander (self, cr, it, scale);
    }
  cairo_restore (cr);
}
