/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-json.h"
#include "jx-money.h"

/*
 * One member of a JSON object in one call: the name and its value. The CLI's --json output
 * and the summaries core renders as JSON are mostly lists of such members.
 */

/* Adds the member @member with the integer @value to the object being built. */
void
jx_json_add_int (JsonBuilder *builder,
                 const char  *member,
                 gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* Adds the member @member with the number @value. */
void
jx_json_add_double (JsonBuilder *builder,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

/* Adds the member @member with true or false. */
void
jx_json_add_boolean (JsonBuilder *builder,
                     const char  *member,
                     gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* Adds the member @member with the string @value, or null when @value is %NULL. */
void
jx_json_add_string (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds the member @member with null. */
void
jx_json_add_null (JsonBuilder *builder,
                  const char  *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_null_value (builder);
}

/* Adds the member @member with @amount (minor units of @currency) in major units, the way
 * JSON output gives money. */
void
jx_json_add_money (JsonBuilder *builder,
                   const char  *member,
                   gint64       amount,
                   const char  *currency)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, jx_money_to_major (amount, currency));
}
