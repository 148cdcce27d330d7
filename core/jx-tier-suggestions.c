/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-customer-private.h"
#include "jx-money.h"
#include "jx-tier-suggestions.h"

/*
 * Tier suggestions. ABC analysis ranks customers by the last 12 months' won revenue: A are
 * the largest customers that together make up abc_a_percent of it (80%), B the next
 * abc_b_percent (15%), C the rest; A → Key, B → Growth, C → Maintain. A customer that meets
 * a churn-risk rule goes to Defend instead, whatever its class. Only customers whose tier
 * would change are proposed; customers placed by hand are left out unless asked for, and
 * then start unticked.
 *
 * JxTierSuggestions is also a GListModel of JxTierProposalItem for the suggestions list;
 * items are made on demand and their "selected" property writes through to the proposal.
 */

struct _JxTierSuggestions {
  GObject          parent_instance;

  JxCustomerBase  *base;
  GArray          *proposals;    /* JxTierProposal */
  GStringChunk    *names;
  GPtrArray       *items;        /* weak JxTierProposalItem per proposal, or NULL */
};

struct _JxTierProposalItem {
  GObject            parent_instance;

  JxTierSuggestions *owner;
  guint              index;
};

static void jx_tier_suggestions_model_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (JxTierSuggestions, jx_tier_suggestions, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_tier_suggestions_model_init))
G_DEFINE_TYPE (JxTierProposalItem, jx_tier_proposal_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_CUSTOMER_ID,
  ITEM_PROP_CUSTOMER_NAME,
  ITEM_PROP_FROM,
  ITEM_PROP_TO,
  ITEM_PROP_FROM_LABEL,
  ITEM_PROP_TO_LABEL,
  ITEM_PROP_ABC_CLASS,
  ITEM_PROP_REVENUE_12M,
  ITEM_PROP_REVENUE_PREV_12M,
  ITEM_PROP_REASON,
  ITEM_PROP_MANUAL,
  ITEM_PROP_SELECTED,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

/* ABC */

const char *
jx_abc_class_to_string (JxAbcClass class_)
{
  switch (class_)
    {
    case JX_ABC_A:
      return "A";
    case JX_ABC_B:
      return "B";
    case JX_ABC_C:
    default:
      return "C";
    }
}

JxTier
jx_abc_class_to_tier (JxAbcClass class_)
{
  switch (class_)
    {
    case JX_ABC_A:
      return JX_TIER_KEY;
    case JX_ABC_B:
      return JX_TIER_GROWTH;
    case JX_ABC_C:
    default:
      return JX_TIER_MAINTAIN;
    }
}

typedef struct {
  const gint64 *revenue;
} RankData;

/* Largest revenue first; equal revenue in input order, so the result is reproducible. */
static int
compare_revenue_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const RankData *data = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  gint64 ra = data->revenue[ia], rb = data->revenue[ib];

  if (ra != rb)
    return ra > rb ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static guint *
rank_by_revenue (const gint64 *revenue,
                 guint         n)
{
  guint *order = g_new (guint, MAX (n, 1));
  RankData data = { revenue };

  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (n > 1)
    g_qsort_with_data (order, n, sizeof (guint), compare_revenue_cb, &data);
  return order;
}

/* Classes along @order (largest first). A group of equal revenue takes the class where the
 * group starts, so two customers with the same revenue never fall into different classes. A
 * customer is in A while the revenue of the customers before it is under a_percent of the
 * total (the customer that crosses the line is still A); customers without revenue are C. */
static void
classify_ordered (const gint64 *revenue,
                  const guint  *order,
                  guint         n,
                  double        a_percent,
                  double        b_percent,
                  guint8       *classes)
{
  gint64 total = 0, before = 0;
  guint i = 0;

  for (guint k = 0; k < n; k++)
    total += revenue[k];

  while (i < n)
    {
      gint64 value = revenue[order[i]];
      double share_before = total > 0 ? (double) before * 100.0 / (double) total : 100.0;
      JxAbcClass class_;
      guint j = i;

      if (value <= 0)
        class_ = JX_ABC_C;
      else if (share_before < a_percent)
        class_ = JX_ABC_A;
      else if (share_before < a_percent + b_percent)
        class_ = JX_ABC_B;
      else
        class_ = JX_ABC_C;
      while (j < n && revenue[order[j]] == value)
        {
          classes[order[j]] = class_;
          before += value;
          j++;
        }
      i = j;
    }
}

/**
 * jx_abc_classify:
 * @revenue: (array length=n): each customer's revenue
 * @n: number of customers
 * @a_percent: share of the total made up by class A (80)
 * @b_percent: share made up by class B (15)
 * @classes: (out caller-allocates) (array length=n): the JxAbcClass of each customer
 *
 * ABC classes by revenue. Customers with equal revenue share a class; customers without
 * revenue are C, and when nobody has revenue everybody is C.
 */
void
jx_abc_classify (const gint64 *revenue,
                 guint         n,
                 double        a_percent,
                 double        b_percent,
                 guint8       *classes)
{
  g_autofree guint *order = NULL;

  g_return_if_fail (revenue != NULL || n == 0);
  g_return_if_fail (classes != NULL || n == 0);

  order = rank_by_revenue (revenue, n);
  classify_ordered (revenue, order, n, a_percent, b_percent, classes);
}

/* Proposals */

static char *
abc_reason (JxAbcClass  class_,
            gint64      revenue,
            double      cumulative,
            const char *currency)
{
  g_autofree char *amount = NULL;
  g_autofree char *share = NULL;

  if (revenue <= 0)
    return g_strdup (_("class C: no won revenue in the last 12 months"));
  amount = jx_money_format_compact (revenue, currency);
  share = jx_percent_format (cumulative, 1);
  /* Translators: a tier suggestion's reason; %1$s is the ABC class (A, B or C), %2$s the
   * last 12 months' revenue, %3$s the cumulative share of all revenue ("34.2%") reached
   * with this customer when customers are ranked by revenue. */
  return g_strdup_printf (_("class %1$s: %2$s in 12 months (cumulative %3$s of revenue)"),
                          jx_abc_class_to_string (class_), amount, share);
}

static int
compare_proposals_cb (gconstpointer a,
                      gconstpointer b)
{
  const JxTierProposal *pa = a, *pb = b;

  if (pa->revenue_12m != pb->revenue_12m)
    return pa->revenue_12m > pb->revenue_12m ? -1 : 1;
  if (pa->revenue_prev_12m != pb->revenue_prev_12m)
    return pa->revenue_prev_12m > pb->revenue_prev_12m ? -1 : 1;
  return pa->customer_id < pb->customer_id ? -1 : pa->customer_id > pb->customer_id ? 1 : 0;
}

static void
proposal_clear (gpointer data)
{
  JxTierProposal *proposal = data;

  g_clear_pointer (&proposal->reason, g_free);
}

static void
compute (JxTierSuggestions *self,
         gboolean           include_manual)
{
  JxCustomerBase *base = self->base;
  const JxTierThresholds *thresholds = jx_customer_base_get_thresholds (base);
  const char *currency = jx_customer_base_get_currency (base);
  guint n = jx_customer_base_get_n_rows (base);
  g_autofree gint64 *revenue = g_new (gint64, MAX (n, 1));
  g_autofree guint8 *classes = g_new (guint8, MAX (n, 1));
  g_autofree double *cumulative = g_new (double, MAX (n, 1));
  g_autofree guint *order = NULL;
  gint64 total = 0, running = 0;

  for (guint i = 0; i < n; i++)
    {
      revenue[i] = jx_customer_base_get_row (base, i)->revenue_12m;
      total += revenue[i];
    }
  order = rank_by_revenue (revenue, n);
  classify_ordered (revenue, order, n, thresholds->abc_a_percent, thresholds->abc_b_percent,
                    classes);
  for (guint k = 0; k < n; k++)
    {
      running += revenue[order[k]];
      cumulative[order[k]] = total > 0 ? (double) running / (double) total : 0;
    }

  for (guint i = 0; i < n; i++)
    {
      const JxCustomerRow *row = jx_customer_base_get_row (base, i);
      JxTierProposal proposal = { 0 };

      proposal.abc_class = classes[i];
      proposal.risk = row->risk;
      proposal.to = row->risk != JX_CHURN_NONE ? JX_TIER_DEFEND
                                               : jx_abc_class_to_tier (classes[i]);
      proposal.from = row->tier;
      if (proposal.to == proposal.from || (row->tier_manual && !include_manual))
        continue;
      proposal.customer_id = row->id;
      proposal.customer_name = g_string_chunk_insert (self->names, row->name);
      proposal.manual = row->tier_manual;
      proposal.selected = !row->tier_manual;
      proposal.revenue_12m = row->revenue_12m;
      proposal.revenue_prev_12m = row->revenue_prev_12m;
      proposal.cumulative_share = cumulative[i];
      if (row->risk != JX_CHURN_NONE)
        proposal.reason = jx_customer_base_describe_risk (base, row);
      else
        proposal.reason = abc_reason (classes[i], row->revenue_12m, cumulative[i], currency);
      g_array_append_val (self->proposals, proposal);
    }
  g_array_sort (self->proposals, compare_proposals_cb);
  g_ptr_array_set_size (self->items, self->proposals->len);
}

/* The items */

static void
jx_tier_proposal_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  JxTierProposalItem *self = JX_TIER_PROPOSAL_ITEM (object);
  const JxTierProposal *p = jx_tier_proposal_item_get_proposal (self);

  switch (prop_id)
    {
    case ITEM_PROP_CUSTOMER_ID:
      g_value_set_int64 (value, p->customer_id);
      break;
    case ITEM_PROP_CUSTOMER_NAME:
      g_value_set_string (value, p->customer_name);
      break;
    case ITEM_PROP_FROM:
      g_value_set_enum (value, p->from);
      break;
    case ITEM_PROP_TO:
      g_value_set_enum (value, p->to);
      break;
    case ITEM_PROP_FROM_LABEL:
      g_value_set_string (value, jx_tier_get_label (p->from));
      break;
    case ITEM_PROP_TO_LABEL:
      g_value_set_string (value, jx_tier_get_label (p->to));
      break;
    case ITEM_PROP_ABC_CLASS:
      g_value_set_string (value, jx_abc_class_to_string (p->abc_class));
      break;
    case ITEM_PROP_REVENUE_12M:
      g_value_set_int64 (value, p->revenue_12m);
      break;
    case ITEM_PROP_REVENUE_PREV_12M:
      g_value_set_int64 (value, p->revenue_prev_12m);
      break;
    case ITEM_PROP_REASON:
      g_value_set_string (value, p->reason);
      break;
    case ITEM_PROP_MANUAL:
      g_value_set_boolean (value, p->manual);
      break;
    case ITEM_PROP_SELECTED:
      g_value_set_boolean (value, p->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_tier_proposal_item_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  JxTierProposalItem *self = JX_TIER_PROPOSAL_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_SELECTED:
      jx_tier_suggestions_set_selected (self->owner, self->index, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The owner goes in finalize, after dispose has cleared the weak pointer that lives in the
 * owner's array. */
static void
jx_tier_proposal_item_finalize (GObject *object)
{
  JxTierProposalItem *self = JX_TIER_PROPOSAL_ITEM (object);

  g_clear_object (&self->owner);

  G_OBJECT_CLASS (jx_tier_proposal_item_parent_class)->finalize (object);
}

static void
jx_tier_proposal_item_class_init (JxTierProposalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jx_tier_proposal_item_get_property;
  object_class->set_property = jx_tier_proposal_item_set_property;
  object_class->finalize = jx_tier_proposal_item_finalize;

  item_properties[ITEM_PROP_CUSTOMER_ID] = g_param_spec_int64 ("customer-id", NULL, NULL, 0,
                                                               G_MAXINT64, 0, ro);
  item_properties[ITEM_PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL,
                                                                  NULL, ro);
  item_properties[ITEM_PROP_FROM] = g_param_spec_enum ("from", NULL, NULL, JX_TYPE_TIER,
                                                       JX_TIER_NONE, ro);
  item_properties[ITEM_PROP_TO] = g_param_spec_enum ("to", NULL, NULL, JX_TYPE_TIER,
                                                     JX_TIER_NONE, ro);
  item_properties[ITEM_PROP_FROM_LABEL] = g_param_spec_string ("from-label", NULL, NULL, NULL,
                                                               ro);
  item_properties[ITEM_PROP_TO_LABEL] = g_param_spec_string ("to-label", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_ABC_CLASS] = g_param_spec_string ("abc-class", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_REVENUE_12M] = g_param_spec_int64 ("revenue-12m", NULL, NULL, 0,
                                                               G_MAXINT64, 0, ro);
  item_properties[ITEM_PROP_REVENUE_PREV_12M] = g_param_spec_int64 ("revenue-prev-12m", NULL,
                                                                    NULL, 0, G_MAXINT64, 0, ro);
  item_properties[ITEM_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_MANUAL] = g_param_spec_boolean ("manual", NULL, NULL, FALSE, ro);
  item_properties[ITEM_PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
jx_tier_proposal_item_init (JxTierProposalItem *self)
{
}

const JxTierProposal *
jx_tier_proposal_item_get_proposal (JxTierProposalItem *self)
{
  g_return_val_if_fail (JX_IS_TIER_PROPOSAL_ITEM (self), NULL);

  return &g_array_index (self->owner->proposals, JxTierProposal, self->index);
}

/* The list model */

static GType
jx_tier_suggestions_get_item_type (GListModel *model)
{
  return JX_TYPE_TIER_PROPOSAL_ITEM;
}

static guint
jx_tier_suggestions_get_n_items (GListModel *model)
{
  return JX_TIER_SUGGESTIONS (model)->proposals->len;
}

static gpointer
jx_tier_suggestions_get_item (GListModel *model,
                              guint       position)
{
  JxTierSuggestions *self = JX_TIER_SUGGESTIONS (model);
  JxTierProposalItem *item;

  if (position >= self->proposals->len)
    return NULL;
  item = g_ptr_array_index (self->items, position);
  if (item != NULL)
    return g_object_ref (item);
  item = g_object_new (JX_TYPE_TIER_PROPOSAL_ITEM, NULL);
  item->owner = g_object_ref (self);
  item->index = position;
  /* A weak pointer, so scrolling through 50,000 proposals does not keep 50,000 items. */
  g_ptr_array_index (self->items, position) = item;
  g_object_add_weak_pointer (G_OBJECT (item), &g_ptr_array_index (self->items, position));
  return item;
}

static void
jx_tier_suggestions_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_tier_suggestions_get_item_type;
  iface->get_n_items = jx_tier_suggestions_get_n_items;
  iface->get_item = jx_tier_suggestions_get_item;
}

static void
jx_tier_suggestions_finalize (GObject *object)
{
  JxTierSuggestions *self = JX_TIER_SUGGESTIONS (object);

  /* Items hold a reference on us, so none is alive any more. */
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->proposals, g_array_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (jx_tier_suggestions_parent_class)->finalize (object);
}

static void
jx_tier_suggestions_class_init (JxTierSuggestionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_tier_suggestions_finalize;
}

static void
jx_tier_suggestions_init (JxTierSuggestions *self)
{
  self->proposals = g_array_new (FALSE, TRUE, sizeof (JxTierProposal));
  g_array_set_clear_func (self->proposals, proposal_clear);
  self->names = g_string_chunk_new (16 * 1024);
  self->items = g_ptr_array_new ();
}

/**
 * jx_tier_suggestions_new:
 * @base: the customers and their figures
 * @include_manual: also propose moves for customers placed by hand (unselected)
 *
 * Computes the proposed tier of every customer of @base with the thresholds in settings.
 * The proposals are a snapshot: compute them again after the customers change.
 *
 * Returns: (transfer full): the proposals, largest revenue first
 */
JxTierSuggestions *
jx_tier_suggestions_new (JxCustomerBase *base,
                         gboolean        include_manual)
{
  JxTierSuggestions *self;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);

  self = g_object_new (JX_TYPE_TIER_SUGGESTIONS, NULL);
  self->base = g_object_ref (base);
  compute (self, include_manual);
  return self;
}

guint
jx_tier_suggestions_get_n_proposals (JxTierSuggestions *self)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS (self), 0);

  return self->proposals->len;
}

const JxTierProposal *
jx_tier_suggestions_get_proposal (JxTierSuggestions *self,
                                  guint              index)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS (self), NULL);
  g_return_val_if_fail (index < self->proposals->len, NULL);

  return &g_array_index (self->proposals, JxTierProposal, index);
}

