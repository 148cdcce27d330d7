/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-plan-compare-dialog.h"
#include "jx-print-operation.h"
#include "jx-target-add-dialog.h"
#include "jx-target-decompose-dialog.h"
#include "jx-target-report.h"
#include "jx-targets-view.h"
#include "jx-ui.h"

/*
 * The Targets view: a plan's target tree as an outline (for typing numbers) beside a
 * chart (for seeing the shape and the pace), with the selected target's panel on the
 * right. The three share one selection. The plan's targets load at once; the figures
 * (actuals, attainment, later the pipeline) are read from the deals in a worker thread
 * so that a large database never freezes the window.
 */

#define MANY_TARGETS 40

struct _JxTargetsView {
  JxView           parent_instance;

  GtkStack        *main_stack;
  GtkStack        *content_stack;
  GtkDropDown     *plan_dropdown;
  GtkLabel        *plan_status_label;
  GtkSpinner      *spinner;
  AdwFlap         *flap;
  GtkPaned        *paned;
  JxTargetOutline *outline;
  JxTargetChart   *chart;
  JxTargetEditor  *editor;

  JxStore         *store;
  gulong           changed_id;
  GListModel      *plans;
  gint64           plan_id;
  JxTargetTree    *tree;
  gulong           tree_changed_id;
  JxTargetNode    *selected;
  gboolean         syncing;

  GCancellable    *refresh_cancellable;
  gboolean         refreshing;
  gboolean         refresh_again;
  gboolean         refresh_pipeline;
  gboolean         refresh_on_map;
  guint            refresh_idle_id;
};

G_DEFINE_FINAL_TYPE (JxTargetsView, jx_targets_view, JX_TYPE_VIEW)

static void show_plan (JxTargetsView *self, gint64 plan_id);

static GtkWindow *
toplevel_of (JxTargetsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
today (JxTargetsView *self,
       GDate         *date)
{
  jx_view_get_today (JX_VIEW (self), date);
}

static JxTargetPlan *
current_plan (JxTargetsView *self)
{
  guint n = self->plans != NULL ? g_list_model_get_n_items (self->plans) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetPlan) plan = g_list_model_get_item (self->plans, i);

      if (jx_target_plan_get_id (plan) == self->plan_id)
        return plan;   /* the list keeps it */
    }
  return NULL;
}

static void
update_actions (JxTargetsView *self)
{
  gboolean has_plan = self->plan_id > 0 && current_plan (self) != NULL;
  gboolean has_node = self->selected != NULL;
  gboolean has_tree = self->tree != NULL && jx_target_tree_get_n_nodes (self->tree) > 0;
  JxTargetPlan *plan = current_plan (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.add-target", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.decompose", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.delete-target", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.edit-amount", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.zoom-in", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.zoom-out", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.fit", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.duplicate-plan", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.activate-plan",
                                 has_plan && !jx_target_plan_get_active (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.rename-plan", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.delete-plan", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.compare-plans",
                                 has_plan && g_list_model_get_n_items (self->plans) > 1);
}

static void
update_status (JxTargetsView *self)
{
  JxTargetPlan *plan = current_plan (self);
  guint n = self->tree != NULL ? jx_target_tree_get_n_nodes (self->tree) : 0;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    {
      gtk_label_set_text (self->plan_status_label, "");
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target", "%u targets", n), n);
  /* Translators: the plan's state and its number of targets: "Active plan · 17 targets". */
  text = g_strdup_printf (_("%s · %s"), jx_target_plan_get_active (plan) ? _("Active plan")
                                                                         : _("What-if plan"),
                          count);
  gtk_label_set_text (self->plan_status_label, text);
}

/* Figures, in the background. */

static void start_refresh (JxTargetsView *self, gboolean pipeline);

static void
set_loading (JxTargetsView *self,
             gboolean       loading)
{
  self->refreshing = loading;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JxTargetsView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jx_target_tree_refresh_finish (JX_TARGET_TREE (source), result, &error);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if ((gpointer) source != (gpointer) self->tree)
    return;
  set_loading (self, FALSE);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The figures could not be read: %s"),
                                                  error->message);
      jx_ui_add_toast (GTK_WIDGET (self), message);
      return;
    }
  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      start_refresh (self, self->refresh_pipeline);
    }
}

