/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-tier-card.h"

/*
 * One customer on the tier board: the name, the last 12 months' won revenue, an arrow for
 * the trend against the 12 months before, and a badge when a churn-risk rule holds. The
 * board's columns are virtual lists, so a card is reused for whichever customer scrolls
 * into view; it follows its JxCustomer, which the customer base updates in place.
 */

struct _JxTierCard {
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  GtkLabel   *name_label;
  GtkLabel   *risk_badge;
  GtkLabel   *revenue_label;
  GtkImage   *trend_image;
  GtkLabel   *change_label;

  JxCustomer *customer;
  gulong      notify_id;
};

G_DEFINE_FINAL_TYPE (JxTierCard, jx_tier_card, GTK_TYPE_WIDGET)

static void
update (JxTierCard *self)
{
  JxCustomer *c = self->customer;
  g_autofree char *change = NULL;
  const char *icon = NULL;
  const char *trend_class = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_image), "trend-up");
  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_image), "trend-down");
  gtk_widget_remove_css_class (GTK_WIDGET (self->trend_image), "trend-new");
  if (c == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->revenue_label, "");
      gtk_label_set_text (self->change_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->risk_badge), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->trend_image), FALSE);
      return;
    }

  gtk_label_set_text (self->name_label, jx_customer_get_name (c));
  {
    g_autofree char *revenue = NULL;

    g_object_get (c, "revenue-text", &revenue, "change-text", &change, NULL);
    gtk_label_set_text (self->revenue_label, revenue);
  }
  switch (jx_customer_get_trend (c))
    {
    case JX_CUSTOMER_TREND_UP:
      icon = "go-up-symbolic";
      trend_class = "trend-up";
      break;
    case JX_CUSTOMER_TREND_DOWN:
      icon = "go-down-symbolic";
      trend_class = "trend-down";
      break;
    case JX_CUSTOMER_TREND_FLAT:
      icon = "go-next-symbolic";
      break;
    case JX_CUSTOMER_TREND_NEW:
      icon = "starred-symbolic";
      trend_class = "trend-new";
      break;
    case JX_CUSTOMER_TREND_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trend_image), icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->trend_image, icon);
  if (trend_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->trend_image), trend_class);
  gtk_label_set_text (self->change_label, jx_customer_get_trend (c) == JX_CUSTOMER_TREND_NONE
                                          ? "" : change);

  gtk_widget_set_visible (GTK_WIDGET (self->risk_badge), jx_customer_get_at_risk (c));
}

/* The tooltip: the name, and why the customer is at risk. */
static char *
tooltip_text (JxTierCard *self)
{
  JxCustomer *c = self->customer;

  if (c == NULL)
    return NULL;
  if (jx_customer_get_at_risk (c))
    /* Translators: a card's tooltip; %1$s is the customer, %2$s why it is at risk. */
    return g_strdup_printf (_("%1$s\nAt risk: %2$s"), jx_customer_get_name (c),
                            jx_customer_get_risk_text (c));
  return g_strdup (jx_customer_get_name (c));
}

/* The tooltip is made when the pointer rests on the card rather than kept up to date: in GTK
 * 4.8 setting a widget's tooltip text asks the X server where the pointer is, a round trip
 * per card that made filling the five columns take half a second and every drop 40 ms. */
static gboolean
on_query_tooltip_cb (JxTierCard *self,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  g_autofree char *text = tooltip_text (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The text the card's tooltip shows, %NULL for an empty card. */
char *
jx_tier_card_dup_tooltip_text (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), NULL);

  return tooltip_text (self);
}

static void
on_customer_notify_cb (JxTierCard *self)
{
  update (self);
}

GtkWidget *
jx_tier_card_new (void)
{
  return g_object_new (JX_TYPE_TIER_CARD, NULL);
}

JxCustomer *
jx_tier_card_get_customer (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), NULL);

  return self->customer;
}

void
jx_tier_card_set_customer (JxTierCard *self,
                           JxCustomer *customer)
{
  g_return_if_fail (JX_IS_TIER_CARD (self));

  if (self->customer == customer)
    return;
  if (self->customer != NULL)
    g_clear_signal_handler (&self->notify_id, self->customer);
  g_set_object (&self->customer, customer);
  if (customer != NULL)
    self->notify_id = g_signal_connect_swapped (customer, "notify",
                                                G_CALLBACK (on_customer_notify_cb), self);
  update (self);
}

gint64
jx_tier_card_get_customer_id (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), 0);

  return self->customer != NULL ? jx_customer_get_id (self->customer) : 0;
}

const char *
jx_tier_card_get_name_text (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), NULL);

  return gtk_label_get_text (self->name_label);
}

const char *
jx_tier_card_get_revenue_text (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), NULL);

  return gtk_label_get_text (self->revenue_label);
}

gboolean
jx_tier_card_get_risk_visible (JxTierCard *self)
{
  g_return_val_if_fail (JX_IS_TIER_CARD (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->risk_badge));
}

static void
jx_tier_card_dispose (GObject *object)
{
  JxTierCard *self = JX_TIER_CARD (object);

  jx_tier_card_set_customer (self, NULL);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  G_OBJECT_CLASS (jx_tier_card_parent_class)->dispose (object);
}

static void
jx_tier_card_class_init (JxTierCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_tier_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tiercard");
}

static void
jx_tier_card_init (JxTierCard *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *trend_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  self->grid = GTK_WIDGET (grid);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_grid_set_column_spacing (grid, 6);
  gtk_grid_set_row_spacing (grid, 2);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->name_label, 10);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "card-name");
  gtk_grid_attach (grid, GTK_WIDGET (self->name_label), 0, 0, 1, 1);

  /* Translators: a badge on a customer card: a churn-risk rule holds. */
  self->risk_badge = GTK_LABEL (gtk_label_new (_("At risk")));
  gtk_widget_add_css_class (GTK_WIDGET (self->risk_badge), "risk-badge");
  gtk_widget_set_valign (GTK_WIDGET (self->risk_badge), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->risk_badge), FALSE);
  gtk_grid_attach (grid, GTK_WIDGET (self->risk_badge), 1, 0, 1, 1);

  self->revenue_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->revenue_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->revenue_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->revenue_label), "card-revenue");
  gtk_grid_attach (grid, GTK_WIDGET (self->revenue_label), 0, 1, 1, 1);

  self->trend_image = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->trend_image, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->trend_image), "trend");
  self->change_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->change_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "caption");
  gtk_widget_set_halign (trend_box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (trend_box), GTK_WIDGET (self->trend_image));
  gtk_box_append (GTK_BOX (trend_box), GTK_WIDGET (self->change_label));
  gtk_grid_attach (grid, trend_box, 1, 1, 1, 1);
}
