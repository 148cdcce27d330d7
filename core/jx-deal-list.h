/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jx-deal.h"
#include "jx-deal-filter.h"
#include "jx-store.h"

G_BEGIN_DECLS

/*
 * The deals view's model: a GListModel of JxDeal over the ids that one SQL query with the
 * search text, the filter, a status, a stage and a sort key returns. Only the ids are held
 * (8 bytes a deal); a JxDeal is made when a row asks for it and kept in a small cache, so
 * a view scrolls a million deals. The list reloads on JxStore::changed, at once or, for a
 * threaded list, in a worker thread.
 *
 * The filter's period selects deals that were open at some time in it: opened on or before
 * its last day and not closed before its first day.
 */

#define JX_TYPE_DEAL_LIST (jx_deal_list_get_type ())
G_DECLARE_FINAL_TYPE (JxDealList, jx_deal_list, JX, DEAL_LIST, GObject)

typedef enum {
  JX_DEAL_SORT_ID,
  JX_DEAL_SORT_TITLE,
  JX_DEAL_SORT_CUSTOMER,
  JX_DEAL_SORT_OWNER,
  JX_DEAL_SORT_PRODUCT,
  JX_DEAL_SORT_AMOUNT,
  JX_DEAL_SORT_STAGE,
  JX_DEAL_SORT_DAYS_IN_STAGE,
  JX_DEAL_SORT_EXPECTED_CLOSE,
  JX_DEAL_SORT_OPENED,
} JxDealSort;

/* Which deals by status; JX_DEAL_STATUS_ANY for all. */
#define JX_DEAL_STATUS_ANY (-1)

JxDealList *jx_deal_list_new          (JxStore            *store,
                                       const GDate        *today);
JxDealList *jx_deal_list_new_threaded (JxStore            *store,
                                       const GDate        *today);
JxDealList *jx_deal_list_new_for_ids  (JxStore            *store,
                                       const GDate        *today,
                                       GArray             *ids);
void        jx_deal_list_set_search   (JxDealList         *self,
                                       const char         *text);
const char *jx_deal_list_get_search   (JxDealList         *self);
void        jx_deal_list_set_filter   (JxDealList         *self,
                                       const JxDealFilter *filter);
void        jx_deal_list_set_status   (JxDealList         *self,
                                       int                 status);
void        jx_deal_list_set_stage    (JxDealList         *self,
                                       gint64              stage_id);
void        jx_deal_list_set_sort     (JxDealList         *self,
                                       JxDealSort          key,
                                       gboolean            descending);
void        jx_deal_list_set_today    (JxDealList         *self,
                                       const GDate        *today);
gboolean    jx_deal_list_reload       (JxDealList         *self,
                                       GError            **error);
gint64      jx_deal_list_get_id       (JxDealList         *self,
                                       guint               position);
guint       jx_deal_list_find         (JxDealList         *self,
                                       gint64              deal_id);
void        jx_deal_list_set_paused   (JxDealList         *self,
                                       gboolean            paused);
gboolean    jx_deal_list_get_loading  (JxDealList         *self);
gint64      jx_deal_list_get_amount_total (JxDealList     *self);

G_END_DECLS
