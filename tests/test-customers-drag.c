/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <gdk/x11/gdkx.h>

#include "jx-customers-view.h"
#include "jx-ui-test-util.h"

/*
 * A real pointer drag on the tier board: xdotool presses the mouse on a Growth card, moves
 * it to the Key column and lets go, as a user would, through X, GTK's drag-and-drop and
 * the store; then the database must show the move. Then two Maintain cards are picked
 * with real clicks (the second with Ctrl) and Ctrl+4 moves them to Defend.
 *
 * Screen positions come from the widgets' allocations (gtk_widget_compute_point() to the
 * window), the window's offset inside its surface and the surface's place on the X screen.
 * Needs an X display (Xvfb) and xdotool; skipped otherwise.
 */

static GtkApplication *app;
static char *tmp_dir;
static char *db_path;

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool failed: %s", err);
}

static void
pointer_to (double x,
            double y)
{
  g_autofree char *sx = g_strdup_printf ("%d", (int) x);
  g_autofree char *sy = g_strdup_printf ("%d", (int) y);

  xdotool ("mousemove", sx, sy, NULL);
}

/* Where the top left corner of the X window is on the screen, as xdotool reports it. */
static void
window_origin (gulong xid,
               int   *x,
               int   *y)
{
  g_autofree char *id = g_strdup_printf ("%lu", xid);
  const char *argv[] = { "xdotool", "getwindowgeometry", "--shell", id, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *x = *y = G_MININT;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
  g_assert_cmpint (*x, !=, G_MININT);
  g_assert_cmpint (*y, !=, G_MININT);
}

/* Where a point of @widget is on the X screen. */
static void
screen_point (GtkWidget *widget,
              double     x,
              double     y,
              double    *screen_x,
              double    *screen_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double offset_x, offset_y;
  int root_x, root_y;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  /* The window's own coordinates start inside its surface, after the shadow. */
  gtk_native_get_surface_transform (native, &offset_x, &offset_y);
  window_origin (gdk_x11_surface_get_xid (surface), &root_x, &root_y);
  *screen_x = root_x + offset_x + point.x;
  *screen_y = root_y + offset_y + point.y;
}

static void
widget_centre (GtkWidget *widget,
               double    *x,
               double    *y)
{
  screen_point (widget, gtk_widget_get_width (widget) / 2.0,
                gtk_widget_get_height (widget) / 2.0, x, y);
}

static char *
tier_of (JxStore *store,
         gint64   id)
{
  sqlite3_stmt *stmt = NULL;
  char *tier;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store),
                                       "SELECT coalesce(tier, 'none') FROM customers WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  tier = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return tier;
}

static gint64
manual_moves_to (JxStore    *store,
                 gint64      id,
                 const char *tier)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store),
                                       "SELECT count(*) FROM tier_history WHERE customer_id = ? "
                                       "AND to_tier = ? AND source = 'manual' "
                                       "AND changed_on = '2026-11-27'", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, tier, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Waits up to 10 s for the customer to reach @tier. */
static gboolean
wait_for_tier (JxStore    *store,
               gint64      id,
               const char *tier)
{
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *now = tier_of (store, id);

      if (g_strcmp0 (now, tier) == 0)
        return TRUE;
      jx_ui_test_run_for (100);
    }
  return FALSE;
}

static GtkDragSource *
card_drag_source (JxTierCard *card)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  g_assert_not_reached ();
}

static JxTierCard *
wait_for_card (JxTierColumn *column,
               gint64        id)
{
  for (int i = 0; i < 300; i++)
    {
      JxTierCard *card = jx_tier_column_find_card (column, id);

      if (card != NULL && gtk_widget_get_width (GTK_WIDGET (card)) > 0)
        return card;
      jx_ui_test_run_for (100);
    }
  g_assert_not_reached ();
}

