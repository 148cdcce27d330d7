/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "jx-date.h"
#include "jx-deal-list.h"
#include "jx-funnel-cache-private.h"
#include "jx-sqlite-private.h"

/*
 * Rows are made on demand in blocks of BLOCK_SIZE positions; at most MAX_BLOCKS blocks
 * are kept (least recently used go first), which is several screens of a column view.
 * Sorting happens in C on (key, id) pairs: SQLite's sorter takes seconds for a million
 * rows, a merge sort of integers a tenth of that.
 */

#define BLOCK_SIZE 64
#define MAX_BLOCKS 64

/* A threaded list waits this long after the last change before it reloads, so a burst of
 * changes (typing, undoing several steps) costs one query. */
#define RELOAD_DELAY_MS 120

/* What the query selects: a copy goes to the worker thread. */
typedef struct {
  char         *search;
  JxDealFilter  filter;
  int           status;
  gint64        stage_id;
  JxDealSort    sort;
  gboolean      descending;
} Query;

typedef struct {
  guint   index;
  GList  *link;                 /* in lru */
  JxDeal *items[BLOCK_SIZE];
} Block;

struct _JxDealList {
  GObject       parent_instance;

  JxStore      *store;
  gulong        changed_id;
  GDate         today;
  gint32        today_day;
  char         *currency;

  gboolean      fixed;          /* made from an id list, not from a query */
  GArray       *ids;            /* gint64 */

  char         *search;
  JxDealFilter  filter;
  int           status;
  gint64        stage_id;
  JxDealSort    sort;
  gboolean      descending;

  gint64        total;          /* sum of the known amounts */

  GHashTable   *blocks;         /* block index → Block */
  GQueue        lru;            /* most recent first */
  sqlite3_stmt *row;

  /* Threaded reloads: a reload is wanted (dirty), waits for the delay, then runs in a
   * worker; a newer request cancels the running one, whose result is dropped. */
  gboolean      threaded;
  gboolean      paused;
  gboolean      missed;         /* a reload was asked for while paused */
  gboolean      dirty;
  gboolean      loading;
  guint         delay_id;
  guint         generation;
  guint         running_generation;
  GCancellable *running;        /* the worker's, while one runs */
};

static void jx_deal_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxDealList, jx_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_deal_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sorting ---------------------------------------------------------------------------- */

typedef struct {
  gint64      key;
  gint64      id;
  const char *text;
  gboolean    missing;          /* no value: last in either direction */
} SortRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortRow *x = a, *y = b;
  gboolean descending = GPOINTER_TO_INT (user_data);
  int c = 0;

  if (x->missing != y->missing)
    return x->missing ? 1 : -1;
  if (x->text != NULL || y->text != NULL)
    {
      /* Texts are stored in ASCII lower case, so strcmp() (much quicker than a caseless
       * compare) sorts without regard to case; the key holds their first eight bytes. */
      if ((guint64) x->key != (guint64) y->key)
        c = (guint64) x->key < (guint64) y->key ? -1 : 1;
      else
        c = strcmp (x->text != NULL ? x->text : "", y->text != NULL ? y->text : "");
    }
  else if (x->key != y->key)
    c = x->key < y->key ? -1 : 1;
  if (c == 0)
    c = x->id < y->id ? -1 : x->id > y->id;
  return descending ? -c : c;
}

typedef struct {
  gint64 id;
  gint64 rank;
} Rank;

static int
compare_rank_ids (const void *a,
                  const void *b)
{
  const Rank *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* id → place in name order (or in process order for stages), for sorting by a name. */
static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      jx_store_set_error (NULL, rc, error);
      return NULL;
    }
  return stmt;
}

static GArray *
load_ranks (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);
  g_autoptr(GArray) ranks = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  ranks = g_array_new (FALSE, FALSE, sizeof (Rank));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Rank r = { sqlite3_column_int64 (stmt, 0), ranks->len };
      g_array_append_val (ranks, r);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (NULL, rc, error);
      return NULL;
    }
  qsort (ranks->data, ranks->len, sizeof (Rank), compare_rank_ids);
  return g_steal_pointer (&ranks);
}

static gboolean
rank_of (GArray *ranks,
         gint64  id,
         gint64 *rank)
{
  Rank key = { id, 0 };
  const Rank *found = bsearch (&key, ranks->data, ranks->len, sizeof (Rank), compare_rank_ids);

  if (found == NULL)
    return FALSE;
  *rank = found->rank;
  return TRUE;
}

