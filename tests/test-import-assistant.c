/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-application.h"
#include "jx-import-assistant.h"
#include "jx-overview-view.h"
#include "jx-ui-test-util.h"

/*
 * The import assistant driven as a user would: Import… from the window, a file, the
 * preview, the automatic mapping and one change to it, unknown names with their "create"
 * switches, the run in a worker thread, the summary and Undo. With JX_SHOT_DIR set, each
 * page is also saved there as a PNG (run with LANGUAGE=zh_CN and
 * ADW_DEBUG_COLOR_SCHEME=prefer-dark for the other looks).
 */

static GtkApplication *app;
static char *tmp_dir;

/* Five deals: a misspelt product (GTXPro for GTX Pro), an unknown product (Zeta Box), an
 * unknown customer, and a date column that the automatic mapping cannot place. */
static const char deals_csv[] =
  "Opportunity ID,Account,Sales Agent,Product,Deal Stage,Engage Date,Close Date,Close Value,"
  "Comment\n"
  "D-001,Acme,Ann Lee,GTX Pro,Won,2026-01-05,2026-02-10,\"1,200.50\",first deal\n"
  "D-002,Betatech,Ann Lee,GTXPro,Lost,2026-01-07,2026-02-12,0,\n"
  "D-003,Cyberdyne,Ann Lee,Zeta Box,Prospecting,,,,\n"
  "D-004,,Ann Lee,GTXPro,Qualified,2026-03-01,,800,\n"
  "D-005,Betatech,Ann Lee,MG Special,Won,2026-02-01,2026-03-15,300,\n";

/* Lets the frame clock lay out and draw what changed. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  while (g_get_monotonic_time () < until)
    {
      jx_ui_test_iterate ();
      g_usleep (10 * 1000);
    }
  jx_ui_test_iterate ();
}

/* A database with two customers, two products and a rep, written through its own
 * connection so that none of it is an undo step of the window. */
static char *
make_database (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = jx_store_open (path, JX_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  /* The default stages are named in the language of the day; the file names them in
   * English. */
  jx_test_exec (store,
                "UPDATE stages SET name = CASE position WHEN 1 THEN 'Prospecting' "
                "WHEN 2 THEN 'Qualified' WHEN 3 THEN 'Solution' WHEN 4 THEN 'Proposal' "
                "WHEN 5 THEN 'Negotiation' WHEN 6 THEN 'Won' ELSE 'Lost' END;"
                "INSERT INTO customers(name) VALUES ('Acme'), ('Betatech');"
                "INSERT INTO products(name) VALUES ('GTX Pro'), ('MG Special');"
                "INSERT INTO team_members(name) VALUES ('Ann Lee');");
  return g_steal_pointer (&path);
}

/* Import… opens the assistant; it is the visible toplevel of its type. */
static JxImportAssistant *
open_assistant (JxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  jx_ui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (JX_IS_IMPORT_ASSISTANT (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          g_assert_true (gtk_window_get_modal (w));
          g_assert_true (gtk_window_get_transient_for (w) == GTK_WINDOW (window));
          return JX_IMPORT_ASSISTANT (w);
        }
    }
  g_assert_not_reached ();
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (type));
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
match_action (GtkWidget     *widget,
              gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
page_widget (JxImportAssistant *assistant)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (assistant), match_type,
                                  GSIZE_TO_POINTER (GTK_TYPE_STACK));

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static GtkWidget *
find_in_page (JxImportAssistant *assistant,
              Match              match,
              gconstpointer      data)
{
  return find_widget (page_widget (assistant), match, data);
}

static GtkWidget *
find_row (JxImportAssistant *assistant,
          const char        *title)
{
  GtkWidget *row = find_in_page (assistant, match_row_title, title);

  if (row == NULL)
    g_error ("no row “%s” on page %s", title, jx_import_assistant_get_page (assistant));
  return row;
}

static GtkWidget *
row_child (GtkWidget *row,
           GType      type)
{
  GtkWidget *child = find_widget (row, match_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (child);
  return child;
}

/* Whether the header's Next (Import, Close) button can be pressed. */
static gboolean
can_go_next (JxImportAssistant *assistant)
{
  GtkWidget *button = find_widget (GTK_WIDGET (assistant), match_action, "import.next");

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static void
next (JxImportAssistant *assistant)
{
  g_assert_true (can_go_next (assistant));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL));
  jx_ui_test_iterate ();
}

/* Runs the main loop until the assistant shows @page; the worker runs meanwhile. */
static void
wait_for_page (JxImportAssistant *assistant,
               const char        *page)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_strcmp0 (jx_import_assistant_get_page (assistant), page) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  jx_ui_test_iterate ();
}

