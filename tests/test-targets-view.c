/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "jx-plan-compare-dialog.h"
#include "jx-target-add-dialog.h"
#include "jx-target-decompose-dialog.h"
#include "jx-targets-view.h"
#include "jx-ui-test-util.h"

/*
 * The Targets view under Xvfb on the demo database (its plan: a year split into four
 * quarters). Widgets are driven through the handlers their gestures, keys and buttons
 * use; the database is checked with SQL of its own.
 */

static GtkApplication *app;
static char *tmp_dir;

typedef struct {
  JxWindow      *window;
  JxStore       *store;
  JxTargetsView *view;
  JxTargetTree  *tree;
} Fixture;

static gboolean
view_loading (gpointer view)
{
  return jx_targets_view_is_loading (view);
}

/* Runs the main loop until the figures are read. */
static void
wait_for_figures (Fixture *f)
{
  jx_ui_test_iterate ();
  jx_ui_test_wait_while (view_loading, f->view);
}

/* The Decompose dialog that is showing, or NULL. */
static JxTargetDecomposeDialog *
decompose_dialog (void)
{
  GtkWindow *dialog = jx_ui_test_find_window (JX_TYPE_TARGET_DECOMPOSE_DIALOG, NULL);

  return dialog != NULL ? JX_TARGET_DECOMPOSE_DIALOG (dialog) : NULL;
}

static void
fixture_open (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(JxStore) demo = jx_test_open_new (tmp_dir, name, JX_STORE_OPEN_DEFAULT, 1);
    }
  f->window = jx_ui_test_new_window (app, path, 1600, 1000);
  jx_window_show_view (f->window, "targets");
  jx_ui_test_iterate ();
  f->store = jx_ui_test_window_store (f->window);
  f->view = JX_TARGETS_VIEW (jx_window_get_view (f->window, "targets"));
  wait_for_figures (f);
  f->tree = jx_targets_view_get_tree (f->view);
  g_assert_nonnull (f->tree);
}

static void
fixture_close (Fixture *f)
{
  jx_ui_test_close_window (f->window);
}

static JxTargetNode *
root_of (Fixture *f)
{
  g_autoptr(JxTargetNode) root = g_list_model_get_item (jx_target_tree_get_roots (f->tree), 0);
  return root;
}

static gint64
db_amount (Fixture *f,
           gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT amount FROM target_nodes WHERE id = %"
                                          G_GINT64_FORMAT, id);
  return jx_test_query_int (f->store, sql);
}

/* Clicks the middle of @node's card where the layout says it is. */
static void
click_card (Fixture      *f,
            JxTargetNode *node)
{
  JxTargetChart *chart = jx_targets_view_get_chart (f->view);
  JxTargetTreeRect r;

  g_assert_true (jx_target_tree_layout_get_card (jx_target_chart_get_layout (chart), node, &r));
  jx_target_chart_click (chart, r.x + r.width / 2, r.y + r.height / 3, 1);
  jx_ui_test_iterate ();
}

/* A click on a card selects it everywhere; the keys move between parent, children and
 * siblings; Space and the expander collapse and expand. */
