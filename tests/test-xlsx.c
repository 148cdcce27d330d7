/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "jx-test-util.h"

/*
 * An .xlsx file is a zip of XML parts. The test reads the parts back with `unzip -p` and
 * parses them with GMarkup: the cells of the sheet (their type attribute, style index and
 * value) and, from the styles part, the number format and font of each style index.
 */

typedef struct {
  char *type;    /* the t attribute, NULL for numbers */
  int   style;   /* the s attribute, 0 when absent */
  char *value;   /* <v> or the inline string's <t> */
  gboolean formula;
} Cell;

typedef struct {
  GHashTable *cells;       /* "B7" → Cell */
  GHashTable *widths;      /* column number → width (double, boxed) */
  guint       n_rows;
  char       *frozen;      /* the pane's ySplit when its state is frozen */
  char       *autofilter;
  /* Parser state. */
  Cell       *cell;
  gboolean    in_value;
} Sheet;

typedef struct {
  GHashTable *formats;     /* numFmtId → format code */
  GArray     *xf_formats;  /* style index → numFmtId */
  GArray     *xf_fonts;    /* style index → fontId */
  GArray     *bold_fonts;  /* fontId → bold */
  gboolean    in_cell_xfs;
  gboolean    in_fonts;
} Styles;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->type);
  g_free (cell->value);
  g_free (cell);
}

static const char *
attribute (const char  *name,
           const char **names,
           const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
sheet_start_cb (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              data,
                GError              **error)
{
  Sheet *sheet = data;

  if (strcmp (element, "row") == 0)
    sheet->n_rows++;
  else if (strcmp (element, "c") == 0)
    {
      const char *style = attribute ("s", names, values);

      sheet->cell = g_new0 (Cell, 1);
      sheet->cell->type = g_strdup (attribute ("t", names, values));
      sheet->cell->style = style != NULL ? atoi (style) : 0;
      g_hash_table_insert (sheet->cells, g_strdup (attribute ("r", names, values)), sheet->cell);
    }
  else if (strcmp (element, "v") == 0 || strcmp (element, "t") == 0)
    sheet->in_value = TRUE;
  else if (strcmp (element, "f") == 0 && sheet->cell != NULL)
    sheet->cell->formula = TRUE;
  else if (strcmp (element, "col") == 0)
    {
      double *width = g_new (double, 1);

      *width = g_ascii_strtod (attribute ("width", names, values), NULL);
      g_hash_table_insert (sheet->widths, GINT_TO_POINTER (atoi (attribute ("min", names, values))),
                           width);
    }
  else if (strcmp (element, "pane") == 0
           && g_strcmp0 (attribute ("state", names, values), "frozen") == 0)
    sheet->frozen = g_strdup (attribute ("ySplit", names, values));
  else if (strcmp (element, "autoFilter") == 0)
    sheet->autofilter = g_strdup (attribute ("ref", names, values));
}

static void
sheet_end_cb (GMarkupParseContext  *context,
              const char           *element,
              gpointer              data,
              GError              **error)
{
  Sheet *sheet = data;

  if (strcmp (element, "c") == 0)
    sheet->cell = NULL;
  else if (strcmp (element, "v") == 0 || strcmp (element, "t") == 0)
    sheet->in_value = FALSE;
}

static void
sheet_text_cb (GMarkupParseContext  *context,
               const char           *text,
               gsize                 length,
               gpointer              data,
               GError              **error)
{
  Sheet *sheet = data;

  if (sheet->in_value && sheet->cell != NULL)
    {
      g_autofree char *old = sheet->cell->value;

      sheet->cell->value = g_strconcat (old != NULL ? old : "", text, NULL);
    }
}

static void
styles_start_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              data,
                 GError              **error)
{
  Styles *styles = data;

  if (strcmp (element, "numFmt") == 0)
    g_hash_table_insert (styles->formats, g_strdup (attribute ("numFmtId", names, values)),
                         g_strdup (attribute ("formatCode", names, values)));
  else if (strcmp (element, "cellXfs") == 0)
    styles->in_cell_xfs = TRUE;
  else if (strcmp (element, "fonts") == 0)
    styles->in_fonts = TRUE;
  else if (strcmp (element, "font") == 0 && styles->in_fonts)
    {
      gboolean bold = FALSE;

      g_array_append_val (styles->bold_fonts, bold);
    }
  else if (strcmp (element, "b") == 0 && styles->in_fonts)
    g_array_index (styles->bold_fonts, gboolean, styles->bold_fonts->len - 1) = TRUE;
  else if (strcmp (element, "xf") == 0 && styles->in_cell_xfs)
    {
      int format = atoi (attribute ("numFmtId", names, values));
      int font = atoi (attribute ("fontId", names, values));

      g_array_append_val (styles->xf_formats, format);
      g_array_append_val (styles->xf_fonts, font);
    }
}

