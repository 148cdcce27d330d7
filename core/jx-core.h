/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jx-clock.h"
#include "jx-csv-reader.h"
#include "jx-date.h"
#include "jx-demo.h"
#include "jx-export.h"
#include "jx-i18n.h"
#include "jx-import.h"
#include "jx-info.h"
#include "jx-money.h"
#include "jx-overview.h"
#include "jx-store.h"
