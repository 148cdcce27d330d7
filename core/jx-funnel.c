/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-date.h"
#include "jx-funnel.h"
#include "jx-funnel-cache-private.h"
#include "jx-json.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * The funnel engine. It reads the store's funnel cache (jx-funnel-cache.c) and makes one
 * pass over the deals and their stage events; the README (The funnel) defines each figure.
 */

#define HIST_SIZE (JX_CACHE_MAX_DAYS + 1)

/* A filter turned into what the loop over the cache needs. */
typedef struct {
  JxFunnelCache *c;
  guint8        *customer_ok;   /* NULL when no customer dimension is set */
  guint8        *product_ok;    /* NULL when no product dimension is set */
  guint          owner;         /* owner slot, JX_CACHE_NONE when not filtered */
  gboolean       by_owner;
  gboolean       nothing;       /* a filter value that no deal can have */
  gint32         from, to, today;
  int            open_index[256];      /* stage slot → index among open stages, or -1 */
  guint8         open_slots[256];      /* index among open stages → stage slot */
  guint          n_open;
  int            threshold[256];       /* by open index; 0 when none */
} Prep;

static void
prep_clear (Prep *p)
{
  g_clear_pointer (&p->customer_ok, g_free);
  g_clear_pointer (&p->product_ok, g_free);
}

