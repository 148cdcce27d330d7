/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jx-customer-list.h"

/*
 * A filtered, sorted view of a JxCustomerBase as a GListModel of JxCustomer. The model holds
 * only row indexes (4 bytes per customer); objects are made when a view asks for an item.
 *
 * Sorting is done here rather than by a GtkSortListModel because a GTK sorter would have to
 * create an object per customer to compare them. The view maps its column header clicks to
 * jx_customer_list_set_sort().
 *
 * When rows change, a handful of them (a drop on the tier board) are moved one by one with
 * small ::items-changed signals, so the other items and the scroll position stay put; larger
 * changes re-sort and announce only the span between the unchanged head and tail.
 */

/* Above this many changed rows, a full re-sort is cheaper than moving rows one by one. */
#define MAX_INCREMENTAL 256

struct _JxCustomerList {
  GObject          parent_instance;

  JxCustomerBase  *base;
  gulong           rows_changed_id;
  GArray          *positions;        /* guint row indexes in display order */
  gint64           revenue_total;
  gboolean         total_valid;

  char            *search;           /* as typed */
  char            *search_key;       /* case-folded, or NULL */
  guint            tier_mask;
  gint64           region_id;
  gint64           owner_id;
  gint64           type_id;
  gboolean         at_risk_only;
  JxCustomerSort   sort;
  gboolean         descending;
};

static void jx_customer_list_model_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (JxCustomerList, jx_customer_list, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jx_customer_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_TIER_MASK,
  PROP_REGION_ID,
  PROP_OWNER_ID,
  PROP_TYPE_ID,
  PROP_AT_RISK_ONLY,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  PROP_N_ITEMS,
  PROP_REVENUE_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue sort_values[] = {
  { JX_CUSTOMER_SORT_NAME, "JX_CUSTOMER_SORT_NAME", "name" },
  { JX_CUSTOMER_SORT_TYPE, "JX_CUSTOMER_SORT_TYPE", "type" },
  { JX_CUSTOMER_SORT_REGION, "JX_CUSTOMER_SORT_REGION", "region" },
  { JX_CUSTOMER_SORT_OWNER, "JX_CUSTOMER_SORT_OWNER", "owner" },
  { JX_CUSTOMER_SORT_TIER, "JX_CUSTOMER_SORT_TIER", "tier" },
  { JX_CUSTOMER_SORT_REVENUE, "JX_CUSTOMER_SORT_REVENUE", "revenue" },
  { JX_CUSTOMER_SORT_CHANGE, "JX_CUSTOMER_SORT_CHANGE", "change" },
  { JX_CUSTOMER_SORT_LAST_WON, "JX_CUSTOMER_SORT_LAST_WON", "last-won" },
  { JX_CUSTOMER_SORT_OPEN_PIPELINE, "JX_CUSTOMER_SORT_OPEN_PIPELINE", "open-pipeline" },
  { 0, NULL, NULL },
};

GType
jx_customer_sort_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("JxCustomerSort"),
                                                      sort_values));
  return type;
}

/* Comparing */

