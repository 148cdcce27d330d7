/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-stages-editor.h"
#include "jx-ui.h"

/*
 * The stages editor: the open stages in order, each an expander row with its name, win
 * probability, milestone (exit criteria) and stalled threshold, then the won and lost
 * outcomes. Every change is one call into core/jx-stages.h, so each is an undo step, and
 * the rows follow the store: they are updated in place (an open row stays open, a field
 * being typed in keeps its text) when JxStore::changed says the stages changed.
 */

#define PROBABILITY_DELAY_MS 700

typedef struct {
  JxStagesEditor *editor;
  gint64          id;
  AdwExpanderRow *row;
  AdwEntryRow    *name;
  GtkSpinButton  *probability;
  AdwActionRow   *stalled_row;
  GtkEntry       *stalled;
  GtkTextView    *milestone;
  AdwActionRow   *delete_row;
  GtkWidget      *handle;
  GtkWidget      *up;
  GtkWidget      *down;
  char           *saved_name;
  char           *saved_milestone;
  int             saved_probability;
  int             saved_stalled;
  guint           probability_id;
} StageRow;

struct _JxStagesEditor {
  AdwPreferencesWindow  parent_instance;

  GtkListBox           *stage_list;
  AdwEntryRow          *won_row;
  AdwEntryRow          *lost_row;

  JxStore              *store;
  gulong                changed_id;
  GHashTable           *rows;        /* stage id → StageRow, freed with the row widget */
  GArray               *order;       /* open stage ids as shown */
  gint64                won_id;
  gint64                lost_id;
  int                   syncing;
  GtkWindow            *parent;      /* weak */
};

G_DEFINE_FINAL_TYPE (JxStagesEditor, jx_stages_editor, ADW_TYPE_PREFERENCES_WINDOW)

static void reload (JxStagesEditor *self);

/* A toast with an Undo button after a change that is easy to make by mistake. */
static void
toast_undo (JxStagesEditor *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "stages.undo");
  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Applying the fields ------------------------------------------------------------------- */

static void
apply_name (StageRow *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->name))));

  if (g_strcmp0 (name, r->saved_name) == 0)
    return;
  if (!jx_stages_rename (r->editor->store, r->id, name, &error))
    jx_ui_show_error_dialog (GTK_WIDGET (r->editor), _("Could Not Rename the Stage"), error);
}

static void
on_name_apply_cb (AdwEntryRow *entry,
                  StageRow    *r)
{
  apply_name (r);
}

static void
apply_probability (StageRow *r)
{
  g_autoptr(GError) error = NULL;
  int value = gtk_spin_button_get_value_as_int (r->probability);

  g_clear_handle_id (&r->probability_id, g_source_remove);
  if (value == r->saved_probability)
    return;
  if (!jx_stages_set_probability (r->editor->store, r->id, value, &error))
    jx_ui_show_error_dialog (GTK_WIDGET (r->editor), _("Could Not Change the Probability"), error);
}

static gboolean
probability_timeout_cb (gpointer data)
{
  StageRow *r = data;

  r->probability_id = 0;
  apply_probability (r);
  return G_SOURCE_REMOVE;
}

/* Clicking the spin button's + five times makes one undo step, not five. */
static void
on_probability_changed_cb (GtkSpinButton *spin,
                           StageRow      *r)
{
  if (r->editor->syncing > 0)
    return;
  g_clear_handle_id (&r->probability_id, g_source_remove);
  r->probability_id = g_timeout_add (PROBABILITY_DELAY_MS, probability_timeout_cb, r);
}

static void
apply_stalled (StageRow *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->stalled))));
  char *end = NULL;
  gint64 days = 0;

  if (*text != '\0')
    {
      days = g_ascii_strtoll (text, &end, 10);
      if (end == NULL || *end != '\0' || days <= 0)
        days = -1;
    }
  if (days == r->saved_stalled)
    return;
  if (!jx_stages_set_stalled_days (r->editor->store, r->id, (int) CLAMP (days, -1, 100000),
                                   &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (r->stalled), "error");
      jx_ui_show_error_dialog (GTK_WIDGET (r->editor), _("Could Not Change the Stalled Threshold"),
                               error);
    }
}

static void
on_stalled_activate_cb (GtkEntry *entry,
                        StageRow *r)
{
  apply_stalled (r);
}

