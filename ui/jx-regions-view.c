/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jx-region-chart-view.h"
#include "jx-regions-view.h"
#include "jx-ui.h"

/*
 * The Regions view: the region tree (GtkColumnView over a GtkTreeListModel) with each
 * region's potential, won revenue, share of potential, customers and reps; a panel that
 * edits the selected region (each change one undoable step); and the potential against won
 * revenue chart.
 *
 * The figures sum the won deals of the last 12 months by region, about half a second at the
 * largest demo scale, so a JxRegionTree is built in a worker thread on a connection of its
 * own after each change and then replaces the shown one; collapsed rows and the selection
 * are carried over by id. Runs are serialised; changes during a run start one more.
 */

typedef struct {
  char  *path;
  GDate  today;
  guint  generation;
} TreeJob;

struct _JxRegionsView {
  JxView               parent_instance;

  GtkStack            *main_stack;
  GtkLabel            *summary_label;
  GtkSpinner          *spinner;
  GtkScrolledWindow   *table_scroll;
  GtkColumnView       *regions_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *potential_column;
  GtkColumnViewColumn *won_column;
  GtkColumnViewColumn *share_column;
  GtkColumnViewColumn *customers_column;
  GtkColumnViewColumn *reps_column;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *region_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *parent_row;
  AdwEntryRow         *potential_row;
  AdwEntryRow         *competitors_row;
  GtkLabel            *potential_hint;
  GtkButton           *strategy_button;
  GtkTextView         *strategy_view;
  GtkLabel            *won_value;
  GtkLabel            *share_value;
  GtkLabel            *people_value;
  GtkStack            *chart_stack;
  GtkSpinner          *chart_spinner;
  GtkLabel            *error_label;
  JxRegionChartView   *region_chart;

  JxStore             *store;
  gulong               changed_id;
  char                *currency;
  JxRegionTree        *tree;
  GtkTreeListModel    *tree_model;
  GtkSingleSelection  *selection;

  /* The region the panel edits, and what the panel last put in each field, so a reload
   * does not overwrite what the user is typing. */
  JxRegion            *region;
  GArray              *parent_ids;       /* position in parent_row → region id (0: none) */
  char                *shown_name;
  char                *shown_potential;
  char                *shown_competitors;
  char                *shown_strategy;
  int                  syncing;

  guint                generation;
  gboolean             job_running;
  gboolean             pending;
  gint64               select_after_load;
  gboolean             first_load;
  guint                restore_parent_id;
  gboolean             disposed;
  gboolean             focus_after_load;
};

G_DEFINE_FINAL_TYPE (JxRegionsView, jx_regions_view, JX_TYPE_VIEW)

#define TREE_TABLES (JX_TABLE_REGIONS | JX_TABLE_CUSTOMERS | JX_TABLE_DEALS | \
                     JX_TABLE_TEAM_MEMBERS | JX_TABLE_SETTINGS)

#define TABLE_HEADER_HEIGHT 40
#define TABLE_ROW_HEIGHT    40

static void start_load (JxRegionsView *self);

/* Amounts */

/**
 * jx_regions_view_parse_amount:
 * @text: what the user typed: "180,000,000", "¥1.8亿", "180M", "25万"; empty for unknown
 * @currency: the database's currency
 * @minor: (out): the amount in minor units, −1 for empty text
 * @error: return location for an error
 *
 * Reads a market potential as jx_money_parse() reads amounts, with empty text for a
 * potential that is not known.
 */
gboolean
jx_regions_view_parse_amount (const char  *text,
                              const char  *currency,
                              gint64      *minor,
                              GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) local_error = NULL;

  if (*copy == '\0')
    {
      *minor = -1;
      return TRUE;
    }
  if (jx_money_parse (copy, currency, minor, &local_error))
    return TRUE;
  if (g_error_matches (local_error, JX_MONEY_ERROR, JX_MONEY_ERROR_INVALID))
    g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                 _("“%s” is not an amount. Enter the yearly potential as a number such as "
                   "180,000,000, 180M or 1.8亿, or leave it empty when it is not known."), copy);
  else
    g_set_error_literal (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID, local_error->message);
  return FALSE;
}

