/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-import-summary.h"
#include "jx-json.h"
#include "jx-money.h"

/*
 * What an import did or would do: counts, the names it created, the blanks it kept as
 * unknown, warnings, and the errors that stopped it. The CLI prints it, --json renders it,
 * and the GUI's problems and summary pages read its fields.
 */

static void
problem_free (gpointer data)
{
  JxImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void
created_free (gpointer data)
{
  JxImportCreated *created = data;

  g_free (created->field);
  g_free (created->name);
  g_free (created);
}

static void
blank_free (gpointer data)
{
  JxImportBlank *blank = data;

  g_free (blank->field);
  g_free (blank);
}

void
jx_import_unknown_free (gpointer data)
{
  JxImportUnknown *unknown = data;

  g_free (unknown->field);
  g_free (unknown->value);
  g_free (unknown->suggestion);
  g_free (unknown);
}

JxImportSummary *
jx_import_summary_new (JxImportKind  kind,
                       const char   *file)
{
  JxImportSummary *summary = g_new0 (JxImportSummary, 1);

  summary->kind = kind;
  summary->file = g_strdup (file);
  summary->errors = g_ptr_array_new_with_free_func (problem_free);
  summary->unknowns = g_ptr_array_new_with_free_func (jx_import_unknown_free);
  summary->created = g_ptr_array_new_with_free_func (created_free);
  summary->warnings = g_ptr_array_new_with_free_func (g_free);
  summary->blanks = g_ptr_array_new_with_free_func (blank_free);
  summary->ignored_columns = g_ptr_array_new_with_free_func (g_free);
  return summary;
}

void
jx_import_summary_free (JxImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->file);
  g_ptr_array_unref (summary->errors);
  g_ptr_array_unref (summary->unknowns);
  g_ptr_array_unref (summary->created);
  g_ptr_array_unref (summary->warnings);
  g_ptr_array_unref (summary->blanks);
  g_ptr_array_unref (summary->ignored_columns);
  g_free (summary);
}

/* Whether the import cannot go on: errors, or unknown names that will not be created. */
gboolean
jx_import_summary_has_problems (const JxImportSummary *summary)
{
  return summary->n_errors > 0 || summary->unknowns->len > 0;
}

/* "FILE:LINE: message" */
char *
jx_import_summary_format_error (const JxImportSummary *summary,
                                const JxImportProblem *problem)
{
  if (problem->line == 0)
    return g_strdup_printf ("%s: %s", summary->file, problem->message);
  return g_strdup_printf ("%s:%u: %s", summary->file, problem->line, problem->message);
}

/* "FILE:LINE: unknown product "GTXPro" (1,480 rows); did you mean "GTX Pro"?" */
char *
jx_import_summary_format_unknown (const JxImportSummary *summary,
                                  const JxImportUnknown *unknown)
{
  g_autofree char *count = jx_number_format (unknown->count);
  /* Translators: %s is a number of rows, formatted with thousands separators. */
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows",
                                                        unknown->count), count);
  g_autofree char *text = NULL;

  if (unknown->suggestion != NULL)
    /* Translators: %1$s is a field (product, owner, …), %2$s the name in the file, %3$s
     * "N rows", %4$s the existing name that is spelt nearly the same. */
    text = g_strdup_printf (_("unknown %1$s \"%2$s\" (%3$s); did you mean \"%4$s\"?"),
                            unknown->field, unknown->value, rows, unknown->suggestion);
  else
    /* Translators: %1$s is a field (product, owner, …), %2$s the name in the file, %3$s
     * "N rows". */
    text = g_strdup_printf (_("unknown %1$s \"%2$s\" (%3$s)"), unknown->field, unknown->value,
                            rows);
  return g_strdup_printf ("%s:%u: %s", summary->file, unknown->first_line, text);
}

/**
 * jx_import_summary_to_json:
 * @summary: a summary
 *
 * Renders the summary as
 * `{"kind", "file", "dry_run", "written", "rows", "new", "updated", "unchanged",
 *   "created": [{"field", "name"}], "blanks": {"field": n}, "ignored_columns": [],
 *   "warnings": [], "unknown": [{"field", "value", "rows", "first_line", "suggestion"}],
 *   "error_count", "errors": [{"line", "message", "text"}]}`.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
jx_import_summary_to_json (const JxImportSummary *summary)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  jx_json_add_string (b, "kind", jx_import_kind_to_string (summary->kind));
  jx_json_add_string (b, "file", summary->file);
  jx_json_add_boolean (b, "dry_run", summary->dry_run);
  jx_json_add_boolean (b, "written", summary->written && !summary->dry_run);
  jx_json_add_int (b, "rows", summary->n_rows);
  jx_json_add_int (b, "new", summary->n_new);
  jx_json_add_int (b, "updated", summary->n_updated);
  jx_json_add_int (b, "unchanged", summary->n_unchanged);

  json_builder_set_member_name (b, "created");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->created->len; i++)
    {
      const JxImportCreated *created = summary->created->pdata[i];

      json_builder_begin_object (b);
      jx_json_add_string (b, "field", created->field);
      jx_json_add_string (b, "name", created->name);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "blanks");
  json_builder_begin_object (b);
  for (guint i = 0; i < summary->blanks->len; i++)
    {
      const JxImportBlank *blank = summary->blanks->pdata[i];

      jx_json_add_int (b, blank->field, blank->count);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "ignored_columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->ignored_columns->len; i++)
    json_builder_add_string_value (b, summary->ignored_columns->pdata[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->warnings->len; i++)
    json_builder_add_string_value (b, summary->warnings->pdata[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "unknown");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->unknowns->len; i++)
    {
      const JxImportUnknown *unknown = summary->unknowns->pdata[i];

      json_builder_begin_object (b);
      jx_json_add_string (b, "field", unknown->field);
      jx_json_add_string (b, "value", unknown->value);
      jx_json_add_int (b, "rows", unknown->count);
      jx_json_add_int (b, "first_line", unknown->first_line);
      jx_json_add_string (b, "suggestion", unknown->suggestion);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  jx_json_add_int (b, "error_count", summary->n_errors);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->errors->len; i++)
    {
      const JxImportProblem *problem = summary->errors->pdata[i];
      g_autofree char *text = jx_import_summary_format_error (summary, problem);

      json_builder_begin_object (b);
      jx_json_add_int (b, "line", problem->line);
      jx_json_add_string (b, "message", problem->message);
      jx_json_add_string (b, "text", text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
