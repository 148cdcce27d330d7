/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-customer-picker.h"
#include "jx-deal-card.h"
#include "jx-deal-editor.h"
#include "jx-deals-view.h"
#include "jx-close-reason-dialog.h"
#include "jx-ui-test-util.h"

/*
 * The Deals view and the deal editor under a display: the board's drag and drop, the
 * keyboard and menu moves, mark lost with a reason, the list's search, filters and sort
 * against SQL, and the editor's save, bad input and undo. Every check reads the database.
 */

static GtkApplication *app;
static char *tmp_dir;

/* A window on a fresh scale-1 demo database, showing the Deals view in @mode. */
static JxWindow *
new_window (const char *mode)
{
  JxWindow *window = jx_ui_test_new_demo_window (app, tmp_dir, "deals", 1280, 800);

  g_assert_true (gtk_widget_activate_action (jx_window_get_view (window, "deals"), "deals.mode",
                                             "s", mode));
  jx_ui_test_iterate ();
  return window;
}

static JxDealsView *
deals_view (JxWindow *window)
{
  return JX_DEALS_VIEW (jx_window_get_view (window, "deals"));
}

static gboolean
view_loading (gpointer view)
{
  return jx_deals_view_is_loading (view);
}

/* Runs the main loop until the view's lists are loaded and drawn. */
static void
wait_loaded (JxDealsView *view)
{
  jx_ui_test_run_for (50);
  jx_ui_test_wait_while (view_loading, view);
  jx_ui_test_run_for (50);
}

