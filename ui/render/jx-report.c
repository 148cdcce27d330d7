/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "jx-report-private.h"

/*
 * JxReport is a printed document: a list of blocks (headings, paragraphs, key figures,
 * tables, charts) that jx_report_paginate() lays out on pages of a given size, under a page
 * header (company, title, period, filters, date made) and above a "Page N of M" footer.
 *
 * Pagination is computed once and then any page can be drawn into any cairo_t whose units
 * are points: a PDF surface, the cairo_t of a GtkPrintContext, or an image surface in
 * tests. Blocks never straddle a page boundary except tables, which continue row by row
 * under a repeated header, and paragraphs taller than a whole page, which break between
 * lines.
 */

#define MARGIN_X        50.0
#define MARGIN_TOP      36.0
#define MARGIN_BOTTOM   34.0
#define HEADER_GAP      16.0
#define FOOTER_GAP      14.0
#define HEADING_RULE_GAP 3.0
#define HEADING_AFTER   7.0
#define SUBHEADING_AFTER 4.0
#define CARD_GAP        8.0
#define CARD_PAD        8.0
#define CARD_BAR        3.0
#define CARDS_PER_ROW   5

typedef enum {
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_FIGURES,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct {
  char *label;
  char *value;
  char *detail;
} Figure;

typedef struct {
  BlockKind         kind;
  char             *text;
  GArray           *figures;
  JxReportTable    *table;
  double            chart_height;
  JxReportDrawFunc  draw;
  gpointer          data;
  GDestroyNotify    destroy;

  /* Set by measuring. */
  double            height;
  GArray           *line_tops;
  guint             cards_per_row;
  double            card_width;
  double            card_height;
  JxReportText      value_text;
  double            label_height;
  double            value_height;
} Block;

/* A block, or the part of it, that lands on one page. */
typedef struct {
  guint    page;
  guint    block;
  double   y;
  double   height;
  /* Table lines or paragraph lines [first, first + n). */
  guint    first;
  guint    n;
  gboolean continued;
} Piece;

struct _JxReport {
  GObject               parent_instance;

  JxChartStyle          style;
  char                 *font_family;
  PangoFontDescription *fonts[JX_REPORT_N_TEXTS];
  cairo_font_options_t *font_options;

  char                 *company;
  char                 *title;
  char                 *period;
  char                 *filters;
  char                 *made_on;
  GPtrArray            *blocks;

  /* Pagination. */
  gboolean              paginated;
  double                page_width;
  double                page_height;
  cairo_rectangle_t     body;
  double                title_y;
  double                filters_y;
  double                rule_y;
  double                footer_y;
  double                meta_baseline;
  double                footer_baseline;
  GArray               *pieces;
  guint                 n_pages;
  guint                 unknown_glyphs;
};

G_DEFINE_TYPE (JxReport, jx_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (jx-report-error-quark, jx_report_error)

static void
clear_figure (gpointer data)
{
  Figure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->detail);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->figures, g_array_unref);
  g_clear_pointer (&block->table, jx_report_table_free);
  g_clear_pointer (&block->line_tops, g_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

/* GObject */

static void
jx_report_finalize (GObject *object)
{
  JxReport *self = JX_REPORT (object);

  for (guint i = 0; i < JX_REPORT_N_TEXTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->font_options, cairo_font_options_destroy);
  g_free (self->font_family);
  g_free (self->company);
  g_free (self->title);
  g_free (self->period);
  g_free (self->filters);
  g_free (self->made_on);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);

  G_OBJECT_CLASS (jx_report_parent_class)->finalize (object);
}

static void
jx_report_class_init (JxReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jx_report_finalize;
}

static void
jx_report_init (JxReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (self->font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (self->font_options, CAIRO_HINT_STYLE_NONE);
}

static void
set_font (JxReport     *self,
          JxReportText  text,
          double        scale,
          gboolean      bold)
{
  PangoFontDescription *font = pango_font_description_from_string (self->font_family);

  /* Absolute sizes: one unit is one point on the page whatever the surface's resolution. */
  pango_font_description_set_absolute_size (font, self->style.font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  self->fonts[text] = font;
}

/* Public API */

/**
 * jx_report_new:
 * @style: (nullable): colours and fonts; NULL for jx_chart_style_init_print()
 *
 * The font list should include "Noto Sans CJK SC" so that Chinese text has glyphs.
 */
JxReport *
jx_report_new (const JxChartStyle *style)
{
  JxReport *self = g_object_new (JX_TYPE_REPORT, NULL);

  if (style != NULL)
    self->style = *style;
  else
    jx_chart_style_init_print (&self->style);
  self->font_family = g_strdup (self->style.font_family);
  self->style.font_family = self->font_family;

  set_font (self, JX_REPORT_TEXT_CELL, 0.94, FALSE);
  set_font (self, JX_REPORT_TEXT_CELL_BOLD, 0.94, TRUE);
  set_font (self, JX_REPORT_TEXT_SMALL, 0.84, FALSE);
  set_font (self, JX_REPORT_TEXT_SMALL_BOLD, 0.84, TRUE);
  set_font (self, JX_REPORT_TEXT_PARAGRAPH, 1.05, FALSE);
  set_font (self, JX_REPORT_TEXT_HEADING, 1.45, TRUE);
  set_font (self, JX_REPORT_TEXT_SUBHEADING, 1.15, TRUE);
  set_font (self, JX_REPORT_TEXT_TITLE, 1.8, TRUE);
  set_font (self, JX_REPORT_TEXT_PERIOD, 1.1, FALSE);
  set_font (self, JX_REPORT_TEXT_FIGURE, 1.6, TRUE);
  set_font (self, JX_REPORT_TEXT_FIGURE_SMALL, 1.25, TRUE);
  return self;
}

const PangoFontDescription *
jx_report_get_font (JxReport     *self,
                    JxReportText  text)
{
  return self->fonts[text];
}

const cairo_font_options_t *
jx_report_get_font_options (JxReport *self)
{
  return self->font_options;
}

const JxChartStyle *
jx_report_get_style (JxReport *self)
{
  g_return_val_if_fail (JX_IS_REPORT (self), NULL);

  return &self->style;
}

/**
 * jx_report_get_chart_style:
 * @style: (out caller-allocates): the style for a painter drawn in a chart block
 *
 * The report's colours and fonts for a chart painter. Painters size their text with
 * pango_font_description_set_size() on a layout of pango_cairo_create_layout(), which
 * reads points at the font map's resolution (96 dpi) and so draws 4/3 larger than the
 * report's text on a cairo_t in points; this style's base size makes up for that, so that
 * a chart's labels come out at the size of the table text.
 */
void
jx_report_get_chart_style (JxReport     *self,
                           JxChartStyle *style)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  double dpi = pango_cairo_font_map_get_resolution (PANGO_CAIRO_FONT_MAP (font_map));

  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (style != NULL);

  *style = self->style;
  style->font_size = self->style.font_size * 0.94 * 72.0 / (dpi > 0 ? dpi : 96.0);
}

/* Sizes in points, portrait. */
void
jx_paper_get_size (JxPaper  paper,
                   double  *width_pt,
                   double  *height_pt)
{
  switch (paper)
    {
    case JX_PAPER_LETTER:
      *width_pt = 612.0;
      *height_pt = 792.0;
      break;
    case JX_PAPER_A4:
    default:
      *width_pt = 595.276;
      *height_pt = 841.89;
      break;
    }
}

/* "a4" or "letter", in any case. */
gboolean
jx_paper_from_name (const char *name,
                    JxPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = JX_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = JX_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
invalidate (JxReport *self)
{
  self->paginated = FALSE;
}

/* The company name at the top left of every page (the company_name setting). */
void
jx_report_set_company (JxReport   *self,
                       const char *company)
{
  g_return_if_fail (JX_IS_REPORT (self));

  replace (&self->company, company);
  invalidate (self);
}

void
jx_report_set_title (JxReport   *self,
                     const char *title)
{
  g_return_if_fail (JX_IS_REPORT (self));

  replace (&self->title, title);
  invalidate (self);
}

/* The period the figures cover, formatted for the user's language. */
void
jx_report_set_period (JxReport       *self,
                      const JxPeriod *period)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (period != NULL);

  text = jx_period_format (period);
  jx_report_set_period_text (self, text);
}

void
jx_report_set_period_text (JxReport   *self,
                           const char *text)
{
  g_return_if_fail (JX_IS_REPORT (self));

  replace (&self->period, text);
  invalidate (self);
}

/* A readable summary of the filters the figures were computed with, or NULL for none. */
void
jx_report_set_filters (JxReport   *self,
                       const char *filters)
{
  g_return_if_fail (JX_IS_REPORT (self));

  replace (&self->filters, filters);
  invalidate (self);
}

/* The day the report was made: the caller's "today", never the wall clock here. */
void
jx_report_set_made_on (JxReport    *self,
                       const GDate *date)
{
  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_free (self->made_on);
  self->made_on = jx_date_format (date);
  invalidate (self);
}

static Block *
add_block (JxReport  *self,
           BlockKind  kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
  return block;
}

/* A section heading; it stays on the page of what follows it. */
void
jx_report_add_heading (JxReport   *self,
                       const char *text)
{
  g_return_if_fail (JX_IS_REPORT (self));

  add_block (self, BLOCK_HEADING, text);
}

void
jx_report_add_subheading (JxReport   *self,
                          const char *text)
{
  g_return_if_fail (JX_IS_REPORT (self));

  add_block (self, BLOCK_SUBHEADING, text);
}

void
jx_report_add_paragraph (JxReport   *self,
                         const char *text)
{
  g_return_if_fail (JX_IS_REPORT (self));

  add_block (self, BLOCK_PARAGRAPH, text);
}

/* A short line in small grey type, for definitions and footnotes under a table or chart. */
void
jx_report_add_note (JxReport   *self,
                    const char *text)
{
  g_return_if_fail (JX_IS_REPORT (self));

  add_block (self, BLOCK_NOTE, text);
}

/* A row of cards with a label, a large value and an optional detail line; more than five
 * cards wrap onto further rows of even length. */
void
jx_report_add_figures (JxReport             *self,
                       const JxReportFigure *figures,
                       guint                 n_figures)
{
  Block *block;

  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (figures != NULL || n_figures == 0);

  block = add_block (self, BLOCK_FIGURES, NULL);
  block->figures = g_array_sized_new (FALSE, TRUE, sizeof (Figure), n_figures);
  g_array_set_clear_func (block->figures, clear_figure);
  for (guint i = 0; i < n_figures; i++)
    {
      Figure figure = {
        g_strdup (figures[i].label != NULL ? figures[i].label : ""),
        g_strdup (figures[i].value != NULL ? figures[i].value : ""),
        g_strdup (figures[i].detail),
      };

      g_array_append_val (block->figures, figure);
    }
}

/**
 * jx_report_add_table:
 *
 * Returns: (transfer none): the new table, owned by the report; fill it with
 *   jx_report_table_set_column() and jx_report_table_add_row()
 */
JxReportTable *
jx_report_add_table (JxReport *self,
                     guint     n_columns)
{
  Block *block;

  g_return_val_if_fail (JX_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block = add_block (self, BLOCK_TABLE, NULL);
  block->table = jx_report_table_new (self, n_columns);
  return block->table;
}

/**
 * jx_report_add_chart:
 * @height: the height the chart asks for, in points (at most a page body)
 * @draw: called for each page the chart is on, with the full text width
 * @destroy: (nullable): frees @data with the report
 */
void
jx_report_add_chart (JxReport         *self,
                     double            height,
                     JxReportDrawFunc  draw,
                     gpointer          data,
                     GDestroyNotify    destroy)
{
  Block *block;

  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (draw != NULL);
  g_return_if_fail (height > 0);

  block = add_block (self, BLOCK_CHART, NULL);
  block->chart_height = height;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
}

void
jx_report_add_page_break (JxReport *self)
{
  g_return_if_fail (JX_IS_REPORT (self));

  add_block (self, BLOCK_PAGE_BREAK, NULL);
}

/* Pagination */

static char *
made_on_text (JxReport *self)
{
  if (self->made_on == NULL)
    return g_strdup ("");
  /* Translators: in the page header of a report; %s is a date. */
  return g_strdup_printf (_("Made on %s"), self->made_on);
}

static char *
filters_text (JxReport *self)
{
  if (self->filters == NULL || *self->filters == '\0')
    /* Translators: in the page header of a report whose figures cover all the data. */
    return g_strdup (_("Filters: none"));
  /* Translators: in the page header of a report; %s lists the filters, e.g.
   * "Region East · Rep Wang Wei". */
  return g_strdup_printf (_("Filters: %s"), self->filters);
}

static char *
page_text (guint page,
           guint n_pages)
{
  /* Translators: the footer of each report page. */
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

static double
title_width (JxReport        *self,
             JxReportPainter *painter,
             double          *period_width)
{
  PangoLayout *layout;

  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_PERIOD, self->period,
                                     self->body.width * 0.45, PANGO_ALIGN_RIGHT, 1);
  *period_width = jx_report_layout_width (layout);
  return self->body.width - *period_width - 18;
}

/* Places the page header and footer; sets the body box between them. */
static void
measure_chrome (JxReport        *self,
                JxReportPainter *painter)
{
  g_autofree char *made = made_on_text (self);
  g_autofree char *filters = filters_text (self);
  g_autofree char *sample = page_text (888, 888);
  double meta_height, title_height, period_width, line_height, y;
  PangoLayout *layout;

  self->body.x = MARGIN_X;
  self->body.width = self->page_width - 2 * MARGIN_X;

  jx_report_painter_line (painter, JX_REPORT_TEXT_SMALL_BOLD, &self->meta_baseline,
                          &meta_height);

  y = MARGIN_TOP + meta_height + 4;
  self->title_y = y;
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_TITLE, self->title,
                                     title_width (self, painter, &period_width),
                                     PANGO_ALIGN_LEFT, 1);
  title_height = jx_report_layout_height (layout);
  y += title_height + 3;

  self->filters_y = y;
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, filters, self->body.width,
                                     PANGO_ALIGN_LEFT, 2);
  y += jx_report_layout_height (layout) + 7;
  self->rule_y = y;
  self->body.y = y + HEADER_GAP;

  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, sample, -1,
                                     PANGO_ALIGN_RIGHT, 1);
  jx_report_painter_line (painter, JX_REPORT_TEXT_SMALL, &self->footer_baseline, &line_height);
  self->footer_y = self->page_height - MARGIN_BOTTOM - MAX (line_height,
                                                            jx_report_layout_height (layout));
  self->body.height = self->footer_y - 6 - FOOTER_GAP - self->body.y;
}

