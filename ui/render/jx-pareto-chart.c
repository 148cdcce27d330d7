/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-pareto-chart.h"

/*
 * The Pareto chart of the ABC analysis: customers ranked by last-12-month revenue along the
 * x axis (as a share of all customers), their revenue as bars, the cumulative share of
 * revenue as a curve on the right axis, the A, B and C bands behind, and under the plot one
 * lane per tier showing where that tier's customers fall in the ranking.
 *
 * 100,000 customers do not get 100,000 bars: customers are grouped into bins of a few
 * pixels, each bar showing the largest revenue of its bin. The bins are computed once in
 * the layout and serve both drawing and hit-testing.
 */

#define PAD 16.0
#define LANE_HEIGHT 10.0
#define LANE_GAP 5.0

static const JxTier lane_order[JX_N_TIERS] = {
  JX_TIER_KEY, JX_TIER_GROWTH, JX_TIER_MAINTAIN, JX_TIER_DEFEND, JX_TIER_NONE,
};

typedef struct {
  guint  first;
  guint  last;                  /* inclusive */
  gint64 max_revenue;
  double cumulative;            /* at the end of the bin */
  guint  tier_count[JX_N_TIERS];
} Bin;

struct _JxParetoLayout {
  JxChartStyle  style;
  JxPareto      pareto;         /* shallow copy: the arrays belong to the caller */
  double        width;
  double        height;
  char         *title;
  char         *subtitle;

  JxRect        plot;
  JxRect        bands[3];
  JxRect        lanes[JX_N_TIERS];   /* indexed by JxTier */
  double        lane_label_x;
  double        revenue_max;         /* top of the left axis */
  double        revenue_step;
  double        title_height;
  double        text_height;
  GArray       *bins;
  double        bin_width;
};

double
jx_pareto_layout_x_for_position (JxParetoLayout *self,
                                 double          position)
{
  if (self->pareto.n == 0)
    return self->plot.x;
  return self->plot.x + self->plot.width * position / self->pareto.n;
}

double
jx_pareto_layout_y_for_share (JxParetoLayout *self,
                              double          share)
{
  return self->plot.y + self->plot.height * (1 - CLAMP (share, 0, 1));
}

double
jx_pareto_layout_y_for_revenue (JxParetoLayout *self,
                                double          revenue)
{
  if (self->revenue_max <= 0)
    return self->plot.y + self->plot.height;
  return self->plot.y + self->plot.height * (1 - revenue / self->revenue_max);
}

static JxAbcClass
class_at (const JxPareto *p,
          guint           position)
{
  if (position < p->n_a)
    return JX_ABC_A;
  if (position < p->n_a + p->n_b)
    return JX_ABC_B;
  return JX_ABC_C;
}

static void
compute_bins (JxParetoLayout *self)
{
  const JxPareto *p = &self->pareto;
  guint n_bins;

  self->bins = g_array_new (FALSE, TRUE, sizeof (Bin));
  if (p->n == 0)
    return;
  /* Bars of at least 3 px, one per customer when there is room. */
  n_bins = (guint) MAX (1, MIN ((double) p->n, floor (self->plot.width / 3)));
  self->bin_width = self->plot.width / n_bins;
  for (guint b = 0; b < n_bins; b++)
    {
      Bin bin = { 0 };

      bin.first = (guint) ((guint64) b * p->n / n_bins);
      bin.last = (guint) ((guint64) (b + 1) * p->n / n_bins) - 1;
      if (bin.last < bin.first)
        continue;
      bin.max_revenue = p->revenue[bin.first];
      bin.cumulative = p->cumulative[bin.last];
      for (guint i = bin.first; i <= bin.last; i++)
        bin.tier_count[p->tier[i] < JX_N_TIERS ? p->tier[i] : JX_TIER_NONE]++;
      g_array_append_val (self->bins, bin);
    }
}

static char *
money_label (JxParetoLayout *self,
             double          minor)
{
  return jx_money_format_compact ((gint64) llround (minor), self->pareto.currency);
}

/**
 * jx_pareto_layout_new:
 * @data: the Pareto curve (kept by reference until the layout is freed)
 * @style: colours and fonts
 * @width: width in device units
 * @height: height in device units
 *
 * Returns: (transfer full): the geometry of the chart
 */
