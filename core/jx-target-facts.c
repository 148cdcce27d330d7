/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-sqlite-private.h"
#include "jx-target-facts.h"

/*
 * Attainment, history splits, seasonality and trends all ask one question many times:
 * "what did deals matching these filters bring in between these two days?". A target tree
 * of 10,000 nodes asks it 10,000 times, so the deals are read once (a scan of a covering
 * index, see migration 2) and indexed in memory:
 *
 * - three fact sets: won deals (all time), lost deals (the win-rate window: the 365 days
 *   that end today; read only when a win rate is first asked for, since there are
 *   usually more of them than won deals) and first wins (each customer's first won deal, for new customers);
 *   each fact has its day, amount and the five filter values (region of the customer,
 *   owner of the deal, line of the product, type and tier of the customer);
 * - for each combination of filters a node actually uses (its "signature"), the facts are
 *   bucketed by their values of those filters, each bucket in day order with running
 *   sums. A query is one hash lookup and two binary searches.
 *
 * Building a signature's index is one pass over its fact set; trees use a handful of
 * signatures, so a roll-up is a few passes over the deals, not one query per node.
 */

enum {
  DIM_REGION,
  DIM_MEMBER,
  DIM_LINE,
  DIM_TYPE,
  DIM_TIER,
  N_DIMS
};

enum {
  SET_WON,
  SET_LOST,
  SET_NEW,
  N_SETS
};

#define WIN_RATE_DAYS 365

typedef struct {
  guint    n;
  guint    alloc;
  guint32 *day;
  gint64  *amount;
  guint32 *dim[N_DIMS];
} FactSet;

/* A map from a packed key to a bucket number (1-based, 0 is empty): a plain array when
 * the keys are small (a few regions, lines and types), open addressing otherwise. */
typedef struct {
  guint64 *keys;
  guint32 *values;
  guint    mask;
  guint    n;
  gboolean dense;
} KeyMap;

#define DENSE_BITS 16

typedef struct {
  KeyMap   map;
  guint    n_buckets;
  guint   *start;       /* per bucket, 1-based like the map's values */
  guint   *len;
  guint32 *day;         /* the facts in bucket order, each bucket in day order */
  gint64  *cum_amount;  /* running sum of amounts within the bucket, inclusive */
} FactIndex;

struct _JxTargetFacts {
  gatomicrefcount ref_count;
  JxStore        *store;
  gboolean        lost_loaded;
  GDate           today;
  guint32         today_day;
  guint32         rate_from_day;
  FactSet         sets[N_SETS];
  GHashTable     *indexes[N_SETS];   /* signature -> FactIndex */
  int             bits[N_DIMS];      /* bits of the largest id of each dimension */
  /* The region tree: parent and depth by region id. */
  gint64         *region_parent;
  int            *region_depth;
  gint64          n_regions;         /* size of the two arrays (max id + 1) */
  struct _Lookups *lookups;          /* kept until the lost deals are read */
};

/* Day numbers as GDate's Julian days (1 = Jan 1 of year 1), from "YYYY-MM-DD" without
 * building a GDate for each of a million rows. */
static guint32
day_from_iso (const char *s)
{
  int y, m, d, era, yoe, doy, doe;

  if (s == NULL || strlen (s) < 10)
    return 0;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  /* Days from 1970-01-01 (the civil-from-days algorithm), then shifted to Julian. */
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (guint32) (era * 146097 + doe - 719468 + 719163);
}

static int
bit_width (gint64 value)
{
  int bits = 1;

  while (bits < 63 && (value >> bits) != 0)
    bits++;
  return bits;
}

static guint64
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

static void
key_map_init (KeyMap *map,
              guint   expected)
{
  guint size = 16;

  while (size < expected * 2)
    size <<= 1;
  map->keys = g_new (guint64, size);
  map->values = g_new0 (guint32, size);
  map->mask = size - 1;
  map->n = 0;
}

static void
key_map_clear (KeyMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
}

static void
key_map_init_dense (KeyMap *map,
                    int     bits)
{
  map->keys = NULL;
  map->values = g_new0 (guint32, (gsize) 1 << bits);
  map->mask = (1u << bits) - 1;
  map->n = 0;
  map->dense = TRUE;
}

