/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-ui-test-util.h"

/* How the views tell the user what happened: toasts in the main window, from the views and
 * from the dialogs over it, and the error dialog. */

static GtkApplication *app;

/* The first widget of @type under @root (itself included) whose text is @text. */
static GtkWidget *
find_text (GtkWidget  *root,
           GType       type,
           const char *text)
{
  const char *own = NULL;

  if (GTK_IS_LABEL (root))
    own = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_BUTTON (root))
    own = gtk_button_get_label (GTK_BUTTON (root));
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (own, text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A view's change: the toast says what was done and its button runs win.undo. */
static void
test_undo_toast_from_view (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  GtkWidget *view = jx_window_get_view (window, "team");
  GtkWidget *button;

  jx_ui_add_undo_toast (view, "Removed Chloe Wang");
  jx_ui_test_iterate ();
  g_assert_nonnull (find_text (GTK_WIDGET (window), GTK_TYPE_LABEL, "Removed Chloe Wang"));
  button = find_text (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.undo");
  gtk_window_destroy (GTK_WINDOW (window));
  jx_ui_test_iterate ();
}

/* A dialog's message shows in the main window it belongs to, not in the dialog, which is
 * about to close; a plain toast has no Undo button. */
static void
test_toast_from_dialog (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *child = gtk_label_new ("");

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_child (GTK_WINDOW (dialog), child);
  gtk_window_present (GTK_WINDOW (dialog));
  jx_ui_test_iterate ();
  jx_ui_add_toast (child, "The deal no longer exists.");
  jx_ui_test_iterate ();
  g_assert_nonnull (find_text (GTK_WIDGET (window), GTK_TYPE_LABEL, "The deal no longer exists."));
  g_assert_null (find_text (dialog, GTK_TYPE_LABEL, "The deal no longer exists."));
  g_assert_null (find_text (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  jx_ui_test_iterate ();
}

/* Outside a main window the message goes to the log; an undo toast goes nowhere. */
static void
test_toast_without_window (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *label = g_object_ref_sink (gtk_label_new (""));

      jx_ui_add_toast (label, "Could not move the deal.");
      jx_ui_add_undo_toast (label, "Moved the deal");
      g_object_unref (label);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not move the deal.*");
  g_test_trap_assert_stderr_unmatched ("*Moved the deal*");
}

/* Without an error (a report that could not be made for no stated reason) the dialog still
 * names what failed. */
static void
test_error_dialog_without_error (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog;

  gtk_window_present (window);
  jx_ui_test_iterate ();
  jx_ui_show_error_dialog (GTK_WIDGET (window), "Could Not Make the Report", NULL);
  jx_ui_test_iterate ();
  dialog = jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Make the Report");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
  jx_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestUiMessages", &app, NULL))
    return g_test_run ();

  g_test_add_func ("/jx/ui-messages/undo-toast-from-view", test_undo_toast_from_view);
  g_test_add_func ("/jx/ui-messages/toast-from-dialog", test_toast_from_dialog);
  g_test_add_func ("/jx/ui-messages/toast-without-window", test_toast_without_window);
  g_test_add_func ("/jx/ui-messages/error-dialog-without-error", test_error_dialog_without_error);
  return jx_ui_test_run (app, NULL);
}
