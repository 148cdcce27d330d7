/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"
#include "jx-pareto-view.h"

G_BEGIN_DECLS

#define JX_TYPE_TIER_SUGGESTIONS_PAGE (jx_tier_suggestions_page_get_type ())
G_DECLARE_FINAL_TYPE (JxTierSuggestionsPage, jx_tier_suggestions_page, JX, TIER_SUGGESTIONS_PAGE,
                      AdwBin)

void               jx_tier_suggestions_page_set_base          (JxTierSuggestionsPage *self,
                                                               JxCustomerBase        *base);
JxTierSuggestions *jx_tier_suggestions_page_get_suggestions   (JxTierSuggestionsPage *self);
void               jx_tier_suggestions_page_set_include_manual (JxTierSuggestionsPage *self,
                                                                gboolean               include);
void               jx_tier_suggestions_page_refresh           (JxTierSuggestionsPage *self);
JxParetoView      *jx_tier_suggestions_page_get_pareto_view   (JxTierSuggestionsPage *self);
GtkColumnView     *jx_tier_suggestions_page_get_column_view   (JxTierSuggestionsPage *self);
const char        *jx_tier_suggestions_page_get_summary       (JxTierSuggestionsPage *self);

G_END_DECLS