/* The tallest layout of one kind of text over all cards. */
static double
figures_height (Block           *block,
                JxReportPainter *painter,
                JxReportText     text,
                gsize            field,
                int              max_lines,
                double          *widest)
{
  double inner = block->card_width - 2 * CARD_PAD - CARD_BAR;
  double height = 0;

  for (guint i = 0; i < block->figures->len; i++)
    {
      Figure *figure = &g_array_index (block->figures, Figure, i);
      const char *string = G_STRUCT_MEMBER (const char *, figure, field);
      PangoLayout *layout;

      if (string == NULL)
        continue;
      layout = jx_report_painter_layout (painter, text, string, inner, PANGO_ALIGN_LEFT,
                                         max_lines);
      height = MAX (height, jx_report_layout_height (layout));
      if (widest != NULL)
        {
          /* Measured unwrapped, to see whether the value fits on one line. */
          pango_layout_set_width (layout, -1);
          *widest = MAX (*widest, jx_report_layout_width (layout));
        }
    }
  return height;
}

static void
measure_figures (JxReport        *self,
                 Block           *block,
                 JxReportPainter *painter,
                 double           width)
{
  guint n = block->figures->len;
  double inner, widest = 0, detail;
  guint rows;

  if (n == 0)
    {
      block->height = 0;
      return;
    }
  rows = (n + CARDS_PER_ROW - 1) / CARDS_PER_ROW;
  block->cards_per_row = (n + rows - 1) / rows;
  block->card_width = (width - (block->cards_per_row - 1) * CARD_GAP) / block->cards_per_row;
  inner = block->card_width - 2 * CARD_PAD - CARD_BAR;

  /* Values are large; when one of them does not fit its card, all take the smaller size so
   * that the row stays even. */
  block->value_text = JX_REPORT_TEXT_FIGURE;
  block->value_height = figures_height (block, painter, JX_REPORT_TEXT_FIGURE,
                                        G_STRUCT_OFFSET (Figure, value), 1, &widest);
  if (widest > inner)
    {
      block->value_text = JX_REPORT_TEXT_FIGURE_SMALL;
      block->value_height = figures_height (block, painter, JX_REPORT_TEXT_FIGURE_SMALL,
                                            G_STRUCT_OFFSET (Figure, value), 1, NULL);
    }
  block->label_height = figures_height (block, painter, JX_REPORT_TEXT_SMALL,
                                        G_STRUCT_OFFSET (Figure, label), 2, NULL);
  detail = figures_height (block, painter, JX_REPORT_TEXT_SMALL,
                           G_STRUCT_OFFSET (Figure, detail), 2, NULL);
  block->card_height = 2 * CARD_PAD + block->label_height + 3 + block->value_height
                       + (detail > 0 ? detail + 2 : 0);
  block->height = rows * block->card_height + (rows - 1) * CARD_GAP;
}