static guint32
key_map_lookup (const KeyMap *map,
                guint64       key)
{
  if (map->dense)
    return key <= map->mask ? map->values[key] : 0;
  for (guint i = mix64 (key) & map->mask;; i = (i + 1) & map->mask)
    {
      if (map->values[i] == 0)
        return 0;
      if (map->keys[i] == key)
        return map->values[i];
    }
}

static void key_map_insert (KeyMap *map, guint64 key, guint32 value);

static void
key_map_grow (KeyMap *map)
{
  KeyMap bigger;
  guint old_size = map->mask + 1;

  key_map_init (&bigger, old_size);
  for (guint i = 0; i < old_size; i++)
    if (map->values[i] != 0)
      key_map_insert (&bigger, map->keys[i], map->values[i]);
  key_map_clear (map);
  *map = bigger;
}

static void
key_map_insert (KeyMap  *map,
                guint64  key,
                guint32  value)
{
  guint i;

  if (map->dense)
    {
      g_return_if_fail (key <= map->mask);
      map->values[key] = value;
      map->n++;
      return;
    }
  if ((map->n + 1) * 2 > map->mask + 1)
    key_map_grow (map);
  for (i = mix64 (key) & map->mask; map->values[i] != 0; i = (i + 1) & map->mask)
    ;
  map->keys[i] = key;
  map->values[i] = value;
  map->n++;
}

static void
fact_index_free (gpointer data)
{
  FactIndex *index = data;

  key_map_clear (&index->map);
  g_free (index->start);
  g_free (index->len);
  g_free (index->day);
  g_free (index->cum_amount);
  g_free (index);
}

static void
fact_set_append (FactSet *set,
                 guint32  day,
                 gint64   amount,
                 guint32  dims[N_DIMS])
{
  if (set->n == set->alloc)
    {
      set->alloc = MAX (1024, set->alloc * 2);
      set->day = g_renew (guint32, set->day, set->alloc);
      set->amount = g_renew (gint64, set->amount, set->alloc);
      for (int d = 0; d < N_DIMS; d++)
        set->dim[d] = g_renew (guint32, set->dim[d], set->alloc);
    }
  set->day[set->n] = day;
  set->amount[set->n] = amount;
  for (int d = 0; d < N_DIMS; d++)
    set->dim[d][set->n] = dims[d];
  set->n++;
}

static void
fact_set_clear (FactSet *set)
{
  g_free (set->day);
  g_free (set->amount);
  for (int d = 0; d < N_DIMS; d++)
    g_free (set->dim[d]);
  memset (set, 0, sizeof *set);
}

static guint32
tier_code (const char *tier)
{
  static const char *const tiers[] = { "key", "growth", "maintain", "defend" };

  for (guint i = 0; tier != NULL && i < G_N_ELEMENTS (tiers); i++)
    if (strcmp (tier, tiers[i]) == 0)
      return i + 1;
  return 0;
}