static void
test_select (void)
{
  Fixture f = { 0 };
  JxTargetChart *chart;
  JxTargetTreeLayout *layout;
  JxTargetNode *root, *q1, *q2;
  JxTargetTreeRect r;

  fixture_open (&f, "select.db");
  chart = jx_targets_view_get_chart (f.view);
  layout = jx_target_chart_get_layout (chart);
  root = root_of (&f);
  g_assert_cmpuint (jx_target_node_get_n_children (root), ==, 4);
  q1 = jx_test_child_at (root, 0);
  q2 = jx_test_child_at (root, 1);
  g_assert_cmpstr (jx_target_node_get_name (q2), ==, "Q2");

  click_card (&f, q2);
  g_assert_true (jx_targets_view_get_selected (f.view) == q2);
  g_assert_true (jx_target_chart_get_selected (chart) == q2);
  g_assert_true (jx_target_outline_get_selected (jx_targets_view_get_outline (f.view)) == q2);
  g_assert_true (jx_target_editor_get_node (jx_targets_view_get_editor (f.view)) == q2);

  /* Up to the year, Down to its first quarter, Right to the next. */
  g_assert_true (jx_target_chart_move (chart, JX_TARGET_TREE_MOVE_PARENT));
  g_assert_true (jx_targets_view_get_selected (f.view) == root);
  g_assert_true (jx_target_chart_move (chart, JX_TARGET_TREE_MOVE_FIRST_CHILD));
  g_assert_true (jx_targets_view_get_selected (f.view) == q1);
  g_assert_true (jx_target_chart_move (chart, JX_TARGET_TREE_MOVE_NEXT_SIBLING));
  g_assert_true (jx_targets_view_get_selected (f.view) == q2);
  g_assert_false (jx_target_chart_move (chart, JX_TARGET_TREE_MOVE_FIRST_CHILD));

  /* Space on the year hides its quarters; the expander shows them again. */
  jx_targets_view_select (f.view, root);
  g_assert_cmpuint (jx_target_tree_layout_get_n_visible (layout), ==, 5);
  jx_target_chart_toggle_selected (chart);
  g_assert_cmpuint (jx_target_tree_layout_get_n_visible (layout), ==, 1);
  g_assert_true (jx_target_tree_layout_get_card (layout, root, &r));
  jx_target_chart_click (chart, r.x + r.width / 2, r.y + r.height, 1);
  g_assert_cmpuint (jx_target_tree_layout_get_n_visible (layout), ==, 5);

  /* The tooltip of a card gives the figures in full. */
  {
    g_autofree char *tip = jx_target_chart_dup_tooltip (chart, q2);
    g_autofree char *amount = jx_money_format (jx_target_node_get_amount (q2), "CNY");

    g_assert_nonnull (strstr (tip, amount));
    g_assert_nonnull (strstr (tip, "Apr 1, 2026"));
  }
  fixture_close (&f);
}

/* Typing a quarter's amount in the side panel shows the year's unallocated amount at
 * once; Enter writes it; Rebalance spreads the difference; Undo puts both back. */
static void
test_edit_amount (void)
{
  Fixture f = { 0 };
  JxTargetEditor *editor;
  JxTargetNode *root, *q2;
  AdwEntryRow *row;
  gint64 year, others, old_q2, gap;
  g_autofree char *gap_text = NULL;
  g_autofree char *expected = NULL;

  fixture_open (&f, "edit.db");
  editor = jx_targets_view_get_editor (f.view);
  root = root_of (&f);
  q2 = jx_test_child_at (root, 1);
  click_card (&f, q2);
  g_assert_true (jx_target_editor_get_node (editor) == q2);

  year = jx_test_query_int (f.store, "SELECT amount FROM target_nodes WHERE parent_id IS NULL");
  old_q2 = db_amount (&f, jx_target_node_get_id (q2));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT sum(amount) FROM target_nodes WHERE parent_id ="
                                            " %" G_GINT64_FORMAT " AND id <> %" G_GINT64_FORMAT,
                                            jx_target_node_get_id (root), jx_target_node_get_id (q2));
    others = jx_test_query_int (f.store, sql);
  }
  g_assert_cmpint (others + old_q2, ==, year);
  g_assert_cmpstr (jx_target_editor_get_parent_status (editor), ==,
                   "“Revenue 2026” is fully allocated");

  /* Typed, not yet applied: the status follows, the database does not. */
  row = jx_target_editor_get_amount_row (editor);
  gtk_editable_set_text (GTK_EDITABLE (row), "40,000,000");
  jx_ui_test_iterate ();
  gap = year - (others + G_GINT64_CONSTANT (4000000000));
  g_assert_cmpint (gap, >, 0);
  gap_text = jx_money_format (gap, "CNY");
  expected = g_strdup_printf ("%s unallocated", gap_text);
  g_assert_cmpstr (jx_target_editor_get_parent_status (editor), ==, expected);
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, old_q2);

  g_signal_emit_by_name (row, "entry-activated");
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, G_GINT64_CONSTANT (4000000000));
  g_assert_cmpint (jx_target_node_get_unallocated (root), ==, gap);
  g_assert_cmpstr (jx_target_editor_get_parent_status (editor), ==, expected);

  /* Over-allocated the other way round. */
  gtk_editable_set_text (GTK_EDITABLE (row), "80000000.5");
  g_signal_emit_by_name (row, "entry-activated");
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, G_GINT64_CONSTANT (8000000050));
  g_assert_cmpint (jx_target_node_get_unallocated (root), ==,
                   year - others - G_GINT64_CONSTANT (8000000050));
  g_assert_nonnull (strstr (jx_target_editor_get_parent_status (editor), "over-allocated"));

  /* Undo twice: back to the original quarter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, G_GINT64_CONSTANT (4000000000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, old_q2);
  g_assert_cmpint (jx_target_node_get_unallocated (root), ==, 0);
  {
    /* The field shows the stored amount again (whole yuan may drop the ".00"). */
    gint64 shown = -1;

    g_assert_true (jx_money_parse (gtk_editable_get_text (GTK_EDITABLE (row)), "CNY", &shown, NULL));
    g_assert_cmpint (shown, ==, old_q2);
  }

  /* Bad input leaves the database alone. */
  gtk_editable_set_text (GTK_EDITABLE (row), "lots");
  g_signal_emit_by_name (row, "entry-activated");
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, old_q2);

  /* Rebalance after a change keeps Q2 and brings the others to the rest exactly. */
  gtk_editable_set_text (GTK_EDITABLE (row), "40,000,000");
  g_signal_emit_by_name (row, "entry-activated");
  jx_ui_test_iterate ();
  g_assert_true (jx_target_tree_rebalance (f.tree, root, q2, NULL));
  jx_ui_test_iterate ();
  {
    g_autofree char *sql = g_strdup_printf ("SELECT sum(amount) FROM target_nodes WHERE parent_id ="
                                            " %" G_GINT64_FORMAT, jx_target_node_get_id (root));
    g_assert_cmpint (jx_test_query_int (f.store, sql), ==, year);
  }
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q2)), ==, G_GINT64_CONSTANT (4000000000));
  g_assert_cmpstr (jx_target_editor_get_parent_status (editor), ==,
                   "“Revenue 2026” is fully allocated");
  fixture_close (&f);
}

