/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"
#include "jx-target-tree-layout.h"

/*
 * The tree chart on a demo plan: Revenue 2026 → Q1–Q4, Q4 → regions by history, East →
 * its team members, the first rep → months. Set JX_TEST_PNG_DIR to keep the pictures.
 */

typedef struct {
  char         *dir;
  JxStore      *store;
  JxTargetTree *tree;
  JxTargetNode *root;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JxDemoOptions options;
  JxTargetNode *q4, *east;
  GDate today;

  f->dir = jx_test_make_dir ();
  path = g_build_filename (f->dir, "r.db", NULL);
  f->store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jx_test_date (&today, "2026-11-27");
  jx_demo_options_init (&options, &today);
  options.chinese_names = GPOINTER_TO_INT (data);
  g_assert_true (jx_demo_generate (f->store, &options, NULL, NULL, &error));
  f->tree = jx_target_tree_new (f->store, jx_target_plan_get_active_id (f->store), &today);
  g_assert_true (jx_target_tree_load (f->tree, &error));
  g_assert_true (jx_target_tree_refresh_actuals (f->tree, &error));
  {
    g_autoptr(JxTargetNode) root = g_list_model_get_item (jx_target_tree_get_roots (f->tree), 0);
    f->root = root;
  }
  q4 = jx_test_child_at (f->root, 3);
  jx_test_decompose (f->tree, q4, JX_TARGET_DIMENSION_REGION, JX_TARGET_METHOD_HISTORY);
  east = jx_test_child_at (q4, 0);
  jx_test_decompose (f->tree, east, JX_TARGET_DIMENSION_MEMBER, JX_TARGET_METHOD_HISTORY);
  jx_test_decompose (f->tree, jx_test_child_at (east, 0), JX_TARGET_DIMENSION_MONTH,
                     JX_TARGET_METHOD_EQUAL);
  g_assert_true (jx_target_tree_set_locked (f->tree, jx_test_child_at (q4, 1), TRUE, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->tree);
  g_clear_object (&f->store);
  jx_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  const char *dir = g_getenv ("JX_TEST_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

typedef struct {
  JxTargetNode     *node;
  JxTargetTreeRect  rect;
} Card;

static void
collect_cards (JxTargetTreeLayout *layout,
               JxTargetNode       *node,
               GArray             *cards)
{
  Card card = { node };

  if (!jx_target_tree_layout_get_model_card (layout, node, &card.rect))
    return;
  g_array_append_val (cards, card);
  for (guint i = 0; i < jx_target_node_get_n_children (node); i++)
    collect_cards (layout, jx_test_child_at (node, i), cards);
}

/* Every card inside the drawing, none overlapping another. */
static guint
check_geometry (JxTargetTreeLayout *layout,
                JxTargetNode       *root)
{
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (Card));
  double width, height;

  jx_target_tree_layout_get_size (layout, &width, &height);
  collect_cards (layout, root, cards);
  g_assert_cmpuint (cards->len, ==, jx_target_tree_layout_get_n_visible (layout));
  for (guint i = 0; i < cards->len; i++)
    {
      const JxTargetTreeRect *a = &g_array_index (cards, Card, i).rect;

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width);
      g_assert_cmpfloat (a->y + a->height, <=, height);
      for (guint j = i + 1; j < cards->len; j++)
        {
          const JxTargetTreeRect *b = &g_array_index (cards, Card, j).rect;
          gboolean apart = a->x + a->width <= b->x || b->x + b->width <= a->x ||
                           a->y + a->height <= b->y || b->y + b->height <= a->y;

          if (!apart)
            g_error ("“%s” and “%s” overlap",
                     jx_target_node_get_name (g_array_index (cards, Card, i).node),
                     jx_target_node_get_name (g_array_index (cards, Card, j).node));
        }
    }
  return cards->len;
}

static void
get_pixel (cairo_surface_t *surface,
           double           x,
           double           y,
           double           rgb[3])
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static void
draw_to_png (JxTargetTreeLayout  *layout,
             const char          *name,
             cairo_surface_t    **out)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  jx_target_tree_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  jx_target_tree_layout_set_transform (layout, 1, 0, 0);
  jx_target_tree_layout_draw (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  save_png (surface, name);
  if (out != NULL)
    *out = surface;
  else
    cairo_surface_destroy (surface);
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JxTargetTreeLayout) layout = NULL;
  JxChartStyle style;
  cairo_surface_t *surface = NULL;
  JxTargetNode *q4 = jx_test_child_at (f->root, 3);
  JxTargetNode *east = jx_test_child_at (q4, 0);
  JxTargetTreeRect rect;
  double rgb[3];
  guint n;

  jx_chart_style_init_light (&style);
  layout = jx_target_tree_layout_new (jx_target_tree_get_roots (f->tree), &style,
                                      jx_target_tree_get_currency (f->tree));
  n = check_geometry (layout, f->root);
  g_assert_cmpuint (n, ==, jx_target_tree_get_n_nodes (f->tree));
  draw_to_png (layout, data != NULL ? "target-tree-zh.png" : "target-tree-light.png", &surface);

  /* The attainment bar of the root is filled with the colour of its pace. */
  g_assert_true (jx_target_tree_layout_get_card (layout, f->root, &rect));
  get_pixel (surface, rect.x + 22, rect.y + rect.height - 13, rgb);
  {
    const JxColor *c = jx_target_node_get_pace (f->root) == JX_TARGET_PACE_AHEAD ? &style.good
                       : jx_target_node_get_pace (f->root) == JX_TARGET_PACE_ON_PACE ? &style.warning
                       : &style.bad;

    g_assert_cmpfloat (fabs (rgb[0] - c->red) + fabs (rgb[1] - c->green) + fabs (rgb[2] - c->blue),
                       <, 0.05);
  }
  cairo_surface_destroy (surface);

  /* Collapsing East hides its members and their months; the rest stays tidy. */
  jx_target_tree_layout_set_expanded (layout, east, FALSE);
  {
    JxTargetNode *rep = jx_test_child_at (east, 0);

    g_assert_false (jx_target_tree_layout_is_visible (layout, rep));
    g_assert_false (jx_target_tree_layout_is_visible (layout, jx_test_child_at (rep, 0)));
  }
  g_assert_true (jx_target_tree_layout_is_visible (layout, east));
  g_assert_cmpuint (check_geometry (layout, f->root), ==,
                    n - jx_target_node_get_n_children (east) -
                    jx_target_node_get_n_children (jx_test_child_at (east, 0)));
  if (data == NULL)
    draw_to_png (layout, "target-tree-collapsed.png", NULL);

  /* The expander of East is under the middle of its card's bottom edge. */
  g_assert_true (jx_target_tree_layout_get_card (layout, east, &rect));
  {
    JxTargetTreeHit hit;

    g_assert_true (jx_target_tree_layout_hit_test (layout, rect.x + rect.width / 2,
                                                   rect.y + rect.height, &hit) == east);
    g_assert_cmpint (hit, ==, JX_TARGET_TREE_HIT_EXPANDER);
    g_assert_true (jx_target_tree_layout_hit_test (layout, rect.x + 20, rect.y + 20, &hit) == east);
    g_assert_cmpint (hit, ==, JX_TARGET_TREE_HIT_CARD);
    g_assert_null (jx_target_tree_layout_hit_test (layout, rect.x - 5, rect.y - 5, &hit));
    g_assert_cmpint (hit, ==, JX_TARGET_TREE_HIT_NONE);
  }
  jx_target_tree_layout_toggle (layout, east);
  g_assert_true (jx_target_tree_layout_is_visible (layout, jx_test_child_at (east, 0)));

  /* Keyboard moves. */
  g_assert_true (jx_target_tree_layout_move (layout, east, JX_TARGET_TREE_MOVE_PARENT) == q4);
  g_assert_true (jx_target_tree_layout_move (layout, q4, JX_TARGET_TREE_MOVE_FIRST_CHILD) == east);
  g_assert_true (jx_target_tree_layout_move (layout, east, JX_TARGET_TREE_MOVE_NEXT_SIBLING) ==
                 jx_test_child_at (q4, 1));
  g_assert_true (jx_target_tree_layout_move (layout, jx_test_child_at (q4, 1),
                                             JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING) == east);
  g_assert_null (jx_target_tree_layout_move (layout, f->root, JX_TARGET_TREE_MOVE_PARENT));
  g_assert_null (jx_target_tree_layout_move (layout, jx_test_child_at (f->root, 0),
                                             JX_TARGET_TREE_MOVE_FIRST_CHILD));

  /* Zoom at a point keeps the point; fit puts the whole chart inside the view. */
  jx_target_tree_layout_set_transform (layout, 1, 0, 0);
  g_assert_true (jx_target_tree_layout_get_card (layout, east, &rect));
  jx_target_tree_layout_zoom_at (layout, 2, rect.x, rect.y);
  {
    JxTargetTreeRect zoomed;

    g_assert_true (jx_target_tree_layout_get_card (layout, east, &zoomed));
    g_assert_cmpfloat_with_epsilon (zoomed.x, rect.x, 1e-9);
    g_assert_cmpfloat_with_epsilon (zoomed.width, 2 * rect.width, 1e-9);
    g_assert_true (jx_target_tree_layout_hit_test (layout, zoomed.x + 30, zoomed.y + 30, NULL) == east);
  }
  jx_target_tree_layout_fit (layout, 800, 600);
  {
    JxTargetTreeRect first, last;
    JxTargetNode *member = jx_test_child_at (east, 0);

    g_assert_true (jx_target_tree_layout_get_card (layout, f->root, &first));
    g_assert_true (jx_target_tree_layout_get_card (layout, jx_test_child_at (member, 2), &last));
    g_assert_cmpfloat (first.y, >=, 0);
    g_assert_cmpfloat (last.y + last.height, <=, 600);
    g_assert_cmpfloat (last.x + last.width, <=, 800);
  }
  jx_target_tree_layout_set_transform (layout, 1, 0, 0);
  {
    JxTargetNode *december = jx_test_child_at (jx_test_child_at (east, 0), 2);

    jx_target_tree_layout_scroll_to (layout, december, 400, 300);
    g_assert_true (jx_target_tree_layout_get_card (layout, december, &rect));
  }
  g_assert_cmpfloat (rect.x, >=, 0);
  g_assert_cmpfloat (rect.y + rect.height, <=, 300);
  g_assert_cmpfloat (rect.x + rect.width, <=, 400);
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JxTargetTreeLayout) layout = NULL;
  JxChartStyle style;
  cairo_surface_t *surface = NULL;
  double rgb[3];

  jx_chart_style_init_dark (&style);
  layout = jx_target_tree_layout_new (jx_target_tree_get_roots (f->tree), &style,
                                      jx_target_tree_get_currency (f->tree));
  jx_target_tree_layout_set_selected (layout, jx_test_child_at (f->root, 3));
  draw_to_png (layout, "target-tree-dark.png", &surface);
  /* The background is the dark style's. */
  get_pixel (surface, 2, 2, rgb);
  g_assert_cmpfloat (fabs (rgb[0] - style.background.red), <, 0.01);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/jx/target-tree-layout/layout", Fixture, NULL, fixture_set_up, test_layout,
              fixture_tear_down);
  g_test_add ("/jx/target-tree-layout/chinese", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_layout, fixture_tear_down);
  g_test_add ("/jx/target-tree-layout/dark", Fixture, NULL, fixture_set_up, test_dark,
              fixture_tear_down);
  return g_test_run ();
}
