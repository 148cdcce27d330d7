/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-csv-reader.h"
#include "jx-date.h"
#include "jx-import-private.h"
#include "jx-import-reader.h"
#include "jx-money.h"
#include "jx-sqlite-private.h"

/*
 * JxImport reads a CSV file of one kind (customers, products, team, deals, stage events or
 * targets) into the database.
 *
 * It works in two streaming passes over the file, so memory does not grow with the number
 * of rows:
 *
 * 1. jx_import_validate() reads every row, converts every cell, resolves every name and
 *    collects the problems: errors with their line, unknown names with their count, first
 *    line and a "did you mean". Keys seen in the file go to a private temporary SQLite
 *    database (on disk, with a bounded cache), which finds duplicates within the file and
 *    rows that name a later row (a parent company, a manager).
 * 2. jx_import_write() reads the file again and writes it in one transaction labelled
 *    "Import …", so the GUI gets one undo step. Names the user chose to create are created
 *    first. Each row is matched on its natural key (a deal's ref, a name otherwise) and
 *    counted as new, updated or unchanged.
 *
 * Both passes read the file through a JxImportReader, which parses the CSV and converts the
 * cells (trimming, dates, amounts) in a thread of its own, a batch of records ahead of the
 * checking or writing; problems found there travel with their record, so they are reported
 * in the file's order.
 *
 * Both passes touch only the store and GLib, never a main context, so a GUI can run them
 * in a worker thread; jx_import_commit() then emits JxStore::changed in the thread that
 * calls it. While a pass runs, nothing else may use the store.
 */

#define PROGRESS_EVERY 4096
#define MAX_SUGGESTED_UNKNOWNS 200
#define MAX_SUGGESTION_CANDIDATES 20000

struct _JxImportRef {
  gint64  id;
  int     kind;       /* stages: 0 open, 1 won, 2 lost */
  int     position;   /* stages */
  char   *name;
};
typedef JxImportRef RefEntry;

typedef struct {
  JxImportUnknown  pub;
  RefKind          ref;
  char            *key;
  /* A name that a row of the same file may provide (a parent company, a manager). */
  gboolean         self_ref;
  gboolean         resolved_in_file;
  guint            order;
  guint            last_line;
} Unknown;

/* A name in the file read as an existing row's name ("GTXPro" as "GTX Pro"). */
typedef struct {
  RefKind     ref;
  char       *key;
  char       *existing;
} Alias;

typedef struct {
  guint       column;
  char       *stage_name;
  RefEntry   *stage;
  Unknown    *unknown;
} EnteredColumn;

typedef JxImportCell Cell;

struct _JxImport {
  GObject              parent_instance;

  JxStore             *store;
  JxImportKind         kind;
  const JxImportField *fields;
  const FieldExtra    *extras;
  guint                n_fields;

  /* Options */
  char                *encoding_option;
  JxDateOrder          date_order;
  gboolean             create_missing;
  GPtrArray           *won_names;
  GPtrArray           *lost_names;
  GPtrArray           *aliases;
  GDate                today;
  int                  digits;

  /* The open file */
  char                *path;
  char                *display_name;
  char                *encoding;
  char                 separator;
  guint                header_line;
  GPtrArray           *columns;
  GPtrArray           *preview;
  goffset              file_size;

  /* Mapping, settled before each pass */
  int                  field_column[MAX_KIND_FIELDS];
  GPtrArray           *entered;

  /* Names */
  GHashTable          *maps[N_REFS];
  GHashTable          *unknown_index;
  GPtrArray           *unknowns;
  int                  anchor_position;
  int                  max_open_position;

  /* Validation and writing */
  gboolean             validated;
  JxImportSummary     *summary;
  guint               *blank_counts;
  guint                n_open_with_close;
  guint                n_opened_derived;
  sqlite3             *scratch;
  gboolean             in_transaction;
  GHashTable          *stage_by_id;
  GHashTable          *manager_keys;
  char                *default_plan;
  /* Read the file in a thread of its own while checking and writing. */
  gboolean             reader_thread;
};

G_DEFINE_FINAL_TYPE (JxImport, jx_import, G_TYPE_OBJECT)

static void index_stages (JxImport *self);

static void
ref_entry_free (gpointer data)
{
  RefEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static void
unknown_free (gpointer data)
{
  Unknown *unknown = data;

  g_free (unknown->pub.field);
  g_free (unknown->pub.value);
  g_free (unknown->pub.suggestion);
  g_free (unknown->key);
  g_free (unknown);
}

static void
alias_free (gpointer data)
{
  Alias *alias = data;

  g_free (alias->key);
  g_free (alias->existing);
  g_free (alias);
}

static void
entered_free (gpointer data)
{
  EnteredColumn *entered = data;

  g_free (entered->stage_name);
  g_free (entered);
}

static void
column_free (gpointer data)
{
  JxImportColumn *column = data;

  g_free (column->header);
  g_strfreev (column->samples);
  g_free (column->field);
  g_free (column);
}

/* ---------------------------------------------------------------- names */

/* The key names are matched on: trimmed, ASCII letters lowered, like SQLite's NOCASE. */
static char *
name_key (const char *text)
{
  return g_ascii_strdown (text, -1);
}

/* Writes the key into @buf when it fits (the common case), avoiding an allocation. */
static const char *
name_key_buf (const char *text,
              char       *buf,
              gsize       size,
              char      **heap)
{
  gsize n = strlen (text);

  if (n < size)
    {
      /* What g_ascii_tolower() does, without a call per character. */
      for (gsize i = 0; i <= n; i++)
        buf[i] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] - 'A' + 'a' : text[i];
      return buf;
    }
  *heap = name_key (text);
  return *heap;
}

static const char *
ref_table (RefKind ref)
{
  switch (ref)
    {
    case REF_CUSTOMER:
      return "customers";
    case REF_MEMBER:
      return "team_members";
    case REF_PRODUCT:
      return "products";
    case REF_STAGE:
      return "stages";
    case REF_REGION:
      return "regions";
    case REF_TYPE:
      return "customer_types";
    case REF_LINE:
      return "product_lines";
    case REF_PLAN:
      return "target_plans";
    case REF_DEAL:
    case REF_NONE:
    case N_REFS:
    default:
      return NULL;
    }
}

static RefEntry *
map_add (JxImport   *self,
         RefKind     ref,
         gint64      id,
         const char *name,
         int         kind,
         int         position)
{
  RefEntry *entry = g_new0 (RefEntry, 1);

  entry->id = id;
  entry->name = g_strdup (name);
  entry->kind = kind;
  entry->position = position;
  g_hash_table_replace (self->maps[ref], name_key (name), entry);
  return entry;
}

static gboolean
load_map (JxImport  *self,
          RefKind    ref,
          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *table = ref_table (ref);
  int rc;

  if (self->maps[ref] != NULL)
    g_hash_table_remove_all (self->maps[ref]);
  else
    self->maps[ref] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ref_entry_free);
  if (table == NULL)
    return TRUE;

  if (ref == REF_STAGE)
    sql = g_strdup ("SELECT id, name, kind, position FROM stages ORDER BY kind DESC, position DESC");
  else
    /* The table name comes from our own list above. */
    sql = g_strdup_printf ("SELECT id, name, 0, 0 FROM %s", table);
  stmt = jx_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  self->max_open_position = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 2);
      int position = sqlite3_column_int (stmt, 3);

      map_add (self, ref, sqlite3_column_int64 (stmt, 0), jx_column_text (stmt, 1), kind, position);
      if (ref == REF_STAGE && kind == 0)
        self->max_open_position = MAX (self->max_open_position, position);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < self->aliases->len; i++)
    {
      Alias *alias = self->aliases->pdata[i];
      g_autofree char *existing_key = NULL;
      RefEntry *entry, *copy;

      if (alias->ref != ref)
        continue;
      existing_key = name_key (alias->existing);
      entry = g_hash_table_lookup (self->maps[ref], existing_key);
      /* An alias of a name that is gone leaves the name unknown. */
      if (entry == NULL)
        continue;
      copy = g_new0 (RefEntry, 1);
      *copy = *entry;
      copy->name = g_strdup (entry->name);
      g_hash_table_replace (self->maps[ref], g_strdup (alias->key), copy);
    }
  if (ref == REF_STAGE)
    index_stages (self);
  return TRUE;
}

/* The won (1) or lost (2) stage with the lowest position. */
static RefEntry *
outcome_stage (JxImport *self,
               int       kind)
{
  GHashTableIter iter;
  RefEntry *entry, *best = NULL;

  g_hash_table_iter_init (&iter, self->maps[REF_STAGE]);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->kind == kind && (best == NULL || entry->position < best->position))
      best = entry;
  return best;
}

static gboolean
name_in (GPtrArray  *names,
         const char *text)
{
  g_autofree char *key = jx_import_normalize_header (text);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *other = jx_import_normalize_header (names->pdata[i]);

      if (g_str_equal (key, other))
        return TRUE;
    }
  return FALSE;
}

/* Finds a stage that the text names by its outcome ("Closed Won", 输单, --won-stage). */
static RefEntry *
resolve_outcome (JxImport   *self,
                 const char *text)
{
  int outcome = 0;
  RefEntry *stage;

  if (name_in (self->won_names, text))
    outcome = 1;
  else if (name_in (self->lost_names, text))
    outcome = 2;
  else
    outcome = jx_import_outcome_synonym (text);
  if (outcome == 0)
    return NULL;
  stage = outcome_stage (self, outcome);
  if (stage != NULL)
    {
      /* Remember the spelling so later rows find it at once. */
      RefEntry *alias = g_new0 (RefEntry, 1);

      *alias = *stage;
      alias->name = g_strdup (stage->name);
      g_hash_table_replace (self->maps[REF_STAGE], name_key (text), alias);
    }
  return stage;
}

static char *
suggest (JxImport   *self,
         RefKind     ref,
         const char *value)
{
  g_autofree char *fuzzy = jx_import_fuzzy_key (value);
  guint limit = MAX (1, (guint) g_utf8_strlen (fuzzy, -1) / 4);
  const char *best = NULL;
  guint best_distance = limit + 1;
  GHashTableIter iter;
  RefEntry *entry;
  guint n = 0;

  if (self->maps[ref] == NULL || *fuzzy == '\0')
    return NULL;
  g_hash_table_iter_init (&iter, self->maps[ref]);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry) &&
         n++ < MAX_SUGGESTION_CANDIDATES)
    {
      g_autofree char *other = jx_import_fuzzy_key (entry->name);
      guint d = g_str_equal (fuzzy, other) ? 0 : jx_import_edit_distance (fuzzy, other, limit);

      if (d < best_distance || (d == best_distance && best != NULL &&
                                g_strcmp0 (entry->name, best) < 0))
        {
          best_distance = d;
          best = entry->name;
        }
    }
  return best != NULL ? g_strdup (best) : NULL;
}

static Unknown *
note_unknown (JxImport   *self,
              RefKind     ref,
              guint       field,
              const char *text,
              const char *key,
              guint       line,
              gboolean    self_ref)
{
  g_autofree char *index_key = g_strdup_printf ("%d\x1f%s", ref, key);
  Unknown *unknown = g_hash_table_lookup (self->unknown_index, index_key);

  if (unknown == NULL)
    {
      unknown = g_new0 (Unknown, 1);
      unknown->pub.field = g_strdup (self->fields[field].name);
      unknown->pub.value = g_strdup (text);
      unknown->pub.first_line = line;
      unknown->pub.can_create = ref != REF_DEAL;
      unknown->pub.create = self->create_missing && unknown->pub.can_create;
      unknown->ref = ref;
      unknown->key = g_strdup (key);
      unknown->self_ref = self_ref;
      unknown->order = self->unknowns->len;
      g_ptr_array_add (self->unknowns, unknown);
      g_hash_table_insert (self->unknown_index, g_steal_pointer (&index_key), unknown);
    }
  /* Rows, not cells: a row that names a stage twice counts once. */
  if (line > 0 && unknown->last_line != line)
    unknown->pub.count++;
  unknown->last_line = line;
  return unknown;
}

/* ---------------------------------------------------------------- the object */

static void
jx_import_dispose (GObject *object)
{
  JxImport *self = (JxImport *) object;

  if (self->in_transaction)
    jx_import_rollback (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jx_import_parent_class)->dispose (object);
}

static void
jx_import_finalize (GObject *object)
{
  JxImport *self = (JxImport *) object;

  for (guint i = 0; i < N_REFS; i++)
    g_clear_pointer (&self->maps[i], g_hash_table_unref);
  g_clear_pointer (&self->unknown_index, g_hash_table_unref);
  g_clear_pointer (&self->unknowns, g_ptr_array_unref);
  g_clear_pointer (&self->entered, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->won_names, g_ptr_array_unref);
  g_clear_pointer (&self->lost_names, g_ptr_array_unref);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->summary, jx_import_summary_free);
  g_clear_pointer (&self->blank_counts, g_free);
  g_clear_pointer (&self->scratch, sqlite3_close);
  g_clear_pointer (&self->stage_by_id, g_hash_table_unref);
  g_clear_pointer (&self->manager_keys, g_hash_table_unref);
  g_free (self->default_plan);
  g_free (self->encoding_option);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->encoding);

  G_OBJECT_CLASS (jx_import_parent_class)->finalize (object);
}

static void
jx_import_class_init (JxImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_import_dispose;
  object_class->finalize = jx_import_finalize;
}

static void
jx_import_init (JxImport *self)
{
  self->won_names = g_ptr_array_new_with_free_func (g_free);
  self->lost_names = g_ptr_array_new_with_free_func (g_free);
  self->aliases = g_ptr_array_new_with_free_func (alias_free);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->entered = g_ptr_array_new_with_free_func (entered_free);
  self->unknown_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unknowns = g_ptr_array_new_with_free_func (unknown_free);
  self->manager_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reader_thread = TRUE;
  g_date_clear (&self->today, 1);
}

/**
 * jx_import_new:
 * @store: the database to import into
 * @kind: what the file holds
 *
 * Returns: (transfer full): a new import; set its options, then jx_import_open()
 */
JxImport *
jx_import_new (JxStore      *store,
               JxImportKind  kind)
{
  JxImport *self;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < JX_IMPORT_N_KINDS, NULL);

  self = g_object_new (JX_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->fields = jx_import_kind_get_fields (kind, &self->n_fields);
  self->extras = jx_import_kind_get_extras (kind);
  currency = jx_store_get_setting (store, "currency");
  self->digits = jx_currency_digits (currency);
  return self;
}

JxImportKind
jx_import_get_kind (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), 0);

  return self->kind;
}

/* %NULL (the default) detects UTF-8, UTF-16 with a byte order mark, or GB18030. */
void
jx_import_set_encoding (JxImport   *self,
                        const char *encoding)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  g_free (self->encoding_option);
  self->encoding_option = g_strdup (encoding);
}

void
jx_import_set_date_order (JxImport    *self,
                          JxDateOrder  order)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  self->date_order = order;
  self->validated = FALSE;
}

static void refresh_summary_unknowns (JxImport *self);

/* Creates every unknown name that can be created (customers, people, products, stages,
 * regions, types, lines, plans) instead of stopping the import. */
void
jx_import_set_create_missing (JxImport *self,
                              gboolean  create)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  self->create_missing = create;
  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];

      unknown->pub.create = create && unknown->pub.can_create;
    }
  refresh_summary_unknowns (self);
}

/* A stage name in the file that means won, besides Won, Closed Won, 赢单 and 成交. */
void
jx_import_add_won_stage (JxImport   *self,
                         const char *name)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  g_ptr_array_add (self->won_names, g_strdup (name));
  self->validated = FALSE;
}

/* A stage name in the file that means lost, besides Lost, Closed Lost, 输单 and 丢单. */
void
jx_import_add_lost_stage (JxImport   *self,
                          const char *name)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  g_ptr_array_add (self->lost_names, g_strdup (name));
  self->validated = FALSE;
}

/* The rows that names in @field's column refer to, when they may be aliased. */
static RefKind
alias_ref (JxImport   *self,
           const char *field)
{
  RefKind own = self->kind == JX_IMPORT_KIND_CUSTOMERS ? REF_CUSTOMER
              : self->kind == JX_IMPORT_KIND_TEAM ? REF_MEMBER
              : self->kind == JX_IMPORT_KIND_PRODUCTS ? REF_PRODUCT
              : REF_NONE;
  RefKind ref = REF_NONE;

  for (guint f = 0; f < self->n_fields; f++)
    if (g_str_equal (self->fields[f].name, field))
      ref = self->extras[f].ref;
  return ref == REF_DEAL || ref == own ? REF_NONE : ref;
}

/* Whether names in @field's column may be read as other names (jx_import_set_alias()). */
gboolean
jx_import_field_can_alias (JxImport   *self,
                           const char *field)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return alias_ref (self, field) != REF_NONE;
}

/**
 * jx_import_set_alias:
 * @self: a #JxImport
 * @field: the field whose column names it, such as "product"
 * @name: the name as the file writes it, such as "GTXPro"
 * @existing: (nullable): the existing name to read it as ("GTX Pro"), or %NULL to read
 *   @name as itself again
 * @error: return location for an error
 *
 * Reads a misspelt name as an existing one: what "did you mean" suggests, without editing
 * the file. Names of the rows the file itself holds (the customers of a customers file)
 * cannot be aliased, since the name is their key. Validate again afterwards.
 *
 * Returns: %FALSE when @field names no other rows
 */
