/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} JxColor;

#define JX_N_SERIES_COLORS 8

/*
 * Everything a painter needs to know about the look, so the same painter draws for the
 * screen (light or dark), the printer and PDF without knowing about widgets.
 */
typedef struct {
  JxColor     background;
  JxColor     foreground;
  JxColor     muted;
  JxColor     grid;
  JxColor     accent;
  JxColor     good;
  JxColor     warning;
  JxColor     bad;
  JxColor     card;
  JxColor     card_border;
  JxColor     series[JX_N_SERIES_COLORS];
  /* Font family list for Pango, and the base size in points (at 96 dpi on screen). */
  const char *font_family;
  double      font_size;
  gboolean    dark;
} JxChartStyle;

void         jx_chart_style_init_light    (JxChartStyle       *style);
void         jx_chart_style_init_dark     (JxChartStyle       *style);
void         jx_chart_style_init_print    (JxChartStyle       *style);
void         jx_color_set_source          (cairo_t            *cr,
                                           const JxColor      *color);
JxColor      jx_color_mix                 (const JxColor      *a,
                                           const JxColor      *b,
                                           double              t);
PangoLayout *jx_chart_text_layout         (cairo_t            *cr,
                                           const JxChartStyle *style,
                                           const char         *text,
                                           double              scale,
                                           gboolean            bold);
void         jx_chart_text_size           (PangoLayout        *layout,
                                           double             *width,
                                           double             *height);

G_END_DECLS
