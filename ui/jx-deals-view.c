/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sys/resource.h>
#include <glib/gi18n.h>

#include "jx-deal-card.h"
#include "jx-deal-editor.h"
#include "jx-deal-selection.h"
#include "jx-deals-view.h"
#include "jx-close-reason-dialog.h"
#include "jx-name-choices.h"
#include "jx-ui.h"

/*
 * The Deals view: every deal as a list (a column view that sorts and filters in SQL and
 * scrolls a million rows, because its JxDealList makes a row object only when a row is
 * shown), or the open deals as a pipeline board with one list view per open stage. Cards
 * move between stages by drag and drop, by their context menu or by keyboard; every move
 * is one undoable step announced by a toast with Undo.
 *
 * The lists are threaded JxDealLists: they reload in a worker thread after a short pause,
 * so typing in the search never waits for a query over a million rows. They are made
 * when the view is first shown, and paused while it is hidden.
 */

typedef struct _BoardColumn BoardColumn;

struct _JxDealsView {
  JxView           parent_instance;

  GtkSearchEntry  *search_entry;
  GtkWidget       *filter_bar;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *stage_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkDropDown     *region_dropdown;
  GtkDropDown     *line_dropdown;
  GtkWidget       *clear_button;
  GtkSpinner      *spinner;
  GtkLabel        *summary_label;
  GtkStack        *mode_stack;
  GtkStack        *list_stack;
  AdwStatusPage   *empty_page;
  GtkButton       *empty_button;
  GtkColumnView   *column_view;
  GtkStack        *board_stack;
  GtkBox          *board_box;

  JxStore         *store;
  gulong           changed_id;
  /* Whether the database has any deal: 1, 0, or -1 when not known yet. */
  int              has_deals;
  char            *currency;
  char            *mode;            /* "list" or "board" */

  GListModel      *stages;          /* JxStage, the whole process */
  GListModel      *stage_choices;
  GListModel      *owner_choices;
  GListModel      *region_choices;
  GListModel      *line_choices;
  gboolean         choices_ready;   /* drop-downs have their models */

  JxDealList      *list;
  JxDealSelection *selection;
  GPtrArray       *columns;         /* BoardColumn, one per open stage */
  GCancellable    *thresholds;      /* reading the stalled thresholds in a thread */
  GPtrArray       *sort_columns;    /* GtkColumnViewColumn, indexed by JxDealSort */
  int              probed_sort;     /* set by the column sorters, see on_sorter_changed_cb */
  JxDealSort       sort;
  gboolean         descending;
};

struct _BoardColumn {
  JxDealsView     *view;
  gint64           stage_id;
  int              stalled_days;
  GtkWidget       *box;
  GtkLabel        *count_label;
  GtkLabel        *total_label;
  GtkListView     *list_view;
  JxDealList      *list;
  JxDealSelection *selection;
};

G_DEFINE_FINAL_TYPE (JxDealsView, jx_deals_view, JX_TYPE_VIEW)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ensure_lists (JxDealsView *self);
static void update_paused (JxDealsView *self);
static void ensure_stages (JxDealsView *self);
static void update_summary (JxDealsView *self);

/* The status drop-down's items, in order. */
static const int status_values[] = { 0, 1, 2, JX_DEAL_STATUS_ANY };

/* Helpers ------------------------------------------------------------------------------ */

static void
get_today (JxDealsView *self,
           GDate       *today)
{
  jx_view_get_today (JX_VIEW (self), today);
}

/* A fresh snapshot of one deal, or NULL when it no longer exists. */
static JxDeal *
load_deal (JxDealsView *self,
           gint64       deal_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JxDealList) one = NULL;
  g_autoptr(JxDeal) deal = NULL;
  GDate today;

  if (self->store == NULL || deal_id <= 0)
    return NULL;
  get_today (self, &today);
  g_array_append_val (ids, deal_id);
  one = jx_deal_list_new_for_ids (self->store, &today, ids);
  deal = g_list_model_get_item (G_LIST_MODEL (one), 0);
  if (deal == NULL || jx_deal_get_stage_id (deal) == 0)
    return NULL;
  return g_steal_pointer (&deal);
}

/* The open stages in process order, as JxStage (borrowed). */
static GPtrArray *
open_stages (JxDealsView *self)
{
  GPtrArray *open = g_ptr_array_new ();
  guint n;

  ensure_stages (self);
  n = self->stages != NULL ? g_list_model_get_n_items (self->stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxStage) stage = g_list_model_get_item (self->stages, i);

      if (jx_stage_get_kind (stage) == JX_STAGE_OPEN)
        g_ptr_array_add (open, stage);
    }
  return open;
}

static int
stalled_days_of (JxStage *stage)
{
  int days = jx_stage_get_stalled_days (stage);

  return days > 0 ? days : jx_stage_get_suggested_stalled_days (stage);
}

/* Moving deals ----------------------------------------------------------------------- */

static gboolean
report_error (JxDealsView  *self,
              gboolean      ok,
              GError       *error)
{
  if (!ok)
    jx_ui_add_toast (GTK_WIDGET (self), error->message);
  return ok;
}