void
jx_tier_suggestions_set_selected (JxTierSuggestions *self,
                                  guint              index,
                                  gboolean           selected)
{
  JxTierProposal *proposal;
  JxTierProposalItem *item;

  g_return_if_fail (JX_IS_TIER_SUGGESTIONS (self));
  g_return_if_fail (index < self->proposals->len);

  proposal = &g_array_index (self->proposals, JxTierProposal, index);
  selected = !!selected;
  if (proposal->selected == selected)
    return;
  proposal->selected = selected;
  item = g_ptr_array_index (self->items, index);
  if (item != NULL)
    g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_SELECTED]);
}

void
jx_tier_suggestions_select_all (JxTierSuggestions *self,
                                gboolean           selected)
{
  g_return_if_fail (JX_IS_TIER_SUGGESTIONS (self));

  for (guint i = 0; i < self->proposals->len; i++)
    jx_tier_suggestions_set_selected (self, i, selected);
}

guint
jx_tier_suggestions_get_n_selected (JxTierSuggestions *self)
{
  guint n = 0;

  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS (self), 0);

  for (guint i = 0; i < self->proposals->len; i++)
    n += g_array_index (self->proposals, JxTierProposal, i).selected;
  return n;
}

/**
 * jx_tier_suggestions_apply:
 * @self: the suggestions
 * @selected_only: apply the ticked proposals only, or all of them
 * @n_moved: (out) (optional): how many customers changed tier
 * @error: return location for an error
 *
 * Moves the customers as proposed, in one undoable step, recorded in the tier history as
 * suggestions. Customers moved this way are no longer marked as placed by hand.
 */
