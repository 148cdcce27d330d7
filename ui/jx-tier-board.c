/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <time.h>
#include <glib/gi18n.h>

#include "jx-tier-board.h"
#include "jx-ui.h"

/*
 * The tier board: one column per tier (Key, Growth, Maintain, Defend, Unassigned), each a
 * virtual list of cards over the shared JxCustomerBase. Customers move by dragging cards —
 * one, or the selected cards of a column — onto another column, or with "Move to Tier"
 * (the menu button, a card's context menu, Ctrl+1 … Ctrl+5) on the selection. Each move is
 * one labelled transaction, so one undo step, and a toast offers to undo it.
 *
 * Selection lives in one column at a time: selecting in a column clears the others, so
 * "the selection" always means cards that share a tier.
 */

struct _JxTierBoard {
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *selection_label;
  GtkWidget      *columns_box;
  JxTierColumn   *columns[JX_N_TIERS];   /* by JxTier */
  GMenuModel     *menu_model;

  JxCustomerBase *base;
  JxCustomerBase *built;                 /* the base the columns show (not a reference) */
  JxTierColumn   *active;
  gboolean        clearing;
  double          last_move_ms;
  double          ready_ms;
};

G_DEFINE_FINAL_TYPE (JxTierBoard, jx_tier_board, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void build_columns (JxTierBoard *self);

/* Processor time of the calling thread in ms: the debug figures next to wall time, which a
 * busy machine inflates. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
update_actions (JxTierBoard *self)
{
  g_autoptr(GArray) ids = NULL;

  ids = self->active != NULL ? jx_tier_column_dup_selected_ids (self->active) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-to", ids != NULL && ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.open-customer",
                                 ids != NULL && ids->len == 1);
  if (ids != NULL && ids->len > 0)
    {
      g_autofree char *count = jx_number_format (ids->len);
      /* Translators: on the tier board's toolbar; %s is a number of customers. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s selected",
                                                            "%s selected", ids->len), count);

      gtk_label_set_text (self->selection_label, text);
    }
  else
    gtk_label_set_text (self->selection_label, "");
}

static void
on_column_selection_changed_cb (JxTierColumn *column,
                                JxTierBoard  *self)
{
  g_autoptr(GArray) ids = NULL;

  if (self->clearing)
    return;
  ids = jx_tier_column_dup_selected_ids (column);
  if (ids->len > 0 && self->active != column)
    {
      self->clearing = TRUE;
      for (guint t = 0; t < JX_N_TIERS; t++)
        if (self->columns[t] != column)
          jx_tier_column_unselect_all (self->columns[t]);
      self->clearing = FALSE;
      self->active = column;
    }
  update_actions (self);
}

/**
 * jx_tier_board_move_customers:
 * @self: the board
 * @ids: (array length=n_ids): customers to move
 * @n_ids: their number
 * @to: the tier they go to
 *
 * Moves the customers by hand, as one undo step recorded in the tier history with the
 * context's day, and says so in a toast with an Undo button. Customers already in @to are
 * left alone. The moved cards end up selected in their new column.
 *
 * Returns: how many customers changed tier
 */
guint
jx_tier_board_move_customers (JxTierBoard  *self,
                              const gint64 *ids,
                              guint         n_ids,
                              JxTier        to)
{
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (JxTierMove));
  g_autoptr(GError) error = NULL;
  gint64 started;
  double cpu;
  guint moved = 0;

  g_return_val_if_fail (JX_IS_TIER_BOARD (self), 0);
  g_return_val_if_fail (to < JX_N_TIERS, 0);

  if (self->base == NULL)
    return 0;
  if (self->built != self->base)
    build_columns (self);
  for (guint i = 0; i < n_ids; i++)
    {
      guint row;
      JxTierMove move = { ids[i], to };

      if (jx_customer_base_lookup (self->base, ids[i], &row) &&
          jx_customer_base_get_row (self->base, row)->tier != to)
        g_array_append_val (moves, move);
    }
  if (moves->len == 0)
    return 0;

  started = g_get_monotonic_time ();
  cpu = thread_cpu_ms ();
  if (!jx_customer_base_move (self->base, (const JxTierMove *) moves->data, moves->len,
                              JX_TIER_SOURCE_MANUAL, &moved, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return 0;
    }
  self->last_move_ms = (g_get_monotonic_time () - started) / 1000.0;
  g_debug ("Moved %u customers to %s in %.2f ms, %.2f ms of processor time (the commit, "
           "every view following the store, both columns)", moved, jx_tier_to_string (to),
           self->last_move_ms, thread_cpu_ms () - cpu);

  /* The moved cards stay in view, selected, so the next move or Undo is one key away. */
  self->clearing = TRUE;
  for (guint t = 0; t < JX_N_TIERS; t++)
    if (t != to)
      jx_tier_column_unselect_all (self->columns[t]);
  self->clearing = FALSE;
  self->active = self->columns[to];
  if (moves->len <= 500)
    {
      g_autoptr(GArray) moved_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < moves->len; i++)
        g_array_append_val (moved_ids, g_array_index (moves, JxTierMove, i).customer_id);
      jx_tier_column_select_ids (self->columns[to], (const gint64 *) moved_ids->data,
                                 moved_ids->len);
    }
  update_actions (self);

  if (moved > 0)
    {
      g_autofree char *message = NULL;

      if (moved == 1)
        {
          guint row;
          const char *name = "";

          if (jx_customer_base_lookup (self->base, g_array_index (moves, JxTierMove, 0).customer_id,
                                       &row))
            name = jx_customer_base_get_row (self->base, row)->name;
          /* Translators: a toast; %1$s is a customer, %2$s a tier ("Key"). */
          message = g_strdup_printf (_("Moved “%1$s” to %2$s"), name, jx_tier_get_label (to));
        }
      else
        {
          g_autofree char *count = jx_number_format (moved);

          /* Translators: a toast; %1$s is a number of customers, %2$s a tier ("Key"). */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Moved %1$s customer to %2$s",
                                                  "Moved %1$s customers to %2$s", moved),
                                     count, jx_tier_get_label (to));
        }
      jx_ui_add_undo_toast (GTK_WIDGET (self), message);
    }
  return moved;
}