/* Moves @deal_id to the open stage @stage_id today; says so with an Undo toast. */
static gboolean
move_deal (JxDealsView *self,
           gint64       deal_id,
           gint64       stage_id)
{
  g_autoptr(JxDeal) deal = load_deal (self, deal_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stage_name = NULL;
  GDate today;

  if (deal == NULL || jx_deal_get_stage_id (deal) == stage_id)
    return FALSE;
  ensure_stages (self);
  for (guint i = 0; self->stages != NULL && i < g_list_model_get_n_items (self->stages); i++)
    {
      g_autoptr(JxStage) stage = g_list_model_get_item (self->stages, i);

      if (jx_stage_get_id (stage) == stage_id)
        stage_name = g_strdup (jx_stage_get_name (stage));
    }
  get_today (self, &today);
  if (!report_error (self, jx_deals_move (self->store, deal_id, stage_id, &today, &error), error))
    return FALSE;
  /* Translators: a toast after a deal moved; the first %s is its title, the second a stage. */
  message = g_strdup_printf (_("Moved “%s” to %s"), jx_deal_get_title (deal),
                             stage_name != NULL ? stage_name : "");
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
  return TRUE;
}

/* Moves @deal_id one open stage on (@step 1) or back (@step −1). */
static void
step_deal (JxDealsView *self,
           gint64       deal_id,
           int          step)
{
  g_autoptr(JxDeal) deal = load_deal (self, deal_id);
  g_autoptr(GPtrArray) open = open_stages (self);

  if (deal == NULL)
    return;
  if (jx_deal_get_status (deal) != 0)
    {
      jx_ui_add_toast (GTK_WIDGET (self),
                       _("The deal is already won or lost. Reopen it before moving it."));
      return;
    }
  for (guint i = 0; i < open->len; i++)
    if (jx_stage_get_id (open->pdata[i]) == jx_deal_get_stage_id (deal))
      {
        if ((step < 0 && i == 0) || (step > 0 && i + 1 >= open->len))
          jx_ui_add_toast (GTK_WIDGET (self),
                           step > 0 ? _("The deal is in the last stage. Mark it won or lost "
                                        "instead.")
                                    : _("The deal is in the first stage already."));
        else
          move_deal (self, deal_id, jx_stage_get_id (open->pdata[i + step]));
        return;
      }
}

static void
on_close_response_cb (JxCloseReasonDialog *dialog,
                      const char          *response,
                      JxDealsView         *self)
{
  gint64 deal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "deal-id"));
  g_autofree char *reason = g_strstrip (g_strdup (jx_close_reason_dialog_get_reason (dialog)));
  gboolean won = jx_close_reason_dialog_is_won (dialog);
  g_autoptr(JxDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;
  GDate today;

  if (!g_str_equal (response, won ? "win" : "lose") || self->store == NULL)
    return;
  deal = load_deal (self, deal_id);
  if (deal == NULL)
    return;
  get_today (self, &today);
  ok = won ? jx_deals_win (self->store, deal_id, reason, &today, &error)
           : jx_deals_lose (self->store, deal_id, reason, &today, &error);
  if (!report_error (self, ok, error))
    return;
  /* Translators: a toast; %s is a deal's title. */
  message = g_strdup_printf (won ? _("Marked “%s” won") : _("Marked “%s” lost"),
                             jx_deal_get_title (deal));
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

/* Asks for the reason, then marks the deal won, or lost at the stage it is in. */
static void
close_deal (JxDealsView *self,
            gint64       deal_id,
            gboolean     won)
{
  g_autoptr(JxDeal) deal = load_deal (self, deal_id);
  GtkWidget *dialog;

  if (deal == NULL)
    return;
  if (jx_deal_get_status (deal) != 0)
    {
      jx_ui_add_toast (GTK_WIDGET (self), _("The deal is already won or lost. Reopen it first."));
      return;
    }
  dialog = jx_close_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       jx_deal_get_title (deal), jx_deal_get_stage (deal), won);
  g_object_set_data (G_OBJECT (dialog), "deal-id", GSIZE_TO_POINTER ((gsize) deal_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_won (JxDealsView *self,
          gint64       deal_id)
{
  close_deal (self, deal_id, TRUE);
}

static void
mark_lost (JxDealsView *self,
           gint64       deal_id)
{
  close_deal (self, deal_id, FALSE);
}

static void
reopen_deal (JxDealsView *self,
             gint64       deal_id)
{
  g_autoptr(JxDeal) deal = load_deal (self, deal_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GDate today;

  if (deal == NULL)
    return;
  get_today (self, &today);
  if (!report_error (self, jx_deals_reopen (self->store, deal_id, 0, &today, &error), error))
    return;
  /* Translators: a toast; %s is a deal's title. */
  message = g_strdup_printf (_("Reopened “%s”"), jx_deal_get_title (deal));
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
}

/* The deal the keyboard works on: the focused card on the board, the selected row in the
 * list. */
static gint64
current_deal_id (JxDealsView *self)
{
  if (g_str_equal (self->mode, "board"))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
        {
          GtkWidget *child = gtk_widget_get_first_child (w);

          if (JX_IS_DEAL_CARD (w) && jx_deal_card_get_deal (JX_DEAL_CARD (w)) != NULL)
            return jx_deal_get_id (jx_deal_card_get_deal (JX_DEAL_CARD (w)));
          /* The list view focuses the row, whose child is the card. */
          if (JX_IS_DEAL_CARD (child) && jx_deal_card_get_deal (JX_DEAL_CARD (child)) != NULL)
            return jx_deal_get_id (jx_deal_card_get_deal (JX_DEAL_CARD (child)));
        }
      return 0;
    }
  return self->selection != NULL ? jx_deal_selection_get_selected_id (self->selection) : 0;
}

static JxDealCard *
focused_card (JxDealsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->board_box)))
    return NULL;
  if (JX_IS_DEAL_CARD (gtk_widget_get_first_child (focus)))
    return JX_DEAL_CARD (gtk_widget_get_first_child (focus));
  return NULL;
}

/* Actions ------------------------------------------------------------------------------ */