/* Saves what the assistant shows as JX_SHOT_DIR/import-NAME.png, when asked to. */
static void
shot (JxImportAssistant *assistant,
      const char        *name)
{
  const char *dir = g_getenv ("JX_SHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (assistant);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("import-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static const char *
selected_choice (GtkWidget *row)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (row_child (row, GTK_TYPE_DROP_DOWN));

  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown));
}

static guint
choice_index (GtkWidget  *row,
              const char *label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (row_child (row, GTK_TYPE_DROP_DOWN));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;
  g_error ("no choice “%s”", label);
}

static void
choose (GtkWidget  *row,
        const char *label)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row_child (row, GTK_TYPE_DROP_DOWN)),
                              choice_index (row, label));
  jx_ui_test_iterate ();
}

static gint64
count (JxStore    *store,
       const char *sql)
{
  return jx_test_query_int (store, sql);
}

/* Everything the import can touch, as one number that changes when any row does. */
static gint64
fingerprint (JxStore *store)
{
  return count (store, "SELECT (SELECT count(*) FROM deals) * 1000003 + "
                       "(SELECT count(*) FROM stage_events) * 10007 + "
                       "(SELECT count(*) FROM products) * 101 + "
                       "(SELECT count(*) FROM customers) * 11 + "
                       "(SELECT count(*) FROM stages) + "
                       "(SELECT coalesce(sum(amount), 0) FROM deals)");
}

