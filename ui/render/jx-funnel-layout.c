/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-funnel-layout.h"
#include "jx-money.h"

#define MARGIN 12.0
#define GUTTER 14.0

typedef struct {
  PangoLayout *layout;
  double       x, y;             /* top left */
  double       width, height;
  JxColor      color;
} Text;

typedef struct {
  char              *name;
  double             value;
  double             top_y, bottom_y;
  double             top_w, bottom_w;
  double             row_y0, row_y1;
  JxColor            fill;
  gboolean           value_inside;
  Text               name_text;
  Text               sub_text;
  Text               value_text;
  Text               amount_text;
  Text               conv_text;
  Text               drop_text;
  char              *value_label;     /* "109,493 · ¥14.31B", for tests and readers */
  char              *conversion_label;
  cairo_rectangle_t  name_rect;
  cairo_rectangle_t  value_rect;
  cairo_rectangle_t  conv_rect;
  char              *tooltip;
} Band;

typedef struct {
  cairo_rectangle_t  rect;
  JxColor            accent;
  JxColor            fill;
  Text               title;
  Text               value;
  char              *tooltip;
} Outcome;

struct _JxFunnelLayout {
  JxChartStyle  style;
  double        width, height;
  double        cx, x0, x1;
  guint         n_bands;
  Band         *bands;
  Outcome       won;
  Outcome       lost;
  Text          rate_title;
  Text          rate_value;
  Text          empty;
  gboolean      is_empty;
};

/* Chart data ------------------------------------------------------------------------- */

/**
 * jx_funnel_chart_data_init:
 *
 * Fills @data with the funnel chart's figures from @report; the band names are copied, so
 * @report may go. Free with jx_funnel_chart_data_clear().
 */
void
jx_funnel_chart_data_init (JxFunnelChartData    *data,
                           const JxFunnelReport *report,
                           JxFunnelMode          mode)
{
  JxFunnelBand *bands;

  g_return_if_fail (data != NULL && report != NULL);

  memset (data, 0, sizeof *data);
  bands = g_new0 (JxFunnelBand, MAX (report->n_stages, 1));
  for (guint i = 0; i < report->n_stages; i++)
    {
      const JxFunnelStage *s = &report->stages[i];

      bands[i].name = g_strdup (s->name);
      bands[i].probability = s->probability;
      bands[i].reached = s->reached;
      bands[i].reached_amount = s->reached_amount;
      bands[i].conversion = s->conversion_to_next;
      bands[i].dropped = s->dropped;
      bands[i].now_count = s->count;
      bands[i].now_amount = s->amount;
      bands[i].stalled = s->stalled;
      bands[i].lost = s->lost;
    }
  data->bands = bands;
  data->n_bands = report->n_stages;
  data->cohort_won = report->cohort_won;
  data->cohort_won_amount = report->cohort_won_amount;
  data->won_count = report->won_count;
  data->won_amount = report->won_amount;
  data->lost_count = report->lost_count;
  data->win_rate = report->win_rate;
  data->currency = g_strdup (report->currency);
  data->mode = mode;
}

void
jx_funnel_chart_data_clear (JxFunnelChartData *data)
{
  g_return_if_fail (data != NULL);

  for (guint i = 0; i < data->n_bands; i++)
    g_free ((char *) data->bands[i].name);
  g_free ((JxFunnelBand *) data->bands);
  g_free ((char *) data->currency);
  memset (data, 0, sizeof *data);
}

/* Text --------------------------------------------------------------------------------- */

