/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-chart-util.h"
#include "jx-test-util.h"
#include "jx-ui.h"
#include "jx-window.h"

G_BEGIN_DECLS

/* Helpers for the display tests (jx-ui-test-util.c): starting GTK, a window with the fixed
 * test day, waiting for work done in threads, dialogs, and a widget's pixels. */

/* Starts a display test after g_test_init(): GTK, libadwaita and the UI, a temporary folder
 * (*@dir) and a registered application (*@app, @app_id); @app and @dir may be NULL when the
 * test needs none. Returns FALSE when there is no display, the program then marked skipped:
 * main() returns g_test_run(). */
gboolean   jx_ui_test_init             (const char      *app_id,
                                        GtkApplication **app,
                                        char           **dir);

/* Runs the tests, then releases @app and removes @dir (both may be NULL). */
int        jx_ui_test_run              (GtkApplication  *app,
                                        char            *dir);

void       jx_ui_test_iterate          (void);

/* Runs the main loop for @ms milliseconds, so that frames (style, layout) happen. */
void       jx_ui_test_run_for          (guint            ms);

/* Runs the main loop while @busy (@data) holds, or until @done (@data) holds; fails after
 * 60 s. */
void       jx_ui_test_wait_while       (gboolean         (*busy) (gpointer),
                                        gpointer         data);
void       jx_ui_test_wait_until       (gboolean         (*done) (gpointer),
                                        gpointer         data);

/* A window with the fixed test day 2026-11-27, of @width × @height (0 × 0: its default size),
 * shown, with the database at @path open (none when %NULL). */
JxWindow  *jx_ui_test_new_window       (GtkApplication  *app,
                                        const char      *path,
                                        int              width,
                                        int              height);

/* A new window as jx_ui_test_new_window() on a fresh scale-1 demo database made in @dir,
 * showing the view @view. */
JxWindow  *jx_ui_test_new_demo_window  (GtkApplication  *app,
                                        const char      *dir,
                                        const char      *view,
                                        int              width,
                                        int              height);

/* Destroys @window and lets GTK finish with it. */
void       jx_ui_test_close_window     (JxWindow        *window);

JxStore   *jx_ui_test_window_store     (JxWindow        *window);

/* The visible top-level window of @type other than @except, or %NULL. */
GtkWindow *jx_ui_test_find_window      (GType            type,
                                        GtkWindow       *except);

/* Closes the message dialog that must be showing and returns its body. */
char      *jx_ui_test_take_dialog_body (void);

/* The pixels a widget draws itself (its own snapshot, children left out), as premultiplied
 * ARGB32 in native byte order, @width × 4 bytes a row. */
guchar    *jx_ui_test_render           (GtkWidget       *widget,
                                        int             *width,
                                        int             *height);

/* The colour at (@x, @y) of jx_ui_test_render()'s pixels, as 0xRRGGBB. */
guint32    jx_ui_test_pixel            (const guchar    *data,
                                        int              width,
                                        int              x,
                                        int              y);

/* The colour in the middle of @rect of jx_ui_test_render()'s pixels. */
guint32    jx_ui_test_pixel_in         (const guchar    *data,
                                        int              width,
                                        const JxRect    *rect);

/* Whether more than half the pixels of two renderings of @width × @height differ. */
gboolean   jx_ui_test_pixels_differ    (const guchar    *a,
                                        const guchar    *b,
                                        int              width,
                                        int              height);

/* Forces (or gives back, with ADW_COLOR_SCHEME_DEFAULT) a light or dark style. */
void       jx_ui_test_set_color_scheme (AdwColorScheme   scheme);

guint32    jx_ui_test_color_rgb        (const JxColor   *color);

/* Whether two colours are within 3 of each other in every channel (rounding). */
gboolean   jx_ui_test_color_near       (guint32          a,
                                        guint32          b);

G_END_DECLS
