/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-plan-compare-dialog.h"

/*
 * Compare…: two plans side by side, target by target (matched by their path from the
 * top), with both amounts and the difference B − A.
 */

struct _JxPlanCompareDialog {
  AdwWindow            parent_instance;

  GtkDropDown         *a_dropdown;
  GtkDropDown         *b_dropdown;
  GtkColumnView       *view;
  GtkColumnViewColumn *a_column;
  GtkColumnViewColumn *b_column;
  GtkLabel            *summary_label;

  JxStore             *store;
  GListModel          *plans;
  GListModel          *rows;
  char                *currency;
};

G_DEFINE_FINAL_TYPE (JxPlanCompareDialog, jx_plan_compare_dialog, ADW_TYPE_WINDOW)

enum {
  COLUMN_NAME,
  COLUMN_A,
  COLUMN_B,
  COLUMN_DIFFERENCE,
};

static char *
format_amount (JxPlanCompareDialog   *self,
               JxTargetComparisonRow *row,
               gint64                 value,
               gboolean               signed_value)
{
  g_autofree char *text = NULL;
  gint64 magnitude = ABS (value);

  if (jx_target_metric_is_money (jx_target_comparison_row_get_metric (row)))
    text = jx_money_format (magnitude, self->currency);
  else
    text = jx_number_format (magnitude);
  if (value < 0)
    return g_strconcat ("−", text, NULL);
  if (signed_value && value > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

static gint64
plan_id_at (JxPlanCompareDialog *self,
            GtkDropDown         *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr(JxTargetPlan) plan = NULL;

  if (self->plans == NULL || i >= g_list_model_get_n_items (self->plans))
    return 0;
  plan = g_list_model_get_item (self->plans, i);
  return jx_target_plan_get_id (plan);
}

static const char *
plan_name_at (JxPlanCompareDialog *self,
              GtkDropDown         *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr(JxTargetPlan) plan = NULL;

  if (self->plans == NULL || i >= g_list_model_get_n_items (self->plans))
    return "";
  plan = g_list_model_get_item (self->plans, i);
  /* The list holds the plan, so its name outlives this reference. */
  return jx_target_plan_get_name (plan);
}

static void
recompare (JxPlanCompareDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  gint64 a = plan_id_at (self, self->a_dropdown);
  gint64 b = plan_id_at (self, self->b_dropdown);
  guint n_diff = 0, n;

  g_clear_object (&self->rows);
  if (a > 0 && b > 0)
    self->rows = jx_target_plans_compare (self->store, a, b, &error);
  gtk_column_view_column_set_title (self->a_column, plan_name_at (self, self->a_dropdown));
  gtk_column_view_column_set_title (self->b_column, plan_name_at (self, self->b_dropdown));
  selection = gtk_no_selection_new (self->rows != NULL ? g_object_ref (self->rows) : NULL);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  if (self->rows == NULL)
    {
      gtk_label_set_text (self->summary_label, error != NULL ? error->message : "");
      return;
    }
  n = g_list_model_get_n_items (self->rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetComparisonRow) row = g_list_model_get_item (self->rows, i);

      if (jx_target_comparison_row_get_difference (row) != 0 ||
          !jx_target_comparison_row_in_a (row) || !jx_target_comparison_row_in_b (row))
        n_diff++;
    }
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u target differs",
                                    "%u of %u targets differ", n), n_diff, n);
    gtk_label_set_text (self->summary_label, text);
  }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column != COLUMN_NAME)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         JxPlanCompareDialog      *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  JxTargetComparisonRow *row = gtk_list_item_get_item (item);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jx-column"));
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "diff-up");
  gtk_widget_remove_css_class (label, "diff-down");
  gtk_widget_remove_css_class (label, "dim-label");
  switch (column)
    {
    case COLUMN_NAME:
      gtk_widget_set_margin_start (label, 18 * (int) jx_target_comparison_row_get_depth (row));
      gtk_label_set_text (GTK_LABEL (label), jx_target_comparison_row_get_name (row));
      gtk_widget_set_tooltip_text (label, jx_target_comparison_row_get_path (row));
      return;
    case COLUMN_A:
      if (jx_target_comparison_row_in_a (row))
        text = format_amount (self, row, jx_target_comparison_row_get_amount_a (row), FALSE);
      break;
    case COLUMN_B:
      if (jx_target_comparison_row_in_b (row))
        text = format_amount (self, row, jx_target_comparison_row_get_amount_b (row), FALSE);
      break;
    case COLUMN_DIFFERENCE:
    default:
      {
        gint64 diff = jx_target_comparison_row_get_difference (row);

        text = format_amount (self, row, diff, TRUE);
        if (diff > 0)
          gtk_widget_add_css_class (label, "diff-up");
        else if (diff < 0)
          gtk_widget_add_css_class (label, "diff-down");
        else
          gtk_widget_add_css_class (label, "dim-label");
      }
      break;
    }
  if (text == NULL)
    {
      /* The target is missing from that plan. */
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_text (GTK_LABEL (label), _("not in plan"));
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
}

