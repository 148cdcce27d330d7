/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"

/*
 * Money is stored as gint64 minor units (fen, cents) with one currency per database.
 * These functions only turn amounts into text; they never round stored values.
 */

typedef struct {
  const char *code;
  const char *symbol;
  int         digits;
} Currency;

static const Currency currencies[] = {
  { "CNY", "¥", 2 },
  { "USD", "$", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "JPY", "¥", 0 },
  { "HKD", "HK$", 2 },
  { "TWD", "NT$", 2 },
  { "SGD", "S$", 2 },
  { "KRW", "₩", 0 },
  { "INR", "₹", 2 },
  { "AUD", "A$", 2 },
  { "CAD", "C$", 2 },
  { "CHF", "CHF ", 2 },
};

static const Currency *
lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_strcmp0 (code, currencies[i].code) == 0)
      return &currencies[i];
  return NULL;
}

/* Digits after the decimal point of the currency's minor unit (2 for CNY, 0 for JPY). */
int
jx_currency_digits (const char *currency)
{
  const Currency *c = lookup (currency);

  return c != NULL ? c->digits : 2;
}

/* Minor units in one major unit: 100 for CNY, 1 for JPY. */
gint64
jx_currency_scale (const char *currency)
{
  gint64 scale = 1;

  for (int i = jx_currency_digits (currency); i > 0; i--)
    scale *= 10;
  return scale;
}

/* The size of @value without its sign, also for G_MININT64. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
}

const char *
jx_currency_symbol (const char *currency)
{
  const Currency *c = lookup (currency);

  if (c != NULL)
    return c->symbol;
  return currency != NULL ? currency : "";
}

double
jx_money_to_major (gint64      minor,
                   const char *currency)
{
  return (double) minor / (double) jx_currency_scale (currency);
}

/* Appends the decimal digits of @value (>= 0) with a group separator every three digits. */
static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  /* Translators: the thousands separator in numbers. */
  const char *sep = C_("number", ",");

  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

/* "1,234,567" */
char *
jx_number_format (gint64 value)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append (out, "−");
  append_grouped (out, magnitude (value));
  return g_string_free (out, FALSE);
}

/* The full amount with its symbol: "¥1,234,567.89", "−$12.00". */
char *
jx_money_format (gint64      minor,
                 const char *currency)
{
  GString *out = g_string_new (NULL);
  int digits = jx_currency_digits (currency);
  guint64 abs_value = magnitude (minor);
  guint64 scale = jx_currency_scale (currency);

  if (minor < 0)
    g_string_append (out, "−");
  g_string_append (out, jx_currency_symbol (currency));
  append_grouped (out, abs_value / scale);
  if (digits > 0)
    /* Translators: the decimal separator in numbers. */
    g_string_append_printf (out, "%s%0*" G_GUINT64_FORMAT, C_("number", "."), digits,
                            abs_value % scale);
  return g_string_free (out, FALSE);
}

/**
 * jx_money_format_whole:
 *
 * The amount rounded to whole units of the currency (half away from zero), with its symbol
 * and without decimals: "¥1,234,568". For tables of large amounts where the fen would only
 * crowd the columns; say so near the table.
 */
char *
jx_money_format_whole (gint64      minor,
                       const char *currency)
{
  GString *out = g_string_new (NULL);
  guint64 abs_value = magnitude (minor);
  guint64 scale = jx_currency_scale (currency);

  abs_value = (abs_value + scale / 2) / scale;
  if (minor < 0 && abs_value > 0)
    g_string_append (out, "−");
  g_string_append (out, jx_currency_symbol (currency));
  append_grouped (out, abs_value);
  return g_string_free (out, FALSE);
}

