/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-region-chart-view.h"
#include "jx-regions-view.h"
#include "jx-ui-test-util.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct {
  JxWindow      *window;
  JxRegionsView *view;
  JxStore       *store;
} Fixture;

static gboolean
view_loading (gpointer data)
{
  return jx_regions_view_is_loading (data);
}

static void
wait_for_view (Fixture *f)
{
  jx_ui_test_wait_while (view_loading, f->view);
  g_assert_nonnull (jx_regions_view_get_tree (f->view));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = jx_ui_test_new_demo_window (app, tmp_dir, "regions", 0, 0);
  f->view = JX_REGIONS_VIEW (jx_window_get_view (f->window, "regions"));
  f->store = jx_ui_test_window_store (f->window);
  wait_for_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jx_ui_test_close_window (f->window);
}

static gint64
query_id (JxStore    *store,
          const char *sql,
          gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
apply_entry (Fixture        *f,
             JxRegionFields  field,
             const char     *text)
{
  GtkWidget *row = jx_regions_view_get_editor (f->view, field);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The tree shows every region with the won revenue SQL sums for it. */
static void
test_tree (Fixture       *f,
           gconstpointer  data)
{
  JxRegionTree *tree = jx_regions_view_get_tree (f->view);
  g_autoptr(GPtrArray) all = jx_region_tree_flatten (tree);
  GtkWidget *chart = jx_regions_view_get_chart (f->view);

  g_assert_cmpint (all->len, ==, jx_store_count_rows (f->store, JX_TABLE_REGIONS));
  g_assert_cmpuint (all->len, >, 1);
  for (guint i = 0; i < all->len; i++)
    {
      JxRegion *region = all->pdata[i];
      gint64 won = query_id (f->store,
                             "SELECT coalesce(sum(d.amount), 0) FROM deals d "
                             "JOIN customers c ON c.id = d.customer_id "
                             "WHERE d.status = 1 AND d.closed > '2025-11-27' "
                             "AND d.closed <= '2026-11-27' AND c.region_id = ?",
                             jx_region_get_id (region));

      /* The demo's regions have no subregions. */
      g_assert_cmpint (jx_region_get_won_12m (region), ==, won);
    }
  g_assert_cmpuint (jx_region_chart_view_get_n_bars (JX_REGION_CHART_VIEW (chart)), ==, all->len);
  /* The first region is selected, so its panel shows. */
  g_assert_cmpint (jx_regions_view_get_selected_id (f->view), ==,
                   jx_region_get_id (all->pdata[0]));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jx_regions_view_get_editor (f->view,
                                                                    JX_REGION_FIELD_NAME))), ==,
                   jx_region_get_name (all->pdata[0]));
}

/* Adding a region and typing its potential, each undoable. */
static void
test_add_and_potential (Fixture       *f,
                        gconstpointer  data)
{
  gint64 regions = jx_store_count_rows (f->store, JX_TABLE_REGIONS);
  GtkWidget *chart = jx_regions_view_get_chart (f->view);
  GtkWidget *potential = jx_regions_view_get_editor (f->view, JX_REGION_FIELD_POTENTIAL);
  JxRegion *region;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "regions.add-region", NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_REGIONS), ==, regions + 1);
  id = jx_test_query_int (f->store, "SELECT id FROM regions WHERE name = 'New region'");
  wait_for_view (f);
  g_assert_cmpint (jx_regions_view_get_selected_id (f->view), ==, id);
  g_assert_cmpuint (jx_region_chart_view_get_n_bars (JX_REGION_CHART_VIEW (chart)), ==,
                    regions + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential)), ==, "");

  apply_entry (f, JX_REGION_FIELD_POTENTIAL, "¥1.5亿");
  g_assert_cmpint (query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id), ==,
                   G_GINT64_CONSTANT (15000000000));
  wait_for_view (f);
  region = jx_region_tree_find (jx_regions_view_get_tree (f->view), id);
  g_assert_cmpint (jx_region_get_potential (region), ==, G_GINT64_CONSTANT (15000000000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential)), ==, "150,000,000");

  /* A second, bigger change; undo goes back one step at a time. */
  apply_entry (f, JX_REGION_FIELD_POTENTIAL, "180M");
  g_assert_cmpint (query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id), ==,
                   G_GINT64_CONSTANT (18000000000));
  g_assert_cmpstr (jx_store_get_undo_label (f->store), ==, "Edit region");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id), ==,
                   G_GINT64_CONSTANT (15000000000));
  wait_for_view (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential)), ==, "150,000,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id), ==, -1);
  wait_for_view (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential)), ==, "");
  g_assert_cmpstr (jx_store_get_undo_label (f->store), ==, "Add region");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_REGIONS), ==, regions);
  wait_for_view (f);
  g_assert_null (jx_region_tree_find (jx_regions_view_get_tree (f->view), id));
  g_assert_cmpuint (jx_region_chart_view_get_n_bars (JX_REGION_CHART_VIEW (chart)), ==, regions);
}

