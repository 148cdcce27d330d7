/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-resources.h"
#include "jx-ui.h"

/* Registers the compiled resources (ui files, css, icons) once, before any widget is made. */
void
jx_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      jx_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

/* The painters' style for a widget: light or dark as libadwaita shows it, with the
 * widget's own foreground colour so charts match the text around them. */
void
jx_ui_chart_style_for (GtkWidget    *widget,
                       JxChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA color;

  if (adw_style_manager_get_dark (manager))
    jx_chart_style_init_dark (style);
  else
    jx_chart_style_init_light (style);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  style->foreground = (JxColor) { color.red, color.green, color.blue, 1.0 };
  style->muted = (JxColor) { color.red, color.green, color.blue, 0.65 };
}
