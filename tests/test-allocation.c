/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "jx-test-util.h"

/*
 * Resource allocation, team and regions on a small database counted by hand.
 *
 * Policies: key 4 visits × 3 h = 12 h, growth 2 × 2 = 4 h, maintain 1 × 1.5 = 1.5 h,
 * defend 3 × 2.5 = 7.5 h, none 0.25 × 1 = 0.25 h per customer and month (schema defaults).
 */
static JxStore *
open_team (const char *dir)
{
  JxStore *store = jx_test_open_new (dir, "a.db", JX_STORE_OPEN_UNDO, 0);

  jx_test_exec (store,
    "INSERT INTO regions(id, name, parent_id, potential, competitors, strategy) VALUES"
    " (1, 'East', NULL, 100000, 'Orbis', 'Defend'), (2, 'Shanghai', 1, 40000, '', ''),"
    " (3, 'Suzhou', 1, NULL, '', ''), (4, 'West', NULL, NULL, '', 'Grow');"
    "INSERT INTO team_members(id, name, role, is_manager, manager_id, region_id, capacity_hours)"
    " VALUES (1, 'Boss', 'Director', 1, NULL, NULL, 60),"
    " (2, 'Ann', 'Rep', 0, 1, 2, 30),"       /* 2 key + 1 growth = 28 h of 30 → balanced */
    " (3, 'Bob', 'Rep', 0, 1, 4, 10),"       /* 1 key + 1 none = 12.25 h of 10 → over */
    " (4, 'Cid', 'Rep', 0, 1, 3, 100),"      /* 1 defend = 7.5 h of 100 → under */
    " (5, 'Dee', 'Rep', 0, 1, 3, NULL);"     /* 2 maintain = 3 h, no capacity */
    "INSERT INTO customers(id, name, region_id, owner_id, tier) VALUES"
    " (1, 'K1', 2, 2, 'key'), (2, 'K2', 2, 2, 'key'), (3, 'G1', 2, 2, 'growth'),"
    " (4, 'K3', 4, 3, 'key'), (5, 'N1', 4, 3, NULL), (6, 'D1', 3, 4, 'defend'),"
    " (7, 'M1', 3, 5, 'maintain'), (8, 'M2', 3, 5, 'maintain'), (9, 'Orphan', 1, NULL, 'growth');"
    "INSERT INTO deals(customer_id, amount, opened, closed, stage_id, status) VALUES"
    " (1, 6000, '2026-01-01', '2026-02-01', 6, 1), (4, 3000, '2026-01-01', '2026-02-01', 6, 1),"
    " (3, 1000, '2026-01-01', '2026-02-01', 6, 1), (6, 500, '2026-01-01', '2026-02-01', 6, 1),"
    " (7, 500, '2026-01-01', '2026-02-01', 6, 1), (8, 9999, '2024-01-01', '2024-02-01', 6, 1);");
  return store;
}

static gboolean
has_rep (const JxAllocation *a,
         const char         *name)
{
  for (guint i = 0; i < a->reps->len; i++)
    if (g_strcmp0 (g_array_index (a->reps, JxRepAllocation, i).name, name) == 0)
      return TRUE;
  return FALSE;
}

static const JxRepAllocation *
rep_named (const JxAllocation *a,
           const char         *name)
{
  for (guint i = 0; i < a->reps->len; i++)
    if (g_strcmp0 (g_array_index (a->reps, JxRepAllocation, i).name, name) == 0)
      return &g_array_index (a->reps, JxRepAllocation, i);
  g_error ("no rep called %s", name);
}

