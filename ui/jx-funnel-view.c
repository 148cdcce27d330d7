/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jx-funnel-chart.h"
#include "jx-funnel-report.h"
#include "jx-print-operation.h"
#include "jx-funnel-view.h"
#include "jx-stages-editor.h"

/*
 * The Funnel page: filters along the top, then the key figures, the funnel chart with the
 * deals of the band the user picked beside it, the stage table and the stalled deals.
 *
 * The first funnel on a store loads the funnel cache, a second or more on a large
 * database, so the view loads it in a worker thread (jx_funnel_preload_async()) when it is
 * first shown, with a spinner meanwhile. After that a funnel takes milliseconds and the
 * view simply recomputes, in an idle, whenever the store or a filter changes.
 */

typedef enum {
  PERIOD_THIS_QUARTER,
  PERIOD_LAST_QUARTER,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_12_MONTHS,
  PERIOD_CUSTOM,
} PeriodPreset;

typedef enum {
  DIM_REGION,
  DIM_REP,
  DIM_LINE,
  DIM_TIER,
  N_DIMS
} Dim;

/* One filter drop-down: "All …" and then the names of a table (or the tiers). The choice
 * is kept as an id, and as a name to find it again when another database is opened. */
typedef struct {
  JxFunnelView  *self;
  GtkDropDown   *dropdown;
  GtkStringList *strings;
  GArray        *ids;       /* gint64 per string; 0 for "All" */
  JxNameList    *source;    /* NULL for the tiers */
  gulong         items_id;
  gint64         id;
  char          *name;
} Dimension;

/* The tiers in the order the drop-down lists them; ids are the index plus one. */
static const JxTier tier_order[] = {
  JX_TIER_KEY, JX_TIER_GROWTH, JX_TIER_MAINTAIN, JX_TIER_DEFEND, JX_TIER_NONE,
};

struct _JxFunnelView {
  JxView           parent_instance;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkDropDown     *period_dropdown;
  GtkWidget       *custom_box;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkDropDown     *region_dropdown;
  GtkDropDown     *rep_dropdown;
  GtkDropDown     *line_dropdown;
  GtkDropDown     *tier_dropdown;
  GtkToggleButton *count_button;
  GtkToggleButton *amount_button;
  GtkLabel        *period_label;
  GtkFlowBox      *kpi_cards;
  GtkBox          *chart_card;
  GtkLabel        *band_title;
  GtkLabel        *band_subtitle;
  GtkWidget       *set_box;
  GtkToggleButton *reached_button;
  GtkToggleButton *now_button;
  GtkToggleButton *stalled_button;
  GtkStack        *band_stack;
  GtkLabel        *band_hint;
  GtkListView     *band_list;
  GtkGrid         *stage_table;
  GtkLabel        *stalled_subtitle;
  GtkWidget       *stalled_scroller;
  GtkListView     *stalled_list;

  JxFunnelChart   *chart;
  GHashTable      *kpi_values;     /* card name → value label */
  GHashTable      *kpi_details;    /* card name → detail label */

  JxStore         *store;
  gulong           changed_id;
  GCancellable    *loading;
  gboolean         ready;
  guint            recompute_id;
  int              syncing;

  Dimension        dims[N_DIMS];
  JxDealFilter     filter;         /* of the figures shown */
  JxFunnelReport  *report;

  gint64           band_stage_id;  /* the stage whose deals are listed, or 0 */
  int              band_outcome;   /* JX_FUNNEL_HIT_WON or _LOST when an outcome is listed */
  GArray          *band_ids;
  JxDealList      *band_deals;
  GArray          *stalled_ids;
  JxDealList      *stalled_deals;
};

G_DEFINE_FINAL_TYPE (JxFunnelView, jx_funnel_view, JX_TYPE_VIEW)

static void queue_recompute (JxFunnelView *self);
static void update_band_list (JxFunnelView *self);

/* Filters ------------------------------------------------------------------------------ */

static const char *
all_label (Dim dim)
{
  switch (dim)
    {
    case DIM_REGION:
      return _("All Regions");
    case DIM_REP:
      return _("All Reps");
    case DIM_LINE:
      return _("All Product Lines");
    case DIM_TIER:
    default:
      return _("All Tiers");
    }
}

/* Refills a drop-down from its source and selects the remembered choice again: by id in
 * the same database, by name in another one; "All" when it is gone. */
static void
fill_dimension (JxFunnelView *self,
                Dim           dim,
                gboolean      by_name)
{
  Dimension *d = &self->dims[dim];
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (d->strings));
  guint selected = 0;

  g_array_set_size (d->ids, 0);
  g_ptr_array_add (names, (gpointer) all_label (dim));
  g_array_append_val (d->ids, (gint64) { 0 });
  if (dim == DIM_TIER)
    for (guint i = 0; i < G_N_ELEMENTS (tier_order); i++)
      {
        gint64 id = i + 1;

        g_ptr_array_add (names, (gpointer) jx_tier_get_label (tier_order[i]));
        g_array_append_val (d->ids, id);
      }
  else if (d->source != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (d->source)); i++)
      {
        g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (d->source), i);
        gint64 id = jx_named_item_get_id (item);

        g_ptr_array_add (names, (gpointer) jx_named_item_get_name (item));
        g_array_append_val (d->ids, id);
      }
  g_ptr_array_add (names, NULL);

  for (guint i = 1; i < d->ids->len; i++)
    {
      gboolean same = by_name && dim != DIM_TIER
                      ? g_strcmp0 (g_ptr_array_index (names, i), d->name) == 0
                      : g_array_index (d->ids, gint64, i) == d->id;

      if (d->id != 0 && same)
        selected = i;
    }
  d->id = g_array_index (d->ids, gint64, selected);
  g_free (d->name);
  d->name = selected > 0 ? g_strdup (g_ptr_array_index (names, selected)) : NULL;

  self->syncing++;
  gtk_string_list_splice (d->strings, 0, n_old, (const char *const *) names->pdata);
  gtk_drop_down_set_selected (d->dropdown, selected);
  self->syncing--;
}

