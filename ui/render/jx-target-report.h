/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-report.h"
#include "jx-store.h"

G_BEGIN_DECLS

JxReport *jx_target_report_new (JxStore      *store,
                                gint64        plan_id,
                                const GDate  *today,
                                GError      **error);

G_END_DECLS
