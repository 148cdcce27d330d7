/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-clock.h"
#include "jx-date.h"
#include "jx-deal.h"
#include "jx-deal-filter.h"
#include "jx-deal-list.h"
#include "jx-deals.h"
#include "jx-demo.h"
#include "jx-funnel.h"
#include "jx-i18n.h"
#include "jx-info.h"
#include "jx-money.h"
#include "jx-overview.h"
#include "jx-stage.h"
#include "jx-stages.h"
#include "jx-store.h"