static void
on_source_items_changed_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            Dimension  *d)
{
  JxFunnelView *self = d->self;
  gint64 old = d->id;

  fill_dimension (self, d - self->dims, FALSE);
  if (d->id != old)
    queue_recompute (self);
}

static void
on_dimension_selected_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          Dimension   *d)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;

  if (d->self->syncing > 0 || selected >= d->ids->len)
    return;
  item = gtk_drop_down_get_selected_item (dropdown);
  d->id = g_array_index (d->ids, gint64, selected);
  g_free (d->name);
  d->name = selected > 0 && item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
  queue_recompute (d->self);
}

static void
set_sources (JxFunnelView *self)
{
  static const JxTables tables[] = {
    JX_TABLE_REGIONS, JX_TABLE_TEAM_MEMBERS, JX_TABLE_PRODUCT_LINES,
  };

  for (guint dim = 0; dim < N_DIMS; dim++)
    {
      Dimension *d = &self->dims[dim];

      if (d->source != NULL)
        g_clear_signal_handler (&d->items_id, d->source);
      g_clear_object (&d->source);
      if (self->store != NULL && dim < G_N_ELEMENTS (tables))
        {
          d->source = jx_name_list_new (self->store, tables[dim]);
          d->items_id = g_signal_connect (d->source, "items-changed",
                                          G_CALLBACK (on_source_items_changed_cb), d);
        }
      fill_dimension (self, dim, TRUE);
    }
}

static int
fiscal_start_month (JxFunnelView *self)
{
  return CLAMP (jx_store_get_setting_int (self->store, "fiscal_year_start_month", 1), 1, 12);
}

/* The period of a preset for @today. */
static void
preset_period (JxFunnelView *self,
               PeriodPreset  preset,
               const GDate  *today,
               JxPeriod     *period)
{
  int start = fiscal_start_month (self);

  switch (preset)
    {
    case PERIOD_LAST_QUARTER:
      {
        JxPeriod this_quarter;
        GDate day;

        jx_period_fiscal_quarter (today, start, &this_quarter);
        day = this_quarter.from;
        g_date_subtract_days (&day, 1);
        jx_period_fiscal_quarter (&day, start, period);
      }
      break;
    case PERIOD_THIS_YEAR:
      jx_period_fiscal_year (today, start, period);
      break;
    case PERIOD_LAST_12_MONTHS:
      period->to = *today;
      period->from = *today;
      g_date_subtract_months (&period->from, 12);
      g_date_add_days (&period->from, 1);
      break;
    case PERIOD_THIS_QUARTER:
    case PERIOD_CUSTOM:
    default:
      jx_period_fiscal_quarter (today, start, period);
      break;
    }
}

/* Reads a custom date field: TRUE with an invalid (open) date when empty, FALSE and the
 * field marked when it is not a date. */
static gboolean
read_date_entry (GtkEntry *entry,
                 GDate    *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean ok = TRUE;

  g_date_clear (date, 1);
  if (*trimmed != '\0')
    ok = jx_date_parse_iso (trimmed, date);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return ok;
}

/* The filter the controls say, or FALSE while a custom date is not a date. */
static gboolean
build_filter (JxFunnelView *self,
              JxDealFilter *filter)
{
  PeriodPreset preset = gtk_drop_down_get_selected (self->period_dropdown);
  GDate today;

  jx_deal_filter_init (filter);
  jx_view_get_today (JX_VIEW (self), &today);
  if (preset == PERIOD_CUSTOM)
    {
      gboolean from_ok = read_date_entry (self->from_entry, &filter->from);
      gboolean to_ok = read_date_entry (self->to_entry, &filter->to);

      if (!from_ok || !to_ok)
        return FALSE;
      if (g_date_valid (&filter->from) && g_date_valid (&filter->to) &&
          g_date_compare (&filter->from, &filter->to) > 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
          return FALSE;
        }
    }
  else
    {
      JxPeriod period;

      preset_period (self, preset, &today, &period);
      filter->from = period.from;
      filter->to = period.to;
    }
  filter->region_id = self->dims[DIM_REGION].id;
  filter->owner_id = self->dims[DIM_REP].id;
  filter->product_line_id = self->dims[DIM_LINE].id;
  if (self->dims[DIM_TIER].id > 0)
    jx_deal_filter_set_tier (filter, jx_tier_to_string (tier_order[self->dims[DIM_TIER].id - 1]),
                             NULL);
  return TRUE;
}

