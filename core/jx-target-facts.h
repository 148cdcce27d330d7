/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"
#include "jx-target-types.h"

G_BEGIN_DECLS

/*
 * The won and lost deals, read once and indexed by the filter columns targets use, so that
 * the actual of any node is two binary searches. Days are GDate Julian day numbers.
 */
typedef struct _JxTargetFacts JxTargetFacts;

JxTargetFacts *jx_target_facts_load        (JxStore               *store,
                                            const GDate           *today,
                                            GError               **error);
gboolean       jx_target_facts_load_lost   (JxTargetFacts         *self,
                                            GError               **error);
JxTargetFacts *jx_target_facts_ref         (JxTargetFacts         *self);
void           jx_target_facts_unref       (JxTargetFacts         *self);
void           jx_target_facts_get_today   (JxTargetFacts         *self,
                                            GDate                 *today);
gint64         jx_target_facts_value       (JxTargetFacts         *self,
                                            JxTargetMetric         metric,
                                            const JxTargetFilters *filters,
                                            guint32                from_day,
                                            guint32                to_day);
gint64         jx_target_facts_value_period (JxTargetFacts        *self,
                                            JxTargetMetric         metric,
                                            const JxTargetFilters *filters,
                                            const GDate           *from,
                                            const GDate           *to);
gboolean       jx_target_facts_win_rate    (JxTargetFacts         *self,
                                            JxTargetMetric         metric,
                                            const JxTargetFilters *filters,
                                            double                *rate,
                                            gint64                *won,
                                            gint64                *closed);
gboolean       jx_target_facts_region_within (JxTargetFacts       *self,
                                            gint64                 region_id,
                                            gint64                 ancestor_id);
guint32        jx_target_facts_first_day   (JxTargetFacts         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxTargetFacts, jx_target_facts_unref)

G_END_DECLS