gboolean
jx_import_set_alias (JxImport    *self,
                     const char  *field,
                     const char  *name,
                     const char  *existing,
                     GError     **error)
{
  g_autofree char *key = NULL;
  RefKind ref;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (field != NULL && name != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  ref = alias_ref (self, field);
  if (ref == REF_NONE)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BAD_OPTION,
                   _("Names in the column “%s” cannot be read as other names."), field);
      return FALSE;
    }

  key = name_key (name);
  for (guint i = 0; i < self->aliases->len; i++)
    {
      Alias *alias = self->aliases->pdata[i];

      if (alias->ref == ref && g_str_equal (alias->key, key))
        g_ptr_array_remove_index (self->aliases, i--);
    }
  if (existing != NULL)
    {
      Alias *alias = g_new0 (Alias, 1);

      alias->ref = ref;
      alias->key = g_steal_pointer (&key);
      alias->existing = g_strdup (existing);
      g_ptr_array_add (self->aliases, alias);
    }
  self->validated = FALSE;
  return TRUE;
}

/* The day recorded in a customer's tier history when an import changes the tier. Without
 * it, tiers are set without a history entry. */
void
jx_import_set_today (JxImport    *self,
                     const GDate *today)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

/* Whether the file is read in a thread of its own (the default) or in the thread that
 * validates and writes; tests compare the two. */
void
jx_import_set_reader_thread (JxImport *self,
                             gboolean  threaded)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  self->reader_thread = threaded;
}

/* ---------------------------------------------------------------- opening and mapping */

static char *
clean_cell (const char *raw)
{
  g_autofree char *text = jx_import_unescape_cell (raw);

  return g_strstrip (g_steal_pointer (&text));
}

static int
field_index (JxImport   *self,
             const char *name)
{
  for (guint f = 0; f < self->n_fields; f++)
    if (g_str_equal (self->fields[f].name, name))
      return f;
  return -1;
}

static int
field_from_header (JxImport   *self,
                   const char *header)
{
  g_autofree char *key = jx_import_normalize_header (header);
  int by_name;

  if (*key == '\0')
    return -1;
  /* The field's own name wins over synonyms of other fields ("name" in deals is a title,
   * but "ref" is the ref). */
  by_name = field_index (self, header);
  if (by_name >= 0)
    return by_name;
  for (guint f = 0; f < self->n_fields; f++)
    {
      g_auto(GStrv) synonyms = g_strsplit (self->extras[f].synonyms, "|", -1);

      for (guint s = 0; synonyms[s] != NULL; s++)
        if (g_str_equal (key, synonyms[s]))
          return f;
    }
  return -1;
}

static void
map_automatically (JxImport *self)
{
  gboolean taken[MAX_KIND_FIELDS] = { FALSE };

  for (guint c = 0; c < self->columns->len; c++)
    {
      JxImportColumn *column = self->columns->pdata[c];
      int f;

      g_clear_pointer (&column->field, g_free);
      column->automatic = FALSE;
      if (self->kind == JX_IMPORT_KIND_DEALS &&
          g_str_has_prefix (column->header, JX_IMPORT_ENTERED_PREFIX) &&
          column->header[strlen (JX_IMPORT_ENTERED_PREFIX)] != '\0')
        {
          column->field = g_strdup (column->header);
          column->automatic = TRUE;
          continue;
        }
      f = field_from_header (self, column->header);
      if (f >= 0 && !taken[f])
        {
          taken[f] = TRUE;
          column->field = g_strdup (self->fields[f].name);
          column->automatic = TRUE;
        }
    }
}

/**
 * jx_import_open:
 * @self: a #JxImport
 * @path: the CSV file
 * @error: return location for an error
 *
 * Reads the header and the first JX_IMPORT_N_PREVIEW rows, detects the encoding and the
 * separator, and maps columns to fields by their header names.
 *
 * Returns: %FALSE when the file cannot be read, is empty, binary or badly encoded
 */
gboolean
jx_import_open (JxImport     *self,
                const char   *path,
                GError      **error)
{
  g_autoptr(JxCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint n_columns;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->display_name);
  self->display_name = g_strdup (path);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->preview, 0);
  self->validated = FALSE;

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  self->file_size = info != NULL ? g_file_info_get_size (info) : 0;

  reader = jx_csv_reader_new_for_path (path, self->encoding_option, error);
  /* The reader's error names the file already. */
  if (reader == NULL)
    return FALSE;
  g_free (self->encoding);
  self->encoding = g_strdup (jx_csv_reader_get_encoding (reader));
  self->separator = jx_csv_reader_get_separator (reader);

  if (!jx_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_set_error (error, JX_IMPORT_ERROR, local_error->code, "%s:%u: %s", path,
                       jx_csv_reader_get_line (reader), local_error->message);
          return FALSE;
        }
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty. Choose a CSV file with a header row and data."),
                   path);
      return FALSE;
    }
  self->header_line = jx_csv_reader_get_line (reader);
  n_columns = jx_csv_reader_get_n_fields (reader);
  for (guint c = 0; c < n_columns; c++)
    {
      JxImportColumn *column = g_new0 (JxImportColumn, 1);

      column->header = clean_cell (jx_csv_reader_get_field (reader, c));
      column->samples = g_new0 (char *, JX_IMPORT_N_SAMPLES + 1);
      g_ptr_array_add (self->columns, column);
    }

  while (self->preview->len < JX_IMPORT_N_PREVIEW && jx_csv_reader_next (reader, &local_error))
    {
      guint n = jx_csv_reader_get_n_fields (reader);
      char **row = g_new0 (char *, n + 1);

      for (guint c = 0; c < n; c++)
        {
          row[c] = g_strdup (jx_csv_reader_get_field (reader, c));
          if (c < n_columns)
            {
              JxImportColumn *column = self->columns->pdata[c];
              g_autofree char *value = clean_cell (row[c]);
              guint k = 0;

              while (k < JX_IMPORT_N_SAMPLES && column->samples[k] != NULL)
                k++;
              if (k < JX_IMPORT_N_SAMPLES && *value != '\0')
                column->samples[k] = g_steal_pointer (&value);
            }
        }
      g_ptr_array_add (self->preview, row);
    }
  /* A broken row in the preview is reported by validation with the others. */
  g_clear_error (&local_error);

  map_automatically (self);
  return TRUE;
}

const char *
jx_import_get_encoding (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);

  return self->encoding;
}

char
jx_import_get_separator (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), ',');

  return self->separator;
}

guint
jx_import_get_n_columns (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), 0);

  return self->columns->len;
}

const JxImportColumn *
jx_import_get_column (JxImport *self,
                      guint     column)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return self->columns->pdata[column];
}

guint
jx_import_get_n_preview_rows (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), 0);

  return self->preview->len;
}

/* The raw cells of a preview row, as in the file. */
const char * const *
jx_import_get_preview_row (JxImport *self,
                           guint     row)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  return (const char * const *) self->preview->pdata[row];
}

/**
 * jx_import_list_field_choices:
 * @self: a #JxImport
 *
 * Returns: (transfer full): every field a column can be mapped to: the kind's fields and,
 *   for deals, "entered:STAGE" for each stage of the database
 */
char **
jx_import_list_field_choices (JxImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);

  for (guint f = 0; f < self->n_fields; f++)
    g_strv_builder_add (builder, self->fields[f].name);
  if (self->kind == JX_IMPORT_KIND_DEALS)
    {
      g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store,
                                                       "SELECT name FROM stages WHERE kind = 0 "
                                                       "ORDER BY position", NULL);

      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *choice = g_strconcat (JX_IMPORT_ENTERED_PREFIX,
                                                 jx_column_text (stmt, 0), NULL);
          g_strv_builder_add (builder, choice);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * jx_import_set_column_field:
 * @self: a #JxImport
 * @column: the column
 * @field: (nullable): a field of the kind, "entered:STAGE" for deals, or %NULL to ignore
 *   the column
 * @error: return location for an error
 *
 * Maps a column. A field mapped by another column is taken from it.
 */
gboolean
jx_import_set_column_field (JxImport    *self,
                            guint        column,
                            const char  *field,
                            GError     **error)
{
  JxImportColumn *col;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  col = self->columns->pdata[column];
  if (field != NULL && *field == '\0')
    field = NULL;
  if (field != NULL)
    {
      gboolean entered = self->kind == JX_IMPORT_KIND_DEALS &&
                         g_str_has_prefix (field, JX_IMPORT_ENTERED_PREFIX) &&
                         field[strlen (JX_IMPORT_ENTERED_PREFIX)] != '\0';

      if (!entered && field_index (self, field) < 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint f = 0; f < self->n_fields; f++)
            g_string_append_printf (names, "%s%s", f > 0 ? ", " : "", self->fields[f].name);
          if (self->kind == JX_IMPORT_KIND_DEALS)
            g_string_append (names, ", entered:STAGE");
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING,
                       _("“%s” is not a field of %s. The fields are: %s."), field,
                       jx_import_kind_to_string (self->kind), names->str);
          return FALSE;
        }
      for (guint c = 0; c < self->columns->len; c++)
        {
          JxImportColumn *other = self->columns->pdata[c];

          if (c != column && g_strcmp0 (other->field, field) == 0)
            g_clear_pointer (&other->field, g_free);
        }
    }
  g_free (col->field);
  col->field = g_strdup (field);
  col->automatic = FALSE;
  self->validated = FALSE;
  return TRUE;
}

/**
 * jx_import_apply_map:
 * @self: a #JxImport
 * @spec: "SRC=FIELD,SRC=FIELD…", where SRC is a header (or a 1-based column number) and
 *   FIELD a field name, "entered:STAGE", or empty to ignore the column
 * @error: return location for an error
 *
 * Applies `--map`.
 */
gboolean
jx_import_apply_map (JxImport    *self,
                     const char  *spec,
                     GError     **error)
{
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);

  if (spec == NULL)
    return TRUE;
  pairs = g_strsplit (spec, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *src = NULL;
      g_autofree char *field = NULL;
      int found = -1;
      guint64 number;

      if (g_strstrip (pairs[i])[0] == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING,
                       _("--map: “%s” is not SRC=FIELD."), pairs[i]);
          return FALSE;
        }
      src = g_strstrip (g_strndup (pairs[i], eq - pairs[i]));
      field = g_strstrip (g_strdup (eq + 1));
      for (guint c = 0; c < self->columns->len && found < 0; c++)
        if (g_strcmp0 (((JxImportColumn *) self->columns->pdata[c])->header, src) == 0)
          found = c;
      for (guint c = 0; c < self->columns->len && found < 0; c++)
        if (g_ascii_strcasecmp (((JxImportColumn *) self->columns->pdata[c])->header, src) == 0)
          found = c;
      if (found < 0 && g_ascii_string_to_unsigned (src, 10, 1, self->columns->len, &number, NULL))
        found = (int) number - 1;
      if (found < 0)
        {
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING,
                       _("--map: the file has no column “%s”."), src);
          return FALSE;
        }
      if (!jx_import_set_column_field (self, found, field, error))
        {
          g_prefix_error (error, "--map: ");
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------- passes */

/* Rows written by multi-row INSERTs: a statement per BATCH_ROWS rows instead of one per row
 * saves SQLite opening its cursors a million times in a bulk load. */
#define BATCH_ROWS 64

typedef struct {
  int         type;       /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
  gint64      number;     /* or, for a text, where it starts in the batch's strings */
} BatchValue;

typedef struct {
  sqlite3_stmt *full;
  sqlite3_stmt *one;
  guint         n_columns;
  guint         n_rows;
  /* Room for a full batch: n_columns * BATCH_ROWS values, n_values of them in use. */
  BatchValue   *values;
  guint         n_values;
  /* The texts of the batch's rows, each with its nul: the rows they come from are gone by
   * the time the batch is written. */
  GString      *strings;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->full, sqlite3_finalize);
  g_clear_pointer (&batch->one, sqlite3_finalize);
  g_free (batch->values);
  g_string_free (batch->strings, TRUE);
  g_free (batch);
}

/* @sql is "INSERT INTO t(a, b, c) VALUES " and @n_columns its number of columns. */
static Batch *
batch_new (JxStore     *store,
           const char  *sql,
           guint        n_columns,
           GError     **error)
{
  g_autoptr(GString) full = g_string_new (sql);
  g_autoptr(GString) one = g_string_new (sql);
  g_autoptr(GString) row = g_string_new ("(");
  Batch *batch = g_new0 (Batch, 1);

  for (guint c = 0; c < n_columns; c++)
    g_string_append (row, c > 0 ? ", ?" : "?");
  g_string_append_c (row, ')');
  for (guint r = 0; r < BATCH_ROWS; r++)
    g_string_append_printf (full, "%s%s", r > 0 ? ", " : "", row->str);
  g_string_append (one, row->str);
  batch->n_columns = n_columns;
  batch->values = g_new (BatchValue, n_columns * BATCH_ROWS);
  batch->strings = g_string_sized_new (4096);
  batch->full = jx_store_prepare (store, full->str, error);
  batch->one = batch->full != NULL ? jx_store_prepare (store, one->str, error) : NULL;
  if (batch->one == NULL)
    {
      batch_free (batch);
      return NULL;
    }
  return batch;
}

static void
batch_int (Batch  *batch,
           gint64  value)
{
  BatchValue v = { SQLITE_INTEGER, value };

  g_assert (batch->n_values < batch->n_columns * BATCH_ROWS);
  batch->values[batch->n_values++] = v;
}

/* An id, or NULL for 0 (NO_ID). */
static void
batch_id (Batch  *batch,
          gint64  id)
{
  BatchValue v = { id > 0 ? SQLITE_INTEGER : SQLITE_NULL, id };

  g_assert (batch->n_values < batch->n_columns * BATCH_ROWS);
  batch->values[batch->n_values++] = v;
}

/* A value, or NULL for NO_VALUE. */
static void
batch_value (Batch  *batch,
             gint64  value)
{
  BatchValue v = { value == G_MININT64 ? SQLITE_NULL : SQLITE_INTEGER, value };

  g_assert (batch->n_values < batch->n_columns * BATCH_ROWS);
  batch->values[batch->n_values++] = v;
}

static void
batch_text (Batch      *batch,
            const char *text)
{
  BatchValue v = { SQLITE_NULL, 0 };

  if (text != NULL)
    {
      v.type = SQLITE_TEXT;
      v.number = batch->strings->len;
      g_string_append_len (batch->strings, text, strlen (text) + 1);
    }
  g_assert (batch->n_values < batch->n_columns * BATCH_ROWS);
  batch->values[batch->n_values++] = v;
}

static gboolean
batch_flush (JxStore  *store,
             Batch    *batch,
             GError  **error)
{
  guint n = batch->n_values;
  guint at = 0;

  while (at < n)
    {
      sqlite3_stmt *stmt = n - at == batch->n_columns * BATCH_ROWS ? batch->full : batch->one;
      guint count = stmt == batch->full ? batch->n_columns * BATCH_ROWS : batch->n_columns;
      gboolean ok;

      for (guint i = 0; i < count; i++)
        {
          const BatchValue *v = &batch->values[at + i];

          if (v->type == SQLITE_INTEGER)
            sqlite3_bind_int64 (stmt, i + 1, v->number);
          else if (v->type == SQLITE_TEXT)
            sqlite3_bind_text (stmt, i + 1, batch->strings->str + v->number, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, i + 1);
        }
      /* Every parameter is bound again before the next step: no need to clear them. */
      ok = jx_store_step_done (store, stmt, error);
      if (!ok)
        return FALSE;
      at += count;
    }
  batch->n_values = 0;
  g_string_truncate (batch->strings, 0);
  batch->n_rows = 0;
  return TRUE;
}

/* Ends a row; writes the batch when it is full. */
static gboolean
batch_row_done (JxStore  *store,
                Batch    *batch,
                GError  **error)
{
  g_assert (batch->n_values % batch->n_columns == 0);
  if (++batch->n_rows < BATCH_ROWS)
    return TRUE;
  return batch_flush (store, batch, error);
}

/* Keys written to the scratch database by one statement. */
#define KEY_BATCH 64

typedef struct {
  JxImport       *self;
  JxImportReader *reader;
  gboolean        writing;
  /* The reader's thread looks up the names too, when nothing else touches the maps while
   * the file is read (writing deals). */
  gboolean        resolve_in_reader;
  guint           line;
  gboolean        row_failed;
  /* The cells of the current record: the fields of the kind, then the entered:STAGE
   * columns. They belong to the reader's batch. */
  Cell           *cells;
  Cell           *entered;
  GCancellable   *cancellable;
  JxImportProgressFunc progress;
  gpointer        progress_data;
  double          progress_from;
  double          progress_span;

  /* Statements of the scratch database. */
  sqlite3_stmt   *key_insert;
  sqlite3_stmt   *key_find;
  sqlite3_stmt   *keys_append;
  /* Keys larger than every key before them (a file sorted by its key), not yet written to
   * the scratch database: the texts with their nuls, and where each starts. */
  GString        *pending_keys;
  guint           pending_offsets[KEY_BATCH];
  guint           pending_lines[KEY_BATCH];
  guint           n_pending;
  GString        *max_key;      /* the largest key so far, or NULL before the first */
  sqlite3_stmt   *link_insert;

  /* Statements of the kind being imported, and what a bulk load dropped. */
  sqlite3_stmt   *st[12];
  GPtrArray      *index_sql;
  GHashTable     *set;
  gboolean        table_was_empty;
  gint64          next_deal_id;
  Batch          *deal_batch;
  Batch          *event_batch;
  GArray         *events;       /* Event, of the deal being written */
  GPtrArray      *strings;      /* texts the events and current values point to */
} Pass;

