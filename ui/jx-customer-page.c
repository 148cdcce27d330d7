/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-customer-page.h"
#include "jx-ui.h"
#include "jx-yearly-revenue-view.h"

/*
 * One customer: its figures on the context's day, won revenue by fiscal year as a small
 * chart, its deals (activate one to open it), its tier history, its activities and the
 * notes, which are saved as one undoable step. The page reads the customer again whenever
 * the database changes, keeping notes being typed.
 */

struct _JxCustomerPage {
  AdwBin               parent_instance;

  GtkLabel            *name_label;
  GtkLabel            *details_label;
  GtkLabel            *risk_label;
  GtkMenuButton       *tier_button;
  GtkLabel            *revenue_value;
  GtkLabel            *change_value;
  GtkLabel            *pipeline_value;
  GtkLabel            *last_won_value;
  JxYearlyRevenueView *revenue_chart;
  GtkLabel            *deals_heading;
  GtkListBox          *deals_list;
  GtkListBox          *tier_list;
  GtkLabel            *activities_heading;
  GtkListBox          *activity_list;
  GtkTextView         *notes_view;

  JxCustomerBase      *base;
  JxStore             *store;
  gulong               changed_id;
  gint64               customer_id;
  JxCustomerDetail    *detail;
  gboolean             notes_modified;
  gboolean             filling_notes;
};

G_DEFINE_FINAL_TYPE (JxCustomerPage, jx_customer_page, ADW_TYPE_BIN)

enum {
  SIGNAL_BACK,
  SIGNAL_MOVE_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* At most this many activities are listed; the rest are counted. */
#define MAX_ACTIVITIES 30

/* Removes the rows, keeping the placeholder (also a child of the list). */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and notes are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* One line each: wrapping labels make every row measure height for width, which is slow
   * for a page of tens of rows; long texts end in an ellipsis and show in full in the
   * tooltip. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (subtitle != NULL && *subtitle != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", title, subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (row, title);
  return row;
}

static GtkWidget *
suffix_label (const char *text,
              gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static const char *
status_label (int status)
{
  switch (status)
    {
    case 1:
      return C_("deal status", "Won");
    case 2:
      return C_("deal status", "Lost");
    default:
      return C_("deal status", "Open");
    }
}

static const char *
activity_label (const char *kind)
{
  if (g_strcmp0 (kind, "visit") == 0)
    return C_("activity", "Visit");
  if (g_strcmp0 (kind, "call") == 0)
    return C_("activity", "Call");
  if (g_strcmp0 (kind, "email") == 0)
    return C_("activity", "Email");
  if (g_strcmp0 (kind, "meeting") == 0)
    return C_("activity", "Meeting");
  return C_("activity", "Note");
}

static void
fill_figures (JxCustomerPage *self)
{
  g_autoptr(JxCustomer) customer = NULL;
  guint row;

  if (self->base != NULL && jx_customer_base_lookup (self->base, self->customer_id, &row))
    customer = jx_customer_base_dup_customer (self->base, row);
  if (customer == NULL)
    {
      gtk_label_set_text (self->revenue_value, "—");
      gtk_label_set_text (self->change_value, "—");
      gtk_label_set_text (self->pipeline_value, "—");
      gtk_label_set_text (self->last_won_value, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->risk_label), FALSE);
      return;
    }
  {
    g_autofree char *revenue = NULL, *change = NULL, *pipeline = NULL, *last_won = NULL;

    g_object_get (customer, "revenue-text", &revenue, "change-text", &change,
                  "open-pipeline-text", &pipeline, "last-won-text", &last_won, NULL);
    gtk_label_set_text (self->revenue_value, revenue);
    gtk_label_set_text (self->change_value, change);
    gtk_label_set_text (self->pipeline_value, pipeline);
    gtk_label_set_text (self->last_won_value, last_won);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->risk_label), jx_customer_get_at_risk (customer));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->risk_label),
                               jx_customer_get_risk_text (customer));
}

