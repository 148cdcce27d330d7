/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* Deals and stage_events as text, to compare states before and after undo. */
static char *
dump_deals (JxStore *store)
{
  GString *out = g_string_new (NULL);
  const char *queries[] = {
    "SELECT * FROM deals ORDER BY id",
    "SELECT * FROM stage_events ORDER BY id",
    "SELECT * FROM stages ORDER BY id",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), queries[q], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s|", v ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static JxStore *
open_small (const char *dir)
{
  JxStore *store = jx_test_open_new (dir, "deals.db", JX_STORE_OPEN_UNDO, 0);

  jx_test_exec (store,
                "INSERT INTO regions(id, name) VALUES (1, 'East');"
                "INSERT INTO team_members(id, name) VALUES (1, 'Mia');"
                "INSERT INTO products(id, name) VALUES (1, 'Cloud Pro');"
                "INSERT INTO customers(id, name, region_id) VALUES (1, 'Cedar Foods', 1);");
  jx_store_clear_undo (store);
  return store;
}

static gint64
create (JxStore    *store,
        const char *title,
        gint64      amount,
        const char *opened)
{
  g_autoptr(GError) error = NULL;
  JxDealDraft draft;
  GDate day;
  gint64 id;

  jx_deal_draft_init (&draft);
  draft.title = title;
  draft.customer_id = 1;
  draft.owner_id = 1;
  draft.product_id = 1;
  draft.amount = amount;
  draft.expected_close = "2026-12-31";
  jx_test_date (&day, opened);
  id = jx_deals_create (store, &draft, 0, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (JxStore    *store,
      gint64      id,
      gint64      stage,
      const char *date)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  jx_test_date (&day, date);
  g_assert_true (jx_deals_move (store, id, stage, &day, &error));
  g_assert_no_error (error);
}

/* Every operation writes consistent columns and events, and undo puts everything back,
 * including what the funnel shows (its cache follows undo like any change). */
static void
test_operations_undo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_small (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  JxDealFilter all;
  GDate day, today;
  gint64 id;

  jx_deal_filter_init (&all);
  jx_test_date (&today, "2026-11-27");
  g_ptr_array_add (states, dump_deals (store));

  id = create (store, "  Cloud for Cedar  ", 120000, "2026-10-01");
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Create deal");
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_id FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT title = 'Cloud for Cedar' FROM deals"), ==, 1);
  {
    g_autoptr(JxFunnelReport) r = jx_funnel_compute (store, &all, &today, &error);
    g_assert_cmpint (r->stages[0].count, ==, 1);
  }
  g_ptr_array_add (states, dump_deals (store));

  /* Skip Qualified, then go back to it: furthest stays at Solution. */
  move (store, id, 3, "2026-10-10");
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals"), ==, 3);
  g_ptr_array_add (states, dump_deals (store));
  move (store, id, 2, "2026-10-20");
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_id FROM deals"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_entered = '2026-10-20' FROM deals"), ==, 1);
  g_ptr_array_add (states, dump_deals (store));
  {
    g_autoptr(JxFunnelReport) r = jx_funnel_compute (store, &all, &today, &error);
    g_assert_cmpint (r->stages[1].count, ==, 1);
    g_assert_cmpint (r->stages[2].reached, ==, 1);   /* Solution, reached before */
    g_assert_cmpint (r->stages[0].n_stays, ==, 1);
    g_assert_cmpint (r->stages[2].n_stays, ==, 1);
  }

  /* A move dated before the current stage began is refused and changes nothing. */
  jx_test_date (&day, "2026-10-15");
  g_assert_false (jx_deals_move (store, id, 4, &day, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *now = dump_deals (store);
    g_assert_cmpstr (now, ==, states->pdata[states->len - 1]);
  }

  /* Lost at Qualified, with a reason. */
  jx_test_date (&day, "2026-10-25");
  g_assert_true (jx_deals_lose (store, id, "Price too high", &day, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT status FROM deals"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT lost_at_stage_id FROM deals"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_id FROM deals"), ==, 7);
  g_assert_cmpint (jx_test_query_int (store, "SELECT closed = '2026-10-25' FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT lost_reason = 'Price too high' FROM deals"), ==, 1);
  g_ptr_array_add (states, dump_deals (store));
  /* Moving a lost deal is refused. */
  g_assert_false (jx_deals_move (store, id, 3, &day, &error));
  g_clear_error (&error);

  /* Reopened: back in Qualified, no longer lost; furthest from the history. */
  jx_test_date (&day, "2026-11-01");
  g_assert_true (jx_deals_reopen (store, id, 0, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_id FROM deals"), ==, 2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT status FROM deals"), ==, 0);
  g_assert_cmpint (jx_test_query_int (store, "SELECT lost_at_stage_id IS NULL AND closed IS NULL "
                                             "FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals"), ==, 3);
  g_ptr_array_add (states, dump_deals (store));

  /* Won: every open stage counts as reached. */
  jx_test_date (&day, "2026-11-20");
  g_assert_true (jx_deals_win (store, id, "Best fit for the plant", &day, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT status FROM deals"), ==, 1);
  /* The reason why it was won is kept; the one from the earlier loss is gone. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT won_reason = 'Best fit for the plant' "
                                             "AND lost_reason = '' FROM deals"), ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT stage_id FROM deals"), ==, 6);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals"), ==, 5);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events"), ==, 6);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Mark deal won");
  {
    g_autoptr(JxFunnelReport) r = jx_funnel_compute (store, &all, &today, &error);
    g_assert_cmpint (r->won_count, ==, 1);
    g_assert_cmpint (r->stages[4].reached, ==, 1);
    g_assert_cmpint (r->open_count, ==, 0);
  }

  /* Edit, then undo everything step by step. */
  {
    JxDealDraft draft;

    jx_deal_draft_init (&draft);
    draft.title = "Renamed";
    draft.amount = 150000;
    draft.notes = "Signed";
    g_assert_true (jx_deals_update (store, id, &draft, &error));
    g_assert_cmpint (jx_test_query_int (store, "SELECT amount FROM deals"), ==, 150000);
    {
      g_autofree char *notes = jx_deals_get_notes (store, id, &error);
      g_assert_cmpstr (notes, ==, "Signed");
      g_assert_null (jx_deals_get_notes (store, id + 1000, &error));
      g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
    draft.title = "   ";
    g_assert_false (jx_deals_update (store, id, &draft, &error));
    g_clear_error (&error);
    g_assert_true (jx_store_undo (store, &error));
  }
  g_assert_true (jx_store_undo (store, &error));   /* win */
  for (int i = states->len - 1; i >= 1; i--)
    {
      g_autofree char *now = dump_deals (store);

      g_assert_cmpstr (now, ==, states->pdata[i]);
      {
        /* The funnel after undo equals one computed from scratch. */
        g_autoptr(JxFunnelReport) cached = jx_funnel_compute (store, &all, &today, &error);
        g_autoptr(JxFunnelReport) fresh = NULL;

        jx_funnel_forget (store);
        fresh = jx_funnel_compute (store, &all, &today, &error);
        for (guint s = 0; s < cached->n_stages; s++)
          {
            g_assert_cmpint (cached->stages[s].count, ==, fresh->stages[s].count);
            g_assert_cmpint (cached->stages[s].reached, ==, fresh->stages[s].reached);
            g_assert_cmpint (cached->stages[s].n_stays, ==, fresh->stages[s].n_stays);
          }
        g_assert_cmpint (cached->lost_count, ==, fresh->lost_count);
      }
      g_assert_true (jx_store_undo (store, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *now = dump_deals (store);
    g_assert_cmpstr (now, ==, states->pdata[0]);
  }
  {
    g_autoptr(JxFunnelReport) r = jx_funnel_compute (store, &all, &today, &error);
    g_assert_cmpint (r->stages[0].reached, ==, 0);
    g_assert_cmpint (r->open_count, ==, 0);
  }
  jx_test_remove_dir (dir);
}

static void
test_history (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_small (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  JxStageVisit *v;
  GDate today;
  gint64 id;

  id = create (store, "Timeline", 1000, "2026-10-01");
  move (store, id, 2, "2026-10-11");
  move (store, id, 4, "2026-10-20");
  jx_test_date (&today, "2026-11-27");
  visits = jx_deals_history (store, id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 3);
  v = visits->pdata[0];
  g_assert_cmpstr (v->stage_name, ==, "Prospecting");
  g_assert_cmpstr (v->left, ==, "2026-10-11");
  g_assert_cmpint (v->days, ==, 10);
  v = visits->pdata[2];
  g_assert_cmpstr (v->stage_name, ==, "Proposal");
  g_assert_cmpstr (v->left, ==, "");
  g_assert_cmpint (v->days, ==, 38);
  jx_test_remove_dir (dir);
}

static void
test_stages (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_small (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *before = NULL;
  gint64 a, b, added;
  GDate day;

  a = create (store, "A", 1000, "2026-10-01");
  move (store, a, 3, "2026-10-05");            /* furthest Solution (3) */
  b = create (store, "B", 1000, "2026-10-01");
  jx_test_date (&day, "2026-10-09");
  g_assert_true (jx_deals_win (store, b, NULL, &day, &error));   /* furthest 5 */
  before = dump_deals (store);

  /* Rename keeps ids, so history keeps pointing at the stage. */
  g_assert_true (jx_stages_rename (store, 3, "Demo", &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM stage_events WHERE stage_id = 3"), ==, 1);
  g_assert_false (jx_stages_rename (store, 3, "qualified", &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (jx_stages_set_probability (store, 3, 55, &error));
  g_assert_false (jx_stages_set_probability (store, 3, 155, &error));
  g_clear_error (&error);
  g_assert_true (jx_stages_set_milestone (store, 3, "Demo done; criteria agreed", &error));
  g_assert_true (jx_stages_set_stalled_days (store, 3, 21, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT stalled_days FROM stages WHERE id = 3"), ==, 21);
  g_assert_true (jx_stages_set_stalled_days (store, 3, 0, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT stalled_days IS NULL FROM stages WHERE id = 3"), ==, 1);
  /* The light list for menus: the open stages only, in process order, renamed. */
  {
    g_autoptr(GListModel) open = jx_stages_list_open (store, &error);
    g_autoptr(JxStage) third = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==,
                      jx_test_query_int (store, "SELECT count(*) FROM stages WHERE kind = 0"));
    third = g_list_model_get_item (open, 2);
    g_assert_cmpint (jx_stage_get_id (third), ==, 3);
    g_assert_cmpstr (jx_stage_get_name (third), ==, "Demo");
    g_assert_cmpint (jx_stage_get_kind (third), ==, JX_STAGE_OPEN);
    g_assert_cmpint (jx_stage_get_probability (third), ==, 55);
  }

  /* A stage after Qualified: A (at Solution) went past it, B won. */
  added = jx_stages_add (store, "Discovery", 35, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE name = 'Discovery'"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE id = 3"), ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals WHERE title = 'A'"), ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals WHERE title = 'B'"), ==, 6);
  {
    JxDealFilter all;
    GDate today;
    g_autoptr(JxFunnelReport) r = NULL;

    jx_deal_filter_init (&all);
    jx_test_date (&today, "2026-11-27");
    r = jx_funnel_compute (store, &all, &today, &error);
    g_assert_cmpuint (r->n_stages, ==, 6);
    g_assert_cmpstr (r->stages[2].name, ==, "Discovery");
    g_assert_cmpint (r->stages[2].reached, ==, 2);
  }

  /* Reorder: Demo (3) before Qualified (2): A reached position 2 of the new order. */
  {
    gint64 order[] = { 1, 3, 2, added, 4, 5 };

    g_assert_true (jx_stages_reorder (store, order, G_N_ELEMENTS (order), &error));
    g_assert_no_error (error);
    g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE id = 3"), ==, 2);
    g_assert_cmpint (jx_test_query_int (store, "SELECT position FROM stages WHERE kind = 1"), ==, 7);
    g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals WHERE title = 'A'"), ==, 2);
    g_assert_cmpint (jx_test_query_int (store, "SELECT furthest_position FROM deals WHERE title = 'B'"), ==, 6);
    order[0] = 2;
    g_assert_false (jx_stages_reorder (store, order, G_N_ELEMENTS (order), &error));
    g_clear_error (&error);
  }

  /* Used stages cannot be deleted; the unused new one can. */
  g_assert_false (jx_stages_delete (store, 3, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  list = jx_stages_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 8);
  {
    g_autoptr(JxStage) first = g_list_model_get_item (list, 0);
    g_autoptr(JxStage) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (jx_stage_get_name (first), ==, "Prospecting");
    g_assert_true (jx_stage_get_in_use (first));
    g_assert_cmpstr (jx_stage_get_name (second), ==, "Demo");
  }
  g_assert_true (jx_stages_delete (store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT max(position) FROM stages WHERE kind = 0"), ==, 5);

  /* Undo back to before the stage edits. */
  for (int i = 0; i < 8; i++)
    g_assert_true (jx_store_undo (store, &error));
  {
    g_autofree char *now = dump_deals (store);
    g_assert_cmpstr (now, ==, before);
  }
  jx_test_remove_dir (dir);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     int        *count)
{
  (*count)++;
}

static void
test_list_model (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_small (dir);
  g_autoptr(JxDealList) list = NULL;
  g_autoptr(GError) error = NULL;
  JxDealFilter filter;
  GDate today, day;
  int changes = 0;
  gint64 ids[5];

  ids[0] = create (store, "Beta cloud", 300000, "2026-10-01");
  ids[1] = create (store, "alpha shield", 100000, "2026-10-02");
  ids[2] = create (store, "Gamma cloud", -1, "2026-10-03");
  ids[3] = create (store, "Delta 100% cloud", 200000, "2026-10-04");
  ids[4] = create (store, "Epsilon", 50000, "2026-06-01");
  move (store, ids[0], 3, "2026-10-20");
  jx_test_date (&day, "2026-07-01");
  g_assert_true (jx_deals_win (store, ids[4], NULL, &day, &error));
  jx_test_date (&today, "2026-11-27");

  list = jx_deal_list_new (store, &today);
  g_assert_true (g_type_is_a (g_list_model_get_item_type (G_LIST_MODEL (list)), JX_TYPE_DEAL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  {
    g_autoptr(JxDeal) deal = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *customer = NULL;
    int days = 0;

    g_assert_cmpstr (jx_deal_get_title (deal), ==, "Beta cloud");
    g_assert_cmpstr (jx_deal_get_customer (deal), ==, "Cedar Foods");
    g_assert_cmpstr (jx_deal_get_owner (deal), ==, "Mia");
    g_assert_cmpstr (jx_deal_get_product (deal), ==, "Cloud Pro");
    g_assert_cmpstr (jx_deal_get_stage (deal), ==, "Solution");
    g_assert_cmpstr (jx_deal_get_amount_text (deal), ==, "¥3,000.00");
    g_object_get (deal, "customer", &customer, "days-in-stage", &days, NULL);
    g_assert_cmpstr (customer, ==, "Cedar Foods");
    g_assert_cmpint (days, ==, 38);
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* Sort by amount, largest first; the deal without an amount comes last. */
  jx_deal_list_set_sort (list, JX_DEAL_SORT_AMOUNT, TRUE);
  g_assert_cmpint (jx_deal_list_get_id (list, 0), ==, ids[0]);
  g_assert_cmpint (jx_deal_list_get_id (list, 1), ==, ids[3]);
  g_assert_cmpint (jx_deal_list_get_id (list, 3), ==, ids[4]);
  g_assert_cmpint (jx_deal_list_get_id (list, 4), ==, ids[2]);
  jx_deal_list_set_sort (list, JX_DEAL_SORT_AMOUNT, FALSE);
  g_assert_cmpint (jx_deal_list_get_id (list, 0), ==, ids[4]);
  g_assert_cmpint (jx_deal_list_get_id (list, 4), ==, ids[2]);
  /* Titles without regard to case. */
  jx_deal_list_set_sort (list, JX_DEAL_SORT_TITLE, FALSE);
  g_assert_cmpint (jx_deal_list_get_id (list, 0), ==, ids[1]);
  g_assert_cmpint (jx_deal_list_get_id (list, 1), ==, ids[0]);
  /* Longest in their stage first: alpha (since Oct 2), Gamma, Delta, Beta; won last. */
  jx_deal_list_set_sort (list, JX_DEAL_SORT_DAYS_IN_STAGE, TRUE);
  g_assert_cmpint (jx_deal_list_get_id (list, 0), ==, ids[1]);
  g_assert_cmpint (jx_deal_list_get_id (list, 4), ==, ids[4]);   /* won: no days in stage */

  /* Search: title, in any case; the % is literal. */
  jx_deal_list_set_search (list, "CLOUD");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  jx_deal_list_set_search (list, "100%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  jx_deal_list_set_search (list, "cedar");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  jx_deal_list_set_search (list, NULL);

  /* Filters: status, stage, and a period (open some time in it). */
  jx_deal_list_set_status (list, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  jx_deal_list_set_stage (list, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  jx_deal_list_set_stage (list, 0);
  jx_deal_list_set_status (list, JX_DEAL_STATUS_ANY);
  jx_deal_filter_init (&filter);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-08-01", "2026-12-31", NULL));
  jx_deal_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (jx_deal_filter_set_by_name (&filter, store, JX_DEAL_FILTER_REGION, "East", NULL));
  jx_deal_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (jx_deal_filter_set_tier (&filter, "key", NULL));
  jx_deal_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  jx_deal_filter_init (&filter);
  jx_deal_list_set_filter (list, &filter);
  jx_deal_list_set_sort (list, JX_DEAL_SORT_ID, FALSE);

  /* Reload on change: a new deal appears, an edited one shows its new title. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  {
    g_autoptr(JxDeal) shown = g_list_model_get_item (G_LIST_MODEL (list), 1);
    JxDealDraft draft;

    g_assert_cmpstr (jx_deal_get_title (shown), ==, "alpha shield");
    create (store, "Zeta", 1000, "2026-11-01");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
    g_assert_cmpint (changes, >=, 1);
    jx_deal_draft_init (&draft);
    draft.title = "Alpha shield v2";
    g_assert_true (jx_deals_update (store, ids[1], &draft, &error));
  }
  {
    g_autoptr(JxDeal) shown = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_cmpstr (jx_deal_get_title (shown), ==, "Alpha shield v2");
  }
  g_assert_true (jx_deals_delete (store, ids[3], &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (jx_deal_list_find (list, ids[3]), ==, G_MAXUINT);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* A list of given ids, as a funnel band gives them. */
  {
    g_autoptr(GArray) band = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(JxDealList) fixed = NULL;
    g_autoptr(JxDeal) deal = NULL;

    g_array_append_val (band, ids[2]);
    g_array_append_val (band, ids[0]);
    fixed = jx_deal_list_new_for_ids (store, &today, band);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixed)), ==, 2);
    deal = g_list_model_get_item (G_LIST_MODEL (fixed), 1);
    g_assert_cmpint (jx_deal_get_id (deal), ==, ids[0]);
    g_clear_object (&deal);
    deal = g_list_model_get_item (G_LIST_MODEL (fixed), 0);
    g_assert_cmpint (jx_deal_get_amount (deal), ==, -1);
  }
  jx_test_remove_dir (dir);
}

static void
on_loading_cb (GObject    *list,
               GParamSpec *pspec,
               int        *finished)
{
  if (!jx_deal_list_get_loading (JX_DEAL_LIST (list)))
    (*finished)++;
}

/* Runs the main loop until the threaded @list has no reload waiting or running. */
static void
wait_loaded (JxDealList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (jx_deal_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
assert_same_ids (JxDealList *a,
                 JxDealList *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (jx_deal_list_get_id (a, i), ==, jx_deal_list_get_id (b, i));
}

/* A threaded list gives the same rows as one that reloads at once; a burst of changes
 * costs one reload, and store changes reach it. */
static void
test_list_threaded (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "threaded.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(JxDealList) threaded = NULL;
  g_autoptr(JxDealList) direct = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  int finished = 0;
  gint64 open_id, sum;

  jx_test_date (&today, "2026-11-27");
  threaded = jx_deal_list_new_threaded (store, &today);
  g_signal_connect (threaded, "notify::loading", G_CALLBACK (on_loading_cb), &finished);
  g_assert_true (jx_deal_list_get_loading (threaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (threaded)), ==, 0);
  wait_loaded (threaded);
  g_assert_cmpint (finished, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (threaded)), ==,
                   jx_test_query_int (store, "SELECT count(*) FROM deals"));
  g_assert_cmpint (jx_deal_list_get_amount_total (threaded), ==,
                   jx_test_query_int (store, "SELECT total(amount) FROM deals"));

  /* Three setters in a row: still one reload. */
  jx_deal_list_set_status (threaded, 0);
  jx_deal_list_set_search (threaded, "a");
  jx_deal_list_set_sort (threaded, JX_DEAL_SORT_AMOUNT, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (threaded)), ==,
                    jx_test_query_int (store, "SELECT count(*) FROM deals"));
  wait_loaded (threaded);
  g_assert_cmpint (finished, ==, 2);
  direct = jx_deal_list_new (store, &today);
  jx_deal_list_set_status (direct, 0);
  jx_deal_list_set_search (direct, "a");
  jx_deal_list_set_sort (direct, JX_DEAL_SORT_AMOUNT, TRUE);
  assert_same_ids (threaded, direct);
  sum = jx_test_query_int (store, "SELECT total(amount) FROM deals WHERE status = 0 AND"
                                  " (title LIKE '%a%' OR ref LIKE '%a%' OR customer_id IN"
                                  " (SELECT id FROM customers WHERE name LIKE '%a%'))");
  g_assert_cmpint (jx_deal_list_get_amount_total (threaded), ==, sum);
  g_assert_cmpint (jx_deal_list_get_amount_total (direct), ==, sum);

  /* A request while a reload runs drops that reload's result. */
  jx_deal_list_set_search (threaded, "zzzz-none");
  g_usleep (200 * 1000);
  g_main_context_iteration (NULL, FALSE);      /* the delay is over: the reload starts */
  jx_deal_list_set_search (threaded, NULL);
  wait_loaded (threaded);
  jx_deal_list_set_search (direct, NULL);
  assert_same_ids (threaded, direct);

  /* A won deal leaves the open list after the store says so. */
  open_id = jx_deal_list_get_id (threaded, 0);
  g_assert_true (jx_deals_win (store, open_id, NULL, &today, &error));
  g_assert_no_error (error);
  g_assert_true (jx_deal_list_get_loading (threaded));
  wait_loaded (threaded);
  g_assert_cmpuint (jx_deal_list_find (threaded, open_id), ==, G_MAXUINT);
  assert_same_ids (threaded, direct);

  /* Paused, it misses the changes; resumed, it catches up with one reload. */
  jx_deal_list_set_paused (threaded, TRUE);
  g_assert_true (jx_deals_win (store, jx_deal_list_get_id (threaded, 1), NULL, &today, &error));
  g_assert_false (jx_deal_list_get_loading (threaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (threaded)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (direct)) + 1);
  finished = 0;
  jx_deal_list_set_paused (threaded, FALSE);
  g_assert_true (jx_deal_list_get_loading (threaded));
  wait_loaded (threaded);
  g_assert_cmpint (finished, ==, 1);
  assert_same_ids (threaded, direct);
  g_assert_true (jx_store_undo (store, &error));

  /* The synchronous reload still works, and supersedes a scheduled one. */
  g_assert_true (jx_store_undo (store, &error));
  g_assert_true (jx_deal_list_reload (threaded, &error));
  g_assert_false (jx_deal_list_get_loading (threaded));
  g_assert_cmpuint (jx_deal_list_find (threaded, open_id), ==, 0);
  assert_same_ids (threaded, direct);
  jx_test_remove_dir (dir);
}

typedef struct {
  GArray *changes;      /* position, removed, added of each signal */
  guint   n_items;      /* what the model held before the signal */
} Changes;

/* Records a change and checks that the model already holds what it announces. */
static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *record)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (record->changes, change, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, record->n_items - removed + added);
  record->n_items = g_list_model_get_n_items (model);
}

/* How a reload is announced: one deal that moved in the sort order as a removal and an
 * insertion, a new sort as all removed then all added (GTK 4.8's list views would ask for
 * every added row otherwise). */
static void
test_list_announce (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = jx_test_open_new (dir, "announce.db", JX_STORE_OPEN_UNDO, 1);
  g_autoptr(JxDealList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  Changes record = { changes, 0 };
  JxDealDraft draft;
  GDate today;
  guint n, from;
  gint64 id;

  jx_test_date (&today, "2026-11-27");
  list = jx_deal_list_new (store, &today);
  jx_deal_list_set_sort (list, JX_DEAL_SORT_AMOUNT, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  record.n_items = n;
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), &record);

  /* The 11th largest deal becomes the largest. */
  from = 10;
  id = jx_deal_list_get_id (list, from);
  jx_deal_draft_init (&draft);
  draft.title = "Largest now";
  draft.amount = jx_test_query_int (store, "SELECT max(amount) FROM deals") + 1;
  g_assert_true (jx_deals_update (store, id, &draft, &error));
  g_assert_cmpint (jx_deal_list_get_id (list, 0), ==, id);
  {
    /* The row after it shows its own deal, not one from between the two steps. */
    g_autoptr(JxDeal) next = g_list_model_get_item (G_LIST_MODEL (list), from + 1);
    g_assert_cmpint (jx_deal_get_id (next), ==, jx_deal_list_get_id (list, from + 1));
  }
  g_assert_cmpuint (changes->len, >=, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, from);    /* removed at 10 */
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 0);       /* added at 0 */
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 1);

  /* A new sort: everything removed, then everything added. */
  g_array_set_size (changes, 0);
  jx_deal_list_set_sort (list, JX_DEAL_SORT_TITLE, FALSE);
  g_assert_cmpuint (changes->len, >=, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 1), >, 2 * 64);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, g_array_index (changes, guint, 0));
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, g_array_index (changes, guint, 1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/deals/operations-undo", test_operations_undo);
  g_test_add_func ("/jx/deals/history", test_history);
  g_test_add_func ("/jx/deals/stages", test_stages);
  g_test_add_func ("/jx/deals/list-model", test_list_model);
  g_test_add_func ("/jx/deals/list-threaded", test_list_threaded);
  g_test_add_func ("/jx/deals/list-announce", test_list_announce);
  return g_test_run ();
}
