/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-date.h"
#include "jx-store.h"

G_BEGIN_DECLS

/* The figures on the Overview page for one period (the current fiscal quarter). */
typedef struct {
  JxPeriod period;
  gint64   won_amount;
  gint64   won_count;
  gint64   lost_count;
  gint64   open_amount;
  gint64   open_count;
  gint64   opened_count;
  gint64   customers;
  gint64   new_customers;
  /* The active plan's revenue target for exactly this period with no filters, or -1. */
  gint64   target_amount;
} JxOverview;

gboolean jx_overview_compute (JxStore        *store,
                              const JxPeriod *period,
                              JxOverview     *overview,
                              GError        **error);
void     jx_overview_current_quarter (JxStore *store,
                                      const GDate *today,
                                      JxPeriod *period);

G_END_DECLS
