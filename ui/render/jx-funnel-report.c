/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-funnel.h"
#include "jx-funnel-layout.h"
#include "jx-funnel-report.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * The funnel report: what the Funnel page shows, on paper, for one filter and one day.
 *
 *   key figures (cards) · the funnel chart · open deals by stage · the period's cohort by
 *   stage · every total with its definition · breakdowns by region and by rep · the stalled
 *   deals, longest in their stage first
 *
 * Every figure comes from the funnel engine (jx_funnel_compute(), jx_funnel_breakdown(),
 * jx_funnel_deal_ids()) so the report says exactly what `jingxi-cli funnel` says; amounts
 * in tables are given to the fen, cards use the short form.
 */

/* The funnel chart's height on the page, in points. */
#define CHART_HEIGHT 290.0

typedef struct {
  JxFunnelChartData data;
  JxChartStyle      style;
} Chart;

static void
chart_free (gpointer user_data)
{
  Chart *chart = user_data;

  jx_funnel_chart_data_clear (&chart->data);
  g_free (chart);
}

static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  Chart *chart = user_data;
  g_autoptr(JxFunnelLayout) layout = jx_funnel_layout_new (&chart->data, &chart->style, width,
                                                           height);

  jx_funnel_layout_draw (layout, cr);
}

static void
add_chart (JxReport             *report,
           const JxFunnelReport *r)
{
  Chart *chart = g_new0 (Chart, 1);

  jx_funnel_chart_data_init (&chart->data, r, JX_FUNNEL_BY_COUNT);
  jx_report_get_chart_style (report, &chart->style);
  jx_report_add_chart (report, CHART_HEIGHT, draw_chart_cb, chart, chart_free);
}

/* "12.5" for a number of days, "—" when there is none. */
static char *
format_days (double days)
{
  if (!isfinite (days))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", days);
}

static char *
format_money_or_dash (double       minor,
                      const char  *currency)
{
  if (!isfinite (minor))
    return g_strdup ("—");
  return jx_money_format (llround (minor), currency);
}

static void
add_cards (JxReport             *report,
           const JxFunnelReport *r)
{
  const char *cur = r->currency;
  g_autofree char *rate = jx_percent_format (r->win_rate, 1);
  g_autofree char *won = jx_number_format (r->won_count);
  g_autofree char *lost = jx_number_format (r->lost_count);
  /* Translators: under the win rate on a report card. */
  g_autofree char *rate_detail = g_strdup_printf (_("%s won · %s lost"), won, lost);
  g_autofree char *velocity = isfinite (r->velocity_per_day)
                              ? jx_money_format_compact (llround (r->velocity_per_day), cur)
                              : g_strdup ("—");
  g_autofree char *weighted = jx_money_format_compact (r->weighted_pipeline, cur);
  g_autofree char *open = jx_money_format_compact (r->open_amount, cur);
  /* Translators: under the weighted pipeline on a report card. */
  g_autofree char *weighted_detail = g_strdup_printf (_("of %s open"), open);
  g_autofree char *coverage = isfinite (r->coverage) ? g_strdup_printf ("%.2f×", r->coverage)
                                                      : g_strdup ("—");
  g_autofree char *coverage_detail = NULL;
  g_autofree char *days = format_days (r->mean_days_to_win);
  JxReportFigure figures[5];

  if (isfinite (r->coverage))
    {
      g_autofree char *remaining = jx_money_format_compact (r->target_remaining, cur);

      /* Translators: under the coverage on a report card. */
      coverage_detail = g_strdup_printf (_("of %s still to reach"), remaining);
    }
  else if (r->has_target)
    coverage_detail = g_strdup (_("the target is reached"));
  else
    coverage_detail = g_strdup (_("no target for this period and filter"));

  figures[0] = (JxReportFigure) { _("Win rate"), rate, rate_detail };
  figures[1] = (JxReportFigure) { _("Sales velocity"), velocity, _("won per day at this pace") };
  figures[2] = (JxReportFigure) { _("Weighted pipeline"), weighted, weighted_detail };
  figures[3] = (JxReportFigure) { _("Coverage"), coverage, coverage_detail };
  figures[4] = (JxReportFigure) { _("Mean days to win"), days, _("from opened to won") };
  jx_report_add_figures (report, figures, G_N_ELEMENTS (figures));
}

