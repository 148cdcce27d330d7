/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <glib/gi18n.h>

#include "jx-funnel-chart.h"
#include "jx-funnel-view.h"
#include "jx-stages-editor.h"
#include "jx-ui-test-util.h"

static GtkApplication *app;
static char *tmp_dir;

static gboolean
view_ready (gpointer data)
{
  return jx_funnel_view_is_ready (data);
}

static gboolean
chart_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && jx_funnel_chart_get_layout (data) != NULL;
}

/* A demo database (scale 1) made once per run, copied for each test that changes it. */
static char *
demo_copy (const char *name)
{
  static char *demo = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  char *path = g_build_filename (tmp_dir, name, NULL);

  if (demo == NULL)
    {
      g_autoptr(JxStore) store = jx_test_open_new (tmp_dir, "demo-master.db", 0, 1);

      jx_test_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)");
      demo = g_build_filename (tmp_dir, "demo-master.db", NULL);
    }
  g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A window on a copy of the demo database with the funnel shown and loaded. */
static JxFunnelView *
open_funnel (JxWindow   **window_out,
             const char  *name)
{
  g_autofree char *path = demo_copy (name);
  JxWindow *window = jx_ui_test_new_window (app, path, 1280, 900);
  JxFunnelView *view;

  jx_window_show_view (window, "funnel");
  view = JX_FUNNEL_VIEW (jx_window_get_view (window, "funnel"));
  jx_ui_test_wait_until (view_ready, view);
  jx_ui_test_wait_until (chart_allocated, jx_funnel_view_get_chart (view));
  *window_out = window;
  return view;
}

static void
today (GDate *date)
{
  jx_test_date (date, "2026-11-27");
}

static void
this_quarter (JxStore      *store,
              JxDealFilter *filter)
{
  JxPeriod quarter;
  GDate day;

  today (&day);
  jx_deal_filter_init (filter);
  jx_period_fiscal_quarter (&day, jx_store_get_setting_int (store, "fiscal_year_start_month", 1),
                            &quarter);
  filter->from = quarter.from;
  filter->to = quarter.to;
}

static JxFunnelReport *
compute (JxStore            *store,
         const JxDealFilter *filter)
{
  g_autoptr(GError) error = NULL;
  JxFunnelReport *report;
  GDate day;

  today (&day);
  report = jx_funnel_compute (store, filter, &day, &error);
  g_assert_no_error (error);
  return report;
}

static GArray *
deal_ids (JxStore            *store,
          const JxDealFilter *filter,
          JxFunnelSet         set,
          gint64              stage_id)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  GDate day;

  today (&day);
  ids = jx_funnel_deal_ids (store, filter, &day, set, stage_id, &error);
  g_assert_no_error (error);
  return ids;
}

/* The list beside the chart shows exactly @expected, in order. */
static void
assert_listed (JxFunnelView *view,
               GArray       *expected)
{
  GArray *shown = jx_funnel_view_get_band_deal_ids (view);
  GListModel *list = jx_funnel_view_get_deal_list (view, FALSE);

  g_assert_nonnull (shown);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (shown->len, ==, expected->len);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_assert_cmpint (g_array_index (shown, gint64, i), ==, g_array_index (expected, gint64, i));
      g_assert_cmpint (jx_deal_list_get_id (JX_DEAL_LIST (list), i), ==,
                       g_array_index (expected, gint64, i));
    }
  {
    g_autoptr(JxDeal) first = g_list_model_get_item (list, 0);

    g_assert_cmpint (jx_deal_get_id (first), ==, g_array_index (expected, gint64, 0));
  }
}

/* The deal list of @type after @skip others, depth first (not the drop-downs' lists). */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint     *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          gtk_widget_has_css_class (child, "funnel-deal-list"))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
          continue;
        }
      found = find_descendant (child, type, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (w);
    }
  return n;
}

/* Activating the first row of a deal list opens a deal (win.open-deal) in a new window. */
static void
assert_row_opens_deal (JxFunnelView *view,
                       guint         list)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, &list);
  guint before = n_visible_toplevels ();
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", 0);
  jx_ui_test_iterate ();
  g_assert_cmpuint (n_visible_toplevels (), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) != NULL)
        {
          gtk_window_destroy (GTK_WINDOW (w));
          break;
        }
    }
  jx_ui_test_iterate ();
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  return NULL;
}

/* A click on a band, sent through the chart's click gesture at the painter's coordinates,
 * lists the deals of that band; the arrow keys and the won outcome do the same. */