static char *
milestone_text (StageRow *r)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (r->milestone);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
apply_milestone (StageRow *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = milestone_text (r);

  if (g_strcmp0 (text, r->saved_milestone) == 0)
    return;
  if (!jx_stages_set_milestone (r->editor->store, r->id, text, &error))
    jx_ui_show_error_dialog (GTK_WIDGET (r->editor), _("Could Not Change the Milestone"), error);
}

/* Fields without an apply button save when the focus leaves them. */
static void
on_field_focus_leave_cb (GtkEventControllerFocus *controller,
                         StageRow                *r)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (r->editor->store == NULL)
    return;
  if (widget == GTK_WIDGET (r->milestone))
    apply_milestone (r);
  else if (widget == GTK_WIDGET (r->stalled))
    apply_stalled (r);
  else if (widget == GTK_WIDGET (r->probability))
    apply_probability (r);
}

static void
watch_focus (StageRow  *r,
             GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), r);
  gtk_widget_add_controller (widget, focus);
}

/* Saves what is typed but not applied yet (before the window closes, and for tests). */
void
jx_stages_editor_flush (JxStagesEditor *self)
{
  GHashTableIter iter;
  StageRow *r;

  g_return_if_fail (JX_IS_STAGES_EDITOR (self));

  if (self->store == NULL)
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    {
      if (r->probability_id != 0)
        apply_probability (r);
      apply_milestone (r);
    }
}

/* Order -------------------------------------------------------------------------------- */

static gboolean
reorder (JxStagesEditor *self,
         GArray         *order)
{
  g_autoptr(GError) error = NULL;

  if (!jx_stages_reorder (self->store, (const gint64 *) order->data, order->len, &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Reorder the Stages"), error);
      return FALSE;
    }
  toast_undo (self, _("Stages reordered"));
  return TRUE;
}

static int
index_of (JxStagesEditor *self,
          gint64          id)
{
  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, gint64, i) == id)
      return i;
  return -1;
}

static void
move (JxStagesEditor *self,
      gint64          id,
      int             delta)
{
  g_autoptr(GArray) order = NULL;
  int from = index_of (self, id);
  int to = from + delta;
  StageRow *r;

  if (from < 0 || to < 0 || to >= (int) self->order->len)
    return;
  order = g_array_copy (self->order);
  g_array_index (order, gint64, from) = g_array_index (self->order, gint64, to);
  g_array_index (order, gint64, to) = id;
  if (!reorder (self, order))
    return;
  /* The row moved (reload() runs from JxStore::changed); keep the focus on it. */
  r = g_hash_table_lookup (self->rows, &id);
  if (r != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (r->row));
}

/**
 * jx_stages_editor_drop:
 * @after: put the dragged stage after the target rather than before it
 *
 * What a drop of the stage @dragged_id on the row of @target_id does.
 */
gboolean
jx_stages_editor_drop (JxStagesEditor *self,
                       gint64          dragged_id,
                       gint64          target_id,
                       gboolean        after)
{
  g_autoptr(GArray) order = NULL;
  int target;

  g_return_val_if_fail (JX_IS_STAGES_EDITOR (self), FALSE);

  if (dragged_id == target_id || index_of (self, dragged_id) < 0 || index_of (self, target_id) < 0)
    return FALSE;
  order = g_array_copy (self->order);
  g_array_remove_index (order, index_of (self, dragged_id));
  for (target = 0; g_array_index (order, gint64, target) != target_id; target++)
    ;
  g_array_insert_val (order, after ? target + 1 : target, dragged_id);
  return reorder (self, order);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    StageRow      *r)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, r->id);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  StageRow      *r)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (r->row));

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            StageRow      *r)
{
  gboolean after = y > gtk_widget_get_height (GTK_WIDGET (r->row)) / 2.0;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  return jx_stages_editor_drop (r->editor, g_value_get_int64 (value), r->id, after);
}

/* Rows --------------------------------------------------------------------------------- */

