/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jx-import-assistant.h"

/*
 * Import…: a modal assistant over JxImport. Its pages are
 *
 *   file → preview → mapping → (checking) → problems → (importing) → summary
 *
 * Checking (jx_import_validate) and writing (jx_import_write) read the whole file, so they
 * run in a worker thread with a progress bar and Cancel. While they run, nothing else may
 * use the store: the assistant is modal, it has no application (so the application's
 * shortcuts such as Open Database do not reach it), closing it only cancels the run, and
 * the store announces nothing until jx_import_commit(), which runs here in the main
 * thread and emits JxStore::changed for the views.
 */

typedef enum {
  RUN_NONE,
  RUN_VALIDATE,
  RUN_WRITE,
} RunKind;

struct _JxImportAssistant {
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  AdwComboRow          *kind_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *date_order_row;
  GtkWidget            *choose_button;
  GtkWidget            *file_error_group;
  GtkLabel             *file_error_label;
  GtkLabel             *preview_label;
  GtkColumnView        *preview_view;
  GtkWidget            *missing_box;
  GtkLabel             *missing_label;
  GtkListBox           *mapping_list;
  AdwStatusPage        *busy_page;
  GtkProgressBar       *busy_progress;
  GtkImage             *problems_icon;
  GtkLabel             *problems_title;
  GtkLabel             *problems_label;
  AdwPreferencesGroup  *unknown_group;
  AdwPreferencesGroup  *error_group;
  AdwPreferencesGroup  *notes_group;
  GtkWidget            *create_all_button;
  GtkImage             *summary_icon;
  GtkLabel             *summary_title;
  GtkLabel             *summary_label;
  GtkWidget            *undo_button;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *created_group;
  AdwPreferencesGroup  *blanks_group;
  AdwPreferencesGroup  *summary_notes_group;

  JxContext            *context;
  JxStore              *store;
  GFile                *file;
  JxImport             *import;
  gboolean              kind_chosen;
  gboolean              syncing;
  GPtrArray            *aliases;      /* GStrv: field, name in the file, existing name */
  GHashTable           *wanted;       /* "field\x1fname" of unknown names to create */

  /* The mapping page: what each drop-down position means, and one drop-down and one stage
   * name entry per column. */
  guint                 import_serial;   /* counts the files opened, */
  guint                 mapping_serial;  /* and the one the mapping page shows */
  GPtrArray            *choices;
  GPtrArray            *choice_descriptions;
  GtkStringList        *choice_labels;
  GPtrArray            *dropdowns;
  GPtrArray            *stage_entries;

  /* The run in the worker thread. */
  RunKind               running;
  GCancellable         *cancellable;
  int                   progress;     /* permille, written by the worker */
  guint                 progress_source;
  gboolean              close_requested;
  gboolean              disposed;
  GError               *check_error;  /* validation could not run at all */
  GError               *write_error;  /* the last import was cancelled or failed */

  gboolean              made_undo_step;
  gboolean              undone;
};

G_DEFINE_FINAL_TYPE (JxImportAssistant, jx_import_assistant, ADW_TYPE_WINDOW)

/* A file can name thousands of new customers; beyond this many, Create All speaks for the
 * rest. */
#define MAX_UNKNOWN_ROWS 200

/* The drop-down position that asks for a stage name: "entered:" followed by nothing. */
#define CUSTOM_STAGE JX_IMPORT_ENTERED_PREFIX

static const char *const encodings[] = {
  NULL, "UTF-8", "GB18030", "BIG5", "UTF-16", "WINDOWS-1252",
};

static const JxDateOrder date_orders[] = {
  JX_DATE_ORDER_YMD, JX_DATE_ORDER_MDY, JX_DATE_ORDER_DMY,
};

/* What the summary's "created" entries are, in the user's words. */
static const struct {
  const char *field;
  const char *label;
} created_labels[] = {
  { "customer", N_("Customer") },
  { "member", N_("Team member") },
  { "product", N_("Product") },
  { "stage", N_("Stage") },
  { "region", N_("Region") },
  { "customer_type", N_("Customer type") },
  { "product_line", N_("Product line") },
  { "plan", N_("Target plan") },
};

static void update_header (JxImportAssistant *self);
static void build_problems (JxImportAssistant *self);
static void restore_create_switches (JxImportAssistant *self);
static void update_problems_status (JxImportAssistant *self);

/* ---------------------------------------------------------------- helpers */

static const char *
field_label (JxImportKind  kind,
             const char   *name)
{
  guint n_fields;
  const JxImportField *fields = jx_import_kind_get_fields (kind, &n_fields);

  for (guint f = 0; f < n_fields; f++)
    if (g_strcmp0 (fields[f].name, name) == 0)
      return _(fields[f].label);
  return name;
}

static const char *
created_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (created_labels); i++)
    if (g_str_equal (created_labels[i].field, field))
      return _(created_labels[i].label);
  return field;
}

static char *
file_basename (JxImportAssistant *self)
{
  return self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("");
}

/* Rows added to a preferences group in code, so that they can be taken out again. */
static void
group_add (AdwPreferencesGroup *group,
           GtkWidget           *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "jx-rows");

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), "jx-rows", rows,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
}

static void
group_clear (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "jx-rows");

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  if (rows != NULL)
    g_ptr_array_set_size (rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The headers of the columns the import leaves out, if there are any. */
static void
add_ignored_columns_row (AdwPreferencesGroup   *group,
                         const JxImportSummary *summary)
{
  g_autoptr(GString) columns = g_string_new (NULL);

  if (summary->ignored_columns->len == 0)
    return;
  for (guint i = 0; i < summary->ignored_columns->len; i++)
    g_string_append_printf (columns, "%s%s", i > 0 ? _(", ") : "",
                            (const char *) summary->ignored_columns->pdata[i]);
  group_add (group, text_row (_("Columns left out"), columns->str));
}

/* A row with a number on the right, in tabular figures. */
static GtkWidget *
count_row (const char *title,
           gint64      count)
{
  GtkWidget *row = text_row (title, NULL);
  g_autofree char *text = jx_number_format (count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ',':
      return C_("separator", "comma");
    case ';':
      return C_("separator", "semicolon");
    case '\t':
      return C_("separator", "tab");
    default:
      return C_("separator", "other");
    }
}

/* Money and counts read better right-aligned; dates and names stay on the left. */
static gboolean
looks_numeric (const char *text)
{
  gboolean digit = FALSE;
  int dashes = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (c == '-')
        dashes++;
      else if (c == '/' ||
               !(c == ',' || c == '.' || c == ' ' || c == '\'' || c == '(' || c == ')' ||
                 c == '+' || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL))
        return FALSE;
    }
  return digit && dashes <= 1;
}