static void
on_period_selected_cb (JxFunnelView *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;

  if (custom && self->syncing == 0 &&
      *gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) == '\0' &&
      *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) == '\0' &&
      g_date_valid (&self->filter.from) && g_date_valid (&self->filter.to))
    {
      /* Start from the period shown, which the user then edits. */
      char from[11], to[11];

      jx_date_to_iso_buf (&self->filter.from, from);
      jx_date_to_iso_buf (&self->filter.to, to);
      self->syncing++;
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
      self->syncing--;
    }
  /* The flow box's child around the fields, so that no empty slot stays behind. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->custom_box), custom);
  gtk_widget_set_visible (self->custom_box, custom);
  if (self->syncing == 0)
    queue_recompute (self);
}

static void
on_custom_date_changed_cb (JxFunnelView *self)
{
  if (self->syncing == 0)
    queue_recompute (self);
}

static void
on_mode_toggled_cb (JxFunnelView *self)
{
  jx_funnel_chart_set_mode (self->chart, gtk_toggle_button_get_active (self->amount_button)
                                         ? JX_FUNNEL_BY_AMOUNT : JX_FUNNEL_BY_COUNT);
}

/* Figures ------------------------------------------------------------------------------ */

static char *
currency (JxFunnelView *self)
{
  return jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
}

static char *
days_text (double days)
{
  if (!isfinite (days))
    return g_strdup ("—");
  /* Translators: a number of days, such as "12.5 days"; keep it short. */
  return g_strdup_printf (_("%.1f d"), days);
}