static gboolean
on_customers_dropped_cb (JxTierColumn *column,
                         GArray       *ids,
                         JxTierBoard  *self)
{
  return jx_tier_board_move_customers (self, (const gint64 *) ids->data, ids->len,
                                       jx_tier_column_get_tier (column)) > 0;
}

static void
on_customer_activated_cb (JxTierColumn *column,
                          gint64        customer_id,
                          JxTierBoard  *self)
{
  g_signal_emit (self, signals[SIGNAL_CUSTOMER_ACTIVATED], 0, customer_id);
}

static void
move_to_activate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JxTierBoard *self = JX_TIER_BOARD (widget);
  int tier = g_variant_get_int32 (parameter);
  g_autoptr(GArray) ids = NULL;

  if (self->active == NULL || tier < 0 || tier >= JX_N_TIERS)
    return;
  ids = jx_tier_column_dup_selected_ids (self->active);
  jx_tier_board_move_customers (self, (const gint64 *) ids->data, ids->len, (JxTier) tier);
}

static void
open_customer_activate (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JxTierBoard *self = JX_TIER_BOARD (widget);
  g_autoptr(GArray) ids = NULL;

  if (self->active == NULL)
    return;
  ids = jx_tier_column_dup_selected_ids (self->active);
  if (ids->len > 0)
    g_signal_emit (self, signals[SIGNAL_CUSTOMER_ACTIVATED], 0, g_array_index (ids, gint64, 0));
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  const JxTier *order = jx_tier_board_order ();

  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      g_autofree char *accel = g_strdup_printf ("<Primary>%u", k + 1);
      /* Translators: a menu item; %s is a tier ("Key"). */
      g_autofree char *label = g_strdup_printf (_("Move to %s"), jx_tier_get_label (order[k]));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "board.move-to",
                                               g_variant_new_int32 (order[k]));
      g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (moves, item);
    }
  g_menu_append (open, _("_Open Customer"), "board.open-customer");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  return G_MENU_MODEL (menu);
}

/* Public API */

GtkWidget *
jx_tier_board_new (void)
{
  return g_object_new (JX_TYPE_TIER_BOARD, NULL);
}

/* Makes the five columns' models. Each GtkListView keeps a couple of hundred cards around
 * its anchor, so this is done when the board is first shown rather than when the customers
 * load behind the list. */
static void
build_columns (JxTierBoard *self)
{
  gint64 started = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();

  self->built = self->base;
  self->active = NULL;
  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      g_autoptr(JxCustomerList) list = self->base != NULL
                                       ? jx_customer_list_new_for_tier (self->base, t) : NULL;

      jx_tier_column_set_list (self->columns[t], list);
    }
  self->ready_ms = (g_get_monotonic_time () - started) / 1000.0;
  g_debug ("Tier board columns ready in %.0f ms, %.0f ms of processor time", self->ready_ms,
           thread_cpu_ms () - cpu);
  update_actions (self);
}

