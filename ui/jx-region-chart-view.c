/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-region-chart-view.h"

/*
 * Market potential against won revenue by region, as a widget: the painter draws into the
 * snapshot, its layout answers tooltips, and a click on a region's bars emits
 * ::region-activated with the region's id.
 */

#define ROW_HEIGHT 40

typedef struct {
  gint64  id;
  char   *name;
  gint64  potential;
  gint64  own_potential;
  gint64  won;
  guint   depth;
  guint   customers;
  guint   reps;
} RegionFigures;

struct _JxRegionChartView {
  JxChartWidget   parent_instance;

  GArray         *regions;      /* RegionFigures, parents before children */
  JxRegionBar    *bars;
  char           *currency;
};

G_DEFINE_FINAL_TYPE (JxRegionChartView, jx_region_chart_view, JX_TYPE_CHART_WIDGET)

enum {
  SIGNAL_REGION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
figures_clear (gpointer data)
{
  RegionFigures *figures = data;

  g_clear_pointer (&figures->name, g_free);
}

static gpointer
jx_region_chart_view_new_layout (JxChartWidget      *widget,
                                 const JxChartStyle *style,
                                 int                 width,
                                 int                 height)
{
  JxRegionChartView *self = JX_REGION_CHART_VIEW (widget);
  JxRegionChartData data = { self->regions->len, self->bars, self->currency, NULL };

  return jx_region_layout_new (&data, style, width, height);
}

static char *
tooltip_for (JxRegionChartView *self,
             const JxRegionHit *hit)
{
  const RegionFigures *r = &g_array_index (self->regions, RegionFigures, hit->index);

  if (hit->kind == JX_REGION_HIT_POTENTIAL)
    {
      g_autofree char *potential = jx_money_format (r->potential, self->currency);

      if (r->own_potential < 0)
        /* Translators: a tooltip; %s are a region and an amount. */
        return g_strdup_printf (_("%s\nMarket potential %s per year (the sum of its "
                                  "subregions)"), r->name, potential);
      /* Translators: a tooltip; %s are a region and an amount. */
      return g_strdup_printf (_("%s\nMarket potential %s per year"), r->name, potential);
    }
  else
    {
      g_autofree char *won = jx_money_format (r->won, self->currency);
      g_autofree char *customers = jx_number_format (r->customers);
      g_autofree char *customers_text = NULL;

      /* Translators: part of a tooltip; %s is a number. */
      customers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer",
                                                     "%s customers", r->customers), customers);
      if (r->potential > 0)
        {
          g_autofree char *share = jx_percent_format ((double) r->won / r->potential, 1);

          /* Translators: a tooltip; %s are a region, an amount, a share of the market
           * potential ("34.2%") and a number of customers ("129 customers"). */
          return g_strdup_printf (_("%s\nWon %s in the last 12 months, %s of potential, "
                                    "from %s"), r->name, won, share, customers_text);
        }
      /* Translators: a tooltip; %s are a region, an amount and a number of customers
       * ("129 customers"). */
      return g_strdup_printf (_("%s\nWon %s in the last 12 months from %s"), r->name, won,
                              customers_text);
    }
}

static char *
jx_region_chart_view_describe (JxChartWidget *widget,
                               gpointer       layout,
                               double         x,
                               double         y)
{
  JxRegionHit hit;

  if (!jx_region_layout_hit_test (layout, x, y, &hit))
    return NULL;
  return tooltip_for (JX_REGION_CHART_VIEW (widget), &hit);
}

/* The tooltip shown at (@x, @y), or %NULL where there is no bar; for tests. */
char *
jx_region_chart_view_dup_tooltip_at (JxRegionChartView *self,
                                     double             x,
                                     double             y)
{
  g_return_val_if_fail (JX_IS_REGION_CHART_VIEW (self), NULL);

  return jx_chart_widget_describe_at (JX_CHART_WIDGET (self), x, y);
}

guint
jx_region_chart_view_get_n_bars (JxRegionChartView *self)
{
  g_return_val_if_fail (JX_IS_REGION_CHART_VIEW (self), 0);

  return self->regions->len;
}