static void
deal_action_activate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxDealsView *self = JX_DEALS_VIEW (widget);
  gint64 deal_id = parameter != NULL ? g_variant_get_int64 (parameter) : current_deal_id (self);

  if (self->store == NULL || deal_id <= 0)
    return;
  if (g_str_equal (action_name, "deals.open") || g_str_equal (action_name, "deals.open-current"))
    gtk_widget_activate_action (widget, "win.open-deal", "x", deal_id);
  else if (g_str_has_prefix (action_name, "deals.next-stage"))
    step_deal (self, deal_id, 1);
  else if (g_str_has_prefix (action_name, "deals.previous-stage"))
    step_deal (self, deal_id, -1);
  else if (g_str_has_prefix (action_name, "deals.mark-won"))
    mark_won (self, deal_id);
  else if (g_str_has_prefix (action_name, "deals.mark-lost"))
    mark_lost (self, deal_id);
  else if (g_str_has_prefix (action_name, "deals.reopen"))
    reopen_deal (self, deal_id);
}

static void
move_to_activate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JxDealsView *self = JX_DEALS_VIEW (widget);
  gint64 deal_id, stage_id;

  if (self->store == NULL)
    return;
  g_variant_get (parameter, "(xx)", &deal_id, &stage_id);
  move_deal (self, deal_id, stage_id);
}

static void
new_deal_activate (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JxDealsView *self = JX_DEALS_VIEW (widget);

  if (self->store != NULL)
    jx_deal_editor_present (GTK_WINDOW (gtk_widget_get_root (widget)), jx_view_get_context (JX_VIEW (self)), 0);
}

static void
focus_search_activate (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JxDealsView *self = JX_DEALS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
context_menu_activate (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JxDealCard *card = focused_card (JX_DEALS_VIEW (widget));

  if (card != NULL)
    jx_deal_card_popup_menu (card);
}

static void
clear_filters_activate (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JxDealsView *self = JX_DEALS_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->line_dropdown, 0);
}

/* The context menu of a deal: the actions with the deal as their target. An open deal
 * moves and closes; a won or lost one reopens. */
