/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-target-plan.h"
#include "jx-target-report.h"
#include "jx-target-tree.h"
#include "jx-target-tree-layout.h"

/*
 * The targets report: the plan's target tree drawn by the tree painter, then the
 * attainment of every target in a table.
 *
 * A tree rarely fits one page at a size anyone can read, so it is cut into parts. The first
 * part shows as many levels as fit; every target whose sub-targets did not fit gets a part
 * of its own further on (shown again, with its sub-targets), and so on down. A part that is
 * too wide even for one target and its sub-targets (a year of weeks, a region of 800 reps)
 * is cut into tiles side by side between the cards. A pill on each target that continues
 * says on which page, and each part says where it comes from.
 */

/* Scales of the painter's model (1 unit = 1 px at 100 %) to points: cards are drawn at
 * least half size (labels about 6 pt) and at most 0.8 (about 10 pt). */
#define SCALE_MIN        0.5
#define SCALE_MAX        0.8
/* The painter's card size, in model units. */
#define CARD_W         224.0
#define CARD_H         100.0
#define TILE_PAD         6.0
/* A cut between tiles lies this far left of a card, left of the spine of stacked cards. */
#define CUT_BEFORE      16.0
#define CAPTION_H       15.0
#define PAD_BELOW        4.0
/* Text on the page around the tree, in points. */
#define CAPTION_PT       7.5
#define PILL_PT          6.5

typedef struct _Part Part;

typedef struct {
  JxTargetNode *node;
  Part         *part;
} Link;

struct _Part {
  JxReport     *report;        /* owns this part; not a reference */
  JxTargetTree *tree;
  GListModel   *roots;
  JxChartStyle  style;
  guint         levels;        /* the levels shown: depths 0 … levels − 1 of the roots */
  double        x0, x1;        /* the model range of a tile; the whole width otherwise */
  double        y0, y1;        /* the content's vertical range, model */
  double        scale;         /* planned; less when the page is narrower than planned */
  guint         tile;          /* from 1; 0 when the part is not tiled */
  guint         n_tiles;
  Part         *from;          /* the part this one continues, or NULL */
  Part         *next_tile;
  GArray       *links;         /* Link: targets shown here whose sub-targets follow */
  JxTargetTreeLayout *layout;
};

typedef struct {
  JxReport     *report;
  JxTargetTree *tree;
  const char   *currency;
  JxChartStyle  style;
  double        width;         /* the body of the page, in points, for the smaller paper */
  double        height;
  GPtrArray    *parts;         /* Part, in the order they go into the report */
  GPtrArray    *headings;      /* for each part, the subheading above it, or NULL */
} Planner;

static void
part_free (gpointer data)
{
  Part *part = data;

  g_clear_object (&part->layout);
  g_clear_object (&part->roots);
  g_clear_object (&part->tree);
  g_array_unref (part->links);
  g_free (part);
}

/* Shows the first @levels levels of @layout's roots (G_MAXUINT: every level). */
static void
show_levels (JxTargetTreeLayout *layout,
             guint               levels)
{
  if (levels == G_MAXUINT)
    jx_target_tree_layout_expand_all (layout);
  else
    /* Nodes at depth levels − 1 show with their sub-targets folded. */
    jx_target_tree_layout_collapse_below (layout, levels - 1);
  jx_target_tree_layout_update (layout);
}

/* The number of levels under and including the nodes of @list. */
static guint
count_levels (GListModel *list)
{
  guint levels = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);

      levels = MAX (levels, 1 + count_levels (jx_target_node_get_children (node)));
    }
  return levels;
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

/* The box around the visible cards of @list and below, in model units. */
static void
grow_box (JxTargetTreeLayout *layout,
          GListModel         *list,
          Box                *box)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      JxTargetTreeRect r;

      if (!jx_target_tree_layout_get_model_card (layout, node, &r))
        continue;
      box->x0 = MIN (box->x0, r.x);
      box->y0 = MIN (box->y0, r.y);
      box->x1 = MAX (box->x1, r.x + r.width);
      box->y1 = MAX (box->y1, r.y + r.height);
      grow_box (layout, jx_target_node_get_children (node), box);
    }
}