static int
compare_open_stages (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const JxCachedStage *stages = user_data;
  const JxCachedStage *x = &stages[*(const guint8 *) a];
  const JxCachedStage *y = &stages[*(const guint8 *) b];

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
prep_init (Prep                *p,
           JxStore             *store,
           const JxDealFilter  *filter,
           const GDate         *today,
           GError             **error)
{
  JxFunnelCache *c;
  g_autoptr(GArray) regions = NULL;
  GError *local_error = NULL;

  memset (p, 0, sizeof *p);
  c = p->c = jx_funnel_cache_get (store, error);
  if (c == NULL)
    return FALSE;

  regions = jx_deal_filter_region_ids (filter, store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  p->from = jx_day_from_date (&filter->from);
  p->to = jx_day_from_date (&filter->to);
  p->today = jx_day_from_date (today);

  for (guint s = 0; s < G_N_ELEMENTS (p->open_index); s++)
    p->open_index[s] = -1;
  for (guint s = 0; s < c->n_stages; s++)
    if (c->stages[s].kind == 0)
      p->open_slots[p->n_open++] = s;
  g_qsort_with_data (p->open_slots, p->n_open, 1, compare_open_stages, c->stages);
  for (guint i = 0; i < p->n_open; i++)
    {
      const JxCachedStage *s = &c->stages[p->open_slots[i]];

      p->open_index[p->open_slots[i]] = i;
      p->threshold[i] = s->stalled_days > 0 ? s->stalled_days : s->suggested;
    }

  if (regions != NULL || filter->customer_type_id > 0 || filter->tier[0] != '\0')
    {
      guint8 tier = g_str_equal (filter->tier, "none") ? 0
                                                       : jx_funnel_cache_tier_code (filter->tier);

      p->customer_ok = g_new0 (guint8, MAX (c->n_customers, 1));
      for (guint i = 0; i < c->n_customers; i++)
        {
          gboolean ok = TRUE;

          if (regions != NULL)
            {
              ok = FALSE;
              for (guint r = 0; r < regions->len && !ok; r++)
                ok = c->customer_region[i] == g_array_index (regions, gint64, r);
            }
          if (ok && filter->customer_type_id > 0)
            ok = c->customer_type[i] == filter->customer_type_id;
          if (ok && filter->tier[0] != '\0')
            ok = c->customer_tier[i] == tier;
          p->customer_ok[i] = ok;
        }
    }
  if (filter->product_line_id > 0 || filter->product_id > 0)
    {
      p->product_ok = g_new0 (guint8, MAX (c->n_products, 1));
      for (guint i = 0; i < c->n_products; i++)
        p->product_ok[i] = (filter->product_id <= 0 || c->product_ids[i] == filter->product_id) &&
                           (filter->product_line_id <= 0 ||
                            c->product_line[i] == filter->product_line_id);
    }
  if (filter->owner_id > 0)
    {
      p->by_owner = TRUE;
      p->owner = jx_funnel_cache_slot_of (c->member_ids, c->n_members, filter->owner_id);
      p->nothing = p->owner == JX_CACHE_NONE;
    }
  return TRUE;
}

static inline gboolean
deal_matches (const Prep         *p,
              const JxCachedDeal *d)
{
  if (d->status == JX_CACHE_DEAD)
    return FALSE;
  if (p->customer_ok != NULL && (d->customer == JX_CACHE_NONE || !p->customer_ok[d->customer]))
    return FALSE;
  if (p->product_ok != NULL && (d->product == JX_CACHE_NONE || !p->product_ok[d->product]))
    return FALSE;
  if (p->by_owner && d->owner != p->owner)
    return FALSE;
  return TRUE;
}

/* A day in the period; an unknown day (0) is only in a period that is open on both sides. */
static inline gboolean
in_period (const Prep *p,
           gint32      day)
{
  if (day == 0)
    return p->from == 0 && p->to == 0;
  return (p->from == 0 || day >= p->from) && (p->to == 0 || day <= p->to);
}

/* How many open stages a deal reached: those at or before its furthest position, or all of
 * them for a won deal. */
static inline guint
n_reached (const Prep         *p,
           const JxCachedDeal *d)
{
  guint n = 0;

  if (d->status == 1)
    return p->n_open;
  while (n < p->n_open && p->c->stages[p->open_slots[n]].position <= d->furthest)
    n++;
  return n;
}

static inline gboolean
is_stalled (const Prep         *p,
            const JxCachedDeal *d,
            int                 open_index)
{
  int threshold = p->threshold[open_index];

  return threshold > 0 && d->entered != 0 && p->today - d->entered > threshold;
}

/* The median of a histogram of whole days: the middle value, or the mean of the two
 * middle values for an even count. */
static double
histogram_median (const guint32 *hist,
                  gint64         n)
{
  gint64 lo_rank = (n + 1) / 2, hi_rank = n / 2 + 1;
  gint64 seen = 0;
  int lo = -1;

  if (n == 0)
    return NAN;
  for (int d = 0; d < HIST_SIZE; d++)
    {
      seen += hist[d];
      if (lo < 0 && seen >= lo_rank)
        lo = d;
      if (seen >= hi_rank)
        return (lo + d) / 2.0;
    }
  return lo;
}

static gboolean
find_target (JxStore             *store,
             const JxDealFilter  *filter,
             gint64              *amount,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char from[11], to[11];
  int rc;

  *amount = -1;
  /* Targets have no product dimension and no "without tier" value. */
  if (!g_date_valid (&filter->from) || !g_date_valid (&filter->to) || filter->product_id > 0 ||
      g_str_equal (filter->tier, "none"))
    return TRUE;

  stmt = jx_store_prepare (store,
                           "SELECT n.amount FROM target_nodes n "
                           "JOIN target_plans p ON p.id = n.plan_id AND p.active = 1 "
                           "WHERE n.metric = 'revenue' AND n.period_from = ?1 AND n.period_to = ?2"
                           " AND n.region_id IS ?3 AND n.member_id IS ?4"
                           " AND n.product_line_id IS ?5 AND n.customer_type_id IS ?6"
                           " AND n.tier IS ?7 "
                           "ORDER BY n.id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  jx_date_to_iso_buf (&filter->from, from);
  jx_date_to_iso_buf (&filter->to, to);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  jx_bind_id_or_null (stmt, 3, filter->region_id);
  jx_bind_id_or_null (stmt, 4, filter->owner_id);
  jx_bind_id_or_null (stmt, 5, filter->product_line_id);
  jx_bind_id_or_null (stmt, 6, filter->customer_type_id);
  jx_bind_text_or_null (stmt, 7, filter->tier[0] != '\0' ? filter->tier : NULL);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *amount = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_funnel_compute:
 * @store: a #JxStore
 * @filter: which deals and which period
 * @today: the day "now" means: days in stage and stalled deals count up to it
 * @error: return location for an error
 *
 * Computes every funnel figure for @filter. The first call on a store loads the funnel
 * cache (about a second for a million deals); later calls only reload what changed.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
JxFunnelReport *
jx_funnel_compute (JxStore             *store,
                   const JxDealFilter  *filter,
                   const GDate         *today,
                   GError             **error)
{
  g_autoptr(JxFunnelReport) r = NULL;
  g_autofree guint32 *hist = NULL;
  g_autofree gint64 *stay_sum = NULL;
  gint64 reached_hist[257] = { 0 };
  gint64 reached_amount_hist[257] = { 0 };
  gint64 weighted_x100[256] = { 0 };
  gint64 days_to_win_sum = 0, days_to_win_n = 0;
  gint64 won_with_amount = 0, won_known_amount = 0;
  gint64 weighted_total_x100 = 0;
  gint64 target = -1;
  JxFunnelCache *c;
  Prep p;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!prep_init (&p, store, filter, today, error))
    return NULL;
  if (!find_target (store, filter, &target, error))
    {
      prep_clear (&p);
      return NULL;
    }
  c = p.c;

  r = g_new0 (JxFunnelReport, 1);
  r->filter = *filter;
  r->today = *today;
  r->currency = jx_store_get_setting (store, "currency");
  r->n_stages = p.n_open;
  r->stages = g_new0 (JxFunnelStage, MAX (p.n_open, 1));
  hist = g_new0 (guint32, MAX (p.n_open, 1) * HIST_SIZE);
  stay_sum = g_new0 (gint64, MAX (p.n_open, 1));

  for (guint i = 0; i < c->n_deals && !p.nothing; i++)
    {
      const JxCachedDeal *d = &c->deals[i];
      gint64 amount = MAX (d->amount, 0);

      if (!deal_matches (&p, d))
        continue;

      if (d->status == 0)
        {
          int k = p.open_index[d->stage];

          if (k >= 0)
            {
              JxFunnelStage *s = &r->stages[k];
              int probability = c->stages[d->stage].probability;

              s->count++;
              s->amount += amount;
              weighted_x100[k] += amount * probability;
              weighted_total_x100 += amount * probability;
              if (is_stalled (&p, d, k))
                s->stalled++;
            }
          r->open_count++;
          r->open_amount += amount;
          if (d->expected != 0 && p.from != 0 && p.to != 0 && in_period (&p, d->expected))
            r->pipeline_in_period += amount;
        }

      if (in_period (&p, d->opened))
        {
          guint n = n_reached (&p, d);

          r->opened++;
          reached_hist[n]++;
          reached_amount_hist[n] += amount;
          if (d->status == 1)
            {
              r->cohort_won++;
              r->cohort_won_amount += amount;
            }
        }

      if (d->status != 0 && in_period (&p, d->closed))
        {
          if (d->status == 1)
            {
              r->won_count++;
              r->won_amount += amount;
              if (d->amount >= 0)
                {
                  won_with_amount++;
                  won_known_amount += d->amount;
                }
              if (d->opened != 0 && d->closed != 0)
                {
                  days_to_win_sum += d->closed - d->opened;
                  days_to_win_n++;
                }
            }
          else
            {
              r->lost_count++;
              if (d->lost_at != JX_CACHE_NONE8 && p.open_index[d->lost_at] >= 0)
                r->stages[p.open_index[d->lost_at]].lost++;
            }
        }

      /* Stays: each event in an open stage that a later event ended. */
      for (guint e = d->first_event; e + 1 < (guint) d->first_event + d->n_events; e++)
        {
          int k = p.open_index[c->event_stages[e]];
          gint32 entered = c->event_days[e], left = c->event_days[e + 1];
          gint32 days;

          if (k < 0 || entered == 0 || left == 0 || !in_period (&p, left))
            continue;
          days = MAX (left - entered, 0);
          r->stages[k].n_stays++;
          stay_sum[k] += days;
          hist[k * HIST_SIZE + MIN (days, JX_CACHE_MAX_DAYS)]++;
        }
    }

  /* Per stage: reached is everyone who got at least this far. */
  {
    gint64 reached = 0, reached_amount = 0;

    for (int k = (int) p.n_open - 1; k >= 0; k--)
      {
        reached += reached_hist[k + 1];
        reached_amount += reached_amount_hist[k + 1];
        r->stages[k].reached = reached;
        r->stages[k].reached_amount = reached_amount;
      }
  }
  for (guint k = 0; k < p.n_open; k++)
    {
      JxFunnelStage *s = &r->stages[k];
      const JxCachedStage *cs = &c->stages[p.open_slots[k]];
      gint64 next = k + 1 < p.n_open ? r->stages[k + 1].reached : r->cohort_won;

      s->stage_id = cs->id;
      s->name = g_strdup (cs->name);
      s->position = cs->position;
      s->probability = cs->probability;
      s->weighted_amount = (weighted_x100[k] + 50) / 100;
      s->conversion_to_next = s->reached > 0 ? (double) next / s->reached : NAN;
      s->dropped = s->reached - next;
      s->mean_days = s->n_stays > 0 ? (double) stay_sum[k] / s->n_stays : NAN;
      s->median_days = histogram_median (&hist[k * HIST_SIZE], s->n_stays);
      s->stalled_threshold = p.threshold[k];
      s->threshold_suggested = cs->stalled_days <= 0 && p.threshold[k] > 0;
    }

  r->weighted_pipeline = (weighted_total_x100 + 50) / 100;
  r->win_rate = r->won_count + r->lost_count > 0
                ? (double) r->won_count / (r->won_count + r->lost_count) : NAN;
  r->mean_days_to_win = days_to_win_n > 0 ? (double) days_to_win_sum / days_to_win_n : NAN;
  r->mean_won_amount = won_with_amount > 0 ? (double) won_known_amount / won_with_amount : NAN;
  if (isfinite (r->win_rate) && isfinite (r->mean_won_amount) && isfinite (r->mean_days_to_win) &&
      r->mean_days_to_win > 0)
    r->velocity_per_day = r->open_count * r->win_rate * r->mean_won_amount / r->mean_days_to_win;
  else
    r->velocity_per_day = NAN;

  r->coverage = NAN;
  if (target >= 0)
    {
      r->has_target = TRUE;
      r->target_amount = target;
      r->target_remaining = MAX (target - r->won_amount, 0);
      if (r->target_remaining > 0)
        r->coverage = (double) r->pipeline_in_period / r->target_remaining;
    }

  prep_clear (&p);
  return g_steal_pointer (&r);
}

void
jx_funnel_report_free (JxFunnelReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->n_stages; i++)
    g_free (report->stages[i].name);
  g_free (report->stages);
  g_free (report->currency);
  g_free (report);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_money (JsonBuilder *builder,
           const char  *name,
           double       minor,
           const char  *currency)
{
  json_builder_set_member_name (builder, name);
  if (!isfinite (minor))
    json_builder_add_null_value (builder);
  else
    /* Dividing (rather than multiplying by 0.01) keeps whole cents exact. */
    json_builder_add_double_value (builder, minor / (double) jx_currency_scale (currency));
}

/**
 * jx_funnel_report_to_json:
 *
 * The report with the keys of `jingxi-cli funnel --json`; amounts in major units.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
jx_funnel_report_to_json (const JxFunnelReport *r,
                          JxStore              *store)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *cur = r->currency;
  char today[11];

  g_return_val_if_fail (r != NULL, NULL);

  jx_date_to_iso_buf (&r->today, today);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filter");
  json_builder_add_value (b, jx_deal_filter_to_json (&r->filter, store));
  jx_json_add_string (b, "today", today);
  jx_json_add_string (b, "currency", cur != NULL ? cur : "");

  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->n_stages; i++)
    {
      const JxFunnelStage *s = &r->stages[i];

      json_builder_begin_object (b);
      jx_json_add_string (b, "name", s->name);
      jx_json_add_int (b, "probability", s->probability);
      jx_json_add_int (b, "count", s->count);
      add_money (b, "amount", s->amount, cur);
      jx_json_add_int (b, "reached", s->reached);
      add_money (b, "reached_amount", s->reached_amount, cur);
      add_number_or_null (b, "conversion_to_next", s->conversion_to_next);
      add_number_or_null (b, "mean_days", s->mean_days);
      add_number_or_null (b, "median_days", s->median_days);
      jx_json_add_int (b, "stalled", s->stalled);
      json_builder_set_member_name (b, "stalled_threshold_days");
      if (s->stalled_threshold > 0)
        json_builder_add_int_value (b, s->stalled_threshold);
      else
        json_builder_add_null_value (b);
      jx_json_add_int (b, "lost", s->lost);
      add_money (b, "weighted_amount", s->weighted_amount, cur);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "won");
  json_builder_begin_object (b);
  jx_json_add_int (b, "count", r->won_count);
  add_money (b, "amount", r->won_amount, cur);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "lost");
  json_builder_begin_object (b);
  jx_json_add_int (b, "count", r->lost_count);
  json_builder_set_member_name (b, "by_stage");
  json_builder_begin_object (b);
  for (guint i = 0; i < r->n_stages; i++)
    {
      jx_json_add_int (b, r->stages[i].name, r->stages[i].lost);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  add_number_or_null (b, "win_rate", r->win_rate);
  add_number_or_null (b, "mean_days_to_win", r->mean_days_to_win);
  add_money (b, "mean_won_amount", r->mean_won_amount, cur);
  add_money (b, "weighted_pipeline", r->weighted_pipeline, cur);
  add_money (b, "velocity_per_day", r->velocity_per_day, cur);
  add_number_or_null (b, "coverage", r->coverage);

  json_builder_set_member_name (b, "open");
  json_builder_begin_object (b);
  jx_json_add_int (b, "count", r->open_count);
  add_money (b, "amount", r->open_amount, cur);
  json_builder_end_object (b);

  jx_json_add_int (b, "opened", r->opened);

  json_builder_set_member_name (b, "target");
  if (r->has_target)
    {
      json_builder_begin_object (b);
      add_money (b, "amount", r->target_amount, cur);
      add_money (b, "remaining", r->target_remaining, cur);
      add_money (b, "pipeline_in_period", r->pipeline_in_period, cur);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

typedef struct {
  gint64 id;
  gint32 days;
} StalledDeal;

static int
compare_stalled (gconstpointer a,
                 gconstpointer b)
{
  const StalledDeal *x = a, *y = b;

  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * jx_funnel_deal_ids:
 * @set: which deals of the band
 * @stage_id: the band's stage, or 0 for every stage
 *
 * The ids of the deals behind one funnel figure, for "click a band to list its deals" and
 * the stalled deals list; wrap them in jx_deal_list_new_for_ids(). Deals come in id order,
 * stalled deals longest in their stage first.
 *
 * Returns: (transfer full): a #GArray of gint64, or %NULL with @error set
 */
GArray *
jx_funnel_deal_ids (JxStore             *store,
                    const JxDealFilter  *filter,
                    const GDate         *today,
                    JxFunnelSet          set,
                    gint64               stage_id,
                    GError             **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) stalled = NULL;
  int wanted = -1;       /* index among open stages, -1 for all */
  guint wanted_slot = JX_CACHE_NONE8;
  JxFunnelCache *c;
  Prep p;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!prep_init (&p, store, filter, today, error))
    return NULL;
  c = p.c;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stalled = g_array_new (FALSE, FALSE, sizeof (StalledDeal));

  if (stage_id > 0)
    {
      for (guint s = 0; s < c->n_stages; s++)
        if (c->stages[s].id == stage_id)
          wanted_slot = s;
      if (wanted_slot == JX_CACHE_NONE8 || p.open_index[wanted_slot] < 0)
        {
          prep_clear (&p);
          return g_steal_pointer (&ids);
        }
      wanted = p.open_index[wanted_slot];
    }

  for (guint i = 0; i < c->n_deals && !p.nothing; i++)
    {
      const JxCachedDeal *d = &c->deals[i];
      gboolean take = FALSE;

      if (!deal_matches (&p, d))
        continue;
      switch (set)
        {
        case JX_FUNNEL_SET_IN_STAGE:
          take = d->status == 0 && p.open_index[d->stage] >= 0 &&
                 (wanted < 0 || p.open_index[d->stage] == wanted);
          break;
        case JX_FUNNEL_SET_REACHED:
          take = in_period (&p, d->opened) && (int) n_reached (&p, d) > MAX (wanted, 0);
          break;
        case JX_FUNNEL_SET_STALLED:
          if (d->status == 0 && p.open_index[d->stage] >= 0 &&
              (wanted < 0 || p.open_index[d->stage] == wanted) &&
              is_stalled (&p, d, p.open_index[d->stage]))
            {
              StalledDeal sd = { c->deal_ids[i], p.today - d->entered };
              g_array_append_val (stalled, sd);
            }
          break;
        case JX_FUNNEL_SET_WON:
          take = d->status == 1 && in_period (&p, d->closed);
          break;
        case JX_FUNNEL_SET_LOST:
          take = d->status == 2 && in_period (&p, d->closed) &&
                 (wanted < 0 || d->lost_at == wanted_slot);
          break;
        default:
          g_return_val_if_reached (NULL);
        }
      if (take)
        g_array_append_val (ids, c->deal_ids[i]);
    }

  if (set == JX_FUNNEL_SET_STALLED)
    {
      g_array_sort (stalled, compare_stalled);
      for (guint i = 0; i < stalled->len; i++)
        g_array_append_val (ids, g_array_index (stalled, StalledDeal, i).id);
    }
  prep_clear (&p);
  return g_steal_pointer (&ids);
}

/* Loads the funnel cache now rather than on the first funnel (for a splash or a bench). */
gboolean
jx_funnel_preload (JxStore  *store,
                   GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  return jx_funnel_cache_get (store, error) != NULL;
}

/**
 * jx_funnel_preload_async:
 *
 * Loads the funnel cache with the big reads in a worker thread, for a window that must
 * not freeze while a large database loads (a second or more for a million deals). The
 * store stays usable meanwhile: writes are picked up afterwards, and a funnel computed
 * before the load ends waits for it. Call jx_funnel_preload_finish() in @callback.
 */
void
jx_funnel_preload_async (JxStore             *store,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (JX_IS_STORE (store));

  jx_funnel_cache_load_async (store, cancellable, callback, user_data);
}

gboolean
jx_funnel_preload_finish (JxStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  return jx_funnel_cache_load_finish (store, result, error);
}

/* Whether the funnel cache is loaded, so that jx_funnel_compute() takes milliseconds. */
gboolean
jx_funnel_is_preloaded (JxStore *store)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  return jx_funnel_cache_is_loaded (store);
}

