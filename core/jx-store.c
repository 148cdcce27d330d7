/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jx-schema-private.h"
#include "jx-sqlite-private.h"
#include "jx-store.h"

/*
 * JxStore owns the connection to one Jingxi database file.
 *
 * Every write goes through jx_store_begin()/jx_store_commit(). The update hook collects
 * the tables a transaction touched, and JxStore::changed announces them once the
 * transaction commits, so every open view reloads after an edit from anywhere.
 *
 * Undo works below the domain code: when the store is opened with JX_STORE_OPEN_UNDO,
 * temporary triggers log each inserted, updated and deleted row of the current step into
 * a temporary table (the old values as a JSON array). Undoing a step replays the inverse
 * of each logged change in reverse order; the triggers record that replay as the redo
 * step. The log lives in the connection's temporary database and ends with it.
 */

#define MAX_UNDO_STEPS 100
#define UNDO_CHUNK     4096

typedef struct {
  gint64  step;
  char   *label;
} UndoStep;

typedef struct {
  char         *name;
  sqlite3_stmt *restore_update;
  sqlite3_stmt *restore_insert;
  sqlite3_stmt *restore_delete;
} UndoTable;

struct _JxStore {
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  int         schema_version;

  guint       depth;
  guint       pending_tables;
  gboolean    failed;

  gboolean    undo_enabled;
  gint64      recording_step;
  gint64      next_step;
  char       *pending_label;
  GArray     *undo_stack;
  GArray     *redo_stack;
  GHashTable *undo_tables;
};

G_DEFINE_TYPE (JxStore, jx_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (jx-store-error-quark, jx_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* In the order of the JxTables bits. */
static const char *const table_names[] = {
  "settings",
  "regions",
  "team_members",
  "product_lines",
  "products",
  "customer_types",
  "customers",
  "tier_history",
  "stages",
  "deals",
  "stage_events",
  "target_plans",
  "target_nodes",
  "activities",
  "tier_policies",
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == 15);

/* sqlite3_mprintf() with %w and %Q for identifiers and literals, in GLib-owned memory. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list ap;
  char *sql;
  char *copy;

  va_start (ap, format);
  sql = sqlite3_vmprintf (format, ap);
  va_end (ap);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static void
undo_step_clear (gpointer data)
{
  UndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

static void
undo_table_free (gpointer data)
{
  UndoTable *table = data;

  g_clear_pointer (&table->restore_update, sqlite3_finalize);
  g_clear_pointer (&table->restore_insert, sqlite3_finalize);
  g_clear_pointer (&table->restore_delete, sqlite3_finalize);
  g_free (table->name);
  g_free (table);
}

JxTables
jx_store_table_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      return 1u << i;
  return 0;
}

const char *
jx_store_table_name (JxTables table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    if (table == (1u << i))
      return table_names[i];
  g_return_val_if_reached (NULL);
}

/* Turns an SQLite result code into a GError whose message tells the user what to do. */
static void
set_error_from_code (sqlite3  *db,
                     int       rc,
                     GError  **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FULL,
                   _("The disk is full. Nothing was changed; free some space and try again."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Open a backup copy or another file."),
                   detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_JINGXI,
                   _("The file is not a Jingxi database. Choose another file."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_BUSY,
                   _("The database is in use by another program. Close it there and try again."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_CONSTRAINT,
                   _("The change conflicts with existing data (%s)."), detail);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_IO,
                   _("The database file could not be read or written (%s). Check that the "
                     "file and its folder are writable."), detail);
      break;
    default:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FAILED,
                   _("A database operation failed (%s)."), detail);
      break;
    }
}

void
jx_store_set_error (JxStore  *self,
                    int       rc,
                    GError  **error)
{
  set_error_from_code (self != NULL ? self->db : NULL, rc, error);
}

sqlite3_stmt *
jx_store_prepare (JxStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (JX_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self->db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
jx_store_exec (JxStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that returns no rows and resets it for reuse. */
gboolean
jx_store_step_done (JxStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error_from_code (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
update_hook_cb (void          *user_data,
                int            op,
                const char    *db_name,
                const char    *table,
                sqlite3_int64  rowid)
{
  JxStore *self = user_data;

  if (g_strcmp0 (db_name, "main") == 0)
    self->pending_tables |= jx_store_table_from_name (table);
}

/* SQL function jx_undo_step(): the step being recorded, or NULL when nothing records. */
static void
undo_step_func (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  JxStore *self = sqlite3_user_data (ctx);

  if (self->recording_step > 0)
    sqlite3_result_int64 (ctx, self->recording_step);
  else
    sqlite3_result_null (ctx);
}

static gboolean
read_int_pragma (sqlite3     *db,
                 const char  *sql,
                 int         *out,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_code (db, rc, error);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Checks the first bytes of an existing file without opening it as a database, so a file
 * that is not SQLite is never touched by SQLite. Returns the file's size in *size. */
static gboolean
check_file_header (const char  *path,
                   goffset     *size,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char header[16];
  gsize n_read = 0;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_JINGXI,
                   _("“%s” is not a file. Choose a Jingxi database file."), path);
      return FALSE;
    }
  *size = g_file_info_get_size (info);
  if (*size == 0)
    return TRUE;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), path,
                   local_error ? local_error->message : g_strerror (EIO));
      return FALSE;
    }
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_JINGXI,
                   _("“%s” is not a Jingxi database. Choose another file, or create a new "
                     "database."), path);
      return FALSE;
    }
  return TRUE;
}

