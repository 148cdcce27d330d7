/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-view.h"

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_OVERVIEW_VIEW (jx_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (JxOverviewView, jx_overview_view, JX, OVERVIEW_VIEW, JxView)

const JxOverview *jx_overview_view_get_figures (JxOverviewView *self);
const char       *jx_overview_view_get_card_value (JxOverviewView *self,
                                                   const char     *card);

G_END_DECLS
