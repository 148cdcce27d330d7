/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-export.h"
#include "jx-import-parse.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * JxExport walks the rows of one kind in the shape jx_import_open() reads back: the
 * headers are the import's field names, names stand for ids, money is in major units
 * without symbols or grouping, dates are ISO. The CSV writer below uses it; a spreadsheet
 * writer can use the same rows and column types.
 */

typedef struct {
  const char         *header;
  JxExportColumnType  type;
} ExportColumn;

static const ExportColumn customer_columns[] = {
  { "name", JX_EXPORT_TEXT }, { "type", JX_EXPORT_TEXT }, { "region", JX_EXPORT_TEXT },
  { "owner", JX_EXPORT_TEXT }, { "parent", JX_EXPORT_TEXT },
  { "annual_revenue", JX_EXPORT_MONEY }, { "tier", JX_EXPORT_TEXT },
  { "created", JX_EXPORT_DATE }, { "notes", JX_EXPORT_TEXT },
};
static const char customer_sql[] =
  "SELECT c.name, t.name, r.name, m.name, p.name, c.annual_revenue, c.tier, c.created, c.notes "
  "FROM customers c LEFT JOIN customer_types t ON t.id = c.type_id "
  "LEFT JOIN regions r ON r.id = c.region_id LEFT JOIN team_members m ON m.id = c.owner_id "
  "LEFT JOIN customers p ON p.id = c.parent_id ORDER BY c.id";

static const ExportColumn product_columns[] = {
  { "name", JX_EXPORT_TEXT }, { "line", JX_EXPORT_TEXT }, { "list_price", JX_EXPORT_MONEY },
};
static const char product_sql[] =
  "SELECT p.name, l.name, p.list_price FROM products p "
  "LEFT JOIN product_lines l ON l.id = p.line_id ORDER BY p.id";

static const ExportColumn team_columns[] = {
  { "name", JX_EXPORT_TEXT }, { "role", JX_EXPORT_TEXT }, { "manager", JX_EXPORT_TEXT },
  { "region", JX_EXPORT_TEXT }, { "capacity_hours", JX_EXPORT_NUMBER },
  { "is_manager", JX_EXPORT_BOOL }, { "active", JX_EXPORT_BOOL },
};
static const char team_sql[] =
  "SELECT t.name, t.role, m.name, r.name, t.capacity_hours, t.is_manager, t.active "
  "FROM team_members t LEFT JOIN team_members m ON m.id = t.manager_id "
  "LEFT JOIN regions r ON r.id = t.region_id ORDER BY t.id";

static const ExportColumn deal_columns[] = {
  { "ref", JX_EXPORT_TEXT }, { "title", JX_EXPORT_TEXT }, { "customer", JX_EXPORT_TEXT },
  { "owner", JX_EXPORT_TEXT }, { "product", JX_EXPORT_TEXT }, { "stage", JX_EXPORT_TEXT },
  { "amount", JX_EXPORT_MONEY }, { "opened", JX_EXPORT_DATE },
  { "expected_close", JX_EXPORT_DATE }, { "closed", JX_EXPORT_DATE },
  { "stage_entered", JX_EXPORT_DATE }, { "lost_reason", JX_EXPORT_TEXT },
  { "won_reason", JX_EXPORT_TEXT }, { "notes", JX_EXPORT_TEXT },
};
static const char deal_sql[] =
  "SELECT d.ref, d.title, c.name, m.name, p.name, s.name, d.amount, d.opened, d.expected_close, "
  "d.closed, d.stage_entered, d.lost_reason, d.won_reason, d.notes FROM deals d "
  "JOIN stages s ON s.id = d.stage_id LEFT JOIN customers c ON c.id = d.customer_id "
  "LEFT JOIN team_members m ON m.id = d.owner_id LEFT JOIN products p ON p.id = d.product_id "
  "ORDER BY d.id";

static const ExportColumn event_columns[] = {
  { "deal", JX_EXPORT_TEXT }, { "stage", JX_EXPORT_TEXT }, { "entered", JX_EXPORT_DATE },
};
static const char event_sql[] =
  "SELECT d.ref, s.name, e.entered FROM stage_events e JOIN deals d ON d.id = e.deal_id "
  "JOIN stages s ON s.id = e.stage_id ORDER BY e.deal_id, e.entered, e.id";

