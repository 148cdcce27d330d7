/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-overview-view.h"

/*
 * The first page: the current fiscal quarter at a glance, straight from the store. It
 * recomputes when the database changes or another database is opened.
 */

struct _JxOverviewView {
  JxView      parent_instance;

  GtkLabel   *company_label;
  GtkLabel   *period_label;
  GtkFlowBox *cards;
  GtkLabel   *footnote_label;

  JxStore    *store;
  gulong      changed_id;
  JxOverview  figures;
  GHashTable *card_values;   /* card name → value label */
  gboolean    dirty;         /* the store changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (JxOverviewView, jx_overview_view, JX_TYPE_VIEW)

static void
add_card (JxOverviewView *self,
          const char     *name,
          const char     *title,
          const char     *value,
          const char     *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *detail_label = gtk_label_new (detail);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "kpi-card");
  gtk_widget_add_css_class (title_label, "kpi-title");
  gtk_widget_add_css_class (value_label, "kpi-value");
  gtk_widget_add_css_class (detail_label, "kpi-detail");
  gtk_widget_set_name (box, name);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_flow_box_append (self->cards, box);
  g_hash_table_insert (self->card_values, g_strdup (name), value_label);
}

static void
refresh (JxOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *company = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *period_title = NULL;
  GtkWidget *child;
  GDate today;
  JxPeriod quarter;
  int start_month;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  g_hash_table_remove_all (self->card_values);

  if (self->store == NULL)
    {
      gtk_label_set_text (self->company_label, "");
      gtk_label_set_text (self->period_label, "");
      gtk_label_set_text (self->footnote_label, "");
      return;
    }

  jx_view_get_today (JX_VIEW (self), &today);
  jx_overview_current_quarter (self->store, &today, &quarter);
  start_month = jx_store_get_setting_int (self->store, "fiscal_year_start_month", 1);
  if (!jx_overview_compute (self->store, &quarter, &self->figures, &error))
    {
      gtk_label_set_text (self->company_label, _("The figures could not be read"));
      gtk_label_set_text (self->period_label, error->message);
      return;
    }

  currency = jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
  company = jx_store_get_setting (self->store, "company_name");
  gtk_label_set_text (self->company_label,
                      company != NULL && *company != '\0' ? company : _("This Quarter"));
  period_text = jx_period_format (&quarter);
  /* Translators: the current fiscal quarter; %d are the quarter number and the fiscal
   * year, %s the dates it spans. */
  period_title = g_strdup_printf (_("Q%d of fiscal year %d · %s"),
                                  jx_period_fiscal_quarter_number (&today, start_month),
                                  jx_period_fiscal_year_label (&today, start_month),
                                  period_text);
  gtk_label_set_text (self->period_label, period_title);

