/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-tier-suggestions-page.h"
#include "jx-ui.h"

/*
 * Suggested tier moves: ABC classes by the last 12 months' revenue (A → Key, B → Growth,
 * C → Maintain) and churn risk (→ Defend), each with its reason in numbers, to tick and
 * apply as one undoable step; above them the Pareto chart that shows why.
 *
 * Suggestions are a snapshot of the customer base. They are computed again, shortly after
 * the customers change, only while the page is on screen; a hidden page just notes that it
 * is out of date.
 */

typedef enum {
  CELL_CHECK,
  CELL_CUSTOMER,
  CELL_MOVE,
  CELL_REASON,
  CELL_REVENUE,
  CELL_CLASS,
} CellKind;

typedef struct {
  const char *title;
  CellKind    kind;
  int         width;
} ColumnSpec;

static const ColumnSpec column_specs[] = {
  { NULL, CELL_CHECK, 44 },
  { N_("Customer"), CELL_CUSTOMER, -1 },
  { N_("Move"), CELL_MOVE, 190 },
  { N_("Reason"), CELL_REASON, -1 },
  { N_("Revenue 12 Mo."), CELL_REVENUE, 130 },
  /* Translators: the ABC class column of the suggestions (A, B or C). */
  { N_("Class"), CELL_CLASS, 70 },
};

struct _JxTierSuggestionsPage {
  AdwBin             parent_instance;

  GtkLabel          *summary_label;
  GtkCheckButton    *manual_check;
  JxParetoView      *pareto_view;
  GtkColumnView     *proposals_view;
  AdwStatusPage     *empty_page;

  JxCustomerBase    *base;
  gulong             rows_changed_id;
  JxTierSuggestions *suggestions;
  GtkNoSelection    *selection;
  gboolean           dirty;
  guint              refresh_id;
  gboolean           binding;
};