static void
styles_end_cb (GMarkupParseContext  *context,
               const char           *element,
               gpointer              data,
               GError              **error)
{
  Styles *styles = data;

  if (strcmp (element, "cellXfs") == 0)
    styles->in_cell_xfs = FALSE;
  else if (strcmp (element, "fonts") == 0)
    styles->in_fonts = FALSE;
}

static char *
unzip_part (const char *path,
            const char *part)
{
  const char *argv[] = { "unzip", "-p", path, part, NULL };

  return jx_test_run_tool (argv, NULL);
}

static void
parse (const char          *text,
       const GMarkupParser *parser,
       gpointer             data)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, 0, data, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
read_workbook (const char *path,
               Sheet      *sheet,
               Styles     *styles)
{
  static const GMarkupParser sheet_parser = { sheet_start_cb, sheet_end_cb, sheet_text_cb, };
  static const GMarkupParser styles_parser = { styles_start_cb, styles_end_cb, };
  g_autofree char *sheet_xml = unzip_part (path, "xl/worksheets/sheet1.xml");
  g_autofree char *styles_xml = unzip_part (path, "xl/styles.xml");

  memset (sheet, 0, sizeof *sheet);
  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  sheet->widths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  parse (sheet_xml, &sheet_parser, sheet);

  memset (styles, 0, sizeof *styles);
  styles->formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  styles->xf_formats = g_array_new (FALSE, FALSE, sizeof (int));
  styles->xf_fonts = g_array_new (FALSE, FALSE, sizeof (int));
  styles->bold_fonts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  parse (styles_xml, &styles_parser, styles);
}

static void
clear_workbook (Sheet  *sheet,
                Styles *styles)
{
  g_hash_table_unref (sheet->cells);
  g_hash_table_unref (sheet->widths);
  g_free (sheet->frozen);
  g_free (sheet->autofilter);
  g_hash_table_unref (styles->formats);
  g_array_unref (styles->xf_formats);
  g_array_unref (styles->xf_fonts);
  g_array_unref (styles->bold_fonts);
}

static Cell *
cell (Sheet      *sheet,
      const char *ref)
{
  return g_hash_table_lookup (sheet->cells, ref);
}

static const char *
format_of (Styles *styles,
           Cell   *c)
{
  g_autofree char *id = NULL;

  g_assert_cmpint (c->style, <, (int) styles->xf_formats->len);
  id = g_strdup_printf ("%d", g_array_index (styles->xf_formats, int, c->style));
  return g_hash_table_lookup (styles->formats, id);
}

static gboolean
is_bold (Styles *styles,
         Cell   *c)
{
  int font = g_array_index (styles->xf_fonts, int, c->style);

  return g_array_index (styles->bold_fonts, gboolean, font);
}

/* A text cell holding @text. */
static void
assert_text (Sheet      *sheet,
             const char *ref,
             const char *text)
{
  Cell *c = cell (sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpstr (c->type, ==, "inlineStr");
  g_assert_false (c->formula);
  g_assert_cmpstr (c->value, ==, text);
}

/* A numeric cell holding @value, shown with a number format containing @format. */
static void
assert_number (Sheet      *sheet,
               Styles     *styles,
               const char *ref,
               double      value,
               const char *format)
{
  Cell *c = cell (sheet, ref);

  g_assert_nonnull (c);
  g_assert_null (c->type);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (c->value, NULL), value, 1e-9);
  g_assert_nonnull (format_of (styles, c));
  g_assert_nonnull (strstr (format_of (styles, c), format));
}