static GMenuModel *
deal_menu (JxDealsView *self,
           JxDeal      *deal)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) move_to = g_menu_new ();
  g_autoptr(GMenu) outcomes = g_menu_new ();
  g_autoptr(GPtrArray) open = open_stages (self);
  gint64 id = jx_deal_get_id (deal);

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Open"), NULL);

    g_menu_item_set_action_and_target_value (item, "deals.open", g_variant_new_int64 (id));
    g_menu_append_item (menu, item);
  }
  if (jx_deal_get_status (deal) != 0)
    {
      g_autoptr(GMenuItem) reopen = g_menu_item_new (_("_Reopen"), NULL);

      g_menu_item_set_action_and_target_value (reopen, "deals.reopen", g_variant_new_int64 (id));
      g_menu_append_item (outcomes, reopen);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (outcomes));
      return G_MENU_MODEL (g_steal_pointer (&menu));
    }
  {
    g_autoptr(GMenuItem) next = g_menu_item_new (_("Move to _Next Stage"), NULL);
    g_autoptr(GMenuItem) previous = g_menu_item_new (_("Move to _Previous Stage"), NULL);

    g_menu_item_set_action_and_target_value (next, "deals.next-stage", g_variant_new_int64 (id));
    g_menu_item_set_attribute (next, "accel", "s", "<Alt>Right");
    g_menu_item_set_action_and_target_value (previous, "deals.previous-stage",
                                             g_variant_new_int64 (id));
    g_menu_item_set_attribute (previous, "accel", "s", "<Alt>Left");
    g_menu_append_item (moves, next);
    g_menu_append_item (moves, previous);
  }
  for (guint i = 0; i < open->len; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (jx_stage_get_name (open->pdata[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "deals.move-to",
                                               g_variant_new ("(xx)", id,
                                                              jx_stage_get_id (open->pdata[i])));
      g_menu_append_item (move_to, item);
    }
  g_menu_append_submenu (moves, _("_Move To"), G_MENU_MODEL (move_to));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  {
    g_autoptr(GMenuItem) won = g_menu_item_new (_("Mark _Won"), NULL);
    g_autoptr(GMenuItem) lost = g_menu_item_new (_("Mark _Lost…"), NULL);

    g_menu_item_set_action_and_target_value (won, "deals.mark-won", g_variant_new_int64 (id));
    g_menu_item_set_attribute (won, "accel", "s", "<Alt>w");
    g_menu_item_set_action_and_target_value (lost, "deals.mark-lost", g_variant_new_int64 (id));
    g_menu_item_set_attribute (lost, "accel", "s", "<Alt>l");
    g_menu_append_item (outcomes, won);
    g_menu_append_item (outcomes, lost);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (outcomes));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GMenuModel *
on_card_menu_cb (JxDealCard  *card,
                 JxDeal      *deal,
                 JxDealsView *self)
{
  return deal_menu (self, deal);
}

static void
unparent_later_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
on_row_menu_closed_cb (GtkPopover *popover)
{
  g_idle_add_once (unparent_later_cb, g_object_ref (popover));
}

/* A right click on a row of the list: the same menu, under the pointer. The cell remembers
 * its deal (see on_cell_bind_cb). */
static void
on_row_menu_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        JxDealsView     *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  JxDeal *deal = g_object_get_data (G_OBJECT (cell), "jx-deal");
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;

  if (deal == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->selection != NULL)
    jx_deal_selection_set_selected_id (self->selection, jx_deal_get_id (deal));
  menu = deal_menu (self, deal);
  popover = gtk_popover_menu_new_from_model (menu);
  /* On the view rather than the cell, which the list may recycle while the menu is open. */
  gtk_widget_translate_coordinates (cell, GTK_WIDGET (self), x, y, &x, &y);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (on_row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The list -------------------------------------------------------------------------------- */

typedef enum {
  CELL_TITLE,
  CELL_CUSTOMER,
  CELL_OWNER,
  CELL_PRODUCT,
  CELL_AMOUNT,
  CELL_STAGE,
  CELL_DAYS,
  CELL_CLOSE,
} CellKind;

typedef struct {
  CellKind    kind;
  JxDealSort  sort;
  const char *title;
  gboolean    expand;
  gboolean    numeric;
  int         width;
} ColumnInfo;

static const ColumnInfo column_infos[] = {
  { CELL_TITLE, JX_DEAL_SORT_TITLE, NC_("column", "Title"), TRUE, FALSE, 200 },
  { CELL_CUSTOMER, JX_DEAL_SORT_CUSTOMER, NC_("column", "Customer"), TRUE, FALSE, 170 },
  { CELL_OWNER, JX_DEAL_SORT_OWNER, NC_("column", "Owner"), FALSE, FALSE, 120 },
  { CELL_PRODUCT, JX_DEAL_SORT_PRODUCT, NC_("column", "Product"), FALSE, FALSE, 130 },
  { CELL_AMOUNT, JX_DEAL_SORT_AMOUNT, NC_("column", "Amount"), FALSE, TRUE, 130 },
  { CELL_STAGE, JX_DEAL_SORT_STAGE, NC_("column", "Stage"), FALSE, FALSE, 110 },
  /* Translators: a column heading; keep it short. */
  { CELL_DAYS, JX_DEAL_SORT_DAYS_IN_STAGE, NC_("column", "Days in Stage"), FALSE, TRUE, 120 },
  { CELL_CLOSE, JX_DEAL_SORT_EXPECTED_CLOSE, NC_("column", "Expected Close"), FALSE, TRUE, 140 },
};

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const ColumnInfo         *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (info->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (info->kind == CELL_TITLE)
    gtk_widget_add_css_class (label, "deal-title");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_menu_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       JxDealsView              *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_menu_pressed_cb), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  /* Fill the cell, so that a click anywhere in it finds the deal. */
  gtk_widget_set_hexpand (label, TRUE);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 const ColumnInfo         *info)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  JxDeal *deal = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  g_object_set_data_full (G_OBJECT (label), "jx-deal", g_object_ref (deal), g_object_unref);
  switch (info->kind)
    {
    case CELL_TITLE:
      text = jx_deal_get_title (deal);
      break;
    case CELL_CUSTOMER:
      text = jx_deal_get_customer (deal);
      break;
    case CELL_OWNER:
      text = jx_deal_get_owner (deal);
      break;
    case CELL_PRODUCT:
      text = jx_deal_get_product (deal);
      break;
    case CELL_AMOUNT:
      text = jx_deal_get_amount (deal) >= 0 ? jx_deal_get_amount_text (deal) : "—";
      break;
    case CELL_STAGE:
      text = jx_deal_get_stage (deal);
      if (jx_deal_get_status (deal) == 1)
        gtk_widget_add_css_class (GTK_WIDGET (label), "success");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
      if (jx_deal_get_status (deal) == 2)
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      break;
    case CELL_DAYS:
      if (jx_deal_get_days_in_stage (deal) >= 0)
        text = owned = jx_number_format (jx_deal_get_days_in_stage (deal));
      break;
    case CELL_CLOSE:
      text = owned = jx_date_format_iso_text (jx_deal_get_expected_close (deal));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text != NULL ? text : "");
}

/* The column sorters only tell which header was clicked: GTK 4.8 cannot say which column
 * of a GtkColumnViewSorter comes first, so each column's sorter records itself when the
 * column view's sorter compares two objects, and the result says the order. Nothing is
 * sorted in memory: the list sorts in SQL. */
static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const ColumnInfo *info = user_data;
  gboolean view_first = JX_IS_DEALS_VIEW ((gpointer) a);
  JxDealsView *self = JX_DEALS_VIEW (view_first ? (gpointer) a : (gpointer) b);

  /* "The view comes before its column view", whichever way a descending order asks. */
  self->probed_sort = info->sort;
  return view_first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static void
apply_sort (JxDealsView *self)
{
  if (self->list != NULL)
    jx_deal_list_set_sort (self->list, self->sort, self->descending);
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      JxDealsView     *self)
{
  GtkOrdering order;

  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (self->probed_sort < 0)
    {
      self->sort = JX_DEAL_SORT_ID;
      self->descending = FALSE;
    }
  else
    {
      self->sort = self->probed_sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  apply_sort (self);
}

static void
unref_column (gpointer column)
{
  if (column != NULL)
    g_object_unref (column);
}

static void
setup_columns (JxDealsView *self)
{
  self->sort_columns = g_ptr_array_new_with_free_func (unref_column);
  g_ptr_array_set_size (self->sort_columns, JX_DEAL_SORT_OPENED + 1);
  for (guint i = 0; i < G_N_ELEMENTS (column_infos); i++)
    {
      const ColumnInfo *info = &column_infos[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer) info);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_menu_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), (gpointer) info);
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", info->title),
                                           factory);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, info->width);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, (gpointer) info, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);
      self->sort_columns->pdata[info->sort] = column;
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed_cb), self);
}

/* The column of @key, for tests. */
GtkColumnViewColumn *
jx_deals_view_get_sort_column (JxDealsView *self,
                               JxDealSort   key)
{
  g_return_val_if_fail (JX_IS_DEALS_VIEW (self), NULL);
  g_return_val_if_fail (key <= JX_DEAL_SORT_OPENED, NULL);

  return self->sort_columns->pdata[key];
}

static void
on_row_activate_cb (GtkColumnView *column_view,
                    guint          position,
                    JxDealsView   *self)
{
  gint64 id = jx_deal_list_get_id (self->list, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "deals.open", "x", id);
}

/* Filters ----------------------------------------------------------------------------- */

