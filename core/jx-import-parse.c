/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jx-import-parse.h"

/*
 * Readers for the values of imported cells: dates in the forms spreadsheets and CRMs write,
 * amounts with currency symbols and thousands separators, counts and yes/no flags. They take
 * any bytes (the fuzz target feeds them garbage) and never allocate for the common case.
 */

#define MIN_YEAR 1900
#define MAX_YEAR 2199

gboolean
jx_date_order_from_string (const char  *text,
                           JxDateOrder *order)
{
  static const struct {
    const char  *name;
    JxDateOrder  order;
  } names[] = {
    { "YYYY-MM-DD", JX_DATE_ORDER_YMD }, { "YMD", JX_DATE_ORDER_YMD },
    { "YYYY/MM/DD", JX_DATE_ORDER_YMD }, { "ISO", JX_DATE_ORDER_YMD },
    { "M/D/YYYY", JX_DATE_ORDER_MDY }, { "MM/DD/YYYY", JX_DATE_ORDER_MDY },
    { "MDY", JX_DATE_ORDER_MDY }, { "M-D-YYYY", JX_DATE_ORDER_MDY },
    { "D/M/YYYY", JX_DATE_ORDER_DMY }, { "DD/MM/YYYY", JX_DATE_ORDER_DMY },
    { "DMY", JX_DATE_ORDER_DMY }, { "D.M.YYYY", JX_DATE_ORDER_DMY },
    { "DD.MM.YYYY", JX_DATE_ORDER_DMY }, { "D-M-YYYY", JX_DATE_ORDER_DMY },
  };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *order = names[i].order;
        return TRUE;
      }
  return FALSE;
}

/* The form named in "expected …" messages. */
const char *
jx_date_order_to_string (JxDateOrder order)
{
  switch (order)
    {
    case JX_DATE_ORDER_MDY:
      return "M/D/YYYY";
    case JX_DATE_ORDER_DMY:
      return "D/M/YYYY";
    case JX_DATE_ORDER_YMD:
    default:
      return "YYYY-MM-DD";
    }
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Reads 1 to @max_digits digits. */
static gboolean
read_number (const char **p,
             int          max_digits,
             int         *value,
             int         *n_digits)
{
  int v = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  *n_digits = n;
  return TRUE;
}

/* A time of day after a date ("2017-03-01 14:30:00", "2017-03-01T14:30Z", "3/1/2017 2:30 PM")
 * is ignored: deals move between stages on days. */
static gboolean
is_time_suffix (const char *p)
{
  gboolean colon = FALSE;

  p = skip_spaces (p);
  if (*p == '\0')
    return TRUE;
  if (*p == 'T')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (*p != '\0')
    {
      if (g_ascii_strncasecmp (p, "AM", 2) == 0 || g_ascii_strncasecmp (p, "PM", 2) == 0)
        {
          p += 2;
          continue;
        }
      if (*p == ':')
        colon = TRUE;
      else if (!g_ascii_isdigit (*p) && strchr (" .+-Z", *p) == NULL)
        return FALSE;
      p++;
    }
  return colon;
}

static gboolean
set_iso (int  year,
         int  month,
         int  day,
         char iso[11])
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  /* By hand: a million rows with three dates each make printf's cost show. */
  iso[0] = '0' + year / 1000;
  iso[1] = '0' + year / 100 % 10;
  iso[2] = '0' + year / 10 % 10;
  iso[3] = '0' + year % 10;
  iso[4] = '-';
  iso[5] = '0' + month / 10;
  iso[6] = '0' + month % 10;
  iso[7] = '-';
  iso[8] = '0' + day / 10;
  iso[9] = '0' + day % 10;
  iso[10] = '\0';
  return TRUE;
}

/**
 * jx_import_parse_date:
 * @text: a cell
 * @order: how to read dates whose year comes last
 * @iso: where the date goes as "YYYY-MM-DD"
 *
 * Reads YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD and YYYY年M月D日 in every order, and
 * M/D/YYYY or D/M/YYYY (with `/`, `-` or `.`) when @order says which. A time after the
 * date is ignored. Years outside 1900–2199 are refused as typing mistakes.
 *
 * Returns: whether @text is a date; an empty cell is not
 */
