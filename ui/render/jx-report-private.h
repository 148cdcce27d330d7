/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "jx-report.h"

G_BEGIN_DECLS

/* The kinds of text on a report page; each has its own size and weight. */
typedef enum {
  JX_REPORT_TEXT_CELL,
  JX_REPORT_TEXT_CELL_BOLD,
  JX_REPORT_TEXT_SMALL,
  JX_REPORT_TEXT_SMALL_BOLD,
  JX_REPORT_TEXT_PARAGRAPH,
  JX_REPORT_TEXT_HEADING,
  JX_REPORT_TEXT_SUBHEADING,
  JX_REPORT_TEXT_TITLE,
  JX_REPORT_TEXT_PERIOD,
  JX_REPORT_TEXT_FIGURE,
  JX_REPORT_TEXT_FIGURE_SMALL,
  JX_REPORT_N_TEXTS
} JxReportText;

/*
 * Lays out text on one cairo_t. Pagination measures with a painter on a scratch surface and
 * drawing uses one on the target; both switch off hinting of metrics so that every line is
 * as tall on paper as it was when the page was planned.
 */
typedef struct {
  JxReport    *report;
  cairo_t     *cr;
  PangoLayout *layouts[JX_REPORT_N_TEXTS];
  guint        unknown_glyphs;
} JxReportPainter;

const PangoFontDescription *jx_report_get_font         (JxReport     *self,
                                                        JxReportText  text);
const cairo_font_options_t *jx_report_get_font_options (JxReport     *self);

/* Painting (jx-report-painter.c). */
void         jx_report_painter_init    (JxReportPainter *painter,
                                        JxReport        *report,
                                        cairo_t         *cr);
void         jx_report_painter_clear   (JxReportPainter *painter);
PangoLayout *jx_report_painter_layout  (JxReportPainter *painter,
                                        JxReportText     text,
                                        const char      *string,
                                        double           width,
                                        PangoAlignment   align,
                                        int              max_lines);
double       jx_report_layout_height   (PangoLayout     *layout);
double       jx_report_layout_width    (PangoLayout     *layout);
void         jx_report_painter_show    (JxReportPainter *painter,
                                        PangoLayout     *layout,
                                        double           x,
                                        double           y,
                                        const JxColor   *color);
void         jx_report_painter_show_on_baseline (JxReportPainter *painter,
                                        PangoLayout     *layout,
                                        double           x,
                                        double           baseline,
                                        const JxColor   *color);
void         jx_report_painter_line    (JxReportPainter *painter,
                                        JxReportText     text,
                                        double          *baseline,
                                        double          *height);
void         jx_report_fill_rect       (cairo_t         *cr,
                                        double           x,
                                        double           y,
                                        double           width,
                                        double           height,
                                        const JxColor   *color);
void         jx_report_hline           (cairo_t         *cr,
                                        double           x,
                                        double           y,
                                        double           width,
                                        double           line_width,
                                        const JxColor   *color);

/* Tables (jx-report-table.c). */
JxReportTable *jx_report_table_new         (JxReport        *report,
                                            guint            n_columns);
void           jx_report_table_free        (JxReportTable   *table);
void           jx_report_table_measure     (JxReportTable   *table,
                                            JxReportPainter *painter,
                                            double           width);
double         jx_report_table_head_height (JxReportTable   *table,
                                            gboolean         continued);
double         jx_report_table_row_height  (JxReportTable   *table,
                                            guint            row);
guint          jx_report_table_n_lines     (JxReportTable   *table);
gboolean       jx_report_table_get_keep_together (JxReportTable *table);
double         jx_report_table_total_height (JxReportTable  *table);
void           jx_report_table_reset_places (JxReportTable  *table);
void           jx_report_table_place_row   (JxReportTable   *table,
                                            guint            row,
                                            guint            page,
                                            double           x,
                                            double           y);
void           jx_report_table_draw        (JxReportTable   *table,
                                            JxReportPainter *painter,
                                            double           x,
                                            double           y,
                                            guint            first,
                                            guint            n,
                                            gboolean         continued);

G_END_DECLS
