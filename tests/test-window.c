/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-application.h"
#include "jx-customer-list-page.h"
#include "jx-customers-view.h"
#include "jx-deals-view.h"
#include "jx-overview-view.h"
#include "jx-schema-private.h"
#include "jx-ui-test-util.h"

static GtkApplication *app;
static char *tmp_dir;

/* Runs the main loop until @page shows, or fails after 30 s. */
static void
wait_for_page (JxWindow   *window,
               const char *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (jx_window_get_page (window), page) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  jx_ui_test_iterate ();
}

static void
test_welcome (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);

  g_assert_cmpstr (jx_window_get_page (window), ==, "welcome");
  g_assert_null (jx_ui_test_window_store (window));
  /* The page (and About) show the application icon even before Jingxi is installed: the
   * application adds its resources' icons folder to the icon theme. */
  {
    g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();

    gtk_icon_theme_add_resource_path (theme, "/io/github/jingxi/Jingxi/icons");
    g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.jingxi.Jingxi"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening demo data makes it in a worker thread; the overview then shows the store's figures. */
static void
test_demo_and_overview (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "window-demo.db", NULL);
  JxStore *store;
  GtkWidget *overview;
  JxOverview expected;
  JxPeriod quarter;
  GDate today;
  g_autoptr(GError) error = NULL;

  jx_window_open_demo (window, path);
  wait_for_page (window, "views");
  store = jx_ui_test_window_store (window);
  g_assert_nonnull (store);
  g_assert_cmpstr (jx_store_get_path (store), ==, path);
  g_assert_cmpint (jx_store_count_rows (store, JX_TABLE_DEALS), ==, JX_DEMO_DEALS_PER_SCALE);

  jx_window_show_view (window, "overview");
  overview = jx_window_get_view (window, "overview");
  jx_test_date (&today, "2026-11-27");
  jx_overview_current_quarter (store, &today, &quarter);
  g_assert_true (jx_overview_compute (store, &quarter, &expected, &error));
  g_assert_cmpint (expected.won_count, >, 0);
  {
    const JxOverview *shown = jx_overview_view_get_figures (JX_OVERVIEW_VIEW (overview));
    g_autofree char *won = jx_money_format_compact (expected.won_amount, "CNY");
    g_autofree char *customers = jx_number_format (expected.customers);
    g_autofree char *opened = jx_number_format (expected.opened_count);

    g_assert_cmpint (shown->won_amount, ==, expected.won_amount);
    g_assert_cmpint (shown->open_amount, ==, expected.open_amount);
    g_assert_cmpstr (jx_overview_view_get_card_value (JX_OVERVIEW_VIEW (overview), "won"), ==, won);
    g_assert_cmpstr (jx_overview_view_get_card_value (JX_OVERVIEW_VIEW (overview), "customers"), ==,
                     customers);
    g_assert_cmpstr (jx_overview_view_get_card_value (JX_OVERVIEW_VIEW (overview), "opened"), ==,
                     opened);
  }
  /* The title names the database. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "window-demo.db"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_every_view (void)
{
  static const char *const views[] = {
    "overview", "targets", "customers", "funnel", "deals", "regions", "team",
  };
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "views.db", NULL);

  g_assert_true (jx_window_open_database (window, path, TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                 views[i]));
      jx_ui_test_iterate ();
      g_assert_cmpstr (jx_window_get_visible_view (window), ==, views[i]);
      g_assert_true (gtk_widget_get_mapped (jx_window_get_view (window, views[i])));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A view takes the keyboard focus when it shows, so that its own shortcuts work at once. */
static void
test_view_focus (void)
{
  static const char *const views[] = {
    "targets", "customers", "funnel", "deals", "regions", "team",
  };
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "focus-demo.db", NULL);

  jx_window_open_demo (window, path);
  wait_for_page (window, "views");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = jx_window_get_view (window, views[i]);
      GtkWidget *focus;
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      /* Start from a widget outside the views, as after a click in the header bar. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview");
      jx_ui_test_iterate ();
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                                 views[i]));
      jx_ui_test_iterate ();
      /* A view that is still loading takes it when its content arrives. */
      while ((focus = gtk_root_get_focus (GTK_ROOT (window))) == NULL)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_test_message ("%s: the focus is on a %s", views[i], G_OBJECT_TYPE_NAME (focus));
      g_assert_true (gtk_widget_is_ancestor (focus, view));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
customers_loading (gpointer view)
{
  return jx_customers_view_get_base (view) == NULL;
}

static gboolean
deals_loading (gpointer view)
{
  return jx_deals_view_is_loading (view);
}

static void
wait_while (gboolean (*busy) (gpointer),
            gpointer   data)
{
  jx_ui_test_iterate ();
  jx_ui_test_wait_while (busy, data);
  /* The deal list reloads after a short pause. */
  jx_ui_test_run_for (300);
  jx_ui_test_wait_while (busy, data);
  jx_ui_test_iterate ();
}

/* A new database's Customers and Deals say there is nothing yet and offer the import, not
 * that nothing matches the filters. */
static void
test_empty_database (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "empty-views.db", NULL);
  GtkWidget *customers, *deals, *list_page;
  AdwStatusPage *page;

  g_assert_true (jx_window_open_database (window, path, TRUE));
  jx_window_show_view (window, "customers");
  customers = jx_window_get_view (window, "customers");
  wait_while (customers_loading, customers);
  list_page = GTK_WIDGET (jx_customers_view_get_list_page (JX_CUSTOMERS_VIEW (customers)));
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (list_page, JX_TYPE_CUSTOMER_LIST_PAGE,
                                                         "empty_page"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("No Customers Yet"));

  jx_window_show_view (window, "deals");
  deals = jx_window_get_view (window, "deals");
  wait_while (deals_loading, deals);
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (deals, JX_TYPE_DEALS_VIEW, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("No Deals Yet"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (
                     gtk_widget_get_template_child (deals, JX_TYPE_DEALS_VIEW, "empty_button"))),
                   ==, "win.import");

  /* With a deal, an empty list means the search matches nothing. */
  {
    JxStore *store = jx_ui_test_window_store (window);
    g_autoptr(GError) error = NULL;

    g_assert_true (jx_store_begin (store, "test", &error));
    g_assert_true (jx_store_exec (store, "INSERT INTO customers (name) VALUES ('Acme')", &error));
    g_assert_true (jx_store_exec (store, "INSERT INTO deals (ref, title, customer_id, stage_id, "
                                  "stage_entered, status, opened) SELECT 'D-1', 'Test', 1, "
                                  "id, '2026-11-01', 0, '2026-11-01' FROM stages "
                                  "ORDER BY position LIMIT 1", &error));
    g_assert_true (jx_store_commit (store, &error));
    g_assert_no_error (error);
  }
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (deals, JX_TYPE_DEALS_VIEW,
                                                                      "search_entry")),
                         "no such deal");
  wait_while (deals_loading, deals);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("No Deals Found"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Switching databases updates every view; a bad file leaves the open one in place. */
static void
test_switch_database (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *demo = g_build_filename (tmp_dir, "window-demo.db", NULL);
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "bad.db", NULL);
  JxOverviewView *overview;
  GtkWindow *dialog;

  overview = JX_OVERVIEW_VIEW (jx_window_get_view (window, "overview"));
  g_assert_true (jx_window_open_database (window, demo, FALSE));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_overview_view_get_figures (overview)->customers, ==,
                   JX_DEMO_CUSTOMERS_PER_SCALE);

  g_assert_true (jx_window_open_database (window, empty, TRUE));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_overview_view_get_figures (overview)->customers, ==, 0);
  g_assert_cmpstr (jx_overview_view_get_card_value (overview, "won"), ==, "¥0");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "empty.db"));

  g_assert_true (g_file_set_contents (bad, "not a database", -1, NULL));
  g_assert_false (jx_window_open_database (window, bad, FALSE));
  jx_ui_test_iterate ();
  g_assert_cmpstr (jx_store_get_path (jx_ui_test_window_store (window)), ==,
                   empty);
  dialog = jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JxStore) refused = jx_store_open (bad, JX_STORE_OPEN_DEFAULT, &error);

    g_assert_null (refused);
    g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_JINGXI);
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
  }
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A database from an older version is upgraded behind the progress page, then opens. */
static void
test_upgrade (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "old.db", NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = 1; PRAGMA application_id = %d;",
                                             JX_APPLICATION_ID);
  sqlite3 *db = NULL;
  JxStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, jx_schema_migration (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO regions(name) VALUES ('Old')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (jx_store_peek_schema_version (path), ==, 1);

  g_assert_true (jx_window_open_database (window, path, FALSE));
  if (JX_SCHEMA_VERSION > 1)
    g_assert_cmpstr (jx_window_get_page (window), ==, "busy");
  wait_for_page (window, "views");
  store = jx_ui_test_window_store (window);
  g_assert_nonnull (store);
  g_assert_cmpint (jx_store_get_schema_version (store), ==, JX_SCHEMA_VERSION);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions WHERE name = 'Old'"), ==, 1);
  g_assert_nonnull (jx_store_get_backup_path (store));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit from anywhere shows at once; Ctrl+Z's action undoes it. */
static void
test_undo (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "undo.db", NULL);
  g_autoptr(GError) error = NULL;
  JxStore *store;
  GtkWidget *company;

  g_assert_true (jx_window_open_database (window, path, TRUE));
  store = jx_ui_test_window_store (window);
  g_assert_true (jx_store_set_setting (store, "company_name", "Acme Trading", &error));
  jx_ui_test_iterate ();
  company = jx_window_get_view (window, "overview");
  g_assert_true (jx_store_can_undo (store));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  jx_ui_test_iterate ();
  {
    g_autofree char *name = jx_store_get_setting (store, "company_name");
    g_assert_cmpstr (name, ==, "");
  }
  g_assert_true (jx_store_can_redo (store));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  {
    g_autofree char *name = jx_store_get_setting (store, "company_name");
    g_assert_cmpstr (name, ==, "Acme Trading");
  }
  g_assert_nonnull (company);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
css_error_cb (GtkCssProvider *provider,
              GtkCssSection  *section,
              const GError   *error,
              guint          *n_errors)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_test_message ("style.css: %s: %s", where, error->message);
  (*n_errors)++;
}