/* Bad input is refused with the reason, and the panel shows what is stored. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = jx_regions_view_get_selected_id (f->view);
  GtkWidget *name = jx_regions_view_get_editor (f->view, JX_REGION_FIELD_NAME);
  GtkWidget *parent = jx_regions_view_get_editor (f->view, JX_REGION_FIELD_PARENT);
  g_autofree char *stored = g_strdup (gtk_editable_get_text (GTK_EDITABLE (name)));
  g_autofree char *body = NULL;
  gint64 potential = query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id);
  gint64 child;
  GListModel *choices;
  guint inside = GTK_INVALID_LIST_POSITION;

  apply_entry (f, JX_REGION_FIELD_NAME, "  ");
  body = jx_ui_test_take_dialog_body ();
  g_assert_cmpstr (body, ==, "Enter a name for the region (at most 200 characters).");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, stored);

  apply_entry (f, JX_REGION_FIELD_POTENTIAL, "a lot");
  g_clear_pointer (&body, g_free);
  body = jx_ui_test_take_dialog_body ();
  g_assert_true (g_str_has_prefix (body, "“a lot” is not an amount."));
  g_assert_cmpint (query_id (f->store, "SELECT potential FROM regions WHERE id = ?", id), ==,
                   potential);
  g_assert_false (jx_store_can_undo (f->store));

  /* A subregion of the selected region; making it the region's parent would be a loop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "regions.add-subregion",
                                             NULL));
  child = jx_test_query_int (f->store, "SELECT max(id) FROM regions");
  g_assert_cmpint (query_id (f->store, "SELECT parent_id FROM regions WHERE id = ?", child), ==,
                   id);
  wait_for_view (f);
  g_assert_cmpint (jx_regions_view_get_selected_id (f->view), ==, child);
  g_assert_true (jx_regions_view_select_region (f->view, id));
  jx_ui_test_iterate ();
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (parent));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "inside") != NULL)
      inside = i;
  g_assert_cmpuint (inside, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (parent)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (parent), inside);
  g_clear_pointer (&body, g_free);
  body = jx_ui_test_take_dialog_body ();
  g_assert_cmpstr (body, ==, "A region cannot lie inside itself or inside one of its "
                             "subregions; choose another parent.");
  g_assert_cmpint (query_id (f->store, "SELECT coalesce(parent_id, 0) FROM regions WHERE id = ?",
                             id), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (parent)), ==, 0);
}

/* The strategy notes are saved with their action, undoably; removing a region too. */
static void
test_strategy_and_remove (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = jx_regions_view_get_selected_id (f->view);
  GtkTextView *view = GTK_TEXT_VIEW (jx_regions_view_get_editor (f->view,
                                                                 JX_REGION_FIELD_STRATEGY));
  gint64 regions = jx_store_count_rows (f->store, JX_TABLE_REGIONS);
  const char *notes = "Win two hospitals in the capital;\nkeep the distributors close.";

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), notes, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "regions.save-strategy",
                                             NULL));
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (jx_store_get_db (f->store), "SELECT strategy FROM regions WHERE id = ?",
                        -1, &stmt, NULL);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, notes);
    sqlite3_finalize (stmt);
  }
  wait_for_view (f);
  g_assert_cmpstr (jx_region_get_strategy (jx_region_tree_find (jx_regions_view_get_tree (f->view),
                                                                id)), ==, notes);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "regions.remove-region",
                                             NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_REGIONS), ==, regions - 1);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM customers "
                                                "WHERE region_id IS NULL"), >, 0);
  wait_for_view (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_REGIONS), ==, regions);
  g_assert_cmpint (jx_test_query_int (f->store, "SELECT count(*) FROM customers "
                                                "WHERE region_id IS NULL"), ==, 0);
  wait_for_view (f);
  g_assert_nonnull (jx_region_tree_find (jx_regions_view_get_tree (f->view), id));
}