/* Row cache --------------------------------------------------------------------------- */

static void
block_free (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < BLOCK_SIZE; i++)
    g_clear_object (&block->items[i]);
  g_free (block);
}

static void
clear_blocks (JxDealList *self)
{
  g_hash_table_remove_all (self->blocks);
  g_queue_clear (&self->lru);
}

static JxDeal *
load_deal (JxDealList *self,
           gint64      id)
{
  JxDealRow row = { 0 };
  JxDeal *deal;
  int rc;

  if (self->row == NULL)
    {
      self->row = jx_store_prepare (self->store,
                                    "SELECT d.id, d.ref, d.title, d.customer_id, c.name,"
                                    " d.owner_id, t.name, d.product_id, p.name, d.amount,"
                                    " d.stage_id, s.name,"
                                    " d.status, d.stage_entered, d.expected_close, d.opened,"
                                    " d.closed, d.lost_reason, d.won_reason FROM deals d"
                                    " LEFT JOIN customers c ON c.id = d.customer_id"
                                    " LEFT JOIN team_members t ON t.id = d.owner_id"
                                    " LEFT JOIN products p ON p.id = d.product_id"
                                    " LEFT JOIN stages s ON s.id = d.stage_id WHERE d.id = ?1",
                                    NULL);
      if (self->row == NULL)
        return NULL;
    }
  sqlite3_bind_int64 (self->row, 1, id);
  rc = sqlite3_step (self->row);
  if (rc == SQLITE_ROW)
    {
      sqlite3_stmt *s = self->row;
      gint32 entered;

      row.id = sqlite3_column_int64 (s, 0);
      row.ref = jx_column_text (s, 1);
      row.title = jx_column_text (s, 2);
      row.customer_id = jx_column_int64_or (s, 3, 0);
      row.customer = jx_column_text (s, 4);
      row.owner_id = jx_column_int64_or (s, 5, 0);
      row.owner = jx_column_text (s, 6);
      row.product_id = jx_column_int64_or (s, 7, 0);
      row.product = jx_column_text (s, 8);
      row.amount = jx_column_int64_or (s, 9, -1);
      row.currency = self->currency;
      row.stage_id = sqlite3_column_int64 (s, 10);
      row.stage = jx_column_text (s, 11);
      row.status = sqlite3_column_int (s, 12);
      row.stage_entered = jx_column_text (s, 13);
      row.expected_close = jx_column_text (s, 14);
      row.opened = jx_column_text (s, 15);
      row.closed = jx_column_text (s, 16);
      row.lost_reason = jx_column_text (s, 17);
      row.won_reason = jx_column_text (s, 18);
      entered = jx_day_from_iso (row.stage_entered);
      row.days_in_stage = row.status == 0 && entered != 0 && self->today_day != 0
                          ? MAX (self->today_day - entered, 0) : -1;
    }
  else
    {
      /* Deleted since the ids were read: an empty row until the reload the deletion
       * causes. */
      row.id = id;
      row.amount = -1;
      row.days_in_stage = -1;
    }
  deal = jx_deal_new (&row);
  sqlite3_reset (self->row);
  return deal;
}

/* GListModel --------------------------------------------------------------------------- */

static GType
jx_deal_list_get_item_type (GListModel *model)
{
  return JX_TYPE_DEAL;
}

static guint
jx_deal_list_get_n_items (GListModel *model)
{
  return JX_DEAL_LIST (model)->ids->len;
}

static gpointer
jx_deal_list_get_item (GListModel *model,
                       guint       position)
{
  JxDealList *self = JX_DEAL_LIST (model);
  guint index = position / BLOCK_SIZE;
  Block *block;

  if (position >= self->ids->len)
    return NULL;

  block = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (index));
  if (block == NULL)
    {
      if (g_queue_get_length (&self->lru) >= MAX_BLOCKS)
        {
          guint oldest = GPOINTER_TO_UINT (g_queue_pop_tail (&self->lru));
          g_hash_table_remove (self->blocks, GUINT_TO_POINTER (oldest));
        }
      block = g_new0 (Block, 1);
      block->index = index;
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (index));
      block->link = self->lru.head;
      g_hash_table_insert (self->blocks, GUINT_TO_POINTER (index), block);
    }
  else if (block->link != self->lru.head)
    {
      g_queue_unlink (&self->lru, block->link);
      g_queue_push_head_link (&self->lru, block->link);
    }

  if (block->items[position % BLOCK_SIZE] == NULL)
    block->items[position % BLOCK_SIZE] =
      load_deal (self, g_array_index (self->ids, gint64, position));
  return block->items[position % BLOCK_SIZE] != NULL
         ? g_object_ref (block->items[position % BLOCK_SIZE]) : NULL;
}

