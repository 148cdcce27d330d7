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
  return g_test_run ();
}
