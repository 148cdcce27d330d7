/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-style.h"

G_BEGIN_DECLS

#define JX_TYPE_CHART_WIDGET (jx_chart_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (JxChartWidget, jx_chart_widget, JX, CHART_WIDGET, GtkWidget)

/* How a painter draws its layout; the painters' own functions fit it. */
typedef void (*JxChartLayoutDraw) (gpointer  layout,
                                   cairo_t  *cr);

struct _JxChartWidgetClass {
  GtkWidgetClass parent_class;

  /* The painter's layout of the widget's data at this size in @style, or %NULL when there is
   * nothing to draw. */
  gpointer          (*new_layout)  (JxChartWidget      *self,
                                    const JxChartStyle *style,
                                    int                 width,
                                    int                 height);
  JxChartLayoutDraw   draw_layout;
  GDestroyNotify      free_layout;
  /* The tooltip over (@x, @y) of @layout, or %NULL over nothing; may be %NULL. */
  char             *(*describe)    (JxChartWidget      *self,
                                    gpointer            layout,
                                    double              x,
                                    double              y);

  /* The size the chart asks for, whatever its data; a chart whose size follows its data
   * overrides GtkWidget's measure instead. */
  int min_width;
  int natural_width;
  int min_height;
  int natural_height;
};

gpointer jx_chart_widget_get_layout  (JxChartWidget *self);
void     jx_chart_widget_invalidate  (JxChartWidget *self);
char    *jx_chart_widget_describe_at (JxChartWidget *self,
                                      double         x,
                                      double         y);

G_END_DECLS
