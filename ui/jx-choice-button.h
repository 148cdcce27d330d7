/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JX_TYPE_CHOICE_BUTTON (jx_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (JxChoiceButton, jx_choice_button, JX, CHOICE_BUTTON, GtkWidget)

GtkWidget     *jx_choice_button_new           (void);
void           jx_choice_button_set_model     (JxChoiceButton *self,
                                               GtkStringList  *choices);
GtkStringList *jx_choice_button_get_model     (JxChoiceButton *self);
void           jx_choice_button_set_selected  (JxChoiceButton *self,
                                               guint           position);
guint          jx_choice_button_get_selected  (JxChoiceButton *self);
void           jx_choice_button_popup         (JxChoiceButton *self);
void           jx_choice_button_popdown       (JxChoiceButton *self);
GtkListView   *jx_choice_button_get_list      (JxChoiceButton *self);
GtkEditable   *jx_choice_button_get_search    (JxChoiceButton *self);

G_END_DECLS
