/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-target-amount.h"
#include "jx-target-outline.h"
#include "jx-ui.h"

/*
 * The outline beside the chart: the plan as an indented table (name, target, actual,
 * attainment, lock) for typing numbers fast. Enter commits a target and moves to the next
 * row's target, Tab does the same (Shift+Tab goes back), Escape puts the old figure back.
 * Rows are bound to the tree's nodes, which are updated in place, so a commit keeps the
 * rows, their expanded state and the focus.
 */

struct _JxTargetOutline {
  AdwBin               parent_instance;

  GtkColumnView       *view;
  GtkSingleSelection  *selection;
  GtkTreeListModel    *model;
  JxTargetTree        *tree;
  GHashTable          *entries;        /* JxTargetNode* -> amount GtkEntry of a bound row */
  JxTargetNode        *pending_focus;  /* a row whose amount gets the focus once bound */
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (JxTargetOutline, jx_target_outline, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  /* Always a model, even empty, so that a row gains an expander when the target is
   * decomposed later; leaves hide it with the "leaf" style class. */
  return g_object_ref (jx_target_node_get_children (JX_TARGET_NODE (item)));
}

/* The node of a row; the row keeps it alive. */
static JxTargetNode *
tree_row_node (GtkTreeListRow *row)
{
  JxTargetNode *node;

  if (row == NULL)
    return NULL;
  node = gtk_tree_list_row_get_item (row);
  g_object_unref (node);
  return node;
}

static JxTargetNode *
row_node (GtkListItem *list_item)
{
  return tree_row_node (gtk_list_item_get_item (list_item));
}

/* The position of @node's row, or -1 when it has none (a collapsed ancestor). */
static int
position_of (GtkTreeListModel *model,
             JxTargetNode     *node)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (model, i);

      if (tree_row_node (row) == node)
        return (int) i;
    }
  return -1;
}

static const char *
currency (JxTargetOutline *self)
{
  return self->tree != NULL ? jx_target_tree_get_currency (self->tree) : "CNY";
}

/* Each cell listens to the properties of its node that it shows, while bound. */
static void
watch_node (GtkWidget          *cell,
            JxTargetNode       *node,
            GCallback           callback,
            const char * const *props)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gulong));

  for (guint i = 0; props[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", props[i], NULL);
      gulong id = g_signal_connect_object (node, signal, callback, cell, G_CONNECT_SWAPPED);

      g_array_append_val (ids, id);
    }
  g_object_set_data_full (G_OBJECT (cell), "jx-node", g_object_ref (node), g_object_unref);
  g_object_set_data_full (G_OBJECT (cell), "jx-handlers", ids, (GDestroyNotify) g_array_unref);
}

static void
unwatch_node (GtkWidget *cell)
{
  JxTargetNode *node = g_object_get_data (G_OBJECT (cell), "jx-node");
  GArray *ids = g_object_get_data (G_OBJECT (cell), "jx-handlers");

  for (guint i = 0; node != NULL && ids != NULL && i < ids->len; i++)
    g_signal_handler_disconnect (node, g_array_index (ids, gulong, i));
  g_object_set_data (G_OBJECT (cell), "jx-handlers", NULL);
  g_object_set_data (G_OBJECT (cell), "jx-node", NULL);
}

static const char *const name_props[] = {
  "name", "n-children", "period-from", "period-to", "filters-label", NULL
};
static const char *const amount_props[] = {
  "amount", "unallocated", "children-total", "n-children", NULL
};
static const char *const actual_props[] = { "actual", "has-actual", NULL };
static const char *const percent_props[] = { "attainment", "pace", "has-actual", "amount", NULL };
static const char *const lock_props[] = { "locked", NULL };

static JxTargetNode *
cell_node (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "jx-node");
}

/* Name column. */

