/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-customers-view.h"
#include "jx-preferences-window.h"
#include "jx-ui-test-util.h"

/*
 * The Customers view on a small demo database: drag and drop on the tier board through the
 * drag source's "prepare" and the drop target's "drop" signals, "Move to Tier" on a
 * selection, applying chosen suggestions, the list's search, filter and sort against SQL,
 * the customer page's notes and the tier thresholds in Preferences. Every move is checked in
 * customers and tier_history, and undone.
 */

static GtkApplication *app;
static char *tmp_dir;
static char *db_path;

static gboolean
view_ready (gpointer data)
{
  return jx_customers_view_get_base (data) != NULL;
}

static gint64
query_int (JxStore    *store,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (JxStore    *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The ids a query returns, in order. */
static GArray *
query_ids (JxStore    *store,
           const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static char *
tier_of (JxStore *store,
         gint64   id)
{
  return query_text (store, "SELECT coalesce(tier, 'none') FROM customers WHERE id = ?", id);
}

static gint64
history_count (JxStore    *store,
               gint64      id,
               const char *to_tier)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tier_history WHERE customer_id = ? "
                                          "AND changed_on = '2026-11-27' AND source = 'manual' "
                                          "AND coalesce(to_tier, 'none') = '%s'", to_tier);

  return query_int (store, sql, id);
}

typedef struct {
  JxWindow        *window;
  JxCustomersView *view;
  JxStore         *store;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *section)
{
  f->window = jx_ui_test_new_window (app, db_path, 1200, 800);
  f->store = jx_ui_test_window_store (f->window);
  jx_window_show_view (f->window, "customers");
  f->view = JX_CUSTOMERS_VIEW (jx_window_get_view (f->window, "customers"));
  jx_ui_test_wait_until (view_ready, f->view);
  g_assert_cmpstr (jx_customers_view_get_state (f->view), ==, "content");
  jx_customers_view_show_section (f->view, section);
  jx_ui_test_iterate ();
}

static void
fixture_close (Fixture *f)
{
  jx_ui_test_close_window (f->window);
}

typedef struct {
  JxTierColumn *column;
  gint64        id;
} CardWait;

static gboolean
card_shown (gpointer data)
{
  CardWait *w = data;
  JxTierCard *card = jx_tier_column_find_card (w->column, w->id);

  return card != NULL && gtk_widget_get_width (GTK_WIDGET (card)) > 0;
}

static JxTierCard *
wait_for_card (JxTierColumn *column,
               gint64        id)
{
  CardWait w = { column, id };

  jx_ui_test_wait_until (card_shown, &w);
  return jx_tier_column_find_card (column, id);
}

static GtkDragSource *
card_drag_source (JxTierCard *card)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  g_assert_not_reached ();
}

/* Drags @card (and what it carries) onto @target as GTK would: "prepare", then "drop". */
static guint
drag_card (JxTierCard   *card,
           JxTierColumn *target)
{
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GArray *ids;
  gboolean dropped = FALSE;
  guint n;

  g_signal_emit_by_name (card_drag_source (card), "prepare", 12.0, 12.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_ARRAY);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  ids = g_value_get_boxed (&value);
  g_assert_nonnull (ids);
  n = ids->len;
  g_signal_emit_by_name (jx_tier_column_get_drop_target (target), "drop", &value, 30.0, 60.0,
                         &dropped);
  g_assert_true (dropped);
  jx_ui_test_iterate ();
  return n;
}

static char *
count_text (JxStore    *store,
            const char *tier)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE "
                                          "coalesce(tier, 'none') = '%s'", tier);

  return jx_number_format (query_int (store, sql, 0));
}