/* A short amount for charts and cards: "¥1.2M" in English, "¥120万" in Chinese. */
char *
jx_money_format_compact (gint64      minor,
                         const char *currency)
{
  double major = jx_money_to_major (minor, currency);
  double abs_major = fabs (major);
  const char *sign = major < 0 ? "−" : "";
  const char *symbol = jx_currency_symbol (currency);
  /* Translators: set to "1" for languages that count large numbers in 万 (10^4) and 亿
   * (10^8), as Chinese does; leave "0" for thousands, millions and billions. */
  gboolean myriads = g_strcmp0 (C_("number", "0"), "1") == 0;

  if (myriads)
    {
      if (abs_major >= 1e8)
        /* Translators: an amount in 亿 (10^8), for languages that count in myriads. */
        return g_strdup_printf (_("%s%s%.2f hundred million"), sign, symbol, abs_major / 1e8);
      if (abs_major >= 1e4)
        /* Translators: an amount in 万 (10^4), for languages that count in myriads. */
        return g_strdup_printf (_("%s%s%.1f ten thousand"), sign, symbol, abs_major / 1e4);
    }
  else
    {
      if (abs_major >= 1e9)
        /* Translators: an amount in billions, shortened. */
        return g_strdup_printf (_("%s%s%.2fB"), sign, symbol, abs_major / 1e9);
      if (abs_major >= 1e6)
        /* Translators: an amount in millions, shortened. */
        return g_strdup_printf (_("%s%s%.2fM"), sign, symbol, abs_major / 1e6);
      if (abs_major >= 1e4)
        /* Translators: an amount in thousands, shortened. */
        return g_strdup_printf (_("%s%s%.1fK"), sign, symbol, abs_major / 1e3);
    }
  {
    g_autoptr(GString) out = g_string_new (sign);

    g_string_append (out, symbol);
    append_grouped (out, (guint64) llround (abs_major));
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

/* "42.5%" for 0.425. */
char *
jx_percent_format (double ratio,
                   int    decimals)
{
  if (!isfinite (ratio))
    return g_strdup ("—");
  /* Translators: a percentage; %.*f is the number. */
  return g_strdup_printf (_("%.*f%%"), decimals, ratio * 100.0);
}

G_DEFINE_QUARK (jx-money-error-quark, jx_money_error)

/* Skips @prefix at *@p (and the spaces after it) when it is there. */
static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  gsize len = strlen (prefix);

  if (len == 0 || strncmp (*p, prefix, len) != 0)
    return FALSE;
  *p += len;
  while (g_unichar_isspace (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
  return TRUE;
}

/**
 * jx_money_parse:
 * @text: what the user typed: "12,500", "¥12,500.50", "3.5万", "1.2k"
 * @currency: the database's currency; its minor unit sets the decimal places allowed
 * @minor: (out): the amount in minor units
 *
 * Reads an amount typed in major units. Group separators, spaces, the currency's symbol
 * or code, full-width digits (as Chinese input methods type them) and the suffixes 万
 * (10⁴), 亿 (10⁸), k and m are accepted; values are never rounded, so more decimal places
 * than the currency has is an error.
 *
 * Returns: whether @text is an amount; otherwise @error says what is wrong with it
 */
gboolean
jx_money_parse (const char  *text,
                const char  *currency,
                gint64      *minor,
                GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  /* Translators: the thousands separator in numbers. */
  const char *group = C_("number", ",");
  /* Translators: the decimal separator in numbers. */
  const char *point = C_("number", ".");
  const char *p;
  int places = jx_currency_digits (currency);
  int fraction = -1;            /* digits after the point, -1 before it */
  int exponent = 0;             /* from a suffix */
  guint64 value = 0;
  int shift;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;
  if (*p == '-' || g_str_has_prefix (p, "−"))
    {
      g_set_error (error, JX_MONEY_ERROR, JX_MONEY_ERROR_NEGATIVE,
                   _("The amount cannot be negative."));
      return FALSE;
    }
  if (!skip_prefix (&p, jx_currency_symbol (currency)) && currency != NULL)
    skip_prefix (&p, currency);
  skip_prefix (&p, "￥");

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = g_unichar_digit_value (c);

      if (d >= 0 && exponent == 0)
        {
          g_string_append_c (digits, '0' + d);
          if (fraction >= 0)
            fraction++;
        }
      else if ((c == '.' || c == 0xFF0E || g_str_has_prefix (p, point)) && fraction < 0 &&
               exponent == 0)
        fraction = 0;
      else if ((c == ',' || c == 0xFF0C || c == '\'' || g_unichar_isspace (c) ||
                g_str_has_prefix (p, group)) && fraction < 0 && exponent == 0 && digits->len > 0)
        ;
      else if (exponent == 0 && digits->len > 0 && (c == 0x4E07 || c == 0x842C))   /* 万 萬 */
        exponent = 4;
      else if (exponent == 0 && digits->len > 0 && (c == 0x4EBF || c == 0x5104))   /* 亿 億 */
        exponent = 8;
      else if (exponent == 0 && digits->len > 0 && (c == 'k' || c == 'K'))
        exponent = 3;
      else if (exponent == 0 && digits->len > 0 && (c == 'm' || c == 'M'))
        exponent = 6;
      else if (exponent > 0 && g_unichar_isspace (c))
        ;
      else
        {
          g_set_error (error, JX_MONEY_ERROR, JX_MONEY_ERROR_INVALID,
                       _("“%s” is not an amount. Type a number such as 12,500.00."), trimmed);
          return FALSE;
        }
    }
  if (digits->len == 0)
    {
      g_set_error (error, JX_MONEY_ERROR, JX_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount. Type a number such as 12,500.00."), trimmed);
      return FALSE;
    }

  /* The digits read are the amount × 10^fraction; minor units are the amount × 10^places. */
  shift = places + exponent - MAX (fraction, 0);
  while (shift < 0 && digits->len > 0 && digits->str[digits->len - 1] == '0')
    {
      g_string_truncate (digits, digits->len - 1);
      shift++;
    }
  if (shift < 0)
    {
      g_set_error (error, JX_MONEY_ERROR, JX_MONEY_ERROR_TOO_PRECISE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Amounts in %s have at most %d decimal place; “%s” has more.",
                                "Amounts in %s have at most %d decimal places; “%s” has more.",
                                places),
                   currency != NULL ? currency : "", places, trimmed);
      return FALSE;
    }
  for (gsize i = 0; i < digits->len; i++)
    {
      int d = digits->str[i] - '0';

      if (value > (guint64) (G_MAXINT64 - d) / 10)
        goto too_large;
      value = value * 10 + d;
    }
  for (; shift > 0; shift--)
    {
      if (value > G_MAXINT64 / 10)
        goto too_large;
      value *= 10;
    }
  *minor = (gint64) value;
  return TRUE;

too_large:
  g_set_error (error, JX_MONEY_ERROR, JX_MONEY_ERROR_TOO_LARGE,
               _("“%s” is too large for an amount."), trimmed);
  return FALSE;
}
