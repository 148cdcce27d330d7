/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-preferences-window.h"
#include "jx-ui.h"

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
  GtkSpinButton        *abc_a_spin;
  GtkSpinButton        *abc_b_spin;
  GtkSpinButton        *churn_drop_spin;
  GtkSpinButton        *churn_idle_spin;
  GtkAdjustment        *abc_b_adjustment;

  JxContext            *context;
  gboolean              loading;
  guint                 thresholds_save_id;
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

/* Tier thresholds */

/* The spin buttons' ranges are the valid ranges (those jx_tier_thresholds_load() accepts);
 * B's upper bound follows A so that A + B never exceeds 100%. */
static void
limit_abc_b (JxPreferencesWindow *self)
{
  int a = gtk_spin_button_get_value_as_int (self->abc_a_spin);

  gtk_adjustment_set_upper (self->abc_b_adjustment, 100 - a);
  if (gtk_spin_button_get_value_as_int (self->abc_b_spin) > 100 - a)
    gtk_spin_button_set_value (self->abc_b_spin, 100 - a);
}

/* Writes the four thresholds as one undoable step, when they differ from the stored ones. */
void
jx_preferences_window_save_thresholds (JxPreferencesWindow *self)
{
  static const char *const keys[] = {
    "abc_a_percent", "abc_b_percent", "churn_drop_percent", "churn_idle_days",
  };
  g_autoptr(GError) error = NULL;
  JxTierThresholds stored;
  JxStore *store;
  int values[4];
  gboolean same;

  g_return_if_fail (JX_IS_PREFERENCES_WINDOW (self));

  g_clear_handle_id (&self->thresholds_save_id, g_source_remove);
  store = self->context != NULL ? jx_context_get_store (self->context) : NULL;
  if (store == NULL)
    return;
  values[0] = gtk_spin_button_get_value_as_int (self->abc_a_spin);
  values[1] = gtk_spin_button_get_value_as_int (self->abc_b_spin);
  values[2] = gtk_spin_button_get_value_as_int (self->churn_drop_spin);
  values[3] = gtk_spin_button_get_value_as_int (self->churn_idle_spin);
  /* Out-of-range values never reach the database, whatever the widgets were made to hold. */
  if (values[0] < 1 || values[0] > 100 || values[1] < 0 || values[0] + values[1] > 100 ||
      values[2] < 1 || values[2] > 100 || values[3] < 1 || values[3] > 3650)
    return;
  jx_tier_thresholds_load (&stored, store);
  same = (int) stored.abc_a_percent == values[0] && (int) stored.abc_b_percent == values[1] &&
         stored.churn_drop_percent == values[2] && stored.churn_idle_days == values[3];
  if (same)
    return;
  if (!jx_store_begin (store, _("Change tier thresholds"), &error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", values[i]);

      if (!jx_store_set_setting (store, keys[i], text, &error))
        {
          jx_store_rollback (store);
          goto fail;
        }
    }
  if (jx_store_commit (store, &error))
    return;

fail:
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static gboolean
save_thresholds_cb (gpointer data)
{
  JxPreferencesWindow *self = data;

  self->thresholds_save_id = 0;
  jx_preferences_window_save_thresholds (self);
  return G_SOURCE_REMOVE;
}

/* Saved a moment after the last change, so that holding an arrow makes one undo step. */
static void
on_threshold_changed_cb (JxPreferencesWindow *self)
{
  if (self->loading)
    return;
  limit_abc_b (self);
  g_clear_handle_id (&self->thresholds_save_id, g_source_remove);
  self->thresholds_save_id = g_timeout_add (600, save_thresholds_cb, self);
}

static void
show_thresholds (JxPreferencesWindow    *self,
                 const JxTierThresholds *thresholds)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  gtk_spin_button_set_value (self->abc_a_spin, thresholds->abc_a_percent);
  gtk_adjustment_set_upper (self->abc_b_adjustment, 100 - (int) thresholds->abc_a_percent);
  gtk_spin_button_set_value (self->abc_b_spin, thresholds->abc_b_percent);
  gtk_spin_button_set_value (self->churn_drop_spin, thresholds->churn_drop_percent);
  gtk_spin_button_set_value (self->churn_idle_spin, thresholds->churn_idle_days);
  self->loading = loading;
}

static void
on_thresholds_reset_cb (JxPreferencesWindow *self)
{
  JxTierThresholds defaults;

  jx_tier_thresholds_init (&defaults);
  show_thresholds (self, &defaults);
  jx_preferences_window_save_thresholds (self);
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->abc_a_spin), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->abc_b_spin), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->churn_drop_spin), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->churn_idle_spin), store != NULL);
  if (store != NULL)
    {
      JxTierThresholds thresholds;

      /* What the suggestions use: stored values out of range show as the defaults. */
      jx_tier_thresholds_load (&thresholds, store);
      show_thresholds (self, &thresholds);
      company = jx_store_get_setting (store, "company_name");
      currency = jx_store_get_setting (store, "currency");
      month = jx_store_get_setting_int (store, "fiscal_year_start_month", 1);
      jx_ui_fill_editable (GTK_EDITABLE (self->company_row), company);
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

  /* A change made just before closing is still saved. */
  if (self->thresholds_save_id != 0)
    jx_preferences_window_save_thresholds (self);
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
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, abc_a_spin);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, abc_b_spin);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, churn_drop_spin);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, churn_idle_spin);
  gtk_widget_class_bind_template_child (widget_class, JxPreferencesWindow, abc_b_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_company_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_thresholds_reset_cb);
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
  g_signal_connect_swapped (self->abc_a_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed_cb), self);
  g_signal_connect_swapped (self->abc_b_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed_cb), self);
  g_signal_connect_swapped (self->churn_drop_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed_cb), self);
  g_signal_connect_swapped (self->churn_idle_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed_cb), self);
}
