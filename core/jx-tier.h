/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jx-store.h"

G_BEGIN_DECLS

/*
 * A customer's value tier. JX_TIER_NONE is "Unassigned" (NULL in customers.tier, 'none' in
 * tier_policies and in the CLI). The order is the order of the tier board's columns, with
 * Unassigned last on the board but first here so that zeroed memory means unassigned.
 */
typedef enum {
  JX_TIER_NONE,
  JX_TIER_KEY,
  JX_TIER_GROWTH,
  JX_TIER_MAINTAIN,
  JX_TIER_DEFEND,
} JxTier;

#define JX_N_TIERS 5
/* A set of tiers for filters: JX_TIER_BIT (JX_TIER_KEY) | JX_TIER_BIT (JX_TIER_GROWTH). */
#define JX_TIER_BIT(tier) (1u << (tier))
#define JX_TIER_MASK_ALL  ((1u << JX_N_TIERS) - 1)

/* Where a tier change came from; stored in tier_history.source. */
typedef enum {
  JX_TIER_SOURCE_MANUAL,
  JX_TIER_SOURCE_SUGGESTION,
  JX_TIER_SOURCE_IMPORT,
} JxTierSource;

/* One customer's move, for jx_tier_move(). */
typedef struct {
  gint64 customer_id;
  JxTier to;
} JxTierMove;

/*
 * The thresholds of the suggestions, from settings (Preferences): ABC cut-offs as shares
 * of the last 12 months' won revenue, and the two churn-risk rules.
 */
typedef struct {
  double abc_a_percent;        /* A: the top customers making up this share (80) */
  double abc_b_percent;        /* B: the next share (15); C is the rest */
  int    churn_drop_percent;   /* revenue down at least this much against the year before */
  int    churn_idle_days;      /* no won and no open deal for this many days */
} JxTierThresholds;

#define JX_TYPE_TIER (jx_tier_get_type ())
GType        jx_tier_get_type          (void) G_GNUC_CONST;

const char  *jx_tier_to_string         (JxTier              tier);
gboolean     jx_tier_from_string       (const char         *text,
                                        JxTier             *tier);
JxTier       jx_tier_from_column       (const char         *column);
const char  *jx_tier_get_label         (JxTier              tier);
const char  *jx_tier_get_short_label   (JxTier              tier);
const char  *jx_tier_source_to_string  (JxTierSource        source);
const char  *jx_tier_source_get_label  (const char         *source);
const JxTier *jx_tier_board_order      (void);
void         jx_tier_thresholds_init   (JxTierThresholds   *thresholds);
void         jx_tier_thresholds_load   (JxTierThresholds   *thresholds,
                                        JxStore            *store);

gboolean     jx_tier_move              (JxStore            *store,
                                        const JxTierMove   *moves,
                                        guint               n_moves,
                                        JxTierSource        source,
                                        const GDate        *today,
                                        guint              *n_moved,
                                        GError            **error);

G_END_DECLS
