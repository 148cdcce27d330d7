/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-choice-button.h"
#include "jx-customers-view.h"
#include "jx-effort-chart-view.h"
#include "jx-member-dialog.h"
#include "jx-team-view.h"
#include "jx-ui-test-util.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct {
  JxWindow   *window;
  JxTeamView *view;
  JxStore    *store;
} Fixture;

static gboolean
view_loading (gpointer data)
{
  return jx_team_view_is_loading (data);
}

static void
wait_for_view (Fixture *f)
{
  jx_ui_test_wait_while (view_loading, f->view);
  g_assert_nonnull (jx_team_view_get_allocation (f->view));
}

/* A window on a fresh scale-1 demo database, showing the Team view with its allocation. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = jx_ui_test_new_demo_window (app, tmp_dir, "team", 0, 0);
  f->view = JX_TEAM_VIEW (jx_window_get_view (f->window, "team"));
  f->store = jx_ui_test_window_store (f->window);
  wait_for_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jx_ui_test_close_window (f->window);
}

static double
query_double (JxStore    *store,
              const char *sql,
              gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Planned hours of a rep, straight from SQL: customers × visits × hours of their tiers. */
static double
sql_planned_hours (JxStore *store,
                   gint64   member_id)
{
  return query_double (store,
                       "SELECT coalesce(sum(p.visits_per_month * p.hours_per_visit), 0) "
                       "FROM customers c JOIN tier_policies p ON p.tier = coalesce(c.tier, 'none') "
                       "WHERE c.owner_id = ?", member_id);
}

/* One text value of a query with one id parameter; valid until the next call. */
static const char *
query_text (JxStore    *store,
                    const char *sql,
                    gint64      id)
{
  static char *value;
  sqlite3_stmt *stmt = NULL;

  g_clear_pointer (&value, g_free);
  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
capacity_in_db (JxStore *store,
                gint64   member_id)
{
  return (gint64) query_double (store, "SELECT coalesce(capacity_hours, -1) FROM team_members "
                                       "WHERE id = ?", member_id);
}

/* The allocation's row of @member_id, which must be there. */
static const JxRepAllocation *
find_rep (const JxAllocation *allocation,
          gint64              member_id)
{
  g_assert_nonnull (allocation);
  for (guint i = 0; i < allocation->reps->len; i++)
    if (g_array_index (allocation->reps, JxRepAllocation, i).member_id == member_id)
      return &g_array_index (allocation->reps, JxRepAllocation, i);
  g_assert_not_reached ();
}

/* An over-allocated rep whose row is on screen. */
static gint64
over_allocated_rep (Fixture *f)
{
  const JxAllocation *allocation = jx_team_view_get_allocation (f->view);

  for (guint i = 0; i < allocation->reps->len; i++)
    {
      const JxRepAllocation *rep = &g_array_index (allocation->reps, JxRepAllocation, i);

      if (rep->member_id != 0 && rep->load == JX_REP_LOAD_OVER &&
          jx_team_view_find_cell (f->view, rep->member_id, JX_TEAM_COLUMN_CAPACITY) != NULL)
        return rep->member_id;
    }
  g_assert_not_reached ();
}

static const char *
load_text (Fixture *f,
           gint64   member_id)
{
  GtkWidget *cell = jx_team_view_find_cell (f->view, member_id, JX_TEAM_COLUMN_LOAD);

  g_assert_nonnull (cell);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (cell)));
}

