/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-target-amount.h"
#include "jx-target-decompose-dialog.h"
#include "jx-ui.h"

/*
 * Decompose…: choose a dimension and a method and see the sub-targets before they are
 * made. The preview (JxTargetDecomposition) recomputes as the method, the weights, the
 * amounts or the locks change; Create writes it as one step of Undo.
 */

static const JxTargetDimension dimensions[] = {
  JX_TARGET_DIMENSION_QUARTER,
  JX_TARGET_DIMENSION_MONTH,
  JX_TARGET_DIMENSION_WEEK,
  JX_TARGET_DIMENSION_PRODUCT_LINE,
  JX_TARGET_DIMENSION_CUSTOMER_TYPE,
  JX_TARGET_DIMENSION_REGION,
  JX_TARGET_DIMENSION_MEMBER,
  JX_TARGET_DIMENSION_TIER,
};

static const JxTargetMethod methods[] = {
  JX_TARGET_METHOD_EQUAL,
  JX_TARGET_METHOD_HISTORY,
  JX_TARGET_METHOD_SEASONAL,
  JX_TARGET_METHOD_WEIGHTS,
  JX_TARGET_METHOD_MANUAL,
};

struct _JxTargetDecomposeDialog {
  AdwWindow              parent_instance;

  AdwComboRow           *dimension_row;
  AdwComboRow           *method_row;
  AdwActionRow          *years_row;
  GtkSpinButton         *years_spin;
  GtkLabel              *note_label;
  GtkColumnView         *view;
  GtkColumnViewColumn   *weight_column;
  GtkLabel              *total_label;
  GtkWidget             *create_button;

  JxTargetTree          *tree;
  JxTargetNode          *node;
  JxTargetDecomposition *preview;
  char                  *error_text;
  gboolean               updating;
};

G_DEFINE_FINAL_TYPE (JxTargetDecomposeDialog, jx_target_decompose_dialog, ADW_TYPE_WINDOW)

static const char *
currency (JxTargetDecomposeDialog *self)
{
  return jx_target_tree_get_currency (self->tree);
}

static void
update_summary (JxTargetDecomposeDialog *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean ok = self->preview != NULL && self->error_text == NULL;

  if (self->error_text != NULL)
    g_string_append (note, self->error_text);
  else if (self->preview != NULL)
    {
      const char *text = jx_target_decomposition_get_note (self->preview);
      guint replaced = jx_target_decomposition_get_n_replaced (self->preview);

      if (text != NULL)
        g_string_append (note, text);
      if (replaced > 0)
        {
          if (note->len > 0)
            g_string_append_c (note, ' ');
          g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                     "Replaces %u sub-target split another "
                                                     "way, with its own sub-targets.",
                                                     "Replaces %u sub-targets split another "
                                                     "way, with their own sub-targets.",
                                                     replaced),
                                  replaced);
        }
    }
  gtk_label_set_text (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
  if (self->error_text != NULL ||
      (self->preview != NULL &&
       jx_target_decomposition_get_method_used (self->preview) !=
       jx_target_decomposition_get_method (self->preview)))
    gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_label), "warning");

  if (ok)
    {
      gint64 total = jx_target_decomposition_get_total (self->preview);
      gint64 gap = jx_target_decomposition_get_unallocated (self->preview);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->preview));
      g_autofree char *total_text = jx_target_node_format_amount (self->node, total,
                                                                  currency (self), FALSE);
      g_autofree char *gap_text = jx_target_node_format_amount (self->node, ABS (gap),
                                                                currency (self), FALSE);
      g_autofree char *text = NULL;

      if (gap == 0)
        /* Translators: %u sub-targets that add up to %s. */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sub-target, %s in all",
                                             "%u sub-targets adding up to %s", n),
                                n, total_text);
      else
        /* Translators: %u sub-targets, their total, then how much is left or over. */
        text = g_strdup_printf (gap > 0 ? _("%u sub-targets adding up to %s; %s unallocated")
                                        : _("%u sub-targets adding up to %s; %s over-allocated"),
                                n, total_text, gap_text);
      gtk_label_set_text (self->total_label, text);
    }
  else
    gtk_label_set_text (self->total_label, "");
  gtk_widget_set_sensitive (self->create_button,
                            ok && g_list_model_get_n_items (G_LIST_MODEL (self->preview)) > 0);
}

