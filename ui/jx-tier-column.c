/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-tier-column.h"

/*
 * One column of the tier board: a header with the tier's name, how many customers it holds
 * and their revenue, over a GtkListView of cards. The list is virtual: a column of 37,000
 * customers makes cards only for the rows on screen, and a drop moves single rows of the
 * JxCustomerList instead of rebuilding it.
 *
 * Cards are drag sources; the column is the drop target. What is dragged is a GArray of
 * customer ids (G_TYPE_ARRAY, so only drags from inside Jingxi are accepted): the cards
 * selected in the column when the dragged card is one of them, else that card alone. The
 * list view selects on button press, so the selection is noted just before a press reaches
 * it, and a drag started from a selected card carries the whole selection.
 */

struct _JxTierColumn {
  GtkWidget          parent_instance;

  JxTier             tier;
  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkLabel          *count_label;
  GtkLabel          *total_label;
  GtkListView       *list_view;
  GtkWidget         *empty_label;
  GtkDropTarget     *drop_target;
  GtkWidget         *popover;
  GMenuModel        *menu_model;

  JxCustomerList    *list;
  GtkMultiSelection *selection;
  gulong             n_items_id;
  gulong             total_id;
  GArray            *press_ids;     /* the selection when the last press began */
  double             drag_x;
  double             drag_y;
};

G_DEFINE_FINAL_TYPE (JxTierColumn, jx_tier_column, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CUSTOMERS_DROPPED,
  SIGNAL_CUSTOMER_ACTIVATED,
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tier_css_class (JxTier tier)
{
  switch (tier)
    {
    case JX_TIER_KEY:
      return "tier-key";
    case JX_TIER_GROWTH:
      return "tier-growth";
    case JX_TIER_MAINTAIN:
      return "tier-maintain";
    case JX_TIER_DEFEND:
      return "tier-defend";
    case JX_TIER_NONE:
    default:
      return "tier-none";
    }
}

static void
update_header (JxTierColumn *self)
{
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *total_text = NULL;
  guint n = 0;

  if (self->list != NULL)
    {
      JxCustomerBase *base = jx_customer_list_get_base (self->list);

      n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
      total = jx_money_format_compact (jx_customer_list_get_revenue_total (self->list),
                                       jx_customer_base_get_currency (base));
    }
  count = jx_number_format (n);
  gtk_label_set_text (self->count_label, count);
  /* Translators: under a tier board column's title; %s is an amount. */
  total_text = total != NULL ? g_strdup_printf (_("%s in 12 months"), total) : g_strdup ("");
  gtk_label_set_text (self->total_label, total_text);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

/* Selection */

static void
append_selected (GtkSelectionModel *model,
                 JxCustomerList    *list,
                 GArray            *ids)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (model);
  GtkBitsetIter iter;
  guint position;

  if (!gtk_bitset_iter_init_first (&iter, set, &position))
    return;
  do
    {
      gint64 id = jx_customer_list_get_customer_id (list, position);
      g_array_append_val (ids, id);
    }
  while (gtk_bitset_iter_next (&iter, &position));
}

/**
 * jx_tier_column_dup_selected_ids:
 * @self: a column
 *
 * Returns: (transfer full): the ids of the selected customers (gint64), in list order
 */
GArray *
jx_tier_column_dup_selected_ids (JxTierColumn *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), ids);

  if (self->list != NULL)
    append_selected (GTK_SELECTION_MODEL (self->selection), self->list, ids);
  return ids;
}

/* Selects these customers alone (those in the column) and scrolls to the first. */
void
jx_tier_column_select_ids (JxTierColumn *self,
                           const gint64 *ids,
                           guint         n_ids)
{
  g_autoptr(GtkBitset) set = gtk_bitset_new_empty ();
  guint first = G_MAXUINT;

  g_return_if_fail (JX_IS_TIER_COLUMN (self));

  if (self->list == NULL)
    return;
  for (guint i = 0; i < n_ids; i++)
    {
      guint position;

      if (jx_customer_list_find (self->list, ids[i], &position))
        {
          gtk_bitset_add (set, position);
          first = MIN (first, position);
        }
    }
  {
    g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, g_list_model_get_n_items (
                                                            G_LIST_MODEL (self->list)));

    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
  }
  if (first != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                first);
}