static void
add_card (JxFunnelView *self,
          const char   *name,
          const char   *title,
          const char   *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new ("—");
  GtkWidget *detail_label = gtk_label_new ("");

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "kpi-card");
  gtk_widget_add_css_class (title_label, "kpi-title");
  gtk_widget_add_css_class (value_label, "kpi-value");
  gtk_widget_add_css_class (detail_label, "kpi-detail");
  gtk_widget_set_name (box, name);
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (detail_label), 2);
  /* Labels ask for their whole text's width, which would decide how many cards fit on a
   * line; ask for a small card's width instead (the text still shows in full when the
   * card is wider). */
  gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (value_label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 14);
  gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_valign (detail_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_flow_box_append (self->kpi_cards, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  g_hash_table_insert (self->kpi_values, g_strdup (name), value_label);
  g_hash_table_insert (self->kpi_details, g_strdup (name), detail_label);
}

static void
set_card (JxFunnelView *self,
          const char   *name,
          const char   *value,
          const char   *detail)
{
  gtk_label_set_text (g_hash_table_lookup (self->kpi_values, name), value);
  gtk_label_set_text (g_hash_table_lookup (self->kpi_details, name), detail);
}

static void
update_cards (JxFunnelView *self)
{
  const JxFunnelReport *r = self->report;
  g_autofree char *cur = currency (self);

  {
    g_autofree char *rate = jx_percent_format (r->win_rate, 1);
    g_autofree char *won = jx_number_format (r->won_count);
    g_autofree char *lost = jx_number_format (r->lost_count);
    /* Translators: under the win rate; %s are numbers of deals. */
    g_autofree char *detail = g_strdup_printf (_("%s won, %s lost, closed in the period"), won,
                                               lost);
    set_card (self, "win-rate", rate, detail);
  }
  {
    g_autofree char *money = jx_money_format_compact (isfinite (r->velocity_per_day)
                                                      ? (gint64) llround (r->velocity_per_day)
                                                      : 0, cur);
    g_autofree char *value = isfinite (r->velocity_per_day) ? g_strdup (money) : g_strdup ("—");
    g_autofree char *open = jx_number_format (r->open_count);
    /* Translators: under the sales velocity (an amount); %s is a number of deals. */
    g_autofree char *detail = g_strdup_printf (_("Per day, from %s open deals at this win rate"),
                                               open);
    set_card (self, "velocity", value, detail);
  }
  {
    g_autofree char *weighted = jx_money_format_compact (r->weighted_pipeline, cur);
    g_autofree char *open = jx_money_format_compact (r->open_amount, cur);
    /* Translators: under the weighted pipeline; %s is an amount. */
    g_autofree char *detail = g_strdup_printf (_("Open pipeline %s, weighted by stage "
                                                 "probability"), open);
    set_card (self, "weighted", weighted, detail);
  }
  {
    g_autofree char *value = NULL;
    g_autofree char *detail = NULL;

    if (r->has_target && isfinite (r->coverage))
      {
        g_autofree char *pipeline = jx_money_format_compact (r->pipeline_in_period, cur);
        g_autofree char *remaining = jx_money_format_compact (r->target_remaining, cur);

        /* Translators: pipeline coverage, such as "2.4×". */
        value = g_strdup_printf (_("%.1f×"), r->coverage);
        /* Translators: under the coverage; %s are amounts. */
        detail = g_strdup_printf (_("%s expected to close against %s still to reach"), pipeline,
                                  remaining);
      }
    else if (r->has_target)
      {
        value = g_strdup ("—");
        detail = g_strdup (_("The target for this period is already reached"));
      }
    else
      {
        value = g_strdup ("—");
        detail = g_strdup (_("No target matches this period and these filters"));
      }
    set_card (self, "coverage", value, detail);
  }
  {
    g_autofree char *value = days_text (r->mean_days_to_win);
    g_autofree char *mean = jx_money_format_compact (isfinite (r->mean_won_amount)
                                                     ? (gint64) llround (r->mean_won_amount)
                                                     : 0, cur);
    /* Translators: under the mean days to win; %s is an amount. */
    g_autofree char *detail = isfinite (r->mean_won_amount)
                              ? g_strdup_printf (_("From opened to won; a won deal brings %s "
                                                   "on average"), mean)
                              : g_strdup (_("From opened to won; no deal was won in the period"));
    set_card (self, "days-to-win", value, detail);
  }
}

static GtkWidget *
table_cell (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, !number);
  if (row == 0)
    gtk_widget_add_css_class (label, "stage-table-header");
  else if (row % 2 == 0)
    gtk_widget_add_css_class (label, "stage-table-even");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static void
update_stage_table (JxFunnelView *self)
{
  const JxFunnelReport *r = self->report;
  g_autofree char *cur = currency (self);
  GtkWidget *child;
  const char *headers[] = {
    _("Stage"), _("Probability"), _("Open Now"), _("Amount"), _("Reached"), _("Conversion"),
    _("Mean Days"), _("Median Days"), _("Stalled"), _("Stalled After"),
  };
  const char *header_tips[] = {
    NULL,
    _("The win probability of the stage, for the weighted pipeline"),
    _("Open deals in the stage today"),
    _("The amount of the open deals in the stage today"),
    _("Deals opened in the period that reached the stage or went further"),
    _("Share of the deals that reached this stage and also reached the next one (won, for "
      "the last stage)"),
    _("Mean days a deal spent in the stage, over the stays that ended in the period"),
    _("Median days a deal spent in the stage, over the stays that ended in the period"),
    _("Open deals in the stage for longer than its threshold"),
    _("The stalled threshold: set in the stages editor, or suggested from history"),
  };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stage_table))) != NULL)
    gtk_grid_remove (self->stage_table, child);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = table_cell (self->stage_table, headers[c], c, 0, c > 0);

      gtk_widget_set_tooltip_text (label, header_tips[c]);
    }
  for (guint i = 0; i < r->n_stages; i++)
    {
      const JxFunnelStage *s = &r->stages[i];
      int row = i + 1;
      /* Translators: a percentage, such as a win probability of "40%". */
      g_autofree char *probability = g_strdup_printf (_("%d%%"), s->probability);
      g_autofree char *count = jx_number_format (s->count);
      g_autofree char *amount = jx_money_format_compact (s->amount, cur);
      g_autofree char *reached = jx_number_format (s->reached);
      g_autofree char *conversion = jx_percent_format (s->conversion_to_next, 1);
      g_autofree char *mean = days_text (s->mean_days);
      g_autofree char *median = days_text (s->median_days);
      g_autofree char *stalled = jx_number_format (s->stalled);
      g_autofree char *threshold = NULL;
      GtkWidget *label;

      if (s->stalled_threshold > 0)
        threshold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                                  s->stalled_threshold),
                                     s->stalled_threshold);
      else
        threshold = g_strdup ("—");

      table_cell (self->stage_table, s->name, 0, row, FALSE);
      table_cell (self->stage_table, probability, 1, row, TRUE);
      table_cell (self->stage_table, count, 2, row, TRUE);
      table_cell (self->stage_table, amount, 3, row, TRUE);
      table_cell (self->stage_table, reached, 4, row, TRUE);
      table_cell (self->stage_table, conversion, 5, row, TRUE);
      table_cell (self->stage_table, mean, 6, row, TRUE);
      table_cell (self->stage_table, median, 7, row, TRUE);
      label = table_cell (self->stage_table, stalled, 8, row, TRUE);
      if (s->stalled > 0)
        gtk_widget_add_css_class (label, "warning");
      label = table_cell (self->stage_table, threshold, 9, row, TRUE);
      if (s->threshold_suggested && s->stalled_threshold > 0)
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_tooltip_text (label, _("Suggested from history: one deal in five that "
                                                "left the stage stayed longer"));
        }
    }
}

static void
update_period_label (JxFunnelView *self)
{
  g_autofree char *period = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *text = NULL;
  GDate today;

  jx_view_get_today (JX_VIEW (self), &today);
  today_text = jx_date_format (&today);
  if (g_date_valid (&self->filter.from) && g_date_valid (&self->filter.to))
    {
      JxPeriod p = { self->filter.from, self->filter.to };

      period = jx_period_format (&p);
    }
  else if (g_date_valid (&self->filter.from))
    {
      g_autofree char *from = jx_date_format (&self->filter.from);
      /* Translators: an open-ended period; %s is its first day. */
      period = g_strdup_printf (_("From %s"), from);
    }
  else if (g_date_valid (&self->filter.to))
    {
      g_autofree char *to = jx_date_format (&self->filter.to);
      /* Translators: an open-ended period; %s is its last day. */
      period = g_strdup_printf (_("Until %s"), to);
    }
  else
    period = g_strdup (_("All time"));
  /* Translators: above the funnel's figures; the period, then today's date. */
  text = g_strdup_printf (_("%s · open deals as of %s"), period, today_text);
  gtk_label_set_text (self->period_label, text);
}

