/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"

G_BEGIN_DECLS

/*
 * Operations on deals. Each is one undoable step ("Undo Move Deal"), and each keeps
 * deals.stage_id, stage_entered, status, closed, furthest_position, lost_at_stage_id and
 * the deal's stage_events consistent. Dates are the day the user says it happened, never
 * the wall clock.
 */

/* What the deal editor edits. */
typedef struct {
  const char *title;
  gint64      customer_id;     /* 0 for none */
  gint64      owner_id;        /* 0 for none */
  gint64      product_id;      /* 0 for none */
  gint64      amount;          /* minor units, -1 when not known yet */
  const char *expected_close;  /* ISO date or NULL */
  const char *notes;           /* NULL for none */
} JxDealDraft;

/* One stay of a deal in a stage, for the deal editor's timeline. */
typedef struct {
  gint64  stage_id;
  char   *stage_name;
  int     kind;                /* 0 open, 1 won, 2 lost */
  char    entered[11];
  char    left[11];            /* "" while the deal is still there */
  int     days;                /* until it left, or until today */
} JxStageVisit;

void       jx_deal_draft_init        (JxDealDraft        *draft);

gint64     jx_deals_create           (JxStore            *store,
                                      const JxDealDraft  *draft,
                                      gint64              stage_id,
                                      const GDate        *opened,
                                      GError            **error);
gboolean   jx_deals_update           (JxStore            *store,
                                      gint64              deal_id,
                                      const JxDealDraft  *draft,
                                      GError            **error);
gboolean   jx_deals_move             (JxStore            *store,
                                      gint64              deal_id,
                                      gint64              stage_id,
                                      const GDate        *date,
                                      GError            **error);
gboolean   jx_deals_win              (JxStore            *store,
                                      gint64              deal_id,
                                      const char         *reason,
                                      const GDate        *date,
                                      GError            **error);
gboolean   jx_deals_lose             (JxStore            *store,
                                      gint64              deal_id,
                                      const char         *reason,
                                      const GDate        *date,
                                      GError            **error);
gboolean   jx_deals_reopen           (JxStore            *store,
                                      gint64              deal_id,
                                      gint64              stage_id,
                                      const GDate        *date,
                                      GError            **error);
gboolean   jx_deals_delete           (JxStore            *store,
                                      gint64              deal_id,
                                      GError            **error);
char      *jx_deals_get_notes        (JxStore            *store,
                                      gint64              deal_id,
                                      GError            **error);
GPtrArray *jx_deals_history          (JxStore            *store,
                                      gint64              deal_id,
                                      const GDate        *today,
                                      GError            **error);
void       jx_stage_visit_free       (JxStageVisit       *visit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxStageVisit, jx_stage_visit_free)

G_END_DECLS
