/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void jx_json_add_int     (JsonBuilder *builder,
                          const char  *member,
                          gint64       value);
void jx_json_add_double  (JsonBuilder *builder,
                          const char  *member,
                          double       value);
void jx_json_add_boolean (JsonBuilder *builder,
                          const char  *member,
                          gboolean     value);
void jx_json_add_string  (JsonBuilder *builder,
                          const char  *member,
                          const char  *value);
void jx_json_add_null    (JsonBuilder *builder,
                          const char  *member);
void jx_json_add_money   (JsonBuilder *builder,
                          const char  *member,
                          gint64       amount,
                          const char  *currency);

G_END_DECLS