/* The first widget of @type under @root, depth first, or NULL. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gint64
query_int (JxStore    *store,
           const char *sql,
           gint64      arg)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (JxStore    *store,
            const char *sql,
            gint64      arg)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (jx_column_text (stmt, 0) != NULL ? jx_column_text (stmt, 0) : "(null)");
}

/* Everything about a deal and its history, to compare before and after. */
static char *
dump_deal (JxStore *store,
           gint64   deal_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    jx_store_prepare (store, "SELECT title, coalesce(customer_id, 0), coalesce(owner_id, 0),"
                             " coalesce(product_id, 0), coalesce(amount, -1),"
                             " coalesce(expected_close, ''), notes, stage_id, stage_entered,"
                             " status, coalesce(closed, ''), coalesce(lost_at_stage_id, 0),"
                             " lost_reason, furthest_position,"
                             " (SELECT group_concat(stage_id || '@' || entered, ',')"
                             "  FROM stage_events WHERE deal_id = d.id)"
                             " FROM deals d WHERE id = ?1", NULL);
  GString *out = g_string_new (NULL);

  sqlite3_bind_int64 (stmt, 1, deal_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_string_append_printf (out, "%s|", jx_column_text (stmt, i));
  return g_string_free (out, FALSE);
}

/* The first @n ids of an SQL query. */
static GArray *
query_ids (JxStore    *store,
           const char *sql,
           guint       n)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (stmt);
  while (ids->len < n && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_first_rows (JxDealList *list,
                   JxStore    *store,
                   const char *sql,
                   const char *count_sql)
{
  g_autoptr(GArray) expected = query_ids (store, sql, 20);

  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                   jx_test_query_int (store, count_sql));
  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (jx_deal_list_get_id (list, i), ==, g_array_index (expected, gint64, i));
}

/* The card that shows the first deal of a board column, once the list view made it. */
static JxDealCard *
first_card (JxDealsView *view,
            gint64       stage_id)
{
  GtkWidget *column = jx_deals_view_get_board_column (view, stage_id);
  JxDealList *list = jx_deals_view_get_list (view, stage_id);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 first_id = jx_deal_list_get_id (list, 0);

  g_assert_nonnull (column);
  g_assert_cmpint (first_id, >, 0);
  for (;;)
    {
      g_autoptr(GPtrArray) cards = g_ptr_array_new ();

      collect_widgets (column, JX_TYPE_DEAL_CARD, cards);
      for (guint i = 0; i < cards->len; i++)
        {
          JxDeal *deal = jx_deal_card_get_deal (cards->pdata[i]);

          if (deal != NULL && jx_deal_get_id (deal) == first_id)
            return cards->pdata[i];
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      jx_ui_test_run_for (20);
    }
}

/* A card dragged to another column moves its deal there today and writes a stage event;
 * undo puts it back. */
static void
test_board_drag (void)
{
  JxWindow *window = new_window ("board");
  JxDealsView *view = deals_view (window);
  JxStore *store = jx_ui_test_window_store (window);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *before = NULL;
  JxDealCard *card;
  GtkDropTarget *target;
  gint64 deal_id, events;
  gboolean accepted = FALSE;

  wait_loaded (view);
  /* Every open stage has a column holding its deals, biggest first. */
  for (gint64 stage = 1; stage <= 5; stage++)
    {
      JxDealList *list = jx_deals_view_get_list (view, stage);

      g_assert_nonnull (list);
      g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                       query_int (store, "SELECT count(*) FROM deals WHERE status = 0 AND"
                                         " stage_id = ?1", stage));
      g_assert_cmpint (jx_deal_list_get_id (list, 0), ==,
                       query_int (store, "SELECT id FROM deals WHERE status = 0 AND stage_id = ?1"
                                         " ORDER BY amount IS NULL, amount DESC, id DESC", stage));
    }
  g_assert_null (jx_deals_view_get_board_column (view, 6));     /* won is not a column */

  card = first_card (view, 1);
  deal_id = jx_deal_get_id (jx_deal_card_get_deal (card));
  before = dump_deal (store, deal_id);
  events = jx_test_query_int (store, "SELECT count(*) FROM stage_events");

  g_signal_emit_by_name (jx_deal_card_get_drag_source (card), "prepare", 12.0, 12.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_cmpint (g_value_get_int64 (&value), ==, deal_id);

  /* Dropped on its own column: nothing happens. */
  target = drop_target_of (jx_deals_view_get_board_column (view, 1));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_assert_false (accepted);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, events);

  target = drop_target_of (jx_deals_view_get_board_column (view, 3));
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_assert_true (accepted);
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 3);
  {
    g_autofree char *entered = query_text (store, "SELECT stage_entered FROM deals WHERE id = ?1",
                                           deal_id);
    g_assert_cmpstr (entered, ==, "2026-11-27");
  }
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, events + 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE deal_id = ?1 AND"
                                     " stage_id = 3 AND entered = '2026-11-27'", deal_id), ==, 1);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Move deal");
  wait_loaded (view);
  g_assert_cmpuint (jx_deal_list_find (jx_deals_view_get_list (view, 1), deal_id), ==, G_MAXUINT);
  g_assert_cmpuint (jx_deal_list_find (jx_deals_view_get_list (view, 3), deal_id), !=, G_MAXUINT);

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *after = dump_deal (store, deal_id);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, events);
  wait_loaded (view);
  g_assert_cmpuint (jx_deal_list_find (jx_deals_view_get_list (view, 1), deal_id), ==, 0);
  g_assert_cmpuint (jx_deal_list_find (jx_deals_view_get_list (view, 3), deal_id), ==, G_MAXUINT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The card's context menu and the keyboard shortcuts' actions move a deal one stage on
 * or back and mark it won; each is one undo step. */
static void
test_board_menu_and_keys (void)
{
  JxWindow *window = new_window ("board");
  JxDealsView *view = deals_view (window);
  JxStore *store = jx_ui_test_window_store (window);
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *before = NULL;
  JxDealCard *card;
  gint64 deal_id;
  gboolean found_won = FALSE;

  wait_loaded (view);
  card = first_card (view, 2);
  deal_id = jx_deal_get_id (jx_deal_card_get_deal (card));
  before = dump_deal (store, deal_id);

  g_signal_emit_by_name (card, "menu", jx_deal_card_get_deal (card), &menu);
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target = NULL;

          if (!g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            continue;
          target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                          G_VARIANT_TYPE_INT64);
          if (g_str_equal (action, "deals.mark-won"))
            {
              g_assert_cmpint (g_variant_get_int64 (target), ==, deal_id);
              found_won = TRUE;
            }
        }
      g_clear_object (&section);
    }
  g_assert_true (found_won);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.next-stage", "x", deal_id));
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.previous-stage", "x",
                                             deal_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.previous-stage", "x",
                                             deal_id));
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE deal_id = ?1 AND"
                                     " entered = '2026-11-27'", deal_id), ==, 3);
  /* The furthest stage reached stays at Solution after moving back. */
  g_assert_cmpint (query_int (store, "SELECT furthest_position FROM deals WHERE id = ?1", deal_id),
                   >=, 3);
  /* Mark won asks why, with a reason that may be left empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.mark-won", "x", deal_id));
  jx_ui_test_iterate ();
  g_assert_cmpint (query_int (store, "SELECT status FROM deals WHERE id = ?1", deal_id), ==, 0);
  {
    GtkWindow *dialog = jx_ui_test_find_window (JX_TYPE_CLOSE_REASON_DIALOG, NULL);

    g_assert_nonnull (dialog);
    g_assert_true (jx_close_reason_dialog_is_won (JX_CLOSE_REASON_DIALOG (dialog)));
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "win"));
    gtk_editable_set_text (jx_close_reason_dialog_get_entry (JX_CLOSE_REASON_DIALOG (dialog)),
                           " Best fit for the need ");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "win");
    jx_ui_test_iterate ();
  }
  g_assert_cmpint (query_int (store, "SELECT status FROM deals WHERE id = ?1", deal_id), ==, 1);
  {
    g_autofree char *closed = query_text (store, "SELECT closed FROM deals WHERE id = ?1", deal_id);
    g_autofree char *reason = query_text (store, "SELECT won_reason FROM deals WHERE id = ?1",
                                          deal_id);
    g_assert_cmpstr (closed, ==, "2026-11-27");
    g_assert_cmpstr (reason, ==, "Best fit for the need");
  }
  /* Reopened, it goes back to the stage it was won from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.reopen", "x", deal_id));
  g_assert_cmpint (query_int (store, "SELECT status FROM deals WHERE id = ?1", deal_id), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 1);
  for (int i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *after = dump_deal (store, deal_id);
    g_assert_cmpstr (after, ==, before);
  }

  /* The shortcut's action works on the focused card. */
  wait_loaded (view);
  card = first_card (view, 2);
  deal_id = jx_deal_get_id (jx_deal_card_get_deal (card));
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.next-stage-current", NULL));
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Mark lost asks for a reason and records the stage the deal was lost at. */
static void
test_mark_lost (void)
{
  JxWindow *window = new_window ("board");
  JxDealsView *view = deals_view (window);
  JxStore *store = jx_ui_test_window_store (window);
  g_autofree char *before = NULL;
  GtkWindow *dialog;
  gint64 deal_id;

  wait_loaded (view);
  deal_id = jx_deal_list_get_id (jx_deals_view_get_list (view, 4), 0);
  before = dump_deal (store, deal_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.mark-lost", "x", deal_id));
  jx_ui_test_iterate ();
  dialog = jx_ui_test_find_window (JX_TYPE_CLOSE_REASON_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "lose"));
  gtk_editable_set_text (jx_close_reason_dialog_get_entry (JX_CLOSE_REASON_DIALOG (dialog)),
                         "  Chose a competitor ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "lose"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "lose");
  jx_ui_test_iterate ();

  g_assert_cmpint (query_int (store, "SELECT status FROM deals WHERE id = ?1", deal_id), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 7);
  g_assert_cmpint (query_int (store, "SELECT lost_at_stage_id FROM deals WHERE id = ?1", deal_id),
                   ==, 4);
  {
    g_autofree char *reason = query_text (store, "SELECT lost_reason FROM deals WHERE id = ?1",
                                          deal_id);
    g_autofree char *closed = query_text (store, "SELECT closed FROM deals WHERE id = ?1",
                                          deal_id);
    g_assert_cmpstr (reason, ==, "Chose a competitor");
    g_assert_cmpstr (closed, ==, "2026-11-27");
  }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE deal_id = ?1 AND"
                                     " stage_id = 7 AND entered = '2026-11-27'", deal_id), ==, 1);
  wait_loaded (view);
  g_assert_cmpuint (jx_deal_list_find (jx_deals_view_get_list (view, 4), deal_id), ==, G_MAXUINT);

  /* Cancel writes nothing. */
  {
    gint64 other = jx_deal_list_get_id (jx_deals_view_get_list (view, 4), 0);
    g_autofree char *other_before = dump_deal (store, other);
    g_autofree char *other_after = NULL;

    gtk_widget_activate_action (GTK_WIDGET (view), "deals.mark-lost", "x", other);
    jx_ui_test_iterate ();
    dialog = jx_ui_test_find_window (JX_TYPE_CLOSE_REASON_DIALOG, NULL);
    gtk_editable_set_text (jx_close_reason_dialog_get_entry (JX_CLOSE_REASON_DIALOG (dialog)),
                           "Timing");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    jx_ui_test_iterate ();
    other_after = dump_deal (store, other);
    g_assert_cmpstr (other_after, ==, other_before);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *after = dump_deal (store, deal_id);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkDropDown *
dropdown (JxDealsView *view,
          guint        index)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, all);
  g_assert_cmpuint (all->len, ==, 5);      /* status, stage, owner, region, product line */
  return all->pdata[index];
}