static void
test_import_deals (void)
{
  g_autofree char *db = make_database ("deals.db");
  g_autofree char *csv = jx_test_write_file (tmp_dir, "pipeline.csv", deals_csv, -1);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  JxOverviewView *overview = JX_OVERVIEW_VIEW (jx_window_get_view (window, "overview"));
  JxImportAssistant *assistant;
  JxImport *import;
  GtkColumnView *preview;
  GListModel *columns;
  GtkWidget *row;
  g_autofree char *expected = NULL;

  g_assert_cmpint (jx_overview_view_get_figures (overview)->customers, ==, 2);
  assistant = open_assistant (window);
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "file");
  g_assert_false (can_go_next (assistant));
  shot (assistant, "1-file-empty");

  /* 1. The file; the kind follows from its headers. */
  jx_import_assistant_set_file (assistant, file);
  g_assert_null (jx_import_assistant_get_message (assistant));
  g_assert_cmpint (jx_import_assistant_get_kind (assistant), ==, JX_IMPORT_KIND_DEALS);
  shot (assistant, "1-file");
  next (assistant);

  /* 2. The preview: every column, the first rows, encoding and separator. */
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "preview");
  preview = GTK_COLUMN_VIEW (find_in_page (assistant, match_type,
                                           GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
  columns = gtk_column_view_get_columns (preview);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 9);
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
    g_autoptr(GtkColumnViewColumn) amount = g_list_model_get_item (columns, 7);

    g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Opportunity ID");
    g_assert_cmpstr (gtk_column_view_column_get_title (amount), ==, "Close Value");
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))),
                    ==, 5);
  settle ();
  g_assert_nonnull (find_in_page (assistant, match_label, "1,200.50"));
  g_assert_nonnull (find_in_page (assistant, match_label, "Zeta Box"));
  g_assert_nonnull (strstr (jx_import_assistant_get_message (assistant), "UTF-8"));
  g_assert_nonnull (strstr (jx_import_assistant_get_message (assistant),
                            C_("separator", "comma")));
  shot (assistant, "2-preview");
  next (assistant);

  /* 3. The mapping: headers matched automatically, one column changed by hand. */
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "mapping");
  import = jx_import_assistant_get_import (assistant);
  g_assert_cmpstr (selected_choice (find_row (assistant, "Opportunity ID")), ==, _("Reference"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Account")), ==, _("Customer"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Sales Agent")), ==, _("Owner"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Deal Stage")), ==, _("Stage"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Close Value")), ==, _("Amount"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Close Date")), ==, _("Closed"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Engage Date")), ==, _("Ignore"));
  g_assert_cmpstr (jx_import_get_column (import, 7)->field, ==, "amount");
  /* The samples of each column are shown under its header. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (assistant,
                                                                                   "Product"))),
                            "GTXPro"));

  /* A required field without a column stops the way on. */
  choose (find_row (assistant, "Deal Stage"), _("Ignore"));
  g_assert_false (can_go_next (assistant));
  g_assert_nonnull (jx_import_assistant_get_message (assistant));
  g_assert_nonnull (strstr (jx_import_assistant_get_message (assistant), _("Stage")));
  choose (find_row (assistant, "Deal Stage"), _("Stage"));
  g_assert_true (can_go_next (assistant));
  g_assert_null (jx_import_assistant_get_message (assistant));

  /* Choosing a field that another column has takes it from there. */
  choose (find_row (assistant, "Comment"), _("Title"));
  g_assert_cmpstr (jx_import_get_column (import, 8)->field, ==, "title");
  choose (find_row (assistant, "Account"), _("Title"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "Comment")), ==, _("Ignore"));
  g_assert_null (jx_import_get_column (import, 8)->field);
  choose (find_row (assistant, "Account"), _("Customer"));
  choose (find_row (assistant, "Comment"), _("Notes"));

  /* Engage Date is when a deal entered a stage the database lacks: named by hand. */
  row = find_row (assistant, "Engage Date");
  choose (row, _("Entered Another Stage…"));
  g_assert_true (gtk_widget_get_visible (row_child (row, GTK_TYPE_ENTRY)));
  gtk_editable_set_text (GTK_EDITABLE (row_child (row, GTK_TYPE_ENTRY)), "Engaging");
  jx_ui_test_iterate ();
  g_assert_cmpstr (jx_import_get_column (import, 5)->field, ==, "entered:Engaging");
  g_assert_cmpstr (selected_choice (row), ==, _("Entered Another Stage…"));
  shot (assistant, "3-mapping");
  next (assistant);

  /* 4. Problems: the three unknown names, each with its count, line and suggestion. */
  wait_for_page (assistant, "problems");
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 4);
  g_assert_false (can_go_next (assistant));
  row = find_row (assistant, "GTXPro");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "“GTX Pro”"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Product")));
  {
    g_autofree char *where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%1$s row, first on line %2$u",
                                                           "%1$s rows, first on line %2$u", 2),
                                              "2", 3);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), where));
  }
  find_row (assistant, "Zeta Box");
  find_row (assistant, "Cyberdyne");
  find_row (assistant, "Engaging");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (row_child (row, GTK_TYPE_SWITCH))));
  shot (assistant, "4-problems");

  /* Switching "create" on for the new names… */
  gtk_switch_set_active (GTK_SWITCH (row_child (find_row (assistant, "Engaging"),
                                                GTK_TYPE_SWITCH)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (row_child (find_row (assistant, "Zeta Box"),
                                                GTK_TYPE_SWITCH)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (row_child (find_row (assistant, "Cyberdyne"),
                                                GTK_TYPE_SWITCH)), TRUE);
  g_assert_false (can_go_next (assistant));
  /* …and taking the suggestion for the misspelt one, which checks the file again and keeps
   * the switches. */
  {
    g_autofree char *use = g_strdup_printf (_("Use “%s”"), "GTX Pro");
    GtkWidget *button = find_widget (row, match_button_label, use);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "busy");
  wait_for_page (assistant, "problems");
  g_assert_cmpuint (jx_import_get_n_unknowns (import), ==, 3);
  g_assert_null (find_in_page (assistant, match_row_title, "GTXPro"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (row_child (find_row (assistant, "Engaging"),
                                                               GTK_TYPE_SWITCH))));
  {
    g_autofree char *read_as = g_strdup_printf (_("“%1$s” is read as “%2$s”"), "GTXPro",
                                                "GTX Pro");
    find_row (assistant, read_as);
  }
  g_assert_true (can_go_next (assistant));
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row checked, no problems found.",
                                           "%s rows checked, no problems found.", 5), "5");
  g_assert_cmpstr (jx_import_assistant_get_message (assistant), ==, expected);
  shot (assistant, "4-problems-ready");
  /* Nothing is written before the import runs. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals"), ==, 0);
  next (assistant);

  /* 5. The run, then the summary. */
  wait_for_page (assistant, "summary");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("%1$s: %2$s new, %3$s updated, %4$s unchanged."),
                              "pipeline.csv", "5", "0", "0");
  g_assert_cmpstr (jx_import_assistant_get_message (assistant), ==, expected);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals"), ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM products"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM products WHERE name = 'GTXPro'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals d JOIN products p "
                                 "ON p.id = d.product_id WHERE p.name = 'GTX Pro'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM products WHERE name = 'Zeta Box'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers"), ==, 3);
  g_assert_cmpint (count (store, "SELECT amount FROM deals WHERE ref = 'D-001'"), ==, 120050);
  g_assert_cmpint (count (store, "SELECT status FROM deals WHERE ref = 'D-001'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals WHERE amount IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stages WHERE name = 'Engaging' "
                                 "AND kind = 0"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_events e JOIN deals d "
                                 "ON d.id = e.deal_id JOIN stages s ON s.id = e.stage_id "
                                 "WHERE s.name = 'Engaging' AND e.entered = '2026-01-05' "
                                 "AND d.ref = 'D-001'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT sum(amount) FROM deals"), ==, 120050 + 0 + 80000 + 30000);
  g_assert_true (jx_store_can_undo (store));
  /* The views followed JxStore::changed: the new customer is counted. */
  g_assert_cmpint (jx_overview_view_get_figures (overview)->customers, ==, 3);
  find_row (assistant, "Zeta Box");
  find_row (assistant, "Engaging");
  shot (assistant, "5-summary");

  /* 6. Undo takes back exactly the import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_events"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM products"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stages"), ==, 7);
  g_assert_cmpint (count (store, "SELECT count(*) FROM products WHERE name = 'GTX Pro'"), ==, 1);
  g_assert_false (jx_store_can_undo (store));
  g_assert_true (jx_store_can_redo (store));
  g_assert_cmpint (jx_overview_view_get_figures (overview)->customers, ==, 2);
  shot (assistant, "6-undone");

  /* Close closes. */
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  next (assistant);
  jx_ui_test_iterate ();
  g_assert_null (assistant);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with errors lists them with their lines, cannot be imported, and writes nothing. */