/* The potential as the field shows it: major units with grouping, no symbol. */
static char *
format_amount_for_entry (gint64      minor,
                         const char *currency)
{
  int digits = jx_currency_digits (currency);
  gint64 unit = 1;
  g_autofree char *whole = NULL;

  if (minor < 0)
    return g_strdup ("");
  for (int i = 0; i < digits; i++)
    unit *= 10;
  whole = jx_number_format (minor / unit);
  if (minor % unit == 0)
    return g_steal_pointer (&whole);
  return g_strdup_printf ("%s%s%0*" G_GINT64_FORMAT, whole, C_("number", "."), digits,
                          minor % unit);
}

/* The worker */

static void
tree_job_free (gpointer data)
{
  TreeJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
tree_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TreeJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) reader = jx_store_open (job->path, JX_STORE_OPEN_DEFAULT, &error);
  JxRegionTree *tree;

  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The tree keeps the connection; nothing writes through it, so it never reloads. */
  tree = jx_region_tree_new (reader, &job->today, &error);
  if (tree == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, tree, g_object_unref);
}

/* The tree and its rows */

static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  GListModel *children = jx_region_get_children (JX_REGION (item));

  if (g_list_model_get_n_items (children) == 0)
    return NULL;
  return g_object_ref (children);
}

static JxRegion *
row_region (GtkTreeListRow *row)
{
  return row != NULL ? JX_REGION (gtk_tree_list_row_get_item (row)) : NULL;
}

/* Returns (transfer full) the region at @position of the shown rows. */
static JxRegion *
region_at (JxRegionsView *self,
           guint          position)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->tree_model == NULL)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
  return row_region (row);
}

static gint64
selected_id (JxRegionsView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(JxRegion) region = row_region (row);

  return region != NULL ? jx_region_get_id (region) : 0;
}

static void
update_summary (JxRegionsView *self)
{
  guint n_roots = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  g_autoptr(GPtrArray) all = self->tree != NULL ? jx_region_tree_flatten (self->tree) : NULL;
  gint64 potential = 0, won = 0;
  gboolean any_potential = FALSE;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self->tree == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  if (all->len == 0)
    {
      gtk_label_set_text (self->summary_label, _("No regions yet: add one to plan by area."));
      return;
    }
  for (guint i = 0; i < n_roots; i++)
    {
      g_autoptr(JxRegion) root = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      won += jx_region_get_won_12m (root);
      if (jx_region_get_potential (root) >= 0)
        {
          potential += jx_region_get_potential (root);
          any_potential = TRUE;
        }
    }
  /* Translators: the start of the Regions view's summary. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region", "%u regions", all->len),
                           all->len);
  if (any_potential && potential > 0)
    {
      g_autofree char *potential_text = jx_money_format_compact (potential, self->currency);
      g_autofree char *won_text = jx_money_format_compact (won, self->currency);
      g_autofree char *share = jx_percent_format ((double) won / potential, 1);

      /* Translators: "4 regions · potential ¥520.00M a year · won ¥170.81M in the last 12
       * months (32.8%)". */
      text = g_strdup_printf (_("%s · potential %s a year · won %s in the last 12 months (%s)"),
                              count, potential_text, won_text, share);
    }
  else
    {
      g_autofree char *won_text = jx_money_format_compact (won, self->currency);

      /* Translators: "4 regions · won ¥170.81M in the last 12 months". */
      text = g_strdup_printf (_("%s · won %s in the last 12 months"), count, won_text);
    }
  gtk_label_set_text (self->summary_label, text);
}

/* The table gets the height of its rows up to 15 of them, set rather than asked of the
 * column view, which would build a row for every region to answer. */
static void
update_table_height (JxRegionsView *self)
{
  guint n = self->tree_model != NULL
            ? g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) : 0;

  gtk_scrolled_window_set_min_content_height (self->table_scroll,
                                              TABLE_HEADER_HEIGHT +
                                              TABLE_ROW_HEIGHT * CLAMP (n, 3, 15));
}

/* The detail panel */

/* Sets @row's text to @text unless the user changed what the panel last showed there. */
static void
fill_entry (AdwEntryRow  *row,
            char        **shown,
            const char   *text,
            gboolean      same_region)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  if (same_region && g_strcmp0 (current, *shown) != 0 && g_strcmp0 (current, text) != 0)
    return;
  g_free (*shown);
  *shown = g_strdup (text);
  if (g_strcmp0 (current, text) != 0)
    jx_ui_fill_editable (GTK_EDITABLE (row), text);
}