JxParetoLayout *
jx_pareto_layout_new (const JxParetoChartData *data,
                      const JxChartStyle      *style,
                      double                   width,
                      double                   height)
{
  JxParetoLayout *self;
  cairo_t *cr;
  double left, right, top, bottom, lanes_height, lane_label_width = 0, tick_width = 0;
  double axis_label_height;
  const JxPareto *p;

  g_return_val_if_fail (data != NULL && data->pareto != NULL && style != NULL, NULL);

  p = data->pareto;
  self = g_new0 (JxParetoLayout, 1);
  self->style = *style;
  self->pareto = *p;
  self->width = width;
  self->height = height;
  self->title = g_strdup (data->title != NULL ? data->title
                                              : _("Customers by revenue (Pareto)"));
  {
    g_autofree char *count = jx_number_format (p->n);
    g_autofree char *total = jx_money_format_compact (p->total, p->currency);

    /* Translators: the Pareto chart's subtitle; %1$s a number of customers, %2$s an amount,
     * %3$.0f and %4$.0f the ABC cut-offs in percent. */
    self->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%1$s customer · %2$s won in the last 12 "
                                                   "months · A = top %3$.0f%%, B = next %4$.0f%% "
                                                   "of revenue",
                                                   "%1$s customers · %2$s won in the last 12 "
                                                   "months · A = top %3$.0f%%, B = next %4$.0f%% "
                                                   "of revenue", p->n),
                                      count, total, p->a_percent, p->b_percent);
  }

  cr = jx_chart_measure_context ();
  self->title_height = jx_chart_text_height (cr, style, 1.25);
  self->text_height = jx_chart_text_height (cr, style, 0.85);
  axis_label_height = self->text_height;

  /* The left axis: revenue per customer, in nice steps. */
  self->revenue_max = p->n > 0 ? (double) p->revenue[0] : 0;
  self->revenue_step = jx_chart_nice_step (self->revenue_max, 4);
  if (self->revenue_max > 0)
    self->revenue_max = ceil (self->revenue_max / self->revenue_step) * self->revenue_step;
  for (double v = 0; v <= self->revenue_max + 1e-6; v += self->revenue_step)
    {
      g_autofree char *label = money_label (self, v);
      tick_width = MAX (tick_width, jx_chart_text_width (cr, style, label, 0.85, FALSE));
      if (self->revenue_max <= 0)
        break;
    }
  for (guint t = 0; t < JX_N_TIERS; t++)
    lane_label_width = MAX (lane_label_width,
                            jx_chart_text_width (cr, style, jx_tier_get_short_label (t), 0.85,
                                                 FALSE));

  left = PAD + MAX (tick_width, lane_label_width) + 10;
  right = PAD + jx_chart_text_width (cr, style, "100%", 0.85, FALSE) + 10;
  top = PAD + self->title_height + self->text_height + 14;
  lanes_height = JX_N_TIERS * (LANE_HEIGHT + LANE_GAP) + self->text_height + 6;
  bottom = PAD + axis_label_height * 2 + 14 + lanes_height;
  cairo_destroy (cr);

  self->plot.x = left;
  self->plot.y = top + self->text_height + 8;       /* room for the band labels */
  self->plot.width = MAX (10, width - left - right);
  self->plot.height = MAX (10, height - self->plot.y - bottom);

  {
    double xa = jx_pareto_layout_x_for_position (self, p->n_a);
    double xb = jx_pareto_layout_x_for_position (self, p->n_a + p->n_b);
    double x_end = self->plot.x + self->plot.width;

    self->bands[JX_ABC_A] = (JxRect) { self->plot.x, self->plot.y, xa - self->plot.x,
                                       self->plot.height };
    self->bands[JX_ABC_B] = (JxRect) { xa, self->plot.y, xb - xa, self->plot.height };
    self->bands[JX_ABC_C] = (JxRect) { xb, self->plot.y, x_end - xb, self->plot.height };
  }

  {
    double y = self->plot.y + self->plot.height + axis_label_height * 2 + 14 +
               self->text_height + 6;

    for (guint k = 0; k < JX_N_TIERS; k++)
      {
        self->lanes[lane_order[k]] = (JxRect) { self->plot.x, y, self->plot.width, LANE_HEIGHT };
        y += LANE_HEIGHT + LANE_GAP;
      }
  }

  compute_bins (self);
  return self;
}

void
jx_pareto_layout_free (JxParetoLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bins, g_array_unref);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self);
}

void
jx_pareto_layout_get_plot (JxParetoLayout *self,
                           JxRect         *plot)
{
  *plot = self->plot;
}

void
jx_pareto_layout_get_band (JxParetoLayout *self,
                           JxAbcClass      abc_class,
                           JxRect         *band)
{
  g_return_if_fail (abc_class <= JX_ABC_C);
  *band = self->bands[abc_class];
}

