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