/* ---------------------------------------------------------------- the file */

static void
show_file_error (JxImportAssistant *self,
                 const char        *message)
{
  gtk_label_set_text (self->file_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->file_error_group, message != NULL);
}

static JxImportKind
selected_kind (JxImportAssistant *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return kind < JX_IMPORT_N_KINDS ? kind : JX_IMPORT_KIND_CUSTOMERS;
}

static JxImport *
new_import (JxImportAssistant *self,
            JxImportKind       kind)
{
  JxImport *import = jx_import_new (self->store, kind);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint order = adw_combo_row_get_selected (self->date_order_row);
  GDate today;

  if (encoding < G_N_ELEMENTS (encodings))
    jx_import_set_encoding (import, encodings[encoding]);
  if (order < G_N_ELEMENTS (date_orders))
    jx_import_set_date_order (import, date_orders[order]);
  jx_context_get_today (self->context, &today);
  jx_import_set_today (import, &today);
  return import;
}

/* The kind whose fields the headers match best: every required field must have a column,
 * and the kind that maps the most columns wins. */
static gboolean
guess_kind (JxImportAssistant *self,
            const char        *path,
            JxImportKind      *kind)
{
  guint best_score = 0;

  for (guint k = 0; k < JX_IMPORT_N_KINDS; k++)
    {
      g_autoptr(JxImport) import = new_import (self, k);
      guint n_fields, score = 0;
      const JxImportField *fields = jx_import_kind_get_fields (k, &n_fields);
      gboolean complete = TRUE;

      if (!jx_import_open (import, path, NULL))
        return FALSE;
      for (guint f = 0; f < n_fields && complete; f++)
        {
          gboolean mapped = FALSE;

          if (!fields[f].required || (k == JX_IMPORT_KIND_TARGETS && f == 0))
            continue;
          for (guint c = 0; c < jx_import_get_n_columns (import) && !mapped; c++)
            mapped = g_strcmp0 (jx_import_get_column (import, c)->field, fields[f].name) == 0;
          complete = mapped;
        }
      if (!complete)
        continue;
      for (guint c = 0; c < jx_import_get_n_columns (import); c++)
        if (jx_import_get_column (import, c)->field != NULL)
          score++;
      if (score > best_score)
        {
          best_score = score;
          *kind = k;
        }
    }
  return best_score > 0;
}

/* Opens the file for the chosen kind and options; a file that cannot be read shows the
 * engine's message on the first page. */
static void
open_import (JxImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_clear_object (&self->import);
  self->import_serial++;
  g_clear_error (&self->check_error);
  g_clear_error (&self->write_error);
  g_ptr_array_set_size (self->aliases, 0);
  g_hash_table_remove_all (self->wanted);
  show_file_error (self, NULL);
  if (self->file != NULL)
    {
      path = g_file_get_path (self->file);
      if (path == NULL)
        show_file_error (self, _("The file is not on this computer. Copy it to a local folder "
                                 "and choose it there."));
    }
  if (path != NULL)
    {
      self->import = new_import (self, selected_kind (self));
      if (!jx_import_open (self->import, path, &error))
        {
          show_file_error (self, error->message);
          g_clear_object (&self->import);
        }
    }
  update_header (self);
}

static void
on_kind_selected_cb (JxImportAssistant *self)
{
  if (self->syncing)
    return;
  self->kind_chosen = TRUE;
  open_import (self);
}

static void
on_encoding_selected_cb (JxImportAssistant *self)
{
  if (!self->syncing)
    open_import (self);
}

static void
on_date_order_selected_cb (JxImportAssistant *self)
{
  guint order = adw_combo_row_get_selected (self->date_order_row);

  if (self->import != NULL && order < G_N_ELEMENTS (date_orders))
    jx_import_set_date_order (self->import, date_orders[order]);
}

/**
 * jx_import_assistant_set_file:
 * @self: a #JxImportAssistant
 * @file: the CSV file
 *
 * Takes @file as the file to import, as the file chooser does. Unless the user picked a
 * kind, the kind is guessed from the headers.
 */
void
jx_import_assistant_set_file (JxImportAssistant *self,
                              GFile             *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  JxImportKind kind;

  g_return_if_fail (JX_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->running == RUN_NONE);

  g_set_object (&self->file, file);
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_row), path);
  if (path != NULL && !self->kind_chosen && guess_kind (self, path, &kind))
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (self->kind_row, kind);
      self->syncing = FALSE;
    }
  open_import (self);
}

void
jx_import_assistant_set_kind (JxImportAssistant *self,
                              JxImportKind       kind)
{
  g_return_if_fail (JX_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (kind < JX_IMPORT_N_KINDS);
  g_return_if_fail (self->running == RUN_NONE);

  self->kind_chosen = TRUE;
  if (adw_combo_row_get_selected (self->kind_row) != kind)
    adw_combo_row_set_selected (self->kind_row, kind);
}

JxImportKind
jx_import_assistant_get_kind (JxImportAssistant *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_ASSISTANT (self), JX_IMPORT_KIND_CUSTOMERS);

  return selected_kind (self);
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        JxImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->running == RUN_NONE)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        jx_import_assistant_set_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_activate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.tsv");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  /* The chooser may outlive the assistant when the window goes first. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------- the preview */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint column = GPOINTER_TO_UINT (user_data);
  const char *text = column < g_list_model_get_n_items (G_LIST_MODEL (row))
                       ? gtk_string_list_get_string (row, column) : "";
  g_autofree char *line = g_strdelimit (g_strdup (text), "\r\n", ' ');
  gboolean numeric = looks_numeric (line);

  gtk_label_set_text (GTK_LABEL (label), line);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_remove_css_class (label, "numeric");
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > 32 ? text : NULL);
}

