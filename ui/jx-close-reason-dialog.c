/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-close-reason-dialog.h"

/*
 * Asks why a deal was won or lost before it is marked so: a reason typed in, or one of the
 * common ones with a click. Its "win" or "lose" response confirms; a lost deal needs a
 * reason, a won one may go without. The caller does the marking.
 */

struct _JxCloseReasonDialog {
  AdwMessageDialog  parent_instance;

  GtkWidget        *entry;
  GtkWidget        *reasons;
  gboolean          won;
};

G_DEFINE_FINAL_TYPE (JxCloseReasonDialog, jx_close_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The same words as the demo data's reasons, so that they read the same in reports. */
static const char *const lost_reasons[] = {
  N_("Price too high"), N_("Chose a competitor"), N_("No budget"), N_("No decision"),
  N_("Timing"),
};

static const char *const won_reasons[] = {
  N_("Best fit for the need"), N_("Price"), N_("Relationship"), N_("Service and support"),
  N_("Fast delivery"),
};

static const char *
response_id (JxCloseReasonDialog *self)
{
  return self->won ? "win" : "lose";
}

static void
on_entry_changed_cb (JxCloseReasonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *reason = g_strstrip (g_strdup (text));

  if (!self->won)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "lose",
                                             reason[0] != '\0');
}

static void
on_reason_clicked_cb (GtkButton           *button,
                      JxCloseReasonDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), gtk_button_get_label (button));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  gtk_widget_grab_focus (self->entry);
}

static void
jx_close_reason_dialog_class_init (JxCloseReasonDialogClass *klass)
{
}

static void
jx_close_reason_dialog_init (JxCloseReasonDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->entry);

  self->reasons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->reasons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->reasons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->reasons), 6);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->reasons), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->reasons), 3);
  gtk_widget_add_css_class (self->reasons, "lost-reasons");
  gtk_box_append (GTK_BOX (box), self->reasons);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
}

/**
 * jx_close_reason_dialog_new:
 * @deal_title: the deal's title, for the heading
 * @stage_name: the stage the deal is in
 * @won: whether the deal is being marked won (else lost)
 *
 * Returns: (transfer floating): the dialog; connect to its "response" ("win" or "lose"
 *   confirms, "cancel" does not) and present it
 */
GtkWidget *
jx_close_reason_dialog_new (GtkWindow  *parent,
                            const char *deal_title,
                            const char *stage_name,
                            gboolean    won)
{
  JxCloseReasonDialog *self = g_object_new (JX_TYPE_CLOSE_REASON_DIALOG,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);
  const char *const *reasons = won ? won_reasons : lost_reasons;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  self->won = won;
  if (won)
    {
      /* Translators: %s is a deal's title. */
      heading = g_strdup_printf (_("Mark “%s” Won?"), deal_title);
      body = g_strdup (_("Say what won it, so the team can do it again. The reason may be left "
                         "empty."));
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Why was it won?"));
    }
  else
    {
      /* Translators: %s is a deal's title. */
      heading = g_strdup_printf (_("Mark “%s” Lost?"), deal_title);
      /* Translators: %s is a stage of the sales process. */
      body = g_strdup_printf (_("It is recorded as lost at the %s stage. Say why, so the team "
                                "can learn from it."), stage_name);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Why was it lost?"));
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < G_N_ELEMENTS (lost_reasons); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(reasons[i]));

      gtk_widget_add_css_class (button, "lost-reason");
      g_signal_connect (button, "clicked", G_CALLBACK (on_reason_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->reasons), button);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    response_id (self), won ? _("_Mark Won") : _("_Mark Lost"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), response_id (self),
                                              won ? ADW_RESPONSE_SUGGESTED
                                                  : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), response_id (self));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), response_id (self), won);
  return GTK_WIDGET (self);
}

gboolean
jx_close_reason_dialog_is_won (JxCloseReasonDialog *self)
{
  g_return_val_if_fail (JX_IS_CLOSE_REASON_DIALOG (self), FALSE);

  return self->won;
}

/* The reason as typed; the caller trims it. Owned by the dialog. */
const char *
jx_close_reason_dialog_get_reason (JxCloseReasonDialog *self)
{
  g_return_val_if_fail (JX_IS_CLOSE_REASON_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

GtkEditable *
jx_close_reason_dialog_get_entry (JxCloseReasonDialog *self)
{
  g_return_val_if_fail (JX_IS_CLOSE_REASON_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}