/* Shows the customers of @base (shared with the list and the suggestions), or nothing. */
void
jx_tier_board_set_base (JxTierBoard    *self,
                        JxCustomerBase *base)
{
  g_return_if_fail (JX_IS_TIER_BOARD (self));

  if (self->base == base)
    return;
  g_set_object (&self->base, base);
  if (base == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_columns (self);
}

/* How long making the columns' models and cards took when the board was last filled. */
double
jx_tier_board_get_ready_ms (JxTierBoard *self)
{
  g_return_val_if_fail (JX_IS_TIER_BOARD (self), 0);

  return self->ready_ms;
}

static void
jx_tier_board_map (GtkWidget *widget)
{
  JxTierBoard *self = JX_TIER_BOARD (widget);

  GTK_WIDGET_CLASS (jx_tier_board_parent_class)->map (widget);
  if (self->built != self->base)
    build_columns (self);
}

JxTierColumn *
jx_tier_board_get_column (JxTierBoard *self,
                          JxTier       tier)
{
  g_return_val_if_fail (JX_IS_TIER_BOARD (self), NULL);
  g_return_val_if_fail (tier < JX_N_TIERS, NULL);

  return self->columns[tier];
}

/* The column whose cards are selected (the one "Move to Tier" acts on), or %NULL. */
JxTierColumn *
jx_tier_board_get_active_column (JxTierBoard *self)
{
  g_return_val_if_fail (JX_IS_TIER_BOARD (self), NULL);

  return self->active;
}

/* How long the last move took, from the start of the commit until both columns showed it. */
double
jx_tier_board_get_last_move_ms (JxTierBoard *self)
{
  g_return_val_if_fail (JX_IS_TIER_BOARD (self), 0);

  return self->last_move_ms;
}

/* GObject */

static void
jx_tier_board_dispose (GObject *object)
{
  JxTierBoard *self = JX_TIER_BOARD (object);

  if (self->box != NULL)
    jx_tier_board_set_base (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->menu_model);
  G_OBJECT_CLASS (jx_tier_board_parent_class)->dispose (object);
}

static void
jx_tier_board_class_init (JxTierBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const JxTier *order = jx_tier_board_order ();

  object_class->dispose = jx_tier_board_dispose;
  widget_class->map = jx_tier_board_map;

  signals[SIGNAL_CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tierboard");

  gtk_widget_class_install_action (widget_class, "board.move-to", "i", move_to_activate);
  gtk_widget_class_install_action (widget_class, "board.open-customer", NULL,
                                   open_customer_activate);
  for (guint k = 0; k < JX_N_TIERS; k++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + k, GDK_CONTROL_MASK,
                                         "board.move-to", "i", (gint32) order[k]);
}

static void
jx_tier_board_init (JxTierBoard *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *hint = gtk_label_new (_("Drag cards to another column, or select them and press "
                                     "Ctrl+1 … Ctrl+5. Double-click a card to open the customer."));
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  const JxTier *order = jx_tier_board_order ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->menu_model = build_menu ();

  gtk_widget_add_css_class (toolbar, "board-toolbar");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  self->selection_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->selection_label), "numeric");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("Move to Tier"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), self->menu_model);
  gtk_widget_set_tooltip_text (menu_button, _("Move the selected customers to another tier"));
  gtk_box_append (GTK_BOX (toolbar), hint);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->selection_label));
  gtk_box_append (GTK_BOX (toolbar), menu_button);
  gtk_box_append (GTK_BOX (self->box), toolbar);

  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->columns_box), TRUE);
  gtk_widget_add_css_class (self->columns_box, "tier-columns");
  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      JxTier tier = order[k];

      self->columns[tier] = JX_TIER_COLUMN (jx_tier_column_new (tier));
      jx_tier_column_set_menu_model (self->columns[tier], self->menu_model);
      g_signal_connect (self->columns[tier], "selection-changed",
                        G_CALLBACK (on_column_selection_changed_cb), self);
      g_signal_connect (self->columns[tier], "customers-dropped",
                        G_CALLBACK (on_customers_dropped_cb), self);
      g_signal_connect (self->columns[tier], "customer-activated",
                        G_CALLBACK (on_customer_activated_cb), self);
      gtk_box_append (GTK_BOX (self->columns_box), GTK_WIDGET (self->columns[tier]));
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->columns_box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  update_actions (self);
}
