/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-deal-editor.h"
#include "jx-preferences-window.h"
#include "jx-ui-test-util.h"

/*
 * The Keyboard Shortcuts window (resources/gtk/help-overlay.ui) against the keys the code
 * binds: every key binding a Jingxi widget class installs (views, charts, pages and the
 * dialogs they open) is listed in it, there is a section for each view the window names, and
 * the window shows without a warning; and Ctrl+Z reaches the undo of the database from a
 * spin button.
 */

#define OVERLAY_PATH "/io/github/jingxi/Jingxi/gtk/help-overlay.ui"

static GtkApplication *app;
static char *tmp_dir;

typedef struct {
  guint           keyval;
  GdkModifierType mods;
} Key;

static void
add_key (GArray     *keys,
         const char *accelerator)
{
  Key key = { 0, 0 };

  g_assert_true (gtk_accelerator_parse (accelerator, &key.keyval, &key.mods));
  g_array_append_val (keys, key);
}

/* The keys of one GtkShortcutsShortcut: accelerators apart by spaces, "<Alt>1...7" a range. */
static void
add_accelerators (GArray     *keys,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *dots = strstr (parts[i], "...");

      if (parts[i][0] == '\0')
        continue;
      if (dots == NULL)
        {
          add_key (keys, parts[i]);
          continue;
        }
      /* Only ranges of one digit, as the window draws them. */
      g_assert_cmpint (strlen (dots), ==, 4);
      g_assert_true (g_ascii_isdigit (dots[-1]) && g_ascii_isdigit (dots[3]));
      for (char c = dots[-1]; c <= dots[3]; c++)
        {
          g_autofree char *prefix = g_strndup (parts[i], dots - 1 - parts[i]);
          g_autofree char *one = g_strdup_printf ("%s%c", prefix, c);

          add_key (keys, one);
        }
    }
}

static void
collect_overlay (GtkWidget  *widget,
                 GArray     *keys,
                 GPtrArray  *sections)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (accelerator);
      g_assert_true (title != NULL && title[0] != '\0');
      add_accelerators (keys, accelerator);
    }
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "section-name", &name, NULL);
      g_ptr_array_add (sections, g_steal_pointer (&name));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_overlay (child, keys, sections);
}

static gboolean
listed (GArray          *keys,
        guint            keyval,
        GdkModifierType  mods)
{
  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = &g_array_index (keys, Key, i);

      if (key->keyval == keyval && key->mods == mods)
        return TRUE;
    }
  return FALSE;
}

/* Keys that do what a listed key does: the keypad's, and Ctrl+= for Ctrl++ (the same key
 * without Shift on most layouts). */
static gboolean
is_alias (guint keyval)
{
  const char *name = gdk_keyval_name (keyval);

  return g_str_has_prefix (name, "KP_") || keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_equal;
}

/* The keys @widget's class binds, with those it inherits from its parent classes. */
static GArray *
class_keys (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (Key));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller),
                     "gtk-widget-class-shortcuts") != 0)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          Key key;

          /* Ours are all keys; GTK's may be mnemonics or alternatives, not ours to list. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          key.keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          key.mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          g_array_append_val (keys, key);
        }
    }
  return keys;
}

/* The keys a class inherits from GTK or libadwaita: those of an instance of its first
 * parent that is not ours. */
static GArray *
inherited_keys (GType type)
{
  GtkWidget *parent;
  GArray *keys;

  while (g_str_has_prefix (g_type_name (type), "Jx"))
    type = g_type_parent (type);
  /* GtkWidget itself binds nothing. */
  if (G_TYPE_IS_ABSTRACT (type))
    return g_array_new (FALSE, FALSE, sizeof (Key));
  parent = g_object_ref_sink (g_object_new (type, NULL));
  keys = class_keys (parent);
  if (GTK_IS_WINDOW (parent))
    gtk_window_destroy (GTK_WINDOW (parent));
  g_object_unref (parent);
  return keys;
}