static void
get_filter (JxDealsView  *self,
            JxDealFilter *filter)
{
  jx_deal_filter_init (filter);
  if (!self->choices_ready)
    return;
  filter->owner_id = jx_name_choices_get_id (self->owner_choices,
                                             gtk_drop_down_get_selected (self->owner_dropdown));
  filter->region_id = jx_name_choices_get_id (self->region_choices,
                                              gtk_drop_down_get_selected (self->region_dropdown));
  filter->product_line_id =
    jx_name_choices_get_id (self->line_choices, gtk_drop_down_get_selected (self->line_dropdown));
}

static int
get_status (JxDealsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected < G_N_ELEMENTS (status_values) ? status_values[selected] : 0;
}

static gint64
get_stage (JxDealsView *self)
{
  if (!self->choices_ready)
    return 0;
  return jx_name_choices_get_id (self->stage_choices,
                                 gtk_drop_down_get_selected (self->stage_dropdown));
}

static void
apply_filters (JxDealsView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  JxDealFilter filter;
  gboolean any;

  get_filter (self, &filter);
  if (self->list != NULL)
    {
      jx_deal_list_set_search (self->list, search);
      jx_deal_list_set_filter (self->list, &filter);
      jx_deal_list_set_status (self->list, get_status (self));
      jx_deal_list_set_stage (self->list, get_stage (self));
    }
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      BoardColumn *column = self->columns->pdata[i];

      jx_deal_list_set_search (column->list, search);
      jx_deal_list_set_filter (column->list, &filter);
    }
  any = !jx_deal_filter_is_empty (&filter) ||
        (g_str_equal (self->mode, "list") && (get_status (self) != 0 || get_stage (self) != 0));
  gtk_widget_set_visible (self->clear_button, any);
}

static void
on_filter_changed_cb (JxDealsView *self)
{
  apply_filters (self);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListModel  *model)
{
  g_autoptr(GtkExpression) expression = jx_name_choices_expression ();

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, model);
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The board ----------------------------------------------------------------------------- */

static void
board_column_free (gpointer data)
{
  BoardColumn *column = data;

  if (column->list != NULL)
    g_signal_handlers_disconnect_by_data (column->list, column);
  g_clear_object (&column->selection);
  g_clear_object (&column->list);
  g_free (column);
}

static void
on_card_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  JxDealsView              *self)
{
  GtkWidget *card = jx_deal_card_new ();

  g_signal_connect_object (card, "menu", G_CALLBACK (on_card_menu_cb), self, 0);
  gtk_list_item_set_child (item, card);
}

static void
on_card_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BoardColumn              *column)
{
  jx_deal_card_set_deal (JX_DEAL_CARD (gtk_list_item_get_child (item)),
                         gtk_list_item_get_item (item), column->stalled_days);
}

static void
on_card_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BoardColumn              *column)
{
  jx_deal_card_set_deal (JX_DEAL_CARD (gtk_list_item_get_child (item)), NULL, 0);
}

static void
on_card_activate_cb (GtkListView *list_view,
                     guint        position,
                     BoardColumn *column)
{
  gint64 id = jx_deal_list_get_id (column->list, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (column->view), "deals.open", "x", id);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            BoardColumn   *column)
{
  gint64 deal_id;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  deal_id = g_value_get_int64 (value);
  /* Dropped where it already is: nothing to do. */
  if (jx_deal_list_find (column->list, deal_id) != G_MAXUINT)
    return FALSE;
  return move_deal (column->view, deal_id, column->stage_id);
}

static void
update_column_header (BoardColumn *column)
{
  JxDealsView *self = column->view;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (column->list));
  g_autofree char *count = jx_number_format (n);
  g_autofree char *total = jx_money_format_compact (jx_deal_list_get_amount_total (column->list),
                                                    self->currency);
  g_autofree char *total_full = jx_money_format (jx_deal_list_get_amount_total (column->list),
                                                 self->currency);

  gtk_label_set_text (column->count_label, count);
  gtk_label_set_text (column->total_label, total);
  gtk_widget_set_tooltip_text (GTK_WIDGET (column->total_label), total_full);
  update_summary (self);
}

static void
on_column_list_changed_cb (GObject     *list,
                           GParamSpec  *pspec,
                           BoardColumn *column)
{
  if (!jx_deal_list_get_loading (column->list))
    update_column_header (column);
  else
    update_summary (column->view);
}

static BoardColumn *
add_board_column (JxDealsView *self,
                  JxStage     *stage)
{
  BoardColumn *column = g_new0 (BoardColumn, 1);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (jx_stage_get_name (stage));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkDropTarget *drop;
  GDate today;
  JxDealFilter filter;

  column->view = self;
  column->stage_id = jx_stage_get_id (stage);

  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column->box, TRUE);
  gtk_box_set_homogeneous (self->board_box, TRUE);
  gtk_widget_add_css_class (column->box, "board-column");
  gtk_widget_set_name (column->box, jx_stage_get_name (stage));

  gtk_widget_add_css_class (header, "board-column-header");
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, jx_stage_get_name (stage));
  gtk_box_append (GTK_BOX (header), name);
  column->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (column->count_label), "board-count");
  gtk_widget_add_css_class (GTK_WIDGET (column->count_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (column->count_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (column->count_label));
  gtk_box_append (GTK_BOX (column->box), header);
  column->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (column->total_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (column->total_label), "board-total");
  gtk_widget_add_css_class (GTK_WIDGET (column->total_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (column->total_label), "numeric");
  gtk_box_append (GTK_BOX (column->box), GTK_WIDGET (column->total_label));

  get_today (self, &today);
  get_filter (self, &filter);
  column->list = jx_deal_list_new_threaded (self->store, &today);
  jx_deal_list_set_status (column->list, 0);
  jx_deal_list_set_stage (column->list, column->stage_id);
  jx_deal_list_set_sort (column->list, JX_DEAL_SORT_AMOUNT, TRUE);
  jx_deal_list_set_filter (column->list, &filter);
  jx_deal_list_set_search (column->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_signal_connect (column->list, "notify::loading", G_CALLBACK (on_column_list_changed_cb),
                    column);
  g_signal_connect (column->list, "notify::n-items", G_CALLBACK (on_column_list_changed_cb),
                    column);
  column->selection = jx_deal_selection_new (column->list);

  g_signal_connect (factory, "setup", G_CALLBACK (on_card_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_card_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_card_unbind_cb), column);
  column->list_view = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (g_object_ref (column->selection)), g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (column->list_view), "board-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, jx_stage_get_name (stage), -1);
  g_signal_connect (column->list_view, "activate", G_CALLBACK (on_card_activate_cb), column);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (column->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (column->box), scroller);

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), column);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (drop));

  gtk_box_append (self->board_box, column->box);
  return column;
}