/* Editing the capacity in its cell writes it, and the load figure follows; undo restores. */
static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = over_allocated_rep (f);
  GtkWidget *spin = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_CAPACITY);
  GtkWidget *load_cell = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_LOAD);
  GtkWidget *balance = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_BALANCE);
  double planned = sql_planned_hours (f->store, id);
  gint64 old_capacity = capacity_in_db (f->store, id);
  gint64 new_capacity = (gint64) ceil (planned / 0.9);
  g_autofree char *old_percent = jx_percent_format (planned / old_capacity, 0);
  g_autofree char *new_percent = jx_percent_format (planned / new_capacity, 0);
  const JxRepAllocation *rep;

  g_assert_cmpfloat (planned, >, old_capacity);
  g_assert_cmpstr (load_text (f, id), ==, old_percent);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_last_child (load_cell), "load-over"));
  g_assert_true (gtk_widget_has_css_class (balance, "load-over"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (balance)), "−"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), new_capacity);
  g_assert_cmpint (capacity_in_db (f->store, id), ==, new_capacity);
  wait_for_view (f);
  rep = find_rep (jx_team_view_get_allocation (f->view), id);
  g_assert_cmpfloat_with_epsilon (rep->planned_hours, planned, 1e-9);
  g_assert_cmpfloat (rep->capacity_hours, ==, new_capacity);
  g_assert_cmpint (rep->load, ==, JX_REP_LOAD_BALANCED);
  g_assert_cmpstr (load_text (f, id), ==, new_percent);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_last_child (load_cell),
                                           "load-balanced"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (balance)), "+"));

  g_assert_cmpstr (jx_store_get_undo_label (f->store), ==, "Edit team member");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (capacity_in_db (f->store, id), ==, old_capacity);
  wait_for_view (f);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, old_capacity);
  g_assert_cmpstr (load_text (f, id), ==, old_percent);
  g_assert_cmpint (find_rep (jx_team_view_get_allocation (f->view), id)->load, ==,
                   JX_REP_LOAD_OVER);
}

/* The allocation of the store now, computed independently of the view. */
static JxAllocation *
fresh_allocation (JxStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  GDate today;
  JxAllocation *allocation;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  allocation = jx_allocation_compute (base, &error);
  g_assert_no_error (error);
  return allocation;
}

static void
assert_same_allocation (const JxAllocation *shown,
                        const JxAllocation *expected)
{
  g_assert_cmpfloat_with_epsilon (shown->planned_hours, expected->planned_hours, 1e-6);
  g_assert_cmpint (shown->revenue_12m, ==, expected->revenue_12m);
  g_assert_cmpuint (shown->n_over, ==, expected->n_over);
  g_assert_cmpuint (shown->n_under, ==, expected->n_under);
  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      g_assert_cmpuint (shown->tiers[t].customers, ==, expected->tiers[t].customers);
      g_assert_cmpfloat_with_epsilon (shown->tiers[t].planned_hours,
                                      expected->tiers[t].planned_hours, 1e-6);
      g_assert_cmpfloat_with_epsilon (shown->tiers[t].effort_share,
                                      expected->tiers[t].effort_share, 1e-9);
    }
  g_assert_cmpuint (shown->reps->len, ==, expected->reps->len);
  for (guint i = 0; i < expected->reps->len; i++)
    {
      const JxRepAllocation *e = &g_array_index (expected->reps, JxRepAllocation, i);
      const JxRepAllocation *s = find_rep (shown, e->member_id);

      g_assert_cmpfloat_with_epsilon (s->planned_hours, e->planned_hours, 1e-6);
      g_assert_cmpint (s->load, ==, e->load);
    }
}

static double
key_planned (Fixture *f)
{
  return jx_team_view_get_allocation (f->view)->tiers[JX_TIER_KEY].planned_hours;
}

