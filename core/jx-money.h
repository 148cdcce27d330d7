/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int     jx_currency_digits         (const char *currency);
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
char   *jx_percent_format          (double      ratio,
                                    int         decimals);

G_END_DECLS
