/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-customer-detail.h"
#include "jx-date.h"
#include "jx-sqlite-private.h"

/*
 * Everything the customer page shows about one customer: its fields, won revenue per fiscal
 * year, its deals (newest first), its tier history and its activities. A snapshot, loaded
 * again when the store changes; a customer has tens of deals, not thousands.
 */

struct _JxCustomerDetail {
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *type_name;
  char    *region_name;
  char    *owner_name;
  JxTier   tier;
  gboolean tier_manual;
  char    *notes;
  char    *created;
  GArray  *revenue_by_year;
  GArray  *deals;
  GArray  *tier_history;
  GArray  *activities;
};

G_DEFINE_TYPE (JxCustomerDetail, jx_customer_detail, G_TYPE_OBJECT)

static void
deal_clear (gpointer data)
{
  JxCustomerDeal *d = data;

  g_free (d->ref);
  g_free (d->title);
  g_free (d->stage);
  g_free (d->opened);
  g_free (d->closed);
  g_free (d->owner);
}

static void
change_clear (gpointer data)
{
  JxTierChange *c = data;

  g_free (c->date);
  g_free (c->source);
  g_free (c->note);
}

static void
activity_clear (gpointer data)
{
  JxCustomerActivity *a = data;

  g_free (a->date);
  g_free (a->kind);
  g_free (a->member);
  g_free (a->note);
}

static void
jx_customer_detail_finalize (GObject *object)
{
  JxCustomerDetail *self = JX_CUSTOMER_DETAIL (object);

  g_free (self->name);
  g_free (self->type_name);
  g_free (self->region_name);
  g_free (self->owner_name);
  g_free (self->notes);
  g_free (self->created);
  g_clear_pointer (&self->revenue_by_year, g_array_unref);
  g_clear_pointer (&self->deals, g_array_unref);
  g_clear_pointer (&self->tier_history, g_array_unref);
  g_clear_pointer (&self->activities, g_array_unref);

  G_OBJECT_CLASS (jx_customer_detail_parent_class)->finalize (object);
}

static void
jx_customer_detail_class_init (JxCustomerDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jx_customer_detail_finalize;
}

static void
jx_customer_detail_init (JxCustomerDetail *self)
{
  self->revenue_by_year = g_array_new (FALSE, TRUE, sizeof (JxRevenueYear));
  self->deals = g_array_new (FALSE, TRUE, sizeof (JxCustomerDeal));
  g_array_set_clear_func (self->deals, deal_clear);
  self->tier_history = g_array_new (FALSE, TRUE, sizeof (JxTierChange));
  g_array_set_clear_func (self->tier_history, change_clear);
  self->activities = g_array_new (FALSE, TRUE, sizeof (JxCustomerActivity));
  g_array_set_clear_func (self->activities, activity_clear);
}