/* The header of a field's column, for messages. */
static const char *
field_header (JxImport *self,
              guint     field)
{
  int c = self->field_column[field];

  if (c < 0)
    return self->fields[field].name;
  return ((JxImportColumn *) self->columns->pdata[c])->header;
}

static const char *
column_header (Pass  *pass,
               guint  field)
{
  return field_header (pass->self, field);
}

/* An excerpt of a cell for a message. */
static char *
excerpt (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, 39);
    return g_strconcat (head, "…", NULL);
  }
}

static void
add_problem (JxImport   *self,
             guint       line,
             const char *message)
{
  self->summary->n_errors++;
  if (self->summary->errors->len < JX_IMPORT_MAX_ERRORS)
    {
      JxImportProblem *problem = g_new0 (JxImportProblem, 1);

      problem->line = line;
      problem->message = g_strdup (message);
      g_ptr_array_add (self->summary->errors, problem);
    }
}

static void row_error (Pass *pass, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
row_error (Pass       *pass,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  pass->row_failed = TRUE;
  if (pass->writing)
    return;
  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  add_problem (pass->self, pass->line, message);
}

/* ---------------------------------------------------------------- reading cells */

/* A record's blank optional fields are bits of a guint32. */
G_STATIC_ASSERT (MAX_KIND_FIELDS <= 32);

/* Converting one record, in the reader's thread: the import is only read, and problems go
 * with the record. */
typedef struct {
  JxImport       *self;
  JxImportBatch  *batch;
  JxImportRecord *record;
} Converting;

static void cell_error (Converting *cv, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
cell_error (Converting *cv,
            const char *format,
            ...)
{
  va_list ap;

  va_start (ap, format);
  jx_import_batch_add_message (cv->batch, cv->record, g_strdup_vprintf (format, ap));
  va_end (ap);
}

/* Trims a cell and undoes the formula escape of our exports, into the batch's text. */
static void
trim_cell (JxImportBatch *batch,
           const char    *raw,
           Cell          *cell)
{
  const char *start = raw;
  const char *end;

  if (start[0] == '\'' && jx_import_cell_needs_escape (start + 1))
    start++;
  while (*start == ' ' || *start == '\t' || *start == '\r' || *start == '\n')
    start++;
  /* Ideographic (E3 80 80) and no-break (C2 A0) spaces around a value, as Chinese
   * spreadsheets leave. Bytes are compared one by one: this runs on every cell. */
  while (((guchar) start[0] == 0xE3 && (guchar) start[1] == 0x80 && (guchar) start[2] == 0x80) ||
         ((guchar) start[0] == 0xC2 && (guchar) start[1] == 0xA0) || start[0] == ' ')
    start += start[0] == ' ' ? 1 : (guchar) start[0] == 0xC2 ? 2 : 3;
  end = start + strlen (start);
  for (;;)
    {
      if (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' ||
                          end[-1] == '\n'))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, "\xE3\x80\x80", 3) == 0)
        end -= 3;
      else if (end - start >= 2 && memcmp (end - 2, "\xC2\xA0", 2) == 0)
        end -= 2;
      else
        break;
    }
  cell->offset = jx_import_batch_add_text (batch, start, end - start);
  cell->blank = end == start;
}

static gboolean
check_length (Converting *cv,
              guint       field,
              const char *text)
{
  guint max = cv->self->extras[field].max_length;
  gsize bytes = strlen (text);

  if (bytes > max)
    {
      glong chars = g_utf8_strlen (text, bytes);

      if (chars > (glong) max)
        {
          cell_error (cv, _("column \"%s\": the value is %ld characters long (at most %u)"),
                      field_header (cv->self, field), chars, max);
          return FALSE;
        }
    }
  return TRUE;
}

static void
convert_date (Converting *cv,
              const char *header,
              Cell       *cell)
{
  if (!jx_import_parse_date (cell->text, cv->self->date_order, cell->date))
    {
      g_autofree char *value = excerpt (cell->text);

      cell_error (cv, _("column \"%s\": \"%s\" is not a date (expected %s)"), header, value,
                  jx_date_order_to_string (cv->self->date_order));
      cell->blank = TRUE;
    }
}

/* What is wrong with an amount or a count. */
static char *
amount_problem (const char     *header,
                const char     *text,
                JxAmountResult  result,
                gboolean        count)
{
  g_autofree char *value = excerpt (text);

  switch (result)
    {
    case JX_AMOUNT_NEGATIVE:
      return g_strdup_printf (_("column \"%s\": \"%s\" is negative; it must be 0 or more"),
                              header, value);
    case JX_AMOUNT_TOO_LARGE:
      return g_strdup_printf (_("column \"%s\": \"%s\" is too large"), header, value);
    case JX_AMOUNT_INVALID:
    case JX_AMOUNT_OK:
    case JX_AMOUNT_BLANK:
    default:
      if (count)
        return g_strdup_printf (_("column \"%s\": \"%s\" is not a whole number"), header, value);
      return g_strdup_printf (_("column \"%s\": \"%s\" is not an amount"), header, value);
    }
}

/* The row a name names, or NULL; then @key_out (if not NULL) gets the key it was looked up
 * by, to be freed. */
static RefEntry *
lookup_name (JxImport    *self,
             RefKind      ref,
             const char  *text,
             char       **key_out)
{
  char buf[256];
  g_autofree char *heap = NULL;
  const char *key = name_key_buf (text, buf, sizeof buf, &heap);
  RefEntry *entry = g_hash_table_lookup (self->maps[ref], key);

  if (entry == NULL && ref == REF_STAGE)
    entry = resolve_outcome (self, text);
  if (entry == NULL && key_out != NULL)
    *key_out = heap != NULL ? g_steal_pointer (&heap) : g_strdup (key);
  return entry;
}

/* Trims and converts the mapped cells of a record (a JxImportConvertFunc). It runs in the
 * reader's thread while the import's thread checks or writes earlier records, so it only
 * reads the import's mapping and options, which do not change during a pass. */
static void
convert_record (JxImportBatch  *batch,
                JxImportRecord *record,
                JxCsvReader    *csv,
                gpointer        user_data)
{
  Pass *pass = user_data;
  JxImport *self = pass->self;
  Converting cv = { self, batch, record };
  Cell *cells = record->cells;
  Cell *entered_cells = record->cells + self->n_fields;

  for (guint f = 0; f < self->n_fields; f++)
    {
      int c = self->field_column[f];

      if (c >= 0)
        trim_cell (batch, jx_csv_reader_get_field (csv, c), &cells[f]);
      else
        {
          cells[f].text = "";
          cells[f].blank = TRUE;
        }
    }
  for (guint e = 0; e < self->entered->len; e++)
    {
      EnteredColumn *entered = self->entered->pdata[e];

      trim_cell (batch, jx_csv_reader_get_field (csv, entered->column), &entered_cells[e]);
    }

  /* The batch's text does not move again until the next record. */
  for (guint f = 0; f < self->n_fields; f++)
    {
      Cell *cell = &cells[f];
      const FieldExtra *extra = &self->extras[f];
      const char *header;

      if (self->field_column[f] < 0)
        continue;
      cell->text = batch->text->str + cell->offset;
      if (cell->blank)
        {
          if (self->fields[f].required)
            cell_error (&cv, _("column \"%s\" is empty, but every row needs a value there"),
                        field_header (self, f));
          else
            record->blanks |= 1u << f;
          continue;
        }
      if (!check_length (&cv, f, cell->text))
        {
          cell->blank = TRUE;
          continue;
        }
      header = field_header (self, f);
      switch (extra->type)
        {
        case FT_DATE:
          convert_date (&cv, header, cell);
          break;
        case FT_AMOUNT:
          if (self->kind != JX_IMPORT_KIND_TARGETS)
            {
              JxAmountResult result = jx_import_parse_amount (cell->text, self->digits, &cell->num);

              if (result != JX_AMOUNT_OK)
                {
                  jx_import_batch_add_message (batch, record,
                                               amount_problem (header, cell->text, result, FALSE));
                  cell->blank = TRUE;
                }
            }
          break;
        case FT_COUNT:
          {
            JxAmountResult result = jx_import_parse_count (cell->text, &cell->num);

            if (result != JX_AMOUNT_OK)
              {
                jx_import_batch_add_message (batch, record,
                                             amount_problem (header, cell->text, result, TRUE));
                cell->blank = TRUE;
              }
          }
          break;
        case FT_BOOL:
          {
            gboolean value = FALSE;

            if (!jx_import_parse_bool (cell->text, &value))
              {
                g_autofree char *v = excerpt (cell->text);

                cell_error (&cv, _("column \"%s\": \"%s\" is not yes or no"), header, v);
                cell->blank = TRUE;
              }
            cell->num = value;
          }
          break;
        case FT_CHOICE:
          {
            const char *value = jx_import_choice_value (extra, cell->text);

            if (value == NULL)
              {
                g_autoptr(GString) options = g_string_new (NULL);
                g_auto(GStrv) parts = g_strsplit (extra->choices, ";", -1);
                g_autofree char *v = excerpt (cell->text);

                for (guint i = 0; parts[i] != NULL; i++)
                  {
                    char *eq = strchr (parts[i], '=');

                    if (eq != NULL)
                      *eq = '\0';
                    g_string_append_printf (options, "%s%s", i > 0 ? ", " : "", parts[i]);
                  }
                cell_error (&cv, _("column \"%s\": \"%s\" is not one of %s"), header, v,
                            options->str);
                cell->blank = TRUE;
              }
            else
              {
                /* An interned string, which stays where it is. */
                cell->text = value;
                cell->offset = G_MAXUINT;
              }
          }
          break;
        case FT_TEXT:
        case FT_KEY:
        case FT_REF:
        case FT_PERIOD:
        default:
          break;
        }
    }

  for (guint e = 0; e < self->entered->len; e++)
    {
      EnteredColumn *entered = self->entered->pdata[e];
      Cell *cell = &entered_cells[e];
      const char *header = ((JxImportColumn *) self->columns->pdata[entered->column])->header;

      cell->text = batch->text->str + cell->offset;
      if (cell->blank)
        continue;
      if (strlen (cell->text) > 40)
        {
          cell_error (&cv, _("column \"%s\": the value is %ld characters long (at most %u)"),
                      header, g_utf8_strlen (cell->text, -1), 40);
          cell->blank = TRUE;
          continue;
        }
      convert_date (&cv, header, cell);
    }

  if (pass->resolve_in_reader)
    for (guint f = 0; f < self->n_fields; f++)
      if (self->extras[f].ref != REF_NONE && !cells[f].blank)
        {
          cells[f].ref = lookup_name (self, self->extras[f].ref, cells[f].text, NULL);
          /* The id goes with the cell: this thread has the entry in its cache, and reading
           * it through the entry in the writing thread cost a cache miss per cell. */
          if (cells[f].ref != NULL)
            cells[f].num = cells[f].ref->id;
        }
}

/* Makes a record read by the reader the current one, in the import's thread: its problems
 * and blank cells are counted, and the entered:STAGE cells get their stages. */
static void
take_record (Pass           *pass,
             JxImportRecord *record)
{
  JxImport *self = pass->self;

  pass->cells = record->cells;
  pass->entered = record->cells + self->n_fields;
  for (guint i = 0; i < record->n_messages; i++)
    {
      pass->row_failed = TRUE;
      if (!pass->writing)
        add_problem (self, pass->line, record->messages[i]);
    }
  if (!pass->writing && record->blanks != 0)
    for (guint f = 0; f < self->n_fields; f++)
      if (record->blanks & (1u << f))
        self->blank_counts[f]++;

  for (guint e = 0; e < self->entered->len; e++)
    {
      EnteredColumn *entered = self->entered->pdata[e];
      Cell *cell = &pass->entered[e];

      cell->ref = entered->stage;
      if (!pass->writing && entered->unknown != NULL && !cell->blank)
        {
          if (entered->unknown->last_line != pass->line)
            entered->unknown->pub.count++;
          entered->unknown->last_line = pass->line;
          if (entered->unknown->pub.first_line == 0 ||
              entered->unknown->pub.first_line == self->header_line)
            entered->unknown->pub.first_line = pass->line;
        }
    }
}

/* Resolves a name cell to a row, noting an unknown name in the first pass. */
static RefEntry *
resolve_cell (Pass     *pass,
              guint     field,
              gboolean  self_ref)
{
  JxImport *self = pass->self;
  Cell *cell = &pass->cells[field];
  RefKind ref = self->extras[field].ref;
  g_autofree char *key = NULL;
  RefEntry *entry;

  if (cell->blank)
    return NULL;
  if (pass->resolve_in_reader)
    return cell->ref;
  entry = lookup_name (self, ref, cell->text, pass->writing ? NULL : &key);
  if (entry == NULL && !pass->writing)
    {
      note_unknown (self, ref, field, cell->text, key, pass->line, self_ref);
      if (ref == REF_STAGE)
        return NULL;
    }
  if (entry != NULL && ref == REF_STAGE && entry->kind == 0 && !pass->writing)
    self->anchor_position = MAX (self->anchor_position, entry->position);
  cell->ref = entry;
  return entry;
}