static void
test_pointer_drag (void)
{
  JxWindow *window;
  JxCustomersView *view;
  JxTierBoard *board;
  JxTierColumn *growth, *key, *maintain;
  JxTierCard *card;
  JxStore *store;
  gint64 id, picked[2];
  double x, y, to_x, to_y;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("not an X display");
      return;
    }
  {
    g_autofree char *path = g_find_program_in_path ("xdotool");

    if (path == NULL)
      {
        g_test_skip ("xdotool is not installed");
        return;
      }
  }

  window = jx_ui_test_new_window (app, db_path, 1200, 760);
  store = jx_ui_test_window_store (window);
  jx_window_show_view (window, "customers");
  view = JX_CUSTOMERS_VIEW (jx_window_get_view (window, "customers"));
  for (int i = 0; i < 300 && jx_customers_view_get_base (view) == NULL; i++)
    jx_ui_test_run_for (100);
  g_assert_nonnull (jx_customers_view_get_base (view));
  jx_customers_view_show_section (view, "board");
  jx_ui_test_run_for (200);
  board = jx_customers_view_get_board (view);
  g_test_message ("the board's columns were ready in %.0f ms", jx_tier_board_get_ready_ms (board));
  growth = jx_tier_board_get_column (board, JX_TIER_GROWTH);
  key = jx_tier_board_get_column (board, JX_TIER_KEY);
  maintain = jx_tier_board_get_column (board, JX_TIER_MAINTAIN);

  /* Press on the first Growth card, move in steps to the middle of Key, let go. */
  id = jx_customer_list_get_customer_id (jx_tier_column_get_list (growth), 0);
  card = wait_for_card (growth, id);
  jx_ui_test_run_for (300);
  widget_centre (GTK_WIDGET (card), &x, &y);
  screen_point (GTK_WIDGET (key), gtk_widget_get_width (GTK_WIDGET (key)) / 2.0,
                gtk_widget_get_height (GTK_WIDGET (key)) * 0.6, &to_x, &to_y);
  g_test_message ("dragging card %" G_GINT64_FORMAT " from (%.0f, %.0f) to (%.0f, %.0f)", id, x, y,
                  to_x, to_y);
  pointer_to (x, y);
  jx_ui_test_run_for (200);
  xdotool ("mousedown", "1", NULL);
  jx_ui_test_run_for (200);
  /* Past the drag threshold, until GTK has started the drag (machines under load are slow). */
  for (int i = 0; i < 60 && gtk_drag_source_get_drag (card_drag_source (card)) == NULL; i++)
    {
      pointer_to (x + 6 + i % 2, y + 12 + i % 2);
      jx_ui_test_run_for (50);
    }
  g_assert_nonnull (gtk_drag_source_get_drag (card_drag_source (card)));
  for (int step = 1; step <= 12; step++)
    {
      pointer_to (x + (to_x - x) * step / 12, y + (to_y - y) * step / 12);
      jx_ui_test_run_for (40);
    }
  /* Until the Key column shows that it accepts the drop. */
  for (int i = 0; i < 60 && !(gtk_widget_get_state_flags (GTK_WIDGET (key)) &
                              GTK_STATE_FLAG_DROP_ACTIVE); i++)
    {
      pointer_to (to_x + i % 2, to_y);
      jx_ui_test_run_for (50);
    }
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (key)) & GTK_STATE_FLAG_DROP_ACTIVE);
  xdotool ("mouseup", "1", NULL);
  g_assert_true (wait_for_tier (store, id, "key"));
  g_assert_cmpint (manual_moves_to (store, id, "key"), ==, 1);
  g_assert_true (jx_customer_list_find (jx_tier_column_get_list (key), id, NULL));
  g_assert_false (jx_customer_list_find (jx_tier_column_get_list (growth), id, NULL));
  g_test_message ("the drop committed and showed in %.2f ms", jx_tier_board_get_last_move_ms (board));

  /* Two Maintain cards picked by clicking (the second with Ctrl), then Ctrl+4: Defend. */
  picked[0] = jx_customer_list_get_customer_id (jx_tier_column_get_list (maintain), 0);
  picked[1] = jx_customer_list_get_customer_id (jx_tier_column_get_list (maintain), 2);
  card = wait_for_card (maintain, picked[0]);
  widget_centre (GTK_WIDGET (card), &x, &y);
  pointer_to (x, y);
  jx_ui_test_run_for (100);
  xdotool ("click", "1", NULL);
  jx_ui_test_run_for (300);
  card = wait_for_card (maintain, picked[1]);
  widget_centre (GTK_WIDGET (card), &x, &y);
  pointer_to (x, y);
  jx_ui_test_run_for (100);
  xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  jx_ui_test_run_for (300);
  {
    g_autoptr(GArray) selected = jx_tier_column_dup_selected_ids (maintain);
    g_assert_cmpuint (selected->len, ==, 2);
  }
  xdotool ("key", "ctrl+4", NULL);
  g_assert_true (wait_for_tier (store, picked[0], "defend"));
  g_assert_true (wait_for_tier (store, picked[1], "defend"));
  g_assert_cmpint (manual_moves_to (store, picked[0], "defend"), ==, 1);
  g_assert_cmpint (manual_moves_to (store, picked[1], "defend"), ==, 1);

  /* Ctrl+Z takes back the last move only: both customers, one step. Under Xvfb the first
   * synthetic key after that move never reaches the window (it does not reach a capture
   * controller on the window either), so a harmless Shift goes first. */
  xdotool ("key", "shift", NULL);
  jx_ui_test_run_for (300);
  xdotool ("key", "ctrl+z", NULL);
  g_assert_true (wait_for_tier (store, picked[0], "maintain"));
  g_assert_true (wait_for_tier (store, picked[1], "maintain"));
  {
    g_autofree char *tier = tier_of (store, id);
    g_assert_cmpstr (tier, ==, "key");
  }

  jx_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.Test", &app, &tmp_dir))
    return g_test_run ();
  {
    g_autoptr(JxStore) store = jx_test_open_new (tmp_dir, "drag.db", JX_STORE_OPEN_DEFAULT, 1);

    db_path = g_strdup (jx_store_get_path (store));
  }

  g_test_add_func ("/jx/customers-drag/pointer-drag", test_pointer_drag);
  status = jx_ui_test_run (app, tmp_dir);
  g_free (db_path);
  return status;
}