static void
start_refresh (JxTargetsView *self,
               gboolean       pipeline)
{
  if (self->tree == NULL)
    return;
  self->refresh_pipeline |= pipeline;
  /* A view nobody looks at does not read the deals; it does when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->refresh_on_map = TRUE;
      return;
    }
  self->refresh_on_map = FALSE;
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }
  set_loading (self, TRUE);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  jx_target_tree_refresh_async (self->tree, self->refresh_pipeline, self->refresh_cancellable,
                                refresh_done_cb, g_object_ref (self));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  JxTargetsView *self = data;

  self->refresh_idle_id = 0;
  if (self->tree != NULL && jx_target_tree_get_figures_pending (self->tree))
    start_refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The win rate and pipeline needed are read only once the panel shows them. */
static void
want_pipeline (JxTargetsView *self)
{
  if (self->tree != NULL && self->selected != NULL && adw_flap_get_reveal_flap (self->flap) &&
      !jx_target_tree_get_pipeline_ready (self->tree) && !self->refresh_pipeline)
    start_refresh (self, TRUE);
}

/* Selection, shared by the chart, the outline and the panel. */

static void
set_selected (JxTargetsView *self,
              JxTargetNode  *node)
{
  if (self->syncing)
    return;
  self->syncing = TRUE;
  g_set_object (&self->selected, node);
  jx_target_chart_set_selected (self->chart, node);
  jx_target_outline_set_selected (self->outline, node);
  jx_target_editor_set_node (self->editor, node);
  self->syncing = FALSE;
  update_actions (self);
  want_pipeline (self);
}

static void
on_chart_selected_cb (JxTargetsView *self)
{
  set_selected (self, jx_target_chart_get_selected (self->chart));
}

static void
on_outline_selected_cb (JxTargetsView *self)
{
  JxTargetNode *node = jx_target_outline_get_selected (self->outline);

  /* The outline loses its selection when rows collapse; the chart keeps it. */
  if (node != NULL)
    set_selected (self, node);
}

static void
on_chart_activate_cb (JxTargetsView *self,
                      JxTargetNode  *node)
{
  set_selected (self, node);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  jx_target_editor_focus_amount (self->editor);
}

static void
select_first_root (JxTargetsView *self)
{
  GListModel *roots = self->tree != NULL ? jx_target_tree_get_roots (self->tree) : NULL;
  g_autoptr(JxTargetNode) first = NULL;

  if (roots != NULL && g_list_model_get_n_items (roots) > 0)
    first = g_list_model_get_item (roots, 0);
  set_selected (self, first);
}

/* The tree. */

static void
update_content (JxTargetsView *self)
{
  gboolean empty = self->tree == NULL || jx_target_tree_get_n_nodes (self->tree) == 0;

  gtk_stack_set_visible_child_name (self->content_stack, empty ? "no-targets" : "tree");
}

static void
on_tree_changed_cb (JxTargetsView *self)
{
  update_content (self);
  update_status (self);
  if (self->selected != NULL &&
      jx_target_tree_lookup (self->tree, jx_target_node_get_id (self->selected)) != self->selected)
    select_first_root (self);
  else if (self->selected == NULL)
    select_first_root (self);
  if (jx_target_tree_get_figures_pending (self->tree) && self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add (refresh_idle_cb, self);
  update_actions (self);
}

static void
set_tree (JxTargetsView *self,
          JxTargetTree  *tree)
{
  jx_target_editor_save_pending (self->editor);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  set_loading (self, FALSE);
  self->refresh_again = FALSE;
  self->refresh_pipeline = FALSE;
  self->refresh_on_map = FALSE;
  set_selected (self, NULL);
  if (self->tree != NULL)
    g_clear_signal_handler (&self->tree_changed_id, self->tree);
  g_set_object (&self->tree, tree);
  jx_target_chart_set_tree (self->chart, tree);
  jx_target_outline_set_tree (self->outline, tree);
  jx_target_editor_set_tree (self->editor, tree);
  if (tree != NULL)
    self->tree_changed_id = g_signal_connect_swapped (tree, "changed",
                                                      G_CALLBACK (on_tree_changed_cb), self);
}

static void
show_plan (JxTargetsView *self,
           gint64         plan_id)
{
  g_autoptr(JxTargetTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  self->plan_id = plan_id;
  /* Keep the drop-down on the plan shown. */
  self->syncing = TRUE;
  for (guint i = 0; self->plans != NULL && i < g_list_model_get_n_items (self->plans); i++)
    {
      g_autoptr(JxTargetPlan) plan = g_list_model_get_item (self->plans, i);

      if (jx_target_plan_get_id (plan) == plan_id)
        gtk_drop_down_set_selected (self->plan_dropdown, i);
    }
  self->syncing = FALSE;

  if (self->store == NULL || plan_id <= 0)
    set_tree (self, NULL);
  else if (self->tree == NULL || jx_target_tree_get_plan_id (self->tree) != plan_id)
    {
      today (self, &day);
      tree = jx_target_tree_new (self->store, plan_id, &day);
      if (!jx_target_tree_load (tree, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The plan could not be read: %s"),
                                                      error->message);
          jx_ui_add_toast (GTK_WIDGET (self), message);
          g_clear_object (&tree);
        }
      set_tree (self, tree);
      if (tree != NULL)
        {
          select_first_root (self);
          start_refresh (self, FALSE);
        }
    }
  update_content (self);
  update_status (self);
  update_actions (self);
}

/* Plans. */

static void
reload_plans (JxTargetsView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = self->plan_id;
  gboolean found = FALSE;

  g_clear_object (&self->plans);
  if (self->store != NULL)
    self->plans = jx_target_plans_list (self->store, &error);
  if (self->plans == NULL)
    self->plans = G_LIST_MODEL (g_list_store_new (JX_TYPE_TARGET_PLAN));
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->plan_dropdown, self->plans);
  self->syncing = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (self->plans) && !found; i++)
    {
      g_autoptr(JxTargetPlan) plan = g_list_model_get_item (self->plans, i);
      found = jx_target_plan_get_id (plan) == keep;
    }
  if (!found)
    keep = self->store != NULL ? jx_target_plan_get_active_id (self->store) : 0;
  if (keep == 0 && g_list_model_get_n_items (self->plans) > 0)
    {
      g_autoptr(JxTargetPlan) first = g_list_model_get_item (self->plans, 0);
      keep = jx_target_plan_get_id (first);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_dropdown),
                          g_list_model_get_n_items (self->plans) > 0);
  show_plan (self, keep);
}