static void
stage_row_free (gpointer data)
{
  StageRow *r = data;

  g_clear_handle_id (&r->probability_id, g_source_remove);
  g_free (r->saved_name);
  g_free (r->saved_milestone);
  g_free (r);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static StageRow *
make_row (JxStagesEditor *self,
          gint64          id)
{
  StageRow *r = g_new0 (StageRow, 1);
  GtkWidget *box, *label, *frame;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkWidget *prow;

  r->editor = self;
  r->id = id;
  r->saved_probability = -1;
  r->saved_stalled = -2;
  r->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  g_object_set_data_full (G_OBJECT (r->row), "jx-stage-row", r, stage_row_free);

  r->handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_set_tooltip_text (r->handle, _("Drag to reorder"));
  gtk_widget_add_css_class (r->handle, "drag-handle");
  adw_expander_row_add_prefix (r->row, r->handle);
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), r);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), r);
  gtk_widget_add_controller (r->handle, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), r);
  gtk_widget_add_controller (GTK_WIDGET (r->row), GTK_EVENT_CONTROLLER (drop));

  r->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->name), _("Name"));
  adw_entry_row_set_show_apply_button (r->name, TRUE);
  g_signal_connect (r->name, "apply", G_CALLBACK (on_name_apply_cb), r);
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->name));

  prow = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow), _("Win Probability"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (prow),
                               _("The chance a deal in this stage is won, for the weighted "
                                 "pipeline"));
  r->probability = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 5));
  jx_ui_spin_button_set_undo (r->probability, "stages.undo", "stages.redo");
  gtk_widget_set_valign (GTK_WIDGET (r->probability), GTK_ALIGN_CENTER);
  gtk_spin_button_set_digits (r->probability, 0);
  gtk_spin_button_set_numeric (r->probability, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->probability), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Win probability in percent"), -1);
  g_signal_connect (r->probability, "value-changed", G_CALLBACK (on_probability_changed_cb), r);
  watch_focus (r, GTK_WIDGET (r->probability));
  label = gtk_label_new ("%");
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (prow), GTK_WIDGET (r->probability));
  adw_action_row_add_suffix (ADW_ACTION_ROW (prow), label);
  adw_expander_row_add_row (r->row, prow);

  r->stalled_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->stalled_row), _("Stalled After"));
  r->stalled = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (r->stalled), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (r->stalled), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (r->stalled), 5);
  gtk_entry_set_input_purpose (r->stalled, GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_alignment (r->stalled, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->stalled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stalled threshold in days"), -1);
  g_signal_connect (r->stalled, "activate", G_CALLBACK (on_stalled_activate_cb), r);
  watch_focus (r, GTK_WIDGET (r->stalled));
  label = gtk_label_new (_("days"));
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (r->stalled_row, GTK_WIDGET (r->stalled));
  adw_action_row_add_suffix (r->stalled_row, label);
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->stalled_row));

  /* The milestone: a few lines of exit criteria, saved when the focus leaves. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("Milestone"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (_("The exit criteria a deal must meet to leave this stage, one per "
                           "line."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  r->milestone = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (r->milestone, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (r->milestone, FALSE);
  gtk_text_view_set_top_margin (r->milestone, 6);
  gtk_text_view_set_bottom_margin (r->milestone, 6);
  gtk_text_view_set_left_margin (r->milestone, 8);
  gtk_text_view_set_right_margin (r->milestone, 8);
  gtk_widget_set_size_request (GTK_WIDGET (r->milestone), -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->milestone), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Milestone"), -1);
  watch_focus (r, GTK_WIDGET (r->milestone));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (r->milestone));
  gtk_widget_add_css_class (frame, "milestone-frame");
  gtk_box_append (GTK_BOX (box), frame);
  prow = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (prow), FALSE);
  gtk_widget_set_focusable (prow, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (prow), box);
  adw_expander_row_add_row (r->row, prow);

  /* Moving by buttons, for those who neither drag nor know the shortcut. */
  prow = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow), _("Order"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (prow),
                               _("Or press Alt+↑ and Alt+↓ on the stage, or drag it by its "
                                 "handle"));
  r->up = icon_button ("go-up-symbolic", _("Move Up"), "stages.move",
                       g_variant_new ("(xi)", id, -1));
  r->down = icon_button ("go-down-symbolic", _("Move Down"), "stages.move",
                         g_variant_new ("(xi)", id, 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->up), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move Up"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move Down"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (prow), r->up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (prow), r->down);
  adw_expander_row_add_row (r->row, prow);

  r->delete_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->delete_row), _("Delete Stage"));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "destructive-action");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stages.delete");
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
    adw_action_row_add_suffix (r->delete_row, button);
  }
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->delete_row));
  return r;
}