static void
test_errors (void)
{
  g_autofree char *db = make_database ("errors.db");
  g_autofree char *csv = jx_test_write_file (tmp_dir, "errors.csv",
                                             "ref,customer,product,stage,amount,opened,closed\n"
                                             "E-1,Acme,GTX Pro,Won,100,2026-01-05,2026-13-01\n"
                                             "E-2,Acme,GTX Pro,Prospecting,-5,2026-01-05,\n"
                                             "E-1,Acme,GTX Pro,Prospecting,7,2026-01-05,\n"
                                             "E-4,Acme,GTX Pro,Won,10,2026-03-01,2026-02-01\n",
                                             -1);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  gint64 before = fingerprint (store);
  JxImportAssistant *assistant = open_assistant (window);
  const JxImportSummary *summary;

  jx_import_assistant_set_file (assistant, file);
  g_assert_cmpint (jx_import_assistant_get_kind (assistant), ==, JX_IMPORT_KIND_DEALS);
  next (assistant);
  next (assistant);
  next (assistant);
  wait_for_page (assistant, "problems");
  summary = jx_import_get_summary (jx_import_assistant_get_import (assistant));
  g_assert_cmpuint (summary->n_errors, ==, 4);
  g_assert_false (can_go_next (assistant));
  /* Each error is a row titled with its line, saying what is wrong. */
  for (guint i = 0; i < summary->errors->len; i++)
    {
      const JxImportProblem *problem = summary->errors->pdata[i];
      g_autofree char *where = g_strdup_printf (_("Line %u"), problem->line);
      GtkWidget *row = find_row (assistant, where);

      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, problem->message);
    }
  for (guint line = 2; line <= 5; line++)
    {
      g_autofree char *where = g_strdup_printf (_("Line %u"), line);
      GtkWidget *row = find_row (assistant, where);

      if (line == 2)
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                  "2026-13-01"));
    }
  shot (assistant, "4-errors");
  /* Import stays out of reach, even by its action. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  jx_ui_test_iterate ();
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "problems");
  g_assert_cmpint (fingerprint (store), ==, before);
  g_assert_false (jx_store_can_undo (store));

  /* Back to the mapping: the way back is open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL));
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "mapping");

  /* Another kind, chosen on the first page, brings its own fields to the mapping. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL);
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "file");
  jx_import_assistant_set_kind (assistant, JX_IMPORT_KIND_STAGE_EVENTS);
  next (assistant);
  next (assistant);
  g_assert_cmpstr (selected_choice (find_row (assistant, "ref")), ==, _("Deal"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "stage")), ==, _("Stage"));
  /* Stage events need the date each stage was entered. */
  g_assert_false (can_go_next (assistant));
  g_assert_nonnull (strstr (jx_import_assistant_get_message (assistant), _("Entered")));
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
choose_row (JxImportAssistant *assistant,
            const char        *title,
            guint              position)
{
  GtkWidget *row = find_row (assistant, title);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  jx_ui_test_iterate ();
}