static void
fill (JxCustomerPage *self)
{
  JxCustomerDetail *d = self->detail;
  const char *currency = self->base != NULL ? jx_customer_base_get_currency (self->base) : "CNY";
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  g_autofree char *tier_text = NULL;
  GArray *deals, *history, *activities;

  clear_list (self->deals_list);
  clear_list (self->tier_list);
  clear_list (self->activity_list);
  if (d == NULL)
    return;

  gtk_label_set_text (self->name_label, jx_customer_detail_get_name (d));
  if (jx_customer_detail_get_type_name (d) != NULL)
    g_ptr_array_add (parts, g_strdup (jx_customer_detail_get_type_name (d)));
  if (jx_customer_detail_get_region_name (d) != NULL)
    g_ptr_array_add (parts, g_strdup (jx_customer_detail_get_region_name (d)));
  if (jx_customer_detail_get_owner_name (d) != NULL)
    /* Translators: the customer's owner (a sales rep) on the customer page. */
    g_ptr_array_add (parts, g_strdup_printf (_("owned by %s"), jx_customer_detail_get_owner_name (d)));
  if (jx_customer_detail_get_created (d) != NULL)
    {
      g_autofree char *date = jx_date_format_iso_text (jx_customer_detail_get_created (d));
      /* Translators: %s is the date the customer was added. */
      g_ptr_array_add (parts, g_strdup_printf (_("customer since %s"), date));
    }
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->details_label, details);

  tier_text = jx_customer_detail_get_tier_manual (d)
              /* Translators: the tier button on the customer page; %s is a tier. */
              ? g_strdup_printf (_("%s (placed by hand)"), jx_tier_get_label (jx_customer_detail_get_tier (d)))
              : g_strdup (jx_tier_get_label (jx_customer_detail_get_tier (d)));
  gtk_menu_button_set_label (self->tier_button, tier_text);
  fill_figures (self);

  jx_yearly_revenue_view_set_years (self->revenue_chart, jx_customer_detail_get_revenue_by_year (d),
                                    currency);

  deals = jx_customer_detail_get_deals (d);
  {
    g_autofree char *count = jx_number_format (deals->len);
    /* Translators: a heading on the customer page; %s is a number. */
    g_autofree char *heading = g_strdup_printf (_("Deals (%s)"), count);
    gtk_label_set_text (self->deals_heading, heading);
  }
  for (guint i = 0; i < deals->len; i++)
    {
      const JxCustomerDeal *deal = &g_array_index (deals, JxCustomerDeal, i);
      g_autofree char *date = jx_date_format_iso_text (deal->closed != NULL ? deal->closed
                                                                            : deal->opened);
      g_autofree char *amount = deal->amount >= 0 ? jx_money_format_compact (deal->amount, currency)
                                                  : g_strdup ("—");
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (deal->status == 0)
        /* Translators: a deal's line; %1$s its reference, %2$s its stage, %3$s a date. */
        subtitle = g_strdup_printf (_("%1$s · %2$s · opened %3$s"), deal->ref, deal->stage, date);
      else
        /* Translators: a closed deal's line; %1$s its reference, %2$s "Won" or "Lost",
         * %3$s a date. */
        subtitle = g_strdup_printf (_("%1$s · %2$s %3$s"), deal->ref, status_label (deal->status),
                                    date);
      row = new_row (deal->title, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (amount, deal->status == 2));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "jx-deal", g_memdup2 (&deal->id, sizeof deal->id),
                              g_free);
      gtk_list_box_append (self->deals_list, row);
    }

  history = jx_customer_detail_get_tier_history (d);
  for (guint i = 0; i < history->len; i++)
    {
      const JxTierChange *change = &g_array_index (history, JxTierChange, i);
      /* Translators: a tier change; %1$s the old tier, %2$s the new one. */
      g_autofree char *title = g_strdup_printf (_("%1$s → %2$s"), jx_tier_get_label (change->from),
                                                jx_tier_get_label (change->to));
      g_autofree char *date = jx_date_format_iso_text (change->date);
      GtkWidget *row = new_row (title, change->note);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suffix_label (jx_tier_source_get_label (change->source), TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (date, FALSE));
      gtk_list_box_append (self->tier_list, row);
    }

  activities = jx_customer_detail_get_activities (d);
  {
    g_autofree char *count = jx_number_format (activities->len);
    /* Translators: a heading on the customer page; %s is a number. */
    g_autofree char *heading = g_strdup_printf (_("Activities (%s)"), count);
    gtk_label_set_text (self->activities_heading, heading);
  }
  for (guint i = 0; i < activities->len && i < MAX_ACTIVITIES; i++)
    {
      const JxCustomerActivity *a = &g_array_index (activities, JxCustomerActivity, i);
      g_autofree char *title = a->member != NULL
                               /* Translators: an activity; %1$s its kind ("Visit"), %2$s who. */
                               ? g_strdup_printf (_("%1$s · %2$s"), activity_label (a->kind), a->member)
                               : g_strdup (activity_label (a->kind));
      g_autofree char *date = jx_date_format_iso_text (a->date);
      GtkWidget *row = new_row (title, a->note);

      if (a->hours >= 0)
        {
          /* Translators: the hours an activity took. */
          g_autofree char *hours = g_strdup_printf (_("%.1f h"), a->hours);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (hours, TRUE));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (date, FALSE));
      gtk_list_box_append (self->activity_list, row);
    }

  if (!self->notes_modified)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
      const char *notes = jx_customer_detail_get_notes (d);

      self->filling_notes = TRUE;
      gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
      self->filling_notes = FALSE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-notes", FALSE);
    }
}

static gboolean
reload (JxCustomerPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->detail);
  if (self->store == NULL || self->customer_id <= 0)
    {
      fill (self);
      return FALSE;
    }
  self->detail = jx_customer_detail_load (self->store, self->customer_id, &error);
  if (self->detail == NULL)
    {
      if (!g_error_matches (error, JX_STORE_ERROR, JX_STORE_ERROR_NOT_FOUND))
        jx_ui_add_toast (GTK_WIDGET (self), error->message);
      fill (self);
      return FALSE;
    }
  fill (self);
  return TRUE;
}

