/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-target-chart.h"
#include "jx-ui.h"

/*
 * The target tree chart: draws the jx-target-tree-layout painter and turns the pointer,
 * touchpad and keyboard into its transform, its expanded state and a selection. Clicks go
 * through jx_target_chart_click() so that tests drive the same code as the gesture.
 */

#define ZOOM_STEP   1.2
#define SCROLL_STEP 48.0
#define READABLE_SCALE 0.7

struct _JxTargetChart {
  GtkWidget           parent_instance;

  JxTargetTree       *tree;
  gulong              tree_changed_id;
  JxTargetTreeLayout *layout;
  JxTargetNode       *selected;
  JxChartStyle        style;

  /* The transform follows the size (fitted) until the user pans or zooms. */
  gboolean            user_moved;
  gboolean            show_whole;
  gboolean            first_view;
  gboolean            dragging;
  double              drag_dx, drag_dy;
  double              zoom_start;
  double              pointer_x, pointer_y;
};

G_DEFINE_FINAL_TYPE (JxTargetChart, jx_target_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  SIGNAL_ACTIVATE_NODE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_style (JxTargetChart *self)
{
  jx_ui_chart_style_for (GTK_WIDGET (self), &self->style);
  if (self->layout != NULL)
    jx_target_tree_layout_set_style (self->layout, &self->style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_cb (JxTargetChart *self)
{
  update_style (self);
}

/* Until the user moves it, the chart shows the whole tree when it is readable that way,
 * or else the top of it at a readable scale, the first target in the middle. */
static void
refit_unless_moved (JxTargetChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double scale, dx, dy;
  JxTargetTreeRect card;
  GListModel *roots;
  g_autoptr(JxTargetNode) first = NULL;

  if (self->user_moved || self->layout == NULL || width <= 0 ||
      gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;
  jx_target_tree_layout_fit (self->layout, width, gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->show_whole)
    return;
  jx_target_tree_layout_get_transform (self->layout, &scale, &dx, &dy);
  /* The first time, a tree too wide to read opens on its top two levels. */
  if (self->first_view && scale < READABLE_SCALE)
    {
      jx_target_tree_layout_collapse_below (self->layout, 1);
      jx_target_tree_layout_update (self->layout);
      jx_target_tree_layout_fit (self->layout, width, gtk_widget_get_height (GTK_WIDGET (self)));
      jx_target_tree_layout_get_transform (self->layout, &scale, &dx, &dy);
    }
  self->first_view = FALSE;
  roots = jx_target_tree_get_roots (self->tree);
  if (scale >= READABLE_SCALE || g_list_model_get_n_items (roots) == 0)
    return;
  first = g_list_model_get_item (roots, 0);
  if (!jx_target_tree_layout_get_model_card (self->layout, first, &card))
    return;
  jx_target_tree_layout_set_transform (self->layout, READABLE_SCALE,
                                       width / 2.0 - (card.x + card.width / 2) * READABLE_SCALE,
                                       0);
}

static void
on_tree_changed_cb (JxTargetChart *self)
{
  jx_target_tree_layout_invalidate (self->layout);
  if (self->selected != NULL &&
      jx_target_tree_lookup (self->tree, jx_target_node_get_id (self->selected)) != self->selected)
    jx_target_chart_set_selected (self, NULL);
  refit_unless_moved (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Public API. */

GtkWidget *
jx_target_chart_new (void)
{
  return g_object_new (JX_TYPE_TARGET_CHART, NULL);
}

/* Shows @tree (or nothing). Large plans start collapsed below their second level. */
void
jx_target_chart_set_tree (JxTargetChart *self,
                          JxTargetTree  *tree)
{
  g_return_if_fail (JX_IS_TARGET_CHART (self));

  if (self->tree == tree)
    return;
  jx_target_chart_set_selected (self, NULL);
  if (self->tree != NULL)
    g_clear_signal_handler (&self->tree_changed_id, self->tree);
  g_clear_object (&self->layout);
  g_set_object (&self->tree, tree);
  if (tree != NULL)
    {
      jx_ui_chart_style_for (GTK_WIDGET (self), &self->style);
      self->layout = jx_target_tree_layout_new (jx_target_tree_get_roots (tree), &self->style,
                                                jx_target_tree_get_currency (tree));
      if (jx_target_tree_get_n_nodes (tree) > 40)
        jx_target_tree_layout_collapse_below (self->layout, 1);
      self->tree_changed_id = g_signal_connect_swapped (tree, "changed",
                                                        G_CALLBACK (on_tree_changed_cb), self);
    }
  self->user_moved = FALSE;
  self->show_whole = FALSE;
  self->first_view = TRUE;
  refit_unless_moved (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

JxTargetTree *
jx_target_chart_get_tree (JxTargetChart *self)
{
  g_return_val_if_fail (JX_IS_TARGET_CHART (self), NULL);
  return self->tree;
}

JxTargetTreeLayout *
jx_target_chart_get_layout (JxTargetChart *self)
{
  g_return_val_if_fail (JX_IS_TARGET_CHART (self), NULL);
  return self->layout;
}

JxTargetNode *
jx_target_chart_get_selected (JxTargetChart *self)
{
  g_return_val_if_fail (JX_IS_TARGET_CHART (self), NULL);
  return self->selected;
}

/* Expands the ancestors of @node so that its card shows, and scrolls it into view. */
void
jx_target_chart_reveal (JxTargetChart *self,
                        JxTargetNode  *node)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean changed = FALSE;

  g_return_if_fail (JX_IS_TARGET_CHART (self));
  if (self->layout == NULL || node == NULL)
    return;
  for (JxTargetNode *a = jx_target_node_get_parent (node); a != NULL;
       a = jx_target_node_get_parent (a))
    if (!jx_target_tree_layout_get_expanded (self->layout, a))
      {
        jx_target_tree_layout_set_expanded (self->layout, a, TRUE);
        changed = TRUE;
      }
  if (changed)
    jx_target_tree_layout_update (self->layout);
  if (width > 0 && height > 0)
    {
      JxTargetTreeRect r;

      /* Scrolling moves the view: from now on it stays where the user put it. */
      if (jx_target_tree_layout_get_card (self->layout, node, &r) &&
          (r.x < 0 || r.y < 0 || r.x + r.width > width || r.y + r.height > height))
        self->user_moved = TRUE;
      jx_target_tree_layout_scroll_to (self->layout, node, width, height);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jx_target_chart_set_selected (JxTargetChart *self,
                              JxTargetNode  *node)
{
  g_return_if_fail (JX_IS_TARGET_CHART (self));

  if (self->selected == node)
    return;
  g_set_object (&self->selected, node);
  if (self->layout != NULL)
    {
      if (node != NULL)
        jx_target_chart_reveal (self, node);
      jx_target_tree_layout_set_selected (self->layout, node);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
jx_target_chart_fit (JxTargetChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (JX_IS_TARGET_CHART (self));
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  jx_target_tree_layout_fit (self->layout, width, height);
  self->user_moved = FALSE;
  self->show_whole = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms around the selected card, or the middle of the chart. */
void
jx_target_chart_zoom (JxTargetChart *self,
                      double         factor)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  JxTargetTreeRect r;

  g_return_if_fail (JX_IS_TARGET_CHART (self));
  if (self->layout == NULL)
    return;
  if (self->selected != NULL && jx_target_tree_layout_get_card (self->layout, self->selected, &r))
    {
      x = r.x + r.width / 2;
      y = r.y + r.height / 2;
    }
  jx_target_tree_layout_zoom_at (self->layout, factor, x, y);
  self->user_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Collapses or expands @node, keeping its card where it was on the screen. */
static void
toggle_node (JxTargetChart *self,
             JxTargetNode  *node)
{
  JxTargetTreeRect before, after;
  gboolean had = jx_target_tree_layout_get_card (self->layout, node, &before);

  if (jx_target_node_get_n_children (node) == 0)
    return;
  jx_target_tree_layout_toggle (self->layout, node);
  jx_target_tree_layout_update (self->layout);
  if (had && jx_target_tree_layout_get_card (self->layout, node, &after))
    jx_target_tree_layout_pan (self->layout, before.x - after.x, before.y - after.y);
  /* A selection hidden by the collapse moves up to the collapsed card. */
  if (self->selected != NULL && !jx_target_tree_layout_is_visible (self->layout, self->selected))
    jx_target_chart_set_selected (self, node);
  else
    jx_target_tree_layout_set_selected (self->layout, self->selected);
  self->user_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jx_target_chart_click:
 * @x: (in widget coordinates)
 * @n_press: 1 for a click, 2 for a double click
 *
 * What a click does: the expander under the point toggles its card's subtree, a card is
 * selected (and a double click asks to edit it).
 */
void
jx_target_chart_click (JxTargetChart *self,
                       double         x,
                       double         y,
                       int            n_press)
{
  JxTargetTreeHit hit = JX_TARGET_TREE_HIT_NONE;
  JxTargetNode *node;

  g_return_if_fail (JX_IS_TARGET_CHART (self));
  if (self->layout == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  node = jx_target_tree_layout_hit_test (self->layout, x, y, &hit);
  if (node == NULL)
    return;
  g_object_ref (node);
  if (hit == JX_TARGET_TREE_HIT_EXPANDER)
    toggle_node (self, node);
  else
    {
      jx_target_chart_set_selected (self, node);
      if (n_press == 2)
        g_signal_emit (self, signals[SIGNAL_ACTIVATE_NODE], 0, node);
    }
  g_object_unref (node);
}

/* Moves the selection by the keyboard; Down into a collapsed card expands it first. */
gboolean
jx_target_chart_move (JxTargetChart    *self,
                      JxTargetTreeMove  move)
{
  JxTargetNode *next;

  g_return_val_if_fail (JX_IS_TARGET_CHART (self), FALSE);
  if (self->layout == NULL)
    return FALSE;
  if (self->selected == NULL)
    {
      GListModel *roots = jx_target_tree_get_roots (self->tree);
      g_autoptr(JxTargetNode) first = NULL;

      if (g_list_model_get_n_items (roots) == 0)
        return FALSE;
      first = g_list_model_get_item (roots, 0);
      jx_target_chart_set_selected (self, first);
      return TRUE;
    }
  if (move == JX_TARGET_TREE_MOVE_FIRST_CHILD &&
      jx_target_node_get_n_children (self->selected) > 0 &&
      !jx_target_tree_layout_get_expanded (self->layout, self->selected))
    toggle_node (self, self->selected);
  next = jx_target_tree_layout_move (self->layout, self->selected, move);
  if (next == NULL)
    return FALSE;
  jx_target_chart_set_selected (self, next);
  return TRUE;
}

void
jx_target_chart_toggle_selected (JxTargetChart *self)
{
  g_return_if_fail (JX_IS_TARGET_CHART (self));
  if (self->selected != NULL && self->layout != NULL)
    toggle_node (self, self->selected);
}

/* The text of a card's tooltip: the figures in full, where the card shows them short. */
char *
jx_target_chart_dup_tooltip (JxTargetChart *self,
                             JxTargetNode  *node)
{
  const char *currency = jx_target_tree_get_currency (self->tree);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (jx_target_node_get_name (node), -1);
  g_autofree char *period_text = NULL;
  g_autofree char *amount = jx_target_node_format_amount (node, jx_target_node_get_amount (node),
                                                          currency, FALSE);
  g_autofree char *filters = jx_target_node_dup_filters_label (node);
  JxPeriod period;

  jx_target_node_get_period (node, &period);
  period_text = jx_period_format (&period);
  g_string_append_printf (text, "<b>%s</b>\n%s", name, period_text);
  if (filters != NULL && *filters != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (filters, -1);
      g_string_append_printf (text, " · %s", escaped);
    }
  g_string_append_c (text, '\n');
  /* Translators: a line of a target's tooltip; %s is the amount. */
  g_string_append_printf (text, _("Target: %s"), amount);
  if (jx_target_node_get_locked (node))
    g_string_append_printf (text, " (%s)", _("locked"));
  if (jx_target_node_has_actual (node))
    {
      g_autofree char *actual = jx_target_node_format_amount (node, jx_target_node_get_actual (node),
                                                              currency, FALSE);
      g_autofree char *pct = jx_percent_format (jx_target_node_get_attainment (node), 1);
      g_autofree char *expected =
        jx_target_node_format_amount (node, jx_target_node_get_expected_to_date (node),
                                      currency, FALSE);

      g_string_append_c (text, '\n');
      /* Translators: a line of a target's tooltip: the actual and the attainment. */
      g_string_append_printf (text, _("Actual: %s (%s)"), actual, pct);
      g_string_append_c (text, '\n');
      /* Translators: a line of a target's tooltip: the expected-to-date amount and the pace
       * (ahead, on pace, behind). */
      g_string_append_printf (text, _("Expected to date: %s · %s"), expected,
                              jx_target_pace_label (jx_target_node_get_pace (node)));
    }
  if (jx_target_node_get_owner_name (node) != NULL)
    {
      g_autofree char *owner = g_markup_escape_text (jx_target_node_get_owner_name (node), -1);

      g_string_append_c (text, '\n');
      /* Translators: a line of a target's tooltip; %s is a team member. */
      g_string_append_printf (text, _("Owner: %s"), owner);
    }
  if (jx_target_node_get_n_children (node) > 0 && jx_target_node_get_unallocated (node) != 0)
    {
      gint64 gap = jx_target_node_get_unallocated (node);
      g_autofree char *value = jx_target_node_format_amount (node, ABS (gap), currency, FALSE);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, gap > 0 ? _("Unallocated: %s") : _("Over-allocated: %s"),
                              value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Gestures. */

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     JxTargetChart   *self)
{
  jx_target_chart_click (self, x, y, n_press);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  JxTargetChart  *self)
{
  double scale;

  if (self->layout == NULL)
    return;
  jx_target_tree_layout_get_transform (self->layout, &scale, &self->drag_dx, &self->drag_dy);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   JxTargetChart  *self)
{
  double scale, dx, dy;

  if (self->layout == NULL || (fabs (offset_x) < 3 && fabs (offset_y) < 3))
    return;
  jx_target_tree_layout_get_transform (self->layout, &scale, &dx, &dy);
  jx_target_tree_layout_set_transform (self->layout, scale, self->drag_dx + offset_x,
                                       self->drag_dy + offset_y);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragging = TRUE;
  self->user_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                JxTargetChart  *self)
{
  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              JxTargetChart            *self)
{
  GdkModifierType state;
  double step;

  if (self->layout == NULL)
    return FALSE;
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (state & GDK_CONTROL_MASK)
    {
      jx_target_tree_layout_zoom_at (self->layout, pow (ZOOM_STEP, -dy), self->pointer_x,
                                     self->pointer_y);
    }
  else
    {
      step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
             ? SCROLL_STEP : 1.0;
      if (state & GDK_SHIFT_MASK)
        {
          double t = dx;
          dx = dy;
          dy = t;
        }
      jx_target_tree_layout_pan (self->layout, -dx * step, -dy * step);
    }
  self->user_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              JxTargetChart            *self)
{
  JxTargetTreeHit hit = JX_TARGET_TREE_HIT_NONE;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->layout == NULL || self->dragging)
    return;
  jx_target_tree_layout_hit_test (self->layout, x, y, &hit);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   hit == JX_TARGET_TREE_HIT_EXPANDER ? "pointer" : NULL);
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  JxTargetChart    *self)
{
  double dx, dy;

  if (self->layout != NULL)
    jx_target_tree_layout_get_transform (self->layout, &self->zoom_start, &dx, &dy);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          JxTargetChart  *self)
{
  double current, dx, dy, x, y;

  if (self->layout == NULL || self->zoom_start <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  jx_target_tree_layout_get_transform (self->layout, &current, &dx, &dy);
  jx_target_tree_layout_zoom_at (self->layout, self->zoom_start * scale / current, x, y);
  self->user_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keyboard bindings. */

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  jx_target_chart_move (JX_TARGET_CHART (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  JxTargetChart *self = JX_TARGET_CHART (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE_NODE], 0, self->selected);
  return TRUE;
}

static gboolean
toggle_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  jx_target_chart_toggle_selected (JX_TARGET_CHART (widget));
  return TRUE;
}

/* Overrides. */

static void
jx_target_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JxTargetChart *self = JX_TARGET_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jx_target_tree_layout_draw (self->layout, cr);
  cairo_destroy (cr);
}

static void
jx_target_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  refit_unless_moved (JX_TARGET_CHART (widget));
}

static void
jx_target_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 400;
}

static gboolean
jx_target_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  JxTargetChart *self = JX_TARGET_CHART (widget);
  JxTargetTreeHit hit = JX_TARGET_TREE_HIT_NONE;
  JxTargetNode *node;
  JxTargetTreeRect r;
  g_autofree char *markup = NULL;

  if (self->layout == NULL)
    return FALSE;
  node = keyboard_mode ? self->selected
                       : jx_target_tree_layout_hit_test (self->layout, x, y, &hit);
  if (node == NULL)
    return FALSE;
  if (hit == JX_TARGET_TREE_HIT_EXPANDER)
    {
      gtk_tooltip_set_text (tooltip, jx_target_tree_layout_get_expanded (self->layout, node)
                                     ? _("Collapse (Space)") : _("Expand (Space)"));
      return TRUE;
    }
  markup = jx_target_chart_dup_tooltip (self, node);
  gtk_tooltip_set_markup (tooltip, markup);
  if (jx_target_tree_layout_get_card (self->layout, node, &r))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width,
                                                          (int) r.height });
  return TRUE;
}

static void
jx_target_chart_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jx_target_chart_parent_class)->root (widget);
  update_style (JX_TARGET_CHART (widget));
}

static void
jx_target_chart_dispose (GObject *object)
{
  JxTargetChart *self = JX_TARGET_CHART (object);

  if (self->tree != NULL)
    g_clear_signal_handler (&self->tree_changed_id, self->tree);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_cb, self);
  g_clear_object (&self->selected);
  g_clear_object (&self->layout);
  g_clear_object (&self->tree);
  G_OBJECT_CLASS (jx_target_chart_parent_class)->dispose (object);
}

static void
jx_target_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JxTargetChart *self = JX_TARGET_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JxTargetChart *self = JX_TARGET_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jx_target_chart_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass   *widget_class,
                  guint             key,
                  guint             keypad_key,
                  JxTargetTreeMove  move)
{
  gtk_widget_class_add_binding (widget_class, key, 0, move_cb, "i", move);
  gtk_widget_class_add_binding (widget_class, keypad_key, 0, move_cb, "i", move);
}

static void
jx_target_chart_class_init (JxTargetChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_target_chart_dispose;
  object_class->get_property = jx_target_chart_get_property;
  object_class->set_property = jx_target_chart_set_property;
  widget_class->snapshot = jx_target_chart_snapshot;
  widget_class->size_allocate = jx_target_chart_size_allocate;
  widget_class->measure = jx_target_chart_measure;
  widget_class->query_tooltip = jx_target_chart_query_tooltip;
  widget_class->root = jx_target_chart_root;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, JX_TYPE_TARGET_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JxTargetChart::activate-node:
   *
   * Enter or a double click on a card: the user wants to edit it.
   */
  signals[SIGNAL_ACTIVATE_NODE] = g_signal_new ("activate-node", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, JX_TYPE_TARGET_NODE);

  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, JX_TARGET_TREE_MOVE_PARENT);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, JX_TARGET_TREE_MOVE_FIRST_CHILD);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left,
                    JX_TARGET_TREE_MOVE_PREVIOUS_SIBLING);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right,
                    JX_TARGET_TREE_MOVE_NEXT_SIBLING);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, toggle_cb, NULL);
  /* The view that holds the chart installs it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "targets.delete-target",
                                       NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, toggle_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "targetchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jx_target_chart_init (JxTargetChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_cb), self);
}
