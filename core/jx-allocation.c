/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-allocation.h"
#include "jx-sqlite-private.h"

/*
 * Resource allocation: each tier's policy (visits per customer per month × hours per visit)
 * turns the customers of a tier into planned hours per month. Summed per owner they are set
 * against the owner's capacity_hours; summed per tier they give the share of effort, set
 * against the tier's share of the last 12 months' won revenue.
 *
 * It reads the tiers and revenue from a JxCustomerBase, so a tier move or a policy change
 * is reflected by computing again (a loop over the customers, a few milliseconds).
 */

const char *
jx_rep_load_to_string (JxRepLoad load)
{
  switch (load)
    {
    case JX_REP_LOAD_UNDER:
      return "under";
    case JX_REP_LOAD_OVER:
      return "over";
    case JX_REP_LOAD_NO_CAPACITY:
      return "no_capacity";
    case JX_REP_LOAD_BALANCED:
    default:
      return "balanced";
    }
}

const char *
jx_rep_load_get_label (JxRepLoad load)
{
  switch (load)
    {
    case JX_REP_LOAD_UNDER:
      return C_("allocation", "Under-allocated");
    case JX_REP_LOAD_OVER:
      return C_("allocation", "Over-allocated");
    case JX_REP_LOAD_NO_CAPACITY:
      return C_("allocation", "No capacity set");
    case JX_REP_LOAD_BALANCED:
    default:
      return C_("allocation", "Balanced");
    }
}

/* Reads tier_policies; a tier without a row has a zero policy. */
gboolean
jx_tier_policies_load (JxStore       *store,
                       JxTierPolicy   policies[JX_N_TIERS],
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  for (guint i = 0; i < JX_N_TIERS; i++)
    policies[i] = (JxTierPolicy) { 0, 0 };
  stmt = jx_store_prepare (store,
                           "SELECT tier, visits_per_month, hours_per_visit FROM tier_policies",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxTier tier;

      if (!jx_tier_from_string (jx_column_text (stmt, 0), &tier))
        continue;
      policies[tier].visits_per_month = sqlite3_column_double (stmt, 1);
      policies[tier].hours_per_visit = sqlite3_column_double (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_tier_policy_set:
 * @store: a #JxStore
 * @tier: the tier
 * @policy: visits per customer per month (0–100) and hours per visit (0–24)
 * @error: return location for an error
 *
 * Changes a tier's policy in one undoable step.
 */
gboolean
jx_tier_policy_set (JxStore             *store,
                    JxTier               tier,
                    const JxTierPolicy  *policy,
                    GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (tier < JX_N_TIERS, FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!isfinite (policy->visits_per_month) || policy->visits_per_month < 0 ||
      policy->visits_per_month > 100)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("Visits per month must be between 0 and 100."));
      return FALSE;
    }
  if (!isfinite (policy->hours_per_visit) || policy->hours_per_visit < 0 ||
      policy->hours_per_visit > 24)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("Hours per visit must be between 0 and 24."));
      return FALSE;
    }

  /* Translators: an undo label; %s is a tier ("Key"). */
  label = g_strdup_printf (_("Change the %s policy"), jx_tier_get_label (tier));
  if (!jx_store_begin (store, label, error))
    return FALSE;
  stmt = jx_store_prepare (store,
                           "INSERT INTO tier_policies(tier, visits_per_month, hours_per_visit) "
                           "VALUES (?1, ?2, ?3) ON CONFLICT(tier) DO UPDATE SET "
                           "visits_per_month = excluded.visits_per_month, "
                           "hours_per_visit = excluded.hours_per_visit", error);
  if (stmt == NULL)
    {
      jx_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, jx_tier_to_string (tier), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, policy->visits_per_month);
  sqlite3_bind_double (stmt, 3, policy->hours_per_visit);
  if (!jx_store_step_done (store, stmt, error))
    {
      jx_store_rollback (store);
      return FALSE;
    }
  return jx_store_commit (store, error);
}

