/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-sqlite-private.h"
#include "jx-tier.h"

/*
 * Tiers and tier moves. A move changes customers.tier, records the change in tier_history
 * with the day it happened and where it came from, and marks manual moves in
 * customers.tier_manual so that suggestions leave those customers alone. All moves of one
 * gesture are one labelled transaction, hence one undo step.
 */

static const GEnumValue tier_values[] = {
  { JX_TIER_NONE, "JX_TIER_NONE", "none" },
  { JX_TIER_KEY, "JX_TIER_KEY", "key" },
  { JX_TIER_GROWTH, "JX_TIER_GROWTH", "growth" },
  { JX_TIER_MAINTAIN, "JX_TIER_MAINTAIN", "maintain" },
  { JX_TIER_DEFEND, "JX_TIER_DEFEND", "defend" },
  { 0, NULL, NULL },
};

GType
jx_tier_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("JxTier"),
                                                      tier_values));
  return type;
}

/* The database and CLI name: "key", "growth", "maintain", "defend", or "none". */
const char *
jx_tier_to_string (JxTier tier)
{
  g_return_val_if_fail (tier < JX_N_TIERS, "none");

  return tier_values[tier].value_nick;
}

/* Parses "key" … "defend" or "none" (any case); FALSE for anything else. */
gboolean
jx_tier_from_string (const char *text,
                     JxTier     *tier)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < JX_N_TIERS; i++)
    if (g_ascii_strcasecmp (text, tier_values[i].value_nick) == 0)
      {
        *tier = (JxTier) i;
        return TRUE;
      }
  return FALSE;
}

/* The tier stored in customers.tier (NULL is unassigned). */
JxTier
jx_tier_from_column (const char *column)
{
  JxTier tier = JX_TIER_NONE;

  if (column != NULL)
    jx_tier_from_string (column, &tier);
  return tier;
}

/* The column title on the tier board: "Key", "Growth", … "Unassigned". */
const char *
jx_tier_get_label (JxTier tier)
{
  switch (tier)
    {
    case JX_TIER_KEY:
      return C_("customer tier", "Key");
    case JX_TIER_GROWTH:
      return C_("customer tier", "Growth");
    case JX_TIER_MAINTAIN:
      return C_("customer tier", "Maintain");
    case JX_TIER_DEFEND:
      return C_("customer tier", "Defend");
    case JX_TIER_NONE:
    default:
      return C_("customer tier", "Unassigned");
    }
}

/* A one-word label for narrow places (chart legends, badges). */
const char *
jx_tier_get_short_label (JxTier tier)
{
  switch (tier)
    {
    case JX_TIER_KEY:
      return C_("tier short", "Key");
    case JX_TIER_GROWTH:
      return C_("tier short", "Growth");
    case JX_TIER_MAINTAIN:
      return C_("tier short", "Maintain");
    case JX_TIER_DEFEND:
      return C_("tier short", "Defend");
    case JX_TIER_NONE:
    default:
      return C_("tier short", "Unassigned");
    }
}

/* The columns of the tier board, left to right. */
const JxTier *
jx_tier_board_order (void)
{
  static const JxTier order[JX_N_TIERS] = {
    JX_TIER_KEY, JX_TIER_GROWTH, JX_TIER_MAINTAIN, JX_TIER_DEFEND, JX_TIER_NONE,
  };

  return order;
}

/* The defaults of schema v1: 80 / 15, revenue down 30%, idle 180 days. */
void
jx_tier_thresholds_init (JxTierThresholds *thresholds)
{
  thresholds->abc_a_percent = 80;
  thresholds->abc_b_percent = 15;
  thresholds->churn_drop_percent = 30;
  thresholds->churn_idle_days = 180;
}

/* Reads the thresholds from settings; values out of range fall back to the defaults, so a
 * bad setting never makes every customer "A" or every customer "at risk". */
void
jx_tier_thresholds_load (JxTierThresholds *thresholds,
                         JxStore          *store)
{
  int a, b, drop, idle;

  jx_tier_thresholds_init (thresholds);
  a = jx_store_get_setting_int (store, "abc_a_percent", 80);
  b = jx_store_get_setting_int (store, "abc_b_percent", 15);
  drop = jx_store_get_setting_int (store, "churn_drop_percent", 30);
  idle = jx_store_get_setting_int (store, "churn_idle_days", 180);
  if (a > 0 && a <= 100 && b >= 0 && a + b <= 100)
    {
      thresholds->abc_a_percent = a;
      thresholds->abc_b_percent = b;
    }
  if (drop > 0 && drop <= 100)
    thresholds->churn_drop_percent = drop;
  if (idle > 0 && idle <= 3650)
    thresholds->churn_idle_days = idle;
}

const char *
jx_tier_source_to_string (JxTierSource source)
{
  switch (source)
    {
    case JX_TIER_SOURCE_SUGGESTION:
      return "suggestion";
    case JX_TIER_SOURCE_IMPORT:
      return "import";
    case JX_TIER_SOURCE_MANUAL:
    default:
      return "manual";
    }
}

/* What tier_history.source means to a user. */
const char *
jx_tier_source_get_label (const char *source)
{
  if (g_strcmp0 (source, "suggestion") == 0)
    return C_("tier source", "Suggestion");
  if (g_strcmp0 (source, "import") == 0)
    return C_("tier source", "Import");
  return C_("tier source", "By hand");
}

