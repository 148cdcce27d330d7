/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-target-add-dialog.h"
#include "jx-target-amount.h"

/*
 * Add Target…: a new top-level target or a sub-target of the selected one, with its name,
 * metric, period, owner, filters and amount. A sub-target counts its parent's metric and
 * lies inside its parent's period, so those start from the parent's.
 */

typedef struct {
  AdwComboRow *row;
  GArray      *ids;   /* gint64 per item; 0 first ("any" or "nobody") */
} Choice;

enum {
  CHOICE_OWNER,
  CHOICE_REGION,
  CHOICE_MEMBER,
  CHOICE_LINE,
  CHOICE_TYPE,
  N_CHOICES
};

static const JxTargetMetric metrics[] = {
  JX_TARGET_METRIC_REVENUE,
  JX_TARGET_METRIC_DEALS,
  JX_TARGET_METRIC_NEW_CUSTOMERS,
};

struct _JxTargetAddDialog {
  AdwWindow      parent_instance;

  AdwComboRow   *place_row;
  AdwEntryRow   *name_row;
  AdwComboRow   *metric_row;
  AdwEntryRow   *from_row;
  AdwEntryRow   *to_row;
  AdwEntryRow   *amount_row;
  Choice         choices[N_CHOICES];
  GtkLabel      *error_label;

  JxTargetTree  *tree;
  JxTargetNode  *parent_node;
  GDate          today;
};

G_DEFINE_FINAL_TYPE (JxTargetAddDialog, jx_target_add_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static JxTargetNode *
chosen_parent (JxTargetAddDialog *self)
{
  if (self->parent_node == NULL || adw_combo_row_get_selected (self->place_row) == 0)
    return NULL;
  return self->parent_node;
}

static void
fill_choice (JxTargetAddDialog *self,
             Choice            *choice,
             JxTables           table,
             const char        *none_label)
{
  g_autoptr(JxNameList) list = jx_name_list_new (jx_target_tree_get_store (self->tree), table);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 none = 0;

  gtk_string_list_append (names, none_label);
  g_array_append_val (choice->ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = jx_named_item_get_id (item);

      gtk_string_list_append (names, jx_named_item_get_name (item));
      g_array_append_val (choice->ids, id);
    }
  adw_combo_row_set_model (choice->row, G_LIST_MODEL (names));
}

static gint64
choice_id (Choice *choice)
{
  guint i = adw_combo_row_get_selected (choice->row);

  return i < choice->ids->len ? g_array_index (choice->ids, gint64, i) : 0;
}

/* The period, metric and defaults follow the place chosen. */
static void
on_place_cb (JxTargetAddDialog *self)
{
  JxTargetNode *parent = chosen_parent (self);
  JxPeriod year;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (parent != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_row), jx_target_node_get_period_from (parent));
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), jx_target_node_get_period_to (parent));
      for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
        if (metrics[i] == jx_target_node_get_metric (parent))
          adw_combo_row_set_selected (self->metric_row, i);
      gtk_widget_set_sensitive (GTK_WIDGET (self->metric_row), FALSE);
      return;
    }
  jx_period_fiscal_year (&self->today,
                         jx_store_get_setting_int (jx_target_tree_get_store (self->tree),
                                                   "fiscal_year_start_month", 1),
                         &year);
  from = jx_date_to_iso (&year.from);
  to = jx_date_to_iso (&year.to);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  gtk_widget_set_sensitive (GTK_WIDGET (self->metric_row), TRUE);
}

static void
show_error (JxTargetAddDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Returns: the new target's id, or 0 when the form is not valid (the dialog says why) */
gint64
jx_target_add_dialog_create (JxTargetAddDialog *self)
{
  g_autoptr(GError) error = NULL;
  JxTargetNodeSpec spec = { 0 };
  guint m = adw_combo_row_get_selected (self->metric_row);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint64 id;

  g_return_val_if_fail (JX_IS_TARGET_ADD_DIALOG (self), 0);

  spec.name = name;
  spec.metric = m < G_N_ELEMENTS (metrics) ? metrics[m] : JX_TARGET_METRIC_REVENUE;
  if (!jx_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &spec.period.from) ||
      !jx_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), &spec.period.to))
    {
      show_error (self, _("Type the first and last day of the period as YYYY-MM-DD, for example "
                          "2026-01-01."));
      return 0;
    }
  if (!jx_target_amount_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                               spec.metric, jx_target_tree_get_currency (self->tree),
                               &spec.amount, &error))
    {
      show_error (self, error->message);
      return 0;
    }
  spec.owner_id = choice_id (&self->choices[CHOICE_OWNER]);
  spec.filters.region_id = choice_id (&self->choices[CHOICE_REGION]);
  spec.filters.member_id = choice_id (&self->choices[CHOICE_MEMBER]);
  spec.filters.product_line_id = choice_id (&self->choices[CHOICE_LINE]);
  spec.filters.customer_type_id = choice_id (&self->choices[CHOICE_TYPE]);
  id = jx_target_tree_add_node (self->tree, chosen_parent (self), &spec, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return 0;
    }
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}