static void
text_make (Text               *t,
           cairo_t            *cr,
           const JxChartStyle *style,
           const char         *text,
           double              scale,
           gboolean            bold,
           const JxColor      *color,
           double              max_width)
{
  t->layout = jx_chart_text_layout (cr, style, text, scale, bold);
  if (max_width > 0)
    {
      pango_layout_set_width (t->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (t->layout, PANGO_ELLIPSIZE_END);
    }
  jx_chart_text_size (t->layout, &t->width, &t->height);
  t->color = *color;
}

static void
text_clear (Text *t)
{
  g_clear_object (&t->layout);
}

static void
text_draw (Text    *t,
           cairo_t *cr)
{
  if (t->layout == NULL)
    return;
  cairo_move_to (cr, t->x, t->y);
  jx_color_set_source (cr, &t->color);
  pango_cairo_update_layout (cr, t->layout);
  pango_cairo_show_layout (cr, t->layout);
}

static double
luminance (const JxColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static JxColor
hex (guint32 value)
{
  return (JxColor) { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                     (value & 0xff) / 255.0, 1.0 };
}

static char *
format_value (JxFunnelMode  mode,
              gint64        count,
              gint64        amount,
              const char   *currency,
              gboolean      amount_first)
{
  g_autofree char *c = jx_number_format (count);
  g_autofree char *a = jx_money_format_compact (amount, currency);

  return amount_first ? g_strdup_printf ("%s · %s", a, c) : g_strdup_printf ("%s · %s", c, a);
}

/* Layout -------------------------------------------------------------------------------- */

static void
make_tooltips (JxFunnelLayout          *self,
               const JxFunnelChartData *data)
{
  const char *cur = data->currency;

  for (guint i = 0; i < self->n_bands; i++)
    {
      const JxFunnelBand *b = &data->bands[i];
      g_autoptr(GString) tip = g_string_new (NULL);
      g_autofree char *reached = jx_number_format (b->reached);
      g_autofree char *reached_amount = jx_money_format_compact (b->reached_amount, cur);
      g_autofree char *conv = jx_percent_format (b->conversion, 1);
      g_autofree char *dropped = jx_number_format (b->dropped);
      g_autofree char *now = jx_number_format (b->now_count);
      g_autofree char *now_amount = jx_money_format_compact (b->now_amount, cur);
      g_autofree char *stalled = jx_number_format (b->stalled);
      g_autofree char *lost = jx_number_format (b->lost);
      const char *next = i + 1 < self->n_bands ? data->bands[i + 1].name : _("Won");

      /* Translators: a stage name and its win probability in the funnel tooltip. */
      g_string_append_printf (tip, _("%s (%d%%)"), b->name, b->probability);
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Reached: %s deals, %s"), reached, reached_amount);
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("On to %s: %s (%s dropped)"), next, conv, dropped);
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("In the stage now: %s deals, %s"), now, now_amount);
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Stalled: %s · Lost here: %s"), stalled, lost);
      self->bands[i].tooltip = g_string_free (g_steal_pointer (&tip), FALSE);
    }

  {
    g_autofree char *won = jx_number_format (data->won_count);
    g_autofree char *won_amount = jx_money_format_compact (data->won_amount, cur);
    g_autofree char *lost = jx_number_format (data->lost_count);
    g_autofree char *rate = jx_percent_format (data->win_rate, 1);

    self->won.tooltip = g_strdup_printf (_("Won in the period: %s deals, %s\nWin rate: %s"),
                                         won, won_amount, rate);
    self->lost.tooltip = g_strdup_printf (_("Lost in the period: %s deals\nWin rate: %s"),
                                          lost, rate);
  }
}

/**
 * jx_funnel_layout_new:
 * @data: the figures; copied
 * @style: colours and fonts; copied
 * @width: the area's width, in the units of the cairo_t it will be drawn on
 * @height: the area's height
 *
 * Lays the funnel out in (0, 0, @width, @height).
 *
 * Returns: (transfer full): the layout
 */
