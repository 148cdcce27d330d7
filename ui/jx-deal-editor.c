/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-deal-editor.h"
#include "jx-sqlite-private.h"

/* Opens the deal with @deal_id for editing. The full editor arrives with the Deals view;
 * until then this shows the deal's reference and title. */
void
jx_deal_editor_present (GtkWindow *parent,
                        JxContext *context,
                        gint64     deal_id)
{
  JxStore *store = jx_context_get_store (context);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    return;
  stmt = jx_store_prepare (store, "SELECT coalesce(ref, ''), title FROM deals WHERE id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  heading = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