static void
test_band_click (void)
{
  JxWindow *window;
  JxFunnelView *view = open_funnel (&window, "click.db");
  JxFunnelChart *chart = jx_funnel_view_get_chart (view);
  JxFunnelLayout *layout = jx_funnel_chart_get_layout (chart);
  const JxFunnelReport *report = jx_funnel_view_get_report (view);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  GtkEventController *click = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK);
  JxStore *store = jx_ui_test_window_store (window);
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GArray) next = NULL;
  g_autoptr(GArray) won = NULL;
  JxDealFilter filter;
  double cx, top, bottom, top_w, bottom_w;
  cairo_rectangle_t rect;

  g_assert_nonnull (click);
  g_assert_null (jx_funnel_view_get_band_deal_ids (view));
  jx_funnel_view_get_filter (view, &filter);
  g_assert_cmpuint (jx_funnel_layout_get_n_bands (layout), ==, report->n_stages);

  /* The second band, clicked in its middle. */
  g_assert_true (jx_funnel_layout_get_band_shape (layout, 1, &cx, &top, &bottom, &top_w,
                                                  &bottom_w));
  g_signal_emit_by_name (click, "released", 1, cx, (top + bottom) / 2);
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_funnel_chart_get_selected (chart), ==, 1);
  reached = deal_ids (store, &filter, JX_FUNNEL_SET_REACHED, report->stages[1].stage_id);
  g_assert_cmpuint (reached->len, ==, report->stages[1].reached);
  assert_listed (view, reached);

  /* The list beside the chart does not squeeze it. */
  jx_ui_test_run_for (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), ==, width);

  /* Down arrow: the next band. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", 1));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_funnel_chart_get_selected (chart), ==, 2);
  next = deal_ids (store, &filter, JX_FUNNEL_SET_REACHED, report->stages[2].stage_id);
  assert_listed (view, next);

  /* The won outcome at the bottom. */
  layout = jx_funnel_chart_get_layout (chart);
  g_assert_true (jx_funnel_layout_get_outcome_rect (layout, JX_FUNNEL_HIT_WON, &rect));
  g_signal_emit_by_name (click, "released", 1, rect.x + rect.width / 2, rect.y + rect.height / 2);
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_funnel_chart_get_selected (chart), ==, JX_FUNNEL_HIT_WON);
  won = deal_ids (store, &filter, JX_FUNNEL_SET_WON, 0);
  g_assert_cmpuint (won->len, ==, report->won_count);
  assert_listed (view, won);

  /* A row of the list, and of the stalled deals, opens its deal. */
  assert_row_opens_deal (view, 0);
  assert_row_opens_deal (view, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jx_funnel_view_get_deal_list (view, TRUE)), ==,
                    report->stages[0].stalled + report->stages[1].stalled +
                    report->stages[2].stalled + report->stages[3].stalled +
                    report->stages[4].stalled);

  /* A click beside the funnel, on nothing, changes nothing. */
  g_signal_emit_by_name (click, "released", 1, 1.0, 1.0);
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_funnel_chart_get_selected (chart), ==, JX_FUNNEL_HIT_WON);

  /* The tooltip at the band is the painter's. */
  layout = jx_funnel_chart_get_layout (chart);
  {
    g_autofree char *tip = jx_funnel_layout_get_tooltip (layout, 1);

    g_assert_nonnull (strstr (tip, report->stages[1].name));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
select_and_wait (JxFunnelView *view,
                 const char   *dropdown,
                 guint         position)
{
  gtk_drop_down_set_selected (jx_funnel_view_get_dropdown (view, dropdown), position);
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
}

/* What the view shows for @filter is what jx_funnel_compute() says. */
static void
assert_shows (JxFunnelView       *view,
              JxStore            *store,
              const JxDealFilter *filter)
{
  g_autoptr(JxFunnelReport) expected = compute (store, filter);
  const JxFunnelReport *shown = jx_funnel_view_get_report (view);
  g_autofree char *win_rate = jx_percent_format (expected->win_rate, 1);
  g_autofree char *weighted = jx_money_format_compact (expected->weighted_pipeline, "CNY");
  JxDealFilter used;

  jx_funnel_view_get_filter (view, &used);
  g_assert_cmpint (g_date_valid (&used.from), ==, g_date_valid (&filter->from));
  if (g_date_valid (&filter->from))
    g_assert_cmpint (g_date_compare (&used.from, &filter->from), ==, 0);
  if (g_date_valid (&filter->to))
    g_assert_cmpint (g_date_compare (&used.to, &filter->to), ==, 0);
  g_assert_cmpint (used.region_id, ==, filter->region_id);
  g_assert_cmpint (used.owner_id, ==, filter->owner_id);
  g_assert_cmpint (used.product_line_id, ==, filter->product_line_id);
  g_assert_cmpstr (used.tier, ==, filter->tier);

  g_assert_cmpint (shown->won_count, ==, expected->won_count);
  g_assert_cmpint (shown->lost_count, ==, expected->lost_count);
  g_assert_cmpint (shown->open_count, ==, expected->open_count);
  g_assert_cmpint (shown->weighted_pipeline, ==, expected->weighted_pipeline);
  g_assert_cmpuint (shown->n_stages, ==, expected->n_stages);
  g_assert_cmpstr (jx_funnel_view_get_card_value (view, "win-rate"), ==, win_rate);
  g_assert_cmpstr (jx_funnel_view_get_card_value (view, "weighted"), ==, weighted);
  for (guint i = 0; i < expected->n_stages; i++)
    {
      g_autofree char *count = jx_number_format (expected->stages[i].count);
      g_autofree char *reached = jx_number_format (expected->stages[i].reached);
      g_autofree char *stalled = jx_number_format (expected->stages[i].stalled);

      g_assert_cmpstr (jx_funnel_view_get_table_text (view, 0, i + 1), ==,
                       expected->stages[i].name);
      g_assert_cmpstr (jx_funnel_view_get_table_text (view, 2, i + 1), ==, count);
      g_assert_cmpstr (jx_funnel_view_get_table_text (view, 4, i + 1), ==, reached);
      g_assert_cmpstr (jx_funnel_view_get_table_text (view, 8, i + 1), ==, stalled);
    }
}

static gint64
named_id (JxStore    *store,
          JxTables    table,
          guint       position)
{
  g_autoptr(JxNameList) names = jx_name_list_new (store, table);
  g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (names), position);

  return jx_named_item_get_id (item);
}

