/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_WINDOW (jx_window_get_type ())
G_DECLARE_FINAL_TYPE (JxWindow, jx_window, JX, WINDOW, AdwApplicationWindow)

JxWindow   *jx_window_new               (GtkApplication *application,
                                         JxContext      *context);
JxContext  *jx_window_get_context       (JxWindow       *self);
gboolean    jx_window_open_database     (JxWindow       *self,
                                         const char     *path,
                                         gboolean        create);
void        jx_window_close_database    (JxWindow       *self);
void        jx_window_open_demo         (JxWindow       *self,
                                         const char     *path);
void        jx_window_choose_database   (JxWindow       *self,
                                         gboolean        create);
void        jx_window_show_view         (JxWindow       *self,
                                         const char     *name);
const char *jx_window_get_visible_view  (JxWindow       *self);
GtkWidget  *jx_window_get_view          (JxWindow       *self,
                                         const char     *name);
const char *jx_window_get_page          (JxWindow       *self);
void        jx_window_add_toast         (JxWindow       *self,
                                         AdwToast       *toast);
void        jx_window_add_undo_toast    (JxWindow       *self,
                                         const char     *message);
void        jx_window_show_error        (JxWindow       *self,
                                         const char     *heading,
                                         const GError   *error);

G_END_DECLS
