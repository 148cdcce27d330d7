/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-demo.h"
#include "jx-sqlite-private.h"

/*
 * A deterministic generator of a believable B2B company: regions, a sales team with
 * managers, product lines, customers of different sizes and tiers, two years of deals with
 * stage histories, and a target plan for the current year.
 *
 * The random numbers come from our own SplitMix64 so that the same seed gives the same
 * database on every machine and every GLib. All dates are relative to options->today.
 */

#define N_OPEN_STAGES 5
#define HISTORY_DAYS  730

typedef struct {
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n);
}

static double
rng_normal (Rng *rng)
{
  double u1 = rng_double (rng);
  double u2 = rng_double (rng);

  if (u1 < 1e-12)
    u1 = 1e-12;
  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* A positive duration in days with the given mean and a long tail. */
static int
rng_days (Rng    *rng,
          double  mean)
{
  const double sigma = 0.6;
  double mu = log (mean) - sigma * sigma / 2;
  int days = (int) lround (exp (mu + sigma * rng_normal (rng)));

  return MAX (days, 1);
}

/* Name pools. Names are made by walking a mixed-radix number through the pools, so every
 * index gives a different name and no name repeats within a database. */

static const char *const en_brands[] = {
  "Northwind", "Bluepeak", "Cedar", "Harbor", "Summit", "Ironwood", "Silverline", "Redstone",
  "Clearwater", "Brightpath", "Oakridge", "Granite", "Skyline", "Westfield", "Evergreen",
  "Pinecrest", "Lakeshore", "Goldleaf", "Stonebridge", "Riverside", "Maple", "Falcon",
  "Horizon", "Keystone", "Lighthouse", "Meridian", "Northstar", "Pioneer", "Quantum",
  "Sterling", "Trident", "Vanguard", "Windmill", "Zenith", "Atlas", "Beacon", "Copper",
  "Delta", "Everest", "Frontier", "Global", "Highland", "Juniper", "Kestrel", "Liberty",
  "Monarch", "Nova", "Orchid", "Prairie", "Ridge",
};
static const char *const en_industries[] = {
  "Logistics", "Foods", "Manufacturing", "Health", "Energy", "Retail", "Motors", "Textiles",
  "Pharma", "Electronics", "Chemicals", "Construction", "Media", "Software", "Finance",
  "Packaging", "Plastics", "Metals", "Aviation", "Marine", "Agritech", "Robotics",
  "Instruments", "Water", "Telecom",
};
static const char *const en_suffixes[] = { "Ltd", "Inc", "Group", "Co", "Holdings", "Partners" };
static const char *const en_places[] = {
  "", " Boston", " Denver", " Austin", " Seattle", " Atlanta", " Chicago", " Dallas",
  " Phoenix", " Portland", " Miami", " Detroit", " Houston", " Omaha", " Raleigh",
  " Tampa", " Tucson", " Fresno", " Newark", " Reno",
};

static const char *const zh_cities[] = {
  "北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "苏州", "天津",
  "重庆", "青岛", "厦门", "长沙", "郑州", "合肥", "宁波", "无锡", "济南", "大连", "沈阳",
  "福州", "昆明", "南昌", "贵阳", "佛山", "东莞", "常州", "温州",
};
static const char *const zh_brands[] = {
  "华信", "恒达", "金桥", "远航", "博远", "新锐", "中科", "瑞丰", "天成", "宏图", "长青",
  "鼎盛", "嘉禾", "盛世", "东方", "永泰", "联创", "汇通", "明德", "星辰", "海纳", "同舟",
  "启航", "锦程", "凯越", "华拓", "安信", "广源", "正源", "睿智", "卓越", "万达", "通达",
  "鸿运", "佳讯", "腾飞", "宇宙", "银河", "泰和", "利民", "光华", "德胜", "富源", "康泰",
  "精工", "美达", "创新", "至诚", "众合", "大成",
};
static const char *const zh_industries[] = {
  "科技", "物流", "制造", "医疗", "电子", "能源", "食品", "化工", "建设", "信息", "机械",
  "材料", "汽车", "纺织", "传媒", "软件", "环保", "仪器", "通信", "农业",
};
static const char *const zh_suffixes[] = { "有限公司", "股份有限公司", "集团有限公司", "实业有限公司" };

static const char *const en_first[] = {
  "Anna", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Irene", "Jack",
  "Karen", "Liam", "Mia", "Noah", "Olivia", "Peter", "Quinn", "Rachel", "Sam", "Tina",
  "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe", "Adam", "Bella", "Carl", "Diana",
  "Eric", "Fiona", "George", "Hannah", "Ivan", "Julia", "Kevin", "Laura", "Mark", "Nina",
};
static const char *const en_last[] = {
  "Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark", "Lewis",
  "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
  "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips", "Campbell", "Parker",
  "Evans", "Edwards", "Collins",
};
static const char *const zh_surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};
static const char *const zh_given[] = {
  "伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明",
  "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓明", "丽", "婷", "浩", "宇", "欣", "佳怡",
  "子涵", "思远", "雨桐", "俊杰", "文博", "嘉怡", "天宇", "梓轩", "一鸣", "海燕", "志强",
};

/* A pseudo-random but bijective walk: multiplying by a prime coprime with @size permutes
 * 0..size-1, so consecutive indexes give names that look unrelated. */
