/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-row-private.h"
#include "jx-test-util.h"

/*
 * The row editing shared by regions and team members (core/jx-row.c), on a small tree:
 * East ← Shanghai ← Pudong, and West; Boss ← Ann ← Bob.
 */

static JxStore *
open_rows (const char *dir)
{
  JxStore *store = jx_test_open_new (dir, "rows.db", JX_STORE_OPEN_UNDO, 0);

  jx_test_exec (store,
    "INSERT INTO regions(id, name, parent_id, potential) VALUES"
    " (1, 'East', NULL, 1000), (2, 'Shanghai', 1, 400), (3, 'Pudong', 2, NULL),"
    " (4, 'West', NULL, NULL);"
    "INSERT INTO team_members(id, name, role, is_manager, manager_id, region_id, capacity_hours)"
    " VALUES (1, 'Boss', 'Director', 1, NULL, NULL, 60), (2, 'Ann', 'Manager', 1, 1, 1, 80),"
    " (3, 'Bob', 'Rep', 0, 2, 2, 120);");
  return store;
}

#define REGION_PARENT_SQL "SELECT coalesce(parent_id, 0) FROM regions WHERE id = ?"

static void
test_exists_and_loops (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_rows (dir);

  g_assert_true (jx_row_exists (store, "SELECT 1 FROM regions WHERE id = ?", 3));
  g_assert_false (jx_row_exists (store, "SELECT 1 FROM regions WHERE id = ?", 5));
  g_assert_true (jx_row_exists (store, "SELECT 1 FROM team_members WHERE id = ?", 1));

  /* East under Pudong: Pudong → Shanghai → East closes the loop. */
  g_assert_true (jx_row_parent_loops (store, REGION_PARENT_SQL, 1, 3));
  g_assert_true (jx_row_parent_loops (store, REGION_PARENT_SQL, 2, 2));
  /* Pudong under East, or East under West: no loop. */
  g_assert_false (jx_row_parent_loops (store, REGION_PARENT_SQL, 3, 1));
  g_assert_false (jx_row_parent_loops (store, REGION_PARENT_SQL, 1, 4));
  g_assert_false (jx_row_parent_loops (store, REGION_PARENT_SQL, 1, 0));

  jx_test_remove_dir (dir);
}

/* Only the chosen fields are written, in one undo step; a refused edit writes nothing. */
static void
test_update_fields (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_rows (dir);
  g_autoptr(GError) error = NULL;
  JxRegionEdit edit = { "  Far East ", 4, 2500, "Orbis", "Grow" };
  JxMemberEdit member = { "Boss", "CEO", TRUE, 3, 0, -1, TRUE };

  g_assert_true (jx_region_update (store, 1, &edit,
                                   JX_REGION_FIELD_NAME | JX_REGION_FIELD_POTENTIAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'Far East' AND potential = 2500"
                                             " AND parent_id IS NULL AND competitors = ''"
                                             " FROM regions WHERE id = 1"), ==, 1);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'East' AND potential = 1000"
                                             " FROM regions WHERE id = 1"), ==, 1);

  /* Shanghai renamed "east" collides with East (names ignore case). */
  edit.name = "east";
  g_assert_false (jx_region_update (store, 2, &edit, JX_REGION_FIELD_ALL, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "There is already a region called “east”; choose another "
                                       "name.");
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT potential FROM regions WHERE id = 2"), ==,
                   400);

  /* Boss reporting to Bob, who reports to Ann, who reports to Boss. */
  g_assert_false (jx_team_update_member (store, 1, &member, JX_MEMBER_FIELD_ROLE |
                                         JX_MEMBER_FIELD_MANAGER, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT role = 'Director' FROM team_members"
                                             " WHERE id = 1"), ==, 1);

  /* Role and capacity (−1: not set) of Bob, nothing else. */
  member.name = "Robert";
  g_assert_true (jx_team_update_member (store, 3, &member, JX_MEMBER_FIELD_ROLE |
                                        JX_MEMBER_FIELD_CAPACITY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'Bob' AND role = 'CEO'"
                                             " AND capacity_hours IS NULL AND manager_id = 2"
                                             " FROM team_members WHERE id = 3"), ==, 1);

  jx_test_remove_dir (dir);
}

/* A new member gets every field; removing rows is one undo step, a missing row an error. */
static void
test_add_and_delete (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autoptr(JxStore) store = open_rows (dir);
  g_autoptr(GError) error = NULL;
  JxMemberEdit member = { " Cid ", "Rep", FALSE, 2, 4, 90, FALSE };
  gint64 id;

  id = jx_team_add_member (store, &member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 4);
  g_assert_cmpint (jx_test_query_int (store, "SELECT name = 'Cid' AND role = 'Rep'"
                                             " AND is_manager = 0 AND manager_id = 2"
                                             " AND region_id = 4 AND capacity_hours = 90"
                                             " AND active = 0 FROM team_members WHERE id = 4"),
                   ==, 1);

  g_assert_true (jx_region_remove (store, 2, &error));
  g_assert_no_error (error);
  /* Pudong moves to the top level, Bob keeps no region. */
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM regions"), ==, 3);
  g_assert_cmpint (jx_test_query_int (store, "SELECT parent_id IS NULL FROM regions"
                                             " WHERE id = 3"), ==, 1);
  g_assert_true (jx_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT parent_id FROM regions WHERE id = 3"), ==,
                   2);
  g_assert_cmpint (jx_test_query_int (store, "SELECT region_id FROM team_members WHERE id = 3"),
                   ==, 2);

  g_assert_false (jx_team_remove_member (store, 99, &error));
  g_assert_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "This team member no longer exists.");
  g_clear_error (&error);
  g_assert_false (jx_store_in_transaction (store));
  g_assert_true (jx_team_remove_member (store, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jx_test_query_int (store, "SELECT count(*) FROM team_members"), ==, 3);

  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/row/exists-and-loops", test_exists_and_loops);
  g_test_add_func ("/jx/row/update-fields", test_update_fields);
  g_test_add_func ("/jx/row/add-and-delete", test_add_and_delete);
  return g_test_run ();
}
