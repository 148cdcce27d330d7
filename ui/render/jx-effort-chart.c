/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-effort-chart.h"
#include "jx-money.h"

/*
 * Share of revenue against share of effort, per tier: for each tier a solid bar (its share
 * of the last 12 months' won revenue) over a lighter bar (its share of the planned hours),
 * and the ratio of the two on the right. A tier that earns much more than it costs shows a
 * long solid bar over a short light one.
 */

#define PAD 16.0

struct _JxEffortLayout {
  JxChartStyle  style;
  double        width;
  double        height;
  char         *title;
  guint         n;
  JxEffortBar  *bars;
  JxRect        plot;
  JxRect       *revenue_rects;
  JxRect       *effort_rects;
  double        scale_max;        /* share at the right end of the plot */
  double        label_x;          /* right edge of the tier labels */
  double        ratio_x;          /* left edge of the ratio column */
  double        title_height;
  double        text_height;
  double        legend_y;
};

/* The tiers of an allocation in board order. */
guint
jx_effort_bars_from_allocation (const JxAllocation *allocation,
                                JxEffortBar         bars[JX_N_TIERS])
{
  const JxTier *order = jx_tier_board_order ();

  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      const JxTierAllocation *t = &allocation->tiers[order[k]];

      bars[k] = (JxEffortBar) { t->tier, t->customers, t->revenue_share, t->effort_share };
    }
  return JX_N_TIERS;
}

JxEffortLayout *
jx_effort_layout_new (const JxEffortChartData *data,
                      const JxChartStyle      *style,
                      double                   width,
                      double                   height)
{
  JxEffortLayout *self;
  cairo_t *cr;
  double label_width = 0, ratio_width, value_width, top, row_height, max_share = 0;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);
  g_return_val_if_fail (data->bars != NULL || data->n == 0, NULL);

  self = g_new0 (JxEffortLayout, 1);
  self->style = *style;
  self->width = width;
  self->height = height;
  self->title = g_strdup (data->title != NULL ? data->title : _("Revenue against effort by tier"));
  self->n = data->n;
  self->bars = g_memdup2 (data->bars, sizeof (JxEffortBar) * MAX (data->n, 1));
  self->revenue_rects = g_new0 (JxRect, MAX (data->n, 1));
  self->effort_rects = g_new0 (JxRect, MAX (data->n, 1));

  cr = jx_chart_measure_context ();
  self->title_height = jx_chart_text_height (cr, style, 1.25);
  self->text_height = jx_chart_text_height (cr, style, 0.85);
  for (guint i = 0; i < data->n; i++)
    {
      label_width = MAX (label_width, jx_chart_text_width (cr, style,
                                                           jx_tier_get_label (data->bars[i].tier),
                                                           1.0, TRUE));
      max_share = MAX (max_share, MAX (data->bars[i].revenue_share, data->bars[i].effort_share));
    }
  ratio_width = MAX (jx_chart_text_width (cr, style, "×10.0", 1.0, TRUE),
                     jx_chart_text_width (cr, style, _("Revenue ÷ effort"), 0.8, FALSE));
  value_width = jx_chart_text_width (cr, style, "100.0%", 0.85, FALSE) + 8;
  cairo_destroy (cr);

  /* Round the scale up to the next 10%, so a 43% bar does not touch the edge. */
  self->scale_max = MAX (0.1, MIN (1.0, ceil (max_share * 10 + 1e-9) / 10));

  self->legend_y = PAD + self->title_height + 6;
  top = self->legend_y + self->text_height + 18;
  self->label_x = PAD + label_width;
  self->ratio_x = width - PAD - ratio_width;
  self->plot.x = self->label_x + 14;
  self->plot.y = top;
  self->plot.width = MAX (10, self->ratio_x - 16 - value_width - self->plot.x);
  self->plot.height = MAX (10, height - top - PAD - self->text_height - 6);

  row_height = data->n > 0 ? self->plot.height / data->n : 0;
  for (guint i = 0; i < data->n; i++)
    {
      double bar_height = MIN (14, row_height * 0.3);
      double y = self->plot.y + i * row_height + (row_height - 2 * bar_height - 3) / 2;

      self->revenue_rects[i] = (JxRect) { self->plot.x, y,
                                          self->plot.width * data->bars[i].revenue_share /
                                          self->scale_max, bar_height };
      self->effort_rects[i] = (JxRect) { self->plot.x, y + bar_height + 3,
                                         self->plot.width * data->bars[i].effort_share /
                                         self->scale_max, bar_height };
    }
  return self;
}

void
jx_effort_layout_free (JxEffortLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->bars);
  g_free (self->revenue_rects);
  g_free (self->effort_rects);
  g_free (self);
}

void
jx_effort_layout_get_bar (JxEffortLayout  *self,
                          guint            index,
                          JxEffortHitKind  which,
                          JxRect          *rect)
{
  g_return_if_fail (index < self->n);
  *rect = which == JX_EFFORT_HIT_EFFORT ? self->effort_rects[index] : self->revenue_rects[index];
}