/* Creates an empty file readable by its owner only; SQLite gives its -wal and -shm files the
 * same mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static gboolean
backup_before_migration (JxStore  *self,
                         int       from_version,
                         GError  **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup_op;
  int rc;

  g_unlink (backup);
  rc = sqlite3_open_v2 (backup, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup_op = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup_op != NULL)
        {
          sqlite3_backup_step (backup_op, -1);
          sqlite3_backup_finish (backup_op);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_code (dest, rc, error);
      g_prefix_error (error, _("Could not copy the database before upgrading it: "));
      sqlite3_close (dest);
      g_unlink (backup);
      return FALSE;
    }
  sqlite3_close (dest);
  g_chmod (backup, 0600);
  self->backup_path = g_steal_pointer (&backup);
  return TRUE;
}

typedef struct {
  const char *name;
  int         probability;
  int         kind;
  const char *milestone;
} DefaultStage;

static gboolean
insert_default_stages (JxStore  *self,
                       GError  **error)
{
  const DefaultStage stages[] = {
    { N_("Prospecting"), 10, 0, N_("Contact made; need and budget holder identified") },
    { N_("Qualified"), 25, 0, N_("Budget, authority, need and timing confirmed") },
    { N_("Solution"), 50, 0, N_("Solution presented; decision criteria agreed") },
    { N_("Proposal"), 70, 0, N_("Written proposal sent; price discussed") },
    { N_("Negotiation"), 85, 0, N_("Terms agreed in principle; contract in review") },
    { N_("Won"), 100, 1, "" },
    { N_("Lost"), 0, 2, "" },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jx_store_prepare (self,
                           "INSERT INTO stages(name, kind, position, probability, milestone) "
                           "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      sqlite3_bind_text (stmt, 1, _(stages[i].name), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, stages[i].kind);
      sqlite3_bind_int (stmt, 3, i + 1);
      sqlite3_bind_int (stmt, 4, stages[i].probability);
      sqlite3_bind_text (stmt, 5, stages[i].milestone[0] ? _(stages[i].milestone) : "", -1,
                         SQLITE_TRANSIENT);
      if (!jx_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (JxStore  *self,
         int       from_version,
         GError  **error)
{
  if (from_version > 0 && !backup_before_migration (self, from_version, error))
    return FALSE;

  for (int v = from_version + 1; v <= JX_SCHEMA_VERSION; v++)
    {
      g_autofree char *pragma = NULL;

      if (!jx_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!jx_store_exec (self, jx_schema_migration (v), error) ||
          (v == 1 && !insert_default_stages (self, error)))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), v);
          jx_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      /* PRAGMA takes no bound parameters; v is an integer of ours. */
      pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                v, JX_APPLICATION_ID);
      if (!jx_store_exec (self, pragma, error) || !jx_store_exec (self, "COMMIT", error))
        {
          jx_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  self->schema_version = JX_SCHEMA_VERSION;
  return TRUE;
}

