/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-customer-list-page.h"
#include "jx-customer-sorter.h"

/*
 * The customer list: every customer with its figures in a GtkColumnView over a
 * JxCustomerList, with search, filters (tier, region with its subregions, owner, type, at
 * risk) and sorting by any column. The model filters and sorts 120,000 row indexes without
 * making objects; the view makes a row object only for the rows on screen.
 */

typedef enum {
  CELL_TEXT,
  CELL_NAME,
  CELL_NUMBER,
} CellKind;

typedef struct {
  const char     *id;
  const char     *title;
  JxCustomerSort  sort;
  const char     *property;
  CellKind        kind;
  int             width;     /* fixed width, or -1 to share the rest */
} ColumnSpec;

static const ColumnSpec column_specs[] = {
  { "name", N_("Customer"), JX_CUSTOMER_SORT_NAME, "name", CELL_NAME, -1 },
  { "type", N_("Type"), JX_CUSTOMER_SORT_TYPE, "type-name", CELL_TEXT, 130 },
  { "region", N_("Region"), JX_CUSTOMER_SORT_REGION, "region-name", CELL_TEXT, 120 },
  { "owner", N_("Owner"), JX_CUSTOMER_SORT_OWNER, "owner-name", CELL_TEXT, 140 },
  { "tier", N_("Tier"), JX_CUSTOMER_SORT_TIER, "tier-label", CELL_TEXT, 110 },
  { "revenue", N_("Revenue 12 Mo."), JX_CUSTOMER_SORT_REVENUE, "revenue-text", CELL_NUMBER, 130 },
  { "change", N_("Change"), JX_CUSTOMER_SORT_CHANGE, "change-text", CELL_NUMBER, 90 },
  { "last-won", N_("Last Won"), JX_CUSTOMER_SORT_LAST_WON, "last-won-text", CELL_NUMBER, 120 },
  { "pipeline", N_("Open Pipeline"), JX_CUSTOMER_SORT_OPEN_PIPELINE, "open-pipeline-text",
    CELL_NUMBER, 130 },
};

struct _JxCustomerListPage {
  AdwBin             parent_instance;

  GtkSearchEntry    *search_entry;
  GtkDropDown       *tier_dropdown;
  GtkDropDown       *region_dropdown;
  GtkDropDown       *owner_dropdown;
  GtkDropDown       *type_dropdown;
  GtkStringList     *tier_names;
  GtkStringList     *region_names;
  GtkStringList     *owner_names;
  GtkStringList     *type_names;
  GtkToggleButton   *risk_button;
  GtkLabel          *summary_label;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkButton         *empty_button;
  GtkColumnViewColumn *columns[G_N_ELEMENTS (column_specs)];

