/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JX_TARGET_ERROR (jx_target_error_quark ())

typedef enum {
  JX_TARGET_ERROR_INVALID,
  JX_TARGET_ERROR_NOT_FOUND,
  JX_TARGET_ERROR_LOCKED,
  JX_TARGET_ERROR_CONFLICT,
} JxTargetError;

/* What a target counts. The database spells them 'revenue', 'deals', 'new_customers'. */
typedef enum {
  JX_TARGET_METRIC_REVENUE,
  JX_TARGET_METRIC_DEALS,
  JX_TARGET_METRIC_NEW_CUSTOMERS,
} JxTargetMetric;

/* The dimension a node splits its parent by: a time split or a filter. */
typedef enum {
  JX_TARGET_DIMENSION_NONE,
  JX_TARGET_DIMENSION_QUARTER,
  JX_TARGET_DIMENSION_MONTH,
  JX_TARGET_DIMENSION_WEEK,
  JX_TARGET_DIMENSION_PRODUCT_LINE,
  JX_TARGET_DIMENSION_CUSTOMER_TYPE,
  JX_TARGET_DIMENSION_REGION,
  JX_TARGET_DIMENSION_MEMBER,
  JX_TARGET_DIMENSION_TIER,
} JxTargetDimension;

#define JX_TARGET_N_DIMENSIONS (JX_TARGET_DIMENSION_TIER + 1)

typedef enum {
  JX_TARGET_METHOD_EQUAL,
  JX_TARGET_METHOD_HISTORY,
  JX_TARGET_METHOD_SEASONAL,
  JX_TARGET_METHOD_WEIGHTS,
  JX_TARGET_METHOD_MANUAL,
} JxTargetMethod;

/* Where a node stands against its expected-to-date amount. */
typedef enum {
  JX_TARGET_PACE_UNKNOWN,      /* attainment not computed, or no target */
  JX_TARGET_PACE_NOT_STARTED,  /* the period starts after today */
  JX_TARGET_PACE_AHEAD,        /* actual >= expected to date */
  JX_TARGET_PACE_ON_PACE,      /* within 10% below the expected to date */
  JX_TARGET_PACE_BEHIND,       /* more than 10% below */
} JxTargetPace;

/* How the expected-to-date amount grows through a node's period. */
typedef enum {
  JX_TARGET_EXPECTATION_LINEAR,
  JX_TARGET_EXPECTATION_SEASONAL,
} JxTargetExpectation;

typedef enum {
  JX_TARGET_SMART_SPECIFIC,
  JX_TARGET_SMART_MEASURABLE,
  JX_TARGET_SMART_ACHIEVABLE,
  JX_TARGET_SMART_RELEVANT,
  JX_TARGET_SMART_TIME_BOUND,
} JxTargetSmartItem;

#define JX_TARGET_N_SMART_ITEMS 5

/* The effective filters of a node: its ancestors' plus its own. 0 or NULL is "any".
 * tier is an interned string ('key', 'growth', 'maintain', 'defend'). */
typedef struct {
  gint64      region_id;
  gint64      member_id;
  gint64      product_line_id;
  gint64      customer_type_id;
  const char *tier;
} JxTargetFilters;

GType        jx_target_metric_get_type        (void) G_GNUC_CONST;
GType        jx_target_dimension_get_type     (void) G_GNUC_CONST;
GType        jx_target_method_get_type        (void) G_GNUC_CONST;
GType        jx_target_pace_get_type          (void) G_GNUC_CONST;
GType        jx_target_expectation_get_type   (void) G_GNUC_CONST;
#define JX_TYPE_TARGET_METRIC      (jx_target_metric_get_type ())
#define JX_TYPE_TARGET_DIMENSION   (jx_target_dimension_get_type ())
#define JX_TYPE_TARGET_METHOD      (jx_target_method_get_type ())
#define JX_TYPE_TARGET_PACE        (jx_target_pace_get_type ())
#define JX_TYPE_TARGET_EXPECTATION (jx_target_expectation_get_type ())

GQuark       jx_target_error_quark            (void);

const char  *jx_target_metric_to_string       (JxTargetMetric     metric);
gboolean     jx_target_metric_from_string     (const char        *text,
                                               JxTargetMetric    *metric);
const char  *jx_target_metric_label           (JxTargetMetric     metric);
gboolean     jx_target_metric_is_money        (JxTargetMetric     metric);

const char  *jx_target_dimension_to_string    (JxTargetDimension  dimension);
gboolean     jx_target_dimension_from_string  (const char        *text,
                                               JxTargetDimension *dimension);
const char  *jx_target_dimension_label        (JxTargetDimension  dimension);
gboolean     jx_target_dimension_is_time      (JxTargetDimension  dimension);

const char  *jx_target_method_to_string       (JxTargetMethod     method);
gboolean     jx_target_method_from_string     (const char        *text,
                                               JxTargetMethod    *method);
const char  *jx_target_method_label           (JxTargetMethod     method);

const char  *jx_target_pace_to_string         (JxTargetPace       pace);
const char  *jx_target_pace_label             (JxTargetPace       pace);

const char  *jx_target_smart_item_to_string   (JxTargetSmartItem  item);
const char  *jx_target_smart_item_label       (JxTargetSmartItem  item);

const char  *jx_target_tier_from_string       (const char        *text);
const char  *jx_target_tier_label             (const char        *tier);

gboolean     jx_target_filters_equal          (const JxTargetFilters *a,
                                               const JxTargetFilters *b);
gboolean     jx_target_filters_narrow         (const JxTargetFilters *parent,
                                               const JxTargetFilters *own,
                                               JxTargetFilters       *result,
                                               GError               **error);

G_END_DECLS