static guint64
scatter (guint64 index,
         guint64 size)
{
  return (index * G_GUINT64_CONSTANT (2654435761)) % size;
}

static char *
company_name (guint64  index,
              gboolean chinese)
{
  if (chinese)
    {
      guint64 size = G_N_ELEMENTS (zh_cities) * G_N_ELEMENTS (zh_brands) *
                     G_N_ELEMENTS (zh_industries) * G_N_ELEMENTS (zh_suffixes);
      guint64 n = scatter (index % size, size);
      guint64 round = index / size;
      const char *city = zh_cities[n % G_N_ELEMENTS (zh_cities)];
      const char *brand = zh_brands[(n /= G_N_ELEMENTS (zh_cities)) % G_N_ELEMENTS (zh_brands)];
      const char *industry = zh_industries[(n /= G_N_ELEMENTS (zh_brands)) % G_N_ELEMENTS (zh_industries)];
      const char *suffix = zh_suffixes[(n / G_N_ELEMENTS (zh_industries)) % G_N_ELEMENTS (zh_suffixes)];

      if (round > 0)
        return g_strdup_printf ("%s%s%s%s（%" G_GUINT64_FORMAT "）", city, brand, industry,
                                suffix, round + 1);
      return g_strconcat (city, brand, industry, suffix, NULL);
    }
  else
    {
      guint64 size = G_N_ELEMENTS (en_brands) * G_N_ELEMENTS (en_industries) *
                     G_N_ELEMENTS (en_suffixes) * G_N_ELEMENTS (en_places);
      guint64 n = scatter (index % size, size);
      guint64 round = index / size;
      const char *brand = en_brands[n % G_N_ELEMENTS (en_brands)];
      const char *industry = en_industries[(n /= G_N_ELEMENTS (en_brands)) % G_N_ELEMENTS (en_industries)];
      const char *suffix = en_suffixes[(n /= G_N_ELEMENTS (en_industries)) % G_N_ELEMENTS (en_suffixes)];
      const char *place = en_places[(n / G_N_ELEMENTS (en_suffixes)) % G_N_ELEMENTS (en_places)];

      if (round > 0)
        return g_strdup_printf ("%s %s%s %s %" G_GUINT64_FORMAT, brand, industry, place, suffix,
                                round + 1);
      return g_strdup_printf ("%s %s%s %s", brand, industry, place, suffix);
    }
}

static char *
person_name (guint64  index,
             gboolean chinese)
{
  if (chinese)
    {
      guint64 size = G_N_ELEMENTS (zh_surnames) * G_N_ELEMENTS (zh_given);
      guint64 n = scatter (index % size, size);
      guint64 round = index / size;
      const char *surname = zh_surnames[n % G_N_ELEMENTS (zh_surnames)];
      const char *given = zh_given[(n / G_N_ELEMENTS (zh_surnames)) % G_N_ELEMENTS (zh_given)];

      if (round > 0)
        return g_strdup_printf ("%s%s%" G_GUINT64_FORMAT, surname, given, round + 1);
      return g_strconcat (surname, given, NULL);
    }
  else
    {
      guint64 size = G_N_ELEMENTS (en_first) * G_N_ELEMENTS (en_last);
      guint64 n = scatter (index % size, size);
      guint64 round = index / size;
      const char *first = en_first[n % G_N_ELEMENTS (en_first)];
      const char *last = en_last[(n / G_N_ELEMENTS (en_first)) % G_N_ELEMENTS (en_last)];

      if (round > 0)
        return g_strdup_printf ("%s %c. %s", first, (char) ('A' + (round - 1) % 26), last);
      return g_strdup_printf ("%s %s", first, last);
    }
}

typedef struct {
  const char *name;
  const char *competitors;
  const char *strategy;
  gint64      potential_major;
  double      weight;
} RegionSpec;

static const RegionSpec region_specs[] = {
  { N_("East"), N_("Huaxin Cloud, Orbis Systems"),
    N_("Defend the installed base in manufacturing; cross-sell analytics to key accounts."),
    180000000, 0.34 },
  { N_("North"), N_("Orbis Systems, Polar Data"),
    N_("Win public-sector tenders; build partner channel in the provinces."),
    140000000, 0.26 },
  { N_("South"), N_("Kestrel Networks, Huaxin Cloud"),
    N_("Grow mid-market electronics and logistics customers with the security bundle."),
    120000000, 0.24 },
  { N_("West"), N_("Polar Data"),
    N_("New territory: land five reference customers in energy and agriculture."),
    80000000, 0.16 },
};

typedef struct {
  const char *line;
  const char *products[3];
  gint64      prices_major[3];
} LineSpec;

/* Translators: the demo company's products. The brand names (JX Cloud, Insight, Shield, Mesh)
 * may stay as they are; the services are plain words. */
static const LineSpec line_specs[] = {
  { N_("Cloud Platform"), { N_("JX Cloud Basic"), N_("JX Cloud Pro"), N_("JX Cloud Enterprise") },
    { 60000, 180000, 520000 } },
  { N_("Data Analytics"), { N_("Insight Starter"), N_("Insight Team"), N_("Insight Suite") },
    { 45000, 120000, 360000 } },
  { N_("Security"), { N_("Shield Edge"), N_("Shield Core"), N_("Shield Total") },
    { 30000, 95000, 280000 } },
  { N_("Networking"), { N_("Mesh Switch"), N_("Mesh Router"), N_("Mesh Campus") },
    { 25000, 70000, 240000 } },
  { N_("Services"), { N_("Onboarding"), N_("Managed Service"), N_("Consulting Days") },
    { 15000, 80000, 40000 } },
};

