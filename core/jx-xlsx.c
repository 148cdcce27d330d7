/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jx-date.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"
#include "jx-tier.h"
#include "jx-xlsx.h"

/*
 * Spreadsheet export with libxlsxwriter, one sheet per file: deals, customers or targets.
 *
 * A spreadsheet is for further work, so cells keep their types: amounts are numbers in
 * major units (yuan) with a number format, counts are numbers, dates are Excel dates.
 * The header row is styled, frozen and carries an autofilter; columns are as wide as
 * their longest text, counting East Asian wide characters twice.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode, row by row, so a
 * million deals do not sit in memory; it goes to a temporary file next to the target that
 * replaces the target only when complete.
 */

#define MAX_COLUMNS   16
#define MIN_WIDTH     6.0
#define MAX_WIDTH     60.0

G_DEFINE_QUARK (jx-xlsx-error-quark, jx_xlsx_error)

typedef struct {
  JxStore       *store;
  lxw_workbook  *workbook;
  lxw_worksheet *worksheet;
  lxw_format    *header;
  lxw_format    *money;
  lxw_format    *count;
  lxw_format    *date;
  const char    *currency;
  guint          n_columns;
  double         widths[MAX_COLUMNS];
  lxw_row_t      row;
  lxw_error      failed;
} Sheet;

typedef gboolean (*WriteFunc) (Sheet   *sheet,
                               GError **error);

typedef struct {
  const char *name;
  const char *count_sql;
  WriteFunc   write;
} Kind;

/* Column widths in Excel's units, about one Latin digit; wide characters take two. */
static double
text_width (const char *text)
{
  double width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
grow (Sheet  *sheet,
      guint   column,
      double  width)
{
  g_assert (column < sheet->n_columns);
  sheet->widths[column] = MAX (sheet->widths[column], width);
}

static void
check (Sheet     *sheet,
       lxw_error  error)
{
  if (error != LXW_NO_ERROR && sheet->failed == LXW_NO_ERROR)
    sheet->failed = error;
}

static void
put_header (Sheet             *sheet,
            const char *const *titles)
{
  /* In constant-memory mode a row is settled once the next one starts: size it first. */
  check (sheet, worksheet_set_row (sheet->worksheet, 0, 20, NULL));
  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_assert (i < MAX_COLUMNS);
      sheet->n_columns = i + 1;
      check (sheet, worksheet_write_string (sheet->worksheet, 0, i, titles[i], sheet->header));
      /* Room for the autofilter button. */
      grow (sheet, i, text_width (titles[i]) + 3);
    }
  sheet->row = 0;
}

static void
next_row (Sheet *sheet)
{
  sheet->row++;
}

static void
put_text (Sheet      *sheet,
          guint       column,
          const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  /* worksheet_write_string() never reads a formula, so text starting with "=" stays text. */
  check (sheet, worksheet_write_string (sheet->worksheet, sheet->row, column, text, NULL));
  grow (sheet, column, text_width (text));
}

static void
put_count (Sheet  *sheet,
           guint   column,
           gint64  value)
{
  g_autofree char *text = jx_number_format (value);

  check (sheet, worksheet_write_number (sheet->worksheet, sheet->row, column, (double) value,
                                        sheet->count));
  grow (sheet, column, text_width (text));
}

/* Minor units from column @index of @stmt, written in major units; NULL leaves it blank. */
static void
put_money (Sheet        *sheet,
           guint         column,
           sqlite3_stmt *stmt,
           int           index)
{
  gint64 minor;
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return;
  minor = sqlite3_column_int64 (stmt, index);
  text = jx_money_format (minor, sheet->currency);
  check (sheet, worksheet_write_number (sheet->worksheet, sheet->row, column,
                                        jx_money_to_major (minor, sheet->currency),
                                        sheet->money));
  grow (sheet, column, text_width (text));
}

/* An ISO date as an Excel date; text that is not a date is kept as text rather than lost. */
static void
put_date (Sheet      *sheet,
          guint       column,
          const char *iso)
{
  lxw_datetime datetime = { 0 };
  GDate date;

  if (iso == NULL || *iso == '\0')
    return;
  if (!jx_date_parse_iso (iso, &date) || g_date_get_year (&date) < 1900)
    {
      put_text (sheet, column, iso);
      return;
    }
  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  check (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, column, &datetime,
                                          sheet->date));
  grow (sheet, column, 10);
}

static gboolean
step_failed (Sheet   *sheet,
             int      rc,
             GError **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  jx_store_set_error (sheet->store, rc, error);
  return TRUE;
}

static const char *
status_label (int status)
{
  switch (status)
    {
    case 1:
      return C_("deal status", "Won");
    case 2:
      return C_("deal status", "Lost");
    case 0:
    default:
      return C_("deal status", "Open");
    }
}

