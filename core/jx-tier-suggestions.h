/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-customer-base.h"

G_BEGIN_DECLS

/* ABC classes by last-12-month won revenue. */
typedef enum {
  JX_ABC_A,
  JX_ABC_B,
  JX_ABC_C,
} JxAbcClass;

const char *jx_abc_class_to_string (JxAbcClass class_);
void        jx_abc_classify        (const gint64 *revenue,
                                    guint         n,
                                    double        a_percent,
                                    double        b_percent,
                                    guint8       *classes);
JxTier      jx_abc_class_to_tier   (JxAbcClass   class_);

/* One proposed move, with its reason in numbers. */
typedef struct {
  gint64       customer_id;
  const char  *customer_name;     /* owned by the suggestions */
  JxTier       from;
  JxTier       to;
  JxAbcClass   abc_class;
  JxChurnRisk  risk;
  gboolean     manual;            /* the customer's tier was set by hand */
  gboolean     selected;          /* to apply; manual ones start unselected */
  gint64       revenue_12m;
  gint64       revenue_prev_12m;
  double       cumulative_share;  /* share of all revenue up to and including this customer */
  char        *reason;
} JxTierProposal;

/*
 * The Pareto curve of all customers: revenue sorted from the largest, the cumulative share,
 * the A/B/C boundaries and each customer's current tier, for the Pareto chart.
 */
typedef struct {
  guint    n;
  gint64  *revenue;          /* largest first */
  double  *cumulative;       /* share of the total up to and including position i */
  guint8  *tier;             /* JxTier of the customer at position i */
  gint64   total;
  guint    n_a;              /* positions [0, n_a) are A */
  guint    n_b;              /* [n_a, n_a + n_b) are B, the rest C */
  double   a_percent;
  double   b_percent;
  char    *currency;
} JxPareto;

#define JX_TYPE_TIER_PROPOSAL_ITEM (jx_tier_proposal_item_get_type ())
G_DECLARE_FINAL_TYPE (JxTierProposalItem, jx_tier_proposal_item, JX, TIER_PROPOSAL_ITEM, GObject)

#define JX_TYPE_TIER_SUGGESTIONS (jx_tier_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (JxTierSuggestions, jx_tier_suggestions, JX, TIER_SUGGESTIONS, GObject)

JxTierSuggestions    *jx_tier_suggestions_new              (JxCustomerBase     *base,
                                                            gboolean            include_manual);
guint                 jx_tier_suggestions_get_n_proposals  (JxTierSuggestions  *self);
const JxTierProposal *jx_tier_suggestions_get_proposal     (JxTierSuggestions  *self,
                                                            guint               index);
void                  jx_tier_suggestions_set_selected     (JxTierSuggestions  *self,
                                                            guint               index,
                                                            gboolean            selected);
void                  jx_tier_suggestions_select_all       (JxTierSuggestions  *self,
                                                            gboolean            selected);
guint                 jx_tier_suggestions_get_n_selected   (JxTierSuggestions  *self);
gboolean              jx_tier_suggestions_apply            (JxTierSuggestions  *self,
                                                            gboolean            selected_only,
                                                            guint              *n_moved,
                                                            GError            **error);

const JxTierProposal *jx_tier_proposal_item_get_proposal   (JxTierProposalItem *self);

JxPareto             *jx_pareto_new                        (JxCustomerBase     *base);
void                  jx_pareto_free                       (JxPareto           *pareto);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxPareto, jx_pareto_free)

G_END_DECLS