static void
on_create_cb (JxTargetAddDialog *self)
{
  jx_target_add_dialog_create (self);
}

/* Fills the name and amount, as a user would type them (for tests). */
void
jx_target_add_dialog_set (JxTargetAddDialog *self,
                          const char        *name,
                          const char        *amount)
{
  g_return_if_fail (JX_IS_TARGET_ADD_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
}

JxTargetAddDialog *
jx_target_add_dialog_new (GtkWindow    *parent,
                          JxTargetTree *tree,
                          JxTargetNode *parent_node,
                          const GDate  *today)
{
  JxTargetAddDialog *self;
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);

  g_return_val_if_fail (JX_IS_TARGET_TREE (tree), NULL);

  self = g_object_new (JX_TYPE_TARGET_ADD_DIALOG, "transient-for", parent, NULL);
  self->tree = g_object_ref (tree);
  self->parent_node = parent_node != NULL ? g_object_ref (parent_node) : NULL;
  self->today = *today;

  gtk_string_list_append (places, _("A new top-level target"));
  if (parent_node != NULL)
    {
      /* Translators: %s is the selected target's name. */
      g_autofree char *under = g_strdup_printf (_("A sub-target of “%s”"),
                                                jx_target_node_get_name (parent_node));
      gtk_string_list_append (places, under);
    }
  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (places));
  adw_combo_row_set_selected (self->place_row, parent_node != NULL ? 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_row), parent_node != NULL);
  g_signal_connect_swapped (self->place_row, "notify::selected", G_CALLBACK (on_place_cb), self);

  fill_choice (self, &self->choices[CHOICE_OWNER], JX_TABLE_TEAM_MEMBERS, _("Nobody"));
  fill_choice (self, &self->choices[CHOICE_REGION], JX_TABLE_REGIONS, _("Any"));
  fill_choice (self, &self->choices[CHOICE_MEMBER], JX_TABLE_TEAM_MEMBERS, _("Any"));
  fill_choice (self, &self->choices[CHOICE_LINE], JX_TABLE_PRODUCT_LINES, _("Any"));
  fill_choice (self, &self->choices[CHOICE_TYPE], JX_TABLE_CUSTOMER_TYPES, _("Any"));
  on_place_cb (self);
  return self;
}

static void
jx_target_add_dialog_dispose (GObject *object)
{
  JxTargetAddDialog *self = JX_TARGET_ADD_DIALOG (object);

  g_clear_object (&self->tree);
  g_clear_object (&self->parent_node);
  G_OBJECT_CLASS (jx_target_add_dialog_parent_class)->dispose (object);
}

static void
jx_target_add_dialog_finalize (GObject *object)
{
  JxTargetAddDialog *self = JX_TARGET_ADD_DIALOG (object);

  for (guint i = 0; i < N_CHOICES; i++)
    g_array_unref (self->choices[i].ids);
  G_OBJECT_CLASS (jx_target_add_dialog_parent_class)->finalize (object);
}

static void
jx_target_add_dialog_class_init (JxTargetAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_target_add_dialog_dispose;
  object_class->finalize = jx_target_add_dialog_finalize;

  /**
   * JxTargetAddDialog::target-added:
   * @id: the new target
   */
  signals[SIGNAL_ADDED] = g_signal_new ("target-added", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwEntryRow *
add_entry_row (GtkWidget  *group,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (GtkWidget  *group,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static void
jx_target_add_dialog_init (JxTargetAddDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *main_group = adw_preferences_group_new ();
  GtkWidget *filter_group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) metric_names = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Add Target"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (on_create_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->place_row = add_combo_row (main_group, _("_Place"), NULL);
  self->name_row = add_entry_row (main_group, _("_Name"));
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    gtk_string_list_append (metric_names, jx_target_metric_label (metrics[i]));
  self->metric_row = add_combo_row (main_group, _("_Counts"), NULL);
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metric_names));
  self->from_row = add_entry_row (main_group, _("_First day (YYYY-MM-DD)"));
  self->to_row = add_entry_row (main_group, _("_Last day (YYYY-MM-DD)"));
  self->amount_row = add_entry_row (main_group, _("_Target"));
  adw_entry_row_set_input_purpose (self->amount_row, GTK_INPUT_PURPOSE_NUMBER);
  self->choices[CHOICE_OWNER].row = add_combo_row (main_group, _("_Owner"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (main_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (filter_group), _("What Counts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (filter_group),
                                         _("Only won deals that match these count towards the "
                                           "target. A sub-target also keeps its parent’s."));
  self->choices[CHOICE_REGION].row = add_combo_row (filter_group, _("_Region"), NULL);
  self->choices[CHOICE_MEMBER].row = add_combo_row (filter_group, _("_Sales rep"), NULL);
  self->choices[CHOICE_LINE].row = add_combo_row (filter_group, _("Product _line"), NULL);
  self->choices[CHOICE_TYPE].row = add_combo_row (filter_group, _("Customer _type"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (filter_group));
  for (guint i = 0; i < N_CHOICES; i++)
    self->choices[i].ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), create);
  /* Typing starts with the name, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}
