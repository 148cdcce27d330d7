/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-customer-picker.h"

/*
 * Chooses a deal's customer. A database can hold a hundred thousand customers, so the
 * picker is a button with a popover that searches them by name in SQL and lists the first
 * MAX_MATCHES, rather than a drop-down of them all.
 */

#define MAX_MATCHES 100

struct _JxCustomerPicker {
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *label;
  GtkWidget  *popover;
  GtkWidget  *search_entry;
  GtkWidget  *list_view;
  GtkWidget  *hint_label;

  JxStore    *store;
  JxNameList *matches;
  gint64      customer_id;
  char       *customer_name;
};

G_DEFINE_FINAL_TYPE (JxCustomerPicker, jx_customer_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (JxCustomerPicker *self)
{
  gboolean none = self->customer_id <= 0;

  gtk_label_set_text (GTK_LABEL (self->label), none ? C_("customer", "None")
                                                    : self->customer_name);
  if (none)
    gtk_widget_add_css_class (self->label, "dim-label");
  else
    gtk_widget_remove_css_class (self->label, "dim-label");
  gtk_widget_set_tooltip_text (self->button, none ? NULL : self->customer_name);
}

static void
update_hint (JxCustomerPicker *self)
{
  guint n = self->matches != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->matches)) : 0;

  if (n == 0)
    gtk_label_set_text (GTK_LABEL (self->hint_label), _("No customer has that name."));
  else if (n >= MAX_MATCHES)
    {
      /* Translators: %d is the number of customers the picker lists. */
      g_autofree char *text = g_strdup_printf (_("The first %d matches. Type more of the "
                                                 "name to narrow them."), MAX_MATCHES);
      gtk_label_set_text (GTK_LABEL (self->hint_label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->hint_label), "");
  gtk_widget_set_visible (self->hint_label, n == 0 || n >= MAX_MATCHES);
}

static void
ensure_matches (JxCustomerPicker *self)
{
  if (self->matches != NULL || self->store == NULL)
    return;
  self->matches = jx_name_list_new_limited (self->store, JX_TABLE_CUSTOMERS, MAX_MATCHES);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view),
                           GTK_SELECTION_MODEL (gtk_single_selection_new (
                             g_object_ref (G_LIST_MODEL (self->matches)))));
}

void
jx_customer_picker_set_search (JxCustomerPicker *self,
                               const char       *text)
{
  g_return_if_fail (JX_IS_CUSTOMER_PICKER (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  ensure_matches (self);
  if (self->matches != NULL)
    jx_name_list_set_search (self->matches, text);
  update_hint (self);
}

static void
on_search_changed_cb (JxCustomerPicker *self)
{
  jx_customer_picker_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Chooses the match at @position, as a click on it does. */
void
jx_customer_picker_choose (JxCustomerPicker *self,
                           guint             position)
{
  g_autoptr(JxNamedItem) item = NULL;

  g_return_if_fail (JX_IS_CUSTOMER_PICKER (self));

  if (self->matches != NULL)
    item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (item == NULL)
    return;
  jx_customer_picker_set_customer (self, jx_named_item_get_id (item),
                                   jx_named_item_get_name (item));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_match_activate_cb (GtkListView      *list_view,
                      guint             position,
                      JxCustomerPicker *self)
{
  jx_customer_picker_choose (self, position);
}

static void
on_search_activate_cb (JxCustomerPicker *self)
{
  jx_customer_picker_choose (self, 0);
}

static void
on_stop_search_cb (JxCustomerPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_none_clicked_cb (JxCustomerPicker *self)
{
  jx_customer_picker_set_customer (self, 0, NULL);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_popover_show_cb (JxCustomerPicker *self)
{
  ensure_matches (self);
  jx_customer_picker_set_search (self, "");
  gtk_widget_grab_focus (self->search_entry);
}

static void
on_match_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_match_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      jx_named_item_get_name (gtk_list_item_get_item (item)));
}

static void
jx_customer_picker_dispose (GObject *object)
{
  JxCustomerPicker *self = JX_CUSTOMER_PICKER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->matches);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jx_customer_picker_parent_class)->dispose (object);
}

static void
jx_customer_picker_finalize (GObject *object)
{
  JxCustomerPicker *self = JX_CUSTOMER_PICKER (object);

  g_free (self->customer_name);
  G_OBJECT_CLASS (jx_customer_picker_parent_class)->finalize (object);
}

static void
jx_customer_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JxCustomerPicker *self = JX_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_customer_picker_class_init (JxCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_customer_picker_dispose;
  object_class->finalize = jx_customer_picker_finalize;
  object_class->get_property = jx_customer_picker_get_property;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jx_customer_picker_init (JxCustomerPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_No Customer"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 28);
  gtk_box_append (GTK_BOX (content), self->label);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search customers"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb),
                            self);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  g_signal_connect (factory, "setup", G_CALLBACK (on_match_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_match_bind_cb), NULL);
  self->list_view = gtk_list_view_new (NULL, g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_match_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_box_append (GTK_BOX (box), scroller);

  self->hint_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->hint_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hint_label), 36);
  gtk_widget_add_css_class (self->hint_label, "dim-label");
  gtk_widget_add_css_class (self->hint_label, "caption");
  gtk_box_append (GTK_BOX (box), self->hint_label);
  gtk_widget_add_css_class (none, "flat");
  g_signal_connect_swapped (none, "clicked", G_CALLBACK (on_none_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), none);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the customer"), -1);
  update_label (self);
}

GtkWidget *
jx_customer_picker_new (void)
{
  return g_object_new (JX_TYPE_CUSTOMER_PICKER, NULL);
}

void
jx_customer_picker_set_store (JxCustomerPicker *self,
                              JxStore          *store)
{
  g_return_if_fail (JX_IS_CUSTOMER_PICKER (self));

  if (!g_set_object (&self->store, store))
    return;
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), NULL);
  g_clear_object (&self->matches);
}

/* Shows @customer_id (0 for none) with @name, without asking the database. */
void
jx_customer_picker_set_customer (JxCustomerPicker *self,
                                 gint64            customer_id,
                                 const char       *name)
{
  g_return_if_fail (JX_IS_CUSTOMER_PICKER (self));

  g_free (self->customer_name);
  self->customer_name = g_strdup (customer_id > 0 && name != NULL ? name : "");
  if (self->customer_id != MAX (customer_id, 0))
    {
      self->customer_id = MAX (customer_id, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
    }
  update_label (self);
}

gint64
jx_customer_picker_get_customer_id (JxCustomerPicker *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PICKER (self), 0);

  return self->customer_id;
}

const char *
jx_customer_picker_get_customer_name (JxCustomerPicker *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PICKER (self), NULL);

  return self->customer_name;
}

/* The customers the popover lists for the current search (made when first needed). */
GListModel *
jx_customer_picker_get_matches (JxCustomerPicker *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PICKER (self), NULL);

  ensure_matches (self);
  return G_LIST_MODEL (self->matches);
}
