/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-core.h"
#include "jx-name-choices.h"

/*
 * Filter drop-downs and pickers show a table's names after a first item that means "any"
 * or "none": a flattened list of a one-string list and the JxNameList, which keeps
 * following its table.
 */

/**
 * jx_name_choices_new:
 * @first_label: the text of the first item, which stands for id 0
 * @names: (transfer none): a #JxNameList
 *
 * Returns: (transfer full): a list of a #GtkStringObject followed by #JxNamedItems
 */
GListModel *
jx_name_choices_new (const char *first_label,
                     GListModel *names)
{
  const char *first[] = { first_label, NULL };
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringList) head = gtk_string_list_new (first);

  g_return_val_if_fail (JX_IS_NAME_LIST (names), NULL);

  g_list_store_append (parts, head);
  g_list_store_append (parts, names);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

/* The id of the item at @position: 0 for the first item or past the end. */
gint64
jx_name_choices_get_id (GListModel *choices,
                        guint       position)
{
  g_autoptr(GObject) item = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  item = g_list_model_get_item (choices, position);
  return JX_IS_NAMED_ITEM (item) ? jx_named_item_get_id (JX_NAMED_ITEM (item)) : 0;
}

/* The position of @id, or 0 (the first item) when it is 0 or not there. */
guint
jx_name_choices_find (GListModel *choices,
                      gint64      id)
{
  guint n = g_list_model_get_n_items (choices);

  if (id <= 0)
    return 0;
  for (guint i = 1; i < n; i++)
    if (jx_name_choices_get_id (choices, i) == id)
      return i;
  return 0;
}

static char *
item_text (GObject *item)
{
  if (JX_IS_NAMED_ITEM (item))
    return g_strdup (jx_named_item_get_name (JX_NAMED_ITEM (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

/* The text of an item, for GtkDropDown:expression and AdwComboRow:expression. */
GtkExpression *
jx_name_choices_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (item_text),
                                      NULL, NULL);
}
