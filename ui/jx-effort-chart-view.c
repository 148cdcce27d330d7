/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jx-effort-chart-view.h"
#include "jx-hours.h"

/*
 * The revenue-share against effort-share chart of the allocation as a widget: the painter
 * draws into the snapshot, and its layout (JxChartWidget keeps it until the size, the data or
 * the colours change) answers the hover tooltips.
 */

struct _JxEffortChartView {
  JxChartWidget     parent_instance;

  JxTierAllocation  tiers[JX_N_TIERS];
  gint64            revenue_12m;
  double            planned_hours;
  gboolean          has_data;
  char             *currency;
  JxEffortBar       bars[JX_N_TIERS];
  guint             n_bars;
};

G_DEFINE_FINAL_TYPE (JxEffortChartView, jx_effort_chart_view, JX_TYPE_CHART_WIDGET)

static gpointer
jx_effort_chart_view_new_layout (JxChartWidget      *widget,
                                 const JxChartStyle *style,
                                 int                 width,
                                 int                 height)
{
  JxEffortChartView *self = JX_EFFORT_CHART_VIEW (widget);
  JxEffortChartData data = { self->n_bars, self->bars, NULL };

  return jx_effort_layout_new (&data, style, width, height);
}

static char *
tooltip_for (JxEffortChartView *self,
             const JxEffortHit *hit)
{
  const JxTierAllocation *tier = &self->tiers[hit->tier];
  g_autofree char *customers = jx_number_format (tier->customers);
  g_autofree char *share = jx_percent_format (hit->share, 1);
  g_autofree char *heading = NULL;

  /* Translators: the first line of a tooltip in the effort chart: a tier and how many
   * customers it holds. */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s customer",
                                          "%s · %s customers", tier->customers),
                             jx_tier_get_label (hit->tier), customers);
  if (hit->kind == JX_EFFORT_HIT_REVENUE)
    {
      g_autofree char *amount = jx_money_format_compact (tier->revenue_12m, self->currency);

      /* Translators: a tooltip; the first %s is a share ("85.2%"), the second an amount. */
      return g_strdup_printf (_("%s\n%s of won revenue in the last 12 months (%s)"), heading,
                              share, amount);
    }
  else
    {
      g_autofree char *hours = jx_hours_format (tier->planned_hours);
      g_autofree char *visits = jx_figure_format (tier->policy.visits_per_month);
      g_autofree char *per_visit = jx_figure_format (tier->policy.hours_per_visit);

      /* Translators: a tooltip; %s are a share ("42.6%"), planned hours ("876 h"), visits
       * per customer per month and hours per visit. */
      return g_strdup_printf (_("%s\n%s of planned hours: %s per month (%s visits × %s h "
                                "per customer)"), heading, share, hours, visits, per_visit);
    }
}

static char *
jx_effort_chart_view_describe (JxChartWidget *widget,
                               gpointer       layout,
                               double         x,
                               double         y)
{
  JxEffortChartView *self = JX_EFFORT_CHART_VIEW (widget);
  JxEffortHit hit;

  if (!self->has_data || !jx_effort_layout_hit_test (layout, x, y, &hit))
    return NULL;
  return tooltip_for (self, &hit);
}

/* The tooltip the chart shows at (@x, @y), or %NULL where there is no bar; for tests. */
char *
jx_effort_chart_view_dup_tooltip_at (JxEffortChartView *self,
                                     double             x,
                                     double             y)
{
  g_return_val_if_fail (JX_IS_EFFORT_CHART_VIEW (self), NULL);

  return jx_chart_widget_describe_at (JX_CHART_WIDGET (self), x, y);
}

/* Where the layout puts a bar (board order of tiers), for tests. */
gboolean
jx_effort_chart_view_get_bar (JxEffortChartView *self,
                              guint              index,
                              JxEffortHitKind    which,
                              JxRect            *rect)
{
  JxEffortLayout *layout;

  g_return_val_if_fail (JX_IS_EFFORT_CHART_VIEW (self), FALSE);

  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  if (layout == NULL || index >= self->n_bars)
    return FALSE;
  jx_effort_layout_get_bar (layout, index, which, rect);
  return TRUE;
}

/**
 * jx_effort_chart_view_set_allocation:
 * @allocation: (nullable): the allocation to show, copied; %NULL for none
 * @currency: the currency of the amounts in tooltips
 */
void
jx_effort_chart_view_set_allocation (JxEffortChartView  *self,
                                     const JxAllocation *allocation,
                                     const char         *currency)
{
  g_return_if_fail (JX_IS_EFFORT_CHART_VIEW (self));

  g_free (self->currency);
  self->currency = g_strdup (currency);
  if (allocation != NULL)
    {
      memcpy (self->tiers, allocation->tiers, sizeof self->tiers);
      self->revenue_12m = allocation->revenue_12m;
      self->planned_hours = allocation->planned_hours;
      self->n_bars = jx_effort_bars_from_allocation (allocation, self->bars);
      self->has_data = TRUE;
    }
  else
    {
      memset (self->tiers, 0, sizeof self->tiers);
      self->n_bars = 0;
      self->has_data = FALSE;
    }
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
}

static void
jx_effort_chart_view_finalize (GObject *object)
{
  JxEffortChartView *self = JX_EFFORT_CHART_VIEW (object);

  g_free (self->currency);
  G_OBJECT_CLASS (jx_effort_chart_view_parent_class)->finalize (object);
}

static void
jx_effort_chart_view_class_init (JxEffortChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  object_class->finalize = jx_effort_chart_view_finalize;
  chart_class->new_layout = jx_effort_chart_view_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) jx_effort_layout_draw;
  chart_class->free_layout = (GDestroyNotify) jx_effort_layout_free;
  chart_class->describe = jx_effort_chart_view_describe;
  chart_class->min_width = 360;
  chart_class->natural_width = 560;
  /* Five tiers of two bars each, the title and the legend. */
  chart_class->min_height = 300;
  chart_class->natural_height = 340;

  gtk_widget_class_set_css_name (widget_class, "effort-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jx_effort_chart_view_init (JxEffortChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of won revenue against share of planned hours, "
                                    "by tier"), -1);
}

GtkWidget *
jx_effort_chart_view_new (void)
{
  return g_object_new (JX_TYPE_EFFORT_CHART_VIEW, NULL);
}
