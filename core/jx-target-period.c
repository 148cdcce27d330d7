/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-target-private.h"

/*
 * Time splits of a target's period. Quarters follow the fiscal year (settings
 * fiscal_year_start_month); months are calendar months; weeks are ISO weeks (Monday to
 * Sunday). Every part is clipped to the parent's period, so the parts cover it exactly
 * and a year split into weeks begins and ends with partial weeks.
 */

int
jx_target_fiscal_start_month (JxStore *store)
{
  int month = jx_store_get_setting_int (store, "fiscal_year_start_month", 1);

  return month >= 1 && month <= 12 ? month : 1;
}

static void
clip (const JxPeriod *outer,
      JxPeriod       *part)
{
  if (g_date_compare (&part->from, &outer->from) < 0)
    part->from = outer->from;
  if (g_date_compare (&part->to, &outer->to) > 0)
    part->to = outer->to;
}

/**
 * jx_target_split_period:
 * @periods: a #GArray of #JxPeriod to append the parts to
 *
 * Returns: the number of parts appended (0 when @dimension is not a time split)
 */
guint
jx_target_split_period (const JxPeriod    *period,
                        JxTargetDimension  dimension,
                        int                fiscal_start_month,
                        GArray            *periods)
{
  GDate day = period->from;
  guint n = 0;

  if (!jx_target_dimension_is_time (dimension))
    return 0;
  while (g_date_compare (&day, &period->to) <= 0)
    {
      JxPeriod part;

      switch (dimension)
        {
        case JX_TARGET_DIMENSION_QUARTER:
          jx_period_fiscal_quarter (&day, fiscal_start_month, &part);
          break;
        case JX_TARGET_DIMENSION_MONTH:
          jx_period_month (&day, &part);
          break;
        case JX_TARGET_DIMENSION_WEEK:
        default:
          jx_period_iso_week (&day, &part);
          break;
        }
      clip (period, &part);
      g_array_append_val (periods, part);
      n++;
      day = part.to;
      g_date_add_days (&day, 1);
    }
  return n;
}

/* "Q1", "Nov 2026", "W05"; with the year when @parent spans more than one year. */
char *
jx_target_period_name (const JxPeriod    *period,
                       JxTargetDimension  dimension,
                       const JxPeriod    *parent,
                       int                fiscal_start_month)
{
  switch (dimension)
    {
    case JX_TARGET_DIMENSION_QUARTER:
      {
        int q = jx_period_fiscal_quarter_number (&period->from, fiscal_start_month);
        int year = jx_period_fiscal_year_label (&period->from, fiscal_start_month);

        if (jx_period_fiscal_year_label (&parent->from, fiscal_start_month) !=
            jx_period_fiscal_year_label (&parent->to, fiscal_start_month))
          /* Translators: a fiscal quarter and its year, "Q1 2026". */
          return g_strdup_printf (_("Q%d %d"), q, year);
        /* Translators: a fiscal quarter, "Q1". */
        return g_strdup_printf (_("Q%d"), q);
      }
    case JX_TARGET_DIMENSION_MONTH:
      return jx_date_format_month (&period->from);
    case JX_TARGET_DIMENSION_WEEK:
      {
        GDate monday = period->from;
        guint week;
        int year;

        /* The ISO year is the year of the week's Thursday. */
        g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
        week = g_date_get_iso8601_week_of_year (&monday);
        g_date_add_days (&monday, 3);
        year = g_date_get_year (&monday);
        if (g_date_get_year (&parent->from) != g_date_get_year (&parent->to) ||
            g_date_get_year (&parent->from) != year)
          /* Translators: an ISO week and its year, "2026-W05". */
          return g_strdup_printf (_("%d-W%02u"), year, week);
        /* Translators: an ISO week, "W05". */
        return g_strdup_printf (_("W%02u"), week);
      }
    default:
      return jx_period_format (period);
    }
}

static void
subtract_year (GDate *date)
{
  gboolean month_end = g_date_is_last_of_month (date);

  g_date_subtract_years (date, 1);
  /* Feb 28, 2025 was the last day of February; so is Feb 29, 2024. */
  if (month_end)
    g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date),
                                                    g_date_get_year (date)));
}

