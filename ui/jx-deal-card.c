/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-deal-card.h"

/*
 * One deal on the pipeline board: title, customer, amount and days in the stage. The
 * board's list views recycle cards as they scroll, so a card only shows the deal it is
 * given. It can be dragged (the content is the deal's id as a gint64) and has a context
 * menu, whose items its owner supplies through JxDealCard::menu.
 */

struct _JxDealCard {
  GtkWidget      parent_instance;

  GtkWidget     *title_label;
  GtkWidget     *customer_label;
  GtkWidget     *amount_label;
  GtkWidget     *days_label;
  GtkDragSource *drag_source;
  GtkWidget     *popover;

  JxDeal        *deal;
};

G_DEFINE_FINAL_TYPE (JxDealCard, jx_deal_card, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    JxDealCard    *self)
{
  g_autoptr(GdkPaintable) icon = NULL;

  if (self->deal == NULL)
    return NULL;
  icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_INT64, jx_deal_get_id (self->deal));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  JxDealCard    *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource *source,
                GdkDrag       *drag,
                gboolean       delete_data,
                JxDealCard    *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
unparent_popover_cb (gpointer data)
{
  GtkWidget *popover = data;

  /* The card may have gone, and taken its children with it, in the meantime. */
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
on_popover_closed_cb (JxDealCard *self)
{
  /* Unparent later: the popover is still finishing its own signal handler. */
  GtkWidget *popover = g_steal_pointer (&self->popover);

  if (popover != NULL)
    g_idle_add_once (unparent_popover_cb, g_object_ref (popover));
}

static void
popup_at (JxDealCard *self,
          double      x,
          double      y)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (self->deal == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_MENU], 0, self->deal, &menu);
  if (menu == NULL)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), x < 0);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         JxDealCard      *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (self, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    JxDealCard          *self)
{
  popup_at (self, x, y);
}

/* Shows the context menu under the card, as Shift+F10 or the Menu key do. */
void
jx_deal_card_popup_menu (JxDealCard *self)
{
  g_return_if_fail (JX_IS_DEAL_CARD (self));

  popup_at (self, -1, -1);
}

static void
jx_deal_card_dispose (GObject *object)
{
  JxDealCard *self = JX_DEAL_CARD (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->popover, on_popover_closed_cb, self);
      gtk_widget_unparent (g_steal_pointer (&self->popover));
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->deal);
  G_OBJECT_CLASS (jx_deal_card_parent_class)->dispose (object);
}

static void
jx_deal_card_class_init (JxDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_deal_card_dispose;

  /**
   * JxDealCard::menu:
   * @deal: the deal the card shows
   *
   * Asks for the context menu's items for @deal.
   *
   * Returns: (transfer full) (nullable): the menu
   */
  signals[SIGNAL_MENU] =
    g_signal_new ("menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_MENU_MODEL, 1, JX_TYPE_DEAL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dealcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
add_label (JxDealCard *self,
           GtkWidget  *parent,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (parent == GTK_WIDGET (self))
    gtk_widget_set_parent (label, parent);
  else
    gtk_box_append (GTK_BOX (parent), label);
  return label;
}

static void
jx_deal_card_init (JxDealCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *footer;
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->title_label = add_label (self, GTK_WIDGET (self), "deal-title");
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->title_label), 2);
  self->customer_label = add_label (self, GTK_WIDGET (self), "deal-customer");
  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_parent (footer, GTK_WIDGET (self));
  self->amount_label = add_label (self, footer, "deal-amount");
  gtk_widget_set_hexpand (self->amount_label, TRUE);
  self->days_label = add_label (self, footer, "deal-days");
  gtk_label_set_ellipsize (GTK_LABEL (self->days_label), PANGO_ELLIPSIZE_NONE);

  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  g_signal_connect (self->drag_source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (self->drag_source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
jx_deal_card_new (void)
{
  return g_object_new (JX_TYPE_DEAL_CARD, NULL);
}

/* Shows @deal; its days in the stage are marked when they pass @stalled_days (0: never). */
void
jx_deal_card_set_deal (JxDealCard *self,
                       JxDeal     *deal,
                       int         stalled_days)
{
  g_return_if_fail (JX_IS_DEAL_CARD (self));

  g_set_object (&self->deal, deal);
  if (deal == NULL)
    return;

  {
    const char *customer = jx_deal_get_customer (deal);
    int days = jx_deal_get_days_in_stage (deal);
    gboolean stalled = stalled_days > 0 && days > stalled_days;
    g_autofree char *days_text = NULL;

    gtk_label_set_text (GTK_LABEL (self->title_label), jx_deal_get_title (deal));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    jx_deal_get_title (deal), -1);
    gtk_widget_set_tooltip_text (self->title_label, jx_deal_get_title (deal));
    gtk_label_set_text (GTK_LABEL (self->customer_label), customer != NULL ? customer : "");
    gtk_widget_set_visible (self->customer_label, customer != NULL && customer[0] != '\0');
    gtk_label_set_text (GTK_LABEL (self->amount_label),
                        jx_deal_get_amount (deal) >= 0 ? jx_deal_get_amount_text (deal)
                                                       : C_("amount", "No amount"));
    if (days >= 0)
      /* Translators: days a deal has been in its stage, on a board card. */
      days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days),
                                   days);
    gtk_label_set_text (GTK_LABEL (self->days_label), days_text != NULL ? days_text : "");
    if (stalled)
      {
        g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Stalled: longer than %d day "
                                                             "in this stage",
                                                             "Stalled: longer than %d days "
                                                             "in this stage",
                                                             stalled_days),
                                                stalled_days);
        gtk_widget_add_css_class (self->days_label, "stalled");
        gtk_widget_set_tooltip_text (self->days_label, tip);
      }
    else
      {
        gtk_widget_remove_css_class (self->days_label, "stalled");
        gtk_widget_set_tooltip_text (self->days_label, NULL);
      }
  }
}

JxDeal *
jx_deal_card_get_deal (JxDealCard *self)
{
  g_return_val_if_fail (JX_IS_DEAL_CARD (self), NULL);

  return self->deal;
}

GtkDragSource *
jx_deal_card_get_drag_source (JxDealCard *self)
{
  g_return_val_if_fail (JX_IS_DEAL_CARD (self), NULL);

  return self->drag_source;
}