static void
test_allocation (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_team (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(JxAllocation) a = NULL;
  g_autoptr(JxAllocation) b = NULL;
  const JxRepAllocation *r;
  JxTierPolicy policy = { 2, 3 };
  double planned = 0;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  base = jx_customer_base_new (store, &today, &error);
  g_assert_no_error (error);
  a = jx_allocation_compute (base, &error);
  g_assert_no_error (error);

  /* Per tier: 3 key = 36 h, 2 growth = 8 h, 2 maintain = 3 h, 1 defend = 7.5 h, 1 none
   * = 0.25 h; 54.75 h in all. Revenue 10,500 of which key 9,000. */
  g_assert_cmpuint (a->tiers[JX_TIER_KEY].customers, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_KEY].planned_hours, 36, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_GROWTH].planned_hours, 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_MAINTAIN].planned_hours, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_DEFEND].planned_hours, 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_NONE].planned_hours, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->planned_hours, 54.75, 1e-9);
  g_assert_cmpint (a->revenue_12m, ==, 11000);
  g_assert_cmpint (a->tiers[JX_TIER_KEY].revenue_12m, ==, 9000);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_KEY].revenue_share, 9000.0 / 11000, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->tiers[JX_TIER_KEY].effort_share, 36 / 54.75, 1e-12);
  for (guint t = 0; t < JX_N_TIERS; t++)
    planned += a->tiers[t].planned_hours;
  g_assert_cmpfloat_with_epsilon (planned, a->planned_hours, 1e-9);

  /* Per rep. */
  r = rep_named (a, "Ann");
  g_assert_cmpuint (r->customers, ==, 3);
  g_assert_cmpfloat_with_epsilon (r->planned_hours, 28, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->balance_hours, 2, 1e-9);
  g_assert_cmpint (r->load, ==, JX_REP_LOAD_BALANCED);
  g_assert_cmpstr (r->region_name, ==, "Shanghai");
  r = rep_named (a, "Bob");
  g_assert_cmpfloat_with_epsilon (r->planned_hours, 12.25, 1e-9);
  g_assert_cmpint (r->load, ==, JX_REP_LOAD_OVER);
  g_assert_cmpfloat_with_epsilon (r->utilisation, 1.225, 1e-9);
  r = rep_named (a, "Cid");
  g_assert_cmpint (r->load, ==, JX_REP_LOAD_UNDER);
  r = rep_named (a, "Dee");
  g_assert_cmpint (r->load, ==, JX_REP_LOAD_NO_CAPACITY);
  g_assert_cmpuint (r->customers_by_tier[JX_TIER_MAINTAIN], ==, 2);
  g_assert_true (has_rep (a, "No owner"));
  r = rep_named (a, "No owner");
  g_assert_cmpint (r->member_id, ==, 0);
  g_assert_cmpfloat_with_epsilon (r->planned_hours, 4, 1e-9);
  /* The director owns nobody and is a manager: not listed. */
  g_assert_false (has_rep (a, "Boss"));
  g_assert_cmpuint (a->n_over, ==, 1);
  g_assert_cmpuint (a->n_under, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->capacity_hours, 140, 1e-9);
  /* Customers nobody can plan for come first (the unowned, then reps without capacity),
   * then the most loaded. */
  g_assert_cmpstr (g_array_index (a->reps, JxRepAllocation, 0).name, ==, "No owner");
  g_assert_cmpstr (g_array_index (a->reps, JxRepAllocation, 1).name, ==, "Dee");
  g_assert_cmpstr (g_array_index (a->reps, JxRepAllocation, 2).name, ==, "Bob");
  g_assert_cmpstr (g_array_index (a->reps, JxRepAllocation, 4).name, ==, "Cid");

  /* A policy change, undoable, changes the plan at once. */
  g_assert_true (jx_tier_policy_set (store, JX_TIER_KEY, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Change the Key policy");
  b = jx_allocation_compute (base, &error);
  g_assert_cmpfloat_with_epsilon (b->tiers[JX_TIER_KEY].planned_hours, 18, 1e-9);
  g_assert_cmpfloat_with_epsilon (rep_named (b, "Bob")->planned_hours, 6.25, 1e-9);
  g_assert_cmpint (rep_named (b, "Bob")->load, ==, JX_REP_LOAD_UNDER);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT visits_per_month FROM tier_policies WHERE "
                                             "tier = 'key'"), ==, 4);

  policy.visits_per_month = -1;
  g_assert_false (jx_tier_policy_set (store, JX_TIER_KEY, &policy, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  jx_test_remove_dir (dir);
}

static void
test_team (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_team (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTeam) team = NULL;
  JxTeamMember *ann, *bob;
  JxMemberEdit edit = { "Eve", "Rep", FALSE, 1, 2, 120, TRUE };
  gint64 eve;

  team = jx_team_new (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (team)), ==, 5);
  ann = jx_team_find (team, 2);
  g_assert_cmpstr (jx_team_member_get_manager_name (ann), ==, "Boss");
  g_assert_cmpstr (jx_team_member_get_region_name (ann), ==, "Shanghai");
  g_assert_cmpuint (jx_team_member_get_n_customers (ann), ==, 3);
  g_assert_cmpint (jx_team_member_get_capacity_hours (jx_team_find (team, 5)), ==, -1);

  eve = jx_team_add_member (store, &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eve, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (team)), ==, 6);

  /* Editing capacity in place keeps the object. */
  ann = jx_team_find (team, 2);
  edit.capacity_hours = 45;
  g_assert_true (jx_team_update_member (store, 2, &edit, JX_MEMBER_FIELD_CAPACITY, &error));
  g_assert_no_error (error);
  g_assert_true (jx_team_find (team, 2) == ann);
  g_assert_cmpint (jx_team_member_get_capacity_hours (ann), ==, 45);
  g_assert_cmpstr (jx_team_member_get_name (ann), ==, "Ann");
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Edit team member");
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpint (jx_team_member_get_capacity_hours (ann), ==, 30);

  /* Bad input is refused without writing. */
  edit.name = "  ";
  g_assert_false (jx_team_update_member (store, 2, &edit, JX_MEMBER_FIELD_NAME, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  edit.name = "bob";                    /* names are unique, ignoring case */
  g_assert_false (jx_team_update_member (store, 2, &edit, JX_MEMBER_FIELD_NAME, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "bob"));
  g_clear_error (&error);
  /* Boss cannot report to Ann, who reports to Boss. */
  edit.manager_id = 2;
  g_assert_false (jx_team_update_member (store, 1, &edit, JX_MEMBER_FIELD_MANAGER, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  edit.capacity_hours = 1000;
  g_assert_false (jx_team_update_member (store, 2, &edit, JX_MEMBER_FIELD_CAPACITY, &error));
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT capacity_hours FROM team_members WHERE id = 2"),
                   ==, 30);

  /* Removing Bob leaves his customers without owner. */
  bob = jx_team_find (team, 3);
  g_assert_nonnull (bob);
  g_assert_true (jx_team_remove_member (store, 3, &error));
  g_assert_null (jx_team_find (team, 3));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE owner_id IS NULL"),
                   ==, 3);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM customers WHERE owner_id = 3"),
                   ==, 2);
  jx_test_remove_dir (dir);
}

