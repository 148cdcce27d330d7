/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jx-customers-view.h"
#include "jx-deal-editor.h"
#include "jx-deals-view.h"
#include "jx-funnel-view.h"
#include "jx-import-assistant.h"
#include "jx-overview-view.h"
#include "jx-regions-view.h"
#include "jx-targets-view.h"
#include "jx-team-view.h"
#include "jx-view.h"
#include "jx-window.h"

/*
 * The main window: a header bar with the view switcher, and a stack that shows either the
 * welcome page (no database open), a progress page (while demo data is made) or the views.
 * It owns opening, creating and switching databases, and the window-wide actions (undo,
 * redo, switching views).
 */

struct _JxWindow {
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel             *database_label;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *busy_page;
  GtkProgressBar       *busy_progress;

  JxContext            *context;
  GSettings            *settings;
  gulong                undo_notify_id;
  guint                 pulse_id;
  gulong                redo_notify_id;
  guint                 focus_retry_id;
  guint                 focus_retries;
};

G_DEFINE_FINAL_TYPE (JxWindow, jx_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_view_actions (JxWindow *self);
static void focus_visible_view (JxWindow *self);

static const char *const view_names[] = {
  "overview", "targets", "customers", "funnel", "deals", "regions", "team",
};

static void
update_undo_actions (JxWindow *self)
{
  JxStore *store = jx_context_get_store (self->context);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 store != NULL && jx_store_can_undo (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 store != NULL && jx_store_can_redo (store));
}

static void
update_title (JxWindow *self)
{
  JxStore *store = jx_context_get_store (self->context);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (store == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_label_set_text (self->database_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Jingxi"));
      return;
    }
  name = g_path_get_basename (jx_store_get_path (store));
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_label_set_text (self->database_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), jx_store_get_path (store));
  /* Translators: the window title; %s is the database file name. */
  title = g_strdup_printf (_("%s — Jingxi"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Hands the context to every view; each follows the database from there. */
static void
set_context_on_views (JxWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (JX_IS_VIEW (child))
        jx_view_set_context (JX_VIEW (child), self->context);
    }
}

static void
set_store (JxWindow *self,
           JxStore  *store)
{
  JxStore *old = jx_context_get_store (self->context);

  if (old != NULL)
    {
      g_clear_signal_handler (&self->undo_notify_id, old);
      g_clear_signal_handler (&self->redo_notify_id, old);
    }
  jx_context_set_store (self->context, store);
  if (store != NULL)
    {
      self->undo_notify_id = g_signal_connect_swapped (store, "notify::can-undo",
                                                       G_CALLBACK (update_undo_actions), self);
      self->redo_notify_id = g_signal_connect_swapped (store, "notify::can-redo",
                                                       G_CALLBACK (update_undo_actions), self);
      gtk_stack_set_visible_child_name (self->main_stack, "views");
      g_settings_set_string (self->settings, "last-database", jx_store_get_path (store));
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), store != NULL);
  update_title (self);
  update_undo_actions (self);
  update_view_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", store != NULL);
  focus_visible_view (self);
}

void
jx_window_add_toast (JxWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (JX_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that says what was done, with an Undo button for it: "Moved 3 customers to Key". */
void
jx_window_add_undo_toast (JxWindow   *self,
                          const char *message)
{
  AdwToast *toast;

  g_return_if_fail (JX_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  jx_window_add_toast (self, toast);
}

static void
on_error_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      JxWindow         *self)
{
  if (g_str_equal (response, "open"))
    jx_window_choose_database (self, FALSE);
  else if (g_str_equal (response, "new"))
    jx_window_choose_database (self, TRUE);
}

/* A dialog that names the problem and offers the ways out: another file, or a new one. */
void
jx_window_show_error (JxWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (JX_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "new", _("_New Database…"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
announce_backup (JxWindow *self,
                 JxStore  *store)
{
  g_autofree char *message = NULL;

  if (jx_store_get_backup_path (store) == NULL)
    return;
  message = g_strdup_printf (_("The database was upgraded; a copy of the old file is in %s"),
                             jx_store_get_backup_path (store));
  jx_window_add_toast (self, adw_toast_new (message));
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (JxWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* Upgrading a large database copies it and rebuilds indexes: seconds at a million deals. It
 * runs in a worker thread with its own connection while the window shows a progress page. */
static void
upgrade_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  JxStore *store = jx_store_open (task_data, JX_STORE_OPEN_UNDO, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
upgrade_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JxWindow *self = JX_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  stop_pulse (self);
  if (store == NULL)
    {
      /* Back to what was showing: the database that was open, or the welcome page. */
      set_store (self, jx_context_get_store (self->context));
      jx_window_show_error (self, _("Could Not Open the Database"), error);
      return;
    }
  set_store (self, store);
  announce_backup (self, store);
}

/**
 * jx_window_open_database:
 * @self: a #JxWindow
 * @path: the database file
 * @create: whether to create the file when it does not exist
 *
 * Opens @path in place of the current database. On failure the current database stays
 * open and a dialog explains what went wrong. A database from an older Jingxi is upgraded in
 * the background behind a progress page.
 *
 * Returns: %FALSE when the file could not be opened; %TRUE when it is open, or being
 *   upgraded
 */
gboolean
jx_window_open_database (JxWindow   *self,
                         const char *path,
                         gboolean    create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  JxStoreOpenFlags flags = JX_STORE_OPEN_UNDO;
  int version;

  g_return_val_if_fail (JX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  version = jx_store_peek_schema_version (path);
  if (version > 0 && version < JX_SCHEMA_VERSION)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, upgrade_done_cb, NULL);

      adw_status_page_set_title (self->busy_page, _("Upgrading the Database"));
      adw_status_page_set_description (self->busy_page,
                                       _("This version of Jingxi stores a little more; the "
                                         "old file is copied first so nothing is lost."));
      gtk_stack_set_visible_child_name (self->main_stack, "busy");
      stop_pulse (self);
      self->pulse_id = g_timeout_add (120, pulse_cb, self->busy_progress);
      g_task_set_task_data (task, g_strdup (path), g_free);
      g_task_run_in_thread (task, upgrade_thread);
      return TRUE;
    }

  if (create)
    flags |= JX_STORE_OPEN_CREATE;
  store = jx_store_open (path, flags, &error);
  if (store == NULL)
    {
      jx_window_show_error (self, _("Could Not Open the Database"), error);
      return FALSE;
    }
  set_store (self, store);
  announce_backup (self, store);
  return TRUE;
}

void
jx_window_close_database (JxWindow *self)
{
  g_return_if_fail (JX_IS_WINDOW (self));

  set_store (self, NULL);
}

JxContext *
jx_window_get_context (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);

  return self->context;
}

/* Demo data is generated in a worker thread with its own connection; the window opens the
 * finished file. */

typedef struct {
  char     *path;
  GDate     today;
  JxWindow *window;
  double    fraction;
} DemoJob;

static void
demo_job_free (gpointer data)
{
  DemoJob *job = data;

  g_free (job->path);
  g_clear_object (&job->window);
  g_free (job);
}

static gboolean
update_busy_progress_cb (gpointer data)
{
  DemoJob *job = data;

  gtk_progress_bar_set_fraction (job->window->busy_progress, job->fraction);
  return G_SOURCE_REMOVE;
}

static gboolean
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  DemoJob *job = user_data;

  job->fraction = fraction;
  g_main_context_invoke (NULL, update_busy_progress_cb, job);
  return TRUE;
}

static void
demo_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (job->path, JX_STORE_OPEN_CREATE, &error);
  JxDemoOptions options;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  jx_demo_options_init (&options, &job->today);
  if (!jx_demo_generate (store, &options, demo_progress_cb, job, &error))
    {
      g_clear_object (&store);
      g_unlink (job->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JxWindow *self = JX_WINDOW (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_store (self, jx_context_get_store (self->context));
      jx_window_show_error (self, _("Could Not Create the Demo Data"), error);
      return;
    }
  jx_window_open_database (self, job->path, FALSE);
}

/* Opens the demo database at @path, generating it first when it does not exist. */
void
jx_window_open_demo (JxWindow   *self,
                     const char *path)
{
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  g_return_if_fail (JX_IS_WINDOW (self));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      jx_window_open_database (self, path, FALSE);
      return;
    }

  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (path);
  job->window = g_object_ref (self);
  jx_context_get_today (self->context, &job->today);

  adw_status_page_set_title (self->busy_page, _("Creating the Demo Company"));
  adw_status_page_set_description (self->busy_page,
                                   _("Two years of customers, deals and targets, made up for "
                                     "you to try Jingxi on."));
  gtk_progress_bar_set_fraction (self->busy_progress, 0);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");

  task = g_task_new (self, NULL, demo_done_cb, NULL);
  g_task_set_task_data (task, job, demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
remove_database_files (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  /* The user chose to replace the file in the save dialog; the trash keeps it safe. */
  if (!g_file_trash (file, NULL, NULL))
    g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        JxWindow        *self)
{
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          JxStore *current = jx_context_get_store (self->context);

          if (create && g_file_test (path, G_FILE_TEST_EXISTS))
            {
              if (current != NULL && g_str_equal (jx_store_get_path (current), path))
                set_store (self, NULL);
              remove_database_files (path);
            }
          jx_window_open_database (self, path, create);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for a database file to open, or for the name of a new one when @create. */
void
jx_window_choose_database (JxWindow *self,
                           gboolean  create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (JX_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Jingxi databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.jingxi");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Sales.db"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
jx_window_show_view (JxWindow   *self,
                     const char *name)
{
  g_return_if_fail (JX_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
jx_window_get_visible_view (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
jx_window_get_view (JxWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/* "welcome", "busy" or "views". */
const char *
jx_window_get_page (JxWindow *self)
{
  g_return_val_if_fail (JX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void
undo_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxWindow *self = JX_WINDOW (widget);
  JxStore *store = jx_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (store == NULL)
    return;
  label = g_strdup (undo ? jx_store_get_undo_label (store) : jx_store_get_redo_label (store));
  if (!(undo ? jx_store_undo (store, &error) : jx_store_redo (store, &error)))
    {
      jx_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  if (label != NULL)
    {
      /* Translators: %s says what was undone or redone, such as "Move deal". */
      g_autofree char *message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 3);
      jx_window_add_toast (self, toast);
    }
}

/* win.open-deal (x): any view opens a deal in the editor by its id. */
static void
open_deal_activate (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JxWindow *self = JX_WINDOW (widget);

  jx_deal_editor_present (GTK_WINDOW (self), self->context, g_variant_get_int64 (parameter));
}

/* win.import: the import assistant, modal over the window while it runs. */
static void
import_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JxWindow *self = JX_WINDOW (widget);

  if (jx_context_get_store (self->context) != NULL)
    gtk_window_present (GTK_WINDOW (jx_import_assistant_new (GTK_WINDOW (self), self->context)));
}

static void
show_view_activate (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  jx_window_show_view (JX_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Whether @widget's class installed the action @name (such as "view.print"). */
static gboolean
widget_has_action (GtkWidget  *widget,
                   const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;
  GType owner;
  guint i = 0;

  /* GTK 4.8 writes every out argument without checking it for NULL. */
  while (gtk_widget_class_query_action (klass, i++, &owner, &action_name, &parameter_type,
                                        &property_name))
    if (g_str_equal (action_name, name))
      return TRUE;
  return FALSE;
}

/* Print…, Export as PDF… and Import… work on the visible view: a view that can print
 * installs "view.print" and "view.export-pdf"; the window enables its own actions to match. */
static void
update_view_actions (JxWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  gboolean open = jx_context_get_store (self->context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 open && view != NULL && widget_has_action (view, "view.print"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf",
                                 open && view != NULL && widget_has_action (view, "view.export-pdf"));
}

static void
view_action_activate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxWindow *self = JX_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  if (view == NULL)
    return;
  if (g_str_equal (action_name, "win.print"))
    gtk_widget_activate_action (view, "view.print", NULL);
  else if (g_str_equal (action_name, "win.export-pdf"))
    gtk_widget_activate_action (view, "view.export-pdf", NULL);
}

/* Moves the focus into the visible view unless it is there already; FALSE when the view has
 * nothing that can take it (yet). */
static gboolean
move_focus_to_view (JxWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (view == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                 "views") != 0)
    return TRUE;
  if (focus != NULL && (focus == view || gtk_widget_is_ancestor (focus, view)))
    return TRUE;
  return gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static gboolean
retry_focus_cb (gpointer data)
{
  JxWindow *self = data;

  /* Only while nothing has the focus: the user may have put it somewhere meanwhile. */
  if (gtk_root_get_focus (GTK_ROOT (self)) == NULL && !move_focus_to_view (self) &&
      ++self->focus_retries < 50)
    return G_SOURCE_CONTINUE;
  self->focus_retry_id = 0;
  return G_SOURCE_REMOVE;
}

/* GTK runs a view's shortcuts (Ctrl+Shift+N in Targets, Ctrl+F in Deals…) only while the
 * focus is inside the view, so the view that shows takes the focus unless it already holds
 * it: after Alt+1…7, a click on the view switcher, opening a database and at startup. A view
 * that is still loading gets it when its content arrives. */
static void
focus_visible_view (JxWindow *self)
{
  g_clear_handle_id (&self->focus_retry_id, g_source_remove);
  if (move_focus_to_view (self))
    return;
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  self->focus_retries = 0;
  self->focus_retry_id = g_timeout_add (100, retry_focus_cb, self);
}

/* Keyboard Shortcuts opens on the section of the view on screen (gtk/help-overlay.ui has one
 * for each view with keys of its own, named after it, and "shortcuts" for the rest). */
static void
update_shortcuts_section (JxWindow   *self,
                          const char *view)
{
  GtkShortcutsWindow *overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  const char *section = "shortcuts";

  if (overlay == NULL)
    return;
  for (guint i = 0; view != NULL && i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (view, view_names[i]) && !g_str_equal (view, "overview"))
      section = view;
  g_object_set (overlay, "section-name", section, NULL);
}

static void
on_visible_view_cb (JxWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
  update_shortcuts_section (self, name);
  update_view_actions (self);
  focus_visible_view (self);
}

static gboolean
jx_window_close_request (GtkWindow *window)
{
  JxWindow *self = JX_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (jx_window_parent_class)->close_request (window);
}

JxWindow *
jx_window_new (GtkApplication *application,
               JxContext      *context)
{
  JxWindow *self;
  g_autofree char *view = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (JX_IS_CONTEXT (context), NULL);

  self = g_object_new (JX_TYPE_WINDOW, "application", application, NULL);
  self->context = g_object_ref (context);
  set_context_on_views (self);
  set_store (self, jx_context_get_store (context));

  view = g_settings_get_string (self->settings, "last-view");
  jx_window_show_view (self, view);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (on_visible_view_cb), self);
  update_shortcuts_section (self, jx_window_get_visible_view (self));
  focus_visible_view (self);
  return self;
}

static void
jx_window_dispose (GObject *object)
{
  JxWindow *self = JX_WINDOW (object);

  if (self->context != NULL)
    {
      JxStore *store = jx_context_get_store (self->context);

      if (store != NULL)
        {
          g_clear_signal_handler (&self->undo_notify_id, store);
          g_clear_signal_handler (&self->redo_notify_id, store);
        }
    }
  stop_pulse (self);
  g_clear_handle_id (&self->focus_retry_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (jx_window_parent_class)->dispose (object);
}

static void
jx_window_class_init (JxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jx_window_dispose;
  window_class->close_request = jx_window_close_request;

  g_type_ensure (JX_TYPE_OVERVIEW_VIEW);
  g_type_ensure (JX_TYPE_TARGETS_VIEW);
  g_type_ensure (JX_TYPE_CUSTOMERS_VIEW);
  g_type_ensure (JX_TYPE_FUNNEL_VIEW);
  g_type_ensure (JX_TYPE_DEALS_VIEW);
  g_type_ensure (JX_TYPE_REGIONS_VIEW);
  g_type_ensure (JX_TYPE_TEAM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, JxWindow, busy_progress);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activate);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activate);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activate);
  gtk_widget_class_install_action (widget_class, "win.open-deal", "x", open_deal_activate);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, view_action_activate);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, view_action_activate);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
jx_window_init (JxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
}
