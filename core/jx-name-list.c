/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-name-list.h"
#include "jx-sqlite-private.h"

/*
 * The rows of a small table (regions, team members, product lines, products, customer types,
 * stages, target plans) as a GListModel of (id, name) items sorted by name — or by position
 * for stages — for filter drop-downs and pickers. It reloads when its table changes and
 * reports the change as one items-changed.
 *
 * Customers are not a small table (a hundred thousand of them is usual), so a customer
 * picker sets a search text and a limit and shows the first matches by name.
 */

struct _JxNamedItem {
  GObject  parent_instance;
  gint64   id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (JxNamedItem, jx_named_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static JxNamedItem *
jx_named_item_new (gint64      id,
                   const char *name)
{
  JxNamedItem *self = g_object_new (JX_TYPE_NAMED_ITEM, NULL);

  self->id = id;
  self->name = g_strdup (name);
  return self;
}

gint64
jx_named_item_get_id (JxNamedItem *self)
{
  g_return_val_if_fail (JX_IS_NAMED_ITEM (self), 0);

  return self->id;
}

const char *
jx_named_item_get_name (JxNamedItem *self)
{
  g_return_val_if_fail (JX_IS_NAMED_ITEM (self), NULL);

  return self->name;
}

static void
jx_named_item_finalize (GObject *object)
{
  JxNamedItem *self = JX_NAMED_ITEM (object);

  g_free (self->name);
  G_OBJECT_CLASS (jx_named_item_parent_class)->finalize (object);
}

static void
jx_named_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JxNamedItem *self = JX_NAMED_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_named_item_class_init (JxNamedItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jx_named_item_finalize;
  object_class->get_property = jx_named_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
jx_named_item_init (JxNamedItem *self)
{
}

struct _JxNameList {
  GObject    parent_instance;
  JxStore   *store;
  JxTables   table;
  GPtrArray *items;
  gulong     changed_id;
  char      *pattern;       /* LIKE pattern of the search, or NULL */
  guint      limit;         /* 0 for no limit */
};

static void jx_name_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxNameList, jx_name_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_name_list_model_init))

static GType
jx_name_list_get_item_type (GListModel *model)
{
  return JX_TYPE_NAMED_ITEM;
}

static guint
jx_name_list_get_n_items (GListModel *model)
{
  return JX_NAME_LIST (model)->items->len;
}

static gpointer
jx_name_list_get_item (GListModel *model,
                       guint       position)
{
  JxNameList *self = JX_NAME_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
jx_name_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_name_list_get_item_type;
  iface->get_n_items = jx_name_list_get_n_items;
  iface->get_item = jx_name_list_get_item;
}

static void
reload (JxNameList *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  guint removed = self->items->len;
  const char *from, *order;

  /* Fixed pieces only; the search and the limit are bound. */
  switch (self->table)
    {
    case JX_TABLE_REGIONS:
      from = "regions WHERE 1";
      order = "name";
      break;
    case JX_TABLE_TEAM_MEMBERS:
      from = "team_members WHERE active = 1";
      order = "name";
      break;
    case JX_TABLE_PRODUCT_LINES:
      from = "product_lines WHERE 1";
      order = "name";
      break;
    case JX_TABLE_PRODUCTS:
      from = "products WHERE 1";
      order = "name";
      break;
    case JX_TABLE_CUSTOMER_TYPES:
      from = "customer_types WHERE 1";
      order = "name";
      break;
    case JX_TABLE_CUSTOMERS:
      from = "customers WHERE 1";
      order = "name";
      break;
    case JX_TABLE_STAGES:
      from = "stages WHERE 1";
      order = "kind <> 0, position";
      break;
    case JX_TABLE_TARGET_PLANS:
      from = "target_plans WHERE 1";
      order = "active DESC, name";
      break;
    default:
      g_return_if_reached ();
    }
  sql = g_strdup_printf ("SELECT id, name FROM %s AND (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')"
                         " ORDER BY %s LIMIT ?2", from, order);

  g_ptr_array_set_size (self->items, 0);
  stmt = jx_store_prepare (self->store, sql, NULL);
  if (stmt != NULL)
    {
      jx_bind_text_or_null (stmt, 1, self->pattern);
      sqlite3_bind_int64 (stmt, 2, self->limit > 0 ? (gint64) self->limit : -1);
    }
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (self->items, jx_named_item_new (sqlite3_column_int64 (stmt, 0),
                                                     jx_column_text (stmt, 1)));
  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static void
on_store_changed_cb (JxNameList *self,
                     guint       tables)
{
  if (tables & self->table)
    reload (self);
}

/**
 * jx_name_list_new:
 * @store: a #JxStore
 * @table: one of the small tables (regions, team members, product lines, products,
 *   customer types, stages, target plans), or customers with a search or a limit
 *
 * Returns: (transfer full): a list of #JxNamedItem that follows the table
 */
JxNameList *
jx_name_list_new (JxStore  *store,
                  JxTables  table)
{
  JxNameList *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  self = g_object_new (JX_TYPE_NAME_LIST, NULL);
  self->store = g_object_ref (store);
  self->table = table;
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  return self;
}

/**
 * jx_name_list_new_limited:
 * @limit: how many names at most
 *
 * The first @limit names of a table too large to list whole (customers), for a picker
 * that narrows them with jx_name_list_set_search().
 *
 * Returns: (transfer full): a list of #JxNamedItem that follows the table
 */
JxNameList *
jx_name_list_new_limited (JxStore  *store,
                          JxTables  table,
                          guint     limit)
{
  JxNameList *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  self = g_object_new (JX_TYPE_NAME_LIST, NULL);
  self->store = g_object_ref (store);
  self->table = table;
  self->limit = limit;
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  return self;
}

/* Only the names that contain @text (ASCII letters in any case), or all for NULL or "". */
void
jx_name_list_set_search (JxNameList *self,
                         const char *text)
{
  g_autofree char *pattern = NULL;

  g_return_if_fail (JX_IS_NAME_LIST (self));

  if (text != NULL && text[0] != '\0')
    {
      GString *out = g_string_new ("%");

      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '%');
      pattern = g_string_free (out, FALSE);
    }
  if (g_strcmp0 (pattern, self->pattern) == 0)
    return;
  g_free (self->pattern);
  self->pattern = g_steal_pointer (&pattern);
  reload (self);
}

/* At most @limit items (the first by name), or all for 0. */
void
jx_name_list_set_limit (JxNameList *self,
                        guint       limit)
{
  g_return_if_fail (JX_IS_NAME_LIST (self));

  if (self->limit == limit)
    return;
  self->limit = limit;
  reload (self);
}

/* The position of the item with @id, or GTK_INVALID_LIST_POSITION's value G_MAXUINT. */
guint
jx_name_list_find_id (JxNameList *self,
                      gint64      id)
{
  g_return_val_if_fail (JX_IS_NAME_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (JX_NAMED_ITEM (g_ptr_array_index (self->items, i))->id == id)
      return i;
  return G_MAXUINT;
}

static void
jx_name_list_dispose (GObject *object)
{
  JxNameList *self = JX_NAME_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jx_name_list_parent_class)->dispose (object);
}

static void
jx_name_list_finalize (GObject *object)
{
  JxNameList *self = JX_NAME_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pattern, g_free);
  G_OBJECT_CLASS (jx_name_list_parent_class)->finalize (object);
}

static void
jx_name_list_class_init (JxNameListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_name_list_dispose;
  object_class->finalize = jx_name_list_finalize;
}

static void
jx_name_list_init (JxNameList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
