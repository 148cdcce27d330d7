/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-report-private.h"

/*
 * Text and rules on a report page. Every piece of text goes through one PangoLayout per
 * kind of text, made with pango_cairo_create_layout() on the painter's cairo_t and reused
 * for each string, which keeps pagination and drawing of long tables fast.
 */

void
jx_report_painter_init (JxReportPainter *painter,
                        JxReport        *report,
                        cairo_t         *cr)
{
  *painter = (JxReportPainter) { .report = report, .cr = cr };
}

void
jx_report_painter_clear (JxReportPainter *painter)
{
  for (guint i = 0; i < JX_REPORT_N_TEXTS; i++)
    g_clear_object (&painter->layouts[i]);
}

static PangoLayout *
create_layout (JxReportPainter *painter,
               JxReportText     text)
{
  PangoLayout *layout = pango_cairo_create_layout (painter->cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Unhinted metrics and unrounded positions: a line measures the same on the scratch
   * surface used for pagination as on paper, in a PNG or on screen. */
  pango_cairo_context_set_font_options (context,
                                        jx_report_get_font_options (painter->report));
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, jx_report_get_font (painter->report, text));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Tabular figures, so that the digits of right-aligned amounts line up in columns. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (text == JX_REPORT_TEXT_PARAGRAPH)
    pango_layout_set_line_spacing (layout, 1.1);
  return layout;
}

/**
 * jx_report_painter_layout:
 * @width: the wrapping width in points, or a negative number for none
 * @max_lines: the most lines shown before the text ends with an ellipsis, or 0 for any
 *
 * Returns: (transfer none): the painter's layout for @text, set up for @string
 */
PangoLayout *
jx_report_painter_layout (JxReportPainter *painter,
                          JxReportText     text,
                          const char      *string,
                          double           width,
                          PangoAlignment   align,
                          int              max_lines)
{
  PangoLayout *layout = painter->layouts[text];

  if (layout == NULL)
    layout = painter->layouts[text] = create_layout (painter, text);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (layout, align);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (layout, string != NULL ? string : "", -1);
  painter->unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  return layout;
}

double
jx_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
jx_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
jx_report_painter_show (JxReportPainter *painter,
                        PangoLayout     *layout,
                        double           x,
                        double           y,
                        const JxColor   *color)
{
  cairo_move_to (painter->cr, x, y);
  jx_color_set_source (painter->cr, color);
  pango_cairo_show_layout (painter->cr, layout);
}

/* Draws @layout with its first baseline at @baseline. */
void
jx_report_painter_show_on_baseline (JxReportPainter *painter,
                                    PangoLayout     *layout,
                                    double           x,
                                    double           baseline,
                                    const JxColor   *color)
{
  jx_report_painter_show (painter, layout, x,
                          baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE,
                          color);
}

/*
 * The baseline and height of one line of @text holding both Latin and Chinese. Lines of
 * one kind take at least these, so that a row of names in Latin letters is as tall as one
 * in Chinese and text in different fonts sits on one baseline.
 */
void
jx_report_painter_line (JxReportPainter *painter,
                        JxReportText     text,
                        double          *baseline,
                        double          *height)
{
  PangoLayout *layout = jx_report_painter_layout (painter, text, "Ag国", -1, PANGO_ALIGN_LEFT,
                                                  1);

  if (baseline != NULL)
    *baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  if (height != NULL)
    *height = jx_report_layout_height (layout);
}

void
jx_report_fill_rect (cairo_t       *cr,
                     double         x,
                     double         y,
                     double         width,
                     double         height,
                     const JxColor *color)
{
  cairo_rectangle (cr, x, y, width, height);
  jx_color_set_source (cr, color);
  cairo_fill (cr);
}

void
jx_report_hline (cairo_t       *cr,
                 double         x,
                 double         y,
                 double         width,
                 double         line_width,
                 const JxColor *color)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  jx_color_set_source (cr, color);
  cairo_stroke (cr);
  cairo_restore (cr);
}