static char *
strategy_text (JxRegionsView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->strategy_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_strategy_action (JxRegionsView *self)
{
  g_autofree char *text = strategy_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.save-strategy",
                                 self->region != NULL &&
                                 g_strcmp0 (text, jx_region_get_strategy (self->region)) != 0);
}

static gboolean
is_within (JxRegion *region,
           gint64    ancestor_id,
           GPtrArray *all)
{
  gint64 up = jx_region_get_parent_id (region);

  for (guint depth = 0; up > 0 && depth <= all->len; depth++)
    {
      if (up == ancestor_id)
        return TRUE;
      for (guint i = 0; i < all->len; i++)
        if (jx_region_get_id (all->pdata[i]) == up)
          {
            up = jx_region_get_parent_id (all->pdata[i]);
            break;
          }
    }
  return FALSE;
}

/* The parent choices: no parent, then every region but the edited one, indented as in the
 * tree. Subregions of the edited region stay in the list; choosing one is refused with the
 * reason. */
static void
fill_parent_row (JxRegionsView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = jx_region_tree_flatten (self->tree);
  gint64 own_id = jx_region_get_id (self->region);
  gint64 parent_id = jx_region_get_parent_id (self->region);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->parent_ids, 0);
  gtk_string_list_append (list, _("No parent (top level)"));
  g_array_append_val (self->parent_ids, none);
  for (guint i = 0; i < all->len; i++)
    {
      JxRegion *region = all->pdata[i];
      gint64 id = jx_region_get_id (region);
      g_autofree char *label = NULL;

      if (id == own_id)
        continue;
      label = g_strdup_printf ("%*s%s", 4 * jx_region_get_depth (region), "",
                               jx_region_get_name (region));
      if (is_within (region, own_id, all))
        {
          g_autofree char *inside = g_steal_pointer (&label);

          /* Translators: a parent choice that lies inside the edited region. */
          label = g_strdup_printf (_("%s (inside this region)"), inside);
        }
      gtk_string_list_append (list, label);
      g_array_append_val (self->parent_ids, id);
      if (id == parent_id)
        selected = self->parent_ids->len - 1;
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->parent_row, selected);
}

static void
fill_detail (JxRegionsView *self,
             gboolean       same_region)
{
  JxRegion *region = self->region;
  g_autofree char *potential = NULL;
  g_autofree char *won = NULL;
  g_autofree char *share = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *reps = NULL;
  g_autofree char *people = NULL;
  g_autofree char *hint = NULL;

  if (region == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.save-strategy", FALSE);
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "region");
  self->syncing++;
  adw_preferences_group_set_title (self->region_group, jx_region_get_name (region));
  fill_entry (self->name_row, &self->shown_name, jx_region_get_name (region), same_region);
  potential = format_amount_for_entry (jx_region_get_own_potential (region), self->currency);
  fill_entry (self->potential_row, &self->shown_potential, potential, same_region);
  fill_entry (self->competitors_row, &self->shown_competitors,
              jx_region_get_competitors (region), same_region);
  {
    g_autofree char *current = strategy_text (self);
    const char *stored = jx_region_get_strategy (region);

    if (!same_region || g_strcmp0 (current, self->shown_strategy) == 0)
      {
        g_free (self->shown_strategy);
        self->shown_strategy = g_strdup (stored);
        if (g_strcmp0 (current, stored) != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->strategy_view),
                                    stored != NULL ? stored : "", -1);
      }
  }
  fill_parent_row (self);
  self->syncing--;

  if (jx_region_get_own_potential (region) < 0 && jx_region_get_potential (region) >= 0)
    {
      g_autofree char *sum = jx_money_format (jx_region_get_potential (region), self->currency);

      /* Translators: under the potential field; %s is an amount. */
      hint = g_strdup_printf (_("No potential of its own: the figures use the sum of its "
                                "subregions, %s. Type 180M, 1.8亿 or 180,000,000."), sum);
    }
  else
    hint = g_strdup (_("In the database’s currency per year; type 180M, 1.8亿 or 180,000,000, "
                       "or leave it empty when it is not known."));
  gtk_label_set_text (self->potential_hint, hint);

  won = jx_money_format (jx_region_get_won_12m (region), self->currency);
  share = jx_percent_format (jx_region_get_share (region), 1);
  customers = jx_number_format (jx_region_get_n_customers (region));
  reps = jx_number_format (jx_region_get_n_reps (region));
  /* Translators: "129 customers · 4 reps". */
  people = g_strdup_printf (_("%s customers · %s reps"), customers, reps);
  gtk_label_set_text (self->won_value, won);
  gtk_label_set_text (self->share_value, share);
  gtk_label_set_text (self->people_value, people);
  update_strategy_action (self);
}