static Box
content_box (JxTargetTreeLayout *layout,
             GListModel         *roots)
{
  Box box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  grow_box (layout, roots, &box);
  /* The expander and the pill hang below the lowest cards. */
  box.y1 += 10;
  return box;
}

/* The left edges of the visible cards, and of the cards at the last level shown that have
 * sub-targets of their own (in tree order). */
static void
collect_cards (JxTargetTreeLayout *layout,
               GListModel         *list,
               GArray             *lefts,
               GPtrArray          *continued)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      JxTargetTreeRect r;

      if (!jx_target_tree_layout_get_model_card (layout, node, &r))
        continue;
      if (lefts != NULL)
        g_array_append_val (lefts, r.x);
      if (!jx_target_tree_layout_get_expanded (layout, node) &&
          jx_target_node_get_n_children (node) > 0)
        g_ptr_array_add (continued, g_object_ref (node));
      else
        collect_cards (layout, jx_target_node_get_children (node), lefts, continued);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* "Revenue 2026 › East › Chloe Nelson" */
static char *
node_path (JxTargetNode *node)
{
  g_autoptr(GString) path = g_string_new (jx_target_node_get_name (node));

  for (JxTargetNode *p = jx_target_node_get_parent (node); p != NULL;
       p = jx_target_node_get_parent (p))
    {
      g_string_prepend (path, " › ");
      g_string_prepend (path, jx_target_node_get_name (p));
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Drawing */

static PangoLayout *
text_layout (cairo_t            *cr,
             const JxChartStyle *style,
             const char         *text,
             double              points,
             gboolean            bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  /* Absolute sizes are in the units of @cr, which are points here. */
  pango_font_description_set_absolute_size (font, points * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static gboolean
page_of (Part  *part,
         guint *page)
{
  if (!jx_report_get_chart_page (part->report, part, page))
    return FALSE;
  *page += 1;
  return TRUE;
}

/* The line above a part: where it comes from, and for a tile which one it is. */
static void
draw_caption (Part    *part,
              cairo_t *cr,
              double   width)
{
  g_autoptr(GString) left = g_string_new (NULL);
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  guint page;

  if (part->from != NULL && page_of (part->from, &page))
    /* Translators: above a part of the target tree in a report. */
    g_string_append_printf (left, _("Continued from page %u"), page);
  if (part->n_tiles > 1)
    {
      if (left->len > 0)
        g_string_append (left, " · ");
      /* Translators: a part of a target tree too wide for one page, e.g. "part 2 of 5". */
      g_string_append_printf (left, _("part %u of %u"), part->tile, part->n_tiles);
      if (part->next_tile != NULL && page_of (part->next_tile, &page))
        /* Translators: at the right of a part of a target tree too wide for one page. */
        right = g_strdup_printf (_("continues on page %u →"), page);
    }
  if (left->len > 0)
    {
      layout = text_layout (cr, &part->style, left->str, CAPTION_PT, FALSE);
      cairo_move_to (cr, 0, 2);
      jx_color_set_source (cr, &part->style.muted);
      pango_cairo_show_layout (cr, layout);
      g_clear_object (&layout);
    }
  if (right != NULL)
    {
      PangoRectangle logical;

      layout = text_layout (cr, &part->style, right, CAPTION_PT, TRUE);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_move_to (cr, width - (double) logical.width / PANGO_SCALE, 2);
      jx_color_set_source (cr, &part->style.accent);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
pill (cairo_t *cr,
      double   x,
      double   y,
      double   w,
      double   h)
{
  double r = h / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Over the painter's "+N" pill of a target whose sub-targets follow, a wider one that says
 * on which page. */
static void
draw_link (Part       *part,
           cairo_t    *cr,
           const Link *link)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  JxTargetTreeRect card;
  PangoRectangle logical;
  double w, h, cx, cy;
  guint page;

  if (!jx_target_tree_layout_get_card (part->layout, link->node, &card) ||
      !page_of (link->part, &page))
    return;
  /* Translators: on a target card in a report: its number of sub-targets and the page
   * they are on. */
  text = g_strdup_printf (_("+%u · page %u"), jx_target_node_get_n_children (link->node), page);
  layout = text_layout (cr, &part->style, text, PILL_PT, TRUE);
  pango_layout_get_extents (layout, NULL, &logical);
  h = (double) logical.height / PANGO_SCALE + 1.5;
  w = (double) logical.width / PANGO_SCALE + h;
  cx = card.x + card.width / 2;
  cy = card.y + card.height;
  pill (cr, cx - w / 2, cy - h / 2, w, h);
  jx_color_set_source (cr, &part->style.accent);
  cairo_fill (cr);
  cairo_move_to (cr, cx - (double) logical.width / PANGO_SCALE / 2,
                 cy - (double) logical.height / PANGO_SCALE / 2);
  jx_color_set_source (cr, &part->style.card);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_part_cb (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  data)
{
  Part *part = data;
  double content_w = part->x1 - part->x0;
  double scale = MIN (part->scale, width / content_w);
  double dx = (width - content_w * scale) / 2 - part->x0 * scale;
  double dy = CAPTION_H - part->y0 * scale;

  jx_target_tree_layout_set_transform (part->layout, scale, dx, dy);
  cairo_save (cr);
  /* Only this part's window of the layout: a tile's neighbours are on other pages. */
  cairo_rectangle (cr, dx + part->x0 * scale, CAPTION_H - 1, content_w * scale,
                   height - CAPTION_H + 1);
  cairo_clip (cr);
  jx_target_tree_layout_draw (part->layout, cr);
  for (guint i = 0; i < part->links->len; i++)
    draw_link (part, cr, &g_array_index (part->links, Link, i));
  cairo_restore (cr);
  draw_caption (part, cr, width);
}

/* Planning */

static Part *
part_new (Planner    *planner,
          GListModel *roots,
          guint       levels,
          Part       *from)
{
  Part *part = g_new0 (Part, 1);

  part->report = planner->report;
  part->tree = g_object_ref (planner->tree);
  part->roots = g_object_ref (roots);
  part->style = planner->style;
  part->levels = levels;
  part->from = from;
  part->links = g_array_new (FALSE, FALSE, sizeof (Link));
  part->layout = jx_target_tree_layout_new (roots, &planner->style, planner->currency);
  show_levels (part->layout, levels);
  return part;
}

static void
add_part (Planner    *planner,
          Part       *part,
          const char *heading)
{
  g_ptr_array_add (planner->parts, part);
  g_ptr_array_add (planner->headings, g_strdup (heading));
}

static void plan_part (Planner    *planner,
                       GListModel *roots,
                       const char *heading,
                       Part       *from);

static void
find_top (JxTargetTreeLayout *layout,
          GListModel         *list,
          double              x0,
          double              x1,
          double             *top)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      JxTargetTreeRect r;

      if (!jx_target_tree_layout_get_model_card (layout, node, &r))
        continue;
      if (r.x >= x0 && r.x < x1)
        *top = MIN (*top, r.y);
      find_top (layout, jx_target_node_get_children (node), x0, x1, top);
    }
}

/* The top of the highest card of a tile, which need not be the part's top: the target the
 * tile's cards belong to is on one tile only. */
static double
tile_top (JxTargetTreeLayout *layout,
          GListModel         *roots,
          double              x0,
          double              x1)
{
  double top = G_MAXDOUBLE;

  find_top (layout, roots, x0, x1, &top);
  return top;
}

/* Cut positions between cards so that each tile is at most @tile_w wide. */
static GArray *
tile_cuts (GArray *lefts,
           double  x0,
           double  x1,
           double  tile_w)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double start = x0;

  g_array_sort (lefts, compare_doubles);
  g_array_append_val (cuts, start);
  while (x1 - start > tile_w)
    {
      double cut = start + tile_w;

      /* Before the first card that does not fit, with the spine of its column of stacked
       * cards: that column starts the next tile. A card never spans a cut, as cards of one
       * column share their left edge. */
      for (guint i = 0; i < lefts->len; i++)
        {
          double left = g_array_index (lefts, double, i);

          if (left - CUT_BEFORE > start + 1 && left + CARD_W > start + tile_w)
            {
              cut = left - CUT_BEFORE;
              break;
            }
        }
      if (cut <= start + 1)
        cut = start + tile_w;
      g_array_append_val (cuts, cut);
      start = cut;
    }
  g_array_append_val (cuts, x1);
  return cuts;
}

/*
 * Plans the part for @roots (the plan's roots, or one target whose sub-targets continue
 * from @from, under @heading) and then, in order, the parts of the targets it could not
 * show whole.
 */
static void
plan_part (Planner    *planner,
           GListModel *roots,
           const char *heading,
           Part       *from)
{
  guint n_roots = g_list_model_get_n_items (roots);
  guint all = count_levels (roots);
  /* One target alone says nothing new: a part shows it with its sub-targets at least. */
  guint least = n_roots == 1 ? MIN (2, all) : 1;
  double avail_w = planner->width / SCALE_MIN;
  double avail_h = (planner->height - CAPTION_H - PAD_BELOW) / SCALE_MIN;
  g_autoptr(GPtrArray) continued = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
  Part *part = NULL;
  Box box = { 0 };

  for (guint levels = all; levels >= least && levels > 0; levels--)
    {
      part = part_new (planner, roots, levels == all ? G_MAXUINT : levels, from);
      box = content_box (part->layout, roots);
      if ((box.x1 - box.x0) <= avail_w && (box.y1 - box.y0) <= avail_h)
        break;
      if (levels > least)
        g_clear_pointer (&part, part_free);
    }
  g_assert (part != NULL);

  part->y0 = box.y0 - TILE_PAD;
  part->y1 = box.y1;
  if ((box.x1 - box.x0) <= avail_w)
    {
      part->x0 = box.x0 - TILE_PAD;
      part->x1 = box.x1 + TILE_PAD;
      part->scale = MIN (SCALE_MAX, MIN (planner->width / (part->x1 - part->x0),
                                         (planner->height - CAPTION_H - PAD_BELOW) /
                                         (part->y1 - part->y0)));
      g_ptr_array_add (tiles, part);
    }
  else
    {
      g_autoptr(GArray) lefts = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) cuts = NULL;

      collect_cards (part->layout, roots, lefts, ignored);
      cuts = tile_cuts (lefts, box.x0 - TILE_PAD, box.x1 + TILE_PAD, avail_w);
      for (guint t = 0; t + 1 < cuts->len; t++)
        {
          Part *tile = part;

          if (t > 0)
            {
              /* Tiles draw the same layout through different windows. */
              tile = g_new0 (Part, 1);
              *tile = *part;
              tile->tree = g_object_ref (part->tree);
              tile->roots = g_object_ref (part->roots);
              tile->layout = g_object_ref (part->layout);
              tile->links = g_array_new (FALSE, FALSE, sizeof (Link));
              tile->next_tile = NULL;
            }

          tile->x0 = g_array_index (cuts, double, t);
          tile->x1 = g_array_index (cuts, double, t + 1);
          tile->y0 = tile_top (part->layout, roots, tile->x0, tile->x1) - TILE_PAD;
          tile->y1 = part->y1;
          tile->scale = SCALE_MIN;
          tile->tile = t + 1;
          tile->n_tiles = cuts->len - 1;
          if (t > 0)
            ((Part *) g_ptr_array_index (tiles, t - 1))->next_tile = tile;
          g_ptr_array_add (tiles, tile);
        }
    }

  for (guint t = 0; t < tiles->len; t++)
    add_part (planner, g_ptr_array_index (tiles, t), t == 0 ? heading : NULL);

  /* Each target that continues, in the order of the tree, and the tile it is drawn in. */
  collect_cards (part->layout, roots, NULL, continued);
  for (guint i = 0; i < continued->len; i++)
    {
      JxTargetNode *node = g_ptr_array_index (continued, i);
      g_autoptr(GListStore) one = g_list_store_new (JX_TYPE_TARGET_NODE);
      g_autofree char *path = node_path (node);
      Part *shown_in = g_ptr_array_index (tiles, 0);
      JxTargetTreeRect card;
      Link link = { node, NULL };
      guint before;

      if (jx_target_tree_layout_get_model_card (part->layout, node, &card))
        for (guint t = 0; t < tiles->len; t++)
          {
            Part *tile = g_ptr_array_index (tiles, t);

            if (card.x >= tile->x0 && card.x < tile->x1)
              shown_in = tile;
          }
      g_list_store_append (one, node);
      before = planner->parts->len;
      plan_part (planner, G_LIST_MODEL (one), path, shown_in);
      link.part = g_ptr_array_index (planner->parts, before);
      g_array_append_val (shown_in->links, link);
    }
}

/* The body of a page on the smaller of A4 and Letter, where the parts must fit. */
static void
body_size (JxReport *report,
           double   *width,
           double   *height)
{
  const JxPaper papers[] = { JX_PAPER_A4, JX_PAPER_LETTER };

  *width = *height = G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      cairo_rectangle_t body;
      double w, h;

      jx_paper_get_size (papers[i], &w, &h);
      jx_report_paginate (report, w, h);
      jx_report_get_body_area (report, &body);
      *width = MIN (*width, body.width);
      *height = MIN (*height, body.height);
    }
}

static void
add_tree (JxReport     *report,
          JxTargetTree *tree)
{
  Planner planner = { report, tree, jx_target_tree_get_currency (tree) };

  /* The colours of paper and the font size the painter's cards are designed for. */
  planner.style = *jx_report_get_style (report);
  planner.style.font_size = 10;
  double scale = SCALE_MAX;

  planner.parts = g_ptr_array_new ();
  planner.headings = g_ptr_array_new_with_free_func (g_free);
  body_size (report, &planner.width, &planner.height);
  plan_part (&planner, jx_target_tree_get_roots (tree), NULL, NULL);

  /* Cards are as large on every page as on the part that needs them smallest, so that the
   * parts read as one chart. */
  for (guint i = 0; i < planner.parts->len; i++)
    scale = MIN (scale, ((Part *) g_ptr_array_index (planner.parts, i))->scale);
  for (guint i = 0; i < planner.parts->len; i++)
    {
      Part *part = g_ptr_array_index (planner.parts, i);
      const char *heading = g_ptr_array_index (planner.headings, i);
      double height;

      part->scale = scale;
      height = CAPTION_H + (part->y1 - part->y0) * scale + PAD_BELOW;
      if (heading != NULL)
        jx_report_add_subheading (report, heading);
      jx_report_add_chart (report, MIN (height, planner.height), draw_part_cb, part, part_free);
    }
  g_ptr_array_unref (planner.parts);
  g_ptr_array_unref (planner.headings);
}

/* A date that does not break over two lines: a no-break space for each space, a word
 * joiner between Chinese characters (which may otherwise break anywhere). */
static char *
unbreakable_date (const GDate *date)
{
  g_autofree char *text = jx_date_format (date);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (out->len > 0 && c != ' ')
        g_string_append_unichar (out, 0x2060);
      g_string_append_unichar (out, c == ' ' ? 0x00A0 : c);
    }
  return g_string_free (out, FALSE);
}

/* An amount of @node's metric for the attainment table: money in whole units, so that the
 * six figures of a row fit beside the name however large the plan; counts as they are. */
static char *
table_amount (JxTargetNode *node,
              gint64        value,
              const char   *currency)
{
  if (jx_target_metric_is_money (jx_target_node_get_metric (node)))
    return jx_money_format_whole (value, currency);
  return jx_number_format (value);
}

static gboolean
same_period (JxTargetNode   *node,
             const JxPeriod *period)
{
  JxPeriod other;

  jx_target_node_get_period (node, &other);
  return g_date_compare (&other.from, &period->from) == 0 &&
         g_date_compare (&other.to, &period->to) == 0;
}

static void
add_rows (JxReportTable *table,
          GListModel    *list,
          const char    *currency)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JxTargetNode) node = g_list_model_get_item (list, i);
      guint depth = jx_target_node_get_depth (node);
      g_autoptr(GString) name = g_string_new (NULL);
      gint64 amount = jx_target_node_get_amount (node);
      gboolean has_actual = jx_target_node_has_actual (node);
      g_autofree char *target = table_amount (node, amount, currency);
      g_autofree char *actual = NULL;
      g_autofree char *percent = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *gap = table_amount (node, jx_target_node_get_gap (node), currency);
      g_autoptr(GString) indent = g_string_new (NULL);
      g_autofree char *period = NULL, *from = NULL, *to = NULL;
      JxTargetNode *parent = jx_target_node_get_parent (node);
      JxPeriod p;

      /* Sub-targets are indented under their parent, by two spaces a level (no-break
       * spaces, so that a line never breaks after the indent alone). */
      for (guint d = 0; d < MIN (depth, 6); d++)
        g_string_append (indent, "\u00a0\u00a0");
      g_string_append_printf (name, "%s%s", indent->str, jx_target_node_get_name (node));
      /* The period under the name when it is not the parent's: a region's part of a month
       * needs no second "Jan 1 – Jan 31". */
      jx_target_node_get_period (node, &p);
      if (parent == NULL || !same_period (parent, &p))
        {
          from = unbreakable_date (&p.from);
          to = unbreakable_date (&p.to);
          /* Translators: a period of time in a report table, from one date to another. */
          period = g_strdup_printf (_("%s – %s"), from, to);
          g_string_append_printf (name, "\n%s%s", indent->str, period);
        }
      if (has_actual)
        {
          actual = table_amount (node, jx_target_node_get_actual (node), currency);
          percent = amount > 0 ? jx_percent_format (jx_target_node_get_attainment (node), 1)
                               : g_strdup ("—");
          expected = table_amount (node, jx_target_node_get_expected_to_date (node), currency);
        }
      jx_report_table_add_row_va (table, name->str, target,
                                  actual != NULL ? actual : "—",
                                  percent != NULL ? percent : "—",
                                  expected != NULL ? expected : "—", gap,
                                  jx_target_pace_label (jx_target_node_get_pace (node)), NULL);
      add_rows (table, jx_target_node_get_children (node), currency);
    }
}