/* The key bindings of @widget's class, if it is one of ours, and of its children's. */
static void
check_bindings (GtkWidget  *widget,
                GArray     *keys,
                GHashTable *seen)
{
  const char *type_name = G_OBJECT_TYPE_NAME (widget);

  if (g_str_has_prefix (type_name, "Jx") && !g_hash_table_contains (seen, type_name))
    {
      g_autoptr(GArray) own = class_keys (widget);
      g_autoptr(GArray) inherited = inherited_keys (G_OBJECT_TYPE (widget));

      g_hash_table_add (seen, (gpointer) type_name);
      for (guint i = 0; i < own->len; i++)
        {
          Key *key = &g_array_index (own, Key, i);
          g_autofree char *text = gtk_accelerator_name (key->keyval, key->mods);

          if (is_alias (key->keyval) || listed (inherited, key->keyval, key->mods))
            continue;
          g_test_message ("%s: %s", type_name, text);
          if (!listed (keys, key->keyval, key->mods))
            g_error ("%s binds %s, which Keyboard Shortcuts does not list", type_name, text);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_bindings (child, keys, seen);
}

static void
test_overlay_lists_bindings (void)
{
  static const char *const views[] = {
    "overview", "targets", "customers", "funnel", "deals", "regions", "team",
  };
  static const char *const expected_types[] = {
    "JxWindow", "JxTargetsView", "JxTargetChart", "JxCustomerPage", "JxTierBoard",
    "JxFunnelChart", "JxStagesEditor", "JxDealsView", "JxDealEditor", "JxRegionsView",
    "JxImportAssistant",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (OVERLAY_PATH);
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (tmp_dir, "shortcuts.db", NULL);
  JxWindow *window;
  GListModel *toplevels;
  JxContext *context;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_overlay (overlay, keys, sections);
  g_assert_cmpuint (keys->len, >, 40);

  /* A section for each view with keys of its own, named as the window asks for it. */
  g_assert_true (g_ptr_array_find_with_equal_func (sections, "shortcuts", g_str_equal, NULL));
  for (guint i = 1; i < G_N_ELEMENTS (views); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (sections, views[i], g_str_equal, NULL));

  /* It shows without a warning (G_DEBUG=fatal-warnings) on every section. */
  gtk_window_present (GTK_WINDOW (overlay));
  jx_ui_test_iterate ();
  for (guint i = 0; i < sections->len; i++)
    {
      g_object_set (overlay, "section-name", g_ptr_array_index (sections, i), NULL);
      jx_ui_test_iterate ();
    }
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Every view, and the editors and the assistant they open. */
  window = jx_ui_test_new_window (app, NULL, 0, 0);
  context = jx_window_get_context (window);
  g_assert_true (jx_window_open_database (window, path, TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    jx_window_show_view (window, views[i]);
  jx_ui_test_iterate ();
  jx_deal_editor_present (GTK_WINDOW (window), context, 0);
  g_assert_true (gtk_widget_activate_action (jx_window_get_view (window, "funnel"),
                                             "funnel.edit-stages", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  jx_ui_test_iterate ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      check_bindings (toplevel, keys, seen);
    }
  /* The walk reached the widgets that bind keys. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_types); i++)
    if (!g_hash_table_contains (seen, expected_types[i]))
      g_error ("no %s was checked", expected_types[i]);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  jx_ui_test_iterate ();
}

/* The first descendant of @widget of @type (showing @text, for an editable). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (text == NULL || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
not_on_views_page (gpointer data)
{
  return g_strcmp0 (jx_window_get_page (data), "views") != 0;
}

static void
count_spin_buttons (GtkWidget *widget,
                    guint     *n)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (widget)));
      (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_spin_buttons (child, n);
}

/* Ctrl+Z in a field never blanks the stored value it shows (GTK 4.8 keeps the text a program
 * sets in the field's undo history); in a spin button, whose changes are saved as they
 * happen, it undoes the last change to the database. */
static void
test_undo_in_fields (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "spin.db", NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  JxContext *context;
  JxWindow *window;
  GtkWidget *prefs;
  guint n = 0;

  window = jx_ui_test_new_window (app, NULL, 1200, 800);
  context = jx_window_get_context (window);
  jx_window_open_demo (window, path);
  while (not_on_views_page (window))
    g_main_context_iteration (NULL, TRUE);
  /* The team table's capacity cells, the target panel and the dialogs with spin buttons. */
  jx_window_show_view (window, "team");
  for (int i = 0; i < 100; i++)
    {
      g_usleep (10000);
      jx_ui_test_iterate ();
    }
  jx_window_show_view (window, "targets");
  jx_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (jx_window_get_view (window, "team"),
                                             "team.add-member", NULL));
  g_assert_true (gtk_widget_activate_action (jx_window_get_view (window, "funnel"),
                                             "funnel.edit-stages", NULL));
  prefs = jx_preferences_window_new (GTK_WINDOW (window), context);
  gtk_window_present (GTK_WINDOW (prefs));
  jx_ui_test_iterate ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      count_spin_buttons (toplevel, &n);
    }
  g_test_message ("%u spin buttons", n);
  /* Preferences 4, the stages 5, the new member 1, the target panel 1, team cells. */
  g_assert_cmpuint (n, >=, 15);

  /* A capacity cell: a change is saved, and the cell's own Ctrl+Z undoes it in the database. */
  {
    JxStore *store = jx_context_get_store (context);
    GtkWidget *team = jx_window_get_view (window, "team");
    GtkSpinButton *spin = GTK_SPIN_BUTTON (find_widget (team, GTK_TYPE_SPIN_BUTTON, NULL));
    gint64 before = jx_test_query_int (store, "SELECT total(capacity_hours) FROM team_members");
    GtkShortcut *undo = NULL;
    g_autoptr(GListModel) controllers = NULL;

    g_assert_nonnull (spin);
    gtk_spin_button_set_value (spin, gtk_spin_button_get_value (spin) + 5);
    jx_ui_test_iterate ();
    g_assert_cmpint (jx_test_query_int (store, "SELECT total(capacity_hours) FROM team_members"),
                     ==, before + 5);
    controllers = gtk_widget_observe_controllers (GTK_WIDGET (spin));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          undo = g_list_model_get_item (G_LIST_MODEL (controller), 0);
      }
    g_assert_nonnull (undo);
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (undo),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (spin), NULL));
    g_object_unref (undo);
    jx_ui_test_iterate ();
    g_assert_cmpint (jx_test_query_int (store, "SELECT total(capacity_hours) FROM team_members"),
                     ==, before);

    /* A name cell shows the stored name; undoing its text keeps it (it was blanked). */
    {
      const char *name = "Anna Smith";
      GtkWidget *text = find_widget (team, GTK_TYPE_TEXT, name);

      g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members "
                                          "WHERE name = 'Anna Smith'"), ==, 1);

      g_assert_nonnull (text);
      gtk_widget_activate_action (text, "text.undo", NULL);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, name);
    }
  }

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  jx_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.Test", &app, &tmp_dir))
    return g_test_run ();

  g_test_add_func ("/jx/shortcuts/overlay-lists-bindings", test_overlay_lists_bindings);
  g_test_add_func ("/jx/shortcuts/undo-in-fields", test_undo_in_fields);
  return jx_ui_test_run (app, tmp_dir);
}