/* Add Target… makes a new year with an awkward amount; Decompose… into quarters makes four
 * sub-targets that add up to it to the fen; Undo removes them, then the target. */
static void
test_add_and_decompose (void)
{
  Fixture f = { 0 };
  JxTargetAddDialog *add;
  JxTargetDecomposeDialog *dialog;
  JxTargetDecomposition *preview;
  JxTargetNode *node;
  gint64 id;
  g_autofree char *count_sql = NULL;
  g_autofree char *sum_sql = NULL;
  guint before;

  fixture_open (&f, "decompose.db");
  before = jx_target_tree_get_n_nodes (f.tree);
  jx_targets_view_select (f.view, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.add-target", NULL));
  jx_ui_test_iterate ();
  add = JX_TARGET_ADD_DIALOG (jx_ui_test_find_window (JX_TYPE_TARGET_ADD_DIALOG, NULL));
  g_assert_nonnull (add);
  /* It opens with the keyboard in the name. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (add));

    g_assert_nonnull (focus);
    g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (
                       focus, ADW_TYPE_ENTRY_ROW))), ==, "_Name");
  }
  jx_target_add_dialog_set (add, "Stretch 2026", "1,000,000.01");
  id = jx_target_add_dialog_create (add);
  jx_ui_test_iterate ();
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (db_amount (&f, id), ==, 100000001);
  g_assert_cmpuint (jx_target_tree_get_n_nodes (f.tree), ==, before + 1);
  node = jx_target_tree_lookup (f.tree, id);
  g_assert_true (jx_targets_view_get_selected (f.view) == node);
  g_assert_cmpstr (jx_target_node_get_period_from (node), ==, "2026-01-01");
  g_assert_cmpstr (jx_target_node_get_period_to (node), ==, "2026-12-31");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.decompose", NULL));
  jx_ui_test_iterate ();
  dialog = decompose_dialog ();
  g_assert_nonnull (dialog);
  jx_target_decompose_dialog_set_dimension (dialog, JX_TARGET_DIMENSION_QUARTER);
  jx_target_decompose_dialog_set_method (dialog, JX_TARGET_METHOD_EQUAL);
  jx_ui_test_iterate ();
  preview = jx_target_decompose_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (preview)), ==, 4);
  g_assert_cmpint (jx_target_decomposition_get_total (preview), ==, 100000001);
  g_assert_true (jx_target_decompose_dialog_create (dialog));
  jx_ui_test_iterate ();

  count_sql = g_strdup_printf ("SELECT count(*) FROM target_nodes WHERE parent_id = %"
                               G_GINT64_FORMAT, id);
  sum_sql = g_strdup_printf ("SELECT sum(amount) FROM target_nodes WHERE parent_id = %"
                             G_GINT64_FORMAT, id);
  g_assert_cmpint (jx_test_query_int (f.store, count_sql), ==, 4);
  g_assert_cmpint (jx_test_query_int (f.store, sum_sql), ==, 100000001);
  {
    g_autofree char *spread = g_strdup_printf ("SELECT max(amount) - min(amount) FROM target_nodes"
                                               " WHERE parent_id = %" G_GINT64_FORMAT, id);
    g_assert_cmpint (jx_test_query_int (f.store, spread), ==, 1);
  }
  g_assert_cmpuint (jx_target_node_get_n_children (node), ==, 4);
  g_assert_cmpstr (jx_target_node_get_name (jx_test_child_at (node, 0)), ==, "Q1");
  g_assert_cmpuint (jx_target_tree_layout_get_n_visible (
                      jx_target_chart_get_layout (jx_targets_view_get_chart (f.view))), ==,
                    before + 5);

  /* Custom weights start from the shares shown: switching to them changes no amount. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.decompose", NULL));
  jx_ui_test_iterate ();
  dialog = decompose_dialog ();
  jx_target_decompose_dialog_set_dimension (dialog, JX_TARGET_DIMENSION_QUARTER);
  jx_target_decompose_dialog_set_method (dialog, JX_TARGET_METHOD_WEIGHTS);
  jx_ui_test_iterate ();
  preview = jx_target_decompose_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpint (jx_target_decomposition_get_method_used (preview), ==, JX_TARGET_METHOD_WEIGHTS);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(JxTargetNode) part = g_list_model_get_item (G_LIST_MODEL (preview), i);

      g_assert_cmpint (jx_target_node_get_amount (part), ==,
                       jx_target_node_get_amount (jx_test_child_at (node, i)));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  jx_ui_test_iterate ();

  /* The history method on a period with sales splits by last year's quarters. */
  jx_targets_view_select (f.view, jx_test_child_at (node, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.decompose", NULL));
  jx_ui_test_iterate ();
  dialog = decompose_dialog ();
  g_assert_nonnull (dialog);
  jx_target_decompose_dialog_set_dimension (dialog, JX_TARGET_DIMENSION_MONTH);
  jx_target_decompose_dialog_set_method (dialog, JX_TARGET_METHOD_HISTORY);
  jx_ui_test_iterate ();
  preview = jx_target_decompose_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (preview)), ==, 3);
  g_assert_cmpint (jx_target_decomposition_get_total (preview), ==,
                   jx_target_node_get_amount (jx_test_child_at (node, 0)));
  g_assert_nonnull (strstr (jx_target_decompose_dialog_get_note (dialog), "last year"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jx_ui_test_iterate ();
  g_assert_cmpuint (jx_target_node_get_n_children (jx_test_child_at (node, 0)), ==, 0);

  /* Undo: first the quarters go, then the target. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_test_query_int (f.store, count_sql), ==, 0);
  g_assert_cmpuint (jx_target_node_get_n_children (node), ==, 0);
  g_assert_cmpint (db_amount (&f, id), ==, 100000001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpuint (jx_target_tree_get_n_nodes (f.tree), ==, before);
  g_assert_cmpint (jx_test_query_int (f.store, "SELECT count(*) FROM target_nodes"), ==, before);
  fixture_close (&f);
}

/* Enter in the outline's amount writes it and moves to the next row. */
static void
test_outline (void)
{
  Fixture f = { 0 };
  JxTargetOutline *outline;
  JxTargetNode *root, *q3, *q4;
  GtkWidget *entry;

  fixture_open (&f, "outline.db");
  outline = jx_targets_view_get_outline (f.view);
  root = root_of (&f);
  q3 = jx_test_child_at (root, 2);
  q4 = jx_test_child_at (root, 3);
  jx_targets_view_select (f.view, q3);
  jx_ui_test_iterate ();
  g_assert_true (jx_target_outline_get_selected (outline) == q3);
  entry = jx_target_outline_get_amount_entry (outline, q3);
  g_assert_nonnull (entry);
  {
    gint64 shown = -1;

    g_assert_true (jx_money_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), "CNY", &shown, NULL));
    g_assert_cmpint (shown, ==, jx_target_node_get_amount (q3));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "60,000,000.50");
  g_signal_emit_by_name (entry, "activate");
  jx_ui_test_iterate ();
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q3)), ==, G_GINT64_CONSTANT (6000000050));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "60,000,000.50");
  /* The next row is now the one being edited, in the chart and the panel too. */
  g_assert_true (jx_targets_view_get_selected (f.view) == q4);
  g_assert_true (jx_target_chart_get_selected (jx_targets_view_get_chart (f.view)) == q4);
  /* The year's row warns that its quarters no longer add up. */
  g_assert_cmpint (jx_target_node_get_unallocated (root), <, 0);
  {
    GtkWidget *year = jx_target_outline_get_amount_entry (outline, root);

    g_assert_cmpstr (gtk_entry_get_icon_name (GTK_ENTRY (year), GTK_ENTRY_ICON_PRIMARY), ==,
                     "dialog-warning-symbolic");
  }

  /* Not a number: nothing is written and the cell says so. */
  entry = jx_target_outline_get_amount_entry (outline, q4);
  gtk_editable_set_text (GTK_EDITABLE (entry), "12abc");
  g_signal_emit_by_name (entry, "activate");
  jx_ui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (db_amount (&f, jx_target_node_get_id (q4)), ==, jx_target_node_get_amount (q4));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_target_node_get_unallocated (root), ==, 0);
  fixture_close (&f);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *text,
         const char       *response)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* A button's response also closes the dialog; a response made in code does not. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jx_ui_test_iterate ();
}