static void
set_error (JxTargetDecomposeDialog *self,
           const GError            *error)
{
  g_clear_pointer (&self->error_text, g_free);
  if (error != NULL)
    self->error_text = g_strdup (error->message);
}

static JxTargetMethod
selected_method (JxTargetDecomposeDialog *self)
{
  guint i = adw_combo_row_get_selected (self->method_row);

  return i < G_N_ELEMENTS (methods) ? methods[i] : JX_TARGET_METHOD_EQUAL;
}

static void
update_columns (JxTargetDecomposeDialog *self)
{
  JxTargetMethod method = selected_method (self);

  gtk_column_view_column_set_visible (self->weight_column, method == JX_TARGET_METHOD_WEIGHTS);
  gtk_widget_set_visible (GTK_WIDGET (self->years_row), method == JX_TARGET_METHOD_SEASONAL);
}

/* A new preview for the chosen dimension and method. */
static void
rebuild (JxTargetDecomposeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  guint d = adw_combo_row_get_selected (self->dimension_row);

  if (self->updating)
    return;
  g_clear_object (&self->preview);
  if (d < G_N_ELEMENTS (dimensions))
    self->preview = jx_target_tree_preview_decomposition (self->tree, self->node, dimensions[d],
                                                          selected_method (self), &error);
  if (self->preview != NULL && selected_method (self) == JX_TARGET_METHOD_SEASONAL &&
      !jx_target_decomposition_set_seasonal_years (self->preview,
                                                   gtk_spin_button_get_value_as_int (self->years_spin),
                                                   &error))
    g_clear_object (&self->preview);
  set_error (self, error);
  selection = gtk_no_selection_new (self->preview != NULL
                                    ? g_object_ref (G_LIST_MODEL (self->preview)) : NULL);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  update_columns (self);
  update_summary (self);
}

static void
on_method_cb (JxTargetDecomposeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  update_columns (self);
  if (self->preview == NULL)
    {
      rebuild (self);
      return;
    }
  if (!jx_target_decomposition_set_method (self->preview, selected_method (self), &error))
    {
      /* Seasonality of a split that is not by time: explain, keep the old figures out. */
      set_error (self, error);
      update_summary (self);
      gtk_widget_set_sensitive (self->create_button, FALSE);
      return;
    }
  if (selected_method (self) == JX_TARGET_METHOD_SEASONAL &&
      !jx_target_decomposition_set_seasonal_years (self->preview,
                                                   gtk_spin_button_get_value_as_int (self->years_spin),
                                                   &error))
    set_error (self, error);
  else
    set_error (self, NULL);
  /* Custom weights start from the shares shown, so that typing one changes only that one. */
  if (selected_method (self) == JX_TARGET_METHOD_WEIGHTS && self->error_text == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->preview));
      g_autofree double *shares = g_new (double, n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JxTargetNode) child = g_list_model_get_item (G_LIST_MODEL (self->preview), i);
          shares[i] = jx_target_node_get_weight (child);
        }
      for (guint i = 0; i < n && self->error_text == NULL; i++)
        if (!jx_target_decomposition_set_weight (self->preview, i, CLAMP (shares[i], 0, 100),
                                                 &error))
          set_error (self, error);
    }
  update_summary (self);
}

static void
on_years_cb (JxTargetDecomposeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->preview == NULL || selected_method (self) != JX_TARGET_METHOD_SEASONAL)
    return;
  jx_target_decomposition_set_seasonal_years (self->preview,
                                              gtk_spin_button_get_value_as_int (self->years_spin),
                                              &error);
  set_error (self, error);
  update_summary (self);
}