G_DEFINE_FINAL_TYPE (JxTierSuggestionsPage, jx_tier_suggestions_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_summary (JxTierSuggestionsPage *self)
{
  guint n = self->suggestions != NULL ? jx_tier_suggestions_get_n_proposals (self->suggestions) : 0;
  guint n_selected = self->suggestions != NULL
                     ? jx_tier_suggestions_get_n_selected (self->suggestions) : 0;
  g_autofree char *count = jx_number_format (n);
  g_autofree char *selected = jx_number_format (n_selected);
  g_autofree char *text = NULL;

  /* Translators: above the tier suggestions; %1$s proposals, %2$s of them ticked. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s suggested move · %2$s selected",
                                       "%1$s suggested moves · %2$s selected", n),
                          count, selected);
  gtk_label_set_text (self->summary_label, self->suggestions != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), self->suggestions != NULL && n == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.apply-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.apply-selected", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.select-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.select-none", n_selected > 0);
}

/* Computes the proposals and the Pareto curve again from the base. */
void
jx_tier_suggestions_page_refresh (JxTierSuggestionsPage *self)
{
  g_return_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;
  g_clear_object (&self->suggestions);
  if (self->base != NULL)
    {
      gint64 started = g_get_monotonic_time ();

      self->suggestions = jx_tier_suggestions_new (self->base,
                                                   gtk_check_button_get_active (self->manual_check));
      jx_pareto_view_set_pareto (self->pareto_view, jx_pareto_new (self->base));
      g_debug ("Suggestions and Pareto curve in %.1f ms",
               (g_get_monotonic_time () - started) / 1000.0);
    }
  else
    jx_pareto_view_set_pareto (self->pareto_view, NULL);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->suggestions));
  update_summary (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  JxTierSuggestionsPage *self = data;

  self->refresh_id = 0;
  jx_tier_suggestions_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_rows_changed_cb (JxTierSuggestionsPage *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh_timeout_cb, self);
}

static void
on_manual_toggled_cb (JxTierSuggestionsPage *self)
{
  jx_tier_suggestions_page_refresh (self);
}

/* Actions */

static void
apply (JxTierSuggestionsPage *self,
       gboolean               selected_only)
{
  g_autoptr(GError) error = NULL;
  guint moved = 0;

  if (self->suggestions == NULL)
    return;
  if (!jx_tier_suggestions_apply (self->suggestions, selected_only, &moved, &error))
    {
      jx_ui_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* The applied proposals are gone from the customers' point of view: show what is left. */
  jx_tier_suggestions_page_refresh (self);
  if (moved > 0)
    {
      g_autofree char *count = jx_number_format (moved);
      /* Translators: a toast; %s is a number of customers. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Moved %s customer as suggested",
                                                               "Moved %s customers as suggested",
                                                               moved), count);

      jx_ui_add_undo_toast (GTK_WIDGET (self), message);
    }
}

static void
apply_activate (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  apply (JX_TIER_SUGGESTIONS_PAGE (widget), g_str_equal (action_name, "suggestions.apply-selected"));
}

static void
select_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JxTierSuggestionsPage *self = JX_TIER_SUGGESTIONS_PAGE (widget);

  if (self->suggestions == NULL)
    return;
  jx_tier_suggestions_select_all (self->suggestions,
                                  g_str_equal (action_name, "suggestions.select-all"));
  update_summary (self);
}

/* Cells */

static void
on_check_toggled_cb (GtkCheckButton        *check,
                     JxTierSuggestionsPage *self)
{
  if (!self->binding)
    update_summary (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  const ColumnSpec *spec = user_data;
  JxTierSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "jx-page");
  GtkWidget *child;

  if (spec->kind == CELL_CHECK)
    {
      child = gtk_check_button_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (child, _("Apply this move"));
      g_signal_connect (child, "toggled", G_CALLBACK (on_check_toggled_cb), self);
    }
  else if (spec->kind == CELL_CUSTOMER)
    {
      GtkWidget *name = gtk_label_new (NULL);
      /* Translators: next to a customer in the suggestions: its tier was set by hand. */
      GtkWidget *manual = gtk_label_new (_("placed by hand"));

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (manual, "dim-label");
      gtk_widget_add_css_class (manual, "caption");
      gtk_box_append (GTK_BOX (child), name);
      gtk_box_append (GTK_BOX (child), manual);
      g_object_set_data (G_OBJECT (child), "jx-name", name);
      g_object_set_data (G_OBJECT (child), "jx-manual", manual);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (child), spec->kind == CELL_REVENUE ? 1
                                               : spec->kind == CELL_CLASS ? 0.5 : 0);
      if (spec->kind == CELL_REVENUE)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  const ColumnSpec *spec = user_data;
  JxTierSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "jx-page");
  JxTierProposalItem *proposal_item = gtk_list_item_get_item (item);
  const JxTierProposal *p = jx_tier_proposal_item_get_proposal (proposal_item);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (spec->kind)
    {
    case CELL_CHECK:
      self->binding = TRUE;
      g_object_set_data (G_OBJECT (child), "jx-binding",
                         g_object_bind_property (proposal_item, "selected", child, "active",
                                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
      self->binding = FALSE;
      break;
    case CELL_CUSTOMER:
      gtk_label_set_text (g_object_get_data (G_OBJECT (child), "jx-name"), p->customer_name);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (child), "jx-manual"), p->manual);
      break;
    case CELL_MOVE:
      {
        /* Translators: a tier move in the suggestions: from tier → to tier. */
        g_autofree char *text = g_strdup_printf (_("%1$s → %2$s"), jx_tier_get_label (p->from),
                                                 jx_tier_get_label (p->to));
        gtk_label_set_text (GTK_LABEL (child), text);
      }
      break;
    case CELL_REASON:
      gtk_label_set_text (GTK_LABEL (child), p->reason);
      gtk_widget_set_tooltip_text (child, p->reason);
      break;
    case CELL_REVENUE:
      {
        g_autofree char *text = jx_money_format_compact (p->revenue_12m,
                                                         jx_customer_base_get_currency (self->base));
        gtk_label_set_text (GTK_LABEL (child), text);
      }
      break;
    case CELL_CLASS:
    default:
      gtk_label_set_text (GTK_LABEL (child), jx_abc_class_to_string (p->abc_class));
      break;
    }
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const ColumnSpec *spec = user_data;
  GtkWidget *child = gtk_list_item_get_child (item);

  if (spec->kind == CELL_CHECK)
    {
      GBinding *binding = g_object_steal_data (G_OBJECT (child), "jx-binding");

      if (binding != NULL)
        g_binding_unbind (binding);
    }
}

static void
on_activate_cb (GtkColumnView         *view,
                guint                  position,
                JxTierSuggestionsPage *self)
{
  if (self->suggestions != NULL && position < jx_tier_suggestions_get_n_proposals (self->suggestions))
    g_signal_emit (self, signals[SIGNAL_CUSTOMER_ACTIVATED], 0,
                   jx_tier_suggestions_get_proposal (self->suggestions, position)->customer_id);
}

/* Public API */

void
jx_tier_suggestions_page_set_base (JxTierSuggestionsPage *self,
                                   JxCustomerBase        *base)
{
  g_return_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self));

  if (self->base == base)
    return;
  if (self->base != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->base);
  g_set_object (&self->base, base);
  if (base != NULL)
    self->rows_changed_id = g_signal_connect_swapped (base, "rows-changed",
                                                      G_CALLBACK (on_rows_changed_cb), self);
  if (base == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    jx_tier_suggestions_page_refresh (self);
  else
    {
      /* Computed when the page is first shown. */
      g_clear_object (&self->suggestions);
      gtk_no_selection_set_model (self->selection, NULL);
      self->dirty = TRUE;
    }
}

/* The proposals shown (computed now when they are out of date). */
JxTierSuggestions *
jx_tier_suggestions_page_get_suggestions (JxTierSuggestionsPage *self)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self), NULL);

  if (self->dirty)
    jx_tier_suggestions_page_refresh (self);
  return self->suggestions;
}