static void
add_attainment (JxReport     *report,
                JxTargetTree *tree)
{
  JxReportTable *table = jx_report_add_table (report, 7);

  /* Translators: the title of the attainment table of the targets report. */
  jx_report_table_set_title (table, _("Every target of the plan"));
  jx_report_table_set_empty_text (table, _("The plan has no targets yet."));
  jx_report_table_set_column (table, 0, _("Target and period"), JX_REPORT_ALIGN_START, 2.6);
  /* Translators: the column of target amounts in the attainment table. */
  jx_report_table_set_column (table, 1, C_("amount", "Target"), JX_REPORT_ALIGN_END, 1.3);
  jx_report_table_set_column (table, 2, _("Actual"), JX_REPORT_ALIGN_END, 1.3);
  jx_report_table_set_column (table, 3, _("Attained"), JX_REPORT_ALIGN_END, 0.8);
  jx_report_table_set_column (table, 4, _("Expected to date"), JX_REPORT_ALIGN_END, 1.3);
  jx_report_table_set_column (table, 5, _("Gap"), JX_REPORT_ALIGN_END, 1.3);
  jx_report_table_set_column (table, 6, _("Pace"), JX_REPORT_ALIGN_CENTER, 0.8);
  add_rows (table, jx_target_tree_get_roots (tree), jx_target_tree_get_currency (tree));
  /* xgettext:no-c-format */
  jx_report_add_note (report, _("Amounts are rounded to whole units of the currency. A "
                                "target's period is under its name when it is not its "
                                "parent's. Actual: won deals closed in the target's period that "
                                "match its filters. Expected to date: the target × the part of "
                                "its period that has passed. Pace: ahead when the actual "
                                "reaches the expected to date, on pace within 10% below it, "
                                "behind otherwise. Gap: target − actual."));
}

