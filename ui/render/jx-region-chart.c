/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-region-chart.h"

/*
 * Market potential against won revenue by region, as bullet bars: a wide light bar for the
 * potential, a narrower solid bar inside it for the revenue won in the last 12 months, and
 * the share of potential at the end. One scale for all regions, so their sizes compare.
 */

#define PAD 16.0

struct _JxRegionLayout {
  JxChartStyle  style;
  double        width;
  double        height;
  char         *title;
  char         *currency;
  guint         n;
  JxRegionBar  *bars;
  char        **names;
  JxRect        plot;
  JxRect       *potential_rects;
  JxRect       *won_rects;
  double        scale_max;
  double        step;
  double        label_x;
  double        title_height;
  double        text_height;
  double        legend_y;
};

static double
x_for_amount (JxRegionLayout *self,
              double          amount)
{
  if (self->scale_max <= 0)
    return self->plot.x;
  return self->plot.x + self->plot.width * amount / self->scale_max;
}

JxRegionLayout *
jx_region_layout_new (const JxRegionChartData *data,
                      const JxChartStyle      *style,
                      double                   width,
                      double                   height)
{
  JxRegionLayout *self;
  cairo_t *cr;
  double label_width = 0, value_width, top, row_height, max_amount = 0;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);
  g_return_val_if_fail (data->bars != NULL || data->n == 0, NULL);

  self = g_new0 (JxRegionLayout, 1);
  self->style = *style;
  self->width = width;
  self->height = height;
  self->title = g_strdup (data->title != NULL ? data->title
                                              : _("Market potential and won revenue by region"));
  self->currency = g_strdup (data->currency);
  self->n = data->n;
  self->bars = g_memdup2 (data->bars, sizeof (JxRegionBar) * MAX (data->n, 1));
  self->names = g_new0 (char *, data->n + 1);
  self->potential_rects = g_new0 (JxRect, MAX (data->n, 1));
  self->won_rects = g_new0 (JxRect, MAX (data->n, 1));

  cr = jx_chart_measure_context ();
  self->title_height = jx_chart_text_height (cr, style, 1.25);
  self->text_height = jx_chart_text_height (cr, style, 0.85);
  for (guint i = 0; i < data->n; i++)
    {
      self->names[i] = g_strdup_printf ("%*s%s", 3 * data->bars[i].depth, "",
                                        data->bars[i].name != NULL ? data->bars[i].name : "");
      self->bars[i].name = self->names[i];
      label_width = MAX (label_width, jx_chart_text_width (cr, style, self->names[i], 1.0,
                                                           data->bars[i].depth == 0));
      max_amount = MAX (max_amount, MAX ((double) data->bars[i].potential,
                                         (double) data->bars[i].won));
    }
  value_width = jx_chart_text_width (cr, style, "100.0%", 0.95, TRUE) + 10;
  self->step = jx_chart_nice_step (max_amount, 4);
  self->scale_max = max_amount > 0 ? ceil (max_amount / self->step) * self->step : 0;
  cairo_destroy (cr);

  self->legend_y = PAD + self->title_height + 6;
  top = self->legend_y + self->text_height + 16;
  self->label_x = PAD + label_width;
  self->plot.x = self->label_x + 14;
  self->plot.y = top;
  self->plot.width = MAX (10, width - PAD - value_width - self->plot.x);
  self->plot.height = MAX (10, height - top - PAD - self->text_height - 6);

  row_height = data->n > 0 ? self->plot.height / data->n : 0;
  for (guint i = 0; i < data->n; i++)
    {
      double potential_height = MIN (26, row_height * 0.62);
      double won_height = potential_height * 0.5;
      double center = self->plot.y + (i + 0.5) * row_height;
      double potential = MAX (data->bars[i].potential, 0);

      self->potential_rects[i] = (JxRect) { self->plot.x, center - potential_height / 2,
                                            x_for_amount (self, potential) - self->plot.x,
                                            potential_height };
      self->won_rects[i] = (JxRect) { self->plot.x, center - won_height / 2,
                                      x_for_amount (self, (double) data->bars[i].won) -
                                      self->plot.x, won_height };
    }
  return self;
}

void
jx_region_layout_free (JxRegionLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->currency);
  g_free (self->bars);
  g_strfreev (self->names);
  g_free (self->potential_rects);
  g_free (self->won_rects);
  g_free (self);
}

void
jx_region_layout_get_bar (JxRegionLayout  *self,
                          guint            index,
                          JxRegionHitKind  which,
                          JxRect          *rect)
{
  g_return_if_fail (index < self->n);
  *rect = which == JX_REGION_HIT_WON ? self->won_rects[index] : self->potential_rects[index];
}

