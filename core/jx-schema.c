/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-schema-private.h"

/*
 * Schema version 1 covers the whole domain so that later work extends it with new
 * migrations instead of rebuilding it.
 *
 * Conventions:
 * - every table has an INTEGER PRIMARY KEY "id" (the undo log restores rows by rowid);
 * - money is INTEGER minor units (fen, cents), one currency per database (settings.currency);
 * - dates are ISO "YYYY-MM-DD" text, so they sort and compare as text;
 * - names that users type are UNIQUE COLLATE NOCASE, the natural key of imports.
 */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  value TEXT NOT NULL"
  ");"

  /* Sales regions form a tree; potential is the yearly market potential in minor units. */
  "CREATE TABLE regions ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),"
  "  potential INTEGER CHECK (potential IS NULL OR potential >= 0),"
  "  competitors TEXT NOT NULL DEFAULT '',"
  "  strategy TEXT NOT NULL DEFAULT ''"
  ");"

  /* Role is free text ("Sales rep", "Regional manager"); is_manager marks people who lead. */
  "CREATE TABLE team_members ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  is_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1)),"
  "  manager_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,"
  "  capacity_hours INTEGER CHECK (capacity_hours IS NULL OR capacity_hours >= 0),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE product_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200)"
  ");"

  "CREATE TABLE products ("
  "  id INTEGER PRIMARY KEY,"
  "  line_id INTEGER REFERENCES product_lines(id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),"
  "  list_price INTEGER CHECK (list_price IS NULL OR list_price >= 0)"
  ");"

  "CREATE TABLE customer_types ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200)"
  ");"

  /* tier is NULL (unassigned), 'key', 'growth', 'maintain' or 'defend'; tier_manual marks
   * a tier the manager set by hand, which suggestions leave alone. */
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 300),"
  "  type_id INTEGER REFERENCES customer_types(id) ON DELETE SET NULL,"
  "  region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,"
  "  owner_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  parent_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,"
  "  tier TEXT CHECK (tier IS NULL OR tier IN ('key', 'growth', 'maintain', 'defend')),"
  "  tier_manual INTEGER NOT NULL DEFAULT 0 CHECK (tier_manual IN (0, 1)),"
  "  annual_revenue INTEGER CHECK (annual_revenue IS NULL OR annual_revenue >= 0),"
  "  created TEXT,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE tier_history ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL,"
  "  from_tier TEXT,"
  "  to_tier TEXT,"
  "  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'suggestion', 'import')),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"

  /* Visits per customer per month and hours per visit for each tier. */
  "CREATE TABLE tier_policies ("
  "  id INTEGER PRIMARY KEY,"
  "  tier TEXT NOT NULL UNIQUE CHECK (tier IN ('key', 'growth', 'maintain', 'defend', 'none')),"
  "  visits_per_month REAL NOT NULL DEFAULT 0 CHECK (visits_per_month >= 0),"
  "  hours_per_visit REAL NOT NULL DEFAULT 0 CHECK (hours_per_visit >= 0)"
  ");"

  /* Open stages are ordered by position; the won and lost outcomes are stages too, so that
   * a deal's current stage and its events always point at a row here. */
  "CREATE TABLE stages ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind IN (0, 1, 2)),"   /* 0 open, 1 won, 2 lost */
  "  position INTEGER NOT NULL,"
  "  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),"
  "  milestone TEXT NOT NULL DEFAULT '',"
  "  stalled_days INTEGER CHECK (stalled_days IS NULL OR stalled_days > 0)"
  ");"

  /* status mirrors the kind of the current stage (0 open, 1 won, 2 lost) so the funnel
   * reads one integer column; stage_entered is the date the deal entered its current stage;
   * furthest_position is the highest open-stage position the deal ever reached. */
  "CREATE TABLE deals ("
  "  id INTEGER PRIMARY KEY,"
  "  ref TEXT UNIQUE CHECK (ref IS NULL OR length(ref) BETWEEN 1 AND 100),"
  "  title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 500),"
  "  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,"
  "  owner_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,"
  "  amount INTEGER CHECK (amount IS NULL OR amount >= 0),"
  "  opened TEXT,"
  "  expected_close TEXT,"
  "  closed TEXT,"
  "  stage_id INTEGER NOT NULL REFERENCES stages(id),"
  "  stage_entered TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),"
  "  furthest_position INTEGER NOT NULL DEFAULT 0,"
  "  lost_at_stage_id INTEGER REFERENCES stages(id),"
  "  lost_reason TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (closed IS NULL OR opened IS NULL OR closed >= opened)"
  ");"

  "CREATE TABLE stage_events ("
  "  id INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,"
  "  stage_id INTEGER NOT NULL REFERENCES stages(id),"
  "  entered TEXT NOT NULL"
  ");"

  /* At most one plan is active. */
  "CREATE TABLE target_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),"
  "  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),"
  "  created TEXT,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"

  /* A node carries its effective filters (inherited from its ancestors plus its own
   * value, named by dimension) so attainment needs no walk up the tree. metric is
   * 'revenue', 'deals' or 'new_customers'; smart holds the SMART checklist as JSON. */
  "CREATE TABLE target_nodes ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES target_plans(id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES target_nodes(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
  "  metric TEXT NOT NULL DEFAULT 'revenue' CHECK (metric IN ('revenue', 'deals', 'new_customers')),"
  "  period_from TEXT NOT NULL,"
  "  period_to TEXT NOT NULL,"
  "  owner_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  dimension TEXT CHECK (dimension IS NULL OR dimension IN ('quarter', 'month', 'week',"
  "    'product_line', 'customer_type', 'region', 'member', 'tier')),"
  "  region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,"
  "  member_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  product_line_id INTEGER REFERENCES product_lines(id) ON DELETE SET NULL,"
  "  customer_type_id INTEGER REFERENCES customer_types(id) ON DELETE SET NULL,"
  "  tier TEXT CHECK (tier IS NULL OR tier IN ('key', 'growth', 'maintain', 'defend')),"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
  "  method TEXT,"
  "  rationale TEXT NOT NULL DEFAULT '',"
  "  smart TEXT NOT NULL DEFAULT '{}',"
  "  CHECK (period_to >= period_from)"
  ");"

  "CREATE TABLE activities ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,"
  "  deal_id INTEGER REFERENCES deals(id) ON DELETE CASCADE,"
  "  member_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'call', 'email', 'meeting', 'note')),"
  "  date TEXT NOT NULL,"
  "  hours REAL CHECK (hours IS NULL OR hours >= 0),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"

  /* Indexes for the funnel, the target roll-up and the tier board. */
  "CREATE INDEX deals_status_closed ON deals(status, closed, amount);"
  "CREATE INDEX deals_opened ON deals(opened);"
  "CREATE INDEX deals_stage ON deals(stage_id, status);"
  "CREATE INDEX deals_customer ON deals(customer_id, status, closed);"
  "CREATE INDEX deals_owner ON deals(owner_id, status, closed);"
  "CREATE INDEX deals_product ON deals(product_id);"
  "CREATE INDEX deals_expected_close ON deals(expected_close) WHERE status = 0;"
  "CREATE INDEX stage_events_deal ON stage_events(deal_id, entered);"
  "CREATE INDEX customers_tier ON customers(tier, name);"
  "CREATE INDEX customers_region ON customers(region_id);"
  "CREATE INDEX customers_owner ON customers(owner_id);"
  "CREATE INDEX customers_type ON customers(type_id);"
  "CREATE INDEX products_line ON products(line_id);"
  "CREATE INDEX team_members_region ON team_members(region_id);"
  "CREATE INDEX tier_history_customer ON tier_history(customer_id, changed_on);"
  "CREATE INDEX target_nodes_tree ON target_nodes(plan_id, parent_id, position);"
  "CREATE UNIQUE INDEX target_plans_one_active ON target_plans(active) WHERE active = 1;"
  "CREATE INDEX activities_customer ON activities(customer_id, date);"
  "CREATE INDEX activities_deal ON activities(deal_id);"
  /* Foreign keys need an index on the child column, or deleting a parent scans the table. */
  "CREATE INDEX regions_parent ON regions(parent_id);"
  "CREATE INDEX team_members_manager ON team_members(manager_id);"
  "CREATE INDEX customers_parent ON customers(parent_id) WHERE parent_id IS NOT NULL;"
  "CREATE INDEX deals_lost_at ON deals(lost_at_stage_id) WHERE lost_at_stage_id IS NOT NULL;"
  "CREATE INDEX target_nodes_parent ON target_nodes(parent_id);"
  "CREATE INDEX activities_member ON activities(member_id);"

  "INSERT INTO settings(key, value) VALUES"
  "  ('currency', 'CNY'),"
  "  ('fiscal_year_start_month', '1'),"
  "  ('company_name', ''),"
  "  ('abc_a_percent', '80'),"
  "  ('abc_b_percent', '15'),"
  "  ('churn_drop_percent', '30'),"
  "  ('churn_idle_days', '180');"

  "INSERT INTO tier_policies(tier, visits_per_month, hours_per_visit) VALUES"
  "  ('key', 4, 3), ('growth', 2, 2), ('maintain', 1, 1.5), ('defend', 3, 2.5), ('none', 0.25, 1);"
  ;

/* Target roll-ups read every won deal's day, amount, owner, product and customer. As a
 * covering index that is a sequential read of a few megabytes instead of a random read of
 * each deal's row (about 15 times faster on a million deals); it also serves everything
 * deals_status_closed served, which it replaces. */
static const char migration_2[] =
  "CREATE INDEX deals_closed_facts ON deals(status, closed, amount, owner_id, product_id,"
  " customer_id);"
  "DROP INDEX deals_status_closed;"
  ;

/* Why a deal was won, beside why a lost deal was lost. */
static const char migration_3[] =
  "ALTER TABLE deals ADD COLUMN won_reason TEXT NOT NULL DEFAULT '';"
  ;

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JX_SCHEMA_VERSION);

const char *
jx_schema_migration (int to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= JX_SCHEMA_VERSION, NULL);

  return migrations[to_version - 1];
}
