/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
test_format (void)
{
  g_autofree char *a = jx_money_format (123456789, "CNY");
  g_autofree char *b = jx_money_format (-1205, "USD");
  g_autofree char *c = jx_money_format (5, "CNY");
  g_autofree char *d = jx_money_format (1234, "JPY");
  g_autofree char *e = jx_money_format (G_MININT64, "USD");

  g_assert_cmpstr (a, ==, "¥1,234,567.89");
  g_assert_cmpstr (b, ==, "−$12.05");
  g_assert_cmpstr (c, ==, "¥0.05");
  g_assert_cmpstr (d, ==, "¥1,234");
  g_assert_true (g_str_has_prefix (e, "−$92,233,720,368,547,758.08"));
}

static void
test_compact (void)
{
  g_autofree char *a = jx_money_format_compact (123456700, "CNY");
  g_autofree char *b = jx_money_format_compact (4500000, "CNY");
  g_autofree char *c = jx_money_format_compact (99900, "CNY");
  g_autofree char *d = jx_money_format_compact (250000000000, "USD");

  g_assert_cmpstr (a, ==, "¥1.23M");
  g_assert_cmpstr (b, ==, "¥45.0K");
  g_assert_cmpstr (c, ==, "¥999");
  g_assert_cmpstr (d, ==, "$2.50B");
}

static void
test_whole (void)
{
  g_autofree char *a = jx_money_format_whole (123456789, "CNY");
  g_autofree char *b = jx_money_format_whole (123456749, "CNY");
  g_autofree char *c = jx_money_format_whole (-1250, "USD");
  g_autofree char *d = jx_money_format_whole (-49, "USD");
  g_autofree char *e = jx_money_format_whole (1234, "JPY");

  /* Half a yuan and more rounds up, away from zero for debts. */
  g_assert_cmpstr (a, ==, "¥1,234,568");
  g_assert_cmpstr (b, ==, "¥1,234,567");
  g_assert_cmpstr (c, ==, "−$13");
  g_assert_cmpstr (d, ==, "$0");
  g_assert_cmpstr (e, ==, "¥1,234");
}

static void
test_numbers (void)
{
  g_autofree char *a = jx_number_format (1000000);
  g_autofree char *b = jx_number_format (999);
  g_autofree char *c = jx_number_format (-1234);
  g_autofree char *p = jx_percent_format (0.4256, 1);

  g_assert_cmpstr (a, ==, "1,000,000");
  g_assert_cmpstr (b, ==, "999");
  g_assert_cmpstr (c, ==, "−1,234");
  g_assert_cmpstr (p, ==, "42.6%");
  g_assert_cmpfloat (jx_money_to_major (12345, "CNY"), ==, 123.45);
  g_assert_cmpint (jx_currency_digits ("JPY"), ==, 0);
}

static void
expect_amount (const char *text,
               const char *currency,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  jx_money_parse (text, currency, &value, &error);
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
expect_error (const char   *text,
              const char   *currency,
              int           code)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;

  g_assert_false (jx_money_parse (text, currency, &value, &error));
  g_assert_error (error, JX_MONEY_ERROR, code);
  g_assert_cmpint (value, ==, 42);
  g_test_message ("%s: %s", text, error->message);
}

static void
test_parse (void)
{
  expect_amount ("12500", "CNY", 1250000);
  expect_amount (" 12,500.5 ", "CNY", 1250050);
  expect_amount ("¥1,234,567.89", "CNY", 123456789);
  expect_amount ("￥3,000", "CNY", 300000);
  expect_amount ("CNY 80", "CNY", 8000);
  expect_amount ("0.07", "CNY", 7);
  expect_amount ("12.500", "CNY", 1250);
  expect_amount ("1.5万", "CNY", 1500000);
  expect_amount ("2亿", "CNY", G_GINT64_CONSTANT (20000000000));
  expect_amount ("1.2k", "USD", 120000);
  expect_amount ("$3M", "USD", 300000000);
  expect_amount ("１２，０００．５", "CNY", 1200050);
  expect_amount ("1 234", "EUR", 123400);
  expect_amount ("1234", "JPY", 1234);
  expect_amount ("92233720368547758.07", "CNY", G_MAXINT64);

  expect_error ("", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("abc", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("12.3.4", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("1,2.3,4", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("万", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("5万3", "CNY", JX_MONEY_ERROR_INVALID);
  expect_error ("-12", "CNY", JX_MONEY_ERROR_NEGATIVE);
  expect_error ("12.345", "CNY", JX_MONEY_ERROR_TOO_PRECISE);
  expect_error ("12.5", "JPY", JX_MONEY_ERROR_TOO_PRECISE);
  expect_error ("92233720368547758.08", "CNY", JX_MONEY_ERROR_TOO_LARGE);
  expect_error ("99999999999999999999999", "CNY", JX_MONEY_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/money/format", test_format);
  g_test_add_func ("/jx/money/compact", test_compact);
  g_test_add_func ("/jx/money/whole", test_whole);
  g_test_add_func ("/jx/money/numbers", test_numbers);
  g_test_add_func ("/jx/money/parse", test_parse);
  return g_test_run ();
}
