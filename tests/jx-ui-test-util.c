/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "jx-ui-test-util.h"

gboolean
jx_ui_test_init (const char      *app_id,
                 GtkApplication **app,
                 char           **dir)
{
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return FALSE;
    }
  adw_init ();
  jx_ui_init ();
  if (dir != NULL)
    *dir = jx_test_make_dir ();
  if (app != NULL)
    {
      *app = gtk_application_new (app_id, G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
    }
  return TRUE;
}

int
jx_ui_test_run (GtkApplication *app,
                char           *dir)
{
  int status = g_test_run ();

  g_clear_object (&app);
  if (dir != NULL)
    jx_test_remove_dir (dir);
  g_free (dir);
  return status;
}

void
jx_ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
jx_ui_test_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  /* A blocking iteration returns at least this often, so the loop sees the time. */
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static void
wait_for (gboolean  (*test) (gpointer),
          gpointer    data,
          gboolean    until)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  /* A worker thread may change what @test reads without waking the main loop. */
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (until ? !test (data) : test (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  jx_ui_test_iterate ();
}

void
jx_ui_test_wait_while (gboolean  (*busy) (gpointer),
                       gpointer    data)
{
  wait_for (busy, data, FALSE);
}

void
jx_ui_test_wait_until (gboolean  (*done) (gpointer),
                       gpointer    data)
{
  wait_for (done, data, TRUE);
}

JxWindow *
jx_ui_test_new_window (GtkApplication *app,
                       const char     *path,
                       int             width,
                       int             height)
{
  GDate today;
  g_autoptr(JxClock) clock = NULL;
  g_autoptr(JxContext) context = NULL;
  JxWindow *window;

  jx_test_date (&today, "2026-11-27");
  clock = jx_clock_new_fixed (&today);
  context = jx_context_new (clock);
  window = jx_window_new (app, context);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (path != NULL)
    g_assert_true (jx_window_open_database (window, path, FALSE));
  jx_ui_test_iterate ();
  return window;
}

JxWindow *
jx_ui_test_new_demo_window (GtkApplication *app,
                            const char     *dir,
                            const char     *view,
                            int             width,
                            int             height)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("%s-%u.db", view, counter++);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  JxWindow *window;

  g_object_unref (jx_test_open_new (dir, name, JX_STORE_OPEN_DEFAULT, 1));
  window = jx_ui_test_new_window (app, path, width, height);
  jx_window_show_view (window, view);
  jx_ui_test_iterate ();
  return window;
}

void
jx_ui_test_close_window (JxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jx_ui_test_iterate ();
}

JxStore *
jx_ui_test_window_store (JxWindow *window)
{
  return jx_context_get_store (jx_window_get_context (window));
}

GtkWindow *
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

char *
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

guchar *
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

guint32
jx_ui_test_pixel (const guchar *data,
                  int           width,
                  int           x,
                  int           y)
{
  guint32 argb = *(const guint32 *) (data + ((gsize) y * width + x) * 4);

  return argb & 0xffffff;
}

guint32
jx_ui_test_pixel_in (const guchar *data,
                     int           width,
                     const JxRect *rect)
{
  return jx_ui_test_pixel (data, width, (int) (rect->x + rect->width / 2),
                           (int) (rect->y + rect->height / 2));
}

gboolean
jx_ui_test_pixels_differ (const guchar *a,
                          const guchar *b,
                          int           width,
                          int           height)
{
  gsize n = (gsize) width * height;
  gsize differ = 0;

  for (gsize i = 0; i < n; i++)
    differ += memcmp (a + i * 4, b + i * 4, 4) != 0;
  return differ > n / 2;
}

void
jx_ui_test_set_color_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  jx_ui_test_iterate ();
}

guint32
jx_ui_test_color_rgb (const JxColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8) |
         (guint32) (color->blue * 255 + 0.5);
}

gboolean
jx_ui_test_color_near (guint32 a,
                       guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}
