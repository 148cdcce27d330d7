/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jx-choice-button.h"
#include "jx-effort-chart-view.h"
#include "jx-hours.h"
#include "jx-member-dialog.h"
#include "jx-team-view.h"
#include "jx-ui.h"

/*
 * The Team view: the members in a GtkColumnView edited in place (each edit one undoable
 * step), with the hours the allocation plans for each rep against the rep's capacity; below
 * it the visit policy of each tier and the revenue-share against effort-share chart.
 *
 * The members come from JxTeam, which is cheap and follows the store. The allocation needs
 * every customer's tier, owner and revenue: it reads them from the store's shared
 * JxCustomerBase (the Customers view's, loaded in a worker thread by whichever view is shown
 * first, and kept current by the base itself). A run copies those three figures of each
 * customer and computes in a worker thread on a connection of its own, which the worker keeps
 * between runs for the policies, capacities and names. The base announces the customers that
 * changed, the store the other tables; runs are serialised and changes that arrive during a
 * run are gathered for the next one.
 */

typedef struct {
  gatomicrefcount  ref;
  char            *path;
  JxStore         *reader;
} AllocationSource;

typedef struct {
  AllocationSource     *source;
  guint                 generation;
  JxAllocationCustomer *customers;
  guint                 n_customers;
} AllocationJob;

struct _JxTeamView {
  JxView               parent_instance;

  GtkStack            *main_stack;
  GtkLabel            *summary_label;
  GtkSearchEntry      *search_entry;
  GtkSpinner          *spinner;
  GtkScrolledWindow   *table_scroll;
  GtkColumnView       *members_view;
  GtkColumnViewColumn *columns[JX_TEAM_N_COLUMNS];
  GtkLabel            *unowned_label;
  GtkLabel            *allocation_label;
  AdwPreferencesGroup *policy_group;
  GtkStack            *chart_stack;
  GtkSpinner          *chart_spinner;
  GtkLabel            *error_label;
  JxEffortChartView   *effort_chart;

  JxStore             *store;
  gulong               changed_id;
  JxTeam              *team;
  JxNameList          *member_names;     /* active members: the managers one can choose */
  JxNameList          *region_names;
  GtkStringList       *manager_choices;  /* "No manager", then member_names */
  GtkStringList       *region_choices;   /* "No region", then region_names */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  char                *search_key;       /* casefolded, NULL for none */
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GtkSorter           *allocation_sorters[3];
  GHashTable          *cells;            /* every set-up cell widget */
  int                  syncing;
  char                *currency;

  AdwActionRow        *policy_rows[JX_N_TIERS];
  GtkWidget           *tier_dots[JX_N_TIERS];
  gulong               dark_id;
  GtkSpinButton       *visits_spins[JX_N_TIERS];
  GtkSpinButton       *hours_spins[JX_N_TIERS];
  JxTierPolicy         policies[JX_N_TIERS];   /* as stored */

  JxAllocation        *allocation;
  GHashTable          *reps;             /* member id → JxRepAllocation in allocation */
  AllocationSource    *source;
  guint                generation;
  guint                pending_tables;
  guint                start_id;         /* idle that starts a run once changes settle */
  gboolean             job_running;
  gboolean             disposed;

  JxCustomerBase      *base;             /* the store's shared base, once loaded */
  GCancellable        *base_loading;
};

G_DEFINE_FINAL_TYPE (JxTeamView, jx_team_view, JX_TYPE_VIEW)

/* What the allocation reads besides the base: policies, capacities and names (team members,
 * regions), the owners of customers and the currency (settings). Tiers, owners and revenue
 * come from the base, which says when they change. */
#define ALLOCATION_TABLES (JX_TABLE_CUSTOMERS | JX_TABLE_TIER_POLICIES | JX_TABLE_TEAM_MEMBERS | \
                           JX_TABLE_REGIONS | JX_TABLE_SETTINGS)

#define TABLE_HEADER_HEIGHT 40
#define TABLE_ROW_HEIGHT    51

static void refresh_cell      (JxTeamView *self,
                               GtkWidget  *cell);
static void start_allocation  (JxTeamView *self);
static void queue_allocation  (JxTeamView *self,
                               guint       tables);

/* The allocation worker */

static AllocationSource *
allocation_source_new (const char *path)
{
  AllocationSource *source = g_new0 (AllocationSource, 1);

  g_atomic_ref_count_init (&source->ref);
  source->path = g_strdup (path);
  return source;
}

static AllocationSource *
allocation_source_ref (AllocationSource *source)
{
  g_atomic_ref_count_inc (&source->ref);
  return source;
}

static void
allocation_source_unref (AllocationSource *source)
{
  if (!g_atomic_ref_count_dec (&source->ref))
    return;
  g_clear_object (&source->reader);
  g_free (source->path);
  g_free (source);
}

static void
allocation_job_free (gpointer data)
{
  AllocationJob *job = data;

  allocation_source_unref (job->source);
  g_free (job->customers);
  g_free (job);
}

/* Runs in a worker thread; only one job at a time touches a source. */
static void
allocation_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AllocationJob *job = task_data;
  AllocationSource *source = job->source;
  g_autoptr(GError) error = NULL;
  JxAllocation *allocation;

  if (source->reader == NULL)
    {
      source->reader = jx_store_open (source->path, JX_STORE_OPEN_DEFAULT, &error);
      if (source->reader == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  allocation = jx_allocation_compute_for (source->reader, job->customers, job->n_customers,
                                          &error);
  if (allocation == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, allocation, (GDestroyNotify) jx_allocation_free);
}

/* Formatting */

static char *
rep_tooltip (const JxRepAllocation *rep)
{
  g_autofree char *planned = jx_hours_format (rep->planned_hours);
  g_autofree char *capacity = jx_hours_format (rep->capacity_hours);

  switch (rep->load)
    {
    case JX_REP_LOAD_NO_CAPACITY:
      /* Translators: a tooltip; %s are planned hours ("213 h"). */
      return g_strdup_printf (_("%s planned per month, but no capacity is set: enter the "
                                "hours this member can give in a month."), planned);
    case JX_REP_LOAD_OVER:
    case JX_REP_LOAD_UNDER:
    case JX_REP_LOAD_BALANCED:
    default:
      {
        g_autofree char *percent = jx_percent_format (rep->utilisation, 0);

        /* Translators: a tooltip; %s are a load ("Over-allocated"), planned hours, capacity
         * hours and a percentage. */
        return g_strdup_printf (_("%s: %s planned against %s capacity per month (%s)"),
                                jx_rep_load_get_label (rep->load), planned, capacity, percent);
      }
    }
}

static void
set_load_class (GtkWidget *widget,
                JxRepLoad  load,
                gboolean   known)
{
  gtk_widget_remove_css_class (widget, "load-over");
  gtk_widget_remove_css_class (widget, "load-under");
  gtk_widget_remove_css_class (widget, "load-balanced");
  gtk_widget_remove_css_class (widget, "load-unset");
  if (!known)
    return;
  switch (load)
    {
    case JX_REP_LOAD_OVER:
      gtk_widget_add_css_class (widget, "load-over");
      break;
    case JX_REP_LOAD_UNDER:
      gtk_widget_add_css_class (widget, "load-under");
      break;
    case JX_REP_LOAD_NO_CAPACITY:
      gtk_widget_add_css_class (widget, "load-unset");
      break;
    case JX_REP_LOAD_BALANCED:
    default:
      gtk_widget_add_css_class (widget, "load-balanced");
      break;
    }
}

/* Choices of the drop-downs */

static guint
choice_position (JxNameList *names,
                 gint64      id)
{
  guint position;

  if (id <= 0 || names == NULL)
    return 0;
  position = jx_name_list_find_id (names, id);
  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position + 1;
}

static gint64
choice_id (JxNameList *names,
           guint       position)
{
  g_autoptr(JxNamedItem) item = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || names == NULL)
    return 0;
  item = g_list_model_get_item (G_LIST_MODEL (names), position - 1);
  return item != NULL ? jx_named_item_get_id (item) : 0;
}