static void
clear_board (JxDealsView *self)
{
  GtkWidget *child;

  if (self->thresholds != NULL)
    g_cancellable_cancel (self->thresholds);
  g_clear_object (&self->thresholds);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board_box))) != NULL)
    gtk_box_remove (self->board_box, child);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
}

/* Shows the column's stalled threshold on the cards it has made. */
static void
refresh_cards (BoardColumn *column)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (column->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (JX_IS_DEAL_CARD (card) && jx_deal_card_get_deal (JX_DEAL_CARD (card)) != NULL)
        jx_deal_card_set_deal (JX_DEAL_CARD (card), jx_deal_card_get_deal (JX_DEAL_CARD (card)),
                               column->stalled_days);
    }
}

/* Stalled thresholds, set or suggested from history. The suggestion comes from the funnel's
 * history cache, whose first load takes about a second for a million deals, so a worker
 * thread reads them through a store of its own and the board never waits. */

typedef struct {
  gint64 stage_id;
  int    days;
} Threshold;

/* In a thread of its own, at a lower priority than the window's (see jx-deal-list.c). */
static gpointer
thresholds_thread (gpointer data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JxStore) store = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GArray) thresholds = g_array_new (FALSE, FALSE, sizeof (Threshold));

  setpriority (PRIO_PROCESS, 0, 10);
  store = jx_store_open (g_task_get_task_data (task), JX_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    stages = jx_stages_list (store, &error);
  if (stages == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(JxStage) stage = g_list_model_get_item (stages, i);
      Threshold t = { jx_stage_get_id (stage), stalled_days_of (stage) };

      g_array_append_val (thresholds, t);
    }
  g_task_return_pointer (task, g_steal_pointer (&thresholds), (GDestroyNotify) g_array_unref);
  g_object_unref (task);
  return NULL;
}

static void
thresholds_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JxDealsView *self = JX_DEALS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) thresholds = g_task_propagate_pointer (G_TASK (result), &error);

  if (thresholds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the stalled thresholds: %s", error->message);
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->thresholds)
    return;     /* the board was built again meanwhile */
  g_clear_object (&self->thresholds);
  for (guint i = 0; i < thresholds->len; i++)
    {
      Threshold *t = &g_array_index (thresholds, Threshold, i);

      for (guint j = 0; self->columns != NULL && j < self->columns->len; j++)
        {
          BoardColumn *column = self->columns->pdata[j];

          if (column->stage_id == t->stage_id && column->stalled_days != t->days)
            {
              column->stalled_days = t->days;
              refresh_cards (column);
            }
        }
    }
}

static void
read_thresholds (JxDealsView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->thresholds != NULL)
    g_cancellable_cancel (self->thresholds);
  g_clear_object (&self->thresholds);
  if (self->store == NULL)
    return;
  self->thresholds = g_cancellable_new ();
  task = g_task_new (self, self->thresholds, thresholds_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (jx_store_get_path (self->store)), g_free);
  g_thread_unref (g_thread_new ("jx-stalled-thresholds", thresholds_thread, g_object_ref (task)));
}

static void
build_board (JxDealsView *self)
{
  g_autoptr(GPtrArray) open = open_stages (self);

  clear_board (self);
  self->columns = g_ptr_array_new_with_free_func (board_column_free);
  for (guint i = 0; i < open->len; i++)
    g_ptr_array_add (self->columns, add_board_column (self, open->pdata[i]));
  read_thresholds (self);
  update_paused (self);
  gtk_stack_set_visible_child_name (self->board_stack, open->len > 0 ? "columns" : "empty");
  update_summary (self);
}

/* The board column of @stage_id, whose box has the drop target, for tests. */
GtkWidget *
jx_deals_view_get_board_column (JxDealsView *self,
                                gint64       stage_id)
{
  g_return_val_if_fail (JX_IS_DEALS_VIEW (self), NULL);

  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      BoardColumn *column = self->columns->pdata[i];

      if (column->stage_id == stage_id)
        return column->box;
    }
  return NULL;
}

/* The list of a board column, or of the list mode for @stage_id −1, for tests. */
JxDealList *
jx_deals_view_get_list (JxDealsView *self,
                        gint64       stage_id)
{
  g_return_val_if_fail (JX_IS_DEALS_VIEW (self), NULL);

  if (stage_id < 0)
    return self->list;
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      BoardColumn *column = self->columns->pdata[i];

      if (column->stage_id == stage_id)
        return column->list;
    }
  return NULL;
}

/* Whether any of the view's lists is still loading, for tests and the spinner. */
gboolean
jx_deals_view_is_loading (JxDealsView *self)
{
  g_return_val_if_fail (JX_IS_DEALS_VIEW (self), FALSE);

  if (g_str_equal (self->mode, "list"))
    return self->list != NULL && jx_deal_list_get_loading (self->list);
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    if (jx_deal_list_get_loading (((BoardColumn *) self->columns->pdata[i])->list))
      return TRUE;
  return FALSE;
}