static void
update_stalled (JxFunnelView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GDate today;

  jx_view_get_today (JX_VIEW (self), &today);
  g_clear_pointer (&self->stalled_ids, g_array_unref);
  g_clear_object (&self->stalled_deals);
  self->stalled_ids = jx_funnel_deal_ids (self->store, &self->filter, &today,
                                          JX_FUNNEL_SET_STALLED, 0, &error);
  if (self->stalled_ids == NULL)
    {
      g_warning ("Could not list the stalled deals: %s", error->message);
      self->stalled_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  self->stalled_deals = jx_deal_list_new_for_ids (self->store, &today, self->stalled_ids);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->stalled_deals)));
  gtk_list_view_set_model (self->stalled_list, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (self->stalled_scroller, self->stalled_ids->len > 0);
  if (self->stalled_ids->len > 0)
    {
      g_autofree char *n = jx_number_format (self->stalled_ids->len);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s open deal has been in its stage longer than the "
                                      "stage's threshold; the longest first.",
                                      "%s open deals have been in their stage longer than the "
                                      "stage's threshold; the longest first.",
                                      self->stalled_ids->len), n);
      gtk_label_set_text (self->stalled_subtitle, text);
    }
  else
    gtk_label_set_text (self->stalled_subtitle,
                        _("No open deal has been in its stage longer than the threshold."));
}

static int
band_of_stage (JxFunnelView *self,
               gint64        stage_id)
{
  for (guint i = 0; self->report != NULL && i < self->report->n_stages; i++)
    if (self->report->stages[i].stage_id == stage_id)
      return i;
  return JX_FUNNEL_HIT_NONE;
}

static void
recompute (JxFunnelView *self)
{
  g_autoptr(GError) error = NULL;
  JxFunnelReport *report;
  JxDealFilter filter;
  GDate today;

  if (self->store == NULL || !self->ready)
    return;
  if (!build_filter (self, &filter))
    return;   /* a custom date being typed: keep the figures shown */
  jx_view_get_today (JX_VIEW (self), &today);
  report = jx_funnel_compute (self->store, &filter, &today, &error);
  if (report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->report, jx_funnel_report_free);
  self->report = report;
  self->filter = filter;

  jx_funnel_chart_set_report (self->chart, report);
  update_period_label (self);
  update_cards (self);
  update_stage_table (self);
  update_stalled (self);
  if (self->band_stage_id > 0 && band_of_stage (self, self->band_stage_id) < 0)
    self->band_stage_id = 0;
  jx_funnel_chart_set_selected (self->chart, self->band_stage_id > 0
                                             ? band_of_stage (self, self->band_stage_id)
                                             : self->band_outcome);
  update_band_list (self);
  gtk_stack_set_visible_child_name (self->stack, "funnel");
}

static gboolean
recompute_cb (gpointer data)
{
  JxFunnelView *self = data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recompute (JxFunnelView *self)
{
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add (recompute_cb, self);
}

/* The deals of a band ----------------------------------------------------------------- */

static JxFunnelSet
band_set (JxFunnelView *self)
{
  if (self->band_outcome == JX_FUNNEL_HIT_WON)
    return JX_FUNNEL_SET_WON;
  if (self->band_outcome == JX_FUNNEL_HIT_LOST)
    return JX_FUNNEL_SET_LOST;
  if (gtk_toggle_button_get_active (self->now_button))
    return JX_FUNNEL_SET_IN_STAGE;
  if (gtk_toggle_button_get_active (self->stalled_button))
    return JX_FUNNEL_SET_STALLED;
  return JX_FUNNEL_SET_REACHED;
}

static void
update_band_list (JxFunnelView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *n = NULL;
  g_autofree char *subtitle = NULL;
  gboolean outcome = self->band_outcome != JX_FUNNEL_HIT_NONE;
  JxFunnelSet set = band_set (self);
  int band = band_of_stage (self, self->band_stage_id);
  GDate today;

  g_clear_pointer (&self->band_ids, g_array_unref);
  g_clear_object (&self->band_deals);
  gtk_list_view_set_model (self->band_list, NULL);
  if (self->report == NULL || (band < 0 && !outcome))
    {
      gtk_label_set_text (self->band_title, _("Deals"));
      gtk_label_set_text (self->band_subtitle, "");
      gtk_widget_set_visible (self->set_box, FALSE);
      gtk_label_set_text (self->band_hint, _("Click a band of the funnel, or select the chart "
                                             "and use the arrow keys, to list its deals here."));
      gtk_stack_set_visible_child_name (self->band_stack, "hint");
      return;
    }

  jx_view_get_today (JX_VIEW (self), &today);
  self->band_ids = jx_funnel_deal_ids (self->store, &self->filter, &today, set,
                                       outcome ? 0 : self->band_stage_id, &error);
  if (self->band_ids == NULL)
    {
      g_warning ("Could not list the band's deals: %s", error->message);
      self->band_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  self->band_deals = jx_deal_list_new_for_ids (self->store, &today, self->band_ids);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->band_deals)));
  gtk_list_view_set_model (self->band_list, GTK_SELECTION_MODEL (selection));

  n = jx_number_format (self->band_ids->len);
  gtk_widget_set_visible (self->set_box, !outcome);
  switch (set)
    {
    case JX_FUNNEL_SET_WON:
      gtk_label_set_text (self->band_title, _("Won"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal won in the period",
                                               "%s deals won in the period",
                                               self->band_ids->len), n);
      break;
    case JX_FUNNEL_SET_LOST:
      gtk_label_set_text (self->band_title, _("Lost"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal lost in the period",
                                               "%s deals lost in the period",
                                               self->band_ids->len), n);
      break;
    case JX_FUNNEL_SET_IN_STAGE:
      gtk_label_set_text (self->band_title, self->report->stages[band].name);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s open deal in this stage today",
                                               "%s open deals in this stage today",
                                               self->band_ids->len), n);
      break;
    case JX_FUNNEL_SET_STALLED:
      gtk_label_set_text (self->band_title, self->report->stages[band].name);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s deal stalled in this stage, the longest first",
                                               "%s deals stalled in this stage, the longest first",
                                               self->band_ids->len), n);
      break;
    case JX_FUNNEL_SET_REACHED:
    default:
      gtk_label_set_text (self->band_title, self->report->stages[band].name);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s deal opened in the period reached this stage",
                                               "%s deals opened in the period reached this stage",
                                               self->band_ids->len), n);
      break;
    }
  gtk_label_set_text (self->band_subtitle, subtitle);
  if (self->band_ids->len == 0)
    {
      gtk_label_set_text (self->band_hint, _("No deals."));
      gtk_stack_set_visible_child_name (self->band_stack, "hint");
    }
  else
    gtk_stack_set_visible_child_name (self->band_stack, "list");
}