/* Rows of the preview. */

static guint
position_in_preview (JxTargetDecomposeDialog *self,
                     JxTargetNode            *child)
{
  guint n = self->preview != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->preview)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetNode) item = g_list_model_get_item (G_LIST_MODEL (self->preview), i);
      if (item == child)
        return i;
    }
  return G_MAXUINT;
}

static void
watch (GtkWidget    *cell,
       JxTargetNode *node,
       GCallback     callback)
{
  gulong id = g_signal_connect_object (node, "notify", callback, cell, G_CONNECT_SWAPPED);

  g_object_set_data_full (G_OBJECT (cell), "jx-node", g_object_ref (node), g_object_unref);
  g_object_set_data (G_OBJECT (cell), "jx-handler", GSIZE_TO_POINTER (id));
}

static void
unwatch_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  JxTargetNode *node = g_object_get_data (G_OBJECT (cell), "jx-node");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "jx-handler"));

  if (node != NULL && id != 0)
    g_signal_handler_disconnect (node, id);
  g_object_set_data (G_OBJECT (cell), "jx-handler", NULL);
  g_object_set_data (G_OBJECT (cell), "jx-node", NULL);
}

static JxTargetNode *
cell_node (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "jx-node");
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
update_name (GtkWidget *label)
{
  gtk_label_set_text (GTK_LABEL (label), jx_target_node_get_name (cell_node (label)));
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxTargetDecomposeDialog  *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  watch (label, gtk_list_item_get_item (item), G_CALLBACK (update_name));
  update_name (label);
}

static void
update_share (GtkWidget *label)
{
  JxTargetNode *node = cell_node (label);
  g_autofree char *text = jx_percent_format (jx_target_node_get_weight (node) / 100, 1);

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
bind_share_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JxTargetDecomposeDialog  *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  watch (label, gtk_list_item_get_item (item), G_CALLBACK (update_share));
  update_share (label);
}

static void
update_basis (GtkWidget *label)
{
  JxTargetDecomposeDialog *self = g_object_get_data (G_OBJECT (label), "jx-dialog");
  JxTargetNode *node = cell_node (label);
  gint64 basis = jx_target_node_get_basis (node);
  g_autofree char *text = basis >= 0 ? jx_target_node_format_amount (node, basis, currency (self),
                                                                     TRUE)
                                     : g_strdup ("—");

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
bind_basis_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JxTargetDecomposeDialog  *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "jx-dialog", self);
  watch (label, gtk_list_item_get_item (item), G_CALLBACK (update_basis));
  update_basis (label);
}

/* Editable cells: the amount and the weight, committed on Enter or when left. */

static void
update_amount (GtkWidget *entry)
{
  JxTargetDecomposeDialog *self = g_object_get_data (G_OBJECT (entry), "jx-dialog");
  JxTargetNode *node = cell_node (entry);
  g_autofree char *text = jx_target_amount_to_text (jx_target_node_get_metric (node),
                                                    jx_target_node_get_amount (node),
                                                    currency (self));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (entry, "error");
}

static void
commit_amount (GtkWidget *entry)
{
  JxTargetDecomposeDialog *self = g_object_get_data (G_OBJECT (entry), "jx-dialog");
  JxTargetNode *node = cell_node (entry);
  g_autoptr(GError) error = NULL;
  gint64 amount;
  guint position;

  if (node == NULL || (position = position_in_preview (self, node)) == G_MAXUINT)
    return;
  if (!jx_target_amount_parse (gtk_editable_get_text (GTK_EDITABLE (entry)),
                               jx_target_node_get_metric (node), currency (self), &amount, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error->message);
      return;
    }
  if (amount == jx_target_node_get_amount (node))
    return;
  if (!jx_target_decomposition_set_amount (self->preview, position, amount, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error->message);
      return;
    }
  gtk_widget_set_tooltip_text (entry, NULL);
  update_summary (self);
}