static void
on_store_changed_cb (JxCustomerPage *self,
                     guint           tables)
{
  const guint relevant = JX_TABLE_CUSTOMERS | JX_TABLE_DEALS | JX_TABLE_TIER_HISTORY |
                         JX_TABLE_ACTIVITIES | JX_TABLE_REGIONS | JX_TABLE_TEAM_MEMBERS |
                         JX_TABLE_CUSTOMER_TYPES | JX_TABLE_SETTINGS | JX_TABLE_STAGES;

  if (self->customer_id <= 0 || (tables & relevant) == 0)
    return;
  /* The customer was removed (or its creation undone): go back to the list. */
  if (!reload (self))
    g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
on_notes_changed_cb (JxCustomerPage *self)
{
  if (self->filling_notes)
    return;
  self->notes_modified = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-notes", TRUE);
}

static void
on_deal_activated_cb (JxCustomerPage *self,
                      GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "jx-deal");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x", *id);
}

/* Actions */

/* Saves the notes as one undoable step. */
gboolean
jx_customer_page_save_notes (JxCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), FALSE);

  if (self->store == NULL || self->customer_id <= 0)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The store reloads the page as it commits; the text typed is what it should keep. */
  self->notes_modified = FALSE;
  if (!jx_customer_set_notes (self->store, self->customer_id, text, &error))
    {
      self->notes_modified = TRUE;
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-notes", FALSE);
  jx_ui_add_undo_toast (GTK_WIDGET (self), _("Notes saved"));
  return TRUE;
}

static void
save_notes_activate (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  jx_customer_page_save_notes (JX_CUSTOMER_PAGE (widget));
}

static void
back_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_BACK], 0);
}

static void
move_to_activate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JxCustomerPage *self = JX_CUSTOMER_PAGE (widget);
  int tier = g_variant_get_int32 (parameter);

  if (self->customer_id > 0 && tier >= 0 && tier < JX_N_TIERS)
    g_signal_emit (self, signals[SIGNAL_MOVE_TO], 0, self->customer_id, tier);
}

/* Public API */

void
jx_customer_page_set_base (JxCustomerPage *self,
                           JxCustomerBase *base)
{
  JxStore *store;

  g_return_if_fail (JX_IS_CUSTOMER_PAGE (self));

  store = base != NULL ? jx_customer_base_get_store (base) : NULL;
  g_set_object (&self->base, base);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_swapped (store, "changed",
                                                     G_CALLBACK (on_store_changed_cb), self);
    }
  if (base == NULL)
    {
      self->customer_id = 0;
      g_clear_object (&self->detail);
      fill (self);
    }
}

/* Shows a customer; FALSE when it cannot be read. */
gboolean
jx_customer_page_show_customer (JxCustomerPage *self,
                                gint64          customer_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), FALSE);

  self->customer_id = customer_id;
  self->notes_modified = FALSE;
  return reload (self);
}

gint64
jx_customer_page_get_customer_id (JxCustomerPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

JxCustomerDetail *
jx_customer_page_get_detail (JxCustomerPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), NULL);

  return self->detail;
}

GtkTextBuffer *
jx_customer_page_get_notes_buffer (JxCustomerPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), NULL);

  return gtk_text_view_get_buffer (self->notes_view);
}

const char *
jx_customer_page_get_name_text (JxCustomerPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_PAGE (self), NULL);

  return gtk_label_get_text (self->name_label);
}

/* GObject */

static void
jx_customer_page_dispose (GObject *object)
{
  JxCustomerPage *self = JX_CUSTOMER_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->base);
  g_clear_object (&self->detail);
  G_OBJECT_CLASS (jx_customer_page_parent_class)->dispose (object);
}

static void
jx_customer_page_class_init (JxCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_customer_page_dispose;

  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE_TO] =
    g_signal_new ("move-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (JX_TYPE_YEARLY_REVENUE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, tier_button);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, revenue_value);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, change_value);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, pipeline_value);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, last_won_value);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, revenue_chart);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, deals_heading);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, deals_list);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, tier_list);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, activities_heading);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, activity_list);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_activated_cb);

  gtk_widget_class_install_action (widget_class, "customer.save-notes", NULL, save_notes_activate);
  gtk_widget_class_install_action (widget_class, "customer.back", NULL, back_activate);
  gtk_widget_class_install_action (widget_class, "customer.move-to", "i", move_to_activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "customer.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save-notes", NULL);
}

static void
jx_customer_page_init (JxCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_placeholder (self->deals_list, _("No deals yet"));
  add_placeholder (self->tier_list, _("The tier has not changed yet"));
  add_placeholder (self->activity_list, _("No activities recorded"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-notes", FALSE);
}
