/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "jx-chart-util.h"

/* One colour per tier, the same on the board, in the charts and on paper. */
JxColor
jx_chart_tier_color (const JxChartStyle *style,
                     JxTier              tier)
{
  switch (tier)
    {
    case JX_TIER_KEY:
      return style->series[0];              /* blue */
    case JX_TIER_GROWTH:
      return style->series[5];              /* green */
    case JX_TIER_MAINTAIN:
      return style->series[4];              /* purple */
    case JX_TIER_DEFEND:
      return style->series[3];              /* orange */
    case JX_TIER_NONE:
    default:
      return style->muted;
    }
}

/* A step of 1, 2, 2.5 or 5 × 10^k giving about @target_ticks steps up to @max. */
double
jx_chart_nice_step (double max,
                    int    target_ticks)
{
  double raw, magnitude, fraction;

  if (!(max > 0) || target_ticks < 1)
    return 1;
  raw = max / target_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 2.5)
    return 2.5 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* A context for measuring text while laying out, before there is a surface to draw on. */
cairo_t *
jx_chart_measure_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* Draws @text with its box aligned at (@x, @y): @xalign 0 left … 1 right, @yalign 0 top …
 * 1 bottom. */
void
jx_chart_draw_text (cairo_t            *cr,
                    const JxChartStyle *style,
                    const char         *text,
                    double              x,
                    double              y,
                    double              scale,
                    gboolean            bold,
                    const JxColor      *color,
                    double              xalign,
                    double              yalign)
{
  PangoLayout *layout = jx_chart_text_layout (cr, style, text, scale, bold);
  double width, height;

  jx_chart_text_size (layout, &width, &height);
  jx_color_set_source (cr, color);
  cairo_move_to (cr, round (x - width * xalign), round (y - height * yalign));
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

double
jx_chart_text_width (cairo_t            *cr,
                     const JxChartStyle *style,
                     const char         *text,
                     double              scale,
                     gboolean            bold)
{
  PangoLayout *layout = jx_chart_text_layout (cr, style, text, scale, bold);
  double width;

  jx_chart_text_size (layout, &width, NULL);
  g_object_unref (layout);
  return width;
}

/* The height of a line of text, with CJK glyphs so that Chinese labels fit too. */
double
jx_chart_text_height (cairo_t            *cr,
                      const JxChartStyle *style,
                      double              scale)
{
  PangoLayout *layout = jx_chart_text_layout (cr, style, "Ag精", scale, FALSE);
  double height;

  jx_chart_text_size (layout, NULL, &height);
  g_object_unref (layout);
  return height;
}

void
jx_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/**
 * jx_chart_draw_legend:
 * @x: where the first swatch starts
 * @y: the middle of the legend's line
 *
 * A line of @n small swatches of @colors, each followed by its label in @labels.
 */
void
jx_chart_draw_legend (cairo_t              *cr,
                      const JxChartStyle   *style,
                      double                x,
                      double                y,
                      const char *const    *labels,
                      const JxColor *const *colors,
                      guint                 n)
{
  for (guint k = 0; k < n; k++)
    {
      jx_color_set_source (cr, colors[k]);
      jx_chart_rounded_rect (cr, x, y - 5, 16, 10, 2);
      cairo_fill (cr);
      jx_chart_draw_text (cr, style, labels[k], x + 22, y, 0.85, FALSE, &style->muted, 0, 0.5);
      x += 22 + jx_chart_text_width (cr, style, labels[k], 0.85, FALSE) + 22;
    }
}

gboolean
jx_rect_contains (const JxRect *rect,
                  double        x,
                  double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}