static GtkStringList *
build_choices (JxNameList *names,
               const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = names != NULL ? g_list_model_get_n_items (G_LIST_MODEL (names)) : 0;

  gtk_string_list_append (list, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (names), i);

      gtk_string_list_append (list, jx_named_item_get_name (item));
    }
  return list;
}

static void
refresh_all_cells (JxTeamView *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    refresh_cell (self, cell);
}

static gboolean
same_choices (GtkStringList *list,
              JxNameList    *names)
{
  guint n = names != NULL ? g_list_model_get_n_items (G_LIST_MODEL (names)) : 0;

  if (list == NULL || g_list_model_get_n_items (G_LIST_MODEL (list)) != n + 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxNamedItem) item = g_list_model_get_item (G_LIST_MODEL (names), i);

      if (g_strcmp0 (gtk_string_list_get_string (list, i + 1), jx_named_item_get_name (item)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The drop-downs get a new list when the names change, and every bound one is set to its
 * member's value again. The name lists reload on every change to their table (a capacity
 * edit too); a list that reads the same is kept. */
static void
on_names_changed_cb (JxTeamView *self)
{
  gboolean changed = FALSE;

  if (!same_choices (self->manager_choices, self->member_names))
    {
      g_clear_object (&self->manager_choices);
      self->manager_choices = build_choices (self->member_names, C_("manager", "None"));
      changed = TRUE;
    }
  if (!same_choices (self->region_choices, self->region_names))
    {
      g_clear_object (&self->region_choices);
      self->region_choices = build_choices (self->region_names, C_("region", "None"));
      changed = TRUE;
    }
  if (changed)
    refresh_all_cells (self);
}

/* Cells */

static JxTeamColumn
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "jx-column"));
}

static JxTeamMember *
cell_member (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "jx-member");
}

static const JxRepAllocation *
rep_of (JxTeamView   *self,
        JxTeamMember *member)
{
  gint64 id = jx_team_member_get_id (member);

  if (self->reps == NULL)
    return NULL;
  return g_hash_table_lookup (self->reps, &id);
}

static void
set_choice (JxChoiceButton *button,
            GtkStringList  *choices,
            guint           position)
{
  jx_choice_button_set_model (button, choices);
  jx_choice_button_set_selected (button, position);
}

static void
refresh_cell (JxTeamView *self,
              GtkWidget  *cell)
{
  JxTeamMember *member = cell_member (cell);
  const JxRepAllocation *rep;
  gboolean loaded = self->allocation != NULL;

  if (member == NULL)
    return;
  rep = rep_of (self, member);
  self->syncing++;
  switch (cell_column (cell))
    {
    case JX_TEAM_COLUMN_NAME:
    case JX_TEAM_COLUMN_ROLE:
      {
        const char *text = cell_column (cell) == JX_TEAM_COLUMN_NAME
                           ? jx_team_member_get_name (member)
                           : jx_team_member_get_role (member);

        /* Not while the user types in it, unless the typed text was refused. */
        if ((!g_object_get_data (G_OBJECT (cell), "jx-typing") ||
             g_object_get_data (G_OBJECT (cell), "jx-restore")) &&
            g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
          jx_ui_fill_editable (GTK_EDITABLE (cell), text);
        if (cell_column (cell) == JX_TEAM_COLUMN_NAME)
          {
            if (jx_team_member_get_active (member))
              gtk_widget_remove_css_class (cell, "dim-label");
            else
              gtk_widget_add_css_class (cell, "dim-label");
          }
      }
      break;
    case JX_TEAM_COLUMN_MANAGER:
      set_choice (JX_CHOICE_BUTTON (cell), self->manager_choices,
                  choice_position (self->member_names, jx_team_member_get_manager_id (member)));
      break;
    case JX_TEAM_COLUMN_REGION:
      set_choice (JX_CHOICE_BUTTON (cell), self->region_choices,
                  choice_position (self->region_names, jx_team_member_get_region_id (member)));
      break;
    case JX_TEAM_COLUMN_CAPACITY:
      if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (cell)) !=
          jx_team_member_get_capacity_hours (member))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (cell),
                                   jx_team_member_get_capacity_hours (member));
      break;
    case JX_TEAM_COLUMN_CUSTOMERS:
      {
        g_autofree char *text = jx_number_format (jx_team_member_get_n_customers (member));

        gtk_label_set_text (GTK_LABEL (cell), text);
      }
      break;
    case JX_TEAM_COLUMN_PLANNED:
      {
        g_autofree char *text = rep != NULL ? jx_hours_format (rep->planned_hours)
                                            : g_strdup (loaded ? "—" : "…");

        gtk_label_set_text (GTK_LABEL (cell), text);
      }
      break;
    case JX_TEAM_COLUMN_LOAD:
      {
        GtkWidget *bar = gtk_widget_get_first_child (cell);
        GtkWidget *label = gtk_widget_get_next_sibling (bar);
        if (rep == NULL)
          {
            gtk_widget_set_visible (bar, FALSE);
            gtk_label_set_text (GTK_LABEL (label), loaded ? "—" : "…");
            set_load_class (label, JX_REP_LOAD_BALANCED, FALSE);
          }
        else if (rep->load == JX_REP_LOAD_NO_CAPACITY)
          {
            gtk_widget_set_visible (bar, FALSE);
            gtk_label_set_text (GTK_LABEL (label), C_("load", "No capacity"));
            set_load_class (label, rep->load, TRUE);
          }
        else
          {
            g_autofree char *percent = jx_percent_format (rep->utilisation, 0);

            gtk_widget_set_visible (bar, TRUE);
            gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (rep->utilisation, 1.5));
            gtk_label_set_text (GTK_LABEL (label), percent);
            set_load_class (label, rep->load, TRUE);
          }
      }
      break;
    case JX_TEAM_COLUMN_BALANCE:
      if (rep != NULL && rep->capacity_hours > 0)
        {
          g_autofree char *text = jx_hours_format_signed (rep->balance_hours);

          gtk_label_set_text (GTK_LABEL (cell), text);
          set_load_class (cell, rep->load, TRUE);
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (cell), loaded || rep != NULL ? "—" : "…");
          set_load_class (cell, JX_REP_LOAD_BALANCED, FALSE);
        }
      break;
    case JX_TEAM_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  self->syncing--;
}

