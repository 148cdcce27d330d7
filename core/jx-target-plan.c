/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-row-private.h"
#include "jx-sqlite-private.h"
#include "jx-target-plan.h"
#include "jx-target-types.h"

struct _JxTargetPlan {
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gboolean active;
  char    *created;
  char    *notes;
  guint    n_targets;
};

G_DEFINE_FINAL_TYPE (JxTargetPlan, jx_target_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACTIVE,
  PROP_N_TARGETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_target_plan_finalize (GObject *object)
{
  JxTargetPlan *self = JX_TARGET_PLAN (object);

  g_free (self->name);
  g_free (self->created);
  g_free (self->notes);
  G_OBJECT_CLASS (jx_target_plan_parent_class)->finalize (object);
}

static void
jx_target_plan_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JxTargetPlan *self = JX_TARGET_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_N_TARGETS: g_value_set_uint (value, self->n_targets); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_plan_class_init (JxTargetPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_target_plan_finalize;
  object_class->get_property = jx_target_plan_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);
  properties[PROP_N_TARGETS] = g_param_spec_uint ("n-targets", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_target_plan_init (JxTargetPlan *self)
{
}

gint64
jx_target_plan_get_id (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), 0);
  return self->id;
}

const char *
jx_target_plan_get_name (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), NULL);
  return self->name;
}

gboolean
jx_target_plan_get_active (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), FALSE);
  return self->active;
}

/* The ISO date the plan was made, or "". */
const char *
jx_target_plan_get_created (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), NULL);
  return self->created != NULL ? self->created : "";
}

const char *
jx_target_plan_get_notes (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), NULL);
  return self->notes != NULL ? self->notes : "";
}

guint
jx_target_plan_get_n_targets (JxTargetPlan *self)
{
  g_return_val_if_fail (JX_IS_TARGET_PLAN (self), 0);
  return self->n_targets;
}

#define PLAN_SELECT \
  "SELECT p.id, p.name, p.active, p.created, p.notes," \
  " (SELECT count(*) FROM target_nodes n WHERE n.plan_id = p.id) FROM target_plans p"

static JxTargetPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  JxTargetPlan *self = g_object_new (JX_TYPE_TARGET_PLAN, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = g_strdup (jx_column_text (stmt, 1));
  self->active = sqlite3_column_int (stmt, 2) != 0;
  self->created = g_strdup (jx_column_text (stmt, 3));
  self->notes = g_strdup (jx_column_text (stmt, 4));
  self->n_targets = (guint) sqlite3_column_int64 (stmt, 5);
  return self;
}

/**
 * jx_target_plans_list:
 *
 * Returns: (transfer full): every plan, a #GListModel of #JxTargetPlan by name
 */