static void
jx_deal_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_deal_list_get_item_type;
  iface->get_n_items = jx_deal_list_get_n_items;
  iface->get_item = jx_deal_list_get_item;
}

/* The query ---------------------------------------------------------------------------- */

static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->search, g_free);
}

static void
query_copy (Query      *q,
            JxDealList *self)
{
  q->search = g_strdup (self->search);
  q->filter = self->filter;
  q->status = self->status;
  q->stage_id = self->stage_id;
  q->sort = self->sort;
  q->descending = self->descending;
}

/* Runs the query on @db and sorts; the SQL is made of fixed pieces, values are bound. It
 * touches nothing but @db and @q, so a worker thread can run it on its own connection.
 * @total gets the sum of the known amounts. */
static GArray *
query_ids (sqlite3       *db,
           const Query   *q,
           GCancellable  *cancellable,
           gint64        *total,
           GError       **error)
{
  const JxDealFilter *f = &q->filter;
  g_autoptr(GString) sql = g_string_new ("SELECT d.id, d.amount");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) ranks = NULL;
  g_autoptr(GStringChunk) texts = NULL;
  g_autofree char *pattern = NULL;
  GArray *ids;
  gboolean search = q->search != NULL && q->search[0] != '\0';
  gboolean by_customer = f->region_id > 0 || f->tier[0] != '\0' || f->customer_type_id > 0;
  int rc;

  switch (q->sort)
    {
    case JX_DEAL_SORT_ID: break;
    case JX_DEAL_SORT_TITLE: g_string_append (sql, ", d.title"); break;
    case JX_DEAL_SORT_CUSTOMER: g_string_append (sql, ", d.customer_id"); break;
    case JX_DEAL_SORT_OWNER: g_string_append (sql, ", d.owner_id"); break;
    case JX_DEAL_SORT_PRODUCT: g_string_append (sql, ", d.product_id"); break;
    case JX_DEAL_SORT_AMOUNT: g_string_append (sql, ", d.amount"); break;
    case JX_DEAL_SORT_STAGE: g_string_append (sql, ", d.stage_id"); break;
    case JX_DEAL_SORT_DAYS_IN_STAGE:
      g_string_append (sql, ", CASE WHEN d.status = 0 THEN d.stage_entered END");
      break;
    case JX_DEAL_SORT_EXPECTED_CLOSE: g_string_append (sql, ", d.expected_close"); break;
    case JX_DEAL_SORT_OPENED: g_string_append (sql, ", d.opened"); break;
    default: g_assert_not_reached ();
    }
  g_string_append (sql, " FROM deals d WHERE 1");
  /* Customer conditions as IN (subquery): SQLite reads the small customers table once
   * instead of joining it to every deal. */
  if (search)
    g_string_append (sql, " AND (d.title LIKE :search ESCAPE '\\' OR d.ref LIKE :search"
                          " ESCAPE '\\' OR d.customer_id IN (SELECT id FROM customers"
                          " WHERE name LIKE :search ESCAPE '\\'))");
  if (g_date_valid (&f->to))
    g_string_append (sql, " AND d.opened <= :to");
  if (g_date_valid (&f->from))
    g_string_append (sql, " AND (d.closed IS NULL OR d.closed >= :from)");
  if (by_customer)
    {
      g_string_append (sql, " AND d.customer_id IN (SELECT c.id FROM customers c WHERE 1");
      if (f->region_id > 0)
        g_string_append (sql, " AND c.region_id IN (WITH RECURSIVE tree(id) AS (SELECT :region"
                              " UNION SELECT r.id FROM regions r JOIN tree t ON"
                              " r.parent_id = t.id) SELECT id FROM tree)");
      if (g_str_equal (f->tier, "none"))
        g_string_append (sql, " AND c.tier IS NULL");
      else if (f->tier[0] != '\0')
        g_string_append (sql, " AND c.tier = :tier");
      if (f->customer_type_id > 0)
        g_string_append (sql, " AND c.type_id = :type");
      g_string_append (sql, ")");
    }
  if (f->owner_id > 0)
    g_string_append (sql, " AND d.owner_id = :owner");
  if (f->product_id > 0)
    g_string_append (sql, " AND d.product_id = :product");
  if (f->product_line_id > 0)
    g_string_append (sql, " AND d.product_id IN (SELECT id FROM products WHERE line_id = :line)");
  if (q->status != JX_DEAL_STATUS_ANY)
    g_string_append (sql, " AND d.status = :status");
  if (q->stage_id > 0)
    g_string_append (sql, " AND d.stage_id = :stage");

  stmt = prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (search)
    {
      pattern = like_pattern (q->search);
      bind_named_text (stmt, ":search", pattern);
    }
  if (g_date_valid (&f->to))
    {
      char to[11];
      jx_date_to_iso_buf (&f->to, to);
      bind_named_text (stmt, ":to", to);
    }
  if (g_date_valid (&f->from))
    {
      char from[11];
      jx_date_to_iso_buf (&f->from, from);
      bind_named_text (stmt, ":from", from);
    }
  bind_named_int64 (stmt, ":region", f->region_id);
  bind_named_int64 (stmt, ":owner", f->owner_id);
  bind_named_int64 (stmt, ":product", f->product_id);
  bind_named_int64 (stmt, ":line", f->product_line_id);
  bind_named_text (stmt, ":tier", f->tier);
  bind_named_int64 (stmt, ":type", f->customer_type_id);
  bind_named_int64 (stmt, ":status", q->status);
  bind_named_int64 (stmt, ":stage", q->stage_id);

  switch (q->sort)
    {
    case JX_DEAL_SORT_CUSTOMER:
      ranks = load_ranks (db, "SELECT id FROM customers ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_OWNER:
      ranks = load_ranks (db, "SELECT id FROM team_members ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_PRODUCT:
      ranks = load_ranks (db, "SELECT id FROM products ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_STAGE:
      ranks = load_ranks (db, "SELECT id FROM stages ORDER BY kind != 0, kind, position, id",
                          error);
      break;
    default:
      break;
    }
  if (ranks == NULL && (q->sort == JX_DEAL_SORT_CUSTOMER || q->sort == JX_DEAL_SORT_OWNER ||
                        q->sort == JX_DEAL_SORT_PRODUCT || q->sort == JX_DEAL_SORT_STAGE))
    return NULL;

  *total = 0;
  rows = g_array_sized_new (FALSE, FALSE, sizeof (SortRow), 1024);
  if (q->sort == JX_DEAL_SORT_TITLE)
    texts = g_string_chunk_new (1 << 20);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SortRow row = { 0, sqlite3_column_int64 (stmt, 0), NULL, FALSE };

      *total += sqlite3_column_int64 (stmt, 1);
      switch (q->sort)
        {
        case JX_DEAL_SORT_ID:
          row.key = row.id;
          break;
        case JX_DEAL_SORT_TITLE:
          {
            const char *title = jx_column_text (stmt, 2) != NULL ? jx_column_text (stmt, 2) : "";
            char *lower = g_string_chunk_insert (texts, title);
            guint64 prefix = 0;
            int n = 0;

            for (char *p = lower; *p != '\0'; p++)
              *p = g_ascii_tolower (*p);
            for (; n < 8 && lower[n] != '\0'; n++)
              prefix = prefix << 8 | (guchar) lower[n];
            row.key = n > 0 ? (gint64) (prefix << (8 * (8 - n))) : 0;
            row.text = lower;
          }
          break;
        case JX_DEAL_SORT_CUSTOMER:
        case JX_DEAL_SORT_OWNER:
        case JX_DEAL_SORT_PRODUCT:
        case JX_DEAL_SORT_STAGE:
          row.missing = sqlite3_column_type (stmt, 2) == SQLITE_NULL ||
                        !rank_of (ranks, sqlite3_column_int64 (stmt, 2), &row.key);
          break;
        case JX_DEAL_SORT_AMOUNT:
          row.missing = sqlite3_column_type (stmt, 2) == SQLITE_NULL;
          row.key = sqlite3_column_int64 (stmt, 2);
          break;
        case JX_DEAL_SORT_DAYS_IN_STAGE:
          /* More days in the stage is an earlier entry. */
          row.key = -(gint64) jx_day_from_iso (jx_column_text (stmt, 2));
          row.missing = row.key == 0;
          break;
        case JX_DEAL_SORT_EXPECTED_CLOSE:
        case JX_DEAL_SORT_OPENED:
          row.key = jx_day_from_iso (jx_column_text (stmt, 2));
          row.missing = row.key == 0;
          break;
        default:
          g_assert_not_reached ();
        }
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      jx_store_set_error (NULL, rc, error);
      return NULL;
    }

  /* Rows usually come in id order, which is already the order for the default key. */
  for (guint i = 1; i < rows->len; i++)
    if (compare_rows (&g_array_index (rows, SortRow, i - 1), &g_array_index (rows, SortRow, i),
                      GINT_TO_POINTER (q->descending)) > 0)
      {
        g_array_sort_with_data (rows, compare_rows, GINT_TO_POINTER (q->descending));
        break;
      }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  g_array_set_size (ids, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (rows, SortRow, i).id;
  return ids;
}

static gboolean
same_ids (GArray *a,
          guint   a_start,
          GArray *b,
          guint   b_start,
          guint   n)
{
  return n == 0 || memcmp (&g_array_index (a, gint64, a_start), &g_array_index (b, gint64, b_start),
                           n * sizeof (gint64)) == 0;
}

/* Announces a change in two steps. A list model must look, while it announces a step, as
 * it is after that step, so the list shows @between meanwhile; the rows it made then are
 * dropped, since their positions were those of @between. */
static void
announce_two_steps (JxDealList *self,
                    GArray     *between,
                    guint       position1,
                    guint       removed1,
                    guint       added1,
                    guint       position2,
                    guint       removed2,
                    guint       added2)
{
  GArray *final = self->ids;

  self->ids = between;
  g_list_model_items_changed (G_LIST_MODEL (self), position1, removed1, added1);
  clear_blocks (self);
  self->ids = final;
  g_array_unref (between);
  g_list_model_items_changed (G_LIST_MODEL (self), position2, removed2, added2);
}

/* The ids of the new list without its rows [@position, @position + @n). */
static GArray *
ids_without (GArray *ids,
             guint   position,
             guint   n)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len - n);

  g_array_append_vals (out, ids->data, position);
  g_array_append_vals (out, &g_array_index (ids, gint64, position + n), ids->len - position - n);
  return out;
}

