/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jx-money.h"
#include "jx-target-private.h"
#include "jx-target-suggestion.h"

/*
 * Three data-driven amounts for a target, each with the figures it came from:
 * - the same period last year (52 weeks back for a week), with the target's filters;
 * - that figure times (1 + growth);
 * - a least-squares line through the last 8 complete fiscal quarters before today,
 *   projected onto the quarters the target's period covers (partial quarters by their
 *   share of days). Quarters before the first won deal are left out, since the history
 *   does not cover them; fitted values below zero count as zero.
 */

#define TREND_QUARTERS 8

struct _JxTargetSuggestion {
  GObject                 parent_instance;

  JxTargetSuggestionKind  kind;
  gboolean                available;
  gint64                  amount;
  char                   *title;
  char                   *explanation;
  JxPeriod                base_period;
  gint64                  base_value;
  double                  growth;
  double                  slope;
  double                  intercept;
  GArray                 *points;
  GArray                 *projected;
};

G_DEFINE_FINAL_TYPE (JxTargetSuggestion, jx_target_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_AMOUNT,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
point_clear (gpointer data)
{
  JxTargetSuggestionPoint *point = data;

  g_free (point->label);
}

static void
jx_target_suggestion_finalize (GObject *object)
{
  JxTargetSuggestion *self = JX_TARGET_SUGGESTION (object);

  g_free (self->title);
  g_free (self->explanation);
  g_array_unref (self->points);
  g_array_unref (self->projected);
  G_OBJECT_CLASS (jx_target_suggestion_parent_class)->finalize (object);
}

static void
jx_target_suggestion_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  JxTargetSuggestion *self = JX_TARGET_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_AMOUNT: g_value_set_int64 (value, self->amount); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_EXPLANATION: g_value_set_string (value, self->explanation); break;
    case PROP_AVAILABLE: g_value_set_boolean (value, self->available); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_target_suggestion_class_init (JxTargetSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_target_suggestion_finalize;
  object_class->get_property = jx_target_suggestion_get_property;
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, 2, 0, flags);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  properties[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_target_suggestion_init (JxTargetSuggestion *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (JxTargetSuggestionPoint));
  self->projected = g_array_new (FALSE, TRUE, sizeof (JxTargetSuggestionPoint));
  g_array_set_clear_func (self->points, point_clear);
  g_array_set_clear_func (self->projected, point_clear);
}

static char *
format_value (JxTargetNode *node,
              gint64        value,
              const char   *currency)
{
  return jx_target_node_format_amount (node, value, currency, FALSE);
}

static char *
quarter_label (const JxPeriod *quarter,
               int             fiscal_start_month)
{
  /* Translators: a fiscal quarter and its year, "Q1 2026". */
  return g_strdup_printf (_("Q%d %d"),
                          jx_period_fiscal_quarter_number (&quarter->from, fiscal_start_month),
                          jx_period_fiscal_year_label (&quarter->from, fiscal_start_month));
}

static JxTargetSuggestion *
last_year (JxTargetFacts *facts,
           JxTargetNode  *node,
           const char    *currency)
{
  JxTargetSuggestion *self = g_object_new (JX_TYPE_TARGET_SUGGESTION, NULL);
  JxPeriod period;
  g_autofree char *when = NULL;
  g_autofree char *value = NULL;

  jx_target_node_get_period (node, &period);
  jx_target_period_last_year (&period, node->dimension, &self->base_period);
  self->kind = JX_TARGET_SUGGESTION_LAST_YEAR;
  self->base_value = jx_target_facts_value_period (facts, node->metric, &node->filters,
                                                   &self->base_period.from,
                                                   &self->base_period.to);
  self->amount = self->base_value;
  self->available = TRUE;
  self->title = g_strdup (_("Same period last year"));
  when = jx_period_format (&self->base_period);
  value = format_value (node, self->base_value, currency);
  /* Translators: "Won revenue, Jan 1, 2025 – Dec 31, 2025: ¥1,234.00". */
  self->explanation = g_strdup_printf (_("%s, %s: %s"), jx_target_metric_label (node->metric),
                                       when, value);
  return self;
}

static JxTargetSuggestion *
growth (JxTargetSuggestion *base,
        JxTargetNode       *node,
        double              percent,
        const char         *currency)
{
  JxTargetSuggestion *self = g_object_new (JX_TYPE_TARGET_SUGGESTION, NULL);
  g_autofree char *pct = jx_percent_format (percent / 100, 1);
  g_autofree char *from = format_value (node, base->base_value, currency);
  g_autofree char *to = NULL;

  self->kind = JX_TARGET_SUGGESTION_GROWTH;
  self->base_period = base->base_period;
  self->base_value = base->base_value;
  self->growth = percent;
  self->amount = MAX (0, (gint64) llround (base->base_value * (1 + percent / 100)));
  self->available = TRUE;
  to = format_value (node, self->amount, currency);
  /* Translators: "Last year plus 15.0%". */
  self->title = g_strdup_printf (_("Last year plus %s"), pct);
  /* Translators: "¥100.00 × (1 + 15.0%) = ¥115.00". */
  self->explanation = g_strdup_printf (_("%s × (1 + %s) = %s"), from, pct, to);
  return self;
}

static int
months_between (const GDate *a,
                const GDate *b)
{
  return ((int) g_date_get_year (b) - (int) g_date_get_year (a)) * 12 +
         ((int) g_date_get_month (b) - (int) g_date_get_month (a));
}

static JxTargetSuggestion *
trend (JxTargetFacts *facts,
       JxTargetNode  *node,
       int            fiscal_start_month,
       const char    *currency)
{
  JxTargetSuggestion *self = g_object_new (JX_TYPE_TARGET_SUGGESTION, NULL);
  guint32 first_day = jx_target_facts_first_day (facts);
  JxPeriod current, first_quarter = { { 0 } };
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  double projected = 0;
  int n = 0;
  GDate today, day;
  g_autofree char *value = NULL;

  self->kind = JX_TARGET_SUGGESTION_TREND;
  self->title = g_strdup (_("Trend of the last 8 quarters"));
  jx_target_facts_get_today (facts, &today);
  jx_period_fiscal_quarter (&today, fiscal_start_month, &current);

  for (int k = TREND_QUARTERS; k >= 1; k--)
    {
      JxTargetSuggestionPoint point = { { { 0 } } };
      GDate start = current.from;
      double x = TREND_QUARTERS - k;

      g_date_subtract_months (&start, 3 * k);
      jx_period_fiscal_quarter (&start, fiscal_start_month, &point.period);
      if (k == TREND_QUARTERS)
        first_quarter = point.period;
      /* A quarter the history does not cover from its first day would drag the line. */
      if (first_day == 0 || g_date_get_julian (&point.period.from) < first_day)
        continue;
      point.label = quarter_label (&point.period, fiscal_start_month);
      point.value = jx_target_facts_value_period (facts, node->metric, &node->filters,
                                                  &point.period.from, &point.period.to);
      point.fitted = x;   /* the x of the point until the line is known */
      g_array_append_val (self->points, point);
      sx += x;
      sy += point.value;
      sxx += x * x;
      sxy += x * point.value;
      n++;
    }
  if (n < 2)
    {
      self->available = FALSE;
      self->explanation = g_strdup (_("Fewer than two complete quarters of history; no trend "
                                      "yet."));
      return self;
    }
  self->slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  self->intercept = (sy - self->slope * sx) / n;
  for (guint i = 0; i < self->points->len; i++)
    {
      JxTargetSuggestionPoint *p = &g_array_index (self->points, JxTargetSuggestionPoint, i);

      p->fitted = self->intercept + self->slope * p->fitted;
      p->fraction = 1;
    }

  /* Project onto each quarter the target's period touches. */
  day = node->from;
  while (g_date_compare (&day, &node->to) <= 0)
    {
      JxTargetSuggestionPoint point = { { { 0 } } };
      JxPeriod overlap;
      double x;

      jx_period_fiscal_quarter (&day, fiscal_start_month, &point.period);
      overlap.from = day;
      overlap.to = g_date_compare (&point.period.to, &node->to) < 0 ? point.period.to : node->to;
      x = months_between (&first_quarter.from, &point.period.from) / 3.0;
      point.label = quarter_label (&point.period, fiscal_start_month);
      point.fitted = MAX (0, self->intercept + self->slope * x);
      point.fraction = (double) jx_period_n_days (&overlap) / jx_period_n_days (&point.period);
      point.value = (gint64) llround (point.fitted * point.fraction);
      projected += point.fitted * point.fraction;
      g_array_append_val (self->projected, point);
      day = overlap.to;
      g_date_add_days (&day, 1);
    }
  self->amount = (gint64) llround (projected);
  self->available = TRUE;
  value = format_value (node, self->amount, currency);
  {
    const JxTargetSuggestionPoint *a = &g_array_index (self->points, JxTargetSuggestionPoint, 0);
    const JxTargetSuggestionPoint *b = &g_array_index (self->points, JxTargetSuggestionPoint,
                                                       self->points->len - 1);
    g_autofree char *slope = format_value (node, (gint64) llround (self->slope), currency);

    self->explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "A straight line through %1$d quarter "
                                                      "(%2$s to %3$s) grows by %4$s a quarter; "
                                                      "over this period it gives %5$s.",
                                                      "A straight line through %1$d quarters "
                                                      "(%2$s to %3$s) grows by %4$s a quarter; "
                                                      "over this period it gives %5$s.", n),
                                         n, a->label, b->label, slope, value);
  }
  return self;
}