/* Each filter control changes the figures to those of jx_funnel_compute() for the same
 * filter; quarters follow the fiscal year's start month. */
static void
test_filters (void)
{
  JxWindow *window;
  JxFunnelView *view = open_funnel (&window, "filters.db");
  JxStore *store = jx_ui_test_window_store (window);
  g_autoptr(JxFunnelReport) all = NULL;
  JxDealFilter filter;
  GtkEntry *from, *to;
  GDate day;

  this_quarter (store, &filter);
  assert_shows (view, store, &filter);
  all = compute (store, &filter);

  /* Region: the first one by name. */
  select_and_wait (view, "region", 1);
  filter.region_id = named_id (store, JX_TABLE_REGIONS, 0);
  assert_shows (view, store, &filter);
  g_assert_cmpint (jx_funnel_view_get_report (view)->open_count, <, all->open_count);

  /* Rep and product line on top. */
  select_and_wait (view, "region", 0);
  filter.region_id = 0;
  select_and_wait (view, "rep", 2);
  filter.owner_id = named_id (store, JX_TABLE_TEAM_MEMBERS, 1);
  assert_shows (view, store, &filter);
  select_and_wait (view, "line", 1);
  filter.product_line_id = named_id (store, JX_TABLE_PRODUCT_LINES, 0);
  assert_shows (view, store, &filter);
  select_and_wait (view, "rep", 0);
  select_and_wait (view, "line", 0);
  filter.owner_id = filter.product_line_id = 0;

  /* Tier: Key is the first tier. */
  select_and_wait (view, "tier", 1);
  g_assert_true (jx_deal_filter_set_tier (&filter, "key", NULL));
  assert_shows (view, store, &filter);
  g_assert_cmpint (jx_funnel_view_get_report (view)->open_count, <, all->open_count);
  select_and_wait (view, "tier", 0);
  filter.tier[0] = '\0';

  /* Last 12 months: 2025-11-28 to 2026-11-27. */
  select_and_wait (view, "period", 3);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2025-11-28", "2026-11-27", NULL));
  assert_shows (view, store, &filter);
  g_assert_cmpint (jx_funnel_view_get_report (view)->won_count, >, all->won_count);

  /* Last quarter. */
  select_and_wait (view, "period", 1);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-07-01", "2026-09-30", NULL));
  assert_shows (view, store, &filter);

  /* Custom: the fields start from the period shown; a date that is not one is marked and
   * keeps the figures. */
  select_and_wait (view, "period", 4);
  jx_funnel_view_get_date_entries (view, &from, &to);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2026-07-01");
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-01-01");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-06-30");
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-01-01", "2026-06-30", NULL));
  assert_shows (view, store, &filter);
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-13-01");
  jx_ui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  assert_shows (view, store, &filter);
  gtk_editable_set_text (GTK_EDITABLE (to), "");
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_date_clear (&filter.to, 1);
  assert_shows (view, store, &filter);

  /* This quarter with a fiscal year that starts in February: November to January. */
  select_and_wait (view, "period", 0);
  g_assert_true (jx_store_set_setting (store, "fiscal_year_start_month", "2", NULL));
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
  jx_funnel_view_get_filter (view, &filter);
  jx_test_date (&day, "2026-11-01");
  g_assert_cmpint (g_date_compare (&filter.from, &day), ==, 0);
  jx_test_date (&day, "2027-01-31");
  g_assert_cmpint (g_date_compare (&filter.to, &day), ==, 0);
  assert_shows (view, store, &filter);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening another database keeps a region that has the same name there and drops one
 * that does not exist. */