static void
update_row (JxStagesEditor *self,
            StageRow       *r,
            JxStage        *stage)
{
  const char *name = jx_stage_get_name (stage);
  const char *milestone = jx_stage_get_milestone (stage);
  int probability = jx_stage_get_probability (stage);
  int stalled = jx_stage_get_stalled_days (stage);
  int suggested = jx_stage_get_suggested_stalled_days (stage);
  g_autofree char *subtitle = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *hint = NULL;

  self->syncing++;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), name);
  /* Only what changed in the store is put back in a field: text being typed stays. */
  if (g_strcmp0 (name, r->saved_name) != 0)
    {
      jx_ui_fill_editable (GTK_EDITABLE (r->name), name);
      g_free (r->saved_name);
      r->saved_name = g_strdup (name);
    }
  if (probability != r->saved_probability)
    {
      g_clear_handle_id (&r->probability_id, g_source_remove);
      gtk_spin_button_set_value (r->probability, probability);
      r->saved_probability = probability;
    }
  if (g_strcmp0 (milestone, r->saved_milestone) != 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (r->milestone), milestone, -1);
      g_free (r->saved_milestone);
      r->saved_milestone = g_strdup (milestone);
    }
  if (stalled != r->saved_stalled)
    {
      g_autofree char *days = stalled > 0 ? g_strdup_printf ("%d", stalled) : g_strdup ("");

      jx_ui_fill_editable (GTK_EDITABLE (r->stalled), days);
      gtk_widget_remove_css_class (GTK_WIDGET (r->stalled), "error");
      r->saved_stalled = stalled;
    }
  self->syncing--;

  if (suggested > 0)
    {
      g_autofree char *number = g_strdup_printf ("%d", suggested);

      gtk_entry_set_placeholder_text (r->stalled, number);
      /* Translators: %d is a number of days. */
      hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Leave empty to use the suggestion from history: "
                                           "%d day (one deal in five that left the stage "
                                           "stayed longer)",
                                           "Leave empty to use the suggestion from history: "
                                           "%d days (one deal in five that left the stage "
                                           "stayed longer)", suggested), suggested);
    }
  else
    {
      gtk_entry_set_placeholder_text (r->stalled, "—");
      hint = g_strdup (_("Leave empty to use a suggestion from history once deals have left "
                         "this stage"));
    }
  adw_action_row_set_subtitle (r->stalled_row, hint);

  if (stalled > 0)
    threshold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "stalled after %d day",
                                              "stalled after %d days", stalled), stalled);
  else if (suggested > 0)
    threshold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "stalled after %d day (suggested)",
                                              "stalled after %d days (suggested)", suggested),
                                 suggested);
  else
    threshold = g_strdup (_("no stalled threshold yet"));
  /* Translators: under a stage's name: its win probability, then its stalled threshold. */
  subtitle = g_strdup_printf (_("%d%% · %s"), probability, threshold);
  adw_expander_row_set_subtitle (r->row, subtitle);

  adw_action_row_set_subtitle (r->delete_row,
                               jx_stage_get_in_use (stage)
                               ? _("Deals are in this stage or passed through it, so it cannot "
                                   "be deleted")
                               : _("No deal has been in this stage"));
}

static void
place_row (JxStagesEditor *self,
           StageRow       *r,
           int             index)
{
  GtkListBoxRow *at = gtk_list_box_get_row_at_index (self->stage_list, index);

  if (at == GTK_LIST_BOX_ROW (r->row))
    return;
  if (gtk_widget_get_parent (GTK_WIDGET (r->row)) != NULL)
    {
      g_object_ref (r->row);
      gtk_list_box_remove (self->stage_list, GTK_WIDGET (r->row));
      gtk_list_box_insert (self->stage_list, GTK_WIDGET (r->row), index);
      g_object_unref (r->row);
    }
  else
    gtk_list_box_insert (self->stage_list, GTK_WIDGET (r->row), index);
}

static void
set_outcome_text (AdwEntryRow *row,
                  const char  *name)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (row)) ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), name) != 0)
    jx_ui_fill_editable (GTK_EDITABLE (row), name);
}

