/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "jx-chart-style.h"
#include "jx-date.h"

G_BEGIN_DECLS

#define JX_REPORT_ERROR (jx_report_error_quark ())

typedef enum {
  JX_REPORT_ERROR_FAILED,
} JxReportError;

typedef enum {
  JX_PAPER_A4,
  JX_PAPER_LETTER,
} JxPaper;

typedef enum {
  JX_REPORT_ALIGN_START,
  JX_REPORT_ALIGN_CENTER,
  JX_REPORT_ALIGN_END,
} JxReportAlign;

/* Draws a chart into the box (0, 0, @width, @height) of @cr, in points. */
typedef void (*JxReportDrawFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  data);

/* One card of a key-figure row; @detail may be NULL. */
typedef struct {
  const char *label;
  const char *value;
  const char *detail;
} JxReportFigure;

/* A table block, owned by its report. */
typedef struct _JxReportTable JxReportTable;

#define JX_TYPE_REPORT (jx_report_get_type ())
G_DECLARE_FINAL_TYPE (JxReport, jx_report, JX, REPORT, GObject)

GQuark          jx_report_error_quark          (void);
void            jx_paper_get_size              (JxPaper             paper,
                                                double             *width_pt,
                                                double             *height_pt);
gboolean        jx_paper_from_name             (const char         *name,
                                                JxPaper            *paper);

JxReport       *jx_report_new                  (const JxChartStyle *style);
const JxChartStyle *
                jx_report_get_style            (JxReport           *self);
void            jx_report_get_chart_style      (JxReport           *self,
                                                JxChartStyle       *style);

void            jx_report_set_company          (JxReport           *self,
                                                const char         *company);
void            jx_report_set_title            (JxReport           *self,
                                                const char         *title);
void            jx_report_set_period           (JxReport           *self,
                                                const JxPeriod     *period);
void            jx_report_set_period_text      (JxReport           *self,
                                                const char         *text);
void            jx_report_set_filters          (JxReport           *self,
                                                const char         *filters);
void            jx_report_set_made_on          (JxReport           *self,
                                                const GDate        *date);

void            jx_report_add_heading          (JxReport           *self,
                                                const char         *text);
void            jx_report_add_subheading       (JxReport           *self,
                                                const char         *text);
void            jx_report_add_paragraph        (JxReport           *self,
                                                const char         *text);
void            jx_report_add_note             (JxReport           *self,
                                                const char         *text);
void            jx_report_add_figures          (JxReport             *self,
                                                const JxReportFigure *figures,
                                                guint                 n_figures);
JxReportTable  *jx_report_add_table            (JxReport           *self,
                                                guint               n_columns);
void            jx_report_add_chart            (JxReport           *self,
                                                double              height,
                                                JxReportDrawFunc    draw,
                                                gpointer            data,
                                                GDestroyNotify      destroy);
void            jx_report_add_page_break       (JxReport           *self);

void            jx_report_table_set_title      (JxReportTable      *table,
                                                const char         *title);
void            jx_report_table_set_empty_text (JxReportTable      *table,
                                                const char         *text);
void            jx_report_table_set_keep_together (JxReportTable   *table,
                                                gboolean            keep_together);
void            jx_report_table_set_column     (JxReportTable      *table,
                                                guint               column,
                                                const char         *title,
                                                JxReportAlign       align,
                                                double              weight);
void            jx_report_table_add_row        (JxReportTable      *table,
                                                const char *const  *cells);
void            jx_report_table_add_row_va     (JxReportTable      *table,
                                                const char         *first_cell,
                                                ...) G_GNUC_NULL_TERMINATED;
void            jx_report_table_add_total_row  (JxReportTable      *table,
                                                const char *const  *cells);
guint           jx_report_table_get_n_rows     (JxReportTable      *table);
gboolean        jx_report_table_get_row_area   (JxReportTable      *table,
                                                guint               row,
                                                guint              *page,
                                                cairo_rectangle_t  *area);
guint           jx_report_table_get_pages      (JxReportTable      *table,
                                                guint              *first_page);

guint           jx_report_paginate             (JxReport           *self,
                                                double              page_width,
                                                double              page_height);
guint           jx_report_get_n_pages          (JxReport           *self);
void            jx_report_get_body_area        (JxReport           *self,
                                                cairo_rectangle_t  *area);
guint           jx_report_get_unknown_glyphs   (JxReport           *self);
gboolean        jx_report_get_chart_page       (JxReport           *self,
                                                gpointer            data,
                                                guint              *page);
void            jx_report_draw_page            (JxReport           *self,
                                                cairo_t            *cr,
                                                guint               page);
gboolean        jx_report_write_pdf            (JxReport           *self,
                                                const char         *path,
                                                JxPaper             paper,
                                                GError            **error);
gboolean        jx_report_write_png            (JxReport           *self,
                                                const char         *path,
                                                guint               page,
                                                double              scale,
                                                GError            **error);

G_END_DECLS
