/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-pareto-view.h"

/*
 * The Pareto chart on screen: the jx-pareto-chart painter drawn in snapshot(), with a
 * tooltip that names what is under the pointer (a bar: which customers, their class and
 * revenue; a tier's lane: how many of that tier's customers rank there). The layout is
 * computed once per size and style and serves both drawing and hit-testing.
 */

struct _JxParetoView {
  JxChartWidget   parent_instance;

  JxPareto       *pareto;
};

G_DEFINE_FINAL_TYPE (JxParetoView, jx_pareto_view, JX_TYPE_CHART_WIDGET)

static gpointer
jx_pareto_view_new_layout (JxChartWidget      *widget,
                           const JxChartStyle *style,
                           int                 width,
                           int                 height)
{
  JxParetoView *self = JX_PARETO_VIEW (widget);
  JxParetoChartData data = { self->pareto, NULL };

  if (self->pareto == NULL)
    return NULL;
  return jx_pareto_layout_new (&data, style, width, height);
}

static char *
jx_pareto_view_describe (JxChartWidget *widget,
                         gpointer       layout,
                         double         x,
                         double         y)
{
  JxParetoView *self = JX_PARETO_VIEW (widget);
  JxParetoHit hit;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *all = NULL;

  if (!jx_pareto_layout_hit_test (layout, x, y, &hit))
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

/* What the tooltip says at (@x, @y), or %NULL over nothing. */
char *
jx_pareto_view_describe_at (JxParetoView *self,
                            double        x,
                            double        y)
{
  g_return_val_if_fail (JX_IS_PARETO_VIEW (self), NULL);

  return jx_chart_widget_describe_at (JX_CHART_WIDGET (self), x, y);
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
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
  g_clear_pointer (&self->pareto, jx_pareto_free);
  self->pareto = pareto;
}

const JxPareto *
jx_pareto_view_get_pareto (JxParetoView *self)
{
  g_return_val_if_fail (JX_IS_PARETO_VIEW (self), NULL);

  return self->pareto;
}

/* The layout points into the curve: JxChartWidget frees it in dispose, the curve goes after. */
static void
jx_pareto_view_finalize (GObject *object)
{
  JxParetoView *self = JX_PARETO_VIEW (object);

  g_clear_pointer (&self->pareto, jx_pareto_free);
  G_OBJECT_CLASS (jx_pareto_view_parent_class)->finalize (object);
}

static void
jx_pareto_view_class_init (JxParetoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  object_class->finalize = jx_pareto_view_finalize;
  chart_class->new_layout = jx_pareto_view_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) jx_pareto_layout_draw;
  chart_class->free_layout = (GDestroyNotify) jx_pareto_layout_free;
  chart_class->describe = jx_pareto_view_describe;
  chart_class->min_width = 360;
  chart_class->natural_width = 720;
  chart_class->min_height = 300;
  chart_class->natural_height = 430;
  gtk_widget_class_set_css_name (widget_class, "paretochart");
}

static void
jx_pareto_view_init (JxParetoView *self)
{
}
