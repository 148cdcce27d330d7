/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-chart-style.h"

static JxColor
rgb (guint32 hex)
{
  return (JxColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0 };
}

/* The GNOME palette, so charts sit well inside libadwaita windows. */
static void
set_series (JxChartStyle *style)
{
  static const guint32 palette[JX_N_SERIES_COLORS] = {
    0x3584e4, 0x33d17a, 0xf6d32d, 0xff7800, 0x9141ac, 0x2ec27e, 0xe01b24, 0x986a44,
  };

  for (guint i = 0; i < JX_N_SERIES_COLORS; i++)
    style->series[i] = rgb (palette[i]);
}

void
jx_chart_style_init_light (JxChartStyle *style)
{
  style->background = rgb (0xfafafa);
  style->foreground = rgb (0x1e1e1e);
  style->muted = rgb (0x6e6e6e);
  style->grid = rgb (0xdedede);
  style->accent = rgb (0x1c71d8);
  style->good = rgb (0x26a269);
  style->warning = rgb (0xc88800);
  style->bad = rgb (0xc01c28);
  style->card = rgb (0xffffff);
  style->card_border = rgb (0xd0d0d0);
  set_series (style);
  style->font_family = "Cantarell, Noto Sans CJK SC, DejaVu Sans, sans-serif";
  style->font_size = 10;
  style->dark = FALSE;
}

void
jx_chart_style_init_dark (JxChartStyle *style)
{
  jx_chart_style_init_light (style);
  style->background = rgb (0x242424);
  style->foreground = rgb (0xf0f0f0);
  style->muted = rgb (0xa8a8a8);
  style->grid = rgb (0x444444);
  style->accent = rgb (0x78aeed);
  style->good = rgb (0x57e389);
  style->warning = rgb (0xf8e45c);
  style->bad = rgb (0xff7b63);
  style->card = rgb (0x303030);
  style->card_border = rgb (0x4a4a4a);
  style->dark = TRUE;
}

/* White paper, black text, sizes in points. */
void
jx_chart_style_init_print (JxChartStyle *style)
{
  jx_chart_style_init_light (style);
  style->background = rgb (0xffffff);
  style->foreground = rgb (0x000000);
  style->muted = rgb (0x555555);
  style->font_size = 9;
}

void
jx_color_set_source (cairo_t       *cr,
                     const JxColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

JxColor
jx_color_mix (const JxColor *a,
              const JxColor *b,
              double         t)
{
  return (JxColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

/* A layout for @text in the style's font, @scale times the base size. */
PangoLayout *
jx_chart_text_layout (cairo_t            *cr,
                      const JxChartStyle *style,
                      const char         *text,
                      double              scale,
                      gboolean            bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_size (font, (int) (style->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

void
jx_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}