/* A file as Excel saves it on Chinese Windows: GB18030, Chinese headers, dates with the
 * month first. The encoding is detected; the date order is the user's choice. */
static void
test_chinese_file (void)
{
  static const char text[] =
    "商机编号,客户名称,销售阶段,合同金额,成交日期\r\n"
    "C-1,华为,赢单,\"¥1,200\",3/1/2026\r\n"
    "C-2,Acme,输单,0,12/31/2025\r\n";
  g_autofree char *db = make_database ("chinese.db");
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  JxImportAssistant *assistant = open_assistant (window);
  const JxImportSummary *summary;

  g_assert_no_error (error);
  csv = jx_test_write_file (tmp_dir, "商机.csv", bytes, length);
  file = g_file_new_for_path (csv);
  jx_import_assistant_set_file (assistant, file);
  g_assert_cmpint (jx_import_assistant_get_kind (assistant), ==, JX_IMPORT_KIND_DEALS);
  next (assistant);
  g_assert_nonnull (strstr (jx_import_assistant_get_message (assistant), "GB18030"));
  settle ();
  g_assert_nonnull (find_in_page (assistant, match_label, "华为"));
  next (assistant);
  g_assert_cmpstr (selected_choice (find_row (assistant, "商机编号")), ==, _("Reference"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "合同金额")), ==, _("Amount"));
  g_assert_cmpstr (selected_choice (find_row (assistant, "成交日期")), ==, _("Closed"));
  next (assistant);
  wait_for_page (assistant, "problems");
  /* Read year first, 3/1/2026 is no date. */
  summary = jx_import_get_summary (jx_import_assistant_get_import (assistant));
  g_assert_cmpuint (summary->n_errors, ==, 2);
  g_assert_false (can_go_next (assistant));

  /* Month first, back on the first page. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.back", NULL);
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "file");
  choose_row (assistant, _("Dates with the Year Last"), 1);
  next (assistant);
  next (assistant);
  next (assistant);
  wait_for_page (assistant, "problems");
  summary = jx_import_get_summary (jx_import_assistant_get_import (assistant));
  g_assert_cmpuint (summary->n_errors, ==, 0);
  gtk_switch_set_active (GTK_SWITCH (row_child (find_row (assistant, "华为"), GTK_TYPE_SWITCH)),
                         TRUE);
  next (assistant);
  wait_for_page (assistant, "summary");
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals"), ==, 2);
  g_assert_cmpint (count (store, "SELECT amount FROM deals WHERE ref = 'C-1'"), ==, 120000);
  g_assert_cmpint (count (store, "SELECT status FROM deals WHERE ref = 'C-1'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT status FROM deals WHERE ref = 'C-2'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals WHERE ref = 'C-1' "
                                 "AND closed = '2026-03-01'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals d JOIN customers c "
                                 "ON c.id = d.customer_id WHERE c.name = '华为'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A binary or missing file shows the engine's message on the first page. */
