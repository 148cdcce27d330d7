/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

static void
test_parse_iso (void)
{
  GDate d;

  g_assert_true (jx_date_parse_iso ("2024-02-29", &d));
  g_assert_cmpint (g_date_get_day (&d), ==, 29);
  g_assert_false (jx_date_parse_iso ("2023-02-29", &d));
  g_assert_false (jx_date_parse_iso ("2017-13-01", &d));
  g_assert_false (jx_date_parse_iso ("2017-1-01", &d));
  g_assert_false (jx_date_parse_iso ("2017/01/01", &d));
  g_assert_false (jx_date_parse_iso ("", &d));
  g_assert_false (jx_date_parse_iso (NULL, &d));
  g_assert_false (jx_date_parse_iso ("0000-01-01", &d));
}

static void
test_to_iso (void)
{
  GDate d;
  g_autofree char *iso = NULL;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 5, 3, 2026);
  iso = jx_date_to_iso (&d);
  g_assert_cmpstr (iso, ==, "2026-03-05");
}

static void
test_fiscal_quarter (void)
{
  GDate d;
  JxPeriod p;
  char from[11], to[11];

  jx_test_date (&d, "2026-11-27");
  jx_period_fiscal_quarter (&d, 1, &p);
  jx_date_to_iso_buf (&p.from, from);
  jx_date_to_iso_buf (&p.to, to);
  g_assert_cmpstr (from, ==, "2026-10-01");
  g_assert_cmpstr (to, ==, "2026-12-31");

  /* A fiscal year that starts in April: November is in Q3 of FY 2027. */
  jx_period_fiscal_quarter (&d, 4, &p);
  jx_date_to_iso_buf (&p.from, from);
  jx_date_to_iso_buf (&p.to, to);
  g_assert_cmpstr (from, ==, "2026-10-01");
  g_assert_cmpstr (to, ==, "2026-12-31");
  g_assert_cmpint (jx_period_fiscal_quarter_number (&d, 4), ==, 3);
  g_assert_cmpint (jx_period_fiscal_year_label (&d, 4), ==, 2027);

  jx_period_fiscal_year (&d, 4, &p);
  jx_date_to_iso_buf (&p.from, from);
  jx_date_to_iso_buf (&p.to, to);
  g_assert_cmpstr (from, ==, "2026-04-01");
  g_assert_cmpstr (to, ==, "2027-03-31");

  /* February with a year starting in November: Q2 from Feb 1 to Apr 30. */
  jx_test_date (&d, "2027-02-10");
  jx_period_fiscal_quarter (&d, 11, &p);
  jx_date_to_iso_buf (&p.from, from);
  jx_date_to_iso_buf (&p.to, to);
  g_assert_cmpstr (from, ==, "2027-02-01");
  g_assert_cmpstr (to, ==, "2027-04-30");
}

static void
test_iso_week (void)
{
  GDate d;
  JxPeriod p;
  char from[11], to[11];

  /* 2026-11-27 is a Friday; its ISO week runs from Monday 23 to Sunday 29. */
  jx_test_date (&d, "2026-11-27");
  jx_period_iso_week (&d, &p);
  jx_date_to_iso_buf (&p.from, from);
  jx_date_to_iso_buf (&p.to, to);
  g_assert_cmpstr (from, ==, "2026-11-23");
  g_assert_cmpstr (to, ==, "2026-11-29");
  g_assert_cmpint (jx_period_n_days (&p), ==, 7);
}

static void
test_format (void)
{
  GDate d;
  g_autofree char *text = NULL;
  g_autofree char *month = NULL;

  jx_test_date (&d, "2026-11-07");
  text = jx_date_format (&d);
  g_assert_cmpstr (text, ==, "Nov 7, 2026");
  month = jx_date_format_month (&d);
  g_assert_cmpstr (month, ==, "Nov 2026");
  g_assert_cmpint (jx_date_days_between_iso ("2026-01-01", "2026-03-01"), ==, 59);
  g_assert_cmpint (jx_date_days_between_iso ("x", "2026-03-01"), ==, G_MININT);
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/date/parse-iso", test_parse_iso);
  g_test_add_func ("/jx/date/to-iso", test_to_iso);
  g_test_add_func ("/jx/date/fiscal-quarter", test_fiscal_quarter);
  g_test_add_func ("/jx/date/iso-week", test_iso_week);
  g_test_add_func ("/jx/date/format", test_format);
  return g_test_run ();
}
