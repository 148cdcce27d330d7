/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-member-dialog.h"
#include "jx-ui.h"

/*
 * The form for a new team member. Adding is one undoable step; when the store refuses (a
 * name already taken, say), the reason shows in the form and nothing is written.
 */

struct _JxMemberDialog {
  AdwWindow       parent_instance;

  GtkButton      *add_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  GtkSwitch      *manager_switch;
  AdwComboRow    *reports_row;
  AdwComboRow    *region_row;
  GtkSpinButton  *capacity_spin;
  GtkLabel       *error_label;

  JxStore        *store;
  JxNameList     *members;
  JxNameList     *regions;
};

G_DEFINE_FINAL_TYPE (JxMemberDialog, jx_member_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_MEMBER_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
choices (JxNameList *names,
         const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));

  gtk_string_list_append (list, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (names), i);

      gtk_string_list_append (list, jx_named_item_get_name (item));
    }
  return G_LIST_MODEL (list);
}

static gint64
chosen_id (JxNameList  *names,
           AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);
  g_autoptr(JxNamedItem) item = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return 0;
  item = g_list_model_get_item (G_LIST_MODEL (names), position - 1);
  return item != NULL ? jx_named_item_get_id (item) : 0;
}

static void
on_name_changed_cb (JxMemberDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.add", *name != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The text of the error the form shows, or %NULL; for tests. */
const char *
jx_member_dialog_get_error (JxMemberDialog *self)
{
  g_return_val_if_fail (JX_IS_MEMBER_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/* Fills the form (all fields of @edit), for tests and for "add another like this one". */
void
jx_member_dialog_set_edit (JxMemberDialog     *self,
                           const JxMemberEdit *edit)
{
  guint position;

  g_return_if_fail (JX_IS_MEMBER_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), edit->name != NULL ? edit->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), edit->role != NULL ? edit->role : "");
  gtk_switch_set_active (self->manager_switch, edit->is_manager);
  position = edit->manager_id > 0 ? jx_name_list_find_id (self->members, edit->manager_id)
                                  : G_MAXUINT;
  adw_combo_row_set_selected (self->reports_row, position == G_MAXUINT ? 0 : position + 1);
  position = edit->region_id > 0 ? jx_name_list_find_id (self->regions, edit->region_id)
                                 : G_MAXUINT;
  adw_combo_row_set_selected (self->region_row, position == G_MAXUINT ? 0 : position + 1);
  gtk_spin_button_set_value (self->capacity_spin, MAX (edit->capacity_hours, 0));
}

/* Adds the member the form describes; on success closes the dialog, on failure shows why
 * and stays open. */
gboolean
jx_member_dialog_add (JxMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  JxMemberEdit edit = { 0 };
  gint64 id;

  g_return_val_if_fail (JX_IS_MEMBER_DIALOG (self), FALSE);

  edit.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  edit.role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));
  edit.is_manager = gtk_switch_get_active (self->manager_switch);
  edit.manager_id = chosen_id (self->members, self->reports_row);
  edit.region_id = chosen_id (self->regions, self->region_row);
  edit.capacity_hours = gtk_spin_button_get_value_as_int (self->capacity_spin);
  edit.active = TRUE;

  id = jx_team_add_member (self->store, &edit, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  /* Translators: a toast; %s is a name. */
  message = g_strdup_printf (_("Added %s to the team"), g_strstrip (g_strdup (edit.name)));
  jx_ui_add_undo_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SIGNAL_MEMBER_ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_activated_cb (JxMemberDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "member.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  jx_member_dialog_add (JX_MEMBER_DIALOG (widget));
}

static void
jx_member_dialog_dispose (GObject *object)
{
  JxMemberDialog *self = JX_MEMBER_DIALOG (object);

  g_clear_object (&self->members);
  g_clear_object (&self->regions);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jx_member_dialog_parent_class)->dispose (object);
}

static void
jx_member_dialog_class_init (JxMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_member_dialog_dispose;

  /**
   * JxMemberDialog::member-added:
   * @member_id: the new member
   */
  signals[SIGNAL_MEMBER_ADDED] =
    g_signal_new ("member-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, manager_switch);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, reports_row);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, JxMemberDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activated_cb);

  gtk_widget_class_install_action (widget_class, "member.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jx_member_dialog_init (JxMemberDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.add", FALSE);
}

/**
 * jx_member_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store the member is added to
 *
 * Returns: (transfer none): a new dialog; present it
 */
JxMemberDialog *
jx_member_dialog_new (GtkWindow *parent,
                      JxStore   *store)
{
  JxMemberDialog *self;
  g_autoptr(GListModel) member_choices = NULL;
  g_autoptr(GListModel) region_choices = NULL;

  g_return_val_if_fail (JX_IS_STORE (store), NULL);

  self = g_object_new (JX_TYPE_MEMBER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->members = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
  self->regions = jx_name_list_new (store, JX_TABLE_REGIONS);
  member_choices = choices (self->members, C_("manager", "None"));
  region_choices = choices (self->regions, C_("region", "None"));
  adw_combo_row_set_model (self->reports_row, member_choices);
  adw_combo_row_set_model (self->region_row, region_choices);
  return self;
}