static void
build_preview (JxImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *summary = NULL;
  guint n_rows = jx_import_get_n_preview_rows (self->import);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  for (guint c = 0; c < jx_import_get_n_columns (self->import); c++)
    {
      const JxImportColumn *column = jx_import_get_column (self->import, c);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      view_column = gtk_column_view_column_new (column->header, factory);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_append_column (self->preview_view, view_column);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GtkStringList) row =
        gtk_string_list_new ((const char * const *) jx_import_get_preview_row (self->import, r));

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  /* Translators: the line above the preview; %1$s is an encoding such as UTF-8, %2$s a
   * separator (comma, semicolon, tab), %3$u the number of rows shown. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Encoding %1$s · separated by %2$s · the first %3$u row "
                                          "of the file",
                                          "Encoding %1$s · separated by %2$s · the first %3$u rows "
                                          "of the file", n_rows),
                             jx_import_get_encoding (self->import),
                             separator_name (jx_import_get_separator (self->import)), n_rows);
  gtk_label_set_text (self->preview_label, summary);
}

/* ---------------------------------------------------------------- the mapping */

static void
build_choices (JxImportAssistant *self)
{
  JxImportKind kind = jx_import_get_kind (self->import);
  g_auto(GStrv) names = jx_import_list_field_choices (self->import);
  guint n_fields;
  const JxImportField *fields = jx_import_kind_get_fields (kind, &n_fields);

  g_ptr_array_set_size (self->choices, 0);
  g_ptr_array_set_size (self->choice_descriptions, 0);
  g_clear_object (&self->choice_labels);
  self->choice_labels = gtk_string_list_new (NULL);

  g_ptr_array_add (self->choices, NULL);
  gtk_string_list_append (self->choice_labels, _("Ignore"));
  g_ptr_array_add (self->choice_descriptions, g_strdup (_("Leave this column out.")));
  for (guint f = 0; f < n_fields; f++)
    {
      g_ptr_array_add (self->choices, g_strdup (fields[f].name));
      gtk_string_list_append (self->choice_labels, _(fields[f].label));
      g_ptr_array_add (self->choice_descriptions,
                       fields[f].required
                         /* Translators: the description of a field that every row needs. */
                         ? g_strdup_printf (_("Required. %s"), _(fields[f].description))
                         : g_strdup (_(fields[f].description)));
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      if (!g_str_has_prefix (names[i], JX_IMPORT_ENTERED_PREFIX))
        continue;
      /* Translators: a choice of field for a column of dates; %s is a stage name. */
      label = g_strdup_printf (_("Entered “%s”"), names[i] + strlen (JX_IMPORT_ENTERED_PREFIX));
      g_ptr_array_add (self->choices, g_strdup (names[i]));
      gtk_string_list_append (self->choice_labels, label);
      g_ptr_array_add (self->choice_descriptions,
                       g_strdup (_("The date the deal entered this stage, for its stage "
                                   "history.")));
    }
  if (kind == JX_IMPORT_KIND_DEALS)
    {
      g_ptr_array_add (self->choices, g_strdup (CUSTOM_STAGE));
      gtk_string_list_append (self->choice_labels, _("Entered Another Stage…"));
      g_ptr_array_add (self->choice_descriptions,
                       g_strdup (_("The date the deal entered a stage you name; a stage the "
                                   "database lacks can be created on the next page.")));
    }
}

static guint
choice_position (JxImportAssistant *self,
                 const char        *field)
{
  if (field == NULL)
    return 0;
  for (guint i = 1; i < self->choices->len; i++)
    if (g_strcmp0 (self->choices->pdata[i], field) == 0)
      return i;
  if (g_str_has_prefix (field, JX_IMPORT_ENTERED_PREFIX))
    return self->choices->len - 1;
  return 0;
}

static gboolean
is_custom_position (JxImportAssistant *self,
                    guint              position)
{
  return position < self->choices->len &&
         g_strcmp0 (self->choices->pdata[position], CUSTOM_STAGE) == 0;
}

/* Required fields that no column goes to, as a list of labels; NULL when all are mapped. */
static char *
missing_fields (JxImportAssistant *self)
{
  JxImportKind kind = jx_import_get_kind (self->import);
  guint n_fields;
  const JxImportField *fields = jx_import_kind_get_fields (kind, &n_fields);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint f = 0; f < n_fields; f++)
    {
      gboolean mapped = FALSE;

      /* Targets without a plan column go to the active plan. */
      if (!fields[f].required || (kind == JX_IMPORT_KIND_TARGETS && f == 0))
        continue;
      for (guint c = 0; c < jx_import_get_n_columns (self->import) && !mapped; c++)
        mapped = g_strcmp0 (jx_import_get_column (self->import, c)->field, fields[f].name) == 0;
      if (!mapped)
        g_string_append_printf (missing, "%s“%s”", missing->len > 0 ? _(", ") : "",
                                _(fields[f].label));
    }
  return missing->len > 0 ? g_string_free (g_steal_pointer (&missing), FALSE) : NULL;
}

static void
update_missing (JxImportAssistant *self)
{
  g_autofree char *missing = missing_fields (self);

  if (missing != NULL)
    {
      /* Translators: %s lists fields, such as “Reference”, “Stage”. */
      g_autofree char *text = g_strdup_printf (_("No column goes to the required %s. Choose "
                                                 "the column that holds it."), missing);

      gtk_label_set_text (self->missing_label, text);
    }
  gtk_widget_set_visible (self->missing_box, missing != NULL);
  update_header (self);
}

/* Shows in every drop-down what the import now maps; choosing a field for one column takes
 * it from any other. */
static void
sync_mapping (JxImportAssistant *self)
{
  self->syncing = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      GtkDropDown *dropdown = self->dropdowns->pdata[c];
      GtkEditable *entry = self->stage_entries->pdata[c];
      const char *field = jx_import_get_column (self->import, c)->field;
      guint position = choice_position (self, field);

      /* A stage typed by hand stays typed, even when it names a listed stage. */
      if (is_custom_position (self, gtk_drop_down_get_selected (dropdown)) &&
          (field == NULL || g_str_has_prefix (field, JX_IMPORT_ENTERED_PREFIX)))
        position = gtk_drop_down_get_selected (dropdown);
      if (gtk_drop_down_get_selected (dropdown) != position)
        gtk_drop_down_set_selected (dropdown, position);
      if (is_custom_position (self, position) && field != NULL &&
          g_strcmp0 (gtk_editable_get_text (entry), field + strlen (JX_IMPORT_ENTERED_PREFIX)) != 0)
        gtk_editable_set_text (entry, field + strlen (JX_IMPORT_ENTERED_PREFIX));
      gtk_widget_set_visible (GTK_WIDGET (entry), is_custom_position (self, position));
    }
  self->syncing = FALSE;
  update_missing (self);
}

