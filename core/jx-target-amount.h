/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-target-types.h"

G_BEGIN_DECLS

char     *jx_target_amount_to_text  (JxTargetMetric   metric,
                                     gint64           amount,
                                     const char      *currency);
gboolean  jx_target_amount_parse    (const char      *text,
                                     JxTargetMetric   metric,
                                     const char      *currency,
                                     gint64          *amount,
                                     GError         **error);

G_END_DECLS