static void
update_name (GtkWidget *expander)
{
  JxTargetNode *node = cell_node (expander);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autofree char *filters = jx_target_node_dup_filters_label (node);
  g_autofree char *period_text = NULL;
  g_autofree char *tooltip = NULL;
  JxPeriod period;

  gtk_label_set_text (GTK_LABEL (label), jx_target_node_get_name (node));
  jx_target_node_get_period (node, &period);
  period_text = jx_period_format (&period);
  tooltip = filters != NULL && *filters != '\0'
            ? g_strdup_printf ("%s\n%s · %s", jx_target_node_get_name (node), period_text, filters)
            : g_strdup_printf ("%s\n%s", jx_target_node_get_name (node), period_text);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (jx_target_node_get_n_children (node) > 0)
    gtk_widget_remove_css_class (expander, "leaf");
  else
    gtk_widget_add_css_class (expander, "leaf");
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JxTargetOutline          *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JxTargetOutline          *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (list_item));
  watch_node (expander, row_node (list_item), G_CALLBACK (update_name), name_props);
  update_name (expander);
}

static void
unbind_name_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JxTargetOutline          *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  unwatch_node (expander);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* Target column: the amount, editable. */

static void
show_entry_error (GtkWidget  *entry,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY,
                                         "dialog-error-symbolic");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, message);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, NULL);
    }
}

static void
update_amount (GtkWidget *entry)
{
  JxTargetOutline *self = g_object_get_data (G_OBJECT (entry), "jx-outline");
  JxTargetNode *node = cell_node (entry);
  g_autofree char *text = NULL;
  gint64 gap;

  /* Never overwrite what is being typed. */
  if (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))) &&
      g_object_get_data (G_OBJECT (entry), "jx-edited") != NULL)
    return;
  text = jx_target_amount_to_text (jx_target_node_get_metric (node),
                                   jx_target_node_get_amount (node), currency (self));
  jx_ui_fill_editable (GTK_EDITABLE (entry), text);
  g_object_set_data (G_OBJECT (entry), "jx-edited", NULL);
  show_entry_error (entry, NULL);
  gap = jx_target_node_get_n_children (node) > 0 ? jx_target_node_get_unallocated (node) : 0;
  if (gap != 0)
    {
      g_autofree char *value = jx_target_node_format_amount (node, ABS (gap), currency (self),
                                                             FALSE);
      g_autofree char *tip = g_strdup_printf (gap > 0 ? _("Unallocated: %s") : _("Over-allocated: %s"),
                                              value);

      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_PRIMARY,
                                         "dialog-warning-symbolic");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_PRIMARY, tip);
    }
  else
    gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_PRIMARY, NULL);
}

/* Writes the typed amount; returns whether the entry holds a valid figure afterwards. */
static gboolean
commit_amount (JxTargetOutline *self,
               GtkWidget       *entry)
{
  JxTargetNode *node = cell_node (entry);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 amount;

  if (node == NULL || self->tree == NULL)
    return FALSE;
  if (!jx_target_amount_parse (text, jx_target_node_get_metric (node), currency (self), &amount,
                               &error))
    {
      show_entry_error (entry, error->message);
      return FALSE;
    }
  g_object_set_data (G_OBJECT (entry), "jx-edited", NULL);
  if (amount == jx_target_node_get_amount (node))
    {
      update_amount (entry);
      return TRUE;
    }
  if (!jx_target_tree_set_amount (self->tree, node, amount, &error))
    {
      show_entry_error (entry, error->message);
      return FALSE;
    }
  update_amount (entry);
  return TRUE;
}

