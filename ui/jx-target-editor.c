/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-target-amount.h"
#include "jx-target-editor.h"
#include "jx-ui.h"

/*
 * The side panel of the Targets view: everything about the selected target. Each field
 * writes through JxTargetTree when it is applied (Enter, the apply button, leaving the
 * rationale), so each change is one step of Undo. While a target is typed, the panel
 * shows what its parent would have left unallocated, before anything is written.
 */

struct _JxTargetEditor {
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkScrolledWindow *scrolled;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *amount_row;
  AdwActionRow    *parent_row;
  GtkButton       *parent_rebalance_button;
  AdwActionRow    *children_row;
  GtkButton       *children_rebalance_button;
  AdwActionRow    *lock_row;
  GtkSwitch       *lock_switch;
  AdwComboRow     *owner_row;
  AdwPreferencesGroup *attainment_group;
  GtkLabel        *actual_label;
  GtkLabel        *expected_label;
  AdwActionRow    *pace_row;
  GtkLabel        *pace_label;
  GtkLabel        *gap_label;
  AdwActionRow    *pipeline_row;
  GtkLabel        *pipeline_label;
  AdwPreferencesGroup *suggestions_group;
  GtkSpinButton   *growth_spin;
  GtkListBox      *suggestions_list;
  GtkTextView     *rationale_view;
  AdwPreferencesGroup *smart_group;

  GtkCheckButton  *smart_checks[JX_TARGET_N_SMART_ITEMS];
  AdwEntryRow     *smart_rows[JX_TARGET_N_SMART_ITEMS];

  JxTargetTree    *tree;
  gulong           tree_changed_id;
  JxTargetNode    *node;
  gulong           node_notify_id;
  JxNameList      *members;
  GtkStringList   *owner_names;
  GArray          *owner_ids;
  GListModel      *suggestions;
  char            *parent_status;
  gboolean         owner_extra;
  guint            refresh_id;
  gboolean         updating;
  gboolean         rationale_dirty;
};

G_DEFINE_FINAL_TYPE (JxTargetEditor, jx_target_editor, ADW_TYPE_BIN)

#define PANEL_WIDTH 380

static void refresh (JxTargetEditor *self);

static const char *
currency (JxTargetEditor *self)
{
  return self->tree != NULL ? jx_target_tree_get_currency (self->tree) : "CNY";
}

static char *
format_value (JxTargetEditor *self,
              gint64          value)
{
  return jx_target_node_format_amount (self->node, value, currency (self), FALSE);
}

static gboolean
row_is_editing (AdwEntryRow *row)
{
  return gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))));
}

/* Sets a field's text unless the user is typing in it. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (row_is_editing (row) && g_object_get_data (G_OBJECT (row), "jx-edited") != NULL)
    return;
  jx_ui_fill_editable (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "jx-edited", NULL);
}

/* Allocation: the parent's unallocated amount, with @amount in place of this target's. */

static void
update_parent_row (JxTargetEditor *self,
                   gint64          amount)
{
  JxTargetNode *parent = jx_target_node_get_parent (self->node);
  gint64 gap;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *value = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), parent != NULL);
  g_clear_pointer (&self->parent_status, g_free);
  if (parent == NULL)
    return;
  gap = jx_target_node_get_amount (parent) -
        (jx_target_node_get_children_total (parent) - jx_target_node_get_amount (self->node) +
         amount);
  value = jx_target_node_format_amount (parent, ABS (gap), currency (self), FALSE);
  if (gap == 0)
    {
      /* Translators: %s is the parent target's name. */
      title = g_strdup_printf (_("“%s” is fully allocated"), jx_target_node_get_name (parent));
      subtitle = g_strdup (_("Its sub-targets add up to it exactly."));
    }
  else if (gap > 0)
    {
      /* Translators: %s is an amount, such as ¥12,000.00. */
      title = g_strdup_printf (_("%s unallocated"), value);
      /* Translators: %s is the parent target's name. */
      subtitle = g_strdup_printf (_("Left over in “%s”"), jx_target_node_get_name (parent));
    }
  else
    {
      /* Translators: %s is an amount, such as ¥12,000.00. */
      title = g_strdup_printf (_("%s over-allocated"), value);
      /* Translators: %s is the parent target's name. */
      subtitle = g_strdup_printf (_("The sub-targets of “%s” add up to more than it"),
                                  jx_target_node_get_name (parent));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), title);
  adw_action_row_set_subtitle (self->parent_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->parent_rebalance_button), gap != 0);
  if (gap != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->parent_row), "allocation-gap");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->parent_row), "allocation-gap");
  self->parent_status = g_strdup (title);
}

