/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-test-util.h"
#include "jx-ui.h"
#include "jx-window.h"

G_BEGIN_DECLS

/* Helpers for the display tests of the views: a window with the fixed test day, waiting for
 * work done in threads, dialogs, and a widget's pixels. */

static inline void
jx_ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop while @busy (@data) holds, or fails after 60 s. */
static inline void
jx_ui_test_wait_while (gboolean  (*busy) (gpointer),
                       gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (busy (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  jx_ui_test_iterate ();
}

static inline JxWindow *
jx_ui_test_new_window (GtkApplication *app)
{
  GDate today;
  g_autoptr(JxClock) clock = NULL;
  g_autoptr(JxContext) context = NULL;
  JxWindow *window;

  jx_test_date (&today, "2026-11-27");
  clock = jx_clock_new_fixed (&today);
  context = jx_context_new (clock);
  window = jx_window_new (app, context);
  gtk_window_present (GTK_WINDOW (window));
  jx_ui_test_iterate ();
  return window;
}

/* The visible top-level window of @type other than @except, or %NULL. */
static inline GtkWindow *
jx_ui_test_find_window (GType      type,
                        GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (w != except && G_TYPE_CHECK_INSTANCE_TYPE (w, type) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Closes the message dialog that must be showing and returns its body. */
static inline char *
jx_ui_test_take_dialog_body (void)
{
  GtkWindow *dialog = jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL);
  char *body;

  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  jx_ui_test_iterate ();
  return body;
}

/* The pixels a widget draws itself (its own snapshot, children left out), as premultiplied
 * ARGB32 in native byte order, @width × 4 bytes a row. */
static inline guchar *
jx_ui_test_render (GtkWidget *widget,
                   int       *width,
                   int       *height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  g_assert_cmpint (*width, >, 0);
  g_assert_cmpint (*height, >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  data = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, data, (gsize) *width * 4);
  return data;
}

/* The colour at (@x, @y) of jx_ui_test_render()'s pixels, as 0xRRGGBB. */
static inline guint32
jx_ui_test_pixel (const guchar *data,
                  int           width,
                  int           x,
                  int           y)
{
  guint32 argb = *(const guint32 *) (data + ((gsize) y * width + x) * 4);

  return argb & 0xffffff;
}

static inline guint32
jx_ui_test_color_rgb (const JxColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8) |
         (guint32) (color->blue * 255 + 0.5);
}

/* Whether two colours are within 3 of each other in every channel (rounding). */
static inline gboolean
jx_ui_test_color_near (guint32 a,
                       guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

G_END_DECLS