GListModel *
jx_target_plans_list (JxStore  *store,
                      GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (JX_TYPE_TARGET_PLAN);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  stmt = jx_store_prepare (store, PLAN_SELECT " ORDER BY p.name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JxTargetPlan) plan = plan_from_row (stmt);
      g_list_store_append (list, plan);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * jx_target_plan_find:
 * @name_or_id: a plan's name (any case) or its id
 *
 * Returns: (transfer full): the plan, or %NULL with %JX_TARGET_ERROR_NOT_FOUND
 */
JxTargetPlan *
jx_target_plan_find (JxStore     *store,
                     const char  *name_or_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  stmt = jx_store_prepare (store, PLAN_SELECT " WHERE p.name = ?1 COLLATE NOCASE OR p.id = ?2"
                                  " ORDER BY p.name = ?1 COLLATE NOCASE DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  id = g_ascii_strtoll (name_or_id, &end, 10);
  sqlite3_bind_text (stmt, 1, name_or_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, end != NULL && *end == '\0' && end != name_or_id ? id : -1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return plan_from_row (stmt);
  g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
               _("There is no plan named “%s”; “jingxi-cli plans” lists them."), name_or_id);
  return NULL;
}

/* The active plan's id, or 0 when no plan is active. */
gint64
jx_target_plan_get_active_id (JxStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), 0);
  stmt = jx_store_prepare (store, "SELECT id FROM target_plans WHERE active = 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
check_plan_name (JxStore     *store,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  g_autofree char *clean = jx_row_clean_name (name, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                                              _("A plan needs a name of 1 to 200 characters."),
                                              error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (clean == NULL)
    return NULL;
  stmt = jx_store_prepare (store, "SELECT 1 FROM target_plans WHERE name = ? COLLATE NOCASE"
                                  " AND id <> ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_CONFLICT,
                   _("A plan named “%s” already exists; choose another name."), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gint64
insert_plan (JxStore      *store,
             const char   *name,
             const GDate  *today,
             const char   *notes,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char created[11];

  stmt = jx_store_prepare (store, "INSERT INTO target_plans(name, active, created, notes)"
                                  " VALUES (?, 0, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  jx_date_to_iso_buf (today, created);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, notes != NULL ? notes : "", -1, SQLITE_TRANSIENT);
  if (!jx_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (jx_store_get_db (store));
}

/**
 * jx_target_plan_create:
 *
 * Makes an empty plan (not active). The first plan of a database becomes active.
 *
 * Returns: its id, or 0 on error
 */
gint64
jx_target_plan_create (JxStore      *store,
                       const char   *name,
                       const GDate  *today,
                       GError      **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (JX_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if ((clean = check_plan_name (store, name, 0, error)) == NULL)
    return 0;
  if (!jx_store_begin (store, _("New Plan"), error))
    return 0;
  id = insert_plan (store, clean, today, NULL, error);
  if (id == 0 ||
      (jx_target_plan_get_active_id (store) == 0 &&
       !jx_store_exec (store, "UPDATE target_plans SET active = 1 WHERE id = last_insert_rowid()",
                       error)))
    {
      jx_store_rollback (store);
      return 0;
    }
  if (!jx_store_commit (store, error))
    return 0;
  return id;
}

/**
 * jx_target_plan_duplicate:
 * @plan_id: the plan to copy
 * @name: the copy's name
 *
 * Copies a plan with all its targets (amounts, locks, rationale, SMART checklists) as a
 * what-if version. The copy is not active.
 *
 * Returns: the copy's id, or 0 on error
 */
gint64
jx_target_plan_duplicate (JxStore      *store,
                          gint64        plan_id,
                          const char   *name,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) source = NULL;
  g_autoptr(sqlite3_stmt) nodes = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *clean = NULL;
  g_autofree char *notes = NULL;
  gint64 copy_id;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  source = jx_store_prepare (store, "SELECT notes FROM target_plans WHERE id = ?", error);
  if (source == NULL)
    return 0;
  sqlite3_bind_int64 (source, 1, plan_id);
  if (sqlite3_step (source) != SQLITE_ROW)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND,
                   _("The plan to copy no longer exists."));
      return 0;
    }
  notes = g_strdup (jx_column_text (source, 0));
  if ((clean = check_plan_name (store, name, 0, error)) == NULL)
    return 0;

  if (!jx_store_begin (store, _("Copy Plan"), error))
    return 0;
  copy_id = insert_plan (store, clean, today, notes, error);
  /* Parents before children: walk down from the roots. */
  nodes = jx_store_prepare (store,
                            "WITH RECURSIVE t(id, depth) AS ("
                            " SELECT id, 0 FROM target_nodes WHERE plan_id = ?1 AND parent_id IS NULL"
                            " UNION ALL SELECT n.id, t.depth + 1 FROM target_nodes n"
                            " JOIN t ON n.parent_id = t.id)"
                            " SELECT n.id, n.parent_id, n.position, n.name, n.metric, n.period_from,"
                            " n.period_to, n.owner_id, n.dimension, n.region_id, n.member_id,"
                            " n.product_line_id, n.customer_type_id, n.tier, n.amount, n.locked,"
                            " n.method, n.rationale, n.smart"
                            " FROM t JOIN target_nodes n ON n.id = t.id ORDER BY t.depth, n.id",
                            error);
  insert = jx_store_prepare (store,
                             "INSERT INTO target_nodes(plan_id, parent_id, position, name, metric,"
                             " period_from, period_to, owner_id, dimension, region_id, member_id,"
                             " product_line_id, customer_type_id, tier, amount, locked, method,"
                             " rationale, smart)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?17, ?18, ?19)", error);
  if (copy_id == 0 || nodes == NULL || insert == NULL)
    goto fail;
  sqlite3_bind_int64 (nodes, 1, plan_id);
  while ((rc = sqlite3_step (nodes)) == SQLITE_ROW)
    {
      gint64 old_id = sqlite3_column_int64 (nodes, 0);
      gint64 old_parent = sqlite3_column_int64 (nodes, 1);
      gint64 *new_parent = old_parent > 0 ? g_hash_table_lookup (ids, &old_parent) : NULL;
      gint64 new_id;

      sqlite3_bind_int64 (insert, 1, copy_id);
      jx_bind_id_or_null (insert, 2, new_parent != NULL ? *new_parent : 0);
      for (int c = 2; c < 19; c++)
        sqlite3_bind_value (insert, c + 1, sqlite3_column_value (nodes, c));
      if (!jx_store_step_done (store, insert, error))
        goto fail;
      sqlite3_clear_bindings (insert);
      new_id = sqlite3_last_insert_rowid (jx_store_get_db (store));
      g_hash_table_insert (ids, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      goto fail;
    }
  g_clear_pointer (&nodes, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!jx_store_commit (store, error))
    return 0;
  return copy_id;

fail:
  g_clear_pointer (&nodes, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  jx_store_rollback (store);
  return 0;
}

/* Runs @sql on the plan @plan_id (?1), with @text as ?2 when set, as the undoable step
 * @label. With @deactivate, the active plan is first made inactive; with @gone_message, a
 * plan that no longer exists fails. */
static gboolean
change_plan (JxStore     *store,
             const char  *label,
             gboolean     deactivate,
             const char  *sql,
             gint64       plan_id,
             const char  *text,
             const char  *gone_message,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!jx_store_begin (store, label, error))
    return FALSE;
  stmt = jx_store_prepare (store, sql, error);
  ok = stmt != NULL &&
       (!deactivate ||
        jx_store_exec (store, "UPDATE target_plans SET active = 0 WHERE active = 1", error));
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      ok = jx_store_step_done (store, stmt, error);
    }
  if (ok && gone_message != NULL && sqlite3_changes (jx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_NOT_FOUND, gone_message);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return jx_row_finish (store, ok, error);
}

/* Makes @plan_id the one active plan. */
gboolean
jx_target_plan_activate (JxStore  *store,
                         gint64    plan_id,
                         GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  return change_plan (store, _("Activate Plan"), TRUE,
                      "UPDATE target_plans SET active = 1 WHERE id = ?1", plan_id, NULL,
                      _("The plan to activate no longer exists."), error);
}

gboolean
jx_target_plan_rename (JxStore     *store,
                       gint64       plan_id,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  if ((clean = check_plan_name (store, name, plan_id, error)) == NULL)
    return FALSE;
  return change_plan (store, _("Rename Plan"), FALSE,
                      "UPDATE target_plans SET name = ?2 WHERE id = ?1", plan_id, clean, NULL,
                      error);
}

/* Deletes a plan and its targets (undoable like every change). */
gboolean
jx_target_plan_delete (JxStore  *store,
                       gint64    plan_id,
                       GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  return change_plan (store, _("Delete Plan"), FALSE, "DELETE FROM target_plans WHERE id = ?1",
                      plan_id, NULL, NULL, error);
}
