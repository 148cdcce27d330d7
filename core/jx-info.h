/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *table;
  gint64      rows;
} JxTableCount;

typedef struct {
  char         *path;
  int           schema_version;
  JxTableCount  counts[15];
  guint         n_counts;
  /* Earliest and latest deal dates (opened or closed), or NULL when there are no deals. */
  char         *first_deal_date;
  char         *last_deal_date;
} JxInfo;

JxInfo   *jx_info_collect  (JxStore  *store,
                            GError  **error);
JsonNode *jx_info_to_json  (const JxInfo *info);
void      jx_info_free     (JxInfo   *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JxInfo, jx_info_free)

G_END_DECLS