static int
compare_reps_cb (gconstpointer a,
                 gconstpointer b)
{
  const JxRepAllocation *ra = a, *rb = b;
  /* Reps without capacity but with customers first, then by how full they are. */
  double ua = ra->load == JX_REP_LOAD_NO_CAPACITY ? G_MAXDOUBLE : ra->utilisation;
  double ub = rb->load == JX_REP_LOAD_NO_CAPACITY ? G_MAXDOUBLE : rb->utilisation;

  if (ua != ub)
    return ua > ub ? -1 : 1;
  if (ra->planned_hours != rb->planned_hours)
    return ra->planned_hours > rb->planned_hours ? -1 : 1;
  return g_strcmp0 (ra->name, rb->name);
}

static void
rep_clear (gpointer data)
{
  JxRepAllocation *rep = data;

  g_clear_pointer (&rep->name, g_free);
  g_clear_pointer (&rep->region_name, g_free);
}

/**
 * jx_allocation_customers_copy:
 * @base: the customers
 * @n_customers: (out): how many
 *
 * Returns: (transfer full) (array length=n_customers): each customer's owner, tier and
 *   revenue, for jx_allocation_compute_for() in a worker thread
 */
JxAllocationCustomer *
jx_allocation_customers_copy (JxCustomerBase *base,
                              guint          *n_customers)
{
  guint n;
  JxAllocationCustomer *customers;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);

  n = jx_customer_base_get_n_rows (base);
  customers = g_new (JxAllocationCustomer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const JxCustomerRow *row = jx_customer_base_get_row (base, i);

      customers[i].owner_id = row->owner_id;
      customers[i].revenue_12m = row->revenue_12m;
      customers[i].tier = row->tier;
    }
  *n_customers = n;
  return customers;
}

/**
 * jx_allocation_compute:
 * @base: the customers with their tiers and revenue
 * @error: return location for an error
 *
 * jx_allocation_compute_for() on the base's customers and store.
 *
 * Returns: (transfer full): the allocation, or %NULL on error
 */
JxAllocation *
jx_allocation_compute (JxCustomerBase  *base,
                       GError         **error)
{
  g_autofree JxAllocationCustomer *customers = NULL;
  guint n = 0;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);

  customers = jx_allocation_customers_copy (base, &n);
  return jx_allocation_compute_for (jx_customer_base_get_store (base), customers, n, error);
}

/**
 * jx_allocation_compute_for:
 * @store: the store the policies, capacities and names are read from
 * @customers: (array length=n_customers): the customers with their tiers and revenue
 * @n_customers: how many
 * @error: return location for an error
 *
 * Planned hours per tier and per rep. Reps are the team members who own customers, plus
 * active members who are not managers (they have capacity to give). Customers without an
 * owner are gathered in one row with member_id 0.
 *
 * Returns: (transfer full): the allocation, or %NULL on error
 */