static gboolean
still_alive (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* Closing the window while the regions are read: the worker's task keeps the view until it
 * returns, then the view goes away quietly. */
static void
test_close_while_loading (void)
{
  Fixture f;
  gpointer view = NULL;

  fixture_set_up (&f, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "regions.add-region", NULL));
  g_assert_true (jx_regions_view_is_loading (f.view));
  g_set_weak_pointer (&view, f.view);
  gtk_window_destroy (GTK_WINDOW (f.window));
  jx_ui_test_wait_while (still_alive, &view);
}

static void
test_parse_amount (void)
{
  static const struct {
    const char *text;
    gint64      minor;
  } good[] = {
    { "180,000,000", G_GINT64_CONSTANT (18000000000) },
    { "¥180000000", G_GINT64_CONSTANT (18000000000) },
    { " 180 000 000 ", G_GINT64_CONSTANT (18000000000) },
    { "1.8亿", G_GINT64_CONSTANT (18000000000) },
    { "￥25万", 25000000 },
    { "180M", G_GINT64_CONSTANT (18000000000) },
    { "2.5k", 250000 },
    { "0.01", 1 },
    { "0", 0 },
    { "", -1 },
    /* As the deal editor reads amounts: full-width digits from a Chinese input method. */
    { "１２，０００万", G_GINT64_CONSTANT (12000000000) },
  };
  static const char *const bad[] = { "abc", "1.2.3", "-5", "12%", "M", "1e5", "¥", "0.001",
                                     "5万3" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -2;

      g_assert_true (jx_regions_view_parse_amount (good[i].text, "CNY", &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, good[i].minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -2;

      g_assert_false (jx_regions_view_parse_amount (bad[i], "CNY", &minor, &error));
      g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
    }
}

/* The chart draws in light and dark; the won bar of a region is in the accent colour. */
static void
test_chart_light_dark (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *chart = jx_regions_view_get_chart (f->view);
  g_autofree guchar *light = NULL;
  g_autofree guchar *dark = NULL;
  g_autofree char *tooltip = NULL;
  int width, height, dark_width, dark_height;
  JxChartStyle style;
  JxRect won;

  g_assert_true (gtk_widget_get_mapped (chart));
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  light = jx_ui_test_render (chart, &width, &height);
  g_assert_true (jx_region_chart_view_get_bar (JX_REGION_CHART_VIEW (chart), 0,
                                               JX_REGION_HIT_WON, &won));
  g_assert_cmpfloat (won.width, >, 10);
  jx_ui_chart_style_for (chart, &style);
  g_assert_true (jx_ui_test_color_near (jx_ui_test_pixel_in (light, width, &won),
                                        jx_ui_test_color_rgb (&style.accent)));
  tooltip = jx_region_chart_view_dup_tooltip_at (JX_REGION_CHART_VIEW (chart),
                                                 won.x + won.width / 2, won.y + won.height / 2);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "in the last 12 months"));

  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  dark = jx_ui_test_render (chart, &dark_width, &dark_height);
  g_assert_cmpint (dark_width, ==, width);
  g_assert_cmpint (dark_height, ==, height);
  g_assert_true (jx_ui_test_pixels_differ (light, dark, width, height));
  jx_ui_chart_style_for (chart, &style);
  g_assert_true (jx_ui_test_color_near (jx_ui_test_pixel_in (dark, width, &won),
                                        jx_ui_test_color_rgb (&style.accent)));
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/regions-view/parse-amount", test_parse_amount);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestRegions", &app, &tmp_dir))
    return g_test_run ();

  g_test_add ("/jx/regions-view/tree", Fixture, NULL, fixture_set_up, test_tree,
              fixture_tear_down);
  g_test_add ("/jx/regions-view/add-and-potential", Fixture, NULL, fixture_set_up,
              test_add_and_potential, fixture_tear_down);
  g_test_add ("/jx/regions-view/invalid", Fixture, NULL, fixture_set_up, test_invalid,
              fixture_tear_down);
  g_test_add ("/jx/regions-view/strategy-and-remove", Fixture, NULL, fixture_set_up,
              test_strategy_and_remove, fixture_tear_down);
  g_test_add_func ("/jx/regions-view/close-while-loading", test_close_while_loading);
  g_test_add ("/jx/regions-view/chart-light-dark", Fixture, NULL, fixture_set_up,
              test_chart_light_dark, fixture_tear_down);
  return jx_ui_test_run (app, tmp_dir);
}
