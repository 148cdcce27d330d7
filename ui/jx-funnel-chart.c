/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-funnel-chart.h"
#include "jx-ui.h"

/*
 * The funnel chart on screen: the jx-funnel-layout painter, which JxChartWidget keeps once per
 * size, data and style and draws, with its hit test behind the tooltips, the clicks and the
 * pointer cursor, and a selected band that the arrow keys move.
 */

struct _JxFunnelChart {
  JxChartWidget      parent_instance;

  JxFunnelChartData  data;
  gboolean           has_data;
  JxFunnelMode       mode;
  int                selected;
};

G_DEFINE_FINAL_TYPE (JxFunnelChart, jx_funnel_chart, JX_TYPE_CHART_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_SELECTED,
  N_PROPS
};

enum {
  SIGNAL_BAND_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The colour a card shows on this window: card_bg_color is translucent over the window's
 * background, so the chart paints its own background in the blend of the two. */
static void
card_color (GtkWidget *widget,
            JxColor   *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA card, window;

  if (!gtk_style_context_lookup_color (context, "card_bg_color", &card) ||
      !gtk_style_context_lookup_color (context, "window_bg_color", &window))
    return;
  out->red = card.red * card.alpha + window.red * (1 - card.alpha);
  out->green = card.green * card.alpha + window.green * (1 - card.alpha);
  out->blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  out->alpha = 1;
}

static gpointer
jx_funnel_chart_new_layout (JxChartWidget      *widget,
                            const JxChartStyle *style,
                            int                 width,
                            int                 height)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (widget);
  JxChartStyle card_style = *style;

  if (!self->has_data)
    return NULL;
  card_color (GTK_WIDGET (self), &card_style.background);
  self->data.mode = self->mode;
  return jx_funnel_layout_new (&self->data, &card_style, width, height);
}

/* The outline that shows which band the list beside the chart is about. */
static void
draw_selection (JxFunnelChart  *self,
                JxFunnelLayout *layout,
                cairo_t        *cr)
{
  JxChartStyle style;
  double cx, top, bottom, top_w, bottom_w;

  /* The text colour stands out on every band, light or dark, where the accent would not. */
  jx_ui_chart_style_for (GTK_WIDGET (self), &style);
  jx_color_set_source (cr, &style.foreground);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (self->selected >= 0 &&
      jx_funnel_layout_get_band_shape (layout, self->selected, &cx, &top, &bottom, &top_w,
                                       &bottom_w))
    {
      top_w = MAX (top_w, 6);
      bottom_w = MAX (bottom_w, 6);
      cairo_move_to (cr, cx - top_w / 2 - 2, top - 2);
      cairo_line_to (cr, cx + top_w / 2 + 2, top - 2);
      cairo_line_to (cr, cx + bottom_w / 2 + 2, bottom + 2);
      cairo_line_to (cr, cx - bottom_w / 2 - 2, bottom + 2);
      cairo_close_path (cr);
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle_t r;

      if (jx_funnel_layout_get_outcome_rect (layout, self->selected, &r))
        {
          cairo_rectangle (cr, r.x - 2, r.y - 2, r.width + 4, r.height + 4);
          cairo_stroke (cr);
        }
    }
}

/* JxChartWidget draws the funnel; the selection goes on top of it. */
static void
jx_funnel_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (widget);
  JxFunnelLayout *layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  cairo_t *cr;

  GTK_WIDGET_CLASS (jx_funnel_chart_parent_class)->snapshot (widget, snapshot);
  if (layout == NULL || self->selected == JX_FUNNEL_HIT_NONE)
    return;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  draw_selection (self, layout, cr);
  cairo_destroy (cr);
}

/* Unlike the other charts, the funnel answers the keyboard too (the selected band), and keeps
 * its tooltip to the band under the pointer. */
static gboolean
jx_funnel_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (widget);
  JxFunnelLayout *layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  g_autofree char *text = NULL;
  int hit;
  double cx, top, bottom, top_w, bottom_w;
  cairo_rectangle_t r;

  if (layout == NULL)
    return FALSE;
  hit = keyboard ? self->selected : jx_funnel_layout_hit_test (layout, x, y);
  text = jx_funnel_layout_get_tooltip (layout, hit);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  /* The tooltip follows the pointer from band to band. */
  if (hit >= 0 &&
      jx_funnel_layout_get_band_shape (layout, hit, &cx, &top, &bottom, &top_w, &bottom_w))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { 0, (int) top,
                                                          gtk_widget_get_width (widget),
                                                          MAX ((int) (bottom - top), 1) });
  else if (jx_funnel_layout_get_outcome_rect (layout, hit, &r))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width,
                                                          (int) r.height });
  return TRUE;
}

/**
 * jx_funnel_chart_click:
 *
 * What a click at (@x, @y) does (the click gesture calls it): selects the band or outcome
 * there and emits JxFunnelChart::band-activated.
 *
 * Returns: the band hit, or JX_FUNNEL_HIT_NONE
 */