/* Writes one field of the member of @cell; on failure says why and shows the stored value
 * again. */
static void
commit_member (JxTeamView         *self,
               GtkWidget          *cell,
               const JxMemberEdit *edit,
               JxMemberFields      fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTeamMember) member = NULL;

  if (self->syncing > 0 || self->store == NULL || cell_member (cell) == NULL)
    return;
  member = g_object_ref (cell_member (cell));
  if (!jx_team_update_member (self->store, jx_team_member_get_id (member), edit, fields, &error))
    {
      g_object_set_data (G_OBJECT (cell), "jx-restore", GINT_TO_POINTER (TRUE));
      refresh_cell (self, cell);
      g_object_set_data (G_OBJECT (cell), "jx-restore", NULL);
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Team Member"), error);
    }
}

/* A name or role is written when the user presses Enter in it or leaves it. */
static void
commit_text (JxTeamView *self,
             GtkWidget  *cell)
{
  JxTeamMember *member = cell_member (cell);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell));
  JxMemberEdit edit = { 0 };

  if (member == NULL || self->syncing > 0)
    return;
  if (cell_column (cell) == JX_TEAM_COLUMN_NAME)
    {
      if (g_strcmp0 (text, jx_team_member_get_name (member)) == 0)
        return;
      edit.name = text;
      commit_member (self, cell, &edit, JX_MEMBER_FIELD_NAME);
    }
  else
    {
      if (g_strcmp0 (text, jx_team_member_get_role (member)) == 0)
        return;
      edit.role = text;
      commit_member (self, cell, &edit, JX_MEMBER_FIELD_ROLE);
    }
}

static void
on_text_activate_cb (GtkEntry   *entry,
                     JxTeamView *self)
{
  commit_text (self, GTK_WIDGET (entry));
}

static void
on_text_enter_cb (GtkEventControllerFocus *controller)
{
  g_object_set_data (G_OBJECT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                     "jx-typing", GINT_TO_POINTER (TRUE));
}

static void
on_text_leave_cb (GtkEventControllerFocus *controller,
                  JxTeamView              *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_object_set_data (G_OBJECT (cell), "jx-typing", NULL);
  commit_text (self, cell);
}

/* Escape puts back the stored text. */
static gboolean
on_text_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JxTeamView            *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Escape)
    return FALSE;
  g_object_set_data (G_OBJECT (cell), "jx-restore", GINT_TO_POINTER (TRUE));
  refresh_cell (self, cell);
  g_object_set_data (G_OBJECT (cell), "jx-restore", NULL);
  return TRUE;
}