static int
cmp_int64 (gint64 a,
           gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Whether the row has no value for the sort key; such rows go last in both directions. */
static gboolean
missing_key (const JxCustomerRow *row,
             JxCustomerSort       key)
{
  switch (key)
    {
    case JX_CUSTOMER_SORT_TYPE:
      return row->type_rank == 0;
    case JX_CUSTOMER_SORT_REGION:
      return row->region_rank == 0;
    case JX_CUSTOMER_SORT_OWNER:
      return row->owner_rank == 0;
    case JX_CUSTOMER_SORT_TIER:
      return row->tier == JX_TIER_NONE;
    case JX_CUSTOMER_SORT_CHANGE:
      return row->revenue_prev_12m <= 0;
    case JX_CUSTOMER_SORT_LAST_WON:
      return row->last_won == 0;
    case JX_CUSTOMER_SORT_NAME:
    case JX_CUSTOMER_SORT_REVENUE:
    case JX_CUSTOMER_SORT_OPEN_PIPELINE:
    default:
      return FALSE;
    }
}

static int
compare_key (const JxCustomerRow *a,
             const JxCustomerRow *b,
             JxCustomerSort       key)
{
  switch (key)
    {
    case JX_CUSTOMER_SORT_TYPE:
      return cmp_int64 (a->type_rank, b->type_rank);
    case JX_CUSTOMER_SORT_REGION:
      return cmp_int64 (a->region_rank, b->region_rank);
    case JX_CUSTOMER_SORT_OWNER:
      return cmp_int64 (a->owner_rank, b->owner_rank);
    case JX_CUSTOMER_SORT_TIER:
      return cmp_int64 (a->tier, b->tier);
    case JX_CUSTOMER_SORT_REVENUE:
      return cmp_int64 (a->revenue_12m, b->revenue_12m);
    case JX_CUSTOMER_SORT_CHANGE:
      {
        double ca = jx_customer_row_get_change (a), cb = jx_customer_row_get_change (b);
        return ca < cb ? -1 : ca > cb ? 1 : 0;
      }
    case JX_CUSTOMER_SORT_LAST_WON:
      return cmp_int64 (a->last_won, b->last_won);
    case JX_CUSTOMER_SORT_OPEN_PIPELINE:
      return cmp_int64 (a->open_pipeline, b->open_pipeline);
    case JX_CUSTOMER_SORT_NAME:
    default:
      return 0;
    }
}

/* A total order: the key (missing values last), then the name, then the id. */
static int
compare_rows (const JxCustomerRow *a,
              const JxCustomerRow *b,
              JxCustomerSort       key,
              gboolean             descending)
{
  int c;

  if (key != JX_CUSTOMER_SORT_NAME)
    {
      gboolean ma = missing_key (a, key), mb = missing_key (b, key);

      if (ma != mb)
        return ma ? 1 : -1;
      if (!ma && (c = compare_key (a, b, key)) != 0)
        return descending ? -c : c;
    }
  c = cmp_int64 (a->name_rank, b->name_rank);
  if (c != 0)
    return key == JX_CUSTOMER_SORT_NAME && descending ? -c : c;
  return cmp_int64 (a->id, b->id);
}

/* Sorting a whole list compares compact keys instead of rows: the rows of 120,000 customers
 * do not fit in the processor's caches, and each comparison of two rows would fetch both.
 * The order is compare_rows()'s: the key (missing values last, by name), then the name,
 * then the id, which is the row index's order. */
typedef struct {
  gint64  key;
  guint32 rank;
  guint32 row;
} SortEntry;

/* The sort key as an integer that orders like compare_key(). */
static gint64
sort_key (const JxCustomerRow *row,
          JxCustomerSort       key)
{
  switch (key)
    {
    case JX_CUSTOMER_SORT_TYPE:
      return row->type_rank;
    case JX_CUSTOMER_SORT_REGION:
      return row->region_rank;
    case JX_CUSTOMER_SORT_OWNER:
      return row->owner_rank;
    case JX_CUSTOMER_SORT_TIER:
      return row->tier;
    case JX_CUSTOMER_SORT_REVENUE:
      return row->revenue_12m;
    case JX_CUSTOMER_SORT_CHANGE:
      {
        double change = jx_customer_row_get_change (row);
        gint64 bits;

        /* IEEE doubles order like their bits as signed integers once the negative ones
         * have their other bits flipped; -0.0 compares equal to 0.0, so it becomes 0.0. */
        if (change == 0)
          change = 0;
        memcpy (&bits, &change, sizeof bits);
        return bits < 0 ? bits ^ G_MAXINT64 : bits;
      }
    case JX_CUSTOMER_SORT_LAST_WON:
      return row->last_won;
    case JX_CUSTOMER_SORT_OPEN_PIPELINE:
      return row->open_pipeline;
    case JX_CUSTOMER_SORT_NAME:
    default:
      return 0;
    }
}

static int
compare_names (const SortEntry *a,
               const SortEntry *b)
{
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return a->row < b->row ? -1 : a->row > b->row;
}

static int
compare_ascending_cb (const void *p,
                      const void *q)
{
  const SortEntry *a = p, *b = q;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return compare_names (a, b);
}

static int
compare_descending_cb (const void *p,
                       const void *q)
{
  const SortEntry *a = p, *b = q;

  if (a->key != b->key)
    return a->key > b->key ? -1 : 1;
  return compare_names (a, b);
}

static int
compare_names_descending_cb (const void *p,
                             const void *q)
{
  const SortEntry *a = p, *b = q;

  if (a->rank != b->rank)
    return a->rank > b->rank ? -1 : 1;
  return a->row < b->row ? -1 : a->row > b->row;
}

/* Sorts the row indexes in @positions as compare_rows() would. */
static void
sort_positions (GArray              *positions,
                const JxCustomerRow *rows,
                JxCustomerSort       key,
                gboolean             descending)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (positions->len, 1));
  guint *p = (guint *) positions->data;
  guint n = positions->len, n_keyed = 0, n_missing = 0;

  /* Rows with the key first, then those without it, each group in its own order. */
  for (guint i = 0; i < n; i++)
    if (key == JX_CUSTOMER_SORT_NAME || !missing_key (&rows[p[i]], key))
      n_keyed++;
  for (guint i = 0; i < n; i++)
    {
      const JxCustomerRow *row = &rows[p[i]];
      gboolean missing = key != JX_CUSTOMER_SORT_NAME && missing_key (row, key);
      SortEntry *entry = &entries[missing ? n_keyed + n_missing++ : i - n_missing];

      entry->key = missing ? 0 : sort_key (row, key);
      entry->rank = row->name_rank;
      entry->row = p[i];
    }
  if (key == JX_CUSTOMER_SORT_NAME)
    qsort (entries, n_keyed, sizeof (SortEntry),
           descending ? compare_names_descending_cb : compare_ascending_cb);
  else
    qsort (entries, n_keyed, sizeof (SortEntry),
           descending ? compare_descending_cb : compare_ascending_cb);
  qsort (entries + n_keyed, n_missing, sizeof (SortEntry), compare_ascending_cb);
  for (guint i = 0; i < n; i++)
    p[i] = entries[i].row;
}