static void
test_drag_and_drop (void)
{
  Fixture f;
  JxTierBoard *board;
  JxTierColumn *growth, *key, *defend, *none;
  JxTierCard *card;
  gint64 id, n_history;
  g_autofree char *key_count = NULL;

  fixture_open (&f, "board");
  board = jx_customers_view_get_board (f.view);
  growth = jx_tier_board_get_column (board, JX_TIER_GROWTH);
  key = jx_tier_board_get_column (board, JX_TIER_KEY);

  /* The headers count what the database holds. */
  key_count = count_text (f.store, "key");
  g_assert_cmpstr (jx_tier_column_get_count_text (key), ==, key_count);

  /* One card from Growth to Key. */
  id = jx_customer_list_get_customer_id (jx_tier_column_get_list (growth), 0);
  card = wait_for_card (growth, id);
  n_history = query_int (f.store, "SELECT count(*) FROM tier_history", 0);
  g_assert_cmpuint (drag_card (card, key), ==, 1);
  {
    g_autofree char *tier = tier_of (f.store, id);
    g_autofree char *growth_count = count_text (f.store, "growth");
    g_autofree char *key_after = count_text (f.store, "key");

    g_assert_cmpstr (tier, ==, "key");
    g_assert_cmpint (query_int (f.store, "SELECT tier_manual FROM customers WHERE id = ?", id), ==, 1);
    g_assert_cmpint (history_count (f.store, id, "key"), ==, 1);
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history WHERE customer_id = ? "
                                "AND from_tier = 'growth'", id), ==, 1);
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, n_history + 1);
    g_assert_true (jx_customer_list_find (jx_tier_column_get_list (key), id, NULL));
    g_assert_false (jx_customer_list_find (jx_tier_column_get_list (growth), id, NULL));
    g_assert_cmpstr (jx_tier_column_get_count_text (key), ==, key_after);
    g_assert_cmpstr (jx_tier_column_get_count_text (growth), ==, growth_count);
    g_assert_cmpstr (jx_store_get_undo_label (f.store), !=, NULL);
  }
  g_test_message ("drop committed and shown in %.2f ms", jx_tier_board_get_last_move_ms (board));

  /* The card in its new column shows the customer; its tooltip names it, and says why a
   * customer is at risk. */
  {
    JxTierColumn *defend_column = jx_tier_board_get_column (board, JX_TIER_DEFEND);
    JxCustomerList *defend_list = jx_tier_column_get_list (defend_column);
    g_autofree char *name = NULL;
    g_autofree char *tooltip = NULL;
    gint64 at_risk = 0;

    card = wait_for_card (key, id);
    name = query_text (f.store, "SELECT name FROM customers WHERE id = ?", id);
    g_assert_cmpstr (jx_tier_card_get_name_text (card), ==, name);
    tooltip = jx_tier_card_dup_tooltip_text (card);
    g_assert_true (g_str_has_prefix (tooltip, name));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (defend_list)) && i < 50; i++)
      {
        g_autoptr(JxCustomer) customer = g_list_model_get_item (G_LIST_MODEL (defend_list), i);

        if (jx_customer_get_at_risk (customer))
          {
            at_risk = jx_customer_get_id (customer);
            break;
          }
      }
    g_assert_cmpint (at_risk, >, 0);
    g_clear_pointer (&tooltip, g_free);
    tooltip = jx_tier_card_dup_tooltip_text (wait_for_card (defend_column, at_risk));
    g_assert_nonnull (strstr (tooltip, "At risk: "));
  }

  /* Undo puts it back, history and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  {
    g_autofree char *tier = tier_of (f.store, id);

    g_assert_cmpstr (tier, ==, "growth");
    g_assert_cmpint (history_count (f.store, id, "key"), ==, 0);
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, n_history);
    g_assert_true (jx_customer_list_find (jx_tier_column_get_list (growth), id, NULL));
    g_assert_false (jx_customer_list_find (jx_tier_column_get_list (key), id, NULL));
    g_assert_cmpstr (jx_tier_column_get_count_text (key), ==, key_count);
  }

  /* A card of a selection carries the whole selection: two Defend cards to Unassigned. */
  defend = jx_tier_board_get_column (board, JX_TIER_DEFEND);
  none = jx_tier_board_get_column (board, JX_TIER_NONE);
  {
    gint64 first = jx_customer_list_get_customer_id (jx_tier_column_get_list (defend), 0);
    gint64 second = jx_customer_list_get_customer_id (jx_tier_column_get_list (defend), 1);
    gint64 third = jx_customer_list_get_customer_id (jx_tier_column_get_list (defend), 2);
    g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

    gtk_selection_model_select_range (jx_tier_column_get_selection (defend), 0, 2, TRUE);
    card = wait_for_card (defend, second);
    g_assert_cmpuint (drag_card (card, none), ==, 2);
    t1 = tier_of (f.store, first);
    t2 = tier_of (f.store, second);
    t3 = tier_of (f.store, third);
    g_assert_cmpstr (t1, ==, "none");
    g_assert_cmpstr (t2, ==, "none");
    g_assert_cmpstr (t3, ==, "defend");
    g_assert_cmpint (history_count (f.store, first, "none"), ==, 1);
    g_assert_cmpint (history_count (f.store, second, "none"), ==, 1);
    /* The moved cards are selected in their new column. */
    {
      g_autoptr(GArray) selected = jx_tier_column_dup_selected_ids (none);
      g_assert_cmpuint (selected->len, ==, 2);
    }
    /* One undo step for both. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
    jx_ui_test_iterate ();
    g_free (t1);
    g_free (t2);
    t1 = tier_of (f.store, first);
    t2 = tier_of (f.store, second);
    g_assert_cmpstr (t1, ==, "defend");
    g_assert_cmpstr (t2, ==, "defend");
  }

  /* A drop on the column the cards came from changes nothing. */
  {
    gint64 steps = query_int (f.store, "SELECT count(*) FROM tier_history", 0);
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    gboolean dropped = TRUE;

    id = jx_customer_list_get_customer_id (jx_tier_column_get_list (key), 0);
    g_array_append_val (ids, id);
    g_value_init (&value, G_TYPE_ARRAY);
    g_value_set_boxed (&value, ids);
    g_signal_emit_by_name (jx_tier_column_get_drop_target (key), "drop", &value, 5.0, 5.0,
                           &dropped);
    g_assert_false (dropped);
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, steps);
  }
  fixture_close (&f);
}

