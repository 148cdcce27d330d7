/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"

G_BEGIN_DECLS

/*
 * A compact copy of what the funnel reads from deals and stage_events, one cache per
 * store. See jx-funnel-cache.c for how it stays current.
 */

#define JX_CACHE_NONE   G_MAXUINT32
#define JX_CACHE_NONE8  0xff
#define JX_CACHE_DEAD   0xff
/* Stay lengths above this count as this many days in the median histograms. */
#define JX_CACHE_MAX_DAYS 4095

typedef struct {
  gint64  amount;        /* -1 when unknown */
  gint32  opened;        /* day numbers (jx_day_number), 0 when unknown */
  gint32  closed;
  gint32  entered;
  gint32  expected;
  guint32 customer;      /* slot in the customer table, JX_CACHE_NONE when none */
  guint32 owner;         /* slot in the member table */
  guint32 product;       /* slot in the product table */
  guint32 first_event;
  guint16 n_events;
  guint8  status;        /* 0 open, 1 won, 2 lost, JX_CACHE_DEAD for a deleted deal */
  guint8  stage;         /* slot in the stage table */
  guint8  lost_at;       /* stage slot or JX_CACHE_NONE8 */
  gint16  furthest;      /* deals.furthest_position */
} JxCachedDeal;

typedef struct {
  gint64  id;
  char   *name;
  int     kind;          /* 0 open, 1 won, 2 lost */
  int     position;
  int     probability;
  int     stalled_days;  /* 0 when not set */
  int     suggested;     /* 80th percentile of finished stays, 0 without history */
} JxCachedStage;

typedef struct {
  gint64        *deal_ids;       /* ascending; index = deal slot */
  JxCachedDeal  *deals;
  guint          n_deals;
  guint          deals_size;

  gint32        *event_days;     /* per deal, a contiguous run in date order */
  guint8        *event_stages;
  guint          n_events;
  guint          events_size;
  guint          n_dead_events;

  JxCachedStage *stages;         /* by id */
  guint          n_stages;

  gint64        *customer_ids;   /* ascending */
  gint64        *customer_region;
  gint64        *customer_type;
  guint8        *customer_tier;  /* 0 none, 1 key, 2 growth, 3 maintain, 4 defend */
  guint          n_customers;

  gint64        *product_ids;
  gint64        *product_line;
  guint          n_products;

  gint64        *member_ids;
  guint          n_members;
} JxFunnelCache;

JxFunnelCache *jx_funnel_cache_get      (JxStore       *store,
                                         GError       **error);
void           jx_funnel_cache_drop     (JxStore       *store);
gboolean       jx_funnel_cache_is_loaded (JxStore      *store);
void           jx_funnel_cache_load_async (JxStore            *store,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean       jx_funnel_cache_load_finish (JxStore          *store,
                                         GAsyncResult        *result,
                                         GError             **error);
guint          jx_funnel_cache_slot_of  (const gint64  *ids,
                                         guint          n,
                                         gint64         id);
guint8         jx_funnel_cache_tier_code (const char   *tier);
gint32         jx_day_number            (int            year,
                                         int            month,
                                         int            day);
gint32         jx_day_from_iso          (const char    *iso);
gint32         jx_day_from_date         (const GDate   *date);

G_END_DECLS