void
jx_effort_layout_draw (JxEffortLayout *self,
                       cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  double row_height = self->n > 0 ? self->plot.height / self->n : 0;
  JxColor legend_light = jx_color_mix (&style->background, &style->foreground, 0.3);
  const char *legend[2] = { _("Share of won revenue (12 months)"), _("Share of planned hours") };
  const JxColor *legend_colors[2] = { &style->foreground, &legend_light };

  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  jx_color_set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  jx_chart_draw_text (cr, style, self->title, PAD, PAD, 1.25, TRUE, &style->foreground, 0, 0);
  jx_chart_draw_legend (cr, style, self->plot.x, self->legend_y + self->text_height / 2, legend,
                        legend_colors, 2);

  /* Grid and scale. */
  cairo_set_line_width (cr, 1);
  for (int s = 0; s <= (int) lround (self->scale_max * 100); s += self->scale_max > 0.5 ? 20 : 10)
    {
      double x = round (self->plot.x + self->plot.width * (s / 100.0) / self->scale_max) + 0.5;
      g_autofree char *label = jx_percent_format (s / 100.0, 0);

      jx_color_set_source (cr, s == 0 ? &style->muted : &style->grid);
      cairo_move_to (cr, x, self->plot.y - 6);
      cairo_line_to (cr, x, self->plot.y + self->plot.height);
      cairo_stroke (cr);
      jx_chart_draw_text (cr, style, label, x, self->plot.y + self->plot.height + 4, 0.8, FALSE,
                          &style->muted, 0.5, 0);
    }
  jx_chart_draw_text (cr, style, _("Revenue ÷ effort"), self->width - PAD, self->plot.y - 8, 0.8,
                      FALSE, &style->muted, 1, 1);

  for (guint i = 0; i < self->n; i++)
    {
      const JxEffortBar *bar = &self->bars[i];
      JxColor solid = jx_chart_tier_color (style, bar->tier);
      JxColor light = jx_color_mix (&style->background, &solid, 0.38);
      const JxRect *r = &self->revenue_rects[i];
      const JxRect *e = &self->effort_rects[i];
      double center = self->plot.y + (i + 0.5) * row_height;
      g_autofree char *revenue = jx_percent_format (bar->revenue_share, 1);
      g_autofree char *effort = jx_percent_format (bar->effort_share, 1);
      g_autofree char *customers = jx_number_format (bar->customers);
      g_autofree char *customers_text = NULL;

      if (i > 0)
        {
          double y = round (self->plot.y + i * row_height) + 0.5;

          jx_color_set_source (cr, &style->grid);
          cairo_move_to (cr, PAD, y);
          cairo_line_to (cr, self->width - PAD, y);
          cairo_stroke (cr);
        }

      jx_chart_draw_text (cr, style, jx_tier_get_label (bar->tier), self->label_x,
                          center - 1, 1.0, TRUE, &style->foreground, 1, 1);
      /* Translators: under a tier's name in the effort chart; %s is a number. */
      customers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer",
                                                     "%s customers", bar->customers), customers);
      jx_chart_draw_text (cr, style, customers_text, self->label_x, center + 1, 0.8, FALSE,
                          &style->muted, 1, 0);

      jx_color_set_source (cr, &solid);
      jx_chart_rounded_rect (cr, r->x, r->y, MAX (r->width, 1.5), r->height, 2.5);
      cairo_fill (cr);
      jx_color_set_source (cr, &light);
      jx_chart_rounded_rect (cr, e->x, e->y, MAX (e->width, 1.5), e->height, 2.5);
      cairo_fill (cr);
      jx_chart_draw_text (cr, style, revenue, r->x + r->width + 6, r->y + r->height / 2, 0.85,
                          TRUE, &style->foreground, 0, 0.5);
      jx_chart_draw_text (cr, style, effort, e->x + e->width + 6, e->y + e->height / 2, 0.85,
                          FALSE, &style->muted, 0, 0.5);

      if (bar->effort_share > 0)
        {
          double ratio = bar->revenue_share / bar->effort_share;
          g_autofree char *text = g_strdup_printf ("×%.1f", ratio);
          const JxColor *color = ratio >= 1.25 ? &style->good
                                 : ratio < 0.8 ? &style->bad : &style->muted;

          jx_chart_draw_text (cr, style, text, self->width - PAD, center, 1.0, TRUE, color, 1,
                              0.5);
        }
      else
        jx_chart_draw_text (cr, style, "—", self->width - PAD, center, 1.0, FALSE, &style->muted,
                            1, 0.5);
    }
  cairo_restore (cr);
}

gboolean
jx_effort_layout_hit_test (JxEffortLayout *self,
                           double          x,
                           double          y,
                           JxEffortHit    *hit)
{
  g_return_val_if_fail (self != NULL && hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  for (guint i = 0; i < self->n; i++)
    {
      /* The whole width of the plot counts, so short bars are easy to point at. */
      JxRect r = self->revenue_rects[i], e = self->effort_rects[i];

      r.width = e.width = self->plot.width;
      if (jx_rect_contains (&r, x, y) || jx_rect_contains (&e, x, y))
        {
          hit->kind = jx_rect_contains (&r, x, y) ? JX_EFFORT_HIT_REVENUE : JX_EFFORT_HIT_EFFORT;
          hit->index = i;
          hit->tier = self->bars[i].tier;
          hit->share = hit->kind == JX_EFFORT_HIT_REVENUE ? self->bars[i].revenue_share
                                                          : self->bars[i].effort_share;
          return TRUE;
        }
    }
  return FALSE;
}