static GtkColumnViewColumn *
add_column (JxPlanCompareDialog *self,
            const char          *title,
            int                  column_id)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "jx-column", GINT_TO_POINTER (column_id));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column_id));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  if (column_id == COLUMN_NAME)
    gtk_column_view_column_set_expand (column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (column, 170);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}

static void
select_plan (JxPlanCompareDialog *self,
             GtkDropDown         *dropdown,
             gint64               id)
{
  guint n = g_list_model_get_n_items (self->plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTargetPlan) plan = g_list_model_get_item (self->plans, i);

      if (jx_target_plan_get_id (plan) == id)
        gtk_drop_down_set_selected (dropdown, i);
    }
}

JxPlanCompareDialog *
jx_plan_compare_dialog_new (GtkWindow *parent,
                            JxStore   *store,
                            gint64     plan_a,
                            gint64     plan_b)
{
  JxPlanCompareDialog *self;
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  self = g_object_new (JX_TYPE_PLAN_COMPARE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->currency = jx_store_get_setting (store, "currency");
  self->plans = jx_target_plans_list (store, NULL);
  if (self->plans == NULL)
    self->plans = G_LIST_MODEL (g_list_store_new (JX_TYPE_TARGET_PLAN));
  expression = gtk_property_expression_new (JX_TYPE_TARGET_PLAN, NULL, "name");
  gtk_drop_down_set_expression (self->a_dropdown, expression);
  gtk_drop_down_set_expression (self->b_dropdown, expression);
  gtk_drop_down_set_model (self->a_dropdown, self->plans);
  gtk_drop_down_set_model (self->b_dropdown, self->plans);
  select_plan (self, self->a_dropdown, plan_a);
  select_plan (self, self->b_dropdown, plan_b);
  g_signal_connect_swapped (self->a_dropdown, "notify::selected", G_CALLBACK (recompare), self);
  g_signal_connect_swapped (self->b_dropdown, "notify::selected", G_CALLBACK (recompare), self);
  recompare (self);
  return self;
}

/* Returns: (transfer none) (nullable): the rows shown, #JxTargetComparisonRow */
GListModel *
jx_plan_compare_dialog_get_rows (JxPlanCompareDialog *self)
{
  g_return_val_if_fail (JX_IS_PLAN_COMPARE_DIALOG (self), NULL);
  return self->rows;
}

static void
jx_plan_compare_dialog_dispose (GObject *object)
{
  JxPlanCompareDialog *self = JX_PLAN_COMPARE_DIALOG (object);

  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->plans);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jx_plan_compare_dialog_parent_class)->dispose (object);
}

static void
jx_plan_compare_dialog_finalize (GObject *object)
{
  g_free (JX_PLAN_COMPARE_DIALOG (object)->currency);
  G_OBJECT_CLASS (jx_plan_compare_dialog_parent_class)->finalize (object);
}

static void
jx_plan_compare_dialog_class_init (JxPlanCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_plan_compare_dialog_dispose;
  object_class->finalize = jx_plan_compare_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jx_plan_compare_dialog_init (JxPlanCompareDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *choosers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *versus = gtk_label_new (_("compared with"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Compare Plans"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 620);
  gtk_box_append (GTK_BOX (box), header);

  self->a_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->b_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->a_dropdown), _("Plan A"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->b_dropdown), _("Plan B"));
  gtk_widget_add_css_class (versus, "dim-label");
  gtk_box_append (GTK_BOX (choosers), GTK_WIDGET (self->a_dropdown));
  gtk_box_append (GTK_BOX (choosers), versus);
  gtk_box_append (GTK_BOX (choosers), GTK_WIDGET (self->b_dropdown));
  gtk_widget_set_halign (choosers, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (content), choosers);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  add_column (self, C_("column", "Target"), COLUMN_NAME);
  self->a_column = add_column (self, "", COLUMN_A);
  self->b_column = add_column (self, "", COLUMN_B);
  /* Translators: the difference plan B − plan A. */
  add_column (self, C_("column", "Difference"), COLUMN_DIFFERENCE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (content), frame);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary_label));

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
}