gboolean
jx_import_parse_date (const char *text,
                      JxDateOrder order,
                      char        iso[11])
{
  const char *p;
  int a, b, c, na, nb, nc;
  char sep;

  if (text == NULL)
    return FALSE;
  p = skip_spaces (text);
  if (!read_number (&p, 8, &a, &na))
    return FALSE;

  if (na == 8)
    {
      /* 20170301 */
      if (!is_time_suffix (p))
        return FALSE;
      return set_iso (a / 10000, a / 100 % 100, a % 100, iso);
    }

  if (na == 4)
    {
      if (g_str_has_prefix (p, "年"))
        {
          p += strlen ("年");
          if (!read_number (&p, 2, &b, &nb) || !g_str_has_prefix (p, "月"))
            return FALSE;
          p += strlen ("月");
          if (!read_number (&p, 2, &c, &nc))
            return FALSE;
          if (g_str_has_prefix (p, "日"))
            p += strlen ("日");
          else if (g_str_has_prefix (p, "号"))
            p += strlen ("号");
          if (!is_time_suffix (p))
            return FALSE;
          return set_iso (a, b, c, iso);
        }
      sep = *p;
      if (sep != '-' && sep != '/' && sep != '.')
        return FALSE;
      p++;
      if (!read_number (&p, 2, &b, &nb) || *p != sep)
        return FALSE;
      p++;
      if (!read_number (&p, 2, &c, &nc) || !is_time_suffix (p))
        return FALSE;
      return set_iso (a, b, c, iso);
    }

  if (na > 2 || order == JX_DATE_ORDER_YMD)
    return FALSE;
  sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &b, &nb) || *p != sep)
    return FALSE;
  p++;
  if (!read_number (&p, 4, &c, &nc) || nc != 4 || !is_time_suffix (p))
    return FALSE;
  if (order == JX_DATE_ORDER_MDY)
    return set_iso (c, a, b, iso);
  return set_iso (c, b, a, iso);
}

/* Currency marks that may stand before or after an amount. Longest first, so "US$" wins over
 * "$". */
static const char *const currency_marks[] = {
  "US$", "HK$", "NT$", "RMB", "CNY", "USD", "EUR", "GBP", "JPY", "HKD",
  "¥", "￥", "$", "€", "£", "元",
};

static const char *
skip_currency (const char *p)
{
  /* No mark starts with a digit: the common case needs no comparison. */
  if (g_ascii_isdigit (*p))
    return p;
  for (guint i = 0; i < G_N_ELEMENTS (currency_marks); i++)
    {
      gsize n = strlen (currency_marks[i]);

      if (g_ascii_strncasecmp (p, currency_marks[i], n) == 0)
        return p + n;
    }
  return p;
}

/* Group separators that can never be a decimal point: spaces, no-break spaces, apostrophes. */
static gsize
group_mark_length (const char *p)
{
  if (*p == ' ' || *p == '\'')
    return 1;
  if (g_str_has_prefix (p, "\xC2\xA0") )                    /* U+00A0 */
    return 2;
  if (g_str_has_prefix (p, "\xE2\x80\xAF") || g_str_has_prefix (p, "\xE2\x80\x99"))
    return 3;                                               /* U+202F, U+2019 */
  return 0;
}

/* Reads the number in [start, end): digits, group marks and at most one decimal mark.
 * Fills the integer part and up to 18 fraction digits. */