static void
update_children_row (JxTargetEditor *self)
{
  guint n = jx_target_node_get_n_children (self->node);
  gint64 gap = jx_target_node_get_unallocated (self->node);
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->children_row), n > 0 && gap != 0);
  if (n == 0 || gap == 0)
    return;
  value = format_value (self, ABS (gap));
  title = g_strdup_printf (gap > 0 ? _("%s not given to sub-targets")
                                   : _("Sub-targets exceed it by %s"), value);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Its %u sub-target does not add up "
                                           "to this target",
                                           "Its %u sub-targets do not add up to this target", n),
                              n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->children_row), title);
  adw_action_row_set_subtitle (self->children_row, subtitle);
}

/* Attainment. */

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "—");
}

static void
update_attainment (JxTargetEditor *self)
{
  JxTargetNode *node = self->node;
  gboolean has = jx_target_node_has_actual (node);

  if (!has)
    {
      const char *waiting = _("Reading the deals…");

      set_label (self->actual_label, waiting);
      set_label (self->expected_label, "—");
      set_label (self->pace_label, "—");
      adw_action_row_set_subtitle (self->pace_row, "");
      set_label (self->gap_label, "—");
      set_label (self->pipeline_label, "—");
      adw_action_row_set_subtitle (self->pipeline_row, "");
      return;
    }
  {
    g_autofree char *actual = format_value (self, jx_target_node_get_actual (node));
    g_autofree char *pct = jx_percent_format (jx_target_node_get_attainment (node), 1);
    g_autofree char *text = jx_target_node_get_amount (node) > 0
                            /* Translators: an actual and its attainment, "¥1,200.00 (84.0%)". */
                            ? g_strdup_printf (_("%s (%s)"), actual, pct) : g_strdup (actual);

    set_label (self->actual_label, text);
  }
  {
    g_autofree char *expected = format_value (self, jx_target_node_get_expected_to_date (node));
    set_label (self->expected_label, expected);
  }
  {
    JxTargetPace pace = jx_target_node_get_pace (node);
    gint64 diff = jx_target_node_get_actual (node) - jx_target_node_get_expected_to_date (node);
    g_autofree char *value = format_value (self, ABS (diff));
    g_autofree char *text = NULL;
    static const char *const classes[] = { "pace-ahead", "pace-on-pace", "pace-behind" };

    set_label (self->pace_label, jx_target_pace_label (pace));
    if (pace == JX_TARGET_PACE_AHEAD || pace == JX_TARGET_PACE_ON_PACE ||
        pace == JX_TARGET_PACE_BEHIND)
      text = g_strdup_printf (diff >= 0
                              /* Translators: how far the actual is above the expected amount. */
                              ? _("%s above the expected amount")
                              /* Translators: how far the actual is below the expected amount. */
                              : _("%s below the expected amount"), value);
    adw_action_row_set_subtitle (self->pace_row, text != NULL ? text : "");
    for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
      gtk_widget_remove_css_class (GTK_WIDGET (self->pace_label), classes[i]);
    if (pace == JX_TARGET_PACE_AHEAD)
      gtk_widget_add_css_class (GTK_WIDGET (self->pace_label), classes[0]);
    else if (pace == JX_TARGET_PACE_ON_PACE)
      gtk_widget_add_css_class (GTK_WIDGET (self->pace_label), classes[1]);
    else if (pace == JX_TARGET_PACE_BEHIND)
      gtk_widget_add_css_class (GTK_WIDGET (self->pace_label), classes[2]);
  }
  {
    gint64 gap = jx_target_node_get_gap (node);
    g_autofree char *value = format_value (self, ABS (gap));
    g_autofree char *text = gap > 0 ? g_strdup (value)
                                    /* Translators: the target was beaten by %s. */
                                    : g_strdup_printf (_("Exceeded by %s"), value);

    set_label (self->gap_label, text);
  }
  if (self->tree != NULL && jx_target_tree_get_pipeline_ready (self->tree))
    {
      gint64 needed = jx_target_node_get_pipeline_needed (node);
      double rate = jx_target_node_get_win_rate (node);
      g_autofree char *rate_text = jx_percent_format (rate, 1);
      g_autofree char *subtitle = NULL;

      if (needed < 0)
        {
          set_label (self->pipeline_label, "—");
          subtitle = g_strdup (_("No deal closed in the last 365 days gives a win rate"));
        }
      else
        {
          g_autofree char *value = format_value (self, needed);

          set_label (self->pipeline_label, value);
          /* Translators: %s is a win rate such as 32.5%. */
          subtitle = g_strdup_printf (_("The gap ÷ a win rate of %s over the last 365 days"),
                                      rate_text);
        }
      adw_action_row_set_subtitle (self->pipeline_row, subtitle);
    }
  else
    {
      set_label (self->pipeline_label, _("Computing…"));
      adw_action_row_set_subtitle (self->pipeline_row, "");
    }
}

