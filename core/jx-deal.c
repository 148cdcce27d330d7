/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-deal.h"
#include "jx-money.h"

struct _JxDeal {
  GObject parent_instance;

  gint64  id;
  char   *ref;
  char   *title;
  gint64  customer_id;
  char   *customer;
  gint64  owner_id;
  char   *owner;
  gint64  product_id;
  char   *product;
  gint64  amount;
  char   *amount_text;
  gint64  stage_id;
  char   *stage;
  int     status;
  char   *stage_entered;
  int     days_in_stage;
  char   *expected_close;
  char   *opened;
  char   *closed;
  char   *lost_reason;
  char   *won_reason;
};

G_DEFINE_FINAL_TYPE (JxDeal, jx_deal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_TITLE,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER,
  PROP_OWNER_ID,
  PROP_OWNER,
  PROP_PRODUCT_ID,
  PROP_PRODUCT,
  PROP_AMOUNT,
  PROP_AMOUNT_TEXT,
  PROP_STAGE_ID,
  PROP_STAGE,
  PROP_STATUS,
  PROP_STAGE_ENTERED,
  PROP_DAYS_IN_STAGE,
  PROP_EXPECTED_CLOSE,
  PROP_OPENED,
  PROP_CLOSED,
  PROP_LOST_REASON,
  PROP_WON_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_deal_finalize (GObject *object)
{
  JxDeal *self = (JxDeal *) object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->customer, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->product, g_free);
  g_clear_pointer (&self->amount_text, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->stage_entered, g_free);
  g_clear_pointer (&self->expected_close, g_free);
  g_clear_pointer (&self->opened, g_free);
  g_clear_pointer (&self->closed, g_free);
  g_clear_pointer (&self->lost_reason, g_free);
  g_clear_pointer (&self->won_reason, g_free);

  G_OBJECT_CLASS (jx_deal_parent_class)->finalize (object);
}

static void
jx_deal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JxDeal *self = JX_DEAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_CUSTOMER:
      g_value_set_string (value, self->customer);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_AMOUNT_TEXT:
      g_value_set_string (value, self->amount_text);
      break;
    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STAGE_ENTERED:
      g_value_set_string (value, self->stage_entered);
      break;
    case PROP_DAYS_IN_STAGE:
      g_value_set_int (value, self->days_in_stage);
      break;
    case PROP_EXPECTED_CLOSE:
      g_value_set_string (value, self->expected_close);
      break;
    case PROP_OPENED:
      g_value_set_string (value, self->opened);
      break;
    case PROP_CLOSED:
      g_value_set_string (value, self->closed);
      break;
    case PROP_LOST_REASON:
      g_value_set_string (value, self->lost_reason);
      break;
    case PROP_WON_REASON:
      g_value_set_string (value, self->won_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deal_class_init (JxDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_deal_finalize;
  object_class->get_property = jx_deal_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOMER] =
    g_param_spec_string ("customer", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_AMOUNT_TEXT] =
    g_param_spec_string ("amount-text", NULL, NULL, NULL, flags);
  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STAGE_ENTERED] =
    g_param_spec_string ("stage-entered", NULL, NULL, NULL, flags);
  properties[PROP_DAYS_IN_STAGE] =
    g_param_spec_int ("days-in-stage", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_EXPECTED_CLOSE] =
    g_param_spec_string ("expected-close", NULL, NULL, NULL, flags);
  properties[PROP_OPENED] =
    g_param_spec_string ("opened", NULL, NULL, NULL, flags);
  properties[PROP_CLOSED] =
    g_param_spec_string ("closed", NULL, NULL, NULL, flags);
  properties[PROP_LOST_REASON] =
    g_param_spec_string ("lost-reason", NULL, NULL, NULL, flags);
  properties[PROP_WON_REASON] =
    g_param_spec_string ("won-reason", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_deal_init (JxDeal *self)
{
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* A snapshot of one deal; strings missing from @row become empty strings. */
JxDeal *
jx_deal_new (const JxDealRow *row)
{
  JxDeal *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (JX_TYPE_DEAL, NULL);
  self->id = row->id;
  self->ref = dup_or_empty (row->ref);
  self->title = dup_or_empty (row->title);
  self->customer_id = row->customer_id;
  self->customer = dup_or_empty (row->customer);
  self->owner_id = row->owner_id;
  self->owner = dup_or_empty (row->owner);
  self->product_id = row->product_id;
  self->product = dup_or_empty (row->product);
  self->amount = row->amount;
  self->amount_text = row->amount >= 0 ? jx_money_format (row->amount, row->currency)
                                        : g_strdup ("");
  self->stage_id = row->stage_id;
  self->stage = dup_or_empty (row->stage);
  self->status = row->status;
  self->stage_entered = dup_or_empty (row->stage_entered);
  self->days_in_stage = row->days_in_stage;
  self->expected_close = dup_or_empty (row->expected_close);
  self->opened = dup_or_empty (row->opened);
  self->closed = dup_or_empty (row->closed);
  self->lost_reason = dup_or_empty (row->lost_reason);
  self->won_reason = dup_or_empty (row->won_reason);
  return self;
}

gint64
jx_deal_get_id (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->id;
}

const char *
jx_deal_get_ref (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->ref;
}

const char *
jx_deal_get_title (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->title;
}

gint64
jx_deal_get_customer_id (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->customer_id;
}

const char *
jx_deal_get_customer (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->customer;
}

gint64
jx_deal_get_owner_id (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->owner_id;
}

const char *
jx_deal_get_owner (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->owner;
}

gint64
jx_deal_get_product_id (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->product_id;
}

const char *
jx_deal_get_product (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->product;
}

gint64
jx_deal_get_amount (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->amount;
}

const char *
jx_deal_get_amount_text (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->amount_text;
}

gint64
jx_deal_get_stage_id (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->stage_id;
}

const char *
jx_deal_get_stage (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->stage;
}

int
jx_deal_get_status (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->status;
}

const char *
jx_deal_get_stage_entered (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->stage_entered;
}

int
jx_deal_get_days_in_stage (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), 0);

  return self->days_in_stage;
}

const char *
jx_deal_get_expected_close (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->expected_close;
}

const char *
jx_deal_get_opened (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->opened;
}

const char *
jx_deal_get_closed (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->closed;
}

const char *
jx_deal_get_lost_reason (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->lost_reason;
}

/* Why a won deal was won, or "". */
const char *
jx_deal_get_won_reason (JxDeal *self)
{
  g_return_val_if_fail (JX_IS_DEAL (self), NULL);

  return self->won_reason;
}
