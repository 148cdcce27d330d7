/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>

#include "jx-report-private.h"

/*
 * A table block: columns with a title, an alignment and a relative width; a header row that
 * pagination repeats at the top of every page the table continues on; body rows drawn with
 * zebra stripes; optional total rows in bold under a rule.
 *
 * Rows are measured once per pagination (a cell wraps to at most MAX_CELL_LINES lines, so
 * no row can be taller than a page) and pagination records where each row went, which the
 * tests and hit-testing read back.
 */

#define MAX_CELL_LINES   3
#define MAX_HEAD_LINES   2
#define CELL_PAD_X       5.0
#define CELL_PAD_Y       2.9
#define HEAD_PAD_Y       4.6
#define TITLE_GAP        5.0
/* The narrowest a text column becomes to leave amounts and dates on one line. */
#define MIN_TEXT_WIDTH  48.0

typedef struct {
  char          *title;
  JxReportAlign  align;
  double         weight;
  /* Set by measuring. */
  double         x;
  double         width;
} Column;

typedef struct {
  char     **cells;
  gboolean   total;
  /* Set by measuring and pagination. */
  double     height;
  double     baseline;
  guint      page;
  double     x;
  double     y;
} Row;

struct _JxReportTable {
  JxReport *report;
  char     *title;
  char     *empty_text;
  guint     n_columns;
  Column   *columns;
  GArray   *rows;
  double    width;
  double    title_height;
  double    continued_title_height;
  double    head_height;
  double    empty_height;
  gboolean  keep_together;
};

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
}

JxReportTable *
jx_report_table_new (JxReport *report,
                     guint     n_columns)
{
  JxReportTable *table = g_new0 (JxReportTable, 1);

  table->report = report;
  table->n_columns = n_columns;
  table->columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i].title = g_strdup ("");
      table->columns[i].weight = 1.0;
    }
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, clear_row);
  return table;
}

void
jx_report_table_free (JxReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->columns[i].title);
  g_free (table->columns);
  g_array_unref (table->rows);
  g_free (table->title);
  g_free (table->empty_text);
  g_free (table);
}

/**
 * jx_report_table_set_title:
 * @title: (nullable): a caption drawn above the table, repeated as "… (continued)" on the
 *   pages the table continues on
 */
void
jx_report_table_set_title (JxReportTable *table,
                           const char    *title)
{
  g_return_if_fail (table != NULL);

  g_free (table->title);
  table->title = g_strdup (title);
}

/**
 * jx_report_table_set_keep_together:
 * @keep_together: whether the table should start on a new page rather than be split, when
 *   it fits on one page
 *
 * For short tables read as a whole, such as one row per stage.
 */
void
jx_report_table_set_keep_together (JxReportTable *table,
                                   gboolean       keep_together)
{
  g_return_if_fail (table != NULL);

  table->keep_together = keep_together;
}

gboolean
jx_report_table_get_keep_together (JxReportTable *table)
{
  return table->keep_together;
}

/* The height of the whole table on one page: caption, header and every row. */
double
jx_report_table_total_height (JxReportTable *table)
{
  double height = jx_report_table_head_height (table, FALSE);

  for (guint r = 0; r < jx_report_table_n_lines (table); r++)
    height += jx_report_table_row_height (table, r);
  return height;
}

/* The line shown instead of rows when the table has none ("Nothing to show" by default). */
void
jx_report_table_set_empty_text (JxReportTable *table,
                                const char    *text)
{
  g_return_if_fail (table != NULL);

  g_free (table->empty_text);
  table->empty_text = g_strdup (text);
}

/**
 * jx_report_table_set_column:
 * @weight: the column's share of the table width, relative to the other columns
 *
 * Numbers should be aligned to the end so that their digits line up.
 */
