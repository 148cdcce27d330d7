/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-ui.h"
#include "jx-yearly-revenue-view.h"

/* The customer page's revenue-by-year chart: the jx-yearly-revenue-chart painter on screen,
 * with a tooltip per year. */

struct _JxYearlyRevenueView {
  GtkWidget              parent_instance;

  GArray                *years;      /* JxRevenueYear */
  char                  *currency;
  JxYearlyRevenueLayout *layout;
  int                    layout_width;
  int                    layout_height;
  gulong                 dark_id;
};

G_DEFINE_FINAL_TYPE (JxYearlyRevenueView, jx_yearly_revenue_view, GTK_TYPE_WIDGET)

static void
invalidate (JxYearlyRevenueView *self)
{
  g_clear_pointer (&self->layout, jx_yearly_revenue_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static JxYearlyRevenueLayout *
ensure_layout (JxYearlyRevenueView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return NULL;
  if (self->layout != NULL && (width != self->layout_width || height != self->layout_height))
    g_clear_pointer (&self->layout, jx_yearly_revenue_layout_free);
  if (self->layout == NULL)
    {
      JxYearlyRevenueData data = { (const JxRevenueYear *) self->years->data, self->years->len,
                                   self->currency };
      JxChartStyle style;

      jx_ui_chart_style_for (GTK_WIDGET (self), &style);
      self->layout = jx_yearly_revenue_layout_new (&data, &style, width, height);
      self->layout_width = width;
      self->layout_height = height;
    }
  return self->layout;
}

static void
jx_yearly_revenue_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  JxYearlyRevenueView *self = JX_YEARLY_REVENUE_VIEW (widget);
  JxYearlyRevenueLayout *layout = ensure_layout (self);
  cairo_t *cr;

  if (layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->layout_width,
                                                                 self->layout_height));
  jx_yearly_revenue_layout_draw (layout, cr);
  cairo_destroy (cr);
}

static void
jx_yearly_revenue_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 150;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 170;
}

/* The tooltip at (@x, @y): "Fiscal year 2026: ¥1.2M from 3 won deals", or %NULL. */
char *
jx_yearly_revenue_view_describe_at (JxYearlyRevenueView *self,
                                    double               x,
                                    double               y)
{
  JxYearlyRevenueLayout *layout;
  const JxRevenueYear *year;
  g_autofree char *amount = NULL;
  int index;

  g_return_val_if_fail (JX_IS_YEARLY_REVENUE_VIEW (self), NULL);

  layout = ensure_layout (self);
  if (layout == NULL || (index = jx_yearly_revenue_layout_hit_test (layout, x, y)) < 0)
    return NULL;
  year = jx_yearly_revenue_layout_get_year (layout, index);
  amount = jx_money_format (year->won, self->currency);
  /* Translators: a tooltip; %1$d is a fiscal year, %2$s an amount, %3$u a number of deals. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fiscal year %1$d: %2$s from %3$u won deal",
                                       "Fiscal year %1$d: %2$s from %3$u won deals", year->deals),
                          year->year, amount, year->deals);
}

static gboolean
jx_yearly_revenue_view_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard,
                                      GtkTooltip *tooltip)
{
  g_autofree char *text = jx_yearly_revenue_view_describe_at (JX_YEARLY_REVENUE_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
  invalidate (self);
}

static void
jx_yearly_revenue_view_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jx_yearly_revenue_view_parent_class)->css_changed (widget, change);
  invalidate (JX_YEARLY_REVENUE_VIEW (widget));
}

static void
jx_yearly_revenue_view_dispose (GObject *object)
{
  JxYearlyRevenueView *self = JX_YEARLY_REVENUE_VIEW (object);

  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  g_clear_pointer (&self->layout, jx_yearly_revenue_layout_free);
  G_OBJECT_CLASS (jx_yearly_revenue_view_parent_class)->dispose (object);
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

  object_class->dispose = jx_yearly_revenue_view_dispose;
  object_class->finalize = jx_yearly_revenue_view_finalize;
  widget_class->snapshot = jx_yearly_revenue_view_snapshot;
  widget_class->measure = jx_yearly_revenue_view_measure;
  widget_class->query_tooltip = jx_yearly_revenue_view_query_tooltip;
  widget_class->css_changed = jx_yearly_revenue_view_css_changed;
  gtk_widget_class_set_css_name (widget_class, "yearlyrevenuechart");
}

static void
jx_yearly_revenue_view_init (JxYearlyRevenueView *self)
{
  self->years = g_array_new (FALSE, TRUE, sizeof (JxRevenueYear));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (invalidate), self);
}