static void
test_database_switch (void)
{
  JxWindow *window;
  JxFunnelView *view = open_funnel (&window, "switch-a.db");
  g_autofree char *other = demo_copy ("switch-b.db");
  g_autofree char *empty = g_build_filename (tmp_dir, "switch-empty.db", NULL);
  g_autofree char *region = NULL;
  GtkDropDown *regions = jx_funnel_view_get_dropdown (view, "region");
  JxDealFilter filter;

  gint64 id_in_a;

  select_and_wait (view, "region", 2);
  region = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (regions)));
  jx_funnel_view_get_filter (view, &filter);
  id_in_a = filter.region_id;
  g_assert_cmpint (id_in_a, >, 0);

  /* In the other database that name belongs to another region: swap two regions' names. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JxStore) b = jx_store_open (other, JX_STORE_OPEN_DEFAULT, &error);
    g_autoptr(JxNameList) names = jx_name_list_new (jx_ui_test_window_store (window),
                                                    JX_TABLE_REGIONS);
    g_autoptr(JxNamedItem) first = g_list_model_get_item (G_LIST_MODEL (names), 0);
    gint64 y = jx_named_item_get_id (first);
    g_autofree char *sql = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (y, !=, id_in_a);
    sql = g_strdup_printf ("UPDATE regions SET name = 'swap' WHERE id = %" G_GINT64_FORMAT ";"
                           "UPDATE regions SET name = '%s' WHERE id = %" G_GINT64_FORMAT ";"
                           "UPDATE regions SET name = '%s' WHERE id = %" G_GINT64_FORMAT ";",
                           id_in_a, region, y, jx_named_item_get_name (first), id_in_a);
    jx_test_exec (b, sql);
    g_assert_cmpint (named_id (b, JX_TABLE_REGIONS, 1), ==, y);
  }

  g_assert_true (jx_window_open_database (window, other, FALSE));
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (regions)), ==,
                   region);
  jx_funnel_view_get_filter (view, &filter);
  g_assert_cmpint (filter.region_id, !=, id_in_a);
  g_assert_cmpint (filter.region_id, ==,
                   named_id (jx_ui_test_window_store (window), JX_TABLE_REGIONS,
                             gtk_drop_down_get_selected (regions) - 1));
  assert_shows (view, jx_ui_test_window_store (window), &filter);

  g_assert_true (jx_window_open_database (window, empty, TRUE));
  jx_ui_test_iterate ();
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpuint (gtk_drop_down_get_selected (regions), ==, 0);
  jx_funnel_view_get_filter (view, &filter);
  g_assert_cmpint (filter.region_id, ==, 0);
  g_assert_cmpint (jx_funnel_view_get_report (view)->open_count, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static JxStagesEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (JX_IS_STAGES_EDITOR (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return JX_STAGES_EDITOR (w);
    }
  return NULL;
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static char *
stage_name (JxStore *store,
            gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "SELECT name FROM stages WHERE id = ?",
                                                   NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
open_stage_at (JxStore *store,
               int      position)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM stages WHERE kind = 0 "
                                          "ORDER BY position LIMIT 1 OFFSET %d", position);

  return jx_test_query_int (store, sql);
}

static void
undo_in_editor (JxStagesEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stages.undo", NULL));
  jx_ui_test_iterate ();
}

/* The stages editor: every change is in the database and the funnel at once, and undo
 * puts it back; reordering works by keyboard and by drag and drop; a stage in use is not
 * deleted and the user is told why. */