void
jx_report_table_set_column (JxReportTable *table,
                            guint          column,
                            const char    *title,
                            JxReportAlign  align,
                            double         weight)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (weight > 0);

  g_free (table->columns[column].title);
  table->columns[column].title = g_strdup (title != NULL ? title : "");
  table->columns[column].align = align;
  table->columns[column].weight = weight;
}

static void
add_row (JxReportTable      *table,
         const char *const  *cells,
         gboolean            total)
{
  Row row = { 0 };

  row.cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row.cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  row.total = total;
  g_array_append_val (table->rows, row);
}

/* Adds a row of n_columns cells (NULL cells are empty). */
void
jx_report_table_add_row (JxReportTable     *table,
                         const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  add_row (table, cells, FALSE);
}

/* Adds a row from n_columns strings followed by NULL. */
void
jx_report_table_add_row_va (JxReportTable *table,
                            const char    *first_cell,
                            ...)
{
  g_autofree const char **cells = NULL;
  va_list ap;

  g_return_if_fail (table != NULL);

  cells = g_new0 (const char *, table->n_columns + 1);
  va_start (ap, first_cell);
  for (guint i = 0; i < table->n_columns; i++)
    {
      cells[i] = i == 0 ? first_cell : va_arg (ap, const char *);
      if (cells[i] == NULL)
        break;
    }
  va_end (ap);
  add_row (table, cells, FALSE);
}

/* A row in bold under a rule, for sums; it takes no zebra stripe. */
void
jx_report_table_add_total_row (JxReportTable     *table,
                               const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  add_row (table, cells, TRUE);
}