/* Filtering */

static gboolean
matches (JxCustomerList      *self,
         guint                index,
         const JxCustomerRow *row)
{
  if ((self->tier_mask & JX_TIER_BIT (row->tier)) == 0)
    return FALSE;
  if (self->at_risk_only && row->risk == JX_CHURN_NONE)
    return FALSE;
  if (self->owner_id > 0 && row->owner_id != self->owner_id)
    return FALSE;
  if (self->type_id > 0 && row->type_id != self->type_id)
    return FALSE;
  if (self->region_id > 0 &&
      !jx_customer_base_region_within (self->base, row->region_id, self->region_id))
    return FALSE;
  if (self->search_key != NULL &&
      strstr (jx_customer_base_get_search_key (self->base, index), self->search_key) == NULL)
    return FALSE;
  return TRUE;
}

static const JxCustomerRow *
all_rows (JxCustomerList *self)
{
  if (jx_customer_base_get_n_rows (self->base) == 0)
    return NULL;
  return jx_customer_base_get_row (self->base, 0);
}

/* The total is summed when someone asks: summing touches every row of the list, which a
 * drop on the tier board should not pay for when no header shows the total. */
static void
update_total (JxCustomerList *self)
{
  self->total_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE_TOTAL]);
}

static gint64
get_total (JxCustomerList *self)
{
  if (!self->total_valid)
    {
      const JxCustomerRow *rows = all_rows (self);
      gint64 total = 0;

      for (guint i = 0; i < self->positions->len; i++)
        total += rows[g_array_index (self->positions, guint, i)].revenue_12m;
      self->revenue_total = total;
      self->total_valid = TRUE;
    }
  return self->revenue_total;
}

/* Filters and sorts from scratch; @same_rows says whether the old row indexes still name the
 * same customers, so that the unchanged head and tail need not be announced. */
