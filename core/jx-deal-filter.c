/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-date.h"
#include "jx-deal-filter.h"
#include "jx-tier.h"
#include "jx-sqlite-private.h"

typedef struct {
  const char *option;        /* the jingxi-cli option and the JSON key */
  const char *lookup_sql;    /* ?1 is the name */
  const char *name_sql;      /* ?1 is the id */
  const char *known_sql;     /* a few names, to suggest */
} Dimension;

static const Dimension dimensions[] = {
  [JX_DEAL_FILTER_REGION] = {
    "region",
    "SELECT id FROM regions WHERE name = ?1",
    "SELECT name FROM regions WHERE id = ?1",
    "SELECT name FROM regions ORDER BY name LIMIT 9",
  },
  [JX_DEAL_FILTER_OWNER] = {
    "owner",
    "SELECT id FROM team_members WHERE name = ?1",
    "SELECT name FROM team_members WHERE id = ?1",
    "SELECT name FROM team_members ORDER BY is_manager DESC, name LIMIT 9",
  },
  [JX_DEAL_FILTER_PRODUCT_LINE] = {
    "product_line",
    "SELECT id FROM product_lines WHERE name = ?1",
    "SELECT name FROM product_lines WHERE id = ?1",
    "SELECT name FROM product_lines ORDER BY name LIMIT 9",
  },
  [JX_DEAL_FILTER_PRODUCT] = {
    "product",
    "SELECT id FROM products WHERE name = ?1",
    "SELECT name FROM products WHERE id = ?1",
    "SELECT name FROM products ORDER BY name LIMIT 9",
  },
  [JX_DEAL_FILTER_TIER] = { "tier", NULL, NULL, NULL },
  [JX_DEAL_FILTER_CUSTOMER_TYPE] = {
    "customer_type",
    "SELECT id FROM customer_types WHERE name = ?1",
    "SELECT name FROM customer_types WHERE id = ?1",
    "SELECT name FROM customer_types ORDER BY name LIMIT 9",
  },
};

/* The label of a tier code for people to read, or %NULL for an unknown code. */
const char *
jx_tier_label (const char *tier)
{
  JxTier value;

  if (!jx_tier_from_string (tier, &value))
    return NULL;
  return jx_tier_get_label (value);
}

/* No period, no dimension: every deal. */
void
jx_deal_filter_init (JxDealFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
}

gboolean
jx_deal_filter_has_dimensions (const JxDealFilter *filter)
{
  return filter->region_id > 0 || filter->owner_id > 0 || filter->product_line_id > 0 ||
         filter->product_id > 0 || filter->customer_type_id > 0 || filter->tier[0] != '\0';
}

gboolean
jx_deal_filter_is_empty (const JxDealFilter *filter)
{
  return !g_date_valid (&filter->from) && !g_date_valid (&filter->to) &&
         !jx_deal_filter_has_dimensions (filter);
}

/**
 * jx_deal_filter_set_period_iso:
 * @from: (nullable): the first day, or %NULL for no lower bound
 * @to: (nullable): the last day, or %NULL for no upper bound
 *
 * Sets the period from ISO dates. Fails, leaving @filter as it was, for text that is not a
 * date or for a period that ends before it starts.
 */
gboolean
jx_deal_filter_set_period_iso (JxDealFilter  *filter,
                               const char    *from,
                               const char    *to,
                               GError       **error)
{
  GDate f, t;

  g_date_clear (&f, 1);
  g_date_clear (&t, 1);
  if (from != NULL && !jx_date_parse_iso (from, &f))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)."), from);
      return FALSE;
    }
  if (to != NULL && !jx_date_parse_iso (to, &t))
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)."), to);
      return FALSE;
    }
  if (from != NULL && to != NULL && g_date_compare (&f, &t) > 0)
    {
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s). Swap the dates."), to, from);
      return FALSE;
    }
  filter->from = f;
  filter->to = t;
  return TRUE;
}