/* Suggestions. */

static void
on_apply_suggestion_cb (GtkButton      *button,
                        JxTargetEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jx-index"));

  jx_target_editor_apply_suggestion (self, index);
}

static void
add_detail_row (AdwExpanderRow *expander,
                const char     *title,
                const char     *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_expander_row_add_row (expander, row);
}

static GtkWidget *
suggestion_row (JxTargetEditor     *self,
                JxTargetSuggestion *suggestion,
                guint               index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  GtkWidget *explanation = adw_action_row_new ();
  g_autofree char *amount = NULL;
  gboolean available = jx_target_suggestion_get_available (suggestion);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 jx_target_suggestion_get_title (suggestion));
  if (available)
    {
      amount = format_value (self, jx_target_suggestion_get_amount (suggestion));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), amount);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Not enough history"));
  gtk_widget_add_css_class (row, "suggestion");
  gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (apply, available);
  gtk_widget_set_tooltip_text (apply, _("Make this the target"));
  g_object_set_data (G_OBJECT (apply), "jx-index", GUINT_TO_POINTER (index));
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply_suggestion_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), apply);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (explanation),
                                 jx_target_suggestion_get_explanation (suggestion));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (explanation), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (explanation), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), explanation);

  if (jx_target_suggestion_get_kind (suggestion) == JX_TARGET_SUGGESTION_TREND && available)
    {
      for (guint i = 0; i < jx_target_suggestion_get_n_points (suggestion); i++)
        {
          const JxTargetSuggestionPoint *p = jx_target_suggestion_get_point (suggestion, i);
          g_autofree char *value = format_value (self, p->value);

          add_detail_row (ADW_EXPANDER_ROW (row), p->label, value);
        }
      for (guint i = 0; i < jx_target_suggestion_get_n_projected (suggestion); i++)
        {
          const JxTargetSuggestionPoint *p = jx_target_suggestion_get_projected (suggestion, i);
          g_autofree char *value = format_value (self, p->value);
          g_autofree char *share = jx_percent_format (p->fraction, 0);
          /* Translators: a projected quarter of a trend: "Q1 FY2027 (projected, 100% in
           * the period)". */
          g_autofree char *title = g_strdup_printf (_("%s (projected, %s in the period)"),
                                                    p->label, share);

          add_detail_row (ADW_EXPANDER_ROW (row), title, value);
        }
    }
  return row;
}