/* "4,512 deals · ¥1,234.00" */
static char *
deals_and_amount (gint64       count,
                  gint64       amount,
                  const char  *currency)
{
  g_autofree char *n = jx_number_format (count);
  g_autofree char *money = jx_money_format (amount, currency);

  /* Translators: a number of deals and their amount, in a report. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal · %s", "%s deals · %s",
                                       (gulong) CLAMP (count, 0, G_MAXLONG)), n, money);
}

static char *
deals_count (gint64 count)
{
  g_autofree char *n = jx_number_format (count);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal", "%s deals",
                                       (gulong) CLAMP (count, 0, G_MAXLONG)), n);
}

static void
add_key_figures (JxReport             *report,
                 const JxFunnelReport *r)
{
  const char *cur = r->currency;
  JxReportTable *table = jx_report_add_table (report, 3);
  g_autofree char *won = deals_and_amount (r->won_count, r->won_amount, cur);
  g_autofree char *lost = deals_count (r->lost_count);
  g_autofree char *rate = jx_percent_format (r->win_rate, 1);
  g_autofree char *days = format_days (r->mean_days_to_win);
  g_autofree char *mean_won = format_money_or_dash (r->mean_won_amount, cur);
  g_autofree char *open = deals_and_amount (r->open_count, r->open_amount, cur);
  g_autofree char *weighted = jx_money_format (r->weighted_pipeline, cur);
  g_autofree char *velocity_amount = format_money_or_dash (r->velocity_per_day, cur);
  /* Translators: an amount of money per day. */
  g_autofree char *velocity = g_strdup_printf (_("%s per day"), velocity_amount);
  g_autofree char *opened = deals_count (r->opened);
  g_autofree char *cohort_won = deals_and_amount (r->cohort_won, r->cohort_won_amount, cur);

  jx_report_table_set_keep_together (table, TRUE);
  jx_report_table_set_column (table, 0, _("Figure"), JX_REPORT_ALIGN_START, 1.5);
  jx_report_table_set_column (table, 1, _("Value"), JX_REPORT_ALIGN_END, 1.6);
  jx_report_table_set_column (table, 2, _("What it counts"), JX_REPORT_ALIGN_START, 2.8);

  jx_report_table_add_row_va (table, _("Won"), won, _("Deals won and closed in the period"),
                              NULL);
  jx_report_table_add_row_va (table, _("Lost"), lost, _("Deals lost and closed in the period"),
                              NULL);
  jx_report_table_add_row_va (table, _("Win rate"), rate, _("Won ÷ (won + lost)"), NULL);
  jx_report_table_add_row_va (table, _("Mean days to win"), days,
                              _("Mean of closed − opened over the won deals"), NULL);
  jx_report_table_add_row_va (table, _("Mean won amount"), mean_won,
                              _("Won amount ÷ won deals with an amount"), NULL);
  jx_report_table_add_row_va (table, _("Open pipeline"), open, _("Open deals today"), NULL);
  jx_report_table_add_row_va (table, _("Weighted pipeline"), weighted,
                              _("Σ open amount × the stage's probability"), NULL);
  jx_report_table_add_row_va (table, _("Sales velocity"), velocity,
                              _("Open deals × win rate × mean won amount ÷ mean days to win"),
                              NULL);
  jx_report_table_add_row_va (table, _("Opened in the period"), opened,
                              _("The cohort the stage movement below follows"), NULL);
  jx_report_table_add_row_va (table, _("… of which won"), cohort_won,
                              _("Deals of the cohort won by today"), NULL);
  if (r->has_target)
    {
      g_autofree char *target = jx_money_format (r->target_amount, cur);
      g_autofree char *remaining = jx_money_format (r->target_remaining, cur);
      g_autofree char *pipeline = jx_money_format (r->pipeline_in_period, cur);
      g_autofree char *coverage = isfinite (r->coverage) ? g_strdup_printf ("%.2f×", r->coverage)
                                                          : g_strdup ("—");

      jx_report_table_add_row_va (table, _("Revenue target"), target,
                                  _("The active plan's target for exactly this period and filter"),
                                  NULL);
      jx_report_table_add_row_va (table, _("Target still to reach"), remaining,
                                  _("Target − won in the period"), NULL);
      jx_report_table_add_row_va (table, _("Expected to close in the period"), pipeline,
                                  _("Open deals whose expected close is in the period"), NULL);
      jx_report_table_add_row_va (table, _("Coverage"), coverage,
                                  _("Expected to close ÷ target still to reach"), NULL);
    }
  else
    jx_report_table_add_row_va (table, _("Coverage"), "—",
                                _("No revenue target of the active plan has exactly this "
                                  "period and filter"), NULL);
}