static void
rebuild (JxCustomerList *self,
         gboolean        same_rows)
{
  const JxCustomerRow *rows = all_rows (self);
  guint n = jx_customer_base_get_n_rows (self->base);
  g_autoptr(GArray) fresh = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autoptr(GArray) old = g_steal_pointer (&self->positions);
  guint head = 0, tail = 0;
  guint old_len = old->len;

  for (guint i = 0; i < n; i++)
    if (matches (self, i, &rows[i]))
      g_array_append_val (fresh, i);
  if (fresh->len > 1)
    sort_positions (fresh, rows, self->sort, self->descending);
  self->positions = g_steal_pointer (&fresh);

  if (same_rows)
    {
      guint max = MIN (old_len, self->positions->len);

      while (head < max &&
             g_array_index (old, guint, head) == g_array_index (self->positions, guint, head))
        head++;
      while (tail < max - head &&
             g_array_index (old, guint, old_len - 1 - tail) ==
             g_array_index (self->positions, guint, self->positions->len - 1 - tail))
        tail++;
    }
  if (old_len - head - tail > 0 || self->positions->len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail,
                                self->positions->len - head - tail);
  if (old_len != self->positions->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  update_total (self);
}

static gboolean
find_row (JxCustomerList *self,
          guint           row,
          guint          *position)
{
  const guint *p = (const guint *) self->positions->data;

  for (guint i = 0; i < self->positions->len; i++)
    if (p[i] == row)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

/* Where @row goes in the sorted positions (which must not contain it). */
static guint
insertion_point (JxCustomerList *self,
                 guint           row)
{
  const JxCustomerRow *rows = all_rows (self);
  guint lo = 0, hi = self->positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_rows (&rows[g_array_index (self->positions, guint, mid)], &rows[row],
                        self->sort, self->descending) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
move_rows (JxCustomerList *self,
           GArray         *changed)
{
  const JxCustomerRow *rows = all_rows (self);
  guint old_len = self->positions->len;

  /* One row that stays where it was: its object already updated itself. */
  if (changed->len == 1)
    {
      guint row = g_array_index (changed, guint, 0);
      gboolean keep = matches (self, row, &rows[row]);
      guint old_pos;

      if (find_row (self, row, &old_pos))
        {
          guint new_pos;

          g_array_remove_index (self->positions, old_pos);
          new_pos = keep ? insertion_point (self, row) : G_MAXUINT;
          if (new_pos == old_pos)
            {
              g_array_insert_val (self->positions, old_pos, row);
              update_total (self);
              return;
            }
          g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
        }
      if (keep)
        {
          guint new_pos = insertion_point (self, row);

          g_array_insert_val (self->positions, new_pos, row);
          g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
        }
    }
  else
    {
      /* Take every changed row out first, so the rest stays sorted for the binary search. */
      for (guint i = 0; i < changed->len; i++)
        {
          guint pos;

          if (find_row (self, g_array_index (changed, guint, i), &pos))
            {
              g_array_remove_index (self->positions, pos);
              g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
            }
        }
      for (guint i = 0; i < changed->len; i++)
        {
          guint row = g_array_index (changed, guint, i);
          guint pos;

          if (!matches (self, row, &rows[row]) || find_row (self, row, &pos))
            continue;
          pos = insertion_point (self, row);
          g_array_insert_val (self->positions, pos, row);
          g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
        }
    }
  if (old_len != self->positions->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  update_total (self);
}

static void
on_rows_changed_cb (JxCustomerBase *base,
                    GArray         *changed,
                    JxCustomerList *self)
{
  if (changed == NULL)
    rebuild (self, FALSE);       /* row indexes changed meaning: announce everything */
  else if (changed->len <= MAX_INCREMENTAL)
    move_rows (self, changed);
  else
    rebuild (self, TRUE);
}

/* GListModel */

static GType
jx_customer_list_get_item_type (GListModel *model)
{
  return JX_TYPE_CUSTOMER;
}

static guint
jx_customer_list_get_n_items (GListModel *model)
{
  return JX_CUSTOMER_LIST (model)->positions->len;
}

static gpointer
jx_customer_list_get_item (GListModel *model,
                           guint       position)
{
  JxCustomerList *self = JX_CUSTOMER_LIST (model);

  if (position >= self->positions->len)
    return NULL;
  return jx_customer_base_dup_customer (self->base, g_array_index (self->positions, guint,
                                                                   position));
}

static void
jx_customer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jx_customer_list_get_item_type;
  iface->get_n_items = jx_customer_list_get_n_items;
  iface->get_item = jx_customer_list_get_item;
}

/* GObject */

static void
jx_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JxCustomerList *self = JX_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_TIER_MASK:
      g_value_set_uint (value, self->tier_mask);
      break;
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_TYPE_ID:
      g_value_set_int64 (value, self->type_id);
      break;
    case PROP_AT_RISK_ONLY:
      g_value_set_boolean (value, self->at_risk_only);
      break;
    case PROP_SORT_KEY:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->positions->len);
      break;
    case PROP_REVENUE_TOTAL:
      g_value_set_int64 (value, get_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JxCustomerList *self = JX_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      jx_customer_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_TIER_MASK:
      jx_customer_list_set_tier_mask (self, g_value_get_uint (value));
      break;
    case PROP_REGION_ID:
      jx_customer_list_set_region_id (self, g_value_get_int64 (value));
      break;
    case PROP_OWNER_ID:
      jx_customer_list_set_owner_id (self, g_value_get_int64 (value));
      break;
    case PROP_TYPE_ID:
      jx_customer_list_set_type_id (self, g_value_get_int64 (value));
      break;
    case PROP_AT_RISK_ONLY:
      jx_customer_list_set_at_risk_only (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_KEY:
      jx_customer_list_set_sort (self, g_value_get_enum (value), self->descending);
      break;
    case PROP_SORT_DESCENDING:
      jx_customer_list_set_sort (self, self->sort, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_customer_list_dispose (GObject *object)
{
  JxCustomerList *self = JX_CUSTOMER_LIST (object);

  g_clear_signal_handler (&self->rows_changed_id, self->base);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (jx_customer_list_parent_class)->dispose (object);
}

static void
jx_customer_list_finalize (GObject *object)
{
  JxCustomerList *self = JX_CUSTOMER_LIST (object);

  g_clear_pointer (&self->positions, g_array_unref);
  g_free (self->search);
  g_free (self->search_key);

  G_OBJECT_CLASS (jx_customer_list_parent_class)->finalize (object);
}

static void
jx_customer_list_class_init (JxCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jx_customer_list_get_property;
  object_class->set_property = jx_customer_list_set_property;
  object_class->dispose = jx_customer_list_dispose;
  object_class->finalize = jx_customer_list_finalize;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_TIER_MASK] = g_param_spec_uint ("tier-mask", NULL, NULL, 0, JX_TIER_MASK_ALL,
                                                  JX_TIER_MASK_ALL, rw);
  properties[PROP_REGION_ID] = g_param_spec_int64 ("region-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TYPE_ID] = g_param_spec_int64 ("type-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_AT_RISK_ONLY] = g_param_spec_boolean ("at-risk-only", NULL, NULL, FALSE, rw);
  properties[PROP_SORT_KEY] = g_param_spec_enum ("sort-key", NULL, NULL, JX_TYPE_CUSTOMER_SORT,
                                                 JX_CUSTOMER_SORT_NAME, rw);
  properties[PROP_SORT_DESCENDING] = g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                                                           rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_REVENUE_TOTAL] = g_param_spec_int64 ("revenue-total", NULL, NULL, 0,
                                                       G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_customer_list_init (JxCustomerList *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->tier_mask = JX_TIER_MASK_ALL;
}

/**
 * jx_customer_list_new:
 * @base: the customers
 *
 * Returns: (transfer full): all customers of @base by name; set filters and the sort order
 *   to narrow it
 */
JxCustomerList *
jx_customer_list_new (JxCustomerBase *base)
{
  JxCustomerList *self;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);

  self = g_object_new (JX_TYPE_CUSTOMER_LIST, NULL);
  self->base = g_object_ref (base);
  self->rows_changed_id = g_signal_connect (base, "rows-changed",
                                            G_CALLBACK (on_rows_changed_cb), self);
  rebuild (self, FALSE);
  return self;
}

/**
 * jx_customer_list_new_for_tier:
 * @base: the customers
 * @tier: the tier of the column
 *
 * A column of the tier board: the customers of @tier, largest revenue first.
 *
 * Returns: (transfer full): the column's model
 */
JxCustomerList *
jx_customer_list_new_for_tier (JxCustomerBase *base,
                               JxTier          tier)
{
  JxCustomerList *self;

  g_return_val_if_fail (JX_IS_CUSTOMER_BASE (base), NULL);
  g_return_val_if_fail (tier < JX_N_TIERS, NULL);

  self = g_object_new (JX_TYPE_CUSTOMER_LIST, NULL);
  self->base = g_object_ref (base);
  self->tier_mask = JX_TIER_BIT (tier);
  self->sort = JX_CUSTOMER_SORT_REVENUE;
  self->descending = TRUE;
  self->rows_changed_id = g_signal_connect (base, "rows-changed",
                                            G_CALLBACK (on_rows_changed_cb), self);
  rebuild (self, FALSE);
  return self;
}

JxCustomerBase *
jx_customer_list_get_base (JxCustomerList *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), NULL);

  return self->base;
}

/* Keeps customers whose name contains @text, ignoring case; %NULL or "" keeps all. */
void
jx_customer_list_set_search (JxCustomerList *self,
                             const char     *text)
{
  g_autofree char *key = NULL;

  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search, text) == 0)
    return;
  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
      if (key == NULL || *key == '\0')
        g_clear_pointer (&key, g_free);
    }
  g_free (self->search);
  self->search = g_strdup (text);
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
jx_customer_list_get_search (JxCustomerList *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), NULL);

  return self->search;
}

