/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JX_MONEY_ERROR (jx_money_error_quark ())

typedef enum {
  JX_MONEY_ERROR_INVALID,
  JX_MONEY_ERROR_NEGATIVE,
  JX_MONEY_ERROR_TOO_PRECISE,
  JX_MONEY_ERROR_TOO_LARGE,
} JxMoneyError;

GQuark  jx_money_error_quark       (void);

int     jx_currency_digits         (const char *currency);
gint64  jx_currency_scale          (const char *currency);
const char *jx_currency_symbol     (const char *currency);
double  jx_money_to_major          (gint64      minor,
                                    const char *currency);
char   *jx_money_format            (gint64      minor,
                                    const char *currency);
char   *jx_money_format_whole      (gint64      minor,
                                    const char *currency);
char   *jx_money_format_compact    (gint64      minor,
                                    const char *currency);
char   *jx_number_format           (gint64      value);
gboolean jx_money_parse           (const char *text,
                                    const char *currency,
                                    gint64     *minor,
                                    GError    **error);
char   *jx_percent_format          (double      ratio,
                                    int         decimals);

G_END_DECLS
