/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-target-types.h"
#include "jx-tier.h"

G_DEFINE_QUARK (jx-target-error-quark, jx_target_error)

G_DEFINE_ENUM_TYPE (JxTargetMetric, jx_target_metric,
  G_DEFINE_ENUM_VALUE (JX_TARGET_METRIC_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METRIC_DEALS, "deals"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METRIC_NEW_CUSTOMERS, "new-customers"))

G_DEFINE_ENUM_TYPE (JxTargetDimension, jx_target_dimension,
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_QUARTER, "quarter"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_WEEK, "week"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_PRODUCT_LINE, "product-line"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_CUSTOMER_TYPE, "customer-type"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_REGION, "region"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_DIMENSION_TIER, "tier"))

G_DEFINE_ENUM_TYPE (JxTargetMethod, jx_target_method,
  G_DEFINE_ENUM_VALUE (JX_TARGET_METHOD_EQUAL, "equal"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METHOD_HISTORY, "history"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METHOD_SEASONAL, "seasonal"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METHOD_WEIGHTS, "weights"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_METHOD_MANUAL, "manual"))

G_DEFINE_ENUM_TYPE (JxTargetPace, jx_target_pace,
  G_DEFINE_ENUM_VALUE (JX_TARGET_PACE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_PACE_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_PACE_AHEAD, "ahead"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_PACE_ON_PACE, "on-pace"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_PACE_BEHIND, "behind"))

G_DEFINE_ENUM_TYPE (JxTargetExpectation, jx_target_expectation,
  G_DEFINE_ENUM_VALUE (JX_TARGET_EXPECTATION_LINEAR, "linear"),
  G_DEFINE_ENUM_VALUE (JX_TARGET_EXPECTATION_SEASONAL, "seasonal"))

/* Database spellings, in enum order. */
static const char *const metric_names[] = { "revenue", "deals", "new_customers" };
static const char *const dimension_names[] = {
  NULL, "quarter", "month", "week", "product_line", "customer_type", "region", "member", "tier",
};
static const char *const method_names[] = { "equal", "history", "seasonal", "weights", "manual" };
static const char *const pace_names[] = { "unknown", "not-started", "ahead", "on-pace", "behind" };
static const char *const smart_names[] = {
  "specific", "measurable", "achievable", "relevant", "time_bound",
};

G_STATIC_ASSERT (G_N_ELEMENTS (dimension_names) == JX_TARGET_N_DIMENSIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (smart_names) == JX_TARGET_N_SMART_ITEMS);

/* Accepts the database spelling and the CLI spelling (dashes for underscores). */
static gboolean
name_matches (const char *text,
              const char *name)
{
  if (name == NULL || text == NULL)
    return FALSE;
  for (; *text != '\0' && *name != '\0'; text++, name++)
    {
      char a = g_ascii_tolower (*text == '-' ? '_' : *text);

      if (a != *name)
        return FALSE;
    }
  return *text == '\0' && *name == '\0';
}

const char *
jx_target_metric_to_string (JxTargetMetric metric)
{
  g_return_val_if_fail (metric <= JX_TARGET_METRIC_NEW_CUSTOMERS, NULL);
  return metric_names[metric];
}

gboolean
jx_target_metric_from_string (const char     *text,
                              JxTargetMetric *metric)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (name_matches (text, metric_names[i]))
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jx_target_metric_label (JxTargetMetric metric)
{
  switch (metric)
    {
    case JX_TARGET_METRIC_REVENUE: return _("Won revenue");
    case JX_TARGET_METRIC_DEALS: return _("Won deals");
    case JX_TARGET_METRIC_NEW_CUSTOMERS: return _("New customers");
    default: g_return_val_if_reached (NULL);
    }
}

/* Whether amounts of @metric are money (minor units) rather than counts. */
gboolean
jx_target_metric_is_money (JxTargetMetric metric)
{
  return metric == JX_TARGET_METRIC_REVENUE;
}

const char *
jx_target_dimension_to_string (JxTargetDimension dimension)
{
  g_return_val_if_fail (dimension < JX_TARGET_N_DIMENSIONS, NULL);
  return dimension_names[dimension];
}

