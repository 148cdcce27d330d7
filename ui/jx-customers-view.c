/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-customers-view.h"

/*
 * The Customers view: the customer list, the tier board and the tier suggestions, over one
 * JxCustomerBase shared by all three, and a page per customer.
 *
 * The base is the store's shared one (jx_customer_base_load_async()), which the Team view's
 * allocation reads too: loaded in a worker thread the first time either view is shown
 * (about 0.15 s for 120,000 customers), behind a spinner. Changes committed meanwhile are
 * applied when it arrives; after that the base follows the store by itself, and the three
 * pages follow the base.
 */

struct _JxCustomersView {
  JxView                 parent_instance;

  GtkStack              *state_stack;
  GtkSpinner            *spinner;
  AdwStatusPage         *error_page;
  GtkStack              *page_stack;
  GtkStack              *section_stack;
  JxCustomerListPage    *list_page;
  JxTierBoard           *board;
  JxTierSuggestionsPage *suggestions_page;
  JxCustomerPage        *customer_page;

  JxStore               *store;
  JxCustomerBase        *base;
  GCancellable          *loading;
  gint64                 load_started;
  double                 ready_ms;
  /* What had the focus when the customer page opened, to give it back on Back. */
  GtkWidget             *focus_before_page;
  guint                  focus_page_id;
};

G_DEFINE_FINAL_TYPE (JxCustomersView, jx_customers_view, JX_TYPE_VIEW)

enum {
  PROP_0,
  PROP_BASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (JxCustomersView *self,
           const char      *state)
{
  gtk_stack_set_visible_child_name (self->state_stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
}

static void
set_base (JxCustomersView *self,
          JxCustomerBase  *base)
{
  if (self->base == base)
    return;
  g_set_object (&self->base, base);
  /* The board and the suggestions make their models when they are first shown. */
  jx_customer_list_page_set_base (self->list_page, base);
  jx_tier_board_set_base (self->board, base);
  jx_tier_suggestions_page_set_base (self->suggestions_page, base);
  jx_customer_page_set_base (self->customer_page, base);
  if (base == NULL)
    gtk_stack_set_visible_child_name (self->page_stack, "browse");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE]);
}

/* Loading */

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JxCustomersView) self = user_data;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(GError) error = NULL;
  gint64 loaded;

  base = jx_customer_base_load_finish (JX_STORE (source), result, &error);
  /* Another database was opened meanwhile, or the view went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      JX_STORE (source) != self->store)
    return;
  g_clear_object (&self->loading);
  if (base == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }
  loaded = g_get_monotonic_time ();
  set_base (self, base);
  set_state (self, "content");
  self->ready_ms = (g_get_monotonic_time () - self->load_started) / 1000.0;
  g_debug ("Customers ready in %.0f ms (customer base %.0f ms in a worker thread, the visible "
           "page %.0f ms)", self->ready_ms,
           (loaded - self->load_started) / 1000.0, (g_get_monotonic_time () - loaded) / 1000.0);
}

static void
start_loading (JxCustomersView *self)
{
  GDate today;

  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  if (self->store == NULL)
    return;
  jx_view_get_today (JX_VIEW (self), &today);
  self->loading = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();
  set_state (self, "loading");
  jx_customer_base_load_async (self->store, &today, self->loading, load_done_cb,
                               g_object_ref (self));
}

static void
set_store (JxCustomersView *self,
           JxStore         *store)
{
  if (self->store == store)
    return;
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  set_base (self, NULL);
  g_set_object (&self->store, store);
  if (store == NULL)
    {
      set_state (self, "empty");
      return;
    }
  set_state (self, "loading");
  /* The first time the view shows, not when the window opens on another view. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_loading (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_CUSTOMERS_VIEW (view), store);
}

/* Pages */

/* The page's keys (Escape and Alt+Left go back, Ctrl+S saves the notes) need the focus in
 * it; the board or list that opened it is hidden now. Done once the event that opened it is
 * over: a list's double click takes the focus back to the row after activating it. */
static gboolean
focus_customer_page_cb (gpointer data)
{
  JxCustomersView *self = data;
  GtkWidget *page = GTK_WIDGET (self->customer_page);
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->focus_page_id = 0;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "customer") == 0 &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
on_customer_activated_cb (JxCustomersView *self,
                          gint64           customer_id)
{
  jx_customers_view_show_customer (self, customer_id);
}

