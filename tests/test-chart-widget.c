/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-chart-widget.h"
#include "jx-ui-test-util.h"

/*
 * JxChartWidget, the base of the chart views, with a painter of its own: the left half in the
 * style's text colour, the right half red. The counters say when the base asked for a layout
 * and when it let one go.
 */

typedef struct {
  JxColor left;
  int     width;
  int     height;
} TestLayout;

static guint n_made;
static guint n_freed;

#define TEST_TYPE_CHART (test_chart_get_type ())
G_DECLARE_FINAL_TYPE (TestChart, test_chart, TEST, CHART, JxChartWidget)

struct _TestChart {
  JxChartWidget parent_instance;

  gboolean      has_data;
};

G_DEFINE_FINAL_TYPE (TestChart, test_chart, JX_TYPE_CHART_WIDGET)

static gpointer
test_chart_new_layout (JxChartWidget      *widget,
                       const JxChartStyle *style,
                       int                 width,
                       int                 height)
{
  TestLayout *layout;

  if (!TEST_CHART (widget)->has_data)
    return NULL;
  layout = g_new0 (TestLayout, 1);
  layout->left = style->foreground;
  layout->width = width;
  layout->height = height;
  n_made++;
  return layout;
}

static void
test_layout_draw (TestLayout *layout,
                  cairo_t    *cr)
{
  cairo_set_source_rgb (cr, layout->left.red, layout->left.green, layout->left.blue);
  cairo_rectangle (cr, 0, 0, layout->width / 2, layout->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, layout->width / 2, 0, layout->width - layout->width / 2, layout->height);
  cairo_fill (cr);
}

static void
test_layout_free (TestLayout *layout)
{
  n_freed++;
  g_free (layout);
}

static char *
test_chart_describe (JxChartWidget *widget,
                     gpointer       data,
                     double         x,
                     double         y)
{
  TestLayout *layout = data;

  if (y > layout->height / 2)
    return NULL;
  return g_strdup (x < layout->width / 2 ? "left" : "right");
}

static void
test_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = *natural = 100;
}

static void
test_chart_class_init (TestChartClass *klass)
{
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  GTK_WIDGET_CLASS (klass)->measure = test_chart_measure;
  chart_class->new_layout = test_chart_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) test_layout_draw;
  chart_class->free_layout = (GDestroyNotify) test_layout_free;
  chart_class->describe = test_chart_describe;
}

static void
test_chart_init (TestChart *self)
{
  self->has_data = TRUE;
}

static gboolean
not_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) == 0;
}

static GtkWindow *
window_with (GtkWidget *chart,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  jx_ui_test_wait_while (not_laid_out, chart);
  return window;
}

/* One layout serves until the size, the data or the dark/light state changes; the tooltip
 * comes from the subclass, asked with that layout. */
static void
test_layout_kept (void)
{
  GtkWidget *chart = g_object_new (TEST_TYPE_CHART, NULL);
  GtkWindow *window;
  TestLayout *layout;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *nothing = NULL;

  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  n_made = n_freed = 0;
  window = window_with (chart, 300, 200);
  g_assert_true (gtk_widget_get_has_tooltip (chart));

  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (chart));
  g_assert_nonnull (layout);
  g_assert_cmpint (layout->width, ==, gtk_widget_get_width (chart));
  g_assert_cmpint (layout->height, ==, gtk_widget_get_height (chart));
  g_assert_true (jx_chart_widget_get_layout (JX_CHART_WIDGET (chart)) == layout);
  g_assert_cmpuint (n_made - n_freed, ==, 1);

  left = jx_chart_widget_describe_at (JX_CHART_WIDGET (chart), 10, 10);
  right = jx_chart_widget_describe_at (JX_CHART_WIDGET (chart), layout->width - 10, 10);
  nothing = jx_chart_widget_describe_at (JX_CHART_WIDGET (chart), 10, layout->height - 10);
  g_assert_cmpstr (left, ==, "left");
  g_assert_cmpstr (right, ==, "right");
  g_assert_null (nothing);

  /* New data: the old layout goes at once, a new one is made when asked. */
  jx_chart_widget_invalidate (JX_CHART_WIDGET (chart));
  g_assert_cmpuint (n_made, ==, n_freed);
  g_assert_nonnull (jx_chart_widget_get_layout (JX_CHART_WIDGET (chart)));
  g_assert_cmpuint (n_made - n_freed, ==, 1);

  /* Dark style: the layout made in light colours goes. */
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpuint (n_freed, >=, 2);
  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (chart));
  g_assert_nonnull (layout);
  g_assert_cmpfloat (layout->left.red, >, 0.5);

  /* Another size: a layout of that size. */
  gtk_window_set_default_size (window, 500, 260);
  jx_ui_test_iterate ();
  while (gtk_widget_get_width (chart) != 500)
    g_main_context_iteration (NULL, TRUE);
  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (chart));
  g_assert_cmpint (layout->width, ==, 500);
  g_assert_cmpuint (n_made - n_freed, ==, 1);

  gtk_window_destroy (window);
  jx_ui_test_iterate ();
  /* Disposing the widget lets its layout go. */
  g_assert_cmpuint (n_made, ==, n_freed);
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* The snapshot is the layout's drawing, at the widget's size; without data nothing is drawn
 * and nothing is under the pointer. */
static void
test_draws_layout (void)
{
  TestChart *chart = g_object_new (TEST_TYPE_CHART, NULL);
  GtkWindow *window;
  g_autofree guchar *pixels = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  JxChartStyle style;
  int width, height;

  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (GTK_WIDGET (chart), 300, 200);
  pixels = jx_ui_test_render (GTK_WIDGET (chart), &width, &height);
  jx_ui_chart_style_for (GTK_WIDGET (chart), &style);
  g_assert_true (jx_ui_test_color_near (jx_ui_test_pixel (pixels, width, 5, height / 2),
                                        jx_ui_test_color_rgb (&style.foreground)));
  g_assert_cmphex (jx_ui_test_pixel (pixels, width, width - 5, height / 2), ==, 0xff0000);

  chart->has_data = FALSE;
  jx_chart_widget_invalidate (JX_CHART_WIDGET (chart));
  g_assert_null (jx_chart_widget_get_layout (JX_CHART_WIDGET (chart)));
  g_assert_null (jx_chart_widget_describe_at (JX_CHART_WIDGET (chart), 10, 10));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_null (node);

  gtk_window_destroy (window);
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init (NULL, NULL, NULL))
    return g_test_run ();
  g_test_add_func ("/jx/chart-widget/layout-kept", test_layout_kept);
  g_test_add_func ("/jx/chart-widget/draws-layout", test_draws_layout);
  return g_test_run ();
}