gboolean
jx_tier_suggestions_apply (JxTierSuggestions  *self,
                           gboolean            selected_only,
                           guint              *n_moved,
                           GError            **error)
{
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (JxTierMove));

  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS (self), FALSE);

  for (guint i = 0; i < self->proposals->len; i++)
    {
      const JxTierProposal *p = &g_array_index (self->proposals, JxTierProposal, i);
      JxTierMove move = { p->customer_id, p->to };

      if (!selected_only || p->selected)
        g_array_append_val (moves, move);
    }
  if (n_moved != NULL)
    *n_moved = 0;
  if (moves->len == 0)
    return TRUE;
  return jx_customer_base_move (self->base, (const JxTierMove *) moves->data, moves->len,
                                JX_TIER_SOURCE_SUGGESTION, n_moved, error);
}

/* Pareto */

/**
 * jx_pareto_new:
 * @base: the customers
 *
 * Returns: (transfer full): the Pareto curve of last-12-month won revenue, with the ABC
 *   boundaries from settings and each customer's current tier
 */
JxPareto *
jx_pareto_new (JxCustomerBase *base)
{
  const JxTierThresholds *thresholds;
  JxPareto *pareto;
  g_autofree gint64 *revenue = NULL;
  g_autofree guint8 *classes = NULL;
  g_autofree guint *order = NULL;
  gint64 running = 0;
  guint n;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);

  thresholds = jx_customer_base_get_thresholds (base);
  n = jx_customer_base_get_n_rows (base);
  revenue = g_new (gint64, MAX (n, 1));
  classes = g_new (guint8, MAX (n, 1));
  pareto = g_new0 (JxPareto, 1);
  pareto->n = n;
  pareto->revenue = g_new (gint64, MAX (n, 1));
  pareto->cumulative = g_new (double, MAX (n, 1));
  pareto->tier = g_new (guint8, MAX (n, 1));
  pareto->a_percent = thresholds->abc_a_percent;
  pareto->b_percent = thresholds->abc_b_percent;
  pareto->currency = g_strdup (jx_customer_base_get_currency (base));

  for (guint i = 0; i < n; i++)
    {
      revenue[i] = jx_customer_base_get_row (base, i)->revenue_12m;
      pareto->total += revenue[i];
    }
  order = rank_by_revenue (revenue, n);
  classify_ordered (revenue, order, n, thresholds->abc_a_percent, thresholds->abc_b_percent,
                    classes);
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];

      running += revenue[i];
      pareto->revenue[k] = revenue[i];
      pareto->cumulative[k] = pareto->total > 0 ? (double) running / (double) pareto->total : 0;
      pareto->tier[k] = jx_customer_base_get_row (base, i)->tier;
      if (classes[i] == JX_ABC_A)
        pareto->n_a++;
      else if (classes[i] == JX_ABC_B)
        pareto->n_b++;
    }
  return pareto;
}

void
jx_pareto_free (JxPareto *pareto)
{
  if (pareto == NULL)
    return;
  g_free (pareto->revenue);
  g_free (pareto->cumulative);
  g_free (pareto->tier);
  g_free (pareto->currency);
  g_free (pareto);
}