void
jx_tier_suggestions_page_set_include_manual (JxTierSuggestionsPage *self,
                                             gboolean               include)
{
  g_return_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self));

  gtk_check_button_set_active (self->manual_check, include);
}

JxParetoView *
jx_tier_suggestions_page_get_pareto_view (JxTierSuggestionsPage *self)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self), NULL);

  return self->pareto_view;
}

GtkColumnView *
jx_tier_suggestions_page_get_column_view (JxTierSuggestionsPage *self)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self), NULL);

  return self->proposals_view;
}

const char *
jx_tier_suggestions_page_get_summary (JxTierSuggestionsPage *self)
{
  g_return_val_if_fail (JX_IS_TIER_SUGGESTIONS_PAGE (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/* GObject */

static void
jx_tier_suggestions_page_map (GtkWidget *widget)
{
  JxTierSuggestionsPage *self = JX_TIER_SUGGESTIONS_PAGE (widget);

  GTK_WIDGET_CLASS (jx_tier_suggestions_page_parent_class)->map (widget);
  if (self->dirty && self->base != NULL)
    jx_tier_suggestions_page_refresh (self);
}

static void
jx_tier_suggestions_page_dispose (GObject *object)
{
  JxTierSuggestionsPage *self = JX_TIER_SUGGESTIONS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->base != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->base);
  g_clear_object (&self->base);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (jx_tier_suggestions_page_parent_class)->dispose (object);
}

static void
jx_tier_suggestions_page_class_init (JxTierSuggestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_tier_suggestions_page_dispose;
  widget_class->map = jx_tier_suggestions_page_map;

  signals[SIGNAL_CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (JX_TYPE_PARETO_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-tier-suggestions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JxTierSuggestionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxTierSuggestionsPage, manual_check);
  gtk_widget_class_bind_template_child (widget_class, JxTierSuggestionsPage, pareto_view);
  gtk_widget_class_bind_template_child (widget_class, JxTierSuggestionsPage, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, JxTierSuggestionsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_manual_toggled_cb);

  gtk_widget_class_install_action (widget_class, "suggestions.apply-selected", NULL,
                                   apply_activate);
  gtk_widget_class_install_action (widget_class, "suggestions.apply-all", NULL, apply_activate);
  gtk_widget_class_install_action (widget_class, "suggestions.select-all", NULL, select_activate);
  gtk_widget_class_install_action (widget_class, "suggestions.select-none", NULL,
                                   select_activate);
}

static void
jx_tier_suggestions_page_init (JxTierSuggestionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "jx-page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), (gpointer) spec);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), (gpointer) spec);
      column = gtk_column_view_column_new (spec->title != NULL ? _(spec->title) : NULL, factory);
      gtk_column_view_column_set_resizable (column, spec->kind != CELL_CHECK);
      if (spec->width > 0)
        gtk_column_view_column_set_fixed_width (column, spec->width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->proposals_view, column);
      g_object_unref (column);
    }
  self->selection = gtk_no_selection_new (NULL);
  gtk_column_view_set_model (self->proposals_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->proposals_view, "activate", G_CALLBACK (on_activate_cb), self);
  update_summary (self);
}