static void
update_suggestions (JxTargetEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);
  g_clear_object (&self->suggestions);
  /* Suggestions read the deals; wait for the background read rather than block. */
  if (self->tree == NULL || !jx_target_node_has_actual (self->node) ||
      jx_target_tree_get_figures_pending (self->tree))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reading the deals…"));
      gtk_list_box_append (self->suggestions_list, row);
      return;
    }
  self->suggestions = jx_target_tree_suggest (self->tree, self->node,
                                              gtk_spin_button_get_value (self->growth_spin),
                                              &error);
  if (self->suggestions == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->suggestions_list, row);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->suggestions); i++)
    {
      g_autoptr(JxTargetSuggestion) s = g_list_model_get_item (self->suggestions, i);

      gtk_list_box_append (self->suggestions_list, suggestion_row (self, s, i));
    }
}

/* Owner. */

/* The choices: nobody, then the active team members. Rebuilt only when the team changes. */
static void
update_owner_choices (JxTargetEditor *self)
{
  guint n = self->members != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->members)) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 none = 0;

  g_array_set_size (self->owner_ids, 0);
  g_ptr_array_add (names, g_strdup (_("Nobody")));
  g_array_append_val (self->owner_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      gint64 id = jx_named_item_get_id (item);

      g_ptr_array_add (names, g_strdup (jx_named_item_get_name (item)));
      g_array_append_val (self->owner_ids, id);
    }
  g_ptr_array_add (names, NULL);
  self->updating = TRUE;
  gtk_string_list_splice (self->owner_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)),
                          (const char *const *) names->pdata);
  self->updating = FALSE;
  self->owner_extra = FALSE;
}

static void
select_owner (JxTargetEditor *self)
{
  gint64 owner = jx_target_node_get_owner_id (self->node);
  guint selected = G_MAXUINT;

  for (guint i = 0; i < self->owner_ids->len && selected == G_MAXUINT; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner)
      selected = i;
  /* A target owned by someone who left keeps showing them, as an extra last choice. */
  if (selected == G_MAXUINT)
    {
      const char *name = jx_target_node_get_owner_name (self->node);

      if (self->owner_extra)
        update_owner_choices (self);
      self->updating = TRUE;
      gtk_string_list_append (self->owner_names, name != NULL ? name : "?");
      self->updating = FALSE;
      g_array_append_val (self->owner_ids, owner);
      self->owner_extra = TRUE;
      selected = self->owner_ids->len - 1;
    }
  self->updating = TRUE;
  adw_combo_row_set_selected (self->owner_row, selected);
  self->updating = FALSE;
}

static void
on_owner_selected_cb (JxTargetEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->owner_row);
  g_autoptr(GError) error = NULL;
  gint64 owner;

  if (self->updating || self->node == NULL || selected >= self->owner_ids->len)
    return;
  owner = g_array_index (self->owner_ids, gint64, selected);
  if (owner == jx_target_node_get_owner_id (self->node))
    return;
  if (!jx_target_tree_set_owner (self->tree, self->node, owner, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      select_owner (self);
    }
}

/* SMART checklist. */

static void
commit_smart (JxTargetEditor    *self,
              JxTargetSmartItem  item)
{
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (self->smart_checks[item]);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->smart_rows[item]));

  if (self->updating || self->node == NULL)
    return;
  g_object_set_data (G_OBJECT (self->smart_rows[item]), "jx-edited", NULL);
  if (done == jx_target_node_get_smart_done (self->node, item) &&
      g_strcmp0 (note, jx_target_node_get_smart_note (self->node, item) != NULL
                       ? jx_target_node_get_smart_note (self->node, item) : "") == 0)
    return;
  if (!jx_target_tree_set_smart_item (self->tree, self->node, item, done, note, &error))
    jx_ui_add_toast (GTK_WIDGET (self), error->message);
}