/* The text of the first row's title cell, as the column view shows it. */
static const char *
first_title_shown (JxDealsView *view)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  collect_widgets (column_view, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "deal-title") &&
        gtk_widget_get_mapped (labels->pdata[i]))
      return gtk_label_get_text (labels->pdata[i]);
  return NULL;
}

/* The list searches, filters and sorts in SQL: its first rows are those of the same
 * query, and the column view shows them. */
static void
test_list_search_filter_sort (void)
{
  JxWindow *window = new_window ("list");
  JxDealsView *view = deals_view (window);
  JxStore *store = jx_ui_test_window_store (window);
  GtkWidget *search = find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  JxDealList *list;
  gint64 owner_id;

  wait_loaded (view);
  list = jx_deals_view_get_list (view, -1);
  g_assert_nonnull (list);
  /* At first: open deals, closing soonest first. */
  assert_first_rows (list, store,
                     "SELECT id FROM deals WHERE status = 0"
                     " ORDER BY expected_close IS NULL, expected_close, id",
                     "SELECT count(*) FROM deals WHERE status = 0");
  {
    g_autofree char *title = query_text (store, "SELECT title FROM deals WHERE id = ?1",
                                         jx_deal_list_get_id (list, 0));
    g_assert_cmpstr (first_title_shown (view), ==, title);
  }

  /* Typing a search. */
  gtk_editable_set_text (GTK_EDITABLE (search), "cloud");
  jx_ui_test_run_for (300);
  wait_loaded (view);
  g_assert_cmpstr (jx_deal_list_get_search (list), ==, "cloud");
  assert_first_rows (list, store,
                     "SELECT id FROM deals WHERE status = 0 AND (title LIKE '%cloud%' OR ref LIKE"
                     " '%cloud%' OR customer_id IN (SELECT id FROM customers WHERE name LIKE"
                     " '%cloud%')) ORDER BY expected_close IS NULL, expected_close, id",
                     "SELECT count(*) FROM deals WHERE status = 0 AND (title LIKE '%cloud%' OR"
                     " ref LIKE '%cloud%' OR customer_id IN (SELECT id FROM customers WHERE name"
                     " LIKE '%cloud%'))");

  /* An owner, then sorted by amount, largest first. */
  owner_id = jx_test_query_int (store, "SELECT owner_id FROM deals WHERE status = 0 AND title"
                                       " LIKE '%cloud%' ORDER BY id LIMIT 1");
  /* The drop-down lists "All Owners", then the active members by name. */
  gtk_drop_down_set_selected (dropdown (view, 2),
                              1 + query_int (store, "SELECT count(*) FROM team_members WHERE"
                                                    " active = 1 AND name < (SELECT name FROM"
                                                    " team_members WHERE id = ?1)", owner_id));
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view),
                                                                GTK_TYPE_COLUMN_VIEW)),
                                  jx_deals_view_get_sort_column (view, JX_DEAL_SORT_AMOUNT),
                                  GTK_SORT_DESCENDING);
  wait_loaded (view);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM deals WHERE status = 0 AND owner_id ="
                                            " %" G_GINT64_FORMAT " AND (title LIKE '%%cloud%%' OR"
                                            " ref LIKE '%%cloud%%' OR customer_id IN (SELECT id"
                                            " FROM customers WHERE name LIKE '%%cloud%%'))"
                                            " ORDER BY amount IS NULL, amount DESC, id DESC",
                                            owner_id);
    g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM deals WHERE status = 0 AND"
                                              " owner_id = %" G_GINT64_FORMAT " AND (title LIKE"
                                              " '%%cloud%%' OR ref LIKE '%%cloud%%' OR customer_id"
                                              " IN (SELECT id FROM customers WHERE name LIKE"
                                              " '%%cloud%%'))", owner_id);
    g_autofree char *title = NULL;

    assert_first_rows (list, store, sql, count);
    title = query_text (store, "SELECT title FROM deals WHERE id = ?1",
                        jx_deal_list_get_id (list, 0));
    g_assert_cmpstr (first_title_shown (view), ==, title);
  }

  /* Clearing brings every open deal back; then all won deals of a product line, by title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "deals.clear-filters", NULL));
  gtk_drop_down_set_selected (dropdown (view, 0), 1);     /* won */
  gtk_drop_down_set_selected (dropdown (view, 4), 2);     /* the second product line by name */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (view),
                                                                GTK_TYPE_COLUMN_VIEW)),
                                  jx_deals_view_get_sort_column (view, JX_DEAL_SORT_TITLE),
                                  GTK_SORT_ASCENDING);
  jx_ui_test_run_for (300);
  wait_loaded (view);
  g_assert_cmpstr (jx_deal_list_get_search (list), ==, "");
  {
    gint64 line = jx_test_query_int (store, "SELECT id FROM product_lines ORDER BY name"
                                            " LIMIT 1 OFFSET 1");
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM deals WHERE status = 1 AND product_id"
                                            " IN (SELECT id FROM products WHERE line_id = %"
                                            G_GINT64_FORMAT ") ORDER BY lower(title), id", line);
    g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM deals WHERE status = 1 AND"
                                              " product_id IN (SELECT id FROM products WHERE"
                                              " line_id = %" G_GINT64_FORMAT ")", line);

    assert_first_rows (list, store, sql, count);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor saves its fields as one undoable step; bad input and Cancel write nothing. */