static gboolean
write_deals (Sheet   *sheet,
             GError **error)
{
  const char *titles[] = {
    C_("column", "Ref"), C_("column", "Title"), C_("column", "Customer"),
    C_("column", "Owner"), C_("column", "Product"), C_("column", "Product line"),
    C_("column", "Stage"), C_("column", "Status"), C_("column", "Amount"),
    C_("column", "Opened"), C_("column", "Expected close"), C_("column", "Closed"),
    C_("column", "Reason won or lost"), NULL,
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jx_store_prepare (sheet->store,
                           "SELECT d.ref, d.title, c.name, m.name, p.name, l.name, s.name,"
                           " d.status, d.amount, d.opened, d.expected_close, d.closed,"
                           " CASE d.status WHEN 1 THEN d.won_reason ELSE d.lost_reason END"
                           " FROM deals d"
                           " JOIN stages s ON s.id = d.stage_id"
                           " LEFT JOIN customers c ON c.id = d.customer_id"
                           " LEFT JOIN team_members m ON m.id = d.owner_id"
                           " LEFT JOIN products p ON p.id = d.product_id"
                           " LEFT JOIN product_lines l ON l.id = p.line_id"
                           " ORDER BY d.id", error);
  if (stmt == NULL)
    return FALSE;
  put_header (sheet, titles);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      next_row (sheet);
      for (int i = 0; i < 7; i++)
        put_text (sheet, i, jx_column_text (stmt, i));
      put_text (sheet, 7, status_label (sqlite3_column_int (stmt, 7)));
      put_money (sheet, 8, stmt, 8);
      put_date (sheet, 9, jx_column_text (stmt, 9));
      put_date (sheet, 10, jx_column_text (stmt, 10));
      put_date (sheet, 11, jx_column_text (stmt, 11));
      put_text (sheet, 12, jx_column_text (stmt, 12));
    }
  return !step_failed (sheet, rc, error);
}

/* The tier's label, or NULL (an empty cell) for customers without a tier. */
static const char *
tier_label (const char *tier)
{
  JxTier value;

  if (!jx_tier_from_string (tier, &value) || value == JX_TIER_NONE)
    return NULL;
  return jx_tier_get_label (value);
}

static gboolean
write_customers (Sheet   *sheet,
                 GError **error)
{
  const char *titles[] = {
    C_("column", "Name"), C_("column", "Type"), C_("column", "Region"),
    C_("column", "Owner"), C_("column", "Tier"), C_("column", "Annual revenue"),
    C_("column", "Created"), NULL,
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jx_store_prepare (sheet->store,
                           "SELECT c.name, t.name, r.name, m.name, c.tier, c.annual_revenue,"
                           " c.created"
                           " FROM customers c"
                           " LEFT JOIN customer_types t ON t.id = c.type_id"
                           " LEFT JOIN regions r ON r.id = c.region_id"
                           " LEFT JOIN team_members m ON m.id = c.owner_id"
                           " ORDER BY c.id", error);
  if (stmt == NULL)
    return FALSE;
  put_header (sheet, titles);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      next_row (sheet);
      for (int i = 0; i < 4; i++)
        put_text (sheet, i, jx_column_text (stmt, i));
      put_text (sheet, 4, tier_label (jx_column_text (stmt, 4)));
      put_money (sheet, 5, stmt, 5);
      put_date (sheet, 6, jx_column_text (stmt, 6));
    }
  return !step_failed (sheet, rc, error);
}

static const char *
metric_label (const char *metric)
{
  if (g_strcmp0 (metric, "deals") == 0)
    return C_("metric", "Deals won");
  if (g_strcmp0 (metric, "new_customers") == 0)
    return C_("metric", "New customers");
  return C_("metric", "Revenue");
}