GListModel *
jx_target_suggestions_compute (JxTargetFacts *facts,
                               JxTargetNode  *node,
                               double         growth_percent,
                               int            fiscal_start_month,
                               const char    *currency)
{
  GListStore *list = g_list_store_new (JX_TYPE_TARGET_SUGGESTION);
  g_autoptr(JxTargetSuggestion) base = last_year (facts, node, currency);
  g_autoptr(JxTargetSuggestion) grown = growth (base, node, growth_percent, currency);
  g_autoptr(JxTargetSuggestion) line = trend (facts, node, fiscal_start_month, currency);

  g_list_store_append (list, base);
  g_list_store_append (list, grown);
  g_list_store_append (list, line);
  return G_LIST_MODEL (list);
}

JxTargetSuggestionKind
jx_target_suggestion_get_kind (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->kind;
}

/* "last-year", "growth" or "trend". */
const char *
jx_target_suggestion_get_kind_name (JxTargetSuggestion *self)
{
  static const char *const names[] = { "last-year", "growth", "trend" };

  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), NULL);
  return names[self->kind];
}

gint64
jx_target_suggestion_get_amount (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->amount;
}

const char *
jx_target_suggestion_get_title (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), NULL);
  return self->title;
}

/* The figures behind the amount, in a sentence for the manager. */
const char *
jx_target_suggestion_get_explanation (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), NULL);
  return self->explanation;
}