static void
test_editor (void)
{
  JxWindow *window = new_window ("list");
  JxStore *store = jx_ui_test_window_store (window);
  JxContext *context = jx_window_get_context (window);
  gint64 deal_id = jx_test_query_int (store, "SELECT id FROM deals WHERE status = 0 AND"
                                             " stage_id = 2 ORDER BY id LIMIT 1");
  g_autofree char *before = dump_deal (store, deal_id);
  JxDealEditor *editor;

  /* win.open-deal opens the editor on the deal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-deal", "x", deal_id));
  jx_ui_test_iterate ();
  editor = JX_DEAL_EDITOR (jx_ui_test_find_window (JX_TYPE_DEAL_EDITOR, NULL));
  g_assert_nonnull (editor);
  g_assert_cmpint (jx_deal_editor_get_deal_id (editor), ==, deal_id);
  {
    g_autofree char *title = query_text (store, "SELECT title FROM deals WHERE id = ?1", deal_id);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jx_deal_editor_get_field (editor,
                                                                                    "title"))),
                     ==, title);
  }

  /* A bad amount: the editor says so and writes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "title")), "Renamed");
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "amount")), "12.345");
  g_assert_true (gtk_widget_has_css_class (jx_deal_editor_get_field (editor, "amount"), "error"));
  g_assert_false (jx_deal_editor_save (editor));
  g_assert_nonnull (jx_deal_editor_get_field (editor, "error"));
  g_test_message ("bad amount: %s",
                  gtk_label_get_text (GTK_LABEL (jx_deal_editor_get_field (editor, "error"))));
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);
  }
  /* A bad date, likewise. */
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "amount")), "12,345.6");
  g_assert_null (jx_deal_editor_get_field (editor, "error"));      /* fixed: the banner goes */
  g_assert_false (gtk_widget_has_css_class (jx_deal_editor_get_field (editor, "amount"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "expected-close")),
                         "2027-02-30");
  g_assert_false (jx_deal_editor_save (editor));
  g_assert_nonnull (jx_deal_editor_get_field (editor, "error"));
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);
  }
  /* Cancel leaves the deal as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  jx_ui_test_iterate ();
  g_assert_null (jx_ui_test_find_window (JX_TYPE_DEAL_EDITOR, NULL));
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);
  }

  /* Fields and a stage change are saved together and undone together. */
  editor = JX_DEAL_EDITOR (jx_deal_editor_new (context, deal_id));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  jx_ui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "title")),
                         "  Renamed deal ");
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "amount")), "¥12,345.6");
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "expected-close")),
                         "2027-01-15");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              jx_deal_editor_get_field (editor, "notes"))),
                            "Call back in January", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-to", "x",
                                             (gint64) 4));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  jx_ui_test_iterate ();
  g_assert_null (jx_ui_test_find_window (JX_TYPE_DEAL_EDITOR, NULL));
  {
    g_autofree char *title = query_text (store, "SELECT title FROM deals WHERE id = ?1", deal_id);
    g_autofree char *close = query_text (store, "SELECT expected_close FROM deals WHERE id = ?1",
                                         deal_id);
    g_autofree char *notes = query_text (store, "SELECT notes FROM deals WHERE id = ?1", deal_id);

    g_assert_cmpstr (title, ==, "Renamed deal");
    g_assert_cmpstr (close, ==, "2027-01-15");
    g_assert_cmpstr (notes, ==, "Call back in January");
  }
  g_assert_cmpint (query_int (store, "SELECT amount FROM deals WHERE id = ?1", deal_id), ==,
                   1234560);
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 4);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Edit deal");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new deal: its customer found by name among many, amount in 万, the first stage. */
static void
test_editor_new_deal (void)
{
  JxWindow *window = new_window ("list");
  JxStore *store = jx_ui_test_window_store (window);
  gint64 n_deals = jx_store_count_rows (store, JX_TABLE_DEALS);
  gint64 customer_id = jx_test_query_int (store, "SELECT id FROM customers WHERE name LIKE"
                                                 " '%pharma%' ORDER BY name LIMIT 1");
  JxDealEditor *editor;
  JxCustomerPicker *picker;
  gint64 deal_id;

  g_assert_true (gtk_widget_activate_action (jx_window_get_view (window, "deals"), "deals.new",
                                             NULL));
  jx_ui_test_iterate ();
  editor = JX_DEAL_EDITOR (jx_ui_test_find_window (JX_TYPE_DEAL_EDITOR, NULL));
  g_assert_nonnull (editor);
  g_assert_cmpint (jx_deal_editor_get_deal_id (editor), ==, 0);

  /* Saving without a title says what to do. */
  g_assert_false (jx_deal_editor_save (editor));
  g_assert_nonnull (jx_deal_editor_get_field (editor, "error"));
  g_assert_cmpint (jx_store_count_rows (store, JX_TABLE_DEALS), ==, n_deals);

  picker = JX_CUSTOMER_PICKER (jx_deal_editor_get_field (editor, "customer"));
  jx_customer_picker_set_search (picker, "PHARMA");
  g_assert_cmpint (g_list_model_get_n_items (jx_customer_picker_get_matches (picker)), ==,
                   MIN (100, jx_test_query_int (store, "SELECT count(*) FROM customers WHERE name"
                                                       " LIKE '%pharma%'")));
  jx_customer_picker_choose (picker, 0);
  g_assert_cmpint (jx_customer_picker_get_customer_id (picker), ==, customer_id);

  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "title")),
                         "Pilot for a pharma lab");
  gtk_editable_set_text (GTK_EDITABLE (jx_deal_editor_get_field (editor, "amount")), "1.5万");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (jx_deal_editor_get_field (editor, "owner")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jx_deal_editor_get_field (editor, "start-stage")), 1);
  g_assert_true (jx_deal_editor_save (editor));
  jx_ui_test_iterate ();

  g_assert_cmpint (jx_store_count_rows (store, JX_TABLE_DEALS), ==, n_deals + 1);
  deal_id = jx_test_query_int (store, "SELECT max(id) FROM deals");
  g_assert_cmpint (query_int (store, "SELECT customer_id FROM deals WHERE id = ?1", deal_id), ==,
                   customer_id);
  g_assert_cmpint (query_int (store, "SELECT amount FROM deals WHERE id = ?1", deal_id), ==,
                   1500000);
  g_assert_cmpint (query_int (store, "SELECT owner_id FROM deals WHERE id = ?1", deal_id), ==,
                   jx_test_query_int (store, "SELECT id FROM team_members WHERE active = 1"
                                             " ORDER BY name LIMIT 1"));
  g_assert_cmpint (query_int (store, "SELECT stage_id FROM deals WHERE id = ?1", deal_id), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE deal_id = ?1 AND"
                                     " stage_id = 2 AND entered = '2026-11-27'", deal_id), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (jx_store_count_rows (store, JX_TABLE_DEALS), ==, n_deals);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor's Mark Lost waits for Save, then records the reason and the stage. */
