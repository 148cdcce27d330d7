/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-pareto-view.h"
#include "jx-ui.h"

/*
 * The Pareto chart on screen: the jx-pareto-chart painter drawn in snapshot(), with a
 * tooltip that names what is under the pointer (a bar: which customers, their class and
 * revenue; a tier's lane: how many of that tier's customers rank there). The layout is
 * computed once per size and style and serves both drawing and hit-testing.
 */

struct _JxParetoView {
  GtkWidget       parent_instance;

  JxPareto       *pareto;
  JxParetoLayout *layout;
  int             layout_width;
  int             layout_height;
  gulong          dark_id;
};

G_DEFINE_FINAL_TYPE (JxParetoView, jx_pareto_view, GTK_TYPE_WIDGET)

static void
invalidate (JxParetoView *self)
{
  g_clear_pointer (&self->layout, jx_pareto_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static JxParetoLayout *
ensure_layout (JxParetoView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->pareto == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->layout != NULL && (width != self->layout_width || height != self->layout_height))
    g_clear_pointer (&self->layout, jx_pareto_layout_free);
  if (self->layout == NULL)
    {
      JxParetoChartData data = { self->pareto, NULL };
      JxChartStyle style;

      jx_ui_chart_style_for (GTK_WIDGET (self), &style);
      self->layout = jx_pareto_layout_new (&data, &style, width, height);
      self->layout_width = width;
      self->layout_height = height;
    }
  return self->layout;
}

static void
jx_pareto_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  JxParetoView *self = JX_PARETO_VIEW (widget);
  JxParetoLayout *layout = ensure_layout (self);
  cairo_t *cr;

  if (layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->layout_width,
                                                                 self->layout_height));
  jx_pareto_layout_draw (layout, cr);
  cairo_destroy (cr);
}

static void
jx_pareto_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  JxParetoView *self = JX_PARETO_VIEW (widget);

  if (width != self->layout_width || height != self->layout_height)
    g_clear_pointer (&self->layout, jx_pareto_layout_free);
}

static void
jx_pareto_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 720;
    }
  else
    {
      *minimum = 300;
      *natural = 430;
    }
}

/* What the tooltip says at (@x, @y), or %NULL over nothing. */
char *
jx_pareto_view_describe_at (JxParetoView *self,
                            double        x,
                            double        y)
{
  JxParetoLayout *layout;
  JxParetoHit hit;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *all = NULL;

  g_return_val_if_fail (JX_IS_PARETO_VIEW (self), NULL);

  layout = ensure_layout (self);
  if (layout == NULL || !jx_pareto_layout_hit_test (layout, x, y, &hit))
    return NULL;
  first = jx_number_format (hit.first + 1);
  last = jx_number_format (hit.last + 1);
  all = jx_number_format (self->pareto->n);
  if (hit.kind == JX_PARETO_HIT_BAR)
    {
      g_autofree char *revenue = jx_money_format_compact (hit.revenue, self->pareto->currency);
      g_autofree char *share = jx_percent_format (hit.cumulative, 1);

      if (hit.first == hit.last)
        /* Translators: a Pareto chart tooltip; %1$s is a rank, %2$s the number of customers,
         * %3$s the ABC class, %4$s an amount, %5$s a share of revenue. */
        return g_strdup_printf (_("Customer ranked %1$s of %2$s · class %3$s\n"
                                  "Revenue in 12 months: %4$s\n"
                                  "Cumulative share of revenue: %5$s"),
                                first, all, jx_abc_class_to_string (hit.abc_class), revenue,
                                share);
      /* Translators: a Pareto chart tooltip; %1$s–%2$s are ranks, %3$s the number of
       * customers, %4$s the ABC class, %5$s an amount, %6$s a share of revenue. */
      return g_strdup_printf (_("Customers ranked %1$s–%2$s of %3$s · class %4$s\n"
                                "Revenue in 12 months: up to %5$s each\n"
                                "Cumulative share of revenue: %6$s"),
                              first, last, all, jx_abc_class_to_string (hit.abc_class), revenue,
                              share);
    }
  if (hit.kind == JX_PARETO_HIT_TIER)
    {
      g_autofree char *count = jx_number_format (hit.tier_count);

      /* Translators: a Pareto chart tooltip; %1$s is a tier, %2$s a number of customers,
       * %3$s–%4$s ranks. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s: %2$s customer among those ranked %3$s–%4$s",
                                           "%1$s: %2$s customers among those ranked %3$s–%4$s",
                                           hit.tier_count),
                              jx_tier_get_label (hit.tier), count, first, last);
    }
  return NULL;
}

static gboolean
jx_pareto_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  g_autofree char *text = jx_pareto_view_describe_at (JX_PARETO_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

GtkWidget *
jx_pareto_view_new (void)
{
  return g_object_new (JX_TYPE_PARETO_VIEW, NULL);
}

/* Shows @pareto (taking it), or nothing. */
void
jx_pareto_view_set_pareto (JxParetoView *self,
                           JxPareto     *pareto)
{
  g_return_if_fail (JX_IS_PARETO_VIEW (self));

  /* The layout points into the old curve's arrays: free it first. */
  g_clear_pointer (&self->layout, jx_pareto_layout_free);
  g_clear_pointer (&self->pareto, jx_pareto_free);
  self->pareto = pareto;
  invalidate (self);
}

const JxPareto *
jx_pareto_view_get_pareto (JxParetoView *self)
{
  g_return_val_if_fail (JX_IS_PARETO_VIEW (self), NULL);

  return self->pareto;
}

static void
jx_pareto_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jx_pareto_view_parent_class)->css_changed (widget, change);
  invalidate (JX_PARETO_VIEW (widget));
}

static void
jx_pareto_view_dispose (GObject *object)
{
  JxParetoView *self = JX_PARETO_VIEW (object);

  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  g_clear_pointer (&self->layout, jx_pareto_layout_free);
  g_clear_pointer (&self->pareto, jx_pareto_free);
  G_OBJECT_CLASS (jx_pareto_view_parent_class)->dispose (object);
}

static void
jx_pareto_view_class_init (JxParetoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_pareto_view_dispose;
  widget_class->snapshot = jx_pareto_view_snapshot;
  widget_class->measure = jx_pareto_view_measure;
  widget_class->size_allocate = jx_pareto_view_size_allocate;
  widget_class->query_tooltip = jx_pareto_view_query_tooltip;
  widget_class->css_changed = jx_pareto_view_css_changed;
  gtk_widget_class_set_css_name (widget_class, "paretochart");
}

static void
jx_pareto_view_init (JxParetoView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (invalidate), self);
}