/* Excel's serial number of a date: days since 1899-12-30. */
static double
serial (const char *iso)
{
  GDate epoch, date;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, 12, 1899);
  jx_test_date (&date, iso);
  return g_date_days_between (&epoch, &date);
}

static void
assert_date (Sheet      *sheet,
             Styles     *styles,
             const char *ref,
             const char *iso)
{
  assert_number (sheet, styles, ref, serial (iso), "yyyy-mm-dd");
}

static double
width (Sheet *sheet,
       int    column)
{
  double *w = g_hash_table_lookup (sheet->widths, GINT_TO_POINTER (column));

  g_assert_nonnull (w);
  return *w;
}

static void
fill (JxStore *store)
{
  jx_test_exec (store,
    "UPDATE settings SET value = 'Northwind' WHERE key = 'company_name';"
    "INSERT INTO regions(id, name) VALUES (1, 'East'), (2, '华北');"
    "INSERT INTO team_members(id, name, region_id) VALUES (1, 'Wang Wei', 1), (2, '李娜', 2);"
    "INSERT INTO product_lines(id, name) VALUES (1, 'Machines');"
    "INSERT INTO products(id, line_id, name) VALUES (1, 1, 'GTX Pro');"
    "INSERT INTO customer_types(id, name) VALUES (1, 'Manufacturer');"
    "INSERT INTO customers(id, name, type_id, region_id, owner_id, tier, annual_revenue, created)"
    " VALUES (1, 'Acme Industrial', 1, 1, 1, 'key', 12345678900, '2025-03-04'),"
    "        (2, '华东精密机械有限公司上海第二分公司', NULL, 2, 2, NULL, NULL, NULL);"
    "INSERT INTO deals(id, ref, title, customer_id, owner_id, product_id, amount, opened,"
    " expected_close, closed, stage_id, status, lost_reason) VALUES"
    " (1, 'D1', '=SUM(A1)', 1, 1, 1, 123456, '2026-10-05', '2026-12-01', NULL, 2, 0, ''),"
    " (2, 'D2', '生产线改造', 2, 2, NULL, NULL, '2026-01-31', NULL, '2026-03-01', 6, 1, ''),"
    " (3, 'D3', 'Lost one', NULL, NULL, NULL, 0, NULL, NULL, '2026-02-02', 7, 2, 'Price');"
    "INSERT INTO target_plans(id, name, active, created) VALUES (1, 'Plan 2026', 1, '2026-01-02');"
    "INSERT INTO target_nodes(id, plan_id, parent_id, position, name, metric, period_from,"
    " period_to, dimension, region_id, member_id, tier, amount, locked) VALUES"
    " (1, 1, NULL, 0, 'Revenue 2026', 'revenue', '2026-01-01', '2026-12-31', NULL, NULL, NULL,"
    "  NULL, 10000000000, 0),"
    " (3, 1, 1, 1, 'Deals East', 'deals', '2026-01-01', '2026-12-31', 'member', 1, 1, 'key',"
    "  40, 0),"
    " (2, 1, 1, 0, 'East', 'revenue', '2026-01-01', '2026-12-31', 'region', 1, NULL, NULL,"
    "  6000000000, 1);");
}

static void
export (JxStore    *store,
        const char *kind,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  g_assert_true (jx_export_xlsx (store, kind, path, &today, &error));
  g_assert_no_error (error);
}

typedef enum {
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE,
  CELL_BLANK,
} CellKind;

/* One cell the export must write: text, a number shown with a format containing @text, a
 * date (@text in ISO form), or nothing. */
typedef struct {
  const char *ref;
  CellKind    kind;
  const char *text;
  double      value;
} ExpectedCell;

/* An export of the hand-built database (fill()) and what its sheet must hold. */
typedef struct {
  const char         *kind;
  guint               n_rows;
  const ExpectedCell *cells;    /* up to a NULL ref */
  void              (*check) (Sheet  *sheet,
                              Styles *styles);
} ExportCase;

