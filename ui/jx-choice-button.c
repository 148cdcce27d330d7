/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"


#include "jx-choice-button.h"

/*
 * A drop-down for table cells with long lists (a manager among thousands of members): it
 * shows the chosen name as a flat button, and builds the searchable list only when it opens.
 * A GtkDropDown builds its popup list whenever it gets a model, which in GTK 4.8 costs
 * about 15 ms a cell with 5,000 choices, and a column view sets up 200 rows at once.
 */

struct _JxChoiceButton {
  GtkWidget       parent_instance;

  GtkWidget      *button;
  GtkWidget      *label;
  GtkWidget      *popover;
  GtkWidget      *search;
  GtkListView    *list;
  GtkFilterListModel *filtered;
  GtkStringList  *choices;
  guint           selected;
};

G_DEFINE_FINAL_TYPE (JxChoiceButton, jx_choice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (JxChoiceButton *self)
{
  const char *text = NULL;

  if (self->choices != NULL && self->selected != GTK_INVALID_LIST_POSITION)
    text = gtk_string_list_get_string (self->choices, self->selected);
  gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
}

/* The position in the full list of the item at @position of the filtered one. */
static guint
full_position (JxChoiceButton *self,
               guint           position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                           position);
  guint n;

  if (item == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) candidate = g_list_model_get_item (G_LIST_MODEL (self->choices),
                                                                    i);
      if (candidate == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
choose (JxChoiceButton *self,
        guint           filtered_position)
{
  guint position = full_position (self, filtered_position);

  jx_choice_button_popdown (self);
  if (position != GTK_INVALID_LIST_POSITION)
    jx_choice_button_set_selected (self, position);
}

static void
on_list_activate_cb (GtkListView    *list,
                     guint           position,
                     JxChoiceButton *self)
{
  choose (self, position);
}

static void
on_search_changed_cb (JxChoiceButton *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_string_filter_set_search (GTK_STRING_FILTER (filter),
                                gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
on_search_activate_cb (JxChoiceButton *self)
{
  /* The entry reports changes after a pause; Enter may come before it. */
  on_search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    choose (self, 0);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
destroy_popover (JxChoiceButton *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->list = NULL;
  self->search = NULL;
  g_clear_object (&self->filtered);
}

/* Opens the list of choices, with the chosen one selected and a search field. */
void
jx_choice_button_popup (JxChoiceButton *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkExpression *expression;
  GtkSingleSelection *selection;
  GtkWidget *box, *scroll;

  g_return_if_fail (JX_IS_CHOICE_BUTTON (self));

  if (self->choices == NULL)
    return;
  if (self->popover != NULL)
    {
      /* Built on the first opening and kept for the next ones, with the search cleared. */
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      GtkSelectionModel *shown = gtk_list_view_get_model (self->list);

      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown), self->selected);
      gtk_popover_popup (GTK_POPOVER (self->popover));
      gtk_widget_grab_focus (self->search);
      return;
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->choices)),
                                              GTK_FILTER (gtk_string_filter_new (expression)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, self->selected);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection),
                                                 g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_list_activate_cb), self);

  self->search = gtk_search_entry_new ();
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);

  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroll), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->list));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->search);
  gtk_box_append (GTK_BOX (box), scroll);

  self->popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->popover, "menu");
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->search);
}

void
jx_choice_button_popdown (JxChoiceButton *self)
{
  g_return_if_fail (JX_IS_CHOICE_BUTTON (self));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* The open list (%NULL when closed), for tests. */
GtkListView *
jx_choice_button_get_list (JxChoiceButton *self)
{
  g_return_val_if_fail (JX_IS_CHOICE_BUTTON (self), NULL);

  return self->list;
}

GtkEditable *
jx_choice_button_get_search (JxChoiceButton *self)
{
  g_return_val_if_fail (JX_IS_CHOICE_BUTTON (self), NULL);

  return self->search != NULL ? GTK_EDITABLE (self->search) : NULL;
}

void
jx_choice_button_set_model (JxChoiceButton *self,
                            GtkStringList  *choices)
{
  g_return_if_fail (JX_IS_CHOICE_BUTTON (self));

  if (self->choices == choices)
    return;
  destroy_popover (self);
  g_set_object (&self->choices, choices);
  update_label (self);
}

GtkStringList *
jx_choice_button_get_model (JxChoiceButton *self)
{
  g_return_val_if_fail (JX_IS_CHOICE_BUTTON (self), NULL);

  return self->choices;
}

void
jx_choice_button_set_selected (JxChoiceButton *self,
                               guint           position)
{
  g_return_if_fail (JX_IS_CHOICE_BUTTON (self));

  if (self->selected == position)
    return;
  self->selected = position;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
jx_choice_button_get_selected (JxChoiceButton *self)
{
  g_return_val_if_fail (JX_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

static void
on_clicked_cb (JxChoiceButton *self)
{
  jx_choice_button_popup (self);
}

static void
jx_choice_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JxChoiceButton *self = JX_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_choice_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JxChoiceButton *self = JX_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jx_choice_button_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_choice_button_dispose (GObject *object)
{
  JxChoiceButton *self = JX_CHOICE_BUTTON (object);

  destroy_popover (self);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->choices);
  G_OBJECT_CLASS (jx_choice_button_parent_class)->dispose (object);
}

static void
jx_choice_button_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  JxChoiceButton *self = JX_CHOICE_BUTTON (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
jx_choice_button_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (JX_CHOICE_BUTTON (widget)->button, orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

static gboolean
jx_choice_button_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  JxChoiceButton *self = JX_CHOICE_BUTTON (widget);

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return gtk_widget_child_focus (self->popover, direction);
  return gtk_widget_child_focus (self->button, direction);
}

static gboolean
jx_choice_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (JX_CHOICE_BUTTON (widget)->button);
}

static void
jx_choice_button_class_init (JxChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jx_choice_button_get_property;
  object_class->set_property = jx_choice_button_set_property;
  object_class->dispose = jx_choice_button_dispose;
  widget_class->measure = jx_choice_button_measure;
  widget_class->size_allocate = jx_choice_button_size_allocate;
  widget_class->focus = jx_choice_button_focus;
  widget_class->grab_focus = jx_choice_button_grab_focus;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "choicebutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
jx_choice_button_init (JxChoiceButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->selected = GTK_INVALID_LIST_POSITION;
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);

  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (on_clicked_cb), self);
}

GtkWidget *
jx_choice_button_new (void)
{
  return g_object_new (JX_TYPE_CHOICE_BUTTON, NULL);
}