static const char *const type_names[] = {
  N_("Enterprise"), N_("Mid-market"), N_("Small business"), N_("Public sector"),
};
/* Relative deal size for each customer type. */
static const double type_size[] = { 2.6, 1.2, 0.45, 1.6 };
static const double type_weight[] = { 0.18, 0.37, 0.33, 0.12 };

/* Per open stage: mean days spent there, and the chance to move on rather than be lost. */
static const double stage_mean_days[N_OPEN_STAGES] = { 12, 18, 24, 16, 11 };
static const double stage_advance[N_OPEN_STAGES] = { 0.66, 0.70, 0.72, 0.74, 0.78 };

/* The same words as the reason dialog's suggestions, so the demo reads like the app. */
static const char *const won_reasons[] = {
  N_("Best fit for the need"), N_("Price"), N_("Relationship"), N_("Service and support"),
  N_("Fast delivery"),
};

static const char *const lost_reasons[] = {
  N_("Price too high"), N_("Chose a competitor"), N_("No budget"), N_("No decision"),
  N_("Timing"),
};

/* Whether the UI language is Chinese, so `init --demo` makes names a Chinese user expects. */
gboolean
jx_demo_prefers_chinese (void)
{
  /* Translators: do not translate the words; write "zh" if demo data in your language
   * should use Chinese company and people names, otherwise leave "en". */
  return g_str_equal (C_("demo names", "en"), "zh");
}

void
jx_demo_options_init (JxDemoOptions *options,
                      const GDate   *today)
{
  memset (options, 0, sizeof *options);
  options->scale = 1;
  options->today = *today;
  options->seed = JX_DEMO_SEED;
  options->chinese_names = jx_demo_prefers_chinese ();
}

typedef struct {
  JxStore             *store;
  const JxDemoOptions *options;
  Rng                  rng;
  JxDemoProgressFunc   progress;
  gpointer             progress_data;

  gint64               stage_ids[N_OPEN_STAGES + 2];   /* open stages, won, lost */
  GArray              *region_ids;
  GArray              *type_ids;
  GArray              *product_ids;
  GArray              *product_prices;
  GPtrArray           *reps_by_region;                 /* GArray of gint64 per region */

  /* Per customer: id, owner, size factor, opened-deals weight. */
  GArray              *customer_ids;
  GArray              *customer_owner;
  GArray              *customer_size;
  GArray              *customer_cumulative;
  GPtrArray           *customer_names;
} Generator;

static gboolean
step_insert (Generator     *gen,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  if (!jx_store_step_done (gen->store, stmt, error))
    return FALSE;
  sqlite3_clear_bindings (stmt);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (jx_store_get_db (gen->store));
  return TRUE;
}

static void
date_iso_offset (const GDate *today,
                 int          days_before,
                 char         buf[11])
{
  GDate d = *today;

  if (days_before > 0)
    g_date_subtract_days (&d, days_before);
  else if (days_before < 0)
    g_date_add_days (&d, -days_before);
  jx_date_to_iso_buf (&d, buf);
}