void
jx_pareto_layout_get_lane (JxParetoLayout *self,
                           JxTier          tier,
                           JxRect         *lane)
{
  g_return_if_fail (tier < JX_N_TIERS);
  *lane = self->lanes[tier];
}

/* Drawing */

static JxColor
band_color (const JxChartStyle *style,
            JxAbcClass          abc_class,
            double              amount)
{
  const JxColor *ink = abc_class == JX_ABC_A ? &style->good
                       : abc_class == JX_ABC_B ? &style->warning : &style->muted;

  return jx_color_mix (&style->background, ink, amount);
}

static void
draw_bands (JxParetoLayout *self,
            cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  const JxPareto *p = &self->pareto;
  static const char *const letters[] = { "A", "B", "C" };
  guint counts[3] = { p->n_a, p->n_b, p->n - p->n_a - p->n_b };

  for (guint c = 0; c < 3; c++)
    {
      const JxRect *band = &self->bands[c];
      JxColor fill = band_color (style, c, style->dark ? 0.13 : 0.10);
      JxColor ink = band_color (style, c, 1.0);
      g_autofree char *count = NULL, *share = NULL, *detail = NULL;
      double letter_width;

      if (band->width <= 0.5)
        continue;
      jx_color_set_source (cr, &fill);
      cairo_rectangle (cr, band->x, band->y, band->width, band->height);
      cairo_fill (cr);

      /* The band's letter and size above the plot, when they fit. */
      letter_width = jx_chart_text_width (cr, style, letters[c], 0.95, TRUE);
      if (band->width < letter_width + 4)
        continue;
      jx_chart_draw_text (cr, style, letters[c], band->x + 4, self->plot.y - 5, 0.95, TRUE, &ink,
                          0, 1);
      count = jx_number_format (counts[c]);
      share = jx_percent_format (p->n > 0 ? (double) counts[c] / p->n : 0, 1);
      /* Translators: under a band of the Pareto chart; %1$s customers, %2$s their share. */
      detail = g_strdup_printf (_("%1$s (%2$s)"), count, share);
      if (band->width > letter_width + 14 +
          jx_chart_text_width (cr, style, detail, 0.8, FALSE))
        jx_chart_draw_text (cr, style, detail, band->x + 4 + letter_width + 6,
                            self->plot.y - 5, 0.8, FALSE, &style->muted, 0, 1);
    }
}

static void
draw_axes (JxParetoLayout *self,
           cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  const JxRect *plot = &self->plot;

  cairo_set_line_width (cr, 1);
  /* Horizontal grid on the revenue axis. */
  if (self->revenue_max > 0)
    for (double v = 0; v <= self->revenue_max + 1e-6; v += self->revenue_step)
      {
        double y = round (jx_pareto_layout_y_for_revenue (self, v)) + 0.5;
        g_autofree char *label = money_label (self, v);

        jx_color_set_source (cr, &style->grid);
        cairo_move_to (cr, plot->x, y);
        cairo_line_to (cr, plot->x + plot->width, y);
        cairo_stroke (cr);
        jx_chart_draw_text (cr, style, label, plot->x - 8, y, 0.85, FALSE, &style->muted, 1, 0.5);
      }
  /* Cumulative share on the right. */
  for (int s = 0; s <= 100; s += 20)
    {
      g_autofree char *label = jx_percent_format (s / 100.0, 0);
      double y = jx_pareto_layout_y_for_share (self, s / 100.0);

      jx_chart_draw_text (cr, style, label, plot->x + plot->width + 8, y, 0.85, FALSE,
                          &style->muted, 0, 0.5);
    }
  /* Share of customers along the bottom. */
  for (int s = 0; s <= 100; s += 20)
    {
      g_autofree char *label = jx_percent_format (s / 100.0, 0);
      double x = plot->x + plot->width * s / 100.0;

      jx_color_set_source (cr, &style->grid);
      cairo_move_to (cr, round (x) + 0.5, plot->y + plot->height);
      cairo_line_to (cr, round (x) + 0.5, plot->y + plot->height + 4);
      cairo_stroke (cr);
      jx_chart_draw_text (cr, style, label, x, plot->y + plot->height + 6, 0.85, FALSE,
                          &style->muted, s == 0 ? 0 : s == 100 ? 1 : 0.5, 0);
    }
  jx_chart_draw_text (cr, style, _("Customers ranked by revenue (share of customers)"),
                      plot->x + plot->width / 2, plot->y + plot->height + 8 + self->text_height,
                      0.85, FALSE, &style->muted, 0.5, 0);

  /* Base line. */
  jx_color_set_source (cr, &style->muted);
  cairo_move_to (cr, plot->x, round (plot->y + plot->height) + 0.5);
  cairo_line_to (cr, plot->x + plot->width, round (plot->y + plot->height) + 0.5);
  cairo_stroke (cr);
}