static const ExportColumn target_columns[] = {
  { "plan", JX_EXPORT_TEXT }, { "path", JX_EXPORT_TEXT }, { "period_from", JX_EXPORT_DATE },
  { "period_to", JX_EXPORT_DATE }, { "metric", JX_EXPORT_TEXT }, { "amount", JX_EXPORT_MONEY },
  { "owner", JX_EXPORT_TEXT }, { "dimension", JX_EXPORT_TEXT }, { "region", JX_EXPORT_TEXT },
  { "member", JX_EXPORT_TEXT }, { "product_line", JX_EXPORT_TEXT },
  { "customer_type", JX_EXPORT_TEXT }, { "tier", JX_EXPORT_TEXT },
  { "locked", JX_EXPORT_BOOL }, { "method", JX_EXPORT_TEXT }, { "rationale", JX_EXPORT_TEXT },
};
/* Parents before children: the tree is walked in order of the positions. */
static const char target_sql[] =
  "WITH RECURSIVE tree(id, path, sort) AS ("
  "  SELECT id, name, printf('%08d.%08d', plan_id, position) FROM target_nodes "
  "  WHERE parent_id IS NULL"
  "  UNION ALL"
  "  SELECT n.id, tree.path || ' / ' || n.name, tree.sort || printf('.%08d', n.position) "
  "  FROM target_nodes n JOIN tree ON n.parent_id = tree.id) "
  "SELECT pl.name, tree.path, n.period_from, n.period_to, n.metric, n.amount, o.name, "
  "n.dimension, r.name, m.name, l.name, t.name, n.tier, n.locked, n.method, n.rationale "
  "FROM tree JOIN target_nodes n ON n.id = tree.id JOIN target_plans pl ON pl.id = n.plan_id "
  "LEFT JOIN team_members o ON o.id = n.owner_id LEFT JOIN regions r ON r.id = n.region_id "
  "LEFT JOIN team_members m ON m.id = n.member_id "
  "LEFT JOIN product_lines l ON l.id = n.product_line_id "
  "LEFT JOIN customer_types t ON t.id = n.customer_type_id ORDER BY tree.sort, n.id";

struct _JxExport {
  JxImportKind        kind;
  const ExportColumn *columns;
  guint               n_columns;
  sqlite3_stmt       *stmt;
  JxStore            *store;
  int                 digits;
  GPtrArray          *cells;
};

/**
 * jx_export_new:
 * @store: a database
 * @kind: what to export
 * @error: return location for an error
 *
 * Returns: (transfer full): an iterator over the rows of @kind, or %NULL on a database error
 */
JxExport *
jx_export_new (JxStore       *store,
               JxImportKind   kind,
               GError       **error)
{
  g_autoptr(JxExport) self = g_new0 (JxExport, 1);
  g_autofree char *currency = NULL;
  const char *sql;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  self->kind = kind;
  self->store = g_object_ref (store);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  currency = jx_store_get_setting (store, "currency");
  self->digits = jx_currency_digits (currency);
  switch (kind)
    {
#define CASE(k, cols, q) case k: self->columns = cols; self->n_columns = G_N_ELEMENTS (cols); sql = q; break
    CASE (JX_IMPORT_KIND_CUSTOMERS, customer_columns, customer_sql);
    CASE (JX_IMPORT_KIND_PRODUCTS, product_columns, product_sql);
    CASE (JX_IMPORT_KIND_TEAM, team_columns, team_sql);
    CASE (JX_IMPORT_KIND_DEALS, deal_columns, deal_sql);
    CASE (JX_IMPORT_KIND_STAGE_EVENTS, event_columns, event_sql);
    CASE (JX_IMPORT_KIND_TARGETS, target_columns, target_sql);
#undef CASE
    case JX_IMPORT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
  self->stmt = jx_store_prepare (store, sql, error);
  if (self->stmt == NULL)
    return NULL;
  g_ptr_array_set_size (self->cells, self->n_columns);
  return g_steal_pointer (&self);
}

void
jx_export_free (JxExport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->stmt, sqlite3_finalize);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_free (self);
}

