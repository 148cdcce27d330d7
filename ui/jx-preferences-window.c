/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-preferences-window.h"

/*
 * Preferences that belong to the data (company, currency, fiscal year) live in the open
 * database, so they travel with the file; each change is one undoable step.
 */

struct _JxPreferencesWindow {
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *company_row;
  AdwComboRow          *currency_row;
  AdwComboRow          *fiscal_row;
  GtkStringList        *currency_list;
  GtkStringList        *month_list;

  JxContext            *context;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (JxPreferencesWindow, jx_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const currencies[] = {
  "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD", "KRW", "INR", "AUD", "CAD", "CHF",
};

static const char *const months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static void
save_setting (JxPreferencesWindow *self,
              const char          *key,
              const char          *value)
{
  g_autoptr(GError) error = NULL;
  JxStore *store;

  if (self->loading || self->context == NULL)
    return;
  store = jx_context_get_store (self->context);
  if (store == NULL)
    return;
  if (!jx_store_set_setting (store, key, value, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

static void
on_company_apply_cb (JxPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_row))));

  save_setting (self, "company_name", name);
}

static void
on_currency_selected_cb (JxPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->currency_row);

  if (i < G_N_ELEMENTS (currencies))
    save_setting (self, "currency", currencies[i]);
}

static void
on_fiscal_selected_cb (JxPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->fiscal_row);
  g_autofree char *value = g_strdup_printf ("%u", i + 1);

  if (i < 12)
    save_setting (self, "fiscal_year_start_month", value);
}

static void
load (JxPreferencesWindow *self)
{
  JxStore *store = jx_context_get_store (self->context);
  g_autofree char *company = NULL;
  g_autofree char *currency = NULL;
  int month;

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->company_row), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fiscal_row), store != NULL);
  if (store != NULL)
    {
      company = jx_store_get_setting (store, "company_name");
      currency = jx_store_get_setting (store, "currency");
      month = jx_store_get_setting_int (store, "fiscal_year_start_month", 1);
      gtk_editable_set_text (GTK_EDITABLE (self->company_row), company ? company : "");
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        if (g_strcmp0 (currency, currencies[i]) == 0)
          adw_combo_row_set_selected (self->currency_row, i);
      if (month >= 1 && month <= 12)
        adw_combo_row_set_selected (self->fiscal_row, month - 1);
    }
  self->loading = FALSE;
}

GtkWidget *
jx_preferences_window_new (GtkWindow *parent,
                           JxContext *context)
{
  JxPreferencesWindow *self;

  g_return_val_if_fail (JX_IS_CONTEXT (context), NULL);

  self = g_object_new (JX_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  load (self);
  return GTK_WIDGET (self);
}

static void
jx_preferences_window_dispose (GObject *object)
{
  JxPreferencesWindow *self = JX_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (jx_preferences_window_parent_class)->dispose (object);
}

static void
jx_preferences_window_class_init (JxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, currency_list);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, month_list);
  gtk_widget_class_bind_template_callback (widget_class, on_company_apply_cb);
}

static void
jx_preferences_window_init (JxPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", currencies[i],
                                                jx_currency_symbol (currencies[i]));
      gtk_string_list_append (self->currency_list, label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    gtk_string_list_append (self->month_list, _(months[i]));

  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (on_currency_selected_cb), self);
  g_signal_connect_swapped (self->fiscal_row, "notify::selected",
                            G_CALLBACK (on_fiscal_selected_cb), self);
}