static void
measure_paragraph (Block           *block,
                   JxReportPainter *painter,
                   JxReportText     text,
                   double           width)
{
  PangoLayout *layout = jx_report_painter_layout (painter, text, block->text, width,
                                                  PANGO_ALIGN_LEFT, 0);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  g_clear_pointer (&block->line_tops, g_array_unref);
  block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      g_array_append_val (block->line_tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  block->height = jx_report_layout_height (layout);
  g_array_append_val (block->line_tops, block->height);
}

static void
measure_block (JxReport        *self,
               Block           *block,
               JxReportPainter *painter)
{
  double width = self->body.width;
  PangoLayout *layout;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_HEADING, block->text, width,
                                         PANGO_ALIGN_LEFT, 0);
      block->height = jx_report_layout_height (layout) + HEADING_RULE_GAP + HEADING_AFTER;
      break;
    case BLOCK_SUBHEADING:
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SUBHEADING, block->text, width,
                                         PANGO_ALIGN_LEFT, 0);
      block->height = jx_report_layout_height (layout) + SUBHEADING_AFTER;
      break;
    case BLOCK_PARAGRAPH:
      measure_paragraph (block, painter, JX_REPORT_TEXT_PARAGRAPH, width);
      break;
    case BLOCK_NOTE:
      measure_paragraph (block, painter, JX_REPORT_TEXT_SMALL, width);
      break;
    case BLOCK_FIGURES:
      measure_figures (self, block, painter, width);
      break;
    case BLOCK_TABLE:
      jx_report_table_measure (block->table, painter, width);
      jx_report_table_reset_places (block->table);
      block->height = 0;
      break;
    case BLOCK_CHART:
      block->height = MIN (block->chart_height, self->body.height);
      break;
    case BLOCK_PAGE_BREAK:
    default:
      block->height = 0;
      break;
    }
}