static JxAmountResult
read_decimal (const char *start,
              const char *end,
              guint64    *int_part,
              char        frac[19],
              gboolean    allow_fraction)
{
  char digits[64];
  guint n_digits = 0;
  gboolean saw_digit = FALSE;
  int n_dots = 0, n_commas = 0;
  const char *last_dot = NULL, *last_comma = NULL;
  char decimal = 0;
  gsize n_frac = 0;
  gboolean in_frac = FALSE;
  guint64 value = 0;

  /* First pass: which mark is the decimal point. */
  for (const char *p = start; p < end; p++)
    {
      if (*p == '.')
        {
          n_dots++;
          last_dot = p;
        }
      else if (*p == ',')
        {
          n_commas++;
          last_comma = p;
        }
    }
  if (n_dots > 0 && n_commas > 0)
    decimal = last_dot > last_comma ? '.' : ',';
  else if (n_dots == 1)
    decimal = '.';
  else if (n_commas == 1)
    {
      /* "1,234" groups thousands; "1,5" and "12,34" use a decimal comma. */
      gsize after = 0;

      for (const char *p = last_comma + 1; p < end && g_ascii_isdigit (*p); p++)
        after++;
      decimal = after == 3 ? 0 : ',';
    }
  if ((decimal == '.' && n_dots > 1) || (decimal == ',' && n_commas > 1))
    return JX_AMOUNT_INVALID;

  memset (frac, 0, 19);
  for (const char *p = start; p < end;)
    {
      gsize group;

      if (g_ascii_isdigit (*p))
        {
          saw_digit = TRUE;
          if (in_frac)
            {
              if (n_frac < 18)
                frac[n_frac++] = *p;
            }
          else if (n_digits > 0 || *p != '0')       /* leading zeros add nothing */
            {
              if (n_digits >= 19)
                return JX_AMOUNT_TOO_LARGE;
              digits[n_digits++] = *p;
            }
          p++;
          continue;
        }
      if (decimal != 0 && *p == decimal)
        {
          in_frac = TRUE;
          p++;
          continue;
        }
      group = (*p == '.' || *p == ',') ? 1 : group_mark_length (p);
      if (group == 0 || in_frac)
        return JX_AMOUNT_INVALID;
      /* A group mark sits between digits, and a '.' or ',' that groups is followed by
       * exactly three ("1,234", not "1,2,3"). */
      if (p == start || p + group >= end || !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[group]))
        return JX_AMOUNT_INVALID;
      if (group == 1 && (*p == '.' || *p == ','))
        {
          gsize n3 = 0;

          while (p + 1 + n3 < end && g_ascii_isdigit (p[1 + n3]))
            n3++;
          if (n3 != 3)
            return JX_AMOUNT_INVALID;
        }
      p += group;
    }
  if (!saw_digit)
    return JX_AMOUNT_INVALID;
  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint64) (digits[i] - '0');
  *int_part = value;
  if (!allow_fraction)
    for (gsize i = 0; i < n_frac; i++)
      if (frac[i] != '0')
        return JX_AMOUNT_INVALID;
  return JX_AMOUNT_OK;
}

/* Splits off the sign, the currency marks and the spaces around a number. */
static JxAmountResult
strip_amount (const char  *text,
              const char **start,
              const char **end,
              gboolean    *negative)
{
  const char *p, *e;
  gboolean parens = FALSE;

  *negative = FALSE;
  p = skip_spaces (text);
  e = p + strlen (p);
  while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  if (p == e)
    return JX_AMOUNT_BLANK;

  if (*p == '(' && e[-1] == ')')
    {
      parens = TRUE;
      p++;
      e--;
    }
  for (int round = 0; round < 2; round++)
    {
      p = skip_spaces (skip_currency (p));
      if (*p == '-' || *p == '+')
        {
          *negative = *negative || *p == '-';
          p++;
        }
      else if (g_str_has_prefix (p, "−"))
        {
          *negative = TRUE;
          p += strlen ("−");
        }
    }
  /* Trailing marks: "100 USD", "100元", "100-". None ends with a digit. */
  for (int round = 0; round < 2 && e > p && !g_ascii_isdigit (e[-1]); round++)
    {
      while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
      for (guint i = 0; i < G_N_ELEMENTS (currency_marks); i++)
        {
          gsize n = strlen (currency_marks[i]);

          /* p may have gone past e ("- "): no negative length. */
          if (e > p && (gsize) (e - p) >= n &&
              g_ascii_strncasecmp (e - n, currency_marks[i], n) == 0)
            {
              e -= n;
              break;
            }
        }
      if (e > p && e[-1] == '-')
        {
          *negative = TRUE;
          e--;
        }
    }
  while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  if (parens)
    *negative = TRUE;
  if (p >= e)
    return JX_AMOUNT_INVALID;
  *start = p;
  *end = e;
  return JX_AMOUNT_OK;
}

