/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_APPLICATION (jx_application_get_type ())
G_DECLARE_FINAL_TYPE (JxApplication, jx_application, JX, APPLICATION, AdwApplication)

JxApplication *jx_application_new         (void);
JxContext     *jx_application_get_context (JxApplication *self);
char          *jx_application_demo_path   (void);

G_END_DECLS