static gboolean
load_stages (Generator  *gen,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_open = 0;
  int rc;

  stmt = jx_store_prepare (gen->store,
                           "SELECT id, kind FROM stages ORDER BY kind, position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 1);

      if (kind == 0 && n_open < N_OPEN_STAGES)
        gen->stage_ids[n_open++] = sqlite3_column_int64 (stmt, 0);
      else if (kind == 1 && gen->stage_ids[N_OPEN_STAGES] == 0)
        gen->stage_ids[N_OPEN_STAGES] = sqlite3_column_int64 (stmt, 0);
      else if (kind == 2 && gen->stage_ids[N_OPEN_STAGES + 1] == 0)
        gen->stage_ids[N_OPEN_STAGES + 1] = sqlite3_column_int64 (stmt, 0);
    }
  if (n_open != N_OPEN_STAGES || gen->stage_ids[N_OPEN_STAGES] == 0 ||
      gen->stage_ids[N_OPEN_STAGES + 1] == 0)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("Demo data needs the five default sales stages plus won and lost; use a "
                     "new database."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
generate_structure (Generator  *gen,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) region = NULL;
  g_autoptr(sqlite3_stmt) member = NULL;
  g_autoptr(sqlite3_stmt) line = NULL;
  g_autoptr(sqlite3_stmt) product = NULL;
  g_autoptr(sqlite3_stmt) type = NULL;
  JxStore *store = gen->store;
  int scale = gen->options->scale;
  int n_members = JX_DEMO_MEMBERS_PER_SCALE * scale;
  guint64 person = 0;
  gint64 director = 0;

  region = jx_store_prepare (store, "INSERT INTO regions(name, potential, competitors, strategy) "
                                    "VALUES (?, ?, ?, ?)", error);
  member = jx_store_prepare (store, "INSERT INTO team_members(name, role, is_manager, manager_id, "
                                    "region_id, capacity_hours) VALUES (?, ?, ?, ?, ?, ?)", error);
  line = jx_store_prepare (store, "INSERT INTO product_lines(name) VALUES (?)", error);
  product = jx_store_prepare (store, "INSERT INTO products(line_id, name, list_price) "
                                     "VALUES (?, ?, ?)", error);
  type = jx_store_prepare (store, "INSERT INTO customer_types(name) VALUES (?)", error);
  if (!region || !member || !line || !product || !type)
    return FALSE;

  {
    g_autofree char *name = person_name (person++, gen->options->chinese_names);

    sqlite3_bind_text (member, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (member, 2, _("Sales director"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (member, 3, 1);
    sqlite3_bind_int (member, 6, 60);
    if (!step_insert (gen, member, &director, error))
      return FALSE;
  }

  for (guint r = 0; r < G_N_ELEMENTS (region_specs); r++)
    {
      const RegionSpec *spec = &region_specs[r];
      GArray *reps = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 region_id, manager_id;
      int n_reps = MAX (2, (int) lround (spec->weight * (n_members - 1 - 4)));

      g_ptr_array_add (gen->reps_by_region, reps);
      sqlite3_bind_text (region, 1, _(spec->name), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (region, 2, spec->potential_major * 100 * scale);
      sqlite3_bind_text (region, 3, _(spec->competitors), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (region, 4, _(spec->strategy), -1, SQLITE_TRANSIENT);
      if (!step_insert (gen, region, &region_id, error))
        return FALSE;
      g_array_append_val (gen->region_ids, region_id);

      {
        g_autofree char *name = person_name (person++, gen->options->chinese_names);

        sqlite3_bind_text (member, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (member, 2, _("Regional manager"), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int (member, 3, 1);
        sqlite3_bind_int64 (member, 4, director);
        sqlite3_bind_int64 (member, 5, region_id);
        sqlite3_bind_int (member, 6, 80);
        if (!step_insert (gen, member, &manager_id, error))
          return FALSE;
      }
      for (int i = 0; i < n_reps; i++)
        {
          g_autofree char *name = person_name (person++, gen->options->chinese_names);
          gint64 rep_id;

          sqlite3_bind_text (member, 1, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (member, 2, _("Account executive"), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (member, 3, 0);
          sqlite3_bind_int64 (member, 4, manager_id);
          sqlite3_bind_int64 (member, 5, region_id);
          sqlite3_bind_int (member, 6, 120 + 10 * (int) rng_below (&gen->rng, 5));
          if (!step_insert (gen, member, &rep_id, error))
            return FALSE;
          g_array_append_val (reps, rep_id);
        }
    }

  for (guint l = 0; l < G_N_ELEMENTS (line_specs); l++)
    {
      gint64 line_id;

      sqlite3_bind_text (line, 1, _(line_specs[l].line), -1, SQLITE_TRANSIENT);
      if (!step_insert (gen, line, &line_id, error))
        return FALSE;
      for (guint p = 0; p < 3; p++)
        {
          gint64 product_id;
          gint64 price = line_specs[l].prices_major[p] * 100;

          sqlite3_bind_int64 (product, 1, line_id);
          sqlite3_bind_text (product, 2, _(line_specs[l].products[p]), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (product, 3, price);
          if (!step_insert (gen, product, &product_id, error))
            return FALSE;
          g_array_append_val (gen->product_ids, product_id);
          g_array_append_val (gen->product_prices, price);
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (type_names); t++)
    {
      gint64 type_id;

      sqlite3_bind_text (type, 1, _(type_names[t]), -1, SQLITE_TRANSIENT);
      if (!step_insert (gen, type, &type_id, error))
        return FALSE;
      g_array_append_val (gen->type_ids, type_id);
    }
  return TRUE;
}

static guint
pick_weighted (Rng          *rng,
               const double *weights,
               guint         n)
{
  double x = rng_double (rng);

  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

static gboolean
generate_customers (Generator  *gen,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double region_weights[G_N_ELEMENTS (region_specs)];
  int n = JX_DEMO_CUSTOMERS_PER_SCALE * gen->options->scale;
  double total = 0;

  for (guint r = 0; r < G_N_ELEMENTS (region_specs); r++)
    region_weights[r] = region_specs[r].weight;

  stmt = jx_store_prepare (gen->store,
                           "INSERT INTO customers(name, type_id, region_id, owner_id, created, "
                           "annual_revenue) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = company_name (i, gen->options->chinese_names);
      guint r = pick_weighted (&gen->rng, region_weights, G_N_ELEMENTS (region_specs));
      guint t = pick_weighted (&gen->rng, type_weight, G_N_ELEMENTS (type_weight));
      GArray *reps = g_ptr_array_index (gen->reps_by_region, r);
      gint64 owner = g_array_index (reps, gint64, rng_below (&gen->rng, reps->len));
      /* Customer size follows a Pareto-like law: a few customers buy most. */
      double size = type_size[t] * exp (0.9 * rng_normal (&gen->rng));
      char created[11];
      gint64 id;

      date_iso_offset (&gen->options->today, HISTORY_DAYS + 30 + (int) rng_below (&gen->rng, 1500),
                       created);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (gen->type_ids, gint64, t));
      sqlite3_bind_int64 (stmt, 3, g_array_index (gen->region_ids, gint64, r));
      sqlite3_bind_int64 (stmt, 4, owner);
      sqlite3_bind_text (stmt, 5, created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, (gint64) (size * 2e7) * 100);
      if (!step_insert (gen, stmt, &id, error))
        return FALSE;

      g_array_append_val (gen->customer_ids, id);
      g_ptr_array_add (gen->customer_names, g_steal_pointer (&name));
      g_array_append_val (gen->customer_owner, owner);
      g_array_append_val (gen->customer_size, size);
      total += sqrt (size);
      g_array_append_val (gen->customer_cumulative, total);
    }
  /* Normalise the cumulative weights to 1 so a uniform draw picks a customer. */
  for (guint i = 0; i < gen->customer_cumulative->len; i++)
    g_array_index (gen->customer_cumulative, double, i) /= total;
  return TRUE;
}

static guint
pick_customer (Generator *gen)
{
  double x = rng_double (&gen->rng);
  guint lo = 0, hi = gen->customer_cumulative->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (gen->customer_cumulative, double, mid) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

typedef struct {
  int stage;         /* 0..4 open stages, 5 won, 6 lost */
  int day;           /* days after opened */
} Move;

static gboolean
generate_deals (Generator  *gen,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) deal = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  const GDate *today = &gen->options->today;
  int n = JX_DEMO_DEALS_PER_SCALE * gen->options->scale;
  int report_every = MAX (1, n / 100);

  deal = jx_store_prepare (gen->store,
                           "INSERT INTO deals(ref, title, customer_id, owner_id, product_id, amount, "
                           "opened, expected_close, closed, stage_id, stage_entered, status, "
                           "furthest_position, lost_at_stage_id, lost_reason, won_reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  event = jx_store_prepare (gen->store,
                            "INSERT INTO stage_events(deal_id, stage_id, entered) VALUES (?, ?, ?)",
                            error);
  if (deal == NULL || event == NULL)
    return FALSE;

  for (int i = 0; i < n; i++)
    {
      Move moves[N_OPEN_STAGES + 2];
      int n_moves = 0;
      guint c = pick_customer (gen);
      guint p = rng_below (&gen->rng, gen->product_ids->len);
      double size = g_array_index (gen->customer_size, double, c);
      /* Deals are spread over two years, a little denser in recent months (growth) and
       * around quarter ends. */
      int opened_ago = (int) (HISTORY_DAYS * pow (rng_double (&gen->rng), 1.15));
      int day = 0;
      int stage = 0;
      int furthest = 0;
      int outcome = 0;
      gboolean stuck = rng_double (&gen->rng) < 0.08;
      gint64 price = g_array_index (gen->product_prices, gint64, p);
      gint64 amount;
      char ref[32], opened[11], closed[11], expected[11], entered[11];
      g_autofree char *title = NULL;
      gint64 deal_id;

      opened_ago = MAX (opened_ago, 1);

      /* Walk the stages forward; a few deals skip one. */
      if (rng_double (&gen->rng) < 0.06)
        stage = 1;
      moves[n_moves++] = (Move) { stage, 0 };
      for (;;)
        {
          int stay = rng_days (&gen->rng, stage_mean_days[stage] * (stuck ? 4.0 : 1.0));

          if (day + stay >= opened_ago)
            break;                      /* still in this stage today */
          day += stay;
          if (rng_double (&gen->rng) >= stage_advance[stage])
            {
              outcome = 2;
              moves[n_moves++] = (Move) { 6, day };
              break;
            }
          if (stage == N_OPEN_STAGES - 1)
            {
              outcome = 1;
              moves[n_moves++] = (Move) { 5, day };
              break;
            }
          if (stage + 2 < N_OPEN_STAGES && rng_double (&gen->rng) < 0.05)
            stage += 2;                 /* a skipped stage */
          else
            stage++;
          moves[n_moves++] = (Move) { stage, day };
        }
      for (int m = 0; m < n_moves; m++)
        if (moves[m].stage < N_OPEN_STAGES)
          furthest = MAX (furthest, moves[m].stage);
      if (outcome == 1)
        furthest = N_OPEN_STAGES - 1;

      amount = (gint64) (price * (0.6 + 0.8 * rng_double (&gen->rng)) * MAX (0.3, size));
      amount = amount / 10000 * 10000;  /* whole hundreds of yuan */
      if (amount < 100000)
        amount = 100000;

      date_iso_offset (today, opened_ago, opened);
      date_iso_offset (today, opened_ago - moves[n_moves - 1].day, entered);
      g_snprintf (ref, sizeof ref, "D-%07d", i + 1);
      /* Translators: a deal's title; %1$s is a product, %2$s a customer. */
      title = g_strdup_printf (_("%1$s for %2$s"), _(line_specs[p / 3].products[p % 3]),
                               (const char *) g_ptr_array_index (gen->customer_names, c));

      sqlite3_bind_text (deal, 1, ref, -1, SQLITE_STATIC);
      sqlite3_bind_text (deal, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (deal, 3, g_array_index (gen->customer_ids, gint64, c));
      sqlite3_bind_int64 (deal, 4, g_array_index (gen->customer_owner, gint64, c));
      sqlite3_bind_int64 (deal, 5, g_array_index (gen->product_ids, gint64, p));
      /* A few open deals have no amount yet, as in real pipelines. */
      if (outcome == 0 && rng_double (&gen->rng) < 0.05)
        sqlite3_bind_null (deal, 6);
      else
        sqlite3_bind_int64 (deal, 6, amount);
      sqlite3_bind_text (deal, 7, opened, -1, SQLITE_STATIC);
      if (outcome == 0)
        {
          date_iso_offset (today, -(10 + (int) rng_below (&gen->rng, 120)), expected);
          sqlite3_bind_text (deal, 8, expected, -1, SQLITE_STATIC);
          sqlite3_bind_null (deal, 9);
        }
      else
        {
          int close_ago = opened_ago - moves[n_moves - 1].day;

          date_iso_offset (today, close_ago, closed);
          date_iso_offset (today, close_ago + (int) rng_below (&gen->rng, 30) - 10, expected);
          sqlite3_bind_text (deal, 8, expected, -1, SQLITE_STATIC);
          sqlite3_bind_text (deal, 9, closed, -1, SQLITE_STATIC);
        }
      sqlite3_bind_int64 (deal, 10, gen->stage_ids[moves[n_moves - 1].stage]);
      sqlite3_bind_text (deal, 11, entered, -1, SQLITE_STATIC);
      sqlite3_bind_int (deal, 12, outcome);
      sqlite3_bind_int (deal, 13, furthest + 1);
      if (outcome == 2)
        {
          sqlite3_bind_int64 (deal, 14, gen->stage_ids[moves[n_moves - 2].stage]);
          sqlite3_bind_text (deal, 15, _(lost_reasons[rng_below (&gen->rng,
                                                                 G_N_ELEMENTS (lost_reasons))]),
                             -1, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_text (deal, 15, "", -1, SQLITE_STATIC);
      /* Seven won deals in ten say why. The choice comes from the deal's number, not from
       * the random stream, so that adding reasons changed none of the other figures. */
      if (outcome == 1 && scatter (i, 10) < 7)
        sqlite3_bind_text (deal, 16, _(won_reasons[scatter (i / 10, G_N_ELEMENTS (won_reasons))]),
                           -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_text (deal, 16, "", -1, SQLITE_STATIC);
      if (!step_insert (gen, deal, &deal_id, error))
        return FALSE;

      for (int m = 0; m < n_moves; m++)
        {
          char when[11];

          date_iso_offset (today, opened_ago - moves[m].day, when);
          sqlite3_bind_int64 (event, 1, deal_id);
          sqlite3_bind_int64 (event, 2, gen->stage_ids[moves[m].stage]);
          sqlite3_bind_text (event, 3, when, -1, SQLITE_STATIC);
          if (!step_insert (gen, event, NULL, error))
            return FALSE;
        }

      if (gen->progress != NULL && i % report_every == 0 &&
          !gen->progress (0.1 + 0.8 * i / (double) n, gen->progress_data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Tiers from the last 12 months' won revenue: the top fifth Key, the next 30% Growth, the
 * rest Maintain; customers whose revenue fell by half are Defend; a few stay unassigned. */
static gboolean
assign_tiers (Generator  *gen,
              GError    **error)
{
  char year_ago[11], two_years_ago[11], today[11];
  g_autoptr(sqlite3_stmt) rank = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  int n = gen->customer_ids->len;
  int i = 0;
  int rc;

  date_iso_offset (&gen->options->today, 365, year_ago);
  date_iso_offset (&gen->options->today, 730, two_years_ago);
  date_iso_offset (&gen->options->today, 0, today);

  /* One pass over the won deals of the last two years, grouped by customer; a correlated
   * subquery per customer is at the planner's mercy once more indexes start with status. */
  rank = jx_store_prepare (gen->store,
                           "SELECT c.id, c.created, coalesce(r.recent, 0), coalesce(r.previous, 0) "
                           "FROM customers c LEFT JOIN ("
                           "  SELECT customer_id,"
                           "    sum(CASE WHEN closed > ?1 THEN amount END) AS recent,"
                           "    sum(CASE WHEN closed <= ?1 THEN amount END) AS previous"
                           "  FROM deals WHERE status = 1 AND closed > ?2 AND customer_id IS NOT NULL"
                           "  GROUP BY customer_id) r ON r.customer_id = c.id "
                           "ORDER BY 3 DESC, c.id", error);
  update = jx_store_prepare (gen->store, "UPDATE customers SET tier = ?2 WHERE id = ?1", error);
  history = jx_store_prepare (gen->store,
                              "INSERT INTO tier_history(customer_id, changed_on, from_tier, to_tier, "
                              "source) VALUES (?, ?, NULL, ?, 'manual')", error);
  if (rank == NULL || update == NULL || history == NULL)
    return FALSE;
  sqlite3_bind_text (rank, 1, year_ago, -1, SQLITE_STATIC);
  sqlite3_bind_text (rank, 2, two_years_ago, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (rank)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rank, 0);
      gint64 recent = sqlite3_column_int64 (rank, 2);
      gint64 previous = sqlite3_column_int64 (rank, 3);
      const char *tier;
      double x = rng_double (&gen->rng);

      if (x < 0.06)
        tier = NULL;
      else if (previous > 0 && recent * 2 < previous)
        tier = "defend";
      else if (i < n / 5)
        tier = "key";
      else if (i < n / 2)
        tier = "growth";
      else
        tier = "maintain";
      i++;

      if (tier == NULL)
        continue;
      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_text (update, 2, tier, -1, SQLITE_STATIC);
      if (!step_insert (gen, update, NULL, error))
        return FALSE;
      sqlite3_bind_int64 (history, 1, id);
      sqlite3_bind_text (history, 2, year_ago, -1, SQLITE_STATIC);
      sqlite3_bind_text (history, 3, tier, -1, SQLITE_STATIC);
      if (!step_insert (gen, history, NULL, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (gen->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* A few visits and calls per customer over the last six months. */
static gboolean
generate_activities (Generator  *gen,
                     GError    **error)
{
  static const char *const kinds[] = { "visit", "call", "meeting", "email" };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jx_store_prepare (gen->store,
                           "INSERT INTO activities(customer_id, member_id, kind, date, hours, note) "
                           "VALUES (?, ?, ?, ?, ?, '')", error);
  if (stmt == NULL)
    return FALSE;
  for (guint c = 0; c < gen->customer_ids->len; c++)
    {
      int n = (int) rng_below (&gen->rng, 4);

      for (int k = 0; k < n; k++)
        {
          guint kind = rng_below (&gen->rng, G_N_ELEMENTS (kinds));
          char when[11];

          date_iso_offset (&gen->options->today, (int) rng_below (&gen->rng, 180), when);
          sqlite3_bind_int64 (stmt, 1, g_array_index (gen->customer_ids, gint64, c));
          sqlite3_bind_int64 (stmt, 2, g_array_index (gen->customer_owner, gint64, c));
          sqlite3_bind_text (stmt, 3, kinds[kind], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, when, -1, SQLITE_STATIC);
          sqlite3_bind_double (stmt, 5, kind == 0 ? 2.0 : kind == 2 ? 1.5 : 0.5);
          if (!step_insert (gen, stmt, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A plan for the current fiscal year: the won revenue of the last 365 days (the run rate)
 * plus 15%, split into quarters by a typical seasonality. The demo history
 * starts two years back and ramps up, so the run rate, not the previous fiscal year, is
 * what a manager would plan from; it leaves the plan a little behind pace today. */
static gboolean
generate_targets (Generator  *gen,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) plan = NULL;
  g_autoptr(sqlite3_stmt) node = NULL;
  g_autoptr(sqlite3_stmt) revenue = NULL;
  int start_month = jx_store_get_setting_int (gen->store, "fiscal_year_start_month", 1);
  JxPeriod year, last_year;
  char from[11], to[11], lfrom[11], lto[11];
  gint64 plan_id, root_id;
  gint64 last_total = 0;
  static const double quarter_share[4] = { 0.22, 0.24, 0.25, 0.29 };
  gint64 target, assigned = 0;
  g_autofree char *plan_name = NULL;
  g_autofree char *root_name = NULL;
  char today_iso[11];
  int rc;

  jx_period_fiscal_year (&gen->options->today, start_month, &year);
  jx_period_last_days (&gen->options->today, 365, &last_year);
  jx_date_to_iso_buf (&year.from, from);
  jx_date_to_iso_buf (&year.to, to);
  jx_date_to_iso_buf (&last_year.from, lfrom);
  jx_date_to_iso_buf (&last_year.to, lto);
  jx_date_to_iso_buf (&gen->options->today, today_iso);

  revenue = jx_store_prepare (gen->store,
                              "SELECT closed, amount FROM deals WHERE status = 1 "
                              "AND closed BETWEEN ?1 AND ?2", error);
  if (revenue == NULL)
    return FALSE;
  sqlite3_bind_text (revenue, 1, lfrom, -1, SQLITE_STATIC);
  sqlite3_bind_text (revenue, 2, lto, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (revenue)) == SQLITE_ROW)
    last_total += jx_column_int64_or (revenue, 1, 0);

  /* Round the target to whole ten-thousands of the major unit. */
  target = (gint64) (last_total * 1.15);
  target = (target + 999999) / 1000000 * 1000000;
  if (target == 0)
    target = 1000000;

  plan_name = g_strdup_printf (_("Plan %d"), jx_period_fiscal_year_label (&gen->options->today,
                                                                         start_month));
  plan = jx_store_prepare (gen->store,
                           "INSERT INTO target_plans(name, active, created) VALUES (?, 1, ?)", error);
  node = jx_store_prepare (gen->store,
                           "INSERT INTO target_nodes(plan_id, parent_id, position, name, metric, "
                           "period_from, period_to, owner_id, dimension, amount, method, rationale) "
                           "VALUES (?, ?, ?, ?, 'revenue', ?, ?, ?, ?, ?, ?, ?)", error);
  if (plan == NULL || node == NULL)
    return FALSE;
  sqlite3_bind_text (plan, 1, plan_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (plan, 2, today_iso, -1, SQLITE_TRANSIENT);
  if (!step_insert (gen, plan, &plan_id, error))
    return FALSE;

  root_name = g_strdup_printf (_("Revenue %d"), jx_period_fiscal_year_label (&gen->options->today,
                                                                            start_month));
  sqlite3_bind_int64 (node, 1, plan_id);
  sqlite3_bind_int (node, 3, 0);
  sqlite3_bind_text (node, 4, root_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (node, 5, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (node, 6, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (node, 9, target);
  sqlite3_bind_text (node, 10, "seasonal", -1, SQLITE_STATIC);
  /* xgettext:no-c-format */
  sqlite3_bind_text (node, 11, _("Won revenue of the last twelve months plus 15% growth, in "
                                 "line with the market and the new West region."), -1,
                     SQLITE_TRANSIENT);
  if (!step_insert (gen, node, &root_id, error))
    return FALSE;

  for (int q = 0; q < 4; q++)
    {
      JxPeriod quarter;
      GDate first = year.from;
      char qfrom[11], qto[11];
      g_autofree char *name = NULL;
      gint64 amount;

      g_date_add_months (&first, q * 3);
      jx_period_fiscal_quarter (&first, start_month, &quarter);
      jx_date_to_iso_buf (&quarter.from, qfrom);
      jx_date_to_iso_buf (&quarter.to, qto);
      if (q < 3)
        /* A B2B year that closes strongest in its last quarter, as managers plan it. */
        amount = (gint64) (target * quarter_share[q]) / 1000000 * 1000000;
      else
        amount = target - assigned;
      assigned += amount;
      name = g_strdup_printf (_("Q%d"), q + 1);

      sqlite3_bind_int64 (node, 1, plan_id);
      sqlite3_bind_int64 (node, 2, root_id);
      sqlite3_bind_int (node, 3, q);
      sqlite3_bind_text (node, 4, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (node, 5, qfrom, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (node, 6, qto, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (node, 8, "quarter", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (node, 9, amount);
      sqlite3_bind_text (node, 11, "", -1, SQLITE_STATIC);
      if (!step_insert (gen, node, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Drops the indexes of deals and stage_events and returns the SQL that makes them again. */
static GPtrArray *
drop_bulk_indexes (JxStore  *store,
                   GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) drop = NULL;

  stmt = jx_store_prepare (store,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name IN ('deals', 'stage_events') AND sql IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (jx_column_text (stmt, 0)));
      g_ptr_array_add (sql, g_strdup (jx_column_text (stmt, 1)));
    }
  for (guint i = 0; i < names->len; i++)
    {
      /* DROP INDEX takes no parameters; the names come from sqlite_master. */
      g_autofree char *text = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (!jx_store_exec (store, text, error))
        return NULL;
    }
  return g_steal_pointer (&sql);
}

static gboolean
recreate_indexes (JxStore    *store,
                  GPtrArray  *sql,
                  GError    **error)
{
  for (guint i = 0; i < sql->len; i++)
    if (!jx_store_exec (store, sql->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
store_is_empty (JxStore *store)
{
  return jx_store_count_rows (store, JX_TABLE_DEALS) == 0 &&
         jx_store_count_rows (store, JX_TABLE_CUSTOMERS) == 0 &&
         jx_store_count_rows (store, JX_TABLE_TEAM_MEMBERS) == 0;
}

/**
 * jx_demo_generate:
 * @store: an empty database
 * @options: scale, today and seed
 * @progress: (nullable): called with the fraction done; return %FALSE to cancel
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Fills @store with demo data in one transaction. The same options always give the same
 * rows. Fails without writing when @store already holds customers, deals or people.
 */
gboolean
jx_demo_generate (JxStore              *store,
                  const JxDemoOptions  *options,
                  JxDemoProgressFunc    progress,
                  gpointer              user_data,
                  GError              **error)
{
  Generator gen = { 0 };
  g_autoptr(GPtrArray) index_sql = NULL;
  gboolean ok = FALSE;
  g_autofree char *company = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->scale >= 1, FALSE);
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);

  if (!store_is_empty (store))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The database already has data; demo data goes into a new database."));
      return FALSE;
    }

  gen.store = store;
  gen.options = options;
  gen.rng.state = options->seed;
  gen.progress = progress;
  gen.progress_data = user_data;
  gen.region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.product_prices = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.reps_by_region = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gen.customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.customer_owner = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.customer_size = g_array_new (FALSE, FALSE, sizeof (double));
  gen.customer_cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  gen.customer_names = g_ptr_array_new_with_free_func (g_free);

  /* The database is new and empty, and a failed generation deletes it, so the bulk load
   * can skip the journal; WAL comes back afterwards. */
  jx_store_exec (store, "PRAGMA journal_mode = OFF", NULL);
  jx_store_exec (store, "PRAGMA synchronous = OFF", NULL);
  if (!jx_store_begin (store, NULL, error))
    goto out;
  /* Bulk loading: a large page cache, and the big tables' indexes built once at the end
   * (sorting once is much faster than updating seven B-trees per row). */
  jx_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  index_sql = drop_bulk_indexes (store, error);
  if (index_sql == NULL)
    {
      jx_store_rollback (store);
      goto out;
    }

  company = g_strdup (options->chinese_names ? "精细科技有限公司" : "Jingxi Demo Technologies");
  if (load_stages (&gen, error) &&
      jx_store_set_setting (store, "company_name", company, error) &&
      generate_structure (&gen, error) &&
      (progress == NULL || progress (0.05, user_data)) &&
      generate_customers (&gen, error) &&
      generate_deals (&gen, error) &&
      recreate_indexes (store, index_sql, error) &&
      assign_tiers (&gen, error) &&
      generate_activities (&gen, error) &&
      generate_targets (&gen, error))
    ok = jx_store_commit (store, error);
  else
    jx_store_rollback (store);

  jx_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  jx_store_exec (store, "PRAGMA synchronous = NORMAL", NULL);
  jx_store_exec (store, "PRAGMA journal_mode = WAL", NULL);
  if (ok && progress != NULL)
    progress (1.0, user_data);

out:
  g_array_unref (gen.region_ids);
  g_array_unref (gen.type_ids);
  g_array_unref (gen.product_ids);
  g_array_unref (gen.product_prices);
  g_ptr_array_unref (gen.reps_by_region);
  g_array_unref (gen.customer_ids);
  g_array_unref (gen.customer_owner);
  g_array_unref (gen.customer_size);
  g_array_unref (gen.customer_cumulative);
  g_ptr_array_unref (gen.customer_names);
  return ok;
}