void
jx_tier_column_unselect_all (JxTierColumn *self)
{
  g_return_if_fail (JX_IS_TIER_COLUMN (self));

  if (self->selection != NULL)
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
        GTK_SELECTION_MODEL (self->selection));

      /* Unselecting nothing would still announce every item as changed. */
      if (!gtk_bitset_is_empty (selected))
        gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
    }
}

static void
on_selection_changed_cb (JxTierColumn *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* Dragging */

static gboolean
on_card_press_cb (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  JxTierColumn             *self)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_PRESS && self->list != NULL)
    {
      g_array_set_size (self->press_ids, 0);
      append_selected (GTK_SELECTION_MODEL (self->selection), self->list, self->press_ids);
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    JxTierColumn  *self)
{
  JxTierCard *card = JX_TIER_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  gint64 id = jx_tier_card_get_customer_id (card);
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (id <= 0)
    return NULL;
  /* A press on a selected card has just selected it alone: the selection before the press
   * is what the user means to drag. Without a press (a test, the keyboard) it is now's. */
  if (self->press_ids->len > 0)
    selected = g_array_ref (self->press_ids);
  else
    selected = jx_tier_column_dup_selected_ids (self);
  if (selected->len > 1 && ids_contain (selected, id))
    g_array_append_vals (ids, selected->data, selected->len);
  else
    g_array_append_val (ids, id);
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (G_TYPE_ARRAY, ids);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  JxTierColumn  *self)
{
  JxTierCard *card = JX_TIER_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  GdkContentProvider *content = gdk_drag_get_content (drag);
  GtkWidget *icon_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon_card = jx_tier_card_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  guint n = 1;

  g_value_init (&value, G_TYPE_ARRAY);
  if (gdk_content_provider_get_value (content, &value, NULL) && g_value_get_boxed (&value) != NULL)
    {
      GArray *ids = g_value_get_boxed (&value);

      n = ids->len;
      /* Show the whole selection being carried. */
      if (n > 1)
        jx_tier_column_select_ids (self, (const gint64 *) ids->data, ids->len);
    }
  /* The drop targets refuse the column the drag came from. */
  g_object_set_data (G_OBJECT (drag), "jx-source-tier", GINT_TO_POINTER (self->tier + 1));

  gtk_widget_add_css_class (icon_box, "drag-card");
  gtk_widget_set_size_request (icon_box, gtk_widget_get_width (GTK_WIDGET (card)), -1);
  jx_tier_card_set_customer (JX_TIER_CARD (icon_card), jx_tier_card_get_customer (card));
  gtk_box_append (GTK_BOX (icon_box), icon_card);
  if (n > 1)
    {
      g_autofree char *count = jx_number_format (n);
      /* Translators: on the card being dragged; %s is how many customers move with it. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer",
                                                            "%s customers", n), count);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "drag-count");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (icon_box), label);
    }
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon_box);
  gdk_drag_set_hotspot (drag, (int) self->drag_x, (int) self->drag_y);
}

static void
on_drag_end_cb (GtkDragSource *source,
                GdkDrag       *drag,
                gboolean       delete_data,
                JxTierColumn  *self)
{
  g_array_set_size (self->press_ids, 0);
}

static gboolean
on_drop_accept_cb (GtkDropTarget *target,
                   GdkDrop       *drop,
                   JxTierColumn  *self)
{
  GdkDrag *drag = gdk_drop_get_drag (drop);

  if (!gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), G_TYPE_ARRAY))
    return FALSE;
  /* Only drags from Jingxi's own cards, and not back onto their own column. */
  if (drag == NULL || g_object_get_data (G_OBJECT (drag), "jx-source-tier") == NULL)
    return FALSE;
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drag), "jx-source-tier")) !=
         (int) self->tier + 1;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            JxTierColumn  *self)
{
  GArray *ids = G_VALUE_HOLDS (value, G_TYPE_ARRAY) ? g_value_get_boxed (value) : NULL;
  gboolean handled = FALSE;

  if (ids == NULL || ids->len == 0 || g_array_get_element_size (ids) != sizeof (gint64))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_CUSTOMERS_DROPPED], 0, ids, &handled);
  return handled;
}