  {
    const JxOverview *f = &self->figures;
    g_autofree char *won = jx_money_format_compact (f->won_amount, currency);
    g_autofree char *won_full = jx_money_format (f->won_amount, currency);
    g_autofree char *won_count = jx_number_format (f->won_count);
    g_autofree char *won_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s from %s won deal",
                                                                "%s from %s won deals",
                                                                f->won_count),
                                                   won_full, won_count);
    g_autofree char *open = jx_money_format_compact (f->open_amount, currency);
    g_autofree char *open_count = jx_number_format (f->open_count);
    g_autofree char *open_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%s open deal, all stages",
                                                                 "%s open deals, all stages",
                                                                 f->open_count),
                                                    open_count);
    g_autofree char *opened = jx_number_format (f->opened_count);
    g_autofree char *customers = jx_number_format (f->customers);
    g_autofree char *new_customers = jx_number_format (f->new_customers);
    g_autofree char *customers_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                      "%s new customer this quarter",
                                                                      "%s new customers this quarter",
                                                                      f->new_customers),
                                                         new_customers);
    double win_rate = f->won_count + f->lost_count > 0
                      ? (double) f->won_count / (f->won_count + f->lost_count) : NAN;
    g_autofree char *win = jx_percent_format (win_rate, 0);
    g_autofree char *lost = jx_number_format (f->lost_count);
    g_autofree char *win_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s won, %s lost deal closed",
                                                                "%s won, %s lost deals closed",
                                                                f->won_count + f->lost_count),
                                                   won_count, lost);

    if (f->target_amount > 0)
      {
        double attained = (double) f->won_amount / f->target_amount;
        double expected = (double) (g_date_days_between (&quarter.from, &today) + 1) /
                          jx_period_n_days (&quarter);
        g_autofree char *percent = jx_percent_format (attained, 0);
        g_autofree char *target_text = jx_money_format_compact (f->target_amount, currency);
        g_autofree char *expected_text = jx_percent_format (CLAMP (expected, 0, 1), 0);
        g_autofree char *detail = NULL;

        if (attained + 0.005 >= CLAMP (expected, 0, 1))
          /* Translators: %1$s is the quarter's target, %2$s the share expected by today. */
          detail = g_strdup_printf (_("of %1$s · ahead of the %2$s expected by today"),
                                    target_text, expected_text);
        else
          /* Translators: %1$s is the quarter's target, %2$s the share expected by today. */
          detail = g_strdup_printf (_("of %1$s · behind the %2$s expected by today"),
                                    target_text, expected_text);
        add_card (self, "target", _("Quarter Target"), percent, detail);
      }
    add_card (self, "won", _("Won Revenue"), won, won_detail);
    add_card (self, "pipeline", _("Open Pipeline"), open, open_detail);
    add_card (self, "win-rate", _("Win Rate"), win, win_detail);
    add_card (self, "opened", _("Deals Opened"), opened, _("new opportunities this quarter"));
    add_card (self, "customers", _("Customers"), customers, customers_detail);
  }

  {
    g_autofree char *today_text = jx_date_format (&today);
    /* Translators: %s is a date. */
    g_autofree char *footnote = g_strdup_printf (_("Figures as of %s. Won revenue and win rate "
                                                   "count deals closed in the quarter; the open "
                                                   "pipeline counts every open deal."),
                                                 today_text);
    gtk_label_set_text (self->footnote_label, footnote);
  }
}

/* A hidden overview only notes that it is out of date: at a million deals its figures take
 * a tenth of a second, which every drag on the tier board would otherwise pay. */
static void
refresh_when_shown (JxOverviewView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

static void
on_map_cb (JxOverviewView *self)
{
  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh (self);
    }
}

static void
on_store_changed_cb (JxOverviewView *self,
                     guint           tables)
{
  if (tables & (JX_TABLE_DEALS | JX_TABLE_CUSTOMERS | JX_TABLE_SETTINGS))
    refresh_when_shown (self);
}

static void
set_store (JxOverviewView *self,
           JxStore        *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (on_store_changed_cb), self);
  refresh_when_shown (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_OVERVIEW_VIEW (view), store);
}

/* The figures the cards show, for tests. */
const JxOverview *
jx_overview_view_get_figures (JxOverviewView *self)
{
  g_return_val_if_fail (JX_IS_OVERVIEW_VIEW (self), NULL);

  on_map_cb (self);
  return &self->figures;
}

/* The text of a card's big number ("won", "pipeline", "win-rate", "opened", "customers"). */
const char *
jx_overview_view_get_card_value (JxOverviewView *self,
                                 const char     *card)
{
  GtkLabel *label;

  g_return_val_if_fail (JX_IS_OVERVIEW_VIEW (self), NULL);

  on_map_cb (self);
  label = g_hash_table_lookup (self->card_values, card);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

static void
jx_overview_view_dispose (GObject *object)
{
  JxOverviewView *self = JX_OVERVIEW_VIEW (object);

  jx_view_set_context (JX_VIEW (self), NULL);
  G_OBJECT_CLASS (jx_overview_view_parent_class)->dispose (object);
}

static void
jx_overview_view_finalize (GObject *object)
{
  JxOverviewView *self = JX_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->card_values, g_hash_table_unref);
  G_OBJECT_CLASS (jx_overview_view_parent_class)->finalize (object);
}

static void
jx_overview_view_class_init (JxOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_overview_view_dispose;
  object_class->finalize = jx_overview_view_finalize;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxOverviewView, company_label);
  gtk_widget_class_bind_template_child (widget_class, JxOverviewView, period_label);
  gtk_widget_class_bind_template_child (widget_class, JxOverviewView, cards);
  gtk_widget_class_bind_template_child (widget_class, JxOverviewView, footnote_label);
}

static void
jx_overview_view_init (JxOverviewView *self)
{
  self->card_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}