static void
on_band_activated_cb (JxFunnelView *self,
                      int           band)
{
  if (self->report == NULL)
    return;
  if (band >= 0 && (guint) band < self->report->n_stages)
    {
      self->band_stage_id = self->report->stages[band].stage_id;
      self->band_outcome = JX_FUNNEL_HIT_NONE;
    }
  else if (band == JX_FUNNEL_HIT_WON || band == JX_FUNNEL_HIT_LOST)
    {
      self->band_stage_id = 0;
      self->band_outcome = band;
    }
  else
    return;
  update_band_list (self);
}

static void
on_set_toggled_cb (GtkToggleButton *button,
                   JxFunnelView    *self)
{
  if (gtk_toggle_button_get_active (button))
    update_band_list (self);
}

/* Deal rows ---------------------------------------------------------------------------- */

static void
setup_deal_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *amount = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "deal-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), amount);
  gtk_list_item_set_child (item, row);
}

static void
bind_deal_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  JxDeal *deal = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *amount = gtk_widget_get_next_sibling (text);
  g_autoptr(GString) sub = g_string_new (NULL);
  const char *parts[] = { jx_deal_get_customer (deal), jx_deal_get_owner (deal),
                          jx_deal_get_stage (deal) };
  int days = jx_deal_get_days_in_stage (deal);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", parts[i]);
  if (jx_deal_get_status (deal) == 0 && days >= 0)
    {
      /* Translators: how long an open deal has been in its stage. */
      g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day in stage",
                                                         "%d days in stage", days), days);
      g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", d);
    }
  gtk_label_set_text (GTK_LABEL (title), *jx_deal_get_title (deal) != '\0'
                                         ? jx_deal_get_title (deal) : jx_deal_get_ref (deal));
  gtk_label_set_text (GTK_LABEL (subtitle), sub->str);
  gtk_label_set_text (GTK_LABEL (amount), jx_deal_get_amount_text (deal));
}

static GtkListItemFactory *
deal_row_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_deal_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_deal_row_cb), NULL);
  return factory;
}

static void
open_deal_at (JxFunnelView *self,
              JxDealList   *deals,
              guint         position)
{
  gint64 id = deals != NULL ? jx_deal_list_get_id (deals, position) : 0;

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x", id);
}

static void
on_band_list_activate_cb (JxFunnelView *self,
                          guint         position)
{
  open_deal_at (self, self->band_deals, position);
}

static void
on_stalled_list_activate_cb (JxFunnelView *self,
                             guint         position)
{
  open_deal_at (self, self->stalled_deals, position);
}

/* Loading and the store ---------------------------------------------------------------- */

static void
on_preloaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JxFunnelView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jx_funnel_preload_finish (JX_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      JX_STORE (source) != self->store)
    return;
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);
  if (!ok)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->ready = TRUE;
  recompute (self);
}

/* Loads the funnel cache when the view is first shown: at once if it is there, in a
 * worker thread with a spinner otherwise. */