static void
check_deals (Sheet  *sheet,
             Styles *styles)
{
  g_assert_true (is_bold (styles, cell (sheet, "A1")));
  g_assert_false (is_bold (styles, cell (sheet, "A2")));
  g_assert_cmpstr (sheet->autofilter, ==, "A1:M4");
  /* 16 CJK characters count as 32; the Latin ref column stays narrow. */
  g_assert_cmpfloat (width (sheet, 3), >=, 32);
  g_assert_cmpfloat (width (sheet, 3), <, 40);
  g_assert_cmpfloat (width (sheet, 1), <, 10);
}

static const ExpectedCell deals_cells[] = {
  { "A1", CELL_TEXT, "Ref" },
  { "I1", CELL_TEXT, "Amount" },
  { "M1", CELL_TEXT, "Reason won or lost" },
  /* A title that looks like a formula stays text. */
  { "B2", CELL_TEXT, "=SUM(A1)" },
  { "C2", CELL_TEXT, "Acme Industrial" },
  { "F2", CELL_TEXT, "Machines" },
  { "H2", CELL_TEXT, "Open" },
  { "I2", CELL_NUMBER, "#,##0.00", 1234.56 },
  { "J2", CELL_DATE, "2026-10-05" },
  { "K2", CELL_DATE, "2026-12-01" },
  { "L2", CELL_BLANK },
  { "B3", CELL_TEXT, "生产线改造" },
  { "H3", CELL_TEXT, "Won" },
  { "I3", CELL_BLANK },                       /* no amount yet: blank, not 0 */
  { "L3", CELL_DATE, "2026-03-01" },
  { "H4", CELL_TEXT, "Lost" },
  { "I4", CELL_NUMBER, "#,##0.00", 0 },
  { "M4", CELL_TEXT, "Price" },
  { NULL },
};

static const ExpectedCell customers_cells[] = {
  { "F1", CELL_TEXT, "Annual revenue" },
  { "A2", CELL_TEXT, "Acme Industrial" },
  { "B2", CELL_TEXT, "Manufacturer" },
  { "C2", CELL_TEXT, "East" },
  { "D2", CELL_TEXT, "Wang Wei" },
  { "E2", CELL_TEXT, "Key" },
  { "F2", CELL_NUMBER, "#,##0.00", 123456789.0 },
  { "G2", CELL_DATE, "2025-03-04" },
  { "C3", CELL_TEXT, "华北" },
  { "B3", CELL_BLANK },
  { "F3", CELL_BLANK },
  { NULL },
};

static void
check_targets (Sheet  *sheet,
               Styles *styles)
{
  /* A count target is a plain number, not money. */
  g_assert_null (strstr (format_of (styles, cell (sheet, "F4")), "0.00"));
}

/* Tree order by position, whatever the ids. */
static const ExpectedCell targets_cells[] = {
  { "A2", CELL_TEXT, "Plan 2026" },
  { "B2", CELL_TEXT, "Revenue 2026" },
  { "C2", CELL_TEXT, "Revenue" },
  { "D2", CELL_DATE, "2026-01-01" },
  { "E2", CELL_DATE, "2026-12-31" },
  { "F2", CELL_NUMBER, "#,##0.00", 100000000.0 },
  { "G2", CELL_TEXT, "No" },
  { "H2", CELL_BLANK },
  { "B3", CELL_TEXT, "Revenue 2026 / East" },
  { "F3", CELL_NUMBER, "#,##0.00", 60000000.0 },
  { "G3", CELL_TEXT, "Yes" },
  { "H3", CELL_TEXT, "Region: East" },
  { "B4", CELL_TEXT, "Revenue 2026 / Deals East" },
  { "C4", CELL_TEXT, "Deals won" },
  { "F4", CELL_NUMBER, "#,##0", 40 },
  { "H4", CELL_TEXT, "Region: East; Rep: Wang Wei; Tier: Key" },
  { NULL },
};

static const ExportCase export_cases[] = {
  { "deals", 1 + 3, deals_cells, check_deals },
  { "customers", 1 + 2, customers_cells, NULL },
  { "targets", 1 + 3, targets_cells, check_targets },
};