guint
jx_export_get_n_columns (JxExport *self)
{
  return self->n_columns;
}

/* The header of a column: the import field it maps back to. */
const char *
jx_export_get_header (JxExport *self,
                      guint     column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column].header;
}

JxExportColumnType
jx_export_get_column_type (JxExport *self,
                           guint     column)
{
  g_return_val_if_fail (column < self->n_columns, JX_EXPORT_TEXT);

  return self->columns[column].type;
}

/* Minor units as a plain decimal in major units: 123456 → "1234.56". */
static char *
format_money (gint64 minor,
              int    digits)
{
  gint64 scale = 1;

  for (int i = 0; i < digits; i++)
    scale *= 10;
  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minor);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, minor / scale, digits,
                          minor % scale);
}

/* Moves to the next row; FALSE at the end (@error unset) or on a database error. */
gboolean
jx_export_next (JxExport  *self,
                GError   **error)
{
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      char *text = NULL;

      if (sqlite3_column_type (self->stmt, c) != SQLITE_NULL)
        switch (self->columns[c].type)
          {
          case JX_EXPORT_MONEY:
            /* Counts of deal and new-customer targets are not money. */
            if (self->kind == JX_IMPORT_KIND_TARGETS &&
                g_strcmp0 (jx_column_text (self->stmt, 4), "revenue") != 0)
              text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (self->stmt, c));
            else
              text = format_money (sqlite3_column_int64 (self->stmt, c), self->digits);
            break;
          case JX_EXPORT_BOOL:
            text = g_strdup (sqlite3_column_int (self->stmt, c) ? "yes" : "no");
            break;
          case JX_EXPORT_NUMBER:
          case JX_EXPORT_DATE:
          case JX_EXPORT_TEXT:
          default:
            text = g_strdup (jx_column_text (self->stmt, c));
            break;
          }
      g_free (self->cells->pdata[c]);
      self->cells->pdata[c] = text;
    }
  return TRUE;
}

/* The cell of the current row, or %NULL when it is empty. */
const char *
jx_export_get_cell (JxExport *self,
                    guint     column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->cells->pdata[column];
}

/* RFC 4180: quote cells with a comma, a quote, a line break or spaces at either end; an
 * apostrophe before = + - @ keeps spreadsheets from running the cell as a formula (the
 * import takes it off again). */
static void
append_cell (GString    *line,
             const char *cell)
{
  g_autofree char *escaped = jx_import_escape_cell (cell != NULL ? cell : "");
  gsize n = strlen (escaped);
  gboolean quote = strpbrk (escaped, ",\"\r\n") != NULL ||
                   (n > 0 && (escaped[0] == ' ' || escaped[n - 1] == ' ' ||
                              escaped[0] == '\t' || escaped[n - 1] == '\t'));

  if (!quote)
    {
      g_string_append (line, escaped);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * jx_export_write_csv:
 * @store: a database
 * @kind: what to export
 * @out: where the CSV goes
 * @n_rows: (out) (optional): the number of rows written
 * @error: return location for an error
 *
 * Writes UTF-8 CSV with a byte order mark (so spreadsheets read Chinese right) and CRLF
 * line ends, which `jingxi-cli import` reads back to the same data.
 */
gboolean
jx_export_write_csv (JxStore        *store,
                     JxImportKind    kind,
                     GOutputStream  *out,
                     guint          *n_rows,
                     GError        **error)
{
  g_autoptr(JxExport) export = jx_export_new (store, kind, error);
  g_autoptr(GString) line = g_string_sized_new (4096);
  g_autoptr(GError) local_error = NULL;
  guint rows = 0;

  if (export == NULL)
    return FALSE;
  g_string_append (line, "\xEF\xBB\xBF");
  for (guint c = 0; c < export->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (line, ',');
      append_cell (line, export->columns[c].header);
    }
  g_string_append (line, "\r\n");
  while (jx_export_next (export, &local_error))
    {
      for (guint c = 0; c < export->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (line, ',');
          append_cell (line, export->cells->pdata[c]);
        }
      g_string_append (line, "\r\n");
      rows++;
      if (line->len >= 64 * 1024)
        {
          if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (line, 0);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