JxFunnelLayout *
jx_funnel_layout_new (const JxFunnelChartData *data,
                      const JxChartStyle      *style,
                      double                   width,
                      double                   height)
{
  JxFunnelLayout *self;
  cairo_surface_t *scratch;
  cairo_t *cr;
  const char *cur;
  double vmax = 0, won_value, max_w, avail, row_h, gap, y0;
  double left_w = 0, right_w = 0, card_h, outcome_top;
  JxColor top_color, bottom_color, bad_text;
  gboolean amounts;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);

  self = g_new0 (JxFunnelLayout, 1);
  self->style = *style;
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->n_bands = data->n_bands;
  self->bands = g_new0 (Band, MAX (data->n_bands, 1));
  cur = data->currency;
  amounts = data->mode == JX_FUNNEL_BY_AMOUNT;

  /* Text is measured on a scratch surface and drawn later on any cairo_t. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);

  /* Blues from light (wide top) to deep (narrow bottom), lighter still on dark windows. */
  top_color = style->dark ? hex (0x84b4ee) : hex (0x99c1f1);
  bottom_color = style->dark ? hex (0x3584e4) : hex (0x1a5fb4);
  bad_text = style->bad;

  for (guint i = 0; i < data->n_bands; i++)
    {
      const JxFunnelBand *b = &data->bands[i];

      self->bands[i].name = g_strdup (b->name);
      self->bands[i].value = amounts ? b->reached_amount : b->reached;
      vmax = MAX (vmax, self->bands[i].value);
    }
  won_value = amounts ? data->cohort_won_amount : data->cohort_won;
  vmax = MAX (vmax, won_value);
  self->is_empty = data->n_bands == 0 || vmax <= 0;

  /* Columns: names on the left, conversions on the right, the funnel between. */
  for (guint i = 0; i < data->n_bands; i++)
    {
      const JxFunnelBand *b = &data->bands[i];
      Band *band = &self->bands[i];
      g_autofree char *now = jx_number_format (b->now_count);
      /* Translators: under a stage name in the funnel: its probability and the deals in
       * the stage now. */
      g_autofree char *sub = g_strdup_printf (_("%d%% · %s open"), b->probability, now);
      g_autofree char *conv = jx_percent_format (b->conversion, 1);
      g_autofree char *dropped = jx_number_format (b->dropped);
      g_autofree char *conv_text = g_strdup_printf ("↓ %s", conv);
      /* Translators: deals that did not go on to the next stage, under the conversion. */
      g_autofree char *drop_text = g_strdup_printf (_("−%s dropped"), dropped);

      text_make (&band->name_text, cr, style, b->name, 1.0, TRUE, &style->foreground,
                 self->width * 0.28);
      text_make (&band->sub_text, cr, style, sub, 0.85, FALSE, &style->muted, self->width * 0.28);
      text_make (&band->conv_text, cr, style, conv_text, 1.0, TRUE, &style->foreground,
                 self->width * 0.26);
      text_make (&band->drop_text, cr, style, drop_text, 0.85, FALSE, &bad_text,
                 self->width * 0.26);
      band->conversion_label = g_strdup_printf ("%s %s", conv_text, drop_text);
      left_w = MAX (left_w, MAX (band->name_text.width, band->sub_text.width));
      right_w = MAX (right_w, MAX (band->conv_text.width, band->drop_text.width));
    }

  {
    g_autofree char *rate = jx_percent_format (data->win_rate, 1);

    text_make (&self->rate_title, cr, style, _("Win rate"), 0.85, FALSE, &style->muted, 0);
    text_make (&self->rate_value, cr, style, rate, 1.3, TRUE, &style->foreground, 0);
    left_w = MAX (left_w, MAX (self->rate_title.width, self->rate_value.width));
  }
  left_w = CLAMP (left_w, self->width * 0.14, self->width * 0.28);
  right_w = CLAMP (right_w, self->width * 0.12, self->width * 0.26);
  self->x0 = MARGIN + left_w + GUTTER;
  self->x1 = self->width - MARGIN - right_w - GUTTER;
  if (self->x1 - self->x0 < 40)
    {
      /* Too narrow for side columns: the funnel takes the whole width. */
      self->x0 = MARGIN;
      self->x1 = self->width - MARGIN;
    }
  self->cx = (self->x0 + self->x1) / 2;
  max_w = self->x1 - self->x0;

  /* Outcome cards at the bottom. */
  {
    g_autofree char *won_count = jx_number_format (data->won_count);
    g_autofree char *won_amount = jx_money_format_compact (data->won_amount, cur);
    g_autofree char *won_text = g_strdup_printf ("%s · %s", won_count, won_amount);
    g_autofree char *lost_text = jx_number_format (data->lost_count);
    /* The won card sits under the funnel's neck, the lost card beside it. */
    double card_w = MIN (CLAMP (max_w * 0.42, 90, 240),
                         (self->width - MARGIN - 12 - self->cx) / 1.5);

    self->won.accent = style->good;
    self->lost.accent = style->bad;
    self->won.fill = jx_color_mix (&style->good, &style->background, style->dark ? 0.78 : 0.86);
    self->lost.fill = jx_color_mix (&style->bad, &style->background, style->dark ? 0.78 : 0.86);
    /* Translators: the outcome cards under the funnel count deals closed in the period. */
    text_make (&self->won.title, cr, style, _("Won in the period"), 0.85, FALSE, &style->muted,
               card_w - 20);
    text_make (&self->won.value, cr, style, won_text, 1.15, TRUE, &style->foreground, card_w - 20);
    text_make (&self->lost.title, cr, style, _("Lost in the period"), 0.85, FALSE, &style->muted,
               card_w - 20);
    text_make (&self->lost.value, cr, style, lost_text, 1.15, TRUE, &style->foreground,
               card_w - 20);
    card_h = self->won.title.height + self->won.value.height + 16;
    outcome_top = self->height - MARGIN - card_h;
    self->won.rect = (cairo_rectangle_t) { self->cx - card_w / 2, outcome_top, card_w, card_h };
    self->lost.rect = (cairo_rectangle_t) { self->cx + card_w / 2 + 12, outcome_top, card_w,
                                            card_h };
    for (int k = 0; k < 2; k++)
      {
        Outcome *o = k == 0 ? &self->won : &self->lost;

        o->title.x = o->rect.x + 14;
        o->title.y = o->rect.y + 7;
        o->value.x = o->rect.x + 14;
        o->value.y = o->title.y + o->title.height + 2;
      }
    self->rate_title.x = MARGIN + left_w - MAX (self->rate_title.width, 0);
    self->rate_title.y = outcome_top +
                         (card_h - self->rate_title.height - self->rate_value.height) / 2;
    self->rate_value.x = MARGIN + left_w - self->rate_value.width;
    self->rate_value.y = self->rate_title.y + self->rate_title.height;
  }

  /* Rows: one per band above the outcomes, with a gap between bands. */
  y0 = MARGIN;
  avail = outcome_top - 18 - y0;
  row_h = data->n_bands > 0 ? avail / data->n_bands : avail;
  gap = CLAMP (row_h * 0.12, 2, 8);

  for (guint i = 0; i < data->n_bands; i++)
    {
      const JxFunnelBand *b = &data->bands[i];
      Band *band = &self->bands[i];
      double next = i + 1 < data->n_bands ? self->bands[i + 1].value : won_value;
      double t = data->n_bands > 1 ? (double) i / (data->n_bands - 1) : 0.5;
      double mid_y, inner_w;
      g_autofree char *count = jx_number_format (b->reached);
      g_autofree char *amount = jx_money_format_compact (b->reached_amount, cur);
      JxColor ink;

      band->row_y0 = y0 + i * row_h;
      band->row_y1 = band->row_y0 + row_h;
      band->top_y = band->row_y0;
      band->bottom_y = band->row_y1 - gap;
      band->top_w = vmax > 0 ? max_w * band->value / vmax : 0;
      band->bottom_w = vmax > 0 ? max_w * next / vmax : 0;
      band->fill = jx_color_mix (&top_color, &bottom_color, t);
      mid_y = (band->top_y + band->bottom_y) / 2;

      /* The figures: inside the band when they fit, else beside it. */
      ink = luminance (&band->fill) > 0.55 ? hex (0x1e1e1e) : hex (0xffffff);
      text_make (&band->value_text, cr, style, amounts ? amount : count, 1.05, TRUE, &ink, 0);
      text_make (&band->amount_text, cr, style, amounts ? count : amount, 0.85, FALSE, &ink, 0);
      band->value_label = format_value (data->mode, b->reached, b->reached_amount, cur, amounts);
      /* The band is as wide at mid-height as the mean of its edges. */
      inner_w = (band->top_w + band->bottom_w) / 2 - 20;
      if (band->value_text.width + band->amount_text.width + 8 <= inner_w &&
          band->value_text.height <= band->bottom_y - band->top_y)
        {
          /* One line: "109,493  ¥14.31B" centred. */
          double w = band->value_text.width + 8 + band->amount_text.width;

          band->value_inside = TRUE;
          band->value_text.x = self->cx - w / 2;
          band->value_text.y = mid_y - band->value_text.height / 2;
          band->amount_text.x = band->value_text.x + band->value_text.width + 8;
          band->amount_text.y = mid_y - band->amount_text.height / 2 + 1;
        }
      else
        {
          double edge = self->cx + (band->top_w + band->bottom_w) / 4 + 10;

          band->value_text.color = style->foreground;
          band->amount_text.color = style->muted;
          band->value_text.x = edge;
          band->value_text.y = mid_y - band->value_text.height / 2;
          band->amount_text.x = edge + band->value_text.width + 6;
          band->amount_text.y = mid_y - band->amount_text.height / 2 + 1;
        }
      band->value_rect = (cairo_rectangle_t) {
        band->value_text.x, MIN (band->value_text.y, band->amount_text.y),
        band->amount_text.x + band->amount_text.width - band->value_text.x,
        MAX (band->value_text.height, band->amount_text.height) };

      /* The name right-aligned against the funnel, the probability line under it. */
      {
        double h = band->name_text.height + band->sub_text.height;
        gboolean two_lines = h <= row_h;

        band->name_text.x = MARGIN + left_w - band->name_text.width;
        band->name_text.y = two_lines ? mid_y - h / 2 : mid_y - band->name_text.height / 2;
        band->sub_text.x = MARGIN + left_w - band->sub_text.width;
        band->sub_text.y = band->name_text.y + band->name_text.height;
        if (!two_lines)
          text_clear (&band->sub_text);
        band->name_rect = (cairo_rectangle_t) {
          MIN (band->name_text.x, band->sub_text.x), band->name_text.y,
          MAX (band->name_text.width, band->sub_text.width),
          two_lines ? h : band->name_text.height };
      }

      /* Conversion at the step down to the next band (or to the won card). */
      {
        double step_y = i + 1 < data->n_bands ? band->row_y1 - gap / 2
                                              : (band->bottom_y + outcome_top) / 2;
        double h = band->conv_text.height + band->drop_text.height;
        gboolean two_lines = h <= row_h * 0.95;
        double x = self->x1 + GUTTER;

        band->conv_text.x = x;
        band->conv_text.y = two_lines ? step_y - h / 2 : step_y - band->conv_text.height / 2;
        /* The last one stays clear of the outcome cards. */
        band->conv_text.y = MIN (band->conv_text.y,
                                 outcome_top - 4 - (two_lines ? h : band->conv_text.height));
        band->drop_text.x = two_lines ? x : x + band->conv_text.width + 6;
        band->drop_text.y = two_lines ? band->conv_text.y + band->conv_text.height
                                      : step_y - band->drop_text.height / 2 + 1;
        if (!two_lines && band->drop_text.x + band->drop_text.width > self->width - MARGIN)
          text_clear (&band->drop_text);
        band->conv_rect = (cairo_rectangle_t) { x, band->conv_text.y,
                                                MAX (band->conv_text.width,
                                                     band->drop_text.layout != NULL
                                                     ? band->drop_text.x + band->drop_text.width - x
                                                     : 0),
                                                two_lines ? h : band->conv_text.height };
      }
    }

  if (self->is_empty)
    {
      text_make (&self->empty, cr, style, _("No deals were opened in this period"), 1.1, FALSE,
                 &style->muted, self->width - 2 * MARGIN);
      self->empty.x = (self->width - self->empty.width) / 2;
      self->empty.y = (outcome_top - self->empty.height) / 2;
    }

  make_tooltips (self, data);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return self;
}