/* %FALSE when there is not enough history (a trend needs two quarters). */
gboolean
jx_target_suggestion_get_available (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), FALSE);
  return self->available;
}

/* Last year's period (last-year and growth suggestions). */
void
jx_target_suggestion_get_base_period (JxTargetSuggestion *self,
                                      JxPeriod           *period)
{
  g_return_if_fail (JX_IS_TARGET_SUGGESTION (self));
  *period = self->base_period;
}

gint64
jx_target_suggestion_get_base_value (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->base_value;
}

double
jx_target_suggestion_get_growth_percent (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->growth;
}

/* The trend's growth per quarter (minor units or count). */
double
jx_target_suggestion_get_slope (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->slope;
}

/* The trend's value at the oldest of the 8 quarters (x = 0). */
double
jx_target_suggestion_get_intercept (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->intercept;
}

/* The quarters the trend was fitted to, oldest first. */
guint
jx_target_suggestion_get_n_points (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->points->len;
}

const JxTargetSuggestionPoint *
jx_target_suggestion_get_point (JxTargetSuggestion *self,
                                guint               i)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), NULL);
  g_return_val_if_fail (i < self->points->len, NULL);
  return &g_array_index (self->points, JxTargetSuggestionPoint, i);
}

/* The quarters of the target's period with the fitted value and the part of each used. */
guint
jx_target_suggestion_get_n_projected (JxTargetSuggestion *self)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), 0);
  return self->projected->len;
}

const JxTargetSuggestionPoint *
jx_target_suggestion_get_projected (JxTargetSuggestion *self,
                                    guint               i)
{
  g_return_val_if_fail (JX_IS_TARGET_SUGGESTION (self), NULL);
  g_return_val_if_fail (i < self->projected->len, NULL);
  return &g_array_index (self->projected, JxTargetSuggestionPoint, i);
}