/* "Move to Tier" (Ctrl+1 … Ctrl+5 and the menus) moves the selected cards of a column. */
static void
test_move_to_tier (void)
{
  Fixture f;
  JxTierBoard *board;
  JxTierColumn *maintain;
  gint64 ids[3];
  gint64 n_history;

  fixture_open (&f, "board");
  board = jx_customers_view_get_board (f.view);
  maintain = jx_tier_board_get_column (board, JX_TIER_MAINTAIN);

  /* Nothing selected: nothing moves. */
  n_history = query_int (f.store, "SELECT count(*) FROM tier_history", 0);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", "i", (gint32) JX_TIER_KEY);
  g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, n_history);
  for (guint i = 0; i < 3; i++)
    ids[i] = jx_customer_list_get_customer_id (jx_tier_column_get_list (maintain), i * 2);
  gtk_selection_model_select_item (jx_tier_column_get_selection (maintain), 0, TRUE);
  gtk_selection_model_select_item (jx_tier_column_get_selection (maintain), 2, FALSE);
  gtk_selection_model_select_item (jx_tier_column_get_selection (maintain), 4, FALSE);
  jx_ui_test_iterate ();
  g_assert_true (jx_tier_board_get_active_column (board) == maintain);

  n_history = query_int (f.store, "SELECT count(*) FROM tier_history", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", "i",
                                             (gint32) JX_TIER_KEY));
  jx_ui_test_iterate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *tier = tier_of (f.store, ids[i]);

      g_assert_cmpstr (tier, ==, "key");
      g_assert_cmpint (history_count (f.store, ids[i], "key"), ==, 1);
    }
  g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, n_history + 3);
  g_assert_true (jx_tier_board_get_active_column (board) ==
                 jx_tier_board_get_column (board, JX_TIER_KEY));

  /* The same three, now selected in Key, to Unassigned, then both moves undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", "i",
                                             (gint32) JX_TIER_NONE));
  jx_ui_test_iterate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *tier = tier_of (f.store, ids[i]);
      g_assert_cmpstr (tier, ==, "none");
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *tier = tier_of (f.store, ids[i]);
      g_assert_cmpstr (tier, ==, "maintain");
    }
  g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history", 0), ==, n_history);
  fixture_close (&f);
}

/* Applying the ticked suggestions moves exactly those customers, as one step. */
static void
test_apply_selected_suggestions (void)
{
  Fixture f;
  JxTierSuggestionsPage *page;
  JxTierSuggestions *suggestions;
  const JxTierProposal *picked[2];
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  guint changed = 0;

  fixture_open (&f, "suggestions");
  page = jx_customers_view_get_suggestions_page (f.view);
  suggestions = jx_tier_suggestions_page_get_suggestions (page);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (jx_tier_suggestions_get_n_proposals (suggestions), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (gtk_column_view_get_model (
                        jx_tier_suggestions_page_get_column_view (page)))), ==,
                    jx_tier_suggestions_get_n_proposals (suggestions));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "suggestions.select-none", NULL));
  g_assert_cmpuint (jx_tier_suggestions_get_n_selected (suggestions), ==, 0);
  jx_tier_suggestions_set_selected (suggestions, 0, TRUE);
  jx_tier_suggestions_set_selected (suggestions, 2, TRUE);
  picked[0] = jx_tier_suggestions_get_proposal (suggestions, 0);
  picked[1] = jx_tier_suggestions_get_proposal (suggestions, 2);
  {
    gint64 ids[2] = { picked[0]->customer_id, picked[1]->customer_id };
    JxTier to[2] = { picked[0]->to, picked[1]->to };

    before = query_ids (f.store, "SELECT id * 8 + CASE coalesce(tier, 'none') WHEN 'none' THEN 0 "
                        "WHEN 'key' THEN 1 WHEN 'growth' THEN 2 WHEN 'maintain' THEN 3 ELSE 4 END "
                        "FROM customers ORDER BY id");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "suggestions.apply-selected",
                                               NULL));
    jx_ui_test_iterate ();
    after = query_ids (f.store, "SELECT id * 8 + CASE coalesce(tier, 'none') WHEN 'none' THEN 0 "
                       "WHEN 'key' THEN 1 WHEN 'growth' THEN 2 WHEN 'maintain' THEN 3 ELSE 4 END "
                       "FROM customers ORDER BY id");
    g_assert_cmpuint (before->len, ==, after->len);
    for (guint i = 0; i < before->len; i++)
      if (g_array_index (before, gint64, i) != g_array_index (after, gint64, i))
        {
          gint64 id = g_array_index (after, gint64, i) / 8;

          g_assert_true (id == ids[0] || id == ids[1]);
          changed++;
        }
    g_assert_cmpuint (changed, ==, 2);
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *tier = tier_of (f.store, ids[k]);

        g_assert_cmpstr (tier, ==, jx_tier_to_string (to[k]));
        g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history WHERE customer_id = ? "
                                    "AND source = 'suggestion'", ids[k]), ==, 1);
      }
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history WHERE source = "
                                "'suggestion'", 0), ==, 2);

    /* The page shows what is left: two proposals fewer. */
    g_assert_true (jx_tier_suggestions_page_get_suggestions (page) != NULL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
    jx_ui_test_iterate ();
    g_assert_cmpint (query_int (f.store, "SELECT count(*) FROM tier_history WHERE source = "
                                "'suggestion'", 0), ==, 0);
  }

  /* The Pareto chart answers the pointer. */
  {
    JxParetoView *pareto = jx_tier_suggestions_page_get_pareto_view (page);
    int width = gtk_widget_get_width (GTK_WIDGET (pareto));
    int height = gtk_widget_get_height (GTK_WIDGET (pareto));
    g_autofree char *text = NULL;

    g_assert_cmpint (width, >, 300);
    for (int y = height / 3; y < height * 2 / 3 && text == NULL; y += 5)
      text = jx_pareto_view_describe_at (pareto, width * 0.3, y);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "class"));
    g_assert_null (jx_pareto_view_describe_at (pareto, 2, 2));
  }
  fixture_close (&f);
}

