/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-customer-picker.h"
#include "jx-deal-editor.h"
#include "jx-close-reason-dialog.h"
#include "jx-name-choices.h"
#include "jx-ui.h"

/*
 * The deal editor: a deal's fields, its stage with the ways to change it, and its stage
 * history as a timeline. Nothing is written until Save, and then everything — the fields
 * and a stage change chosen here — is one undoable step; Cancel leaves the data as it was.
 * With deal id 0 it creates a deal instead.
 *
 * The stage section and the history follow the store while the editor is open (a move on
 * the board, an undo); the fields the user edits are left alone.
 */

typedef enum {
  PENDING_NONE,
  PENDING_MOVE,
  PENDING_WON,
  PENDING_LOST,
  PENDING_REOPEN,
} PendingKind;

struct _JxDealEditor {
  AdwWindow         parent_instance;

  AdwWindowTitle   *window_title;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwEntryRow      *title_row;
  JxCustomerPicker *customer_picker;
  GtkDropDown      *owner_dropdown;
  GtkDropDown      *product_dropdown;
  AdwEntryRow      *amount_row;
  GtkLabel         *currency_label;
  AdwEntryRow      *close_row;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  GtkTextView      *notes_view;
  AdwPreferencesGroup *history_group;
  AdwComboRow      *start_stage_row;
  AdwActionRow     *stage_row;
  GtkWidget        *move_button;
  GtkWidget        *won_button;
  GtkWidget        *lost_button;
  GtkWidget        *reopen_button;
  AdwActionRow     *pending_row;
  GtkListBox       *history_list;

  JxContext        *context;
  JxStore          *store;
  gulong            changed_id;
  char             *currency;
  gint64            deal_id;
  JxDeal           *deal;            /* the stored deal, refreshed on store changes */
  GListModel       *owner_choices;
  GListModel       *product_choices;
  gboolean          owner_touched;   /* inactive owners are not in the list */
  GArray           *open_stage_ids;  /* gint64, in process order */
  GPtrArray        *open_stage_names;

  GtkWidget        *error_row;       /* the field the error banner is about */

  PendingKind       pending;
  gint64            pending_stage_id;
  char             *pending_reason;
};

G_DEFINE_FINAL_TYPE (JxDealEditor, jx_deal_editor, ADW_TYPE_WINDOW)

/* Helpers ------------------------------------------------------------------------------ */

/* Shows @message in the banner (NULL hides it); it goes away once @row, if any, is fixed. */
static void
show_error (JxDealEditor *self,
            const char   *message,
            gpointer      row)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  self->error_row = row;
}

static void
field_fixed (JxDealEditor *self,
             gpointer      row)
{
  if (self->error_row != NULL && self->error_row == row)
    show_error (self, NULL, NULL);
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static const char *
stage_name_of (JxDealEditor *self,
               gint64        stage_id)
{
  for (guint i = 0; i < self->open_stage_ids->len; i++)
    if (g_array_index (self->open_stage_ids, gint64, i) == stage_id)
      return self->open_stage_names->pdata[i];
  return "";
}

static char *
format_date (const char *iso)
{
  return jx_date_format_iso_text (iso);
}

/* The amount field: -1 for empty, or FALSE with @error for text that is not an amount. */
/* The text of an editable without the spaces around it. */
static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static gboolean
read_amount (JxDealEditor  *self,
             gint64        *amount,
             GError       **error)
{
  g_autofree char *text = trimmed_text (self->amount_row);

  if (text[0] == '\0')
    {
      *amount = -1;
      return TRUE;
    }
  return jx_money_parse (text, self->currency, amount, error);
}

static gboolean
read_close (JxDealEditor  *self,
            char         **iso,
            GError       **error)
{
  g_autofree char *text = trimmed_text (self->close_row);
  GDate date;

  if (text[0] == '\0')
    {
      *iso = NULL;
      return TRUE;
    }
  if (!jx_date_parse_iso (text, &date))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The expected close “%s” is not a date (expected YYYY-MM-DD)."), text);
      return FALSE;
    }
  *iso = jx_date_to_iso (&date);
  return TRUE;
}