/* The context menu */

static void
on_card_right_click_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        JxTierColumn    *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *item = g_object_get_data (G_OBJECT (card), "jx-list-item");
  graphene_point_t point;
  guint position;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (item == NULL || self->menu_model == NULL ||
      (position = gtk_list_item_get_position (item)) == GTK_INVALID_LIST_POSITION)
    return;
  /* A right click on a card outside the selection acts on that card alone. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (!gtk_widget_compute_point (card, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (self->menu_model);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* The factory */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxTierColumn             *self)
{
  GtkWidget *card = jx_tier_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *press = gtk_event_controller_legacy_new ();
  GtkGesture *right_click = gtk_gesture_click_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  gtk_event_controller_set_propagation_phase (press, GTK_PHASE_CAPTURE);
  g_signal_connect (press, "event", G_CALLBACK (on_card_press_cb), self);
  gtk_widget_add_controller (card, press);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (right_click, "pressed", G_CALLBACK (on_card_right_click_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (right_click));

  g_object_set_data (G_OBJECT (card), "jx-list-item", item);
  gtk_list_item_set_child (item, card);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            JxTierColumn             *self)
{
  jx_tier_card_set_customer (JX_TIER_CARD (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

/* GTK 4.8's GtkSignalListItemFactory unbinds and binds a card again whenever its position or
 * selection changes: a drop would redo every card below the moved one, and unselecting a
 * column every card in it. So a card keeps its customer when unbound, and binding the
 * customer it shows does nothing; it lets go when bound to another or destroyed. */
static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxTierColumn             *self)
{
}

static void
on_activate_cb (GtkListView  *list_view,
                guint         position,
                JxTierColumn *self)
{
  if (self->list != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    g_signal_emit (self, signals[SIGNAL_CUSTOMER_ACTIVATED], 0,
                   jx_customer_list_get_customer_id (self->list, position));
}

/* Public API */

GtkWidget *
jx_tier_column_new (JxTier tier)
{
  JxTierColumn *self = g_object_new (JX_TYPE_TIER_COLUMN, NULL);

  self->tier = tier;
  gtk_label_set_text (self->title_label, jx_tier_get_label (tier));
  gtk_widget_add_css_class (GTK_WIDGET (self), tier_css_class (tier));
  gtk_widget_set_name (GTK_WIDGET (self), jx_tier_to_string (tier));
  update_header (self);
  return GTK_WIDGET (self);
}

JxTier
jx_tier_column_get_tier (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), JX_TIER_NONE);

  return self->tier;
}

void
jx_tier_column_set_list (JxTierColumn   *self,
                         JxCustomerList *list)
{
  g_return_if_fail (JX_IS_TIER_COLUMN (self));

  if (self->list == list)
    return;
  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->n_items_id, self->list);
      g_clear_signal_handler (&self->total_id, self->list);
    }
  g_set_object (&self->list, list);
  g_array_set_size (self->press_ids, 0);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (list));
  if (list != NULL)
    {
      self->n_items_id = g_signal_connect_swapped (list, "notify::n-items",
                                                   G_CALLBACK (update_header), self);
      self->total_id = g_signal_connect_swapped (list, "notify::revenue-total",
                                                 G_CALLBACK (update_header), self);
    }
  update_header (self);
}

JxCustomerList *
jx_tier_column_get_list (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return self->list;
}