/* Editing a policy changes the planned hours at once, as jx_allocation_compute() has them. */
static void
test_policy (Fixture       *f,
             gconstpointer  data)
{
  GtkSpinButton *visits = jx_team_view_get_policy_spin (f->view, JX_TIER_KEY, FALSE);
  GtkSpinButton *hours = jx_team_view_get_policy_spin (f->view, JX_TIER_KEY, TRUE);
  gint64 key_customers = jx_test_query_int (f->store,
                                            "SELECT count(*) FROM customers WHERE tier = 'key'");
  double before = jx_team_view_get_allocation (f->view)->tiers[JX_TIER_KEY].planned_hours;
  g_autoptr(JxAllocation) expected = NULL;

  g_assert_cmpint (key_customers, >, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (visits), ==, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (hours), ==, 3);
  g_assert_cmpfloat_with_epsilon (before, key_customers * 4 * 3, 1e-9);

  gtk_spin_button_set_value (visits, 1.5);
  g_assert_cmpfloat (query_double (f->store, "SELECT visits_per_month FROM tier_policies "
                                             "WHERE tier = 'key'", 0), ==, 1.5);
  g_assert_cmpstr (jx_store_get_undo_label (f->store), ==, "Change the Key policy");
  wait_for_view (f);
  expected = fresh_allocation (f->store);
  assert_same_allocation (jx_team_view_get_allocation (f->view), expected);
  g_assert_cmpfloat_with_epsilon (key_planned (f), key_customers * 1.5 * 3, 1e-9);
  /* Each rep's planned hours follow, as SQL sums them. */
  for (guint i = 0; i < expected->reps->len; i++)
    {
      const JxRepAllocation *rep = &g_array_index (expected->reps, JxRepAllocation, i);

      if (rep->member_id != 0)
        g_assert_cmpfloat_with_epsilon (find_rep (jx_team_view_get_allocation (f->view),
                                                  rep->member_id)->planned_hours,
                                        sql_planned_hours (f->store, rep->member_id), 1e-9);
    }

  /* Out of range is refused with the reason and the spin shows the stored value again. */
  gtk_spin_button_set_range (hours, 0, 100);
  gtk_spin_button_set_value (hours, 30);
  {
    g_autofree char *body = jx_ui_test_take_dialog_body ();

    g_assert_cmpstr (body, ==, "Hours per visit must be between 0 and 24.");
  }
  g_assert_cmpfloat (gtk_spin_button_get_value (hours), ==, 3);
  g_assert_cmpfloat (query_double (f->store, "SELECT hours_per_visit FROM tier_policies "
                                             "WHERE tier = 'key'", 0), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpfloat (query_double (f->store, "SELECT visits_per_month FROM tier_policies "
                                             "WHERE tier = 'key'", 0), ==, 4);
  wait_for_view (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (visits), ==, 4);
  g_assert_cmpfloat_with_epsilon (key_planned (f), before, 1e-9);
  g_assert_cmpint (jx_team_view_get_allocation (f->view)->tiers[JX_TIER_KEY].customers, ==,
                   key_customers);
}

/* A customer moved from anywhere (here straight through the core) updates the allocation. */
static void
test_customer_moved (Fixture       *f,
                     gconstpointer  data)
{
  gint64 customer = jx_test_query_int (f->store,
                                       "SELECT min(id) FROM customers "
                                       "WHERE tier = 'maintain' AND owner_id IS NOT NULL");
  gint64 owner = (gint64) query_double (f->store, "SELECT owner_id FROM customers WHERE id = ?",
                                        customer);
  double owner_before = find_rep (jx_team_view_get_allocation (f->view), owner)->planned_hours;
  guint key_before = jx_team_view_get_allocation (f->view)->tiers[JX_TIER_KEY].customers;
  JxTierMove move = { customer, JX_TIER_KEY };
  g_autoptr(GError) error = NULL;
  g_autoptr(JxAllocation) expected = NULL;
  GDate today;
  guint moved = 0;

  jx_test_date (&today, "2026-11-27");
  g_assert_true (jx_tier_move (f->store, &move, 1, JX_TIER_SOURCE_MANUAL, &today, &moved,
                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 1);
  wait_for_view (f);
  g_assert_cmpuint (jx_team_view_get_allocation (f->view)->tiers[JX_TIER_KEY].customers, ==,
                    key_before + 1);
  /* Key is 4 × 3 h, Maintain 1 × 1.5 h. */
  g_assert_cmpfloat_with_epsilon (find_rep (jx_team_view_get_allocation (f->view),
                                            owner)->planned_hours,
                                  owner_before + 12 - 1.5, 1e-9);
  expected = fresh_allocation (f->store);
  assert_same_allocation (jx_team_view_get_allocation (f->view), expected);
}

static gboolean
customers_loading (gpointer data)
{
  return jx_customers_view_get_base (data) == NULL;
}

/* The Customers view and the allocation share one customer base: a card moved on the tier
 * board and a deal won are read once, and the allocation follows when the Team view shows
 * again. */
static void
test_shared_base (Fixture       *f,
                  gconstpointer  data)
{
  JxCustomersView *customers;
  JxCustomerBase *base = jx_team_view_get_base (f->view);
  gint64 customer = jx_test_query_int (f->store,
                                       "SELECT min(id) FROM customers "
                                       "WHERE tier = 'maintain' AND owner_id IS NOT NULL");
  g_autoptr(JxAllocation) expected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revenue_before = jx_team_view_get_allocation (f->view)->revenue_12m;
  guint row;

  g_assert_nonnull (base);
  jx_window_show_view (f->window, "customers");
  customers = JX_CUSTOMERS_VIEW (jx_window_get_view (f->window, "customers"));
  jx_ui_test_wait_while (customers_loading, customers);
  g_assert_true (jx_customers_view_get_base (customers) == base);

  g_assert_cmpuint (jx_tier_board_move_customers (jx_customers_view_get_board (customers),
                                                  &customer, 1, JX_TIER_KEY), ==, 1);
  g_assert_true (jx_store_begin (f->store, "Win", &error));
  jx_test_exec (f->store, "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status)"
                          " VALUES (1, 1234500, '2026-10-01', '2026-11-20', 6, 1)");
  g_assert_true (jx_store_commit (f->store, &error));
  g_assert_true (jx_customer_base_lookup (base, customer, &row));
  g_assert_cmpint (jx_customer_base_get_row (base, row)->tier, ==, JX_TIER_KEY);

  jx_window_show_view (f->window, "team");
  jx_ui_test_iterate ();
  wait_for_view (f);
  g_assert_true (jx_team_view_get_base (f->view) == base);
  g_assert_cmpint (jx_team_view_get_allocation (f->view)->revenue_12m, ==,
                   revenue_before + 1234500);
  expected = fresh_allocation (f->store);
  assert_same_allocation (jx_team_view_get_allocation (f->view), expected);
}

/* The text a drop-down cell shows. */
static const char *
chosen (GtkWidget *cell)
{
  JxChoiceButton *button = JX_CHOICE_BUTTON (cell);

  return gtk_string_list_get_string (jx_choice_button_get_model (button),
                                     jx_choice_button_get_selected (button));
}

/* A bad name or a manager loop is refused with the reason; the cell shows the stored value. */
static void
test_invalid_edits (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = over_allocated_rep (f);
  GtkWidget *name = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_NAME);
  GtkWidget *manager = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_MANAGER);
  GtkWidget *region = jx_team_view_find_cell (f->view, id, JX_TEAM_COLUMN_REGION);
  g_autofree char *stored = g_strdup (gtk_editable_get_text (GTK_EDITABLE (name)));
  g_autofree char *other = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  GtkStringList *choices;
  g_autofree char *other_region = NULL;
  guint self_position = GTK_INVALID_LIST_POSITION;
  guint manager_position;
  gint64 region_before;

  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (jx_store_get_db (f->store),
                        "SELECT name FROM team_members WHERE id <> ? ORDER BY id LIMIT 1", -1,
                        &stmt, NULL);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  /* An empty name. */
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_signal_emit_by_name (name, "activate");
  body = jx_ui_test_take_dialog_body ();
  g_assert_cmpstr (body, ==, "Enter a name for the team member (at most 200 characters).");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, stored);

  /* A name someone else has. */
  gtk_editable_set_text (GTK_EDITABLE (name), other);
  g_signal_emit_by_name (name, "activate");
  g_clear_pointer (&body, g_free);
  body = jx_ui_test_take_dialog_body ();
  expected = g_strdup_printf ("There is already a team member called “%s”; "
                              "choose another name.", other);
  g_assert_cmpstr (body, ==, expected);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, stored);
  g_assert_false (jx_store_can_undo (f->store));

  /* Reporting to oneself, chosen in the manager's drop-down list. */
  manager_position = jx_choice_button_get_selected (JX_CHOICE_BUTTON (manager));
  choices = jx_choice_button_get_model (JX_CHOICE_BUTTON (manager));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    if (g_str_equal (gtk_string_list_get_string (choices, i), stored))
      self_position = i;
  g_assert_cmpuint (self_position, !=, GTK_INVALID_LIST_POSITION);
  jx_choice_button_popup (JX_CHOICE_BUTTON (manager));
  g_assert_nonnull (jx_choice_button_get_list (JX_CHOICE_BUTTON (manager)));
  g_signal_emit_by_name (jx_choice_button_get_list (JX_CHOICE_BUTTON (manager)), "activate",
                         self_position);
  g_clear_pointer (&body, g_free);
  body = jx_ui_test_take_dialog_body ();
  g_assert_cmpstr (body, ==, "A member cannot report to themselves or to someone who reports to "
                             "them; choose another manager.");
  g_assert_cmpuint (jx_choice_button_get_selected (JX_CHOICE_BUTTON (manager)), ==,
                    manager_position);

  /* A good change of region, found by typing in the list's search field, is written and
   * undoable. */
  region_before = (gint64) query_double (f->store, "SELECT coalesce(region_id, 0) FROM "
                                                   "team_members WHERE id = ?", id);
  g_assert_cmpint (region_before, >, 0);
  other_region = g_strdup (query_text (f->store, "SELECT name FROM regions WHERE id <> ? "
                                                          "ORDER BY name LIMIT 1", region_before));
  jx_choice_button_popup (JX_CHOICE_BUTTON (region));
  gtk_editable_set_text (jx_choice_button_get_search (JX_CHOICE_BUTTON (region)), other_region);
  jx_ui_test_iterate ();
  g_signal_emit_by_name (jx_choice_button_get_search (JX_CHOICE_BUTTON (region)), "activate");
  g_assert_cmpstr (query_text (f->store, "SELECT coalesce(r.name, '') FROM team_members m "
                                                 "LEFT JOIN regions r ON r.id = m.region_id "
                                                 "WHERE m.id = ?", id), ==, other_region);
  g_assert_cmpstr (chosen (region), ==, other_region);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint ((gint64) query_double (f->store, "SELECT coalesce(region_id, 0) FROM "
                                                    "team_members WHERE id = ?", id), ==,
                   region_before);
  g_assert_cmpstr (chosen (region), !=, other_region);
}