static void
on_smart_toggled_cb (GtkCheckButton *check,
                     JxTargetEditor *self)
{
  commit_smart (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "jx-item")));
}

static void
on_smart_apply_cb (AdwEntryRow    *row,
                   JxTargetEditor *self)
{
  commit_smart (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jx-item")));
}

static void
on_row_changed_cb (GtkEditable *row)
{
  if (row_is_editing (ADW_ENTRY_ROW (row)))
    g_object_set_data (G_OBJECT (row), "jx-edited", GINT_TO_POINTER (1));
}

static void
build_smart_rows (JxTargetEditor *self)
{
  static const char *const hints[JX_TARGET_N_SMART_ITEMS] = {
    N_("What exactly counts, for whom and where"),
    N_("How progress is measured from the deals"),
    N_("Why the team can reach it"),
    N_("How it serves the company’s goals"),
    N_("The dates it must be reached by"),
  };

  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jx_target_smart_item_label (i));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _(hints[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _(hints[i]));
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "jx-item", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (check), "jx-item", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_smart_toggled_cb), self);
      g_signal_connect (row, "apply", G_CALLBACK (on_smart_apply_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (on_smart_apply_cb), self);
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), NULL);
      adw_preferences_group_add (self->smart_group, row);
      self->smart_checks[i] = GTK_CHECK_BUTTON (check);
      self->smart_rows[i] = ADW_ENTRY_ROW (row);
    }
}

/* Rationale. */

static void
save_rationale (JxTargetEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!self->rationale_dirty || self->node == NULL || self->tree == NULL)
    return;
  self->rationale_dirty = FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, jx_target_node_get_rationale (self->node) != NULL
                       ? jx_target_node_get_rationale (self->node) : "") == 0)
    return;
  if (!jx_target_tree_set_rationale (self->tree, self->node, text, &error))
    jx_ui_add_toast (GTK_WIDGET (self), error->message);
}

static void
on_rationale_changed_cb (JxTargetEditor *self)
{
  if (!self->updating)
    self->rationale_dirty = TRUE;
}

static void
on_rationale_leave_cb (JxTargetEditor *self)
{
  save_rationale (self);
}

/* The whole panel. */