/* Creates the temporary undo log and one set of triggers per table. The SQL is built from
 * the schema's own table and column names, never from user input. */
static gboolean
install_undo_triggers (JxStore  *self,
                       GError  **error)
{
  if (!jx_store_exec (self,
                      "CREATE TEMP TABLE IF NOT EXISTS jx_undo_log ("
                      "  seq INTEGER PRIMARY KEY, step INTEGER NOT NULL, tbl TEXT NOT NULL,"
                      "  op TEXT NOT NULL, rid INTEGER NOT NULL, data TEXT);"
                      "CREATE INDEX IF NOT EXISTS temp.jx_undo_log_step ON jx_undo_log(step, seq);",
                      error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    {
      const char *table = table_names[i];
      g_autoptr(sqlite3_stmt) info = NULL;
      g_autoptr(GString) cols = g_string_new (NULL);
      g_autoptr(GString) olds = g_string_new (NULL);
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autoptr(GString) extracts = g_string_new (NULL);
      g_autofree char *info_sql = NULL;
      g_autofree char *triggers = NULL;
      UndoTable *undo_table;
      int n = 0;
      int rc;

      info_sql = sql_printf ("PRAGMA main.table_info(%Q)", table);
      info = jx_store_prepare (self, info_sql, error);
      if (info == NULL)
        return FALSE;
      while ((rc = sqlite3_step (info)) == SQLITE_ROW)
        {
          g_autofree char *col = sql_printf ("\"%w\"", jx_column_text (info, 1));

          if (n > 0)
            {
              g_string_append_c (cols, ',');
              g_string_append_c (olds, ',');
              g_string_append_c (sets, ',');
              g_string_append_c (extracts, ',');
            }
          g_string_append (cols, col);
          g_string_append_printf (olds, "old.%s", col);
          g_string_append_printf (sets, "%s = json_extract(?1, '$[%d]')", col, n);
          g_string_append_printf (extracts, "json_extract(?1, '$[%d]')", n);
          n++;
        }
      if (rc != SQLITE_DONE)
        {
          set_error_from_code (self->db, rc, error);
          return FALSE;
        }

      triggers = g_strdup_printf (
        "CREATE TEMP TRIGGER IF NOT EXISTS jx_undo_%1$s_i AFTER INSERT ON main.\"%1$s\" "
        "WHEN jx_undo_step() IS NOT NULL BEGIN "
        "INSERT INTO jx_undo_log(step, tbl, op, rid) VALUES (jx_undo_step(), '%1$s', 'I', new.rowid); END;"
        "CREATE TEMP TRIGGER IF NOT EXISTS jx_undo_%1$s_u AFTER UPDATE ON main.\"%1$s\" "
        "WHEN jx_undo_step() IS NOT NULL BEGIN "
        "INSERT INTO jx_undo_log(step, tbl, op, rid, data) "
        "VALUES (jx_undo_step(), '%1$s', 'U', old.rowid, json_array(%2$s)); END;"
        "CREATE TEMP TRIGGER IF NOT EXISTS jx_undo_%1$s_d BEFORE DELETE ON main.\"%1$s\" "
        "WHEN jx_undo_step() IS NOT NULL BEGIN "
        "INSERT INTO jx_undo_log(step, tbl, op, rid, data) "
        "VALUES (jx_undo_step(), '%1$s', 'D', old.rowid, json_array(%2$s)); END;",
        table, olds->str);
      if (!jx_store_exec (self, triggers, error))
        return FALSE;

      undo_table = g_new0 (UndoTable, 1);
      undo_table->name = g_strdup (table);
      g_hash_table_insert (self->undo_tables, undo_table->name, undo_table);
      {
        g_autofree char *upd = g_strdup_printf ("UPDATE main.\"%s\" SET %s WHERE rowid = ?2",
                                                table, sets->str);
        g_autofree char *ins = g_strdup_printf ("INSERT INTO main.\"%s\"(rowid, %s) VALUES (?2, %s)",
                                                table, cols->str, extracts->str);
        g_autofree char *del = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE rowid = ?2", table);

        undo_table->restore_update = jx_store_prepare (self, upd, error);
        if (undo_table->restore_update == NULL)
          return FALSE;
        undo_table->restore_insert = jx_store_prepare (self, ins, error);
        if (undo_table->restore_insert == NULL)
          return FALSE;
        undo_table->restore_delete = jx_store_prepare (self, del, error);
        if (undo_table->restore_delete == NULL)
          return FALSE;
      }
    }
  return TRUE;
}

/**
 * jx_store_peek_schema_version:
 * @path: a database file
 *
 * Reads the schema version of @path without writing to it, so a caller can tell in advance
 * whether opening it will upgrade it (which takes a while for a large file).
 *
 * Returns: the version, 0 for a new or empty file, or -1 when it cannot be read
 */
int
jx_store_peek_schema_version (const char *path)
{
  sqlite3 *db = NULL;
  int version = -1;
  goffset size = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  if (!check_file_header (path, &size, NULL))
    return -1;
  if (size == 0)
    return 0;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      !read_int_pragma (db, "PRAGMA user_version", &version, NULL))
    version = -1;
  sqlite3_close (db);
  return version;
}

char *
jx_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jingxi", "jingxi.db", NULL);
}