static GtkWidget *
inner_list_view (JxTargetOutline *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to_position (JxTargetOutline *self,
                    guint            position)
{
  GtkWidget *list = inner_list_view (self);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* Gives the focus to @node's amount now, or once its row is bound. */
void
jx_target_outline_focus_amount (JxTargetOutline *self,
                                JxTargetNode    *node)
{
  GtkWidget *entry;

  g_return_if_fail (JX_IS_TARGET_OUTLINE (self));

  jx_target_outline_set_selected (self, node);
  entry = g_hash_table_lookup (self->entries, node);
  if (entry != NULL && gtk_widget_get_mapped (entry))
    {
      self->pending_focus = NULL;
      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
  else
    self->pending_focus = node;
}

static void
move_from (JxTargetOutline *self,
           GtkWidget       *entry,
           int              delta)
{
  int i = position_of (self->model, cell_node (entry));
  int n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autoptr(GtkTreeListRow) next = NULL;

  if (i < 0 || i + delta < 0 || i + delta >= n)
    return;
  next = gtk_tree_list_model_get_row (self->model, i + delta);
  scroll_to_position (self, i + delta);
  jx_target_outline_focus_amount (self, tree_row_node (next));
}

static void
on_amount_activate_cb (GtkEntry        *entry,
                       JxTargetOutline *self)
{
  if (commit_amount (self, GTK_WIDGET (entry)))
    move_from (self, GTK_WIDGET (entry), 1);
}

static void
on_amount_changed_cb (GtkEditable *entry)
{
  if (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (entry))))
    g_object_set_data (G_OBJECT (entry), "jx-edited", GINT_TO_POINTER (1));
}

static gboolean
on_amount_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  JxTargetOutline       *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      if (commit_amount (self, entry))
        move_from (self, entry, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? -1 : 1);
      return TRUE;
    case GDK_KEY_Escape:
      g_object_set_data (G_OBJECT (entry), "jx-edited", NULL);
      update_amount (entry);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_amount_focus_enter_cb (GtkEventControllerFocus *controller,
                          JxTargetOutline         *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  JxTargetNode *node = cell_node (entry);

  /* Typing in a row selects it, so the chart and the side panel follow. */
  if (node != NULL)
    jx_target_outline_set_selected (self, node);
}

static void
on_amount_focus_leave_cb (GtkEventControllerFocus *controller,
                          JxTargetOutline         *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (g_object_get_data (G_OBJECT (entry), "jx-edited") != NULL)
    commit_amount (self, entry);
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 JxTargetOutline          *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_add_css_class (entry, "cell-entry");
  gtk_widget_add_css_class (entry, "numeric");
  g_object_set_data (G_OBJECT (entry), "jx-outline", self);
  gtk_widget_set_tooltip_text (entry, _("Type a target; Enter or Tab saves it and moves down"));
  g_signal_connect (entry, "activate", G_CALLBACK (on_amount_activate_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_amount_changed_cb), NULL);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_amount_key_cb), self);
  gtk_widget_add_controller (entry, key);
  g_signal_connect (focus, "enter", G_CALLBACK (on_amount_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_amount_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static gboolean
grab_pending_cb (gpointer data)
{
  JxTargetOutline *self = data;
  JxTargetNode *node = self->pending_focus;

  if (node != NULL && g_hash_table_contains (self->entries, node))
    jx_target_outline_focus_amount (self, node);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JxTargetOutline          *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  JxTargetNode *node = row_node (list_item);

  g_object_set_data (G_OBJECT (entry), "jx-edited", NULL);
  watch_node (entry, node, G_CALLBACK (update_amount), amount_props);
  update_amount (entry);
  g_hash_table_insert (self->entries, node, entry);
  if (node == self->pending_focus)
    g_idle_add (grab_pending_cb, g_object_ref (self));
}

static void
unbind_amount_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  JxTargetOutline          *self)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  JxTargetNode *node = cell_node (entry);

  if (node != NULL && g_hash_table_lookup (self->entries, node) == entry)
    g_hash_table_remove (self->entries, node);
  unwatch_node (entry);
}

/* Actual and attainment columns. */

static void
update_actual (GtkWidget *label)
{
  JxTargetOutline *self = g_object_get_data (G_OBJECT (label), "jx-outline");
  JxTargetNode *node = cell_node (label);
  g_autofree char *text = NULL;

  if (jx_target_node_has_actual (node))
    text = jx_target_node_format_amount (node, jx_target_node_get_actual (node), currency (self),
                                         TRUE);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "—");
}

static void
update_percent (GtkWidget *label)
{
  JxTargetNode *node = cell_node (label);
  static const char *const classes[] = { "pace-ahead", "pace-on-pace", "pace-behind" };
  const char *pace_class = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (!jx_target_node_has_actual (node) || jx_target_node_get_amount (node) <= 0)
    {
      gtk_label_set_text (GTK_LABEL (label), "—");
      return;
    }
  /* Beyond 1000% a decimal only makes the column wider. */
  text = jx_percent_format (jx_target_node_get_attainment (node),
                            jx_target_node_get_attainment (node) < 10 ? 1 : 0);
  gtk_label_set_text (GTK_LABEL (label), text);
  switch (jx_target_node_get_pace (node))
    {
    case JX_TARGET_PACE_AHEAD: pace_class = classes[0]; break;
    case JX_TARGET_PACE_ON_PACE: pace_class = classes[1]; break;
    case JX_TARGET_PACE_BEHIND: pace_class = classes[2]; break;
    default: break;
    }
  if (pace_class != NULL)
    gtk_widget_add_css_class (label, pace_class);
  gtk_widget_set_tooltip_text (label, jx_target_pace_label (jx_target_node_get_pace (node)));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JxTargetOutline          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "jx-outline", self);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_actual_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                JxTargetOutline          *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  JxTargetNode *node = row_node (list_item);

  watch_node (label, node, G_CALLBACK (update_actual), actual_props);
  update_actual (label);
}