static void
on_customer_back_cb (JxCustomersView *self)
{
  GtkWidget *browse = gtk_stack_get_child_by_name (self->page_stack, "browse");
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->customer_page)) != NULL;

  gtk_stack_set_visible_child_name (self->page_stack, "browse");
  /* Escape or Alt+Left came from the keyboard: keep it in the view, on the card or row the
   * customer was opened from when it is still there. */
  if (!had_focus)
    return;
  if (self->focus_before_page != NULL && gtk_widget_is_ancestor (self->focus_before_page, browse)
      && gtk_widget_is_visible (self->focus_before_page))
    gtk_widget_grab_focus (self->focus_before_page);
  else
    gtk_widget_child_focus (browse, GTK_DIR_TAB_FORWARD);
}

static void
on_customer_move_to_cb (JxCustomersView *self,
                        gint64           customer_id,
                        int              tier)
{
  jx_tier_board_move_customers (self->board, &customer_id, 1, (JxTier) tier);
}

static void
reload_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JxCustomersView *self = JX_CUSTOMERS_VIEW (widget);

  set_base (self, NULL);
  start_loading (self);
}

/* Public API */

/* The customers the view shows, once loaded (%NULL while loading). */
JxCustomerBase *
jx_customers_view_get_base (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return self->base;
}

/* "empty", "loading", "error" or "content". */
const char *
jx_customers_view_get_state (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Shows "list", "board" or "suggestions". */
void
jx_customers_view_show_section (JxCustomersView *self,
                                const char      *name)
{
  g_return_if_fail (JX_IS_CUSTOMERS_VIEW (self));

  gtk_stack_set_visible_child_name (self->page_stack, "browse");
  if (gtk_stack_get_child_by_name (self->section_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->section_stack, name);
}

const char *
jx_customers_view_get_section (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "customer") == 0)
    return "customer";
  return gtk_stack_get_visible_child_name (self->section_stack);
}

gboolean
jx_customers_view_show_customer (JxCustomersView *self,
                                 gint64           customer_id)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), FALSE);

  if (!jx_customer_page_show_customer (self->customer_page, customer_id))
    return FALSE;
  g_clear_weak_pointer (&self->focus_before_page);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    g_set_weak_pointer (&self->focus_before_page,
                        gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_stack_set_visible_child_name (self->page_stack, "customer");
  if (self->focus_page_id == 0)
    self->focus_page_id = g_idle_add (focus_customer_page_cb, self);
  return TRUE;
}

JxCustomerListPage *
jx_customers_view_get_list_page (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return self->list_page;
}

JxTierBoard *
jx_customers_view_get_board (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return self->board;
}

JxTierSuggestionsPage *
jx_customers_view_get_suggestions_page (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return self->suggestions_page;
}

JxCustomerPage *
jx_customers_view_get_customer_page (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), NULL);

  return self->customer_page;
}

/* From the start of the last load until the visible page had its model. */
double
jx_customers_view_get_ready_ms (JxCustomersView *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMERS_VIEW (self), 0);

  return self->ready_ms;
}

/* GObject */

static void
jx_customers_view_map (GtkWidget *widget)
{
  JxCustomersView *self = JX_CUSTOMERS_VIEW (widget);

  GTK_WIDGET_CLASS (jx_customers_view_parent_class)->map (widget);
  if (self->store != NULL && self->base == NULL && self->loading == NULL &&
      g_strcmp0 (jx_customers_view_get_state (self), "error") != 0)
    start_loading (self);
}

static void
jx_customers_view_dispose (GObject *object)
{
  JxCustomersView *self = JX_CUSTOMERS_VIEW (object);

  jx_view_set_context (JX_VIEW (self), NULL);
  g_clear_weak_pointer (&self->focus_before_page);
  g_clear_handle_id (&self->focus_page_id, g_source_remove);
  G_OBJECT_CLASS (jx_customers_view_parent_class)->dispose (object);
}

static void
jx_customers_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JxCustomersView *self = JX_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASE:
      g_value_set_object (value, self->base);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_customers_view_class_init (JxCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_customers_view_dispose;
  object_class->get_property = jx_customers_view_get_property;
  widget_class->map = jx_customers_view_map;

  properties[PROP_BASE] =
    g_param_spec_object ("base", NULL, NULL, JX_TYPE_CUSTOMER_BASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JX_TYPE_CUSTOMER_LIST_PAGE);
  g_type_ensure (JX_TYPE_TIER_BOARD);
  g_type_ensure (JX_TYPE_TIER_SUGGESTIONS_PAGE);
  g_type_ensure (JX_TYPE_CUSTOMER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, section_stack);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, list_page);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, board);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, suggestions_page);
  gtk_widget_class_bind_template_child (widget_class, JxCustomersView, customer_page);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_move_to_cb);

  gtk_widget_class_install_action (widget_class, "customers.reload", NULL, reload_activate);
}

static void
jx_customers_view_init (JxCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_state (self, "empty");
}