/* Sets the tier from its code or its label in any case ("key", "Key", "重点"). */
gboolean
jx_deal_filter_set_tier (JxDealFilter  *filter,
                         const char    *tier,
                         GError       **error)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (JxTier t = 0; t < JX_N_TIERS; t++)
    {
      const char *code = jx_tier_to_string (t);
      const char *label = jx_tier_get_label (t);
      const char *short_label = jx_tier_get_short_label (t);

      if (g_ascii_strcasecmp (tier, code) == 0 || g_strcmp0 (tier, label) == 0 ||
          g_strcmp0 (tier, short_label) == 0)
        {
          g_strlcpy (filter->tier, code, sizeof filter->tier);
          return TRUE;
        }
      if (t > 0)
        g_string_append (known, _(", "));
      g_string_append (known, code);
    }
  g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
               _("There is no tier “%s”. Use one of: %s."), tier, known->str);
  return FALSE;
}

static void
set_unknown_error (JxStore                *store,
                   JxDealFilterDimension   dimension,
                   const char             *name,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, dimensions[dimension].known_sql, NULL);
  g_autoptr(GString) known = g_string_new (NULL);
  int n = 0;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Translators: the separator of a list of names ("East, North"). */
      const char *separator = _(", ");

      if (n == 8)
        {
          g_string_append_printf (known, "%s…", separator);
          break;
        }
      if (n++ > 0)
        g_string_append (known, separator);
      g_string_append (known, jx_column_text (stmt, 0));
    }

  switch (dimension)
    {
    case JX_DEAL_FILTER_REGION:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("There is no region “%s”. Regions: %s."), name, known->str);
      break;
    case JX_DEAL_FILTER_OWNER:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("There is no team member “%s”. Check the spelling of the name (for "
                     "example: %s)"), name, known->str);
      break;
    case JX_DEAL_FILTER_PRODUCT_LINE:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("There is no product line “%s”. Product lines: %s."), name, known->str);
      break;
    case JX_DEAL_FILTER_PRODUCT:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("There is no product “%s”. Products: %s."), name, known->str);
      break;
    case JX_DEAL_FILTER_CUSTOMER_TYPE:
      g_set_error (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND,
                   _("There is no customer type “%s”. Customer types: %s."), name, known->str);
      break;
    case JX_DEAL_FILTER_TIER:
    default:
      g_assert_not_reached ();
    }
}

/**
 * jx_deal_filter_set_by_name:
 * @dimension: which dimension @name names
 * @name: a region, team member, product line, product, tier or customer type, as people
 *   type it (names are compared without regard to case)
 *
 * Sets one dimension of @filter from a name. An unknown name is an error that names the
 * value and suggests known ones; @filter is then left as it was.
 */