static void
bind_percent_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 JxTargetOutline          *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  JxTargetNode *node = row_node (list_item);

  watch_node (label, node, G_CALLBACK (update_percent), percent_props);
  update_percent (label);
}

static void
unbind_watched_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   JxTargetOutline          *self)
{
  unwatch_node (gtk_list_item_get_child (list_item));
}

/* Lock column. */

static void
update_lock (GtkWidget *button)
{
  JxTargetNode *node = cell_node (button);
  gboolean locked = jx_target_node_get_locked (node);

  g_object_set_data (G_OBJECT (button), "jx-updating", GINT_TO_POINTER (1));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), locked);
  g_object_set_data (G_OBJECT (button), "jx-updating", NULL);
  gtk_button_set_icon_name (GTK_BUTTON (button),
                            locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  if (locked)
    gtk_widget_remove_css_class (button, "unlocked");
  else
    gtk_widget_add_css_class (button, "unlocked");
  gtk_widget_set_tooltip_text (button, locked ? _("Locked: rebalancing leaves this target as it is")
                                              : _("Lock this target"));
}

static void
on_lock_toggled_cb (GtkToggleButton *button,
                    JxTargetOutline *self)
{
  JxTargetNode *node = cell_node (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (node == NULL || self->tree == NULL ||
      g_object_get_data (G_OBJECT (button), "jx-updating") != NULL)
    return;
  if (!jx_target_tree_set_locked (self->tree, node, gtk_toggle_button_get_active (button), &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      update_lock (GTK_WIDGET (button));
    }
}

static void
setup_lock_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JxTargetOutline          *self)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "lock-button");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "toggled", G_CALLBACK (on_lock_toggled_cb), self);
  gtk_list_item_set_child (list_item, button);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_lock_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JxTargetOutline          *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  JxTargetNode *node = row_node (list_item);

  watch_node (button, node, G_CALLBACK (update_lock), lock_props);
  update_lock (button);
}

/* Selection. */

static void
on_selection_cb (JxTargetOutline *self)
{
  if (self->syncing)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static GtkColumnViewColumn *
add_column (JxTargetOutline *self,
            const char      *title,
            GCallback        setup,
            GCallback        bind,
            GCallback        unbind,
            int              width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  column = gtk_column_view_column_new (title, factory);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}

/* Public API. */

GtkWidget *
jx_target_outline_new (void)
{
  return g_object_new (JX_TYPE_TARGET_OUTLINE, NULL);
}

void
jx_target_outline_set_tree (JxTargetOutline *self,
                            JxTargetTree    *tree)
{
  g_return_if_fail (JX_IS_TARGET_OUTLINE (self));

  if (self->tree == tree)
    return;
  self->pending_focus = NULL;
  g_hash_table_remove_all (self->entries);
  g_set_object (&self->tree, tree);
  g_clear_object (&self->model);
  if (tree != NULL)
    {
      GListModel *roots = jx_target_tree_get_roots (tree);
      gboolean small = jx_target_tree_get_n_nodes (tree) <= 40;

      self->model = gtk_tree_list_model_new (g_object_ref (roots), FALSE, small,
                                             create_children_cb, NULL, NULL);
      if (!small)
        for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
          {
            g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->model, i);

            if (row != NULL)
              gtk_tree_list_row_set_expanded (row, TRUE);
          }
    }
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

JxTargetNode *
jx_target_outline_get_selected (JxTargetOutline *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (JX_IS_TARGET_OUTLINE (self), NULL);
  row = gtk_single_selection_get_selected_item (self->selection);
  return tree_row_node (row);
}

/* The row of @node, expanding its ancestors so that it exists. */
static GtkTreeListRow *
find_row (JxTargetOutline *self,
          JxTargetNode    *node)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkTreeListRow *row = NULL;
  GListModel *siblings;

  for (JxTargetNode *n = node; n != NULL; n = jx_target_node_get_parent (n))
    g_ptr_array_insert (path, 0, n);
  siblings = jx_target_tree_get_roots (self->tree);
  for (guint depth = 0; depth < path->len; depth++)
    {
      guint n = g_list_model_get_n_items (siblings);
      guint index = G_MAXUINT;

      for (guint i = 0; i < n && index == G_MAXUINT; i++)
        {
          g_autoptr(JxTargetNode) item = g_list_model_get_item (siblings, i);
          if (item == path->pdata[depth])
            index = i;
        }
      if (index == G_MAXUINT)
        {
          g_clear_object (&row);
          return NULL;
        }
      if (row == NULL)
        row = gtk_tree_list_model_get_child_row (self->model, index);
      else
        {
          GtkTreeListRow *child;

          gtk_tree_list_row_set_expanded (row, TRUE);
          child = gtk_tree_list_row_get_child_row (row, index);
          g_object_unref (row);
          row = child;
        }
      if (row == NULL)
        return NULL;
      siblings = jx_target_node_get_children (path->pdata[depth]);
    }
  return row;
}

