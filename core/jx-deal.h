/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One deal as a row of the deals view shows it: a read-only snapshot that JxDealList makes
 * when the view asks for the row. Changes go through jx_deals_*(). */

#define JX_TYPE_DEAL (jx_deal_get_type ())
G_DECLARE_FINAL_TYPE (JxDeal, jx_deal, JX, DEAL, GObject)

/* What a JxDeal is made from; strings are copied. */
typedef struct {
  gint64      id;
  const char *ref;
  const char *title;
  gint64      customer_id;
  const char *customer;
  gint64      owner_id;
  const char *owner;
  gint64      product_id;
  const char *product;
  gint64      amount;            /* -1 when unknown */
  const char *currency;
  gint64      stage_id;
  const char *stage;
  int         status;            /* 0 open, 1 won, 2 lost */
  const char *stage_entered;
  int         days_in_stage;     /* -1 when unknown */
  const char *expected_close;
  const char *opened;
  const char *closed;
  const char *lost_reason;
  const char *won_reason;
} JxDealRow;

JxDeal     *jx_deal_new                (const JxDealRow *row);
gint64      jx_deal_get_id             (JxDeal          *self);
const char *jx_deal_get_ref            (JxDeal          *self);
const char *jx_deal_get_title          (JxDeal          *self);
gint64      jx_deal_get_customer_id    (JxDeal          *self);
const char *jx_deal_get_customer       (JxDeal          *self);
gint64      jx_deal_get_owner_id       (JxDeal          *self);
const char *jx_deal_get_owner          (JxDeal          *self);
gint64      jx_deal_get_product_id     (JxDeal          *self);
const char *jx_deal_get_product        (JxDeal          *self);
gint64      jx_deal_get_amount         (JxDeal          *self);
const char *jx_deal_get_amount_text    (JxDeal          *self);
gint64      jx_deal_get_stage_id       (JxDeal          *self);
const char *jx_deal_get_stage          (JxDeal          *self);
int         jx_deal_get_status         (JxDeal          *self);
const char *jx_deal_get_stage_entered  (JxDeal          *self);
int         jx_deal_get_days_in_stage  (JxDeal          *self);
const char *jx_deal_get_expected_close (JxDeal          *self);
const char *jx_deal_get_opened         (JxDeal          *self);
const char *jx_deal_get_closed         (JxDeal          *self);
const char *jx_deal_get_lost_reason    (JxDeal          *self);
const char *jx_deal_get_won_reason     (JxDeal          *self);

G_END_DECLS