static void
update_weight (GtkWidget *entry)
{
  JxTargetNode *node = cell_node (entry);
  g_autofree char *text = g_strdup_printf ("%.1f", jx_target_node_get_weight (node));

  if (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))))
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (entry, "error");
}

static void
commit_weight (GtkWidget *entry)
{
  JxTargetDecomposeDialog *self = g_object_get_data (G_OBJECT (entry), "jx-dialog");
  JxTargetNode *node = cell_node (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *end = NULL;
  double percent;
  guint position;

  if (node == NULL || (position = position_in_preview (self, node)) == G_MAXUINT)
    return;
  g_strdelimit (text, ",", '.');
  percent = g_ascii_strtod (text, &end);
  if (end != NULL && *end == '%')
    end++;
  if (end == text || end == NULL || *end != '\0' ||
      !jx_target_decomposition_set_weight (self->preview, position, percent, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error != NULL ? error->message
                                                        : _("A weight is a percentage from 0 to 100."));
      return;
    }
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  update_summary (self);
}

/* The two editable columns. */
typedef enum {
  CELL_AMOUNT,
  CELL_WEIGHT,
} CellKind;

static CellKind
cell_kind (GtkWidget *entry)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "jx-kind"));
}

static void
commit_cell (GtkWidget *entry)
{
  if (cell_kind (entry) == CELL_AMOUNT)
    commit_amount (entry);
  else
    commit_weight (entry);
}

static void
update_cell (GtkWidget *entry)
{
  if (cell_kind (entry) == CELL_AMOUNT)
    update_amount (entry);
  else
    update_weight (entry);
}

static void
on_cell_activate_cb (GtkEntry *entry)
{
  commit_cell (GTK_WIDGET (entry));
}

static void
on_cell_leave_cb (GtkEventControllerFocus *controller)
{
  commit_cell (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
setup_entry_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                JxTargetDecomposeDialog  *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_add_css_class (entry, "cell-entry");
  gtk_widget_add_css_class (entry, "numeric");
  g_object_set_data (G_OBJECT (entry), "jx-dialog", self);
  g_object_set_data (G_OBJECT (entry), "jx-kind", g_object_get_data (G_OBJECT (factory), "jx-kind"));
  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_activate_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_leave_cb), NULL);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (item, entry);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_entry_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JxTargetDecomposeDialog  *self)
{
  GtkWidget *entry = gtk_list_item_get_child (item);

  watch (entry, gtk_list_item_get_item (item), G_CALLBACK (update_cell));
  update_cell (entry);
}

/* Lock column. */

static void
update_lock (GtkWidget *check)
{
  g_object_set_data (G_OBJECT (check), "jx-updating", GINT_TO_POINTER (1));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               jx_target_node_get_locked (cell_node (check)));
  g_object_set_data (G_OBJECT (check), "jx-updating", NULL);
}

static void
on_lock_toggled_cb (GtkCheckButton          *check,
                    JxTargetDecomposeDialog *self)
{
  JxTargetNode *node = cell_node (GTK_WIDGET (check));
  g_autoptr(GError) error = NULL;
  guint position;

  if (g_object_get_data (G_OBJECT (check), "jx-updating") != NULL || node == NULL ||
      (position = position_in_preview (self, node)) == G_MAXUINT)
    return;
  if (!jx_target_decomposition_set_locked (self->preview, position,
                                           gtk_check_button_get_active (check), &error))
    {
      set_error (self, error);
      update_lock (GTK_WIDGET (check));
    }
  else
    set_error (self, NULL);
  update_summary (self);
}

static void
setup_lock_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JxTargetDecomposeDialog  *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Keep this amount when the others are recomputed"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_lock_toggled_cb), self);
  gtk_list_item_set_child (item, check);
}