/**
 * jx_store_open:
 * @path: the database file
 * @flags: whether to create a missing file and whether to record undo
 * @error: return location for an error
 *
 * Opens a Jingxi database, creating or upgrading its schema as needed. A file that is not
 * a Jingxi database, a database from a newer Jingxi or a damaged file is reported through
 * @error and left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
JxStore *
jx_store_open (const char        *path,
               JxStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(JxStore) self = NULL;
  goffset size = 0;
  int open_flags = SQLITE_OPEN_READWRITE;
  int version = 0;
  int app_id = 0;
  int n_objects = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & JX_STORE_OPEN_CREATE))
        {
          g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist. Create it with “jingxi-cli init” "
                         "or open another file."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else if (!check_file_header (path, &size, error))
    return NULL;

  self = g_object_new (JX_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self->db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read-only questions first: nothing is written before we know the file is ours. */
  if (!read_int_pragma (self->db, "PRAGMA application_id", &app_id, error) ||
      !read_int_pragma (self->db, "PRAGMA user_version", &version, error) ||
      !read_int_pragma (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (app_id != JX_APPLICATION_ID && !(app_id == 0 && version == 0 && n_objects == 0))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_JINGXI,
                   _("“%s” is an SQLite database, but not a Jingxi database. Choose another "
                     "file, or create a new database."), path);
      return NULL;
    }
  if (version > JX_SCHEMA_VERSION)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Jingxi (database version %d; this "
                     "version reads up to %d). Update Jingxi to open it."),
                   path, version, JX_SCHEMA_VERSION);
      return NULL;
    }

  if (!jx_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !jx_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !jx_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  self->schema_version = version;
  if (version < JX_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  sqlite3_update_hook (self->db, update_hook_cb, self);

  if (flags & JX_STORE_OPEN_UNDO)
    {
      rc = sqlite3_create_function (self->db, "jx_undo_step", 0, SQLITE_UTF8, self,
                                    undo_step_func, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_error_from_code (self->db, rc, error);
          return NULL;
        }
      if (!install_undo_triggers (self, error))
        return NULL;
      self->undo_enabled = TRUE;
    }

  return g_steal_pointer (&self);
}

const char *
jx_store_get_path (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  return self->path;
}

/**
 * jx_store_open_reader:
 * @self: a #JxStore
 *
 * A read-only connection of its own to @self's file, for reading in a thread: no lock
 * around every call and nothing in the way of the store's connection.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL when the store has changes
 *   that only its own connection sees (an open transaction) or the file cannot be opened
 */
sqlite3 *
jx_store_open_reader (JxStore *self)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  if (jx_store_in_transaction (self) || !sqlite3_get_autocommit (self->db))
    return NULL;
  if (sqlite3_open_v2 (self->path, &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

sqlite3 *
jx_store_get_db (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  return self->db;
}

int
jx_store_get_schema_version (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), 0);

  return self->schema_version;
}

/* The copy taken before the last migration, or %NULL when none was needed. */
const char *
jx_store_get_backup_path (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  return self->backup_path;
}

static void
drop_steps (JxStore *self,
            GArray  *stack,
            guint    n)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (n == 0)
    return;
  stmt = jx_store_prepare (self, "DELETE FROM temp.jx_undo_log WHERE step = ?", NULL);
  for (guint i = 0; i < n && stack->len > 0; i++)
    {
      UndoStep *step = &g_array_index (stack, UndoStep, 0);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, step->step);
          jx_store_step_done (self, stmt, NULL);
        }
      g_array_remove_index (stack, 0);
    }
}