static void
draw_bars (JxParetoLayout *self,
           cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  double gap = self->bin_width >= 6 ? 2 : self->bin_width >= 3 ? 0.5 : 0;

  for (guint b = 0; b < self->bins->len; b++)
    {
      const Bin *bin = &g_array_index (self->bins, Bin, b);
      double x = self->plot.x + b * self->bin_width;
      double y = jx_pareto_layout_y_for_revenue (self, (double) bin->max_revenue);
      double bottom = self->plot.y + self->plot.height;
      gboolean in_c = class_at (&self->pareto, bin->first) == JX_ABC_C;
      /* Lighter in C, where the revenue is spread thin; stronger on dark backgrounds. */
      JxColor color = jx_color_mix (&style->background, &style->accent,
                                    style->dark ? (in_c ? 0.5 : 0.8) : (in_c ? 0.35 : 0.6));

      if (bottom - y < 0.5)
        continue;
      jx_color_set_source (cr, &color);
      cairo_rectangle (cr, x + gap / 2, y, self->bin_width - gap, bottom - y);
      cairo_fill (cr);
    }
}

static void
draw_curve (JxParetoLayout *self,
            cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  const JxPareto *p = &self->pareto;
  guint boundaries[2] = { p->n_a, p->n_a + p->n_b };
  static const double dash[] = { 4, 3 };

  if (p->n == 0 || p->total <= 0)
    return;

  /* The cut-off lines: from the share on the right axis to the curve, then down. */
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < 2; k++)
    {
      double x, y;

      if (boundaries[k] == 0 || boundaries[k] >= p->n)
        continue;
      x = jx_pareto_layout_x_for_position (self, boundaries[k]);
      y = jx_pareto_layout_y_for_share (self, p->cumulative[boundaries[k] - 1]);
      jx_color_set_source (cr, &style->muted);
      cairo_move_to (cr, self->plot.x + self->plot.width, round (y) + 0.5);
      cairo_line_to (cr, round (x) + 0.5, round (y) + 0.5);
      cairo_line_to (cr, round (x) + 0.5, self->plot.y + self->plot.height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The curve through the end of every bin. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 2.25);
  jx_color_set_source (cr, &style->foreground);
  cairo_move_to (cr, self->plot.x, jx_pareto_layout_y_for_share (self, 0));
  for (guint b = 0; b < self->bins->len; b++)
    {
      const Bin *bin = &g_array_index (self->bins, Bin, b);

      cairo_line_to (cr, jx_pareto_layout_x_for_position (self, bin->last + 1),
                     jx_pareto_layout_y_for_share (self, bin->cumulative));
    }
  cairo_stroke (cr);

  /* Dots where the curve crosses into B and into C. */
  for (guint k = 0; k < 2; k++)
    {
      double x, y;

      if (boundaries[k] == 0 || boundaries[k] >= p->n)
        continue;
      x = jx_pareto_layout_x_for_position (self, boundaries[k]);
      y = jx_pareto_layout_y_for_share (self, p->cumulative[boundaries[k] - 1]);
      jx_color_set_source (cr, &style->background);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
      jx_color_set_source (cr, &style->foreground);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_lanes (JxParetoLayout *self,
            cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;
  double heading_y = self->lanes[lane_order[0]].y - 6;

  jx_chart_draw_text (cr, style, _("Where the current tiers fall"), self->plot.x, heading_y,
                      0.85, TRUE, &style->foreground, 0, 1);

  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      JxTier tier = lane_order[k];
      const JxRect *lane = &self->lanes[tier];
      JxColor color = jx_chart_tier_color (style, tier);
      JxColor track = jx_color_mix (&style->background, &style->grid, 0.6);
      guint total = 0, seen = 0, median = G_MAXUINT;

      jx_chart_draw_text (cr, style, jx_tier_get_short_label (tier), lane->x - 8,
                          lane->y + lane->height / 2, 0.85, FALSE, &style->muted, 1, 0.5);
      jx_color_set_source (cr, &track);
      jx_chart_rounded_rect (cr, lane->x, lane->y, lane->width, lane->height, lane->height / 2);
      cairo_fill (cr);

      cairo_save (cr);
      jx_chart_rounded_rect (cr, lane->x, lane->y, lane->width, lane->height, lane->height / 2);
      cairo_clip (cr);
      for (guint b = 0; b < self->bins->len; b++)
        {
          const Bin *bin = &g_array_index (self->bins, Bin, b);
          guint size = bin->last - bin->first + 1;
          double density = (double) bin->tier_count[tier] / size;
          JxColor ink;

          total += bin->tier_count[tier];
          if (density <= 0)
            continue;
          /* Even a few customers in a bin stay visible. */
          ink = jx_color_mix (&track, &color, 0.25 + 0.75 * density);
          jx_color_set_source (cr, &ink);
          cairo_rectangle (cr, self->plot.x + b * self->bin_width, lane->y,
                           self->bin_width + 0.5, lane->height);
          cairo_fill (cr);
        }
      cairo_restore (cr);

      /* A marker at the median rank of the tier's customers. */
      for (guint b = 0; b < self->bins->len && total > 0; b++)
        {
          const Bin *bin = &g_array_index (self->bins, Bin, b);

          seen += bin->tier_count[tier];
          if (seen * 2 >= total)
            {
              median = b;
              break;
            }
        }
      if (median != G_MAXUINT)
        {
          double x = self->plot.x + (median + 0.5) * self->bin_width;

          jx_color_set_source (cr, &style->foreground);
          cairo_move_to (cr, x - 4, lane->y - 3);
          cairo_line_to (cr, x + 4, lane->y - 3);
          cairo_line_to (cr, x, lane->y + 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      {
        g_autofree char *count = jx_number_format (total);

        jx_chart_draw_text (cr, style, count, lane->x + lane->width + 8,
                            lane->y + lane->height / 2, 0.8, FALSE, &style->muted, 0, 0.5);
      }
    }
}

void
jx_pareto_layout_draw (JxParetoLayout *self,
                       cairo_t        *cr)
{
  const JxChartStyle *style = &self->style;

  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  jx_color_set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  jx_chart_draw_text (cr, style, self->title, PAD, PAD, 1.25, TRUE, &style->foreground, 0, 0);
  jx_chart_draw_text (cr, style, self->subtitle, PAD, PAD + self->title_height + 2, 0.85, FALSE,
                      &style->muted, 0, 0);

  if (self->pareto.n == 0 || self->pareto.total <= 0)
    {
      jx_color_set_source (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, self->plot.x + 0.5, self->plot.y + 0.5, self->plot.width - 1,
                       self->plot.height - 1);
      cairo_stroke (cr);
      jx_chart_draw_text (cr, style, _("No won revenue in the last 12 months yet"),
                          self->plot.x + self->plot.width / 2,
                          self->plot.y + self->plot.height / 2, 1.0, FALSE, &style->muted, 0.5,
                          0.5);
      cairo_restore (cr);
      return;
    }

  draw_bands (self, cr);
  draw_axes (self, cr);
  draw_bars (self, cr);
  draw_curve (self, cr);
  draw_lanes (self, cr);
  cairo_restore (cr);
}

/**
 * jx_pareto_layout_hit_test:
 * @layout: a layout
 * @x: x in the layout's coordinates
 * @y: y
 * @hit: (out): what is there
 *
 * Returns: whether (@x, @y) is on a bar (anywhere in the plot column of a bin) or a lane
 */
gboolean
jx_pareto_layout_hit_test (JxParetoLayout *self,
                           double          x,
                           double          y,
                           JxParetoHit    *hit)
{
  JxRect column = self->plot;
  guint b;
  const Bin *bin;

  g_return_val_if_fail (self != NULL && hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  if (self->bins->len == 0 || x < self->plot.x || x >= self->plot.x + self->plot.width)
    return FALSE;
  b = MIN ((guint) ((x - self->plot.x) / self->bin_width), self->bins->len - 1);
  bin = &g_array_index (self->bins, Bin, b);
  hit->first = bin->first;
  hit->last = bin->last;
  hit->abc_class = class_at (&self->pareto, bin->first);
  hit->revenue = bin->max_revenue;
  hit->cumulative = bin->cumulative;

  if (jx_rect_contains (&column, x, y))
    {
      hit->kind = JX_PARETO_HIT_BAR;
      return TRUE;
    }
  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      JxRect lane = self->lanes[t];

      /* A little slack, the lanes are thin. */
      lane.y -= LANE_GAP / 2;
      lane.height += LANE_GAP;
      if (jx_rect_contains (&lane, x, y))
        {
          hit->kind = JX_PARETO_HIT_TIER;
          hit->tier = t;
          hit->tier_count = bin->tier_count[t];
          return TRUE;
        }
    }
  hit->kind = JX_PARETO_HIT_NONE;
  return FALSE;
}