static void
on_selection_changed_cb (JxRegionsView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(JxRegion) region = row_region (row);
  gboolean same = region != NULL && self->region != NULL &&
                  jx_region_get_id (region) == jx_region_get_id (self->region);

  g_set_object (&self->region, region);
  fill_detail (self, same);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.remove-region", region != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add-subregion", region != NULL);
}

/* Collapsed rows, by region id, to collapse again after a reload. */
static GHashTable *
collapsed_ids (JxRegionsView *self)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n;

  if (self->tree_model == NULL)
    return ids;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), i);
      g_autoptr(JxRegion) region = row_region (row);

      if (gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
        {
          gint64 id = jx_region_get_id (region);

          g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  return ids;
}

static guint
position_of (JxRegionsView *self,
             gint64         region_id)
{
  guint n;

  if (self->tree_model == NULL || region_id <= 0)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxRegion) region = region_at (self, i);

      if (jx_region_get_id (region) == region_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_tree (JxRegionsView *self,
          JxRegionTree  *tree)
{
  g_autoptr(GHashTable) collapsed = collapsed_ids (self);
  gint64 was_selected = selected_id (self);
  gint64 keep = self->select_after_load > 0 ? self->select_after_load : was_selected;
  g_autoptr(GPtrArray) all = NULL;
  guint position;

  g_set_object (&self->tree, tree);
  self->tree_model = NULL;
  if (tree != NULL)
    self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (tree)), FALSE, TRUE,
                                                create_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
  if (self->tree_model != NULL)
    g_object_unref (self->tree_model);   /* the selection holds it */

  /* Collapse again what was collapsed; the list grows and shrinks as rows collapse, so walk
   * it afresh each time. */
  if (self->tree_model != NULL && g_hash_table_size (collapsed) > 0)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model),
                                                               i);
        g_autoptr(JxRegion) region = row_region (row);
        gint64 id = jx_region_get_id (region);

        if (g_hash_table_contains (collapsed, &id))
          gtk_tree_list_row_set_expanded (row, FALSE);
      }

  position = position_of (self, keep);
  /* The first load of a database shows the first region, so the panel is not empty. */
  if (self->first_load && position == GTK_INVALID_LIST_POSITION && self->tree_model != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) > 0)
    position = 0;
  if (tree != NULL)
    self->first_load = FALSE;
  if (position == GTK_INVALID_LIST_POSITION && self->select_after_load > 0 && self->pending)
    {
      /* A region just added is not in this load yet; the next one brings it. */
      position = position_of (self, was_selected);
    }
  else if (self->select_after_load > 0)
    {
      self->select_after_load = 0;
      if (self->focus_after_load && position != GTK_INVALID_LIST_POSITION)
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      self->focus_after_load = FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  on_selection_changed_cb (self);

  all = tree != NULL ? jx_region_tree_flatten (tree) : NULL;
  jx_region_chart_view_set_regions (self->region_chart, all, self->currency);
  if (tree != NULL)
    gtk_stack_set_visible_child_name (self->chart_stack, "chart");
  update_summary (self);
  update_table_height (self);
}

static void
update_busy (JxRegionsView *self)
{
  gboolean busy = self->job_running || self->pending;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy && self->tree != NULL);
  gtk_spinner_set_spinning (self->spinner, busy && self->tree != NULL);
  gtk_spinner_set_spinning (self->chart_spinner, self->tree == NULL);
}