/* The white space above a block, unless it starts a page or follows a heading. */
static double
space_before (Block *block,
              Block *previous)
{
  if (previous == NULL || previous->kind == BLOCK_HEADING || previous->kind == BLOCK_SUBHEADING)
    return 0;
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return 20;
    case BLOCK_SUBHEADING:
      return 13;
    case BLOCK_NOTE:
      return 5;
    case BLOCK_PARAGRAPH:
      return 7;
    case BLOCK_FIGURES:
    case BLOCK_TABLE:
    case BLOCK_CHART:
      return 12;
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

/* How much of @block must fit under a heading for the heading to stay on the page; @tail is
 * the note after @block, which a table kept together takes along. */
static double
start_height (JxReport *self,
              Block    *block,
              double    tail)
{
  if (block == NULL)
    return 0;
  switch (block->kind)
    {
    case BLOCK_TABLE:
      {
        JxReportTable *table = block->table;
        double height = jx_report_table_head_height (table, FALSE)
                        + jx_report_table_row_height (table, 0);

        if (jx_report_table_get_keep_together (table) &&
            jx_report_table_total_height (table) <= self->body.height)
          return MIN (jx_report_table_total_height (table) + tail, self->body.height);
        if (jx_report_table_n_lines (table) > 1)
          height += jx_report_table_row_height (table, 1);
        return height;
      }
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      return g_array_index (block->line_tops, double, MIN (2, block->line_tops->len - 1));
    case BLOCK_PAGE_BREAK:
      return 0;
    default:
      return MIN (block->height, self->body.height);
    }
}

/* The height, with the space above it, of the note that follows block @i, or 0. */
static double
note_after (JxReport *self,
            guint     i)
{
  Block *block, *next;

  if (i + 1 >= self->blocks->len)
    return 0;
  block = g_ptr_array_index (self->blocks, i);
  next = g_ptr_array_index (self->blocks, i + 1);
  return next->kind == BLOCK_NOTE ? space_before (next, block) + next->height : 0;
}

typedef struct {
  JxReport *self;
  guint     page;
  double    y;
  gboolean  empty;
} Cursor;

static void
new_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = cursor->self->body.y;
  cursor->empty = TRUE;
}

