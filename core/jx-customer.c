/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-customer-private.h"
#include "jx-date.h"
#include "jx-money.h"
#include "jx-notify-private.h"

/*
 * One customer as the views see it: a snapshot of its JxCustomerRow with names resolved and
 * texts ready to show. JxCustomerBase makes these on demand and updates them in place (with
 * notifications) when the row changes, so a bound GtkColumnView cell follows a tier move.
 */

struct _JxCustomer {
  GObject          parent_instance;

  gint64           id;
  char            *name;
  char            *type_name;
  char            *region_name;
  char            *owner_name;
  JxTier           tier;
  gboolean         tier_manual;
  gint64           revenue_12m;
  gint64           revenue_prev_12m;
  gint64           open_pipeline;
  guint            open_count;
  char            *last_won;
  JxChurnRisk      risk;
  char            *risk_text;
  JxCustomerTrend  trend;
  char            *revenue_text;
  char            *pipeline_text;
};

G_DEFINE_TYPE (JxCustomer, jx_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TYPE_NAME,
  PROP_REGION_NAME,
  PROP_OWNER_NAME,
  PROP_TIER,
  PROP_TIER_LABEL,
  PROP_TIER_MANUAL,
  PROP_REVENUE_12M,
  PROP_REVENUE_PREV_12M,
  PROP_REVENUE_TEXT,
  PROP_CHANGE,
  PROP_CHANGE_TEXT,
  PROP_LAST_WON,
  PROP_LAST_WON_TEXT,
  PROP_OPEN_PIPELINE,
  PROP_OPEN_PIPELINE_TEXT,
  PROP_OPEN_COUNT,
  PROP_AT_RISK,
  PROP_RISK_TEXT,
  PROP_TREND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
change_of (JxCustomer *self)
{
  if (self->revenue_prev_12m <= 0)
    return NAN;
  return (double) (self->revenue_12m - self->revenue_prev_12m) / (double) self->revenue_prev_12m;
}

/* "+12%", "−42%", "new", or "—" when there is nothing to compare. */
static char *
change_text (JxCustomer *self)
{
  double change = change_of (self);

  if (isnan (change))
    return g_strdup (self->revenue_12m > 0 ? C_("revenue change", "new") : "—");
  /* Translators: a change in percent; %s is "+" or "−", %.0f the number. */
  return g_strdup_printf (_("%s%.0f%%"), change < 0 ? "−" : "+", fabs (change) * 100);
}

static void
jx_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JxCustomer *self = JX_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, self->region_name);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case PROP_TIER:
      g_value_set_enum (value, self->tier);
      break;
    case PROP_TIER_LABEL:
      g_value_set_string (value, jx_tier_get_label (self->tier));
      break;
    case PROP_TIER_MANUAL:
      g_value_set_boolean (value, self->tier_manual);
      break;
    case PROP_REVENUE_12M:
      g_value_set_int64 (value, self->revenue_12m);
      break;
    case PROP_REVENUE_PREV_12M:
      g_value_set_int64 (value, self->revenue_prev_12m);
      break;
    case PROP_REVENUE_TEXT:
      g_value_set_string (value, self->revenue_text);
      break;
    case PROP_CHANGE:
      g_value_set_double (value, change_of (self));
      break;
    case PROP_CHANGE_TEXT:
      g_value_take_string (value, change_text (self));
      break;
    case PROP_LAST_WON:
      g_value_set_string (value, self->last_won);
      break;
    case PROP_LAST_WON_TEXT:
      g_value_take_string (value, self->last_won != NULL ? jx_date_format_iso_text (self->last_won)
                                                         : g_strdup ("—"));
      break;
    case PROP_OPEN_PIPELINE:
      g_value_set_int64 (value, self->open_pipeline);
      break;
    case PROP_OPEN_PIPELINE_TEXT:
      g_value_set_string (value, self->pipeline_text);
      break;
    case PROP_OPEN_COUNT:
      g_value_set_uint (value, self->open_count);
      break;
    case PROP_AT_RISK:
      g_value_set_boolean (value, self->risk != JX_CHURN_NONE);
      break;
    case PROP_RISK_TEXT:
      g_value_set_string (value, self->risk_text);
      break;
    case PROP_TREND:
      g_value_set_enum (value, self->trend);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_customer_finalize (GObject *object)
{
  JxCustomer *self = JX_CUSTOMER (object);

  g_free (self->name);
  g_free (self->type_name);
  g_free (self->region_name);
  g_free (self->owner_name);
  g_free (self->last_won);
  g_free (self->risk_text);
  g_free (self->revenue_text);
  g_free (self->pipeline_text);

  G_OBJECT_CLASS (jx_customer_parent_class)->finalize (object);
}