void
jx_funnel_layout_free (JxFunnelLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_bands; i++)
    {
      Band *b = &self->bands[i];

      text_clear (&b->name_text);
      text_clear (&b->sub_text);
      text_clear (&b->value_text);
      text_clear (&b->amount_text);
      text_clear (&b->conv_text);
      text_clear (&b->drop_text);
      g_free (b->name);
      g_free (b->value_label);
      g_free (b->conversion_label);
      g_free (b->tooltip);
    }
  for (int k = 0; k < 2; k++)
    {
      Outcome *o = k == 0 ? &self->won : &self->lost;

      text_clear (&o->title);
      text_clear (&o->value);
      g_free (o->tooltip);
    }
  text_clear (&self->rate_title);
  text_clear (&self->rate_value);
  text_clear (&self->empty);
  g_free (self->bands);
  g_free (self);
}

/* Drawing --------------------------------------------------------------------------------- */

static void
rounded_rect (cairo_t                 *cr,
              const cairo_rectangle_t *r,
              double                   radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A band: the trapezoid from its width to the next one's, with softly rounded corners. */
static void
band_path (cairo_t    *cr,
           const Band *b,
           double      cx)
{
  double h = b->bottom_y - b->top_y;
  double r = MIN (3.0, h / 4);
  double tl = cx - b->top_w / 2, tr = cx + b->top_w / 2;
  double bl = cx - b->bottom_w / 2, br = cx + b->bottom_w / 2;
  /* How far the slanted sides move in along r of height. */
  double in_right = h > 0 ? (tr - br) * r / h : 0, in_left = h > 0 ? (bl - tl) * r / h : 0;

  if (h <= 0 || b->top_w < 2 * r + 1 || b->bottom_w < 2 * r + 1)
    r = in_right = in_left = 0;
  cairo_new_path (cr);
  cairo_move_to (cr, tl + r, b->top_y);
  cairo_line_to (cr, tr - r, b->top_y);
  cairo_curve_to (cr, tr, b->top_y, tr, b->top_y, tr - in_right, b->top_y + r);
  cairo_line_to (cr, br + in_right, b->bottom_y - r);
  cairo_curve_to (cr, br, b->bottom_y, br, b->bottom_y, br - r, b->bottom_y);
  cairo_line_to (cr, bl + r, b->bottom_y);
  cairo_curve_to (cr, bl, b->bottom_y, bl, b->bottom_y, bl - in_left, b->bottom_y - r);
  cairo_line_to (cr, tl + in_left, b->top_y + r);
  cairo_curve_to (cr, tl, b->top_y, tl, b->top_y, tl + r, b->top_y);
  cairo_close_path (cr);
}

/**
 * jx_funnel_layout_draw:
 *
 * Draws the funnel in (0, 0, width, height) of @cr's user space, background included.
 */
void
jx_funnel_layout_draw (JxFunnelLayout *self,
                       cairo_t        *cr)
{
  const JxChartStyle *style;

  g_return_if_fail (self != NULL && cr != NULL);

  style = &self->style;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  jx_color_set_source (cr, &style->background);
  cairo_paint (cr);

  if (self->is_empty)
    {
      text_draw (&self->empty, cr);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < self->n_bands; i++)
    {
      Band *b = &self->bands[i];
      double step_y = b->conv_text.y + b->conv_rect.height / 2;
      double edge_x = self->cx + b->bottom_w / 2;

      if (b->top_w > 0 || b->bottom_w > 0)
        {
          cairo_pattern_t *shade;

          band_path (cr, b, self->cx);
          jx_color_set_source (cr, &b->fill);
          cairo_fill_preserve (cr);
          /* A faint top-to-bottom shade gives the band some depth. */
          shade = cairo_pattern_create_linear (0, b->top_y, 0, b->bottom_y);
          cairo_pattern_add_color_stop_rgba (shade, 0, 1, 1, 1, style->dark ? 0.06 : 0.14);
          cairo_pattern_add_color_stop_rgba (shade, 1, 0, 0, 0, style->dark ? 0.10 : 0.04);
          cairo_set_source (cr, shade);
          cairo_fill (cr);
          cairo_pattern_destroy (shade);
        }

      /* A dotted guide from the band's lower corner to its conversion. */
      cairo_new_path (cr);
      cairo_move_to (cr, edge_x + 4, b->bottom_y);
      cairo_line_to (cr, self->x1 + GUTTER - 4, step_y);
      cairo_set_line_width (cr, 1);
      {
        double dash[] = { 1.5, 3 };
        cairo_set_dash (cr, dash, 2, 0);
      }
      jx_color_set_source (cr, &style->grid);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      text_draw (&b->name_text, cr);
      text_draw (&b->sub_text, cr);
      text_draw (&b->value_text, cr);
      text_draw (&b->amount_text, cr);
      text_draw (&b->conv_text, cr);
      text_draw (&b->drop_text, cr);
    }

  /* The neck flows into the won card. */
  if (self->n_bands > 0)
    {
      const Band *last = &self->bands[self->n_bands - 1];
      double top = last->bottom_y + 3, bottom = self->won.rect.y - 2;

      cairo_new_path (cr);
      cairo_move_to (cr, self->cx, top);
      cairo_line_to (cr, self->cx, bottom - 5);
      cairo_set_line_width (cr, 1.5);
      jx_color_set_source (cr, &style->good);
      cairo_stroke (cr);
      cairo_move_to (cr, self->cx - 4, bottom - 6);
      cairo_line_to (cr, self->cx + 4, bottom - 6);
      cairo_line_to (cr, self->cx, bottom);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  for (int k = 0; k < 2; k++)
    {
      Outcome *o = k == 0 ? &self->won : &self->lost;
      cairo_rectangle_t bar = { o->rect.x, o->rect.y, 4, o->rect.height };

      rounded_rect (cr, &o->rect, 6);
      jx_color_set_source (cr, &o->fill);
      cairo_fill (cr);
      cairo_save (cr);
      rounded_rect (cr, &o->rect, 6);
      cairo_clip (cr);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      jx_color_set_source (cr, &o->accent);
      cairo_fill (cr);
      cairo_restore (cr);
      text_draw (&o->title, cr);
      text_draw (&o->value, cr);
    }
  text_draw (&self->rate_title, cr);
  text_draw (&self->rate_value, cr);
  cairo_restore (cr);
}

/* Questions --------------------------------------------------------------------------------- */

static gboolean
in_rect (const cairo_rectangle_t *r,
         double                   x,
         double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/**
 * jx_funnel_layout_hit_test:
 *
 * What is at (@x, @y): a band's index (its whole row, names and conversion included),
 * %JX_FUNNEL_HIT_WON, %JX_FUNNEL_HIT_LOST or %JX_FUNNEL_HIT_NONE.
 */
int
jx_funnel_layout_hit_test (JxFunnelLayout *self,
                           double          x,
                           double          y)
{
  g_return_val_if_fail (self != NULL, JX_FUNNEL_HIT_NONE);

  if (self->is_empty || x < 0 || x >= self->width)
    return JX_FUNNEL_HIT_NONE;
  if (in_rect (&self->won.rect, x, y))
    return JX_FUNNEL_HIT_WON;
  if (in_rect (&self->lost.rect, x, y))
    return JX_FUNNEL_HIT_LOST;
  for (guint i = 0; i < self->n_bands; i++)
    if (y >= self->bands[i].row_y0 && y < self->bands[i].row_y1)
      return i;
  return JX_FUNNEL_HIT_NONE;
}

/* The tooltip for a band or an outcome, or %NULL. */
char *
jx_funnel_layout_get_tooltip (JxFunnelLayout *self,
                              int             band)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (band == JX_FUNNEL_HIT_WON)
    return g_strdup (self->won.tooltip);
  if (band == JX_FUNNEL_HIT_LOST)
    return g_strdup (self->lost.tooltip);
  if (band < 0 || (guint) band >= self->n_bands)
    return NULL;
  return g_strdup (self->bands[band].tooltip);
}

guint
jx_funnel_layout_get_n_bands (JxFunnelLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bands;
}

/* The band's trapezoid: centred on @center_x, @top_width wide at @top_y (proportional to
 * its figure), @bottom_width at @bottom_y (the next band's figure). */
gboolean
jx_funnel_layout_get_band_shape (JxFunnelLayout *self,
                                 guint           band,
                                 double         *center_x,
                                 double         *top_y,
                                 double         *bottom_y,
                                 double         *top_width,
                                 double         *bottom_width)
{
  const Band *b;

  g_return_val_if_fail (self != NULL, FALSE);

  if (band >= self->n_bands)
    return FALSE;
  b = &self->bands[band];
  if (center_x != NULL)
    *center_x = self->cx;
  if (top_y != NULL)
    *top_y = b->top_y;
  if (bottom_y != NULL)
    *bottom_y = b->bottom_y;
  if (top_width != NULL)
    *top_width = b->top_w;
  if (bottom_width != NULL)
    *bottom_width = b->bottom_w;
  return TRUE;
}

/* Where a band's label is drawn and what it says. */
gboolean
jx_funnel_layout_get_label (JxFunnelLayout     *self,
                            guint               band,
                            JxFunnelLabel       label,
                            cairo_rectangle_t  *rect,
                            const char        **text)
{
  const Band *b;

  g_return_val_if_fail (self != NULL, FALSE);

  if (band >= self->n_bands)
    return FALSE;
  b = &self->bands[band];
  switch (label)
    {
    case JX_FUNNEL_LABEL_NAME:
      if (rect != NULL)
        *rect = b->name_rect;
      if (text != NULL)
        *text = b->name;
      return TRUE;
    case JX_FUNNEL_LABEL_VALUE:
      if (rect != NULL)
        *rect = b->value_rect;
      if (text != NULL)
        *text = b->value_label;
      return TRUE;
    case JX_FUNNEL_LABEL_CONVERSION:
      if (rect != NULL)
        *rect = b->conv_rect;
      if (text != NULL)
        *text = b->conversion_label;
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
jx_funnel_layout_get_outcome_rect (JxFunnelLayout    *self,
                                   int                outcome,
                                   cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);

  if (outcome == JX_FUNNEL_HIT_WON)
    *rect = self->won.rect;
  else if (outcome == JX_FUNNEL_HIT_LOST)
    *rect = self->lost.rect;
  else
    return FALSE;
  return TRUE;
}