static void
test_stages_editor (void)
{
  JxWindow *window;
  JxFunnelView *view = open_funnel (&window, "stages.db");
  JxStore *store = jx_ui_test_window_store (window);
  JxStagesEditor *editor;
  gint64 first, second, third;
  g_autofree char *old_name = NULL;
  GtkWidget *field;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "funnel.edit-stages", NULL));
  jx_ui_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  first = open_stage_at (store, 0);
  second = open_stage_at (store, 1);
  third = open_stage_at (store, 2);
  old_name = stage_name (store, first);

  /* Rename through the name row. */
  field = jx_stages_editor_get_field (editor, first, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, old_name);
  gtk_editable_set_text (GTK_EDITABLE (field), "Discovery");
  g_signal_emit_by_name (field, "apply");
  jx_ui_test_iterate ();
  {
    g_autofree char *name = stage_name (store, first);

    g_assert_cmpstr (name, ==, "Discovery");
  }
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpstr (jx_funnel_view_get_report (view)->stages[0].name, ==, "Discovery");
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, _("Rename stage"));
  undo_in_editor (editor);
  {
    g_autofree char *name = stage_name (store, first);

    g_assert_cmpstr (name, ==, old_name);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, old_name);
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpstr (jx_funnel_view_get_report (view)->stages[0].name, ==, old_name);

  /* The stalled threshold: set, shown in the funnel, and back to the suggestion. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages "
                                             "WHERE stalled_days IS NOT NULL"), ==, 0);
  field = jx_stages_editor_get_field (editor, second, "stalled");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (field), "45");
  g_signal_emit_by_name (field, "activate");
  jx_ui_test_iterate ();
  {
    g_autofree char *sql = g_strdup_printf ("SELECT stalled_days FROM stages WHERE id = %"
                                            G_GINT64_FORMAT, second);

    g_assert_cmpint (jx_test_query_int (store, sql), ==, 45);
  }
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpint (jx_funnel_view_get_report (view)->stages[1].stalled_threshold, ==, 45);
  g_assert_false (jx_funnel_view_get_report (view)->stages[1].threshold_suggested);
  undo_in_editor (editor);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages "
                                             "WHERE stalled_days IS NOT NULL"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "");

  /* Alt+Down's action moves the first stage down; undo puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stages.move", "(xi)", first,
                                             1));
  jx_ui_test_iterate ();
  g_assert_cmpint (open_stage_at (store, 0), ==, second);
  g_assert_cmpint (open_stage_at (store, 1), ==, first);
  jx_ui_test_wait_until (view_ready, view);
  g_assert_cmpint (jx_funnel_view_get_report (view)->stages[0].stage_id, ==, second);
  undo_in_editor (editor);
  g_assert_cmpint (open_stage_at (store, 0), ==, first);
  g_assert_cmpint (open_stage_at (store, 1), ==, second);

  /* Drag the first stage by its handle and drop it on the lower half of the third. */
  {
    GtkWidget *handle = jx_stages_editor_get_field (editor, first, "handle");
    GtkWidget *target = jx_stages_editor_get_field (editor, third, "row");
    GtkEventController *source = find_controller (handle, GTK_TYPE_DRAG_SOURCE);
    GtkEventController *drop = find_controller (target, GTK_TYPE_DROP_TARGET);
    g_autoptr(GdkContentProvider) content = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    g_assert_nonnull (source);
    g_assert_nonnull (drop);
    g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_INT64);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_signal_emit_by_name (drop, "drop", &value, 10.0,
                           (double) gtk_widget_get_height (target) - 2, &accepted);
    g_assert_true (accepted);
    jx_ui_test_iterate ();
    g_assert_cmpint (open_stage_at (store, 0), ==, second);
    g_assert_cmpint (open_stage_at (store, 1), ==, third);
    g_assert_cmpint (open_stage_at (store, 2), ==, first);
    undo_in_editor (editor);
    g_assert_cmpint (open_stage_at (store, 0), ==, first);
    g_assert_cmpint (open_stage_at (store, 2), ==, third);
  }

  /* A stage deals went through is not deleted; the dialog says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stages.delete", "x", first));
  jx_ui_test_iterate ();
  {
    GtkWindow *dialog = find_message_dialog ();
    g_autofree char *name = stage_name (store, first);

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                              "cannot be deleted"));
    g_assert_cmpstr (name, ==, old_name);
    gtk_window_destroy (dialog);
  }

  /* Add a stage, delete it (unused), undo both. */
  {
    gint64 n_open = jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0");
    gint64 added;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stages.add", NULL));
    jx_ui_test_iterate ();
    g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0"), ==,
                     n_open + 1);
    added = open_stage_at (store, n_open);
    {
      g_autofree char *name = stage_name (store, added);

      g_assert_cmpstr (name, ==, _("New Stage"));
    }
    g_assert_nonnull (jx_stages_editor_get_field (editor, added, "row"));
    jx_ui_test_wait_until (view_ready, view);
    g_assert_cmpuint (jx_funnel_view_get_report (view)->n_stages, ==, n_open + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stages.delete", "x", added));
    jx_ui_test_iterate ();
    g_assert_null (find_message_dialog ());
    g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0"), ==,
                     n_open);
    g_assert_null (jx_stages_editor_get_field (editor, added, "row"));
    undo_in_editor (editor);
    g_assert_nonnull (jx_stages_editor_get_field (editor, added, "row"));
    undo_in_editor (editor);
    g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0"), ==,
                     n_open);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart's pixels in the middle of the left half of band @band. */
