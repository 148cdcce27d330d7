/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "jx-print-operation.h"
#include "jx-ui.h"

/*
 * Printing hands the page drawing to the report, as GNOME Text Editor hands it to its
 * printer object: the operation only asks the report to paginate for the page size the user
 * chose and to draw each page into the print context's cairo_t. The same report writes the
 * PDF of `jingxi-cli report`, so paper and PDF show the same pages.
 */

struct _JxPrintOperation {
  GtkPrintOperation  parent_instance;
  JxReport          *report;
};

G_DEFINE_FINAL_TYPE (JxPrintOperation, jx_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
jx_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  JxPrintOperation *self = JX_PRINT_OPERATION (operation);
  guint n_pages;

  /* The context is in points (set in init), the report's unit. */
  n_pages = jx_report_paginate (self->report,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
jx_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  JxPrintOperation *self = JX_PRINT_OPERATION (operation);

  jx_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
jx_print_operation_finalize (GObject *object)
{
  JxPrintOperation *self = JX_PRINT_OPERATION (object);

  g_clear_object (&self->report);
  G_OBJECT_CLASS (jx_print_operation_parent_class)->finalize (object);
}

static void
jx_print_operation_class_init (JxPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = jx_print_operation_finalize;
  print_class->begin_print = jx_print_operation_begin_print;
  print_class->draw_page = jx_print_operation_draw_page;
}

static void
jx_print_operation_init (JxPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The report lays out its own margins, header and footer on the full sheet. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

JxPrintOperation *
jx_print_operation_new (JxReport *report)
{
  JxPrintOperation *self;

  g_return_val_if_fail (JX_IS_REPORT (report), NULL);

  self = g_object_new (JX_TYPE_PRINT_OPERATION, NULL);
  self->report = g_object_ref (report);
  return self;
}

JxReport *
jx_print_operation_get_report (JxPrintOperation *self)
{
  g_return_val_if_fail (JX_IS_PRINT_OPERATION (self), NULL);

  return self->report;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL && parent != NULL)
    jx_ui_show_error_dialog (GTK_WIDGET (parent), _("Could Not Print"), error);
}

/* Opens the print dialog (with preview and page setup) for @report. */
void
jx_print_report (GtkWindow *parent,
                 JxReport  *report)
{
  g_autoptr(JxPrintOperation) operation = jx_print_operation_new (report);
  g_autoptr(GError) error = NULL;

  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), parent);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL)
    on_print_done_cb (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_RESULT_ERROR, parent);
}

/**
 * jx_print_report_to_pdf:
 *
 * Writes @report to @path through GtkPrintOperation's export action, the path the GUI's
 * Export as PDF… takes.
 */
gboolean
jx_print_report_to_pdf (JxReport    *report,
                        const char  *path,
                        JxPaper      paper,
                        GError     **error)
{
  g_autoptr(JxPrintOperation) operation = jx_print_operation_new (report);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == JX_PAPER_LETTER
                                                     ? GTK_PAPER_NAME_LETTER
                                                     : GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

typedef struct {
  GtkWindow *parent;
  JxReport  *report;
} ExportJob;

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ExportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !jx_print_report_to_pdf (job->report, path, JX_PAPER_A4, &error))
        jx_ui_show_error_dialog (GTK_WIDGET (job->parent), _("Could Not Export the PDF"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (job->report);
  g_free (job);
}

/* Asks where to save @report as a PDF and writes it there. */
void
jx_export_report_pdf (GtkWindow  *parent,
                      JxReport   *report,
                      const char *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportJob *job = g_new0 (ExportJob, 1);

  job->parent = parent;
  job->report = g_object_ref (report);
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * jx_print_report_for_action:
 * @view: the view whose window the dialogs belong to
 * @action_name: "view.print" for the print dialog, anything else for Export as PDF…
 * @report: (nullable): the report, or %NULL when it could not be made
 * @error: (nullable): why @report is %NULL
 * @file_name: the file name to suggest for the PDF
 *
 * What the views' Print… and Export as PDF… actions do with the report they made.
 */
void
jx_print_report_for_action (GtkWidget    *view,
                            const char   *action_name,
                            JxReport     *report,
                            const GError *error,
                            const char   *file_name)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (report == NULL)
    {
      jx_ui_show_error_dialog (view, _("Could Not Make the Report"), error);
      return;
    }
  if (g_str_equal (action_name, "view.print"))
    jx_print_report (window, report);
  else
    jx_export_report_pdf (window, report, file_name);
}