/**
 * jx_import_parse_amount:
 * @text: a cell
 * @digits: digits of the database currency's minor unit (2 for CNY, 0 for JPY)
 * @minor: (out): the amount in minor units
 *
 * Reads "1,234.56", "¥1,234.56", "$ 1 234,56", "1.234,56 €", "(120)" and the like. A mark
 * that is followed by exactly three digits and is the only one groups thousands ("1,234");
 * otherwise the last of `.` and `,` is the decimal point. Extra decimals are rounded half up.
 *
 * Returns: %JX_AMOUNT_OK with @minor set, %JX_AMOUNT_BLANK for an empty cell (no amount),
 *   or why the text is not an amount
 */
JxAmountResult
jx_import_parse_amount (const char *text,
                        int         digits,
                        gint64     *minor)
{
  const char *start, *end;
  gboolean negative;
  guint64 int_part = 0;
  char frac[19];
  JxAmountResult result;
  guint64 scale = 1;
  guint64 value, frac_value = 0;

  g_return_val_if_fail (digits >= 0 && digits <= 6, JX_AMOUNT_INVALID);

  if (text == NULL)
    return JX_AMOUNT_BLANK;
  result = strip_amount (text, &start, &end, &negative);
  if (result != JX_AMOUNT_OK)
    return result;
  result = read_decimal (start, end, &int_part, frac, TRUE);
  if (result != JX_AMOUNT_OK)
    return result;

  for (int i = 0; i < digits; i++)
    {
      scale *= 10;
      frac_value = frac_value * 10 + (guint64) (frac[i] ? frac[i] - '0' : 0);
    }
  if (frac[digits] >= '5')
    frac_value++;
  if (int_part > (guint64) JX_IMPORT_MAX_AMOUNT / scale)
    return JX_AMOUNT_TOO_LARGE;
  value = int_part * scale + frac_value;
  if (value > (guint64) JX_IMPORT_MAX_AMOUNT)
    return JX_AMOUNT_TOO_LARGE;
  if (negative && value > 0)
    return JX_AMOUNT_NEGATIVE;
  *minor = (gint64) value;
  return JX_AMOUNT_OK;
}

/* A whole number such as a count of deals or hours: "12", "1,200", "12.0". */
JxAmountResult
jx_import_parse_count (const char *text,
                       gint64     *value)
{
  const char *start, *end;
  gboolean negative;
  guint64 int_part = 0;
  char frac[19];
  JxAmountResult result;

  if (text == NULL)
    return JX_AMOUNT_BLANK;
  /* No currency in a count. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (".,' \t+-", *p) == NULL)
      return JX_AMOUNT_INVALID;
  result = strip_amount (text, &start, &end, &negative);
  if (result != JX_AMOUNT_OK)
    return result;
  result = read_decimal (start, end, &int_part, frac, FALSE);
  if (result != JX_AMOUNT_OK)
    return result;
  if (int_part > (guint64) JX_IMPORT_MAX_AMOUNT)
    return JX_AMOUNT_TOO_LARGE;
  if (negative && int_part > 0)
    return JX_AMOUNT_NEGATIVE;
  *value = (gint64) int_part;
  return JX_AMOUNT_OK;
}

/* yes/no, true/false, 1/0, y/n, x (a ticked box), 是/否. */
gboolean
jx_import_parse_bool (const char *text,
                      gboolean   *value)
{
  static const char *const yes[] = { "yes", "y", "true", "1", "x", "是", "真", "✓" };
  static const char *const no[] = { "no", "n", "false", "0", "否", "假" };
  g_autofree char *t = NULL;

  if (text == NULL)
    return FALSE;
  t = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (t, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (t, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* Whether a spreadsheet would read @text as a formula: it starts with = + - or @, or it is
 * such a text already escaped (one or more apostrophes before the mark), which needs one
 * more apostrophe so that un-escaping gives it back exactly. */
gboolean
jx_import_cell_needs_escape (const char *text)
{
  const char *p = text;

  while (*p == '\'')
    p++;
  return *p != '\0' && strchr ("=+-@", *p) != NULL;
}

/* The text a CSV export writes for a cell: an apostrophe before a formula mark. */
char *
jx_import_escape_cell (const char *text)
{
  if (jx_import_cell_needs_escape (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/* The inverse of jx_import_escape_cell(). */
char *
jx_import_unescape_cell (const char *text)
{
  if (text[0] == '\'' && jx_import_cell_needs_escape (text + 1))
    return g_strdup (text + 1);
  return g_strdup (text);
}
