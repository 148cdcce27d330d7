/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

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

  GHashTable   *blocks;         /* block index → Block */
  GQueue        lru;            /* most recent first */
  sqlite3_stmt *row;
};

static void jx_deal_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JxDealList, jx_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_deal_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_N_ITEMS,
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
static GArray *
load_ranks (JxStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, error);
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
      jx_store_set_error (store, rc, error);
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
                                    " d.closed, d.lost_reason FROM deals d"
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

/* Runs the query and sorts; the SQL is made of fixed pieces, values are bound. */
static GArray *
query_ids (JxDealList  *self,
           GError     **error)
{
  const JxDealFilter *f = &self->filter;
  g_autoptr(GString) sql = g_string_new ("SELECT d.id");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) ranks = NULL;
  g_autoptr(GStringChunk) texts = NULL;
  g_autofree char *pattern = NULL;
  GArray *ids;
  gboolean search = self->search != NULL && self->search[0] != '\0';
  gboolean by_customer = f->region_id > 0 || f->tier[0] != '\0' || f->customer_type_id > 0;
  int rc;

  switch (self->sort)
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
  if (self->status != JX_DEAL_STATUS_ANY)
    g_string_append (sql, " AND d.status = :status");
  if (self->stage_id > 0)
    g_string_append (sql, " AND d.stage_id = :stage");

  stmt = jx_store_prepare (self->store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (search)
    {
      pattern = like_pattern (self->search);
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
  bind_named_int64 (stmt, ":status", self->status);
  bind_named_int64 (stmt, ":stage", self->stage_id);

  switch (self->sort)
    {
    case JX_DEAL_SORT_CUSTOMER:
      ranks = load_ranks (self->store, "SELECT id FROM customers ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_OWNER:
      ranks = load_ranks (self->store, "SELECT id FROM team_members ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_PRODUCT:
      ranks = load_ranks (self->store, "SELECT id FROM products ORDER BY name, id", error);
      break;
    case JX_DEAL_SORT_STAGE:
      ranks = load_ranks (self->store, "SELECT id FROM stages ORDER BY kind != 0, kind,"
                                       " position, id", error);
      break;
    default:
      break;
    }
  if (ranks == NULL && (self->sort == JX_DEAL_SORT_CUSTOMER || self->sort == JX_DEAL_SORT_OWNER ||
                        self->sort == JX_DEAL_SORT_PRODUCT || self->sort == JX_DEAL_SORT_STAGE))
    return NULL;

  rows = g_array_sized_new (FALSE, FALSE, sizeof (SortRow), 1024);
  if (self->sort == JX_DEAL_SORT_TITLE)
    texts = g_string_chunk_new (1 << 20);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SortRow row = { 0, sqlite3_column_int64 (stmt, 0), NULL, FALSE };

      switch (self->sort)
        {
        case JX_DEAL_SORT_ID:
          row.key = row.id;
          break;
        case JX_DEAL_SORT_TITLE:
          {
            const char *title = jx_column_text (stmt, 1) != NULL ? jx_column_text (stmt, 1) : "";
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
          row.missing = sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
                        !rank_of (ranks, sqlite3_column_int64 (stmt, 1), &row.key);
          break;
        case JX_DEAL_SORT_AMOUNT:
          row.missing = sqlite3_column_type (stmt, 1) == SQLITE_NULL;
          row.key = sqlite3_column_int64 (stmt, 1);
          break;
        case JX_DEAL_SORT_DAYS_IN_STAGE:
          /* More days in the stage is an earlier entry. */
          row.key = -(gint64) jx_day_from_iso (jx_column_text (stmt, 1));
          row.missing = row.key == 0;
          break;
        case JX_DEAL_SORT_EXPECTED_CLOSE:
        case JX_DEAL_SORT_OPENED:
          row.key = jx_day_from_iso (jx_column_text (stmt, 1));
          row.missing = row.key == 0;
          break;
        default:
          g_assert_not_reached ();
        }
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (self->store, rc, error);
      return NULL;
    }

  /* Rows usually come in id order, which is already the order for the default key. */
  for (guint i = 1; i < rows->len; i++)
    if (compare_rows (&g_array_index (rows, SortRow, i - 1), &g_array_index (rows, SortRow, i),
                      GINT_TO_POINTER (self->descending)) > 0)
      {
        g_array_sort_with_data (rows, compare_rows, GINT_TO_POINTER (self->descending));
        break;
      }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  g_array_set_size (ids, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (rows, SortRow, i).id;
  return ids;
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
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                n_new - prefix - suffix);
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

/**
 * jx_deal_list_reload:
 *
 * Runs the query again (the setters and JxStore::changed do this already) and tells the
 * views what changed.
 */
gboolean
jx_deal_list_reload (JxDealList  *self,
                     GError     **error)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GList) shown = NULL;
  GArray *ids;

  g_return_val_if_fail (JX_IS_DEAL_LIST (self), FALSE);

  if (self->fixed)
    ids = g_array_ref (self->ids);
  else
    {
      ids = query_ids (self, error);
      if (ids == NULL)
        return FALSE;
    }
  g_free (self->currency);
  self->currency = jx_store_get_setting (self->store, "currency");
  shown = g_hash_table_get_keys (self->blocks);
  clear_blocks (self);
  old_ids = self->ids;
  self->ids = ids;
  announce (self, old_ids, shown);
  return TRUE;
}

static void
reload_or_warn (JxDealList *self)
{
  g_autoptr(GError) error = NULL;

  if (!jx_deal_list_reload (self, &error))
    g_warning ("Could not reload the deals: %s", error->message);
}

static void
on_store_changed_cb (JxStore    *store,
                     guint       tables,
                     JxDealList *self)
{
  if (tables & (JX_TABLE_DEALS | JX_TABLE_CUSTOMERS | JX_TABLE_TEAM_MEMBERS |
                JX_TABLE_PRODUCTS | JX_TABLE_PRODUCT_LINES | JX_TABLE_STAGES |
                JX_TABLE_REGIONS | JX_TABLE_SETTINGS))
    reload_or_warn (self);
}

/* GObject ------------------------------------------------------------------------------ */

static void
jx_deal_list_dispose (GObject *object)
{
  JxDealList *self = (JxDealList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
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
    reload_or_warn (self);
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

  self->filter = *filter;
  if (!self->fixed)
    reload_or_warn (self);
}

/* Only deals with @status (0 open, 1 won, 2 lost), or JX_DEAL_STATUS_ANY. */
void
jx_deal_list_set_status (JxDealList *self,
                         int         status)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  self->status = status;
  if (!self->fixed)
    reload_or_warn (self);
}

/* Only deals currently in @stage_id, or 0 for any stage (a pipeline board column). */
void
jx_deal_list_set_stage (JxDealList *self,
                        gint64      stage_id)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));

  self->stage_id = stage_id;
  if (!self->fixed)
    reload_or_warn (self);
}

/* Deals without a value for @key (no amount, no expected close) come last either way. */
void
jx_deal_list_set_sort (JxDealList *self,
                       JxDealSort  key,
                       gboolean    descending)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));
  g_return_if_fail (key <= JX_DEAL_SORT_OPENED);

  self->sort = key;
  self->descending = descending;
  if (!self->fixed)
    reload_or_warn (self);
}

void
jx_deal_list_set_today (JxDealList  *self,
                        const GDate *today)
{
  g_return_if_fail (JX_IS_DEAL_LIST (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  self->today_day = jx_day_from_date (today);
  reload_or_warn (self);
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