void
jx_target_outline_set_selected (JxTargetOutline *self,
                                JxTargetNode    *node)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (JX_IS_TARGET_OUTLINE (self));

  if (self->model == NULL || jx_target_outline_get_selected (self) == node)
    return;
  if (node != NULL && (row = find_row (self, node)) != NULL)
    position = gtk_tree_list_row_get_position (row);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The amount field of @node's row while the row is on screen (for tests). */
GtkWidget *
jx_target_outline_get_amount_entry (JxTargetOutline *self,
                                    JxTargetNode    *node)
{
  g_return_val_if_fail (JX_IS_TARGET_OUTLINE (self), NULL);
  return g_hash_table_lookup (self->entries, node);
}

/* Overrides. */

static void
jx_target_outline_dispose (GObject *object)
{
  JxTargetOutline *self = JX_TARGET_OUTLINE (object);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->tree);
  G_OBJECT_CLASS (jx_target_outline_parent_class)->dispose (object);
}

static void
jx_target_outline_finalize (GObject *object)
{
  JxTargetOutline *self = JX_TARGET_OUTLINE (object);

  g_hash_table_unref (self->entries);
  G_OBJECT_CLASS (jx_target_outline_parent_class)->finalize (object);
}

static void
jx_target_outline_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JxTargetOutline *self = JX_TARGET_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, jx_target_outline_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_outline_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JxTargetOutline *self = JX_TARGET_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jx_target_outline_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_outline_class_init (JxTargetOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_target_outline_dispose;
  object_class->finalize = jx_target_outline_finalize;
  object_class->get_property = jx_target_outline_get_property;
  object_class->set_property = jx_target_outline_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, JX_TYPE_TARGET_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_target_outline_init (JxTargetOutline *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnViewColumn *column;

  self->entries = g_hash_table_new (NULL, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_cb), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "target-outline");
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_column_view_set_reorderable (self->view, FALSE);

  add_column (self, _("Target"), G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb),
              G_CALLBACK (unbind_name_cb), 0);
  add_column (self, C_("column", "Amount"), G_CALLBACK (setup_amount_cb),
              G_CALLBACK (bind_amount_cb), G_CALLBACK (unbind_amount_cb), 176);
  add_column (self, C_("column", "Actual"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_actual_cb), G_CALLBACK (unbind_watched_cb), 78);
  /* xgettext:no-c-format */
  add_column (self, C_("column", "%"), G_CALLBACK (setup_label_cb),
              G_CALLBACK (bind_percent_cb), G_CALLBACK (unbind_watched_cb), 58);
  column = add_column (self, "", G_CALLBACK (setup_lock_cb), G_CALLBACK (bind_lock_cb),
                       G_CALLBACK (unbind_watched_cb), 36);
  gtk_column_view_column_set_resizable (column, FALSE);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  adw_bin_set_child (ADW_BIN (self), scrolled);
}