static void
test_editor_mark_lost (void)
{
  JxWindow *window = new_window ("list");
  JxStore *store = jx_ui_test_window_store (window);
  JxContext *context = jx_window_get_context (window);
  gint64 deal_id = jx_test_query_int (store, "SELECT id FROM deals WHERE status = 0 AND"
                                             " stage_id = 3 ORDER BY id LIMIT 1");
  g_autofree char *before = dump_deal (store, deal_id);
  JxDealEditor *editor;
  GtkWindow *dialog;

  editor = JX_DEAL_EDITOR (jx_deal_editor_new (context, deal_id));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  jx_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.mark-lost", NULL));
  jx_ui_test_iterate ();
  dialog = jx_ui_test_find_window (JX_TYPE_CLOSE_REASON_DIALOG, NULL);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (jx_close_reason_dialog_get_entry (JX_CLOSE_REASON_DIALOG (dialog)),
                         "No budget");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "lose");
  jx_ui_test_iterate ();
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);      /* not before Save */
  }
  g_assert_true (jx_deal_editor_save (editor));
  g_assert_cmpint (query_int (store, "SELECT status FROM deals WHERE id = ?1", deal_id), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT lost_at_stage_id FROM deals WHERE id = ?1", deal_id),
                   ==, 3);
  {
    g_autofree char *reason = query_text (store, "SELECT lost_reason FROM deals WHERE id = ?1",
                                          deal_id);
    g_assert_cmpstr (reason, ==, "No budget");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *now = dump_deal (store, deal_id);
    g_assert_cmpstr (now, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* While another view shows, the lists miss changes; shown again, they catch up. */
static void
test_hidden_view_pauses (void)
{
  JxWindow *window = new_window ("list");
  JxDealsView *view = deals_view (window);
  JxStore *store = jx_ui_test_window_store (window);
  g_autoptr(GError) error = NULL;
  JxDealList *list;
  gint64 deal_id;
  guint n;
  GDate today;

  wait_loaded (view);
  list = jx_deals_view_get_list (view, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  deal_id = jx_deal_list_get_id (list, 0);
  jx_window_show_view (window, "overview");
  jx_ui_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  jx_test_date (&today, "2026-11-27");
  g_assert_true (jx_deals_win (store, deal_id, NULL, &today, &error));
  jx_ui_test_run_for (300);
  g_assert_false (jx_deal_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);    /* not yet */

  jx_window_show_view (window, "deals");
  wait_loaded (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  g_assert_cmpuint (jx_deal_list_find (list, deal_id), ==, G_MAXUINT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestDeals", &app, &tmp_dir))
    return g_test_run ();

  g_test_add_func ("/jx/deals-view/board-drag", test_board_drag);
  g_test_add_func ("/jx/deals-view/board-menu-and-keys", test_board_menu_and_keys);
  g_test_add_func ("/jx/deals-view/mark-lost", test_mark_lost);
  g_test_add_func ("/jx/deals-view/list-search-filter-sort", test_list_search_filter_sort);
  g_test_add_func ("/jx/deals-view/editor", test_editor);
  g_test_add_func ("/jx/deals-view/editor-new-deal", test_editor_new_deal);
  g_test_add_func ("/jx/deals-view/editor-mark-lost", test_editor_mark_lost);
  g_test_add_func ("/jx/deals-view/hidden-view-pauses", test_hidden_view_pauses);
  return jx_ui_test_run (app, tmp_dir);
}