static void
add_piece (Cursor   *cursor,
           guint     block,
           double    y,
           double    height,
           guint     first,
           guint     n,
           gboolean  continued)
{
  Piece piece = { cursor->page, block, y, height, first, n, continued };

  g_array_append_val (cursor->self->pieces, piece);
  cursor->y = y + height;
  cursor->empty = FALSE;
}

/*
 * @tail: the height of the note that follows the table (and its space), which a table kept
 * together takes along to its page
 */
static void
place_table (Cursor *cursor,
             guint   index,
             Block  *block,
             double  space,
             double  tail)
{
  JxReport *self = cursor->self;
  JxReportTable *table = block->table;
  double bottom = self->body.y + self->body.height;
  guint n = jx_report_table_n_lines (table);
  gboolean continued = FALSE;
  guint r = 0;

  /* A short table that is read as a whole moves to the next page rather than split. */
  if (jx_report_table_get_keep_together (table) && !cursor->empty)
    {
      double whole = jx_report_table_total_height (table);

      if (whole + tail <= self->body.height)
        whole += tail;
      if (whole <= self->body.height && cursor->y + space + whole > bottom)
        {
          new_page (cursor);
          space = 0;
        }
    }

  while (r < n)
    {
      double head = jx_report_table_head_height (table, continued);
      double need = head + jx_report_table_row_height (table, r);
      double top, y;
      guint k = r;

      /* A table starts with two rows on the page, so that no row stands alone under the
       * header at the foot of a page. */
      if (r == 0 && n > 1)
        need += jx_report_table_row_height (table, 1);
      if (!cursor->empty && cursor->y + space + need > bottom)
        {
          new_page (cursor);
          space = 0;
        }
      top = cursor->y + space;
      y = top + head;
      while (k < n && y + jx_report_table_row_height (table, k) <= bottom + 1e-6)
        y += jx_report_table_row_height (table, k++);
      /* Rows are capped at a few lines, far shorter than a page; this only guards the loop. */
      if (k == r)
        k++;
      /* No single last row (or a total alone) at the top of the next page. */
      if (k < n && n - k < 2 && k - r > 3)
        k = n - 2;
      y = top + head;
      for (guint j = r; j < k; j++)
        {
          jx_report_table_place_row (table, j, cursor->page, self->body.x, y);
          y += jx_report_table_row_height (table, j);
        }
      add_piece (cursor, index, top, y - top, r, k - r, continued);
      r = k;
      if (r < n)
        {
          new_page (cursor);
          continued = TRUE;
          space = 0;
        }
    }
}

