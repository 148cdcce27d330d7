/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-store.h"

G_BEGIN_DECLS

/*
 * Which deals a funnel or a deal list looks at. A plain struct that is copied by value:
 * ids are 0 for "any", the tier is a code ("" for any, "none" for customers without a tier)
 * and an invalid (cleared) date leaves that side of the period open.
 *
 * What the period means depends on the figure; the README (The funnel) lists the date each figure
 * uses. The region includes its sub-regions; region, tier and customer type are the
 * deal's customer's, the product line is the deal's product's.
 */
typedef struct {
  GDate  from;
  GDate  to;
  gint64 region_id;
  gint64 owner_id;
  gint64 product_line_id;
  gint64 product_id;
  gint64 customer_type_id;
  char   tier[12];
} JxDealFilter;

/* The dimensions a filter can be set by name, as jingxi-cli's options name them. */
typedef enum {
  JX_DEAL_FILTER_REGION,
  JX_DEAL_FILTER_OWNER,
  JX_DEAL_FILTER_PRODUCT_LINE,
  JX_DEAL_FILTER_PRODUCT,
  JX_DEAL_FILTER_TIER,
  JX_DEAL_FILTER_CUSTOMER_TYPE,
} JxDealFilterDimension;

void      jx_deal_filter_init            (JxDealFilter          *filter);
gboolean  jx_deal_filter_is_empty        (const JxDealFilter    *filter);
gboolean  jx_deal_filter_has_dimensions  (const JxDealFilter    *filter);
gboolean  jx_deal_filter_set_period_iso  (JxDealFilter          *filter,
                                          const char            *from,
                                          const char            *to,
                                          GError               **error);
gboolean  jx_deal_filter_set_by_name     (JxDealFilter          *filter,
                                          JxStore               *store,
                                          JxDealFilterDimension  dimension,
                                          const char            *name,
                                          GError               **error);
gboolean  jx_deal_filter_set_tier        (JxDealFilter          *filter,
                                          const char            *tier,
                                          GError               **error);
JsonNode *jx_deal_filter_to_json         (const JxDealFilter    *filter,
                                          JxStore               *store);
char     *jx_deal_filter_describe        (const JxDealFilter    *filter,
                                          JxStore               *store);
GArray   *jx_deal_filter_region_ids      (const JxDealFilter    *filter,
                                          JxStore               *store,
                                          GError               **error);

const char *jx_tier_label                (const char            *tier);

G_END_DECLS