/* The number of rows added, totals included. */
guint
jx_report_table_get_n_rows (JxReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

/* The lines pagination places: the rows, or the one "nothing to show" line. */
guint
jx_report_table_n_lines (JxReportTable *table)
{
  return MAX (table->rows->len, 1);
}

static PangoAlignment
pango_align (JxReportAlign align)
{
  switch (align)
    {
    case JX_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case JX_REPORT_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case JX_REPORT_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static const char *
empty_text (JxReportTable *table)
{
  /* Translators: shown in a report table that has no rows. */
  return table->empty_text != NULL ? table->empty_text : _("Nothing to show");
}

static char *
continued_title (JxReportTable *table)
{
  /* Translators: the caption of a table on the pages it continues on. */
  return g_strdup_printf (_("%s (continued)"), table->title);
}

/* The width the widest cell of @column needs on one line. */
static double
natural_width (JxReportTable   *table,
               JxReportPainter *painter,
               guint            column)
{
  g_auto(GStrv) words = g_strsplit (table->columns[column].title, " ", -1);
  double width = 0;

  /* The longest word of the header, so that no Latin word is broken in two. Chinese can
   * break between any two characters and is left to wrap. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean wide = FALSE;
      PangoLayout *layout;

      for (const char *p = words[i]; *p != '\0' && !wide; p = g_utf8_next_char (p))
        wide = g_unichar_iswide (g_utf8_get_char (p));
      if (wide || *words[i] == '\0')
        continue;
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL_BOLD, words[i], -1,
                                         PANGO_ALIGN_LEFT, 1);
      width = MAX (width, jx_report_layout_width (layout));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);
      PangoLayout *layout;

      layout = jx_report_painter_layout (painter,
                                         row->total ? JX_REPORT_TEXT_CELL_BOLD
                                                    : JX_REPORT_TEXT_CELL,
                                         row->cells[column], -1, PANGO_ALIGN_LEFT, 1);
      width = MAX (width, jx_report_layout_width (layout));
    }
  return width + 2 * CELL_PAD_X + 0.5;
}

/*
 * Column widths follow the weights, except that amounts, counts and dates (the columns
 * aligned to the end or centre) get at least the width of their widest cell, taken from the
 * text columns, which can wrap. A date split over two lines, or an amount, reads badly; a
 * customer name on two lines does not. Text columns keep at least 30 % of their share or
 * MIN_TEXT_WIDTH, when the share is wider.
 */
static void
set_column_widths (JxReportTable   *table,
                   JxReportPainter *painter,
                   double           width)
{
  g_autofree double *bump = g_new0 (double, table->n_columns);
  double sum = 0, extra = 0, flexible = 0, text_floor = 0, x = 0, give = 1;

  for (guint i = 0; i < table->n_columns; i++)
    sum += table->columns[i].weight;
  for (guint i = 0; i < table->n_columns; i++)
    {
      Column *column = &table->columns[i];

      column->width = width * column->weight / sum;
      if (column->align == JX_REPORT_ALIGN_START)
        {
          flexible += column->width;
          text_floor += MIN (column->width, MAX (MIN_TEXT_WIDTH, column->width * 0.3));
        }
    }
  for (guint i = 0; i < table->n_columns && flexible > 0; i++)
    if (table->columns[i].align != JX_REPORT_ALIGN_START)
      {
        bump[i] = MAX (0, natural_width (table, painter, i) - table->columns[i].width);
        extra += bump[i];
      }
  /* Text columns give up to all but a narrow floor (they wrap); when even that is not
   * enough, each fixed column gets the same part of what it asked for. */
  if (extra > flexible - text_floor)
    give = MAX (flexible - text_floor, 0) / extra;
  for (guint i = 0; i < table->n_columns; i++)
    {
      Column *column = &table->columns[i];

      if (column->align == JX_REPORT_ALIGN_START)
        column->width *= (flexible - extra * give) / flexible;
      else
        column->width += bump[i] * give;
      column->x = x;
      x += column->width;
    }
}

/* Sets the column positions for @width and the height of every row. */
void
jx_report_table_measure (JxReportTable   *table,
                         JxReportPainter *painter,
                         double           width)
{
  double line_baseline, line_below;

  table->width = width;
  set_column_widths (table, painter, width);

  table->title_height = 0;
  table->continued_title_height = 0;
  if (table->title != NULL && *table->title != '\0')
    {
      g_autofree char *continued = continued_title (table);
      PangoLayout *layout;

      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_CELL_BOLD, table->title, width,
                                         PANGO_ALIGN_LEFT, 2);
      table->title_height = jx_report_layout_height (layout) + TITLE_GAP;
      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_CELL_BOLD, continued, width,
                                         PANGO_ALIGN_LEFT, 2);
      table->continued_title_height = jx_report_layout_height (layout) + TITLE_GAP;
    }

  table->head_height = 0;
  for (guint i = 0; i < table->n_columns; i++)
    {
      Column *column = &table->columns[i];
      PangoLayout *layout;

      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_SMALL_BOLD, column->title,
                                         column->width - 2 * CELL_PAD_X,
                                         pango_align (column->align), MAX_HEAD_LINES);
      table->head_height = MAX (table->head_height, jx_report_layout_height (layout));
    }
  table->head_height += 2 * HEAD_PAD_Y;

  /* Every row is at least one line of mixed Latin and Chinese tall, so all rows of one line
   * are the same height and the zebra stripes stay even. */
  jx_report_painter_line (painter, JX_REPORT_TEXT_CELL, &line_baseline, &line_below);
  line_below -= line_baseline;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);
      JxReportText text = row->total ? JX_REPORT_TEXT_CELL_BOLD : JX_REPORT_TEXT_CELL;
      double baseline = line_baseline, below = line_below;

      /* Cells share the first line's baseline: Latin and Chinese fonts have different
       * ascents, and text set top-aligned would step up and down along the row. */
      for (guint i = 0; i < table->n_columns; i++)
        {
          Column *column = &table->columns[i];
          PangoLayout *layout;
          double cell_baseline;

          layout = jx_report_painter_layout (painter, text, row->cells[i],
                                             column->width - 2 * CELL_PAD_X,
                                             pango_align (column->align), MAX_CELL_LINES);
          cell_baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
          baseline = MAX (baseline, cell_baseline);
          below = MAX (below, jx_report_layout_height (layout) - cell_baseline);
        }
      row->baseline = baseline;
      row->height = baseline + below + 2 * CELL_PAD_Y;
    }

  {
    PangoLayout *layout;

    layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_CELL, empty_text (table),
                                       width - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER, 2);
    table->empty_height = jx_report_layout_height (layout) + 4 * CELL_PAD_Y;
  }
}