/* The list searches, filters and sorts like SQL says. */
static void
test_list (void)
{
  Fixture f;
  JxCustomerListPage *page;
  JxCustomerList *list;
  JxCustomerSort key;
  gboolean descending;
  g_autoptr(GArray) expected = NULL;

  fixture_open (&f, "list");
  page = jx_customers_view_get_list_page (f.view);
  list = jx_customer_list_page_get_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    query_int (f.store, "SELECT count(*) FROM customers", 0));
  g_assert_true (gtk_column_view_get_model (jx_customer_list_page_get_column_view (page)) != NULL);

  /* Search, by name order. */
  jx_customer_list_page_set_search (page, "ATLAS");
  expected = query_ids (f.store, "SELECT id FROM customers WHERE name LIKE '%atlas%' ORDER BY name");
  g_assert_cmpuint (expected->len, >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (jx_customer_list_get_customer_id (list, i), ==,
                     g_array_index (expected, gint64, i));
  {
    g_autofree char *count = jx_number_format (expected->len);
    g_assert_nonnull (strstr (jx_customer_list_page_get_summary (page), count));
  }
  g_clear_pointer (&expected, g_array_unref);

  /* A header click sorts through the model: revenue of the last 12 months, largest first. */
  jx_customer_list_page_set_search (page, "");
  g_assert_true (jx_customer_list_page_sort_by (page, "revenue", TRUE));
  key = jx_customer_list_get_sort (list, &descending);
  g_assert_cmpint (key, ==, JX_CUSTOMER_SORT_REVENUE);
  g_assert_true (descending);
  expected = query_ids (f.store,
                        "SELECT c.id FROM customers c LEFT JOIN deals d ON d.customer_id = c.id "
                        "AND d.status = 1 AND d.closed > '2025-11-27' AND d.closed <= '2026-11-27' "
                        "GROUP BY c.id ORDER BY coalesce(sum(d.amount), 0) DESC, c.name LIMIT 10");
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (jx_customer_list_get_customer_id (list, i), ==,
                     g_array_index (expected, gint64, i));
  g_clear_pointer (&expected, g_array_unref);

  /* And ascending by owner: customers without an owner last, ties by name. */
  g_assert_true (jx_customer_list_page_sort_by (page, "owner", FALSE));
  key = jx_customer_list_get_sort (list, &descending);
  g_assert_cmpint (key, ==, JX_CUSTOMER_SORT_OWNER);
  g_assert_false (descending);
  expected = query_ids (f.store, "SELECT c.id FROM customers c LEFT JOIN team_members m "
                        "ON m.id = c.owner_id ORDER BY m.name IS NULL, m.name, m.id, c.name "
                        "LIMIT 10");
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (jx_customer_list_get_customer_id (list, i), ==,
                     g_array_index (expected, gint64, i));

  /* The tier filter. */
  {
    GtkDropDown *tiers = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                       JX_TYPE_CUSTOMER_LIST_PAGE,
                                                                       "tier_dropdown"));

    gtk_drop_down_set_selected (tiers, 1);      /* Key */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                      query_int (f.store, "SELECT count(*) FROM customers WHERE tier = 'key'", 0));
    gtk_drop_down_set_selected (tiers, 0);
  }

  /* Activating a row opens the customer. */
  g_signal_emit_by_name (jx_customer_list_page_get_column_view (page), "activate", 0);
  jx_ui_test_iterate ();
  g_assert_cmpstr (jx_customers_view_get_section (f.view), ==, "customer");
  g_assert_cmpint (jx_customer_page_get_customer_id (jx_customers_view_get_customer_page (f.view)),
                   ==, jx_customer_list_get_customer_id (list, 0));
  fixture_close (&f);
}

