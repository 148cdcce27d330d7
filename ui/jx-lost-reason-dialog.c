/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-lost-reason-dialog.h"

/*
 * Asks why a deal was lost before it is marked lost: a reason typed in, or one of the
 * common ones with a click. Its "lose" response is enabled once there is a reason; the
 * caller does the marking.
 */

struct _JxLostReasonDialog {
  AdwMessageDialog  parent_instance;

  GtkWidget        *entry;
};

G_DEFINE_FINAL_TYPE (JxLostReasonDialog, jx_lost_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The same words as the demo data's reasons, so that they read the same in reports. */
static const char *const common_reasons[] = {
  N_("Price too high"), N_("Chose a competitor"), N_("No budget"), N_("No decision"),
  N_("Timing"),
};

static void
on_entry_changed_cb (JxLostReasonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *reason = g_strstrip (g_strdup (text));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "lose", reason[0] != '\0');
}

static void
on_reason_clicked_cb (GtkButton          *button,
                      JxLostReasonDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), gtk_button_get_label (button));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  gtk_widget_grab_focus (self->entry);
}

static void
jx_lost_reason_dialog_class_init (JxLostReasonDialogClass *klass)
{
}

static void
jx_lost_reason_dialog_init (JxLostReasonDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *reasons = gtk_flow_box_new ();

  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Why was it lost?"));
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->entry);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (reasons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (reasons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (reasons), 6);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (reasons), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (reasons), 3);
  gtk_widget_add_css_class (reasons, "lost-reasons");
  for (guint i = 0; i < G_N_ELEMENTS (common_reasons); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(common_reasons[i]));

      gtk_widget_add_css_class (button, "lost-reason");
      g_signal_connect (button, "clicked", G_CALLBACK (on_reason_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (reasons), button);
    }
  gtk_box_append (GTK_BOX (box), reasons);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "lose", _("_Mark Lost"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "lose",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "lose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "lose", FALSE);
}

/**
 * jx_lost_reason_dialog_new:
 * @deal_title: the deal's title, for the heading
 * @stage_name: the stage the deal is lost at
 *
 * Returns: (transfer floating): the dialog; connect to its "response" and present it
 */
GtkWidget *
jx_lost_reason_dialog_new (GtkWindow  *parent,
                           const char *deal_title,
                           const char *stage_name)
{
  JxLostReasonDialog *self = g_object_new (JX_TYPE_LOST_REASON_DIALOG,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           NULL);
  /* Translators: %s is a deal's title. */
  g_autofree char *heading = g_strdup_printf (_("Mark “%s” Lost?"), deal_title);
  /* Translators: %s is a stage of the sales process. */
  g_autofree char *body = g_strdup_printf (_("It is recorded as lost at the %s stage. Say why, "
                                             "so the team can learn from it."), stage_name);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return GTK_WIDGET (self);
}

/* The reason as typed; the caller trims it. Owned by the dialog. */
const char *
jx_lost_reason_dialog_get_reason (JxLostReasonDialog *self)
{
  g_return_val_if_fail (JX_IS_LOST_REASON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

GtkEditable *
jx_lost_reason_dialog_get_entry (JxLostReasonDialog *self)
{
  g_return_val_if_fail (JX_IS_LOST_REASON_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}