/* Keeps customers whose tier is in @mask (JX_TIER_BIT (JX_TIER_KEY) | …). */
void
jx_customer_list_set_tier_mask (JxCustomerList *self,
                                guint           mask)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  mask &= JX_TIER_MASK_ALL;
  if (mask == self->tier_mask)
    return;
  self->tier_mask = mask;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER_MASK]);
}

guint
jx_customer_list_get_tier_mask (JxCustomerList *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), 0);

  return self->tier_mask;
}

/* Keeps customers of the region or of the regions below it; 0 keeps all. */
void
jx_customer_list_set_region_id (JxCustomerList *self,
                                gint64          region_id)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  if (region_id == self->region_id)
    return;
  self->region_id = region_id;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION_ID]);
}

/* Keeps the customers of one owner (a team member); 0 keeps all. */
void
jx_customer_list_set_owner_id (JxCustomerList *self,
                               gint64          owner_id)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  if (owner_id == self->owner_id)
    return;
  self->owner_id = owner_id;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/* Keeps the customers of one customer type; 0 keeps all. */
void
jx_customer_list_set_type_id (JxCustomerList *self,
                              gint64          type_id)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  if (type_id == self->type_id)
    return;
  self->type_id = type_id;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_ID]);
}

/* Keeps only customers that meet a churn-risk rule. */
void
jx_customer_list_set_at_risk_only (JxCustomerList *self,
                                   gboolean        at_risk_only)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  at_risk_only = !!at_risk_only;
  if (at_risk_only == self->at_risk_only)
    return;
  self->at_risk_only = at_risk_only;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_RISK_ONLY]);
}