  JxCustomerBase    *base;
  JxCustomerList    *list;
  GtkSingleSelection *selection;
  gulong             n_items_id;
  gulong             total_id;
  JxNameList        *regions;
  JxNameList        *owners;
  JxNameList        *types;
  GArray            *region_ids;     /* gint64 per dropdown row; 0 for "all" */
  GArray            *owner_ids;
  GArray            *type_ids;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (JxCustomerListPage, jx_customer_list_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tier filter's rows: all, then the board's order. */
static const int tier_rows[] = { -1, JX_TIER_KEY, JX_TIER_GROWTH, JX_TIER_MAINTAIN, JX_TIER_DEFEND,
                                 JX_TIER_NONE };

static void
update_summary (JxCustomerListPage *self)
{
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->list == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  count = jx_number_format (n);
  total = jx_money_format_compact (jx_customer_list_get_revenue_total (self->list),
                                   jx_customer_base_get_currency (self->base));
  /* Translators: above the customer list; %1$s customers, %2$s their won revenue. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s customer · %2$s won in 12 months",
                                       "%1$s customers · %2$s won in 12 months", n),
                          count, total);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
  if (n > 0)
    return;
  /* Nothing matches the filters, or there is nothing to match: a new database. */
  if (jx_customer_base_get_n_rows (self->base) > 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Customers Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("No customer matches the search and filters. Clear "
                                         "them to see every customer."));
      gtk_button_set_label (self->empty_button, _("_Clear Filters"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Customers Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import your customers from a CSV file that a CRM, an "
                                         "ERP or a spreadsheet wrote."));
      gtk_button_set_label (self->empty_button, _("_Import…"));
    }
}

/* Filters */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static void
apply_filters (JxCustomerListPage *self)
{
  guint tier_row;

  if (self->list == NULL || self->filling)
    return;
  tier_row = gtk_drop_down_get_selected (self->tier_dropdown);
  jx_customer_list_set_tier_mask (self->list,
                                  tier_row > 0 && tier_row < G_N_ELEMENTS (tier_rows)
                                  ? JX_TIER_BIT (tier_rows[tier_row]) : JX_TIER_MASK_ALL);
  jx_customer_list_set_region_id (self->list, selected_id (self->region_dropdown,
                                                           self->region_ids));
  jx_customer_list_set_owner_id (self->list, selected_id (self->owner_dropdown, self->owner_ids));
  jx_customer_list_set_type_id (self->list, selected_id (self->type_dropdown, self->type_ids));
  jx_customer_list_set_at_risk_only (self->list, gtk_toggle_button_get_active (self->risk_button));
}

static void
on_filter_changed_cb (JxCustomerListPage *self)
{
  apply_filters (self);
}

static void
on_search_changed_cb (JxCustomerListPage *self)
{
  if (self->list != NULL)
    jx_customer_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_clear_filters_cb (JxCustomerListPage *self)
{
  /* The button imports when there are no customers at all. */
  if (self->base != NULL && jx_customer_base_get_n_rows (self->base) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.import", NULL);
      return;
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_toggle_button_set_active (self->risk_button, FALSE);
  self->filling = FALSE;
  if (self->list != NULL)
    jx_customer_list_set_search (self->list, NULL);
  apply_filters (self);
}

/* Fills a filter's rows from a name list, keeping the chosen item when it still exists. */
static void
fill_names (JxCustomerListPage *self,
            GtkDropDown        *dropdown,
            GtkStringList      *names,
            GArray             *ids,
            JxNameList         *source,
            const char         *all_label)
{
  gint64 chosen = selected_id (dropdown, ids);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint n = source != NULL ? g_list_model_get_n_items (G_LIST_MODEL (source)) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint select = 0;

  self->filling = TRUE;
  g_array_set_size (ids, 0);
  g_array_append_val (ids, (gint64) { 0 });
  g_ptr_array_add (labels, (gpointer) all_label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (source), i);
      gint64 id = jx_named_item_get_id (item);

      if (id == chosen)
        select = ids->len;
      g_array_append_val (ids, id);
      g_ptr_array_add (labels, (gpointer) jx_named_item_get_name (item));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (names, 0, n_old, (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, select);
  self->filling = FALSE;
}

static void
fill_filters (JxCustomerListPage *self)
{
  fill_names (self, self->region_dropdown, self->region_names, self->region_ids, self->regions,
              _("All Regions"));
  fill_names (self, self->owner_dropdown, self->owner_names, self->owner_ids, self->owners,
              _("All Owners"));
  fill_names (self, self->type_dropdown, self->type_names, self->type_ids, self->types,
              _("All Types"));
  apply_filters (self);
}

static void
on_names_changed_cb (JxCustomerListPage *self)
{
  fill_filters (self);
}

/* Sorting */

static void
on_sorter_changed_cb (GtkSorter          *sorter,
                      GtkSorterChange     change,
                      JxCustomerListPage *self)
{
  JxCustomerSort key = JX_CUSTOMER_SORT_NAME;
  gboolean descending = FALSE;

  if (self->list == NULL)
    return;
  if (!jx_customer_sorter_read_column_view (sorter, &key, &descending))
    key = JX_CUSTOMER_SORT_NAME, descending = FALSE;
  jx_customer_list_set_sort (self->list, key, descending);
}

/* Sorts as a click on the column's header would ("name", "revenue", …). */
gboolean
jx_customer_list_page_sort_by (JxCustomerListPage *self,
                               const char         *column,
                               gboolean            descending)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    if (g_str_equal (column_specs[i].id, column))
      {
        gtk_column_view_sort_by_column (self->column_view, self->columns[i],
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        return TRUE;
      }
  return FALSE;
}

/* Cells
 *
 * GTK 4.8's GtkSignalListItemFactory unbinds and binds a row again whenever its position or
 * selection changes, so a card moved on the tier board re-binds every row below it in this
 * (hidden) list. Binding the item a cell already shows therefore does nothing, and unbinding
 * waits for the next bind; the risk icon's tooltip is made on hover, because setting a
 * tooltip asks the X server where the pointer is. */

/* The risk icon's tooltip: why the customer of the cell is at risk. */
static gboolean
on_risk_query_tooltip_cb (GtkWidget  *icon,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          GtkWidget  *cell)
{
  JxCustomer *customer = g_object_get_data (G_OBJECT (cell), "jx-customer");
  const char *text = customer != NULL ? jx_customer_get_risk_text (customer) : NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  const ColumnSpec *spec = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (spec->kind == CELL_NUMBER)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);

  if (spec->kind == CELL_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (icon, "risk-icon");
      gtk_widget_set_has_tooltip (icon, TRUE);
      g_signal_connect (icon, "query-tooltip", G_CALLBACK (on_risk_query_tooltip_cb), box);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), icon);
      g_object_set_data (G_OBJECT (box), "jx-label", label);
      g_object_set_data (G_OBJECT (box), "jx-icon", icon);
      gtk_list_item_set_child (item, box);
    }
  else
    {
      g_object_set_data (G_OBJECT (label), "jx-label", label);
      gtk_list_item_set_child (item, label);
    }
}

static void
add_binding (GtkWidget  *child,
             GObject    *source,
             const char *source_property,
             GObject    *target,
             const char *target_property)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (child), "jx-bindings");

  if (bindings == NULL)
    {
      bindings = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (child), "jx-bindings", bindings,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (bindings, g_object_bind_property (source, source_property, target,
                                                     target_property, G_BINDING_SYNC_CREATE));
}