void
jx_region_layout_draw (JxRegionLayout *self,
                       cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  JxColor won_color = style->accent;
  JxColor potential_color = jx_color_mix (&style->background, &style->accent,
                                          style->dark ? 0.28 : 0.18);
  double row_height = self->n > 0 ? self->plot.height / self->n : 0;
  const char *legend[2] = { _("Won in the last 12 months"), _("Market potential (per year)") };
  const JxColor *legend_colors[2] = { &won_color, &potential_color };

  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  jx_color_set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  jx_chart_draw_text (cr, style, self->title, PAD, PAD, 1.25, TRUE, &style->foreground, 0, 0);
  jx_chart_draw_legend (cr, style, self->plot.x, self->legend_y + self->text_height / 2, legend,
                        legend_colors, 2);

  if (self->n == 0)
    {
      jx_chart_draw_text (cr, style, _("No regions yet"), self->width / 2,
                          self->plot.y + self->plot.height / 2, 1.0, FALSE, &style->muted, 0.5,
                          0.5);
      cairo_restore (cr);
      return;
    }

  cairo_set_line_width (cr, 1);
  if (self->scale_max > 0)
    for (double v = 0; v <= self->scale_max + 1e-6; v += self->step)
      {
        double x = round (x_for_amount (self, v)) + 0.5;
        g_autofree char *label = jx_money_format_compact ((gint64) llround (v), self->currency);

        jx_color_set_source (cr, v == 0 ? &style->muted : &style->grid);
        cairo_move_to (cr, x, self->plot.y - 4);
        cairo_line_to (cr, x, self->plot.y + self->plot.height);
        cairo_stroke (cr);
        jx_chart_draw_text (cr, style, label, x, self->plot.y + self->plot.height + 4, 0.8, FALSE,
                            &style->muted, v == 0 ? 0 : 0.5, 0);
      }

  for (guint i = 0; i < self->n; i++)
    {
      const JxRegionBar *bar = &self->bars[i];
      const JxRect *p = &self->potential_rects[i];
      const JxRect *w = &self->won_rects[i];
      double center = self->plot.y + (i + 0.5) * row_height;
      double end = MAX (p->x + p->width, w->x + w->width);

      jx_chart_draw_text (cr, style, bar->name, self->label_x, center, 1.0, bar->depth == 0,
                          bar->depth == 0 ? &style->foreground : &style->muted, 1, 0.5);
      if (bar->potential >= 0)
        {
          jx_color_set_source (cr, &potential_color);
          jx_chart_rounded_rect (cr, p->x, p->y, MAX (p->width, 1.5), p->height, 3);
          cairo_fill (cr);
        }
      jx_color_set_source (cr, &won_color);
      jx_chart_rounded_rect (cr, w->x, w->y, MAX (w->width, 1.5), w->height, 2);
      cairo_fill (cr);

      {
        g_autofree char *won = jx_money_format_compact (bar->won, self->currency);
        double won_end = w->x + w->width;
        double inside_room = (p->x + p->width) - won_end;
        double text_width = jx_chart_text_width (cr, style, won, 0.8, FALSE);

        /* The won amount just after the solid bar, inside the light one when it fits. */
        if (bar->potential >= 0 && inside_room > text_width + 12)
          jx_chart_draw_text (cr, style, won, won_end + 6, center, 0.8, FALSE,
                              &style->foreground, 0, 0.5);
        else
          jx_chart_draw_text (cr, style, won, end + 6, center, 0.8, FALSE, &style->foreground,
                              0, 0.5);
      }
      if (bar->potential > 0)
        {
          g_autofree char *share = jx_percent_format ((double) bar->won / bar->potential, 1);
          g_autofree char *potential = jx_money_format_compact (bar->potential, self->currency);

          jx_chart_draw_text (cr, style, share, self->width - PAD, center - 1, 0.95, TRUE,
                              &style->foreground, 1, 1);
          jx_chart_draw_text (cr, style, potential, self->width - PAD, center + 1, 0.8, FALSE,
                              &style->muted, 1, 0);
        }
    }
  cairo_restore (cr);
}

gboolean
jx_region_layout_hit_test (JxRegionLayout *self,
                           double          x,
                           double          y,
                           JxRegionHit    *hit)
{
  g_return_val_if_fail (self != NULL && hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  for (guint i = 0; i < self->n; i++)
    {
      if (jx_rect_contains (&self->won_rects[i], x, y))
        {
          *hit = (JxRegionHit) { JX_REGION_HIT_WON, i };
          return TRUE;
        }
      if (self->bars[i].potential >= 0 && jx_rect_contains (&self->potential_rects[i], x, y))
        {
          *hit = (JxRegionHit) { JX_REGION_HIT_POTENTIAL, i };
          return TRUE;
        }
    }
  return FALSE;
}