static void
on_plan_selected_cb (JxTargetsView *self)
{
  guint i = gtk_drop_down_get_selected (self->plan_dropdown);
  g_autoptr(JxTargetPlan) plan = NULL;

  if (self->syncing || self->plans == NULL || i >= g_list_model_get_n_items (self->plans))
    return;
  plan = g_list_model_get_item (self->plans, i);
  show_plan (self, jx_target_plan_get_id (plan));
}

static void
setup_plan_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("active"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (badge, "plan-badge");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_plan_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_next_sibling (name);
  JxTargetPlan *plan = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (name), jx_target_plan_get_name (plan));
  gtk_widget_set_visible (badge, jx_target_plan_get_active (plan));
}

/* The database. */

static void
on_store_changed_cb (JxTargetsView *self,
                     guint          tables)
{
  if (tables & JX_TABLE_TARGET_PLANS)
    reload_plans (self);
}

static void
set_store (JxTargetsView *self,
           JxStore       *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  set_tree (self, NULL);
  self->plan_id = 0;
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (on_store_changed_cb), self);
  gtk_stack_set_visible_child_name (self->main_stack, store != NULL ? "plan" : "empty");
  reload_plans (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_TARGETS_VIEW (view), store);
}

/* Actions on targets. */

static void
on_target_added_cb (JxTargetsView *self,
                    gint64         id)
{
  JxTargetNode *node;

  if (self->tree == NULL)
    return;
  if ((node = jx_target_tree_lookup (self->tree, id)) != NULL)
    set_selected (self, node);
}