static void
tree_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JxRegionsView *self = JX_REGIONS_VIEW (object);
  TreeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(JxRegionTree) tree = g_task_propagate_pointer (G_TASK (result), &error);

  self->job_running = FALSE;
  if (self->disposed)
    return;   /* the task kept the view alive, but its widgets are gone */
  if (job->generation != self->generation || self->store == NULL)
    {
      start_load (self);
      return;
    }
  if (tree == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The regions could not be read: %s"),
                                               error->message);

      self->pending = FALSE;
      gtk_label_set_text (self->error_label, text);
      gtk_stack_set_visible_child_name (self->chart_stack, "error");
      update_busy (self);
      return;
    }
  set_tree (self, tree);
  start_load (self);
}

static void
start_load (JxRegionsView *self)
{
  g_autoptr(GTask) task = NULL;
  TreeJob *job;

  update_busy (self);
  if (self->job_running || !self->pending || self->store == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  job = g_new0 (TreeJob, 1);
  job->path = g_strdup (jx_store_get_path (self->store));
  jx_view_get_today (JX_VIEW (self), &job->today);
  job->generation = self->generation;
  self->pending = FALSE;
  self->job_running = TRUE;

  task = g_task_new (self, NULL, tree_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, tree_job_free);
  g_task_run_in_thread (task, tree_thread);
  update_busy (self);
}

static void
queue_load (JxRegionsView *self)
{
  self->pending = TRUE;
  start_load (self);
}

/* Cells */

typedef enum {
  COLUMN_NAME,
  COLUMN_POTENTIAL,
  COLUMN_WON,
  COLUMN_SHARE,
  COLUMN_CUSTOMERS,
  COLUMN_REPS,
} RegionColumn;

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxRegionsView            *self)
{
  RegionColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jx-column"));
  GtkWidget *cell;

  switch (column)
    {
    case COLUMN_NAME:
      {
        GtkWidget *label = gtk_label_new (NULL);

        cell = gtk_tree_expander_new ();
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_tree_expander_set_child (GTK_TREE_EXPANDER (cell), label);
      }
      break;
    case COLUMN_SHARE:
      cell = jx_ui_bar_cell_new (1, "share-bar", 64, 6);
      break;
    case COLUMN_POTENTIAL:
    case COLUMN_WON:
    case COLUMN_CUSTOMERS:
    case COLUMN_REPS:
    default:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    }
  gtk_list_item_set_child (item, cell);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            JxRegionsView            *self)
{
  RegionColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jx-column"));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autoptr(JxRegion) region = row_region (row);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      {
        GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (cell));

        gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell), row);
        gtk_label_set_text (GTK_LABEL (label), jx_region_get_name (region));
        if (jx_region_get_depth (region) == 0)
          gtk_widget_add_css_class (label, "heading");
        else
          gtk_widget_remove_css_class (label, "heading");
      }
      return;
    case COLUMN_POTENTIAL:
      if (jx_region_get_potential (region) < 0)
        text = g_strdup ("—");
      else
        {
          g_autofree char *amount = jx_money_format_compact (jx_region_get_potential (region),
                                                             self->currency);

          /* A potential summed from the subregions is marked as such. */
          text = jx_region_get_own_potential (region) < 0 ? g_strdup_printf ("Σ %s", amount)
                                                          : g_steal_pointer (&amount);
        }
      gtk_widget_set_tooltip_text (cell, jx_region_get_own_potential (region) < 0 &&
                                         jx_region_get_potential (region) >= 0
                                         ? _("The sum of its subregions’ potential") : NULL);
      break;
    case COLUMN_WON:
      text = jx_money_format_compact (jx_region_get_won_12m (region), self->currency);
      break;
    case COLUMN_SHARE:
      {
        GtkWidget *bar = gtk_widget_get_first_child (cell);
        GtkWidget *label = gtk_widget_get_next_sibling (bar);
        double share = jx_region_get_share (region);
        g_autofree char *percent = jx_percent_format (share, 1);

        gtk_widget_set_visible (bar, isfinite (share));
        gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isfinite (share) ? MIN (share, 1.0) : 0);
        gtk_label_set_text (GTK_LABEL (label), percent);
      }
      return;
    case COLUMN_CUSTOMERS:
      text = jx_number_format (jx_region_get_n_customers (region));
      break;
    case COLUMN_REPS:
    default:
      text = jx_number_format (jx_region_get_n_reps (region));
      break;
    }
  gtk_label_set_text (GTK_LABEL (cell), text);
}