static void
on_choice_selected_cb (JxChoiceButton *button,
                       GParamSpec     *pspec,
                       JxTeamView     *self)
{
  GtkWidget *cell = GTK_WIDGET (button);
  JxTeamMember *member = cell_member (cell);
  guint position = jx_choice_button_get_selected (button);
  JxMemberEdit edit = { 0 };

  if (member == NULL || self->syncing > 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  if (cell_column (cell) == JX_TEAM_COLUMN_MANAGER)
    {
      edit.manager_id = choice_id (self->member_names, position);
      if (edit.manager_id == jx_team_member_get_manager_id (member))
        return;
      commit_member (self, cell, &edit, JX_MEMBER_FIELD_MANAGER);
    }
  else
    {
      edit.region_id = choice_id (self->region_names, position);
      if (edit.region_id == jx_team_member_get_region_id (member))
        return;
      commit_member (self, cell, &edit, JX_MEMBER_FIELD_REGION);
    }
}

static void
on_capacity_changed_cb (GtkSpinButton *spin,
                        JxTeamView    *self)
{
  GtkWidget *cell = GTK_WIDGET (spin);
  JxTeamMember *member = cell_member (cell);
  JxMemberEdit edit = { 0 };

  if (member == NULL || self->syncing > 0)
    return;
  edit.capacity_hours = gtk_spin_button_get_value_as_int (spin);
  if (edit.capacity_hours == jx_team_member_get_capacity_hours (member))
    return;
  commit_member (self, cell, &edit, JX_MEMBER_FIELD_CAPACITY);
}

/* −1 is "not set", shown as a dash. */
static gboolean
on_capacity_output_cb (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value < 0 ? g_strdup ("—") : g_strdup_printf ("%d", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_capacity_input_cb (GtkSpinButton *spin,
                      double        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end = NULL;
  double parsed;

  if (*text == '\0' || g_str_equal (text, "—") || g_str_equal (text, "-"))
    {
      *value = -1;
      return TRUE;
    }
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (parsed))
    return GTK_INPUT_ERROR;
  *value = round (parsed);
  return TRUE;
}

static void
on_member_notify_cb (GtkWidget *cell)
{
  JxTeamView *self = g_object_get_data (G_OBJECT (cell), "jx-view");

  if (self != NULL)
    refresh_cell (self, cell);
}

static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          JxTeamView *self)
{
  JxTeamMember *member = cell_member (cell);
  const JxRepAllocation *rep;
  g_autofree char *text = NULL;

  if (member == NULL)
    return FALSE;
  switch (cell_column (cell))
    {
    case JX_TEAM_COLUMN_NAME:
      text = g_strdup (_("Type a new name and press Enter"));
      break;
    case JX_TEAM_COLUMN_ROLE:
      text = g_strdup (_("Type the member's role and press Enter"));
      break;
    case JX_TEAM_COLUMN_MANAGER:
      text = g_strdup (_("Whom this member reports to"));
      break;
    case JX_TEAM_COLUMN_REGION:
      text = g_strdup (_("The member's sales region"));
      break;
    case JX_TEAM_COLUMN_CAPACITY:
      text = g_strdup (_("Hours per month this member can give to customers; a dash when not "
                         "set"));
      break;
    case JX_TEAM_COLUMN_LOAD:
    case JX_TEAM_COLUMN_BALANCE:
    case JX_TEAM_COLUMN_PLANNED:
      rep = rep_of (self, member);
      if (rep != NULL)
        text = rep_tooltip (rep);
      else if (self->allocation != NULL)
        text = g_strdup (_("Owns no customers"));
      break;
    case JX_TEAM_COLUMN_CUSTOMERS:
    case JX_TEAM_N_COLUMNS:
    default:
      break;
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
make_cell (JxTeamView   *self,
           JxTeamColumn  column)
{
  GtkWidget *cell = NULL;

  switch (column)
    {
    case JX_TEAM_COLUMN_NAME:
    case JX_TEAM_COLUMN_ROLE:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        GtkEventController *keys = gtk_event_controller_key_new ();

        /* A frameless entry rather than a GtkEditableLabel: GTK 4.8's editable label stops
         * editing from a timeout that outlives it when its row goes away. */
        cell = gtk_entry_new ();
        gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
        gtk_editable_set_width_chars (GTK_EDITABLE (cell), column == JX_TEAM_COLUMN_NAME ? 12 : 13);
        gtk_widget_add_css_class (cell, "cell-entry");
        g_signal_connect (cell, "activate", G_CALLBACK (on_text_activate_cb), self);
        g_signal_connect (focus, "enter", G_CALLBACK (on_text_enter_cb), NULL);
        g_signal_connect (focus, "leave", G_CALLBACK (on_text_leave_cb), self);
        gtk_widget_add_controller (cell, focus);
        gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
        g_signal_connect (keys, "key-pressed", G_CALLBACK (on_text_key_cb), self);
        gtk_widget_add_controller (cell, keys);
      }
      break;
    case JX_TEAM_COLUMN_MANAGER:
    case JX_TEAM_COLUMN_REGION:
      cell = jx_choice_button_new ();
      gtk_widget_set_size_request (cell, column == JX_TEAM_COLUMN_MANAGER ? 130 : 100, -1);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
      g_signal_connect (cell, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
      break;
    case JX_TEAM_COLUMN_CAPACITY:
      cell = gtk_spin_button_new_with_range (-1, 744, 5);
      jx_ui_spin_button_set_undo (GTK_SPIN_BUTTON (cell), "win.undo", "win.redo");
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (cell), 0);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (cell), FALSE);
      gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (cell), GTK_UPDATE_IF_VALID);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 4);
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      gtk_widget_set_halign (cell, GTK_ALIGN_END);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
      g_signal_connect (cell, "output", G_CALLBACK (on_capacity_output_cb), NULL);
      g_signal_connect (cell, "input", G_CALLBACK (on_capacity_input_cb), NULL);
      g_signal_connect (cell, "value-changed", G_CALLBACK (on_capacity_changed_cb), self);
      break;
    case JX_TEAM_COLUMN_CUSTOMERS:
    case JX_TEAM_COLUMN_PLANNED:
    case JX_TEAM_COLUMN_BALANCE:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    case JX_TEAM_COLUMN_LOAD:
      {
        GtkLevelBar *bar;

        cell = jx_ui_bar_cell_new (1.5, "load-bar", 60, 5);
        bar = GTK_LEVEL_BAR (gtk_widget_get_first_child (cell));
        gtk_level_bar_add_offset_value (bar, "under", JX_ALLOCATION_UNDER_RATIO);
        gtk_level_bar_add_offset_value (bar, "balanced", 1.0);
        gtk_level_bar_add_offset_value (bar, "over", 1.5);
      }
      break;
    case JX_TEAM_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  g_object_set_data (G_OBJECT (cell), "jx-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "jx-view", self);
  /* Tooltips are asked for when they show: setting one on each cell as it is bound costs a
   * round trip to the display server per cell. */
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), self);
  return cell;
}

/* Cells leave the set when they die: the list does not always tear its items down first. */
static void
cell_gone_cb (gpointer  data,
              GObject  *where_the_cell_was)
{
  JxTeamView *self = data;

  g_hash_table_remove (self->cells, where_the_cell_was);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JxTeamView               *self)
{
  JxTeamColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jx-column"));
  GtkWidget *cell = make_cell (self, column);

  gtk_list_item_set_child (item, cell);
  g_hash_table_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), cell_gone_cb, self);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            JxTeamView               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  JxTeamMember *member = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (cell), "jx-member", g_object_ref (member), g_object_unref);
  g_signal_connect_object (member, "notify", G_CALLBACK (on_member_notify_cb), cell,
                           G_CONNECT_SWAPPED);
  refresh_cell (self, cell);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              JxTeamView               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  JxTeamMember *member = cell_member (cell);

  if (member != NULL)
    g_signal_handlers_disconnect_by_func (member, on_member_notify_cb, cell);
  g_object_set_data (G_OBJECT (cell), "jx-member", NULL);
}

static void
on_teardown_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                JxTeamView               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (cell != NULL && g_hash_table_remove (self->cells, cell))
    g_object_weak_unref (G_OBJECT (cell), cell_gone_cb, self);
}

static void
forget_cells (JxTeamView *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      g_object_weak_unref (G_OBJECT (cell), cell_gone_cb, self);
      g_object_set_data (G_OBJECT (cell), "jx-view", NULL);
      g_hash_table_iter_remove (&iter);
    }
}

/* Sorting by the allocation's figures */

static double
sort_value (JxTeamView   *self,
            JxTeamMember *member,
            int           which)
{
  const JxRepAllocation *rep = rep_of (self, member);

  if (rep == NULL)
    return -G_MAXDOUBLE;
  switch (which)
    {
    case 0:
      return rep->planned_hours;
    case 1:
      return rep->load == JX_REP_LOAD_NO_CAPACITY ? G_MAXDOUBLE : rep->utilisation;
    default:
      return rep->capacity_hours > 0 ? rep->balance_hours : -G_MAXDOUBLE;
    }
}

