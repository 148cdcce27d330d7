/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-row-private.h"
#include "jx-test-util.h"

/*
 * The shared adding and checking of rows in core/jx-row.c (jx_row_insert(),
 * jx_row_check_parent(), jx_row_clean_name(), jx_row_finish()), through regions and target
 * plans, on East ← Shanghai.
 */

static JxStore *
open_rows (const char *dir)
{
  JxStore *store = jx_test_open_new (dir, "rows.db", JX_STORE_OPEN_UNDO, 0);

  jx_test_exec (store,
    "INSERT INTO regions(id, name, parent_id, potential) VALUES"
    " (1, 'East', NULL, 1000), (2, 'Shanghai', 1, 400);");
  return store;
}

/* A new region is trimmed and written with every field in one undo step; a taken name, an
 * empty name, a missing parent and a loop are refused with their own words. */
static void
test_region_add_and_check (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_rows (dir);
  g_autoptr(GError) error = NULL;
  JxRegionEdit edit = { "  Pudong ", 2, -1, "Orbis", NULL };
  gint64 id;

  id = jx_region_add (store, &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'Pudong' AND parent_id = 2"
                                             " AND potential IS NULL AND competitors = 'Orbis'"
                                             " AND strategy = '' FROM regions WHERE id = 3"), ==,
                   1);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Add region");

  edit.name = "EAST";
  g_assert_cmpint (jx_region_add (store, &edit, &error), ==, 0);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "There is already a region called “EAST”; choose another "
                                       "name.");
  g_clear_error (&error);
  g_assert_false (jx_store_in_transaction (store));
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), ==, 3);

  edit.name = "   ";
  g_assert_cmpint (jx_region_add (store, &edit, &error), ==, 0);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter a name for the region (at most 200 characters).");
  g_clear_error (&error);

  edit.name = "West";
  edit.parent_id = 99;
  g_assert_cmpint (jx_region_add (store, &edit, &error), ==, 0);
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The chosen parent region no longer exists; choose "
                                       "another one.");
  g_clear_error (&error);

  /* East under Pudong, which lies under Shanghai, which lies under East. */
  edit.parent_id = 3;
  g_assert_false (jx_region_update (store, 1, &edit, JX_REGION_FIELD_PARENT, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A region cannot lie inside itself or inside one of its "
                                       "subregions; choose another parent.");
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT parent_id IS NULL FROM regions WHERE id = 1"),
                   ==, 1);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), ==, 3);

  jx_test_remove_dir (dir);
}

/* Activating a plan that is gone leaves the active plan as it was; rename and delete are
 * one undo step each. */
static void
test_plan_changes (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_rows (dir);
  g_autoptr(GError) error = NULL;
  gint64 first, second;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  first = jx_target_plan_create (store, "Plan A", &today, &error);
  g_assert_no_error (error);
  second = jx_target_plan_create (store, "Plan B", &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_plan_get_active_id (store), ==, first);

  g_assert_false (jx_target_plan_activate (store, 99, &error));
  g_assert_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The plan to activate no longer exists.");
  g_clear_error (&error);
  g_assert_false (jx_store_in_transaction (store));
  g_assert_cmpint (jx_target_plan_get_active_id (store), ==, first);

  g_assert_true (jx_target_plan_activate (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_target_plan_get_active_id (store), ==, second);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM target_plans"
                                             " WHERE active = 1"), ==, 1);

  g_assert_true (jx_target_plan_rename (store, first, "  Plan C ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jx_store_get_undo_label (store), ==, "Rename Plan");
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'Plan C' FROM target_plans"
                                             " WHERE id = 1"), ==, 1);

  g_assert_true (jx_target_plan_delete (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM target_plans"), ==, 1);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM target_plans"), ==, 2);

  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/row-edit/region-add-and-check", test_region_add_and_check);
  g_test_add_func ("/jx/row-edit/plan-changes", test_plan_changes);
  return g_test_run ();
}