/* The caption (plain or "continued") and the header row. */
double
jx_report_table_head_height (JxReportTable *table,
                             gboolean       continued)
{
  return (continued ? table->continued_title_height : table->title_height) + table->head_height;
}

double
jx_report_table_row_height (JxReportTable *table,
                            guint          row)
{
  if (table->rows->len == 0)
    return table->empty_height;
  return g_array_index (table->rows, Row, row).height;
}

void
jx_report_table_reset_places (JxReportTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    g_array_index (table->rows, Row, r).page = G_MAXUINT;
}

void
jx_report_table_place_row (JxReportTable *table,
                           guint          row,
                           guint          page,
                           double         x,
                           double         y)
{
  Row *r;

  if (row >= table->rows->len)
    return;
  r = &g_array_index (table->rows, Row, row);
  r->page = page;
  r->x = x;
  r->y = y;
}

/**
 * jx_report_table_get_row_area:
 * @page: (out): the page index the row is on
 * @area: (out): the row's box on that page, in points
 *
 * Where pagination put row @row. Returns FALSE before jx_report_paginate().
 */
gboolean
jx_report_table_get_row_area (JxReportTable     *table,
                              guint              row,
                              guint             *page,
                              cairo_rectangle_t *area)
{
  Row *r;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (row < table->rows->len, FALSE);

  r = &g_array_index (table->rows, Row, row);
  if (r->page == G_MAXUINT)
    return FALSE;
  if (page != NULL)
    *page = r->page;
  if (area != NULL)
    *area = (cairo_rectangle_t) { r->x, r->y, table->width, r->height };
  return TRUE;
}

/**
 * jx_report_table_get_pages:
 * @first_page: (out) (optional): the index of the first page the table is on
 *
 * Returns: how many pages the table's rows span (0 before pagination, and for a table
 *   without rows)
 */
guint
jx_report_table_get_pages (JxReportTable *table,
                           guint         *first_page)
{
  Row *first, *last;

  g_return_val_if_fail (table != NULL, 0);

  if (table->rows->len == 0)
    return 0;
  first = &g_array_index (table->rows, Row, 0);
  last = &g_array_index (table->rows, Row, table->rows->len - 1);
  if (first->page == G_MAXUINT)
    return 0;
  if (first_page != NULL)
    *first_page = first->page;
  return last->page - first->page + 1;
}

/* Draws one line of cells. With @baseline > 0 the cells' first lines sit on that baseline
 * (body rows); with @bottom_height > 0 each cell sits on the bottom of a line that tall, as
 * column titles of different heights do. */
static void
draw_cells (JxReportTable   *table,
            JxReportPainter *painter,
            JxReportText     text,
            char           **cells,
            double           x,
            double           y,
            double           pad_y,
            int              max_lines,
            double           baseline,
            double           bottom_height,
            const JxColor   *color)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      Column *column = &table->columns[i];
      PangoLayout *layout;

      if (cells[i] == NULL || *cells[i] == '\0')
        continue;
      layout = jx_report_painter_layout (painter, text, cells[i], column->width - 2 * CELL_PAD_X,
                                         pango_align (column->align), max_lines);
      if (baseline > 0)
        jx_report_painter_show (painter, layout, x + column->x + CELL_PAD_X,
                                y + pad_y + baseline
                                - (double) pango_layout_get_baseline (layout) / PANGO_SCALE,
                                color);
      else if (bottom_height > 0)
        jx_report_painter_show (painter, layout, x + column->x + CELL_PAD_X,
                                y + bottom_height - pad_y - jx_report_layout_height (layout),
                                color);
      else
        jx_report_painter_show (painter, layout, x + column->x + CELL_PAD_X, y + pad_y, color);
    }
}