static int
compare_figure (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GtkSorter *sorter = data;
  JxTeamView *self = g_object_get_data (G_OBJECT (sorter), "jx-view");
  int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sorter), "jx-figure"));
  double va = sort_value (self, (JxTeamMember *) a, which);
  double vb = sort_value (self, (JxTeamMember *) b, which);

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
property_sorter (const char *property,
                 gboolean    numeric)
{
  GtkExpression *expression = gtk_property_expression_new (JX_TYPE_TEAM_MEMBER, NULL, property);

  if (numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static void
setup_columns (JxTeamView *self)
{
  /* The columns that sort by a property of the member; the allocation's figures sort by
   * compare_figure(). */
  static const struct {
    const char *property;
    gboolean    numeric;
  } sort_by[JX_TEAM_N_COLUMNS] = {
    [JX_TEAM_COLUMN_NAME] = { "name", FALSE },
    [JX_TEAM_COLUMN_ROLE] = { "role", FALSE },
    [JX_TEAM_COLUMN_MANAGER] = { "manager-name", FALSE },
    [JX_TEAM_COLUMN_REGION] = { "region-name", FALSE },
    [JX_TEAM_COLUMN_CAPACITY] = { "capacity-hours", TRUE },
    [JX_TEAM_COLUMN_CUSTOMERS] = { "n-customers", TRUE },
  };

  for (guint c = 0; c < JX_TEAM_N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;

      g_object_set_data (G_OBJECT (factory), "jx-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown_cb), self);
      gtk_column_view_column_set_factory (self->columns[c], factory);

      if (sort_by[c].property != NULL)
        sorter = property_sorter (sort_by[c].property, sort_by[c].numeric);
      else
        {
          int which = c == JX_TEAM_COLUMN_PLANNED ? 0 : c == JX_TEAM_COLUMN_LOAD ? 1 : 2;
          GtkCustomSorter *custom = gtk_custom_sorter_new (NULL, NULL, NULL);

          gtk_custom_sorter_set_sort_func (custom, compare_figure, custom, NULL);
          g_object_set_data (G_OBJECT (custom), "jx-view", self);
          g_object_set_data (G_OBJECT (custom), "jx-figure", GINT_TO_POINTER (which));
          /* The column owns the sorter; the view only pokes it when the figures change. */
          self->allocation_sorters[which] = GTK_SORTER (custom);
          sorter = GTK_SORTER (custom);
        }
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
    }
}

/* Showing the figures */

static void
update_summary (JxTeamView *self)
{
  guint n = self->team != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->team)) : 0;
  guint reps = 0, managers = 0;
  g_autofree char *members_text = NULL;
  g_autofree char *managers_text = NULL;
  g_autofree char *reps_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTeamMember) member = g_list_model_get_item (G_LIST_MODEL (self->team), i);

      if (!jx_team_member_get_active (member))
        continue;
      if (jx_team_member_get_is_manager (member))
        managers++;
      else
        reps++;
    }
  /* Translators: parts of the Team view's summary, "17 members · 5 managers, 12 reps". */
  members_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
  managers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u manager", "%u managers",
                                                managers), managers);
  reps_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep", "%u reps", reps), reps);
  /* Translators: the Team view's summary, "17 members · 5 managers, 12 reps". */
  text = g_strdup_printf (_("%s · %s, %s"), members_text, managers_text, reps_text);
  gtk_label_set_text (self->summary_label, n > 0 ? text : _("No team members yet"));
}

static void
update_policy_rows (JxTeamView *self)
{
  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      g_autofree char *subtitle = NULL;

      if (self->policy_rows[t] == NULL)
        continue;
      if (self->allocation != NULL)
        {
          const JxTierAllocation *tier = &self->allocation->tiers[t];
          g_autofree char *customers = jx_number_format (tier->customers);
          g_autofree char *hours = jx_hours_format (tier->planned_hours);
          g_autofree char *share = jx_percent_format (tier->effort_share, 1);
          g_autofree char *customers_text = NULL;

          customers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer",
                                                         "%s customers", tier->customers),
                                            customers);
          /* Translators: under a tier's policy; "73 customers · 876 h planned per month
           * (42.6% of all planned hours)". */
          subtitle = g_strdup_printf (_("%s · %s planned per month (%s of all planned hours)"),
                                      customers_text, hours, share);
        }
      adw_action_row_set_subtitle (self->policy_rows[t], subtitle != NULL ? subtitle : "…");
    }
}

static void
update_allocation_label (JxTeamView *self)
{
  const JxAllocation *a = self->allocation;
  g_autofree char *planned = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *over = NULL;
  g_autofree char *under = NULL;
  g_autofree char *text = NULL;
  const JxRepAllocation *unowned = NULL;

  if (a == NULL)
    {
      gtk_label_set_text (self->allocation_label, _("Computing the allocation…"));
      gtk_widget_set_visible (GTK_WIDGET (self->unowned_label), FALSE);
      return;
    }
  planned = jx_hours_format (a->planned_hours);
  capacity = jx_hours_format (a->capacity_hours);
  percent = jx_percent_format (a->capacity_hours > 0 ? a->planned_hours / a->capacity_hours
                                                     : NAN, 0);
  /* Translators: part of the allocation summary; %u is a number of reps. */
  over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep over-allocated",
                                       "%u reps over-allocated", a->n_over), a->n_over);
  under = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep under-allocated",
                                        "%u reps under-allocated", a->n_under), a->n_under);
  /* Translators: the allocation summary; "Planned 2,058 h of 1,610 h capacity per month
   * (128%) · 10 reps over-allocated · 2 reps under-allocated". */
  text = g_strdup_printf (_("Planned %s of %s capacity per month (%s) · %s · %s"), planned,
                          capacity, percent, over, under);
  gtk_label_set_text (self->allocation_label, text);

  for (guint i = 0; i < a->reps->len; i++)
    if (g_array_index (a->reps, JxRepAllocation, i).member_id == 0)
      unowned = &g_array_index (a->reps, JxRepAllocation, i);
  if (unowned != NULL && unowned->customers > 0)
    {
      g_autofree char *count = jx_number_format (unowned->customers);
      g_autofree char *hours = jx_hours_format (unowned->planned_hours);
      g_autofree char *note = NULL;

      /* Translators: %s are a number of customers and hours. */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s customer has no owner; the %s a month planned "
                                           "for it fall on nobody. Give it an owner in the "
                                           "Customers view.",
                                           "%s customers have no owner; the %s a month "
                                           "planned for them fall on nobody. Give them an "
                                           "owner in the Customers view.",
                                           unowned->customers), count, hours);
      gtk_label_set_text (self->unowned_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->unowned_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->unowned_label), FALSE);
}

static void
update_busy (JxTeamView *self)
{
  gboolean busy = self->job_running || self->pending_tables != 0;

  gtk_spinner_set_spinning (self->spinner, busy && self->allocation != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy && self->allocation != NULL);
  gtk_spinner_set_spinning (self->chart_spinner, self->allocation == NULL);
}

