/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A closed date range [from, to], both as GDates. */
typedef struct {
  GDate from;
  GDate to;
} JxPeriod;

gboolean  jx_date_parse_iso          (const char     *text,
                                      GDate          *date);
char     *jx_date_to_iso             (const GDate    *date);
void      jx_date_to_iso_buf         (const GDate    *date,
                                      char            buf[11]);
char     *jx_date_format             (const GDate    *date);
char     *jx_date_format_iso_text    (const char     *iso);
char     *jx_date_format_month       (const GDate    *date);
int       jx_date_days_between_iso   (const char     *from,
                                      const char     *to);

void      jx_period_fiscal_year      (const GDate    *date,
                                      int             start_month,
                                      JxPeriod       *period);
void      jx_period_fiscal_quarter   (const GDate    *date,
                                      int             start_month,
                                      JxPeriod       *period);
int       jx_period_fiscal_year_label (const GDate   *date,
                                      int             start_month);
int       jx_period_fiscal_quarter_number (const GDate *date,
                                      int             start_month);
void      jx_period_month            (const GDate    *date,
                                      JxPeriod       *period);
void      jx_period_iso_week         (const GDate    *date,
                                      JxPeriod       *period);
void      jx_period_last_days        (const GDate    *today,
                                      int             n_days,
                                      JxPeriod       *period);
gboolean  jx_period_contains         (const JxPeriod *period,
                                      const GDate    *date);
int       jx_period_n_days           (const JxPeriod *period);
char     *jx_period_format           (const JxPeriod *period);

G_END_DECLS