static void
reload (JxStagesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  StageRow *r;
  guint n_open = 0;

  if (self->store == NULL)
    return;
  stages = jx_stages_list (self->store, &error);
  if (stages == NULL)
    {
      g_warning ("Could not read the stages: %s", error->message);
      return;
    }
  g_array_set_size (self->order, 0);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(JxStage) stage = g_list_model_get_item (stages, i);
      gint64 id = jx_stage_get_id (stage);

      if (jx_stage_get_kind (stage) == JX_STAGE_WON)
        {
          self->won_id = id;
          set_outcome_text (self->won_row, jx_stage_get_name (stage));
          continue;
        }
      if (jx_stage_get_kind (stage) == JX_STAGE_LOST)
        {
          self->lost_id = id;
          set_outcome_text (self->lost_row, jx_stage_get_name (stage));
          continue;
        }
      r = g_hash_table_lookup (self->rows, &id);
      if (r == NULL)
        {
          r = make_row (self, id);
          g_hash_table_insert (self->rows, &r->id, r);
        }
      update_row (self, r, stage);
      place_row (self, r, n_open++);
      g_array_append_val (self->order, id);
      g_hash_table_add (seen, &r->id);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    if (!g_hash_table_contains (seen, &r->id))
      {
        g_hash_table_iter_steal (&iter);
        gtk_list_box_remove (self->stage_list, GTK_WIDGET (r->row));
      }
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    {
      int index = index_of (self, r->id);

      gtk_widget_set_sensitive (r->up, index > 0);
      gtk_widget_set_sensitive (r->down, index + 1 < (int) self->order->len);
    }
}

static void
on_store_changed_cb (JxStagesEditor *self,
                     guint           tables)
{
  if (tables & (JX_TABLE_STAGES | JX_TABLE_DEALS | JX_TABLE_STAGE_EVENTS))
    reload (self);
}

static void
on_outcome_apply_cb (AdwEntryRow    *row,
                     JxStagesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 id = row == self->won_row ? self->won_id : self->lost_id;

  if (id > 0 && !jx_stages_rename (self->store, id, name, &error))
    jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Rename the Outcome"), error);
}

/* Actions ------------------------------------------------------------------------------ */

static StageRow *
focused_row (JxStagesEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (ADW_IS_EXPANDER_ROW (focus))
      return g_object_get_data (G_OBJECT (focus), "jx-stage-row");
  return NULL;
}

static void
move_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (widget);
  gint64 id;
  int delta;

  g_variant_get (parameter, "(xi)", &id, &delta);
  if (id == 0)
    {
      StageRow *r = focused_row (self);

      if (r == NULL)
        return;
      id = r->id;
    }
  move (self, id, delta);
}

static void
add_activate (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (_("New Stage"));
  int probability = 50;
  gint64 id;
  StageRow *r;

  /* A name no stage has yet: "New Stage", "New Stage 2", … */
  for (int n = 2;; n++)
    {
      GHashTableIter iter;
      gboolean taken = FALSE;

      g_hash_table_iter_init (&iter, self->rows);
      while (!taken && g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
        taken = g_utf8_collate (r->saved_name, name) == 0;
      if (!taken)
        break;
      g_free (name);
      /* Translators: the name of a stage just added, when "New Stage" is taken. */
      name = g_strdup_printf (_("New Stage %d"), n);
    }
  if (self->order->len > 0)
    {
      gint64 last = g_array_index (self->order, gint64, self->order->len - 1);

      r = g_hash_table_lookup (self->rows, &last);
      probability = r != NULL ? MIN (r->saved_probability + 10, 100) : 50;
    }
  id = jx_stages_add (self->store, name, probability, 0, &error);
  if (id == 0)
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Add a Stage"), error);
      return;
    }
  reload (self);
  r = g_hash_table_lookup (self->rows, &id);
  if (r != NULL)
    {
      adw_expander_row_set_expanded (r->row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (r->name));
    }
  toast_undo (self, _("Stage added"));
}

static void
delete_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!jx_stages_delete (self->store, g_variant_get_int64 (parameter), &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Stage Not Deleted"), error);
      return;
    }
  toast_undo (self, _("Stage deleted"));
}

static void
undo_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  gboolean undo = g_str_equal (action_name, "stages.undo");
  AdwToast *toast;

  if (self->store == NULL)
    return;
  jx_stages_editor_flush (self);
  label = g_strdup (undo ? jx_store_get_undo_label (self->store)
                         : jx_store_get_redo_label (self->store));
  if (!(undo ? jx_store_undo (self->store, &error) : jx_store_redo (self->store, &error)))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  /* Translators: %s says what was undone or redone, such as "Rename stage". */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label != NULL ? label : "");
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 3);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* GObject ------------------------------------------------------------------------------ */

static gboolean
jx_stages_editor_close_request (GtkWindow *window)
{
  jx_stages_editor_flush (JX_STAGES_EDITOR (window));
  return GTK_WINDOW_CLASS (jx_stages_editor_parent_class)->close_request (window);
}

