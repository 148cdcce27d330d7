/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-store.h"

G_BEGIN_DECLS

typedef struct {
  /* Volume multiplier: 1 gives ~3,300 deals, 300 about a million. */
  int      scale;
  /* The generated history ends on this day. */
  GDate    today;
  guint64  seed;
  /* Company and people names from Chinese pools instead of English ones. */
  gboolean chinese_names;
} JxDemoOptions;

/* Called now and then with the fraction done (0..1); return FALSE to cancel. */
typedef gboolean (*JxDemoProgressFunc) (double   fraction,
                                        gpointer user_data);

#define JX_DEMO_SEED 20240601u
#define JX_DEMO_CUSTOMERS_PER_SCALE 400
#define JX_DEMO_DEALS_PER_SCALE 3300
#define JX_DEMO_MEMBERS_PER_SCALE 16

void     jx_demo_options_init (JxDemoOptions      *options,
                               const GDate        *today);
gboolean jx_demo_generate     (JxStore            *store,
                               const JxDemoOptions *options,
                               JxDemoProgressFunc  progress,
                               gpointer            user_data,
                               GError            **error);
gboolean jx_demo_prefers_chinese (void);

G_END_DECLS