/* A what-if copy, compared with the active plan after one change; then deleted. */
static void
test_plans (void)
{
  Fixture f = { 0 };
  AdwMessageDialog *dialog;
  JxPlanCompareDialog *compare;
  gint64 active, copy;
  guint n_nodes;
  GListModel *rows;
  gint64 diff = 0;

  fixture_open (&f, "plans.db");
  active = jx_targets_view_get_plan_id (f.view);
  n_nodes = jx_target_tree_get_n_nodes (f.tree);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.duplicate-plan", NULL));
  jx_ui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  respond (dialog, "Plan 2026 stretch", "ok");
  wait_for_figures (&f);
  copy = jx_targets_view_get_plan_id (f.view);
  g_assert_cmpint (copy, !=, active);
  g_assert_cmpint (jx_test_query_int (f.store, "SELECT count(*) FROM target_plans"), ==, 2);
  f.tree = jx_targets_view_get_tree (f.view);
  g_assert_cmpuint (jx_target_tree_get_n_nodes (f.tree), ==, n_nodes);

  /* Raise the copy's first quarter by ¥1,000 and compare. */
  {
    JxTargetNode *q1 = jx_test_child_at (root_of (&f), 0);

    g_assert_true (jx_target_tree_set_amount (f.tree, q1, jx_target_node_get_amount (q1) + 100000,
                                              NULL));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.compare-plans", NULL));
  jx_ui_test_iterate ();
  compare = JX_PLAN_COMPARE_DIALOG (jx_ui_test_find_window (JX_TYPE_PLAN_COMPARE_DIALOG, NULL));
  g_assert_nonnull (compare);
  rows = jx_plan_compare_dialog_get_rows (compare);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_nodes);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(JxTargetComparisonRow) row = g_list_model_get_item (rows, i);

      diff += jx_target_comparison_row_get_difference (row);
    }
  g_assert_cmpint (diff, ==, 100000);
  gtk_window_destroy (GTK_WINDOW (compare));

  /* Make the copy active, then delete it: the view goes back to the other plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.activate-plan", NULL));
  jx_ui_test_iterate ();
  g_assert_cmpint (jx_target_plan_get_active_id (f.store), ==, copy);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "targets.delete-plan", NULL));
  jx_ui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (jx_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_nonnull (dialog);
  respond (dialog, NULL, "delete");
  wait_for_figures (&f);
  g_assert_cmpint (jx_test_query_int (f.store, "SELECT count(*) FROM target_plans"), ==, 1);
  g_assert_cmpint (jx_targets_view_get_plan_id (f.view), ==, active);
  g_assert_nonnull (jx_targets_view_get_tree (f.view));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  if (!jx_ui_test_init ("io.github.jingxi.Jingxi.TestTargets", &app, &tmp_dir))
    return g_test_run ();

  g_test_add_func ("/jx/targets-view/select", test_select);
  g_test_add_func ("/jx/targets-view/edit-amount", test_edit_amount);
  g_test_add_func ("/jx/targets-view/add-and-decompose", test_add_and_decompose);
  g_test_add_func ("/jx/targets-view/outline", test_outline);
  g_test_add_func ("/jx/targets-view/plans", test_plans);
  return jx_ui_test_run (app, tmp_dir);
}