/* Sorts by @key; customers without a value for it (no tier, never won) come last either
 * way, and equal keys are in name order. */
void
jx_customer_list_set_sort (JxCustomerList *self,
                           JxCustomerSort  key,
                           gboolean        descending)
{
  gboolean key_changed, direction_changed;

  g_return_if_fail (JX_IS_CUSTOMER_LIST (self));

  descending = !!descending;
  key_changed = key != self->sort;
  direction_changed = descending != self->descending;
  if (!key_changed && !direction_changed)
    return;
  self->sort = key;
  self->descending = descending;
  rebuild (self, TRUE);
  if (key_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
  if (direction_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

JxCustomerSort
jx_customer_list_get_sort (JxCustomerList *self,
                           gboolean       *descending)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), JX_CUSTOMER_SORT_NAME);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/* The base row shown at @position, without making an object. */
guint
jx_customer_list_get_row (JxCustomerList *self,
                          guint           position)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), G_MAXUINT);
  g_return_val_if_fail (position < self->positions->len, G_MAXUINT);

  return g_array_index (self->positions, guint, position);
}

/* The id of the customer at @position, without making an object (for moving a selection). */
gint64
jx_customer_list_get_customer_id (JxCustomerList *self,
                                  guint           position)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), 0);
  g_return_val_if_fail (position < self->positions->len, 0);

  return jx_customer_base_get_row (self->base, g_array_index (self->positions, guint,
                                                              position))->id;
}

/* Where the customer is in the list, to scroll to it or select it after a move. */
gboolean
jx_customer_list_find (JxCustomerList *self,
                       gint64          customer_id,
                       guint          *position)
{
  guint row, pos;

  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), FALSE);

  if (!jx_customer_base_lookup (self->base, customer_id, &row) || !find_row (self, row, &pos))
    return FALSE;
  if (position != NULL)
    *position = pos;
  return TRUE;
}

/* The last 12 months' won revenue of the customers in the list (for a column header). */
gint64
jx_customer_list_get_revenue_total (JxCustomerList *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST (self), 0);

  return get_total (self);
}