static void
jx_customer_class_init (JxCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jx_customer_get_property;
  object_class->finalize = jx_customer_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  properties[PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  properties[PROP_TIER] = g_param_spec_enum ("tier", NULL, NULL, JX_TYPE_TIER, JX_TIER_NONE, flags);
  properties[PROP_TIER_LABEL] = g_param_spec_string ("tier-label", NULL, NULL, NULL, flags);
  properties[PROP_TIER_MANUAL] = g_param_spec_boolean ("tier-manual", NULL, NULL, FALSE, flags);
  properties[PROP_REVENUE_12M] = g_param_spec_int64 ("revenue-12m", NULL, NULL, G_MININT64,
                                                     G_MAXINT64, 0, flags);
  properties[PROP_REVENUE_PREV_12M] = g_param_spec_int64 ("revenue-prev-12m", NULL, NULL,
                                                          G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_REVENUE_TEXT] = g_param_spec_string ("revenue-text", NULL, NULL, NULL, flags);
  /* NaN when the customer bought nothing in the previous 12 months. */
  properties[PROP_CHANGE] = g_param_spec_double ("change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                 0, flags);
  properties[PROP_CHANGE_TEXT] = g_param_spec_string ("change-text", NULL, NULL, NULL, flags);
  properties[PROP_LAST_WON] = g_param_spec_string ("last-won", NULL, NULL, NULL, flags);
  properties[PROP_LAST_WON_TEXT] = g_param_spec_string ("last-won-text", NULL, NULL, NULL, flags);
  properties[PROP_OPEN_PIPELINE] = g_param_spec_int64 ("open-pipeline", NULL, NULL, G_MININT64,
                                                       G_MAXINT64, 0, flags);
  properties[PROP_OPEN_PIPELINE_TEXT] = g_param_spec_string ("open-pipeline-text", NULL, NULL,
                                                             NULL, flags);
  properties[PROP_OPEN_COUNT] = g_param_spec_uint ("open-count", NULL, NULL, 0, G_MAXUINT, 0,
                                                   flags);
  properties[PROP_AT_RISK] = g_param_spec_boolean ("at-risk", NULL, NULL, FALSE, flags);
  properties[PROP_RISK_TEXT] = g_param_spec_string ("risk-text", NULL, NULL, NULL, flags);
  properties[PROP_TREND] = g_param_spec_enum ("trend", NULL, NULL, JX_TYPE_CUSTOMER_TREND,
                                              JX_CUSTOMER_TREND_NONE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_customer_init (JxCustomer *self)
{
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
take_string (JxCustomer  *self,
             char       **field,
             char        *value,
             guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Copies @row into @self and notifies the properties that changed. */
void
jx_customer_update (JxCustomer          *self,
                    JxCustomerBase      *base,
                    const JxCustomerRow *row)
{
  GObject *object = G_OBJECT (self);
  const char *currency = jx_customer_base_get_currency (base);
  char last_won[11] = "";

  g_object_freeze_notify (object);
  self->id = row->id;
  if (set_string (&self->name, row->name))
    g_object_notify_by_pspec (object, properties[PROP_NAME]);
  if (set_string (&self->type_name, jx_customer_base_get_type_name (base, row->type_id)))
    g_object_notify_by_pspec (object, properties[PROP_TYPE_NAME]);
  if (set_string (&self->region_name, jx_customer_base_get_region_name (base, row->region_id)))
    g_object_notify_by_pspec (object, properties[PROP_REGION_NAME]);
  if (set_string (&self->owner_name, jx_customer_base_get_owner_name (base, row->owner_id)))
    g_object_notify_by_pspec (object, properties[PROP_OWNER_NAME]);
  if (self->tier != row->tier)
    {
      self->tier = row->tier;
      g_object_notify_by_pspec (object, properties[PROP_TIER]);
      g_object_notify_by_pspec (object, properties[PROP_TIER_LABEL]);
    }
  JX_SET_AND_NOTIFY (self, tier_manual, row->tier_manual, properties[PROP_TIER_MANUAL]);
  if (self->revenue_12m != row->revenue_12m || self->revenue_prev_12m != row->revenue_prev_12m)
    {
      self->revenue_12m = row->revenue_12m;
      self->revenue_prev_12m = row->revenue_prev_12m;
      g_object_notify_by_pspec (object, properties[PROP_REVENUE_12M]);
      g_object_notify_by_pspec (object, properties[PROP_REVENUE_PREV_12M]);
      g_object_notify_by_pspec (object, properties[PROP_CHANGE]);
      g_object_notify_by_pspec (object, properties[PROP_CHANGE_TEXT]);
    }
  take_string (self, &self->revenue_text, jx_money_format_compact (row->revenue_12m, currency),
               PROP_REVENUE_TEXT);
  JX_SET_AND_NOTIFY (self, open_pipeline, row->open_pipeline, properties[PROP_OPEN_PIPELINE]);
  take_string (self, &self->pipeline_text, jx_money_format_compact (row->open_pipeline, currency),
               PROP_OPEN_PIPELINE_TEXT);
  JX_SET_AND_NOTIFY (self, open_count, row->open_count, properties[PROP_OPEN_COUNT]);
  if (row->last_won > 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row->last_won);
      jx_date_to_iso_buf (&date, last_won);
    }
  if (set_string (&self->last_won, row->last_won > 0 ? last_won : NULL))
    {
      g_object_notify_by_pspec (object, properties[PROP_LAST_WON]);
      g_object_notify_by_pspec (object, properties[PROP_LAST_WON_TEXT]);
    }
  JX_SET_AND_NOTIFY (self, risk, (JxChurnRisk) row->risk, properties[PROP_AT_RISK]);
  take_string (self, &self->risk_text, jx_customer_base_describe_risk (base, row),
               PROP_RISK_TEXT);
  JX_SET_AND_NOTIFY (self, trend, (JxCustomerTrend) row->trend, properties[PROP_TREND]);
  g_object_thaw_notify (object);
}

JxCustomer *
jx_customer_new_for_row (JxCustomerBase      *base,
                         const JxCustomerRow *row)
{
  JxCustomer *self = g_object_new (JX_TYPE_CUSTOMER, NULL);

  jx_customer_update (self, base, row);
  return self;
}

const gint64 *
jx_customer_get_id_pointer (JxCustomer *self)
{
  return &self->id;
}

gint64
jx_customer_get_id (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), 0);
  return self->id;
}

const char *
jx_customer_get_name (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->name;
}

const char *
jx_customer_get_type_name (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->type_name;
}

const char *
jx_customer_get_region_name (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->region_name;
}

const char *
jx_customer_get_owner_name (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->owner_name;
}

JxTier
jx_customer_get_tier (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), JX_TIER_NONE);
  return self->tier;
}

gboolean
jx_customer_get_tier_manual (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), FALSE);
  return self->tier_manual;
}

gint64
jx_customer_get_revenue_12m (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), 0);
  return self->revenue_12m;
}

gint64
jx_customer_get_revenue_prev_12m (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), 0);
  return self->revenue_prev_12m;
}

/* The change against the previous 12 months (0.1 is +10%), NaN when there is none. */
double
jx_customer_get_change (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NAN);
  return change_of (self);
}

/* The ISO date of the last won deal, %NULL when the customer never bought. */
const char *
jx_customer_get_last_won (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->last_won;
}

gint64
jx_customer_get_open_pipeline (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), 0);
  return self->open_pipeline;
}

JxChurnRisk
jx_customer_get_risk (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), JX_CHURN_NONE);
  return self->risk;
}

gboolean
jx_customer_get_at_risk (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), FALSE);
  return self->risk != JX_CHURN_NONE;
}

/* Why the customer is at risk, in numbers; "" when it is not. */
const char *
jx_customer_get_risk_text (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), NULL);
  return self->risk_text;
}

JxCustomerTrend
jx_customer_get_trend (JxCustomer *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER (self), JX_CUSTOMER_TREND_NONE);
  return self->trend;
}