static void
start_loading (JxFunnelView *self)
{
  if (self->store == NULL || self->ready || self->loading != NULL)
    return;
  if (jx_funnel_is_preloaded (self->store))
    {
      self->ready = TRUE;
      recompute (self);
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->loading = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  jx_funnel_preload_async (self->store, self->loading, on_preloaded_cb, g_object_ref (self));
}

static void
on_map_cb (JxFunnelView *self)
{
  start_loading (self);
}

static void
on_store_changed_cb (JxFunnelView *self,
                     guint         tables)
{
  if (tables & (JX_TABLE_DEALS | JX_TABLE_STAGE_EVENTS | JX_TABLE_STAGES | JX_TABLE_CUSTOMERS |
                JX_TABLE_PRODUCTS | JX_TABLE_TEAM_MEMBERS | JX_TABLE_REGIONS |
                JX_TABLE_TARGET_PLANS | JX_TABLE_TARGET_NODES | JX_TABLE_SETTINGS))
    queue_recompute (self);
}

static void
set_store (JxFunnelView *self,
           JxStore      *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);
  self->ready = FALSE;
  g_clear_pointer (&self->report, jx_funnel_report_free);
  self->band_stage_id = 0;
  self->band_outcome = JX_FUNNEL_HIT_NONE;
  g_clear_pointer (&self->band_ids, g_array_unref);
  g_clear_object (&self->band_deals);
  g_clear_pointer (&self->stalled_ids, g_array_unref);
  g_clear_object (&self->stalled_deals);
  gtk_list_view_set_model (self->band_list, NULL);
  gtk_list_view_set_model (self->stalled_list, NULL);
  jx_funnel_chart_set_report (self->chart, NULL);
  jx_funnel_chart_set_selected (self->chart, JX_FUNNEL_HIT_NONE);

  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (on_store_changed_cb), self);
  set_sources (self);
  gtk_stack_set_visible_child_name (self->stack, store != NULL ? "loading" : "empty");
  start_loading (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_FUNNEL_VIEW (view), store);
}

static void
edit_stages_activate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxFunnelView *self = JX_FUNNEL_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  jx_stages_editor_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
}

/* Print… and Export as PDF… make the funnel report for the filters on screen, the same
 * document `jingxi-cli report funnel` writes. */
static void
print_activate (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JxFunnelView *self = JX_FUNNEL_VIEW (widget);
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char iso[11];
  GDate today;

  if (self->store == NULL)
    return;
  jx_view_get_today (JX_VIEW (self), &today);
  report = jx_funnel_report_new (self->store, &self->filter, &today, &error);
  jx_date_to_iso_buf (&today, iso);
  /* Translators: the file name suggested for the funnel report; %s is a date. */
  name = g_strdup_printf (_("Funnel %s.pdf"), iso);
  jx_print_report_for_action (widget, action_name, report, error, name);
}

/* GObject ------------------------------------------------------------------------------ */

static void
jx_funnel_view_dispose (GObject *object)
{
  JxFunnelView *self = JX_FUNNEL_VIEW (object);

  jx_view_set_context (JX_VIEW (self), NULL);
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  for (guint dim = 0; dim < N_DIMS; dim++)
    {
      Dimension *d = &self->dims[dim];

      if (d->source != NULL)
        g_clear_signal_handler (&d->items_id, d->source);
      g_clear_object (&d->source);
    }
  G_OBJECT_CLASS (jx_funnel_view_parent_class)->dispose (object);
}

static void
jx_funnel_view_finalize (GObject *object)
{
  JxFunnelView *self = JX_FUNNEL_VIEW (object);

  for (guint dim = 0; dim < N_DIMS; dim++)
    {
      g_clear_pointer (&self->dims[dim].ids, g_array_unref);
      g_clear_pointer (&self->dims[dim].name, g_free);
      g_clear_object (&self->dims[dim].strings);
    }
  g_clear_pointer (&self->kpi_values, g_hash_table_unref);
  g_clear_pointer (&self->kpi_details, g_hash_table_unref);
  G_OBJECT_CLASS (jx_funnel_view_parent_class)->finalize (object);
}

static void
jx_funnel_view_class_init (JxFunnelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_funnel_view_dispose;
  object_class->finalize = jx_funnel_view_finalize;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-funnel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stack);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, rep_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, count_button);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, amount_button);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, period_label);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, kpi_cards);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, chart_card);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, band_title);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, band_subtitle);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, set_box);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, reached_button);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, now_button);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stalled_button);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, band_stack);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, band_hint);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, band_list);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stage_table);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stalled_subtitle);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stalled_scroller);
  gtk_widget_class_bind_template_child (widget_class, JxFunnelView, stalled_list);

  gtk_widget_class_install_action (widget_class, "funnel.edit-stages", NULL,
                                   edit_stages_activate);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_activate);
  gtk_widget_class_install_action (widget_class, "view.export-pdf", NULL, print_activate);
}

