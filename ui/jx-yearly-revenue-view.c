/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-yearly-revenue-view.h"

/* The customer page's revenue-by-year chart: the jx-yearly-revenue-chart painter on screen,
 * with a tooltip per year. */

struct _JxYearlyRevenueView {
  JxChartWidget  parent_instance;

  GArray        *years;      /* JxRevenueYear */
  char          *currency;
};

G_DEFINE_FINAL_TYPE (JxYearlyRevenueView, jx_yearly_revenue_view, JX_TYPE_CHART_WIDGET)

static gpointer
jx_yearly_revenue_view_new_layout (JxChartWidget      *widget,
                                   const JxChartStyle *style,
                                   int                 width,
                                   int                 height)
{
  JxYearlyRevenueView *self = JX_YEARLY_REVENUE_VIEW (widget);
  JxYearlyRevenueData data = { (const JxRevenueYear *) self->years->data, self->years->len,
                               self->currency };

  return jx_yearly_revenue_layout_new (&data, style, width, height);
}

static char *
jx_yearly_revenue_view_describe (JxChartWidget *widget,
                                 gpointer       layout,
                                 double         x,
                                 double         y)
{
  JxYearlyRevenueView *self = JX_YEARLY_REVENUE_VIEW (widget);
  const JxRevenueYear *year;
  g_autofree char *amount = NULL;
  int index;

  if ((index = jx_yearly_revenue_layout_hit_test (layout, x, y)) < 0)
    return NULL;
  year = jx_yearly_revenue_layout_get_year (layout, index);
  amount = jx_money_format (year->won, self->currency);
  /* Translators: a tooltip; %1$d is a fiscal year, %2$s an amount, %3$u a number of deals. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fiscal year %1$d: %2$s from %3$u won deal",
                                       "Fiscal year %1$d: %2$s from %3$u won deals", year->deals),
                          year->year, amount, year->deals);
}

/* The tooltip at (@x, @y): "Fiscal year 2026: ¥1.2M from 3 won deals", or %NULL. */
char *
jx_yearly_revenue_view_describe_at (JxYearlyRevenueView *self,
                                    double               x,
                                    double               y)
{
  g_return_val_if_fail (JX_IS_YEARLY_REVENUE_VIEW (self), NULL);

  return jx_chart_widget_describe_at (JX_CHART_WIDGET (self), x, y);
}

GtkWidget *
jx_yearly_revenue_view_new (void)
{
  return g_object_new (JX_TYPE_YEARLY_REVENUE_VIEW, NULL);
}

/* Shows a copy of @years (JxRevenueYear, oldest first). */
void
jx_yearly_revenue_view_set_years (JxYearlyRevenueView *self,
                                  GArray              *years,
                                  const char          *currency)
{
  g_return_if_fail (JX_IS_YEARLY_REVENUE_VIEW (self));

  g_array_set_size (self->years, 0);
  if (years != NULL)
    g_array_append_vals (self->years, years->data, years->len);
  g_free (self->currency);
  self->currency = g_strdup (currency);
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
}

static void
jx_yearly_revenue_view_finalize (GObject *object)
{
  JxYearlyRevenueView *self = JX_YEARLY_REVENUE_VIEW (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->currency);
  G_OBJECT_CLASS (jx_yearly_revenue_view_parent_class)->finalize (object);
}

static void
jx_yearly_revenue_view_class_init (JxYearlyRevenueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  object_class->finalize = jx_yearly_revenue_view_finalize;
  chart_class->new_layout = jx_yearly_revenue_view_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) jx_yearly_revenue_layout_draw;
  chart_class->free_layout = (GDestroyNotify) jx_yearly_revenue_layout_free;
  chart_class->describe = jx_yearly_revenue_view_describe;
  chart_class->min_width = 200;
  chart_class->natural_width = 480;
  chart_class->min_height = 150;
  chart_class->natural_height = 170;
  gtk_widget_class_set_css_name (widget_class, "yearlyrevenuechart");
}

static void
jx_yearly_revenue_view_init (JxYearlyRevenueView *self)
{
  self->years = g_array_new (FALSE, TRUE, sizeof (JxRevenueYear));
}