/* Summary ------------------------------------------------------------------------------- */

/* Whether the database holds any deal; read once until the deals change. */
static gboolean
has_deals (JxDealsView *self)
{
  if (self->has_deals < 0 && self->store != NULL)
    {
      sqlite3_stmt *stmt = jx_store_prepare (self->store, "SELECT EXISTS (SELECT 1 FROM deals)",
                                             NULL);

      self->has_deals = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
                        sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);
    }
  return self->has_deals > 0;
}

/* An empty list says why: nothing matches the search and filters, or a new database has no
 * deals yet. */
static void
update_empty_page (JxDealsView *self)
{
  if (has_deals (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Deals Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("No deal matches the search and the filters. Try "
                                         "other words, or clear the filters."));
      gtk_button_set_label (self->empty_button, _("Clear Search and Filters"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                      "deals.clear-filters");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Deals Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the first deal with New Deal, or import deals "
                                         "from a CSV file."));
      gtk_button_set_label (self->empty_button, _("_Import…"));
      gtk_button_set_use_underline (self->empty_button, TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.import");
    }
}

static void
update_summary (JxDealsView *self)
{
  gboolean loading = jx_deals_view_is_loading (self);
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  guint n = 0;
  gint64 total = 0;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (g_str_equal (self->mode, "list"))
    {
      if (self->list != NULL)
        {
          n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
          total = jx_deal_list_get_amount_total (self->list);
          if (!loading)
            gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "rows" : "empty");
          if (!loading && n == 0)
            update_empty_page (self);
        }
    }
  else
    for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
      {
        BoardColumn *column = self->columns->pdata[i];

        n += g_list_model_get_n_items (G_LIST_MODEL (column->list));
        total += jx_deal_list_get_amount_total (column->list);
      }

  {
    g_autofree char *count = jx_number_format (n);
    g_autofree char *amount = jx_money_format_compact (total, self->currency);

    /* Translators: the deals view's summary: a number of deals, then their total amount. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal · %s", "%s deals · %s", n),
                            count, amount);
    full = jx_money_format (total, self->currency);
  }
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), full);
}

static void
on_list_changed_cb (JxDealsView *self)
{
  update_summary (self);
}

/* Lists, made when the view is first shown ---------------------------------------------- */

static void
ensure_lists (JxDealsView *self)
{
  GDate today;

  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  get_today (self, &today);
  if (g_str_equal (self->mode, "list") && self->list == NULL)
    {
      self->list = jx_deal_list_new_threaded (self->store, &today);
      g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (on_list_changed_cb),
                                self);
      g_signal_connect_swapped (self->list, "notify::n-items", G_CALLBACK (on_list_changed_cb),
                                self);
      self->selection = jx_deal_selection_new (self->list);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      apply_sort (self);
      apply_filters (self);
    }
  if (g_str_equal (self->mode, "board") && self->columns == NULL)
    build_board (self);
  update_paused (self);
  update_summary (self);
}

static void
drop_lists (JxDealsView *self)
{
  gtk_column_view_set_model (self->column_view, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  clear_board (self);
}

/* The open stages, for moves and the board's columns. */
static void
load_stages (JxDealsView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->stages);
  if (self->store == NULL)
    return;
  self->stages = jx_stages_list_open (self->store, &error);
  if (self->stages == NULL)
    g_warning ("Could not read the stages: %s", error->message);
}

static void
ensure_stages (JxDealsView *self)
{
  if (self->stages == NULL)
    load_stages (self);
}

static void
on_store_changed_cb (JxDealsView *self,
                     guint        tables)
{
  if (tables & JX_TABLE_SETTINGS)
    {
      g_free (self->currency);
      self->currency = jx_store_get_setting (self->store, "currency");
    }
  if (tables & JX_TABLE_DEALS)
    self->has_deals = -1;
  if (tables & (JX_TABLE_STAGES | JX_TABLE_DEALS | JX_TABLE_STAGE_EVENTS))
    {
      /* Names and order follow the stages editor; the stages are read again when next
       * needed. */
      g_clear_object (&self->stages);
      /* Thresholds change with the stages editor; history moves them too little to read
       * them again after every move. */
      if (self->columns != NULL && (tables & JX_TABLE_STAGES))
        build_board (self);
    }
}

static void
set_store (JxDealsView *self,
           JxStore     *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  drop_lists (self);
  self->choices_ready = FALSE;
  gtk_drop_down_set_model (self->stage_dropdown, NULL);
  gtk_drop_down_set_model (self->owner_dropdown, NULL);
  gtk_drop_down_set_model (self->region_dropdown, NULL);
  gtk_drop_down_set_model (self->line_dropdown, NULL);
  g_clear_object (&self->stage_choices);
  g_clear_object (&self->owner_choices);
  g_clear_object (&self->region_choices);
  g_clear_object (&self->line_choices);
  g_set_object (&self->store, store);
  self->has_deals = -1;
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->stages);
  if (store == NULL)
    return;

  self->currency = jx_store_get_setting (store, "currency");
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (on_store_changed_cb), self);
  {
    g_autoptr(JxNameList) stages = jx_name_list_new (store, JX_TABLE_STAGES);
    g_autoptr(JxNameList) owners = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
    g_autoptr(JxNameList) regions = jx_name_list_new (store, JX_TABLE_REGIONS);
    g_autoptr(JxNameList) lines = jx_name_list_new (store, JX_TABLE_PRODUCT_LINES);

    self->stage_choices = jx_name_choices_new (_("All Stages"), G_LIST_MODEL (stages));
    self->owner_choices = jx_name_choices_new (_("All Owners"), G_LIST_MODEL (owners));
    self->region_choices = jx_name_choices_new (_("All Regions"), G_LIST_MODEL (regions));
    self->line_choices = jx_name_choices_new (_("All Product Lines"), G_LIST_MODEL (lines));
  }
  setup_dropdown (self->stage_dropdown, self->stage_choices);
  setup_dropdown (self->owner_dropdown, self->owner_choices);
  setup_dropdown (self->region_dropdown, self->region_choices);
  setup_dropdown (self->line_dropdown, self->line_choices);
  self->choices_ready = TRUE;
  ensure_lists (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_DEALS_VIEW (view), store);
}

