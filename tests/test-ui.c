/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-ui-test-util.h"

/* The small helpers of jx-ui.c that several views share. */

static void
on_remove_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  guint *count = data;

  (*count)++;
}

static gboolean
press (GtkEventController *keys,
       guint               keyval,
       GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

/* The key controller jx_ui_bind_delete_key() added to @table. */
static GtkEventController *
key_controller (GtkWidget *table)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (table);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  g_assert_not_reached ();
}

/* Delete and keypad Delete without modifiers run the action from a widget above the table;
 * other keys and Ctrl+Delete go on to the table. */
static void
test_delete_key (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *table = gtk_list_box_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) remove = g_simple_action_new ("remove", NULL);
  GtkEventController *keys;
  guint count = 0;

  g_signal_connect (remove, "activate", G_CALLBACK (on_remove_cb), &count);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (remove));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "rows", G_ACTION_GROUP (group));
  gtk_window_set_child (window, table);

  jx_ui_bind_delete_key (table, "rows.remove");
  keys = key_controller (table);

  g_assert_true (press (keys, GDK_KEY_Delete, 0));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (press (keys, GDK_KEY_KP_Delete, 0));
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (press (keys, GDK_KEY_Delete, GDK_CONTROL_MASK));
  g_assert_false (press (keys, GDK_KEY_BackSpace, 0));
  g_assert_false (press (keys, GDK_KEY_a, 0));
  g_assert_cmpuint (count, ==, 2);

  /* While the action is disabled (no row selected) the key does nothing. */
  g_simple_action_set_enabled (remove, FALSE);
  press (keys, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count, ==, 2);
  gtk_window_destroy (window);
}

/* The views install their actions on their class: the table reaches those too. */
static void
test_delete_key_class_action (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *table = gtk_list_box_new ();
  GtkEventController *keys;

  g_object_ref (window);
  gtk_window_set_child (window, table);
  gtk_window_present (window);
  jx_ui_test_iterate ();
  jx_ui_bind_delete_key (table, "window.close");
  keys = key_controller (table);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (press (keys, GDK_KEY_Delete, 0));
  jx_ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
}

/* The bar cell: a level bar without GTK's offsets, then a right-aligned figure. */
static void
test_bar_cell (void)
{
  GtkWidget *cell = g_object_ref_sink (jx_ui_bar_cell_new (1.5, "load-bar", 60, 5));
  GtkWidget *bar = gtk_widget_get_first_child (cell);
  GtkWidget *label = gtk_widget_get_last_child (cell);
  double value;
  int width;

  g_assert_true (GTK_IS_BOX (cell));
  g_assert_true (GTK_IS_LEVEL_BAR (bar));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_next_sibling (bar) == label);
  g_assert_cmpfloat (gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)), ==, 1.5);
  g_assert_cmpfloat (gtk_level_bar_get_min_value (GTK_LEVEL_BAR (bar)), ==, 0);
  g_assert_false (gtk_level_bar_get_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW,
                                                  &value));
  g_assert_false (gtk_level_bar_get_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH,
                                                  &value));
  g_assert_false (gtk_level_bar_get_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL,
                                                  &value));
  g_assert_true (gtk_widget_has_css_class (bar, "load-bar"));
  gtk_widget_get_size_request (bar, &width, NULL);
  g_assert_cmpint (width, ==, 60);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (label)), ==, 5);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (label)), ==, 1.0);
  g_assert_true (gtk_widget_has_css_class (label, "numeric"));
  g_object_unref (cell);
}

/* The error dialog belongs to the widget's window and says why. */
static void
test_error_dialog (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *child = gtk_label_new ("");
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                                  "A region named “East” exists already.");
  GtkWindow *dialog;

  gtk_window_set_child (window, child);
  gtk_window_present (window);
  jx_ui_test_iterate ();
  jx_ui_show_error_dialog (child, "Could Not Add the Region", error);
  jx_ui_test_iterate ();
  dialog = jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Add the Region");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "A region named “East” exists already.");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "close");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
  jx_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init (NULL, NULL, NULL))
    return g_test_run ();
  g_test_add_func ("/jx/ui/delete-key", test_delete_key);
  g_test_add_func ("/jx/ui/delete-key-class-action", test_delete_key_class_action);
  g_test_add_func ("/jx/ui/bar-cell", test_bar_cell);
  g_test_add_func ("/jx/ui/error-dialog", test_error_dialog);
  return g_test_run ();
}