static void
notify_undo_state (JxStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * jx_store_begin:
 * @self: a #JxStore
 * @undo_label: (nullable): what the user will see in "Undo …", or %NULL when the change
 *   cannot be undone (opening, migrating)
 * @error: return location for an error
 *
 * Starts a transaction. Calls nest: only the outermost commit writes and announces the
 * change, and the outermost label names the undo step.
 */
gboolean
jx_store_begin (JxStore     *self,
                const char  *undo_label,
                GError     **error)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!jx_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->pending_tables = 0;
      self->failed = FALSE;
      if (self->undo_enabled && undo_label != NULL)
        {
          self->recording_step = ++self->next_step;
          g_free (self->pending_label);
          self->pending_label = g_strdup (undo_label);
        }
    }
  self->depth++;
  return TRUE;
}

gboolean
jx_store_commit (JxStore  *self,
                 GError  **error)
{
  guint tables;

  g_return_val_if_fail (JX_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->failed)
    {
      jx_store_exec (self, "ROLLBACK", NULL);
      self->recording_step = 0;
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_FAILED,
                   _("The change was cancelled because part of it failed."));
      return FALSE;
    }

  if (!jx_store_exec (self, "COMMIT", error))
    {
      jx_store_exec (self, "ROLLBACK", NULL);
      self->recording_step = 0;
      self->pending_tables = 0;
      return FALSE;
    }

  if (self->recording_step > 0)
    {
      gint64 step = self->recording_step;

      self->recording_step = 0;
      if (self->pending_tables != 0)
        {
          UndoStep entry = { step, g_steal_pointer (&self->pending_label) };

          g_array_append_val (self->undo_stack, entry);
          if (self->undo_stack->len > MAX_UNDO_STEPS)
            drop_steps (self, self->undo_stack, self->undo_stack->len - MAX_UNDO_STEPS);
          drop_steps (self, self->redo_stack, self->redo_stack->len);
          notify_undo_state (self);
        }
    }

  tables = self->pending_tables;
  self->pending_tables = 0;
  if (tables != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, tables);
  return TRUE;
}

/* Abandons the transaction. Inside a nested call it marks the whole transaction as failed,
 * so that the outermost commit rolls back instead. */