/* Adding through the dialog (a taken name keeps it open with the reason), removing, undo. */
static void
test_add_remove (Fixture       *f,
                 gconstpointer  data)
{
  JxMemberEdit edit = { "Zhao Min", "Account executive", FALSE, 0, 0, 140, TRUE };
  g_autoptr(JxTeamMember) first = NULL;
  GtkWindow *window;
  JxMemberDialog *dialog;
  gint64 members = jx_store_count_rows (f->store, JX_TABLE_TEAM_MEMBERS);
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "team.add-member", NULL));
  jx_ui_test_iterate ();
  window = jx_ui_test_find_window (JX_TYPE_MEMBER_DIALOG, NULL);
  g_assert_nonnull (window);
  dialog = JX_MEMBER_DIALOG (window);

  first = g_list_model_get_item (G_LIST_MODEL (jx_team_view_get_team (f->view)), 0);
  edit.name = jx_team_member_get_name (first);
  jx_member_dialog_set_edit (dialog, &edit);
  g_assert_false (jx_member_dialog_add (dialog));
  g_assert_nonnull (jx_member_dialog_get_error (dialog));
  g_assert_nonnull (strstr (jx_member_dialog_get_error (dialog), "There is already"));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_TEAM_MEMBERS), ==, members);

  edit.name = "Zhao Min";
  jx_member_dialog_set_edit (dialog, &edit);
  g_assert_true (jx_member_dialog_add (dialog));
  jx_ui_test_iterate ();
  g_assert_null (jx_ui_test_find_window (JX_TYPE_MEMBER_DIALOG, NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_TEAM_MEMBERS), ==, members + 1);
  id = jx_test_query_int (f->store, "SELECT id FROM team_members WHERE name = 'Zhao Min'");
  g_assert_cmpint (capacity_in_db (f->store, id), ==, 140);
  wait_for_view (f);
  /* A new rep without customers: all of its capacity is free. */
  g_assert_cmpint (find_rep (jx_team_view_get_allocation (f->view), id)->load, ==,
                   JX_REP_LOAD_UNDER);

  /* The search finds the new member by name. */
  gtk_editable_set_text (GTK_EDITABLE (jx_team_view_get_search_entry (f->view)), "zhao");
  g_signal_emit_by_name (jx_team_view_get_search_entry (f->view), "search-changed");
  g_assert_cmpuint (jx_team_view_get_n_shown (f->view), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (jx_team_view_get_search_entry (f->view)), "");
  g_signal_emit_by_name (jx_team_view_get_search_entry (f->view), "search-changed");
  g_assert_cmpuint (jx_team_view_get_n_shown (f->view), ==, members + 1);
  jx_team_view_select_member (f->view, id);

  /* The new member is selected; Remove takes it away, and undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "team.remove-member", NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_TEAM_MEMBERS), ==, members);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (jx_store_count_rows (f->store, JX_TABLE_TEAM_MEMBERS), ==, members + 1);
  wait_for_view (f);
  g_assert_nonnull (jx_team_find (jx_team_view_get_team (f->view), id));
}

static gboolean
still_alive (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* Closing the window while the allocation is computed: the worker's task keeps the view
 * until it returns, then the view goes away quietly. */
