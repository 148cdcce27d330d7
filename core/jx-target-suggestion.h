/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-date.h"

G_BEGIN_DECLS

typedef enum {
  JX_TARGET_SUGGESTION_LAST_YEAR,
  JX_TARGET_SUGGESTION_GROWTH,
  JX_TARGET_SUGGESTION_TREND,
} JxTargetSuggestionKind;

/* One quarter of a trend: its actual, or for the projection the fitted value and the
 * fraction of the quarter inside the target's period. */
typedef struct {
  JxPeriod  period;
  char     *label;
  gint64    value;
  double    fitted;
  double    fraction;
} JxTargetSuggestionPoint;

#define JX_TYPE_TARGET_SUGGESTION (jx_target_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (JxTargetSuggestion, jx_target_suggestion, JX, TARGET_SUGGESTION, GObject)

/*
 * A data-driven amount for a target with the figures it came from, so that the manager
 * can judge it before applying it (jx_target_tree_set_amount()).
 */

JxTargetSuggestionKind jx_target_suggestion_get_kind        (JxTargetSuggestion *self);
const char    *jx_target_suggestion_get_kind_name           (JxTargetSuggestion *self);
gint64         jx_target_suggestion_get_amount              (JxTargetSuggestion *self);
const char    *jx_target_suggestion_get_title               (JxTargetSuggestion *self);
const char    *jx_target_suggestion_get_explanation         (JxTargetSuggestion *self);
gboolean       jx_target_suggestion_get_available           (JxTargetSuggestion *self);
void           jx_target_suggestion_get_base_period         (JxTargetSuggestion *self,
                                                             JxPeriod           *period);
gint64         jx_target_suggestion_get_base_value          (JxTargetSuggestion *self);
double         jx_target_suggestion_get_growth_percent      (JxTargetSuggestion *self);
double         jx_target_suggestion_get_slope               (JxTargetSuggestion *self);
double         jx_target_suggestion_get_intercept           (JxTargetSuggestion *self);
guint          jx_target_suggestion_get_n_points            (JxTargetSuggestion *self);
const JxTargetSuggestionPoint *jx_target_suggestion_get_point (JxTargetSuggestion *self,
                                                             guint               i);
guint          jx_target_suggestion_get_n_projected         (JxTargetSuggestion *self);
const JxTargetSuggestionPoint *jx_target_suggestion_get_projected (JxTargetSuggestion *self,
                                                             guint               i);

G_END_DECLS
