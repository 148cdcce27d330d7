/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-store.h"

G_BEGIN_DECLS

#define JX_TYPE_NAMED_ITEM (jx_named_item_get_type ())
G_DECLARE_FINAL_TYPE (JxNamedItem, jx_named_item, JX, NAMED_ITEM, GObject)

gint64      jx_named_item_get_id    (JxNamedItem *self);
const char *jx_named_item_get_name  (JxNamedItem *self);

#define JX_TYPE_NAME_LIST (jx_name_list_get_type ())
G_DECLARE_FINAL_TYPE (JxNameList, jx_name_list, JX, NAME_LIST, GObject)

JxNameList *jx_name_list_new          (JxStore    *store,
                                       JxTables    table);
JxNameList *jx_name_list_new_limited  (JxStore    *store,
                                       JxTables    table,
                                       guint       limit);
void        jx_name_list_set_search   (JxNameList *self,
                                       const char *text);
void        jx_name_list_set_limit    (JxNameList *self,
                                       guint       limit);
guint       jx_name_list_find_id      (JxNameList *self,
                                       gint64      id);

G_END_DECLS
