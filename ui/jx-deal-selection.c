/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-deal-selection.h"

/*
 * A single selection over a JxDealList that remembers the selected deal by its id.
 * GtkSingleSelection remembers the selected object and, when a reload replaces the rows
 * around it, looks for that object among every new row: over a million deals that makes
 * a million objects. Comparing ids costs nothing, and the selection follows the deal to
 * its new place after a sort or a reload.
 */

struct _JxDealSelection {
  GObject     parent_instance;

  JxDealList *list;
  gint64      selected_id;
  guint       selected_position;   /* a guess, checked before use */
};

static void jx_deal_selection_list_model_init (GListModelInterface *iface);
static void jx_deal_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxDealSelection, jx_deal_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jx_deal_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      jx_deal_selection_selection_model_init))

enum {
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the selected deal is now, or G_MAXUINT. */
static guint
selected_position (JxDealSelection *self)
{
  if (self->selected_id == 0)
    return G_MAXUINT;
  if (jx_deal_list_get_id (self->list, self->selected_position) != self->selected_id)
    self->selected_position = jx_deal_list_find (self->list, self->selected_id);
  return self->selected_position;
}

static GType
jx_deal_selection_get_item_type (GListModel *model)
{
  return JX_TYPE_DEAL;
}

static guint
jx_deal_selection_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (JX_DEAL_SELECTION (model)->list));
}

static gpointer
jx_deal_selection_get_item (GListModel *model,
                            guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (JX_DEAL_SELECTION (model)->list), position);
}

static void
jx_deal_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_deal_selection_get_item_type;
  iface->get_n_items = jx_deal_selection_get_n_items;
  iface->get_item = jx_deal_selection_get_item;
}

static gboolean
jx_deal_selection_is_selected (GtkSelectionModel *model,
                               guint              position)
{
  JxDealSelection *self = JX_DEAL_SELECTION (model);

  return self->selected_id != 0 && jx_deal_list_get_id (self->list, position) == self->selected_id;
}

static GtkBitset *
jx_deal_selection_get_selection_in_range (GtkSelectionModel *model,
                                          guint              position,
                                          guint              n_items)
{
  JxDealSelection *self = JX_DEAL_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint selected = selected_position (self);

  if (selected != G_MAXUINT && selected >= position && selected - position < n_items)
    gtk_bitset_add (result, selected);
  return result;
}

static void
select_id (JxDealSelection *self,
           gint64           deal_id,
           guint            position)
{
  guint old = selected_position (self);

  if (deal_id == self->selected_id)
    return;
  self->selected_id = deal_id;
  self->selected_position = position;
  if (old != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  if (position != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static gboolean
jx_deal_selection_select_item (GtkSelectionModel *model,
                               guint              position,
                               gboolean           unselect_rest)
{
  JxDealSelection *self = JX_DEAL_SELECTION (model);
  gint64 id = jx_deal_list_get_id (self->list, position);

  if (id == 0)
    return FALSE;
  select_id (self, id, position);
  return TRUE;
}

static gboolean
jx_deal_selection_unselect_item (GtkSelectionModel *model,
                                 guint              position)
{
  JxDealSelection *self = JX_DEAL_SELECTION (model);

  if (!jx_deal_selection_is_selected (model, position))
    return FALSE;
  select_id (self, 0, G_MAXUINT);
  return TRUE;
}

static gboolean
jx_deal_selection_unselect_all (GtkSelectionModel *model)
{
  select_id (JX_DEAL_SELECTION (model), 0, G_MAXUINT);
  return TRUE;
}

static void
jx_deal_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = jx_deal_selection_is_selected;
  iface->get_selection_in_range = jx_deal_selection_get_selection_in_range;
  iface->select_item = jx_deal_selection_select_item;
  iface->unselect_item = jx_deal_selection_unselect_item;
  iface->unselect_all = jx_deal_selection_unselect_all;
}

static void
on_items_changed_cb (JxDealSelection *self,
                     guint            position,
                     guint            removed,
                     guint            added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
jx_deal_selection_dispose (GObject *object)
{
  JxDealSelection *self = JX_DEAL_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed_cb, self);
  g_clear_object (&self->list);
  G_OBJECT_CLASS (jx_deal_selection_parent_class)->dispose (object);
}

static void
jx_deal_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JxDealSelection *self = JX_DEAL_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deal_selection_class_init (JxDealSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_deal_selection_dispose;
  object_class->get_property = jx_deal_selection_get_property;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_deal_selection_init (JxDealSelection *self)
{
  self->selected_position = G_MAXUINT;
}

JxDealSelection *
jx_deal_selection_new (JxDealList *list)
{
  JxDealSelection *self;

  g_return_val_if_fail (JX_IS_DEAL_LIST (list), NULL);

  self = g_object_new (JX_TYPE_DEAL_SELECTION, NULL);
  self->list = g_object_ref (list);
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

JxDealList *
jx_deal_selection_get_list (JxDealSelection *self)
{
  g_return_val_if_fail (JX_IS_DEAL_SELECTION (self), NULL);

  return self->list;
}

/* The selected deal's id, or 0; the deal may have left the list since it was selected. */
gint64
jx_deal_selection_get_selected_id (JxDealSelection *self)
{
  g_return_val_if_fail (JX_IS_DEAL_SELECTION (self), 0);

  return self->selected_id;
}

void
jx_deal_selection_set_selected_id (JxDealSelection *self,
                                   gint64           deal_id)
{
  g_return_if_fail (JX_IS_DEAL_SELECTION (self));

  select_id (self, deal_id, deal_id != 0 ? jx_deal_list_find (self->list, deal_id) : G_MAXUINT);
}