static void
test_bad_file (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  g_autofree char *db = make_database ("bad.db");
  g_autofree char *binary = jx_test_write_file (tmp_dir, "picture.csv", png, sizeof png);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);
  g_autofree char *empty = jx_test_write_file (tmp_dir, "empty.csv", "", 0);
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  JxImportAssistant *assistant = open_assistant (window);
  const char *const paths[] = { binary, missing, empty };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(JxImport) direct = jx_import_new (store, JX_IMPORT_KIND_DEALS);
      g_autoptr(GError) error = NULL;

      jx_import_assistant_set_kind (assistant, JX_IMPORT_KIND_DEALS);
      jx_import_assistant_set_file (assistant, file);
      g_assert_false (jx_import_open (direct, paths[i], &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "file");
      g_assert_cmpstr (jx_import_assistant_get_message (assistant), ==, error->message);
      g_assert_false (can_go_next (assistant));
      if (i == 0)
        {
          g_assert_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BINARY);
          shot (assistant, "1-file-binary");
        }
    }
  g_assert_false (jx_store_can_undo (store));
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkProgressBar *
progress_bar (JxImportAssistant *assistant)
{
  return GTK_PROGRESS_BAR (find_in_page (assistant, match_type,
                                         GSIZE_TO_POINTER (GTK_TYPE_PROGRESS_BAR)));
}

/* Runs the write until the bar moves. */
static void
start_and_wait_for_progress (JxImportAssistant *assistant)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  next (assistant);
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "busy");
  g_assert_true (jx_import_assistant_is_running (assistant));
  while (gtk_progress_bar_get_fraction (progress_bar (assistant)) <= 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "busy");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Cancel, or closing the assistant, during the run leaves the data as it was. */