/* Draws the caption, the header and lines [@first, @first + @n) with the top at @y. */
void
jx_report_table_draw (JxReportTable   *table,
                      JxReportPainter *painter,
                      double           x,
                      double           y,
                      guint            first,
                      guint            n,
                      gboolean         continued)
{
  const JxChartStyle *style = jx_report_get_style (table->report);
  cairo_t *cr = painter->cr;
  JxColor head_fill = jx_color_mix (&style->background, &style->accent, 0.09);
  JxColor zebra = jx_color_mix (&style->background, &style->grid, 0.42);
  JxColor strong_rule = jx_color_mix (&style->foreground, &style->background, 0.25);
  JxColor light_rule = jx_color_mix (&style->grid, &style->background, 0.2);
  g_autofree char **titles = g_new0 (char *, table->n_columns + 1);
  guint body_index = 0;

  if (table->title != NULL && *table->title != '\0')
    {
      g_autofree char *text = continued ? continued_title (table) : g_strdup (table->title);
      PangoLayout *layout;

      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_CELL_BOLD, text, table->width,
                                         PANGO_ALIGN_LEFT, 2);
      jx_report_painter_show (painter, layout, x, y,
                              continued ? &style->muted : &style->foreground);
      y += continued ? table->continued_title_height : table->title_height;
    }

  jx_report_fill_rect (cr, x, y, table->width, table->head_height, &head_fill);
  for (guint i = 0; i < table->n_columns; i++)
    titles[i] = table->columns[i].title;
  draw_cells (table, painter, JX_REPORT_TEXT_SMALL_BOLD, titles, x, y, HEAD_PAD_Y,
              MAX_HEAD_LINES, 0, table->head_height, &style->foreground);
  y += table->head_height;
  jx_report_hline (cr, x, y, table->width, 0.8, &strong_rule);

  if (table->rows->len == 0)
    {
      PangoLayout *layout;

      layout = jx_report_painter_layout (painter, JX_REPORT_TEXT_CELL, empty_text (table),
                                         table->width - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER, 2);
      jx_report_painter_show (painter, layout, x + CELL_PAD_X, y + 2 * CELL_PAD_Y,
                              &style->muted);
      y += table->empty_height;
      jx_report_hline (cr, x, y, table->width, 0.6, &strong_rule);
      return;
    }

  /* Zebra stripes count body rows from the start of the table, so a row keeps its shade
   * whichever page it lands on. */
  for (guint r = 0; r < first; r++)
    if (!g_array_index (table->rows, Row, r).total)
      body_index++;

  for (guint r = first; r < first + n && r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      if (row->total)
        {
          jx_report_hline (cr, x, y, table->width, 0.8, &strong_rule);
          draw_cells (table, painter, JX_REPORT_TEXT_CELL_BOLD, row->cells, x, y, CELL_PAD_Y,
                      MAX_CELL_LINES, row->baseline, 0, &style->foreground);
        }
      else
        {
          if (body_index % 2 == 1)
            jx_report_fill_rect (cr, x, y, table->width, row->height, &zebra);
          draw_cells (table, painter, JX_REPORT_TEXT_CELL, row->cells, x, y, CELL_PAD_Y,
                      MAX_CELL_LINES, row->baseline, 0, &style->foreground);
          body_index++;
        }
      y += row->height;
    }
  /* A light rule where the table breaks to the next page, a firm one where it ends. */
  if (first + n >= table->rows->len)
    jx_report_hline (cr, x, y, table->width, 0.6, &strong_rule);
  else
    jx_report_hline (cr, x, y, table->width, 0.5, &light_rule);
}