/* The node's own and inherited filters, as "Region: East; Rep: Wang Wei". */
static char *
filters_text (sqlite3_stmt *stmt,
              int           first)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *names[] = {
    C_("filter", "Region"),
    C_("filter", "Rep"),
    C_("filter", "Product line"),
    C_("filter", "Customer type"),
    C_("filter", "Tier"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = jx_column_text (stmt, first + i);

      if (i == G_N_ELEMENTS (names) - 1)
        value = tier_label (value);
      if (value == NULL || *value == '\0')
        continue;
      if (out->len > 0)
        /* Translators: the separator between the filters of a target in a spreadsheet. */
        g_string_append (out, C_("filter", "; "));
      /* Translators: one filter of a target in a spreadsheet, "Region: East". */
      g_string_append_printf (out, C_("filter", "%s: %s"), names[i], value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_targets (Sheet   *sheet,
               GError **error)
{
  const char *titles[] = {
    C_("column", "Plan"), C_("column", "Target"), C_("column", "Metric"),
    C_("column", "From"), C_("column", "To"), C_("column", "Amount"),
    C_("column", "Locked"), C_("column", "Filters"), NULL,
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Nodes in tree order, each with its path from the root ("Revenue 2026 / Q1 / East"). */
  stmt = jx_store_prepare (sheet->store,
                           "WITH RECURSIVE tree(id, path, sort) AS ("
                           "  SELECT id, name, printf('%08d.%012d', position, id)"
                           "  FROM target_nodes WHERE parent_id IS NULL"
                           "  UNION ALL"
                           "  SELECT n.id, tree.path || ' / ' || n.name,"
                           "   tree.sort || '/' || printf('%08d.%012d', n.position, n.id)"
                           "  FROM target_nodes n JOIN tree ON n.parent_id = tree.id)"
                           " SELECT p.name, tree.path, n.metric, n.period_from, n.period_to,"
                           "  n.amount, n.locked, r.name, m.name, l.name, t.name, n.tier"
                           " FROM tree"
                           " JOIN target_nodes n ON n.id = tree.id"
                           " JOIN target_plans p ON p.id = n.plan_id"
                           " LEFT JOIN regions r ON r.id = n.region_id"
                           " LEFT JOIN team_members m ON m.id = n.member_id"
                           " LEFT JOIN product_lines l ON l.id = n.product_line_id"
                           " LEFT JOIN customer_types t ON t.id = n.customer_type_id"
                           " ORDER BY p.active DESC, p.name, p.id, tree.sort", error);
  if (stmt == NULL)
    return FALSE;
  put_header (sheet, titles);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *metric = jx_column_text (stmt, 2);
      g_autofree char *filters = filters_text (stmt, 7);

      next_row (sheet);
      put_text (sheet, 0, jx_column_text (stmt, 0));
      put_text (sheet, 1, jx_column_text (stmt, 1));
      put_text (sheet, 2, metric_label (metric));
      put_date (sheet, 3, jx_column_text (stmt, 3));
      put_date (sheet, 4, jx_column_text (stmt, 4));
      /* Revenue targets are money; the others count deals or customers. */
      if (g_strcmp0 (metric, "revenue") == 0)
        put_money (sheet, 5, stmt, 5);
      else
        put_count (sheet, 5, sqlite3_column_int64 (stmt, 5));
      put_text (sheet, 6, sqlite3_column_int (stmt, 6) ? C_("locked", "Yes")
                                                       : C_("locked", "No"));
      put_text (sheet, 7, filters);
    }
  return !step_failed (sheet, rc, error);
}

static const Kind kinds[] = {
  { "deals", "SELECT count(*) FROM deals", write_deals },
  { "customers", "SELECT count(*) FROM customers", write_customers },
  { "targets", "SELECT count(*) FROM target_nodes", write_targets },
};

static const char *
sheet_name (const Kind *kind)
{
  /* Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
  if (kind->write == write_customers)
    return C_("sheet", "Customers");
  if (kind->write == write_targets)
    return C_("sheet", "Targets");
  return C_("sheet", "Deals");
}

/* The kinds jx_export_xlsx() takes, NULL-terminated. */
const char *const *
jx_export_xlsx_kinds (void)
{
  static const char *const names[] = { "deals", "customers", "targets", NULL };

  return names;
}

static gint64
count_rows (JxStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jx_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static char *
money_format_code (const char *currency)
{
  g_autoptr(GString) code = g_string_new (NULL);
  g_autofree char *symbol = g_strstrip (g_strdup (jx_currency_symbol (currency)));
  int digits = jx_currency_digits (currency);

  /* The symbol in quotes, so that Excel shows it as it is in any locale. */
  g_string_append_printf (code, "\"%s\"#,##0", symbol);
  if (digits > 0)
    {
      g_string_append_c (code, '.');
      for (int i = 0; i < digits; i++)
        g_string_append_c (code, '0');
    }
  return g_string_free (g_steal_pointer (&code), FALSE);
}

static void
add_formats (Sheet *sheet)
{
  g_autofree char *money = money_format_code (sheet->currency);

  sheet->header = workbook_add_format (sheet->workbook);
  format_set_bold (sheet->header);
  format_set_font_color (sheet->header, 0x1E1E1E);
  format_set_bg_color (sheet->header, 0xDCE6F4);
  format_set_pattern (sheet->header, LXW_PATTERN_SOLID);
  format_set_bottom (sheet->header, LXW_BORDER_THIN);
  format_set_bottom_color (sheet->header, 0x1C71D8);
  format_set_text_wrap (sheet->header);
  format_set_align (sheet->header, LXW_ALIGN_VERTICAL_CENTER);

  sheet->money = workbook_add_format (sheet->workbook);
  format_set_num_format (sheet->money, money);
  sheet->count = workbook_add_format (sheet->workbook);
  format_set_num_format (sheet->count, "#,##0");
  sheet->date = workbook_add_format (sheet->workbook);
  format_set_num_format (sheet->date, "yyyy-mm-dd");
}

static void
finish_sheet (Sheet *sheet)
{
  for (guint i = 0; i < sheet->n_columns; i++)
    check (sheet, worksheet_set_column (sheet->worksheet, i, i,
                                        CLAMP (sheet->widths[i] + 2, MIN_WIDTH, MAX_WIDTH),
                                        NULL));
  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  check (sheet, worksheet_autofilter (sheet->worksheet, 0, 0, MAX (sheet->row, 1),
                                      sheet->n_columns - 1));
}

/* A free name beside @path for the workbook to be written to before it replaces @path.
 * Creating the file first tells early whether the folder can be written to; it is removed
 * again so that libxlsxwriter creates it with the usual permissions. */
static char *
make_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, template, NULL);
  int fd = g_mkstemp (temp);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_WRITE,
                   _("Could not write “%s”: %s. Check that the folder exists and that you may "
                     "write in it."),
                   path, g_strerror (saved));
      g_free (temp);
      return NULL;
    }
  g_close (fd, NULL);
  g_unlink (temp);
  return temp;
}

/**
 * jx_export_xlsx:
 * @kind: "deals", "customers" or "targets" (see jx_export_xlsx_kinds())
 * @path: the .xlsx file to write; an existing file is replaced only on success
 * @today: the day of the export, recorded as the workbook's creation date
 *
 * Writes one kind of record as an Excel workbook with typed cells.
 */
gboolean
jx_export_xlsx (JxStore      *store,
                const char   *kind,
                const char   *path,
                const GDate  *today,
                GError      **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  g_autofree char *currency = NULL;
  g_autofree char *company = NULL;
  g_autofree char *temp = NULL;
  const Kind *found = NULL;
  Sheet sheet = { 0 };
  lxw_error closed;
  gint64 n_rows;
  g_autoptr(GDateTime) created = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && path != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].name) == 0)
      found = &kinds[i];
  if (found == NULL)
    {
      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_UNKNOWN_KIND,
                   _("Cannot export “%s”: choose deals, customers or targets."), kind);
      return FALSE;
    }

  n_rows = count_rows (store, found->count_sql, error);
  if (n_rows < 0)
    return FALSE;
  if (n_rows > JX_XLSX_MAX_ROWS)
    {
      g_autofree char *have = jx_number_format (n_rows);
      g_autofree char *limit = jx_number_format (JX_XLSX_MAX_ROWS);

      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_TOO_MANY_ROWS,
                   _("There are %s rows, more than the %s an Excel sheet holds. Export them as "
                     "CSV instead."),
                   have, limit);
      return FALSE;
    }

  temp = make_temporary (path, error);
  if (temp == NULL)
    return FALSE;

  currency = jx_store_get_setting (store, "currency");
  company = jx_store_get_setting (store, "company_name");
  sheet.store = store;
  sheet.currency = currency != NULL ? currency : "CNY";
  sheet.workbook = workbook_new_opt (temp, &options);
  if (sheet.workbook == NULL)
    {
      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_WRITE,
                   _("Could not write “%s”. Check that there is space on the disk."), path);
      return FALSE;
    }

  /* The export's day at midnight UTC, never the wall clock, so that the same data on the
   * same day gives the same file. */
  created = g_date_time_new_utc (g_date_get_year (today), g_date_get_month (today),
                                 g_date_get_day (today), 0, 0, 0);
  properties.title = (char *) sheet_name (found);
  properties.company = company != NULL && *company != '\0' ? company : NULL;
  properties.created = (time_t) g_date_time_to_unix (created);
  workbook_set_properties (sheet.workbook, &properties);

  sheet.worksheet = workbook_add_worksheet (sheet.workbook, sheet_name (found));
  add_formats (&sheet);

  if (!found->write (&sheet, error))
    {
      /* Closing frees the workbook; the half-written file goes. */
      workbook_close (sheet.workbook);
      g_unlink (temp);
      return FALSE;
    }
  finish_sheet (&sheet);
  closed = workbook_close (sheet.workbook);
  if (sheet.failed != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_autofree char *reason = g_strdup (lxw_strerror (sheet.failed != LXW_NO_ERROR
                                                        ? sheet.failed : closed));

      /* libxlsxwriter's messages end with a full stop; ours adds advice after it. */
      if (g_str_has_suffix (reason, "."))
        reason[strlen (reason) - 1] = '\0';
      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_WRITE,
                   _("Could not write “%s”: %s. Check that there is space on the disk."), path,
                   reason);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_WRITE,
                   _("Could not write “%s”: %s. Check that you may write in its folder."),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