static gboolean
finish (JxStore       *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_deals (JxCustomerDetail  *self,
            JxStore           *store,
            int                start_month,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jx_store_prepare (store,
                           "SELECT d.id, d.ref, d.title, coalesce(d.amount, -1), d.status, s.name, "
                           "  d.opened, d.closed, m.name "
                           "FROM deals d JOIN stages s ON s.id = d.stage_id "
                           "LEFT JOIN team_members m ON m.id = d.owner_id "
                           "WHERE d.customer_id = ? "
                           "ORDER BY coalesce(d.closed, d.opened) DESC, d.id DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxCustomerDeal deal = { 0 };
      GDate closed;

      deal.id = sqlite3_column_int64 (stmt, 0);
      deal.ref = g_strdup (jx_column_text (stmt, 1));
      deal.title = g_strdup (jx_column_text (stmt, 2));
      deal.amount = sqlite3_column_int64 (stmt, 3);
      deal.status = sqlite3_column_int (stmt, 4);
      deal.stage = g_strdup (jx_column_text (stmt, 5));
      deal.opened = g_strdup (jx_column_text (stmt, 6));
      deal.closed = g_strdup (jx_column_text (stmt, 7));
      deal.owner = g_strdup (jx_column_text (stmt, 8));
      g_array_append_val (self->deals, deal);

      if (deal.status == 1 && jx_date_parse_iso (deal.closed, &closed))
        {
          int year = jx_period_fiscal_year_label (&closed, start_month);
          JxRevenueYear *slot = NULL;

          for (guint i = 0; i < self->revenue_by_year->len; i++)
            if (g_array_index (self->revenue_by_year, JxRevenueYear, i).year == year)
              slot = &g_array_index (self->revenue_by_year, JxRevenueYear, i);
          if (slot == NULL)
            {
              JxRevenueYear empty = { year, 0, 0 };
              guint at = 0;

              while (at < self->revenue_by_year->len &&
                     g_array_index (self->revenue_by_year, JxRevenueYear, at).year < year)
                at++;
              g_array_insert_val (self->revenue_by_year, at, empty);
              slot = &g_array_index (self->revenue_by_year, JxRevenueYear, at);
            }
          slot->won += MAX (deal.amount, 0);
          slot->deals++;
        }
    }
  return finish (store, stmt, rc, error);
}

static gboolean
load_history (JxCustomerDetail  *self,
              JxStore           *store,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jx_store_prepare (store,
                           "SELECT changed_on, from_tier, to_tier, source, note FROM tier_history "
                           "WHERE customer_id = ? ORDER BY changed_on DESC, id DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxTierChange change = { 0 };

      change.date = g_strdup (jx_column_text (stmt, 0));
      change.from = jx_tier_from_column (jx_column_text (stmt, 1));
      change.to = jx_tier_from_column (jx_column_text (stmt, 2));
      change.source = g_strdup (jx_column_text (stmt, 3));
      change.note = g_strdup (jx_column_text (stmt, 4));
      g_array_append_val (self->tier_history, change);
    }
  return finish (store, stmt, rc, error);
}

static gboolean
load_activities (JxCustomerDetail  *self,
                 JxStore           *store,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jx_store_prepare (store,
                           "SELECT a.date, a.kind, m.name, coalesce(a.hours, -1), a.note "
                           "FROM activities a LEFT JOIN team_members m ON m.id = a.member_id "
                           "WHERE a.customer_id = ? ORDER BY a.date DESC, a.id DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JxCustomerActivity activity = { 0 };

      activity.date = g_strdup (jx_column_text (stmt, 0));
      activity.kind = g_strdup (jx_column_text (stmt, 1));
      activity.member = g_strdup (jx_column_text (stmt, 2));
      activity.hours = sqlite3_column_double (stmt, 3);
      activity.note = g_strdup (jx_column_text (stmt, 4));
      g_array_append_val (self->activities, activity);
    }
  return finish (store, stmt, rc, error);
}

/**
 * jx_customer_detail_load:
 * @store: a #JxStore
 * @customer_id: the customer
 * @error: return location for an error
 *
 * Returns: (transfer full): the customer page's data, or %NULL when the customer does not
 *   exist (JX_STORE_ERROR_NOT_FOUND) or on error
 */
JxCustomerDetail *
jx_customer_detail_load (JxStore  *store,
                         gint64    customer_id,
                         GError  **error)
{
  g_autoptr(JxCustomerDetail) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int start_month;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  stmt = jx_store_prepare (store,
                           "SELECT c.name, t.name, r.name, m.name, c.tier, c.tier_manual, c.notes, "
                           "  c.created "
                           "FROM customers c "
                           "LEFT JOIN customer_types t ON t.id = c.type_id "
                           "LEFT JOIN regions r ON r.id = c.region_id "
                           "LEFT JOIN team_members m ON m.id = c.owner_id "
                           "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("This customer no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }

  self = g_object_new (JX_TYPE_CUSTOMER_DETAIL, NULL);
  self->id = customer_id;
  self->name = g_strdup (jx_column_text (stmt, 0));
  self->type_name = g_strdup (jx_column_text (stmt, 1));
  self->region_name = g_strdup (jx_column_text (stmt, 2));
  self->owner_name = g_strdup (jx_column_text (stmt, 3));
  self->tier = jx_tier_from_column (jx_column_text (stmt, 4));
  self->tier_manual = sqlite3_column_int (stmt, 5) != 0;
  self->notes = g_strdup (jx_column_text (stmt, 6));
  self->created = g_strdup (jx_column_text (stmt, 7));

  start_month = jx_store_get_setting_int (store, "fiscal_year_start_month", 1);
  if (start_month < 1 || start_month > 12)
    start_month = 1;
  if (!load_deals (self, store, start_month, error) || !load_history (self, store, error) ||
      !load_activities (self, store, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
jx_customer_detail_get_id (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), 0);
  return self->id;
}

const char *
jx_customer_detail_get_name (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->name;
}

const char *
jx_customer_detail_get_type_name (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->type_name;
}

const char *
jx_customer_detail_get_region_name (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->region_name;
}

const char *
jx_customer_detail_get_owner_name (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->owner_name;
}

JxTier
jx_customer_detail_get_tier (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), JX_TIER_NONE);
  return self->tier;
}

gboolean
jx_customer_detail_get_tier_manual (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), FALSE);
  return self->tier_manual;
}

const char *
jx_customer_detail_get_notes (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->notes;
}

const char *
jx_customer_detail_get_created (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->created;
}

/**
 * jx_customer_detail_get_revenue_by_year:
 *
 * Returns: (transfer none) (element-type JxRevenueYear): won revenue per fiscal year, oldest
 *   first, for the years with won deals
 */
GArray *
jx_customer_detail_get_revenue_by_year (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->revenue_by_year;
}

/**
 * jx_customer_detail_get_deals:
 *
 * Returns: (transfer none) (element-type JxCustomerDeal): the deals, newest first
 */
GArray *
jx_customer_detail_get_deals (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->deals;
}

/**
 * jx_customer_detail_get_tier_history:
 *
 * Returns: (transfer none) (element-type JxTierChange): tier changes, newest first
 */
GArray *
jx_customer_detail_get_tier_history (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->tier_history;
}

/**
 * jx_customer_detail_get_activities:
 *
 * Returns: (transfer none) (element-type JxCustomerActivity): activities, newest first
 */
GArray *
jx_customer_detail_get_activities (JxCustomerDetail *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_DETAIL (self), NULL);
  return self->activities;
}

/* Replaces a customer's notes in one undoable step ("Edit notes"). */
gboolean
jx_customer_set_notes (JxStore     *store,
                       gint64       customer_id,
                       const char  *notes,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);

  if (notes == NULL)
    notes = "";
  if (!g_utf8_validate (notes, -1, NULL))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The notes are not valid text; paste them again as plain text."));
      return FALSE;
    }
  if (!jx_store_begin (store, _("Edit notes"), error))
    return FALSE;
  stmt = jx_store_prepare (store, "UPDATE customers SET notes = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, notes, -1, SQLITE_STATIC);
  if (!jx_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (jx_store_get_db (store)) == 0)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("This customer no longer exists."));
      goto fail;
    }
  return jx_store_commit (store, error);

fail:
  jx_store_rollback (store);
  return FALSE;
}