static void
add_target_activate (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetAddDialog *dialog;
  g_autoptr(GError) error = NULL;
  GDate day;

  if (self->store == NULL)
    return;
  today (self, &day);
  /* A database without plans gets one for the fiscal year of today. */
  if (self->plan_id <= 0)
    {
      int start = jx_store_get_setting_int (self->store, "fiscal_year_start_month", 1);
      /* Translators: the name of the first plan of a database; %d is the fiscal year. */
      g_autofree char *name = g_strdup_printf (_("Plan %d"),
                                               jx_period_fiscal_year_label (&day, start));
      gint64 id = jx_target_plan_create (self->store, name, &day, &error);

      if (id == 0)
        {
          jx_ui_add_toast (GTK_WIDGET (self), error->message);
          return;
        }
      reload_plans (self);
      show_plan (self, id);
    }
  if (self->tree == NULL)
    return;
  dialog = jx_target_add_dialog_new (toplevel_of (self), self->tree, self->selected, &day);
  g_signal_connect_object (dialog, "target-added", G_CALLBACK (on_target_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
decompose_activate (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetDecomposeDialog *dialog;

  if (self->tree == NULL || self->selected == NULL)
    return;
  jx_target_editor_save_pending (self->editor);
  dialog = jx_target_decompose_dialog_new (toplevel_of (self), self->tree, self->selected);
  gtk_window_present (GTK_WINDOW (dialog));
}

static guint
count_subtree (JxTargetNode *node)
{
  GListModel *children = jx_target_node_get_children (node);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JxTargetNode) child = g_list_model_get_item (children, i);
      n += 1 + count_subtree (child);
    }
  return n;
}

static void
delete_target_activate (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  g_autoptr(JxTargetNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (self->tree == NULL || self->selected == NULL)
    return;
  node = g_object_ref (self->selected);
  n = count_subtree (node);
  if (!jx_target_tree_delete_node (self->tree, node, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (n == 0)
    /* Translators: %s is a target's name. */
    message = g_strdup_printf (_("Deleted “%s”"), jx_target_node_get_name (node));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted “%s” and its %u sub-target",
                                            "Deleted “%s” and its %u sub-targets", n),
                               jx_target_node_get_name (node), n);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
edit_amount_activate (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);

  if (self->selected != NULL)
    on_chart_activate_cb (self, self->selected);
}

static void
chart_activate (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);

  if (g_str_equal (action, "targets.zoom-in"))
    jx_target_chart_zoom (self->chart, 1.25);
  else if (g_str_equal (action, "targets.zoom-out"))
    jx_target_chart_zoom (self->chart, 1 / 1.25);
  else
    jx_target_chart_fit (self->chart);
}

static void
toggle_panel_activate (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Actions on plans. */

typedef void (*NameCallback) (JxTargetsView *self,
                              const char    *name);

static void
on_name_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     JxTargetsView    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "jx-entry");
  NameCallback callback = (NameCallback) g_object_get_data (G_OBJECT (dialog), "jx-callback");

  if (g_str_equal (response, "ok"))
    callback (self, gtk_editable_get_text (entry));
}