/* Frees the funnel cache of @store; the next funnel loads it again. */
void
jx_funnel_forget (JxStore *store)
{
  g_return_if_fail (JX_IS_STORE (store));

  jx_funnel_cache_drop (store);
}

typedef struct {
  gint64 won_count, won_amount, lost_count;
  gint64 open_count, open_amount, weighted_x100;
} GroupSums;

static void
clear_group (gpointer data)
{
  JxFunnelGroup *group = data;

  g_free (group->name);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const JxFunnelGroup *x = a, *y = b;

  if (x->won_amount != y->won_amount)
    return x->won_amount > y->won_amount ? -1 : 1;
  if (x->open_amount != y->open_amount)
    return x->open_amount > y->open_amount ? -1 : 1;
  /* Deals without a region or owner come last among equals. */
  if ((x->name == NULL) != (y->name == NULL))
    return x->name == NULL ? 1 : -1;
  return g_strcmp0 (x->name, y->name);
}

/* id → name of every region or team member. */
static GHashTable *
load_names (JxStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
  g_autoptr(GHashTable) names = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                           sizeof (gint64)),
                         g_strdup (jx_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/**
 * jx_funnel_breakdown:
 * @grouping: by the customer's region or by the deal's owner
 *
 * The won, lost, open and weighted figures of the funnel for @filter, split by region or
 * by owner in one pass over the deals (a funnel per rep would take thousands of passes).
 * The figures mean what they mean in jx_funnel_compute(): won and lost deals closed in the
 * period, open deals now. Groups without any such deal are left out. Rows come with the
 * largest won amount first.
 *
 * Returns: (transfer full): a #GArray of #JxFunnelGroup, or %NULL with @error set
 */
GArray *
jx_funnel_breakdown (JxStore             *store,
                     const JxDealFilter  *filter,
                     const GDate         *today,
                     JxFunnelGrouping     grouping,
                     GError             **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) region_groups = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree GroupSums *sums = NULL;
  g_autofree guint *customer_group = NULL;
  g_autoptr(GArray) groups = NULL;
  guint n_groups, none;
  JxFunnelCache *c;
  Prep p;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  names = load_names (store,
                      grouping == JX_FUNNEL_GROUP_REGION ? "SELECT id, name FROM regions"
                                                         : "SELECT id, name FROM team_members",
                      error);
  if (names == NULL)
    return NULL;
  if (!prep_init (&p, store, filter, today, error))
    return NULL;
  c = p.c;

  /* Group k has id ids[k]; the last group is "none". Owners are grouped by their slot in
   * the cache, regions through each customer's group, found once per customer. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (grouping == JX_FUNNEL_GROUP_OWNER)
    g_array_append_vals (ids, c->member_ids, c->n_members);
  else
    {
      region_groups = g_hash_table_new (g_int64_hash, g_int64_equal);
      customer_group = g_new (guint, MAX (c->n_customers, 1));
      for (guint i = 0; i < c->n_customers; i++)
        {
          gint64 region = c->customer_region[i];
          gpointer k;

          if (region <= 0)
            {
              customer_group[i] = G_MAXUINT;
              continue;
            }
          if (!g_hash_table_lookup_extended (region_groups, &c->customer_region[i], NULL, &k))
            {
              k = GUINT_TO_POINTER (ids->len);
              g_array_append_val (ids, region);
              g_hash_table_insert (region_groups, &c->customer_region[i], k);
            }
          customer_group[i] = GPOINTER_TO_UINT (k);
        }
    }
  none = ids->len;
  n_groups = ids->len + 1;
  sums = g_new0 (GroupSums, n_groups);

  for (guint i = 0; i < c->n_deals && !p.nothing; i++)
    {
      const JxCachedDeal *d = &c->deals[i];
      gint64 amount = MAX (d->amount, 0);
      GroupSums *s;
      guint k;

      if (!deal_matches (&p, d))
        continue;
      if (grouping == JX_FUNNEL_GROUP_OWNER)
        k = d->owner == JX_CACHE_NONE ? none : d->owner;
      else
        k = d->customer == JX_CACHE_NONE || customer_group[d->customer] == G_MAXUINT
            ? none : customer_group[d->customer];
      s = &sums[k];

      if (d->status == 0)
        {
          int stage = p.open_index[d->stage];

          s->open_count++;
          s->open_amount += amount;
          if (stage >= 0)
            s->weighted_x100 += amount * c->stages[d->stage].probability;
        }
      else if (in_period (&p, d->closed))
        {
          if (d->status == 1)
            {
              s->won_count++;
              s->won_amount += amount;
            }
          else
            s->lost_count++;
        }
    }
  prep_clear (&p);

  groups = g_array_new (FALSE, TRUE, sizeof (JxFunnelGroup));
  g_array_set_clear_func (groups, clear_group);
  for (guint k = 0; k < n_groups; k++)
    {
      const GroupSums *s = &sums[k];
      JxFunnelGroup group = { 0 };

      if (s->won_count + s->lost_count + s->open_count == 0)
        continue;
      if (k != none)
        {
          group.id = g_array_index (ids, gint64, k);
          group.name = g_strdup (g_hash_table_lookup (names, &group.id));
          if (group.name == NULL)
            group.name = g_strdup_printf ("#%" G_GINT64_FORMAT, group.id);
        }
      group.won_count = s->won_count;
      group.won_amount = s->won_amount;
      group.lost_count = s->lost_count;
      group.win_rate = s->won_count + s->lost_count > 0
                       ? (double) s->won_count / (s->won_count + s->lost_count) : NAN;
      group.open_count = s->open_count;
      group.open_amount = s->open_amount;
      group.weighted_amount = (s->weighted_x100 + 50) / 100;
      g_array_append_val (groups, group);
    }
  g_array_sort (groups, compare_groups);
  return g_steal_pointer (&groups);
}