static void
on_amount_changed_cb (JxDealEditor *self)
{
  gint64 amount;
  gboolean ok = read_amount (self, &amount, NULL);

  set_row_error (self->amount_row, !ok);
  if (ok)
    field_fixed (self, self->amount_row);
}

static void
on_close_changed_cb (JxDealEditor *self)
{
  g_autofree char *iso = NULL;
  gboolean ok = read_close (self, &iso, NULL);

  set_row_error (self->close_row, !ok);
  if (ok)
    field_fixed (self, self->close_row);
}

static void
on_title_changed_cb (JxDealEditor *self)
{
  g_autofree char *text = trimmed_text (self->title_row);

  if (text[0] != '\0')
    {
      set_row_error (self->title_row, FALSE);
      field_fixed (self, self->title_row);
    }
}

static void
on_calendar_show_cb (JxDealEditor *self)
{
  g_autofree char *iso = NULL;
  GDate date;

  if (read_close (self, &iso, NULL) && iso != NULL && jx_date_parse_iso (iso, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (self->calendar, dt);
    }
}

static void
on_day_selected_cb (JxDealEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->close_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

/* The stage section and the timeline ------------------------------------------------------ */

static GtkWidget *
timeline_dot (const char *kind_class)
{
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (dot, "timeline-dot");
  gtk_widget_add_css_class (dot, kind_class);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  return dot;
}

static void
add_history_row (JxDealEditor *self,
                 const char   *title,
                 const char   *subtitle,
                 const char   *kind_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), timeline_dot (kind_class));
  gtk_list_box_append (self->history_list, row);
}

static char *
pending_text (JxDealEditor *self)
{
  switch (self->pending)
    {
    case PENDING_MOVE:
      /* Translators: a stage change the editor makes when the deal is saved. */
      return g_strdup_printf (_("Move to %s today"), stage_name_of (self, self->pending_stage_id));
    case PENDING_WON:
      if (self->pending_reason != NULL && self->pending_reason[0] != '\0')
        return g_strdup_printf (_("Mark won today: %s"), self->pending_reason);
      return g_strdup (_("Mark won today"));
    case PENDING_LOST:
      return g_strdup_printf (_("Mark lost today: %s"), self->pending_reason);
    case PENDING_REOPEN:
      return g_strdup_printf (_("Reopen in %s today"),
                              stage_name_of (self, self->pending_stage_id));
    case PENDING_NONE:
    default:
      return NULL;
    }
}

static void
refresh_history (JxDealEditor *self)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  if (self->deal == NULL)
    return;
  jx_context_get_today (self->context, &today);
  visits = jx_deals_history (self->store, self->deal_id, &today, &error);
  if (visits == NULL)
    {
      add_history_row (self, _("The history could not be read"), error->message, "lost");
      return;
    }
  for (guint i = 0; i < visits->len; i++)
    {
      JxStageVisit *v = visits->pdata[i];
      g_autofree char *entered = format_date (v->entered);
      g_autofree char *left = format_date (v->left);
      g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day",
                                                            "%d days", v->days), v->days);
      g_autofree char *subtitle = NULL;
      const char *kind = v->kind == 1 ? "won" : v->kind == 2 ? "lost" : "open";

      if (v->kind == 1)
        {
          const char *reason = jx_deal_get_won_reason (self->deal);

          if (i + 1 == visits->len && reason != NULL && reason[0] != '\0')
            /* Translators: a won deal in the stage history: a date, then the reason. */
            subtitle = g_strdup_printf (_("Won on %s · %s"), entered, reason);
          else
            /* Translators: a won deal in the stage history; %s is a date. */
            subtitle = g_strdup_printf (_("Won on %s"), entered);
        }
      else if (v->kind == 2)
        {
          const char *reason = jx_deal_get_lost_reason (self->deal);

          if (i + 1 == visits->len && reason != NULL && reason[0] != '\0')
            /* Translators: a lost deal in the stage history: a date, then the reason. */
            subtitle = g_strdup_printf (_("Lost on %s · %s"), entered, reason);
          else
            subtitle = g_strdup_printf (_("Lost on %s"), entered);
        }
      else if (v->left[0] == '\0')
        {
          /* Translators: the stage a deal is in now: since a date, for a number of days. */
          subtitle = g_strdup_printf (_("Since %s · %s so far"), entered, days);
          kind = "current";
        }
      else
        /* Translators: a past stay in a stage: from a date to a date, for a number of days. */
        subtitle = g_strdup_printf (_("%s – %s · %s"), entered, left, days);
      add_history_row (self, v->stage_name, subtitle, kind);
    }
  if (self->pending != PENDING_NONE)
    {
      g_autofree char *text = pending_text (self);

      add_history_row (self, text, _("When you save"), "pending");
    }
}