static JxRegion *
child (GListModel *model,
       guint       i)
{
  JxRegion *region = g_list_model_get_item (model, i);

  g_object_unref (region);     /* the tree keeps it */
  return region;
}

static void
test_regions (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_team (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxRegionTree) tree = NULL;
  JxRegion *east, *shanghai, *suzhou, *west;
  JxRegionEdit edit = { "Hangzhou", 1, 5000, "", "" };
  gint64 hangzhou;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  tree = jx_region_tree_new (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tree)), ==, 2);
  east = child (G_LIST_MODEL (tree), 0);
  west = child (G_LIST_MODEL (tree), 1);
  g_assert_cmpstr (jx_region_get_name (east), ==, "East");
  shanghai = child (jx_region_get_children (east), 0);
  suzhou = child (jx_region_get_children (east), 1);
  g_assert_cmpstr (jx_region_get_name (suzhou), ==, "Suzhou");
  g_assert_cmpuint (jx_region_get_depth (suzhou), ==, 1);

  /* Won in the last 12 months by region of the customer, summed up the tree. */
  g_assert_cmpint (jx_region_get_won_12m (shanghai), ==, 7000);
  g_assert_cmpint (jx_region_get_won_12m (suzhou), ==, 1000);      /* M2's win is too old */
  g_assert_cmpint (jx_region_get_won_12m (east), ==, 8000);
  g_assert_cmpint (jx_region_get_won_12m (west), ==, 3000);
  g_assert_cmpuint (jx_region_get_n_customers (east), ==, 7);      /* 3 + 3 + Orphan */
  g_assert_cmpuint (jx_region_get_n_reps (east), ==, 3);           /* Ann, Cid, Dee */
  g_assert_cmpint (jx_region_get_potential (east), ==, 100000);
  g_assert_cmpfloat_with_epsilon (jx_region_get_share (east), 0.08, 1e-12);
  g_assert_cmpint (jx_region_get_potential (suzhou), ==, -1);
  g_assert_true (isnan (jx_region_get_share (west)));
  g_assert_cmpstr (jx_region_get_strategy (west), ==, "Grow");

  /* Editing in place keeps the objects; adding a region rebuilds the tree. */
  edit.potential = 20000;
  g_assert_true (jx_region_update (store, 4, &edit, JX_REGION_FIELD_POTENTIAL, &error));
  g_assert_no_error (error);
  g_assert_true (child (G_LIST_MODEL (tree), 1) == west);
  g_assert_cmpfloat_with_epsilon (jx_region_get_share (west), 0.15, 1e-12);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Edit region");

  hangzhou = jx_region_add (store, &edit, &error);
  g_assert_no_error (error);
  east = child (G_LIST_MODEL (tree), 0);
  g_assert_cmpuint (g_list_model_get_n_items (jx_region_get_children (east)), ==, 3);
  /* East without its own potential would sum its children; with its own it keeps it. */
  g_assert_cmpint (jx_region_get_potential (east), ==, 100000);

  /* A region cannot move under its own subregion. */
  edit.parent_id = hangzhou;
  g_assert_false (jx_region_update (store, 1, &edit, JX_REGION_FIELD_PARENT, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  edit.name = "west";
  g_assert_false (jx_region_update (store, 1, &edit, JX_REGION_FIELD_NAME, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A region without potential of its own shows its children's sum. */
  edit.potential = -1;
  g_assert_true (jx_region_update (store, 1, &edit, JX_REGION_FIELD_POTENTIAL, &error));
  east = child (G_LIST_MODEL (tree), 0);
  g_assert_cmpint (jx_region_get_potential (east), ==, 40000 + 20000);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/allocation/plan", test_allocation);
  g_test_add_func ("/jx/allocation/team", test_team);
  g_test_add_func ("/jx/allocation/regions", test_regions);
  return g_test_run ();
}