static void
set_allocation (JxTeamView   *self,
                JxAllocation *allocation)
{
  g_clear_pointer (&self->reps, g_hash_table_unref);
  g_clear_pointer (&self->allocation, jx_allocation_free);
  self->allocation = allocation;
  if (allocation != NULL)
    {
      self->reps = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < allocation->reps->len; i++)
        {
          JxRepAllocation *rep = &g_array_index (allocation->reps, JxRepAllocation, i);

          if (rep->member_id != 0)
            g_hash_table_insert (self->reps, &rep->member_id, rep);
        }
      jx_effort_chart_view_set_allocation (self->effort_chart, allocation, self->currency);
      gtk_stack_set_visible_child_name (self->chart_stack, "chart");
    }
  else
    {
      jx_effort_chart_view_set_allocation (self->effort_chart, NULL, self->currency);
      gtk_stack_set_visible_child_name (self->chart_stack, "loading");
    }
  for (guint k = 0; k < G_N_ELEMENTS (self->allocation_sorters); k++)
    if (self->allocation_sorters[k] != NULL)
      gtk_sorter_changed (self->allocation_sorters[k], GTK_SORTER_CHANGE_DIFFERENT);
  refresh_all_cells (self);
  update_policy_rows (self);
  update_allocation_label (self);
  update_busy (self);
}

/* The chart's place says why there are no figures; the next change tries again. */
static void
show_allocation_error (JxTeamView   *self,
                       const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("The allocation could not be computed: %s"),
                                           error->message);

  self->pending_tables = 0;
  gtk_label_set_text (self->error_label, text);
  gtk_stack_set_visible_child_name (self->chart_stack, "error");
  update_busy (self);
}

static void
allocation_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JxTeamView *self = JX_TEAM_VIEW (object);
  AllocationJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  JxAllocation *allocation = g_task_propagate_pointer (G_TASK (result), &error);

  self->job_running = FALSE;
  if (self->disposed)
    {
      /* The task kept the view alive, but its widgets are gone. */
      g_clear_pointer (&allocation, jx_allocation_free);
      return;
    }
  if (job->generation != self->generation || self->source == NULL)
    {
      /* Another database was opened meanwhile (or the view went away). */
      g_clear_pointer (&allocation, jx_allocation_free);
      start_allocation (self);
      update_busy (self);
      return;
    }
  if (allocation == NULL)
    {
      /* The next change starts again from a fresh connection. */
      g_clear_object (&job->source->reader);
      show_allocation_error (self, error);
      return;
    }
  set_allocation (self, allocation);
  start_allocation (self);
}

static void
on_base_rows_changed_cb (JxTeamView *self)
{
  queue_allocation (self, JX_TABLE_CUSTOMERS);
}

static void
set_base (JxTeamView     *self,
          JxCustomerBase *base)
{
  if (self->base == base)
    return;
  if (self->base_loading != NULL)
    {
      g_cancellable_cancel (self->base_loading);
      g_clear_object (&self->base_loading);
    }
  if (self->base != NULL)
    g_signal_handlers_disconnect_by_func (self->base, on_base_rows_changed_cb, self);
  g_set_object (&self->base, base);
  if (base != NULL)
    g_signal_connect_swapped (base, "rows-changed", G_CALLBACK (on_base_rows_changed_cb), self);
}

static void
base_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JxTeamView) self = user_data;
  g_autoptr(JxCustomerBase) base = NULL;
  g_autoptr(GError) error = NULL;

  base = jx_customer_base_load_finish (JX_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed ||
      JX_STORE (source) != self->store)
    return;
  g_clear_object (&self->base_loading);
  if (base == NULL)
    {
      show_allocation_error (self, error);
      return;
    }
  set_base (self, base);
  start_allocation (self);
}

/* Starts a run for the changes gathered so far, unless one is running or the view is not
 * on screen (it starts when the view is mapped). The first run waits for the base. */
static void
start_allocation (JxTeamView *self)
{
  g_autoptr(GTask) task = NULL;
  AllocationJob *job;

  g_clear_handle_id (&self->start_id, g_source_remove);
  update_busy (self);
  if (self->job_running || self->pending_tables == 0 || self->source == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->base == NULL)
    {
      GDate today;

      if (self->base_loading != NULL)
        return;
      jx_view_get_today (JX_VIEW (self), &today);
      self->base_loading = g_cancellable_new ();
      jx_customer_base_load_async (self->store, &today, self->base_loading, base_loaded_cb,
                                   g_object_ref (self));
      return;
    }

  job = g_new0 (AllocationJob, 1);
  job->source = allocation_source_ref (self->source);
  job->generation = self->generation;
  job->customers = jx_allocation_customers_copy (self->base, &job->n_customers);
  self->pending_tables = 0;
  self->job_running = TRUE;

  task = g_task_new (self, NULL, allocation_done_cb, NULL);
  g_task_set_source_tag (task, start_allocation);
  g_task_set_task_data (task, job, allocation_job_free);
  g_task_run_in_thread (task, allocation_thread);
  update_busy (self);
}

static gboolean
start_allocation_cb (gpointer data)
{
  JxTeamView *self = data;

  self->start_id = 0;
  start_allocation (self);
  return G_SOURCE_REMOVE;
}

/* A run starts once the change that asks for it has been seen by everyone: a commit is
 * announced to the base and to this view in turn, and the base's rows are read after both. */
static void
queue_allocation (JxTeamView *self,
                  guint       tables)
{
  self->pending_tables |= tables;
  update_busy (self);
  if (self->start_id == 0)
    self->start_id = g_idle_add_full (G_PRIORITY_DEFAULT, start_allocation_cb, self, NULL);
}

/* Policies */

static void
load_policies (JxTeamView *self)
{
  JxTierPolicy policies[JX_N_TIERS];
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !jx_tier_policies_load (self->store, policies, &error))
    return;
  memcpy (self->policies, policies, sizeof policies);
  self->syncing++;
  for (guint t = 0; t < JX_N_TIERS; t++)
    {
      if (self->visits_spins[t] == NULL)
        continue;
      gtk_spin_button_set_value (self->visits_spins[t], policies[t].visits_per_month);
      gtk_spin_button_set_value (self->hours_spins[t], policies[t].hours_per_visit);
    }
  self->syncing--;
}

static void
on_policy_changed_cb (GtkSpinButton *spin,
                      JxTeamView    *self)
{
  JxTier tier = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "jx-tier"));
  JxTierPolicy policy;
  g_autoptr(GError) error = NULL;

  if (self->syncing > 0 || self->store == NULL)
    return;
  policy.visits_per_month = gtk_spin_button_get_value (self->visits_spins[tier]);
  policy.hours_per_visit = gtk_spin_button_get_value (self->hours_spins[tier]);
  /* A spin button reports its value again when it loses the focus; that is no change. */
  if (policy.visits_per_month == self->policies[tier].visits_per_month &&
      policy.hours_per_visit == self->policies[tier].hours_per_visit)
    return;
  if (!jx_tier_policy_set (self->store, tier, &policy, &error))
    {
      load_policies (self);
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Policy"), error);
    }
}