/* Where the layout puts a region's bar, for tests. */
gboolean
jx_region_chart_view_get_bar (JxRegionChartView *self,
                              guint              index,
                              JxRegionHitKind    which,
                              JxRect            *rect)
{
  JxRegionLayout *layout;

  g_return_val_if_fail (JX_IS_REGION_CHART_VIEW (self), FALSE);

  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  if (layout == NULL || index >= self->regions->len)
    return FALSE;
  jx_region_layout_get_bar (layout, index, which, rect);
  return TRUE;
}

/**
 * jx_region_chart_view_set_regions:
 * @regions: (element-type JxRegion): every region, parents before their children
 *   (jx_region_tree_flatten()); the figures are copied
 * @currency: the currency of the amounts
 */
void
jx_region_chart_view_set_regions (JxRegionChartView *self,
                                  GPtrArray         *regions,
                                  const char        *currency)
{
  guint n;

  g_return_if_fail (JX_IS_REGION_CHART_VIEW (self));

  n = regions != NULL ? regions->len : 0;
  g_array_set_size (self->regions, 0);
  g_free (self->bars);
  self->bars = g_new0 (JxRegionBar, MAX (n, 1));
  g_free (self->currency);
  self->currency = g_strdup (currency);
  for (guint i = 0; i < n; i++)
    {
      JxRegion *region = g_ptr_array_index (regions, i);
      RegionFigures figures = {
        jx_region_get_id (region),
        g_strdup (jx_region_get_name (region)),
        jx_region_get_potential (region),
        jx_region_get_own_potential (region),
        jx_region_get_won_12m (region),
        jx_region_get_depth (region),
        jx_region_get_n_customers (region),
        jx_region_get_n_reps (region),
      };

      g_array_append_val (self->regions, figures);
    }
  /* The bars point into the copied names, which live as long as the array. */
  for (guint i = 0; i < n; i++)
    {
      const RegionFigures *r = &g_array_index (self->regions, RegionFigures, i);

      self->bars[i] = (JxRegionBar) { r->name, r->potential, r->won, r->depth };
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
}

static void
on_pressed_cb (GtkGestureClick   *gesture,
               int                n_press,
               double             x,
               double             y,
               JxRegionChartView *self)
{
  JxRegionLayout *layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  JxRegionHit hit;

  if (layout == NULL || !jx_region_layout_hit_test (layout, x, y, &hit))
    return;
  g_signal_emit (self, signals[SIGNAL_REGION_ACTIVATED], 0,
                 g_array_index (self->regions, RegionFigures, hit.index).id);
}

static void
jx_region_chart_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  JxRegionChartView *self = JX_REGION_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 640;
    }
  else
    {
      /* Title, legend and scale, then one row per region. */
      *minimum = 110 + ROW_HEIGHT * MAX (self->regions->len, 2);
      *natural = *minimum;
    }
}

static void
jx_region_chart_view_finalize (GObject *object)
{
  JxRegionChartView *self = JX_REGION_CHART_VIEW (object);

  g_clear_pointer (&self->regions, g_array_unref);
  g_free (self->bars);
  g_free (self->currency);
  G_OBJECT_CLASS (jx_region_chart_view_parent_class)->finalize (object);
}

static void
jx_region_chart_view_class_init (JxRegionChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  object_class->finalize = jx_region_chart_view_finalize;
  widget_class->measure = jx_region_chart_view_measure;
  chart_class->new_layout = jx_region_chart_view_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) jx_region_layout_draw;
  chart_class->free_layout = (GDestroyNotify) jx_region_layout_free;
  chart_class->describe = jx_region_chart_view_describe;

  /**
   * JxRegionChartView::region-activated:
   * @region_id: the region whose bars were clicked
   */
  signals[SIGNAL_REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "region-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jx_region_chart_view_init (JxRegionChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->regions = g_array_new (FALSE, TRUE, sizeof (RegionFigures));
  g_array_set_clear_func (self->regions, figures_clear);
  self->bars = g_new0 (JxRegionBar, 1);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Market potential against won revenue, by region"), -1);
}

GtkWidget *
jx_region_chart_view_new (void)
{
  return g_object_new (JX_TYPE_REGION_CHART_VIEW, NULL);
}