static void
apply_column (JxImportAssistant *self,
              guint              column)
{
  GtkDropDown *dropdown = self->dropdowns->pdata[column];
  GtkEditable *entry = self->stage_entries->pdata[column];
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autofree char *field = NULL;
  g_autoptr(GError) error = NULL;

  if (is_custom_position (self, position))
    {
      g_autofree char *stage = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      if (*stage != '\0')
        field = g_strconcat (JX_IMPORT_ENTERED_PREFIX, stage, NULL);
    }
  else if (position < self->choices->len)
    field = g_strdup (self->choices->pdata[position]);
  if (!jx_import_set_column_field (self->import, column, field, &error))
    g_warning ("%s", error->message);
  sync_mapping (self);
}

static void
on_field_selected_cb (GtkDropDown       *dropdown,
                      GParamSpec        *pspec,
                      JxImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "jx-column"));

  if (self->syncing)
    return;
  apply_column (self, column);
  if (is_custom_position (self, gtk_drop_down_get_selected (dropdown)))
    gtk_widget_grab_focus (self->stage_entries->pdata[column]);
}

static void
on_stage_changed_cb (GtkEditable       *entry,
                     JxImportAssistant *self)
{
  if (!self->syncing)
    apply_column (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "jx-column")));
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

/* In the open list, each field comes with what it means. */
static void
setup_choice_entry_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 46);
  gtk_label_set_width_chars (GTK_LABEL (description), 46);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_entry_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      JxImportAssistant        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_next_sibling (label);
  guint position = gtk_list_item_get_position (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_label_set_text (GTK_LABEL (description),
                      position < self->choice_descriptions->len
                        ? self->choice_descriptions->pdata[position] : "");
}

static void
build_mapping (JxImportAssistant *self)
{
  GtkWidget *child;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list))) != NULL)
    gtk_list_box_remove (self->mapping_list, child);
  g_ptr_array_set_size (self->dropdowns, 0);
  g_ptr_array_set_size (self->stage_entries, 0);
  build_choices (self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_entry_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_entry_cb), self);

  for (guint c = 0; c < jx_import_get_n_columns (self->import); c++)
    {
      const JxImportColumn *column = jx_import_get_column (self->import, c);
      g_autofree char *samples = column->samples[0] != NULL
                                   ? g_strjoinv ("  ·  ", column->samples)
                                   : g_strdup (_("No values in the first rows"));
      g_autofree char *title = *column->header != '\0'
                                 ? g_strdup (column->header)
                                 /* Translators: a column without a header; %u counts from 1. */
                                 : g_strdup_printf (_("Column %u"), c + 1);
      GtkWidget *row = text_row (title, samples);
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->choice_labels)),
                                               NULL);
      GtkWidget *entry = gtk_entry_new ();

      g_strdelimit (samples, "\r\n", ' ');
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, samples);

      gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (dropdown, 240, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data (G_OBJECT (dropdown), "jx-column", GUINT_TO_POINTER (c));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice_position (self, column->field));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), self);

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Stage name"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (entry, FALSE);
      g_object_set_data (G_OBJECT (entry), "jx-column", GUINT_TO_POINTER (c));
      g_signal_connect (entry, "changed", G_CALLBACK (on_stage_changed_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      gtk_list_box_append (self->mapping_list, row);
      g_ptr_array_add (self->dropdowns, dropdown);
      g_ptr_array_add (self->stage_entries, entry);
    }
  self->mapping_serial = self->import_serial;
  sync_mapping (self);
}

/* ---------------------------------------------------------------- running */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  JxImportAssistant *self = user_data;

  /* Called in the worker thread: only the number crosses over. */
  g_atomic_int_set (&self->progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  JxImportAssistant *self = user_data;

  gtk_progress_bar_set_fraction (self->busy_progress, g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

typedef struct {
  JxImport *import;
  RunKind   kind;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->import);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (run->kind == RUN_VALIDATE)
    ok = jx_import_validate (run->import, cancellable, progress_cb, source, &error);
  else
    /* On failure or cancel this rolls back; the data stays as it was. */
    ok = jx_import_write (run->import, FALSE, cancellable, progress_cb, source, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_can_undo_cb (JxImportAssistant *self)
{
  self->made_undo_step = TRUE;
}

static void build_summary (JxImportAssistant *self);

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (source);
  RunData *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->running = RUN_NONE;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  /* Closed while it ran: the user asked to stop, so a finished write is abandoned too. */
  if (self->disposed || self->close_requested)
    {
      if (ok && run->kind == RUN_WRITE)
        jx_import_rollback (run->import);
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel-run", FALSE);
  if (run->kind == RUN_VALIDATE)
    {
      if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "mapping");
          update_header (self);
          return;
        }
      if (!ok)
        self->check_error = g_steal_pointer (&error);
      else
        restore_create_switches (self);
      build_problems (self);
      gtk_stack_set_visible_child_name (self->stack, "problems");
      update_header (self);
      return;
    }

  if (ok)
    {
      gulong id = g_signal_connect_swapped (self->store, "notify::can-undo",
                                            G_CALLBACK (on_can_undo_cb), self);

      /* Emits JxStore::changed here, in the main thread: the views reload now. */
      self->made_undo_step = FALSE;
      ok = jx_import_commit (self->import, &error);
      g_signal_handler_disconnect (self->store, id);
    }
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (&self->write_error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The import was cancelled. Nothing was changed."));
      else
        self->write_error = g_steal_pointer (&error);
      gtk_stack_set_visible_child_name (self->stack, "problems");
      update_problems_status (self);
      update_header (self);
      return;
    }
  build_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  update_header (self);
}

static void
start_run (JxImportAssistant *self,
           RunKind            kind)
{
  g_autoptr(GTask) task = NULL;
  RunData *run = g_new0 (RunData, 1);

  g_return_if_fail (self->running == RUN_NONE);
  g_return_if_fail (self->import != NULL);

  run->import = g_object_ref (self->import);
  run->kind = kind;
  self->running = kind;
  self->progress = 0;
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->write_error);
  if (kind == RUN_VALIDATE)
    g_clear_error (&self->check_error);

  if (kind == RUN_VALIDATE)
    {
      adw_status_page_set_title (self->busy_page, _("Checking the File"));
      adw_status_page_set_description (self->busy_page,
                                       _("Every row is read and checked. Nothing is written "
                                         "yet."));
    }
  else
    {
      const JxImportSummary *summary = jx_import_get_summary (self->import);
      g_autofree char *rows = jx_number_format (summary->n_rows);
      g_autofree char *description =
        /* Translators: %s is a number of rows. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Writing %s row in one step. Cancel leaves the data as "
                                      "it was.",
                                      "Writing %s rows in one step. Cancel leaves the data as "
                                      "it was.", summary->n_rows), rows);

      adw_status_page_set_title (self->busy_page, _("Importing"));
      adw_status_page_set_description (self->busy_page, description);
    }
  gtk_progress_bar_set_fraction (self->busy_progress, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel-run", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  update_header (self);
  self->progress_source = g_timeout_add (100, poll_progress_cb, self);

  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

static void
cancel_run_activate (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_action_set_enabled (widget, "import.cancel-run", FALSE);
}

/* ---------------------------------------------------------------- problems */

static char *
unknown_key (const JxImportUnknown *unknown)
{
  return g_strconcat (unknown->field, "\x1f", unknown->value, NULL);
}

/* Checking again forgets the switches; the user's choices come back from here. */
static void
restore_create_switches (JxImportAssistant *self)
{
  for (guint i = 0; i < jx_import_get_n_unknowns (self->import); i++)
    {
      g_autofree char *key = unknown_key (jx_import_get_unknown (self->import, i));

      if (g_hash_table_contains (self->wanted, key))
        jx_import_set_create (self->import, i, TRUE);
    }
}

static void
on_create_toggled_cb (GtkSwitch         *toggle,
                      GParamSpec        *pspec,
                      JxImportAssistant *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "jx-unknown"));
  g_autofree char *key = NULL;

  if (self->syncing || self->running != RUN_NONE)
    return;
  key = unknown_key (jx_import_get_unknown (self->import, index));
  if (gtk_switch_get_active (toggle))
    g_hash_table_add (self->wanted, g_steal_pointer (&key));
  else
    g_hash_table_remove (self->wanted, key);
  jx_import_set_create (self->import, index, gtk_switch_get_active (toggle));
  g_clear_error (&self->write_error);
  update_problems_status (self);
}