static void
update_stage_section (JxDealEditor *self)
{
  gboolean is_new = self->deal_id == 0;
  gboolean open = self->deal != NULL && jx_deal_get_status (self->deal) == 0;
  gboolean pending = self->pending != PENDING_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->start_stage_row), is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), !is_new && self->deal != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), !is_new);
  gtk_widget_set_visible (self->move_button, open && !pending);
  gtk_widget_set_visible (self->won_button, open && !pending);
  gtk_widget_set_visible (self->lost_button, open && !pending);
  gtk_widget_set_visible (self->reopen_button, self->deal != NULL && !open && !pending);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_row), pending);

  if (self->deal != NULL)
    {
      g_autofree char *entered = format_date (jx_deal_get_stage_entered (self->deal));
      g_autofree char *subtitle = NULL;
      int days = jx_deal_get_days_in_stage (self->deal);

      if (open && days >= 0)
        {
          g_autofree char *days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day",
                                                                     "%d days", days), days);
          subtitle = g_strdup_printf (_("Since %s · %s so far"), entered, days_text);
        }
      else if (jx_deal_get_status (self->deal) == 1)
        subtitle = g_strdup_printf (_("Won on %s"), entered);
      else
        subtitle = g_strdup_printf (_("Lost on %s"), entered);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_row),
                                     jx_deal_get_stage (self->deal));
      adw_action_row_set_subtitle (self->stage_row, subtitle);
    }
  if (pending)
    {
      g_autofree char *text = pending_text (self);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pending_row), text);
    }
  refresh_history (self);
}

/* The menus of open stages for Move To and Reopen In. */
static void
build_stage_menus (JxDealEditor *self)
{
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) reopen = g_menu_new ();
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->open_stage_ids, 0);
  g_ptr_array_set_size (self->open_stage_names, 0);
  stages = jx_stages_list_open (self->store, &error);
  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(JxStage) stage = g_list_model_get_item (stages, i);
      gint64 id = jx_stage_get_id (stage);
      g_autoptr(GMenuItem) move_item = NULL;
      g_autoptr(GMenuItem) reopen_item = NULL;

      if (jx_stage_get_kind (stage) != JX_STAGE_OPEN)
        continue;
      g_array_append_val (self->open_stage_ids, id);
      g_ptr_array_add (self->open_stage_names, g_strdup (jx_stage_get_name (stage)));
      gtk_string_list_append (names, jx_stage_get_name (stage));
      move_item = g_menu_item_new (jx_stage_get_name (stage), NULL);
      g_menu_item_set_action_and_target_value (move_item, "editor.move-to",
                                               g_variant_new_int64 (id));
      g_menu_append_item (move, move_item);
      reopen_item = g_menu_item_new (jx_stage_get_name (stage), NULL);
      g_menu_item_set_action_and_target_value (reopen_item, "editor.reopen",
                                               g_variant_new_int64 (id));
      g_menu_append_item (reopen, reopen_item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->move_button), G_MENU_MODEL (move));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->reopen_button), G_MENU_MODEL (reopen));
  if (self->deal_id == 0)
    {
      adw_combo_row_set_model (self->start_stage_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->start_stage_row, 0);
    }
}