static void
bind_lock_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxTargetDecomposeDialog  *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);

  watch (check, gtk_list_item_get_item (item), G_CALLBACK (update_lock));
  update_lock (check);
}

static GtkColumnViewColumn *
add_column (JxTargetDecomposeDialog *self,
            const char              *title,
            GCallback                setup,
            gpointer                 setup_data,
            GCallback                bind,
            int                      width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unwatch_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}

static GtkColumnViewColumn *
add_entry_column (JxTargetDecomposeDialog *self,
                  const char              *title,
                  CellKind                 kind,
                  int                      width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "jx-kind", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unwatch_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}

/* Create. */

gboolean
jx_target_decompose_dialog_create (JxTargetDecomposeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSE_DIALOG (self), FALSE);
  if (self->preview == NULL || self->error_text != NULL)
    return FALSE;
  /* Commit a cell being typed in. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->preview));
  if (!jx_target_tree_apply_decomposition (self->tree, self->preview, &error))
    {
      set_error (self, error);
      update_summary (self);
      return FALSE;
    }
  /* Translators: %s is a target's name, %u the number of sub-targets made. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Split “%s” into %u sub-target",
                                          "Split “%s” into %u sub-targets", n),
                             jx_target_node_get_name (self->node), n);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_create_cb (JxTargetDecomposeDialog *self)
{
  jx_target_decompose_dialog_create (self);
}

/* The finer time split suits most targets: a year into quarters, a quarter into months. */
static JxTargetDimension
default_dimension (JxTargetNode *node)
{
  JxPeriod period;
  guint days;

  jx_target_node_get_period (node, &period);
  days = jx_period_n_days (&period);
  if (days > 120)
    return JX_TARGET_DIMENSION_QUARTER;
  if (days > 40)
    return JX_TARGET_DIMENSION_MONTH;
  return JX_TARGET_DIMENSION_WEEK;
}

JxTargetDecomposeDialog *
jx_target_decompose_dialog_new (GtkWindow    *parent,
                                JxTargetTree *tree,
                                JxTargetNode *node)
{
  JxTargetDecomposeDialog *self;
  g_autofree char *amount = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (JX_IS_TARGET_TREE (tree), NULL);
  g_return_val_if_fail (JX_IS_TARGET_NODE (node), NULL);

  self = g_object_new (JX_TYPE_TARGET_DECOMPOSE_DIALOG, "transient-for", parent, NULL);
  self->tree = g_object_ref (tree);
  self->node = g_object_ref (node);
  amount = jx_target_node_format_amount (node, jx_target_node_get_amount (node),
                                         jx_target_tree_get_currency (tree), FALSE);
  /* Translators: the target being split and its amount: "Revenue 2026 · ¥1,200,000.00". */
  subtitle = g_strdup_printf (_("%s · %s"), jx_target_node_get_name (node), amount);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (g_object_get_data (G_OBJECT (self), "jx-title")),
                                 subtitle);
  self->updating = TRUE;
  jx_target_decompose_dialog_set_dimension (self, default_dimension (node));
  self->updating = FALSE;
  rebuild (self);
  return self;
}

void
jx_target_decompose_dialog_set_dimension (JxTargetDecomposeDialog *self,
                                          JxTargetDimension        dimension)
{
  g_return_if_fail (JX_IS_TARGET_DECOMPOSE_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    if (dimensions[i] == dimension)
      adw_combo_row_set_selected (self->dimension_row, i);
}

void
jx_target_decompose_dialog_set_method (JxTargetDecomposeDialog *self,
                                       JxTargetMethod           method)
{
  g_return_if_fail (JX_IS_TARGET_DECOMPOSE_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (methods[i] == method)
      adw_combo_row_set_selected (self->method_row, i);
}

/* Returns: (transfer none) (nullable): the children Create would make */
JxTargetDecomposition *
jx_target_decompose_dialog_get_preview (JxTargetDecomposeDialog *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSE_DIALOG (self), NULL);
  return self->error_text == NULL ? self->preview : NULL;
}

/* The explanation shown above the preview (fallbacks, errors, replaced sub-targets). */
const char *
jx_target_decompose_dialog_get_note (JxTargetDecomposeDialog *self)
{
  g_return_val_if_fail (JX_IS_TARGET_DECOMPOSE_DIALOG (self), NULL);
  return gtk_label_get_text (self->note_label);
}

static void
jx_target_decompose_dialog_dispose (GObject *object)
{
  JxTargetDecomposeDialog *self = JX_TARGET_DECOMPOSE_DIALOG (object);

  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->preview);
  g_clear_object (&self->node);
  g_clear_object (&self->tree);
  G_OBJECT_CLASS (jx_target_decompose_dialog_parent_class)->dispose (object);
}