static gint64
max_id (JxStore    *store,
        const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Customers' region, type and tier and products' lines, by id, so that each deal row
 * needs no join. */
typedef struct _Lookups {
  gint64   n_customers;
  guint32 *customer_region;
  guint32 *customer_type;
  guint8  *customer_tier;
  gint64   n_products;
  guint32 *product_line;
} Lookups;

static void
lookups_clear (Lookups *l)
{
  g_free (l->customer_region);
  g_free (l->customer_type);
  g_free (l->customer_tier);
  g_free (l->product_line);
}

static gboolean
load_lookups (JxTargetFacts  *self,
              JxStore        *store,
              Lookups        *l,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  l->n_customers = max_id (store, "SELECT coalesce(max(id), 0) + 1 FROM customers");
  l->customer_region = g_new0 (guint32, l->n_customers);
  l->customer_type = g_new0 (guint32, l->n_customers);
  l->customer_tier = g_new0 (guint8, l->n_customers);
  stmt = jx_store_prepare (store, "SELECT id, region_id, type_id, tier FROM customers", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id <= 0 || id >= l->n_customers)
        continue;
      l->customer_region[id] = (guint32) sqlite3_column_int64 (stmt, 1);
      l->customer_type[id] = (guint32) sqlite3_column_int64 (stmt, 2);
      l->customer_tier[id] = (guint8) tier_code (jx_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  l->n_products = max_id (store, "SELECT coalesce(max(id), 0) + 1 FROM products");
  l->product_line = g_new0 (guint32, l->n_products);
  stmt = jx_store_prepare (store, "SELECT id, line_id FROM products", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id < l->n_products)
        l->product_line[id] = (guint32) sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  self->n_regions = max_id (store, "SELECT coalesce(max(id), 0) + 1 FROM regions");
  self->region_parent = g_new0 (gint64, self->n_regions);
  self->region_depth = g_new0 (int, self->n_regions);
  stmt = jx_store_prepare (store, "SELECT id, parent_id FROM regions", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 1);

      if (id > 0 && id < self->n_regions && parent > 0 && parent < self->n_regions)
        self->region_parent[id] = parent;
    }
  if (rc != SQLITE_DONE)
    goto fail;
  for (gint64 id = 1; id < self->n_regions; id++)
    {
      int depth = 0;

      /* Bounded, so that a cycle typed into the database cannot hang us. */
      for (gint64 r = self->region_parent[id]; r > 0 && depth < 64; r = self->region_parent[r])
        depth++;
      self->region_depth[id] = depth;
    }

  self->bits[DIM_REGION] = bit_width (self->n_regions);
  self->bits[DIM_MEMBER] = bit_width (max_id (store, "SELECT coalesce(max(id), 0) FROM team_members"));
  self->bits[DIM_LINE] = bit_width (max_id (store, "SELECT coalesce(max(id), 0) FROM product_lines"));
  self->bits[DIM_TYPE] = bit_width (max_id (store, "SELECT coalesce(max(id), 0) FROM customer_types"));
  self->bits[DIM_TIER] = 3;
  return TRUE;

fail:
  jx_store_set_error (store, rc, error);
  return FALSE;
}

static gboolean
load_deals (JxTargetFacts  *self,
            JxStore        *store,
            const Lookups  *l,
            int             status,
            const char     *from,
            const char     *to,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *seen = NULL;
  FactSet *set = &self->sets[status == 1 ? SET_WON : SET_LOST];
  int rc;

  /* Served by the covering index deals_closed_facts, in day order. */
  stmt = jx_store_prepare (store,
                           "SELECT closed, amount, owner_id, product_id, customer_id FROM deals "
                           "WHERE status = ?1 AND closed BETWEEN ?2 AND ?3 ORDER BY closed",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, status);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  if (status == 1)
    seen = g_new0 (guint8, l->n_customers);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 day = day_from_iso (jx_column_text (stmt, 0));
      gint64 amount = sqlite3_column_int64 (stmt, 1);
      gint64 product = sqlite3_column_int64 (stmt, 3);
      gint64 customer = sqlite3_column_int64 (stmt, 4);
      guint32 dims[N_DIMS] = { 0 };

      if (day == 0)
        continue;
      dims[DIM_MEMBER] = (guint32) sqlite3_column_int64 (stmt, 2);
      if (product > 0 && product < l->n_products)
        dims[DIM_LINE] = l->product_line[product];
      if (customer > 0 && customer < l->n_customers)
        {
          dims[DIM_REGION] = l->customer_region[customer];
          dims[DIM_TYPE] = l->customer_type[customer];
          dims[DIM_TIER] = l->customer_tier[customer];
        }
      /* Ids beyond the tables' largest (rows typed in by hand) match no filter. */
      for (int d = 0; d < N_DIMS; d++)
        if (dims[d] >> self->bits[d] != 0)
          dims[d] = 0;
      fact_set_append (set, day, amount, dims);
      /* Rows come in day order, so a customer's first row is its first win. */
      if (seen != NULL && customer > 0 && customer < l->n_customers && !seen[customer])
        {
          seen[customer] = 1;
          fact_set_append (&self->sets[SET_NEW], day, 1, dims);
        }
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * jx_target_facts_load:
 * @store: the database
 * @today: the day attainment is measured on; the win rate covers the 365 days ending here
 *
 * Reads every won deal and the lost deals of the win-rate window.
 */
JxTargetFacts *
jx_target_facts_load (JxStore      *store,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(JxTargetFacts) self = NULL;
  GDate rate_from;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_new0 (JxTargetFacts, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->store = g_object_ref (store);
  self->lookups = g_new0 (Lookups, 1);
  self->today = *today;
  self->today_day = g_date_get_julian (today);
  rate_from = *today;
  g_date_subtract_days (&rate_from, WIN_RATE_DAYS - 1);
  self->rate_from_day = g_date_get_julian (&rate_from);
  for (int s = 0; s < N_SETS; s++)
    self->indexes[s] = g_hash_table_new_full (NULL, NULL, NULL, fact_index_free);
  if (!load_lookups (self, store, self->lookups, error) ||
      !load_deals (self, store, self->lookups, 1, "0000-01-01", "9999-12-31", error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * jx_target_facts_load_lost:
 *
 * Reads the lost deals of the win-rate window, once. jx_target_facts_win_rate() does it
 * when needed; call this first to see an error.
 */
gboolean
jx_target_facts_load_lost (JxTargetFacts  *self,
                           GError        **error)
{
  GDate rate_from;
  char today_iso[11], rate_from_iso[11];

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->lost_loaded)
    return TRUE;
  g_date_clear (&rate_from, 1);
  g_date_set_julian (&rate_from, self->rate_from_day);
  jx_date_to_iso_buf (&self->today, today_iso);
  jx_date_to_iso_buf (&rate_from, rate_from_iso);
  if (!load_deals (self, self->store, self->lookups, 2, rate_from_iso, today_iso, error))
    return FALSE;
  self->lost_loaded = TRUE;
  lookups_clear (self->lookups);
  g_clear_pointer (&self->lookups, g_free);
  return TRUE;
}

JxTargetFacts *
jx_target_facts_ref (JxTargetFacts *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jx_target_facts_unref (JxTargetFacts *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (int s = 0; s < N_SETS; s++)
    {
      fact_set_clear (&self->sets[s]);
      g_hash_table_unref (self->indexes[s]);
    }
  if (self->lookups != NULL)
    lookups_clear (self->lookups);
  g_free (self->lookups);
  g_clear_object (&self->store);
  g_free (self->region_parent);
  g_free (self->region_depth);
  g_free (self);
}

void
jx_target_facts_get_today (JxTargetFacts *self,
                           GDate         *today)
{
  *today = self->today;
}

/* The first day with a won deal, or 0 when there is none. */
guint32
jx_target_facts_first_day (JxTargetFacts *self)
{
  return self->sets[SET_WON].n > 0 ? self->sets[SET_WON].day[0] : 0;
}

static gint64
region_at_depth (JxTargetFacts *self,
                 gint64         region,
                 int            depth)
{
  int d;

  if (region <= 0 || region >= self->n_regions)
    return 0;
  d = self->region_depth[region];
  if (d < depth)
    return 0;
  for (; d > depth; d--)
    region = self->region_parent[region];
  return region;
}

/* Whether @region_id is @ancestor_id or lies inside it. */
gboolean
jx_target_facts_region_within (JxTargetFacts *self,
                               gint64         region_id,
                               gint64         ancestor_id)
{
  if (ancestor_id <= 0 || ancestor_id >= self->n_regions)
    return FALSE;
  return region_at_depth (self, region_id, self->region_depth[ancestor_id]) == ancestor_id;
}

/* A signature: which filters are set, and the depth of the region filter. */
static guint
signature_of (JxTargetFacts         *self,
              const JxTargetFilters *filters)
{
  guint sig = 0;

  if (filters->region_id > 0)
    {
      int depth = filters->region_id < self->n_regions ? self->region_depth[filters->region_id] : 0;

      sig |= 1u << DIM_REGION | (guint) depth << 8;
    }
  if (filters->member_id > 0)
    sig |= 1u << DIM_MEMBER;
  if (filters->product_line_id > 0)
    sig |= 1u << DIM_LINE;
  if (filters->customer_type_id > 0)
    sig |= 1u << DIM_TYPE;
  if (filters->tier != NULL)
    sig |= 1u << DIM_TIER;
  return sig;
}

/* Packs the values of the signature's dimensions into one key. When the ids are too large
 * to pack side by side they are hashed together instead; with 64 bits a collision among
 * the few thousand keys of a database is not a practical concern. */
static guint64
pack_key (JxTargetFacts *self,
          guint          sig,
          const guint64  values[N_DIMS])
{
  guint64 key = 0;
  int shift = 0;
  gboolean fits = TRUE;

  for (int d = 0; d < N_DIMS; d++)
    if (sig & (1u << d))
      {
        if (shift + self->bits[d] > 64 || values[d] >> self->bits[d] != 0)
          fits = FALSE;
        else
          key |= values[d] << shift;
        shift += self->bits[d];
      }
  if (fits)
    return key;
  key = 0;
  for (int d = 0; d < N_DIMS; d++)
    if (sig & (1u << d))
      key = mix64 (key ^ (values[d] + (guint64) d * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)));
  return key;
}

static int
signature_bits (JxTargetFacts *self,
                guint          sig)
{
  int bits = 0;

  for (int d = 0; d < N_DIMS; d++)
    if (sig & (1u << d))
      bits += self->bits[d];
  return bits;
}

static FactIndex *
build_index (JxTargetFacts *self,
             const FactSet *set,
             guint          sig)
{
  FactIndex *index = g_new0 (FactIndex, 1);
  g_autofree guint32 *bucket_of = g_new (guint32, MAX (set->n, 1));
  g_autofree guint *fill = NULL;
  int region_depth = (int) (sig >> 8);
  int bits = signature_bits (self, sig);

  if (bits <= DENSE_BITS)
    key_map_init_dense (&index->map, bits);
  else
    key_map_init (&index->map, 64);
  /* Pass 1: the bucket of every fact. */
  for (guint i = 0; i < set->n; i++)
    {
      guint64 values[N_DIMS] = { 0 };
      guint64 key;
      guint32 b;

      if (sig & (1u << DIM_REGION))
        values[DIM_REGION] = (guint64) region_at_depth (self, set->dim[DIM_REGION][i], region_depth);
      for (int d = DIM_MEMBER; d < N_DIMS; d++)
        values[d] = set->dim[d][i];
      key = pack_key (self, sig, values);
      b = key_map_lookup (&index->map, key);
      if (b == 0)
        {
          b = ++index->n_buckets;
          key_map_insert (&index->map, key, b);
        }
      bucket_of[i] = b;
    }
  /* Pass 2: bucket sizes and starts; pass 3: place facts, keeping day order. */
  index->start = g_new0 (guint, index->n_buckets + 1);
  index->len = g_new0 (guint, index->n_buckets + 1);
  fill = g_new0 (guint, index->n_buckets + 1);
  for (guint i = 0; i < set->n; i++)
    index->len[bucket_of[i]]++;
  for (guint b = 1, pos = 0; b <= index->n_buckets; b++)
    {
      index->start[b] = pos;
      pos += index->len[b];
    }
  index->day = g_new (guint32, MAX (set->n, 1));
  index->cum_amount = g_new (gint64, MAX (set->n, 1));
  for (guint i = 0; i < set->n; i++)
    {
      guint32 b = bucket_of[i];
      guint pos = index->start[b] + fill[b];
      gint64 before = fill[b] > 0 ? index->cum_amount[pos - 1] : 0;

      index->day[pos] = set->day[i];
      index->cum_amount[pos] = before + set->amount[i];
      fill[b]++;
    }
  return index;
}

static FactIndex *
get_index (JxTargetFacts *self,
           int            which,
           guint          sig)
{
  FactIndex *index = g_hash_table_lookup (self->indexes[which], GUINT_TO_POINTER (sig + 1));

  if (index == NULL)
    {
      index = build_index (self, &self->sets[which], sig);
      g_hash_table_insert (self->indexes[which], GUINT_TO_POINTER (sig + 1), index);
    }
  return index;
}

/* First position in [lo, hi) whose day is >= @day. */
static guint
lower_bound (const guint32 *days,
             guint          lo,
             guint          hi,
             guint32        day)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Sum of amounts and number of facts of set @which matching @filters in [from, to]. */
static void
query (JxTargetFacts         *self,
       int                    which,
       const JxTargetFilters *filters,
       guint32                from_day,
       guint32                to_day,
       gint64                *amount,
       gint64                *count)
{
  guint sig = signature_of (self, filters);
  FactIndex *index = get_index (self, which, sig);
  guint64 values[N_DIMS] = {
    (guint64) MAX (filters->region_id, 0), (guint64) MAX (filters->member_id, 0),
    (guint64) MAX (filters->product_line_id, 0), (guint64) MAX (filters->customer_type_id, 0),
    tier_code (filters->tier),
  };
  guint32 b = key_map_lookup (&index->map, pack_key (self, sig, values));
  guint start, end, lo, hi;

  *amount = 0;
  *count = 0;
  if (b == 0 || to_day < from_day)
    return;
  start = index->start[b];
  end = start + index->len[b];
  lo = lower_bound (index->day, start, end, from_day);
  hi = to_day == G_MAXUINT32 ? end : lower_bound (index->day, lo, end, to_day + 1);
  if (hi <= lo)
    return;
  *amount = index->cum_amount[hi - 1] - (lo > start ? index->cum_amount[lo - 1] : 0);
  *count = hi - lo;
}

/**
 * jx_target_facts_value:
 * @from_day: first day (Julian), inclusive
 * @to_day: last day (Julian), inclusive
 *
 * The actual of @metric for deals matching @filters: won revenue (minor units) or won deals
 * closed in the days, or customers whose first won deal closed in them.
 */
gint64
jx_target_facts_value (JxTargetFacts         *self,
                       JxTargetMetric         metric,
                       const JxTargetFilters *filters,
                       guint32                from_day,
                       guint32                to_day)
{
  gint64 amount, count;

  g_return_val_if_fail (self != NULL && filters != NULL, 0);

  query (self, metric == JX_TARGET_METRIC_NEW_CUSTOMERS ? SET_NEW : SET_WON, filters,
         from_day, to_day, &amount, &count);
  return metric == JX_TARGET_METRIC_REVENUE ? amount : count;
}

gint64
jx_target_facts_value_period (JxTargetFacts         *self,
                              JxTargetMetric         metric,
                              const JxTargetFilters *filters,
                              const GDate           *from,
                              const GDate           *to)
{
  return jx_target_facts_value (self, metric, filters, g_date_get_julian (from),
                                g_date_get_julian (to));
}

/**
 * jx_target_facts_win_rate:
 * @rate: (out): won ÷ (won + lost) over the 365 days ending today: by value for revenue,
 *   by number of deals for the other metrics
 * @won: (out) (optional): the won figure
 * @closed: (out) (optional): the won plus lost figure
 *
 * Returns: %FALSE when no deal matching @filters closed in the window.
 */
gboolean
jx_target_facts_win_rate (JxTargetFacts         *self,
                          JxTargetMetric         metric,
                          const JxTargetFilters *filters,
                          double                *rate,
                          gint64                *won,
                          gint64                *closed)
{
  gint64 won_amount, won_count, lost_amount, lost_count, w, c;

  g_return_val_if_fail (self != NULL && filters != NULL && rate != NULL, FALSE);

  *rate = 0;
  if (!jx_target_facts_load_lost (self, NULL))
    return FALSE;
  query (self, SET_WON, filters, self->rate_from_day, self->today_day, &won_amount, &won_count);
  query (self, SET_LOST, filters, self->rate_from_day, self->today_day, &lost_amount, &lost_count);
  if (metric == JX_TARGET_METRIC_REVENUE)
    {
      w = won_amount;
      c = won_amount + lost_amount;
    }
  else
    {
      w = won_count;
      c = won_count + lost_count;
    }
  if (won != NULL)
    *won = w;
  if (closed != NULL)
    *closed = c;
  *rate = c > 0 ? (double) w / (double) c : 0;
  return c > 0;
}