static void
test_export (gconstpointer data)
{
  const ExportCase *c = data;
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *name = g_strconcat (c->kind, ".xlsx", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(JxStore) store = jx_test_open_new (dir, "x.db", JX_STORE_OPEN_DEFAULT, 0);
  Sheet sheet;
  Styles styles;

  fill (store);
  export (store, c->kind, path);
  read_workbook (path, &sheet, &styles);
  g_assert_cmpuint (sheet.n_rows, ==, c->n_rows);
  for (const ExpectedCell *e = c->cells; e->ref != NULL; e++)
    switch (e->kind)
      {
      case CELL_TEXT:
        assert_text (&sheet, e->ref, e->text);
        break;
      case CELL_NUMBER:
        assert_number (&sheet, &styles, e->ref, e->value, e->text);
        break;
      case CELL_DATE:
        assert_date (&sheet, &styles, e->ref, e->text);
        break;
      case CELL_BLANK:
        g_assert_null (cell (&sheet, e->ref));
        break;
      }
  /* The header row stays in view. */
  g_assert_cmpstr (sheet.frozen, ==, "1");
  if (c->check != NULL)
    c->check (&sheet, &styles);
  clear_workbook (&sheet, &styles);
  jx_test_remove_dir (dir);
}

/* On demo data: one row per deal, and the amounts add up to the SQL sum. */
static void
test_demo (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "deals.xlsx", NULL);
  g_autoptr(JxStore) store = jx_test_open_new (dir, "d.db", JX_STORE_OPEN_DEFAULT, 1);
  GHashTableIter iter;
  gpointer key, value;
  double sum = 0;
  gint64 n_amounts = 0;
  Sheet sheet;
  Styles styles;

  export (store, "deals", path);
  read_workbook (path, &sheet, &styles);
  g_assert_cmpuint (sheet.n_rows, ==, 1 + jx_test_query_int (store, "SELECT count(*) FROM deals"));

  g_hash_table_iter_init (&iter, sheet.cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *ref = key;
      Cell *c = value;

      if (ref[0] != 'I' || strcmp (ref, "I1") == 0)
        continue;
      g_assert_null (c->type);
      sum += g_ascii_strtod (c->value, NULL);
      n_amounts++;
    }
  g_assert_cmpint (n_amounts, ==,
                   jx_test_query_int (store, "SELECT count(amount) FROM deals"));
  g_assert_cmpfloat (fabs (sum * 100 - jx_test_query_int (store, "SELECT total(amount) FROM deals")),
                     <, 1.0);
  clear_workbook (&sheet, &styles);
  jx_test_remove_dir (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = jx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "out.xlsx", NULL);
  g_autoptr(JxStore) store = jx_test_open_new (dir, "x.db", JX_STORE_OPEN_DEFAULT, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  GDate today;

  jx_test_date (&today, "2026-11-27");
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  before = jx_test_file_checksum (path);

  g_assert_false (jx_export_xlsx (store, "invoices", path, &today, &error));
  g_assert_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "invoices"));
  g_clear_error (&error);

  g_assert_false (jx_export_xlsx (store, "deals", missing, &today, &error));
  g_assert_error (error, JX_XLSX_ERROR, JX_XLSX_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  after = jx_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* A successful export replaces the file and leaves no temporary file behind. */
  export (store, "customers", path);
  g_clear_pointer (&after, g_free);
  after = jx_test_file_checksum (path);
  g_assert_cmpstr (before, !=, after);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "x.db") || strcmp (name, "out.xlsx") == 0);

  g_assert_cmpstr (jx_export_xlsx_kinds ()[0], ==, "deals");
  g_assert_cmpuint (g_strv_length ((char **) jx_export_xlsx_kinds ()), ==, 3);
  jx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/jx/xlsx/", export_cases[i].kind, NULL);

      g_test_add_data_func (path, &export_cases[i], test_export);
    }
  g_test_add_func ("/jx/xlsx/demo", test_demo);
  g_test_add_func ("/jx/xlsx/errors", test_errors);
  return g_test_run ();
}
