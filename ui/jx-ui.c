/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-resources.h"
#include "jx-ui.h"
#include "jx-window.h"

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

/**
 * jx_ui_fill_editable:
 * @editable: a field
 * @text: (nullable): the stored value it shows
 *
 * Puts a stored value into a field. GTK 4.8 keeps a gtk_editable_set_text() in the field's
 * undo history, so Ctrl+Z in the field blanked it (and leaving the field then saved the empty
 * text); the history starts again after the value, so that Ctrl+Z undoes only what was typed.
 */
void
jx_ui_fill_editable (GtkEditable *editable,
                     const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (editable, text != NULL ? text : "");
  if (gtk_editable_get_enable_undo (editable))
    {
      gtk_editable_set_enable_undo (editable, FALSE);
      gtk_editable_set_enable_undo (editable, TRUE);
    }
}

/**
 * jx_ui_spin_button_set_undo:
 * @spin: a spin button whose value is saved as it changes
 * @undo_action: (nullable): the action Ctrl+Z runs, such as "win.undo"
 * @redo_action: (nullable): the action Shift+Ctrl+Z runs
 *
 * A spin button's text keeps no undo history of its own (undoing the text the button wrote
 * itself blanked it), and Ctrl+Z in it undoes the last saved change: GTK's text takes the key
 * before the window's binding would see it, so the spin button catches it first.
 */
void
jx_ui_spin_button_set_undo (GtkSpinButton *spin,
                            const char    *undo_action,
                            const char    *redo_action)
{
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  if (undo_action == NULL && redo_action == NULL)
    return;
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  if (undo_action != NULL)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z,
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new (undo_action)));
  if (redo_action != NULL)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z,
                                                              GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                            gtk_named_action_new (redo_action)));
  gtk_widget_add_controller (GTK_WIDGET (spin), shortcuts);
}

/**
 * jx_ui_show_error_dialog:
 * @widget: (nullable): the widget whose window the dialog belongs to
 * @heading: what could not be done
 * @error: (nullable): why, in words the user can act on
 *
 * Tells the user why a change was refused, in a dialog over @widget's window.
 */
void
jx_ui_show_error_dialog (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The main window @widget is in, or the one its dialog belongs to. */
static JxWindow *
main_window_of (GtkWidget *widget)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, JX_TYPE_WINDOW);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (window == NULL && GTK_IS_WINDOW (root))
    window = (GtkWidget *) gtk_window_get_transient_for (GTK_WINDOW (root));
  return JX_IS_WINDOW (window) ? JX_WINDOW (window) : NULL;
}

/**
 * jx_ui_add_toast:
 * @widget: a widget in the main window, or in a dialog of it
 * @message: what to tell the user, such as why a change was refused
 *
 * Shows @message in a toast of @widget's main window. Outside one (in tests) the message
 * goes to the log instead, so that it is not lost.
 */
void
jx_ui_add_toast (GtkWidget  *widget,
                 const char *message)
{
  JxWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  window = main_window_of (widget);
  if (window != NULL)
    jx_window_add_toast (window, adw_toast_new (message));
  else
    g_message ("%s", message);
}

/**
 * jx_ui_add_undo_toast:
 * @widget: a widget in the main window, or in a dialog of it
 * @message: what was done, such as "Moved 3 customers to Key"
 *
 * Says what was done in a toast of @widget's main window, with an Undo button for it;
 * nothing outside a main window.
 */
void
jx_ui_add_undo_toast (GtkWidget  *widget,
                      const char *message)
{
  JxWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  window = main_window_of (widget);
  if (window != NULL)
    jx_window_add_undo_toast (window, message);
}

/**
 * jx_ui_bar_cell_new:
 * @max_value: the value of a full bar
 * @bar_class: the CSS class that colours the bar
 * @bar_width: the bar's width in pixels
 * @label_chars: how many characters the figure beside the bar needs
 *
 * A table cell with a level bar (first child) and a right-aligned figure (last child), as
 * the share and load columns show them. The bar has none of GTK's low/high/full offsets, so
 * its colour comes from @bar_class alone unless the caller adds offsets of its own.
 *
 * Returns: (transfer floating): the cell
 */
GtkWidget *
jx_ui_bar_cell_new (double      max_value,
                    const char *bar_class,
                    int         bar_width,
                    int         label_chars)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, max_value);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, bar_width, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, bar_class);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (label), label_chars);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (cell), bar);
  gtk_box_append (GTK_BOX (cell), label);
  return cell;
}

static gboolean
on_delete_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          const char            *action)
{
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    return gtk_widget_activate_action (table, action, NULL);
  return FALSE;
}

/**
 * jx_ui_bind_delete_key:
 * @table: a list or column view
 * @action: the action that removes the selected row, such as "team.remove-member"; one of
 *   @table's or of a widget above it
 *
 * Delete (without modifiers) removes the selected row when @table has the focus. The key
 * reaches @table only when no cell takes it first, so typing in a cell is not affected.
 */
void
jx_ui_bind_delete_key (GtkWidget  *table,
                       const char *action)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (table));
  g_return_if_fail (action != NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (on_delete_key_pressed_cb),
                         g_strdup (action), (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (table, keys);
}