gboolean
jx_deal_filter_set_by_name (JxDealFilter           *filter,
                            JxStore                *store,
                            JxDealFilterDimension   dimension,
                            const char             *name,
                            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (JX_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (dimension <= JX_DEAL_FILTER_CUSTOMER_TYPE, FALSE);

  if (dimension == JX_DEAL_FILTER_TIER)
    return jx_deal_filter_set_tier (filter, name, error);

  stmt = jx_store_prepare (store, dimensions[dimension].lookup_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_unknown_error (store, dimension, name, error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      jx_store_set_error (store, rc, error);
      return FALSE;
    }
  id = sqlite3_column_int64 (stmt, 0);

  switch (dimension)
    {
    case JX_DEAL_FILTER_REGION: filter->region_id = id; break;
    case JX_DEAL_FILTER_OWNER: filter->owner_id = id; break;
    case JX_DEAL_FILTER_PRODUCT_LINE: filter->product_line_id = id; break;
    case JX_DEAL_FILTER_PRODUCT: filter->product_id = id; break;
    case JX_DEAL_FILTER_CUSTOMER_TYPE: filter->customer_type_id = id; break;
    case JX_DEAL_FILTER_TIER:
    default: g_assert_not_reached ();
    }
  return TRUE;
}

static char *
name_of (JxStore               *store,
         JxDealFilterDimension  dimension,
         gint64                 id)
{
  g_autoptr(sqlite3_stmt) stmt = jx_store_prepare (store, dimensions[dimension].name_sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return g_strdup (jx_column_text (stmt, 0));
}

static gint64
dimension_id (const JxDealFilter    *filter,
              JxDealFilterDimension  dimension)
{
  switch (dimension)
    {
    case JX_DEAL_FILTER_REGION: return filter->region_id;
    case JX_DEAL_FILTER_OWNER: return filter->owner_id;
    case JX_DEAL_FILTER_PRODUCT_LINE: return filter->product_line_id;
    case JX_DEAL_FILTER_PRODUCT: return filter->product_id;
    case JX_DEAL_FILTER_CUSTOMER_TYPE: return filter->customer_type_id;
    case JX_DEAL_FILTER_TIER:
    default: return 0;
    }
}

/* {"from": "2026-10-01" or null, "to": …, "region": "East" or null, …} with names. */
JsonNode *
jx_deal_filter_to_json (const JxDealFilter *filter,
                        JxStore            *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char buf[11];

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  if (g_date_valid (&filter->from))
    {
      jx_date_to_iso_buf (&filter->from, buf);
      json_builder_add_string_value (builder, buf);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "to");
  if (g_date_valid (&filter->to))
    {
      jx_date_to_iso_buf (&filter->to, buf);
      json_builder_add_string_value (builder, buf);
    }
  else
    json_builder_add_null_value (builder);

  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    {
      json_builder_set_member_name (builder, dimensions[d].option);
      if (d == JX_DEAL_FILTER_TIER)
        {
          if (filter->tier[0] != '\0')
            json_builder_add_string_value (builder, filter->tier);
          else
            json_builder_add_null_value (builder);
        }
      else if (dimension_id (filter, d) > 0)
        {
          g_autofree char *name = name_of (store, d, dimension_id (filter, d));
          json_builder_add_string_value (builder, name);
        }
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One line for people: "Oct 1, 2026 – Dec 31, 2026 · East · Anna Smith". */
char *
jx_deal_filter_describe (const JxDealFilter *filter,
                         JxStore            *store)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  if (g_date_valid (&filter->from) && g_date_valid (&filter->to))
    {
      JxPeriod period = { filter->from, filter->to };
      g_autofree char *text = jx_period_format (&period);
      g_string_append (out, text);
    }
  else if (g_date_valid (&filter->from))
    {
      g_autofree char *date = jx_date_format (&filter->from);
      /* Translators: a period with no end. */
      g_string_append_printf (out, _("from %s"), date);
    }
  else if (g_date_valid (&filter->to))
    {
      g_autofree char *date = jx_date_format (&filter->to);
      /* Translators: a period with no start. */
      g_string_append_printf (out, _("until %s"), date);
    }
  else
    g_string_append (out, _("All time"));

  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    {
      if (d == JX_DEAL_FILTER_TIER)
        {
          if (filter->tier[0] != '\0')
            g_string_append_printf (out, " · %s", jx_tier_label (filter->tier));
        }
      else if (dimension_id (filter, d) > 0)
        {
          g_autofree char *name = name_of (store, d, dimension_id (filter, d));
          g_string_append_printf (out, " · %s", name);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * jx_deal_filter_region_ids:
 *
 * The filter's region and all regions below it, or %NULL with no error when the filter
 * has no region.
 *
 * Returns: (transfer full) (nullable): a #GArray of gint64
 */
GArray *
jx_deal_filter_region_ids (const JxDealFilter  *filter,
                           JxStore             *store,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  if (filter->region_id <= 0)
    return NULL;
  stmt = jx_store_prepare (store,
                           "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION "
                           "  SELECT r.id FROM regions r JOIN tree t ON r.parent_id = t.id) "
                           "SELECT id FROM tree", error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, filter->region_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      jx_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