static void
update_problems_status (JxImportAssistant *self)
{
  const JxImportSummary *summary = jx_import_get_summary (self->import);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  const char *icon;
  const char *style;

  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "success");
  if (self->check_error != NULL)
    {
      icon = "dialog-error-symbolic";
      style = "error";
      title = g_strdup (_("The File Could Not Be Checked"));
      text = g_strdup (self->check_error->message);
    }
  else if (summary->n_errors > 0)
    {
      g_autofree char *n = jx_number_format (summary->n_errors);

      icon = "dialog-error-symbolic";
      style = "error";
      /* Translators: %s is a number of errors. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The File Has %s Error",
                                            "The File Has %s Errors", summary->n_errors), n);
      text = g_strdup (_("Nothing can be imported until they are corrected. Correct the file "
                         "in the program it comes from, save it, and choose Check Again."));
    }
  else if (summary->unknowns->len > 0)
    {
      icon = "dialog-warning-symbolic";
      style = "warning";
      title = g_strdup (_("Some Names Are Unknown"));
      text = g_strdup (_("Switch on Create for each name the import should add, or correct "
                         "the file and choose Check Again."));
    }
  else if (self->write_error != NULL)
    {
      icon = "dialog-information-symbolic";
      style = NULL;
      title = g_strdup (_("Nothing Was Imported"));
      text = g_strdup (self->write_error->message);
    }
  else
    {
      g_autofree char *rows = jx_number_format (summary->n_rows);

      icon = "object-select-symbolic";
      style = "success";
      title = g_strdup (_("Ready to Import"));
      /* Translators: %s is a number of rows. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s row checked, no problems found.",
                                           "%s rows checked, no problems found.",
                                           summary->n_rows), rows);
    }
  gtk_image_set_from_icon_name (self->problems_icon, icon);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_icon), style);
  gtk_label_set_text (self->problems_title, title);
  gtk_label_set_text (self->problems_label, text);
  update_header (self);
}

static GtkWidget *
alias_row (JxImportAssistant  *self,
           char              **alias)
{
  /* Translators: %1$s is a name as the file writes it, %2$s the existing name. */
  g_autofree char *title = g_strdup_printf (_("“%1$s” is read as “%2$s”"), alias[1], alias[2]);

  return text_row (title, field_label (jx_import_get_kind (self->import), alias[0]));
}

/* "Did you mean": read the name as the suggested one, and check again. */
static void
on_use_suggestion_cb (GtkButton         *button,
                      JxImportAssistant *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jx-unknown"));
  const JxImportUnknown *unknown;
  g_autoptr(GError) error = NULL;
  char *alias[4] = { NULL };

  if (self->running != RUN_NONE || index >= jx_import_get_n_unknowns (self->import))
    return;
  unknown = jx_import_get_unknown (self->import, index);
  if (!jx_import_set_alias (self->import, unknown->field, unknown->value, unknown->suggestion,
                            &error))
    {
      gtk_label_set_text (self->problems_label, error->message);
      return;
    }
  alias[0] = unknown->field;
  alias[1] = unknown->value;
  alias[2] = unknown->suggestion;
  g_ptr_array_add (self->aliases, g_strdupv (alias));
  start_run (self, RUN_VALIDATE);
}

static void
on_revert_alias_cb (GtkButton         *button,
                    JxImportAssistant *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jx-alias"));
  char **alias;

  if (self->running != RUN_NONE || index >= self->aliases->len)
    return;
  alias = self->aliases->pdata[index];
  jx_import_set_alias (self->import, alias[0], alias[1], NULL, NULL);
  g_ptr_array_remove_index (self->aliases, index);
  start_run (self, RUN_VALIDATE);
}