static void
set_pending (JxDealEditor *self,
             PendingKind   kind,
             gint64        stage_id,
             const char   *reason)
{
  self->pending = kind;
  self->pending_stage_id = stage_id;
  g_free (self->pending_reason);
  self->pending_reason = g_strdup (reason);
  update_stage_section (self);
}

/* Reloads the stored deal; the edited fields stay as the user left them. */
static void
reload_deal (JxDealEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JxDealList) one = NULL;
  g_autoptr(JxDeal) deal = NULL;
  GDate today;

  if (self->deal_id == 0)
    return;
  jx_context_get_today (self->context, &today);
  g_array_append_val (ids, self->deal_id);
  one = jx_deal_list_new_for_ids (self->store, &today, ids);
  deal = g_list_model_get_item (G_LIST_MODEL (one), 0);
  if (deal == NULL || jx_deal_get_stage_id (deal) == 0)
    {
      g_clear_object (&self->deal);
      show_error (self, _("The deal no longer exists; it may have been deleted."), NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }
  g_set_object (&self->deal, deal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  /* A pending change that no longer fits the deal's status is dropped. */
  if ((self->pending == PENDING_REOPEN && jx_deal_get_status (deal) == 0) ||
      (self->pending != PENDING_REOPEN && self->pending != PENDING_NONE &&
       jx_deal_get_status (deal) != 0))
    set_pending (self, PENDING_NONE, 0, NULL);
}

static void
on_store_changed_cb (JxDealEditor *self,
                     guint         tables)
{
  if (tables & JX_TABLE_STAGES)
    build_stage_menus (self);
  if (tables & (JX_TABLE_DEALS | JX_TABLE_STAGE_EVENTS | JX_TABLE_STAGES))
    {
      reload_deal (self);
      update_stage_section (self);
    }
}

/* Another database was opened: this deal is not in it. */
static void
on_context_store_cb (JxDealEditor *self)
{
  if (jx_context_get_store (self->context) != self->store)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Filling the fields ------------------------------------------------------------------- */

static void
fill_fields (JxDealEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  JxDeal *deal = self->deal;

  jx_ui_fill_editable (GTK_EDITABLE (self->title_row), jx_deal_get_title (deal));
  jx_customer_picker_set_customer (self->customer_picker, jx_deal_get_customer_id (deal),
                                   jx_deal_get_customer (deal));
  gtk_drop_down_set_selected (self->owner_dropdown,
                              jx_name_choices_find (self->owner_choices,
                                                    jx_deal_get_owner_id (deal)));
  gtk_drop_down_set_selected (self->product_dropdown,
                              jx_name_choices_find (self->product_choices,
                                                    jx_deal_get_product_id (deal)));
  if (jx_deal_get_amount (deal) >= 0)
    {
      /* Grouped digits without the symbol, which the row shows; jx_money_parse() reads
       * them back. */
      int digits = jx_currency_digits (self->currency);
      gint64 amount = jx_deal_get_amount (deal);
      gint64 scale = 1;
      g_autofree char *whole = NULL;
      g_autofree char *text = NULL;

      for (int i = 0; i < digits; i++)
        scale *= 10;
      whole = jx_number_format (amount / scale);
      if (digits > 0)
        /* Translators: the decimal separator in numbers. */
        text = g_strdup_printf ("%s%s%0*" G_GINT64_FORMAT, whole, C_("number", "."), digits,
                                amount % scale);
      else
        text = g_steal_pointer (&whole);
      jx_ui_fill_editable (GTK_EDITABLE (self->amount_row), text);
    }
  jx_ui_fill_editable (GTK_EDITABLE (self->close_row), jx_deal_get_expected_close (deal));
  notes = jx_deals_get_notes (self->store, self->deal_id, &error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            notes != NULL ? notes : "", -1);
  adw_window_title_set_subtitle (self->window_title, jx_deal_get_ref (deal) != NULL
                                                     ? jx_deal_get_ref (deal) : "");
}

static void
on_owner_selected_cb (JxDealEditor *self)
{
  self->owner_touched = TRUE;
}

/* Saving ------------------------------------------------------------------------------- */

static gboolean
apply_pending (JxDealEditor  *self,
               const GDate   *today,
               GError       **error)
{
  switch (self->pending)
    {
    case PENDING_MOVE:
      return jx_deals_move (self->store, self->deal_id, self->pending_stage_id, today, error);
    case PENDING_WON:
      return jx_deals_win (self->store, self->deal_id, self->pending_reason, today, error);
    case PENDING_LOST:
      return jx_deals_lose (self->store, self->deal_id, self->pending_reason, today, error);
    case PENDING_REOPEN:
      return jx_deals_reopen (self->store, self->deal_id, self->pending_stage_id, today, error);
    case PENDING_NONE:
    default:
      return TRUE;
    }
}

/**
 * jx_deal_editor_save:
 *
 * Checks the fields and writes them, with a stage change chosen in the editor, as one
 * undoable step. On bad input nothing is written and the editor says what to fix.
 *
 * Returns: whether the deal was saved
 */
gboolean
jx_deal_editor_save (JxDealEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *close = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  JxDealDraft draft;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (JX_IS_DEAL_EDITOR (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  jx_deal_draft_init (&draft);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  draft.title = title;
  draft.customer_id = jx_customer_picker_get_customer_id (self->customer_picker);
  if (self->owner_touched || self->deal == NULL)
    draft.owner_id = jx_name_choices_get_id (self->owner_choices,
                                             gtk_drop_down_get_selected (self->owner_dropdown));
  else
    draft.owner_id = jx_deal_get_owner_id (self->deal);
  draft.product_id = jx_name_choices_get_id (self->product_choices,
                                             gtk_drop_down_get_selected (self->product_dropdown));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  draft.notes = notes;

  set_row_error (self->title_row, title[0] == '\0');
  if (!read_amount (self, &draft.amount, &error))
    {
      set_row_error (self->amount_row, TRUE);
      show_error (self, error->message, self->amount_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
      return FALSE;
    }
  if (!read_close (self, &close, &error))
    {
      set_row_error (self->close_row, TRUE);
      show_error (self, error->message, self->close_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->close_row));
      return FALSE;
    }
  draft.expected_close = close;

  jx_context_get_today (self->context, &today);
  if (self->deal_id == 0)
    {
      guint selected = adw_combo_row_get_selected (self->start_stage_row);
      gint64 stage_id = selected < self->open_stage_ids->len
                        ? g_array_index (self->open_stage_ids, gint64, selected) : 0;

      self->deal_id = jx_deals_create (self->store, &draft, stage_id, &today, &error);
      ok = self->deal_id > 0;
      /* Translators: a toast; %s is the new deal's title. */
      message = g_strdup_printf (_("Created “%s”"), title);
    }
  else
    {
      ok = jx_store_begin (self->store, _("Edit deal"), &error);
      if (ok)
        {
          ok = jx_deals_update (self->store, self->deal_id, &draft, &error) &&
               apply_pending (self, &today, &error);
          if (ok)
            ok = jx_store_commit (self->store, &error);
          else
            jx_store_rollback (self->store);
        }
      /* Translators: a toast; %s is the deal's title. */
      message = g_strdup_printf (_("Saved “%s”"), title);
    }
  if (!ok)
    {
      if (title[0] == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      show_error (self, error->message, title[0] == '\0' ? self->title_row : NULL);
      return FALSE;
    }
  show_error (self, NULL, NULL);
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Actions ------------------------------------------------------------------------------ */

static void
save_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jx_deal_editor_save (JX_DEAL_EDITOR (widget));
}

static void
cancel_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
move_to_activate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JxDealEditor *self = JX_DEAL_EDITOR (widget);
  gint64 stage_id = g_variant_get_int64 (parameter);

  if (self->deal == NULL || jx_deal_get_status (self->deal) != 0)
    return;
  if (stage_id == jx_deal_get_stage_id (self->deal))
    set_pending (self, PENDING_NONE, 0, NULL);
  else
    set_pending (self, PENDING_MOVE, stage_id, NULL);
}

static void
on_close_response_cb (JxCloseReasonDialog *dialog,
                      const char          *response,
                      JxDealEditor        *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (jx_close_reason_dialog_get_reason (dialog)));
  gboolean won = jx_close_reason_dialog_is_won (dialog);

  if (g_str_equal (response, won ? "win" : "lose") && self->deal != NULL &&
      jx_deal_get_status (self->deal) == 0)
    set_pending (self, won ? PENDING_WON : PENDING_LOST, 0, reason);
}

/* Asks why, then holds the outcome until Save. */
static void
close_activate (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JxDealEditor *self = JX_DEAL_EDITOR (widget);
  GtkWidget *dialog;

  if (self->deal == NULL || jx_deal_get_status (self->deal) != 0)
    return;
  dialog = jx_close_reason_dialog_new (GTK_WINDOW (self), jx_deal_get_title (self->deal),
                                       jx_deal_get_stage (self->deal),
                                       g_str_equal (action_name, "editor.mark-won"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JxDealEditor *self = JX_DEAL_EDITOR (widget);

  if (self->deal != NULL && jx_deal_get_status (self->deal) != 0)
    set_pending (self, PENDING_REOPEN, g_variant_get_int64 (parameter), NULL);
}

static void
keep_stage_activate (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_pending (JX_DEAL_EDITOR (widget), PENDING_NONE, 0, NULL);
}

/* GObject ------------------------------------------------------------------------------ */

static void
jx_deal_editor_dispose (GObject *object)
{
  JxDealEditor *self = JX_DEAL_EDITOR (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->deal);
  g_clear_object (&self->owner_choices);
  g_clear_object (&self->product_choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_DEAL_EDITOR);
  G_OBJECT_CLASS (jx_deal_editor_parent_class)->dispose (object);
}

static void
jx_deal_editor_finalize (GObject *object)
{
  JxDealEditor *self = JX_DEAL_EDITOR (object);

  g_clear_pointer (&self->open_stage_ids, g_array_unref);
  g_clear_pointer (&self->open_stage_names, g_ptr_array_unref);
  g_free (self->currency);
  g_free (self->pending_reason);
  G_OBJECT_CLASS (jx_deal_editor_parent_class)->finalize (object);
}

static void
jx_deal_editor_class_init (JxDealEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_deal_editor_dispose;
  object_class->finalize = jx_deal_editor_finalize;

  g_type_ensure (JX_TYPE_CUSTOMER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-deal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, currency_label);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, close_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, start_stage_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, move_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, won_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, lost_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, pending_row);
  gtk_widget_class_bind_template_child (widget_class, JxDealEditor, history_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activate);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activate);
  gtk_widget_class_install_action (widget_class, "editor.move-to", "x", move_to_activate);
  gtk_widget_class_install_action (widget_class, "editor.mark-won", NULL, close_activate);
  gtk_widget_class_install_action (widget_class, "editor.mark-lost", NULL, close_activate);
  gtk_widget_class_install_action (widget_class, "editor.reopen", "x", reopen_activate);
  gtk_widget_class_install_action (widget_class, "editor.keep-stage", NULL, keep_stage_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
jx_deal_editor_init (JxDealEditor *self)
{
  g_autoptr(GtkExpression) owner_expression = jx_name_choices_expression ();
  g_autoptr(GtkExpression) product_expression = jx_name_choices_expression ();

  self->open_stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->open_stage_names = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_expression (self->owner_dropdown, owner_expression);
  gtk_drop_down_set_expression (self->product_dropdown, product_expression);
  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  g_signal_connect_swapped (self->close_row, "changed", G_CALLBACK (on_close_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (on_calendar_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
}

/**
 * jx_deal_editor_new:
 * @deal_id: the deal to edit, or 0 for a new deal
 *
 * Returns: (transfer floating): the editor, not yet shown
 */
GtkWidget *
jx_deal_editor_new (JxContext *context,
                    gint64     deal_id)
{
  JxDealEditor *self;
  JxStore *store;

  g_return_val_if_fail (JX_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (jx_context_get_store (context) != NULL, NULL);

  store = jx_context_get_store (context);
  self = g_object_new (JX_TYPE_DEAL_EDITOR, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (store);
  self->deal_id = MAX (deal_id, 0);
  self->currency = jx_store_get_setting (store, "currency");
  gtk_label_set_text (self->currency_label, jx_currency_symbol (self->currency));
  jx_customer_picker_set_store (self->customer_picker, store);
  {
    g_autoptr(JxNameList) owners = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
    g_autoptr(JxNameList) products = jx_name_list_new (store, JX_TABLE_PRODUCTS);

    self->owner_choices = jx_name_choices_new (C_("owner", "None"), G_LIST_MODEL (owners));
    self->product_choices = jx_name_choices_new (C_("product", "None"), G_LIST_MODEL (products));
  }
  gtk_drop_down_set_model (self->owner_dropdown, self->owner_choices);
  gtk_drop_down_set_model (self->product_dropdown, self->product_choices);
  build_stage_menus (self);

  if (self->deal_id > 0)
    {
      reload_deal (self);
      if (self->deal != NULL)
        {
          fill_fields (self);
          gtk_window_set_title (GTK_WINDOW (self), jx_deal_get_title (self->deal));
        }
      adw_window_title_set_title (self->window_title, _("Edit Deal"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Deal"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Deal"));
    }
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected",
                            G_CALLBACK (on_owner_selected_cb), self);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (on_context_store_cb), self,
                           G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (on_store_changed_cb), self);
  update_stage_section (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

gint64
jx_deal_editor_get_deal_id (JxDealEditor *self)
{
  g_return_val_if_fail (JX_IS_DEAL_EDITOR (self), 0);

  return self->deal_id;
}

/* A field for tests: "title", "amount", "expected-close" (GtkEditable), "notes"
 * (GtkTextView), "customer" (JxCustomerPicker), "owner", "product" (GtkDropDown),
 * "start-stage" (AdwComboRow) or "error" (GtkLabel, visible when its revealer is). */
GtkWidget *
jx_deal_editor_get_field (JxDealEditor *self,
                          const char   *name)
{
  g_return_val_if_fail (JX_IS_DEAL_EDITOR (self), NULL);

  if (g_str_equal (name, "title"))
    return GTK_WIDGET (self->title_row);
  if (g_str_equal (name, "amount"))
    return GTK_WIDGET (self->amount_row);
  if (g_str_equal (name, "expected-close"))
    return GTK_WIDGET (self->close_row);
  if (g_str_equal (name, "notes"))
    return GTK_WIDGET (self->notes_view);
  if (g_str_equal (name, "customer"))
    return GTK_WIDGET (self->customer_picker);
  if (g_str_equal (name, "owner"))
    return GTK_WIDGET (self->owner_dropdown);
  if (g_str_equal (name, "product"))
    return GTK_WIDGET (self->product_dropdown);
  if (g_str_equal (name, "start-stage"))
    return GTK_WIDGET (self->start_stage_row);
  if (g_str_equal (name, "error"))
    return gtk_revealer_get_reveal_child (self->error_revealer) ? GTK_WIDGET (self->error_label)
                                                                : NULL;
  g_return_val_if_reached (NULL);
}

/**
 * jx_deal_editor_present:
 * @deal_id: the deal to edit, or 0 to create one
 *
 * Opens the deal in an editor window over @parent, or brings its editor forward when it
 * is open already.
 */
void
jx_deal_editor_present (GtkWindow *parent,
                        JxContext *context,
                        gint64     deal_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *editor;

  if (jx_context_get_store (context) == NULL)
    return;
  for (guint i = 0; deal_id > 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JX_IS_DEAL_EDITOR (window) && JX_DEAL_EDITOR (window)->deal_id == deal_id)
        {
          gtk_window_present (window);
          return;
        }
    }
  editor = jx_deal_editor_new (context, deal_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
  gtk_window_present (GTK_WINDOW (editor));
}