static void
test_cancel (void)
{
  g_autofree char *db = make_database ("cancel.db");
  g_autofree char *csv = g_build_filename (tmp_dir, "large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  JxImportAssistant *assistant;
  gint64 before = fingerprint (store);
  const guint n_rows = 200000;

  {
    g_autoptr(GString) text = g_string_new ("ref,customer,product,stage,amount\n");

    for (guint i = 0; i < n_rows; i++)
      g_string_append_printf (text, "L-%06u,%s,GTX Pro,Prospecting,%u\n", i,
                              i % 2 ? "Acme" : "Betatech", 100 + i % 1000);
    g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  }

  assistant = open_assistant (window);
  jx_import_assistant_set_file (assistant, file);
  next (assistant);
  next (assistant);
  next (assistant);
  /* Checking a large file runs in the worker too; the bar moves meanwhile. */
  g_assert_cmpstr (jx_import_assistant_get_page (assistant), ==, "busy");
  shot (assistant, "5-checking");
  wait_for_page (assistant, "problems");
  g_assert_true (can_go_next (assistant));

  start_and_wait_for_progress (assistant);
  shot (assistant, "5-importing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.cancel-run", NULL));
  wait_for_page (assistant, "problems");
  g_assert_false (jx_import_assistant_is_running (assistant));
  g_assert_cmpstr (jx_import_assistant_get_message (assistant), ==,
                   _("The import was cancelled. Nothing was changed."));
  g_assert_cmpint (fingerprint (store), ==, before);
  g_assert_false (jx_store_can_undo (store));
  g_assert_false (jx_store_in_transaction (store));
  /* The way to import again stays open. */
  g_assert_true (can_go_next (assistant));
  shot (assistant, "4-cancelled");

  /* Closing the window while it runs cancels too, and closes once the worker is done. */
  start_and_wait_for_progress (assistant);
  g_object_ref (assistant);
  gtk_window_close (GTK_WINDOW (assistant));
  jx_ui_test_iterate ();
  g_assert_true (jx_import_assistant_is_running (assistant) ||
                 !gtk_widget_get_visible (GTK_WIDGET (assistant)));
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

    while (gtk_widget_get_visible (GTK_WIDGET (assistant)))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  g_object_unref (assistant);
  jx_ui_test_iterate ();
  g_assert_cmpint (fingerprint (store), ==, before);
  g_assert_false (jx_store_can_undo (store));
  g_assert_false (jx_store_in_transaction (store));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Create All covers every unknown name, also those beyond the rows the page lists. */
static void
test_create_all (void)
{
  g_autofree char *db = make_database ("team.db");
  g_autofree char *csv = g_build_filename (tmp_dir, "sales_teams.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  JxWindow *window = jx_ui_test_new_window (app, db, 0, 0);
  JxStore *store = jx_ui_test_window_store (window);
  JxImportAssistant *assistant = open_assistant (window);
  g_autofree char *more = NULL;
  g_autofree char *n = NULL;

  {
    g_autoptr(GString) text = g_string_new ("sales_agent,manager,regional_office\n");

    for (guint i = 0; i < 240; i++)
      g_string_append_printf (text, "Rep %03u,Boss %u,Office %03u\n", i, i % 3, i);
    g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  }
  jx_import_assistant_set_file (assistant, file);
  g_assert_cmpint (jx_import_assistant_get_kind (assistant), ==, JX_IMPORT_KIND_TEAM);
  next (assistant);
  next (assistant);
  next (assistant);
  wait_for_page (assistant, "problems");
  /* 240 offices and 3 managers; the page lists 200 and counts the rest. */
  g_assert_cmpuint (jx_import_get_n_unknowns (jx_import_assistant_get_import (assistant)), ==,
                    243);
  n = jx_number_format (43);
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %s more name",
                                       "… and %s more names", 43), n);
  find_row (assistant, more);
  g_assert_false (can_go_next (assistant));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.create-all", NULL));
  jx_ui_test_iterate ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (row_child (find_row (assistant, "Boss 0"),
                                                               GTK_TYPE_SWITCH))));
  g_assert_true (can_go_next (assistant));
  next (assistant);
  wait_for_page (assistant, "summary");
  g_assert_cmpint (count (store, "SELECT count(*) FROM regions"), ==, 240);
  g_assert_cmpint (count (store, "SELECT count(*) FROM team_members"), ==, 1 + 240 + 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM team_members WHERE is_manager = 1"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM team_members m JOIN team_members b "
                                 "ON b.id = m.manager_id WHERE b.name = 'Boss 1'"), ==, 80);
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Import… needs an open database. */
static void
test_action_enabled (void)
{
  JxWindow *window = jx_ui_test_new_window (app, NULL, 0, 0);
  g_autofree char *db = make_database ("action.db");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  jx_ui_test_iterate ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        g_assert_false (JX_IS_IMPORT_ASSISTANT (w));
      }
  }
  g_assert_true (jx_window_open_database (window, db, FALSE));
  gtk_window_destroy (GTK_WINDOW (open_assistant (window)));
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

  g_test_add_func ("/jx/import-assistant/action-enabled", test_action_enabled);
  g_test_add_func ("/jx/import-assistant/import-deals", test_import_deals);
  g_test_add_func ("/jx/import-assistant/errors", test_errors);
  g_test_add_func ("/jx/import-assistant/bad-file", test_bad_file);
  g_test_add_func ("/jx/import-assistant/chinese-file", test_chinese_file);
  g_test_add_func ("/jx/import-assistant/create-all", test_create_all);
  g_test_add_func ("/jx/import-assistant/cancel", test_cancel);
  return jx_ui_test_run (app, tmp_dir);
}