static void
add_stage_tables (JxReport             *report,
                  const JxFunnelReport *r)
{
  const char *cur = r->currency;
  JxReportTable *now, *moved;
  gint64 stalled = 0;
  gboolean suggested = FALSE;

  now = jx_report_add_table (report, 7);
  jx_report_table_set_title (now, _("Open deals today, by stage"));
  jx_report_table_set_keep_together (now, TRUE);
  jx_report_table_set_column (now, 0, _("Stage"), JX_REPORT_ALIGN_START, 2.0);
  jx_report_table_set_column (now, 1, _("Probability"), JX_REPORT_ALIGN_END, 1.0);
  jx_report_table_set_column (now, 2, _("Deals"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (now, 3, _("Amount"), JX_REPORT_ALIGN_END, 1.6);
  jx_report_table_set_column (now, 4, _("Weighted"), JX_REPORT_ALIGN_END, 1.6);
  jx_report_table_set_column (now, 5, _("Stalled"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (now, 6, _("Stalled after"), JX_REPORT_ALIGN_END, 1.0);
  for (guint i = 0; i < r->n_stages; i++)
    {
      const JxFunnelStage *s = &r->stages[i];
      g_autofree char *probability = g_strdup_printf ("%d%%", s->probability);
      g_autofree char *count = jx_number_format (s->count);
      g_autofree char *amount = jx_money_format (s->amount, cur);
      g_autofree char *weighted = jx_money_format (s->weighted_amount, cur);
      g_autofree char *n_stalled = jx_number_format (s->stalled);
      g_autofree char *limit = NULL;

      if (s->stalled_threshold > 0)
        {
          g_autofree char *days = g_strdup_printf (_("%d d"), s->stalled_threshold);

          limit = s->threshold_suggested ? g_strconcat (days, " *", NULL) : g_strdup (days);
          suggested |= s->threshold_suggested;
        }
      else
        limit = g_strdup ("—");
      stalled += s->stalled;
      jx_report_table_add_row_va (now, s->name, probability, count, amount, weighted, n_stalled,
                                  limit, NULL);
    }
  {
    g_autofree char *count = jx_number_format (r->open_count);
    g_autofree char *amount = jx_money_format (r->open_amount, cur);
    g_autofree char *weighted = jx_money_format (r->weighted_pipeline, cur);
    g_autofree char *n_stalled = jx_number_format (stalled);
    const char *cells[] = { _("Total"), NULL, count, amount, weighted, n_stalled, NULL };

    jx_report_table_add_total_row (now, cells);
  }
  if (suggested)
    jx_report_add_note (report, _("* The stage has no limit of its own: a deal is stalled when "
                                  "it has been in the stage longer than four in five past "
                                  "stays there (the 80th percentile)."));

  moved = jx_report_add_table (report, 8);
  jx_report_table_set_title (moved, _("Deals opened in the period, by the furthest stage "
                                      "they reached"));
  jx_report_table_set_keep_together (moved, TRUE);
  jx_report_table_set_column (moved, 0, _("Stage"), JX_REPORT_ALIGN_START, 1.8);
  jx_report_table_set_column (moved, 1, _("Reached"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (moved, 2, _("Reached amount"), JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (moved, 3, _("On to next"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (moved, 4, _("Dropped"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (moved, 5, _("Mean days"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (moved, 6, _("Median days"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (moved, 7, _("Lost here"), JX_REPORT_ALIGN_END, 0.9);
  for (guint i = 0; i < r->n_stages; i++)
    {
      const JxFunnelStage *s = &r->stages[i];
      g_autofree char *reached = jx_number_format (s->reached);
      g_autofree char *amount = jx_money_format (s->reached_amount, cur);
      g_autofree char *conversion = jx_percent_format (s->conversion_to_next, 1);
      g_autofree char *dropped = jx_number_format (s->dropped);
      g_autofree char *mean = format_days (s->mean_days);
      g_autofree char *median = format_days (s->median_days);
      g_autofree char *lost = jx_number_format (s->lost);

      jx_report_table_add_row_va (moved, s->name, reached, amount, conversion, dropped, mean,
                                  median, lost, NULL);
    }
  {
    g_autofree char *won = jx_number_format (r->cohort_won);
    g_autofree char *amount = jx_money_format (r->cohort_won_amount, cur);
    /* Translators: the last row of the stage table: deals of the cohort that were won. */
    const char *cells[] = { _("Won"), won, amount, NULL, NULL, NULL, NULL, NULL };

    jx_report_table_add_total_row (moved, cells);
  }
  jx_report_add_note (report, _("Reached: deals opened in the period that reached the stage or "
                                "went further. On to next: the share of them that reached the "
                                "next stage (won, for the last). Days in stage: stays that "
                                "ended in the period. Lost here: deals lost at the stage and "
                                "closed in the period."));
}

static void
add_group_row (JxReportTable       *table,
               const char          *name,
               const char          *region,
               gint64               won_count,
               gint64               won_amount,
               double               win_rate,
               gint64               open_amount,
               gint64               weighted,
               const char          *currency,
               gboolean             total)
{
  g_autofree char *count = jx_number_format (won_count);
  g_autofree char *amount = jx_money_format (won_amount, currency);
  g_autofree char *rate = jx_percent_format (win_rate, 1);
  g_autofree char *open = jx_money_format (open_amount, currency);
  g_autofree char *weighted_text = jx_money_format (weighted, currency);
  const char *with_region[] = { name, region, count, amount, rate, open, weighted_text };
  const char *without[] = { name, count, amount, rate, open, weighted_text };
  const char *const *cells = region != NULL ? with_region : without;

  if (total)
    jx_report_table_add_total_row (table, cells);
  else
    jx_report_table_add_row (table, cells);
}

static void
set_group_columns (JxReportTable *table,
                   guint          first)
{
  jx_report_table_set_column (table, first, _("Won deals"), JX_REPORT_ALIGN_END, 0.9);
  jx_report_table_set_column (table, first + 1, _("Won amount"), JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, first + 2, _("Win rate"), JX_REPORT_ALIGN_END, 0.8);
  jx_report_table_set_column (table, first + 3, _("Open pipeline"), JX_REPORT_ALIGN_END, 1.5);
  jx_report_table_set_column (table, first + 4, _("Weighted"), JX_REPORT_ALIGN_END, 1.5);
}

/* Team member id → the name of their region, for the rep table. */
static GHashTable *
rep_regions (JxStore  *store,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  int rc;

  stmt = jx_store_prepare (store,
                           "SELECT m.id, r.name FROM team_members m "
                           "JOIN regions r ON r.id = m.region_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (regions, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                             sizeof (gint64)),
                         g_strdup (jx_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&regions);
}

static gboolean
add_breakdowns (JxReport             *report,
                JxStore              *store,
                const JxFunnelReport *r,
                GError              **error)
{
  const char *cur = r->currency;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) reps = NULL;
  g_autoptr(GHashTable) rep_region = NULL;
  JxReportTable *table;

  regions = jx_funnel_breakdown (store, &r->filter, &r->today, JX_FUNNEL_GROUP_REGION, error);
  if (regions == NULL)
    return FALSE;
  reps = jx_funnel_breakdown (store, &r->filter, &r->today, JX_FUNNEL_GROUP_OWNER, error);
  if (reps == NULL)
    return FALSE;
  rep_region = rep_regions (store, error);
  if (rep_region == NULL)
    return FALSE;

  jx_report_add_heading (report, _("By region"));
  table = jx_report_add_table (report, 6);
  jx_report_table_set_keep_together (table, TRUE);
  jx_report_table_set_column (table, 0, _("Region"), JX_REPORT_ALIGN_START, 2.0);
  set_group_columns (table, 1);
  for (guint i = 0; i < regions->len; i++)
    {
      const JxFunnelGroup *g = &g_array_index (regions, JxFunnelGroup, i);

      add_group_row (table, g->name != NULL ? g->name : _("No region"), NULL, g->won_count,
                     g->won_amount, g->win_rate, g->open_amount, g->weighted_amount, cur, FALSE);
    }
  if (regions->len > 0)
    add_group_row (table, _("Total"), NULL, r->won_count, r->won_amount, r->win_rate,
                   r->open_amount, r->weighted_pipeline, cur, TRUE);
  jx_report_add_note (report, _("The customer's own region. Won and win rate: deals closed in "
                                "the period; open pipeline and weighted: open deals today."));

  jx_report_add_heading (report, _("By rep"));
  table = jx_report_add_table (report, 7);
  /* Translators: the title of the rep table, repeated on the pages it continues on. */
  jx_report_table_set_title (table, _("Reps, most won first"));
  jx_report_table_set_column (table, 0, _("Rep"), JX_REPORT_ALIGN_START, 1.6);
  jx_report_table_set_column (table, 1, _("Region"), JX_REPORT_ALIGN_START, 1.2);
  set_group_columns (table, 2);
  for (guint i = 0; i < reps->len; i++)
    {
      const JxFunnelGroup *g = &g_array_index (reps, JxFunnelGroup, i);
      const char *region = g->id > 0 ? g_hash_table_lookup (rep_region, &g->id) : NULL;

      add_group_row (table, g->name != NULL ? g->name : _("No owner"), region != NULL ? region : "",
                     g->won_count, g->won_amount, g->win_rate, g->open_amount,
                     g->weighted_amount, cur, FALSE);
    }
  if (reps->len > 0)
    add_group_row (table, _("Total"), "", r->won_count, r->won_amount, r->win_rate,
                   r->open_amount, r->weighted_pipeline, cur, TRUE);
  jx_report_add_note (report, _("Reps with no deal closed in the period and none open are "
                                "left out. The region is the rep's own."));
  return TRUE;
}

static gboolean
add_stalled (JxReport             *report,
             JxStore              *store,
             const JxFunnelReport *r,
             GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JxReportTable *table;
  char today[11];
  guint n;

  ids = jx_funnel_deal_ids (store, &r->filter, &r->today, JX_FUNNEL_SET_STALLED, 0, error);
  if (ids == NULL)
    return FALSE;
  stmt = jx_store_prepare (store,
                           "SELECT d.title, d.ref, c.name, m.name, s.name, d.amount, "
                           "d.stage_entered FROM deals d "
                           "LEFT JOIN customers c ON c.id = d.customer_id "
                           "LEFT JOIN team_members m ON m.id = d.owner_id "
                           "JOIN stages s ON s.id = d.stage_id WHERE d.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  jx_date_to_iso_buf (&r->today, today);

  jx_report_add_heading (report, _("Stalled deals"));
  table = jx_report_add_table (report, 6);
  /* Translators: the title of the stalled deals table. */
  jx_report_table_set_title (table, _("Open deals in their stage for longer than its limit, "
                                      "longest first"));
  jx_report_table_set_empty_text (table, _("No deal is stalled."));
  jx_report_table_set_column (table, 0, _("Deal"), JX_REPORT_ALIGN_START, 2.4);
  jx_report_table_set_column (table, 1, _("Customer"), JX_REPORT_ALIGN_START, 2.0);
  jx_report_table_set_column (table, 2, _("Owner"), JX_REPORT_ALIGN_START, 1.3);
  jx_report_table_set_column (table, 3, _("Stage"), JX_REPORT_ALIGN_START, 1.2);
  jx_report_table_set_column (table, 4, _("Days in stage"), JX_REPORT_ALIGN_END, 0.8);
  jx_report_table_set_column (table, 5, _("Amount"), JX_REPORT_ALIGN_END, 1.4);

  n = MIN (ids->len, JX_FUNNEL_REPORT_MAX_STALLED);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *days = NULL;
      g_autofree char *amount = NULL;
      const char *title;
      int rc, in_stage;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          jx_store_set_error (store, rc, error);
          return FALSE;
        }
      title = jx_column_text (stmt, 0);
      if (*title == '\0')
        title = jx_column_text (stmt, 1);
      in_stage = jx_date_days_between_iso (jx_column_text (stmt, 6), today);
      days = in_stage != G_MININT ? jx_number_format (in_stage) : g_strdup ("—");
      amount = sqlite3_column_type (stmt, 5) != SQLITE_NULL
               ? jx_money_format (sqlite3_column_int64 (stmt, 5), r->currency)
               : g_strdup ("—");
      jx_report_table_add_row_va (table, title, jx_column_text (stmt, 2),
                                  jx_column_text (stmt, 3), jx_column_text (stmt, 4), days,
                                  amount, NULL);
    }
  if (ids->len > n)
    {
      g_autofree char *shown = jx_number_format (n);
      g_autofree char *more = jx_number_format (ids->len - n);

      /* Translators: under the stalled deals table; both are numbers of deals. */
      g_autofree char *note = g_strdup_printf (_("The %s deals longest in their stage are listed; "
                                                 "%s more are stalled. The Funnel page lists "
                                                 "them all."), shown, more);

      jx_report_add_note (report, note);
    }
  return TRUE;
}

/*
 * The page header: the company, the period, the other filters and the day. The filter
 * summary of jx_deal_filter_describe() starts with the period, which the header shows on
 * its own, so the period is described apart from the rest.
 */
static void
set_header (JxReport           *report,
            JxStore            *store,
            const JxDealFilter *filter,
            const GDate        *today)
{
  g_autofree char *company = jx_store_get_setting (store, "company_name");
  JxDealFilter period_only, dimensions_only;
  g_autofree char *period = NULL;
  g_autofree char *dimensions = NULL;

  jx_deal_filter_init (&period_only);
  period_only.from = filter->from;
  period_only.to = filter->to;
  period = jx_deal_filter_describe (&period_only, store);

  dimensions_only = *filter;
  g_date_clear (&dimensions_only.from, 1);
  g_date_clear (&dimensions_only.to, 1);
  if (jx_deal_filter_has_dimensions (&dimensions_only))
    {
      /* "All time · East · Wang Wei" without its first part. */
      g_autofree char *text = jx_deal_filter_describe (&dimensions_only, store);
      const char *rest = strstr (text, " · ");

      dimensions = g_strdup (rest != NULL ? rest + strlen (" · ") : text);
    }

  jx_report_set_company (report, company != NULL && *company != '\0' ? company : NULL);
  jx_report_set_period_text (report, period);
  jx_report_set_filters (report, dimensions);
  jx_report_set_made_on (report, today);
}

/**
 * jx_funnel_report_new:
 * @filter: the deals and the period, as on the Funnel page
 * @today: the day the report is made; days in stage count up to it
 *
 * Builds the funnel report: a page header with the company, the period and the filters,
 * the key figures, the funnel chart, the stage tables, the breakdowns by region and by rep
 * and the stalled deals. Paginate it or write it with jx_report_write_pdf().
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
JxReport *
jx_funnel_report_new (JxStore            *store,
                      const JxDealFilter *filter,
                      const GDate        *today,
                      GError            **error)
{
  g_autoptr(JxFunnelReport) r = NULL;
  g_autoptr(JxReport) report = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r = jx_funnel_compute (store, filter, today, error);
  if (r == NULL)
    return NULL;

  report = jx_report_new (NULL);
  /* Translators: the title of the funnel report. */
  jx_report_set_title (report, _("Sales funnel"));
  set_header (report, store, filter, today);

  add_cards (report, r);
  add_chart (report, r);

  jx_report_add_heading (report, _("Stages"));
  add_stage_tables (report, r);

  jx_report_add_heading (report, _("Totals"));
  add_key_figures (report, r);

  if (!add_breakdowns (report, store, r, error) || !add_stalled (report, store, r, error))
    return NULL;
  return g_steal_pointer (&report);
}
