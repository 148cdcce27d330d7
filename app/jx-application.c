/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-application.h"
#include "jx-preferences-window.h"
#include "jx-window.h"

/*
 * The application: one instance (a second `jingxi` hands its command line to the first),
 * one window, one context. Options: `--db FILE` opens that database; `--today DATE` fixes
 * the date the figures are computed for (for demonstrations and tests).
 */

struct _JxApplication {
  AdwApplication  parent_instance;

  JxContext      *context;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (JxApplication, jx_application, ADW_TYPE_APPLICATION)

/* Where "Open Demo Data" keeps its database. */
char *
jx_application_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jingxi", "demo.db", NULL);
}

JxContext *
jx_application_get_context (JxApplication *self)
{
  g_return_val_if_fail (JX_IS_APPLICATION (self), NULL);

  return self->context;
}

static JxWindow *
get_window (JxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (jx_window_new (GTK_APPLICATION (self), self->context));
    }
  return JX_WINDOW (window);
}

/* The database to open when none is named: the last one, or the default one if it exists. */
static char *
startup_database (JxApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  g_autofree char *fallback = jx_store_default_path ();

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  if (g_file_test (fallback, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&fallback);
  return NULL;
}

static void
jx_application_activate (GApplication *application)
{
  JxApplication *self = JX_APPLICATION (application);
  JxWindow *window = get_window (self);

  if (jx_context_get_store (self->context) == NULL &&
      g_strcmp0 (jx_window_get_page (window), "busy") != 0)
    {
      g_autofree char *path = startup_database (self);

      if (path != NULL)
        jx_window_open_database (window, path, FALSE);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
jx_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  JxApplication *self = JX_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_auto(GStrv) files = NULL;
  const char *view = NULL;

  g_variant_dict_lookup (options, "db", "^ay", &db);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "view", "&s", &view);
  if (db == NULL && files != NULL && files[0] != NULL)
    db = g_strdup (files[0]);

  if (db != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      g_autofree char *path = g_file_get_path (file);
      JxWindow *window = get_window (self);

      gtk_window_present (GTK_WINDOW (window));
      jx_window_open_database (window, path, FALSE);
    }
  else
    g_application_activate (application);

  if (view != NULL)
    jx_window_show_view (get_window (self), view);
  return 0;
}

/* --today replaces the clock; it is read before anything is opened. */
static int
jx_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  JxApplication *self = JX_APPLICATION (application);
  const char *today = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("jingxi %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "today", "&s", &today))
    {
      GDate date;
      g_autoptr(JxClock) clock = NULL;

      if (!jx_date_parse_iso (today, &date))
        {
          g_printerr (_("--today: “%s” is not a date (expected YYYY-MM-DD)"), today);
          g_printerr ("\n");
          return 2;
        }
      clock = jx_clock_new_fixed (&date);
      g_clear_object (&self->context);
      self->context = jx_context_new (clock);
    }
  return -1;
}

static void
new_database_activate (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  JxWindow *window = get_window (JX_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  jx_window_choose_database (window, TRUE);
}

static void
open_database_activate (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  JxWindow *window = get_window (JX_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  jx_window_choose_database (window, FALSE);
}

static void
open_demo_activate (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JxWindow *window = get_window (JX_APPLICATION (user_data));
  g_autofree char *path = jx_application_demo_path ();

  gtk_window_present (GTK_WINDOW (window));
  jx_window_open_demo (window, path);
}

static void
preferences_activate (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  JxApplication *self = JX_APPLICATION (user_data);
  GtkWidget *preferences = jx_preferences_window_new (GTK_WINDOW (get_window (self)),
                                                      self->context);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activate (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  JxApplication *self = JX_APPLICATION (user_data);
  const char *developers[] = { _("The Jingxi team"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (self),
                        "application-name", _("Jingxi"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Fine-grained sales planning: targets, customer tiers, "
                                      "the funnel and reports, on your own desk."),
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Jingxi team",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activate (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_window_close (window);
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new-database", new_database_activate },
  { "open-database", open_database_activate },
  { "open-demo", open_demo_activate },
  { "preferences", preferences_activate },
  { "about", about_activate },
  { "quit", quit_activate },
};

static void
jx_application_startup (GApplication *application)
{
  JxApplication *self = JX_APPLICATION (application);
  const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-database", { "<Primary>n", NULL } },
    { "app.open-database", { "<Primary>o", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "win.import", { "<Primary>i", NULL } },
    { "win.print", { "<Primary>p", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
  };

  G_APPLICATION_CLASS (jx_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
jx_application_dispose (GObject *object)
{
  JxApplication *self = JX_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (jx_application_parent_class)->dispose (object);
}

static void
jx_application_class_init (JxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = jx_application_dispose;
  app_class->activate = jx_application_activate;
  app_class->command_line = jx_application_command_line;
  app_class->handle_local_options = jx_application_handle_local_options;
  app_class->startup = jx_application_startup;
}

static void
jx_application_init (JxApplication *self)
{
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Compute the figures as of this date instead of today"), N_("YYYY-MM-DD") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show this view: overview, targets, customers, funnel, deals, regions or team"),
      N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
    { NULL }
  };
  g_autoptr(JxClock) clock = jx_clock_new ();

  self->context = jx_context_new (clock);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

JxApplication *
jx_application_new (void)
{
  return g_object_new (JX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/jingxi/Jingxi",
                       NULL);
}
