/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_PREFERENCES_WINDOW (jx_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (JxPreferencesWindow, jx_preferences_window, JX, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *jx_preferences_window_new (GtkWindow *parent,
                                      JxContext *context);

void       jx_preferences_window_save_thresholds (JxPreferencesWindow *self);

G_END_DECLS