JxAllocation *
jx_allocation_compute_for (JxStore                     *store,
                           const JxAllocationCustomer  *customers,
                           guint                        n_customers,
                           GError                     **error)
{
  g_autoptr(JxAllocation) allocation = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_member = NULL;   /* gint64 id → index in reps + 1 */
  JxTierPolicy policies[JX_N_TIERS];
  double hours_per_customer[JX_N_TIERS];
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (customers != NULL || n_customers == 0, NULL);

  if (!jx_tier_policies_load (store, policies, error))
    return NULL;

  allocation = g_new0 (JxAllocation, 1);
  allocation->reps = g_array_new (FALSE, TRUE, sizeof (JxRepAllocation));
  g_array_set_clear_func (allocation->reps, rep_clear);
  by_member = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      allocation->tiers[t].tier = t;
      allocation->tiers[t].policy = policies[t];
      hours_per_customer[t] = policies[t].visits_per_month * policies[t].hours_per_visit;
    }

  stmt = jx_store_prepare (store,
                           "SELECT m.id, m.name, r.name, coalesce(m.capacity_hours, 0) "
                           "FROM team_members m LEFT JOIN regions r ON r.id = m.region_id "
                           "WHERE (m.active = 1 AND m.is_manager = 0) "
                           "   OR EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = m.id) "
                           "ORDER BY m.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxRepAllocation rep = { 0 };
      gint64 id = sqlite3_column_int64 (stmt, 0);

      rep.member_id = id;
      rep.name = g_strdup (jx_column_text (stmt, 1));
      rep.region_name = g_strdup (jx_column_text (stmt, 2));
      rep.capacity_hours = sqlite3_column_double (stmt, 3);
      g_array_append_val (allocation->reps, rep);
      g_hash_table_insert (by_member, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (allocation->reps->len));
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_customers; i++)
    {
      const JxAllocationCustomer *row = &customers[i];
      JxTierAllocation *tier = &allocation->tiers[row->tier];
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_member, &row->owner_id));
      JxRepAllocation *rep;

      tier->customers++;
      tier->planned_hours += hours_per_customer[row->tier];
      tier->revenue_12m += row->revenue_12m;
      allocation->revenue_12m += row->revenue_12m;
      allocation->planned_hours += hours_per_customer[row->tier];

      if (index == 0)
        {
          /* No owner, or an owner the query did not return (deleted): the unowned row. */
          gint64 none = 0;

          index = GPOINTER_TO_UINT (g_hash_table_lookup (by_member, &none));
          if (index == 0)
            {
              JxRepAllocation unowned = { 0 };

              unowned.name = g_strdup (_("No owner"));
              g_array_append_val (allocation->reps, unowned);
              index = allocation->reps->len;
              g_hash_table_insert (by_member, g_memdup2 (&none, sizeof none),
                                   GUINT_TO_POINTER (index));
            }
        }
      rep = &g_array_index (allocation->reps, JxRepAllocation, index - 1);
      rep->customers++;
      rep->customers_by_tier[row->tier]++;
      rep->planned_hours += hours_per_customer[row->tier];
    }

  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      JxTierAllocation *tier = &allocation->tiers[t];

      tier->revenue_share = allocation->revenue_12m > 0
                            ? (double) tier->revenue_12m / (double) allocation->revenue_12m : 0;
      tier->effort_share = allocation->planned_hours > 0
                           ? tier->planned_hours / allocation->planned_hours : 0;
    }

  for (guint i = 0; i < allocation->reps->len; i++)
    {
      JxRepAllocation *rep = &g_array_index (allocation->reps, JxRepAllocation, i);

      rep->balance_hours = rep->capacity_hours - rep->planned_hours;
      if (rep->member_id == 0)
        rep->load = JX_REP_LOAD_NO_CAPACITY;
      else if (rep->capacity_hours <= 0)
        rep->load = rep->planned_hours > 0 ? JX_REP_LOAD_NO_CAPACITY : JX_REP_LOAD_BALANCED;
      else
        {
          rep->utilisation = rep->planned_hours / rep->capacity_hours;
          /* A small tolerance, so 100.0000001% from float sums is not "over". */
          if (rep->planned_hours > rep->capacity_hours + 1e-9)
            rep->load = JX_REP_LOAD_OVER;
          else if (rep->utilisation < JX_ALLOCATION_UNDER_RATIO)
            rep->load = JX_REP_LOAD_UNDER;
          else
            rep->load = JX_REP_LOAD_BALANCED;
        }
      if (rep->member_id != 0)
        allocation->capacity_hours += rep->capacity_hours;
      allocation->n_over += rep->load == JX_REP_LOAD_OVER;
      allocation->n_under += rep->load == JX_REP_LOAD_UNDER;
    }
  g_array_sort (allocation->reps, compare_reps_cb);
  return g_steal_pointer (&allocation);
}

void
jx_allocation_free (JxAllocation *allocation)
{
  if (allocation == NULL)
    return;
  g_clear_pointer (&allocation->reps, g_array_unref);
  g_free (allocation);
}