static void
draw_tier_dot (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  JxTier tier = GPOINTER_TO_INT (data);
  JxChartStyle style;
  JxColor color;

  jx_ui_chart_style_for (GTK_WIDGET (area), &style);
  color = jx_chart_tier_color (&style, tier);
  jx_color_set_source (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
on_dark_changed_cb (JxTeamView *self)
{
  for (guint t = 0; t < JX_N_TIERS; t++)
    if (self->tier_dots[t] != NULL)
      gtk_widget_queue_draw (self->tier_dots[t]);
}

static GtkSpinButton *
policy_spin (JxTeamView *self,
             JxTier      tier,
             double      max,
             const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 0.25);

  jx_ui_spin_button_set_undo (GTK_SPIN_BUTTON (spin), "win.undo", "win.redo");
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  g_object_set_data (G_OBJECT (spin), "jx-tier", GINT_TO_POINTER (tier));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_policy_changed_cb), self);
  return GTK_SPIN_BUTTON (spin);
}

static void
build_policy_rows (JxTeamView *self)
{
  const JxTier *order = jx_tier_board_order ();

  for (guint k = 0; k < JX_N_TIERS; k++)
    {
      JxTier tier = order[k];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dot = gtk_drawing_area_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *visits_label = gtk_label_new (_("visits a month ×"));
      GtkWidget *hours_label = gtk_label_new (_("h per visit"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jx_tier_get_label (tier));
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 12);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_tier_dot,
                                      GINT_TO_POINTER (tier), NULL);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      self->tier_dots[tier] = dot;

      self->visits_spins[tier] = policy_spin (self, tier, 100,
                                              _("Visits per customer per month"));
      self->hours_spins[tier] = policy_spin (self, tier, 24, _("Hours per visit"));
      gtk_widget_add_css_class (visits_label, "dim-label");
      gtk_widget_add_css_class (hours_label, "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->visits_spins[tier]));
      gtk_box_append (GTK_BOX (box), visits_label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hours_spins[tier]));
      gtk_box_append (GTK_BOX (box), hours_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_widget_add_css_class (row, "numeric");

      self->policy_rows[tier] = ADW_ACTION_ROW (row);
      adw_preferences_group_add (self->policy_group, row);
    }
  self->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (on_dark_changed_cb), self);
}

/* Following the store */

static void
on_store_changed_cb (JxTeamView *self,
                     guint       tables)
{
  if (tables & JX_TABLE_TIER_POLICIES)
    load_policies (self);
  if (tables & JX_TABLE_TEAM_MEMBERS)
    update_summary (self);
  if (tables & JX_TABLE_SETTINGS)
    {
      g_free (self->currency);
      self->currency = jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
    }
  if (tables & ALLOCATION_TABLES)
    queue_allocation (self, tables & ALLOCATION_TABLES);
}

static void
on_selection_changed_cb (JxTeamView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.remove-member",
                                 self->store != NULL &&
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

/* The table gets the height of its rows up to 14 of them; a longer team scrolls inside it.
 * The height is set rather than asked of the column view: asking for its natural height
 * makes it build a row for every member (4,800 at the largest demo scale). */
static void
update_table_height (JxTeamView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_scrolled_window_set_min_content_height (self->table_scroll,
                                              TABLE_HEADER_HEIGHT +
                                              TABLE_ROW_HEIGHT * CLAMP (n, 3, 14));
}

static void
on_team_items_changed_cb (JxTeamView *self)
{
  update_summary (self);
}

static gboolean
contains_key (const char *text,
              const char *key)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, key) != NULL;
}

/* A member shows when the search is empty or found in the name, role, manager or region. */
static gboolean
member_matches_cb (gpointer item,
                   gpointer data)
{
  JxTeamView *self = data;
  JxTeamMember *member = item;

  if (self->search_key == NULL)
    return TRUE;
  return contains_key (jx_team_member_get_name (member), self->search_key) ||
         contains_key (jx_team_member_get_role (member), self->search_key) ||
         contains_key (jx_team_member_get_manager_name (member), self->search_key) ||
         contains_key (jx_team_member_get_region_name (member), self->search_key);
}

static void
on_search_changed_cb (JxTeamView *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));

  g_clear_pointer (&self->search_key, g_free);
  if (*text != '\0')
    self->search_key = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_store (JxTeamView *self,
           JxStore    *store)
{
  g_autoptr(GError) error = NULL;

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->team != NULL)
    g_signal_handlers_disconnect_by_func (self->team, on_team_items_changed_cb, self);
  if (self->member_names != NULL)
    g_signal_handlers_disconnect_by_func (self->member_names, on_names_changed_cb, self);
  if (self->region_names != NULL)
    g_signal_handlers_disconnect_by_func (self->region_names, on_names_changed_cb, self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->team);
  g_clear_object (&self->member_names);
  g_clear_object (&self->region_names);
  g_clear_pointer (&self->source, allocation_source_unref);
  g_clear_handle_id (&self->start_id, g_source_remove);
  set_base (self, NULL);
  self->generation++;
  self->pending_tables = 0;
  set_allocation (self, NULL);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->team = jx_team_new (store, &error);
      if (self->team == NULL)
        g_warning ("Could not read the team: %s", error->message);
      else
        jx_team_set_paused (self->team, !gtk_widget_get_mapped (GTK_WIDGET (self)));
      self->member_names = jx_name_list_new (store, JX_TABLE_TEAM_MEMBERS);
      self->region_names = jx_name_list_new (store, JX_TABLE_REGIONS);
      g_signal_connect_swapped (self->member_names, "items-changed",
                                G_CALLBACK (on_names_changed_cb), self);
      g_signal_connect_swapped (self->region_names, "items-changed",
                                G_CALLBACK (on_names_changed_cb), self);
      on_names_changed_cb (self);
      if (self->team != NULL)
        g_signal_connect_swapped (self->team, "items-changed",
                                  G_CALLBACK (on_team_items_changed_cb), self);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->team));
      self->changed_id = g_signal_connect_swapped (store, "changed",
                                                   G_CALLBACK (on_store_changed_cb), self);
      g_free (self->currency);
      self->currency = jx_context_dup_currency (jx_view_get_context (JX_VIEW (self)));
      self->source = allocation_source_new (jx_store_get_path (store));
      load_policies (self);
      gtk_stack_set_visible_child_name (self->main_stack, "team");
      queue_allocation (self, JX_TABLE_ALL);
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_summary (self);
  update_table_height (self);
  on_selection_changed_cb (self);
}

static void
view_set_store (JxView  *view,
                JxStore *store)
{
  set_store (JX_TEAM_VIEW (view), store);
}

/* Actions */