static void
place_paragraph (Cursor *cursor,
                 guint   index,
                 Block  *block,
                 double  space)
{
  JxReport *self = cursor->self;
  double bottom = self->body.y + self->body.height;
  guint n_lines = block->line_tops->len - 1;
  guint first = 0;

  if (cursor->y + space + block->height <= bottom)
    {
      add_piece (cursor, index, cursor->y + space, block->height, 0, n_lines, FALSE);
      return;
    }
  if (!cursor->empty && block->height <= self->body.height)
    {
      new_page (cursor);
      add_piece (cursor, index, cursor->y, block->height, 0, n_lines, FALSE);
      return;
    }

  /* Taller than a page: break between lines. */
  while (first < n_lines)
    {
      double top = cursor->y + space;
      double start = g_array_index (block->line_tops, double, first);
      guint k = first;

      while (k < n_lines
             && top + g_array_index (block->line_tops, double, k + 1) - start <= bottom)
        k++;
      if (k == first && cursor->empty)
        k++;
      if (k > first)
        add_piece (cursor, index, top,
                   g_array_index (block->line_tops, double, k) - start, first, k - first,
                   first > 0);
      first = k;
      if (first < n_lines)
        {
          new_page (cursor);
          space = 0;
        }
    }
}

/**
 * jx_report_paginate:
 * @page_width: in points
 * @page_height: in points
 *
 * Lays the report out on pages of this size. Drawing and the geometry getters use the
 * result until the report changes.
 *
 * Returns: the number of pages
 */
guint
jx_report_paginate (JxReport *self,
                    double    page_width,
                    double    page_height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  JxReportPainter painter;
  Cursor cursor;
  Block *previous = NULL;

  g_return_val_if_fail (JX_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > 4 * MARGIN_X && page_height > 8 * MARGIN_TOP, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  g_array_set_size (self->pieces, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  jx_report_painter_init (&painter, self, cr);

  measure_chrome (self, &painter);
  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, g_ptr_array_index (self->blocks, i), &painter);

  cursor = (Cursor) { self, 0, self->body.y, TRUE };
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      double bottom = self->body.y + self->body.height;
      double space = cursor.empty ? 0 : space_before (block, previous);
      double height;

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!cursor.empty)
            new_page (&cursor);
          previous = NULL;
          continue;
        case BLOCK_HEADING:
        case BLOCK_SUBHEADING:
          /* Keep a heading with the start of what it introduces. */
          if (!cursor.empty &&
              cursor.y + space + block->height + start_height (self, next, note_after (self, i + 1))
              > bottom)
            {
              new_page (&cursor);
              space = 0;
            }
          add_piece (&cursor, i, cursor.y + space, block->height, 0, 0, FALSE);
          break;
        case BLOCK_TABLE:
          place_table (&cursor, i, block, space, note_after (self, i));
          break;
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          place_paragraph (&cursor, i, block, space);
          break;
        case BLOCK_FIGURES:
        case BLOCK_CHART:
        default:
          height = block->height;
          if (!cursor.empty && cursor.y + space + height > bottom)
            {
              new_page (&cursor);
              space = 0;
            }
          add_piece (&cursor, i, cursor.y + space, height, 0, 0, FALSE);
          break;
        }
      previous = block;
    }

  self->n_pages = cursor.page + 1;
  self->unknown_glyphs = painter.unknown_glyphs;
  self->paginated = TRUE;

  jx_report_painter_clear (&painter);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return self->n_pages;
}

/* The number of pages of the last pagination (0 before jx_report_paginate()). */
guint
jx_report_get_n_pages (JxReport *self)
{
  g_return_val_if_fail (JX_IS_REPORT (self), 0);

  return self->paginated ? self->n_pages : 0;
}

/* The box between the page header and footer that blocks are placed in, in points. */
void
jx_report_get_body_area (JxReport          *self,
                         cairo_rectangle_t *area)
{
  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (area != NULL);

  *area = self->body;
}

/* How many characters of the last pagination had no glyph in the report's fonts. */
guint
jx_report_get_unknown_glyphs (JxReport *self)
{
  g_return_val_if_fail (JX_IS_REPORT (self), 0);

  return self->unknown_glyphs;
}

/**
 * jx_report_get_chart_page:
 * @data: the data a chart block was added with
 * @page: (out): the page index, from 0, the chart landed on in the last pagination
 *
 * For notes such as "continued on page 4" that one chart draws about another.
 *
 * Returns: %FALSE when the report is not paginated or has no chart with @data
 */
gboolean
jx_report_get_chart_page (JxReport *self,
                          gpointer  data,
                          guint    *page)
{
  g_return_val_if_fail (JX_IS_REPORT (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  if (!self->paginated)
    return FALSE;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);

      if (block->kind == BLOCK_CHART && block->data == data)
        {
          *page = piece->page;
          return TRUE;
        }
    }
  return FALSE;
}

/* Drawing */