int
jx_funnel_chart_click (JxFunnelChart *self,
                       double         x,
                       double         y)
{
  JxFunnelLayout *layout;
  int hit;

  g_return_val_if_fail (JX_IS_FUNNEL_CHART (self), JX_FUNNEL_HIT_NONE);

  layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  if (layout == NULL)
    return JX_FUNNEL_HIT_NONE;
  hit = jx_funnel_layout_hit_test (layout, x, y);
  if (hit == JX_FUNNEL_HIT_NONE)
    return hit;
  jx_funnel_chart_set_selected (self, hit);
  g_signal_emit (self, signals[SIGNAL_BAND_ACTIVATED], 0, hit);
  return hit;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      JxFunnelChart   *self)
{
  if (jx_funnel_chart_click (self, x, y) != JX_FUNNEL_HIT_NONE)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              JxFunnelChart            *self)
{
  JxFunnelLayout *layout = jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
  gboolean over = layout != NULL && jx_funnel_layout_hit_test (layout, x, y) != JX_FUNNEL_HIT_NONE;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

/* The order the arrow keys go in: the bands top to bottom, then won, then lost. */
static int
step (JxFunnelChart *self,
      int            band,
      int            delta)
{
  int n = self->has_data ? (int) self->data.n_bands : 0;
  int index;

  if (n == 0)
    return JX_FUNNEL_HIT_NONE;
  if (band == JX_FUNNEL_HIT_NONE)
    return delta > 0 ? 0 : JX_FUNNEL_HIT_LOST;
  index = band >= 0 ? band : band == JX_FUNNEL_HIT_WON ? n : n + 1;
  index = CLAMP (index + delta, 0, n + 1);
  return index < n ? index : index == n ? JX_FUNNEL_HIT_WON : JX_FUNNEL_HIT_LOST;
}

static void
move_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (widget);
  int band = step (self, self->selected, g_variant_get_int32 (parameter));

  if (band == JX_FUNNEL_HIT_NONE || band == self->selected)
    return;
  jx_funnel_chart_set_selected (self, band);
  g_signal_emit (self, signals[SIGNAL_BAND_ACTIVATED], 0, band);
}

static void
jx_funnel_chart_finalize (GObject *object)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (object);

  if (self->has_data)
    jx_funnel_chart_data_clear (&self->data);
  G_OBJECT_CLASS (jx_funnel_chart_parent_class)->finalize (object);
}

static void
jx_funnel_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_funnel_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JxFunnelChart *self = JX_FUNNEL_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      jx_funnel_chart_set_mode (self, g_value_get_int (value));
      break;
    case PROP_SELECTED:
      jx_funnel_chart_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_funnel_chart_class_init (JxFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JxChartWidgetClass *chart_class = JX_CHART_WIDGET_CLASS (klass);

  object_class->finalize = jx_funnel_chart_finalize;
  object_class->get_property = jx_funnel_chart_get_property;
  object_class->set_property = jx_funnel_chart_set_property;
  widget_class->snapshot = jx_funnel_chart_snapshot;
  widget_class->query_tooltip = jx_funnel_chart_query_tooltip;
  chart_class->new_layout = jx_funnel_chart_new_layout;
  chart_class->draw_layout = (JxChartLayoutDraw) jx_funnel_layout_draw;
  chart_class->free_layout = (GDestroyNotify) jx_funnel_layout_free;
  chart_class->min_width = 320;
  chart_class->natural_width = 640;
  chart_class->min_height = 360;
  chart_class->natural_height = 480;

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, JX_FUNNEL_BY_COUNT, JX_FUNNEL_BY_AMOUNT,
                      JX_FUNNEL_BY_COUNT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, JX_FUNNEL_HIT_LOST, G_MAXINT, JX_FUNNEL_HIT_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JxFunnelChart::band-activated:
   * @band: the band's index, or JX_FUNNEL_HIT_WON / JX_FUNNEL_HIT_LOST
   *
   * A band or outcome was clicked or reached with the arrow keys.
   */
  signals[SIGNAL_BAND_ACTIVATED] =
    g_signal_new ("band-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move", "i", -1000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move", "i", 1000);

  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jx_funnel_chart_init (JxFunnelChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->selected = JX_FUNNEL_HIT_NONE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Funnel chart"), -1);
}

GtkWidget *
jx_funnel_chart_new (void)
{
  return g_object_new (JX_TYPE_FUNNEL_CHART, NULL);
}

/* Shows @report (copied), or nothing for %NULL. The selection stays if the band does. */
void
jx_funnel_chart_set_report (JxFunnelChart        *self,
                            const JxFunnelReport *report)
{
  g_return_if_fail (JX_IS_FUNNEL_CHART (self));

  if (self->has_data)
    jx_funnel_chart_data_clear (&self->data);
  self->has_data = report != NULL;
  if (report != NULL)
    jx_funnel_chart_data_init (&self->data, report, self->mode);
  if (self->selected >= 0 && (!self->has_data || (guint) self->selected >= self->data.n_bands))
    jx_funnel_chart_set_selected (self, JX_FUNNEL_HIT_NONE);
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
}

void
jx_funnel_chart_set_mode (JxFunnelChart *self,
                          JxFunnelMode   mode)
{
  g_return_if_fail (JX_IS_FUNNEL_CHART (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  jx_chart_widget_invalidate (JX_CHART_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

JxFunnelMode
jx_funnel_chart_get_mode (JxFunnelChart *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_CHART (self), JX_FUNNEL_BY_COUNT);

  return self->mode;
}

/* Outlines a band (its index), JX_FUNNEL_HIT_WON or _LOST, or nothing (_NONE). */
void
jx_funnel_chart_set_selected (JxFunnelChart *self,
                              int            band)
{
  g_return_if_fail (JX_IS_FUNNEL_CHART (self));

  if (self->selected == band)
    return;
  self->selected = band;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

int
jx_funnel_chart_get_selected (JxFunnelChart *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_CHART (self), JX_FUNNEL_HIT_NONE);

  return self->selected;
}

/* The layout at the widget's current size (for tests: where a band is), or %NULL. */
JxFunnelLayout *
jx_funnel_chart_get_layout (JxFunnelChart *self)
{
  g_return_val_if_fail (JX_IS_FUNNEL_CHART (self), NULL);

  return jx_chart_widget_get_layout (JX_CHART_WIDGET (self));
}