/* A dialog asking for a plan's name. */
static void
ask_name (JxTargetsView *self,
          const char    *heading,
          const char    *body,
          const char    *initial,
          const char    *ok_label,
          NameCallback   callback)
{
  GtkWidget *dialog = adw_message_dialog_new (toplevel_of (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "jx-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "jx-callback", (gpointer) callback);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
duplicate_named (JxTargetsView *self,
                 const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GDate day;
  gint64 id;

  today (self, &day);
  id = jx_target_plan_duplicate (self->store, self->plan_id, name, &day, &error);
  if (id == 0)
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  reload_plans (self);
  show_plan (self, id);
  /* Translators: %s is the new plan's name. */
  message = g_strdup_printf (_("Made the what-if plan “%s”"), name);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
duplicate_plan_activate (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetPlan *plan = current_plan (self);
  g_autofree char *initial = NULL;

  if (plan == NULL)
    return;
  /* Translators: the suggested name of a copy of a plan; %s is the plan's name. */
  initial = g_strdup_printf (_("%s (what-if)"), jx_target_plan_get_name (plan));
  ask_name (self, _("Duplicate as What-If"),
            _("The copy has every target of this plan; change it freely, the active plan "
              "stays as it is."),
            initial, _("_Duplicate"), duplicate_named);
}

static void
rename_named (JxTargetsView *self,
              const char    *name)
{
  g_autoptr(GError) error = NULL;

  if (!jx_target_plan_rename (self->store, self->plan_id, name, &error))
    jx_ui_add_toast (GTK_WIDGET (self), error->message);
}

static void
rename_plan_activate (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetPlan *plan = current_plan (self);

  if (plan != NULL)
    ask_name (self, _("Rename Plan"), NULL, jx_target_plan_get_name (plan), _("_Rename"),
              rename_named);
}

static void
activate_plan_activate (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetPlan *plan = current_plan (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (plan == NULL)
    return;
  name = g_strdup (jx_target_plan_get_name (plan));
  if (!jx_target_plan_activate (self->store, self->plan_id, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: %s is a plan's name. */
  message = g_strdup_printf (_("“%s” is now the active plan"), name);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       JxTargetsView    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "jx-plan"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "jx-name");

  if (!g_str_equal (response, "delete"))
    return;
  if (!jx_target_plan_delete (self->store, id, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: %s is a plan's name. */
  message = g_strdup_printf (_("Deleted the plan “%s”"), name);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
delete_plan_activate (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  JxTargetPlan *plan = current_plan (self);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (plan == NULL)
    return;
  /* Translators: %s is a plan's name. */
  heading = g_strdup_printf (_("Delete “%s”?"), jx_target_plan_get_name (plan));
  dialog = adw_message_dialog_new (toplevel_of (self), heading,
                                   _("Its targets are deleted with it. Undo brings them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "jx-plan", GSIZE_TO_POINTER (self->plan_id));
  g_object_set_data_full (G_OBJECT (dialog), "jx-name",
                          g_strdup (jx_target_plan_get_name (plan)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_plans_activate (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  gint64 other = 0;
  JxPlanCompareDialog *dialog;

  if (self->store == NULL || self->plans == NULL)
    return;
  /* A what-if plan against the active one; the active plan against the first other. */
  other = jx_target_plan_get_active_id (self->store);
  if (other != self->plan_id && other > 0)
    dialog = jx_plan_compare_dialog_new (toplevel_of (self), self->store, other, self->plan_id);
  else
    {
      other = 0;
      for (guint i = 0; other == 0 && i < g_list_model_get_n_items (self->plans); i++)
        {
          g_autoptr(JxTargetPlan) plan = g_list_model_get_item (self->plans, i);

          if (jx_target_plan_get_id (plan) != self->plan_id)
            other = jx_target_plan_get_id (plan);
        }
      dialog = jx_plan_compare_dialog_new (toplevel_of (self), self->store, self->plan_id, other);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API. */

JxTargetTree *
jx_targets_view_get_tree (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), NULL);
  return self->tree;
}

JxTargetChart *
jx_targets_view_get_chart (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), NULL);
  return self->chart;
}

JxTargetOutline *
jx_targets_view_get_outline (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), NULL);
  return self->outline;
}

JxTargetEditor *
jx_targets_view_get_editor (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), NULL);
  return self->editor;
}

JxTargetNode *
jx_targets_view_get_selected (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), NULL);
  return self->selected;
}

void
jx_targets_view_select (JxTargetsView *self,
                        JxTargetNode  *node)
{
  g_return_if_fail (JX_IS_TARGETS_VIEW (self));
  set_selected (self, node);
}

gint64
jx_targets_view_get_plan_id (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), 0);
  return self->plan_id;
}

void
jx_targets_view_show_plan (JxTargetsView *self,
                           gint64         plan_id)
{
  g_return_if_fail (JX_IS_TARGETS_VIEW (self));
  show_plan (self, plan_id);
}

/* Whether the figures are being read in the background. */
gboolean
jx_targets_view_is_loading (JxTargetsView *self)
{
  g_return_val_if_fail (JX_IS_TARGETS_VIEW (self), FALSE);
  return self->refreshing || self->refresh_idle_id != 0 || self->refresh_on_map;
}

/* Overrides. */

static void
on_flap_revealed_cb (JxTargetsView *self)
{
  want_pipeline (self);
}

static void
jx_targets_view_map (GtkWidget *widget)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);

  GTK_WIDGET_CLASS (jx_targets_view_parent_class)->map (widget);
  if (self->refresh_on_map)
    start_refresh (self, FALSE);
}

static void
jx_targets_view_dispose (GObject *object)
{
  JxTargetsView *self = JX_TARGETS_VIEW (object);

  jx_view_set_context (JX_VIEW (self), NULL);
  set_store (self, NULL);
  g_clear_object (&self->plans);
  g_clear_object (&self->refresh_cancellable);
  G_OBJECT_CLASS (jx_targets_view_parent_class)->dispose (object);
}

/* Print… and Export as PDF… make the target report of the plan on screen, the same document
 * `jingxi-cli report targets` writes. */
static void
print_activate (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JxTargetsView *self = JX_TARGETS_VIEW (widget);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char iso[11];
  GDate today;

  if (self->store == NULL || self->plan_id <= 0)
    return;
  jx_view_get_today (JX_VIEW (self), &today);
  report = jx_target_report_new (self->store, self->plan_id, &today, &error);
  jx_date_to_iso_buf (&today, iso);
  /* Translators: the file name suggested for the target report; %s is a date. */
  name = g_strdup_printf (_("Targets %s.pdf"), iso);
  jx_print_report_for_action (widget, action_name, report, error, name);
}

static void
jx_targets_view_class_init (JxTargetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_targets_view_dispose;
  widget_class->map = jx_targets_view_map;


  g_type_ensure (JX_TYPE_TARGET_CHART);
  g_type_ensure (JX_TYPE_TARGET_OUTLINE);
  g_type_ensure (JX_TYPE_TARGET_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-targets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, plan_status_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, flap);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, paned);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, outline);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, chart);
  gtk_widget_class_bind_template_child (widget_class, JxTargetsView, editor);

  gtk_widget_class_install_action (widget_class, "targets.add-target", NULL, add_target_activate);
  gtk_widget_class_install_action (widget_class, "targets.decompose", NULL, decompose_activate);
  gtk_widget_class_install_action (widget_class, "targets.delete-target", NULL,
                                   delete_target_activate);
  gtk_widget_class_install_action (widget_class, "targets.edit-amount", NULL,
                                   edit_amount_activate);
  gtk_widget_class_install_action (widget_class, "targets.zoom-in", NULL, chart_activate);
  gtk_widget_class_install_action (widget_class, "targets.zoom-out", NULL, chart_activate);
  gtk_widget_class_install_action (widget_class, "targets.fit", NULL, chart_activate);
  gtk_widget_class_install_action (widget_class, "targets.toggle-panel", NULL,
                                   toggle_panel_activate);
  gtk_widget_class_install_action (widget_class, "targets.duplicate-plan", NULL,
                                   duplicate_plan_activate);
  gtk_widget_class_install_action (widget_class, "targets.activate-plan", NULL,
                                   activate_plan_activate);
  gtk_widget_class_install_action (widget_class, "targets.rename-plan", NULL,
                                   rename_plan_activate);
  gtk_widget_class_install_action (widget_class, "targets.delete-plan", NULL,
                                   delete_plan_activate);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_activate);
  gtk_widget_class_install_action (widget_class, "view.export-pdf", NULL, print_activate);
  gtk_widget_class_install_action (widget_class, "targets.compare-plans", NULL,
                                   compare_plans_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "targets.add-target", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "targets.decompose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "targets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "targets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "targets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "targets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "targets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "targets.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "targets.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "targets.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "targets.edit-amount", NULL);
}

static void
jx_targets_view_init (JxTargetsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_plan_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_plan_cb), NULL);
  gtk_drop_down_set_factory (self->plan_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->plan_dropdown, "notify::selected",
                            G_CALLBACK (on_plan_selected_cb), self);
  g_signal_connect_swapped (self->chart, "notify::selected", G_CALLBACK (on_chart_selected_cb),
                            self);
  g_signal_connect_swapped (self->chart, "activate-node", G_CALLBACK (on_chart_activate_cb), self);
  g_signal_connect_swapped (self->outline, "notify::selected",
                            G_CALLBACK (on_outline_selected_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed_cb),
                            self);
  update_actions (self);
}
