/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "jx-funnel-report.h"
#include "jx-target-report.h"
#include "jx-test-util.h"

/*
 * jingxi-cli report: exit codes, messages, paper sizes, and the same text as the report
 * the library makes (which is what the GUI prints).
 */

#define TODAY "2026-11-27"

/* The scale-1 demo database of every test. */
typedef JxTestDemo Fixture;

/* Runs jingxi-cli --db DB ARGS…; returns its exit code. */
static int
run_cli (Fixture     *f,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int code;
  va_list ap;

  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  code = jx_test_run_cliv (&out, err, (const char *const *) args->pdata);
  /* Messages go to standard error; standard output stays empty. */
  g_assert_cmpstr (out, ==, "");
  return code;
}

/* The output of pdftotext or pdfinfo (which takes no "-") for a PDF. */
static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, g_str_equal (tool, "pdfinfo") ? NULL : "-", NULL };

  return jx_test_run_tool (argv, NULL);
}

static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *library = g_build_filename (f->dir, "library.pdf", NULL);
  g_autofree char *library_text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(JxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  JxDealFilter filter;
  GDate today;

  g_assert_cmpint (run_cli (f, &err, "report", "funnel", "--pdf", pdf, "--today", TODAY,
                            "--from", "2026-10-01", "--to", "2026-12-31", "--region", "east",
                            "--tier", "key", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "pages to"));
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Filters: East · Key"));
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));

  /* The same document as the library makes for the same filter. */
  jx_test_date (&today, TODAY);
  jx_deal_filter_init (&filter);
  g_assert_true (jx_deal_filter_set_period_iso (&filter, "2026-10-01", "2026-12-31", NULL));
  g_assert_true (jx_deal_filter_set_by_name (&filter, f->store, JX_DEAL_FILTER_REGION, "east",
                                             NULL));
  g_assert_true (jx_deal_filter_set_tier (&filter, "key", NULL));
  report = jx_funnel_report_new (f->store, &filter, &today, &error);
  g_assert_no_error (error);
  g_assert_true (jx_report_write_pdf (report, library, JX_PAPER_A4, &error));
  library_text = run_tool ("pdftotext", library);
  g_assert_cmpstr (text, ==, library_text);

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&info, g_free);
  g_assert_cmpint (run_cli (f, &err, "report", "funnel", "--pdf", pdf, "--today", TODAY,
                            "--paper", "Letter", NULL), ==, 0);
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_cli (f, &err, "report", "targets", "--pdf", pdf, "--today", TODAY,
                            "--plan", "Plan 2026", NULL), ==, 0);
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Revenue 2026"));
  g_assert_nonnull (strstr (text, "Every target of the plan"));
  g_assert_nonnull (strstr (text, "¥196,440,000"));
}

/* Unknown names and plans are errors (1) that name what was not found and leave no file;
 * bad usage is 2. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  const struct {
    int         code;
    const char *message;
    const char *args[8];
  } cases[] = {
    { 1, "There is no region “Atlantis”", { "funnel", "--region", "Atlantis" } },
    { 1, "There is no team member “Nobody”", { "funnel", "--owner", "Nobody" } },
    { 1, "There is no product line “Toys”", { "funnel", "--product-line", "Toys" } },
    { 1, "There is no tier “gold”", { "funnel", "--tier", "gold" } },
    { 1, "There is no customer type “Aliens”", { "funnel", "--customer-type", "Aliens" } },
    { 1, "No Such Plan", { "targets", "--plan", "No Such Plan" } },
    { 2, "not a date", { "funnel", "--from", "2026-13-01" } },
    { 2, "Swap the dates", { "funnel", "--from", "2026-12-01", "--to", "2026-01-01" } },
    { 2, "not a date", { "funnel", "--today", "yesterday" } },
    { 2, "not a paper size", { "funnel", "--paper", "a5" } },
    { 2, "takes no funnel filters", { "targets", "--region", "East" } },
    { 2, "--plan is for the targets report", { "funnel", "--plan", "Plan 2026" } },
    { 2, "unknown report “sales”", { "sales" } },
    { 2, "unexpected argument “extra”", { "funnel", "extra" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *err = NULL;
      int code;

      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, f->db);
      g_ptr_array_add (args, "report");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (char *) cases[i].args[a]);
      g_ptr_array_add (args, "--pdf");
      g_ptr_array_add (args, pdf);
      g_ptr_array_add (args, NULL);
      code = jx_test_run_cliv (NULL, &err, (const char *const *) args->pdata);
      g_test_message ("%s → %d: %s", cases[i].args[0], code, err);
      g_assert_cmpint (code, ==, cases[i].code);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  {
    g_autofree char *err = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder.pdf", NULL);

    g_assert_cmpint (run_cli (f, &err, "report", "funnel", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--pdf FILE is required"));
    g_assert_cmpint (run_cli (f, &err, "report", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "funnel or targets"));
    g_clear_pointer (&err, g_free);
    /* A folder that does not exist: an error that names the file. */
    g_assert_cmpint (run_cli (f, &err, "report", "funnel", "--pdf", missing, "--today", TODAY,
                              NULL), ==, 1);
    g_assert_nonnull (strstr (err, missing));
  }
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (jx_test_run_cli (&out, NULL, "report", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--pdf=FILE"));
  g_assert_nonnull (strstr (out, "--paper=SIZE"));
  g_assert_nonnull (strstr (out, "--customer-type=NAME"));
  g_assert_nonnull (strstr (out, "--plan=PLAN"));
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/jx/cli-report/" path, Fixture, NULL, jx_test_demo_set_up, func, \
              jx_test_demo_tear_down)
  ADD ("funnel", test_funnel);
  ADD ("targets", test_targets);
  ADD ("errors", test_errors);
  ADD ("help", test_help);
#undef ADD
  return g_test_run ();
}