static void
set_mode (JxDealsView *self,
          const char  *mode)
{
  if (!g_str_equal (mode, "list") && !g_str_equal (mode, "board"))
    return;
  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  g_free (self->mode);
  self->mode = g_strdup (mode);
  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  /* Status and stage mean nothing on the board, which shows the open deals by stage. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), g_str_equal (mode, "list"));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_dropdown), g_str_equal (mode, "list"));
  ensure_lists (self);
  update_paused (self);
  apply_filters (self);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/* GObject and GtkWidget ------------------------------------------------------------------ */

/* A hidden view, or the hidden mode, lets its lists miss changes and catches up when
 * shown again: at a million deals each reload costs a second of a processor. */
static void
update_paused (JxDealsView *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean board = g_str_equal (self->mode, "board");

  if (self->list != NULL)
    jx_deal_list_set_paused (self->list, !mapped || board);
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    jx_deal_list_set_paused (((BoardColumn *) self->columns->pdata[i])->list, !mapped || !board);
}

static void
jx_deals_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jx_deals_view_parent_class)->map (widget);
  ensure_lists (JX_DEALS_VIEW (widget));
}

static void
jx_deals_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jx_deals_view_parent_class)->unmap (widget);
  update_paused (JX_DEALS_VIEW (widget));
}

static void
jx_deals_view_dispose (GObject *object)
{
  JxDealsView *self = JX_DEALS_VIEW (object);

  jx_view_set_context (JX_VIEW (self), NULL);
  /* A row menu still open is a child of the view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)), *next; child != NULL;
       child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (GTK_IS_POPOVER (child))
        gtk_widget_unparent (child);
    }
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sorter_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_DEALS_VIEW);
  G_OBJECT_CLASS (jx_deals_view_parent_class)->dispose (object);
}

static void
jx_deals_view_finalize (GObject *object)
{
  JxDealsView *self = JX_DEALS_VIEW (object);

  g_clear_pointer (&self->sort_columns, g_ptr_array_unref);
  g_free (self->mode);
  g_free (self->currency);
  G_OBJECT_CLASS (jx_deals_view_parent_class)->finalize (object);
}

static void
jx_deals_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JxDealsView *self = JX_DEALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deals_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JxDealsView *self = JX_DEALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      set_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deals_view_class_init (JxDealsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const deal_actions[] = {
    "deals.open", "deals.next-stage", "deals.previous-stage", "deals.mark-won",
    "deals.mark-lost", "deals.reopen",
  };
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_deals_view_dispose;
  object_class->finalize = jx_deals_view_finalize;
  object_class->get_property = jx_deals_view_get_property;
  object_class->set_property = jx_deals_view_set_property;
  widget_class->map = jx_deals_view_map;
  widget_class->unmap = jx_deals_view_unmap;

  /* "list" or "board". */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "list",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-deals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, board_stack);
  gtk_widget_class_bind_template_child (widget_class, JxDealsView, board_box);

  gtk_widget_class_install_property_action (widget_class, "deals.mode", "mode");
  for (guint i = 0; i < G_N_ELEMENTS (deal_actions); i++)
    gtk_widget_class_install_action (widget_class, deal_actions[i], "x", deal_action_activate);
  /* The same on the focused card or the selected row, for shortcuts. */
  gtk_widget_class_install_action (widget_class, "deals.open-current", NULL,
                                   deal_action_activate);
  gtk_widget_class_install_action (widget_class, "deals.next-stage-current", NULL,
                                   deal_action_activate);
  gtk_widget_class_install_action (widget_class, "deals.previous-stage-current", NULL,
                                   deal_action_activate);
  gtk_widget_class_install_action (widget_class, "deals.mark-won-current", NULL,
                                   deal_action_activate);
  gtk_widget_class_install_action (widget_class, "deals.mark-lost-current", NULL,
                                   deal_action_activate);
  gtk_widget_class_install_action (widget_class, "deals.move-to", "(xx)", move_to_activate);
  gtk_widget_class_install_action (widget_class, "deals.new", NULL, new_deal_activate);
  gtk_widget_class_install_action (widget_class, "deals.clear-filters", NULL,
                                   clear_filters_activate);
  gtk_widget_class_install_action (widget_class, "deals.focus-search", NULL,
                                   focus_search_activate);
  gtk_widget_class_install_action (widget_class, "deals.context-menu", NULL,
                                   context_menu_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "deals.next-stage-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "deals.previous-stage-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_ALT_MASK,
                                       "deals.mark-won-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_ALT_MASK,
                                       "deals.mark-lost-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "deals.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "deals.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "deals.context-menu", NULL);
}

static void
jx_deals_view_init (JxDealsView *self)
{
  const char *statuses[] = {
    _("Open Deals"), _("Won Deals"), _("Lost Deals"), _("All Deals"), NULL,
  };
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (statuses);

  self->mode = g_strdup ("list");
  self->has_deals = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_model));
  setup_columns (self);
  gtk_column_view_sort_by_column (self->column_view,
                                  self->sort_columns->pdata[JX_DEAL_SORT_EXPECTED_CLOSE],
                                  GTK_SORT_ASCENDING);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_row_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->stage_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->region_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->line_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  gtk_widget_set_visible (self->clear_button, FALSE);
  update_summary (self);
}