void
jx_store_rollback (JxStore *self)
{
  g_return_if_fail (JX_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  jx_store_exec (self, "ROLLBACK", NULL);
  self->recording_step = 0;
  self->pending_tables = 0;
  self->failed = FALSE;
}

gboolean
jx_store_in_transaction (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  return self->depth > 0;
}

/* For changes the update hook cannot see. */
void
jx_store_mark_changed (JxStore  *self,
                       JxTables  tables)
{
  g_return_if_fail (JX_IS_STORE (self));

  if (self->depth > 0)
    self->pending_tables |= tables;
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) tables);
}

gboolean
jx_store_can_undo (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
jx_store_can_redo (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  return self->redo_stack->len > 0;
}

const char *
jx_store_get_undo_label (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return g_array_index (self->undo_stack, UndoStep, self->undo_stack->len - 1).label;
}

const char *
jx_store_get_redo_label (JxStore *self)
{
  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return g_array_index (self->redo_stack, UndoStep, self->redo_stack->len - 1).label;
}

typedef struct {
  gint64      seq;
  UndoTable  *table;
  char        op;
  gint64      rid;
  char       *data;
} LogEntry;

static void
log_entry_clear (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->data);
}

static gboolean
apply_inverse (JxStore   *self,
               LogEntry  *entry,
               GError   **error)
{
  sqlite3_stmt *stmt;

  switch (entry->op)
    {
    case 'I':
      stmt = entry->table->restore_delete;
      break;
    case 'U':
      stmt = entry->table->restore_update;
      break;
    case 'D':
      stmt = entry->table->restore_insert;
      break;
    default:
      g_assert_not_reached ();
    }
  sqlite3_bind_text (stmt, 1, entry->data, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entry->rid);
  if (!jx_store_step_done (self, stmt, error))
    return FALSE;
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* Replays the inverse of step @from (newest change first) while recording the replay as a
 * new step, which is returned in @recorded. */
static gboolean
replay_step (JxStore  *self,
             gint64    from,
             gint64   *recorded,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) forget = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  gint64 before = G_MAXINT64;

  g_array_set_clear_func (entries, log_entry_clear);

  select = jx_store_prepare (self,
                             "SELECT seq, tbl, op, rid, data FROM temp.jx_undo_log "
                             "WHERE step = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3", error);
  forget = jx_store_prepare (self, "DELETE FROM temp.jx_undo_log WHERE step = ?", error);
  if (select == NULL || forget == NULL)
    return FALSE;

  if (!jx_store_exec (self, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;
  self->recording_step = ++self->next_step;
  self->pending_tables = 0;

  for (;;)
    {
      int rc;

      g_array_set_size (entries, 0);
      sqlite3_bind_int64 (select, 1, from);
      sqlite3_bind_int64 (select, 2, before);
      sqlite3_bind_int (select, 3, UNDO_CHUNK);
      while ((rc = sqlite3_step (select)) == SQLITE_ROW)
        {
          LogEntry entry;

          entry.seq = sqlite3_column_int64 (select, 0);
          entry.table = g_hash_table_lookup (self->undo_tables, jx_column_text (select, 1));
          entry.op = jx_column_text (select, 2)[0];
          entry.rid = sqlite3_column_int64 (select, 3);
          entry.data = g_strdup (jx_column_text (select, 4));
          g_assert (entry.table != NULL);
          g_array_append_val (entries, entry);
        }
      sqlite3_reset (select);
      if (rc != SQLITE_DONE)
        {
          set_error_from_code (self->db, rc, error);
          goto fail;
        }
      if (entries->len == 0)
        break;
      for (guint i = 0; i < entries->len; i++)
        if (!apply_inverse (self, &g_array_index (entries, LogEntry, i), error))
          goto fail;
      before = g_array_index (entries, LogEntry, entries->len - 1).seq;
    }

  sqlite3_bind_int64 (forget, 1, from);
  if (!jx_store_step_done (self, forget, error))
    goto fail;
  if (!jx_store_exec (self, "COMMIT", error))
    goto fail;

  *recorded = self->recording_step;
  self->recording_step = 0;
  return TRUE;

fail:
  jx_store_exec (self, "ROLLBACK", NULL);
  self->recording_step = 0;
  self->pending_tables = 0;
  return FALSE;
}

static gboolean
move_step (JxStore  *self,
           GArray   *from_stack,
           GArray   *to_stack,
           GError  **error)
{
  UndoStep *top;
  UndoStep moved;
  gint64 recorded = 0;
  guint tables;

  g_return_val_if_fail (self->depth == 0, FALSE);

  if (from_stack->len == 0)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to undo or redo."));
      return FALSE;
    }
  top = &g_array_index (from_stack, UndoStep, from_stack->len - 1);
  if (!replay_step (self, top->step, &recorded, error))
    return FALSE;

  moved.step = recorded;
  moved.label = g_steal_pointer (&top->label);
  g_array_set_size (from_stack, from_stack->len - 1);
  g_array_append_val (to_stack, moved);
  notify_undo_state (self);

  tables = self->pending_tables;
  self->pending_tables = 0;
  if (tables != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, tables);
  return TRUE;
}

gboolean
jx_store_undo (JxStore  *self,
               GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, error);
}