static void
jx_target_decompose_dialog_finalize (GObject *object)
{
  JxTargetDecomposeDialog *self = JX_TARGET_DECOMPOSE_DIALOG (object);

  g_free (self->error_text);
  G_OBJECT_CLASS (jx_target_decompose_dialog_parent_class)->finalize (object);
}

static void
jx_target_decompose_dialog_class_init (JxTargetDecomposeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_target_decompose_dialog_dispose;
  object_class->finalize = jx_target_decompose_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jx_target_decompose_dialog_init (JxTargetDecomposeDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Decompose Target"), NULL);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) dimension_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) method_names = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Decompose Target"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  g_object_set_data (G_OBJECT (self), "jx-title", title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->create_button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->create_button, _("Make these sub-targets (one step of Undo)"));
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (on_create_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    gtk_string_list_append (dimension_names, jx_target_dimension_label (dimensions[i]));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    gtk_string_list_append (method_names, jx_target_method_label (methods[i]));

  self->dimension_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dimension_row), _("_Split by"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->dimension_row), TRUE);
  adw_combo_row_set_model (self->dimension_row, G_LIST_MODEL (dimension_names));
  g_signal_connect_swapped (self->dimension_row, "notify::selected", G_CALLBACK (rebuild), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->dimension_row));

  self->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row), _("_Method"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->method_row), TRUE);
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (method_names));
  adw_combo_row_set_selected (self->method_row, 1);
  g_signal_connect_swapped (self->method_row, "notify::selected", G_CALLBACK (on_method_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->method_row));

  self->years_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->years_row), _("Years of history"));
  adw_action_row_set_subtitle (self->years_row,
                               _("Complete years whose monthly pattern is averaged"));
  self->years_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 10, 1));
  jx_ui_spin_button_set_undo (self->years_spin, NULL, NULL);
  gtk_spin_button_set_value (self->years_spin, 3);
  gtk_widget_set_valign (GTK_WIDGET (self->years_spin), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->years_spin, "value-changed", G_CALLBACK (on_years_cb), self);
  adw_action_row_add_suffix (self->years_row, GTK_WIDGET (self->years_spin));
  adw_action_row_set_activatable_widget (self->years_row, GTK_WIDGET (self->years_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->years_row));

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (content), group);

  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "decompose-note");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->note_label));

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  add_column (self, C_("column", "Sub-target"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (0),
              G_CALLBACK (bind_name_cb), 0);
  add_entry_column (self, C_("column", "Amount"), CELL_AMOUNT, 150);
  /* xgettext:no-c-format */
  self->weight_column = add_entry_column (self, C_("column", "Weight %"), CELL_WEIGHT, 90);
  add_column (self, C_("column", "Share"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (1),
              G_CALLBACK (bind_share_cb), 80);
  add_column (self, C_("column", "Last year"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (1),
              G_CALLBACK (bind_basis_cb), 110);
  add_column (self, C_("column", "Lock"), G_CALLBACK (setup_lock_cb), self,
              G_CALLBACK (bind_lock_cb), 56);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (content), frame);

  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->total_label));

  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
}