/* Writes the pending keys to the scratch database. They are all new. */
static void
flush_keys (Pass *pass)
{
  if (pass->n_pending == KEY_BATCH)
    {
      for (guint i = 0; i < KEY_BATCH; i++)
        {
          sqlite3_bind_text (pass->keys_append, 2 * i + 1,
                             pass->pending_keys->str + pass->pending_offsets[i], -1, SQLITE_STATIC);
          sqlite3_bind_int (pass->keys_append, 2 * i + 2, (int) pass->pending_lines[i]);
        }
      if (sqlite3_step (pass->keys_append) == SQLITE_DONE)
        pass->n_pending = 0;
      sqlite3_reset (pass->keys_append);
    }
  /* A part of a batch, or a batch that failed: one by one. */
  for (guint i = 0; i < pass->n_pending; i++)
    {
      sqlite3_bind_text (pass->key_insert, 1, pass->pending_keys->str + pass->pending_offsets[i],
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (pass->key_insert, 2, (int) pass->pending_lines[i]);
      sqlite3_step (pass->key_insert);
      sqlite3_reset (pass->key_insert);
    }
  pass->n_pending = 0;
  g_string_truncate (pass->pending_keys, 0);
}

/* Adds a key to the scratch database; FALSE and the line of the first row when it is
 * there already. */
static gboolean
remember_key (Pass       *pass,
              const char *key,
              guint      *first_line)
{
  int rc;

  /* A key larger than every key so far is new. Exports sorted by their key are common,
   * and such keys are written KEY_BATCH at a time: a statement per row cost most of the
   * check of a million rows. */
  if (pass->max_key == NULL || strcmp (key, pass->max_key->str) > 0)
    {
      if (pass->max_key == NULL)
        pass->max_key = g_string_new (key);
      else
        g_string_assign (pass->max_key, key);
      pass->pending_offsets[pass->n_pending] = pass->pending_keys->len;
      pass->pending_lines[pass->n_pending] = pass->line;
      g_string_append_len (pass->pending_keys, key, strlen (key) + 1);
      if (++pass->n_pending == KEY_BATCH)
        flush_keys (pass);
      return TRUE;
    }
  flush_keys (pass);
  sqlite3_bind_text (pass->key_insert, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (pass->key_insert, 2, (int) pass->line);
  rc = sqlite3_step (pass->key_insert);
  sqlite3_reset (pass->key_insert);
  if (rc == SQLITE_DONE && sqlite3_changes (pass->self->scratch) > 0)
    return TRUE;
  sqlite3_bind_text (pass->key_find, 1, key, -1, SQLITE_STATIC);
  *first_line = sqlite3_step (pass->key_find) == SQLITE_ROW ? sqlite3_column_int (pass->key_find, 0) : 0;
  sqlite3_reset (pass->key_find);
  return FALSE;
}

static gboolean
key_known (Pass       *pass,
           const char *key)
{
  gboolean found;

  flush_keys (pass);
  sqlite3_bind_text (pass->key_find, 1, key, -1, SQLITE_STATIC);
  found = sqlite3_step (pass->key_find) == SQLITE_ROW;
  sqlite3_reset (pass->key_find);
  return found;
}

static void
check_unique_key (Pass       *pass,
                  guint       field,
                  const char *key)
{
  guint first = 0;

  if (!remember_key (pass, key, &first))
    {
      g_autofree char *value = excerpt (pass->cells[field].text);

      row_error (pass, _("column \"%s\": \"%s\" appears again (first on line %u); each row "
                         "needs its own"), column_header (pass, field), value, first);
    }
}

/* Checks that the row's name in @field is its own in the file; returns the name's key, or
 * %NULL when the cell is blank. */
static char *
check_unique_name (Pass  *pass,
                   guint  field)
{
  char *key;

  if (pass->cells[field].blank)
    return NULL;
  key = name_key (pass->cells[field].text);
  check_unique_key (pass, field, key);
  return key;
}

/* Resolves @field, which names another row of the file's own kind (a customer's parent, a
 * member's manager) and cannot name the row itself (@key). Returns the key of the name it
 * holds, or %NULL when the cell is blank. */
static char *
resolve_self_ref (Pass       *pass,
                  guint       field,
                  const char *key)
{
  char *ref;

  if (pass->cells[field].blank)
    return NULL;
  ref = name_key (pass->cells[field].text);
  if (key == NULL || !g_str_equal (ref, key))
    resolve_cell (pass, field, TRUE);
  else if (pass->self->kind == JX_IMPORT_KIND_TEAM)
    row_error (pass, _("column \"%s\": a person cannot be their own manager"),
               column_header (pass, field));
  else
    row_error (pass, _("column \"%s\": a customer cannot be its own parent"),
               column_header (pass, field));
  return ref;
}

/* ---------------------------------------------------------------- values */

#define NO_ID    G_GINT64_CONSTANT (0)
#define NO_VALUE G_MININT64

static gint64
col_int (sqlite3_stmt *stmt,
         int           col)
{
  return jx_column_int64_or (stmt, col, NO_VALUE);
}

static gint64
col_id (sqlite3_stmt *stmt,
        int           col)
{
  return jx_column_int64_or (stmt, col, NO_ID);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           idx,
            gint64        value)
{
  if (value == NO_VALUE)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, value);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

/* A cell's value, or the current one when its column is not mapped (so a file without a
 * "notes" column leaves the notes alone). */
static gboolean
mapped (Pass  *pass,
        guint  field)
{
  return pass->self->field_column[field] >= 0;
}

static gint64
cell_id (Pass   *pass,
         guint   field,
         gint64  current)
{
  Cell *cell = &pass->cells[field];

  if (!mapped (pass, field))
    return current;
  if (cell->blank || cell->ref == NULL)
    return NO_ID;
  /* The reader's thread put the id next to the cell (see convert_record()). */
  return pass->resolve_in_reader ? cell->num : cell->ref->id;
}

static gint64
cell_num (Pass   *pass,
          guint   field,
          gint64  current)
{
  Cell *cell = &pass->cells[field];

  if (!mapped (pass, field))
    return current;
  return cell->blank ? NO_VALUE : cell->num;
}

static const char *
cell_date (Pass       *pass,
           guint       field,
           const char *current)
{
  Cell *cell = &pass->cells[field];

  if (!mapped (pass, field))
    return current;
  return cell->blank ? NULL : cell->date;
}

/* Free text: a blank cell is the empty string (the columns are NOT NULL DEFAULT ''). */
static const char *
cell_text (Pass       *pass,
           guint       field,
           const char *current)
{
  if (!mapped (pass, field))
    return current != NULL ? current : "";
  return pass->cells[field].text;
}

static const char *
cell_text_or_null (Pass       *pass,
                   guint       field,
                   const char *current)
{
  if (!mapped (pass, field))
    return current;
  return pass->cells[field].blank ? NULL : pass->cells[field].text;
}

static gboolean
step (JxImport      *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  gboolean ok = jx_store_step_done (self->store, stmt, error);

  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
prepare_all (Pass         *pass,
             const char  **sql,
             guint         n,
             GError      **error)
{
  g_assert (n <= G_N_ELEMENTS (pass->st));
  for (guint i = 0; i < n; i++)
    {
      pass->st[i] = jx_store_prepare (pass->self->store, sql[i], error);
      if (pass->st[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
count_row (JxImport *self,
           gboolean  existed,
           gboolean  changed)
{
  if (!existed)
    self->summary->n_new++;
  else if (changed)
    self->summary->n_updated++;
  else
    self->summary->n_unchanged++;
}

static void
note_created (JxImport   *self,
              const char *field,
              const char *name)
{
  JxImportCreated *created = g_new0 (JxImportCreated, 1);

  created->field = g_strdup (field);
  created->name = g_strdup (name);
  g_ptr_array_add (self->summary->created, created);
}

static gboolean
insert_name (JxImport    *self,
             const char  *sql,
             const char  *name,
             gint64      *id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!jx_store_step_done (self->store, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (jx_store_get_db (self->store));
  return TRUE;
}

/* ---------------------------------------------------------------- stages */

static void
index_stages (JxImport *self)
{
  GHashTableIter iter;
  RefEntry *entry;

  if (self->stage_by_id == NULL)
    self->stage_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_remove_all (self->stage_by_id);
  self->max_open_position = 0;
  if (self->maps[REF_STAGE] == NULL)
    return;
  g_hash_table_iter_init (&iter, self->maps[REF_STAGE]);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (!g_hash_table_contains (self->stage_by_id, &entry->id))
        g_hash_table_insert (self->stage_by_id, &entry->id, entry);
      if (entry->kind == 0)
        self->max_open_position = MAX (self->max_open_position, entry->position);
    }
}

/* Resolves the stages named by entered:STAGE columns. */
static gboolean
prepare_entered_stages (JxImport *self)
{
  if (self->maps[REF_STAGE] == NULL)
    return TRUE;
  index_stages (self);
  for (guint e = 0; e < self->entered->len; e++)
    {
      EnteredColumn *entered = self->entered->pdata[e];
      g_autofree char *key = name_key (entered->stage_name);

      entered->stage = g_hash_table_lookup (self->maps[REF_STAGE], key);
      entered->unknown = NULL;
      if (entered->stage == NULL && !self->validated && !self->in_transaction)
        entered->unknown = note_unknown (self, REF_STAGE, D_STAGE, entered->stage_name, key, 0,
                                         FALSE);
      else if (entered->stage != NULL && entered->stage->kind == 0 && !self->in_transaction)
        self->anchor_position = MAX (self->anchor_position, entered->stage->position);
    }
  return TRUE;
}

/* The win probability of the open stage at @position (after the stages behind it were
 * moved up), or @fallback when there is none. */
static int
open_stage_probability (JxImport   *self,
                        const char *sql,
                        int         position,
                        int         fallback)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store, sql, NULL);

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int (stmt, 1, position);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : fallback;
}

/* New open stages go right after the last existing open stage the file names (the funnel
 * "Prospecting > Engaging > Won" keeps its order), in the order the file names them. Their
 * win probability lies evenly between the stages around them (Prospecting 10% > Engaging
 * 17% > Qualified 25%), so the weighted pipeline counts their deals until the manager sets
 * it in the stages editor. */
static gboolean
create_stages (JxImport  *self,
               GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) shift = NULL;
  g_autoptr(sqlite3_stmt) shift_deals = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int anchor, before, after;

  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];

      if (unknown->ref == REF_STAGE && unknown->pub.create && unknown->pub.count > 0)
        g_ptr_array_add (names, unknown);
    }
  if (names->len == 0)
    return TRUE;

  index_stages (self);
  anchor = self->anchor_position > 0 ? self->anchor_position : self->max_open_position;
  shift = jx_store_prepare (self->store,
                            "UPDATE stages SET position = position + ?1 WHERE position > ?2", error);
  shift_deals = jx_store_prepare (self->store,
                                  "UPDATE deals SET furthest_position = furthest_position + ?1 "
                                  "WHERE furthest_position > ?2", error);
  insert = jx_store_prepare (self->store,
                             "INSERT INTO stages(name, kind, position, probability) "
                             "VALUES (?1, 0, ?2, ?3)", error);
  if (shift == NULL || shift_deals == NULL || insert == NULL)
    return FALSE;
  sqlite3_bind_int (shift, 1, names->len);
  sqlite3_bind_int (shift, 2, anchor);
  sqlite3_bind_int (shift_deals, 1, names->len);
  sqlite3_bind_int (shift_deals, 2, anchor);
  if (!jx_store_step_done (self->store, shift, error) ||
      !jx_store_step_done (self->store, shift_deals, error))
    return FALSE;
  before = open_stage_probability (self, "SELECT probability FROM stages WHERE kind = 0 AND "
                                   "position <= ?1 ORDER BY position DESC LIMIT 1", anchor, 0);
  after = open_stage_probability (self, "SELECT probability FROM stages WHERE kind = 0 AND "
                                  "position > ?1 ORDER BY position LIMIT 1",
                                  anchor + (int) names->len, 100);
  after = MAX (after, before);
  for (guint i = 0; i < names->len; i++)
    {
      Unknown *unknown = names->pdata[i];

      sqlite3_bind_text (insert, 1, unknown->pub.value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 2, anchor + 1 + i);
      sqlite3_bind_int (insert, 3, before + (after - before) * (int) (i + 1) / (int) (names->len + 1));
      if (!jx_store_step_done (self->store, insert, error))
        return FALSE;
      note_created (self, "stage", unknown->pub.value);
    }
  return load_map (self, REF_STAGE, error);
}

/* Creates the unknown names the user chose to create. */
static gboolean
create_missing (JxImport  *self,
                GError   **error)
{
  if (!create_stages (self, error))
    return FALSE;
  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];
      const char *sql = NULL;
      const char *what = NULL;
      gint64 id = 0;

      if (!unknown->pub.create || unknown->resolved_in_file || unknown->pub.count == 0 ||
          unknown->ref == REF_STAGE)
        continue;
      if (g_hash_table_lookup (self->maps[unknown->ref], unknown->key) != NULL)
        continue;
      switch (unknown->ref)
        {
        case REF_CUSTOMER:
          sql = "INSERT INTO customers(name) VALUES (?)";
          what = "customer";
          break;
        case REF_MEMBER:
          sql = g_str_equal (unknown->pub.field, "manager")
                  ? "INSERT INTO team_members(name, is_manager) VALUES (?, 1)"
                  : "INSERT INTO team_members(name) VALUES (?)";
          what = "member";
          break;
        case REF_PRODUCT:
          sql = "INSERT INTO products(name) VALUES (?)";
          what = "product";
          break;
        case REF_REGION:
          sql = "INSERT INTO regions(name) VALUES (?)";
          what = "region";
          break;
        case REF_TYPE:
          sql = "INSERT INTO customer_types(name) VALUES (?)";
          what = "customer_type";
          break;
        case REF_LINE:
          sql = "INSERT INTO product_lines(name) VALUES (?)";
          what = "product_line";
          break;
        case REF_PLAN:
          sql = "INSERT INTO target_plans(name, active) VALUES (?, NOT EXISTS "
                "(SELECT 1 FROM target_plans WHERE active = 1))";
          what = "plan";
          break;
        case REF_STAGE:
        case REF_DEAL:
        case REF_NONE:
        case N_REFS:
        default:
          continue;
        }
      if (!insert_name (self, sql, unknown->pub.value, &id, error))
        return FALSE;
      map_add (self, unknown->ref, id, unknown->pub.value, 0, 0);
      note_created (self, what, unknown->pub.value);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- customers */

static gboolean
validate_customer (Pass    *pass,
                   GError **error)
{
  g_autofree char *key = check_unique_name (pass, C_NAME);

  resolve_cell (pass, C_TYPE, FALSE);
  resolve_cell (pass, C_REGION, FALSE);
  resolve_cell (pass, C_OWNER, FALSE);
  g_free (resolve_self_ref (pass, C_PARENT, key));
  return TRUE;
}

/* Names that a later row of the file provides are not unknown. */
static void
resolve_self_refs (Pass *pass)
{
  for (guint i = 0; i < pass->self->unknowns->len; i++)
    {
      Unknown *unknown = pass->self->unknowns->pdata[i];

      if (unknown->self_ref && key_known (pass, unknown->key))
        unknown->resolved_in_file = TRUE;
    }
}

static gboolean
defer_link (Pass        *pass,
            gint64       child,
            const char  *text,
            GError     **error)
{
  g_autofree char *key = name_key (text);

  sqlite3_bind_int64 (pass->link_insert, 1, child);
  sqlite3_bind_text (pass->link_insert, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (pass->link_insert, 3, (int) pass->line);
  if (sqlite3_step (pass->link_insert) != SQLITE_DONE)
    {
      sqlite3_reset (pass->link_insert);
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                   _("Could not write a temporary file for the import: %s"),
                   sqlite3_errmsg (pass->self->scratch));
      return FALSE;
    }
  sqlite3_reset (pass->link_insert);
  return TRUE;
}

/* Sets the links (parent company, manager) to rows that came later in the file. */
static gboolean
apply_links (Pass        *pass,
             RefKind      ref,
             const char  *sql,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(sqlite3_stmt) update = jx_store_prepare (pass->self->store, sql, error);
  int rc;

  if (update == NULL)
    return FALSE;
  sqlite3_prepare_v2 (pass->self->scratch, "SELECT child, key FROM links", -1, &links, NULL);
  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      RefEntry *entry = g_hash_table_lookup (pass->self->maps[ref], jx_column_text (links, 1));

      g_assert (entry != NULL);
      sqlite3_bind_int64 (update, 1, entry->id);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (links, 0));
      if (!step (pass->self, update, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
start_customers (Pass    *pass,
                 GError **error)
{
  const char *sql[] = {
    "SELECT id, type_id, region_id, owner_id, parent_id, annual_revenue, tier, created, notes "
    "FROM customers WHERE name = ?1",
    "INSERT INTO customers(name, type_id, region_id, owner_id, parent_id, annual_revenue, tier, "
    "tier_manual, created, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 IS NOT NULL, ?9, ?10)",
    "UPDATE customers SET type_id = ?2, region_id = ?3, owner_id = ?4, parent_id = ?5, "
    "annual_revenue = ?6, tier = ?7, tier_manual = CASE WHEN ?8 THEN 1 ELSE tier_manual END, "
    "created = ?9, notes = ?10 WHERE id = ?1",
    "INSERT INTO tier_history(customer_id, changed_on, from_tier, to_tier, source) "
    "VALUES (?1, ?2, ?3, ?4, 'import')",
  };

  return prepare_all (pass, sql, G_N_ELEMENTS (sql), error);
}

static gboolean
write_customer (Pass    *pass,
                GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  sqlite3_stmt *find = pass->st[0];
  gboolean existed;
  gint64 id = 0;
  gint64 type_id = NO_ID, region_id = NO_ID, owner_id = NO_ID, parent_id = NO_ID, revenue = NO_VALUE;
  g_autofree char *tier = NULL, *created = NULL, *notes = NULL;
  gint64 new_type, new_region, new_owner, new_parent, new_revenue;
  const char *new_tier, *new_created, *new_notes;
  gboolean defer = FALSE;
  gboolean changed;

  sqlite3_bind_text (find, 1, c[C_NAME].text, -1, SQLITE_STATIC);
  existed = sqlite3_step (find) == SQLITE_ROW;
  if (existed)
    {
      id = sqlite3_column_int64 (find, 0);
      type_id = col_id (find, 1);
      region_id = col_id (find, 2);
      owner_id = col_id (find, 3);
      parent_id = col_id (find, 4);
      revenue = col_int (find, 5);
      tier = g_strdup (jx_column_text (find, 6));
      created = g_strdup (jx_column_text (find, 7));
      notes = g_strdup (jx_column_text (find, 8));
    }
  sqlite3_reset (find);

  resolve_cell (pass, C_TYPE, FALSE);
  resolve_cell (pass, C_REGION, FALSE);
  resolve_cell (pass, C_OWNER, FALSE);
  new_type = cell_id (pass, C_TYPE, type_id);
  new_region = cell_id (pass, C_REGION, region_id);
  new_owner = cell_id (pass, C_OWNER, owner_id);
  new_revenue = cell_num (pass, C_REVENUE, revenue);
  new_tier = cell_text_or_null (pass, C_TIER, tier);
  new_created = cell_date (pass, C_CREATED, created);
  new_notes = cell_text (pass, C_NOTES, notes);
  new_parent = parent_id;
  if (mapped (pass, C_PARENT))
    {
      new_parent = NO_ID;
      if (!c[C_PARENT].blank)
        {
          RefEntry *parent = resolve_cell (pass, C_PARENT, TRUE);

          if (parent != NULL)
            new_parent = parent->id;
          else
            defer = TRUE;
        }
    }

  changed = !existed || defer || new_type != type_id || new_region != region_id ||
            new_owner != owner_id || new_parent != parent_id || new_revenue != revenue ||
            g_strcmp0 (new_tier, tier) != 0 || g_strcmp0 (new_created, created) != 0 ||
            g_strcmp0 (new_notes, notes) != 0;
  count_row (self, existed, changed);
  if (!changed)
    return TRUE;

  {
    sqlite3_stmt *write = existed ? pass->st[2] : pass->st[1];

    if (existed)
      sqlite3_bind_int64 (write, 1, id);
    else
      sqlite3_bind_text (write, 1, c[C_NAME].text, -1, SQLITE_TRANSIENT);
    jx_bind_id_or_null (write, 2, new_type);
    jx_bind_id_or_null (write, 3, new_region);
    jx_bind_id_or_null (write, 4, new_owner);
    jx_bind_id_or_null (write, 5, new_parent);
    bind_value (write, 6, new_revenue);
    bind_text (write, 7, new_tier);
    if (existed)
      sqlite3_bind_int (write, 8, g_strcmp0 (new_tier, tier) != 0 && new_tier != NULL);
    else
      bind_text (write, 8, new_tier);
    bind_text (write, 9, new_created);
    bind_text (write, 10, new_notes);
    if (!step (self, write, error))
      return FALSE;
    if (!existed)
      {
        id = sqlite3_last_insert_rowid (jx_store_get_db (self->store));
        map_add (self, REF_CUSTOMER, id, c[C_NAME].text, 0, 0);
      }
  }
  if (g_strcmp0 (new_tier, tier) != 0 && g_date_valid (&self->today))
    {
      char today[11];

      jx_date_to_iso_buf (&self->today, today);
      sqlite3_bind_int64 (pass->st[3], 1, id);
      sqlite3_bind_text (pass->st[3], 2, today, -1, SQLITE_TRANSIENT);
      bind_text (pass->st[3], 3, tier);
      bind_text (pass->st[3], 4, new_tier);
      if (!step (self, pass->st[3], error))
        return FALSE;
    }
  if (defer)
    return defer_link (pass, id, c[C_PARENT].text, error);
  return TRUE;
}

static gboolean
finish_customers (Pass    *pass,
                  GError **error)
{
  return apply_links (pass, REF_CUSTOMER, "UPDATE customers SET parent_id = ?1 WHERE id = ?2",
                      error);
}

/* ---------------------------------------------------------------- products */

static gboolean
validate_product (Pass    *pass,
                  GError **error)
{
  g_free (check_unique_name (pass, P_NAME));
  resolve_cell (pass, P_LINE, FALSE);
  return TRUE;
}

static gboolean
start_products (Pass    *pass,
                GError **error)
{
  const char *sql[] = {
    "SELECT id, line_id, list_price FROM products WHERE name = ?1",
    "INSERT INTO products(name, line_id, list_price) VALUES (?1, ?2, ?3)",
    "UPDATE products SET line_id = ?2, list_price = ?3 WHERE id = ?1",
  };

  return prepare_all (pass, sql, G_N_ELEMENTS (sql), error);
}

static gboolean
write_product (Pass    *pass,
               GError **error)
{
  sqlite3_stmt *find = pass->st[0];
  gboolean existed;
  gint64 id = 0, line = NO_ID, price = NO_VALUE, new_line, new_price;
  sqlite3_stmt *write;

  sqlite3_bind_text (find, 1, pass->cells[P_NAME].text, -1, SQLITE_STATIC);
  existed = sqlite3_step (find) == SQLITE_ROW;
  if (existed)
    {
      id = sqlite3_column_int64 (find, 0);
      line = col_id (find, 1);
      price = col_int (find, 2);
    }
  sqlite3_reset (find);
  resolve_cell (pass, P_LINE, FALSE);
  new_line = cell_id (pass, P_LINE, line);
  new_price = cell_num (pass, P_PRICE, price);
  count_row (pass->self, existed, new_line != line || new_price != price);
  if (existed && new_line == line && new_price == price)
    return TRUE;

  write = existed ? pass->st[2] : pass->st[1];
  if (existed)
    sqlite3_bind_int64 (write, 1, id);
  else
    sqlite3_bind_text (write, 1, pass->cells[P_NAME].text, -1, SQLITE_TRANSIENT);
  jx_bind_id_or_null (write, 2, new_line);
  bind_value (write, 3, new_price);
  if (!step (pass->self, write, error))
    return FALSE;
  if (!existed)
    map_add (pass->self, REF_PRODUCT, sqlite3_last_insert_rowid (jx_store_get_db (pass->self->store)),
             pass->cells[P_NAME].text, 0, 0);
  return TRUE;
}

/* ---------------------------------------------------------------- team */

static gboolean
validate_member (Pass    *pass,
                 GError **error)
{
  g_autofree char *key = check_unique_name (pass, T_NAME);
  char *manager;

  resolve_cell (pass, T_REGION, FALSE);
  manager = resolve_self_ref (pass, T_MANAGER, key);
  if (manager != NULL)
    g_hash_table_add (pass->self->manager_keys, manager);
  return TRUE;
}

static gboolean
start_team (Pass    *pass,
            GError **error)
{
  const char *sql[] = {
    "SELECT id, role, is_manager, manager_id, region_id, capacity_hours, active "
    "FROM team_members WHERE name = ?1",
    "INSERT INTO team_members(name, role, is_manager, manager_id, region_id, capacity_hours, "
    "active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "UPDATE team_members SET role = ?2, is_manager = ?3, manager_id = ?4, region_id = ?5, "
    "capacity_hours = ?6, active = ?7 WHERE id = ?1",
  };

  pass->set = g_hash_table_new (g_int64_hash, g_int64_equal);
  return prepare_all (pass, sql, G_N_ELEMENTS (sql), error);
}

static gboolean
write_member (Pass    *pass,
              GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  sqlite3_stmt *find = pass->st[0];
  gboolean existed, changed, defer = FALSE;
  gint64 id = 0, is_manager = 0, manager = NO_ID, region = NO_ID, capacity = NO_VALUE, active = 1;
  gint64 new_is_manager, new_manager, new_region, new_capacity, new_active;
  g_autofree char *role = NULL;
  g_autofree char *key = name_key (c[T_NAME].text);
  const char *new_role;
  sqlite3_stmt *write;

  sqlite3_bind_text (find, 1, c[T_NAME].text, -1, SQLITE_STATIC);
  existed = sqlite3_step (find) == SQLITE_ROW;
  if (existed)
    {
      id = sqlite3_column_int64 (find, 0);
      role = g_strdup (jx_column_text (find, 1));
      is_manager = sqlite3_column_int64 (find, 2);
      manager = col_id (find, 3);
      region = col_id (find, 4);
      capacity = col_int (find, 5);
      active = sqlite3_column_int64 (find, 6);
    }
  sqlite3_reset (find);

  resolve_cell (pass, T_REGION, FALSE);
  new_role = cell_text (pass, T_ROLE, role);
  new_region = cell_id (pass, T_REGION, region);
  new_capacity = cell_num (pass, T_CAPACITY, capacity);
  new_active = mapped (pass, T_ACTIVE) && !c[T_ACTIVE].blank ? c[T_ACTIVE].num : active;
  new_is_manager = mapped (pass, T_IS_MANAGER) && !c[T_IS_MANAGER].blank ? c[T_IS_MANAGER].num
                   : (g_hash_table_contains (self->manager_keys, key) ? 1 : is_manager);
  new_manager = manager;
  if (mapped (pass, T_MANAGER))
    {
      new_manager = NO_ID;
      if (!c[T_MANAGER].blank)
        {
          RefEntry *entry = resolve_cell (pass, T_MANAGER, TRUE);

          if (entry != NULL)
            {
              new_manager = entry->id;
              g_hash_table_add (pass->set, &entry->id);
            }
          else
            defer = TRUE;
        }
    }
  changed = !existed || defer || g_strcmp0 (new_role, role) != 0 || new_is_manager != is_manager ||
            new_manager != manager || new_region != region || new_capacity != capacity ||
            new_active != active;
  count_row (self, existed, changed);
  if (!changed)
    return TRUE;

  write = existed ? pass->st[2] : pass->st[1];
  if (existed)
    sqlite3_bind_int64 (write, 1, id);
  else
    sqlite3_bind_text (write, 1, c[T_NAME].text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (write, 2, new_role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (write, 3, new_is_manager);
  jx_bind_id_or_null (write, 4, new_manager);
  jx_bind_id_or_null (write, 5, new_region);
  bind_value (write, 6, new_capacity);
  sqlite3_bind_int64 (write, 7, new_active);
  if (!step (self, write, error))
    return FALSE;
  if (!existed)
    {
      id = sqlite3_last_insert_rowid (jx_store_get_db (self->store));
      map_add (self, REF_MEMBER, id, c[T_NAME].text, 0, 0);
    }
  if (defer)
    return defer_link (pass, id, c[T_MANAGER].text, error);
  return TRUE;
}

static gboolean
finish_team (Pass    *pass,
             GError **error)
{
  g_autoptr(sqlite3_stmt) mark = NULL;
  GHashTableIter iter;
  gint64 *id;

  if (!apply_links (pass, REF_MEMBER, "UPDATE team_members SET manager_id = ?1 WHERE id = ?2",
                    error))
    return FALSE;
  /* People outside the file who manage someone in it are managers too. */
  mark = jx_store_prepare (pass->self->store,
                           "UPDATE team_members SET is_manager = 1 WHERE id = ? AND is_manager = 0",
                           error);
  if (mark == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, pass->set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      sqlite3_bind_int64 (mark, 1, *id);
      if (!step (pass->self, mark, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- deals */

typedef struct {
  RefEntry   *stage;
  const char *date;
} Event;

/* Whether @a comes after @b: later day; on the same day an outcome after an open stage and
 * a later stage after an earlier one. */
static gboolean
event_after (const Event *a,
             const Event *b)
{
  int cmp = strcmp (a->date, b->date);

  if (cmp != 0)
    return cmp > 0;
  if ((a->stage->kind != 0) != (b->stage->kind != 0))
    return a->stage->kind != 0;
  return a->stage->position > b->stage->position;
}

static gboolean
validate_deal (Pass    *pass,
               GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  RefEntry *stage;
  int kind;
  const char *opened = c[D_OPENED].blank ? NULL : c[D_OPENED].date;
  const char *closed = c[D_CLOSED].blank ? NULL : c[D_CLOSED].date;
  gboolean any_date = FALSE;

  if (!c[D_REF].blank)
    check_unique_key (pass, D_REF, c[D_REF].text);
  resolve_cell (pass, D_CUSTOMER, FALSE);
  resolve_cell (pass, D_OWNER, FALSE);
  resolve_cell (pass, D_PRODUCT, FALSE);
  stage = resolve_cell (pass, D_STAGE, FALSE);
  kind = stage != NULL ? stage->kind : 0;

  if (closed != NULL && opened != NULL && strcmp (closed, opened) < 0)
    row_error (pass, _("column \"%s\": the deal closed on %s, before it opened on %s"),
               column_header (pass, D_CLOSED), closed, opened);
  for (guint e = 0; e < self->entered->len; e++)
    {
      Cell *cell = &pass->entered[e];
      EnteredColumn *entered = self->entered->pdata[e];
      const char *header = ((JxImportColumn *) self->columns->pdata[entered->column])->header;

      if (cell->blank)
        continue;
      any_date = TRUE;
      if (opened != NULL && strcmp (cell->date, opened) < 0)
        row_error (pass, _("column \"%s\": the deal entered \"%s\" on %s, before it opened on %s"),
                   header, entered->stage_name, cell->date, opened);
      else if (kind != 0 && closed != NULL && strcmp (cell->date, closed) > 0)
        row_error (pass, _("column \"%s\": the deal entered \"%s\" on %s, after it closed on %s"),
                   header, entered->stage_name, cell->date, closed);
    }
  if (!c[D_STAGE_ENTERED].blank)
    {
      any_date = TRUE;
      if (opened != NULL && strcmp (c[D_STAGE_ENTERED].date, opened) < 0)
        row_error (pass, _("column \"%s\": the deal entered \"%s\" on %s, before it opened on %s"),
                   column_header (pass, D_STAGE_ENTERED), c[D_STAGE].text,
                   c[D_STAGE_ENTERED].date, opened);
      /* Without an opened date the earliest stage date becomes the opened date, which must
       * not come after the close. */
      else if (kind != 0 && closed != NULL && strcmp (c[D_STAGE_ENTERED].date, closed) > 0)
        row_error (pass, _("column \"%s\": the deal entered \"%s\" on %s, after it closed on %s"),
                   column_header (pass, D_STAGE_ENTERED), c[D_STAGE].text,
                   c[D_STAGE_ENTERED].date, closed);
    }
  if (kind == 1 && c[D_AMOUNT].blank)
    row_error (pass, _("column \"%s\": the deal is won but has no amount"),
               column_header (pass, D_AMOUNT));
  if (kind == 0 && closed != NULL)
    self->n_open_with_close++;
  if (kind != 0 && closed != NULL)
    any_date = TRUE;
  if (opened == NULL && any_date)
    self->n_opened_derived++;
  return TRUE;
}

static gboolean
start_deals (Pass    *pass,
             GError **error)
{
  JxImport *self = pass->self;
  const char *sql[] = {
    "SELECT id, title, customer_id, owner_id, product_id, amount, opened, expected_close, closed, "
    "stage_id, stage_entered, status, furthest_position, lost_at_stage_id, lost_reason, notes, "
    "won_reason FROM deals WHERE ref = ?1",
    "INSERT INTO deals(ref, title, customer_id, owner_id, product_id, amount, opened, "
    "expected_close, closed, stage_id, stage_entered, status, furthest_position, "
    "lost_at_stage_id, lost_reason, notes, won_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    "UPDATE deals SET title = ?2, customer_id = ?3, owner_id = ?4, product_id = ?5, amount = ?6, "
    "opened = ?7, expected_close = ?8, closed = ?9, stage_id = ?10, stage_entered = ?11, "
    "status = ?12, furthest_position = ?13, lost_at_stage_id = ?14, lost_reason = ?15, "
    "notes = ?16, won_reason = ?17 WHERE id = ?1",
    "SELECT stage_id, entered FROM stage_events WHERE deal_id = ?1",
    "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES (?1, ?2, ?3)",
  };
  gint64 existing = jx_store_count_rows (self->store, JX_TABLE_DEALS);

  if (!prepare_all (pass, sql, G_N_ELEMENTS (sql), error))
    return FALSE;
  pass->table_was_empty = existing == 0;
  /* New deals get their ids here, so that their events can be batched with them; nothing
   * else inserts deals inside this transaction. */
  {
    g_autoptr(sqlite3_stmt) max = jx_store_prepare (self->store, "SELECT coalesce(max(id), 0) + 1 "
                                                                 "FROM deals", error);

    if (max == NULL || sqlite3_step (max) != SQLITE_ROW)
      return FALSE;
    pass->next_deal_id = sqlite3_column_int64 (max, 0);
  }
  pass->deal_batch = batch_new (self->store,
                                "INSERT INTO deals(id, ref, title, customer_id, owner_id, product_id, "
                                "amount, opened, expected_close, closed, stage_id, stage_entered, "
                                "status, furthest_position, lost_at_stage_id, lost_reason, notes, "
                                "won_reason) VALUES ", 18, error);
  if (pass->deal_batch == NULL)
    return FALSE;
  pass->event_batch = batch_new (self->store,
                                 "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES ",
                                 3, error);
  if (pass->event_batch == NULL)
    return FALSE;

  /* A bulk load into a table it more than doubles: maintaining seven secondary indexes row
   * by row costs far more than building them once at the end, inside the same transaction
   * (so a failure still leaves the database as it was). */
  if (self->summary->n_rows >= 20000 && (gint64) self->summary->n_rows > existing)
    {
      g_autoptr(sqlite3_stmt) list = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      pass->index_sql = g_ptr_array_new_with_free_func (g_free);
      list = jx_store_prepare (self->store,
                               "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                               "AND tbl_name IN ('deals', 'stage_events') AND sql IS NOT NULL",
                               error);
      if (list == NULL)
        return FALSE;
      while (sqlite3_step (list) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup (jx_column_text (list, 0)));
          g_ptr_array_add (pass->index_sql, g_strdup (jx_column_text (list, 1)));
        }
      for (guint i = 0; i < names->len; i++)
        {
          /* DROP INDEX takes no parameters; the names come from sqlite_master. */
          g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

          if (!jx_store_exec (self->store, drop, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
finish_deals (Pass    *pass,
              GError **error)
{
  if (!batch_flush (pass->self->store, pass->deal_batch, error) ||
      !batch_flush (pass->self->store, pass->event_batch, error))
    return FALSE;
  if (pass->index_sql != NULL)
    {
      sqlite3 *db = jx_store_get_db (pass->self->store);
      /* Building an index is mostly sorting; SQLite's sorter can sort in helper threads while
       * it reads the table. The reader's thread is done, so the other cores are free; with
       * as many helpers as cores the table is read while every core sorts (on two cores
       * this took the building thread from 4.9 to 2.8 s of processor time on a million
       * deals, for the same total). */
      int threads = CLAMP ((int) g_get_num_processors (), 1, 4);
      int old_threads = sqlite3_limit (db, SQLITE_LIMIT_WORKER_THREADS, threads);
      gboolean ok = TRUE;

      for (guint i = 0; i < pass->index_sql->len && ok; i++)
        ok = jx_store_exec (pass->self->store, pass->index_sql->pdata[i], error);
      sqlite3_limit (db, SQLITE_LIMIT_WORKER_THREADS, old_threads);
      return ok;
    }
  return TRUE;
}

static void
add_event (GArray     *events,
           RefEntry   *stage,
           const char *date)
{
  for (guint i = 0; i < events->len; i++)
    {
      Event *e = &g_array_index (events, Event, i);

      if (e->stage->id == stage->id && strcmp (e->date, date) == 0)
        return;
    }
  {
    Event e = { stage, date };
    g_array_append_val (events, e);
  }
}

/* The derived columns of a deal from its current stage and its events. */
static void
derive_state (JxImport *self,
              RefEntry *stage,
              GArray   *events,
              gint64   *furthest,
              gint64   *lost_at)
{
  const Event *last_open = NULL;

  *furthest = 0;
  *lost_at = NO_ID;
  for (guint i = 0; i < events->len; i++)
    {
      const Event *e = &g_array_index (events, Event, i);

      if (e->stage->kind != 0)
        continue;
      *furthest = MAX (*furthest, e->stage->position);
      if (last_open == NULL || event_after (e, last_open))
        last_open = e;
    }
  if (stage->kind == 0)
    *furthest = MAX (*furthest, stage->position);
  else if (stage->kind == 1)
    *furthest = self->max_open_position;
  else if (last_open != NULL)
    *lost_at = last_open->stage->id;
}

static gboolean
write_deal (Pass    *pass,
            GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  sqlite3_stmt *find = pass->st[0];
  RefEntry *stage = resolve_cell (pass, D_STAGE, FALSE);
  /* Kept from row to row, emptied here. */
  GArray *events = pass->events;
  GPtrArray *strings = pass->strings;
  gboolean existed;
  gint64 id = 0;
  /* Current values; strings are owned by @strings. */
  const char *title = "", *opened = NULL, *expected = NULL, *closed = NULL, *entered = NULL;
  const char *lost_reason = "", *notes = "", *won_reason = "";
  gint64 customer = NO_ID, owner = NO_ID, product = NO_ID, amount = NO_VALUE;
  gint64 stage_id = NO_ID, status = 0, furthest = 0, lost_at = NO_ID;
  guint n_old_events = 0;
  /* New values. */
  const char *n_opened, *n_expected, *n_closed, *n_entered = NULL;
  gint64 n_furthest, n_lost_at;
  gboolean changed;
  sqlite3_stmt *write;

  g_assert (stage != NULL);
  g_array_set_size (events, 0);
  g_ptr_array_set_size (strings, 0);
  resolve_cell (pass, D_CUSTOMER, FALSE);
  resolve_cell (pass, D_OWNER, FALSE);
  resolve_cell (pass, D_PRODUCT, FALSE);

  /* Into an empty table every (validated, unique) ref is new: no need to look. */
  existed = FALSE;
  if (!pass->table_was_empty)
    {
      sqlite3_bind_text (find, 1, c[D_REF].text, -1, SQLITE_STATIC);
      existed = sqlite3_step (find) == SQLITE_ROW;
    }
  if (existed)
    {
#define KEEP(col) (g_ptr_array_add (strings, g_strdup (jx_column_text (find, col))), \
                   (const char *) strings->pdata[strings->len - 1])
      id = sqlite3_column_int64 (find, 0);
      title = KEEP (1);
      customer = col_id (find, 2);
      owner = col_id (find, 3);
      product = col_id (find, 4);
      amount = col_int (find, 5);
      opened = KEEP (6);
      expected = KEEP (7);
      closed = KEEP (8);
      stage_id = col_id (find, 9);
      entered = KEEP (10);
      status = sqlite3_column_int64 (find, 11);
      furthest = sqlite3_column_int64 (find, 12);
      lost_at = col_id (find, 13);
      lost_reason = KEEP (14);
      notes = KEEP (15);
      won_reason = KEEP (16);
#undef KEEP
    }
  sqlite3_reset (find);

  if (existed)
    {
      sqlite3_stmt *old = pass->st[3];

      sqlite3_bind_int64 (old, 1, id);
      while (sqlite3_step (old) == SQLITE_ROW)
        {
          gint64 sid = sqlite3_column_int64 (old, 0);
          RefEntry *s = g_hash_table_lookup (self->stage_by_id, &sid);

          if (s != NULL)
            {
              g_ptr_array_add (strings, g_strdup (jx_column_text (old, 1)));
              add_event (events, s, strings->pdata[strings->len - 1]);
            }
        }
      sqlite3_reset (old);
      n_old_events = events->len;
    }

  /* Dates: a close date on an open deal is its expected close. */
  n_opened = cell_date (pass, D_OPENED, opened);
  n_expected = cell_date (pass, D_EXPECTED, expected);
  n_closed = cell_date (pass, D_CLOSED, closed);
  if (stage->kind == 0 && mapped (pass, D_CLOSED))
    {
      if (n_closed != NULL && (n_expected == NULL || !mapped (pass, D_EXPECTED) ||
                               c[D_EXPECTED].blank))
        n_expected = n_closed;
      n_closed = NULL;
    }

  for (guint e = 0; e < self->entered->len; e++)
    if (!pass->entered[e].blank)
      add_event (events, ((EnteredColumn *) self->entered->pdata[e])->stage, pass->entered[e].date);

  if (mapped (pass, D_STAGE_ENTERED) && !c[D_STAGE_ENTERED].blank)
    n_entered = c[D_STAGE_ENTERED].date;
  else if (stage->kind != 0 && n_closed != NULL)
    n_entered = n_closed;
  else
    {
      for (guint i = 0; i < events->len; i++)
        {
          const Event *e = &g_array_index (events, Event, i);

          if (e->stage == stage || e->stage->id == stage->id)
            if (n_entered == NULL || strcmp (e->date, n_entered) > 0)
              n_entered = e->date;
        }
      if (n_entered == NULL && existed && stage_id == stage->id)
        n_entered = entered;
    }
  if (n_entered != NULL)
    add_event (events, stage, n_entered);

  if (n_opened == NULL)
    for (guint i = 0; i < events->len; i++)
      {
        const char *d = g_array_index (events, Event, i).date;

        if (n_opened == NULL || strcmp (d, n_opened) < 0)
          n_opened = d;
      }
  derive_state (self, stage, events, &n_furthest, &n_lost_at);
  if (existed && stage->kind == 2 && n_lost_at == NO_ID && stage_id == stage->id)
    n_lost_at = lost_at;

  {
    const char *n_title = cell_text (pass, D_TITLE, title);
    gint64 n_customer = cell_id (pass, D_CUSTOMER, customer);
    gint64 n_owner = cell_id (pass, D_OWNER, owner);
    gint64 n_product = cell_id (pass, D_PRODUCT, product);
    gint64 n_amount = cell_num (pass, D_AMOUNT, amount);
    const char *n_lost_reason = cell_text (pass, D_LOST_REASON, lost_reason);
    const char *n_notes = cell_text (pass, D_NOTES, notes);
    const char *n_won_reason = cell_text (pass, D_WON_REASON, won_reason);

    changed = !existed || events->len != n_old_events ||
              g_strcmp0 (n_title, title) != 0 || n_customer != customer || n_owner != owner ||
              n_product != product || n_amount != amount || g_strcmp0 (n_opened, opened) != 0 ||
              g_strcmp0 (n_expected, expected) != 0 || g_strcmp0 (n_closed, closed) != 0 ||
              stage->id != stage_id || g_strcmp0 (n_entered, entered) != 0 ||
              stage->kind != status || n_furthest != furthest || n_lost_at != lost_at ||
              g_strcmp0 (n_lost_reason, lost_reason) != 0 || g_strcmp0 (n_notes, notes) != 0 ||
              g_strcmp0 (n_won_reason, won_reason) != 0;
    count_row (self, existed, changed);
    if (!changed)
      return TRUE;

    if (!existed)
      {
        Batch *b = pass->deal_batch;

        id = pass->next_deal_id++;
        batch_int (b, id);
        batch_text (b, c[D_REF].text);
        batch_text (b, n_title);
        batch_id (b, n_customer);
        batch_id (b, n_owner);
        batch_id (b, n_product);
        batch_value (b, n_amount);
        batch_text (b, n_opened);
        batch_text (b, n_expected);
        batch_text (b, n_closed);
        batch_int (b, stage->id);
        batch_text (b, n_entered);
        batch_int (b, stage->kind);
        batch_int (b, n_furthest);
        batch_id (b, n_lost_at);
        batch_text (b, n_lost_reason);
        batch_text (b, n_notes);
        batch_text (b, n_won_reason);
        if (!batch_row_done (self->store, b, error))
          return FALSE;
        goto events;
      }
    write = pass->st[2];
    sqlite3_bind_int64 (write, 1, id);
    sqlite3_bind_text (write, 2, n_title, -1, SQLITE_STATIC);
    jx_bind_id_or_null (write, 3, n_customer);
    jx_bind_id_or_null (write, 4, n_owner);
    jx_bind_id_or_null (write, 5, n_product);
    bind_value (write, 6, n_amount);
    bind_text (write, 7, n_opened);
    bind_text (write, 8, n_expected);
    bind_text (write, 9, n_closed);
    sqlite3_bind_int64 (write, 10, stage->id);
    bind_text (write, 11, n_entered);
    sqlite3_bind_int (write, 12, stage->kind);
    sqlite3_bind_int64 (write, 13, n_furthest);
    jx_bind_id_or_null (write, 14, n_lost_at);
    sqlite3_bind_text (write, 15, n_lost_reason, -1, SQLITE_STATIC);
    sqlite3_bind_text (write, 16, n_notes, -1, SQLITE_STATIC);
    sqlite3_bind_text (write, 17, n_won_reason, -1, SQLITE_STATIC);
    if (!step (self, write, error))
      return FALSE;
  }
events:
  for (guint i = n_old_events; i < events->len; i++)
    {
      const Event *e = &g_array_index (events, Event, i);

      batch_int (pass->event_batch, id);
      batch_int (pass->event_batch, e->stage->id);
      batch_text (pass->event_batch, e->date);
      if (!batch_row_done (self->store, pass->event_batch, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- stage events */

static gboolean
start_events_validation (Pass    *pass,
                         GError **error)
{
  pass->st[0] = jx_store_prepare (pass->self->store,
                                  "SELECT id, opened FROM deals WHERE ref = ?1", error);
  return pass->st[0] != NULL;
}

static gboolean
validate_event (Pass    *pass,
                GError **error)
{
  Cell *c = pass->cells;
  sqlite3_stmt *find = pass->st[0];

  resolve_cell (pass, E_STAGE, FALSE);
  if (c[E_DEAL].blank)
    return TRUE;
  sqlite3_bind_text (find, 1, c[E_DEAL].text, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      const char *opened = jx_column_text (find, 1);

      if (opened != NULL && !c[E_ENTERED].blank && strcmp (c[E_ENTERED].date, opened) < 0)
        row_error (pass, _("column \"%s\": the deal entered \"%s\" on %s, before it opened on %s"),
                   column_header (pass, E_ENTERED), c[E_STAGE].text, c[E_ENTERED].date, opened);
    }
  else
    /* Deal refs compare exactly, as the UNIQUE column does. */
    note_unknown (pass->self, REF_DEAL, E_DEAL, c[E_DEAL].text, c[E_DEAL].text, pass->line, FALSE);
  sqlite3_reset (find);
  return TRUE;
}

static gboolean
start_events (Pass    *pass,
              GError **error)
{
  const char *sql[] = {
    "SELECT id FROM deals WHERE ref = ?1",
    "SELECT 1 FROM stage_events WHERE deal_id = ?1 AND stage_id = ?2 AND entered = ?3",
    "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES (?1, ?2, ?3)",
  };

  pass->set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return prepare_all (pass, sql, G_N_ELEMENTS (sql), error);
}

static gboolean
write_event (Pass    *pass,
             GError **error)
{
  Cell *c = pass->cells;
  gint64 deal;
  gboolean exists;

  sqlite3_bind_text (pass->st[0], 1, c[E_DEAL].text, -1, SQLITE_STATIC);
  if (sqlite3_step (pass->st[0]) != SQLITE_ROW)
    {
      sqlite3_reset (pass->st[0]);
      pass->row_failed = TRUE;
      return TRUE;
    }
  deal = sqlite3_column_int64 (pass->st[0], 0);
  sqlite3_reset (pass->st[0]);
  resolve_cell (pass, E_STAGE, FALSE);

  sqlite3_bind_int64 (pass->st[1], 1, deal);
  sqlite3_bind_int64 (pass->st[1], 2, c[E_STAGE].ref->id);
  sqlite3_bind_text (pass->st[1], 3, c[E_ENTERED].date, -1, SQLITE_STATIC);
  exists = sqlite3_step (pass->st[1]) == SQLITE_ROW;
  sqlite3_reset (pass->st[1]);
  count_row (pass->self, exists, FALSE);
  if (exists)
    return TRUE;
  sqlite3_bind_int64 (pass->st[2], 1, deal);
  sqlite3_bind_int64 (pass->st[2], 2, c[E_STAGE].ref->id);
  sqlite3_bind_text (pass->st[2], 3, c[E_ENTERED].date, -1, SQLITE_STATIC);
  if (!step (pass->self, pass->st[2], error))
    return FALSE;
  if (!g_hash_table_contains (pass->set, &deal))
    g_hash_table_add (pass->set, g_memdup2 (&deal, sizeof deal));
  return TRUE;
}

/* Makes a deal's current stage and derived columns follow its events. */
static gboolean
recompute_deal (JxImport      *self,
                sqlite3_stmt  *events_stmt,
                sqlite3_stmt  *update,
                gint64         deal,
                GError       **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  const Event *last = NULL;
  gint64 furthest, lost_at;

  sqlite3_bind_int64 (events_stmt, 1, deal);
  while (sqlite3_step (events_stmt) == SQLITE_ROW)
    {
      gint64 sid = sqlite3_column_int64 (events_stmt, 0);
      RefEntry *s = g_hash_table_lookup (self->stage_by_id, &sid);
      Event e;

      if (s == NULL)
        continue;
      g_ptr_array_add (dates, g_strdup (jx_column_text (events_stmt, 1)));
      e.stage = s;
      e.date = dates->pdata[dates->len - 1];
      g_array_append_val (events, e);
    }
  sqlite3_reset (events_stmt);
  for (guint i = 0; i < events->len; i++)
    if (last == NULL || event_after (&g_array_index (events, Event, i), last))
      last = &g_array_index (events, Event, i);
  if (last == NULL)
    return TRUE;
  derive_state (self, last->stage, events, &furthest, &lost_at);

  sqlite3_bind_int64 (update, 1, deal);
  sqlite3_bind_int64 (update, 2, last->stage->id);
  sqlite3_bind_text (update, 3, last->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (update, 4, last->stage->kind);
  sqlite3_bind_int64 (update, 5, furthest);
  jx_bind_id_or_null (update, 6, lost_at);
  return step (self, update, error);
}

static gboolean
finish_events (Pass    *pass,
               GError **error)
{
  g_autoptr(sqlite3_stmt) events = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  GHashTableIter iter;
  gint64 *deal;

  events = jx_store_prepare (pass->self->store,
                             "SELECT stage_id, entered FROM stage_events WHERE deal_id = ?1", error);
  /* A won or lost deal keeps its close date, or gets the outcome's; an open one has none. */
  update = jx_store_prepare (pass->self->store,
                             "UPDATE deals SET stage_id = ?2, stage_entered = ?3, status = ?4, "
                             "furthest_position = ?5, lost_at_stage_id = ?6, "
                             "closed = CASE WHEN ?4 = 0 THEN NULL ELSE coalesce(closed, ?3) END "
                             "WHERE id = ?1", error);
  if (events == NULL || update == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, pass->set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &deal, NULL))
    if (!recompute_deal (pass->self, events, update, *deal, error))
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------- targets */

#define PATH_SEPARATOR " / "

static gboolean
parse_period (const char *text,
              JxDateOrder order,
              char        from[11],
              char        to[11])
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  const char *dots = strstr (t, "..");
  int year = 0, n = 0;
  char rest[16] = "";
  GDate d;

  if (dots != NULL)
    {
      g_autofree char *a = g_strndup (t, dots - t);

      return jx_import_parse_date (a, order, from) && jx_import_parse_date (dots + 2, order, to) &&
             strcmp (from, to) <= 0;
    }
  if (strlen (t) < 4 || !g_ascii_isdigit (t[0]) || !g_ascii_isdigit (t[3]))
    return FALSE;
  year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  if (year < 1900 || year > 2199)
    return FALSE;
  g_strlcpy (rest, t + 4, sizeof rest);
  if (rest[0] == '\0' || g_str_equal (rest, "年"))
    {
      g_snprintf (from, 11, "%04d-01-01", year);
      g_snprintf (to, 11, "%04d-12-31", year);
      return TRUE;
    }
  {
    const char *p = rest;

    if (*p == '-' || *p == ' ' || *p == '/')
      p++;
    if ((*p == 'Q' || *p == 'q') && p[1] >= '1' && p[1] <= '4' && p[2] == '\0')
      {
        int q = p[1] - '0';

        g_date_clear (&d, 1);
        g_date_set_dmy (&d, 1, (GDateMonth) (q * 3), (GDateYear) year);
        g_snprintf (from, 11, "%04d-%02d-01", year, q * 3 - 2);
        g_snprintf (to, 11, "%04d-%02d-%02d", year, q * 3,
                    g_date_get_days_in_month ((GDateMonth) (q * 3), (GDateYear) year));
        return TRUE;
      }
    n = 0;
    while (g_ascii_isdigit (p[n]))
      n++;
    if (n >= 1 && n <= 2 && (p[n] == '\0' || g_str_equal (p + n, "月")))
      {
        int month = atoi (p);

        if (month < 1 || month > 12)
          return FALSE;
        g_snprintf (from, 11, "%04d-%02d-01", year, month);
        g_snprintf (to, 11, "%04d-%02d-%02d", year, month,
                    g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
        return TRUE;
      }
  }
  return FALSE;
}

/* The path's segments, trimmed; NULL when one is empty. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, PATH_SEPARATOR, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) == '\0')
      return NULL;
  return g_steal_pointer (&parts);
}

static char *
path_key (const char  *plan,
          char       **parts,
          guint        n)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *plan_key = name_key (plan);

  g_string_append (key, plan_key);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = name_key (parts[i]);

      g_string_append_c (key, '\x1f');
      g_string_append (key, part);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The node at the end of a path in the database, or 0. */
static gint64
find_node (JxImport  *self,
           gint64     plan,
           char     **parts,
           guint      n)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store,
                                                   "SELECT id FROM target_nodes WHERE plan_id = ?1 "
                                                   "AND parent_id IS ?2 AND name = ?3 "
                                                   "COLLATE NOCASE ORDER BY id LIMIT 1", NULL);
  gint64 parent = 0;

  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, plan);
      jx_bind_id_or_null (stmt, 2, parent);
      sqlite3_bind_text (stmt, 3, parts[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return 0;
      parent = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return parent;
}

static const char *
target_plan_name (Pass *pass)
{
  if (mapped (pass, G_PLAN) && !pass->cells[G_PLAN].blank)
    return pass->cells[G_PLAN].text;
  return pass->self->default_plan;
}

static gboolean
start_targets_validation (Pass    *pass,
                          GError **error)
{
  JxImport *self = pass->self;

  g_clear_pointer (&self->default_plan, g_free);
  if (!mapped (pass, G_PLAN))
    {
      self->default_plan = jx_store_get_setting (self->store, "__none__");
      {
        g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (self->store,
                                                         "SELECT name FROM target_plans "
                                                         "WHERE active = 1", error);

        if (stmt == NULL)
          return FALSE;
        if (sqlite3_step (stmt) == SQLITE_ROW)
          self->default_plan = g_strdup (jx_column_text (stmt, 0));
      }
      if (self->default_plan == NULL)
        {
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING,
                       _("%s: no column is mapped to the required field “plan” and there is no "
                         "active plan. Map one with --map COLUMN=plan."), self->display_name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the period and the amount, whose meaning depends on the metric. */
static void
target_values (Pass *pass,
               char  from[11],
               char  to[11])
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  const char *metric = c[G_METRIC].blank ? "revenue" : c[G_METRIC].text;

  from[0] = to[0] = '\0';
  if (!c[G_PERIOD].blank)
    {
      if (!parse_period (c[G_PERIOD].text, self->date_order, from, to))
        {
          g_autofree char *value = excerpt (c[G_PERIOD].text);

          row_error (pass, _("column \"%s\": \"%s\" is not a period (expected 2026, 2026-Q1, "
                             "2026-03 or FROM..TO)"), column_header (pass, G_PERIOD), value);
        }
    }
  else if (!c[G_PERIOD_FROM].blank && !c[G_PERIOD_TO].blank)
    {
      g_strlcpy (from, c[G_PERIOD_FROM].date, 11);
      g_strlcpy (to, c[G_PERIOD_TO].date, 11);
      if (strcmp (to, from) < 0)
        row_error (pass, _("column \"%s\": the period ends on %s, before it starts on %s"),
                   column_header (pass, G_PERIOD_TO), to, from);
    }
  else
    row_error (pass, _("the target has no period; give a period column or period_from and "
                       "period_to"));

  if (!c[G_AMOUNT].blank)
    {
      JxAmountResult result = g_str_equal (metric, "revenue")
                              ? jx_import_parse_amount (c[G_AMOUNT].text, self->digits, &c[G_AMOUNT].num)
                              : jx_import_parse_count (c[G_AMOUNT].text, &c[G_AMOUNT].num);

      if (result != JX_AMOUNT_OK)
        {
          g_autofree char *message = amount_problem (column_header (pass, G_AMOUNT),
                                                      c[G_AMOUNT].text, result,
                                                      !g_str_equal (metric, "revenue"));

          row_error (pass, "%s", message);
          c[G_AMOUNT].blank = TRUE;
        }
    }
}

static gboolean
validate_target (Pass    *pass,
                 GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  const char *plan_name = target_plan_name (pass);
  RefEntry *plan = NULL;
  g_auto(GStrv) parts = NULL;
  char from[11], to[11];

  if (mapped (pass, G_PLAN))
    plan = resolve_cell (pass, G_PLAN, FALSE);
  else if (plan_name != NULL)
    {
      g_autofree char *key = name_key (plan_name);
      plan = g_hash_table_lookup (self->maps[REF_PLAN], key);
    }
  for (guint f = G_OWNER; f < G_N; f++)
    if (self->extras[f].type == FT_REF)
      resolve_cell (pass, f, FALSE);
  target_values (pass, from, to);
  if (c[G_PATH].blank || plan_name == NULL)
    return TRUE;

  parts = split_path (c[G_PATH].text);
  if (parts == NULL)
    {
      g_autofree char *value = excerpt (c[G_PATH].text);

      row_error (pass, _("column \"%s\": \"%s\" has an empty name between \" / \""),
                 column_header (pass, G_PATH), value);
      return TRUE;
    }
  {
    guint n = g_strv_length (parts);
    g_autofree char *key = path_key (plan_name, parts, n);

    check_unique_key (pass, G_PATH, key);
    if (n > 1)
      {
        g_autofree char *parent_key = path_key (plan_name, parts, n - 1);

        if (!key_known (pass, parent_key) &&
            (plan == NULL || find_node (self, plan->id, parts, n - 1) == 0))
          {
            g_autofree char *parent = g_strjoinv (PATH_SEPARATOR, parts);

            parent[strlen (parent) - strlen (parts[n - 1]) - strlen (PATH_SEPARATOR)] = '\0';
            row_error (pass, _("column \"%s\": the parent target \"%s\" is neither in the plan "
                               "nor on an earlier line"), column_header (pass, G_PATH), parent);
          }
      }
  }
  return TRUE;
}

static gboolean
start_targets (Pass    *pass,
               GError **error)
{
  const char *sql[] = {
    "SELECT id, metric, period_from, period_to, owner_id, dimension, region_id, member_id, "
    "product_line_id, customer_type_id, tier, amount, locked, method, rationale "
    "FROM target_nodes WHERE plan_id = ?1 AND parent_id IS ?2 AND name = ?3 COLLATE NOCASE "
    "ORDER BY id LIMIT 1",
    "INSERT INTO target_nodes(plan_id, parent_id, position, name, metric, period_from, "
    "period_to, owner_id, dimension, region_id, member_id, product_line_id, customer_type_id, "
    "tier, amount, locked, method, rationale) VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) "
    "FROM target_nodes WHERE plan_id = ?1 AND parent_id IS ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    "UPDATE target_nodes SET metric = ?4, period_from = ?5, period_to = ?6, owner_id = ?7, "
    "dimension = ?8, region_id = ?9, member_id = ?10, product_line_id = ?11, "
    "customer_type_id = ?12, tier = ?13, amount = ?14, locked = ?15, method = ?16, "
    "rationale = ?17 WHERE id = ?1",
    "SELECT region_id, member_id, product_line_id, customer_type_id, tier FROM target_nodes "
    "WHERE id = ?1",
  };

  pass->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return prepare_all (pass, sql, G_N_ELEMENTS (sql), error);
}

static gboolean
write_target (Pass    *pass,
              GError **error)
{
  JxImport *self = pass->self;
  Cell *c = pass->cells;
  const char *plan_name = target_plan_name (pass);
  g_autofree char *plan_key = name_key (plan_name);
  RefEntry *plan = g_hash_table_lookup (self->maps[REF_PLAN], plan_key);
  g_auto(GStrv) parts = split_path (c[G_PATH].text);
  guint n = g_strv_length (parts);
  g_autofree char *key = path_key (plan_name, parts, n);
  gint64 parent = 0, id = 0;
  gint64 inherited[4] = { NO_ID, NO_ID, NO_ID, NO_ID };
  g_autofree char *inherited_tier = NULL;
  gboolean existed;
  char from[11], to[11];
  /* Current values. */
  g_autofree char *metric = NULL, *p_from = NULL, *p_to = NULL, *dimension = NULL, *tier = NULL;
  g_autofree char *method = NULL, *rationale = NULL;
  gint64 owner = NO_ID, filters[4] = { NO_ID, NO_ID, NO_ID, NO_ID }, amount = 0, locked = 0;
  gboolean changed;
  sqlite3_stmt *find = pass->st[0];
  sqlite3_stmt *write;
  static const guint filter_fields[4] = { G_REGION, G_MEMBER, G_LINE, G_TYPE };
  gint64 n_filters[4];
  const char *n_tier, *n_metric, *n_dimension, *n_method, *n_rationale;
  gint64 n_owner, n_amount, n_locked;

  g_assert (plan != NULL && parts != NULL);
  for (guint f = G_OWNER; f < G_N; f++)
    if (self->extras[f].type == FT_REF)
      resolve_cell (pass, f, FALSE);
  target_values (pass, from, to);

  if (n > 1)
    {
      g_autofree char *parent_key = path_key (plan_name, parts, n - 1);
      gint64 *known = g_hash_table_lookup (pass->set, parent_key);

      parent = known != NULL ? *known : find_node (self, plan->id, parts, n - 1);
      g_assert (parent != 0);
      sqlite3_bind_int64 (pass->st[3], 1, parent);
      if (sqlite3_step (pass->st[3]) == SQLITE_ROW)
        {
          for (guint i = 0; i < 4; i++)
            inherited[i] = col_id (pass->st[3], i);
          inherited_tier = g_strdup (jx_column_text (pass->st[3], 4));
        }
      sqlite3_reset (pass->st[3]);
    }

  sqlite3_bind_int64 (find, 1, plan->id);
  jx_bind_id_or_null (find, 2, parent);
  sqlite3_bind_text (find, 3, parts[n - 1], -1, SQLITE_STATIC);
  existed = sqlite3_step (find) == SQLITE_ROW;
  if (existed)
    {
      id = sqlite3_column_int64 (find, 0);
      metric = g_strdup (jx_column_text (find, 1));
      p_from = g_strdup (jx_column_text (find, 2));
      p_to = g_strdup (jx_column_text (find, 3));
      owner = col_id (find, 4);
      dimension = g_strdup (jx_column_text (find, 5));
      for (guint i = 0; i < 4; i++)
        filters[i] = col_id (find, 6 + i);
      tier = g_strdup (jx_column_text (find, 10));
      amount = sqlite3_column_int64 (find, 11);
      locked = sqlite3_column_int64 (find, 12);
      method = g_strdup (jx_column_text (find, 13));
      rationale = g_strdup (jx_column_text (find, 14));
    }
  sqlite3_reset (find);

  /* A filter left blank is inherited from the parent: nodes carry their effective filters. */
  for (guint i = 0; i < 4; i++)
    {
      n_filters[i] = cell_id (pass, filter_fields[i], existed ? filters[i] : NO_ID);
      if (n_filters[i] == NO_ID)
        n_filters[i] = inherited[i];
    }
  n_tier = cell_text_or_null (pass, G_TIER, tier);
  if (n_tier == NULL)
    n_tier = inherited_tier;
  n_metric = mapped (pass, G_METRIC) && !c[G_METRIC].blank ? c[G_METRIC].text
             : (metric != NULL ? metric : "revenue");
  n_dimension = cell_text_or_null (pass, G_DIMENSION, dimension);
  n_method = cell_text_or_null (pass, G_METHOD, method);
  n_rationale = cell_text (pass, G_RATIONALE, rationale);
  n_owner = cell_id (pass, G_OWNER, owner);
  n_amount = c[G_AMOUNT].num;
  n_locked = mapped (pass, G_LOCKED) && !c[G_LOCKED].blank ? c[G_LOCKED].num : locked;

  changed = !existed || g_strcmp0 (n_metric, metric) != 0 || g_strcmp0 (from, p_from) != 0 ||
            g_strcmp0 (to, p_to) != 0 || n_owner != owner ||
            g_strcmp0 (n_dimension, dimension) != 0 || n_filters[0] != filters[0] ||
            n_filters[1] != filters[1] || n_filters[2] != filters[2] ||
            n_filters[3] != filters[3] || g_strcmp0 (n_tier, tier) != 0 ||
            n_amount != amount || n_locked != locked || g_strcmp0 (n_method, method) != 0 ||
            g_strcmp0 (n_rationale, rationale) != 0;
  count_row (self, existed, changed);
  if (changed)
    {
      write = existed ? pass->st[2] : pass->st[1];
      if (existed)
        sqlite3_bind_int64 (write, 1, id);
      else
        {
          sqlite3_bind_int64 (write, 1, plan->id);
          jx_bind_id_or_null (write, 2, parent);
          sqlite3_bind_text (write, 3, parts[n - 1], -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_text (write, 4, n_metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 5, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 6, to, -1, SQLITE_TRANSIENT);
      jx_bind_id_or_null (write, 7, n_owner);
      bind_text (write, 8, n_dimension);
      for (guint i = 0; i < 4; i++)
        jx_bind_id_or_null (write, 9 + i, n_filters[i]);
      bind_text (write, 13, n_tier);
      sqlite3_bind_int64 (write, 14, n_amount);
      sqlite3_bind_int64 (write, 15, n_locked);
      bind_text (write, 16, n_method);
      sqlite3_bind_text (write, 17, n_rationale, -1, SQLITE_TRANSIENT);
      if (!step (self, write, error))
        return FALSE;
      if (!existed)
        id = sqlite3_last_insert_rowid (jx_store_get_db (self->store));
    }
  g_hash_table_insert (pass->set, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* ---------------------------------------------------------------- dispatch */

typedef gboolean (*PassFunc) (Pass *pass, GError **error);

/* Writing targets needs the default plan, which the check of the file found first. */
static gboolean
start_targets_writing (Pass    *pass,
                       GError **error)
{
  return start_targets_validation (pass, error) && start_targets (pass, error);
}

/* What each kind of file does to check and to write a row, and what it does before and
 * after (%NULL for nothing). */
static const struct {
  PassFunc start_validation;
  PassFunc validate_row;
  PassFunc start_writing;
  PassFunc write_row;
  PassFunc finish_writing;
} kind_steps[JX_IMPORT_N_KINDS] = {
  [JX_IMPORT_KIND_CUSTOMERS] = {
    NULL, validate_customer, start_customers, write_customer, finish_customers },
  [JX_IMPORT_KIND_PRODUCTS] = {
    NULL, validate_product, start_products, write_product, NULL },
  [JX_IMPORT_KIND_TEAM] = {
    NULL, validate_member, start_team, write_member, finish_team },
  [JX_IMPORT_KIND_DEALS] = {
    NULL, validate_deal, start_deals, write_deal, finish_deals },
  [JX_IMPORT_KIND_STAGE_EVENTS] = {
    start_events_validation, validate_event, start_events, write_event, finish_events },
  [JX_IMPORT_KIND_TARGETS] = {
    start_targets_validation, validate_target, start_targets_writing, write_target, NULL },
};

static gboolean
run_step (PassFunc   func,
          Pass      *pass,
          GError   **error)
{
  return func == NULL || func (pass, error);
}

/* ---------------------------------------------------------------- pass driver */

static gboolean
open_scratch (JxImport  *self,
              GError   **error)
{
  g_clear_pointer (&self->scratch, sqlite3_close);
  /* "" is a private temporary database on disk: keys of a million rows stay out of RAM. */
  if (sqlite3_open_v2 ("", &self->scratch, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK ||
      sqlite3_exec (self->scratch,
                    "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                    "CREATE TABLE keys (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;"
                    "CREATE TABLE links (child INTEGER NOT NULL, key TEXT NOT NULL, line INTEGER);"
                    "BEGIN;", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                   _("Could not create a temporary file for the import: %s"),
                   self->scratch != NULL ? sqlite3_errmsg (self->scratch) : "");
      g_clear_pointer (&self->scratch, sqlite3_close);
      return FALSE;
    }
  return TRUE;
}

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->key_insert, sqlite3_finalize);
  g_clear_pointer (&pass->key_find, sqlite3_finalize);
  g_clear_pointer (&pass->keys_append, sqlite3_finalize);
  if (pass->pending_keys != NULL)
    g_string_free (pass->pending_keys, TRUE);
  if (pass->max_key != NULL)
    g_string_free (pass->max_key, TRUE);
  g_clear_pointer (&pass->link_insert, sqlite3_finalize);
  for (guint i = 0; i < G_N_ELEMENTS (pass->st); i++)
    g_clear_pointer (&pass->st[i], sqlite3_finalize);
  g_clear_pointer (&pass->index_sql, g_ptr_array_unref);
  g_clear_pointer (&pass->set, g_hash_table_unref);
  g_clear_pointer (&pass->deal_batch, batch_free);
  g_clear_pointer (&pass->event_batch, batch_free);
  g_clear_pointer (&pass->events, g_array_unref);
  g_clear_pointer (&pass->strings, g_ptr_array_unref);
  /* This stops the reader's thread. */
  g_clear_pointer (&pass->reader, jx_import_reader_free);
}

static gboolean
pass_init (JxImport  *self,
           Pass      *pass,
           gboolean   writing,
           GError   **error)
{
  JxCsvReader *csv;
  g_autoptr(GString) append = g_string_new ("INSERT INTO keys(key, line) VALUES ");

  memset (pass, 0, sizeof *pass);
  pass->self = self;
  pass->writing = writing;
  pass->events = g_array_sized_new (FALSE, FALSE, sizeof (Event), 4);
  pass->strings = g_ptr_array_new_with_free_func (g_free);
  csv = jx_csv_reader_new_for_path (self->path, self->encoding_option, error);
  /* The reader's error names the file already. */
  if (csv == NULL)
    return FALSE;
  jx_csv_reader_set_separator (csv, self->separator);
  /* The reader's thread starts with the first batch, once the pass is set up. */
  pass->reader = jx_import_reader_new (csv, self->columns->len,
                                       self->n_fields + self->entered->len,
                                       self->reader_thread, convert_record, pass);
  pass->pending_keys = g_string_sized_new (1024);
  for (guint i = 0; i < KEY_BATCH; i++)
    g_string_append (append, i > 0 ? ", (?, ?)" : "(?, ?)");
  if (sqlite3_prepare_v2 (self->scratch, append->str, -1, &pass->keys_append, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->scratch, "INSERT OR IGNORE INTO keys(key, line) VALUES (?, ?)",
                          -1, &pass->key_insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->scratch, "SELECT line FROM keys WHERE key = ?", -1,
                          &pass->key_find, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->scratch, "INSERT INTO links(child, key, line) VALUES (?, ?, ?)",
                          -1, &pass->link_insert, NULL) != SQLITE_OK)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                   _("Could not create a temporary file for the import: %s"),
                   sqlite3_errmsg (self->scratch));
      return FALSE;
    }
  return TRUE;
}

/* Reads the file's rows, calling @row for each. FALSE on a broken file, a cancel or a
 * database error (@error set). */
static gboolean
pass_run (Pass      *pass,
          gboolean (*row) (Pass *pass, GError **error),
          GError   **error)
{
  JxImport *self = pass->self;
  guint n_columns = self->columns->len;
  JxImportBatch *batch;
  guint n = 0;

  while ((batch = jx_import_reader_next_batch (pass->reader)) != NULL)
    {
      for (guint r = 0; r < batch->records->len; r++)
        {
          JxImportRecord *record = &g_array_index (batch->records, JxImportRecord, r);

          pass->line = record->line;
          pass->row_failed = FALSE;
          if (++n % PROGRESS_EVERY == 0)
            {
              if (g_cancellable_set_error_if_cancelled (pass->cancellable, error))
                return FALSE;
              if (pass->progress != NULL && self->file_size > 0)
                pass->progress (pass->progress_from + pass->progress_span *
                                MIN (1.0, (double) batch->bytes_read / self->file_size),
                                pass->progress_data);
            }

          if (record->n_fields != n_columns)
            {
              if (pass->writing)
                goto changed;
              {
                g_autofree char *message = g_strdup_printf (_("the row has %u columns, but the "
                                                              "header has %u"),
                                                            record->n_fields, n_columns);
                add_problem (self, pass->line, message);
              }
              continue;
            }
          if (!pass->writing)
            self->summary->n_rows++;
          take_record (pass, record);
          if (!row (pass, error))
            return FALSE;
          if (pass->writing && pass->row_failed)
            goto changed;
        }
      if (batch->last)
        break;
    }
  g_assert (batch != NULL && batch->last);
  if (batch->no_header)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty. Choose a CSV file with a header row and data."),
                   self->display_name);
      return FALSE;
    }
  if (batch->error == NULL)
    return TRUE;
  if (!pass->writing)
    {
      /* A broken file is one more problem, and the last: nothing after it can be read. */
      add_problem (self, batch->error_line, batch->error->message);
      return TRUE;
    }
  g_set_error (error, JX_IMPORT_ERROR, batch->error->code, "%s:%u: %s", self->display_name,
               batch->error_line, batch->error->message);
  return FALSE;

changed:
  g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_INVALID,
               _("%s:%u: the file changed while it was being imported; nothing was written. "
                 "Import it again."), self->display_name, pass->line);
  return FALSE;
}

/* Settles field_column and the entered:STAGE columns from the column choices. */
static gboolean
prepare_mapping (JxImport  *self,
                 GError   **error)
{
  for (guint f = 0; f < MAX_KIND_FIELDS; f++)
    self->field_column[f] = -1;
  g_ptr_array_set_size (self->entered, 0);
  g_ptr_array_set_size (self->summary->ignored_columns, 0);

  for (guint c = 0; c < self->columns->len; c++)
    {
      JxImportColumn *column = self->columns->pdata[c];
      int f;

      if (column->field == NULL)
        {
          g_ptr_array_add (self->summary->ignored_columns, g_strdup (column->header));
          continue;
        }
      if (g_str_has_prefix (column->field, JX_IMPORT_ENTERED_PREFIX))
        {
          EnteredColumn *entered = g_new0 (EnteredColumn, 1);

          entered->column = c;
          entered->stage_name = g_strstrip (g_strdup (column->field + strlen (JX_IMPORT_ENTERED_PREFIX)));
          g_ptr_array_add (self->entered, entered);
          continue;
        }
      f = field_index (self, column->field);
      g_assert (f >= 0);
      self->field_column[f] = c;
    }

  for (guint f = 0; f < self->n_fields; f++)
    if (self->fields[f].required && self->field_column[f] < 0 &&
        !(self->kind == JX_IMPORT_KIND_TARGETS && f == G_PLAN))
      {
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_MAPPING,
                     _("%s: no column is mapped to the required field “%s”. Map one with "
                       "--map COLUMN=%s."), self->display_name, self->fields[f].name,
                     self->fields[f].name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_maps (JxImport  *self,
           GError   **error)
{
  gboolean need[N_REFS] = { FALSE };

  need[REF_STAGE] = self->kind == JX_IMPORT_KIND_DEALS || self->kind == JX_IMPORT_KIND_STAGE_EVENTS;
  for (guint f = 0; f < self->n_fields; f++)
    if (self->extras[f].ref != REF_NONE)
      need[self->extras[f].ref] = TRUE;
  if (self->kind == JX_IMPORT_KIND_CUSTOMERS)
    need[REF_CUSTOMER] = TRUE;
  if (self->kind == JX_IMPORT_KIND_TEAM)
    need[REF_MEMBER] = TRUE;
  if (self->kind == JX_IMPORT_KIND_PRODUCTS)
    need[REF_PRODUCT] = TRUE;
  for (guint r = REF_NONE + 1; r < N_REFS; r++)
    if (need[r] && !load_map (self, r, error))
      return FALSE;
  return TRUE;
}

static gint
unknown_order_cmp (gconstpointer a,
                   gconstpointer b)
{
  const Unknown *ua = *(Unknown **) a;
  const Unknown *ub = *(Unknown **) b;

  if (ua->pub.first_line != ub->pub.first_line)
    return ua->pub.first_line < ub->pub.first_line ? -1 : 1;
  return ua->order < ub->order ? -1 : ua->order > ub->order;
}

static void
refresh_summary_unknowns (JxImport *self)
{
  if (self->summary == NULL)
    return;
  g_ptr_array_set_size (self->summary->unknowns, 0);
  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];
      JxImportUnknown *copy;

      if (unknown->resolved_in_file || unknown->pub.create || unknown->pub.count == 0)
        continue;
      copy = g_new0 (JxImportUnknown, 1);
      *copy = unknown->pub;
      copy->field = g_strdup (unknown->pub.field);
      copy->value = g_strdup (unknown->pub.value);
      copy->suggestion = g_strdup (unknown->pub.suggestion);
      g_ptr_array_add (self->summary->unknowns, copy);
    }
}

static void
reset_validation (JxImport *self)
{
  g_clear_pointer (&self->summary, jx_import_summary_free);
  self->summary = jx_import_summary_new (self->kind, self->display_name);
  g_hash_table_remove_all (self->unknown_index);
  g_ptr_array_set_size (self->unknowns, 0);
  g_free (self->blank_counts);
  self->blank_counts = g_new0 (guint, self->n_fields);
  self->anchor_position = 0;
  self->n_open_with_close = 0;
  self->n_opened_derived = 0;
  self->validated = FALSE;
}

/**
 * jx_import_validate:
 * @self: an open #JxImport
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called with the fraction read, in this thread
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the whole file and checks every row without writing anything. Problems in the file
 * (errors with their lines, unknown names) go to the summary; @error is only for a file
 * that cannot be checked at all (unreadable, a required field without a column, cancelled).
 *
 * Returns: %FALSE with @error set when validation could not run
 */
gboolean
jx_import_validate (JxImport              *self,
                    GCancellable          *cancellable,
                    JxImportProgressFunc   progress,
                    gpointer               user_data,
                    GError               **error)
{
  Pass pass;
  gboolean ok;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  reset_validation (self);
  if (!prepare_mapping (self, error) || !load_maps (self, error) || !open_scratch (self, error))
    return FALSE;
  if (!pass_init (self, &pass, FALSE, error))
    {
      pass_clear (&pass);
      return FALSE;
    }
  pass.cancellable = cancellable;
  pass.progress = progress;
  pass.progress_data = user_data;
  pass.progress_span = 1.0;

  g_hash_table_remove_all (self->manager_keys);
  prepare_entered_stages (self);
  ok = run_step (kind_steps[self->kind].start_validation, &pass, error) &&
       pass_run (&pass, kind_steps[self->kind].validate_row, error);
  if (ok)
    resolve_self_refs (&pass);
  pass_clear (&pass);
  if (!ok)
    return FALSE;

  if (self->summary->n_rows == 0 && self->summary->n_errors == 0)
    add_problem (self, 0, _("the file has no rows below its header; there is nothing to import"));
  for (guint f = 0; f < self->n_fields; f++)
    if (self->blank_counts[f] > 0 && self->field_column[f] >= 0)
      {
        JxImportBlank *blank = g_new0 (JxImportBlank, 1);

        blank->field = g_strdup (self->fields[f].name);
        blank->count = self->blank_counts[f];
        g_ptr_array_add (self->summary->blanks, blank);
      }
  if (self->n_open_with_close > 0)
    {
      g_autofree char *n = jx_number_format (self->n_open_with_close);

      /* Translators: %s is a number of deals. */
      g_ptr_array_add (self->summary->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s open deal has a close date; it is "
                                                     "taken as the expected close date",
                                                     "%s open deals have a close date; it is "
                                                     "taken as the expected close date",
                                                     self->n_open_with_close), n));
    }
  if (self->n_opened_derived > 0)
    {
      g_autofree char *n = jx_number_format (self->n_opened_derived);

      /* Translators: %s is a number of deals. */
      g_ptr_array_add (self->summary->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s deal has no opened date; its earliest "
                                                     "stage date is used",
                                                     "%s deals have no opened date; their "
                                                     "earliest stage date is used",
                                                     self->n_opened_derived), n));
    }

  /* Suggestions, and unknown names in the order the file first uses them. */
  g_ptr_array_sort (self->unknowns, unknown_order_cmp);
  for (guint i = 0; i < self->unknowns->len && i < MAX_SUGGESTED_UNKNOWNS; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];

      if (!unknown->resolved_in_file && unknown->pub.count > 0)
        unknown->pub.suggestion = suggest (self, unknown->ref, unknown->pub.value);
    }
  refresh_summary_unknowns (self);
  self->validated = TRUE;
  return TRUE;
}

guint
jx_import_get_n_unknowns (JxImport *self)
{
  guint n = 0;

  g_return_val_if_fail (JX_IS_IMPORT (self), 0);

  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];

      if (!unknown->resolved_in_file && unknown->pub.count > 0)
        n++;
    }
  return n;
}

static Unknown *
nth_unknown (JxImport *self,
             guint     index)
{
  for (guint i = 0; i < self->unknowns->len; i++)
    {
      Unknown *unknown = self->unknowns->pdata[i];

      if (unknown->resolved_in_file || unknown->pub.count == 0)
        continue;
      if (index-- == 0)
        return unknown;
    }
  return NULL;
}

/**
 * jx_import_get_unknown:
 * @self: a validated #JxImport
 * @index: from 0 to jx_import_get_n_unknowns() - 1
 *
 * Returns: (transfer none): an unknown name of the file, with its count, first line and
 *   suggestion; its `create` member says whether the import creates it
 */
JxImportUnknown *
jx_import_get_unknown (JxImport *self,
                       guint     index)
{
  Unknown *unknown;

  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);

  unknown = nth_unknown (self, index);
  g_return_val_if_fail (unknown != NULL, NULL);
  return &unknown->pub;
}

/* The "create" switch of one unknown name. */
void
jx_import_set_create (JxImport *self,
                      guint     index,
                      gboolean  create)
{
  Unknown *unknown;

  g_return_if_fail (JX_IS_IMPORT (self));

  unknown = nth_unknown (self, index);
  g_return_if_fail (unknown != NULL);
  unknown->pub.create = create && unknown->pub.can_create;
  refresh_summary_unknowns (self);
}

const JxImportSummary *
jx_import_get_summary (JxImport *self)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), NULL);

  return self->summary;
}

/**
 * jx_import_write:
 * @self: a validated #JxImport without problems
 * @dry_run: roll back at the end instead of keeping the transaction open
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called with the fraction written, in this thread
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Writes the file in one transaction labelled "Import …" and counts new, updated and
 * unchanged rows in the summary. It touches no main context, so it can run in a worker
 * thread; the transaction stays open until jx_import_commit() or jx_import_rollback() is
 * called (from the thread that owns the store, as they emit JxStore::changed). A dry run
 * rolls back here and leaves the database as it was.
 *
 * Returns: %FALSE with @error set (nothing written) on problems, cancel or a database error
 */
gboolean
jx_import_write (JxImport              *self,
                 gboolean               dry_run,
                 GCancellable          *cancellable,
                 JxImportProgressFunc   progress,
                 gpointer               user_data,
                 GError               **error)
{
  Pass pass;
  gboolean ok;
  g_autofree char *label = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->validated, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (jx_import_summary_has_problems (self->summary))
    {
      guint n = self->summary->n_errors + self->summary->unknowns->len;

      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u problem; nothing was imported.",
                                "%s has %u problems; nothing was imported.", n),
                   self->display_name, n);
      return FALSE;
    }

  self->summary->n_new = self->summary->n_updated = self->summary->n_unchanged = 0;
  g_ptr_array_set_size (self->summary->created, 0);
  self->summary->dry_run = dry_run;
  self->summary->written = FALSE;

  base = g_path_get_basename (self->display_name);
  /* Translators: the undo label of an import; %s is the file's name. */
  label = g_strdup_printf (_("Import %s"), base);
  /* Every id the import writes comes from a row it has just read or created in the same
   * transaction, so the foreign keys hold by construction; checking them again on each of
   * a million rows would cost a third of the time. SQLite takes this pragma only outside a
   * transaction; commit and rollback turn the checks back on. */
  if (!jx_store_in_transaction (self->store))
    jx_store_exec (self->store, "PRAGMA foreign_keys = OFF", NULL);
  if (!jx_store_begin (self->store, label, error))
    {
      jx_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }
  self->in_transaction = TRUE;

  /* A fresh scratch database: the first pass's keys are not needed any more. */
  if (!open_scratch (self, error))
    {
      jx_import_rollback (self);
      return FALSE;
    }
  if (!pass_init (self, &pass, TRUE, error))
    {
      pass_clear (&pass);
      jx_import_rollback (self);
      return FALSE;
    }
  /* Writing deals adds no names while the file is read (missing ones are created first). */
  pass.resolve_in_reader = self->kind == JX_IMPORT_KIND_DEALS;
  pass.cancellable = cancellable;
  pass.progress = progress;
  pass.progress_data = user_data;
  pass.progress_span = 1.0;

  ok = load_maps (self, error) && create_missing (self, error) && prepare_entered_stages (self) &&
       run_step (kind_steps[self->kind].start_writing, &pass, error) &&
       pass_run (&pass, kind_steps[self->kind].write_row, error) &&
       run_step (kind_steps[self->kind].finish_writing, &pass, error);
  pass_clear (&pass);
  g_clear_pointer (&self->scratch, sqlite3_close);
  if (!ok)
    {
      jx_import_rollback (self);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  self->summary->written = TRUE;
  if (dry_run)
    jx_import_rollback (self);
  return TRUE;
}

/* Commits what jx_import_write() wrote; emits JxStore::changed in this thread. */
gboolean
jx_import_commit (JxImport  *self,
                  GError   **error)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  self->in_transaction = FALSE;
  if (!jx_store_commit (self->store, error))
    {
      jx_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
      self->summary->written = FALSE;
      return FALSE;
    }
  jx_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
  return TRUE;
}

/* Abandons what jx_import_write() wrote. */
void
jx_import_rollback (JxImport *self)
{
  g_return_if_fail (JX_IS_IMPORT (self));

  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  jx_store_rollback (self->store);
  jx_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
  /* The maps may hold rows created inside the transaction. */
  self->validated = self->validated && self->summary != NULL;
}

/**
 * jx_import_run:
 * @self: an open #JxImport
 * @dry_run: check and count, but write nothing
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called with the fraction done
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Validates (when the mapping or options changed since the last validation), writes and
 * commits, all in the calling thread: what the CLI and tests use.
 *
 * Returns: %FALSE with @error set when the file has problems (see the summary) or the
 *   import failed; nothing is written then
 */
gboolean
jx_import_run (JxImport              *self,
               gboolean               dry_run,
               GCancellable          *cancellable,
               JxImportProgressFunc   progress,
               gpointer               user_data,
               GError               **error)
{
  g_return_val_if_fail (JX_IS_IMPORT (self), FALSE);

  if (!self->validated && !jx_import_validate (self, cancellable, NULL, NULL, error))
    return FALSE;
  if (dry_run && jx_import_summary_has_problems (self->summary))
    {
      self->summary->dry_run = TRUE;
      return TRUE;
    }
  if (!jx_import_write (self, dry_run, cancellable, progress, user_data, error))
    return FALSE;
  if (dry_run)
    return TRUE;
  return jx_import_commit (self, error);
}