gboolean
jx_target_dimension_from_string (const char        *text,
                                 JxTargetDimension *dimension)
{
  for (guint i = 1; i < G_N_ELEMENTS (dimension_names); i++)
    if (name_matches (text, dimension_names[i]))
      {
        *dimension = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jx_target_dimension_label (JxTargetDimension dimension)
{
  switch (dimension)
    {
    case JX_TARGET_DIMENSION_NONE: return _("None");
    case JX_TARGET_DIMENSION_QUARTER: return _("Quarters");
    case JX_TARGET_DIMENSION_MONTH: return _("Months");
    case JX_TARGET_DIMENSION_WEEK: return _("Weeks");
    case JX_TARGET_DIMENSION_PRODUCT_LINE: return _("Product lines");
    case JX_TARGET_DIMENSION_CUSTOMER_TYPE: return _("Customer types");
    case JX_TARGET_DIMENSION_REGION: return _("Regions");
    case JX_TARGET_DIMENSION_MEMBER: return _("Team members");
    case JX_TARGET_DIMENSION_TIER: return _("Customer tiers");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
jx_target_dimension_is_time (JxTargetDimension dimension)
{
  return dimension == JX_TARGET_DIMENSION_QUARTER || dimension == JX_TARGET_DIMENSION_MONTH ||
         dimension == JX_TARGET_DIMENSION_WEEK;
}

const char *
jx_target_method_to_string (JxTargetMethod method)
{
  g_return_val_if_fail (method <= JX_TARGET_METHOD_MANUAL, NULL);
  return method_names[method];
}

gboolean
jx_target_method_from_string (const char     *text,
                              JxTargetMethod *method)
{
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (name_matches (text, method_names[i]))
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jx_target_method_label (JxTargetMethod method)
{
  switch (method)
    {
    case JX_TARGET_METHOD_EQUAL: return _("Equal");
    case JX_TARGET_METHOD_HISTORY: return _("By last year's sales");
    case JX_TARGET_METHOD_SEASONAL: return _("By seasonality");
    case JX_TARGET_METHOD_WEIGHTS: return _("Custom weights");
    case JX_TARGET_METHOD_MANUAL: return _("Manual");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
jx_target_pace_to_string (JxTargetPace pace)
{
  g_return_val_if_fail (pace <= JX_TARGET_PACE_BEHIND, NULL);
  return pace_names[pace];
}

const char *
jx_target_pace_label (JxTargetPace pace)
{
  switch (pace)
    {
    case JX_TARGET_PACE_UNKNOWN: return "—";
    case JX_TARGET_PACE_NOT_STARTED: return _("Not started");
    case JX_TARGET_PACE_AHEAD: return _("Ahead");
    case JX_TARGET_PACE_ON_PACE: return _("On pace");
    case JX_TARGET_PACE_BEHIND: return _("Behind");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
jx_target_smart_item_to_string (JxTargetSmartItem item)
{
  g_return_val_if_fail (item < JX_TARGET_N_SMART_ITEMS, NULL);
  return smart_names[item];
}

const char *
jx_target_smart_item_label (JxTargetSmartItem item)
{
  switch (item)
    {
    case JX_TARGET_SMART_SPECIFIC: return _("Specific");
    case JX_TARGET_SMART_MEASURABLE: return _("Measurable");
    case JX_TARGET_SMART_ACHIEVABLE: return _("Achievable");
    case JX_TARGET_SMART_RELEVANT: return _("Relevant");
    case JX_TARGET_SMART_TIME_BOUND: return _("Time-bound");
    default: g_return_val_if_reached (NULL);
    }
}

/* The interned database spelling of a tier, or NULL when @text names none. */
const char *
jx_target_tier_from_string (const char *text)
{
  static const char *const tiers[] = { "key", "growth", "maintain", "defend" };

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (text != NULL && g_ascii_strcasecmp (text, tiers[i]) == 0)
      return g_intern_static_string (tiers[i]);
  return NULL;
}

/* The tier board's name of a tier, so that sub-targets by tier are named alike. */
const char *
jx_target_tier_label (const char *tier)
{
  JxTier value;

  if (jx_target_tier_from_string (tier) == NULL || !jx_tier_from_string (tier, &value))
    return "";
  return jx_tier_get_label (value);
}

gboolean
jx_target_filters_equal (const JxTargetFilters *a,
                         const JxTargetFilters *b)
{
  return a->region_id == b->region_id && a->member_id == b->member_id &&
         a->product_line_id == b->product_line_id &&
         a->customer_type_id == b->customer_type_id && g_strcmp0 (a->tier, b->tier) == 0;
}

static gboolean
narrow_id (gint64      parent,
           gint64      own,
           gint64     *result,
           const char *what,
           GError    **error)
{
  if (parent > 0 && own > 0 && parent != own)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
                   /* Translators: %s is a filter such as "region" or "product line". */
                   _("The parent target already has a different %s; a child can only narrow "
                     "its parent's filters."), what);
      return FALSE;
    }
  *result = parent > 0 ? parent : own;
  return TRUE;
}

/**
 * jx_target_filters_narrow:
 * @parent: the parent's effective filters
 * @own: the filters a child adds
 * @result: (out): the child's effective filters
 *
 * A child inherits its parent's filters and may add its own; it may not contradict them
 * (a Cloud child under a Security target would count nothing). A region replaces its
 * parent's region, since it may be a sub-region; callers check that it is one.
 */
gboolean
jx_target_filters_narrow (const JxTargetFilters  *parent,
                          const JxTargetFilters  *own,
                          JxTargetFilters        *result,
                          GError                **error)
{
  JxTargetFilters out = { 0 };

  /* A region may narrow to one of its sub-regions; the caller checks the region tree. */
  out.region_id = own->region_id > 0 ? own->region_id : parent->region_id;
  if (!narrow_id (parent->member_id, own->member_id, &out.member_id, _("team member"), error) ||
      !narrow_id (parent->product_line_id, own->product_line_id, &out.product_line_id,
                  _("product line"), error) ||
      !narrow_id (parent->customer_type_id, own->customer_type_id, &out.customer_type_id,
                  _("customer type"), error))
    return FALSE;
  if (parent->tier != NULL && own->tier != NULL && g_strcmp0 (parent->tier, own->tier) != 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
                   _("The parent target already has a different %s; a child can only narrow "
                     "its parent's filters."), _("customer tier"));
      return FALSE;
    }
  out.tier = parent->tier != NULL ? parent->tier : own->tier;
  *result = out;
  return TRUE;
}
