/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"

/* Parses a strict "YYYY-MM-DD" into @date; FALSE for anything else or an impossible day. */
gboolean
jx_date_parse_iso (const char *text,
                   GDate      *date)
{
  int y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

void
jx_date_to_iso_buf (const GDate *date,
                    char         buf[11])
{
  g_snprintf (buf, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (date) % 10000,
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

char *
jx_date_to_iso (const GDate *date)
{
  char buf[11];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  jx_date_to_iso_buf (date, buf);
  return g_strdup (buf);
}

static const char *const month_names[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

/* Expands %Y (year), %m (month number), %d (day) and %b (abbreviated month name) in a
 * translated pattern. The month names come from our own catalogue, not from LC_TIME, so
 * dates follow LANGUAGE like every other string. */
static char *
expand_date_pattern (const GDate *date,
                     const char  *pattern)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'Y': g_string_append_printf (out, "%u", (guint) g_date_get_year (date)); break;
        case 'm': g_string_append_printf (out, "%u", (guint) g_date_get_month (date)); break;
        case 'd': g_string_append_printf (out, "%u", (guint) g_date_get_day (date)); break;
        case 'b': g_string_append (out, _(month_names[g_date_get_month (date) - 1])); break;
        default: g_string_append_c (out, '%'); g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A date for people to read ("Nov 27, 2026", "2026年11月27日"). */
char *
jx_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a date. %Y is the year, %b the abbreviated month name, %m the month
   * number, %d the day of the month. In Chinese: "%Y年%m月%d日". */
  /* xgettext:no-c-format */
  return expand_date_pattern (date, _("%b %d, %Y"));
}

/* Formats an ISO date for people, or returns an empty string for NULL or bad text. */
char *
jx_date_format_iso_text (const char *iso)
{
  GDate date;

  if (!jx_date_parse_iso (iso, &date))
    return g_strdup ("");
  return jx_date_format (&date);
}

/* A month for people to read ("Nov 2026", "2026年11月"). */
char *
jx_date_format_month (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a month of a year, with the same codes as the date above.
   * In Chinese: "%Y年%m月". */
  /* xgettext:no-c-format */
  return expand_date_pattern (date, _("%b %Y"));
}

/* Days from @from to @to (both ISO), or G_MININT when either is not a date. */
int
jx_date_days_between_iso (const char *from,
                          const char *to)
{
  GDate a, b;

  if (!jx_date_parse_iso (from, &a) || !jx_date_parse_iso (to, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}

/* The fiscal year that contains @date, for a year that starts in month @start_month. */
void
jx_period_fiscal_year (const GDate *date,
                       int          start_month,
                       JxPeriod    *period)
{
  int year = g_date_get_year (date);

  g_return_if_fail (start_month >= 1 && start_month <= 12);

  if ((int) g_date_get_month (date) < start_month)
    year--;
  g_date_clear (&period->from, 1);
  g_date_set_dmy (&period->from, 1, start_month, year);
  period->to = period->from;
  g_date_add_years (&period->to, 1);
  g_date_subtract_days (&period->to, 1);
}

/* The calendar year in which the fiscal year containing @date ends, its usual name. */
int
jx_period_fiscal_year_label (const GDate *date,
                             int          start_month)
{
  JxPeriod year;

  jx_period_fiscal_year (date, start_month, &year);
  return g_date_get_year (&year.to);
}

int
jx_period_fiscal_quarter_number (const GDate *date,
                                 int          start_month)
{
  int offset = ((int) g_date_get_month (date) - start_month + 12) % 12;

  return offset / 3 + 1;
}

void
jx_period_fiscal_quarter (const GDate *date,
                          int          start_month,
                          JxPeriod    *period)
{
  JxPeriod year;
  int q = jx_period_fiscal_quarter_number (date, start_month);

  jx_period_fiscal_year (date, start_month, &year);
  period->from = year.from;
  g_date_add_months (&period->from, (q - 1) * 3);
  period->to = period->from;
  g_date_add_months (&period->to, 3);
  g_date_subtract_days (&period->to, 1);
}

void
jx_period_month (const GDate *date,
                 JxPeriod    *period)
{
  g_date_clear (&period->from, 1);
  g_date_set_dmy (&period->from, 1, g_date_get_month (date), g_date_get_year (date));
  period->to = period->from;
  g_date_set_day (&period->to, g_date_get_days_in_month (g_date_get_month (date),
                                                         g_date_get_year (date)));
}

/* The ISO week (Monday to Sunday) that contains @date. */
void
jx_period_iso_week (const GDate *date,
                    JxPeriod    *period)
{
  period->from = *date;
  g_date_subtract_days (&period->from, g_date_get_weekday (date) - G_DATE_MONDAY);
  period->to = period->from;
  g_date_add_days (&period->to, 6);
}

/* The @n_days days that end with @today. */
void
jx_period_last_days (const GDate *today,
                     int          n_days,
                     JxPeriod    *period)
{
  period->to = *today;
  period->from = *today;
  g_date_subtract_days (&period->from, n_days - 1);
}

gboolean
jx_period_contains (const JxPeriod *period,
                    const GDate    *date)
{
  return g_date_compare (date, &period->from) >= 0 && g_date_compare (date, &period->to) <= 0;
}

int
jx_period_n_days (const JxPeriod *period)
{
  return g_date_days_between (&period->from, &period->to) + 1;
}

/* "Oct 1, 2026 – Dec 31, 2026" in the user's language. */
char *
jx_period_format (const JxPeriod *period)
{
  g_autofree char *from = jx_date_format (&period->from);
  g_autofree char *to = jx_date_format (&period->to);

  /* Translators: a period of time, from one date to another. */
  return g_strdup_printf (_("%s – %s"), from, to);
}