static void
unbind_cell (GtkWidget *child)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (child), "jx-bindings");

  if (bindings != NULL)
    {
      for (guint i = 0; i < bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (bindings, i));
      g_ptr_array_set_size (bindings, 0);
    }
  g_object_set_data (G_OBJECT (child), "jx-customer", NULL);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  const ColumnSpec *spec = user_data;
  GtkWidget *child = gtk_list_item_get_child (item);
  GObject *customer = gtk_list_item_get_item (item);

  if (g_object_get_data (G_OBJECT (child), "jx-customer") == customer)
    return;
  unbind_cell (child);
  g_object_set_data_full (G_OBJECT (child), "jx-customer", g_object_ref (customer),
                          g_object_unref);
  add_binding (child, customer, spec->property, g_object_get_data (G_OBJECT (child), "jx-label"),
               "label");
  if (spec->kind == CELL_NAME)
    add_binding (child, customer, "at-risk", g_object_get_data (G_OBJECT (child), "jx-icon"),
                 "visible");
}

/* A cell keeps its customer until it is bound to another one or goes away (see above). */
static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
}

static void
on_teardown_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (child != NULL)
    unbind_cell (child);
}

static void
on_activate_cb (JxCustomerListPage *self,
                guint               position)
{
  if (self->list != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    g_signal_emit (self, signals[SIGNAL_CUSTOMER_ACTIVATED], 0,
                   jx_customer_list_get_customer_id (self->list, position));
}

/* Public API */

/* Shows the customers of @base (shared with the board and the suggestions), or nothing. */
void
jx_customer_list_page_set_base (JxCustomerListPage *self,
                                JxCustomerBase     *base)
{
  JxStore *store;
  JxCustomerSort key = JX_CUSTOMER_SORT_NAME;
  gboolean descending = FALSE;

  g_return_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self));

  if (self->base == base)
    return;
  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->n_items_id, self->list);
      g_clear_signal_handler (&self->total_id, self->list);
    }
  if (self->regions != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->regions, on_names_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->owners, on_names_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->types, on_names_changed_cb, self);
    }
  g_clear_object (&self->regions);
  g_clear_object (&self->owners);
  g_clear_object (&self->types);
  g_clear_object (&self->list);
  g_set_object (&self->base, base);

  if (base != NULL)
    {
      store = jx_customer_base_get_store (base);
      self->list = jx_customer_list_new (base);
      self->regions = jx_name_list_new (store, JX_TABLE_REGIONS);
      self->owners = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
      self->types = jx_name_list_new (store, JX_TABLE_CUSTOMER_TYPES);
      g_signal_connect_swapped (self->regions, "items-changed", G_CALLBACK (on_names_changed_cb),
                                self);
      g_signal_connect_swapped (self->owners, "items-changed", G_CALLBACK (on_names_changed_cb),
                                self);
      g_signal_connect_swapped (self->types, "items-changed", G_CALLBACK (on_names_changed_cb),
                                self);
      self->n_items_id = g_signal_connect_swapped (self->list, "notify::n-items",
                                                   G_CALLBACK (update_summary), self);
      self->total_id = g_signal_connect_swapped (self->list, "notify::revenue-total",
                                                 G_CALLBACK (update_summary), self);
      if (jx_customer_sorter_read_column_view (gtk_column_view_get_sorter (self->column_view),
                                               &key, &descending))
        jx_customer_list_set_sort (self->list, key, descending);
      jx_customer_list_set_search (self->list,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }
  /* The rows are made when the page is first shown: behind the tier board, a couple of
   * hundred rows of nine cells would only cost the board's first showing 80 ms. */
  gtk_single_selection_set_model (self->selection,
                                  gtk_widget_get_mapped (GTK_WIDGET (self))
                                  ? G_LIST_MODEL (self->list) : NULL);
  fill_filters (self);
  update_summary (self);
}