static void
band_pixel (JxFunnelChart *chart,
            guint          band,
            guint8         rgb[3],
            guint8         corner[3])
{
  JxFunnelLayout *layout = jx_funnel_chart_get_layout (chart);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (chart));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double cx, top, bottom, top_w, bottom_w;
  const guint8 *p;
  int x, y;

  g_assert_true (jx_funnel_layout_get_band_shape (layout, band, &cx, &top, &bottom, &top_w,
                                                  &bottom_w));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  x = (int) (cx - MIN (top_w, bottom_w) * 0.35);
  y = (int) ((top + bottom) / 2);
  p = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;
  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
  p = cairo_image_surface_get_data (surface) + 4 * cairo_image_surface_get_stride (surface) + 4 * 4;
  corner[0] = p[2];
  corner[1] = p[1];
  corner[2] = p[0];
  cairo_surface_destroy (surface);
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) == GPOINTER_TO_INT (data);
}

/* The chart follows the dark style: a band's pixels change, and stay blue. */
static void
test_dark (void)
{
  JxWindow *window;
  JxFunnelView *view = open_funnel (&window, "dark.db");
  JxFunnelChart *chart = jx_funnel_view_get_chart (view);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint8 light[3], dark[3], light_bg[3], dark_bg[3];

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  jx_ui_test_wait_until (style_is_dark, GINT_TO_POINTER (FALSE));
  jx_ui_test_run_for (300);
  band_pixel (chart, 0, light, light_bg);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  jx_ui_test_wait_until (style_is_dark, GINT_TO_POINTER (TRUE));
  jx_ui_test_run_for (300);
  band_pixel (chart, 0, dark, dark_bg);
  g_test_message ("band 0: light #%02x%02x%02x, dark #%02x%02x%02x", light[0], light[1], light[2],
                  dark[0], dark[1], dark[2]);
  g_assert_cmpint (light[2], >, light[0]);
  g_assert_cmpint (dark[2], >, dark[0]);
  /* The painter's dark palette is a little deeper at the top band. */
  g_assert_cmpint (ABS (light[0] - dark[0]) + ABS (light[1] - dark[1]) + ABS (light[2] - dark[2]),
                   >=, 20);

  /* The chart's background follows the card it sits in: near white, then near black. */
  g_test_message ("corner: light #%02x%02x%02x, dark #%02x%02x%02x", light_bg[0], light_bg[1],
                  light_bg[2], dark_bg[0], dark_bg[1], dark_bg[2]);
  g_assert_cmpint (light_bg[0] + light_bg[1] + light_bg[2], >, 3 * 230);
  g_assert_cmpint (dark_bg[0] + dark_bg[1] + dark_bg[2], <, 3 * 80);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestFunnel", &app, &tmp_dir))
    return g_test_run ();

  g_test_add_func ("/jx/funnel-view/band-click", test_band_click);
  g_test_add_func ("/jx/funnel-view/filters", test_filters);
  g_test_add_func ("/jx/funnel-view/database-switch", test_database_switch);
  g_test_add_func ("/jx/funnel-view/stages-editor", test_stages_editor);
  g_test_add_func ("/jx/funnel-view/dark", test_dark);
  return jx_ui_test_run (app, tmp_dir);
}