static void
draw_chrome (JxReport        *self,
             JxReportPainter *painter,
             guint            page)
{
  const JxChartStyle *style = &self->style;
  g_autofree char *made = made_on_text (self);
  g_autofree char *filters = filters_text (self);
  g_autofree char *page_label = page_text (page + 1, self->n_pages);
  double x = self->body.x, width = self->body.width;
  double period_width, title_baseline, period_baseline;
  JxColor footer_rule = jx_color_mix (&style->grid, &style->background, 0.1);
  PangoLayout *layout;

  if (self->company != NULL)
    {
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL_BOLD, self->company,
                                         width * 0.6, PANGO_ALIGN_LEFT, 1);
      jx_report_painter_show_on_baseline (painter, layout, x, MARGIN_TOP + self->meta_baseline,
                                          &style->accent);
    }
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, made, width * 0.4,
                                     PANGO_ALIGN_RIGHT, 1);
  jx_report_painter_show_on_baseline (painter, layout, x + width * 0.6,
                                      MARGIN_TOP + self->meta_baseline, &style->muted);

  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_TITLE, self->title,
                                     title_width (self, painter, &period_width),
                                     PANGO_ALIGN_LEFT, 1);
  title_baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  jx_report_painter_show (painter, layout, x, self->title_y, &style->foreground);

  /* The period sits on the title's baseline, at the right margin. */
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_PERIOD, self->period,
                                     width * 0.45, PANGO_ALIGN_RIGHT, 1);
  period_baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  jx_report_painter_show (painter, layout, x + width * 0.55,
                          self->title_y + title_baseline - period_baseline, &style->foreground);

  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, filters, width,
                                     PANGO_ALIGN_LEFT, 2);
  jx_report_painter_show (painter, layout, x, self->filters_y, &style->muted);

  jx_report_hline (painter->cr, x, self->rule_y, width, 1.4, &style->accent);

  jx_report_hline (painter->cr, x, self->footer_y - 6, width, 0.6, &footer_rule);
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, self->title, width * 0.7,
                                     PANGO_ALIGN_LEFT, 1);
  jx_report_painter_show_on_baseline (painter, layout, x,
                                      self->footer_y + self->footer_baseline, &style->muted);
  layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, page_label, width * 0.3,
                                     PANGO_ALIGN_RIGHT, 1);
  jx_report_painter_show_on_baseline (painter, layout, x + width * 0.7,
                                      self->footer_y + self->footer_baseline, &style->muted);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_figures (JxReport        *self,
              JxReportPainter *painter,
              Block           *block,
              double           y)
{
  const JxChartStyle *style = &self->style;
  cairo_t *cr = painter->cr;

  for (guint i = 0; i < block->figures->len; i++)
    {
      Figure *figure = &g_array_index (block->figures, Figure, i);
      guint row = i / block->cards_per_row, column = i % block->cards_per_row;
      double cx = self->body.x + column * (block->card_width + CARD_GAP);
      double cy = y + row * (block->card_height + CARD_GAP);
      double inner = block->card_width - 2 * CARD_PAD - CARD_BAR;
      double tx = cx + CARD_BAR + CARD_PAD, ty = cy + CARD_PAD;
      PangoLayout *layout;

      /* The card, with an accent bar down its left edge inside the rounded corners. */
      cairo_save (cr);
      rounded_rect (cr, cx, cy, block->card_width, block->card_height, 3.5);
      jx_color_set_source (cr, &style->card);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      jx_report_fill_rect (cr, cx, cy, CARD_BAR, block->card_height, &style->accent);
      cairo_restore (cr);
      rounded_rect (cr, cx + 0.375, cy + 0.375, block->card_width - 0.75,
                    block->card_height - 0.75, 3.2);
      cairo_set_line_width (cr, 0.75);
      jx_color_set_source (cr, &style->card_border);
      cairo_stroke (cr);

      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, figure->label, inner,
                                         PANGO_ALIGN_LEFT, 2);
      jx_report_painter_show (painter, layout, tx, ty, &style->muted);
      ty += block->label_height + 3;
      layout = jx_report_painter_layout (painter, block->value_text, figure->value, inner,
                                         PANGO_ALIGN_LEFT, 1);
      jx_report_painter_show (painter, layout, tx, ty, &style->foreground);
      ty += block->value_height + 2;
      if (figure->detail != NULL)
        {
          layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL, figure->detail,
                                             inner, PANGO_ALIGN_LEFT, 2);
          jx_report_painter_show (painter, layout, tx, ty, &style->muted);
        }
    }
}

static void
draw_lines (JxReport        *self,
            JxReportPainter *painter,
            Block           *block,
            const Piece     *piece,
            JxReportText     text,
            const JxColor   *color)
{
  cairo_t *cr = painter->cr;
  double start = g_array_index (block->line_tops, double, piece->first);
  PangoLayout *layout;

  layout = jx_report_painter_layout (painter, text, block->text, self->body.width,
                                     PANGO_ALIGN_LEFT, 0);
  cairo_save (cr);
  if (piece->n < block->line_tops->len - 1)
    {
      cairo_rectangle (cr, self->body.x - 2, piece->y, self->body.width + 4, piece->height);
      cairo_clip (cr);
    }
  jx_report_painter_show (painter, layout, self->body.x, piece->y - start, color);
  cairo_restore (cr);
}