/* Key figures of the plan's one top target, when it has one. */
static void
add_cards (JxReport     *report,
           JxTargetTree *tree)
{
  GListModel *roots = jx_target_tree_get_roots (tree);
  const char *cur = jx_target_tree_get_currency (tree);
  g_autoptr(JxTargetNode) root = NULL;
  g_autofree char *target = NULL, *actual = NULL, *percent = NULL, *expected = NULL;
  g_autofree char *gap = NULL, *expected_detail = NULL;
  JxReportFigure figures[5];

  if (g_list_model_get_n_items (roots) != 1)
    return;
  root = g_list_model_get_item (roots, 0);
  if (!jx_target_node_has_actual (root))
    return;
  target = jx_target_node_format_amount (root, jx_target_node_get_amount (root), cur, TRUE);
  actual = jx_target_node_format_amount (root, jx_target_node_get_actual (root), cur, TRUE);
  percent = jx_target_node_get_amount (root) > 0
            ? jx_percent_format (jx_target_node_get_attainment (root), 1) : g_strdup ("—");
  expected = jx_target_node_format_amount (root, jx_target_node_get_expected_to_date (root), cur,
                                           TRUE);
  gap = jx_target_node_format_amount (root, jx_target_node_get_gap (root), cur, TRUE);
  figures[0] = (JxReportFigure) { jx_target_node_get_name (root), target, NULL };
  figures[1] = (JxReportFigure) { _("Actual"), actual, NULL };
  figures[2] = (JxReportFigure) { _("Attained"), percent,
                                  jx_target_pace_label (jx_target_node_get_pace (root)) };
  figures[3] = (JxReportFigure) { _("Expected to date"), expected, NULL };
  figures[4] = (JxReportFigure) { _("Gap"), gap, _("target − actual") };
  jx_report_add_figures (report, figures, G_N_ELEMENTS (figures));
}

