/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *jx_hours_format         (double hours);
char *jx_hours_format_signed  (double hours);
char *jx_figure_format        (double value);

G_END_DECLS