static char *
customer_name (JxStore *store,
               gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, "SELECT name FROM customers WHERE id = ?",
                                                   NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (jx_column_text (stmt, 0));
}

/* "Move 3 customers to Key", "Move “Acme” to Key", "Apply 12 tier suggestions". */
static char *
move_label (JxStore          *store,
            const JxTierMove *moves,
            guint             n_moves,
            JxTierSource      source)
{
  gboolean same = TRUE;

  if (source == JX_TIER_SOURCE_SUGGESTION)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Apply %u tier suggestion",
                                         "Apply %u tier suggestions", n_moves), n_moves);
  for (guint i = 1; i < n_moves; i++)
    same = same && moves[i].to == moves[0].to;
  if (!same)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change the tier of %u customer",
                                         "Change the tier of %u customers", n_moves), n_moves);
  if (n_moves == 1)
    {
      g_autofree char *name = customer_name (store, moves[0].customer_id);

      if (name != NULL)
        /* Translators: an undo label; %1$s is a customer, %2$s a tier ("Key"). */
        return g_strdup_printf (_("Move “%1$s” to %2$s"), name,
                                jx_tier_get_label (moves[0].to));
    }
  /* Translators: an undo label; %1$u is a number of customers, %2$s a tier ("Key"). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %1$u customer to %2$s",
                                       "Move %1$u customers to %2$s", n_moves),
                          n_moves, jx_tier_get_label (moves[0].to));
}

/**
 * jx_tier_move:
 * @store: a #JxStore
 * @moves: (array length=n_moves): the customers and their new tiers
 * @n_moves: number of moves
 * @source: %JX_TIER_SOURCE_MANUAL for the board and the CLI (sets tier_manual),
 *   %JX_TIER_SOURCE_SUGGESTION for applied suggestions (clears it)
 * @today: the day recorded in tier_history
 * @n_moved: (out) (optional): how many customers changed tier
 * @error: return location for an error
 *
 * Moves customers to new tiers in one labelled transaction (one undo step). A customer
 * already in its target tier gets no history row; a manual move still marks it as placed
 * by hand. Fails without changing anything when a customer does not exist.
 */
gboolean
jx_tier_move (JxStore           *store,
              const JxTierMove  *moves,
              guint              n_moves,
              JxTierSource       source,
              const GDate       *today,
              guint             *n_moved,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *label = NULL;
  char day[11];
  guint moved = 0;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (moves != NULL || n_moves == 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (n_moved != NULL)
    *n_moved = 0;
  if (n_moves == 0)
    return TRUE;

  jx_date_to_iso_buf (today, day);
  label = move_label (store, moves, n_moves, source);
  if (!jx_store_begin (store, label, error))
    return FALSE;

  select = jx_store_prepare (store, "SELECT tier, tier_manual FROM customers WHERE id = ?", error);
  update = jx_store_prepare (store, "UPDATE customers SET tier = ?2, tier_manual = ?3 WHERE id = ?1",
                             error);
  history = jx_store_prepare (store,
                              "INSERT INTO tier_history(customer_id, changed_on, from_tier, "
                              "to_tier, source) VALUES (?, ?, ?, ?, ?)", error);
  if (select == NULL || update == NULL || history == NULL)
    goto fail;

  for (guint i = 0; i < n_moves; i++)
    {
      const JxTierMove *move = &moves[i];
      JxTier from;
      gboolean manual, new_manual;
      int rc;

      if (move->to >= JX_N_TIERS)
        {
          g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                       _("Unknown tier; use key, growth, maintain, defend or none."));
          goto fail;
        }
      sqlite3_bind_int64 (select, 1, move->customer_id);
      rc = sqlite3_step (select);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, move->customer_id);

              /* Translators: %s is the number of a customer. */
              g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                           _("Customer %s does not exist; reload the list and try again."), id);
            }
          else
            jx_store_set_error (store, rc, error);
          sqlite3_reset (select);
          goto fail;
        }
      from = jx_tier_from_column (jx_column_text (select, 0));
      manual = sqlite3_column_int (select, 1) != 0;
      sqlite3_reset (select);

      new_manual = source == JX_TIER_SOURCE_MANUAL;
      if (from == move->to && (manual == new_manual || !new_manual))
        continue;

      sqlite3_bind_int64 (update, 1, move->customer_id);
      jx_bind_text_or_null (update, 2, move->to == JX_TIER_NONE ? NULL
                                                                : jx_tier_to_string (move->to));
      sqlite3_bind_int (update, 3, new_manual);
      if (!jx_store_step_done (store, update, error))
        goto fail;
      if (from == move->to)
        continue;

      sqlite3_bind_int64 (history, 1, move->customer_id);
      sqlite3_bind_text (history, 2, day, -1, SQLITE_STATIC);
      jx_bind_text_or_null (history, 3, from == JX_TIER_NONE ? NULL : jx_tier_to_string (from));
      jx_bind_text_or_null (history, 4, move->to == JX_TIER_NONE ? NULL
                                                                 : jx_tier_to_string (move->to));
      sqlite3_bind_text (history, 5, jx_tier_source_to_string (source), -1, SQLITE_STATIC);
      if (!jx_store_step_done (store, history, error))
        goto fail;
      moved++;
    }

  if (!jx_store_commit (store, error))
    return FALSE;
  if (n_moved != NULL)
    *n_moved = moved;
  return TRUE;

fail:
  jx_store_rollback (store);
  return FALSE;
}