static void
build_problems (JxImportAssistant *self)
{
  const JxImportSummary *summary = jx_import_get_summary (self->import);
  JxImportKind kind = jx_import_get_kind (self->import);
  guint n_unknowns = self->check_error == NULL ? jx_import_get_n_unknowns (self->import) : 0;
  gboolean can_create_any = FALSE;

  group_clear (self->unknown_group);
  group_clear (self->error_group);
  group_clear (self->notes_group);
  if (self->check_error != NULL || summary == NULL)
    {
      update_problems_status (self);
      return;
    }

  self->syncing = TRUE;
  for (guint i = 0; i < MIN (n_unknowns, MAX_UNKNOWN_ROWS); i++)
    {
      const JxImportUnknown *unknown = jx_import_get_unknown (self->import, i);
      g_autofree char *count = jx_number_format (unknown->count);
      g_autoptr(GString) subtitle = g_string_new (field_label (kind, unknown->field));
      GtkWidget *row = text_row (unknown->value, NULL);
      GtkWidget *toggle = gtk_switch_new ();

      g_string_append (subtitle, " · ");
      if (unknown->first_line > 0)
        /* Translators: %1$s is a number of rows, %2$u a line of the file. */
        g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE,
                                                       "%1$s row, first on line %2$u",
                                                       "%1$s rows, first on line %2$u",
                                                       unknown->count),
                                count, unknown->first_line);
      else
        g_string_append (subtitle, _("named in the column choices"));
      if (unknown->suggestion != NULL)
        {
          g_string_append (subtitle, " · ");
          /* Translators: %s is an existing name spelt nearly like the unknown one. */
          g_string_append_printf (subtitle, _("did you mean “%s”?"), unknown->suggestion);
        }
      if (!unknown->can_create)
        {
          g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("import the deals first"));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      if (unknown->suggestion != NULL && jx_import_field_can_alias (self->import, unknown->field))
        {
          /* Translators: a button that reads a misspelt name as the existing one. */
          g_autofree char *label = g_strdup_printf (_("Use “%s”"), unknown->suggestion);
          GtkWidget *use = gtk_button_new_with_label (label);

          gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (use, _("Read this name as the existing one, without "
                                              "changing the file"));
          g_object_set_data (G_OBJECT (use), "jx-unknown", GUINT_TO_POINTER (i));
          g_signal_connect (use, "clicked", G_CALLBACK (on_use_suggestion_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
        }
      gtk_switch_set_active (GTK_SWITCH (toggle), unknown->create);
      gtk_widget_set_sensitive (toggle, unknown->can_create);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("Create it with the import"));
      g_object_set_data (G_OBJECT (toggle), "jx-unknown", GUINT_TO_POINTER (i));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_create_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      if (unknown->can_create)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      can_create_any = can_create_any || unknown->can_create;
      group_add (self->unknown_group, row);
    }
  self->syncing = FALSE;
  if (n_unknowns > MAX_UNKNOWN_ROWS)
    {
      guint more = n_unknowns - MAX_UNKNOWN_ROWS;
      g_autofree char *n = jx_number_format (more);
      /* Translators: %s is a number of unknown names not listed. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %s more name",
                                                            "… and %s more names", more), n);

      group_add (self->unknown_group, text_row (text, _("Create All covers them too")));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_group), n_unknowns > 0);
  gtk_widget_set_visible (self->create_all_button, n_unknowns > 1 && can_create_any);

  for (guint i = 0; i < summary->errors->len; i++)
    {
      const JxImportProblem *problem = summary->errors->pdata[i];
      /* Translators: where an error is; %u is a line of the file. */
      g_autofree char *where = problem->line > 0 ? g_strdup_printf (_("Line %u"), problem->line)
                                                 : g_strdup (_("The whole file"));
      GtkWidget *row = text_row (where, problem->message);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      group_add (self->error_group, row);
    }
  if (summary->n_errors > summary->errors->len)
    {
      guint more = summary->n_errors - summary->errors->len;
      g_autofree char *n = jx_number_format (more);
      /* Translators: %s is a number of errors not listed. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %s more error",
                                                            "… and %s more errors", more), n);

      group_add (self->error_group, text_row (text, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), summary->n_errors > 0);

  for (guint i = 0; i < self->aliases->len; i++)
    {
      char **alias = self->aliases->pdata[i];
      GtkWidget *row = alias_row (self, alias);
      GtkWidget *revert = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      gtk_widget_set_valign (revert, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (revert, "flat");
      gtk_widget_set_tooltip_text (revert, _("Read the name as the file writes it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (revert), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Read the name as the file writes it"), -1);
      g_object_set_data (G_OBJECT (revert), "jx-alias", GUINT_TO_POINTER (i));
      g_signal_connect (revert, "clicked", G_CALLBACK (on_revert_alias_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revert);
      group_add (self->notes_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), self->aliases->len > 0);
  if (summary->n_errors == 0)
    {
      for (guint i = 0; i < summary->warnings->len; i++)
        group_add (self->notes_group, text_row (summary->warnings->pdata[i], NULL));
      if (summary->blanks->len > 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint i = 0; i < summary->blanks->len; i++)
            {
              const JxImportBlank *blank = summary->blanks->pdata[i];
              g_autofree char *n = jx_number_format (blank->count);

              g_string_append_printf (text, "%s%s %s", i > 0 ? _(", ") : "",
                                      field_label (kind, blank->field), n);
            }
          group_add (self->notes_group, text_row (_("Blank cells are kept as unknown"),
                                                  text->str));
        }
      add_ignored_columns_row (self->notes_group, summary);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_group),
                              self->aliases->len + summary->warnings->len +
                              summary->blanks->len + summary->ignored_columns->len > 0);
    }
  update_problems_status (self);
}

static void
create_all_activate (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->unknown_group), "jx-rows");

  if (self->import == NULL || self->running != RUN_NONE)
    return;
  /* Every name, also those beyond the rows shown. */
  for (guint i = 0; i < jx_import_get_n_unknowns (self->import); i++)
    {
      const JxImportUnknown *unknown = jx_import_get_unknown (self->import, i);

      if (unknown->can_create)
        {
          g_hash_table_add (self->wanted, unknown_key (unknown));
          jx_import_set_create (self->import, i, TRUE);
        }
    }
  self->syncing = TRUE;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (rows->pdata[i]));

      if (GTK_IS_SWITCH (toggle))
        gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
    }
  self->syncing = FALSE;
  g_clear_error (&self->write_error);
  update_problems_status (self);
}

/* Reads the file again after the user corrected it elsewhere, keeping the mapping when
 * the columns are the same. */