static void
setup_columns (JxRegionsView *self)
{
  GtkColumnViewColumn *columns[] = {
    self->name_column, self->potential_column, self->won_column, self->share_column,
    self->customers_column, self->reps_column,
  };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "jx-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
      gtk_column_view_column_set_factory (columns[c], factory);
    }
}

/* Editing */

/* What a field shows once its change is stored, so the reload that follows updates it. */
static void
remember (char       **shown,
          const char  *text)
{
  g_free (*shown);
  *shown = g_strdup (text);
}

static gboolean
update_region (JxRegionsView      *self,
               const JxRegionEdit *edit,
               JxRegionFields      fields)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->region == NULL)
    return FALSE;
  if (!jx_region_update (self->store, jx_region_get_id (self->region), edit, fields, &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Region"), error);
      return FALSE;
    }
  return TRUE;
}

static void
on_name_apply_cb (JxRegionsView *self)
{
  JxRegionEdit edit = { 0 };

  if (self->region == NULL)
    return;
  edit.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  if (update_region (self, &edit, JX_REGION_FIELD_NAME))
    remember (&self->shown_name, edit.name);
  else
    {
      self->syncing++;
      fill_entry (self->name_row, &self->shown_name, jx_region_get_name (self->region), FALSE);
      self->syncing--;
    }
}

static void
on_potential_apply_cb (JxRegionsView *self)
{
  JxRegionEdit edit = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->region == NULL)
    return;
  if (!jx_regions_view_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->potential_row)),
                                     self->currency, &edit.potential, &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Region"), error);
      return;
    }
  if (update_region (self, &edit, JX_REGION_FIELD_POTENTIAL))
    remember (&self->shown_potential, gtk_editable_get_text (GTK_EDITABLE (self->potential_row)));
  else
    {
      g_autofree char *text = format_amount_for_entry (jx_region_get_own_potential (self->region),
                                                       self->currency);

      fill_entry (self->potential_row, &self->shown_potential, text, FALSE);
    }
}

static void
on_competitors_apply_cb (JxRegionsView *self)
{
  JxRegionEdit edit = { 0 };

  if (self->region == NULL)
    return;
  edit.competitors = gtk_editable_get_text (GTK_EDITABLE (self->competitors_row));
  if (update_region (self, &edit, JX_REGION_FIELD_COMPETITORS))
    remember (&self->shown_competitors, edit.competitors);
  else
    fill_entry (self->competitors_row, &self->shown_competitors,
                jx_region_get_competitors (self->region), FALSE);
}

static gboolean
restore_parent_cb (gpointer data)
{
  JxRegionsView *self = data;

  self->restore_parent_id = 0;
  if (self->region != NULL && self->tree != NULL)
    {
      self->syncing++;
      fill_parent_row (self);
      self->syncing--;
    }
  return G_SOURCE_REMOVE;
}

static void
on_parent_selected_cb (JxRegionsView *self)
{
  guint position = adw_combo_row_get_selected (self->parent_row);
  JxRegionEdit edit = { 0 };

  if (self->syncing > 0 || self->region == NULL || position >= self->parent_ids->len)
    return;
  edit.parent_id = g_array_index (self->parent_ids, gint64, position);
  if (edit.parent_id == jx_region_get_parent_id (self->region))
    return;
  /* On failure show the parent the region still has, once the combo row has finished
   * taking the choice: its list must not be replaced under it. */
  if (!update_region (self, &edit, JX_REGION_FIELD_PARENT) && self->restore_parent_id == 0)
    self->restore_parent_id = g_idle_add (restore_parent_cb, self);
}

static void
save_strategy_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxRegionsView *self = JX_REGIONS_VIEW (widget);
  g_autofree char *text = strategy_text (self);
  JxRegionEdit edit = { 0 };

  if (self->region == NULL)
    return;
  edit.strategy = text;
  if (update_region (self, &edit, JX_REGION_FIELD_STRATEGY))
    {
      remember (&self->shown_strategy, text);
      gtk_widget_action_set_enabled (widget, "regions.save-strategy", FALSE);
    }
}

static void
on_strategy_changed_cb (JxRegionsView *self)
{
  update_strategy_action (self);
}

