/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"

G_BEGIN_DECLS

/* The SQL that takes a database from to_version - 1 to to_version. */
const char *jx_schema_migration (int to_version);

G_END_DECLS