static void
jx_funnel_view_init (JxFunnelView *self)
{
  GtkDropDown *dropdowns[N_DIMS];
  g_autoptr(GtkListItemFactory) band_factory = deal_row_factory ();
  g_autoptr(GtkListItemFactory) stalled_factory = deal_row_factory ();
  GtkWidget *child;

  self->band_outcome = JX_FUNNEL_HIT_NONE;
  self->kpi_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kpi_details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  jx_deal_filter_init (&self->filter);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The flow box's own children would take the focus before the controls. */
  for (child = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (
         self->custom_box)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->chart = JX_FUNNEL_CHART (jx_funnel_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (self->chart_card, GTK_WIDGET (self->chart));
  g_signal_connect_swapped (self->chart, "band-activated", G_CALLBACK (on_band_activated_cb),
                            self);

  dropdowns[DIM_REGION] = self->region_dropdown;
  dropdowns[DIM_REP] = self->rep_dropdown;
  dropdowns[DIM_LINE] = self->line_dropdown;
  dropdowns[DIM_TIER] = self->tier_dropdown;
  for (guint dim = 0; dim < N_DIMS; dim++)
    {
      Dimension *d = &self->dims[dim];

      d->self = self;
      d->dropdown = dropdowns[dim];
      d->strings = gtk_string_list_new (NULL);
      d->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gtk_drop_down_set_model (d->dropdown, G_LIST_MODEL (d->strings));
      gtk_drop_down_set_expression (d->dropdown,
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                 "string"));
      gtk_drop_down_set_enable_search (d->dropdown, dim != DIM_TIER);
      fill_dimension (self, dim, FALSE);
      g_signal_connect (d->dropdown, "notify::selected", G_CALLBACK (on_dimension_selected_cb),
                        d);
    }

  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (on_period_selected_cb), self);
  gtk_widget_set_visible (gtk_widget_get_parent (self->custom_box), FALSE);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (on_custom_date_changed_cb),
                            self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (on_custom_date_changed_cb),
                            self);
  g_signal_connect_swapped (self->amount_button, "toggled", G_CALLBACK (on_mode_toggled_cb), self);
  g_signal_connect (self->reached_button, "toggled", G_CALLBACK (on_set_toggled_cb), self);
  g_signal_connect (self->now_button, "toggled", G_CALLBACK (on_set_toggled_cb), self);
  g_signal_connect (self->stalled_button, "toggled", G_CALLBACK (on_set_toggled_cb), self);

  gtk_list_view_set_factory (self->band_list, band_factory);
  gtk_list_view_set_factory (self->stalled_list, stalled_factory);
  g_signal_connect_swapped (self->band_list, "activate", G_CALLBACK (on_band_list_activate_cb),
                            self);
  g_signal_connect_swapped (self->stalled_list, "activate",
                            G_CALLBACK (on_stalled_list_activate_cb), self);

  add_card (self, "win-rate", _("Win Rate"),
            _("Won ÷ (won + lost), over the deals closed in the period"));
  add_card (self, "velocity", _("Sales Velocity"),
            _("Open deals × win rate × mean won amount ÷ mean days to win: the revenue the "
              "pipeline brings in per day"));
  add_card (self, "weighted", _("Weighted Pipeline"),
            _("The amount of every open deal times its stage's win probability"));
  add_card (self, "coverage", _("Coverage"),
            _("Open pipeline expected to close in the period ÷ the target still to reach"));
  add_card (self, "days-to-win", _("Days to Win"),
            _("Mean days from opened to won, over the deals won in the period"));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  update_band_list (self);
}

/* For tests ---------------------------------------------------------------------------- */

/* Whether the funnel cache is loaded and the figures are shown. */
gboolean
jx_funnel_view_is_ready (JxFunnelView *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), FALSE);

  return self->ready && self->report != NULL && self->recompute_id == 0;
}

/* The funnel the view shows, or %NULL. */
const JxFunnelReport *
jx_funnel_view_get_report (JxFunnelView *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  return self->report;
}

JxFunnelChart *
jx_funnel_view_get_chart (JxFunnelView *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  return self->chart;
}

/* The filter of the figures shown. */
void
jx_funnel_view_get_filter (JxFunnelView *self,
                           JxDealFilter *filter)
{
  g_return_if_fail (JX_IS_FUNNEL_VIEW (self));

  *filter = self->filter;
}

/* The ids the list beside the chart shows (in its order), or %NULL when none is shown. */
GArray *
jx_funnel_view_get_band_deal_ids (JxFunnelView *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  return self->band_ids;
}

/* The list model behind the band's deal list or the stalled deal list. */
GListModel *
jx_funnel_view_get_deal_list (JxFunnelView *self,
                              gboolean      stalled)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  return G_LIST_MODEL (stalled ? self->stalled_deals : self->band_deals);
}

/* A filter control: "period", "region", "rep", "line" or "tier". */
GtkDropDown *
jx_funnel_view_get_dropdown (JxFunnelView *self,
                             const char   *name)
{
  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  if (g_str_equal (name, "period"))
    return self->period_dropdown;
  if (g_str_equal (name, "region"))
    return self->region_dropdown;
  if (g_str_equal (name, "rep"))
    return self->rep_dropdown;
  if (g_str_equal (name, "line"))
    return self->line_dropdown;
  if (g_str_equal (name, "tier"))
    return self->tier_dropdown;
  g_return_val_if_reached (NULL);
}

/* The custom period's date fields. */
void
jx_funnel_view_get_date_entries (JxFunnelView  *self,
                                 GtkEntry     **from,
                                 GtkEntry     **to)
{
  g_return_if_fail (JX_IS_FUNNEL_VIEW (self));

  *from = self->from_entry;
  *to = self->to_entry;
}

/* The text of a key figure: "win-rate", "velocity", "weighted", "coverage", "days-to-win". */
const char *
jx_funnel_view_get_card_value (JxFunnelView *self,
                               const char   *card)
{
  GtkLabel *label;

  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  label = g_hash_table_lookup (self->kpi_values, card);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* The text of a cell of the stage table (row 0 is the header). */
const char *
jx_funnel_view_get_table_text (JxFunnelView *self,
                               int           column,
                               int           row)
{
  GtkWidget *label;

  g_return_val_if_fail (JX_IS_FUNNEL_VIEW (self), NULL);

  label = gtk_grid_get_child_at (self->stage_table, column, row);
  return GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}