/* A name no region has yet: "New region", "New region 2", … */
static char *
fresh_name (JxRegionsView *self)
{
  g_autoptr(GPtrArray) all = self->tree != NULL ? jx_region_tree_flatten (self->tree) : NULL;

  for (guint k = 1; ; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (_("New region"))
                                     /* Translators: a new region's name; %u counts. */
                                     : g_strdup_printf (_("New region %u"), k);
      gboolean taken = FALSE;

      for (guint i = 0; all != NULL && i < all->len && !taken; i++)
        taken = g_utf8_collate (jx_region_get_name (all->pdata[i]), name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_region (JxRegionsView *self,
            gint64         parent_id)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  JxRegionEdit edit = { 0 };
  gint64 id;

  if (self->store == NULL)
    return;
  name = fresh_name (self);
  edit.name = name;
  edit.parent_id = parent_id;
  edit.potential = -1;
  id = jx_region_add (self->store, &edit, &error);
  if (id == 0)
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Add the Region"), error);
      return;
    }
  /* The reload the change starts selects it and puts the cursor on its name. */
  self->select_after_load = id;
  self->focus_after_load = TRUE;
  /* Translators: a toast; %s is a region's name. */
  message = g_strdup_printf (_("Added the region “%s”"), name);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
add_region_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_region (JX_REGIONS_VIEW (widget), 0);
}

static void
add_subregion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxRegionsView *self = JX_REGIONS_VIEW (widget);

  if (self->region != NULL)
    add_region (self, jx_region_get_id (self->region));
}

static void
remove_region_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxRegionsView *self = JX_REGIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean has_children;

  if (self->store == NULL || self->region == NULL)
    return;
  name = g_strdup (jx_region_get_name (self->region));
  has_children = g_list_model_get_n_items (jx_region_get_children (self->region)) > 0;
  if (!jx_region_remove (self->store, jx_region_get_id (self->region), &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Remove the Region"), error);
      return;
    }
  if (has_children)
    /* Translators: a toast; %s is a region's name. */
    message = g_strdup_printf (_("Removed “%s”; its subregions are top-level regions now"),
                               name);
  else
    /* Translators: a toast; %s is a region's name. */
    message = g_strdup_printf (_("Removed “%s”"), name);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
on_chart_region_activated_cb (JxRegionsView *self,
                              gint64         region_id)
{
  jx_regions_view_select_region (self, region_id);
}

/* Following the store */

static void
on_store_changed_cb (JxRegionsView *self,
                     guint          tables)
{
  if (tables & JX_TABLE_SETTINGS)
    {
      g_free (self->currency);
      self->currency = jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
    }
  if (tables & TREE_TABLES)
    queue_load (self);
}

static void
set_store (JxRegionsView *self,
           JxStore       *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  self->generation++;
  self->pending = FALSE;
  self->select_after_load = 0;
  set_tree (self, NULL);
  self->first_load = TRUE;
  gtk_stack_set_visible_child_name (self->chart_stack, "loading");
  if (store != NULL)
    {
      g_free (self->currency);
      self->currency = jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
      self->changed_id = g_signal_connect_swapped (store, "changed",
                                                   G_CALLBACK (on_store_changed_cb), self);
      gtk_stack_set_visible_child_name (self->main_stack, "regions");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add-region", TRUE);
      queue_load (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add-region", FALSE);
    }
  update_busy (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_REGIONS_VIEW (view), store);
}

/* Public API, mostly for tests */

/* Whether the figures are being read or wait to be. */
gboolean
jx_regions_view_is_loading (JxRegionsView *self)
{
  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), FALSE);

  return self->job_running || self->pending;
}

/* The tree the view shows, or %NULL before the first load. */
JxRegionTree *
jx_regions_view_get_tree (JxRegionsView *self)
{
  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), NULL);

  return self->tree;
}

gint64
jx_regions_view_get_selected_id (JxRegionsView *self)
{
  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), 0);

  return selected_id (self);
}