/* The same period a year earlier: 52 weeks back for weeks, so that weekdays line up;
 * a calendar year back otherwise, keeping month ends at month ends. */
void
jx_target_period_last_year (const JxPeriod    *period,
                            JxTargetDimension  dimension,
                            JxPeriod          *last_year)
{
  *last_year = *period;
  if (dimension == JX_TARGET_DIMENSION_WEEK)
    {
      g_date_subtract_days (&last_year->from, 364);
      g_date_subtract_days (&last_year->to, 364);
      return;
    }
  subtract_year (&last_year->from);
  subtract_year (&last_year->to);
}

/**
 * jx_target_seasonal_day_weights:
 * @before: the start of the period being split; the years used end before its fiscal year
 * @n_years: how many fiscal years to average over at most
 * @month_share: (out): each calendar month's average share of its fiscal year (sums to 1)
 * @years_used: (out): how many years went into the average
 * @first_year: (out): the label of the earliest year used
 *
 * The last @n_years complete fiscal years with sales are used; a year the deal history
 * does not cover from its first day is incomplete and skipped, so a young database does
 * not take its first, partial year for a seasonal pattern.
 *
 * Returns: %FALSE when no year can be used
 */
gboolean
jx_target_seasonal_day_weights (JxTargetFacts         *facts,
                                JxTargetMetric         metric,
                                const JxTargetFilters *filters,
                                const GDate           *before,
                                int                    n_years,
                                int                    fiscal_start_month,
                                double                 month_share[12],
                                int                   *years_used,
                                int                   *first_year)
{
  guint32 first_day = jx_target_facts_first_day (facts);
  GDate today;
  JxPeriod year;
  int used = 0;

  for (int m = 0; m < 12; m++)
    month_share[m] = 0;
  *years_used = 0;
  *first_year = 0;
  if (first_day == 0)
    return FALSE;
  jx_target_facts_get_today (facts, &today);
  jx_period_fiscal_year (before, fiscal_start_month, &year);

  /* Walk back one fiscal year at a time while the history covers the year. */
  for (int k = 0; k < 50 && used < n_years; k++)
    {
      GDate start = year.from;
      gint64 total;

      g_date_subtract_years (&start, 1);
      jx_period_fiscal_year (&start, fiscal_start_month, &year);
      if (g_date_get_julian (&year.from) < first_day)
        break;
      if (g_date_compare (&year.to, &today) >= 0)
        continue;
      total = jx_target_facts_value_period (facts, metric, filters, &year.from, &year.to);
      if (total <= 0)
        continue;
      for (int i = 0; i < 12; i++)
        {
          JxPeriod month;
          GDate first = year.from;

          g_date_add_months (&first, i);
          jx_period_month (&first, &month);
          month_share[g_date_get_month (&first) - 1] +=
            (double) jx_target_facts_value_period (facts, metric, filters, &month.from,
                                                   &month.to) / (double) total;
        }
      used++;
      *first_year = g_date_get_year (&year.to);
    }
  if (used == 0)
    return FALSE;
  for (int m = 0; m < 12; m++)
    month_share[m] /= used;
  *years_used = used;
  return TRUE;
}

/* The seasonal weight of @period: each day weighs its month's share ÷ the month's days. */
double
jx_target_seasonal_weight (const double    month_share[12],
                           const JxPeriod *period)
{
  GDate day = period->from;
  double weight = 0;

  while (g_date_compare (&day, &period->to) <= 0)
    {
      JxPeriod month;
      int n_days;
      int month_days;

      jx_period_month (&day, &month);
      if (g_date_compare (&month.to, &period->to) > 0)
        month.to = period->to;
      n_days = g_date_days_between (&day, &month.to) + 1;
      month_days = g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day));
      weight += month_share[g_date_get_month (&day) - 1] * n_days / month_days;
      day = month.to;
      g_date_add_days (&day, 1);
    }
  return weight;
}