gboolean
jx_store_redo (JxStore  *self,
               GError  **error)
{
  g_return_val_if_fail (JX_IS_STORE (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, error);
}

void
jx_store_clear_undo (JxStore *self)
{
  g_return_if_fail (JX_IS_STORE (self));

  drop_steps (self, self->undo_stack, self->undo_stack->len);
  drop_steps (self, self->redo_stack, self->redo_stack->len);
  notify_undo_state (self);
}

/* Returns the setting's value, or %NULL when it is not set. */
char *
jx_store_get_setting (JxStore    *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_STORE (self), NULL);

  stmt = jx_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (jx_column_text (stmt, 0));
}

int
jx_store_get_setting_int (JxStore    *self,
                          const char *key,
                          int         fallback)
{
  g_autofree char *value = jx_store_get_setting (self, key);
  gint64 parsed;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &parsed, NULL))
    return fallback;
  return (int) parsed;
}

gboolean
jx_store_set_setting (JxStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JX_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!jx_store_begin (self, _("Change preferences"), error))
    return FALSE;
  stmt = jx_store_prepare (self,
                           "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
                           "WHERE value IS NOT excluded.value", error);
  if (stmt == NULL)
    {
      jx_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!jx_store_step_done (self, stmt, error))
    {
      jx_store_rollback (self);
      return FALSE;
    }
  return jx_store_commit (self, error);
}

/* Rows in one table, or -1 when the table cannot be read. */
gint64
jx_store_count_rows (JxStore  *self,
                     JxTables  table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *name;

  g_return_val_if_fail (JX_IS_STORE (self), -1);

  name = jx_store_table_name (table);
  if (name == NULL)
    return -1;
  sql = sql_printf ("SELECT count(*) FROM main.\"%w\"", name);
  stmt = jx_store_prepare (self, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static void
jx_store_finalize (GObject *object)
{
  JxStore *self = (JxStore *) object;

  g_clear_pointer (&self->undo_tables, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_array_unref);
  g_clear_pointer (&self->redo_stack, g_array_unref);
  if (self->db != NULL)
    {
      sqlite3_update_hook (self->db, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->pending_label, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (jx_store_parent_class)->finalize (object);
}

static void
jx_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JxStore *self = JX_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jx_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jx_store_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_store_class_init (JxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jx_store_finalize;
  object_class->get_property = jx_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JxStore::changed:
   * @tables: the #JxTables that a committed transaction, an undo or a redo changed
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
jx_store_init (JxStore *self)
{
  self->undo_stack = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  self->redo_stack = g_array_new (FALSE, TRUE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo_stack, undo_step_clear);
  g_array_set_clear_func (self->redo_stack, undo_step_clear);
  self->undo_tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, undo_table_free);
}