static void
draw_piece (JxReport        *self,
            JxReportPainter *painter,
            const Piece     *piece)
{
  Block *block = g_ptr_array_index (self->blocks, piece->block);
  const JxChartStyle *style = &self->style;
  cairo_t *cr = painter->cr;
  PangoLayout *layout;
  double height;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_HEADING, block->text,
                                         self->body.width, PANGO_ALIGN_LEFT, 0);
      jx_report_painter_show (painter, layout, self->body.x, piece->y, &style->foreground);
      height = jx_report_layout_height (layout);
      jx_report_hline (cr, self->body.x, piece->y + height + HEADING_RULE_GAP / 2,
                       self->body.width, 0.5, &style->grid);
      break;
    case BLOCK_SUBHEADING:
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SUBHEADING, block->text,
                                         self->body.width, PANGO_ALIGN_LEFT, 0);
      jx_report_painter_show (painter, layout, self->body.x, piece->y, &style->foreground);
      break;
    case BLOCK_PARAGRAPH:
      draw_lines (self, painter, block, piece, JX_REPORT_TEXT_PARAGRAPH, &style->foreground);
      break;
    case BLOCK_NOTE:
      draw_lines (self, painter, block, piece, JX_REPORT_TEXT_SMALL, &style->muted);
      break;
    case BLOCK_FIGURES:
      draw_figures (self, painter, block, piece->y);
      break;
    case BLOCK_TABLE:
      jx_report_table_draw (block->table, painter, self->body.x, piece->y, piece->first,
                            piece->n, piece->continued);
      break;
    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, self->body.x, piece->y);
      cairo_rectangle (cr, 0, 0, self->body.width, piece->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      block->draw (cr, self->body.width, piece->height, block->data);
      cairo_restore (cr);
      break;
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/**
 * jx_report_draw_page:
 * @cr: a cairo context whose user units are points, with the page's top left at the origin
 * @page: the page index, from 0
 *
 * Draws one page of the last pagination: the white page, the header, the blocks and the
 * footer.
 */
void
jx_report_draw_page (JxReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  JxReportPainter painter;

  g_return_if_fail (JX_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  jx_color_set_source (cr, &self->style.background);
  cairo_paint (cr);

  jx_report_painter_init (&painter, self, cr);
  draw_chrome (self, &painter, page);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page == page)
        draw_piece (self, &painter, piece);
      else if (piece->page > page)
        break;
    }
  jx_report_painter_clear (&painter);
  cairo_restore (cr);
}

/* Output */

static cairo_status_t
write_stream_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (JxReport        *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      g_autofree char *link = NULL;
      int id;

      if (block->kind != BLOCK_HEADING && block->kind != BLOCK_SUBHEADING)
        continue;
      link = g_strdup_printf ("page=%u pos=[%d %d]", piece->page + 1, (int) self->body.x,
                              (int) piece->y);
      id = cairo_pdf_surface_add_outline (surface,
                                          block->kind == BLOCK_HEADING ? CAIRO_PDF_OUTLINE_ROOT
                                                                       : parent,
                                          block->text, link, 0);
      if (block->kind == BLOCK_HEADING)
        parent = id;
    }
}

/**
 * jx_report_write_pdf:
 * @paper: the page size; the report is paginated for it
 *
 * Writes every page as vector PDF with the fonts embedded. The file is replaced only when
 * the whole document was written.
 */
gboolean
jx_report_write_pdf (JxReport    *self,
                     const char  *path,
                     JxPaper      paper,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  gboolean existed;
  cairo_t *cr;

  g_return_val_if_fail (JX_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  jx_paper_get_size (paper, &width, &height);
  jx_report_paginate (self, width, height);

  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("Could not write the report to “%s”: "), path);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_stream_cb, stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title != NULL ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  self->company != NULL ? self->company : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jingxi");
  add_outline (self, surface);

  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      jx_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing the stream after a cancel keeps a file that existed as it was; a new one
       * is removed, so that no half-written report is left behind. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_set_error (error, JX_REPORT_ERROR, JX_REPORT_ERROR_FAILED,
                   _("Could not write the report to “%s”: %s. Check that the folder exists "
                     "and that there is space on the disk."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_prefix_error (error, _("Could not write the report to “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_report_write_png:
 * @page: the page index, from 0; the report must be paginated
 * @scale: pixels per point (1 gives 72 dpi, 2 gives 144 dpi)
 *
 * Writes one page as a PNG picture, for previews and tests.
 */
gboolean
jx_report_write_png (JxReport    *self,
                     const char  *path,
                     guint        page,
                     double       scale,
                     GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (JX_IS_REPORT (self), FALSE);
  g_return_val_if_fail (self->paginated && page < self->n_pages, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (self->page_width * scale),
                                        (int) ceil (self->page_height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  jx_report_draw_page (self, cr, page);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JX_REPORT_ERROR, JX_REPORT_ERROR_FAILED,
                   _("Could not write the picture “%s”: %s. Check that the folder exists and "
                     "that there is space on the disk."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