JxCustomerList *
jx_customer_list_page_get_list (JxCustomerListPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self), NULL);

  return self->list;
}

GtkColumnView *
jx_customer_list_page_get_column_view (JxCustomerListPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self), NULL);

  return self->column_view;
}

/* Types into the search field (the list follows after the entry's short delay). */
void
jx_customer_list_page_set_search (JxCustomerListPage *self,
                                  const char         *text)
{
  g_return_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

const char *
jx_customer_list_page_get_summary (JxCustomerListPage *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_LIST_PAGE (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/* GObject */

static void
jx_customer_list_page_dispose (GObject *object)
{
  JxCustomerListPage *self = JX_CUSTOMER_LIST_PAGE (object);

  if (self->selection != NULL)
    jx_customer_list_page_set_base (self, NULL);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (jx_customer_list_page_parent_class)->dispose (object);
}

static void
jx_customer_list_page_finalize (GObject *object)
{
  JxCustomerListPage *self = JX_CUSTOMER_LIST_PAGE (object);

  g_clear_pointer (&self->region_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->type_ids, g_array_unref);
  G_OBJECT_CLASS (jx_customer_list_page_parent_class)->finalize (object);
}

static void
jx_customer_list_page_map (GtkWidget *widget)
{
  JxCustomerListPage *self = JX_CUSTOMER_LIST_PAGE (widget);

  GTK_WIDGET_CLASS (jx_customer_list_page_parent_class)->map (widget);
  if (gtk_single_selection_get_model (self->selection) != G_LIST_MODEL (self->list))
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
}

static void
jx_customer_list_page_class_init (JxCustomerListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_customer_list_page_dispose;
  object_class->finalize = jx_customer_list_page_finalize;
  widget_class->map = jx_customer_list_page_map;

  signals[SIGNAL_CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-customer-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, tier_names);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, region_names);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, owner_names);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, type_names);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, risk_button);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JxCustomerListPage, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
jx_customer_list_page_init (JxCustomerListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (self->tier_names, _("All Tiers"));
  for (guint i = 1; i < G_N_ELEMENTS (tier_rows); i++)
    gtk_string_list_append (self->tier_names, jx_tier_get_label (tier_rows[i]));

  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(JxCustomerSorter) sorter = jx_customer_sorter_new (spec->sort);
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), (gpointer) spec);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), (gpointer) spec);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown_cb), (gpointer) spec);
      column = gtk_column_view_column_new (_(spec->title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (spec->width > 0)
        gtk_column_view_column_set_fixed_width (column, spec->width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[0], GTK_SORT_ASCENDING);
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (on_sorter_changed_cb), self);

  g_signal_connect_swapped (self->tier_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->region_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
}