/*
 * Announces that @removed old rows at @position became @added new ones. GTK 4.8's list
 * views, when a change removes a row they show (or keep focused), look for its object
 * among all the added rows, asking the model for each: for a re-sorted million deals that
 * is a million rows made from SQL, seconds of a frozen window. So one deal that moved
 * (an edit in a sorted list) is announced as a removal and an insertion, and a large
 * change (a new sort, search or filter) as all removed, then all added; a view then
 * starts again at the top of the changed rows, as it should after a new sort.
 */
static void
announce_range (JxDealList *self,
                GArray     *old_ids,
                guint       position,
                guint       removed,
                guint       added)
{
  GArray *ids = self->ids;

  if (removed == added && removed > 2)
    {
      guint last = position + removed - 1;

      /* One row moved down: the others moved up by one. */
      if (g_array_index (old_ids, gint64, position) == g_array_index (ids, gint64, last) &&
          same_ids (old_ids, position + 1, ids, position, removed - 1))
        {
          announce_two_steps (self, ids_without (ids, last, 1), position, 1, 0, last, 0, 1);
          return;
        }
      /* One row moved up. */
      if (g_array_index (ids, gint64, position) == g_array_index (old_ids, gint64, last) &&
          same_ids (old_ids, position, ids, position + 1, removed - 1))
        {
          announce_two_steps (self, ids_without (ids, position, 1), last, 1, 0, position, 0, 1);
          return;
        }
    }
  if (removed > 0 && added > 0 && removed + added > 2 * BLOCK_SIZE)
    {
      announce_two_steps (self, ids_without (ids, position, added), position, removed, 0,
                          position, 0, added);
      return;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Tells the views what changed: the range between the first and the last id that differ,
 * and the rows outside it that a view was shown (their objects may be out of date). */
static void
announce (JxDealList *self,
          GArray     *old_ids,
          GList      *shown_blocks)
{
  GArray *ids = self->ids;
  guint prefix = 0, suffix = 0;
  guint n_old = old_ids->len, n_new = ids->len;

  while (prefix < n_old && prefix < n_new &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_array_index (old_ids, gint64, n_old - 1 - suffix) ==
         g_array_index (ids, gint64, n_new - 1 - suffix))
    suffix++;

  if (prefix < n_old || prefix < n_new)
    announce_range (self, old_ids, prefix, n_old - prefix - suffix, n_new - prefix - suffix);
  for (GList *l = shown_blocks; l != NULL; l = l->next)
    {
      /* Block positions are old positions. */
      guint start = GPOINTER_TO_UINT (l->data) * BLOCK_SIZE;
      guint end = MIN (start + BLOCK_SIZE, n_old);
      guint head_end = MIN (end, prefix);
      guint tail_start = MAX (start, n_old - suffix);

      if (head_end > start)
        g_list_model_items_changed (G_LIST_MODEL (self), start, head_end - start,
                                    head_end - start);
      if (end > tail_start)
        g_list_model_items_changed (G_LIST_MODEL (self), tail_start - n_old + n_new,
                                    end - tail_start, end - tail_start);
    }
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_loading (JxDealList *self)
{
  gboolean loading = self->dirty || self->delay_id != 0 ||
                     (self->running != NULL && self->running_generation == self->generation);

  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Puts @ids (taken) in place of the current ones and tells the views. */
static void
apply_ids (JxDealList *self,
           GArray     *ids,
           gint64      total)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GList) shown = NULL;

  g_free (self->currency);
  self->currency = jx_store_get_setting (self->store, "currency");
  shown = g_hash_table_get_keys (self->blocks);
  clear_blocks (self);
  old_ids = self->ids;
  self->ids = ids;
  self->total = total;
  announce (self, old_ids, shown);
}

/**
 * jx_deal_list_reload:
 *
 * Setters that change nothing do not reload. This runs the query again at once, in this thread (the setters and JxStore::changed do this
 * already, or schedule it when the list is threaded), and tells the views what changed.
 * A threaded reload still running is dropped.
 */
gboolean
jx_deal_list_reload (JxDealList  *self,
                     GError     **error)
{
  GArray *ids;
  gint64 total = self->total;

  g_return_val_if_fail (JX_IS_DEAL_LIST (self), FALSE);

  self->generation++;
  self->dirty = FALSE;
  g_clear_handle_id (&self->delay_id, g_source_remove);
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  set_loading (self);

  if (self->fixed)
    ids = g_array_ref (self->ids);
  else
    {
      Query q = { 0 };

      query_copy (&q, self);
      ids = query_ids (jx_store_get_db (self->store), &q, NULL, &total, error);
      query_clear (&q);
      if (ids == NULL)
        return FALSE;
    }
  apply_ids (self, ids, total);
  return TRUE;
}

static void
reload_or_warn (JxDealList *self)
{
  g_autoptr(GError) error = NULL;

  if (!jx_deal_list_reload (self, &error))
    g_warning ("Could not reload the deals: %s", error->message);
}

/* Threaded reloads ---------------------------------------------------------------------- */

typedef struct {
  char   *path;
  Query   query;
  guint   generation;
  gint64  total;
} ReloadJob;

static void
reload_job_free (gpointer data)
{
  ReloadJob *job = data;

  g_free (job->path);
  query_clear (&job->query);
  g_free (job);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* Runs in a thread of its own rather than GTask's shared pool, so that lowering its
 * priority touches nothing else. */
static gpointer
reload_thread (gpointer data)
{
  GTask *task = data;
  ReloadJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  GArray *ids;
  int rc;

  /* Behind the window's thread when processors are scarce (on Linux this lowers the
   * priority of this thread only), so scrolling and typing stay smooth while it sorts. */
  setpriority (PRIO_PROCESS, 0, 10);

  /* Its own read-only connection: in WAL mode it reads while the window's connection
   * writes, and sees every commit made before it started. */
  rc = sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      jx_store_set_error (NULL, rc, &error);
      sqlite3_close (db);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_progress_handler (db, 10000, progress_cb, cancellable);
  ids = query_ids (db, &job->query, cancellable, &job->total, &error);
  sqlite3_close (db);
  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  g_object_unref (task);
  return NULL;
}

static void start_job (JxDealList *self);

static void
reload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JxDealList *self = JX_DEAL_LIST (source);
  ReloadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GArray *ids = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->running);
  if (self->store == NULL)
    {
      /* Disposed meanwhile. */
      g_clear_pointer (&ids, g_array_unref);
      return;
    }
  if (job->generation == self->generation && ids != NULL)
    apply_ids (self, g_steal_pointer (&ids), job->total);
  else if (job->generation == self->generation &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not reload the deals: %s", error->message);
  g_clear_pointer (&ids, g_array_unref);

  if (self->dirty && self->delay_id == 0 && self->store != NULL)
    start_job (self);
  set_loading (self);
}

static void
start_job (JxDealList *self)
{
  g_autoptr(GTask) task = NULL;
  ReloadJob *job = g_new0 (ReloadJob, 1);

  job->path = g_strdup (jx_store_get_path (self->store));
  query_copy (&job->query, self);
  job->generation = self->generation;
  self->dirty = FALSE;
  self->running = g_cancellable_new ();
  self->running_generation = self->generation;

  task = g_task_new (self, self->running, reload_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, reload_job_free);
  g_thread_unref (g_thread_new ("jx-deal-list", reload_thread, g_object_ref (task)));
}

static gboolean
delay_done_cb (gpointer data)
{
  JxDealList *self = data;

  self->delay_id = 0;
  if (self->dirty && self->running == NULL)
    start_job (self);
  set_loading (self);
  return G_SOURCE_REMOVE;
}

/* What the setters and JxStore::changed call: a reload now, or a threaded one soon. */
static void
request_reload (JxDealList *self)
{
  const char *path = jx_store_get_path (self->store);

  if (self->paused)
    {
      self->missed = TRUE;
      return;
    }
  if (!self->threaded || self->fixed || path == NULL ||
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      reload_or_warn (self);
      return;
    }
  self->generation++;
  self->dirty = TRUE;
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  self->delay_id = g_timeout_add (RELOAD_DELAY_MS, delay_done_cb, self);
  set_loading (self);
}

static void
on_store_changed_cb (JxStore    *store,
                     guint       tables,
                     JxDealList *self)
{
  if (tables & (JX_TABLE_DEALS | JX_TABLE_CUSTOMERS | JX_TABLE_TEAM_MEMBERS |
                JX_TABLE_PRODUCTS | JX_TABLE_PRODUCT_LINES | JX_TABLE_STAGES |
                JX_TABLE_REGIONS | JX_TABLE_SETTINGS))
    request_reload (self);
}

/* GObject ------------------------------------------------------------------------------ */

static void
jx_deal_list_dispose (GObject *object)
{
  JxDealList *self = (JxDealList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_pointer (&self->row, sqlite3_finalize);
  if (self->blocks != NULL)
    clear_blocks (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jx_deal_list_parent_class)->dispose (object);
}

static void
jx_deal_list_finalize (GObject *object)
{
  JxDealList *self = (JxDealList *) object;

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (jx_deal_list_parent_class)->finalize (object);
}

static void
jx_deal_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JxDealList *self = JX_DEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deal_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JxDealList *self = JX_DEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      jx_deal_list_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_deal_list_class_init (JxDealListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_deal_list_dispose;
  object_class->finalize = jx_deal_list_finalize;
  object_class->get_property = jx_deal_list_get_property;
  object_class->set_property = jx_deal_list_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_deal_list_init (JxDealList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, block_free);
  self->status = JX_DEAL_STATUS_ANY;
  jx_deal_filter_init (&self->filter);
  g_date_clear (&self->today, 1);
}

static JxDealList *
make (JxStore     *store,
      const GDate *today)
{
  JxDealList *self = g_object_new (JX_TYPE_DEAL_LIST, NULL);

  self->store = g_object_ref (store);
  self->today = *today;
  self->today_day = jx_day_from_date (today);
  self->currency = jx_store_get_setting (store, "currency");
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return self;
}

/**
 * jx_deal_list_new:
 * @today: the day "days in stage" counts to
 *
 * All deals, by id, until a search, a filter or a sort key is set.
 *
 * Returns: (transfer full): the list
 */
JxDealList *
jx_deal_list_new (JxStore     *store,
                  const GDate *today)
{
  JxDealList *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = make (store, today);
  reload_or_warn (self);
  return self;
}

/**
 * jx_deal_list_new_threaded:
 * @today: the day "days in stage" counts to
 *
 * A list for a view over a large database: it starts empty and runs its query in a worker
 * thread with its own connection to the file, shortly after the last setter call or store
 * change, so a view never waits for it. The old rows stay until the new ones are ready;
 * #JxDealList:loading says when a reload is under way. A store that is not a file
 * reloads in this thread.
 *
 * Returns: (transfer full): the list
 */
JxDealList *
jx_deal_list_new_threaded (JxStore     *store,
                           const GDate *today)
{
  JxDealList *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = make (store, today);
  self->threaded = TRUE;
  request_reload (self);
  return self;
}

/**
 * jx_deal_list_new_for_ids:
 * @ids: (element-type gint64): deal ids in the order to show them, as jx_funnel_deal_ids()
 *   gives them; the list keeps a reference
 *
 * A list of given deals, for a funnel band or the stalled deals. Changes to the deals show
 * when the store changes; the set of deals stays as given.
 *
 * Returns: (transfer full): the list
 */
JxDealList *
jx_deal_list_new_for_ids (JxStore     *store,
                          const GDate *today,
                          GArray      *ids)
{
  JxDealList *self;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64), NULL);

  self = make (store, today);
  self->fixed = TRUE;
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  return self;
}

/* Deals whose title, reference or customer contains @text (ASCII letters in any case). */
void
jx_deal_list_set_search (JxDealList *self,
                         const char *text)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (!self->fixed)
    request_reload (self);
}