static void
check_again_activate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) wanted = g_steal_pointer (&self->wanted);
  gboolean same;

  if (self->import == NULL || self->running != RUN_NONE)
    return;
  for (guint c = 0; c < jx_import_get_n_columns (self->import); c++)
    {
      const JxImportColumn *column = jx_import_get_column (self->import, c);

      g_ptr_array_add (headers, g_strdup (column->header));
      g_ptr_array_add (fields, g_strdup (column->field));
    }
  for (guint i = 0; i < self->aliases->len; i++)
    g_ptr_array_add (aliases, g_strdupv (self->aliases->pdata[i]));
  self->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  open_import (self);
  g_hash_table_unref (self->wanted);
  self->wanted = g_steal_pointer (&wanted);
  if (self->import == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "file");
      update_header (self);
      return;
    }
  same = jx_import_get_n_columns (self->import) == headers->len;
  for (guint c = 0; same && c < headers->len; c++)
    same = g_str_equal (jx_import_get_column (self->import, c)->header, headers->pdata[c]);
  for (guint c = 0; same && c < headers->len; c++)
    jx_import_set_column_field (self->import, c, fields->pdata[c], NULL);
  for (guint i = 0; same && i < aliases->len; i++)
    {
      char **alias = aliases->pdata[i];

      if (jx_import_set_alias (self->import, alias[0], alias[1], alias[2], NULL))
        g_ptr_array_add (self->aliases, g_strdupv (alias));
    }
  build_preview (self);
  build_mapping (self);
  if (!same)
    {
      gtk_stack_set_visible_child_name (self->stack, "mapping");
      update_header (self);
      return;
    }
  start_run (self, RUN_VALIDATE);
}

/* ---------------------------------------------------------------- summary */

static void
build_summary (JxImportAssistant *self)
{
  const JxImportSummary *summary = jx_import_get_summary (self->import);
  JxImportKind kind = jx_import_get_kind (self->import);
  g_autofree char *name = file_basename (self);
  g_autofree char *n_new = jx_number_format (summary->n_new);
  g_autofree char *n_updated = jx_number_format (summary->n_updated);
  g_autofree char *n_unchanged = jx_number_format (summary->n_unchanged);
  g_autofree char *text = NULL;
  guint shown = 0;

  self->undone = FALSE;
  gtk_image_set_from_icon_name (self->summary_icon, "object-select-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "success");
  gtk_label_set_text (self->summary_title, _("Import Complete"));
  /* Translators: %1$s is a file name, the others are numbers of rows. */
  text = g_strdup_printf (_("%1$s: %2$s new, %3$s updated, %4$s unchanged."), name, n_new,
                          n_updated, n_unchanged);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (self->undo_button, self->made_undo_step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.undo", self->made_undo_step);

  group_clear (self->counts_group);
  group_clear (self->created_group);
  group_clear (self->blanks_group);
  group_clear (self->summary_notes_group);

  group_add (self->counts_group, count_row (C_("rows", "New"), summary->n_new));
  group_add (self->counts_group, count_row (C_("rows", "Updated"), summary->n_updated));
  group_add (self->counts_group, count_row (C_("rows", "Unchanged"), summary->n_unchanged));
  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), TRUE);

  for (guint i = 0; i < summary->created->len && shown < 100; i++, shown++)
    {
      const JxImportCreated *created = summary->created->pdata[i];

      group_add (self->created_group, text_row (created->name, created_label (created->field)));
    }
  if (summary->created->len > shown)
    {
      guint more = summary->created->len - shown;
      /* Translators: %u is a number of names not listed. */
      g_autofree char *more_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "… and %u more", "… and %u more",
                                                                 more), more);

      group_add (self->created_group, text_row (more_text, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->created_group), summary->created->len > 0);

  for (guint i = 0; i < summary->blanks->len; i++)
    {
      const JxImportBlank *blank = summary->blanks->pdata[i];

      group_add (self->blanks_group, count_row (field_label (kind, blank->field), blank->count));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->blanks_group), summary->blanks->len > 0);

  for (guint i = 0; i < self->aliases->len; i++)
    group_add (self->summary_notes_group, alias_row (self, self->aliases->pdata[i]));
  for (guint i = 0; i < summary->warnings->len; i++)
    group_add (self->summary_notes_group, text_row (summary->warnings->pdata[i], NULL));
  add_ignored_columns_row (self->summary_notes_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_notes_group),
                          self->aliases->len + summary->warnings->len +
                          summary->ignored_columns->len > 0);
}

/* The import is one step on the window's undo stack: Undo here is win.undo. */
static void
undo_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!self->made_undo_step || self->undone)
    return;
  if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.undo", NULL))
    jx_store_undo (self->store, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  self->undone = TRUE;
  gtk_image_set_from_icon_name (self->summary_icon, "edit-undo-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
  gtk_label_set_text (self->summary_title, _("Import Undone"));
  gtk_label_set_text (self->summary_label,
                      _("The data is back as it was before the import. Redo brings the "
                        "import back."));
  gtk_widget_set_visible (self->undo_button, FALSE);
  gtk_widget_action_set_enabled (widget, "import.undo", FALSE);
}

/* ---------------------------------------------------------------- navigation */

static const struct {
  const char *name;
  guint       step;
  const char *title;
} pages[] = {
  { "file", 1, N_("Choose a File") },
  { "preview", 2, N_("Preview") },
  { "mapping", 3, N_("Match Columns to Fields") },
  { "busy", 4, NULL },
  { "problems", 4, N_("Review") },
  { "summary", 5, N_("Done") },
};

static void
update_header (JxImportAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  g_autofree char *name = file_basename (self);
  g_autofree char *subtitle = NULL;
  const char *title = NULL;
  const char *next = _("_Next");
  gboolean can_next = FALSE, can_back = TRUE, buttons = TRUE;
  guint step = 1;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, page))
      {
        step = pages[i].step;
        title = pages[i].title != NULL ? _(pages[i].title) : NULL;
      }

  if (g_str_equal (page, "file"))
    can_next = self->import != NULL;
  else if (g_str_equal (page, "preview"))
    can_next = self->import != NULL;
  else if (g_str_equal (page, "mapping"))
    {
      g_autofree char *missing = self->import != NULL ? missing_fields (self) : NULL;

      can_next = self->import != NULL && missing == NULL;
      next = _("_Check");
    }
  else if (g_str_equal (page, "busy"))
    {
      buttons = FALSE;
      title = self->running == RUN_WRITE ? _("Importing") : _("Checking");
    }
  else if (g_str_equal (page, "problems"))
    {
      const JxImportSummary *summary = self->import != NULL ? jx_import_get_summary (self->import)
                                                            : NULL;

      can_next = self->check_error == NULL && summary != NULL &&
                 !jx_import_summary_has_problems (summary);
      next = _("_Import");
    }
  else if (g_str_equal (page, "summary"))
    {
      can_back = FALSE;
      can_next = TRUE;
      next = _("_Close");
    }

  adw_window_title_set_title (self->window_title, title != NULL ? title : "");
  /* Translators: the assistant's subtitle; %1$u and %2$u are steps, %3$s the file name. */
  subtitle = *name != '\0' ? g_strdup_printf (_("Step %1$u of %2$u · %3$s"), step, 5, name)
                           : g_strdup_printf (_("Step %1$u of %2$u"), step, 5);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_button_set_label (GTK_BUTTON (self->next_button), next);
  gtk_button_set_label (GTK_BUTTON (self->back_button),
                        g_str_equal (page, "file") ? _("_Cancel") : _("_Back"));
  gtk_widget_set_visible (self->back_button, buttons && can_back);
  gtk_widget_set_visible (self->next_button, buttons);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", buttons && can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", buttons && can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file",
                                 self->running == RUN_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check-again",
                                 self->running == RUN_NONE && self->import != NULL);
}

