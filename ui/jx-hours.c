/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jx-hours.h"
#include "jx-money.h"

/* Hours and policy figures as the Team view and its chart show them. */

static char *
format_number (double   value,
               gboolean plus)
{
  double rounded = round (fabs (value) * 10) / 10;
  gint64 whole = (gint64) trunc (rounded);
  int tenth = (int) llround ((rounded - (double) whole) * 10);
  g_autofree char *digits = NULL;
  const char *sign = "";

  if (tenth == 10)
    {
      whole++;
      tenth = 0;
    }
  digits = jx_number_format (whole);
  if (value < 0 && (whole > 0 || tenth > 0))
    sign = "−";
  else if (plus && (whole > 0 || tenth > 0))
    sign = "+";
  if (tenth == 0)
    return g_strconcat (sign, digits, NULL);
  /* The decimal separator is the one jx_money_format() uses. */
  return g_strdup_printf ("%s%s%s%d", sign, digits, C_("number", "."), tenth);
}

/* "1,234.5 h", "12 h": hours with grouping and one decimal when there is one. */
char *
jx_hours_format (double hours)
{
  g_autofree char *number = format_number (hours, FALSE);

  /* Translators: a number of hours; %s is the number ("12.5"). */
  return g_strdup_printf (_("%s h"), number);
}

/* "+12.5 h", "−3 h": a balance of hours. */
char *
jx_hours_format_signed (double hours)
{
  g_autofree char *number = format_number (hours, TRUE);

  return g_strdup_printf (_("%s h"), number);
}

/* "0.25", "4", "1.5": a policy figure without trailing zeros. */
char *
jx_figure_format (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && (*end == '.' || *end == ','))
    *end = '\0';
  return text;
}
