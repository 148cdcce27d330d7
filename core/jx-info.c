/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-info.h"
#include "jx-json.h"
#include "jx-sqlite-private.h"

/* What `jingxi-cli info` reports: the schema, the size of every table and the span of the
 * deal history. */
JxInfo *
jx_info_collect (JxStore  *store,
                 GError  **error)
{
  g_autoptr(JxInfo) info = g_new0 (JxInfo, 1);
  g_autoptr(sqlite3_stmt) range = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  info->path = g_strdup (jx_store_get_path (store));
  info->schema_version = jx_store_get_schema_version (store);
  for (guint i = 0; i < G_N_ELEMENTS (info->counts); i++)
    {
      JxTables table = 1u << i;
      gint64 rows = jx_store_count_rows (store, table);

      if (rows < 0)
        {
          g_autoptr(sqlite3_stmt) probe = jx_store_prepare (store, "SELECT 1", error);
          if (probe != NULL)
            g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CORRUPT,
                         "%s: %s", jx_store_table_name (table),
                         sqlite3_errmsg (jx_store_get_db (store)));
          return NULL;
        }
      info->counts[info->n_counts].table = jx_store_table_name (table);
      info->counts[info->n_counts].rows = rows;
      info->n_counts++;
    }

  /* Two index lookups each instead of one scan: min/max over indexed columns. */
  range = jx_store_prepare (store,
                            "SELECT (SELECT min(opened) FROM deals),"
                            "       max((SELECT max(opened) FROM deals),"
                            "           coalesce((SELECT max(closed) FROM deals WHERE status = 1), ''),"
                            "           coalesce((SELECT max(closed) FROM deals WHERE status = 2), ''))",
                            error);
  if (range == NULL)
    return NULL;
  if (sqlite3_step (range) == SQLITE_ROW && sqlite3_column_type (range, 0) != SQLITE_NULL)
    {
      info->first_deal_date = g_strdup (jx_column_text (range, 0));
      info->last_deal_date = g_strdup (jx_column_text (range, 1));
    }
  return g_steal_pointer (&info);
}

JsonNode *
jx_info_to_json (const JxInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  jx_json_add_string (builder, "path", info->path);
  jx_json_add_int (builder, "schema_version", info->schema_version);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < info->n_counts; i++)
    {
      jx_json_add_int (builder, info->counts[i].table, info->counts[i].rows);
    }
  json_builder_end_object (builder);
  jx_json_add_string (builder, "deals_from", info->first_deal_date);
  jx_json_add_string (builder, "deals_to", info->last_deal_date);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
jx_info_free (JxInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->first_deal_date);
  g_free (info->last_deal_date);
  g_free (info);
}
