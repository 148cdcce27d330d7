/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* Minor units per major unit, the divisor of every conversion to yuan, dollars or yen. */
static void
test_scale (void)
{
  g_assert_cmpint (jx_currency_scale ("CNY"), ==, 100);
  g_assert_cmpint (jx_currency_scale ("JPY"), ==, 1);
  g_assert_cmpint (jx_currency_scale ("KRW"), ==, 1);
  /* An unknown currency counts in hundredths, as jx_currency_digits() says. */
  g_assert_cmpint (jx_currency_scale ("XYZ"), ==, 100);
  g_assert_cmpint (jx_currency_scale (NULL), ==, 100);

  g_assert_cmpfloat (jx_money_to_major (123456, "CNY"), ==, 1234.56);
  g_assert_cmpfloat (jx_money_to_major (123456, "JPY"), ==, 123456.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/currency/scale", test_scale);
  return g_test_run ();
}