/* The customer page shows the customer and saves its notes as one undoable step. */
static void
test_customer_page (void)
{
  Fixture f;
  JxCustomerPage *page;
  GtkWidget *before;
  gint64 id;
  g_autofree char *name = NULL;
  g_autofree char *old_notes = NULL;

  fixture_open (&f, "list");
  id = query_int (f.store, "SELECT customer_id FROM deals GROUP BY customer_id "
                  "ORDER BY count(*) DESC, customer_id LIMIT 1", 0);
  name = query_text (f.store, "SELECT name FROM customers WHERE id = ?", id);
  old_notes = query_text (f.store, "SELECT coalesce(notes, '') FROM customers WHERE id = ?", id);
  /* The keyboard is in the list when the customer opens. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (jx_customers_view_get_list_page (f.view)),
                                         GTK_DIR_TAB_FORWARD));
  before = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_nonnull (before);
  g_assert_true (jx_customers_view_show_customer (f.view, id));
  jx_ui_test_iterate ();
  page = jx_customers_view_get_customer_page (f.view);
  /* The page takes the focus, so that Escape and Alt+Left go back without a click first. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)),
                                         GTK_WIDGET (page)));
  g_assert_cmpstr (jx_customer_page_get_name_text (page), ==, name);
  g_assert_cmpuint (jx_customer_detail_get_deals (jx_customer_page_get_detail (page))->len, ==,
                    query_int (f.store, "SELECT count(*) FROM deals WHERE customer_id = ?", id));

  gtk_text_buffer_set_text (jx_customer_page_get_notes_buffer (page), "Call before the tender.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.save-notes", NULL));
  jx_ui_test_iterate ();
  {
    g_autofree char *notes = query_text (f.store, "SELECT notes FROM customers WHERE id = ?", id);
    g_assert_cmpstr (notes, ==, "Call before the tender.");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  {
    g_autofree char *notes = query_text (f.store, "SELECT coalesce(notes, '') FROM customers "
                                         "WHERE id = ?", id);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    g_assert_cmpstr (notes, ==, old_notes);
    gtk_text_buffer_get_bounds (jx_customer_page_get_notes_buffer (page), &start, &end);
    shown = gtk_text_buffer_get_text (jx_customer_page_get_notes_buffer (page), &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, old_notes);
  }

  /* Its tier menu moves it like the board, and Back returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.move-to", "i",
                                             (gint32) JX_TIER_DEFEND));
  jx_ui_test_iterate ();
  {
    g_autofree char *tier = tier_of (f.store, id);
    g_assert_cmpstr (tier, ==, "defend");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customer.back", NULL));
  g_assert_cmpstr (jx_customers_view_get_section (f.view), ==, "list");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  fixture_close (&f);
}

static GtkSpinButton *
spin (GtkWidget  *prefs,
      const char *name)
{
  return GTK_SPIN_BUTTON (gtk_widget_get_template_child (prefs, JX_TYPE_PREFERENCES_WINDOW, name));
}

/* The thresholds in Preferences: saved as one step, kept in range, used by the customers. */
static void
test_preferences (void)
{
  Fixture f;
  GtkWidget *prefs;

  fixture_open (&f, "suggestions");
  prefs = jx_preferences_window_new (GTK_WINDOW (f.window), jx_window_get_context (f.window));
  gtk_window_present (GTK_WINDOW (prefs));
  jx_ui_test_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (prefs, "abc_a_spin")), ==, 80);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (prefs, "churn_idle_spin")), ==, 180);

  gtk_spin_button_set_value (spin (prefs, "abc_a_spin"), 70);
  gtk_spin_button_set_value (spin (prefs, "abc_b_spin"), 20);
  gtk_spin_button_set_value (spin (prefs, "churn_drop_spin"), 40);
  gtk_spin_button_set_value (spin (prefs, "churn_idle_spin"), 90);
  jx_preferences_window_save_thresholds (JX_PREFERENCES_WINDOW (prefs));
  jx_ui_test_iterate ();
  {
    g_autofree char *a = jx_store_get_setting (f.store, "abc_a_percent");
    g_autofree char *b = jx_store_get_setting (f.store, "abc_b_percent");
    g_autofree char *drop = jx_store_get_setting (f.store, "churn_drop_percent");
    g_autofree char *idle = jx_store_get_setting (f.store, "churn_idle_days");

    g_assert_cmpstr (a, ==, "70");
    g_assert_cmpstr (b, ==, "20");
    g_assert_cmpstr (drop, ==, "40");
    g_assert_cmpstr (idle, ==, "90");
  }
  g_assert_cmpstr (jx_store_get_undo_label (f.store), ==, "Change tier thresholds");
  /* The shared customers follow: the suggestions use the new cut-offs. */
  g_assert_cmpfloat (jx_customer_base_get_thresholds (jx_customers_view_get_base (f.view))->abc_a_percent,
                     ==, 70);
  g_assert_cmpint (jx_customer_base_get_thresholds (jx_customers_view_get_base (f.view))->churn_idle_days,
                   ==, 90);

  /* A + B never exceeds 100: raising A lowers B. */
  gtk_spin_button_set_value (spin (prefs, "abc_a_spin"), 95);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (prefs, "abc_b_spin")), ==, 5);
  gtk_spin_button_set_value (spin (prefs, "churn_idle_spin"), 99999);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin (prefs, "churn_idle_spin")), ==, 3650);
  jx_preferences_window_save_thresholds (JX_PREFERENCES_WINDOW (prefs));
  {
    g_autofree char *b = jx_store_get_setting (f.store, "abc_b_percent");
    g_assert_cmpstr (b, ==, "5");
  }

  /* One undo step each. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  {
    g_autofree char *a = jx_store_get_setting (f.store, "abc_a_percent");
    g_assert_cmpstr (a, ==, "70");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.Test", &app, &tmp_dir))
    return g_test_run ();
  {
    g_autoptr(JxStore) store = jx_test_open_new (tmp_dir, "customers.db", JX_STORE_OPEN_DEFAULT, 1);

    db_path = g_strdup (jx_store_get_path (store));
  }

  g_test_add_func ("/jx/customers-view/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/jx/customers-view/move-to-tier", test_move_to_tier);
  g_test_add_func ("/jx/customers-view/apply-selected-suggestions", test_apply_selected_suggestions);
  g_test_add_func ("/jx/customers-view/list", test_list);
  g_test_add_func ("/jx/customers-view/customer-page", test_customer_page);
  g_test_add_func ("/jx/customers-view/preferences", test_preferences);
  status = jx_ui_test_run (app, tmp_dir);
  g_free (db_path);
  return status;
}
