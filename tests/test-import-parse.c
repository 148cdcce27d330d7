/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
assert_date (const char  *text,
             JxDateOrder  order,
             const char  *expected)
{
  char iso[11] = "";
  gboolean ok = jx_import_parse_date (text, order, iso);

  if (expected == NULL)
    {
      if (ok)
        g_error ("“%s” read as %s, expected no date", text, iso);
      return;
    }
  if (!ok)
    g_error ("“%s” is not read as a date, expected %s", text, expected);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_dates (void)
{
  assert_date ("2017-03-01", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("  2017-03-01 ", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017/3/1", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017/03/01", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017.03.01", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017年3月1日", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017年03月01日", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("20170301", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017-03-01 14:30:00", JX_DATE_ORDER_YMD, "2017-03-01");
  assert_date ("2017-03-01T14:30Z", JX_DATE_ORDER_YMD, "2017-03-01");
  /* Year-first dates read the same in every order. */
  assert_date ("2017-03-01", JX_DATE_ORDER_DMY, "2017-03-01");
  /* Year-last dates need the order. */
  assert_date ("3/1/2017", JX_DATE_ORDER_YMD, NULL);
  assert_date ("3/1/2017", JX_DATE_ORDER_MDY, "2017-03-01");
  assert_date ("3/1/2017", JX_DATE_ORDER_DMY, "2017-01-03");
  assert_date ("13/1/2017", JX_DATE_ORDER_MDY, NULL);
  assert_date ("13.1.2017", JX_DATE_ORDER_DMY, "2017-01-13");
  assert_date ("12/31/2016 2:30 PM", JX_DATE_ORDER_MDY, "2016-12-31");
  /* Impossible or absurd dates. */
  assert_date ("2017-13-01", JX_DATE_ORDER_YMD, NULL);
  assert_date ("2017-02-29", JX_DATE_ORDER_YMD, NULL);
  assert_date ("2016-02-29", JX_DATE_ORDER_YMD, "2016-02-29");
  assert_date ("0217-03-01", JX_DATE_ORDER_YMD, NULL);
  assert_date ("2017-03", JX_DATE_ORDER_YMD, NULL);
  assert_date ("2017-03-01x", JX_DATE_ORDER_YMD, NULL);
  assert_date ("2017/03-01", JX_DATE_ORDER_YMD, NULL);
  assert_date ("", JX_DATE_ORDER_YMD, NULL);
  assert_date ("yesterday", JX_DATE_ORDER_YMD, NULL);
  assert_date ("3/1/17", JX_DATE_ORDER_MDY, NULL);
}

static void
test_date_order (void)
{
  JxDateOrder order = JX_DATE_ORDER_YMD;

  g_assert_true (jx_date_order_from_string ("M/D/YYYY", &order));
  g_assert_cmpint (order, ==, JX_DATE_ORDER_MDY);
  g_assert_true (jx_date_order_from_string ("dd/mm/yyyy", &order));
  g_assert_cmpint (order, ==, JX_DATE_ORDER_DMY);
  g_assert_true (jx_date_order_from_string ("YYYY-MM-DD", &order));
  g_assert_cmpint (order, ==, JX_DATE_ORDER_YMD);
  g_assert_false (jx_date_order_from_string ("Y/D/M", &order));
  g_assert_cmpstr (jx_date_order_to_string (JX_DATE_ORDER_MDY), ==, "M/D/YYYY");
}

static void
assert_amount (const char     *text,
               int             digits,
               JxAmountResult  expected,
               gint64          minor)
{
  gint64 value = -1;
  JxAmountResult result = jx_import_parse_amount (text, digits, &value);

  if (result != expected)
    g_error ("“%s”: result %d, expected %d", text, result, expected);
  if (expected == JX_AMOUNT_OK)
    g_assert_cmpint (value, ==, minor);
}

static void
test_amounts (void)
{
  assert_amount ("1234", 2, JX_AMOUNT_OK, 123400);
  assert_amount ("1,234.56", 2, JX_AMOUNT_OK, 123456);
  assert_amount ("¥1,234.56", 2, JX_AMOUNT_OK, 123456);
  assert_amount ("￥ 1,234.5", 2, JX_AMOUNT_OK, 123450);
  assert_amount ("$4,514", 2, JX_AMOUNT_OK, 451400);
  assert_amount ("€ 1.234,56", 2, JX_AMOUNT_OK, 123456);
  assert_amount ("1 234,56 €", 2, JX_AMOUNT_OK, 123456);
  assert_amount ("£12", 2, JX_AMOUNT_OK, 1200);
  assert_amount ("RMB 3,000", 2, JX_AMOUNT_OK, 300000);
  assert_amount ("3000元", 2, JX_AMOUNT_OK, 300000);
  assert_amount ("1,234,567.891", 2, JX_AMOUNT_OK, 123456789);
  assert_amount ("10.005", 2, JX_AMOUNT_OK, 1001);
  assert_amount ("10.004", 2, JX_AMOUNT_OK, 1000);
  assert_amount ("1,5", 2, JX_AMOUNT_OK, 150);
  assert_amount ("0", 2, JX_AMOUNT_OK, 0);
  assert_amount ("0.00", 2, JX_AMOUNT_OK, 0);
  assert_amount ("1,234", 0, JX_AMOUNT_OK, 1234);
  assert_amount ("1234.6", 0, JX_AMOUNT_OK, 1235);
  assert_amount ("1'234.50", 2, JX_AMOUNT_OK, 123450);
  /* Blank is not zero. */
  assert_amount ("", 2, JX_AMOUNT_BLANK, 0);
  assert_amount ("   ", 2, JX_AMOUNT_BLANK, 0);
  assert_amount ("-5", 2, JX_AMOUNT_NEGATIVE, 0);
  assert_amount ("(120.00)", 2, JX_AMOUNT_NEGATIVE, 0);
  assert_amount ("−7", 2, JX_AMOUNT_NEGATIVE, 0);
  assert_amount ("abc", 2, JX_AMOUNT_INVALID, 0);
  assert_amount ("1.2E+06", 2, JX_AMOUNT_INVALID, 0);
  assert_amount ("12%", 2, JX_AMOUNT_INVALID, 0);
  assert_amount ("1.2.3", 2, JX_AMOUNT_INVALID, 0);
  assert_amount ("1,,2", 2, JX_AMOUNT_INVALID, 0);
  /* A sign followed by a space: the start goes past the end, which must not read before
   * the text looking for a currency mark. */
  assert_amount ("- ", 2, JX_AMOUNT_INVALID, 0);
  assert_amount ("100 ", 2, JX_AMOUNT_OK, 10000);
  assert_amount ("100 USD", 2, JX_AMOUNT_OK, 10000);
  assert_amount ("$", 2, JX_AMOUNT_INVALID, 0);
  assert_amount (".5", 2, JX_AMOUNT_OK, 50);
  assert_amount ("5.", 2, JX_AMOUNT_OK, 500);
  assert_amount ("99999999999999999999", 2, JX_AMOUNT_TOO_LARGE, 0);
  assert_amount ("10000000000000.01", 2, JX_AMOUNT_TOO_LARGE, 0);
  assert_amount ("9999999999999.99", 2, JX_AMOUNT_OK, G_GINT64_CONSTANT (999999999999999));
}

static void
test_counts_and_flags (void)
{
  gint64 n = -1;
  gboolean flag = FALSE;

  g_assert_cmpint (jx_import_parse_count ("1,200", &n), ==, JX_AMOUNT_OK);
  g_assert_cmpint (n, ==, 1200);
  g_assert_cmpint (jx_import_parse_count ("12.0", &n), ==, JX_AMOUNT_OK);
  g_assert_cmpint (n, ==, 12);
  g_assert_cmpint (jx_import_parse_count ("12.5", &n), ==, JX_AMOUNT_INVALID);
  g_assert_cmpint (jx_import_parse_count ("$12", &n), ==, JX_AMOUNT_INVALID);
  g_assert_cmpint (jx_import_parse_count ("-3", &n), ==, JX_AMOUNT_NEGATIVE);
  g_assert_cmpint (jx_import_parse_count ("", &n), ==, JX_AMOUNT_BLANK);

  g_assert_true (jx_import_parse_bool ("Yes", &flag) && flag);
  g_assert_true (jx_import_parse_bool ("是", &flag) && flag);
  g_assert_true (jx_import_parse_bool (" 0 ", &flag) && !flag);
  g_assert_true (jx_import_parse_bool ("FALSE", &flag) && !flag);
  g_assert_false (jx_import_parse_bool ("maybe", &flag));
}

static void
test_formula_escape (void)
{
  const char *cells[] = { "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "'=x", "''@y", "plain",
                          "", "a=b", "'quoted'" };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *escaped = jx_import_escape_cell (cells[i]);
      g_autofree char *back = jx_import_unescape_cell (escaped);

      g_assert_cmpstr (back, ==, cells[i]);
      if (i < 6)
        g_assert_true (escaped[0] == '\'' && g_str_equal (escaped + 1, cells[i]));
      else
        g_assert_cmpstr (escaped, ==, cells[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/import-parse/dates", test_dates);
  g_test_add_func ("/jx/import-parse/date-order", test_date_order);
  g_test_add_func ("/jx/import-parse/amounts", test_amounts);
  g_test_add_func ("/jx/import-parse/counts-and-flags", test_counts_and_flags);
  g_test_add_func ("/jx/import-parse/formula-escape", test_formula_escape);
  return g_test_run ();
}