static void
refresh (JxTargetEditor *self)
{
  JxTargetNode *node = self->node;
  g_autofree char *amount_text = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  JxPeriod period;

  if (node == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "node");
  self->updating = TRUE;

  gtk_label_set_text (self->title_label, jx_target_node_get_name (node));
  jx_target_node_get_period (node, &period);
  period_text = jx_period_format (&period);
  g_string_append_printf (subtitle, "%s · %s",
                          jx_target_metric_label (jx_target_node_get_metric (node)), period_text);
  filters = jx_target_node_dup_filters_label (node);
  if (filters != NULL && *filters != '\0')
    g_string_append_printf (subtitle, " · %s", filters);
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  set_row_text (self->name_row, jx_target_node_get_name (node));
  amount_text = jx_target_amount_to_text (jx_target_node_get_metric (node),
                                          jx_target_node_get_amount (node), currency (self));
  set_row_text (self->amount_row, amount_text);
  if (!row_is_editing (self->amount_row) ||
      g_object_get_data (G_OBJECT (self->amount_row), "jx-edited") == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
      update_parent_row (self, jx_target_node_get_amount (node));
    }
  update_children_row (self);
  gtk_switch_set_active (self->lock_switch, jx_target_node_get_locked (node));
  select_owner (self);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->rationale_view)) || !self->rationale_dirty)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
      const char *rationale = jx_target_node_get_rationale (node);

      gtk_text_buffer_set_text (buffer, rationale != NULL ? rationale : "", -1);
      self->rationale_dirty = FALSE;
    }
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    {
      gtk_check_button_set_active (self->smart_checks[i],
                                   jx_target_node_get_smart_done (node, i));
      set_row_text (self->smart_rows[i], jx_target_node_get_smart_note (node, i));
    }
  self->updating = FALSE;
  update_attainment (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  JxTargetEditor *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_node_notify_cb (JxTargetEditor *self,
                   GParamSpec     *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  /* The figures come all at once with JxTargetTree::changed. */
  if (g_str_equal (name, "actual") || g_str_equal (name, "attainment") ||
      g_str_equal (name, "expected-to-date") || g_str_equal (name, "pace") ||
      g_str_equal (name, "gap") || g_str_equal (name, "win-rate") ||
      g_str_equal (name, "pipeline-needed") || g_str_equal (name, "has-actual"))
    return;
  /* A reread notifies several properties at once: show them together. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_tree_changed_cb (JxTargetEditor *self)
{
  if (self->node == NULL)
    return;
  update_attainment (self);
  update_parent_row (self, jx_target_node_get_amount (self->node));
  update_children_row (self);
  update_suggestions (self);
}

/* Handlers of the fields. */

static void
on_name_apply_cb (JxTargetEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  g_object_set_data (G_OBJECT (self->name_row), "jx-edited", NULL);
  if (self->node == NULL || g_strcmp0 (text, jx_target_node_get_name (self->node)) == 0)
    return;
  if (!jx_target_tree_set_name (self->tree, self->node, text, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      set_row_text (self->name_row, jx_target_node_get_name (self->node));
    }
}

static void
on_amount_changed_cb (JxTargetEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  gint64 amount;

  if (self->updating || self->node == NULL)
    return;
  if (row_is_editing (self->amount_row))
    g_object_set_data (G_OBJECT (self->amount_row), "jx-edited", GINT_TO_POINTER (1));
  if (jx_target_amount_parse (text, jx_target_node_get_metric (self->node), currency (self),
                              &amount, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
      update_parent_row (self, amount);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
}

static void
on_amount_apply_cb (JxTargetEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  gint64 amount;

  if (self->node == NULL)
    return;
  if (!jx_target_amount_parse (text, jx_target_node_get_metric (self->node), currency (self),
                               &amount, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_object_set_data (G_OBJECT (self->amount_row), "jx-edited", NULL);
  if (amount != jx_target_node_get_amount (self->node) &&
      !jx_target_tree_set_amount (self->tree, self->node, amount, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  refresh (self);
}

static void
rebalance (JxTargetEditor *self,
           JxTargetNode   *parent,
           JxTargetNode   *keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetNode) hold = g_object_ref (parent);
  g_autofree char *message = NULL;

  /* A typed but unapplied amount goes in first, so that the rebalance keeps it. */
  if (keep != NULL && g_object_get_data (G_OBJECT (self->amount_row), "jx-edited") != NULL)
    on_amount_apply_cb (self);
  if (!jx_target_tree_rebalance (self->tree, parent, keep, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: %s is a target's name. */
  message = g_strdup_printf (_("Rebalanced the sub-targets of “%s”"),
                             jx_target_node_get_name (hold));
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

static void
on_parent_rebalance_cb (JxTargetEditor *self)
{
  if (self->node != NULL && jx_target_node_get_parent (self->node) != NULL)
    rebalance (self, jx_target_node_get_parent (self->node), self->node);
}

static void
on_children_rebalance_cb (JxTargetEditor *self)
{
  if (self->node != NULL)
    rebalance (self, self->node, NULL);
}

static void
on_lock_cb (JxTargetEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->lock_switch);

  if (self->updating || self->node == NULL || active == jx_target_node_get_locked (self->node))
    return;
  if (!jx_target_tree_set_locked (self->tree, self->node, active, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      refresh (self);
    }
}

static void
on_growth_changed_cb (JxTargetEditor *self)
{
  if (self->node != NULL)
    update_suggestions (self);
}

static void
on_members_changed_cb (JxTargetEditor *self)
{
  update_owner_choices (self);
  if (self->node != NULL)
    select_owner (self);
}

/* Public API. */

GtkWidget *
jx_target_editor_new (void)
{
  return g_object_new (JX_TYPE_TARGET_EDITOR, NULL);
}

void
jx_target_editor_set_tree (JxTargetEditor *self,
                           JxTargetTree   *tree)
{
  g_return_if_fail (JX_IS_TARGET_EDITOR (self));

  if (self->tree == tree)
    return;
  jx_target_editor_set_node (self, NULL);
  if (self->tree != NULL)
    g_clear_signal_handler (&self->tree_changed_id, self->tree);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_changed_cb, self);
  g_clear_object (&self->members);
  g_set_object (&self->tree, tree);
  if (tree != NULL)
    {
      self->tree_changed_id = g_signal_connect_swapped (tree, "changed",
                                                        G_CALLBACK (on_tree_changed_cb), self);
      self->members = jx_name_list_new (jx_target_tree_get_store (tree), JX_TABLE_TEAM_MEMBERS);
      g_signal_connect_swapped (self->members, "items-changed",
                                G_CALLBACK (on_members_changed_cb), self);
      update_owner_choices (self);
    }
}

void
jx_target_editor_set_node (JxTargetEditor *self,
                           JxTargetNode   *node)
{
  g_return_if_fail (JX_IS_TARGET_EDITOR (self));

  if (self->node == node)
    return;
  /* What was typed in the rationale belongs to the target it was typed for. */
  jx_target_editor_save_pending (self);
  if (self->node != NULL)
    g_clear_signal_handler (&self->node_notify_id, self->node);
  g_set_object (&self->node, node);
  g_object_set_data (G_OBJECT (self->amount_row), "jx-edited", NULL);
  g_object_set_data (G_OBJECT (self->name_row), "jx-edited", NULL);
  for (guint i = 0; i < JX_TARGET_N_SMART_ITEMS; i++)
    g_object_set_data (G_OBJECT (self->smart_rows[i]), "jx-edited", NULL);
  if (node != NULL)
    self->node_notify_id = g_signal_connect_swapped (node, "notify",
                                                     G_CALLBACK (on_node_notify_cb), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
  if (node != NULL)
    update_suggestions (self);
}

JxTargetNode *
jx_target_editor_get_node (JxTargetEditor *self)
{
  g_return_val_if_fail (JX_IS_TARGET_EDITOR (self), NULL);
  return self->node;
}

/* Enter in the chart: type the selected target's amount. */
void
jx_target_editor_focus_amount (JxTargetEditor *self)
{
  g_return_if_fail (JX_IS_TARGET_EDITOR (self));
  if (self->node == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  gtk_editable_select_region (GTK_EDITABLE (self->amount_row), 0, -1);
}

/* Writes what was typed but not yet applied in the rationale. */
void
jx_target_editor_save_pending (JxTargetEditor *self)
{
  g_return_if_fail (JX_IS_TARGET_EDITOR (self));
  save_rationale (self);
}

AdwEntryRow *
jx_target_editor_get_amount_row (JxTargetEditor *self)
{
  g_return_val_if_fail (JX_IS_TARGET_EDITOR (self), NULL);
  return self->amount_row;
}

/* The line about the parent's allocation ("¥1,000.00 unallocated"), or NULL at the top. */
const char *
jx_target_editor_get_parent_status (JxTargetEditor *self)
{
  g_return_val_if_fail (JX_IS_TARGET_EDITOR (self), NULL);
  return self->parent_status;
}

/* Returns: (transfer none) (nullable): the suggestions shown */
GListModel *
jx_target_editor_get_suggestions (JxTargetEditor *self)
{
  g_return_val_if_fail (JX_IS_TARGET_EDITOR (self), NULL);
  return self->suggestions;
}

gboolean
jx_target_editor_apply_suggestion (JxTargetEditor *self,
                                   guint           index)
{
  g_autoptr(JxTargetSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JX_IS_TARGET_EDITOR (self), FALSE);
  if (self->suggestions == NULL || self->node == NULL ||
      index >= g_list_model_get_n_items (self->suggestions))
    return FALSE;
  suggestion = g_list_model_get_item (self->suggestions, index);
  if (!jx_target_suggestion_get_available (suggestion))
    return FALSE;
  if (!jx_target_tree_set_amount (self->tree, self->node,
                                  jx_target_suggestion_get_amount (suggestion), &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  return TRUE;
}

/* Overrides. */

static void
jx_target_editor_dispose (GObject *object)
{
  JxTargetEditor *self = JX_TARGET_EDITOR (object);

  if (self->node != NULL)
    g_clear_signal_handler (&self->node_notify_id, self->node);
  if (self->tree != NULL)
    g_clear_signal_handler (&self->tree_changed_id, self->tree);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_changed_cb, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->node);
  g_clear_object (&self->tree);
  g_clear_object (&self->members);
  g_clear_object (&self->suggestions);
  G_OBJECT_CLASS (jx_target_editor_parent_class)->dispose (object);
}

static void
jx_target_editor_finalize (GObject *object)
{
  JxTargetEditor *self = JX_TARGET_EDITOR (object);

  g_array_unref (self->owner_ids);
  g_clear_object (&self->owner_names);
  g_free (self->parent_status);
  G_OBJECT_CLASS (jx_target_editor_parent_class)->finalize (object);
}

/* A panel beside the chart: as wide as it needs up to a column's width, however long its
 * wrapped texts are. */
static void
jx_target_editor_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GTK_WIDGET_CLASS (jx_target_editor_parent_class)->measure (widget, orientation, for_size,
                                                             minimum, natural,
                                                             minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, PANEL_WIDTH));
}

static void
jx_target_editor_class_init (JxTargetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_target_editor_dispose;
  object_class->finalize = jx_target_editor_finalize;
  widget_class->measure = jx_target_editor_measure;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-target-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, parent_rebalance_button);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, children_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, children_rebalance_button);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, lock_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, lock_switch);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, attainment_group);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, actual_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, expected_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, pace_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, pace_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, gap_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, pipeline_label);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, growth_spin);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, JxTargetEditor, smart_group);
}

static void
jx_target_editor_init (JxTargetEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (self->owner_names));
  build_smart_rows (self);

  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (on_name_apply_cb), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_name_apply_cb),
                            self);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (on_row_changed_cb), NULL);
  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  g_signal_connect_swapped (self->amount_row, "apply", G_CALLBACK (on_amount_apply_cb), self);
  g_signal_connect_swapped (self->amount_row, "entry-activated", G_CALLBACK (on_amount_apply_cb),
                            self);
  g_signal_connect_swapped (self->parent_rebalance_button, "clicked",
                            G_CALLBACK (on_parent_rebalance_cb), self);
  g_signal_connect_swapped (self->children_rebalance_button, "clicked",
                            G_CALLBACK (on_children_rebalance_cb), self);
  g_signal_connect_swapped (self->lock_switch, "notify::active", G_CALLBACK (on_lock_cb), self);
  g_signal_connect_swapped (self->owner_row, "notify::selected",
                            G_CALLBACK (on_owner_selected_cb), self);
  g_signal_connect_swapped (self->growth_spin, "value-changed",
                            G_CALLBACK (on_growth_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->rationale_view), "changed",
                            G_CALLBACK (on_rationale_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_rationale_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->rationale_view), focus);
  refresh (self);
}
