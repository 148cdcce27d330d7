/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jx-import-parse.h"
#include "jx-money.h"
#include "jx-target-amount.h"
#include "jx-target-node.h"

/*
 * Target amounts as the manager types them: money in major units ("1,200,000.50",
 * "¥1200", "120万") for revenue targets, whole numbers for deal and customer counts.
 */

/* The text an amount field starts with: the figure without the currency sign. */
char *
jx_target_amount_to_text (JxTargetMetric  metric,
                          gint64          amount,
                          const char     *currency)
{
  g_autofree char *text = NULL;
  const char *symbol;
  gint64 scale = jx_currency_scale (currency);

  if (!jx_target_metric_is_money (metric))
    return jx_number_format (amount);
  /* Whole amounts without the ".00", the way they are typed. */
  if (amount % scale == 0)
    return jx_number_format (amount / scale);
  text = jx_money_format (amount, currency);
  symbol = jx_currency_symbol (currency);
  if (g_str_has_prefix (text, symbol))
    return g_strdup (text + strlen (symbol));
  return g_steal_pointer (&text);
}

/* Money as the deal editor and the regions read it (jx_money_parse(): "1,200,000",
 * "¥120万", "1.2亿"), with the target's own words for what is wrong. */
static gboolean
parse_money (const char  *text,
             const char  *currency,
             gint64      *amount,
             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) money_error = NULL;

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                           _("Enter the target, for example 1,200,000."));
      return FALSE;
    }
  if (jx_money_parse (trimmed, currency, amount, &money_error))
    return TRUE;
  if (g_error_matches (money_error, JX_MONEY_ERROR, JX_MONEY_ERROR_NEGATIVE))
    g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                         _("A target cannot be negative."));
  else if (g_error_matches (money_error, JX_MONEY_ERROR, JX_MONEY_ERROR_TOO_LARGE))
    g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                 _("“%s” is too large for a target."), trimmed);
  else if (g_error_matches (money_error, JX_MONEY_ERROR, JX_MONEY_ERROR_INVALID))
    g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                 _("“%s” is not an amount; type it like 1200000 or 1,200,000.50."), trimmed);
  else
    g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID, money_error->message);
  return FALSE;
}

/* Reads a typed amount into minor units (money) or a count. */
gboolean
jx_target_amount_parse (const char      *text,
                        JxTargetMetric   metric,
                        const char      *currency,
                        gint64          *amount,
                        GError         **error)
{
  JxAmountResult result;

  if (jx_target_metric_is_money (metric))
    return parse_money (text, currency, amount, error);
  result = jx_import_parse_count (text, amount);
  switch (result)
    {
    case JX_AMOUNT_OK:
      return TRUE;
    case JX_AMOUNT_BLANK:
      g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                           _("Enter the target, for example 1,200,000."));
      return FALSE;
    case JX_AMOUNT_NEGATIVE:
      g_set_error_literal (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                           _("A target cannot be negative."));
      return FALSE;
    case JX_AMOUNT_TOO_LARGE:
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("“%s” is too large for a target."), text);
      return FALSE;
    case JX_AMOUNT_INVALID:
    default:
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_INVALID,
                   _("“%s” is not a whole number."), text);
      return FALSE;
    }
}