const char *
jx_deal_list_get_search (JxDealList *self)
{
  g_return_val_if_fail (JX_IS_DEAL_LIST (self), NULL);

  return self->search;
}

void
jx_deal_list_set_filter (JxDealList         *self,
                         const JxDealFilter *filter)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));
  g_return_if_fail (filter != NULL);

  if (memcmp (&self->filter, filter, sizeof *filter) == 0)
    return;
  self->filter = *filter;
  if (!self->fixed)
    request_reload (self);
}

/* Only deals with @status (0 open, 1 won, 2 lost), or JX_DEAL_STATUS_ANY. */
void
jx_deal_list_set_status (JxDealList *self,
                         int         status)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  if (self->status == status)
    return;
  self->status = status;
  if (!self->fixed)
    request_reload (self);
}

/* Only deals currently in @stage_id, or 0 for any stage (a pipeline board column). */
void
jx_deal_list_set_stage (JxDealList *self,
                        gint64      stage_id)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  if (self->stage_id == stage_id)
    return;
  self->stage_id = stage_id;
  if (!self->fixed)
    request_reload (self);
}

/* Deals without a value for @key (no amount, no expected close) come last either way. */
void
jx_deal_list_set_sort (JxDealList *self,
                       JxDealSort  key,
                       gboolean    descending)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));
  g_return_if_fail (key <= JX_DEAL_SORT_OPENED);

  if (self->sort == key && self->descending == descending)
    return;
  self->sort = key;
  self->descending = descending;
  if (!self->fixed)
    request_reload (self);
}

