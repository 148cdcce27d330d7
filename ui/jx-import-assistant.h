/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jx-core.h"

G_BEGIN_DECLS

#define JX_TYPE_IMPORT_ASSISTANT (jx_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (JxImportAssistant, jx_import_assistant, JX, IMPORT_ASSISTANT, AdwWindow)

JxImportAssistant *jx_import_assistant_new             (GtkWindow         *parent,
                                                        JxContext         *context);
void               jx_import_assistant_set_file        (JxImportAssistant *self,
                                                        GFile             *file);
void               jx_import_assistant_set_kind        (JxImportAssistant *self,
                                                        JxImportKind       kind);
JxImportKind       jx_import_assistant_get_kind        (JxImportAssistant *self);
const char        *jx_import_assistant_get_page        (JxImportAssistant *self);
const char        *jx_import_assistant_get_message     (JxImportAssistant *self);
JxImport          *jx_import_assistant_get_import      (JxImportAssistant *self);
gboolean           jx_import_assistant_is_running      (JxImportAssistant *self);

G_END_DECLS