/**
 * jx_target_report_new:
 * @plan_id: the plan to report on
 * @today: the day attainment, the expected-to-date amounts and pace are measured on
 *
 * Builds the targets report: the plan's target tree, cut into parts that fit the page, and
 * the attainment of every target.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
JxReport *
jx_target_report_new (JxStore      *store,
                      gint64        plan_id,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(JxTargetPlan) plan = NULL;
  g_autoptr(JxReport) report = NULL;
  g_autofree char *company = NULL;
  g_autofree char *id = NULL;
  g_autofree char *filters = NULL;
  GListModel *roots;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
  plan = jx_target_plan_find (store, id, error);
  if (plan == NULL)
    return NULL;
  tree = jx_target_tree_new (store, plan_id, today);
  if (!jx_target_tree_load (tree, error) || !jx_target_tree_refresh_actuals (tree, error))
    return NULL;
  roots = jx_target_tree_get_roots (tree);

  report = jx_report_new (NULL);
  company = jx_store_get_setting (store, "company_name");
  jx_report_set_company (report, company != NULL && *company != '\0' ? company : NULL);
  /* Translators: the title of the targets report. */
  jx_report_set_title (report, _("Targets"));
  if (g_list_model_get_n_items (roots) == 1)
    {
      g_autoptr(JxTargetNode) root = g_list_model_get_item (roots, 0);
      JxPeriod period;

      jx_target_node_get_period (root, &period);
      jx_report_set_period (report, &period);
    }
  /* Translators: in the header of the targets report: the plan's name. */
  filters = g_strdup_printf (jx_target_plan_get_active (plan) ? _("Plan “%s” (active)")
                                                              : _("Plan “%s”"),
                             jx_target_plan_get_name (plan));
  jx_report_set_filters (report, filters);
  jx_report_set_made_on (report, today);

  add_cards (report, tree);
  /* Translators: a heading of the targets report. */
  jx_report_add_heading (report, _("Target tree"));
  if (jx_target_tree_get_n_nodes (tree) > 0)
    add_tree (report, tree);
  else
    jx_report_add_paragraph (report, _("The plan has no targets yet."));
  jx_report_add_heading (report, _("Attainment"));
  add_attainment (report, tree);
  return g_steal_pointer (&report);
}
