/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-chart-widget.h"
#include "jx-ui.h"

/*
 * What every chart widget does around its painter: it asks the subclass for the painter's
 * layout at the widget's size and colours, keeps it until the size, the data, the CSS or the
 * dark/light state changes, draws it into the snapshot and answers tooltips from it. Subclasses
 * hold the data, make the layout and say what is under the pointer.
 */

typedef struct {
  gpointer layout;
  int      layout_width;
  int      layout_height;
  gulong   dark_id;
} JxChartWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JxChartWidget, jx_chart_widget, GTK_TYPE_WIDGET)

static void
clear_layout (JxChartWidget *self)
{
  JxChartWidgetPrivate *priv = jx_chart_widget_get_instance_private (self);

  g_clear_pointer (&priv->layout, JX_CHART_WIDGET_GET_CLASS (self)->free_layout);
}

static void
jx_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JxChartWidget *self = JX_CHART_WIDGET (widget);
  JxChartWidgetPrivate *priv = jx_chart_widget_get_instance_private (self);
  gpointer layout = jx_chart_widget_get_layout (self);
  cairo_t *cr;

  if (layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, priv->layout_width,
                                                                 priv->layout_height));
  JX_CHART_WIDGET_GET_CLASS (self)->draw_layout (layout, cr);
  cairo_destroy (cr);
}

static void
jx_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  JxChartWidgetClass *klass = JX_CHART_WIDGET_GET_CLASS (widget);
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? klass->min_width : klass->min_height;
  *natural = horizontal ? klass->natural_width : klass->natural_height;
}

static void
jx_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  JxChartWidget *self = JX_CHART_WIDGET (widget);
  JxChartWidgetPrivate *priv = jx_chart_widget_get_instance_private (self);

  if (width != priv->layout_width || height != priv->layout_height)
    clear_layout (self);
}

static gboolean
jx_chart_widget_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_tooltip)
    return FALSE;
  text = jx_chart_widget_describe_at (JX_CHART_WIDGET (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The layout takes the widget's text colour, so a new style asks for a new layout. */
static void
jx_chart_widget_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jx_chart_widget_parent_class)->css_changed (widget, change);
  jx_chart_widget_invalidate (JX_CHART_WIDGET (widget));
}

static void
jx_chart_widget_dispose (GObject *object)
{
  JxChartWidget *self = JX_CHART_WIDGET (object);
  JxChartWidgetPrivate *priv = jx_chart_widget_get_instance_private (self);

  g_clear_signal_handler (&priv->dark_id, adw_style_manager_get_default ());
  clear_layout (self);
  G_OBJECT_CLASS (jx_chart_widget_parent_class)->dispose (object);
}

static void
jx_chart_widget_class_init (JxChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_chart_widget_dispose;
  widget_class->snapshot = jx_chart_widget_snapshot;
  widget_class->measure = jx_chart_widget_measure;
  widget_class->size_allocate = jx_chart_widget_size_allocate;
  widget_class->query_tooltip = jx_chart_widget_query_tooltip;
  widget_class->css_changed = jx_chart_widget_css_changed;
}

static void
jx_chart_widget_init (JxChartWidget *self)
{
  JxChartWidgetPrivate *priv = jx_chart_widget_get_instance_private (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  priv->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (jx_chart_widget_invalidate), self);
}

/**
 * jx_chart_widget_get_layout:
 *
 * Returns: (transfer none) (nullable): the painter's layout at the widget's current size,
 *   made now if the size, the data or the style changed since the last one; %NULL before the
 *   widget has a size or when the subclass has nothing to draw
 */
gpointer
jx_chart_widget_get_layout (JxChartWidget *self)
{
  JxChartWidgetPrivate *priv;
  int width, height;

  g_return_val_if_fail (JX_IS_CHART_WIDGET (self), NULL);

  priv = jx_chart_widget_get_instance_private (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (priv->layout != NULL && (width != priv->layout_width || height != priv->layout_height))
    clear_layout (self);
  if (priv->layout == NULL && width > 0 && height > 0)
    {
      JxChartStyle style;

      jx_ui_chart_style_for (GTK_WIDGET (self), &style);
      priv->layout = JX_CHART_WIDGET_GET_CLASS (self)->new_layout (self, &style, width, height);
      priv->layout_width = width;
      priv->layout_height = height;
    }
  return priv->layout;
}

/* Drops the layout (the data or the colours changed) and redraws. Subclasses call it before
 * they free data the layout points into. */
void
jx_chart_widget_invalidate (JxChartWidget *self)
{
  g_return_if_fail (JX_IS_CHART_WIDGET (self));

  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The tooltip the chart shows at (@x, @y), or %NULL over nothing. */
char *
jx_chart_widget_describe_at (JxChartWidget *self,
                             double         x,
                             double         y)
{
  JxChartWidgetClass *klass;
  gpointer layout;

  g_return_val_if_fail (JX_IS_CHART_WIDGET (self), NULL);

  klass = JX_CHART_WIDGET_GET_CLASS (self);
  layout = jx_chart_widget_get_layout (self);
  if (layout == NULL || klass->describe == NULL)
    return NULL;
  return klass->describe (self, layout, x, y);
}