static void
jx_stages_editor_dispose (GObject *object)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->parent != NULL)
    {
      g_object_set_data (G_OBJECT (self->parent), "jx-stages-editor", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
      self->parent = NULL;
    }
  g_hash_table_remove_all (self->rows);
  G_OBJECT_CLASS (jx_stages_editor_parent_class)->dispose (object);
}

static void
jx_stages_editor_finalize (GObject *object)
{
  JxStagesEditor *self = JX_STAGES_EDITOR (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->order, g_array_unref);
  G_OBJECT_CLASS (jx_stages_editor_parent_class)->finalize (object);
}

static void
jx_stages_editor_class_init (JxStagesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jx_stages_editor_dispose;
  object_class->finalize = jx_stages_editor_finalize;
  window_class->close_request = jx_stages_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-stages-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JxStagesEditor, stage_list);
  gtk_widget_class_bind_template_child (widget_class, JxStagesEditor, won_row);
  gtk_widget_class_bind_template_child (widget_class, JxStagesEditor, lost_row);

  gtk_widget_class_install_action (widget_class, "stages.move", "(xi)", move_activate);
  gtk_widget_class_install_action (widget_class, "stages.add", NULL, add_activate);
  gtk_widget_class_install_action (widget_class, "stages.delete", "x", delete_activate);
  gtk_widget_class_install_action (widget_class, "stages.undo", NULL, undo_activate);
  gtk_widget_class_install_action (widget_class, "stages.redo", NULL, undo_activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "stages.move",
                                       "(xi)", (gint64) 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "stages.move",
                                       "(xi)", (gint64) 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "stages.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "stages.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "stages.add",
                                       NULL);
}

static void
jx_stages_editor_init (JxStagesEditor *self)
{
  self->rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->won_row, "apply", G_CALLBACK (on_outcome_apply_cb), self);
  g_signal_connect (self->lost_row, "apply", G_CALLBACK (on_outcome_apply_cb), self);
}

/**
 * jx_stages_editor_present:
 *
 * Shows the stages editor of @store over @parent, the one already open if there is one.
 *
 * Returns: (transfer none): the editor
 */
JxStagesEditor *
jx_stages_editor_present (GtkWindow *parent,
                          JxStore   *store)
{
  JxStagesEditor *self = parent != NULL ? g_object_get_data (G_OBJECT (parent), "jx-stages-editor")
                                        : NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  if (self != NULL && self->store != store)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      self = NULL;
    }
  if (self == NULL)
    {
      self = g_object_new (JX_TYPE_STAGES_EDITOR, "transient-for", parent, NULL);
      self->store = g_object_ref (store);
      self->changed_id = g_signal_connect_swapped (store, "changed",
                                                   G_CALLBACK (on_store_changed_cb), self);
      reload (self);
      if (parent != NULL)
        {
          gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
          g_object_set_data (G_OBJECT (parent), "jx-stages-editor", self);
          self->parent = parent;
          g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
        }
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * jx_stages_editor_get_field:
 * @field: "row", "name", "probability", "stalled", "milestone" or "handle"
 *
 * A widget of a stage's row (for tests), or %NULL.
 */
GtkWidget *
jx_stages_editor_get_field (JxStagesEditor *self,
                            gint64          stage_id,
                            const char     *field)
{
  StageRow *r;

  g_return_val_if_fail (JX_IS_STAGES_EDITOR (self), NULL);

  if (stage_id == self->won_id && g_str_equal (field, "name"))
    return GTK_WIDGET (self->won_row);
  if (stage_id == self->lost_id && g_str_equal (field, "name"))
    return GTK_WIDGET (self->lost_row);
  r = g_hash_table_lookup (self->rows, &stage_id);
  if (r == NULL)
    return NULL;
  if (g_str_equal (field, "row"))
    return GTK_WIDGET (r->row);
  if (g_str_equal (field, "name"))
    return GTK_WIDGET (r->name);
  if (g_str_equal (field, "probability"))
    return GTK_WIDGET (r->probability);
  if (g_str_equal (field, "stalled"))
    return GTK_WIDGET (r->stalled);
  if (g_str_equal (field, "milestone"))
    return GTK_WIDGET (r->milestone);
  if (g_str_equal (field, "handle"))
    return r->handle;
  return NULL;
}