void
jx_deal_list_set_today (JxDealList  *self,
                        const GDate *today)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  self->today_day = jx_day_from_date (today);
  request_reload (self);
}

/* The deal id at @position without making its object, or 0 past the end. */
gint64
jx_deal_list_get_id (JxDealList *self,
                     guint       position)
{
  g_return_val_if_fail (JX_IS_DEAL_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * jx_deal_list_set_paused:
 *
 * A paused list does not reload, which spares a hidden view the cost of following every
 * change of a large database; when it resumes it reloads once if anything asked for it
 * meanwhile. jx_deal_list_reload() still reloads a paused list.
 */
void
jx_deal_list_set_paused (JxDealList *self,
                         gboolean    paused)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  if (self->paused == !!paused)
    return;
  self->paused = !!paused;
  if (!self->paused && self->missed)
    {
      self->missed = FALSE;
      request_reload (self);
    }
}

/* Whether a threaded reload is waiting or running. */
gboolean
jx_deal_list_get_loading (JxDealList *self)
{
  g_return_val_if_fail (JX_IS_DEAL_LIST (self), FALSE);

  return self->loading;
}

/* The sum of the amounts of the deals in the list (unknown amounts count as 0); always 0
 * for a list made from ids. */
gint64
jx_deal_list_get_amount_total (JxDealList *self)
{
  g_return_val_if_fail (JX_IS_DEAL_LIST (self), 0);

  return self->total;
}

/* The position of @deal_id, or G_MAXUINT when it is not in the list. */
guint
jx_deal_list_find (JxDealList *self,
                   gint64      deal_id)
{
  g_return_val_if_fail (JX_IS_DEAL_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == deal_id)
      return i;
  return G_MAXUINT;
}