/* Selects a region, expanding its parents; FALSE when the tree has no such region. */
gboolean
jx_regions_view_select_region (JxRegionsView *self,
                               gint64         region_id)
{
  JxRegion *region;
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint position;

  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), FALSE);

  if (self->tree == NULL || (region = jx_region_tree_find (self->tree, region_id)) == NULL)
    return FALSE;
  /* Expand the ancestors, top first, so the row is in the list. */
  for (gint64 up = jx_region_get_parent_id (region); up > 0;)
    {
      JxRegion *parent = jx_region_tree_find (self->tree, up);

      if (parent == NULL)
        break;
      g_array_prepend_val (path, up);
      up = jx_region_get_parent_id (parent);
    }
  for (guint k = 0; k < path->len; k++)
    {
      guint at = position_of (self, g_array_index (path, gint64, k));
      g_autoptr(GtkTreeListRow) row = NULL;

      if (at == GTK_INVALID_LIST_POSITION)
        break;
      row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), at);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  position = position_of (self, region_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* The panel's widget for @field: an AdwEntryRow, the parent's AdwComboRow, or the
 * strategy's GtkTextView. */
GtkWidget *
jx_regions_view_get_editor (JxRegionsView  *self,
                            JxRegionFields  field)
{
  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), NULL);

  switch (field)
    {
    case JX_REGION_FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case JX_REGION_FIELD_PARENT:
      return GTK_WIDGET (self->parent_row);
    case JX_REGION_FIELD_POTENTIAL:
      return GTK_WIDGET (self->potential_row);
    case JX_REGION_FIELD_COMPETITORS:
      return GTK_WIDGET (self->competitors_row);
    case JX_REGION_FIELD_STRATEGY:
      return GTK_WIDGET (self->strategy_view);
    case JX_REGION_FIELD_ALL:
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkWidget *
jx_regions_view_get_chart (JxRegionsView *self)
{
  g_return_val_if_fail (JX_IS_REGIONS_VIEW (self), NULL);

  return GTK_WIDGET (self->region_chart);
}

/* GObject */

static void
jx_regions_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jx_regions_view_parent_class)->map (widget);
  /* Read the figures when the view is first shown, and again after changes made while it
   * was hidden. */
  start_load (JX_REGIONS_VIEW (widget));
}

static void
jx_regions_view_dispose (GObject *object)
{
  JxRegionsView *self = JX_REGIONS_VIEW (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->restore_parent_id, g_source_remove);
  jx_view_set_context (JX_VIEW (self), NULL);
  gtk_column_view_set_model (self->regions_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->region);
  G_OBJECT_CLASS (jx_regions_view_parent_class)->dispose (object);
}

static void
jx_regions_view_finalize (GObject *object)
{
  JxRegionsView *self = JX_REGIONS_VIEW (object);

  g_clear_pointer (&self->parent_ids, g_array_unref);
  g_free (self->currency);
  g_free (self->shown_name);
  g_free (self->shown_potential);
  g_free (self->shown_competitors);
  g_free (self->shown_strategy);
  G_OBJECT_CLASS (jx_regions_view_parent_class)->finalize (object);
}

static void
jx_regions_view_class_init (JxRegionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_regions_view_dispose;
  object_class->finalize = jx_regions_view_finalize;
  widget_class->map = jx_regions_view_map;


  g_type_ensure (JX_TYPE_REGION_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-regions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, table_scroll);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, regions_view);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, potential_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, won_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, share_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, customers_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, reps_column);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, region_group);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, parent_row);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, potential_row);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, competitors_row);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, potential_hint);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, strategy_button);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, strategy_view);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, won_value);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, share_value);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, people_value);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, chart_spinner);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, JxRegionsView, region_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_potential_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_competitors_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_region_activated_cb);

  gtk_widget_class_install_action (widget_class, "regions.add-region", NULL, add_region_action);
  gtk_widget_class_install_action (widget_class, "regions.add-subregion", NULL,
                                   add_subregion_action);
  gtk_widget_class_install_action (widget_class, "regions.remove-region", NULL,
                                   remove_region_action);
  gtk_widget_class_install_action (widget_class, "regions.save-strategy", NULL,
                                   save_strategy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "regions.save-strategy", NULL);
}

static void
jx_regions_view_init (JxRegionsView *self)
{
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->regions_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->parent_row, "notify::selected",
                            G_CALLBACK (on_parent_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->strategy_view), "changed",
                            G_CALLBACK (on_strategy_changed_cb), self);

  jx_ui_bind_delete_key (GTK_WIDGET (self->regions_view), "regions.remove-region");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add-region", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add-subregion", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.remove-region", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.save-strategy", FALSE);
  fill_detail (self, FALSE);
  update_busy (self);
}