static void
test_close_while_computing (void)
{
  Fixture f;
  gpointer view = NULL;
  JxTierPolicy policy = { 2, 2 };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, NULL);
  g_assert_true (jx_tier_policy_set (f.store, JX_TIER_GROWTH, &policy, &error));
  g_assert_true (jx_tier_policy_set (f.store, JX_TIER_MAINTAIN, &policy, &error));
  g_assert_true (jx_team_view_is_loading (f.view));
  g_set_weak_pointer (&view, f.view);
  gtk_window_destroy (GTK_WINDOW (f.window));
  jx_ui_test_wait_while (still_alive, &view);
}

static gboolean
not_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) == 0;
}

/* The effort chart draws in light and dark; its bars are where its layout puts them. */
static void
test_chart_light_dark (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *chart = jx_team_view_get_effort_chart (f->view);
  g_autofree guchar *light = NULL;
  g_autofree guchar *dark = NULL;
  int width, height, dark_width, dark_height;
  JxChartStyle style;
  JxColor key;
  JxRect bar;
  g_autofree char *tooltip = NULL;

  g_assert_true (gtk_widget_get_mapped (chart));
  /* The chart replaces the spinner when the allocation arrives, and gets its size at the
   * next frame. */
  jx_ui_test_wait_while (not_laid_out, chart);
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  light = jx_ui_test_render (chart, &width, &height);
  /* The first bar is Key's share of revenue, in Key's colour. */
  g_assert_true (jx_effort_chart_view_get_bar (JX_EFFORT_CHART_VIEW (chart), 0,
                                               JX_EFFORT_HIT_REVENUE, &bar));
  g_assert_cmpfloat (bar.width, >, 10);
  jx_ui_chart_style_for (chart, &style);
  key = jx_chart_tier_color (&style, JX_TIER_KEY);
  g_assert_true (jx_ui_test_color_near (jx_ui_test_pixel_in (light, width, &bar),
                                        jx_ui_test_color_rgb (&key)));
  tooltip = jx_effort_chart_view_dup_tooltip_at (JX_EFFORT_CHART_VIEW (chart),
                                                 bar.x + bar.width / 2, bar.y + bar.height / 2);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "Key · "));
  g_assert_nonnull (strstr (tooltip, "of won revenue"));

  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  dark = jx_ui_test_render (chart, &dark_width, &dark_height);
  g_assert_cmpint (dark_width, ==, width);
  g_assert_cmpint (dark_height, ==, height);
  g_assert_true (jx_ui_test_pixels_differ (light, dark, width, height));
  /* The background follows the dark style. */
  jx_ui_chart_style_for (chart, &style);
  g_assert_true (style.dark);
  g_assert_true (jx_ui_test_color_near (jx_ui_test_pixel (dark, width, 2, 2),
                                        jx_ui_test_color_rgb (&style.background)));
  jx_ui_test_set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestTeam", &app, &tmp_dir))
    return g_test_run ();

  g_test_add ("/jx/team-view/capacity", Fixture, NULL, fixture_set_up, test_capacity,
              fixture_tear_down);
  g_test_add ("/jx/team-view/policy", Fixture, NULL, fixture_set_up, test_policy,
              fixture_tear_down);
  g_test_add ("/jx/team-view/customer-moved", Fixture, NULL, fixture_set_up,
              test_customer_moved, fixture_tear_down);
  g_test_add ("/jx/team-view/shared-base", Fixture, NULL, fixture_set_up, test_shared_base,
              fixture_tear_down);
  g_test_add ("/jx/team-view/invalid-edits", Fixture, NULL, fixture_set_up, test_invalid_edits,
              fixture_tear_down);
  g_test_add ("/jx/team-view/add-remove", Fixture, NULL, fixture_set_up, test_add_remove,
              fixture_tear_down);
  g_test_add_func ("/jx/team-view/close-while-computing", test_close_while_computing);
  g_test_add ("/jx/team-view/chart-light-dark", Fixture, NULL, fixture_set_up,
              test_chart_light_dark, fixture_tear_down);
  return jx_ui_test_run (app, tmp_dir);
}
