/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-deal-filter.h"
#include "jx-report.h"
#include "jx-store.h"

G_BEGIN_DECLS

/* The most stalled deals the report lists, longest in their stage first. */
#define JX_FUNNEL_REPORT_MAX_STALLED 200

JxReport *jx_funnel_report_new (JxStore            *store,
                                const JxDealFilter *filter,
                                const GDate        *today,
                                GError            **error);

G_END_DECLS
