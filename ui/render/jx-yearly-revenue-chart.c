/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-yearly-revenue-chart.h"

/*
 * A customer's won revenue per fiscal year as a small bar chart: one bar per year from the
 * first year it bought to the last, empty years included so gaps show, each with its amount
 * above and the year below. The bars are laid out once and serve drawing and hit-testing.
 */

#define PAD 8.0
#define MAX_BAR 56.0

struct _JxYearlyRevenueLayout {
  JxChartStyle  style;
  double        width;
  double        height;
  char         *currency;
  GArray       *years;        /* JxRevenueYear, every year of the span */
  GArray       *bars;         /* JxRect per year */
  double        baseline;
  double        text_height;
};

/**
 * jx_yearly_revenue_layout_new:
 * @data: revenue per fiscal year, oldest first (years without revenue may be missing)
 * @style: colours and fonts
 * @width: width in device units
 * @height: height in device units
 *
 * Returns: (transfer full): the geometry of the chart
 */
JxYearlyRevenueLayout *
jx_yearly_revenue_layout_new (const JxYearlyRevenueData *data,
                              const JxChartStyle        *style,
                              double                     width,
                              double                     height)
{
  JxYearlyRevenueLayout *self;
  cairo_t *cr;
  gint64 max = 0;
  double slot, bar_width, top, plot_height;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);

  self = g_new0 (JxYearlyRevenueLayout, 1);
  self->style = *style;
  self->width = width;
  self->height = height;
  self->currency = g_strdup (data->currency);
  self->years = g_array_new (FALSE, TRUE, sizeof (JxRevenueYear));
  self->bars = g_array_new (FALSE, TRUE, sizeof (JxRect));

  /* Every year of the span, so a year without revenue shows as a gap. */
  if (data->n_years > 0)
    {
      int first = data->years[0].year, last = data->years[data->n_years - 1].year;

      for (int y = first; y <= last && last - first < 100; y++)
        {
          JxRevenueYear year = { y, 0, 0 };

          for (guint i = 0; i < data->n_years; i++)
            if (data->years[i].year == y)
              year = data->years[i];
          max = MAX (max, year.won);
          g_array_append_val (self->years, year);
        }
    }

  cr = jx_chart_measure_context ();
  self->text_height = jx_chart_text_height (cr, style, 0.85);
  cairo_destroy (cr);

  top = PAD + self->text_height + 4;
  self->baseline = height - PAD - self->text_height - 4;
  plot_height = MAX (1, self->baseline - top);
  slot = self->years->len > 0 ? (width - 2 * PAD) / self->years->len : 0;
  bar_width = MIN (MAX_BAR, slot * 0.6);
  for (guint i = 0; i < self->years->len; i++)
    {
      const JxRevenueYear *year = &g_array_index (self->years, JxRevenueYear, i);
      double bar_height = max > 0 ? plot_height * (double) year->won / (double) max : 0;
      JxRect bar = { PAD + slot * i + (slot - bar_width) / 2, self->baseline - bar_height,
                     bar_width, bar_height };

      g_array_append_val (self->bars, bar);
    }
  return self;
}

void
jx_yearly_revenue_layout_draw (JxYearlyRevenueLayout *self,
                               cairo_t               *cr)
{
  const JxChartStyle *style;

  g_return_if_fail (self != NULL && cr != NULL);

  style = &self->style;
  cairo_save (cr);
  if (self->years->len == 0)
    {
      jx_chart_draw_text (cr, style, _("No won deals yet"), self->width / 2, self->height / 2,
                          1.0, FALSE, &style->muted, 0.5, 0.5);
      cairo_restore (cr);
      return;
    }

  jx_color_set_source (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, PAD, round (self->baseline) + 0.5);
  cairo_line_to (cr, self->width - PAD, round (self->baseline) + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < self->years->len; i++)
    {
      const JxRevenueYear *year = &g_array_index (self->years, JxRevenueYear, i);
      const JxRect *bar = &g_array_index (self->bars, JxRect, i);
      gboolean latest = i + 1 == self->years->len;
      JxColor fill = latest ? style->accent
                            : jx_color_mix (&style->background, &style->accent,
                                            style->dark ? 0.6 : 0.45);
      g_autofree char *year_text = g_strdup_printf ("%d", year->year);
      double centre = bar->x + bar->width / 2;

      if (bar->height >= 0.5)
        {
          jx_color_set_source (cr, &fill);
          jx_chart_rounded_rect (cr, bar->x, bar->y, bar->width, bar->height,
                                 MIN (3, bar->height / 2));
          cairo_fill (cr);
        }
      if (year->won > 0)
        {
          g_autofree char *amount = jx_money_format_compact (year->won, self->currency);

          jx_chart_draw_text (cr, style, amount, centre, bar->y - 3, 0.85, latest,
                              &style->foreground, 0.5, 1);
        }
      jx_chart_draw_text (cr, style, year_text, centre, self->baseline + 4, 0.85, FALSE,
                          &style->muted, 0.5, 0);
    }
  cairo_restore (cr);
}

/* The index of the year whose column holds (@x, @y), or −1. */
int
jx_yearly_revenue_layout_hit_test (JxYearlyRevenueLayout *self,
                                   double                 x,
                                   double                 y)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->years->len == 0 || y < PAD || y > self->height - PAD)
    return -1;
  {
    double slot = (self->width - 2 * PAD) / self->years->len;
    int index = (int) floor ((x - PAD) / slot);

    return index >= 0 && index < (int) self->years->len ? index : -1;
  }
}

/* The bar of the @index-th year of the span (years without revenue included). */
gboolean
jx_yearly_revenue_layout_get_bar (JxYearlyRevenueLayout *self,
                                  guint                  index,
                                  JxRect                *bar)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->bars->len)
    return FALSE;
  *bar = g_array_index (self->bars, JxRect, index);
  return TRUE;
}

/* The year shown at @index, for tooltips. */
const JxRevenueYear *
jx_yearly_revenue_layout_get_year (JxYearlyRevenueLayout *self,
                                   guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->years->len)
    return NULL;
  return &g_array_index (self->years, JxRevenueYear, index);
}

void
jx_yearly_revenue_layout_free (JxYearlyRevenueLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_free (self->currency);
  g_free (self);
}