GtkSelectionModel *
jx_tier_column_get_selection (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkDropTarget *
jx_tier_column_get_drop_target (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return self->drop_target;
}

GtkListView *
jx_tier_column_get_list_view (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return self->list_view;
}

/* The menu shown on a right click on a card (the board's "Move to" menu). */
void
jx_tier_column_set_menu_model (JxTierColumn *self,
                               GMenuModel   *model)
{
  g_return_if_fail (JX_IS_TIER_COLUMN (self));

  g_set_object (&self->menu_model, model);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
}

static JxTierCard *
find_card_in (GtkWidget *widget,
              gint64     customer_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JxTierCard *card;

      if (JX_IS_TIER_CARD (child))
        {
          if (jx_tier_card_get_customer_id (JX_TIER_CARD (child)) == customer_id &&
              gtk_widget_get_mapped (child))
            return JX_TIER_CARD (child);
          continue;
        }
      if ((card = find_card_in (child, customer_id)) != NULL)
        return card;
    }
  return NULL;
}

/* The card on screen showing the customer, or %NULL when it is scrolled out of view. */
JxTierCard *
jx_tier_column_find_card (JxTierColumn *self,
                          gint64        customer_id)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return find_card_in (GTK_WIDGET (self->list_view), customer_id);
}

const char *
jx_tier_column_get_count_text (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return gtk_label_get_text (self->count_label);
}

const char *
jx_tier_column_get_total_text (JxTierColumn *self)
{
  g_return_val_if_fail (JX_IS_TIER_COLUMN (self), NULL);

  return gtk_label_get_text (self->total_label);
}

/* GObject */

static void
jx_tier_column_dispose (GObject *object)
{
  JxTierColumn *self = JX_TIER_COLUMN (object);

  jx_tier_column_set_list (self, NULL);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->menu_model);
  G_OBJECT_CLASS (jx_tier_column_parent_class)->dispose (object);
}

static void
jx_tier_column_finalize (GObject *object)
{
  JxTierColumn *self = JX_TIER_COLUMN (object);

  g_clear_pointer (&self->press_ids, g_array_unref);
  G_OBJECT_CLASS (jx_tier_column_parent_class)->finalize (object);
}

static void
jx_tier_column_class_init (JxTierColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_tier_column_dispose;
  object_class->finalize = jx_tier_column_finalize;

  /**
   * JxTierColumn::customers-dropped:
   * @ids: a #GArray of gint64 customer ids
   *
   * Cards were dropped on the column; a handler moves them and returns whether it did.
   */
  signals[SIGNAL_CUSTOMERS_DROPPED] =
    g_signal_new ("customers-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1,
                  G_TYPE_POINTER);
  signals[SIGNAL_CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tiercolumn");
}

static void
jx_tier_column_init (JxTierColumn *self)
{
  GtkWidget *header = gtk_grid_new ();
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->press_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 230, -1);

  gtk_widget_add_css_class (header, "tier-column-header");
  gtk_grid_set_column_spacing (GTK_GRID (header), 8);
  gtk_widget_add_css_class (dot, "tier-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "tier-count");
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 0);
  gtk_label_set_ellipsize (self->total_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "caption");
  gtk_grid_attach (GTK_GRID (header), dot, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (header), GTK_WIDGET (self->title_label), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (header), GTK_WIDGET (self->count_label), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (header), GTK_WIDGET (self->total_label), 1, 1, 2, 1);
  gtk_box_append (GTK_BOX (self->box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "tier-cards");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);

  /* Translators: shown in an empty column of the tier board. */
  self->empty_label = gtk_label_new (_("No customers. Drag cards here."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_valign (self->empty_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->empty_label, 36);
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  gtk_widget_set_can_target (self->empty_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->empty_label);
  gtk_box_append (GTK_BOX (self->box), overlay);

  self->drop_target = gtk_drop_target_new (G_TYPE_ARRAY, GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "accept", G_CALLBACK (on_drop_accept_cb), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}