static void
on_member_added_cb (JxTeamView *self,
                    gint64      member_id)
{
  /* The new member may not match the search; show everyone so it can be selected. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed_cb (self);
  jx_team_view_select_member (self, member_id);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JxTeamView *self = JX_TEAM_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  JxMemberDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = jx_member_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (dialog, "member-added", G_CALLBACK (on_member_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxTeamView *self = JX_TEAM_VIEW (widget);
  JxTeamMember *member = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint customers;

  if (self->store == NULL || member == NULL)
    return;
  name = g_strdup (jx_team_member_get_name (member));
  customers = jx_team_member_get_n_customers (member);
  if (!jx_team_remove_member (self->store, jx_team_member_get_id (member), &error))
    {
      jx_ui_show_error_dialog (GTK_WIDGET (self), _("Could Not Remove the Team Member"), error);
      return;
    }
  if (customers > 0)
    {
      g_autofree char *count = jx_number_format (customers);

      /* Translators: a toast; %s are a name and a number of customers. */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Removed %s; %s customer has no owner now",
                                              "Removed %s; %s customers have no owner now",
                                              customers), name, count);
    }
  else
    /* Translators: a toast; %s is a name. */
    message = g_strdup_printf (_("Removed %s"), name);
  jx_ui_add_undo_toast (widget, message);
}

/* Public API, mostly for tests */

/* Whether the allocation is being computed or waits to be. */
gboolean
jx_team_view_is_loading (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), FALSE);

  return self->job_running || self->pending_tables != 0;
}

/* The allocation the view shows, or %NULL before the first one is computed. */
const JxAllocation *
jx_team_view_get_allocation (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  return self->allocation;
}

/* The customers the allocation reads: the store's shared base, once loaded. */
JxCustomerBase *
jx_team_view_get_base (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  return self->base;
}

JxTeam *
jx_team_view_get_team (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  return self->team;
}

/* The widget showing @column of @member_id's row, when the row is on screen. */
GtkWidget *
jx_team_view_find_cell (JxTeamView   *self,
                        gint64        member_id,
                        JxTeamColumn  column)
{
  GHashTableIter iter;
  gpointer cell;

  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      JxTeamMember *member = cell_member (cell);

      if (member != NULL && jx_team_member_get_id (member) == member_id &&
          cell_column (cell) == column)
        return cell;
    }
  return NULL;
}

GtkSpinButton *
jx_team_view_get_policy_spin (JxTeamView *self,
                              JxTier      tier,
                              gboolean    hours)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);
  g_return_val_if_fail (tier < JX_N_TIERS, NULL);

  return hours ? self->hours_spins[tier] : self->visits_spins[tier];
}

/* How many members the table shows (after the search). */
guint
jx_team_view_get_n_shown (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GtkWidget *
jx_team_view_get_search_entry (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
jx_team_view_get_effort_chart (JxTeamView *self)
{
  g_return_val_if_fail (JX_IS_TEAM_VIEW (self), NULL);

  return GTK_WIDGET (self->effort_chart);
}

void
jx_team_view_select_member (JxTeamView *self,
                            gint64      member_id)
{
  guint n;

  g_return_if_fail (JX_IS_TEAM_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JxTeamMember) member = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (jx_team_member_get_id (member) == member_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* GObject */

static void
jx_team_view_map (GtkWidget *widget)
{
  JxTeamView *self = JX_TEAM_VIEW (widget);

  GTK_WIDGET_CLASS (jx_team_view_parent_class)->map (widget);
  /* The members and the allocation follow the store while the view is shown, and catch up
   * when it is shown again after changes. */
  if (self->team != NULL)
    jx_team_set_paused (self->team, FALSE);
  update_summary (self);
  start_allocation (self);
}

static void
jx_team_view_unmap (GtkWidget *widget)
{
  JxTeamView *self = JX_TEAM_VIEW (widget);

  if (self->team != NULL)
    jx_team_set_paused (self->team, TRUE);
  GTK_WIDGET_CLASS (jx_team_view_parent_class)->unmap (widget);
}

static void
jx_team_view_dispose (GObject *object)
{
  JxTeamView *self = JX_TEAM_VIEW (object);

  self->disposed = TRUE;
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  forget_cells (self);
  jx_view_set_context (JX_VIEW (self), NULL);
  gtk_column_view_set_model (self->members_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_table_height, self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->manager_choices);
  g_clear_object (&self->region_choices);
  for (guint k = 0; k < G_N_ELEMENTS (self->allocation_sorters); k++)
    self->allocation_sorters[k] = NULL;
  G_OBJECT_CLASS (jx_team_view_parent_class)->dispose (object);
}

static void
jx_team_view_finalize (GObject *object)
{
  JxTeamView *self = JX_TEAM_VIEW (object);

  g_clear_pointer (&self->reps, g_hash_table_unref);
  g_clear_pointer (&self->allocation, jx_allocation_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_free (self->search_key);
  g_free (self->currency);
  G_OBJECT_CLASS (jx_team_view_parent_class)->finalize (object);
}

static void
jx_team_view_class_init (JxTeamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JX_VIEW_CLASS (klass)->set_store = view_set_store;

  object_class->dispose = jx_team_view_dispose;
  object_class->finalize = jx_team_view_finalize;
  widget_class->map = jx_team_view_map;
  widget_class->unmap = jx_team_view_unmap;


  g_type_ensure (JX_TYPE_EFFORT_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-team-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, table_scroll);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, members_view);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "role_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "manager_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "region_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "capacity_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "customers_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "planned_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[6]));
  gtk_widget_class_bind_template_child_full (widget_class, "load_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[7]));
  gtk_widget_class_bind_template_child_full (widget_class, "balance_column", FALSE,
                                             G_STRUCT_OFFSET (JxTeamView, columns[8]));
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, unowned_label);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, allocation_label);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, policy_group);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, chart_spinner);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, error_label);
  gtk_widget_class_bind_template_child (widget_class, JxTeamView, effort_chart);

  gtk_widget_class_install_action (widget_class, "team.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "team.remove-member", NULL,
                                   remove_member_action);
}

static void
jx_team_view_init (JxTeamView *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  self->filter = gtk_custom_filter_new (member_matches_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_table_height),
                            self);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), NULL);
  gtk_sort_list_model_set_sorter (self->sorted,
                                  gtk_column_view_get_sorter (self->members_view));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->members_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);

  jx_ui_bind_delete_key (GTK_WIDGET (self->members_view), "team.remove-member");

  self->manager_choices = build_choices (NULL, C_("manager", "None"));
  self->region_choices = build_choices (NULL, C_("region", "None"));
  build_policy_rows (self);
  set_allocation (self, NULL);
  on_selection_changed_cb (self);
}