static void
show_page (JxImportAssistant *self,
           const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_header (self);
}

static void
next_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->running != RUN_NONE)
    return;
  if (g_str_equal (page, "summary"))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->import == NULL)
    return;
  if (g_str_equal (page, "file"))
    {
      build_preview (self);
      show_page (self, "preview");
    }
  else if (g_str_equal (page, "preview"))
    {
      if (self->mapping_serial != self->import_serial)
        build_mapping (self);
      show_page (self, "mapping");
    }
  else if (g_str_equal (page, "mapping"))
    start_run (self, RUN_VALIDATE);
  else if (g_str_equal (page, "problems"))
    start_run (self, RUN_WRITE);
}

static void
back_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->running != RUN_NONE)
    return;
  if (g_str_equal (page, "file"))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (page, "preview"))
    show_page (self, "file");
  else if (g_str_equal (page, "mapping"))
    show_page (self, "preview");
  else if (g_str_equal (page, "problems"))
    show_page (self, "mapping");
}

/* ---------------------------------------------------------------- the object */

static gboolean
jx_import_assistant_close_request (GtkWindow *window)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (window);

  /* The worker still uses the store: stop it, and close when it has rolled back. */
  if (self->running != RUN_NONE)
    {
      self->close_requested = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (jx_import_assistant_parent_class)->close_request (window);
}

static void
jx_import_assistant_dispose (GObject *object)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JX_TYPE_IMPORT_ASSISTANT);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->choice_labels);
  G_OBJECT_CLASS (jx_import_assistant_parent_class)->dispose (object);
}

static void
jx_import_assistant_finalize (GObject *object)
{
  JxImportAssistant *self = JX_IMPORT_ASSISTANT (object);

  g_ptr_array_unref (self->choices);
  g_ptr_array_unref (self->choice_descriptions);
  g_ptr_array_unref (self->dropdowns);
  g_ptr_array_unref (self->stage_entries);
  g_ptr_array_unref (self->aliases);
  g_hash_table_unref (self->wanted);
  g_clear_error (&self->check_error);
  g_clear_error (&self->write_error);
  G_OBJECT_CLASS (jx_import_assistant_parent_class)->finalize (object);
}

static void
jx_import_assistant_class_init (JxImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jx_import_assistant_dispose;
  object_class->finalize = jx_import_assistant_finalize;
  window_class->close_request = jx_import_assistant_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/jingxi/Jingxi/ui/jx-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, file_error_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, file_error_label);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, missing_box);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, missing_label);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, busy_page);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, problems_title);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, problems_label);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, unknown_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, error_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, notes_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, create_all_button);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, summary_title);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, undo_button);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, counts_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, created_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, blanks_group);
  gtk_widget_class_bind_template_child (widget_class, JxImportAssistant, summary_notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_encoding_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_order_selected_cb);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_activate);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_activate);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_activate);
  gtk_widget_class_install_action (widget_class, "import.cancel-run", NULL, cancel_run_activate);
  gtk_widget_class_install_action (widget_class, "import.create-all", NULL, create_all_activate);
  gtk_widget_class_install_action (widget_class, "import.check-again", NULL,
                                   check_again_activate);
  gtk_widget_class_install_action (widget_class, "import.undo", NULL, undo_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "import.next",
                                       NULL);
}

static void
jx_import_assistant_init (JxImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_ptr_array_new_with_free_func (g_free);
  self->choice_descriptions = g_ptr_array_new_with_free_func (g_free);
  self->dropdowns = g_ptr_array_new ();
  self->stage_entries = g_ptr_array_new ();
  self->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel-run", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.undo", FALSE);
  self->kind_chosen = FALSE;
}

/**
 * jx_import_assistant_new:
 * @parent: the window it belongs to (its win.undo takes the import back)
 * @context: the context; its database must be open
 *
 * Returns: (transfer none): a new modal assistant; present it
 */
JxImportAssistant *
jx_import_assistant_new (GtkWindow *parent,
                         JxContext *context)
{
  JxImportAssistant *self;

  g_return_val_if_fail (JX_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (jx_context_get_store (context) != NULL, NULL);

  self = g_object_new (JX_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (jx_context_get_store (context));
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, JX_IMPORT_KIND_DEALS);
  self->syncing = FALSE;
  update_header (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->choose_button);
  return self;
}

/* "file", "preview", "mapping", "busy", "problems" or "summary". */
const char *
jx_import_assistant_get_page (JxImportAssistant *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The main message of the page: the file's error on the first page, the verdict of the
 * check, or what the import did. */
const char *
jx_import_assistant_get_message (JxImportAssistant *self)
{
  const char *page;

  g_return_val_if_fail (JX_IS_IMPORT_ASSISTANT (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_str_equal (page, "file"))
    return gtk_widget_get_visible (self->file_error_group)
             ? gtk_label_get_text (self->file_error_label) : NULL;
  if (g_str_equal (page, "problems"))
    return gtk_label_get_text (self->problems_label);
  if (g_str_equal (page, "summary"))
    return gtk_label_get_text (self->summary_label);
  if (g_str_equal (page, "preview"))
    return gtk_label_get_text (self->preview_label);
  if (g_str_equal (page, "mapping"))
    return gtk_widget_get_visible (self->missing_box) ? gtk_label_get_text (self->missing_label)
                                                      : NULL;
  return NULL;
}

/* (transfer none) (nullable): the import of the open file, for its summary and mapping. */
JxImport *
jx_import_assistant_get_import (JxImportAssistant *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_ASSISTANT (self), NULL);

  return self->import;
}

gboolean
jx_import_assistant_is_running (JxImportAssistant *self)
{
  g_return_val_if_fail (JX_IS_IMPORT_ASSISTANT (self), FALSE);

  return self->running != RUN_NONE;
}