/* The application's style sheet parses without a single error or warning. */
static void
test_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  guint n_errors = 0;

  g_signal_connect (provider, "parsing-error", G_CALLBACK (css_error_cb), &n_errors);
  gtk_css_provider_load_from_resource (provider, "/io/github/jingxi/Jingxi/style.css");
  g_assert_cmpuint (n_errors, ==, 0);
}

/* Under LANGUAGE=zh_CN the views are titled in Chinese. */
static void
test_language (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  const char *language = g_getenv ("LANGUAGE");
  const char *expected = language != NULL && g_str_has_prefix (language, "zh") ? "概览" : "Overview";
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(AdwViewStackPage) first = NULL;
  GtkWidget *stack;

  stack = gtk_widget_get_ancestor (jx_window_get_view (window, "overview"), ADW_TYPE_VIEW_STACK);
  pages = adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
  first = g_list_model_get_item (G_LIST_MODEL (pages), 0);
  g_assert_cmpstr (adw_view_stack_page_get_title (first), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.Test", &app, &tmp_dir))
    return g_test_run ();

  g_test_add_func ("/jx/window/style", test_style);
  g_test_add_func ("/jx/window/welcome", test_welcome);
  g_test_add_func ("/jx/window/demo-and-overview", test_demo_and_overview);
  g_test_add_func ("/jx/window/every-view", test_every_view);
  g_test_add_func ("/jx/window/view-focus", test_view_focus);
  g_test_add_func ("/jx/window/empty-database", test_empty_database);
  g_test_add_func ("/jx/window/switch-database", test_switch_database);
  g_test_add_func ("/jx/window/upgrade", test_upgrade);
  g_test_add_func ("/jx/window/undo", test_undo);
  g_test_add_func ("/jx/window/language", test_language);
  return jx_ui_test_run (app, tmp_dir);
}
