/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jx-overview.h"
#include "jx-sqlite-private.h"

/* The fiscal quarter that contains @today, following the fiscal-year start month. */
void
jx_overview_current_quarter (JxStore     *store,
                             const GDate *today,
                             JxPeriod    *period)
{
  int start_month = jx_store_get_setting_int (store, "fiscal_year_start_month", 1);

  if (start_month < 1 || start_month > 12)
    start_month = 1;
  jx_period_fiscal_quarter (today, start_month, period);
}

/*
 * Definitions (the README repeats them):
 * - won: deals with status won whose closed date is in the period (count, sum of amount);
 * - open pipeline: deals open now (count, sum of known amounts), whatever their dates;
 * - opened: deals whose opened date is in the period;
 * - customers: all customers; new customers: those whose first won deal closed in the period;
 * - target: the active plan's revenue target whose period is exactly the period and that has
 *   no filters (the company's target for the quarter), when there is one.
 */
gboolean
jx_overview_compute (JxStore         *store,
                     const JxPeriod  *period,
                     JxOverview      *overview,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char from[11], to[11];
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && overview != NULL, FALSE);

  memset (overview, 0, sizeof *overview);
  overview->period = *period;
  jx_date_to_iso_buf (&period->from, from);
  jx_date_to_iso_buf (&period->to, to);

  stmt = jx_store_prepare (store,
                           "SELECT"
                           " (SELECT count(*) FROM deals WHERE status = 1 AND closed BETWEEN ?1 AND ?2),"
                           " (SELECT coalesce(sum(amount), 0) FROM deals WHERE status = 1 AND closed BETWEEN ?1 AND ?2),"
                           " (SELECT count(*) FROM deals WHERE status = 2 AND closed BETWEEN ?1 AND ?2),"
                           " (SELECT count(*) FROM deals WHERE status = 0),"
                           " (SELECT coalesce(sum(amount), 0) FROM deals WHERE status = 0),"
                           " (SELECT count(*) FROM deals WHERE opened BETWEEN ?1 AND ?2),"
                           " (SELECT count(*) FROM customers),"
                           /* Won in the period and never won before it: an index range plus
                            * one index probe per won deal, not a scan of all won deals. */
                           " (SELECT count(DISTINCT customer_id) FROM deals d"
                           "    WHERE status = 1 AND closed BETWEEN ?1 AND ?2 AND customer_id IS NOT NULL"
                           "    AND NOT EXISTS (SELECT 1 FROM deals e WHERE e.customer_id = d.customer_id"
                           "                    AND e.status = 1 AND e.closed < ?1))",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  overview->won_count = sqlite3_column_int64 (stmt, 0);
  overview->won_amount = sqlite3_column_int64 (stmt, 1);
  overview->lost_count = sqlite3_column_int64 (stmt, 2);
  overview->open_count = sqlite3_column_int64 (stmt, 3);
  overview->open_amount = sqlite3_column_int64 (stmt, 4);
  overview->opened_count = sqlite3_column_int64 (stmt, 5);
  overview->customers = sqlite3_column_int64 (stmt, 6);
  overview->new_customers = sqlite3_column_int64 (stmt, 7);

  {
    g_autoptr(sqlite3_stmt) target = NULL;

    target = jx_store_prepare (store,
                               "SELECT n.amount FROM target_nodes n"
                               " JOIN target_plans p ON p.id = n.plan_id AND p.active = 1"
                               " WHERE n.metric = 'revenue' AND n.period_from = ?1 AND n.period_to = ?2"
                               " AND n.region_id IS NULL AND n.member_id IS NULL"
                               " AND n.product_line_id IS NULL AND n.customer_type_id IS NULL"
                               " AND n.tier IS NULL"
                               " ORDER BY n.parent_id IS NOT NULL, n.id LIMIT 1", error);
    if (target == NULL)
      return FALSE;
    sqlite3_bind_text (target, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_text (target, 2, to, -1, SQLITE_STATIC);
    rc = sqlite3_step (target);
    if (rc == SQLITE_ROW)
      overview->target_amount = sqlite3_column_int64 (target, 0);
    else if (rc == SQLITE_DONE)
      overview->target_amount = -1;
    else
      {
        jx_store_set_error (store, rc, error);
        return FALSE;
      }
  }
  return TRUE;
}
